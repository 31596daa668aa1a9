package plan

// Language is the written standard of a plan's own text.
type Language string

// The languages a plan can be written in.
const (
	Bokmal  Language = "nb"
	Nynorsk Language = "nn"
)

// Languages lists the allowed plan languages.
var Languages = []Language{Bokmal, Nynorsk}

// Status is where a plan stands in its yearly cycle.
type Status string

// The statuses of a plan, in the order of the cycle.
const (
	StatusDraft      Status = "draft"      // being written
	StatusProposal   Status = "proposal"   // proposed by the steering group or board
	StatusAnchored   Status = "anchored"   // adopted politically in the municipalities
	StatusApproved   Status = "approved"   // approved by the funder as the basis for payment
	StatusSuperseded Status = "superseded" // replaced by a later revision
)

// Statuses lists the allowed statuses.
var Statuses = []Status{StatusDraft, StatusProposal, StatusAnchored, StatusApproved, StatusSuperseded}

// File is one plan file: the plan, its programme and the organisations both
// refer to. It is the unit that is checked, imported and exported.
type File struct {
	// Format is the version of the plan-file format; it is 1.
	Format        int            `yaml:"planverk" json:"planverk"`
	Organisations []Organisation `yaml:"organisations,omitempty" json:"organisations,omitempty"`
	Programme     Programme      `yaml:"programme" json:"programme"`
	Plan          Plan           `yaml:"plan" json:"plan"`
}

// FormatVersion is the plan-file format this version of planverk writes.
const FormatVersion = 1

// Plan is one year's action plan (handlingsplan) of a programme.
type Plan struct {
	Year     int      `yaml:"year" json:"year"`
	Title    string   `yaml:"title" json:"title"`
	Subtitle string   `yaml:"subtitle,omitempty" json:"subtitle,omitempty"`
	Language Language `yaml:"language" json:"language"`
	Status   Status   `yaml:"status,omitempty" json:"status,omitempty"`
	// Sections are the plan's text in reading order; each may say where the
	// structured parts (goals, budget, …) stand in the document.
	Sections []Section `yaml:"sections,omitempty" json:"sections,omitempty"`
	// WeightBasis says what the goals' weights divide, as the plan says it
	// ("grant money", "effort over the period").
	WeightBasis string `yaml:"weight_basis,omitempty" json:"weight_basis,omitempty"`
	Goals       []Goal `yaml:"goals,omitempty" json:"goals,omitempty"`
	// Measures are the measures not (yet) placed under a goal.
	Measures       []Measure       `yaml:"measures,omitempty" json:"measures,omitempty"`
	SpecialEfforts []Effort        `yaml:"special_efforts,omitempty" json:"special_efforts,omitempty"`
	Targets        []Target        `yaml:"targets,omitempty" json:"targets,omitempty"`
	Sources        []FundingSource `yaml:"sources,omitempty" json:"sources,omitempty"`
	Budgets        []Budget        `yaml:"budgets,omitempty" json:"budgets,omitempty"`
	Financing      []Financing     `yaml:"financing,omitempty" json:"financing,omitempty"`
	Anchoring      []Anchoring     `yaml:"anchoring,omitempty" json:"anchoring,omitempty"`
	Approvals      []Approval      `yaml:"approvals,omitempty" json:"approvals,omitempty"`
	References     []Reference     `yaml:"references,omitempty" json:"references,omitempty"`
	// Communication is the year's communication plan: its activities in
	// the order the plan lists them.
	Communication []Activity `yaml:"communication,omitempty" json:"communication,omitempty"`
	Checks        *Checks    `yaml:"checks,omitempty" json:"checks,omitempty"`
	// Revision says how this plan revises the approved plan before it: the
	// reason for each changed measure, the assessment of each ended one.
	Revision *Revision `yaml:"revision,omitempty" json:"revision,omitempty"`
}

// Block names a structured part of a plan that a section shows after its text.
// Budget and financing tables are named with their ID: "budget:period",
// "financing:2025".
type Block string

// The blocks a section can include, besides "budget:ID" and "financing:ID".
const (
	BlockProgrammeGoals Block = "programme-goals"
	BlockSDGs           Block = "sdgs"
	BlockTargets        Block = "targets"
	BlockCapacity       Block = "capacity"
	BlockGoals          Block = "goals"
	BlockSpecialEfforts Block = "special-efforts"
	BlockAnchoring      Block = "anchoring"
	BlockApprovals      Block = "approvals"
	// BlockRevision is the revision report: new, changed and ended
	// measures and the changes to the money, against the plan before.
	BlockRevision Block = "revision"
	// BlockCommunication is the communication plan's table of activities.
	BlockCommunication Block = "communication"
)

// Blocks lists the plain block names.
var Blocks = []Block{BlockProgrammeGoals, BlockSDGs, BlockTargets, BlockCapacity,
	BlockGoals, BlockSpecialEfforts, BlockAnchoring, BlockApprovals, BlockRevision, BlockCommunication}

// Section is a titled piece of text, in a plan or in a measure.
type Section struct {
	// Number is the section number as printed ("3"), if the document numbers them.
	Number string `yaml:"number,omitempty" json:"number,omitempty"`
	Title  string `yaml:"title" json:"title"`
	// Kind says what the section is about, whatever its title, so that
	// sections can be compared across plans: see SectionKinds.
	Kind    string   `yaml:"kind,omitempty" json:"kind,omitempty"`
	Body    Markdown `yaml:"body,omitempty" json:"body,omitempty"`
	Figures []Figure `yaml:"figures,omitempty" json:"figures,omitempty"`
	// Blocks are the structured parts shown after the text, in order.
	Blocks []Block `yaml:"blocks,omitempty" json:"blocks,omitempty"`
	// Review marks a section carried from last year's plan that nobody has
	// read through for this year yet.
	Review bool `yaml:"review,omitempty" json:"review,omitempty"`
}

// SectionKinds are the known section kinds. Plan sections use the first group,
// measure sections the second; a kind outside both is rejected.
var SectionKinds = []string{
	"introduction", "frame", "goals", "strategy", "priorities", "special-efforts",
	"organisation", "anchoring", "budget", "financing", "communication", "approvals", "revision",
	"challenge", "description", "objectives", "first-steps", "contributors",
	"further-planning", "target-groups", "other",
}

// Figure is a picture in the source document, kept as its label and a text
// alternative, since the picture itself is not part of the plan data.
type Figure struct {
	Label       string `yaml:"label,omitempty" json:"label,omitempty"`
	Caption     string `yaml:"caption,omitempty" json:"caption,omitempty"`
	Description string `yaml:"description,omitempty" json:"description,omitempty"`
}

// Effort is a special effort for the year (Driv's "særskilte satsinger"), with
// sub-items and an optional note under them.
type Effort struct {
	Text  string   `yaml:"text" json:"text"`
	Items []Effort `yaml:"items,omitempty" json:"items,omitempty"`
	Note  Markdown `yaml:"note,omitempty" json:"note,omitempty"`
}

// Anchoring is the political anchoring of the plan in one municipality: the
// dates of the executive committee (formannskap) and the council (kommunestyre).
type Anchoring struct {
	Municipality       string `yaml:"municipality" json:"municipality"`
	ExecutiveCommittee *Date  `yaml:"executive_committee,omitempty" json:"executive_committee,omitempty"`
	Council            *Date  `yaml:"council,omitempty" json:"council,omitempty"`
	Note               string `yaml:"note,omitempty" json:"note,omitempty"`
}

// Approval records that a party approved the plan, and when.
type Approval struct {
	Party string `yaml:"party" json:"party"`
	Date  *Date  `yaml:"date,omitempty" json:"date,omitempty"`
	// Body is the body that decided, such as "kommunestyre" or "styret".
	Body string `yaml:"body,omitempty" json:"body,omitempty"`
	Note string `yaml:"note,omitempty" json:"note,omitempty"`
}

// Checks holds the tolerances a plan's rules use, where the plan states them.
type Checks struct {
	// WeightTolerance is how far, in percentage points, a goal's share of the
	// budget may be from its weight. The default is DefaultWeightTolerance.
	WeightTolerance *Share `yaml:"weight_tolerance,omitempty" json:"weight_tolerance,omitempty"`
}
