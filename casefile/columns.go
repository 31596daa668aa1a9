package casefile

import (
	"strings"
	"unicode"
)

// Field is what a column holds.
type Field string

// The fields a column can hold.
const (
	FieldCaseRef        Field = "case_ref"
	FieldTitle          Field = "title"
	FieldLabel          Field = "label"
	FieldOwner          Field = "owner"
	FieldManager        Field = "manager"
	FieldSponsor        Field = "sponsor"
	FieldStatus         Field = "status"
	FieldPhase          Field = "phase"
	FieldFrom           Field = "from"
	FieldTo             Field = "to"
	FieldBudget         Field = "budget"
	FieldOwnShare       Field = "own_share"
	FieldOtherFinancing Field = "other_financing"
	FieldMeasure        Field = "measure"
	FieldSource         Field = "source"
	FieldAmount         Field = "amount"
	FieldShare          Field = "share"
	FieldDecided        Field = "decided"
	FieldBody           Field = "body"
	FieldDeadline       Field = "deadline"
	FieldConditions     Field = "conditions"
	FieldPaidOn         Field = "paid_on"
	FieldPaid           Field = "paid"
)

// Fields lists the fields in the order the documentation names them.
var Fields = []Field{FieldCaseRef, FieldTitle, FieldLabel, FieldOwner, FieldManager, FieldSponsor, FieldStatus,
	FieldPhase, FieldFrom, FieldTo, FieldBudget, FieldOwnShare, FieldOtherFinancing, FieldMeasure, FieldSource,
	FieldAmount, FieldShare, FieldDecided, FieldBody, FieldDeadline, FieldConditions, FieldPaidOn, FieldPaid}

// headings are the headings each field is recognised by, normalised
// (normHeading): the field's own name, and what case systems and
// spreadsheets call it in bokmål, nynorsk and English. Case exports
// differ between counties, so the list is generous; a heading in none is
// ignored and the preview says so.
var headings = map[Field][]string{
	FieldCaseRef: {"case ref", "saksnummer", "saksnr", "sak nr", "saksreferanse", "sak", "arkivsak", "arkivsaksnummer",
		"arkivsaksnr", "søknadsnummer", "søknadsnr", "søknads id", "søknad id", "referanse", "case number", "case no",
		"case", "case reference", "reference", "application number", "application id"},
	FieldTitle: {"title", "prosjektnavn", "prosjektnamn", "prosjekttittel", "prosjekt", "tittel", "navn", "namn",
		"navn på prosjektet", "namn på prosjektet", "project", "project title", "project name", "name"},
	FieldLabel: {"label", "prosjektnummer", "prosjektnr", "kortnavn", "kortnamn", "project number", "project no", "short name"},
	FieldOwner: {"owner", "søker", "søkjar", "søkar", "tilskuddsmottaker", "tilskotsmottakar", "mottaker", "mottakar",
		"prosjekteier", "prosjekteigar", "organisasjon", "søkerorganisasjon", "søkjarorganisasjon", "applicant",
		"recipient", "organisation", "organization", "project owner"},
	FieldManager: {"manager", "prosjektleder", "prosjektleiar", "prosjektleier", "kontaktperson", "project manager", "contact"},
	FieldSponsor: {"sponsor", "fadder", "styrefadder", "board sponsor"},
	FieldStatus:  {"status", "prosjektstatus", "project status", "saksstatus"},
	FieldPhase:   {"phase", "fase", "prosjektfase", "project phase"},
	FieldFrom: {"from", "fra", "frå", "startdato", "start", "prosjektstart", "periode fra", "periode frå", "start date",
		"starts", "prosjektperiode fra", "prosjektperiode frå"},
	FieldTo: {"to", "til", "sluttdato", "slutt", "prosjektslutt", "periode til", "end date", "end", "ends", "prosjektperiode til"},
	FieldBudget: {"budget", "budsjett", "totalbudsjett", "prosjektbudsjett", "kostnadsramme", "totale kostnader",
		"total kostnad", "kostnader", "total budget", "project budget", "total cost", "total costs"},
	FieldOwnShare: {"own share", "eigendel", "egenandel", "eigenandel", "egeninnsats", "eigeninnsats", "own contribution"},
	FieldOtherFinancing: {"other financing", "annen finansiering", "anna finansiering", "andre finansieringskilder",
		"anna finansiering", "annen offentlig finansiering", "other funding"},
	FieldMeasure: {"measure", "tiltak", "tiltaksnummer", "tiltak nr", "innsatsområde", "satsingsområde", "satsingsomrade",
		"satsingsområde nr", "mål", "delmål", "goal", "focus area", "measure number"},
	FieldSource: {"source", "finansieringskilde", "finansieringskjelde", "kilde", "kjelde", "finansiering", "ordning",
		"tilskuddsordning", "tilskotsordning", "funding source", "budget source", "post", "budsjettpost"},
	FieldAmount: {"amount", "innvilget", "innvilga", "innvilget beløp", "innvilga beløp", "tilsagn", "tilsagnsbeløp",
		"tilsagt beløp", "tilsagt", "bevilget", "bevilga", "løyvd", "løyving", "tilskudd", "tilskot", "granted",
		"granted amount", "amount granted", "commitment", "committed", "grant"},
	FieldShare: {"share", "støttesats", "støtteandel", "stønadssats", "støttegrad", "støtteprosent", "støtte",
		"tilskuddsandel", "tilskotsdel", "tilskotsandel", "support share", "aid intensity", "support rate", "grant share"},
	FieldDecided: {"decided", "vedtaksdato", "vedtatt", "vedteke", "vedtaksdato tilsagn", "tilsagnsdato", "dato vedtak",
		"vedtak dato", "vedtaksdag", "decision date", "date of decision", "granted on", "grant date"},
	FieldBody:       {"body", "vedtaksorgan", "vedtatt av", "vedteke av", "vedtaksinstans", "decision body", "decided by"},
	FieldDeadline:   {"deadline", "frist", "prosjektfrist", "sluttfrist", "frist sluttrapport", "tilsagnsfrist", "completion deadline"},
	FieldConditions: {"conditions", "vilkår", "særvilkår", "vilkår for tilsagn", "terms"},
	FieldPaidOn: {"paid on", "utbetalt dato", "utbetalingsdato", "dato utbetalt", "utbetalt den", "dato utbetaling",
		"utbetaling dato", "payment date", "paid date", "date paid"},
	FieldPaid: {"paid", "utbetalt", "utbetalt beløp", "utbetaling", "utbetalingsbeløp", "beløp utbetalt", "paid amount",
		"amount paid", "payment", "payment amount"},
}

var byHeading = func() map[string]Field {
	m := map[string]Field{}
	for f, hs := range headings {
		m[normHeading(string(f))] = f
		for _, h := range hs {
			m[normHeading(h)] = f
		}
	}
	return m
}()

// unitWords are what headings add to say the unit ("Innvilget (kr)",
// "Støttesats %"); they say nothing of the field.
var unitWords = map[string]bool{"kr": true, "nok": true, "%": true, "prosent": true, "percent": true, "beløp kr": true}

// normHeading makes a heading comparable: lower case, punctuation and
// the unit words gone, one space between words.
func normHeading(h string) string {
	h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
	h = strings.Map(func(r rune) rune {
		switch {
		case r == '%':
			return ' '
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			return r
		}
		return ' '
	}, h)
	var words []string
	for _, w := range strings.Fields(h) {
		if !unitWords[w] {
			words = append(words, w)
		}
	}
	return strings.Join(words, " ")
}

// FieldOf is the field a heading names; ok is false for one it does not.
func FieldOf(heading string) (Field, bool) {
	f, ok := byHeading[normHeading(heading)]
	return f, ok
}

// Headings lists the headings a field is recognised by, for the
// documentation and the import page.
func Headings(f Field) []string { return append([]string{string(f)}, headings[f]...) }

// ColumnLetter names a spreadsheet's column as it does: 1 is A, 27 AA.
func ColumnLetter(n int) string {
	var out []byte
	for ; n > 0; n = (n - 1) / 26 {
		out = append([]byte{byte('A' + (n-1)%26)}, out...)
	}
	return string(out)
}
