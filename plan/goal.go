package plan

import "strconv"

// Goal is a sub-goal or focus area (delmål, innsatsområde, satsing) of a plan,
// with its main goal, its weight and its measures.
type Goal struct {
	// Number is the goal's number; it may be left out where Label names it.
	Number int `yaml:"number,omitempty" json:"number,omitempty"`
	// Label is the programme's own name for the goal where it is not a
	// plain number ("P1", "203", "A"), shown as the plan prints it.
	Label string `yaml:"label,omitempty" json:"label,omitempty"`
	Title string `yaml:"title" json:"title"`
	// Heading is the goal's title as its own section heading prints it, where
	// that differs from Title.
	Heading     string   `yaml:"heading,omitempty" json:"heading,omitempty"`
	Description Markdown `yaml:"description,omitempty" json:"description,omitempty"`
	MainGoal    string   `yaml:"main_goal,omitempty" json:"main_goal,omitempty"`
	// Weight is the goal's weight or share as written: "60 %" or "4/6".
	Weight Share `yaml:"weight,omitempty" json:"weight,omitempty"`
	// MeasuresIntro is the text above the measure table.
	MeasuresIntro Markdown `yaml:"measures_intro,omitempty" json:"measures_intro,omitempty"`
	// MeasuresCaption is the caption of the measure table ("Tabell 1").
	MeasuresCaption string    `yaml:"measures_caption,omitempty" json:"measures_caption,omitempty"`
	Measures        []Measure `yaml:"measures,omitempty" json:"measures,omitempty"`
	// Notes is text after the measure table.
	Notes Markdown `yaml:"notes,omitempty" json:"notes,omitempty"`
}

// Name is how the plan names the goal: its label, or else its number.
func (g Goal) Name() string {
	if g.Label != "" {
		return g.Label
	}
	if g.Number != 0 {
		return strconv.Itoa(g.Number)
	}
	return ""
}
