package plan

// Activity is one activity of the plan's communication plan
// (kommunikasjonsplan): what is done, for whom, through which channel, when,
// who is responsible, and how far it has come. Restructuring programmes write
// one each year, often as a document of its own; here it is part of the plan.
type Activity struct {
	Activity    string `yaml:"activity" json:"activity"`
	TargetGroup string `yaml:"target_group,omitempty" json:"target_group,omitempty"`
	Channel     string `yaml:"channel,omitempty" json:"channel,omitempty"`
	// From and To are when the activity runs, each known to the day, the
	// month or the year; an activity on one day or in one month has From
	// only.
	From *Date `yaml:"from,omitempty" json:"from,omitempty"`
	To   *Date `yaml:"to,omitempty" json:"to,omitempty"`
	// When is the time as the plan writes it in words ("every month",
	// "after each board meeting"), beside or instead of the dates.
	When string `yaml:"when,omitempty" json:"when,omitempty"`
	// Responsible are who carry the activity out, referred to as a
	// measure's leads are.
	Responsible []Actor `yaml:"responsible,omitempty" json:"responsible,omitempty"`
	// Status is how far the activity has come, in the words of a measure's.
	Status MeasureStatus `yaml:"status,omitempty" json:"status,omitempty"`
}
