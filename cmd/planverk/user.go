package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"net/mail"
	"strings"
	"time"

	"planverk/auth"
	"planverk/plan"
	"planverk/store"
)

// user adds a user from the command line: the way to make the first
// system administrator of a new installation. The password is read from
// standard input, never from the command line, where other users of the
// machine could see it.
func (e *env) user(ctx context.Context, args []string) int {
	if len(args) == 0 || args[0] != "add" {
		fmt.Fprintln(e.stderr, "usage: planverk user add --email E --name N [--org ORGANISATION] [--admin] [--catalogue-editor] [--db PATH-or-URL] < password")
		return exitUnusable
	}
	fl := flag.NewFlagSet("user add", flag.ContinueOnError)
	fl.SetOutput(e.stderr)
	db := dbFlag(fl)
	email := fl.String("email", "", "the user's e-mail address (required)")
	name := fl.String("name", "", "the user's name (required)")
	org := fl.String("org", "", "the id of the organisation the user works for")
	admin := fl.Bool("admin", false, "make the user a system administrator")
	catalogue := fl.Bool("catalogue-editor", false, "let the user maintain the support-scheme catalogue and its glossary")
	if err := fl.Parse(args[1:]); err != nil {
		return exitUnusable
	}
	if a, err := mail.ParseAddress(*email); err != nil || a.Address != *email {
		fmt.Fprintf(e.stderr, "planverk user add: --email %q is not an e-mail address such as name@kommune.no\n", *email)
		return exitUnusable
	}
	if strings.TrimSpace(*name) == "" {
		fmt.Fprintln(e.stderr, "planverk user add: --name is required")
		return exitUnusable
	}
	password, err := readPassword(e)
	if err != nil {
		fmt.Fprintf(e.stderr, "planverk user add: %v\n", err)
		return exitUnusable
	}
	if err := auth.ValidatePassword(password); err != nil {
		fmt.Fprintf(e.stderr, "planverk user add: %v\n", err)
		return exitUnusable
	}
	hash, err := auth.HashPassword(password)
	if err != nil {
		fmt.Fprintf(e.stderr, "planverk user add: %v\n", err)
		return exitFailed
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		fmt.Fprintf(e.stderr, "planverk user add: %v\n", err)
		return exitFailed
	}
	defer st.Close()
	u, err := st.CreateUser(ctx, store.User{Email: *email, Name: strings.TrimSpace(*name), Organisation: *org,
		SystemAdmin: *admin, CatalogueEditor: *catalogue, PasswordHash: hash, CreatedAt: time.Now()})
	if err != nil {
		fmt.Fprintf(e.stderr, "planverk user add: %v\n", err)
		if plan.ErrorCode(err) == plan.EConflict {
			return exitUnusable
		}
		return exitFailed
	}
	role := "user"
	switch {
	case u.SystemAdmin:
		role = "system administrator"
	case u.CatalogueEditor:
		role = "catalogue editor"
	}
	fmt.Fprintf(e.stdout, "added %s <%s> as %s (id %d)\n", u.Name, u.Email, role, u.ID)
	return exitOK
}

// readPassword reads the first line of standard input.
func readPassword(e *env) (string, error) {
	sc := bufio.NewScanner(e.stdin)
	if !sc.Scan() {
		if err := sc.Err(); err != nil {
			return "", err
		}
		return "", errors.New("give the password on standard input (one line)")
	}
	return strings.TrimRight(sc.Text(), "\r"), nil
}
