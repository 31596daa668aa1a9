package web

import (
	"errors"
	"net/http"

	"planverk/plan"
)

// refusedView is a request the domain's rules refused, said in the
// person's words, with the way back.
type refusedView struct {
	Key  string
	Args []any
	Back string
}

// refuse answers a request that a rule of the domain refused (a second
// plan for the same year, a step out of order) with the rule's own
// message in the person's language; other errors go to fail.
func (s *Server) refuse(w http.ResponseWriter, r *http.Request, err error, back string) {
	var pe *plan.Error
	if !errors.As(err, &pe) || pe.Key == "" {
		s.fail(w, r, err)
		return
	}
	var args []any
	for k, v := range pe.Args {
		if d, ok := v.(plan.Date); ok {
			v = dateText(&d)
		}
		args = append(args, k, v)
	}
	s.render(w, r, statusOf(err), "refused", &view{Title: i18nTitle(r, "cycle.refused"),
		Data: refusedView{Key: pe.Key, Args: args, Back: back}})
}

// Tf translates a message with its arguments as a list of names and
// values, for a template that has them as one value.
func (v *view) Tf(id string, pairs []any) string { return v.T(id, pairs...) }
