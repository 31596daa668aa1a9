package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"planverk/auth"
	"planverk/plan"
	"planverk/store"
)

// The goal form edits a goal's own fields. A goal's measures are not part
// of it: they have forms of their own, and their order is changed by the
// move buttons, so that editing a goal's title never collides with someone
// editing one of its measures.

// goalValues fills a form with a goal as it is.
func goalValues(g *plan.Goal) url.Values {
	v := url.Values{}
	v.Set("number", strconv.Itoa(g.Number))
	v.Set("title", g.Title)
	v.Set("label", g.Label)
	v.Set("heading", g.Heading)
	v.Set("description", string(g.Description))
	v.Set("main_goal", g.MainGoal)
	v.Set("weight", string(g.Weight))
	v.Set("measures_intro", string(g.MeasuresIntro))
	v.Set("measures_caption", g.MeasuresCaption)
	v.Set("notes", string(g.Notes))
	return v
}

// goalMark is the fingerprint of what the goal form edits: the goal
// without its measures.
func goalMark(g *plan.Goal) string {
	c := *g
	c.Measures = nil
	return fingerprint(c)
}

// applyGoalForm checks the form and, where it is good, writes it into g.
// The weight is kept as written ("60 %", "4/6"), once it is known to be a
// share the rules can compute with.
func applyGoalForm(fm *form, g *plan.Goal) {
	fm.Required("title")
	weight := plan.Share(fm.Get("weight"))
	if weight != "" {
		if _, err := weight.Rat(); err != nil {
			fm.Fail("weight", "structure.goal-weight-invalid")
		}
	}
	if !fm.OK() {
		return
	}
	g.Title = keepLine(g.Title, fm.Get("title"))
	g.Label = keepLine(g.Label, fm.Get("label"))
	g.Heading = keepLine(g.Heading, fm.Get("heading"))
	g.Description = keepText(g.Description, fm.Raw("description"))
	g.MainGoal = keepLine(g.MainGoal, fm.Get("main_goal"))
	g.Weight = plan.Share(keepLine(string(g.Weight), string(weight)))
	g.MeasuresIntro = keepText(g.MeasuresIntro, fm.Raw("measures_intro"))
	g.MeasuresCaption = keepLine(g.MeasuresCaption, fm.Get("measures_caption"))
	g.Notes = keepText(g.Notes, fm.Raw("notes"))
}

// goalNumber reads the goal number of a request's path.
func goalNumber(r *http.Request) (int, bool) {
	n, err := strconv.Atoi(r.PathValue("goal"))
	return n, err == nil
}

// goalFor finds in f the goal the request's path names, for a person who
// may edit the plan; otherwise it answers the request and returns false.
func (s *Server) goalFor(w http.ResponseWriter, r *http.Request, f *plan.File, v store.PlanVersion) (int, *plan.Goal, bool) {
	n, ok := goalNumber(r)
	g := findGoal(f, n)
	if !ok || g == nil {
		s.fail(w, r, plan.Errorf(plan.ENotFound, "no goal %s", r.PathValue("goal")))
		return n, nil, false
	}
	if !can(r, auth.EditPlan, planResource(v)) {
		s.deny(w, r)
		return n, nil, false
	}
	return n, g, true
}

// goalBlocker is a reason a goal cannot be deleted: something still refers
// to it. ID is a catalogue message, Args its arguments.
type goalBlocker struct {
	ID   string
	Args []any
}

// goalBlockers lists what keeps a goal from being deleted: its measures,
// and the budget lines and targets that name it. Deleting it then would
// lose measures or leave references to a goal that is gone.
func goalBlockers(f *plan.File, g *plan.Goal) []goalBlocker {
	var out []goalBlocker
	if n := len(g.Measures); n > 0 {
		out = append(out, goalBlocker{ID: "structure.goal-has-measures", Args: []any{"Count", n}})
	}
	for _, b := range f.Plan.Budgets {
		for _, l := range b.Lines {
			if l.Goal == g.Number {
				out = append(out, goalBlocker{ID: "structure.goal-budget-line",
					Args: []any{"Line", strings.TrimSpace(l.Number + " " + l.Label), "Budget", b.Title}})
			}
		}
	}
	for i, t := range f.Plan.Targets {
		if t.Goal == g.Number {
			out = append(out, goalBlocker{ID: "structure.goal-target", Args: []any{"Row", i + 1}})
		}
	}
	for i, t := range f.Programme.Targets {
		if t.Goal == g.Number {
			out = append(out, goalBlocker{ID: "structure.goal-programme-target", Args: []any{"Row", i + 1}})
		}
	}
	return out
}

// goalOrderMark is the fingerprint of the order of a plan's goals, which
// the goal move buttons carry: a move is made on the order the person saw.
func goalOrderMark(f *plan.File) string {
	var ns []int
	for _, g := range f.Plan.Goals {
		ns = append(ns, g.Number)
	}
	return fingerprint(ns)
}

// measureOrderMark is the fingerprint of the order of a goal's measures.
func measureOrderMark(g *plan.Goal) string {
	var ns []int
	for _, m := range g.Measures {
		ns = append(ns, m.Number)
	}
	return fingerprint(ns)
}

// goalFieldChange reports whether a change is to the fields of goal n that
// the goal form edits, not to its measures.
func goalFieldChange(n int) func(plan.Change) bool {
	return func(c plan.Change) bool {
		return c.Goal == n && c.Measure == 0 && !strings.Contains(c.Path, ".measures")
	}
}

// goalOrderChange reports whether a change is to the order of the goals or
// to which goals there are.
func goalOrderChange(c plan.Change) bool {
	if c.Path == "plan.goals.order" || c.Path == "plan.goals" {
		return true
	}
	return c.Measure == 0 && c.Kind != plan.ChangeChanged && c.Path == fmt.Sprintf("plan.goals[%d]", c.Goal)
}

// measureOrderChange reports whether a change is to the order of goal n's
// measures or to which measures it has.
func measureOrderChange(n int) func(plan.Change) bool {
	prefix := fmt.Sprintf("plan.goals[%d].measures", n)
	return func(c plan.Change) bool {
		if c.Path == prefix+".order" || c.Path == prefix {
			return true
		}
		return c.Goal == n && c.Kind != plan.ChangeChanged && c.Path == fmt.Sprintf("%s[%d]", prefix, c.Measure)
	}
}
