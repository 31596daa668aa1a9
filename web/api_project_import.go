package web

import (
	"net/http"

	"planverk/casefile"
	"planverk/followup"
	"planverk/i18n"
	"planverk/store"
)

// apiProjectImport imports a case export: POST
// /api/v1/programmes/{programme}/projects/import with the file as the
// body (text/csv or an XLSX workbook). With ?dry_run=1 it stores nothing
// and answers what the import would create and update, or the file's
// problems; without, it stores every project in one transaction. A file
// with problems is then 422, every problem named by row and column, and
// nothing is stored.
func (s *Server) apiProjectImport(w http.ResponseWriter, r *http.Request) {
	u, b, data, ok := s.apiImportFile(w, r)
	if !ok {
		return
	}
	lang := apiLang(r)
	res := casefile.Read(data, b.Programme.ID, b.Plans)
	out := apiProjectImportResult{DryRun: r.URL.Query().Get("dry_run") == "1",
		Projects: []apiImportedProject{}, Lang: lang}
	out.Problems = apiImportProblemsOf(res.Problems, lang)
	if s.apiAnswerProblems(w, r, lang, out.Problems, out.DryRun, out) {
		return
	}
	if out.DryRun {
		refs := make([]string, len(res.Entries))
		for i, e := range res.Entries {
			refs[i] = e.Project.CaseRef
		}
		stored, err := s.store.ProjectsByCaseRef(r.Context(), b.Programme.ID, refs)
		if err != nil {
			s.apiFail(w, r, err)
			return
		}
		for _, e := range res.Entries {
			var before *followup.Project
			if p, ok := stored[e.Project.CaseRef]; ok {
				before = &p
			}
			out.add(followup.Merge(before, e.Project), before == nil, e.Rows, lang)
		}
		writeTagged(w, r, http.StatusOK, etagOf(out), out)
		return
	}
	done, err := s.store.ImportProjects(r.Context(), b.Programme.ID, res.Projects(), store.Edit{Author: u.ID, Summary: "import (API)"})
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	for i, d := range done {
		out.add(d.Project, d.Created, res.Entries[i].Rows, lang)
	}
	writeTagged(w, r, http.StatusOK, etagOf(out), out)
}

// apiProjectImportResult is what an import did, or would do.
type apiProjectImportResult struct {
	DryRun bool `json:"dry_run"`
	// Created and Updated count the projects registered and merged into
	// stored ones (matched by case reference).
	Created  int                  `json:"created"`
	Updated  int                  `json:"updated"`
	Projects []apiImportedProject `json:"projects"`
	// Problems are what must be fixed in the file; where there are any,
	// nothing is stored and Projects is empty.
	Problems []apiImportProblem `json:"problems"`
	Lang     i18n.Lang          `json:"lang"`
}

// apiImportRefusal is the problem document of an import refused for
// problems in its file.
type apiImportRefusal struct {
	apiProblem
	Problems []apiImportProblem `json:"problems"`
}

// apiImportedProject is one project of an import: as stored (with its
// id and url) or, for a dry run, as it would be.
type apiImportedProject struct {
	Action string `json:"action"` // "create" or "update"
	// Rows are the file's rows the project was read from.
	Rows []int `json:"rows"`
	apiProject
}

// apiImportProblem is a problem of the file, with where it is (row and
// column as a spreadsheet shows them) and its message in Lang.
type apiImportProblem struct {
	casefile.Problem
	Message string `json:"message"`
}

func (out *apiProjectImportResult) add(p followup.Project, created bool, rows []int, lang i18n.Lang) {
	ip := apiImportedProject{Action: "update", Rows: rows, apiProject: apiProjectOf(p, lang)}
	if created {
		ip.Action = "create"
		out.Created++
	} else {
		out.Updated++
	}
	if p.ID == 0 {
		ip.URL = ""
	}
	ip.Committed, ip.Paid = p.Committed(), p.Paid()
	out.Projects = append(out.Projects, ip)
}
