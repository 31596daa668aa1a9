package web

import "net/http"

type loginView struct {
	Form     *form
	Return   string
	OIDCName string
	// Refused is set when too many failed log-ins stop this one.
	Refused bool
	// Busy is set when every password check was under way.
	Busy bool
}

// loginShow shows the log-in form.
func (s *Server) loginShow(w http.ResponseWriter, r *http.Request) {
	if whoOf(r).User != nil {
		http.Redirect(w, r, safeReturn(r.URL.Query().Get("return")), http.StatusSeeOther)
		return
	}
	f := newForm(nil)
	f.Values.Set("return", safeReturn(r.URL.Query().Get("return")))
	s.renderLogin(w, r, http.StatusOK, f, false)
}

func (s *Server) renderLogin(w http.ResponseWriter, r *http.Request, status int, f *form, refused bool) {
	lv := loginView{Form: f, Return: safeReturn(f.Get("return")), Refused: refused}
	if s.cfg.OIDC != nil {
		lv.OIDCName = s.cfg.OIDCName
	}
	s.render(w, r, status, "login", &view{Title: i18nTitle(r, "login.title"), Data: lv})
}

// renderLoginBusy answers a log-in that found every password check busy:
// 503, and the form to try again in a moment.
func (s *Server) renderLoginBusy(w http.ResponseWriter, r *http.Request, f *form) {
	lv := loginView{Form: f, Return: safeReturn(f.Get("return")), Busy: true}
	if s.cfg.OIDC != nil {
		lv.OIDCName = s.cfg.OIDCName
	}
	s.render(w, r, http.StatusServiceUnavailable, "login", &view{Title: i18nTitle(r, "login.title"), Data: lv})
}
