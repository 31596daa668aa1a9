package web

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"

	"planverk/scheme"
	"planverk/store"
)

// TestAPISchemePages: the API's search gives 50 hits a page, says how many
// there are in all, and links to the next page in the answer and in a
// Link header; the last page has the rest and no next.
func TestAPISchemePages(t *testing.T) {
	fx := newFixture(t, "sqlite")
	cat, err := fx.app.catalogue(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	// The example catalogue fits on one page: copies of its schemes,
	// under ids of their own, make it reach a second.
	var copies []scheme.Scheme
	for i := 0; len(cat.Schemes)+len(copies) <= apiSchemePageSize+3; i++ {
		sc := cat.Schemes[i%len(cat.Schemes)]
		sc.ID = fmt.Sprintf("%s-kopi-%d", sc.ID, i)
		copies = append(copies, sc)
	}
	if _, _, err := fx.store.ImportSchemes(context.Background(), copies, store.Edit{Summary: "kopiar"}, -1); err != nil {
		t.Fatal(err)
	}
	fx.app.schemes.forget()
	n := len(cat.Schemes) + len(copies)
	visitor := fx.anonymous()
	read := func(path string) (apiSchemeList, string) {
		t.Helper()
		resp, body := visitor.get(path)
		var l apiSchemeList
		if err := json.Unmarshal([]byte(body), &l); err != nil {
			t.Fatalf("%s: %v\n%s", path, err, body)
		}
		return l, resp.Header.Get("Link")
	}
	first, link := read("/api/v1/schemes")
	if first.Total != n || first.Page != 1 || len(first.Hits) != apiSchemePageSize {
		t.Errorf("page 1: total %d, page %d, %d hits; want %d, 1, %d", first.Total, first.Page, len(first.Hits), n, apiSchemePageSize)
	}
	if first.Next != "/api/v1/schemes?page=2" || link != `</api/v1/schemes?page=2>; rel="next"` {
		t.Errorf("page 1 links to %q (Link %q)", first.Next, link)
	}
	second, link := read(first.Next)
	if second.Total != n || second.Page != 2 || len(second.Hits) != n-apiSchemePageSize || second.Next != "" || link != "" {
		t.Errorf("page 2: total %d, page %d, %d hits, next %q, Link %q", second.Total, second.Page, len(second.Hits), second.Next, link)
	}
	seen := map[string]bool{}
	for _, h := range append(first.Hits, second.Hits...) {
		seen[h.Scheme.ID] = true
	}
	if len(seen) != n {
		t.Errorf("the two pages hold %d different schemes of %d", len(seen), n)
	}
}
