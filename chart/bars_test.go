package chart

import (
	"strings"
	"testing"
)

// A chart is an image with its title and description, a swatch and a name
// per series, and each bar's value written beside it; the longest bar
// fills the room, the others in proportion, an unknown one is not drawn.
func TestBars(t *testing.T) {
	svg := string(Bars{ID: "money", Title: "Penger per mål", Desc: "Budsjettert, innvilget og utbetalt.",
		Series: []string{"Budsjett", "Innvilget"},
		Rows: []Row{
			{Label: "Bustader <og> tomter", Values: []*int64{Value(1000), Value(250)}},
			{Label: "Arbeidsplassar", Values: []*int64{nil, Value(0)}},
		},
		Format: func(v int64) string { return strings.Repeat("#", 1) + string(rune('0'+v%10)) },
	}.SVG())
	for _, want := range []string{
		`role="img"`, `aria-labelledby="money-title money-desc"`,
		`<title id="money-title">Penger per mål</title>`, `<desc id="money-desc">Budsjettert, innvilget og utbetalt.</desc>`,
		`>Budsjett</text>`, `>Innvilget</text>`,
		`Bustader &lt;og&gt; tomter`,
		`width="340" height="16"`, // the longest bar fills the room
		`width="85" height="16"`,  // a quarter of it
		`width="0" height="16"`,   // zero is drawn, as nothing
	} {
		if !strings.Contains(svg, want) {
			t.Errorf("the chart lacks %s:\n%s", want, svg)
		}
	}
	if n := strings.Count(svg, `class="chart-value"`); n != 3 {
		t.Errorf("%d values written, want 3 (the unknown one is not drawn)", n)
	}
}

func TestClip(t *testing.T) {
	if got := clip("Kompetanse og kapasitet i kommunane", 12); got != "Kompetanse …" {
		t.Errorf("clip: %q", got)
	}
	if got := clip("Tillit", 12); got != "Tillit" {
		t.Errorf("clip: %q", got)
	}
}
