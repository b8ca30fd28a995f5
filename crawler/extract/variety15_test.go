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

// TestVariety15QwikStates revives the entries of a qwik/json state: ids in
// base 36 with their transforms, typed strings, cycles, and ids that name
// nothing (elements, out of range), without failing on any.
func TestVariety15QwikStates(t *testing.T) {
	// 0 {self, list, tags, meta, el, gone, text, when, sig}; 1 list of 0
	// and 2; 2 "a"; 3 Set of 2 and 4; 4 "b"; 5 Map "a" → "b"; 6 escaped
	// string; 7 signal naming itself; 8 a QRL; ... 10 (a) a date.
	const state = `{"refs":{},"ctx":{},"objs":[` +
		`{"self":"0!","list":"1","tags":"3","meta":"5","el":"#4","gone":"zz","text":"6","loop":"7","fn":"8","none":"9","when":"a"},` +
		`["0","2~"],"a","\u0019` + `2 4","b","\u001a` + `2 4","\u001b\u0012not a signal","\u00127","\u0002q.js#s_x","\u0001","\u00062026-11-29T00:00:00.000Z"],"subs":[]}`
	states := qwikStates(state)
	if len(states) != 1 {
		t.Fatalf("%d states, want 1", len(states))
	}
	m := states[0].(map[string]any)
	if self, ok := m["self"].(map[string]any); !ok || self["text"] != "\u0012not a signal" {
		t.Errorf("self = %v", m["self"])
	}
	list, _ := m["list"].([]any)
	if len(list) != 2 || list[1] != "a" {
		t.Errorf("list = %v", m["list"])
	}
	if tags, _ := m["tags"].([]any); len(tags) != 2 || tags[0] != "a" || tags[1] != "b" {
		t.Errorf("tags = %v", m["tags"])
	}
	if meta, _ := m["meta"].(map[string]any); meta["a"] != "b" {
		t.Errorf("meta = %v", m["meta"])
	}
	for _, k := range []string{"el", "gone", "loop", "fn", "none"} {
		if v, ok := m[k]; !ok || v != nil {
			t.Errorf("%s = %v, want nil", k, v)
		}
	}
	if m["when"] != "2026-11-29T00:00:00.000Z" {
		t.Errorf("when = %v", m["when"])
	}
	for _, bad := range []string{``, `{}`, `{"objs":[]}`, `{"objs":"x"}`, `{"objs":[{"a":1},{"b":"0"}]}`, `[1,2]`, `{"objs":[{"a":"-1"},{"b":"1z1z1z1z1z1z1z1z1z"}]}`} {
		qwikStates(bad) // must not panic
	}
}
