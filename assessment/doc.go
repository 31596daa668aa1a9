// Package assessment is the programme status assessment
// (programstatusvurdering): the yearly self-assessment in which a team of
// the programme's management, the county's observer, Innovasjon Norge's
// adviser and an external facilitator scores a set of indicators on the
// process and on the effects, weighs them by how far the programme has
// come, and writes improvement proposals for next year's plan. The set of
// indicators, the scale, the weights per programme year and the team's
// roles are data, so that another programme may assess by another set.
package assessment
