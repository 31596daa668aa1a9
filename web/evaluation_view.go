package web

import (
	"fmt"
	"slices"

	"planverk/evaluation"
	"planverk/i18n"
	"planverk/plan"
)

// evaluationView is the final evaluation as a document: the facts
// gathered from the years' records and the sections the programme wrote
// under its template's headings.
type evaluationView struct {
	Programme plan.Programme
	Facts     *evaluation.Facts
	// Lang is the language of the programme's own text.
	Lang plan.Language
	// Started says an evaluation is stored; Evaluation is it.
	Started    bool
	Evaluation evaluation.Evaluation
	Template   *evaluation.Template
	Sections   []evaluationSection
	// Overall are the programme's targets and the plans' targets of no
	// goal; Goals the goals with theirs; Targets every target, for the form.
	Overall []evaluationTarget
	Goals   []evaluationGoal
	Targets []evaluationTarget
	CanEdit bool
	Saved   bool
}

// evaluationSection is one of the template's sections, headed in the
// reader's language, with the programme's text.
type evaluationSection struct {
	Key, Heading, Guidance string
	Text                   plan.Markdown
}

// evaluationTarget is a target with its field in the form, its name in
// words (for the label and the message) and the figure reached, written.
type evaluationTarget struct {
	evaluation.TargetFact
	Field, Name, AchievedText string
}

type evaluationGoal struct {
	evaluation.GoalFact
	Targets []evaluationTarget
}

// achievedField is the form field of a target's achieved figure: a
// fingerprint of its key, which holds characters a field name should not.
func achievedField(key string) string { return "achieved-" + fingerprint(key)[:12] }

func newEvaluationView(facts *evaluation.Facts, ev evaluation.Evaluation, started bool, t *evaluation.Template,
	lang i18n.Lang) *evaluationView {
	v := &evaluationView{Programme: facts.Programme, Facts: facts, Lang: facts.Language, Started: started,
		Evaluation: ev, Template: t}
	facts.Apply(&ev)
	for _, s := range t.Sections {
		v.Sections = append(v.Sections, evaluationSection{Key: s.Key, Heading: s.Heading.In(string(lang)),
			Guidance: s.Guidance.In(string(lang)), Text: ev.Sections[s.Key]})
	}
	targets := func(ts []evaluation.TargetFact) []evaluationTarget {
		var out []evaluationTarget
		for _, tf := range ts {
			t := evaluationTarget{TargetFact: tf, Field: achievedField(tf.Key), Name: targetName(lang, tf.Target)}
			if tf.Achieved != nil {
				t.AchievedText = i18n.Amount(plan.Amount(*tf.Achieved))
			}
			out = append(out, t)
		}
		return out
	}
	v.Overall = targets(slices.Concat(facts.ProgrammeTargets, facts.Targets))
	v.Targets = append(v.Targets, v.Overall...)
	for _, g := range facts.Goals {
		eg := evaluationGoal{GoalFact: g, Targets: targets(g.Targets)}
		v.Goals = append(v.Goals, eg)
		v.Targets = append(v.Targets, eg.Targets...)
	}
	return v
}

// targetName names a target in words: its label (or what it counts) and
// its years, "Nye/sikrede arbeidsplasser, 2022–2027".
func targetName(lang i18n.Lang, t plan.Target) string {
	name := t.Label
	if name == "" {
		name = i18n.T(lang, "evaluation.target-kind."+string(t.Kind), nil)
	}
	switch {
	case t.Period != nil:
		return fmt.Sprintf("%s, %d–%d", name, t.Period.From, t.Period.To)
	case t.Year != 0:
		return fmt.Sprintf("%s, %d", name, t.Year)
	}
	return name
}
