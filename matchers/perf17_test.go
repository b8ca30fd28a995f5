package matchers

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestPlainQuotedSame checks plainQuoted, riskLine's eight-bytes-at-a-time
// test, against the byte loop it replaced, on random strings over the
// bytes around its limits (0x1f, 0x20, 0x7e, 0x7f, 0x80, '"', '\\', their
// neighbours) at every length up to 40, and that riskLine equals
// strconv.Quote's line. It fails when any one of the five tests is dropped.
func TestPlainQuotedSame(t *testing.T) {
	ref := func(s string) bool {
		for i := 0; i < len(s); i++ {
			if c := s[i]; c < 0x20 || c >= 0x7f || c == '"' || c == '\\' {
				return false
			}
		}
		return true
	}
	edge := []byte{0, 0x01, 0x1f, 0x20, 0x21, '!', '"', '#', '[', '\\', ']', 0x7e, 0x7f, 0x80, 0x81, 0xa0, 0xff, 'a', 'z', ' ', '0', '9'}
	r := rand.New(rand.NewPCG(17, 17))
	for n := 0; n < 200000; n++ {
		b := make([]byte, r.IntN(41))
		for i := range b {
			if r.IntN(8) == 0 {
				b[i] = edge[r.IntN(len(edge))]
			} else {
				b[i] = byte(0x20 + r.IntN(0x5f))
			}
		}
		s := string(b)
		if got, want := plainQuoted(s), ref(s); got != want {
			t.Fatalf("plainQuoted(%q) = %v, want %v", s, got, want)
		}
		if got, want := riskLine("x", s), "risk indicator x ("+strconv.Quote(s)+") +0.15"; got != want {
			t.Fatalf("riskLine(%q) = %q, want %q", s, got, want)
		}
	}
	for c := 0; c < 256; c++ {
		for pos := 0; pos < 17; pos++ {
			b := []byte(strings.Repeat("a", 17))
			b[pos] = byte(c)
			if got, want := plainQuoted(string(b)), ref(string(b)); got != want {
				t.Fatalf("plainQuoted(%q) = %v, want %v", b, got, want)
			}
		}
	}
}

// latinWordRef is latinWord before perf17: every rune through the utf8
// package.
func latinWordRef(t *Text, s string, i int) bool {
	var acc uint8
	latinOnly, cyrOnly := 0, 0
	j := i
	for j > 0 {
		r, w := utf8.DecodeLastRuneInString(s[:j])
		k := wordKind(r)
		if k&wkWord == 0 {
			break
		}
		acc |= k
		latinOnly += int(k >> 2 & 1)
		cyrOnly += int(k >> 3 & 1)
		j -= w
	}
	start := j
	j = i
	for j < len(s) {
		r, w := utf8.DecodeRuneInString(s[j:])
		k := wordKind(r)
		if k&wkWord == 0 {
			break
		}
		acc |= k
		latinOnly += int(k >> 2 & 1)
		cyrOnly += int(k >> 3 & 1)
		j += w
	}
	latin := acc&wkLatin != 0
	cyr := latin && cyrOnly > latinOnly
	if !latin && cyrOnly == 0 && digitLedCapitals(s, start, j) {
		latin = true
	}
	t.wordStart, t.wordEnd, t.wordLatin, t.wordCyr = start, j, latin && !cyr, cyr
	return t.wordLatin
}

// TestLatinWordSame checks latinWord, which decodes two-byte sequences in
// place, against latinWordRef at every offset of random words of Latin,
// Cyrillic, Greek, Armenian and CJK letters, digits, marks, invalid and
// cut sequences (lone continuation bytes, 0xC0, 0xC1, an overlong "a", a lead at the end),
// and at every offset of the labelled texts with a non-ASCII byte. It fails when
// the backward decoding accepts a lead byte below 0xC2 or reads the wrong
// bytes.
func TestLatinWordSame(t *testing.T) {
	pieces := []string{"a", "B", "x", "p", "е", "Е", "с", "р", "о", "к", "ж", "Ж", "ы", "э", "α", "ε", "ο", "λ", "օ", "ս",
		"é", "ß", "ǅ", "ɑ", "\u0301", "\u200d", "1", "0", " ", "-", ".", "漢", "한", "😀", "\x80", "\xbf", "\xc0", "\xc1",
		"\xc2", "\xdf", "\xe0", "\xd0", "\xd0\x20", "\xc0\x80", "\xc1\xbf", "\xc1\xa1", "\xf0\x9f", "ѐ", "ӿ", "Ԁ", "ї", "ґ"}
	r := rand.New(rand.NewPCG(17, 71))
	check := func(s string) {
		for i := 0; i <= len(s); i++ {
			var a, b Text
			got, want := a.latinWord(s, i), latinWordRef(&b, s, i)
			if got != want || a.wordStart != b.wordStart || a.wordEnd != b.wordEnd || a.wordCyr != b.wordCyr {
				t.Fatalf("latinWord(%q, %d) = %v [%d,%d) cyr %v, want %v [%d,%d) cyr %v", s, i, got, a.wordStart, a.wordEnd, a.wordCyr,
					want, b.wordStart, b.wordEnd, b.wordCyr)
			}
		}
	}
	for n := 0; n < 30000; n++ {
		var sb strings.Builder
		for k := r.IntN(12); k >= 0; k-- {
			sb.WriteString(pieces[r.IntN(len(pieces))])
		}
		check(sb.String())
	}
	for _, s := range labelledTextsAll(t) {
		if utf8.RuneCountInString(s) < len(s) {
			check(s) // the texts with a non-ASCII byte
		}
	}
}

// TestDecodeRuneAtSame checks decodeRuneAt against
// utf8.DecodeRuneInString on every sequence of up to three bytes whose
// first is from 0x80 on, followed by nothing, an ASCII byte or a
// continuation byte, and on every non-ASCII offset of the labelled texts.
// It fails when a surrogate (0xED 0xA0…), an overlong form (0xE0 0x80…,
// 0xC1) or a cut sequence is decoded in place.
func TestDecodeRuneAtSame(t *testing.T) {
	check := func(s string, i int) {
		r, w := decodeRuneAt(s, i)
		wr, ww := utf8.DecodeRuneInString(s[i:])
		if r != wr || w != ww {
			t.Fatalf("decodeRuneAt(%q, %d) = %U, %d, want %U, %d", s, i, r, w, wr, ww)
		}
	}
	tails := []string{"", "a", "\x80", "\x80\x80", "\x9f\x80", "\xa0\x80", "\xbf\xbf", "\xbf", "\xc0", "a\x80", "\x80a", "\x80\x80\x80"}
	for c := 0x80; c < 0x100; c++ {
		for b := 0x00; b < 0x100; b++ {
			for _, tail := range tails {
				s := string([]byte{byte(c), byte(b)}) + tail
				check(s, 0)
				check("x"+s, 1)
			}
		}
		check(string([]byte{byte(c)}), 0)
	}
	for _, s := range labelledTextsAll(t) {
		for i := 0; i < len(s); i++ {
			if s[i] >= 0x80 {
				check(s, i)
			}
		}
	}
}

// hasLongTokenRef is hasLongToken before perf17: the bytes after the probe
// tested forwards.
func hasLongTokenRef(s string) bool {
	const n = 26
	for k := n - 1; k < len(s); {
		if !alnumTable[s[k]] {
			k += n
			continue
		}
		i := k
		for i > 0 && k-i < n-1 && alnumTable[s[i-1]] {
			i--
		}
		j := k + 1
		for j < len(s) && j-i < n && alnumTable[s[j]] {
			j++
		}
		if j-i >= n {
			return true
		}
		k = j + n
	}
	return false
}

// TestHasLongTokenSame checks hasLongToken against hasLongTokenRef and a
// plain run count on random texts of words of 1 to 40 alphanumeric bytes
// between separators (runs of 25, 26 and 27 bytes at every offset among
// them) and on the labelled texts. It fails when a run that ends at the
// text's end, or one that starts right after the byte the backward test
// stopped at, is missed.
func TestHasLongTokenSame(t *testing.T) {
	plain := func(s string) bool {
		run := 0
		for i := 0; i < len(s); i++ {
			if alnumTable[s[i]] {
				if run++; run >= 26 {
					return true
				}
			} else {
				run = 0
			}
		}
		return false
	}
	check := func(s string) {
		got, ref, want := hasLongToken(s), hasLongTokenRef(s), plain(s)
		if got != want || ref != want {
			t.Fatalf("hasLongToken(%q) = %v, reference %v, want %v", s, got, ref, want)
		}
	}
	r := rand.New(rand.NewPCG(26, 17))
	const alnum = "abcXYZ0189"
	seps := []string{" ", ".", "-", "é", "\n", ", ", "_"}
	for n := 0; n < 100000; n++ {
		var sb strings.Builder
		for k := r.IntN(8); k >= 0; k-- {
			l := 1 + r.IntN(12)
			if r.IntN(4) == 0 {
				l = 24 + r.IntN(5)
			}
			if r.IntN(10) == 0 {
				l = 1 + r.IntN(40)
			}
			for ; l > 0; l-- {
				sb.WriteByte(alnum[r.IntN(len(alnum))])
			}
			if r.IntN(6) > 0 {
				sb.WriteString(seps[r.IntN(len(seps))])
			}
		}
		check(sb.String())
	}
	for _, s := range labelledTextsAll(t) {
		check(s)
	}
}
