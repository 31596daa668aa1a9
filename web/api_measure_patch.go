package web

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"reflect"
)

// apiMeasurePatch changes part of a measure with a JSON merge patch (RFC
// 7396, application/merge-patch+json) of its write document
// {"goal": …, "measure": {…}}: the members the patch names are set, those
// it sets to null are removed, and everything else stays as it is. So
// {"measure": {"status": "ongoing"}} changes the status alone, and
// {"goal": 3} moves the measure.
func (s *Server) apiMeasurePatch(w http.ResponseWriter, r *http.Request) {
	s.apiMeasureReplace(w, r, func(current apiMeasureWrite) (apiMeasureWrite, error) {
		var out apiMeasureWrite
		patch, err := readDocument(w, r, "application/merge-patch+json")
		if err != nil {
			return out, err
		}
		// Checked before it is merged, so that an unknown member is named
		// where the client wrote it.
		if err := checkShape(patch, reflect.TypeFor[apiMeasureWrite]()); err != nil {
			return out, err
		}
		doc, err := jsonDocument(current)
		if err != nil {
			return out, err
		}
		return out, decodeDocument(mergePatch(doc, patch), &out)
	})
}

// mergePatch applies a JSON merge patch to a document, as RFC 7396
// section 2 writes it.
func mergePatch(target, patch any) any {
	p, ok := patch.(map[string]any)
	if !ok {
		return patch
	}
	t, ok := target.(map[string]any)
	if !ok {
		t = map[string]any{}
	}
	for k, v := range p {
		if v == nil {
			delete(t, k)
		} else {
			t[k] = mergePatch(t[k], v)
		}
	}
	return t
}

// jsonDocument is a value as plain JSON: maps, lists and json.Number.
func jsonDocument(v any) (any, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("encode document: %w", err)
	}
	var doc any
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("decode document: %w", err)
	}
	return doc, nil
}
