package scheme

import (
	"encoding/json"
	"strings"
)

// Plain is a value as the catalogue means it, for comparing two schemes
// and listing what differs: its JSON decoded into generic values, without
// empty texts, lists and objects, and without the space around texts. A
// list not given and an empty one are the same, and so is a text with or
// without the line end a YAML block or a spreadsheet adds.
func Plain(v any) any {
	b, _ := json.Marshal(v)
	var out any
	_ = json.Unmarshal(b, &out)
	return plain(out)
}

func plain(v any) any {
	switch x := v.(type) {
	case map[string]any:
		out := map[string]any{}
		for k, e := range x {
			if e = plain(e); e != nil {
				out[k] = e
			}
		}
		if len(out) == 0 {
			return nil
		}
		return out
	case []any:
		if len(x) == 0 {
			return nil
		}
		for i := range x {
			x[i] = plain(x[i])
		}
		return x
	case string:
		if x = strings.TrimSpace(x); x == "" {
			return nil
		}
		return x
	}
	return v
}
