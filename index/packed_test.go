package index

import (
	"path/filepath"
	"testing"

	"github.com/precwatch/precwatch"
)

// TestPackedFieldQueries: the keyword fields packed into one field (cas,
// substance_name, target, observable, url, lang, suspicious) answer every
// query form users write on them — terms, phrases, prefixes, wildcards,
// regular expressions, fuzzy terms, filters and negations — as separate
// fields did.
func TestPackedFieldQueries(t *testing.T) {
	var listings []precwatch.Result
	readJSON(t, filepath.Join("..", "testdata", "search", "multilingual", "listings.json"), &listings)
	x, _ := MustOpen(t, Options{})
	putBySeenTime(t, x, listings)
	bmk := []string{"ChemHub/ch-1001", "TradeAsia/ta-91"}
	eph := []string{"ChemHub/ch-1002", "TradeAsia/ta-88", "RuChem/rc-501", "RuChem/rc-503"}
	bazaar := []string{"Bazaar/bz-77", "Bazaar/bz-78", "Bazaar/bz-79"}
	for _, sc := range []searchCase{
		{Name: "cas term", Query: "cas:25547-51-7", WantIDs: bmk},
		{Name: "cas phrase", Query: `cas:"25547-51-7"`, WantIDs: bmk},
		{Name: "cas prefix", Query: "cas:25547*", WantIDs: bmk},
		{Name: "cas wildcard", Query: "cas:2554?-51-7", WantIDs: bmk},
		{Name: "cas regexp", Query: "cas:/2554[0-9]-51-7|299-42-3/", WantIDs: append(append([]string{}, bmk...), eph...)},
		{Name: "cas fuzzy", Query: "cas:25547-51-8~1", WantIDs: bmk},
		{Name: "target fuzzy", Query: "target:chemhux~1", WantIDs: []string{"ChemHub/ch-1001", "ChemHub/ch-1002", "ChemHub/ch-1004"}},
		{Name: "cas, boosted, or'ed", Query: "cas:25547-51-7^3 OR cas:90-82-4", WantIDs: append([]string{"Bazaar/bz-77"}, bmk...)},
		{Name: "cas excluded", Query: "+ephedrine -cas:299-42-3", WantIDs: []string{}},
		{Name: "substance name", Query: `substance_name:"Red phosphorus"`, WantIDs: []string{"Bazaar/bz-79"}},
		{Name: "target", Query: "target:bazaar-feed", WantIDs: bazaar},
		{Name: "target prefix", Query: "target:bazaar*", WantIDs: bazaar},
		{Name: "url", Query: `url:"https://ruchem.example/item/rc-502"`, WantIDs: []string{"RuChem/rc-502"}},
		{Name: "observable value", Query: "observable:chemking88", WantIDs: []string{"ChemHub/ch-1001"}},
		{Name: "observable type and value", Query: `observable:"wickr:rpchem"`, WantIDs: []string{"Bazaar/bz-79"}},
		{Name: "observable prefix", Query: "observable:wickr*", WantIDs: []string{"ChemHub/ch-1001", "Bazaar/bz-79"}},
		{Name: "suspicious false", Query: "suspicious:false", WantIDs: []string{"Bazaar/bz-78"}},
		{Name: "not suspicious", Query: "+platform:Bazaar -suspicious:true", WantIDs: []string{"Bazaar/bz-78"}},
		{Name: "filters on packed fields", Query: "*", Filters: map[string][]string{
			"cas": {"299-42-3", "25547-51-7"}, "suspicious": {"true"}, "target": {"chemhub", "ruchem"}},
			WantIDs: []string{"ChemHub/ch-1001", "ChemHub/ch-1002", "RuChem/rc-501", "RuChem/rc-503"}},
		{Name: "lang filter", Query: "ephedrine", Filters: map[string][]string{"lang": {"ru"}}, WantIDs: []string{"RuChem/rc-501", "RuChem/rc-503"}},
		{Name: "substance_name filter", Query: "*", Filters: map[string][]string{"substance_name": {"Acetone"}}, WantIDs: []string{"Bazaar/bz-78"}},
		{Name: "observable filter", Query: "*", Filters: map[string][]string{"observable": {"telegram:@efedrin_opt"}}, WantIDs: []string{"RuChem/rc-501"}},
	} {
		t.Run(sc.Name, func(t *testing.T) { runSearchCase(t, x, sc) })
	}
	if _, err := x.Search(t.Context(), Query{Query: "_kw:cas=299-42-3"}); precwatch.ErrorCode(err) != precwatch.EINVALID {
		t.Errorf("Search(_kw:…): %v, want an invalid-query error (the packed field is not a query field)", err)
	}
}
