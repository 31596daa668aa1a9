package followup

import "planverk/plan"

// Merge is what a stored project becomes when an import names it again
// (by its case reference): the file's fields replace the stored ones where
// the file gives them, and the file's commitments replace the stored
// ones, since the case system is where grants are decided. A commitment
// the file names again (the same source, amount and decision date) keeps
// its ID and what the file cannot say (its schedule, its conditions, a
// released remainder), and a payment the file names again keeps its ID,
// so that links to them hold. A project not stored (stored is nil) gets
// a status from its money where the file gives none.
func Merge(stored *Project, imported Project) Project {
	if stored == nil {
		p := imported
		if p.Status == "" {
			p.Status = ImportedStatus(p)
		}
		return p
	}
	p := *stored
	p.Sample = imported.Sample
	for _, f := range []struct {
		to   *string
		from string
	}{{&p.Title, imported.Title}, {&p.Label, imported.Label},
		{&p.Owner, imported.Owner}, {&p.Manager, imported.Manager}, {&p.Sponsor, imported.Sponsor}} {
		if f.from != "" {
			*f.to = f.from
		}
	}
	if imported.Status != "" {
		p.Status = imported.Status
	}
	if imported.Phase != "" {
		p.Phase = imported.Phase
	}
	if imported.From != nil {
		p.From = imported.From
	}
	if imported.To != nil {
		p.To = imported.To
	}
	if imported.Budget != nil {
		p.Budget = imported.Budget
	}
	if imported.OwnShare != nil {
		p.OwnShare = imported.OwnShare
	}
	if imported.OtherFinancing != nil {
		p.OtherFinancing = imported.OtherFinancing
	}
	if len(imported.Measures) > 0 || imported.Goal != 0 {
		p.Measures, p.Goal = imported.Measures, imported.Goal
	}
	if len(imported.Commitments) == 0 {
		return p
	}
	used := map[int]bool{}
	p.Commitments = nil
	for _, c := range imported.Commitments {
		for i, old := range stored.Commitments {
			if used[i] || old.Source != c.Source || old.Amount != c.Amount || !sameDate(old.Decided, c.Decided) {
				continue
			}
			used[i] = true
			c.ID = old.ID
			if c.Kind == "" {
				c.Kind = old.Kind
			}
			if c.Share == "" {
				c.Share = old.Share
			}
			if c.Body == "" {
				c.Body = old.Body
			}
			if c.Deadline == nil {
				c.Deadline = old.Deadline
			}
			if c.Conditions == "" {
				c.Conditions = old.Conditions
			}
			c.Released, c.ReleasedOn, c.Schedule = old.Released, old.ReleasedOn, old.Schedule
			paid := map[int]bool{}
			for pi := range c.Payments {
				for oi, op := range old.Payments {
					if !paid[oi] && op.Date == c.Payments[pi].Date && op.Amount == c.Payments[pi].Amount {
						paid[oi], c.Payments[pi].ID = true, op.ID
						break
					}
				}
			}
			break
		}
		p.Commitments = append(p.Commitments, c)
	}
	return p
}

// ImportedStatus is the status of an imported project the file gives
// none for: under way once money is paid, granted once it is committed,
// an application before.
func ImportedStatus(p Project) Status {
	switch {
	case p.Paid() > 0:
		return StatusUnderway
	case len(p.Commitments) > 0:
		return StatusGranted
	}
	return StatusApplication
}

func sameDate(a, b *plan.Date) bool {
	return a == nil && b == nil || a != nil && b != nil && *a == *b
}
