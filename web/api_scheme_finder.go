package web

import (
	"net/http"

	"planverk/i18n"
	"planverk/scheme"
)

// apiFinderResult is what the guided finder recommends for the answers,
// best first.
type apiFinderResult struct {
	// Lang is the language of each recommendation's because.
	Lang            i18n.Lang           `json:"lang"`
	Recommendations []apiRecommendation `json:"recommendations"`
}

type apiRecommendation struct {
	Scheme scheme.Scheme `json:"scheme"`
	Score  float64       `json:"score"`
	// Reasons are why, as codes with arguments: audience, theme, area,
	// area-county, national, stage, text.
	Reasons []scheme.Reason `json:"reasons"`
	// Because is the reasons in words, in lang.
	Because string `json:"because"`
	URL     string `json:"url"`
}

// apiSchemeFinder answers the finder's questions: ?who= an audience
// (repeatable: a scheme for any of them fits), want= a theme (repeatable), where= a municipality or county, stage= a
// stage, words= words of one's own. Answers left out neither narrow nor
// rank; an answer that is not one of the choices is left out too.
func (s *Server) apiSchemeFinder(w http.ResponseWriter, r *http.Request) {
	cat, err := s.catalogue(r.Context())
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	lang := apiLang(r)
	out := apiFinderResult{Lang: lang, Recommendations: []apiRecommendation{}}
	for _, rec := range scheme.Find(cat.Index, finderAnswers(r.URL.Query())) {
		reasons := rec.Reasons
		if reasons == nil {
			reasons = []scheme.Reason{}
		}
		out.Recommendations = append(out.Recommendations, apiRecommendation{Scheme: schemeForAPI(*rec.Scheme), Score: rec.Score,
			Reasons: reasons, Because: reasonText(lang, rec.Reasons), URL: schemeURL(rec.Scheme.ID)})
	}
	w.Header().Set("Vary", "Accept-Language")
	writeTagged(w, r, http.StatusOK, etagOf(out), out)
}
