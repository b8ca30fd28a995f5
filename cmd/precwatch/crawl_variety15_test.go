package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// Round 15 of feeds, end to end through `precwatch crawl`, each configured
// as a partner would from docs/CRAWLING.md:
//
//  1. a Stripe-style list (GET /v1/products?limit=2, {"object": "list",
//     "data": […], "has_more": true}) paged by the last item's id,
//     ?starting_after=<last id>; "has_more": false ends it without
//     another request
//  2. a Shopify-REST-style feed paged by ?since_id=<last id>, the ids
//     numbers, without has_more: an empty page ends it
//  3. a feed paged by ?after=<last id> that ignores the parameter and
//     answers the same page again: the same id twice with nothing new
//     fails that page (cursor-ignored), and the run is not complete
//  4. a Relay connection read by POST (edges[].node, pageInfo {hasNextPage
//     endCursor}), the last page's endCursor null
func TestVariety15CursorFeeds(t *testing.T) {
	type product struct{ id, title, desc, seller string }
	stripe := []product{
		{"prod_Nc1", "Safrole 1 l", "Ships discreetly", "chemking"},
		{"prod_Nc2", "Acetone 5 l", "Lab grade", "solvents4u"},
		{"prod_Nc3", "PMK glycidate 1 kg", "Wickr: pmk", "chemking"},
		{"prod_Nc4", "Beaker 250 ml", "Borosilicate", "glassco"},
	}
	since := []product{
		{"101", "Ephedrine HCl 100 g", "No prescription", "pharma_joe"},
		{"102", "Ethanol 1 l", "For labs", "solvents4u"},
		{"103", "Red phosphorus 500 g", "Stealth shipping", "redp"},
	}
	relay := []product{
		{"UHJvZHVjdDo1", "Nitroethane 1 l", "Crypto only", "nitrolab"},
		{"UHJvZHVjdDo2", "Pipettes", "Pack of 100", "glassco"},
		{"UHJvZHVjdDo3", "Acetic anhydride 1 l", "Safe delivery", "acetyl"},
	}
	var mu sync.Mutex
	var reqs []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		raw, _ := io.ReadAll(r.Body)
		mu.Lock()
		reqs = append(reqs, r.Method+" "+r.URL.RequestURI()+" "+string(raw))
		mu.Unlock()
		q := r.URL.Query()
		w.Header().Set("Content-Type", "application/json")
		switch r.URL.Path {
		case "/v1/products":
			limit, _ := strconv.Atoi(q.Get("limit"))
			start := 0
			if a := q.Get("starting_after"); a != "" {
				start = slices.IndexFunc(stripe, func(p product) bool { return p.id == a }) + 1
				if start == 0 {
					w.WriteHeader(400)
					io.WriteString(w, `{"error":{"type":"invalid_request_error","message":"No such product: '`+a+`'"}}`)
					return
				}
			}
			if limit < 1 {
				limit = 10
			}
			end := min(start+limit, len(stripe))
			data := []map[string]any{}
			for _, p := range stripe[start:end] {
				data = append(data, map[string]any{"id": p.id, "object": "product", "name": p.title, "description": p.desc, "metadata": map[string]any{"seller": p.seller}, "active": true})
			}
			json.NewEncoder(w).Encode(map[string]any{"object": "list", "url": "/v1/products", "has_more": end < len(stripe), "data": data})
		case "/admin/products.json":
			limit, _ := strconv.Atoi(q.Get("limit"))
			after, _ := strconv.Atoi(q.Get("since_id"))
			out := []map[string]any{}
			for _, p := range since {
				if id, _ := strconv.Atoi(p.id); id > after && len(out) < limit {
					out = append(out, map[string]any{"id": id, "title": p.title, "body_html": "<p>" + p.desc + "</p>", "vendor": p.seller})
				}
			}
			json.NewEncoder(w).Encode(map[string]any{"products": out})
		case "/stuck/items":
			// Ignores ?after: the same page every time.
			io.WriteString(w, `{"items":[{"id":"st-1","title":"Benzyl cyanide 1 l","text":"Telegram: @bcn"},{"id":"st-2","title":"Test tubes","text":"Pack of 50"}]}`)
		case "/graphql":
			var req struct {
				Variables struct {
					First int     `json:"first"`
					After *string `json:"after"`
				} `json:"variables"`
			}
			if err := json.Unmarshal(raw, &req); err != nil || r.Method != http.MethodPost || req.Variables.First != 2 {
				io.WriteString(w, `{"errors":[{"message":"bad request"}]}`)
				return
			}
			start := 0
			if req.Variables.After != nil {
				start, _ = strconv.Atoi(strings.TrimPrefix(*req.Variables.After, "c"))
			}
			end := min(start+2, len(relay))
			edges := []map[string]any{}
			for i, p := range relay[start:end] {
				edges = append(edges, map[string]any{"cursor": fmt.Sprintf("c%d", start+i+1), "node": map[string]any{"id": p.id, "title": p.title, "description": p.desc, "vendor": map[string]any{"name": p.seller}}})
			}
			var endCursor any = fmt.Sprintf("c%d", end)
			if end == len(relay) {
				endCursor = nil
			}
			json.NewEncoder(w).Encode(map[string]any{"data": map[string]any{"products": map[string]any{"edges": edges, "pageInfo": map[string]any{"hasNextPage": end < len(relay), "endCursor": endCursor}}}})
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	got, _, out := crawl4(t, nil, fmt.Sprintf(`data_dir: DATA
targets:
  - name: stripe
    platform: Stripe
    kind: json
    start_urls: ["%[1]s/v1/products?limit=2"]
    allow_private_networks: true
    delay: 0s
    json:
      body: '{"starting_after": ${cursor}}'
      items: data
      next_page: data[-1].id
      fields: {id: id, title: name, description: description, seller: metadata.seller}
  - name: since-id
    platform: SinceID
    kind: json
    start_urls: ["%[1]s/admin/products.json?limit=2"]
    allow_private_networks: true
    delay: 0s
    json:
      body: '{"since_id": ${cursor}}'
      items: products
      next_page: products[-1].id
      fields: {id: id, title: title, description: body_html, seller: vendor}
  - name: stuck
    platform: Stuck
    kind: json
    start_urls: ["%[1]s/stuck/items"]
    allow_private_networks: true
    delay: 0s
    json:
      body: '{"after": ${cursor}}'
      items: items
      next_page: items[-1].id
      fields: {id: id, title: title, description: text}
  - name: relay
    platform: Relay
    kind: json
    start_urls: ["%[1]s/graphql"]
    allow_private_networks: true
    delay: 0s
    json:
      method: POST
      body: |
        {"query": "query($first: Int!, $after: String) { products(first: $first, after: $after) { edges { node { id title description vendor { name } } } pageInfo { hasNextPage endCursor } } }",
         "variables": {"first": 2, "after": ${cursor}}}
      items: data.products.edges[].node
      next_page: data.products.pageInfo.endCursor
      fields: {id: id, title: title, description: description, seller: vendor.name}
`, srv.URL))
	var all []product
	for _, ps := range [][]product{stripe, since, relay, {{"st-1", "Benzyl cyanide 1 l", "Telegram: @bcn", ""}, {"st-2", "Test tubes", "Pack of 50", ""}}} {
		all = append(all, ps...)
	}
	for _, p := range all {
		l, ok := got[p.id]
		if !ok {
			t.Errorf("%s: not extracted", p.id)
			continue
		}
		if l.Title != p.title || !strings.Contains(l.Description, p.desc) || l.Seller != p.seller {
			t.Errorf("%s: %q / %q / %q, want %q / %q / %q", p.id, l.Title, l.Description, l.Seller, p.title, p.desc, p.seller)
		}
	}
	if len(got) != len(all) {
		t.Errorf("%d listings, want %d: %v", len(got), len(all), listingKeys(got))
	}
	for _, name := range []string{"stripe", "since-id", "relay"} {
		if c := completeColumn(out, name); c != "yes" {
			t.Errorf("%s: complete %q, want yes", name, c)
		}
	}
	// The feed that ignores its cursor answered its first page again:
	// what lies behind it is unknown, so the run is not complete and no
	// listing is marked removed (session 14; round 15 ended it as
	// complete).
	if c := completeColumn(out, "stuck"); c == "yes" {
		t.Errorf("stuck: complete %q, want not complete", c)
	}
	if !strings.Contains(out, "cursor-ignored") {
		t.Errorf("stuck: no cursor-ignored failure in the output")
	}
	mu.Lock()
	defer mu.Unlock()
	count := func(prefix string) (n int) {
		for _, r := range reqs {
			if strings.Contains(r, prefix) {
				n++
			}
		}
		return n
	}
	for _, tc := range []struct {
		path string
		want int
		next string
	}{
		// 2 + 2 items, the second page's has_more: false ends it.
		{"/v1/products", 2, "/v1/products?limit=2&starting_after=prod_Nc2"},
		// 2 + 1 items, then an empty page.
		{"/admin/products.json", 3, "since_id=103"},
		// The same last id twice: no third request.
		{"/stuck/items", 2, "after=st-2"},
		// hasNextPage: false (endCursor null) ends it.
		{"/graphql", 2, `"after": "c2"`},
	} {
		if n := count(tc.path); n != tc.want {
			t.Errorf("%s: %d requests, want %d", tc.path, n, tc.want)
		}
		if count(tc.next) == 0 {
			t.Errorf("%s: no request with %s", tc.path, tc.next)
		}
	}
	if t.Failed() {
		t.Logf("requests:\n%s\n%s", strings.Join(reqs, "\n"), out)
	}
}

// TestVariety15Qwik reads a Qwik City shop as a json target from its
// resumable state, <script type="qwik/json">: a flat list of objects
// whose members name other entries by base-36 index ("1!" a store
// proxy, "\u0012…" a signal holding the entry it names, "\u0001"
// undefined, "#…" an element), "<" in a string escaped as \x3C, the next
// page's path in the state too.
func TestVariety15Qwik(t *testing.T) {
	state := func(products [][4]string, next string) string {
		var objs []any
		add := func(v any) string {
			objs = append(objs, v)
			return strconv.FormatInt(int64(len(objs)-1), 36)
		}
		root := map[string]any{}
		add(root) // 0: the route loader's store
		var ids []any
		for _, p := range products {
			seller := map[string]any{"name": add(p[3]), "badge": add("\u0001")}
			prod := map[string]any{"id": add(p[0]), "title": add(p[1]), "description": add(p[2]), "price": add(45.5), "seller": add(seller) + "!",
				"onBuy": add("\u0002q-abc.js#s_buy[0]"), "el": "#" + strconv.Itoa(len(ids))}
			ids = append(ids, add(prod))
		}
		list := add(ids)
		var nextID string
		if next != "" {
			nextID = add(next)
		} else {
			nextID = add(nil)
		}
		catalog := add(map[string]any{"products": add("\u0012" + list), "next": nextID, "total": add(3)})
		root["catalog"] = catalog + "!"
		b, _ := json.Marshal(map[string]any{"refs": map[string]any{"4": "0 " + catalog}, "ctx": map[string]any{"1": map[string]any{"h": "0 " + catalog}}, "objs": objs, "subs": []any{}})
		return strings.ReplaceAll(strings.ReplaceAll(string(b), `\u003c`, `<`), "</script", `\x3C/script`)
	}
	pages := map[string]string{
		"1": state([][4]string{{"qw-1", "Safrole 1 l", "Ships discreetly </script> in plain boxes", "chemking"}, {"qw-2", "Acetone 5 l", "Lab grade", "solvents4u"}}, "/qw/shop?page=2"),
		"2": state([][4]string{{"qw-3", "PMK glycidate 1 kg", "Wickr: pmk", "chemking"}}, ""),
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := r.URL.Query().Get("page")
		if n == "" {
			n = "1"
		}
		st, ok := pages[n]
		if r.URL.Path != "/qw/shop" || !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, `<!DOCTYPE html><html q:container="paused" q:version="1.5.1" q:render="ssr" q:base="/build/" q:locale="" q:manifest-hash="x1y2z3"><head><title>Shop</title></head><body><!--qv q:id=0 q:key=a1:--><div class="grid" q:id="1"><!--qv q:s q:sref=1 q:key=--><p>Loading…</p><!--/qv--></div><!--/qv--><script type="qwik/json">`+st+`</script><script q:func="qwik/json">document["qFuncs_x1y2z3"]=[];</script><script id="qwikloader">(()=>{})()</script></body></html>`)
	}))
	defer srv.Close()
	got, _, out := crawl4(t, nil, fmt.Sprintf(`data_dir: DATA
targets:
  - name: qwik
    platform: Qwik
    kind: json
    start_urls: ["%[1]s/qw/shop"]
    allow_private_networks: true
    delay: 0s
    json:
      items: catalog.products
      next_page: catalog.next
      fields: {id: id, title: title, description: description, price: price, seller: seller.name}
`, srv.URL))
	for _, tc := range [][4]string{
		// The description's markup is read as text, as in any feed.
		{"qw-1", "Safrole 1 l", "Ships discreetly in plain boxes", "chemking"},
		{"qw-2", "Acetone 5 l", "Lab grade", "solvents4u"},
		{"qw-3", "PMK glycidate 1 kg", "Wickr: pmk", "chemking"},
	} {
		l, ok := got[tc[0]]
		if !ok {
			t.Errorf("%s: not extracted", tc[0])
			continue
		}
		if l.Title != tc[1] || l.Description != tc[2] || l.Seller != tc[3] || l.Price != "45.5" {
			t.Errorf("%s: %q / %q / %q / %q", tc[0], l.Title, l.Description, l.Seller, l.Price)
		}
	}
	if len(got) != 3 || completeColumn(out, "qwik") != "yes" {
		t.Errorf("%d listings %v, want 3, complete\n%s", len(got), listingKeys(got), out)
	}
}
