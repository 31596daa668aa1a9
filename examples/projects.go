package examples

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"planverk/casefile"
	"planverk/followup"
	"planverk/i18n"
	"planverk/plan"
	"planverk/store"
)

// ProjectFiles matches the example programmes' sample projects, named
// PROGRAMME-projects.csv: invented projects with commitments and payments
// that fit each plan's goals and funding sources, written as a county's
// case export is (docs/project-import.md), so that a first start shows
// the follow-up too. Every one is marked as sample data.
const ProjectFiles = "*-projects.csv"

// InstallProjects imports the sample projects of every example programme
// the store holds, each file in one transaction, read against the
// programme's stored plans (whose measures have their lasting identity
// there). A programme not stored is passed over. It returns how many
// projects were stored. The files are checked by this package's tests, so
// a problem here is a build defect.
func InstallProjects(ctx context.Context, st store.Store) (int, error) {
	names, err := fs.Glob(files, ProjectFiles)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, name := range names {
		id := strings.TrimSuffix(name, "-projects.csv")
		plans, err := storedPlans(ctx, st, id)
		if plan.ErrorCode(err) == plan.ENotFound {
			continue
		}
		if err != nil {
			return n, fmt.Errorf("sample projects %s: %w", name, err)
		}
		ps, err := SampleProjects(name, id, plans)
		if err != nil {
			return n, err
		}
		done, err := st.ImportProjects(ctx, id, ps, store.Edit{Summary: "sample projects"})
		if err != nil {
			return n, fmt.Errorf("sample projects %s: %w", name, err)
		}
		n += len(done)
		if err := installReports(ctx, st, id); err != nil {
			return n, err
		}
	}
	return n, nil
}

// ReportFiles matches the sample projects' reports, named
// PROGRAMME-reports.csv: invented accepted reports, written as a report
// export is, so that the job ledger has figures on a first start. They
// are sample data as their projects are.
const ReportFiles = "*-reports.csv"

// installReports imports the programme's sample reports, where it has a
// file of them, in one transaction; the same file again changes nothing.
func installReports(ctx context.Context, st store.Store, id string) error {
	name := id + "-reports.csv"
	b, err := files.ReadFile(name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	reps, err := SampleReports(ctx, st, name, id, b)
	if err != nil {
		return err
	}
	if _, err := st.ImportReports(ctx, id, reps, store.Edit{Summary: "sample reports"}); err != nil {
		return fmt.Errorf("sample reports %s: %w", name, err)
	}
	return nil
}

// SampleReports reads a file of sample reports against the programme's
// stored projects.
func SampleReports(ctx context.Context, st store.Store, name, programmeID string, b []byte) ([]followup.Report, error) {
	res := casefile.ReadReports(b)
	projects, err := st.ProjectsByCaseRef(ctx, programmeID, res.CaseRefs())
	if err != nil {
		return nil, fmt.Errorf("sample reports %s: %w", name, err)
	}
	ids := map[string]int64{}
	for ref, p := range projects {
		ids[ref] = p.ID
	}
	res.Resolve(programmeID, ids)
	if len(res.Problems) > 0 {
		var msgs []string
		for _, p := range res.Problems {
			msgs = append(msgs, p.Text(i18n.English))
		}
		return nil, fmt.Errorf("sample reports %s: %s", name, strings.Join(msgs, "; "))
	}
	return res.Reports(), nil
}

// SampleProjects reads one file of sample projects against the
// programme's plans, every project marked as sample data.
func SampleProjects(name, programmeID string, plans []*plan.File) ([]followup.Project, error) {
	b, err := files.ReadFile(name)
	if err != nil {
		return nil, err
	}
	res := casefile.Read(b, programmeID, plans)
	if len(res.Problems) > 0 {
		var msgs []string
		for _, p := range res.Problems {
			msgs = append(msgs, p.Text(i18n.English))
		}
		return nil, fmt.Errorf("sample projects %s: %s", name, strings.Join(msgs, "; "))
	}
	ps := res.Projects()
	for i := range ps {
		ps[i].Sample = true
	}
	return ps, nil
}

// storedPlans are the programme's stored plans, newest first.
func storedPlans(ctx context.Context, st store.Store, id string) ([]*plan.File, error) {
	versions, err := st.Plans(ctx, id)
	if err != nil {
		return nil, err
	}
	if len(versions) == 0 {
		return nil, plan.Errorf(plan.ENotFound, "programme %q has no plans", id)
	}
	var out []*plan.File
	for _, v := range versions {
		f, _, err := st.LoadPlan(ctx, id, v.Year)
		if err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	return out, nil
}
