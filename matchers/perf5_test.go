package matchers

import (
	"bytes"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// perf5Texts returns fixed texts and random ones built from pieces of CAS
// numbers, keywords and words.
func perf5Texts(seed uint64, n int) []string {
	texts := []string{"", "cas", "CAS No. 5449-12-7", "casno5449127", "bcasc", "case", "ca s", "c-as", "кас", "Кас 5449 12 7",
		"ка с", "nas", "kas", "phone case", "касса", "pmk glycidate", "c\u0430s", "xcas 5449127", "5cas 5449127",
		"cas: five four four nine - one two - seven", "5449 12 7", "CAS#28578-16-7", "ycas#28578 16 7"}
	r := rand.New(rand.NewPCG(seed, 5))
	pieces := []string{"c", "a", "s", "к", "а", "с", " ", "x", "1", "-", "ca", "as", "cas", "кас", "no", ".", "5449", "12", "7",
		"28578", "16", "five", "four", "nine", "one", "two", "seven", ":", "#", "5449127"}
	for i := 0; i < n; i++ {
		var b bytes.Buffer
		for k := r.IntN(14); k > 0; k-- {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	return texts
}

// TestCASKeyIn checks that the automaton's hits hold a CAS keyword exactly
// when the text holds "кас", or "cas" not right after an ASCII letter (the
// only places CAS reading takes it as a keyword: casWordEnds,
// appendLooseCAS), and that appendFieldCASKey, which uses that gate, finds
// what appendCAS finds.
func TestCASKeyIn(t *testing.T) {
	m := testMatcher(t)
	for _, s := range perf5Texts(5, 20000) {
		norm := Normalize(s).Norm
		raw := m.ac.scan(norm, nil)
		want := bytes.Contains(norm, casKeywordRu)
		for i := 0; i+3 <= len(norm) && !want; i++ {
			want = string(norm[i:i+3]) == "cas" && (i == 0 || !isASCIIAlpha(norm[i-1]))
		}
		if got := m.casKeyIn(raw); got != want {
			t.Errorf("casKeyIn(scan(%q)) = %v, want %v", norm, got, want)
		}
		if got, want := m.appendFieldCASKey(nil, norm, m.casKeyIn(raw), hyphenatedDigits(norm)), appendCAS(nil, norm); !slices.Equal(got, want) {
			t.Errorf("appendFieldCASKey(%q) = %v, want %v", norm, got, want)
		}
	}
}

// TestContainsStems checks that every contains word holds one of the
// stems containsBefore looks for first.
func TestContainsStems(t *testing.T) {
	for _, w := range containsWords {
		if !slices.ContainsFunc(containsStems, func(st []byte) bool { return bytes.Contains(w, st) }) {
			t.Errorf("contains word %q holds no stem of containsStems", w)
		}
	}
}

// refFindAt is findAt as it was before appendKeywords (session 7): one search
// for every occurrence of every keyword.
func refFindAt(text string, lower []byte, re *regexp.Regexp, kws []string) [][]string {
	var out [][]string
	for _, kw := range kws {
		for off := 0; off < len(lower); {
			i := bytes.Index(lower[off:], []byte(kw))
			if i < 0 {
				break
			}
			p := off + i
			off = p + len(kw)
			if p > 0 && isAlnumByte(lower[p-1]) {
				continue
			}
			if m := re.FindStringSubmatch(text[p:min(len(text), p+96)]); m != nil {
				out = append(out, m)
			}
		}
	}
	return out
}

// refFindShared is findShared as it was before appendKeywords.
func refFindShared(text string, lower []byte) [][]string {
	var out [][]string
	for _, kw := range kwShared {
		for off := 0; off < len(lower); {
			i := bytes.Index(lower[off:], []byte(kw))
			if i < 0 {
				break
			}
			p := off + i
			off = p + len(kw)
			if p > 0 && isAlnumByte(lower[p-1]) {
				continue
			}
			j := off
			for j < len(lower) && lower[j] == ' ' {
				j++
			}
			if j >= len(lower) {
				continue
			}
			switch c := lower[j]; {
			case c == '/' || c == '|' || c == ',' || c == '&' || c == '+':
			case bytes.HasPrefix(lower[j:], []byte("or ")) || bytes.HasPrefix(lower[j:], []byte("and ")):
			default:
				continue
			}
			if m := sharedRE.FindStringSubmatch(text[p:min(len(text), p+96)]); m != nil {
				out = append(out, m)
			}
		}
	}
	return out
}

// TestKeywordsNoBorder checks what findAt relies on: no keyword of
// findAt and findShared has a proper prefix that is also its suffix, so
// that two occurrences of one keyword never overlap.
func TestKeywordsNoBorder(t *testing.T) {
	for _, l := range [][]string{kwTme, kwTelegram, kwTelegramWords, kwWickr, kwWhatsApp, kwThreema, kwSignal, kwShared} {
		for _, kw := range l {
			for k := 1; k < len(kw); k++ {
				if kw[:k] == kw[len(kw)-k:] {
					t.Errorf("keyword %q: %q is a prefix and a suffix", kw, kw[:k])
				}
			}
		}
	}
}

// perf7Texts returns the benchmark corpus's titles and descriptions, the
// labelled listings' texts and random texts made of the messenger
// keywords (in several cases), handles, numbers and separators.
func perf7Texts(t *testing.T, n int) []string {
	var texts []string
	ls, _ := genCorpus(1 << 20)
	for _, l := range ls {
		texts = append(texts, l.Title, l.Description)
	}
	sets, _ := filepath.Glob(filepath.Join("..", "testdata", "*", "listings.jsonl"))
	for _, p := range sets {
		for _, h := range readLabelledSet(t, p) {
			texts = append(texts, h.Listing.Title, h.Listing.Description, h.Listing.Seller)
		}
	}
	var pieces []string
	for _, l := range [][]string{kwTme, kwTelegram, kwTelegramWords, kwWickr, kwWhatsApp, kwThreema, kwSignal} {
		for _, kw := range l {
			pieces = append(pieces, kw, strings.ToUpper(kw), kw[:len(kw)/2])
		}
	}
	pieces = append(pieces, " ", " ", ": ", "@", "@chem_king", "+44 7700 900123", "/", " or ", ", ", "x", "1", "ID 7XK4PQ2M",
		"me", "id", "-", ".", "ж", "т", "\n", "wa.me/447700900123", "?phone=", "t.me/", "chem_king", "tgtg", "signalsignal")
	r := rand.New(rand.NewPCG(7, 2026))
	for i := 0; i < n; i++ {
		var b strings.Builder
		for k := r.IntN(16); k > 0; k-- {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	return texts
}

// TestFindAtSame compares findAt and findShared, which take the keyword
// positions from one pass (appendKeywords), with refFindAt and refFindShared
// on the corpus, the labelled listings and random keyword texts.
func TestFindAtSame(t *testing.T) {
	calls := []struct {
		re  *regexp.Regexp
		kws []string
	}{{tmeRE, kwTme}, {telegramRE, kwTelegram}, {telegramWordsRE, kwTelegramWords}, {wickrRE, kwWickr},
		{whatsappRE, kwWhatsApp}, {threemaRE, kwThreema}, {threemaIDRE, kwThreema}, {signalRE, kwSignal}}
	found := 0
	for _, s := range perf7Texts(t, 30000) {
		lower := appendASCIILower(nil, s)
		hits := appendKeywords(nil, lower)
		for _, c := range calls {
			got, want := findAt(s, hits, c.re, c.kws), refFindAt(s, lower, c.re, c.kws)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("findAt(%q, %v) = %q, want %q", s, c.kws, got, want)
			}
			found += len(got)
		}
		if got, want := findShared(s, lower, hits), refFindShared(s, lower); !reflect.DeepEqual(got, want) {
			t.Fatalf("findShared(%q) = %q, want %q", s, got, want)
		}
	}
	if found < 1000 {
		t.Errorf("only %d handles found: the texts do not exercise findAt", found)
	}
}
