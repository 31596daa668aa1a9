package web

import (
	"html/template"
	"strconv"
	"strings"

	"planverk/assessment"
	"planverk/chart"
	"planverk/i18n"
	"planverk/plan"
)

// assessmentView is a programme's assessment of a year as its page shows
// it: every indicator's score and comment under its dimension, each
// dimension's mean, weight and weighted score, the weighted total, the
// team and the proposals, with the charts of the same figures.
type assessmentView struct {
	Programme plan.Programme
	Year      int
	Started   bool
	Stored    assessment.Assessment
	Set       *assessment.Set
	// ProgrammeYear is which of the programme's years it is (1 the first).
	ProgrammeYear int
	Low, High     string
	Dimensions    []assessmentDimension
	// Overall is the weighted total in words; Complete is false while a
	// dimension has no score.
	Overall   string
	Complete  bool
	Team      []assessmentMember
	Proposals []assessmentProposal
	// Lang is the language of the plan's measure titles.
	Lang        plan.Language
	ScoreChart  template.HTML
	WeightChart template.HTML
	CanEdit     bool
	Saved       bool
}

type assessmentDimension struct {
	Key, Name  string
	Indicators []assessmentIndicator
	Scored     int
	Mean       string
	Weight     int
	Weighted   string
}

type assessmentIndicator struct {
	Key, Name string
	// Score is 0 where the team gave none.
	Score   int
	Comment string
}

type assessmentMember struct{ Name, Role string }

type assessmentProposal struct {
	Text string
	// Measure names the measure it is tied to, "" for none; TakenUpIn the
	// measure it was taken up in.
	Measure   string
	TakenUp   bool
	TakenUpIn string
}

// decimal2 writes a figure with two decimals, with the decimal comma in
// Norwegian.
func decimal2(lang string, f float64) string {
	s := strconv.FormatFloat(f, 'f', 2, 64)
	if lang != "en" {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

func newAssessmentView(p plan.Programme, a assessment.Assessment, started bool, set *assessment.Set,
	choices []measureChoice, planLang plan.Language, lang i18n.Lang) *assessmentView {
	l := string(lang)
	py := assessment.ProgrammeYear(p.Period.From, a.Year)
	res := assessment.Compute(set, a.Scores, py)
	v := &assessmentView{Programme: p, Year: a.Year, Started: started, Stored: a, Set: set, ProgrammeYear: py,
		Low: set.Scale.Low.In(l), High: set.Scale.High.In(l), Complete: res.Complete, Lang: planLang}
	if res.Complete {
		v.Overall = decimal2(l, res.Overall)
	}
	t := func(id string, args map[string]any) string { return i18n.T(lang, id, args) }
	var scoreRows, weightRows []chart.Row
	for _, d := range res.Dimensions {
		dv := assessmentDimension{Key: d.Key, Name: d.Name.In(l), Scored: d.Scored, Weight: d.Weight}
		if d.Scored > 0 {
			dv.Mean, dv.Weighted = decimal2(l, d.Mean), decimal2(l, d.Weighted)
			weightRows = append(weightRows, chart.Row{Label: dv.Name,
				Values: []*int64{chart.Value(assessment.Hundredths(d.Mean)), chart.Value(assessment.Hundredths(d.Weighted))}})
		} else {
			weightRows = append(weightRows, chart.Row{Label: dv.Name, Values: []*int64{nil, nil}})
		}
		for _, ind := range d.Indicators {
			sc := a.Scores[ind.Key]
			iv := assessmentIndicator{Key: ind.Key, Name: ind.Name.In(l), Score: sc.Value, Comment: sc.Comment}
			dv.Indicators = append(dv.Indicators, iv)
			row := chart.Row{Label: iv.Name, Values: []*int64{nil}}
			if sc.Value != 0 {
				row.Values[0] = chart.Value(int64(sc.Value))
			}
			scoreRows = append(scoreRows, row)
		}
		v.Dimensions = append(v.Dimensions, dv)
	}
	if res.Complete {
		weightRows = append(weightRows, chart.Row{Label: t("assessment.overall", nil),
			Values: []*int64{nil, chart.Value(assessment.Hundredths(res.Overall))}})
	}
	v.ScoreChart = chart.Bars{ID: "chart-scores", Title: t("assessment.scores-chart", map[string]any{"Year": a.Year}),
		Desc:   t("assessment.scores-chart-desc", map[string]any{"Min": set.Scale.Min, "Max": set.Scale.Max}),
		Series: []string{t("assessment.score", nil)}, Rows: scoreRows}.SVG()
	v.WeightChart = chart.Bars{ID: "chart-weights", Title: t("assessment.weights-chart", map[string]any{"Year": a.Year}),
		Desc:   t("assessment.weights-chart-desc", nil),
		Series: []string{t("assessment.mean", nil), t("assessment.weighted", nil)}, Rows: weightRows,
		Format: func(h int64) string { return decimal2(l, float64(h)/100) }}.SVG()
	for _, m := range a.Team {
		role := m.Role
		if r, ok := set.Role(m.Role); ok {
			role = r.Name.In(l)
		}
		v.Team = append(v.Team, assessmentMember{Name: m.Name, Role: role})
	}
	for _, pr := range a.Proposals {
		pv := assessmentProposal{Text: pr.Text, TakenUp: pr.TakenUp}
		if pr.Measure != "" {
			pv.Measure = measureLabel(choices, pr.Measure)
		}
		if pr.TakenUp && pr.TakenUpIn != "" {
			pv.TakenUpIn = measureLabel(choices, pr.TakenUpIn)
		}
		v.Proposals = append(v.Proposals, pv)
	}
	return v
}
