package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strings"

	"planverk/store"
	"planverk/store/postgres"
	"planverk/store/sqlite"
)

// defaultDB is the SQLite file used when neither --db nor PLANVERK_DB is given:
// a file in the working directory, so that planverk runs with nothing set up.
const defaultDB = "planverk.db"

// dbFlag adds --db to a subcommand's flags, defaulting from PLANVERK_DB.
func dbFlag(fl *flag.FlagSet) *string {
	def := os.Getenv("PLANVERK_DB")
	if def == "" {
		def = defaultDB
	}
	return fl.String("db", def, "database: a SQLite file path, or a postgres:// URL (also PLANVERK_DB)")
}

// openStore opens the database a --db value names, with the SQLite options
// from the environment (PLANVERK_SQLITE_SYNCHRONOUS), so that a command run
// beside the server commits as the server does.
func openStore(ctx context.Context, dsn string) (store.Store, error) {
	return openStoreWith(ctx, dsn, sqlite.Options{Synchronous: os.Getenv("PLANVERK_SQLITE_SYNCHRONOUS")})
}

// openStoreWith is openStore with the SQLite options given; PostgreSQL
// ignores them.
func openStoreWith(ctx context.Context, dsn string, o sqlite.Options) (store.Store, error) {
	if isPostgres(dsn) {
		s, err := postgres.Open(ctx, dsn)
		if err != nil {
			return nil, fmt.Errorf("open database: %w", err)
		}
		return s, nil
	}
	s, err := sqlite.OpenWith(ctx, sqlitePath(dsn), o)
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", dsn, err)
	}
	return s, nil
}

// isPostgres tells a PostgreSQL URL from a SQLite file path.
func isPostgres(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

// sqlitePath is the file a SQLite --db value names.
func sqlitePath(dsn string) string { return strings.TrimPrefix(dsn, "sqlite:") }
