package web

import (
	"net/http"
	"strconv"

	"planverk/capacity"
	"planverk/plan"
	"planverk/store"
)

// capacityAnswerForm shows the survey's form at a respondent group's
// secret link, to anyone who has the link: no account is needed, and
// none is asked for. A link that opens no round is not found; a closed
// round says so instead of showing the form.
func (s *Server) capacityAnswerForm(w http.ResponseWriter, r *http.Request) {
	v, ok := s.surveyAnswer(w, r)
	if !ok {
		return
	}
	v.Sent = r.URL.Query().Get("sent") != ""
	s.renderSurveyAnswer(w, r, http.StatusOK, v, newForm(nil))
}

// surveyAnswerView is the answer form's page.
type surveyAnswerView struct {
	Programme  plan.Programme
	Round      store.SurveyRound
	Group      string
	Set        *capacity.Set
	Dimensions []surveyDimension
	Low, High  string
	Form       *form
	Submission string
	Sent       bool
	// Action is the link itself, which the form is sent back to.
	Action string
}

type surveyDimension struct {
	Name       string
	Indicators []surveyIndicator
}

type surveyIndicator struct {
	Field, Name string
	Steps       []surveyStep
}

type surveyStep struct {
	ID, Value, Label string
}

// surveyAnswer loads the round, group and programme of the link, or
// answers the request.
func (s *Server) surveyAnswer(w http.ResponseWriter, r *http.Request) (*surveyAnswerView, bool) {
	rd, group, err := s.store.SurveyLink(r.Context(), surveyHash(r))
	if err != nil {
		s.fail(w, r, err)
		return nil, false
	}
	set, err := rd.Set()
	if err != nil {
		s.fail(w, r, err)
		return nil, false
	}
	p, err := s.programmeNamed(r, rd.ProgrammeID)
	if err != nil {
		s.fail(w, r, err)
		return nil, false
	}
	lang := string(language(r))
	v := &surveyAnswerView{Programme: p, Round: rd, Group: rd.Groups[group].Name, Set: set,
		Low: set.Scale.Low.In(lang), High: set.Scale.High.In(lang), Action: r.URL.Path}
	for _, d := range set.Dimensions {
		sd := surveyDimension{Name: d.Name.In(lang)}
		for _, ind := range d.Indicators {
			si := surveyIndicator{Field: capacity.ScoreField(ind.Key), Name: ind.Name.In(lang)}
			for i, step := range set.Scale.Steps() {
				st := surveyStep{ID: "f-" + si.Field, Value: strconv.Itoa(step), Label: strconv.Itoa(step)}
				if i > 0 {
					// The first radio button carries the field's id, which
					// the error summary links to.
					st.ID += "-" + st.Value
				}
				switch step {
				case set.Scale.Min:
					st.Label += " – " + v.Low
				case set.Scale.Max:
					st.Label += " – " + v.High
				}
				si.Steps = append(si.Steps, st)
			}
			sd.Indicators = append(sd.Indicators, si)
		}
		v.Dimensions = append(v.Dimensions, sd)
	}
	return v, true
}

func (s *Server) renderSurveyAnswer(w http.ResponseWriter, r *http.Request, status int, v *surveyAnswerView, fm *form) {
	// Each form carries its own submission key: a cached copy would give
	// two respondents the same key, and the second answer would be taken
	// for the first sent again.
	w.Header().Set("Cache-Control", "no-store")
	v.Form = fm
	v.Submission = fm.Get("submission")
	if v.Submission == "" {
		v.Submission = newSubmission()
	}
	s.render(w, r, status, "capacity_answer", &view{Title: i18nTitle(r, "capacity.answer.title", "Programme", v.Programme.Name, "Year", v.Round.Year), Data: v})
}
