package web

import (
	"bytes"
	"html/template"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"golang.org/x/text/collate"
	textlang "golang.org/x/text/language"

	"planverk/i18n"
	"planverk/scheme"
)

// A scheme's texts are written in bokmål, nynorsk or both; the interface
// may be English. A page shows each text in the language nearest the
// page's and marks it with the language it is really in, so that a screen
// reader reads nynorsk as nynorsk inside an English page.

// schemeLang is the written language scheme text is best shown in on a page
// in l: nynorsk on a nynorsk page, bokmål on every other, English too,
// since the catalogue has no English.
func schemeLang(l i18n.Lang) scheme.Lang {
	if l == i18n.Nynorsk {
		return scheme.LangNN
	}
	return scheme.LangNB
}

// localText is a text and the language it is written in.
type localText struct {
	Text string
	Lang scheme.Lang
}

// textIn picks a text's version in want, or in the other language where it
// is not written in want, as scheme.Text.In does, and says which it took.
func textIn(t scheme.Text, want scheme.Lang) localText {
	if s := t[want]; s != "" {
		return localText{Text: s, Lang: want}
	}
	for _, l := range scheme.Langs {
		if s := t[l]; s != "" {
			return localText{Text: s, Lang: l}
		}
	}
	return localText{}
}

// localSteps is the steps of applying in the language they are written in.
type localSteps struct {
	Steps []string
	Lang  scheme.Lang
}

func stepsIn(s scheme.Steps, want scheme.Lang) localSteps {
	if v := s[want]; len(v) > 0 {
		return localSteps{Steps: v, Lang: want}
	}
	for _, l := range scheme.Langs {
		if v := s[l]; len(v) > 0 {
			return localSteps{Steps: v, Lang: l}
		}
	}
	return localSteps{}
}

// Local is a scheme text as a page in the view's language shows it:
// {{with $v.Local .Name}}<span lang="{{.Lang}}">{{.Text}}</span>{{end}}.
func (v *view) Local(t scheme.Text) localText { return textIn(t, schemeLang(v.Lang)) }

// OnlyIn is the note a Norwegian page puts above a scheme text that is not
// written in the page's own form of Norwegian and so is shown in the other:
// "this text is only in bokmål" on a nynorsk page. The text itself carries
// its lang, so that a screen reader reads it right (WCAG 3.1.2); the note
// tells the sighted reader too why the page changes written form. An
// English page has no such note beside each text: every scheme text is
// Norwegian there, and OnlyNorwegian says so once.
func (v *view) OnlyIn(l scheme.Lang) string {
	if v.OnlyNorwegian() || l == "" || l == schemeLang(v.Lang) {
		return ""
	}
	return v.T("scheme.only-in-" + string(l))
}

// OnlyNorwegian reports whether the page is in a language the catalogue is
// not written in (English), so that its scheme texts are all in Norwegian.
func (v *view) OnlyNorwegian() bool {
	return v.Lang != i18n.Bokmal && v.Lang != i18n.Nynorsk
}

// AreaName names an area of a scheme in the view's language: the whole
// country in words, a county or municipality by its name.
func (v *view) AreaName(area string) string {
	if area == scheme.AreaNorway {
		return v.T("scheme-area.norge")
	}
	return scheme.AreaName(area)
}

// summaryLine is the first line of a summary without Markdown's marks, cut
// at a word near 200 characters: what a list of hits shows of each.
func summaryLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = strings.TrimSpace(s[:i])
	}
	s = strings.NewReplacer("**", "", "__", "", "`", "").Replace(s)
	const limit = 200
	if utf8.RuneCountInString(s) <= limit {
		return s
	}
	r := []rune(s)[:limit]
	cut := string(r)
	if i := strings.LastIndexByte(cut, ' '); i > limit/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,.;:") + "…"
}

// paragraphs makes each line of a catalogue text a paragraph of its own.
// Catalogue texts are written a paragraph a line (a spreadsheet cell has no
// blank lines), where Markdown would join the lines into one; lines of a
// list stay together. A text with blank lines is Markdown as written.
func paragraphs(s string) string {
	s = strings.TrimSpace(strings.ReplaceAll(s, "\r\n", "\n"))
	if strings.Contains(s, "\n\n") {
		return s
	}
	lines := strings.Split(s, "\n")
	var b strings.Builder
	for i, l := range lines {
		if i > 0 {
			if listItem.MatchString(l) && listItem.MatchString(lines[i-1]) {
				b.WriteString("\n")
			} else {
				b.WriteString("\n\n")
			}
		}
		b.WriteString(l)
	}
	return b.String()
}

var listItem = regexp.MustCompile(`^\s*(?:[-*+]|\d+[.)])\s`)

// glossaryLinks finds the glossary's words in scheme text. It links the
// first use of each term in a text to the term's explanation. It works on
// the text nodes of the parsed Markdown, never on HTML, so a link can only
// ever be made around words of the text, and Markdown's own links and code
// are left alone.
type glossaryLinks struct {
	// words matches any word of any term, whole, with an ending such as
	// "-et" or "-ane" that Norwegian inflection adds; ids gives the term of
	// each word, in lower case with single spaces.
	words *regexp.Regexp
	ids   map[string]string
}

// inflection is the endings a glossary word may have in running text and
// still be linked: "tilsagnet", "søknadsfristen", "eigendelen".
const inflection = `(?:en|et|a|ar|er|ane|ene|ne|s)?`

func newGlossaryLinks(terms []scheme.Term) *glossaryLinks {
	g := &glossaryLinks{ids: map[string]string{}}
	var words []string
	for i := range terms {
		for _, w := range terms[i].Words() {
			key := glossaryKey(w)
			if key == "" {
				continue
			}
			if _, dup := g.ids[key]; !dup {
				g.ids[key] = terms[i].ID
				words = append(words, key)
			}
		}
	}
	if len(words) == 0 {
		return g
	}
	// Longest first: the regexp takes the first alternative that matches,
	// and "anmodning om utbetaling" must win over "utbetaling".
	slices.SortStableFunc(words, func(a, b string) int { return len(b) - len(a) })
	alts := make([]string, len(words))
	for i, w := range words {
		alts[i] = strings.ReplaceAll(regexp.QuoteMeta(w), " ", `\s+`)
	}
	g.words = regexp.MustCompile(`(?i)(?:^|[^\p{L}\p{N}])((` + strings.Join(alts, "|") + `)` + inflection + `)(?:$|[^\p{L}\p{N}])`)
	return g
}

func glossaryKey(w string) string { return strings.Join(strings.Fields(strings.ToLower(w)), " ") }

// render writes a catalogue text as HTML with the glossary's words linked.
// Raw HTML in the text is left out, as plan text's is.
func (g *glossaryLinks) render(s string) template.HTML {
	source := []byte(paragraphs(s))
	doc := markdown.Parser().Parse(text.NewReader(source))
	if g != nil && g.words != nil {
		var texts []*ast.Text
		_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if !entering {
				return ast.WalkContinue, nil
			}
			switch n.Kind() {
			case ast.KindLink, ast.KindAutoLink, ast.KindCodeSpan, ast.KindRawHTML, ast.KindImage:
				return ast.WalkSkipChildren, nil
			}
			if t, ok := n.(*ast.Text); ok && !t.IsRaw() {
				texts = append(texts, t)
			}
			return ast.WalkContinue, nil
		})
		seen := map[string]bool{}
		for _, t := range texts {
			g.link(t, source, seen)
		}
	}
	var b bytes.Buffer
	if err := markdown.Renderer().Render(&b, source, doc); err != nil {
		return template.HTML(template.HTMLEscapeString(s))
	}
	return template.HTML(b.String())
}

// link splits a text node around the first use of each term not yet seen,
// putting a link to the term in between.
func (g *glossaryLinks) link(t *ast.Text, source []byte, seen map[string]bool) {
	parent := t.Parent()
	for {
		seg := t.Segment
		value := seg.Value(source)
		start, end, id := -1, -1, ""
		// Match by match from the end of the last word rather than with
		// FindAll, whose matches each take the space after their word and
		// would hide a word that follows at once.
		for pos := 0; pos < len(value); {
			m := g.words.FindSubmatchIndex(value[pos:])
			if m == nil {
				break
			}
			if k := g.ids[glossaryKey(string(value[pos+m[4]:pos+m[5]]))]; k != "" && !seen[k] {
				start, end, id = pos+m[2], pos+m[3], k
				break
			}
			pos += m[3]
		}
		if id == "" {
			return
		}
		seen[id] = true
		if start > 0 {
			parent.InsertBefore(parent, t, ast.NewTextSegment(text.NewSegment(seg.Start, seg.Start+start)))
		}
		a := ast.NewLink()
		a.Destination = []byte("/glossary#" + id)
		a.AppendChild(a, ast.NewTextSegment(text.NewSegment(seg.Start+start, seg.Start+end)))
		parent.InsertBefore(parent, t, a)
		// What is left keeps the node, and with it the line break after.
		t.Segment = text.NewSegment(seg.Start+end, seg.Stop)
	}
}

// norwegianOrder sorts names the Norwegian way: æ, ø, å after z. x/text has
// no tailoring for "nb", so nynorsk's, which is the same, serves both. A
// collator is not safe for use by several goroutines: each request makes
// its own.
func norwegianOrder() *collate.Collator {
	return collate.New(textlang.MustParse("nn"), collate.IgnoreCase)
}
