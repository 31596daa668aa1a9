package auth

// Action is something a subject asks to do. Can decides whether it may.
type Action string

// The actions. The strings may appear in logs; keep them stable.
const (
	// ViewPlan is reading a programme's plans and measures.
	ViewPlan Action = "view_plan"
	// ViewHistory is reading earlier versions and who changed what.
	ViewHistory Action = "view_history"
	// Comment is writing comments on a plan or measure.
	Comment Action = "comment"
	// EditPlan is changing a plan as a whole: plan-level fields, goals,
	// budgets, financing, targets, anchoring, approvals, the order of
	// measures, creating a measure, and who leads a measure.
	EditPlan Action = "edit_plan"
	// EditMeasure is changing one existing measure.
	EditMeasure Action = "edit_measure"
	// DeleteMeasure is removing a measure from a plan.
	DeleteMeasure Action = "delete_measure"
	// EditProgramme is changing a programme's own settings.
	EditProgramme Action = "edit_programme"
	// ManageMembers is inviting users to a programme and giving them roles
	// in it.
	ManageMembers Action = "manage_members"
	// CreateProgramme is starting a new programme.
	CreateProgramme Action = "create_programme"
	// EditOrganisation is changing the shared register of organisations.
	EditOrganisation Action = "edit_organisation"
	// ManageUsers is administering user accounts across the installation.
	ManageUsers Action = "manage_users"
	// EditSchemes is changing the support-scheme catalogue.
	EditSchemes Action = "edit_schemes"
	// ViewDraft is reading a plan's working draft and its versions, not
	// only what was released.
	ViewDraft Action = "view_draft"
	// StartPlan is starting next year's plan from this year's.
	StartPlan Action = "start_plan"
	// ProposePlan is recording the steering group's or board's proposal,
	// which releases the draft, or publishing a plan without the steps.
	ProposePlan Action = "propose_plan"
	// RecordAnchoring is recording a municipality's executive committee's
	// or council's decision on a proposal (Resource.Municipality).
	RecordAnchoring Action = "record_anchoring"
	// ApprovePlan is recording a funder's approval (Resource.Funder).
	ApprovePlan Action = "approve_plan"
	// ViewProject is seeing a project that is not public (an idea or an
	// application) with its reports (Resource.ProjectManager).
	ViewProject Action = "view_project"
	// WriteReport is writing and submitting a project's reports
	// (Resource.ProjectManager).
	WriteReport Action = "write_report"
	// DecideReport is accepting a submitted report or returning it.
	DecideReport Action = "decide_report"
)

var actions = []Action{
	ViewPlan, ViewHistory, Comment, EditPlan, EditMeasure, DeleteMeasure,
	EditProgramme, ManageMembers, CreateProgramme, EditOrganisation,
	ManageUsers, EditSchemes, ViewDraft, StartPlan, ProposePlan, RecordAnchoring, ApprovePlan,
	ViewProject, WriteReport, DecideReport,
}

// Actions returns every action, for tests and for listing a user's rights.
func Actions() []Action {
	return append([]Action(nil), actions...)
}

// Valid reports whether a is one of the actions above.
func (a Action) Valid() bool {
	for _, x := range actions {
		if x == a {
			return true
		}
	}
	return false
}
