package plan

import (
	"bytes"
	"encoding/json"
	"reflect"
	"slices"
	"strings"
)

// Revision is what a plan says about how it revises the approved plan
// before it. planverk works out from the two plans which measures are new,
// changed, ended or continued (see Revise); the plan holds what only a
// person can say: why a measure changed, what an ended one achieved, what
// kind of new measure a new one is.
type Revision struct {
	// Base is the approved plan this one revises.
	Base *RevisionBase `yaml:"base,omitempty" json:"base,omitempty"`
	// Measures are the dispositions people wrote, by measure ID.
	Measures []Disposition `yaml:"measures,omitempty" json:"measures,omitempty"`
}

// RevisionBase names a released plan: its year and its release number.
type RevisionBase struct {
	Year    int `yaml:"year" json:"year"`
	Release int `yaml:"release" json:"release"`
}

// NewKind is what kind of new measure a measure is, as the ministry asks
// the yearly revision to say.
type NewKind string

// The kinds of new measure.
const (
	NewWithStateMoney    NewKind = "with-state-money"
	NewWithoutStateMoney NewKind = "without-state-money"
	// NewRelated is "another relevant measure, to be seen together with
	// these".
	NewRelated NewKind = "related"
)

// NewKinds lists the kinds of new measure.
var NewKinds = []NewKind{NewWithStateMoney, NewWithoutStateMoney, NewRelated}

// Disposition is what a person says about one measure in the revision.
type Disposition struct {
	// Measure is the measure's lasting ID.
	Measure string `yaml:"measure" json:"measure"`
	// New is the kind of a new measure.
	New NewKind `yaml:"new,omitempty" json:"new,omitempty"`
	// Amount is the state money a new measure is planned to get, where
	// the plan says so.
	Amount *Amount `yaml:"amount,omitempty" json:"amount,omitempty"`
	// Reason says why a changed measure changed.
	Reason Markdown `yaml:"reason,omitempty" json:"reason,omitempty"`
	// Assessment says, in short, what an ended measure achieved.
	Assessment Markdown `yaml:"assessment,omitempty" json:"assessment,omitempty"`
}

// Disposition returns what the plan's revision says about a measure.
func (r *Revision) Disposition(measure string) Disposition {
	if r != nil {
		for _, d := range r.Measures {
			if d.Measure == measure {
				return d
			}
		}
	}
	return Disposition{Measure: measure}
}

// SetDisposition stores what a person says about a measure, dropping the
// entry when it says nothing.
func (p *Plan) SetDisposition(d Disposition) {
	if p.Revision == nil {
		p.Revision = &Revision{}
	}
	ms := p.Revision.Measures
	i := slices.IndexFunc(ms, func(x Disposition) bool { return x.Measure == d.Measure })
	empty := d.New == "" && d.Amount == nil && d.Reason == "" && d.Assessment == ""
	switch {
	case i >= 0 && empty:
		ms = slices.Delete(ms, i, i+1)
	case i >= 0:
		ms[i] = d
	case !empty:
		ms = append(ms, d)
	}
	p.Revision.Measures = ms
}

// DispositionKind is how the revision classes a measure.
type DispositionKind string

// The dispositions.
const (
	DispositionNew       DispositionKind = "new"
	DispositionChanged   DispositionKind = "changed"
	DispositionEnded     DispositionKind = "ended"
	DispositionContinued DispositionKind = "continued"
)

// MeasureRevision is one measure's place in a revision.
type MeasureRevision struct {
	ID   string
	Kind DispositionKind
	// Before and After are the measure in the plan revised and in this
	// plan; Before is nil for a new measure, After for one that was
	// taken out. GoalBefore and GoalAfter are their goals' numbers.
	Before, After         *Measure
	GoalBefore, GoalAfter int
	// Fields lists what changed in a changed measure, as plan-file field
	// names: "title", "time_frame", "goal", "leads", "sections"…
	Fields []string
	// Disposition is what people wrote about it.
	Disposition Disposition
}

// Ended reports whether a measure's status means it is over.
func (m *Measure) Ended() bool { return m.Status == MeasureEnded || m.Status == MeasureCompleted }

// Revise classes every measure of draft against base, the approved plan it
// revises: new (an ID base does not have), ended (taken out, or ended or
// completed in draft while base had it running), changed (a field a reader
// of the plan would see differs: not its number or its progress) or
// continued. It lists them in draft's order, then the measures taken out in
// base's order. A measure base had ended already is not listed when draft
// leaves it out.
func Revise(base, draft *File) []MeasureRevision {
	type at struct {
		m    *Measure
		goal int
	}
	before := map[string]at{}
	var order []string
	// A measure under no goal has goal number 0, as one under a goal named
	// by its label only.
	goalNumber := func(g *Goal) int {
		if g == nil {
			return 0
		}
		return g.Number
	}
	base.Plan.EachMeasure(func(g *Goal, m *Measure) {
		before[m.ID] = at{m, goalNumber(g)}
		order = append(order, m.ID)
	})
	var out []MeasureRevision
	seen := map[string]bool{}
	draft.Plan.EachMeasure(func(g *Goal, m *Measure) {
		seen[m.ID] = true
		r := MeasureRevision{ID: m.ID, After: m, GoalAfter: goalNumber(g),
			Disposition: draft.Plan.Revision.Disposition(m.ID)}
		b, ok := before[m.ID]
		switch {
		case !ok:
			r.Kind = DispositionNew
		case m.Ended() && !b.m.Ended():
			r.Kind, r.Before, r.GoalBefore = DispositionEnded, b.m, b.goal
		default:
			r.Before, r.GoalBefore = b.m, b.goal
			r.Fields = changedFields(b.m, m)
			if b.goal != goalNumber(g) {
				r.Fields = append([]string{"goal"}, r.Fields...)
			}
			r.Kind = DispositionContinued
			if len(r.Fields) > 0 {
				r.Kind = DispositionChanged
			}
		}
		out = append(out, r)
	})
	for _, id := range order {
		b := before[id]
		if seen[id] || b.m.Ended() {
			continue
		}
		out = append(out, MeasureRevision{ID: id, Kind: DispositionEnded, Before: b.m, GoalBefore: b.goal,
			Disposition: draft.Plan.Revision.Disposition(id)})
	}
	return out
}

// changedFields lists the plan-file fields in which two versions of a
// measure differ, leaving out its number (renumbering is no change) and its
// status (progress is followed up, not revised).
func changedFields(a, b *Measure) []string {
	x, y := fieldsOf(a), fieldsOf(b)
	var out []string
	for _, k := range measureFieldOrder {
		if k == "id" || k == "number" || k == "status" {
			continue
		}
		if !bytes.Equal(x[k], y[k]) {
			out = append(out, k)
		}
	}
	return out
}

// measureFieldOrder is the order of Measure's fields in the plan file.
var measureFieldOrder = jsonFieldNames[Measure]()

func fieldsOf(m *Measure) map[string]json.RawMessage {
	b, err := json.Marshal(m)
	if err != nil {
		panic("plan: encoding a measure: " + err.Error())
	}
	out := map[string]json.RawMessage{}
	if err := json.Unmarshal(b, &out); err != nil {
		panic("plan: decoding a measure: " + err.Error())
	}
	return out
}

// jsonFieldNames lists a struct type's JSON field names in order.
func jsonFieldNames[T any]() []string {
	t := reflect.TypeFor[T]()
	var out []string
	for i := range t.NumField() {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		if name != "" && name != "-" {
			out = append(out, name)
		}
	}
	return out
}
