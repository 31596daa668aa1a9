package web

import (
	"net/http"

	"planverk/auth"
	"planverk/evaluation"
	"planverk/plan"
	"planverk/store"
)

type programmeView struct {
	Programme      plan.Programme
	Municipalities []plan.Organisation
	OrgNames       map[string]string
	Plans          []store.PlanVersion
	// Years are the cycles of the plans the person may read, in the order
	// of Plans: where each stands, its milestones and what it waits for.
	Years []*cycleView
	// Lang is the language of the programme's own text: that of its newest plan.
	Lang plan.Language
	// CanEdit and CanManageMembers say which of the programme's admin pages
	// the viewer may open.
	CanEdit, CanManageMembers bool
	// Evaluation links to the final evaluation where the viewer may read
	// it; WriteEvaluation offers to write it, once the period's last year
	// has come.
	Evaluation, WriteEvaluation bool
	// Capacity links the development-capacity survey's results for the
	// programme's members (a visitor reaches public results by address),
	// and their programme status assessments.
	Capacity bool
}

func (s *Server) programmeShow(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	id := r.PathValue("programme")
	plans, err := s.visiblePlans(r, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if len(plans) == 0 {
		s.fail(w, r, plan.Errorf(plan.ENotFound, "programme %q has no plans", id))
		return
	}
	f, _, err := s.store.LoadPlan(ctx, id, plans[0].Year)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	v := programmeView{Programme: f.Programme, Plans: plans, Lang: f.Plan.Language, OrgNames: map[string]string{},
		CanEdit:          can(r, auth.EditProgramme, auth.Resource{Programme: id}),
		CanManageMembers: can(r, auth.ManageMembers, auth.Resource{Programme: id})}
	for _, p := range plans {
		cv, err := s.cycleOf(r, id, p.Year, plans)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		v.Years = append(v.Years, cv)
	}
	for _, o := range f.Organisations {
		v.OrgNames[o.ID] = o.Name
	}
	ev, started, err := s.storedEvaluation(ctx, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	v.Evaluation = started && (ev.Status == evaluation.StatusCompleted || can(r, auth.ViewDraft, auth.Resource{Programme: id}))
	v.WriteEvaluation = !started && canEvaluate(r, id) && s.evaluationDue(f.Programme)
	v.Capacity = can(r, auth.ViewDraft, auth.Resource{Programme: id})
	for _, m := range f.Programme.Municipalities {
		for _, o := range f.Organisations {
			if o.ID == m {
				v.Municipalities = append(v.Municipalities, o)
			}
		}
	}
	s.render(w, r, http.StatusOK, "programme", &view{Title: f.Programme.Name, Data: v})
}
