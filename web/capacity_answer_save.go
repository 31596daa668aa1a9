package web

import (
	"net/http"

	"planverk/capacity"
	"planverk/plan"
)

// capacityAnswerSave stores an answer sent through a group's link. Each
// indicator needs a score on the scale; a score left out or off it is
// named beside its indicator. The answer keeps no account, no address and
// no time finer than the day, and a form sent twice counts once.
func (s *Server) capacityAnswerSave(w http.ResponseWriter, r *http.Request) {
	fm, ok := s.parseForm(w, r)
	if !ok {
		return
	}
	v, ok := s.surveyAnswer(w, r)
	if !ok {
		return
	}
	if !v.Round.Open {
		s.renderSurveyAnswer(w, r, http.StatusConflict, v, fm)
		return
	}
	resp, problems := capacity.ReadResponse(v.Set, fm.Get)
	if len(problems) > 0 {
		lang := string(language(r))
		names := map[string]string{}
		for _, ind := range v.Set.Indicators() {
			names[ind.Key] = ind.Name.In(lang)
		}
		for _, p := range problems {
			args := append([]any(nil), p.Args...)
			for i := 0; i+1 < len(args); i += 2 {
				if args[i] == "Indicator" {
					args[i+1] = names[args[i+1].(string)]
				}
			}
			fm.Fail(p.Field, p.Key, args...)
		}
		s.renderSurveyAnswer(w, r, http.StatusUnprocessableEntity, v, fm)
		return
	}
	submission := fm.Get("submission")
	if submission == "" {
		submission = newSubmission()
	}
	day := s.now().In(oslo).Format("2006-01-02")
	err := s.store.AddSurveyAnswer(r.Context(), surveyHash(r), submission, day, resp)
	if plan.ErrorCode(err) == plan.EConflict {
		// Closed while the form was being filled in.
		v.Round.Open = false
		s.renderSurveyAnswer(w, r, http.StatusConflict, v, fm)
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, r.URL.Path+"?sent=1", http.StatusSeeOther)
}
