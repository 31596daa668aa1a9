package web

import (
	"slices"
	"testing"

	"planverk/plan"
)

// The years to start are those of the period up to the coming one, newest
// first, without those assessed.
func TestStartableYears(t *testing.T) {
	p := plan.Programme{Period: plan.Period{From: 2022, To: 2027}}
	got := startableYears(p, 2024, map[int]bool{2023: true})
	if want := []int{2025, 2024, 2022}; !slices.Equal(got, want) {
		t.Errorf("in 2024: %v, want %v", got, want)
	}
	if got := startableYears(p, 2030, map[int]bool{}); got[0] != 2027 || len(got) != 6 {
		t.Errorf("after the period: %v", got)
	}
	if got := startableYears(plan.Programme{}, 2025, nil); !slices.Equal(got, []int{2026, 2025}) {
		t.Errorf("no period: %v", got)
	}
}
