package matchers

import (
	"math/bits"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// resetRef is Reset as it was before the speed work of session 5 (commit
// cf4de03), kept as the oracle of TestResetSame and FuzzResetSame: the
// fast paths added since must give the same normalised text and offset map
// byte for byte. When the normalisation rules change, change both (or
// delete this file once the fast paths have settled).
// resetRef normalises s into t.
func (t *Text) resetRef(s string) {
	runePropOnce.Do(initRuneProps)
	t.Norm = t.Norm[:0]
	t.segs = t.segs[:0]
	t.origLen = len(s)
	t.wordEnd = -1
	t.cyrEnd = -1
	n := len(s)
	out := t.Norm
	if cap(out) < n+n/4 {
		out = make([]byte, 0, n+n/4+16)
	}
	// next is the original offset that continues the current linear seg;
	// -1 when the last seg is not linear.
	next := -1
	prevAlnum := false // previous input char was an ASCII letter or digit
	mixed := false     // a letter touched a digit somewhere
	lastKind := uint8(cOther)
	for i := 0; i < n; {
		if i == next {
			// Fast path: ASCII letters, digits, single spaces and
			// punctuation that continue the current linear run (one
			// output byte per input byte).
			j := i
		run:
			for j < n {
				c := s[j]
				switch fastKind[c] {
				case fLetter:
					if !prevAlnum && j+2 < n && (spacedSep[s[j+1]] || s[j+2] == '.' && c <= 'Z') {
						break run // maybe spaced letters or symbols: the slow path decides
					}
					if lastKind == cDigit {
						mixed = true
					}
					lastKind = cLower
					prevAlnum = true
					// The rest of the run of letters, folded to lower case,
					// in a loop whose only branch is its end.
					out = append(out, c|0x20)
					for j++; j < n && fastKind[s[j]] == fLetter; j++ {
						out = append(out, s[j]|0x20)
					}
					continue
				case fDigit:
					if lastKind == cLower {
						mixed = true
					}
					lastKind = cDigit
					prevAlnum = true
					out = append(out, c)
					for j++; j < n && fastKind[s[j]] == fDigit; j++ {
						out = append(out, s[j])
					}
					continue
				case fSpace:
					if j+1 < n && (asciiClass[s[j+1]] == cSpace || asciiClass[s[j+1]] == cNewline) {
						break run
					}
					if l := len(out); l == 0 || out[l-1] == ' ' || out[l-1] == '\n' {
						break run
					}
					lastKind = cSpace
					prevAlnum = false
				case fOther:
					if c == '<' && lastKind == cLower {
						break run
					}
					lastKind = cOther
					prevAlnum = false
				default:
					break run
				}
				out = append(out, c)
				j++
			}
			if j > i {
				next = j
				i = j
				continue
			}
		}
		b := s[i]
		k := asciiClass[b]
		switch k {
		case cUpper, cLower:
			if !prevAlnum && k == cUpper && i+2 < n && (s[i+1] == '.' || s[i+2] == '.') {
				if j, ok := elementRun(s, i); ok {
					t.Norm = out
					t.emitElements(s, i, j)
					out = t.Norm
					next = -1
					i = j
					prevAlnum = true
					lastKind = cLower
					continue
				}
			}
			if !prevAlnum && i+2 < n && spacedSep[s[i+1]] {
				if j, ok := spacedRun(s, i); ok {
					t.Norm = out
					t.emitSpaced(s, i, j)
					out = t.Norm
					next = -1
					i = j
					prevAlnum = true
					lastKind = cLower
					continue
				}
			}
			if i < t.cyrEnd {
				// A Latin letter inside a mostly Cyrillic word.
				t.Norm = out
				if c := cyrOfLatin(b); c != "" {
					t.emitUnit(c, i, i+1)
				} else {
					t.addSeg(i, true, 0)
					t.Norm = append(t.Norm, b|0x20)
				}
				out = t.Norm
				next = -1
				lastKind = cOther
				prevAlnum = true
				i++
				continue
			}
			if i != next {
				t.Norm = out
				t.addSeg(i, true, 0)
			}
			out = append(out, b|0x20)
			next = i + 1
			if lastKind == cDigit {
				mixed = true
			}
			lastKind = cLower
			prevAlnum = true
			i++
		case cDigit:
			if i != next {
				t.Norm = out
				t.addSeg(i, true, 0)
			}
			out = append(out, b)
			next = i + 1
			if lastKind == cLower {
				mixed = true
			}
			lastKind = cDigit
			prevAlnum = true
			i++
		case cLt:
			// An inline tag between two letters ("Pseudo<wbr>ephedrine",
			// "ephe<b>drine</b>") is dropped like a zero-width character.
			if prevAlnum && lastKind == cLower {
				if j := inlineTagEnd(s, i); j > i && j < n && (asciiClass[s[j]] == cUpper || asciiClass[s[j]] == cLower || s[j] >= 0x80) {
					next = -1
					i = j
					continue
				}
			}
			fallthrough
		case cOther:
			if i != next {
				t.Norm = out
				t.addSeg(i, true, 0)
			}
			out = append(out, b)
			next = i + 1
			lastKind = cOther
			prevAlnum = false
			i++
		case cSpace, cNewline:
			if b == ' ' && (i+1 >= n || asciiClass[s[i+1]] != cSpace && asciiClass[s[i+1]] != cNewline) {
				if l := len(out); l == 0 || out[l-1] != ' ' && out[l-1] != '\n' {
					// A single space: part of the linear run.
					if i != next {
						t.Norm = out
						t.addSeg(i, true, 0)
					}
					out = append(out, ' ')
					next = i + 1
					lastKind = cSpace
					prevAlnum = false
					i++
					continue
				}
			}
			j := i + 1
			nl := k == cNewline
			for j < n {
				c := asciiClass[s[j]]
				if c == cNewline {
					nl = true
				} else if c != cSpace {
					break
				}
				j++
			}
			ch := byte(' ')
			if nl {
				ch = '\n'
			}
			if l := len(out); l > 0 && (out[l-1] == ' ' || out[l-1] == '\n') {
				// Already separated (e.g. by an NBSP before).
				if nl {
					out[l-1] = '\n'
				}
			} else {
				t.Norm = out
				t.addSeg(i, false, j)
				out = append(out, ch)
			}
			next = -1
			lastKind = cSpace
			prevAlnum = false
			i = j
		case cAmp:
			t.Norm = out
			j, ok := t.entity(s, i)
			out = t.Norm
			next = -1
			if !ok {
				t.addSeg(i, true, 0)
				out = append(out, '&')
				next = i + 1
				j = i + 1
			}
			lastKind = cOther
			prevAlnum = false
			i = j
		default: // cHigh
			r, w := utf8.DecodeRuneInString(s[i:])
			t.Norm = out
			if !prevAlnum && i+w+1 < n && spacedSep[s[i+w]] && unicode.IsLetter(r) {
				if j, ok := spacedRun(s, i); ok {
					t.emitSpaced(s, i, j)
					out = t.Norm
					next = -1
					i = j
					prevAlnum = true
					lastKind = cOther
					continue
				}
			}
			if r == utf8.RuneError && w <= 1 {
				t.emitUnit(" ", i, i+1)
				w = 1
			} else if lastKind == cSpace && r >= 0x2190 && r != 0x3000 && lowerWordAfter(s, i+w) && unicode.Is(unicode.So, r) {
				// A pictograph standing between spaces before a word
				// that goes on in lower case ("Pseudo 🔥 ephedrine") is
				// decoration: dropped, so the words on either side are
				// read as neighbours; before a capital it still
				// separates list items ("✅ Acetone ✅ MEK").
			} else if r == 0x202E {
				// A right-to-left override: a reader sees its text
				// reversed ("\u202eenirdehpE\u202c" shows "Ephedrine").
				w = t.emitOverride(s, i, w) - i
			} else if r >= 0x3099 && (r <= 0x309C || r == 0xFF9E || r == 0xFF9F) && t.composeKana(r, i+w) {
				// A voicing mark composed with the kana before it.
			} else if lastKind == cLower && r >= 0x2190 && unicode.Is(unicode.So, r) && lettersEnd(out) && lettersStart(s, i, i+w) {
				// A pictograph inside a Latin word ("Ephe💊drine",
				// "EPHE💊DRINE"; checked only after an ASCII letter, so that
				// CJK text pays nothing) becomes a hyphen, which the matcher's hyphen rescan
				// joins; before a capital that starts a word
				// ("Acetone🔥MEK") it still separates the words.
				t.emitUnit("-", i, i+w)
			} else {
				t.rune(s, i, r, w)
			}
			out = t.Norm
			next = -1
			if l := len(out); l > 0 {
				lastKind = asciiClass[out[l-1]]
				if lastKind == cHigh {
					lastKind = cOther
				}
			}
			prevAlnum = runeProp(r)&rpAlnum != 0
			i += w
		}
	}
	t.Norm = out
	if mixed {
		deLeet(t.Norm)
	}
}

// checkSame fails unless Reset and resetRef agree on s, and resetScan
// (with the watchlist's automaton) agrees with Reset and then scan.
func checkSame(t *testing.T, s string) {
	t.Helper()
	var got, want Text
	got.Reset(s)
	want.resetRef(s)
	if !slices.Equal(got.Norm, want.Norm) || !slices.Equal(got.segs, want.segs) || got.origLen != want.origLen {
		t.Fatalf("Reset(%q):\nnorm %q\nwant %q\nsegs %v\nwant %v", s, got.Norm, want.Norm, got.segs, want.segs)
	}
	a := testMatcher(t).ac
	prev := []rawHit{{pat: 3, end: 9}} // resetScan appends
	wantHits := a.scan(want.Norm, slices.Clone(prev))
	gotHits := got.resetScan(s, a, slices.Clone(prev))
	if !slices.Equal(got.Norm, want.Norm) || !slices.Equal(got.segs, want.segs) || !slices.Equal(gotHits, wantHits) {
		t.Fatalf("resetScan(%q):\nnorm %q\nwant %q\nhits %v\nwant %v", s, got.Norm, want.Norm, gotHits, wantHits)
	}
}

// TestResetSame compares Reset with resetRef on the labelled listings, the
// benchmark corpus and random mixtures of what the normaliser treats
// apart (letters, digits, spaces, entities, look-alikes, leetspeak, spaced
// letters, tags, invalid UTF-8), cut at random places.
func TestResetSame(t *testing.T) {
	ls, _ := genCorpus(512 << 10)
	for i := range ls {
		checkSame(t, ls[i].Title)
		checkSame(t, ls[i].Description)
	}
	for _, h := range readLabelledSet(t, "../testdata/corpus/listings.jsonl") {
		checkSame(t, h.Listing.Title)
		checkSame(t, h.Listing.Description)
	}
	pieces := []string{"Ephedrine", "pseudo", "EPHEDRINE ", "3ph3dr1n3", "e p h e d r i n e", "E.P.H", "K.Mn.O4", " ", "  ", "\n", " \n ",
		"\t", "&amp;", "&#x41;", "&", "<b>", "</b>", "<wbr>", "<", "Псeвдоэфедрин", "эфедрин", "аcetone", "ｅｐｈ", "１２", "ß", "İ",
		"\u200b", "\u00a0", "\u202eenirdehpE\u202c", "ﾄﾞ", "💊", "🔥 ", "1-boc-4-ap", "H2SO4", "10mg", "99.5%", "abcdefghijklmnop",
		"ABCDEFGHIJKLMNOPQRSTUVWXYZ", "a", "B", "x", "-", ".", ",", "*", "/", "\xff", "\xe2\x82", "é", "ö", "麻黄碱", "ℂ",
		"ПМК\u00ad", "\u00adпорошок", "PMK\u00ad", "4-АР", "АР", "\u00ad"}
	r := rand.New(rand.NewPCG(5, 6))
	for k := 0; k < 20000; k++ {
		var b strings.Builder
		for m := r.IntN(12); m >= 0; m-- {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		s := b.String()
		checkSame(t, s)
		if len(s) > 0 {
			checkSame(t, s[:r.IntN(len(s))])
		}
	}
}

// FuzzResetSame compares Reset with resetRef on fuzzed text.
func FuzzResetSame(f *testing.F) {
	for _, s := range []string{"", "ephedrine", "ＥＰＨＥＤＲＩＮＥ", "3ph3dr1n3", "e p h e d r i n e", "&amp;&#x41;&#1234567;&",
		"CAS#28578 16 7", "\xff\xfe\x00", "Pseudo<wbr>ephedrine", "a<b>c</b>d<", "e\u200bp\u0301", "İı ß", "П с е", "a\u00a0 \n\tb",
		"Acetone 99.5% industrial grade CAS 67-64-1", "Stealth shipping, wickr: chem_king.", "Псeвдоэфедрин abcdefghijk"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkSame(t, s)
	})
}

// TestASCIILetters64 checks asciiLetters64 against fastKind: the number of
// ASCII letters that start eight bytes, on every byte value in every
// position after letters, followed by random bytes.
func TestASCIILetters64(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for pos := 0; pos < 8; pos++ {
		for v := 0; v < 256; v++ {
			for k := 0; k < 20; k++ {
				var b [8]byte
				for i := range b {
					b[i] = byte(r.IntN(256))
					if i < pos {
						b[i] = byte('A' + r.IntN(26) + 32*r.IntN(2))
					}
				}
				b[pos] = byte(v)
				want := 0
				for want < 8 && fastKind[b[want]] == fLetter {
					want++
				}
				s := string(b[:])
				x := load64(s, 0) | 0x2020202020202020
				if got := bits.TrailingZeros64(^asciiLetters64(x)&0x8080808080808080) >> 3; got != want {
					t.Fatalf("asciiLetters64(%q): %d letters, want %d", s, got, want)
				}
			}
		}
	}
}

// TestASCIIDigits64 checks asciiDigits64 against fastKind as
// TestASCIILetters64 does.
func TestASCIIDigits64(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	for pos := 0; pos < 8; pos++ {
		for v := 0; v < 256; v++ {
			for k := 0; k < 20; k++ {
				var b [8]byte
				for i := range b {
					b[i] = byte(r.IntN(256))
					if i < pos {
						b[i] = byte('0' + r.IntN(10))
					}
				}
				b[pos] = byte(v)
				want := 0
				for want < 8 && fastKind[b[want]] == fDigit {
					want++
				}
				s := string(b[:])
				if got := bits.TrailingZeros64(^asciiDigits64(load64(s, 0))&0x8080808080808080) >> 3; got != want {
					t.Fatalf("asciiDigits64(%q): %d digits, want %d", s, got, want)
				}
			}
		}
	}
}

// TestFoldHigh checks the cached folds of foldRanges against computeFold,
// rune by rune.
func TestFoldHigh(t *testing.T) {
	for _, rg := range foldRanges {
		for r := rg.lo; r <= rg.hi; r++ {
			if got, want := foldRuneIn(r, string(r)), computeFold(r); got != want {
				t.Fatalf("foldRuneIn(%U) = %q, computeFold %q", r, got, want)
			}
		}
	}
}
