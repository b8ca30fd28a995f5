package matchers

import (
	"bytes"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/precwatch/precwatch"
)

// Session 11 (perf11): the code before each change, kept as the reference
// the new code is compared with, on the benchmark corpus and every
// labelled set (testdata/*/listings.jsonl: the corpus and all held-out
// rounds).

// perf11Listings returns the benchmark corpus (2 MB) and the listings of
// every labelled set.
func perf11Listings(t *testing.T) []precwatch.Listing {
	t.Helper()
	ls, _ := genCorpus(2 << 20)
	sets, _ := filepath.Glob(filepath.Join("..", "testdata", "*", "listings.jsonl"))
	if len(sets) < 10 {
		t.Fatalf("found %d labelled sets, want the corpus and the held-out rounds", len(sets))
	}
	for _, p := range sets {
		for _, h := range readLabelledSet(t, p) {
			ls = append(ls, h.Listing)
		}
	}
	// A few phrases of rules no labelled listing may reach.
	for i, s := range []string{"Aceton gesucht, 5 Liter", "efedrin 100 g alınır", "エフェドリン 100g 求む", "WTB: BMK glycidate 1 kg",
		"Looking to buy PMK? We have stock", "safrole-free sassafras oil", "ephedrine (ephedra) free", "no ephedrine, no pseudoephedrine"} {
		ls = append(ls, precwatch.Listing{ID: fmt.Sprintf("perf11-%d", i), Title: s, Description: s + ". Acetone 99% CAS 67-64-1."})
	}
	return ls
}

// perf11Texts returns the fields Match reads of every perf11Listings
// listing.
func perf11Texts(t *testing.T) []string {
	var out []string
	for _, l := range perf11Listings(t) {
		out = append(out, l.Title, l.Description, l.Price, l.Seller, l.Location)
		for _, k := range sortedKeys(l.Attributes) {
			out = append(out, l.Attributes[k])
		}
	}
	return out
}

// casKeyIn reports whether raw holds a hit of a CAS keyword (cas.go before
// session 11).
func (m *Matcher) casKeyIn(raw []rawHit) bool {
	for _, r := range raw {
		if m.pinfo[r.pat].keys&keyCAS != 0 {
			return true
		}
	}
	return false
}

// refAppendFieldCAS is appendFieldCAS before session 11: its own pass over
// the raw hits for the CAS keywords.
func (m *Matcher) refAppendFieldCAS(out []CASMention, text []byte, raw []rawHit) []CASMention {
	if !hyphenatedDigits(text) && !m.casKeyIn(raw) && !dottedCASShape(text) && !spacedCASShape(text) {
		return out
	}
	return appendCASNumbers(out, text)
}

// TestRawKindsSame checks rawKinds and appendFieldCASKey against the code
// they replace in Match: the substance test of the early exit (one pass
// over the raw hits up to the first substance term) and appendFieldCAS.
func TestRawKindsSame(t *testing.T) {
	m := testMatcher(t)
	var tx Text
	var raw []rawHit
	n := 0
	for _, s := range perf11Texts(t) {
		raw = tx.resetScan(s, m.ac, raw[:0])
		kinds, keys := m.rawKinds(raw)
		casKey := keys&keyCAS != 0
		sub := false
		for _, r := range raw {
			if m.pinfo[r.pat].kinds&kSubstance != 0 {
				sub = true
				break
			}
		}
		if got := kinds&kSubstance != 0; got != sub {
			t.Fatalf("%q: rawKinds substance %v, want %v", s, got, sub)
		}
		if casKey != m.casKeyIn(raw) {
			t.Fatalf("%q: rawKinds casKey %v, want %v", s, casKey, !casKey)
		}
		for _, r := range raw {
			if m.pinfo[r.pat].kinds&^kinds != 0 {
				t.Fatalf("%q: rawKinds %x misses kinds of pattern %d", s, kinds, r.pat)
			}
		}
		got := m.appendFieldCASKey(nil, tx.Norm, casKey, hyphenatedDigits(tx.Norm))
		want := m.refAppendFieldCAS(nil, tx.Norm, raw)
		if !slices.Equal(got, want) {
			t.Fatalf("%q: appendFieldCASKey = %v, want %v", s, got, want)
		}
		n += len(got)
	}
	t.Logf("%d CAS mentions", n)
}

// refFilterHits is filterHits before session 11 (wordBefore and wordAt
// called for every hit, the scratch buffer given back in a deferred call).
func (m *Matcher) refFilterHits(norm []byte, raw []rawHit, fi int32, tmp *[]fhit, slab []fhit) (hits, rest []fhit) {
	out := (*tmp)[:0]
	defer func() { *tmp = out[:0] }()
	for _, r := range raw {
		p := &m.pinfo[r.pat]
		if p.kinds == 0 {
			continue // a CAS keyword (appendFieldCAS)
		}
		s := r.end - p.plen
		if p.startB && wordBefore(norm, int(s)) && !(p.digitOK && !p.numStart && isDigit(norm[s-1])) && !arabicArticleBefore(norm, int(s)) &&
			!hebrewPrefixBefore(norm, int(s)) ||
			p.startB && p.numStart && s >= 2 && (norm[s-1] == '.' || norm[s-1] == ',') && isDigit(norm[s-2]) ||
			p.endB && wordAt(norm, int(r.end)) && !(p.glueDigit && isDigit(norm[r.end])) {
			continue
		}
		// Round fix80: a Finnish case ending after an abbreviation and a
		// colon ("GBL:ää").
		if s >= 2 && norm[s-1] == ':' && p.kinds&^kSubstance == 0 && colonCaseEnding(norm, int(s), int(r.end)) {
			continue
		}
		if p.glued {
			// Round fix67: a glued term's tail ends the word before.
			tail := m.pats[r.pat].tail
			t := int(s) - 1 - len(tail)
			if t < 0 || norm[s-1] != ' ' || string(norm[t:s-1]) != tail {
				continue
			}
			s = int32(t)
		}
		// A substance term glued to a handle ("@bmk_direct", "pmk_shop")
		// is a user name, not a mention.
		// So is a word glued to a substance term right after a messenger
		// label ("Wickr: anilinolab", "tg bmkshop").
		handle := p.kinds&kSubstance != 0 && (s > 0 && (norm[s-1] == '@' || norm[s-1] == '_') ||
			int(r.end) < len(norm) && norm[r.end] == '_' ||
			s > 0 && (norm[s-1] == ' ' || norm[s-1] == ':') && wordAt(norm, int(r.end)) && afterMessengerLabel(norm, int(s)))
		if handle && p.kinds&^kSubstance == 0 {
			continue
		}
		if p.suffix > 0 {
			e, n := int(r.end), 0
			for n <= int(p.suffix) && wordAt(norm, e) {
				_, w := utf8.DecodeRune(norm[e:])
				e += w
				n++
			}
			if n > int(p.suffix) && !compoundHead(norm, int(r.end)) || n <= int(p.suffix) && chemicalEnding(norm, int(r.end), e) {
				continue
			}
		}
		// "new PMK precursor": "new" qualifies "precursor", so the street
		// name "new PMK" is not meant; the shorter name inside it counts.
		if p.kinds&kSubstance != 0 && m.newStreet[r.pat] && bytes.HasPrefix(norm[r.end:], []byte(" precursor")) {
			continue
		}
		h := fhit{pat: r.pat, s: s, e: r.end, field: fi}
		if handle {
			h.cas = noSub
		}
		out = append(out, h)
	}
	sortHits(out)
	// Containment among substance terms and exclusions; licensed signals
	// inside no-paperwork phrases.
	base := len(slab)
	keep := slab
	maxEnd := int32(-1)
	maxAt := -1 // index in keep of the hit that ends at maxEnd
	var paperEnd int32 = -1
	for _, h := range out {
		k := m.pinfo[h.pat].kinds
		if k&(kSubstance|kExclusion) != 0 && h.cas != noSub {
			if h.e <= maxEnd {
				if k&^(kSubstance|kExclusion) == 0 {
					continue
				}
				// Keep the pattern for its other kinds only; "-" marks a
				// hit that is no substance mention.
				h.cas = noSub
				keep = append(keep, h)
				continue
			}
			// Two names that overlap without one holding the other:
			// the longer one is meant. "PMK ethyl glycidate PMK powder"
			// holds "glycidate PMK" (a French name of the methyl ester)
			// across the two; "New BMK ethyl glycidate" holds the street
			// name "new BMK".
			if h.s < maxEnd && maxAt >= 0 {
				if o := &keep[maxAt]; h.e-h.s > o.e-o.s {
					o.cas = noSub
				} else {
					h.cas = noSub
					keep = append(keep, h)
					continue
				}
			}
			maxEnd = h.e
			maxAt = len(keep)
		}
		if k&kLicensed != 0 && h.e <= paperEnd && k&^kLicensed == 0 {
			continue
		}
		if k&kIndicator != 0 {
			for _, ii := range m.pats[h.pat].indicators {
				if m.indicators[ii].id == IndNoPaper {
					paperEnd = max(paperEnd, h.e)
				}
			}
		}
		keep = append(keep, h)
	}
	return keep[base:len(keep):len(keep)], keep
}

// TestFilterHitsSame compares filterHits with refFilterHits on every field
// of the corpus and the labelled sets, with the hits of the fields before
// it in the slab (as Match calls it).
func TestFilterHitsSame(t *testing.T) {
	m := testMatcher(t)
	var tx Text
	var raw []rawHit
	var tmp, refTmp, slab, refSlab []fhit
	n := 0
	for i, s := range perf11Texts(t) {
		if i%5 == 0 {
			slab, refSlab = slab[:0], refSlab[:0]
		}
		raw = tx.resetScan(s, m.ac, raw[:0])
		got, rest := m.filterHits(tx.Norm, raw, int32(i%5), &tmp, slab)
		want, refRest := m.refFilterHits(tx.Norm, raw, int32(i%5), &refTmp, refSlab)
		if !slices.Equal(got, want) || !slices.Equal(rest, refRest) || len(tmp) != len(refTmp) {
			t.Fatalf("%q: filterHits = %v, want %v", s, got, want)
		}
		slab, refSlab = rest, refRest
		n += len(got)
	}
	t.Logf("%d hits", n)
}

// refLineTail is the loop of addIndicator before session 11: what follows
// orig[:oe] on its line, byte by byte.
func refLineTail(orig string, oe int) int {
	end := oe
	for end < len(orig) && end-oe < 40 && orig[end] != '\n' {
		end++
	}
	for end < len(orig) && !utf8.RuneStart(orig[end]) {
		end++
	}
	return end
}

// TestLineTailSame compares lineTail with refLineTail at every offset of
// every text of the corpus and the labelled sets.
func TestLineTailSame(t *testing.T) {
	for _, s := range append(perf11Texts(t), "", "\n", "a\nb", "é\n", strings.Repeat("x", 39)+"\n", strings.Repeat("x", 41)+"é") {
		for oe := 0; oe <= len(s); oe++ {
			if got, want := lineTail(s, oe), refLineTail(s, oe); got != want {
				t.Fatalf("lineTail(%q, %d) = %d, want %d", s, oe, got, want)
			}
		}
	}
}

// refAppendJoinedHits and refAppendJoinedSep are appendJoinedHits and
// appendJoinedSep before session 11, which did not report
// hyphenatedDigits.
func (m *Matcher) refAppendJoinedHits(out []fhit, norm []byte, fi int32, js *joinScratch, seps, dots bool) []fhit {
	base := len(out)
	out = m.refAppendJoinedSep(out, base, norm, fi, js, '-')
	if !seps {
		return out
	}
	if dots {
		// Dots only in the title: descriptions are full of them (one
		// IndexByte call each cost 5 % of BenchmarkMatch).
		out = m.refAppendJoinedSep(out, base, norm, fi, js, '.')
	}
	// Words cut by other separators a seller puts between letters to
	// break a keyword ("Eph.edr.ine", "Saf/role", "Pipe|ronal",
	// "Iso_safrole", "Ephe•drine" whose bullet the normaliser makes a
	// dot, "Safr⏎ole"); the same rescan, for each separator (one
	// IndexByte pass when the field has none).
	for _, sep := range joinSeps {
		// Most fields hold none of these: one vector search each,
		// without the call.
		if bytes.IndexByte(norm, sep) >= 0 {
			out = m.refAppendJoinedSep(out, base, norm, fi, js, sep)
		}
	}
	return out
}
func (m *Matcher) refAppendJoinedSep(out []fhit, base int, norm []byte, fi int32, js *joinScratch, sep byte) []fhit {
	for from := 0; ; {
		h := indexByteFrom(norm, sep, from)
		if h < 0 {
			break
		}
		from = h + 1
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
	}
	return out
}

// TestJoinedHitsSame compares appendJoinedHits with refAppendJoinedHits
// on every field of the corpus and the labelled sets (as an offer field,
// a title and a seller's), and its second result with hyphenatedDigits.
func TestJoinedHitsSame(t *testing.T) {
	m := testMatcher(t)
	var js, refJS joinScratch
	n, d := 0, 0
	for _, s := range append(perf11Texts(t), "5449-12-7", "a-1-2", "1-2", "-1", "1-", "ab-cd 1-2", "eph-edr-ine 12-3", "x\n1-2") {
		tx := Normalize(s)
		norm := tx.Norm
		for _, k := range [][2]bool{{true, true}, {true, false}, {false, false}} {
			got, digits := m.appendJoinedHits(nil, norm, 1, &js, k[0], k[1], tx.sepsHeld())
			want := m.refAppendJoinedHits(nil, norm, 1, &refJS, k[0], k[1])
			if !slices.Equal(got, want) {
				t.Fatalf("%q %v: appendJoinedHits = %v, want %v", s, k, got, want)
			}
			if digits != hyphenatedDigits(norm) {
				t.Fatalf("%q %v: appendJoinedHits digits %v, want %v", s, k, digits, !digits)
			}
			n += len(got)
			if digits {
				d++
			}
		}
	}
	t.Logf("%d joined hits, %d texts with hyphenated digits", n, d)
}

// TestKindGatesSame checks the gates on field.kinds: every pattern hit of
// a field Match evaluates has its kinds in the field's kinds, and the
// functions that skip a field without the kinds they look for (negatedAt,
// negatedIndicator, refusedIndicator, blockedBefore, blockedAfter,
// insideIndicator, warnedAgainst, buyRequestBefore, buyRequestAfter,
// negate, markComposition, paperSpans, namesMessenger) answer as they do with every kind
// set, which is the code before the gates, at every hit of every field of
// the corpus and the labelled sets.
func TestKindGatesSame(t *testing.T) {
	m := testMatcher(t)
	fields, hits := 0, 0
	fieldsHook = func(m *Matcher, fs []field) {
		for fi := range fs {
			f := &fs[fi]
			all := *f
			all.kinds = ^uint64(0)
			fields++
			for _, h := range f.hits {
				if h.pat >= 0 && m.pinfo[h.pat].kinds&^f.kinds != 0 {
					t.Fatalf("%q: hit of pattern %q has kinds %x, not in the field's %x", f.orig, m.pats[h.pat].text, m.pinfo[h.pat].kinds, f.kinds)
				}
				hits++
				for _, s := range []int32{h.s, h.e} {
					if a, b := m.negatedAt(f, s), m.negatedAt(&all, s); a != b {
						t.Fatalf("%q: negatedAt(%d) = %v, want %v", f.orig, s, a, b)
					}
					if a, b := m.negatedIndicator(f, s), m.negatedIndicator(&all, s); a != b {
						t.Fatalf("%q: negatedIndicator(%d) = %v, want %v", f.orig, s, a, b)
					}
					if a, b := m.refusedIndicator(f, s), m.refusedIndicator(&all, s); a != b {
						t.Fatalf("%q: refusedIndicator(%d) = %v, want %v", f.orig, s, a, b)
					}
				}
				if a, b := m.namesMessenger(f), m.namesMessenger(&all); a != b {
					t.Fatalf("%q: namesMessenger = %v, want %v", f.orig, a, b)
				}
				if a, b := m.insideIndicator(f, h), m.insideIndicator(&all, h); a != b {
					t.Fatalf("%q: insideIndicator(%v) = %v, want %v", f.orig, h, a, b)
				}
				if a, b := m.warnedAgainst(f, h.s, h.e), m.warnedAgainst(&all, h.s, h.e); a != b {
					t.Fatalf("%q: warnedAgainst(%v) = %v, want %v", f.orig, h, a, b)
				}
				for ii := range m.indicators {
					if a, b := m.blockedBefore(f, h.s, int16(ii)), m.blockedBefore(&all, h.s, int16(ii)); a != b {
						t.Fatalf("%q: blockedBefore(%v, %d) = %v, want %v", f.orig, h, ii, a, b)
					}
					if a, b := m.blockedAfter(f, h, int16(ii)), m.blockedAfter(&all, h, int16(ii)); a != b {
						t.Fatalf("%q: blockedAfter(%v, %d) = %v, want %v", f.orig, h, ii, a, b)
					}
				}
				sh := subHit{field: int32(fi), s: h.s, e: h.e}
				if a, b := m.buyRequestBefore(f, &sh), m.buyRequestBefore(&all, &sh); a != b {
					t.Fatalf("%q: buyRequestBefore(%v) = %v, want %v", f.orig, h, a, b)
				}
				if a, b := m.buyRequestAfter(f, &sh), m.buyRequestAfter(&all, &sh); a != b {
					t.Fatalf("%q: buyRequestAfter(%v) = %v, want %v", f.orig, h, a, b)
				}
			}
			// negate and markComposition on a mention at every substance
			// hit (and CAS hit) of the field.
			var ms []subHit
			for _, h := range f.hits {
				if h.pat < 0 {
					ms = append(ms, subHit{sub: 0, field: int32(fi), s: h.s, e: h.e, kind: precwatch.HitCAS})
				} else if m.pats[h.pat].kinds&kSubstance != 0 {
					for _, r := range m.pats[h.pat].refs {
						ms = append(ms, subHit{sub: r.sub, field: int32(fi), s: h.s, e: h.e, kind: r.kind, term: r.term})
					}
				}
			}
			for _, chemForm := range []bool{false, true} {
				got, want := slices.Clone(ms), slices.Clone(ms)
				m.negate(f, got)
				m.negate(&all, want)
				m.markComposition(f, got, chemForm)
				m.markComposition(&all, want, chemForm)
				if !slices.Equal(got, want) {
					t.Fatalf("%q: negate and markComposition = %v, want %v", f.orig, got, want)
				}
			}
			if f.casHi == f.casLo && slices.ContainsFunc(f.hits, func(h fhit) bool { return h.pat < 0 }) {
				t.Fatalf("%q: a CAS hit in a field without CAS mentions", f.orig)
			}
			p1, q1 := m.paperSpans(f, nil, nil)
			if f.kinds&(kPaperNoun|kPackNoun) == 0 && (len(p1) > 0 || len(q1) > 0) {
				t.Fatalf("%q: paperSpans found spans in a field without paper or packaging nouns", f.orig)
			}
		}
	}
	defer func() { fieldsHook = nil }()
	ls := perf11Listings(t)
	for i := range ls {
		m.Match(&ls[i])
	}
	t.Logf("%d fields, %d hits", fields, hits)
}

// refIndexFoldASCII is indexFoldASCII before session 11: EqualFold at
// every byte.
func refIndexFoldASCII(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(sub)], sub) {
			return i
		}
	}
	return -1
}

// TestIndexFoldASCIISame compares indexFoldASCII with refIndexFoldASCII
// on every text of the corpus and the labelled listings, for what
// quoteObservable looks for (the text's observables), its words in upper
// case, and strings whose case folds outside ASCII (the Kelvin sign folds
// to "k", "ſ" to "s": "\u212Ass" holds "kſſ").
func TestIndexFoldASCIISame(t *testing.T) {
	texts := append(perf11Texts(t), "\u212Aelvin", "Kelvin", "ſignal", "SIGNAL", "é@x", "@", "a\xffb", "\u212Ass", "x\u212AſS")
	// "\u212Ass" and "kſſ" match: as many runes and bytes, each pair folds.
	fixed := []string{"", "k", "kelvin", "signal", "s", "@", "\xff", "é", "x", "ab", "kſſ", "\u212Aſs", "Kss"}
	n := 0
	for _, s := range texts {
		subs := fixed
		for _, o := range Observables(s) {
			subs = append(subs, strings.TrimPrefix(o.Value, "@"), o.Value)
		}
		for i, w := range strings.Fields(s) {
			if i%7 == 3 {
				subs = append(subs, strings.ToUpper(w), strings.ToLower(w)+"x")
			}
		}
		for _, sub := range subs {
			if got, want := indexFoldASCII(s, sub), refIndexFoldASCII(s, sub); got != want {
				t.Fatalf("indexFoldASCII(%q, %q) = %d, want %d", s, sub, got, want)
			}
			n++
		}
	}
	t.Logf("%d pairs", n)
}
