package casefile

import (
	"bytes"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"planverk/followup"
	"planverk/i18n"
)

var testProjects = map[string]int64{"2024/1": 11, "2024/2": 12}

func TestReadReportsCSV(t *testing.T) {
	r := ReadReports([]byte("Saksnummer;Rapporttype;Periode fra;Periode til;Framdrift;Redegjørelse;Brukte midler;Nye arbeidsplasser;Sikrede arbeidsplasser;Nye bedrifter;Rapportstatus;Merknad\n" +
		"2024/1;Delrapport;01.01.2025;30.06.2025;i rute;Første halvår;150 000;2;1;0;godkjent;x\n" +
		"2024/2;sluttrapport;2025-01-01;2025-12-31;forsinka;;;3;;1;;\n"))
	r.Resolve("p", testProjects)
	if len(r.Problems) > 0 {
		t.Fatalf("problems %+v", r.Problems)
	}
	if len(r.Entries) != 2 || strings.Join(r.Ignored, ",") != "Merknad" {
		t.Fatalf("entries %+v ignored %v", r.Entries, r.Ignored)
	}
	a, b := r.Entries[0].Report, r.Entries[1].Report
	if a.ProjectID != 11 || a.Kind != followup.ReportInterim || a.From.String() != "2025-01-01" || a.To.String() != "2025-06-30" ||
		a.Progress != followup.ProgressOnTrack || a.Account != "Første halvår" || a.Spent == nil || *a.Spent != 150_000 ||
		a.JobsCreated != 2 || a.JobsSecured != 1 || a.State != followup.ReportAccepted || a.ProgrammeID != "p" {
		t.Errorf("first report %+v", a)
	}
	if b.ProjectID != 12 || b.Kind != followup.ReportFinal || b.Progress != followup.ProgressDelayed || b.Spent != nil ||
		b.JobsCreated != 3 || b.NewBusinesses != 1 || b.State != followup.ReportSubmitted {
		t.Errorf("second report %+v", b)
	}
}

// English headings, commas between cells, and the progress left out.
func TestReadReportsEnglishComma(t *testing.T) {
	r := ReadReports([]byte("Case number,Report kind,Period from,Period to,Jobs created,State\n2024/1,Final report,2025-01-01,2025-12-31,4,Accepted\n"))
	r.Resolve("p", testProjects)
	if len(r.Problems) > 0 || len(r.Entries) != 1 {
		t.Fatalf("problems %+v entries %+v", r.Problems, r.Entries)
	}
	if e := r.Entries[0].Report; e.Kind != followup.ReportFinal || e.Progress != followup.ProgressOnTrack || e.JobsCreated != 4 ||
		e.State != followup.ReportAccepted {
		t.Errorf("report %+v", e)
	}
}

func TestReadReportsWorkbook(t *testing.T) {
	x := excelize.NewFile()
	sh := x.GetSheetName(0)
	rows := [][]any{
		{"Saksnr", "Type", "Fra", "Til", "Forbruk", "Nye arbeidsplassar", "Sikra arbeidsplassar"},
		{"2024/1", "delrapport", "01.01.2025", "30.06.2025", 20000, 2, 3},
		{"2024/2", "sluttrapport", "01.01.2025", "31.12.2025", 1000.5, 1.5, -1},
	}
	for i, row := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := x.SetSheetRow(sh, cell, &row); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := x.Write(&buf); err != nil {
		t.Fatal(err)
	}
	r := ReadReports(buf.Bytes())
	r.Resolve("p", testProjects)
	var got []string
	for _, p := range r.Problems {
		got = append(got, p.Column+strconv.Itoa(p.Row)+":"+p.Code)
	}
	if strings.Join(got, " ") != "E3:not-whole F3:not-count G3:negative-count" {
		t.Fatalf("problems %v", got)
	}
	if e := r.Entries[0].Report; *e.Spent != 20_000 || e.JobsCreated != 2 || e.JobsSecured != 3 {
		t.Errorf("report %+v", e)
	}
}

// Every problem names its row and column, in the person's language.
func TestReportProblemsByRowAndColumn(t *testing.T) {
	r := ReadReports([]byte("Saksnummer;Rapporttype;Periode fra;Periode til;Framdrift;Nye arbeidsplasser;Brukte midler;Rapportstatus\n" +
		"2099/9;Delrapport;01.01.2025;30.06.2025;;;;\n" + // 2: unknown case A
		"2024/1;Halvårsrapport;01.01.2025;30.06.2025;;;;\n" + // 3: unknown kind B
		"2024/1;Delrapport;01.07.2025;30.06.2025;;;;\n" + // 4: to before from D
		"2024/1;Delrapport;01.01.2024;30.06.2024;elendig;2,5;;\n" + // 5: progress E, not whole F
		"2024/1;Delrapport;01.01.2023;30.06.2023;;-2;1 234,50;kladd\n" + // 6: negative F, øre G, state H
		"2024/1;Delrapport;01.01.2025;30.06.2025;;;;\n" + // 7: same as row 3's period but row 3 had no kind
		"2024/1;Delrapport;01.01.2025;30.06.2025;;;;\n" + // 8: duplicate of row 7
		"2024/2;Sluttrapport;;31.12.2025;;;;\n")) // 9: no from C
	r.Resolve("p", testProjects)
	want := []string{"A2:unknown-case", "B3:unknown-kind", "D4:to-before-from", "E5:unknown-progress", "F5:not-count",
		"F6:negative-count", "G6:not-whole", "H6:unknown-state", "8:duplicate-report", "C9:no-value"}
	var got []string
	for _, p := range r.Problems {
		got = append(got, p.Column+strconv.Itoa(p.Row)+":"+p.Code)
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Fatalf("problems\n got %v\nwant %v", got, want)
	}
	texts := map[i18n.Lang]string{}
	for _, l := range i18n.Langs {
		texts[l] = r.Problems[0].Text(l)
	}
	if !strings.Contains(texts[i18n.Lang("nb")], "Rad 2, kolonne A (Saksnummer)") || !strings.Contains(texts[i18n.Lang("nb")], "«2099/9»") {
		t.Errorf("nb text %q", texts[i18n.Lang("nb")])
	}
	if !strings.Contains(texts[i18n.Lang("en")], "Row 2, column A (Saksnummer)") {
		t.Errorf("en text %q", texts[i18n.Lang("en")])
	}
	if strings.Contains(r.Problems[9].Text(i18n.Lang("en")), "projimport.") || !strings.Contains(r.Problems[9].Text(i18n.Lang("en")), "Start date") {
		t.Errorf("no-value text %q", r.Problems[9].Text(i18n.Lang("en")))
	}
}

func TestReportFileProblems(t *testing.T) {
	for name, c := range map[string]struct{ file, code string }{
		"no kind column": {"Saksnummer;Fra;Til\n2024/1;2025-01-01;2025-06-30\n", CodeMissingColumn},
		"no rows":        {"Saksnummer;Rapporttype;Fra;Til\n", CodeNoRows},
		"no headings":    {"a;b\n1;2\n", CodeNoHeading},
	} {
		r := ReadReports([]byte(c.file))
		if len(r.Problems) == 0 || r.Problems[0].Code != c.code {
			t.Errorf("%s: problems %+v, want %s", name, r.Problems, c.code)
		}
	}
}
