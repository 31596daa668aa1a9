package sqlstore

import (
	"slices"
	"testing"
)

func TestSortByName(t *testing.T) {
	names := []string{"Åse", "Zoe", "øystein", "Anne", "Ærlig", "bjørn", "Anne"}
	keys := []string{"5", "4", "3", "2", "1", "0", "1"}
	type item struct{ name, key string }
	var items []item
	for i := range names {
		items = append(items, item{names[i], keys[i]})
	}
	sortByName(items, func(i item) string { return i.name }, func(i item) string { return i.key })
	var got []string
	for _, i := range items {
		got = append(got, i.name+"/"+i.key)
	}
	want := []string{"Anne/1", "Anne/2", "bjørn/0", "Zoe/4", "Ærlig/1", "øystein/3", "Åse/5"}
	if !slices.Equal(got, want) {
		t.Errorf("sorted %v, want %v (æ, ø, å after z; case second; equal names by key)", got, want)
	}
}
