package precwatch

import (
	"crypto/sha256"
	"encoding/hex"
	"sort"
	"strings"
)

// ContentHash returns the SHA-256 hex of l's normalised content: id, url,
// title, description, price, seller, location and the attributes sorted by
// key, each with surrounding whitespace trimmed and inner runs of whitespace
// collapsed. Fetch time, evidence and target do not count, so an unchanged
// listing hashes the same on every crawl. It is the crawler's hash
// (crawler.ContentHash), here so that a migration in tickets can compute
// it too. An attribute holding a value as the site wrote it beside the
// value read from it (a key ending in AsWrittenSuffix: "posted.as_written"
// beside "posted") does not count: a relative date's phrase ("vor 2 Tagen",
// "vor 3 Tagen") changes as days pass while the date it names does not.
func ContentHash(l Listing) string {
	h := sha256.New()
	put := func(s string) {
		h.Write([]byte(strings.Join(strings.Fields(s), " ")))
		h.Write([]byte{0})
	}
	for _, s := range []string{l.ID, l.URL, l.Title, l.Description, l.Price, l.Seller, l.Location} {
		put(s)
	}
	keys := make([]string, 0, len(l.Attributes))
	for k := range l.Attributes {
		if strings.HasSuffix(k, AsWrittenSuffix) {
			continue
		}
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		put(k)
		put(l.Attributes[k])
	}
	return hex.EncodeToString(h.Sum(nil))
}

// AsWrittenSuffix ends the key of a listing attribute that keeps a value
// as the site wrote it, beside the attribute read from it: a relative
// date ("posted": "2026-11-27T00:00:00Z", "posted.as_written": "vor 2
// Tagen"). Configured field names cannot hold a dot, so no field collides
// with it. Such an attribute is no part of the listing's content
// (ContentHash).
const AsWrittenSuffix = ".as_written"
