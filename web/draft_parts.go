package web

import (
	"context"
	"encoding/json"
	"fmt"
	"html/template"
	"strings"
	"sync"

	"planverk/cycle"
	"planverk/i18n"
	"planverk/plan"
	"planverk/store"
)

// draftKey names one version of a plan as the database holds it. The
// version number alone would do while versions are only ever added; the
// time it was saved makes sure a programme removed and made again, whose
// numbers start over, is not taken for the old one.
type draftKey struct {
	programme string
	year      int
	version   int
	savedAt   int64 // UnixNano
}

func draftKeyOf(v store.PlanVersion) draftKey {
	return draftKey{programme: v.ProgrammeID, year: v.Year, version: v.Version, savedAt: v.SavedAt.UnixNano()}
}

// releasedKey names a release by its number and digest.
type releasedKey struct {
	programme    string
	year, number int
	digest       string
}

// draftParts are the parts of the pages of one plan version that depend on
// nothing but the version: the plan itself, its view (tables, findings) by
// language, the HTML of the page below its header (contents, body,
// findings) by language and whether the person may edit the plan,
// its differences from a release, and what each measure's text names. A
// version never changes, so none of them ever goes stale; what may change
// beside it (releases, decisions, who is asking) is read on every request.
// Every part is read-only once made: requests share them.
type draftParts struct {
	key   draftKey
	cache *draftCache
	file  *plan.File
	// unit is the estimated bytes of the plan in memory, what a view of
	// it is charged too.
	unit int

	mu       sync.Mutex
	views    map[i18n.Lang]*planView
	bodies   map[bodyKey]template.HTML
	changes  map[string]int // differences from a release, by its digest
	measures map[*plan.Measure]*measureNames
	mains    map[measureKey]template.HTML
	reports  map[revisionKey]*revisionView
}

// measureKey names the HTML of a measure's facts and text in a language.
type measureKey struct {
	lang    i18n.Lang
	measure *plan.Measure
}

// bodyKey names one rendering of a version's body: its language, whether
// its links to the forms are shown, and the release it revises.
type bodyKey struct {
	lang     i18n.Lang
	editPlan bool
	revision string // the digest of the release revised, "" for none
}

type revisionKey struct {
	lang   i18n.Lang
	digest string
}

// measureNames is what a measure's text names: the other measures of its
// goal and the other goals, and the plan's organisations.
type measureNames struct {
	related, goals []measureRef
	orgs           []plan.Organisation
}

// draftPlan returns the parts of the latest version of a plan, reading
// the plan itself only where the cache lacks that version. It costs one
// query for the plan's latest version's row where the cache has it.
func (s *Server) draftPlan(ctx context.Context, programme string, year int) (*draftParts, store.PlanVersion, error) {
	plans, err := s.store.Plans(ctx, programme)
	if err != nil {
		return nil, store.PlanVersion{}, err
	}
	for _, v := range plans {
		if v.Year != year {
			continue
		}
		key := draftKeyOf(v)
		if d, ok := s.drafts.Get(key); ok {
			return d.(*draftParts), v, nil
		}
		f, loaded, err := s.store.LoadPlanVersion(ctx, programme, year, v.Version)
		if err != nil {
			return nil, store.PlanVersion{}, err
		}
		// The version's row as loaded with it: the same row, or its
		// publication changed since, which is read again next time.
		v = loaded
		key = draftKeyOf(v)
		unit := 4 << 10
		if b, err := json.Marshal(f); err == nil {
			unit = len(b)
		}
		d := &draftParts{key: key, cache: s.drafts, file: f, unit: unit,
			views: map[i18n.Lang]*planView{}, bodies: map[bodyKey]template.HTML{}, changes: map[string]int{},
			measures: map[*plan.Measure]*measureNames{}, mains: map[measureKey]template.HTML{}, reports: map[revisionKey]*revisionView{}}
		return s.drafts.Put(key, d, unit).(*draftParts), v, nil
	}
	return nil, store.PlanVersion{}, plan.Errorf(plan.ENotFound, "programme %q has no plan for %d", programme, year)
}

// view returns the version's view in a language, made once. The caller
// copies it before setting what differs by request (newPlanView's result
// is the same for everybody).
func (d *draftParts) view(lang i18n.Lang) *planView {
	d.mu.Lock()
	pv, ok := d.views[lang]
	d.mu.Unlock()
	if ok {
		return pv
	}
	pv = newPlanView(d.file, d.key.version, lang)
	return remember(d, d.views, lang, pv, d.unit)
}

// body returns the HTML of the version's body, rendering it where it was
// not yet rendered so.
func (d *draftParts) body(k bodyKey, render func() (template.HTML, error)) (template.HTML, error) {
	return keptHTML(d, d.bodies, k, render)
}

// changesFrom counts the differences between the version and a release.
func (d *draftParts) changesFrom(released *plan.File, rel cycle.Release) int {
	d.mu.Lock()
	n, ok := d.changes[rel.Digest]
	d.mu.Unlock()
	if ok {
		return n
	}
	n = draftChanges(released, d.file)
	return remember(d, d.changes, rel.Digest, n, 64)
}

// names returns what a measure of the version names in its text.
func (d *draftParts) names(goal *plan.Goal, m *plan.Measure) *measureNames {
	d.mu.Lock()
	mn, ok := d.measures[m]
	d.mu.Unlock()
	if ok {
		return mn
	}
	mn = &measureNames{orgs: namedOrganisations(d.file, m)}
	if goal != nil {
		mn.related, mn.goals = relatedMeasures(d.file, goal, m)
	}
	return remember(d, d.measures, m, mn, 256)
}

// revision returns the version's revision report against a release.
func (d *draftParts) revision(lang i18n.Lang, base *plan.File, rel cycle.Release) *revisionView {
	k := revisionKey{lang, rel.Digest}
	d.mu.Lock()
	rv, ok := d.reports[k]
	d.mu.Unlock()
	if ok {
		return rv
	}
	rv = newRevisionView(base, rel, d.file, lang)
	return remember(d, d.reports, k, rv, d.unit/4)
}

// remember keeps a part made, unless another request made it first, and
// charges the cache its size.
func remember[K comparable, V any](d *draftParts, m map[K]V, k K, v V, size int) V {
	d.mu.Lock()
	if old, ok := m[k]; ok {
		d.mu.Unlock()
		return old
	}
	m[k] = v
	d.mu.Unlock()
	d.cache.Charge(d.key, size)
	return v
}

// releasedPlan returns a release's plan, read from the store once per
// release and digest.
func (s *Server) releasedPlan(ctx context.Context, rel cycle.Release) (*plan.File, cycle.Release, error) {
	key := releasedKey{rel.ProgrammeID, rel.Year, rel.Number, rel.Digest}
	if r, ok := s.drafts.Get(key); ok {
		kept := r.(memoryRelease)
		return kept.file, kept.rel, nil
	}
	f, full, err := s.store.LoadRelease(ctx, rel.ProgrammeID, rel.Year, rel.Number)
	if err != nil {
		return nil, cycle.Release{}, err
	}
	if full.Digest != rel.Digest {
		// Not the release asked about: do not keep it under its key.
		return f, full, nil
	}
	size := 4 << 10
	if b, err := json.Marshal(f); err == nil {
		size = len(b)
	}
	kept := s.drafts.Put(key, memoryRelease{f, full}, size).(memoryRelease)
	return kept.file, kept.rel, nil
}

// draftChanges counts the differences between a release and a draft, the
// status aside (a release's own status is not a change of the draft).
func draftChanges(released, f *plan.File) int {
	if cycle.SameContent(released, f) {
		return 0
	}
	x, y := *released, *f
	x.Plan.Status, y.Plan.Status = "", ""
	return len(plan.Diff(&x, &y))
}

// releaseNumbered finds a release of a cycle by its number.
func releaseNumbered(c cycle.Cycle, n int) (cycle.Release, bool) {
	for _, rel := range c.Releases {
		if rel.Number == n {
			return rel, true
		}
	}
	return cycle.Release{}, false
}

// bodyHTML renders what follows the plan page's header and actions as the
// page does (plan-rest: downloads, contents, body, findings), for the cache.
func (s *Server) bodyHTML(pv *planView, lang i18n.Lang) (template.HTML, error) {
	return s.partHTML("plan", "plan-rest", map[string]any{"V": &view{Lang: lang, Data: pv}, "P": pv})
}

// partHTML renders a part of a page, a template the page defines, as the
// page does.
func (s *Server) partHTML(page, part string, data any) (template.HTML, error) {
	var b strings.Builder
	if err := s.pages.byName[page].ExecuteTemplate(&b, part, data); err != nil {
		return "", fmt.Errorf("render %s of %s: %w", part, page, err)
	}
	return template.HTML(b.String()), nil
}

// measureMain returns the HTML of a measure's facts and text in a
// language, rendering it where it was not yet rendered so.
func (d *draftParts) measureMain(lang i18n.Lang, m *plan.Measure, render func() (template.HTML, error)) (template.HTML, error) {
	return keptHTML(d, d.mains, measureKey{lang, m}, render)
}

// keptHTML returns the HTML kept in m under k, rendering and keeping it
// where it is not kept yet.
func keptHTML[K comparable](d *draftParts, m map[K]template.HTML, k K, render func() (template.HTML, error)) (template.HTML, error) {
	d.mu.Lock()
	h, ok := m[k]
	d.mu.Unlock()
	if ok {
		return h, nil
	}
	h, err := render()
	if err != nil {
		return "", err
	}
	return remember(d, m, k, h, len(h)), nil
}
