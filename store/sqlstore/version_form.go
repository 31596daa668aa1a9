package sqlstore

import (
	"bytes"
	"compress/flate"
	"encoding/json"
	"fmt"
	"io"
	"slices"

	"planverk/plan"
)

// The stored forms of a plan version that is no longer the latest (see
// migration 00029): the latest version's content is in the tables, and
// each earlier version keeps either its whole content or, where only
// measures changed on the way to the next version, those measures as they
// were.
const (
	formRows     = ""
	formSnapshot = "snapshot"
	formMeasures = "measures"
)

// snapshotEvery makes every so many versions a snapshot even where a
// measure delta would do, so that reading an old version applies at most
// that many deltas.
const snapshotEvery = 32

// versionForm is what a stored form holds. A snapshot has Format, Orgs
// and Plan; a measure delta has Measures only, and says the rest is the
// next version's.
type versionForm struct {
	Format int `json:"format,omitempty"`
	// Orgs are the keys of the organisation records the version carried,
	// in order; the records themselves are shared and read as they are
	// now, as they are for the latest version.
	Orgs     []string       `json:"orgs,omitempty"`
	Plan     *plan.Plan     `json:"plan,omitempty"`
	Measures []measureDelta `json:"measures,omitempty"`
}

// measureDelta is one measure that differed from the next version: where
// it stood and what it said, or that it was not there.
type measureDelta struct {
	ID string `json:"id"`
	// List is the measure list it stood in: a goal's index in the plan's
	// goals, or the number of goals for the measures not under a goal.
	List    int           `json:"list"`
	Index   int           `json:"index"`
	Measure *plan.Measure `json:"measure,omitempty"`
}

// snapshotOf is a version's whole content.
func snapshotOf(f *plan.File) versionForm {
	orgs := make([]string, len(f.Organisations))
	for i, o := range f.Organisations {
		orgs[i] = o.ID
	}
	p := f.Plan
	return versionForm{Format: f.Format, Orgs: orgs, Plan: &p}
}

// measureLists are a plan's measure lists in the order measureDelta.List
// counts them.
func measureLists(p *plan.Plan) []*[]plan.Measure {
	lists := make([]*[]plan.Measure, 0, len(p.Goals)+1)
	for i := range p.Goals {
		lists = append(lists, &p.Goals[i].Measures)
	}
	return append(lists, &p.Measures)
}

// withoutMeasures is f with no measures, for comparing what else two
// versions say.
func withoutMeasures(f *plan.File) []byte {
	g := *f
	g.Plan.Measures = nil
	g.Plan.Goals = slices.Clone(f.Plan.Goals)
	for i := range g.Plan.Goals {
		g.Plan.Goals[i].Measures = nil
	}
	return encodeJSON(g)
}

// place is where a measure stands and what it says, encoded.
type place struct {
	list, index int
	m           *plan.Measure
	encoded     []byte
}

func placesOf(p *plan.Plan) (map[string]place, bool) {
	out := map[string]place{}
	for l, list := range measureLists(p) {
		for i := range *list {
			m := &(*list)[i]
			if m.ID == "" {
				return nil, false
			}
			if _, dup := out[m.ID]; dup {
				return nil, false
			}
			out[m.ID] = place{list: l, index: i, m: m, encoded: encodeJSON(m)}
		}
	}
	return out, true
}

// measureChanges tells whether next differs from prev in its measures
// only, and if so which measures differ: those added, removed, changed or
// standing elsewhere. A measure without an identity, or a list of
// measures not under a goal that comes or goes, makes it not so: such a
// version is stored whole.
func measureChanges(prev, next *plan.File) (changed []measureDelta, only bool) {
	if len(prev.Plan.Goals) != len(next.Plan.Goals) ||
		(len(prev.Plan.Measures) == 0) != (len(next.Plan.Measures) == 0) {
		return nil, false
	}
	if !bytes.Equal(withoutMeasures(prev), withoutMeasures(next)) {
		return nil, false
	}
	was, ok := placesOf(&prev.Plan)
	if !ok {
		return nil, false
	}
	is, ok := placesOf(&next.Plan)
	if !ok {
		return nil, false
	}
	for id, w := range was {
		n, there := is[id]
		if !there || n.list != w.list || n.index != w.index || !bytes.Equal(n.encoded, w.encoded) {
			changed = append(changed, measureDelta{ID: id, List: w.list, Index: w.index, Measure: w.m})
		}
	}
	for id := range is {
		if _, there := was[id]; !there {
			changed = append(changed, measureDelta{ID: id, List: -1})
		}
	}
	// In the order undo inserts them back: by list, then place.
	slices.SortFunc(changed, func(a, b measureDelta) int {
		if a.List != b.List {
			return a.List - b.List
		}
		if a.Index != b.Index {
			return a.Index - b.Index
		}
		if a.ID < b.ID {
			return -1
		}
		return 1
	})
	return changed, true
}

// undoMeasures turns the next version's plan into the version before it
// by a measure delta: the measures it names leave their lists, and those
// that were there go back where they stood. p is changed in place.
func undoMeasures(p *plan.Plan, deltas []measureDelta) error {
	named := map[string]bool{}
	for _, d := range deltas {
		named[d.ID] = true
	}
	lists := measureLists(p)
	for _, list := range lists {
		*list = slices.DeleteFunc(*list, func(m plan.Measure) bool { return named[m.ID] })
	}
	for _, d := range deltas {
		if d.Measure == nil {
			continue
		}
		if d.List < 0 || d.List >= len(lists) || d.Index > len(*lists[d.List]) {
			return fmt.Errorf("measure %s stood at %d in list %d, which the next version cannot hold", d.ID, d.Index, d.List)
		}
		*lists[d.List] = slices.Insert(*lists[d.List], d.Index, *d.Measure)
	}
	return nil
}

// encodeForm compresses a stored form.
func encodeForm(v versionForm) []byte {
	var buf bytes.Buffer
	zw, err := flate.NewWriter(&buf, flate.BestSpeed)
	if err != nil {
		panic(fmt.Sprintf("sqlstore: flate writer: %v", err))
	}
	if _, err := zw.Write(encodeJSON(v)); err != nil {
		panic(fmt.Sprintf("sqlstore: compressing a version: %v", err))
	}
	if err := zw.Close(); err != nil {
		panic(fmt.Sprintf("sqlstore: compressing a version: %v", err))
	}
	return buf.Bytes()
}

// decodeForm reads a stored form back.
func decodeForm(b []byte) (versionForm, error) {
	var v versionForm
	raw, err := io.ReadAll(flate.NewReader(bytes.NewReader(b)))
	if err != nil {
		return v, fmt.Errorf("decompress stored version: %w", err)
	}
	if err := json.Unmarshal(raw, &v); err != nil {
		return v, fmt.Errorf("decode stored version: %w", err)
	}
	return v, nil
}

// encodeJSON encodes what planverk's own types hold, which cannot fail.
func encodeJSON(v any) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		panic(fmt.Sprintf("sqlstore: encoding %T: %v", v, err))
	}
	return buf.Bytes()
}
