package web

import (
	"crypto/rand"
	"encoding/base64"
	"net/http"
	"net/url"
	"planverk/auth"
	"strings"
)

// form is a form as submitted: what the person typed, kept to be shown
// again, and what is wrong with it, field by field. Messages are catalogue
// ids, translated when the page is rendered.
type form struct {
	Values url.Values
	// Errors maps a field's name to its message; Fields keeps the fields
	// with errors in the order they were found, for the summary at the top.
	Errors fieldErrors
	Fields []string
	// Warnings are what the plan's rules say of a field's value as it is
	// saved, in the page's words: shown beside the field, they do not stop
	// a save (a time frame outside the period is allowed, but flagged).
	Warnings map[string]string
}

type fieldErrors map[string]fieldError

func (e fieldErrors) has(name string) bool { _, ok := e[name]; return ok }

type fieldError struct {
	ID   string
	Args []any
}

func newForm(v url.Values) *form {
	if v == nil {
		v = url.Values{}
	}
	return &form{Values: v, Errors: map[string]fieldError{}}
}

// Get returns what was typed in a field, without surrounding space.
func (f *form) Get(name string) string { return strings.TrimSpace(f.Values.Get(name)) }

// Raw returns what was typed in a field exactly, for passwords and text
// whose spacing matters.
func (f *form) Raw(name string) string { return f.Values.Get(name) }

// Fail notes what is wrong with a field; the first problem of a field wins.
func (f *form) Fail(name, id string, args ...any) {
	if _, ok := f.Errors[name]; ok {
		return
	}
	f.Errors[name] = fieldError{ID: id, Args: args}
	f.Fields = append(f.Fields, name)
}

// Required fails an empty field.
func (f *form) Required(names ...string) {
	for _, n := range names {
		if f.Get(n) == "" {
			f.Fail(n, "form.required")
		}
	}
}

// Warn notes, in words already translated, what the rules say of a
// field; a field's warnings are joined.
func (f *form) Warn(name, text string) {
	if f.Warnings == nil {
		f.Warnings = map[string]string{}
	}
	if had := f.Warnings[name]; had != "" {
		text = had + " " + text
	}
	f.Warnings[name] = text
}

// Warning returns what the rules say of a field, "" where nothing.
func (f *form) Warning(name string) string { return f.Warnings[name] }

// OK reports whether the form has no errors.
func (f *form) OK() bool { return len(f.Errors) == 0 }

// Error returns a field's message translated, "" when it has none.
func (f *form) Error(v *view, name string) string {
	e, ok := f.Errors[name]
	if !ok {
		return ""
	}
	args := make([]any, len(e.Args))
	for i, a := range e.Args {
		if l, ok := a.(label); ok {
			a = v.T(string(l))
		}
		args[i] = a
	}
	return v.T(e.ID, args...)
}

// label is a catalogue id given as a message's argument, such as the name
// of the field the message is about; it is translated with the message.
type label string

// parseForm reads a posted form, refusing bodies over 1 MiB and text that
// is not UTF-8. A form it cannot read is answered with 400, and it returns
// false.
func (s *Server) parseForm(w http.ResponseWriter, r *http.Request) (*form, bool) {
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
	if err := r.ParseForm(); err != nil {
		s.errorPage(w, r, http.StatusBadRequest, "error.bad-request")
		return nil, false
	}
	if !validForm(r.PostForm) {
		s.refuseNotUTF8(w, r)
		return nil, false
	}
	return newForm(r.PostForm), true
}

// formFor reads a posted form from a person who may do a across
// planverk (start programmes, edit organisations, manage users);
// otherwise it answers the request and returns false.
func (s *Server) formFor(w http.ResponseWriter, r *http.Request, a auth.Action) (*form, bool) {
	fm, ok := s.parseForm(w, r)
	if !ok {
		return nil, false
	}
	if !can(r, a, auth.Resource{}) {
		s.deny(w, r)
		return nil, false
	}
	return fm, true
}

// newSubmission returns a random key for a form, so that the same form
// sent twice makes one change.
func newSubmission() string {
	b := make([]byte, 18)
	_, _ = rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

// option is one choice of a select: shown as a catalogue message (ID) or
// as text (Label).
type option struct {
	Value string
	ID    string
	Label string
}

// keepLine is keepText for a one-line field: what was there stays when the
// typed text differs from it only in the space around it.
func keepLine(had, typed string) string {
	typed = strings.TrimSpace(typed)
	if typed == strings.TrimSpace(had) {
		return had
	}
	return typed
}

// changeSummary is the summary a version records: what the person wrote
// about their change, or else fallback, which names what was changed
// ("2.3", "budget:period"; "" for nothing).
func changeSummary(fm *form, fallback string) string {
	if note := fm.Get("change_note"); note != "" {
		return note
	}
	return fallback
}
