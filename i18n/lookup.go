package i18n

import (
	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
)

// Lookup is T for messages that may not exist: it reports whether the
// catalogue of the language has the message, and returns "" where it has
// not. Words for values that may be new (a field added to the plan types,
// an enum value from a newer file) are looked up with it, so that the
// caller can fall back to something better than the message's ID.
func Lookup(lang Lang, id string, args map[string]any) (string, bool) {
	loc := goi18n.NewLocalizer(bundle, string(lang))
	data := map[string]any{}
	for k, v := range args {
		data[k] = formatArg(lang, v)
	}
	cfg := &goi18n.LocalizeConfig{MessageID: id, TemplateData: data}
	if n, ok := args["Count"]; ok {
		cfg.PluralCount = n
	}
	s, err := loc.Localize(cfg)
	if err != nil {
		return "", false
	}
	return s, true
}
