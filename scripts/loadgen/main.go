// Command loadgen is the load generator of scripts/load.sh: it sends
// requests to a planverk on this machine for a fixed time and prints what
// came back, and it serves the anchors the pages are compared with. It
// needs nothing beyond Go, so that the load script runs wherever planverk
// builds.
//
//	loadgen get   [-c N] [-d DURATION] [-H 'Name: value']... URL...
//	loadgen patch [-c N] [-d DURATION] -token TOKEN MEASURE-URL...
//	loadgen login [-c N] [-d DURATION] LOGIN-URL
//	loadgen anchor -addr HOST:PORT -bytes FILE [-json]
//	loadgen anchor -addr HOST:PORT -a2 DATABASE -programme P -year Y -email E
//	loadgen member -db DATABASE -email E -programme P [-role editor]
//
// get and patch print one line: requests/s, p50 and p99 in milliseconds,
// the number of errors and the answers by status, as
//
//	rps=812.4 p50=9.1 p99=31.0 errors=0 n=2437 status=200:2437
//
// get spreads the connections over the URLs (connection i asks for URL
// i mod n). patch gives each connection its own measure (URL i mod n),
// reads its ETag and saves a change of its title again and again with
// If-Match, as an editor would, each save on the ETag the last returned.
//
// login posts wrong passwords for e-mails nobody has, each from another
// client address (X-Forwarded-For), so that only planverk's bound on
// password checks at once holds them back, not its limits per address.
//
// anchor serves one file's bytes from memory at every path, as a static
// file server would (A1); with -json it decodes the plan file in a plan's
// API answer once, into planverk's own types, and encodes the answer again
// on every request (A3), the least a JSON API that does not keep its bytes
// must do. With -a2 it serves anchor A2 instead: planverk's own plan and
// measure pages for the user with the e-mail given, from the plan read
// once from the database (web.PlanInMemory), rendered in full on every
// request.
//
// member gives a user a role in a programme, so that the script can read
// the pages of a draft as one of its members.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"os"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"planverk/plan"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: loadgen get|patch|login|anchor|member [options]")
		os.Exit(2)
	}
	var err error
	switch os.Args[1] {
	case "get", "patch", "login":
		err = load(os.Args[1], os.Args[2:])
	case "anchor":
		err = anchor(os.Args[2:])
	case "member":
		err = member(os.Args[2:])
	default:
		err = fmt.Errorf("unknown command %q", os.Args[1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "loadgen:", err)
		os.Exit(1)
	}
}

type headers []string

func (h *headers) String() string     { return strings.Join(*h, ", ") }
func (h *headers) Set(v string) error { *h = append(*h, v); return nil }

// result is what one connection saw.
type result struct {
	took   []time.Duration
	status map[int]int
	errors int
}

func load(mode string, args []string) error {
	fl := flag.NewFlagSet(mode, flag.ContinueOnError)
	conns := fl.Int("c", 8, "connections, each sending its next request when the last is answered")
	dur := fl.Duration("d", 5*time.Second, "how long to send requests")
	token := fl.String("token", "", "API token (patch)")
	var hs headers
	fl.Var(&hs, "H", "a header to send, 'Name: value' (more than one may be given)")
	if err := fl.Parse(args); err != nil {
		return err
	}
	urls := fl.Args()
	if len(urls) == 0 || *conns < 1 {
		return fmt.Errorf("%s needs at least one URL and one connection", mode)
	}
	if mode == "patch" && *token == "" {
		return fmt.Errorf("patch needs -token")
	}
	client := &http.Client{Timeout: 60 * time.Second, Transport: &http.Transport{
		MaxIdleConns: *conns, MaxIdleConnsPerHost: *conns, DisableCompression: true}}
	results := make([]result, *conns)
	var wg sync.WaitGroup
	start := time.Now()
	end := start.Add(*dur)
	for i := range *conns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := &results[i]
			r.status = map[int]int{}
			u := urls[i%len(urls)]
			switch mode {
			case "get":
				getLoop(client, u, hs, end, r)
			case "login":
				loginLoop(client, u, i, end, r)
			default:
				patchLoop(client, u, *token, i, end, r)
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	var all []time.Duration
	status := map[int]int{}
	errs := 0
	for _, r := range results {
		all = append(all, r.took...)
		for k, v := range r.status {
			status[k] += v
		}
		errs += r.errors
	}
	slices.Sort(all)
	var codes []string
	keys := make([]int, 0, len(status))
	for k := range status {
		keys = append(keys, k)
	}
	sort.Ints(keys)
	for _, k := range keys {
		codes = append(codes, fmt.Sprintf("%d:%d", k, status[k]))
	}
	fmt.Printf("rps=%.1f p50=%.1f p99=%.1f errors=%d n=%d status=%s\n",
		float64(len(all))/elapsed.Seconds(), ms(quantile(all, 0.50)), ms(quantile(all, 0.99)), errs, len(all), strings.Join(codes, ","))
	return nil
}

func quantile(sorted []time.Duration, q float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	return sorted[min(len(sorted)-1, int(q*float64(len(sorted))))]
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// ok is whether an answer counts as served: 2xx, or 304 for a client
// that had the page.
func ok(code int) bool { return code >= 200 && code < 300 || code == http.StatusNotModified }

func getLoop(client *http.Client, u string, hs headers, end time.Time, r *result) {
	for time.Now().Before(end) {
		req, err := http.NewRequest(http.MethodGet, u, nil)
		if err != nil {
			r.errors++
			return
		}
		for _, h := range hs {
			k, v, _ := strings.Cut(h, ":")
			req.Header.Set(strings.TrimSpace(k), strings.TrimSpace(v))
		}
		t := time.Now()
		resp, err := client.Do(req)
		if err != nil {
			r.errors++
			r.took = append(r.took, time.Since(t))
			continue
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		r.took = append(r.took, time.Since(t))
		r.status[resp.StatusCode]++
		if !ok(resp.StatusCode) {
			r.errors++
		}
	}
}

// patchLoop saves its measure's title again and again. A 412 (someone
// else saved the measure: only where connections share one) reads the
// ETag again and is no error; every other answer but 200 is.
func patchLoop(client *http.Client, u, token string, conn int, end time.Time, r *result) {
	etag := ""
	for n := 0; time.Now().Before(end); n++ {
		if etag == "" {
			req, _ := http.NewRequest(http.MethodGet, u, nil)
			req.Header.Set("Authorization", "Bearer "+token)
			resp, err := client.Do(req)
			if err != nil {
				r.errors++
				time.Sleep(10 * time.Millisecond)
				continue
			}
			_, _ = io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if etag = resp.Header.Get("ETag"); etag == "" {
				r.errors++
				r.status[resp.StatusCode]++
				time.Sleep(10 * time.Millisecond)
				continue
			}
		}
		body, _ := json.Marshal(map[string]any{"measure": map[string]any{
			"title": fmt.Sprintf("Load-test edit %d by connection %d", n, conn)}})
		req, _ := http.NewRequest(http.MethodPatch, u, bytes.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+token)
		req.Header.Set("Content-Type", "application/merge-patch+json")
		req.Header.Set("If-Match", etag)
		t := time.Now()
		resp, err := client.Do(req)
		if err != nil {
			r.errors++
			r.took = append(r.took, time.Since(t))
			etag = ""
			continue
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		r.took = append(r.took, time.Since(t))
		r.status[resp.StatusCode]++
		switch resp.StatusCode {
		case http.StatusOK:
			etag = resp.Header.Get("ETag")
		case http.StatusPreconditionFailed:
			// Another connection saved the measure first: the answer
			// planverk owes, not an error. Read it again.
			etag = ""
		default:
			r.errors++
			etag = ""
		}
	}
}

// loginLoop posts a log-in that fails, from a new address each time.
func loginLoop(client *http.Client, u string, conn int, end time.Time, r *result) {
	origin := u
	if i := strings.Index(u[len("http://"):], "/"); i >= 0 {
		origin = u[:len("http://")+i]
	}
	rng := rand.New(rand.NewPCG(uint64(conn), 1))
	for n := 0; time.Now().Before(end); n++ {
		form := url.Values{"email": {fmt.Sprintf("nobody%d.%d@example.no", conn, n)}, "password": {"not the right password"}}
		req, _ := http.NewRequest(http.MethodPost, u, strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Origin", origin)
		req.Header.Set("X-Forwarded-For", fmt.Sprintf("10.%d.%d.%d", rng.IntN(256), rng.IntN(256), 1+rng.IntN(254)))
		t := time.Now()
		resp, err := client.Do(req)
		r.took = append(r.took, time.Since(t))
		if err != nil {
			r.errors++
			continue
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		r.status[resp.StatusCode]++
		// A wrong password is answered 200 (the form again) or 401; a
		// 503 says the password checks were all busy: the bound held.
		if resp.StatusCode >= 500 && resp.StatusCode != http.StatusServiceUnavailable {
			r.errors++
		}
	}
}

func anchor(args []string) error {
	fl := flag.NewFlagSet("anchor", flag.ContinueOnError)
	addr := fl.String("addr", "127.0.0.1:18089", "address to listen on")
	file := fl.String("bytes", "", "the file whose bytes are served")
	asJSON := fl.Bool("json", false, "decode the file once and encode it again on every request")
	a2 := fl.String("a2", "", "serve anchor A2 from this database's plan instead of a file")
	programme := fl.String("programme", "", "with -a2: the programme")
	year := fl.Int("year", 0, "with -a2: the plan's year")
	email := fl.String("email", "", "with -a2: the signed-in user's e-mail")
	if err := fl.Parse(args); err != nil {
		return err
	}
	if *a2 != "" {
		return anchorA2(*addr, *a2, *programme, *year, *email)
	}
	body, err := os.ReadFile(*file)
	if err != nil {
		return err
	}
	var h http.HandlerFunc
	if *asJSON {
		// The answer's members as they are, but its plan file decoded
		// into planverk's own types, encoded again on every request.
		var doc map[string]json.RawMessage
		if err := json.Unmarshal(body, &doc); err != nil {
			return fmt.Errorf("%s: %w", *file, err)
		}
		var f plan.File
		if err := json.Unmarshal(doc["file"], &f); err != nil {
			return fmt.Errorf("%s: the plan file: %w", *file, err)
		}
		delete(doc, "file")
		h = func(w http.ResponseWriter, r *http.Request) {
			out := make(map[string]any, len(doc)+1)
			for k, v := range doc {
				out[k] = v
			}
			out["file"] = &f
			w.Header().Set("Content-Type", "application/json")
			e := json.NewEncoder(w)
			e.SetIndent("", "  ")
			_ = e.Encode(out)
		}
	} else {
		ctype := http.DetectContentType(body)
		h = func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", ctype)
			_, _ = w.Write(body)
		}
	}
	return http.ListenAndServe(*addr, h)
}
