package demo

import (
	"context"
	"fmt"
	"math/rand/v2"

	"planverk/place"
	"planverk/plan"
	"planverk/scheme"
	"planverk/store"
)

// topics name synthetic schemes, measures and projects, each with the
// theme it belongs to, so that searches and the finder have something to
// find.
var topics = []struct {
	nb, nn string
	theme  scheme.Theme
}{
	{"bolig", "bustad", scheme.ThemeHousing},
	{"arbeidsplasser", "arbeidsplassar", scheme.ThemeJobs},
	{"kompetanse", "kompetanse", scheme.ThemeCompetence},
	{"innovasjon", "innovasjon", scheme.ThemeInnovation},
	{"grønn omstilling", "grøn omstilling", scheme.ThemeGreenTransition},
	{"landbruk", "landbruk", scheme.ThemeAgriculture},
	{"reiseliv", "reiseliv", scheme.ThemeTourism},
	{"kultur", "kultur", scheme.ThemeCulture},
	{"forskning", "forsking", scheme.ThemeResearch},
	{"eksport", "eksport", scheme.ThemeExport},
	{"energi", "energi", scheme.ThemeEnergy},
	{"inkludering", "inkludering", scheme.ThemeInclusion},
	{"tjenester", "tenester", scheme.ThemePublicServices},
}

// generateSchemes stores the synthetic catalogue in one transaction and
// returns the schemes' ids.
func generateSchemes(ctx context.Context, s store.Store, o Options) ([]string, error) {
	if o.Schemes == 0 {
		return nil, nil
	}
	r := rand.New(rand.NewPCG(o.Seed, 1<<40))
	counties := place.Counties()
	munis := place.Municipalities()
	checked := plan.Date{Year: o.Today.Year(), Month: o.Today.Month(), Day: 1, Precision: plan.PrecisionDay}
	list := make([]scheme.Scheme, 0, o.Schemes)
	ids := make([]string, 0, o.Schemes)
	for i := range o.Schemes {
		t := topics[r.IntN(len(topics))]
		n := i + 1
		sc := scheme.Scheme{
			ID: fmt.Sprintf("synthetic-scheme-%d", n),
			Name: scheme.Text{
				scheme.LangNB: fmt.Sprintf("Syntetisk ordning %d for %s", n, t.nb),
				scheme.LangNN: fmt.Sprintf("Syntetisk ordning %d for %s", n, t.nn),
			},
			Provider:     fmt.Sprintf("synthetic-provider-%d", 1+r.IntN(40)),
			ProviderName: fmt.Sprintf("Syntetisk tilbyder %d", 1+r.IntN(40)),
			Kinds:        []scheme.Kind{scheme.Kinds[r.IntN(len(scheme.Kinds))]},
			Audiences:    []scheme.Audience{scheme.Audiences[r.IntN(len(scheme.Audiences))]},
			Themes:       []scheme.Theme{t.theme},
			Status:       scheme.StatusOpen,
			Summary: scheme.Text{
				scheme.LangNB: fmt.Sprintf("En syntetisk ordning til prøving av planverk: tilskudd og råd om %s. Den finnes ikke.", t.nb),
				scheme.LangNN: fmt.Sprintf("Ei syntetisk ordning til prøving av planverk: tilskot og råd om %s. Ho finst ikkje.", t.nn),
			},
			Source:  fmt.Sprintf("https://example.org/synthetic/scheme-%d", n),
			Checked: checked,
		}
		switch k := r.IntN(10); {
		case k < 3:
			sc.Level, sc.Areas = scheme.LevelNational, []string{"norge"}
		case k < 7:
			sc.Level, sc.Areas = scheme.LevelRegional, []string{counties[r.IntN(len(counties))].Key()}
		default:
			sc.Level, sc.Areas = scheme.LevelLocal, []string{munis[r.IntN(len(munis))].Key()}
		}
		if r.IntN(8) == 0 {
			sc.Status = scheme.StatusClosedForNow
		}
		list = append(list, sc)
		ids = append(ids, sc.ID)
	}
	if _, _, err := s.ImportSchemes(ctx, list, store.Edit{Summary: "synthetic data set"}, -1); err != nil {
		return nil, fmt.Errorf("store synthetic schemes: %w", err)
	}
	return ids, nil
}
