package notice

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"mime"
	"mime/quotedprintable"
	"net/mail"
	"strings"
	"time"
)

// Message is one plain-text mail to one recipient.
type Message struct {
	From    mail.Address
	To      mail.Address
	Subject string
	// Body is plain text, lines separated by "\n".
	Body string
	// Date and ID are filled in by Bytes where they are zero.
	Date time.Time
	ID   string
}

// Bytes writes the message as it goes over the wire (RFC 5322): headers
// with the subject and names encoded for any mail reader, and the body in
// quoted-printable UTF-8, so that æ, ø and å survive every relay.
func (m Message) Bytes() ([]byte, error) {
	if m.Date.IsZero() {
		m.Date = time.Now()
	}
	if m.ID == "" {
		id, err := newMessageID(m.From.Address)
		if err != nil {
			return nil, err
		}
		m.ID = id
	}
	var b bytes.Buffer
	header := func(name, value string) {
		b.WriteString(fold(name+": "+value) + "\r\n")
	}
	header("From", m.From.String())
	header("To", m.To.String())
	// A subject never carries a line break: it would start a header of
	// its own.
	subject := strings.NewReplacer("\r\n", " ", "\r", " ", "\n", " ").Replace(m.Subject)
	header("Subject", mime.QEncoding.Encode("utf-8", subject))
	header("Date", m.Date.Format(time.RFC1123Z))
	header("Message-ID", m.ID)
	header("MIME-Version", "1.0")
	header("Content-Type", "text/plain; charset=utf-8")
	header("Content-Transfer-Encoding", "quoted-printable")
	// An automatic mail: out-of-office replies are not to answer it
	// (RFC 3834).
	header("Auto-Submitted", "auto-generated")
	b.WriteString("\r\n")
	qp := quotedprintable.NewWriter(&b)
	body := strings.ReplaceAll(m.Body, "\r\n", "\n")
	if !strings.HasSuffix(body, "\n") {
		body += "\n"
	}
	if _, err := qp.Write([]byte(body)); err != nil {
		return nil, fmt.Errorf("write the body: %w", err)
	}
	if err := qp.Close(); err != nil {
		return nil, fmt.Errorf("write the body: %w", err)
	}
	return b.Bytes(), nil
}

// fold breaks a header line at its spaces so that its lines keep within
// 78 characters where they can (RFC 5322, 2.1.1); between encoded words,
// and anywhere in plain text, a folded space reads as the space it was.
func fold(line string) string {
	const max = 78
	var b strings.Builder
	n := 0
	for i, word := range strings.Split(line, " ") {
		switch {
		case i == 0:
		case n+1+len(word) > max:
			b.WriteString("\r\n")
			n = 0
			fallthrough
		default:
			b.WriteString(" ")
			n++
		}
		b.WriteString(word)
		n += len(word)
	}
	return b.String()
}

// newMessageID makes a unique Message-ID in the sender's domain.
func newMessageID(from string) (string, error) {
	var r [16]byte
	if _, err := rand.Read(r[:]); err != nil {
		return "", fmt.Errorf("message id: %w", err)
	}
	domain := "planverk.invalid"
	if _, d, ok := strings.Cut(from, "@"); ok && d != "" {
		domain = d
	}
	return "<" + hex.EncodeToString(r[:]) + "@" + domain + ">", nil
}
