package web

import (
	"errors"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"planverk/capacity"
	"planverk/plan"
	"planverk/store"
)

// maxSurveyGroups bounds the respondent groups of a round, and
// maxGroupName a group's name.
const (
	maxSurveyGroups = 20
	maxGroupName    = 120
)

// capacityRoundOpen opens a programme's survey round for a year: its
// respondent groups, one a line, and the indicator set, the shipped one or
// one uploaded, read strictly with what is wrong and on which line. The
// page that answers shows each group's link this once.
func (s *Server) capacityRoundOpen(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("programme")
	if !canRunSurvey(r, id) {
		s.deny(w, r)
		return
	}
	src, fm, ok := s.templateSource(w, r)
	if !ok {
		return
	}
	year, err := strconv.Atoi(fm.Get("year"))
	if err != nil || year < 2000 || year > 2100 {
		fm.Fail("year", "capacity.rounds.year-invalid")
	}
	var groups []store.SurveyGroup
	seen := map[string]bool{}
	for _, line := range strings.Split(fm.Raw("groups"), "\n") {
		name := strings.TrimSpace(line)
		switch {
		case name == "":
			continue
		case utf8.RuneCountInString(name) > maxGroupName:
			fm.Fail("groups", "capacity.rounds.group-long", "Max", maxGroupName)
		case seen[strings.ToLower(name)]:
			fm.Fail("groups", "capacity.rounds.group-twice", "Name", name)
		}
		seen[strings.ToLower(name)] = true
		groups = append(groups, store.SurveyGroup{Name: name})
	}
	switch {
	case len(groups) == 0:
		fm.Fail("groups", "capacity.rounds.groups-required")
	case len(groups) > maxSurveyGroups:
		fm.Fail("groups", "capacity.rounds.groups-many", "Max", maxSurveyGroups)
	}
	switch choice := fm.Get("set"); {
	case strings.HasPrefix(choice, "round-"):
		// The set an earlier round asked by, so that the years compare.
		src = nil
		if y, err := strconv.Atoi(strings.TrimPrefix(choice, "round-")); err == nil {
			if earlier, err := s.store.SurveyRound(r.Context(), id, y); err == nil {
				src = earlier.SetSource
			}
		}
		if src == nil {
			fm.Fail("set", "capacity.rounds.set-invalid")
		}
	case choice != "upload":
		src = capacity.DefaultSource
	}
	if fm.Get("set") == "upload" {
		if _, err := capacity.ParseSet(src); err != nil {
			var se *capacity.SetError
			if !errors.As(err, &se) {
				s.fail(w, r, err)
				return
			}
			args := []any{"Line", se.Line, "Detail", se.Detail}
			for k, v := range se.Args {
				args = append(args, k, v)
			}
			fm.Fail("source", se.Key, args...)
		}
	}
	if !fm.OK() {
		s.renderCapacityRounds(w, r, http.StatusUnprocessableEntity, fm, nil)
		return
	}
	links, hashes := s.surveyLinks(len(groups))
	for i := range groups {
		groups[i].TokenHash = hashes[i]
	}
	rd, err := s.store.OpenSurveyRound(r.Context(), store.SurveyRound{ProgrammeID: id, Year: year, SetSource: src, Groups: groups,
		Open: true, PublicResults: fm.Get("public") != "", OpenedOn: s.now().In(oslo).Format("2006-01-02")})
	if plan.ErrorCode(err) == plan.EConflict {
		fm.Fail("year", "capacity.rounds.year-taken", "Year", year)
		s.renderCapacityRounds(w, r, http.StatusConflict, fm, nil)
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.renderCapacityRounds(w, r, http.StatusOK, newForm(nil), newCapacityLinks(rd, links))
}

func newCapacityLinks(rd store.SurveyRound, links []string) *capacityLinks {
	out := &capacityLinks{Year: rd.Year}
	for i, g := range rd.Groups {
		out.Links = append(out.Links, capacityLink{Group: g.Name, URL: links[i]})
	}
	return out
}
