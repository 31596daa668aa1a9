package plan

// OrgKind says what sort of body an organisation is. It drives nothing but
// presentation and filtering; an unknown kind is rejected so that typos show.
type OrgKind string

// The kinds of organisation planverk knows.
const (
	OrgMunicipality OrgKind = "municipality"
	OrgCounty       OrgKind = "county"
	OrgMinistry     OrgKind = "ministry"
	OrgStateAgency  OrgKind = "state-agency"
	OrgRegional     OrgKind = "regional-council"
	OrgEducation    OrgKind = "education"
	OrgBusiness     OrgKind = "business"
	OrgAssociation  OrgKind = "association"
	OrgProgramme    OrgKind = "programme-organisation"
	OrgGroup        OrgKind = "group"
	OrgOther        OrgKind = "other"
)

// OrgKinds lists the allowed kinds in the order documentation shows them.
var OrgKinds = []OrgKind{OrgMunicipality, OrgCounty, OrgMinistry, OrgStateAgency,
	OrgRegional, OrgEducation, OrgBusiness, OrgAssociation, OrgProgramme, OrgGroup, OrgOther}

// Organisation is a body that plans refer to: a municipality, a county, a state
// agency, a business. It is a record of its own so that Husbanken named in ten
// places is one organisation referred to ten times.
type Organisation struct {
	// ID is the short key plans use to refer to it, such as "husbanken".
	ID   string  `yaml:"id" json:"id"`
	Name string  `yaml:"name" json:"name"`
	Kind OrgKind `yaml:"kind,omitempty" json:"kind,omitempty"`
	// Number is the nine-digit organisation number (organisasjonsnummer).
	Number string `yaml:"number,omitempty" json:"number,omitempty"`
	// MunicipalityNumber is the four-digit number of a municipality, or the
	// two-digit number of a county.
	MunicipalityNumber string `yaml:"municipality_number,omitempty" json:"municipality_number,omitempty"`
	Website            string `yaml:"website,omitempty" json:"website,omitempty"`
	// Members names the organisations a group stands for ("the pilot
	// municipalities"), so that a group's lead role is found from each member.
	Members []string `yaml:"members,omitempty" json:"members,omitempty"`
}
