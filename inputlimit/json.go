package inputlimit

// JSON checks a JSON document's size and depth on its bytes, before any
// decoder sees it: encoding/json would otherwise recurse a level per "[".
// Strings are skipped, so brackets inside them do not count. A document that
// is not JSON passes; the decoder says what is wrong with it.
func JSON(data []byte, l Limits) error {
	l = l.orDefault()
	if err := Size(len(data), l); err != nil {
		return err
	}
	depth, line, col := 0, 1, 0
	inString, escaped := false, false
	for _, b := range data {
		col++
		if b == '\n' {
			line, col = line+1, 0
		}
		if inString {
			switch {
			case escaped:
				escaped = false
			case b == '\\':
				escaped = true
			case b == '"':
				inString = false
			}
			continue
		}
		switch b {
		case '"':
			inString = true
		case '[', '{':
			depth++
			if depth > l.Depth {
				return &Error{Limit: LimitDepth, Max: l.Depth, Line: line, Col: col}
			}
		case ']', '}':
			if depth > 0 {
				depth--
			}
		}
	}
	return nil
}
