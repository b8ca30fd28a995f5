package extract

import (
	"testing"

	"github.com/precwatch/precwatch"
)

// TestVariety15HasMore checks where a feed paged by a cursor says it has
// no page after this one: beside the cursor (Relay's pageInfo), or beside
// the items up to the root when the cursor is the last item's id (Stripe's
// has_more, next_page: data[-1].id) — never in the last item itself.
func TestVariety15HasMore(t *testing.T) {
	const page = "https://api.example/v1/products?limit=2"
	for _, tc := range []struct {
		name, body, items, next, doc string
		want                         bool // a next page
	}{
		{"stripe more", `{"after": ${cursor}}`, "data", "data[-1].id", `{"data":[{"id":"a"},{"id":"b"}],"has_more":true}`, true},
		{"stripe last", `{"after": ${cursor}}`, "data", "data[-1].id", `{"data":[{"id":"a"},{"id":"b"}],"has_more":false}`, false},
		{"numeric id last", `{"since_id": ${cursor}}`, "products", "products[-1].id", `{"products":[{"id":7},{"id":9}],"has_more":false}`, false},
		{"numeric id silent", `{"since_id": ${cursor}}`, "products", "products[-1].id", `{"products":[{"id":7},{"id":9}]}`, true},
		{"item's own flag", `{"after": ${cursor}}`, "data", "data[-1].id", `{"data":[{"id":"a"},{"id":"b","has_more":false}]}`, true},
		{"beside items", `{"after": ${cursor}}`, "result.items", "result.items[-1].id", `{"result":{"items":[{"id":"a"}],"hasMore":false},"has_more":true}`, false},
		{"sort values last", `{"search_after": ${cursor}}`, "hits.hits", "hits.hits[-1].sort", `{"hits":{"hits":[{"sort":[1,"a"]}]},"has_more":false}`, false},
		{"relay", `{"after": ${cursor}}`, "data.p.edges[].node", "data.p.pageInfo.endCursor", `{"data":{"p":{"edges":[{"node":{"id":"a"}}],"pageInfo":{"hasNextPage":false,"endCursor":"c1"}}}}`, false},
		{"root array", `{"after": ${cursor}}`, "", "[-1].id", `[{"id":"a"},{"id":"b","more":false}]`, true},
		{"plain cursor last", "", "results", "next_cursor", `{"results":[{"id":"a"}],"next_cursor":"c9","has_more":false}`, false},
		{"plain cursor more", "", "results", "next_cursor", `{"results":[{"id":"a"}],"next_cursor":"c9","has_more":true}`, true},
		{"plain numeric last", "", "results", "last_id", `{"results":[{"id":"a"}],"last_id":40,"hasMore":false}`, false},
	} {
		tg := &precwatch.Target{Name: "t", Platform: "P", Kind: precwatch.KindJSON, JSON: precwatch.JSONSpec{
			Body: tc.body, Items: tc.items, NextPage: tc.next, Fields: map[string]string{"id": "id"}}}
		p, err := JSON(tg, page, []byte(tc.doc))
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if got := len(p.Next) > 0; got != tc.want {
			t.Errorf("%s: next page %v (%v), want %v", tc.name, got, p.Next, tc.want)
		}
	}
}
