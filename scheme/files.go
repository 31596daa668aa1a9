package scheme

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
)

// Format is the format of a catalogue file.
type Format string

// The formats a catalogue is read from: CSV for a spreadsheet, JSON for
// another system, YAML as examples/schemes.yaml is written.
const (
	FormatCSV  Format = "csv"
	FormatJSON Format = "json"
	FormatYAML Format = "yaml"
)

// FormatOf tells a catalogue file's format by the end of its name, "" when
// the name does not say.
func FormatOf(name string) Format {
	ext := ""
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		ext = strings.ToLower(name[i+1:])
	}
	switch ext {
	case "csv":
		return FormatCSV
	case "json":
		return FormatJSON
	case "yaml", "yml":
		return FormatYAML
	}
	return ""
}

// File is a catalogue file to check: its name, whose end tells its format,
// and its content.
type File struct {
	Name string
	Data []byte
}

// Issue is one problem of a catalogue file: where it is, what it is as a
// code with arguments (ProblemArgs) for a page to say in its reader's
// language, and in English for the command line.
type Issue struct {
	File string
	// Line and Col are where in the file's text, from 1; 0 where not known.
	Line, Col int
	// Row, Cell and Column are the CSV record (the heading is 1), the
	// cell's number in it and its column's heading, as a spreadsheet shows
	// them; 0 and "" in JSON and YAML, and where the problem is a whole
	// row's. Column names a column the heading lacks when a required field
	// is missing because its column is.
	Row, Cell int
	Column    string
	// Index is the scheme's place in its file, from 0; -1 when the problem
	// is not one scheme's. ID is its id, where it has one that could be read.
	Index int
	ID    string
	// Field is a content problem's field, in the file's key names:
	// "kinds[1]", "links[0].url".
	Field   string
	Code    string
	Args    map[string]string
	Message string
	// Read marks a problem of reading the file, found before the content
	// could be checked; the others are the catalogue's checks (Validate).
	Read bool
}

// String says the problem in English, placed as a compiler places one:
// "schemes.csv:12:40: husbanken-startlan: kinds[0]: …".
func (i Issue) String() string {
	loc := i.File
	if i.Line > 0 {
		loc = fmt.Sprintf("%s:%d:%d", i.File, i.Line, i.Col)
	}
	if i.Read {
		msg := i.Message
		if i.Column != "" {
			msg = i.Column + ": " + msg
		}
		if i.ID != "" {
			msg = i.ID + ": " + msg
		}
		return loc + ": " + msg
	}
	who := i.ID
	if who == "" {
		who = fmt.Sprintf("[%d]", i.Index)
	}
	return fmt.Sprintf("%s: %s: %s: %s", loc, who, i.Field, i.Message)
}

// Checked is what CheckFiles found: the schemes of the files, in order,
// and every problem. Store the schemes only when there is no problem.
type Checked struct {
	Schemes []Scheme
	Issues  []Issue
}

// Unreadable reports whether some file could not be read as its format;
// then not every scheme could be checked.
func (c Checked) Unreadable() bool {
	return slices.ContainsFunc(c.Issues, func(i Issue) bool { return i.Read })
}

// CheckFiles reads every file in the format its name ends with and checks
// every scheme in them together (ValidateCatalogue, so an id may be used
// once across the files), collecting every problem rather than stopping at
// the first. Each problem is tied to where it is: the line and cell of a
// CSV row, the line of a JSON or YAML scheme and, where the field is
// written, of the field. now is as Validate takes it.
func CheckFiles(files []File, now time.Time) Checked {
	var c Checked
	var from []origin
	for fi, f := range files {
		list, src, issues := readFile(f)
		c.Issues = append(c.Issues, issues...)
		for i := range list {
			from = append(from, origin{file: fi, index: i, src: src})
		}
		c.Schemes = append(c.Schemes, list...)
	}
	for _, p := range CheckCatalogue(c.Schemes, now) {
		if is, ok := placeProblem(p, c.Schemes, from); ok {
			c.Issues = append(c.Issues, is)
		}
	}
	return c
}

// origin is where a scheme of CheckFiles comes from.
type origin struct {
	file, index int
	src         *source
}

// source is a file as read, kept to place the problems found afterwards.
type source struct {
	name string
	csv  *csvFile
	// tree is a JSON or YAML file parsed, for the position of a field;
	// nil where it could not be parsed.
	tree *ast.File
}

// utf8BOM is what some programs write at the start of a UTF-8 file.
var utf8BOM = []byte("\ufeff")

// readFile reads one file, returning the schemes it could read and every
// problem of reading it.
func readFile(f File) ([]Scheme, *source, []Issue) {
	src := &source{name: f.Name}
	format := FormatOf(f.Name)
	if format == "" {
		return nil, src, []Issue{readIssue(readError(f.Name, 0, 0, "format", "name the file .csv, .json or .yaml, so that its format is known"))}
	}
	if !utf8.Valid(f.Data) {
		// A spreadsheet saving "CSV" in Windows-1252 is the usual cause;
		// read as UTF-8, æ, ø and å would turn into something else.
		bad := 0
		for bad < len(f.Data) {
			r, size := utf8.DecodeRune(f.Data[bad:])
			if r == utf8.RuneError && size <= 1 {
				break
			}
			bad += size
		}
		line, col := offsetPosition(f.Data, int64(bad))
		return nil, src, []Issue{readIssue(readError(f.Name, line, col, "not-utf8", "the file is not UTF-8 text; save it as UTF-8 (in a spreadsheet: CSV UTF-8)"))}
	}
	if re := checkLimits(f.Name, format, f.Data); re != nil {
		return nil, src, []Issue{readIssue(re)}
	}
	var list []Scheme
	var err error
	switch format {
	case FormatCSV:
		var errs ReadErrors
		list, src.csv, errs = readCSV(f.Name, bytes.NewReader(f.Data))
		var out []Issue
		for _, e := range errs {
			is := readIssue(e)
			if src.csv != nil && e.Row >= 2 {
				is.Index = e.Row - 2
				if k := slices.IndexFunc(src.csv.rows, func(r csvRow) bool { return r.row == e.Row }); k >= 0 {
					is.ID = list[k].ID
				}
			}
			out = append(out, is)
		}
		return list, src, out
	case FormatJSON:
		data := bytes.TrimPrefix(f.Data, utf8BOM)
		list, err = ReadJSON(f.Name, bytes.NewReader(data))
		src.tree, _ = parser.ParseBytes(data, 0)
	default:
		data := bytes.TrimPrefix(f.Data, utf8BOM)
		list, err = ReadSchemes(f.Name, data)
		src.tree, _ = parser.ParseBytes(data, 0)
	}
	if re, ok := err.(*ReadError); ok {
		return nil, src, []Issue{readIssue(re)}
	}
	return list, src, nil
}

func readIssue(e *ReadError) Issue {
	return Issue{File: e.Name, Line: e.Line, Col: e.Col, Row: e.Row, Cell: e.Cell, Column: e.Column,
		Index: -1, Code: e.Code, Args: e.Args, Message: e.Message, Read: true}
}

// catalogueField splits a field of CheckCatalogue, "[3].kinds[1]", into the
// scheme's place in the list and the field.
var catalogueField = regexp.MustCompile(`^\[(\d+)\]\.(.*)$`)

// placeProblem ties a problem of CheckCatalogue to its file, scheme and
// place. A problem about a CSV cell that could not be read is dropped: the
// reading said it already.
func placeProblem(p CodedProblem, all []Scheme, from []origin) (Issue, bool) {
	m := catalogueField.FindStringSubmatch(p.Field)
	if m == nil {
		return Issue{Field: p.Field, Index: -1, Code: p.Code, Args: p.Args, Message: p.Message}, true
	}
	g, _ := strconv.Atoi(m[1])
	o := from[g]
	is := Issue{File: o.src.name, Index: o.index, ID: all[g].ID, Field: m[2], Code: p.Code, Args: p.Args, Message: p.Message}
	if p.Code == "duplicate-id" {
		// The English message names the first by its place among all the
		// files; a page says where it is instead.
		first, _ := strconv.Atoi(p.Args["First"])
		is.Args = map[string]string{"Value": p.Args["Value"], "First": p.Args["First"],
			"FirstFile": from[first].src.name, "FirstLine": strconv.Itoa(from[first].src.line(from[first].index, ""))}
	}
	if cf := o.src.csv; cf != nil {
		rw := cf.rows[o.index]
		// Placed by the row, as a reading problem is: a row left out
		// for its number of cells still counts.
		is.Index, is.Row, is.Line = rw.row-2, rw.row, rw.line
		is.Column = csvColumnOf(is.Field, cf.head)
		if rw.unread[is.Column] {
			return is, false
		}
		if c := slices.Index(cf.head, is.Column); c >= 0 {
			is.Cell, is.Line, is.Col = c+1, rw.cells[c].line, rw.cells[c].col
		}
		return is, true
	}
	is.Line, is.Col = o.src.position(o.index, is.Field)
	return is, true
}

// line is the line a scheme of the file starts on, or its field is on; 0
// where not known.
func (s *source) line(index int, field string) int {
	if s.csv != nil {
		return s.csv.rows[index].line
	}
	l, _ := s.position(index, field)
	return l
}

// position finds where a JSON or YAML scheme writes a field ("" for the
// scheme itself), or the scheme where the field is not written (a required
// one left out); 0, 0 where the file could not be parsed.
func (s *source) position(index int, field string) (int, int) {
	if s.tree == nil {
		return 0, 0
	}
	for _, p := range []string{fmt.Sprintf("$[%d].%s", index, field), fmt.Sprintf("$[%d]", index)} {
		if field == "" && strings.HasSuffix(p, ".") {
			continue
		}
		path, err := yaml.PathString(p)
		if err != nil {
			continue
		}
		if n, err := path.FilterFile(s.tree); err == nil && n != nil {
			if tk := n.GetToken(); tk != nil && tk.Position != nil {
				return tk.Position.Line, tk.Position.Column
			}
		}
	}
	return 0, 0
}

// csvColumnOf names the CSV column a field is written in: "kinds[1]" is in
// kinds, "summary.nn" in summary_nn, "how_to_apply.steps.nb" in steps_nb. A
// text named without its language ("name: required") is in the first of
// its columns the heading has.
func csvColumnOf(field string, head []string) string {
	parts := strings.Split(field, ".")
	root, _, _ := strings.Cut(parts[0], "[")
	rest := parts[1:]
	if root == "how_to_apply" && len(rest) > 0 {
		root, _, _ = strings.Cut(rest[0], "[")
		rest = rest[1:]
	}
	if root == "deadline" {
		return root
	}
	if _, ok := texts(&Scheme{})[root]; !ok && root != "steps" {
		return root
	}
	if len(rest) > 0 && Lang(rest[0]).valid() {
		return root + "_" + rest[0]
	}
	for _, l := range Langs {
		if c := root + "_" + string(l); slices.Contains(head, c) {
			return c
		}
	}
	return root + "_" + string(LangNB)
}
