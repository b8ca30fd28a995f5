package crawler

import (
	"testing"

	"github.com/precwatch/precwatch"
)

// TestRequestBodyFirstPage fills a feed's body: on the first page a member
// that is only ${cursor} is left out; a JSON cursor goes back as JSON.
func TestRequestBodyFirstPage(t *testing.T) {
	for _, tc := range []struct {
		body, cursor string
		isJSON       bool
		want         string
	}{
		{`{"size": 2, "search_after": ${cursor}}`, "", false, `{"size": 2}`},
		{`{"search_after": ${cursor}, "size": 2}`, "", false, `{"size": 2}`},
		{`{"variables": {"after": ${cursor}}}`, "", false, `{"variables": {}}`},
		{`{"variables": {"first": 2, "after": "${cursor}"}}`, "", false, `{"variables": {"first": 2}}`},
		{`{"query": "{ offers(after: \"${cursor}\") { id } }"}`, "", false, `{"query": "{ offers(after: \"\") { id } }"}`},
		{`{"ids": [${cursor}]}`, "", false, `{"ids": [null]}`},
		{`{"size": 2, "search_after": ${cursor}}`, `[12.5,"acetone"]`, true, `{"size": 2, "search_after": [12.5,"acetone"]}`},
		{`{"variables": {"after": ${cursor}}}`, "Y3Vy", false, `{"variables": {"after": "Y3Vy"}}`},
		{`{"page": ${page}}`, "", false, `{"page": 3}`},
	} {
		spec := &precwatch.JSONSpec{Method: "POST", Body: tc.body}
		if got := requestBody(spec, 3, 40, tc.cursor, false, tc.isJSON); got != tc.want {
			t.Errorf("%s with %q: %s, want %s", tc.body, tc.cursor, got, tc.want)
		}
	}
}

// TestQueryURL sends a GET feed's body as query parameters: strings as
// their text, other values as JSON.
func TestQueryURL(t *testing.T) {
	got, err := queryURL("https://s.example/graphql?op=Products", `{"query": "{ products { id } }", "variables": {"first": 2, "after": null}}`, false)
	if want := "https://s.example/graphql?op=Products&query=%7B+products+%7B+id+%7D+%7D&variables=%7B%22first%22%3A2%2C%22after%22%3Anull%7D"; err != nil || got != want {
		t.Errorf("queryURL = %s, %v; want %s", got, err, want)
	}
	if _, err := queryURL("https://s.example/", `[1]`, false); err == nil {
		t.Error("queryURL of an array: no error")
	}
}

// TestProxiedNext moves a next page naming a backend's host at the page's
// own path onto the page's host, and leaves other URLs alone.
func TestProxiedNext(t *testing.T) {
	page := "https://shop.example/api/products/?page=1"
	for _, tc := range []struct{ next, want string }{
		{"http://backend:8000/api/products/?page=2", "https://shop.example/api/products/?page=2"},
		{"https://shop.example/api/products/?page=2", "https://shop.example/api/products/?page=2"},
		{"https://other.example/catalog?page=2", "https://other.example/catalog?page=2"},
		// A public host at the same path is another site, not a backend.
		{"https://mirror.shop.example/api/products/?page=2", "https://mirror.shop.example/api/products/?page=2"},
		{"http://10.0.0.5:8000/api/products/?page=2", "https://shop.example/api/products/?page=2"},
	} {
		if got := proxiedNext(tc.next, page); got != tc.want {
			t.Errorf("%s: %s, want %s", tc.next, got, tc.want)
		}
	}
}
