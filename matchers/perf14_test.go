package matchers

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestResetWordSpaceWordSame compares Reset and resetScan with resetRef
// (checkSame) on chains of words joined by a single space (or a comma or a
// full stop and a space), where the fast path goes from one word to the
// next without its dispatch: every next word
// that the word-start tests treat apart (spaced letters "P M K", "P.M.K",
// "B✅M", element symbols "Mn.O4", a capital with a dot two bytes on, an
// inline tag, short and long words, capitals, leetspeak digits), followed by
// a space, a double space, a line break or the end, with the text cut at
// every length so that the eight-byte loops meet the end of s in each word
// (it fails when the joined path keeps prevAlnum from the word before).
// Words of one letter after which a spaced run cannot start ("a bottle",
// "I am", "L/C, T/T", "T-shirt") stay on the fast path and skip spacedRun
// (noSpacedRun); those where one may ("a b c", "x/y/z") do not.
func TestResetWordSpaceWordSame(t *testing.T) {
	words := []string{"a", "I", "ab", "K", "Mn", "abc", "Acetone", "ACETONE", "ephedrine", "Pseudoephedrine", "abcdefgh",
		"abcdefghijklmnopq", "P M K", "P.M.K", "P-M-K", "B✅M✅K", "Mn.O4", "K.Mn.O4", "A.B.", "x.y", "b<b>mk</b>", "p<wbr>mk",
		"ph3n", "m3th", "x1", "é", "эфедрин", "acetone1", "a_b", "a/b", "a b c", "x 1 2", "a 2b", "x 10", "I am", "K Mn",
		"L/C", "T/T,", "T-shirt", "a-b-c", "x/y/z", "p*2*p", "p_2_p", "C.", "C. Item", "a.b.c", "e.g.", "X-ray", "a b", "a-b", "A.B.C."}
	seps := []string{" ", " ", " ", "  ", "\n", " \n", ", ", ". ", ",", ".", ",  ", ". \n", ""}
	r := rand.New(rand.NewPCG(14, 1))
	for k := 0; k < 20000; k++ {
		var b strings.Builder
		for m := 1 + r.IntN(6); m > 0; m-- {
			b.WriteString(words[r.IntN(len(words))])
			b.WriteString(seps[r.IntN(len(seps))])
		}
		s := b.String()
		checkSame(t, s)
		if k%20 == 0 {
			for n := 0; n < len(s); n++ {
				checkSame(t, s[:n])
			}
		}
	}
	for _, w := range words {
		for _, v := range words {
			checkSame(t, "acetone "+w+" "+v)
			checkSame(t, w+" "+v+" x")
			checkSame(t, "1 "+w+" "+v)
		}
	}
}
