package plan

// FundingSource is where money comes from: a state budget post, the county,
// the municipalities' own share, refunds.
type FundingSource struct {
	ID   string `yaml:"id" json:"id"`
	Name string `yaml:"name" json:"name"`
	// Org is the organisation that pays, where there is one.
	Org string `yaml:"org,omitempty" json:"org,omitempty"`
	// BudgetRef is the state budget chapter and post, as written
	// ("kap. 553 post 65", "13.50 post 66").
	BudgetRef string `yaml:"budget_ref,omitempty" json:"budget_ref,omitempty"`
}

// Financing is a financing table for one year, or for a span of years: per
// budget line, an amount per funding source.
type Financing struct {
	ID    string `yaml:"id" json:"id"`
	Title string `yaml:"title" json:"title"`
	// Year is the table's year; Years is set instead where the table's money
	// covers several years together (phase money for 2024–2025).
	Year  int     `yaml:"year,omitempty" json:"year,omitempty"`
	Years *Period `yaml:"years,omitempty" json:"years,omitempty"`
	// Budget is the ID of the budget whose lines the rows finance; the rule
	// financing-budget compares the two.
	Budget string `yaml:"budget,omitempty" json:"budget,omitempty"`
	// Sources are the funding-source IDs of the table's columns, in order.
	Sources   []string         `yaml:"sources" json:"sources"`
	Rows      []FinancingRow   `yaml:"rows" json:"rows"`
	Printed   *FinancingTotals `yaml:"printed,omitempty" json:"printed,omitempty"`
	Footnotes []Footnote       `yaml:"footnotes,omitempty" json:"footnotes,omitempty"`
	Note      Markdown         `yaml:"note,omitempty" json:"note,omitempty"`
}

// FinancingRow is the financing of one budget line, or of the whole plan
// where the table has a single row without a line.
type FinancingRow struct {
	// Line is the ID of a line in the table's budget.
	Line string `yaml:"line,omitempty" json:"line,omitempty"`
	// Label is the row's text where it has no budget line.
	Label        string          `yaml:"label,omitempty" json:"label,omitempty"`
	Cells        []FinancingCell `yaml:"cells" json:"cells"`
	PrintedTotal *Amount         `yaml:"printed_total,omitempty" json:"printed_total,omitempty"`
	Mark         string          `yaml:"mark,omitempty" json:"mark,omitempty"`
}

// FinancingCell is the money from one source for one row.
type FinancingCell struct {
	Source string `yaml:"source" json:"source"`
	// Amount is nil where the amount is not yet known.
	Amount *Amount `yaml:"amount,omitempty" json:"amount,omitempty"`
	// Kind says whether the amount is a ceiling, an estimate or a minimum
	// rather than an exact sum.
	Kind AmountKind `yaml:"kind,omitempty" json:"kind,omitempty"`
	// Share is the share of the row's total as written ("75 %").
	Share Share `yaml:"share,omitempty" json:"share,omitempty"`
	// Note is the explanation column ("Årlig andel", "Status 31.12.24").
	Note     string    `yaml:"note,omitempty" json:"note,omitempty"`
	Payments []Payment `yaml:"payments,omitempty" json:"payments,omitempty"`
	Mark     string    `yaml:"mark,omitempty" json:"mark,omitempty"`
}

// Span returns the first and last year of the table's money: its year, or
// its span of years.
func (f *Financing) Span() (from, to int) {
	if f.Years != nil {
		return f.Years.From, f.Years.To
	}
	return f.Year, f.Year
}

// Payment is one instalment of a cell's money: its year and share.
type Payment struct {
	Year  int   `yaml:"year" json:"year"`
	Share Share `yaml:"share" json:"share"`
}

// FinancingTotals is the SUM row of a financing table as printed.
type FinancingTotals struct {
	Sources map[string]Amount `yaml:"sources,omitempty" json:"sources,omitempty"`
	// Marks are footnote marks printed by a source's total.
	Marks map[string]string `yaml:"marks,omitempty" json:"marks,omitempty"`
	Total *Amount           `yaml:"total,omitempty" json:"total,omitempty"`
	// Minimum is set where the total is printed as a minimum ("min. 4 670 000"),
	// because some amounts are not yet known.
	Minimum bool `yaml:"minimum,omitempty" json:"minimum,omitempty"`
}
