package scheme

import (
	"slices"
	"strings"
	"testing"
	"time"
)

func TestAreas(t *testing.T) {
	if len(Counties) != 15 {
		t.Errorf("%d counties, want the 15 of 2024", len(Counties))
	}
	for _, c := range []struct{ place, county string }{
		{"vinje", "telemark"}, {"Vinje", "telemark"}, {" Vinje kommune ", "telemark"},
		{"Midt-Telemark", "telemark"}, {"kragerø", "telemark"}, {"Telemark", "telemark"},
		{"Møre og Romsdal", "møre og romsdal"}, {"Oslo", "oslo"}, {"Telemark fylke", "telemark"},
		{"bergen", "vestland"}, {"Vågå", "innlandet"}, {"Guovdageaidnu", "finnmark"},
		{"Herøy i Nordland", "nordland"}, {"3825", "telemark"}, {"Tromsø", "troms"},
	} {
		if got, ok := CountyOf(c.place); !ok || got != c.county {
			t.Errorf("CountyOf(%q) = %q, %v; want %q", c.place, got, ok, c.county)
		}
	}
	for _, place := range []string{"norge", "herøy", "atlantis", ""} {
		if got, ok := CountyOf(place); ok {
			t.Errorf("CountyOf(%q) = %q", place, got)
		}
	}
	for _, c := range []struct {
		area  string
		known bool
	}{{"norge", true}, {"telemark", true}, {"vinje", true}, {"Vinje", false}, {"bergen", true},
		{"møre og romsdal", true}, {"kautokeino", true}, {"guovdageaidnu", false}, {"herøy", false},
		{"herøy (nordland)", true}, {"atlantis", false}} {
		if got := KnownArea(c.area); got != c.known {
			t.Errorf("KnownArea(%q) = %v", c.area, got)
		}
	}
	for where, want := range map[string]string{
		"Vinje kommune": "vinje", "Guovdageaidnu": "kautokeino", "Herøy i Nordland": "herøy (nordland)",
		"Hamarøy - Hábmer": "hamarøy", "Atlantis": "atlantis", "Herøy": "herøy",
	} {
		if got := AreaKey(where); got != want {
			t.Errorf("AreaKey(%q) = %q, want %q", where, got, want)
		}
	}
	for area, want := range map[string]string{"midt-telemark": "Midt-Telemark", "møre og romsdal": "Møre og Romsdal",
		"vinje": "Vinje", "norge": "Norge", "østfold": "Østfold", "kautokeino": "Guovdageaidnu - Kautokeino",
		"troms": "Troms - Romsa - Tromssa"} {
		if got := AreaName(area); got != want {
			t.Errorf("AreaName(%q) = %q, want %q", area, got, want)
		}
	}
}

// TestAreasOutsideTelemark: a scheme for a municipality anywhere in Norway
// is accepted, and a place that is not one is refused in words that name it.
func TestAreasOutsideTelemark(t *testing.T) {
	now := time.Date(2026, 12, 3, 12, 0, 0, 0, time.UTC)
	s := validScheme()
	for _, areas := range [][]string{{"vågå"}, {"innlandet", "vågå"}, {"kautokeino"}, {"herøy (møre og romsdal)"}, {"bergen", "alver"}} {
		s.Areas = areas
		if ps := s.Validate(now); len(ps) != 0 {
			t.Errorf("areas %q: %v", areas, ps)
		}
	}
	for area, want := range map[string]string{
		"atlantis":      `"atlantis" is not a county or a municipality of Norway`,
		"guovdageaidnu": `write the place as "kautokeino"`,
		"herøy":         `"herøy" may be any of: herøy (møre og romsdal), herøy (nordland)`,
		"viken":         `"viken" may be any of: østfold, akershus, buskerud`,
	} {
		s.Areas = []string{area}
		ps := s.Validate(now)
		if len(ps) != 1 || !strings.Contains(ps[0].Message, want) || strings.Contains(ps[0].Message, "areas.go") {
			t.Errorf("area %q: %v, want %q", area, ps, want)
		}
	}
	if !slices.ContainsFunc(Counties, func(c County) bool { return c.Key == "finnmark" }) {
		t.Error("Finnmark is a county of 2024")
	}
}
