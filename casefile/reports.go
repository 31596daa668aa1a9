package casefile

import (
	"math"
	"sort"
	"strconv"
	"strings"

	"planverk/followup"
)

// A report export is a file of its own, beside the project export: one row
// per project report (prosjektlederrapport), naming its project by case
// reference. Its fields are read as the project export's are (the same
// tolerance of headings, separators, numbers and dates), and its problems
// are Problems too.

// The fields of a report export; the case reference, from and to are the
// project export's fields.
const (
	FieldKind          Field = "kind"
	FieldProgress      Field = "progress"
	FieldAccount       Field = "account"
	FieldSpent         Field = "spent"
	FieldJobsCreated   Field = "jobs_created"
	FieldJobsSecured   Field = "jobs_secured"
	FieldNewBusinesses Field = "new_businesses"
	FieldState         Field = "state"
)

// ReportFields lists a report export's fields in the order the
// documentation names them.
var ReportFields = []Field{FieldCaseRef, FieldKind, FieldFrom, FieldTo, FieldProgress, FieldAccount, FieldSpent,
	FieldJobsCreated, FieldJobsSecured, FieldNewBusinesses, FieldState}

// The codes of a report export's own problems.
const (
	CodeUnknownCase     = "unknown-case"     // a case reference none of the programme's projects has
	CodeUnknownKind     = "unknown-kind"     // neither interim nor final
	CodeUnknownProgress = "unknown-progress" // not on track, delayed or stopped
	CodeUnknownState    = "unknown-state"    // neither accepted nor submitted
	CodeNotCount        = "not-count"        // not a whole number
	CodeNegativeCount   = "negative-count"
	CodeNoValue         = "no-value"         // a cell that must be filled is empty (Args Field)
	CodeDuplicateReport = "duplicate-report" // the same project, kind and period as a row before (Args Other)
)

// reportHeadings are the headings of a report export's fields, normalised
// as headings are; the case reference and the period are read by the
// project export's headings too.
var reportHeadings = map[Field][]string{
	FieldKind: {"kind", "report kind", "rapporttype", "type rapport", "rapport", "type", "report type", "report"},
	FieldFrom: {"periode fra", "periode frå", "rapporteringsperiode fra", "rapporteringsperiode frå", "period from",
		"period start", "fra dato", "frå dato", "from date"},
	FieldTo: {"periode til", "rapporteringsperiode til", "period to", "period end", "til dato", "to date"},
	FieldProgress: {"progress", "framdrift", "fremdrift", "status", "framdriftsstatus", "fremdriftsstatus",
		"progress status", "prosjektstatus", "project status"},
	FieldAccount: {"account", "redegjørelse", "utgreiing", "beskrivelse", "skildring", "rapporttekst", "tekst",
		"måloppnåelse", "måloppnåing", "text", "description", "narrative", "report text"},
	FieldSpent: {"spent", "brukt", "forbruk", "påløpte kostnader", "påløpne kostnader", "kostnader i perioden",
		"brukte midler", "brukte midlar", "money spent", "costs", "expenditure", "amount spent"},
	FieldJobsCreated: {"jobs created", "nye arbeidsplasser", "nye arbeidsplassar", "arbeidsplasser skapt",
		"arbeidsplassar skapt", "skapte arbeidsplasser", "skapte arbeidsplassar", "new jobs", "created jobs"},
	FieldJobsSecured: {"jobs secured", "sikrede arbeidsplasser", "sikra arbeidsplassar", "sikra arbeidsplasser",
		"arbeidsplasser sikret", "arbeidsplassar sikra", "secured jobs", "jobs retained"},
	FieldNewBusinesses: {"new businesses", "nye bedrifter", "nye verksemder", "nyetableringer", "nyetableringar",
		"nye foretak", "new companies", "start ups", "new firms"},
	FieldState: {"state", "rapportstatus", "behandling", "behandlingsstatus", "godkjenning", "report state", "approval"},
}

var byReportHeading = func() map[string]Field {
	m := map[string]Field{}
	for _, f := range []Field{FieldCaseRef, FieldFrom, FieldTo} {
		m[normHeading(string(f))] = f
		for _, h := range headings[f] {
			m[normHeading(h)] = f
		}
	}
	for f, hs := range reportHeadings {
		m[normHeading(string(f))] = f
		for _, h := range hs {
			m[normHeading(h)] = f
		}
	}
	return m
}()

// ReportFieldOf is the report export's field a heading names.
func ReportFieldOf(heading string) (Field, bool) {
	f, ok := byReportHeading[normHeading(heading)]
	return f, ok
}

func isReportHeading(h string) bool {
	_, ok := ReportFieldOf(h)
	return ok
}

// ReportHeadings lists the headings a report export's field is
// recognised by, for the documentation and the import page: the report
// export's own first, then the project export's.
func ReportHeadings(f Field) []string {
	out := append([]string{string(f)}, reportHeadings[f]...)
	if f == FieldCaseRef || f == FieldFrom || f == FieldTo {
		out = append(out, headings[f]...)
	}
	return out
}

var kindWords = func() map[string]followup.ReportKind {
	extra := map[followup.ReportKind][]string{
		followup.ReportInterim: {"delrapport", "underveisrapport", "framdriftsrapport", "fremdriftsrapport", "del",
			"interim report", "progress report", "interim"},
		followup.ReportFinal: {"sluttrapport", "slutt", "endeleg rapport", "endelig rapport", "final report", "final"},
	}
	m := map[string]followup.ReportKind{}
	for _, k := range followup.ReportKinds {
		for _, w := range words("report.kind.", string(k), extra[k]...) {
			m[normHeading(w)] = k
		}
	}
	return m
}()

var progressWords = func() map[string]followup.Progress {
	extra := map[followup.Progress][]string{
		followup.ProgressOnTrack: {"i rute", "etter plan", "som planlagt", "ok", "on track", "on schedule", "grønn"},
		followup.ProgressDelayed: {"forsinket", "forsinka", "bak plan", "delayed", "behind", "behind schedule", "gul"},
		followup.ProgressStopped: {"stoppet", "stoppa", "stanset", "stansa", "avbrutt", "avbrote", "stopped", "halted", "rød"},
	}
	m := map[string]followup.Progress{}
	for _, p := range followup.Progresses {
		for _, w := range words("report.progress.", string(p), extra[p]...) {
			m[normHeading(w)] = p
		}
	}
	return m
}()

var stateWords = func() map[string]followup.ReportState {
	extra := map[followup.ReportState][]string{
		followup.ReportAccepted:  {"godkjent", "godkjend", "akseptert", "accepted", "approved", "ja", "yes"},
		followup.ReportSubmitted: {"innsendt", "innsend", "levert", "mottatt", "motteke", "til behandling", "submitted", "received", "pending"},
	}
	m := map[string]followup.ReportState{}
	for _, s := range []followup.ReportState{followup.ReportAccepted, followup.ReportSubmitted} {
		for _, w := range words("report.state.", string(s), extra[s]...) {
			m[normHeading(w)] = s
		}
	}
	return m
}()

// ReportEntry is one report of a report export: the report as read (its
// project not yet known), the case reference that names its project, and
// its row.
type ReportEntry struct {
	Report  followup.Report
	CaseRef string
	Row     int
}

// ReportResult is what ReadReports made of a file.
type ReportResult struct {
	Entries  []ReportEntry
	Problems []Problem
	Columns  map[Field]string
	Ignored  []string
	Sheet    string
	// caseCol is the case reference's column, for Resolve's problems.
	caseCol     int
	caseHeading string
}

// CaseRefs are the case references the file's reports name.
func (r *ReportResult) CaseRefs() []string {
	var out []string
	seen := map[string]bool{}
	for _, e := range r.Entries {
		if !seen[e.CaseRef] {
			seen[e.CaseRef] = true
			out = append(out, e.CaseRef)
		}
	}
	return out
}

// Resolve gives each report its project: projects are the programme's
// project IDs by case reference. A case reference none has is a problem
// of its row, and a second report of the same project, kind and period
// one too, since the import could not tell which one is meant.
func (r *ReportResult) Resolve(programmeID string, projects map[string]int64) {
	type key struct {
		project  int64
		kind     followup.ReportKind
		from, to string
	}
	first := map[key]int{}
	for i := range r.Entries {
		e := &r.Entries[i]
		e.Report.ProgrammeID = programmeID
		id, ok := projects[e.CaseRef]
		if !ok {
			r.Problems = append(r.Problems, Problem{Row: e.Row, Col: r.caseCol, Column: ColumnLetter(r.caseCol),
				Heading: r.caseHeading, Code: CodeUnknownCase, Value: e.CaseRef})
			continue
		}
		e.Report.ProjectID = id
		if e.Report.From.IsZero() || e.Report.To.IsZero() || e.Report.Kind == "" {
			continue
		}
		k := key{id, e.Report.Kind, e.Report.From.String(), e.Report.To.String()}
		if row, dup := first[k]; dup {
			r.Problems = append(r.Problems, Problem{Row: e.Row, Code: CodeDuplicateReport, Args: map[string]any{"Other": row}})
			continue
		}
		first[k] = e.Row
	}
	sortProblems(r.Problems)
}

// Reports are the entries' reports.
func (r *ReportResult) Reports() []followup.Report {
	out := make([]followup.Report, len(r.Entries))
	for i, e := range r.Entries {
		out[i] = e.Report
	}
	return out
}

func sortProblems(ps []Problem) {
	// In the order a person reads the sheet: row by row, left to right.
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i], ps[j]
		return a.Row < b.Row || a.Row == b.Row && a.Col < b.Col
	})
}

// ReadReports reads a report export. Every problem of the file itself is
// in the result; the projects are given by Resolve, which adds the
// problems of case references the programme does not have.
func ReadReports(data []byte) *ReportResult {
	res := &ReportResult{Columns: map[Field]string{}}
	if p := sizeProblem(len(data)); p != nil {
		res.Problems = append(res.Problems, *p)
		return res
	}
	t, err := readTable(data, isReportHeading)
	if err != nil {
		res.Problems = append(res.Problems, Problem{Code: CodeUnreadable})
		return res
	}
	res.Sheet = t.sheet
	if len(t.rows) > MaxRows {
		res.Problems = append(res.Problems, Problem{Code: CodeTooManyRows, Args: map[string]any{"Max": MaxRows}})
		return res
	}
	head, ok := findHeading(t.rows, isReportHeading)
	if !ok {
		res.Problems = append(res.Problems, Problem{Code: CodeNoHeading})
		return res
	}
	r := &reader{workbook: t.workbook, cols: map[Field]int{}, names: map[int]string{}}
	rowNum := head + 1
	for i, h := range t.rows[head] {
		h = trim(h)
		if h == "" {
			continue
		}
		f, ok := ReportFieldOf(h)
		if !ok {
			res.Ignored = append(res.Ignored, h)
			continue
		}
		col := i + 1
		if _, dup := r.cols[f]; dup {
			res.Problems = append(res.Problems, Problem{Row: rowNum, Col: col, Column: ColumnLetter(col), Heading: h,
				Code: CodeDuplicateColumn, Args: map[string]any{"Field": f, "Other": res.Columns[f]}})
			continue
		}
		r.cols[f], r.names[col], res.Columns[f] = col, h, h
	}
	for _, f := range []Field{FieldCaseRef, FieldKind, FieldFrom, FieldTo} {
		if _, ok := r.cols[f]; !ok {
			res.Problems = append(res.Problems, Problem{Row: rowNum, Code: CodeMissingColumn, Args: map[string]any{"Field": f}})
		}
	}
	if len(res.Problems) > 0 {
		return res
	}
	res.caseCol, res.caseHeading = r.cols[FieldCaseRef], r.names[r.cols[FieldCaseRef]]
	// The reader's problems go to a project Result; they are moved over.
	r.res = &Result{}
	for i := head + 1; i < len(t.rows); i++ {
		c := rowCells{r: r, num: i + 1, row: t.rows[i]}
		if e, ok := readReportRow(c); ok {
			res.Entries = append(res.Entries, e)
		}
	}
	res.Problems = append(res.Problems, r.res.Problems...)
	if len(res.Entries) == 0 && len(res.Problems) == 0 {
		res.Problems = append(res.Problems, Problem{Code: CodeNoRows})
	}
	sortProblems(res.Problems)
	return res
}

// readReportRow reads one row; an empty row is passed over.
func readReportRow(c rowCells) (ReportEntry, bool) {
	empty := true
	for _, v := range c.row {
		if trim(v) != "" {
			empty = false
			break
		}
	}
	if empty {
		return ReportEntry{}, false
	}
	e := ReportEntry{Row: c.num, Report: followup.Report{Progress: followup.ProgressOnTrack, State: followup.ReportSubmitted}}
	e.CaseRef = c.text(FieldCaseRef)
	if e.CaseRef == "" {
		c.r.problemRow(c.num, CodeNoCaseRef)
	}
	rep := &e.Report
	if v, ok := c.get(FieldKind); !ok {
		c.problemArgs(FieldKind, CodeNoValue, "", map[string]any{"Field": FieldKind})
	} else if k, ok := kindWords[normHeading(v.text)]; ok {
		rep.Kind = k
	} else {
		c.problem(FieldKind, CodeUnknownKind, v.text)
	}
	for _, f := range []Field{FieldFrom, FieldTo} {
		if _, ok := c.get(f); !ok {
			c.problemArgs(f, CodeNoValue, "", map[string]any{"Field": f})
		}
	}
	if from := c.date(FieldFrom); from != nil {
		rep.From = *from
	}
	if to := c.date(FieldTo); to != nil {
		rep.To = *to
		if !rep.From.IsZero() && rep.To.Before(rep.From) {
			c.problem(FieldTo, CodeToBeforeFrom, c.text(FieldTo))
		}
	}
	if v, ok := c.get(FieldProgress); ok {
		if p, ok := progressWords[normHeading(v.text)]; ok {
			rep.Progress = p
		} else {
			c.problem(FieldProgress, CodeUnknownProgress, v.text)
		}
	}
	rep.Account = c.text(FieldAccount)
	rep.Spent, _ = c.amount(FieldSpent)
	rep.JobsCreated = c.count(FieldJobsCreated)
	rep.JobsSecured = c.count(FieldJobsSecured)
	rep.NewBusinesses = c.count(FieldNewBusinesses)
	if v, ok := c.get(FieldState); ok {
		if s, ok := stateWords[normHeading(v.text)]; ok {
			rep.State = s
		} else {
			c.problem(FieldState, CodeUnknownState, v.text)
		}
	}
	return e, true
}

func (c rowCells) problemArgs(f Field, code, value string, args map[string]any) {
	c.problem(f, code, value)
	ps := c.r.res.Problems
	ps[len(ps)-1].Args = args
}

// count reads a whole number of at least nought ("3", a workbook's 3.0);
// an empty cell is nought.
func (c rowCells) count(f Field) int {
	v, ok := c.get(f)
	if !ok {
		return 0
	}
	var n float64
	if x, ok := v.number(); ok {
		n = x
	} else {
		t := strings.ReplaceAll(strings.ReplaceAll(v.text, " ", ""), "\u202f", "")
		t = strings.Replace(t, ",", ".", 1)
		x, err := strconv.ParseFloat(t, 64)
		if err != nil || math.IsInf(x, 0) || math.IsNaN(x) {
			c.problem(f, CodeNotCount, v.text)
			return 0
		}
		n = x
	}
	switch {
	case n != math.Trunc(n) || math.Abs(n) > 1e9:
		c.problem(f, CodeNotCount, v.text)
		return 0
	case n < 0:
		c.problem(f, CodeNegativeCount, v.text)
		return 0
	}
	return int(n)
}
