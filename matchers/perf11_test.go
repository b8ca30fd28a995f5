package matchers

import (
	"path/filepath"
	"slices"
	"testing"

	"github.com/precwatch/precwatch"
)

// Session 11 (perf11): the code before each change, kept as the reference
// the new code is compared with, on the benchmark corpus and every
// labelled set (testdata/*/listings.jsonl: the corpus and all held-out
// rounds).

// perf11Listings returns the benchmark corpus (2 MB) and the listings of
// every labelled set.
func perf11Listings(t *testing.T) []precwatch.Listing {
	t.Helper()
	ls, _ := genCorpus(2 << 20)
	sets, _ := filepath.Glob(filepath.Join("..", "testdata", "*", "listings.jsonl"))
	if len(sets) < 10 {
		t.Fatalf("found %d labelled sets, want the corpus and the held-out rounds", len(sets))
	}
	for _, p := range sets {
		for _, h := range readLabelledSet(t, p) {
			ls = append(ls, h.Listing)
		}
	}
	return ls
}

// perf11Texts returns the fields Match reads of every perf11Listings
// listing.
func perf11Texts(t *testing.T) []string {
	var out []string
	for _, l := range perf11Listings(t) {
		out = append(out, l.Title, l.Description, l.Price, l.Seller, l.Location)
		for _, k := range sortedKeys(l.Attributes) {
			out = append(out, l.Attributes[k])
		}
	}
	return out
}

// casKeyIn reports whether raw holds a hit of a CAS keyword (cas.go before
// session 11).
func (m *Matcher) casKeyIn(raw []rawHit) bool {
	for _, r := range raw {
		if m.pinfo[r.pat].casKey {
			return true
		}
	}
	return false
}

// refAppendFieldCAS is appendFieldCAS before session 11: its own pass over
// the raw hits for the CAS keywords.
func (m *Matcher) refAppendFieldCAS(out []CASMention, text []byte, raw []rawHit) []CASMention {
	if !hyphenatedDigits(text) && !m.casKeyIn(raw) && !dottedCASShape(text) {
		return out
	}
	return appendCASNumbers(out, text)
}

// TestRawKindsSame checks rawKinds and appendFieldCASKey against the code
// they replace in Match: the substance test of the early exit (one pass
// over the raw hits up to the first substance term) and appendFieldCAS.
func TestRawKindsSame(t *testing.T) {
	m := testMatcher(t)
	var tx Text
	var raw []rawHit
	n := 0
	for _, s := range perf11Texts(t) {
		raw = tx.resetScan(s, m.ac, raw[:0])
		kinds, casKey := m.rawKinds(raw)
		sub := false
		for _, r := range raw {
			if m.pinfo[r.pat].kinds&kSubstance != 0 {
				sub = true
				break
			}
		}
		if got := kinds&kSubstance != 0; got != sub {
			t.Fatalf("%q: rawKinds substance %v, want %v", s, got, sub)
		}
		if casKey != m.casKeyIn(raw) {
			t.Fatalf("%q: rawKinds casKey %v, want %v", s, casKey, !casKey)
		}
		for _, r := range raw {
			if m.pinfo[r.pat].kinds&^kinds != 0 {
				t.Fatalf("%q: rawKinds %x misses kinds of pattern %d", s, kinds, r.pat)
			}
		}
		got := m.appendFieldCASKey(nil, tx.Norm, casKey)
		want := m.refAppendFieldCAS(nil, tx.Norm, raw)
		if !slices.Equal(got, want) {
			t.Fatalf("%q: appendFieldCASKey = %v, want %v", s, got, want)
		}
		n += len(got)
	}
	t.Logf("%d CAS mentions", n)
}
