package web

import (
	"net/http"

	"planverk/auth"
)

// apiPublish asks for a plan to be published or closed again.
type apiPublish struct {
	// Published opens the plan (every version of it) to everyone, or, false,
	// to the programme's members only.
	Published *bool `json:"published"`
}

// apiPublication is whether a plan is published.
type apiPublication struct {
	ProgrammeID string `json:"programme_id"`
	Year        int    `json:"year"`
	Published   bool   `json:"published"`
	URL         string `json:"url"`
}

// apiPlanPublish opens a plan to everyone or closes it again: POST
// …/plans/{year}/publish with {"published": true|false}. Publishing is the
// programme's decision, so it takes the right to edit the programme, as in
// the browser. Sending the same request twice leaves the plan as the first
// left it, so it needs neither If-Match nor an Idempotency-Key.
func (s *Server) apiPlanPublish(w http.ResponseWriter, r *http.Request) {
	u, f, v, ok := s.apiPlanFor(w, r, auth.EditProgramme)
	if !ok {
		return
	}
	var in apiPublish
	if err := readJSON(w, r, &in); err != nil {
		s.apiFail(w, r, err)
		return
	}
	if in.Published == nil {
		s.apiFail(w, r, invalid(issue("/published", "api.required", map[string]any{"Field": "published"})))
		return
	}
	if err := s.publishRefusal(r.Context(), f, v, *in.Published); err != nil {
		s.apiFail(w, r, keyedRefusal(err, http.StatusConflict))
		return
	}
	if err := s.store.SetPublished(r.Context(), v.ProgrammeID, v.Year, *in.Published, u.ID); err != nil {
		s.apiFail(w, r, err)
		return
	}
	out := apiPublication{ProgrammeID: v.ProgrammeID, Year: v.Year, Published: *in.Published, URL: planURL(v.ProgrammeID, v.Year)}
	writeTagged(w, r, http.StatusOK, etagOf(out), out)
}
