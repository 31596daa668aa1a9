package web

import (
	"net/http"

	"planverk/auth"
	"planverk/plan"
)

// organisationEditView is the organisation form, for a new organisation or
// one that exists.
type organisationEditView struct {
	// Organisation is the record as stored; the zero value for a new one.
	Organisation plan.Organisation
	New          bool
	Form         *form
	Kinds        []option
	Conflict     *conflictView
}

// organisationEdit shows the form that edits an organisation. Only system
// administrators edit organisations: they are shared by every programme.
func (s *Server) organisationEdit(w http.ResponseWriter, r *http.Request) {
	if !can(r, auth.EditOrganisation, auth.Resource{}) {
		s.deny(w, r)
		return
	}
	o, err := s.store.Organisation(r.Context(), r.PathValue("organisation"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	fm := newForm(organisationValues(o))
	setOrganisationMarks(fm, o)
	s.renderOrganisationEdit(w, r, http.StatusOK, o, false, fm, nil)
}

// setOrganisationMarks puts into the form the fingerprint of the record as
// the person saw it, and the record itself, to show what changed meanwhile.
func setOrganisationMarks(fm *form, o plan.Organisation) {
	fm.Values.Set("etag", fingerprint(o))
	fm.Values.Set("base", encodeOrganisation(o))
}

func (s *Server) renderOrganisationEdit(w http.ResponseWriter, r *http.Request, status int, o plan.Organisation, isNew bool,
	fm *form, conflict *conflictView) {
	title := i18nTitle(r, "admin.organisation-new-title")
	if !isNew {
		title = i18nTitle(r, "admin.organisation-edit-title", "Name", o.Name)
	}
	s.render(w, r, status, "organisation_edit", &view{Title: title,
		Data: organisationEditView{Organisation: o, New: isNew, Form: fm, Kinds: orgKindOptions(), Conflict: conflict}})
}
