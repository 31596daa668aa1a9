package web

import (
	"fmt"
	"net/http"

	"planverk/plan"
	"planverk/store"
)

// goalEditView is the goal form, for a new goal or one that exists; for
// one that exists also the order of the plan's goals and of the goal's
// measures, with buttons that move them, and whether it can be deleted.
type goalEditView struct {
	planFormView
	// Goal is nil for a new goal.
	Goal   *plan.Goal
	Action string
	// Stopped says what was refused: "move" a move and "delete" a delete
	// over someone else's change, "in-use" a delete of a goal something
	// refers to; "" is a save of the form, or nothing.
	Stopped string
	// Goals and Measures are the rows of the order tables; GoalOrder and
	// MeasureOrder the fingerprints their move buttons carry, Base the
	// version they were shown from.
	Goals        []orderRow
	Measures     []orderRow
	GoalOrder    string
	MeasureOrder string
	Base         int
	// Return is this page's address, where a move comes back to.
	Return string
	// Blockers say, translated, why the goal cannot be deleted; none when
	// it can.
	Blockers         []string
	DeleteSubmission string
}

// orderRow is a goal or measure in an order table, with a submission key
// for each of its move buttons.
type orderRow struct {
	Number int
	// Name is "Goal 2" or "Measure 3" in the page's language, which the
	// move buttons say to tell them apart; Title is in the plan's.
	Name        string
	Title       string
	First, Last bool
	// Current marks the goal whose page this is.
	Current  bool
	Up, Down string
	// Path is the page of the measure, for measures.
	Path   string
	Action string
}

// goalEdit shows the form that edits a goal.
func (s *Server) goalEdit(w http.ResponseWriter, r *http.Request) {
	f, v, ok := s.loadPlan(w, r)
	if !ok {
		return
	}
	_, g, ok := s.goalFor(w, r, f, v)
	if !ok {
		return
	}
	s.renderGoalEdit(w, r, http.StatusOK, f, v, g, newGoalForm(g, v), nil, "")
}

// newGoalForm is the goal form filled with the goal as it is in version v.
func newGoalForm(g *plan.Goal, v store.PlanVersion) *form {
	return newEditForm(goalValues(g), v, goalMark(g))
}

func (s *Server) renderGoalEdit(w http.ResponseWriter, r *http.Request, status int, f *plan.File, v store.PlanVersion,
	g *plan.Goal, fm *form, conflict *conflictView, stopped string) {
	base := planPath(v)
	ev := goalEditView{planFormView: newPlanFormView(f, v, fm, conflict),
		Goal: g, Action: base + "/goals/new", Stopped: stopped, Base: v.Version}
	title := i18nTitle(r, "structure.goal-new-title")
	if g != nil {
		title = i18nTitle(r, "structure.goal-title", "Number", g.Number)
		ev.Return = fmt.Sprintf("%s/goals/%d/edit", base, g.Number)
		ev.Action = ev.Return
		ev.GoalOrder = goalOrderMark(f)
		ev.MeasureOrder = measureOrderMark(g)
		for i, o := range f.Plan.Goals {
			ev.Goals = append(ev.Goals, orderRow{Number: o.Number, Title: o.Title, First: i == 0, Last: i == len(f.Plan.Goals)-1,
				Current: o.Number == g.Number, Up: newSubmission(), Down: newSubmission(),
				Name:   i18nTitle(r, "goal.heading", "Number", o.Number),
				Action: fmt.Sprintf("%s/goals/%d/move", base, o.Number)})
		}
		for i, m := range g.Measures {
			path := fmt.Sprintf("%s/goals/%d/measures/%d", base, g.Number, m.Number)
			ev.Measures = append(ev.Measures, orderRow{Number: m.Number, Title: m.Title, First: i == 0, Last: i == len(g.Measures)-1,
				Up: newSubmission(), Down: newSubmission(), Path: path, Action: path + "/move",
				Name: i18nTitle(r, "measure.heading", "Number", m.Number)})
		}
		for _, b := range goalBlockers(f, g) {
			ev.Blockers = append(ev.Blockers, i18nTitle(r, b.ID, b.Args...))
		}
		ev.DeleteSubmission = newSubmission()
	}
	s.render(w, r, status, "goal_edit", &view{Title: title, Data: ev})
}
