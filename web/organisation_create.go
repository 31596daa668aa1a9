package web

import (
	"net/http"

	"planverk/auth"
	"planverk/plan"
)

// organisationCreate adds an organisation. Its id is unique: the same form
// sent again finds the organisation it made and goes there, while another
// organisation's id is an error beside the field.
func (s *Server) organisationCreate(w http.ResponseWriter, r *http.Request) {
	fm, ok := s.formFor(w, r, auth.EditOrganisation)
	if !ok {
		return
	}
	o := plan.Organisation{ID: adminCheckKey(fm, "id")}
	applyOrganisationForm(fm, &o)
	if !fm.OK() {
		s.renderOrganisationEdit(w, r, http.StatusUnprocessableEntity, plan.Organisation{}, true, fm, nil)
		return
	}
	ctx := r.Context()
	err := s.store.CreateOrganisation(ctx, o)
	if plan.ErrorCode(err) == plan.EConflict {
		// Taken: by this same form sent before (go to what it made), or by
		// another organisation (say so beside the id).
		had, lerr := s.store.Organisation(ctx, o.ID)
		if lerr != nil {
			s.fail(w, r, lerr)
			return
		}
		if fingerprint(had) != fingerprint(o) {
			fm.Fail("id", "admin.id-taken")
			s.renderOrganisationEdit(w, r, http.StatusUnprocessableEntity, plan.Organisation{}, true, fm, nil)
			return
		}
		err = nil
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/organisations/"+o.ID, http.StatusSeeOther)
}
