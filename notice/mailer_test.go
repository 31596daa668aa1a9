package notice

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"net/http/httptest"
	"net/mail"
	"slices"
	"strings"
	"testing"

	"planverk/notice/noticetest"
)

func testMessage(to, subject string) Message {
	return Message{From: mail.Address{Name: "planverk", Address: "planverk@example.no"},
		To: mail.Address{Address: to}, Subject: subject, Body: "Brødtekst."}
}

// One session delivers every message, logged in where a user is set; a
// recipient the server refuses does not stop the others.
func TestNoticeMailerSend(t *testing.T) {
	srv := noticetest.Start(t, noticetest.Options{Auth: true, Refuse: []string{"gone@example.no"}})
	m, err := NewMailer(Config{Addr: srv.Addr, From: "planverk <planverk@example.no>", User: "planverk", Password: "hemmeleg"})
	if err != nil {
		t.Fatal(err)
	}
	err = m.Send(context.Background(), testMessage("a@example.no", "Første"), testMessage("gone@example.no", "Andre"),
		testMessage("c@example.no", "Tredje"))
	if err == nil || !strings.Contains(err.Error(), "gone@example.no") {
		t.Errorf("a refused recipient: %v", err)
	}
	mails := srv.Mails()
	var to, subjects []string
	for _, x := range mails {
		to = append(to, strings.Join(x.To, ","))
		subjects = append(subjects, x.Subject())
		if x.From != "planverk@example.no" {
			t.Errorf("envelope sender %q", x.From)
		}
		if x.Text() != "Brødtekst.\n" {
			t.Errorf("body %q", x.Text())
		}
	}
	if !slices.Equal(to, []string{"a@example.no", "c@example.no"}) || !slices.Equal(subjects, []string{"Første", "Tredje"}) {
		t.Errorf("delivered to %v, subjects %v", to, subjects)
	}
	if u := srv.Users(); !slices.Equal(u, []string{"planverk:hemmeleg"}) {
		t.Errorf("logged in as %v", u)
	}
}

// A server that does not answer is an error, and a user configured for a
// server that offers no log-in is one too: the password never goes in
// vain.
func TestNoticeMailerFailures(t *testing.T) {
	m, err := NewMailer(Config{Addr: noticetest.ClosedAddr(t), From: "planverk@example.no"})
	if err != nil {
		t.Fatal(err)
	}
	if err := m.Send(context.Background(), testMessage("a@example.no", "x")); err == nil {
		t.Error("sending to a closed port succeeded")
	}
	srv := noticetest.Start(t, noticetest.Options{})
	m, _ = NewMailer(Config{Addr: srv.Addr, From: "planverk@example.no", User: "planverk"})
	if err := m.Send(context.Background(), testMessage("a@example.no", "x")); err == nil || len(srv.Mails()) != 0 {
		t.Errorf("a user without AUTH: %v, %d mails", err, len(srv.Mails()))
	}
}

// Without a server there is no mailer, and a nil mailer sends nothing; a
// configuration that cannot work stops start-up.
func TestNoticeMailerConfig(t *testing.T) {
	m, err := NewMailer(Config{})
	if m != nil || err != nil {
		t.Errorf("no address: %v %v", m, err)
	}
	if err := m.Send(context.Background(), testMessage("a@example.no", "x")); err != nil {
		t.Errorf("a nil mailer: %v", err)
	}
	for _, c := range []Config{{Addr: "mail.example.no", From: "a@example.no"}, {Addr: "mail.example.no:587"},
		{Addr: "mail.example.no:587", From: "not an address"}} {
		if _, err := NewMailer(c); err == nil {
			t.Errorf("%+v was accepted", c)
		}
	}
}

// Where the server offers STARTTLS the session turns to TLS, checking the
// server's certificate, before it logs in and sends.
func TestNoticeMailerStartTLS(t *testing.T) {
	// httptest's certificate is for 127.0.0.1: borrow it for SMTP.
	hs := httptest.NewUnstartedServer(nil)
	hs.StartTLS()
	t.Cleanup(hs.Close)
	roots := x509.NewCertPool()
	roots.AddCert(hs.Certificate())
	srv := noticetest.Start(t, noticetest.Options{Auth: true, TLS: hs.TLS.Clone()})
	m, err := NewMailer(Config{Addr: srv.Addr, From: "planverk@example.no", User: "planverk", Password: "hemmeleg",
		TLS: &tls.Config{ServerName: "127.0.0.1", RootCAs: roots}})
	if err != nil {
		t.Fatal(err)
	}
	if err := m.Send(context.Background(), testMessage("a@example.no", "Kryptert")); err != nil {
		t.Fatal(err)
	}
	if mails := srv.Mails(); len(mails) != 1 || !mails[0].TLS || mails[0].Subject() != "Kryptert" {
		t.Errorf("mails %+v", mails)
	}
	if u := srv.Users(); !slices.Equal(u, []string{"planverk:hemmeleg"}) {
		t.Errorf("logged in as %v", u)
	}
	// A certificate the mailer does not trust stops the session.
	m, _ = NewMailer(Config{Addr: srv.Addr, From: "planverk@example.no"})
	if err := m.Send(context.Background(), testMessage("b@example.no", "x")); err == nil || !strings.Contains(err.Error(), "starttls") {
		t.Errorf("an untrusted certificate: %v", err)
	}
}
