package storetest

import (
	"context"
	"testing"

	"planverk/store"
)

// testSettings: a setting not stored reads as "", a stored one as its
// value, and storing it again replaces it.
func (e engine) testSettings(t *testing.T) {
	ctx := context.Background()
	s := e.openTest(t)
	if v, err := s.Setting(ctx, store.SettingSynthetic); err != nil || v != "" {
		t.Fatalf("a setting never stored: %q, %v; want \"\"", v, err)
	}
	for _, want := range []string{"true", "again"} {
		if err := s.SetSetting(ctx, store.SettingSynthetic, want); err != nil {
			t.Fatal(err)
		}
		if v, err := s.Setting(ctx, store.SettingSynthetic); err != nil || v != want {
			t.Errorf("after storing %q: %q, %v", want, v, err)
		}
	}
	if err := s.SetSetting(ctx, "", "x"); err == nil {
		t.Error("a setting without a name was stored")
	}
}
