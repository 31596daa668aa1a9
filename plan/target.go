package plan

// TargetKind is what a target counts.
type TargetKind string

// The kinds of target.
const (
	TargetJobs  TargetKind = "jobs"
	TargetOther TargetKind = "other"
)

// TargetKinds lists the allowed kinds.
var TargetKinds = []TargetKind{TargetJobs, TargetOther}

// Target is a number to reach: jobs created and secured over the period or in
// a year, or another measurable target.
type Target struct {
	Kind  TargetKind `yaml:"kind" json:"kind"`
	Label string     `yaml:"label,omitempty" json:"label,omitempty"`
	Value int64      `yaml:"value" json:"value"`
	Unit  string     `yaml:"unit,omitempty" json:"unit,omitempty"`
	// Period is set for a target over several years, Year for one year.
	Period *Period `yaml:"period,omitempty" json:"period,omitempty"`
	Year   int     `yaml:"year,omitempty" json:"year,omitempty"`
	// Gross marks a count in which something created and later lost still counts.
	Gross bool `yaml:"gross,omitempty" json:"gross,omitempty"`
	// Goal is the number of the plan goal the target belongs to, if any.
	Goal int      `yaml:"goal,omitempty" json:"goal,omitempty"`
	Note Markdown `yaml:"note,omitempty" json:"note,omitempty"`
}
