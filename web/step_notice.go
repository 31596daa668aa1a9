package web

import (
	"context"
	"fmt"
	"net"
	"net/mail"
	"strings"

	"planverk/i18n"
	"planverk/notice"
	"planverk/store"
)

// notifyStep tells by e-mail whom a step just recorded waits for. It runs
// after the step's transaction has committed, in the background and with
// a timeout, and never answers for the step: a mail that cannot be sent is
// logged, and the step stands. Without an SMTP server it does nothing.
func (s *Server) notifyStep(programmeID string, year int, taken store.StepTaken) {
	if s.mailer == nil || taken.Repeated || !taken.Made {
		return
	}
	s.notices.Add(1)
	go func() {
		defer s.notices.Done()
		// Not the request's context: the request is answered before the
		// mail goes.
		ctx, cancel := context.WithTimeout(context.Background(), s.mailer.Timeout())
		defer cancel()
		n, err := s.sendStepNotices(ctx, programmeID, year, taken)
		log := s.log.With("programme", programmeID, "year", year, "step", taken.Decision.Step, "release", taken.Release.Number)
		if err != nil {
			log.Error("e-mail notices of a step", "sent", n, "err", err)
			return
		}
		if n > 0 {
			log.Info("e-mail notices of a step sent", "sent", n)
		}
	}()
}

// heloName is the name the mailer gives itself to the SMTP server: the
// public host name, or an address literal where the public URL has an
// address (RFC 5321, 4.1.3).
func heloName(host string) string {
	if ip := net.ParseIP(host); ip != nil {
		if ip.To4() == nil {
			return "[IPv6:" + host + "]"
		}
		return "[" + host + "]"
	}
	return host
}

// WaitForNotices waits until the e-mail notices under way are sent or
// have given up, for a clean shutdown.
func (s *Server) WaitForNotices() { s.notices.Wait() }

// sendStepNotices writes and sends the step's notices, each in the plan's
// language: a municipality answers in the language it writes, and a state
// body answers a nynorsk municipality in nynorsk. It returns how many it
// tried to send.
func (s *Server) sendStepNotices(ctx context.Context, programmeID string, year int, taken store.StepTaken) (int, error) {
	c, err := s.store.Cycle(ctx, programmeID, year)
	if err != nil {
		return 0, fmt.Errorf("load the cycle: %w", err)
	}
	f, _, err := s.store.LoadRelease(ctx, programmeID, year, taken.Release.Number)
	if err != nil {
		return 0, fmt.Errorf("load release %d: %w", taken.Release.Number, err)
	}
	members, err := s.store.Members(ctx, programmeID)
	if err != nil {
		return 0, fmt.Errorf("load the members: %w", err)
	}
	lang := i18n.Parse(string(f.Plan.Language))
	base := strings.TrimSuffix(s.public.String(), "/")
	var msgs []notice.Message
	for _, a := range notice.Recipients(c, f, taken, members) {
		link := base + cyclePath(programmeID, year)
		if a.Wait.Step != "" {
			link = base + stepURL(programmeID, year, a.Wait.Step, a.Wait.Organisation)
		}
		n := notice.Notice{Event: a.Event, Lang: lang, To: mail.Address{Name: a.User.Name, Address: a.User.Email},
			Programme: f.Programme.Name, Plan: f.Plan.Title, Organisation: orgName(f, a.Organisation), Link: link}
		msgs = append(msgs, n.Message(s.mailer.From()))
	}
	return len(msgs), s.mailer.Send(ctx, msgs...)
}
