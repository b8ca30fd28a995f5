package index

import (
	"context"
	"errors"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/highlight/format/html"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/precwatch/precwatch"
)

// Query is a search over the index.
type Query struct {
	// Query is in bleve query-string syntax. A term without a field searches
	// title, description and the substance names, ids, CAS numbers, seller
	// and location, each analysed for its language. Fields: cas, substance,
	// substance_name, list, platform, target, seller, location, indicator,
	// observable, url, listing_id, lang, title, description, text, score,
	// suspicious, first_seen, last_seen. Keyword fields match exactly.
	// Empty or "*" matches every listing.
	Query string
	// Platforms scopes the search: empty searches every platform (a
	// regulator); otherwise only listings of these platforms are found,
	// whatever the query string says.
	Platforms []string
	// Filters restrict hits to the given values of keyword fields (facet
	// field -> values; a hit must match one value of every field).
	Filters map[string][]string
	// From and To (inclusive, either may be zero) keep listings seen during
	// the period: first_seen <= To and last_seen >= From.
	From, To time.Time
	// Sort is "score" (the matcher's score, highest first; the default),
	// "date" (last seen, newest first) or "relevance" (text relevance).
	Sort string
	// Size is the number of hits to return (default 20, at most 1000);
	// Offset skips that many first.
	Size, Offset int
	// Facets asks for counts per value of FacetFields.
	Facets bool
	// FacetSize is the number of values per facet (default 10).
	FacetSize int
	// Highlight asks for HTML fragments of title and description with the
	// matched terms in <mark>.
	Highlight bool
	// ExactFacets counts the facets over every hit even above
	// Options.SampleAbove hits (slower; Results.Approximate stays false).
	ExactFacets bool
}

// Results of a search.
type Results struct {
	Total  uint64                 `json:"total"`
	Hits   []Hit                  `json:"hits"`
	Facets map[string][]FacetTerm `json:"facets,omitempty"`
	// Approximate is true when the facet counts were estimated from a
	// uniform sample of the hits (a query matching more than
	// Options.SampleAbove hits); Total and Hits are always exact.
	Approximate bool          `json:"approximate,omitempty"`
	Took        time.Duration `json:"-"`
}

// FacetTerm is one value of a facet and the number of hits that have it.
type FacetTerm struct {
	Term  string `json:"term"`
	Count int    `json:"count"`
}

// Hit is one listing found.
type Hit struct {
	ID         string                      `json:"id"` // platform + "/" + listing id
	ListingID  string                      `json:"listing_id"`
	URL        string                      `json:"url"`
	Title      string                      `json:"title"`
	Platform   string                      `json:"platform"`
	Target     string                      `json:"target,omitempty"`
	Seller     string                      `json:"seller"`
	Location   string                      `json:"location,omitempty"`
	Substances []precwatch.TicketSubstance `json:"substances"`
	Lists      []string                    `json:"lists"`
	Indicators []string                    `json:"indicators"`
	Score      float64                     `json:"score"`
	Suspicious bool                        `json:"suspicious"`
	FirstSeen  time.Time                   `json:"first_seen"`
	LastSeen   time.Time                   `json:"last_seen"`
	// Fragments maps "title" and "description" to HTML-escaped excerpts
	// with the matched terms in <mark>, when highlighting was asked for.
	Fragments map[string][]string `json:"fragments,omitempty"`
	// Relevance is the text relevance of the hit to the query.
	Relevance float64 `json:"relevance"`
}

// Sort orders.
const (
	SortScore     = "score"
	SortDate      = "date"
	SortRelevance = "relevance"
)

// MaxSize is the largest Query.Size.
const MaxSize = 1000

// DefaultSampleAbove is the number of hits above which Search estimates
// facets from a sample when Options.SampleAbove is 0.
const DefaultSampleAbove = 10000

// sampleTarget is about how many hits a facet sample holds (a variable for
// tests).
var sampleTarget = 1000

// Search runs q over every shard as one index.
//
// A query that matches more than Options.SampleAbove hits (default 10,000:
// counted from posting bitmaps when the query is made of terms only, else
// estimated from the hits in one of 256 buckets of documents by a hash of
// their id) is answered in cheaper passes than one that facets and sorts
// every hit: the facets of a uniform sample of the hits (the documents of
// one or more of the 256 buckets, about 1,000 hits, at least 250; the counts
// are scaled up and Results.Approximate is set), an exact count, unscored,
// and the page of hits sorted among those at least as high in the sort
// order as a value the sample says only a few hundred hits reach. Total and
// Hits stay exact: when fewer hits than the page reach that value, the page
// is sorted from every hit.
func (x *Index) Search(ctx context.Context, q Query) (*Results, error) {
	start := time.Now()
	user, filters, err := x.compileParts(q)
	if err != nil {
		return nil, err
	}
	if err := checkPage(q); err != nil {
		return nil, err
	}
	size := q.Size
	if size <= 0 {
		size = 20
	}
	// The last key breaks ties so that pages are stable. It is listing_id
	// from doc values, not _id: sorting on _id loads every hit's stored
	// document, which made faceted queries several times slower.
	var order []string
	switch q.Sort {
	case "", SortScore:
		order = []string{"-" + fScore, "-" + fLastSeen, fListingID}
	case SortDate:
		order = []string{"-" + fLastSeen, "-" + fScore, fListingID}
	case SortRelevance:
		order = []string{"-_score", "-" + fScore, fListingID}
	default:
		return nil, precwatch.Errorf(precwatch.EINVALID, "sort %q: want score, date or relevance", q.Sort)
	}
	facetSize := q.FacetSize
	if facetSize <= 0 {
		facetSize = 10
	}
	addFacets := func(req *bleve.SearchRequest) {
		if q.Facets {
			for _, f := range FacetFields {
				req.AddFacet(f, bleve.NewFacetRequest(f, facetSize))
			}
		}
	}

	x.mu.RLock()
	closed := x.closed
	target := bleve.Index(x.alias)
	var targets []bleve.Index // the shards target searches
	last := ""
	if !q.To.IsZero() { // shards of months after To cannot hold a hit
		last = shardOf(q.To)
	}
	for name, s := range x.shards {
		if last == "" || name <= last {
			targets = append(targets, s)
		}
	}
	if last != "" {
		target = bleve.NewIndexAlias(targets...)
	}
	empty := len(x.shards) == 0
	shards := make(map[string]bleve.Index, len(x.shards))
	for name, s := range x.shards {
		shards[name] = s
	}
	x.mu.RUnlock()
	if closed {
		return nil, fmt.Errorf("search: index %s is closed", x.dir)
	}
	if user, err = foldCase(user, targets); err != nil {
		return nil, fmt.Errorf("search %q: %w", q.Query, err)
	}
	// Filter values match as the query syntax's do (platform=chemhub,
	// list=Table-I); the caller's platform scope, the first filter, stays
	// exact.
	for i := range filters {
		if i == 0 && len(q.Platforms) > 0 {
			continue
		}
		if filters[i], err = foldCase(filters[i], targets); err != nil {
			return nil, fmt.Errorf("search %q: %w", q.Query, err)
		}
	}
	bq := combine(user, filters)
	out := &Results{Hits: []Hit{}}
	if empty {
		if q.Facets {
			out.Facets = map[string][]FacetTerm{}
			for _, f := range FacetFields {
				out.Facets[f] = []FacetTerm{}
			}
		}
		out.Took = time.Since(start)
		return out, nil
	}
	run := func(req *bleve.SearchRequest) (*bleve.SearchResult, error) {
		res, err := target.SearchInContext(ctx, req)
		if err != nil {
			if errors.Is(err, bleve.ErrorAliasEmpty) {
				return &bleve.SearchResult{}, nil
			}
			return nil, fmt.Errorf("search %q: %w", q.Query, err)
		}
		return res, nil
	}

	var (
		hits   search.DocumentMatchCollection
		facets search.FacetResults
		scale  = 1.0
	)
	sampleAbove := x.opts.SampleAbove
	if sampleAbove == 0 {
		sampleAbove = DefaultSampleAbove
	}
	if q.ExactFacets && q.Facets {
		sampleAbove = -1 // one pass over every hit
	}
	// Without relevance, the hits of a query are those of its required
	// clauses and filters, found with no scoring: bleve then intersects
	// posting bitmaps instead of scoring every hit.
	plain := unscored(user, filters)
	need := q.Offset + size
	// The sample also tells where the page ends: its j-th hit in the sort
	// order is reached by about j*scale hits of the whole set, several
	// times the page.
	cutAt := func(scale float64) int {
		if q.Sort == SortRelevance || need > MaxSize {
			return 0
		}
		return max(4, int(math.Ceil(6*float64(need)/scale)))
	}
	sampleReq := func(k int) *bleve.SearchRequest {
		sq := query.NewConjunctionQuery([]query.Query{plain, pack(termRange(fSample, bucketNames[0], bucketNames[k-1]))})
		req := bleve.NewSearchRequestOptions(sq, cutAt(float64(sampleBuckets)/float64(k)), 0, false)
		req.Score = bleve.ScoreNone
		req.SortBy(order)
		addFacets(req)
		return req
	}
	// bucketsFor is the number of buckets that hold about sampleTarget of
	// total hits.
	bucketsFor := func(total float64) int {
		return min(sampleBuckets, max(1, int(math.Ceil(sampleBuckets*float64(sampleTarget)/total))))
	}
	// The exact total decides between the two ways below when the query is
	// made of terms only (countBitmaps counts it from posting bitmaps, in
	// about a millisecond); otherwise a probe, the hits of one of the 256
	// buckets, estimates it, and for a large result set it is also the
	// sample, unless it holds too few hits.
	var (
		sample *bleve.SearchResult
		total  uint64
		known  bool
	)
	large, k := false, 1
	if sampleAbove > 0 {
		if total, known, err = countBitmaps(ctx, targets, plain); err != nil {
			return nil, fmt.Errorf("search %q: %w", q.Query, err)
		}
		if known {
			large = total > uint64(sampleAbove)
			if large {
				k = bucketsFor(float64(total))
				if sample, err = run(sampleReq(k)); err != nil {
					return nil, err
				}
			}
		} else {
			if sample, err = run(sampleReq(1)); err != nil {
				return nil, err
			}
			estimate := float64(sample.Total) * sampleBuckets
			large = estimate > float64(sampleAbove)
			if large && sample.Total < uint64(sampleTarget/4) {
				if k = bucketsFor(estimate); k > 1 {
					if sample, err = run(sampleReq(k)); err != nil {
						return nil, err
					}
				}
			}
		}
	}
	if !large {
		// One pass: the page of ids, the total and the facets over every
		// shard, without stored fields (loaded for the page only, below).
		req := bleve.NewSearchRequestOptions(bq, size, q.Offset, false)
		req.SortBy(order)
		addFacets(req)
		res, err := run(req)
		if err != nil {
			return nil, err
		}
		out.Total, hits, facets = res.Total, res.Hits, res.Facets
	} else {
		out.Approximate = q.Facets
		scale = float64(sampleBuckets) / float64(k)
		facets = sample.Facets
		if j := cutAt(scale); j > 0 && len(sample.Hits) >= j && len(sample.Hits[j-1].Sort) > 0 {
			field := strings.TrimPrefix(order[0], "-")
			cut := sample.Hits[j-1].Sort[0]
			top := query.NewConjunctionQuery([]query.Query{plain, termRange(field, cut, "")})
			req := bleve.NewSearchRequestOptions(top, size, q.Offset, false)
			req.Score = bleve.ScoreNone
			req.SortBy(order)
			res, err := run(req)
			if err != nil {
				return nil, err
			}
			if res.Total >= uint64(need) {
				hits = res.Hits
			}
		}
		if hits == nil { // too few hits above the cut: sort every hit
			req := bleve.NewSearchRequestOptions(bq, size, q.Offset, false)
			req.SortBy(order)
			if q.Sort != SortRelevance {
				req.Query = plain
				req.Score = bleve.ScoreNone
			}
			res, err := run(req)
			if err != nil {
				return nil, err
			}
			hits = res.Hits
		}
		// The exact total: counted from the posting bitmaps above, else by
		// an unscored search. (Counted beside the sample on another
		// goroutine it was no faster: each search already runs its shards
		// in parallel.)
		if !known {
			req := bleve.NewSearchRequestOptions(plain, 0, 0, false)
			req.Score = bleve.ScoreNone
			res, err := run(req)
			if err != nil {
				return nil, err
			}
			total = res.Total
		}
		out.Total = total
	}
	// Then the stored fields and highlights of the page only. With
	// unscored hits, the relevance comes from there too.
	unscoredHits := large && q.Sort != SortRelevance
	docs, err := fetch(ctx, shards, bq, hits, q.Highlight || unscoredHits, q.Highlight)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", q.Query, err)
	}
	for _, h := range hits {
		d, ok := docs[h.ID]
		if !ok { // deleted between the two phases
			out.Total--
			continue
		}
		hit, err := newHit(d)
		if err != nil {
			return nil, fmt.Errorf("search %q: %w", q.Query, err)
		}
		hit.Relevance = h.Score
		if unscoredHits {
			hit.Relevance = d.Score
		}
		if math.IsNaN(hit.Relevance) || math.IsInf(hit.Relevance, 0) {
			hit.Relevance = 0 // not computed when sorting by fields only
		}
		out.Hits = append(out.Hits, hit)
	}
	if q.Facets {
		out.Facets = map[string][]FacetTerm{}
		for _, f := range FacetFields {
			terms := []FacetTerm{}
			if fr := facets[f]; fr != nil && fr.Terms != nil {
				for _, t := range fr.Terms.Terms() {
					terms = append(terms, FacetTerm{Term: t.Term, Count: int(math.Round(float64(t.Count) * scale))})
				}
			}
			out.Facets[f] = terms
		}
	}
	out.Took = time.Since(start)
	return out, nil
}

// termRange matches the terms of field from lo to hi, both inclusive; an
// empty bound is open.
func termRange(field, lo, hi string) query.Query {
	t := true
	var lp, hp *bool
	if lo != "" {
		lp = &t
	}
	if hi != "" {
		hp = &t
	}
	r := query.NewTermRangeInclusiveQuery(lo, hi, lp, hp)
	r.SetField(field)
	return r
}

// unscored returns the query that matches the same hits as combine(user,
// filters) when nothing is scored: optional clauses beside required ones
// (score:>0.8 in "+list:table-I score:>0.8") only add relevance, so they
// are left out, and the filters become conjuncts (bleve then intersects
// their postings instead of checking each hit of the user's query).
func unscored(user query.Query, filters []query.Query) query.Query {
	if b, ok := user.(*query.BooleanQuery); ok && b.Must != nil && b.Should != nil {
		if d, ok := b.Should.(*query.DisjunctionQuery); ok && d.Min == 0 {
			c := *b
			c.Should = nil
			user = &c
		}
	}
	qs := make([]query.Query, 0, 1+len(filters))
	if _, all := user.(*query.MatchAllQuery); !all || len(filters) == 0 {
		qs = append(qs, user)
	}
	qs = append(qs, filters...)
	if len(qs) == 1 {
		return qs[0]
	}
	return query.NewConjunctionQuery(qs)
}

// fetch loads the stored fields, and the highlights if asked for, of the
// page of hits, from the shards that hold them.
func fetch(ctx context.Context, shards map[string]bleve.Index, bq query.Query, hits search.DocumentMatchCollection, withQuery, highlight bool) (map[string]*search.DocumentMatch, error) {
	out := make(map[string]*search.DocumentMatch, len(hits))
	if len(hits) == 0 {
		return out, nil
	}
	ids := make([]string, 0, len(hits))
	var in []bleve.Index
	seen := map[string]bool{}
	for _, h := range hits {
		ids = append(ids, h.ID)
		if s, ok := shards[h.Index]; ok && !seen[h.Index] {
			seen[h.Index] = true
			in = append(in, s)
		}
	}
	var q query.Query = query.NewDocIDQuery(ids)
	if withQuery || highlight { // the query again: relevance, the locations of its terms
		q = query.NewConjunctionQuery([]query.Query{bq, q})
	}
	req := bleve.NewSearchRequestOptions(q, len(ids), 0, false)
	req.Fields = append([]string{fSource}, storedTextFields...)
	req.SortBy([]string{fListingID})
	if highlight {
		req.Highlight = bleve.NewHighlightWithStyle(html.Name)
		req.Highlight.Fields = storedTextFields
	}
	res, err := bleve.NewIndexAlias(in...).SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("load hits: %w", err)
	}
	for _, h := range res.Hits {
		out[h.ID] = h
	}
	return out, nil
}

func newHit(h *search.DocumentMatch) (Hit, error) {
	d, err := decodeDoc(h.ID, h.Fields)
	if err != nil {
		return Hit{}, err
	}
	hit := Hit{
		ID: h.ID, ListingID: d.ListingID, URL: d.URL, Title: d.Title, Platform: d.Platform,
		Target: d.Target, Seller: d.Seller, Location: d.Location, Lists: d.lists(),
		Indicators: d.Indicators, Score: d.Score, Suspicious: d.Suspicious,
		FirstSeen: d.FirstSeen, LastSeen: d.LastSeen,
		Substances: make([]precwatch.TicketSubstance, 0, len(d.Substances)),
	}
	if hit.Lists == nil {
		hit.Lists = []string{}
	}
	if hit.Indicators == nil {
		hit.Indicators = []string{}
	}
	for _, s := range d.Substances {
		hit.Substances = append(hit.Substances, precwatch.TicketSubstance{ID: s.ID, CAS: s.CAS, Name: s.Name})
	}
	if len(h.Fragments) > 0 {
		hit.Fragments = map[string][]string{}
		for f, frags := range h.Fragments {
			base := baseField(f)
			hit.Fragments[base] = append(hit.Fragments[base], frags...)
		}
	}
	return hit, nil
}

// CheckQuery checks q as Search does before it reads the index — the query
// string, the filter fields and values, the date range, sort, size and
// offset — and returns the error Search would return (code invalid). A
// command checks its command line with it before it opens an index that
// may be busy or missing.
func CheckQuery(q Query) error {
	m, err := checkMapping()
	if err != nil {
		return err
	}
	if _, _, err := (&Index{mapping: m}).compileParts(q); err != nil {
		return err
	}
	return checkPage(q)
}

// checkMapping is the mapping CheckQuery analyses query words with.
var checkMapping = sync.OnceValues(newMapping)

// checkPage checks the size, offset and sort of q.
func checkPage(q Query) error {
	if q.Size > MaxSize {
		return precwatch.Errorf(precwatch.EINVALID, "size %d: at most %d hits per page", q.Size, MaxSize)
	}
	if q.Offset < 0 {
		return precwatch.Errorf(precwatch.EINVALID, "offset %d is negative", q.Offset)
	}
	switch q.Sort {
	case "", SortScore, SortDate, SortRelevance:
		return nil
	}
	return precwatch.Errorf(precwatch.EINVALID, "sort %q: want score, date or relevance", q.Sort)
}

// combine restricts user to filters without touching relevance; the user's
// query cannot widen them, whatever it says.
func combine(user query.Query, filters []query.Query) query.Query {
	if len(filters) == 0 {
		return user
	}
	b := query.NewBooleanQuery([]query.Query{user}, nil, nil)
	b.AddFilter(query.NewConjunctionQuery(filters))
	return b
}

// compileParts returns the user's query string, rewritten, and the filters
// of the scope, the filter fields and the dates.
func (x *Index) compileParts(q Query) (query.Query, []query.Query, error) {
	var user query.Query
	qs := strings.TrimSpace(q.Query)
	if qs == "" || qs == "*" || qs == "*:*" { // *:* is Lucene's match-all
		user = query.NewMatchAllQuery()
	} else {
		if err := checkParens(qs); err != nil {
			return nil, nil, precwatch.Errorf(precwatch.EINVALID, "query %q: %v", qs, err)
		}
		bqs, err := fromLucene(qs)
		if err != nil {
			return nil, nil, precwatch.Errorf(precwatch.EINVALID, "query %q: %v", qs, err)
		}
		parsed, err := query.NewQueryStringQuery(bqs).Parse()
		if err != nil {
			if m := unquotedDate.FindStringSubmatch(qs); m != nil {
				return nil, nil, precwatch.Errorf(precwatch.EINVALID, "query %q: %v: dates need quotes: %s\"%s\"", qs, err, m[1], m[2])
			}
			return nil, nil, precwatch.Errorf(precwatch.EINVALID, "query %q: %v", qs, err)
		}
		user, err = rewrite(parsed, x.mapping)
		if err != nil {
			return nil, nil, precwatch.Errorf(precwatch.EINVALID, "query %q: %v", qs, err)
		}
		user = x.casExpand(user)
		if v, ok := user.(query.ValidatableQuery); ok {
			if err := v.Validate(); err != nil {
				return nil, nil, precwatch.Errorf(precwatch.EINVALID, "query %q: %v", qs, err)
			}
		}
	}
	var filters []query.Query
	if len(q.Platforms) > 0 {
		filters = append(filters, anyTerm(fPlatform, q.Platforms))
	}
	for _, f := range sortedKeys(q.Filters) {
		vals := q.Filters[f]
		if !filterFields[f] {
			return nil, nil, precwatch.Errorf(precwatch.EINVALID, "filter on %q: want one of %s", f, strings.Join(sortedKeys(filterFields), ", "))
		}
		if len(vals) == 0 {
			continue
		}
		if f == fSuspicious {
			var bs []query.Query
			for _, v := range vals {
				b, err := parseBool(v)
				if err != nil {
					return nil, nil, precwatch.Errorf(precwatch.EINVALID, "filter suspicious=%q: %v", v, err)
				}
				bq := query.NewBoolFieldQuery(b)
				bq.SetField(fSuspicious)
				bs = append(bs, bq)
			}
			filters = append(filters, query.NewDisjunctionQuery(bs))
			continue
		}
		if f == fCAS { // cas=5449127 is 5449-12-7, as in the query syntax
			vals = slices.Clone(vals)
			for i, v := range vals {
				vals[i] = dashedCAS(strings.TrimSpace(v))
			}
			// ... and a salt's number finds its parent substance.
			filters = append(filters, x.casExpand(anyTerm(f, vals)))
			continue
		}
		filters = append(filters, anyTerm(f, vals))
	}
	if !q.From.IsZero() || !q.To.IsZero() {
		if !q.From.IsZero() && !q.To.IsZero() && q.To.Before(q.From) {
			return nil, nil, precwatch.Errorf(precwatch.EINVALID, "date range: to %s is before from %s", q.To.Format(time.RFC3339), q.From.Format(time.RFC3339))
		}
		t := true
		if !q.To.IsZero() {
			r := query.NewTermRangeInclusiveQuery("", encodeTime(q.To), nil, &t)
			r.SetField(fFirstSeen)
			filters = append(filters, r)
		}
		if !q.From.IsZero() {
			r := query.NewTermRangeInclusiveQuery(encodeTime(q.From), "", &t, nil)
			r.SetField(fLastSeen)
			filters = append(filters, r)
		}
	}
	user = pack(user)
	for i := range filters {
		filters[i] = pack(filters[i])
	}
	return user, filters, nil
}

// pack rewrites the parts of q that search packed fields (cas:5449-12-7,
// suspicious:true, lang:ru, …) to search their terms in fPacked
// (_kw:"cas=5449-12-7"): terms, prefixes, wildcards, regular expressions,
// fuzzy terms and term ranges. It changes q in place and returns it.
func pack(q query.Query) query.Query {
	switch q := q.(type) {
	case *query.BooleanQuery:
		for _, p := range []*query.Query{&q.Must, &q.Should, &q.MustNot, &q.Filter} {
			if *p != nil {
				*p = pack(*p)
			}
		}
	case *query.ConjunctionQuery:
		for i, c := range q.Conjuncts {
			q.Conjuncts[i] = pack(c)
		}
	case *query.DisjunctionQuery:
		for i, d := range q.Disjuncts {
			q.Disjuncts[i] = pack(d)
		}
	case *query.TermQuery:
		if packedFields[q.FieldVal] {
			c := *q
			c.Term, c.FieldVal = packedTerm(q.FieldVal, q.Term), fPacked
			return &c
		}
	case *query.BoolFieldQuery:
		if packedFields[q.FieldVal] {
			v := "F"
			if q.Bool {
				v = "T"
			}
			return packedTermQuery(q.FieldVal, v, q.BoostVal)
		}
	case *query.MatchQuery:
		if packedFields[q.FieldVal] {
			return packedTermQuery(q.FieldVal, q.Match, q.BoostVal)
		}
	case *query.MatchPhraseQuery:
		if packedFields[q.FieldVal] {
			return packedTermQuery(q.FieldVal, q.MatchPhrase, q.BoostVal)
		}
	case *query.PrefixQuery:
		if packedFields[q.FieldVal] {
			c := *q
			c.Prefix, c.FieldVal = packedTerm(q.FieldVal, q.Prefix), fPacked
			return &c
		}
	case *query.WildcardQuery:
		if packedFields[q.FieldVal] {
			c := *q
			c.Wildcard, c.FieldVal = packedTerm(q.FieldVal, q.Wildcard), fPacked
			return &c
		}
	case *query.RegexpQuery:
		if packedFields[q.FieldVal] {
			c := *q
			c.Regexp, c.FieldVal = packedTerm(q.FieldVal, "(?:"+q.Regexp+")"), fPacked
			return &c
		}
	case *query.FuzzyQuery:
		if packedFields[q.FieldVal] {
			c := *q
			c.Term, c.FieldVal = packedTerm(q.FieldVal, q.Term), fPacked
			c.Prefix += len(q.FieldVal) + 1 // never edit the field name
			return &c
		}
	case *query.TermRangeQuery:
		if packedFields[q.FieldVal] {
			c := *q
			t, f := true, false
			c.Min, c.InclusiveMin = packedTerm(q.FieldVal, q.Min), q.InclusiveMin
			if q.Min == "" {
				c.InclusiveMin = &t
			}
			c.Max, c.InclusiveMax = packedTerm(q.FieldVal, q.Max), q.InclusiveMax
			if q.Max == "" { // every term of the field: up to "field>" ('>' follows '=')
				c.Max, c.InclusiveMax = q.FieldVal+">", &f
			}
			c.FieldVal = fPacked
			return &c
		}
	}
	return q
}

func parseBool(s string) (bool, error) {
	switch strings.ToLower(s) {
	case "true", "t", "1", "yes":
		return true, nil
	case "false", "f", "0", "no":
		return false, nil
	}
	return false, fmt.Errorf("want true or false")
}

func anyTerm(field string, vals []string) query.Query {
	qs := make([]query.Query, 0, len(vals))
	for _, v := range vals {
		t := query.NewTermQuery(v)
		t.SetField(field)
		qs = append(qs, t)
	}
	if len(qs) == 1 {
		return qs[0]
	}
	return query.NewDisjunctionQuery(qs)
}

var casPattern = regexp.MustCompile(`^[0-9]{2,7}-[0-9]{2}-[0-9]$`)

// dashedCAS returns s, a CAS number written without its dashes
// ("5449127"), in its canonical form ("5449-12-7") when its check digit
// is right, and s unchanged otherwise.
func dashedCAS(s string) string {
	if len(s) < 5 || len(s) > 10 {
		return s
	}
	sum := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return s
		}
		if i < len(s)-1 {
			sum += int(c-'0') * (len(s) - 1 - i)
		}
	}
	if sum%10 != int(s[len(s)-1]-'0') {
		return s
	}
	n := len(s)
	return strings.TrimLeft(s[:n-3], "0") + "-" + s[n-3:n-1] + "-" + s[n-1:]
}

// unquotedDate finds a date range on first_seen or last_seen written
// without the quotes bleve's syntax needs (first_seen:>2026-11-01).
var unquotedDate = regexp.MustCompile(`\b((?:first|last)_seen:(?:>=|<=|>|<))(\d{4}-\d{2}-\d{2}(?:T[0-9:.]+(?:Z|[+-]\d{2}:\d{2})?)?)(\s|$)`)

// rewrite walks a parsed query string: a term or phrase without a field is
// searched in every default field (all words of a term must match: "5449-12-7"
// is three tokens in text fields), a CAS-shaped term also as an exact cas,
// unknown fields are errors, and suspicious:true becomes a boolean query.
func rewrite(q query.Query, m *mapping.IndexMappingImpl) (query.Query, error) {
	switch q := q.(type) {
	case *query.BooleanQuery:
		for _, p := range []*query.Query{&q.Must, &q.Should, &q.MustNot, &q.Filter} {
			if *p == nil {
				continue
			}
			r, err := rewrite(*p, m)
			if err != nil {
				return nil, err
			}
			*p = r
		}
		return q, nil
	case *query.ConjunctionQuery:
		for i, c := range q.Conjuncts {
			r, err := rewrite(c, m)
			if err != nil {
				return nil, err
			}
			q.Conjuncts[i] = r
		}
		return q, nil
	case *query.DisjunctionQuery:
		for i, c := range q.Disjuncts {
			r, err := rewrite(c, m)
			if err != nil {
				return nil, err
			}
			q.Disjuncts[i] = r
		}
		return q, nil
	case *query.MatchQuery:
		if q.FieldVal == fCAS {
			q.Match = dashedCAS(q.Match)
		}
		switch q.FieldVal {
		case "":
			var ds []query.Query
			for _, f := range defaultFields {
				if t := matchTerms(q, f, m); t != nil {
					ds = append(ds, t)
				}
			}
			if casPattern.MatchString(q.Match) {
				t := query.NewTermQuery(q.Match)
				t.SetField(fCAS)
				t.SetBoost(2)
				ds = append(ds, t)
			}
			if len(ds) == 0 {
				return query.NewMatchNoneQuery(), nil
			}
			d := query.NewDisjunctionQuery(ds)
			d.BoostVal = q.BoostVal
			return d, nil
		case fSuspicious:
			b, err := parseBool(q.Match)
			if err != nil {
				return nil, fmt.Errorf("suspicious:%s: %v", q.Match, err)
			}
			bq := query.NewBoolFieldQuery(b)
			bq.SetField(fSuspicious)
			return bq, nil
		}
		if !queryFields[q.FieldVal] {
			return nil, unknownField(q.FieldVal)
		}
		fs, ok := langFields[q.FieldVal]
		if !ok {
			fs = []string{q.FieldVal}
		}
		var ds []query.Query
		for _, f := range fs {
			if t := matchTerms(q, f, m); t != nil {
				ds = append(ds, t)
			}
		}
		switch len(ds) {
		case 0:
			return query.NewMatchNoneQuery(), nil
		case 1:
			return ds[0], nil
		}
		return query.NewDisjunctionQuery(ds), nil
	case *query.MatchPhraseQuery:
		if q.FieldVal == "" {
			var ds []query.Query
			for _, f := range defaultFields {
				m := *q
				m.FieldVal = f
				ds = append(ds, &m)
			}
			d := query.NewDisjunctionQuery(ds)
			d.BoostVal = q.BoostVal
			return d, nil
		}
		if !queryFields[q.FieldVal] {
			return nil, unknownField(q.FieldVal)
		}
		if slices.Contains(keywordFields, q.FieldVal) {
			// A quoted keyword is one exact term: seller:"Hubei Kingchem Co".
			if q.FieldVal == fCAS {
				q.MatchPhrase = dashedCAS(q.MatchPhrase)
			}
			t := query.NewTermQuery(q.MatchPhrase)
			t.SetField(q.FieldVal)
			t.BoostVal = q.BoostVal
			return t, nil
		}
		return expandAlias(q, q.FieldVal), nil
	case *query.NumericRangeQuery:
		if q.FieldVal != fScore {
			if q.FieldVal == "" {
				return q, nil // a bare number: its match query finds it
			}
			if q.Min != nil && q.Max != nil && *q.Min == *q.Max && q.InclusiveMin != nil && *q.InclusiveMin &&
				q.InclusiveMax != nil && *q.InclusiveMax {
				// cas:5449127: bleve reads field:number as the text or the
				// number; the text (its match query beside this) is meant.
				return query.NewMatchNoneQuery(), nil
			}
			return nil, fmt.Errorf("%s: numeric ranges work on score only", q.FieldVal)
		}
		var lo, hi string
		if q.Min != nil {
			lo = encodeScore(*q.Min)
		}
		if q.Max != nil {
			hi = encodeScore(*q.Max)
		}
		r := query.NewTermRangeInclusiveQuery(lo, hi, q.InclusiveMin, q.InclusiveMax)
		r.SetField(fScore)
		r.BoostVal = q.BoostVal
		return r, nil
	case *query.DateRangeQuery:
		if q.FieldVal != fFirstSeen && q.FieldVal != fLastSeen {
			return nil, fmt.Errorf("%s: date ranges work on first_seen and last_seen only", q.FieldVal)
		}
		var lo, hi string
		if !q.Start.IsZero() {
			lo = encodeTime(q.Start.Time)
		}
		if !q.End.IsZero() {
			hi = encodeTime(q.End.Time)
		}
		r := query.NewTermRangeInclusiveQuery(lo, hi, q.InclusiveStart, q.InclusiveEnd)
		r.SetField(q.FieldVal)
		r.BoostVal = q.BoostVal
		return r, nil
	case *query.WildcardQuery, *query.PrefixQuery, *query.FuzzyQuery, *query.RegexpQuery:
		if rq, ok := q.(*query.RegexpQuery); ok {
			if err := checkRegexp(rq.Regexp); err != nil {
				return nil, err
			}
		}
		fq := q.(query.FieldableQuery)
		if fq.Field() == "" {
			var ds []query.Query
			for _, f := range defaultFields {
				ds = append(ds, withField(q, f))
			}
			return query.NewDisjunctionQuery(ds), nil
		}
		if !queryFields[fq.Field()] {
			return nil, unknownField(fq.Field())
		}
		return expandAlias(q, fq.Field()), nil
	case query.FieldableQuery:
		if f := q.Field(); f != "" && f != "_id" && !queryFields[f] {
			return nil, unknownField(f)
		}
		return q, nil
	}
	return q, nil
}

// matchTerms returns the query that q, a word or words all of which must
// match, makes in field f: the terms the field's analyzer makes of the
// words, each a term query, in conjunction; nil when the analyzer leaves no
// term. This is what bleve's match query does when it searches, but done
// before: a match query is never a composite bleve can optimise, a term
// query and a conjunction of term queries are (an unscored search of them
// intersects posting bitmaps, and countBitmaps counts them).
func matchTerms(q *query.MatchQuery, f string, m *mapping.IndexMappingImpl) query.Query {
	if packedFields[f] { // a keyword: the whole text is the term
		if q.Fuzziness != 0 {
			fq := query.NewFuzzyQuery(q.Match)
			fq.SetFuzziness(q.Fuzziness)
			fq.SetPrefix(q.Prefix)
			fq.SetField(f)
			fq.BoostVal = q.BoostVal
			return fq
		}
		t := query.NewTermQuery(q.Match)
		t.SetField(f)
		t.BoostVal = q.BoostVal
		return t
	}
	var a analysis.Analyzer
	if q.Fuzziness == 0 && q.Analyzer == "" {
		a = m.AnalyzerNamed(m.AnalyzerNameForPath(f))
	}
	if a == nil { // as before: bleve analyses it when it searches
		c := *q
		c.FieldVal = f
		c.Operator = query.MatchQueryOperatorAnd
		return &c
	}
	tokens := a.Analyze([]byte(q.Match))
	ts := make([]query.Query, 0, len(tokens))
	for _, tok := range tokens {
		t := query.NewTermQuery(string(tok.Term))
		t.SetField(f)
		t.SetBoost(q.BoostVal.Value())
		ts = append(ts, t)
	}
	switch len(ts) {
	case 0:
		return nil
	case 1:
		return ts[0]
	}
	c := query.NewConjunctionQuery(ts)
	c.SetBoost(q.BoostVal.Value())
	return c
}

// expandAlias searches title and description in each language field.
func expandAlias(q query.Query, field string) query.Query {
	fs, ok := langFields[field]
	if !ok {
		return q
	}
	ds := make([]query.Query, 0, len(fs))
	for _, f := range fs {
		ds = append(ds, withField(q, f))
	}
	return query.NewDisjunctionQuery(ds)
}

// withField returns a copy of a term-level query q searching field f.
func withField(q query.Query, f string) query.Query {
	switch q := q.(type) {
	case *query.MatchQuery:
		c := *q
		c.SetField(f)
		return &c
	case *query.MatchPhraseQuery:
		c := *q
		c.SetField(f)
		return &c
	case *query.WildcardQuery:
		c := *q
		c.SetField(f)
		return &c
	case *query.PrefixQuery:
		c := *q
		c.SetField(f)
		return &c
	case *query.FuzzyQuery:
		c := *q
		c.SetField(f)
		return &c
	case *query.RegexpQuery:
		c := *q
		c.SetField(f)
		return &c
	}
	return q
}

func unknownField(f string) error {
	names := make([]string, 0, len(queryFields))
	for _, n := range sortedKeys(queryFields) {
		names = append(names, n)
	}
	return fmt.Errorf("unknown field %q: fields are %s", f, strings.Join(names, ", "))
}

// packedTermQuery is the exact term query for value of the packed keyword
// field f, with the boost of the query it replaces.
func packedTermQuery(f, value string, boost *query.Boost) *query.TermQuery {
	t := query.NewTermQuery(packedTerm(f, value))
	t.SetField(fPacked)
	t.BoostVal = boost
	return t
}

// foldableFields are the keyword fields whose values people type in any
// case: platform:chemhub, list:table-i, seller:"wuhan shuokang chemical".
var foldableFields = map[string]bool{fPlatform: true, fSeller: true, fLocation: true, fList: true,
	fIndicator: true, fSubstance: true}

// wordFields are the foldable fields of free text (names, places), where a
// value not found whole is also looked for as words of the values:
// location:china finds "Wuhan, China".
var wordFields = map[string]bool{fSeller: true, fLocation: true, fSubstanceName: true}

// foldablePacked are the packed keyword fields folded like foldableFields.
var foldablePacked = map[string]bool{fSubstanceName: true, fTarget: true, fObservable: true}

// foldCase rewrites, in place, each term query of the user's query q on a
// foldable keyword field whose exact value no shard holds into the values
// of the field's dictionaries that equal it but for case (or, in
// wordFields, hold it as a word or words), so that platform:chemhub finds
// ChemHub. The result is still term queries, which countBitmaps counts. A
// value written as indexed stays the one exact term. Filters (a caller's
// platform scope) are never folded: they stay exact.
func foldCase(q query.Query, shards []bleve.Index) (query.Query, error) {
	var err error
	switch q := q.(type) {
	case *query.BooleanQuery:
		for _, p := range []*query.Query{&q.Must, &q.Should, &q.MustNot, &q.Filter} {
			if *p != nil {
				if *p, err = foldCase(*p, shards); err != nil {
					return nil, err
				}
			}
		}
	case *query.ConjunctionQuery:
		for i := range q.Conjuncts {
			if q.Conjuncts[i], err = foldCase(q.Conjuncts[i], shards); err != nil {
				return nil, err
			}
		}
	case *query.DisjunctionQuery:
		for i := range q.Disjuncts {
			if q.Disjuncts[i], err = foldCase(q.Disjuncts[i], shards); err != nil {
				return nil, err
			}
		}
	case *query.TermQuery:
		field, prefix, term := q.FieldVal, "", q.Term
		if field == fPacked { // substance_name:…, packed as _kw:"substance_name=…"
			f, v, ok := strings.Cut(q.Term, "=")
			if !ok || !foldablePacked[f] {
				return q, nil
			}
			field, prefix, term = f, f+"=", v
		} else if !foldableFields[field] {
			return q, nil
		}
		if term == "" {
			return q, nil
		}
		found, err := hasTerm(shards, q.FieldVal, q.Term)
		if err != nil || found {
			return q, err
		}
		terms, err := foldedTerms(shards, q.FieldVal, prefix, term, wordFields[field])
		if err != nil || len(terms) == 0 {
			return q, err
		}
		ds := make([]query.Query, len(terms))
		for i, term := range terms {
			t := query.NewTermQuery(term)
			t.SetField(q.FieldVal)
			t.BoostVal = q.BoostVal
			ds[i] = t
		}
		if len(ds) == 1 {
			return ds[0], nil
		}
		return query.NewDisjunctionQuery(ds), nil
	}
	return q, nil
}

// hasTerm reports whether any shard holds term in field.
func hasTerm(shards []bleve.Index, field, term string) (bool, error) {
	for _, s := range shards {
		d, err := s.FieldDictRange(field, []byte(term), []byte(term))
		if err != nil {
			return false, fmt.Errorf("dictionary of %s: %w", field, err)
		}
		e, err := d.Next()
		d.Close()
		if err != nil {
			return false, fmt.Errorf("dictionary of %s: %w", field, err)
		}
		if e != nil && e.Term == term {
			return true, nil
		}
	}
	return false, nil
}

// foldedTerms returns, sorted, the terms of field in any shard that start
// with prefix and whose rest equals term but for case or, with words,
// contains it as whole words.
func foldedTerms(shards []bleve.Index, field, prefix, term string, words bool) ([]string, error) {
	seen := map[string]bool{}
	lt := strings.ToLower(term)
	for _, s := range shards {
		d, err := s.FieldDictPrefix(field, []byte(prefix))
		if err != nil {
			return nil, fmt.Errorf("dictionary of %s: %w", field, err)
		}
		for {
			e, err := d.Next()
			if err != nil {
				d.Close()
				return nil, fmt.Errorf("dictionary of %s: %w", field, err)
			}
			if e == nil {
				break
			}
			v, ok := strings.CutPrefix(e.Term, prefix)
			if ok && !seen[e.Term] && (strings.EqualFold(v, term) || words && hasWords(strings.ToLower(v), lt)) {
				seen[e.Term] = true
			}
		}
		d.Close()
	}
	return sortedKeys(seen), nil
}

// hasWords reports whether value holds words as whole words: what comes
// before and after it is not a letter or digit (or either is Han script,
// which is written without spaces). Both are lowercase.
func hasWords(value, words string) bool {
	for i := 0; i <= len(value); {
		j := strings.Index(value[i:], words)
		if j < 0 {
			return false
		}
		j += i
		before, _ := utf8.DecodeLastRuneInString(value[:j])
		after, _ := utf8.DecodeRuneInString(value[j+len(words):])
		first, _ := utf8.DecodeRuneInString(words)
		last, _ := utf8.DecodeLastRuneInString(words)
		if (j == 0 || !wordRune(before) || unicode.Is(unicode.Han, first)) &&
			(j+len(words) == len(value) || !wordRune(after) || unicode.Is(unicode.Han, last)) {
			return true
		}
		_, size := utf8.DecodeRuneInString(value[j:])
		i = j + size
	}
	return false
}

func wordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
