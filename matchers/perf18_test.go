package matchers

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"
)

// TestBlockWordsStartWords checks blockWords.startWords against a plain
// walk of every word: at every offset of random texts, every word that
// starts there is among the words returned (the ones returned may be
// more). The word lists mix one-byte words, words of a shared first byte
// and of shared first two bytes, repeats, prefixes of each other, UTF-8
// words. It fails when the pair filter or the key index drops a word,
// when the one-byte words or the text's last byte are not walked in full,
// or when a key's range ends one word early.
func TestBlockWordsStartWords(t *testing.T) {
	r := rand.New(rand.NewPCG(18, 1))
	alpha := []string{"a", "b", "c", "ab", "ba", "é", "税", " ", "-", "\x10", "\x01", "q"}
	word := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteString(alpha[r.IntN(len(alpha))])
		}
		return b.String()
	}
	for round := 0; round < 400; round++ {
		var ws [][]byte
		for k := 1 + r.IntN(40); k > 0; k-- {
			ws = append(ws, []byte(word(1+r.IntN(4))))
		}
		if r.IntN(2) == 0 {
			ws = append(ws, ws[r.IntN(len(ws))]) // a repeat
		}
		if round%3 == 0 {
			ws = append(ws, []byte(""), []byte("c"))
		}
		bw := newBlockWords(ws)
		for k := 0; k < 50; k++ {
			text := []byte(word(r.IntN(12)))
			for i := range text {
				got := bw.startWords(text, i)
				for _, w := range ws {
					if len(w) == 0 || !bytes.HasPrefix(text[i:], w) {
						continue
					}
					found := false
					for _, g := range got {
						if bytes.Equal(g, w) {
							found = true
						}
					}
					if !found {
						t.Fatalf("words %q, text %q at %d: %q starts there, startWords = %q", ws, text, i, w, got)
					}
				}
				for _, g := range got {
					if g[0] != text[i] {
						t.Fatalf("words %q, text %q at %d: startWords returned %q", ws, text, i, g)
					}
				}
			}
		}
	}
}

// TestFrameBlockedSameSynthetic compares frameBlocked with frameBlockedRef
// on synthetic block lists of the kinds TestBlockWordsStartWords uses
// (one-byte words, repeats, shared first bytes, CJK) and random spans.
func TestFrameBlockedSameSynthetic(t *testing.T) {
	r := rand.New(rand.NewPCG(18, 2))
	parts := []string{"tax", "taxes", "t", "x", "duty", "du", "关税", "税", "é", " ", " ", ", ", ". ", "\n", "un", "ab", "included", "customs"}
	n := 0
	for round := 0; round < 300; round++ {
		var ws [][]byte
		for k := 1 + r.IntN(8); k > 0; k-- {
			ws = append(ws, []byte(parts[r.IntN(len(parts))]))
		}
		m := &Matcher{frameBlocks: map[int16]*blockWords{0: newBlockWords(ws)}}
		for k := 0; k < 40; k++ {
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
				c := indCand{ii: 0, s: int32(s), e: int32(e), fr: 1}
				got, want := m.frameBlocked(f, c), frameBlockedRef(ws, f, c)
				if got != want {
					t.Fatalf("words %q, %q [%d:%d]: frameBlocked = %v, want %v", ws, norm, s, e, got, want)
				}
				n++
			}
		}
	}
	t.Logf("%d candidates", n)
}

// hasDotWordRef is hasDotWord as session 17 wrote it: a search for each of
// "dot", "DOT" and "Dot".
func hasDotWordRef(s string) bool {
	for _, w := range [...]string{"dot", "DOT", "Dot"} {
		for i := strings.Index(s, w); i >= 0; {
			if i > 0 && i+3 < len(s) {
				b, a := s[i-1], s[i+3]
				if (b == ' ' || b == '[' || b == '(' || b == '{') && (a == ' ' || a == ']' || a == ')' || a == '}') {
					return true
				}
			}
			k := strings.Index(s[i+1:], w)
			if k < 0 {
				break
			}
			i += 1 + k
		}
	}
	return false
}

// TestHasDotWordSame compares hasDotWord with hasDotWordRef on random
// mixtures of the three words, the other cases of them ("dOt", "DoT",
// "DOt"), their pieces, brackets, spaces and letters, and on every
// labelled text: it fails when "DOT" or "Dot" is left out, when another
// case is taken, or when a 'd' or 'D' right after another is skipped.
func TestHasDotWordSame(t *testing.T) {
	parts := []string{"dot", "DOT", "Dot", "dOt", "DoT", "DOt", "doT", "d", "D", "do", "DO", "Do", "ot", "OT", "t", "T", "o",
		" ", " ", "[", "]", "(", ")", "{", "}", "x", "anecdote", "at", ".", "é", "dd", "DD"}
	r := rand.New(rand.NewPCG(18, 3))
	n := 0
	check := func(s string) {
		if got, want := hasDotWord(s), hasDotWordRef(s); got != want {
			t.Fatalf("hasDotWord(%q) = %v, want %v", s, got, want)
		}
		n++
	}
	for k := 0; k < 200000; k++ {
		var b strings.Builder
		for j := r.IntN(10); j > 0; j-- {
			b.WriteString(parts[r.IntN(len(parts))])
		}
		check(b.String())
	}
	for _, l := range labelledTextsAll(t) {
		check(l)
	}
	t.Logf("%d texts", n)
}

// dottedCASShapeRef is dottedCASShape as session 17 wrote it.
func dottedCASShapeRef(text []byte) bool {
	for i := 1; i < len(text); i++ {
		k := bytes.IndexByte(text[i:], '.')
		if k < 0 {
			break
		}
		i += k
		if i+4 < len(text) && isDigit(text[i-1]) && isDigit(text[i+1]) && isDigit(text[i+2]) && text[i+3] == '.' && isDigit(text[i+4]) {
			return true
		}
	}
	return false
}

// TestDottedCASShapeSame compares dottedCASShape with dottedCASShapeRef on
// random mixtures of digits, dots, letters and spaces (dotted numbers at
// the start and at the end of the text among them) and on every labelled
// text: it fails when the search stops one byte early or starts at 0, or
// when a test of the shape is dropped.
func TestDottedCASShapeSame(t *testing.T) {
	parts := []string{"1", "2", "0", "9", ".", ".", "5449.12.7", "12.7", "1.12.", "a", " ", "x.", ".1", "99.5", "..", "/"}
	r := rand.New(rand.NewPCG(18, 4))
	n := 0
	check := func(b []byte) {
		if got, want := dottedCASShape(b), dottedCASShapeRef(b); got != want {
			t.Fatalf("dottedCASShape(%q) = %v, want %v", b, got, want)
		}
		n++
	}
	for k := 0; k < 300000; k++ {
		var b []byte
		for j := r.IntN(9); j > 0; j-- {
			b = append(b, parts[r.IntN(len(parts))]...)
		}
		check(b)
	}
	for _, l := range labelledTextsAll(t) {
		check([]byte(l))
		check(Normalize(l).Norm)
	}
	t.Logf("%d texts", n)
}

// TestClosedASame compares closedA with strings.Contains on random
// mixtures of brackets, 'a' and other bytes (it fails when a bracket right
// after another is skipped, or when "(a)" at the very end is missed).
func TestClosedASame(t *testing.T) {
	parts := []string{"(", ")", "[", "]", "a", "A", "(a", "a)", "(a)", "[a]", "((a)", "x", " ", "@", "é"}
	r := rand.New(rand.NewPCG(18, 5))
	for k := 0; k < 200000; k++ {
		var b strings.Builder
		for j := r.IntN(9); j > 0; j-- {
			b.WriteString(parts[r.IntN(len(parts))])
		}
		s := b.String()
		for _, w := range []string{"(a)", "[a]"} {
			if got, want := closedA(s, w[0], w[2]), strings.Contains(s, w); got != want {
				t.Fatalf("closedA(%q, %q) = %v, want %v", s, w, got, want)
			}
		}
	}
}
