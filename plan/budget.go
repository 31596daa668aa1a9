package plan

// Budget is a budget table: an amount per line per year, with the totals as
// the plan printed them kept beside the computed ones.
type Budget struct {
	// ID names the table for references ("budget:period" in a section's blocks,
	// "budget" in a financing table).
	ID    string `yaml:"id" json:"id"`
	Title string `yaml:"title" json:"title"`
	// Covers lists the funding sources whose money this budget plans, where it
	// plans only some (state co-financing, say). Empty means all financing.
	Covers []string `yaml:"covers,omitempty" json:"covers,omitempty"`
	// Years are the table's year columns in order.
	Years []int        `yaml:"years" json:"years"`
	Lines []BudgetLine `yaml:"lines" json:"lines"`
	// Printed is the SUM row as the plan printed it.
	Printed   *PrintedTotals `yaml:"printed,omitempty" json:"printed,omitempty"`
	Footnotes []Footnote     `yaml:"footnotes,omitempty" json:"footnotes,omitempty"`
	Note      Markdown       `yaml:"note,omitempty" json:"note,omitempty"`
}

// BudgetLine is one row of a budget: a goal, or another line such as
// project management.
type BudgetLine struct {
	ID     string `yaml:"id" json:"id"`
	Number string `yaml:"number,omitempty" json:"number,omitempty"`
	Label  string `yaml:"label" json:"label"`
	// Goal is the number of the goal the line funds. A line without a goal
	// (project management, say) stands outside the goals' weights.
	Goal    int            `yaml:"goal,omitempty" json:"goal,omitempty"`
	Amounts map[int]Amount `yaml:"amounts,omitempty" json:"amounts,omitempty"`
	// Kind says whether the line's amounts are ceilings, estimates or
	// minimums rather than exact sums.
	Kind AmountKind `yaml:"kind,omitempty" json:"kind,omitempty"`
	// PrintedTotal is the line's total as printed.
	PrintedTotal *Amount `yaml:"printed_total,omitempty" json:"printed_total,omitempty"`
	// Mark is a footnote mark printed by the line's total.
	Mark string `yaml:"mark,omitempty" json:"mark,omitempty"`
}

// PrintedTotals is a SUM row as printed: a total per column and a grand total.
type PrintedTotals struct {
	Years map[int]Amount `yaml:"years,omitempty" json:"years,omitempty"`
	Total *Amount        `yaml:"total,omitempty" json:"total,omitempty"`
	Mark  string         `yaml:"mark,omitempty" json:"mark,omitempty"`
}

// Footnote is a footnote of a table, with the mark that refers to it.
type Footnote struct {
	Mark string   `yaml:"mark" json:"mark"`
	Text Markdown `yaml:"text" json:"text"`
}
