package web

import (
	"net/http"
	"strings"
)

// Entity tags. The ETag of a resource is the fingerprint of what it is — a
// measure, a plan file — in quotes: the same mark the browser's edit form
// carries, so that a client's If-Match is checked the way a form's is,
// inside the transaction that makes the change.

// etagOf is the strong ETag of a value.
func etagOf(v any) string { return `"` + fingerprint(v) + `"` }

// writeTagged answers with v and its ETag; a GET whose If-None-Match
// already names the tag gets 304 Not Modified and no body.
func writeTagged(w http.ResponseWriter, r *http.Request, status int, etag string, v any) {
	w.Header().Set("ETag", etag)
	if status == http.StatusOK && (r.Method == http.MethodGet || r.Method == http.MethodHead) {
		if tags, ok := parseEntityTags(r.Header.Values("If-None-Match")); ok && tags.matchWeak(etag) {
			w.WriteHeader(http.StatusNotModified)
			return
		}
	}
	writeJSON(w, status, v)
}

// entityTags is an If-Match or If-None-Match header: "*", or a list of
// tags, each with its quotes and a W/ in front where it is weak.
type entityTags struct {
	any  bool
	tags []string
}

// parseEntityTags reads the header's values; ok is false where there is
// none. A tag may hold commas, so the list is read tag by tag rather than
// split.
func parseEntityTags(values []string) (entityTags, bool) {
	var et entityTags
	seen := false
	for _, v := range values {
		for s := strings.TrimSpace(v); s != ""; s = strings.TrimLeft(s, " \t,") {
			seen = true
			if s[0] == '*' {
				et.any = true
				s = s[1:]
				continue
			}
			weak := strings.HasPrefix(s, "W/")
			body := strings.TrimPrefix(s, "W/")
			if !strings.HasPrefix(body, `"`) {
				// Not a tag: skip to the next comma. It matches nothing.
				_, s, _ = strings.Cut(s, ",")
				continue
			}
			end := strings.IndexByte(body[1:], '"')
			if end < 0 {
				break
			}
			tag := body[:end+2]
			if weak {
				tag = "W/" + tag
			}
			et.tags = append(et.tags, tag)
			s = body[end+2:]
		}
	}
	return et, seen
}

// matchStrong is If-Match's comparison: the current tag, exactly, and
// never a weak one.
func (et entityTags) matchStrong(current string) bool {
	if et.any {
		return true
	}
	for _, t := range et.tags {
		if t == current && !strings.HasPrefix(t, "W/") {
			return true
		}
	}
	return false
}

// matchWeak is If-None-Match's comparison: W/ is ignored.
func (et entityTags) matchWeak(current string) bool {
	if et.any {
		return true
	}
	cur := strings.TrimPrefix(current, "W/")
	for _, t := range et.tags {
		if strings.TrimPrefix(t, "W/") == cur {
			return true
		}
	}
	return false
}

// requireIfMatch reads the If-Match of a write. A write without one is
// refused with 428: a client that does not say which version it changes
// would overwrite whatever another wrote since it read.
func requireIfMatch(r *http.Request) (entityTags, error) {
	et, ok := parseEntityTags(r.Header.Values("If-Match"))
	if !ok {
		return et, &apiRefusal{status: http.StatusPreconditionRequired, msg: "api.if-match-required"}
	}
	return et, nil
}

// preconditionFailed is the 412 for a write whose If-Match is not the
// resource's current ETag; current is that ETag, "" where the resource is
// gone.
func preconditionFailed(current string) error {
	if current == "" {
		return &apiRefusal{status: http.StatusPreconditionFailed, msg: "api.gone"}
	}
	return &apiRefusal{status: http.StatusPreconditionFailed, msg: "api.stale", etag: current}
}

// readConditional reads a write's JSON body into v once its If-Match names
// the resource as it is now (ETag now): 428 without If-Match, the body's
// own errors next, then 412 where the client wrote from another version.
func readConditional(w http.ResponseWriter, r *http.Request, now string, v any) error {
	cond, err := requireIfMatch(r)
	if err != nil {
		return err
	}
	if err := readJSON(w, r, v); err != nil {
		return err
	}
	if !cond.matchStrong(now) {
		return preconditionFailed(now)
	}
	return nil
}
