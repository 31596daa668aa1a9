package auth

import "slices"

// Resource is what an action is about, reduced to what the policy needs.
type Resource struct {
	// Programme is the key of the programme the resource belongs to; "" for
	// installation-wide resources (organisations, users, schemes).
	Programme string
	// Published says whether the plan or resource is published, that is
	// open to everyone.
	Published bool
	// MeasureLeads are the keys of the organisations leading the measure,
	// for EditMeasure.
	MeasureLeads []string
	// Municipality is the municipality whose decision RecordAnchoring
	// records; Funder the funder whose approval ApprovePlan records.
	Municipality, Funder string
	// ProjectManager is the user id of the account of the manager of the
	// project the action is about (ViewProject, WriteReport); 0 for none.
	// For a project, Published says whether the project is public.
	ProjectManager int64
}

// Can reports whether s may do a to r. It is the whole authorisation policy
// of planverk, pure so that it can be tested as a table, and it denies
// whatever it does not explicitly allow: an unknown action, an unknown role
// or a subject without a user id gets no more than an anonymous visitor.
//
//   - A system administrator may do every action.
//   - An anonymous visitor may only view published plans and public
//     projects.
//   - A logged-in user without a role in the programme may view its
//     published plans, nothing more.
//   - Every role may view the programme's plans, published or not, and
//     their history.
//   - Reviewer, lead, editor and admin may comment.
//   - Editor and admin may edit plans and measures and delete measures.
//   - A lead may edit a measure its organisation leads; no other measure,
//     no plan-level field, and it may not delete.
//   - Only the programme's admin may edit the programme and manage its
//     members.
//   - Creating programmes, editing organisations and managing users are
//     for system administrators only. Organisations are shared by every
//     programme, so an admin of one programme may not change them either.
//   - The support-scheme catalogue belongs to no programme: catalogue
//     editors and system administrators maintain it, whatever their roles
//     in programmes.
//   - Every role may read the working draft; everybody else reads what
//     was released, if it is published.
//   - Editors and admins start next year's plan; the programme's admin
//     proposes (or publishes) it.
//   - A member of the programme who works for a municipality records that
//     municipality's anchoring decisions, whatever the member's role; the
//     programme's admin records them for any municipality.
//   - A member who works for one of the programme's funders records that
//     funder's approval; nobody else does, not even the programme's admin.
//   - A project's manager, by the account linked to the project, sees
//     that project and writes and submits its reports, whatever their role
//     in the programme, and gains nothing else: no other project, no
//     unpublished plan. Editors and admins write reports too; every role
//     sees every project; everyone sees a public one.
//   - Editors and admins accept or return a submitted report.
func Can(s Subject, a Action, r Resource) bool {
	if !a.Valid() {
		return false
	}
	if s.Anonymous() {
		return (a == ViewPlan || a == ViewProject) && r.Published
	}
	if s.SystemAdmin {
		return true
	}
	role := s.RoleIn(r.Programme)
	manager := r.ProjectManager != 0 && r.ProjectManager == s.UserID
	switch a {
	case ViewPlan:
		return role != "" || r.Published
	case ViewHistory:
		return role != ""
	case Comment:
		return role == RoleReviewer || role == RoleLead || role == RoleEditor || role == RoleAdmin
	case EditPlan, DeleteMeasure:
		return role == RoleEditor || role == RoleAdmin
	case EditMeasure:
		switch role {
		case RoleEditor, RoleAdmin:
			return true
		case RoleLead:
			return s.Organisation != "" && slices.Contains(r.MeasureLeads, s.Organisation)
		}
		return false
	case EditProgramme, ManageMembers:
		return role == RoleAdmin
	case EditSchemes:
		return s.CatalogueEditor
	case ViewDraft:
		return role != ""
	case StartPlan:
		return role == RoleEditor || role == RoleAdmin
	case ProposePlan:
		return role == RoleAdmin
	case RecordAnchoring:
		return role == RoleAdmin || role != "" && r.Municipality != "" && s.Organisation == r.Municipality
	case ApprovePlan:
		return role != "" && r.Funder != "" && s.Organisation == r.Funder
	case ViewProject:
		return role != "" || r.Published || manager
	case WriteReport:
		return role == RoleEditor || role == RoleAdmin || manager
	case DecideReport:
		return role == RoleEditor || role == RoleAdmin
	}
	// CreateProgramme, EditOrganisation, ManageUsers: system
	// administrators only, answered above.
	return false
}
