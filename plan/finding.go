package plan

// Severity says how much a finding matters. Only errors make a check fail.
type Severity string

// The severities, from most to least serious.
const (
	SeverityError   Severity = "error"
	SeverityWarning Severity = "warning"
	// SeverityNote marks a place related to another finding, such as each
	// amount in a total that disagrees with its rows.
	SeverityNote Severity = "note"
)

// Finding is what a rule found in a plan: where, how serious, and a message.
//
// Path names the value the finding is about in the plan file's own field
// names: "plan.budgets[0].lines[1].amounts.2026". The plan file reader turns
// it into a line and column.
type Finding struct {
	Rule     string   `json:"rule"`
	Severity Severity `json:"severity"`
	Path     string   `json:"path"`
	// Message is the message's ID in the catalogues of package i18n; Args fill
	// it in. Amounts, shares and dates are passed typed so that each language
	// formats them its own way.
	Message string         `json:"message_id"`
	Args    map[string]any `json:"args,omitempty"`
	// Related are the other places the finding concerns, each with a message.
	Related []Related `json:"related,omitempty"`
}

// Related is another place that a finding concerns.
type Related struct {
	Path    string         `json:"path"`
	Message string         `json:"message_id"`
	Args    map[string]any `json:"args,omitempty"`
}

// Args is shorthand for a finding's message arguments.
type Args = map[string]any

// HasErrors reports whether any finding is an error.
func HasErrors(fs []Finding) bool {
	for _, f := range fs {
		if f.Severity == SeverityError {
			return true
		}
	}
	return false
}
