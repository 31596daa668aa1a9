package web

import (
	"fmt"
	"net/http"
	"strings"

	"planverk/assessment"
	"planverk/plan"
	"planverk/store"
)

// apiAssessmentPut writes a programme's assessment of a year whole: the
// scores, the team and the proposals. Writing one that is there needs
// If-Match with its ETag, and a write from a version saved over since is
// refused with 412; starting one needs If-None-Match: * or no condition,
// and starts it on the default indicator set. A score off the scale, an
// unknown indicator or role, an empty name or proposal is named by its
// place in the body (422).
func (s *Server) apiAssessmentPut(w http.ResponseWriter, r *http.Request) {
	u, err := apiUser(r)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	id := r.PathValue("programme")
	if !canEditAssessment(r, id) {
		s.apiFail(w, r, apiForbidden("api.forbidden", nil))
		return
	}
	year, err := assessmentYear(r)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	p, err := s.programmeNamed(r, id)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	a, started, err := s.storedAssessment(r.Context(), id, year)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	if started {
		cond, err := requireIfMatch(r)
		if err != nil {
			s.apiFail(w, r, err)
			return
		}
		if now := assessmentETag(a); !cond.matchStrong(now) {
			s.apiFail(w, r, preconditionFailed(now))
			return
		}
	} else if _, ok := parseEntityTags(r.Header.Values("If-Match")); ok {
		// A condition on an assessment that is not there fails.
		s.apiFail(w, r, preconditionFailed(""))
		return
	}
	var in apiAssessmentWrite
	if err := readJSON(w, r, &in); err != nil {
		s.apiFail(w, r, err)
		return
	}
	set, err := a.Set()
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	a.Scores = map[string]assessment.Score{}
	for k, sc := range in.Scores {
		if sc != (assessment.Score{}) {
			a.Scores[k] = sc
		}
	}
	a.Team = in.Team
	a.Proposals = nil
	for _, pr := range in.Proposals {
		a.Proposals = append(a.Proposals, assessment.Proposal{Text: pr.Text, Measure: pr.Measure})
	}
	if issues := assessmentIssues(set, a); len(issues) > 0 {
		s.apiFail(w, r, invalid(issues...))
		return
	}
	saved, err := s.store.SaveAssessment(r.Context(), a, store.Edit{Author: u.ID})
	if plan.ErrorCode(err) == plan.EConflict {
		now, lerr := s.store.Assessment(r.Context(), id, year)
		if lerr != nil {
			s.apiFail(w, r, lerr)
			return
		}
		s.apiFail(w, r, preconditionFailed(assessmentETag(now)))
		return
	}
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	writeTagged(w, r, http.StatusOK, assessmentETag(saved), apiAssessmentOf(p, saved, set, string(apiLang(r))))
}

// assessmentIssues are what the set refuses of an assessment, each at its
// place in the body.
func assessmentIssues(set *assessment.Set, a assessment.Assessment) []bodyIssue {
	var out []bodyIssue
	// A key is a JSON pointer's token: ~ and / escaped (RFC 6901).
	token := strings.NewReplacer("~", "~0", "/", "~1").Replace
	for _, pr := range assessment.Check(set, a) {
		switch pr.Kind {
		case "score":
			out = append(out, issue("/scores/"+token(pr.Key)+"/score", "assessment.api.score", map[string]any{"Indicator": pr.Key,
				"Value": pr.Value, "Min": set.Scale.Min, "Max": set.Scale.Max}))
		case "indicator":
			out = append(out, issue("/scores/"+token(pr.Key), "assessment.api.indicator", map[string]any{"Indicator": pr.Key}))
		case "role":
			out = append(out, issue(fmt.Sprintf("/team/%d/role", pr.Index), "assessment.api.role", map[string]any{"Value": pr.Key}))
		case "member":
			out = append(out, issue(fmt.Sprintf("/team/%d/name", pr.Index), "api.required", map[string]any{"Field": "name"}))
		case "proposal":
			out = append(out, issue(fmt.Sprintf("/proposals/%d/text", pr.Index), "api.required", map[string]any{"Field": "text"}))
		}
	}
	return out
}
