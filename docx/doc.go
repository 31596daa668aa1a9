// Package docx writes a plan as a Word document (Office Open XML), so that
// it can be edited, adopted and sent on as a document.
//
// No well-kept Go library for DOCX is to be had, so the package writes the
// few parts a document needs itself, with encoding/xml and archive/zip:
// the content types, the relationships, the core properties (title,
// language), the styles, the numbering of bullet lists, a footer and the
// body. Headings use Word's built-in heading styles ("heading 1" to
// "heading 4"), so that Word's navigation pane shows the plan's structure;
// tables are real tables whose first row repeats as a header on every
// page; the document language is the plan's (nb-NO or nn-NO).
package docx
