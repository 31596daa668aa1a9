package web

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"

	"planverk/auth"
	"planverk/cycle"
	"planverk/plan"
	"planverk/store"
)

// PlanInMemory is anchor A2 of docs/performance.md: planverk's own plan
// and measure pages, their handlers and templates, for one signed-in
// person, over everything the pages read from the store read once, before
// the first request, and then answered from memory. It renders every page
// in full, as the draft page was rendered before its parts were cached: a
// signed-in draft page served by planverk, with its store and session, as
// a share of it says whether the caching wins back more than the store
// costs. Only the plan's own pages are routed:
//
//	/programmes/{programme}/plans/{year}
//	/programmes/{programme}/plans/{year}/goals/{goal}/measures/{measure}
//
// The person is the user with the e-mail given, with their roles then.
func PlanInMemory(ctx context.Context, st store.Store, programme string, year int, email string) (http.Handler, error) {
	m, err := readMemoryStore(ctx, st, programme, year)
	if err != nil {
		return nil, fmt.Errorf("anchor A2: %w", err)
	}
	u, err := st.UserByEmail(ctx, email)
	if err != nil {
		return nil, fmt.Errorf("anchor A2: user %s: %w", email, err)
	}
	roles, err := st.Roles(ctx, u.ID)
	if err != nil {
		return nil, fmt.Errorf("anchor A2: roles of %s: %w", email, err)
	}
	wh := &who{User: &u, Subject: auth.Subject{UserID: u.ID, Organisation: u.Organisation,
		SystemAdmin: u.SystemAdmin, CatalogueEditor: u.CatalogueEditor, Roles: roles}}
	return newMemoryHandler(m, wh)
}

// newMemoryHandler serves the plan's pages from m, for wh.
func newMemoryHandler(m *memoryStore, wh *who) (http.Handler, error) {
	p, err := parsePages()
	if err != nil {
		return nil, err
	}
	// No draft cache: the anchor is the render in full.
	s := &Server{store: m, log: slog.New(slog.NewTextHandler(io.Discard, nil)), pages: p,
		cfg: Config{DraftCacheBytes: -1}, pageCache: newPageCache(-1), drafts: newDraftCache(-1)}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /programmes/{programme}/plans/{year}", s.planShow)
	mux.HandleFunc("GET /programmes/{programme}/plans/{year}/goals/{goal}/measures/{measure}", s.measureShow)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mux.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), subjectKey{}, wh)))
	}), nil
}

// memoryStore answers, from memory, the store's questions the plan's pages
// ask about one plan. Any other question panics: the embedded Store is nil,
// so the anchor can never quietly read the database.
type memoryStore struct {
	store.Store
	programme string
	year      int
	file      *plan.File
	version   store.PlanVersion
	cycles    map[int]cycle.Cycle
	releases  map[[2]int]memoryRelease // by year and number, 0 the latest
	comments  []store.Comment
	synthetic string
	catalogue int64
	schemes   []store.SchemeRecord
	glossary  store.GlossaryRecord
}

type memoryRelease struct {
	file *plan.File
	rel  cycle.Release
}

// readMemoryStore reads what the pages of one plan read.
func readMemoryStore(ctx context.Context, st store.Store, programme string, year int) (*memoryStore, error) {
	f, v, err := st.LoadPlan(ctx, programme, year)
	if err != nil {
		return nil, err
	}
	m := &memoryStore{programme: programme, year: year, file: f, version: v,
		cycles: map[int]cycle.Cycle{}, releases: map[[2]int]memoryRelease{}}
	years := []int{year}
	if rev := f.Plan.Revision; rev != nil && rev.Base != nil && rev.Base.Year != year {
		years = append(years, rev.Base.Year)
	}
	for _, y := range years {
		c, err := st.Cycle(ctx, programme, y)
		if err != nil {
			return nil, err
		}
		m.cycles[y] = c
		for _, rel := range c.Releases {
			rf, full, err := st.LoadRelease(ctx, programme, y, rel.Number)
			if err != nil {
				return nil, err
			}
			m.releases[[2]int{y, rel.Number}] = memoryRelease{rf, full}
		}
		if rel, ok := c.Latest(); ok {
			m.releases[[2]int{y, 0}] = m.releases[[2]int{y, rel.Number}]
		}
	}
	if m.comments, err = st.Comments(ctx, programme, year); err != nil {
		return nil, err
	}
	if m.synthetic, err = st.Setting(ctx, store.SettingSynthetic); err != nil {
		return nil, err
	}
	if m.catalogue, err = st.CatalogueVersion(ctx); err != nil {
		return nil, err
	}
	if m.schemes, err = st.Schemes(ctx); err != nil {
		return nil, err
	}
	if m.glossary, err = st.Glossary(ctx); err != nil {
		return nil, err
	}
	return m, nil
}

func (m *memoryStore) notFound(what string) error {
	return plan.Errorf(plan.ENotFound, "anchor A2 holds no %s", what)
}

func (m *memoryStore) LoadPlan(_ context.Context, programme string, year int) (*plan.File, store.PlanVersion, error) {
	if programme != m.programme || year != m.year {
		return nil, store.PlanVersion{}, m.notFound("such plan")
	}
	return m.file, m.version, nil
}

func (m *memoryStore) Plans(_ context.Context, programme string) ([]store.PlanVersion, error) {
	if programme != m.programme {
		return nil, m.notFound("such programme")
	}
	return []store.PlanVersion{m.version}, nil
}

func (m *memoryStore) LoadPlanVersion(_ context.Context, programme string, year, version int) (*plan.File, store.PlanVersion, error) {
	if programme != m.programme || year != m.year || version != m.version.Version {
		return nil, store.PlanVersion{}, m.notFound("such version")
	}
	return m.file, m.version, nil
}

func (m *memoryStore) Cycle(_ context.Context, programme string, year int) (cycle.Cycle, error) {
	c, ok := m.cycles[year]
	if programme != m.programme || !ok {
		return cycle.Cycle{}, m.notFound("such cycle")
	}
	return c, nil
}

func (m *memoryStore) LoadRelease(_ context.Context, programme string, year, n int) (*plan.File, cycle.Release, error) {
	r, ok := m.releases[[2]int{year, n}]
	if programme != m.programme || !ok {
		return nil, cycle.Release{}, m.notFound("such release")
	}
	return r.file, r.rel, nil
}

func (m *memoryStore) Comments(_ context.Context, programme string, year int) ([]store.Comment, error) {
	if programme != m.programme || year != m.year {
		return nil, nil
	}
	return m.comments, nil
}

func (m *memoryStore) Setting(_ context.Context, name string) (string, error) {
	if name == store.SettingSynthetic {
		return m.synthetic, nil
	}
	return "", nil
}

func (m *memoryStore) CatalogueVersion(context.Context) (int64, error) { return m.catalogue, nil }
func (m *memoryStore) Schemes(context.Context) ([]store.SchemeRecord, error) {
	return m.schemes, nil
}
func (m *memoryStore) Glossary(context.Context) (store.GlossaryRecord, error) {
	return m.glossary, nil
}
