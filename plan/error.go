package plan

import (
	"errors"
	"fmt"
)

// Error codes: what went wrong, in terms a caller can act on. The web layer
// turns a code into an HTTP status in one place; the command line into an
// exit code.
const (
	ENotFound = "not_found"
	EInvalid  = "invalid"
	EConflict = "conflict"
	EInternal = "internal"
	// EUnauthorized: the caller must say who they are (log in, or give a
	// valid API token). EForbidden: the caller is known and may not do this.
	EUnauthorized = "unauthorized"
	EForbidden    = "forbidden"
	// EBusy: the database could not take the change now because other
	// changes kept winning; nothing was saved, and the same change may be
	// sent again in a moment.
	EBusy = "busy"
)

// Error is an error with a code and a message meant for the user.
type Error struct {
	Code    string
	Message string
	// Key and Args, where set, name the message in the i18n catalogues.
	Key  string
	Args Args
}

func (e *Error) Error() string { return e.Message }

// Errorf returns an *Error with the code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error in err's chain, EInternal
// for any other error, and "" for nil.
func ErrorCode(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EInternal
}

// Keyed is an *Error that also carries a message key and its arguments, so
// that the browser and the API can say it in the user's language; Message
// stays the English text for logs and the command line.
func Keyed(code, key string, args Args, format string, a ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, a...), Key: key, Args: args}
}
