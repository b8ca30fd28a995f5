package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
)

// A fifth round of marketplaces: shapes of partner platforms the earlier
// rounds did not cover.

// gqlProducts are the listings behind the loopback GraphQL and search APIs.
var gqlProducts = []struct{ ID, Title, Desc string }{
	{"p1", "Safrole 99%, CAS 94-59-7", "Discreet shipping, Wickr: chem1"},
	{"p2", "Acetone 5 l", "Technical grade"},
	{"p3", "BMK glycidate 1 kg", "100% customs pass to EU"},
	{"p4", "Isopropanol 1 l", "Cleaning"},
	{"p5", "Red phosphorus 500 g", "Telegram: @redp, no paperwork"},
}

// TestVariety5PostFeeds crawls two listing APIs that answer POST only, with
// the page in a JSON body: a GraphQL API paged by Relay cursors (endCursor,
// hasNextPage), and a search API paged by a page number, whose body holds
// an API key from the environment. Before, json.method and json.body were
// unknown keys: such a platform could not be configured at all (and a GET
// gets 405).
func TestVariety5PostFeeds(t *testing.T) {
	var mu sync.Mutex
	var bodies []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		if r.Method != http.MethodPost {
			w.Header().Set("Allow", "POST")
			http.Error(w, "POST only", http.StatusMethodNotAllowed)
			return
		}
		if !strings.HasPrefix(r.Header.Get("Content-Type"), "application/json") {
			http.Error(w, "want JSON", http.StatusUnsupportedMediaType)
			return
		}
		raw, _ := io.ReadAll(r.Body)
		mu.Lock()
		bodies = append(bodies, r.URL.Path+" "+string(raw))
		mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		switch r.URL.Path {
		case "/graphql":
			var req struct {
				Query     string `json:"query"`
				Variables struct {
					After *string `json:"after"`
					First int     `json:"first"`
				} `json:"variables"`
			}
			if err := json.Unmarshal(raw, &req); err != nil || !strings.Contains(req.Query, "products") || req.Variables.First != 2 {
				http.Error(w, `{"errors":[{"message":"bad request"}]}`, 400)
				return
			}
			start := 0
			if req.Variables.After != nil {
				fmt.Sscanf(*req.Variables.After, "cur%d", &start)
			}
			var edges []map[string]any
			for i := start; i < min(start+2, len(gqlProducts)); i++ {
				p := gqlProducts[i]
				edges = append(edges, map[string]any{"cursor": fmt.Sprintf("cur%d", i+1),
					"node": map[string]any{"id": p.ID, "title": p.Title, "description": p.Desc}})
			}
			end := start + len(edges)
			json.NewEncoder(w).Encode(map[string]any{"data": map[string]any{"products": map[string]any{
				"edges":    edges,
				"pageInfo": map[string]any{"hasNextPage": end < len(gqlProducts), "endCursor": fmt.Sprintf("cur%d", end)},
			}}})
		case "/search":
			var req struct {
				Key  string `json:"api_key"`
				Page int    `json:"page"`
				Size int    `json:"size"`
			}
			if err := json.Unmarshal(raw, &req); err != nil || req.Key != "s3cret" || req.Page < 1 {
				http.Error(w, `{"error":"bad request"}`, 400)
				return
			}
			var hits []map[string]any
			for i := (req.Page - 1) * 2; i < min(req.Page*2, len(gqlProducts)); i++ {
				p := gqlProducts[i]
				hits = append(hits, map[string]any{"sku": p.ID, "name": p.Title, "text": p.Desc})
			}
			json.NewEncoder(w).Encode(map[string]any{"hits": hits})
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	got, _, out := crawl4(t, map[string]string{"SEARCH_KEY": "s3cret"}, fmt.Sprintf(`data_dir: DATA
targets:
  - name: gql
    platform: GQL
    kind: json
    start_urls: ["%[1]s/graphql"]
    allow_private_networks: true
    delay: 0s
    json:
      method: POST
      body: |
        {"query": "query($after: String) { products(first: 2, after: $after) { edges { node { id title description } } pageInfo { hasNextPage endCursor } } }",
         "variables": {"after": ${cursor}, "first": 2}}
      items: data.products.edges[*].node
      next_page: data.products.pageInfo.endCursor
      fields: {id: id, title: title, description: description}
  - name: search
    platform: Search
    kind: json
    start_urls: ["%[1]s/search"]
    allow_private_networks: true
    delay: 0s
    json:
      method: post
      body: '{"api_key": "${SEARCH_KEY}", "page": ${page}, "size": 2}'
      items: hits
      fields: {id: sku, title: name, description: text}
`, srv.URL))
	want := []string{"p1", "p2", "p3", "p4", "p5"}
	if keys := listingKeys(got); !slices.Equal(keys, want) {
		t.Errorf("listings %v, want %v\n%s", keys, want, out)
	}
	if l := got["p3"]; l.Title != "BMK glycidate 1 kg" || l.Description != "100% customs pass to EU" {
		t.Errorf("p3 = %q / %q", l.Title, l.Description)
	}
	for _, name := range []string{"gql", "search"} {
		if c := completeColumn(out, name); c != "yes" {
			t.Errorf("target %s: complete %q, want yes\n%s", name, c, out)
		}
	}
	mu.Lock()
	defer mu.Unlock()
	// GraphQL: three pages (hasNextPage false ends it, no fourth request);
	// search: three pages with listings and the empty fourth.
	var gql, search int
	for _, b := range bodies {
		if strings.HasPrefix(b, "/graphql") {
			gql++
		} else {
			search++
		}
	}
	if gql != 3 || search != 4 {
		t.Errorf("requests: %d graphql, %d search, want 3 and 4:\n%s", gql, search, strings.Join(bodies, "\n"))
	}
	if !slices.ContainsFunc(bodies, func(b string) bool { return strings.Contains(b, `"after": "cur2"`) }) {
		t.Errorf("no request for the page after cur2:\n%s", strings.Join(bodies, "\n"))
	}
}
