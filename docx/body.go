package docx

import (
	"fmt"
	"strings"
)

// run is a piece of text of one look.
type run struct {
	text         string
	bold, italic bool
	// style is a character style, "Later" for the grey of later measures.
	style string
}

func plain(s string) run { return run{text: s} }

// para writes a paragraph of a style ("" for Normal).
func (x *xw) para(style string, runs ...run) {
	x.open("w:p")
	if style != "" {
		x.open("w:pPr")
		x.el("w:pStyle", "w:val", style)
		x.close("w:pPr")
	}
	x.runs(runs)
	x.close("w:p")
}

func (x *xw) runs(runs []run) {
	for _, r := range runs {
		if r.text == "" {
			continue
		}
		x.open("w:r")
		if r.bold || r.italic || r.style != "" {
			x.open("w:rPr")
			if r.style != "" {
				x.el("w:rStyle", "w:val", r.style)
			}
			if r.bold {
				x.el("w:b")
			}
			if r.italic {
				x.el("w:i")
			}
			x.close("w:rPr")
		}
		// A line break in a cell's text ("75 %" under the amount) is a
		// break, not a new paragraph.
		for i, line := range strings.Split(r.text, "\n") {
			if i > 0 {
				x.el("w:br")
			}
			x.textEl("w:t", line, "xml:space", "preserve")
		}
		x.close("w:r")
	}
}

// pageBreak ends the page, after the title page.
func (x *xw) pageBreak() {
	x.open("w:p")
	x.open("w:r")
	x.el("w:br", "w:type", "page")
	x.close("w:r")
	x.close("w:p")
}

// table is a table as the document prints it: a caption above it, a
// header row repeated on every page it runs over, and rows whose first
// cell is the row's header.
type table struct {
	caption string
	head    []string
	// num marks the columns of amounts, aligned right.
	num  map[int]bool
	rows []tableRow
	// widths are the columns' shares of the width, in any unit; nil for
	// equal columns.
	widths []int
}

type tableRow struct {
	cells [][]run
	// sum marks the sum row, in bold; later a measure prioritised later,
	// in grey.
	sum, later bool
}

// A4 in twentieths of a point, with margins of 2 cm.
const (
	pageShort = 11906
	pageLong  = 16838
	margin    = 1134
)

// wideColumns is the most columns a table has on a portrait page; a wider
// one gets a landscape page of its own, so that no column is squeezed
// until its amounts break.
const wideColumns = 7

// sectPr ends a section: A4, portrait or landscape, with the footer.
func (x *xw) sectPr(landscape bool) {
	w, h, orient := pageShort, pageLong, "portrait"
	if landscape {
		w, h, orient = pageLong, pageShort, "landscape"
	}
	x.open("w:sectPr")
	x.el("w:footerReference", "w:type", "default", "r:id", "rId4")
	x.el("w:pgSz", "w:w", fmt.Sprint(w), "w:h", fmt.Sprint(h), "w:orient", orient)
	m := fmt.Sprint(margin)
	x.el("w:pgMar", "w:top", m, "w:right", m, "w:bottom", m, "w:left", m, "w:header", "567", "w:footer", "567", "w:gutter", "0")
	x.close("w:sectPr")
}

// sectionBreak ends the section so far, in a paragraph of its own.
func (x *xw) sectionBreak(landscape bool) {
	x.open("w:p")
	x.open("w:pPr")
	x.sectPr(landscape)
	x.close("w:pPr")
	x.close("w:p")
}

func (x *xw) table(t table) {
	cols := len(t.head)
	wide := cols > wideColumns
	textWidth := pageShort - 2*margin
	if wide {
		x.sectionBreak(false)
		textWidth = pageLong - 2*margin
	}
	if t.caption != "" {
		x.para("Caption", plain(t.caption))
	}
	widths := t.widths
	if len(widths) != cols {
		widths = make([]int, cols)
		for i := range widths {
			widths[i] = 1
		}
	}
	sum := 0
	for _, w := range widths {
		sum += w
	}
	x.open("w:tbl")
	x.open("w:tblPr")
	x.el("w:tblStyle", "w:val", "PlanTable")
	x.el("w:tblW", "w:w", "5000", "w:type", "pct")
	x.el("w:tblLayout", "w:type", "fixed")
	x.el("w:tblLook", "w:val", "04A0", "w:firstRow", "1", "w:lastRow", "0", "w:firstColumn", "1",
		"w:lastColumn", "0", "w:noHBand", "1", "w:noVBand", "1")
	if t.caption != "" {
		x.el("w:tblCaption", "w:val", t.caption)
	}
	x.close("w:tblPr")
	x.open("w:tblGrid")
	tw := make([]string, cols)
	for i, w := range widths {
		tw[i] = fmt.Sprint(textWidth * w / sum)
		x.el("w:gridCol", "w:w", tw[i])
	}
	x.close("w:tblGrid")
	head := make([][]run, cols)
	for i, h := range t.head {
		head[i] = []run{plain(h)}
	}
	x.row(tableRow{cells: head}, true, t.num, tw)
	for _, r := range t.rows {
		x.row(r, false, t.num, tw)
	}
	x.close("w:tbl")
	if wide {
		// The landscape section ends after the table.
		x.sectionBreak(true)
		return
	}
	// An empty paragraph after the table, so that two tables do not run
	// into one and the text after has its space.
	x.para("")
}

func (x *xw) row(r tableRow, header bool, num map[int]bool, widths []string) {
	x.open("w:tr")
	x.open("w:trPr")
	x.el("w:cantSplit")
	if header {
		// The header row: repeated at the top of every page the table
		// runs over, and read out as the columns' headers.
		x.el("w:tblHeader")
	}
	x.close("w:trPr")
	for i, c := range r.cells {
		x.open("w:tc")
		x.open("w:tcPr")
		if i < len(widths) {
			x.el("w:tcW", "w:w", widths[i], "w:type", "dxa")
		}
		x.close("w:tcPr")
		style := "TableText"
		switch {
		case header:
			style = "TableHeading"
		case num[i]:
			style = "TableNumber"
		}
		runs := c
		if r.sum {
			runs = bolded(c)
		}
		if r.later {
			runs = greyed(runs)
		}
		x.open("w:p")
		x.open("w:pPr")
		x.el("w:pStyle", "w:val", style)
		if header && num[i] {
			x.el("w:jc", "w:val", "right")
		}
		x.close("w:pPr")
		x.runs(runs)
		x.close("w:p")
		x.close("w:tc")
	}
	x.close("w:tr")
}

// bolded makes the runs of a sum row bold.
func bolded(rs []run) []run {
	out := make([]run, len(rs))
	for i, r := range rs {
		r.bold = true
		out[i] = r
	}
	return out
}

func greyed(rs []run) []run {
	out := make([]run, len(rs))
	for i, r := range rs {
		r.style = "Later"
		out[i] = r
	}
	return out
}
