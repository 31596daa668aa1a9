package sqlstore

import (
	"context"
	"database/sql"

	"planverk/auth"
	"planverk/plan"
	"planverk/store"
)

// SetRole gives the user a role in the programme, replacing any other; the
// role "" takes it away. The programme is named by its key and need not be
// stored yet: a role may be given before the programme's plan is imported.
func (s *Store) SetRole(ctx context.Context, userID int64, programme string, role auth.Role) error {
	if err := checkRole(programme, role); err != nil {
		return err
	}
	err := s.write(ctx, func(w *writer) error {
		if err := w.userExists(userID); err != nil {
			return err
		}
		return w.setRole(userID, programme, role)
	})
	return accountError(err, "set role of user %d in %s", userID, programme)
}

// checkRole is what the tables require of a role in a programme; the role ""
// means none.
func checkRole(programme string, role auth.Role) error {
	if programme == "" {
		return plan.Errorf(plan.EInvalid, "a role must be in a programme")
	}
	if role != "" && !role.Valid() {
		return plan.Errorf(plan.EInvalid, "there is no role %q", role)
	}
	return nil
}

func (w *writer) setRole(userID int64, programme string, role auth.Role) error {
	if role == "" {
		return w.exec(`DELETE FROM programme_members WHERE user_id = ? AND programme = ?`, userID, programme)
	}
	return w.exec(`
		INSERT INTO programme_members (user_id, programme, role) VALUES (?, ?, ?)
		ON CONFLICT (user_id, programme) DO UPDATE SET role = excluded.role`,
		userID, programme, string(role))
}

// Roles returns the user's role in each programme, by programme key: an
// empty map for a user without roles.
func (s *Store) Roles(ctx context.Context, userID int64) (map[string]auth.Role, error) {
	out := map[string]auth.Role{}
	err := s.read(ctx, func(r *reader) error {
		if err := r.userExists(userID); err != nil {
			return err
		}
		return r.each(`SELECT programme, role FROM programme_members WHERE user_id = ?`, []any{userID},
			func(rows *sql.Rows) error {
				var programme string
				var role auth.Role
				err := rows.Scan(&programme, &role)
				out[programme] = role
				return err
			})
	})
	if err != nil {
		return nil, accountError(err, "load roles of user %d", userID)
	}
	return out, nil
}

// Members lists the programme's members, by name; none for a programme
// without members, stored or not.
func (s *Store) Members(ctx context.Context, programme string) ([]store.Member, error) {
	var out []store.Member
	err := s.read(ctx, func(r *reader) error {
		return r.each(`
			SELECT `+userColumns+`, m.role
			FROM programme_members m JOIN users u ON u.id = m.user_id
			WHERE m.programme = ?`, []any{programme},
			func(rows *sql.Rows) error {
				var m store.Member
				u, err := scanUser(rows, &m.Role)
				m.User = u
				out = append(out, m)
				return err
			})
	})
	if err != nil {
		return nil, accountError(err, "list members of %s", programme)
	}
	sortByName(out, func(m store.Member) string { return m.User.Name }, func(m store.Member) string { return m.User.Email })
	return out, nil
}
