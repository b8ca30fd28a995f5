package main

import (
	"encoding/json"
	"testing"
)

// Conformance tests: the public contracts of DESIGN.md as an outside tool
// drives them, each found deviating by a fresh-eyes audit.

// TestConformanceSearchFacetsByDefault: DESIGN.md's search JSON is
// {"total","hits","facets":{…}}; the facets were empty unless --facets.
func TestConformanceSearchFacetsByDefault(t *testing.T) {
	data := mustSearchData(t)
	code, out, errs := runSearchCmd("search", "--data", data, "ephedrine")
	if code != 0 {
		t.Fatalf("search ephedrine: exit %d: %s", code, errs)
	}
	var got struct {
		Total  int                          `json:"total"`
		Facets map[string][]json.RawMessage `json:"facets"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("search ephedrine: output is not JSON: %v\n%s", err, out)
	}
	for _, f := range []string{"substance", "list", "platform", "seller", "location", "indicator"} {
		if len(got.Facets[f]) == 0 {
			t.Errorf("search ephedrine (no --facets): facet %q empty, want counts; facets = %v", f, got.Facets)
		}
	}
	code, out, errs = runSearchCmd("search", "--data", data, "--facets=false", "ephedrine")
	if code != 0 {
		t.Fatalf("search --facets=false: exit %d: %s", code, errs)
	}
	got.Facets = nil
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if got.Facets == nil || len(got.Facets) != 0 {
		t.Errorf("search --facets=false: facets = %v, want {}", got.Facets)
	}
}
