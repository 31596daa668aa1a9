package plan

// UseKind says what part an organisation has where a plan file names it.
type UseKind string

// The parts an organisation has in a programme and its plan, as its page
// lists them.
const (
	UseParty        UseKind = "party"        // a party to the programme, with its PartyRole
	UseMunicipality UseKind = "municipality" // one of the programme's municipalities
	UseLead         UseKind = "lead"         // leads a measure
	UsePartner      UseKind = "partner"      // a measure's partner
	UseSource       UseKind = "source"       // gives a funding source
	UseAnchoring    UseKind = "anchoring"    // anchors the plan (a municipality's decision)
	UseApproval     UseKind = "approval"     // approves the plan
)

// Use is one place where a plan file names an organisation in a part it
// has. The organisation's page lists them, and the store keeps them in an
// index so that the page need not read every plan.
type Use struct {
	Org  string
	Kind UseKind
	// Programme says the use is the programme's (a party or a
	// municipality), the same whichever year's plan is read; the others
	// are the plan's own.
	Programme bool
	// Role is a party's role.
	Role PartyRole
	// Goal and Measure are the measure's goal number (0 outside goals)
	// and its number, MeasureID its id; Detail is the measure's name and
	// title ("1.2 Title"), or a funding source's name.
	Goal, Measure int
	MeasureID     string
	Detail        string
}

// Uses lists every use of an organisation in the file, in the order its
// page shows them: the programme's parties and municipalities, then each
// measure's leads and partners, the funding sources, the anchoring and the
// approvals. An empty organisation reference is no use.
func (f *File) Uses() []Use {
	var out []Use
	pr, p := f.Programme, f.Plan
	for _, party := range pr.Parties {
		if party.Org != "" {
			out = append(out, Use{Org: party.Org, Kind: UseParty, Programme: true, Role: party.Role})
		}
	}
	for _, m := range pr.Municipalities {
		if m != "" {
			out = append(out, Use{Org: m, Kind: UseMunicipality, Programme: true})
		}
	}
	p.EachMeasure(func(goal *Goal, m *Measure) {
		var goalNo int
		name := m.Name()
		if goal != nil {
			goalNo = goal.Number
			name = goal.Name() + "." + name
		}
		at := Use{Goal: goalNo, Measure: m.Number, MeasureID: m.ID, Detail: name + " " + m.Title}
		for _, a := range m.Leads {
			if a.Org != "" {
				u := at
				u.Org, u.Kind = a.Org, UseLead
				out = append(out, u)
			}
		}
		for _, a := range m.Partners {
			if a.Org != "" {
				u := at
				u.Org, u.Kind = a.Org, UsePartner
				out = append(out, u)
			}
		}
	})
	for _, src := range p.Sources {
		if src.Org != "" {
			out = append(out, Use{Org: src.Org, Kind: UseSource, Detail: src.Name})
		}
	}
	for _, a := range p.Anchoring {
		if a.Municipality != "" {
			out = append(out, Use{Org: a.Municipality, Kind: UseAnchoring})
		}
	}
	for _, a := range p.Approvals {
		if a.Party != "" {
			out = append(out, Use{Org: a.Party, Kind: UseApproval})
		}
	}
	return out
}
