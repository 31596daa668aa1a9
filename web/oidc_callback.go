package web

import (
	"encoding/json"
	"net/http"

	"planverk/auth"
	"planverk/plan"
)

// oidcCallback finishes a log-in at the OpenID provider. The person must
// already have an account: found by the identity it was linked to before,
// or, the first time, by an e-mail address the provider has verified, where
// the account is not linked to another identity yet.
// planverk makes no accounts for strangers; they are invited.
func (s *Server) oidcCallback(w http.ResponseWriter, r *http.Request) {
	if s.cfg.OIDC == nil {
		s.errorPage(w, r, http.StatusNotFound, "error.not-found")
		return
	}
	ctx := r.Context()
	var login oidcLogin
	var st auth.LoginState
	if raw := s.sessions.PopString(ctx, sessionOIDC); raw != "" {
		if json.Unmarshal([]byte(raw), &login) == nil {
			_ = json.Unmarshal(login.State, &st)
		}
	}
	q := r.URL.Query()
	if q.Get("error") != "" {
		s.log.Info("oidc log-in refused by the provider", "error", q.Get("error"))
		s.errorPage(w, r, http.StatusUnauthorized, "login.oidc-failed")
		return
	}
	id, err := s.cfg.OIDC.Finish(ctx, st, q.Get("state"), q.Get("code"))
	if err != nil {
		s.log.Info("oidc log-in failed", "err", err)
		s.errorPage(w, r, http.StatusUnauthorized, "login.oidc-failed")
		return
	}
	u, err := s.store.UserByOIDC(ctx, id.Issuer, id.Subject)
	if plan.ErrorCode(err) == plan.ENotFound && id.Email != "" && id.EmailVerified {
		u, err = s.store.UserByEmail(ctx, id.Email)
		switch {
		case err != nil || u.Disabled:
		case u.OIDCSubject != "":
			// The account is linked to another identity already: an e-mail
			// address passed on to someone else must not bring the
			// account with it.
			s.log.Info("oidc log-in refused: the account is linked to another identity", "user", u.ID)
			s.errorPage(w, r, http.StatusForbidden, "login.oidc-no-account")
			return
		default:
			u.OIDCIssuer, u.OIDCSubject = id.Issuer, id.Subject
			err = s.store.UpdateUser(ctx, u)
		}
	}
	if plan.ErrorCode(err) == plan.ENotFound || (err == nil && u.Disabled) {
		s.errorPage(w, r, http.StatusForbidden, "login.oidc-no-account")
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if err := s.startSession(r, u.ID); err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, safeReturn(login.Return), http.StatusSeeOther)
}
