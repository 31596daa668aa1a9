package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
)

// vnuTimeout limits one run of the checker. The JVM alone needs a second or
// two to start.
const vnuTimeout = 2 * time.Minute

// HTMLMessage is one error that the Nu Html Checker (vnu) reports.
type HTMLMessage struct {
	Line    int    `json:"line"`   // 1-based; the line where the problem ends
	Column  int    `json:"column"` // 1-based; the column where the problem starts
	Message string `json:"message"`
	Extract string `json:"extract"` // the markup around the problem
}

// String formats the message as "line:column: message".
func (m HTMLMessage) String() string {
	s := fmt.Sprintf("%d:%d: %s", m.Line, m.Column, m.Message)
	if m.Extract != "" {
		s += "\n      " + strings.ReplaceAll(m.Extract, "\n", "↵")
	}
	return s
}

// ValidateHTML checks one HTML document with vnu and returns its errors (not
// its warnings). It skips the test when java or vnu.jar is missing, or fails
// it when PLANVERK_REQUIRE_BROWSER=1.
//
// Each call starts a JVM, which takes one to two seconds; check many
// documents at once with ValidateHTMLFiles.
func ValidateHTML(t testing.TB, html []byte) []HTMLMessage {
	t.Helper()
	java, jar := vnuTools(t)
	out := runVNU(t, java, jar, bytes.NewReader(html), "-")
	msgs := out[""]
	if msgs == nil {
		msgs = []HTMLMessage{}
	}
	return msgs
}

// ValidateHTMLFiles checks many HTML documents with one run of vnu and
// returns the errors of each document, by the names of docs. A document
// without errors maps to an empty slice.
func ValidateHTMLFiles(t testing.TB, docs map[string][]byte) map[string][]HTMLMessage {
	t.Helper()
	res := make(map[string][]HTMLMessage, len(docs))
	if len(docs) == 0 {
		return res
	}
	java, jar := vnuTools(t)

	names := make([]string, 0, len(docs))
	for name := range docs {
		names = append(names, name)
	}
	sort.Strings(names)

	dir := t.TempDir()
	byFile := make(map[string]string, len(docs))
	args := make([]string, 0, len(docs))
	for i, name := range names {
		// The file names are numbers, so any document name works; vnu
		// checks a file as HTML because of the .html suffix.
		file := filepath.Join(dir, fmt.Sprintf("doc%04d.html", i))
		if err := os.WriteFile(file, docs[name], 0o644); err != nil {
			t.Fatalf("e2e: ValidateHTMLFiles: %v", err)
		}
		byFile[filepath.Base(file)] = name
		args = append(args, file)
		res[name] = []HTMLMessage{}
	}

	for u, msgs := range runVNU(t, java, jar, nil, args...) {
		// vnu names a file by a URL such as "file:/tmp/x/doc0001.html".
		name, ok := byFile[path.Base(u)]
		if !ok {
			t.Fatalf("e2e: vnu reported on %q, which is not one of the documents", u)
		}
		res[name] = msgs
	}
	return res
}

// AssertValidHTML fails the test with each error that vnu finds in html.
func AssertValidHTML(t testing.TB, html []byte) {
	t.Helper()
	if msgs := ValidateHTML(t, html); len(msgs) > 0 {
		t.Error(formatHTMLErrors("", msgs))
	}
}

// AssertValidHTMLFiles checks all documents in one run of vnu and fails the
// test with each error, by document name.
func AssertValidHTMLFiles(t testing.TB, docs map[string][]byte) {
	t.Helper()
	res := ValidateHTMLFiles(t, docs)
	names := make([]string, 0, len(res))
	for name, msgs := range res {
		if len(msgs) > 0 {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	for _, name := range names {
		t.Error(formatHTMLErrors(name, res[name]))
	}
}

func formatHTMLErrors(name string, msgs []HTMLMessage) string {
	var b strings.Builder
	if name != "" {
		name = " in " + name
	}
	fmt.Fprintf(&b, "vnu found %d HTML error(s)%s:", len(msgs), name)
	for _, m := range msgs {
		b.WriteString("\n  " + m.String())
	}
	return b.String()
}

// FetchHTML GETs url with http.DefaultClient and returns the body, for
// ValidateHTML. It fails the test unless the status is 2xx.
func FetchHTML(t testing.TB, url string) []byte {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatalf("e2e: FetchHTML: %v", err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("e2e: FetchHTML(%s): %v", url, err)
	}
	if resp.StatusCode/100 != 2 {
		t.Fatalf("e2e: FetchHTML(%s): status %s", url, resp.Status)
	}
	return body
}

// VNUJar returns the path of vnu.jar in node_modules of the repository root.
func VNUJar() (string, error) {
	root, err := RepoRoot()
	if err != nil {
		return "", err
	}
	return filepath.Join(root, "node_modules", "vnu-jar", "build", "dist", "vnu.jar"), nil
}

// vnuTools returns the paths of java and vnu.jar, or skips the test.
func vnuTools(t testing.TB) (java, jar string) {
	t.Helper()
	java, err := exec.LookPath("java")
	if err != nil {
		unavailable(t, "java is not on PATH; vnu.jar needs Java 17 or later")
	}
	jar, err = VNUJar()
	if err != nil {
		t.Fatalf("e2e: %v", err)
	}
	if _, err := os.Stat(jar); err != nil {
		unavailable(t, "vnu.jar is not installed: run `npm ci` in the repository root (%v)", err)
	}
	return java, jar
}

// vnuMessage is a message of the JSON output of vnu.
type vnuMessage struct {
	Type        string `json:"type"` // "error", "info", "non-document-error"
	SubType     string `json:"subType"`
	URL         string `json:"url"` // absent for stdin
	FirstLine   int    `json:"firstLine"`
	LastLine    int    `json:"lastLine"`
	FirstColumn int    `json:"firstColumn"`
	LastColumn  int    `json:"lastColumn"`
	Message     string `json:"message"`
	Extract     string `json:"extract"`
}

// runVNU runs vnu on the inputs and returns the errors by the url that vnu
// reports ("" for stdin).
func runVNU(t testing.TB, java, jar string, stdin io.Reader, inputs ...string) map[string][]HTMLMessage {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), vnuTimeout)
	defer cancel()
	args := []string{
		"-Xss2m", // the validator recurses deeply on deeply nested markup
		"-jar", jar,
		"--format", "json", "--stdout",
		"--errors-only", "--exit-zero-always", "--asciiquotes",
		"--no-langdetect", // it only gives warnings, and it is slow
	}
	cmd := exec.CommandContext(ctx, java, append(args, inputs...)...)
	cmd.Stdin = stdin
	var stdout, stderr bytes.Buffer
	cmd.Stdout = &stdout
	cmd.Stderr = &stderr
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("e2e: vnu did not finish within %v\n%s", vnuTimeout, stderr.String())
	}
	if err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			t.Fatalf("e2e: running vnu: %v", err)
		}
		t.Fatalf("e2e: vnu failed (%v):\n%s%s", err, stderr.String(), truncate(stdout.String(), 2000))
	}

	var out struct {
		Messages []vnuMessage `json:"messages"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &out); err != nil {
		t.Fatalf("e2e: reading the output of vnu: %v\nstdout:\n%s\nstderr:\n%s", err, truncate(stdout.String(), 2000), stderr.String())
	}
	res := map[string][]HTMLMessage{}
	for _, m := range out.Messages {
		switch m.Type {
		case "error":
			res[m.URL] = append(res[m.URL], HTMLMessage{
				Line: m.LastLine, Column: m.FirstColumn, Message: m.Message, Extract: m.Extract,
			})
		case "non-document-error":
			// vnu could not read or parse an input at all.
			t.Fatalf("e2e: vnu: %s: %s", m.URL, m.Message)
		}
	}
	return res
}
