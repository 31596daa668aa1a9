package scheme

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
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
		return nil, &ReadError{Name: name, Message: err.Error(), Err: err}
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var out []Scheme
	if err := dec.Decode(&out); err != nil {
		line, col := offsetPosition(b, dec.InputOffset())
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			line, col = offsetPosition(b, se.Offset)
		case errors.As(err, &te):
			line, col = offsetPosition(b, te.Offset)
			err = fmt.Errorf("%s: a %s where %s belongs", te.Field, te.Value, te.Type)
		}
		return nil, &ReadError{Name: name, Line: line, Col: col, Message: err.Error(), Err: err}
	}
	return out, nil
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
