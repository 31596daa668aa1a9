package web

import (
	"net/http"
	"strings"

	"planverk/scheme"
)

// apiSchemeList is a search of the support-scheme catalogue: the hits, best
// first, and for every facet how many of the schemes the text found have
// each value, counted with the other facets' filters applied.
type apiSchemeList struct {
	Query string `json:"query"`
	// Words is how many words of the query were searched for.
	Words int `json:"words"`
	// Fallback is set when no scheme matched every word, and the hits are
	// those that match some.
	Fallback bool `json:"fallback"`
	// Hits are one page of the hits, best first; Total counts them on
	// every page, Page is this one (from 1), and Next is the address of
	// the next, where there is one.
	Hits   []apiSchemeHit                       `json:"hits"`
	Total  int                                  `json:"total"`
	Page   int                                  `json:"page"`
	Next   string                               `json:"next,omitempty"`
	Facets map[scheme.Facet][]scheme.FacetCount `json:"facets"`
	// Terms are the glossary terms the query names.
	Terms []scheme.Term `json:"terms"`
	// Suggestions are, when nothing was found, the catalogue's words
	// nearest to each query word no scheme has.
	Suggestions []scheme.Suggestion `json:"suggestions"`
	// Relaxed are, for each facet filtered on, how many schemes the search
	// would find without that facet's filter.
	Relaxed []scheme.Relaxed `json:"relaxed"`
}

type apiSchemeHit struct {
	Scheme scheme.Scheme `json:"scheme"`
	Score  float64       `json:"score"`
	// Matched are the query's words the scheme matched.
	Matched []string `json:"matched"`
	// Words is how many of the query's words it matched, of words.
	Words int    `json:"words"`
	URL   string `json:"url"`
}

// apiSchemePageSize is how many hits a page of the API's search holds: a
// national catalogue's broad search finds thousands.
const apiSchemePageSize = 50

func schemeURL(id string) string { return "/api/v1/schemes/" + id }

// schemeForAPI is a scheme as the API writes it: its lists as lists, empty
// rather than null where a catalogue left one out, as the description says.
func schemeForAPI(sc scheme.Scheme) scheme.Scheme {
	sc.Areas = orEmpty(sc.Areas)
	sc.Kinds = orEmpty(sc.Kinds)
	sc.Audiences = orEmpty(sc.Audiences)
	sc.Stages = orEmpty(sc.Stages)
	sc.Themes = orEmpty(sc.Themes)
	return sc
}

func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// apiSchemes searches the catalogue: ?q= words in bokmål or nynorsk, and
// any facet as a parameter, once per value (kind=loan&kind=grant).
func (s *Server) apiSchemes(w http.ResponseWriter, r *http.Request) {
	cat, err := s.catalogue(r.Context())
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	q := r.URL.Query()
	text := strings.TrimSpace(q.Get("q"))
	res := cat.Index.Search(scheme.Query{Text: text, Filters: facetFilters(q), Lang: schemeLang(apiLang(r))})
	out := apiSchemeList{Query: text, Words: res.Words, Fallback: res.Fallback, Hits: []apiSchemeHit{}, Facets: res.Facets, Terms: []scheme.Term{},
		Suggestions: orEmpty(res.Suggestions), Relaxed: orEmpty(res.Relaxed)}
	page, offset := pageOf(r, apiSchemePageSize)
	out.Total, out.Page = len(res.Hits), page
	if pg := newPager(r, page, apiSchemePageSize, len(res.Hits)); pg.Next != "" {
		out.Next = pg.Next
		w.Header().Set("Link", "<"+pg.Next+`>; rel="next"`)
	}
	for _, h := range res.Hits[min(offset, len(res.Hits)):min(offset+apiSchemePageSize, len(res.Hits))] {
		matched := h.Matched
		if matched == nil {
			matched = []string{}
		}
		out.Hits = append(out.Hits, apiSchemeHit{Scheme: schemeForAPI(*h.Scheme), Score: h.Score, Matched: matched, Words: h.Words, URL: schemeURL(h.Scheme.ID)})
	}
	for _, t := range res.Terms {
		out.Terms = append(out.Terms, *t)
	}
	writeTagged(w, r, http.StatusOK, etagOf(out), out)
}
