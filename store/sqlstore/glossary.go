package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"planverk/scheme"
	"planverk/store"
)

// Glossary returns the latest revision of the glossary.
func (s *Store) Glossary(ctx context.Context) ([]scheme.Term, error) {
	var out []scheme.Term
	err := s.read(ctx, func(r *reader) error {
		var data []byte
		err := r.row(`SELECT data FROM glossary_revisions ORDER BY id DESC LIMIT 1`).Scan(&data)
		if err == sql.ErrNoRows {
			return nil
		}
		if err != nil {
			return err
		}
		return json.Unmarshal(data, &out)
	})
	if err != nil {
		return nil, fmt.Errorf("glossary: %w", err)
	}
	return out, nil
}

// SaveGlossary saves the glossary as its next revision.
func (s *Store) SaveGlossary(ctx context.Context, terms []scheme.Term, e store.Edit) error {
	data, err := json.Marshal(terms)
	if err != nil {
		return err
	}
	err = s.write(ctx, func(w *writer) error {
		return w.exec(`INSERT INTO glossary_revisions (data, saved_at, author_id, summary) VALUES (?, ?, ?, ?)`,
			string(data), time.Now().UTC().Format(savedAtFormat), nullID(e.Author), e.Summary)
	})
	if err != nil {
		return fmt.Errorf("save glossary: %w", err)
	}
	return nil
}
