package web

import (
	"net/http"
	"time"

	"planverk/assessment"
	"planverk/plan"
)

// assessmentsShow lists a programme's status assessments by year, newest
// first, each with its weighted total, and offers its editors to start
// the assessment of each year of the period that has none yet.
func (s *Server) assessmentsShow(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("programme")
	if !canSeeAssessment(r, id) {
		s.deny(w, r)
		return
	}
	p, err := s.programmeNamed(r, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	list, err := s.store.Assessments(r.Context(), id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	lang := string(language(r))
	v := assessmentsView{Programme: p, CanEdit: canEditAssessment(r, id)}
	done := map[int]bool{}
	for _, a := range list {
		done[a.Year] = true
		row := assessmentRow{Year: a.Year, ProgrammeYear: assessment.ProgrammeYear(p.Period.From, a.Year),
			UpdatedAt: a.UpdatedAt, UpdatedBy: a.UpdatedByName, Proposals: len(a.Proposals)}
		set, err := a.Set()
		if err != nil {
			s.fail(w, r, err)
			return
		}
		if res := assessment.Compute(set, a.Scores, row.ProgrammeYear); res.Complete {
			row.Overall = decimal2(lang, res.Overall)
		}
		v.Rows = append(v.Rows, row)
	}
	if v.CanEdit {
		v.Startable = startableYears(p, s.now().In(oslo).Year(), done)
	}
	s.render(w, r, http.StatusOK, "assessments", &view{Title: i18nTitle(r, "assessment.list-title", "Programme", p.Name), Data: v})
}

// startableYears are the years of a programme's period up to the coming
// one that have no assessment yet, newest first: an assessment is made in
// the autumn, for next year's plan.
func startableYears(p plan.Programme, now int, done map[int]bool) []int {
	from, to := p.Period.From, now+1
	if p.Period.To != 0 && p.Period.To < to {
		to = p.Period.To
	}
	if from == 0 {
		from = now
	}
	var out []int
	for y := to; y >= from; y-- {
		if !done[y] {
			out = append(out, y)
		}
	}
	return out
}

type assessmentsView struct {
	Programme plan.Programme
	Rows      []assessmentRow
	Startable []int
	CanEdit   bool
}

type assessmentRow struct {
	Year, ProgrammeYear int
	// Overall is "" while a dimension has no score.
	Overall   string
	UpdatedAt time.Time
	UpdatedBy string
	Proposals int
}
