package sqlstore

import (
	"strconv"
	"strings"
)

// DollarNumbers rewrites "?" and "?N" placeholders as PostgreSQL's "$N".
// A bare "?" takes the number after the highest used before it, as SQLite
// numbers them, so the same query means the same on both engines. Quoted
// text and identifiers are left alone.
func DollarNumbers(query string) string {
	var b strings.Builder
	b.Grow(len(query) + 16)
	highest := 0
	var quote byte
	for i := 0; i < len(query); i++ {
		c := query[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
			b.WriteByte(c)
		case c == '\'' || c == '"':
			quote = c
			b.WriteByte(c)
		case c == '?':
			j := i + 1
			for j < len(query) && query[j] >= '0' && query[j] <= '9' {
				j++
			}
			n := highest + 1
			if j > i+1 {
				n, _ = strconv.Atoi(query[i+1 : j])
			}
			highest = max(highest, n)
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			i = j - 1
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}
