package matchers_test

import (
	"fmt"

	"github.com/precwatch/precwatch"
	"github.com/precwatch/precwatch/matchers"
)

func ExampleNormalize() {
	t := matchers.Normalize("Buy 3ph3dr1n3 &amp; ＰＳＥＵＤＯ-e\u200bphedrine")
	fmt.Println(t.String())
	s, e := t.Orig(4, 13) // "ephedrine" in the normalised text
	fmt.Println("Buy 3ph3dr1n3 &amp; ＰＳＥＵＤＯ-e\u200bphedrine"[s:e])
	// Output:
	// buy ephedrine & pseudo-ephedrine
	// 3ph3dr1n3
}

func ExampleFindCAS() {
	for _, c := range matchers.FindCAS(matchers.Normalize("CAS#28578 16 7, also 5449–12–7 and 5449-12-8").Norm) {
		fmt.Println(c.CAS)
	}
	// Output:
	// 28578-16-7
	// 5449-12-7
}

func ExampleMatcher_Match() {
	w, err := matchers.LoadWatchlist()
	if err != nil {
		panic(err)
	}
	m, err := matchers.New(w, matchers.Options{})
	if err != nil {
		panic(err)
	}
	r := m.Match(&precwatch.Listing{ID: "1", Title: "BMK glycidate CAS 5449-12-7", Description: "wickr: chemking", Price: "$300/kg"})
	fmt.Println(r.Suspicious, r.Substances[0].CAS, r.Indicators[0].ID, r.Observables[0].Type, r.Observables[0].Value)
	// Output:
	// true 25547-51-7 messenger-contact wickr chemking
}

func ExampleHTMLText() {
	fmt.Printf("%q\n", matchers.HTMLText([]byte(`<html><head><script>x()</script></head><body><h1>Ephedrine</h1><p>99% powder</p></body></html>`)))
	// Output:
	// "Ephedrine\n99% powder\n"
}
