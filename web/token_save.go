package web

import (
	"net/http"

	"planverk/auth"
	"planverk/store"
)

// tokenSave makes an API token for the person's own account and shows it
// once; only its hash is kept.
func (s *Server) tokenSave(w http.ResponseWriter, r *http.Request) {
	wh := whoOf(r)
	if wh.User == nil || wh.API {
		s.deny(w, r)
		return
	}
	f, ok := parseForm(w, r)
	if !ok {
		s.errorPage(w, r, http.StatusBadRequest, "error.bad-request")
		return
	}
	f.Required("token_name")
	if !f.OK() {
		s.renderAccount(w, r, http.StatusUnprocessableEntity, f, "", false)
		return
	}
	plain, hash, err := auth.NewToken(auth.PrefixAPIToken)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if _, err := s.store.CreateAPIToken(r.Context(), store.APIToken{UserID: wh.User.ID, Name: f.Get("token_name"), TokenHash: hash}); err != nil {
		s.fail(w, r, err)
		return
	}
	s.renderAccount(w, r, http.StatusOK, newForm(nil), plain, false)
}
