package web

import (
	"net/http"

	"planverk/auth"
	"planverk/store"
)

// tokenSave makes an API token for the person's own account and shows it
// once; only its hash is kept.
func (s *Server) tokenSave(w http.ResponseWriter, r *http.Request) {
	u, f, ok := s.accountForm(w, r)
	if !ok {
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
	if _, err := s.store.CreateAPIToken(r.Context(), store.APIToken{UserID: u.ID, Name: f.Get("token_name"), TokenHash: hash}); err != nil {
		s.fail(w, r, err)
		return
	}
	s.renderAccount(w, r, http.StatusOK, newForm(nil), plain, false)
}
