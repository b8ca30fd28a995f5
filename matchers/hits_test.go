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
	units := []string{"a", "b", " ", "?", ".", "!", ";", "\n", "？", "。", "！", "；", "é", "к", "中", "\xff", "\xe3\x80", "，", "\xef\xbc", "\xef"}
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

// deLeetEveryWord is deLeet as it was before it jumped from digit to digit:
// it looks at every word. TestDeLeetDigitJump compares the two.
func deLeetEveryWord(b []byte) {
	n := len(b)
	prevDecoded := false
	lastStart, lastEnd, lastMixed := -10, -10, false
	for i := 0; i < n; {
		if leetKind[b[i]] == 0 {
			i++
			continue
		}
		j := i
		var kinds uint8
		for j < n {
			k := leetKind[b[j]]
			if k == 0 {
				break
			}
			kinds |= k
			j++
		}
		follows := prevDecoded && i-lastEnd == 1
		decoded := kinds == lkLetter|lkDigit && leetWord(b, i, j, follows)
		if decoded {
			if i-lastEnd == 1 && !prevDecoded && lastMixed && leetWord(b, lastStart, lastEnd, true) {
				for p := lastStart; p < lastEnd; p++ {
					if l := leet[b[p]]; l != 0 {
						b[p] = l
					}
				}
			}
			for p := i; p < j; p++ {
				if l := leet[b[p]]; l != 0 {
					b[p] = l
				}
			}
		}
		prevDecoded = decoded
		lastStart, lastEnd, lastMixed = i, j, kinds == lkLetter|lkDigit
		i = j
	}
}

// TestDeLeetDigitJump: deLeet decodes exactly what looking at every word
// decodes, on random words of letters, leet digits, other digits and
// separators (including runs of decoded words that "follow" each other).
func TestDeLeetDigitJump(t *testing.T) {
	units := []string{"a", "e", "s", "t", "x", "0", "1", "3", "4", "5", "7", "2", "9", " ", "-", ".", "  ", "ph", "3ph", "dr1n3", "h2so4", "99", "kg", "é", "\n"}
	r := rand.New(rand.NewPCG(5, 6))
	for n := 0; n < 20000; n++ {
		var b []byte
		for k := r.IntN(40); k > 0; k-- {
			b = append(b, units[r.IntN(len(units))]...)
		}
		got, want := slices.Clone(b), slices.Clone(b)
		deLeet(got)
		deLeetEveryWord(want)
		if string(got) != string(want) {
			t.Fatalf("deLeet(%q) = %q, want %q", b, got, want)
		}
	}
}
