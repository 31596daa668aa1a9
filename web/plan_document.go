package web

import (
	"context"
	"fmt"
	"net/http"

	"planverk/document"
)

// PlanDocument lays out the latest public release of a plan to be
// printed, as its PDF's address does for a visitor: for a command or a
// benchmark that prints without a request of its own.
func (s *Server) PlanDocument(ctx context.Context, programmeID string, year int) (document.Document, error) {
	r, err := http.NewRequestWithContext(ctx, http.MethodGet, fmt.Sprintf("/programmes/%s/plans/%d/plan.pdf", programmeID, year), nil)
	if err != nil {
		return document.Document{}, err
	}
	f, v, err := s.loadRelease(r, programmeID, year, 0)
	if err != nil {
		return document.Document{}, fmt.Errorf("plan document %s %d: %w", programmeID, year, err)
	}
	return s.planDocument(r, f, v)
}

// PlanDocx writes the latest public release of a plan as a Word document,
// as its address does for a visitor: for a benchmark that converts it
// without a request of its own.
func (s *Server) PlanDocx(ctx context.Context, programmeID string, year int) ([]byte, error) {
	r, err := http.NewRequestWithContext(ctx, http.MethodGet, fmt.Sprintf("/programmes/%s/plans/%d/plan.docx", programmeID, year), nil)
	if err != nil {
		return nil, err
	}
	f, v, err := s.loadRelease(r, programmeID, year, 0)
	if err != nil {
		return nil, fmt.Errorf("plan document %s %d: %w", programmeID, year, err)
	}
	body, err := s.docxOf(r, f, v)
	if err != nil {
		return nil, fmt.Errorf("plan document %s %d: %w", programmeID, year, err)
	}
	return body, nil
}
