//go:build race

package web

// raceDetector is set when the tests run with -race, which makes each
// request several times slower: floods sized for the real server are then
// cut down (see TestLoginFloodBounded), and .ci/run runs them in full
// without the detector.
const raceDetector = true
