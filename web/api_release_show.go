package web

import (
	"net/http"
	"strconv"

	"planverk/i18n"
	"planverk/plan"
	"planverk/store"
)

// apiReleaseResource is one release with its content: the plan file as it
// was released, its computed totals and the findings of the rules.
type apiReleaseResource struct {
	ProgrammeID string       `json:"programme_id"`
	Year        int          `json:"year"`
	Release     apiRelease   `json:"release"`
	File        plan.File    `json:"file"`
	Totals      apiTotals    `json:"totals"`
	Findings    []apiFinding `json:"findings"`
	// Lang is the language of the findings' messages.
	Lang i18n.Lang `json:"lang"`
}

// apiReleaseShow answers with release n of a plan, exactly as it was
// released, whatever the draft has become since. Its ETag is the release's
// digest. A visitor reads the releases of a plan open to everyone, never a
// draft.
func (s *Server) apiReleaseShow(w http.ResponseWriter, r *http.Request) {
	year, err := apiYear(r)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	n, err := strconv.Atoi(r.PathValue("release"))
	if err != nil || n < 1 {
		s.apiFail(w, r, plan.Errorf(plan.ENotFound, "no release %q: releases are numbered from 1", r.PathValue("release")))
		return
	}
	if s.servePublicJSON(w, r, "api-release", r.PathValue("programme"), year, n, apiReleaseAnswer) {
		return
	}
	f, v, err := s.loadRelease(r, r.PathValue("programme"), year, n)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	etag, out := apiReleaseAnswer(f, v, apiLang(r))
	w.Header().Set("Vary", "Accept-Language")
	writeTagged(w, r, http.StatusOK, etag, out)
}

// apiReleaseAnswer is the answer about a release, tagged with its digest.
func apiReleaseAnswer(f *plan.File, v store.PlanVersion, lang i18n.Lang) (string, any) {
	p := apiPlanOf(f, v, lang)
	return `"` + v.Release.Digest + `"`, apiReleaseResource{ProgrammeID: v.ProgrammeID, Year: v.Year,
		Release: apiReleaseOf(*v.Release), File: p.File, Totals: p.Totals, Findings: p.Findings, Lang: lang}
}
