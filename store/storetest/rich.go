package storetest

import (
	"time"

	"planverk/plan"
)

func amt(n int64) *plan.Amount { return plan.Amount(n).Ptr() }

func share(s string) *plan.Share { v := plan.Share(s); return &v }

func date(y int, m time.Month, d int) *plan.Date { return &plan.Date{Year: y, Month: m, Day: d} }

// RichFile builds a plan file that sets every field of every type at least
// once (TestRichFileFillsEveryField holds it to that), with the cases that
// are easy to lose on the way through a database: amounts not yet known,
// printed totals present but empty, nested special efforts, actors given in
// words, time frames left to the next revision, and lists whose order is not
// sorted.
func RichFile() *plan.File {
	return &plan.File{
		Format: plan.FormatVersion,
		Organisations: []plan.Organisation{
			// Not in alphabetical order: the file's order must come back.
			{ID: "vest-telemark", Name: "Vest-Telemark", Kind: plan.OrgGroup,
				Members: []string{"tokke-kommune", "fyresdal-kommune"}},
			{ID: "tokke-kommune", Name: "Tokke kommune", Kind: plan.OrgMunicipality, MunicipalityNumber: "4034",
				Number: "964963738", Website: "https://www.tokke.kommune.no"},
			{ID: "fyresdal-kommune", Name: "Fyresdal kommune", Kind: plan.OrgMunicipality, MunicipalityNumber: "4032"},
			{ID: "telemark-fylkeskommune", Name: "Telemark fylkeskommune", Kind: plan.OrgCounty, MunicipalityNumber: "40"},
			{ID: "husbanken", Name: "Husbanken", Kind: plan.OrgStateAgency},
			{ID: "kdd", Name: "Kommunal- og distriktsdepartementet", Kind: plan.OrgMinistry},
		},
		Programme: plan.Programme{
			ID:        "vt-bygdevekst",
			Kind:      plan.KindRuralGrowth,
			Name:      "Bygdevekstavtale Vest-Telemark",
			ShortName: "Bygdevekst VT",
			Period:    plan.Period{From: 2022, To: 2027, Note: "Forlengd med to år."},
			// Known only to the month: the precision must come back.
			Signed:      &plan.Date{Year: 2022, Month: time.June, Precision: plan.PrecisionMonth},
			Description: "Ein avtale om **bustad** og næring.\n\nAndre avsnitt.",
			Parties: []plan.Party{
				{Org: "tokke-kommune", Role: plan.RoleSignatory},
				{Org: "kdd", Role: plan.RoleFunder, Note: "kap. 553 post 66"},
				{Org: "telemark-fylkeskommune", Role: plan.RoleCoordinator},
			},
			Municipalities: []string{"tokke-kommune", "fyresdal-kommune"},
			Goals: []plan.ProgrammeGoal{
				{Text: "Fleire bustader", Note: "I heile regionen."},
				{Text: "Fleire arbeidsplassar"},
			},
			SDGs: []plan.SDG{
				{Number: 11, Title: "Berekraftige byar og lokalsamfunn", Text: "Gjere byar inkluderande."},
				{Number: 8},
			},
			References: []plan.Reference{
				{Title: "Regional planstrategi", Year: 2024, URL: "https://example.org/rps", Note: "Vedteken i fylkestinget."},
				{Title: "Bygdevekstavtalen"},
			},
			Targets: []plan.Target{
				{Kind: plan.TargetJobs, Label: "Nye arbeidsplassar", Value: 150, Unit: "arbeidsplassar",
					Period: &plan.Period{From: 2022, To: 2027, Note: "Heile perioden."}, Gross: true, Goal: 2, Note: "Brutto."},
				{Kind: plan.TargetOther, Value: 30, Year: 2025},
			},
			People: []plan.Person{
				{Name: "Kari Nordmann", Role: plan.PersonBoardChair, Organisation: "tokke-kommune", Note: "Frå 2024."},
				{Name: "Ola Nordmann", Role: plan.PersonContact},
			},
			Capacity: &plan.CapacityFramework{
				Title: "Utviklingsevne",
				Note:  "Etter Distriktssenteret.",
				Dimensions: []plan.CapacityDimension{
					{Name: "Kultur", Indicators: []string{"Tillit", "Samarbeid"}},
					{Name: "Ressursar"},
					{Name: "Struktur", Indicators: []string{"Organisering"}},
				},
			},
		},
		Plan: plan.Plan{
			Year:        2025,
			Title:       "Handlingsplan 2025",
			Subtitle:    "Bygdevekstavtalen",
			Language:    plan.Nynorsk,
			Status:      plan.StatusApproved,
			WeightBasis: "tilskotsmidlar",
			Sections: []plan.Section{
				{Number: "1", Title: "Innleiing", Kind: "introduction", Body: "Tekst med *utheving*.", Review: true,
					Figures: []plan.Figure{
						{Label: "Figur 1", Caption: "Kart", Description: "Kart over regionen."},
						{Caption: "Utan merke"},
					},
					Blocks: []plan.Block{plan.BlockProgrammeGoals, plan.BlockSDGs}},
				{Title: "Mål", Kind: "goals", Blocks: []plan.Block{plan.BlockGoals, "budget:period", "financing:2025"}},
				{Title: "Tom bolk"},
			},
			Goals: []plan.Goal{
				{
					// Goal 2 before goal 1: order is the file's, not the numbers'.
					Number: 2, Label: "N", Title: "Næring", Heading: "Delmål 2: Næring", Description: "Om næring.",
					MainGoal: "Skape arbeidsplassar", Weight: "40 %", MeasuresIntro: "Tiltak under.",
					MeasuresCaption: "Tabell 2", Notes: "Merknad etter tabellen.",
					Measures: []plan.Measure{{ID: "naeringsarbeid", Number: 1, Label: "N1", Title: "Næringsarbeid"}},
				},
				{
					Number: 1, Title: "Bustad", Weight: "3/5",
					Measures: []plan.Measure{
						{
							ID: "utleige", Number: 2, Title: "Utleigebustader", Summary: "Fleire bustader til leige.",
							Leads: []plan.Actor{{Org: "vest-telemark"}, {Org: "telemark-fylkeskommune", As: "TFK"}},
							Partners: []plan.Actor{
								{Org: "husbanken"},
								{Text: "private utbyggjarar"},
								{Org: "tokke-kommune", As: "Tokke"},
							},
							PartnersAndOthers: true,
							TimeFrame:         plan.TimeFrame{From: 2025, To: 2026, Text: "2025–2026"},
							Priority:          plan.PriorityNow,
							Status:            plan.MeasureOngoing,
							// Not in alphabetical order: the order must come back.
							Schemes: []string{"husbanken-startlan", "husbanken-grunnlan"},
							Sections: []plan.Section{
								{Number: "a", Title: "Utfordring", Kind: "challenge", Body: "For få bustader.",
									Figures: []plan.Figure{{Label: "Figur 2", Description: "Graf."}},
									Blocks:  []plan.Block{plan.BlockTargets}},
								{Title: "Fyrste steg", Kind: "first-steps"},
							},
						},
						{
							ID: "2025-1-1", Number: 1, Title: "Kartlegging",
							Leads:     []plan.Actor{{Text: "prosjektleiar"}},
							TimeFrame: plan.TimeFrame{NextRevision: true},
							Priority:  plan.PriorityLater,
							Status:    plan.MeasurePlanned,
						},
					},
				},
				{
					// Named by labels only: no numbers to store.
					Label: "K", Title: "Kultur",
					Measures: []plan.Measure{
						{ID: "kultur-p1", Label: "P1", Title: "Kulturhus",
							People: []plan.Person{{Name: "Per Hansen", Role: plan.PersonProjectLead, Organisation: "fyresdal-kommune"}}},
						{ID: "kultur-p2", Label: "P2", Title: "Kulturvegen"},
					},
				},
			},
			Measures: []plan.Measure{
				{ID: "ikkje-plassert", Label: "P9", Title: "Ikkje plassert enno",
					People: []plan.Person{{Name: "Siri Dahl", Role: plan.PersonContact, Note: "Ring fyrst."}}},
				{ID: "ikkje-plassert-2", Number: 3, Title: "Nummerert, ikkje plassert"},
			},
			SpecialEfforts: []plan.Effort{
				{Text: "Bustadsatsing", Note: "Under:", Items: []plan.Effort{
					{Text: "Leige", Items: []plan.Effort{{Text: "Unge"}, {Text: "Eldre", Note: "Særleg."}}},
					{Text: "Eige"},
				}},
				{Text: "Næringsatsing"},
			},
			Targets: []plan.Target{
				{Kind: plan.TargetJobs, Value: 25, Year: 2025, Goal: 2, Note: "I året."},
				{Kind: plan.TargetOther, Label: "Bustader", Value: 10, Unit: "bustader", Period: &plan.Period{From: 2025, To: 2026}},
			},
			Sources: []plan.FundingSource{
				{ID: "kdd-post-66", Name: "KDD", Org: "kdd", BudgetRef: "kap. 553 post 66"},
				{ID: "kommunal-eigendel", Name: "Kommunal eigendel"},
				{ID: "fylket", Name: "Fylkeskommunen", Org: "telemark-fylkeskommune"},
			},
			Budgets: []plan.Budget{
				{
					ID: "period", Title: "Budsjett 2025–2026", Covers: []string{"kdd-post-66", "fylket"},
					Years: []int{2026, 2025},
					Lines: []plan.BudgetLine{
						{ID: "bustad", Number: "1", Label: "Bustad", Goal: 1,
							Amounts: map[int]plan.Amount{2025: 1_500_000, 2026: 0}, PrintedTotal: amt(1_500_000), Mark: "*"},
						{ID: "naering", Label: "Næring", Goal: 2, Amounts: map[int]plan.Amount{2025: 1_000_000}, Kind: plan.AmountCeiling},
						{ID: "prosjektleiing", Label: "Prosjektleiing"},
					},
					Printed: &plan.PrintedTotals{
						Years: map[int]plan.Amount{2025: 2_500_000, 2026: 0},
						Total: amt(2_500_000),
						Mark:  "**",
					},
					Footnotes: []plan.Footnote{{Mark: "*", Text: "Inkl. *meirverdiavgift*."}, {Mark: "**", Text: "Avrunda."}},
					Note:      "Alle tal i kroner.",
				},
				// Printed, but with nothing in it: present is not the same as absent.
				{ID: "tom", Title: "Tomt budsjett", Years: []int{2025}, Printed: &plan.PrintedTotals{}},
			},
			Financing: []plan.Financing{
				{
					ID: "2025", Title: "Finansiering 2025", Year: 2025, Budget: "period",
					Sources: []string{"kdd-post-66", "kommunal-eigendel", "fylket"},
					Rows: []plan.FinancingRow{
						{Line: "naering", Cells: []plan.FinancingCell{
							{Source: "kdd-post-66", Amount: amt(750_000), Share: "75 %", Note: "Årleg del",
								Payments: []plan.Payment{{Year: 2025, Share: "50 %"}, {Year: 2026, Share: "50 %"}}, Mark: "a"},
							// Not yet known: NULL, not 0.
							{Source: "kommunal-eigendel", Share: "25 %", Note: "Status 31.12.24"},
							{Source: "fylket", Amount: amt(0), Kind: plan.AmountEstimate},
						}, PrintedTotal: amt(750_000), Mark: "b"},
						{Line: "bustad", Cells: []plan.FinancingCell{{Source: "kdd-post-66", Amount: amt(1_500_000)}}},
					},
					Printed: &plan.FinancingTotals{
						Sources: map[string]plan.Amount{"kdd-post-66": 2_250_000, "fylket": 0},
						Marks:   map[string]string{"kommunal-eigendel": "*"},
						Total:   amt(2_250_000),
						Minimum: true,
					},
					Footnotes: []plan.Footnote{{Mark: "*", Text: "Eigeninnsats."}, {Mark: "a", Text: "Delt."}},
					Note:      "Merknad.",
				},
				{
					ID: "heile", Title: "Heile planen", Years: &plan.Period{From: 2025, To: 2026, Note: "Fase 2."}, Sources: []string{"fylket"},
					Rows: []plan.FinancingRow{{Label: "Alt", Cells: []plan.FinancingCell{{Source: "fylket"}}}},
				},
			},
			Anchoring: []plan.Anchoring{
				{Municipality: "tokke-kommune", ExecutiveCommittee: date(2025, time.March, 4), Council: date(2025, time.March, 20), Note: "Vedteke."},
				{Municipality: "fyresdal-kommune", Council: &plan.Date{Year: 2025, Precision: plan.PrecisionYear}, Note: "Ikkje handsama enno."},
			},
			Approvals: []plan.Approval{
				{Party: "kdd", Date: date(2025, time.April, 30), Body: "departementet", Note: "Grunnlag for utbetaling."},
				{Party: "telemark-fylkeskommune"},
			},
			Communication: []plan.Activity{
				{Activity: "Nyheitsbrev", TargetGroup: "Innbyggjarar", Channel: "E-post og nettstad",
					From: &plan.Date{Year: 2025, Month: time.March, Precision: plan.PrecisionMonth}, To: date(2025, time.November, 30),
					When: "Kvar månad", Responsible: []plan.Actor{{Org: "vest-telemark", As: "VT"}, {Text: "prosjektleiar"}},
					Status: plan.MeasureOngoing},
				{Activity: "Ope møte", From: &plan.Date{Year: 2026, Precision: plan.PrecisionYear}},
			},
			References: []plan.Reference{{Title: "Handlingsplan 2024", Year: 2024, URL: "https://example.org/2024", Note: "Førre plan."}},
			Checks:     &plan.Checks{WeightTolerance: share("2 %")},
			Revision: &plan.Revision{
				Base: &plan.RevisionBase{Year: 2024, Release: 2},
				Measures: []plan.Disposition{
					{Measure: "utleige", Reason: "Fleire bustader."},
					{Measure: "2025-1-1", New: plan.NewWithStateMoney, Amount: plan.Amount(250000).Ptr()},
					{Measure: "gamalt", Assessment: "Det vart tre nye bustader."},
				},
			},
		},
	}
}
