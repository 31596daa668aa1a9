package web

import (
	"context"
	"net/http"
	"strings"

	"planverk/auth"
	"planverk/plan"
	"planverk/store"
)

type subjectKey struct{}

// who is the person behind a request: their account, and what they may do.
type who struct {
	User    *store.User
	Subject auth.Subject
	// API is set when the request carried an API token rather than a
	// session cookie.
	API bool
}

// authenticate finds who is asking, from an API token or the session, and
// keeps it in the request's context. A bad token is refused at once; a
// session whose user is gone or disabled is simply anonymous.
func (s *Server) authenticate(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context()
		var u store.User
		var err error
		found, api := false, false
		if h := r.Header.Get("Authorization"); h != "" {
			token, ok := strings.CutPrefix(h, "Bearer ")
			if !ok {
				s.apiFail(w, r, errUnauthorized("the Authorization header must be \"Bearer TOKEN\""))
				return
			}
			u, err = s.store.UserByAPIToken(ctx, auth.HashToken(strings.TrimSpace(token)), s.now())
			switch plan.ErrorCode(err) {
			case plan.ENotFound:
				s.apiFail(w, r, errUnauthorized("the API token is not valid"))
				return
			case plan.EUnauthorized:
				// Expired: the store's message says when, and what to do.
				s.apiFail(w, r, err)
				return
			}
			found, api = err == nil, true
		} else if id := s.sessions.GetInt64(ctx, sessionUser); id != 0 {
			u, err = s.store.User(ctx, id)
			found = err == nil && !u.Disabled
			if plan.ErrorCode(err) == plan.ENotFound {
				err = nil
			}
		}
		if err != nil {
			s.fail(w, r, err)
			return
		}
		wh := &who{API: api}
		if found {
			roles, err := s.store.Roles(ctx, u.ID)
			if err != nil {
				s.fail(w, r, err)
				return
			}
			wh.User = &u
			wh.Subject = auth.Subject{UserID: u.ID, Organisation: u.Organisation, SystemAdmin: u.SystemAdmin,
				CatalogueEditor: u.CatalogueEditor, Roles: roles}
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(ctx, subjectKey{}, wh)))
	})
}

// whoOf returns who is behind a request; anonymous where nobody is known.
func whoOf(r *http.Request) *who {
	if wh, ok := r.Context().Value(subjectKey{}).(*who); ok {
		return wh
	}
	return &who{}
}

// can reports whether the person behind the request may do a to res.
func can(r *http.Request, a auth.Action, res auth.Resource) bool {
	return auth.Can(whoOf(r).Subject, a, res)
}
