package crawler

import (
	"context"
	"strings"
	"testing"

	"github.com/precwatch/precwatch"
	"github.com/precwatch/precwatch/crawler/extract"
)

// v22Run runs tg and returns its listings' titles keyed by their URLs
// without the server's address, and the run.
func v22Run(t *testing.T, tg precwatch.Target, base string) (map[string]string, *Run) {
	t.Helper()
	sink := &collector{}
	res, err := mustCrawler(t, Options{}).Run(context.Background(), tg, sink)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	sink.mu.Lock()
	defer sink.mu.Unlock()
	for _, l := range sink.listings {
		got[strings.TrimPrefix(l.URL, base)] = l.Title
	}
	return got, res
}

// TestVariety22CookielessSession: ASP.NET's cookieless session segment is
// no part of a page's address. Before, every visit's new session id
// renamed every listing.
func TestVariety22CookielessSession(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"https://s.example/shop/(S(lit3py55t21z5v55vlm25s55))/Product.aspx?id=4", "https://s.example/shop/Product.aspx?id=4"},
		{"https://s.example/(X(1)S(3x2n1wabc5dfhj0s4kp3ph45))/Default.aspx", "https://s.example/Default.aspx"},
		{"https://s.example/(A(ABCD)S(x1y2))/p/1", "https://s.example/p/1"},
		{"https://s.example/(S(x))", "https://s.example/"},
		// Parentheses that are no session segment stay.
		{"https://s.example/p/(1)/x", "https://s.example/p/%281%29/x"},
		{"https://s.example/p/(s(x))/x", "https://s.example/p/%28s%28x%29%29/x"},
		{"https://s.example/wiki/Acetone_(solvent)", "https://s.example/wiki/Acetone_%28solvent%29"},
	} {
		got, err := extract.Canonical(nil, c.in)
		if err != nil || got != c.want {
			t.Errorf("Canonical(%q) = %q, %v; want %q", c.in, got, err, c.want)
		}
	}
}
