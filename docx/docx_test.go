package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"strings"
	"testing"

	"planverk/plan"
	"planverk/planfile"
)

func seed(t testing.TB, name string) *plan.File {
	t.Helper()
	data, err := os.ReadFile("../examples/" + name)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := planfile.Read(name, data)
	if err != nil || doc.File == nil {
		t.Fatalf("reading %s: %v", name, err)
	}
	return doc.File
}

// parts unzips a document into its parts, checking each is well-formed XML.
func parts(t *testing.T, data []byte) map[string]string {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, f := range z.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(r)
		_ = r.Close()
		dec := xml.NewDecoder(bytes.NewReader(b))
		for {
			_, err := dec.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("%s is not well-formed: %v", f.Name, err)
			}
		}
		out[f.Name] = string(b)
	}
	return out
}

func TestDocumentParts(t *testing.T) {
	for name, tag := range map[string]string{"vest-telemark-2025.yaml": "nn-NO", "driv-2025.yaml": "nb-NO"} {
		t.Run(name, func(t *testing.T) {
			f := seed(t, name)
			data, err := Write(f, Options{Version: 4, Draft: true})
			if err != nil {
				t.Fatal(err)
			}
			p := parts(t, data)
			for _, want := range []string{"[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "word/document.xml",
				"word/styles.xml", "word/_rels/document.xml.rels", "word/numbering.xml", "word/footer1.xml", "word/settings.xml"} {
				if _, ok := p[want]; !ok {
					t.Errorf("no part %s", want)
				}
			}
			st := p["word/styles.xml"]
			for _, want := range []string{`w:styleId="Heading1"`, `<w:name w:val="heading 1">`, `<w:name w:val="heading 2">`,
				`<w:name w:val="heading 3">`, `<w:outlineLvl w:val="0">`, `<w:lang w:val="` + tag + `"`} {
				if !strings.Contains(st, want) {
					t.Errorf("styles: no %s", want)
				}
			}
			doc := p["word/document.xml"]
			for _, want := range []string{`<w:pStyle w:val="Heading1">`, `<w:pStyle w:val="Heading2">`, `<w:pStyle w:val="Heading3">`,
				"<w:tblHeader>", "<w:tbl>", f.Plan.Title} {
				if !strings.Contains(doc, want) {
					t.Errorf("document: no %s", want)
				}
			}
			if c := p["docProps/core.xml"]; !strings.Contains(c, "<dc:title>"+f.Plan.Title+"</dc:title>") ||
				!strings.Contains(c, "<dc:language>"+tag+"</dc:language>") {
				t.Errorf("core: %s", c)
			}
			if !strings.Contains(p["word/footer1.xml"], "Utkast") {
				t.Error("a draft must be marked on every page")
			}
		})
	}
}

// Text that XML cannot hold as it is comes out escaped or dropped.
func TestDocumentEscapes(t *testing.T) {
	f := seed(t, "driv-2025.yaml")
	f.Plan.Title = `A <b> & "c" ` + "\x01" + ` d`
	data, err := Write(f, Options{Version: 1})
	if err != nil {
		t.Fatal(err)
	}
	if doc := parts(t, data)["word/document.xml"]; !strings.Contains(doc, "A &lt;b&gt; &amp;") {
		t.Error("the title is not escaped")
	}
}
