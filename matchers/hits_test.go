package matchers

import (
	"math/rand/v2"
	"slices"
	"testing"
	"unicode/utf8"
)

// TestSortHits: sortHits gives the order of slices.SortStableFunc with
// cmpHit, for hits in automaton order (by end), in random order (the
// fallback past the move budget) and with equal keys (stability).
func TestSortHits(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 400; n++ {
		size := r.IntN(300)
		hits := make([]fhit, size)
		for i := range hits {
			e := int32(r.IntN(200))
			if n%3 == 0 {
				e = int32(i) // by end, as the automaton reports them
			}
			hits[i] = fhit{pat: int32(i), s: max(0, e-int32(r.IntN(12))), e: e}
		}
		want := slices.Clone(hits)
		slices.SortStableFunc(want, cmpHit)
		got := slices.Clone(hits)
		sortHits(got)
		if !slices.Equal(got, want) {
			t.Fatalf("case %d (%d hits): sortHits differs from slices.SortStableFunc", n, size)
		}
	}
}

// TestQuestionEnd: the ASCII fast path of questionEnd agrees with rune
// by rune decoding on mixed text.
func TestQuestionEnd(t *testing.T) {
	ref := func(norm []byte, i int) int {
		end := min(len(norm), i+maxQuestion)
		for j := i; j < end; {
			r, n := utf8.DecodeRune(norm[j:])
			switch r {
			case '?', '？':
				return j
			case '.', '!', '\n', '。', '！', ';', '；':
				return -1
			}
			j += n
		}
		return -1
	}
	units := []string{"a", "b", " ", "?", ".", "!", ";", "\n", "？", "。", "！", "；", "é", "к", "中", "\xff", "\xe3\x80"}
	r := rand.New(rand.NewPCG(3, 4))
	for n := 0; n < 3000; n++ {
		var b []byte
		for k := r.IntN(260); k > 0; k-- {
			u := units[r.IntN(len(units))]
			if r.IntN(4) > 0 {
				u = units[r.IntN(3)]
			}
			b = append(b, u...)
		}
		for i := 0; i < len(b); i += 1 + r.IntN(20) {
			if got, want := questionEnd(b, i), ref(b, i); got != want {
				t.Fatalf("questionEnd(%q, %d) = %d, want %d", b, i, got, want)
			}
		}
	}
}
