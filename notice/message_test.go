package notice

import (
	"io"
	"mime"
	"mime/quotedprintable"
	"net/mail"
	"strings"
	"testing"
	"time"
)

// A message carries the headers every mail reader needs, its subject and
// names encoded, its body quoted-printable UTF-8 that decodes to what was
// written.
func TestNoticeMessageBytes(t *testing.T) {
	body := "Handlingsplan 2026 for Bygdevekstavtale for Vest-Telemark er lagd fram.\n" +
		".A line that starts with a dot, and one long enough to be folded by quoted-printable: " + strings.Repeat("æøå ", 30) + "\n" +
		"https://planverk.example.no/programmes/vest-telemark/plans/2026/steps/executive-committee?organisation=tokke-kommune"
	date := time.Date(2026, 5, 5, 10, 30, 0, 0, time.FixedZone("CEST", 2*3600))
	m := Message{
		From:    mail.Address{Name: "planverk", Address: "planverk@example.no"},
		To:      mail.Address{Name: "Åse Ødegård", Address: "ase@tokke.kommune.no"},
		Subject: "Handlingsplan 2026 er lagd fram for politisk forankring\r\nBcc: evil@example.com",
		Body:    body,
		Date:    date,
	}
	b, err := m.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	for i, line := range strings.Split(string(b), "\r\n") {
		if len(line) > 78 {
			t.Errorf("line %d is %d characters long: %q", i+1, len(line), line)
		}
		if strings.ContainsAny(line, "\r\n") {
			t.Errorf("line %d has a bare line break", i+1)
		}
	}
	msg, err := mail.ReadMessage(strings.NewReader(string(b)))
	if err != nil {
		t.Fatal(err)
	}
	h := msg.Header
	if h.Get("Bcc") != "" {
		t.Error("a line break in the subject made a header of its own")
	}
	subject, err := new(mime.WordDecoder).DecodeHeader(h.Get("Subject"))
	if err != nil || subject != "Handlingsplan 2026 er lagd fram for politisk forankring Bcc: evil@example.com" {
		t.Errorf("subject %q, %v", subject, err)
	}
	to, err := mail.ParseAddress(h.Get("To"))
	if err != nil || to.Name != "Åse Ødegård" || to.Address != "ase@tokke.kommune.no" {
		t.Errorf("To %q: %+v %v", h.Get("To"), to, err)
	}
	if !strings.Contains(h.Get("To"), "=?utf-8?q?") {
		t.Errorf("the name in To is not encoded: %q", h.Get("To"))
	}
	if from, err := mail.ParseAddress(h.Get("From")); err != nil || from.Address != "planverk@example.no" {
		t.Errorf("From %q", h.Get("From"))
	}
	if d, err := h.Date(); err != nil || !d.Equal(date) {
		t.Errorf("Date %q: %v %v", h.Get("Date"), d, err)
	}
	if id := h.Get("Message-ID"); !strings.HasPrefix(id, "<") || !strings.HasSuffix(id, "@example.no>") {
		t.Errorf("Message-ID %q", id)
	}
	for name, want := range map[string]string{"MIME-Version": "1.0", "Content-Type": "text/plain; charset=utf-8",
		"Content-Transfer-Encoding": "quoted-printable", "Auto-Submitted": "auto-generated"} {
		if got := h.Get(name); got != want {
			t.Errorf("%s: %q, want %q", name, got, want)
		}
	}
	text, err := io.ReadAll(quotedprintable.NewReader(msg.Body))
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.ReplaceAll(string(text), "\r\n", "\n"); got != body+"\n" {
		t.Errorf("the body reads\n%q\nwant\n%q", got, body+"\n")
	}
}

// Two messages never share a Message-ID.
func TestNoticeMessageIDs(t *testing.T) {
	a, err := newMessageID("x@example.no")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := newMessageID("x@example.no")
	if a == b {
		t.Errorf("the same id twice: %s", a)
	}
	if c, _ := newMessageID(""); !strings.HasSuffix(c, "@planverk.invalid>") {
		t.Errorf("an id without a sender's domain: %s", c)
	}
}
