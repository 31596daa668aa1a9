package web

import (
	"net/http"
	"strconv"

	"planverk/scheme"
	"planverk/store"
)

// schemeEditView is the scheme form, for a new scheme or one that exists.
type schemeEditView struct {
	// ID is the scheme's id; "" for a new one, whose form asks for it.
	ID   string
	Name localText
	Form *form
	// The choices of the catalogue's enumerations.
	Levels, Statuses                 []option
	Kinds, Audiences, Stages, Themes []option
	Conflict                         *schemeConflict
}

// schemeEdit shows the form that edits a scheme. Only system administrators
// edit the catalogue (auth.EditSchemes): it is shared by every programme.
func (s *Server) schemeEdit(w http.ResponseWriter, r *http.Request) {
	rec, ok := s.latestScheme(w, r, true)
	if !ok {
		return
	}
	if rec.Deleted {
		s.goneConflict(w, r, "scheme-form.deleted-title", "scheme-form.deleted")
		return
	}
	fm := newForm(schemeValues(rec.Scheme, language(r)))
	setSchemeMarks(fm, rec)
	s.renderSchemeEdit(w, r, http.StatusOK, rec.Scheme.ID, fm, nil)
}

// setSchemeMarks gives the form the marks of the scheme as it is in rec:
// its fingerprint (etag), the revision (base), and a new submission key.
// A form shown again after a conflict gets them, so that saving it again is
// a knowing choice.
func setSchemeMarks(fm *form, rec store.SchemeRecord) {
	fm.Values.Set("etag", fingerprint(rec.Scheme))
	fm.Values.Set("base", strconv.Itoa(rec.Revision))
	fm.Values.Set("submission", newSubmission())
}

func (s *Server) renderSchemeEdit(w http.ResponseWriter, r *http.Request, status int, id string, fm *form, c *schemeConflict) {
	ev := schemeEditView{ID: id, Form: fm, Conflict: c}
	if id != "" {
		ev.Name = textIn(formText(fm, "name"), schemeLang(language(r)))
		if ev.Name.Text == "" {
			ev.Name = localText{Text: id}
		}
	}
	ev.Levels = enumOptions("scheme-level.", scheme.Levels, true)
	ev.Statuses = enumOptions("scheme-status.", scheme.Statuses, true)
	ev.Kinds = enumOptions("scheme-kind.", scheme.Kinds, false)
	ev.Audiences = enumOptions("scheme-audience.", scheme.Audiences, false)
	ev.Stages = enumOptions("scheme-stage.", scheme.Stages, false)
	ev.Themes = enumOptions("scheme-theme.", scheme.Themes, false)
	title := i18nTitle(r, "scheme-form.new-title")
	if id != "" {
		title = i18nTitle(r, "scheme-form.title", "Name", ev.Name.Text)
	}
	s.render(w, r, status, "scheme_edit", &view{Title: title, Data: ev})
}

// enumOptions are the choices of an enumeration, each named by its
// message; with choose, a first empty one asks to choose.
func enumOptions[T ~string](prefix string, values []T, choose bool) []option {
	var out []option
	if choose {
		out = append(out, option{Value: "", ID: "scheme-form.choose"})
	}
	for _, v := range values {
		out = append(out, option{Value: string(v), ID: prefix + string(v)})
	}
	return out
}
