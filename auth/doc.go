// Package auth holds the account and authorisation primitives of planverk:
// password hashing, API and invitation tokens, roles, the authorisation
// policy, the failed log-in policy, and OpenID Connect log-in (ID-porten,
// Ansattporten or any other provider that speaks authorization code with
// PKCE).
//
// The package keeps no state and does no storage and no HTTP serving: it
// decides and computes, and the web layer and the store act on what it says.
// That keeps every security decision in one place where a table test can
// hold it, and lets the web layer stay thin:
//
//   - HashPassword, CheckPassword and ValidatePassword: argon2id in a PHC
//     string, so that the cost can be raised later without losing old hashes
//     (NeedsRehash tells when to re-hash on log-in); ValidatePassword refuses
//     common and breached passwords (IsCommonPassword, a bundled list).
//   - NewToken and HashToken: random bearer tokens with a readable prefix;
//     only their hashes are stored.
//   - Role, Subject, Action, Resource and Can: who may do what. Can is a pure
//     function that denies whatever it does not explicitly allow.
//   - LoginPolicy, AccountDelay and AddressRefused: how long to make a
//     caller wait, and when to refuse, after failed log-ins of a pair
//     (account, address), an account and an address.
//   - OIDC: log-in through an OpenID provider with state, nonce and PKCE S256.
//
// Messages in errors are English and meant for logs; where the user must be
// told something (a password that is too short), the error carries a stable
// code for the web layer to translate.
package auth
