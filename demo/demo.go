// Package demo makes a synthetic national data set: programmes in every
// county and municipality, their plans over several years through the
// cycle, measures, support schemes, and projects with commitments and
// payments. It is for trying planverk at the scale of the whole country
// and for measuring it there (scripts/load.sh); nothing in it is real, and
// the database it fills is marked so (store.SettingSynthetic), which every
// page then says.
//
// The same seed and sizes make the same content.
package demo

import (
	"context"
	"fmt"
	"sync"
	"time"

	"planverk/plan"
	"planverk/store"
)

// Options are the sizes of the data set.
type Options struct {
	// Seed decides every choice; the same seed makes the same content.
	Seed uint64
	// Programmes is how many programmes (500 for the country).
	Programmes int
	// Years is how many yearly plans each programme has, ending with the
	// current year: the earlier ones approved, the current one a draft.
	Years int
	// Measures is about how many measures the latest versions of all the
	// plans hold together.
	Measures int
	// Schemes is how many support schemes the catalogue gets.
	Schemes int
	// Projects is how many projects, spread over the programmes.
	Projects int
	// Reports is how many project reports, spread over the programmes
	// and, within each, over its projects that report (granted, under
	// way or finished).
	Reports int
	// Today dates the decisions; the current year is its year.
	Today time.Time
	// Workers is how many programmes are stored at once (1 where 0).
	// PostgreSQL writes several at once; SQLite one at a time whatever
	// this says. The content is the same for any number, the order of
	// the rows (and so the projects' numbers) not.
	Workers int
	// Progress, where set, is told what is being made, now and then.
	Progress func(format string, args ...any)
}

// National are the sizes of the whole country.
func National() Options {
	return Options{Seed: 1, Programmes: 500, Years: 3, Measures: 20000, Schemes: 2000, Projects: 10000, Reports: 100000}
}

// Result counts what Generate made.
type Result struct {
	Programmes, Plans, Versions, Releases, Measures int
	Schemes, Projects, Commitments, Payments        int
	// Reports counts the project reports, Accepted those of them the
	// programme accepted, AcceptedJobs the gross jobs these report.
	Reports, Accepted, AcceptedJobs int
	Took                            time.Duration
}

// Refusal says why Generate will not fill a database.
type Refusal struct{ Reason string }

func (r *Refusal) Error() string { return r.Reason }

// Generate fills an empty database with a synthetic data set. A database
// that holds any programme or any support scheme is refused: synthetic
// programmes beside real ones would be taken for real, and a page cannot
// mark some programmes synthetic and not others. The marker is stored
// first, so that a run stopped half-way still leaves a database marked.
func Generate(ctx context.Context, s store.Store, o Options) (Result, error) {
	start := time.Now()
	if err := o.valid(); err != nil {
		return Result{}, err
	}
	if err := refuse(ctx, s); err != nil {
		return Result{}, err
	}
	if o.Today.IsZero() {
		o.Today = time.Now()
	}
	if o.Progress == nil {
		o.Progress = func(string, ...any) {}
	}
	if err := s.SetSetting(ctx, store.SettingSynthetic, "true"); err != nil {
		return Result{}, err
	}
	var res Result
	ids, err := generateSchemes(ctx, s, o)
	if err != nil {
		return res, err
	}
	res.Schemes = len(ids)
	o.Progress("%d schemes", len(ids))
	if err := storeProgrammes(ctx, s, o, ids, &res, start); err != nil {
		return res, err
	}
	res.Took = time.Since(start)
	return res, nil
}

// storeProgrammes stores the programmes, o.Workers at a time, and adds
// what each made to res.
func storeProgrammes(ctx context.Context, s store.Store, o Options, ids []string, res *Result, start time.Time) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		mu   sync.Mutex
		errs []error
		done int
	)
	next := make(chan int)
	var wg sync.WaitGroup
	for range max(o.Workers, 1) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				var mine Result
				err := newProgramme(o, i, ids).store(ctx, s, &mine)
				mu.Lock()
				res.add(mine)
				if err != nil {
					errs = append(errs, fmt.Errorf("synthetic programme %d: %w", i+1, err))
					cancel()
				}
				if done++; done%50 == 0 || done == o.Programmes {
					o.Progress("%d of %d programmes, %d projects, %d reports (%s)", done, o.Programmes, res.Projects, res.Reports, time.Since(start).Round(time.Second))
				}
				mu.Unlock()
			}
		}()
	}
feed:
	for i := range o.Programmes {
		select {
		case next <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	if len(errs) > 0 {
		return errs[0]
	}
	return ctx.Err()
}

func (r *Result) add(o Result) {
	r.Programmes += o.Programmes
	r.Plans += o.Plans
	r.Versions += o.Versions
	r.Releases += o.Releases
	r.Measures += o.Measures
	r.Projects += o.Projects
	r.Commitments += o.Commitments
	r.Payments += o.Payments
	r.Reports += o.Reports
	r.Accepted += o.Accepted
	r.AcceptedJobs += o.AcceptedJobs
}

func (o Options) valid() error {
	switch {
	case o.Programmes < 1:
		return plan.Errorf(plan.EInvalid, "at least one programme")
	case o.Years < 1 || o.Years > 10:
		return plan.Errorf(plan.EInvalid, "between 1 and 10 years, not %d", o.Years)
	case o.Measures < 0 || o.Schemes < 0 || o.Projects < 0 || o.Reports < 0:
		return plan.Errorf(plan.EInvalid, "no size may be below 0")
	}
	return nil
}

// refuse says why the database cannot take a synthetic data set, or nil.
func refuse(ctx context.Context, s store.Store) error {
	synthetic, err := s.Setting(ctx, store.SettingSynthetic)
	if err != nil {
		return err
	}
	progs, err := s.Programmes(ctx)
	if err != nil {
		return fmt.Errorf("list programmes: %w", err)
	}
	if len(progs) > 0 {
		if synthetic == "true" {
			return &Refusal{fmt.Sprintf("the database already holds a synthetic data set (%d programmes); generate into a new, empty database", len(progs))}
		}
		return &Refusal{fmt.Sprintf("the database holds %d programmes that are not synthetic (first %q); synthetic ones beside them would be taken for real, so generate into a new, empty database", len(progs), progs[0].ID)}
	}
	schemes, err := s.Schemes(ctx)
	if err != nil {
		return fmt.Errorf("list schemes: %w", err)
	}
	if len(schemes) > 0 {
		return &Refusal{fmt.Sprintf("the database holds %d support schemes that are not synthetic; generate into a new, empty database (planverk serve --no-examples does not fill one)", len(schemes))}
	}
	return nil
}
