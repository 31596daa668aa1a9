package scheme

import (
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func recIDs(recs []Recommendation) []string {
	out := make([]string, len(recs))
	for i, r := range recs {
		out[i] = r.Scheme.ID
	}
	return out
}

// A farmer in Vinje who wants to start with tourism is shown Innovasjon
// Norge's farm scheme first, and told why.
func TestFindFarmerInVinje(t *testing.T) {
	ix := testIndex(t)
	recs := Find(ix, Answers{Who: []Audience{AudienceFarmers}, Want: []Theme{ThemeTourism}, Where: "vinje"})
	if len(recs) == 0 {
		t.Fatal("nothing found")
	}
	first := recs[0]
	if first.Scheme.ID != "innovasjon-norge-landbruk" {
		t.Fatalf("first is %s; all: %v", first.Scheme.ID, recIDs(recs))
	}
	want := []Reason{
		{Code: ReasonAudience, Args: []string{"farmers"}},
		{Code: ReasonTheme, Args: []string{"tourism"}},
		{Code: ReasonAreaCounty, Args: []string{"telemark"}},
	}
	if diff := cmp.Diff(want, first.Reasons); diff != "" {
		t.Errorf("reasons (-want +got):\n%s", diff)
	}
	// The national start-up grant is for everyone, farmers too, and has
	// tourism: second, as national. The rest are not for farmers.
	if got := recIDs(recs); !slices.Equal(got, []string{"innovasjon-norge-landbruk", "innovasjon-norge-etableringstilskot"}) {
		t.Errorf("recommended %v", got)
	}
	if r := recs[1].Reasons; len(r) != 3 || r[2].Code != ReasonNational {
		t.Errorf("second's reasons: %v", r)
	}
}

func TestFindRanks(t *testing.T) {
	ix := testIndex(t)

	// More wanted themes first, whatever the area: the farm scheme fits
	// agriculture and tourism, the start-up grant only tourism.
	recs := Find(ix, Answers{Who: []Audience{AudienceFarmers}, Want: []Theme{ThemeAgriculture, ThemeTourism}})
	if got := recIDs(recs); !slices.Equal(got, []string{"innovasjon-norge-landbruk", "innovasjon-norge-etableringstilskot"}) {
		t.Errorf("farmers, agriculture and tourism: %v", got)
	}
	if got := recs[0].Reasons[1]; !cmp.Equal(got, Reason{Code: ReasonTheme, Args: []string{"agriculture", "tourism"}}) {
		t.Errorf("theme reason %v", got)
	}

	// For the same fit, local before national: a start-up in Vinje who
	// wants jobs gets Vinje's fund before the national grant.
	recs = Find(ix, Answers{Who: []Audience{AudienceStartups}, Want: []Theme{ThemeJobs}, Where: "Vinje kommune"})
	if got := recIDs(recs); !slices.Equal(got, []string{"vinje-naeringsfond", "innovasjon-norge-etableringstilskot"}) {
		t.Errorf("start-up in Vinje: %v", got)
	}
	if got := recs[0].Reasons[2]; !cmp.Equal(got, Reason{Code: ReasonArea, Args: []string{"vinje"}}) {
		t.Errorf("area reason %v", got)
	}

	// Stage breaks the tie between two national schemes of the same fit.
	recs = Find(ix, Answers{Who: []Audience{AudienceSmallBusinesses}, Want: []Theme{ThemeInnovation}, Stage: StageEstablished, Where: "skien"})
	if got := recIDs(recs); len(got) < 2 || got[0] != "skattefunn" {
		t.Errorf("established business: %v", got)
	}
	if r := recs[0].Reasons; r[len(r)-1].Code != ReasonStage {
		t.Errorf("skattefunn's reasons %v", r)
	}

	// Text breaks ties, and says which words matched.
	recs = Find(ix, Answers{Who: []Audience{AudienceOrganisations}, Text: "sjukeheim"})
	if got := recIDs(recs); len(got) < 2 || got[0] != "husbanken-tilskot-energitiltak" {
		t.Errorf("organisations, sjukeheim: %v", got)
	}
	if r := recs[0].Reasons; !cmp.Equal(r[len(r)-1], Reason{Code: ReasonText, Args: []string{"sjukeheim"}}) {
		t.Errorf("text reason %v", r)
	}
}

func TestFindAreas(t *testing.T) {
	ix := testIndex(t)
	// Not in Telemark or Vestfold: only national schemes.
	recs := Find(ix, Answers{Who: []Audience{AudienceFarmers}, Where: "Bergen"})
	if got := recIDs(recs); !slices.Equal(got, []string{"innovasjon-norge-etableringstilskot"}) {
		t.Errorf("farmer in Bergen: %v", got)
	}
	// The county itself is the place: the farm scheme names it.
	recs = Find(ix, Answers{Who: []Audience{AudienceFarmers}, Where: "Telemark"})
	if len(recs) == 0 || !cmp.Equal(recs[0].Reasons[1], Reason{Code: ReasonArea, Args: []string{"telemark"}}) {
		t.Errorf("farmer in Telemark: %v", recs)
	}
	// A scheme for one municipality is not for the whole county.
	recs = Find(ix, Answers{Who: []Audience{AudienceStartups}, Where: "telemark"})
	if slices.Contains(recIDs(recs), "vinje-naeringsfond") {
		t.Errorf("start-up somewhere in Telemark is offered Vinje's fund: %v", recIDs(recs))
	}
	// The whole country: national schemes only.
	recs = Find(ix, Answers{Who: []Audience{AudienceFarmers}, Where: "Norge"})
	if got := recIDs(recs); !slices.Equal(got, []string{"innovasjon-norge-etableringstilskot"}) || recs[0].Reasons[1].Code != ReasonNational {
		t.Errorf("farmer anywhere in Norway: %v", recs)
	}
	// Nowhere given: every area.
	recs = Find(ix, Answers{Who: []Audience{AudienceStartups}})
	if !slices.Contains(recIDs(recs), "vinje-naeringsfond") {
		t.Errorf("start-up anywhere: %v", recIDs(recs))
	}
}

func TestFindDiscontinuedLast(t *testing.T) {
	ix := testIndex(t)
	recs := Find(ix, Answers{Who: []Audience{AudienceHouseholds}, Want: []Theme{ThemeHousing}, Where: "tokke"})
	got := recIDs(recs)
	if len(got) != 4 || got[3] != "husbanken-tilstandsvurdering" {
		t.Errorf("households in Tokke: %v", got)
	}
}

func TestFindNoAudienceMeansEveryone(t *testing.T) {
	ix := testIndex(t)
	if got := Find(ix, Answers{}); len(got) != ix.Len() {
		t.Errorf("no answers: %d of %d", len(got), ix.Len())
	}
}

// A farmer who is starting a tourism business is two audiences: the farm
// scheme and Vinje's fund for start-ups both fit, each saying for whom.
func TestFindSeveralAudiences(t *testing.T) {
	ix := testIndex(t)
	recs := Find(ix, Answers{Who: []Audience{AudienceFarmers, AudienceStartups}, Want: []Theme{ThemeTourism}, Where: "vinje"})
	got := recIDs(recs)
	if !slices.Contains(got, "innovasjon-norge-landbruk") || !slices.Contains(got, "vinje-naeringsfond") {
		t.Fatalf("farmer starting tourism in Vinje: %v", got)
	}
	for _, r := range recs {
		if r.Reasons[0].Code != ReasonAudience || len(r.Reasons[0].Args) == 0 {
			t.Errorf("%s: reasons %v", r.Scheme.ID, r.Reasons)
		}
	}
	// The start-up grant is for both: both are said, in the order answered.
	for _, r := range recs {
		if r.Scheme.ID == "innovasjon-norge-etableringstilskot" && !slices.Equal(r.Reasons[0].Args, []string{"farmers", "startups"}) {
			t.Errorf("start-up grant's audiences %v", r.Reasons[0].Args)
		}
	}
	one := recIDs(Find(ix, Answers{Who: []Audience{AudienceFarmers}, Want: []Theme{ThemeTourism}, Where: "vinje"}))
	if slices.Contains(one, "vinje-naeringsfond") {
		t.Errorf("farmer alone is offered the start-up fund: %v", one)
	}
}
