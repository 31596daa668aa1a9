package main

import (
	"context"
	"flag"
	"fmt"
	"net/http"
	"strings"

	"planverk/auth"
	"planverk/store"
	"planverk/store/postgres"
	"planverk/store/sqlite"
	"planverk/web"
)

// anchorA2 serves anchor A2: planverk's own plan and measure pages
// (web.PlanInMemory) for one signed-in person, over one plan read from the
// database once, at start, and rendered in full from memory on every
// request.
func anchorA2(addr, dsn, programme string, year int, email string) error {
	ctx := context.Background()
	st, err := openStore(ctx, dsn)
	if err != nil {
		return err
	}
	h, err := web.PlanInMemory(ctx, st, programme, year, email)
	// The anchor holds what it needs: the database is not asked again.
	st.Close()
	if err != nil {
		return err
	}
	return http.ListenAndServe(addr, h)
}

// member gives a user a role in a programme, for the signed-in pages.
func member(args []string) error {
	fl := flag.NewFlagSet("member", flag.ContinueOnError)
	dsn := fl.String("db", "", "the database: a SQLite file or a postgres:// URL")
	email := fl.String("email", "", "the user's e-mail")
	programme := fl.String("programme", "", "the programme's key")
	role := fl.String("role", string(auth.RoleEditor), "the role")
	if err := fl.Parse(args); err != nil {
		return err
	}
	ctx := context.Background()
	st, err := openStore(ctx, *dsn)
	if err != nil {
		return err
	}
	defer st.Close()
	u, err := st.UserByEmail(ctx, *email)
	if err != nil {
		return fmt.Errorf("user %s: %w", *email, err)
	}
	return st.SetRole(ctx, u.ID, *programme, auth.Role(*role))
}

func openStore(ctx context.Context, dsn string) (store.Store, error) {
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		return postgres.Open(ctx, dsn)
	}
	return sqlite.Open(ctx, strings.TrimPrefix(dsn, "sqlite:"))
}
