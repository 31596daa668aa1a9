package scheme

import (
	"cmp"
	"slices"
)

// Facet is a property of schemes that a search can be narrowed by.
type Facet string

// The facets. Area values are the areas as schemes list them: a filter on
// "vinje" finds the schemes that name Vinje, not the national ones that can
// be used there too (that is what Find is for).
const (
	FacetProvider Facet = "provider"
	FacetLevel    Facet = "level"
	FacetKind     Facet = "kind"
	FacetAudience Facet = "audience"
	FacetTheme    Facet = "theme"
	FacetArea     Facet = "area"
	FacetStatus   Facet = "status"
)

const numFacets = 7

// facetOrder fixes each facet's place in the arrays below.
var facetOrder = [numFacets]Facet{FacetProvider, FacetLevel, FacetKind, FacetAudience, FacetTheme, FacetArea, FacetStatus}

// Facets are the facets in the order a search page shows them.
var Facets = slices.Clone(facetOrder[:])

// FacetCount is how many schemes have a facet's value.
type FacetCount struct {
	Value string `json:"value"`
	Count int    `json:"count"`
}

// facetIndex numbers each facet's values, so that a search counts in slices
// rather than maps: counting is most of the work of a search that matches
// the whole catalogue.
type facetIndex struct {
	values [numFacets][]string
	ids    [numFacets]map[string]int32
}

// add numbers a scheme's values of each facet and returns the numbers.
func (fi *facetIndex) add(s *Scheme) [numFacets][]int32 {
	var out [numFacets][]int32
	for i, vs := range [numFacets][]string{
		{s.Provider}, {string(s.Level)}, strs(s.Kinds), strs(s.Audiences),
		strs(s.Themes), s.Areas, {string(s.Status)},
	} {
		if fi.ids[i] == nil {
			fi.ids[i] = map[string]int32{}
		}
		for _, v := range vs {
			id, ok := fi.ids[i][v]
			if !ok {
				id = int32(len(fi.values[i]))
				fi.ids[i][v] = id
				fi.values[i] = append(fi.values[i], v)
			}
			out[i] = append(out[i], id)
		}
	}
	return out
}

func strs[T ~string](vs []T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return out
}

// filters are a query's filters: for each facet it filters on, which of the
// facet's values are chosen, and the values as asked for (some perhaps no
// scheme has).
type filters struct {
	on    [numFacets][]bool
	asked [numFacets][]string
}

func (fi *facetIndex) filters(m map[Facet][]string) filters {
	var f filters
	for i, facet := range facetOrder {
		vs := m[facet]
		if len(vs) == 0 {
			continue
		}
		f.asked[i] = vs
		f.on[i] = make([]bool, len(fi.values[i]))
		for _, v := range vs {
			if id, ok := fi.ids[i][v]; ok {
				f.on[i][id] = true
			}
		}
	}
	return f
}

// failing returns how many facets' filters d fails, and the last one.
func (f *filters) failing(d *doc) (n, last int) {
	for i, on := range f.on {
		if on == nil {
			continue
		}
		if !slices.ContainsFunc(d.facets[i], func(id int32) bool { return on[id] }) {
			n, last = n+1, i
		}
	}
	return n, last
}

// facetCounter counts facet values the standard way of faceted search: a
// facet's counts are over the schemes that pass every other facet's filters,
// so that choosing a value does not hide its siblings.
type facetCounter [numFacets][]int

func (fi *facetIndex) counter() facetCounter {
	var c facetCounter
	for i := range c {
		c[i] = make([]int, len(fi.values[i]))
	}
	return c
}

// add counts d, which fails the filters of `failed` facets, the last of them
// `last`.
func (c *facetCounter) add(d *doc, failed, last int) {
	switch failed {
	case 0:
		for i := range c {
			for _, id := range d.facets[i] {
				c[i][id]++
			}
		}
	case 1:
		for _, id := range d.facets[last] {
			c[last][id]++
		}
	}
}

// result returns every facet's counts, most first, then by value; a value
// the query filters on is there even when no scheme has it, so that a page
// can show it chosen.
func (c *facetCounter) result(fi *facetIndex, f filters) map[Facet][]FacetCount {
	out := make(map[Facet][]FacetCount, numFacets)
	for i, facet := range facetOrder {
		counts := []FacetCount{}
		for id, n := range c[i] {
			if n > 0 || (f.on[i] != nil && f.on[i][id]) {
				counts = append(counts, FacetCount{Value: fi.values[i][id], Count: n})
			}
		}
		for _, v := range f.asked[i] {
			if _, ok := fi.ids[i][v]; !ok && !slices.Contains(counts, FacetCount{Value: v}) {
				counts = append(counts, FacetCount{Value: v})
			}
		}
		slices.SortFunc(counts, func(a, b FacetCount) int {
			return cmp.Or(b.Count-a.Count, cmp.Compare(a.Value, b.Value))
		})
		out[facet] = counts
	}
	return out
}
