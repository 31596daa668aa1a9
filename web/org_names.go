package web

import "net/http"

// orgNames maps every organisation ID to its name.
func (s *Server) orgNames(r *http.Request) (map[string]string, error) {
	orgs, err := s.store.Organisations(r.Context())
	if err != nil {
		return nil, err
	}
	names := make(map[string]string, len(orgs))
	for _, o := range orgs {
		names[o.ID] = o.Name
	}
	return names, nil
}
