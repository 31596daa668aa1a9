package web

import (
	"net/url"
	"strings"
)

// maxReturn is the longest return address kept; no page of the site has a
// longer one.
const maxReturn = 2048

// safeReturn keeps a return address (the return parameter of the log-in,
// the language switch and the like) only where it is a path on this site,
// and gives "/" for anything else: never an open redirect.
//
// Browsers are lenient where Go is not: a WHATWG URL parser drops tabs and
// line breaks, reads "\" as "/", and so takes "/\t/evil.example" or
// "/\evil.example" for "//evil.example", another host. So beyond asking
// net/url that there is no scheme or host, the address may not hold a
// backslash or a control character anywhere, nor start with "//", and the
// same holds for it once its percent-encoding (%09, %2F, %5C) is undone,
// since some proxies and browsers undo it before they resolve it.
func safeReturn(back string) string {
	if len(back) > maxReturn || !localPath(back) {
		return "/"
	}
	decoded := back
	for range 3 {
		d, err := url.PathUnescape(decoded)
		if err != nil {
			return "/"
		}
		if d == decoded {
			break
		}
		if !localPath(d) {
			return "/"
		}
		decoded = d
	}
	u, err := url.Parse(back)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil || u.Opaque != "" || !strings.HasPrefix(u.Path, "/") {
		return "/"
	}
	return back
}

// localPath says whether s, as a browser would read it, is a path on this
// site: it starts with one "/" and holds no "\" or control character.
func localPath(s string) bool {
	if !strings.HasPrefix(s, "/") || strings.HasPrefix(s, "//") {
		return false
	}
	for _, r := range s {
		if r == '\\' || r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) {
			return false
		}
	}
	return true
}
