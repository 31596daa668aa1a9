package web

import (
	"errors"
	"net/http"

	"planverk/auth"
)

// passwordSave changes the person's own password. The current password is
// asked for, so that a session left open on a shared computer cannot be
// used to take the account over.
func (s *Server) passwordSave(w http.ResponseWriter, r *http.Request) {
	u, f, ok := s.accountForm(w, r)
	if !ok {
		return
	}
	// Both the check and the hash within one slot (password_slot.go).
	release, ok := s.passwordSlot(r.Context())
	if !ok {
		s.busy(w, r)
		return
	}
	defer release()
	if u.PasswordHash != "" {
		good, err := auth.CheckPassword(u.PasswordHash, f.Raw("current"))
		if err != nil {
			s.fail(w, r, err)
			return
		}
		if !good {
			f.Fail("current", "account.current-wrong")
		}
	}
	checkNewPassword(f, "password", "repeat")
	if !f.OK() {
		s.renderAccount(w, r, http.StatusUnprocessableEntity, f, "", false)
		return
	}
	h, err := auth.HashPassword(f.Raw("password"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if err := s.store.SetPassword(r.Context(), u.ID, h); err != nil {
		s.fail(w, r, err)
		return
	}
	// A new session token: any other copy of the old one is worth nothing.
	if err := s.sessions.RenewToken(r.Context()); err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/account?saved=password", http.StatusSeeOther)
}

// checkNewPassword checks a new password and its repetition.
func checkNewPassword(f *form, field, repeat string) {
	if err := auth.ValidatePassword(f.Raw(field)); err != nil {
		var pe *auth.PasswordError
		if errors.As(err, &pe) {
			f.Fail(field, "password."+pe.Code, "Limit", pe.Limit)
		} else {
			f.Fail(field, "password.invalid")
		}
		return
	}
	if f.Raw(field) != f.Raw(repeat) {
		f.Fail(repeat, "password.mismatch")
	}
}
