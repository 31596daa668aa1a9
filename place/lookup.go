package place

import (
	"slices"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// Municipalities are the 357 municipalities, in the order of their numbers.
func Municipalities() []Place { return slices.Clone(get().municipalities) }

// Counties are the 15 counties, in the order of their numbers.
func Counties() []Place { return slices.Clone(get().counties) }

// ByNumber finds a place by its number: a current one ("4036", "40"), or a
// former one that a single current place took over ("3825", Vinje's number
// in 2020-2023). A former number whose place was split (county "38") is not
// one place; Renumbered says what became of it.
func ByNumber(number string) (Place, bool) {
	r := get()
	n := strings.TrimSpace(number)
	if p, ok := r.byNumber[n]; ok {
		return p, true
	}
	if f, ok := r.former[n]; ok && len(f.Became) == 1 {
		return r.byNumber[f.Became[0]], true
	}
	return Place{}, false
}

// Renumbered returns the former number's record, if number was in use
// under an earlier structure and is not now.
func Renumbered(number string) (Former, bool) {
	f, ok := get().former[strings.TrimSpace(number)]
	if ok {
		f.Became = slices.Clone(f.Became)
	}
	return f, ok
}

// CountyOf returns a municipality's county, and a county itself.
func CountyOf(p Place) Place {
	if p.Kind == KindCounty {
		return p
	}
	return get().byNumber[p.County]
}

// Find returns the current places a name may mean, in any of their
// languages, current or former, in any case: "Vinje", "vinje kommune",
// "Kautokeino", "Guovdageaidnu", "Hamarøy - Hábmer" (its 2020 name). Where a name is shared it returns all of them ("Herøy":
// two municipalities; "Viken": the three counties it became); a county
// written after the name narrows it down: "Herøy i Nordland", "Herøy
// (Nordland)", "Herøy, Nordland". A number works as well as a name. No
// places means the register does not know the name.
func Find(name string) []Place {
	r := get()
	k := trimKind(Fold(name))
	if k == "" {
		return nil
	}
	if p, ok := ByNumber(k); ok {
		return []Place{p}
	}
	if ps := r.places(k); len(ps) > 0 {
		return ps
	}
	// "Herøy i Nordland", "Herøy, Nordland", "Herøy (Nordland)".
	for _, sep := range []string{" i ", ", ", " ("} {
		i := strings.LastIndex(k, sep)
		if i <= 0 {
			continue
		}
		base, county := trimKind(k[:i]), trimKind(strings.TrimSuffix(k[i+len(sep):], ")"))
		var in []Place
		for _, c := range r.places(county) {
			if c.Kind != KindCounty {
				continue
			}
			for _, p := range r.places(base) {
				if p.Kind == KindMunicipality && p.County == c.Number {
					in = append(in, p)
				}
			}
		}
		if len(in) > 0 {
			return in
		}
	}
	// Two names of one place side by side: "Kautokeino / Guovdageaidnu".
	for _, sep := range []string{" / ", "/", " - "} {
		if !strings.Contains(k, sep) {
			continue
		}
		var found []Place
		for _, part := range strings.Split(k, sep) {
			ps := r.places(trimKind(part))
			if len(ps) == 0 {
				found = nil
				break
			}
			if found == nil {
				found = ps
				continue
			}
			found = slices.DeleteFunc(found, func(p Place) bool {
				return !slices.ContainsFunc(ps, func(q Place) bool { return q.Number == p.Number })
			})
		}
		if len(found) > 0 {
			return found
		}
	}
	return nil
}

func (r *register) places(key string) []Place {
	var ps []Place
	for _, n := range r.byName[key] {
		ps = append(ps, r.byNumber[n])
	}
	return ps
}

// Fold writes a name the way the register compares names: in lower case,
// NFC, with single spaces and plain hyphens. It keeps the letters: "Ås" and
// "As" are different places' names.
func Fold(name string) string {
	s := strings.ToLower(norm.NFC.String(name))
	s = strings.NewReplacer("–", "-", "—", "-", "\u00a0", " ").Replace(s)
	return strings.Join(strings.Fields(s), " ")
}

// trimKind drops the word that says what kind of place a name is: "Vinje
// kommune", "Kvam herad", "Telemark fylke", "Telemark fylkeskommune".
func trimKind(k string) string {
	for _, suffix := range []string{" kommune", " herad", " fylkeskommune", " fylke"} {
		k = strings.TrimSuffix(k, suffix)
	}
	return strings.TrimSpace(k)
}
