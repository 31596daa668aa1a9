package storetest

import (
	"context"
	"strconv"
	"sync"
	"testing"

	"planverk/capacity"
	"planverk/plan"
	"planverk/store"
)

// The development-capacity survey: a round per programme and year with its
// groups and hashed links, answers through a link counted once per form,
// refused once the round is closed, and links that can be replaced.
func (e engine) testCapacity(t *testing.T) {
	ctx := context.Background()
	s := e.openTest(t)
	save(t, s, &plan.File{Format: plan.FormatVersion,
		Programme: plan.Programme{ID: "p", Name: "P", Kind: plan.KindOther, Period: plan.Period{From: 2024, To: 2027}},
		Plan:      plan.Plan{Year: 2025, Title: "T", Language: plan.Nynorsk}})
	round := store.SurveyRound{ProgrammeID: "p", Year: 2025, SetSource: capacity.DefaultSource, Open: true,
		Groups: []store.SurveyGroup{{Name: "Næringslivet", TokenHash: "h-business"}, {Name: "Kommunen", TokenHash: "h-municipality"}}}
	if _, err := s.OpenSurveyRound(ctx, store.SurveyRound{ProgrammeID: "p", Year: 2025, SetSource: []byte("name: ["),
		Groups: round.Groups}); plan.ErrorCode(err) != plan.EInvalid {
		t.Errorf("a broken set: %v", err)
	}
	if _, err := s.OpenSurveyRound(ctx, store.SurveyRound{ProgrammeID: "nowhere", Year: 2025, SetSource: capacity.DefaultSource,
		Groups: round.Groups}); plan.ErrorCode(err) != plan.ENotFound {
		t.Errorf("an unknown programme: %v", err)
	}
	got, err := s.OpenSurveyRound(ctx, round)
	if err != nil {
		t.Fatal(err)
	}
	if !got.Open || got.PublicResults || len(got.Groups) != 2 || got.Groups[1].Name != "Kommunen" || got.Groups[0].TokenHash != "" ||
		len(got.OpenedOn) != 10 || got.Answers != 0 {
		t.Errorf("opened round: %+v", got)
	}
	if set, err := got.Set(); err != nil || len(set.Indicators()) != 8 {
		t.Errorf("the round's set: %v", err)
	}
	if _, err := s.OpenSurveyRound(ctx, round); plan.ErrorCode(err) != plan.EConflict {
		t.Errorf("a second round for 2025: %v", err)
	}
	older := round
	older.Year, older.Open, older.PublicResults = 2024, false, true
	older.Groups = []store.SurveyGroup{{Name: "Næringslivet", TokenHash: "h-2024"}}
	if _, err := s.OpenSurveyRound(ctx, older); err != nil {
		t.Fatal(err)
	}
	rounds, err := s.SurveyRounds(ctx, "p")
	if err != nil || len(rounds) != 2 || rounds[0].Year != 2025 || !rounds[1].PublicResults || rounds[1].Open {
		t.Errorf("rounds: %+v, %v", rounds, err)
	}

	rd, group, err := s.SurveyLink(ctx, "h-municipality")
	if err != nil || rd.Year != 2025 || group != 1 {
		t.Errorf("link: %+v, group %d, %v", rd, group, err)
	}
	if _, _, err := s.SurveyLink(ctx, "h-nothing"); plan.ErrorCode(err) != plan.ENotFound {
		t.Errorf("an unknown link: %v", err)
	}

	answer := func(v int) capacity.Response {
		return capacity.Response{Scores: map[string]int{"tillit": v, "vilje": v}, Comment: "svar " + strconv.Itoa(v)}
	}
	var wg sync.WaitGroup
	for range 5 {
		// The same form sent five times at once counts once.
		wg.Go(func() {
			if err := s.AddSurveyAnswer(ctx, "h-business", "form-1", "2025-10-01", answer(3)); err != nil {
				t.Errorf("answer: %v", err)
			}
		})
	}
	wg.Wait()
	if err := s.AddSurveyAnswer(ctx, "h-municipality", "form-2", "2025-10-02", answer(5)); err != nil {
		t.Fatal(err)
	}
	if err := s.AddSurveyAnswer(ctx, "h-business", "form-3", "2025-10-02", capacity.Response{Scores: map[string]int{"tillit": 9}}); plan.ErrorCode(err) != plan.EInvalid {
		t.Errorf("a score off the scale: %v", err)
	}
	if err := s.AddSurveyAnswer(ctx, "h-business", "form-4", "2025-10-02", capacity.Response{Scores: map[string]int{"ukjend": 2}}); plan.ErrorCode(err) != plan.EInvalid {
		t.Errorf("an unknown indicator: %v", err)
	}
	if err := s.AddSurveyAnswer(ctx, "h-business", "form-5", "2025-10-02T10:00", answer(2)); plan.ErrorCode(err) != plan.EInvalid {
		t.Errorf("a time finer than the day: %v", err)
	}
	if err := s.AddSurveyAnswer(ctx, "h-2024", "form-6", "2025-10-02", answer(2)); plan.ErrorCode(err) != plan.EConflict {
		t.Errorf("an answer to a closed round: %v", err)
	}
	if err := s.AddSurveyAnswer(ctx, "h-nothing", "form-7", "2025-10-02", answer(2)); plan.ErrorCode(err) != plan.ENotFound {
		t.Errorf("an answer through an unknown link: %v", err)
	}
	answers, err := s.SurveyAnswers(ctx, "p", 2025)
	if err != nil || len(answers) != 2 {
		t.Fatalf("answers: %+v, %v", answers, err)
	}
	if a := answers[0]; a.Group != 0 || a.Scores["tillit"] != 3 || a.Scores["vilje"] != 3 || a.Comment != "svar 3" {
		t.Errorf("first answer: %+v", a)
	}
	if a := answers[1]; a.Group != 1 || a.Scores["tillit"] != 5 {
		t.Errorf("second answer: %+v", a)
	}
	if rd, _ := s.SurveyRound(ctx, "p", 2025); rd.Answers != 2 {
		t.Errorf("the round counts %d answers", rd.Answers)
	}
	if _, err := s.SurveyAnswers(ctx, "p", 2030); plan.ErrorCode(err) != plan.ENotFound {
		t.Errorf("answers of no round: %v", err)
	}

	if err := s.SetSurveyRoundOpen(ctx, "p", 2025, false); err != nil {
		t.Fatal(err)
	}
	if err := s.AddSurveyAnswer(ctx, "h-business", "form-8", "2025-10-03", answer(4)); plan.ErrorCode(err) != plan.EConflict {
		t.Errorf("an answer after closing: %v", err)
	}
	// The same form sent again after closing is still the one answer.
	if err := s.AddSurveyAnswer(ctx, "h-business", "form-1", "2025-10-03", answer(3)); err != nil {
		t.Errorf("a repeated form after closing: %v", err)
	}
	if err := s.SetSurveyRoundOpen(ctx, "p", 2025, true); err != nil {
		t.Fatal(err)
	}
	if err := s.SetSurveyRoundOpen(ctx, "p", 2031, true); plan.ErrorCode(err) != plan.ENotFound {
		t.Errorf("opening no round: %v", err)
	}

	if err := s.ReplaceSurveyLinks(ctx, "p", 2025, []string{"only-one"}); plan.ErrorCode(err) != plan.EInvalid {
		t.Errorf("one link for two groups: %v", err)
	}
	if err := s.ReplaceSurveyLinks(ctx, "p", 2025, []string{"n-business", "n-municipality"}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.SurveyLink(ctx, "h-business"); plan.ErrorCode(err) != plan.ENotFound {
		t.Errorf("an old link still answers: %v", err)
	}
	if _, g, err := s.SurveyLink(ctx, "n-municipality"); err != nil || g != 1 {
		t.Errorf("the new link: %d, %v", g, err)
	}
}
