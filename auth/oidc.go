package auth

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"github.com/coreos/go-oidc/v3/oidc"
	"golang.org/x/oauth2"
)

// OIDCConfig is a client registration at an OpenID provider.
type OIDCConfig struct {
	// Issuer is the provider's issuer URL exactly as its discovery document
	// spells it, trailing slash included (ID-porten: "https://idporten.no/",
	// test: "https://test.idporten.no/").
	Issuer string
	// ClientID and ClientSecret are the client's registration. The secret is
	// sent as HTTP Basic or as form fields, whichever the provider accepts;
	// it may be empty for a public client, which PKCE protects.
	ClientID     string
	ClientSecret string
	// RedirectURL is planverk's callback, as registered at the provider.
	RedirectURL string
	// Scopes are asked for besides "openid", which is always asked for
	// (e.g. "profile", "email"; ID-porten has no "email").
	Scopes []string
}

// OIDC logs users in through one OpenID provider with the authorization
// code flow, PKCE S256, state and nonce. ID-porten and Ansattporten require
// PKCE; state and nonce bind the answer to the browser that asked.
//
// It is safe for concurrent use and keeps no per-login state: Start hands
// the caller a LoginState to keep in the user's session, and Finish is given
// it back.
type OIDC struct {
	oauth    oauth2.Config
	verifier *oidc.IDTokenVerifier
}

// LoginState is what must survive, in the user's session, between Start and
// Finish. It is secret: never put it in a URL or a log.
type LoginState struct {
	State    string `json:"state"`
	Nonce    string `json:"nonce"`
	Verifier string `json:"verifier"`
}

// Identity is who the provider says logged in.
type Identity struct {
	// Issuer and Subject together identify the person; Subject alone is
	// only unique at its issuer.
	Issuer  string
	Subject string
	// Email is "" when the provider gave none. Trust it for matching an
	// account only when EmailVerified is true.
	Email         string
	EmailVerified bool
	Name          string
}

// Errors Finish returns when the answer does not belong to this log-in
// (including when the session holds no log-in, e.g. because it expired),
// wrapped with detail; compare with errors.Is. The web layer shows the user
// a "start again" page for them.
var (
	ErrStateMismatch = errors.New("oidc: state does not match the log-in started")
	ErrNonceMismatch = errors.New("oidc: id token nonce does not match the log-in started")
)

// NewOIDC fetches the provider's discovery document and JSON Web Key Set
// location. It makes network requests with the HTTP client in ctx (see
// oidc.ClientContext), or http.DefaultClient; later key fetches reuse that
// client but not ctx's deadline.
func NewOIDC(ctx context.Context, cfg OIDCConfig) (*OIDC, error) {
	switch {
	case cfg.Issuer == "":
		return nil, errors.New("oidc: issuer is required")
	case cfg.ClientID == "":
		return nil, errors.New("oidc: client id is required")
	case cfg.RedirectURL == "":
		return nil, errors.New("oidc: redirect URL is required")
	}
	provider, err := oidc.NewProvider(ctx, cfg.Issuer)
	if err != nil {
		return nil, fmt.Errorf("oidc: discover %s: %w", cfg.Issuer, err)
	}
	scopes := []string{oidc.ScopeOpenID}
	for _, s := range cfg.Scopes {
		if !slices.Contains(scopes, s) {
			scopes = append(scopes, s)
		}
	}
	return &OIDC{
		oauth: oauth2.Config{
			ClientID:     cfg.ClientID,
			ClientSecret: cfg.ClientSecret,
			RedirectURL:  cfg.RedirectURL,
			Endpoint:     provider.Endpoint(),
			Scopes:       scopes,
		},
		verifier: provider.Verifier(&oidc.Config{ClientID: cfg.ClientID}),
	}, nil
}

// Start begins a log-in. The caller keeps st in the user's session and
// redirects the browser to authURL.
func (o *OIDC) Start() (authURL string, st LoginState, err error) {
	if st.State, err = randomString(32); err != nil {
		return "", LoginState{}, fmt.Errorf("oidc: start: state: %w", err)
	}
	if st.Nonce, err = randomString(32); err != nil {
		return "", LoginState{}, fmt.Errorf("oidc: start: nonce: %w", err)
	}
	st.Verifier = oauth2.GenerateVerifier()
	authURL = o.oauth.AuthCodeURL(st.State,
		oidc.Nonce(st.Nonce),
		oauth2.S256ChallengeOption(st.Verifier))
	return authURL, st, nil
}

// Finish completes a log-in on the callback: gotState and code are the
// callback's query parameters, st what Start returned. It checks the state,
// exchanges the code with the PKCE verifier, verifies the ID token's
// signature, issuer, audience, expiry and nonce, and returns who logged in.
//
// A callback with an "error" parameter instead of a code (the user
// cancelled) is the caller's to handle before calling Finish.
func (o *OIDC) Finish(ctx context.Context, st LoginState, gotState, code string) (Identity, error) {
	if st.State == "" || st.Nonce == "" || st.Verifier == "" {
		return Identity{}, fmt.Errorf("oidc: finish: no log-in started in this session: %w", ErrStateMismatch)
	}
	if subtle.ConstantTimeCompare([]byte(gotState), []byte(st.State)) != 1 {
		return Identity{}, fmt.Errorf("oidc: finish: %w", ErrStateMismatch)
	}
	if code == "" {
		return Identity{}, errors.New("oidc: finish: callback has no code")
	}
	tok, err := o.oauth.Exchange(ctx, code, oauth2.VerifierOption(st.Verifier))
	if err != nil {
		return Identity{}, fmt.Errorf("oidc: finish: exchange code: %w", err)
	}
	raw, ok := tok.Extra("id_token").(string)
	if !ok || raw == "" {
		return Identity{}, errors.New("oidc: finish: token response has no id_token")
	}
	idt, err := o.verifier.Verify(ctx, raw)
	if err != nil {
		return Identity{}, fmt.Errorf("oidc: finish: verify id token: %w", err)
	}
	if subtle.ConstantTimeCompare([]byte(idt.Nonce), []byte(st.Nonce)) != 1 {
		return Identity{}, fmt.Errorf("oidc: finish: %w", ErrNonceMismatch)
	}
	var claims struct {
		AuthorizedParty string    `json:"azp"`
		Email           string    `json:"email"`
		EmailVerified   flexiBool `json:"email_verified"`
		Name            string    `json:"name"`
	}
	if err := idt.Claims(&claims); err != nil {
		return Identity{}, fmt.Errorf("oidc: finish: read id token claims: %w", err)
	}
	// OpenID Connect Core 3.1.3.7: with several audiences, the token must
	// have been issued to us. go-oidc only checks that we are among them.
	if len(idt.Audience) > 1 && claims.AuthorizedParty != o.oauth.ClientID {
		return Identity{}, fmt.Errorf("oidc: finish: id token issued to %q, not to this client", claims.AuthorizedParty)
	}
	if idt.Subject == "" {
		return Identity{}, errors.New("oidc: finish: id token has no subject")
	}
	return Identity{
		Issuer:        idt.Issuer,
		Subject:       idt.Subject,
		Email:         claims.Email,
		EmailVerified: bool(claims.EmailVerified),
		Name:          claims.Name,
	}, nil
}

// flexiBool reads a JSON boolean, or the strings "true" and "false" that
// some providers send for email_verified.
type flexiBool bool

func (b *flexiBool) UnmarshalJSON(data []byte) error {
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		return err
	}
	switch v := v.(type) {
	case bool:
		*b = flexiBool(v)
	case string:
		switch v {
		case "true":
			*b = true
		case "false":
			*b = false
		default:
			return fmt.Errorf("boolean claim is %q", v)
		}
	case nil:
		*b = false
	default:
		return fmt.Errorf("boolean claim is %s", data)
	}
	return nil
}
