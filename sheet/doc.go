// Package sheet writes a plan's tables as an Excel workbook and as CSV, and
// reads a budget or financing sheet back after it was edited in Excel.
//
// A table's sheet keeps what it needs to come back in cells nobody edits:
// column A is hidden and holds each row's key (a budget line's ID), the
// hidden row 2 each column's key (a year, a funding source's ID), and A1
// names the table, A2 the plan version the file was made from. So a sheet
// may be renamed, formatted or sorted by hand and still be read; rows or
// columns added by hand are reported, not guessed at.
package sheet
