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
	for _, g := range f.Plan.Goals {
		for _, m := range g.Measures {
			if m.ID != "" {
				used[m.ID] = true
			}
		}
	}
	bySlot := map[[2]int]string{}
	byTitle := map[string]string{}
	sameYear := prev != nil && prev.Plan.Year == f.Plan.Year
	if prev != nil {
		for _, g := range prev.Plan.Goals {
			for _, m := range g.Measures {
				if m.ID == "" {
					continue
				}
				bySlot[[2]int{g.Number, m.Number}] = m.ID
				byTitle[titleKey(m.Title)] = m.ID
			}
		}
	}
	for gi := range f.Plan.Goals {
		g := &f.Plan.Goals[gi]
		for mi := range g.Measures {
			m := &g.Measures[mi]
			if m.ID != "" {
				continue
			}
			var id string
			if sameYear {
				id = bySlot[[2]int{g.Number, m.Number}]
			} else if prev != nil {
				id = byTitle[titleKey(m.Title)]
			}
			if id == "" || used[id] {
				// A positional ID that prev gave another measure would
				// make this one that measure.
				id = fmt.Sprintf("%d-%d-%d", f.Plan.Year, g.Number, m.Number)
				if used[id] || prev != nil && usedIn(prev, id) {
					id = NewMeasureID()
				}
			}
			m.ID = id
			used[id] = true
		}
	}
}

// usedIn reports whether a measure of f has the ID.
func usedIn(f *File, id string) bool {
	for _, g := range f.Plan.Goals {
		for _, m := range g.Measures {
			if m.ID == id {
				return true
			}
		}
	}
	return false
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

// FindMeasureByID returns the goal and measure with the ID, or nils.
func (p *Plan) FindMeasureByID(id string) (*Goal, *Measure) {
	for gi := range p.Goals {
		g := &p.Goals[gi]
		for mi := range g.Measures {
			if g.Measures[mi].ID == id {
				return g, &g.Measures[mi]
			}
		}
	}
	return nil, nil
}
