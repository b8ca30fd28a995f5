package extract

import (
	"strings"
	"testing"

	"github.com/precwatch/precwatch"
)

// TestDeepNesting: a page with thousands of unclosed tags is beyond the HTML
// parser's nesting limit; its listing is still extracted.
func TestDeepNesting(t *testing.T) {
	target := &precwatch.Target{Follow: []string{"a.p"}, Listing: precwatch.ListingSpec{Fields: map[string]string{"title": "h1", "description": ".d"}}}
	for _, n := range []int{100, 600, 20000} {
		for _, tag := range []string{"<div>", "<font size=2>", "<b>", "<span><i>", "<table><tr><td>"} {
			body := "<h1>Ephedrine HCl</h1>" + strings.Repeat(tag, n) + `<p class="d">Bulk <b>25 kg</b></p><a class="p" href="/next">n</a>`
			page, err := HTML(target, "https://x.example/item", []byte(body))
			if err != nil {
				t.Errorf("HTML(%d × %s): %v", n, tag, err)
				continue
			}
			if len(page.Listings) != 1 || page.Listings[0].Title != "Ephedrine HCl" || page.Listings[0].Description != "Bulk 25 kg" {
				t.Errorf("HTML(%d × %s) listings = %+v", n, tag, page.Listings)
			}
			if len(page.Follow) != 1 || page.Follow[0] != "https://x.example/next" {
				t.Errorf("HTML(%d × %s) follow = %v", n, tag, page.Follow)
			}
		}
	}
}
