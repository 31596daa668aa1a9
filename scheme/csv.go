package scheme

import (
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strings"

	"planverk/plan"
)

// The catalogue as CSV, for a county to maintain in a spreadsheet: one row
// a scheme, one column a field, texts in a column per language (name_nb,
// name_nn). In a cell, a list of codes is separated by semicolons
// ("grant; loan"); steps and links are one per line of the cell, a link
// written "title | url", a deadline "continuous" or one date a line,
// "2026-03-15 | note in bokmål | note in nynorsk".

// csvColumns are the columns in the order WriteCSV writes them. ReadCSV
// takes them in any order and requires id; a column it does not know is
// an error, so that a misspelt heading is not quietly ignored.
var csvColumns = []string{
	"id", "name_nb", "name_nn", "also_known_as", "provider", "provider_name", "level", "areas",
	"kinds", "audiences", "stages", "themes", "status",
	"summary_nb", "summary_nn", "criteria_nb", "criteria_nn", "steps_nb", "steps_nn", "deadline",
	"amounts_nb", "amounts_nn", "contact_nb", "contact_nn", "local_guidance_nb", "local_guidance_nn",
	"examples_nb", "examples_nn", "links", "source", "checked", "checked_by",
}

// texts maps the text columns' stems to their fields.
func texts(s *Scheme) map[string]*Text {
	return map[string]*Text{"name": &s.Name, "summary": &s.Summary, "criteria": &s.Criteria, "amounts": &s.Amounts,
		"contact": &s.Contact, "local_guidance": &s.LocalGuidance, "examples": &s.Examples}
}

// WriteCSV writes schemes as CSV with a heading row.
func WriteCSV(w io.Writer, schemes []Scheme) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(csvColumns); err != nil {
		return err
	}
	for i := range schemes {
		s := &schemes[i]
		tx := texts(s)
		row := make([]string, len(csvColumns))
		for c, col := range csvColumns {
			row[c] = csvCell(s, tx, col)
		}
		if err := cw.Write(row); err != nil {
			return fmt.Errorf("scheme %s: %w", s.ID, err)
		}
	}
	cw.Flush()
	return cw.Error()
}

func csvCell(s *Scheme, tx map[string]*Text, col string) string {
	if stem, lang, ok := cutLang(col); ok {
		if stem == "steps" {
			return strings.Join(s.HowToApply.Steps[lang], "\n")
		}
		return (*tx[stem])[lang]
	}
	switch col {
	case "id":
		return s.ID
	case "also_known_as":
		return strings.Join(s.AlsoKnownAs, "; ")
	case "provider":
		return s.Provider
	case "provider_name":
		return s.ProviderName
	case "level":
		return string(s.Level)
	case "areas":
		return strings.Join(s.Areas, "; ")
	case "kinds":
		return joinCodes(s.Kinds)
	case "audiences":
		return joinCodes(s.Audiences)
	case "stages":
		return joinCodes(s.Stages)
	case "themes":
		return joinCodes(s.Themes)
	case "status":
		return string(s.Status)
	case "deadline":
		if s.HowToApply.Deadline.Continuous {
			return continuous
		}
		var lines []string
		for _, d := range s.HowToApply.Deadline.Dates {
			lines = append(lines, strings.TrimRight(d.Date.String()+" | "+d.Note[LangNB]+" | "+d.Note[LangNN], " |"))
		}
		return strings.Join(lines, "\n")
	case "links":
		var lines []string
		for _, l := range s.Links {
			lines = append(lines, l.Title+" | "+l.URL)
		}
		return strings.Join(lines, "\n")
	case "source":
		return s.Source
	case "checked":
		if s.Checked.Year == 0 {
			return ""
		}
		return s.Checked.String()
	case "checked_by":
		return s.CheckedBy
	}
	return ""
}

// cutLang splits "summary_nn" into "summary" and nn.
func cutLang(col string) (string, Lang, bool) {
	for _, l := range Langs {
		if stem, ok := strings.CutSuffix(col, "_"+string(l)); ok {
			return stem, l, true
		}
	}
	return "", "", false
}

func joinCodes[T ~string](codes []T) string {
	out := make([]string, len(codes))
	for i, c := range codes {
		out[i] = string(c)
	}
	return strings.Join(out, "; ")
}

func splitCodes[T ~string](cell string) []T {
	var out []T
	for _, p := range strings.Split(cell, ";") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, T(p))
		}
	}
	return out
}

// ReadCSV reads schemes written as WriteCSV writes them. Its error is
// ReadErrors: every problem of the file, each naming the line and the
// column, so that a file with five mistakes shows five. It reads the cells
// only: Validate the result, as for a catalogue file (CheckFiles does both).
func ReadCSV(name string, r io.Reader) ([]Scheme, error) {
	out, _, errs := readCSV(name, r)
	if len(errs) > 0 {
		return nil, errs
	}
	return out, nil
}

// csvRow is where one row of a CSV file stands, kept so that the problems
// Validate finds afterwards can name the cell they are about.
type csvRow struct {
	row, line int
	// cells are where each column's cell starts, in the heading's order.
	cells []csvPos
	// unread are the columns whose cells could not be read: the problem
	// is said already, and Validate's about the empty field would repeat it.
	unread map[string]bool
}

type csvPos struct{ line, col int }

// csvFile is a CSV file's heading and the rows read into schemes, one for
// each scheme, in the same order.
type csvFile struct {
	head []string
	rows []csvRow
}

// readCSV reads every row it can and returns the schemes, where they stand,
// and every problem. A broken heading stops it, since no cell can be known
// without one, and so does CSV that cannot be split into cells (a quote
// not closed), since nothing after it can be trusted; a row with too many
// or too few cells is left out, and a cell that cannot be read leaves its
// field empty.
func readCSV(name string, r io.Reader) ([]Scheme, *csvFile, ReadErrors) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	head, err := cr.Read()
	if err == io.EOF {
		return nil, nil, ReadErrors{readError(name, 0, 0, "csv-empty", "the file is empty: the first line must name the columns (id, name_nb, …)")}
	}
	if err != nil {
		return nil, nil, ReadErrors{csvError(name, err)}
	}
	var errs ReadErrors
	for i, h := range head {
		head[i] = strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")) // a spreadsheet's byte-order mark
		var e *ReadError
		switch {
		case !slices.Contains(csvColumns, head[i]):
			e = readError(name, 1, 0, "csv-unknown-column", "unknown column %q; the columns are %s", head[i], strings.Join(csvColumns, ", "))
		case slices.Contains(head[:i], head[i]):
			e = readError(name, 1, 0, "csv-duplicate-column", "column %q comes twice; which is meant cannot be known", head[i])
		default:
			continue
		}
		// A heading's problem has always been placed by the cell's
		// number, which for short headings is near the byte's.
		e.Col, e.Row, e.Cell = i+1, 1, i+1
		errs = append(errs, e)
	}
	if !slices.Contains(head, "id") {
		errs = append(errs, readError(name, 1, 0, "csv-no-id", "there is no id column"))
	}
	if len(errs) > 0 {
		return nil, nil, errs
	}
	file := &csvFile{head: head}
	var out []Scheme
	for n := 2; ; n++ {
		row, err := cr.Read()
		if err == io.EOF {
			return out, file, errs
		}
		if err != nil {
			return out, file, append(errs, csvError(name, err))
		}
		line, _ := cr.FieldPos(0)
		if len(row) != len(head) {
			e := readError(name, line, 0, "csv-cells", "the line has %d cells, the heading %d", len(row), len(head))
			e.Row = n
			errs = append(errs, e)
			continue
		}
		rw := csvRow{row: n, line: line, cells: make([]csvPos, len(head))}
		var s Scheme
		for c, col := range head {
			l, lc := cr.FieldPos(c)
			rw.cells[c] = csvPos{l, lc}
			if err := setCSVCell(&s, col, strings.TrimSpace(row[c])); err != nil {
				e := &ReadError{Name: name, Line: l, Col: lc, Column: col, Cell: c + 1, Row: n,
					Message: err.Error(), Code: err.code, Args: codedArgs(err.code, err.args)}
				errs = append(errs, e)
				if rw.unread == nil {
					rw.unread = map[string]bool{}
				}
				rw.unread[col] = true
			}
		}
		out = append(out, s)
		file.rows = append(file.rows, rw)
	}
}

func csvError(name string, err error) *ReadError {
	if pe, ok := err.(*csv.ParseError); ok {
		return &ReadError{Name: name, Line: pe.Line, Col: pe.Column, Message: pe.Err.Error(),
			Code: "csv-syntax", Args: codedArgs("csv-syntax", []any{pe.Err.Error()}), Err: err}
	}
	return &ReadError{Name: name, Message: err.Error(), Code: "decode", Args: codedArgs("decode", []any{err.Error()}), Err: err}
}

// cellError is a cell that cannot be read, with its problem's code and the
// values the code names.
type cellError struct {
	code string
	args []any
	msg  string
}

func (e *cellError) Error() string { return e.msg }

func cellErrorf(code, format string, args ...any) *cellError {
	return &cellError{code: code, args: args, msg: fmt.Sprintf(format, args...)}
}

func setCSVCell(s *Scheme, col, cell string) *cellError {
	if stem, lang, ok := cutLang(col); ok {
		if cell == "" {
			return nil
		}
		if stem == "steps" {
			if s.HowToApply.Steps == nil {
				s.HowToApply.Steps = Steps{}
			}
			s.HowToApply.Steps[lang] = nonEmptyLines(cell)
			return nil
		}
		t := texts(s)[stem]
		if *t == nil {
			*t = Text{}
		}
		(*t)[lang] = cell
		return nil
	}
	switch col {
	case "id":
		s.ID = cell
	case "also_known_as":
		s.AlsoKnownAs = splitCodes[string](cell)
	case "provider":
		s.Provider = cell
	case "provider_name":
		s.ProviderName = cell
	case "level":
		s.Level = Level(cell)
	case "areas":
		s.Areas = splitCodes[string](cell)
	case "kinds":
		s.Kinds = splitCodes[Kind](cell)
	case "audiences":
		s.Audiences = splitCodes[Audience](cell)
	case "stages":
		s.Stages = splitCodes[Stage](cell)
	case "themes":
		s.Themes = splitCodes[Theme](cell)
	case "status":
		s.Status = Status(cell)
	case "deadline":
		return setDeadline(s, cell)
	case "links":
		for _, line := range nonEmptyLines(cell) {
			title, url, ok := strings.Cut(line, "|")
			if !ok {
				return cellErrorf("link", "%q: write a link as title | https://…", line)
			}
			s.Links = append(s.Links, Link{Title: strings.TrimSpace(title), URL: strings.TrimSpace(url)})
		}
	case "source":
		s.Source = cell
	case "checked":
		if cell == "" {
			return nil
		}
		d, err := plan.ParseDate(cell)
		if err != nil {
			return &cellError{code: "date", args: []any{cell}, msg: err.Error()}
		}
		s.Checked = d
	case "checked_by":
		s.CheckedBy = cell
	}
	return nil
}

func setDeadline(s *Scheme, cell string) *cellError {
	if cell == "" {
		return nil
	}
	if cell == continuous {
		s.HowToApply.Deadline = Deadline{Continuous: true}
		return nil
	}
	for _, line := range nonEmptyLines(cell) {
		parts := strings.Split(line, "|")
		d, err := plan.ParseDate(strings.TrimSpace(parts[0]))
		if err != nil {
			return &cellError{code: "deadline", args: []any{line}, msg: err.Error() + "; or write continuous"}
		}
		dd := DeadlineDate{Date: d}
		for i, l := range Langs {
			if len(parts) > i+1 && strings.TrimSpace(parts[i+1]) != "" {
				if dd.Note == nil {
					dd.Note = Text{}
				}
				dd.Note[l] = strings.TrimSpace(parts[i+1])
			}
		}
		s.HowToApply.Deadline.Dates = append(s.HowToApply.Deadline.Dates, dd)
	}
	return nil
}

func nonEmptyLines(cell string) []string {
	var out []string
	for _, l := range strings.Split(strings.ReplaceAll(cell, "\r\n", "\n"), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}
