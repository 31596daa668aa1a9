// Package plan is the domain of planverk: programmes, their yearly action plans,
// goals, measures, budgets, financing, targets, anchoring and approvals, and the
// rules that check a plan's numbers and references.
//
// The package does no I/O. Types carry yaml tags because the plan file format
// (package planfile) is these types written out; a field's tag is its name in
// every format planverk reads or writes.
package plan
