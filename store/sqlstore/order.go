package sqlstore

import (
	"slices"
	"strings"
	"sync"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// Lists of names are ordered the Norwegian way (æ, ø, å after z; case and
// accents second) in Go rather than by the database, whose order depends on
// the engine and on how the server was installed: SQLite compares bytes, and
// PostgreSQL follows the database's collation.
var (
	collatorMu sync.Mutex
	// Nynorsk, not "no" or "nb": x/text has the Norwegian tailoring (æ, ø,
	// å after z) under nn only, and falls back to the root order, which
	// puts å with a, for the others. Bokmål sorts the same way.
	collator = collate.New(language.MustParse("nn"))
)

// sortByName orders items by name, then by key where names are equal.
func sortByName[T any](items []T, name, key func(T) string) {
	collatorMu.Lock() // a Collator keeps buffers and is not safe for concurrent use
	defer collatorMu.Unlock()
	slices.SortStableFunc(items, func(a, b T) int {
		if c := collator.CompareString(name(a), name(b)); c != 0 {
			return c
		}
		return strings.Compare(key(a), key(b))
	})
}
