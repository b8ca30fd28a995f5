package matchers

import (
	"bytes"
	"strings"
	"testing"

	"github.com/precwatch/precwatch"
)

// purchaseLimitedRef is purchaseLimited as heldout56 wrote it: one search
// for each of the 26 perBuyer words.
func purchaseLimitedRef(fields []field) bool {
	for fi := range fields {
		f := &fields[fi]
		if f.name == precwatch.FieldSeller {
			continue
		}
		b := f.norm
		for _, p := range limitPhrases {
			for i := range occurrences(b, p) {
				if !bytes.HasSuffix(b[:i], []byte("不")) && !bytes.HasSuffix(b[:i], []byte("无")) && !bytes.HasSuffix(b[:i], []byte("無")) &&
					!bytes.HasSuffix(b[:i], []byte("no ")) && !bytes.HasSuffix(b[:i], []byte("without ")) {
					return true
				}
			}
		}
		for _, p := range perBuyer {
			for i := range occurrences(b, p) {
				if i > 0 && isAlnumByte(b[i-1]) || i+len(p) < len(b) && isAlnumByte(b[i+len(p)]) {
					continue
				}
				lo := max(i-40, 0)
				for _, c := range limitCues {
					j := bytes.LastIndex(b[lo:i], c)
					if j < 0 {
						continue
					}
					j += lo
					gap := bytes.TrimPrefix(b[j+len(c):i], []byte("."))
					if (j == 0 || !isAlnumByte(b[j-1])) && sameClause(gap) && !bytes.Contains(gap, []byte("sample")) && !bulkLimit(gap) &&
						!bytes.HasSuffix(b[:j], []byte("no ")) {
						return true
					}
				}
			}
		}
	}
	return false
}

// selfOverlaps reports whether a proper prefix of w is also its suffix:
// then a non-overlapping search skips occurrences of w.
func selfOverlaps(w []byte) bool {
	for k := 1; k < len(w); k++ {
		if bytes.HasPrefix(w, w[len(w)-k:]) {
			return true
		}
	}
	return false
}

// TestPurchaseLimitedSame: purchaseLimited searches the leads of the
// perBuyer words ("per ", "на ") and reads each word at their
// occurrences; on every labelled text, the corpus and random mixtures of
// the words, their leads and pieces, the limit cues, samples and clause
// breaks it answers what one search of each word answers.
func TestPurchaseLimitedSame(t *testing.T) {
	n := 0
	for _, g := range perBuyerGroups {
		if selfOverlaps(g.lead) {
			t.Fatalf("lead %q overlaps itself", g.lead)
		}
		for _, w := range g.words {
			if selfOverlaps(w) || !bytes.HasPrefix(w, g.lead) {
				t.Fatalf("word %q: overlaps itself or does not start with %q", w, g.lead)
			}
			n++
		}
	}
	if n != len(perBuyer) {
		t.Fatalf("%d words in the groups, %d in perBuyer", n, len(perBuyer))
	}
	parts := []string{"a", "x", "2", "packs", "sample", "free", ".", ",", ";", " - ", "no", "not", "super", "person", "kunde",
		"per", "pro", "na", "на", "je", "par", "por", "kisi", "musteri", "customer", "buyer", "per per", "perperson",
		"限", "不", "无", "without", "limited", "maximum", "максимум", "2шт", "é", "税"}
	for _, p := range limitPhrases {
		parts = append(parts, string(p))
	}
	for _, p := range perBuyer {
		parts = append(parts, string(p), string(p[:len(p)/2]))
	}
	for _, p := range limitCues {
		parts = append(parts, string(p))
	}
	texts := perf16Texts(t, parts, 60000, 20)
	found := 0
	for i, s := range texts {
		norm := []byte(strings.ToLower(s))
		fs := []field{{name: precwatch.FieldTitle, norm: norm}}
		if i%3 == 1 {
			fs = []field{{name: precwatch.FieldSeller, norm: norm}, {name: precwatch.FieldDescription, norm: norm[:len(norm)/2]}}
		}
		want := purchaseLimitedRef(fs)
		if got := purchaseLimited(fs); got != want {
			t.Fatalf("%q: purchaseLimited %v, want %v", s, got, want)
		}
		if want {
			found++
		}
	}
	if found < 1000 {
		t.Fatalf("only %d texts with a purchase limit: the mixtures miss the case", found)
	}
	t.Logf("%d of %d texts with a purchase limit", found, len(texts))
}
