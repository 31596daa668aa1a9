package web

import (
	"html/template"
	"net/http"

	"planverk/auth"
	"planverk/i18n"
	"planverk/plan"
	"planverk/scheme"
	"planverk/store"
)

// schemeView is a scheme's page: everything the catalogue holds about it,
// its texts in the page's language with the glossary's words linked, and
// the measures that use it.
type schemeView struct {
	Scheme   *scheme.Scheme
	Record   store.SchemeRecord
	Name     localText
	Provider string
	Summary  *schemeSection
	// Sections are the texts after who the scheme is for: criteria,
	// amounts, contact, local guidance and examples, those that are there.
	Criteria *schemeSection
	Sections []schemeSection
	Steps    localSteps
	Deadline schemeDeadline
	Uses     []schemeUse
	// Checked is when someone last checked the scheme against its source,
	// as Norwegians write a date.
	Checked string
	// CanEdit: the person may edit the catalogue.
	CanEdit bool
	Saved   bool
}

// schemeSection is one text of a scheme, rendered, under its heading.
type schemeSection struct {
	ID      string // the anchor and the heading's id
	Heading string // a message
	Lang    scheme.Lang
	HTML    template.HTML
}

// schemeDeadline is when to apply, as the page writes it.
type schemeDeadline struct {
	Continuous bool
	Dates      []deadlineDate
}

type deadlineDate struct {
	Date string
	Note localText
}

func newSchemeDeadline(lang i18n.Lang, d scheme.Deadline, sl scheme.Lang) schemeDeadline {
	out := schemeDeadline{Continuous: d.Continuous}
	for _, dd := range d.Dates {
		out.Dates = append(out.Dates, deadlineDate{Date: i18n.Date(lang, dd.Date), Note: textIn(dd.Note, sl)})
	}
	return out
}

// schemeShow shows one scheme. A deleted scheme is not found, except by
// those who may edit the catalogue, who see it with the way to restore it.
func (s *Server) schemeShow(w http.ResponseWriter, r *http.Request) {
	rec, ok := s.latestScheme(w, r, false)
	if !ok {
		return
	}
	cat, err := s.catalogue(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	uses, err := s.schemeUses(r, rec.Scheme.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	lang := language(r)
	sl := schemeLang(lang)
	sc := &rec.Scheme
	sv := schemeView{Scheme: sc, Record: rec, Name: textIn(sc.Name, sl), Provider: providerOf(cat, sc),
		Steps: stepsIn(sc.HowToApply.Steps, sl), Deadline: newSchemeDeadline(lang, sc.HowToApply.Deadline, sl),
		Uses: uses, Checked: i18n.Date(lang, sc.Checked), CanEdit: can(r, auth.EditSchemes, auth.Resource{}), Saved: r.URL.Query().Get("saved") != ""}
	// Each text links the glossary's words afresh: a term explained in the
	// criteria is linked again where the amounts use it.
	section := func(id, heading string, t scheme.Text) *schemeSection {
		lt := textIn(t, sl)
		if lt.Text == "" {
			return nil
		}
		return &schemeSection{ID: id, Heading: heading, Lang: lt.Lang, HTML: cat.links.render(lt.Text)}
	}
	sv.Summary = section("summary", "", sc.Summary)
	sv.Criteria = section("criteria", "scheme.criteria", sc.Criteria)
	for _, t := range []struct {
		id, heading string
		text        scheme.Text
	}{
		{"amounts", "scheme.amounts", sc.Amounts},
		{"contact", "scheme.contact", sc.Contact},
		{"local-guidance", "scheme.local-guidance", sc.LocalGuidance},
		{"examples", "scheme.examples", sc.Examples},
	} {
		if sec := section(t.id, t.heading, t.text); sec != nil {
			sv.Sections = append(sv.Sections, *sec)
		}
	}
	s.render(w, r, http.StatusOK, "scheme", &view{Title: sv.Name.Text, ContentLang: string(sv.Name.Lang), Data: sv})
}

// latestScheme loads the latest revision of the scheme a request names. A
// deleted scheme is not found, except by those who may edit the catalogue
// (and, with forEdit, only by them): they see it to restore it. Otherwise it
// answers the request and returns false.
func (s *Server) latestScheme(w http.ResponseWriter, r *http.Request, forEdit bool) (store.SchemeRecord, bool) {
	editor := can(r, auth.EditSchemes, auth.Resource{})
	if forEdit && !editor {
		s.deny(w, r)
		return store.SchemeRecord{}, false
	}
	recs, err := s.store.SchemeRevisions(r.Context(), r.PathValue("id"))
	if err == nil && recs[0].Deleted && !editor {
		err = plan.Errorf(plan.ENotFound, "scheme %s is deleted", r.PathValue("id"))
	}
	if err != nil {
		s.fail(w, r, err)
		return store.SchemeRecord{}, false
	}
	return recs[0], true
}
