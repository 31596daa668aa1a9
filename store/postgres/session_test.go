package postgres

import (
	"context"
	"database/sql"
	"testing"
	"time"

	"planverk/auth"
	"planverk/store/testdb"
)

// TestSessionStoredHashed: the sessions table holds the SHA-256 of a
// session's token, never the token, yet the session is found by its token.
func TestSessionStoredHashed(t *testing.T) {
	testdb.Parallel(t)
	ctx := context.Background()
	testURL(t)
	path := migrated.Database(t, "postgres")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	const token = "raw-session-token-0123456789"
	if err := s.SessionCommit(ctx, token, []byte("data"), time.Now().Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	if data, found, err := s.SessionFind(ctx, token, time.Now()); err != nil || !found || string(data) != "data" {
		t.Fatalf("SessionFind = %q, %v, %v", data, found, err)
	}
	db, err := sql.Open("pgx", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var keys []string
	rows, err := db.QueryContext(ctx, `SELECT token FROM sessions`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var k string
		if err := rows.Scan(&k); err != nil {
			t.Fatal(err)
		}
		keys = append(keys, k)
	}
	if len(keys) != 1 || keys[0] != auth.HashToken(token) {
		t.Errorf("the sessions table holds %q, want only the hash %q", keys, auth.HashToken(token))
	}
}
