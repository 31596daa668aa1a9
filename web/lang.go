package web

import (
	"net/http"
	"strconv"
	"strings"

	"planverk/i18n"
)

// langCookie remembers the language a visitor chose with the switch.
const langCookie = "planverk_lang"

// language picks the interface language: the visitor's own choice if they
// made one, else the browser's Accept-Language ("no" is bokmål), else bokmål.
func language(r *http.Request) i18n.Lang {
	if c, err := r.Cookie(langCookie); err == nil {
		for _, l := range i18n.Langs {
			if c.Value == string(l) {
				return l
			}
		}
	}
	return fromAcceptLanguage(r.Header.Get("Accept-Language"))
}

// fromAcceptLanguage returns the language of highest quality that planverk
// speaks. A Norwegian service defaults to bokmål when nothing matches.
func fromAcceptLanguage(h string) i18n.Lang {
	best, bestQ := i18n.Bokmal, -1.0
	for _, part := range strings.Split(h, ",") {
		tag, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		q := 1.0
		if v, ok := strings.CutPrefix(strings.TrimSpace(params), "q="); ok {
			if f, err := strconv.ParseFloat(v, 64); err == nil {
				q = f
			}
		}
		base, _, _ := strings.Cut(strings.ToLower(tag), "-")
		var l i18n.Lang
		switch base {
		case "nb", "no":
			l = i18n.Bokmal
		case "nn":
			l = i18n.Nynorsk
		case "en":
			l = i18n.English
		default:
			continue
		}
		if q > bestQ {
			best, bestQ = l, q
		}
	}
	return best
}
