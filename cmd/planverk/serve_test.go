package main

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// serve starts with the example plans on an empty database, answers, keeps
// them across a restart without loading them twice, and stops cleanly when
// its context ends (as on SIGTERM).
func TestServeLifecycle(t *testing.T) {
	t.Parallel()
	db := filepath.Join(t.TempDir(), "planverk.db")
	for round := 1; round <= 2; round++ {
		ctx, cancel := context.WithCancel(context.Background())
		pr, pw := io.Pipe()
		done := make(chan int, 1)
		go func() {
			done <- run(ctx, []string{"serve", "--addr", "127.0.0.1:0", "--db", db}, strings.NewReader(""), io.Discard, pw)
			pw.Close()
		}()
		addr, loaded := "", 0
		sc := bufio.NewScanner(pr)
		for addr == "" && sc.Scan() {
			var line struct{ Msg, Addr string }
			_ = json.Unmarshal(sc.Bytes(), &line)
			switch line.Msg {
			case "loaded example plan":
				loaded++
			case "planverk serving":
				addr = line.Addr
			}
		}
		go func() { _, _ = io.Copy(io.Discard, pr) }()
		if addr == "" {
			t.Fatal("serve did not start")
		}
		if want := map[int]int{1: 2, 2: 0}[round]; loaded != want {
			t.Errorf("start %d loaded %d example plans, want %d", round, loaded, want)
		}
		resp, err := http.Get(addr + "/programmes/driv/plans/2025")
		if err != nil || resp.StatusCode != http.StatusOK {
			t.Fatalf("start %d: plan page: %v %v", round, err, resp)
		}
		resp.Body.Close()
		cancel()
		select {
		case code := <-done:
			if code != exitOK {
				t.Errorf("start %d: exit %d after shutdown", round, code)
			}
		case <-time.After(30 * time.Second):
			t.Fatal("serve did not stop")
		}
	}
}
