package scheme

import (
	"strings"

	"golang.org/x/text/unicode/norm"
)

// Areas are where a scheme can be used, written in lower case: AreaNorway for
// the whole country, a county's key, or a municipality's key.
//
// The tables below are what the finder knows of Norway's geography: the 15
// counties of the 2024 structure, and the municipalities whose county it can
// work out. Only Telemark's municipalities are listed so far, because the
// first catalogue is Vest-Telemark's. To serve another county, add its
// municipalities to municipalityCounty; nothing else changes. A municipality
// that is missing still works where a scheme names it directly; what is lost
// is finding the county's schemes from the municipality's name, and Validate
// reports it as unknown so that a misspelt area is caught.

// AreaNorway is the area of a scheme for the whole country.
const AreaNorway = "norge"

// County is one of Norway's counties.
type County struct {
	Key  string // lower case, as catalogues write it: "møre og romsdal"
	Name string // as written in running text: "Møre og Romsdal"
}

// Counties are Norway's counties from 1 January 2024, in the order of their
// county numbers.
var Counties = []County{
	{"oslo", "Oslo"},
	{"rogaland", "Rogaland"},
	{"møre og romsdal", "Møre og Romsdal"},
	{"nordland", "Nordland"},
	{"østfold", "Østfold"},
	{"akershus", "Akershus"},
	{"buskerud", "Buskerud"},
	{"innlandet", "Innlandet"},
	{"vestfold", "Vestfold"},
	{"telemark", "Telemark"},
	{"agder", "Agder"},
	{"vestland", "Vestland"},
	{"trøndelag", "Trøndelag"},
	{"troms", "Troms"},
	{"finnmark", "Finnmark"},
}

// municipalityCounty maps a municipality's key to its county's key. Oslo is
// both, and is found as a county.
var municipalityCounty = map[string]string{
	"porsgrunn":     "telemark",
	"skien":         "telemark",
	"notodden":      "telemark",
	"siljan":        "telemark",
	"bamble":        "telemark",
	"kragerø":       "telemark",
	"drangedal":     "telemark",
	"nome":          "telemark",
	"midt-telemark": "telemark",
	"seljord":       "telemark",
	"hjartdal":      "telemark",
	"tinn":          "telemark",
	"kviteseid":     "telemark",
	"nissedal":      "telemark",
	"fyresdal":      "telemark",
	"tokke":         "telemark",
	"vinje":         "telemark",
}

// municipalityNames are the municipalities' names as written in running
// text, where that is not simply the key with a capital letter.
var municipalityNames = map[string]string{
	"midt-telemark": "Midt-Telemark",
}

// AreaKey turns a place as a person writes it ("Vinje", " Vinje kommune",
// "Møre og Romsdal") into the key catalogues use ("vinje", "møre og romsdal").
func AreaKey(place string) string {
	k := strings.ToLower(norm.NFC.String(strings.TrimSpace(place)))
	k = strings.TrimSuffix(k, " kommune")
	k = strings.TrimSuffix(k, " fylke")
	return strings.Join(strings.Fields(k), " ")
}

// CountyOf returns the key of the county an area lies in: the county itself
// for a county, its county for a known municipality, and false for anything
// else (including AreaNorway).
func CountyOf(area string) (string, bool) {
	k := AreaKey(area)
	if _, ok := county(k); ok {
		return k, true
	}
	c, ok := municipalityCounty[k]
	return c, ok
}

// KnownArea reports whether area is AreaNorway, a county or a municipality in
// the tables, written as its key.
func KnownArea(area string) bool {
	if area == AreaNorway {
		return true
	}
	_, ok := CountyOf(area)
	return ok && area == AreaKey(area)
}

// AreaName returns an area's name as written in running text, "Midt-Telemark"
// for "midt-telemark". AreaNorway comes back as "Norge"; a nynorsk page that
// wants "Noreg" says so itself.
func AreaName(area string) string {
	if area == AreaNorway {
		return "Norge"
	}
	if c, ok := county(area); ok {
		return c.Name
	}
	if n, ok := municipalityNames[area]; ok {
		return n
	}
	r := []rune(area)
	if len(r) == 0 {
		return ""
	}
	return strings.ToUpper(string(r[0])) + string(r[1:])
}

func county(key string) (County, bool) {
	for _, c := range Counties {
		if c.Key == key {
			return c, true
		}
	}
	return County{}, false
}
