package crawler

import (
	"context"
	"fmt"
	"net/url"
	"slices"
	"sort"
	"strings"

	"github.com/precwatch/precwatch"
	"github.com/precwatch/precwatch/crawler/extract"
)

// TestReport is what Test found on the first pages of a target.
type TestReport struct {
	Target   string
	Pages    []TestPage
	Listings []precwatch.Listing
	// Counts sums extract's per-selector counts over the pages.
	Counts map[string]int
	// Unmatched lists the selectors and fields ("follow:<sel>",
	// "next_page:<sel>", "item", "field:<name>") that matched nothing on any
	// fetched page, sorted; for an html target without fields whose pages
	// had no structured product data, NoStructuredData.
	Unmatched []string
	// OffScope counts the links found that lie outside the target's
	// allowed domains (not followed); OffScopeExamples holds the first few.
	OffScope         int
	OffScopeExamples []string
	// OffDomainNext lists the next pages (pagination) among them: a
	// crawl refuses them and is then not complete (Run.OffDomainNext).
	OffDomainNext []string
	// Structured counts the listings read wholly or partly from the pages'
	// schema.org product data (JSON-LD, microdata, OpenGraph): all of
	// them for a target without fields, else those whose configured
	// selectors missed a field that the data supplied.
	Structured int
	// Gone lists the pages that say their listing was taken down: where
	// listing.gone matched, a not-found page answered with status 200, or
	// a listing page redirected to the home or its category page.
	Gone []string
	// GoneWhy says, for each page of Gone, what made it count as gone.
	GoneWhy map[string]string
	// LookupErrors lists the lookups (precwatch.Lookup) that failed, one
	// line each: a crawl would not deliver those listings.
	LookupErrors []string `json:",omitempty"`
}

// NoStructuredData is the Unmatched entry of an html target without
// listing.fields none of whose pages had structured product data to read.
const NoStructuredData = "listing.fields: none given, and no fetched page had schema.org Product data (JSON-LD, microdata or og:type product) to read instead; name the fields"

// TestPage is one page fetched by Test.
type TestPage struct {
	URL      string
	Status   int
	Listings int
	Charset  string
	Error    string // empty when the page was fetched and extracted
}

// Test fetches up to pages pages of t (start URLs first, then the links they
// lead to, breadth first) with the same politeness, limits and guard as Run,
// and reports the listings extracted and the selectors that matched nothing.
// It writes no run state and no evidence.
func (c *Crawler) Test(ctx context.Context, t precwatch.Target, pages int) (*TestReport, error) {
	if pages <= 0 {
		pages = 1
	}
	rep := &TestReport{Target: t.Name, Counts: map[string]int{}}
	r := &run{c: c, t: &t, lim: newLimiter(t.Delay), mask: newMasker(c.maskKey, &t)}
	r.lim.par = 1
	r.f = newFetcher(ctx, &t, &c.opts, &c.own)
	defer r.f.client.CloseIdleConnections()
	var queue []item
	seen := map[string]bool{}
	for _, s := range t.StartURLs {
		u, err := extract.Canonical(nil, s)
		if err != nil {
			return nil, precwatch.Errorf(precwatch.EINVALID, "target %s: start url %q: %v", t.Name, s, err)
		}
		if !seen[seenKey(u)] {
			seen[seenKey(u)] = true
			queue = append(queue, item{url: u, kind: 's'})
			r.indexes.Store(seenKey(u), true)
		}
	}
	for len(queue) > 0 && len(rep.Pages) < pages {
		if err := ctx.Err(); err != nil {
			return rep, err
		}
		it := queue[0]
		queue = queue[1:]
		tp := TestPage{URL: it.url}
		links, err := c.testPage(ctx, r, it, &tp, rep)
		if err != nil {
			tp.Error = err.Error()
		}
		rep.Pages = append(rep.Pages, tp)
		for _, l := range links {
			if !seen[seenKey(l.url)] {
				seen[seenKey(l.url)] = true
				queue = append(queue, l)
			}
		}
	}
	for k, n := range rep.Counts {
		if n == 0 && (k == extract.CountItem || k == extract.CountURLPattern || strings.HasPrefix(k, "follow:") ||
			strings.HasPrefix(k, "next_page:") || strings.HasPrefix(k, "field:")) {
			rep.Unmatched = append(rep.Unmatched, k)
		}
	}
	rep.Structured = rep.Counts[extract.CountStructured]
	fetched := false
	for _, p := range rep.Pages {
		fetched = fetched || p.Error == ""
	}
	if fetched && t.Kind != precwatch.KindJSON && len(t.Listing.Fields) == 0 && rep.Structured == 0 {
		rep.Unmatched = append(rep.Unmatched, NoStructuredData)
	}
	sort.Strings(rep.Unmatched)
	return rep, nil
}

func (c *Crawler) testPage(ctx context.Context, r *run, it item, tp *TestPage, rep *TestReport) ([]item, error) {
	u, err := url.Parse(it.url)
	if err != nil {
		return nil, err
	}
	resp, page, final, cs, kind, err := r.read(ctx, it.url, u, it.post)
	if resp != nil {
		tp.Status = resp.Status
	}
	tp.Charset = cs
	if err != nil {
		if kind == KindExtract {
			return nil, fmt.Errorf("extract: %w", err)
		}
		return nil, err
	}
	for k, n := range page.Counts {
		rep.Counts[k] += n
	}
	why := ""
	switch {
	case page.Gone:
		why = fmt.Sprintf("listing.gone %q matched (the platform's notice that the listing was taken down)", r.t.Listing.Gone)
	case page.NotFound && r.isListingURL(it):
		why = `the page says the listing is not there (a not-found page: its title or heading reads like "Page not found" or "This listing has ended", and it has no schema.org product)`
	default:
		if where := r.removedRedirect(it, final); where != "" {
			why = fmt.Sprintf("redirected to %s (%s), as shops answer a taken-down listing", final, where)
		}
	}
	if why != "" {
		rep.Gone = append(rep.Gone, tp.URL)
		if rep.GoneWhy == nil {
			rep.GoneWhy = map[string]string{}
		}
		rep.GoneWhy[tp.URL] = why
		return nil, nil
	}
	if page.CursorRepeated != "" && it.kind == 'n' && !slices.ContainsFunc(page.Listings, func(l precwatch.Listing) bool {
		return !slices.ContainsFunc(rep.Listings, func(seen precwatch.Listing) bool { return seen.ID == r.mask.redact(l.ID) })
	}) {
		// As Run fails it (KindCursorIgnored): the API gave back the
		// cursor it was sent and listings already read.
		return nil, fmt.Errorf("%s: %s", KindCursorIgnored, cursorIgnoredMessage(page.CursorRepeated))
	}
	r.fillFrames(ctx, page, false)
	for _, f := range r.fillLookups(ctx, page, final, false) {
		rep.LookupErrors = append(rep.LookupErrors, f.err.Error())
	}
	r.noteCatalogue(page, it.url, final)
	for _, l := range page.Listings {
		r.ownAddress(&l, it, final)
		l.Target = r.t.Name
		if l.Platform == "" {
			l.Platform = r.t.Platform
		}
		extract.ResolveRelativeDates(&l, r.c.opts.Now().In(zone(r.t)))
		r.mask.redactListing(&l)
		l.ContentHash = ContentHash(l)
		rep.Listings = append(rep.Listings, l)
	}
	tp.Listings = len(page.Listings)
	var links []item
	add := func(l string, kind byte) {
		if !r.wanted(l) {
			return
		}
		if r.inScope(l) {
			links = append(links, item{url: l, kind: kind, post: page.Postbacks[l]})
			if kind == 'n' {
				r.indexes.Store(seenKey(l), true)
			}
			return
		}
		rep.OffScope++
		if m := r.mask.redact(l); kind == 'n' && !slices.Contains(rep.OffDomainNext, m) {
			rep.OffDomainNext = append(rep.OffDomainNext, m)
		}
		if len(rep.OffScopeExamples) < 3 && !slices.Contains(rep.OffScopeExamples, l) {
			rep.OffScopeExamples = append(rep.OffScopeExamples, l)
		}
	}
	for _, l := range page.Follow {
		add(l, 'f')
	}
	for _, l := range nextLinks(page, it.kind, final, r.nextPages(page, r.headerNext(resp, final))) {
		add(l, 'n')
	}
	if it.kind == 's' && page.First != "" {
		// As Run does: a start URL past the feed's page 0.
		add(page.First, 'n')
	}
	return links, nil
}
