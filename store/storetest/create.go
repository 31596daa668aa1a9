package storetest

import (
	"context"
	"sync"
	"testing"

	"planverk/plan"
	"planverk/store"
)

// RunCreate checks CreatePlan: a new programme once, a taken id refused,
// and the same submission ten times at once making one programme.
func RunCreate(t *testing.T, newDB NewDatabase) {
	newDB = inParallel(newDB)
	ctx := context.Background()
	newFile := func(id string) *plan.File {
		return &plan.File{Format: plan.FormatVersion,
			Programme: plan.Programme{ID: id, Name: "Ny programme " + id, Kind: plan.KindOther, Period: plan.Period{From: 2026, To: 2029}},
			Plan:      plan.Plan{Year: 2026, Title: "Handlingsplan 2026", Language: plan.Nynorsk, Status: plan.StatusDraft}}
	}
	t.Run("Once", func(t *testing.T) {
		s := open(t, newDB(t))
		save(t, s, RichFile())
		if _, err := s.CreatePlan(ctx, newFile("vt-bygdevekst"), store.Edit{Submission: "a"}); plan.ErrorCode(err) != plan.EConflict {
			t.Errorf("a taken id: error %v, want %s", err, plan.EConflict)
		}
		v, err := s.CreatePlan(ctx, newFile("ny"), store.Edit{Submission: "b"})
		if err != nil || v.Version != 1 || v.Repeated {
			t.Fatalf("create: %+v, %v", v, err)
		}
		again, err := s.CreatePlan(ctx, newFile("ny"), store.Edit{Submission: "b"})
		if err != nil || !again.Repeated || again.Version != 1 {
			t.Errorf("the same submission again: %+v, %v", again, err)
		}
		if _, err := s.CreatePlan(ctx, newFile("ny"), store.Edit{Submission: "c"}); plan.ErrorCode(err) != plan.EConflict {
			t.Errorf("another submission for the same id: error %v, want %s", err, plan.EConflict)
		}
	})
	t.Run("Concurrent", func(t *testing.T) {
		s := open(t, newDB(t))
		var wg sync.WaitGroup
		errs := make(chan error, 10)
		for range 10 {
			wg.Go(func() {
				_, err := s.CreatePlan(ctx, newFile("samtidig"), store.Edit{Submission: "same"})
				errs <- err
			})
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				t.Errorf("a concurrent create of the same submission failed: %v", err)
			}
		}
		plans, err := s.Plans(ctx, "samtidig")
		if err != nil || len(plans) != 1 || plans[0].Version != 1 {
			t.Errorf("after ten creates: %+v, %v", plans, err)
		}
	})
}
