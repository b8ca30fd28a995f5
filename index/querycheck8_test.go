package index

import (
	"strings"
	"testing"
	"time"

	"github.com/precwatch/precwatch"
)

// malformedQueries are queries people mistype, with what the error says.
var malformedQueries = []struct{ query, want string }{
	{"title:/[/", "regular expression /[/: missing closing ]: `[`"},
	{"/[/", "regular expression /[/: missing closing ]"},
	{"ephedrine title:/eph(/", "regular expression /eph(/: missing closing )"},
	{`title:/\(/`, "regular expression /(/: missing closing )"}, // bleve unescapes \( in a word
	{"title:/a*?/", "regular expression /a*?/: lazy quantifiers are not allowed"},
	{"title:(", `the "(" in "title:(" is never closed`},
	{"(ephedrine", `the "(" in "(ephedrine" is never closed`},
	{"+(ephedrine -platform:ChemHub", `the "(" in "+(ephedrine" is never closed`},
	{"ephedrine)", `the ")" in "ephedrine)" closes nothing`},
	{"a) (b", `the ")" in "a)" closes nothing`},
}

// TestMalformedQueriesAreInvalid: a regular expression that does not
// compile was a 500 (bleve compiles it only when it searches) and an
// unbalanced parenthesis was searched as a word ("nothing found" for a
// typo); both are EINVALID (400, exit 2) saying what is wrong. Queries with
// parentheses that pair up, quoted or escaped ones and regular expressions
// with parentheses still search.
func TestMalformedQueriesAreInvalid(t *testing.T) {
	x := mustMultilingual(t)
	for _, c := range malformedQueries {
		_, err := x.Search(t.Context(), Query{Query: c.query, Facets: true})
		if precwatch.ErrorCode(err) != precwatch.EINVALID || !strings.Contains(precwatch.ErrorMessage(err), c.want) {
			t.Errorf("Search(%q) error = %v, want EINVALID saying %q", c.query, err, c.want)
		}
	}
	eph := mustSearch(t, x, Query{Query: "ephedrine"}).Total
	if eph == 0 {
		t.Fatal("the fixture has no ephedrine")
	}
	for _, c := range []struct {
		query string
		want  uint64
	}{
		{"ephedrine(hcl)", mustSearch(t, x, Query{Query: `ephedrine\(hcl\)`}).Total},
		{`\(ephedrine`, eph},
		{`"(ephedrine"`, mustSearch(t, x, Query{Query: `"ephedrine"`}).Total},
		{"(ephedrine)", eph},
		{"(ephedrine OR zzzz)", eph},
		{`title:/(eph|zzz)edrine/`, mustSearch(t, x, Query{Query: "title:/ephedrine/"}).Total},
		{`title:/[(]/`, 0},
		{`seller:"Foo (Asia"`, 0},
	} {
		res, err := x.Search(t.Context(), Query{Query: c.query})
		if err != nil || res.Total != c.want {
			t.Errorf("Search(%q) = %v, %v; want %d hits", c.query, res, err, c.want)
		}
	}
}

// TestCheckQuery: CheckQuery says, without an index, what Search would of
// a malformed query, filter, date range, sort, size or offset, and accepts
// what Search accepts.
func TestCheckQuery(t *testing.T) {
	x := mustMultilingual(t)
	day := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	bad := []Query{
		{Filters: map[string][]string{"bogus": {"1"}}},
		{Filters: map[string][]string{"suspicious": {"maybe"}}},
		{Query: "nosuchfield:x"},
		{Query: `title:"unterminated`},
		{Query: "first_seen:>2026-11-01"},
		{Query: "NOT score:[0.5 TO 1]"},
		{From: day, To: day.Add(-time.Hour)},
		{Sort: "price"},
		{Size: MaxSize + 1},
		{Offset: -1},
	}
	for _, c := range malformedQueries {
		bad = append(bad, Query{Query: c.query})
	}
	for _, q := range bad {
		_, serr := x.Search(t.Context(), q)
		cerr := CheckQuery(q)
		if precwatch.ErrorCode(cerr) != precwatch.EINVALID || precwatch.ErrorCode(serr) != precwatch.EINVALID ||
			precwatch.ErrorMessage(cerr) != precwatch.ErrorMessage(serr) {
			t.Errorf("%+v: CheckQuery = %v, Search = %v; want the same invalid error", q, cerr, serr)
		}
	}
	for _, q := range []Query{
		{Query: "*"},
		{Query: "ephedrine AND NOT platform:ChemHub", Filters: map[string][]string{"cas": {"5449127"}, "suspicious": {"true"}}},
		{Query: `+substance:ephedrine first_seen:>"2026-11-01" score:[0.5 TO 1]`, Sort: SortDate, Size: MaxSize, From: day, To: day},
		{Query: "title:/eph.*/ (ephedrine)"},
	} {
		if err := CheckQuery(q); err != nil {
			t.Errorf("CheckQuery(%+v) = %v, want nil", q, err)
		}
		if _, err := x.Search(t.Context(), q); err != nil {
			t.Errorf("Search(%+v) = %v", q, err)
		}
	}
}
