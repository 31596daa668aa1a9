package scheme

import "testing"

// FuzzCheckFiles: a catalogue file in any of the three formats, whatever its
// bytes, gives schemes and problems; never a panic.
func FuzzCheckFiles(f *testing.F) {
	for _, c := range []struct{ name, data string }{
		{"s.yaml", "- id: a\n  name: {nn: A}\n  kinds: [lån]\n  checked: 2026-01-01\n"},
		{"s.json", `[{"id": "a", "name": {"nb": "A"}, "deadline": "continuous"}]`},
		{"s.csv", "id,name_nb,kinds\na,A,lån\n"},
		{"s.csv", "id,name_nb\n\"a,b\n"},
		{"s.yaml", "- &a {id: x}\n- *a\n"},
		{"g.yaml", "- term: x\n"},
	} {
		f.Add(c.name, []byte(c.data))
	}
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		switch FormatOf(name) {
		case FormatCSV, FormatJSON, FormatYAML:
		default:
			return
		}
		_ = CheckFiles([]File{{Name: name, Data: data}}, testNow)
		_, _ = ReadGlossary(name, data)
	})
}
