package web

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"planverk/auth"
	"planverk/plan"
	"planverk/store"
)

// measureSave saves the measure form. The form carries the fingerprint of
// the measure as it was when the form was opened; if the measure has been
// changed since, nothing is saved, and the form comes back with what the
// person typed and what the other person changed, so that they can merge
// and save again knowingly.
func (s *Server) measureSave(w http.ResponseWriter, r *http.Request) {
	fm, f, v, ok := s.planForm(w, r)
	if !ok {
		return
	}
	goalNo, measureNo, _ := measureNumbers(r)
	if _, m := findMeasure(f, goalNo, measureNo); m == nil && fm.Get("etag") != "" && fm.Get("base") != "" {
		// The form was open on the measure, which someone deleted meanwhile.
		s.measureConflict(w, r, f, v, nil, nil, fm, goalNo, measureNo)
		return
	}
	g, m, ok := s.measureFor(w, r, f, v, auth.EditMeasure)
	if !ok {
		return
	}
	res := measureResource(v.ProgrammeID, v.Published, m)
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
	// A measure moved to another goal gets the number after that goal's
	// last; otherwise the number field may renumber it.
	number := measureNo
	if target == goalNo {
		number = checkMeasureName(fm, g, m, true)
	} else if to := findGoal(f, target); to != nil {
		checkMeasureName(fm, to, nil, false)
	}
	if leadsChanged(m.Leads, check.Leads) && !can(r, auth.EditPlan, res) {
		fm.Fail("leads", "measure-form.leads-denied")
	}
	if !fm.OK() {
		s.renderMeasureEdit(w, r, http.StatusUnprocessableEntity, f, v, g, m, fm, nil)
		return
	}
	if fm.Get("preview") != "" {
		s.renderMeasurePreview(w, r, f, v, g, m, &check, fm)
		return
	}
	etag := fm.Get("etag")
	newNumber := measureNo
	// flagged: the rules flag something in the measure as saved, so the
	// form comes back with the warnings beside its fields.
	flagged := false
	saved, err := s.store.EditPlan(r.Context(), v.ProgrammeID, v.Year,
		store.Edit{Author: whoOf(r).User.ID, Summary: changeSummary(fm, fmt.Sprintf("%d.%d", goalNo, measureNo)), Submission: fm.Get("submission")},
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
			if target == goalNo && number != measureNo {
				if numberTaken(cg, cm, number) {
					return plan.Errorf(plan.EConflict, "measure number %d of goal %d was taken meanwhile", number, goalNo)
				}
				cm.Number, newNumber = number, number
			}
			if target != goalNo {
				to := findGoal(cur, target)
				if to == nil {
					return plan.Errorf(plan.EConflict, "goal %d is no longer in the plan", target)
				}
				newNumber = moveMeasure(cur, cg, cm, to)
			}
			flagged = len(measureFindings(cur, target, newNumber)) > 0
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
		http.Redirect(w, r, planPath(v), http.StatusSeeOther)
		return
	}
	page := fmt.Sprintf("%s/goals/%d/measures/%d", planPath(v), target, newNumber)
	if flagged {
		page += "/edit"
	}
	http.Redirect(w, r, page+"?saved=1", http.StatusSeeOther)
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
	c := &conflictView{Author: v.AuthorName, At: v.SavedAt, Deleted: m == nil, book: s.book(r, f)}
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
		s.goneConflict(w, r, "measure-form.deleted-title", "measure-form.deleted")
		return
	}
	renewForm(fm, v, fingerprint(m))
	s.renderMeasureEdit(w, r, http.StatusConflict, f, v, g, m, fm, c)
}
