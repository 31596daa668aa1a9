package web

import (
	"context"
	"strconv"
	"strings"

	"planverk/plan"
	"planverk/store"
)

// checkGoalName reads the number and label fields of the goal form against
// the plan's other goals (self is the goal edited, nil for a new one) and
// refuses, beside the field, a number or label another goal has, naming
// that goal. It returns the number asked for: 0 where the field is empty on
// a new goal, which then gets the number after the last.
func checkGoalName(fm *form, f *plan.File, self *plan.Goal) int {
	number := 0
	if s := fm.Get("number"); s != "" || self != nil {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > 999 {
			fm.Fail("number", "structure.goal-number-invalid")
			return 0
		}
		number = n
	}
	label := fm.Get("label")
	for i := range f.Plan.Goals {
		o := &f.Plan.Goals[i]
		if o == self {
			continue
		}
		if number != 0 && o.Number == number {
			fm.Fail("number", "structure.goal-number-taken", "Number", number, "Title", o.Title)
		}
		if label != "" && strings.EqualFold(o.Label, label) {
			fm.Fail("label", "structure.goal-label-taken", "Label", label, "Title", o.Title)
		}
	}
	return number
}

// renumberGoal gives goal g a new number, and the plan's budget lines and
// targets that name it by its number the same, so that nothing is left
// pointing at a goal that is gone or at another.
func renumberGoal(f *plan.File, g *plan.Goal, to int) {
	from := g.Number
	for bi := range f.Plan.Budgets {
		for li := range f.Plan.Budgets[bi].Lines {
			if l := &f.Plan.Budgets[bi].Lines[li]; l.Goal == from {
				l.Goal = to
			}
		}
	}
	for i := range f.Plan.Targets {
		if f.Plan.Targets[i].Goal == from {
			f.Plan.Targets[i].Goal = to
		}
	}
	for i := range f.Programme.Targets {
		if f.Programme.Targets[i].Goal == from {
			f.Programme.Targets[i].Goal = to
		}
	}
	g.Number = to
}

// goalProjects counts the programme's projects that serve a goal by its
// number (those of a plan whose goals have no measures): renumbering the
// goal would leave them pointing at another goal or none.
func (s *Server) goalProjects(ctx context.Context, programmeID string, number int) (int, error) {
	ps, _, err := s.store.Projects(ctx, programmeID, store.ProjectQuery{})
	if err != nil {
		return 0, err
	}
	n := 0
	for _, p := range ps {
		if p.Goal == number {
			n++
		}
	}
	return n, nil
}
