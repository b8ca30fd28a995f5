package matchers

import (
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// refScanFrom is scanFrom as it was before session 12 (main at b297b0f),
// kept as the oracle of TestScanFromSame.
func (a *automaton) refScanFrom(text []byte, i int, s uint32, hits []rawHit) (uint32, []rawHit) {
	if int32(s) >= a.dlimit && i < len(text) {
		t := a.sparseNext(int32(s), int32(a.class[text[i]]))
		i++
		for {
			if t < 0 {
				t &^= outFlag
				hits = a.appendOutputs(hits, t, int32(i))
			}
			if t < a.dlimit || i == len(text) {
				break
			}
			t = a.sparseNext(t, int32(a.class[text[i]]))
			i++
		}
		s = uint32(t)
	}
	dtrans, class, dlimit := a.dtrans, &a.class, uint(a.dlimit)
	st := uint(s)
	for i < len(text) {
		t := uint(dtrans[st+uint(class[text[i]])])
		i++
		if t < dlimit {
			st = t
			continue
		}
		t32 := int32(t)
		for {
			if t32 < 0 {
				t32 &^= outFlag
				hits = a.appendOutputs(hits, t32, int32(i))
			}
			if t32 < a.dlimit {
				break
			}
			if i == len(text) {
				return uint32(t32), hits
			}
			t32 = a.sparseNext(t32, int32(class[text[i]]))
			i++
		}
		st = uint(t32)
	}
	return uint32(st), hits
}

// labelledTextsAll returns the title and description of every listing of
// every labelled set (testdata/*/listings.jsonl).
func labelledTextsAll(t *testing.T) []string {
	t.Helper()
	sets, err := filepath.Glob(filepath.Join("..", "testdata", "*", "listings.jsonl"))
	if err != nil || len(sets) == 0 {
		t.Fatalf("no labelled sets: %v", err)
	}
	var texts []string
	for _, p := range sets {
		for _, h := range readLabelledSet(t, p) {
			texts = append(texts, h.Listing.Title, h.Listing.Description)
		}
	}
	return texts
}

// TestScanFromSame compares scanFrom (that is, scanOn) with refScanFrom on
// the normalised text of every labelled listing, the benchmark corpus and
// random texts made of the watchlist's patterns, each scanned in random
// pieces from the state the previous piece left (dense or sparse, as
// resetScan does), and from a random state (dense or sparse) at a random
// offset: the same hits and states.
func TestScanFromSame(t *testing.T) {
	a := testMatcher(t).ac
	var texts [][]byte
	for _, s := range labelledTextsAll(t) {
		texts = append(texts, Normalize(s).Norm)
	}
	ls, _ := genCorpus(256 << 10)
	for i := range ls {
		texts = append(texts, Normalize(ls[i].Title).Norm, Normalize(ls[i].Description).Norm)
	}
	var patterns [][]byte
	for _, p := range testMatcher(t).Patterns() {
		patterns = append(patterns, []byte(p))
	}
	r := rand.New(rand.NewPCG(12, 1))
	for k := 0; k < 5000; k++ {
		texts = append(texts, randomText(r, patterns, r.IntN(300)))
	}
	prev := []rawHit{{pat: 5, end: 2}} // scanFrom appends
	nstates := int32(len(a.sparse)) + a.ndense
	for _, text := range texts {
		// In pieces, from the root.
		var s, ws uint32
		got, want := slices.Clone(prev), slices.Clone(prev)
		for i := 0; i < len(text); {
			j := i + r.IntN(min(24, len(text)-i)+1)
			s, got = a.scanFrom(text[:j], i, s, got)
			ws, want = a.refScanFrom(text[:j], i, ws, want)
			if s != ws {
				t.Fatalf("scanFrom(%q, %d): state %d, want %d", text[:j], i, s, ws)
			}
			i = j
		}
		if !slices.Equal(got, want) {
			t.Fatalf("scanFrom in pieces (%q):\ngot  %v\nwant %v", text, got, want)
		}
		// From a random state at a random offset.
		st := r.Int32N(nstates)
		code := uint32(st * int32(a.nclass))
		if st >= a.ndense {
			code = uint32(a.dlimit + st - a.ndense)
		}
		i := r.IntN(len(text) + 1)
		s, got = a.scanFrom(text, i, code, slices.Clone(prev))
		ws, want = a.refScanFrom(text, i, code, slices.Clone(prev))
		if s != ws || !slices.Equal(got, want) {
			t.Fatalf("scanFrom(%q, %d, %d): state %d, hits %v\nwant state %d, hits %v", text, i, code, s, got, ws, want)
		}
	}
}

// TestResetRunsSame compares Reset and resetScan with resetRef (checkSame)
// on every labelled listing and on runs of ASCII letters and digits of every
// length from 0 to 20 at the end of the text, after text that makes Norm
// longer or shorter than the input (entities, folds, spaces), so that the
// eight-byte loops stop at the end of s and at the end of Norm's capacity
// in many positions (it fails when either test of the loops' guard is
// dropped).
func TestResetRunsSame(t *testing.T) {
	for _, s := range labelledTextsAll(t) {
		checkSame(t, s)
	}
	// "½" becomes five bytes ("1⁄2"): after a few, Norm reaches the end of
	// its capacity within a run.
	heads := []string{"", " ", "x ", "&amp;", "ß", "  \n  ", "1", "a", "Ａ", "&#x41;", "é", "½", "ŉ", "½ ", "№"}
	r := rand.New(rand.NewPCG(12, 2))
	for _, h := range heads {
		for n := 0; n <= 20; n++ {
			for _, alphabet := range []string{"abcXYZ", "0123456789", "aZ09"} {
				var b strings.Builder
				b.WriteString(strings.Repeat(h, r.IntN(16)))
				for k := 0; k < n; k++ {
					b.WriteByte(alphabet[r.IntN(len(alphabet))])
				}
				checkSame(t, b.String())
				b.WriteString(" ephedrine")
				checkSame(t, b.String())
			}
		}
	}
}

// TestResetSeparatorsSame compares Reset and resetScan with resetRef on
// random mixtures of separators (single and double spaces, tabs, line
// breaks, no-break and ideographic spaces, control bytes, entities that
// decode to spaces, pictographs between spaces) and what the fast path
// writes between them: the fast path writes a space without looking at the
// byte before it, because the slow path never hands over right after a
// space or a line break (it fails when the slow path's single space stops
// checking the byte after it).
func TestResetSeparatorsSame(t *testing.T) {
	pieces := []string{" ", " ", " ", "  ", "\t", "\n", "\r\n", " \n", "\n ", "\u00a0", "\u00a0 ", " \u00a0", "\u3000", "\u2003",
		"\x01", "\x7f", "&nbsp;", "&#32;", "&#10;", "&amp;", " 🔥 ", "💊", "a", "be", "Cat", "ephedrine", "E", "1", "42", ".", ",",
		"-", "<b>", "<", "é", "эфедрин", "x1", "\xff", "I", " I ", "a b c", "A.B."}
	r := rand.New(rand.NewPCG(12, 3))
	for k := 0; k < 40000; k++ {
		var b strings.Builder
		for m := r.IntN(16); m >= 0; m-- {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		checkSame(t, b.String())
	}
}

// TestResetWordStartSame compares Reset and resetScan with resetRef
// (checkSame) on words of one to four letters, lower case or capitals,
// followed by each separator of spaced letters and by a dot two bytes on
// ("Mn.", "K.Mn.O4"), after a space, a digit or a letter, with eight bytes
// or more after the word's start and with fewer: the fast path reads the
// first eight bytes of a word before its test for spaced letters and
// symbols, and skips the test when they start with three letters (it fails
// when the test is skipped from two letters on).
func TestResetWordStartSame(t *testing.T) {
	words := []string{"a", "K", "ab", "Mn", "MN", "abc", "Abc", "ABC", "abcd", "ABCD"}
	seps := []string{" ", ".", "-", "_", "*", "|", "/", "+", "💊", "✅", ",", "1", "x", ". ", ".O4", "\n"}
	befores := []string{"", " ", "1", "z", "z ", "9 "}
	afters := []string{"", "b", "b c d", "efghijklmnop", "O4.K.Mn.O4 acetone", "E P H E D R I N E"}
	for _, b := range befores {
		for _, w := range words {
			for _, s := range seps {
				for _, a := range afters {
					checkSame(t, b+w+s+a)
					checkSame(t, b+w+s+w+s+a)
				}
			}
		}
	}
}
