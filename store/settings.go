package store

import "context"

// Settings keeps named values about the database as a whole.
type Settings interface {
	// Setting returns the value stored under a name; "" where none is.
	Setting(ctx context.Context, name string) (string, error)
	// SetSetting stores a value under a name, replacing any before it.
	SetSetting(ctx context.Context, name, value string) error
}

// SettingSynthetic is set to "true" in a database whose programmes were
// made up by planverk demo generate: every page then says so.
const SettingSynthetic = "synthetic"
