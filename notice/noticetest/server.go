// Package noticetest is a small SMTP server on loopback for tests: it
// speaks enough SMTP (EHLO, AUTH PLAIN, MAIL, RCPT, DATA, RSET, QUIT) to
// take planverk's notices and keep them for the test to read.
package noticetest

import (
	"bufio"
	"crypto/tls"
	"encoding/base64"
	"io"
	"mime"
	"mime/quotedprintable"
	"net"
	"net/mail"
	"strings"
	"sync"
	"testing"
)

// Mail is one message the server took.
type Mail struct {
	From string
	To   []string
	Data []byte
	// Hello is the name the client gave in EHLO or HELO.
	Hello string
	// TLS says whether the session had turned to TLS (STARTTLS).
	TLS bool
}

// Options change how the server answers.
type Options struct {
	// Refuse lists recipients it refuses (550), to try a partial failure.
	Refuse []string
	// Auth makes it offer AUTH PLAIN.
	Auth bool
	// TLS, where set, makes it offer STARTTLS with this configuration.
	TLS *tls.Config
}

// Server is the SMTP server.
type Server struct {
	// Addr is where it listens, 127.0.0.1:PORT.
	Addr string

	opt   Options
	ln    net.Listener
	mu    sync.Mutex
	mails []Mail
	users []string
	wg    sync.WaitGroup
}

// Start starts a server that stops when the test ends.
func Start(t testing.TB, opt Options) *Server {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := &Server{Addr: ln.Addr().String(), opt: opt, ln: ln}
	s.wg.Add(1)
	go s.serve()
	t.Cleanup(func() {
		ln.Close()
		s.wg.Wait()
	})
	return s
}

// ClosedAddr is an address on loopback where nothing listens.
func ClosedAddr(t testing.TB) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return addr
}

// Mails returns the mails taken so far.
func (s *Server) Mails() []Mail {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Mail(nil), s.mails...)
}

// Users returns the "user:password" pairs that logged in.
func (s *Server) Users() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.users...)
}

func (s *Server) serve() {
	defer s.wg.Done()
	for {
		conn, err := s.ln.Accept()
		if err != nil {
			return
		}
		s.wg.Add(1)
		go func() {
			defer s.wg.Done()
			defer conn.Close()
			s.session(conn)
		}()
	}
}

func (s *Server) session(conn net.Conn) {
	r := bufio.NewReader(conn)
	reply := func(line string) { io.WriteString(conn, line+"\r\n") }
	reply("220 noticetest ESMTP")
	var cur Mail
	secure := false
	hello := ""
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			return
		}
		line = strings.TrimRight(line, "\r\n")
		verb, arg, _ := strings.Cut(line, " ")
		switch strings.ToUpper(verb) {
		case "EHLO", "HELO":
			hello = arg
			var ext []string
			if s.opt.TLS != nil && !secure {
				ext = append(ext, "STARTTLS")
			}
			if s.opt.Auth {
				ext = append(ext, "AUTH PLAIN")
			}
			// The greeting first, then one extension a line; the last
			// line has a space after its code.
			lines := append([]string{"noticetest"}, ext...)
			for i, l := range lines {
				sep := "-"
				if i == len(lines)-1 {
					sep = " "
				}
				reply("250" + sep + l)
			}
		case "STARTTLS":
			if s.opt.TLS == nil || secure {
				reply("502 not offered")
				continue
			}
			reply("220 go ahead")
			tc := tls.Server(conn, s.opt.TLS)
			if err := tc.Handshake(); err != nil {
				return
			}
			conn, r, secure = tc, bufio.NewReader(tc), true
			cur = Mail{}
		case "AUTH":
			mech, resp, _ := strings.Cut(arg, " ")
			b, err := base64.StdEncoding.DecodeString(resp)
			parts := strings.Split(string(b), "\x00")
			if !s.opt.Auth || mech != "PLAIN" || err != nil || len(parts) != 3 {
				reply("504 unsupported")
				continue
			}
			s.mu.Lock()
			s.users = append(s.users, parts[1]+":"+parts[2])
			s.mu.Unlock()
			reply("235 ok")
		case "MAIL":
			cur = Mail{From: address(arg), Hello: hello, TLS: secure}
			reply("250 ok")
		case "RCPT":
			to := address(arg)
			refused := false
			for _, x := range s.opt.Refuse {
				refused = refused || strings.EqualFold(x, to)
			}
			if refused {
				reply("550 no such user")
				continue
			}
			cur.To = append(cur.To, to)
			reply("250 ok")
		case "DATA":
			reply("354 go on")
			var data strings.Builder
			for {
				l, err := r.ReadString('\n')
				if err != nil {
					return
				}
				if l == ".\r\n" {
					break
				}
				data.WriteString(strings.TrimPrefix(l, ".")) // undo dot-stuffing
			}
			cur.Data = []byte(data.String())
			s.mu.Lock()
			s.mails = append(s.mails, cur)
			s.mu.Unlock()
			cur = Mail{}
			reply("250 queued")
		case "RSET":
			cur = Mail{}
			reply("250 ok")
		case "NOOP":
			reply("250 ok")
		case "QUIT":
			reply("221 bye")
			return
		default:
			reply("502 not implemented")
		}
	}
}

// address reads the address out of "FROM:<a@b>" or "TO:<a@b>".
func address(arg string) string {
	_, a, _ := strings.Cut(arg, ":")
	a, _, _ = strings.Cut(strings.TrimSpace(a), " ")
	return strings.Trim(a, "<>")
}

// Message parses the mail, for its headers.
func (m Mail) Message() (*mail.Message, error) {
	return mail.ReadMessage(strings.NewReader(string(m.Data)))
}

// Subject is the mail's subject, decoded.
func (m Mail) Subject() string {
	msg, err := m.Message()
	if err != nil {
		return ""
	}
	s, err := new(mime.WordDecoder).DecodeHeader(msg.Header.Get("Subject"))
	if err != nil {
		return msg.Header.Get("Subject")
	}
	return s
}

// Text is the mail's body, decoded from quoted-printable, with "\n"
// between lines.
func (m Mail) Text() string {
	msg, err := m.Message()
	if err != nil {
		return ""
	}
	b, err := io.ReadAll(quotedprintable.NewReader(msg.Body))
	if err != nil {
		return ""
	}
	return strings.ReplaceAll(string(b), "\r\n", "\n")
}
