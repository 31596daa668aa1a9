package web

import (
	"bytes"
	"html"
	"regexp"
	"strings"
	"testing"
)

// FuzzMarkdown: plan text from any writer renders to HTML that runs nothing,
// whatever is typed: only the tags Markdown makes, no handler attributes, no
// javascript: links.
func FuzzMarkdown(f *testing.F) {
	for _, s := range []string{
		"# Mål\n\nTekst med **halvfeit** og [lenke](https://example.no \"tittel\").",
		"<script>alert(1)</script>",
		"[x](javascript:alert(1)) [y](JaVa\tScRiPt:alert(1))",
		"| a | b |\n|:--|--:|\n| 1 | 2 |",
		"<img src=x onerror=alert(1)>",
		"~~borte~~ `kode` ![bilde](data:image/png;base64,AA \"t\")",
		"1. a\n2. b\n\n- c\n---\n```go\nx\n```",
		"> " + strings.Repeat("> ", 50) + "djupt",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var b bytes.Buffer
		if err := markdown.Convert([]byte(s), &b); err != nil {
			return
		}
		if bad := unsafeHTML(b.String()); bad != "" {
			t.Errorf("Markdown %q renders %q, with %s", s, b.String(), bad)
		}
	})
}

var (
	htmlTag     = regexp.MustCompile(`<(/?)([a-zA-Z0-9!-]+)([^>]*)>`)
	quoted      = regexp.MustCompile(`"[^"]*"`)
	attrName    = regexp.MustCompile(`\s([^\s=/]+)`)
	linkAttr    = regexp.MustCompile(`\s(href|src)="([^"]*)"`)
	markdownTag = map[string]bool{"p": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
		"em": true, "strong": true, "a": true, "img": true, "code": true, "pre": true, "blockquote": true,
		"ul": true, "ol": true, "li": true, "hr": true, "br": true, "table": true, "thead": true, "tbody": true,
		"tr": true, "th": true, "td": true, "del": true, "!--": true}
	markdownAttr = map[string]bool{"href": true, "title": true, "src": true, "alt": true, "align": true,
		"start": true, "class": true, "style": false, "raw": true, "html": true, "omitted": true, "--": true}
)

// unsafeHTML names what in h could run or restyle the page, "" if nothing.
func unsafeHTML(h string) string {
	for _, m := range htmlTag.FindAllStringSubmatch(h, -1) {
		name := strings.ToLower(m[2])
		if strings.HasPrefix(name, "!--") {
			continue // goldmark's "raw HTML omitted"
		}
		if !markdownTag[name] {
			return "the tag " + name
		}
		for _, a := range attrName.FindAllStringSubmatch(quoted.ReplaceAllString(m[3], `""`), -1) {
			if !markdownAttr[strings.ToLower(a[1])] {
				return "the attribute " + a[1]
			}
		}
		for _, l := range linkAttr.FindAllStringSubmatch(m[3], -1) {
			v := strings.ToLower(strings.Join(strings.Fields(html.UnescapeString(l[2])), ""))
			if strings.HasPrefix(v, "javascript:") || strings.HasPrefix(v, "vbscript:") {
				return "the link " + l[2]
			}
		}
	}
	return ""
}
