package web

import (
	"net/http"
)

// apiRevisionShow answers with a plan's revision report.
func (s *Server) apiRevisionShow(w http.ResponseWriter, r *http.Request) {
	f, v, base, rel, ok, err := s.apiRevisionFor(r)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	out := apiRevisionOf(f, v, base, rel, ok, apiLang(r))
	in, err := s.revisionProposals(r.Context(), r, f)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	if in != nil {
		out.Proposals = apiProposalsOf(in)
	}
	w.Header().Set("Vary", "Accept-Language")
	writeTagged(w, r, http.StatusOK, etagOf(out), out)
}
