package store

import (
	"context"
	"time"

	"planverk/evaluation"
)

// Evaluations keeps the templates of the final evaluation and each
// programme's evaluation.
type Evaluations interface {
	// EvaluationTemplates lists the uploaded templates, the one a new
	// evaluation follows (the latest uploaded) first.
	EvaluationTemplates(ctx context.Context) ([]EvaluationTemplate, error)
	// SaveEvaluationTemplate stores a template, replacing the one of the
	// same name; evaluations already started keep the copy they started
	// on. t.Source must be a template evaluation.ParseTemplate reads.
	SaveEvaluationTemplate(ctx context.Context, t EvaluationTemplate) (EvaluationTemplate, error)
	// Evaluation returns a programme's evaluation; plan.ENotFound where it
	// has none (or the programme is unknown).
	Evaluation(ctx context.Context, programmeID string) (evaluation.Evaluation, error)
	// SaveEvaluation stores a programme's evaluation: the first save starts
	// it on the template it names, and later saves change its sections,
	// achieved figures and status but never its template. It records who
	// saved (e.Author) and when, and who completed it and when, the first
	// time its status is completed.
	SaveEvaluation(ctx context.Context, ev evaluation.Evaluation, e Edit) (evaluation.Evaluation, error)
}

// EvaluationTemplate is an uploaded template: its document as it was
// uploaded, and what it says about itself.
type EvaluationTemplate struct {
	Name, Funder, Version string
	Source                []byte
	UploadedBy            int64
	UploadedByName        string
	UploadedAt            time.Time
}
