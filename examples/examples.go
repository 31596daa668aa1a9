// Package examples holds the two plans planverk was first built for, as plan
// files: Driv, Drangedal's restructuring programme (bokmål), and the
// Vest-Telemark rural-growth agreement (nynorsk). planverk serve loads them
// into an empty database, so a new installation shows real plans at once.
package examples

import (
	"context"
	"embed"
	"fmt"
	"io/fs"

	"planverk/cycle"
	"planverk/plan"
	"planverk/planfile"
	"planverk/store"
)

//go:embed *.yaml *-projects.csv *-reports.csv
var files embed.FS

// PlanFiles matches the example plan files, named PROGRAMME-YEAR.yaml; the
// other YAML files here (the support-scheme catalogue, the glossary) are
// not plans.
const PlanFiles = "*-[0-9][0-9][0-9][0-9].yaml"

// Load reads every example plan file. They are checked by this package's
// tests, so an error here is a build defect, not bad input.
func Load() ([]*plan.File, error) {
	names, err := fs.Glob(files, PlanFiles)
	if err != nil {
		return nil, err
	}
	var out []*plan.File
	for _, n := range names {
		b, err := files.ReadFile(n)
		if err != nil {
			return nil, err
		}
		doc, err := planfile.Read(n, b)
		if err != nil {
			return nil, fmt.Errorf("example %s: %w", n, err)
		}
		if doc.File == nil || plan.HasErrors(doc.Findings) {
			return nil, fmt.Errorf("example %s does not read cleanly", n)
		}
		out = append(out, doc.File)
	}
	return out, nil
}

// Install stores the example plans, releases each as its status says (the
// plans were proposed and anchored before planverk held them) and opens
// them to everyone, as a first start does: they are public documents.
func Install(ctx context.Context, st store.Store) ([]store.PlanVersion, error) {
	files, err := Load()
	if err != nil {
		return nil, err
	}
	var out []store.PlanVersion
	for _, f := range files {
		v, err := st.SavePlan(ctx, f)
		if err != nil {
			return nil, fmt.Errorf("store example %s: %w", f.Programme.ID, err)
		}
		if _, _, err := st.ReleaseImported(ctx, v.ProgrammeID, v.Year, cycle.KindOfStatus(f.Plan.Status)); err != nil {
			return nil, fmt.Errorf("release example %s: %w", f.Programme.ID, err)
		}
		if err := st.SetPublished(ctx, v.ProgrammeID, v.Year, true, 0); err != nil {
			return nil, fmt.Errorf("publish example %s: %w", f.Programme.ID, err)
		}
		v.Published = true
		out = append(out, v)
	}
	return out, nil
}
