package matchers

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// checkHigh normalises s with tx (reused, so a flag left set by the text
// before shows) by Reset and by resetScan and fails when Text.high is false
// while Norm holds a byte from 0x80 on, or when it is set for a text that
// holds neither a non-ASCII byte nor a '&' (the flag would then skip
// nothing); and when Text.sepsHeld lacks a separator Norm holds, or (with
// high false) names one it does not hold.
func checkHigh(t *testing.T, tx *Text, a *automaton, s string) {
	t.Helper()
	asciiIn := !strings.ContainsRune(s, '&')
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			asciiIn = false
			break
		}
	}
	for round := 0; round < 2; round++ {
		if round == 0 {
			tx.Reset(s)
		} else {
			tx.resetScan(s, a, nil)
		}
		high := false
		for _, c := range tx.Norm {
			if c >= 0x80 {
				high = true
				break
			}
		}
		if high && !tx.high {
			t.Fatalf("Reset(%q) = %q holds a non-ASCII byte, high is false", s, tx.Norm)
		}
		if asciiIn && tx.high {
			t.Fatalf("Reset(%q) = %q: high is set for ASCII input without an entity", s, tx.Norm)
		}
		var seps uint8
		for _, c := range tx.Norm {
			seps |= sepBit[c]
		}
		if held := tx.sepsHeld(); seps&^held != 0 || !tx.high && held != seps {
			t.Fatalf("Reset(%q) = %q: separators held %06b, Norm holds %06b", s, tx.Norm, held, seps)
		}
	}
}

// TestNormHighFlag: Text.high is set whenever Norm holds a non-ASCII byte
// (the matcher skips its Thai and Korean searches when it is not), on the
// labelled listings, the benchmark corpus and random mixtures of the
// sequences that write non-ASCII bytes from ASCII input or away from the
// cHigh case: entities ("&eacute;", "&#x0E04;"), spaced runs that go on in
// another script ("a b é", "p✅m✅k"), a Latin letter inside a mostly
// Cyrillic word. It fails when the entity's, the spaced run's or the cHigh
// case's setting is dropped. It checks Text.seps (the separators Norm
// holds, exact for ASCII output) on the same texts: it fails when the fast
// path's punctuation, its word step over ". ", the slow path's punctuation
// or a line break (written or rewritten) does not set its bit.
func TestNormHighFlag(t *testing.T) {
	a := testMatcher(t).ac
	var tx Text
	for _, s := range labelledTextsAll(t) {
		checkHigh(t, &tx, a, s)
	}
	ls, _ := genCorpus(512 << 10)
	for i := range ls {
		checkHigh(t, &tx, a, ls[i].Title)
		checkHigh(t, &tx, a, ls[i].Description)
	}
	pieces := []string{" ", "  ", "\n", "&eacute;", "&#3588;", "&#x0E04;", "&Alpha;", "&amp;", "&nbsp;", "&#32;", "&copy;",
		"&bogus;", "&", "a b é d", "é b c", "a.b.é.d", "P✅M✅K", "a b c", "E P H E D R I N E", "K.Mn.O4", "Псeвдоэфедрин",
		"эфedрин", "ephedrine", "3ph3dr1n3", "10정", "อี เฟ ด รีน", "é", "ß", "ﬁ", "Ａ", "\u00a0", "\u200b", "\xff", "<b>",
		"25kg", "CAS 67-64-1", ".", ",", "-", "x", "I", "Mn", "/", "|", "_", "&#47;", "&#124;", "&#95;", "&#10;", "&#45;",
		"a-b", "1.2", "\r\n", "\t\n ", "x/y/z", "p_2_p", "L/C, T/T", "C. Item", "e.p.h.e.d.r.i.n.e", "word. next", "word, next",
		"a|b", "Ephe💊drine", "–", "\u2028", "ｰ", "／"}
	r := rand.New(rand.NewPCG(15, 1))
	for k := 0; k < 30000; k++ {
		var b strings.Builder
		for m := r.IntN(12); m >= 0; m-- {
			b.WriteString(pieces[r.IntN(len(pieces))])
			if r.IntN(2) == 0 {
				b.WriteByte(' ')
			}
		}
		checkHigh(t, &tx, a, b.String())
	}
}

// TestSpacedHitsNeedSubstance: Match calls appendSpacedHits only for a
// field whose raw hits hold a substance term (rawKinds); on every labelled
// text and the benchmark corpus, a field without one gets nothing from it
// (it fails when appendSpacedHits starts a name from another kind of hit,
// which would make that gate drop hits).
func TestSpacedHitsNeedSubstance(t *testing.T) {
	m := testMatcher(t)
	texts := labelledTextsAll(t)
	ls, _ := genCorpus(256 << 10)
	for i := range ls {
		texts = append(texts, ls[i].Title, ls[i].Description)
	}
	var tx Text
	var js joinScratch
	n := 0
	for _, s := range texts {
		raw := tx.resetScan(s, m.ac, nil)
		kinds, _ := m.rawKinds(raw)
		if kinds&kSubstance != 0 {
			continue
		}
		n++
		if got := m.appendSpacedHits(nil, tx.Norm, raw, 0, &js); len(got) > 0 {
			t.Fatalf("%q: no substance term among the raw hits, appendSpacedHits = %v", s, got)
		}
	}
	if n == 0 {
		t.Fatal("no text without a substance term")
	}
}
