package assessment

import (
	"math"
	"time"
)

// Assessment is a programme's status assessment of one year: the set it
// was started on (kept whole, so that a later set changes none of its
// scores), the team's score and comment per indicator, the team, and its
// improvement proposals.
type Assessment struct {
	ProgrammeID string
	Year        int
	// SetSource is the indicator-set document the assessment scores by.
	SetSource []byte
	// Scores is the score and comment by indicator key.
	Scores    map[string]Score
	Team      []Member
	Proposals []Proposal
	// Version counts the saves, for the API's ETag; UpdatedBy and
	// UpdatedAt say who saved last and when.
	Version       int64
	UpdatedBy     int64
	UpdatedByName string
	UpdatedAt     time.Time
}

// Score is the team's score of an indicator (0: not scored) and its
// comment.
type Score struct {
	Value   int    `json:"score,omitempty"`
	Comment string `json:"comment,omitempty"`
}

// Member is one of the assessment team, in a role of the set.
type Member struct {
	Name string `json:"name"`
	Role string `json:"role"`
}

// Proposal is an improvement proposal, tied to a measure (by its lasting
// identity, plan.Measure.ID) or to none. TakenUp is set when next year's
// plan is revised: the proposal was taken up there, in the measure
// TakenUpIn (empty: in the plan as a whole).
type Proposal struct {
	Text      string `json:"text"`
	Measure   string `json:"measure,omitempty"`
	TakenUp   bool   `json:"taken_up"`
	TakenUpIn string `json:"taken_up_in,omitempty"`
}

// Start begins an assessment of a programme's year on a set, given as the
// document it was read from.
func Start(programmeID string, year int, source []byte) Assessment {
	return Assessment{ProgrammeID: programmeID, Year: year, SetSource: append([]byte(nil), source...),
		Scores: map[string]Score{}}
}

// Set returns the set the assessment scores by.
func (a *Assessment) Set() (*Set, error) { return ParseSet(a.SetSource) }

// ProgrammeYear is which of a programme's years a calendar year is, the
// first year of its period being 1; a programme with no period starting
// is in its first year.
func ProgrammeYear(periodFrom, year int) int {
	if periodFrom == 0 || year < periodFrom {
		return 1
	}
	return year - periodFrom + 1
}

// Result is an assessment computed: per dimension the mean score, its
// weight in the programme year and the weighted score, and overall the sum
// of the weighted scores.
type Result struct {
	ProgrammeYear int
	Dimensions    []DimensionResult
	// Overall is the weighted total, on the set's scale; Complete is false
	// (and Overall 0) until every dimension has a score.
	Overall  float64
	Complete bool
}

// DimensionResult is one dimension of a result.
type DimensionResult struct {
	Dimension
	// Scored counts the indicators scored; Mean is their mean score, 0
	// where none is.
	Scored int
	Mean   float64
	// Weight is the dimension's weight in per cent; Weighted is Mean ×
	// Weight / 100.
	Weight   int
	Weighted float64
}

// Compute works out an assessment's result in a programme year by its set.
// A score outside the scale counts as not scored (the store refuses to
// keep one).
func Compute(s *Set, scores map[string]Score, programmeYear int) Result {
	res := Result{ProgrammeYear: programmeYear, Complete: true}
	weights := s.WeightIn(programmeYear)
	for _, d := range s.Dimensions {
		dr := DimensionResult{Dimension: d, Weight: weights[d.Key]}
		sum := 0
		for _, ind := range d.Indicators {
			v := scores[ind.Key].Value
			if v < s.Scale.Min || v > s.Scale.Max {
				continue
			}
			dr.Scored++
			sum += v
		}
		if dr.Scored > 0 {
			dr.Mean = float64(sum) / float64(dr.Scored)
			dr.Weighted = dr.Mean * float64(dr.Weight) / 100
			res.Overall += dr.Weighted
		} else {
			res.Complete = false
		}
		res.Dimensions = append(res.Dimensions, dr)
	}
	if !res.Complete {
		res.Overall = 0
	}
	return res
}

// Hundredths is a figure rounded to hundredths, as a whole number, for
// keeping a total where a float would not compare.
func Hundredths(f float64) int64 { return int64(math.Round(f * 100)) }

// Problem is what is wrong with an assessment to be saved: the indicator,
// member or proposal it is about (Key, or Index from 0) and what.
type Problem struct {
	// Kind is "score", "role", "member" or "proposal".
	Kind  string
	Key   string
	Index int
	Value int
}

// Check finds what the set refuses of an assessment: a score outside the
// scale or of an indicator not in the set, a member with no name or a role
// not in the set, a proposal with no text.
func Check(s *Set, a Assessment) []Problem {
	var out []Problem
	for _, ind := range s.Indicators() {
		if v := a.Scores[ind.Key].Value; v != 0 && (v < s.Scale.Min || v > s.Scale.Max) {
			out = append(out, Problem{Kind: "score", Key: ind.Key, Value: v})
		}
	}
	for k := range a.Scores {
		if _, ok := s.Indicator(k); !ok {
			out = append(out, Problem{Kind: "indicator", Key: k})
		}
	}
	for i, m := range a.Team {
		if _, ok := s.Role(m.Role); !ok {
			out = append(out, Problem{Kind: "role", Index: i, Key: m.Role})
		}
		if m.Name == "" {
			out = append(out, Problem{Kind: "member", Index: i})
		}
	}
	for i, p := range a.Proposals {
		if p.Text == "" {
			out = append(out, Problem{Kind: "proposal", Index: i})
		}
	}
	return out
}
