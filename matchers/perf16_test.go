package matchers

import (
	"bytes"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"

	"github.com/precwatch/precwatch"
)

// emptiedContentsRef is emptiedContents as heldout53 wrote it: one
// strings.Index search per phrase and the regexp on every offer field.
func emptiedContentsRef(fields []field) string {
	for i := range fields {
		f := &fields[i]
		if !f.offerField {
			continue
		}
		text := strings.ToLower(f.orig)
		for _, p := range emptiedPhrases {
			for off := 0; off < len(text); {
				k := strings.Index(text[off:], p)
				if k < 0 {
					break
				}
				k += off
				off = k + len(p)
				if !returnNear(text, k, off) {
					return p
				}
			}
		}
		for _, loc := range emptyContainer.FindAllStringIndex(text, 8) {
			if w := strings.Fields(text[loc[0]:loc[1]]); len(w) > 1 && !emptyVerbObjects[w[1]] && !returnNear(text, loc[0], loc[1]) {
				return text[loc[0]:loc[1]]
			}
		}
	}
	return ""
}

// perf16Texts are every labelled title and description, the benchmark
// corpus's, and n random mixtures of parts.
func perf16Texts(t *testing.T, parts []string, n int, seed uint64) []string {
	var texts []string
	sets, _ := filepath.Glob(filepath.Join("..", "testdata", "*", "listings.jsonl"))
	for _, path := range sets {
		for _, l := range readLabelledSet(t, path) {
			texts = append(texts, l.Title, l.Description)
		}
	}
	ls, _ := genCorpus(1 << 20)
	for _, l := range ls {
		texts = append(texts, l.Title, l.Description)
	}
	r := rand.New(rand.NewPCG(seed, 16))
	for range n {
		var b strings.Builder
		for k := r.IntN(12); k >= 0; k-- {
			b.WriteString(parts[r.IntN(len(parts))])
			if r.IntN(3) > 0 {
				b.WriteByte(' ')
			}
		}
		texts = append(texts, b.String())
	}
	return texts
}

// TestEmptiedContentsSame: emptiedContents skips a phrase whose byte pairs
// the field lacks and the regexp in a field without "empty"; on every
// labelled text, the corpus and random mixtures of the phrases, their
// pieces, container words, return words, capitals and other scripts it
// returns what the search of every phrase returns.
func TestEmptiedContentsSame(t *testing.T) {
	parts := []string{"empty", "Empty", "EMPTY", "bottle", "bottles", "jars", "vial", "the", "your", "return", "refill", "pfand",
		"Potassium permanganate", "chemicals", "were", "removed", "contents", "sold", "only", "glassware", "equipment",
		"Leere", "Flaschen", "sind", "leer", "flacons", "vides", "sin", "reactivos", "пустые", "бутылки", "без", "реактивов",
		"ПУСТЫЕ", "Chemikalien", "entfernt", "é", "ephedrine", "1 kg", ",", ".", "-", "empty-ish"}
	parts = append(parts, emptiedPhrases...)
	texts := perf16Texts(t, parts, 40000, 53)
	found := 0
	for i, s := range texts {
		fs := []field{{name: precwatch.FieldTitle, orig: s, offerField: true}}
		if i%2 == 1 {
			fs = append([]field{{name: precwatch.FieldSeller, orig: s}}, fields2(s)...)
		}
		want := emptiedContentsRef(fs)
		if got := emptiedContents(fs); got != want {
			t.Fatalf("%q: emptiedContents %q, want %q", s, got, want)
		}
		if want != "" {
			found++
		}
	}
	if found < 1000 {
		t.Fatalf("only %d texts with an emptied statement: the mixtures miss the case", found)
	}
}

func fields2(s string) []field {
	h := len(s) / 2
	return []field{{name: precwatch.FieldTitle, orig: s[:h], offerField: true}, {name: precwatch.FieldDescription, orig: s[h:], offerField: true}}
}

// TestPairSetHolds: a text's pairSet holds the pairSet of each of its
// substrings (the filter never drops a phrase that occurs).
func TestPairSetHolds(t *testing.T) {
	r := rand.New(rand.NewPCG(16, 1))
	alpha := []byte("abcdefghijklmnopqrstuvwxyz \xd0\xb1\xc3\xa9")
	for range 20000 {
		b := make([]byte, r.IntN(300))
		for i := range b {
			b[i] = alpha[r.IntN(len(alpha))]
		}
		s := string(b)
		var ps pairSet
		ps.addPairs(s)
		i := r.IntN(len(s) + 1)
		j := i + r.IntN(len(s)-i+1)
		var qs pairSet
		qs.addPairs(s[i:j])
		if !ps.holds(&qs) {
			t.Fatalf("%q does not hold its substring %q", s, s[i:j])
		}
	}
}

// TestToneHighFlag: Text.tone is set whenever Norm holds an ASCII letter,
// a digit 1 to 6 and a space, where firstToneDigit starts a run of
// tone-marked syllables (the tone-digit rescan is skipped otherwise): in
// a field that may hold non-ASCII bytes (Text.high) through toneHigh, in
// an ASCII field (whose Norm is its input lower-cased) through the ASCII
// digit cases, the fast path's now only for a single digit that ends its
// word. On every labelled text,
// the corpus and 60,000 random mixtures of the ways a letter and a digit
// reach Norm outside those cases (folds of fullwidth, Arabic-Indic,
// Devanagari, superscript, circled and mathematical digits; Cyrillic digit
// look-alikes; entities; spaced, dotted and element runs; a right-to-left
// override; a Latin letter in a Cyrillic word; leetspeak; tags), with one
// reused Text.
func TestToneHighFlag(t *testing.T) {
	parts := []string{"ma4", "wong4", "gaan2", "ma", "wong", "4", "2", "9", "0", "x0", "w0ng4", "l33t", "h3ll0", "ｍａ", "４", "ｍａ４",
		"٤", "४", "²", "①", "⑷", "𝟒", "𝐦𝐚", "\U0001D7D2", "б", "З", "О", "2305б-29-3", "12б", "&#52;", "&#x34;", "&eacute;", "&amp;",
		"ma&#52;", "&#109;&#97;", "m a 4", "m.a.4", "ｍ ａ ４", "K.Mn.O4", "M a 4", "\u202e4am\u202c", "\u202eam\u202c", "Эфедрин",
		"Псeвдоэфедрин", "aЭ", "Эa", "хa4", "é", "e\u0301", "€", "Ph€", "ma<b>4</b>", "ma<wbr>", "<i>", " ", "  ", ",", ".", "-", "\n",
		"é*2*p", "ｐ*2*ｐ", "п*2*п", "é*m*4", "é*m*a*4", "ｐ*ａ*４", "é.m.4", "纯棉", "麻黄碱", "ﾄﾞ", "ไลน์", "ა", "α4", "ß", "ﬁ", "ｶﾞ", "\u00a0", "\ufffd", "\xff", "🔥", "A", "Z4", "q1", "v6", "o7"}
	texts := perf16Texts(t, parts, 60000, 57)
	ascii := []string{"ma4", "wong4", "gaan2", "ma", "wong", "4", "2", "9", "0", "b12", "mp3s", "a1b", "x4y", "gao1.", "ma4,", "M4-",
		"MA4", "q1", "v6", "o7", " ", ",", ".", "-", "A", "Z4", "x0", "h3ll0"}
	texts = append(texts, perf16Texts(t, ascii, 20000, 58)...)
	tx := &Text{}
	highTone, asciiTone := 0, 0
	for _, s := range texts {
		tx.Reset(s)
		// Where a run of tone-marked syllables can start; in an ASCII
		// field only where the input, lower-cased, is Norm (every digit
		// and the letter before it passed the ASCII cases: entities,
		// element and spaced runs and leetspeak write digits the gate
		// has never looked at there, as before).
		if firstToneDigit(tx.Norm) >= 0 && (tx.high || string(tx.Norm) == strings.ToLower(s)) {
			if tx.high {
				highTone++
			} else {
				asciiTone++
			}
			if !tx.tone {
				t.Fatalf("%q (normalised %q): a letter, a digit 1 to 6 and a space, but no tone", s, tx.Norm)
			}
		}
	}
	if highTone < 1000 || asciiTone < 1000 {
		t.Fatalf("%d non-ASCII and %d ASCII fields with a tone digit: the mixtures miss the case",
			highTone, asciiTone)
	}
}

// countMultiplierRef is countMultiplier as heldout56 wrote it: every word
// tried in order.
func countMultiplierRef(b []byte) (float64, int) {
	if len(b) == 0 || b[0] != 'l' && b[0] != 'c' && b[0] < 0x80 {
		return 0, 0
	}
	for _, c := range countMultipliers {
		if n := len(c.word); len(b) >= n && string(b[:n]) == c.word && (c.word[0] >= 0x80 || n == len(b) || !isASCIIAlpha(b[n])) {
			return c.f, n
		}
	}
	return 0, 0
}

// placeholderAtRef is placeholderAt as heldout58 wrote it, without the
// first-byte test.
func placeholderAtRef(norm []byte, i int) (end int, name string, ok bool) {
	rest := norm[i:]
	for _, d := range placeholderDelims {
		if !bytes.HasPrefix(rest, []byte(d[0])) {
			continue
		}
		body := rest[len(d[0]):min(len(rest), maxPlaceholder)]
		k := bytes.Index(body, []byte(d[1]))
		if k <= 0 || bytes.IndexByte(body[:k], '\n') >= 0 {
			continue
		}
		inner := strings.TrimSpace(string(body[:k]))
		if d[0] == "%" && !fieldWord(inner) {
			continue
		}
		if inner == "" {
			continue
		}
		name = inner
		if j := strings.IndexAny(name, " |"); j >= 0 {
			name = name[:j]
		}
		if j := strings.LastIndexAny(name, ".:"); j >= 0 {
			name = name[j+1:]
		}
		return i + len(d[0]) + k + len(d[1]), name, true
	}
	return 0, "", false
}

// TestCountMultiplierSame: countMultiplier tries only the words that start
// with the first byte; at every offset of every labelled text, the corpus
// and random mixtures of the words, their prefixes and other bytes it
// returns what trying every word returns.
func TestCountMultiplierSame(t *testing.T) {
	if len(countMultipliers) > 16 {
		t.Fatalf("%d countMultipliers: countMultFirst holds 16", len(countMultipliers))
	}
	parts := []string{"l", "la", "lak", "c", "cr", "10", " ", "x", "kg", "片", "万", "萬", "만", "亿", "億", "ल", "ला", "\xe4", "\xe0\xa4", "s",
		"lakhsx", "crorez"}
	for _, c := range countMultipliers {
		parts = append(parts, c.word)
	}
	found := 0
	for _, s := range perf16Texts(t, parts, 20000, 56) {
		n := Normalize(s).Norm
		for _, b := range [][]byte{[]byte(s), n} {
			for i := range b {
				f, w := countMultiplier(b[i:])
				rf, rw := countMultiplierRef(b[i:])
				if f != rf || w != rw {
					t.Fatalf("%q at %d: countMultiplier %v, %d; want %v, %d", b, i, f, w, rf, rw)
				}
				if w > 0 {
					found++
				}
			}
		}
	}
	if found < 1000 {
		t.Fatalf("only %d multipliers found: the mixtures miss the case", found)
	}
}

// TestPlaceholderAtSame: placeholderAt returns at once where no opening
// delimiter's first byte stands; at every offset of every labelled text,
// the corpus and random mixtures of merge tags and their pieces it returns
// what trying every delimiter returns.
func TestPlaceholderAtSame(t *testing.T) {
	parts := []string{"Hi", "*|FNAME|*", "{{first_name}}", "{% if x %}", "%%Name%%", "[[name]]", "${name}", "%FIRSTNAME%", "57%", "10%",
		"*|", "|*", "{{", "}}", "%", "$", "[", "{", "*", "\n", "contact.first_name | default: 'there'", "é"}
	found := 0
	for _, s := range perf16Texts(t, parts, 20000, 58) {
		n := Normalize(s).Norm
		for _, b := range [][]byte{[]byte(s), n} {
			for i := 0; i <= len(b); i++ {
				e, name, ok := placeholderAt(b, i)
				re, rname, rok := placeholderAtRef(b, i)
				if e != re || name != rname || ok != rok {
					t.Fatalf("%q at %d: placeholderAt %d, %q, %v; want %d, %q, %v", b, i, e, name, ok, re, rname, rok)
				}
				if ok {
					found++
				}
			}
		}
	}
	if found < 1000 {
		t.Fatalf("only %d placeholders found: the mixtures miss the case", found)
	}
}
