package web

import (
	"net/http"
	"net/url"
	"strconv"

	"planverk/followup"
	"planverk/plan"
)

// The project form: the project's own fields and the measures it serves.
// It carries the project's version, so that a save from a page opened
// before someone else saved is caught, and the values it was opened with
// ("opened"), so that what the other person changed can be merged into
// what this person typed (mergeForm).

// projectValues are a project's form values.
func projectValues(p followup.Project) url.Values {
	v := url.Values{}
	v.Set("title", p.Title)
	v.Set("label", p.Label)
	v.Set("owner", p.Owner)
	v.Set("manager", p.Manager)
	v.Set("sponsor", p.Sponsor)
	v.Set("from", dateInput(p.From))
	v.Set("to", dateInput(p.To))
	v.Set("phase", string(p.Phase))
	v.Set("status", string(p.Status))
	v.Set("case_ref", p.CaseRef)
	v.Set("budget", formatAmountInput(p.Budget))
	v.Set("own_share", formatAmountInput(p.OwnShare))
	v.Set("other_financing", formatAmountInput(p.OtherFinancing))
	if p.Goal != 0 {
		v.Set("goal", strconv.Itoa(p.Goal))
	}
	if len(p.Measures) > 0 {
		v.Set("main_measure", p.Measures[0])
		v["measures"] = append([]string(nil), p.Measures[1:]...)
	}
	return v
}

// dateInput writes a date for a form field as plan files write it.
func dateInput(d *plan.Date) string {
	if d == nil {
		return ""
	}
	return d.String()
}

// newProjectForm is the form filled with a project, marked with its
// version and what it was opened with.
func newProjectForm(p followup.Project) *form {
	fm := newForm(projectValues(p))
	markProjectForm(fm, p)
	return fm
}

// markProjectForm gives a form the marks of the project as stored now.
func markProjectForm(fm *form, p followup.Project) {
	fm.Values.Set("version", strconv.Itoa(p.Version))
	fm.Values.Set("opened", projectValues(p).Encode())
	fm.Values.Set("submission", newSubmission())
}

// readProject reads the form into p, noting what is wrong field by field.
func readProject(fm *form, p *followup.Project) {
	fm.Required("title")
	p.Title = fm.Get("title")
	p.Label, p.Owner, p.Manager, p.Sponsor = fm.Get("label"), fm.Get("owner"), fm.Get("manager"), fm.Get("sponsor")
	p.CaseRef = fm.Get("case_ref")
	p.From = readDateField(fm, "from", "followup.form.date-invalid", "Field", label("followup.field.from"))
	p.To = readDateField(fm, "to", "followup.form.date-invalid", "Field", label("followup.field.to"))
	if p.From != nil && p.To != nil && p.To.Before(*p.From) {
		fm.Fail("to", "followup.form.to-before-from")
	}
	p.Phase = followup.Phase(fm.Get("phase"))
	if !p.Phase.Valid() {
		fm.Fail("phase", "followup.form.choose")
	}
	p.Status = followup.Status(fm.Get("status"))
	if !p.Status.Valid() {
		fm.Fail("status", "followup.form.choose")
	}
	p.Budget = formAmount(fm, "budget", "followup.field.budget")
	p.OwnShare = formAmount(fm, "own_share", "followup.field.own_share")
	p.OtherFinancing = formAmount(fm, "other_financing", "followup.field.other_financing")
	p.Goal = 0
	if g := fm.Get("goal"); g != "" {
		n, err := strconv.Atoi(g)
		if err != nil || n <= 0 {
			fm.Fail("goal", "followup.form.choose")
		}
		p.Goal = n
	}
	p.Measures = nil
	if m := fm.Get("main_measure"); m != "" {
		p.Measures = append(p.Measures, m)
	}
	for _, m := range fm.Values["measures"] {
		if m != "" && m != fm.Get("main_measure") {
			p.Measures = append(p.Measures, m)
		}
	}
}

// readDateField reads an optional date field: a day, a month or a year.
func readDateField(fm *form, name, msg string, args ...any) *plan.Date {
	t := fm.Get(name)
	if t == "" {
		return nil
	}
	d, err := plan.ParseDate(t)
	if err != nil {
		fm.Fail(name, msg, append(args, "Value", t)...)
		return nil
	}
	return &d
}

// formAmount reads an optional amount field in whole kroner; field is the
// catalogue id of its label, for the message.
func formAmount(fm *form, name, field string) *plan.Amount {
	a, ok := parseAmountInput(fm.Get(name))
	if !ok {
		fm.Fail(name, "followup.form.amount-invalid", "Field", label(field), "Value", fm.Get(name))
	}
	return a
}

// projectEditView is the project form's page.
type projectEditView struct {
	*followupBase
	Project  followup.Project
	Form     *form
	Conflict *conflictView
	Phases   []option
	Statuses []option
	Measures []option
	Goals    []option
	// Action is where the form is sent.
	Action string
}

func (s *Server) renderProjectEdit(w http.ResponseWriter, r *http.Request, status int, b *followupBase, p followup.Project, fm *form, c *conflictView) {
	v := projectEditView{followupBase: b, Project: p, Form: fm, Conflict: c,
		Phases:   []option{{Value: "", ID: "followup.phase.none"}},
		Measures: []option{{Value: "", ID: "followup.form.no-measure"}}}
	for _, ph := range followup.Phases {
		v.Phases = append(v.Phases, option{Value: string(ph), ID: "followup.phase." + string(ph)})
	}
	for _, st := range followup.Statuses {
		v.Statuses = append(v.Statuses, option{Value: string(st), ID: "followup.status." + string(st)})
	}
	v.Goals = []option{{Value: "", ID: "followup.form.no-goal"}}
	for _, g := range b.Plans[0].Plan.Goals {
		if g.Number > 0 {
			v.Goals = append(v.Goals, option{Value: strconv.Itoa(g.Number), Label: g.Name() + " " + g.Title})
		}
	}
	// The measures of the newest plan, and any the project serves that it
	// no longer has, so that saving does not drop them unseen.
	seen := map[string]bool{}
	b.Plans[0].Plan.EachMeasure(func(g *plan.Goal, m *plan.Measure) {
		name, _ := b.measureName(m.ID)
		v.Measures = append(v.Measures, option{Value: m.ID, Label: name})
		seen[m.ID] = true
	})
	for _, id := range append([]string{fm.Get("main_measure")}, fm.Values["measures"]...) {
		if id != "" && !seen[id] {
			name, ok := b.measureName(id)
			if !ok {
				name = id
			}
			v.Measures = append(v.Measures, option{Value: id, Label: name})
			seen[id] = true
		}
	}
	v.Action = "/programmes/" + b.Programme.ID + "/projects/new"
	title := i18nTitle(r, "followup.project-new")
	if p.ID != 0 {
		v.Action = projectPath(p) + "/edit"
		title = i18nTitle(r, "followup.project-edit", "Project", p.Name())
	}
	s.render(w, r, status, "project_edit", &view{Title: title, Data: v})
}

// Checked reports whether the form has value among the field's values.
func (f *form) Checked(name, value string) bool {
	for _, v := range f.Values[name] {
		if v == value {
			return true
		}
	}
	return false
}
