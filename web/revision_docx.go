package web

import (
	"strings"

	"planverk/docx"
	"planverk/i18n"
	"planverk/plan"
)

// revisionParts lays out a plan's revision report for the Word document
// as _revision.html lays it out for the page, in the plan's language.
func revisionParts(rv *revisionView, lang i18n.Lang) []docx.Part {
	t := func(id string, pairs ...any) string {
		args := map[string]any{}
		for i := 0; i+1 < len(pairs); i += 2 {
			args[pairs[i].(string)] = pairs[i+1]
		}
		return i18n.T(lang, id, args)
	}
	said := func(s string) string {
		if strings.TrimSpace(s) == "" {
			return t("revision.not-said")
		}
		return strings.TrimSpace(s)
	}
	against := docx.Part{Text: []string{t("revision.against", "Title", rv.BaseTitle,
		"Kind", t("release.kind-lower."+string(rv.Base.Kind)), "Number", rv.Base.Number)}}
	parts := []docx.Part{against}

	added := docx.Part{Heading: t("revision.new", "Count", len(rv.New))}
	if len(rv.New) == 0 {
		added.Text = []string{t("revision.no-new")}
	} else {
		tb := docx.Table{Head: []string{t("revision.measure"), t("revision.kind"), t("revision.state-money")}, Num: []int{2}}
		for _, m := range rv.New {
			kind := t("revision.not-said")
			if m.Disposition.New != "" {
				kind = t("revision.new-kind." + string(m.Disposition.New))
			}
			money := ""
			if a := m.Disposition.Amount; a != nil {
				money = i18n.Amount(*a)
			}
			tb.Rows = append(tb.Rows, []string{m.Number + " " + m.Title, kind, money})
		}
		added.Tables = []docx.Table{tb}
	}
	parts = append(parts, added)

	changed := docx.Part{Heading: t("revision.changed", "Count", len(rv.Changed))}
	if len(rv.Changed) == 0 {
		changed.Text = []string{t("revision.no-changed")}
	}
	for _, m := range rv.Changed {
		changed.Text = append(changed.Text, m.Number+" "+m.Title)
		for _, fd := range m.Fields {
			before, after := fd.Before, fd.After
			if before == "" {
				before = t("revision.empty")
			}
			if after == "" {
				after = t("revision.empty")
			}
			changed.Text = append(changed.Text, "– "+fd.Label+": "+before+" → "+after)
		}
		changed.Text = append(changed.Text, t("revision.why")+" "+said(string(m.Disposition.Reason)))
	}
	parts = append(parts, changed)

	ended := docx.Part{Heading: t("revision.ended", "Count", len(rv.Ended))}
	if len(rv.Ended) == 0 {
		ended.Text = []string{t("revision.no-ended")}
	}
	for _, m := range rv.Ended {
		ended.Text = append(ended.Text, m.Number+" "+m.Title, t("revision.achieved")+" "+said(string(m.Disposition.Assessment)))
	}
	ended.Text = append(ended.Text, t("revision.continued", "Count", rv.Continued))
	parts = append(parts, ended)

	money := docx.Part{Heading: t("revision.money")}
	if len(rv.Weights) == 0 {
		money.Text = append(money.Text, t("revision.weights-same"))
	} else {
		tb := docx.Table{Caption: t("revision.weights"), Head: []string{t("revision.goal"), t("revision.before"), t("revision.after")}, Num: []int{1, 2}}
		for _, w := range rv.Weights {
			tb.Rows = append(tb.Rows, []string{i18n.T(lang, "goal.heading", map[string]any{"Number": w.Goal}) + " " + w.Title,
				shareText(w.Before), shareText(w.After)})
		}
		money.Tables = append(money.Tables, tb)
	}
	table := func(caption string, rt revisedTable) docx.Table {
		c := t(caption) + ": " + rt.Title
		if rt.BaseTitle != "" {
			c += " (" + t("revision.compared-with") + " " + rt.BaseTitle + ")"
		}
		tb := docx.Table{Caption: c, Head: []string{t("revision.where"), t("revision.before"), t("revision.after")}, Num: []int{1, 2}}
		amount := func(a *plan.Amount) string {
			if a == nil {
				return t("revision.not-set")
			}
			return i18n.Amount(*a)
		}
		for _, cell := range rt.Cells {
			tb.Rows = append(tb.Rows, []string{cell.Where, amount(cell.Before), amount(cell.After)})
		}
		tb.Rows = append(tb.Rows, []string{t("revision.total"), i18n.Amount(rt.TotalBefore), i18n.Amount(rt.TotalAfter)})
		return tb
	}
	for _, b := range rv.Budgets {
		money.Tables = append(money.Tables, table("revision.budget", b))
	}
	for _, f := range rv.Financing {
		money.Tables = append(money.Tables, table("revision.financing", f))
	}
	if len(rv.Budgets) == 0 && len(rv.Financing) == 0 {
		money.Text = append(money.Text, t("revision.money-same"))
	}
	return append(parts, money)
}
