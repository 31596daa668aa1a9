package scheme

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestJSONRoundTrip(t *testing.T) {
	schemes := readTestSchemes(t)
	var buf bytes.Buffer
	if err := WriteJSON(&buf, schemes); err != nil {
		t.Fatal(err)
	}
	back, err := ReadJSON("schemes.json", &buf)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := json.Marshal(schemes)
	got, _ := json.Marshal(back)
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("JSON round trip:\n%s", diff)
	}
}

func TestJSONErrors(t *testing.T) {
	tests := []struct{ name, json, want string }{
		{"unknown member", "[\n {\"id\": \"x\",\n  \"nmae\": {}}\n]", `unknown field "nmae"`},
		{"syntax", "[\n {\"id\": }\n]", "schemes.json:2:"},
		{"type", "[\n {\"id\": 7}\n]", "schemes.json:2:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadJSON("schemes.json", strings.NewReader(tt.json))
			var re *ReadError
			if !errors.As(err, &re) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want a ReadError with %q", err, tt.want)
			}
		})
	}
}
