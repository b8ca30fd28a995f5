package matchers

import (
	"bytes"
	"math/rand/v2"
	"slices"
	"testing"
)

// perf5Texts returns fixed texts and random ones built from pieces of CAS
// numbers, keywords and words.
func perf5Texts(seed uint64, n int) []string {
	texts := []string{"", "cas", "CAS No. 5449-12-7", "casno5449127", "bcasc", "case", "ca s", "c-as", "кас", "Кас 5449 12 7",
		"ка с", "nas", "kas", "phone case", "касса", "pmk glycidate", "c\u0430s", "xcas 5449127", "5cas 5449127",
		"cas: five four four nine - one two - seven", "5449 12 7", "CAS#28578-16-7", "ycas#28578 16 7"}
	r := rand.New(rand.NewPCG(seed, 5))
	pieces := []string{"c", "a", "s", "к", "а", "с", " ", "x", "1", "-", "ca", "as", "cas", "кас", "no", ".", "5449", "12", "7",
		"28578", "16", "five", "four", "nine", "one", "two", "seven", ":", "#", "5449127"}
	for i := 0; i < n; i++ {
		var b bytes.Buffer
		for k := r.IntN(14); k > 0; k-- {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	return texts
}

// TestCASKeyIn checks that the automaton's hits hold a CAS keyword exactly
// when the text holds "кас", or "cas" not right after an ASCII letter (the
// only places CAS reading takes it as a keyword: casWordEnds,
// appendLooseCAS), and that appendFieldCAS, which uses that gate, finds
// what appendCAS finds.
func TestCASKeyIn(t *testing.T) {
	m := testMatcher(t)
	for _, s := range perf5Texts(5, 20000) {
		norm := Normalize(s).Norm
		raw := m.ac.scan(norm, nil)
		want := bytes.Contains(norm, casKeywordRu)
		for i := 0; i+3 <= len(norm) && !want; i++ {
			want = string(norm[i:i+3]) == "cas" && (i == 0 || !isASCIIAlpha(norm[i-1]))
		}
		if got := m.casKeyIn(raw); got != want {
			t.Errorf("casKeyIn(scan(%q)) = %v, want %v", norm, got, want)
		}
		if got, want := m.appendFieldCAS(nil, norm, raw), appendCAS(nil, norm); !slices.Equal(got, want) {
			t.Errorf("appendFieldCAS(%q) = %v, want %v", norm, got, want)
		}
	}
}

// TestContainsStems checks that every contains word holds one of the
// stems containsBefore looks for first.
func TestContainsStems(t *testing.T) {
	for _, w := range containsWords {
		if !slices.ContainsFunc(containsStems, func(st []byte) bool { return bytes.Contains(w, st) }) {
			t.Errorf("contains word %q holds no stem of containsStems", w)
		}
	}
}
