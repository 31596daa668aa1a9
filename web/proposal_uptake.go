package web

import (
	"context"
	"net/http"
	"strconv"

	"planverk/assessment"
	"planverk/plan"
)

// The improvement proposals of a year's assessment are input to the next
// year's plan: the revision's form shows them beside the measures they
// name (the rest above), and says which were taken up, and where; the
// revision report lists them, taken up or not.

// wholePlan is the choice of a proposal taken up in the plan as a whole,
// in no one measure; a measure's lasting identity never starts with @.
const wholePlan = "@plan"

// proposalInput is the proposals of the assessment of the year before a
// plan's.
type proposalInput struct {
	// Year is the assessment's year.
	Year  int
	Items []proposalItem
	// Loose are the items tied to no measure of the plan, shown above the
	// measures.
	Loose []proposalItem
	// Choices are where a proposal may have been taken up.
	Choices             []option
	TakenUp, NotTakenUp []proposalItem
}

type proposalItem struct {
	Index int
	Text  string
	// Measure is the measure it is tied to, by its lasting identity, and
	// MeasureLabel that measure named as the plan numbers it.
	Measure, MeasureLabel string
	TakenUp               bool
	// Choice is the form's value for where it was taken up ("" for not);
	// TakenUpLabel names the measure, "" for the plan as a whole.
	Choice, TakenUpLabel string
}

// uptakeField is a proposal's field in the form.
func uptakeField(i int) string { return "uptake-" + strconv.Itoa(i) }

// revisionProposals returns the proposals that are input to a programme's
// plan of a year, for the programme's members; nil where the person is
// none, or the year before has no assessment or it has no proposals.
func (s *Server) revisionProposals(ctx context.Context, r *http.Request, f *plan.File) (*proposalInput, error) {
	if !canSeeAssessment(r, f.Programme.ID) {
		return nil, nil
	}
	a, err := s.store.Assessment(ctx, f.Programme.ID, f.Plan.Year-1)
	if plan.ErrorCode(err) == plan.ENotFound {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if len(a.Proposals) == 0 {
		return nil, nil
	}
	return newProposalInput(a, planMeasureChoices(f)), nil
}

func newProposalInput(a assessment.Assessment, choices []measureChoice) *proposalInput {
	in := &proposalInput{Year: a.Year}
	in.Choices = []option{{Value: "", ID: "assessment.uptake.not"}, {Value: wholePlan, ID: "assessment.uptake.whole-plan"}}
	inPlan := map[string]bool{}
	for _, c := range choices {
		inPlan[c.ID] = true
		in.Choices = append(in.Choices, option{Value: c.ID, Label: c.Label})
	}
	for i, p := range a.Proposals {
		it := proposalItem{Index: i, Text: p.Text, Measure: p.Measure, TakenUp: p.TakenUp}
		if p.Measure != "" {
			it.MeasureLabel = measureLabel(choices, p.Measure)
		}
		if p.TakenUp {
			it.Choice = wholePlan
			if p.TakenUpIn != "" {
				it.Choice, it.TakenUpLabel = p.TakenUpIn, measureLabel(choices, p.TakenUpIn)
			}
			in.TakenUp = append(in.TakenUp, it)
		} else {
			in.NotTakenUp = append(in.NotTakenUp, it)
		}
		in.Items = append(in.Items, it)
		if !inPlan[p.Measure] {
			in.Loose = append(in.Loose, it)
		}
	}
	return in
}

// For lists the proposals tied to a measure.
func (in *proposalInput) For(measureID string) []proposalItem {
	if in == nil {
		return nil
	}
	var out []proposalItem
	for _, it := range in.Items {
		if it.Measure != "" && it.Measure == measureID {
			out = append(out, it)
		}
	}
	return out
}
