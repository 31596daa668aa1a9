package web

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"planverk/auth"
	"planverk/plan"
	"planverk/store"
)

// planSave saves the plan's own fields. Like every form of the plan's
// structure it carries the fingerprint of what it edits as it was when the
// form was opened; a save over someone else's change saves nothing and
// shows the form again with what the person typed and what changed.
func (s *Server) planSave(w http.ResponseWriter, r *http.Request) {
	fm, ok := parseForm(w, r)
	if !ok {
		s.errorPage(w, r, http.StatusBadRequest, "error.bad-request")
		return
	}
	f, v, ok := s.loadPlan(w, r)
	if !ok {
		return
	}
	if !can(r, auth.EditPlan, planResource(v)) {
		s.deny(w, r)
		return
	}
	// Check the form on a copy first, so that errors are shown without
	// touching the database.
	check := f.Plan
	applyPlanForm(fm, &check)
	if !fm.OK() {
		s.renderPlanEdit(w, r, http.StatusUnprocessableEntity, f, v, fm, nil)
		return
	}
	etag := fm.Get("etag")
	_, err := s.store.EditPlan(r.Context(), v.ProgrammeID, v.Year,
		store.Edit{Author: whoOf(r).User.ID, Summary: fm.Get("change_note"), Submission: fm.Get("submission")},
		func(cur *plan.File) error {
			if fingerprint(planFieldsOf(&cur.Plan)) != etag {
				return &staleEdit{}
			}
			applyPlanForm(newForm(fm.Values), &cur.Plan)
			return nil
		})
	var stale *staleEdit
	if errors.As(err, &stale) {
		f, v, ok := s.loadPlan(w, r)
		if !ok {
			return
		}
		c := s.structureConflict(r, f, v, fm, func(c plan.Change) bool {
			return slices.Contains([]string{"plan.title", "plan.subtitle", "plan.status", "plan.weight_basis"}, c.Path)
		}, func(f *plan.File) url.Values { return planValues(&f.Plan) })
		fm.Values.Set("etag", fingerprint(planFieldsOf(&f.Plan)))
		s.renderPlanEdit(w, r, http.StatusConflict, f, v, fm, c)
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, planPath(v), http.StatusSeeOther)
}

// applyPlanForm checks the form and, where it is good, writes it into p.
func applyPlanForm(fm *form, p *plan.Plan) {
	fm.Required("title")
	status := plan.Status(fm.Get("status"))
	if status != "" && !slices.Contains(plan.Statuses, status) {
		fm.Fail("status", "form.choose")
	}
	if !fm.OK() {
		return
	}
	p.Title = keepLine(p.Title, fm.Get("title"))
	p.Subtitle = keepLine(p.Subtitle, fm.Get("subtitle"))
	p.Status = status
	p.WeightBasis = keepLine(p.WeightBasis, fm.Get("weight_basis"))
}

// The helpers below are shared by the forms of the plan's structure: plan
// fields, goals, the order of goals and measures, targets, anchoring and
// approvals.

// structureConflict tells what someone else changed in one part of the
// plan since the version the form was opened on (its "base"): the changes
// in that part, and who made the latest of them. As a measure's conflict
// does, it merges their change into what the person typed: values gives
// the part's form values on a version of the plan (nil where the part is
// not in it). It gives the form the current version as its base and a new
// submission key, so that saving again is a knowing choice; the caller
// sets the new fingerprint.
func (s *Server) structureConflict(r *http.Request, f *plan.File, v store.PlanVersion, fm *form,
	in func(plan.Change) bool, values func(*plan.File) url.Values) *conflictView {
	c := &conflictView{Author: v.AuthorName, At: v.SavedAt}
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
	fm.Values.Set("base", strconv.Itoa(v.Version))
	fm.Values.Set("submission", newSubmission())
	return c
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

// keepLine is keepText for a one-line field: what was there stays when the
// typed text differs from it only in the space around it.
func keepLine(had, typed string) string {
	typed = strings.TrimSpace(typed)
	if typed == strings.TrimSpace(had) {
		return had
	}
	return typed
}

// planPath is the address of a plan's page.
func planPath(v store.PlanVersion) string {
	return fmt.Sprintf("/programmes/%s/plans/%d", v.ProgrammeID, v.Year)
}

// rowIndexes are the indexes of a repeated group's rows: the n rows the
// form was opened with, and one empty row more for adding one.
func rowIndexes(fm *form) []int {
	n, _ := strconv.Atoi(fm.Get("rows"))
	n = max(0, min(n, 1000))
	out := make([]int, n+1)
	for i := range out {
		out[i] = i
	}
	return out
}

// rowEmpty reports whether every named field of a row is empty: the row
// was left empty or emptied, and goes.
func rowEmpty(fm *form, row int, names ...string) bool {
	for _, n := range names {
		if fm.Get(rowField(row, n)) != "" {
			return false
		}
	}
	return true
}

// rowField is the name of a field in a row of a repeated group.
func rowField(row int, name string) string { return fmt.Sprintf("row-%d-%s", row, name) }

// dateField reads an optional date written 19.06.2025 or 2025-06-19. A
// wrong one fails the field with the message id, which names the row and
// the field.
func dateField(fm *form, row int, name, id string) *plan.Date {
	s := fm.Get(rowField(row, name))
	if s == "" {
		return nil
	}
	d, err := plan.ParseDate(s)
	if err != nil {
		fm.Fail(rowField(row, name), id, "Row", row+1, "Value", s)
		return nil
	}
	return &d
}

// dateText writes a date for a form the way Norwegian documents write it.
func dateText(d *plan.Date) string {
	if d == nil {
		return ""
	}
	return fmt.Sprintf("%02d.%02d.%04d", d.Day, int(d.Month), d.Year)
}

// orgOptions lists organisations for a select: the empty choice first,
// then each by name.
func orgOptions(orgs []plan.Organisation) []option {
	out := []option{{Value: "", ID: "structure.choose"}}
	for _, o := range orgs {
		out = append(out, option{Value: o.ID, Label: o.Name})
	}
	return out
}
