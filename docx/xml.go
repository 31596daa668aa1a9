package docx

import (
	"bytes"
	"encoding/xml"
	"strings"
)

// The namespaces of the parts.
const (
	nsW   = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsR   = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsRel = "http://schemas.openxmlformats.org/package/2006/relationships"
)

// xw writes one XML part. Elements are written with their prefixed names
// ("w:p"); the encoder escapes all text and attribute values, so what it
// writes is well-formed whatever the plan holds.
type xw struct {
	buf bytes.Buffer
	enc *xml.Encoder
	err error
}

func newXW() *xw {
	x := &xw{}
	x.buf.WriteString(xml.Header)
	x.enc = xml.NewEncoder(&x.buf)
	return x
}

// attrs makes attributes of name, value pairs.
func attrs(kv []string) []xml.Attr {
	var out []xml.Attr
	for i := 0; i+1 < len(kv); i += 2 {
		out = append(out, xml.Attr{Name: xml.Name{Local: kv[i]}, Value: kv[i+1]})
	}
	return out
}

func (x *xw) open(name string, kv ...string) {
	if x.err == nil {
		x.err = x.enc.EncodeToken(xml.StartElement{Name: xml.Name{Local: name}, Attr: attrs(kv)})
	}
}

func (x *xw) close(name string) {
	if x.err == nil {
		x.err = x.enc.EncodeToken(xml.EndElement{Name: xml.Name{Local: name}})
	}
}

// el writes an element with no content.
func (x *xw) el(name string, kv ...string) {
	x.open(name, kv...)
	x.close(name)
}

// textEl writes an element holding text.
func (x *xw) textEl(name, text string, kv ...string) {
	x.open(name, kv...)
	if x.err == nil {
		x.err = x.enc.EncodeToken(xml.CharData(clean(text)))
	}
	x.close(name)
}

func (x *xw) bytes() ([]byte, error) {
	if x.err == nil {
		x.err = x.enc.Flush()
	}
	return x.buf.Bytes(), x.err
}

// clean drops the characters XML 1.0 may not hold at all (control
// characters other than tab and line ends), which a plan's text could
// have been pasted with.
func clean(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' || r >= 0x20 && r != 0xFFFE && r != 0xFFFF {
			return r
		}
		return -1
	}, s)
}
