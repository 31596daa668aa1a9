package web

import (
	"context"
	"net/http"
	"sync"
	"testing"

	"planverk/auth"
)

// A reviewer's comment sent ten times at once (a double click, a slow
// network) is one comment; the next comment, from a fresh page, is another.
func TestCommentOnce(t *testing.T) {
	for _, engine := range engines(t) {
		t.Run(engine, func(t *testing.T) {
			fx := newFixture(t, engine)
			fx.user("kari@example.no", "telemark-fylkeskommune", false, "vest-telemark", auth.RoleReviewer)
			kari := fx.login("kari@example.no")
			m11 := "/programmes/vest-telemark/plans/2025/goals/1/measures/1"
			action := "/programmes/vest-telemark/plans/2025/comments"
			_, page := kari.get(m11)
			form := formAt(t, page, action)
			if form.Get("submission") == "" {
				t.Fatal("the comment form has no submission key")
			}
			form.Set("text", "Kven i kommunen følgjer opp dette?")
			var wg sync.WaitGroup
			codes := make(chan int, 10)
			for range 10 {
				wg.Go(func() {
					resp, _ := kari.post(action, form)
					codes <- resp.StatusCode
				})
			}
			wg.Wait()
			close(codes)
			for c := range codes {
				if c != http.StatusSeeOther {
					t.Errorf("a submission answered %d, want 303", c)
				}
			}
			count := func() int {
				cs, err := fx.store.Comments(context.Background(), "vest-telemark", 2025)
				if err != nil {
					t.Fatal(err)
				}
				return len(cs)
			}
			if n := count(); n != 1 {
				t.Errorf("ten submissions of one comment made %d comments", n)
			}
			_, page = kari.get(m11)
			again := formAt(t, page, action)
			if again.Get("submission") == form.Get("submission") {
				t.Fatal("the page gave the same submission key twice")
			}
			again.Set("text", "Og kven betaler?")
			kari.post(action, again)
			if n := count(); n != 2 {
				t.Errorf("%d comments after a second one, want 2", n)
			}
		})
	}
}

// An API client that retries a comment with the same Idempotency-Key gets
// the first answer and makes one comment; another user's same key is their
// own comment.
func TestAPICommentIdempotent(t *testing.T) {
	fx := newFixture(t, "sqlite")
	kari := fx.apiToken("kari@example.no", "", auth.RoleReviewer)
	ola := fx.apiToken("ola@example.no", "", auth.RoleReviewer)
	body := `{"goal": 1, "measure": 1, "text": "Kven betaler?"}`
	first := fx.call("POST", apiVT+"/comments", kari, body, "Idempotency-Key", "c-1")
	wantStatus(t, first, 201)
	retry := fx.call("POST", apiVT+"/comments", kari, body, "Idempotency-Key", "c-1")
	wantStatus(t, retry, 201)
	var a, b apiComment
	first.json(t, &a)
	retry.json(t, &b)
	if a != b {
		t.Errorf("the retry answered %+v, the first %+v", b, a)
	}
	wantStatus(t, fx.call("POST", apiVT+"/comments", ola, body, "Idempotency-Key", "c-1"), 201)
	cs, err := fx.store.Comments(context.Background(), "vest-telemark", 2025)
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 2 {
		t.Errorf("%d comments, want 2 (one per person)", len(cs))
	}
}
