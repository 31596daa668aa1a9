package sqlite

import (
	"context"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"planverk/examples"
	"planverk/plan"
	"planverk/store"
	"planverk/store/storetest"
)

// The cost of an edit, which saves the whole plan as a new version, next
// to the cost of loading the plan in the same run: compare the ratio
// between versions of planverk, not the times between machines.
//
//	go test ./store/sqlite -run - -bench 'LoadPlan|EditPlan'
func benchStore(b testing.TB) *Store {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(b.TempDir(), "planverk.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	if _, err := examples.Install(ctx, s); err != nil {
		b.Fatal(err)
	}
	return s
}

// BenchmarkLoadPlan is the baseline: the Vest-Telemark plan, whole.
func BenchmarkLoadPlan(b *testing.B) { storetest.BenchLoadPlan(b, benchStore(b)) }

// BenchmarkEditPlan changes one measure's title per edit.
func BenchmarkEditPlan(b *testing.B) { storetest.BenchEditPlan(b, benchStore(b)) }

// BenchmarkSynchronous measures what synchronous=FULL costs: each round
// makes one write to a database opened with NORMAL and the same write to a
// database opened with FULL, on the same disk and in the same run, and
// reports the writes per second of each and their ratio. "edit" saves a
// plan edit (a new version of the whole plan); "user" adds an account, a
// write so small that the fsync is most of it. Run it on the disk the
// database lives on (TMPDIR=/var/lib/planverk/tmp …): on tmpfs an fsync
// costs nothing.
//
//	go test ./store/sqlite -run - -bench Synchronous -benchtime 200x
func BenchmarkSynchronous(b *testing.B) {
	writes := map[string]func(s *Store, i int) error{
		"edit": func(s *Store, i int) error {
			_, err := s.EditPlan(context.Background(), "vest-telemark", 2025, store.Edit{Summary: "bench"}, func(f *plan.File) error {
				f.Plan.Goals[0].Measures[0].Title = "Tittel " + strconv.Itoa(i)
				return nil
			})
			return err
		},
		"user": func(s *Store, i int) error {
			_, err := s.CreateUser(context.Background(), store.User{Email: "u" + strconv.Itoa(i) + "@example.no", Name: "U"})
			return err
		},
	}
	for _, name := range []string{"edit", "user"} {
		b.Run(name, func(b *testing.B) { benchSynchronous(b, writes[name]) })
	}
}

func benchSynchronous(b *testing.B, write func(s *Store, i int) error) {
	ctx := context.Background()
	open := func(sync string) *Store {
		s, err := OpenWith(ctx, filepath.Join(b.TempDir(), "planverk.db"), Options{Synchronous: sync})
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { s.Close() })
		if _, err := examples.Install(ctx, s); err != nil {
			b.Fatal(err)
		}
		return s
	}
	stores := [2]*Store{open("NORMAL"), open("FULL")}
	var spent [2]time.Duration
	i := 0
	for b.Loop() {
		i++
		for k, s := range stores {
			start := time.Now()
			if err := write(s, i); err != nil {
				b.Fatal(err)
			}
			spent[k] += time.Since(start)
		}
	}
	normal := float64(i) / spent[0].Seconds()
	full := float64(i) / spent[1].Seconds()
	b.ReportMetric(normal, "normal-saves/s")
	b.ReportMetric(full, "full-saves/s")
	b.ReportMetric(full/normal, "full/normal")
}
