// Package place is Norway's municipalities and counties: the complete
// register of the 2024 structure, with the numbers and names they had before,
// so that a plan or a catalogue written under an earlier structure still
// finds its places.
//
// The register is data, not code (municipalities.csv, counties.csv,
// former.csv, embedded below); each file names its source and the date it
// was read. Nothing here knows one county from another.
package place

import (
	"strings"
)

// Kind is whether a place is a municipality or a county.
type Kind string

// The kinds of place.
const (
	KindMunicipality Kind = "municipality"
	KindCounty       Kind = "county"
)

// Place is one municipality or county.
type Place struct {
	Kind Kind
	// Number is the official number: four digits for a municipality
	// ("4036"), two for a county ("40").
	Number string
	// Name is the official name as the register writes it, with the Sami
	// and Kven names where they are official: "Guovdageaidnu - Kautokeino".
	Name string
	// Norwegian is the Norwegian name, the same in bokmål and nynorsk:
	// "Kautokeino". Where two municipalities share it, the county follows
	// in brackets, as in the register: "Herøy (Nordland)".
	Norwegian string
	// Other are the official names in Sami and Kven, if any:
	// "Guovdageaidnu".
	Other []string
	// County is the number of a municipality's county; empty for a county.
	County string
}

// Key is the place as catalogues write it: its Norwegian name in lower case,
// "kautokeino", "møre og romsdal", "herøy (nordland)".
func (p Place) Key() string { return Fold(p.Norwegian) }

// BaseName is the Norwegian name without the county that tells two
// municipalities of the same name apart: "Herøy" for "Herøy (Nordland)".
func (p Place) BaseName() string {
	n, _, _ := strings.Cut(p.Norwegian, " (")
	return n
}

// Names are all the place's current names: the official one, the Norwegian
// one without its county, and the Sami and Kven ones.
func (p Place) Names() []string {
	names := []string{p.Name, p.Norwegian}
	if b := p.BaseName(); b != p.Norwegian {
		names = append(names, b)
	}
	return append(names, p.Other...)
}

// Former is a number and a name a place had under an earlier structure.
type Former struct {
	Kind   Kind
	Number string
	Name   string
	// Became are the numbers of the 2024 places that took it over: one
	// for a renumbered or renamed municipality, several for a split county.
	Became []string
	// Valid is the years the number and name were in use: "2020-2023".
	Valid string
}
