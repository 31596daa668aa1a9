// Package notice tells people by e-mail when a plan's yearly cycle waits
// for them: the municipalities when a plan is proposed, the funder when
// every municipality has anchored it, the programme's administrators when
// it is approved.
//
// Notices are optional and never part of a step: the web application
// records the step first and sends afterwards, in the background, and a
// mail that cannot be sent is logged, not reported to the person taking
// the step. Mail goes over SMTP with the standard library (net/smtp), as
// plain text in the recipient's language.
package notice
