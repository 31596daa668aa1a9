// Package capacity is the development-capacity survey (utviklingsevne): the
// set of indicators a programme measures, the answers respondents give
// through a secret link, and the results, which are shown only where
// enough people have answered to keep each of them anonymous.
package capacity
