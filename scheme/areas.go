package scheme

import (
	"slices"
	"strings"

	"golang.org/x/text/unicode/norm"

	"planverk/place"
)

// Areas are where a scheme can be used, written in lower case: AreaNorway for
// the whole country, a county's key, or a municipality's key. A key is the
// place's Norwegian name in lower case ("vinje", "møre og romsdal",
// "kautokeino"), with the county in brackets for the two names two
// municipalities share ("herøy (nordland)", "våler (innlandet)").
//
// What the finder knows of Norway's geography is the register in package
// place: every municipality and county of the 2024 structure, with their
// Sami names and their former numbers and names. A place people write in
// any of those forms finds its key; a place the register does not know still
// works where a scheme names it directly, and Validate reports it so that a
// misspelt area is caught.

// AreaNorway is the area of a scheme for the whole country.
const AreaNorway = "norge"

// County is one of Norway's counties.
type County struct {
	Key  string // lower case, as catalogues write it: "møre og romsdal"
	Name string // the official name: "Troms - Romsa - Tromssa"
}

// Counties are Norway's counties from 1 January 2024, in the order of their
// county numbers.
var Counties = counties()

func counties() []County {
	var cs []County
	for _, c := range place.Counties() {
		cs = append(cs, County{Key: c.Key(), Name: c.Name})
	}
	return cs
}

// AreaKey turns a place as a person writes it ("Vinje", " Vinje kommune",
// "Møre og Romsdal", "Guovdageaidnu", "Herøy i Nordland", "3825") into the
// key catalogues use ("vinje", "møre og romsdal", "kautokeino", "herøy
// (nordland)", "vinje"). A place the register does not know, or a name two
// places share, comes back as the text in lower case.
func AreaKey(where string) string {
	if p, ok := areaPlace(where); ok {
		return p.Key()
	}
	k := strings.ToLower(norm.NFC.String(strings.TrimSpace(where)))
	k = strings.TrimSuffix(k, " kommune")
	k = strings.TrimSuffix(k, " fylke")
	return strings.Join(strings.Fields(k), " ")
}

// areaPlace is the place an area key stands for. Oslo is a municipality
// and a county of one name; as an area it is the county, which holds the
// municipality.
func areaPlace(area string) (place.Place, bool) {
	ps := place.Find(area)
	if len(ps) == 2 && ps[0].Kind != ps[1].Kind && ps[0].Key() == ps[1].Key() {
		ps = slices.DeleteFunc(ps, func(p place.Place) bool { return p.Kind != place.KindCounty })
	}
	if len(ps) != 1 {
		return place.Place{}, false
	}
	return ps[0], true
}

// CountyOf returns the key of the county an area lies in: the county itself
// for a county, its county for a municipality, and false for anything else
// (including AreaNorway, and a name two places share).
func CountyOf(area string) (string, bool) {
	p, ok := areaPlace(area)
	if !ok {
		return "", false
	}
	return place.CountyOf(p).Key(), true
}

// KnownArea reports whether area is AreaNorway, or a county or a
// municipality written as its key.
func KnownArea(area string) bool {
	if area == AreaNorway {
		return true
	}
	p, ok := areaPlace(area)
	return ok && p.Key() == area
}

// AreaName returns an area's official name, "Midt-Telemark" for
// "midt-telemark", "Guovdageaidnu - Kautokeino" for "kautokeino".
// AreaNorway comes back as "Norge"; a nynorsk page that wants "Noreg" says
// so itself. An area the register does not know gets a capital letter.
func AreaName(area string) string {
	if area == AreaNorway {
		return "Norge"
	}
	if p, ok := areaPlace(area); ok && p.Key() == area {
		return p.Name
	}
	r := []rune(area)
	if len(r) == 0 {
		return ""
	}
	return strings.ToUpper(string(r[0])) + string(r[1:])
}

// areaAdvice says what to write instead of an area that is not a key: the
// key of the place it names, the keys of the places a shared name may mean,
// or nothing for a place the register does not know.
func areaAdvice(area string) []string {
	if p, ok := areaPlace(area); ok {
		return []string{p.Key()}
	}
	var keys []string
	for _, p := range place.Find(area) {
		keys = append(keys, p.Key())
	}
	return keys
}

// SharedArea returns the official names of the places a name people write
// may mean, when it is more than one ("Herøy": "Herøy (Møre og Romsdal)",
// "Herøy (Nordland)"), and nil otherwise.
func SharedArea(where string) []string {
	if _, ok := areaPlace(where); ok {
		return nil
	}
	ps := place.Find(where)
	if len(ps) < 2 {
		return nil
	}
	names := make([]string, len(ps))
	for i, p := range ps {
		names[i] = p.Name
	}
	return names
}
