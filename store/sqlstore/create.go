package sqlstore

import (
	"context"
	"errors"
	"fmt"
	"time"

	"planverk/plan"
	"planverk/store"
)

// CreatePlan stores a new programme and its first plan, refusing a
// programme id that is taken (see store.Store). The check and the save are
// one transaction, so two copies of planverk cannot both create it.
func (s *Store) CreatePlan(ctx context.Context, f *plan.File, e store.Edit) (store.PlanVersion, error) {
	if f == nil || f.Programme.ID == "" {
		return store.PlanVersion{}, plan.Errorf(plan.EInvalid, "a new plan needs a programme with an id")
	}
	v := store.PlanVersion{ProgrammeID: f.Programme.ID, Year: f.Plan.Year, Title: f.Plan.Title,
		Status: f.Plan.Status, Language: f.Plan.Language,
		SavedAt: time.Now().UTC().Truncate(time.Microsecond), Author: e.Author, Summary: e.Summary}
	err := s.writePlan(ctx, f.Programme.ID, f.Plan.Year, func(w *writer) error {
		r := w.reader()
		if e.Submission != "" {
			seen, ok, err := r.submitted(e.Submission)
			if err != nil || ok {
				v = seen
				return err
			}
		}
		if _, err := r.programmeRow(f.Programme.ID); err == nil {
			return plan.Errorf(plan.EConflict, "there is already a programme %q", f.Programme.ID)
		} else if plan.ErrorCode(err) != plan.ENotFound {
			return err
		}
		plan.AssignMeasureIDs(f, nil)
		version, planID, err := newSaver(w, f).save(v.SavedAt)
		if err != nil {
			return err
		}
		v.Version = version
		if err := w.recordEdit(planID, e, nil); err != nil {
			return err
		}
		v.AuthorName, err = r.authorName(e.Author)
		return err
	})
	if err != nil {
		var pe *plan.Error
		if errors.As(err, &pe) {
			return store.PlanVersion{}, err
		}
		return store.PlanVersion{}, fmt.Errorf("create plan %s %d: %w", f.Programme.ID, f.Plan.Year, err)
	}
	return v, nil
}
