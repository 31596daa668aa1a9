package place

import (
	"bytes"
	_ "embed"
	"encoding/csv"
	"fmt"
	"io"
	"strings"
	"sync"
)

//go:embed municipalities.csv
var municipalitiesCSV []byte

//go:embed counties.csv
var countiesCSV []byte

//go:embed former.csv
var formerCSV []byte

// register is the parsed data, built once on first use.
type register struct {
	municipalities []Place
	counties       []Place
	byNumber       map[string]Place
	former         map[string]Former
	// byName holds every folded name, current or former, and the numbers
	// of the current places it may mean.
	byName map[string][]string
}

var (
	loadOnce sync.Once
	reg      *register
)

// get returns the register. The files are embedded and tested, so a broken
// one is a build defect: it panics rather than make every caller handle an
// error that cannot happen in a released binary.
func get() *register {
	loadOnce.Do(func() {
		r, err := load()
		if err != nil {
			panic(fmt.Sprintf("place: the embedded register is broken: %v", err))
		}
		reg = r
	})
	return reg
}

func load() (*register, error) {
	r := &register{byNumber: map[string]Place{}, former: map[string]Former{}, byName: map[string][]string{}}
	counties, err := readRows(countiesCSV, "counties.csv", []string{"number", "name", "norwegian"})
	if err != nil {
		return nil, err
	}
	for _, row := range counties {
		r.counties = append(r.counties, newPlace(KindCounty, row[0], row[1], row[2], ""))
	}
	munis, err := readRows(municipalitiesCSV, "municipalities.csv", []string{"number", "name", "norwegian", "county"})
	if err != nil {
		return nil, err
	}
	for _, row := range munis {
		r.municipalities = append(r.municipalities, newPlace(KindMunicipality, row[0], row[1], row[2], row[3]))
	}
	for _, p := range append(append([]Place{}, r.counties...), r.municipalities...) {
		if _, dup := r.byNumber[p.Number]; dup {
			return nil, fmt.Errorf("number %s is listed twice", p.Number)
		}
		if want := map[Kind]int{KindCounty: 2, KindMunicipality: 4}[p.Kind]; len(p.Number) != want || strings.Trim(p.Number, "0123456789") != "" {
			return nil, fmt.Errorf("%s: a %s's number has %d digits", p.Number, p.Kind, want)
		}
		r.byNumber[p.Number] = p
		for _, n := range p.Names() {
			r.addName(n, p.Number)
		}
	}
	for _, p := range r.municipalities {
		if _, ok := r.byNumber[p.County]; !ok || len(p.County) != 2 {
			return nil, fmt.Errorf("%s %s: county %q is not in counties.csv", p.Number, p.Name, p.County)
		}
	}
	former, err := readRows(formerCSV, "former.csv", []string{"number", "name", "became", "valid"})
	if err != nil {
		return nil, err
	}
	for _, row := range former {
		f := Former{Kind: KindMunicipality, Number: row[0], Name: row[1], Became: strings.Fields(row[2]), Valid: row[3]}
		if len(f.Number) == 2 {
			f.Kind = KindCounty
		}
		for _, b := range f.Became {
			if p, ok := r.byNumber[b]; !ok || p.Kind != f.Kind {
				return nil, fmt.Errorf("former %s %s became %s, which is not a current %s", f.Number, f.Name, b, f.Kind)
			}
		}
		// A number still in use (a renamed municipality) keeps its current
		// meaning; only its old name is added.
		if _, current := r.byNumber[f.Number]; !current {
			if _, dup := r.former[f.Number]; dup {
				return nil, fmt.Errorf("former number %s is listed twice", f.Number)
			}
			r.former[f.Number] = f
		}
		for _, n := range splitNames(f.Name) {
			for _, b := range f.Became {
				r.addName(n, b)
			}
		}
	}
	return r, nil
}

func newPlace(kind Kind, number, name, norwegian, county string) Place {
	p := Place{Kind: kind, Number: number, Name: name, Norwegian: norwegian, County: county}
	for _, n := range strings.Split(name, " - ") {
		if n != norwegian {
			p.Other = append(p.Other, n)
		}
	}
	return p
}

// splitNames returns a former name as written, each of its languages'
// parts, and the name without its county: "Hamarøy - Hábmer", "Hamarøy",
// "Hábmer"; "Nes (Buskerud)", "Nes".
func splitNames(name string) []string {
	names := []string{name}
	if parts := strings.Split(name, " - "); len(parts) > 1 {
		names = append(names, parts...)
	}
	if base, _, ok := strings.Cut(name, " ("); ok {
		names = append(names, base)
	}
	return names
}

func (r *register) addName(name, number string) {
	k := Fold(name)
	for _, n := range r.byName[k] {
		if n == number {
			return
		}
	}
	r.byName[k] = append(r.byName[k], number)
}

// readRows reads a semicolon-separated file whose lines starting with "#"
// say where the data comes from, and checks its header.
func readRows(data []byte, file string, header []string) ([][]string, error) {
	cr := csv.NewReader(bytes.NewReader(data))
	cr.Comma = ';'
	cr.Comment = '#'
	cr.FieldsPerRecord = len(header)
	var rows [][]string
	for {
		row, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", file, err)
		}
		rows = append(rows, row)
	}
	if len(rows) == 0 || strings.Join(rows[0], ";") != strings.Join(header, ";") {
		return nil, fmt.Errorf("%s: the first row must be %s", file, strings.Join(header, ";"))
	}
	return rows[1:], nil
}
