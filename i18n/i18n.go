// Package i18n holds planverk's messages in bokmål, nynorsk and English, and
// writes numbers, amounts and dates the way each language expects.
package i18n

import (
	"embed"
	"fmt"
	"io/fs"
	"math/big"
	"os"
	"strconv"
	"strings"
	"sync"

	"github.com/goccy/go-yaml"
	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"

	"planverk/plan"
)

// Lang is a language planverk speaks.
type Lang string

// The languages planverk speaks.
const (
	Bokmal  Lang = "nb"
	Nynorsk Lang = "nn"
	English Lang = "en"
)

// Langs lists the languages in the order a language switch shows them.
var Langs = []Lang{Bokmal, Nynorsk, English}

//go:embed locales/*.yaml
var locales embed.FS

var bundle = loadBundle()

func loadBundle() *goi18n.Bundle {
	b := goi18n.NewBundle(language.English)
	b.RegisterUnmarshalFunc("yaml", yaml.Unmarshal)
	// Catalogues are split by area (check.nb.yaml, web.nb.yaml); the
	// language is the name's second-last part.
	names, err := fs.Glob(locales, "locales/*.yaml")
	if err != nil || len(names) == 0 {
		panic(fmt.Sprintf("i18n: no catalogues: %v", err))
	}
	for _, n := range names {
		if _, err := b.LoadMessageFileFS(locales, n); err != nil {
			// The catalogues are embedded: a broken one is a build defect.
			panic(fmt.Sprintf("i18n: load %s: %v", n, err))
		}
	}
	return b
}

// Parse picks the language for a tag such as "nb", "nn-NO", "no" or
// "en-GB"; "no" is bokmål, and anything unknown is English.
func Parse(tag string) Lang {
	t := strings.ToLower(strings.TrimSpace(tag))
	t, _, _ = strings.Cut(t, ".") // "nb_NO.UTF-8"
	t = strings.ReplaceAll(t, "_", "-")
	base, _, _ := strings.Cut(t, "-")
	switch base {
	case "nb", "no":
		return Bokmal
	case "nn":
		return Nynorsk
	}
	return English
}

// FromEnv picks the command line's language from PLANVERK_LANG, then the
// usual locale variables.
func FromEnv() Lang {
	for _, v := range []string{"PLANVERK_LANG", "LC_ALL", "LC_MESSAGES", "LANG"} {
		if s := os.Getenv(v); s != "" && s != "C" && s != "POSIX" {
			return Parse(s)
		}
	}
	return English
}

// T returns the message with the ID in the language, filled in with args.
// Amounts, percentages, shares and dates among args are written the way the
// language writes them; a "Count" arg chooses the plural form.
func T(lang Lang, id string, args map[string]any) string {
	if len(args) == 0 {
		k := plainKey{lang, id}
		if s, ok := plainMessages.Load(k); ok {
			return s.(string)
		}
		s, found := localize(lang, id, nil)
		if found {
			// Only messages of the catalogue: an ID made from data
			// that names none must not grow the map.
			plainMessages.Store(k, s)
		}
		return s
	}
	s, _ := localize(lang, id, args)
	return s
}

// localizers holds a localizer for each language: making one parses its
// language tag, which cost a few hundred allocations a page where it was
// made for every message.
var localizers = func() map[Lang]*goi18n.Localizer {
	m := map[Lang]*goi18n.Localizer{}
	for _, l := range Langs {
		m[l] = goi18n.NewLocalizer(bundle, string(l))
	}
	return m
}()

// plainMessages keeps each message without arguments once made, by
// language and ID: the catalogue is read once, at start, and never
// changes, and a page shows some hundred such messages.
var plainMessages sync.Map // of plainKey to string

type plainKey struct {
	lang Lang
	id   string
}

// localize makes a message, and reports whether the catalogue has it.
func localize(lang Lang, id string, args map[string]any) (string, bool) {
	loc, ok := localizers[lang]
	if !ok {
		loc = goi18n.NewLocalizer(bundle, string(lang))
	}
	data := map[string]any{}
	for k, v := range args {
		data[k] = formatArg(lang, v)
	}
	cfg := &goi18n.LocalizeConfig{MessageID: id, TemplateData: data}
	if n, ok := args["Count"]; ok {
		cfg.PluralCount = n
	}
	s, err := loc.Localize(cfg)
	if err != nil && cfg.PluralCount != nil {
		// A message with one form for every count ("{{.Count}} funn")
		// has no "one" form for a count of 1: that one form it is.
		cfg.PluralCount = nil
		s, err = loc.Localize(cfg)
	}
	if err != nil {
		// A missing message must not hide the finding: show its ID and
		// arguments. A test keeps every catalogue complete.
		return fmt.Sprintf("%s %v", id, args), false
	}
	return s, true
}

func formatArg(lang Lang, v any) any {
	switch x := v.(type) {
	case plan.Amount:
		return Amount(x)
	case *plan.Amount:
		if x == nil {
			return ""
		}
		return Amount(*x)
	case *big.Rat:
		return Percent(lang, x)
	case plan.Share:
		return string(x)
	case plan.Date:
		return Date(lang, x)
	case []string:
		return strings.Join(x, ", ")
	case int:
		return strconv.Itoa(x)
	case int64:
		return strconv.FormatInt(x, 10)
	case string:
		// Names of expected kinds of value are themselves messages.
		return x
	}
	return fmt.Sprint(v)
}

// Finding writes a finding's message in the language.
func Finding(lang Lang, f plan.Finding) string {
	return T(lang, f.Message, expand(lang, f.Args))
}

// Related writes the message of a place related to a finding.
func Related(lang Lang, r plan.Related) string {
	return T(lang, r.Message, expand(lang, r.Args))
}

// expand turns the names of expected kinds of value ("amount", "date") into
// words of the language.
func expand(lang Lang, args map[string]any) map[string]any {
	e, ok := args["Expected"].(string)
	if !ok {
		return args
	}
	out := make(map[string]any, len(args))
	for k, v := range args {
		out[k] = v
	}
	out["Expected"] = T(lang, "expected."+e, nil)
	return out
}
