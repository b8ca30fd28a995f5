package matchers

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// naiveScan returns the automaton's specification: every occurrence of every
// pattern that does not begin with an ASCII letter right after an ASCII
// letter, in the order scan reports them: by end, then longest first, then
// by pattern id.
func naiveScan(patterns [][]byte) func(text []byte) []rawHit {
	byText := map[string][]int32{}
	prefix := map[string]bool{}
	for id, p := range patterns {
		byText[string(p)] = append(byText[string(p)], int32(id))
		for k := 1; k <= len(p); k++ {
			prefix[string(p[:k])] = true
		}
	}
	return func(text []byte) []rawHit {
		type occ struct{ start, end, id int }
		var occs []occ
		for s := range text {
			for e := s + 1; e <= len(text) && prefix[string(text[s:e])]; e++ {
				for _, id := range byText[string(text[s:e])] {
					if s > 0 && asciiLetter[text[s]] && asciiLetter[text[s-1]] {
						continue
					}
					occs = append(occs, occ{s, e, int(id)})
				}
			}
		}
		slices.SortFunc(occs, func(x, y occ) int {
			if x.end != y.end {
				return x.end - y.end
			}
			if x.start != y.start {
				return x.start - y.start
			}
			return x.id - y.id
		})
		hits := []rawHit{}
		for _, o := range occs {
			hits = append(hits, rawHit{pat: int32(o.id), end: int32(o.end)})
		}
		return hits
	}
}

// randomText returns text made of pieces of the patterns, separators and
// random bytes, so that occurrences overlap, cross any split point and run
// into sparse states.
func randomText(r *rand.Rand, patterns [][]byte, n int) []byte {
	seps := []string{" ", " ", ", ", "-", "\n", ".", "a", "é", "1"}
	var b []byte
	for len(b) < n {
		switch x := r.IntN(10); {
		case x < 6:
			p := patterns[r.IntN(len(patterns))]
			if r.IntN(4) == 0 {
				p = p[:r.IntN(len(p)+1)] // a prefix: a partial match
			}
			b = append(b, p...)
		case x < 9:
			b = append(b, seps[r.IntN(len(seps))]...)
		default:
			b = append(b, byte(r.IntN(256)))
		}
	}
	return b
}

// TestScanNaive compares scan with the naive search, hit for hit and in
// order, on a small pattern set with shared prefixes and suffixes (deep
// enough for sparse states), with the watchlist's automaton on random text
// made of its patterns, and on the normalised benchmark corpus.
func TestScanNaive(t *testing.T) {
	var small [][]byte
	for _, p := range []string{"ephedrine", "pseudoephedrine", "ephedra", "phed", "he", "hedr", "drine", "acetic anhydride",
		"anhydride", "ic an", "-4-", "4-ap", "a", "ab", "bab", "abab", "é", "éph", "1-boc-4-piperidone", "piperidone", " ", ", ", "he"} {
		small = append(small, []byte(p))
	}
	var big [][]byte
	for _, p := range testMatcher(t).Patterns() {
		big = append(big, []byte(p))
	}
	ls, _ := genCorpus(256 << 10)
	var tx Text
	for _, c := range []struct {
		name     string
		patterns [][]byte
		n        int
	}{{"small", small, 2000}, {"watchlist", big, 1000}} {
		a := buildAutomaton(c.patterns)
		naive := naiveScan(c.patterns)
		r := rand.New(rand.NewPCG(1, 2))
		check := func(text []byte) {
			t.Helper()
			prev := []rawHit{{pat: 7, end: 1}} // scan appends
			got := a.scan(text, slices.Clone(prev))
			if want := append(prev, naive(text)...); !slices.Equal(got, want) {
				t.Fatalf("%s: scan(%q):\ngot  %v\nwant %v", c.name, text, got, want)
			}
		}
		for k := 0; k < c.n; k++ {
			check(randomText(r, c.patterns, r.IntN(600)))
		}
		if c.name == "watchlist" {
			for i := range ls {
				tx.Reset(ls[i].Description)
				check(tx.Norm)
			}
		}
	}
}

// TestScanFromPieces checks that a scan paused anywhere (in a dense or a
// sparse state) and continued with scanFrom, as the normaliser does while
// it writes the text, reports what one scan does.
func TestScanFromPieces(t *testing.T) {
	m := testMatcher(t)
	var patterns [][]byte
	for _, p := range m.Patterns() {
		patterns = append(patterns, []byte(p))
	}
	r := rand.New(rand.NewPCG(9, 10))
	for k := 0; k < 3000; k++ {
		text := randomText(r, patterns, r.IntN(300))
		want := m.ac.scan(text, nil)
		var got []rawHit
		s, i := uint32(0), 0
		for i < len(text) {
			j := i + r.IntN(min(20, len(text)-i)+1)
			s, got = m.ac.scanFrom(text[:j], i, s, got)
			i = j
		}
		if !slices.Equal(got, want) {
			t.Fatalf("scanFrom in pieces (%q):\ngot  %v\nwant %v", text, got, want)
		}
	}
}
