// Package casefile reads a county's case-system export of projects, grant
// commitments and payments (CSV or XLSX, one row a commitment or a
// payment) into followup.Project values, and names every problem by the
// row and column a spreadsheet shows, so that the person can find it.
// Its headings are recognised in bokmål, nynorsk and English with their
// common variants (docs/project-import.md); rows with the same case
// reference are one project. It stores nothing: the caller previews what
// it read and stores it whole (store.Projects.ImportProjects).
package casefile
