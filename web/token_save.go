package web

import (
	"net/http"
	"time"

	"planverk/auth"
	"planverk/store"
)

// tokenSave makes an API token for the person's own account and shows it
// once; only its hash is kept. The token lasts as long as the person chose,
// within the operator's maximum.
func (s *Server) tokenSave(w http.ResponseWriter, r *http.Request) {
	u, f, ok := s.accountForm(w, r)
	if !ok {
		return
	}
	f.Required("token_name")
	days, ok := s.chosenTokenDays(f)
	if !ok {
		f.Fail("token_days", "account.token-expiry-invalid")
	}
	if !f.OK() {
		s.renderAccount(w, r, http.StatusUnprocessableEntity, f, "", false)
		return
	}
	plain, hash, err := auth.NewToken(auth.PrefixAPIToken)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	now := s.now()
	expires := now.Add(time.Duration(days) * 24 * time.Hour)
	if _, err := s.store.CreateAPIToken(r.Context(), store.APIToken{UserID: u.ID, Name: f.Get("token_name"), TokenHash: hash,
		CreatedAt: now, ExpiresAt: &expires}); err != nil {
		s.fail(w, r, err)
		return
	}
	s.renderAccount(w, r, http.StatusOK, newForm(nil), plain, false)
}
