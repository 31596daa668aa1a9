package web

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"planverk/followup"
	"planverk/plan"
	"planverk/store"
)

func day(t *testing.T, s string) *plan.Date {
	t.Helper()
	d, err := plan.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return &d
}

// A programme's dashboard shows the money of its projects year by year and
// up to each year, per goal, and its measures and projects by status: each
// chart an image with a title, its figures in the table beside it. A
// visitor sees the money of public projects only.
func TestDashboard(t *testing.T) {
	for _, engine := range engines(t) {
		t.Run(engine, func(t *testing.T) {
			fx := newFixture(t, engine)
			ctx := context.Background()
			// Driv's goals have no measures of their own: its projects
			// serve a goal.
			granted := followup.Project{ProgrammeID: "driv", Title: "Reiseliv i Drangedal", Status: followup.StatusUnderway,
				Goal: 1, Commitments: []followup.Commitment{{Amount: 150000, Source: "fylkeskommunen",
					Decided: day(t, "2025-03-10"), Payments: []followup.Payment{{Date: *day(t, "2025-06-01"), Amount: 100000}}}}}
			idea := followup.Project{ProgrammeID: "driv", Title: "Ein idé", Status: followup.StatusIdea,
				Goal: 1, Commitments: []followup.Commitment{{Amount: 40000, Source: "fylkeskommunen",
					Decided: day(t, "2025-04-01")}}}
			u := fx.user("lesar@example.no", "", false, "driv", "reader")
			for _, p := range []followup.Project{granted, idea} {
				if _, err := fx.store.SaveProject(ctx, p, store.Edit{Author: u.ID}); err != nil {
					t.Fatal(err)
				}
			}
			// An accepted report of the granted project counts its jobs;
			// one still submitted does not.
			projects, _, err := fx.store.Projects(ctx, "driv", store.ProjectQuery{})
			if err != nil {
				t.Fatal(err)
			}
			var grantedID int64
			for _, p := range projects {
				if p.Title == granted.Title {
					grantedID = p.ID
				}
			}
			for i, jobs := range []int{7, 4} {
				rep, err := fx.store.SaveReport(ctx, followup.Report{ProgrammeID: "driv", ProjectID: grantedID, Kind: followup.ReportInterim,
					From: *day(t, "2025-01-01"), To: *day(t, "2025-12-31"), Progress: followup.ProgressOnTrack,
					JobsCreated: jobs, JobsSecured: 1, State: followup.ReportSubmitted}, store.Edit{Author: u.ID})
				if err != nil {
					t.Fatal(err)
				}
				if i == 0 {
					if _, err := fx.store.DecideReport(ctx, store.ReportDecision{ProgrammeID: "driv", ProjectID: grantedID, ID: rep.ID,
						Version: rep.Version, Accept: true}, store.Edit{Author: u.ID}); err != nil {
						t.Fatal(err)
					}
				}
			}
			member := fx.login("lesar@example.no").in("en")
			_, page := member.get("/programmes/driv/dashboard")
			for _, want := range []string{
				`<svg class="chart" role="img"`, `<title id="chart-years-title">Money year by year</title>`,
				`<title id="chart-goals-title">`, `<title id="chart-status-title">Measures and projects by status</title>`,
				`<caption id="years-caption">`,
			} {
				if !strings.Contains(page, want) {
					t.Errorf("the dashboard lacks %s", want)
				}
			}
			row2025 := regexp.MustCompile(`(?s)<tr><th scope="row">2025</th>(.*?)</tr>`).FindStringSubmatch(page)
			if row2025 == nil || !strings.Contains(row2025[1], moneyNB("190 000")) || !strings.Contains(row2025[1], moneyNB("100 000")) ||
				!strings.Contains(row2025[1], moneyNB("4 670 000")) {
				t.Fatalf("the year 2025 for a member: %v", row2025)
			}
			// 8 gross jobs in 2025 (7 created, 1 secured), and so up to
			// 2027; Driv's targets: 31 in 2025, 150 over the period.
			if !strings.Contains(row2025[1], `<td class="num">8</td><td class="num">8</td>`) {
				t.Errorf("the year 2025 does not count 8 jobs in the year and so far: %v", row2025[1])
			}
			if !strings.Contains(page, `<title id="chart-jobs-title">`) ||
				!regexp.MustCompile(`2025 \(gross\)</th>\s*<td class="num">31</td><td class="num">8</td><td class="num">23</td></tr>`).MatchString(page) ||
				!regexp.MustCompile(`2022–2027 \(gross\)</th>\s*<td class="num">150</td><td class="num">8</td><td class="num">142</td></tr>`).MatchString(page) {
				t.Error("the dashboard does not chart 8 jobs against the targets of 31 in 2025 and 150 over 2022–2027")
			}
			if !strings.Contains(page, "Gross jobs counted so far: 8,") {
				t.Error("the dashboard does not say 8 gross jobs are counted")
			}
			// Per funding source: the county's 3 500 000, of which 190 000
			// committed, 100 000 paid and 3 310 000 left; the
			// municipality's 1 170 000 untouched.
			src := regexp.MustCompile(`(?s)<caption id="sources-caption">.*?</tbody>`).FindString(page)
			county := regexp.MustCompile(`(?s)Telemark fylkeskommune</th>\s*<td class="num">(.*?)</td>\s*<td class="num">(.*?)</td><td class="num">(.*?)</td><td class="num">(.*?)</td>`).FindStringSubmatch(src)
			if !strings.Contains(page, `<title id="chart-sources-title">`) || county == nil || county[1] != moneyNB("3 500 000") ||
				county[2] != moneyNB("190 000") || county[3] != moneyNB("100 000") || county[4] != moneyNB("3 310 000") {
				t.Errorf("the money per funding source: %s", src)
			}
			row2027 := regexp.MustCompile(`(?s)<tr><th scope="row">2027</th>(.*?)</tr>`).FindStringSubmatch(page)
			if row2027 == nil || strings.Count(row2027[1], moneyNB("190 000")) != 1 || !strings.Contains(row2027[1], "no plan") {
				t.Errorf("the year 2027, committed so far: %v", row2027)
			}
			if !regexp.MustCompile(`<tr><th scope="row">Idea</th><td class="num">1</td></tr>`).MatchString(page) ||
				!regexp.MustCompile(`<tr><th scope="row">Under way</th><td class="num">1</td></tr>`).MatchString(page) {
				t.Error("the projects by status are not counted")
			}
			_, page = fx.anonymous().in("en").get("/programmes/driv/dashboard")
			row2025 = regexp.MustCompile(`(?s)<tr><th scope="row">2025</th>(.*?)</tr>`).FindStringSubmatch(page)
			if row2025 == nil || !strings.Contains(row2025[1], moneyNB("150 000")) || strings.Contains(row2025[1], moneyNB("190 000")) {
				t.Errorf("the year 2025 for a visitor: %v", row2025)
			}
			if strings.Contains(page, ">Idea<") {
				t.Error("a visitor sees the count of ideas")
			}
		})
	}
}
