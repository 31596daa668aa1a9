package i18n

import "planverk/inputlimit"

// Limit says in the language which limit a document passed, and on which
// line where that is known.
func Limit(lang Lang, e *inputlimit.Error) string {
	msg := T(lang, "limit."+e.Limit, map[string]any{"Max": e.MaxText()})
	if e.Line > 0 {
		msg = T(lang, "limit.at-line", map[string]any{"Line": e.Line, "Message": msg})
	}
	return msg
}
