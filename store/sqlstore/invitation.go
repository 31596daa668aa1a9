package sqlstore

import (
	"context"
	"database/sql"
	"time"

	"planverk/plan"
	"planverk/store"
)

const invitationColumns = `id, token_hash, email, name, organisation, programme, role, system_admin, catalogue_editor,
	coalesce(created_by, 0), created_at, expires_at, used_at`

func scanInvitation(sc scanner) (store.Invitation, error) {
	var inv store.Invitation
	var created, expires, used any
	err := sc.Scan(&inv.ID, &inv.TokenHash, &inv.Email, &inv.Name, &inv.Organisation, &inv.Programme,
		&inv.Role, &inv.SystemAdmin, &inv.CatalogueEditor, &inv.CreatedBy, &created, &expires, &used)
	if err != nil {
		return inv, err
	}
	if inv.CreatedAt, err = timeOf(created); err != nil {
		return inv, err
	}
	if inv.ExpiresAt, err = timeOf(expires); err != nil {
		return inv, err
	}
	inv.UsedAt, err = nullTimeOf(used)
	return inv, err
}

// CreateInvitation stores an invitation and returns it with its id.
// CreatedAt is now where inv leaves it zero; CreatedBy 0 is an invitation
// no user made (one from the command line).
func (s *Store) CreateInvitation(ctx context.Context, inv store.Invitation) (store.Invitation, error) {
	switch {
	case inv.TokenHash == "":
		return store.Invitation{}, plan.Errorf(plan.EInvalid, "an invitation needs a token hash")
	case inv.Email == "":
		return store.Invitation{}, plan.Errorf(plan.EInvalid, "an invitation needs an e-mail address")
	case inv.ExpiresAt.IsZero():
		return store.Invitation{}, plan.Errorf(plan.EInvalid, "the invitation for %s needs an expiry time", inv.Email)
	case inv.Programme == "" && inv.Role != "":
		return store.Invitation{}, plan.Errorf(plan.EInvalid,
			"the invitation for %s gives the role %q but names no programme", inv.Email, inv.Role)
	case inv.Programme != "" && !inv.Role.Valid():
		return store.Invitation{}, plan.Errorf(plan.EInvalid,
			"the invitation for %s to %s gives no known role (%q)", inv.Email, inv.Programme, inv.Role)
	}
	if inv.CreatedAt.IsZero() {
		inv.CreatedAt = time.Now()
	}
	inv.CreatedAt = roundTime(inv.CreatedAt)
	inv.ExpiresAt = roundTime(inv.ExpiresAt)
	if inv.UsedAt != nil {
		used := roundTime(*inv.UsedAt)
		inv.UsedAt = &used
	}
	err := s.write(ctx, func(w *writer) error {
		if inv.CreatedBy != 0 {
			if err := w.userExists(inv.CreatedBy); err != nil {
				return err
			}
		}
		// Tokens are random and never collide; a second invitation with the
		// same hash is a mistake, said the same way on both engines.
		taken, err := w.exists(`SELECT 1 FROM invitations WHERE token_hash = ?`, inv.TokenHash)
		if err != nil {
			return err
		}
		if taken {
			return plan.Errorf(plan.EConflict, "there is already an invitation with this token")
		}
		inv.ID, err = w.insert(`
			INSERT INTO invitations (token_hash, email, name, organisation, programme, role, system_admin,
				catalogue_editor, created_by, created_at, expires_at, used_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			inv.TokenHash, inv.Email, inv.Name, inv.Organisation, inv.Programme, string(inv.Role), inv.SystemAdmin,
			inv.CatalogueEditor,
			nullID(inv.CreatedBy), dbTime(inv.CreatedAt), dbTime(inv.ExpiresAt), nullTime(inv.UsedAt))
		return err
	})
	if err != nil {
		return store.Invitation{}, accountError(err, "create invitation for %s", inv.Email)
	}
	return inv, nil
}

// Invitation returns the invitation with the token hash, used or not.
func (s *Store) Invitation(ctx context.Context, tokenHash string) (store.Invitation, error) {
	var inv store.Invitation
	err := s.read(ctx, func(r *reader) error {
		var err error
		inv, err = scanInvitation(r.row(`SELECT `+invitationColumns+` FROM invitations WHERE token_hash = ?`, tokenHash))
		return err
	})
	if err == sql.ErrNoRows {
		return store.Invitation{}, errNoInvitation()
	}
	if err != nil {
		return store.Invitation{}, accountError(err, "load invitation")
	}
	return inv, nil
}

func errNoInvitation() error {
	return plan.Errorf(plan.ENotFound, "there is no such invitation: check that the whole link was copied")
}

// AcceptInvitation uses the invitation once, in one transaction. Where no
// user has the invitation's e-mail, it creates one with the name (the
// invitation's where name is ""), the password hash, and the invitation's
// organisation and system admin. Where one has, it keeps that user as it is,
// except that an invitation to be a system admin makes them one. Either way
// it gives the user the invitation's role, replacing any other they had in
// the programme, and marks the invitation used at now. A used or expired
// invitation is plan.EConflict.
//
// Of several calls at once with the same token, one succeeds and the others
// find the invitation used: SQLite runs them one after another, and
// PostgreSQL aborts all but the first to mark it (serializable), after which
// write runs them again.
func (s *Store) AcceptInvitation(ctx context.Context, tokenHash, name, passwordHash string, now time.Time) (store.User, error) {
	now = roundTime(now)
	var u store.User
	err := s.write(ctx, func(w *writer) error {
		row, err := w.queryRow(`SELECT `+invitationColumns+` FROM invitations WHERE token_hash = ?`, tokenHash)
		if err != nil {
			return err
		}
		inv, err := scanInvitation(row)
		if err == sql.ErrNoRows {
			return errNoInvitation()
		}
		if err != nil {
			return err
		}
		if inv.UsedAt != nil {
			return plan.Errorf(plan.EConflict, "this invitation was used on %s and cannot be used again",
				inv.UsedAt.Format(time.DateOnly))
		}
		if !now.Before(inv.ExpiresAt) {
			return plan.Errorf(plan.EConflict, "this invitation expired on %s: ask for a new one",
				inv.ExpiresAt.Format(time.DateOnly))
		}
		// Mark it used first: where another transaction got there
		// before, nothing else is done.
		n, err := w.execCount(`UPDATE invitations SET used_at = ? WHERE id = ? AND used_at IS NULL`,
			dbTime(now), inv.ID)
		if err != nil {
			return err
		}
		if n == 0 {
			return plan.Errorf(plan.EConflict, "this invitation has already been used")
		}

		row, err = w.queryRow(`SELECT `+userColumns+` FROM users u WHERE lower(u.email) = lower(?)`, inv.Email)
		if err != nil {
			return err
		}
		u, err = scanUser(row)
		switch {
		case err == sql.ErrNoRows:
			u = store.User{Email: inv.Email, Name: name, Organisation: inv.Organisation,
				SystemAdmin: inv.SystemAdmin, CatalogueEditor: inv.CatalogueEditor, PasswordHash: passwordHash, CreatedAt: now}
			if u.Name == "" {
				u.Name = inv.Name
			}
			if u.ID, err = w.createUser(u); err != nil {
				return err
			}
		case err != nil:
			return err
		default:
			// An invitation only adds: accepting one never takes a mark
			// away from an existing user.
			u.SystemAdmin = u.SystemAdmin || inv.SystemAdmin
			u.CatalogueEditor = u.CatalogueEditor || inv.CatalogueEditor
			if err := w.exec(`UPDATE users SET system_admin = ?, catalogue_editor = ? WHERE id = ?`,
				u.SystemAdmin, u.CatalogueEditor, u.ID); err != nil {
				return err
			}
		}
		if inv.Programme != "" {
			return w.setRole(u.ID, inv.Programme, inv.Role)
		}
		return nil
	})
	if err != nil {
		return store.User{}, accountError(err, "accept invitation")
	}
	return u, nil
}
