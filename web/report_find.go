package web

import (
	"net/http"
	"net/url"
	"strconv"

	"planverk/auth"
	"planverk/followup"
	"planverk/plan"
)

// The project managers' reports (prosjektlederrapporter): a project's
// manager, by the account linked to the project, writes and submits them;
// the programme's editors accept or return them. Who may do what is the
// policy's (auth.WriteReport, auth.DecideReport, auth.ViewProject), asked
// with the project's manager in the resource.

// reportBase is what every page of a project's reports needs.
type reportBase struct {
	*followupBase
	Project followup.Project
	// ProjectPath is the project's page.
	ProjectPath string
	// CanWrite says the person may write the project's reports, CanDecide
	// that they may accept or return one; SeeAll that they see drafts and
	// reports not yet accepted, not only the accepted ones.
	CanWrite, CanDecide, SeeAll bool
}

// projectResource is the project as the policy sees it: its programme,
// whether it is public, and its manager's account.
func (s *Server) projectResource(r *http.Request, p followup.Project) (auth.Resource, error) {
	mgr, _, err := s.store.ProjectManager(r.Context(), p.ProgrammeID, p.ID)
	if err != nil {
		return auth.Resource{}, err
	}
	return auth.Resource{Programme: p.ProgrammeID, Published: p.Public(), ProjectManager: mgr}, nil
}

// managesProject reports whether the person behind the request is the
// manager of the project, by the account linked to it, and so may see it
// though it is not public.
func (s *Server) managesProject(r *http.Request, p followup.Project) bool {
	res, err := s.projectResource(r, p)
	if err != nil {
		return false
	}
	res.Published = false
	return can(r, auth.ViewProject, res)
}

// loadReportBase loads the programme and project of the request's path
// with what the person may do with its reports, or answers the request.
func (s *Server) loadReportBase(w http.ResponseWriter, r *http.Request) (*reportBase, bool) {
	rb, err := s.reportBaseOf(r)
	if err != nil {
		s.fail(w, r, err)
		return nil, false
	}
	return rb, true
}

// reportBaseOf loads the programme and project of the request's path with
// what the person may do with its reports; a project that is not there for
// them is plan.ENotFound.
func (s *Server) reportBaseOf(r *http.Request) (*reportBase, error) {
	b, err := s.projectBaseOf(r)
	if err != nil {
		return nil, err
	}
	p, err := s.projectOf(r, b)
	if err != nil {
		return nil, err
	}
	res, err := s.projectResource(r, p)
	if err != nil {
		return nil, err
	}
	hidden := res
	hidden.Published = false
	return &reportBase{followupBase: b, Project: p, ProjectPath: projectPath(p),
		CanWrite: can(r, auth.WriteReport, res), CanDecide: can(r, auth.DecideReport, res),
		SeeAll: can(r, auth.ViewProject, hidden)}, nil
}

// loadReport loads the report of the request's path that the person may
// see, or answers the request.
func (s *Server) loadReport(w http.ResponseWriter, r *http.Request, rb *reportBase) (followup.Report, bool) {
	rep, err := s.reportOf(r, rb)
	if err != nil {
		s.fail(w, r, err)
		return rep, false
	}
	return rep, true
}

// reportOf loads the report of the request's path that the person may
// see: one not accepted is there only for those who see every report of
// the project; for others it is plan.ENotFound.
func (s *Server) reportOf(r *http.Request, rb *reportBase) (followup.Report, error) {
	id, err := strconv.ParseInt(r.PathValue("report"), 10, 64)
	if err != nil || id <= 0 {
		return followup.Report{}, plan.Errorf(plan.ENotFound, "no report %q", r.PathValue("report"))
	}
	rep, err := s.store.Report(r.Context(), rb.Programme.ID, rb.Project.ID, id)
	if err == nil && !rb.SeeAll && rep.State != followup.ReportAccepted {
		err = plan.Errorf(plan.ENotFound, "no report %d you may see", id)
	}
	return rep, err
}

// visibleReports are the reports the person may see of those given.
func (rb *reportBase) visibleReports(all []followup.Report) []followup.Report {
	out := []followup.Report{}
	for _, rep := range all {
		if rb.SeeAll || rep.State == followup.ReportAccepted {
			out = append(out, rep)
		}
	}
	return out
}

// reportPath is the address of a report's page.
func reportPath(p followup.Project, id int64) string {
	return projectPath(p) + "/reports/" + strconv.FormatInt(id, 10)
}

// reportRows is how many rows of other results the form offers beyond
// those a report has.
const reportRows = 3

// reportValues are a report's form values.
func reportValues(rep followup.Report) url.Values {
	v := url.Values{}
	v.Set("kind", string(rep.Kind))
	if !rep.From.IsZero() {
		v.Set("from", rep.From.String())
	}
	if !rep.To.IsZero() {
		v.Set("to", rep.To.String())
	}
	v.Set("progress", string(rep.Progress))
	v.Set("account", rep.Account)
	v.Set("spent", formatAmountInput(rep.Spent))
	v.Set("jobs_created", strconv.Itoa(rep.JobsCreated))
	v.Set("jobs_secured", strconv.Itoa(rep.JobsSecured))
	v.Set("new_businesses", strconv.Itoa(rep.NewBusinesses))
	for i, res := range rep.Results {
		v.Set(resultField("label", i), res.Label)
		v.Set(resultField("count", i), strconv.FormatInt(res.Count, 10))
	}
	v.Set("results", strconv.Itoa(len(rep.Results)+reportRows))
	return v
}

// resultField names a field of the i-th row of other results.
func resultField(what string, i int) string { return "result_" + what + "_" + strconv.Itoa(i+1) }

// newReportForm is the form filled with a report, with its version and a
// fresh submission.
func newReportForm(rep followup.Report) *form {
	fm := newForm(reportValues(rep))
	fm.Values.Set("version", strconv.Itoa(rep.Version))
	fm.Values.Set("submission", newSubmission())
	return fm
}

// readReport reads the form into rep, noting what is wrong field by field
// in the words of the field: a count that is not a whole number or is
// below nought, a date that is not one, a period that ends before it
// starts. Submit says the person asked to submit the report.
func readReport(fm *form, rep *followup.Report) {
	rep.Kind = followup.ReportKind(fm.Get("kind"))
	if !rep.Kind.Valid() {
		fm.Fail("kind", "report.form.choose", "Field", label("report.field.kind"))
	}
	fm.Required("from", "to")
	if d := readDateField(fm, "from", "report.form.date-invalid", "Field", label("report.field.from")); d != nil {
		rep.From = *d
	}
	if d := readDateField(fm, "to", "report.form.date-invalid", "Field", label("report.field.to")); d != nil {
		rep.To = *d
	}
	if !rep.From.IsZero() && !rep.To.IsZero() && rep.To.Before(rep.From) {
		fm.Fail("to", "report.form.to-before-from")
	}
	rep.Progress = followup.Progress(fm.Get("progress"))
	if !rep.Progress.Valid() {
		fm.Fail("progress", "report.form.choose", "Field", label("report.field.progress"))
	}
	rep.Account = fm.Get("account")
	rep.Spent = formAmount(fm, "spent", "report.field.spent")
	if rep.Spent != nil && *rep.Spent < 0 {
		fm.Fail("spent", "report.form.negative", "Field", label("report.field.spent"))
	}
	rep.JobsCreated = int(readCount(fm, "jobs_created", "report.field.jobs_created"))
	rep.JobsSecured = int(readCount(fm, "jobs_secured", "report.field.jobs_secured"))
	rep.NewBusinesses = int(readCount(fm, "new_businesses", "report.field.new_businesses"))
	rows, _ := strconv.Atoi(fm.Get("results"))
	rows = min(max(rows, reportRows), 50)
	rep.Results = nil
	for i := 0; i < rows; i++ {
		lab, cnt := fm.Get(resultField("label", i)), fm.Get(resultField("count", i))
		if lab == "" && cnt == "" {
			continue
		}
		if lab == "" {
			fm.Fail(resultField("label", i), "report.form.result-label", "Number", i+1)
		}
		n := readCount(fm, resultField("count", i), "report.field.result-count")
		rep.Results = append(rep.Results, followup.Result{Label: lab, Count: n})
	}
	fm.Values.Set("results", strconv.Itoa(rows))
}

// readCount reads a whole number of nought or more; empty is nought.
func readCount(fm *form, name, field string) int64 {
	t := fm.Get(name)
	if t == "" {
		return 0
	}
	n, err := strconv.ParseInt(t, 10, 32)
	switch {
	case err != nil:
		fm.Fail(name, "report.form.count-invalid", "Field", label(field), "Value", t)
	case n < 0:
		fm.Fail(name, "report.form.negative", "Field", label(field))
	}
	return n
}

// reportEditView is the report form's page.
type reportEditView struct {
	*reportBase
	Report     followup.Report
	Form       *form
	Conflict   bool
	Kinds      []option
	Progresses []option
	// Rows numbers the rows of other results, from 1.
	Rows   []int
	Action string
}

func (s *Server) renderReportEdit(w http.ResponseWriter, r *http.Request, status int, rb *reportBase, rep followup.Report, fm *form, conflict bool) {
	v := reportEditView{reportBase: rb, Report: rep, Form: fm, Conflict: conflict,
		Kinds:      []option{{Value: "", ID: "report.form.choose-one"}},
		Progresses: []option{{Value: "", ID: "report.form.choose-one"}}}
	for _, k := range followup.ReportKinds {
		v.Kinds = append(v.Kinds, option{Value: string(k), ID: "report.kind." + string(k)})
	}
	for _, p := range followup.Progresses {
		v.Progresses = append(v.Progresses, option{Value: string(p), ID: "report.progress." + string(p)})
	}
	rows, _ := strconv.Atoi(fm.Get("results"))
	for i := 1; i <= max(rows, reportRows); i++ {
		v.Rows = append(v.Rows, i)
	}
	v.Action = rb.ProjectPath + "/reports/new"
	title := i18nTitle(r, "report.new-title", "Project", rb.Project.Name())
	if rep.ID != 0 {
		v.Action = reportPath(rb.Project, rep.ID) + "/edit"
		title = i18nTitle(r, "report.edit-title", "Project", rb.Project.Name())
	}
	s.render(w, r, status, "report_edit", &view{Title: title, Data: v})
}

// reportState is the state a report form asks for: submitted where the
// person pressed "submit", otherwise a draft.
func reportState(fm *form) followup.ReportState {
	if fm.Get("action") == "submit" {
		return followup.ReportSubmitted
	}
	return followup.ReportDraft
}

// projectReports is what a project's page shows of its reports: those the
// person may see, what they may do, and the manager's account.
type projectReports struct {
	Reports []followup.Report
	// CanWrite says the person may write a report; CanEdit (the
	// programme's) that they may link the manager's account.
	CanWrite bool
	// ManagerAccount names the account linked as the project's manager,
	// shown to those who may see every report.
	ManagerAccount string
	SeeAll         bool
}

// reportsOf reads a project's reports as the person may see them.
func (s *Server) reportsOf(r *http.Request, p followup.Project) (projectReports, error) {
	var out projectReports
	mgr, name, err := s.store.ProjectManager(r.Context(), p.ProgrammeID, p.ID)
	if err != nil {
		return out, err
	}
	res := auth.Resource{Programme: p.ProgrammeID, Published: p.Public(), ProjectManager: mgr}
	hidden := res
	hidden.Published = false
	out.CanWrite, out.SeeAll = can(r, auth.WriteReport, res), can(r, auth.ViewProject, hidden)
	if out.SeeAll {
		out.ManagerAccount = name
	}
	all, err := s.store.ProjectReports(r.Context(), p.ProgrammeID, p.ID)
	if err != nil {
		return out, err
	}
	for _, rep := range all {
		if out.SeeAll || rep.State == followup.ReportAccepted {
			out.Reports = append(out.Reports, rep)
		}
	}
	return out, nil
}
