package web

import (
	"net/http"

	"planverk/store"
)

type accountView struct {
	User   *store.User
	Form   *form
	Tokens []store.APIToken
	// NewToken is an API token just made, shown this once.
	NewToken string
	Saved    bool
}

// accountShow shows the person's own account: name, e-mail, password
// change and API tokens.
func (s *Server) accountShow(w http.ResponseWriter, r *http.Request) {
	wh := whoOf(r)
	if wh.User == nil {
		s.deny(w, r)
		return
	}
	s.renderAccount(w, r, http.StatusOK, newForm(nil), "", r.URL.Query().Get("saved") != "")
}

func (s *Server) renderAccount(w http.ResponseWriter, r *http.Request, status int, f *form, newToken string, saved bool) {
	u := whoOf(r).User
	tokens, err := s.store.APITokens(r.Context(), u.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, status, "account", &view{Title: i18nTitle(r, "account.title"),
		Data: accountView{User: u, Form: f, Tokens: tokens, NewToken: newToken, Saved: saved}})
}
