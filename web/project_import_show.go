package web

import "net/http"

// projectImportShow shows the form that imports projects from a case
// export, for those who may register the programme's projects.
func (s *Server) projectImportShow(w http.ResponseWriter, r *http.Request) {
	b, ok := s.loadFollowup(w, r)
	if !ok {
		return
	}
	if !b.CanEdit {
		s.deny(w, r)
		return
	}
	s.renderProjectImport(w, r, http.StatusOK, b, newForm(nil), "", nil)
}
