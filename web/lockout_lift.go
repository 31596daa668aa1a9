package web

import (
	"net/http"

	"planverk/auth"
	"planverk/store"
)

// lockoutLift lifts a block of log-ins before it ends, for a system
// administrator who knows the attempts were the owner's own (a script with
// an old password, a person behind a shared address).
func (s *Server) lockoutLift(w http.ResponseWriter, r *http.Request) {
	f, ok := s.formFor(w, r, auth.ManageUsers)
	if !ok {
		return
	}
	key := store.LoginKey{Kind: store.LoginKind(f.Get("kind")), Email: f.Get("email"), Address: f.Get("address")}
	switch key.Kind {
	case store.LoginPair, store.LoginAddress, store.LoginAccount:
	default:
		s.errorPage(w, r, http.StatusBadRequest, "error.bad-request")
		return
	}
	if err := s.store.ClearLoginAttempts(r.Context(), key); err != nil {
		s.fail(w, r, err)
		return
	}
	s.log.Info("log-in block lifted", "by", whoOf(r).User.ID, "kind", key.Kind, "email", key.Email, "addr", key.Address)
	http.Redirect(w, r, "/users?saved=lockout#lockouts", http.StatusSeeOther)
}
