package sqlstore

import "testing"

func TestDollarNumbers(t *testing.T) {
	tests := []struct{ in, want string }{
		{`SELECT 1`, `SELECT 1`},
		{`WHERE a = ? AND b = ?`, `WHERE a = $1 AND b = $2`},
		{`WHERE k = ?1 AND y = ?2 AND (?3 = 0 OR v = ?3)`, `WHERE k = $1 AND y = $2 AND ($3 = 0 OR v = $3)`},
		// A bare ? after ?N takes the next number, as in SQLite.
		{`?2, ?, ?1`, `$2, $3, $1`},
		{`WHERE note = 'why?' AND k = ?`, `WHERE note = 'why?' AND k = $1`},
		{`SELECT "odd?name" FROM t WHERE k = ?`, `SELECT "odd?name" FROM t WHERE k = $1`},
		{`VALUES (?, 'it''s ?', ?)`, `VALUES ($1, 'it''s ?', $2)`},
	}
	for _, tt := range tests {
		if got := DollarNumbers(tt.in); got != tt.want {
			t.Errorf("DollarNumbers(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
