package capacity

import "slices"

// MinRespondents is the fewest respondents a result may rest on. A mean or
// a count of fewer could point at the few who answered, so below it no
// figure is shown at all, not even how many answered.
const MinRespondents = 5

// Cell is one result: how many respondents it rests on and their mean.
type Cell struct {
	N    int
	Mean float64
	// Withheld hides a cell that rests on enough respondents but would,
	// with the total beside it, give away a group's hidden one.
	Withheld bool
}

// Shown reports whether the cell may be shown: it rests on enough
// respondents and is not withheld.
func (c Cell) Shown() bool { return c.N >= MinRespondents && !c.Withheld }

// cellOf is the cell of a list of values.
func cellOf(values []float64) Cell {
	if len(values) == 0 {
		return Cell{}
	}
	var sum float64
	for _, v := range values {
		sum += v
	}
	return Cell{N: len(values), Mean: sum / float64(len(values))}
}

// Answer is a stored response with the respondent group it came through
// (its position among the round's groups).
type Answer struct {
	Group int
	Response
}

// Result is a round's results: for the whole round and for each group,
// per indicator and per dimension, by key.
type Result struct {
	All    Breakdown
	Groups []Breakdown
}

// Breakdown is the results of one set of respondents.
type Breakdown struct {
	// Respondents counts the answers; like every cell it is shown only
	// from MinRespondents.
	Respondents Cell
	Indicators  map[string]Cell
	Dimensions  map[string]Cell
}

// Summarise computes a round's results from its answers. A dimension's
// cell is the mean, over the respondents who scored any of its
// indicators, of each one's mean score there, so that every respondent
// weighs the same.
func Summarise(s *Set, groups int, answers []Answer) Result {
	all := breakdown(s, answers)
	res := Result{All: all}
	for g := range groups {
		var in []Answer
		for _, a := range answers {
			if a.Group == g {
				in = append(in, a)
			}
		}
		res.Groups = append(res.Groups, breakdown(s, in))
	}
	withhold(res.Groups, func(b *Breakdown) Cell { return b.Respondents }, func(b *Breakdown, c Cell) { b.Respondents = c })
	for _, d := range s.Dimensions {
		withhold(res.Groups, func(b *Breakdown) Cell { return b.Dimensions[d.Key] }, func(b *Breakdown, c Cell) { b.Dimensions[d.Key] = c })
		for _, ind := range d.Indicators {
			withhold(res.Groups, func(b *Breakdown) Cell { return b.Indicators[ind.Key] }, func(b *Breakdown, c Cell) { b.Indicators[ind.Key] = c })
		}
	}
	return res
}

// withhold keeps the groups' hidden cells from being worked out from the
// others: where the groups not shown have between them a few answers (1 to
// MinRespondents-1) and others are shown, the total minus the shown groups
// would be the hidden groups' result. Then the smallest shown group is
// withheld as well, so that what can be worked out rests on enough
// respondents.
func withhold(groups []Breakdown, get func(*Breakdown) Cell, put func(*Breakdown, Cell)) {
	hidden, smallest := 0, -1
	for i := range groups {
		c := get(&groups[i])
		switch {
		case !c.Shown():
			hidden += c.N
		case smallest < 0 || c.N < get(&groups[smallest]).N:
			smallest = i
		}
	}
	if hidden == 0 || hidden >= MinRespondents || smallest < 0 {
		return
	}
	c := get(&groups[smallest])
	c.Withheld = true
	put(&groups[smallest], c)
}

func breakdown(s *Set, answers []Answer) Breakdown {
	b := Breakdown{Respondents: Cell{N: len(answers)}, Indicators: map[string]Cell{}, Dimensions: map[string]Cell{}}
	for _, d := range s.Dimensions {
		var dim []float64
		for _, a := range answers {
			var sum, n float64
			for _, ind := range d.Indicators {
				if v, ok := a.Scores[ind.Key]; ok {
					sum += float64(v)
					n++
				}
			}
			if n > 0 {
				dim = append(dim, sum/n)
			}
		}
		b.Dimensions[d.Key] = cellOf(dim)
		for _, ind := range d.Indicators {
			var vals []float64
			for _, a := range answers {
				if v, ok := a.Scores[ind.Key]; ok {
					vals = append(vals, float64(v))
				}
			}
			b.Indicators[ind.Key] = cellOf(vals)
		}
	}
	return b
}

// Trend is the change of a cell from an earlier year's: ok only where both
// are shown.
func Trend(now, before Cell) (float64, bool) {
	if !now.Shown() || !before.Shown() {
		return 0, false
	}
	return now.Mean - before.Mean, true
}

// Comments lists the comments of a group's answers, sorted so that their
// order says nothing of when each was given; none where the group has
// fewer than MinRespondents answers.
func Comments(answers []Answer, group int) []string {
	var n int
	var out []string
	for _, a := range answers {
		if a.Group != group {
			continue
		}
		n++
		if a.Comment != "" {
			out = append(out, a.Comment)
		}
	}
	if n < MinRespondents {
		return nil
	}
	slices.Sort(out)
	return out
}
