package web

import (
	"net/http"
	"strconv"
	"strings"

	"planverk/document"
	"planverk/i18n"
	"planverk/plan"
	"planverk/store"
)

// printMeta is what a printed plan says of itself on its title page and
// in the margin of every page: which version it is, of when, and whether
// it is a draft.
type printMeta struct {
	// Draft is set on a working draft, which every page marks.
	Draft   bool
	Version string
	Date    string
}

// printLang is the language a plan is printed in: its own, so that the
// document (and the PDF's language) is the plan's from the title to the
// table headers, whoever asks for it.
func printLang(f *plan.File) i18n.Lang {
	return i18n.Parse(string(f.Plan.Language))
}

// planDocument lays out a plan to be printed: the plan's page without
// navigation or anything only a screen needs, in the plan's language, the
// stylesheet inline, with the words of every page's margin. It depends on
// nothing but the version: no rights, no person.
func (s *Server) planDocument(r *http.Request, f *plan.File, v store.PlanVersion) (document.Document, error) {
	lang := printLang(f)
	page, err := s.planPageIn(r, f, v, lang)
	if err != nil {
		return document.Document{}, err
	}
	t := (&view{Lang: lang}).T
	pv := page.Data.(*planView)
	// What the person may do is no part of a document.
	pv.Perms, pv.Draft = planPerms{}, nil
	meta := &printMeta{Draft: v.Release == nil, Date: v.SavedAt.In(oslo).Format("02.01.2006")}
	if rel := v.Release; rel != nil {
		meta.Version = t("pdf.release-version", "Kind", t("release.kind."+string(rel.Kind)), "Number", rel.Number)
		meta.Date = rel.At.In(oslo).Format("02.01.2006")
	} else {
		meta.Version = t("pdf.draft-version", "Version", v.Version)
	}
	pv.Print = meta
	page.Lang = lang
	page.Base = strings.TrimSuffix(s.public.String(), "/") + "/"
	body, err := s.renderBytes(r, "plan_print", page)
	if err != nil {
		return document.Document{}, err
	}
	m := document.Margin{Lang: string(lang), Page: t("pdf.page"),
		Left: t("pdf.footer", "Title", f.Plan.Title, "Version", meta.Version, "Date", meta.Date)}
	if meta.Draft {
		m.Mark = t("pdf.draft-mark")
	}
	header, footer := document.HeaderFooter(m)
	return document.Document{HTML: body, Header: header, Footer: footer, Margins: document.A4Margins}, nil
}

// pdfName is the file name a plan's PDF is saved under.
func pdfName(v store.PlanVersion) string {
	name := v.ProgrammeID + "-" + strconv.Itoa(v.Year)
	if v.Release != nil {
		return name + "-release-" + strconv.Itoa(v.Release.Number) + ".pdf"
	}
	return name + "-draft-" + strconv.Itoa(v.Version) + ".pdf"
}
