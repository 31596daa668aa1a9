package scheme

import (
	"bytes"
	"errors"
	"strconv"
	"strings"
	"testing"
)

// A CSV file with five mistakes in its cells shows five problems, each
// with its line, its column's place and heading, and a code a page can
// translate; the rows without mistakes are still read.
func TestCSVEveryProblem(t *testing.T) {
	src := "id,links,deadline,checked\n" +
		"a,Husbanken | https://husbanken.no/,continuous,2026-13-01\n" + // bad date
		"b,just a title,snart,2026-01-01\n" + // bad link, bad deadline
		"c,,,\n" +
		"d,,\n" + // too few cells
		"e,,\"2026-03-01\n30.02.2026 | runde 2\",01.02.2026\n" // bad second deadline date, in a cell of two lines
	out, _, errs := readCSV("f.csv", strings.NewReader(src))
	want := []struct {
		line, col, cell int
		column, code    string
		value           string
	}{
		{2, 48, 4, "checked", "date", "2026-13-01"},
		{3, 3, 2, "links", "link", "just a title"},
		{3, 16, 3, "deadline", "deadline", "snart"},
		{5, 0, 0, "", "csv-cells", ""},
		{6, 4, 3, "deadline", "deadline", "30.02.2026 | runde 2"},
	}
	if len(errs) != len(want) {
		t.Fatalf("%d problems, want %d:\n%v", len(errs), len(want), errs)
	}
	for i, w := range want {
		e := errs[i]
		if e.Line != w.line || e.Col != w.col || e.Cell != w.cell || e.Column != w.column || e.Code != w.code || e.Args["Value"] != w.value {
			t.Errorf("problem %d = %+v, want %+v", i, *e, w)
		}
	}
	if len(out) != 4 || out[3].ID != "e" {
		t.Errorf("the rows read are %d, want a, b, c and e", len(out))
	}
	_, err := ReadCSV("f.csv", strings.NewReader(src))
	var res ReadErrors
	if !errors.As(err, &res) || len(res) != 5 || !strings.Contains(err.Error(), "f.csv:3:16: deadline:") {
		t.Errorf("ReadCSV's error: %v", err)
	}
}

// A heading's every problem is reported, and no row is read without a
// heading that can be trusted.
func TestCSVHeadingProblems(t *testing.T) {
	_, _, errs := readCSV("f.csv", strings.NewReader("nmae_nb,kinds,kinds\nx,y,z\n"))
	var codes []string
	for _, e := range errs {
		codes = append(codes, e.Code)
	}
	if strings.Join(codes, " ") != "csv-unknown-column csv-duplicate-column csv-no-id" {
		t.Errorf("codes %v", codes)
	}
}

// CheckFiles ties the catalogue's checks back to the CSV cell they are
// about, by the row's first line in the file (steps are cells of several
// lines, so lines and rows differ); a cell that could not be read is said
// once, not again as an empty field.
func TestCheckFilesCSV(t *testing.T) {
	var buf bytes.Buffer
	schemes := readTestSchemes(t)
	if err := WriteCSV(&buf, schemes); err != nil {
		t.Fatal(err)
	}
	text := buf.String()
	// The fourth scheme gets a kind that is not one, the sixth a date that
	// is not one, and the eighth the id of the first.
	ids := csvIDs(t, text)
	text = replaceInRow(t, text, ids[3], ",grant,", ",tilskot,")
	text = replaceInRow(t, text, ids[5], ","+schemes[5].Checked.String()+",", ",2026-13-01,")
	dupLine := lineOf(text, "\n"+ids[7]+",")
	text = replaceInRow(t, text, ids[7]+",", ids[7]+",", ids[0]+",")
	c := CheckFiles([]File{{Name: "schemes.csv", Data: []byte(text)}}, testNow)
	if len(c.Issues) != 3 {
		t.Fatalf("issues:\n%s", issueLines(c.Issues))
	}
	date, kind, dup := c.Issues[0], c.Issues[1], c.Issues[2]
	if !date.Read || date.Code != "date" || date.Column != "checked" || date.Cell != 31 || date.Index != 5 || date.ID != ids[5] || date.Row != 7 {
		t.Errorf("the bad date: %+v", date)
	}
	if kind.Read || kind.Code != "not-allowed" || kind.Field == "" || kind.Column != "kinds" || kind.Cell != 9 ||
		kind.Index != 3 || kind.ID != ids[3] || kind.Row != 5 || kind.Line != lineOf(text, "\n"+ids[3]+",") || kind.Args["Value"] != "tilskot" {
		t.Errorf("the bad kind: %+v", kind)
	}
	if dup.Code != "duplicate-id" || dup.Column != "id" || dup.Cell != 1 || dup.Col != 1 || dup.Index != 7 ||
		dup.Args["FirstLine"] != "2" || dup.Args["FirstFile"] != "schemes.csv" || dup.Line != dupLine {
		t.Errorf("the id used twice: %+v", dup)
	}
	if dup.Line == dup.Row {
		t.Error("the test data has no cell of several lines: lines and rows are alike")
	}
	if !c.Unreadable() {
		t.Error("a file with a date that is not one is readable")
	}
	if want := "schemes.csv:" + strconv.Itoa(kind.Line) + ":"; !strings.HasPrefix(kind.String(), want) || !strings.Contains(kind.String(), `: kinds[`) {
		t.Errorf("String() = %q", kind.String())
	}
}

// A YAML or JSON scheme's problems name the scheme by its place and id,
// and the line of the field, or of the scheme when the field is left out.
func TestCheckFilesYAMLAndJSON(t *testing.T) {
	a, b := validScheme(), validScheme()
	b.ID, b.Kinds, b.Source = "b", []Kind{KindLoan, "lån"}, ""
	var js bytes.Buffer
	if err := WriteJSON(&js, []Scheme{a, b}); err != nil {
		t.Fatal(err)
	}
	yml := "- id: a\n  name: {nn: A}\n  provider: p\n  level: national\n  areas: [norge]\n  kinds: [loan]\n  audiences: [households]\n" +
		"  themes: [housing]\n  status: open\n  source: https://a.no/\n  checked: 2026-11-01\n" +
		"- id: b\n  name: {nn: B}\n  provider: p\n  level: national\n  areas: [norge]\n  kinds:\n    - loan\n    - lån\n" +
		"  audiences: [households]\n  themes: [housing]\n  status: open\n  checked: 2026-11-01\n"
	// The YAML leaves the source out, so its problem is placed at the
	// scheme; the JSON writes it empty, so at the field.
	for _, c := range []struct {
		file             File
		kindAt, sourceAt string
	}{
		{File{"s.yaml", []byte(yml)}, "- lån", "- id: b"},
		{File{"s.json", js.Bytes()}, `"lån"`, `"source": ""`},
	} {
		got := CheckFiles([]File{c.file}, testNow)
		if len(got.Issues) != 2 || got.Unreadable() {
			t.Fatalf("%s: issues:\n%s", c.file.Name, issueLines(got.Issues))
		}
		kind, source := got.Issues[0], got.Issues[1]
		text := string(c.file.Data)
		if kind.Index != 1 || kind.ID != "b" || kind.Field != "kinds[1]" || kind.Line != lineOf(text, c.kindAt) || kind.Col == 0 {
			t.Errorf("%s: the bad kind: %+v", c.file.Name, kind)
		}
		if source.Field != "source" || source.Code != "required" || source.Line != lineOf(text, c.sourceAt) {
			t.Errorf("%s: the missing source: %+v", c.file.Name, source)
		}
	}
}

// Files that are not what their names say are refused with a code.
func TestCheckFilesUnreadable(t *testing.T) {
	for _, c := range []struct {
		file File
		code string
		line int
	}{
		{File{"s.txt", []byte("id\n")}, "format", 0},
		{File{"s.csv", []byte("id,name_nb\nx,Tilskot til g\xe5rd\n")}, "not-utf8", 2},
		{File{"s.json", []byte("[\n {\"id\": \"x\", \"nmae\": {}}\n]")}, "unknown-field", 2},
		{File{"s.yaml", []byte("- id: x\n  critera: {nn: y}\n")}, "unknown-field", 2},
		{File{"s.yaml", []byte("- id: x\n  checked: 2026-02-30\n")}, "date", 2},
		{File{"s.json", []byte("\ufeff[{\"id\": 7}]")}, "json-type", 1},
		{File{"s.yaml", []byte("- id: x\n  name: " + strings.Repeat("[", 30_000))}, "limit-depth", 2},
		{File{"s.json", []byte("[{\"id\": \"x\",\n\"name\": " + strings.Repeat("[", 30_000))}, "limit-depth", 2},
		{File{"s.yaml", []byte("- &a {id: x}\n- [" + strings.Repeat("*a, ", 200) + "]\n")}, "limit-aliases", 2},
	} {
		got := CheckFiles([]File{c.file}, testNow)
		if len(got.Issues) != 1 || got.Issues[0].Code != c.code || got.Issues[0].Line != c.line || !got.Unreadable() {
			t.Errorf("%s %q: %+v", c.file.Name, c.file.Data, got.Issues)
		}
	}
}

// Every code a problem can have names its arguments, so that a page can
// translate them all.
func TestProblemCodesHaveArgs(t *testing.T) {
	c := CheckFiles([]File{{Name: "s.csv", Data: []byte("id,kinds\nA,lån\n")}}, testNow)
	for _, is := range c.Issues {
		if _, ok := ProblemArgs[is.Code]; !ok {
			t.Errorf("code %q of %s is not in ProblemArgs", is.Code, is)
		}
		for name := range is.Args {
			found := false
			for _, n := range ProblemArgs[is.Code] {
				found = found || n == name
			}
			if !found {
				t.Errorf("argument %s of %q is not in ProblemArgs", name, is.Code)
			}
		}
	}
}

// csvIDs are the ids of a CSV export in order.
func csvIDs(t *testing.T, text string) []string {
	t.Helper()
	list, err := ReadCSV("x.csv", strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, s := range list {
		out = append(out, s.ID)
	}
	return out
}

// replaceInRow replaces the first old after the start of the row whose
// line starts with start.
func replaceInRow(t *testing.T, text, start, old, new string) string {
	t.Helper()
	i := strings.Index(text, "\n"+start)
	j := strings.Index(text[i:], old)
	if i < 0 || j < 0 {
		t.Fatalf("no %q after %q", old, start)
	}
	return text[:i+j] + new + text[i+j+len(old):]
}

// lineOf is the line of the first s in text.
func lineOf(text, s string) int {
	i := strings.Index(text, s)
	if strings.HasPrefix(s, "\n") {
		i++
	}
	return strings.Count(text[:i], "\n") + 1
}

func issueLines(is []Issue) string {
	var b strings.Builder
	for _, i := range is {
		b.WriteString(i.String() + "\n")
	}
	return b.String()
}

// A tagged scalar where the list of schemes belongs made the YAML decoder
// panic (found by FuzzCheckFiles); it is a problem of the file now.
func TestTaggedScalarIsAProblem(t *testing.T) {
	for _, doc := range []string{"!!str 0", "!x 00000"} {
		got := CheckFiles([]File{{Name: "s.yaml", Data: []byte(doc)}}, testNow)
		if len(got.Issues) != 1 || got.Issues[0].Code != "decode" || !got.Unreadable() {
			t.Errorf("%q: %+v", doc, got.Issues)
		}
	}
}
