package plan

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"strings"
)

// AssignMeasureIDs gives every measure of f that has no ID one, so that each
// stored measure keeps its identity from version to version and from year
// to year. prev is the version f replaces (nil for none); where f is another
// year's plan than prev, prev is the plan before it.
//
// A measure without an ID takes the ID of prev's measure that it most likely
// is, if f does not already use that ID:
//   - in the same year, the measure at the same goal and number, since a
//     form or a plan file that leaves IDs out names a measure by its place;
//   - in an earlier year, the measure with the same title, since numbers
//     change from year to year while the title is what people recognise.
//
// Any other measure gets a new ID: "YEAR-GOAL-NUMBER" where that is free,
// so that a plan imported from a file gets the same IDs in every database,
// and otherwise a random one.
func AssignMeasureIDs(f, prev *File) {
	used := map[string]bool{}
	f.Plan.EachMeasure(func(_ *Goal, m *Measure) {
		if m.ID != "" {
			used[m.ID] = true
		}
	})
	bySlot := map[[2]int]string{}
	byTitle := map[string]string{}
	sameYear := prev != nil && prev.Plan.Year == f.Plan.Year
	// A measure's place is its goal's and its own number; a measure under
	// no goal, or named by a label only, has no place worth keeping.
	slot := func(g *Goal, m *Measure) ([2]int, bool) {
		if g == nil || g.Number == 0 || m.Number == 0 {
			return [2]int{}, false
		}
		return [2]int{g.Number, m.Number}, true
	}
	if prev != nil {
		prev.Plan.EachMeasure(func(g *Goal, m *Measure) {
			if m.ID == "" {
				return
			}
			if s, ok := slot(g, m); ok {
				bySlot[s] = m.ID
			}
			byTitle[titleKey(m.Title)] = m.ID
		})
	}
	f.Plan.EachMeasure(func(g *Goal, m *Measure) {
		if m.ID != "" {
			return
		}
		var id string
		if s, ok := slot(g, m); ok && sameYear {
			id = bySlot[s]
		} else if prev != nil {
			id = byTitle[titleKey(m.Title)]
		}
		if id == "" || used[id] {
			// A positional ID that prev gave another measure would
			// make this one that measure.
			id = ""
			if s, ok := slot(g, m); ok {
				id = fmt.Sprintf("%d-%d-%d", f.Plan.Year, s[0], s[1])
			}
			if id == "" || used[id] || prev != nil && usedIn(prev, id) {
				id = NewMeasureID()
			}
		}
		m.ID = id
		used[id] = true
	})
}

// EachMeasure calls fn with every measure of the plan and its goal, in
// order: the goals' measures, then those not placed under a goal (with a
// nil goal).
func (p *Plan) EachMeasure(fn func(g *Goal, m *Measure)) {
	for gi := range p.Goals {
		g := &p.Goals[gi]
		for mi := range g.Measures {
			fn(g, &g.Measures[mi])
		}
	}
	for mi := range p.Measures {
		fn(nil, &p.Measures[mi])
	}
}

// usedIn reports whether a measure of f has the ID.
func usedIn(f *File, id string) bool {
	found := false
	f.Plan.EachMeasure(func(_ *Goal, m *Measure) { found = found || m.ID == id })
	return found
}

func titleKey(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// NewMeasureID returns a fresh random measure ID, for a measure made in the
// browser or through the API.
func NewMeasureID() string {
	b := make([]byte, 5)
	if _, err := rand.Read(b); err != nil {
		panic(fmt.Sprintf("plan: no randomness for a measure ID: %v", err))
	}
	return "m-" + hex.EncodeToString(b)
}

// FindMeasureByID returns the goal and measure with the ID, or nils. A
// measure not placed under a goal comes with a nil goal.
func (p *Plan) FindMeasureByID(id string) (*Goal, *Measure) {
	var goal *Goal
	var found *Measure
	p.EachMeasure(func(g *Goal, m *Measure) {
		if found == nil && m.ID == id {
			goal, found = g, m
		}
	})
	return goal, found
}
