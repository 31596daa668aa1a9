package web

import (
	"net/http"

	"planverk/casefile"
	"planverk/followup"
	"planverk/i18n"
	"planverk/store"
)

// apiReportImport imports a report export: POST
// /api/v1/programmes/{programme}/projects/reports/import with the file as
// the body, as the project import takes its file. With ?dry_run=1 it
// stores nothing and answers what the import would do with each report,
// or the file's problems; without, it stores every report in one
// transaction. A file with problems is 422, and nothing is stored.
func (s *Server) apiReportImport(w http.ResponseWriter, r *http.Request) {
	u, b, data, ok := s.apiImportFile(w, r)
	if !ok {
		return
	}
	lang := apiLang(r)
	res, _, err := s.readReportImport(r, b, data)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	out := apiReportImportResult{DryRun: r.URL.Query().Get("dry_run") == "1",
		Reports: []apiImportedReport{}, Lang: lang}
	out.Problems = apiImportProblemsOf(res.Problems, lang)
	if s.apiAnswerProblems(w, r, lang, out.Problems, out.DryRun, out) {
		return
	}
	if out.DryRun {
		stored := map[int64][]followup.Report{}
		for _, e := range res.Entries {
			id := e.Report.ProjectID
			if _, ok := stored[id]; !ok {
				if stored[id], err = s.store.ProjectReports(r.Context(), b.Programme.ID, id); err != nil {
					s.apiFail(w, r, err)
					return
				}
			}
			out.add(e, followup.ReportImportOutcome(followup.MatchReport(stored[id], e.Report), e.Report), e.Report)
		}
		writeTagged(w, r, http.StatusOK, etagOf(out), out)
		return
	}
	done, err := s.store.ImportReports(r.Context(), b.Programme.ID, res.Reports(), store.Edit{Author: u.ID, Summary: "import (API)"})
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	for i, d := range done {
		out.add(res.Entries[i], d.Outcome, d.Report)
	}
	writeTagged(w, r, http.StatusOK, etagOf(out), out)
}

// apiReportImportResult is what a report import did, or would do.
type apiReportImportResult struct {
	DryRun bool `json:"dry_run"`
	// Created, Changed and Unchanged count the reports registered, those
	// replacing a stored one of the same project, kind and period, and
	// those the stored one already says.
	Created   int                 `json:"created"`
	Changed   int                 `json:"changed"`
	Unchanged int                 `json:"unchanged"`
	Reports   []apiImportedReport `json:"reports"`
	Problems  []apiImportProblem  `json:"problems"`
	Lang      i18n.Lang           `json:"lang"`
}

// apiImportedReport is one report of an import, as stored or, for a dry
// run, as it would be (id 0).
type apiImportedReport struct {
	Action  string `json:"action"` // "new", "changed" or "unchanged"
	Row     int    `json:"row"`
	CaseRef string `json:"case_ref"`
	apiReport
}

func (out *apiReportImportResult) add(e casefile.ReportEntry, outcome string, rep followup.Report) {
	switch outcome {
	case followup.ReportImportNew:
		out.Created++
	case followup.ReportImportChanged:
		out.Changed++
	default:
		out.Unchanged++
	}
	out.Reports = append(out.Reports, apiImportedReport{Action: outcome, Row: e.Row, CaseRef: e.CaseRef, apiReport: apiReportOf(rep)})
}
