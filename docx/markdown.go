package docx

import (
	"regexp"
	"strings"

	"planverk/plan"
)

// markdown writes a plan's text as paragraphs and bullet lists. Plans use
// a small part of Markdown: paragraphs, lists, emphasis and links; the
// rest is written as its text.
func (x *xw) markdown(md plan.Markdown) {
	var para []string
	flush := func() {
		if len(para) > 0 {
			x.para("", inline(strings.Join(para, " "))...)
			para = nil
		}
	}
	var item []string
	flushItem := func() {
		if len(item) > 0 {
			x.para("ListBullet", inline(strings.Join(item, " "))...)
			item = nil
		}
	}
	for _, line := range strings.Split(strings.ReplaceAll(string(md), "\r\n", "\n"), "\n") {
		t := strings.TrimSpace(line)
		switch {
		case t == "":
			flush()
			flushItem()
		case strings.HasPrefix(t, "- ") || strings.HasPrefix(t, "* ") || strings.HasPrefix(t, "+ "):
			flush()
			flushItem()
			item = append(item, strings.TrimSpace(t[2:]))
		case orderedItem.MatchString(t):
			// A numbered item keeps its number as written.
			flush()
			flushItem()
			x.para("ListNumber", inline(t)...)
		case strings.HasPrefix(t, "#"):
			flush()
			flushItem()
			x.para("Heading4", inline(strings.TrimSpace(strings.TrimLeft(t, "#")))...)
		case len(item) > 0 && line != t:
			// An indented line goes on with the list item above it.
			item = append(item, t)
		default:
			flushItem()
			para = append(para, t)
		}
	}
	flush()
	flushItem()
}

var (
	orderedItem = regexp.MustCompile(`^\d+[.)] `)
	link        = regexp.MustCompile(`\[([^\]]+)\]\(([^)]+)\)`)
	emphasis    = regexp.MustCompile(`\*\*([^*]+)\*\*|__([^_]+)__|\*([^*\s][^*]*)\*`)
)

// inline splits text into runs at its **bold** and *italic* parts, and
// writes a link as its text with the address after it.
func inline(s string) []run {
	s = link.ReplaceAllString(s, "$1 ($2)")
	var out []run
	for s != "" {
		m := emphasis.FindStringSubmatchIndex(s)
		if m == nil {
			out = append(out, plain(s))
			break
		}
		out = append(out, plain(s[:m[0]]))
		switch {
		case m[2] >= 0:
			out = append(out, run{text: s[m[2]:m[3]], bold: true})
		case m[4] >= 0:
			out = append(out, run{text: s[m[4]:m[5]], bold: true})
		default:
			out = append(out, run{text: s[m[6]:m[7]], italic: true})
		}
		s = s[m[1]:]
	}
	return out
}
