package web

import (
	"bytes"
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"

	"planverk/auth"
	"planverk/cycle"
	"planverk/notice"
	"planverk/notice/noticetest"
	"planverk/plan"
	"planverk/store"
)

// takeStep records a step through its form as the browser sends it, with
// the fields given, and waits for the step's notices to be sent.
func takeStep(t *testing.T, fx *fixture, c *client, planPath, step, org string, fields map[string]string) {
	t.Helper()
	path := planPath + "/steps/" + step
	q := ""
	if org != "" {
		q = "?organisation=" + org
	}
	resp, page := c.get(path + q)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("the %s form: status %d", step, resp.StatusCode)
	}
	form := formAt(t, page, path)
	for k, v := range fields {
		form.Set(k, v)
	}
	resp, page = c.post(path, form)
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("%s of %s: status %d: %s", step, org, resp.StatusCode, page)
	}
	fx.app.WaitForNotices()
}

// mailsTo returns the mails taken since the first n, by recipient.
func mailsTo(t *testing.T, srv *noticetest.Server, n int) map[string]noticetest.Mail {
	t.Helper()
	out := map[string]noticetest.Mail{}
	for _, m := range srv.Mails()[n:] {
		if len(m.To) != 1 {
			t.Errorf("a mail to %v: one mail per recipient, in their language", m.To)
			continue
		}
		if _, dup := out[m.To[0]]; dup {
			t.Errorf("two mails to %s", m.To[0])
		}
		out[m.To[0]] = m
	}
	return out
}

func recipients(mails map[string]noticetest.Mail) []string {
	var out []string
	for to := range mails {
		out = append(out, to)
	}
	slices.Sort(out)
	return out
}

// checkMail checks a notice's subject, its words and its link.
func checkMail(t *testing.T, m noticetest.Mail, subject string, words ...string) {
	t.Helper()
	if got := m.Subject(); !strings.Contains(got, subject) {
		t.Errorf("the mail to %v has the subject %q, want %q", m.To, got, subject)
	}
	text := m.Text()
	for _, w := range words {
		if !strings.Contains(text, w) {
			t.Errorf("the mail to %v lacks %q:\n%s", m.To, w, text)
		}
	}
	if m.Hello != "[127.0.0.1]" {
		t.Errorf("planverk greets the SMTP server as %q", m.Hello)
	}
	if msg, err := m.Message(); err != nil || msg.Header.Get("From") != `"planverk" <planverk@example.no>` {
		t.Errorf("the mail's sender: %v", err)
	}
}

// TestStepNotices takes steps in the browser with an SMTP server on
// loopback: Driv's anchoring tells its two funders in bokmål, the
// ministry's approval of Vest-Telemark tells its administrator in
// nynorsk, and a new proposal tells each municipality's members, each mail
// with the full link to the form that records what is waited for.
func TestStepNotices(t *testing.T) {
	for _, engine := range engines(t) {
		t.Run(engine, func(t *testing.T) { stepNotices(t, engine) })
	}
}

func stepNotices(t *testing.T, engine string) {
	srv := noticetest.Start(t, noticetest.Options{})
	fx := newFixtureConfig(t, engine, func(url string) Config {
		return Config{PublicURL: url, SMTP: notice.Config{Addr: srv.Addr, From: "planverk <planverk@example.no>"}}
	})
	ctx := context.Background()
	fx.user("drangedal@drangedal.kommune.no", "drangedal-kommune", false, "driv", auth.RoleReader)
	fx.user("fylket@telemarkfylke.no", "telemark-fylkeskommune", false, "driv", auth.RoleReviewer)
	fx.user("kdd@kdd.dep.no", "kdd", false, "driv", auth.RoleReviewer)
	fx.user("leiar@driv.no", "driv", false, "driv", auth.RoleAdmin)
	fx.user("admin@vt.no", "vest-telemarkradet", false, "vest-telemark", auth.RoleAdmin)
	fx.user("tokke@tokke.kommune.no", "tokke-kommune", false, "vest-telemark", auth.RoleReader)
	fx.user("vinje@vinje.kommune.no", "vinje-kommune", false, "vest-telemark", auth.RoleLead)
	fx.user("sakshandsamar@kdd.dep.no", "kdd", false, "vest-telemark", auth.RoleReviewer)
	base := fx.srv.URL

	// Drangedal anchors Driv's proposal: its executive committee tells
	// nobody, its council anchors the plan and tells both funders.
	const driv = "/programmes/driv/plans/2025"
	drangedal := fx.login("drangedal@drangedal.kommune.no")
	takeStep(t, fx, drangedal, driv, "executive-committee", "drangedal-kommune", map[string]string{"date": "10.03.2025", "case_ref": "25/3"})
	if n := len(srv.Mails()); n != 0 {
		t.Fatalf("the executive committee's decision sent %d mails", n)
	}
	takeStep(t, fx, drangedal, driv, "council", "drangedal-kommune", map[string]string{"date": "20.03.2025", "case_ref": "25/4"})
	mails := mailsTo(t, srv, 0)
	if got := recipients(mails); !slices.Equal(got, []string{"fylket@telemarkfylke.no", "kdd@kdd.dep.no"}) {
		t.Fatalf("the anchoring told %v", got)
	}
	checkMail(t, mails["fylket@telemarkfylke.no"], "Driv – omstillingsprogram for Drangedal: Handlingsplan 2025 er politisk forankret",
		"Kommunestyret i hver kommune har vedtatt", "venter nå på godkjenning fra Telemark fylkeskommune",
		base+driv+"/steps/approval?organisation=telemark-fylkeskommune\n")
	checkMail(t, mails["kdd@kdd.dep.no"], "er politisk forankret og venter på godkjenning",
		"godkjenning fra Kommunal- og distriktsdepartementet", base+driv+"/steps/approval?organisation=kdd\n")
	sent := len(srv.Mails())

	// The ministry approves Vest-Telemark's anchored 2025: its
	// administrator is told, in nynorsk.
	const vt = "/programmes/vest-telemark/plans/2025"
	kdd := fx.login("sakshandsamar@kdd.dep.no")
	takeStep(t, fx, kdd, vt, "approval", "kdd", map[string]string{"date": "30.06.2025", "case_ref": "25/1234"})
	mails = mailsTo(t, srv, sent)
	if got := recipients(mails); !slices.Equal(got, []string{"admin@vt.no"}) {
		t.Fatalf("the approval told %v", got)
	}
	checkMail(t, mails["admin@vt.no"], "er godkjend",
		"for Bygdevekstavtale for Vest-Telemark som grunnlag for utbetaling", "Kommunal- og distriktsdepartementet har godkjent «Handlingsplan 2025", "Ingen vedtak ventar på deg",
		"Hei admin,", base+vt+"/cycle\n")
	sent = len(srv.Mails())

	// A changed plan proposed again goes to the members of each
	// municipality, each with the form for its own executive committee.
	if _, err := fx.store.EditPlan(ctx, "vest-telemark", 2025, store.Edit{}, func(f *plan.File) error {
		f.Plan.Sections[0].Body += "\n\nEndra etter godkjenninga."
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	admin := fx.login("admin@vt.no")
	takeStep(t, fx, admin, vt, "proposal", "", map[string]string{"date": "01.09.2025", "case_ref": "SG 5/25"})
	mails = mailsTo(t, srv, sent)
	if got := recipients(mails); !slices.Equal(got, []string{"tokke@tokke.kommune.no", "vinje@vinje.kommune.no"}) {
		t.Fatalf("the proposal told %v", got)
	}
	link := base + vt + "/steps/executive-committee?organisation=tokke-kommune"
	checkMail(t, mails["tokke@tokke.kommune.no"], "Bygdevekstavtale for Vest-Telemark: Handlingsplan 2025",
		"ventar no på vedtak i formannskapet og kommunestyret i Tokke kommune", link+"\n")
	checkMail(t, mails["vinje@vinje.kommune.no"], "lagd fram for politisk forankring", "kommunestyret i Vinje kommune",
		base+vt+"/steps/executive-committee?organisation=vinje-kommune\n")
	// The link leads Tokke to its form.
	if resp, _ := fx.login("tokke@tokke.kommune.no").get(strings.TrimPrefix(link, base)); resp.StatusCode != http.StatusOK {
		t.Errorf("the mail's link answers %d", resp.StatusCode)
	}
}

// lockedBuffer is a log that the server's goroutines write while the test
// reads it.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestStepNoticesServerDown: with the SMTP server down, the step still
// succeeds and is recorded; the failed mail is logged.
func TestStepNoticesServerDown(t *testing.T) {
	fx := newFixture(t, "sqlite")
	// A server of its own over the fixture's database, to read its log.
	var log lockedBuffer
	app, err := New(fx.store, slog.New(slog.NewTextHandler(&log, nil)),
		Config{SMTP: notice.Config{Addr: noticetest.ClosedAddr(t), From: "planverk@example.no"}})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(app.Handler())
	t.Cleanup(srv.Close)
	down := &fixture{t: t, srv: srv, store: fx.store, app: app}
	fx.user("drangedal@drangedal.kommune.no", "drangedal-kommune", false, "driv", auth.RoleReader)
	fx.user("fylket@telemarkfylke.no", "telemark-fylkeskommune", false, "driv", auth.RoleReviewer)
	drangedal := down.login("drangedal@drangedal.kommune.no")
	const driv = "/programmes/driv/plans/2025"
	takeStep(t, down, drangedal, driv, "executive-committee", "drangedal-kommune", map[string]string{"date": "10.03.2025"})
	takeStep(t, down, drangedal, driv, "council", "drangedal-kommune", map[string]string{"date": "20.03.2025"})
	c, err := fx.store.Cycle(context.Background(), "driv", 2025)
	if err != nil {
		t.Fatal(err)
	}
	if r, ok := c.Latest(); !ok || r.Kind != cycle.Anchored || len(c.Decisions) != 2 {
		t.Errorf("the steps were not recorded: %+v", c)
	}
	if l := log.String(); !strings.Contains(l, "e-mail notices of a step") || !strings.Contains(l, "connect to") {
		t.Errorf("the failed mail is not logged:\n%s", l)
	}
}
