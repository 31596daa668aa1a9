package web

import (
	"fmt"
	"time"

	"planverk/assessment"
	"planverk/plan"
)

// The programme status assessment in the API: what its page shows, as
// data. Indicators, dimensions and roles are named by the keys of the
// indicator set the assessment was started on, with their names in the
// language asked for; proposals name measures by their lasting IDs.

// apiAssessment is one year's assessment.
type apiAssessment struct {
	ProgrammeID string `json:"programme_id"`
	Year        int    `json:"year"`
	// ProgrammeYear is which of the programme's years it is, 1 the first:
	// it decides the weights.
	ProgrammeYear int    `json:"programme_year"`
	SetName       string `json:"set_name"`
	SetVersion    string `json:"set_version"`
	ScaleMin      int    `json:"scale_min"`
	ScaleMax      int    `json:"scale_max"`
	// Dimensions are the set's dimensions with their indicators' scores
	// and the computed mean, weight and weighted score.
	Dimensions []apiAssessmentDimension `json:"dimensions"`
	// Overall is the weighted total; absent while a dimension has no
	// score.
	Overall   *float64              `json:"overall,omitempty"`
	Team      []assessment.Member   `json:"team"`
	Proposals []assessment.Proposal `json:"proposals"`
	Version   int64                 `json:"version"`
	UpdatedAt time.Time             `json:"updated_at"`
	UpdatedBy string                `json:"updated_by,omitempty"`
	URL       string                `json:"url"`
}

type apiAssessmentDimension struct {
	Key        string                   `json:"key"`
	Name       string                   `json:"name"`
	Indicators []apiAssessmentIndicator `json:"indicators"`
	Scored     int                      `json:"scored"`
	Mean       *float64                 `json:"mean,omitempty"`
	Weight     int                      `json:"weight"`
	Weighted   *float64                 `json:"weighted,omitempty"`
}

type apiAssessmentIndicator struct {
	Key     string `json:"key"`
	Name    string `json:"name"`
	Score   int    `json:"score,omitempty"`
	Comment string `json:"comment,omitempty"`
}

// apiAssessmentWrite is what a client sends to write an assessment: every
// indicator's score (0 or absent: none) and comment by key, the team and
// the proposals, whole. A proposal's taken_up and taken_up_in are set on
// next year's plan and are ignored here.
type apiAssessmentWrite struct {
	Scores    map[string]assessment.Score `json:"scores"`
	Team      []assessment.Member         `json:"team"`
	Proposals []assessment.Proposal       `json:"proposals"`
}

// apiProposal is a proposal in the revision report.
type apiProposal struct {
	Text      string `json:"text"`
	Measure   string `json:"measure,omitempty"`
	TakenUp   bool   `json:"taken_up"`
	TakenUpIn string `json:"taken_up_in,omitempty"`
	// Year is the year of the assessment it came from.
	Year int `json:"year"`
}

func assessmentURL(programmeID string, year int) string {
	return fmt.Sprintf("/api/v1/programmes/%s/assessments/%d", programmeID, year)
}

// assessmentETag is the ETag of an assessment: its version, which every
// save and every mark of a proposal moves on.
func assessmentETag(a assessment.Assessment) string {
	return etagOf([]any{"assessment", a.ProgrammeID, a.Year, a.Version})
}

func round2(f float64) *float64 {
	v := float64(assessment.Hundredths(f)) / 100
	return &v
}

func apiAssessmentOf(p plan.Programme, a assessment.Assessment, set *assessment.Set, lang string) apiAssessment {
	py := assessment.ProgrammeYear(p.Period.From, a.Year)
	res := assessment.Compute(set, a.Scores, py)
	out := apiAssessment{ProgrammeID: a.ProgrammeID, Year: a.Year, ProgrammeYear: py, SetName: set.Name, SetVersion: set.Version,
		ScaleMin: set.Scale.Min, ScaleMax: set.Scale.Max, Team: a.Team, Proposals: a.Proposals, Version: a.Version,
		UpdatedAt: a.UpdatedAt, UpdatedBy: a.UpdatedByName, URL: assessmentURL(a.ProgrammeID, a.Year)}
	if out.Team == nil {
		out.Team = []assessment.Member{}
	}
	if out.Proposals == nil {
		out.Proposals = []assessment.Proposal{}
	}
	for _, d := range res.Dimensions {
		ad := apiAssessmentDimension{Key: d.Key, Name: d.Name.In(lang), Scored: d.Scored, Weight: d.Weight,
			Indicators: []apiAssessmentIndicator{}}
		if d.Scored > 0 {
			ad.Mean, ad.Weighted = round2(d.Mean), round2(d.Weighted)
		}
		for _, ind := range d.Indicators {
			sc := a.Scores[ind.Key]
			ad.Indicators = append(ad.Indicators, apiAssessmentIndicator{Key: ind.Key, Name: ind.Name.In(lang),
				Score: sc.Value, Comment: sc.Comment})
		}
		out.Dimensions = append(out.Dimensions, ad)
	}
	if res.Complete {
		out.Overall = round2(res.Overall)
	}
	return out
}

func apiProposalsOf(in *proposalInput) []apiProposal {
	var out []apiProposal
	for _, it := range in.Items {
		p := apiProposal{Text: it.Text, Measure: it.Measure, TakenUp: it.TakenUp, Year: in.Year}
		if it.TakenUp && it.Choice != wholePlan {
			p.TakenUpIn = it.Choice
		}
		out = append(out, p)
	}
	return out
}
