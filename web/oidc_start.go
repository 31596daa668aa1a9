package web

import (
	"encoding/json"
	"net/http"
)

// oidcLogin is what the session keeps between oidcStart and oidcCallback.
type oidcLogin struct {
	State  json.RawMessage `json:"state"`
	Return string          `json:"return"`
}

// oidcStart sends the person to the OpenID provider (ID-porten,
// Ansattporten or the organisation's own), with state, nonce and a PKCE
// challenge kept in the session.
func (s *Server) oidcStart(w http.ResponseWriter, r *http.Request) {
	if s.cfg.OIDC == nil {
		s.errorPage(w, r, http.StatusNotFound, "error.not-found")
		return
	}
	authURL, st, err := s.cfg.OIDC.Start()
	if err != nil {
		s.fail(w, r, err)
		return
	}
	state, err := json.Marshal(st)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	b, err := json.Marshal(oidcLogin{State: state, Return: safeReturn(r.PostFormValue("return"))})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.sessions.Put(r.Context(), sessionOIDC, string(b))
	http.Redirect(w, r, authURL, http.StatusSeeOther)
}
