package plan

import "strings"

// LastField returns the last field name of a path: "plan.goals[0].title" → "title".
func LastField(path string) string {
	p := path
	for strings.HasSuffix(p, "]") {
		p = p[:strings.LastIndex(p, "[")]
	}
	if i := strings.LastIndex(p, "."); i >= 0 {
		return p[i+1:]
	}
	return p
}
