package postgres

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
)

// TestURLVariable names the environment variable that holds the connection
// URL of a PostgreSQL server for tests. Tests that find it empty run on
// SQLite only, and say so.
const TestURLVariable = "PLANVERK_TEST_POSTGRES"

// CreateTestDatabase makes a new, empty database on the server that base
// names, for one test, and returns its URL and a function that drops it.
// Each test having a database of its own, tests run in parallel and leave
// nothing behind.
func CreateTestDatabase(ctx context.Context, base string) (dsn string, drop func() error, err error) {
	u, err := url.Parse(base)
	if err != nil {
		return "", nil, fmt.Errorf("%s: %w", TestURLVariable, err)
	}
	admin, err := sql.Open("pgx", base)
	if err != nil {
		return "", nil, err
	}
	b := make([]byte, 6)
	if _, err := rand.Read(b); err != nil {
		admin.Close()
		return "", nil, err
	}
	name := fmt.Sprintf("planverk_test_%d_%s", os.Getpid(), hex.EncodeToString(b))
	if _, err := admin.ExecContext(ctx, `CREATE DATABASE `+name); err != nil {
		admin.Close()
		return "", nil, fmt.Errorf("create test database on %s: %w", Redact(base), err)
	}
	u.Path = "/" + name
	drop = func() error {
		defer admin.Close()
		// WITH (FORCE) ends connections a failed test left open.
		if _, err := admin.ExecContext(context.Background(), `DROP DATABASE IF EXISTS `+name+` WITH (FORCE)`); err != nil {
			return fmt.Errorf("drop test database %s: %w", name, err)
		}
		return nil
	}
	return u.String(), drop, nil
}
