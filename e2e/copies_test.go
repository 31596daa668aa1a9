package e2e_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strings"
	"testing"
	"time"

	"planverk/e2e"
	"planverk/store/testdb"
)

// TestSeveralCopies: three copies of planverk share one PostgreSQL behind
// nginx, which hands each request to the next copy in turn. Someone who
// logs in through one copy is logged in on every copy; an edit made
// through one is on every copy's pages at once; a plan closed to the
// public through one is closed on every copy as soon as PostgreSQL has told
// it, pages kept in memory included; and two people editing one measure through different copies
// cannot overwrite each other; and a glossary term added through one copy
// is on the others' glossary pages at once, although each keeps the
// support-scheme catalogue in memory: PostgreSQL tells every copy of the
// change (LISTEN/NOTIFY), where without it a copy would ask only every
// minute.
func TestSeveralCopies(t *testing.T) {
	e2e.Require(t, e2e.Nginx, e2e.PostgreSQL)
	testdb.Parallel(t)
	db := serverDatabase.Database(t, "postgres")
	var copies []string
	var backends []string
	for range 3 {
		srv := startServerAt(t, db)
		copies = append(copies, srv.URL)
		backends = append(backends, strings.TrimPrefix(srv.URL, "http://"))
	}
	proxy := e2e.StartProxy(t, backends)

	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	member := &http.Client{Jar: jar}
	visitor := &http.Client{}
	call := func(c *http.Client, method, u, body string, header ...string) (*http.Response, string) {
		t.Helper()
		req, err := http.NewRequest(method, u, strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		for i := 0; i+1 < len(header); i += 2 {
			req.Header.Set(header[i], header[i+1])
		}
		resp, err := c.Do(req)
		if err != nil {
			t.Fatalf("%s %s: %v", method, u, err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp, string(b)
	}

	// Logged in through the proxy, the person is logged in on every copy:
	// the session lives in the database, and the cookie is the same.
	form := url.Values{"email": {adminEmail}, "password": {adminPassword}}
	if resp, body := call(member, "POST", proxy+"/login", form.Encode(), "Content-Type", "application/x-www-form-urlencoded"); resp.StatusCode != http.StatusOK {
		t.Fatalf("log in through the proxy: %d\n%s", resp.StatusCode, body)
	}
	for i, c := range copies {
		resp, body := call(member, "GET", c+"/account", "")
		if resp.StatusCode != http.StatusOK || !strings.Contains(body, adminEmail) {
			t.Errorf("copy %d does not know the session: %d", i+1, resp.StatusCode)
		}
	}

	// An edit through copy 1 is on the pages of copies 2 and 3 at once.
	const m11 = "/api/v1/measures/vest-telemark.2025.1.1"
	resp, _ := call(member, "GET", copies[0]+m11, "")
	etag := resp.Header.Get("ETag")
	if etag == "" {
		t.Fatalf("GET %s: %d, no ETag", m11, resp.StatusCode)
	}
	const title = "Tiltak endra gjennom den første kopien"
	patch := `{"measure": {"title": "` + title + `"}}`
	if resp, body := call(member, "PATCH", copies[0]+m11, patch, "Content-Type", "application/merge-patch+json", "If-Match", etag); resp.StatusCode != http.StatusOK {
		t.Fatalf("PATCH through copy 1: %d\n%s", resp.StatusCode, body)
	}
	for i, c := range copies[1:] {
		if _, page := call(member, "GET", c+"/programmes/vest-telemark/plans/2025", ""); !strings.Contains(page, title) {
			t.Errorf("copy %d's plan page lacks the edit made through copy 1", i+2)
		}
	}
	// The ETag copy 1 answered was the measure's before the edit: a second
	// person holding it is refused by copy 2, and the first edit stands.
	if resp, _ := call(member, "PATCH", copies[1]+m11, `{"measure": {"title": "Eit anna namn"}}`,
		"Content-Type", "application/merge-patch+json", "If-Match", etag); resp.StatusCode != http.StatusPreconditionFailed {
		t.Errorf("a PATCH with the old ETag through copy 2: %d, want 412", resp.StatusCode)
	}
	if _, body := call(member, "GET", copies[2]+m11, ""); !strings.Contains(body, title) {
		t.Errorf("after the refused PATCH, copy 3 gives %s", body)
	}

	// Every copy has read the glossary into memory; a term added through
	// copy 1 is on the others' glossary pages as soon as PostgreSQL has
	// told them, which takes milliseconds, not the minute after which a
	// copy would ask again on its own.
	for i, c := range copies {
		if resp, _ := call(visitor, "GET", c+"/glossary", ""); resp.StatusCode != http.StatusOK {
			t.Fatalf("copy %d: the glossary is %d", i+1, resp.StatusCode)
		}
	}
	const word = "Kopitilskot"
	term := url.Values{"id": {"kopitilskot"}, "terms_nn": {word}, "terms_nb": {word},
		"explanation_nn": {"Eit tilskot lagt inn gjennom den første kopien."}, "submission": {"copies-term"}}
	if resp, body := call(member, "POST", copies[0]+"/glossary/new", term.Encode(),
		"Content-Type", "application/x-www-form-urlencoded"); resp.StatusCode != http.StatusOK {
		t.Fatalf("adding a glossary term through copy 1: %d\n%s", resp.StatusCode, body)
	}
	for i, c := range copies[1:] {
		seen := false
		for deadline := time.Now().Add(5 * time.Second); !seen && time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
			_, page := call(visitor, "GET", c+"/glossary", "")
			seen = strings.Contains(page, word)
		}
		if !seen {
			t.Errorf("copy %d's glossary lacks the term added through copy 1 after 5 s", i+2)
		}
	}

	// Every copy serves the public plan page from memory; closed through
	// copy 1, it is gone from all three at once.
	const public = "/programmes/vest-telemark/plans/2025"
	for i, c := range copies {
		for range 2 { // the second is served from memory
			if resp, _ := call(visitor, "GET", c+public, ""); resp.StatusCode != http.StatusOK {
				t.Fatalf("copy %d: a visitor's plan page is %d", i+1, resp.StatusCode)
			}
		}
	}
	closeIt, _ := json.Marshal(map[string]bool{"published": false})
	if resp, body := call(member, "POST", copies[0]+"/api/v1/programmes/vest-telemark/plans/2025/publish", string(closeIt),
		"Content-Type", "application/json"); resp.StatusCode != http.StatusOK {
		t.Fatalf("closing the plan through copy 1: %d\n%s", resp.StatusCode, body)
	}
	// Copy 1 knows at once; the others as soon as PostgreSQL has told
	// them, in milliseconds. None asks the database on every request.
	if resp, _ := call(visitor, "GET", copies[0]+public, ""); resp.StatusCode != http.StatusNotFound {
		t.Errorf("copy 1 still shows a visitor the plan closed through it: %d", resp.StatusCode)
	}
	for i, c := range copies[1:] {
		status := 0
		for deadline := time.Now().Add(5 * time.Second); status != http.StatusNotFound && time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
			resp, _ := call(visitor, "GET", c+public, "")
			status = resp.StatusCode
		}
		if status != http.StatusNotFound {
			t.Errorf("copy %d still shows a visitor the closed plan after 5 s: %d", i+2, status)
		}
	}
}
