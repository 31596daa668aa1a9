package web

import (
	"net/http"
	"time"

	"planverk/store"
)

type accountView struct {
	User   *store.User
	Form   *form
	Tokens []store.APIToken
	// NewToken is an API token just made, shown this once.
	NewToken string
	Saved    bool
	// TokenDays are the lifetimes a new token may have; Now tells which
	// tokens have expired.
	TokenDays []option
	Now       time.Time
	// Managed are the projects whose manager the account is, whose
	// reports it writes.
	Managed []store.ManagedProject
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

// accountUser is the account of the person behind a change to their own
// account; it answers the request and returns false when there is none,
// or when the request came with an API token: a token may not change the
// account it belongs to.
func (s *Server) accountUser(w http.ResponseWriter, r *http.Request) (*store.User, bool) {
	wh := whoOf(r)
	if wh.User == nil || wh.API {
		s.deny(w, r)
		return nil, false
	}
	return wh.User, true
}

// accountForm is accountUser and the form the person posted.
func (s *Server) accountForm(w http.ResponseWriter, r *http.Request) (*store.User, *form, bool) {
	u, ok := s.accountUser(w, r)
	if !ok {
		return nil, nil, false
	}
	f, ok := s.parseForm(w, r)
	return u, f, ok
}

func (s *Server) renderAccount(w http.ResponseWriter, r *http.Request, status int, f *form, newToken string, saved bool) {
	u := whoOf(r).User
	tokens, err := s.store.APITokens(r.Context(), u.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	managed, err := s.store.ManagedProjects(r.Context(), u.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if f.Get("token_days") == "" {
		f.Values.Set("token_days", s.tokenDaysDefault())
	}
	s.render(w, r, status, "account", &view{Title: i18nTitle(r, "account.title"),
		Data: accountView{User: u, Form: f, Tokens: tokens, NewToken: newToken, Saved: saved,
			TokenDays: s.tokenDayOptions(r), Now: s.now(), Managed: managed}})
}
