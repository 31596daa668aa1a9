package web

import (
	"encoding/base64"
	"net/http"
	"strconv"
	"strings"

	"planverk/casefile"
	"planverk/followup"
	"planverk/store"
)

// Reports come in through the project import's page too: the person
// chooses what the file holds (the form's "what"), and a report export is
// read by casefile.ReadReports, each report matched with the project of
// its case reference and with a stored report of the same project, kind
// and period. The check and the confirmation are the project import's
// handlers, which hand a report file to the functions here.

// importWhatReports is the form's "what" for a report export.
const importWhatReports = "reports"

type reportImportRow struct {
	Report  followup.Report
	CaseRef string
	Project followup.Project
	Path    string
	Outcome string
	Row     int
}

// readReportImport reads a report export and gives each report its
// project: the problems of the file, and of case references the
// programme does not have, are in the result, all of them at once.
func (s *Server) readReportImport(r *http.Request, b *followupBase, data []byte) (*casefile.ReportResult, map[string]followup.Project, error) {
	res := casefile.ReadReports(data)
	if len(res.Entries) == 0 {
		return res, nil, nil
	}
	projects, err := s.store.ProjectsByCaseRef(r.Context(), b.Programme.ID, res.CaseRefs())
	if err != nil {
		return nil, nil, err
	}
	ids := map[string]int64{}
	for ref, p := range projects {
		ids[ref] = p.ID
	}
	res.Resolve(b.Programme.ID, ids)
	return res, projects, nil
}

// reportImportCheck shows what a report export would do, or its problems.
func (s *Server) reportImportCheck(w http.ResponseWriter, r *http.Request, b *followupBase, fm *form, name string, data []byte) {
	res, projects, err := s.readReportImport(r, b, data)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if len(res.Problems) > 0 {
		fm.Fail("file", "projimport.error-problems", "Count", len(res.Problems))
		s.renderProjectImport(w, r, http.StatusUnprocessableEntity, b, fm, name, res.Problems)
		return
	}
	v := projectImportView{followupBase: b, Form: newForm(nil), File: name, Ignored: strings.Join(res.Ignored, ", ")}
	stored := map[int64][]followup.Report{}
	for _, e := range res.Entries {
		p := projects[e.CaseRef]
		if _, ok := stored[p.ID]; !ok {
			got, err := s.store.ProjectReports(r.Context(), b.Programme.ID, p.ID)
			if err != nil {
				s.fail(w, r, err)
				return
			}
			stored[p.ID] = got
		}
		row := reportImportRow{Report: e.Report, CaseRef: e.CaseRef, Project: p, Path: projectPath(p), Row: e.Row,
			Outcome: followup.ReportImportOutcome(followup.MatchReport(stored[p.ID], e.Report), e.Report)}
		switch row.Outcome {
		case followup.ReportImportNew:
			v.Created++
		case followup.ReportImportChanged:
			v.Updated++
		default:
			v.Unchanged++
		}
		if p.Sample {
			v.Samples++
		}
		v.Reports = append(v.Reports, row)
	}
	fv := v.Form.Values
	fv.Set("content", base64.RawURLEncoding.EncodeToString(data))
	fv.Set("name", name)
	fv.Set("what", importWhatReports)
	s.render(w, r, http.StatusOK, "report_import_preview", &view{Title: i18nTitle(r, "projimport.preview-title", "File", name), Data: v})
}

// reportImportConfirm stores a report export the person has seen the
// preview of, reading and checking it again first, and shows the job
// ledger the accepted reports count in.
func (s *Server) reportImportConfirm(w http.ResponseWriter, r *http.Request, b *followupBase, name string, data []byte) {
	res, _, err := s.readReportImport(r, b, data)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if len(res.Problems) > 0 {
		again := newForm(nil)
		again.Values.Set("what", importWhatReports)
		again.Fail("file", "projimport.error-problems", "Count", len(res.Problems))
		s.renderProjectImport(w, r, http.StatusUnprocessableEntity, b, again, name, res.Problems)
		return
	}
	done, err := s.store.ImportReports(r.Context(), b.Programme.ID, res.Reports(),
		store.Edit{Author: whoOf(r).Subject.UserID, Summary: "import " + name})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/programmes/"+b.Programme.ID+"/jobs?imported="+strconv.Itoa(len(done)), http.StatusSeeOther)
}
