package evaluation

import (
	"time"

	"planverk/plan"
)

// Status is how far a programme's evaluation has come.
type Status string

// The statuses. Only a completed evaluation is shown to people outside the
// programme.
const (
	StatusDraft     Status = "draft"
	StatusCompleted Status = "completed"
)

// Statuses lists the statuses.
var Statuses = []Status{StatusDraft, StatusCompleted}

// Evaluation is what a programme wrote of its final evaluation: the
// template it follows, its text per section and the figures it says it
// achieved per target, with who did what when.
type Evaluation struct {
	ProgrammeID string
	// TemplateName, TemplateVersion and TemplateSource are the template the
	// evaluation was started on, kept whole, so that its headings stay
	// those it was written under.
	TemplateName    string
	TemplateVersion string
	TemplateSource  []byte
	// Sections is the programme's text by section key.
	Sections map[string]plan.Markdown
	// Achieved is the figure reached by target key (TargetKey).
	Achieved map[string]int64
	Status   Status
	// The history: who started, last changed and completed the
	// evaluation, and when (0 and the zero time for none).
	CreatedBy, UpdatedBy, CompletedBy             int64
	CreatedByName, UpdatedByName, CompletedByName string
	CreatedAt, UpdatedAt                          time.Time
	CompletedAt                                   *time.Time
}

// Start begins an evaluation of a programme on a template, given as the
// document it was read from.
func Start(programmeID string, t *Template, source []byte) Evaluation {
	return Evaluation{ProgrammeID: programmeID, TemplateName: t.Name, TemplateVersion: t.Version,
		TemplateSource: append([]byte(nil), source...), Sections: map[string]plan.Markdown{},
		Achieved: map[string]int64{}, Status: StatusDraft}
}

// Template returns the template the evaluation follows.
func (e *Evaluation) Template() (*Template, error) { return ParseTemplate(e.TemplateSource) }

// Due reports whether a programme's final evaluation is to be written in a
// year: once its period's last year has come.
func Due(p plan.Programme, year int) bool { return p.Period.To != 0 && p.Period.To <= year }
