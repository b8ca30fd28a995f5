package matchers

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unsafe"
)

// TestPackedPatterns checks the layout pack leaves: the pattern array at its
// exact length, the rare slices behind a pointer that is never nil, one
// shared empty patExtra for the patterns without a rare slice, and every
// other patExtra holding at least one (so reading a promoted field is
// always safe and the counts stay small).
func TestPackedPatterns(t *testing.T) {
	m := testMatcher(t)
	if cap(m.pats) != len(m.pats) {
		t.Errorf("pattern array: len %d, cap %d; want them equal", len(m.pats), cap(m.pats))
	}
	if s := unsafe.Sizeof(pattern{}); s > 96 {
		t.Errorf("pattern is %d bytes; the rare slices belong in patExtra", s)
	}
	var shared *patExtra
	own := map[*patExtra]bool{}
	for i := range m.pats {
		p := &m.pats[i]
		switch {
		case p.patExtra == nil:
			t.Fatalf("pattern %q: nil patExtra", p.text)
		case p.patExtra.empty():
			if shared == nil {
				shared = p.patExtra
			} else if p.patExtra != shared {
				t.Errorf("pattern %q: an empty patExtra of its own", p.text)
			}
		default:
			if own[p.patExtra] {
				t.Errorf("pattern %q: shares a filled patExtra", p.text)
			}
			own[p.patExtra] = true
		}
	}
	if shared == nil || len(own) == 0 {
		t.Fatalf("shared empty patExtra %v, %d filled ones; want both", shared != nil, len(own))
	}
	if !shared.empty() {
		t.Errorf("the shared patExtra was written: %+v", *shared)
	}
}

// TestSessionKey: Match calls appendSessionIDs only for a field whose raw
// hits hold sessionWord (keySession). On every labelled text, the benchmark
// corpus and random mixtures (spaced, entity-written, upper-case,
// homoglyph, glued and split forms), the key is set whenever the
// normalised text holds "session" where a word may start, and
// appendSessionIDs finds nothing in a text without the key.
func TestSessionKey(t *testing.T) {
	m := testMatcher(t)
	var tx Text
	var raw []rawHit
	n := 0
	check := func(s string) {
		raw = tx.resetScan(s, m.ac, raw[:0])
		_, keys := m.rawKinds(raw)
		// The automaton starts a match anywhere but right after an ASCII
		// letter; appendSessionIDs reads "session" only where no ASCII
		// letter or digit comes before it.
		has := false
		for i := range occurrences(tx.Norm, []byte(sessionWord)) {
			if i == 0 || !asciiLetter[tx.Norm[i-1]] {
				has = true
			}
		}
		if has != (keys&keySession != 0) {
			t.Errorf("%q (norm %q): holds session %v, keySession %v", s, tx.Norm, has, keys&keySession != 0)
		}
		if has {
			n++
		} else if c := appendSessionIDs(nil, tx.Norm, 0, 1); len(c) > 0 {
			t.Errorf("%q: a Session ID without keySession", s)
		}
	}
	for _, s := range labelledTextsAll(t) {
		check(s)
	}
	ls, _ := genCorpus(512 << 10)
	for i := range ls {
		check(ls[i].Title)
		check(ls[i].Description)
	}
	id := "05" + strings.Repeat("a1", 32)
	pieces := []string{" ", "session", "Session", "SESSION", "sessionid", "Session ID:", "session: ", "sеssion", "ѕession",
		"s e s s i o n", "ses sion", "&#115;ession", "Ｓｅｓｓｉｏｎ", "possession", "sessions", "s\u00adession", "se-ssion",
		id, "05ab...cd", "05ab…cd", "05", "0", "5", "é", "\n", ":", "-", ".", "Псeвдо", "ses", "sion", "ssion"}
	r := rand.New(rand.NewPCG(15, 2))
	for k := 0; k < 30000; k++ {
		var b strings.Builder
		for j := r.IntN(8); j >= 0; j-- {
			b.WriteString(pieces[r.IntN(len(pieces))])
			if r.IntN(2) == 0 {
				b.WriteByte(' ')
			}
		}
		check(b.String())
	}
	if n == 0 {
		t.Fatal("no text held session")
	}
}
