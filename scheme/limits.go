package scheme

import (
	"errors"

	"planverk/inputlimit"
)

// Limits bound every catalogue file read: its size, and for YAML and JSON
// how deep it nests and how many aliases it holds. A file past one is a
// ReadError with the code "limit-" and the limit's name.
var Limits = inputlimit.Default

// checkLimits refuses a file past Limits before any decoder sees it, so that
// a small hostile upload cannot make the server build a huge tree.
func checkLimits(name string, format Format, b []byte) *ReadError {
	var err error
	switch format {
	case FormatYAML:
		err = inputlimit.YAML(b, Limits)
	case FormatJSON:
		err = inputlimit.JSON(b, Limits)
	default:
		err = inputlimit.Size(len(b), Limits)
	}
	var le *inputlimit.Error
	if !errors.As(err, &le) {
		return nil
	}
	re := readError(name, le.Line, le.Col, "limit-"+le.Limit, "%s", le.Error())
	re.Args = codedArgs("limit-"+le.Limit, []any{le.MaxText()})
	re.Err = le
	return re
}
