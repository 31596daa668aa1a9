package scheme

import "testing"

func TestAreas(t *testing.T) {
	if len(Counties) != 15 {
		t.Errorf("%d counties, want the 15 of 2024", len(Counties))
	}
	telemark := 0
	for _, c := range municipalityCounty {
		if c == "telemark" {
			telemark++
		}
	}
	if telemark != 17 {
		t.Errorf("%d municipalities in Telemark, want 17", telemark)
	}
	for _, c := range []struct{ place, county string }{
		{"vinje", "telemark"}, {"Vinje", "telemark"}, {" Vinje kommune ", "telemark"},
		{"Midt-Telemark", "telemark"}, {"kragerø", "telemark"}, {"Telemark", "telemark"},
		{"Møre og Romsdal", "møre og romsdal"}, {"Oslo", "oslo"}, {"Telemark fylke", "telemark"},
	} {
		if got, ok := CountyOf(c.place); !ok || got != c.county {
			t.Errorf("CountyOf(%q) = %q, %v; want %q", c.place, got, ok, c.county)
		}
	}
	for _, place := range []string{"norge", "bergen", ""} {
		if got, ok := CountyOf(place); ok {
			t.Errorf("CountyOf(%q) = %q", place, got)
		}
	}
	for _, c := range []struct {
		area  string
		known bool
	}{{"norge", true}, {"telemark", true}, {"vinje", true}, {"Vinje", false}, {"bergen", false}, {"møre og romsdal", true}} {
		if got := KnownArea(c.area); got != c.known {
			t.Errorf("KnownArea(%q) = %v", c.area, got)
		}
	}
	for area, want := range map[string]string{"midt-telemark": "Midt-Telemark", "møre og romsdal": "Møre og Romsdal", "vinje": "Vinje", "norge": "Norge", "østfold": "Østfold"} {
		if got := AreaName(area); got != want {
			t.Errorf("AreaName(%q) = %q, want %q", area, got, want)
		}
	}
}
