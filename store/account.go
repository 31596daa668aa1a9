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
	// ExpiresAt is when the token stops working; nil for a token made
	// before tokens expired, which never does.
	ExpiresAt *time.Time
}

// LoginKind is what a counter of log-in attempts counts by.
type LoginKind string

// The kinds of log-in counters (auth/throttle.go says how each is used).
const (
	// LoginPair counts the attempts at one account from one client address.
	LoginPair LoginKind = "pair"
	// LoginAddress counts the attempts from one client address.
	LoginAddress LoginKind = "address"
	// LoginAccount counts the attempts at one account from everywhere.
	LoginAccount LoginKind = "account"
)

// LoginKey names a counter of log-in attempts. Email is the address typed
// at the log-in, in lower case, whether an account has it or not; "" for
// LoginAddress. Address is the client's address; "" for LoginAccount.
type LoginKey struct {
	Kind    LoginKind
	Email   string
	Address string
}

// LoginAttempt is a key to count an attempt under, and the number of
// earlier attempts within the window from which the key is blocked; 0 never
// blocks.
type LoginAttempt struct {
	Key        LoginKey
	BlockAfter int
}

// LoginCount is a counter of log-in attempts.
type LoginCount struct {
	LoginKey
	// Since is when the window began; Attempts is how many attempts are
	// counted in it.
	Since    time.Time
	Attempts int
	// BlockedUntil is when the key's block ends, nil where it has none.
	BlockedUntil *time.Time
	// NewlyBlocked is set on the one attempt that began the block.
	NewlyBlocked bool
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
	// after the noted one writes nothing. A token expired at now is
	// plan.EUnauthorized, with a message that says so.
	UserByAPIToken(ctx context.Context, tokenHash string, now time.Time) (User, error)
	APITokens(ctx context.Context, userID int64) ([]APIToken, error)
	DeleteAPIToken(ctx context.Context, userID, tokenID int64) error

	// Sessions, for github.com/alexedwards/scs (see store/sqlstore). The
	// store keeps the SHA-256 of each token, never the token itself.
	SessionFind(ctx context.Context, token string, now time.Time) (data []byte, found bool, err error)
	SessionCommit(ctx context.Context, token string, data []byte, expiry time.Time) error
	SessionDelete(ctx context.Context, token string) error
	// SessionDeleteExpired removes sessions that expired before now.
	SessionDeleteExpired(ctx context.Context, now time.Time) error

	// CountLoginAttempt counts one log-in attempt under each key at once,
	// in one transaction, and returns each key's counter with this attempt
	// in it. The count is atomic: of parallel attempts under one key each
	// sees a different number, so none can pass a limit by racing. A
	// counter whose window began more than window before at, and that is
	// not blocked at at, starts again from 1. A key whose count before this
	// attempt reaches its BlockAfter (above 0) is blocked until at + window;
	// the counter says NewlyBlocked on the attempt that blocked it.
	CountLoginAttempt(ctx context.Context, attempts []LoginAttempt, at time.Time, window time.Duration) ([]LoginCount, error)
	// UncountLoginAttempt takes one attempt back from each key: a good
	// log-in, or one turned away before its password was checked, is no
	// failure.
	UncountLoginAttempt(ctx context.Context, keys []LoginKey) error
	// ClearLoginAttempts forgets a key's counter and lifts its block: after a
	// good log-in of a pair, or when an administrator lifts a block. An
	// unknown key is no error.
	ClearLoginAttempts(ctx context.Context, key LoginKey) error
	// LoginBlocks lists the keys blocked at now, the latest block first.
	LoginBlocks(ctx context.Context, now time.Time) ([]LoginCount, error)
	// DeleteLoginAttemptsBefore forgets the counters whose window began
	// before a time and that are not blocked at it.
	DeleteLoginAttemptsBefore(ctx context.Context, before time.Time) error
}
