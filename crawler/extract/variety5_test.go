package extract

import (
	"slices"
	"testing"

	"github.com/precwatch/precwatch"
)

// TestPostNext pages POST feeds: by a cursor (and Relay's hasNextPage
// beside it), a page number, a boolean, or by counting ${page} on.
func TestPostNext(t *testing.T) {
	const ep = "https://api.example/graphql"
	for _, tc := range []struct {
		name, body, next, pageURL, doc string
		wantNext                       []string
		wantCountOn                    string
	}{
		{"cursor", `{"after": ${cursor}}`, "data.pageInfo.endCursor", ep,
			`{"data":{"items":[{"t":"a"}],"pageInfo":{"endCursor":"c1","hasNextPage":true}}}`,
			[]string{ep + "#pw:cursor=c1&offset=1&page=2"}, ""},
		{"relay last page", `{"after": ${cursor}}`, "data.pageInfo.endCursor", ep + "#pw:cursor=c1&offset=1&page=2",
			`{"data":{"items":[{"t":"a"}],"pageInfo":{"endCursor":"c2","hasNextPage":false}}}`, nil, ""},
		{"same cursor", `{"after": ${cursor}}`, "data.pageInfo.endCursor", ep + "#pw:cursor=c1&offset=1&page=2",
			`{"data":{"items":[{"t":"a"}],"pageInfo":{"endCursor":"c1"}}}`, nil, ""},
		{"null cursor", `{"after": ${cursor}}`, "data.pageInfo.endCursor", ep,
			`{"data":{"items":[{"t":"a"}],"pageInfo":{"endCursor":null}}}`, nil, ""},
		{"boolean", `{"page": ${page}}`, "data.hasMore", ep + "#pw:offset=1&page=2",
			`{"data":{"items":[{"t":"a"},{"t":"b"}],"hasMore":true}}`, []string{ep + "#pw:offset=3&page=3"}, ""},
		{"page number", `{"page": ${page}}`, "data.nextPage", ep,
			`{"data":{"items":[{"t":"a"}],"nextPage":2}}`, []string{ep + "#pw:offset=1&page=2"}, ""},
		{"count on", `{"from": ${offset}}`, "", ep,
			`{"data":{"items":[{"t":"a"},{"t":"b"}]}}`, nil, ep + "#pw:offset=2&page=2"},
		{"count on ends", `{"from": ${offset}}`, "", ep + "#pw:offset=2&page=2",
			`{"data":{"items":[]}}`, nil, ""},
		{"no page variable", `{"q": "x"}`, "", ep, `{"data":{"items":[{"t":"a"}]}}`, nil, ""},
	} {
		tg := &precwatch.Target{Name: "t", Kind: precwatch.KindJSON, JSON: precwatch.JSONSpec{
			Method: "POST", Body: tc.body, Items: "data.items", NextPage: tc.next, Fields: map[string]string{"title": "t"}}}
		p, err := JSON(tg, tc.pageURL, []byte(tc.doc))
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if !slices.Equal(p.Next, tc.wantNext) || p.CountOn != tc.wantCountOn {
			t.Errorf("%s: next %q, count on %q; want %q, %q", tc.name, p.Next, p.CountOn, tc.wantNext, tc.wantCountOn)
		}
	}
}

func TestPostPageURL(t *testing.T) {
	for _, tc := range []struct {
		page, offset int
		cursor       string
	}{{1, 0, ""}, {2, 20, ""}, {3, 40, "a b&c=d#e"}} {
		u := PostPageURL("https://api.example/q?x=1", tc.page, tc.offset, tc.cursor)
		ep, p, o, c := PostPageVars(u)
		if ep != "https://api.example/q?x=1" || p != tc.page || o != tc.offset || c != tc.cursor {
			t.Errorf("PostPageVars(PostPageURL(%d, %d, %q) = %s) = %s %d %d %q", tc.page, tc.offset, tc.cursor, u, ep, p, o, c)
		}
	}
}
