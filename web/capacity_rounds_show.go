package web

import (
	"net/http"
	"slices"
	"strconv"

	"planverk/capacity"
	"planverk/plan"
	"planverk/store"
)

// capacityRoundsShow lists a programme's survey rounds for its
// administrators, with a button to open or close each and to make new
// links, and the form that opens next year's round.
func (s *Server) capacityRoundsShow(w http.ResponseWriter, r *http.Request) {
	s.renderCapacityRounds(w, r, http.StatusOK, newForm(nil), nil)
}

// capacityRoundsView is the administrators' page of survey rounds. Links
// are the links just made, shown this once: only their hashes are kept.
type capacityRoundsView struct {
	Programme plan.Programme
	Rounds    []capacityRoundRow
	Form      *form
	Links     *capacityLinks
	Default   *capacity.Set
	// Earlier are the sets of the programme's earlier rounds that differ
	// from the shipped one, to pick again.
	Earlier []earlierSet
	Changed string
}

// earlierSet is an indicator set an earlier round asked by.
type earlierSet struct {
	Value, Name, Version string
	Year                 int
}

type capacityRoundRow struct {
	store.SurveyRound
	Path    string
	SetName string
	// Enough says whether there are enough answers to show how many.
	Enough bool
}

// capacityLinks are a round's new links, one per group.
type capacityLinks struct {
	Year  int
	Links []capacityLink
}

type capacityLink struct{ Group, URL string }

func (s *Server) renderCapacityRounds(w http.ResponseWriter, r *http.Request, status int, fm *form, links *capacityLinks) {
	id := r.PathValue("programme")
	if !canRunSurvey(r, id) {
		s.deny(w, r)
		return
	}
	p, err := s.programmeNamed(r, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	rounds, err := s.store.SurveyRounds(r.Context(), id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if fm.Get("set") == "" {
		// A form not sent yet: this year, the usual groups, the shipped set.
		fm.Values.Set("year", strconv.Itoa(s.now().In(oslo).Year()))
		fm.Values.Set("groups", i18nTitle(r, "capacity.rounds.groups-default"))
		fm.Values.Set("set", "default")
	}
	v := capacityRoundsView{Programme: p, Form: fm, Links: links, Default: capacity.Default(), Changed: r.URL.Query().Get("changed")}
	for _, rd := range rounds {
		row := capacityRoundRow{SurveyRound: rd, Enough: rd.Answers >= capacity.MinRespondents,
			Path: "/programmes/" + id + "/capacity/rounds/" + strconv.Itoa(rd.Year)}
		if set, err := rd.Set(); err == nil {
			row.SetName = set.Name
			if !slices.ContainsFunc(v.Earlier, func(e earlierSet) bool { return e.Name == set.Name && e.Version == set.Version }) &&
				string(rd.SetSource) != string(capacity.DefaultSource) {
				v.Earlier = append(v.Earlier, earlierSet{Value: "round-" + strconv.Itoa(rd.Year), Name: set.Name, Version: set.Version, Year: rd.Year})
			}
		}
		v.Rounds = append(v.Rounds, row)
	}
	s.render(w, r, status, "capacity_rounds", &view{Title: i18nTitle(r, "capacity.rounds.title", "Programme", p.Name), Data: v})
}
