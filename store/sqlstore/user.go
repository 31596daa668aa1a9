package sqlstore

import (
	"context"
	"database/sql"
	"time"

	"planverk/plan"
	"planverk/store"
)

const userColumns = `u.id, u.email, u.name, u.organisation, u.system_admin, u.catalogue_editor, u.password_hash,
	u.oidc_issuer, u.oidc_subject, u.disabled, u.created_at`

// scanUser reads userColumns and then, into extra, any columns after them.
func scanUser(sc scanner, extra ...any) (store.User, error) {
	var u store.User
	var created any
	err := sc.Scan(append([]any{&u.ID, &u.Email, &u.Name, &u.Organisation, &u.SystemAdmin, &u.CatalogueEditor, &u.PasswordHash,
		&u.OIDCIssuer, &u.OIDCSubject, &u.Disabled, &created}, extra...)...)
	if err != nil {
		return u, err
	}
	u.CreatedAt, err = timeOf(created)
	return u, err
}

// checkUser is what the tables require of a user.
func checkUser(u store.User) error {
	if u.Email == "" {
		return plan.Errorf(plan.EInvalid, "a user needs an e-mail address")
	}
	if (u.OIDCIssuer == "") != (u.OIDCSubject == "") {
		return plan.Errorf(plan.EInvalid, "user %s: an OpenID link needs both an issuer and a subject", u.Email)
	}
	return nil
}

// CreateUser adds a user and returns it with its id. A user with the same
// e-mail, in whatever case, is a plan.EConflict error. CreatedAt is now
// where u leaves it zero.
func (s *Store) CreateUser(ctx context.Context, u store.User) (store.User, error) {
	if err := checkUser(u); err != nil {
		return store.User{}, err
	}
	if u.CreatedAt.IsZero() {
		u.CreatedAt = time.Now()
	}
	u.CreatedAt = roundTime(u.CreatedAt)
	err := s.write(ctx, func(w *writer) error {
		var err error
		u.ID, err = w.createUser(u)
		return err
	})
	if err != nil {
		return store.User{}, accountError(err, "create user %s", u.Email)
	}
	return u, nil
}

// createUser inserts a user. The unique indexes on the e-mail and the OpenID
// link would refuse a second one too, but each engine says so in its own
// words; looking first, in the same transaction, says it the same way on
// both. That is safe: SQLite runs one write at a time, and PostgreSQL's
// serializable transactions make a concurrent insert of the same e-mail fail
// as a serialization failure, which write runs again, and then the look
// finds the other's row.
func (w *writer) createUser(u store.User) (int64, error) {
	taken, err := w.exists(`SELECT 1 FROM users WHERE lower(email) = lower(?)`, u.Email)
	if err != nil {
		return 0, err
	}
	if taken {
		return 0, plan.Errorf(plan.EConflict, "there is already a user with the e-mail address %s", u.Email)
	}
	if err := w.checkOIDCFree(u); err != nil {
		return 0, err
	}
	return w.insert(`
		INSERT INTO users (email, name, organisation, system_admin, catalogue_editor, password_hash,
			oidc_issuer, oidc_subject, disabled, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		u.Email, u.Name, u.Organisation, u.SystemAdmin, u.CatalogueEditor, u.PasswordHash,
		u.OIDCIssuer, u.OIDCSubject, u.Disabled, dbTime(u.CreatedAt))
}

// checkOIDCFree refuses an OpenID identity that another user already has.
func (w *writer) checkOIDCFree(u store.User) error {
	if u.OIDCSubject == "" {
		return nil
	}
	taken, err := w.exists(`
		SELECT 1 FROM users
		WHERE oidc_issuer = ? AND oidc_subject = ? AND oidc_subject <> '' AND id <> ?`,
		u.OIDCIssuer, u.OIDCSubject, u.ID)
	if err != nil {
		return err
	}
	if taken {
		return plan.Errorf(plan.EConflict, "another user is already linked to this OpenID identity (%s at %s)",
			u.OIDCSubject, u.OIDCIssuer)
	}
	return nil
}

// User returns the user with the id.
func (s *Store) User(ctx context.Context, id int64) (store.User, error) {
	u, err := s.oneUser(ctx, `WHERE u.id = ?`, id)
	if err == sql.ErrNoRows {
		return u, plan.Errorf(plan.ENotFound, "no user with id %d", id)
	}
	return u, accountError(err, "load user %d", id)
}

// UserByEmail returns the user with the e-mail, in whatever case.
func (s *Store) UserByEmail(ctx context.Context, email string) (store.User, error) {
	u, err := s.oneUser(ctx, `WHERE lower(u.email) = lower(?)`, email)
	if err == sql.ErrNoRows {
		return u, plan.Errorf(plan.ENotFound, "no user with the e-mail address %s", email)
	}
	return u, accountError(err, "load user %s", email)
}

// UserByOIDC returns the user linked to an OpenID identity.
func (s *Store) UserByOIDC(ctx context.Context, issuer, subject string) (store.User, error) {
	// oidc_subject <> '' lets both engines use the partial unique index, and
	// keeps users without a link from matching an empty subject.
	u, err := s.oneUser(ctx, `WHERE u.oidc_issuer = ? AND u.oidc_subject = ? AND u.oidc_subject <> ''`,
		issuer, subject)
	if err == sql.ErrNoRows {
		return u, plan.Errorf(plan.ENotFound, "no user is linked to the OpenID identity %s at %s", subject, issuer)
	}
	return u, accountError(err, "load user by OpenID identity %s at %s", subject, issuer)
}

// oneUser reads the user a WHERE clause selects, or sql.ErrNoRows.
func (s *Store) oneUser(ctx context.Context, where string, args ...any) (store.User, error) {
	var u store.User
	err := s.read(ctx, func(r *reader) error {
		var err error
		u, err = scanUser(r.row(`SELECT `+userColumns+` FROM users u `+where, args...))
		return err
	})
	if err != nil {
		return store.User{}, err
	}
	return u, nil
}

// Users lists every user, by name.
func (s *Store) Users(ctx context.Context) ([]store.User, error) {
	var out []store.User
	err := s.read(ctx, func(r *reader) error {
		return r.each(`SELECT `+userColumns+` FROM users u`, nil, func(rows *sql.Rows) error {
			u, err := scanUser(rows)
			out = append(out, u)
			return err
		})
	})
	if err != nil {
		return nil, accountError(err, "list users")
	}
	sortByName(out, func(u store.User) string { return u.Name }, func(u store.User) string { return u.Email })
	return out, nil
}

// UpdateUser changes a user's name, organisation, system admin, disabled and
// OpenID link; not the e-mail, the password or the creation time.
func (s *Store) UpdateUser(ctx context.Context, u store.User) error {
	if (u.OIDCIssuer == "") != (u.OIDCSubject == "") {
		return plan.Errorf(plan.EInvalid, "user %d: an OpenID link needs both an issuer and a subject", u.ID)
	}
	err := s.write(ctx, func(w *writer) error {
		if err := w.userExists(u.ID); err != nil {
			return err
		}
		if err := w.checkOIDCFree(u); err != nil {
			return err
		}
		return w.exec(`
			UPDATE users SET name = ?, organisation = ?, system_admin = ?, catalogue_editor = ?,
				disabled = ?, oidc_issuer = ?, oidc_subject = ?
			WHERE id = ?`,
			u.Name, u.Organisation, u.SystemAdmin, u.CatalogueEditor, u.Disabled, u.OIDCIssuer, u.OIDCSubject, u.ID)
	})
	return accountError(err, "update user %d", u.ID)
}

// SetPassword replaces a user's password hash; "" leaves the user without a
// password.
func (s *Store) SetPassword(ctx context.Context, userID int64, hash string) error {
	err := s.write(ctx, func(w *writer) error {
		n, err := w.execCount(`UPDATE users SET password_hash = ? WHERE id = ?`, hash, userID)
		if err == nil && n == 0 {
			return plan.Errorf(plan.ENotFound, "no user with id %d", userID)
		}
		return err
	})
	return accountError(err, "set password of user %d", userID)
}

// userExists is a plan.ENotFound error for an unknown user.
func (r *reader) userExists(id int64) error {
	var ok bool
	if err := r.row(`SELECT EXISTS (SELECT 1 FROM users WHERE id = ?)`, id).Scan(&ok); err != nil {
		return err
	}
	if !ok {
		return plan.Errorf(plan.ENotFound, "no user with id %d", id)
	}
	return nil
}

// userExists is a plan.ENotFound error for an unknown user.
func (w *writer) userExists(id int64) error {
	ok, err := w.exists(`SELECT 1 FROM users WHERE id = ?`, id)
	if err != nil {
		return err
	}
	if !ok {
		return plan.Errorf(plan.ENotFound, "no user with id %d", id)
	}
	return nil
}
