package document

import (
	"html"
	"strings"
)

// Document is an HTML document to print, with what goes in the margin of
// every page.
type Document struct {
	// HTML is the whole document, its stylesheet inline.
	HTML []byte
	// Header and Footer are Chromium's header and footer templates
	// (HeaderFooter makes them); "" prints none.
	Header, Footer string
	// Margins in inches, which the header and the footer print in. The
	// document's @page rules win where they set them.
	Margins Margins
}

// Margins of a page in inches.
type Margins struct{ Top, Right, Bottom, Left float64 }

// A4Margins leaves 2 cm at the top and the bottom for the header and the
// footer, and 1.6 cm at the sides.
var A4Margins = Margins{Top: 0.79, Right: 0.63, Bottom: 0.79, Left: 0.63}

// Margin is what the header or footer of every page says, in words of the
// document's language.
type Margin struct {
	// Lang is the document's language, such as "nn".
	Lang string
	// Mark is said at the top of every page where it is set, in capitals:
	// "Utkast" on a draft.
	Mark string
	// Left is said at the foot of every page: the plan, its version and
	// date.
	Left string
	// Page is the page number's words with {page} and {pages} where the
	// numbers go: "Side {page} av {pages}".
	Page string
}

// HeaderFooter makes the header and footer templates of a margin. Chromium
// puts the page number in an element of class pageNumber, and the number
// of pages in one of class totalPages; everything else is escaped text.
// The templates set their own font size: Chromium's is 0.
func HeaderFooter(m Margin) (header, footer string) {
	// The margin's box spans the page; its padding is the page's side
	// margin. The page number never wraps; a long title does.
	const style = `font-family: system-ui, sans-serif; font-size: 8pt; color: #1b1b1b; box-sizing: border-box; width: 100%; padding: 0 16mm; display: flex; justify-content: space-between; align-items: flex-end; gap: 2em;`
	const left = `<span style="flex: 1 1 auto; min-width: 0;">`
	const right = `<span style="flex: none; white-space: nowrap;">`
	lang := html.EscapeString(m.Lang)
	mark := html.EscapeString(m.Mark)
	if m.Mark != "" {
		upper := html.EscapeString(strings.ToUpper(m.Mark))
		header = `<div lang="` + lang + `" style="` + style + ` font-weight: 700; letter-spacing: .1em;">` + left + upper + `</span>` + right + upper + `</span></div>`
	}
	page := html.EscapeString(m.Page)
	page = strings.ReplaceAll(page, "{page}", `<span class="pageNumber"></span>`)
	page = strings.ReplaceAll(page, "{pages}", `<span class="totalPages"></span>`)
	text := html.EscapeString(m.Left)
	if m.Mark != "" {
		text = `<strong>` + mark + `</strong> · ` + text
	}
	footer = `<div lang="` + lang + `" style="` + style + `">` + left + text + `</span>` + right + page + `</span></div>`
	return header, footer
}
