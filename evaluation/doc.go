// Package evaluation is a programme's final evaluation (sluttevaluering):
// the facts planverk gathers from every year's plan as released (what each
// goal and target was, what the programme says it achieved, every ended
// measure with the assessment its revision gave), and the sections the
// programme writes under the headings of a funder's template.
//
// The template is data, not code: a small YAML document that a system
// administrator can replace when the funder changes it. An evaluation keeps
// a copy of the template it was started on, so that a later template never
// rewrites an evaluation already written. The package is pure: the store
// and the web layer bring the releases and keep the text.
package evaluation
