package web

import (
	"net/http"

	"planverk/auth"
	"planverk/plan"
)

// organisationSave saves the organisation form. An organisation is a
// record of its own, shared by every plan that names it, so it is saved
// as one (store.SaveOrganisation) rather than as a new version of some
// plan. The form carries the fingerprint of the record as it was opened;
// if it has been changed since, nothing is saved and the form comes back
// with what the person typed and what changed meanwhile.
func (s *Server) organisationSave(w http.ResponseWriter, r *http.Request) {
	fm, ok := s.formFor(w, r, auth.EditOrganisation)
	if !ok {
		return
	}
	ctx := r.Context()
	cur, err := s.store.Organisation(ctx, r.PathValue("organisation"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	want := cur
	applyOrganisationForm(fm, &want)
	if !fm.OK() {
		s.renderOrganisationEdit(w, r, http.StatusUnprocessableEntity, cur, false, fm, nil)
		return
	}
	// A record that already is what the form asks for needs nothing: this
	// also makes the same form sent twice a single change.
	if fingerprint(want) == fingerprint(cur) {
		http.Redirect(w, r, "/organisations/"+cur.ID, http.StatusSeeOther)
		return
	}
	if fm.Get("etag") != fingerprint(cur) {
		c := &conflictView{book: s.book(r, &plan.File{Organisations: []plan.Organisation{cur}})}
		if base, ok := decodeOrganisation(fm.Get("base")); ok {
			c.Changes = plan.Diff(&plan.File{Organisations: []plan.Organisation{base}},
				&plan.File{Organisations: []plan.Organisation{cur}})
		}
		setOrganisationMarks(fm, cur)
		s.renderOrganisationEdit(w, r, http.StatusConflict, cur, false, fm, c)
		return
	}
	if err := s.store.SaveOrganisation(ctx, want); err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/organisations/"+cur.ID, http.StatusSeeOther)
}
