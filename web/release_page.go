package web

import (
	"net/http"

	"planverk/cycle"
	"planverk/i18n"
	"planverk/plan"
	"planverk/store"
)

// planPage builds the view of a plan's page: for a release, what was
// released; for the working draft, with the banner that says what it
// differs from.
func (s *Server) planPage(r *http.Request, f *plan.File, v store.PlanVersion) (*view, error) {
	return s.planPageIn(r, f, v, language(r))
}

// planPageIn is planPage in a language.
func (s *Server) planPageIn(r *http.Request, f *plan.File, v store.PlanVersion, lang i18n.Lang) (*view, error) {
	pv := newPlanView(f, v.Version, lang)
	pv.Published = v.Published
	pv.Release = v.Release
	if v.Release == nil {
		// A release is read as it was released: nothing on its page
		// changes it. The draft offers what the person may do to it.
		pv.Perms = permsFor(r, v.ProgrammeID, v.Published)
		b, err := s.newDraftBanner(r.Context(), f, v)
		if err != nil {
			return nil, err
		}
		pv.Draft = b
		// Opening a plan never released would skip its proposal where
		// the programme anchors and approves its plans (publishRefusal).
		pv.Perms.Publish = pv.Perms.Publish && (b.Release != nil ||
			(len(cycle.Funders(f)) == 0 && len(cycle.Municipalities(f)) == 0))
	}
	rv, err := s.revisionReport(r.Context(), f, lang)
	if err != nil {
		return nil, err
	}
	pv.Revision = rv
	return &view{Title: f.Plan.Title, Data: pv}, nil
}

// servePublicRelease serves a visitor's page of release n of a plan (the
// latest where n is 0) from memory, rendering it once per release,
// language and address. Such a page depends on nothing but the release:
// no draft, no rights, nobody signed in. It costs one query, for the
// release's record, and answers 304 to a browser that has the page. It
// returns false, having written nothing, for anybody signed in and where
// no such release is open to everyone: the caller renders the page.
func (s *Server) servePublicRelease(w http.ResponseWriter, r *http.Request, programme string, year, n int) bool {
	if whoOf(r).User != nil {
		return false
	}
	ctx := r.Context()
	rel, err := s.publicReleaseInfo(ctx, programme, year, n)
	if err != nil {
		return false
	}
	key := releaseKey("plan", rel, language(r), r.URL.RequestURI())
	page, ok := s.pageCache.get(key)
	if !ok {
		f, full, err := s.store.PublicRelease(ctx, programme, year, rel.Number)
		if err != nil {
			return false
		}
		v, err := s.planPage(r, f, releaseVersion(f, full))
		if err != nil {
			s.fail(w, r, err)
			return true
		}
		body, err := s.renderBytes(r, "plan", v)
		if err != nil {
			s.fail(w, r, err)
			return true
		}
		page = s.pageCache.put(key, body)
	}
	// The address of the latest release shows a later one once it is
	// made: the browser asks again, and gets 304 while it is the same.
	serveCachedPage(w, r, key.lang, page)
	return true
}

// serveCachedPage writes a visitor's page kept in the page cache, with its
// ETag, and 304 to a browser that has it. The browser asks again each
// time (no-cache): the same address may show a newer page.
func serveCachedPage(w http.ResponseWriter, r *http.Request, lang i18n.Lang, page *cachedPage) {
	setPageHeaders(w, lang)
	w.Header().Set("ETag", page.etag)
	w.Header().Set("Cache-Control", "no-cache")
	if tags, ok := parseEntityTags(r.Header.Values("If-None-Match")); ok && tags.matchWeak(page.etag) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(page.body)
}
