package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"planverk/plan"
)

// Setting returns the value stored under a name (store.Settings).
func (s *Store) Setting(ctx context.Context, name string) (string, error) {
	var v string
	err := s.read(ctx, func(r *reader) error {
		err := r.row(`SELECT value FROM settings WHERE name = ?`, name).Scan(&v)
		if errors.Is(err, sql.ErrNoRows) {
			v = ""
			return nil
		}
		return err
	})
	if err != nil {
		return "", fmt.Errorf("read setting %s: %w", name, err)
	}
	return v, nil
}

// SetSetting stores a value under a name (store.Settings).
func (s *Store) SetSetting(ctx context.Context, name, value string) error {
	if name == "" {
		return plan.Errorf(plan.EInvalid, "a setting needs a name")
	}
	err := s.write(ctx, func(w *writer) error {
		return w.exec(`INSERT INTO settings (name, value) VALUES (?, ?)
			ON CONFLICT (name) DO UPDATE SET value = excluded.value`, name, value)
	})
	if err != nil {
		return fmt.Errorf("save setting %s: %w", name, err)
	}
	return nil
}
