package plan

// ProgrammeKind is the kind of regional-development programme.
type ProgrammeKind string

// The kinds of programme.
const (
	KindRestructuring ProgrammeKind = "restructuring-programme" // omstillingsprogram
	KindRuralGrowth   ProgrammeKind = "rural-growth-agreement"  // bygdevekstavtale
	KindOther         ProgrammeKind = "other"
)

// ProgrammeKinds lists the allowed kinds.
var ProgrammeKinds = []ProgrammeKind{KindRestructuring, KindRuralGrowth, KindOther}

// PartyRole is the part an organisation plays in a programme.
type PartyRole string

// The roles a party can have.
const (
	RoleOwner        PartyRole = "owner"        // eier, e.g. the municipality of a restructuring programme
	RoleCommissioner PartyRole = "commissioner" // oppdragsgiver, e.g. the county
	RoleFunder       PartyRole = "funder"
	RoleAdviser      PartyRole = "adviser"
	RoleCoordinator  PartyRole = "coordinator"
	RoleSignatory    PartyRole = "signatory" // party to an agreement
	RoleSecretariat  PartyRole = "secretariat"
	RoleSteering     PartyRole = "steering-group"
	RoleContributor  PartyRole = "contributor" // took part in writing the plan
	RolePartner      PartyRole = "partner"
)

// PartyRoles lists the allowed roles.
var PartyRoles = []PartyRole{RoleOwner, RoleCommissioner, RoleFunder, RoleAdviser,
	RoleCoordinator, RoleSignatory, RoleSecretariat, RoleSteering, RoleContributor, RolePartner}

// Programme is a restructuring programme, a rural-growth agreement or another
// programme that lives by yearly action plans.
type Programme struct {
	// ID is the programme's short key, used in URLs and on the command line.
	ID        string        `yaml:"id" json:"id"`
	Kind      ProgrammeKind `yaml:"kind" json:"kind"`
	Name      string        `yaml:"name" json:"name"`
	ShortName string        `yaml:"short_name,omitempty" json:"short_name,omitempty"`
	Period    Period        `yaml:"period" json:"period"`
	// Signed is the date an agreement was signed, where there is one.
	Signed      *Date    `yaml:"signed,omitempty" json:"signed,omitempty"`
	Description Markdown `yaml:"description,omitempty" json:"description,omitempty"`
	Parties     []Party  `yaml:"parties,omitempty" json:"parties,omitempty"`
	// Municipalities are organisation IDs of the municipalities the programme covers.
	Municipalities []string        `yaml:"municipalities,omitempty" json:"municipalities,omitempty"`
	Goals          []ProgrammeGoal `yaml:"goals,omitempty" json:"goals,omitempty"`
	SDGs           []SDG           `yaml:"sdgs,omitempty" json:"sdgs,omitempty"`
	References     []Reference     `yaml:"references,omitempty" json:"references,omitempty"`
	// Targets over the whole period, such as 150 jobs over 2022–27.
	Targets  []Target           `yaml:"targets,omitempty" json:"targets,omitempty"`
	Capacity *CapacityFramework `yaml:"capacity,omitempty" json:"capacity,omitempty"`
	// People are the programme's people: its board, contact persons,
	// project leads.
	People []Person `yaml:"people,omitempty" json:"people,omitempty"`
}

// Party is an organisation with its role in a programme.
type Party struct {
	Org  string    `yaml:"org" json:"org"`
	Role PartyRole `yaml:"role" json:"role"`
	Note string    `yaml:"note,omitempty" json:"note,omitempty"`
}

// ProgrammeGoal is an overall goal of the programme for its whole period.
type ProgrammeGoal struct {
	Text string   `yaml:"text" json:"text"`
	Note Markdown `yaml:"note,omitempty" json:"note,omitempty"`
}

// SDG links the programme to one of the UN sustainable development goals.
type SDG struct {
	Number int    `yaml:"number" json:"number"`
	Title  string `yaml:"title,omitempty" json:"title,omitempty"`
	Text   string `yaml:"text,omitempty" json:"text,omitempty"`
}

// Reference names a document a programme or plan rests on, such as the
// multi-year restructuring plan or a regional plan strategy.
type Reference struct {
	Title string `yaml:"title" json:"title"`
	Year  int    `yaml:"year,omitempty" json:"year,omitempty"`
	URL   string `yaml:"url,omitempty" json:"url,omitempty"`
	Note  string `yaml:"note,omitempty" json:"note,omitempty"`
}

// CapacityFramework is the development-capacity (utviklingsevne) framework: its
// dimensions, each with indicators.
type CapacityFramework struct {
	Title      string              `yaml:"title,omitempty" json:"title,omitempty"`
	Note       Markdown            `yaml:"note,omitempty" json:"note,omitempty"`
	Dimensions []CapacityDimension `yaml:"dimensions" json:"dimensions"`
}

// CapacityDimension is one dimension of development capacity, such as culture
// or resources, with its indicators in the order the plan lists them.
type CapacityDimension struct {
	Name       string   `yaml:"name" json:"name"`
	Indicators []string `yaml:"indicators" json:"indicators"`
}

// ShortNameOrName returns the short name where there is one.
func (p Programme) ShortNameOrName() string {
	if p.ShortName != "" {
		return p.ShortName
	}
	return p.Name
}
