package store

import "planverk/plan"

// OrganisationUsesQuery asks for one page of the uses of an organisation,
// as one person may see them: in each programme's latest year's plan that
// the person may read (its draft for a member, else the latest year open
// to everyone), and the programme's own parties and municipalities.
type OrganisationUsesQuery struct {
	// Organisations are the organisation and the groups it belongs to: a
	// use of a group counts for its members.
	Organisations []string
	// All reads every programme's latest year (a system administrator);
	// Members names the programmes whose drafts the person reads.
	All     bool
	Members []string
	// Offset and Limit pick the page; a Limit of 0 means
	// DefaultOrganisationUsesLimit.
	Offset, Limit int
}

// DefaultOrganisationUsesLimit is the size of a page of an organisation's uses.
const DefaultOrganisationUsesLimit = 50

// OrganisationUses is one page of the uses of an organisation, ordered by
// programme name as the list of programmes is, and within a programme as
// plan.File.Uses lists them.
type OrganisationUses struct {
	Uses []OrganisationUse
	// Total counts the uses on every page.
	Total int
}

// OrganisationUse is one use with what its page shows of the programme
// and plan it is in.
type OrganisationUse struct {
	plan.Use
	ProgrammeID, ProgrammeName, ProgrammeShortName string
	// Year, PlanTitle and Language are the plan's the use is read in:
	// for a use of the programme, the plan the person reads.
	Year      int
	PlanTitle string
	Language  plan.Language
}

// ShortNameOrName is the programme's short name, or its name.
func (u OrganisationUse) ShortNameOrName() string {
	if u.ProgrammeShortName != "" {
		return u.ProgrammeShortName
	}
	return u.ProgrammeName
}
