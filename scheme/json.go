package scheme

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"regexp"
)

// WriteJSON writes schemes as a JSON array, indented for people to read
// and for diffs to be small.
func WriteJSON(w io.Writer, schemes []Scheme) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if schemes == nil {
		schemes = []Scheme{}
	}
	return enc.Encode(schemes)
}

// ReadJSON reads a JSON array of schemes, refusing members it does not
// know. Errors name the line and column. Validate the result.
func ReadJSON(name string, r io.Reader) ([]Scheme, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, &ReadError{Name: name, Message: err.Error(), Code: "decode", Args: codedArgs("decode", []any{err.Error()}), Err: err}
	}
	if re := checkLimits(name, FormatJSON, b); re != nil {
		return nil, re
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var out []Scheme
	if err := dec.Decode(&out); err != nil {
		line, col := offsetPosition(b, dec.InputOffset())
		re := &ReadError{Name: name, Message: err.Error(), Code: "decode", Args: codedArgs("decode", []any{err.Error()}), Err: err}
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			line, col = offsetPosition(b, se.Offset)
		case errors.As(err, &te):
			line, col = offsetPosition(b, te.Offset)
			re = readError(name, 0, 0, "json-type", "%s: a %s where %s belongs", te.Field, te.Value, te.Type)
			re.Err = err
		default:
			// The decoder's other errors are words only; the codes of the
			// common ones are read from them.
			for _, jm := range jsonMessages {
				if m := jm.pattern.FindStringSubmatch(err.Error()); m != nil {
					re.Code, re.Args = jm.code, codedArgs(jm.code, []any{m[1]})
					if jm.code == "unknown-field" {
						// The decoder is past the scheme by now; the
						// member's name is where the mistake is.
						if k := regexp.MustCompile(`"` + regexp.QuoteMeta(m[1]) + `"\s*:`).FindIndex(b); k != nil {
							line, col = offsetPosition(b, int64(k[0]))
						}
					}
					break
				}
			}
		}
		re.Line, re.Col = line, col
		return nil, re
	}
	return out, nil
}

// jsonMessages find the codes of the decoder's errors that have no type:
// a member the format does not have, and this package's own dates and
// deadlines.
var jsonMessages = []struct {
	code    string
	pattern *regexp.Regexp
}{
	{"unknown-field", regexp.MustCompile(`unknown field "(.*)"`)},
	{"deadline", regexp.MustCompile(`deadline "(.*)": write "continuous"`)},
	{"date", regexp.MustCompile(`"(.*)" is not a valid date`)},
}

// offsetPosition turns a byte offset into a line and column from 1.
func offsetPosition(b []byte, off int64) (int, int) {
	if off > int64(len(b)) {
		off = int64(len(b))
	}
	before := b[:off]
	line := bytes.Count(before, []byte("\n")) + 1
	col := int(off) - bytes.LastIndexByte(before, '\n')
	return line, col
}
