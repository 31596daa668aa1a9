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

// openStore opens the database a --db value names.
func openStore(ctx context.Context, dsn string) (store.Store, error) {
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		s, err := postgres.Open(ctx, dsn)
		if err != nil {
			return nil, fmt.Errorf("open database: %w", err)
		}
		return s, nil
	}
	s, err := sqlite.Open(ctx, strings.TrimPrefix(dsn, "sqlite:"))
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", dsn, err)
	}
	return s, nil
}
