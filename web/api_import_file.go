package web

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"

	"planverk/casefile"
	"planverk/i18n"
	"planverk/store"
)

// apiImportFile reads what both imports of a case export start from: the
// user, the programme's follow-up base (for one who may edit its plans)
// and the file, the request's whole body, at most casefile.MaxBytes. It
// answers the request and returns false where any is missing.
func (s *Server) apiImportFile(w http.ResponseWriter, r *http.Request) (*store.User, *followupBase, []byte, bool) {
	u, err := apiUser(r)
	if err != nil {
		s.apiFail(w, r, err)
		return nil, nil, nil, false
	}
	b, err := s.followupOf(r)
	if err != nil {
		s.apiFail(w, r, err)
		return nil, nil, nil, false
	}
	if !b.CanEdit {
		s.apiFail(w, r, apiForbidden("api.forbidden", nil))
		return nil, nil, nil, false
	}
	tooLarge := &apiRefusal{status: http.StatusRequestEntityTooLarge, msg: "api.too-large", args: map[string]any{"Limit": importSizeText}}
	if r.ContentLength > casefile.MaxBytes {
		s.apiFail(w, r, tooLarge)
		return nil, nil, nil, false
	}
	data, err := io.ReadAll(http.MaxBytesReader(w, r.Body, casefile.MaxBytes))
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &mbe):
		s.apiFail(w, r, tooLarge)
		return nil, nil, nil, false
	case err != nil:
		s.apiFail(w, r, fmt.Errorf("read import body: %w", err))
		return nil, nil, nil, false
	case len(data) == 0:
		s.apiFail(w, r, &apiRefusal{status: http.StatusBadRequest, msg: "api.empty-body"})
		return nil, nil, nil, false
	}
	return u, b, data, true
}

// apiImportProblemsOf gives a file's problems with their messages in lang.
func apiImportProblemsOf(problems []casefile.Problem, lang i18n.Lang) []apiImportProblem {
	out := []apiImportProblem{}
	for _, p := range problems {
		out = append(out, apiImportProblem{Problem: p, Message: p.Text(lang)})
	}
	return out
}

// apiAnswerProblems answers an import whose file has problems, and
// reports whether it had any: a dry run is a check, whose answer (out,
// holding the problems) is what it found; a real import is refused with
// 422, a problem document with the problems as a member of its own (RFC
// 9457 allows that).
func (s *Server) apiAnswerProblems(w http.ResponseWriter, r *http.Request, lang i18n.Lang, problems []apiImportProblem, dryRun bool, out any) bool {
	switch {
	case len(problems) == 0:
		return false
	case dryRun:
		writeTagged(w, r, http.StatusOK, etagOf(out), out)
		return true
	}
	w.Header().Set("Content-Type", "application/problem+json")
	w.WriteHeader(http.StatusUnprocessableEntity)
	_ = json.NewEncoder(w).Encode(apiImportRefusal{
		apiProblem: apiProblem{Type: "about:blank", Title: http.StatusText(http.StatusUnprocessableEntity), Status: http.StatusUnprocessableEntity,
			Detail: i18n.T(lang, "projimport.error-problems", map[string]any{"Count": len(problems)})},
		Problems: problems})
	return true
}
