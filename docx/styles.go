package docx

import "fmt"

// style is a paragraph, character or table style of the document.
type style struct {
	kind, id, name string
	basedOn, next  string
	// outline is the heading level (0 for "heading 1"), -1 for none:
	// Word's navigation pane and the PDF's bookmarks are built from it.
	outline     int
	size        int // half-points, 0 for the default
	bold, ital  bool
	color       string
	keepNext    bool
	before      int // spacing before, twentieths of a point
	after       int
	list        bool
	indent      int // left indent, twentieths of a point
	right       bool
	tableBorder bool
}

var documentStyles = []style{
	{kind: "paragraph", id: "Normal", name: "Normal", outline: -1, after: 120},
	{kind: "paragraph", id: "Title", name: "Title", basedOn: "Normal", next: "Normal", outline: -1, size: 56, bold: true, after: 240},
	{kind: "paragraph", id: "Subtitle", name: "Subtitle", basedOn: "Normal", next: "Normal", outline: -1, size: 32, color: "404040", after: 240},
	{kind: "paragraph", id: "Heading1", name: "heading 1", basedOn: "Normal", next: "Normal", outline: 0, size: 36, bold: true, keepNext: true, before: 360, after: 120},
	{kind: "paragraph", id: "Heading2", name: "heading 2", basedOn: "Normal", next: "Normal", outline: 1, size: 30, bold: true, keepNext: true, before: 280, after: 100},
	{kind: "paragraph", id: "Heading3", name: "heading 3", basedOn: "Normal", next: "Normal", outline: 2, size: 26, bold: true, keepNext: true, before: 240, after: 80},
	{kind: "paragraph", id: "Heading4", name: "heading 4", basedOn: "Normal", next: "Normal", outline: 3, size: 22, bold: true, ital: true, keepNext: true, before: 200, after: 60},
	{kind: "paragraph", id: "Caption", name: "caption", basedOn: "Normal", next: "Normal", outline: -1, size: 20, bold: true, keepNext: true, before: 200, after: 80},
	{kind: "paragraph", id: "ListBullet", name: "List Bullet", basedOn: "Normal", outline: -1, list: true, after: 60},
	{kind: "paragraph", id: "ListNumber", name: "List Number", basedOn: "Normal", outline: -1, indent: 360, after: 60},
	{kind: "paragraph", id: "TableText", name: "Table Text", basedOn: "Normal", outline: -1, size: 18, after: 0},
	{kind: "paragraph", id: "TableNumber", name: "Table Number", basedOn: "TableText", outline: -1, size: 18, after: 0, right: true},
	{kind: "paragraph", id: "TableHeading", name: "Table Heading", basedOn: "TableText", outline: -1, size: 18, bold: true, after: 0},
	{kind: "paragraph", id: "Note", name: "Note", basedOn: "Normal", outline: -1, size: 18, color: "404040"},
	{kind: "paragraph", id: "Footer", name: "footer", basedOn: "Normal", outline: -1, size: 16, color: "404040", after: 0},
	{kind: "paragraph", id: "Draft", name: "Draft", basedOn: "Normal", outline: -1, size: 28, bold: true, color: "A00000"},
	// Later is the grey of measures prioritised later in the period; it
	// keeps a contrast of 4.5:1 on white. The words say it too.
	{kind: "character", id: "Later", name: "Later", outline: -1, color: "6B6B6B"},
	{kind: "table", id: "PlanTable", name: "Plan Table", outline: -1, tableBorder: true},
}

func styles(lang string) ([]byte, error) {
	x := newXW()
	x.open("w:styles", "xmlns:w", nsW)
	x.open("w:docDefaults")
	x.open("w:rPrDefault")
	x.open("w:rPr")
	x.el("w:rFonts", "w:ascii", "Calibri", "w:hAnsi", "Calibri", "w:eastAsia", "Calibri", "w:cs", "Calibri")
	x.el("w:sz", "w:val", "22")
	x.el("w:szCs", "w:val", "22")
	x.el("w:lang", "w:val", lang, "w:eastAsia", lang, "w:bidi", lang)
	x.close("w:rPr")
	x.close("w:rPrDefault")
	x.open("w:pPrDefault")
	x.open("w:pPr")
	x.el("w:spacing", "w:after", "120", "w:line", "264", "w:lineRule", "auto")
	x.close("w:pPr")
	x.close("w:pPrDefault")
	x.close("w:docDefaults")
	for _, s := range documentStyles {
		kv := []string{"w:type", s.kind, "w:styleId", s.id}
		if s.id == "Normal" || s.id == "PlanTable" {
			kv = append(kv, "w:default", "1")
		}
		x.open("w:style", kv...)
		x.el("w:name", "w:val", s.name)
		if s.basedOn != "" {
			x.el("w:basedOn", "w:val", s.basedOn)
		}
		if s.next != "" {
			x.el("w:next", "w:val", s.next)
		}
		if s.outline >= 0 {
			x.el("w:uiPriority", "w:val", "9")
		}
		x.el("w:qFormat")
		if s.kind == "paragraph" {
			x.open("w:pPr")
			if s.keepNext {
				x.el("w:keepNext")
				x.el("w:keepLines")
			}
			if s.list {
				x.open("w:numPr")
				x.el("w:ilvl", "w:val", "0")
				x.el("w:numId", "w:val", "1")
				x.close("w:numPr")
			}
			x.el("w:spacing", "w:before", fmt.Sprint(s.before), "w:after", fmt.Sprint(s.after))
			if s.indent > 0 {
				x.el("w:ind", "w:left", fmt.Sprint(s.indent))
			}
			if s.right {
				x.el("w:jc", "w:val", "right")
			}
			if s.outline >= 0 {
				x.el("w:outlineLvl", "w:val", fmt.Sprint(s.outline))
			}
			x.close("w:pPr")
		}
		if s.tableBorder {
			x.open("w:tblPr")
			x.open("w:tblBorders")
			for _, side := range []string{"w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"} {
				x.el(side, "w:val", "single", "w:sz", "4", "w:space", "0", "w:color", "808080")
			}
			x.close("w:tblBorders")
			x.open("w:tblCellMar")
			x.el("w:left", "w:w", "70", "w:type", "dxa")
			x.el("w:right", "w:w", "70", "w:type", "dxa")
			x.close("w:tblCellMar")
			x.close("w:tblPr")
		}
		if s.size > 0 || s.bold || s.ital || s.color != "" {
			x.open("w:rPr")
			if s.bold {
				x.el("w:b")
			}
			if s.ital {
				x.el("w:i")
			}
			if s.color != "" {
				x.el("w:color", "w:val", s.color)
			}
			if s.size > 0 {
				x.el("w:sz", "w:val", fmt.Sprint(s.size))
				x.el("w:szCs", "w:val", fmt.Sprint(s.size))
			}
			x.close("w:rPr")
		}
		x.close("w:style")
	}
	x.close("w:styles")
	return x.bytes()
}
