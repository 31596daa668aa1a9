package web

import (
	"net/http"
	"strconv"

	"planverk/auth"
	"planverk/store"
)

// apiPlanNext starts next year's plan from this one: POST
// …/plans/{year}/next, with no body. It answers 201 with the new plan, a
// draft only the programme's members read, and its address in Location.
// The plan of {year} stays as it is. A retry with the same Idempotency-Key
// gets the plan the first request made; without one, a second request is
// a conflict, for next year's plan exists by then.
func (s *Server) apiPlanNext(w http.ResponseWriter, r *http.Request) {
	u, _, v, ok := s.apiPlanFor(w, r, auth.StartPlan)
	if !ok {
		return
	}
	submission, err := apiSubmission(r, u.ID, "next/"+v.ProgrammeID+"/"+strconv.Itoa(v.Year))
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	next, err := s.store.RollPlan(r.Context(), v.ProgrammeID, v.Year+1, store.Edit{Author: u.ID, Submission: submission,
		Summary: i18nTitle(r, "cycle.started", "Year", v.Year+1, "From", v.Year)})
	if err != nil {
		s.apiFail(w, r, keyedRefusal(err, 0))
		return
	}
	f, pv, err := s.store.LoadPlanVersion(r.Context(), next.ProgrammeID, next.Year, next.Version)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	w.Header().Set("Location", planURL(pv.ProgrammeID, pv.Year))
	w.Header().Set("Vary", "Accept-Language")
	writeTagged(w, r, http.StatusCreated, etagOf(f), apiPlanOf(f, pv, apiLang(r)))
}
