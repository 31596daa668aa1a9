package web

import (
	"context"

	"planverk/followup"
	"planverk/plan"
	"planverk/store"
)

// matrixProject makes the authorisation matrix's project: a granted
// project of vest-telemark, managed by the account manager, with a
// submitted report. A project of driv comes first, so that the matrix's
// "project 1" of vest-telemark stays one that is not there.
func matrixProject(fx *fixture, manager int64) (project, report int64) {
	fx.t.Helper()
	ctx := context.Background()
	if _, err := fx.store.SaveProject(ctx, followup.Project{ProgrammeID: "driv", Title: "Først", Status: followup.StatusIdea}, store.Edit{}); err != nil {
		fx.t.Fatal(err)
	}
	p, err := fx.store.SaveProject(ctx, followup.Project{ProgrammeID: "vest-telemark", Title: "Matriseprosjekt", Status: followup.StatusGranted,
		Commitments: []followup.Commitment{{Amount: 100000, Source: "fylkeskommunen"}}}, store.Edit{})
	if err != nil {
		fx.t.Fatal(err)
	}
	if err := fx.store.SetProjectManager(ctx, "vest-telemark", p.ID, manager); err != nil {
		fx.t.Fatal(err)
	}
	to := plan.Date{Year: 2025, Precision: plan.PrecisionYear}
	rep, err := fx.store.SaveReport(ctx, followup.Report{ProgrammeID: "vest-telemark", ProjectID: p.ID, Kind: followup.ReportInterim,
		From: to, To: to, Progress: followup.ProgressOnTrack, JobsCreated: 2, State: followup.ReportSubmitted}, store.Edit{})
	if err != nil {
		fx.t.Fatal(err)
	}
	return p.ID, rep.ID
}
