package web

import (
	"context"
	"fmt"
	"net/http"
	"strconv"

	"planverk/assessment"
	"planverk/auth"
	"planverk/plan"
)

// The programme status assessment is the programme's own work: its
// members read it (readers and reviewers too), its editors and
// administrators write it, and it is not there for anybody else.

// canSeeAssessment reports whether the person is one of the programme's
// members.
func canSeeAssessment(r *http.Request, programmeID string) bool {
	return can(r, auth.ViewHistory, auth.Resource{Programme: programmeID})
}

// canEditAssessment reports whether the person writes the assessment: the
// programme's editors and administrators.
func canEditAssessment(r *http.Request, programmeID string) bool {
	return can(r, auth.EditPlan, auth.Resource{Programme: programmeID})
}

// assessmentYear reads the year of the request's path; a path that is no
// year names no assessment.
func assessmentYear(r *http.Request) (int, error) {
	y, err := strconv.Atoi(r.PathValue("year"))
	if err != nil || y < 1900 || y > 9999 {
		return 0, plan.Errorf(plan.ENotFound, "no assessment %q", r.PathValue("year"))
	}
	return y, nil
}

// storedAssessment is a programme's assessment of a year, or a new one on
// the default set where none is stored (started false).
func (s *Server) storedAssessment(ctx context.Context, programmeID string, year int) (assessment.Assessment, bool, error) {
	a, err := s.store.Assessment(ctx, programmeID, year)
	switch {
	case err == nil:
		return a, true, nil
	case plan.ErrorCode(err) == plan.ENotFound:
		return assessment.Start(programmeID, year, assessment.DefaultSource), false, nil
	}
	return a, false, err
}

// measureChoice is a measure a proposal may be tied to, by its lasting
// identity, named as the plan numbers it.
type measureChoice struct {
	ID, Label string
}

// measureChoices lists the measures of a programme's plan of a year, in
// the plan's order; none where there is no plan of that year.
func (s *Server) measureChoices(ctx context.Context, programmeID string, year int) ([]measureChoice, plan.Language, error) {
	f, _, err := s.store.LoadPlan(ctx, programmeID, year)
	if plan.ErrorCode(err) == plan.ENotFound {
		return nil, "", nil
	}
	if err != nil {
		return nil, "", err
	}
	return planMeasureChoices(f), f.Plan.Language, nil
}

func planMeasureChoices(f *plan.File) []measureChoice {
	var out []measureChoice
	for _, g := range f.Plan.Goals {
		for _, m := range g.Measures {
			if m.ID == "" {
				continue
			}
			out = append(out, measureChoice{ID: m.ID, Label: fmt.Sprintf("%d.%d %s", g.Number, m.Number, m.Title)})
		}
	}
	return out
}

// measureLabel names a measure by its identity among the choices, or
// gives the identity where the plan no longer has it.
func measureLabel(choices []measureChoice, id string) string {
	for _, c := range choices {
		if c.ID == id {
			return c.Label
		}
	}
	return id
}
