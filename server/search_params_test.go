package server

import (
	"net/url"
	"testing"

	"github.com/precwatch/precwatch"
)

// TestSearchLimitOffset: /api/v1/search takes limit and offset, the names
// the CLI and /api/v1/tickets use, beside size and page (limit=5 was
// ignored: 20 hits came back).
func TestSearchLimitOffset(t *testing.T) {
	p := &Principal{Role: "regulator"}
	for _, c := range []struct {
		query              string
		size, offset, page int
	}{
		{"q=x", 20, 0, 1},
		{"q=x&size=5&page=3", 5, 10, 3},
		{"q=x&limit=5", 5, 0, 1},
		{"q=x&limit=5&offset=12", 5, 12, 3},
		{"q=x&size=7&limit=5", 7, 0, 1},
		{"q=x&offset=40", 20, 40, 3},
		{"q=x&limit=0", 0, 0, 1}, // the total and facets only, like the CLI's --limit 0
		{"q=x&size=0&offset=7", 0, 7, 8},
	} {
		v, _ := url.ParseQuery(c.query)
		q, page, err := searchQuery(v, p, 100)
		if err != nil || q.Size != c.size || q.Offset != c.offset || page != c.page {
			t.Errorf("searchQuery(%s) = size %d, offset %d, page %d, %v; want %d, %d, %d", c.query, q.Size, q.Offset, page, err, c.size, c.offset, c.page)
		}
	}
	for _, bad := range []string{"q=x&limit=-1", "q=x&limit=101", "q=x&limit=abc", "q=x&offset=-1"} {
		v, _ := url.ParseQuery(bad)
		if _, _, err := searchQuery(v, p, 100); precwatch.ErrorCode(err) != precwatch.EINVALID {
			t.Errorf("searchQuery(%s) err = %v, want EINVALID", bad, err)
		}
	}
}

func TestPatternMatches(t *testing.T) {
	for _, c := range []struct {
		pattern, path string
		want          bool
	}{
		{"/api/v1/tickets/{id}", "/api/v1/tickets/12", true},
		{"/api/v1/tickets/{id}", "/api/v1/tickets/", false},
		{"/api/v1/tickets/{id}/status", "/api/v1/tickets/12/status", true},
		{"/api/v1/tickets", "/api/v1/tickets/", false},
		{"/api/v1/tickets", "/api/v1/ticket", false},
		{"/api/v1/targets/{name}", "/api/v1/targets/a/b", false},
	} {
		if got := patternMatches(c.pattern, c.path); got != c.want {
			t.Errorf("patternMatches(%q, %q) = %v, want %v", c.pattern, c.path, got, c.want)
		}
	}
}
