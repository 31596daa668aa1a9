package web

import (
	"net/http"

	"planverk/i18n"
)

// languageSave remembers the language chosen with the switch and goes back
// to the page it was chosen on. It is a POST because it changes state.
func (s *Server) languageSave(w http.ResponseWriter, r *http.Request) {
	lang := i18n.Lang(r.PostFormValue("lang"))
	valid := false
	for _, l := range i18n.Langs {
		valid = valid || l == lang
	}
	if !valid {
		s.errorPage(w, r, http.StatusBadRequest, "error.bad-language")
		return
	}
	http.SetCookie(w, &http.Cookie{Name: langCookie, Value: string(lang), Path: "/",
		MaxAge: 365 * 24 * 3600, HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: r.TLS != nil})
	http.Redirect(w, r, safeReturn(r.PostFormValue("return")), http.StatusSeeOther)
}
