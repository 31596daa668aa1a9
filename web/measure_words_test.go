package web

import "testing"

// An organisation is named where its name stands as whole words.
func TestContainsWord(t *testing.T) {
	for _, c := range []struct {
		text, name string
		want       bool
	}{
		{"Saman med NAV og kommunen", "NAV", true},
		{"NAVN på tiltaket", "NAV", false},
		{"NAVN og NAV", "NAV", true},
		{"Husbanken.", "Husbanken", true},
		{"Ålesund kommune", "Ålesund kommune", true},
		{"Bø kommune", "Ø", false},
		{"NAV", "NAV", true},
		{"", "NAV", false},
		{"tekst", "", false},
	} {
		if got := containsWord(c.text, c.name); got != c.want {
			t.Errorf("containsWord(%q, %q) = %v", c.text, c.name, got)
		}
	}
}
