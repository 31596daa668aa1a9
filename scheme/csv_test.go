package scheme

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A catalogue written as CSV reads back the same: every field, both
// languages, steps, links and deadlines.
func TestCSVRoundTrip(t *testing.T) {
	schemes := readTestSchemes(t)
	var buf bytes.Buffer
	if err := WriteCSV(&buf, schemes); err != nil {
		t.Fatal(err)
	}
	back, err := ReadCSV("schemes.csv", &buf)
	if err != nil {
		t.Fatal(err)
	}
	// Compare as the catalogue means them, where nil and empty are alike.
	if diff := cmp.Diff(Plain(schemes), Plain(back)); diff != "" {
		t.Errorf("CSV round trip (-yaml +csv):\n%s", diff)
	}
}

// Bad CSV is refused with the line and the column.
func TestCSVErrors(t *testing.T) {
	tests := []struct{ name, csv, want string }{
		{"empty", "", "the first line must name the columns"},
		{"unknown column", "id,nmae_nb\nx,y\n", `schemes.csv:1:2: unknown column "nmae_nb"`},
		{"no id", "name_nb\nx\n", "no id column"},
		{"bad date", "id,checked\nx,2026-13-01\n", "schemes.csv:2:3: checked:"},
		{"bad link", "id,links\nx,just a title\n", "schemes.csv:2:3: links:"},
		{"bad deadline", "id,deadline\nx,snart\n", "or write continuous"},
		{"short line", "id,name_nb\nx\n", "schemes.csv:2:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadCSV("schemes.csv", strings.NewReader(tt.csv))
			var re *ReadError
			if !errors.As(err, &re) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want a ReadError with %q", err, tt.want)
			}
		})
	}
}
