package followup

// An import of reports (package casefile) matches each report of the file
// with a stored report of the same project, kind and period: the case
// system's copy of the same report. Results and the programme's comment
// are not in the file, and are kept.

// The outcomes of an imported report.
const (
	ReportImportNew       = "new"
	ReportImportChanged   = "changed"
	ReportImportUnchanged = "unchanged"
)

// MatchReport is the stored report the imported one is a copy of: the
// same project, kind and period; nil for none.
func MatchReport(stored []Report, imported Report) *Report {
	for i, s := range stored {
		if s.ProjectID == imported.ProjectID && s.Kind == imported.Kind && s.From == imported.From && s.To == imported.To {
			return &stored[i]
		}
	}
	return nil
}

// ReportImportOutcome says what an import does with a report: registers
// it (no stored one matches), leaves the stored one as it is (the file
// says what it says), or changes it.
func ReportImportOutcome(stored *Report, imported Report) string {
	switch {
	case stored == nil:
		return ReportImportNew
	case SameImportedReport(*stored, imported):
		return ReportImportUnchanged
	}
	return ReportImportChanged
}

// SameImportedReport reports whether a stored report already says all an
// import's file can say of it, so that importing the same file again
// changes nothing.
func SameImportedReport(stored, imported Report) bool {
	sameSpent := stored.Spent == nil && imported.Spent == nil ||
		stored.Spent != nil && imported.Spent != nil && *stored.Spent == *imported.Spent
	return sameSpent && stored.Progress == imported.Progress && stored.Account == imported.Account &&
		stored.JobsCreated == imported.JobsCreated && stored.JobsSecured == imported.JobsSecured &&
		stored.NewBusinesses == imported.NewBusinesses && stored.State == imported.State
}
