package index

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/precwatch/precwatch"
)

// mustMultilingual opens an index holding the multilingual search fixture.
func mustMultilingual(t *testing.T) *Index {
	t.Helper()
	var listings []precwatch.Result
	readJSON(t, filepath.Join("..", "testdata", "search", "multilingual", "listings.json"), &listings)
	x, _ := MustOpen(t, Options{})
	putBySeenTime(t, x, listings)
	return x
}

// TestQueriesAsTyped: keyword fields as regulators type them, in any case
// and (seller, location) by a word of the value. They found nothing
// (platform:chemhub, list:table-i, location:china) before.
func TestQueriesAsTyped(t *testing.T) {
	x := mustMultilingual(t)
	for _, c := range []struct {
		query string
		want  int
	}{
		{"platform:ChemHub", 3},
		{"platform:chemhub", 3},
		{"platform:CHEMHUB", 3},
		{"list:table-i", 9},
		{"list:TABLE-II", 1},
		{"indicator:Messenger-Contact", 4},
		{"substance:Ephedrine", -1}, // as substance:ephedrine
		{`seller:"hubei kingchem co"`, 2},
		{"seller:kingchem", 2},
		{`seller:"Hubei Kingchem"`, 2},
		{"location:china", 2},
		{"location:россия", 3},
		{"location:Москва", 1},
		{"seller:king", 0}, // words, not parts of words
		{"seller:晨光", 1},   // Han script has no spaces between words
		{"location:\"hubei kingchem\"", 0},
		{"+platform:chemhub -location:china", 1},
		{"substance_name:ephedrine", -1},
		{"target:CHEMHUB", 3},
		{`substance_name:"bmk glycidic acid"`, 2},
	} {
		res := mustSearch(t, x, Query{Query: c.query, Size: 50})
		want := c.want
		if want < 0 {
			want = int(mustSearch(t, x, Query{Query: "substance:ephedrine", Size: 50}).Total)
		}
		if int(res.Total) != want {
			t.Errorf("Search(%q): total %d, want %d", c.query, res.Total, want)
		}
	}
	// A caller's platform scope stays exact: folding the query never widens it.
	res := mustSearch(t, x, Query{Query: "platform:chemhub", Platforms: []string{"chemhub"}})
	if res.Total != 0 {
		t.Errorf("Search(platform:chemhub) scoped to platform \"chemhub\": total %d, want 0 (scope is exact)", res.Total)
	}
	res = mustSearch(t, x, Query{Query: "platform:tradeasia", Platforms: []string{"ChemHub"}})
	if res.Total != 0 {
		t.Errorf("Search(platform:tradeasia) scoped to ChemHub: total %d, want 0", res.Total)
	}
}

// TestQuerySyntaxErrorsSayWhatToWrite: the errors of queries people write
// wrongly name the fix, and are EINVALID (a 400, not a 500).
func TestQuerySyntaxErrorsSayWhatToWrite(t *testing.T) {
	x := mustMultilingual(t)
	for _, c := range []struct{ query, want string }{
		{"first_seen:>2026-11-01", `first_seen:>"2026-11-01"`},
		{"last_seen:<2026-11-01T00:00:00Z", `last_seen:<"2026-11-01T00:00:00Z"`},
		{"cas:", "syntax error"},
		{`title:"unclosed`, "unterminated quote"},
		{"CAS:5449-12-7", `unknown field "CAS"`},
	} {
		_, err := x.Search(t.Context(), Query{Query: c.query})
		if precwatch.ErrorCode(err) != precwatch.EINVALID || !strings.Contains(precwatch.ErrorMessage(err), c.want) {
			t.Errorf("Search(%q) error = %v, want EINVALID mentioning %q", c.query, err, c.want)
		}
	}
}

// TestCASWithoutDashes: cas:5449127 and a bare 5449127 are the CAS number
// 5449-12-7 (listings and people write it both ways); an invalid check
// digit is not a CAS number.
func TestCASWithoutDashes(t *testing.T) {
	x := mustMultilingual(t)
	want := mustSearch(t, x, Query{Query: "cas:5449-12-7"}).Total
	if want == 0 {
		t.Fatal("fixture has no 5449-12-7")
	}
	for _, q := range []string{"cas:5449127", "cas:\"5449127\""} {
		res, err := x.Search(t.Context(), Query{Query: q})
		if err != nil || res.Total != want {
			t.Errorf("Search(%q) = %v, %v; want %d hits", q, res, err, want)
		}
	}
}

// BenchmarkSearchTyped100k: keyword values typed as indexed (an exact term,
// the baseline), in another case (a case-insensitive match of the field's
// dictionary) and as a word of the value, over the 100,000-hit benchmark
// index with facets.
func BenchmarkSearchTyped100k(b *testing.B) {
	bi := openBenchIndex(b, 100_000)
	for _, c := range []struct{ name, query string }{
		{"exact", "platform:ChemHub"},
		{"folded", "platform:chemhub"},
		{"seller-exact", "seller:seller-0042"},
		{"seller-folded", "seller:SELLER-0042"},
		{"location-word", "location:kong"},
	} {
		b.Run(c.name, func(b *testing.B) {
			var total uint64
			for b.Loop() {
				res, err := bi.x.Search(b.Context(), Query{Query: c.query, Facets: true, Size: 20})
				if err != nil {
					b.Fatal(err)
				}
				total = res.Total
			}
			b.ReportMetric(float64(total), "hits")
		})
	}
}

func TestFromLucene(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"ephedrine", "ephedrine"},
		{"ephedrine AND wickr", "+ephedrine +wickr"},
		{"NOT ephedrine", "-ephedrine"},
		{"ephedrine AND NOT platform:ChemHub", "+ephedrine -platform:ChemHub"},
		{"ephedrine OR safrole", "ephedrine safrole"},
		{"ephedrine && +wickr", "+ephedrine +wickr"},
		{`"red AND phosphorus" OR safrole`, `"red AND phosphorus" safrole`},
		{"score:[0.5 TO 1]", "+score:>=0.5 +score:<=1"},
		{"score:{0.5 TO *}", "+score:>0.5"},
		{"first_seen:[2026-01-01 TO 2026-06-30] ephedrine", `+first_seen:>="2026-01-01" +first_seen:<="2026-06-30" ephedrine`},
		{"and or not", "and or not"},
	} {
		got, err := fromLucene(c.in)
		if err != nil || got != c.want {
			t.Errorf("fromLucene(%q) = %q, %v; want %q", c.in, got, err, c.want)
		}
	}
	if _, err := fromLucene("NOT score:[0.5 TO 1]"); err == nil {
		t.Error("fromLucene(NOT score:[0.5 TO 1]): no error, want one (bleve cannot exclude a range)")
	}
}

// TestLuceneOperators: AND, OR, NOT and [lo TO hi] as regulators type them
// select what they say (NOT ephedrine found the ephedrine listings, "a AND
// b" found a or b, score:[0.9 TO 1] matched words).
func TestLuceneOperators(t *testing.T) {
	x := mustMultilingual(t)
	total := func(q string) int {
		t.Helper()
		return int(mustSearch(t, x, Query{Query: q, Size: 50}).Total)
	}
	all, eph := total("*"), total("ephedrine")
	for _, c := range []struct {
		query string
		want  int
	}{
		{"NOT ephedrine", all - eph},
		{"ephedrine AND platform:ChemHub", total("+ephedrine +platform:ChemHub")},
		{"ephedrine AND NOT platform:ChemHub", total("+ephedrine -platform:ChemHub")},
		{"ephedrine OR toluene", total("ephedrine toluene")},
		{"score:[0.9 TO 1]", total("+score:>=0.9 +score:<=1")},
	} {
		if got := total(c.query); got != c.want {
			t.Errorf("Search(%q): total %d, want %d", c.query, got, c.want)
		}
	}
	if eph == 0 || eph == all || total("ephedrine AND platform:ChemHub") >= eph {
		t.Fatalf("fixture: %d hits, %d for ephedrine: the checks above cannot fail", all, eph)
	}
	if _, err := x.Search(t.Context(), Query{Query: "NOT score:[0.5 TO 1]"}); precwatch.ErrorCode(err) != precwatch.EINVALID {
		t.Errorf("Search(NOT score:[0.5 TO 1]) err = %v, want EINVALID", err)
	}
}
