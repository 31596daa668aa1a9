package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"planverk/describe"
	"planverk/plan"
	"planverk/store"
)

// An edit form carries the marks of what the person started from: the
// fingerprint of what it edits (etag), the plan version it was opened on
// (base) and a submission key. A save whose fingerprint no longer matches
// saves nothing; the form comes back with what the person typed, what
// someone else changed meanwhile, and new marks.

// staleEdit is what an edit returns when what it edits is no longer what
// the person started from.
type staleEdit struct{ deleted bool }

func (e *staleEdit) Error() string { return "the measure was changed by someone else" }

// conflictView tells what someone else saved while this person edited.
type conflictView struct {
	Author  string
	At      time.Time
	Changes []plan.Change
	// Deleted is set when the other person deleted the measure.
	Deleted bool
	// book names what the changes point at, in the page's language.
	book *describe.Book
}

// Lines are the changes in the plan's words.
func (c *conflictView) Lines() []describe.Line {
	if c.book == nil {
		c.book = describe.New(nil, "")
	}
	return lines(c.book, c.Changes)
}

// newEditForm is an edit form filled with values, marked as opened on
// version v with etag the fingerprint of what it edits.
func newEditForm(values url.Values, v store.PlanVersion, etag string) *form {
	fm := newForm(values)
	renewForm(fm, v, etag)
	return fm
}

// renewForm gives a form the marks of the plan as it is in version v: the
// fingerprint etag, v as its base, and a new submission key. A form shown
// again after a conflict gets them, so that saving it again is a knowing
// choice.
func renewForm(fm *form, v store.PlanVersion, etag string) {
	fm.Values.Set("etag", etag)
	fm.Values.Set("base", strconv.Itoa(v.Version))
	fm.Values.Set("submission", newSubmission())
}

// structureConflict tells what someone else changed in one part of the
// plan since the version the form was opened on (its "base"): the changes
// in that part, and who made the latest of them. As a measure's conflict
// does, it merges their change into what the person typed: values gives
// the part's form values on a version of the plan (nil where the part is
// not in it). The caller renews the form's marks.
func (s *Server) structureConflict(r *http.Request, f *plan.File, v store.PlanVersion, fm *form,
	in func(plan.Change) bool, values func(*plan.File) url.Values) *conflictView {
	c := &conflictView{Author: v.AuthorName, At: v.SavedAt, book: s.book(r, f)}
	if base, err := strconv.Atoi(fm.Get("base")); err == nil && base < v.Version {
		if before, _, err := s.store.LoadPlanVersion(r.Context(), v.ProgrammeID, v.Year, base); err == nil {
			for _, ch := range plan.Diff(before, f) {
				if in(ch) {
					c.Changes = append(c.Changes, ch)
				}
			}
			if was, now := values(before), values(f); was != nil && now != nil {
				mergeRows(fm, was, now)
			}
		}
		// Who changed it: the latest version since the base that touched
		// this part, not merely the latest version.
		if hist, err := s.store.History(r.Context(), v.ProgrammeID, v.Year, store.HistoryQuery{}); err == nil {
			for _, h := range hist {
				if h.Version > base && in(h.Change) {
					c.Author, c.At = h.AuthorName, h.SavedAt
					break
				}
			}
		}
	}
	return c
}

// mergeForm merges what the person typed with what someone else saved
// meanwhile, field by field, against the values the form was opened with
// (base): a field the person left as it was takes the other's value, so
// that saving again keeps the other's change; a field both changed keeps
// what the person typed and is marked, with the other's value, for them to
// decide.
//
// The money grids merge otherwise (moneyMerge): their rows are matched by
// identity rather than place, and a field both changed is not marked.
func mergeForm(fm *form, base, current url.Values) {
	for name := range current {
		mine, theirs, was := fm.Values.Get(name), current.Get(name), base.Get(name)
		switch {
		case theirs == was || mine == theirs:
			// Only the person changed it, or nobody, or both alike.
		case sameText(mine, was):
			fm.Values.Set(name, theirs)
		default:
			fm.Fail(name, "form.both-changed", "Value", theirs)
		}
	}
}

// mergeRows is mergeForm for forms whose rows can also go: a field the
// other person emptied away (a row they removed, so that the rows after it
// moved up one) is emptied here too where the person left it alone, so
// that a removed row does not come back as the empty row for adding one.
func mergeRows(fm *form, was, now url.Values) {
	mergeForm(fm, was, now)
	for name := range was {
		if _, ok := now[name]; !ok && sameText(fm.Values.Get(name), was.Get(name)) {
			fm.Values.Del(name)
		}
	}
}

// sameText compares form values as keepText does: space around text, and
// the line ends browsers send, do not count.
func sameText(a, b string) bool {
	return strings.TrimSpace(strings.ReplaceAll(a, "\r\n", "\n")) == strings.TrimSpace(b)
}
