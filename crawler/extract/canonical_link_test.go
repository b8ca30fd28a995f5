package extract

import (
	"testing"

	"github.com/precwatch/precwatch"
)

// TestRelCanonicalNamesListing checks that a detail page's same-site
// <link rel="canonical"> names its listing, and that a canonical on another
// host, the site's root, one outside url_pattern, or inline cards do not.
func TestRelCanonicalNamesListing(t *testing.T) {
	const page = "https://shop.example/category/solvents/p/123?variant=2"
	tests := []struct {
		name, head, pattern, item, want string
	}{
		{"same site", `<link rel="canonical" href="/p/123-acetone">`, "", "", "https://shop.example/p/123-acetone"},
		{"absolute, rel list", `<link rel="alternate canonical" href="https://shop.example/p/123-acetone?utm_source=x">`, "", "", "https://shop.example/p/123-acetone"},
		{"other host", `<link rel="canonical" href="https://evil.example/p/123-acetone">`, "", "", page},
		{"subdomain", `<link rel="canonical" href="https://m.shop.example/p/123">`, "", "", page},
		{"site root", `<link rel="canonical" href="https://shop.example/">`, "", "", page},
		{"outside url_pattern", `<link rel="canonical" href="/category/solvents">`, `/p/\d+`, "", page},
		{"inside url_pattern", `<link rel="canonical" href="/p/123">`, `/p/\d+`, "", "https://shop.example/p/123"},
		{"not http", `<link rel="canonical" href="javascript:void(0)">`, "", "", page},
		{"none", ``, "", "", page},
		{"cards", `<link rel="canonical" href="/p/123-acetone">`, "", "div.card", ""},
	}
	for _, tt := range tests {
		target := &precwatch.Target{Name: "t", Platform: "P", Listing: precwatch.ListingSpec{
			URLPattern: tt.pattern, Item: tt.item, Fields: map[string]string{"title": "h1"}}}
		if tt.item != "" {
			target.Listing.Fields = map[string]string{"title": "h2"}
		}
		body := `<html><head>` + tt.head + `</head><body><h1>Acetone</h1><div class="card"><h2>Acetone</h2></div></body></html>`
		p, err := HTML(target, page, []byte(body))
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if len(p.Listings) != 1 {
			t.Fatalf("%s: %d listings, want 1", tt.name, len(p.Listings))
		}
		l := p.Listings[0]
		if tt.item != "" {
			if l.URL != page {
				t.Errorf("%s: card url %q, want the page %q", tt.name, l.URL, page)
			}
			continue
		}
		if l.URL != tt.want || l.ID != tt.want {
			t.Errorf("%s: head %s: url %q id %q, want %q", tt.name, tt.head, l.URL, l.ID, tt.want)
		}
	}
}
