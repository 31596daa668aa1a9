package store

import (
	"context"
	"time"

	"planverk/auth"
)

// User is a person who logs in to planverk.
type User struct {
	ID int64
	// Email is unique, compared without regard to case, and kept as typed.
	Email string
	Name  string
	// Organisation is the key of the organisation the user works for, or "".
	Organisation string
	SystemAdmin  bool
	// CatalogueEditor maintains the support-scheme catalogue and its
	// glossary, which belong to the whole installation, without being a
	// system administrator.
	CatalogueEditor bool
	// PasswordHash is an argon2id hash (auth.HashPassword), or "" for a user
	// who logs in only through OpenID Connect or has not yet set one.
	PasswordHash string
	// OIDCIssuer and OIDCSubject link the user to an OpenID identity once
	// they have logged in through one; "" before that.
	OIDCIssuer  string
	OIDCSubject string
	Disabled    bool
	CreatedAt   time.Time
}

// Member is a user with a role in a programme.
type Member struct {
	User User
	Role auth.Role
}

// Invitation is a one-time link that lets a person create their account
// (or, for an existing user, take a role) in a programme.
type Invitation struct {
	ID int64
	// TokenHash is auth.HashToken of the link's token; the token itself is
	// never stored.
	TokenHash    string
	Email        string
	Name         string
	Organisation string
	// Programme and Role are the role the invitation gives; Programme ""
	// gives none (an installation-wide invitation by a system admin).
	Programme   string
	Role        auth.Role
	SystemAdmin bool
	// CatalogueEditor makes the person a catalogue editor (User).
	CatalogueEditor bool
	CreatedBy       int64
	CreatedAt       time.Time
	ExpiresAt       time.Time
	// UsedAt is set when the invitation was accepted; it cannot be used again.
	UsedAt *time.Time
}

// APIToken is a bearer token for the API, with the rights of its user.
type APIToken struct {
	ID         int64
	UserID     int64
	Name       string
	TokenHash  string
	CreatedAt  time.Time
	LastUsedAt *time.Time
}

// Accounts keeps users, their roles, invitations, API tokens, sessions and
// failed log-ins. Everything lives in the database, so that several copies
// of planverk share log-ins.
//
// Errors: an unknown id, e-mail or token is plan.ENotFound; a second user
// with the same e-mail, or an invitation used or expired, is
// plan.EConflict; a value the tables cannot hold is plan.EInvalid.
type Accounts interface {
	CreateUser(ctx context.Context, u User) (User, error)
	User(ctx context.Context, id int64) (User, error)
	UserByEmail(ctx context.Context, email string) (User, error)
	UserByOIDC(ctx context.Context, issuer, subject string) (User, error)
	Users(ctx context.Context) ([]User, error)
	// UpdateUser changes name, organisation, system admin, disabled and the
	// OpenID link; not the e-mail, the password or the creation time.
	UpdateUser(ctx context.Context, u User) error
	SetPassword(ctx context.Context, userID int64, hash string) error

	// SetRole gives the user a role in the programme, replacing any other;
	// the role "" takes it away.
	SetRole(ctx context.Context, userID int64, programme string, role auth.Role) error
	// Roles returns the user's role in each programme, by programme key.
	Roles(ctx context.Context, userID int64) (map[string]auth.Role, error)
	// Members lists the programme's members, by name.
	Members(ctx context.Context, programme string) ([]Member, error)

	CreateInvitation(ctx context.Context, inv Invitation) (Invitation, error)
	// Invitation returns the invitation with the token hash, used or not.
	Invitation(ctx context.Context, tokenHash string) (Invitation, error)
	// AcceptInvitation uses the invitation once, in one transaction: it
	// creates the user (with name and password hash) or, where a user with
	// the invitation's e-mail exists, keeps that user, gives the role, and
	// marks the invitation used. A used or expired invitation is
	// plan.EConflict.
	AcceptInvitation(ctx context.Context, tokenHash, name, passwordHash string, now time.Time) (User, error)

	CreateAPIToken(ctx context.Context, t APIToken) (APIToken, error)
	// UserByAPIToken returns the enabled user a token belongs to and notes
	// when the token was last used, to the minute: a use less than a minute
	// after the noted one writes nothing.
	UserByAPIToken(ctx context.Context, tokenHash string, now time.Time) (User, error)
	APITokens(ctx context.Context, userID int64) ([]APIToken, error)
	DeleteAPIToken(ctx context.Context, userID, tokenID int64) error

	// Sessions, for github.com/alexedwards/scs (see store/sqlstore).
	SessionFind(ctx context.Context, token string, now time.Time) (data []byte, found bool, err error)
	SessionCommit(ctx context.Context, token string, data []byte, expiry time.Time) error
	SessionDelete(ctx context.Context, token string) error
	// SessionDeleteExpired removes sessions that expired before now.
	SessionDeleteExpired(ctx context.Context, now time.Time) error

	// RecordLoginFailure notes a failed log-in for a key (an e-mail or an
	// address), and LoginFailures counts those since a time.
	RecordLoginFailure(ctx context.Context, key string, at time.Time) error
	LoginFailures(ctx context.Context, key string, since time.Time) (int, error)
	// ClearLoginFailures forgets a key's failures, after a good log-in.
	ClearLoginFailures(ctx context.Context, key string) error
}
