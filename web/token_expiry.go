package web

import (
	"net/http"
	"slices"
	"strconv"
	"time"

	"planverk/i18n"
)

// tokenDayChoices are the lifetimes offered for a new API token, in days,
// as far as the operator's maximum (Config.APITokenMaxAge) allows; the
// maximum itself is offered too where it is not among them.
var tokenDayChoices = []int{7, 30, 90, 180, 365}

// defaultTokenDays is the lifetime chosen unless the person picks another:
// a quarter, long enough for a job that runs now and then, short enough
// that a forgotten token soon stops working.
const defaultTokenDays = 90

// tokenMaxDays is the operator's maximum in whole days, at least 1.
func (s *Server) tokenMaxDays() int {
	return max(1, int(s.cfg.APITokenMaxAge/(24*time.Hour)))
}

// tokenDays are the lifetimes a new token may be given.
func (s *Server) tokenDays() []int {
	most := s.tokenMaxDays()
	var out []int
	for _, d := range tokenDayChoices {
		if d <= most {
			out = append(out, d)
		}
	}
	if !slices.Contains(out, most) {
		out = append(out, most)
	}
	return out
}

// tokenDayOptions are tokenDays for the form's select, in the person's
// language.
func (s *Server) tokenDayOptions(r *http.Request) []option {
	lang := language(r)
	var out []option
	for _, d := range s.tokenDays() {
		out = append(out, option{Value: strconv.Itoa(d),
			Label: i18n.T(lang, "account.token-expiry-days", map[string]any{"Days": d})})
	}
	return out
}

// chosenTokenDays reads the lifetime a form chose; ok is false for one not
// offered.
func (s *Server) chosenTokenDays(f *form) (int, bool) {
	d, err := strconv.Atoi(f.Get("token_days"))
	if err != nil || !slices.Contains(s.tokenDays(), d) {
		return 0, false
	}
	return d, true
}

// tokenDaysDefault is the lifetime selected at first.
func (s *Server) tokenDaysDefault() string {
	return strconv.Itoa(min(defaultTokenDays, s.tokenMaxDays()))
}
