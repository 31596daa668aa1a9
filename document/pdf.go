// Package document makes a plan into the documents people pass on: a PDF
// that headless Chromium prints from the plan's own HTML page, so that the
// page and the PDF never disagree.
//
// Chromium is an install step, not a download (Debian: apt-get install
// chromium). Where it is missing, [Printer.Available] says so and
// [Printer.Print] returns [ErrNoChromium]; everything else works without it.
package document
