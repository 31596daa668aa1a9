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
		case sameScheme(it.Before.Scheme, sc):
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

// sameScheme compares two schemes as the catalogue means them, where nil
// and empty are alike: as EditScheme decides whether an edit changes
// anything.
func sameScheme(a, b scheme.Scheme) bool {
	return reflect.DeepEqual(scheme.Plain(a), scheme.Plain(b))
}

// ApplyImport stores schemes, checked (scheme.CheckFiles): each one the
// catalogue lacks or holds differently gets a revision, with e's author and
// summary; one the same is left alone, so the history shows only what the
// import changed. Each scheme is one edit of its own: an error stops the
// import there, with the schemes before it stored.
//
// With e.Submission set, each scheme's edit has a submission derived from
// it and the scheme's id, so that the same import sent twice (a double
// click) changes the catalogue once; the second returns what the first did.
func ApplyImport(ctx context.Context, c Catalogue, schemes []scheme.Scheme, e Edit) (ImportResult, error) {
	var res ImportResult
	for _, sc := range schemes {
		// change may run more than once: what its last run saw counts.
		var ran, existed, same bool
		edit := e
		edit.Submission = importSubmission(e.Submission, sc.ID)
		rec, err := c.EditScheme(ctx, sc.ID, edit, func(cur *scheme.Scheme, exists bool) error {
			ran, existed, same = true, exists, exists && sameScheme(*cur, sc)
			*cur = sc
			return nil
		})
		if err != nil {
			return res, fmt.Errorf("import scheme %s: %w", sc.ID, err)
		}
		it := ImportItem{Scheme: sc, Outcome: ImportChanged}
		switch {
		case rec.Repeated || !ran:
			it.Outcome = repeatedOutcome(rec)
		case !existed:
			it.Outcome = ImportNew
		case same:
			it.Outcome = ImportUnchanged
		}
		res.add(it)
	}
	return res, nil
}

// repeatedOutcome is what an earlier edit with the same submission did: a
// first revision was a new scheme, a later one a change (or a deleted
// scheme restored, which counts as a change here).
func repeatedOutcome(rec SchemeRecord) string {
	if rec.Revision == 1 {
		return ImportNew
	}
	return ImportChanged
}

// ImportedBefore reports whether an import with the submission was already
// stored, and if so what it did: a second confirmation of an import whose
// first has changed the catalogue meanwhile is that import again, not
// someone else's change. It stores nothing.
func ImportedBefore(ctx context.Context, c Catalogue, schemes []scheme.Scheme, submission string) (ImportResult, bool, error) {
	var res ImportResult
	if submission == "" {
		return res, false, nil
	}
	seen := false
	for _, sc := range schemes {
		rec, ok, err := c.SchemeSubmitted(ctx, importSubmission(submission, sc.ID))
		switch {
		case err != nil:
			return ImportResult{}, false, fmt.Errorf("look for an earlier import: %w", err)
		case ok:
			seen = true
			res.add(ImportItem{Scheme: sc, Outcome: repeatedOutcome(rec)})
		default:
			// Not stored by that import: it was the same already.
			res.add(ImportItem{Scheme: sc, Outcome: ImportUnchanged})
		}
	}
	return res, seen, nil
}

// importSubmission is the submission of one scheme's edit in an import.
func importSubmission(submission, id string) string {
	if submission == "" {
		return ""
	}
	return submission + ":" + id
}
