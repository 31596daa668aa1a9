package web

import (
	"context"
	"fmt"
	"net/http"
	"slices"

	"planverk/auth"
	"planverk/capacity"
	"planverk/plan"
	"planverk/store"
)

// capacityShow shows a programme's development-capacity results: for each
// round, per indicator and dimension, for all respondents and per group,
// with the change from the year before, and every year side by side. A
// cell resting on fewer than capacity.MinRespondents answers shows no
// figure, only that too few have answered. Members see every round;
// everybody else the rounds the programme opened to the public, and
// nothing where there are none.
func (s *Server) capacityShow(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("programme")
	member := can(r, auth.ViewDraft, auth.Resource{Programme: id})
	rounds, err := s.store.SurveyRounds(r.Context(), id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if !member {
		rounds = slices.DeleteFunc(rounds, func(rd store.SurveyRound) bool { return !rd.PublicResults })
		if len(rounds) == 0 {
			s.fail(w, r, plan.Errorf(plan.ENotFound, "programme %q has no public survey results", id))
			return
		}
	}
	p, err := s.programmeNamed(r, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	lang := string(language(r))
	v := capacityResultsView{Programme: p, Min: capacity.MinRespondents, CanRun: canRunSurvey(r, id)}
	results, err := s.roundResults(r.Context(), id, rounds)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	for i, res := range results {
		var before *roundResult
		if i+1 < len(results) {
			before = &results[i+1]
		}
		v.Rounds = append(v.Rounds, newCapacityRoundView(lang, res, before, member))
	}
	v.Years = newCapacityYears(lang, results)
	s.render(w, r, http.StatusOK, "capacity", &view{Title: i18nTitle(r, "capacity.results.title", "Programme", p.Name), Data: v})
}

// roundResults computes the results of a programme's rounds, in their
// order (newest first).
func (s *Server) roundResults(ctx context.Context, programmeID string, rounds []store.SurveyRound) ([]roundResult, error) {
	var results []roundResult
	for _, rd := range rounds {
		set, err := rd.Set()
		if err != nil {
			return nil, fmt.Errorf("survey %s %d: %w", programmeID, rd.Year, err)
		}
		answers, err := s.store.SurveyAnswers(ctx, programmeID, rd.Year)
		if err != nil {
			return nil, err
		}
		results = append(results, roundResult{round: rd, set: set, answers: answers,
			result: capacity.Summarise(set, len(rd.Groups), answers)})
	}
	return results, nil
}

// roundResult is a round with its set, answers and results.
type roundResult struct {
	round   store.SurveyRound
	set     *capacity.Set
	answers []capacity.Answer
	result  capacity.Result
}

type capacityResultsView struct {
	Programme plan.Programme
	Min       int
	CanRun    bool
	Rounds    []capacityRoundView
	Years     capacityYearsView
}

// capacityRoundView is one round's table: a row per dimension and
// indicator, a column for all respondents and one per group.
type capacityRoundView struct {
	Year       int
	Open       bool
	Groups     []string
	Rows       []capacityRow
	Respondent []capacityCell
	// Before is the year the change is reckoned from; 0 for none.
	Before   int
	Comments []capacityComments
}

type capacityRow struct {
	Name      string
	Dimension bool
	Cells     []capacityCell
	// Trend is the change from the year before, "" where it cannot be
	// shown.
	Trend string
}

// capacityCell is a result as shown: Shown false says too few answered,
// and then nothing else is set.
type capacityCell struct {
	Shown bool
	Mean  string
	N     int
	// Withheld says that the cell has enough answers but is hidden so
	// that a smaller group's cannot be worked out.
	Withheld bool
}

type capacityComments struct {
	Group    string
	Comments []string
}

func cellView(lang string, c capacity.Cell) capacityCell {
	if !c.Shown() {
		return capacityCell{Withheld: c.Withheld}
	}
	return capacityCell{Shown: true, Mean: decimal(lang, c.Mean), N: c.N}
}

func newCapacityRoundView(lang string, res roundResult, before *roundResult, member bool) capacityRoundView {
	v := capacityRoundView{Year: res.round.Year, Open: res.round.Open, Groups: surveyGroupNames(res.round)}
	if before != nil {
		v.Before = before.round.Year
	}
	breakdowns := append([]capacity.Breakdown{res.result.All}, res.result.Groups...)
	for _, b := range breakdowns {
		c := cellView(lang, b.Respondents)
		c.Mean = ""
		v.Respondent = append(v.Respondent, c)
	}
	row := func(name string, dimension bool, cell func(capacity.Breakdown) capacity.Cell) {
		r := capacityRow{Name: name, Dimension: dimension}
		for _, b := range breakdowns {
			r.Cells = append(r.Cells, cellView(lang, cell(b)))
		}
		if before != nil {
			if d, ok := capacity.Trend(cell(res.result.All), cell(before.result.All)); ok {
				r.Trend = signed(lang, d)
			}
		}
		v.Rows = append(v.Rows, r)
	}
	for _, d := range res.set.Dimensions {
		row(d.Name.In(lang), true, func(b capacity.Breakdown) capacity.Cell { return b.Dimensions[d.Key] })
		for _, ind := range d.Indicators {
			row(ind.Name.In(lang), false, func(b capacity.Breakdown) capacity.Cell { return b.Indicators[ind.Key] })
		}
	}
	if member {
		// What respondents wrote is for the programme, and only from a
		// group large enough that no comment points at its writer.
		for g, name := range v.Groups {
			if cs := capacity.Comments(res.answers, g); len(cs) > 0 {
				v.Comments = append(v.Comments, capacityComments{Group: name, Comments: cs})
			}
		}
	}
	return v
}

// capacityYearsView sets the years side by side, oldest first, by the
// indicators of the newest round.
type capacityYearsView struct {
	Years []int
	Rows  []capacityRow
}

func newCapacityYears(lang string, results []roundResult) capacityYearsView {
	var v capacityYearsView
	if len(results) == 0 {
		return v
	}
	for i := len(results) - 1; i >= 0; i-- {
		v.Years = append(v.Years, results[i].round.Year)
	}
	row := func(name string, dimension bool, cell func(capacity.Breakdown) capacity.Cell) {
		r := capacityRow{Name: name, Dimension: dimension}
		for i := len(results) - 1; i >= 0; i-- {
			r.Cells = append(r.Cells, cellView(lang, cell(results[i].result.All)))
		}
		v.Rows = append(v.Rows, r)
	}
	for _, d := range results[0].set.Dimensions {
		row(d.Name.In(lang), true, func(b capacity.Breakdown) capacity.Cell { return b.Dimensions[d.Key] })
		for _, ind := range d.Indicators {
			row(ind.Name.In(lang), false, func(b capacity.Breakdown) capacity.Cell { return b.Indicators[ind.Key] })
		}
	}
	return v
}
