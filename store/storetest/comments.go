package storetest

import (
	"context"
	"testing"

	"planverk/plan"
	"planverk/store"
)

// testComments: comments on a plan and on a measure come back in the order
// they were made, with their author's name; bad ones are refused; and the
// same submission twice is one comment.
func (e engine) testComments(t *testing.T) {
	ctx := context.Background()
	s := e.openTest(t)
	f := RichFile()
	save(t, s, f)
	id, year := f.Programme.ID, f.Plan.Year
	goal, measure := f.Plan.Goals[0].Number, f.Plan.Goals[0].Measures[0].Number
	kari := createUser(t, s, store.User{Email: "kari@example.no", Name: "Kari"})

	add := func(c store.Comment) store.Comment {
		t.Helper()
		c.ProgrammeID, c.Year, c.Author = id, year, kari.ID
		got, err := s.AddComment(ctx, c)
		if err != nil {
			t.Fatalf("AddComment(%q): %v", c.Text, err)
		}
		return got
	}
	first := add(store.Comment{Text: "  Heile planen: kven eig han?  ", Submission: "form-1"})
	if first.Text != "Heile planen: kven eig han?" || first.AuthorName != "Kari" || first.Repeated {
		t.Errorf("first comment = %+v, want the text trimmed and Kari as author", first)
	}
	again := add(store.Comment{Text: "Heile planen: kven eig han?", Submission: "form-1"})
	if !again.Repeated || again.ID != first.ID {
		t.Errorf("the same submission again = %+v, want comment %d repeated", again, first.ID)
	}
	second := add(store.Comment{Goal: goal, Measure: measure, Text: "Kven betaler?"})

	got, err := s.Comments(ctx, id, year)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].ID != first.ID || got[1].ID != second.ID ||
		got[1].Goal != goal || got[1].Measure != measure || got[1].AuthorName != "Kari" {
		t.Errorf("Comments = %+v, want the plan's comment, then the measure's", got)
	}

	_, err = s.AddComment(ctx, store.Comment{ProgrammeID: id, Year: year, Author: kari.ID, Text: "  "})
	wantCode(t, "an empty comment", err, plan.EInvalid)
	_, err = s.AddComment(ctx, store.Comment{ProgrammeID: id, Year: year, Author: kari.ID, Goal: goal, Text: "Halv"})
	wantCode(t, "a goal without a measure", err, plan.EInvalid)
	_, err = s.AddComment(ctx, store.Comment{ProgrammeID: id, Year: year + 40, Author: kari.ID, Text: "Kva plan?"})
	wantCode(t, "a comment on a plan that does not exist", err, plan.ENotFound)
	_, err = s.AddComment(ctx, store.Comment{ProgrammeID: id, Year: year, Author: kari.ID + 100, Text: "Kven er eg?"})
	wantCode(t, "a comment by an unknown user", err, plan.ENotFound)
	if got, _ := s.Comments(ctx, id, year); len(got) != 2 {
		t.Errorf("%d comments after the refused ones, want 2", len(got))
	}
}
