package web

import (
	"encoding/base64"
	"encoding/json"
	"net/url"
	"slices"
	"strings"

	"planverk/plan"
)

// organisationValues fills a form with an organisation as it is.
func organisationValues(o plan.Organisation) url.Values {
	v := url.Values{}
	v.Set("id", o.ID)
	v.Set("name", o.Name)
	v.Set("kind", string(o.Kind))
	v.Set("number", o.Number)
	v.Set("municipality_number", o.MunicipalityNumber)
	v.Set("website", o.Website)
	return v
}

// orgKindOptions lists the kinds of organisation for a select; a kind is
// optional, as in a plan file.
func orgKindOptions() []option {
	out := []option{{Value: "", ID: "admin.kind-none"}}
	for _, k := range plan.OrgKinds {
		out = append(out, option{Value: string(k), ID: "org-kind." + string(k)})
	}
	return out
}

// applyOrganisationForm checks the form and, where it is good, writes it
// into o. It holds an organisation to the rules plan.Check holds it to, so
// that no plan carrying it gets a finding from this form. The id and the
// members are not the form's to change.
func applyOrganisationForm(fm *form, o *plan.Organisation) {
	fm.Required("name")
	kind := plan.OrgKind(fm.Get("kind"))
	if kind != "" && !slices.Contains(plan.OrgKinds, kind) {
		fm.Fail("kind", "form.choose")
	}
	// Organisation numbers are often written in groups, "964 963 738".
	number := strings.Map(func(r rune) rune {
		if r == ' ' || r == '\u00a0' {
			return -1
		}
		return r
	}, fm.Get("number"))
	if number != "" && !plan.ValidOrgNumber(number) {
		fm.Fail("number", "admin.org-number")
	}
	municipality := fm.Get("municipality_number")
	if municipality != "" {
		digits := 4
		if kind == plan.OrgCounty {
			digits = 2
		}
		if len(municipality) != digits || strings.Trim(municipality, "0123456789") != "" {
			fm.Fail("municipality_number", "admin.municipality-number", "Digits", digits)
		}
	}
	website := fm.Get("website")
	if website != "" {
		u, err := url.Parse(website)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			fm.Fail("website", "admin.website")
		}
	}
	if !fm.OK() {
		return
	}
	o.Name = fm.Get("name")
	o.Kind = kind
	o.Number = number
	o.MunicipalityNumber = municipality
	o.Website = website
}

// encodeOrganisation writes an organisation for a hidden field: the form
// carries the record as it was opened, so that a stale save can show what
// changed since. It is only shown, never saved, so a forged one does no
// harm.
func encodeOrganisation(o plan.Organisation) string {
	b, _ := json.Marshal(o)
	return base64.RawURLEncoding.EncodeToString(b)
}

// decodeOrganisation reads what encodeOrganisation wrote.
func decodeOrganisation(s string) (plan.Organisation, bool) {
	var o plan.Organisation
	b, err := base64.RawURLEncoding.DecodeString(s)
	return o, err == nil && json.Unmarshal(b, &o) == nil
}
