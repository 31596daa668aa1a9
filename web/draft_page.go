package web

import (
	"context"
	"html/template"
	"net/http"

	"planverk/auth"
	"planverk/cycle"
	"planverk/i18n"
	"planverk/plan"
)

// showDraftPlan writes a member's page of a plan's working draft from the
// parts of its version kept in memory (draftParts): what differs by request
// (the person's rights, the cycle's releases and decisions) is read and
// laid out on every request, the plan's view and body once per version.
func (s *Server) showDraftPlan(w http.ResponseWriter, r *http.Request, programme string, year int) {
	ctx := r.Context()
	d, v, err := s.draftPlan(ctx, programme, year)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	lang := language(r)
	pv := *d.view(lang)
	pv.Published = v.Published
	pv.Perms = permsFor(r, v.ProgrammeID, v.Published)
	b, err := s.cachedDraftBanner(ctx, d, v)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	pv.Draft = b
	// As planPageIn: no opening of a plan never released where the
	// programme anchors and approves its plans.
	pv.Perms.Publish = pv.Perms.Publish && (b.Release != nil ||
		(len(cycle.Funders(d.file)) == 0 && len(cycle.Municipalities(d.file)) == 0))
	rv, revised, err := s.cachedRevision(ctx, d, lang)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	pv.Revision = rv
	pv.Body, err = d.body(bodyKey{lang: lang, editPlan: pv.Perms.EditPlan, revision: revised},
		func() (template.HTML, error) { return s.bodyHTML(&pv, lang) })
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "plan", &view{Title: d.file.Plan.Title, Data: &pv})
}

// cachedRevision is revisionReport for a version whose parts are kept: the
// base release's record is read on every request, its plan and the report
// once per release. It returns the digest of the release revised, "" for
// none.
func (s *Server) cachedRevision(ctx context.Context, d *draftParts, lang i18n.Lang) (*revisionView, string, error) {
	f := d.file
	rev := f.Plan.Revision
	if rev == nil || rev.Base == nil {
		return nil, "", nil
	}
	c, err := s.store.Cycle(ctx, f.Programme.ID, rev.Base.Year)
	if plan.ErrorCode(err) == plan.ENotFound {
		return nil, "", nil
	}
	if err != nil {
		return nil, "", err
	}
	rel, ok := c.Latest()
	if rev.Base.Release != 0 {
		rel, ok = releaseNumbered(c, rev.Base.Release)
	}
	if !ok {
		return nil, "", nil
	}
	base, full, err := s.releasedPlan(ctx, rel)
	if err != nil {
		return nil, "", err
	}
	if full.Digest != rel.Digest {
		return newRevisionView(base, full, f, lang), full.Digest, nil
	}
	return d.revision(lang, base, full), full.Digest, nil
}

// draftCacheFor reports whether a request for a plan's page is for its
// working draft, by somebody who may read it, with the draft cache on.
func (s *Server) draftCacheFor(r *http.Request, programme string) bool {
	return s.drafts.On() && !r.URL.Query().Has("version") &&
		can(r, auth.ViewDraft, auth.Resource{Programme: programme})
}
