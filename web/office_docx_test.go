package web

import (
	"archive/zip"
	"bytes"
	"context"
	"html"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"planverk/auth"
	"planverk/plan"
)

// officeTools finds LibreOffice and pdftotext, or skips the test, unless
// PLANVERK_REQUIRE_BROWSER=1 (CI) makes a missing tool a failure.
func officeTools(t *testing.T) (soffice, pdftotext string) {
	t.Helper()
	var missing []string
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		missing = append(missing, "soffice (Debian: apt-get install libreoffice-writer-nogui)")
	}
	pdftotext, err = exec.LookPath("pdftotext")
	if err != nil {
		missing = append(missing, "pdftotext (Debian: apt-get install poppler-utils)")
	}
	if len(missing) > 0 {
		msg := "the Word file is checked by converting it with LibreOffice; missing: " + strings.Join(missing, ", ")
		if os.Getenv("PLANVERK_REQUIRE_BROWSER") == "1" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	return soffice, pdftotext
}

// docxText converts a Word file to PDF with LibreOffice and returns the
// PDF's text.
func docxText(t *testing.T, soffice, pdftotext string, data []byte) string {
	t.Helper()
	dir := t.TempDir()
	in := filepath.Join(dir, "plan.docx")
	if err := os.WriteFile(in, data, 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	// A profile of its own, so that conversions running side by side do
	// not wait for each other's lock.
	cmd := exec.CommandContext(ctx, soffice, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--headless", "--convert-to", "pdf", "--outdir", dir, in)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	out, err := exec.CommandContext(ctx, pdftotext, filepath.Join(dir, "plan.pdf"), "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return officeNorm(string(out))
}

// officeNorm makes text comparable across line breaks: every run of
// space one space, and a word broken at its hyphen whole again.
func officeNorm(s string) string {
	s = strings.NewReplacer("\u00a0", " ", "\u202f", " ", "\u00ad", "").Replace(s)
	s = regexp.MustCompile(`\s+`).ReplaceAllString(s, " ")
	return regexp.MustCompile(`(\pL)- `).ReplaceAllString(s, "$1-")
}

var pageAmount = regexp.MustCompile(`(?:min\.\s)?\d{1,3}(?:\x{a0}\d{3})+|\b\d{4,}\b`)

// The Word file of both seed plans opens in LibreOffice and holds the
// plan's title, its headings, its measures and every total the plan page
// prints; the draft a member gets is marked as one.
func TestOfficeDocxInLibreOffice(t *testing.T) {
	soffice, pdftotext := officeTools(t)
	fx := newFixture(t, "sqlite")
	c := moneyUser(fx, "editor@example.org", auth.RoleEditor)
	for _, p := range []string{"vest-telemark", "driv"} {
		t.Run(p, func(t *testing.T) {
			path := "/programmes/" + p + "/plans/2025"
			resp, body := c.get(path + "/plan.docx")
			if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != typeDocx {
				t.Fatalf("plan.docx: status %d, type %q", resp.StatusCode, resp.Header.Get("Content-Type"))
			}
			text := docxText(t, soffice, pdftotext, []byte(body))
			f, _ := latest(t, fx, p)
			want := []string{f.Plan.Title, "Utkast"}
			for _, s := range f.Plan.Sections {
				h := s.Title
				if s.Number != "" {
					h = s.Number + ". " + h
				}
				want = append(want, h)
			}
			var later bool
			for _, g := range f.Plan.Goals {
				for _, m := range g.Measures {
					want = append(want, m.Title)
					later = later || m.Priority == plan.PriorityLater
				}
			}
			if later {
				want = append(want, "blir prioritert seinare")
			}
			_, page := c.get(path)
			for _, sum := range pageSumRow.FindAllStringSubmatch(page, -1) {
				cells := html.UnescapeString(regexp.MustCompile(`<[^>]+>`).ReplaceAllString(sum[1], " "))
				want = append(want, pageAmount.FindAllString(cells, -1)...)
			}
			if len(want) < 5 {
				t.Fatalf("too little to look for: %v", want)
			}
			for _, w := range want {
				if !strings.Contains(text, officeNorm(w)) {
					t.Errorf("the converted Word file has no %q", w)
				}
			}
		})
	}
	// A visitor gets the latest release, not the draft.
	resp, body := fx.anonymous().get(vt + "/plan.docx")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("visitor: %d", resp.StatusCode)
	}
	if text := docxText(t, soffice, pdftotext, []byte(body)); strings.Contains(text, "Utkast ·") {
		t.Error("a visitor's Word file is marked as a draft")
	}
}

// The Word file of a plan that revises an earlier one holds the revision
// report, as the plan page does.
func TestOfficeDocxRevision(t *testing.T) {
	fx := newFixture(t, "sqlite")
	fx.user("admin@vt.no", "vest-telemarkradet", false, "vest-telemark", auth.RoleAdmin)
	admin := fx.login("admin@vt.no").in("nn")
	_, page := admin.get(vt + "/cycle")
	if resp, page := admin.post(vt+"/next", formAt(t, page, vt+"/next")); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("next year: %d %s", resp.StatusCode, page)
	}
	resp, body := admin.get("/programmes/vest-telemark/plans/2026/plan.docx")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("plan.docx: %d", resp.StatusCode)
	}
	doc := docxPart(t, []byte(body), "word/document.xml")
	for _, want := range []string{"Samanlikna med", "Ingen nye tiltak.", "Vekting, budsjett og finansiering"} {
		if !strings.Contains(doc, want) {
			t.Errorf("the revision report has no %q", want)
		}
	}
}

// docxPart is one part of a Word file.
func docxPart(t *testing.T, data []byte, name string) string {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range z.File {
		if f.Name == name {
			r, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			defer r.Close()
			b, _ := io.ReadAll(r)
			return string(b)
		}
	}
	t.Fatalf("no part %s", name)
	return ""
}
