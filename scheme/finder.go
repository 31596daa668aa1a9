package scheme

import (
	"cmp"
	"slices"
)

// Answers are what the guided finder asks: who you are, how far you have
// come, what you want to do, where, and any words of your own. Any answer may
// be left out (the zero value); a left-out answer neither narrows nor ranks,
// so an empty Who means every audience.
type Answers struct {
	// Who are the audiences the person belongs to; they are alternatives,
	// since one person is often two (a farmer who starts a tourism
	// business), and a scheme for either fits.
	Who   []Audience
	Stage Stage
	Want  []Theme
	// Where is a municipality or a county, as people write it ("Vinje",
	// "vinje kommune", "Telemark").
	Where string
	Text  string
}

// Recommendation is a scheme the finder suggests, with why.
type Recommendation struct {
	Scheme  *Scheme  `json:"scheme"`
	Score   float64  `json:"score"`
	Reasons []Reason `json:"reasons"`
}

// Reason is one reason a scheme is recommended: a code and its arguments,
// for the web layer to write "matches because …" in each language.
type Reason struct {
	Code string   `json:"code"`
	Args []string `json:"args,omitempty"`
}

// The reasons' codes.
const (
	// ReasonAudience: the scheme is for Args, the audiences answered that
	// it has, in the order they were answered.
	ReasonAudience = "audience"
	// ReasonTheme: the scheme helps with Args, the themes wanted that it
	// has, in the order they were answered.
	ReasonTheme = "theme"
	// ReasonArea: the scheme names Args[0], the place answered.
	ReasonArea = "area"
	// ReasonAreaCounty: the scheme names Args[0], the county the place
	// answered lies in.
	ReasonAreaCounty = "area-county"
	// ReasonNational: the scheme can be used anywhere in Norway.
	ReasonNational = "national"
	// ReasonStage: the scheme is for Args[0], the stage answered.
	ReasonStage = "stage"
	// ReasonText: the scheme's text has Args, words of the Text answered.
	ReasonText = "text"
)

// Ranking weights. The factors rank one after another: the number of themes
// that fit first, then how near the area is, then the stage, with the text
// score (scaled into [0, 1)) only breaking ties. Each weight is larger than
// everything that ranks after it can add up to.
const (
	rankTheme = 100
	rankArea  = 10 // times 1 for the whole country, 2 the county, 3 the place itself
	rankStage = 5
)

// Find recommends schemes for the answers, best first.
//
// A scheme must be for one of the audiences answered, and must be usable where the
// person is: it names the place, the county the place lies in, or "norge".
// A place the register does not know (package place) matches only schemes that name it
// or the whole country. When Where is a county, schemes that name only some
// of its municipalities are left out, since they may not apply.
//
// The rest ranks: more of the wanted themes first; for the same fit, a local
// scheme before the county's before a national one; one for the stage
// answered before one that is not; the text answered as a tie-breaker.
// Schemes that fit no wanted theme are still recommended, after those that
// do. Discontinued schemes come last whatever their fit, as in Search: they
// are there to say that they have ended, not to be applied for.
func Find(ix *Index, a Answers) []Recommendation {
	place := AreaKey(a.Where)
	county, _ := CountyOf(place)
	qws, _ := ix.parse(a.Text)
	tm := ix.match(qws)

	type ranked struct {
		Recommendation
		doc int
	}
	var out []ranked
	for i := range ix.docs {
		s := ix.docs[i].scheme
		r := ranked{doc: i}
		if len(a.Who) > 0 {
			var forWho []string
			for _, w := range a.Who {
				if slices.Contains(s.Audiences, w) && !slices.Contains(forWho, string(w)) {
					forWho = append(forWho, string(w))
				}
			}
			if len(forWho) == 0 {
				continue
			}
			r.add(0, ReasonAudience, forWho...)
		}

		var fit []string
		for _, t := range a.Want {
			if slices.Contains(s.Themes, t) && !slices.Contains(fit, string(t)) {
				fit = append(fit, string(t))
			}
		}
		if len(fit) > 0 {
			r.add(rankTheme*float64(len(fit)), ReasonTheme, fit...)
		}

		if place != "" {
			switch {
			case place != AreaNorway && slices.Contains(s.Areas, place):
				r.add(rankArea*3, ReasonArea, place)
			case county != "" && county != place && slices.Contains(s.Areas, county):
				r.add(rankArea*2, ReasonAreaCounty, county)
			case slices.Contains(s.Areas, AreaNorway):
				r.add(rankArea*1, ReasonNational)
			default:
				continue
			}
		}

		if a.Stage != "" && slices.Contains(s.Stages, a.Stage) {
			r.add(rankStage, ReasonStage, string(a.Stage))
		}

		if m := appendMatched(nil, qws, tm.mask[i]); len(m) > 0 {
			r.add(tm.score[i]/(1+tm.score[i]), ReasonText, m...)
		}
		r.Scheme = s
		out = append(out, r)
	}

	slices.SortFunc(out, func(x, y ranked) int {
		return cmp.Or(
			cmpBool(x.Scheme.Discontinued(), y.Scheme.Discontinued()),
			cmp.Compare(y.Score, x.Score),
			int(ix.docs[x.doc].byName[0]-ix.docs[y.doc].byName[0]),
		)
	})
	recs := make([]Recommendation, len(out))
	for i, r := range out {
		recs[i] = r.Recommendation
	}
	return recs
}

func (r *Recommendation) add(score float64, code string, args ...string) {
	r.Score += score
	r.Reasons = append(r.Reasons, Reason{Code: code, Args: args})
}
