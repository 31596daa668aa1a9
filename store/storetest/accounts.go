package storetest

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/alexedwards/scs/v2"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"planverk/auth"
	"planverk/plan"
	"planverk/store"
	"planverk/store/sqlstore"
)

// RunAccounts runs the accounts suite (store.Accounts) on an engine whose
// stores keep accounts as well as plans.
func RunAccounts(t *testing.T, newDB NewDatabase) {
	newDB = inParallel(newDB)
	a := accountsSuite{newDB}
	for _, tt := range []struct {
		name string
		test func(*testing.T)
	}{
		{"Users", a.testUsers},
		{"EmailUnique", a.testEmailUnique},
		{"NotFound", a.testNotFound},
		{"Invalid", a.testInvalid},
		{"UpdateUser", a.testUpdateUser},
		{"Roles", a.testRoles},
		{"Invitations", a.testInvitations},
		{"ConcurrentAccept", a.testConcurrentAccept},
		{"APITokens", a.testAPITokens},
		{"APITokenExpiry", a.testAPITokenExpiry},
		{"Sessions", a.testSessions},
		{"SessionManager", a.testSessionManager},
		{"LoginAttempts", a.testLoginAttempts},
		{"LoginAttemptsParallel", a.testLoginAttemptsParallel},
		{"Reopen", a.testReopen},
	} {
		t.Run(tt.name, tt.test)
	}
}

type accountsSuite struct{ newDB NewDatabase }

// asAccounts returns the store's accounts.
func asAccounts(t *testing.T, s store.Store) store.Accounts {
	t.Helper()
	a, ok := s.(store.Accounts)
	if !ok {
		t.Fatalf("%T does not keep accounts (store.Accounts)", s)
	}
	return a
}

// openTest opens a new, empty database.
func (a accountsSuite) openTest(t *testing.T) store.Accounts {
	t.Helper()
	return asAccounts(t, open(t, a.newDB(t)))
}

// t0 has nanoseconds and a zone other than UTC, so that the tests see the
// store keep times in UTC to the microsecond.
var t0 = time.Date(2025, 3, 14, 9, 26, 53, 589793238, time.FixedZone("CET", 3600))

// stored is a time as the store gives it back.
func stored(t time.Time) time.Time { return t.UTC().Truncate(time.Microsecond) }

func storedPtr(t time.Time) *time.Time { v := stored(t); return &v }

// wantCode fails the test unless err is a *plan.Error with the code.
func wantCode(t *testing.T, what string, err error, code string) {
	t.Helper()
	if got := plan.ErrorCode(err); got != code {
		t.Errorf("%s: error %v has code %q, want %q", what, err, got, code)
	}
}

func createUser(t *testing.T, a store.Accounts, u store.User) store.User {
	t.Helper()
	got, err := a.CreateUser(context.Background(), u)
	if err != nil {
		t.Fatalf("CreateUser(%s): %v", u.Email, err)
	}
	return got
}

func getUser(t *testing.T, a store.Accounts, id int64) store.User {
	t.Helper()
	u, err := a.User(context.Background(), id)
	if err != nil {
		t.Fatalf("User(%d): %v", id, err)
	}
	return u
}

func roles(t *testing.T, a store.Accounts, userID int64) map[string]auth.Role {
	t.Helper()
	r, err := a.Roles(context.Background(), userID)
	if err != nil {
		t.Fatalf("Roles(%d): %v", userID, err)
	}
	return r
}

func userNames(us []store.User) []string {
	var names []string
	for _, u := range us {
		names = append(names, u.Name)
	}
	return names
}

// checkUTC fails the test for a time the store gave back in another zone.
func checkUTC(t *testing.T, what string, tm time.Time) {
	t.Helper()
	if tm.Location() != time.UTC {
		t.Errorf("%s = %v, want it in UTC", what, tm)
	}
}

func (a accountsSuite) testUsers(t *testing.T) {
	ctx := context.Background()
	s := a.openTest(t)
	in := store.User{
		Email:        "Kari.Nordmann@Example.no",
		Name:         "Kari Nordmann",
		Organisation: "vest-telemark",
		PasswordHash: "$argon2id$v=19$m=65536,t=1,p=4$c2FsdA$aGFzaA",
		CreatedAt:    t0,
	}
	kari := createUser(t, s, in)
	if kari.ID == 0 {
		t.Fatal("CreateUser gave the user no id")
	}
	want := in
	want.ID = kari.ID
	want.CreatedAt = stored(t0)
	if diff := cmp.Diff(want, kari); diff != "" {
		t.Errorf("CreateUser (-want +got):\n%s", diff)
	}
	got := getUser(t, s, kari.ID)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("User (-created +loaded):\n%s", diff)
	}
	checkUTC(t, "CreatedAt", got.CreatedAt)
	// The e-mail is kept as typed and found in any case.
	got, err := s.UserByEmail(ctx, "kari.nordmann@example.NO")
	if err != nil {
		t.Fatalf("UserByEmail in other case: %v", err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("UserByEmail (-created +loaded):\n%s", diff)
	}

	// A user created without a time was created now.
	before := time.Now()
	bjorn := createUser(t, s, store.User{Email: "bjorn@example.no", Name: "Bjørn Berg"})
	if bjorn.CreatedAt.Before(before.Add(-time.Second)) || bjorn.CreatedAt.After(time.Now().Add(time.Second)) {
		t.Errorf("CreatedAt = %v, want about now", bjorn.CreatedAt)
	}
	if got := getUser(t, s, bjorn.ID); !got.CreatedAt.Equal(bjorn.CreatedAt) {
		t.Errorf("CreatedAt loaded = %v, want %v as CreateUser gave it", got.CreatedAt, bjorn.CreatedAt)
	}
	if bjorn.ID == kari.ID {
		t.Errorf("two users have id %d", kari.ID)
	}
	createUser(t, s, store.User{Email: "anne@example.no", Name: "anne aas"})
	createUser(t, s, store.User{Email: "zoe@example.no", Name: "Zoe Zahl"})

	users, err := s.Users(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// By name, as people read names: case does not come first.
	if got, want := userNames(users), []string{"anne aas", "Bjørn Berg", "Kari Nordmann", "Zoe Zahl"}; !cmp.Equal(got, want) {
		t.Errorf("Users = %q, want %q", got, want)
	}
}

func (a accountsSuite) testEmailUnique(t *testing.T) {
	ctx := context.Background()
	s := a.openTest(t)
	ola := createUser(t, s, store.User{Email: "ola@example.no", Name: "Ola"})
	_, err := s.CreateUser(ctx, store.User{Email: "OLA@Example.NO", Name: "Ola again"})
	wantCode(t, "second user with the e-mail in other case", err, plan.EConflict)
	if err != nil && !strings.Contains(err.Error(), "OLA@Example.NO") {
		t.Errorf("error %q does not name the e-mail address", err)
	}
	users, err := s.Users(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(users) != 1 || users[0].Name != "Ola" {
		t.Errorf("Users = %+v, want only the first Ola", users)
	}

	// An OpenID identity belongs to one user.
	linked := createUser(t, s, store.User{Email: "kari@example.no", OIDCIssuer: "https://idporten.no", OIDCSubject: "abc"})
	_, err = s.CreateUser(ctx, store.User{Email: "kari2@example.no", OIDCIssuer: "https://idporten.no", OIDCSubject: "abc"})
	wantCode(t, "second user with the OpenID identity", err, plan.EConflict)
	ola.OIDCIssuer, ola.OIDCSubject = "https://idporten.no", "abc"
	wantCode(t, "linking a second user to the OpenID identity", s.UpdateUser(ctx, ola), plan.EConflict)
	got, err := s.UserByOIDC(ctx, "https://idporten.no", "abc")
	if err != nil {
		t.Fatal(err)
	}
	if got.ID != linked.ID {
		t.Errorf("UserByOIDC gave user %d, want %d", got.ID, linked.ID)
	}
	// The same subject at another issuer is another identity.
	createUser(t, s, store.User{Email: "kari3@example.no", OIDCIssuer: "https://ansattporten.no", OIDCSubject: "abc"})
}

func (a accountsSuite) testNotFound(t *testing.T) {
	ctx := context.Background()
	s := a.openTest(t)
	u := createUser(t, s, store.User{Email: "kari@example.no", Name: "Kari"})
	const nobody = 999_999
	errs := map[string]error{}
	_, errs["User"] = s.User(ctx, nobody)
	_, errs["UserByEmail"] = s.UserByEmail(ctx, "nobody@example.no")
	_, errs["UserByEmail empty"] = s.UserByEmail(ctx, "")
	_, errs["UserByOIDC"] = s.UserByOIDC(ctx, "https://idporten.no", "abc")
	_, errs["UserByOIDC of a user without a link"] = s.UserByOIDC(ctx, "", "")
	errs["UpdateUser"] = s.UpdateUser(ctx, store.User{ID: nobody, Name: "X"})
	errs["SetPassword"] = s.SetPassword(ctx, nobody, "x")
	errs["SetRole"] = s.SetRole(ctx, nobody, "driv", auth.RoleReader)
	_, errs["Roles"] = s.Roles(ctx, nobody)
	_, errs["Invitation"] = s.Invitation(ctx, auth.HashToken("inv_nope"))
	_, errs["AcceptInvitation"] = s.AcceptInvitation(ctx, auth.HashToken("inv_nope"), "X", "", t0)
	_, errs["CreateInvitation by unknown user"] = s.CreateInvitation(ctx, store.Invitation{
		TokenHash: auth.HashToken("inv_x"), Email: "x@example.no", CreatedBy: nobody, ExpiresAt: t0})
	_, errs["CreateAPIToken for unknown user"] = s.CreateAPIToken(ctx, store.APIToken{
		UserID: nobody, Name: "CI", TokenHash: auth.HashToken("pvk_x")})
	_, errs["UserByAPIToken"] = s.UserByAPIToken(ctx, auth.HashToken("pvk_nope"), t0)
	_, errs["APITokens"] = s.APITokens(ctx, nobody)
	errs["DeleteAPIToken"] = s.DeleteAPIToken(ctx, u.ID, nobody)
	for name, err := range errs {
		wantCode(t, name, err, plan.ENotFound)
	}
	// A user, not (nil, nil) or a zero user, comes back only when found.
	if got, err := s.User(ctx, nobody); err == nil || got.ID != 0 {
		t.Errorf("User(unknown) = %+v, %v", got, err)
	}
	// Nothing above changed the user that exists.
	if got := getUser(t, s, u.ID); got.Name != "Kari" || got.PasswordHash != "" {
		t.Errorf("user after the failed calls = %+v", got)
	}
}

func (a accountsSuite) testInvalid(t *testing.T) {
	ctx := context.Background()
	s := a.openTest(t)
	u := createUser(t, s, store.User{Email: "kari@example.no"})
	inv := func(change func(*store.Invitation)) error {
		i := store.Invitation{TokenHash: auth.HashToken("inv_x"), Email: "ny@example.no",
			Programme: "driv", Role: auth.RoleEditor, ExpiresAt: t0.Add(time.Hour)}
		change(&i)
		_, err := s.CreateInvitation(ctx, i)
		return err
	}
	errs := map[string]error{}
	_, errs["user without e-mail"] = s.CreateUser(ctx, store.User{Name: "Kari"})
	_, errs["user with issuer but no subject"] = s.CreateUser(ctx, store.User{Email: "x@example.no", OIDCIssuer: "https://idporten.no"})
	errs["update to subject without issuer"] = s.UpdateUser(ctx, store.User{ID: u.ID, OIDCSubject: "abc"})
	errs["unknown role"] = s.SetRole(ctx, u.ID, "driv", "owner")
	errs["role in no programme"] = s.SetRole(ctx, u.ID, "", auth.RoleReader)
	errs["invitation without token"] = inv(func(i *store.Invitation) { i.TokenHash = "" })
	errs["invitation without e-mail"] = inv(func(i *store.Invitation) { i.Email = "" })
	errs["invitation without expiry"] = inv(func(i *store.Invitation) { i.ExpiresAt = time.Time{} })
	errs["invitation with role but no programme"] = inv(func(i *store.Invitation) { i.Programme = "" })
	errs["invitation to programme without role"] = inv(func(i *store.Invitation) { i.Role = "" })
	errs["invitation with unknown role"] = inv(func(i *store.Invitation) { i.Role = "owner" })
	_, errs["API token without hash"] = s.CreateAPIToken(ctx, store.APIToken{UserID: u.ID, Name: "CI"})
	_, errs["login attempt without key"] = s.CountLoginAttempt(ctx, []store.LoginAttempt{{Key: store.LoginKey{Kind: store.LoginPair}}}, t0, time.Minute)
	for name, err := range errs {
		wantCode(t, name, err, plan.EInvalid)
	}
	if got := roles(t, s, u.ID); len(got) != 0 {
		t.Errorf("refused roles were given: %v", got)
	}
	if _, err := s.Invitation(ctx, auth.HashToken("inv_x")); plan.ErrorCode(err) != plan.ENotFound {
		t.Errorf("a refused invitation was stored (Invitation error %v)", err)
	}
}

func (a accountsSuite) testUpdateUser(t *testing.T) {
	ctx := context.Background()
	s := a.openTest(t)
	u := createUser(t, s, store.User{Email: "kari@example.no", Name: "Kari", PasswordHash: "hash-1", CreatedAt: t0})
	other := createUser(t, s, store.User{Email: "ola@example.no", Name: "Ola"})

	changed := u
	changed.Name = "Kari Nordmann"
	changed.Organisation = "drangedal-kommune"
	changed.SystemAdmin = true
	changed.CatalogueEditor = true
	changed.Disabled = true
	changed.OIDCIssuer = "https://idporten.no"
	changed.OIDCSubject = "kari-sub"
	// Not changed by UpdateUser:
	changed.Email = "kari.ny@example.no"
	changed.PasswordHash = "hash-2"
	changed.CreatedAt = t0.Add(time.Hour)
	if err := s.UpdateUser(ctx, changed); err != nil {
		t.Fatal(err)
	}
	want := changed
	want.Email, want.PasswordHash, want.CreatedAt = u.Email, u.PasswordHash, u.CreatedAt
	if diff := cmp.Diff(want, getUser(t, s, u.ID)); diff != "" {
		t.Errorf("user after UpdateUser (-want +got):\n%s", diff)
	}
	got, err := s.UserByOIDC(ctx, "https://idporten.no", "kari-sub")
	if err != nil {
		t.Fatal(err)
	}
	if got.ID != u.ID {
		t.Errorf("UserByOIDC gave user %d, want %d", got.ID, u.ID)
	}
	if got := getUser(t, s, other.ID); got.Name != "Ola" || got.SystemAdmin || got.Disabled {
		t.Errorf("the other user changed too: %+v", got)
	}

	if err := s.SetPassword(ctx, u.ID, "hash-3"); err != nil {
		t.Fatal(err)
	}
	if got := getUser(t, s, u.ID); got.PasswordHash != "hash-3" || got.Name != "Kari Nordmann" {
		t.Errorf("after SetPassword: %+v, want hash-3 and the name kept", got)
	}
	if err := s.SetPassword(ctx, u.ID, ""); err != nil {
		t.Fatal(err)
	}
	if got := getUser(t, s, u.ID); got.PasswordHash != "" {
		t.Errorf("PasswordHash = %q after setting none", got.PasswordHash)
	}

	// Taking the OpenID link away.
	want.OIDCIssuer, want.OIDCSubject = "", ""
	if err := s.UpdateUser(ctx, want); err != nil {
		t.Fatal(err)
	}
	_, err = s.UserByOIDC(ctx, "https://idporten.no", "kari-sub")
	wantCode(t, "UserByOIDC after unlinking", err, plan.ENotFound)
}

func (a accountsSuite) testRoles(t *testing.T) {
	ctx := context.Background()
	opener := a.newDB(t)
	s := asAccounts(t, open(t, opener))
	oystein := createUser(t, s, store.User{Email: "oystein@example.no", Name: "Øystein"})
	anne := createUser(t, s, store.User{Email: "anne@example.no", Name: "Anne"})
	eva := createUser(t, s, store.User{Email: "eva@example.no", Name: "eva"})
	bjorn := createUser(t, s, store.User{Email: "bjorn@example.no", Name: "Bjørn"})
	set := func(u store.User, programme string, role auth.Role) {
		t.Helper()
		if err := s.SetRole(ctx, u.ID, programme, role); err != nil {
			t.Fatalf("SetRole(%s, %s, %q): %v", u.Name, programme, role, err)
		}
	}
	// Programmes need not be stored: roles come before plans are imported.
	set(oystein, "driv", auth.RoleEditor)
	set(anne, "driv", auth.RoleReader)
	set(eva, "driv", auth.RoleAdmin)
	set(bjorn, "vt-bygdevekst", auth.RoleLead)
	set(oystein, "vt-bygdevekst", auth.RoleReader)
	want := map[string]auth.Role{"driv": auth.RoleEditor, "vt-bygdevekst": auth.RoleReader}
	if diff := cmp.Diff(want, roles(t, s, oystein.ID)); diff != "" {
		t.Errorf("Roles (-want +got):\n%s", diff)
	}

	set(oystein, "driv", auth.RoleAdmin) // replaces editor
	set(oystein, "vt-bygdevekst", "")    // takes reader away
	set(anne, "nope", "")                // takes away a role she never had
	want = map[string]auth.Role{"driv": auth.RoleAdmin}
	if diff := cmp.Diff(want, roles(t, s, oystein.ID)); diff != "" {
		t.Errorf("Roles after replacing and removing (-want +got):\n%s", diff)
	}
	if got := roles(t, s, createUser(t, s, store.User{Email: "ny@example.no"}).ID); len(got) != 0 {
		t.Errorf("Roles of a new user = %v, want none", got)
	}

	members, err := s.Members(ctx, "driv")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, m := range members {
		got = append(got, fmt.Sprintf("%s %s", m.User.Name, m.Role))
	}
	// By name, case second.
	if want := []string{"Anne reader", "eva admin", "Øystein admin"}; !cmp.Equal(want, got) {
		t.Errorf("Members(driv) = %q, want %q", got, want)
	}
	if len(members) > 0 && (members[0].User.ID != anne.ID || members[0].User.Email != "anne@example.no") {
		t.Errorf("Members[0].User = %+v, want Anne's whole record", members[0].User)
	}
	members, err = s.Members(ctx, "nope")
	if err != nil || len(members) != 0 {
		t.Errorf("Members(nope) = %v, %v, want none", members, err)
	}

	// The roles are in the database, not in the store value.
	s2 := asAccounts(t, open(t, opener))
	if diff := cmp.Diff(want, roles(t, s2, oystein.ID)); diff != "" {
		t.Errorf("Roles after opening the database again (-want +got):\n%s", diff)
	}
}

func (a accountsSuite) testInvitations(t *testing.T) {
	ctx := context.Background()
	s := a.openTest(t)
	admin := createUser(t, s, store.User{Email: "admin@example.no", Name: "Admin", SystemAdmin: true})
	create := func(inv store.Invitation) store.Invitation {
		t.Helper()
		got, err := s.CreateInvitation(ctx, inv)
		if err != nil {
			t.Fatalf("CreateInvitation(%s): %v", inv.Email, err)
		}
		return got
	}
	_, hash, err := auth.NewToken(auth.PrefixInvitation)
	if err != nil {
		t.Fatal(err)
	}
	in := store.Invitation{
		TokenHash: hash, Email: "Ny.Brukar@example.no", Name: "Ny Brukar", Organisation: "drangedal-kommune",
		Programme: "driv", Role: auth.RoleEditor, CreatedBy: admin.ID,
		CreatedAt: t0, ExpiresAt: t0.Add(7 * 24 * time.Hour),
	}
	inv := create(in)
	want := in
	want.ID = inv.ID
	want.CreatedAt, want.ExpiresAt = stored(in.CreatedAt), stored(in.ExpiresAt)
	if diff := cmp.Diff(want, inv); diff != "" {
		t.Errorf("CreateInvitation (-want +got):\n%s", diff)
	}
	got, err := s.Invitation(ctx, hash)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Invitation (-created +loaded):\n%s", diff)
	}
	checkUTC(t, "ExpiresAt", got.ExpiresAt)
	_, err = s.CreateInvitation(ctx, in)
	wantCode(t, "second invitation with the same token", err, plan.EConflict)

	// Accepting creates the user with the role, and uses the invitation up.
	acceptedAt := t0.Add(time.Hour)
	u, err := s.AcceptInvitation(ctx, hash, "Nora Brukar", "hash-nora", acceptedAt)
	if err != nil {
		t.Fatalf("AcceptInvitation: %v", err)
	}
	wantUser := store.User{ID: u.ID, Email: in.Email, Name: "Nora Brukar", Organisation: "drangedal-kommune",
		PasswordHash: "hash-nora", CreatedAt: stored(acceptedAt)}
	if diff := cmp.Diff(wantUser, u); diff != "" {
		t.Errorf("AcceptInvitation user (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(wantUser, getUser(t, s, u.ID)); diff != "" {
		t.Errorf("accepted user as stored (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(map[string]auth.Role{"driv": auth.RoleEditor}, roles(t, s, u.ID)); diff != "" {
		t.Errorf("roles of the accepted user (-want +got):\n%s", diff)
	}
	got, err = s.Invitation(ctx, hash)
	if err != nil {
		t.Fatal(err)
	}
	if got.UsedAt == nil || !got.UsedAt.Equal(stored(acceptedAt)) {
		t.Errorf("UsedAt = %v, want %v", got.UsedAt, stored(acceptedAt))
	}

	// Once only.
	_, err = s.AcceptInvitation(ctx, hash, "Someone Else", "hash-x", acceptedAt.Add(time.Minute))
	wantCode(t, "second accept", err, plan.EConflict)
	if got := getUser(t, s, u.ID); got.Name != "Nora Brukar" || got.PasswordHash != "hash-nora" {
		t.Errorf("a second accept changed the user: %+v", got)
	}

	// An expired invitation creates nobody and stays unused.
	_, expiredHash, _ := auth.NewToken(auth.PrefixInvitation)
	create(store.Invitation{TokenHash: expiredHash, Email: "sein@example.no", Programme: "driv",
		Role: auth.RoleReader, CreatedBy: admin.ID, CreatedAt: t0, ExpiresAt: t0.Add(time.Hour)})
	_, err = s.AcceptInvitation(ctx, expiredHash, "Sein", "hash-sein", t0.Add(2*time.Hour))
	wantCode(t, "accepting an expired invitation", err, plan.EConflict)
	_, err = s.UserByEmail(ctx, "sein@example.no")
	wantCode(t, "user of an expired invitation", err, plan.ENotFound)
	if got, err := s.Invitation(ctx, expiredHash); err != nil || got.UsedAt != nil {
		t.Errorf("expired invitation after the refused accept = %+v, %v, want unused", got, err)
	}

	// An existing user keeps who they are and takes the role.
	kari := createUser(t, s, store.User{Email: "kari@example.no", Name: "Kari", PasswordHash: "hash-kari",
		Organisation: "vest-telemark", CreatedAt: t0})
	if err := s.SetRole(ctx, kari.ID, "vt-bygdevekst", auth.RoleReader); err != nil {
		t.Fatal(err)
	}
	_, kariHash, _ := auth.NewToken(auth.PrefixInvitation)
	create(store.Invitation{TokenHash: kariHash, Email: "KARI@Example.no", Name: "K", Programme: "driv",
		Role: auth.RoleReviewer, CreatedBy: admin.ID, CreatedAt: t0, ExpiresAt: t0.Add(time.Hour)})
	got2, err := s.AcceptInvitation(ctx, kariHash, "Kari Other", "hash-other", t0.Add(time.Minute))
	if err != nil {
		t.Fatalf("AcceptInvitation for an existing user: %v", err)
	}
	if diff := cmp.Diff(kari, got2); diff != "" {
		t.Errorf("existing user after accepting (-before +after):\n%s", diff)
	}
	if diff := cmp.Diff(kari, getUser(t, s, kari.ID)); diff != "" {
		t.Errorf("existing user as stored after accepting (-before +after):\n%s", diff)
	}
	want2 := map[string]auth.Role{"vt-bygdevekst": auth.RoleReader, "driv": auth.RoleReviewer}
	if diff := cmp.Diff(want2, roles(t, s, kari.ID)); diff != "" {
		t.Errorf("roles of the existing user (-want +got):\n%s", diff)
	}

	// An installation-wide invitation, made without a user, gives no role
	// but can make a system admin.
	_, adminHash, _ := auth.NewToken(auth.PrefixInvitation)
	ai := create(store.Invitation{TokenHash: adminHash, Email: "drift@example.no", SystemAdmin: true,
		CreatedAt: t0, ExpiresAt: t0.Add(time.Hour)})
	if ai.CreatedBy != 0 {
		t.Errorf("CreatedBy = %d, want 0", ai.CreatedBy)
	}
	du, err := s.AcceptInvitation(ctx, adminHash, "", "", t0.Add(time.Minute))
	if err != nil {
		t.Fatal(err)
	}
	if !du.SystemAdmin || !getUser(t, s, du.ID).SystemAdmin {
		t.Errorf("user of a system-admin invitation is not a system admin: %+v", du)
	}
	if got := roles(t, s, du.ID); len(got) != 0 {
		t.Errorf("Roles = %v, want none", got)
	}
	// One that makes a catalogue editor, accepted by that same user: it
	// adds the mark and takes none away.
	_, catHash, _ := auth.NewToken(auth.PrefixInvitation)
	create(store.Invitation{TokenHash: catHash, Email: "drift@example.no", CatalogueEditor: true,
		CreatedAt: t0, ExpiresAt: t0.Add(time.Hour)})
	if _, err := s.AcceptInvitation(ctx, catHash, "", "", t0.Add(2*time.Minute)); err != nil {
		t.Fatal(err)
	}
	if got := getUser(t, s, du.ID); !got.CatalogueEditor || !got.SystemAdmin {
		t.Errorf("after a catalogue-editor invitation: %+v, want both marks", got)
	}

	users, err := s.Users(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(users) != 4 {
		t.Errorf("Users = %q, want Admin, Nora, Kari and the system admin", userNames(users))
	}
}

// testConcurrentAccept accepts one invitation ten times at once: once
// succeeds, the rest find it used, and there is one user.
func (a accountsSuite) testConcurrentAccept(t *testing.T) {
	ctx := context.Background()
	s := a.openTest(t)
	_, hash, err := auth.NewToken(auth.PrefixInvitation)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateInvitation(ctx, store.Invitation{TokenHash: hash, Email: "ny@example.no",
		Programme: "driv", Role: auth.RoleEditor, CreatedAt: t0, ExpiresAt: t0.Add(time.Hour)}); err != nil {
		t.Fatal(err)
	}
	const n = 10
	var wg sync.WaitGroup
	start := make(chan struct{})
	errs := make([]error, n)
	for i := range n {
		wg.Go(func() {
			<-start
			_, errs[i] = s.AcceptInvitation(ctx, hash, fmt.Sprintf("Brukar %d", i), "hash", t0.Add(time.Minute))
		})
	}
	close(start)
	wg.Wait()
	ok := 0
	for i, err := range errs {
		if err == nil {
			ok++
			continue
		}
		wantCode(t, fmt.Sprintf("accept %d", i), err, plan.EConflict)
	}
	if ok != 1 {
		t.Errorf("%d of %d concurrent accepts succeeded, want 1", ok, n)
	}
	users, err := s.Users(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(users) != 1 {
		t.Fatalf("Users = %q, want one", userNames(users))
	}
	if diff := cmp.Diff(map[string]auth.Role{"driv": auth.RoleEditor}, roles(t, s, users[0].ID)); diff != "" {
		t.Errorf("roles (-want +got):\n%s", diff)
	}
}

func (a accountsSuite) testAPITokens(t *testing.T) {
	ctx := context.Background()
	s := a.openTest(t)
	u := createUser(t, s, store.User{Email: "kari@example.no", Name: "Kari"})
	other := createUser(t, s, store.User{Email: "ola@example.no", Name: "Ola"})
	plain, hash, err := auth.NewToken(auth.PrefixAPIToken)
	if err != nil {
		t.Fatal(err)
	}
	in := store.APIToken{UserID: u.ID, Name: "CI", TokenHash: hash, CreatedAt: t0}
	tok, err := s.CreateAPIToken(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	want := in
	want.ID = tok.ID
	want.CreatedAt = stored(t0)
	if diff := cmp.Diff(want, tok); diff != "" {
		t.Errorf("CreateAPIToken (-want +got):\n%s", diff)
	}
	list := func(userID int64) []store.APIToken {
		t.Helper()
		ts, err := s.APITokens(ctx, userID)
		if err != nil {
			t.Fatalf("APITokens(%d): %v", userID, err)
		}
		return ts
	}
	if diff := cmp.Diff([]store.APIToken{want}, list(u.ID)); diff != "" {
		t.Errorf("APITokens (-want +got):\n%s", diff)
	}
	if got := list(other.ID); len(got) != 0 {
		t.Errorf("APITokens of the other user = %+v, want none", got)
	}
	_, err = s.CreateAPIToken(ctx, store.APIToken{UserID: other.ID, Name: "copy", TokenHash: hash})
	wantCode(t, "second token with the same hash", err, plan.EConflict)

	// Using the token finds its user and notes when.
	used := t0.Add(time.Minute)
	got, err := s.UserByAPIToken(ctx, auth.HashToken(plain), used)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(u, got); diff != "" {
		t.Errorf("UserByAPIToken (-want +got):\n%s", diff)
	}
	want.LastUsedAt = storedPtr(used)
	if diff := cmp.Diff([]store.APIToken{want}, list(u.ID)); diff != "" {
		t.Errorf("APITokens after use (-want +got):\n%s", diff)
	}
	// A request that started earlier but finishes later leaves the later time.
	if _, err := s.UserByAPIToken(ctx, hash, t0.Add(30*time.Second)); err != nil {
		t.Fatal(err)
	}
	if got := list(u.ID)[0].LastUsedAt; got == nil || !got.Equal(stored(used)) {
		t.Errorf("LastUsedAt = %v, want still %v", got, stored(used))
	}
	// Uses within a minute of the noted one are not written; the first a
	// minute or more later is.
	if _, err := s.UserByAPIToken(ctx, hash, used.Add(59*time.Second)); err != nil {
		t.Fatal(err)
	}
	if got := list(u.ID)[0].LastUsedAt; got == nil || !got.Equal(stored(used)) {
		t.Errorf("LastUsedAt = %v after a use 59 s later, want still %v", got, stored(used))
	}
	later := used.Add(time.Minute)
	if _, err := s.UserByAPIToken(ctx, hash, later); err != nil {
		t.Fatal(err)
	}
	if got := list(u.ID)[0].LastUsedAt; got == nil || !got.Equal(stored(later)) {
		t.Errorf("LastUsedAt = %v after a use a minute later, want %v", got, stored(later))
	}

	_, hash2, _ := auth.NewToken(auth.PrefixAPIToken)
	tok2, err := s.CreateAPIToken(ctx, store.APIToken{UserID: u.ID, Name: "Rapport", TokenHash: hash2, CreatedAt: t0})
	if err != nil {
		t.Fatal(err)
	}
	ts := list(u.ID)
	if len(ts) != 2 || ts[0].Name != "CI" || ts[1].Name != "Rapport" {
		t.Errorf("APITokens = %+v, want CI then Rapport", ts)
	}

	// Another user cannot delete it.
	wantCode(t, "deleting another user's token", s.DeleteAPIToken(ctx, other.ID, tok.ID), plan.ENotFound)
	if _, err := s.UserByAPIToken(ctx, hash, used); err != nil {
		t.Errorf("token after another user tried to delete it: %v", err)
	}
	if err := s.DeleteAPIToken(ctx, u.ID, tok.ID); err != nil {
		t.Fatal(err)
	}
	_, err = s.UserByAPIToken(ctx, hash, used)
	wantCode(t, "deleted token", err, plan.ENotFound)
	wantCode(t, "deleting it again", s.DeleteAPIToken(ctx, u.ID, tok.ID), plan.ENotFound)
	if ts := list(u.ID); len(ts) != 1 || ts[0].ID != tok2.ID {
		t.Errorf("APITokens after deleting = %+v, want Rapport only", ts)
	}

	// A disabled user's tokens open nothing, until the user is enabled again.
	u.Disabled = true
	if err := s.UpdateUser(ctx, u); err != nil {
		t.Fatal(err)
	}
	_, err = s.UserByAPIToken(ctx, hash2, used)
	wantCode(t, "token of a disabled user", err, plan.ENotFound)
	u.Disabled = false
	if err := s.UpdateUser(ctx, u); err != nil {
		t.Fatal(err)
	}
	if _, err := s.UserByAPIToken(ctx, hash2, used); err != nil {
		t.Errorf("token of a user enabled again: %v", err)
	}
}

func (a accountsSuite) testSessions(t *testing.T) {
	ctx := context.Background()
	s := a.openTest(t)
	find := func(token string, now time.Time) ([]byte, bool) {
		t.Helper()
		data, found, err := s.SessionFind(ctx, token, now)
		if err != nil {
			t.Fatalf("SessionFind(%s): %v", token, err)
		}
		return data, found
	}
	commit := func(token string, data []byte, expiry time.Time) {
		t.Helper()
		if err := s.SessionCommit(ctx, token, data, expiry); err != nil {
			t.Fatalf("SessionCommit(%s): %v", token, err)
		}
	}
	expiry := t0.Add(time.Hour)
	commit("tok", []byte("first\x00data"), expiry)
	if data, found := find("tok", t0); !found || string(data) != "first\x00data" {
		t.Errorf("SessionFind = %q, %v, want the data committed", data, found)
	}
	if _, found := find("tok", expiry.Add(-time.Microsecond)); !found {
		t.Error("session not found a microsecond before it expires")
	}
	if _, found := find("tok", expiry); found {
		t.Error("session found when it expires")
	}
	if _, found := find("unknown", t0); found {
		t.Error("unknown session found")
	}

	// Committing again replaces the data and the expiry.
	commit("tok", []byte("second"), t0.Add(3*time.Hour))
	if data, found := find("tok", t0.Add(2*time.Hour)); !found || string(data) != "second" {
		t.Errorf("SessionFind after a second commit = %q, %v, want second", data, found)
	}
	commit("empty", nil, expiry)
	if data, found := find("empty", t0); !found || len(data) != 0 {
		t.Errorf("SessionFind of a session without data = %q, %v", data, found)
	}

	if err := s.SessionDelete(ctx, "tok"); err != nil {
		t.Fatal(err)
	}
	if _, found := find("tok", t0); found {
		t.Error("deleted session found")
	}
	if err := s.SessionDelete(ctx, "tok"); err != nil {
		t.Errorf("deleting a session that is gone: %v", err)
	}

	// Deleting expired sessions keeps the others.
	commit("old", []byte("old"), t0.Add(time.Hour))
	commit("new", []byte("new"), t0.Add(5*time.Hour))
	if err := s.SessionDeleteExpired(ctx, t0.Add(2*time.Hour)); err != nil {
		t.Fatal(err)
	}
	// Looked for as at t0, when both were live: one is gone from the table.
	if _, found := find("old", t0); found {
		t.Error("expired session not deleted")
	}
	if _, found := find("new", t0); !found {
		t.Error("live session deleted with the expired ones")
	}
}

// testSessionManager runs scs with sqlstore.SessionStore: a session begun
// through one copy of planverk is seen through another on the same database.
func (a accountsSuite) testSessionManager(t *testing.T) {
	opener := a.newDB(t)
	handler := func(s store.Accounts) http.Handler {
		sm := scs.New()
		sm.Store = sqlstore.SessionStore{A: s}
		sm.Lifetime = time.Hour
		mux := http.NewServeMux()
		mux.HandleFunc("POST /login", func(w http.ResponseWriter, r *http.Request) {
			if err := sm.RenewToken(r.Context()); err != nil {
				http.Error(w, err.Error(), http.StatusInternalServerError)
				return
			}
			sm.Put(r.Context(), "user", "kari@example.no")
		})
		mux.HandleFunc("GET /me", func(w http.ResponseWriter, r *http.Request) {
			io.WriteString(w, sm.GetString(r.Context(), "user"))
		})
		mux.HandleFunc("POST /logout", func(w http.ResponseWriter, r *http.Request) {
			if err := sm.Destroy(r.Context()); err != nil {
				http.Error(w, err.Error(), http.StatusInternalServerError)
			}
		})
		return sm.LoadAndSave(mux)
	}
	one := httptest.NewServer(handler(asAccounts(t, open(t, opener))))
	defer one.Close()
	two := httptest.NewServer(handler(asAccounts(t, open(t, opener))))
	defer two.Close()

	do := func(srv *httptest.Server, method, path string, cookie *http.Cookie) (string, *http.Response) {
		t.Helper()
		req, err := http.NewRequest(method, srv.URL+path, nil)
		if err != nil {
			t.Fatal(err)
		}
		if cookie != nil {
			req.AddCookie(cookie)
		}
		resp, err := srv.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, err := io.ReadAll(resp.Body)
		if err != nil {
			t.Fatal(err)
		}
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("%s %s: %s %s", method, path, resp.Status, body)
		}
		return string(body), resp
	}
	_, resp := do(one, "POST", "/login", nil)
	var cookie *http.Cookie
	for _, c := range resp.Cookies() {
		if c.Name == "session" {
			cookie = c
		}
	}
	if cookie == nil {
		t.Fatal("logging in set no session cookie")
	}
	if got, _ := do(two, "GET", "/me", cookie); got != "kari@example.no" {
		t.Errorf("the other copy sees user %q, want kari@example.no", got)
	}
	do(two, "POST", "/logout", cookie)
	if got, _ := do(one, "GET", "/me", cookie); got != "" {
		t.Errorf("after logging out, the first copy still sees user %q", got)
	}
}

func (a accountsSuite) testLoginAttempts(t *testing.T) {
	ctx := context.Background()
	s := a.openTest(t)
	const window = 15 * time.Minute
	pair := store.LoginKey{Kind: store.LoginPair, Email: "kari@example.no", Address: "192.0.2.7"}
	addr := store.LoginKey{Kind: store.LoginAddress, Address: "192.0.2.7"}
	count := func(at time.Time, keys ...store.LoginAttempt) []store.LoginCount {
		t.Helper()
		got, err := s.CountLoginAttempt(ctx, keys, at, window)
		if err != nil {
			t.Fatalf("CountLoginAttempt: %v", err)
		}
		return got
	}
	for i := range 3 {
		got := count(t0.Add(time.Duration(i)*time.Minute), store.LoginAttempt{Key: pair, BlockAfter: 3}, store.LoginAttempt{Key: addr})
		if got[0].Attempts != i+1 || got[1].Attempts != i+1 || !got[0].Since.Equal(stored(t0)) || got[0].BlockedUntil != nil {
			t.Fatalf("attempt %d: %+v", i+1, got)
		}
	}
	// The 4th attempt has 3 before it: the pair is blocked, once.
	at := t0.Add(3 * time.Minute)
	got := count(at, store.LoginAttempt{Key: pair, BlockAfter: 3})[0]
	if !got.NewlyBlocked || got.BlockedUntil == nil || !got.BlockedUntil.Equal(stored(at.Add(window))) {
		t.Fatalf("the attempt that blocks: %+v", got)
	}
	if got := count(at, store.LoginAttempt{Key: pair, BlockAfter: 3})[0]; got.NewlyBlocked || got.Attempts != 5 {
		t.Errorf("an attempt while blocked: %+v", got)
	}
	blocks, err := s.LoginBlocks(ctx, at)
	if err != nil || len(blocks) != 1 || blocks[0].LoginKey != pair {
		t.Fatalf("LoginBlocks = %+v, %v", blocks, err)
	}
	// The window is over but the block is not: the counter goes on.
	if got := count(t0.Add(window+time.Minute), store.LoginAttempt{Key: pair, BlockAfter: 3})[0]; got.Attempts != 6 || got.BlockedUntil == nil {
		t.Errorf("after the window, while blocked: %+v", got)
	}
	// Both over: the counter starts again, unblocked.
	later := at.Add(window + time.Second)
	if got := count(later, store.LoginAttempt{Key: pair, BlockAfter: 3})[0]; got.Attempts != 1 || got.BlockedUntil != nil || !got.Since.Equal(stored(later)) {
		t.Errorf("after the block: %+v", got)
	}
	if blocks, _ := s.LoginBlocks(ctx, later); len(blocks) != 0 {
		t.Errorf("LoginBlocks after the block = %+v", blocks)
	}
	// Taking back, clearing.
	if err := s.UncountLoginAttempt(ctx, []store.LoginKey{addr, addr, addr, addr}); err != nil {
		t.Fatal(err)
	}
	if got := count(t0.Add(5*time.Minute), store.LoginAttempt{Key: addr})[0]; got.Attempts != 1 {
		t.Errorf("after taking back more than was counted: %+v, want 1 attempt", got)
	}
	if err := s.ClearLoginAttempts(ctx, pair); err != nil {
		t.Fatal(err)
	}
	if got := count(later, store.LoginAttempt{Key: pair})[0]; got.Attempts != 1 {
		t.Errorf("after clearing: %+v", got)
	}
	if err := s.ClearLoginAttempts(ctx, store.LoginKey{Kind: store.LoginPair, Email: "x", Address: "y"}); err != nil {
		t.Errorf("clearing an unknown key: %v", err)
	}
	if err := s.DeleteLoginAttemptsBefore(ctx, later.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	if got := count(later, store.LoginAttempt{Key: addr})[0]; got.Attempts != 1 {
		t.Errorf("after deleting old counters: %+v", got)
	}
}

// testLoginAttemptsParallel: attempts counted at once each see their own
// number, so that none passes a limit by racing the others.
func (a accountsSuite) testLoginAttemptsParallel(t *testing.T) {
	ctx := context.Background()
	opener := a.newDB(t)
	s := asAccounts(t, open(t, opener))
	other := asAccounts(t, open(t, opener)) // a second copy of planverk
	key := store.LoginKey{Kind: store.LoginPair, Email: "kari@example.no", Address: "192.0.2.7"}
	const n = 39
	seen := make([]int, n)
	blocked := make([]bool, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			st := s
			if i%2 == 1 {
				st = other
			}
			got, err := st.CountLoginAttempt(ctx, []store.LoginAttempt{{Key: key, BlockAfter: 10}}, t0, 15*time.Minute)
			if err != nil {
				t.Error(err)
				return
			}
			seen[i], blocked[i] = got[0].Attempts, got[0].NewlyBlocked
		}()
	}
	wg.Wait()
	slices.Sort(seen)
	for i, c := range seen {
		if c != i+1 {
			t.Fatalf("parallel attempts saw counts %v, want 1 to %d once each", seen, n)
		}
	}
	if nb := len(slices.DeleteFunc(blocked, func(b bool) bool { return !b })); nb != 1 {
		t.Errorf("%d attempts began the block, want 1", nb)
	}
}

// testReopen checks that accounts are in the database: after closing it and
// opening it again, users, roles, invitations, tokens, sessions and failures
// are all there.
func (a accountsSuite) testReopen(t *testing.T) {
	ctx := context.Background()
	opener := a.newDB(t)
	first, err := opener(ctx)
	if err != nil {
		t.Fatal(err)
	}
	s := asAccounts(t, first)
	u := createUser(t, s, store.User{Email: "kari@example.no", Name: "Kari", PasswordHash: "h", CreatedAt: t0})
	if err := s.SetRole(ctx, u.ID, "driv", auth.RoleEditor); err != nil {
		t.Fatal(err)
	}
	inv, err := s.CreateInvitation(ctx, store.Invitation{TokenHash: "inv-hash", Email: "ny@example.no",
		Programme: "driv", Role: auth.RoleReader, CreatedBy: u.ID, CreatedAt: t0, ExpiresAt: t0.Add(time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	tok, err := s.CreateAPIToken(ctx, store.APIToken{UserID: u.ID, Name: "CI", TokenHash: "api-hash", CreatedAt: t0})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SessionCommit(ctx, "sess", []byte("data"), t0.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	kari := store.LoginKey{Kind: store.LoginAccount, Email: "kari@example.no"}
	if _, err := s.CountLoginAttempt(ctx, []store.LoginAttempt{{Key: kari}}, t0, time.Hour); err != nil {
		t.Fatal(err)
	}
	if err := first.Close(); err != nil {
		t.Fatal(err)
	}

	s = asAccounts(t, open(t, opener))
	if diff := cmp.Diff(u, getUser(t, s, u.ID)); diff != "" {
		t.Errorf("user after reopening (-saved +loaded):\n%s", diff)
	}
	if diff := cmp.Diff(map[string]auth.Role{"driv": auth.RoleEditor}, roles(t, s, u.ID)); diff != "" {
		t.Errorf("roles after reopening (-saved +loaded):\n%s", diff)
	}
	if got, err := s.Invitation(ctx, "inv-hash"); err != nil || !cmp.Equal(inv, got) {
		t.Errorf("invitation after reopening = %+v, %v, want %+v", got, err, inv)
	}
	if got, err := s.APITokens(ctx, u.ID); err != nil || !cmp.Equal([]store.APIToken{tok}, got, cmpopts.EquateEmpty()) {
		t.Errorf("API tokens after reopening = %+v, %v, want %+v", got, err, tok)
	}
	if data, found, err := s.SessionFind(ctx, "sess", t0); err != nil || !found || string(data) != "data" {
		t.Errorf("session after reopening = %q, %v, %v", data, found, err)
	}
	if got, err := s.CountLoginAttempt(ctx, []store.LoginAttempt{{Key: kari}}, t0, time.Hour); err != nil || got[0].Attempts != 2 {
		t.Errorf("log-in attempts after reopening = %+v, %v, want 2", got, err)
	}
}

// testAPITokenExpiry: a token works until its expiry and is refused as
// unauthorised from then on, without its use being noted.
func (a accountsSuite) testAPITokenExpiry(t *testing.T) {
	ctx := context.Background()
	s := a.openTest(t)
	u := createUser(t, s, store.User{Email: "kari@example.no", CreatedAt: t0})
	exp := t0.Add(time.Hour)
	tok, err := s.CreateAPIToken(ctx, store.APIToken{UserID: u.ID, Name: "CI", TokenHash: "h", CreatedAt: t0, ExpiresAt: &exp})
	if err != nil {
		t.Fatal(err)
	}
	if tok.ExpiresAt == nil || !tok.ExpiresAt.Equal(stored(exp)) {
		t.Errorf("ExpiresAt = %v, want %v", tok.ExpiresAt, stored(exp))
	}
	if _, err := s.UserByAPIToken(ctx, "h", exp.Add(-time.Minute)); err != nil {
		t.Errorf("before its expiry: %v", err)
	}
	_, err = s.UserByAPIToken(ctx, "h", exp)
	wantCode(t, "a use at its expiry", err, plan.EUnauthorized)
	if err != nil && !strings.Contains(err.Error(), "expired") {
		t.Errorf("the error %q does not say the token expired", err)
	}
	list, err := s.APITokens(ctx, u.ID)
	if err != nil || len(list) != 1 || list[0].ExpiresAt == nil || !list[0].ExpiresAt.Equal(stored(exp)) {
		t.Errorf("APITokens = %+v, %v", list, err)
	}
	if list[0].LastUsedAt == nil || !list[0].LastUsedAt.Equal(stored(exp.Add(-time.Minute))) {
		t.Errorf("LastUsedAt = %v, want the last use before the expiry", list[0].LastUsedAt)
	}
}
