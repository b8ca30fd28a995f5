package crawler

import (
	"crypto/sha256"
	"encoding/hex"
	"sort"
	"strings"

	"github.com/precwatch/precwatch"
	"github.com/precwatch/precwatch/crawler/extract"
)

// ContentHash returns the SHA-256 hex of l's normalised content
// (precwatch.ContentHash): id, url, title, description, price, seller,
// location and the attributes sorted by key, whitespace collapsed. Fetch
// time, evidence and target do not count, so an unchanged listing hashes
// the same on every crawl.
func ContentHash(l precwatch.Listing) string { return precwatch.ContentHash(l) }

// Fingerprint returns a SHA-256 hex of what a run's frontier and listings
// are built from: the target's platform, kind, start URLs, allowed domains,
// follow and next_page selectors, listing and JSON specs, an html
// target's request template and the lookups. Politeness
// settings (delay, parallelism, timeouts, max_pages, retries) do not count,
// so raising max_pages still resumes an unfinished run.
func Fingerprint(t *precwatch.Target) string {
	h := sha256.New()
	put := func(ss ...string) {
		for _, s := range ss {
			h.Write([]byte(s))
			h.Write([]byte{0})
		}
		h.Write([]byte{1})
	}
	putMap := func(m map[string]string) {
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			put(k, m[k])
		}
		h.Write([]byte{2})
	}
	put(t.Platform, strings.ToLower(t.Kind))
	put(t.StartURLs...)
	put(t.AllowedDomains...)
	put(t.Follow...)
	put(t.NextPage...)
	put(t.Listing.URLPattern, t.Listing.Item)
	putMap(t.Listing.Fields)
	if t.Listing.Gone != "" {
		put("gone", t.Listing.Gone)
	}
	put(t.JSON.Items, t.JSON.NextPage)
	putMap(t.JSON.Fields)
	if extract.Templated(&t.JSON) {
		// Only then: the fingerprints of GET feeds stay as they were,
		// so their unfinished runs still resume.
		put("post", t.JSON.Body)
	}
	if t.Request != (precwatch.RequestSpec{}) {
		put("request", t.Request.Method, t.Request.Body)
	}
	for _, l := range t.Lookups {
		put("lookup", l.URL)
		putMap(l.Fields)
	}
	return hex.EncodeToString(h.Sum(nil))
}
