package web

import (
	"net/http"
)

// apiReleaseList is a plan's releases, oldest first.
type apiReleaseList struct {
	Releases []apiRelease `json:"releases"`
}

// apiReleaseList lists a plan's releases. A visitor lists those of a plan
// open to everyone; a member, those of any plan of the programme.
func (s *Server) apiReleaseList(w http.ResponseWriter, r *http.Request) {
	cv, _, err := s.apiCycleFor(r)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	out := apiReleaseList{Releases: []apiRelease{}}
	for _, rel := range cv.Releases {
		out.Releases = append(out.Releases, apiReleaseOf(rel))
	}
	writeTagged(w, r, http.StatusOK, etagOf(out), out)
}
