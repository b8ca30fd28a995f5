package matchers

import (
	"bytes"
	"slices"
	"unicode"
	"unicode/utf8"
)

// Words cut by hyphens ("per-manganate", "Ep-he-dr-ine", "gly-cidate", also
// what a line-break hyphen leaves in scraped text) are matched joined: the
// normaliser keeps the hyphens (they matter in "ephedrine-free",
// "1-phenyl-2-propanone", "BMK-Glycidsäure"), and the matcher scans a small
// window around each word with a hyphen between two letters once more with
// those hyphens removed. Only substance terms that span a removed hyphen
// count, so nothing the plain scan finds is found twice, and a joined term
// replaces the shorter terms it covers ("iso-safrole" is isosafrole, not
// safrole; "BMK gly-cidate" is the glycidate, not P-2-P).

// joinScratch holds the buffers of appendJoinedHits.
type joinScratch struct {
	text []byte   // the window with hyphens removed
	pos  []int32  // normalised offset of each byte of text, and of its end
	cut  []int32  // normalised offsets of the removed hyphens
	raw  []rawHit // automaton hits in text
}

// joinCut fills text and pos with norm[from:to] less the bytes at the
// offsets of js.cut (sorted), and pos's end entry.
func (js *joinScratch) joinCut(norm []byte, from, to int) {
	js.text, js.pos = js.text[:0], js.pos[:0]
	k := 0
	for p := from; p < to; p++ {
		if k < len(js.cut) && int(js.cut[k]) == p {
			k++
			continue
		}
		js.text = append(js.text, norm[p])
		js.pos = append(js.pos, int32(p))
	}
	js.pos = append(js.pos, int32(to))
}

// letterAt reports whether norm[i] starts a letter, and its width. A
// combining mark the normaliser keeps (an Indic vowel sign, "ि") is part of
// its letter: "ए-फे-ड्रि-न" is cut after one (heldout36 ze0021).
func letterAt(norm []byte, i int) (bool, int) {
	if i < 0 || i >= len(norm) {
		return false, 0
	}
	if c := norm[i]; c < 0x80 {
		return c >= 'a' && c <= 'z', 1
	}
	r, w := utf8.DecodeRune(norm[i:])
	return wordLetter(r), w
}

// letterBefore reports whether a letter ends at norm[i-1], and its width.
func letterBefore(norm []byte, i int) (bool, int) {
	if i <= 0 {
		return false, 0
	}
	if c := norm[i-1]; c < 0x80 {
		return c >= 'a' && c <= 'z', 1
	}
	r, w := utf8.DecodeLastRune(norm[:i])
	return wordLetter(r), w
}

// wordLetter reports whether the non-ASCII rune r is a letter or a
// combining mark of a script that separates its words.
func wordLetter(r rune) bool {
	return (unicode.IsLetter(r) || runeProp(r)&(rpMn|rpMc) != 0) && !isCJK(r)
}

// appendJoinedHits appends to out the substance terms found in field fi
// (normalised text norm) only once the hyphens between letters are
// removed, with their span in norm; with seps (a field whose substances
// count: not the seller, location or price), also other separators, and
// with dots (the title) dots. It also reports hyphenatedDigits(norm), which
// the pass over the hyphens finds on the way (the gate of
// appendFieldCASKey). held holds the sepBits of the separators norm may
// hold (Text.sepsHeld): the others are not looked for.
func (m *Matcher) appendJoinedHits(out []fhit, norm []byte, fi int32, js *joinScratch, seps, dots bool, held uint8) ([]fhit, bool) {
	base := len(out)
	digits := false
	if held&sepBit['-'] != 0 {
		out, digits = m.appendJoinedSep(out, base, norm, fi, js, '-')
	}
	if !seps {
		return out, digits
	}
	if dots && held&sepBit['.'] != 0 {
		// Dots only in the title: descriptions are full of them (one
		// IndexByte call each cost 5 % of BenchmarkMatch).
		out, _ = m.appendJoinedSep(out, base, norm, fi, js, '.')
	}
	// Words cut by other separators a seller puts between letters to
	// break a keyword ("Eph.edr.ine", "Saf/role", "Pipe|ronal",
	// "Iso_safrole", "Ephe•drine" whose bullet the normaliser makes a
	// dot, "Safr⏎ole"); the same rescan, for each separator (one
	// IndexByte pass when the field has none).
	if held&joinSepBits == 0 {
		return out, digits // most fields hold none of them
	}
	for _, sep := range joinSeps {
		// One vector search each, without the call.
		if held&sepBit[sep] != 0 && bytes.IndexByte(norm, sep) >= 0 {
			out, _ = m.appendJoinedSep(out, base, norm, fi, js, sep)
		}
	}
	return out, digits
}

// joinSeps are the separators other than the hyphen and the dot that the
// joined-word rescan removes between letters.
var joinSeps = []byte{'/', '|', '_', '\n'}

// joinSepBits are the sepBits of joinSeps.
var joinSepBits = sepBit['/'] | sepBit['|'] | sepBit['_'] | sepBit['\n']

// appendJoinedSep is appendJoinedHits for one separator; hits already in
// out[base:] are not added twice. It reports whether a separator stands
// between two digits: it looks at every separator of norm but those inside
// a word it joined, which stand after a letter.
func (m *Matcher) appendJoinedSep(out []fhit, base int, norm []byte, fi int32, js *joinScratch, sep byte) ([]fhit, bool) {
	digits := false
	for from := 0; ; {
		h := indexByteFrom(norm, sep, from)
		if h < 0 {
			break
		}
		from = h + 1
		if !digits && h > 0 && isDigit(norm[h-1]) && h+1 < len(norm) && isDigit(norm[h+1]) {
			digits = true
		}
		hs := h
		if sep == '\n' && h >= 2 && norm[h-1] == '-' {
			// A line-break hyphen ("Ephed-⏎rine"): both are the cut.
			hs = h - 1
		}
		if l, _ := letterBefore(norm, hs); !l {
			continue
		}
		if l, _ := letterAt(norm, h+1); !l {
			continue
		}
		if sep != '-' && !m.mayJoin(norm, hs, h+1) {
			continue
		}
		// The hyphenated word: letters and hyphens between letters.
		ts, te := hs, h+1
		for {
			if l, w := letterBefore(norm, ts); l {
				ts -= w
			} else if ts >= 2 && norm[ts-1] == sep && isLetterBefore(norm, ts-1) {
				ts--
			} else {
				break
			}
		}
		for {
			if l, w := letterAt(norm, te); l {
				te += w
			} else if te+1 < len(norm) && norm[te] == sep && isLetterAt(norm, te+1) {
				te++
			} else {
				break
			}
		}
		from = te
		// The window: one word more on each side (two-word terms such as
		// "potassium permanganate", "BMK glycidate").
		ws, we := ts, te
		if ws >= 2 && norm[ws-1] == ' ' {
			ws--
			for ws > 0 && (asciiWordAt(norm, ws-1) || norm[ws-1] >= 0x80 || sep != '-' && norm[ws-1] == sep && isLetterBefore(norm, ws-1)) && norm[ws-1] != ' ' {
				ws--
			}
			for ws < len(norm) && !utf8.RuneStart(norm[ws]) {
				ws++
			}
		}
		// A locant glued before the word, and the prefixes glued before
		// it, belong to the name: "4-anilino-piperidine" is
		// 4-anilinopiperidine, "1-boc-4-anilino-piperidine" the Boc one.
		if ws == ts {
			k, locant := ws, false
			for k >= 2 && norm[k-1] == '-' && ts-k < 32 {
				j := k - 1
				for j > 0 && (isDigit(norm[j-1]) || isASCIIAlpha(norm[j-1]) || norm[j-1] == ',') {
					locant = locant || isDigit(norm[j-1])
					j--
				}
				if j == k-1 {
					break
				}
				k = j
			}
			if locant {
				ws = k
			}
		}
		if we+1 < len(norm) && norm[we] == ' ' {
			we++
			for we < len(norm) && (asciiWordAt(norm, we) || norm[we] >= 0x80 || sep != '-' && norm[we] == sep && isLetterAt(norm, we+1)) {
				we++
			}
		}
		js.text, js.pos, js.cut = js.text[:0], js.pos[:0], js.cut[:0]
		for p := ws; p < we; p++ {
			// Other separators are removed in the neighbour words too
			// ("Ace.tic an.hy.dride").
			if p >= ts && p < te && (norm[p] == sep || p == hs) ||
				sep != '-' && norm[p] == sep && isLetterBefore(norm, p) && isLetterAt(norm, p+1) {
				js.cut = append(js.cut, int32(p))
				continue
			}
			js.text = append(js.text, norm[p])
			js.pos = append(js.pos, int32(p))
		}
		js.pos = append(js.pos, int32(we))
		out = m.appendCutHits(out, base, fi, js)
	}
	return out, digits
}

// appendCutHits scans js.text, a window of field fi with the separators at
// js.cut removed, and appends to out the substance terms of five bytes or
// more that span a removed separator, with their span in the field's
// normalised text; hits already in out[base:] are not added twice.
func (m *Matcher) appendCutHits(out []fhit, base int, fi int32, js *joinScratch) []fhit {
	js.raw = m.ac.scan(js.text, js.raw[:0])
	for _, r := range js.raw {
		p := &m.pinfo[r.pat]
		// Short terms (abbreviations: "a-a" is no AA) do not count.
		if p.kinds&kSubstance == 0 || p.suffix > 0 || p.plen < 5 {
			continue
		}
		s, e := int(r.end-p.plen), int(r.end)
		if p.startB && wordBefore(js.text, s) || p.endB && wordAt(js.text, e) {
			continue
		}
		ns, ne := js.pos[s], js.pos[e-1]+1
		spans := false
		for _, c := range js.cut {
			if c > ns && c < ne {
				spans = true
				break
			}
		}
		if !spans {
			continue
		}
		hit := fhit{pat: r.pat, s: ns, e: ne, field: fi}
		if !slices.Contains(out[base:], hit) {
			out = append(out, hit)
		}
	}
	return out
}

// mayJoin reports whether removing the cut norm[hs:h1) between two letters
// can make a substance term: both trigrams and the 4-gram across it occur
// in one (Matcher.joinTri, joinQuad). Letters outside a-z, or a one-letter
// fragment, pass.
func (m *Matcher) mayJoin(norm []byte, hs, h1 int) bool {
	if hs < 2 || h1+2 > len(norm) {
		return true
	}
	a, b, c, d := norm[hs-2], norm[hs-1], norm[h1], norm[h1+1]
	t1, ok1 := trigramIndex(a, b, c)
	t2, ok2 := trigramIndex(b, c, d)
	if !ok1 || !ok2 {
		return true
	}
	if m.joinTri[t1/64]&(1<<(t1%64)) == 0 || m.joinTri[t2/64]&(1<<(t2%64)) == 0 {
		return false
	}
	q, _ := quadgramIndex([]byte{a, b, c, d})
	return m.joinQuad[q/64]&(1<<(q%64)) != 0
}

// quadgramIndex numbers the 4-gram of ASCII lower-case letters b[:4].
func quadgramIndex(b []byte) (int, bool) {
	t, ok := trigramIndex(b[0], b[1], b[2])
	if !ok || b[3] < 'a' || b[3] > 'z' {
		return 0, false
	}
	return t*26 + int(b[3]-'a'), true
}

// trigramIndex numbers a trigram of ASCII lower-case letters.
func trigramIndex(a, b, c byte) (int, bool) {
	if a < 'a' || a > 'z' || b < 'a' || b > 'z' || c < 'a' || c > 'z' {
		return 0, false
	}
	return (int(a-'a')*26+int(b-'a'))*26 + int(c-'a'), true
}

func isLetterBefore(norm []byte, i int) bool { l, _ := letterBefore(norm, i); return l }
func isLetterAt(norm []byte, i int) bool     { l, _ := letterAt(norm, i); return l }

func asciiWordAt(norm []byte, i int) bool { return norm[i] < 0x80 && asciiWord[norm[i]] }

func indexByteFrom(b []byte, c byte, from int) int {
	if from >= len(b) {
		return -1
	}
	if i := bytes.IndexByte(b[from:], c); i >= 0 {
		return from + i
	}
	return -1
}

// mergeJoined adds the joined-word hits to the sorted hits of a field;
// substance terms inside a joined term, or starting inside it, are no
// mentions any more. A joined term inside a longer term the plain scan
// found is none either: "PMK-Glycidsäure" joined is the acid, but in
// "Ethylester der PMK-Glycidsäure" it is part of the ester's name.
func (m *Matcher) mergeJoined(hits, joined []fhit) []fhit {
	hits = slices.Clip(hits)
	joined = slices.DeleteFunc(joined, func(j fhit) bool {
		for _, h := range hits {
			if h.pat >= 0 && h.cas != noSub && m.pinfo[h.pat].kinds&kSubstance != 0 && h.s <= j.s && j.e <= h.e && h.e-h.s > j.e-j.s {
				return true
			}
		}
		return false
	})
	// A joined term inside a longer joined term: "4-anilinopiperidine" in
	// the joined "1-Boc-4-anilinopiperidine". Joined hits are few: the
	// longest are kept in place, the rest cut off.
	n := 0
	for i, j := range joined {
		inner := false
		for k, o := range joined {
			if k != i && o.s <= j.s && j.e <= o.e && o.e-o.s > j.e-j.s {
				inner = true
				break
			}
		}
		if !inner {
			joined[i], joined[n] = joined[n], joined[i]
			n++
		}
	}
	joined = joined[:n]
	for i := range hits {
		h := &hits[i]
		if h.pat < 0 || h.cas == noSub || m.pinfo[h.pat].kinds&kSubstance == 0 {
			continue
		}
		for _, j := range joined {
			// Inside the joined term, or starting inside it (a fragment
			// of the joined word: "safrole oil" in "iso-safrole oil").
			if h.s >= j.s && h.e <= j.e && (h.s != j.s || h.e != j.e) || h.s > j.s && h.s < j.e {
				h.cas = noSub
				break
			}
		}
	}
	hits = append(hits, joined...)
	slices.SortStableFunc(hits, cmpHit)
	return hits
}

// appendSpacedHits appends to out the substance terms found in field fi
// (normalised text norm, raw automaton hits raw) once the space before a
// substance term is removed, when the word before the term and the term's
// first word make one word of a longer name written with a space: "fenil
// acetona" is fenilacetona (P-2-P), not acetone; "iso safrole" is
// isosafrole; "3,4 methylenedioxy phenyl 2 propanone" is PMK, not P-2-P.
// Only names of five bytes or more that span the removed space count, and
// mergeJoined then drops the shorter term inside them, as for a hyphen.
// A term the plain scan already found inside a longer term ("phenyl
// acetone") is left alone.
func (m *Matcher) appendSpacedHits(out []fhit, norm []byte, raw []rawHit, fi int32, js *joinScratch) []fhit {
	base := len(out)
	for _, r := range raw {
		p := &m.pinfo[r.pat]
		if p.kinds&kSubstance == 0 {
			continue
		}
		s := int(r.end - p.plen)
		if s < 2 || norm[s-1] != ' ' || !isLetterBefore(norm, s-1) || !isLetterAt(norm, s) || !m.mayJoin(norm, s-1, s) {
			continue
		}
		covered := false
		for _, o := range raw {
			if q := &m.pinfo[o.pat]; q.kinds&kSubstance != 0 && int(o.end-q.plen) < s && o.end >= r.end {
				covered = true
				break
			}
		}
		if covered {
			continue
		}
		// The window: the word before the space, one more word or locant
		// before it ("3,4 methylenedioxy phenyl …"), the term with the
		// rest of its word, and one more word after it.
		ws := s - 1
		for {
			if l, w := letterBefore(norm, ws); l {
				ws -= w
			} else {
				break
			}
		}
		if ws >= 2 && norm[ws-1] == ' ' {
			k := ws - 1
			for k > 0 && norm[k-1] != ' ' && (asciiWordAt(norm, k-1) || norm[k-1] >= 0x80 ||
				norm[k-1] == ',' && k >= 2 && isDigit(norm[k-2]) && isDigit(norm[k])) {
				k--
			}
			for k < len(norm) && !utf8.RuneStart(norm[k]) {
				k++
			}
			if k < ws-1 {
				ws = k
			}
		}
		we := int(r.end)
		for we < len(norm) && (asciiWordAt(norm, we) || norm[we] >= 0x80) {
			we++
		}
		if we+1 < len(norm) && norm[we] == ' ' {
			we++
			for we < len(norm) && (asciiWordAt(norm, we) || norm[we] >= 0x80) {
				we++
			}
		}
		for we < len(norm) && !utf8.RuneStart(norm[we]) {
			we++
		}
		js.text, js.pos, js.cut = js.text[:0], js.pos[:0], append(js.cut[:0], int32(s-1))
		for q := ws; q < we; q++ {
			if q == s-1 {
				continue
			}
			js.text = append(js.text, norm[q])
			js.pos = append(js.pos, int32(q))
		}
		js.pos = append(js.pos, int32(we))
		// Only a name that covers the whole term is a longer name of it:
		// "new bmk" joined is the street name "newBMK", but in "new BMK
		// ethyl glycidate" the ester's name is the longer one.
		n := len(out)
		out = m.appendCutHits(out, base, fi, js)
		k := n
		for _, h := range out[n:] {
			if h.e >= r.end {
				out[k] = h
				k++
			}
		}
		out = out[:k]
	}
	return out
}

// appendThaiSpacedHits appends to out the substance terms found in field fi
// (normalised text norm) once the spaces inside a run of short Thai
// chunks are removed: Thai writes a word without spaces, so syllables
// spaced out ("อี เฟ ด รีน", heldout36 ze0139) hide the word, as spaced
// letters do in other scripts. A run is three chunks or more of Thai
// letters and marks, each at most four runes long, with one space between
// them; only terms that span a removed space count (appendCutHits).
func (m *Matcher) appendThaiSpacedHits(out []fhit, norm []byte, fi int32, js *joinScratch) []fhit {
	if !hasThai(norm) {
		return out
	}
	base := len(out)
	// chunk returns the end of a chunk of Thai runes at norm[i] and how
	// many runes it holds.
	chunk := func(i int) (int, int) {
		n := 0
		for i < len(norm) {
			r, w := utf8.DecodeRune(norm[i:])
			if r < 0x0E01 || r > 0x0E4E {
				break
			}
			i += w
			n++
		}
		return i, n
	}
	for i := 0; i < len(norm); {
		e, n := chunk(i)
		if n == 0 {
			_, w := utf8.DecodeRune(norm[i:])
			i += w
			continue
		}
		// The run of short chunks from i on.
		runEnd, count, cuts := e, 1, js.cut[:0]
		if n <= 4 {
			for runEnd+1 < len(norm) && norm[runEnd] == ' ' {
				e2, n2 := chunk(runEnd + 1)
				if n2 == 0 || n2 > 4 {
					break
				}
				cuts = append(cuts, int32(runEnd))
				runEnd, count = e2, count+1
			}
		}
		js.cut = cuts
		if count >= 3 && (i == 0 || !thaiBefore(norm, i)) {
			js.joinCut(norm, i, runEnd)
			out = m.appendCutHits(out, base, fi, js)
		}
		i = runEnd
	}
	return out
}

// thaiBefore reports whether a Thai rune ends at norm[i-1].
func thaiBefore(norm []byte, i int) bool {
	r, _ := utf8.DecodeLastRune(norm[:i])
	return r >= 0x0E01 && r <= 0x0E4E
}

// hasThai reports whether b holds a rune of the Thai block (U+0E00…U+0E7F,
// UTF-8 E0 B8 xx and E0 B9 xx): one vector search for the lead byte 0xE0,
// which text in Latin, Cyrillic, Greek, Arabic or CJK scripts never holds.
func hasThai(b []byte) bool {
	for i := 0; ; {
		j := bytes.IndexByte(b[i:], 0xE0)
		if j < 0 {
			return false
		}
		i += j + 1
		if i < len(b) && (b[i] == 0xB8 || b[i] == 0xB9) {
			return true
		}
	}
}

// spacedHyphenFrom returns the index of the first " - " in norm at or after
// from, or -1; it looks for the hyphen, far rarer than the space (see
// hasSpacedHyphen).
func spacedHyphenFrom(norm []byte, from int) int {
	for i := from + 1; i < len(norm)-1; i++ {
		j := bytes.IndexByte(norm[i:len(norm)-1], '-')
		if j < 0 {
			return -1
		}
		i += j
		if norm[i-1] == ' ' && norm[i+1] == ' ' {
			return i - 1
		}
	}
	return -1
}

// appendSpacedHyphenHits appends to out the substance terms found in field
// fi (normalised text norm) once the spaces around a lone hyphen between two
// words are removed, and with them the spaces between single Chinese or
// Japanese characters in the same run: a name spaced out around its
// hyphens ("N - p h e n e t h y l - 4 - p i p e r i d i n o n e", whose
// letters the normaliser joins, heldout45 zn0079; "1 - 苯 基 - 2 - 丙 酮",
// zn0068) is the name. Only terms that span a removed space count
// (appendCutHits), so a hyphen that separates a title's parts ("Acetone -
// 1 L") adds nothing.
func (m *Matcher) appendSpacedHyphenHits(out []fhit, norm []byte, fi int32, js *joinScratch) []fhit {
	if !hasSpacedHyphen(norm) {
		return out
	}
	base := len(out)
	n := len(norm)
	space := func(c byte) bool { return c == ' ' || c == '\n' }
	// A token is a run of bytes without spaces; a bracket, or a
	// punctuation mark that ends a clause, ends it too ("丙 酮，淡黄色液体").
	tokStart := func(i int) int { // start of the token that ends at i
		for i > 0 && !space(norm[i-1]) && norm[i-1] != '(' && norm[i-1] != '[' {
			i--
		}
		return i
	}
	tokEnd := func(i int) int { // end of the token that starts at i
		for i < n && !space(norm[i]) {
			switch c := norm[i]; c {
			case ';', ':', '!', '?', ')', ']':
				return i
			case ',', '.':
				if i+1 >= n || !isDigit(norm[i+1]) {
					return i
				}
			}
			i++
		}
		return i
	}
	singleCJK := func(s, e int) bool {
		if s >= e {
			return false
		}
		r, w := utf8.DecodeRune(norm[s:e])
		return w == e-s && isCJK(r)
	}
	for from := 0; from < n; {
		h := spacedHyphenFrom(norm, from) // the space before the hyphen
		if h < 0 {
			break
		}
		from = h + 1
		if h == 0 || h+3 >= n || space(norm[h-1]) || space(norm[h+3]) {
			continue
		}
		cuts := append(js.cut[:0], int32(h), int32(h+2))
		ws := tokStart(h)
		for {
			if ws >= 4 && norm[ws-1] == ' ' && norm[ws-2] == '-' && norm[ws-3] == ' ' && !space(norm[ws-4]) {
				cuts = append(cuts, int32(ws-3), int32(ws-1))
				ws = tokStart(ws - 3)
				continue
			}
			if ws >= 2 && norm[ws-1] == ' ' && singleCJK(ws, tokEnd(ws)) {
				if ps := tokStart(ws - 1); singleCJK(ps, ws-1) {
					cuts = append(cuts, int32(ws-1))
					ws = ps
					continue
				}
			}
			break
		}
		we := tokEnd(h + 3)
		for {
			if we+3 < n && norm[we] == ' ' && norm[we+1] == '-' && norm[we+2] == ' ' && !space(norm[we+3]) {
				cuts = append(cuts, int32(we), int32(we+2))
				we = tokEnd(we + 3)
				continue
			}
			if we+1 < n && norm[we] == ' ' && singleCJK(tokStart(we), we) {
				if ne := tokEnd(we + 1); singleCJK(we+1, ne) {
					cuts = append(cuts, int32(we))
					we = ne
					continue
				}
			}
			break
		}
		from = we
		slices.Sort(cuts)
		js.cut = cuts
		js.joinCut(norm, ws, we)
		out = m.appendCutHits(out, base, fi, js)
	}
	return out
}
