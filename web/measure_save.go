package web

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"planverk/auth"
	"planverk/plan"
	"planverk/store"
)

// staleEdit is what the edit returns when the measure is no longer what the
// person started from.
type staleEdit struct{ deleted bool }

func (e *staleEdit) Error() string { return "the measure was changed by someone else" }

// measureSave saves the measure form. The form carries the fingerprint of
// the measure as it was when the form was opened; if the measure has been
// changed since, nothing is saved, and the form comes back with what the
// person typed and what the other person changed, so that they can merge
// and save again knowingly.
func (s *Server) measureSave(w http.ResponseWriter, r *http.Request) {
	fm, ok := parseForm(w, r)
	if !ok {
		s.errorPage(w, r, http.StatusBadRequest, "error.bad-request")
		return
	}
	f, v, ok := s.loadPlan(w, r)
	if !ok {
		return
	}
	goalNo, measureNo, _ := measureNumbers(r)
	g, m := findMeasure(f, goalNo, measureNo)
	if m == nil {
		if fm.Get("etag") != "" && fm.Get("base") != "" {
			s.measureConflict(w, r, f, v, nil, nil, fm, goalNo, measureNo)
			return
		}
		s.fail(w, r, plan.Errorf(plan.ENotFound, "no measure %d.%d", goalNo, measureNo))
		return
	}
	res := measureResource(v.ProgrammeID, v.Published, m)
	if !can(r, auth.EditMeasure, res) {
		s.deny(w, r)
		return
	}
	target := goalNo
	if fm.Get("goal") != "" && fm.Get("goal") != strconv.Itoa(goalNo) {
		n, err := strconv.Atoi(fm.Get("goal"))
		switch {
		case err != nil || findGoal(f, n) == nil:
			fm.Fail("goal", "form.choose")
		case !can(r, auth.EditPlan, res):
			fm.Fail("goal", "measure-form.move-denied")
		default:
			target = n
		}
	}
	// Check the form on a copy first, so that errors are shown without
	// touching the database.
	check := *m
	applyMeasureForm(fm, f, &check)
	if !fm.OK() {
		s.renderMeasureEdit(w, r, http.StatusUnprocessableEntity, f, v, g, m, fm, nil)
		return
	}
	etag := fm.Get("etag")
	newNumber := measureNo
	saved, err := s.store.EditPlan(r.Context(), v.ProgrammeID, v.Year,
		store.Edit{Author: whoOf(r).User.ID, Summary: editSummary(fm, "measure-form.summary", goalNo, measureNo), Submission: fm.Get("submission")},
		func(cur *plan.File) error {
			cg, cm := findMeasure(cur, goalNo, measureNo)
			if cm == nil {
				return &staleEdit{deleted: true}
			}
			if fingerprint(cm) != etag {
				return &staleEdit{}
			}
			applyMeasureForm(newForm(fm.Values), cur, cm)
			newNumber = measureNo
			if target != goalNo {
				newNumber = moveMeasure(cur, cg, cm, findGoal(cur, target))
			}
			return nil
		})
	var stale *staleEdit
	if errors.As(err, &stale) {
		s.measureConflict(w, r, f, v, g, m, fm, goalNo, measureNo)
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if saved.Repeated {
		// The same form again: the measure may have moved since; its page
		// is found from the plan.
		http.Redirect(w, r, fmt.Sprintf("/programmes/%s/plans/%d", v.ProgrammeID, v.Year), http.StatusSeeOther)
		return
	}
	http.Redirect(w, r, fmt.Sprintf("/programmes/%s/plans/%d/goals/%d/measures/%d?saved=1", v.ProgrammeID, v.Year, target, newNumber), http.StatusSeeOther)
}

// moveMeasure moves a measure to the end of another goal, numbered after
// that goal's last, and returns its new number.
func moveMeasure(f *plan.File, from *plan.Goal, m *plan.Measure, to *plan.Goal) int {
	moved := *m
	for i := range from.Measures {
		if &from.Measures[i] == m {
			from.Measures = append(from.Measures[:i:i], from.Measures[i+1:]...)
			break
		}
	}
	moved.Number = 1
	for _, o := range to.Measures {
		moved.Number = max(moved.Number, o.Number+1)
	}
	to.Measures = append(to.Measures, moved)
	return moved.Number
}

// measureConflict shows the form again after a stale save: what the person
// typed, and what changed meanwhile. The form now carries the fingerprint
// of the measure as it is, so that saving again is a knowing choice.
func (s *Server) measureConflict(w http.ResponseWriter, r *http.Request, f *plan.File, v store.PlanVersion,
	g *plan.Goal, m *plan.Measure, fm *form, goalNo, measureNo int) {
	c := &conflictView{Author: v.AuthorName, At: v.SavedAt, Deleted: m == nil}
	if base, err := strconv.Atoi(fm.Get("base")); err == nil && base < v.Version {
		if before, _, err := s.store.LoadPlanVersion(r.Context(), v.ProgrammeID, v.Year, base); err == nil {
			c.Changes = plan.MeasureChanges(plan.Diff(before, f), goalNo, measureNo)
			if bg, bm := findMeasure(before, goalNo, measureNo); bm != nil && m != nil {
				mergeForm(fm, measureValues(before, bg, bm), measureValues(f, g, m))
			}
		}
		// Who changed it: the latest version that touched the measure.
		if hist, err := s.store.History(r.Context(), v.ProgrammeID, v.Year, store.HistoryQuery{Goal: goalNo, Measure: measureNo, Limit: 1}); err == nil && len(hist) > 0 {
			c.Author, c.At = hist[0].AuthorName, hist[0].SavedAt
		}
	}
	if m == nil {
		s.render(w, r, http.StatusConflict, "error", &view{Title: i18nTitle(r, "measure-form.deleted-title"), Data: "measure-form.deleted"})
		return
	}
	fm.Values.Set("etag", fingerprint(m))
	fm.Values.Set("base", strconv.Itoa(v.Version))
	fm.Values.Set("submission", newSubmission())
	s.renderMeasureEdit(w, r, http.StatusConflict, f, v, g, m, fm, c)
}

// editSummary is the summary a version records: what the person wrote
// about their change, or else which measure it was.
func editSummary(fm *form, fallback string, goal, measure int) string {
	if note := fm.Get("change_note"); note != "" {
		return note
	}
	_ = fallback
	return fmt.Sprintf("%d.%d", goal, measure)
}

// mergeForm merges what the person typed with what someone else saved
// meanwhile, field by field, against the values the form was opened with
// (base): a field the person left as it was takes the other's value, so
// that saving again keeps the other's change; a field both changed keeps
// what the person typed and is marked, with the other's value, for them to
// decide.
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

// sameText compares form values as keepText does: space around text, and
// the line ends browsers send, do not count.
func sameText(a, b string) bool {
	return strings.TrimSpace(strings.ReplaceAll(a, "\r\n", "\n")) == strings.TrimSpace(b)
}
