package i18n

import (
	"math/big"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"testing"

	"github.com/goccy/go-yaml"

	"planverk/plan"
)

func catalogue(t *testing.T, l Lang) map[string]any {
	t.Helper()
	names, err := filepath.Glob("locales/*." + string(l) + ".yaml")
	if err != nil || len(names) == 0 {
		t.Fatalf("no catalogues for %s", l)
	}
	m := map[string]any{}
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		var part map[string]any
		if err := yaml.Unmarshal(b, &part); err != nil {
			t.Fatalf("%s: %v", n, err)
		}
		for k, v := range part {
			if _, dup := m[k]; dup {
				t.Errorf("%s: %q is defined twice", n, k)
			}
			m[k] = v
		}
	}
	return m
}

// Every message exists in all three languages, with the same placeholders,
// so that no user meets an untranslated ID.
func TestCataloguesComplete(t *testing.T) {
	en := catalogue(t, English)
	ph := regexp.MustCompile(`\{\{\.(\w+)\}\}`)
	placeholders := func(v any) []string {
		var out []string
		b, err := yaml.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range ph.FindAllStringSubmatch(string(b), -1) {
			if !slices.Contains(out, m[1]) {
				out = append(out, m[1])
			}
		}
		slices.Sort(out)
		return out
	}
	for _, l := range []Lang{Bokmal, Nynorsk} {
		other := catalogue(t, l)
		for id, v := range en {
			ov, ok := other[id]
			if !ok {
				t.Errorf("%s: message %q missing", l, id)
				continue
			}
			if !slices.Equal(placeholders(v), placeholders(ov)) {
				t.Errorf("%s: message %q has placeholders %v, English has %v", l, id, placeholders(ov), placeholders(v))
			}
		}
		for id := range other {
			if _, ok := en[id]; !ok {
				t.Errorf("%s: message %q is not in en.yaml", l, id)
			}
		}
	}
}

func TestFormatting(t *testing.T) {
	if got := Amount(10800000); got != "10\u00a0800\u00a0000" {
		t.Errorf("Amount = %q", got)
	}
	if got := Percent(Bokmal, plan.Percent(big.NewRat(3500000, 4670000))); got != "74,9\u00a0%" {
		t.Errorf("Percent nb = %q", got)
	}
	if got := Percent(English, big.NewRat(60, 1)); got != "60\u00a0%" {
		t.Errorf("Percent en = %q", got)
	}
	if got := Percent(Bokmal, big.NewRat(9999, 100)); got != "99,99\u00a0%" {
		t.Errorf("Percent of 99.99 = %q: a share that is not whole must not show as whole", got)
	}
	d, _ := plan.ParseDate("2025-06-19")
	if got := Date(Nynorsk, d); got != "19.06.2025" {
		t.Errorf("Date = %q", got)
	}
	for s, want := range map[string]string{"2022-11": "november 2022", "2022": "2022"} {
		d, _ := plan.ParseDate(s)
		if got := Date(Bokmal, d); got != want {
			t.Errorf("Date(%s) = %q, want %q", s, got, want)
		}
	}
	if d, _ := plan.ParseDate("2022-11"); Date(English, d) != "November 2022" {
		t.Errorf("Date en of 2022-11 = %q", Date(English, d))
	}
}

func TestPlurals(t *testing.T) {
	one := T(Nynorsk, "rule.minimum-missing", map[string]any{"Count": 1})
	two := T(Nynorsk, "rule.minimum-missing", map[string]any{"Count": 2})
	if one == two || one == "" {
		t.Errorf("nn plural forms: %q / %q", one, two)
	}
	if got := T(English, "rule.minimum-missing", map[string]any{"Count": 2}); got[:9] != "2 amounts" {
		t.Errorf("en plural: %q", got)
	}
}

func TestParse(t *testing.T) {
	for in, want := range map[string]Lang{"no": Bokmal, "nb_NO.UTF-8": Bokmal, "nn-NO": Nynorsk, "en-GB": English, "de": English} {
		if got := Parse(in); got != want {
			t.Errorf("Parse(%q) = %s, want %s", in, got, want)
		}
	}
}
