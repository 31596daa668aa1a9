// Package cycle is a plan's yearly cycle: the versions the public and the
// funder may trust (releases), and the decisions that make them — the
// steering group's or board's proposal, the political anchoring in each
// municipality (executive committee, then council) and the funder's
// approval as the basis for payment.
//
// A release is an immutable copy of the whole plan file as it was when it
// was proposed, anchored, approved or published. The members keep editing
// a working draft; editing never touches a release. What a visitor sees is
// the latest release.
//
// The package is pure: the store keeps releases and decisions, and calls
// Take in its write transaction to learn whether a decision may be recorded
// and which release it makes.
package cycle
