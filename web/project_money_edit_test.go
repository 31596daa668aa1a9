package web

import (
	"net/http"
	"regexp"
	"strings"
	"testing"

	"planverk/auth"
)

// TestProjectScheduleAndRemoval: Driv's editor registers a project (the
// form sent twice registers one), a commitment of 200 000 with the
// county's 75 % in 2025 and 25 % in 2026 and a deadline, and payments
// ahead of the schedule and after the deadline, which the project's page
// names with the figures. A payment and then the commitment are deleted
// from their confirmation pages, which name what goes.
func TestProjectScheduleAndRemoval(t *testing.T) {
	for _, engine := range engines(t) {
		t.Run(engine, func(t *testing.T) { testProjectScheduleAndRemoval(t, engine) })
	}
}

func testProjectScheduleAndRemoval(t *testing.T, engine string) {
	fx := newFixture(t, engine)
	fx.user("redaktor@driv.no", "", false, "driv", auth.RoleEditor)
	ed := fx.login("redaktor@driv.no").in("en")
	const base = "/programmes/driv/projects"

	// The same form sent twice: one project.
	_, page := ed.get(base + "/new")
	form := formAt(t, page, base+"/new")
	form.Set("title", "Kompetansehus")
	form.Set("status", "granted")
	first, _ := ed.post(base+"/new", form)
	second, _ := ed.post(base+"/new", form)
	if first.StatusCode != http.StatusSeeOther || second.StatusCode != http.StatusSeeOther ||
		first.Header.Get("Location") != second.Header.Get("Location") {
		t.Fatalf("the form sent twice: %d %s, %d %s", first.StatusCode, first.Header.Get("Location"),
			second.StatusCode, second.Header.Get("Location"))
	}
	if _, body := ed.get(base); !strings.Contains(cellText(body), "1 projects, page 1 of 1") {
		t.Errorf("the form sent twice registered more than one project: %.600s", cellText(body))
	}
	project, _, _ := strings.Cut(first.Header.Get("Location"), "?")

	_, page = ed.get(project + "/commitments/new")
	form = formAt(t, page, project+"/commitments/new")
	form.Set("amount", "200 000")
	form.Set("source", "fylkeskommunen")
	form.Set("decided", "2025-02-10")
	form.Set("deadline", "2026-06")
	form.Set("schedule", "2025: 75 %\n2026 50 000")
	resp, body := ed.postFollow(project+"/commitments/new", form)
	if text := cellText(body); resp.StatusCode != http.StatusOK || !strings.Contains(text, "Payment schedule 2025: 150 000 2026: 50 000") {
		t.Fatalf("the commitment with its schedule: %d %.1500s", resp.StatusCode, text)
	}
	pay := regexp.MustCompile(`href="(` + regexp.QuoteMeta(project) + `/commitments/(\d+)/payments/new)"`).FindStringSubmatch(body)
	if pay == nil {
		t.Fatal("no link to register a payment")
	}
	for _, p := range [][2]string{{"01.04.2025", "180 000"}, {"2026-07-01", "20 000"}} {
		_, page = ed.get(pay[1])
		form = formAt(t, page, pay[1])
		form.Set("date", p[0])
		form.Set("amount", p[1])
		if resp, body = ed.postFollow(pay[1], form); resp.StatusCode != http.StatusOK {
			t.Fatalf("payment %s: %d %.500s", p[1], resp.StatusCode, cellText(body))
		}
	}
	text := cellText(body)
	for _, want := range []string{
		"Kompetansehus: 180 000 kroner paid by the end of 2025, more than the 150 000 kroner the commitment's payment schedule allows by then.",
		"Kompetansehus: 20 000 kroner paid on 01.07.2026, after the commitment's deadline of June 2026.",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the project's page lacks %q: %.2000s", want, text)
		}
	}

	// A schedule that is not one.
	_, page = ed.get(project + "/commitments/" + pay[2] + "/edit")
	form = formAt(t, page, project+"/commitments/"+pay[2]+"/edit")
	if got := form.Get("schedule"); got != "2025: 150\u00a0000\n2026: 50\u00a0000" {
		t.Errorf("the schedule in the form: %q", got)
	}
	form.Set("schedule", "2025: mye\n")
	if resp, body = ed.post(project+"/commitments/"+pay[2]+"/edit", form); resp.StatusCode != http.StatusUnprocessableEntity ||
		!strings.Contains(errorBeside(body, "schedule"), "Payment schedule: line 1, “2025: mye”, is not a year with an amount or a share.") {
		t.Errorf("a bad schedule: %d %q", resp.StatusCode, errorBeside(body, "schedule"))
	}

	// Delete the late payment.
	_, body = ed.get(project)
	del := regexp.MustCompile(`href="(` + regexp.QuoteMeta(project) + `/commitments/\d+/payments/\d+/delete)">Delete the payment of 01\.07\.2026`).FindStringSubmatch(body)
	if del == nil {
		t.Fatalf("no link to delete the payment: %.3000s", body)
	}
	_, page = ed.get(del[1])
	if text := cellText(page); !strings.Contains(text, "Date of payment 01.07.2026") || !strings.Contains(text, "Amount paid 20 000") {
		t.Errorf("the confirmation page does not name the payment: %.1000s", text)
	}
	form = formAt(t, page, del[1])
	resp, body = ed.postFollow(del[1], form)
	if text := cellText(body); resp.StatusCode != http.StatusOK || !strings.Contains(text, "Deleted.") ||
		strings.Contains(text, "01.07.2026") || !strings.Contains(text, "Paid 180 000") {
		t.Fatalf("after deleting the payment: %d %.1500s", resp.StatusCode, text)
	}
	// Pressed twice: it is gone already, as asked.
	if resp, _ := ed.post(del[1], form); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("deleting it again: %d", resp.StatusCode)
	}

	// A confirmation page opened before someone else changed the project
	// removes nothing.
	delC := project + "/commitments/" + pay[2] + "/delete"
	_, page = ed.get(delC)
	if text := cellText(page); !strings.Contains(text, "Amount 200 000") || !strings.Contains(text, "Payments that go with it 1, 180 000 kroner in all") {
		t.Errorf("the commitment's confirmation page: %.1000s", text)
	}
	stale := formAt(t, page, delC)
	_, pp := ed.get(pay[1])
	pf := formAt(t, pp, pay[1])
	pf.Set("date", "2025-12-01")
	pf.Set("amount", "1 000")
	if resp, _ := ed.post(pay[1], pf); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("another payment: %d", resp.StatusCode)
	}
	if resp, body := ed.post(delC, stale); resp.StatusCode != http.StatusConflict || !strings.Contains(cellText(body), "1 000 kroner") &&
		!strings.Contains(cellText(body), "2, 181 000 kroner in all") {
		t.Errorf("a stale confirmation: %d %.800s", resp.StatusCode, cellText(body))
	}
	_, page = ed.get(delC)
	resp, body = ed.postFollow(delC, formAt(t, page, delC))
	if text := cellText(body); resp.StatusCode != http.StatusOK || !strings.Contains(text, "Deleted.") ||
		!strings.Contains(text, "No grant has been committed to the project yet.") {
		t.Fatalf("after deleting the commitment: %d %.1500s", resp.StatusCode, text)
	}
}
