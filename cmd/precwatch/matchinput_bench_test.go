package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/precwatch/precwatch"
)

// BenchmarkReadJSONArray reads a pretty-printed JSON array of 20,000
// listings (about 8 MB) the way `precwatch match FILE.json` does: the cost
// of finding where each listing ends and decoding it, without matching.
func BenchmarkReadJSONArray(b *testing.B) {
	var ls []precwatch.Listing
	for i := range 20000 {
		ls = append(ls, precwatch.Listing{ID: fmt.Sprint(i), Platform: "ChemHub", URL: fmt.Sprintf("https://chemhub.example/p/%d", i),
			Title: "Acetone 99.5% technical grade, 25 l drum \"quoted\"", Description: "Solvent for cleaning and degreasing. Delivery in 3 days; {not json} [brackets] in text.",
			Price: "EUR 45", Seller: "chem-trade", Attributes: map[string]string{"CAS": "67-64-1", "Purity": "99.5 %"}})
	}
	in, err := json.MarshalIndent(ls, "", "  ")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		err := readJSONValues(bytes.NewReader(in), "bench.json", func(precwatch.Listing, []string, string) { n++ }, func(msg string) { b.Fatal(msg) })
		if err != nil || n != len(ls) {
			b.Fatalf("read %d of %d listings: %v", n, len(ls), err)
		}
	}
}
