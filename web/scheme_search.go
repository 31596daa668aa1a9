package web

import (
	"cmp"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"planverk/i18n"
	"planverk/scheme"
)

// schemeSearchView is the search page: what was asked, what was found, and
// the facets to narrow it by.
type schemeSearchView struct {
	Query string
	// Filtered is set when any facet is chosen.
	Filtered bool
	// Chosen is how many facet values are chosen.
	Chosen int
	// Hits are the page's hits, of Total; Pager links to the others.
	Hits     []schemeHit
	Total    int
	Pager    pager
	Fallback bool
	// Suggestions are, when nothing was found, the nearest words the
	// catalogue uses, each a link to the search with it instead.
	Suggestions []wordSuggestion
	// Fewer are, when nothing was found, the same search without one of
	// its facets' filters, each with how many it would find.
	Fewer []fewerFilters
	// Terms are the glossary terms the query names, explained.
	Terms  []glossaryEntry
	Facets []facetGroup
	// Clear is the address of the same search without filters.
	Clear string
	// Imported is what an import just did, to be said.
	Imported *importCounts
}

// schemeSearchPageSize is how many hits a page of the search shows. A
// national catalogue has thousands of schemes, and a word such as
// "tilskot" finds most of them: the page shows the best first and links to
// the rest, so that its cost does not grow with the catalogue.
const schemeSearchPageSize = 20

// wordSuggestion is a word the search may have meant, for one typed.
type wordSuggestion struct {
	Typed string
	Words []suggestedWord
}

// suggestedWord is a word to search for instead, and the address of the
// search with it.
type suggestedWord struct {
	Word string
	URL  string
}

// fewerFilters is the search without one facet's filters.
type fewerFilters struct {
	Facet scheme.Facet
	Count int
	URL   string
}

// schemeHit is one scheme in a list: its name and summary in the page's
// language, and why it is there.
type schemeHit struct {
	Scheme   *scheme.Scheme
	Name     localText
	Summary  localText
	Provider string
	// Matched are the words of the query it matched.
	Matched []string
	// Words is how many of the query's Of words it matched: the page says
	// so where it is not all of them.
	Words, Of int
	// Reasons say why the finder recommends it.
	Reasons string
}

// facetGroup is one facet as a group of check boxes.
type facetGroup struct {
	Facet   scheme.Facet
	Options []facetOption
}

// facetOption is one value of a facet: its label in the page's language,
// how many schemes have it, and whether it is chosen.
type facetOption struct {
	Value string
	Label string
	// Lang is the language of a label that is a name in Norwegian (a
	// provider's), "" where it is the page's.
	Lang    string
	Count   int
	Checked bool
}

// schemeSearch is the search page of the support-scheme catalogue: one text
// field, and filters by facet, all one GET form that works without
// JavaScript.
func (s *Server) schemeSearch(w http.ResponseWriter, r *http.Request) {
	cat, err := s.catalogue(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	// A visitor's search is rendered once per catalogue version, language
	// and address, and then served from memory: the searches people make
	// most are few.
	key := s.searchPageKey(r, cat)
	if key != nil {
		if page, ok := s.pageCache.get(*key); ok {
			serveCachedPage(w, r, key.lang, page)
			return
		}
	}
	lang := language(r)
	q := r.URL.Query()
	text := strings.TrimSpace(q.Get("q"))
	filters := facetFilters(q)
	res := cat.Index.Search(scheme.Query{Text: text, Filters: filters, Lang: schemeLang(lang)})

	sv := schemeSearchView{Query: text, Filtered: len(filters) > 0, Fallback: res.Fallback, Imported: importedFlash(q)}
	for _, vs := range filters {
		sv.Chosen += len(vs)
	}
	page, offset := pageOf(r, schemeSearchPageSize)
	sv.Total, sv.Pager = len(res.Hits), newPager(r, page, schemeSearchPageSize, len(res.Hits))
	for _, h := range res.Hits[min(offset, len(res.Hits)):min(offset+schemeSearchPageSize, len(res.Hits))] {
		hit := newSchemeHit(cat, h.Scheme, lang, h.Matched)
		hit.Words, hit.Of = h.Words, res.Words
		sv.Hits = append(sv.Hits, hit)
	}
	if len(res.Hits) == 0 {
		sv.Suggestions = suggestionLinks(cat.Index, q, text, filters, res.Suggestions)
		for _, rl := range res.Relaxed {
			if rl.Count > 0 {
				sv.Fewer = append(sv.Fewer, fewerFilters{Facet: rl.Facet, Count: rl.Count, URL: searchURL(q, func(v url.Values) { v.Del(string(rl.Facet)) })})
			}
		}
	}
	for _, t := range res.Terms {
		sv.Terms = append(sv.Terms, newGlossaryEntry(t, lang))
	}
	for _, f := range scheme.Facets {
		sv.Facets = append(sv.Facets, facetGroupOf(cat, f, res.Facets[f], filters[f], lang))
	}
	clear := url.Values{}
	if text != "" {
		clear.Set("q", text)
	}
	sv.Clear = "/schemes"
	if len(clear) > 0 {
		sv.Clear += "?" + clear.Encode()
	}
	v := &view{Title: i18nTitle(r, "schemes.title"), Data: sv}
	if key == nil {
		s.render(w, r, http.StatusOK, "schemes", v)
		return
	}
	body, err := s.renderBytes(r, "schemes", v)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	serveCachedPage(w, r, key.lang, s.pageCache.put(*key, body))
}

// searchPageKey names a visitor's search page in the page cache: the
// catalogue's version, the language and the address (the query and
// filters) say all it shows. Nil for someone signed in, whose page says
// who they are and what they may do.
func (s *Server) searchPageKey(r *http.Request, cat *catalogue) *pageKey {
	if whoOf(r).User != nil {
		return nil
	}
	page := "schemes"
	if s.synthetic(r.Context()) {
		page = "schemes, synthetic"
	}
	return &pageKey{page: page, digest: strconv.FormatInt(cat.version, 10), lang: language(r), requestURI: r.URL.RequestURI()}
}

// suggestionLinks makes each suggested word a link to the same search, the
// typed word replaced by it and the filters kept, or, where the filters
// would still leave nothing, dropped: a suggestion should lead to schemes.
func suggestionLinks(ix *scheme.Index, q url.Values, text string, filters map[scheme.Facet][]string, sugs []scheme.Suggestion) []wordSuggestion {
	var out []wordSuggestion
	for _, sg := range sugs {
		ws := wordSuggestion{Typed: sg.Word}
		for _, w := range sg.Instead {
			replaced := replaceWord(text, sg.Word, w)
			keep := len(filters) == 0 || len(ix.Search(scheme.Query{Text: replaced, Filters: filters}).Hits) > 0
			ws.Words = append(ws.Words, suggestedWord{Word: w, URL: searchURL(q, func(v url.Values) {
				v.Set("q", replaced)
				if !keep {
					for _, f := range scheme.Facets {
						v.Del(string(f))
					}
				}
			})})
		}
		out = append(out, ws)
	}
	return out
}

// replaceWord replaces the first whole word of text that is typed, in any
// case, by with. Where none is found as a whole word (a word the search read
// out of a longer one, "Midt-Telemark"), the first place it occurs is.
func replaceWord(text, typed, with string) string {
	fields := strings.Fields(text)
	for i, f := range fields {
		if strings.EqualFold(strings.Trim(f, ".,;:!?«»\"'()"), typed) {
			fields[i] = with
			return strings.Join(fields, " ")
		}
	}
	lower := strings.ToLower(text)
	if i := strings.Index(lower, typed); i >= 0 && len(lower) == len(text) {
		return text[:i] + with + text[i+len(typed):]
	}
	return with
}

// searchURL is the address of the search page for q changed by change.
func searchURL(q url.Values, change func(url.Values)) string {
	v := url.Values{}
	for k, vs := range q {
		if k == "q" || slices.Contains(scheme.Facets, scheme.Facet(k)) {
			v[k] = slices.Clone(vs)
		}
	}
	change(v)
	if len(v) == 0 {
		return "/schemes"
	}
	return "/schemes?" + v.Encode()
}

// facetFilters reads the facets a search asks for: each facet's name as a
// parameter, once per value (kind=loan&kind=grant).
func facetFilters(q url.Values) map[scheme.Facet][]string {
	out := map[scheme.Facet][]string{}
	for _, f := range scheme.Facets {
		var vs []string
		for _, v := range q[string(f)] {
			if v = strings.TrimSpace(v); v != "" && !slices.Contains(vs, v) {
				vs = append(vs, v)
			}
		}
		if len(vs) > 0 {
			out[f] = vs
		}
	}
	return out
}

func newSchemeHit(cat *catalogue, sc *scheme.Scheme, lang i18n.Lang, matched []string) schemeHit {
	sl := schemeLang(lang)
	sum := textIn(sc.Summary, sl)
	sum.Text = summaryLine(sum.Text)
	return schemeHit{Scheme: sc, Name: textIn(sc.Name, sl), Summary: sum, Provider: providerOf(cat, sc), Matched: matched}
}

// providerOf is the name a scheme gives its provider, or the one another
// scheme of the provider gives.
func providerOf(cat *catalogue, sc *scheme.Scheme) string {
	if sc.ProviderName != "" {
		return sc.ProviderName
	}
	return cat.providerName(sc.Provider)
}

// facetGroupOf lists a facet's values with their counts. The values of the
// catalogue's enumerations come in the order the catalogue lists them, so
// that they stand in the same place whatever the search; providers and
// areas, which are many, come by count and then by name.
func facetGroupOf(cat *catalogue, f scheme.Facet, counts []scheme.FacetCount, chosen []string, lang i18n.Lang) facetGroup {
	g := facetGroup{Facet: f}
	for _, c := range counts {
		o := facetOption{Value: c.Value, Count: c.Count, Checked: slices.Contains(chosen, c.Value)}
		switch f {
		case scheme.FacetProvider:
			o.Label, o.Lang = cat.providerName(c.Value), "no"
		case scheme.FacetArea:
			o.Label = (&view{Lang: lang}).AreaName(c.Value)
		default:
			id := "scheme-" + string(f) + "." + c.Value
			if o.Label = i18n.T(lang, id, nil); strings.HasPrefix(o.Label, id) {
				o.Label = c.Value // a value the catalogue does not have, asked for in the address
			}
		}
		g.Options = append(g.Options, o)
	}
	if order := enumOrder(f); order != nil {
		slices.SortStableFunc(g.Options, func(a, b facetOption) int {
			return cmp.Compare(rank(order, a.Value), rank(order, b.Value))
		})
		return g
	}
	coll := norwegianOrder()
	slices.SortStableFunc(g.Options, func(a, b facetOption) int {
		return cmp.Or(b.Count-a.Count, coll.CompareString(a.Label, b.Label))
	})
	return g
}

// enumOrder is the order of a facet's values where they are an enumeration.
func enumOrder(f scheme.Facet) []string {
	switch f {
	case scheme.FacetLevel:
		return strs(scheme.Levels)
	case scheme.FacetKind:
		return strs(scheme.Kinds)
	case scheme.FacetAudience:
		return strs(scheme.Audiences)
	case scheme.FacetTheme:
		return strs(scheme.Themes)
	case scheme.FacetStatus:
		return strs(scheme.Statuses)
	}
	return nil
}

// rank is a value's place in order; values not in it come after.
func rank(order []string, v string) int {
	if i := slices.Index(order, v); i >= 0 {
		return i
	}
	return len(order)
}

func strs[T ~string](vs []T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return out
}
