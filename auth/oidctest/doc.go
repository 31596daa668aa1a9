// Package oidctest is an OpenID provider for tests: a test server with
// discovery, a JSON Web Key Set, an authorization endpoint and a token
// endpoint, enough for auth.NewOIDC and auth.OIDC's log-in to run against it
// as against ID-porten.
//
// The authorization endpoint logs the person in at once: a GET with the
// client's parameters redirects straight back to redirect_uri with a code
// and the state, so a test follows the redirect chain without a browser.
// The token endpoint authenticates the client, takes a code once, checks the
// PKCE verifier against the challenge and the redirect_uri against the one
// the code was given for, and answers with an ID token signed with RS256.
//
// Who logs in is set with SetIdentity; RegisterRedirectURI makes the
// provider refuse other redirect URIs, as a real one does. A test of tokens the client must
// refuse changes the claims before signing (SetClaims) or signs with a key
// the provider does not publish (SignWithUnpublishedKey).
//
//	p := oidctest.New(t, "planverk", "secret")
//	p.SetIdentity(oidctest.Identity{Subject: "s1", Email: "kari@example.no", EmailVerified: true})
//	o, _ := auth.NewOIDC(ctx, auth.OIDCConfig{Issuer: p.Issuer(), ClientID: "planverk", …})
//	authURL, st, _ := o.Start()
//	back := p.Authorize(t, authURL) // redirect_uri?code=…&state=…
//	id, err := o.Finish(ctx, st, back.Query().Get("state"), back.Query().Get("code"))
package oidctest
