package notice

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"net/mail"
	"net/smtp"
	"time"
)

// Config is how planverk reaches its SMTP server.
type Config struct {
	// Addr is the server's HOST:PORT; "" sends no mail at all.
	Addr string
	// From is the sender, such as "planverk <planverk@example.no>".
	From string
	// User and Password log in with PLAIN authentication where User is
	// set. net/smtp sends them only over TLS (or to localhost).
	User, Password string
	// Hello is the name planverk gives itself in EHLO, such as its public
	// host name; "" is "localhost", which some servers refuse.
	Hello string
	// Timeout bounds one batch of mails, from dialling to QUIT; 0 is 30
	// seconds.
	Timeout time.Duration
	// TLS, where set, is the configuration STARTTLS uses (a test's own
	// certificate authority); nil checks the server's certificate against
	// the system's roots.
	TLS *tls.Config
}

// Mailer sends messages over SMTP.
type Mailer struct {
	cfg  Config
	from mail.Address
	host string
}

// NewMailer checks the configuration; a Config without Addr makes a nil
// Mailer, which sends nothing.
func NewMailer(cfg Config) (*Mailer, error) {
	if cfg.Addr == "" {
		return nil, nil
	}
	host, _, err := net.SplitHostPort(cfg.Addr)
	if err != nil {
		return nil, fmt.Errorf("smtp address %q: want HOST:PORT", cfg.Addr)
	}
	if cfg.From == "" {
		return nil, errors.New("smtp: the sender's address (from) is missing")
	}
	from, err := mail.ParseAddress(cfg.From)
	if err != nil {
		return nil, fmt.Errorf("smtp sender %q: %w", cfg.From, err)
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = 30 * time.Second
	}
	return &Mailer{cfg: cfg, from: *from, host: host}, nil
}

// From is the sender every message carries.
func (m *Mailer) From() mail.Address { return m.from }

// Timeout is how long one batch may take.
func (m *Mailer) Timeout() time.Duration { return m.cfg.Timeout }

// Send delivers the messages in one SMTP session: STARTTLS where the
// server offers it, PLAIN authentication where a user is configured. A
// message the server refuses does not stop the others; the error joins
// every failure.
func (m *Mailer) Send(ctx context.Context, msgs ...Message) error {
	if m == nil || len(msgs) == 0 {
		return nil
	}
	ctx, cancel := context.WithTimeout(ctx, m.cfg.Timeout)
	defer cancel()
	var d net.Dialer
	conn, err := d.DialContext(ctx, "tcp", m.cfg.Addr)
	if err != nil {
		return fmt.Errorf("smtp: connect to %s: %w", m.cfg.Addr, err)
	}
	// net/smtp knows no context: the deadline bounds the whole session.
	if dl, ok := ctx.Deadline(); ok {
		_ = conn.SetDeadline(dl)
	}
	c, err := smtp.NewClient(conn, m.host)
	if err != nil {
		conn.Close()
		return fmt.Errorf("smtp: greeting from %s: %w", m.cfg.Addr, err)
	}
	defer c.Close()
	if m.cfg.Hello != "" {
		if err := c.Hello(m.cfg.Hello); err != nil {
			return fmt.Errorf("smtp: ehlo: %w", err)
		}
	}
	if err := m.hello(c); err != nil {
		return err
	}
	var errs []error
	for _, msg := range msgs {
		if err := m.send(c, msg); err != nil {
			errs = append(errs, fmt.Errorf("smtp: mail to %s: %w", msg.To.Address, err))
			// Start the next message afresh; a connection that cannot
			// even do that is lost for the rest too.
			if err := c.Reset(); err != nil {
				errs = append(errs, fmt.Errorf("smtp: reset: %w", err))
				return errors.Join(errs...)
			}
		}
	}
	if err := c.Quit(); err != nil {
		errs = append(errs, fmt.Errorf("smtp: quit: %w", err))
	}
	return errors.Join(errs...)
}

// hello upgrades the session to TLS where the server offers it and logs
// in where a user is configured.
func (m *Mailer) hello(c *smtp.Client) error {
	if ok, _ := c.Extension("STARTTLS"); ok {
		cfg := m.cfg.TLS
		if cfg == nil {
			cfg = &tls.Config{ServerName: m.host}
		}
		if err := c.StartTLS(cfg); err != nil {
			return fmt.Errorf("smtp: starttls: %w", err)
		}
	}
	if m.cfg.User == "" {
		return nil
	}
	if ok, _ := c.Extension("AUTH"); !ok {
		return errors.New("smtp: a user is configured, but the server offers no authentication")
	}
	if err := c.Auth(smtp.PlainAuth("", m.cfg.User, m.cfg.Password, m.host)); err != nil {
		return fmt.Errorf("smtp: log in as %s: %w", m.cfg.User, err)
	}
	return nil
}

// send sends one message in the open session.
func (m *Mailer) send(c *smtp.Client, msg Message) error {
	b, err := msg.Bytes()
	if err != nil {
		return err
	}
	if err := c.Mail(msg.From.Address); err != nil {
		return err
	}
	if err := c.Rcpt(msg.To.Address); err != nil {
		return err
	}
	w, err := c.Data()
	if err != nil {
		return err
	}
	if _, err := w.Write(b); err != nil {
		w.Close()
		return err
	}
	return w.Close()
}
