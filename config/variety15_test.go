package config

import (
	"strings"
	"testing"
)

// TestVariety15LastItemCursor: a json target paging by its last item's id
// (next_page: data[-1].id) without a json.body to send it back in would
// follow the id as a relative URL; config check says how to send it back.
func TestVariety15LastItemCursor(t *testing.T) {
	const bad = `targets:
  - name: stripe
    platform: Stripe
    kind: json
    start_urls: ["https://api.stripe.example/v1/products?limit=100"]
    json:
      items: data
      next_page: data[-1].id
      fields: {id: id, title: name}
`
	cfg, err := Parse("s.yml", []byte(bad), nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range cfg.Warnings {
		got = append(got, w.Warning())
	}
	if len(got) != 1 || !strings.HasPrefix(got[0], "s.yml:8:18: warning: targets[0].json.next_page: ") || !strings.Contains(got[0], `json.body: '{"starting_after": ${cursor}}'`) {
		t.Errorf("warnings %q, want one at s.yml:8:18 naming json.body", got)
	}
	for _, good := range []string{
		strings.Replace(bad, "      items: data\n", "      body: '{\"starting_after\": ${cursor}}'\n      items: data\n", 1),
		strings.Replace(bad, "data[-1].id", "links.next", 1),
	} {
		cfg, err := Parse("g.yml", []byte(good), nil)
		if err != nil || len(cfg.Warnings) != 0 {
			t.Errorf("%s: %v, warnings %v", good, err, cfg.Warnings)
		}
	}
}
