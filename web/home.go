package web

import (
	"maps"
	"net/http"
	"slices"

	"planverk/auth"
	"planverk/store"
)

// homeView is one page of the list of programmes, and whether the viewer
// may start one (and add organisations, which is the same system
// administrator's right).
type homeView struct {
	Items     []store.DirectoryEntry
	Pager     pager
	CanCreate bool
}

// home lists the programmes with their kind, period, municipalities and
// current plan, a page at a time: a visitor sees those with a plan open
// to everyone and reads their latest release, a member also their own
// programmes with the draft.
func (s *Server) home(w http.ResponseWriter, r *http.Request) {
	page, offset := pageOf(r, store.DefaultDirectoryLimit)
	dir, err := s.store.ProgrammeDirectory(r.Context(), directoryQuery(r, offset))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "home", &view{Data: homeView{Items: dir.Entries,
		Pager:     newPager(r, page, store.DefaultDirectoryLimit, dir.Total),
		CanCreate: can(r, auth.CreateProgramme, auth.Resource{})}})
}

// directoryQuery asks for the page at offset of the programmes the person
// behind the request may see: every one for a system administrator; else
// those with a plan open to everyone, and the person's own.
func directoryQuery(r *http.Request, offset int) store.DirectoryQuery {
	sub := whoOf(r).Subject
	q := store.DirectoryQuery{All: sub.SystemAdmin, Offset: offset}
	if !sub.Anonymous() {
		for _, p := range slices.Sorted(maps.Keys(sub.Roles)) {
			if sub.RoleIn(p) != "" {
				q.Members = append(q.Members, p)
			}
		}
	}
	return q
}
