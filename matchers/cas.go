package matchers

import (
	"bytes"
	"encoding/binary"
	"math/bits"
	"slices"
	"strings"
)

// ValidCAS reports whether s is a CAS Registry Number in canonical form
// (2-7 digits, 2 digits, check digit, joined by hyphens) whose check digit is
// right.
func ValidCAS(s string) bool {
	if len(s) < 7 || len(s) > 12 || s[len(s)-2] != '-' || s[len(s)-5] != '-' {
		return false
	}
	digits := make([]byte, 0, 10)
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			digits = append(digits, c)
		case c == '-' && (i == len(s)-2 || i == len(s)-5):
		default:
			return false
		}
	}
	return casCheck(digits)
}

// casCheck reports whether the last digit of digits (all '0'-'9') is the
// CAS check digit of the others: the sum of each digit times its position
// from the right, modulo 10.
func casCheck(digits []byte) bool {
	n := len(digits)
	if n < 5 || n > 10 {
		return false
	}
	sum := 0
	for i := 0; i < n-1; i++ {
		sum += int(digits[i]-'0') * (n - 1 - i)
	}
	return sum%10 == int(digits[n-1]-'0')
}

// CASMention is a CAS number found in normalised text.
type CASMention struct {
	CAS        string // canonical form, e.g. "5449-12-7"
	Start, End int    // offsets into the text it was found in
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// FindCAS returns the CAS numbers in normalised text (ASCII digits, dashes
// unified to '-', lower case) whose check digit is right. The hyphenated form
// NNNNN-NN-N counts anywhere; spaced ("28578 16 7") and unseparated
// ("28578167") forms count only right after a "CAS" keyword.
func FindCAS(text []byte) []CASMention {
	return appendCAS(nil, text)
}

func appendCAS(out []CASMention, text []byte) []CASMention {
	if !casPossible(text) {
		return out
	}
	return appendCASNumbers(out, text)
}

// appendFieldCASKey is appendCAS for a field the automaton has scanned:
// its hits hold every occurrence of the CAS keywords, and casKey tells
// whether one is among them (Match looks at every raw hit once);
// digitHyphen is hyphenatedDigits(text), which appendJoinedHits finds on
// its way. The gate then searches the text only for dotted and spaced digits.
func (m *Matcher) appendFieldCASKey(out []CASMention, text []byte, casKey, digitHyphen bool) []CASMention {
	return m.appendFieldCASKeySpaced(out, text, casKey, digitHyphen, hasSpacedHyphen(text), true)
}

// appendFieldCASKeySpaced is appendFieldCASKey for a caller that has
// looked for " - " in text already (spaced: hasSpacedHyphen(text)); Match
// shares that search of the whole field with appendSpacedHyphenHits. With
// dots false text holds no dot (Text.sepsHeld), so no dotted CAS number.
func (m *Matcher) appendFieldCASKeySpaced(out []CASMention, text []byte, casKey, digitHyphen, spaced, dots bool) []CASMention {
	if !casKey && !digitHyphen && !(dots && dottedCASShape(text)) && !(spaced && spacedCASAt(text, 0) >= 0) {
		return out
	}
	return appendCASNumbers(out, text)
}

// appendCASNumbers appends the CAS numbers of text (the body of appendCAS
// after its gate).
func appendCASNumbers(out []CASMention, text []byte) []CASMention {
	first := len(out)
	n := len(text)
	for i := 0; i < n; i++ {
		if !isDigit(text[i]) {
			if i = nextDigit(text, i); i >= n {
				break
			}
		}
		// A number must start at a boundary: not after a digit, a letter or
		// a digit-hyphen.
		if i > 0 {
			p := text[i-1]
			// A CAS keyword glued to the number ("CAS5449-12-7",
			// "CASNo5449-12-7") is a boundary too.
			if isDigit(p) || isASCIIAlpha(p) && !casKeywordBefore(text, i) || p == '.' && i > 1 && isDigit(text[i-2]) ||
				p == '-' && i > 1 && isDigit(text[i-2]) {
				for i+1 < n && isDigit(text[i+1]) {
					i++
				}
				continue
			}
		}
		m, end, ok := parseCASAt(text, i)
		if ok {
			out = append(out, CASMention{CAS: m, Start: i, End: end})
			i = end - 1
			continue
		}
		for i+1 < n && isDigit(text[i+1]) {
			i++
		}
	}
	return appendSpacedCAS(appendLooseCAS(out, first, text), first, text)
}

// appendLooseCAS adds the CAS numbers written to slip past a filter right
// after a CAS keyword, which the strict forms miss: digits spelled as words
// ("five four four nine - one two - seven"), a letter o or l for a digit
// ("5449-l2-7", "1O3-79-7"), digits spaced, dotted or bracketed one by one
// or in groups ("5 4 4 9 - 1 2 - 7", "[5449]-[12]-[7]", "(13605)(48)(6)",
// "4.6.7.6-3.9-5"), underscores for hyphens. The number is read as groups
// split by one kind of separator (hyphen, slash, underscore, bracket or
// space) and counts when they are 2-7, 2 and 1 digits with the right
// check digit. Texts without the keyword pay one search for it.
func appendLooseCAS(out []CASMention, first int, text []byte) []CASMention {
	base := len(out)
	for from := 0; from < len(text); {
		k := bytes.Index(text[from:], casKeyword)
		if k < 0 {
			break
		}
		k += from
		from = k + 3
		if k > 0 && isASCIIAlpha(text[k-1]) || from < len(text) && isASCIIAlpha(text[from]) && !hasPrefixAt(text, from, "no") && !hasPrefixAt(text, from, "nr") {
			continue
		}
		// A number the strict forms read in groups right after the
		// keyword (nearly always) needs no second reading; an
		// unseparated one ("13605" of "(13605)(48)(6)") may be part of a
		// longer loose one.
		strict := false
		for _, m := range out[first:base] {
			if m.Start >= from && m.Start <= from+16 && bytes.IndexAny(text[m.Start:m.End], "- ./") >= 0 {
				strict = true
				break
			}
		}
		if strict {
			continue
		}
		cas, s, e, ok := looseCASAt(text, from)
		if !ok {
			continue
		}
		dup := false
		for x := first; x < len(out); x++ {
			if m := out[x]; m.Start < e && s < m.End {
				// A shorter strict reading inside the loose one ("13605"
				// of "(13605)(48)(6)") gives way to it.
				if m.Start >= s && m.End < e {
					out[x] = CASMention{CAS: cas, Start: s, End: e}
				}
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, CASMention{CAS: cas, Start: s, End: e})
		}
		from = e
	}
	if len(out) > base+1 || len(out) > base && base > first {
		slices.SortFunc(out[first:], func(a, b CASMention) int { return a.Start - b.Start })
	}
	return out
}

func hasPrefixAt(text []byte, i int, p string) bool {
	return len(text)-i >= len(p) && string(text[i:i+len(p)]) == p
}

// spelledDigits are the digit words appendLooseCAS reads (folded: en, fr,
// de, es, it, pt, nl); the digit is the index modulo 10.
var spelledDigits = []string{
	"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
	"zero", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf",
	"null", "eins", "zwei", "drei", "vier", "funf", "sechs", "sieben", "acht", "neun",
	"cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve",
	"zero", "uno", "due", "tre", "quattro", "cinque", "sei", "sette", "otto", "nove",
	"zero", "um", "dois", "tres", "quatro", "cinco", "seis", "sete", "oito", "nove",
	"nul", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen",
}

// spelledHyphens are the words for a hyphen looseCASAt reads between digit
// words (folded: en, fr, de, es, it, pt, nl).
var spelledHyphens = []string{"dash", "hyphen", "minus", "tiret", "bindestrich", "strich", "guion", "trattino", "hifen", "streepje"}

// spelledHyphenAt returns the length of the hyphen word at text[j], or 0.
func spelledHyphenAt(text []byte, j int) int {
	for _, w := range spelledHyphens {
		if hasPrefixAt(text, j, w) && (j+len(w) >= len(text) || !isASCIIAlpha(text[j+len(w)])) {
			return len(w)
		}
	}
	return 0
}

// looseCASAt reads the number after a CAS keyword ending at text[i]: the
// label ("no.", "number", "#", ':'), then at most 64 bytes of digits, digit
// words, letters o, l and i inside digit groups, and separators (hyphens
// spelled out among them). It returns
// the number and its span.
func looseCASAt(text []byte, i int) (string, int, int, bool) {
	n := len(text)
	i = skipCASLabel(text, i)
	// digits[x] is the x-th digit, seps[x] the strongest separator before
	// it (0 none; a hyphen, slash, underscore or opening bracket wins over
	// a space or dot), ends[x] the end of its item.
	var digits, seps [16]byte
	var ends [16]int
	nd, start := 0, -1
	for j := i; j < min(n, i+64) && nd < len(digits); {
		c := text[j]
		d, w := byte(0), 1
		switch {
		case isDigit(c):
			d = c
		case c == 'o' || c == 'l' || c == 'i':
			// Next to a digit, or to a group hyphen ("12o-57-o").
			if j > 0 && (isDigit(text[j-1]) || text[j-1] == '-' && nd > 0) || j+1 < n && isDigit(text[j+1]) {
				d = '1'
				if c == 'o' {
					d = '0'
				}
			}
		case c == '-' || c == '/' || c == '_' || c == '(' || c == '[':
			if nd > 0 && (seps[nd] == 0 || seps[nd] == ' ' || seps[nd] == '.') {
				seps[nd] = c
				if c == '[' {
					seps[nd] = '('
				}
			}
			j++
			continue
		case c == ')' || c == ']':
			j++
			continue
		case c == ' ' || c == '.' || c == '\n':
			if nd > 0 && seps[nd] == 0 {
				seps[nd] = ' '
				if c == '.' {
					seps[nd] = '.'
				}
			}
			j++
			continue
		}
		if d == 0 && isASCIIAlpha(c) {
			for v, word := range spelledDigits {
				if hasPrefixAt(text, j, word) && (j+len(word) >= n || !isASCIIAlpha(text[j+len(word)])) {
					d, w = byte('0'+v%10), len(word)
					break
				}
			}
		}
		if d == 0 && nd > 0 && isASCIIAlpha(c) {
			// A hyphen spelled out between digit words ("five four four
			// nine dash one two dash seven", heldout70 yn0030).
			if w := spelledHyphenAt(text, j); w > 0 {
				if seps[nd] == 0 || seps[nd] == ' ' || seps[nd] == '.' {
					seps[nd] = '-'
				}
				j += w
				continue
			}
		}
		if d == 0 {
			break
		}
		if start < 0 {
			start = j
		}
		digits[nd] = d
		j += w
		ends[nd] = j
		nd++
		if nd < len(seps) {
			seps[nd] = 0
		}
	}
	if nd < 5 {
		return "", 0, 0, false
	}
	// Each separator kind in turn as the group boundary: two groups of
	// 2-7 and 2 digits (other separators allowed inside them), then one
	// check digit that any separator, or the end, closes.
	for _, k := range []byte{'-', '/', '_', '(', ' ', '.'} {
		g, size := 0, 1
		var sizes [2]int
		m := 0
		for x := 1; x <= nd; x++ {
			if g == 2 {
				if size == 1 && (x == nd || seps[x] != 0) {
					m = x
				}
				break
			}
			if x == nd {
				break
			}
			if seps[x] == k {
				sizes[g] = size
				g++
				size = 0
			}
			size++
		}
		if m == 0 || sizes[0] < 2 || sizes[0] > 7 || sizes[1] != 2 || !casCheck(digits[:m]) {
			continue
		}
		return canonicalCAS(digits[:m]), start, ends[m-1], true
	}
	return "", 0, 0, false
}

// skipCASLabel skips the label after a CAS keyword ending at text[i]
// ("no.", "number", "#", ':') and returns where the number may start.
func skipCASLabel(text []byte, i int) int {
	n := len(text)
	for j := 0; j < 3 && i < n; j++ {
		for i < n && (text[i] == ' ' || text[i] == ':' || text[i] == '#' || text[i] == '.' || text[i] == '=' || text[i] == '-') {
			i++
		}
		// Every label word starts with n or r: most numbers follow the
		// keyword with a space or a colon and no word.
		if i >= n || text[i] != 'n' && text[i] != 'r' {
			continue
		}
		for _, w := range casLabelWords {
			if hasPrefixAt(text, i, w) && (i+len(w) >= n || !isASCIIAlpha(text[i+len(w)])) {
				i += len(w)
				break
			}
		}
	}
	return i
}

// casLabelWords are the words between a CAS keyword and its number that
// skipCASLabel skips ("CAS number", "CAS No.", "CAS-Nr.", "CAS RN").
var casLabelWords = []string{"number", "no", "nr", "rn", "n°", "nº"}

// checklessCASAt reads a number after a CAS keyword ending at text[i]
// written without its check digit: the label, then two groups of 2-7 and 2
// digits, each closed by a hyphen, and no digit, letter or hyphen right
// after ("cas 4676-39-"). It returns the digits (in buf), the number's span
// and the check digit they call for.
func checklessCASAt(buf []byte, text []byte, i int) ([]byte, int, int, byte, bool) {
	n := len(text)
	i = skipCASLabel(text, i)
	j := i
	for j < n && isDigit(text[j]) {
		j++
	}
	if j-i < 2 || j-i > 7 || j >= n || text[j] != '-' {
		return nil, 0, 0, 0, false
	}
	g := j + 1
	for g < n && isDigit(text[g]) {
		g++
	}
	if g-j-1 != 2 || g >= n || text[g] != '-' {
		return nil, 0, 0, 0, false
	}
	e := g + 1
	if e < n && (isDigit(text[e]) || isASCIIAlpha(text[e]) || text[e] == '-' || text[e] == ' ' && e+1 < n && isDigit(text[e+1])) {
		return nil, 0, 0, 0, false
	}
	d := append(append(buf[:0], text[i:j]...), text[j+1:g]...)
	sum := 0
	for x, c := range d {
		sum += int(c-'0') * (len(d) - x)
	}
	return d, i, e, byte('0' + sum%10), true
}

// digitCues are the words with which a seller gives the check digit left off
// a CAS number ("(last digit is 5, forum eats it)"), folded.
var digitCues = []string{"last digit", "check digit", "final digit", "last number", "ends in", "ends with",
	"letzte ziffer", "dernier chiffre", "ultimo digito", "ultima cifra", "ultimo numero", "laatste cijfer", "ostatnia cyfra",
	"последняя цифра", "最后一位"}

// statedDigit looks in the first bytes of text for a cue that gives a
// digit ("last digit is 5", "check digit: five") and returns the digit and
// the end of the statement.
func statedDigit(text []byte) (byte, int, bool) {
	w := text[:min(len(text), 48)]
	for _, cue := range digitCues {
		k := bytes.Index(w, []byte(cue))
		if k < 0 {
			continue
		}
		i := k + len(cue)
		for _, skip := range []string{" is", " was", " =", ":", " -"} {
			if hasPrefixAt(text, i, skip) {
				i += len(skip)
				break
			}
		}
		for i < len(text) && (text[i] == ' ' || text[i] == ':') {
			i++
		}
		if i < len(text) && isDigit(text[i]) && (i+1 >= len(text) || !isDigit(text[i+1])) {
			return text[i], i + 1, true
		}
		for v, word := range spelledDigits[:10] {
			if hasPrefixAt(text, i, word) && (i+len(word) >= len(text) || !isASCIIAlpha(text[i+len(word)])) {
				return byte('0' + v), i + len(word), true
			}
		}
	}
	return 0, 0, false
}

// appendChecklessCAS adds to out (the CAS numbers of text from index first
// on) the numbers written after a CAS keyword without their check digit
// whose digit the text gives in words right after ("CAS 4676-39- (last
// digit is 5)"): the number is then whole. A stated digit that is no
// check digit makes no number; without a stated digit the number is
// incomplete ("Oil CAS 28578-16-? 1 L", heldout19 e0048) and names
// nothing.
func appendChecklessCAS(out []CASMention, first int, text []byte) []CASMention {
	for from := 0; from < len(text); {
		k := bytes.Index(text[from:], casKeyword)
		if k < 0 {
			break
		}
		k += from
		from = k + 3
		if k > 0 && isASCIIAlpha(text[k-1]) {
			continue
		}
		var buf [10]byte
		d, s, e, check, ok := checklessCASAt(buf[:0], text, from)
		if !ok {
			continue
		}
		from = e
		got, se, ok := statedDigit(text[e:])
		if !ok || got != check {
			continue
		}
		if !overlapsMention(out[first:], s, e) {
			out = append(out, CASMention{CAS: canonicalCAS(append(d, check)), Start: s, End: e + se})
			slices.SortFunc(out[first:], func(a, b CASMention) int { return a.Start - b.Start })
		}
	}
	return out
}

// appendCutChecklessCAS adds to the CAS numbers of a description (from
// index lo of out) one that the title ends with, after a CAS keyword and
// without its check digit, when the description starts by giving that
// digit ("Yellow oil item #3 — CAS 4676-39-" | "(last digit is 5, forum
// eats it)", heldout45 zn0089). The number spans the statement in the
// description.
func appendCutChecklessCAS(out []CASMention, lo int, title, desc []byte) []CASMention {
	t := bytes.TrimRight(title, " ")
	if len(t) < 7 || t[len(t)-1] != '-' || !isDigit(t[len(t)-2]) {
		return out
	}
	tail := t[max(0, len(t)-40):]
	k := bytes.LastIndex(tail, casKeyword)
	if k < 0 || k > 0 && isASCIIAlpha(tail[k-1]) {
		return out
	}
	var buf [10]byte
	d, _, e, check, ok := checklessCASAt(buf[:0], tail, k+3)
	if !ok || e != len(tail) {
		return out
	}
	head := desc[:min(len(desc), 24)]
	ds := 0
	for ds < len(head) && (head[ds] == ' ' || head[ds] == '(' || head[ds] == '[') {
		ds++
	}
	got, se, ok := statedDigit(desc[ds:])
	if !ok || got != check || bytes.IndexAny(desc[ds:ds+se], ".;!?") >= 0 {
		return out
	}
	return slices.Insert(out, lo, CASMention{CAS: canonicalCAS(append(d, check)), Start: ds, End: ds + se})
}

func isASCIIAlpha(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// parseCASAt parses a CAS number starting at text[i] (a digit).
func parseCASAt(text []byte, i int) (string, int, bool) {
	n := len(text)
	j := i
	for j < n && isDigit(text[j]) {
		j++
	}
	run := j - i
	var digits [10]byte
	// Unseparated form after a keyword.
	if run >= 5 && run <= 10 && !continues(text, j) {
		// The check digit first: it is cheaper than looking for the
		// keyword and rules out nine numbers in ten.
		copy(digits[:], text[i:j])
		if casCheck(digits[:run]) && casKeywordBefore(text, i) {
			return canonicalCAS(digits[:run]), j, true
		}
	}
	if run < 2 || run > 7 {
		return "", 0, false
	}
	if j < n && (text[j] == '.' || text[j] == '/') {
		return dottedCASAt(text, i, j)
	}
	strict := true
	k, ok, sp := casSep(text, j)
	if !ok {
		return "", 0, false
	}
	strict = strict && !sp
	if k+2 > n || !isDigit(text[k]) || !isDigit(text[k+1]) || k+2 < n && isDigit(text[k+2]) {
		return "", 0, false
	}
	k2, ok, sp := casSep(text, k+2)
	if !ok {
		return "", 0, false
	}
	strict = strict && !sp
	if k2 >= n || !isDigit(text[k2]) || continues(text, k2+1) {
		return "", 0, false
	}
	nd := copy(digits[:], text[i:j])
	digits[nd] = text[k]
	digits[nd+1] = text[k+1]
	digits[nd+2] = text[k2]
	if !casCheck(digits[:nd+3]) || !strict && !casKeywordBefore(text, i) {
		return "", 0, false
	}
	return canonicalCAS(digits[:nd+3]), k2 + 1, true
}

// dottedCASAt parses a CAS number whose groups are separated by dots or
// slashes ("103.79.7", "5449/12/7"): text[i:j] is the first group and
// text[j] the separator, which must be the same both times. Slashes only
// right after a CAS keyword, so that dates stay out; dots without it too
// when the check digit is right and the number is no year and month
// ("Item 5449.12.7"; not "2018.12.1", "version 103.79.7"): the caller has ruled out a longer
// dotted number before it, continues one after it.
func dottedCASAt(text []byte, i, j int) (string, int, bool) {
	sep, k := text[j], j+1
	if k+4 > len(text) || !isDigit(text[k]) || !isDigit(text[k+1]) || text[k+2] != sep || !isDigit(text[k+3]) ||
		continues(text, k+4) {
		return "", 0, false
	}
	var digits [10]byte
	nd := copy(digits[:], text[i:j])
	digits[nd], digits[nd+1], digits[nd+2] = text[k], text[k+1], text[k+3]
	if !casCheck(digits[:nd+3]) || !casKeywordBefore(text, i) && (sep != '.' || dateLike(text[i:j], text[k:k+2]) || versionBefore(text, i)) {
		return "", 0, false
	}
	return canonicalCAS(digits[:nd+3]), k + 4, true
}

// casLabelBefore reports whether a CAS keyword ("cas", "cas-", "cas#")
// ends right before text[i]: a "no" there is the label of "CAS no", not a
// negation.
func casLabelBefore(text []byte, i int) bool {
	j := i
	for j > 0 && i-j < 2 && (text[j-1] == ' ' || text[j-1] == '-' || text[j-1] == '#' || text[j-1] == '.') {
		j--
	}
	return casWordEnds(text, j)
}

// casWordEnds reports whether the word "cas" (or "кас") ends at text[j],
// starting at a word boundary.
func casWordEnds(text []byte, j int) bool {
	for _, w := range []string{"cas", "кас"} {
		if j >= len(w) && string(text[j-len(w):j]) == w {
			return j-len(w) == 0 || !isASCIIAlpha(text[j-len(w)-1])
		}
	}
	return false
}

// continues reports whether a number goes on at text[j]: another digit, a
// letter, or a hyphen or dot followed by a digit.
func continues(text []byte, j int) bool {
	if j >= len(text) {
		return false
	}
	c := text[j]
	if isDigit(c) || isASCIIAlpha(c) {
		return true
	}
	return (c == '-' || c == '.' || c == ',') && j+1 < len(text) && isDigit(text[j+1])
}

// casSep skips a separator between CAS groups at text[j]: a hyphen, a space,
// or a hyphen with spaces (or a line break) around it. spaced reports a separator other than a
// bare hyphen.
func casSep(text []byte, j int) (next int, ok, spaced bool) {
	n := len(text)
	k := j
	for k < n && text[k] == ' ' && k-j < 2 {
		k++
	}
	if k < n && text[k] == '-' {
		k++
		sp := k-1 != j
		s := k
		// A line break after the hyphen ("4468-⏎48-8": a number wrapped
		// in a specification sheet) counts as a space.
		for k < n && (text[k] == ' ' || text[k] == '\n') && k-s < 2 {
			k++
		}
		return k, true, sp || k != s
	}
	if k > j {
		return k, true, true
	}
	return j, false, false
}

func canonicalCAS(d []byte) string {
	n := len(d)
	var buf [16]byte // at most 10 digits and two hyphens: no allocation but the string's
	b := buf[:0]
	b = append(b, d[:n-3]...)
	b = append(b, '-', d[n-3], d[n-2], '-', d[n-1])
	return string(b)
}

// casKeywordBefore reports whether a CAS keyword ("cas", "cas no.", "cas#",
// "cas-nr", "cas rn", "cas number", "cas号") ends just before text[i].
func casKeywordBefore(text []byte, i int) bool {
	j := i
	skip := func() {
		for j > 0 && j > i-12 {
			switch text[j-1] {
			case ' ', ':', '#', '.', '-', '=', '(', '[', '/', '\t', '\n':
				j--
				continue
			}
			break
		}
	}
	skip()
	for _, w := range []string{"number", "no", "nr", "rn", "num", "n°", "n", "号", "番号", "номер", "nº"} {
		if j >= len(w) && string(text[j-len(w):j]) == w && (j-len(w) == 0 || !isASCIIAlpha(text[j-len(w)-1]) || w == "号" || w == "番号" ||
			casWordEnds(text, j-len(w))) {
			j -= len(w)
			skip()
			break
		}
	}
	return casWordEnds(text, j)
}

// casPossible reports whether text can hold a CAS mention at all: one
// without a keyword is hyphenated with no spaces ("5449-12-7", so a digit,
// '-' and a digit in a row), and the spaced and unseparated forms need the
// keyword "cas" or "кас" before them. Most fields have neither, and this
// is cheaper than looking at every number.
func casPossible(text []byte) bool {
	return hyphenatedDigits(text) || bytes.Contains(text, casKeyword) || bytes.Contains(text, casKeywordRu) || dottedCASShape(text) ||
		spacedCASShape(text)
}

// spacedCASShape reports whether text holds a digit, a hyphen with a space
// on either side and a digit, ("6 - 2"), the group boundary of a CAS number
// spaced digit by digit ("2 3 0 5 6 - 2 9 - 3").
func spacedCASShape(text []byte) bool {
	return hasSpacedHyphen(text) && spacedCASAt(text, 0) >= 0
}

// hasSpacedHyphen reports whether text holds " - ". It is
// bytes.Contains(text, []byte(" - ")) looking for the hyphen, far rarer in
// listings than the space bytes.Contains stops at first: most fields are
// searched whole, and this takes 11.8 M of BenchmarkMatch's 353 M
// instructions a pass off.
func hasSpacedHyphen(text []byte) bool {
	if len(text) < 3 {
		return false
	}
	for i := 1; i < len(text)-1; i++ {
		j := bytes.IndexByte(text[i:len(text)-1], '-')
		if j < 0 {
			return false
		}
		i += j
		if text[i-1] == ' ' && text[i+1] == ' ' {
			return true
		}
	}
	return false
}

// spacedCASAt returns where the first CAS number spaced digit by digit
// without a keyword starts in text at or after i, or -1. See
// appendSpacedCAS.
func spacedCASAt(text []byte, i int) int {
	for ; i < len(text); i++ {
		if _, _, ok := readSpacedCAS(text, i); ok {
			return i
		}
	}
	return -1
}

// readSpacedCAS reads at text[i] a CAS number written digit by digit with
// single spaces and its groups split by " - " ("2 3 0 5 6 - 2 9 - 3"),
// which counts without a CAS keyword: every digit of the first two groups
// stands alone, a shape no price, phone number or date takes, and the check
// digit must hold. It returns the canonical number and the span's end.
func readSpacedCAS(text []byte, i int) (string, int, bool) {
	n := len(text)
	if i >= n || !isDigit(text[i]) || i > 0 && (isDigit(text[i-1]) || isASCIIAlpha(text[i-1]) || text[i-1] == '-' || text[i-1] == '.') {
		return "", 0, false
	}
	var digits [10]byte
	var sizes [3]int
	nd, g, j := 0, 0, i
	for {
		if j >= n || !isDigit(text[j]) || nd == len(digits) {
			return "", 0, false
		}
		digits[nd] = text[j]
		nd++
		sizes[g]++
		j++
		switch {
		case j+1 < n && text[j] == ' ' && isDigit(text[j+1]):
			j++ // next digit of the group
		case g < 2 && j+2 < n && text[j] == ' ' && text[j+1] == '-' && text[j+2] == ' ':
			g++
			j += 3
		case g == 2:
			if j < n && (isDigit(text[j]) || isASCIIAlpha(text[j])) {
				return "", 0, false
			}
			if sizes[0] < 2 || sizes[0] > 7 || sizes[1] != 2 || sizes[2] != 1 || !casCheck(digits[:nd]) {
				return "", 0, false
			}
			return canonicalCAS(digits[:nd]), j, true
		default:
			return "", 0, false
		}
	}
}

// overlapsMention reports whether a mention of ms overlaps text[s:e]: a
// number another reading already found.
func overlapsMention(ms []CASMention, s, e int) bool {
	for _, m := range ms {
		if m.Start < e && s < m.End {
			return true
		}
	}
	return false
}

// appendSpacedCAS adds the CAS numbers of text spaced digit by digit (see
// readSpacedCAS) that no other reading found.
func appendSpacedCAS(out []CASMention, first int, text []byte) []CASMention {
	if !hasSpacedHyphen(text) {
		return out
	}
	base := len(out)
	for i := 0; i < len(text); i++ {
		cas, e, ok := readSpacedCAS(text, i)
		if !ok {
			continue
		}
		if !overlapsMention(out[first:], i, e) {
			out = append(out, CASMention{CAS: cas, Start: i, End: e})
		}
		i = e
	}
	if len(out) > base && base > first {
		slices.SortFunc(out[first:], func(a, b CASMention) int { return a.Start - b.Start })
	}
	return out
}

// dottedCASShape reports whether text holds a digit, a dot, two digits, a
// dot and a digit in a row: the end of a CAS number written with dots
// ("5449.12.7").
func dottedCASShape(text []byte) bool {
	// The first dot is at 1 to len(text)-5: a digit before it and four
	// bytes after.
	for i := 1; i < len(text)-4; i++ {
		k := bytes.IndexByte(text[i:len(text)-4], '.')
		if k < 0 {
			break
		}
		i += k
		if text[i+3] == '.' && isDigit(text[i-1]) && isDigit(text[i+1]) && isDigit(text[i+2]) && isDigit(text[i+4]) {
			return true
		}
	}
	return false
}

// versionWords name a version or section number ("version 103.79.7",
// "build 10.12.3", "section 12.10.8").
var versionWords = []string{"version", "ver", "release", "build", "firmware", "update", "rev", "revision", "patch", "wersja", "versao",
	"versione", "versie", "versiyon", "версия", "版本", "section", "chapter", "article", "art", "clause", "figure", "fig", "table", "paragraph",
	"abschnitt", "kapitel", "artikel", "статья", "раздел", "глава"}

// versionBefore reports whether a version or section word ends right before text[i]
// (after spaces, a colon or "v").
func versionBefore(text []byte, i int) bool {
	j := i
	for j > 0 && i-j < 3 && (text[j-1] == ' ' || text[j-1] == ':' || text[j-1] == '.') {
		j--
	}
	for _, w := range versionWords {
		if j >= len(w) && bytes.EqualFold(text[j-len(w):j], []byte(w)) && (j == len(w) || !isASCIIAlpha(text[j-len(w)-1])) {
			return true
		}
	}
	return false
}

// dateLike reports whether the groups of a dotted number read as a year
// and a month ("2018.12.1"), which a CAS number without its keyword may
// not.
func dateLike(first, second []byte) bool {
	if len(first) != 4 || !(first[0] == '1' && first[1] == '9' || first[0] == '2' && first[1] == '0') {
		return false
	}
	return second[0] == '0' || second[0] == '1' && second[1] <= '2'
}

// hyphenatedDigits reports whether text holds a digit, '-' and a digit in
// a row.
func hyphenatedDigits(text []byte) bool {
	for i := 0; i < len(text); i++ {
		k := bytes.IndexByte(text[i:], '-')
		if k < 0 {
			break
		}
		i += k
		if i > 0 && isDigit(text[i-1]) && i+1 < len(text) && isDigit(text[i+1]) {
			return true
		}
	}
	return false
}

var casKeyword, casKeywordRu = []byte("cas"), []byte("кас")

// casKeywords are the CAS keywords the gate of appendCAS looks for.
var casKeywords = [][]byte{casKeyword, casKeywordRu}

// nextDigit returns the index of the first ASCII digit in text at or
// after i, or len(text). It tests eight bytes at a time (most text holds
// few digits).
func nextDigit(text []byte, i int) int {
	const (
		ones = 0x0101010101010101
		high = 0x8080808080808080
	)
	for ; i+8 <= len(text); i += 8 {
		x := binary.LittleEndian.Uint64(text[i:])
		// High bit of each byte b < 0x80 with '0' <= b <= '9' ("hasbetween"
		// of Bit Twiddling Hacks); bytes >= 0x80 never set it.
		// No carry or borrow crosses a byte (low bytes are below 0x80), so
		// each byte's high bit is exact: the lowest set one is the first
		// digit.
		low := x &^ high
		if d := (ones*(127+0x3A) - low) &^ x & (low + ones*(127-0x2F)) & high; d != 0 {
			return i + bits.TrailingZeros64(d)>>3
		}
	}
	for ; i < len(text) && !isDigit(text[i]); i++ {
	}
	return i
}

// casAttributeKey reports whether an attribute name is a CAS label ("CAS",
// "CAS No.", "cas_number", "CAS号", "CAS-Nr"): its value then stands where
// the text after a CAS keyword would.
func casAttributeKey(key string) bool {
	k := strings.TrimSpace(key)
	i := -1
	for j := 0; j+3 <= len(k); j++ {
		if k[j]|0x20 == 'c' && k[j+1]|0x20 == 'a' && k[j+2]|0x20 == 's' {
			i = j
			break
		}
	}
	if i < 0 || i > 0 && isASCIIAlpha(k[i-1]) {
		return false
	}
	rest := k[i+3:]
	if rest == "" || !isASCIIAlpha(rest[0]) {
		return true
	}
	for _, w := range []string{"no", "nr", "num", "rn"} {
		if len(rest) >= len(w) && strings.EqualFold(rest[:len(w)], w) && (len(rest) == len(w) || !isASCIIAlpha(rest[len(w)]) || w == "num") {
			return true
		}
	}
	return false
}

// appendAttributeCAS parses the CAS number that a CAS-labelled attribute
// value starts with, in any form a CAS keyword allows ("28578 16 7",
// "28578.16.7", "28578167"), and appends it to out.
func appendAttributeCAS(out []CASMention, norm []byte) []CASMention {
	p := 0
	for p < len(norm) && (norm[p] == ' ' || norm[p] == ':' || norm[p] == '#') {
		p++
	}
	if p >= len(norm) || !isDigit(norm[p]) {
		return out
	}
	var buf [32]byte
	b := append(buf[:0], "cas "...)
	b = append(b, norm[p:min(len(norm), p+20)]...)
	c, end, ok := parseCASAt(b, 4)
	if !ok {
		return out
	}
	return append(out, CASMention{CAS: c, Start: p, End: p + end - 4})
}
