package casefile

import (
	"bytes"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"

	"planverk/followup"
	"planverk/i18n"
	"planverk/plan"
)

// testPlans is a programme's plan with two sources, a goal with measures
// and a goal without.
func testPlans() []*plan.File {
	return []*plan.File{{
		Programme: plan.Programme{ID: "p", Name: "P"},
		Plan: plan.Plan{Year: 2025, Language: plan.Bokmal,
			Sources: []plan.FundingSource{{ID: "fylket", Name: "Telemark fylkeskommune"}, {ID: "kommunen", Name: "Drangedal kommune"}},
			Goals: []plan.Goal{
				{Number: 1, Title: "Næringsliv", Measures: []plan.Measure{{ID: "m-1", Number: 1, Title: "Bedriftsutvikling"}, {ID: "m-2", Number: 2, Title: "Nettverk"}}},
				{Number: 2, Title: "Attraktivitet"},
			}}}}
}

func read(t *testing.T, data string) *Result {
	t.Helper()
	return Read([]byte(data), "p", testPlans())
}

func wantNoProblems(t *testing.T, r *Result) {
	t.Helper()
	for _, p := range r.Problems {
		t.Errorf("problem: %s", p.Text(i18n.English))
	}
}

// A county's export, semicolon separated as Norwegian Excel saves it, with
// Norwegian amounts, a decision repeated on each payment's row, a share
// written several ways and a measure and a goal.
func TestReadSemicolonCSV(t *testing.T) {
	r := read(t, "\ufeffSaksnr;Prosjektnavn;Søker;Tiltak;Finansieringskilde;Vedtaksdato;Innvilget (kr);Støttesats %;Utbetalt dato;Utbetalt beløp\r\n"+
		"2024/101;Sagbruk 2.0;Sag AS;1.1;Telemark fylkeskommune;12.03.2024;150 000;50;01.06.2024;75 000\r\n"+
		"2024/101;;;;Telemark fylkeskommune;12.03.2024;150 000;50;15.11.2024;1 234,00\r\n"+
		"2024/102;Stedsutvikling;Drangedal kommune;2;kommunen;2024-05;inntil 300 000;40 %;;\r\n"+
		";;;;;;;;;\r\n")
	wantNoProblems(t, r)
	if len(r.Entries) != 2 {
		t.Fatalf("%d projects, want 2", len(r.Entries))
	}
	a, b := r.Entries[0].Project, r.Entries[1].Project
	if a.CaseRef != "2024/101" || a.Title != "Sagbruk 2.0" || a.Owner != "Sag AS" || len(a.Measures) != 1 || a.Measures[0] != "m-1" {
		t.Errorf("first project %+v", a)
	}
	if len(a.Commitments) != 1 || a.Committed() != 150_000 || a.Paid() != 76_234 || a.Commitments[0].Share != "50 %" ||
		a.Commitments[0].Source != "fylket" || a.Commitments[0].Decided.String() != "2024-03-12" {
		t.Errorf("first project's money %+v", a.Commitments)
	}
	if got := r.Entries[0].Rows; len(got) != 2 || got[0] != 2 || got[1] != 3 {
		t.Errorf("first project's rows %v, want [2 3]", got)
	}
	if b.Goal != 2 || len(b.Measures) != 0 || b.Commitments[0].Kind != plan.AmountCeiling || b.Commitments[0].Amount != 300_000 ||
		b.Commitments[0].Source != "kommunen" || b.Commitments[0].Decided.Precision != plan.PrecisionMonth {
		t.Errorf("second project %+v", b)
	}
}

// English headings, comma separated, amounts quoted where they hold a
// comma, a status and a phase, and a column that is not read.
func TestReadCommaCSV(t *testing.T) {
	r := read(t, "Case number,Project title,Applicant,Status,Phase,Funding source,Granted amount,Decision date,Paid amount,Payment date,Remarks\n"+
		`2025/7,Trail network,Hiking club,Under way,Pre-project,fylket,"200 000",2025-02-01,"100 000,00",2025-04-01,none`+"\n")
	wantNoProblems(t, r)
	p := r.Entries[0].Project
	if p.Status != followup.StatusUnderway || p.Phase != followup.PhasePreProject || p.Paid() != 100_000 || p.Committed() != 200_000 {
		t.Errorf("project %+v", p)
	}
	if len(r.Ignored) != 1 || r.Ignored[0] != "Remarks" {
		t.Errorf("ignored %v, want [Remarks]", r.Ignored)
	}
}

// An export in Windows-1252, as older Excel saves CSV, with a title line
// above the headings.
func TestReadLatin1WithTitleLine(t *testing.T) {
	text := "Eksport fra saksbehandlingssystemet;;\nSaksnummer;Prosjektnavn;Søkjar\n2023/5;Kulturløft;Bygdelag\n"
	data, err := charmap.Windows1252.NewEncoder().Bytes([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	r := Read(data, "p", testPlans())
	wantNoProblems(t, r)
	if len(r.Entries) != 1 || r.Entries[0].Project.Title != "Kulturløft" || r.Entries[0].Project.Owner != "Bygdelag" || r.Entries[0].Rows[0] != 3 {
		t.Errorf("entries %+v", r.Entries)
	}
}

// A workbook stores numbers, dates and percentages as numbers.
func TestReadWorkbook(t *testing.T) {
	x := excelize.NewFile()
	sh := x.GetSheetName(0)
	rows := [][]any{
		{"Saksnummer", "Prosjekttittel", "Kilde", "Tilsagnsbeløp", "Støtteandel", "Vedtaksdato", "Utbetalingsdato", "Utbetalt"},
		{"2024/9", "Hurtigladere", "fylket", 150000, 0.5, nil, nil, 150000},
		{"2024/10", "Øre", "fylket", 1000.5, nil, nil, nil, nil},
	}
	for i, row := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := x.SetSheetRow(sh, cell, &row); err != nil {
			t.Fatal(err)
		}
	}
	style, _ := x.NewStyle(&excelize.Style{NumFmt: 14})
	_ = x.SetCellFloat(sh, "F2", 45363, 0, 64) // 12.03.2024
	_ = x.SetCellFloat(sh, "G2", 45444, 0, 64) // 01.06.2024
	_ = x.SetCellStyle(sh, "F2", "G2", style)
	var buf bytes.Buffer
	if err := x.Write(&buf); err != nil {
		t.Fatal(err)
	}
	r := Read(buf.Bytes(), "p", testPlans())
	if len(r.Problems) != 1 || r.Problems[0].Code != CodeNotWhole || r.Problems[0].Row != 3 || r.Problems[0].Column != "D" {
		t.Fatalf("problems %+v, want the øre in D3", r.Problems)
	}
	p := r.Entries[0].Project
	c := p.Commitments[0]
	if c.Amount != 150_000 || c.Share != "50 %" || c.Decided.String() != "2024-03-12" || p.Paid() != 150_000 ||
		c.Payments[0].Date.String() != "2024-06-01" {
		t.Errorf("workbook project %+v, commitment %+v", p, c)
	}
	if r.Sheet != sh {
		t.Errorf("sheet %q", r.Sheet)
	}
}

// Every kind of problem of a row is named by its row and column, in the
// person's language.
func TestProblemsNamedByRowAndColumn(t *testing.T) {
	r := read(t, "Saksnummer;Prosjektnavn;Kilde;Tiltak;Status;Fase;Startdato;Sluttdato;Innvilget;Støttesats;Vedtaksdato;Utbetalt dato;Utbetalt\n"+
		"2024/1;A;Ukjent kilde;1.1;;;;;100 000;;;;\n"+ // 2: unknown source C
		"2024/2;B;fylket;9.9;;;;;100 000;;;;\n"+ // 3: unknown measure D
		"2024/3;C;fylket;;kanskje;;;;100 000;;;;\n"+ // 4: unknown status E
		"2024/4;D;fylket;;;sluttfase;;;100 000;;;;\n"+ // 5: unknown phase F
		"2024/5;E;fylket;;;;31.02.2024;;100 000;;;;\n"+ // 6: not a date G
		"2024/6;F;fylket;;;;2025-01-01;2024-01-01;100 000;;;;\n"+ // 7: to before from H
		"2024/7;G;fylket;;;;;;100 000,50;;;;\n"+ // 8: not whole I
		"2024/8;H;fylket;;;;;;mye;;;;\n"+ // 9: not an amount I
		"2024/9;I;fylket;;;;;;100 000;halvparten;;;\n"+ // 10: not a share J
		"2024/10;J;fylket;;;;;;100 000;150 %;;;\n"+ // 11: share over K? J
		"2024/11;K;fylket;;;;;;100 000;;i fjor;;\n"+ // 12: decision not a date K
		"2024/12;L;fylket;;;;;;100 000;;;01.02.2024;150 000\n"+ // 13: paid over M
		"2024/13;M;;;;;;;;;;01.02.2024;10 000\n"+ // 14: payment alone M
		"2024/14;N;fylket;;;;;;100 000;;;;5 000\n"+ // 15: no paid date L
		"2024/15;O;fylket;;;;;;100 000;;;01.02.2024;\n"+ // 16: no paid amount M
		"2024/16;P;;;;;;;100 000;;;;\n"+ // 17: no source C
		";Q;fylket;;;;;;;;;;\n"+ // 18: no case ref A
		"2024/17;;fylket;;;;;;;;;;\n") // 19: no title
	want := []struct {
		row    int
		col    string
		code   string
		phrase string
	}{
		{2, "C", CodeUnknownSource, "Ukjent kilde"},
		{3, "D", CodeUnknownMeasure, "9.9"},
		{4, "E", CodeUnknownStatus, "kanskje"},
		{5, "F", CodeUnknownPhase, "sluttfase"},
		{6, "G", CodeNotDate, "31.02.2024"},
		{7, "H", CodeToBeforeFrom, "2024-01-01"},
		{8, "I", CodeNotWhole, "100 000,50"},
		{9, "I", CodeNotAmount, "mye"},
		{10, "J", CodeNotShare, "halvparten"},
		{11, "J", CodeShareOver, "150 %"},
		{12, "K", CodeNotDate, "i fjor"},
		{13, "M", CodePaidOver, "150 000"},
		{14, "M", CodePaymentAlone, ""},
		{15, "L", CodeNoPaidDate, ""},
		{16, "M", CodeNoPaidAmount, ""},
		{17, "C", CodeNoSource, ""},
		{18, "A", CodeNoCaseRef, ""},
		{19, "", CodeNoTitle, ""},
	}
	if len(r.Problems) != len(want) {
		for _, p := range r.Problems {
			t.Log(p.Text(i18n.English))
		}
		t.Fatalf("%d problems, want %d", len(r.Problems), len(want))
	}
	for i, w := range want {
		p := r.Problems[i]
		if p.Row != w.row || p.Column != w.col || p.Code != w.code {
			t.Errorf("problem %d: row %d column %q %s, want row %d column %q %s", i, p.Row, p.Column, p.Code, w.row, w.col, w.code)
			continue
		}
		for _, lang := range i18n.Langs {
			text := strings.ReplaceAll(p.Text(lang), "\u00a0", " ")
			if strings.Contains(text, "projimport.") || !strings.Contains(text, w.phrase) ||
				!strings.Contains(text, " "+strconv.Itoa(w.row)) || w.col != "" && !strings.Contains(text, " "+w.col+" ") {
				t.Errorf("%s: %q does not say the problem with %q", lang, text, w.phrase)
			}
		}
	}
	nb := r.Problems[0].Text(i18n.Bokmal)
	if nb != "Rad 2, kolonne C (Kilde): «Ukjent kilde» er ingen finansieringskilde i programmets planer." {
		t.Errorf("bokmål: %q", nb)
	}
	if en := strings.ReplaceAll(r.Problems[11].Text(i18n.English), "\u00a0", " "); !strings.Contains(en, "150 000 kroner") || !strings.Contains(en, "100 000 kroner") {
		t.Errorf("paid over says %q, want both figures", en)
	}
}

// Problems of the whole file: not a table, no headings planverk knows, a
// missing column, a column twice, nothing under the headings, too large.
func TestFileProblems(t *testing.T) {
	for _, tc := range []struct {
		name, data, code string
	}{
		{"binary", "\x00\x01\x02", CodeUnreadable},
		{"broken workbook", "PK\x03\x04nonsense", CodeUnreadable},
		{"no headings", "a;b;c\n1;2;3\n", CodeNoHeading},
		{"no title column", "Saksnummer;Søker\n2024/1;X\n", CodeMissingColumn},
		{"twice", "Saksnummer;Prosjektnavn;Tittel\n2024/1;X;Y\n", CodeDuplicateColumn},
		{"no rows", "Saksnummer;Prosjektnavn\n", CodeNoRows},
		{"too large", strings.Repeat("x", MaxBytes+1), CodeTooLarge},
	} {
		r := read(t, tc.data)
		if len(r.Problems) == 0 || r.Problems[0].Code != tc.code {
			t.Errorf("%s: problems %+v, want %s", tc.name, r.Problems, tc.code)
			continue
		}
		if text := r.Problems[0].Text(i18n.Nynorsk); strings.Contains(text, "projimport.") {
			t.Errorf("%s: %q", tc.name, text)
		}
	}
	r := read(t, "Saksnummer;Søker\n2024/1;X\n")
	if got := r.Problems[0].Text(i18n.Bokmal); !strings.Contains(got, "Prosjektnavn") {
		t.Errorf("missing column says %q, want it to name the column", got)
	}
}

func TestHeadingsRecognised(t *testing.T) {
	for heading, want := range map[string]Field{
		"Saksnr.": FieldCaseRef, "SAKSNUMMER": FieldCaseRef, "Case no.": FieldCaseRef,
		"Innvilget beløp (kr)": FieldAmount, "Tilsagn, NOK": FieldAmount, "Støttesats (%)": FieldShare,
		"Utbetalt dato": FieldPaidOn, "Utbetalt beløp": FieldPaid, "Søkjar": FieldOwner, "Prosjektleiar": FieldManager,
		"Eigendel": FieldOwnShare, "own_share": FieldOwnShare, "Finansieringskjelde": FieldSource,
	} {
		if got, ok := FieldOf(heading); !ok || got != want {
			t.Errorf("%q: %q, %v; want %q", heading, got, ok, want)
		}
	}
	if _, ok := FieldOf("Merknad"); ok {
		t.Error("Merknad is recognised")
	}
}

// A row with several problems shows them all, left to right.
func TestSeveralProblemsInARow(t *testing.T) {
	r := read(t, "Saksnummer;Prosjektnavn;Kilde;Vedtaksdato;Innvilget;Støttesats\n2024/1;A;Ukjent;31.02.2024;100 000,50;mye\n")
	var got []string
	for _, p := range r.Problems {
		got = append(got, strconv.Itoa(p.Row)+p.Column+" "+p.Code)
	}
	want := []string{"2C unknown-source", "2D not-date", "2E not-whole", "2F not-share"}
	if strings.Join(got, ", ") != strings.Join(want, ", ") {
		t.Errorf("problems %v, want %v", got, want)
	}
}
