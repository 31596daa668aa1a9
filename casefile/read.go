package casefile

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"

	"planverk/inputlimit"
)

// MaxBytes is the largest file Read takes: a case export of thousands of
// rows is far smaller, and the file is held in memory.
const MaxBytes = 5 << 20

// MaxRows is the most rows Read takes, so that a file cannot make the
// preview page or the import's transaction unbounded.
const MaxRows = 10000

// The workbook's unpacked size is bounded too: an XLSX is a zip file, and
// a small one can unpack to gigabytes.
const (
	maxUnzip    = 64 << 20
	maxUnzipXML = 32 << 20
)

// table is the file's cells, row by row, and whether they came from a
// workbook (see cell).
type table struct {
	rows     [][]string
	workbook bool
	// sheet is the workbook sheet read, "" for CSV.
	sheet string
}

// errUnreadable is a file that is neither a workbook nor CSV.
var errUnreadable = errors.New("not a workbook or CSV file")

// readTable reads a workbook's first sheet that has a heading row, or a
// CSV file, separated by semicolons (as Norwegian Excel saves it), commas
// or tabs, in UTF-8 or in Windows-1252 (as older Excel saves it).
func readTable(data []byte, known func(string) bool) (*table, error) {
	if bytes.HasPrefix(data, []byte("PK\x03\x04")) {
		return readWorkbook(data, known)
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return nil, errUnreadable
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(data) {
		dec, err := charmap.Windows1252.NewDecoder().Bytes(data)
		if err != nil {
			return nil, errUnreadable
		}
		data = dec
	}
	cr := csv.NewReader(bytes.NewReader(data))
	cr.Comma = separator(data)
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	t := &table{}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return t, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%w: %v", errUnreadable, err)
		}
		if len(t.rows) > MaxRows {
			return t, nil
		}
		t.rows = append(t.rows, rec)
	}
}

// separator guesses the CSV file's separator from its first line: the
// one of semicolon, tab and comma it has most of, outside quotes.
func separator(data []byte) rune {
	line, _, _ := bytes.Cut(data, []byte("\n"))
	counts := map[rune]int{}
	quoted := false
	for _, r := range string(line) {
		switch {
		case r == '"':
			quoted = !quoted
		case !quoted && (r == ';' || r == ',' || r == '\t'):
			counts[r]++
		}
	}
	best := ';'
	for _, r := range []rune{'\t', ','} {
		if counts[r] > counts[best] {
			best = r
		}
	}
	return best
}

func readWorkbook(data []byte, known func(string) bool) (*table, error) {
	x, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: maxUnzip, UnzipXMLSizeLimit: maxUnzipXML})
	if err != nil {
		return nil, fmt.Errorf("%w: %v", errUnreadable, err)
	}
	defer func() { _ = x.Close() }()
	var first *table
	for _, name := range x.GetSheetList() {
		rows, err := x.Rows(name)
		if err != nil {
			continue
		}
		t := &table{workbook: true, sheet: name}
		for rows.Next() && len(t.rows) <= MaxRows {
			rec, err := rows.Columns(excelize.Options{RawCellValue: true})
			if err != nil {
				break
			}
			t.rows = append(t.rows, rec)
		}
		_ = rows.Close()
		if first == nil {
			first = t
		}
		if _, ok := findHeading(t.rows, known); ok {
			return t, nil
		}
	}
	if first == nil {
		return nil, errUnreadable
	}
	return first, nil
}

// findHeading is the index of the heading row: the first of the first ten
// rows with at least two headings planverk knows (known), so that a title
// line above the table, as some exports write, is passed over.
func findHeading(rows [][]string, known func(string) bool) (int, bool) {
	for i := 0; i < len(rows) && i < 10; i++ {
		n := 0
		for _, h := range rows[i] {
			if known(h) {
				n++
			}
		}
		if n >= 2 {
			return i, true
		}
	}
	return 0, false
}

// sizeProblem refuses a file over MaxBytes, as inputlimit says it.
func sizeProblem(n int) *Problem {
	var le *inputlimit.Error
	if err := inputlimit.Size(n, inputlimit.Limits{Bytes: MaxBytes}); errors.As(err, &le) {
		return &Problem{Code: CodeTooLarge, Value: le.MaxText()}
	}
	return nil
}

// trim is a cell as compared: no spaces around it, and no no-break spaces
// either, which exports put in names.
func trim(s string) string {
	return strings.TrimSpace(strings.ReplaceAll(s, "\u00a0", " "))
}
