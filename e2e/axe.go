package e2e

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// axeTags are the axe-core rule tags that Axe runs: WCAG 2.0 and 2.1, levels
// A and AA.
var axeTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa"}

// Violation is one axe-core rule that failed, with the elements that fail
// it.
type Violation struct {
	ID          string          `json:"id"`     // rule id, such as "image-alt"
	Impact      string          `json:"impact"` // "minor", "moderate", "serious" or "critical"
	Help        string          `json:"help"`   // one-line description of the rule
	Description string          `json:"description"`
	HelpURL     string          `json:"helpUrl"`
	Tags        []string        `json:"tags"`
	Nodes       []ViolationNode `json:"nodes"`
}

// ViolationNode is one element that fails a rule.
type ViolationNode struct {
	// Target is the CSS selector of the element. A selector into an iframe
	// or a shadow root has one entry for each document; an entry that
	// crosses shadow roots joins its parts with " >>> ".
	Target         []string `json:"target"`
	HTML           string   `json:"html"` // the opening tag, as axe shows it
	Impact         string   `json:"impact"`
	FailureSummary string   `json:"failureSummary"` // what to fix
}

// String formats the violation on several lines for a test message.
func (v Violation) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s): %s\n    %s", v.ID, v.Impact, v.Help, v.HelpURL)
	for _, n := range v.Nodes {
		fmt.Fprintf(&b, "\n  - %s\n      %s", strings.Join(n.Target, " "), n.HTML)
		for _, line := range strings.Split(strings.TrimSpace(n.FailureSummary), "\n") {
			fmt.Fprintf(&b, "\n      %s", strings.TrimSpace(line))
		}
	}
	return b.String()
}

// Axe runs axe-core in the page with the rules tagged wcag2a, wcag2aa,
// wcag21a and wcag21aa (WCAG 2.0 and 2.1, levels A and AA) and returns the
// violations (an empty slice when there are none). It injects
// node_modules/axe-core/axe.min.js from the repository root into the page
// first; when node_modules is missing it skips the test, or fails it when
// PLANVERK_REQUIRE_BROWSER=1.
//
// Rules that axe cannot decide (its "incomplete" results, such as the
// contrast of text over an image) are not violations and are not returned.
func (p *Page) Axe(t testing.TB) []Violation {
	t.Helper()
	return p.AxeWithTags(t, axeTags...)
}

// AxeWithTags is like Axe with other rule tags, such as "wcag22aa" or
// "best-practice".
func (p *Page) AxeWithTags(t testing.TB, tags ...string) []Violation {
	t.Helper()
	src := axeSource(t)
	p = p.For(t)

	var loaded bool
	p.Eval(`typeof window.axe === "object" && typeof window.axe.run === "function"`, &loaded)
	if !loaded {
		// The script defines window.axe. Evaluated through the DevTools
		// protocol, it is not subject to the Content-Security-Policy of
		// the page.
		p.Eval(src+"\n;undefined", nil)
	}

	var out []Violation
	p.Eval(fmt.Sprintf(`(async () => {
		const r = await axe.run(document, {runOnly: {type: "tag", values: %s}, resultTypes: ["violations"]});
		const sel = (s) => Array.isArray(s) ? s.join(" >>> ") : String(s);
		return r.violations.map((v) => ({
			id: v.id, impact: v.impact || "", help: v.help, description: v.description,
			helpUrl: v.helpUrl, tags: v.tags,
			nodes: v.nodes.map((n) => ({
				target: n.target.map(sel), html: n.html, impact: n.impact || "",
				failureSummary: n.failureSummary || "",
			})),
		}));
	})()`, jsonArray(tags)), &out)
	if out == nil {
		out = []Violation{}
	}
	return out
}

// AssertNoAxeViolations runs Axe and fails the test with one readable entry
// for each violation.
func (p *Page) AssertNoAxeViolations(t testing.TB) {
	t.Helper()
	vs := p.Axe(t)
	if len(vs) == 0 {
		return
	}
	var b strings.Builder
	fmt.Fprintf(&b, "axe-core found %d accessibility violation(s) on %s:", len(vs), p.For(t).URL())
	for i, v := range vs {
		fmt.Fprintf(&b, "\n%d. %s", i+1, v)
	}
	t.Error(b.String())
}

func jsonArray(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = jsString(s)
	}
	return "[" + strings.Join(q, ", ") + "]"
}

var (
	axeOnce sync.Once
	axeSrc  string
	axeErr  error
)

// axeSource returns the text of axe.min.js, read once per process.
func axeSource(t testing.TB) string {
	t.Helper()
	axeOnce.Do(func() {
		var root string
		if root, axeErr = RepoRoot(); axeErr != nil {
			return
		}
		var b []byte
		b, axeErr = os.ReadFile(filepath.Join(root, "node_modules", "axe-core", "axe.min.js"))
		axeSrc = string(b)
	})
	if errors.Is(axeErr, os.ErrNotExist) {
		unavailable(t, "axe-core is not installed: run `npm ci` in the repository root (%v)", axeErr)
	}
	if axeErr != nil {
		t.Fatalf("e2e: loading axe-core: %v", axeErr)
	}
	return axeSrc
}

// RepoRoot returns the directory of the go.mod file that contains the
// working directory (the root of the repository, where node_modules is).
func RepoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod found in the working directory or above it")
		}
		dir = parent
	}
}
