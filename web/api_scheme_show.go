package web

import (
	"net/http"
	"time"

	"planverk/auth"
	"planverk/plan"
	"planverk/scheme"
)

// apiScheme is one scheme of the catalogue, with its latest revision.
type apiScheme struct {
	Scheme   scheme.Scheme `json:"scheme"`
	Revision int           `json:"revision"`
	SavedAt  time.Time     `json:"saved_at"`
	// Page is the scheme's page on the site.
	Page string `json:"page"`
}

// apiSchemeShow answers with one scheme. A deleted scheme is not found,
// except by those who may edit the catalogue.
func (s *Server) apiSchemeShow(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	recs, err := s.store.SchemeRevisions(r.Context(), id)
	if err == nil && recs[0].Deleted && !can(r, auth.EditSchemes, auth.Resource{}) {
		err = plan.Errorf(plan.ENotFound, "scheme %s is deleted", id)
	}
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	rec := recs[0]
	out := apiScheme{Scheme: schemeForAPI(rec.Scheme), Revision: rec.Revision, SavedAt: rec.SavedAt, Page: "/schemes/" + id}
	writeTagged(w, r, http.StatusOK, etagOf(rec.Scheme), out)
}
