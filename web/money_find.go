package web

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"planverk/describe"
	"planverk/i18n"
	"planverk/plan"
	"planverk/store"
)

// Helpers the money forms share: budgets, financing tables and funding
// sources are edited in the same way, a grid of amounts saved through
// store.EditPlan against the fingerprint the form was opened with.

// staleMoney is what an edit of a money table returns when the table is no
// longer what the person started from, or is gone; the conflict page looks
// again at which.
type staleMoney struct{}

func (e *staleMoney) Error() string { return "the table was changed by someone else" }

// invalidMoney is what an edit returns when the form, checked again on the
// plan as it is now, is wrong: a line now financed by another table, say.
type invalidMoney struct{ form *form }

func (e *invalidMoney) Error() string { return "the form does not fit the plan as it is now" }

// findBudget returns the budget with the id and its index, or nil.
func findBudget(f *plan.File, id string) (*plan.Budget, int) {
	for i := range f.Plan.Budgets {
		if f.Plan.Budgets[i].ID == id {
			return &f.Plan.Budgets[i], i
		}
	}
	return nil, -1
}

// findFinancing returns the financing table with the id and its index, or nil.
func findFinancing(f *plan.File, id string) (*plan.Financing, int) {
	for i := range f.Plan.Financing {
		if f.Plan.Financing[i].ID == id {
			return &f.Plan.Financing[i], i
		}
	}
	return nil, -1
}

// lineFinancedBy lists the titles of the financing tables with a row that
// finances the budget's line, so that removing the line can be refused
// with a message that says where it is used.
func lineFinancedBy(f *plan.File, budgetID, lineID string) []string {
	var out []string
	for _, t := range f.Plan.Financing {
		if t.Budget != budgetID {
			continue
		}
		for _, row := range t.Rows {
			if row.Line == lineID {
				out = append(out, moneyTableName(t.Title, t.ID))
				break
			}
		}
	}
	return out
}

// sourceUsedBy lists the titles of the tables that use a funding source: as
// a financing column, in a cell or printed total, or as what a budget
// covers. A source in use cannot be removed.
func sourceUsedBy(f *plan.File, sourceID string) []string {
	var out []string
	for _, t := range f.Plan.Financing {
		used := slices.Contains(t.Sources, sourceID)
		for _, row := range t.Rows {
			for _, c := range row.Cells {
				used = used || c.Source == sourceID
			}
		}
		if t.Printed != nil {
			_, inSum := t.Printed.Sources[sourceID]
			_, inMarks := t.Printed.Marks[sourceID]
			used = used || inSum || inMarks
		}
		if used {
			out = append(out, moneyTableName(t.Title, t.ID))
		}
	}
	for _, b := range f.Plan.Budgets {
		if slices.Contains(b.Covers, sourceID) {
			out = append(out, moneyTableName(b.Title, b.ID))
		}
	}
	return out
}

func moneyTableName(title, id string) string {
	if strings.TrimSpace(title) != "" {
		return "«" + title + "»"
	}
	return id
}

// moneyID makes an id for a new line or source from its name, the way plan
// files write ids (lower case, digits and hyphens), different from every
// id taken: "Fleire eigna bustader" becomes "fleire-eigna-bustader", and a
// second one "fleire-eigna-bustader-2".
func moneyID(name, fallback string, taken func(string) bool) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		var s string
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			s = string(r)
		case r == 'æ':
			s = "ae"
		case r == 'ø' || r == 'ö':
			s = "o"
		case r == 'å' || r == 'á' || r == 'à' || r == 'ä':
			s = "a"
		case r == 'é' || r == 'è':
			s = "e"
		}
		if s == "" {
			dash = b.Len() > 0
			continue
		}
		if dash {
			b.WriteByte('-')
			dash = false
		}
		b.WriteString(s)
	}
	base := b.String()
	if len(base) > 40 {
		base = strings.TrimRight(base[:40], "-")
	}
	if base == "" {
		base = fallback
	}
	id := base
	for n := 2; taken(id); n++ {
		id = base + "-" + strconv.Itoa(n)
	}
	return id
}

// moneyText reads a text field of a grid. A field the form did not carry
// keeps had; one that differs from had only in the space around it keeps
// had too, so that saving a form unchanged changes nothing.
func moneyText(fm *form, name, had string) string {
	if _, present := fm.Values[name]; !present {
		return had
	}
	return keepLine(had, fm.Get(name))
}

// moneyCount reads the number of rows a grid form says it has, within
// reason: a forged count must not make the server loop for long.
func moneyCount(fm *form, name string) int {
	n, err := strconv.Atoi(fm.Get(name))
	if err != nil || n < 0 {
		return 0
	}
	return min(n, 500)
}

// moneyConflict tells what someone else saved in a table while this person
// edited it: the changes at or under path since the form's base version.
// It merges the form (moneyMerge) with the table as the base version and
// f, the plan as it is now, have it (values; nil where a version lacks
// the table), and renews the form's marks, etag the table's fingerprint
// in f.
func (s *Server) moneyConflict(r *http.Request, v store.PlanVersion, f *plan.File, fm *form, path string,
	g moneyGrid, values func(*plan.File) url.Values, etag string) *conflictView {
	c, before := s.moneyChanges(r, v, f, fm, path)
	var base url.Values
	if before != nil {
		base = values(before)
	}
	moneyMerge(fm, g, base, values(f))
	renewForm(fm, v, etag)
	return c
}

// moneyChanges tells the changes at or under path since the form's base
// version. It returns that version too, for merging the form, or nil where
// the form names none.
func (s *Server) moneyChanges(r *http.Request, v store.PlanVersion, f *plan.File, fm *form, path string) (*conflictView, *plan.File) {
	c := &conflictView{Author: v.AuthorName, At: v.SavedAt, book: s.book(r, f)}
	base, err := strconv.Atoi(fm.Get("base"))
	switch {
	case err != nil || base < 1 || base > v.Version:
		return c, nil
	case base == v.Version:
		return c, f
	}
	before, _, err := s.store.LoadPlanVersion(r.Context(), v.ProgrammeID, v.Year, base)
	if err != nil {
		return c, nil
	}
	for _, ch := range plan.Diff(before, f) {
		if ch.Path == path || strings.HasPrefix(ch.Path, path+".") || strings.HasPrefix(ch.Path, path+"[") {
			c.Changes = append(c.Changes, ch)
		}
	}
	return c, before
}

// moneyFindings are the findings of the rules about one table (its path,
// "plan.budgets[0]"), in the language of the page, so that the form shows
// what the plan page will flag.
func moneyFindings(f *plan.File, path string, lang i18n.Lang) []findingView {
	var out []findingView
	b := describe.New(f, lang)
	for _, fd := range plan.Check(f) {
		if fd.Path != path && !strings.HasPrefix(fd.Path, path+".") {
			continue
		}
		out = append(out, newFindingView(b, lang, fd))
	}
	return out
}

// moneyOptions adds to a list's options the values the form's fields hold
// that the list lacks (a goal or organisation the plan no longer has), so
// that the list shows what is saved and sending the form unchanged keeps
// it; the rules report the broken reference.
func moneyOptions(opts []option, fm *form, names ...string) []option {
	for _, n := range names {
		val := fm.Get(n)
		if !slices.ContainsFunc(opts, func(o option) bool { return o.Value == val }) {
			opts = append(opts, option{Value: val, Label: val})
		}
	}
	return opts
}
