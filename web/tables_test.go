package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"planverk/auth"
)

// A budget is added with its years, gets a line in its own form, and the
// plan page computes its total. Bad input is refused beside the field that
// is wrong, in the person's language.
func TestTablesBudgetNew(t *testing.T) {
	for _, engine := range engines(t) {
		t.Run(engine, func(t *testing.T) {
			fx := newFixture(t, engine)
			editor := moneyUser(fx, "redaktor@example.no", auth.RoleEditor)
			_, planPage := editor.get(moneyVTPlan)
			if !strings.Contains(planPage, `href="`+moneyVTPlan+`/budgets/new"`) || !strings.Contains(planPage, `href="`+moneyVTPlan+`/financing/new"`) {
				t.Error("the plan page offers no link to add a budget or a financing table")
			}
			path := moneyVTPlan + "/budgets/new"
			resp, page := editor.get(path)
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("new budget form: %d", resp.StatusCode)
			}
			form := editForm(page)
			if form.Get("from") != "2025" || form.Get("to") != "2028" {
				t.Errorf("the form starts at %q–%q, want the plan's year to the period's end", form.Get("from"), form.Get("to"))
			}

			bad := editForm(page)
			bad.Set("title", " ")
			bad.Set("from", "2024")
			resp, body := editor.post(path, bad)
			if resp.StatusCode != http.StatusUnprocessableEntity {
				t.Fatalf("bad budget: %d", resp.StatusCode)
			}
			if got := errorBeside(body, "title"); !strings.Contains(got, "Tittel: skriv en tittel") {
				t.Errorf("beside the title: %q", got)
			}
			if got := errorBeside(body, "from"); !strings.Contains(got, "programperioden 2025–2028") {
				t.Errorf("beside the first year: %q", got)
			}
			bad.Set("title", "Kommunikasjon")
			bad.Set("from", "2026")
			bad.Set("to", "2025")
			_, body = editor.in("en").post(path, bad)
			if got := errorBeside(body, "to"); !strings.Contains(got, "To year: write a year that is not before 2026") {
				t.Errorf("beside the last year, in English: %q", got)
			}
			editor.in("nb")

			form.Set("title", "Kommunikasjon og profilering")
			form.Set("from", "2025")
			form.Set("to", "2026")
			resp, body = editor.post(path, form)
			edit := moneyVTPlan + "/budgets/kommunikasjon-og-profilering/edit"
			if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != edit {
				t.Fatalf("create: %d to %q\n%s", resp.StatusCode, resp.Header.Get("Location"), body)
			}
			// The same form again makes no second budget.
			if resp, _ := editor.post(path, form); resp.StatusCode != http.StatusSeeOther {
				t.Errorf("the same form again: %d", resp.StatusCode)
			}
			f, _ := latest(t, fx, "vest-telemark")
			if n := len(f.Plan.Budgets); n != 2 || f.Plan.Budgets[1].Title != "Kommunikasjon og profilering" || len(f.Plan.Budgets[1].Years) != 2 {
				t.Fatalf("budgets after creating one: %d, %+v", n, f.Plan.Budgets)
			}

			_, page = editor.get(edit)
			form = editForm(page)
			form.Set("new-label", "Nettside")
			form.Set("new-y2025", "120 000")
			form.Set("new-y2026", "80000")
			if resp, body := editor.post(edit, form); resp.StatusCode != http.StatusSeeOther {
				t.Fatalf("adding a line: %d\n%s", resp.StatusCode, body)
			}
			_, planPage = editor.get(moneyVTPlan)
			text := pageText(planPage)
			if !strings.Contains(text, "Kommunikasjon og profilering") || !strings.Contains(text, "Nettside 200 000 120 00080 000") {
				t.Errorf("the plan page does not show the new budget's line and computed total:\n%.3000s", text[strings.Index(text, "Mer fra planen Mål"):])
			}
			_, hist := editor.get(moneyVTPlan + "/history")
			if !strings.Contains(pageText(hist), "Kommunikasjon og profilering") {
				t.Error("the history does not name the new budget")
			}
		})
	}
}

// A budget is renamed in its form, and a year is removed: one holding
// amounts only once the person has seen them named and ticked the box.
func TestTablesBudgetRenameRemoveYear(t *testing.T) {
	for _, engine := range engines(t) {
		t.Run(engine, func(t *testing.T) {
			fx := newFixture(t, engine)
			editor := moneyUser(fx, "redaktor@example.no", auth.RoleEditor)
			_, page := editor.get(moneyVTBudget)
			form := editForm(page)
			form.Set("title", "")
			resp, body := editor.post(moneyVTBudget, form)
			if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(errorBeside(body, "title"), "Tittel") {
				t.Errorf("an empty title: %d, %q", resp.StatusCode, errorBeside(body, "title"))
			}

			form = editForm(page)
			form.Set("title", "Budsjett for avtaleperioden")
			form.Set("remove_year", "2028")
			resp, body = editor.post(moneyVTBudget, form)
			if resp.StatusCode != http.StatusUnprocessableEntity {
				t.Fatalf("removing a year with amounts, unconfirmed: %d", resp.StatusCode)
			}
			msg := errorBeside(body, "remove_year")
			if !strings.Contains(msg, "2028 har beløp") || !strings.Contains(msg, "«Fleire eigna bustader i Vest-Telemark»") {
				t.Errorf("the message does not name the year's amounts: %q", msg)
			}
			if !strings.Contains(body, `name="remove_year_confirm" value="2028"`) {
				t.Fatal("the form offers no box to confirm")
			}
			if f, _ := latest(t, fx, "vest-telemark"); len(f.Plan.Budgets[0].Years) != 4 || f.Plan.Budgets[0].Title == "Budsjett for avtaleperioden" {
				t.Fatal("an unconfirmed removal saved something")
			}
			form.Set("remove_year_confirm", "2028")
			if resp, body := editor.post(moneyVTBudget, form); resp.StatusCode != http.StatusSeeOther {
				t.Fatalf("confirmed: %d\n%s", resp.StatusCode, body)
			}
			f, _ := latest(t, fx, "vest-telemark")
			b := f.Plan.Budgets[0]
			if b.Title != "Budsjett for avtaleperioden" || len(b.Years) != 3 || b.Years[2] != 2027 {
				t.Fatalf("budget after the save: %q %v", b.Title, b.Years)
			}
			for _, l := range b.Lines {
				if _, ok := l.Amounts[2028]; ok {
					t.Errorf("line %q keeps an amount for 2028", l.Label)
				}
			}
			if _, ok := b.Printed.Years[2028]; ok {
				t.Error("the printed sum keeps 2028")
			}
			_, planPage := editor.get(moneyVTPlan)
			if !strings.Contains(planPage, "Budsjett for avtaleperioden") {
				t.Error("the plan page shows the old title")
			}
			_, hist := editor.get(moneyVTPlan + "/history")
			if !strings.Contains(pageText(hist), "Budsjett for avtaleperioden") {
				t.Error("the history does not show the new title")
			}
		})
	}
}

// A budget is removed after a page that says what goes with it, and put
// back from the history; one whose lines a financing table finances stays.
func TestTablesBudgetDeleteRestore(t *testing.T) {
	for _, engine := range engines(t) {
		t.Run(engine, func(t *testing.T) {
			fx := newFixture(t, engine)
			editor := moneyUser(fx, "redaktor@example.no", auth.RoleEditor)
			resp, page := editor.get(moneyVTPlan + "/budgets/period/delete")
			if resp.StatusCode != http.StatusOK || !strings.Contains(pageText(page), "«Samla budsjett og finansiering for 2025» finansierer linjene") {
				t.Errorf("a financed budget's page: %d\n%s", resp.StatusCode, pageText(page))
			}
			if resp, _ := editor.post(moneyVTPlan+"/budgets/period/delete", url.Values{}); resp.StatusCode != http.StatusConflict {
				t.Errorf("removing a financed budget: %d, want 409", resp.StatusCode)
			}

			_, page = editor.get(moneyVTPlan + "/budgets/new")
			form := editForm(page)
			form.Set("title", "Reserve")
			form.Set("to", "")
			editor.post(moneyVTPlan+"/budgets/new", form)
			_, page = editor.get(moneyVTPlan + "/budgets/reserve/edit")
			form = editForm(page)
			form.Set("new-label", "Uføresett")
			form.Set("new-y2025", "50000")
			editor.post(moneyVTPlan+"/budgets/reserve/edit", form)

			del := moneyVTPlan + "/budgets/reserve/delete"
			_, page = editor.get(del)
			text := pageText(page)
			for _, want := range []string{"Fjern budsjettet Reserve", "årene 2025", "1 linje: «Uføresett»", "beløp på til sammen 50 000", "historikk"} {
				if !strings.Contains(text, want) {
					t.Errorf("the confirmation lacks %q:\n%s", want, text)
				}
			}
			confirm := editForm(page)
			// Changed meanwhile: the page comes back with what goes now.
			_, edit := editor.get(moneyVTPlan + "/budgets/reserve/edit")
			form = editForm(edit)
			form.Set("line-0-y2025", "60000")
			editor.post(moneyVTPlan+"/budgets/reserve/edit", form)
			resp, page = editor.post(del, confirm)
			if resp.StatusCode != http.StatusConflict || !strings.Contains(pageText(page), "60 000") {
				t.Fatalf("a stale removal: %d\n%s", resp.StatusCode, pageText(page))
			}
			resp, _ = editor.post(del, editForm(page))
			if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != moneyVTPlan+"/history" {
				t.Fatalf("removal: %d to %q", resp.StatusCode, resp.Header.Get("Location"))
			}
			if f, _ := latest(t, fx, "vest-telemark"); len(f.Plan.Budgets) != 1 {
				t.Fatalf("%d budgets after the removal", len(f.Plan.Budgets))
			}
			_, hist := editor.get(moneyVTPlan + "/history")
			if strings.Contains(pageText(hist), "budget:") {
				t.Errorf("the history shows a table's reference, not its name:\n%s", pageText(hist))
			}
			restore := formAt(t, hist, moneyVTPlan+"/tables/restore")
			if restore.Get("id") != "reserve" || !strings.Contains(pageText(hist), "Hent fram igjen budsjettet «Reserve»") {
				t.Fatalf("the history offers no way back: %v\n%s", restore, pageText(hist))
			}
			resp, _ = editor.post(moneyVTPlan+"/tables/restore", restore)
			if resp.StatusCode != http.StatusSeeOther {
				t.Fatalf("restore: %d", resp.StatusCode)
			}
			f, _ := latest(t, fx, "vest-telemark")
			if len(f.Plan.Budgets) != 2 || f.Plan.Budgets[1].Lines[0].Amounts[2025] != 60000 {
				t.Fatalf("restored budgets: %+v", f.Plan.Budgets)
			}
		})
	}
}

// A financing table is added with a span of years and some of the plan's
// sources, renamed, given a row, shown with its total, and removed.
func TestTablesFinancing(t *testing.T) {
	for _, engine := range engines(t) {
		t.Run(engine, func(t *testing.T) {
			fx := newFixture(t, engine)
			editor := moneyUser(fx, "redaktor@example.no", auth.RoleEditor)
			path := moneyVTPlan + "/financing/new"
			_, page := editor.get(path)
			form := editForm(page)
			if form.Get("budget") != "period" || form.Get("source_kdd-post-66") != "on" {
				t.Errorf("the form starts with budget %q and KDD %q", form.Get("budget"), form.Get("source_kdd-post-66"))
			}
			form.Set("budget", "nowhere")
			form.Set("title", "Finansiering 2026–2027")
			form.Set("from", "2026")
			form.Set("to", "2027")
			resp, body := editor.post(path, form)
			if resp.StatusCode != http.StatusUnprocessableEntity || errorBeside(body, "budget") == "" {
				t.Errorf("an unknown budget: %d, %q", resp.StatusCode, errorBeside(body, "budget"))
			}
			form.Set("budget", "")
			for k := range form {
				if strings.HasPrefix(k, "source_") && k != "source_kdd-post-66" && k != "source_kommunal-eigendel" {
					form.Del(k)
				}
			}
			resp, body = editor.post(path, form)
			edit := moneyVTPlan + "/financing/finansiering-2026-2027/edit"
			if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != edit {
				t.Fatalf("create: %d to %q\n%s", resp.StatusCode, resp.Header.Get("Location"), body)
			}
			f, _ := latest(t, fx, "vest-telemark")
			tbl := f.Plan.Financing[len(f.Plan.Financing)-1]
			if tbl.Years == nil || tbl.Years.From != 2026 || tbl.Years.To != 2027 || len(tbl.Sources) != 2 || tbl.Budget != "" {
				t.Fatalf("new table = %+v", tbl)
			}

			_, page = editor.get(edit)
			form = editForm(page)
			if form.Get("from") != "2026" || form.Get("to") != "2027" {
				t.Errorf("the form shows the years %q–%q", form.Get("from"), form.Get("to"))
			}
			bad := editForm(page)
			bad.Set("from", "2030")
			if resp, body := editor.post(edit, bad); resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(errorBeside(body, "to"), "2030") {
				t.Errorf("a span backwards: %d, %q", resp.StatusCode, errorBeside(body, "to"))
			}
			form.Set("title", "Fase 2")
			form.Set("to", "2028")
			form.Set("new-label", "Fase 2 samla")
			form.Set("new-c_kdd-post-66_amount", "3 000 000")
			form.Set("new-c_kommunal-eigendel_amount", "1000000")
			if resp, body := editor.post(edit, form); resp.StatusCode != http.StatusSeeOther {
				t.Fatalf("a row: %d\n%s", resp.StatusCode, body)
			}
			_, planPage := editor.get(moneyVTPlan)
			text := pageText(planPage)
			if !strings.Contains(text, "Fase 2") || !strings.Contains(text, "4 000 000") {
				t.Errorf("the plan page lacks the table or its computed total")
			}
			if f, _ := latest(t, fx, "vest-telemark"); f.Plan.Financing[1].Years == nil || f.Plan.Financing[1].Years.To != 2028 || f.Plan.Financing[1].Title != "Fase 2" {
				t.Errorf("renamed table = %+v", f.Plan.Financing[1])
			}

			del := moneyVTPlan + "/financing/finansiering-2026-2027/delete"
			_, page = editor.get(del)
			if text := pageText(page); !strings.Contains(text, "årene 2026–2028") || !strings.Contains(text, "1 rad: «Fase 2 samla»") || !strings.Contains(text, "4 000 000") {
				t.Errorf("the confirmation: %s", text)
			}
			if resp, _ := editor.post(del, editForm(page)); resp.StatusCode != http.StatusSeeOther {
				t.Fatalf("removal: %d", resp.StatusCode)
			}
			if f, _ := latest(t, fx, "vest-telemark"); len(f.Plan.Financing) != 1 {
				t.Errorf("%d financing tables after the removal", len(f.Plan.Financing))
			}
		})
	}
}

// A programme from anywhere goes in through the browser alone: started
// with its period, then its funding sources, a budget with a line, and a
// financing table of the line; the plan page adds it all up.
func TestTablesNewProgrammePlan(t *testing.T) {
	for _, engine := range engines(t) {
		t.Run(engine, func(t *testing.T) {
			fx := newFixture(t, engine)
			fx.user("sys@planverk.no", "", true, "", "")
			b := fx.login("sys@planverk.no").in("nn")
			_, page := b.get("/programmes/new")
			resp, _ := b.post("/programmes/new", url.Values{"id": {"nordfjord"}, "name": {"Omstilling Nordfjord"},
				"kind": {"restructuring-programme"}, "period_from": {"2026"}, "period_to": {"2031"}, "year": {"2026"},
				"title": {"Handlingsplan 2026"}, "language": {"nn"}, "submission": {editForm(page).Get("submission")}})
			if resp.StatusCode != http.StatusSeeOther {
				t.Fatalf("programme: %d", resp.StatusCode)
			}
			pl := "/programmes/nordfjord/plans/2026"
			_, page = b.get(pl)
			for _, link := range []string{"/budgets/new", "/financing/new", "/sources/edit"} {
				if !strings.Contains(page, `href="`+pl+link+`"`) {
					t.Errorf("the new plan's page has no link to %s", link)
				}
			}
			for _, src := range [][2]string{{"Vestland fylkeskommune", ""}, {"Husbanken tilskot", "husbanken"}} {
				name, org := src[0], src[1]
				_, page = b.get(pl + "/sources/edit")
				if !strings.Contains(page, `<option value="husbanken"`) {
					t.Fatal("the sources form of a new programme offers no organisation of the register")
				}
				form := editForm(page)
				form.Set("new-name", name)
				form.Set("new-org", org)
				if resp, body := b.post(pl+"/sources/edit", form); resp.StatusCode != http.StatusSeeOther {
					t.Fatalf("source %s: %d\n%s", name, resp.StatusCode, body)
				}
			}
			if f, _, err := fx.store.LoadPlan(context.Background(), "nordfjord", 2026); err != nil || len(f.Organisations) != 1 || f.Organisations[0].ID != "husbanken" {
				t.Fatalf("the new plan's organisations: %v", err)
			}
			_, page = b.get(pl + "/budgets/new")
			form := editForm(page)
			form.Set("title", "Budsjett 2026")
			form.Set("to", "")
			if resp, body := b.post(pl+"/budgets/new", form); resp.StatusCode != http.StatusSeeOther {
				t.Fatalf("budget: %d\n%s", resp.StatusCode, body)
			}
			_, page = b.get(pl + "/budgets/budsjett-2026/edit")
			form = editForm(page)
			form.Set("new-label", "Næringsutvikling")
			form.Set("new-y2026", "2 000 000")
			if resp, body := b.post(pl+"/budgets/budsjett-2026/edit", form); resp.StatusCode != http.StatusSeeOther {
				t.Fatalf("line: %d\n%s", resp.StatusCode, body)
			}
			_, page = b.get(pl + "/financing/new")
			form = editForm(page)
			if form.Get("budget") != "budsjett-2026" || form.Get("source_vestland-fylkeskommune") != "on" {
				t.Fatalf("the financing form starts with %v", form)
			}
			form.Set("title", "Finansiering 2026")
			if resp, body := b.post(pl+"/financing/new", form); resp.StatusCode != http.StatusSeeOther {
				t.Fatalf("financing: %d\n%s", resp.StatusCode, body)
			}
			fin := pl + "/financing/finansiering-2026/edit"
			_, page = b.get(fin)
			form = editForm(page)
			form.Set("new-line", "naeringsutvikling")
			form.Set("new-c_vestland-fylkeskommune_amount", "1 500 000")
			form.Set("new-c_husbanken-tilskot_amount", "500 000")
			if resp, body := b.post(fin, form); resp.StatusCode != http.StatusSeeOther {
				t.Fatalf("financing row: %d\n%s", resp.StatusCode, body)
			}
			_, page = b.get(pl)
			text := pageText(page)
			if !strings.Contains(text, "Næringsutvikling 2 000 000 1 500 000500 000") {
				t.Errorf("the plan page lacks the financing of the line:\n%s", text)
			}
			if !strings.Contains(text, "Kontrollarfeil: 0, åtvaringar: 0") {
				t.Errorf("the new plan has findings:\n%s", text)
			}
		})
	}
}

// A budget line moves one place at a time, and the form comes back for
// the next move; the plan page prints the lines in their new order.
func TestTablesBudgetMoveLine(t *testing.T) {
	for _, engine := range engines(t) {
		t.Run(engine, func(t *testing.T) {
			fx := newFixture(t, engine)
			editor := moneyUser(fx, "redaktor@example.no", auth.RoleEditor)
			_, page := editor.get(moneyVTBudget)
			form := editForm(page)
			form.Set("move_line", "prosjektleiing")
			form.Set("move_to", "sideways")
			if resp, body := editor.post(moneyVTBudget, form); resp.StatusCode != http.StatusUnprocessableEntity || errorBeside(body, "move_to") == "" {
				t.Errorf("a move nowhere: %d", resp.StatusCode)
			}
			form.Set("move_to", "up")
			resp, _ := editor.post(moneyVTBudget, form)
			if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != moneyVTBudget+"?moved=1" {
				t.Fatalf("moving a line: %d to %q", resp.StatusCode, resp.Header.Get("Location"))
			}
			f, _ := latest(t, fx, "vest-telemark")
			var ids []string
			for _, l := range f.Plan.Budgets[0].Lines {
				ids = append(ids, l.ID)
			}
			if ids[2] != "prosjektleiing" || len(ids) != 4 {
				t.Fatalf("lines after the move: %v", ids)
			}
			_, planPage := editor.get(moneyVTPlan)
			text := pageText(planPage)
			i, j := strings.Index(text, "4 Prosjektleiing"), strings.Index(text, "3 Meir kompetanse innan helse og oppvekst mål 3")
			if i < 0 || j < 0 || i > j {
				t.Errorf("the plan page does not print the moved line before the one it passed (%d, %d)", i, j)
			}
		})
	}
}

// A financing table's source column is removed; one holding amounts only
// once the form has named them and the person has ticked the box.
func TestTablesFinancingRemoveSource(t *testing.T) {
	for _, engine := range engines(t) {
		t.Run(engine, func(t *testing.T) {
			fx := newFixture(t, engine)
			editor := moneyUser(fx, "redaktor@example.no", auth.RoleEditor)
			_, page := editor.get(moneyVTFinance)
			form := editForm(page)
			form.Set("remove_source", "kommunal-eigendel")
			resp, body := editor.post(moneyVTFinance, form)
			if resp.StatusCode != http.StatusUnprocessableEntity {
				t.Fatalf("unconfirmed: %d", resp.StatusCode)
			}
			if msg := errorBeside(body, "remove_source"); !strings.Contains(msg, "«Kommunal eigendel» har beløp") || !strings.Contains(msg, "«Fleire eigna bustader i Vest-Telemark» 100") {
				t.Errorf("the message does not name the column's amounts: %q", msg)
			}
			form.Set("remove_source_confirm", "kommunal-eigendel")
			if resp, body := editor.post(moneyVTFinance, form); resp.StatusCode != http.StatusSeeOther {
				t.Fatalf("confirmed: %d\n%s", resp.StatusCode, body)
			}
			f, _ := latest(t, fx, "vest-telemark")
			tbl := f.Plan.Financing[0]
			for _, src := range tbl.Sources {
				if src == "kommunal-eigendel" {
					t.Error("the column is still there")
				}
			}
			for _, row := range tbl.Rows {
				for _, c := range row.Cells {
					if c.Source == "kommunal-eigendel" {
						t.Errorf("row %q keeps a cell of the removed column", row.Line)
					}
				}
			}
			if len(f.Plan.Sources) != 6 {
				t.Errorf("the plan has %d sources, want the 6 it had", len(f.Plan.Sources))
			}
			_, planPage := editor.get(moneyVTPlan)
			if !strings.Contains(pageText(planPage), "Sum 2 400 000oppgitt: 2 700 000 2 400 000") {
				t.Errorf("the plan page's sum of the financing does not follow: %s", pageText(planPage)[strings.Index(pageText(planPage), "7. Samla budsjett og finansiering for 2025 Samla"):][:600])
			}
		})
	}
}
