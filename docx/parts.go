package docx

import (
	"archive/zip"
	"bytes"
	"fmt"
)

// part is one file of the package.
type part struct {
	name string
	data []byte
}

// pack zips the parts, the content types first as the format asks.
func pack(parts []part) ([]byte, error) {
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	for _, p := range parts {
		w, err := z.Create(p.name)
		if err != nil {
			return nil, fmt.Errorf("adding %s: %w", p.name, err)
		}
		if _, err := w.Write(p.data); err != nil {
			return nil, fmt.Errorf("writing %s: %w", p.name, err)
		}
	}
	if err := z.Close(); err != nil {
		return nil, fmt.Errorf("closing the package: %w", err)
	}
	return buf.Bytes(), nil
}

func contentTypes() ([]byte, error) {
	x := newXW()
	x.open("Types", "xmlns", "http://schemas.openxmlformats.org/package/2006/content-types")
	x.el("Default", "Extension", "rels", "ContentType", "application/vnd.openxmlformats-package.relationships+xml")
	x.el("Default", "Extension", "xml", "ContentType", "application/xml")
	for _, o := range [][2]string{
		{"/word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"},
		{"/word/styles.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"},
		{"/word/settings.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"},
		{"/word/numbering.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"},
		{"/word/footer1.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"},
		{"/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"},
	} {
		x.el("Override", "PartName", o[0], "ContentType", o[1])
	}
	x.close("Types")
	return x.bytes()
}

// relationships writes a .rels part: pairs of type (the last part of its
// URI) and target.
func relationships(base string, rels ...[2]string) ([]byte, error) {
	x := newXW()
	x.open("Relationships", "xmlns", nsRel)
	for i, r := range rels {
		x.el("Relationship", "Id", fmt.Sprintf("rId%d", i+1), "Type", base+r[0], "Target", r[1])
	}
	x.close("Relationships")
	return x.bytes()
}

const (
	relOffice = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
	relCore   = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/"
)

func packageRels() ([]byte, error) {
	x := newXW()
	x.open("Relationships", "xmlns", nsRel)
	x.el("Relationship", "Id", "rId1", "Type", relOffice+"officeDocument", "Target", "word/document.xml")
	x.el("Relationship", "Id", "rId2", "Type", relCore+"core-properties", "Target", "docProps/core.xml")
	x.close("Relationships")
	return x.bytes()
}

// documentRels are the document's relationships; the footer is rId4.
func documentRels() ([]byte, error) {
	return relationships(relOffice, [2]string{"styles", "styles.xml"}, [2]string{"settings", "settings.xml"},
		[2]string{"numbering", "numbering.xml"}, [2]string{"footer", "footer1.xml"})
}

// core writes the core properties: the title, subject and language that
// readers, search and screen readers show.
func core(title, subject, lang string) ([]byte, error) {
	x := newXW()
	x.open("cp:coreProperties",
		"xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
		"xmlns:dc", "http://purl.org/dc/elements/1.1/",
		"xmlns:dcterms", "http://purl.org/dc/terms/",
		"xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance")
	x.textEl("dc:title", title)
	x.textEl("dc:subject", subject)
	x.textEl("dc:creator", "planverk")
	x.textEl("dc:language", lang)
	x.close("cp:coreProperties")
	return x.bytes()
}

func settings(lang string) ([]byte, error) {
	x := newXW()
	x.open("w:settings", "xmlns:w", nsW)
	x.el("w:defaultTabStop", "w:val", "709")
	x.el("w:characterSpacingControl", "w:val", "doNotCompress")
	// In the order the schema gives them: Word refuses a file otherwise.
	x.open("w:compat")
	x.el("w:compatSetting", "w:name", "compatibilityMode", "w:uri", "http://schemas.microsoft.com/office/word", "w:val", "15")
	x.close("w:compat")
	x.el("w:themeFontLang", "w:val", lang)
	x.close("w:settings")
	return x.bytes()
}

// numbering defines the one list the document uses: bullets.
func numbering() ([]byte, error) {
	x := newXW()
	x.open("w:numbering", "xmlns:w", nsW)
	x.open("w:abstractNum", "w:abstractNumId", "0")
	x.el("w:multiLevelType", "w:val", "hybridMultilevel")
	for lvl := range 3 {
		x.open("w:lvl", "w:ilvl", fmt.Sprint(lvl))
		x.el("w:start", "w:val", "1")
		x.el("w:numFmt", "w:val", "bullet")
		x.el("w:lvlText", "w:val", []string{"•", "–", "•"}[lvl])
		x.el("w:lvlJc", "w:val", "left")
		x.open("w:pPr")
		x.el("w:ind", "w:left", fmt.Sprint(360*(lvl+1)), "w:hanging", "360")
		x.close("w:pPr")
		x.close("w:lvl")
	}
	x.close("w:abstractNum")
	x.open("w:num", "w:numId", "1")
	x.el("w:abstractNumId", "w:val", "0")
	x.close("w:num")
	x.close("w:numbering")
	return x.bytes()
}

// footer says on every page what the document is (the plan, its version,
// "draft" where it is one) and the page number.
func footer(text string) ([]byte, error) {
	x := newXW()
	x.open("w:ftr", "xmlns:w", nsW, "xmlns:r", nsR)
	x.open("w:p")
	x.open("w:pPr")
	x.el("w:pStyle", "w:val", "Footer")
	x.close("w:pPr")
	x.open("w:r")
	x.textEl("w:t", text+" · ", "xml:space", "preserve")
	x.close("w:r")
	x.open("w:fldSimple", "w:instr", "PAGE")
	x.open("w:r")
	x.textEl("w:t", "1")
	x.close("w:r")
	x.close("w:fldSimple")
	x.close("w:p")
	x.close("w:ftr")
	return x.bytes()
}
