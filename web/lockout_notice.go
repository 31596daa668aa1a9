package web

import (
	"context"
	"fmt"
	"net/mail"
	"strings"
	"time"

	"planverk/i18n"
	"planverk/notice"
	"planverk/plan"
)

// noticeLockout tells an account's owner by e-mail that log-in to their
// account was blocked from an address, so that they learn of the attack
// and can change their password. Like the cycle's notices it goes in the
// background, after the answer, and without an SMTP server it does nothing;
// an e-mail no account has gets no mail (nobody to tell, and no way to make
// planverk mail strangers). The mail is in bokmål: the account keeps no
// language, and the request's is the attacker's.
func (s *Server) noticeLockout(email, addr string, until time.Time) {
	if s.mailer == nil {
		return
	}
	s.notices.Add(1)
	go func() {
		defer s.notices.Done()
		ctx, cancel := context.WithTimeout(context.Background(), s.mailer.Timeout())
		defer cancel()
		if err := s.sendLockoutNotice(ctx, email, addr, until); err != nil {
			s.log.Error("e-mail notice of a blocked log-in", "email", email, "err", err)
		}
	}()
}

func (s *Server) sendLockoutNotice(ctx context.Context, email, addr string, until time.Time) error {
	u, err := s.store.UserByEmail(ctx, email)
	if plan.ErrorCode(err) == plan.ENotFound || err == nil && u.Disabled {
		return nil
	}
	if err != nil {
		return fmt.Errorf("find the account: %w", err)
	}
	lang := i18n.Bokmal
	args := map[string]any{"Address": addr, "Until": until.In(oslo).Format("02.01.2006 15:04")}
	var b strings.Builder
	b.WriteString(i18n.T(lang, "lockout.mail-body", args) + "\n")
	b.WriteString(strings.TrimSuffix(s.public.String(), "/") + "/account#password\n\n")
	b.WriteString("-- \n" + i18n.T(lang, "lockout.mail-footer", nil) + "\n")
	msg := notice.Message{From: s.mailer.From(), To: mail.Address{Name: u.Name, Address: u.Email},
		Subject: i18n.T(lang, "lockout.mail-subject", nil), Body: b.String()}
	return s.mailer.Send(ctx, msg)
}
