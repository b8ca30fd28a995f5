package index

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"

	"github.com/precwatch/precwatch"
)

// MustOpen opens an index in a new temporary directory and closes it when
// the test ends.
func MustOpen(tb testing.TB, opts Options) (*Index, string) {
	tb.Helper()
	dir := filepath.Join(tb.TempDir(), "index.bleve")
	x, err := Open(dir, opts)
	if err != nil {
		tb.Fatalf("Open(%s): %v", dir, err)
	}
	tb.Cleanup(func() { x.Close() })
	return x, dir
}

// putBySeenTime puts results grouped by their listing's FetchedAt, oldest
// first, as the crawler would over several runs.
func putBySeenTime(tb testing.TB, x *Index, rs []precwatch.Result) {
	tb.Helper()
	groups := map[time.Time][]precwatch.Result{}
	for _, r := range rs {
		groups[r.Listing.FetchedAt] = append(groups[r.Listing.FetchedAt], r)
	}
	times := make([]time.Time, 0, len(groups))
	for t := range groups {
		times = append(times, t)
	}
	sort.Slice(times, func(i, j int) bool { return times[i].Before(times[j]) })
	for _, t := range times {
		if err := x.Put(context.Background(), groups[t], t); err != nil {
			tb.Fatalf("Put(%d results seen %s): %v", len(groups[t]), t, err)
		}
	}
}

func readJSON(tb testing.TB, path string, v any) {
	tb.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		tb.Fatalf("%s: %v", path, err)
	}
}

// searchCase is one entry of testdata/search/<case>/searches.json.
type searchCase struct {
	Name      string              `json:"name"`
	Query     string              `json:"query"`
	Platforms []string            `json:"platforms"`
	Filters   map[string][]string `json:"filters"`
	From      time.Time           `json:"from"`
	To        time.Time           `json:"to"`
	Sort      string              `json:"sort"`
	Size      int                 `json:"size"`
	Offset    int                 `json:"offset"`
	Facets    bool                `json:"facets"`
	Highlight bool                `json:"highlight"`

	WantIDs              []string                  `json:"want_ids"`   // the set of hits, when given
	WantTotal            *uint64                   `json:"want_total"` // when given
	WantOrder            []string                  `json:"want_order"` // the hits, in order, when given
	WantFacets           map[string]map[string]int `json:"want_facets"`
	WantFragmentContains map[string][]string       `json:"want_fragment_contains"`
	WantError            string                    `json:"want_error"` // error code
}

func TestSearchCases(t *testing.T) {
	cases, err := filepath.Glob(filepath.Join("..", "testdata", "search", "*"))
	if err != nil || len(cases) == 0 {
		t.Fatalf("no search cases: %v", err)
	}
	for _, dir := range cases {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			var listings []precwatch.Result
			var searches []searchCase
			readJSON(t, filepath.Join(dir, "listings.json"), &listings)
			readJSON(t, filepath.Join(dir, "searches.json"), &searches)
			x, _ := MustOpen(t, Options{})
			putBySeenTime(t, x, listings)
			for _, sc := range searches {
				t.Run(sc.Name, func(t *testing.T) { runSearchCase(t, x, sc) })
			}
		})
	}
}

func runSearchCase(t *testing.T, x *Index, sc searchCase) {
	q := Query{Query: sc.Query, Platforms: sc.Platforms, Filters: sc.Filters, From: sc.From, To: sc.To,
		Sort: sc.Sort, Size: sc.Size, Offset: sc.Offset, Facets: sc.Facets, Highlight: sc.Highlight}
	if q.Size == 0 {
		q.Size = 100
	}
	res, err := x.Search(context.Background(), q)
	if sc.WantError != "" {
		if got := precwatch.ErrorCode(err); got != sc.WantError {
			t.Fatalf("Search(%q): error code %q (%v), want %q", sc.Query, got, err, sc.WantError)
		}
		return
	}
	if err != nil {
		t.Fatalf("Search(%q): %v", sc.Query, err)
	}
	var got []string
	for _, h := range res.Hits {
		got = append(got, h.ID)
	}
	if sc.WantTotal != nil && res.Total != *sc.WantTotal {
		t.Errorf("Search(%q): total %d, want %d (hits %v)", sc.Query, res.Total, *sc.WantTotal, got)
	}
	if sc.WantIDs != nil {
		g, w := slices.Clone(got), slices.Clone(sc.WantIDs)
		slices.Sort(g)
		slices.Sort(w)
		if !slices.Equal(g, w) {
			t.Errorf("Search(%q): hits %v, want %v", sc.Query, g, w)
		}
	}
	if sc.WantOrder != nil && !slices.Equal(got, sc.WantOrder) {
		t.Errorf("Search(%q): hits in order %v, want %v", sc.Query, got, sc.WantOrder)
	}
	for field, want := range sc.WantFacets {
		gotTerms := map[string]int{}
		for _, ft := range res.Facets[field] {
			gotTerms[ft.Term] = ft.Count
		}
		for term, n := range want {
			if gotTerms[term] != n {
				t.Errorf("Search(%q): facet %s[%s] = %d, want %d (facet %v)", sc.Query, field, term, gotTerms[term], n, res.Facets[field])
			}
		}
	}
	for id, wants := range sc.WantFragmentContains {
		var frags []string
		for _, h := range res.Hits {
			if h.ID == id {
				for _, fs := range h.Fragments {
					frags = append(frags, fs...)
				}
			}
		}
		all := strings.Join(frags, "\n")
		for _, w := range wants {
			if !strings.Contains(all, w) {
				t.Errorf("Search(%q): fragments of %s = %q, want one containing %q", sc.Query, id, frags, w)
			}
		}
	}
}

func result(platform, id, title string, score float64, subs ...precwatch.SubstanceMatch) precwatch.Result {
	return precwatch.Result{
		Listing: precwatch.Listing{ID: id, Platform: platform, URL: "https://" + strings.ToLower(platform) + ".example/" + id, Title: title, Seller: "s-" + id},
		Match:   precwatch.Match{ID: id, Score: score, Substances: subs},
	}
}

var ephedrine = precwatch.SubstanceMatch{ID: "ephedrine", Name: "Ephedrine", CAS: "299-42-3", List: precwatch.ListTableI}

func mustSearch(t *testing.T, x *Index, q Query) *Results {
	t.Helper()
	res, err := x.Search(context.Background(), q)
	if err != nil {
		t.Fatalf("Search(%+v): %v", q, err)
	}
	return res
}

func TestPutIsIdempotent(t *testing.T) {
	ctx := context.Background()
	x, _ := MustOpen(t, Options{})
	sep := time.Date(2026, 9, 3, 10, 0, 0, 0, time.UTC)
	nov := time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)
	r := result("ChemHub", "a1", "Ephedrine HCl 1 kg", 0.8, ephedrine)
	if err := x.Put(ctx, []precwatch.Result{r}, sep); err != nil {
		t.Fatal(err)
	}
	// Again, later, changed, and twice in one call: one document, in the
	// September shard, first seen in September, last seen in November.
	r2 := r
	r2.Listing.Title = "Ephedrine HCl 5 kg"
	r2.Match.Score = 0.9
	if err := x.Put(ctx, []precwatch.Result{r, r2}, nov); err != nil {
		t.Fatal(err)
	}
	if err := x.Put(ctx, []precwatch.Result{r2}, nov); err != nil {
		t.Fatal(err)
	}
	if n, err := x.Count(); err != nil || n != 1 {
		t.Fatalf("Count() = %d, %v; want 1", n, err)
	}
	if got, want := x.Shards(), []string{"2026-09"}; !slices.Equal(got, want) {
		t.Errorf("Shards() = %v, want %v", got, want)
	}
	res := mustSearch(t, x, Query{Query: "ephedrine"})
	if res.Total != 1 {
		t.Fatalf("Search(ephedrine): total %d, want 1", res.Total)
	}
	h := res.Hits[0]
	if h.ID != "ChemHub/a1" || h.Title != "Ephedrine HCl 5 kg" || h.Score != 0.9 || !h.FirstSeen.Equal(sep) || !h.LastSeen.Equal(nov) {
		t.Errorf("hit after re-put = %+v, want id ChemHub/a1, new title and score, first_seen %s, last_seen %s", h, sep, nov)
	}
	// Put with an older time does not move last_seen back.
	if err := x.Put(ctx, []precwatch.Result{r2}, sep); err != nil {
		t.Fatal(err)
	}
	if h := mustSearch(t, x, Query{Query: "ephedrine"}).Hits[0]; !h.LastSeen.Equal(nov) {
		t.Errorf("last_seen after an older put = %s, want %s", h.LastSeen, nov)
	}
	// A re-crawl in which the listing only negates the substance removes it.
	neg := r2
	neg.Match.Substances = []precwatch.SubstanceMatch{{ID: "ephedrine", Negated: true}}
	if err := x.Put(ctx, []precwatch.Result{neg}, nov); err != nil {
		t.Fatal(err)
	}
	if n, _ := x.Count(); n != 0 {
		t.Errorf("Count() after a negated-only put = %d, want 0", n)
	}
}

func TestShardsAcrossMonthsSearchAsOne(t *testing.T) {
	ctx := context.Background()
	x, dir := MustOpen(t, Options{BatchSize: 7})
	var want []string
	for m := 1; m <= 6; m++ {
		var rs []precwatch.Result
		for i := 0; i < 10; i++ {
			id := time.Month(m).String() + "-" + string(rune('a'+i))
			rs = append(rs, result("Bazaar", id, "Pseudoephedrine tablets bulk", float64(m)/10,
				precwatch.SubstanceMatch{ID: "pseudoephedrine", Name: "Pseudoephedrine", CAS: "90-82-4", List: precwatch.ListTableI}))
			want = append(want, "Bazaar/"+id)
		}
		if err := x.Put(ctx, rs, time.Date(2026, time.Month(m), 15, 0, 0, 0, 0, time.UTC)); err != nil {
			t.Fatal(err)
		}
	}
	if got := x.Shards(); len(got) != 6 || got[0] != "2026-01" || got[5] != "2026-06" {
		t.Fatalf("Shards() = %v, want 2026-01 … 2026-06", got)
	}
	if err := x.Close(); err != nil {
		t.Fatal(err)
	}
	x, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	res := mustSearch(t, x, Query{Query: "cas:90-82-4", Size: 100, Facets: true})
	var got []string
	for _, h := range res.Hits {
		got = append(got, h.ID)
	}
	slices.Sort(got)
	slices.Sort(want)
	if res.Total != 60 || !slices.Equal(got, want) {
		t.Errorf("Search over 6 shards: total %d hits %v, want all 60", res.Total, got)
	}
	if f := res.Facets["platform"]; len(f) != 1 || f[0].Count != 60 {
		t.Errorf("platform facet over 6 shards = %v, want Bazaar: 60", f)
	}
	if res.Hits[0].Score != 0.6 {
		t.Errorf("first hit by score = %v, want 0.6 (June)", res.Hits[0].Score)
	}
	// An update of a January listing in June stays in the January shard.
	r := result("Bazaar", "January-a", "Pseudoephedrine tablets bulk, restocked", 0.95,
		precwatch.SubstanceMatch{ID: "pseudoephedrine", Name: "Pseudoephedrine", CAS: "90-82-4", List: precwatch.ListTableI})
	if err := x.Put(ctx, []precwatch.Result{r}, time.Date(2026, 6, 30, 0, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	if n, _ := x.Count(); n != 60 {
		t.Errorf("Count() after updating an old listing = %d, want 60", n)
	}
	res = mustSearch(t, x, Query{Query: "restocked", To: time.Date(2026, 1, 31, 0, 0, 0, 0, time.UTC)})
	if res.Total != 1 || res.Hits[0].FirstSeen.Month() != time.January {
		t.Errorf("restocked listing searched in January's shard: %+v", res.Hits)
	}
	if err := x.Delete(ctx, "Bazaar", "January-a"); err != nil {
		t.Fatal(err)
	}
	if n, _ := x.Count(); n != 59 {
		t.Errorf("Count() after Delete = %d, want 59", n)
	}
}

func TestMappingVersionChangeRebuilds(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "index.bleve")
	var listings []precwatch.Result
	readJSON(t, filepath.Join("..", "testdata", "search", "multilingual", "listings.json"), &listings)

	// An "old" index: another version, and documents without the cas field.
	oldVersion := mappingVersion
	mappingVersion = "old"
	omitField = func(name string) bool { return name == fCAS }
	x, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	putBySeenTime(t, x, listings)
	if n := mustSearch(t, x, Query{Query: "cas:5449-12-7"}).Total; n != 0 {
		t.Fatalf("old index: cas:5449-12-7 found %d, want 0 (no cas field)", n)
	}
	before, _ := x.Count()
	shards := x.Shards()
	x.Close()
	mappingVersion = oldVersion
	omitField = nil

	// Read-only opening refuses to mix versions.
	if _, err := Open(dir, Options{ReadOnly: true}); precwatch.ErrorCode(err) != precwatch.ECONFLICT {
		t.Fatalf("read-only Open of an old index: %v, want a conflict", err)
	}
	x, err = Open(dir, Options{})
	if err != nil {
		t.Fatalf("Open after a mapping change: %v", err)
	}
	defer x.Close()
	after, _ := x.Count()
	if after != before || !slices.Equal(x.Shards(), shards) {
		t.Errorf("after rebuild: %d docs in %v, want %d in %v", after, x.Shards(), before, shards)
	}
	res := mustSearch(t, x, Query{Query: "cas:5449-12-7"})
	if res.Total != 2 {
		t.Errorf("after rebuild: cas:5449-12-7 found %d, want 2", res.Total)
	}
	for _, h := range res.Hits {
		if h.FirstSeen.IsZero() || h.Title == "" {
			t.Errorf("after rebuild: hit %+v lost its stored fields", h)
		}
	}
	for _, s := range shards {
		v, _ := x.shards[s].GetInternal(versionKey)
		if string(v) != mappingVersion {
			t.Errorf("shard %s has version %q after rebuild, want %q", s, v, mappingVersion)
		}
	}
	if err := x.Put(ctx, listings[:1], time.Now()); err != nil {
		t.Fatal(err)
	}
}

func TestUnreadableOldShardIsMovedAside(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index.bleve")
	// A shard written by something else: dynamic mapping, no stored source.
	old, err := bleve.New(filepath.Join(dir, "2026-01"), bleve.NewIndexMapping())
	if err != nil {
		t.Fatal(err)
	}
	if err := old.Index("ChemHub/x", map[string]any{"title": "ephedrine"}); err != nil {
		t.Fatal(err)
	}
	old.Close()
	_, err = Open(dir, Options{})
	if err == nil || precwatch.ErrorCode(err) != precwatch.ECONFLICT || !strings.Contains(err.Error(), "precwatch rescan --reindex") {
		t.Fatalf("Open over an unreadable shard: %v, want a conflict asking for precwatch rescan --reindex", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "2026-01")); !os.IsNotExist(err) {
		t.Errorf("unreadable shard still in place: %v", err)
	}
	x, err := Open(dir, Options{})
	if err != nil {
		t.Fatalf("Open after moving aside: %v", err)
	}
	defer x.Close()
	if n, _ := x.Count(); n != 0 {
		t.Errorf("Count() = %d, want 0", n)
	}
}

func TestReadOnly(t *testing.T) {
	if _, err := Open(filepath.Join(t.TempDir(), "none"), Options{ReadOnly: true}); precwatch.ErrorCode(err) != precwatch.ENOTFOUND {
		t.Errorf("read-only Open of a missing index: %v, want not_found", err)
	}
}

// A second Open of an index another handle holds (a running serve, in
// practice another process) fails after LockTimeout with ErrLocked, a
// conflict, instead of a bare "timeout".
func TestOpenLockedIndex(t *testing.T) {
	ctx := context.Background()
	x, dir := MustOpen(t, Options{})
	if err := x.Put(ctx, []precwatch.Result{result("ChemHub", "a1", "Ephedrine HCl 1 kg", 0.8, ephedrine)},
		time.Date(2026, 11, 3, 10, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	for _, ro := range []bool{false, true} {
		y, err := Open(dir, Options{LockTimeout: 100 * time.Millisecond, ReadOnly: ro})
		if err == nil {
			y.Close()
			t.Fatalf("Open(%s, ReadOnly: %v) while another handle holds it: no error", dir, ro)
		}
		if !errors.Is(err, ErrLocked) || precwatch.ErrorCode(err) != precwatch.ECONFLICT {
			t.Errorf("Open(%s, ReadOnly: %v) while another handle holds it: %v, want ErrLocked (conflict)", dir, ro, err)
		}
	}
}

func TestDetectLang(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Ephedrine HCl 99%", langEN},
		{"麻黄碱盐酸盐 99% 现货供应", langCJK},
		{"BMK甲基缩水甘油酸钠 CAS 5449-12-7 新货", langCJK},
		{"Эфедрин гидрохлорид, CAS 50-98-6", langRU},
		{"", langEN},
		{"Éphédrine chlorhydrate", langEN},
	}
	for _, tt := range tests {
		if got := detectLang(tt.in); got != tt.want {
			t.Errorf("detectLang(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestConcurrentPutAndSearch(t *testing.T) {
	ctx := context.Background()
	x, _ := MustOpen(t, Options{BatchSize: 50})
	done := make(chan error, 1)
	go func() {
		defer close(done)
		for m := 1; m <= 3; m++ {
			if err := x.Put(ctx, genResults(9, m*1000, 300), time.Date(2026, time.Month(m), 1, 0, 0, 0, 0, time.UTC)); err != nil {
				done <- err
				return
			}
		}
	}()
	for i := 0; i < 20; i++ {
		if _, err := x.Search(ctx, Query{Query: "ephedrine", Facets: true, Highlight: true}); err != nil {
			t.Fatalf("Search during Put: %v", err)
		}
	}
	if err := <-done; err != nil {
		t.Fatalf("Put: %v", err)
	}
	if n, _ := x.Count(); n != 900 {
		t.Errorf("Count() = %d, want 900", n)
	}
}
