package sheet

import (
	"planverk/i18n"
	"planverk/plan"
)

// label is one of the workbook's own words (a column header, "Sum") in
// the plan's language, since the workbook is the plan's document.
func label(f *plan.File, id string, pairs ...any) string {
	args := map[string]any{}
	for i := 0; i+1 < len(pairs); i += 2 {
		args[pairs[i].(string)] = pairs[i+1]
	}
	return i18n.T(lang(f), id, args)
}

func lang(f *plan.File) i18n.Lang {
	if f.Plan.Language == plan.Nynorsk {
		return i18n.Nynorsk
	}
	return i18n.Bokmal
}

// ActorName is a lead or partner as the plan writes it.
func ActorName(f *plan.File, a plan.Actor) string {
	switch {
	case a.As != "":
		return a.As
	case a.Org != "":
		for _, o := range f.Organisations {
			if o.ID == a.Org {
				return o.Name
			}
		}
		return a.Org
	}
	return a.Text
}

// SourceName is a funding source's name with its state budget post, as
// a financing table's header prints it.
func SourceName(f *plan.File, id string) string {
	for _, s := range f.Plan.Sources {
		if s.ID == id {
			if s.BudgetRef != "" {
				return s.Name + " (" + s.BudgetRef + ")"
			}
			return s.Name
		}
	}
	return id
}
