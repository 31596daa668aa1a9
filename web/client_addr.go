package web

import (
	"net"
	"net/http"
	"net/netip"
	"strings"
)

// clientAddr is the address of the client behind a request, as the log-in
// limits count it. Behind a reverse proxy every request comes from the
// proxy, so the operator names the header the proxy writes the client's
// address in (Config.ClientIPHeader, such as X-Forwarded-For); of a list
// the last entry counts, the one the operator's own proxy added, since a
// client can write anything before it. Without such a header, or where it
// holds no address, the connection's address counts.
//
// IPv6 addresses count by their /64 network: one household or machine
// commonly has a whole /64, and could otherwise take a fresh address for
// every attempt.
func (s *Server) clientAddr(r *http.Request) string {
	if h := s.cfg.ClientIPHeader; h != "" {
		if v := r.Header.Values(h); len(v) > 0 {
			last := v[len(v)-1]
			if i := strings.LastIndexByte(last, ','); i >= 0 {
				last = last[i+1:]
			}
			if a, ok := parseAddr(strings.TrimSpace(last)); ok {
				return a
			}
		}
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	if a, ok := parseAddr(host); ok {
		return a
	}
	return host
}

// parseAddr reads an address ("192.0.2.7", "2001:db8::1", "[2001:db8::1]")
// as the limits count it.
func parseAddr(s string) (string, bool) {
	a, err := netip.ParseAddr(strings.Trim(s, "[]"))
	if err != nil {
		return "", false
	}
	a = a.Unmap()
	if a.Is6() {
		p, _ := a.Prefix(64)
		return p.String(), true
	}
	return a.String(), true
}
