package web

import (
	"net/http"
)

// overviewAssessment is a programme's latest status assessment in the
// overview: its year and weighted total in words ("" while not complete).
// Hidden says the person is no member of the programme, and the
// assessment is the programme's own.
type overviewAssessment struct {
	Year    int
	Overall string
	Hidden  bool
}

// overviewAssessments reads the latest assessment of every programme of
// the page the person may see assessments of, in one query, and sets it
// on each row.
func (s *Server) overviewAssessments(r *http.Request, rows []overviewRow) error {
	var ids []string
	for _, row := range rows {
		if canSeeAssessment(r, row.Programme.ID) {
			ids = append(ids, row.Programme.ID)
		}
	}
	latest, err := s.store.LatestAssessments(r.Context(), ids)
	if err != nil {
		return err
	}
	lang := string(language(r))
	for i := range rows {
		if !canSeeAssessment(r, rows[i].Programme.ID) {
			rows[i].Assessment = &overviewAssessment{Hidden: true}
			continue
		}
		l, ok := latest[rows[i].Programme.ID]
		if !ok {
			continue
		}
		oa := &overviewAssessment{Year: l.Year}
		if l.Complete {
			oa.Overall = decimal2(lang, float64(l.Overall)/100)
		}
		rows[i].Assessment = oa
	}
	return nil
}
