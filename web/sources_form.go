package web

import (
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strconv"

	"planverk/plan"
)

// The funding-sources form lists the plan's sources, one row each:
// source-0-id (hidden: an id is what tables refer to, so it never changes
// here), source-0-name, source-0-org and source-0-ref; and new-id,
// new-name, new-org, new-ref for adding one. A row with name,
// organisation and budget post all emptied removes its source, unless a
// table uses it.

func sourceRowPrefix(i int) string { return fmt.Sprintf("source-%d-", i) }

// sourceIDPattern is the form of an id, as the rules check it.
var sourceIDPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

// sourcesValues fills a form with the plan's sources as they are.
func sourcesValues(f *plan.File) url.Values {
	v := url.Values{}
	v.Set("sources", strconv.Itoa(len(f.Plan.Sources)))
	for i, s := range f.Plan.Sources {
		sourceValues(v, sourceRowPrefix(i), s)
	}
	return v
}

func sourceValues(v url.Values, p string, s plan.FundingSource) {
	v.Set(p+"id", s.ID)
	v.Set(p+"name", s.Name)
	v.Set(p+"org", s.Org)
	v.Set(p+"ref", s.BudgetRef)
}

// sourcesGrid is how the sources form names its rows, for merging.
var sourcesGrid = moneyGrid{word: "source", count: "sources", keyField: "id"}

// applySourcesForm checks the form against the plan and, where it is good,
// writes the sources into f. Sources the form does not show stay. A source
// may be paid by an organisation of the plan or of planverk's register
// (registry): a new programme's plan carries none yet, and the first
// source paid by one brings its record into the plan.
func applySourcesForm(fm *form, f *plan.File, registry []plan.Organisation) {
	inPlan := func(id string) bool {
		return slices.ContainsFunc(f.Organisations, func(o plan.Organisation) bool { return o.ID == id })
	}
	orgOK := func(id string) bool {
		return id == "" || inPlan(id) || slices.ContainsFunc(registry, func(o plan.Organisation) bool { return o.ID == id })
	}
	var out []plan.FundingSource
	seen := map[string]bool{}
	for i := range moneyCount(fm, "sources") {
		p := sourceRowPrefix(i)
		id := fm.Get(p + "id")
		if id == "" || seen[id] {
			continue
		}
		seen[id] = true
		old := plan.FundingSource{ID: id}
		if si := slices.IndexFunc(f.Plan.Sources, func(s plan.FundingSource) bool { return s.ID == id }); si >= 0 {
			old = f.Plan.Sources[si]
		}
		if fm.Get(p+"name") == "" && fm.Get(p+"org") == "" && fm.Get(p+"ref") == "" {
			if users := sourceUsedBy(f, id); len(users) > 0 {
				fm.Fail(p+"name", "money.source-used", "Source", old.Name, "Tables", users)
			}
			continue
		}
		s := old
		s.Name = moneyText(fm, p+"name", old.Name)
		if s.Name == "" {
			fm.Fail(p+"name", "money.source-name")
		}
		s.Org = moneyText(fm, p+"org", old.Org)
		if !orgOK(s.Org) {
			fm.Fail(p+"org", "form.choose")
		}
		s.BudgetRef = moneyText(fm, p+"ref", old.BudgetRef)
		out = append(out, s)
	}
	for _, s := range f.Plan.Sources {
		if !seen[s.ID] {
			out = append(out, s)
		}
	}
	taken := func(id string) bool {
		return slices.ContainsFunc(out, func(s plan.FundingSource) bool { return s.ID == id })
	}
	if name, org, ref := fm.Get("new-name"), fm.Get("new-org"), fm.Get("new-ref"); name != "" || org != "" || ref != "" || fm.Get("new-id") != "" {
		s := plan.FundingSource{ID: fm.Get("new-id"), Name: name, Org: org, BudgetRef: ref}
		switch {
		case s.ID == "":
			s.ID = moneyID(name, "kilde", taken)
		case !sourceIDPattern.MatchString(s.ID) || len(s.ID) > 60:
			fm.Fail("new-id", "money.source-id")
		case taken(s.ID):
			fm.Fail("new-id", "money.source-id-taken", "ID", s.ID)
		}
		if name == "" {
			fm.Fail("new-name", "money.source-name")
		}
		if !orgOK(org) {
			fm.Fail("new-org", "form.choose")
		}
		out = append(out, s)
	}
	if !fm.OK() {
		return
	}
	for _, src := range out {
		if src.Org == "" || inPlan(src.Org) {
			continue
		}
		if i := slices.IndexFunc(registry, func(o plan.Organisation) bool { return o.ID == src.Org }); i >= 0 {
			// A copy: f may share its list with the plan as loaded.
			f.Organisations = append(slices.Clone(f.Organisations), registry[i])
		}
	}
	f.Plan.Sources = out
}
