package chart

import (
	"fmt"
	"html/template"
	"strings"
)

// Bars is a horizontal bar chart: a row per thing measured (a goal, a
// year), a bar in each row per series (budgeted, committed, paid).
type Bars struct {
	// ID makes the ids of the chart's title and description unique on
	// the page.
	ID string
	// Title names the chart, as its caption would; Desc says in a
	// sentence what it shows.
	Title, Desc string
	Series      []string
	Rows        []Row
	// Format writes a value as the page writes amounts or counts.
	Format func(int64) string
}

// Row is one row of bars, a value per series; a nil value is a bar not
// drawn (not known), which is not the same as 0.
type Row struct {
	Label  string
	Values []*int64
}

// Layout, in SVG user units; the chart scales to its container's width.
const (
	width      = 640
	labelWidth = 190
	valueRoom  = 110
	barHeight  = 16
	barGap     = 3
	rowGap     = 14
	legendRow  = 22
)

// palette holds the series' fills: each stands out from white at more
// than 3:1 (WCAG 1.4.11) and from its neighbours in lightness, so that
// the bars can be told apart in greyscale too.
var palette = []string{"#1f4e79", "#b35900", "#2d6a2d", "#6b3fa0", "#595959"}

// SVG draws the chart.
func (b Bars) SVG() template.HTML {
	format := b.Format
	if format == nil {
		format = func(v int64) string { return fmt.Sprint(v) }
	}
	var most int64
	for _, r := range b.Rows {
		for _, v := range r.Values {
			if v != nil && *v > most {
				most = *v
			}
		}
	}
	rowHeight := len(b.Series)*(barHeight+barGap) - barGap + rowGap
	height := legendRow*((len(b.Series)+2)/3) + len(b.Rows)*rowHeight + rowGap
	var s strings.Builder
	esc := template.HTMLEscapeString
	fmt.Fprintf(&s, `<svg class="chart" role="img" viewBox="0 0 %d %d" width="100%%" aria-labelledby="%s-title %s-desc" xmlns="http://www.w3.org/2000/svg">`,
		width, height, esc(b.ID), esc(b.ID))
	fmt.Fprintf(&s, `<title id="%s-title">%s</title><desc id="%s-desc">%s</desc>`, esc(b.ID), esc(b.Title), esc(b.ID), esc(b.Desc))
	// The legend: a swatch and the series' name, three to a line.
	for i, name := range b.Series {
		x, y := (i%3)*(width/3), (i/3)*legendRow
		fmt.Fprintf(&s, `<rect x="%d" y="%d" width="14" height="14" fill="%s"/><text x="%d" y="%d" class="chart-legend">%s</text>`,
			x, y+2, palette[i%len(palette)], x+20, y+14, esc(name))
	}
	top := legendRow * ((len(b.Series) + 2) / 3)
	room := width - labelWidth - valueRoom
	for ri, r := range b.Rows {
		y0 := top + ri*rowHeight
		fmt.Fprintf(&s, `<text x="0" y="%d" class="chart-label">%s</text>`, y0+barHeight-3, esc(clip(r.Label, 28)))
		for si := range b.Series {
			y := y0 + si*(barHeight+barGap)
			if si >= len(r.Values) || r.Values[si] == nil {
				continue
			}
			v := *r.Values[si]
			w := 0
			if most > 0 && v > 0 {
				w = max(1, int(int64(room)*v/most))
			}
			fmt.Fprintf(&s, `<rect x="%d" y="%d" width="%d" height="%d" fill="%s"/>`, labelWidth, y, w, barHeight, palette[si%len(palette)])
			fmt.Fprintf(&s, `<text x="%d" y="%d" class="chart-value">%s</text>`, labelWidth+w+4, y+barHeight-3, esc(format(v)))
		}
	}
	s.WriteString(`</svg>`)
	return template.HTML(s.String())
}

// clip shortens a label to n characters, with an ellipsis; the table
// beside the chart has it whole.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// Value is a known value of a bar.
func Value(v int64) *int64 { return &v }
