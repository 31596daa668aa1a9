package web

import (
	"net/http"
	"net/url"
	"strconv"

	"planverk/followup"
	"planverk/plan"
	"planverk/store"
)

// The forms for a project's money: a grant commitment (new or changed,
// with a released remainder) and a payment of one. Each carries the
// project's version: a form opened before someone else saved the project
// saves nothing, and comes back with what was typed.

// commitmentValues are a commitment's form values.
func commitmentValues(c followup.Commitment) url.Values {
	v := url.Values{}
	if c.Amount != 0 || c.ID != 0 {
		v.Set("amount", formatAmountInput(c.Amount.Ptr()))
	}
	v.Set("kind", string(c.Kind))
	v.Set("source", c.Source)
	v.Set("share", string(c.Share))
	v.Set("decided", dateInput(c.Decided))
	v.Set("body", c.Body)
	v.Set("deadline", dateInput(c.Deadline))
	v.Set("conditions", c.Conditions)
	v.Set("released", formatAmountInput(c.Released))
	v.Set("released_on", dateInput(c.ReleasedOn))
	v.Set("schedule", scheduleInput(c.Schedule))
	return v
}

// readCommitment reads the commitment form into c.
func readCommitment(fm *form, c *followup.Commitment) {
	fm.Required("amount", "source")
	if t := fm.Get("amount"); t != "" {
		a, kind, err := plan.ParseQualifiedAmount(t)
		if err != nil {
			// "150 000 kr" and the like, without a qualifier.
			if p, ok := parseAmountInput(t); ok && p != nil {
				a, kind, err = *p, plan.AmountExact, nil
			}
		}
		if err != nil {
			fm.Fail("amount", "followup.form.amount-invalid", "Field", label("followup.field.amount"), "Value", t)
		}
		c.Amount, c.Kind = a, kind
		if kind == plan.AmountExact {
			c.Kind = plan.AmountKind(fm.Get("kind"))
		}
	}
	switch c.Kind {
	case plan.AmountExact, plan.AmountCeiling, plan.AmountEstimate, plan.AmountMinimum:
	default:
		fm.Fail("kind", "followup.form.choose")
	}
	c.Source = fm.Get("source")
	c.Share = plan.Share(fm.Get("share"))
	if c.Share != "" {
		if _, err := c.Share.Rat(); err != nil {
			fm.Fail("share", "followup.form.share-invalid", "Value", string(c.Share))
		}
	}
	c.Decided = readDateField(fm, "decided", "followup.form.date-invalid", "Field", label("followup.field.decided"))
	c.Body = fm.Get("body")
	c.Deadline = readDateField(fm, "deadline", "followup.form.date-invalid", "Field", label("followup.field.deadline"))
	c.Conditions = fm.Get("conditions")
	c.Released = formAmount(fm, "released", "followup.field.released")
	c.ReleasedOn = readDateField(fm, "released_on", "followup.form.date-invalid", "Field", label("followup.field.released_on"))
	if c.Released != nil && c.ReleasedOn == nil {
		fm.Fail("released_on", "followup.form.released-needs-date")
	}
	c.Schedule = readSchedule(fm, c.Amount)
}

// moneyForm is the form of a project's commitment or payment.
type moneyForm struct {
	*followupBase
	Project    followup.Project
	Commitment *followup.Commitment
	Form       *form
	Conflict   *conflictView
	Kinds      []option
	Sources    []option
	Action     string
}

// markMoneyForm gives a money form the project's version and what it was
// opened with.
func markMoneyForm(fm *form, p followup.Project, opened url.Values) {
	fm.Values.Set("version", strconv.Itoa(p.Version))
	fm.Values.Set("opened", opened.Encode())
	fm.Values.Set("submission", newSubmission())
}

func (s *Server) renderCommitmentForm(w http.ResponseWriter, r *http.Request, status int, b *followupBase, p followup.Project, ci int, fm *form, c *conflictView) {
	v := moneyForm{followupBase: b, Project: p, Form: fm, Conflict: c,
		Kinds:   []option{{Value: "", ID: "followup.kind.exact"}},
		Sources: []option{{Value: "", ID: "followup.form.choose-source"}}}
	for _, k := range plan.AmountKinds {
		v.Kinds = append(v.Kinds, option{Value: string(k), ID: "followup.kind." + string(k)})
	}
	seen := map[string]bool{}
	for _, f := range b.Plans {
		for _, src := range f.Plan.Sources {
			if !seen[src.ID] {
				v.Sources = append(v.Sources, option{Value: src.ID, Label: src.Name})
				seen[src.ID] = true
			}
		}
	}
	if src := fm.Get("source"); src != "" && !seen[src] {
		v.Sources = append(v.Sources, option{Value: src, Label: src})
	}
	title := i18nTitle(r, "followup.commitment-new", "Project", p.Name())
	v.Action = projectPath(p) + "/commitments/new"
	if ci >= 0 {
		v.Commitment = &p.Commitments[ci]
		v.Action = projectPath(p) + "/commitments/" + strconv.FormatInt(p.Commitments[ci].ID, 10) + "/edit"
		title = i18nTitle(r, "followup.commitment-edit", "Project", p.Name())
	}
	s.render(w, r, status, "commitment_edit", &view{Title: title, Data: v})
}

// commitmentIndex finds the request's commitment in the project, or
// answers the request.
func (s *Server) commitmentIndex(w http.ResponseWriter, r *http.Request, p followup.Project) (int, bool) {
	id, err := strconv.ParseInt(r.PathValue("commitment"), 10, 64)
	for i, c := range p.Commitments {
		if err == nil && c.ID == id {
			return i, true
		}
	}
	s.fail(w, r, plan.Errorf(plan.ENotFound, "project %d has no commitment %q", p.ID, r.PathValue("commitment")))
	return 0, false
}

// moneyFormFor loads what a money form needs for a person who may
// register money, or answers the request.
func (s *Server) moneyFormFor(w http.ResponseWriter, r *http.Request) (*followupBase, followup.Project, bool) {
	b, ok := s.loadFollowup(w, r)
	if !ok {
		return nil, followup.Project{}, false
	}
	if !b.CanEdit {
		s.deny(w, r)
		return nil, followup.Project{}, false
	}
	p, ok := s.loadProject(w, r, b)
	return b, p, ok
}

// saveMoney saves a project changed by a money form. It reports false
// where it answered the request: with the form again and a note where
// the project was saved by someone else after the form was opened (the
// caller's again renders it), or with an error.
func (s *Server) saveMoney(w http.ResponseWriter, r *http.Request, fm *form, stored, p followup.Project,
	again func(now followup.Project, c *conflictView)) (followup.Project, bool) {
	version, _ := strconv.Atoi(fm.Get("version"))
	p.Version = version
	var saved followup.Project
	var err error = plan.Errorf(plan.EConflict, "project %d is at version %d, not %d", stored.ID, stored.Version, version)
	if version == stored.Version {
		saved, err = s.store.SaveProject(r.Context(), p, store.Edit{Author: whoOf(r).Subject.UserID})
	}
	if plan.ErrorCode(err) == plan.EConflict {
		now, lerr := s.store.Project(r.Context(), stored.ProgrammeID, stored.ID)
		if lerr != nil {
			s.fail(w, r, lerr)
			return saved, false
		}
		again(now, &conflictView{Author: now.UpdatedByName, At: now.UpdatedAt})
		return saved, false
	}
	if err != nil {
		s.fail(w, r, err)
		return saved, false
	}
	return saved, true
}
