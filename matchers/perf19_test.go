package matchers

import (
	"encoding/json"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// TestWickrAtSame checks wickrAt against wickrRE.FindStringSubmatch on
// windows that start with "wickr" in any case, then a colon (or another
// mark, a space, a label word), spaces of every \s kind and others ('\v',
// NBSP), an optional '@', and handles of 0 to 40 bytes mixing letters,
// digits, '_', '.', '-', 'ſ', the Kelvin sign, other non-ASCII letters
// and stops; cut at random lengths as findAt's 96-byte window cuts them.
// Also every window findWickr reads in the labelled listings. It fails
// when the handle's 3- or 32-byte bound is off by one, when a space kind
// is missed or added, or when a byte from 0x80 on is not left to the
// regexp.
func TestWickrAtSame(t *testing.T) {
	r := rand.New(rand.NewPCG(19, 1))
	heads := []string{"wickr", "Wickr", "WICKR", "wIcKr", "wicKr", "wickR"}
	marks := []string{":", ":", ":", "：", "@", "-", " ", " - ", " id:", "-me:", "id", ""}
	spaces := []string{"", "", " ", "  ", "\t", "\n", "\f", "\r", "\v", "\u00a0", " \t "}
	hchars := []string{"a", "Z", "k", "9", "_", ".", "-", "ſ", "\u212a", "é", "@", " ", ",", ":", "!", "x", "0"}
	var b strings.Builder
	for k := 0; k < 300000; k++ {
		b.Reset()
		b.WriteString(heads[r.IntN(len(heads))])
		b.WriteString(marks[r.IntN(len(marks))])
		b.WriteString(spaces[r.IntN(len(spaces))])
		if r.IntN(4) == 0 {
			b.WriteString("@")
		}
		n := r.IntN(41)
		for range n {
			if r.IntN(6) == 0 {
				b.WriteString(hchars[r.IntN(len(hchars))])
			} else {
				b.WriteString(hchars[r.IntN(7)]) // handle bytes mostly
			}
		}
		if r.IntN(2) == 0 {
			b.WriteString(" more text after the handle")
		}
		w := b.String()
		if r.IntN(3) == 0 {
			w = w[:r.IntN(len(w)+1)]
		}
		got, want := wickrAt(w), wickrRE.FindStringSubmatch(w)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("wickrAt(%q) = %q, want %q", w, got, want)
		}
	}
	// Every window of the labelled listings.
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "*", "listings.jsonl"))
	seen := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		s := string(data)
		low := strings.ToLower(s)
		for i := strings.Index(low, "wickr"); i >= 0; {
			w := s[i:min(len(s), i+96)]
			got, want := wickrAt(w), wickrRE.FindStringSubmatch(w)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%s: wickrAt(%q) = %q, want %q", f, w, got, want)
			}
			seen++
			k := strings.Index(low[i+1:], "wickr")
			if k < 0 {
				break
			}
			i += 1 + k
		}
	}
	if seen == 0 {
		t.Fatal("no labelled window holds wickr")
	}
}

// TestRiskLineSame checks riskLine against strconv.Quote on 300,000
// random texts of printable ASCII, quotes, backslashes, control bytes,
// DEL, printable runes of several scripts, runes Quote escapes (the soft
// hyphen, zero-width and line separators, private use, unassigned, a BOM),
// U+FFFD written out, invalid and cut UTF-8 sequences, and on every
// labelled listing's title and description. It fails when printableQuoted
// lets a non-printable rune, an invalid byte, DEL, a quote or a backslash
// through.
func TestRiskLineSame(t *testing.T) {
	r := rand.New(rand.NewPCG(19, 2))
	parts := []string{"a", "Z", " ", "9", "-", "%", "\"", "\\", "\t", "\n", "\x00", "\x7f", "é", "ß", "Ж", "税", "한", "₿", "—",
		"\u00ad", "\u200b", "\u2028", "\ue000", "\u0378", "\ufeff", "\ufffd", "\xff", "\xe2\x82", "\xc3", "\xed\xa0\x80", "\U0001F48A", "\U000E0001"}
	var b strings.Builder
	check := func(text string) {
		t.Helper()
		want := "risk indicator " + IndStealth + " (" + strconv.Quote(text) + ") +0.15"
		if got := riskLine(IndStealth, text); got != want {
			t.Fatalf("riskLine(%q) = %q, want %q", text, got, want)
		}
	}
	for k := 0; k < 300000; k++ {
		b.Reset()
		for n := r.IntN(12); n > 0; n-- {
			if r.IntN(3) == 0 {
				b.WriteString(parts[r.IntN(len(parts))])
			} else {
				b.WriteString(parts[r.IntN(14)])
			}
		}
		check(b.String())
	}
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "*", "listings.jsonl"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(data), "\n") {
			var l struct{ Title, Description string }
			if json.Unmarshal([]byte(line), &l) == nil {
				check(l.Title)
				check(l.Description)
			}
		}
	}
}

// markFreeRef is appendObservables' gate after the dot as it was: seven
// searches.
func markFreeRef(text string) bool {
	return !strings.ContainsAny(text, "@+:/])") && !strings.Contains(text, "00") && !strings.Contains(text, "＠") && !hasDotWord(text) &&
		!strings.Contains(text, "ickr") && !strings.Contains(text, "ICKR") && !hasCyrillicAt(text)
}

// TestMarkFreeSame checks markFree against markFreeRef on 300,000 random
// mixtures of every mark, their pieces and near misses ("0", "do", " dOT ",
// "ick", "ICK", "iCKR", "\xef\xbc", "б", "ба", "оба", a lone 0xB1), words
// and brackets, at both ends; and on every labelled title and description.
// It fails when any of markStart's bytes is dropped or a test of the byte
// after it is too strict.
func TestMarkFreeSame(t *testing.T) {
	r := rand.New(rand.NewPCG(19, 3))
	parts := []string{"a", "x", " ", "(", "[", "{", "}", "]", ")", "@", "+", ":", "/", "0", "00", "1", "＠", "\xef\xbc", "\xef",
		"dot", "Dot", "DOT", "dOt", "do", "Do", "DO", "d", "D", "ot", "OT", " dot ", "(dot)", "[DOT]", "{Dot}",
		"ickr", "ICKR", "iCKR", "Ickr", "ick", "ICK", "i", "I", "ckr", "CKR", "w", "W",
		"соба", "б", "ба", "оба", "со", "\xb1", "\xb1\xd0\xb0", "собака", "Соба", "é", "税"}
	var b strings.Builder
	check := func(text string) {
		t.Helper()
		if got, want := markFree(text), markFreeRef(text); got != want {
			t.Fatalf("markFree(%q) = %v, want %v", text, got, want)
		}
	}
	for k := 0; k < 300000; k++ {
		b.Reset()
		for n := r.IntN(10); n > 0; n-- {
			if r.IntN(4) == 0 {
				b.WriteString(parts[r.IntN(len(parts))])
			} else {
				b.WriteString(parts[r.IntN(3)])
			}
		}
		check(b.String())
	}
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "*", "listings.jsonl"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(data), "\n") {
			var l struct{ Title, Description string }
			if json.Unmarshal([]byte(line), &l) == nil {
				check(l.Title)
				check(l.Description)
			}
		}
	}
}
