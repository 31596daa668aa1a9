package web

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"planverk/auth"
	"planverk/store"
)

// apiCommentWrite is a reviewer's comment to add: on the plan, or, with
// goal and measure, on one measure.
type apiCommentWrite struct {
	Goal    int    `json:"goal,omitempty"`
	Measure int    `json:"measure,omitempty"`
	Text    string `json:"text"`
}

// apiComment is a comment as saved.
type apiComment struct {
	ID          int64     `json:"id"`
	ProgrammeID string    `json:"programme_id"`
	Year        int       `json:"year"`
	Goal        int       `json:"goal,omitempty"`
	Measure     int       `json:"measure,omitempty"`
	AuthorName  string    `json:"author_name"`
	Text        string    `json:"text"`
	At          time.Time `json:"at"`
}

// apiCommentCreate adds a reviewer's comment: POST
// …/plans/{year}/comments with {"goal", "measure", "text"}.
func (s *Server) apiCommentCreate(w http.ResponseWriter, r *http.Request) {
	u, f, v, ok := s.apiPlanFor(w, r, auth.Comment)
	if !ok {
		return
	}
	var in apiCommentWrite
	if err := readJSON(w, r, &in); err != nil {
		s.apiFail(w, r, err)
		return
	}
	in.Text = strings.TrimSpace(in.Text)
	var issues []bodyIssue
	if in.Text == "" {
		issues = append(issues, issue("/text", "api.required", map[string]any{"Field": "text"}))
	}
	switch {
	case (in.Goal == 0) != (in.Measure == 0):
		issues = append(issues, issue("/measure", "api.goal-and-measure", nil))
	case in.Goal != 0:
		if _, m := findMeasure(f, in.Goal, in.Measure); m == nil {
			issues = append(issues, issue("/measure", "api.no-measure", map[string]any{"Goal": in.Goal, "Number": in.Measure}))
		}
	}
	if len(issues) > 0 {
		s.apiFail(w, r, invalid(issues...))
		return
	}
	submission, err := apiSubmission(r, u.ID, "comments:"+v.ProgrammeID+"/"+strconv.Itoa(v.Year))
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	// A retry with the same Idempotency-Key answers as the first request
	// did, with the comment it made.
	c, err := s.store.AddComment(r.Context(), store.Comment{ProgrammeID: v.ProgrammeID, Year: v.Year,
		Goal: in.Goal, Measure: in.Measure, Author: u.ID, Text: in.Text, Submission: submission})
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	out := apiComment{ID: c.ID, ProgrammeID: c.ProgrammeID, Year: c.Year, Goal: c.Goal, Measure: c.Measure,
		AuthorName: c.AuthorName, Text: c.Text, At: c.At}
	writeTagged(w, r, http.StatusCreated, etagOf(out), out)
}
