package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

func TestAcceptLanguage(t *testing.T) {
	for h, want := range map[string]string{
		"":                        "nb",
		"no":                      "nb",
		"nn-NO,nn;q=0.9,en;q=0.5": "nn",
		"en-GB,en;q=0.9":          "en",
		"de-DE,en;q=0.3,nb;q=0.7": "nb",
		"fr":                      "nb",
	} {
		if got := fromAcceptLanguage(h); string(got) != want {
			t.Errorf("Accept-Language %q: %s, want %s", h, got, want)
		}
	}
}

func TestPagesAnswer(t *testing.T) {
	visitor := newFixture(t, "sqlite").anonymous()
	cases := []struct {
		path, lang string
		status     int
		want       []string
	}{
		{"/", "nb", 200, []string{`<html lang="nb">`, "Bygdevekstavtale for Vest-Telemark", "Omstillingsprogram"}},
		{"/", "en", 200, []string{`<html lang="en">`, "Rural-growth agreement"}},
		{"/programmes/vest-telemark", "nn", 200, []string{"Handlingsplanar", "Fyresdal kommune", "Part i avtala"}},
		{"/programmes/vest-telemark/plans/2025", "nn", 200, []string{`lang="nn"`, "22\u00a0000\u00a0000", "Risikoreduserande tiltak ved bustadbygging", "blir prioritert seinare"}},
		// A version of the draft is for the programme's members: visitors
		// read the release.
		{"/programmes/vest-telemark/plans/2025?version=1", "en", 404, nil},
		{"/programmes/vest-telemark/plans/2025/goals/2/measures/2", "en", 200, []string{"Verkemiddelapparatet", "Partners", "/organisations/innovasjon-norge"}},
		// Measure 1.2's text names Husbanken and sub-goals 2 and 3.
		{"/programmes/vest-telemark/plans/2025/goals/1/measures/2", "en", 200, []string{`<a href="/organisations/husbanken">Husbanken</a>`, `#goal-2"`, `#goal-3"`}},
		{"/organisations/husbanken", "nb", 200, []string{"Husbanken", "Samarbeidspartner i tiltaket", "Pilot: «Gøtt nøkk»"}},
		{"/organisations/fyresdal-kommune", "en", 200, []string{"as one of Pilotkommunane", "Lead of the measure"}},
		{"/programmes/nowhere", "en", 404, []string{"There is nothing at this address"}},
		{"/programmes/driv/plans/2030", "nb", 404, []string{"Det finnes ingenting"}},
		{"/programmes/driv/plans/2025/goals/1/measures/9", "nn", 404, []string{"Det finst ingenting"}},
		{"/programmes/driv/plans/2025?version=x", "en", 400, nil},
		{"/no/such/page", "en", 404, []string{`<html lang="en">`}},
		{"/healthz", "en", 200, []string{"ok"}},
	}
	for _, tc := range cases {
		resp, body := visitor.get(tc.path, "Accept-Language", tc.lang)
		if resp.StatusCode != tc.status {
			t.Errorf("%s: status %d, want %d", tc.path, resp.StatusCode, tc.status)
			continue
		}
		for _, w := range tc.want {
			if !strings.Contains(body, w) {
				t.Errorf("%s (%s): page lacks %q", tc.path, tc.lang, w)
			}
		}
		if resp.Header.Get("X-Content-Type-Options") != "nosniff" || resp.Header.Get("Content-Security-Policy") == "" {
			t.Errorf("%s: security headers missing", tc.path)
		}
	}
}

// noRedirect returns redirects instead of following them.
var noRedirect = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

func TestLanguageSwitch(t *testing.T) {
	fx := newFixture(t, "sqlite")
	post := func(form url.Values, header ...string) *http.Response {
		req, _ := http.NewRequest("POST", fx.srv.URL+"/language", strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		for i := 0; i+1 < len(header); i += 2 {
			req.Header.Set(header[i], header[i+1])
		}
		resp, err := noRedirect.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp
	}
	resp := post(url.Values{"lang": {"nn"}, "return": {"/programmes/driv"}})
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/programmes/driv" {
		t.Fatalf("status %d, Location %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	var cookie *http.Cookie
	for _, c := range resp.Cookies() {
		if c.Name == langCookie {
			cookie = c
		}
	}
	if cookie == nil || cookie.Value != "nn" || !cookie.HttpOnly {
		t.Fatalf("cookie %+v", cookie)
	}
	// The remembered choice wins over the browser's language.
	_, body := fx.anonymous().get("/", "Accept-Language", "en", "Cookie", cookie.String())
	if !strings.Contains(body, `<html lang="nn">`) {
		t.Error("the chosen language is not remembered")
	}
	// Never a redirect off the site.
	for _, back := range []string{"https://evil.example/", "//evil.example/", "/\\evil.example"} {
		if loc := post(url.Values{"lang": {"en"}, "return": {back}}).Header.Get("Location"); loc != "/" {
			t.Errorf("return %q redirects to %q", back, loc)
		}
	}
	if resp := post(url.Values{"lang": {"sv"}}); resp.StatusCode != http.StatusBadRequest {
		t.Errorf("unknown language: status %d", resp.StatusCode)
	}
	// A form posted from another site is refused.
	if resp := post(url.Values{"lang": {"en"}}, "Sec-Fetch-Site", "cross-site", "Origin", "https://evil.example"); resp.StatusCode != http.StatusForbidden {
		t.Errorf("cross-origin post: status %d", resp.StatusCode)
	}
}
