package matchers

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"
)

// frameBlockedRef is frameBlocked as it was before the first-byte index:
// a search of the window for every block word of the indicator.
func frameBlockedRef(blocks [][]byte, f *field, c indCand) bool {
	lo, hi := max(0, int(c.s)-24), min(len(f.norm), int(c.e)+24)
	win := f.norm[lo:hi]
	for _, w := range blocks {
		for off := 0; off < len(win); {
			k := bytes.Index(win[off:], w)
			if k < 0 {
				break
			}
			a, b := lo+off+k, lo+off+k+len(w)
			off += k + 1
			if !isCJKStart(w) && (wordBefore(f.norm, a) || wordAt(f.norm, b)) {
				continue
			}
			switch {
			case a >= int(c.s) && a <= int(c.e):
				return true
			case a > int(c.e) && sameSentence(f.norm[c.e:a]):
				return true
			case b <= int(c.s) && sameClause(f.norm[b:c.s]):
				return true
			}
		}
	}
	return false
}

// TestFrameBlockedSame compares frameBlocked (block words indexed by first
// byte) with frameBlockedRef for every indicator with block words, on
// random texts built from its block words, their neighbours in longer
// words, separators and other words, and candidate spans at every place:
// it fails when the index drops the words of a first byte (start[c+1]
// read as start[c]), when a word is tried only at its first occurrence, or
// when a word that runs past the window is taken.
func TestFrameBlockedSame(t *testing.T) {
	m := testMatcher(t)
	if len(m.frameBlocks) == 0 {
		t.Fatal("no frame has block words")
	}
	r := rand.New(rand.NewPCG(14, 2))
	n := 0
	for ii, bw := range m.frameBlocks {
		if bw == nil || len(bw.words) == 0 {
			t.Fatalf("indicator %d: no block words indexed", ii)
		}
		parts := []string{"100%", "customs", "cleared", " ", " ", ", ", ". ", "; ", "\n", "x", "acetone", "1 kg", "(", ")", "关税", "é"}
		for _, w := range bw.words {
			parts = append(parts, string(w), string(w), "un"+string(w), string(w)+"s")
		}
		for k := 0; k < 3000; k++ {
			var b strings.Builder
			for j := 1 + r.IntN(14); j > 0; j-- {
				b.WriteString(parts[r.IntN(len(parts))])
				if r.IntN(3) > 0 {
					b.WriteByte(' ')
				}
			}
			norm := []byte(b.String())
			f := &field{norm: norm}
			for x := 0; x < 4; x++ {
				s := r.IntN(len(norm) + 1)
				e := s + r.IntN(len(norm)-s+1)
				c := indCand{ii: ii, s: int32(s), e: int32(e), fr: 1}
				got, want := m.frameBlocked(f, c), frameBlockedRef(bw.words, f, c)
				if got != want {
					t.Fatalf("indicator %d, %q [%d:%d]: frameBlocked = %v, want %v", ii, norm, s, e, got, want)
				}
				n++
			}
		}
	}
	t.Logf("%d candidates", n)
}

// skipCASLabelRef is skipCASLabel before its first-byte test.
func skipCASLabelRef(text []byte, i int) int {
	n := len(text)
	for j := 0; j < 3 && i < n; j++ {
		for i < n && (text[i] == ' ' || text[i] == ':' || text[i] == '#' || text[i] == '.' || text[i] == '=' || text[i] == '-') {
			i++
		}
		for _, w := range []string{"number", "no", "nr", "rn", "n°", "nº"} {
			if hasPrefixAt(text, i, w) && (i+len(w) >= n || !isASCIIAlpha(text[i+len(w)])) {
				i += len(w)
				break
			}
		}
	}
	return i
}

// TestSkipCASLabelSame compares skipCASLabel with skipCASLabelRef on
// random labels after "cas" (it fails when a label word that starts with
// r is skipped over, or when the test ends the label at the first round).
func TestSkipCASLabelSame(t *testing.T) {
	parts := []string{"number", "no", "nr", "rn", "n°", "nº", "n", "r", "num", "nos", "rna", " ", ":", "#", ".", "=", "-", "5449", "a", "x", "°"}
	r := rand.New(rand.NewPCG(14, 3))
	for k := 0; k < 50000; k++ {
		var b strings.Builder
		b.WriteString("cas")
		for j := r.IntN(7); j > 0; j-- {
			b.WriteString(parts[r.IntN(len(parts))])
		}
		text := []byte(b.String())
		for i := 3; i <= len(text); i++ {
			if got, want := skipCASLabel(text, i), skipCASLabelRef(text, i); got != want {
				t.Fatalf("skipCASLabel(%q, %d) = %d, want %d", text, i, got, want)
			}
		}
	}
}
