package web

import (
	"net/http"
	"strconv"
	"strings"

	"planverk/auth"
	"planverk/capacity"
	"planverk/plan"
	"planverk/store"
)

// canRunSurvey reports whether the person opens and closes a programme's
// survey rounds and sees their links: its administrators.
func canRunSurvey(r *http.Request, programmeID string) bool {
	return can(r, auth.EditProgramme, auth.Resource{Programme: programmeID})
}

// programmeNamed returns a programme by its id, whoever asks: the survey
// pages name the programme they belong to.
func (s *Server) programmeNamed(r *http.Request, id string) (plan.Programme, error) {
	programmes, err := s.store.Programmes(r.Context())
	if err != nil {
		return plan.Programme{}, err
	}
	for _, p := range programmes {
		if p.ID == id {
			return p, nil
		}
	}
	return plan.Programme{}, plan.Errorf(plan.ENotFound, "no programme %q", id)
}

// surveyHash is the stored hash of the link of the request's path.
func surveyHash(r *http.Request) string { return capacity.HashToken(r.PathValue("token")) }

// surveyLinks makes a new secret link for each of a round's groups: the
// links to show, and the hashes to store.
func (s *Server) surveyLinks(groups int) (links, hashes []string) {
	for range groups {
		tok := capacity.NewToken()
		links = append(links, s.public.JoinPath("survey", tok).String())
		hashes = append(hashes, capacity.HashToken(tok))
	}
	return links, hashes
}

// roundYear reads the year of the request's path; a path that is no year
// names no round.
func roundYear(r *http.Request) (int, error) {
	y, err := strconv.Atoi(r.PathValue("year"))
	if err != nil || y < 1900 || y > 9999 {
		return 0, plan.Errorf(plan.ENotFound, "no survey round %q", r.PathValue("year"))
	}
	return y, nil
}

// decimal writes a mean with one decimal, with the decimal comma in
// Norwegian.
func decimal(lang string, f float64) string {
	s := strconv.FormatFloat(f, 'f', 1, 64)
	if s == "-0.0" {
		s = "0.0"
	}
	if lang != "en" {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// signed writes a change with its sign: +0,4, −0,2, 0,0.
func signed(lang string, f float64) string {
	s := decimal(lang, f)
	switch {
	case strings.HasPrefix(s, "-"):
		return "−" + s[1:]
	case s == "0,0" || s == "0.0":
		return s
	}
	return "+" + s
}

// surveyGroupNames are a round's group names.
func surveyGroupNames(rd store.SurveyRound) []string {
	var out []string
	for _, g := range rd.Groups {
		out = append(out, g.Name)
	}
	return out
}
