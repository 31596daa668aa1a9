package sqlstore

import (
	"context"
	"database/sql"
	"testing"
	"time"

	_ "modernc.org/sqlite"
)

// On a pool of one connection, held by a transaction, the cache never
// waits: the first use runs the query unprepared, and once the connection
// is free the statement is prepared and later transactions use it. A query
// the engine refuses still says why.
func TestStmtCacheOneConnection(t *testing.T) {
	db, err := sql.Open("sqlite", "file:"+t.TempDir()+"/c.db")
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	c := newStmtCache(db)
	t.Cleanup(func() { c.close(); db.Close() })
	ctx := context.Background()
	run := func() int {
		tx, err := db.BeginTx(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer tx.Rollback()
		r := &reader{ctx: ctx, tx: tx, dialect: plainDialect{}, stmts: c}
		var n int
		if err := r.row(`SELECT 40 + ?`, 2).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if _, err := r.query(`SELEKT nothing`); err == nil {
			t.Error("a broken query gave no error")
		}
		return n
	}
	done := make(chan int)
	go func() { done <- run() }()
	select {
	case n := <-done:
		if n != 42 {
			t.Errorf("got %d, want 42", n)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("a query in a transaction waited for the cache")
	}
	deadline := time.Now().Add(10 * time.Second)
	for c.get(`SELECT 40 + ?`) == nil {
		if time.Now().After(deadline) {
			t.Fatal("the statement was never prepared")
		}
		time.Sleep(10 * time.Millisecond)
	}
	if n := run(); n != 42 {
		t.Errorf("with the prepared statement: got %d, want 42", n)
	}
}

// plainDialect leaves queries as they are.
type plainDialect struct{}

func (plainDialect) Rebind(q string) string  { return q }
func (plainDialect) WriteTx() *sql.TxOptions { return nil }
func (plainDialect) ReadTx() *sql.TxOptions  { return nil }
func (plainDialect) Retry(error) bool        { return false }
