package plan

// PersonRole is the part a person plays in a programme or a measure.
type PersonRole string

// The roles of people.
const (
	PersonBoardChair    PersonRole = "board-chair"  // styreleder
	PersonBoardMember   PersonRole = "board-member" // styremedlem
	PersonDeputy        PersonRole = "deputy-member"
	PersonContact       PersonRole = "contact" // kontaktperson
	PersonProjectLead   PersonRole = "project-lead"
	PersonProgrammeLead PersonRole = "programme-lead" // programleder
	PersonSecretary     PersonRole = "secretary"
	PersonObserver      PersonRole = "observer"
	PersonOther         PersonRole = "other"
)

// PersonRoles lists the allowed roles.
var PersonRoles = []PersonRole{PersonBoardChair, PersonBoardMember, PersonDeputy, PersonContact,
	PersonProjectLead, PersonProgrammeLead, PersonSecretary, PersonObserver, PersonOther}

// Person is a named person with a role, such as a board member or the
// contact person of a programme, and the organisation they come from.
type Person struct {
	Name string     `yaml:"name" json:"name"`
	Role PersonRole `yaml:"role" json:"role"`
	// Organisation is the ID of the organisation the person represents.
	Organisation string `yaml:"organisation,omitempty" json:"organisation,omitempty"`
	Note         string `yaml:"note,omitempty" json:"note,omitempty"`
}
