package web

import (
	"net/http"
	"sync"

	"planverk/auth"
	"planverk/plan"
)

// organisationCreating makes the check for a taken id and the save one
// step within this process. SaveOrganisation updates an organisation that
// exists, so two copies of planverk creating the same new id at the same
// moment could still both save; for a system administrator's rare
// creations that risk is taken knowingly.
var organisationCreating sync.Mutex

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
	organisationCreating.Lock()
	defer organisationCreating.Unlock()
	had, err := s.store.Organisation(ctx, o.ID)
	switch {
	case err == nil && fingerprint(had) == fingerprint(o):
		http.Redirect(w, r, "/organisations/"+o.ID, http.StatusSeeOther)
		return
	case err == nil:
		fm.Fail("id", "admin.id-taken")
		s.renderOrganisationEdit(w, r, http.StatusUnprocessableEntity, plan.Organisation{}, true, fm, nil)
		return
	case plan.ErrorCode(err) != plan.ENotFound:
		s.fail(w, r, err)
		return
	}
	if err := s.store.SaveOrganisation(ctx, o); err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/organisations/"+o.ID, http.StatusSeeOther)
}
