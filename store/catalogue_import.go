package store

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"strings"

	"planverk/plan"
	"planverk/scheme"
)

// What an import does to one scheme.
const (
	ImportNew       = "new"
	ImportChanged   = "changed"
	ImportUnchanged = "unchanged"
)

// ImportItem is one scheme of an import: as the file has it, what the
// import does with it, and the catalogue's revision before (nil for a
// scheme the catalogue does not have).
type ImportItem struct {
	Scheme  scheme.Scheme
	Outcome string
	Before  *SchemeRecord
	// Restored marks a new scheme whose id is a deleted scheme's: the
	// import brings it back with the file's content.
	Restored bool
}

// ImportResult is what an import would do (PlanImport) or did
// (ApplyImport), scheme by scheme in the file's order, and counted.
type ImportResult struct {
	Items                   []ImportItem
	New, Changed, Unchanged int
	// Absent counts the catalogue's schemes the file does not name: an
	// import leaves them as they are, and never deletes.
	Absent int
}

func (r *ImportResult) add(it ImportItem) {
	r.Items = append(r.Items, it)
	switch it.Outcome {
	case ImportNew:
		r.New++
	case ImportChanged:
		r.Changed++
	default:
		r.Unchanged++
	}
}

// CatalogueSchemes lists the catalogue's schemes sorted by id, as an export
// writes them, so that two exports of the same catalogue are the same file.
func CatalogueSchemes(ctx context.Context, c Catalogue) ([]scheme.Scheme, error) {
	records, err := c.Schemes(ctx)
	if err != nil {
		return nil, fmt.Errorf("list the catalogue: %w", err)
	}
	list := make([]scheme.Scheme, len(records))
	for i, r := range records {
		list[i] = r.Scheme
	}
	slices.SortFunc(list, func(a, b scheme.Scheme) int { return strings.Compare(a.ID, b.ID) })
	return list, nil
}

// PlanImport compares schemes, checked (scheme.CheckFiles), with the
// catalogue and says what ApplyImport would do with each. It changes
// nothing. A scheme is unchanged when the catalogue holds the same content,
// compared as EditScheme compares it.
func PlanImport(ctx context.Context, c Catalogue, schemes []scheme.Scheme) (ImportResult, error) {
	records, err := c.Schemes(ctx)
	if err != nil {
		return ImportResult{}, fmt.Errorf("plan the import: %w", err)
	}
	current := make(map[string]*SchemeRecord, len(records))
	for i := range records {
		current[records[i].Scheme.ID] = &records[i]
	}
	var res ImportResult
	named := map[string]bool{}
	for _, sc := range schemes {
		named[sc.ID] = true
		it := ImportItem{Scheme: sc, Before: current[sc.ID]}
		switch {
		case it.Before == nil:
			it.Outcome = ImportNew
			it.Restored, err = deleted(ctx, c, sc.ID)
			if err != nil {
				return ImportResult{}, fmt.Errorf("plan the import: %w", err)
			}
		case SameScheme(it.Before.Scheme, sc):
			it.Outcome = ImportUnchanged
		default:
			it.Outcome = ImportChanged
		}
		res.add(it)
	}
	for id := range current {
		if !named[id] {
			res.Absent++
		}
	}
	return res, nil
}

// deleted reports whether the catalogue has a deleted scheme with the id.
func deleted(ctx context.Context, c Catalogue, id string) (bool, error) {
	revs, err := c.SchemeRevisions(ctx, id)
	if plan.ErrorCode(err) == plan.ENotFound {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	return len(revs) > 0 && revs[0].Deleted, nil
}

// SameScheme compares two schemes as the catalogue means them, where nil
// and empty are alike: as EditScheme and ImportSchemes decide whether an
// edit changes anything.
func SameScheme(a, b scheme.Scheme) bool {
	return reflect.DeepEqual(scheme.Plain(a), scheme.Plain(b))
}

// ApplyImport stores schemes, checked (scheme.CheckFiles), in one
// transaction (Catalogue.ImportSchemes): each one the catalogue lacks or
// holds differently gets a revision, with e's author and summary; one the
// same is left alone, so the history shows only what the import changed.
// version is the CatalogueVersion the import was previewed against, or -1
// where nobody saw a preview (the command line): a catalogue changed since
// is plan.EConflict, and nothing is stored.
//
// With e.Submission set, the same import sent twice (a double click)
// changes the catalogue once: the second stores nothing, reports repeated
// and returns what the first did.
func ApplyImport(ctx context.Context, c Catalogue, schemes []scheme.Scheme, e Edit, version int64) (res ImportResult, repeated bool, err error) {
	outcomes, repeated, err := c.ImportSchemes(ctx, schemes, e, version)
	if err != nil {
		return ImportResult{}, false, fmt.Errorf("import: %w", err)
	}
	for i, sc := range schemes {
		res.add(ImportItem{Scheme: sc, Outcome: outcomes[i]})
	}
	return res, repeated, nil
}

// ImportSubmission is the submission of one scheme's revision in an import.
func ImportSubmission(submission, id string) string {
	if submission == "" {
		return ""
	}
	return submission + ":" + id
}
