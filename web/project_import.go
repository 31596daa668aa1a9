package web

import (
	"encoding/base64"
	"net/http"
	"strconv"
	"strings"

	"planverk/casefile"
	"planverk/followup"
	"planverk/plan"
)

// A programme's projects can come in from the county's case system: the
// form takes an export (CSV or XLSX, GET .../projects/import), the upload
// is read whole by casefile and either every problem is listed by row and
// column or what the import would create and update is shown (POST
// .../projects/import), and the confirmation reads the same file again and
// stores it in one transaction (POST .../projects/import/confirm). Nothing
// is stored before the confirmation; the file goes through the preview
// page in a hidden field, as the catalogue's import does.

// projectImportView is the import form with a file's problems, or the
// preview of what a file would do.
type projectImportView struct {
	*followupBase
	Form     *form
	File     string
	SizeText string
	Problems []projectImportProblem
	// Headings are what the format section says each field may be called.
	Headings []projectImportHeading
	// The preview: the projects as they would be, and the totals.
	Rows                                    []projectImportRow
	Created, Updated, Commitments, Payments int
	Ignored                                 string
	// A report export's preview: its reports, how many the import leaves
	// as they are, and how many belong to sample projects.
	Reports            []reportImportRow
	Unchanged, Samples int
	// ReportHeadings are what the format section says each field of a
	// report export may be called.
	ReportHeadings []projectImportHeading
}

type projectImportProblem struct {
	Row, Column, Heading, Message string
}

type projectImportHeading struct {
	Field    string
	Examples string
}

type projectImportRow struct {
	Project         followup.Project
	Create          bool
	Path            string
	Rows            string
	Committed, Paid plan.Amount
	Commitments     int
	Payments        int
}

func (b *followupBase) ImportPath() string {
	return "/programmes/" + b.Programme.ID + "/projects/import"
}

// renderProjectImport shows the form, with the problems of a file that
// did not pass.
func (s *Server) renderProjectImport(w http.ResponseWriter, r *http.Request, status int, b *followupBase, fm *form, file string, problems []casefile.Problem) {
	lang := language(r)
	v := projectImportView{followupBase: b, Form: fm, File: file, SizeText: importSizeText}
	for _, p := range problems {
		row := ""
		if p.Row > 0 {
			row = strconv.Itoa(p.Row)
		}
		// The message names row and column too, for the API and a screen
		// reader's reading of the cell alone; the table sorts them.
		v.Problems = append(v.Problems, projectImportProblem{Row: row, Column: p.Column, Heading: p.Heading,
			Message: casefile.Problem{Code: p.Code, Value: p.Value, Args: p.Args}.Text(lang)})
	}
	for _, f := range casefile.Fields {
		hs := casefile.Headings(f)
		v.Headings = append(v.Headings, projectImportHeading{Field: (&view{Lang: lang}).T("projimport.field." + string(f)),
			Examples: strings.Join(hs[2:min(len(hs), 6)], ", ")})
	}
	for _, f := range casefile.ReportFields {
		hs := casefile.ReportHeadings(f)
		v.ReportHeadings = append(v.ReportHeadings, projectImportHeading{Field: (&view{Lang: lang}).T("projimport.field." + string(f)),
			Examples: strings.Join(hs[1:min(len(hs), 5)], ", ")})
	}
	s.render(w, r, status, "project_import", &view{Title: i18nTitle(r, "projimport.title"), Data: v})
}

// renderProjectImportPreview shows what storing the file would do: each
// project as it would be after the import, new or merged into the stored
// one of its case reference.
func (s *Server) renderProjectImportPreview(w http.ResponseWriter, r *http.Request, b *followupBase, name string, data []byte, res *casefile.Result) {
	refs := make([]string, len(res.Entries))
	for i, e := range res.Entries {
		refs[i] = e.Project.CaseRef
	}
	stored, err := s.store.ProjectsByCaseRef(r.Context(), b.Programme.ID, refs)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	v := projectImportView{followupBase: b, Form: newForm(nil), File: name, Ignored: strings.Join(res.Ignored, ", ")}
	for _, e := range res.Entries {
		var before *followup.Project
		if p, ok := stored[e.Project.CaseRef]; ok {
			before = &p
		}
		p := followup.Merge(before, e.Project)
		row := projectImportRow{Project: p, Create: before == nil, Rows: rowSpan(e.Rows),
			Committed: p.Committed(), Paid: p.Paid(), Commitments: len(p.Commitments)}
		if before != nil {
			row.Path = projectPath(*before)
			v.Updated++
		} else {
			v.Created++
		}
		for _, c := range p.Commitments {
			row.Payments += len(c.Payments)
		}
		v.Commitments += row.Commitments
		v.Payments += row.Payments
		v.Rows = append(v.Rows, row)
	}
	fv := v.Form.Values
	fv.Set("content", base64.RawURLEncoding.EncodeToString(data))
	fv.Set("name", name)
	fv.Set("submission", newSubmission())
	s.render(w, r, http.StatusOK, "project_import_preview", &view{Title: i18nTitle(r, "projimport.preview-title", "File", name), Data: v})
}

// rowSpan writes a project's rows as the spreadsheet numbers them:
// "2", "2–4", "2, 5".
func rowSpan(rows []int) string {
	var parts []string
	for i := 0; i < len(rows); {
		j := i
		for j+1 < len(rows) && rows[j+1] == rows[j]+1 {
			j++
		}
		if j > i {
			parts = append(parts, strconv.Itoa(rows[i])+"–"+strconv.Itoa(rows[j]))
		} else {
			parts = append(parts, strconv.Itoa(rows[i]))
		}
		i = j + 1
	}
	return strings.Join(parts, ", ")
}
