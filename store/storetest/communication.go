package storetest

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"

	"planverk/plan"
	"planverk/store"
)

// testCommunication stores a plan's communication plan and reads it back
// as written: the activities in their order, dates known to the month or
// the year as such, the responsible as organisations or words; and an
// edit that removes an activity takes it out of the next version only.
func (e engine) testCommunication(t *testing.T) {
	ctx := context.Background()
	s := e.openTest(t)
	f := RichFile()
	save(t, s, f)
	got, _ := load(t, s, f.Programme.ID, f.Plan.Year)
	if d := cmp.Diff(f.Plan.Communication, got.Plan.Communication); d != "" {
		t.Fatalf("communication plan differs (-saved +loaded):\n%s", d)
	}
	if d := got.Plan.Communication[0].From; d.Precision != plan.PrecisionMonth || d.String() != "2025-03" {
		t.Errorf("from = %v, want the month 2025-03", d)
	}

	_, err := s.EditPlan(ctx, f.Programme.ID, f.Plan.Year, store.Edit{Summary: "communication"},
		func(f *plan.File) error {
			f.Plan.Communication = f.Plan.Communication[1:]
			f.Plan.Communication[0].Status = plan.MeasureCompleted
			f.Plan.Communication[0].Responsible = []plan.Actor{{Org: "tokke-kommune"}}
			return nil
		})
	if err != nil {
		t.Fatalf("EditPlan: %v", err)
	}
	edited, v := load(t, s, f.Programme.ID, f.Plan.Year)
	want := []plan.Activity{{Activity: "Ope møte", From: &plan.Date{Year: 2026, Precision: plan.PrecisionYear},
		Status: plan.MeasureCompleted, Responsible: []plan.Actor{{Org: "tokke-kommune"}}}}
	if d := cmp.Diff(want, edited.Plan.Communication); d != "" {
		t.Errorf("edited communication plan (-want +got):\n%s", d)
	}
	first, _, err := s.LoadPlanVersion(ctx, f.Programme.ID, f.Plan.Year, v.Version-1)
	if err != nil {
		t.Fatalf("LoadPlanVersion: %v", err)
	}
	if len(first.Plan.Communication) != 2 {
		t.Errorf("the first version has %d activities, want its 2 still", len(first.Plan.Communication))
	}

}
