package e2e

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Tool is something a browser test needs that a machine may lack.
type Tool string

// The tools of the kit: Chromium for NewBrowser, axe-core (npm) for Axe,
// and Java with vnu.jar (npm) for ValidateHTML.
const (
	Chromium    Tool = "Chromium"
	AxeCore     Tool = "axe-core"
	HTMLChecker Tool = "the HTML checker"
	// Nginx is Debian's nginx, the reverse proxy in front of several
	// copies of planverk; PostgreSQL the server they share
	// (PLANVERK_TEST_POSTGRES).
	Nginx      Tool = "nginx"
	PostgreSQL Tool = "PostgreSQL"
)

// Require skips the test at its start, saying why for each tool that is
// missing, or fails it when PLANVERK_REQUIRE_BROWSER=1.
//
// NewBrowser, Axe and ValidateHTML skip by themselves, but only the test or
// subtest they are called in: a test that checks its pages in subtests (one
// per language) and then goes on with what the subtests did would otherwise
// run on without them and fail on a page that never came. A test that uses
// a tool calls Require for all of them first, so that a machine with
// Chromium and Java but no npm packages skips it whole.
func Require(t testing.TB, tools ...Tool) {
	t.Helper()
	var missing []string
	for _, tool := range tools {
		if why := whyMissing(tool); why != "" {
			missing = append(missing, why)
		}
	}
	if len(missing) > 0 {
		unavailable(t, "%s", strings.Join(missing, "; "))
	}
}

// whyMissing says why a tool cannot be used, or "" when it can.
func whyMissing(tool Tool) string {
	root, err := RepoRoot()
	if err != nil && tool != Chromium {
		return fmt.Sprintf("%s: %v", tool, err)
	}
	switch tool {
	case Chromium:
		if FindChromium() == "" {
			if p := os.Getenv(EnvChromium); p != "" {
				return fmt.Sprintf("%s=%q is not an executable", EnvChromium, p)
			}
			return fmt.Sprintf("no Chromium found: set %s, or install chromium (/usr/bin/chromium, or chromium or chromium-browser on PATH)", EnvChromium)
		}
	case AxeCore:
		if _, err := os.Stat(filepath.Join(root, "node_modules", "axe-core", "axe.min.js")); err != nil {
			return "axe-core is not installed: run `npm ci --ignore-scripts` in the repository root"
		}
	case HTMLChecker:
		var why []string
		if _, err := exec.LookPath("java"); err != nil {
			why = append(why, "java is not on PATH; the HTML checker (vnu.jar) needs Java 17 or later")
		}
		if jar, _ := VNUJar(); jar == "" || !exists(jar) {
			why = append(why, "vnu.jar is not installed: run `npm ci --ignore-scripts` in the repository root")
		}
		return strings.Join(why, "; ")
	case Nginx:
		if NginxPath() == "" {
			return "nginx is not installed: apt-get install -y nginx"
		}
	case PostgreSQL:
		if os.Getenv("PLANVERK_TEST_POSTGRES") == "" {
			return "PLANVERK_TEST_POSTGRES names no PostgreSQL server (postgres://postgres@127.0.0.1:5432/postgres)"
		}
	}
	return ""
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// NginxPath is where nginx is: on PATH, or in /usr/sbin, where Debian puts
// it and a user's PATH may not look; "" where it is neither.
func NginxPath() string {
	if p, err := exec.LookPath("nginx"); err == nil {
		return p
	}
	if exists("/usr/sbin/nginx") {
		return "/usr/sbin/nginx"
	}
	return ""
}
