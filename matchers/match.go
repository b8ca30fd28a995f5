package matchers

import (
	"bytes"
	"fmt"
	"iter"
	"math"
	"math/bits"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/precwatch/precwatch"
)

// scratch holds per-call buffers, pooled.
type scratch struct {
	texts  []*Text
	raw    []rawHit
	cas    []CASMention
	tmp    []fhit
	slab   []fhit // the kept hits of every field of one listing
	fields []field
	ev     evaluation
	joined []fhit // hits of words cut by hyphens (hyphen.go)
	join   joinScratch
}

// fhit is a pattern or CAS hit in the normalised text of one field. It
// holds no pointers, so that the hit buffers cost the garbage collector
// nothing (no scanning, no write barriers while it marks).
type fhit struct {
	pat int32 // -1 for a CAS hit
	// cas: for a CAS hit, its index in the listing's CAS mentions
	// (evaluation.casList); for a pattern hit, 0 or noSub.
	cas   int32
	s, e  int32
	field int32
}

// noSub marks a pattern hit that is no substance mention (a term inside a
// longer term, or glued to a handle); it keeps its other kinds.
const noSub = -1

// field is one normalised listing field with its hits.
type field struct {
	name string
	orig string
	norm []byte
	segs []seg
	hits []fhit
	// Ranges of this field's raw automaton hits and CAS mentions in the
	// scratch buffers.
	rawLo, rawHi, casLo, casHi int
	joinLo, joinHi             int // range of the field's joined-word hits
	// kinds is the union of the kinds of the patterns of the field's raw
	// automaton hits and joined-word hits: a kind not in it is in none of
	// the field's hits (filtering only drops hits or marks them noSub), and
	// the passes of evaluate and the tests (negatedAt, warnedAgainst, …)
	// that look only at hits of some kinds skip the field.
	kinds uint64
	// offerField: substances named here count (title, description,
	// attributes); seller names and locations give context only.
	offerField bool
	// attrCAS: an attribute whose name is a CAS label ("CAS No."); its
	// value is read as if a CAS keyword stood before it.
	attrCAS bool
	// high: norm may hold a byte from 0x80 on (Text.high); when false it
	// is ASCII, and the searches for Thai or Korean text are skipped.
	high bool
	// tone: norm may hold a digit 1 to 6 right after a letter
	// (Text.tone).
	tone bool
	// seps: the sepBits of the separators norm may hold (Text.sepsHeld);
	// the whole-field searches for the others are skipped.
	seps uint8
	// session: norm holds "session" (a raw hit of sessionWord), which
	// every Session ID follows.
	session bool
}

// window returns the hits of f that start in [lo, hi] (f.hits is sorted by
// start).
func (f *field) window(lo, hi int32) []fhit {
	// sort.Search by hand: no closure call per probe.
	i, k := 0, len(f.hits)
	for i < k {
		h := int(uint(i+k) >> 1)
		if f.hits[h].s < lo {
			i = h + 1
		} else {
			k = h
		}
	}
	j := i
	for j < len(f.hits) && f.hits[j].s <= hi {
		j++
	}
	return f.hits[i:j]
}

func (f *field) origRange(s, e int32) (int, int) {
	t := Text{Norm: f.norm, segs: f.segs, origLen: len(f.orig)}
	return t.Orig(int(s), int(e))
}

// subHit is one substance mention after context evaluation.
type subHit struct {
	sub      int32
	field    int32
	s, e     int32
	kind     string
	term     string
	negated  bool
	medicine bool
	// composition: the mention states what a product contains
	// ("safrole-reduced"), it does not offer the substance.
	composition bool
	// wanted: the mention follows a "[W]" (want) tag of have/want notation.
	wanted bool
	// replaced: the mention is negated only as what the product replaces
	// ("Replacement for BMK", "BMK substitute").
	replaced bool
}

// Match evaluates one listing. A listing that names no watched substance
// (no term and no watched CAS number) is not evaluated further: its result
// has score 0 and empty substances, indicators, observables and explain
// lines. Indicators and observables are reported only next to a substance
// mention.
func (m *Matcher) Match(l *precwatch.Listing) precwatch.Match {
	res := precwatch.Match{ID: l.ID, URL: l.URL, Substances: []precwatch.SubstanceMatch{},
		Indicators: []precwatch.Indicator{}, Observables: []precwatch.Observable{}, Explain: []string{}}
	sc := m.pool.Get().(*scratch)
	defer m.pool.Put(sc)

	fields := sc.fields[:0]
	sc.slab = sc.slab[:0]
	defer func() {
		clear(fields)
		sc.fields = fields[:0]
	}()
	addField := func(name, text string) {
		if blank(text) {
			return
		}
		// Appended zero and filled in place: a field literal is built
		// on the stack and copied (168 bytes).
		fields = append(fields, field{})
		f := &fields[len(fields)-1]
		f.name, f.orig = name, text
		f.offerField = name != precwatch.FieldSeller && name != precwatch.FieldLocation && name != precwatch.FieldPrice
	}
	addField(precwatch.FieldTitle, l.Title)
	addField(precwatch.FieldDescription, l.Description)
	addField(precwatch.FieldPrice, l.Price)
	addField(precwatch.FieldSeller, l.Seller)
	addField(precwatch.FieldLocation, l.Location)
	for _, k := range sortedKeys(l.Attributes) {
		addField("attributes."+k, l.Attributes[k])
		if n := len(fields); n > 0 && fields[n-1].name == "attributes."+k {
			fields[n-1].attrCAS = casAttributeKey(k)
		}
	}
	total := 0
	for len(sc.texts) < len(fields) {
		sc.texts = append(sc.texts, &Text{})
	}
	// Pass 1: normalise and scan every field; note whether any substance
	// term or watched CAS number occurs at all.
	sc.raw = sc.raw[:0]
	sc.cas = sc.cas[:0]
	sc.joined = sc.joined[:0]
	anySub := false
	for fi := range fields {
		f := &fields[fi]
		t := sc.texts[fi]
		f.rawLo = len(sc.raw)
		sc.raw = t.resetScan(f.orig, m.ac, sc.raw) // normalise and scan in one pass
		f.rawHi = len(sc.raw)
		f.norm, f.segs, f.high, f.seps = t.Norm, t.segs, t.high, t.sepsHeld()
		f.tone = t.tone
		total += len(f.norm)
		kinds, keys := m.rawKinds(sc.raw[f.rawLo:f.rawHi])
		casKey := keys&keyCAS != 0
		f.kinds, f.session = kinds, keys&keySession != 0
		f.joinLo = len(sc.joined)
		var digitHyphen bool
		sc.joined, digitHyphen = m.appendJoinedHits(sc.joined, f.norm, int32(fi), &sc.join, f.offerField, f.name == precwatch.FieldTitle, f.seps)
		if kinds&kSubstance != 0 {
			// Only a substance term's raw hit starts a spaced name:
			// without one appendSpacedHits adds nothing.
			sc.joined = m.appendSpacedHits(sc.joined, f.norm, sc.raw[f.rawLo:f.rawHi], int32(fi), &sc.join)
		}
		if f.high {
			sc.joined = m.appendThaiSpacedHits(sc.joined, f.norm, int32(fi), &sc.join)
		}
		if f.offerField && f.tone {
			// Romanised Chinese with tone digits ("ma4 wong4 gaan2", heldout57 zz0069):
			// only a field where Norm may hold a digit 1 to 6 right after a
			// letter can have one (Text.tone).
			sc.joined = m.appendToneHits(sc.joined, f.norm, int32(fi), &sc.join)
		}
		// One search of the field for " - " serves the spaced-hyphen
		// names and the gate of the CAS numbers spaced digit by digit.
		spaced := f.seps&sepBit['-'] != 0 && hasSpacedHyphen(f.norm)
		if spaced {
			sc.joined = m.appendSpacedHyphenHits(sc.joined, f.norm, int32(fi), &sc.join)
		}
		if f.offerField && (t.symbols() || t.cyrDigits()) {
			// "@cetone", "$afrole", "Telegr@m" (heldout61 yw0119, yw0072), "Ацет0н".
			sc.joined = m.appendSymbolHits(sc.joined, f.norm, int32(fi), &sc.join, t.symbols(), t.cyrDigits())
		}
		f.joinHi = len(sc.joined)
		f.casLo = len(sc.cas)
		sc.cas = m.appendFieldCASKeySpaced(sc.cas, f.norm, casKey, digitHyphen, spaced, f.seps&sepBit['.'] != 0)
		if casKey {
			sc.cas = appendChecklessCAS(sc.cas, f.casLo, f.norm)
		}
		if len(sc.cas) == f.casLo && f.attrCAS {
			sc.cas = appendAttributeCAS(sc.cas, f.norm)
		}
		if fi == 1 && f.name == precwatch.FieldDescription && fields[0].name == precwatch.FieldTitle {
			sc.cas = appendCutCAS(sc.cas, f.casLo, fields[0].norm, f.norm)
			sc.cas = appendCutChecklessCAS(sc.cas, f.casLo, fields[0].norm, f.norm)
		}
		f.casHi = len(sc.cas)
		if f.joinHi > f.joinLo {
			for _, h := range sc.joined[f.joinLo:f.joinHi] {
				f.kinds |= m.pinfo[h.pat].kinds
			}
		}
		anySub = anySub || f.joinHi > f.joinLo || kinds&kSubstance != 0
		if !anySub {
			for _, c := range sc.cas[f.casLo:f.casHi] {
				if _, ok := m.casIndex[c.CAS]; ok {
					anySub = true
					break
				}
			}
		}
	}
	// Most listings name no watched substance: nothing to evaluate. Their
	// indicators and observables are left empty (they matter only next to
	// a substance). A name cut between the title and the description
	// ("Benzyl methyl" | "ketone, 25 L drum", heldout45 zn0113) is in
	// neither field alone.
	cut := false
	if !anySub {
		if _, _, _, _, cut = m.cutNameAt(fields); !cut {
			return res
		}
	}
	// Pass 2: word boundaries, containment and CAS hits per field.
	for fi := range fields {
		f := &fields[fi]
		if f.rawHi > f.rawLo {
			f.hits, sc.slab = m.filterHits(f.norm, sc.raw[f.rawLo:f.rawHi], int32(fi), &sc.tmp, sc.slab)
		} else {
			// What filterHits returns for no hits.
			n := len(sc.slab)
			f.hits = sc.slab[n:n:n]
		}
		if f.casHi > f.casLo {
			f.hits = slices.Clip(f.hits)
			for ci := f.casLo; ci < f.casHi; ci++ {
				c := &sc.cas[ci]
				f.hits = append(f.hits, fhit{pat: -1, cas: int32(ci), s: int32(c.Start), e: int32(c.End), field: int32(fi)})
			}
			sortHits(f.hits)
		}
		if f.joinHi > f.joinLo {
			f.hits = m.mergeJoined(f.hits, sc.joined[f.joinLo:f.joinHi])
		}
	}
	// The early exit above looks at raw hits, some of which fail the word
	// test ("hi" of "high"); a listing none of whose substance terms or
	// watched CAS numbers survived filtering names nothing either.
	named := false
	for fi := range fields {
		if f := &fields[fi]; f.kinds&kSubstance == 0 && f.casHi == f.casLo {
			continue // neither a substance term nor a CAS number
		}
		for _, h := range fields[fi].hits {
			if h.pat < 0 {
				if _, ok := m.casIndex[sc.cas[h.cas].CAS]; ok {
					named = true
					break
				}
			} else if h.cas != noSub && m.pinfo[h.pat].kinds&kSubstance != 0 {
				named = true
				break
			}
		}
		if named {
			break
		}
	}
	if !named && !cut {
		return res
	}
	if fieldsHook != nil {
		fieldsHook(m, fields)
	}
	sc.ev.casList = sc.cas
	ev := m.evaluate(l, fields, total, &sc.ev)
	ev.fill(&res, m)
	ev.reset()
	return res
}

// rawKinds returns the union of the kinds of raw's patterns and whether
// one is a CAS keyword (the gate of appendFieldCASKey): one pass over a
// field's raw hits for both.
func (m *Matcher) rawKinds(raw []rawHit) (kinds uint64, keys uint8) {
	for _, r := range raw {
		p := &m.pinfo[r.pat]
		kinds |= p.kinds
		keys |= p.keys
	}
	return kinds, keys
}

// The keys of patInfo: patterns of no kind that the automaton reports on
// behalf of a search that needs them anywhere in a field.
const (
	keyCAS     uint8 = 1 << iota // a CAS keyword (casKeywords)
	keySession                   // sessionWord
)

// fieldsHook, when set (by tests only), sees the fields of every listing
// Match evaluates, before the evaluation.
var fieldsHook func(m *Matcher, fields []field)

// blank reports whether s holds only ASCII white space.
func blank(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ' ', '\t', '\n', '\r', '\v', '\f':
		default:
			return false
		}
	}
	return true
}

// filterHits turns raw automaton hits into fhits that respect word
// boundaries, dropping substance terms inside longer substance terms or
// exclusions.
func (m *Matcher) filterHits(norm []byte, raw []rawHit, fi int32, tmp *[]fhit, slab []fhit) (hits, rest []fhit) {
	out := (*tmp)[:0]
	for _, r := range raw {
		p := &m.pinfo[r.pat]
		if p.kinds == 0 {
			continue // a CAS keyword (appendFieldCASKey)
		}
		// The common case in line, without a call (a call in the loop made
		// the compiler keep its values on the stack for every hit): a
		// pattern that is not rare (patInfo.rare), with an ASCII byte or
		// none on either side. What it cannot decide goes to filterHit,
		// the whole test.
		s, e := r.end-p.plen, int(r.end)
		var before, after byte // the bytes around the hit; 0 for none
		if s > 0 {
			before = norm[s-1]
		}
		if e < len(norm) {
			after = norm[e]
		}
		// "GBL:ää", "PMK:ta": Finnish and Estonian write a case ending
		// after an abbreviation and a colon; the ending is no term ("ää"
		// folds to the acetic anhydride's "AA"; heldout80 yd0083).
		if before == ':' && s >= 2 && p.kinds&^kSubstance == 0 && colonCaseEnding(norm, int(s), e) {
			continue
		}
		if p.rare || before >= 0x80 || after >= 0x80 {
			if h, ok := m.filterHit(norm, r, fi); ok {
				out = append(out, h)
			}
			continue
		}
		if p.startB {
			// An ASCII byte before the term: no Arabic article or
			// Hebrew prefix letter is glued to it (arabicArticleBefore
			// and hebrewPrefixBefore read a non-ASCII rune there).
			if asciiWord[before] && !(p.digitOK && !p.numStart && isDigit(before)) {
				continue
			}
			if p.numStart && s >= 2 && (before == '.' || before == ',') && isDigit(norm[s-2]) {
				continue
			}
		}
		if p.endB && asciiWord[after] && !(p.glueDigit && isDigit(after)) {
			continue
		}
		h := fhit{pat: r.pat, s: s, e: r.end, field: fi}
		if p.kinds&kSubstance != 0 {
			if (before == ' ' || before == ':') && asciiWord[after] {
				// Maybe a handle after a messenger label.
				if h, ok := m.filterHit(norm, r, fi); ok {
					out = append(out, h)
				}
				continue
			}
			if before == '@' || before == '_' || after == '_' {
				// A substance term glued to a handle.
				if p.kinds&^kSubstance == 0 {
					continue
				}
				h.cas = noSub
			}
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
	*tmp = out[:0]
	return keep[base:len(keep):len(keep)], keep
}

// filterHit tests the raw hit r of field fi as filterHits does: whether it
// is kept, and the hit. filterHits decides the common case itself.
func (m *Matcher) filterHit(norm []byte, r rawHit, fi int32) (fhit, bool) {
	p := &m.pinfo[r.pat]
	if p.kinds == 0 {
		return fhit{}, false // a CAS keyword (appendFieldCASKey)
	}
	s := r.end - p.plen
	// A word character glued before or after a term that needs a
	// boundary there (wordBefore and wordAt, their ASCII case in line).
	if p.startB {
		wb, ascii := asciiWordByteBefore(norm, int(s))
		if !ascii {
			wb = wordBefore(norm, int(s))
		}
		if wb && !(p.digitOK && !p.numStart && isDigit(norm[s-1])) && !arabicArticleBefore(norm, int(s)) && !hebrewPrefixBefore(norm, int(s)) {
			return fhit{}, false
		}
		// "~80%", "99.0%": a term that starts with a digit ("0%")
		// after a digit, or after a decimal point or comma after one,
		// is the tail of a longer number (heldout47 zp0097).
		if p.numStart && s >= 2 && (norm[s-1] == '.' || norm[s-1] == ',') && isDigit(norm[s-2]) {
			return fhit{}, false
		}
	}
	if p.glued {
		// A glued term: its tail ends the word before
		// ("tisztítószerként deklarálva"); the hit starts there.
		tail := m.pats[r.pat].tail
		t := int(s) - 1 - len(tail)
		if t < 0 || norm[s-1] != ' ' || string(norm[t:s-1]) != tail {
			return fhit{}, false
		}
		s = int32(t)
	}
	if p.endB {
		wa, ascii := asciiWordByteAt(norm, int(r.end))
		if !ascii {
			wa = wordAt(norm, int(r.end))
		}
		if wa && !(p.glueDigit && isDigit(norm[r.end])) {
			return fhit{}, false
		}
	}
	// A substance term glued to a handle ("@bmk_direct", "pmk_shop")
	// is a user name, not a mention.
	// So is a word glued to a substance term right after a messenger
	// label ("Wickr: anilinolab", "tg bmkshop").
	handle := p.kinds&kSubstance != 0 && (s > 0 && (norm[s-1] == '@' || norm[s-1] == '_') ||
		int(r.end) < len(norm) && norm[r.end] == '_' ||
		s > 0 && (norm[s-1] == ' ' || norm[s-1] == ':') && wordAt(norm, int(r.end)) && afterMessengerLabel(norm, int(s)))
	if handle && p.kinds&^kSubstance == 0 {
		return fhit{}, false
	}
	if p.suffix > 0 {
		e, n := int(r.end), 0
		for n <= int(p.suffix) && wordAt(norm, e) {
			_, w := utf8.DecodeRune(norm[e:])
			e += w
			n++
		}
		if n > int(p.suffix) && !compoundHead(norm, int(r.end)) || n <= int(p.suffix) && chemicalEnding(norm, int(r.end), e) {
			return fhit{}, false
		}
	}
	// "new PMK precursor": "new" qualifies "precursor", so the street
	// name "new PMK" is not meant; the shorter name inside it counts.
	if p.newStreet && p.kinds&kSubstance != 0 && bytes.HasPrefix(norm[r.end:], []byte(" precursor")) {
		return fhit{}, false
	}
	h := fhit{pat: r.pat, s: s, e: r.end, field: fi}
	if handle {
		h.cas = noSub
	}
	return h, true
}

// colonCaseEndings are the case endings that Finnish and Estonian write
// after an abbreviation and a colon ("GBL:ää", "PMK:ta", "BMK:n"),
// normalised, as long as the watchlist's shortest abbreviations.
var colonCaseEndings = []string{"aa", "ta", "tta", "ssa", "sta", "lla", "lta", "lle", "ksi", "na", "iin", "ga", "st", "le", "lt", "ks"}

// colonCaseEnding reports whether norm[s:e] is a case ending glued by a
// colon to the abbreviation before it: a letter or digit right before
// the colon, and the hit one of colonCaseEndings.
func colonCaseEnding(norm []byte, s, e int) bool {
	if !isAlnumByte(norm[s-2]) {
		return false
	}
	return slices.Contains(colonCaseEndings, string(norm[s:e]))
}

// indCand is an indicator phrase found in a field.
type indCand struct {
	ii    int16
	field int32
	s, e  int32
	fr    int16 // 1 + the indicator frame it comes from, 0 for none
	// dest: a delivery guarantee that counts only with a named
	// destination (destination.go); pat is its pattern.
	dest bool
	pat  int32
}

// licHit is a licensed-seller word: its field, where it starts and its
// pattern's text.
type licHit struct {
	field, s int32
	text     string
}

// ctxHit is the position of a context word.
type ctxHit struct {
	field int32
	s     int32
}

// ambMemo locates in evaluation.ambBuf the context (kind kAmbContext) or
// block (kAmbBlock) words of one ambiguous term.
type ambMemo struct {
	ar     ambRef
	kind   uint64
	lo, hi int32
}

// evaluation is the listing-level state of the context analysis.
type evaluation struct {
	casList []CASMention // the listing's CAS mentions (fhit.cas)
	ambMemo []ambMemo
	ambBuf  []ctxHit
	aggs    []agg
	explain []string
	subs    []precwatch.SubstanceMatch
	inds    []precwatch.Indicator
	lower   []byte // scratch for appendObservables
	// msgKeys remembers which attribute names messengerKey read as a
	// messenger's (names repeat across a platform's records); bounded.
	msgKeys map[string]bool

	// Buffers kept between calls (the evaluation lives in a pooled scratch).
	chem, unamb, ambHits []ctxHit
	ambPats              []int32
	mentions             []subHit
	paper                [][2]int32
	pack                 [][2]int32 // denied packaging nouns (paperSpans)
	casSubs              []int32
	subAt, subLo         []int32   // substance and CAS hits of each field (evaluate)
	cands                []indCand // indicator phrases found, in text order
	react                []indCand // first parts of substance frames (reaction words)

	fields     []field
	hits       []subHit
	indicators []precwatch.Indicator // in indOrder
	indOrder   []string
	observ     []precwatch.Observable
	obsField   []string // field of each observable
	chemForm   bool
	dosage     bool
	bulk       bool
	bulkWhy    string
	licensed   string
	// lics are the licensed-seller words found (not negated, not in a
	// denied paper phrase), in text order; licensed is the first one left
	// once the denied packaging phrases are known.
	lics      []licHit
	nonOffer  []string
	offer     bool
	offerWeak bool
	priced    bool // the price field is not empty
	// offerContact: a weak offer word that is no unit (delivery, contact,
	// "available"); reports quote quantities, rarely these.
	offerContact bool
	// fiat: the listing names a non-crypto payment method (not denied);
	// cryptoOnly: a crypto payment is said to be the only one.
	fiat, cryptoOnly bool
	newsPats         []int32 // distinct non-offer patterns found
	newsBody         bool    // one of newsPats stands outside the title
	newsAuth         int     // how many of newsPats only name an authority
	offerPats        []int32 // distinct offer patterns found
	textLen          int
	notSubst         string
	notSubstPat      int32   // pattern of notSubst
	bonusNoun        []int32 // not-substance nouns given as extras
	ambDropped       []string

	// service: a service noun in the title ("consulting", "training"),
	// at serviceAt [field, start].
	service   string
	serviceAt [2]int32

	// media: a word of a recording the listing sells ("debut album",
	// "vinyl record"); recording: the substance names were dropped as
	// the names of its band or record.
	media     string
	recording bool

	// document: a document name heading the title ("Certificate of
	// Analysis – …", "SDS – …").
	document string

	// bulkAt is where the bulk quantity stands: field index and span in
	// its normalised text (for the indicator's field and quoted text).
	bulkAt [3]int32
}

// blankPrice reports whether a price field holds nothing or only a
// placeholder: spaces, dashes or an ellipsis ("—", "-", "…"), as news and
// articles fill the field (heldout85 xy0092, a Finnish police warning
// with price "—"). A placeholder states no price, so it makes no offer.
func blankPrice(p string) bool {
	for _, r := range p {
		switch r {
		case '-', '.', '‐', '‑', '‒', '–', '—', '―', '…':
		default:
			if !unicode.IsSpace(r) {
				return false
			}
		}
	}
	return true
}

func (m *Matcher) evaluate(l *precwatch.Listing, fields []field, total int, ev *evaluation) *evaluation {
	ev.fields = fields
	ev.textLen = total
	ev.offer = !blankPrice(l.Price)
	ev.priced = ev.offer
	shortListing := total < 4000
	// Listing-wide signals.
	chem, unamb := ev.chem[:0], ev.unamb[:0]
	defer func() { ev.chem, ev.unamb = chem[:0], unamb[:0] }()
	// Context and block words of ambiguous terms, looked at only when an
	// ambiguous term is there.
	ambHits, ambPats := ev.ambHits[:0], ev.ambPats[:0]
	defer func() { ev.ambHits, ev.ambPats = ambHits[:0], ambPats[:0] }()
	// Memo of the context and block words of each ambiguous term, in
	// ev.ambBuf (a listing has few ambiguous terms: a linear search).
	ev.ambMemo, ev.ambBuf = ev.ambMemo[:0], ev.ambBuf[:0]
	ambList := func(ar ambRef, kind uint64) []ctxHit {
		for _, e := range ev.ambMemo {
			if e.ar == ar && e.kind == kind {
				return ev.ambBuf[e.lo:e.hi:e.hi]
			}
		}
		lo := len(ev.ambBuf)
		for i, pi := range ambPats {
			p := &m.pats[pi]
			if p.kinds&kind == 0 {
				continue
			}
			refs := p.ambRefs
			if kind == kAmbBlock {
				// A word may be a context word of one ambiguous term and a
				// block word of another ("tablets").
				refs = p.ambBlocks
			}
			for _, a := range refs {
				if a == ar {
					ev.ambBuf = append(ev.ambBuf, ambHits[i])
					break
				}
			}
		}
		hi := len(ev.ambBuf)
		ev.ambMemo = append(ev.ambMemo, ambMemo{ar: ar, kind: kind, lo: int32(lo), hi: int32(hi)})
		return ev.ambBuf[lo:hi:hi]
	}
	// subAt[subLo[fi]:subLo[fi+1]] are the indices in fields[fi].hits of
	// its CAS hits and of its substance hits that are mentions (cas not
	// noSub), in order: the later passes over substance mentions read
	// only these (f.hits does not change in evaluate).
	subAt, subLo := ev.subAt[:0], ev.subLo[:0]
	defer func() { ev.subAt, ev.subLo = subAt[:0], subLo[:0] }()
	for fi := range fields {
		f := &fields[fi]
		subLo = append(subLo, int32(len(subAt)))
		paper, pack := ev.paper[:0], ev.pack[:0]
		if f.kinds&(kPaperNoun|kPackNoun) != 0 {
			paper, pack = m.paperSpans(f, paper, pack)
		}
		ev.paper, ev.pack = paper[:0], pack[:0]
		for _, sp := range paper {
			ev.cands = append(ev.cands, indCand{ii: m.noPaper, field: int32(fi), s: sp[0], e: sp[1]})
		}
		for _, sp := range pack {
			ev.cands = append(ev.cands, indCand{ii: m.stealth, field: int32(fi), s: sp[0], e: sp[1]})
		}
		if m.messenger >= 0 && f.session {
			ev.cands = appendSessionIDs(ev.cands, f.norm, int32(fi), m.messenger)
		}
		// A Korean pack count ("10정", "30 정": tablets) is a dosage form
		// (heldout33 zb0154); a bare 정 is too common a syllable (정품,
		// 정보, 한정) to be a term. Not in the seller's name, as below.
		if !ev.dosage && f.high && f.name != precwatch.FieldSeller && koreanTabletCount(f.norm) {
			ev.dosage = true
		}
		// A Russian or Ukrainian pharmacy's pack count after a strength
		// ("Нурофен 200 мг №20") is a medicine's (heldout65 ys0065).
		// (The sign is looked for last: most fields are ASCII.)
		if !ev.dosage && f.high && f.name != precwatch.FieldSeller && strings.Contains(f.orig, packSign) && strengthPackCount(f) {
			ev.dosage = true
		}
		// newsEnd is the end of the last report word counted in this
		// field: report words that overlap it belong to one phrase
		// ("listed in Table I of the 1988 Convention") and count once.
		// newsAuthEnd is newsEnd when the last word counted is an
		// authority noun: a report verb phrase that overlaps it counts on
		// its own ("Border Force" in "Border Force intercepted", "NZ
		// Customs" in "customs intercepts", heldout52 zu0016).
		newsEnd, newsAuthEnd := int32(-1), int32(-1)
		for hi, h := range f.hits {
			if h.pat < 0 {
				subAt = append(subAt, int32(hi))
				chem = append(chem, ctxHit{int32(fi), h.s})
				continue
			}
			p := &m.pats[h.pat]
			k := p.kinds
			if k&kChemCtx != 0 {
				chem = append(chem, ctxHit{int32(fi), h.s})
			}
			if k&kSubstance != 0 && h.cas != noSub {
				subAt = append(subAt, int32(hi))
				for _, r := range p.refs {
					if r.amb == -1 {
						unamb = append(unamb, ctxHit{int32(fi), h.s})
						break
					}
				}
			}
			// "Cold & flu powder … 1 sachet", "Суық тиюге қарсы ұнтақ":
			// a powder named for the illness it treats is a dosage form
			// (a dosage phrase over the chemical-form word), not the
			// chemical's form (heldout49 zr0021).
			// "Терафлю порошок №10": a powder with a pack count is ten
			// sachets of a medicine, a dosage form (heldout65 ys0065).
			if k&kChemForm != 0 && !ev.chemForm && !m.inDosagePhrase(f, h) && !containerNoun(f.norm, int(h.e)) {
				if f.name != precwatch.FieldSeller && strings.Contains(f.orig, packSign) && packCountAt(f, skipSpaces(f.norm, int(h.e))) {
					ev.dosage = true
				} else {
					ev.chemForm = true
				}
			}
			// A dosage word in the seller's name ("ilac_ham", "PillBox
			// Pharma") says what the company is, not the product's form.
			if k&kDosage != 0 && f.name != precwatch.FieldSeller {
				ev.dosage = true
			}
			// A bulk word in the seller's name ("Lifeline Pharma
			// Distributors") says what the company is, not how much this
			// listing sells.
			// A bare "ton" after no number is a word of another language,
			// the Greek article των in Latin letters ("siropi gia ton vixa",
			// heldout53 zv0089) or French "ton" (your), not tonnes.
			if k&kBulk != 0 && !ev.bulk && f.name != precwatch.FieldSeller && !bareTon(f.norm, p.text, h.s) {
				ev.bulk = true
				ev.bulkWhy = p.text
				ev.bulkAt = [3]int32{int32(fi), h.s, h.e}
			}
			if k&kLicensed != 0 && !m.negatedAt(f, h.s) && !overlapsAny(paper, h) && !pharmacyLike(f.norm, int(h.s)) {
				ev.lics = append(ev.lics, licHit{field: int32(fi), s: h.s, text: p.text})
			}
			// A not-substance noun denied as packaging ("no hazard stickers
			// visible", heldout33 zb0081) says how the parcel looks, not what
			// is sold.
			if k&kNotSubstance != 0 && !overlapsAny(pack, h) {
				// A not-substance noun given as an extra ("+ free ebook")
				// is not what is sold, wherever else the listing names it.
				if wordsBefore(f.norm, int(h.s), bonusWords, 2) || wordsBefore(f.norm, int(h.s), concealWords, 3) ||
					wordsBefore(f.norm, int(h.s), pharmacopoeiaWords, 1) || purposeBefore(f.norm, int(h.s)) {
					ev.bonusNoun = append(ev.bonusNoun, h.pat)
				} else if ev.notSubst == "" {
					ev.notSubst, ev.notSubstPat = p.text, h.pat
				}
			}
			// A service the title offers ("Water treatment consulting"),
			// not one given as an extra ("+ free consulting").
			if k&kService != 0 && ev.service == "" && f.name == precwatch.FieldTitle && !m.negatedAt(f, h.s) &&
				!wordsBefore(f.norm, int(h.s), bonusWords, 2) {
				ev.service, ev.serviceAt = p.text, [2]int32{int32(fi), h.s}
			}
			// A document the title is ("Certificate of Analysis –
			// Phenylacetic acid, lot 2026-0412"), not one a seller offers
			// with the goods ("Toluene 99.9%, COA available").
			if k&kDocument != 0 && ev.document == "" && f.name == precwatch.FieldTitle && documentHeading(f.norm, h.s, h.e) {
				ev.document = p.text
			}
			// A recording the listing sells ("Debut album by the band …"),
			// not one given as an extra ("+ free CD album").
			if k&kMedia != 0 && ev.media == "" && f.offerField && !m.negatedAt(f, h.s) &&
				!wordsBefore(f.norm, int(h.s), bonusWords, 2) {
				ev.media = p.text
			}
			// A denied report word ("no police, no seizure") says nothing
			// of a report.
			news := k&kNonOffer != 0 && !m.negatedAt(f, h.s) && !m.insideIndicator(f, h) && !retailDenied(f.norm, p.text, h.e) &&
				(k&kAuthority == 0 || !m.authorityInFrame(f, h)) && !useSuffixAfter(f.norm, int(h.e)) && !nothingAfter(f.norm, int(h.e)) &&
				!wordsBefore(f.norm, int(h.s), conditionalWords, 4) &&
				// The frame of a question the title asks ("¿Alguien sabe
				// qué es el MAPA?", "Is it legal to buy …?") reports
				// nothing: its answers say whether the page offers
				// (questionThread).
				(f.name != precwatch.FieldTitle || !questionFrames[p.text] || questionEnd(f.norm, int(h.e)) < 0 || !titleQuestion(f.norm))
			if news && len(ev.nonOffer) < 3 {
				ev.nonOffer = append(ev.nonOffer, p.text)
			}
			// An offer word right after a negation cue ("no stock", "no
			// longer sell", "not available") offers nothing.
			deniedOffer := k&(kOffer|kOfferWeak) != 0 && m.negatedAt(f, h.s)
			if k&kOffer != 0 && !deniedOffer {
				ev.offer = true
				if !slices.Contains(ev.offerPats, h.pat) {
					ev.offerPats = append(ev.offerPats, h.pat)
				}
			}
			if news && (h.s >= newsEnd || k&kAuthority == 0 && newsEnd == newsAuthEnd) && !slices.Contains(ev.newsPats, h.pat) {
				ev.newsPats = append(ev.newsPats, h.pat)
				ev.newsBody = ev.newsBody || f.name != precwatch.FieldTitle
				if k&kAuthority != 0 {
					ev.newsAuth++
				}
				newsAuthEnd = -1
				if k&kAuthority != 0 {
					newsAuthEnd = max(h.e, newsEnd)
				}
			}
			if news && h.e > newsEnd {
				newsEnd = h.e
			}
			// A fiat method refused ("we don't do PayPal or bank", "no
			// cards", "bank and card payments are switched off") is no
			// other way to pay: the crypto named beside it
			// is then the only one.
			if k&kFiat != 0 && !ev.fiat && !m.negatedAt(f, h.s) && !m.negatedIndicator(f, h.s) && !m.refusedIndicator(f, h.e) {
				ev.fiat = true
			}
			if k&kOfferWeak != 0 && !deniedOffer {
				ev.offerWeak = true
				if !m.unitWord[h.pat] {
					ev.offerContact = true
				}
			}
			// A block word inside a payment method ("bank" in "SWIFT bank
			// transfer") says how the buyer pays, not what an ambiguous
			// term is (heldout40 zi0010).
			if k&(kAmbContext|kAmbBlock) != 0 && (k&kAmbContext != 0 || !m.insideFiat(f, h)) {
				ambHits = append(ambHits, ctxHit{int32(fi), h.s})
				ambPats = append(ambPats, h.pat)
			}
			if k&kIndicator != 0 {
				for _, ii := range p.indicators {
					ev.cands = append(ev.cands, indCand{ii: ii, field: int32(fi), s: h.s, e: h.e})
				}
			}
			if k&kIndDest != 0 {
				for _, ii := range m.destTerms[h.pat] {
					ev.cands = append(ev.cands, indCand{ii: ii, field: int32(fi), s: h.s, e: h.e, dest: true, pat: h.pat})
				}
			}
			if k&kFrameSecond != 0 {
				for _, fr := range p.frameSecond {
					if s, e, ok := m.frameSpan(f, h, fr); ok {
						ev.cands = append(ev.cands, indCand{ii: m.frames[fr].ii, field: int32(fi), s: s, e: e, fr: fr + 1})
					}
				}
			}
			if k&kFrameFirst != 0 {
				for _, fr := range p.frameFirst {
					if m.frames[fr].substance {
						ev.react = append(ev.react, indCand{ii: m.frames[fr].ii, field: int32(fi), s: h.s, e: h.e, fr: fr + 1})
					}
					if m.frames[fr].quoted || m.frames[fr].handle || m.frames[fr].bare {
						if s, e, ok := m.afterSpan(f, h, fr); ok {
							ev.cands = append(ev.cands, indCand{ii: m.frames[fr].ii, field: int32(fi), s: s, e: e, fr: fr + 1})
						}
					}
					if !m.frames[fr].negated {
						continue
					}
					if s, e, ok := m.negFrameSpan(f, h, fr); ok {
						ev.cands = append(ev.cands, indCand{ii: m.frames[fr].ii, field: int32(fi), s: s, e: e, fr: fr + 1})
					}
				}
			}
		}
	}
	subLo = append(subLo, int32(len(subAt)))
	// within returns the entries of list (sorted by field, then position)
	// in field fi that lie within radius bytes of s.
	within := func(list []ctxHit, fi, s, radius int32) []ctxHit {
		i := sort.Search(len(list), func(i int) bool {
			return list[i].field > fi || list[i].field == fi && list[i].s >= s-radius
		})
		j := i
		for j < len(list) && list[j].field == fi && list[j].s <= s+radius {
			j++
		}
		return list[i:j]
	}
	// near reports whether list has an entry near position s of field fi:
	// within 300 bytes in the same field (anywhere in a short field), or in
	// another field of a short listing. Entries at s itself are skipped when
	// self is set (a term is no context for itself).
	near := func(list []ctxHit, fi, s int32, self bool) bool {
		if len(list) == 0 {
			return false
		}
		if shortListing && (list[0].field != fi || list[len(list)-1].field != fi) {
			return true
		}
		radius := int32(300)
		if len(fields[fi].norm) < 600 {
			radius = 600
		}
		for _, c := range within(list, fi, s, radius) {
			if !self || c.s != s {
				return true
			}
		}
		return false
	}
	// Substances named by a CAS number anywhere in the listing.
	casSubs := ev.casSubs[:0]
	defer func() { ev.casSubs = casSubs[:0] }()
	for fi := range fields {
		if fields[fi].casHi == fields[fi].casLo {
			continue // no CAS number in the field
		}
		for _, h := range fields[fi].hits {
			if h.pat < 0 {
				if r, ok := m.casIndex[ev.casList[h.cas].CAS]; ok {
					casSubs = append(casSubs, r.sub)
				}
			}
		}
	}
	// Ambiguous abbreviations the listing spells out as something else
	// ("PMK (Pimp My Keyboard)"): none of their mentions counts.
	// Ambiguous abbreviations the listing also writes as a product or
	// model code ("MEK 15kg — ürün kodu MEK-2210 kompresör parçası"): the
	// code says what the abbreviation is the name of in this listing, so
	// its bare mentions are that product too, quantity or not.
	var spelled, coded []ambRef
	for fi := range fields {
		f := &fields[fi]
		if f.kinds&kSubstance == 0 {
			continue
		}
		for _, hi := range subAt[subLo[fi]:subLo[fi+1]] {
			h := f.hits[hi]
			if h.pat < 0 || h.cas == noSub || m.pats[h.pat].kinds&kSubstance == 0 {
				continue
			}
			for _, r := range m.pats[h.pat].refs {
				if r.amb != -1 && m.acronymSpelledOut(f, h, r.sub) {
					spelled = append(spelled, ambRef{sub: r.sub, amb: r.amb})
				}
				if r.amb != -1 && f.offerField && m.productCodeAfter(f.norm, int(h.e)) {
					coded = append(coded, ambRef{sub: r.sub, amb: r.amb})
				}
			}
		}
	}
	// Substance mentions, per field, with negation: only in a field where
	// substances count that holds a substance term or a CAS number.
	for fi := range fields {
		f := &fields[fi]
		if !f.offerField || f.kinds&kSubstance == 0 && f.casHi == f.casLo {
			continue
		}
		mentions := ev.mentions[:0]
		for _, hi := range subAt[subLo[fi]:subLo[fi+1]] {
			h := f.hits[hi]
			if h.cas == noSub {
				continue
			}
			if h.pat < 0 {
				cas := ev.casList[h.cas].CAS
				if r, ok := m.casIndex[cas]; ok && f.offerField {
					mentions = append(mentions, subHit{sub: r.sub, field: int32(fi), s: h.s, e: h.e, kind: precwatch.HitCAS, term: cas})
				}
				continue
			}
			p := &m.pats[h.pat]
			if p.kinds&kSubstance == 0 || !f.offerField {
				continue
			}
			substituted := p.text != "" && isDigit(p.text[0]) && substituentBefore(f.norm, int(h.s)) ||
				locantAfter(f.norm, int(h.e)) || locantSubstituentBefore(f.norm, int(h.s)) ||
				protectingGroupBefore(f.norm, int(h.s)) || classNounAfter(f.norm, int(h.e)) || cjkLocantBefore(f.norm, int(h.s)) ||
				bracketedPrefix(f.norm, int(h.s), int(h.e)) || ylWordBefore(f.norm, int(h.s))
			// "(methylenedioxy)phenylacetic acid": a name glued to a
			// bracketed substituent names a substituted compound, whatever
			// the substance's list.
			// "2-Propanone, 1-phenyl-", "Benzeneacetic acid, 4-methoxy-",
			// "Benzeneacetic acid, propyl ester": a CAS-index inverted name
			// whose parent is this name names the substituted compound or
			// the ester, whatever the substance's list.
			// "Изоамиловый эфир фенилуксусной кислоты", 苯乙酸苄酯,
			// "перекись метилэтилкетона", 4-哌啶酮乙二醇缩酮, 盐酸氨基葡萄糖:
			// an ester, peroxide, ketal or hydrochloride named with the
			// name inside it (derivativeAround).
			derived := bracketSubstituentBefore(f.norm, int(h.s)) || invertedSubstituted(f.norm, int(h.e)) || derivativeAround(f.norm, int(h.s), int(h.e))
			cjkDerived := h.s >= 3 && f.norm[h.s] >= 0x80
			for ri, r := range p.refs {
				if dupSub(p.refs[:ri], r.sub) {
					continue
				}
				// "4-phenyl-2-butanone", "(3,4-methylenedioxyphenyl)-2-butanone":
				// a locant name glued to a substituent names another
				// compound. Only for Table II substances and reagents; a
				// Table I or immediate-precursor name keeps its hit (recall
				// first where any quantity is a ticket).
				if derived || substituted && (m.substitutable(r.sub) || ringSubstituted[m.subs[r.sub].ID]) || cjkDerived && m.cjkSubstituentBefore(f.norm, int(h.s), r.sub) {
					continue
				}
				// "(1S,2S)-2-amino-1-phenylpropan-1-ol" is cathine, the
				// one stereoisomer the entry leaves out.
				if f.norm[h.s] != '(' && h.s > 0 && f.norm[h.s-1] == '-' && excludedStereoBefore(f.norm, int(h.s), m.subs[r.sub].ID) {
					continue
				}
				// A street name holding an ambiguous abbreviation ("new
				// PMK", "BMK powder") is blocked by that abbreviation's
				// block words ("PMK Racing — new PMK series exhaust").
				if sa := m.streetAmb[h.pat]; r.amb == -1 && sa.sub >= 0 && r.kind == HitStreetName &&
					len(within(ambList(sa, kAmbBlock), int32(fi), h.s, 80)) > 0 {
					continue
				}
				if r.amb != -1 {
					ar := ambRef{sub: r.sub, amb: r.amb}
					own := r.amb >= 0 && near(ambList(ar, kAmbContext), int32(fi), h.s, false) ||
						slices.Contains(casSubs, r.sub) || m.quantityNextTo(f.norm, int(h.s), int(h.e))
					// Another unambiguous substance nearby is chemical
					// context too; but a two-letter abbreviation written
					// as a lower-case word between lower-case words
					// ("Sanjeeda log hi rabta karein") is that word, and
					// only its own context makes it the substance.
					// "2-bromo ketone", "α-bromo ketone": a term glued to a
					// locant names a class of compounds or another one, which
					// general chemical context cannot tell from the substance;
					// only the term's own context can.
					ok := own || !locantBefore(f.norm, int(h.s)) &&
						(near(chem, int32(fi), h.s, false) || near(unamb, int32(fi), h.s, true)) && !proseOrGreeting(f, h)
					blk := ambList(ar, kAmbBlock)
					if len(blk) > 0 && isCJKStart(f.norm[h.s:]) {
						blk = m.gluedBlocks(fields, blk, ar, int32(fi), h)
					}
					if len(within(blk, int32(fi), h.s, 80)) > 0 || shortListing && inTitle(blk, fields) ||
						shortListing && len(blk) > 0 && !slices.Contains(casSubs, r.sub) {
						// A block word next to the term, or anywhere in a
						// short listing (what the product is: "NPP 100" with
						// "100 mg/ml vial" below), unless the listing gives
						// the substance's CAS number.
						ok = false
					}
					// A short term right after another substance's name is
					// a salt marker ("ephedrine HCl") or a qualifier.
					salt := false
					if ok && (m.followsOther(f, h, r.sub) || saltMarkerAfterWord(f.norm, h)) {
						ok, salt = false, true
					}
					// "PMK (Pimp My Keyboard)", "Nuclear Power Plant (NPP)":
					// the abbreviation spelled out as something else, here
					// or anywhere in the listing.
					if ok && slices.Contains(spelled, ambRef{sub: r.sub, amb: r.amb}) {
						ok = false
					}
					// "wa.me/…?text=hi%20shop": inside a URL the term is
					// part of the address, whatever stands near it.
					if ok && inURL(f, h) {
						ok = false
					}
					// "Product code MEK-002", "PMK-800 cordless impact
					// driver", "BMK-2000X": an abbreviation joined by a
					// hyphen to a number is a product or model code,
					// whatever context the listing has (a shop's "opened
					// chemicals are not accepted back", heldout40 zi0090;
					// "thinner", heldout41 zj0027), unless the listing gives
					// the substance's CAS number.
					// The code's abbreviation written bare elsewhere in
					// the listing is the same product (heldout44 zm0080).
					code := ok && !slices.Contains(casSubs, r.sub) && (m.productCodeAfter(f.norm, int(h.e)) || slices.Contains(coded, ar))
					if code {
						ok = false
					}
					// "Hi *|FNAME|*,": a mail-merge tag is no word; the
					// term before it is a greeting (see mergeGreeting).
					merge := ok && r.amb >= 0 && mergeGreeting(f.norm, int(h.s), int(h.e), m.subs[r.sub].Ambiguous[r.amb].Block)
					if merge {
						ok = false
					}
					if !ok {
						if len(ev.ambDropped) < 5 {
							line := r.ambLine
							if salt {
								line = fmt.Sprintf("term %q after another substance's name (its salt or a qualifier): ignored", r.term)
							}
							if code {
								line = fmt.Sprintf("term %q in a product code: ignored", r.term)
							}
							if merge {
								line = fmt.Sprintf("term %q before a mail-merge placeholder (a greeting): ignored", r.term)
							}
							ev.ambDropped = append(ev.ambDropped, line)
						}
						continue
					}
				}
				mentions = append(mentions, subHit{sub: r.sub, field: int32(fi), s: h.s, e: h.e, kind: r.kind, term: r.term, medicine: r.medicine})
			}
		}
		mentions = m.dropQualifiers(f, mentions)
		m.negate(f, mentions)
		m.markComposition(f, mentions, ev.chemForm)
		ev.hits = append(ev.hits, mentions...)
		ev.mentions = mentions[:0]
	}
	ev.hits = m.dropWordQualifiers(fields, ev.hits)
	ev.hits = m.cutName(fields, ev.hits)
	m.replacedTargets(ev.hits)
	if !ev.priced {
		m.requestThread(fields, ev.hits)
	}
	// Nothing named (every substance-like term was an ambiguous one without
	// context): indicators, observables and quantities do not matter.
	if len(ev.hits) == 0 {
		return ev
	}
	if len(ev.react) > 0 {
		ev.cands = m.reactionCands(ev, fields, ev.cands)
	}
	// A phrase inside a longer one of the same indicator that is denied
	// ("匿名" in "匿名配送不可") is denied with it.
	ev.cands = m.dropInsideDenied(fields, ev.cands)
	footers := siteFooters(l, fields)
	for _, c := range ev.cands {
		f := &fields[c.field]
		if len(footers) > 0 && inFooter(footers, f, c.s, c.e) {
			continue // the portal's own footer: "GlobalChemSource © 2026 · Customer service WhatsApp +44 …"
		}
		if c.ii == m.messenger && temperatureAfter(f.norm, int(c.e)) {
			continue // "Tg: 105 °C": a glass-transition temperature, not Telegram
		}
		if c.fr > 0 && m.frames[c.fr-1].quoted {
			if spanNamesOwn(c.field, c.s, c.e, ev.hits) {
				continue // "the waybill reads 'Acetone, UN1090'": the true name
			}
		} else if m.indicators[c.ii].id == IndMislabel && (namesOwnProduct(f, c, ev.hits) || quantityAfter(f.norm, int(c.e)) ||
			citedPhrase(f.norm, c.s, c.e) || ownGradeClass(fields, f.norm, c.e)) {
			continue // "shipped as 'Acetone, UN1090'", "sent as a 50 ml bottle", « déclarés comme »: no false name
		}
		if m.quotedMention(f, c) {
			continue // "Promises of 'guaranteed customs clearance' … do not replace these documents"
		}
		if c.dest && !m.destinationNamed(fields, f, c) {
			continue // "Fast delivery guaranteed", "safe delivery worldwide": no named destination
		}
		if c.fr > 0 && m.frameBlocked(f, c) {
			continue // "customs duties not included": a word of the frame's block list clears it
		}
		if m.warnedAgainst(f, c.s, c.e) {
			continue // a marketplace safety tip: "scammers often ask to move to Telegram"
		}
		if m.indicators[c.ii].id == IndSynthesis && (tagInRow(f.norm, c.s, c.e) || controlExplained(f.norm, c.s, c.e)) {
			// "#meth #pseudoephedrine": a post's topic tags (heldout42
			// zk0021); "a watched chemical because of meth labs": the cause
			// of a control. Neither is a synthesis hint.
			continue
		}
		if c.ii == m.noPaper && (refusedSale(f.norm, c.s) || refusedPaperless(f.norm, c.s)) {
			// "Nobody … is going to sell you a kilo of iodine without
			// questions", "Neprodáváme bez faktury": papers are asked
			continue
		}
		if !m.blockedAfter(f, fhit{s: c.s, e: c.e}, c.ii) && !m.blockedBefore(f, c.s, c.ii) &&
			(c.ii == m.noPaper && !m.negatedImmediate(f, c.s) || !m.negatedIndicator(f, c.s) && !m.negatedInList(f, c.s, c.e, c.ii) && !m.refusedIndicator(f, c.e) && !answeredNo(f.norm, int(c.s)) &&
				!m.refusedFirstPart(f, c)) {
			ev.addIndicator(m.indicators[c.ii], f, c.s, c.e)
			if (c.ii == m.stealth || c.ii == m.noPaper) && len(ev.lics) > 0 {
				m.dropDeniedLicensed(ev, f, c)
			}
			if c.ii == m.crypto && !ev.cryptoOnly {
				ev.cryptoOnly = m.onlyNear(f, c.s, c.e)
			}
		}
	}
	for fi := range fields {
		f := &fields[fi]
		// Observables from the original text. An attribute named after a
		// messenger ({"Telegram": "@handle"}) reads as "Telegram: @handle".
		text, msgr := f.orig, m.namesMessenger(f) || ev.indicatorIn(IndMessenger, f.name)
		key, attr := strings.CutPrefix(f.name, "attributes.")
		msgKey := attr && !f.attrCAS && ev.messengerKey(m, key)
		if msgKey {
			text, msgr = key+": "+f.orig, true
		}
		n := len(ev.observ)
		ev.observ = appendObservables(ev.observ, text, msgr, &ev.lower)
		if msgKey && len(ev.observ) > n {
			// A handle or number under a messenger's name, whatever its
			// script ({"واتساب": "+98 …"}), is a messenger contact.
			ev.addIndicatorText(indicatorDef{IndMessenger, m.labelOf(IndMessenger)}, f.name, text)
		}
		for len(ev.obsField) < len(ev.observ) {
			ev.obsField = append(ev.obsField, f.name)
		}
	}
	// Messenger and crypto observables are indicators too, unless only
	// the portal's footer gives them.
	for oi, o := range ev.observ {
		if len(footers) > 0 && footerOnly(m, footers, fields, ev.obsField[oi], o) {
			continue
		}
		switch o.Type {
		case precwatch.ObservableTelegram, precwatch.ObservableWickr, precwatch.ObservableWhatsApp,
			precwatch.ObservableThreema, precwatch.ObservableSignal:
			if strings.HasPrefix(o.Value, "+") && m.numberShared(fields, ev.obsField[oi]) {
				continue // "We're hiring! … Apply via WhatsApp +44 …": an application channel
			}
			ev.addIndicatorText(indicatorDef{IndMessenger, m.labelOf(IndMessenger)}, ev.obsField[oi], quoteObservable(fields, ev.obsField[oi], o))
		case precwatch.ObservableBitcoin, precwatch.ObservableEthereum, precwatch.ObservableMonero, precwatch.ObservableTron:
			ev.addIndicatorText(indicatorDef{IndCrypto, m.labelOf(IndCrypto)}, ev.obsField[oi], quoteObservable(fields, ev.obsField[oi], o))
		}
	}
	for _, l := range ev.lics {
		if l.text != "" {
			ev.licensed = l.text
			break
		}
	}
	if ev.notSubst != "" && (slices.Contains(ev.bonusNoun, ev.notSubstPat) || m.bundledSubstance(fields, ev.hits)) {
		ev.notSubst = ""
	}
	// The policy's indicator is crypto-only payment: a crypto method
	// among others (T/T, PayPal, bank transfer) is none, unless the listing
	// says crypto is the only way.
	if ev.fiat && !ev.cryptoOnly {
		ev.dropIndicator(IndCrypto)
	}
	if !ev.bulk && len(ev.hits) > 0 {
		if why, at := m.bulkQuantity(fields); why != "" {
			ev.bulk, ev.bulkWhy, ev.bulkAt = true, why, at
		}
	}
	return ev
}

// gluedBlocks returns the block words of ambiguous CJK term h (in field
// fi) without those that are another substance's name standing apart from
// it. Chinese and Japanese write a salt or a derivative as one word with
// the other substance's name (硫酸麻黄碱 ephedrine sulphate, 盐酸伪麻黄碱,
// 苯基丙酮, 氢碘酸; Korean with a space, 염산 에페드린): glued to the term,
// or overlapping it, that name says what the term is part of. Apart, as in
// a list of controlled chemicals ("第一类包括麻黄碱…；第二类包括丙酮、甲苯、
// 硫酸", heldout48 zq0027), it is another substance named beside this one,
// which is chemical context, not a block. blk is returned as is when every
// entry still blocks.
func (m *Matcher) gluedBlocks(fields []field, blk []ctxHit, ar ambRef, fi int32, h fhit) []ctxHit {
	var out []ctxHit
	for i, c := range blk {
		keep := true
		for _, x := range fields[c.field].hits {
			if x.s != c.s || x.pat < 0 || !m.namesOtherSubstance(x.pat, ar) {
				continue
			}
			keep = c.field == fi && gluedSpans(fields[fi].norm, x.s, x.e, h.s, h.e)
			break
		}
		switch {
		case !keep && out == nil:
			out = append(make([]ctxHit, 0, len(blk)), blk[:i]...)
		case keep && out != nil:
			out = append(out, c)
		}
	}
	if out == nil {
		return blk
	}
	// "盐酸麻黄素 麻黄碱 99%": glued to a name of a substance that is
	// no block word of its own (麻黄素), the term is that salt's marker
	// still, and the names apart block it as before.
	for _, x := range fields[fi].hits {
		if x.pat >= 0 && x.pat != h.pat && gluedSpans(fields[fi].norm, x.s, x.e, h.s, h.e) && m.unambiguousName(x.pat) {
			return blk
		}
	}
	return out
}

// unambiguousName reports whether pattern pi is an unambiguous name of a
// substance.
func (m *Matcher) unambiguousName(pi int32) bool {
	p := &m.pats[pi]
	if p.kinds&kSubstance == 0 {
		return false
	}
	for _, r := range p.refs {
		if r.amb == -1 {
			return true
		}
	}
	return false
}

// gluedSpans reports whether spans [as, ae) and [bs, be) of norm overlap
// or touch, with at most a space or hyphen between them.
func gluedSpans(norm []byte, as, ae, bs, be int32) bool {
	switch {
	case as < be && bs < ae:
		return true
	case ae <= bs:
		return bs-ae <= 1 && onlySpace(norm[ae:bs])
	default:
		return as-be <= 1 && onlySpace(norm[be:as])
	}
}

// namesOtherSubstance reports whether pattern pi is a block word of
// ambiguous term ar that is itself an unambiguous name of a substance.
func (m *Matcher) namesOtherSubstance(pi int32, ar ambRef) bool {
	return slices.Contains(m.pats[pi].ambBlocks, ar) && m.unambiguousName(pi)
}

// acronymSpelledOut reports whether ambiguous abbreviation h is spelled
// out in brackets right after it ("PMK (Pimp My Keyboard)") or stands in
// brackets right after its spelling ("nuclear power plant (NPP)"): the
// initials of the words spell the abbreviation's letters, and no term of
// substance sub lies in the spelling ("BMK (benzyl methyl ketone)" is the
// substance).
func (m *Matcher) acronymSpelledOut(f *field, h fhit, sub int32) bool {
	b := f.norm
	// Cheap test first: a bracket right after the term, or the term in
	// brackets.
	i := int(h.e)
	for i < len(b) && b[i] == ' ' {
		i++
	}
	after := i < len(b) && b[i] == '('
	inside := h.s > 0 && b[h.s-1] == '(' && int(h.e) < len(b) && b[h.e] == ')'
	if !after && !inside {
		return false
	}
	var buf [8]byte
	letters := buf[:0]
	for _, c := range b[h.s:h.e] {
		if c >= 'a' && c <= 'z' {
			if len(letters) == len(buf) {
				return false
			}
			letters = append(letters, c)
		}
	}
	if len(letters) < 2 || len(letters) != int(h.e-h.s) && len(letters) < 3 {
		return false
	}
	lo, hi := -1, -1
	if after {
		if j := bytes.IndexByte(b[i+1:min(len(b), i+80)], ')'); j > 0 {
			lo, hi = i+1, i+1+j
		}
	}
	if lo < 0 && inside {
		// "Methylmethacrylat (MMA)": one glued compound name right before
		// the bracket that starts with the abbreviation's first letter and
		// holds its letters in order (heldout32 za0041).
		k := int(h.s) - 2
		for k >= 0 && b[k] == ' ' {
			k--
		}
		w := k + 1
		for w > 0 && b[w-1] >= 'a' && b[w-1] <= 'z' {
			w--
		}
		if w < k+1 && (w == 0 || b[w-1] == ' ' || b[w-1] == '(') && gluedSpelling(b[w:k+1], letters) {
			lo, hi = w, k+1
		}
	}
	if lo < 0 {
		if !inside {
			return false
		}
		// "… (NPP)": as many words before the bracket as the
		// abbreviation has letters, or up to two more when some are
		// function words the initials skip ("penyakit mulut dan kuku
		// (PMK)", heldout71 ym0063): the nearest start that spells it.
		k := int(h.s) - 2
		for k >= 0 && b[k] == ' ' {
			k--
		}
		hi = k + 1
		start := hi
		found := false
		for n := 0; n < len(letters)+2 && !found; n++ {
			for start > 0 && b[start-1] == ' ' {
				start--
			}
			if start == 0 || hi-start > 80 {
				return false
			}
			for start > 0 && b[start-1] != ' ' {
				start--
			}
			if n+1 >= len(letters) && initialsSpell(b[start:hi], letters) {
				lo, found = start, true
			}
		}
		if !found {
			return false
		}
	}
	// The initials of the words (split at spaces and hyphens) must spell
	// the letters, unless one glued word spells them.
	n, end := 0, hi
	if bytes.IndexByte(b[lo:hi], ' ') < 0 && gluedSpelling(b[lo:hi], letters) {
		// The substance's own name in a spelling the watchlist lacks
		// ("Benzylmethylketon (BMK)") is no other compound.
		for t := range m.tokens[sub] {
			if nearSpelling(t, string(b[lo:hi])) {
				return false
			}
		}
		n, end = len(letters), lo
	}
	if n != len(letters) && !initialsSpell(b[lo:end], letters) {
		return false
	}
	for _, c := range f.window(int32(lo)-maxCue, int32(hi)) {
		if c.pat < 0 || c.s < int32(lo) || c.e > int32(hi) || m.pats[c.pat].kinds&kSubstance == 0 {
			continue
		}
		for _, r := range m.pats[c.pat].refs {
			if r.sub == sub {
				return false
			}
		}
	}
	return true
}

// proseOrGreeting reports whether the two-letter hit h of f is a prose
// word or a greeting (proseWord, greetingName): both read the hit's range
// in the original text, found once for the two.
func proseOrGreeting(f *field, h fhit) bool {
	os, oe := f.origRange(h.s, h.e)
	return proseWord(f.orig, os, oe) || greetingName(f.orig, os, oe) || toneMarkedWord(f.orig, os, oe)
}

// toneMarkedWord reports whether the hit at o[os:oe] is written in lower
// case with an accented Latin letter (a precomposed one, or a combining
// mark after a letter): a word of a language that marks tone or length
// on its vowels (Yoruba "náà", "the"; Vietnamese, Hausa), not an
// abbreviation, which sellers write in plain capitals (heldout86 xx0150:
// "ẹrù náà" is no NAA). Capitals, look-alike scripts and fullwidth forms
// are left to the other rules.
func toneMarkedWord(o string, os, oe int) bool {
	if os < 0 || oe > len(o) || os >= oe {
		return false
	}
	accent := false
	for _, r := range o[os:oe] {
		switch {
		case r >= 'A' && r <= 'Z':
			return false
		case r >= 0x0300 && r <= 0x036F:
			accent = true
		case r >= 0x00C0 && r <= 0x024F || r >= 0x1E00 && r <= 0x1EFF:
			if unicode.IsUpper(r) {
				return false
			}
			accent = true
		case r >= 'a' && r <= 'z':
		default:
			return false
		}
	}
	return accent
}

// proseWord reports whether the two-letter hit at o[os:oe] is written in lower case
// between two lower-case words of two letters or more in the original
// text: an ordinary word of running prose ("log hi rabta", "aa jao
// bhai"), not an abbreviation, which sellers write in capitals.
func proseWord(o string, os, oe int) bool {
	if oe-os != 2 || os < 3 || oe+3 > len(o) {
		return false
	}
	lower := func(c byte) bool { return c >= 'a' && c <= 'z' }
	if !lower(o[os]) || !lower(o[os+1]) || o[os-1] != ' ' || o[oe] != ' ' {
		return false
	}
	return lower(o[os-2]) && lower(o[os-3]) && lower(o[oe+1]) && lower(o[oe+2])
}

// greetingName reports whether the two-letter hit at o[os:oe] is written "Hi" (a
// capital and a small letter) before a capitalised word in the original
// text: a greeting to someone by name ("Hi John, thanks for your order of
// acetone"), not the formula HI, which is written in capitals.
func greetingName(o string, os, oe int) bool {
	if oe-os != 2 || oe+2 > len(o) || o[os] != 'H' || o[os+1] != 'i' || o[oe] != ' ' {
		return false
	}
	return o[oe+1] >= 'A' && o[oe+1] <= 'Z'
}

// inURL reports whether hit h lies inside a URL in the original text: in
// the space-free word around it, after "://" or "www." or after the first
// "/" of a word whose part before it is a host name ("wa.me/…?text=hi").
func inURL(f *field, h fhit) bool {
	os, _ := f.origRange(h.s, h.e)
	o := f.orig
	start := os
	for start > 0 && os-start < 2048 && !isURLBreak(o[start-1]) {
		start--
	}
	word := o[start:os]
	if strings.Contains(word, "://") || strings.HasPrefix(strings.ToLower(word), "www.") {
		return true
	}
	slash := strings.IndexByte(word, '/')
	if slash <= 0 {
		return false
	}
	host := word[:slash]
	dot := strings.LastIndexByte(host, '.')
	if dot <= 0 || dot == len(host)-1 || strings.ContainsAny(host, "@:") {
		return false
	}
	for _, c := range []byte(host[dot+1:]) {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			return false
		}
	}
	return true
}

// isURLBreak reports whether byte c cannot be part of a URL written in
// text: white space, quotes and brackets.
func isURLBreak(c byte) bool {
	switch c {
	case ' ', '\t', '\n', '\r', '"', '\'', '<', '>', '(', ')', '[', ']', '{', '}':
		return true
	}
	return false
}

// oneQualifier reports whether gap, between a denial cue and a packaging
// noun, is one word that qualifies the noun ("no company markings", "без
// опознавательных надписей"), and not a word of the rules that exempt a
// parcel from hazard labels ("no hazard labels required" for a limited
// quantity) or of a labelling service ("no custom labels").
func oneQualifier(gap []byte) bool {
	w := bytes.TrimSpace(gap)
	if len(w) == 0 || len(w) > 40 || bytes.ContainsAny(w, " .,;:!?()") {
		return false
	}
	for _, x := range qualifierStop {
		if string(w) == x {
			return false
		}
	}
	return true
}

// qualifierStop are the words that do not qualify a packaging noun into a
// stealth statement when denied with it.
var qualifierStop = []string{"hazard", "hazmat", "warning", "ghs", "clp", "adr", "dg", "danger", "dangerous", "un", "shipping",
	"transport", "extra", "additional", "original", "replacement", "custom", "private", "personalised", "personalized", "own", "printed", "paper", "new",
	"gefahren", "gefahr", "danger", "peligro", "pericolo", "perigo", "opasnosti"}

// citedPhrase reports whether the mislabelling phrase norm[s:e] stands
// alone between quotes: a report quotes the phrase it cites ("souvent
// « déclarés comme » produits de nettoyage", "shipped under a different
// HS code and 'declared as' cleaning agents", heldout29 l0145); a seller's
// false name follows the phrase, it does not enclose it.
func citedPhrase(norm []byte, s, e int32) bool {
	i, j := int(s)-1, int(e)
	for i >= 0 && norm[i] == ' ' {
		i--
	}
	for j < len(norm) && norm[j] == ' ' {
		j++
	}
	if i < 0 || j >= len(norm) || norm[i] != norm[j] {
		return false
	}
	return norm[i] == '"' || norm[i] == '\''
}

// ownGradeClass reports whether the class named right after a mislabelling
// phrase is the grade the listing itself sells the product as: "Food grade
// benzaldehyde … Labelled as food additive / flavouring" (heldout67 yq0063),
// "fertiliser grade … labelled as fertiliser". The class's first word
// (after an article) is then followed by "grade" somewhere in the listing.
// A false name is what the product is not: "Toluene … declared as food
// additive" has no food grade.
func ownGradeClass(fields []field, norm []byte, e int32) bool {
	i := int(e)
	for i < len(norm) && norm[i] == ' ' {
		i++
	}
	for _, a := range []string{"a ", "an ", "the "} {
		if bytes.HasPrefix(norm[i:], []byte(a)) {
			i += len(a)
			break
		}
	}
	j := i
	for j < len(norm) && isASCIIAlpha(norm[j]) {
		j++
	}
	if j-i < 3 || wordAt(norm, j) {
		return false
	}
	grade := make([]byte, 0, j-i+6)
	grade = append(append(grade, norm[i:j]...), " grade"...)
	for fi := range fields {
		n := fields[fi].norm
		for k := 0; k < len(n); {
			x := bytes.Index(n[k:], grade)
			if x < 0 {
				break
			}
			a, b := k+x, k+x+len(grade)
			if !wordBefore(n, a) && !wordAt(n, b) {
				return true
			}
			k = a + 1
		}
	}
	return false
}

// namesOwnProduct reports whether a mislabelling phrase gives the product
// its true name: the quoted name right after the phrase (or, without a
// quote, the name right after it; for a two-part frame, its span) is a
// substance the listing also names outside that name ("Acetone 20 L …
// shipped as 'Acetone, UN1090'", "品名は「アセトン」と記載"). A name found
// only there ("Toluene 20 L, shipped as 'acetone'") is the false name.
func namesOwnProduct(f *field, c indCand, hits []subHit) bool {
	lo, hi := c.e, c.e
	i := int(c.e)
	if i > 0 && (f.norm[i-1] == '\'' || f.norm[i-1] == '"') {
		i-- // the phrase ends with its opening quote ("labelled '")
	}
	for i < len(f.norm) && f.norm[i] == ' ' {
		i++
	}
	if open, close := quotePair(f.norm[i:]); open > 0 {
		end := min(len(f.norm), i+open+80)
		if j := bytes.Index(f.norm[i+open:end], close); j >= 0 {
			lo, hi = int32(i), int32(i+open+j+len(close))
		}
	}
	if lo == hi && c.s > 0 && (f.norm[c.s] == '\'' || f.norm[c.s] == '"') {
		// The phrase starts with the closing quote ("按'盐酸'申报"): the
		// name is the quote before it.
		q := f.norm[c.s]
		if j := bytes.LastIndexByte(f.norm[max(0, int(c.s)-80):c.s], q); j >= 0 {
			lo, hi = int32(max(0, int(c.s)-80)+j), c.s+1
		}
	}
	if lo == hi {
		// No quote: a name right after the phrase, or inside a frame. A
		// UN number first ("lists it as UN1193 ethyl methyl ketone") is the
		// dangerous-goods designation: the name after it is still the
		// true one, and the number alone names no false product.
		lo, hi = c.s, c.e
		at := c.e
		if n := unNumberAt(f.norm, int(at)+1); n > 0 {
			if at+1+int32(n) >= int32(len(f.norm)) || !isASCIIAlpha(f.norm[at+1+int32(n)]) && f.norm[at+1+int32(n)] != ' ' {
				return true
			}
			at += int32(n) + 1
		}
		for _, h := range hits {
			if h.field == c.field && h.s >= at && h.s <= at+1 {
				hi = h.e
				break
			}
		}
	}
	return spanNamesOwn(c.field, lo, hi, hits)
}

// unNumberAt returns the length of a UN dangerous-goods number at b[i:]
// ("un1193", "un 1193", "un-1193") followed by a space or the end, or 0.
func unNumberAt(b []byte, i int) int {
	if i < 0 || i+6 > len(b) || b[i] != 'u' || b[i+1] != 'n' || i > 0 && isASCIIAlpha(b[i-1]) {
		return 0
	}
	j := i + 2
	if b[j] == ' ' || b[j] == '-' {
		j++
	}
	k := j
	for k < len(b) && isDigit(b[k]) {
		k++
	}
	if k-j != 4 || k < len(b) && (isASCIIAlpha(b[k]) || isDigit(b[k])) {
		return 0
	}
	return k - i
}

// spanNamesOwn reports whether norm[lo:hi] of field fi names a substance
// the listing also names outside it: a quoted name that is the product's
// true name.
func spanNamesOwn(fi, lo, hi int32, hits []subHit) bool {
	for _, h := range hits {
		if h.field != fi || h.negated || h.s < lo || h.e > hi {
			continue
		}
		for _, o := range hits {
			if o.sub == h.sub && !o.negated && (o.field != fi || o.e <= lo || o.s >= hi) {
				return true
			}
		}
	}
	return false
}

// quantityAfter reports whether a quantity follows norm[e:] ("sent as a
// 50 ml bottle", "packed as 2 x 10 L"): a mislabelling phrase followed by
// a size names a pack size, not another product.
func quantityAfter(norm []byte, e int) bool {
	i := e
	for i < len(norm) && norm[i] == ' ' {
		i++
	}
	for _, w := range []string{"a ", "an ", "one "} {
		if bytes.HasPrefix(norm[i:], []byte(w)) {
			i += len(w)
			break
		}
	}
	return i < len(norm) && norm[i] >= '0' && norm[i] <= '9'
}

// quotePair returns the length of the quote b starts with (0 if none) and
// the quote that closes it.
func quotePair(b []byte) (int, []byte) {
	switch {
	case len(b) == 0:
		return 0, nil
	case b[0] == '\'' || b[0] == '"':
		return 1, b[:1]
	case bytes.HasPrefix(b, []byte("「")):
		return len("「"), []byte("」")
	case bytes.HasPrefix(b, []byte("『")):
		return len("『"), []byte("』")
	}
	return 0, nil
}

// namesMessenger reports whether a field names a messenger or a messenger
// link (the gate for the handle patterns).
func (m *Matcher) namesMessenger(f *field) bool {
	if f.kinds&kIndicator == 0 {
		return false
	}
	for _, h := range f.hits {
		if h.pat >= 0 && m.pats[h.pat].kinds&kIndicator != 0 {
			for _, ii := range m.pats[h.pat].indicators {
				if m.indicators[ii].id == IndMessenger {
					return true
				}
			}
		}
	}
	return false
}

// messengerKey reports whether an attribute name names an encrypted
// messenger ("Telegram", "WhatsApp", "Wickr ID", "Телеграм", "واتساب"):
// followed by a colon, as "Telegram:" stands before a handle in a text,
// it holds a messenger-contact term of the lexicon.
func (m *Matcher) messengerKey(key string) bool {
	if len(key) == 0 || len(key) > 40 {
		return false
	}
	var t Text
	var tmp []fhit
	raw := t.resetScan(key+":", m.ac, nil)
	hits, _ := m.filterHits(t.Norm, raw, 0, &tmp, nil)
	for _, h := range hits {
		if h.pat < 0 || m.pats[h.pat].kinds&kIndicator == 0 {
			continue
		}
		for _, ii := range m.pats[h.pat].indicators {
			if m.indicators[ii].id == IndMessenger {
				return true
			}
		}
	}
	return false
}

// messengerKey is m.messengerKey remembered for the pooled scratch: a
// few hundred attribute names at most, forgotten all at once beyond.
func (ev *evaluation) messengerKey(m *Matcher, key string) bool {
	if v, ok := ev.msgKeys[key]; ok {
		return v
	}
	v := m.messengerKey(key)
	if ev.msgKeys == nil {
		ev.msgKeys = make(map[string]bool)
	} else if len(ev.msgKeys) >= 512 {
		clear(ev.msgKeys)
	}
	ev.msgKeys[key] = v
	return v
}

// negatedAt reports whether a negation cue ends right before s ("no import
// permit").
func (m *Matcher) negatedAt(f *field, s int32) bool {
	if f.kinds&(kNegImmediate|kNegBefore) == 0 {
		return false // no negation cue in the field
	}
	for _, c := range f.window(s-maxCue, s) {
		if c.pat >= 0 && m.pats[c.pat].kinds&(kNegImmediate|kNegBefore) != 0 && c.e <= s && s-c.e <= 2 && onlySpace(f.norm[c.e:s]) {
			return true
		}
	}
	return false
}

// paperSpans appends to paper the spans of field f where a licence,
// permit, prescription or paper noun is denied: a cue right before it
// ("no", "keine", "不需要") or right after it ("nicht nötig", "не нужна");
// and to pack the spans where a packaging noun is denied ("ohne Absender",
// "zonder afzender", "不贴标签", "差出人なし"), by a paper "before" cue, a
// packaging "before" cue or a packaging "after" cue. One pass over the
// field's hits serves both.
func (m *Matcher) paperSpans(f *field, paper, pack [][2]int32) ([][2]int32, [][2]int32) {
	for hi, h := range f.hits {
		if h.pat < 0 {
			continue
		}
		k := m.pats[h.pat].kinds
		var before, after uint64
		switch {
		case k&kPaperNoun != 0 && m.noPaper >= 0:
			if m.longerPaperNoun(f, hi) {
				continue // "许可" inside "许可证": the longer noun's span ends where a block word after it starts
			}
			before, after = kPaperBefore, kPaperAfter
		case k&kPackNoun != 0 && m.stealth >= 0:
			if viAcceptVerb(f, h) {
				continue // "không nhận tiền ảo": "nhận" (accept), not "nhãn" (label)
			}
			before, after = kPaperBefore|kPackBefore, kPackAfter
		default:
			continue
		}
		// A packaging noun may have one qualifier word between it and the
		// cue, up to 44 bytes in Cyrillic ("без опознавательных надписей").
		reach := int32(24)
		if k&kPaperNoun == 0 {
			reach = 44
		}
		s, e := int32(-1), int32(-1)
		for _, c := range f.window(h.s-reach-16, h.s) {
			if c.pat < 0 || m.pats[c.pat].kinds&before == 0 || c.e > h.s || h.s-c.e > reach {
				continue
			}
			if gap := f.norm[c.e:h.s]; onlySpace(gap) || m.gapOK(gap, m.fillers, false) ||
				k&kPaperNoun == 0 && oneQualifier(gap) {
				s, e = c.s, h.e
				break
			}
		}
		if s < 0 {
			for _, c := range f.window(h.e, h.e+3) {
				if c.pat < 0 || m.pats[c.pat].kinds&after == 0 || c.s < h.e || !answerGap(f.norm[h.e:c.s]) {
					continue
				}
				s, e = h.s, c.e
				break
			}
		}
		switch {
		case s < 0:
		case k&kPaperNoun != 0:
			paper = append(paper, [2]int32{s, e})
		default:
			pack = append(pack, [2]int32{s, e})
		}
	}
	return paper, pack
}

// viAcceptVerb reports whether the packaging noun at h is the Vietnamese
// "nhãn" (label) only once normalised: written "nhận" (receive, accept),
// as in "không nhận tiền ảo" (crypto not accepted, heldout81 yc0012), it
// is a verb, and "không" before it denies no label.
func viAcceptVerb(f *field, h fhit) bool {
	if h.e-h.s != 4 || string(f.norm[h.s:h.e]) != "nhan" {
		return false
	}
	os, oe := f.origRange(h.s, h.e)
	return strings.Contains(f.orig[os:oe], "ận") || strings.Contains(f.orig[os:oe], "Ận")
}

// longerPaperNoun reports whether another paper noun of field f starts
// where f.hits[hi] does and ends after it.
func (m *Matcher) longerPaperNoun(f *field, hi int) bool {
	h := f.hits[hi]
	for _, o := range f.window(h.s, h.e+24) {
		if o.s == h.s && o.e > h.e && o.pat >= 0 && m.pats[o.pat].kinds&kPaperNoun != 0 {
			return true
		}
	}
	return false
}

// inTitle reports whether list has an entry in the title field.
func inTitle(list []ctxHit, fields []field) bool {
	for _, c := range list {
		if fields[c.field].name == precwatch.FieldTitle {
			return true
		}
	}
	return false
}

// answerGap reports whether the gap between a paper or packaging noun and
// a denial after it is punctuation and space, or a question mark before its
// answer ("La ricetta? Non serve.", "Prescription? Not needed.").
func answerGap(b []byte) bool {
	if i := bytes.IndexByte(b, '?'); i >= 0 {
		b = append(b[:i:i], b[i+1:]...)
	}
	return onlyPunctSpace(b)
}

func onlyPunctSpace(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '-' && c != ':' && c != ',' {
			return false
		}
	}
	return true
}

// inDosagePhrase reports whether a longer dosage-form phrase of the field
// covers hit h ("cold powder" over "powder").
func (m *Matcher) inDosagePhrase(f *field, h fhit) bool {
	if f.kinds&kDosage == 0 {
		return false // no dosage word in the field (f.kinds has the kinds of all its hits)
	}
	for _, d := range f.hits {
		if d.pat >= 0 && m.pats[d.pat].kinds&kDosage != 0 && d.s <= h.s && d.e >= h.e && d.e-d.s > h.e-h.s {
			return true
		}
	}
	return false
}

func overlapsAny(spans [][2]int32, h fhit) bool {
	for _, sp := range spans {
		if h.s < sp[1] && h.e > sp[0] {
			return true
		}
	}
	return false
}

// blockedBefore reports whether one of indicator ii's block-before words
// ends at most 20 bytes before s in the same clause ("not sold without
// prescription"), or right before a parenthesis that opens the indicator
// phrase ("1 gallon (converts to 3.785 litres)"), or one of its
// sentence-wide block words (stored as ^ii) at most 40 bytes before s in
// the same sentence and not itself denied ("Free returns within 30 days,
// no questions asked"; heldout71 ym0164).
func (m *Matcher) blockedBefore(f *field, s int32, ii int16) bool {
	if f.kinds&kIndBlockBefore == 0 {
		return false
	}
	for _, c := range f.window(s-maxCue, s) {
		if c.pat < 0 || m.pats[c.pat].kinds&kIndBlockBefore == 0 || c.e > s || s-c.e > 40 {
			continue
		}
		bb := m.pats[c.pat].blockBefore
		if s-c.e <= 20 && slices.Contains(bb, ii) && sameClause(openingParen(f.norm[c.e:s])) {
			return true
		}
		if slices.Contains(bb, ^ii) && sameSentence(f.norm[c.e:s]) && !m.negatedAt(f, c.s) {
			return true
		}
	}
	return false
}

// frameSpan returns the span of indicator frame fr whose second part is
// h: a first part of any frame of the same indicator (the frames of one
// indicator pair their classes: a customs noun of one frame with the "no
// problem" of another) at most the frame's distance before h ("if customs stop
// it we resend") or after it ("reship free if customs seize"), in the same
// sentence.
func (m *Matcher) frameSpan(f *field, h fhit, fr int16) (int32, int32, bool) {
	within := m.frames[fr].within
	for _, c := range f.window(h.s-within-maxCue, h.e+within) {
		if c.pat < 0 || m.pats[c.pat].kinds&kFrameFirst == 0 || !slices.ContainsFunc(m.pats[c.pat].frameFirst, func(x int16) bool {
			return x == fr || m.frames[x].ii == m.frames[fr].ii && m.frames[x].plain() && !m.frames[fr].own
		}) {
			continue
		}
		// A clause frame is one construction: its parts stand in one
		// clause ("Verwendung als Reinigungsmittel, UN1090 deklariert"
		// is two).
		same := sameSentence
		if m.frames[fr].clause {
			same = sameClause
		}
		switch {
		case c.e <= h.s && h.s-c.e <= within && same(f.norm[c.e:h.s]):
			return c.s, h.e, true
		case c.s >= h.e && c.s-h.e <= within && same(f.norm[h.e:c.s]):
			return h.s, c.e, true
		}
	}
	return 0, 0, false
}

// abroadIdiom reports whether the control noun at s follows the Polish or
// Russian "za" / "за" of "abroad" ("Nie wysyłamy za granicę", "Не
// отправляем за границу": we do not ship abroad; heldout82 yb0099): no
// border is denied or evaded there.
func abroadIdiom(norm []byte, s int32) bool {
	b := norm[:s]
	return bytes.HasSuffix(b, []byte("za ")) && (len(b) == 3 || !wordBefore(b, len(b)-3)) ||
		bytes.HasSuffix(b, []byte("за ")) && (len(b) == 5 || !wordBefore(b, len(b)-5))
}

// negFrameCue are the kinds of a negation cue that closes a negated
// indicator frame: indicator negation (not, never, no, without, ohne, sin,
// без, 无 …) and paperwork denial (without, 无需, không cần, tanpa,
// بدون, not needed, yok …).
const negFrameCue = kIndNegBefore | kIndNegImmediate | kPaperBefore | kPaperAfter | kPackAfter

// negFrameSpan returns the span of negated indicator frame fr whose first
// part is h and whose second part is a negation cue at most the frame's
// distance before or after it in the same clause: "the border folks never
// open it", "sin pasar revisión", "таможня не вскрывает", "ohne dass der
// Zoll das Paket öffnet". The cues are hits the field already has.
func (m *Matcher) negFrameSpan(f *field, h fhit, fr int16) (int32, int32, bool) {
	if abroadIdiom(f.norm, h.s) {
		return 0, 0, false
	}
	within := m.frames[fr].within
	for _, c := range f.window(h.s-within-maxCue, h.e+within) {
		if c.pat < 0 || c.pat == h.pat || m.pats[c.pat].kinds&negFrameCue == 0 {
			continue
		}
		switch {
		case c.e <= h.s && h.s-c.e <= within && sameClause(f.norm[c.e:h.s]):
			return c.s, h.e, true
		case c.s >= h.e && c.s-h.e <= within && sameClause(f.norm[h.e:c.s]):
			return h.s, c.e, true
		}
	}
	return 0, 0, false
}

// afterSpan returns the span of what closes quoted or handle frame fr
// after its first part h, at most the frame's distance on in the same
// sentence: a quoted name (an opening quote after a space, colon or CJK
// character, a letter after it and its closing quote within 80 bytes: the
// name a document shows, "im Frachtbrief heißt es dann 'Batteriewasser'")
// or a bare @handle (an "@" not inside a word, then three or more letters,
// digits or underscores and no domain: "Add me on Wire: @gbl_supply").
// It reads only those few bytes after the hit.
func (m *Matcher) afterSpan(f *field, h fhit, fr int16) (int32, int32, bool) {
	def := m.frames[fr]
	if def.bare {
		return bareWordAfter(f.norm, h, def)
	}
	end := min(len(f.norm), int(h.e+def.within))
	b := f.norm
	for i := int(h.e); i < end; i++ {
		switch c := b[i]; {
		case c == '.' || c == ';' || c == '!' || c == '\n':
			return 0, 0, false
		case def.quoted && (c == '\'' || c == '"'):
			if i > 0 && b[i-1] != ' ' && b[i-1] != ':' && b[i-1] < 0x80 {
				continue // an apostrophe inside a word ("it's")
			}
			// French typography spaces inside guillemets ("comme « diluant »",
			// normalised to a double quote): an opening quote after a space may
			// have one space before its name (heldout33 zb0046).
			frSpaced := c == '"' && i+2 < len(b) && b[i+1] == ' ' && (i == 0 || b[i-1] == ' ') && b[i+2] != ' ' && !isDigit(b[i+2])
			if i+1 >= len(b) || (b[i+1] == ' ' && !frSpaced) || isDigit(b[i+1]) {
				continue
			}
			if j := bytes.IndexByte(b[i+1:min(len(b), i+81)], c); j > 0 {
				return int32(i), int32(i + 1 + j + 1), true
			}
			return 0, 0, false
		case def.handle && c == '@':
			if i > 0 && b[i-1] != ' ' && b[i-1] != ':' {
				continue // an e-mail address
			}
			if namesPlatform(b[h.e:i]) {
				return 0, 0, false // "message us on Instagram @soapmakers_supply"
			}
			j := i + 1
			for j < len(b) && (b[j] >= 'a' && b[j] <= 'z' || isDigit(b[j]) || b[j] == '_') {
				j++
			}
			if j-i-1 >= 3 && (j == len(b) || b[j] != '.' || j+1 == len(b) || b[j+1] == ' ') {
				return h.s, int32(j), true
			}
		case def.number && (c == '+' || isDigit(c)):
			if i > 0 && b[i-1] != ' ' && b[i-1] != ':' {
				continue
			}
			if j, ok := phoneEnd(b, i); ok {
				return h.s, int32(j), true
			}
			return 0, 0, false
		case def.number && c == 'p' && (i == 0 || b[i-1] == ' ' || b[i-1] == ':'):
			// A number spelled out to slip past a filter ("signal ➡ plus
			// three one six …", heldout11 x0122).
			if j, ok := spelledPhoneEnd(b, i); ok {
				return h.s, int32(j), true
			}
		}
	}
	return 0, 0, false
}

// cutName returns hits with a substance name cut between the title and the
// description ("PMK ethyl" | "glycidate oil …", "Pseudo-" | "-ephedrine
// HCl …", heldout19 e0073, e0091): the title's last words and the
// description's first ones are scanned joined (by a space, or by nothing
// where a hyphen marks the cut), and a name that runs from one into the
// other is a mention in the description (its part there); the shorter
// names of other substances inside it ("PMK", "ephedrine") no longer
// count. Only a title that ends in a letter (or a letter and a hyphen) and
// a description that starts with one are looked at.
func (m *Matcher) cutName(fields []field, hits []subHit) []subHit {
	ref, titleFrom, ds, descTo, ok := m.cutNameAt(fields)
	if !ok {
		return hits
	}
	out := hits[:0]
	for _, h := range hits {
		if h.sub != ref.sub && (h.field == 0 && h.s >= titleFrom || h.field == 1 && h.e <= descTo) {
			continue
		}
		out = append(out, h)
	}
	return append(out, subHit{sub: ref.sub, field: 1, s: ds, e: descTo, kind: ref.kind, term: ref.term})
}

// cutNameAt finds the name cut between the title and the description that
// cutName adds: its term, where it starts in the title, and where it
// starts and ends in the description. Match asks it too before it gives
// up on a listing that names no substance in any one field ("Benzyl
// methyl" | "ketone, 25 L drum …", heldout45 zn0113).
func (m *Matcher) cutNameAt(fields []field) (ref termRef, titleFrom, descFrom, descTo int32, ok bool) {
	if len(fields) < 2 || fields[0].name != precwatch.FieldTitle || fields[1].name != precwatch.FieldDescription {
		return ref, 0, 0, 0, false
	}
	d := fields[1].norm
	// The description's first byte and its first letter as written rule
	// out most listings before the title is looked at.
	if len(d) == 0 || (d[0] < 'a' || d[0] > 'z') && (d[0] != '-' || len(d) < 2 || d[1] < 'a' || d[1] > 'z') {
		return ref, 0, 0, 0, false
	}
	// A description that goes on from the title starts with a hyphen or a
	// lower-case letter as written; one that starts a sentence of its own
	// ("Glicidato de PMK …" under a shop header "BMK/PMK") does not.
	if r, _ := utf8.DecodeRuneInString(strings.TrimLeft(fields[1].orig, " ")); r != '-' && !unicode.IsLower(r) {
		return ref, 0, 0, 0, false
	}
	t := bytes.TrimRight(fields[0].norm, " ")
	sep := []byte(" ")
	if len(t) > 0 && t[len(t)-1] == '-' {
		t, sep = t[:len(t)-1], nil
	}
	ds := 0
	if len(d) > 0 && d[0] == '-' {
		ds, sep = 1, nil
	}
	if len(t) == 0 || t[len(t)-1] < 'a' || t[len(t)-1] > 'z' || ds >= len(d) || d[ds] < 'a' || d[ds] > 'z' {
		return ref, 0, 0, 0, false
	}
	ts := max(0, len(t)-40)
	for ts > 0 && t[ts-1] != ' ' {
		ts++
		if ts >= len(t) {
			return ref, 0, 0, 0, false
		}
	}
	de := min(len(d), ds+40)
	var jb [96]byte // at most 40 + 1 + 40 bytes: no allocation
	joined := append(append(append(jb[:0], t[ts:]...), sep...), d[ds:de]...)
	tailLen := len(t) - ts
	boundary := tailLen + len(sep)
	best, bs, be := -1, 0, 0
	var hb [16]rawHit
	for _, r := range m.ac.scan(joined, hb[:0]) {
		p := &m.pats[r.pat]
		e := int(r.end)
		s := e - len(p.text)
		if p.kinds&kSubstance == 0 || s < 0 || s >= tailLen || e <= boundary || e-s <= be-bs ||
			s > 0 && isASCIIAlpha(joined[s-1]) || e < len(joined) && (isASCIIAlpha(joined[e]) || isDigit(joined[e])) {
			continue
		}
		for ri, ref := range p.refs {
			if ref.amb == -1 && !ref.medicine {
				best, bs, be = int(r.pat)*64+ri, s, e
				break
			}
		}
	}
	if best < 0 {
		return ref, 0, 0, 0, false
	}
	return m.pats[best/64].refs[best%64], int32(ts + bs), int32(ds), int32(ds + be - boundary), true
}

// appendCutCAS adds to the CAS numbers of a description (from index lo of
// out) one that starts at the end of the title and goes on at the start of
// the description ("Powder, CAS 5449-" | "12-7, 1 kg", heldout11 x0104): a
// title that ends in a digit group and a hyphen, a description that starts
// with a digit. The number is read from the two ends joined and, as the
// description's, spans the part written there.
func appendCutCAS(out []CASMention, lo int, title, desc []byte) []CASMention {
	if len(desc) == 0 || !isDigit(desc[0]) {
		return out
	}
	t := bytes.TrimRight(title, " ")
	if len(t) < 2 || t[len(t)-1] != '-' || !isDigit(t[len(t)-2]) {
		return out
	}
	tail := t[max(0, len(t)-24):]
	head := desc[:min(len(desc), 24)]
	joined := make([]byte, 0, len(tail)+len(head))
	joined = append(append(joined, tail...), head...)
	for _, c := range appendCASNumbers(nil, joined) {
		if c.Start < len(tail) && c.End > len(tail) {
			out = slices.Insert(out, lo, CASMention{CAS: c.CAS, Start: 0, End: c.End - len(tail)})
			break
		}
	}
	return out
}

// bareWordAfter returns the span of bare frame def whose first part is h:
// after spaces, one word of four bytes or more that ends its clause (a
// sentence end, comma, semicolon or the end of the field) and is no stop
// word: "Auf der Rechnung steht Duftöl." (heldout14 i0065), not "steht die
// MwSt." or "steht fest.".
func bareWordAfter(b []byte, h fhit, def frameDef) (int32, int32, bool) {
	i := int(h.e)
	for i < len(b) && b[i] == ' ' {
		i++
	}
	j := i
	for j < len(b) {
		r, w := utf8.DecodeRune(b[j:])
		if !unicode.IsLetter(r) {
			break
		}
		j += w
	}
	if j-i < 4 || i == int(h.e) || def.stop[string(b[i:j])] {
		return 0, 0, false
	}
	if j < len(b) && b[j] != '.' && b[j] != ',' && b[j] != ';' && b[j] != '!' && b[j] != '\n' {
		return 0, 0, false
	}
	return h.s, int32(j), true
}

// spelledPhoneEnd reports whether b[i:] is an international phone number
// spelled out in digit words ("plus three one six one two …"): "plus" and
// eight digit words or more (spelledDigits' languages), and returns its end.
func spelledPhoneEnd(b []byte, i int) (int, bool) {
	if !hasPrefixAt(b, i, "plus ") {
		return 0, false
	}
	j, n, end := i+5, 0, 0
	for j < len(b) {
		for j < len(b) && (b[j] == ' ' || b[j] == '-') {
			j++
		}
		w := 0
		for _, d := range spelledDigits {
			if hasPrefixAt(b, j, d) && (j+len(d) == len(b) || !isASCIIAlpha(b[j+len(d)])) {
				w = len(d)
				break
			}
		}
		if w == 0 {
			break
		}
		j += w
		n++
		end = j
	}
	return end, n >= 8
}

// appendSessionIDs appends a messenger-contact candidate for every Session
// messenger ID in norm: the word "session", an optional "id" and colon, then
// the ID, 66 hex digits starting "05", whole or shortened around an
// ellipsis ("Kontakt: Session 05b7…e4", heldout35 zd0089). A numbered
// session of a course ("Session 05 am Montag") has no hex digits after 05.
// koTablet is 정, the Korean counter of tablets.
const koTablet = "\uC815"

// koreanTabletCount reports whether s counts tablets the Korean way: a
// number, maybe a space, then 정 not followed by another Hangul syllable
// ("10정", "30 정 x 3", not "1kg 정량" or "99% 정제").
func koreanTabletCount(s []byte) bool {
	for i := 0; ; {
		// bytes.Index of koTablet, from its lead byte (rare outside Korean
		// text) without Index's set-up for each field.
		j := bytes.IndexByte(s[i:], koTablet[0])
		if j < 0 {
			return false
		}
		j += i
		if !bytes.HasPrefix(s[j:], []byte(koTablet)) {
			i = j + 1
			continue
		}
		end := j + len(koTablet)
		k := j
		if k > 0 && s[k-1] == ' ' {
			k--
		}
		if k > 0 && s[k-1] >= '0' && s[k-1] <= '9' {
			if r, _ := utf8.DecodeRune(s[end:]); r < 0xAC00 || r > 0xD7A3 {
				return true
			}
		}
		i = end
	}
}

// packSign is the numero sign a Russian or Ukrainian pharmacy writes
// before the number of units in a pack ("таблетки №20", "порошок № 10");
// the normaliser makes it "no".
const packSign = "№"

// packCountAt reports whether a pack count starts at norm[i]: "no" written
// as the numero sign, at most one space, one to three digits and no more
// digits or letters.
func packCountAt(f *field, i int) bool {
	b := f.norm
	if i+3 > len(b) || b[i] != 'n' || b[i+1] != 'o' || wordBefore(b, i) {
		return false
	}
	j := i + 2
	if b[j] == ' ' {
		j++
	}
	k := j
	for k < len(b) && k-j < 4 && isDigit(b[k]) {
		k++
	}
	if k == j || k-j > 3 || k < len(b) && isAlnumByte(b[k]) {
		return false
	}
	os, oe := f.origRange(int32(i), int32(i+2))
	return f.orig[os:oe] == packSign
}

// strengthUnits are the units of a medicine's strength before a pack
// count ("200 мг №20", "5 mg №30"), normalised.
var strengthUnits = []string{"мг", "мкг", "мл", "mg", "mcg", "µg", "ml"}

// strengthPackCount reports whether the field holds a pack count right
// after a strength: a number, a unit of strengthUnits and at most one
// space.
func strengthPackCount(f *field) bool {
	b := f.norm
	for i := 0; i+3 <= len(b); i++ {
		k := bytes.Index(b[i:], []byte("no"))
		if k < 0 {
			return false
		}
		i += k
		if !packCountAt(f, i) {
			continue
		}
		j := i
		if j > 0 && b[j-1] == ' ' {
			j--
		}
		for _, u := range strengthUnits {
			if j >= len(u)+1 && string(b[j-len(u):j]) == u {
				d := j - len(u)
				if d > 0 && b[d-1] == ' ' {
					d--
				}
				if d > 0 && isDigit(b[d-1]) {
					return true
				}
			}
		}
	}
	return false
}

// skipSpaces returns the index of the first byte at or after i that is no
// space.
// containerWords, right after a chemical-form word, make it the name of
// the vessel ("reagent bottles empty and cleaned", heldout81 yc0090), not
// the form of the chemical.
var containerWords = wordSet("bottle", "bottles", "jar", "jars", "vial", "vials", "flask", "flasks", "flasche", "flaschen",
	"flacon", "flacons", "frasco", "frascos", "flacone", "flaconi")

// containerNoun reports whether the word of b at or after i (spaces
// skipped) is one of containerWords.
func containerNoun(b []byte, i int) bool {
	i = skipSpaces(b, i)
	j := i
	for j < len(b) && b[j] >= 'a' && b[j] <= 'z' {
		j++
	}
	return j > i && containerWords[string(b[i:j])]
}

func skipSpaces(b []byte, i int) int {
	for i < len(b) && b[i] == ' ' {
		i++
	}
	return i
}

// limitPhrases say on their own that a buyer may take only a few packs
// ("每人限购两盒", "не более 2 упаковок в одни руки", "Abgabe nur in
// haushaltsüblichen Mengen", "お一人様2個まで"), normalised.
var limitPhrases = [][]byte{[]byte("限购"), []byte("限購"), []byte("в одни руки"), []byte("haushaltsublich"),
	[]byte("お一人様"), []byte("おひとり様"), []byte("1人につき"), []byte("1인 구매 제한"), []byte("구매 수량 제한"),
	[]byte("purchase limit")}

// perBuyer are the words of a quantity per buyer ("per customer"); they
// make a purchase limit after a limit cue (limitCues).
var perBuyer = [][]byte{[]byte("per customer"), []byte("per person"), []byte("per household"), []byte("per buyer"),
	[]byte("pro kunde"), []byte("pro person"), []byte("pro haushalt"), []byte("je kunde"), []byte("par client"),
	[]byte("par personne"), []byte("par foyer"), []byte("por cliente"), []byte("por persona"), []byte("por pessoa"),
	[]byte("per cliente"), []byte("per persona"), []byte("per klant"), []byte("per persoon"), []byte("na klienta"),
	[]byte("na osobe"), []byte("на человека"), []byte("на покупателя"), []byte("на одного покупателя"),
	[]byte("на особу"), []byte("kisi basi"), []byte("musteri basina")}

// limitCues come before a perBuyer word in a purchase limit ("limit 2
// packs per customer", "max. 2 Packungen pro Kunde", "máximo 2 cajas por
// cliente").
var limitCues = [][]byte{[]byte("limit"), []byte("max"), []byte("hochstens"), []byte("begrenzt"), []byte("only"),
	[]byte("nur"), []byte("seulement"), []byte("solo"), []byte("apenas"), []byte("tylko"), []byte("alleen"),
	[]byte("maks"), []byte("не более"), []byte("не больше"), []byte("не більше"), []byte("en fazla"), []byte("massimo"),
	[]byte("no more than")}

// purchaseLimited reports whether a field other than the seller's sets a
// per-buyer purchase limit: a limit phrase not denied ("不限购", "no
// limit"), or a per-buyer word up to 40 bytes after a limit cue in the
// same clause, without a sample between ("only one free sample per
// customer" limits samples, not the goods).
func purchaseLimited(fields []field) bool {
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
		// Every occurrence of a perBuyer word is one of its lead's (no
		// word or lead overlaps itself: TestPurchaseLimitedSame): nine
		// searches, not 26.
		for _, g := range perBuyerGroups {
			for i := range occurrences(b, g.lead) {
				for _, p := range g.words {
					if !bytes.HasPrefix(b[i:], p) || i > 0 && isAlnumByte(b[i-1]) || i+len(p) < len(b) && isAlnumByte(b[i+len(p)]) {
						continue
					}
					if limitCueBefore(b, i) {
						return true
					}
				}
			}
		}
	}
	return false
}

// bulkLimit reports whether the gap between a limit cue and its per-buyer
// word holds a count of 50 or more: "limit 500 boxes per customer" allows
// bulk, it limits no retail sale (heldout82 yb0108). The threshold is a
// judgement: the limits seen on pharmacy pages are one to a few packs.
func bulkLimit(gap []byte) bool {
	n, digits := 0, 0
	for _, c := range gap {
		switch {
		case c >= '0' && c <= '9':
			n, digits = n*10+int(c-'0'), digits+1
			if n >= 50 {
				return true
			}
		case c == ',' && digits > 0:
			// a thousands separator ("1,000 boxes")
		default:
			n, digits = 0, 0
		}
	}
	return false
}

// limitCueBefore reports whether a limit cue stands up to 40 bytes before
// the per-buyer word at b[i:] in the same clause, without a sample
// between.
func limitCueBefore(b []byte, i int) bool {
	lo := max(i-40, 0)
	for _, c := range limitCues {
		j := bytes.LastIndex(b[lo:i], c)
		if j < 0 {
			continue
		}
		j += lo
		gap := bytes.TrimPrefix(b[j+len(c):i], []byte(".")) // "max. 2 Packungen"
		if (j == 0 || !isAlnumByte(b[j-1])) && sameClause(gap) && !bytes.Contains(gap, []byte("sample")) && !bulkLimit(gap) &&
			!bytes.HasSuffix(b[:j], []byte("no ")) {
			return true
		}
	}
	return false
}

// wordGroup is words that start with the same lead.
type wordGroup struct {
	lead  []byte
	words [][]byte
}

// perBuyerGroups are perBuyer's words by their lead: the first word and
// its space ("per ", "на "), or the whole word when it has no space.
var perBuyerGroups = func() []wordGroup {
	var gs []wordGroup
	for _, w := range perBuyer {
		lead := w
		if k := bytes.IndexByte(w, ' '); k >= 0 {
			lead = w[:k+1]
		}
		gi := slices.IndexFunc(gs, func(g wordGroup) bool { return bytes.Equal(g.lead, lead) })
		if gi < 0 {
			gi = len(gs)
			gs = append(gs, wordGroup{lead: lead})
		}
		gs[gi].words = append(gs[gi].words, w)
	}
	return gs
}()

// occurrences yields the start of every occurrence of p in b, left to
// right, each search resuming after the occurrence before (occurrences do
// not overlap).
func occurrences(b, p []byte) iter.Seq[int] {
	return func(yield func(int) bool) {
		for off := 0; off < len(b); {
			k := bytes.Index(b[off:], p)
			if k < 0 || !yield(off+k) {
				return
			}
			off += k + len(p)
		}
	}
}

// sessionWord is the word before every Session ID.
const sessionWord = "session"

func appendSessionIDs(cands []indCand, norm []byte, fi int32, ii int16) []indCand {
	// Every ID starts "05" (sessionIDEnd): most fields have no "05", found
	// from its rare first byte sooner than "session" from its common one.
	// (Match calls this only for a field whose raw hits hold sessionWord.)
	if !bytes.Contains(norm, []byte("05")) {
		return cands
	}
	for i := range occurrences(norm, []byte(sessionWord)) {
		if i > 0 && isAlnumByte(norm[i-1]) {
			continue
		}
		j := i + 7
		for j < len(norm) && (norm[j] == ' ' || norm[j] == ':') {
			j++
		}
		if bytes.HasPrefix(norm[j:], []byte("id")) {
			j += 2
			for j < len(norm) && (norm[j] == ' ' || norm[j] == ':') {
				j++
			}
		}
		if e, ok := sessionIDEnd(norm, j); ok {
			cands = append(cands, indCand{ii: ii, field: fi, s: int32(i), e: int32(e)})
		}
	}
	return cands
}

// sessionIDEnd returns the end of a Session ID at norm[j]: "05" and 64 more
// hex digits, or "05", at least two hex digits, an ellipsis and at least two
// more, with no letter or digit glued to its end.
func sessionIDEnd(norm []byte, j int) (int, bool) {
	if !bytes.HasPrefix(norm[j:], []byte("05")) {
		return 0, false
	}
	hexRun := func(p int) int {
		q := p
		for q < len(norm) && (isDigit(norm[q]) || norm[q] >= 'a' && norm[q] <= 'f') {
			q++
		}
		return q
	}
	e := hexRun(j)
	switch n := e - j; {
	case n == 66:
	case n >= 4 && n < 66:
		p := e
		switch {
		case bytes.HasPrefix(norm[p:], []byte("...")):
			p += 3
		case bytes.HasPrefix(norm[p:], []byte("…")):
			p += len("…")
		default:
			return 0, false
		}
		if q := hexRun(p); q-p >= 2 {
			e = q
		} else {
			return 0, false
		}
	default:
		return 0, false
	}
	if e < len(norm) && isAlnumByte(norm[e]) {
		return 0, false
	}
	return e, true
}

// socialPlatforms are the social networks, and the messengers outside the
// policy's encrypted ones, whose name before an @handle says where the
// handle lives (heldout35 zd0087: "DM for price or message us on Instagram
// @soapmakers_supply").
var socialPlatforms = map[string]bool{"instagram": true, "insta": true, "ig": true, "facebook": true, "fb": true,
	"twitter": true, "tiktok": true, "snapchat": true, "linkedin": true, "youtube": true, "pinterest": true, "reddit": true,
	"discord": true, "wechat": true, "weixin": true, "skype": true, "vk": true, "vkontakte": true, "вконтакте": true,
	"вк": true, "инстаграм": true, "инстаграме": true, "фейсбук": true, "微信": true, "微博": true, "weibo": true}

// namesPlatform reports whether gap, between a contact cue and an @handle,
// names one of socialPlatforms as a word.
func namesPlatform(gap []byte) bool {
	for _, w := range bytes.FieldsFunc(gap, func(r rune) bool {
		return r < 0x80 && !isAlnumByte(byte(r)) || unicode.IsSpace(r) || unicode.IsPunct(r)
	}) {
		if socialPlatforms[string(w)] {
			return true
		}
	}
	return bytes.Contains(gap, []byte("微信")) || bytes.Contains(gap, []byte("微博")) || namesOtherMessenger(gap)
}

// otherMessengers are the chat apps of Southeast and East Asia outside the
// policy's encrypted messengers (Wickr, Telegram, Threema, Signal,
// WhatsApp) that shops give as a contact: LINE (ไลน์), Zalo, KakaoTalk,
// and Viber (вайбер), which no labelled set counts as an indicator
// (heldout63 yu0052, heldout52 zu0105).
var otherMessengers = []string{"line", "zalo", "kakaotalk", "kakao", "ไลน์", "viber", "вайбер"}

// namesOtherMessenger reports whether gap, between a contact cue and an
// @handle, ends with one of otherMessengers, perhaps followed by "ID" and
// a colon: the handle is that app's ("ติดต่อสอบถามทางไลน์ @fibrechem",
// "Contact LINE ID: @…", heldout52 zu0112; the labelled sets never counted
// LINE or Zalo as an indicator). A policy messenger named after it
// ("ไลน์หรือ Telegram @…") keeps the handle a contact.
func namesOtherMessenger(gap []byte) bool {
	g := bytes.TrimRight(gap, " :-")
	if t, ok := bytes.CutSuffix(g, []byte(" id")); ok {
		g = t
	} else if t, ok := bytes.CutSuffix(g, []byte("ไอดี")); ok {
		g = bytes.TrimRight(t, " ")
	}
	for _, name := range otherMessengers {
		if bytes.HasSuffix(g, []byte(name)) {
			if k := len(g) - len(name); name[0] >= 0x80 || k == 0 || !isAlnumByte(g[k-1]) {
				return true
			}
		}
	}
	return false
}

// phoneEnd returns the end of a phone number at b[i] (a plus or a digit):
// eight to fifteen digits, with spaces, hyphens or brackets between
// groups, and no letter or dotted digit glued to its end.
func phoneEnd(b []byte, i int) (int, bool) {
	j, n, end := i, 0, i
	if b[j] == '+' {
		j++
	}
	for ; j < len(b) && n <= 15; j++ {
		c := b[j]
		if isDigit(c) {
			n++
			end = j + 1
			continue
		}
		if (c == ' ' || c == '-' || c == '(' || c == ')') && j > i {
			continue
		}
		if j == end && (isASCIIAlpha(c) || c == '.' && j+1 < len(b) && isDigit(b[j+1])) {
			return 0, false // "555-0190x", a dotted number
		}
		break
	}
	return end, n >= 8 && n <= 15
}

// reactionCands appends to cands the substance frames whose reaction word
// (ev.react) has a substance mention at most the frame's distance before
// or after it in the same sentence, when the listing names at least two
// substances: the reaction word next to its partner reagent ("Nitroethane
// … condenses cleanly with benzaldehyde", "配合硝基乙烷做缩合"). A single
// substance next to a reaction word ("hydrochloric acid for pH
// reduction") is no hint.
func (m *Matcher) reactionCands(ev *evaluation, fields []field, cands []indCand) []indCand {
	first, two := int32(-1), false
	for _, h := range ev.hits {
		if h.negated {
			continue
		}
		if first < 0 {
			first = h.sub
		} else if h.sub != first {
			two = true
			break
		}
	}
	if !two {
		return cands
	}
	for _, r := range ev.react {
		norm := fields[r.field].norm
		within := m.frames[r.fr-1].within
		for _, h := range ev.hits {
			if h.field != r.field || h.negated {
				continue
			}
			switch {
			case h.e <= r.s && r.s-h.e <= within && sameSentence(norm[h.e:r.s]):
				cands = append(cands, indCand{ii: r.ii, field: r.field, s: h.s, e: r.e, fr: r.fr})
			case h.s >= r.e && h.s-r.e <= within && sameSentence(norm[r.e:h.s]):
				cands = append(cands, indCand{ii: r.ii, field: r.field, s: r.s, e: h.e, fr: r.fr})
			default:
				continue
			}
			break
		}
	}
	return cands
}

// frameBlocked reports whether a block word of a frame of candidate c's
// indicator (frames of one indicator share their block words) lies inside
// its span or starts at most 24 bytes after it in the same
// sentence ("customs duties not included", "the invoice will read 'Iode,
// UN3495' with the exact product name").
func (m *Matcher) frameBlocked(f *field, c indCand) bool {
	bw := m.frameBlocks[c.ii]
	if bw == nil || len(bw.words) == 0 {
		return false
	}
	norm := f.norm
	lo, hi := max(0, int(c.s)-24), min(len(norm), int(c.e)+24)
	win := norm[lo:hi]
	// Every place a block word occurs in the window, each word tried only
	// where the window has its first bytes (startWords); the answer is the
	// same in any order. A word that starts with an ASCII byte is no CJK
	// word, so after an ASCII letter or digit (wordBefore) it is inside a
	// longer word: only word starts are tried.
	prev := byte(' ')
	if lo > 0 {
		prev = norm[lo-1]
	}
	for off, ch := range win {
		p := prev
		prev = ch
		if ch < 0x80 && alnumTable[p] {
			continue
		}
		for _, w := range bw.startWords(win, off) {
			if !bytes.HasPrefix(win[off:], w) {
				continue
			}
			a := lo + off
			b := a + len(w)
			if !isCJKStart(w) && (wordBefore(f.norm, a) || wordAt(f.norm, b)) {
				continue // inside a longer word
			}
			switch {
			case a >= int(c.s) && a <= int(c.e):
				return true
			case a > int(c.e) && sameSentence(f.norm[c.e:a]):
				return true
			case b <= int(c.s) && sameClause(f.norm[b:c.s]):
				return true // "for pH reduction …"
			}
		}
	}
	return false
}

// sameSentence reports whether a gap holds no sentence break. A question
// and its answer count as one ("Seized by customs? We reship").
func sameSentence(gap []byte) bool {
	for _, r := range string(gap) {
		switch r {
		case '.', ';', '!', '\n', '。', '；', '！':
			return false
		}
	}
	return true
}

// authorityInFrame reports whether authority noun h (police, customs)
// is the first part of a risk-indicator frame said in the same clause:
// "Douane geen probleem", "Celnicy nie sprawdzają", "税関の心配なし" name
// the authority to say it is no obstacle, which is an indicator of an
// offer and no report (the bare 세관 of heldout14 i0231 was one case).
func (m *Matcher) authorityInFrame(f *field, h fhit) bool {
	p := &m.pats[h.pat]
	if p.kinds&kFrameFirst == 0 {
		return false
	}
	for _, fr := range p.frameFirst {
		if m.frames[fr].negated {
			if s, e, ok := m.negFrameSpan(f, h, fr); ok && s <= h.s && e >= h.e {
				return true
			}
		}
	}
	for _, c := range f.window(h.e, h.e+maxCue) {
		if c.pat < 0 || m.pats[c.pat].kinds&kFrameSecond == 0 {
			continue
		}
		for _, fr := range m.pats[c.pat].frameSecond {
			if !slices.Contains(p.frameFirst, fr) {
				continue
			}
			if s, e, ok := m.frameSpan(f, c, fr); ok && s <= h.s && e >= h.e {
				return true
			}
		}
	}
	return false
}

// conditionalWords, up to four words before a report word, make its find
// a seller's condition ("reship if customs intercepts", "if the parcel is
// seized we resend", id "jika disita bea cukai", tl "kung nasabat sa
// customs"), not a report (heldout52 zu0016). Not "should" ("institutions
// should report such patterns"); not "si", "se", "neu": Spanish "sí" and
// "se incautaron", German "neu".
var conditionalWords = []string{"if", "unless", "jika", "kalau", "apabila", "kung", "falls", "wenn"}

// nothingWords deny what a find reports ("customs find nothing").
var nothingWords = []string{"nothing", "nichts", "nada", "rien", "niets", "nic", "niente", "nimic", "semmit", "hicbir", "ничего", "нічого"}

// nothingAfter reports whether a "nothing" word follows the report word
// ending at norm[e]: "Der Zoll findet nichts", "customs found nothing"
// are a seller's boast of evading customs, not the report of a find.
func nothingAfter(norm []byte, e int) bool {
	i := e
	for i < len(norm) && i-e < 2 && norm[i] == ' ' {
		i++
	}
	for _, w := range nothingWords {
		if bytes.HasPrefix(norm[i:], []byte(w)) && !wordAt(norm, i+len(w)) {
			return true
		}
	}
	return false
}

// insideIndicator reports whether hit h lies inside a longer risk-indicator
// or offer phrase: "税関" (customs, a report word) in "税関対策済み" (customs
// taken care of) is part of the indicator, not a report; "règlement"
// (regulation, a report word) in "règlement par virement" (payment by
// transfer) is part of an offer.
func (m *Matcher) insideIndicator(f *field, h fhit) bool {
	if f.kinds&(kIndicator|kOffer) == 0 {
		return false
	}
	for _, c := range f.window(h.s-maxCue, h.s) {
		if c.pat >= 0 && c.pat != h.pat && m.pats[c.pat].kinds&(kIndicator|kOffer) != 0 && c.e >= h.e && c.e-c.s > h.e-h.s {
			return true
		}
	}
	return false
}

// insideFiat reports whether hit h lies inside a longer fiat payment
// phrase of its field ("bank" in "bank transfer").
func (m *Matcher) insideFiat(f *field, h fhit) bool {
	if f.kinds&kFiat == 0 {
		return false
	}
	for _, c := range f.window(h.s-maxCue, h.s) {
		if c.pat >= 0 && c.pat != h.pat && m.pats[c.pat].kinds&kFiat != 0 && c.e >= h.e && c.e-c.s > h.e-h.s {
			return true
		}
	}
	return false
}

// negatedIndicator reports whether the indicator phrase at s is denied by a
// cue before it: a verbal cue ("not", "never", "nicht") up to 40 bytes
// before it in the same clause ("we do not sell via Telegram or
// WhatsApp"), an immediate cue ("no", "without", "ohne") right before it
// ("no Telegram"). A gap holding an except word ("do not hesitate to
// contact us on WhatsApp", "don't worry, ships discreetly") denies
// nothing. The no-paperwork indicator is a denial itself and is not
// looked at here.
func (m *Matcher) negatedIndicator(f *field, s int32) bool {
	if f.kinds&(kIndNegBefore|kIndNegImmediate) == 0 {
		return false
	}
	for _, c := range f.window(s-maxCue, s) {
		if c.pat < 0 || c.e > s {
			continue
		}
		k := m.pats[c.pat].kinds
		if k&(kIndNegBefore|kIndNegImmediate) == 0 {
			continue
		}
		gap := f.norm[c.e:s]
		if k&kIndNegImmediate != 0 && s-c.e <= 2 && onlySpace(gap) {
			return true
		}
		if k&kIndNegBefore != 0 && m.beforeCueGap(gap) {
			return true
		}
	}
	return false
}

// negatedBefore reports whether a "before" negation cue (never, niemals,
// 从不) denies the indicator phrase at s (negatedIndicator without the
// immediate cues).
func (m *Matcher) negatedBefore(f *field, s int32) bool {
	for _, c := range f.window(s-maxCue, s) {
		if c.pat >= 0 && c.e <= s && m.pats[c.pat].kinds&kIndNegBefore != 0 && m.beforeCueGap(f.norm[c.e:s]) {
			return true
		}
	}
	return false
}

// beforeCueGap reports whether gap, between a "before" negation cue and an
// indicator phrase, lets the cue deny the phrase: at most 40 bytes in one
// clause, no spaced dash, and no exception word ("don't hesitate to").
func (m *Matcher) beforeCueGap(gap []byte) bool {
	if len(gap) > 40 || !sameClause(gap) || bytes.Contains(gap, []byte(" - ")) {
		return false
	}
	for _, w := range m.indNegExc {
		if bytes.Contains(gap, w) {
			return false
		}
	}
	return true
}

// negatedInList reports whether the phrase of indicator ii at s..e
// follows, joined by nothing but a list connector ("never via Telegram,
// WhatsApp or Signal", "从不通过Telegram、WhatsApp联系客户", heldout35
// zd0028), a phrase of the same indicator that a "before" negation cue
// (never, 从不, niemals) denies: the negation runs on through the list, as
// it does through a list of substances. A bare "no" does not run on, and an
// "only" right after the phrase contrasts it with the denied one ("no
// WhatsApp, Telegram only").
func (m *Matcher) negatedInList(f *field, s, e int32, ii int16) bool {
	if f.kinds&(kIndNegBefore|kIndNegImmediate) == 0 {
		return false
	}
	after := f.norm[e:min(int32(len(f.norm)), e+16)]
	for _, w := range m.onlyWords {
		if k := bytes.Index(after, w); k >= 0 && sameClause(after[:k]) {
			return false
		}
	}
	return m.listNegated(f, s, ii, 0)
}

// listNegated walks back from s along a list of phrases of indicator ii
// (negatedInList); depth bounds the walk along a long list.
func (m *Matcher) listNegated(f *field, s int32, ii int16, depth int) bool {
	if depth > 4 {
		return false
	}
	for _, c := range f.window(s-24, s) {
		if c.pat < 0 || c.e > s || s-c.e > 16 || m.pats[c.pat].kinds&kIndicator == 0 || !slices.Contains(m.pats[c.pat].indicators, ii) {
			continue
		}
		gap := f.norm[c.e:s]
		if bytes.ContainsAny(gap, ".;:!?\n") || !m.gapOK(gap, m.connectors, true) {
			continue
		}
		if m.negatedBefore(f, c.s) || m.listNegated(f, c.s, ii, depth+1) {
			return true
		}
		// A bare "no" runs on through "or" ("no Telegram or WhatsApp
		// orders"), not through a comma ("no WhatsApp, Telegram only").
		if disjunction(gap) && m.negatedImmediate(f, c.s) {
			return true
		}
	}
	return false
}

// disjunction reports whether gap, between two phrases of a list, is one
// "or" word and spaces: "no X or Y" denies both.
func disjunction(gap []byte) bool {
	switch string(bytes.TrimSpace(gap)) {
	case "or", "nor", "oder", "noch", "ou", "ni", "o", "of", "lub", "ani", "veya", "или", "ни", "або", "eller", "nebo", "sau", "ili":
		return true
	}
	return false
}

// negatedImmediate reports whether an immediate cue ("no", "kein", "sin")
// stands right before the indicator phrase at s.
func (m *Matcher) negatedImmediate(f *field, s int32) bool {
	for _, c := range f.window(s-maxCue, s) {
		if c.pat >= 0 && c.e <= s && s-c.e <= 2 && m.pats[c.pat].kinds&kIndNegImmediate != 0 && onlySpace(f.norm[c.e:s]) {
			return true
		}
	}
	return false
}

// warnedAgainst reports whether the indicator phrase at s..e stands in a
// scam warning of the marketplace's safety tips: a warning cue
// ("scammers", "Betrüger", "мошенники", "มิจฉาชีพ") at most maxCue bytes
// before it in the same clause ("scammers often ask to move to WhatsApp
// or Telegram"), or a trailing cue of a verb-final language ("ご注意
// ください", "请提高警惕", "사기일 수 있습니다") at most 160 bytes after it in
// the same sentence. Such a page warns buyers against the channel; a
// seller's own handle or number is still an observable and an indicator.
// A share bar ("Share: Facebook | WhatsApp | Telegram") names messengers
// as buttons: a share cue at most 60 bytes before on the same line.
// tagInRow reports whether norm[s:e] is a whole hashtag ("#meth") in a row
// of hashtags: another tag right before or after it ("#meth
// #pseudoephedrine", "#SayNoToDrugs #meth"). A row of tags names a post's
// topics; a drug name among them is no synthesis hint by itself.
func tagInRow(norm []byte, s, e int32) bool {
	if s < 1 || norm[s-1] != '#' {
		return false
	}
	if int(e) < len(norm) {
		if c := norm[e]; c != ' ' && c != '#' && c != '\n' {
			return false // "#methlab": the tag goes on
		}
	}
	after := bytes.TrimLeft(norm[e:], " ")
	if len(after) > 0 && after[0] == '#' {
		return true
	}
	before := bytes.TrimRight(norm[:s-1], " ")
	if k := bytes.LastIndexAny(before, " \n"); k+1 < len(before) && before[k+1] == '#' {
		return true
	}
	return false
}

func (m *Matcher) warnedAgainst(f *field, s, e int32) bool {
	if f.kinds&(kIndWarn|kIndWarnAfter|kIndShare) == 0 {
		return false
	}
	for _, c := range f.window(s-maxCue, e+160) {
		if c.pat < 0 {
			continue
		}
		k := m.pats[c.pat].kinds
		// A dash ends the warning too: "beware of fakes – order only via
		// Wickr" is the seller's own channel.
		if k&kIndWarn != 0 && c.e <= s && sameClause(f.norm[c.e:s]) && !dashBreak(f.norm[c.e:s]) {
			return true
		}
		if k&kIndWarnAfter != 0 && c.s >= e && sameSentence(f.norm[e:c.s]) {
			return true
		}
		if k&kIndShare != 0 && c.e <= s && s-c.e <= 90 && shareGap(f.norm[c.e:s]) && !m.contactBetween(f, c.e, s) {
			return true
		}
	}
	return false
}

// shareGap reports whether gap, between a share cue and a messenger name,
// stays in the share widget: on one line, with no sentence end, a dot
// only as a spaced list bullet ("Share: Facebook · LinkedIn · WhatsApp",
// where normalisation made the middle dot a dot). "Share: Facebook.
// Contact us on WhatsApp" ends the widget at the full stop.
func shareGap(gap []byte) bool {
	for i, c := range gap {
		switch c {
		case '\n', ';', '!', '?':
			return false
		case '.':
			if i == 0 || gap[i-1] != ' ' || i+1 < len(gap) && gap[i+1] != ' ' {
				return false
			}
		}
	}
	return !bytes.Contains(gap, []byte("。")) && !bytes.Contains(gap, []byte("；")) && !bytes.Contains(gap, []byte("！"))
}

// contactBetween reports whether a contact word ("contact", "message
// me", "dm") stands between e and s: "Share: Facebook · contact our sales
// manager on WhatsApp" leaves the share widget for the seller's channel.
func (m *Matcher) contactBetween(f *field, e, s int32) bool {
	for _, c := range f.window(e, s) {
		if c.pat >= 0 && c.s >= e && c.e <= s && m.pats[c.pat].kinds&kOfferWeak != 0 && !m.unitWord[c.pat] {
			return true
		}
	}
	return false
}

// dashBreak reports whether gap holds a spaced dash (" - ", " – ", " — ").
func dashBreak(gap []byte) bool {
	return bytes.Contains(gap, []byte(" - ")) || bytes.Contains(gap, []byte(" – ")) || bytes.Contains(gap, []byte(" — "))
}

// refusedIndicator reports whether the indicator phrase ending at e is
// refused right after it: a refusal cue ("we cannot do that", "not
// possible", "machen wir nicht") starts at most 24 bytes after it in the
// same sentence, a dash or comma between them allowed ("buyers ask us to
// label as gift – we cannot do that").
func (m *Matcher) refusedIndicator(f *field, e int32) bool {
	if f.kinds&kIndNegAfter == 0 {
		return false
	}
	for _, c := range f.window(e, e+24) {
		if c.pat < 0 || c.s < e || c.s-e > 24 || m.pats[c.pat].kinds&kIndNegAfter == 0 {
			continue
		}
		gap := f.norm[e:c.s]
		if bytes.ContainsAny(gap, ".!?;\n") || m.fiatBetween(f, e, c.s) {
			continue
		}
		// "Not available" has no subject of its own: it refuses the
		// phrase right before it ("匿名配送不可", "stealth shipping: not
		// available"), not one a word earlier ("stealth shipping, tracking
		// not available"); a CJK cue not when a Han character goes on
		// from it ("不可追踪": untraceable).
		if m.pats[c.pat].kinds&kIndUnavail != 0 && (!unavailGap(gap) || isHanStart(f.norm[c.e:])) {
			continue
		}
		return true
	}
	return false
}

// refusedFirstPart reports whether the first part of frame candidate c
// is refused right after it, inside the frame's span: "Ватсап не
// пользуюсь, только звонки" (WhatsApp I do not use, calls only; heldout81
// yc0053) pairs the messenger with "только" across the refusal.
func (m *Matcher) refusedFirstPart(f *field, c indCand) bool {
	if c.fr <= 0 || f.kinds&kIndNegAfter == 0 {
		return false
	}
	for _, h := range f.window(c.s, c.s) {
		if h.pat < 0 || h.e >= c.e || m.pats[h.pat].kinds&kFrameFirst == 0 {
			continue
		}
		// Right after it, spaces only: "colis banal, impossible de
		// deviner le contenu" is the frame itself (heldout14 i0004).
		for _, r := range f.window(h.e, h.e+2) {
			if r.pat >= 0 && r.s < c.e && m.pats[r.pat].kinds&kIndNegAfter != 0 && m.pats[r.pat].kinds&kIndUnavail == 0 && onlySpace(f.norm[h.e:r.s]) {
				return true
			}
		}
	}
	return false
}

// numberShared reports whether every messenger name of the field named
// name stands behind a share, notification or job-application cue
// (lexicon indicator_negation share: "Apply via WhatsApp +44 …", heldout81
// yc0209): the number after it is that channel's, no buyer's contact.
func (m *Matcher) numberShared(fields []field, name string) bool {
	for fi := range fields {
		f := &fields[fi]
		if f.name != name {
			continue
		}
		if f.kinds&kIndShare == 0 {
			return false
		}
		n := 0
		for _, h := range f.hits {
			if h.pat < 0 || m.pats[h.pat].kinds&kIndicator == 0 || !slices.Contains(m.pats[h.pat].indicators, m.messenger) {
				continue
			}
			if !m.sharedAt(f, h.s) {
				return false
			}
			n++
		}
		return n > 0
	}
	return false
}

// sharedAt reports whether a share cue stands at most 90 bytes before s on
// its line, with no contact word between (warnedAgainst's share test).
func (m *Matcher) sharedAt(f *field, s int32) bool {
	for _, c := range f.window(s-maxCue, s) {
		if c.pat >= 0 && m.pats[c.pat].kinds&kIndShare != 0 && c.e <= s && s-c.e <= 90 && shareGap(f.norm[c.e:s]) && !m.contactBetween(f, c.e, s) {
			return true
		}
	}
	return false
}

// fiatBetween reports whether a fiat payment method is named between e and
// s: then a refusal after it refuses that method, not the crypto before it
// ("platba pouze v kryptoměnách, bankovní převod nepřijímáme").
func (m *Matcher) fiatBetween(f *field, e, s int32) bool {
	for _, c := range f.window(e, s) {
		if c.pat >= 0 && c.e <= s && m.pats[c.pat].kinds&kFiat != 0 {
			return true
		}
	}
	return false
}

// unavailGap reports whether the gap between an indicator phrase and a
// "not available" cue holds only spaces, a colon, dash, comma or bracket,
// or a Japanese or Korean topic particle.
func unavailGap(gap []byte) bool {
	switch strings.Trim(string(gap), " :-,()–—") {
	case "", "は", "も", "が", "には", "では", "은", "는", "이", "가":
		return true
	}
	return false
}

// isHanStart reports whether b starts with a Han character.
func isHanStart(b []byte) bool {
	r, _ := utf8.DecodeRune(b)
	return unicode.Is(unicode.Han, r)
}

// sameClause reports whether a short gap holds no clause punctuation.
// openingParen returns gap without an opening parenthesis (and the spaces
// around it) that ends it: the gap between a word and the parenthesis
// that glosses it.
func openingParen(gap []byte) []byte {
	g := bytes.TrimRight(gap, " ")
	if len(g) == 0 || g[len(g)-1] != '(' {
		return gap
	}
	return bytes.TrimRight(g[:len(g)-1], " ")
}

func sameClause(gap []byte) bool {
	for _, r := range string(gap) {
		switch r {
		case ',', '.', ';', ':', '!', '?', '\n', '(', ')', '，', '。', '；', '：', '！', '？', '、':
			return false
		}
	}
	return true
}

// blockedAfter reports whether indicator ii's term at h is followed by one
// of the indicator's block words, or by one of its block-near words later
// in the same sentence.
func (m *Matcher) blockedAfter(f *field, h fhit, ii int16) bool {
	if f.kinds&(kIndBlock|kIndBlockNear) == 0 {
		return false
	}
	for _, c := range f.window(h.e, h.e+2) {
		if c.pat < 0 || m.pats[c.pat].kinds&kIndBlock == 0 {
			continue
		}
		for _, b := range m.pats[c.pat].blockAfter {
			if b == ii {
				return true
			}
		}
	}
	// A block-near word later in the sentence: "Recipe included: almond
	// cookies!".
	for _, c := range f.window(h.e, h.e+blockNearReach) {
		if c.pat >= 0 && m.pats[c.pat].kinds&kIndBlockNear != 0 && c.s >= h.e && slices.Contains(m.pats[c.pat].blockNear, ii) &&
			sameSentence(f.norm[h.e:c.s]) {
			return true
		}
	}
	return false
}

// blockNearReach is how many bytes after an indicator term a block-near
// word may start.
const blockNearReach = 40

// followsOther reports whether hit h comes right after (at most two bytes
// of space or hyphen) a substance term of another substance.
func (m *Matcher) followsOther(f *field, h fhit, sub int32) bool {
	for _, o := range f.window(h.s-maxCue-12, h.s) {
		if o.pat < 0 || o.e > h.s || h.s-o.e > 12 || o.cas == noSub {
			continue
		}
		if m.pats[o.pat].kinds&(kSubstance|kExclusion) == 0 || !onlySpace(stripTags(f.norm[o.e:h.s])) && !bracketedSalt(f.norm, o.e, h.s, h.e) {
			continue
		}
		if m.pats[o.pat].kinds&kExclusion != 0 {
			return true
		}
		for _, r := range m.pats[o.pat].refs {
			if r.sub != sub && r.amb == -1 {
				return true
			}
		}
	}
	return false
}

// bracketedSalt reports whether a salt marker at norm[s:e] closes a
// bracket after a comma that follows a name ending at norm[oe]: "(…-1-
// phenylpropan-1-ol, HCl)" is the name's salt, as "ephedrine HCl" is.
func bracketedSalt(norm []byte, oe, s, e int32) bool {
	if int(e) >= len(norm) || norm[e] != ')' || oe >= s || norm[oe] != ',' || !saltMarkers[string(norm[s:e])] {
		return false
	}
	return onlySpace(norm[oe+1 : s])
}

// temperatureAfter reports whether a temperature follows b[e:] (after
// optional space and a colon): a number and a degree sign, "105 °c",
// "-20°f", "60-80 ℃" (℃ is "°c" after normalisation). A messenger label
// before one is a measurement ("Tg: 105 °C", the glass transition of a
// resin), not a contact: handles do not start with a number and a degree.
func temperatureAfter(b []byte, e int) bool {
	i := e
	for i < len(b) && (b[i] == ' ' || b[i] == ':') {
		i++
	}
	if i < len(b) && (b[i] == '-' || b[i] == '+' || b[i] == '~') {
		i++
	}
	digits := 0
	for i < len(b) && (isDigit(b[i]) || digits > 0 && (b[i] == '.' || b[i] == ',' || b[i] == '-' || b[i] == ' ' && i+1 < len(b) && isDigit(b[i+1]))) {
		if isDigit(b[i]) {
			digits++
		}
		i++
	}
	if digits == 0 || digits > 6 {
		return false
	}
	for i < len(b) && b[i] == ' ' {
		i++
	}
	// ° is U+00B0 (c2 b0); º (U+00BA, c2 ba) is a common typo for it.
	return i+1 < len(b) && b[i] == 0xc2 && (b[i+1] == 0xb0 || b[i+1] == 0xba)
}

// saltMarkers are salt names that follow the name of the base they salt
// ("glucosamine HCl"); right after a word they are not the acid.
var saltMarkers = map[string]bool{"hcl": true, "hbr": true, "2hcl": true, "hydrochloride": true, "hydrochlorid": true}

// notSalted are words after which a salt marker is the acid itself.
var notSalted = map[string]bool{"buy": true, "sell": true, "pure": true, "technical": true, "conc": true,
	"concentrated": true, "fuming": true, "grade": true, "aqueous": true, "dilute": true, "anhydrous": true,
	"gas": true, "acid": true, "solution": true, "and": true, "or": true, "of": true, "with": true}

func saltMarkerAfterWord(norm []byte, h fhit) bool {
	if !saltMarkers[string(norm[h.s:h.e])] {
		return false
	}
	i := int(h.s)
	if i >= 2 && norm[i-1] == '.' && (isDigit(norm[i-2]) || isASCIIAlpha(norm[i-2]) || norm[i-2] == ')') {
		// A formula dot glued on both sides ("C10H15NO·HCl", which the
		// normaliser folds to '.', "ephedrine·HCl") joins a base and
		// its salt; a sentence-ending dot has a space after it.
		i--
		// After a systematic name's last part ("-1-ol·HCl", "…)·HCl")
		// the dot is an adduct's, whatever the part's length.
		k := i
		for k > 0 && i-k < 8 && isASCIIAlpha(norm[k-1]) {
			k--
		}
		if k > 0 && k < int(h.s) && (norm[k-1] == '-' || norm[k-1] == ')') || norm[i-1] == ')' {
			return true
		}
	} else {
		for i > 0 && (norm[i-1] == ' ' || norm[i-1] == '-') && int(h.s)-i < 2 {
			i--
		}
	}
	j := i
	for j > 0 && asciiWord[norm[j-1]&0x7f] && norm[j-1] < 0x80 && !isDigit(norm[j-1]) {
		j--
	}
	if j > 0 && (isDigit(norm[j-1]) || norm[j-1] == '$' || norm[j-1] == '@') {
		// A word written in leetspeak that the normaliser left as it was
		// ("p$eud0 HCl", "3phedr1ne HCl"): three letters or more, the
		// first a letter, digits and $ or @ among them, is a word too.
		k, letters := i, 0
		for k > 0 && i-k < 24 && (norm[k-1] < 0x80 && asciiWord[norm[k-1]] || norm[k-1] == '$' || norm[k-1] == '@') {
			if isASCIIAlpha(norm[k-1]) {
				letters++
			}
			k--
		}
		return letters >= 3 && isASCIIAlpha(norm[k]) && i < int(h.s)
	}
	if j == i && i < int(h.s) {
		return localWordBefore(norm, i)
	}
	return i-j >= 3 && i < int(h.s) && !notSalted[string(norm[j:i])]
}

// notSaltedLocal are words for acid and solution in other scripts, after
// which a salt marker is the acid itself ("Кислота HCl", "एसिड HCl").
var notSaltedLocal = map[string]bool{"кислота": true, "кислоты": true, "кислоту": true, "кислоти": true, "раствор": true,
	"розчин": true, "киселина": true, "қышқыл": true, "қышқылы": true, "حمض": true, "الحمض": true, "محلول": true, "اسید": true,
	"एसिड": true, "अम्ल": true, "অ্যাসিড": true, "এসিড": true, "অম্ল": true, "กรด": true, "สารละลาย": true,
	"חומצה": true, "תמיסה": true, "οξύ": true, "διάλυμα": true}

// localWordBefore reports whether a word of three letters or more in a
// non-Latin script ends at norm[:i] ("हाइड्रॉक्सिलिमीन HCl", heldout37
// zf0099): a name, as a Latin word before a salt marker is. Han and kana
// words are left out: they glue grade and use words ("工业级 HCl",
// industrial grade) as often as names.
func localWordBefore(norm []byte, i int) bool {
	k, letters := i, 0
	for k > 0 && norm[k-1] >= 0x80 {
		r, n := utf8.DecodeLastRune(norm[:k])
		if r == utf8.RuneError || !unicode.IsLetter(r) && !unicode.IsMark(r) {
			break
		}
		if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
		k -= n
	}
	if letters < 3 || k > 0 && norm[k-1] != ' ' && norm[k-1] != '-' && norm[k-1] != '(' && norm[k-1] != '/' {
		return false
	}
	return !notSaltedLocal[string(norm[k:i])]
}

// dropQualifiers drops a mention whose text is a word of another
// substance's terms mentioned close by: "BMK" in "Kwas glicydowy BMK" names
// BMK glycidic acid, not P-2-P.
func (m *Matcher) dropQualifiers(f *field, ms []subHit) []subHit {
	drop := make([]bool, len(ms))
	for i, h := range ms {
		if h.kind == precwatch.HitCAS {
			continue
		}
		word := string(f.norm[h.s:h.e])
		// ms is sorted by start: look at the neighbours only.
		for j := i - 1; j >= 0 && ms[j].s >= h.s-maxCue-4 && !drop[i]; j-- {
			drop[i] = m.qualifies(f.norm, ms[j], h, word)
		}
		for j := i + 1; j < len(ms) && ms[j].s <= h.e+16 && !drop[i]; j++ {
			drop[i] = m.qualifies(f.norm, ms[j], h, word)
		}
	}
	out := ms[:0]
	for i, h := range ms {
		if !drop[i] {
			out = append(out, h)
		}
	}
	return out
}

// dropWordQualifiers drops an abbreviation that stands right next to (or in
// parentheses after) a word of another substance's terms, when that other
// substance is named in the listing and the abbreviation is a word of its
// terms too: "Sodium glycidate (BMK)" with "sodium 2-methyl-3-phenylglycidate"
// in the description names BMK glycidic acid, not P-2-P. The word must not
// be one of the abbreviation's own substance ("BMK oil" stays P-2-P), nor
// shorter than five letters ("conversion to BMK" keeps P-2-P). A hashtag
// of the abbreviation ("#bmk") is dropped beside any such substance.
func (m *Matcher) dropWordQualifiers(fields []field, hits []subHit) []subHit {
	drop := func(i int) bool {
		h := hits[i]
		switch h.kind {
		case precwatch.HitAbbreviation:
			return m.qualifiedByWord(fields, hits, i)
		case HitStreetName:
			if drop, ok := m.esterAfter(fields, hits, h); ok {
				return drop
			}
			return m.siblingNamed(fields, hits, h) || sharedStreetName(fields, hits, h)
		}
		return false
	}
	out := hits[:0]
	for i, h := range hits {
		if !drop(i) {
			out = append(out, h)
		}
	}
	return out
}

// siblingNamed reports whether street name h is vendor slang for a whole
// family of derivatives of a parent abbreviation ("PMK powder", "new BMK":
// the glycidates and glycidic acids of PMK or BMK) said right next to the
// name of another derivative of that parent: "PMK ethyl glycidate PMK
// powder new PMK" repeats the ethyl ester in slang, it does not offer the
// methyl ester the slang is listed under. The parent's own slang ("PMK
// oil") stays, and so does slang said apart from the name ("New BMK powder
// in stock – CAS 41232-97-7" names both entries).
func (m *Matcher) siblingNamed(fields []field, hits []subHit, h subHit) bool {
	abbr := m.derivStreet[h.term]
	if abbr == "" {
		return false
	}
	owner := m.abbrOwner[abbr]
	norm := fields[h.field].norm
	for _, o := range hits {
		if o.field != h.field || o.sub == h.sub || o.sub == owner || o.negated || o.kind == HitStreetName ||
			o.kind == precwatch.HitAbbreviation || o.kind == precwatch.HitCAS || !m.tokens[o.sub][abbr] {
			continue
		}
		if o.e <= h.s && h.s-o.e <= 4 && !listGap(norm[o.e:h.s]) || h.e <= o.s && o.s-h.e <= 4 && !listGap(norm[h.e:o.s]) {
			return true
		}
	}
	return false
}

// esterAfter decides a street name h that the watchlist gives to several
// entries when the ester word of one of them follows it ("BMK glycidate
// (methyl)", "BMK glycidate methyl ester", heldout81 yc0128): the seller
// says which owner the name means, so h is dropped unless it is that one.
// ok is false when no such word follows.
func (m *Matcher) esterAfter(fields []field, hits []subHit, h subHit) (drop, ok bool) {
	norm := fields[h.field].norm
	i := int(h.e)
	for i < len(norm) && (norm[i] == ' ' || norm[i] == '(' || norm[i] == ',') {
		i++
	}
	var suffix string
	switch {
	case bytes.HasPrefix(norm[i:], []byte("methyl")):
		suffix, i = "-methyl-glycidate", i+len("methyl")
	case bytes.HasPrefix(norm[i:], []byte("ethyl")):
		suffix, i = "-ethyl-glycidate", i+len("ethyl")
	default:
		return false, false
	}
	if i < len(norm) && isASCIIAlpha(norm[i]) {
		return false, false // "methylglycidic", "methylamine"
	}
	for _, o := range hits {
		if o.field == h.field && o.s == h.s && o.e == h.e && o.kind == HitStreetName && o.sub != h.sub &&
			(strings.HasSuffix(m.subs[o.sub].ID, suffix) || strings.HasSuffix(m.subs[h.sub].ID, suffix)) {
			return !strings.HasSuffix(m.subs[h.sub].ID, suffix), true
		}
	}
	return false, false
}

// sharedStreetName reports whether street name h is one the watchlist
// gives to several entries ("PMK oil": PMK and PMK ethyl glycidate; "BMK
// glycidate": BMK glycidic acid and its methyl ester, as the reference
// does) and means another of them here: the owner the listing names
// otherwise (by a name, synonym or CAS number) is the one it means ("BMK
// glycidate oil … methyl ester, CAS 80532-66-7"; "p.m.k oil (pmk ethyl
// glycidate)"); when it names none of them, the first owner in watchlist
// order, which is also kept as the target of a conversion ("conversion to
// PMK oil").
func sharedStreetName(fields []field, hits []subHit, h subHit) bool {
	first, shared := h.sub, false
	for _, o := range hits {
		if o.field == h.field && o.s == h.s && o.e == h.e && o.kind == HitStreetName && o.sub != h.sub {
			shared, first = true, min(first, o.sub)
		}
	}
	if !shared {
		return false
	}
	named := func(sub int32) bool {
		for _, o := range hits {
			if o.sub == sub && !o.negated && o.kind != HitStreetName && (o.field != h.field || o.s != h.s) {
				return true
			}
		}
		return false
	}
	if named(h.sub) {
		return false
	}
	if h.sub != first {
		return true
	}
	if conversionBefore(fields[h.field].norm, int(h.s)) {
		return false
	}
	for _, o := range hits {
		if o.field == h.field && o.s == h.s && o.e == h.e && o.kind == HitStreetName && o.sub != h.sub && named(o.sub) {
			return true
		}
	}
	return false
}

// conversionBefore reports whether the word before s is "to" or "into"
// ("conversion to PMK oil", "converts into BMK"): a conversion target.
func conversionBefore(norm []byte, s int) bool {
	b := bytes.TrimRight(norm[:s], " ")
	return bytes.HasSuffix(b, []byte(" to")) || bytes.HasSuffix(b, []byte(" into"))
}

func (m *Matcher) qualifiedByWord(fields []field, hits []subHit, i int) bool {
	h := hits[i]
	norm := fields[h.field].norm
	abbr := string(norm[h.s:h.e])
	// A hashtag ("#bmk" closing a BMK ethyl glycidate post) tags the post
	// with the family of what it offers: it is a word of another named
	// substance's terms, not a mention of its own.
	if h.s > 0 && norm[h.s-1] == '#' {
		for _, o := range hits {
			if o.sub != h.sub && !o.negated && m.tokens[o.sub][abbr] {
				return true
			}
		}
	}
	// Vendor slang for a derivative ("BMK powder", "new PMK oil") in
	// another language, word order or spelling ("PMK Pulver", "Nieuwe PMK
	// olie", "BMK em pó novo", "BMK порошок новый", "bmk powdr", "BMK/PMK
	// new stock"): with a derivative of the abbreviation named in the
	// listing, the bare abbreviation is a word of that slang, not the
	// parent. Oil words alone do not count ("BMK oil" is P-2-P, "PMK oil"
	// is PMK or its ethyl glycidate).
	if slangWordNear(norm, h) && m.slangAbbr(abbr) {
		for _, o := range hits {
			if o.sub != h.sub && !o.negated && m.tokens[o.sub][abbr] {
				return true
			}
		}
	}
	// A spaced number with a right check digit after the abbreviation ("B M
	// K 5449 12 7") is the CAS number of the substance it qualifies, even
	// without a CAS keyword.
	if c, ok := spacedCASAfter(norm, int(h.e)); ok {
		if r, ok := m.casIndex[c]; ok && r.sub != h.sub && m.tokens[r.sub][abbr] {
			for _, o := range hits {
				if o.sub == r.sub && !o.negated {
					return true
				}
			}
		}
	}
	for _, w := range [2]string{wordBeforeAt(norm, int(h.s)), wordAfterAt(norm, int(h.e))} {
		if utf8.RuneCountInString(w) < 5 || m.tokens[h.sub][w] {
			continue
		}
		for _, o := range hits {
			if o.sub != h.sub && !o.negated && m.tokens[o.sub][abbr] && (m.tokens[o.sub][w] || m.tokenInflected(o.sub, w)) {
				return true
			}
		}
	}
	return false
}

// slangAbbr reports whether abbreviation abbr is a word of a derivative's
// street name ("bmk" of "new BMK powder", "pmk" of "PMK powder"): a parent
// that has family slang.
func (m *Matcher) slangAbbr(abbr string) bool {
	for _, a := range m.derivStreet {
		if a == abbr {
			return true
		}
	}
	return false
}

// slangWords are the words that make a bare BMK/PMK-type abbreviation
// vendor slang for one of its derivatives: "powder" and "new" in the
// languages of the lexicon, with common misspellings. The reference lists
// "BMK powder", "new BMK", "PMK powder", "new PMK", "new PMK oil", "new BMK
// oil" as trade names of the glycidates and glycidic acids.
var slangWords = map[string]bool{
	// powder
	"powder": true, "powdr": true, "pwder": true, "powdwer": true, "poweder": true, "powders": true,
	"pulver": true, "poeder": true, "poudre": true, "polvo": true, "pó": true,
	"proszek": true, "proszku": true, "порошок": true, "порошка": true, "порошке": true, "порошку": true,
	"toz": true, "tozu": true, "bột": true, "serbuk": true, "bubuk": true, "polvere": true,
	// new
	"new": true, "neu": true, "neue": true, "neues": true, "neuer": true, "nieuw": true, "nieuwe": true,
	"nouveau": true, "nouvelle": true, "nuevo": true, "nueva": true, "novo": true, "nova": true,
	"nowy": true, "nowe": true, "nowa": true, "новый": true, "новое": true, "новая": true, "новий": true,
	"нове": true, "yeni": true, "mới": true, "baru": true, "nuovo": true,
}

// slangConnectors stand between an abbreviation and its slang word ("BMK em
// pó", "PMK en polvo", "PMK w proszku", "BMK в порошке").
var slangConnectors = map[string]bool{"em": true, "en": true, "w": true, "в": true, "dạng": true}

// slangWordNear reports whether a slang word stands right before or after
// abbreviation h, past a connector, or after a slash-joined second
// abbreviation ("BMK/PMK new").
func slangWordNear(norm []byte, h subHit) bool {
	if w := wordBeforeAt(norm, int(h.s)); slangWords[w] {
		return true
	}
	e := int(h.e)
	if e+1 < len(norm) && norm[e] == '/' {
		j := e + 1
		for j < len(norm) && j-e <= 8 && isASCIIAlpha(norm[j]) {
			j++
		}
		e = j
	}
	w := wordAfterAt(norm, e)
	if slangConnectors[w] {
		c := w
		e = bytes.Index(norm[e:], []byte(w)) + e + len(w)
		w = wordAfterAt(norm, e)
		// "em pó" with its accent dropped.
		return slangWords[w] || c == "em" && w == "po"
	}
	return slangWords[w]
}

// tokenInflected reports whether word w is a word of substance sub's terms
// with another case ending: "BMK glitsydnu kyslotu" (accusative) beside
// "BMK glitsydna kyslota", "гліцидну" beside "гліцидна". The stems
// compared keep five letters or more.
func (m *Matcher) tokenInflected(sub int32, w string) bool {
	stems := m.tokenStems[sub]
	if len(stems) == 0 {
		return false
	}
	r := []rune(w)
	for cut := 1; cut <= 3 && len(r)-cut >= 5; cut++ {
		if stems[string(r[:len(r)-cut])] {
			return true
		}
	}
	return false
}

// inflectionStems returns the stems of the words of toks that are six
// letters or longer, without their last one or two letters.
func inflectionStems(toks map[string]bool) map[string]bool {
	out := map[string]bool{}
	for t := range toks {
		r := []rune(t)
		if len(r) < 6 || !unicode.IsLetter(r[len(r)-1]) {
			continue
		}
		for cut := 1; cut <= 2 && len(r)-cut >= 5; cut++ {
			out[string(r[:len(r)-cut])] = true
		}
	}
	return out
}

// spacedCASAfter parses a CAS number in any separated form that starts
// after one space at norm[i], as if a CAS keyword stood before it.
func spacedCASAfter(norm []byte, i int) (string, bool) {
	if i+1 >= len(norm) || norm[i] != ' ' || !isDigit(norm[i+1]) {
		return "", false
	}
	var buf [32]byte
	b := append(buf[:0], "cas "...)
	b = append(b, norm[i+1:min(len(norm), i+1+16)]...)
	c, _, ok := parseCASAt(b, 4)
	return c, ok
}

// wordBeforeAt returns the word that ends at most three bytes of space,
// hyphen or opening bracket before norm[i] ("glycidate" in "glycidate
// (bmk)").
func wordBeforeAt(norm []byte, i int) string {
	j := i
	for j > 0 && i-j < 3 && (norm[j-1] == ' ' || norm[j-1] == '(' || norm[j-1] == '[' || norm[j-1] == '-') {
		j--
	}
	if j == i && i > 0 {
		return ""
	}
	k := j
	for k > 0 {
		r, w := utf8.DecodeLastRune(norm[:k])
		if !unicode.IsLetter(r) {
			break
		}
		k -= w
	}
	return string(norm[k:j])
}

// wordAfterAt returns the word that starts at most three bytes of space,
// hyphen or closing bracket after norm[i].
func wordAfterAt(norm []byte, i int) string {
	j := i
	for j < len(norm) && j-i < 3 && (norm[j] == ' ' || norm[j] == ')' || norm[j] == ']' || norm[j] == '-') {
		j++
	}
	if j == i && i < len(norm) {
		return ""
	}
	k := j
	for k < len(norm) {
		r, w := utf8.DecodeRune(norm[k:])
		if !unicode.IsLetter(r) {
			break
		}
		k += w
	}
	return string(norm[j:k])
}

// qualifies reports whether mention h (text word) is a word of the longer
// mention o of another substance right next to it.
func (m *Matcher) qualifies(norm []byte, o, h subHit, word string) bool {
	// A CAS number qualifies only an abbreviation or a street name: "BMK
	// 5449-12-7", "5449-12-7 (BMK)", "pmk oil cas 28578-16-7" name the
	// glycidate, not P-2-P or PMK.
	// A CAS number right after family slang ("new BMK oil 80532-66-7",
	// "new bmk oil, CAS 80532-66-7") says which derivative of the parent
	// the slang means, whatever the entry the slang is listed under (the
	// reference gives "new BMK oil" to the methyl glycidate, the
	// watchlist to DEPAPD).
	if h.kind == HitStreetName && o.kind == precwatch.HitCAS && o.sub != h.sub && o.s >= h.e {
		if abbr := m.derivStreet[h.term]; abbr != "" && m.tokens[o.sub][abbr] &&
			(casLabelGap(norm[h.e:o.s]) || o.s-h.e <= 2 && onlyPunctSpace(norm[h.e:o.s])) {
			return true
		}
	}
	if o.sub == h.sub || o.e-o.s <= h.e-h.s ||
		o.kind == precwatch.HitCAS && h.kind != precwatch.HitAbbreviation && h.kind != HitStreetName {
		return false
	}
	if o.kind == precwatch.HitCAS && o.s >= h.e && casLabelGap(norm[h.e:o.s]) {
		// "BMK (CAS 5449-12-7)": the abbreviation's own CAS label.
		return m.nameOf(o.sub, h, word)
	}
	return (o.s >= h.e && o.s-h.e <= 4 && !m.itemGap(norm[h.e:o.s]) || h.s >= o.e && h.s-o.e <= 4 && !m.itemGap(norm[o.e:h.s])) &&
		m.nameOf(o.sub, h, word)
}

// itemGap reports whether gap separates list items: list punctuation, or a
// connector word, spaced or in a script without spaces ("ephedrine or
// pseudoephedrine", "エフェドリンやプソイドエフェドリン"), so that neither
// name is a word of the other.
func (m *Matcher) itemGap(gap []byte) bool {
	if listGap(gap) {
		return true
	}
	w := bytes.TrimSpace(gap)
	return len(w) > 0 && (len(w) < len(gap) || isCJKStart(w)) && m.connectors[string(w)]
}

// nameOf reports whether the text word of mention h is a word of
// substance sub's terms; for a street name, every space-separated word of
// it ("pmk oil": "pmk" and "oil" of "PMK ethyl glycidate oil").
func (m *Matcher) nameOf(sub int32, h subHit, word string) bool {
	toks := m.tokens[sub]
	if h.kind != HitStreetName {
		return toks[word]
	}
	for word != "" {
		w := word
		if i := strings.IndexByte(word, ' '); i >= 0 {
			w, word = word[:i], word[i+1:]
		} else {
			word = ""
		}
		if w != "" && !toks[w] {
			return false
		}
	}
	return true
}

// casLabelGap reports whether the bytes between an abbreviation and the CAS
// number after it are only a CAS label with spaces, brackets and
// punctuation (" (cas ", ", cas no.: ", " - cas#").
func casLabelGap(gap []byte) bool {
	if len(gap) > 16 {
		return false
	}
	g := strings.TrimRight(string(gap), " :#.-=")
	for _, l := range []string{"cas no", "cas nr", "cas rn", "cas-no", "cas-nr", "cas"} {
		if strings.HasSuffix(g, l) {
			g = strings.TrimSuffix(g, l)
			return strings.Trim(g, " ([,-:") == ""
		}
	}
	return false
}

// listGap reports whether the bytes between two mentions separate list
// items ("ephedrine, pseudoephedrine", "ephedrine/pseudoephedrine"): then
// neither is a word of the other's name.
func listGap(gap []byte) bool {
	for _, c := range gap {
		switch c {
		case ',', ';', '/', '&', '+', '|':
			return true
		}
	}
	return strings.Contains(string(gap), "、") || strings.Contains(string(gap), "，")
}

// maxCue bounds the length in bytes of the context phrases looked for
// before a mention.
const maxCue = 120

// arabicArticleBefore reports whether the Arabic word at norm[i] follows
// the article "ال" glued to it at a word start, bare or after a one-letter
// prefix ("الإيفيدرين", "بالإيفيدرين", "والإيفيدرين", "للإيفيدرين"), or a
// one-letter prefix alone ("وحمض").
func arabicArticleBefore(norm []byte, i int) bool {
	if i < 2 || i >= len(norm) || norm[i] < 0xD8 || norm[i] > 0xDB {
		return false
	}
	// A one-letter prefix glued without the article: "وحمض" (and acid),
	// "بأسيتون" (with acetone).
	if r, w := utf8.DecodeLastRune(norm[:i]); strings.ContainsRune("\u0628\u0648\u0641\u0643\u0644", r) && !wordBefore(norm, i-w) {
		return true
	}
	if i < 4 {
		return false
	}
	const al, ll = "\u0627\u0644", "\u0644\u0644"
	pre := string(norm[max(0, i-6):i])
	for _, a := range [2]string{al, ll} {
		if !strings.HasSuffix(pre, a) {
			continue
		}
		j := i - len(a)
		if !wordBefore(norm, j) {
			return true
		}
		// One of the prefixes bi-, wa-, fa-, ka-, li- before the article.
		r, w := utf8.DecodeLastRune(norm[:j])
		if a == al && strings.ContainsRune("\u0628\u0648\u0641\u0643\u0644", r) && !wordBefore(norm, j-w) {
			return true
		}
	}
	return false
}

// gluedWordStart returns where the word that holds the mention starting
// at s begins, when the mention follows an Arabic article or one-letter
// prefix ("الإفيدرين", "والإفيدرين") or Hebrew prefix letters ("האפדרין")
// glued to it; otherwise s. A negation cue before that word negates the
// mention.
func gluedWordStart(norm []byte, s int32) int32 {
	i := int(s)
	if !wordBefore(norm, i) || !arabicArticleBefore(norm, i) && !hebrewPrefixBefore(norm, i) {
		return s
	}
	for i > 0 && int(s)-i < 12 {
		r, w := utf8.DecodeLastRune(norm[:i])
		if !unicode.IsLetter(r) {
			break
		}
		i -= w
	}
	return int32(i)
}

// messengerLabels are the words after which a messenger user name follows
// ("wickr: name", "telegram id name", "tg: name").
var messengerLabels = map[string]bool{"wickr": true, "wickrme": true, "telegram": true, "tg": true, "threema": true,
	"signal": true, "session": true, "whatsapp": true, "wa": true, "kik": true, "element": true}

// afterMessengerLabel reports whether the word at norm[s] follows a
// messenger label, directly or after "id", "me" or "handle", separated by
// spaces, a colon or an at sign.
func afterMessengerLabel(norm []byte, s int) bool {
	i := s
	for n := 0; n < 2; n++ {
		j := i
		for j > 0 && i-j < 3 && (norm[j-1] == ' ' || norm[j-1] == ':' || norm[j-1] == '@' || norm[j-1] == '=') {
			j--
		}
		if j == i {
			return false
		}
		k := j
		for k > 0 && j-k < 10 && isASCIIAlpha(norm[k-1]) {
			k--
		}
		if k == j || k > 0 && asciiWord[norm[k-1]&0x7f] && norm[k-1] < 0x80 {
			return false
		}
		w := string(norm[k:j])
		if messengerLabels[w] {
			return true
		}
		if n > 0 || w != "id" && w != "me" && w != "handle" && w != "username" {
			return false
		}
		i = k
	}
	return false
}

// hebrewPrefixBefore reports whether the Hebrew word at norm[i] follows
// one or two of the prefix letters glued to a word start: and (ו), the
// (ה), in (ב), to (ל), from (מ), that (ש), as (כ): "והאצטון", "בטולואן".
func hebrewPrefixBefore(norm []byte, i int) bool {
	if i < 2 || i+1 >= len(norm) || norm[i] != 0xD7 || norm[i+1] < 0x90 || norm[i+1] > 0xAA {
		return false
	}
	for n := 0; n < 2; n++ {
		r, w := utf8.DecodeLastRune(norm[:i])
		if !strings.ContainsRune("\u05D5\u05D4\u05D1\u05DC\u05DE\u05E9\u05DB", r) {
			return false
		}
		i -= w
		if !wordBefore(norm, i) {
			return true
		}
	}
	return false
}

// cmpHit orders hits by start, longer first.
func cmpHit(a, b fhit) int {
	if a.s != b.s {
		return int(a.s - b.s)
	}
	return int(b.e - a.e)
}

// sortHits sorts hits by cmpHit, stably (as slices.SortStableFunc would).
// The automaton reports hits in order of their end, so a hit is rarely
// more than a few places from where it belongs: insertion sort moves
// little. Past a budget of moves (pathological text) the rest is left to
// slices.SortStableFunc, which gives the same order.
func sortHits(h []fhit) {
	// The sorted prefix first, with no copies: insertion sort leaves it
	// as it is and spends none of its budget there.
	i := 1
	for i < len(h) && !(h[i-1].s > h[i].s || h[i-1].s == h[i].s && h[i-1].e < h[i].e) {
		i++
	}
	budget := 8*len(h) + 64
	for ; i < len(h); i++ {
		x := h[i]
		j := i
		for j > 0 && (h[j-1].s > x.s || h[j-1].s == x.s && h[j-1].e < x.e) {
			h[j] = h[j-1]
			j--
		}
		h[j] = x
		if budget -= i - j; budget < 0 {
			slices.SortStableFunc(h, cmpHit)
			return
		}
	}
}

func dupSub(refs []termRef, sub int32) bool {
	for _, r := range refs {
		if r.sub == sub {
			return true
		}
	}
	return false
}

func (m *Matcher) labelOf(id string) string {
	for _, d := range m.indicators {
		if d.id == id {
			return d.label
		}
	}
	return id
}

func (ev *evaluation) addIndicator(d indicatorDef, f *field, s, e int32) {
	if ev.hasIndicator(d.id) {
		return
	}
	os, oe := f.origRange(s, e)
	// Show the phrase and what follows it on the line (a handle, a country).
	end := lineTail(f.orig, oe)
	ev.addIndicatorText(d, f.name, strings.TrimSpace(f.orig[os:end]))
}

// lineTail returns the end of what follows orig[:oe] on its line, up to 40
// bytes, extended to a whole rune.
func lineTail(orig string, oe int) int {
	end := oe
	if lim := min(len(orig), oe+40); end < lim {
		// The first line break in the next 40 bytes: one vector search,
		// not a loop over the bytes.
		if k := strings.IndexByte(orig[end:lim], '\n'); k >= 0 {
			end += k
		} else {
			end = lim
		}
	}
	for end < len(orig) && !utf8.RuneStart(orig[end]) {
		end++
	}
	return end
}

// dropDeniedLicensed clears the licensed-seller words that describe what a
// stealth parcel does not look like: a pharmacy word in the same sentence
// after the packaging phrase c, with a negation between ("Paczka bez
// żadnych oznaczeń apteki", "une enveloppe toute simple, sans rien qui
// rappelle une pharmacie", "plain box, no pharmacy label") names no
// licensed seller (heldout14 i0144, i0210).
// The same for the paper a no-paperwork phrase c denies with it: "Keine
// Lizenz oder Endverbleibserklärung nötig" denies the end-user declaration
// too (heldout68 yp0011).
func (m *Matcher) dropDeniedLicensed(ev *evaluation, f *field, c indCand) {
	const reach = 48
	for i := range ev.lics {
		l := &ev.lics[i]
		if l.text == "" || c.field != l.field || l.s < c.s || l.s-c.e > reach {
			continue
		}
		if l.s < c.e {
			l.text = "" // inside the packaging phrase itself
			continue
		}
		if bytes.ContainsAny(f.norm[c.e:l.s], ".;!?\n") {
			continue
		}
		for _, h := range f.window(c.s, l.s) {
			if h.pat >= 0 && h.e <= l.s && m.pats[h.pat].kinds&(kNegBefore|kNegImmediate|kPaperBefore) != 0 {
				l.text = ""
				break
			}
		}
	}
}

// quoteObservable is the text of field fieldName where observable o
// stands, with the word before it ("Telegram @tolueno_br", "wickr: lab"),
// as the listing writes it; else (a phone number written with spaces)
// "type: value".
func quoteObservable(fields []field, fieldName string, o precwatch.Observable) string {
	v := strings.TrimPrefix(o.Value, "@")
	for _, f := range fields {
		if f.name != fieldName || v == "" {
			continue
		}
		i := indexFoldASCII(f.orig, v)
		if i < 0 {
			break
		}
		j := i
		for j > 0 && i-j < 4 && strings.IndexByte("@: \t", f.orig[j-1]) >= 0 {
			j--
		}
		k := j
		for k > 0 && j-k < 24 && (isAlnumByte(f.orig[k-1]) || f.orig[k-1] >= 0x80) {
			k--
		}
		for k < j && !utf8.RuneStart(f.orig[k]) {
			k++
		}
		if k == j {
			k = i
			if k > 0 && f.orig[k-1] == '@' {
				k--
			}
		}
		return f.orig[k : i+len(v)]
	}
	return o.Type + ": " + o.Value
}

// indexFoldASCII is strings.Index ignoring ASCII case.
func indexFoldASCII(s, sub string) int {
	if sub == "" {
		return 0
	}
	c0 := lowerASCII(sub[0])
	for i := 0; i+len(sub) <= len(s); i++ {
		// An ASCII byte that is not sub's ASCII first byte in either case
		// starts no match (EqualFold compares two ASCII runes so): no call.
		if c := s[i]; c < 0x80 && c0 < 0x80 && lowerASCII(c) != c0 {
			continue
		}
		if strings.EqualFold(s[i:i+len(sub)], sub) {
			return i
		}
	}
	return -1
}

// lowerASCII lower-cases an ASCII letter.
func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// addDesigner adds the designer-precursor indicator of the substance
// named name: its field and text are those of its first mention, as the
// listing writes it.
func (ev *evaluation) addDesigner(name string, hits []precwatch.Hit) {
	d := indicatorDef{IndDesigner, "designer or immediate precursor offered"}
	for _, h := range hits {
		for _, f := range ev.fields {
			if f.name == h.Field && 0 <= h.Start && h.Start < h.End && h.End <= len(f.orig) {
				ev.addIndicatorText(d, f.name, f.orig[h.Start:h.End])
				return
			}
		}
	}
	ev.addIndicatorText(d, "", name)
}

// bulkIndicator is the bulk-quantity indicator: the field where the bulk
// quantity stands and its text there, as the listing writes it.
func (ev *evaluation) bulkIndicator() precwatch.Indicator {
	ind := precwatch.Indicator{ID: IndBulk, Label: "bulk or wholesale quantity", Text: ev.bulkWhy}
	if fi := int(ev.bulkAt[0]); fi < len(ev.fields) && ev.bulkAt[1] < ev.bulkAt[2] {
		f := &ev.fields[fi]
		if os, oe := f.origRange(ev.bulkAt[1], ev.bulkAt[2]); os < oe {
			ind.Field, ind.Text = f.name, f.orig[os:oe]
		}
	}
	return ind
}

// indicatorIn reports whether the indicator id was found in the field
// named fieldName (a frame's messenger contact, "Signal - +44 …", holds no
// messenger term of its own for namesMessenger).
func (ev *evaluation) indicatorIn(id, fieldName string) bool {
	for _, in := range ev.indicators {
		if in.ID == id && in.Field == fieldName {
			return true
		}
	}
	return false
}

func (ev *evaluation) addIndicatorText(d indicatorDef, fieldName, text string) {
	if ev.hasIndicator(d.id) {
		return
	}
	ev.indicators = append(ev.indicators, precwatch.Indicator{ID: d.id, Label: d.label, Field: fieldName, Text: text})
	ev.indOrder = append(ev.indOrder, d.id)
}

// bonusWords mark a thing given with the product, not the product: "+
// free ebook", "with poster", "bonus sticker" (a not-substance noun within
// two words after one is an extra, not what is sold).
var bonusWords = []string{"free", "bonus", "with", "plus", "gratis", "gift", "incl", "including", "+", "&"}

// pharmacopoeiaWords name a pharmacopoeia: a not-substance noun right after
// one ("EP monograph", "USP monograph") is the quality standard the
// substance meets, not a book about it.
var pharmacopoeiaWords = []string{"ep", "usp", "bp", "jp", "chp", "ip", "eur", "ph.eur", "pharmacopoeia", "pharmacopeia",
	"pharmacopoeial", "pharmacopeial", "arzneibuch", "pharmacopee", "farmacopea", "farmakope", "фармакопейная", "фармакопеи"}

// concealWords put a not-substance noun after them into a hiding place
// ("stealth: vacuum sealed inside a book"): the noun is the cover, not the
// product.
var concealWords = []string{"inside", "hidden", "concealed", "disguised", "stashed", "decoy", "between", "among", "amongst", "wrapped", "dentro", "escondido", "escondida",
	"versteckt", "внутри", "спрятан"}

// purposeWords open the use a product is for ("reference material for
// forensic toxicology and urine drug testing").
var purposeWords = []string{"for", "fur", "pour", "para", "per", "voor", "dla", "для", "icin"}

// purposeBefore reports whether the not-substance noun at norm[s] stands in
// a purpose phrase: a purpose word among the six words before it, in the
// same sentence, that does not open "for sale". Such a noun names what the
// product is used for ("certified reference material for … drug testing"),
// not the product ("drug testing kit for fentanyl" keeps its noun before
// the purpose word).
func purposeBefore(norm []byte, s int) bool {
	lo := max(0, s-80)
	e := s
	for n := 0; n < 6; n++ {
		for e > lo && (norm[e-1] == ' ' || norm[e-1] == ',' || norm[e-1] == ':' || norm[e-1] == ';') {
			e--
		}
		b := e
		for b > lo && norm[b-1] != ' ' {
			b--
		}
		if b == e || norm[e-1] == '.' || norm[e-1] == '!' || norm[e-1] == '?' {
			return false
		}
		if slices.Contains(purposeWords, string(norm[b:e])) {
			next := norm[e:s]
			for len(next) > 0 && next[0] == ' ' {
				next = next[1:]
			}
			return !bytes.HasPrefix(next, []byte("sale")) && !bytes.HasPrefix(next, []byte("verkauf")) &&
				!bytes.HasPrefix(next, []byte("venta")) && !bytes.HasPrefix(next, []byte("vente"))
		}
		e = b
	}
	return false
}

// wordsBefore reports whether one of the n words before norm[s] is one of
// words.
// tonWords are the words after which a bare "ton" is the unit ("by the
// ton", "per ton", "a ton", "1 metric ton").
var tonWords = []string{"per", "the", "a", "one", "metric", "short", "long", "/"}

// bareTon reports whether the bulk word text at s is "ton" with neither a
// number nor a unit word before it.
func bareTon(norm []byte, text string, s int32) bool {
	if text != "ton" {
		return false
	}
	i := int(s)
	for i > 0 && norm[i-1] == ' ' {
		i--
	}
	if i > 0 && (isDigit(norm[i-1]) || norm[i-1] == '/') {
		return false
	}
	return !wordsBefore(norm, int(s), tonWords, 1)
}

func wordsBefore(norm []byte, s int, words []string, n int) bool {
	lo := max(0, s-12*n)
	e := s
	for ; n > 0; n-- {
		for e > lo && (norm[e-1] == ' ' || norm[e-1] == '.' || norm[e-1] == ',' || norm[e-1] == ':' || norm[e-1] == ';') {
			e--
		}
		b := e
		for b > lo && norm[b-1] != ' ' {
			b--
		}
		if b == e {
			return false
		}
		for _, w := range words {
			if string(norm[b:e]) == w {
				return true
			}
		}
		e = b
	}
	return false
}

// stockWords follow a quantity that counts a shop's stock, not a lot.
var stockWords = [][]byte{[]byte(" in stock"), []byte(" left"), []byte(" on hand"), []byte(" available")}

// stockCount reports whether the bulk quantity is followed by one of
// stockWords ("100 boxes in stock").
func (ev *evaluation) stockCount() bool {
	fi := int(ev.bulkAt[0])
	if fi >= len(ev.fields) || ev.bulkAt[1] >= ev.bulkAt[2] {
		return false
	}
	after := ev.fields[fi].norm[ev.bulkAt[2]:]
	for _, w := range stockWords {
		if bytes.HasPrefix(after, w) {
			return true
		}
	}
	return false
}

// dropIndicator removes indicator id from the evaluation.
func (ev *evaluation) dropIndicator(id string) {
	for i, x := range ev.indOrder {
		if x == id {
			ev.indOrder = slices.Delete(ev.indOrder, i, i+1)
			ev.indicators = slices.Delete(ev.indicators, i, i+1)
			return
		}
	}
}

// onlyNear reports whether an "only" cue ("only", "nur", "solo", "только",
// "仅") stands within 40 bytes of the phrase at [s, e) in the same clause
// ("BTC only", "we only accept crypto", "nur Bitcoin").
func (m *Matcher) onlyNear(f *field, s, e int32) bool {
	const radius = 40
	lo, hi := max(0, int(s)-radius), min(len(f.norm), int(e)+radius)
	// The clause around the phrase: from the last clause break before it
	// to the first one after it.
	for i := int(s) - 1; i >= lo; i-- {
		if !sameClause(f.norm[i : i+1]) {
			lo = i + 1
			break
		}
	}
	for i := int(e); i < hi; i++ {
		if !sameClause(f.norm[i : i+1]) {
			hi = i
			break
		}
	}
	win := f.norm[lo:hi]
	for _, w := range m.onlyWords {
		for off := 0; off < len(win); {
			k := bytes.Index(win[off:], w)
			if k < 0 {
				break
			}
			a, b := off+k, off+k+len(w)
			if isCJKStart(win[a:]) || !wordBefore(win, a) && !wordAt(win, b) {
				return true
			}
			off = a + 1
		}
	}
	return false
}

// dropInsideDenied returns cands without the indicator phrases that lie
// inside a longer phrase of the same indicator that is denied before it or
// refused after it: "匿名" in "匿名配送不可" (anonymous shipping not
// possible) is refused with it. It allocates only when it drops one.
func (m *Matcher) dropInsideDenied(fields []field, cands []indCand) []indCand {
	var out []indCand
	for ci := range cands {
		if !m.insideDenied(fields, cands, ci) {
			if out != nil {
				out = append(out, cands[ci])
			}
			continue
		}
		if out == nil {
			out = append(make([]indCand, 0, len(cands)), cands[:ci]...)
		}
	}
	if out == nil {
		return cands
	}
	return out
}

// insideDenied reports whether candidate ci lies inside a longer denied
// candidate of the same indicator. Candidates are in text order, so a
// phrase holding another is its neighbour: a bounded look keeps long pages
// linear.
func (m *Matcher) insideDenied(fields []field, cands []indCand, ci int) bool {
	c := cands[ci]
	for oi := max(0, ci-8); oi < min(len(cands), ci+9); oi++ {
		o := cands[oi]
		if oi == ci || o.field != c.field || o.ii != c.ii || o.s > c.s || c.e > o.e || o.e-o.s <= c.e-c.s || o.ii == m.noPaper {
			continue
		}
		if f := &fields[o.field]; m.negatedIndicator(f, o.s) || m.refusedIndicator(f, o.e) || answeredNo(f.norm, int(o.s)) {
			return true
		}
	}
	return false
}

// isCJKStart reports whether b starts with a CJK character (no word
// boundaries there).
func isCJKStart(b []byte) bool {
	r, _ := utf8.DecodeRune(b)
	return isCJK(r)
}

// reset clears the evaluation for the next listing, keeping its buffers.
// The buffers are taken out, the struct zeroed in place and the buffers
// put back: a composite literal that reads *ev is built in a temporary and
// copied (TestEvaluationResetSame compares with it).
func (ev *evaluation) reset() {
	msgKeys := ev.msgKeys
	ambMemo := ev.ambMemo[:0]
	ambBuf := ev.ambBuf[:0]
	aggs := ev.aggs[:0]
	explain := ev.explain[:0]
	subs := ev.subs[:0]
	inds := ev.inds[:0]
	lower := ev.lower[:0]
	chem := ev.chem[:0]
	unamb := ev.unamb[:0]
	ambHits := ev.ambHits[:0]
	ambPats := ev.ambPats[:0]
	paper := ev.paper[:0]
	pack := ev.pack[:0]
	lics := ev.lics[:0]
	cands := ev.cands[:0]
	react := ev.react[:0]
	casSubs := ev.casSubs[:0]
	subAt := ev.subAt[:0]
	subLo := ev.subLo[:0]
	mentions := ev.mentions[:0]
	hits := ev.hits[:0]
	indicators := ev.indicators[:0]
	indOrder := ev.indOrder[:0]
	observ := ev.observ[:0]
	obsField := ev.obsField[:0]
	nonOffer := ev.nonOffer[:0]
	ambDropped := ev.ambDropped[:0]
	newsPats := ev.newsPats[:0]
	offerPats := ev.offerPats[:0]
	bonusNoun := ev.bonusNoun[:0]
	*ev = evaluation{}
	ev.msgKeys = msgKeys
	ev.ambMemo = ambMemo
	ev.ambBuf = ambBuf
	ev.aggs = aggs
	ev.explain = explain
	ev.subs = subs
	ev.inds = inds
	ev.lower = lower
	ev.chem = chem
	ev.unamb = unamb
	ev.ambHits = ambHits
	ev.ambPats = ambPats
	ev.paper = paper
	ev.pack = pack
	ev.lics = lics
	ev.cands = cands
	ev.react = react
	ev.casSubs = casSubs
	ev.subAt = subAt
	ev.subLo = subLo
	ev.mentions = mentions
	ev.hits = hits
	ev.indicators = indicators
	ev.indOrder = indOrder
	ev.observ = observ
	ev.obsField = obsField
	ev.nonOffer = nonOffer
	ev.ambDropped = ambDropped
	ev.newsPats = newsPats
	ev.offerPats = offerPats
	ev.bonusNoun = bonusNoun
}

func (ev *evaluation) hasIndicator(id string) bool {
	for _, x := range ev.indOrder {
		if x == id {
			return true
		}
	}
	return false
}

// negate marks the mentions of one field that a negation cue covers.
func (m *Matcher) negate(f *field, ms []subHit) {
	if len(ms) == 0 {
		return
	}
	slices.SortStableFunc(ms, func(a, b subHit) int { return int(a.s - b.s) })
	byPre := make([]bool, len(ms))
	byPost := make([]bool, len(ms))
	// repl and other: a replacement cue ("replacement for") or another cue
	// negated the mention.
	repl := make([]bool, len(ms))
	other := make([]bool, len(ms))
	cause := func(i int, cue []byte) {
		if replaceCues[string(cue)] {
			repl[i] = true
		} else {
			other[i] = true
		}
	}
	for i := range ms {
		h := &ms[i]
		// A cue negates the word the name is glued into by an article or
		// prefix ("خالٍ من الإفيدرين", "ללא האפדרין").
		hs := gluedWordStart(f.norm, h.s)
		var cues []fhit // none when the field holds no negation cue
		if f.kinds&(kNegBefore|kNegImmediate|kNegHead) != 0 {
			cues = f.window(hs-maxCue, h.s)
		}
		for _, c := range cues {
			if c.pat < 0 || c.e > hs {
				continue
			}
			k := m.pats[c.pat].kinds
			// "NOT available (controlled, please do not ask): ephedrine,
			// safrole": a header that denies the list after its colon; the
			// list loop below carries it on to the other names.
			if k&kNegHead != 0 && c.e >= hs-maxCue && m.headCue(f.norm, c.s, c.e, hs) {
				byPre[i], other[i] = true, true
			}
			// A short list between the cue and the name is what the cue
			// also denies, unless a name in it was not denied: "compared
			// with samples from safrole and piperonal routes" lists no
			// things compared (heldout80 yd0029).
			if k&kNegBefore != 0 && c.e >= hs-60 && (m.gapOK(f.norm[c.e:hs], m.fillers, false) || m.coordGap(f, c.e, hs) && !undeniedBetween(ms[:i], byPre, c.e) ||
				colonGap(f.norm[c.e:hs]) || m.exampleGap(f.norm[c.e:hs]) || m.tradeVerbGap(f.norm[c.e:hs])) &&
				!m.tradeCondition(f.norm, f.norm[c.s:c.e], h.e) {
				byPre[i] = true
				cause(i, f.norm[c.s:c.e])
			}
			if k&kNegImmediate != 0 && hs-c.e <= 2 && onlySpace(f.norm[c.e:hs]) {
				// "no." as in "CAS No." is no negation.
				if c.e < int32(len(f.norm)) && (f.norm[c.e] == '.' || f.norm[c.e] == ':' || f.norm[c.e] == '#') {
					continue
				}
				// Nor is "cas no" without the dot.
				if casLabelBefore(f.norm, int(c.s)) {
					continue
				}
				// "wir verkaufen kein Ephedrin an Privatpersonen": a
				// condition of sale after a trade verb's "kein".
				if m.tradeCondition(f.norm, f.norm[max(0, c.s-24):c.e], h.e) {
					continue
				}
				byPre[i] = true
				other[i] = true
			}
			// "本品为1-苯基-2-丙酮，不是普通丙酮", "phenylacetone, not
			// ordinary acetone": a "not" with one qualifier before the
			// name, right after another substance's name, sets the one
			// against the other; alone ("not ordinary acetone: HPLC
			// grade") the qualifier is what is denied.
			if k&kNegImmediate != 0 && !byPre[i] && i > 0 && qualifierGap(f.norm[c.e:hs]) && contrastBefore(f.norm, ms, i, c.s, byPre, byPost) {
				byPre[i] = true
				other[i] = true
			}
		}
		// "Papildas be efedrino": Lithuanian "be" (without) or "nėra"
		// (there is no) before a name in the genitive.
		if !byPre[i] && ltWithout(f.norm, hs, h.e) {
			byPre[i] = true
			other[i] = true
		}
		// "Dermanê serma – bê efedrîn": Kurmanji "bê" (without), told
		// from English "be" by its circumflex in the original text.
		if !byPre[i] && kuWithout(f, hs) {
			byPre[i] = true
			other[i] = true
		}
		if !byPre[i] && shortCueBefore(f.norm, hs) {
			byPre[i] = true
			other[i] = true
		}
		if shortCueAfter(f.norm, caseEndingEnd(f.norm, h.e, int32(len(f.norm)))) {
			byPost[i] = true
			other[i] = true
		}
		// "エフェドリン（麻黄）不使用", "ephedrine (ephedra) free": the cue
		// after a bracket that follows the name, or after the bracket the
		// name stands in.
		post := bracketAfter(f.norm, h.e)
		// "Kalium permanganat? Tidak dijual", "Potassium permanganate
		// treatment — NOT sold here": a sale denied after a question mark
		// or a dash (heldout81 yc0093, yc0144).
		if f.kinds&kNegAfter != 0 && !byPost[i] {
			if p := saleDenialGap(f.norm, post); p > post {
				m.negatedAfterSale(f, p, i, byPost, cause)
			}
		}
		if f.kinds&kNegAfter != 0 && !gratisTarget(f.norm, h.s, post) {
			m.negatedAfter(f, post, i, byPost, cause)
			// "エフェドリンは含まれていません", "에페드린이 들어 있지
			// 않습니다": a particle glued to the name before the verb.
			if p := particleEnd(f.norm, post); p != post {
				m.negatedAfter(f, p, i, byPost, cause)
			}
			// "ეფედრინის გარეშე": a stem match whose word goes on with a
			// case ending (Georgian genitive) before the cue.
			if p := caseEndingEnd(f.norm, post, int32(len(f.norm))); p != post {
				for int(p) < len(f.norm) && f.norm[p] == ' ' {
					p++
				}
				m.negatedAfter(f, p, i, byPost, cause)
			}
		}
	}
	for i := range ms {
		// "asetonsuz", "safrolfri": a privative ending glued to the name;
		// "ノンアセトン", "논아세톤": a "non" prefix glued to it.
		if privativeEnding(f.norm, int(ms[i].e)) {
			byPost[i], other[i] = true, true
		}
		if nonPrefix(f.norm, int(ms[i].s)) {
			byPre[i], other[i] = true, true
		}
		// "Q: Does this contain pseudoephedrine? A: No."
		if !byPre[i] && !byPost[i] && deniedContent(f.norm, int(ms[i].s), int(ms[i].e)) {
			byPost[i], other[i] = true, true
		}
	}
	// "safrole-free sassafras oil": an "X-free" compound adjective negates
	// the name of X it qualifies.
	for i := 1; i < len(ms); i++ {
		if byPost[i-1] && !byPre[i] && !byPost[i] && ms[i].sub == ms[i-1].sub && ms[i].s > ms[i-1].e && m.negCueOnly(f, ms[i-1].e, ms[i].s) {
			byPre[i], repl[i], other[i] = true, repl[i-1], other[i-1]
		}
	}
	// "Ασετόν χωρίς ακετόνη": a name followed in its clause, at most a
	// word on, by a "without" cue and another name of the same substance
	// is the everyday product named after it (Greek ασετόν is nail-polish
	// remover), as in "asetonsuz aseton" (heldout71 ym0118).
	for i := 0; i+1 < len(ms); i++ {
		a, b := ms[i], ms[i+1]
		if !byPre[i] && !byPost[i] && byPre[i+1] && a.sub == b.sub && b.s > a.e &&
			!bytes.Equal(f.norm[a.s:a.e], f.norm[b.s:b.e]) && m.withoutSelf(f, a.e, b.s) {
			byPre[i], other[i] = true, true
		}
	}
	// Lists: a negation runs on through mentions joined by connectors,
	// and through two mentions of one span ("pseudo-efedrine" read twice)
	// to the names after them.
	for i := 1; i < len(ms); i++ {
		if byPre[i-1] && !byPre[i] && (sameSpan(ms[i-1], ms[i]) || m.negListGap(f, ms[i-1], ms[i])) {
			byPre[i], repl[i], other[i] = true, repl[i] || repl[i-1], other[i] || other[i-1]
		}
	}
	for i := len(ms) - 2; i >= 0; i-- {
		if byPost[i+1] && !byPost[i] && (sameSpan(ms[i], ms[i+1]) || m.negListGap(f, ms[i], ms[i+1])) {
			byPost[i], repl[i], other[i] = true, repl[i] || repl[i+1], other[i] || other[i+1]
		}
	}
	// Overlapping mentions (a CAS inside a name, one term two substances)
	// share the verdict of the mention they overlap.
	for i := range ms {
		ms[i].negated = byPre[i] || byPost[i]
		ms[i].replaced = ms[i].negated && repl[i] && !other[i]
	}
}

// undeniedBetween reports whether one of the mentions ms (those before the
// one looked at) starts at or after s and was not denied before it.
func undeniedBetween(ms []subHit, byPre []bool, s int32) bool {
	for j := len(ms) - 1; j >= 0 && ms[j].s >= s; j-- {
		if !byPre[j] {
			return true
		}
	}
	return false
}

// qualifierGap reports whether gap, between a "not" cue and a name, is one
// qualifier: a Latin word of at most 16 bytes, or one to three Han
// characters ("普通"). "Not only", "不只是" add the name, they deny none.
func qualifierGap(gap []byte) bool {
	g := bytes.TrimSpace(gap)
	if len(g) == 0 || len(g) > 16 || bytes.IndexByte(g, ' ') >= 0 {
		return false
	}
	if g[0] < 0x80 {
		for _, c := range g {
			if c < 'a' || c > 'z' {
				return false
			}
		}
		return !notOnlyWords[string(g)]
	}
	n := 0
	for _, r := range string(g) {
		if !unicode.Is(unicode.Han, r) || n == 0 && strings.ContainsRune("只仅光单", r) {
			return false
		}
		n++
	}
	return n <= 3
}

// notOnlyWords make "not X Y" mean "not only Y" ("not only acetone but
// also toluene", "nicht nur Aceton").
var notOnlyWords = map[string]bool{"only": true, "just": true, "merely": true, "simply": true, "solely": true, "also": true,
	"nur": true, "bloss": true, "seulement": true, "solo": true, "solamente": true, "apenas": true, "tylko": true, "alleen": true}

// contrastBefore reports whether mention i's cue at cs follows, past a
// comma or dash only, the end of mention i-1, a name of another substance
// that is not negated ("phenylacetone, not ordinary acetone").
func contrastBefore(norm []byte, ms []subHit, i int, cs int32, byPre, byPost []bool) bool {
	j := i - 1
	if ms[j].sub == ms[i].sub || byPre[j] || byPost[j] || ms[j].e > cs {
		return false
	}
	g := bytes.TrimSpace(norm[ms[j].e:cs])
	return len(g) == 1 && (g[0] == ',' || g[0] == '-')
}

// ltWithout reports whether the name whose word starts at hs and whose
// match ends at e follows Lithuanian "be" (without) or "nėra" (there is
// no) and ends in a genitive ending (-o, -os, -ės, -ų, -aus: "be efedrino",
// "nėra efedrino"). The ending keeps English "be" out ("must be
// ephedrine HCl").
func ltWithout(norm []byte, hs, e int32) bool {
	var cue int
	switch {
	case hs >= 3 && string(norm[hs-3:hs]) == "be ":
		cue = int(hs) - 3
	case hs >= 5 && string(norm[hs-5:hs]) == "nera ":
		cue = int(hs) - 5
	default:
		return false
	}
	if cue > 0 && isAlnumByte(norm[cue-1]) {
		return false
	}
	w := norm[hs:caseEndingEnd(norm, e, int32(len(norm)))]
	n := len(w)
	if n > 1 && w[n-1] == 's' {
		n-- // -os, -ės, -aus
		return w[n-1] == 'o' || w[n-1] == 'e' || n > 2 && w[n-1] == 'u' && w[n-2] == 'a'
	}
	return n > 1 && (w[n-1] == 'o' || w[n-1] == 'u')
}

// kuWithout reports whether the name whose word starts at norm[hs] follows
// the Kurmanji "bê" (without), written with its circumflex: the normalised
// "be" alone is also English.
func kuWithout(f *field, hs int32) bool {
	if hs < 3 || string(f.norm[hs-3:hs]) != "be " || hs > 3 && isAlnumByte(f.norm[hs-4]) {
		return false
	}
	os, oe := f.origRange(hs-3, hs-1)
	w := f.orig[os:oe]
	return w == "bê" || w == "Bê" || w == "BÊ"
}

// shortCues are "without" or "no" words of two to four letters that stand
// right before a name: Welsh "dim", Albanian "pa", Haitian "san", Galician
// "sen", Irish "gan", Hausa "mara" (held-out 74), Breton "hep", Maori
// "kore", Kinyarwanda "nta" and Luxembourgish "ouni" (held-out 78), Tagalog
// "hindi" ("na hindi pseudoephedrine", heldout81 yc0237; also the name of a
// language, so not an automaton cue), Swahili "bila" (without; Malay "when")
// and Hausa "babu" (there is no; also "babu matsala", no problem) (fix86b). As automaton patterns they would hit
// all over English text ("PA", "San", "dim"), so they are read here, only
// where a name follows; shortCuesAfter likewise after a name (Kurmanji
// "tune", there is none).
var (
	shortCues      = []string{"dim", "pa", "san", "sen", "gan", "mara", "hep", "kore", "nta", "ouni", "hindi", "bila", "babu"}
	shortCuesAfter = []string{"tune", "tuneye"}
)

// shortCueBefore reports whether the word right before the name whose word
// starts at norm[hs], one space or a Zulu-style "i-" prefix between, is a
// short cue ("pa efedrinë", "san asetòn").
func shortCueBefore(norm []byte, hs int32) bool {
	e := int(hs)
	if e >= 2 && string(norm[e-2:e]) == "i-" {
		e -= 2
	}
	if e < 3 || norm[e-1] != ' ' {
		return false
	}
	e--
	s := e
	for s > 0 && norm[s-1] >= 'a' && norm[s-1] <= 'z' {
		s--
	}
	if s > 0 && (isAlnumByte(norm[s-1]) || norm[s-1] >= 0x80) {
		return false
	}
	return slices.Contains(shortCues, string(norm[s:e]))
}

// shortCueAfter reports whether a short "after" cue follows norm[e], one
// space between, as a whole word ("efedrîn tune").
func shortCueAfter(norm []byte, e int32) bool {
	i := int(e)
	if i >= len(norm) || norm[i] != ' ' {
		return false
	}
	i++
	j := i
	for j < len(norm) && norm[j] >= 'a' && norm[j] <= 'z' {
		j++
	}
	if j < len(norm) && (isAlnumByte(norm[j]) || norm[j] >= 0x80) {
		return false
	}
	return slices.Contains(shortCuesAfter, string(norm[i:j]))
}

// withoutSelf reports whether the gap between two names of one substance,
// norm[e:s], is one clause of at most three words of which the last ones
// are a "without" (before) cue: "ασετόν | χωρίς | ακετόνη", "ασετόν
// νυχιών | χωρίς | ακετόνη".
func (m *Matcher) withoutSelf(f *field, e, s int32) bool {
	gap := f.norm[e:s]
	if len(gap) > 48 || !sameClause(gap) || bytes.Count(bytes.TrimSpace(gap), []byte(" ")) > 2 {
		return false
	}
	for _, c := range f.window(e, s) {
		if c.pat >= 0 && m.pats[c.pat].kinds&kNegBefore != 0 && c.s >= e && c.e <= s && onlySpace(f.norm[c.e:s]) {
			return true
		}
	}
	return false
}

// gratisTarget reports whether the name at s is the target of a
// conversion ("conversion to BMK oil") followed, after a space, by a bare
// "free": machine-translated English for a recipe or service given free of
// charge ("We give the recipe of the conversion to BMK oil free, with the
// video", heldout54 zw0085), not a name made an "X-free" adjective (a
// conversion to something absent means nothing).
func gratisTarget(norm []byte, s, post int32) bool {
	i := int(post)
	for i < len(norm) && norm[i] == ' ' {
		i++
	}
	if i == int(post) || !bytes.HasPrefix(norm[i:], []byte("free")) {
		return false
	}
	if e := i + 4; e < len(norm) && isAlnumByte(norm[e]) {
		return false // "freebase", "freeze"
	}
	return conversionBefore(norm, int(s))
}

// sameSpan reports whether two mentions cover the same bytes (one term
// read as two substances, or twice as one).
func sameSpan(a, b subHit) bool { return a.s == b.s && a.e == b.e }

// negatedAfter marks mention i negated when an "after" cue starts at post,
// past spaces only, and no block word follows it ("free shipping").
func (m *Matcher) negatedAfter(f *field, post int32, i int, byPost []bool, cause func(int, []byte)) {
	for _, c := range f.window(post, post+2) {
		if c.pat < 0 || m.pats[c.pat].kinds&kNegAfter == 0 || !onlySpace(f.norm[post:c.s]) {
			continue
		}
		blocked := false
		for _, b := range f.window(c.e, c.e+2) {
			if b.pat >= 0 && m.pats[b.pat].kinds&kAfterBlock != 0 {
				blocked = true
			}
		}
		if !blocked {
			byPost[i] = true
			cause(i, f.norm[c.s:c.e])
		}
	}
}

// retailDenials are the non-offer phrases that deny a sale, and
// retailPlaces the shops they may deny it of: "no longer sold in pharmacies
// around here, we still have plenty" denies the pharmacies' sale, not the
// seller's (heldout82 yb0074).
var retailDenials = []string{"no longer sold", "not sold", "no longer available", "not available", "no longer supplied"}

var retailPlaces = byteWords(" in pharmacies", " in pharmacy", " in the pharmacy", " in the pharmacies", " at pharmacies", " at the pharmacy",
	" in drugstores", " in drug stores", " in stores", " in shops", " in the shops", " in the stores", " in supermarkets", " over the counter")

// retailDenied reports whether non-offer phrase text, ending at e, denies
// the sale of a kind of shop.
func retailDenied(norm []byte, text string, e int32) bool {
	if !slices.Contains(retailDenials, text) {
		return false
	}
	for _, w := range retailPlaces {
		if bytes.HasPrefix(norm[e:], w) {
			return true
		}
	}
	return false
}

// saleDenials are the "after" negation cues that deny a sale ("not sold
// here", "tidak dijual"): said after a question mark or a dash they still
// deny the name before (saleDenialGap).
var saleDenials = []string{"not sold here", "no longer sold", "tidak dijual", "tidak menjual", "no longer available here"}

// saleDenialGap returns where the words after a name at e go on past at most
// one word and then a question mark or a spaced dash ("? ", " treatment —
// "), or e when no such gap follows.
func saleDenialGap(norm []byte, e int32) int32 {
	i := int(e)
	j := i
	for j < len(norm) && norm[j] == ' ' {
		j++
	}
	k := j
	for k < len(norm) && norm[k] >= 'a' && norm[k] <= 'z' && k-j <= 16 {
		k++
	}
	for _, from := range []int{i, k} {
		g := from
		for g < len(norm) && norm[g] == ' ' {
			g++
		}
		switch {
		case g < len(norm) && norm[g] == '?':
			g++
		case g > from && g+1 < len(norm) && norm[g] == '-' && norm[g+1] == ' ':
			g++
		default:
			continue
		}
		for g < len(norm) && norm[g] == ' ' {
			g++
		}
		return int32(g)
	}
	return e
}

// negatedAfterSale marks mention i denied when one of saleDenials starts at p.
func (m *Matcher) negatedAfterSale(f *field, p int32, i int, byPost []bool, cause func(int, []byte)) {
	for _, c := range f.window(p, p) {
		if c.pat >= 0 && m.pats[c.pat].kinds&kNegAfter != 0 && slices.Contains(saleDenials, m.pats[c.pat].text) {
			byPost[i] = true
			cause(i, f.norm[c.s:c.e])
			return
		}
	}
}

// particleEnd returns where the words after a Japanese or Korean name go on
// past a case or topic particle glued to it (は, を, が, も; 이, 가, 은, 는,
// 을, 를, 도) and the spaces after it; otherwise e.
func particleEnd(norm []byte, e int32) int32 {
	if e <= 0 || int(e) >= len(norm) {
		return e
	}
	last, _ := utf8.DecodeLastRune(norm[:e])
	if !unicode.In(last, unicode.Katakana, unicode.Hiragana, unicode.Han, unicode.Hangul) {
		return e
	}
	r, w := utf8.DecodeRune(norm[e:])
	switch {
	case unicode.In(last, unicode.Hangul) && strings.ContainsRune("이가은는을를도", r):
	case !unicode.In(last, unicode.Hangul) && strings.ContainsRune("はをがも", r):
	default:
		return e
	}
	i := int(e) + w
	for i < len(norm) && norm[i] == ' ' {
		i++
	}
	return int32(i)
}

// replaceCues are the negation cues (lexicon negation before and after,
// normalised) that set a name against the product as what it replaces
// ("replacement for BMK", "PMK substitute"), rather than deny it.
var replaceCues = func() map[string]bool {
	t := map[string]bool{}
	for _, c := range []string{"replacement for", "alternative to", "alternatives to", "substitute for", "substitutes for", "instead of",
		"ersatz fur", "alternative zu", "statt", "anstelle von", "alternative a", "remplace", "alternativa a", "sustituto de", "en lugar de",
		"alternatief voor", "in plaats van", "zamiennik", "alternatywa dla", "zamiast", "заменитель", "вместо", "аналог", "替代", "代替",
		"replacement", "replacements", "substitute", "substitutes", "alternative", "alternatives", "ersatz", "sustituto", "substitut", "替代品"} {
		t[c] = true
	}
	return t
}()

// replacedTargets un-negates a Table I name set against the product as what
// it replaces ("DEPAPD … Replacement for BMK", heldout41 zj0099) when the
// listing names a designer precursor it does not negate: a designer
// precursor replaces a scheduled precursor by converting to it, so the name
// is the conversion target, a mention (label rules). A consumer product set
// against a name ("Phenylephrine — the pseudoephedrine replacement") still
// names none.
func (m *Matcher) replacedTargets(hits []subHit) {
	designer := false
	for i := range hits {
		if !hits[i].negated && m.subs[hits[i].sub].List == precwatch.ListDesigner {
			designer = true
			break
		}
	}
	if !designer {
		return
	}
	for i := range hits {
		if h := &hits[i]; h.replaced && m.subs[h.sub].List == precwatch.ListTableI {
			h.negated, h.replaced = false, false
		}
	}
}

// negListGap reports whether the mentions a and b, a before b, are joined by
// nothing but list connectors, so that a negation of one runs on to the
// other. The gap runs from the end of a's word, past a case ending glued
// to the name ("без ефедрин|у та псевдоефедрину", "bez efedryn|y oraz
// …"), to the start of b's word, before an article or conjunction glued
// to it ("والإفيدرين").
//
// Hungarian "és" and Romanian "și" join such a list too, but only as
// written with their accents: folded they are Spanish "es" ("is") and
// "si" ("if", and "sí", "yes": "no efedrina, sí pseudoefedrina").
func (m *Matcher) negListGap(f *field, a, b subHit) bool {
	norm := f.norm
	if b.s < a.e {
		return false
	}
	e := caseEndingEnd(norm, a.e, b.s)
	s := max(gluedWordStart(norm, b.s), e)
	if bytes.IndexByte(norm[e:s], ';') >= 0 || m.onlyAfter(norm, b.e) {
		return false
	}
	if m.gapOK(norm[e:s], m.connectors, true) {
		return true
	}
	os, oe := f.origRange(e, s)
	return accentedConnector(f.orig[os:oe]) && m.gapOK(norm[e:s], accentedConnectors, true)
}

// accentedConnectors are the folded forms of "és", "și" and the Igbo "ma ọ
// bụ" (or) with the other connectors' single words, for a gap whose
// original holds one of them (the folded "ma" alone is Italian "but").
var accentedConnectors = map[string]bool{"es": true, "si": true, "ma": true, "o": true, "bu": true}

// accentedConnector reports whether gap is one word "és" or "și" (either
// cedilla or comma below, any case), or the Igbo "ma ọ bụ", between spaces.
func accentedConnector(gap string) bool {
	switch strings.ToLower(strings.TrimSpace(gap)) {
	case "és", "și", "şi", "ma ọ bụ", "mà ọ bụ":
		return true
	}
	return false
}

// onlyAfter reports whether an "only" word follows the mention ending at e
// ("no ephedrine, pseudoephedrine only"): the second name is set against
// the first, not denied with it.
func (m *Matcher) onlyAfter(norm []byte, e int32) bool {
	i := int(caseEndingEnd(norm, e, int32(len(norm))))
	for i < len(norm) && (norm[i] == ' ' || norm[i] == '-') {
		i++
	}
	for _, w := range m.onlyWords {
		if bytes.HasPrefix(norm[i:], w) && !wordAt(norm, i+len(w)) {
			return true
		}
	}
	return false
}

// caseEndingEnd returns where the word of a mention ending at e ends, when
// at most four Latin, Cyrillic, Greek, Georgian or Armenian letters
// continue it before a non-letter short of lim (an inflection the watchlist
// term leaves out: Georgian genitive "ეფედრინის"); otherwise e. Scripts
// written without spaces are left alone: there the letters after a name are
// the next word ("麻黄碱只含…").
func caseEndingEnd(norm []byte, e, lim int32) int32 {
	i, n := e, 0
	for {
		if i >= lim {
			return e
		}
		r, w := utf8.DecodeRune(norm[i:])
		if !unicode.IsLetter(r) {
			break
		}
		if n++; n > 4 || !unicode.In(r, unicode.Latin, unicode.Cyrillic, unicode.Greek, unicode.Georgian, unicode.Armenian) {
			return e
		}
		i += int32(w)
	}
	if i == e || !wordBefore(norm, int(e)) {
		return e
	}
	return i
}

// exampleClass are nouns of a class a "free of" cue may name before the
// examples it denies ("free of reagents such as ANPP", "sin precursores
// como la ANPP").
var exampleClass = map[string]bool{"reagents": true, "reagent": true, "chemicals": true, "substances": true, "precursors": true,
	"controlled": true, "scheduled": true, "listed": true, "impurities": true, "additives": true, "solvents": true, "compounds": true,
	"other": true, "reactivos": true, "precursores": true, "sustancias": true, "quimicos": true, "controlados": true, "reagenzien": true,
	"stoffe": true, "substanzen": true, "vorlaufer": true, "grundstoffe": true, "reactifs": true, "precurseurs": true,
	"реагентов": true, "прекурсоров": true, "веществ": true, "контролируемых": true,
	"drug": true, "precursor": true, "regulated": true, "restricted": true, "prohibited": true, "illicit": true,
	// The class in the other languages of the trade-negation cues
	// (es, fr, it, pt, de, nl, pl, ru, uk), folded as the normaliser folds
	// them (document h9-newsletter-digest-hypophosphorous and its twins).
	"controladas": true, "fiscalizadas": true, "fiscalizados": true, "reguladas": true, "regulados": true,
	"controlees": true, "reglementees": true, "chimiques": true, "sostanze": true, "controllate": true, "precursori": true,
	"chimici": true, "substancias": true, "kontrollierten": true, "kontrollierte": true, "chemikalien": true,
	"ausgangsstoffe": true, "stoffen": true, "gecontroleerde": true, "precursoren": true, "chemicalien": true,
	"substancji": true, "kontrolowanych": true, "prekursorow": true, "srodkow": true, "chemikaliow": true,
	"прекурсоры": true, "вещества": true, "реактивы": true, "химикаты": true, "контролируемые": true, "запрещенные": true,
	"запрещённые": true, "прекурсори": true, "прекурсорів": true, "речовини": true, "речовин": true, "контрольовані": true,
	"хімікати": true}

// classModifiers may stand before a class noun a negation cue names, on
// their own or joined to a participle by a hyphen ("DEA-scheduled
// substances", "EU-listed precursors", "Table I precursors"): an agency,
// a list and its number.
var classModifiers = map[string]bool{"dea": true, "eu": true, "un": true, "us": true, "uk": true, "incb": true, "fda": true,
	"table": true, "list": true, "schedule": true, "category": true, "i": true, "ii": true, "iii": true, "iv": true, "1": true, "2": true}

// cjkExampleClass are the Chinese nouns of a class a "不经营" cue may name
// before its examples ("不经营任何易制毒化学品（如麻黄碱…）", heldout39
// zh0086), and cjkExampleMarkers the words that introduce the examples.
var (
	cjkExampleClass = []string{"易制毒化学品", "易制毒品", "易制毒物品", "制毒物品", "前体化学品", "前体", "管制化学品", "受管制化学品",
		"管制品", "化学品", "化学物质", "物质", "其他", "其它", "的", "等"}
	cjkExampleMarkers = []string{"例如", "比如", "诸如", "包括", "如"}
)

// tradeVerbGap reports whether gap, between a "we do not sell" cue and a
// mention, coordinates more trade verbs with the cue before its objects
// ("we do not sell | or ship | ephedrine", "wir verkaufen | oder liefern
// | kein Ephedrin", "不经营|或销售|麻黄碱"): connectors and trade verbs, at
// least one verb, and then what may follow a cue itself (fillers, a colon,
// a class with its examples).
func (m *Matcher) tradeVerbGap(gap []byte) bool {
	if len(gap) > 80 || len(m.tradeVerbs) == 0 {
		return false
	}
	i, verb := 0, false
	for i < len(gap) {
		for i < len(gap) && (gap[i] == ' ' || gap[i] == ',') {
			i++
		}
		j := i
		for j < len(gap) && gap[j] != ' ' && gap[j] != ',' {
			j++
		}
		w := string(gap[i:j])
		if isCJKStart(gap[i:]) {
			// Strip connectors and verbs off the front of an unspaced run.
			k := i
			for k < j {
				n := 0
				for l := j; l > k; l-- {
					if x := string(gap[k:l]); m.connectors[x] || m.tradeVerbs[x] {
						if m.tradeVerbs[x] {
							verb = true
						}
						n = l - k
						break
					}
				}
				if n == 0 {
					break
				}
				k += n
			}
			i = k
			break
		}
		if w == "" || !m.connectors[w] && !m.tradeVerbs[w] {
			break
		}
		verb = verb || m.tradeVerbs[w]
		i = j
	}
	if !verb {
		return false
	}
	rest := gap[i:]
	return m.gapOK(rest, m.fillers, false) || colonGap(rest) || m.exampleGap(rest)
}

// exampleMarkers end the gap between a negation cue and the first example
// of the class it names.
var exampleMarkers = [][]string{{"such", "as"}, {"like"}, {"including"}, {"e.g."}, {"eg"}, {"namely"}, {"como"}, {"wie"}, {"comme"},
	{"tels", "que"}, {"telles", "que"}, {"такие", "как"}, {"таких", "как"}, {"как"},
	{"come"}, {"zoals"}, {"takich", "jak"}, {"такі", "як"}, {"tais", "como"}, {"tales", "como"}}

// exampleGap reports whether gap, the text between a "before" negation cue
// and a mention, names a class and introduces the mention as an example of
// it ("free of [reagents such as] ANPP", "ohne [Grundstoffe wie] Ephedrin"):
// the cue denies the whole class, the example with it. Only class nouns and
// fillers may stand before the marker, so a cue that denies something else
// ("free of charge; we ship chemicals such as ANPP") denies no mention.
func (m *Matcher) exampleGap(gap []byte) bool {
	if len(gap) > 60 {
		return false
	}
	if isCJKStart(bytes.TrimLeft(gap, " ")) {
		return m.cjkExampleGap(bytes.TrimSpace(gap))
	}
	// Commas set the class off from its marker ("прекурсоры, такие как").
	words := strings.FieldsFunc(string(gap), func(r rune) bool { return r == ' ' || r == ',' })
	// An article after the marker is the first example's ("como la
	// efedrina", "comme l'éphédrine").
	for len(words) > 1 && (m.fillers[words[len(words)-1]] || elidedArticle(words[len(words)-1])) {
		words = words[:len(words)-1]
	}
	for _, mk := range exampleMarkers {
		n := len(words) - len(mk)
		if n < 1 || !slices.Equal(words[n:], mk) {
			continue
		}
		class := false
		for _, w := range words[:n] {
			switch {
			case exampleClass[w]:
				class = true
			case m.fillers[w], classModifiers[w]:
			case strings.Contains(w, "-"):
				// "dea-scheduled", "eu-listed": a modifier and a class
				// word joined by a hyphen.
				for _, part := range strings.Split(w, "-") {
					switch {
					case exampleClass[part]:
						class = true
					case classModifiers[part]:
					default:
						return false
					}
				}
			default:
				return false
			}
		}
		return class
	}
	return false
}

// elidedArticle reports whether w is an article elided before a vowel
// ("l'", "d'", "dell'"): at most four letters and an apostrophe.
func elidedArticle(w string) bool {
	a := strings.TrimRight(w, "'’")
	return len(a) < len(w) && len(a) > 0 && len(a) <= 4 && strings.IndexFunc(a, func(r rune) bool { return r < 'a' || r > 'z' }) < 0
}

// tradeConditions are words that, after the names a "we do not sell" cue
// denies and in the same clause, make the refusal a condition of sale: "we
// do not sell ephedrine to private persons / below 1 kg / without a
// licence" sells it to others.
var tradeConditions = []string{"to private", "to individuals", "to individual", "to persons", "to consumers", "to minors",
	"to the public", "to unlicensed", "to unregistered", "to customers without", "below", "under", "less than", "without",
	"unless", "except", "outside", "in small quantities", "an privatpersonen", "an privatkunden", "an private", "an endverbraucher", "unter", "ohne", "ausser",
	"a particulares", "sin", "menos de", "salvo", "excepto", "aux particuliers", "a des particuliers", "sans", "moins de", "sauf",
	"частным", "физическим", "без", "менее", "кроме", "приватним", "фізичним", "крім", "osobom prywatnym", "bez", "ponizej",
	"个人", "散户", "无证", "少于", "除"}

// tradeCondition reports whether cue is a trade-negation cue ("we do not
// sell", "不经营") and a condition of sale (tradeConditions) follows the
// mention ending at e in its clause. "Under any circumstances", "to
// anyone" and "without exception" refuse outright.
func (m *Matcher) tradeCondition(norm, cue []byte, e int32) bool {
	trade := false
	for _, w := range strings.Fields(string(cue)) {
		if m.tradeVerbs[w] {
			trade = true
		}
	}
	for v := range m.tradeVerbs {
		if !trade && isCJKStart([]byte(v)) && bytes.Contains(cue, []byte(v)) {
			trade = true
		}
	}
	if !trade {
		return false
	}
	end := min(len(norm), int(e)+160)
	if k := bytes.IndexAny(norm[e:end], ".;!?\n。；"); k >= 0 {
		end = int(e) + k
	}
	clause := norm[e:end]
	for _, w := range tradeConditions {
		for off := 0; off < len(clause); {
			k := bytes.Index(clause[off:], []byte(w))
			if k < 0 {
				break
			}
			a, b := off+k, off+k+len(w)
			off = a + 1
			if !isCJKStart([]byte(w)) && (wordBefore(clause, a) || wordAt(clause, b)) {
				continue
			}
			next := bytes.TrimLeft(clause[b:], " ")
			if bytes.HasPrefix(next, []byte("any")) || bytes.HasPrefix(next, []byte("excep")) ||
				bytes.HasPrefix(next, []byte("circumstances")) {
				continue
			}
			return true
		}
	}
	return false
}

// cjkExampleGap is exampleGap for Chinese: fillers and class nouns without
// spaces, then an example marker, after or before an opening bracket or a
// comma ("任何易制毒化学品（如", "易制毒化学品，例如").
func (m *Matcher) cjkExampleGap(g []byte) bool {
	marked := false
	for _, mk := range cjkExampleMarkers {
		if bytes.HasSuffix(g, []byte(mk)) {
			g, marked = g[:len(g)-len(mk)], true
			break
		}
	}
	if !marked {
		return false
	}
	for _, p := range []string{"（", "(", "，", ",", "：", ":", " "} {
		g = bytes.TrimSuffix(g, []byte(p))
	}
	class := false
	for len(g) > 0 {
		n := 0
		for _, c := range cjkExampleClass {
			if bytes.HasPrefix(g, []byte(c)) && len(c) > n {
				n = len(c)
			}
		}
		if n > 0 {
			class = class || string(g[:n]) != "的" && string(g[:n]) != "其他" && string(g[:n]) != "其它" && string(g[:n]) != "等"
		} else {
			for f := range m.fillers {
				if len(f) > n && bytes.HasPrefix(g, []byte(f)) && isCJKStart([]byte(f)) {
					n = len(f)
				}
			}
		}
		if n == 0 {
			return false
		}
		g = g[n:]
	}
	return class
}

// bracketAfter returns where an after-negation cue of the name ending at
// e may start: after a short bracket right after the name ("(ephedra)",
// at most 48 bytes, no sentence end inside), after the closing bracket
// the name ends in, or e itself.
func bracketAfter(b []byte, e int32) int32 {
	i := int(e)
	if i < len(b) && b[i] == ')' {
		return e + 1
	}
	for i < len(b) && b[i] == ' ' {
		i++
	}
	if i >= len(b) || b[i] != '(' {
		return e
	}
	for j := i + 1; j < len(b) && j <= i+48; j++ {
		switch b[j] {
		case ')':
			return int32(j + 1)
		case '(', '.', ';', '!', '?', '\n':
			return e
		}
	}
	return e
}

// headLeads are words that may stand before a list-head cue at the start
// of its line or sentence ("Currently not available:", "Sorry, no longer
// supplied:", "Products not available:").
var headLeads = map[string]bool{"currently": true, "presently": true, "sorry": true, "note": true, "please": true, "nb": true,
	"products": true, "items": true, "chemicals": true, "substances": true, "reagents": true, "following": true, "the": true,
	"also": true, "attention": true, "warning": true, "important": true, "derzeit": true, "aktuell": true, "leider": true,
	"produkte": true, "artikel": true, "actuellement": true, "produits": true, "actualmente": true, "productos": true,
	"attualmente": true, "prodotti": true, "produtos": true, "momenteel": true, "producten": true, "obecnie": true,
	"produkty": true, "сейчас": true, "товары": true, "позиции": true, "зараз": true, "товари": true}

// headQualifiers may stand between a list-head cue and its colon ("NOT
// available anymore:", "not sold here:", "nicht mehr lieferbar:").
var headQualifiers = map[string]bool{"anymore": true, "any": true, "more": true, "longer": true, "here": true, "from": true,
	"us": true, "by": true, "for": true, "sale": true, "to": true, "anyone": true, "at": true, "all": true, "ever": true,
	"mehr": true, "bei": true, "uns": true, "plus": true, "chez": true, "nous": true, "ya": true, "mas": true, "aqui": true,
	"piu": true, "qui": true, "meer": true, "hier": true, "juz": true, "u": true, "nas": true, "у": true, "нас": true, "больше": true,
	"більше": true, "здесь": true, "тут": true}

// headCue reports whether the list-head cue norm[cs:ce] opens the list
// whose first name starts at hs: the cue starts a line or sentence (after
// bullets, symbols and a few lead words), and between it and the name
// stand only qualifiers, one short bracket ("(controlled, please do not
// ask)"), a colon and fillers. A cue inside a sentence ("Samples not
// available: …") is no header.
func (m *Matcher) headCue(norm []byte, cs, ce, hs int32) bool {
	// Before the cue: bullets, symbols and lead words back to a line or
	// sentence start.
	i := int(cs)
	for n := 0; i > 0 && n < 4; {
		r, w := utf8.DecodeLastRune(norm[:i])
		switch {
		case r == '\n' || r == '.' || r == '!' || r == '?' || r == ';' || r == '|' || r == ':' || r == '(' || r == '[':
			i = 0
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			j := i
			for j > 0 {
				r, w := utf8.DecodeLastRune(norm[:j])
				if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
					break
				}
				j -= w
			}
			if !headLeads[string(norm[j:i])] {
				return false
			}
			i, n = j, n+1
		default:
			i -= w // a space, a bullet, a comma, an emoji
		}
	}
	if i > 0 {
		return false
	}
	// After the cue: qualifiers, a bracket, the colon, fillers.
	g := norm[ce:hs]
	for {
		g = bytes.TrimLeft(g, " ")
		j := 0
		for j < len(g) && g[j] != ' ' && g[j] != ':' && g[j] != '(' {
			j++
		}
		if j == 0 || !headQualifiers[string(g[:j])] {
			break
		}
		g = g[j:]
	}
	if len(g) > 0 && g[0] == '(' {
		k := bytes.IndexByte(g, ')')
		if k < 0 || k > 64 || bytes.ContainsAny(g[:k], ".;!?\n") {
			return false
		}
		g = bytes.TrimLeft(g[k+1:], " ")
	}
	if len(g) == 0 || g[0] != ':' {
		return false
	}
	return m.gapOK(g[1:], m.fillers, false)
}

// colonGap reports whether a gap is one colon with spaces: a negation cue
// that opens a list ("we do not sell: ephedrine, safrole", "мы не продаём:
// эфедрин, сафрол").
func colonGap(gap []byte) bool {
	g := bytes.TrimSpace(gap)
	return len(g) == 1 && g[0] == ':'
}

// negCueOnly reports whether norm[e:s] holds an after-negation cue glued
// to the preceding name by a hyphen or a space and nothing else but spaces
// ("-free ", " frei ").
func (m *Matcher) negCueOnly(f *field, e, s int32) bool {
	for _, c := range f.window(e, s) {
		if c.pat < 0 || c.s < e || c.e > s || m.pats[c.pat].kinds&kNegAfter == 0 {
			continue
		}
		gap := f.norm[e:c.s]
		if (len(gap) == 0 || string(gap) == "-" || onlySpace(gap)) && onlySpace(f.norm[c.e:s]) {
			return true
		}
	}
	return false
}

// chemicalEnding reports whether the letters norm[s:e] after an
// inflecting stem are a chemical suffix that makes another compound
// ("piperidin|ol", "piperidin|yl", "piperidin|one") or the "-o" of a
// substituent prefix ("anilino-N-…"), or the English plural "-es" of a
// compound class, not a case ending: no inflecting language the watchlist
// names has these as endings.
func chemicalEnding(norm []byte, s, e int) bool {
	switch string(norm[s:e]) {
	case "ol", "yl", "one":
		return true
	case "es":
		// "Piperidines", "Ketones": the English plural names a class of
		// compounds (a catalogue heading, heldout16 v0024); no inflecting
		// language of the watchlist ends a case of these stems in -es.
		return true
	case "o":
		// A substituent prefix: "anilino-N-…", "2-(methylamino)-1-…".
		return e < len(norm) && (norm[e] == '-' || norm[e] == ')')
	}
	return false
}

// compoundHeads are the salt and dosage-form words that Finnish, Swedish,
// Hungarian and the other inflecting languages glue to a substance name
// ("efedriini|tabletit", "ergometriini|maleaatti", "efedrin|hydroklorid").
var compoundHeads = []string{"tablet", "tabl", "kapsel", "kapsl", "kapseli", "hydrokl", "hydrochl", "hidrokl", "maleat", "maleaat",
	"tartrat", "tartraat", "sulfat", "sulfaat", "pulver", "jauhe", "siirap", "sirup", "liuos", "injek", "ampul", "kide", "kite", "krist"}

// compoundHead reports whether a salt or dosage-form word follows the stem
// ending at norm[i], after at most one linking letter ("efedriin|i|tabletit").
func compoundHead(norm []byte, i int) bool {
	for skip := 0; skip <= 1 && i+skip < len(norm); skip++ {
		if skip == 1 && !(norm[i] >= 'a' && norm[i] <= 'z') {
			break
		}
		rest := norm[i+skip:]
		for _, h := range compoundHeads {
			if len(rest) >= len(h) && string(rest[:len(h)]) == h {
				return true
			}
		}
	}
	return false
}

// stripTags drops <...> markup (left by decoded entities) from a short gap.
func stripTags(b []byte) []byte {
	if !strings.ContainsRune(string(b), '<') {
		return b
	}
	var out []byte
	in := false
	for _, c := range b {
		switch {
		case c == '<':
			in = true
		case c == '>':
			in = false
		case !in:
			out = append(out, c)
		}
	}
	return out
}

func onlySpace(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '-' {
			return false
		}
	}
	return true
}

// gapOK reports whether the text between two hits holds only words of set
// (and, for lists, CAS keywords and list punctuation).
func (m *Matcher) gapOK(gap []byte, set map[string]bool, list bool) bool {
	if len(gap) > 80 {
		return false
	}
	words := strings.FieldsFunc(string(gap), func(r rune) bool {
		switch r {
		case ' ', '-', '\t':
			return true
		case ',', '/', '&', '+', '(', ')', '[', ']', ':', '#', '、', ';':
			return list
		}
		return false
	})
	for _, w := range words {
		if set[w] || m.fillers[w] {
			continue
		}
		if list {
			switch strings.TrimSuffix(w, ".") {
			case "cas", "no", "nr", "rn", "number", "or", "and":
				continue
			}
		}
		if w == "." {
			return false
		}
		// CJK: the word must be a run of known words.
		if !segmentable(w, set) {
			return false
		}
	}
	return true
}

// segmentable reports whether w is a concatenation of words of set. (It
// replaces a greedy strip that tried the words in map order, so that its
// verdict depended on the order of map iteration.)
func segmentable(w string, set map[string]bool) bool {
	var buf [96]bool
	ok := buf[:0]
	if len(w)+1 > len(buf) {
		ok = make([]bool, 0, len(w)+1)
	}
	ok = ok[:len(w)+1]
	clear(ok)
	ok[0] = true
	for i := 0; i < len(w); i++ {
		if !ok[i] {
			continue
		}
		for j := i + 1; j <= len(w); j++ {
			if !ok[j] && set[w[i:j]] {
				ok[j] = true
			}
		}
	}
	return ok[len(w)]
}

// bulkQuantity returns the first bulk quantity stated in the fields
// ("25kg", "5 drums", "10,000 tablets", "50.000 Tabletten", "200 коробок")
// and where it stands (field index, span in its normalised text).
func (m *Matcher) bulkQuantity(fields []field) (string, [3]int32) {
	for fi, f := range fields {
		b := f.norm
		for i := 0; i < len(b); i++ {
			if i = nextDigit(b, i); i == len(b) {
				break
			}
			if i > 0 && (isDigit(b[i-1]) || b[i-1] == '.' || b[i-1] == ',') {
				continue
			}
			v, j := parseQuantity(b, i)
			k := j
			if k < len(b) && b[k] == ' ' {
				k++
			}
			if f, n := countMultiplier(b[k:]); n > 0 {
				v, k = v*f, k+n
				if k < len(b) && b[k] == ' ' {
					k++
				}
			}
			u := k
			if u < len(b) && b[u] >= 0x80 {
				r, w := utf8.DecodeRune(b[u:])
				u += w
				if lim, ok := m.bulkUnitLimit(b[k:u]); ok && v >= lim && !salesCountBefore(b, i) && !japaneseCount(b, u) {
					return string(b[i:u]), [3]int32{int32(fi), int32(i), int32(u)}
				}
				// A CJK or Thai unit of several characters ("10ケース",
				// "100박스", "100 กล่อง"), which nothing separates from what
				// follows; the Japanese long vowel mark 'ー' is of no script.
				for n, e := 1, u; n < 6 && isCJK(r) && e < len(b); n++ {
					c, w := utf8.DecodeRune(b[e:])
					if !isCJK(c) && c != 'ー' {
						break
					}
					e += w
					if lim, ok := m.bulkUnitLimit(b[k:e]); ok && v >= lim && !salesCountBefore(b, i) {
						return string(b[i:e]), [3]int32{int32(fi), int32(i), int32(e)}
					}
				}
				// The unit ends at a punctuation mark of another script too:
				// the danda of Bengali and Devanagari ("২ লাখ পিচ।"), the
				// Arabic comma.
				for u < len(b) && (b[u] >= 0x80 || hebrewGershayim(b, u) > 0) && !isCJK(firstRune(b[u:])) {
					if g := hebrewGershayim(b, u); g > 0 {
						u += g
						continue
					}
					c, w := utf8.DecodeRune(b[u:])
					if unicode.IsPunct(c) {
						break
					}
					u += w
				}
			} else {
				for u < len(b) && b[u] >= 'a' && b[u] <= 'z' {
					u++
				}
			}
			if u > k && !wordAt(b, u) {
				if lim, ok := m.bulkUnitLimit(b[k:u]); ok && v >= lim && !salesCountBefore(b, i) && !incidentCases(b, k, u) {
					return string(b[i:u]), [3]int32{int32(fi), int32(i), int32(u)}
				}
			}
			// "lot of 150", "lote de 200.000": a lot of that many
			// packs or pieces, whatever it counts, when no unit says
			// what (a unit's own limit decides: "lot of 500 tablets").
			if v >= lotCountMin && (j == len(b) || b[j] != '-' && b[j] != '/') {
				if s := lotOfBefore(b, i); s >= 0 && !m.unitWordAt(b, k) {
					return string(b[s:j]), [3]int32{int32(fi), int32(s), int32(j)}
				}
			}
			i = j - 1
		}
	}
	return "", [3]int32{}
}

// japaneseCount reports whether a particle (hiragana) follows the counter
// ending at b[u]: Japanese counts matters, reports and incidents with 件
// ("相談が年間500件あり", "500件の事故"), which a Chinese case count is not
// followed by.
func japaneseCount(b []byte, u int) bool {
	return u >= 3 && string(b[u-3:u]) == "件" && u < len(b) && unicode.Is(unicode.Hiragana, firstRune(b[u:]))
}

// incidentCases reports whether the unit b[k:u] is "cases" in the sense
// of incidents ("500 cases of misuse", "30 cases reported"), not of
// packed cases ("20 cases of 24 boxes", "10 cases ready").
func incidentCases(b []byte, k, u int) bool {
	if string(b[k:u]) != "cases" {
		return false
	}
	rest := b[u:]
	if len(rest) > 0 && rest[0] == ' ' {
		rest = rest[1:]
	}
	if bytes.HasPrefix(rest, []byte("of ")) {
		return len(rest) == 3 || !isDigit(rest[3])
	}
	for _, w := range [...]string{"reported", "were", "was", "have", "has", "had", "per year", "a year", "each year", "in 20"} {
		if bytes.HasPrefix(rest, []byte(w)) {
			return true
		}
	}
	return false
}

// lotCountMin is the count from which "a lot of N" packs or pieces is a
// wholesale lot: an eBay "lot of 3" or the French multipack "lot de 2"
// is retail.
const lotCountMin = 100

// lotWords are "lot" and the words like it, each with the preposition
// that joins it to a count ("lot of 150", "lote de 500", "партия из 300").
var lotWords = [...]string{"lot of ", "lote de ", "lotes de ", "lot de ", "lots de ", "lotto di ", "lotto da ",
	"partij van ", "posten von ", "партия из ", "партию из ", "партией из "}

// lotOfBefore returns where a lot word with its preposition starts when
// it ends right before the number at b[i], or -1. A batch number ("lote
// 2024-118", "Lot-Nr. 4711", "Lote: 200000") has no preposition.
func lotOfBefore(b []byte, i int) int {
	// Most numbers follow no preposition: the last letter of "of", "de",
	// "di", "da", "van", "von" or "из" before the space, or no lot.
	if i < 7 || b[i-1] != ' ' {
		return -1
	}
	switch b[i-2] {
	case 'f', 'e', 'i', 'a', 'n', 0xb7:
	default:
		return -1
	}
	for _, w := range lotWords {
		if s := i - len(w); s >= 0 && string(b[s:i]) == w && (s == 0 || !isWordRune(lastRune(b[:s]))) {
			return s
		}
	}
	return -1
}

// unitWordAt reports whether the word at b[k] is a unit of quantity, a
// bulk unit, a dose or a percentage.
func (m *Matcher) unitWordAt(b []byte, k int) bool {
	e := k
	for e < len(b) && b[e] != ' ' && b[e] != ',' && b[e] != '.' && b[e] != ')' && b[e] != ';' {
		e++
	}
	if e == k {
		return false
	}
	w := string(b[k:e])
	if _, ok := m.unitLimit[w]; ok {
		return true
	}
	// A dose or a share is no count of packs ("a lot of 120 mg", "lot of
	// 100%").
	switch w {
	case "mg", "mcg", "ug", "µg", "iu", "%", "mg/ml", "mg/5ml":
		return true
	}
	return quantityUnits[w] || b[k] == '%'
}

// salesWords name a count of sales, buyers or reviews: a shop's "已售500件"
// (500 sold), "月销 1200盒" (sold a month) or a seller's rating "評価 4.9
// （312件）" (312 reviews) count what others bought, not what is offered.
// English writes them after the number ("1,204 sold"), where no unit is,
// and "sold in cartons of 100 boxes" before an offered quantity.
var salesWords = [...][]byte{[]byte("已售"), []byte("售出"), []byte("月销"), []byte("销量"), []byte("已卖"), []byte("已拍"), []byte("成交"), []byte("评价"), []byte("评论"), []byte("好评"), []byte("評価"), []byte("レビュー"),
	[]byte("口コミ"), []byte("販売実績"), []byte("件数"), []byte("리뷰"), []byte("후기")}

// salesCountBefore reports whether the number at b[i] is a count of sales
// or reviews: one of salesWords ends at most 16 bytes before it (a rating
// "4.9（" may stand between).
func salesCountBefore(b []byte, i int) bool {
	lo := max(0, i-16)
	for lo < i && !utf8.RuneStart(b[lo]) {
		lo++
	}
	w := b[lo:i]
	// Every sales word is CJK or Hangul: most numbers have none before.
	ascii := true
	for _, c := range w {
		if c >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return false
	}
	for _, s := range salesWords {
		if bytes.Contains(w, s) {
			return true
		}
	}
	return false
}

// bulkUnitLimit is m.unitLimit[string(u)], without the map lookup for a
// word whose first byte and length no unit has (most words after a
// number).
func (m *Matcher) bulkUnitLimit(u []byte) (float64, bool) {
	if len(u) > 0 && len(u) < 64 && m.unitLens[u[0]]&(1<<len(u)) == 0 {
		return 0, false
	}
	lim, ok := m.unitLimit[string(u)]
	return lim, ok
}

// countMultipliers are the number words written between a count and its
// unit: Chinese and Japanese 万 (ten thousand) and 亿 (a hundred million),
// Korean 만, and the Indian lakh (a hundred thousand) and crore (ten
// million): "10万片" is 100,000 tablets, "1 lakh tablets" 100,000.
// 千 is left out: 千克 is the kilogram.
var countMultipliers = [...]struct {
	word string
	f    float64
}{{"万", 1e4}, {"萬", 1e4}, {"만", 1e4}, {"亿", 1e8}, {"億", 1e8}, {"lakhs", 1e5}, {"lakh", 1e5}, {"लाख", 1e5}, {"crores", 1e7}, {"crore", 1e7},
	// करोड़ (crore) as the normaliser leaves it, without its nukta.
	{"करोड", 1e7}}

// countMultiplier returns the factor and the width of the number word at
// the start of b, or 0, 0. A Latin word must end there.
func countMultiplier(b []byte) (float64, int) {
	if len(b) == 0 {
		return 0, 0
	}
	// Only the words that start with b[0], in their order: most numbers
	// are followed by a unit or by CJK text, which starts none.
	for set := countMultFirst[b[0]]; set != 0; set &= set - 1 {
		c := &countMultipliers[bits.TrailingZeros16(set)]
		if n := len(c.word); len(b) >= n && string(b[:n]) == c.word && (c.word[0] >= 0x80 || n == len(b) || !isASCIIAlpha(b[n])) {
			return c.f, n
		}
	}
	return 0, 0
}

// countMultFirst holds, for each byte, the set of countMultipliers (bit k
// for the k-th) whose word starts with it.
var countMultFirst = func() (t [256]uint16) {
	for k, c := range countMultipliers {
		t[c.word[0]] |= 1 << k
	}
	return
}()

// parseQuantity reads the number at b[i:]: digits with an optional decimal
// part, and groups of three digits after a comma, dot, space or apostrophe as
// thousands ("10,000", "50.000", "50 000", "10'000") or the Indian grouping
// ("1,00,000"). It returns the value and the end.
func parseQuantity(b []byte, i int) (float64, int) {
	j := i
	v := 0.0
	for j < len(b) && isDigit(b[j]) {
		v = v*10 + float64(b[j]-'0')
		j++
	}
	if j-i > 3 {
		// No thousands groups after four or more digits: only a decimal part.
		return v + decimalPart(b, &j), j
	}
	if j-i <= 2 && j+3 < len(b) && b[j] == ',' && b[j+3] == ',' {
		if w, e := indianGrouping(b, v, j); e > j {
			return w + decimalPart(b, &e), e
		}
	}
	// Thousands after ',', '.', a space or the Swiss apostrophe ("10'000").
	for j+3 < len(b)+1 && j < len(b) && (b[j] == ',' || b[j] == '.' || b[j] == ' ' || b[j] == '\'') &&
		j+4 <= len(b) && isDigit(b[j+1]) && isDigit(b[j+2]) && isDigit(b[j+3]) && (j+4 == len(b) || !isDigit(b[j+4])) {
		v = v*1000 + float64(b[j+1]-'0')*100 + float64(b[j+2]-'0')*10 + float64(b[j+3]-'0')
		j += 4
	}
	return v + decimalPart(b, &j), j
}

// indianGrouping reads the Indian grouping of a number, in twos before the
// last three ("1,00,000" is a lakh, "10,00,000" ten), after its first
// digits v ending at b[j]. It returns the value and the end, or j when the
// groups are not so.
func indianGrouping(b []byte, v float64, j int) (float64, int) {
	e := j
	for e+3 < len(b) && b[e] == ',' && isDigit(b[e+1]) && isDigit(b[e+2]) && b[e+3] == ',' {
		v = v*100 + float64(b[e+1]-'0')*10 + float64(b[e+2]-'0')
		e += 3
	}
	if e > j && e+4 <= len(b) && isDigit(b[e+1]) && isDigit(b[e+2]) && isDigit(b[e+3]) && (e+4 == len(b) || !isDigit(b[e+4])) {
		return v*1000 + float64(b[e+1]-'0')*100 + float64(b[e+2]-'0')*10 + float64(b[e+3]-'0'), e + 4
	}
	return v, j
}

// decimalPart reads ".5" or ",5" at b[*j:] (not followed by more digits
// than a decimal part has) and advances *j past it.
func decimalPart(b []byte, j *int) float64 {
	k := *j
	if k+1 >= len(b) || b[k] != '.' && b[k] != ',' || !isDigit(b[k+1]) {
		return 0
	}
	e := k + 1
	d, scale := 0.0, 0.1
	for e < len(b) && isDigit(b[e]) {
		d += float64(b[e]-'0') * scale
		scale /= 10
		e++
	}
	*j = e
	return d
}

func firstRune(b []byte) rune {
	r, _ := utf8.DecodeRune(b)
	return r
}

// MaxHitsPerSubstance caps the hits reported for one substance of one
// listing (a whole web page can name it thousands of times).
const MaxHitsPerSubstance = 100

// category of an offered substance under the ticket policy.
type category int

const (
	catTableIIReagent category = iota
	catRetailMedicine
	catRuleA
)

// agg groups the mentions of one substance in fill.
type agg struct {
	sub      int32
	sm       precwatch.SubstanceMatch // Hits is a scratch buffer until copied out
	negated  bool
	medicine bool
	// composition: every unnegated mention is a composition statement.
	composition bool
	// negName: a name of the substance itself is negated; brandOnly: every
	// unnegated mention is a medicine brand.
	negName, brandOnly bool
	// wanted: every unnegated mention is wanted, not offered.
	wanted bool
}

// subLines are the explain lines of one substance, built once by New.
type subLines struct {
	negated, tableI, retail, immediate, tableII, reagent string
}

// fill computes the verdict and the output of the evaluation.
func (ev *evaluation) fill(res *precwatch.Match, m *Matcher) {
	// A recording ("Red Phosphorus – 'Striker' LP … debut album by the
	// band") names substances as the names of its band and record.
	if ev.media != "" && ev.namesRecording() {
		ev.hits, ev.recording = ev.hits[:0], true
	}
	// Group mentions by substance, in order of first mention.
	aggs := ev.aggs[:0]
	defer func() { ev.aggs = aggs[:0] }()
	slices.SortStableFunc(ev.hits, func(a, b subHit) int {
		if a.field != b.field {
			return int(a.field - b.field)
		}
		return int(a.s - b.s)
	})
	nhits := 0
	for _, h := range ev.hits {
		ai := -1
		for i := range aggs {
			if aggs[i].sub == h.sub {
				ai = i
				break
			}
		}
		if ai < 0 {
			s := m.subs[h.sub]
			var buf []precwatch.Hit
			if len(aggs) < cap(aggs) {
				buf = aggs[:len(aggs)+1][len(aggs)].sm.Hits[:0]
			}
			aggs = append(aggs, agg{sub: h.sub, sm: precwatch.SubstanceMatch{ID: s.ID, Name: s.Name, CAS: s.CAS, List: s.List, Hits: buf}, negated: true, composition: true, brandOnly: true, wanted: true})
			ai = len(aggs) - 1
		}
		a := &aggs[ai]
		f := &ev.fields[h.field]
		os, oe := f.origRange(h.s, h.e)
		dup := false
		// Duplicates (two patterns, one span) are next to each other.
		for k := len(a.sm.Hits) - 1; k >= 0 && k >= len(a.sm.Hits)-4; k-- {
			if x := a.sm.Hits[k]; x.Field == f.name && x.Start == os && x.End == oe {
				dup = true
			}
		}
		if !dup && len(a.sm.Hits) < MaxHitsPerSubstance {
			a.sm.Hits = append(a.sm.Hits, precwatch.Hit{Term: h.term, Kind: h.kind, Field: f.name, Start: os, End: oe})
			nhits++
		}
		if !h.negated {
			a.negated = false
			if !h.composition {
				a.composition = false
			}
			if h.kind != HitMedicine {
				a.brandOnly = false
			}
			if !h.wanted {
				a.wanted = false
			}
		} else if h.kind != HitMedicine {
			a.negName = true
		}
		if h.medicine {
			a.medicine = true
		}
	}
	for i := range aggs {
		// "Contac capsules (phenylephrine) — new formula without
		// pseudoephedrine": the brand names a product the listing says
		// holds none of the substance.
		if a := &aggs[i]; a.negName && a.brandOnly {
			a.negated = true
		}
		// "Contac Cold + Flu (US) — Acetaminophen + phenylephrine"
		// (heldout77 yg0004): a brand sold with pseudoephedrine in one
		// market and phenylephrine in another names, with the listing's
		// phenylephrine, the phenylephrine product.
		if a := &aggs[i]; a.brandOnly && !a.negated && ev.namesPhenylephrine() {
			a.negated = true
		}
	}
	// "Wick DayMed Erkältungskapseln — Paracetamol, Pseudoephedrin, …",
	// "… ohne Pseudoephedrin": a listing that states which watched
	// medicine substance its product holds or lacks overrides the
	// composition the watchlist knows of the brand, when the brand is all
	// that names a different substance. A list of products, where the
	// stated substance has a brand of its own ("Sudafed … pseudo 60 mg …
	// also Bronkaid cartons"), keeps every brand's.
	for i := range aggs {
		a := &aggs[i]
		if !a.brandOnly || a.negated {
			continue
		}
		for j := range aggs {
			if b := &aggs[j]; j != i && len(m.subs[b.sub].Medicines) > 0 && (!b.brandOnly || b.negName) && !ev.brandNamed(b.sub) {
				a.negated = true
				break
			}
		}
	}
	risk := 0
	for _, id := range ev.indOrder {
		if id != IndDesigner && id != IndBulk {
			risk++
		}
	}
	notOffered := ""
	switch {
	case len(ev.hits) == 0:
		// Nothing named: nothing to clear.
	case ev.notSubst != "":
		notOffered = fmt.Sprintf("names substances in a product that is not the substance (%q)", ev.notSubst)
	case ev.service != "" && !ev.chemForm && !ev.dosage && !ev.bulk && risk == 0 && !ev.namedBeforeService() &&
		!m.namesGoods(ev.fields) && !m.statesQuantity(ev.fields):
		// A service title ("Water treatment consulting") names the
		// chemicals the service works with; a quantity, a purity, a sale
		// or delivery word, a risk indicator, or the substance heading
		// the title before the service ("Potassium permanganate –
		// consulting") makes them goods again ("Potassium permanganate +
		// delivery service", 1 kg tub).
		notOffered = fmt.Sprintf("names substances in a service it offers, not the substances (%q)", ev.service)
	case ev.document != "" && !ev.offer && !ev.offerWeak && !ev.priced && len(ev.observ) == 0 && risk == 0 && !ev.bulk:
		// A certificate of analysis or a safety data sheet states the
		// substance's assay and hazards, not a sale: without a price, a
		// contact, an offer word, a bulk quantity or a risk indicator it
		// names the substance without offering it (heldout48 zq0075). "CoA
		// excerpt: … declared as 'flavour intermediate' … order via
		// Threema" is a sales sheet.
		notOffered = fmt.Sprintf("a document (%q) that names substances without offering them", ev.document)
	case ev.isReport():
		notOffered = fmt.Sprintf("names substances without offering them (%s)", strings.Join(quoteAll(ev.nonOffer), ", "))
	case risk == 0 && ev.questionThread(m):
		notOffered = "names substances in a question and its answers, offering none (no price, contact, quantity or offer in the first person)"
	case !ev.priced && !ev.directContact() && risk == 0 && !ev.bulk && inventoryNoSupply(ev.fields) != "":
		// A school's or lab's register of what it keeps, which says it
		// supplies none of it (see inventoryNoSupply). Its office's
		// e-mail or web address, and its contact and delivery words
		// ("Enviar a prevencion@uni.example", "available in cabinet 3"),
		// make no offer of it (document h15-es); a handle, a phone number
		// or a wallet does.
		notOffered = fmt.Sprintf("names substances in an inventory that supplies nothing to others (%q)", inventoryNoSupply(ev.fields))
	case !ev.chemForm && len(ev.observ) == 0 && risk == 0 && !ev.bulk && !m.statesQuantity(ev.fields) && emptiedContents(ev.fields) != "":
		// A chemistry set whose chemicals were removed, an empty
		// bottle: the names are on labels, not goods (see
		// emptiedContents).
		notOffered = fmt.Sprintf("names substances on what is sold without them (%q)", emptiedContents(ev.fields))
	case !ev.offer && !ev.offerWeak && len(ev.observ) == 0 && !ev.chemForm && len(ev.indOrder) == 0 && !ev.bulk && ev.textLen >= 80 &&
		!m.statesQuantity(ev.fields):
		notOffered = "names substances without offering them (no price, offer, contact, quantity or purity)"
	}
	var score float64
	policyA, policyB := false, false
	explain := ev.explain[:0]
	defer func() { ev.explain = explain[:0] }()
	// One allocation for the hits of every substance, one for the list.
	allHits := make([]precwatch.Hit, 0, nhits)
	if len(aggs) > 0 {
		res.Substances = make([]precwatch.SubstanceMatch, 0, len(aggs))
	}
	for i := range aggs {
		a := &aggs[i]
		si := a.sub
		s := m.subs[si]
		lines := &m.lines[si]
		a.sm.Negated = a.negated
		sm := a.sm
		lo := len(allHits)
		allHits = append(allHits, a.sm.Hits...)
		sm.Hits = allHits[lo:len(allHits):len(allHits)]
		res.Substances = append(res.Substances, sm)
		if a.negated {
			explain = append(explain, lines.negated)
			continue
		}
		if a.composition {
			explain = append(explain, s.Name+": named as a component of the product, not offered")
			continue
		}
		if a.wanted {
			explain = append(explain, s.Name+": wanted (a buy request, or [W] of have/want), not offered")
			continue
		}
		// A dosage form makes a finished medicine only of a substance that
		// is one's active ingredient (KMnO4 tablets for well water are the
		// chemical).
		// A brand named as the source of a pure chemical, with no dosage
		// form ("ergotamine tartrate 99% from Cafergot API stock"), is
		// no medicine.
		// A substance whose medicines are known only by name
		// (MedicineNamesOnly) is a medicine only through such a name.
		medicine := a.medicine && (ev.dosage || !ev.chemForm) || ev.dosage && !ev.chemForm && len(s.Medicines) > 0 && !s.MedicineNamesOnly
		// A per-buyer purchase limit is a pharmacy's, on the medicines
		// with the substance ("NOTICE: purchase limits on pseudoephedrine
		// products … no more than 3.6 g per day per customer", "伪麻黄碱
		// 每次限购2盒"; heldout56 zy0070): they are retail medicines, not
		// the chemical, when no chemical form is named.
		if !medicine && !ev.dosage && !ev.chemForm && s.List == precwatch.ListTableI && len(s.Medicines) > 0 && !s.MedicineNamesOnly &&
			purchaseLimited(ev.fields) {
			medicine = true
		}
		// A Table I name (no medicine brand) sold by weight ("Efedrin HCl
		// 1 kg", "pseudoephedrine HCl 5 kg for tablet production") is the
		// chemical: medicines are sold in packs, not by the kilogram.
		// A syrup weighed in grams ("сироп 125 г") is a bottle.
		if medicine && !a.medicine && s.List == precwatch.ListTableI && m.soldByWeight(ev.fields) && !m.syrupBottle(ev.fields) {
			medicine = false
		}
		// "凭身份证购买，每人限购两盒", "limit 2 packs per customer": a
		// medicine sold under a per-buyer purchase limit is sold at retail,
		// whatever bulk words a shop template adds further down ("大货价格
		// 另议", drum sizes in a chemical shop's FAQ; heldout40 zi0150). A
		// bulk word or quantity in the title still makes it bulk.
		// A title's quantity that is the shop's stock count ("100 boxes in
		// stock, limit 1 per customer", heldout81 yc0042) is no lot either.
		if medicine && ev.bulk && s.List == precwatch.ListTableI && (ev.fields[ev.bulkAt[0]].name != precwatch.FieldTitle || ev.stockCount()) &&
			purchaseLimited(ev.fields) {
			ev.bulk, ev.bulkWhy = false, ""
		}
		var cat category
		var w float64
		var line string
		switch {
		case s.List == precwatch.ListTableI && !medicine:
			cat, w, line = catRuleA, 0.7, lines.tableI
		case s.List == precwatch.ListTableI && ev.bulk:
			cat, w = catRuleA, 0.6
			line = "medicine with a Table I substance in bulk (" + ev.bulkWhy + ") " + s.Name + " offered +0.60"
		case s.List == precwatch.ListTableI:
			cat, w, line = catRetailMedicine, 0.3, lines.retail
		case (s.List == precwatch.ListDesigner || s.List == precwatch.ListSurveillance) && s.Immediate:
			cat, w, line = catRuleA, 0.75, lines.immediate
			ev.addDesigner(s.Name, sm.Hits)
		case s.List == precwatch.ListTableII:
			cat, w, line = catTableIIReagent, 0.25, lines.tableII
		default:
			cat, w, line = catTableIIReagent, 0.25, lines.reagent
		}
		effRisk := risk
		if ev.licensed != "" {
			effRisk--
		}
		if cat == catRuleA {
			policyA = true
		} else if effRisk > 0 {
			policyB = true
		}
		if w > score {
			score = w
		}
		explain = append(explain, line)
	}
	explain = append(explain, ev.ambDropped...)
	if ev.recording {
		explain = append(explain, fmt.Sprintf("names a recording (%q): substance names there are the names of a band or record", ev.media))
	}
	nind := len(ev.indOrder)
	if ev.bulk && !ev.hasIndicator(IndBulk) {
		nind++
	}
	if nind > 0 {
		res.Indicators = make([]precwatch.Indicator, 0, nind)
	}
	for i, id := range ev.indOrder {
		ind := ev.indicators[i]
		res.Indicators = append(res.Indicators, ind)
		if id == IndDesigner || id == IndBulk {
			continue
		}
		score += 0.15
		explain = append(explain, riskLine(id, ind.Text))
	}
	if ev.bulk {
		if !ev.hasIndicator(IndBulk) {
			res.Indicators = append(res.Indicators, ev.bulkIndicator())
		}
	}
	if policyB && !policyA {
		if risk < len(ruleBLines) {
			explain = append(explain, ruleBLines[risk])
		} else {
			explain = append(explain, fmt.Sprintf("controlled substance with %d risk indicator(s): rule (b)", risk))
		}
	}
	if ev.licensed != "" {
		score -= 0.2
		explain = append(explain, fmt.Sprintf("licensed-seller signal (%q) -0.20", ev.licensed))
	}
	policy := policyA || policyB
	if notOffered != "" && len(aggs) > 0 {
		policy = false
		score = math.Min(score, 0.3)
		explain = append(explain, notOffered)
	}
	if policy {
		score = math.Max(score, 0.5)
	} else {
		score = math.Min(score, 0.45)
	}
	score = math.Max(0, math.Min(1, score))
	res.Score = math.Round(score*100) / 100
	res.Suspicious = policy && res.Score >= m.threshold
	if res.Suspicious {
		explain = append(explain, m.scoreLine(true, res.Score))
	} else if policy {
		explain = append(explain, m.scoreLine(false, res.Score))
	}
	if len(ev.observ) > 0 {
		res.Observables = append(res.Observables, ev.observ...)
	}
	if len(explain) > 0 {
		res.Explain = slices.Clone(explain)
	}
}

// documentHeading reports whether the document name at s..e of a title
// heads it: nothing but spaces and punctuation before it, and after it,
// past at most one more word ("CoA excerpt: …") or a parenthesis ("Safety
// Data Sheet (SDS) – …"), a heading separator: a colon, a bar, a slash or
// a dash with a space before it ("SDS – Acetone", not "SDS-PAGE gel").
func documentHeading(norm []byte, s, e int32) bool {
	for _, c := range norm[:s] {
		if isASCIIAlpha(c) || isDigit(c) || c >= 0x80 {
			return false
		}
	}
	rest := bytes.TrimLeft(norm[e:], " ")
	switch {
	case len(rest) > 0 && rest[0] == '(':
		if i := bytes.IndexByte(rest, ')'); i > 0 && i < 24 {
			rest = bytes.TrimLeft(rest[i+1:], " ")
		}
	case len(rest) > 0 && isASCIIAlpha(rest[0]):
		i := 0
		for i < len(rest) && isASCIIAlpha(rest[i]) {
			i++
		}
		rest = bytes.TrimLeft(rest[i:], " ")
	}
	if len(rest) == 0 {
		return false
	}
	switch r, _ := utf8.DecodeRune(rest); r {
	case ':', '|', '/', '：', '｜':
		return true
	case '-':
		return len(rest) < len(norm[e:]) // a space before the dash
	}
	return false
}

// namesRecording reports whether the substance names of a listing that
// sells a recording are the names of its band or record: nothing says
// they are chemicals (no CAS number, chemical form or purity, and no risk
// indicator of what the goods are: "Red P 100 g, shipped inside an album
// sleeve" is the chemical). A messenger contact or a crypto payment says
// how a record is traded, not what it is.
func (ev *evaluation) namesRecording() bool {
	if ev.chemForm {
		return false
	}
	for i, id := range ev.indOrder {
		// Discreet packaging of a record is a collector's care (heldout81
		// yc0027 "debut album by the band Safrole … Discreet packaging for
		// fragile items"); goods hidden inside the record ("Ships inside a
		// vinyl record sleeve", TestGap2526Recording) are a chemical's
		// stealth, and a chemical form or CAS number still says chemical.
		if id == IndStealth && i < len(ev.indicators) && !hidesInside(ev.indicators[i].Text) {
			continue
		}
		if id != IndDesigner && id != IndBulk && id != IndMessenger && id != IndCrypto {
			return false
		}
	}
	for _, h := range ev.hits {
		if h.kind == precwatch.HitCAS {
			return false
		}
	}
	return true
}

// hidingWords, in a stealth-packaging phrase, say the goods travel hidden
// in or as something else.
var hidingWords = []string{"inside", "hidden", "hide", "conceal", "sleeve", "record", "vinyl", "album", "cover", " in a ", " in an ",
	"between", "versteckt", "cach", "escondid", "nascost", "спрят", "внутри"}

// hidesInside reports whether stealth-packaging text t says the goods are
// hidden in something ("inside a vinyl record sleeve").
func hidesInside(t string) bool {
	t = " " + strings.ToLower(t) + " "
	for _, w := range hidingWords {
		if strings.Contains(t, w) {
			return true
		}
	}
	return false
}

// namesGoods reports whether a field holds a word of a sale or delivery of
// goods that is not denied ("sell", "in stock", "delivery", "drum"). It is
// looked for only in a listing with a service title: the words are common.
func (m *Matcher) namesGoods(fields []field) bool {
	for fi := range fields {
		f := &fields[fi]
		for _, h := range f.hits {
			if h.pat >= 0 && m.pats[h.pat].kinds&kGoods != 0 && !m.negatedAt(f, h.s) {
				return true
			}
		}
	}
	return false
}

// namedBeforeService reports whether an unnegated substance mention
// stands in the title before its service noun.
func (ev *evaluation) namedBeforeService() bool {
	for _, h := range ev.hits {
		if h.field == ev.serviceAt[0] && h.s < ev.serviceAt[1] && !h.negated {
			return true
		}
	}
	return false
}

// isReport reports whether a page that names substances is a report on
// them (news, regulation, research) rather than an offer, by weighing its
// distinct non-offer words against its offer signs. A price makes an offer
// unless three or more report words and no offer, contact or delivery word
// stand on the page (a news item a feed gave a price), and so does a contact unless three or more report words and no
// offer word stand beside it (a news repost's channel handle); non-offer
// words without any offer word or product form make a report. Two or more non-offer words make a report unless as
// many offer words, or a delivery or contact word, stand against them
// (product forms and quantities do not count then: reports quote them,
// "2,000 kg of BMK glycidate declared as 'cosmetic powder'"; "no police, no
// customs seizure, contact us" is an offer). A single non-offer word
// outweighs at most one offer word ("network selling ANPP", officials
// said), and only when no product form, quantity or delivery word backs it.
// Authority nouns (police, customs, a ministry) count only beside a report
// word of another kind: on their own they make no report ("Polizei? Kein
// Thema.").
func (ev *evaluation) isReport() bool {
	news, offers := len(ev.newsPats), len(ev.offerPats)
	if news == 0 || ev.newsAuth == news || ev.weHaveOffer() {
		return false
	}
	// A price makes an offer, except on a page with three or more report
	// words of which one is not an authority noun, and no offer word,
	// contact or delivery word at all: a news item that a feed gave a
	// price ("Police seize 500 kg of BMK glycidate", $3).
	if ev.priced && (news < 3 || offers > 0 || len(ev.observ) > 0 || ev.offerContact) {
		return false
	}
	// A handle or number makes an offer, except on a page with three or
	// more report words and no offer word at all: a news repost's channel
	// ("follow our Telegram channel @…"). A web address alone is no such
	// contact on a page of three or more report words: it is how a report
	// or guidance cites its source, and how an archive names its capture.
	if len(ev.observ) > 0 && (news < 3 || offers > 0 && ev.contactObserved()) {
		return false
	}
	// Report words only in the question a title asks ("Why is safrole so
	// expensive?") are answered by the page: a risk indicator below it
	// ("350 USD a litre here, write me on Wire @saf_oil") makes an offer.
	if !ev.newsBody && ev.indicatorBelowTitle() && titleQuestion(ev.fields[0].norm) {
		return false
	}
	if !ev.chemForm && offers == 0 {
		return true
	}
	if news >= 2 {
		// A contact or delivery word outweighs two report words ("no
		// police, no seizure, safe delivery"), not three ("the court heard
		// the defendants arranged delivery").
		return news > offers && (!ev.offerContact || news >= 3 && news > offers+1)
	}
	return !ev.chemForm && offers == 1 && !ev.offerWeak && !ev.bulk
}

// indicatorBelowTitle reports whether a messenger contact, the way a
// seller answers, stands in a field other than the title. Other risk
// indicators are what questions, lessons and regulators' explainers
// discuss ("Aula: por que a pseudoefedrina é controlada? … a conversão em
// metanfetamina", "Why was BMK glycidate added to Table I? The board found
// it sold online with stealth shipping").
func (ev *evaluation) indicatorBelowTitle() bool {
	for _, in := range ev.indicators {
		if in.ID == IndMessenger && in.Field != precwatch.FieldTitle {
			return true
		}
	}
	return false
}

// weHaveOffer reports whether a substance is named right after a seller's
// "we have" (weHaveBefore: "Nous avons de l'éphédrine pure", "Mamy czystą
// efedrynę", "我们有麻黄碱"): the page offers it, whatever report or request
// words its title holds ("Où acheter de l'éphédrine ?").
func (ev *evaluation) weHaveOffer() bool {
	for _, h := range ev.hits {
		if !h.negated && weHaveBefore(ev.fields[h.field].norm, int(h.s)) {
			return true
		}
	}
	return false
}

// directContact reports whether the listing gives a contact other than an
// e-mail or web address: a messenger handle, a phone number or a wallet.
func (ev *evaluation) directContact() bool { return ev.observedBeyond(precwatch.ObservableEmail) }

// contactObserved reports whether the listing gives a contact other than
// a web address: a handle, a number, an e-mail or a wallet.
func (ev *evaluation) contactObserved() bool { return ev.observedBeyond(precwatch.ObservableURL) }

// observedBeyond reports whether the listing gives an observable that is
// neither a web address nor of type also.
func (ev *evaluation) observedBeyond(also string) bool {
	for _, o := range ev.observ {
		if o.Type != precwatch.ObservableURL && o.Type != also {
			return true
		}
	}
	return false
}

// riskLine returns the explain line of a risk indicator,
// "risk indicator ID (TEXT quoted) +0.15", in one allocation when TEXT is
// what strconv.Quote leaves as it is: printable ASCII without quotes or
// backslashes, or valid UTF-8 of printable runes (printableQuoted).
func riskLine(id, text string) string {
	if !plainQuoted(text) && !printableQuoted(text) {
		return "risk indicator " + id + " (" + strconv.Quote(text) + ") +0.15"
	}
	var b strings.Builder
	b.Grow(len(id) + len(text) + 26)
	b.WriteString("risk indicator ")
	b.WriteString(id)
	b.WriteString(" (\"")
	b.WriteString(text)
	b.WriteString("\") +0.15")
	return b.String()
}

// plainQuoted reports whether text is printable ASCII without '"' or '\\'
// (strconv.Quote only adds the quotes): eight bytes at a time, then byte
// by byte.
func plainQuoted(text string) bool {
	const (
		ones = 0x0101010101010101
		high = 0x8080808080808080
	)
	i := 0
	for ; i+8 <= len(text); i += 8 {
		x := load64(text, i)
		// A byte from 0x80 on, or one of the others as a zero byte after
		// a subtraction or an exclusive or ("haszero" and "hasless" of
		// Bit Twiddling Hacks: exact as a whole-word answer).
		y7f, yq, ybs := x^(ones*0x7f), x^(ones*'"'), x^(ones*'\\')
		bad := x | (x-ones*0x20)&^x | (y7f-ones)&^y7f | (yq-ones)&^yq | (ybs-ones)&^ybs
		if bad&high != 0 {
			return false
		}
	}
	for ; i < len(text); i++ {
		if c := text[i]; c < 0x20 || c >= 0x7f || c == '"' || c == '\\' {
			return false
		}
	}
	return true
}

// printableQuoted reports whether strconv.Quote(text) is text between
// double quotes: valid UTF-8 whose runes are printable (strconv.IsPrint,
// as Quote tests them) and neither '"' nor '\\'. Quote itself re-encodes
// every rune into a growing buffer, about 4,800 instructions for an
// indicator phrase with a few non-ASCII letters.
func printableQuoted(text string) bool {
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == 0x7f || c == '"' || c == '\\' {
				return false
			}
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(text[i:])
		if r == utf8.RuneError && w == 1 || !strconv.IsPrint(r) {
			return false
		}
		i += w
	}
	return true
}

// ruleBLines are the rule (b) explain lines for 0..15 risk indicators.
var ruleBLines = func() []string {
	out := make([]string, 16)
	for i := range out {
		out[i] = fmt.Sprintf("controlled substance with %d risk indicator(s): rule (b)", i)
	}
	return out
}()

// scoreLine returns the last explain line of a listing the ticket policy
// flags: suspicious, or under the threshold. Scores are rounded to
// hundredths, so the lines for 0..1 are built once.
func (m *Matcher) scoreLine(suspicious bool, score float64) string {
	k := int(math.Round(score * 100))
	if k >= 0 && k < len(m.suspLines) && float64(k)/100 == score {
		if suspicious {
			return m.suspLines[k]
		}
		return m.lowLines[k]
	}
	if suspicious {
		return fmt.Sprintf("suspicious: score %.2f >= threshold %s", score, thresholdText(m.threshold))
	}
	return fmt.Sprintf("ticket policy met but score %.2f < threshold %s", score, thresholdText(m.threshold))
}

// thresholdText writes a threshold with two decimals, or with all it has
// when two would round it (0.705 is no "0.70", which would read
// "score 0.70 < threshold 0.70").
func thresholdText(t float64) string {
	s := strconv.FormatFloat(t, 'f', 2, 64)
	if v, _ := strconv.ParseFloat(s, 64); v == t {
		return s
	}
	return strconv.FormatFloat(t, 'f', -1, 64)
}

func quoteAll(s []string) []string {
	out := make([]string, len(s))
	for i, x := range s {
		out[i] = strconv.Quote(x)
	}
	return out
}

// substituentBefore reports whether the name at norm[s] is glued by a
// hyphen to a substituent before it: "phenyl-" or ")-", as in
// "4-phenyl-2-butanone".
func substituentBefore(norm []byte, s int) bool {
	if s < 3 || norm[s-1] != '-' {
		return false
	}
	c := norm[s-2]
	if c >= 0x80 {
		// "2-브로모-4'-메틸프로피오페논", "2-ブロモ-4'-…": a substituent in
		// another script.
		r1, w := utf8.DecodeLastRune(norm[:s-1])
		r2, _ := utf8.DecodeLastRune(norm[:s-1-w])
		return unicode.IsLetter(r1) && unicode.IsLetter(r2)
	}
	return c == ')' || c == ']' || isASCIIAlpha(c) && isASCIIAlpha(norm[s-3]) || leetSubstituent(norm, s-1)
}

// locantSubstituentBefore reports whether the name at norm[s] is glued by
// a hyphen to a substituent that has a locant of its own: "2-methyl-
// piperidine", "4-anilino-1-benzyl-piperidine", "N-methyl-piperidine"
// name other compounds, as "2-methylpiperidine" does.
func locantSubstituentBefore(norm []byte, s int) bool {
	if s < 6 || norm[s-1] != '-' {
		return false
	}
	j := s - 1
	for j > 0 && s-1-j < 24 && isASCIIAlpha(norm[j-1]) {
		j--
	}
	if s-1-j < 4 || j < 2 || norm[j-1] != '-' {
		return false
	}
	w := string(norm[j : s-1])
	ok := false
	for _, suf := range substituentEnds {
		ok = ok || strings.HasSuffix(w, suf)
	}
	if !ok {
		return false
	}
	l := norm[j-2]
	return isDigit(l) && (j < 3 || !isASCIIAlpha(norm[j-3])) || (l == 'n') && (j < 3 || !wordAt(norm, j-3))
}

// leetSubstituent reports whether the word that ends at norm[e] is a
// substituent prefix written in leetspeak that the normaliser left as it
// was ("br0m0" before "-4-methylpropiophenone", "chl0r0", "m3thyl"): a
// letter first, then letters and the digits 0, 1, 3, with a substituent
// ending once decoded.
func leetSubstituent(norm []byte, e int) bool {
	i, letters := e, 0
	for i > 0 && e-i < 16 && (isASCIIAlpha(norm[i-1]) || norm[i-1] == '0' || norm[i-1] == '1' || norm[i-1] == '3') {
		if isASCIIAlpha(norm[i-1]) {
			letters++
		}
		i--
	}
	if e-i < 4 || letters < 2 || letters == e-i || !isASCIIAlpha(norm[i]) || i > 0 && isDigit(norm[i-1]) {
		return false
	}
	var buf [16]byte
	w := append(buf[:0], norm[i:e]...)
	for k, c := range w {
		switch c {
		case '0':
			w[k] = 'o'
		case '1':
			w[k] = 'l'
		case '3':
			w[k] = 'e'
		}
	}
	for _, suf := range substituentEnds {
		if bytes.HasSuffix(w, []byte(suf)) {
			return true
		}
	}
	return false
}

// locantBefore reports whether the term at norm[s] is glued by a hyphen to
// a locant word before it: digits with primes or commas ("2-", "4'-",
// "1,2-") or a Greek-letter locant ("alpha-", "α-", "a-", "beta-", "β-"),
// as in "2-bromo ketone", the bromination product of any ketone.
func locantBefore(norm []byte, s int) bool {
	if s < 2 || norm[s-1] != '-' {
		return false
	}
	i := s - 1
	j := i
	for j > 0 && (isDigit(norm[j-1]) || norm[j-1] == '\'' || norm[j-1] == ',') {
		j--
	}
	if j < i && isDigit(norm[j]) {
		return j == 0 || !isASCIIAlpha(norm[j-1]) && !isDigit(norm[j-1])
	}
	for _, g := range [...]string{"alpha", "beta", "α", "β", "a", "b"} {
		k := i - len(g)
		if k >= 0 && string(norm[k:i]) == g && (k == 0 || !isASCIIAlpha(norm[k-1]) && !isDigit(norm[k-1]) && norm[k-1] != '-') {
			return true
		}
	}
	return false
}

// cjkSubstituents are substituent prefixes in scripts without word
// boundaries, with the Latin word that marks a substance whose own names
// hold it ("ethyl ether": エチル before エーテル is still the ether).
var cjkSubstituents = []struct{ prefix, latin string }{
	{"メチル", "methyl"}, {"메틸", "methyl"}, {"甲基", "methyl"},
	{"エチル", "ethyl"}, {"에틸", "ethyl"}, {"乙基", "ethyl"},
	{"クロロ", "chloro"}, {"클로로", "chloro"},
	{"ブロモ", "bromo"}, {"브로모", "bromo"},
	{"フルオロ", "fluoro"}, {"플루오로", "fluoro"},
	{"ヒドロキシ", "hydroxy"}, {"하이드록시", "hydroxy"}, {"羟基", "hydroxy"},
	{"メトキシ", "methoxy"}, {"메톡시", "methoxy"}, {"甲氧基", "methoxy"},
	{"ニトロ", "nitro"}, {"니트로", "nitro"}, {"硝基", "nitro"},
	// Thai (heldout71 ym0089: ฟีนิล|อะซิโตน, phenylacetone, holds acetone).
	{"เมทิล", "methyl"}, {"เอทิล", "ethyl"}, {"ฟีนิล", "phenyl"}, {"เบนซิล", "benzyl"}, {"คลอโร", "chloro"},
	{"โบรโม", "bromo"}, {"ไฮดรอกซี", "hydroxy"}, {"เมทอกซี", "methoxy"}, {"ไนโตร", "nitro"},
}

// cjkSubstituentBefore reports whether the name at norm[s], in a script
// without word boundaries, is glued to a substituent prefix that makes it
// another compound: "dl-メチルエフェドリン" (dl-methylephedrine) holds
// エフェドリン but names no ephedrine, nor "메틸에페드린". A prefix that is
// a word of the substance's own names ("ethyl ether") is none.
func (m *Matcher) cjkSubstituentBefore(norm []byte, s int, sub int32) bool {
	if s < 3 || s >= len(norm) || norm[s] < 0x80 || !isCJKStart(norm[s:]) {
		return false
	}
	for _, c := range cjkSubstituents {
		if bytes.HasSuffix(norm[:s], []byte(c.prefix)) && !m.tokens[sub][c.latin] {
			return true
		}
	}
	return false
}

// bracketSubstituentBefore reports whether the name at norm[s] is glued,
// without a space or hyphen, to a closing bracket whose content ends in a
// substituent of four letters or more ("(methylenedioxy)", "(4-methoxy)",
// "[(2-chloro)", "(dimethyl)"): a prefix that makes the name another
// compound. Stereodescriptors ("(±)", "(1R,2S)", "(dl)") are no
// substituents.
func bracketSubstituentBefore(norm []byte, s int) bool {
	if s < 6 || norm[s-1] != ')' && norm[s-1] != ']' {
		return false
	}
	j := s - 2
	letters := 0
	for j >= 0 && s-j < 40 && isASCIIAlpha(norm[j]) {
		letters++
		j--
	}
	// "(piperidin-1-yl)propan-2-one": a "-yl" after a locant.
	if letters == 2 && string(norm[j+1:s-1]) == "yl" && j >= 3 && norm[j] == '-' {
		k := j - 1
		for k >= 0 && isDigit(norm[k]) {
			k--
		}
		if k < j-1 && k >= 1 && norm[k] == '-' && isASCIIAlpha(norm[k-1]) {
			return true
		}
	}
	if letters < 4 || j < 0 {
		return false
	}
	w := string(norm[j+1 : s-1])
	for _, suf := range substituentEnds {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// invertedSubstituted reports whether the name ending at norm[e] is the
// parent of a CAS-index inverted name: a comma, then a substituent list
// that ends in a hyphen ("2-propanone, 1-phenyl-", "benzeneacetic acid,
// α-acetyl-, methyl ester") or an ester's alcohol part ("benzeneacetic acid,
// propyl ester"). Stereodescriptors ("(1r,2s)-", "[r-(r*,s*)]-") and salts
// ("sodium salt", "hydrochloride") keep the parent.
func invertedSubstituted(norm []byte, e int) bool {
	if e+3 >= len(norm) || norm[e] != ',' || norm[e+1] != ' ' {
		return false
	}
	i := e + 2
	// The first part: one token without spaces.
	j := i
	for j < len(norm) && norm[j] > ' ' && norm[j] != ',' && norm[j] != ';' && j-i < 64 {
		j++
	}
	if j-i >= 3 && norm[j-1] == '-' && substituentRun(norm[i:j-1]) {
		return true
	}
	// An acid's ester: up to three words, the last "ester" or "esters"
	// ("new BMK oil, ethyl ester" names the oil's ester, no acid).
	if e < 4 || string(norm[e-4:e]) != "acid" {
		return false
	}
	k := i
	for w := 0; w < 3 && k < len(norm); w++ {
		s := k
		for k < len(norm) && norm[k] != ' ' && norm[k] != ',' {
			k++
		}
		word := string(norm[s:k])
		if word == "ester" || word == "esters" {
			return w > 0
		}
		if k >= len(norm) || norm[k] != ' ' {
			return false
		}
		k++
	}
	return false
}

// substituentRun reports whether tok holds a substituent word: a run of
// three letters or more ending in -yl, -oxy or -o ("phenyl", "acetyl",
// "phenylamino", "chloro", "oxo"), not the stereodescriptors threo and
// erythro.
func substituentRun(tok []byte) bool {
	for i := 0; i < len(tok); {
		if !isASCIIAlpha(tok[i]) {
			i++
			continue
		}
		j := i
		for j < len(tok) && isASCIIAlpha(tok[j]) {
			j++
		}
		w := string(tok[i:j])
		if j-i >= 3 && w != "threo" && w != "erythro" && (strings.HasSuffix(w, "yl") || strings.HasSuffix(w, "o") || strings.HasSuffix(w, "oxy")) {
			return true
		}
		i = j
	}
	return false
}

// protectingGroups are the protecting groups of a building block's name,
// written as abbreviations with a hyphen before the parent's name
// ("4-Amino-1-Boc-piperidine", "N-Cbz-piperidine", heldout39 zh0176).
var protectingGroups = map[string]bool{"boc": true, "cbz": true, "fmoc": true, "tos": true, "ts": true, "pmb": true, "tbs": true,
	"tbdms": true, "alloc": true, "troc": true, "teoc": true, "bn": true, "bz": true, "trt": true}

// protectingGroupBefore reports whether the name at norm[s] is glued by a
// hyphen to a protecting group ("Boc-piperidine", "1-Boc-piperidine"): the
// protected compound, not the parent. A substituent ending in -yl or -oxy
// is locantSubstituentBefore's.
func protectingGroupBefore(norm []byte, s int) bool {
	if s < 3 || norm[s-1] != '-' {
		return false
	}
	j := s - 1
	for j > 0 && s-1-j < 6 && isASCIIAlpha(norm[j-1]) {
		j--
	}
	if j > 0 && (isASCIIAlpha(norm[j-1]) || norm[j-1] >= 0x80) {
		return false
	}
	return protectingGroups[string(norm[j:s-1])]
}

// classNouns name a class of compounds after a parent's name ("Piperidine
// building blocks", "piperidine derivatives", "a piperidine ring",
// heldout39 zh0091): the heading of other compounds, not the parent.
var classNouns = [][]byte{[]byte("building blocks"), []byte("derivatives"), []byte("derivative"), []byte("analogues"),
	[]byte("analogs"), []byte("analogue"), []byte("analog"), []byte("scaffolds"), []byte("scaffold"), []byte("ring"),
	[]byte("rings"), []byte("moiety"), []byte("moieties"), []byte("alkaloids")}

// classNounStart holds the first bytes of classNouns.
var classNounStart = func() (t [256]bool) {
	for _, w := range classNouns {
		t[w[0]] = true
	}
	return t
}()

// classNounAfter reports whether a class noun follows the name ending at
// norm[e] after one space or hyphen ("piperidine-derivatives"). "-based"
// is no class: "acetone-based remover" holds acetone.
func classNounAfter(norm []byte, e int) bool {
	if e+4 >= len(norm) || norm[e] != ' ' && norm[e] != '-' {
		return false
	}
	rest := norm[e+1:]
	// Most names are followed by a word no class noun starts with: one
	// byte test, not fourteen prefix comparisons.
	if !classNounStart[rest[0]] {
		return false
	}
	for _, w := range classNouns {
		if rest[0] == w[0] && bytes.HasPrefix(rest, w) && !wordAt(rest, len(w)) {
			return true
		}
	}
	return false
}

// substituentEnds are the endings of substituent prefixes: alkyl and aryl
// groups (-yl), alkoxy and dioxy groups (-oxy) and halo, nitro, amino
// groups (-o).
var substituentEnds = []string{"yl", "oxy", "ro", "mo", "do", "no", "lo"}

// locantAfter reports whether the name ending at norm[e] is glued by a
// hyphen to a locant and a further name part: "piperidin-4-yl",
// "piperidine-1-carboxylate", "toluene-2,4-diisocyanate" name other
// compounds.
func locantAfter(norm []byte, e int) bool {
	if e+3 >= len(norm) || norm[e] != '-' || !isDigit(norm[e+1]) {
		return false
	}
	i := e + 1
	for i < len(norm) && (isDigit(norm[i]) || norm[i] == ',') {
		i++
	}
	if i+1 >= len(norm) || norm[i] != '-' {
		return false
	}
	if isASCIIAlpha(norm[i+1]) {
		return true
	}
	// "피페리딘-1-카복실레이트", "пиперидин-1-карбоксилат": the further name
	// part in another script.
	r, _ := utf8.DecodeRune(norm[i+1:])
	return norm[i+1] >= 0x80 && unicode.IsLetter(r)
}

// ylWordBefore reports whether the name at norm[s] follows, after one
// space, a substituent word of five letters or more ending in -yl
// ("piperonyl acetone", "heliotropyl acetone", "benzyl methylamine"): the
// substituted compound's common name, not the parent.
func ylWordBefore(norm []byte, s int) bool {
	if s < 7 || norm[s-1] != ' ' || norm[s-2] != 'l' || norm[s-3] != 'y' || !isASCIIAlpha(norm[s]) {
		return false
	}
	j := s - 3
	for j > 0 && isASCIIAlpha(norm[j-1]) {
		j--
	}
	return s-1-j >= 5 && (j == 0 || norm[j-1] < 0x80 && !isDigit(norm[j-1]) && norm[j-1] != '-')
}

// bracketedPrefix reports whether the name at norm[s:e], with the ending
// the stem rule lets it take, is a substituent prefix inside a systematic
// name: opened by "(", "[" or "-", ending in -o and closed by ")", "]" or
// "-" ("2-(метиламіно)-1-фенілпропан-1-ол" holds метиламін, methylamine,
// as "2-(methylamino)" holds no methylamine).
func bracketedPrefix(norm []byte, s, e int) bool {
	if s < 1 || norm[s-1] != '(' && norm[s-1] != '[' && norm[s-1] != '-' {
		return false
	}
	k := e
	for k < len(norm) && k-e < 8 {
		r, w := utf8.DecodeRune(norm[k:])
		if !unicode.IsLetter(r) {
			break
		}
		k += w
	}
	// Only a name that took the -o as an ending: "(ácido clorhídrico)"
	// is the acid itself in brackets.
	if k == e || k >= len(norm) || norm[k] != ')' && norm[k] != ']' && norm[k] != '-' || bytes.IndexByte(norm[s:e], ' ') >= 0 {
		return false
	}
	r, _ := utf8.DecodeLastRune(norm[:k])
	return r == 'o' || r == 'о'
}

// cjkLocantBefore reports whether the name at norm[s], in a script without
// word boundaries, is glued to a locant that is itself glued to a longer
// name before it: "1-(1,3-苯并二氧戊环-5-基)-2-丙酮" ends in 丙酮 (acetone)
// but names PMK, as "1-phenyl-2-propanone" names no acetone.
func cjkLocantBefore(norm []byte, s int) bool {
	if s < 3 || s >= len(norm) || norm[s] < 0x80 || norm[s-1] != '-' {
		return false
	}
	j := s - 1
	for j > 0 && (isDigit(norm[j-1]) || norm[j-1] == ',' || norm[j-1] == '\'') {
		j--
	}
	if j == s-1 || j < 1 || !isDigit(norm[j]) {
		return false
	}
	c := norm[j-1]
	if c == '-' || c == ')' || c == ']' {
		return true
	}
	if c < 0x80 {
		return false
	}
	r, _ := utf8.DecodeLastRune(norm[:j])
	return unicode.IsLetter(r)
}

// excludedStereo are stereodescriptors that, glued before a name of the
// substance that covers every stereoisomer, name the one isomer its
// control leaves out: (1S,2S)-2-amino-1-phenylpropan-1-ol is cathine
// ((+)-norpseudoephedrine), a 1971-Convention psychotropic excluded from
// norephedrine's Table I entry (EU Category 1: "stereoisomeric forms …
// not being cathine").
var excludedStereo = map[string][]string{"norephedrine": {"(1s,2s)-", "(s,s)-", "(+)-(1s,2s)-", "(1s,2s)-(+)-", "(+)-threo-", "d-threo-"}}

// excludedStereoBefore reports whether one of substance id's excluded
// stereodescriptors ends at norm[s].
func excludedStereoBefore(norm []byte, s int, id string) bool {
	for _, d := range excludedStereo[id] {
		if bytes.HasSuffix(norm[:s], []byte(d)) {
			return true
		}
	}
	return false
}

// ringSubstituted are Table I substances whose name is a bare ring: a
// substituent glued to it ("1-methyl-4-piperidone", "N-benzyl-4-piperidone",
// "1-метил-4-пиперидон", "4-oxopiperidine-1-carboxylate") names another,
// unlisted compound. The watched N-substituted ones (NPP, 1-boc-4-piperidone)
// are entries of their own whose longer names hold the ring's name.
var ringSubstituted = map[string]bool{"4-piperidone": true}

// substitutable reports whether a locant name of substance sub that is
// glued to a substituent names another compound: Table II substances and
// reagents (not Table I substances or immediate precursors).
func (m *Matcher) substitutable(sub int32) bool {
	s := m.subs[sub]
	return s.List == precwatch.ListTableII || s.List == precwatch.ListSurveillance && !s.Immediate
}

// quantityNextTo reports whether an amount of mass or volume stands right
// before or after the term at norm[s:e] ("1 L of P2P", "500 g BMK", "MEK
// 20 l"): an amount of a thing is chemical context for an abbreviation.
// Milligrams are a dose and do not count.
// productCodeAfter reports whether a term ending at norm[e] is joined by a
// hyphen to a number of two to six digits, perhaps with letters glued
// after it, that is no quantity, purity or CAS number: a product or model
// code ("MEK-002", "BMK-200", "PMK-800", "BMK-2000X"; not "PMK-500g",
// "PMK-500 ml", "MEK-99.5%").
func (m *Matcher) productCodeAfter(norm []byte, e int) bool {
	if e >= len(norm) || norm[e] != '-' {
		return false
	}
	i := e + 1
	j := i
	for j < len(norm) && isDigit(norm[j]) {
		j++
	}
	if j-i < 2 || j-i > 6 {
		return false
	}
	if j < len(norm) {
		c := norm[j]
		if c == '%' || c >= 0x80 || (c == '.' || c == ',' || c == '-') && j+1 < len(norm) && isDigit(norm[j+1]) {
			return false
		}
	}
	k := j
	if k < len(norm) && norm[k] == ' ' {
		k++
	}
	u := k
	for u < len(norm) && isASCIIAlpha(norm[u]) {
		u++
	}
	w := string(norm[k:u])
	return u == k || !(quantityUnits[w] || m.unitLimit[w] > 0)
}

// cjkUnitAt reports whether a unit written in CJK characters ("斤",
// "公斤", "毫升") starts at norm[j]: the first one to four characters there
// are one for which isUnit holds.
func cjkUnitAt(norm []byte, j int, isUnit func(string) bool) bool {
	if j >= len(norm) || norm[j] < 0x80 {
		return false
	}
	e := j
	for n := 0; n < 4 && e < len(norm); n++ {
		r, w := utf8.DecodeRune(norm[e:])
		if !isCJK(r) {
			return false
		}
		e += w
		if isUnit(string(norm[j:e])) {
			return true
		}
	}
	return false
}

func (m *Matcher) quantityNextTo(norm []byte, s, e int) bool {
	isUnit := func(u string) bool { return quantityUnits[u] || m.unitLimit[u] > 0 }
	// After: " 20 l", " 20l", ", 1 kg".
	i := e
	for i < len(norm) && i-e < 2 && (norm[i] == ' ' || norm[i] == ',') {
		i++
	}
	// A CJK name takes its number unspaced ("甲苯500斤").
	if i < len(norm) && isDigit(norm[i]) && (i > e || e > 0 && norm[e-1] >= 0x80) {
		_, j := parseQuantity(norm, i)
		if j < len(norm) && norm[j] == ' ' {
			j++
		}
		if cjkUnitAt(norm, j, isUnit) {
			return true
		}
		k := j
		for k < len(norm) && isASCIIAlpha(norm[k]) {
			k++
		}
		if k > j && !wordAt(norm, k) && isUnit(string(norm[j:k])) && !perAfter(norm, k) {
			return true
		}
	}
	// Before: "1 l of ", "500 g ", "2 kg ".
	i = s
	if i > 0 && norm[i-1] == ' ' {
		i--
	}
	if i >= 3 && string(norm[i-3:i]) == " of" {
		i -= 3
	}
	k := i
	for k > 0 && isASCIIAlpha(norm[k-1]) && i-k < 12 {
		k--
	}
	if k == i || !isUnit(string(norm[k:i])) {
		return false
	}
	if k > 0 && norm[k-1] == ' ' {
		k--
	}
	return k > 0 && isDigit(norm[k-1])
}

// footerSpan is a copyright footer line of the portal in a field's
// original text.
type footerSpan struct {
	field  string
	lo, hi int
}

// copyrightMarks mark a page's copyright footer line.
var copyrightMarks = []string{"©", "(c) 20", "all rights reserved", "alle rechte vorbehalten", "tous droits réservés",
	"todos los derechos reservados", "tutti i diritti riservati", "todos os direitos reservados", "все права защищены",
	"版权所有", "著作権", "저작권"}

// siteFooters returns the copyright footer lines of the listing's portal:
// a line of the description that carries a copyright mark and the
// platform's name ("GlobalChemSource © 2026 · Customer service (site)
// WhatsApp +44 … · Terms · Privacy"), when the platform is not the seller.
// What such a line gives (the portal's help-desk messenger) is the site's,
// the same on every listing, and no contact of the seller; a shop that is
// its own seller, or a page that names no seller (a shop's own site saved
// as a document), keeps its footer contact.
func siteFooters(l *precwatch.Listing, fields []field) []footerSpan {
	plat := strings.ToLower(strings.TrimSpace(l.Platform))
	seller := strings.ToLower(strings.TrimSpace(l.Seller))
	if len(plat) < 3 || seller == "" || strings.Contains(seller, plat) || strings.Contains(plat, seller) {
		return nil
	}
	var out []footerSpan
	for i := range fields {
		f := &fields[i]
		if f.name != precwatch.FieldDescription {
			continue
		}
		lo := 0
		for lo < len(f.orig) {
			hi := strings.IndexByte(f.orig[lo:], '\n')
			if hi < 0 {
				hi = len(f.orig)
			} else {
				hi += lo
			}
			line := strings.ToLower(f.orig[lo:hi])
			if strings.Contains(line, plat) {
				for _, mk := range copyrightMarks {
					if strings.Contains(line, mk) {
						out = append(out, footerSpan{field: f.name, lo: lo, hi: hi})
						break
					}
				}
			}
			lo = hi + 1
		}
	}
	return out
}

// inFooter reports whether the normalised span s..e of f lies in a footer
// line.
func inFooter(footers []footerSpan, f *field, s, e int32) bool {
	os, oe := f.origRange(s, e)
	for _, ft := range footers {
		if ft.field == f.name && os >= ft.lo && oe <= ft.hi {
			return true
		}
	}
	return false
}

// footerOnly reports whether observable o of field name is given only in
// the portal's footer lines: the field's text with them blanked out does
// not give it.
func footerOnly(m *Matcher, footers []footerSpan, fields []field, name string, o precwatch.Observable) bool {
	for i := range fields {
		f := &fields[i]
		if f.name != name {
			continue
		}
		b := []byte(f.orig)
		found := false
		for _, ft := range footers {
			if ft.field == name {
				found = true
				for k := ft.lo; k < ft.hi; k++ {
					b[k] = ' '
				}
			}
		}
		if !found {
			return false
		}
		var buf []byte
		for _, p := range appendObservables(nil, string(b), m.namesMessenger(f), &buf) {
			if p.Type == o.Type && p.Value == o.Value {
				return false
			}
		}
		return true
	}
	return false
}

// useSuffixAfter reports whether a Chinese or Japanese report word ends
// right before 用 ("for … use"): 研究用試薬, 研究用试剂 label a reagent "for
// research use", a product, not a research text (heldout32 za0094).
func useSuffixAfter(b []byte, e int) bool {
	return e > 0 && b[e-1] >= 0x80 && bytes.HasPrefix(b[e:], []byte("用"))
}

// acronymFunctionWords are the short words an abbreviation's initials
// may skip ("Research and Development (R&D)", "penyakit mulut dan kuku
// (PMK)", "Ministerium für Klimaschutz"): articles, "and", "of", "for".
var acronymFunctionWords = map[string]bool{"and": true, "of": true, "the": true, "for": true, "dan": true, "und": true,
	"fur": true, "der": true, "die": true, "das": true, "des": true, "et": true, "de": true, "du": true, "la": true, "le": true,
	"les": true, "y": true, "e": true, "i": true, "del": true, "di": true, "da": true, "do": true, "van": true, "het": true,
	"и": true, "та": true, "і": true, "ve": true, "va": true}

// initialsSpell reports whether the initials of the words of w (split at
// spaces and hyphens) spell letters, each word giving one letter in order,
// where a word of acronymFunctionWords may also give none.
func initialsSpell(w, letters []byte) bool {
	var buf [12][]byte
	words := buf[:0]
	for i := 0; i < len(w); {
		for i < len(w) && (w[i] == ' ' || w[i] == '-') {
			i++
		}
		j := i
		for j < len(w) && w[j] != ' ' && w[j] != '-' {
			j++
		}
		if j > i {
			if len(words) == len(buf) {
				return false
			}
			words = append(words, w[i:j])
		}
		i = j
	}
	return len(words) > 0 && spellFrom(words, letters, true)
}

// spellFrom reports whether words spell letters as initialsSpell does;
// first marks the first word, which a function word may not skip.
func spellFrom(words [][]byte, letters []byte, first bool) bool {
	if len(words) == 0 {
		return len(letters) == 0
	}
	if len(letters) > 0 && words[0][0] == letters[0] && spellFrom(words[1:], letters[1:], false) {
		return true
	}
	return !first && acronymFunctionWords[string(words[0])] && spellFrom(words[1:], letters, false)
}

// gluedSpelling reports whether one glued word w (lower-case ASCII
// letters) spells an abbreviation's letters: it starts with the first,
// holds the others in order after it, and is at least four letters longer
// than the abbreviation ("methylmethacrylat" spells "mma").
func gluedSpelling(w, letters []byte) bool {
	if len(letters) < 2 || len(w) < len(letters)+4 || w[0] != letters[0] {
		return false
	}
	n := 1
	for _, c := range w[1:] {
		if c < 'a' || c > 'z' {
			return false
		}
		if n < len(letters) && c == letters[n] {
			n++
		}
	}
	return n == len(letters)
}

// nearSpelling reports whether words a and b, both eight letters or
// longer, agree but for their last three letters at most
// ("benzylmethylketone", "benzylmethylketon").
func nearSpelling(a, b string) bool {
	if len(a) < 8 || len(b) < 8 {
		return false
	}
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n >= max(len(a), len(b))-3
}

// phenylephrineStems are phenylephrine as labels write it, normalised: the
// decongestant that replaced pseudoephedrine in many cold medicines.
var phenylephrineStems = [][]byte{[]byte("phenylephrin"), []byte("fenilefrin"), []byte("fenylefrin"), []byte("phenylefrin"),
	[]byte("фенилэфрин"), []byte("фенілефрин"), []byte("去氧肾上腺素"), []byte("苯肾上腺素"), []byte("フェニレフリン"), []byte("페닐에프린")}

// namesPhenylephrine reports whether a field of the listing names
// phenylephrine. Only a medicine brand named alone asks, so the scan is rare.
func (ev *evaluation) namesPhenylephrine() bool {
	for i := range ev.fields {
		for _, st := range phenylephrineStems {
			if bytes.Contains(ev.fields[i].norm, st) {
				return true
			}
		}
	}
	return false
}

// brandNamed reports whether a medicine brand of substance sub is among the
// listing's unnegated mentions.
func (ev *evaluation) brandNamed(sub int32) bool {
	for _, h := range ev.hits {
		if h.sub == sub && h.kind == HitMedicine && !h.negated {
			return true
		}
	}
	return false
}

// bundleWords say that a quantity of something comes with the product
// ("Bonus: 100 g phenylacetic acid included", "реактивы: сафрол 500 мл в
// комплекте"; heldout85 xy0048, xy0049; unverified beyond en/ru).
var bundleWords = [][]byte{[]byte("included"), []byte("includes"), []byte("bonus"), []byte("в комплекте"),
	[]byte("в наборе"), []byte("incluido"), []byte("incluida"), []byte("incluye"), []byte("inklusive"),
	[]byte("enthalten"), []byte("inclus"), []byte("incluso"), []byte("inclusa"), []byte("dahil"), []byte("w zestawie")}

// bundledSubstance reports whether a field gives a substance itself, with
// its quantity, as part of the product ("DVD … Bonus: 100 g phenylacetic
// acid included"): a book, DVD or kit that comes with the chemical offers
// the chemical. It runs only for a listing with a not-substance noun.
func (m *Matcher) bundledSubstance(fields []field, hits []subHit) bool {
	for _, h := range hits {
		if h.negated || int(h.field) >= len(fields) {
			continue
		}
		f := &fields[h.field]
		if !f.offerField || !m.quantityBeside(f.norm, int(h.s), int(h.e)) {
			continue
		}
		for _, w := range bundleWords {
			if bytes.Contains(f.norm, w) {
				return true
			}
		}
	}
	return false
}

// quantityBeside is quantityNextTo, with a unit in any script after the
// name ("сафрол 500 мл").
func (m *Matcher) quantityBeside(norm []byte, s, e int) bool {
	if m.quantityNextTo(norm, s, e) {
		return true
	}
	i := e
	for i < len(norm) && i-e < 2 && (norm[i] == ' ' || norm[i] == ',') {
		i++
	}
	if i == e || i >= len(norm) || !isDigit(norm[i]) {
		return false
	}
	_, j := parseQuantity(norm, i)
	if j < len(norm) && norm[j] == ' ' {
		j++
	}
	k := j
	for k < len(norm) && norm[k] != ' ' && norm[k] != '.' && norm[k] != ',' && norm[k] != ')' {
		k++
	}
	return k > j && quantityUnits[string(norm[j:k])]
}
