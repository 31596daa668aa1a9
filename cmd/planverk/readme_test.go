//go:build unix

package main

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

// readmeCommands are the planverk commands in the code blocks of the
// README's "Run it" section, as a newcomer copies them.
func readmeCommands(t *testing.T) map[string]string {
	t.Helper()
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	start := strings.Index(s, "\n## Run it\n")
	if start < 0 {
		t.Fatal(`README.md has no "## Run it" section`)
	}
	section := s[start+1:]
	if end := strings.Index(section[3:], "\n## "); end >= 0 {
		section = section[:end+3]
	}
	cmds := map[string]string{}
	block := regexp.MustCompile("(?s)```sh\n(.*?)```")
	for _, m := range block.FindAllStringSubmatch(section, -1) {
		for _, line := range strings.Split(m[1], "\n") {
			if rest, ok := strings.CutPrefix(strings.TrimSpace(line), "go run ./cmd/planverk "); ok {
				cmds[strings.Fields(rest)[0]] = strings.TrimSpace(line)
			}
		}
	}
	for _, want := range []string{"serve", "check"} {
		if cmds[want] == "" {
			t.Fatalf("the README's Run it section has no `go run ./cmd/planverk %s` in a code block", want)
		}
	}
	return cmds
}

// readmeShell runs a README command line in the repository's root as a
// shell would (the shell expands examples/*.yaml), with the program built
// once instead of by go run each time.
func readmeShell(t *testing.T, bin, line string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command("sh", "-c", "exec "+strings.Replace(line, "go run ./cmd/planverk", bin, 1))
	cmd.Dir = "../.."
	return cmd
}

func buildPlanverk(t *testing.T) string {
	t.Helper()
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("the go command is not on PATH, so the README's go run commands cannot be run:", err)
	}
	bin := filepath.Join(t.TempDir(), "planverk")
	build := exec.Command(goTool, "build", "-o", bin, "./cmd/planverk")
	build.Dir = "../.."
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build ./cmd/planverk: %v\n%s", err, out)
	}
	return bin
}

// TestReadmeCommands: the two commands the README gives a newcomer work as
// written: check passes on the examples, and serve starts on an empty
// database, shows the example plans and stops cleanly on SIGTERM.
func TestReadmeCommands(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs planverk; skipped with -short")
	}
	cmds := readmeCommands(t)
	bin := buildPlanverk(t)

	t.Run("check", func(t *testing.T) {
		cmd := readmeShell(t, bin, cmds["check"])
		cmd.Env = append(os.Environ(), "PLANVERK_LANG=en")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%s: %v\n%s", cmds["check"], err, out)
		}
		if !strings.Contains(string(out), " 0 error(s)") {
			t.Errorf("%s:\n%s", cmds["check"], out)
		}
	})

	t.Run("serve", func(t *testing.T) {
		// The README's defaults, 127.0.0.1:8080 and planverk.db in the
		// working directory, would clash with a planverk already running
		// and write into the clone: the test moves both by the environment
		// variables the README names, and leaves the command as written.
		cmd := readmeShell(t, bin, cmds["serve"])
		cmd.Env = append(os.Environ(), "PLANVERK_ADDR=127.0.0.1:0", "PLANVERK_DB="+filepath.Join(t.TempDir(), "planverk.db"))
		stderr, err := cmd.StderrPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
		defer cancel()
		go func() {
			<-ctx.Done()
			_ = cmd.Process.Kill()
		}()
		addr := ""
		sc := bufio.NewScanner(stderr)
		for addr == "" && sc.Scan() {
			var line struct{ Msg, Addr string }
			if json.Unmarshal(sc.Bytes(), &line) == nil && line.Msg == "planverk serving" {
				addr = line.Addr
			}
		}
		go func() { _, _ = io.Copy(io.Discard, stderr) }()
		if addr == "" {
			_ = cmd.Wait()
			t.Fatalf("%s did not start", cmds["serve"])
		}
		for _, path := range []string{"/", "/programmes/driv/plans/2025", "/programmes/vest-telemark/plans/2025"} {
			resp, err := http.Get(addr + path)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != http.StatusOK {
				t.Errorf("GET %s: %s", path, resp.Status)
			}
		}
		if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
			t.Fatal(err)
		}
		if err := cmd.Wait(); err != nil {
			t.Errorf("%s after SIGTERM: %v", cmds["serve"], err)
		}
	})
}
