package main

import (
	"context"
	"flag"
	"fmt"
	"time"

	"planverk/auth"
	"planverk/store"
)

// token makes an API token for a user and prints it: the only time it is
// shown. The token has the user's rights.
func (e *env) token(ctx context.Context, args []string) int {
	if len(args) == 0 || args[0] != "add" {
		fmt.Fprintln(e.stderr, "usage: planverk token add --email E [--name N] [--valid DURATION] [--db PATH-or-URL]")
		return exitUnusable
	}
	fl := flag.NewFlagSet("token add", flag.ContinueOnError)
	fl.SetOutput(e.stderr)
	db := dbFlag(fl)
	email := fl.String("email", "", "the e-mail address of the user the token acts for (required)")
	name := fl.String("name", "", "what the token is for, shown on the user's account page")
	valid := fl.Duration("valid", 90*24*time.Hour, "how long the token works, e.g. 720h for 30 days; the serve option --api-token-max-age does not bind the command line")
	if err := fl.Parse(args[1:]); err != nil {
		return exitUnusable
	}
	if *valid <= 0 {
		fmt.Fprintln(e.stderr, "planverk token add: --valid must be above 0")
		return exitUnusable
	}
	if *email == "" {
		fmt.Fprintln(e.stderr, "planverk token add: --email is required")
		return exitUnusable
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		fmt.Fprintf(e.stderr, "planverk token add: %v\n", err)
		return exitFailed
	}
	defer st.Close()
	u, err := st.UserByEmail(ctx, *email)
	if err != nil {
		fmt.Fprintf(e.stderr, "planverk token add: %v\n", err)
		return exitFailed
	}
	plain, hash, err := auth.NewToken(auth.PrefixAPIToken)
	if err != nil {
		fmt.Fprintf(e.stderr, "planverk token add: %v\n", err)
		return exitFailed
	}
	if *name == "" {
		*name = "command line " + time.Now().Format("2006-01-02")
	}
	now := time.Now()
	expires := now.Add(*valid)
	if _, err := st.CreateAPIToken(ctx, store.APIToken{UserID: u.ID, Name: *name, TokenHash: hash, CreatedAt: now, ExpiresAt: &expires}); err != nil {
		fmt.Fprintf(e.stderr, "planverk token add: %v\n", err)
		return exitFailed
	}
	fmt.Fprintln(e.stdout, plain)
	return exitOK
}
