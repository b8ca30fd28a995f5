package matchers

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/precwatch/precwatch"
)

// Options configure a Matcher.
type Options struct {
	// Threshold is the score at which a listing that the ticket policy
	// flags becomes suspicious; 0 means the default 0.5.
	Threshold float64
}

// DefaultThreshold is the default score threshold.
const DefaultThreshold = 0.5

// Hit kinds beyond the root package's.
const (
	HitStreetName = "street-name"
	HitMedicine   = "medicine"
)

// Indicator ids. The first seven are the risk indicators of the ticket
// policy; designer-precursor and bulk-quantity describe the offer and do not
// count as risk indicators for rule (b).
const (
	IndStealth    = "stealth-packaging"
	IndCustoms    = "customs-evasion"
	IndMessenger  = "messenger-contact"
	IndCrypto     = "crypto-payment"
	IndNoPaper    = "no-paperwork"
	IndMislabel   = "mislabelling"
	IndSynthesis  = "synthesis-hint"
	IndDesigner   = "designer-precursor"
	IndBulk       = "bulk-quantity"
	indLicensedID = "licensed-seller"
)

// kind bits of a pattern.
const (
	kSubstance uint64 = 1 << iota
	kIndicator
	kChemCtx
	kChemForm
	kDosage
	kBulk
	kLicensed
	kNotSubstance
	kNonOffer
	kOffer
	kExclusion
	kNegBefore
	kNegImmediate
	kNegAfter
	kAfterBlock
	kAmbContext
	kAmbBlock
	kIndBlock
	kIndBlockBefore
	kOfferWeak
	kPaperNoun
	kPaperBefore
	kPaperAfter
	kCompBefore
	kCompAfter
	kCompProcess
	kFiat
	kWanted
	kIndUnavail
	kWantedAfter
	kIndNegBefore
	kIndNegImmediate
	kFrameFirst
	kFrameSecond
	kIndNegAfter
	kCompList
	kPackNoun
	kPackBefore
	kPackAfter
	kIndWarn
	kIndWarnAfter
	kAuthority
	kIndShare
	kIndBlockNear
	kWantedAsk
	kService
	kGoods
	kMedia
	kDocument
	kNegHead
	// Destinations (destination.go): a gazetteer name, a domestic cue
	// before or after one, and a delivery guarantee that needs one.
	kDestination
	kDomestic
	kDomesticAfter
	kIndDest
	kMention
	kOrigin
)

// termRef ties a pattern to a substance term.
type termRef struct {
	sub      int32
	kind     string // hit kind
	term     string // the term as written in the watchlist
	amb      int16  // index into Substance.Ambiguous, -1 if unambiguous; -2 ambiguous by shape
	medicine bool
	ambLine  string // explain line when the term is dropped for want of context
}

// ambRef ties a context or block word to an ambiguous term.
type ambRef struct {
	sub int32
	amb int16
}

type pattern struct {
	text  string
	kinds uint64
	// noJoin: a name with a letter dropped (droppedLetterVariants), left
	// out of the n-grams that let the separator rescan join a cut.
	noJoin     bool
	indicators []int16
	refs       []termRef
	startB     bool
	endB       bool
	suffix     int8 // when > 0: up to suffix more letters may follow (inflection)
	digitOK    bool // a context word may follow a digit ("120mg")
	// The slices that few patterns fill (about 5,800 of 40,000) sit behind
	// a pointer and are read as promoted fields: every pattern has its own
	// while New builds them; pack points the patterns whose slices are all
	// empty at one shared empty patExtra. Nothing may write them after pack.
	*patExtra
}

// patExtra holds the rarely filled slices of a pattern.
type patExtra struct {
	ambRefs     []ambRef // ambiguous terms this is a context word of
	ambBlocks   []ambRef // ambiguous terms this is a block word of
	blockAfter  []int16  // indicators this pattern blocks when right after their term
	blockBefore []int16  // indicators this pattern blocks when shortly before their term (^ii: in the same sentence)
	blockNear   []int16  // indicators this pattern blocks when later in their term's sentence
	frameFirst  []int16  // indicator frames this pattern opens
	frameSecond []int16  // indicator frames this pattern closes
	// tail: a glued term's first part, which ends the word before the
	// pattern's text ("kent" of "*ként deklarálva" in "tisztítószerként
	// deklarálva"). The automaton is anchored at word starts (automaton.go),
	// so a glued part that begins with an ASCII letter is checked here.
	tail string
}

// empty reports whether every slice of x is empty.
func (x *patExtra) empty() bool {
	return len(x.ambRefs)+len(x.ambBlocks)+len(x.blockAfter)+len(x.blockBefore)+len(x.blockNear)+len(x.frameFirst)+len(x.frameSecond) == 0 && x.tail == ""
}

// frameDef is an indicator said in two parts (lexicon indicator_frames).
type frameDef struct {
	ii     int16 // the indicator
	within int32 // the most bytes between the end of the first part and the second
	// negated: a negation cue closes the frame too (lexicon Negated).
	negated bool
	// substance: a substance mention closes the frame too (lexicon Substance).
	substance bool
	// quoted, handle: a quoted name or a bare @handle after the first
	// part closes the frame (lexicon Quoted, Handle).
	quoted, handle bool
	// number: a phone number closes a handle frame too (lexicon Number).
	number bool
	// bare: a lone word ending its clause closes the frame, unless it is
	// one of stop (lexicon Bare, Stop).
	bare bool
	stop map[string]bool
	// own: the frame pairs only its own first and second parts (lexicon
	// Own); clause: they stand in one clause (lexicon Clause).
	own, clause bool
}

// plain reports whether the frame's first part pairs with words only (no
// substance, quote or handle closes it): the first parts of plain frames
// of one indicator pair with the second parts of any of them.
func (d frameDef) plain() bool { return !d.substance && !d.quoted && !d.handle && !d.bare && !d.own }

// patInfo is the part of a pattern that filtering raw hits reads, kept
// small so that the table stays in cache.
type patInfo struct {
	kinds                 uint64
	plen                  int32
	startB, endB, digitOK bool
	glued                 bool // the pattern has a tail (patExtra.tail)
	suffix                int8
	// glueDigit: a digit right after the term ends it ("Potassium
	// permanganate99%", "toluene200l"), for unambiguous names of seven
	// letters or more (not "MEK1", "PSE2").
	glueDigit bool
	// keys: keyCAS when the pattern is a CAS keyword (casKeywords),
	// keySession when it is "session" (appendSessionIDs' gate).
	keys uint8
	// numStart: the term starts with a digit ("0%", "100% customs
	// pass"): a number glued before it makes it the tail of that number.
	numStart bool
	// newStreet: Matcher.newStreet of the pattern, here where filterHits
	// already reads.
	newStreet bool
}

// Matcher finds watchlist substances, risk indicators and observables in
// listings and scores them. It is immutable once built and safe for
// concurrent use; Match is deterministic.
type Matcher struct {
	subs  []*Substance
	pats  []pattern
	pinfo []patInfo // compact copy of what scanning needs per pattern
	// newStreet marks street-name patterns that begin with "new " ("new
	// PMK"): before "precursor" the adjective belongs to that noun.
	newStreet []bool
	// unitWord marks patterns that are units of quantity (quantityUnits
	// or a bulk unit), looked up per hit without hashing the text.
	unitWord []bool
	// joinTri holds every trigram of ASCII lower-case letters in a
	// substance term: a separator between letters whose two trigrams
	// across it are not both here cuts no name, and is not rescanned
	// (appendJoinedSep).
	joinTri [(26*26*26 + 63) / 64]uint64
	// streetAmb is, per pattern, the ambiguous abbreviation a street
	// name holds as a word ("new PMK" holds PMK), whose block words
	// then block the street name too; sub -1 for none.
	streetAmb []ambRef
	// joinQuad holds every 4-gram of ASCII lower-case letters in a
	// substance term, for a cut with two letters on each side.
	joinQuad []uint64
	// symTri holds every trigram of ASCII lower-case letters in a
	// substance or indicator term of five bytes or more: a symbol read as
	// a letter ("@user" as "auser") whose trigram is not here makes no
	// term, and its window is not rescanned (appendSymbolHits).
	symTri     [(26*26*26 + 63) / 64]uint64
	ac         *automaton
	casIndex   map[string]casRef
	tokens     []map[string]bool // per substance: the words of its terms
	threshold  float64
	indicators []indicatorDef
	connectors map[string]bool
	fillers    map[string]bool
	tradeVerbs map[string]bool    // verbs coordinated after a "we do not sell" cue
	unitLimit  map[string]float64 // normalised unit → bulk from this amount
	noPaper    int16              // index of the no-paperwork indicator, -1 if none
	crypto     int16              // index of the crypto-payment indicator, -1 if none
	messenger  int16              // index of the messenger-contact indicator, -1 if none
	stealth    int16              // index of the stealth-packaging indicator, -1 if none
	onlyWords  [][]byte           // normalised "only" cues of a crypto payment
	indNegExc  [][]byte           // normalised words that undo an indicator's negation ("hesitate")
	frames     []frameDef         // indicators said in two parts
	lines      []subLines         // per substance: its explain lines
	suspLines  []string           // per score in hundredths: the "suspicious" line
	lowLines   []string           // per score in hundredths: the "under the threshold" line
	pool       sync.Pool

	// unitLens holds, per first byte, bit n for each unitLimit key of n
	// bytes (n < 64) that starts with it (bulkUnitLimit's filter).
	unitLens [256]uint64

	// abbrOwner: the substance of each normalised abbreviation;
	// derivStreet: per street name of a derivative, the abbreviation of
	// its parent it holds (siblingNamed).
	abbrOwner   map[string]int32
	derivStreet map[string]string
	// tokenStems: per substance, the words of its terms without an
	// inflectional ending (inflectionStems).
	tokenStems []map[string]bool

	// destOf: per gazetteer pattern, its destinations (destinations.yaml
	// ids by index); destTerms: per destination-term pattern, the
	// indicators it is a delivery guarantee of (destination.go).
	destOf    map[int32][]int16
	destTerms map[int32][]int16
	// destLoose: destination-term patterns whose place may stand in the
	// clause before them ("Door to door to Mexico, customs cleared by
	// us"); originAfter: normalised origin endings (destination.go).
	destLoose   map[int32]bool
	originAfter [][]byte
	destRegion  []bool // per destination: a region, nobody's home

	// frameBlocks: per indicator, the normalised block words of its frames,
	// indexed by first byte (see blockWords).
	frameBlocks map[int16]*blockWords
}

// blockWords are block words sorted, each once: the words that start with
// byte c are words[start[c]:start[c+1]]. frameBlocked walks its window once
// and tries at each byte only the words that start with it, in place of a
// search of the window for every word (the customs frame has some fifty).
//
// Where two bytes c0, c1 follow, only the words that start with both can
// occur: pairs is a filter of the words' first two bytes (bit pairBit(c0,
// c1)), and keys holds the distinct first two bytes (c0<<8 | c1) of the
// words of two bytes or more, in order, those of first byte c0 at
// keys[kstart[c0]:kstart[c0+1]], the words of keys[k] at
// words[kwords[k][0]:kwords[k][1]]. A first byte that is a word by itself
// is one[c0]: its words are all tried.
type blockWords struct {
	words  [][]byte
	start  [257]uint16
	pairs  [64]uint64
	one    [256]bool
	keys   []uint16
	kwords [][2]uint16
	kstart [257]uint16
}

// pairBit is the bit of blockWords.pairs for the bytes c0, c1.
func pairBit(c0, c1 byte) uint { return (uint(c0)<<4 ^ uint(c1)) & 4095 }

// startWords returns the words that may start at text[i:] (i < len(text)):
// those that start with its first two bytes, or, at its last byte or where
// a one-byte word starts, every word that starts with its first byte.
func (b *blockWords) startWords(text []byte, i int) [][]byte {
	c0 := text[i]
	if i+1 >= len(text) || b.one[c0] {
		return b.words[b.start[c0]:b.start[int(c0)+1]]
	}
	c1 := text[i+1]
	if h := pairBit(c0, c1); b.pairs[h>>6]&(1<<(h&63)) == 0 {
		return nil
	}
	k := uint16(c0)<<8 | uint16(c1)
	for j := b.kstart[c0]; j < b.kstart[int(c0)+1]; j++ {
		if b.keys[j] == k {
			r := b.kwords[j]
			return b.words[r[0]:r[1]]
		}
	}
	return nil
}

// newBlockWords indexes ws; empty words are dropped (they block nothing:
// no frame has one), and so are repeated ones.
func newBlockWords(ws [][]byte) *blockWords {
	b := &blockWords{}
	for _, w := range ws {
		if len(w) > 0 {
			b.words = append(b.words, w)
		}
	}
	slices.SortFunc(b.words, bytes.Compare)
	b.words = slices.CompactFunc(b.words, bytes.Equal)
	for i, w := range b.words {
		if len(w) == 1 {
			b.one[w[0]] = true
			continue
		}
		h := pairBit(w[0], w[1])
		b.pairs[h>>6] |= 1 << (h & 63)
		k := uint16(w[0])<<8 | uint16(w[1])
		if n := len(b.keys); n > 0 && b.keys[n-1] == k {
			b.kwords[n-1][1] = uint16(i + 1)
			continue
		}
		b.keys = append(b.keys, k)
		b.kwords = append(b.kwords, [2]uint16{uint16(i), uint16(i + 1)})
	}
	i, j := 0, 0
	for c := 0; c <= 256; c++ {
		for i < len(b.words) && int(b.words[i][0]) < c {
			i++
		}
		for j < len(b.keys) && int(b.keys[j]>>8) < c {
			j++
		}
		b.start[c], b.kstart[c] = uint16(i), uint16(j)
	}
	return b
}

type casRef struct {
	sub     int32
	related bool
}

type indicatorDef struct{ id, label string }

// New compiles the watchlist and the built-in context vocabulary into one
// automaton.
func New(w *Watchlist, opts Options) (*Matcher, error) {
	if w == nil {
		w = NewWatchlist()
	}
	if !(opts.Threshold >= 0 && opts.Threshold <= 1) { // NaN too
		return nil, fmt.Errorf("threshold %v: want 0..1", opts.Threshold)
	}
	lex, err := loadLexicon()
	if err != nil {
		return nil, err
	}
	runePropOnce.Do(initRuneProps)
	m := &Matcher{subs: w.Substances(), casIndex: map[string]casRef{}, threshold: opts.Threshold,
		connectors: map[string]bool{}, fillers: map[string]bool{}, tradeVerbs: map[string]bool{}, unitLimit: map[string]float64{}, noPaper: -1, crypto: -1, messenger: -1, stealth: -1}
	if m.threshold == 0 {
		m.threshold = DefaultThreshold
	}
	b := &patBuilder{index: map[string]int{}}
	for si, s := range m.subs {
		if s.CAS != "" {
			m.casIndex[s.CAS] = casRef{sub: int32(si)}
		}
		for _, r := range s.Related {
			if _, ok := m.casIndex[r.CAS]; !ok {
				m.casIndex[r.CAS] = casRef{sub: int32(si), related: true}
			}
		}
		ambTerms := map[string]int16{}
		for ai, a := range s.Ambiguous {
			for _, v := range termVariants(a.Term) {
				ambTerms[v] = int16(ai)
			}
		}
		add := func(terms []string, kind string, medicine bool) {
			for _, t := range terms {
				for _, part := range splitTerm(t) {
					for _, v := range termVariants(part) {
						amb, ok := ambTerms[v]
						if !ok {
							amb = -1
							if kind == precwatch.HitAbbreviation && shortAbbrev(v) {
								amb = -2
							}
						}
						b.add(v, kSubstance).refs = append(b.pat(v).refs,
							termRef{sub: int32(si), kind: kind, term: part, amb: amb, medicine: medicine})
					}
				}
			}
		}
		add([]string{s.Name}, precwatch.HitName, false)
		add(s.Synonyms, precwatch.HitSynonym, false)
		add(s.Abbreviations, precwatch.HitAbbreviation, false)
		add(s.TradeNames, precwatch.HitTradeName, false)
		add(s.StreetNames, HitStreetName, false)
		if s.List == precwatch.ListTableI || s.List == precwatch.ListDesigner {
			// Spellings a reader repairs at once (round 39): the name of a
			// precursor offered in any quantity with letters doubled,
			// vowels dropped, reversed or in ROT13. Its own term stays the
			// hit's term; one scan finds them with the rest.
			for _, kt := range []struct {
				terms []string
				kind  string
			}{{[]string{plainName(s.Name)}, precwatch.HitName}, {s.Synonyms, precwatch.HitSynonym}, {s.StreetNames, HitStreetName}} {
				for _, t := range kt.terms {
					for _, v := range spellingVariants(t) {
						if _, ok := b.index[v]; ok {
							continue // already a term
						}
						b.add(v, kSubstance).refs = append(b.pat(v).refs, termRef{sub: int32(si), kind: kt.kind, term: t, amb: -1})
					}
				}
			}
		}
		// Chemistry names typed apart at a morpheme ("methyl amine",
		// "nitro ethane", "metil amina"; session 15 probe), any list.
		morph := func(terms []string, kind string) {
			for _, t := range terms {
				if _, ok := ambTerms[strings.TrimSpace(Normalize(t).String())]; ok {
					continue // an ambiguous term keeps its context rules
				}
				for _, v := range morphemeSplits(t) {
					if _, ok := b.index[v]; ok {
						continue // already a term
					}
					b.add(v, kSubstance).refs = append(b.pat(v).refs, termRef{sub: int32(si), kind: kind, term: t, amb: -1})
				}
			}
		}
		// The other correct ways of writing a glycidate's systematic
		// name (systematic.go), as synonyms.
		if glycidateEntries[s.ID] {
			for _, t := range s.Synonyms {
				for _, f := range glycidateForms(strings.TrimSpace(Normalize(t).String())) {
					for _, v := range termVariants(f) {
						if _, ok := b.index[v]; ok {
							continue // already a term
						}
						b.add(v, kSubstance).refs = append(b.pat(v).refs, termRef{sub: int32(si), kind: precwatch.HitSynonym, term: t, amb: -1})
					}
				}
			}
		}
		morph([]string{plainName(s.Name)}, precwatch.HitName)
		morph(s.Synonyms, precwatch.HitSynonym)
		for _, lang := range sortedKeys(s.Names) {
			morph(s.Names[lang], precwatch.HitTranslation)
		}
		add(s.Medicines, HitMedicine, true)
		for _, lang := range sortedKeys(s.Names) {
			add(s.Names[lang], precwatch.HitTranslation, false)
			if inflecting[lang] {
				for _, t := range s.Names[lang] {
					for _, part := range splitTerm(t) {
						b.addDeclined(int32(si), part, lang, ambTerms) // declension.go
						stem, n := inflectionStem(part, lang)
						if n == 0 {
							continue
						}
						p := b.addSuffix(stem, n)
						p.refs = append(p.refs, termRef{sub: int32(si), kind: precwatch.HitTranslation, term: part, amb: -1})
						// "перманганата калия", "уксусного ангидрида": the
						// first word of a two-word name takes its case
						// ending too.
						for _, v := range phraseCaseForms(part, lang) {
							p := b.addSuffix(v, n)
							if !slices.ContainsFunc(p.refs, func(r termRef) bool { return r.sub != int32(si) }) {
								p.refs = append(p.refs, termRef{sub: int32(si), kind: precwatch.HitTranslation, term: part, amb: -1})
							}
						}
					}
				}
			}
		}
		// Serbian is written in both alphabets, and sellers mix them
		// inside one name ("Сумпорна kiselina", heldout53 zv0050): every
		// mix of the words of a Cyrillic name and their Latin twins.
		for _, t := range s.Names["sr"] {
			for _, part := range splitTerm(t) {
				for _, v := range serbianMixed(part) {
					add([]string{v}, precwatch.HitTranslation, false)
					if stem, n := inflectionStem(v, "sr"); n > 0 {
						p := b.addSuffix(stem, n)
						if !slices.ContainsFunc(p.refs, func(r termRef) bool { return r.sub != int32(si) }) {
							p.refs = append(p.refs, termRef{sub: int32(si), kind: precwatch.HitTranslation, term: part, amb: -1})
						}
					}
				}
			}
		}
		// Pinyin with its syllables all spaced or all joined
		// ("gao meng suan jia" for gaomengsuanjia, heldout57 zz0042).
		if hans := hanCounts(s.Names); len(hans) > 0 {
			for _, t := range s.Synonyms {
				add(pinyinForms(t, hans), precwatch.HitSynonym, false)
			}
			for _, lang := range []string{"zh-Latn", "yue-Latn"} {
				for _, t := range s.Names[lang] {
					add(pinyinForms(t, hans), precwatch.HitTranslation, false)
				}
			}
		}
		toks := substanceTokens(s)
		// Russian and Ukrainian names in Latin letters ("Psevdoefedryn
		// hidrokhlorid", "BMK glitsydna kyslota"), and Greek ones in
		// Greeklish ("thiiko oxy"), with their case endings.
		for _, lang := range []string{"ru", "uk", "el", "be", "tr", "az", "ja", "ko", "ar"} {
			for _, t := range s.Names[lang] {
				for _, part := range splitTerm(t) {
					if _, amb := ambTerms[strings.TrimSpace(Normalize(part).String())]; amb {
						continue
					}
					for _, l := range translitNames(part, lang) {
						for _, v := range termVariants(l) {
							if i, ok := b.index[v]; ok && slices.ContainsFunc(b.pats[i].refs, func(r termRef) bool { return r.sub != int32(si) }) {
								continue // another substance's word
							}
							b.add(v, kSubstance).refs = append(b.pat(v).refs, termRef{sub: int32(si), kind: precwatch.HitTranslation, term: l, amb: -1})
						}
						if stem, n := inflectionStem(l, lang); n > 0 {
							p := b.addSuffix(stem, n)
							if !slices.ContainsFunc(p.refs, func(r termRef) bool { return r.sub != int32(si) }) {
								p.refs = append(p.refs, termRef{sub: int32(si), kind: precwatch.HitTranslation, term: l, amb: -1})
							}
						}
						for _, w := range strings.FieldsFunc(Normalize(l).String(), func(r rune) bool {
							return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-')
						}) {
							toks[w] = true
						}
					}
					// The genitive of an adjective-first name in Latin letters,
					// the case a quantity takes ("200 kg chervonoho fosforu",
					// "50 l sernoj kisloty", heldout53 zv0111).
					if v, n := adjGenitive(part, lang); n > 0 {
						{
							for _, l := range translitNames(v, lang) {
								p := b.addSuffix(l, n)
								if !slices.ContainsFunc(p.refs, func(r termRef) bool { return r.sub != int32(si) }) {
									p.refs = append(p.refs, termRef{sub: int32(si), kind: precwatch.HitTranslation, term: l, amb: -1})
								}
							}
						}
					}
				}
			}
		}
		m.tokens = append(m.tokens, toks)
		m.tokenStems = append(m.tokenStems, inflectionStems(toks))
		for ai, a := range s.Ambiguous {
			for _, v := range termVariants(a.Term) {
				p := b.add(v, kSubstance)
				found := false
				for i := range p.refs {
					if p.refs[i].sub == int32(si) {
						p.refs[i].amb = int16(ai)
						found = true
					}
				}
				if !found {
					p.refs = append(p.refs, termRef{sub: int32(si), kind: precwatch.HitAbbreviation, term: a.Term, amb: int16(ai)})
				}
			}
			for _, c := range a.Context {
				for _, v := range lexVariants(c) {
					p := b.add(v, kAmbContext)
					p.ambRefs = append(p.ambRefs, ambRef{sub: int32(si), amb: int16(ai)})
				}
			}
			for _, c := range a.Block {
				for _, v := range lexVariants(c) {
					p := b.add(v, kAmbBlock)
					p.ambBlocks = append(p.ambBlocks, ambRef{sub: int32(si), amb: int16(ai)})
				}
			}
		}
	}
	for ii, ind := range lex.Indicators {
		if ind.ID == IndNoPaper {
			m.noPaper = int16(ii)
		}
		if ind.ID == IndCrypto {
			m.crypto = int16(ii)
		}
		if ind.ID == IndMessenger {
			m.messenger = int16(ii)
		}
		if ind.ID == IndStealth {
			m.stealth = int16(ii)
		}
		m.indicators = append(m.indicators, indicatorDef{id: ind.ID, label: ind.Label})
		for _, t := range ind.BlockBefore {
			for _, v := range lexVariants(t) {
				p := b.add(v, kIndBlockBefore)
				p.blockBefore = append(p.blockBefore, int16(ii))
			}
		}
		// Sentence-wide block words are kept as the complement of the
		// indicator's index (blockedBefore).
		for _, t := range ind.BlockBeforeSentence {
			for _, v := range lexVariants(t) {
				p := b.add(v, kIndBlockBefore)
				p.blockBefore = append(p.blockBefore, ^int16(ii))
			}
		}
		for _, t := range ind.BlockAfter {
			for _, v := range lexVariants(t) {
				p := b.add(v, kIndBlock)
				p.blockAfter = append(p.blockAfter, int16(ii))
			}
		}
		for _, t := range ind.BlockNear {
			for _, v := range lexVariants(t) {
				p := b.add(v, kIndBlockNear)
				p.blockNear = append(p.blockNear, int16(ii))
			}
		}
		for _, t := range ind.Terms {
			for _, v := range lexVariants(t) {
				p := b.add(v, kIndicator)
				p.indicators = append(p.indicators, int16(ii))
			}
		}
		for _, t := range ind.Cut {
			for _, v := range cutVariants(t) {
				p := b.add(v, kIndicator)
				if !slices.Contains(p.indicators, int16(ii)) {
					p.indicators = append(p.indicators, int16(ii))
				}
			}
		}
	}
	if err := m.addDestinations(b, lex); err != nil {
		return nil, err
	}
	blockLists := map[int16][][]byte{}
	for fi, fr := range lex.IndicatorFrames {
		ii := -1
		for i, ind := range lex.Indicators {
			if ind.ID == fr.Indicator {
				ii = i
			}
		}
		if ii < 0 || fr.Within <= 0 || len(fr.First) == 0 || len(fr.Second) == 0 && !fr.Substance && !fr.Quoted && !fr.Handle && !fr.Bare {
			return nil, fmt.Errorf("lexicon: indicator frame %d: unknown indicator %q, or no words or distance", fi, fr.Indicator)
		}
		var stop map[string]bool
		if fr.Bare {
			stop = map[string]bool{}
			for _, t := range fr.Stop {
				stop[strings.TrimSpace(Normalize(t).String())] = true
			}
		}
		m.frames = append(m.frames, frameDef{ii: int16(ii), within: int32(fr.Within), negated: fr.Negated, substance: fr.Substance,
			quoted: fr.Quoted, handle: fr.Handle, number: fr.Number && fr.Handle, bare: fr.Bare, stop: stop, own: fr.Own, clause: fr.Clause})
		// Block words are no automaton patterns (a common word would have
		// an output wherever it occurs): frameBlocked looks for them in the
		// few bytes around a frame found.
		for _, t := range fr.Block {
			for _, v := range lexVariants(t) {
				blockLists[int16(ii)] = append(blockLists[int16(ii)], []byte(v))
			}
		}
		for _, t := range fr.First {
			for _, v := range lexVariants(t) {
				p := b.add(v, kFrameFirst)
				p.frameFirst = append(p.frameFirst, int16(fi))
			}
		}
		for _, t := range fr.Second {
			for _, v := range lexVariants(t) {
				p := b.add(v, kFrameSecond)
				p.frameSecond = append(p.frameSecond, int16(fi))
			}
		}
	}
	m.frameBlocks = map[int16]*blockWords{}
	for ii, ws := range blockLists {
		m.frameBlocks[ii] = newBlockWords(ws)
	}
	m.indicators = append(m.indicators,
		indicatorDef{id: IndDesigner, label: "designer or immediate precursor offered"},
		indicatorDef{id: IndBulk, label: "bulk or wholesale quantity"})
	for _, l := range []struct {
		terms []string
		kind  uint64
	}{
		{lex.ChemicalContext, kChemCtx}, {lex.ChemicalForm, kChemForm | kChemCtx}, {lex.DosageForms, kDosage},
		{lex.Bulk, kBulk}, {lex.Licensed, kLicensed}, {lex.NotSubstance, kNotSubstance},
		{lex.NonOffer, kNonOffer}, {lex.NonOfferAuthority, kNonOffer | kAuthority}, {lex.NonOfferVerbs, kNonOffer}, {lex.NonOfferRules, kNonOffer}, {lex.Services, kService}, {lex.Goods, kGoods}, {lex.Media, kMedia}, {lex.Documents, kDocument}, {lex.Offer, kOffer}, {lex.OfferWeak, kOfferWeak}, {lex.Exclusions, kExclusion},
		{lex.Negation.Before, kNegBefore}, {lex.Negation.Immediate, kNegImmediate}, {lex.Negation.ListHead, kNegHead},
		{lex.Negation.After, kNegAfter}, {lex.Negation.AfterBlock, kAfterBlock},
		{lex.Paperwork.Nouns, kPaperNoun}, {lex.Paperwork.Before, kPaperBefore}, {lex.Paperwork.After, kPaperAfter},
		{lex.Composition.Before, kCompBefore}, {lex.Composition.After, kCompAfter}, {lex.Composition.Process, kCompProcess},
		{lex.Composition.List, kCompList},
		{lex.Paperwork.PackagingNouns, kPackNoun}, {lex.Paperwork.PackagingBefore, kPackBefore},
		{lex.Paperwork.PackagingAfter, kPackAfter},
		{lex.Payment.Fiat, kFiat},
		{lex.Composition.Wanted, kWanted}, {lex.Composition.WantedAfter, kWantedAfter}, {lex.Composition.WantedQuestion, kWantedAsk},
		{lex.IndicatorNegation.Unavailable, kIndNegAfter | kIndUnavail},
		{lex.IndicatorNegation.Before, kIndNegBefore}, {lex.IndicatorNegation.Immediate, kIndNegImmediate},
		{lex.IndicatorNegation.After, kIndNegAfter},
		{lex.IndicatorNegation.Warning, kIndWarn}, {lex.IndicatorNegation.WarningAfter, kIndWarnAfter},
		{lex.IndicatorNegation.Share, kIndShare},
		{lex.IndicatorNegation.Mention, kMention},
	} {
		for _, t := range l.terms {
			for _, v := range lexVariants(t) {
				b.add(v, l.kind)
			}
		}
	}
	for _, t := range lex.Negation.Connectors {
		m.connectors[Normalize(t).String()] = true
	}
	for _, t := range lex.Negation.TradeVerbs {
		m.tradeVerbs[Normalize(t).String()] = true
	}
	for u, v := range lex.BulkUnits {
		k := strings.TrimSpace(Normalize(u).String())
		m.unitLimit[k] = v
		if k != "" && len(k) < 64 {
			m.unitLens[k[0]] |= 1 << len(k)
		}
	}
	// "Only" cues are looked for in the text next to a crypto phrase, not
	// by the automaton ("only" is too common a word to be a pattern).
	for _, t := range lex.Payment.Only {
		if n := strings.TrimSpace(Normalize(t).String()); n != "" {
			m.onlyWords = append(m.onlyWords, []byte(n))
		}
	}
	for _, t := range lex.IndicatorNegation.Except {
		if n := strings.TrimSpace(Normalize(t).String()); n != "" {
			m.indNegExc = append(m.indNegExc, []byte(n))
		}
	}
	for _, t := range lex.Negation.Filler {
		m.fillers[Normalize(t).String()] = true
	}
	// OCR slips of the names and formulas (heldout54), added once every
	// term, context and cue word is a pattern, so a slip never takes over
	// another substance's term or a word of the lexicon.
	for si, s := range m.subs {
		for _, kt := range []struct {
			terms []string
			kind  string
		}{{[]string{plainName(s.Name)}, precwatch.HitName}, {s.Synonyms, precwatch.HitSynonym}, {s.Abbreviations, precwatch.HitAbbreviation}} {
			for _, t := range kt.terms {
				src, ok := b.index[strings.TrimSpace(Normalize(t).String())]
				if !ok {
					continue
				}
				amb := int16(-1)
				for _, r := range b.pats[src].refs {
					if r.sub == int32(si) {
						amb = r.amb
						break
					}
				}
				for _, v := range ocrVariants(t) {
					if _, ok := b.index[v]; ok {
						continue
					}
					b.add(v, kSubstance).refs = []termRef{{sub: int32(si), kind: kt.kind, term: t, amb: amb}}
				}
			}
		}
	}
	// A letter left out inside a long Table I name ("Pseudofedrine",
	// "psudoefedrin", heldout81 yc0160, yc0085), after every other term so
	// that a form that is another term or a lexicon word stays that.
	for si, s := range m.subs {
		if s.List != precwatch.ListTableI {
			continue
		}
		terms := append([]string{plainName(s.Name)}, s.Synonyms...)
		for _, lang := range sortedKeys(s.Names) {
			terms = append(terms, s.Names[lang]...)
		}
		for _, t := range terms {
			for _, v := range droppedLetterVariants(t) {
				if _, ok := b.index[v]; ok || b.wordThenTerm(v) {
					continue
				}
				p := b.add(v, kSubstance)
				p.refs, p.noJoin = []termRef{{sub: int32(si), kind: precwatch.HitSynonym, term: t, amb: -1}}, true
			}
		}
	}
	// A term of a substance that is ambiguous anywhere is ambiguous for that
	// substance everywhere it appears.
	for pi := range b.pats {
		p := &b.pats[pi]
		for i := range p.refs {
			if p.refs[i].amb != -1 {
				continue
			}
			for j := range p.refs {
				if p.refs[j].sub == p.refs[i].sub && p.refs[j].amb != -1 {
					p.refs[i].amb = p.refs[j].amb
				}
			}
		}
	}
	// The CAS keywords anywhere in a field, not only as words ("cas",
	// "casno5449-12-7", "кас"), let appendCAS read spaced and unseparated
	// numbers. The automaton reports them in the scan it makes anyway
	// (as patterns of no kind, which filterHits drops), which spares two
	// searches of every field for them.
	var casKeys []int
	for _, kw := range casKeywords {
		b.add(string(kw), 0)
		casKeys = append(casKeys, b.index[string(kw)])
	}
	// Likewise "session" anywhere in a field, which every Session ID
	// follows (appendSessionIDs): without it a field's search for "05"
	// is spared.
	b.add(sessionWord, 0)
	sessionKey := b.index[sessionWord]
	for i := range b.pats {
		b.pats[i].digitOK = b.pats[i].kinds&kSubstance == 0
	}
	m.pats = b.pats
	raw := make([][]byte, len(m.pats))
	for i := range m.pats {
		raw[i] = []byte(m.pats[i].text)
	}
	m.ac = buildAutomaton(raw)
	m.pinfo = make([]patInfo, len(m.pats))
	for i := range m.pats {
		p := &m.pats[i]
		m.pinfo[i] = patInfo{kinds: p.kinds, plen: int32(len(p.text)), startB: p.startB, endB: p.endB, digitOK: p.digitOK, suffix: p.suffix, glued: p.tail != "",
			glueDigit: gluesDigit(p), numStart: p.text != "" && isDigit(p.text[0])}
	}
	for _, i := range casKeys {
		m.pinfo[i].keys |= keyCAS
	}
	m.pinfo[sessionKey].keys |= keySession
	m.joinQuad = make([]uint64, (26*26*26*26+63)/64)
	for i := range m.pats {
		p := &m.pats[i]
		if p.kinds&(kSubstance|kIndicator) == 0 || len(p.text) < 5 {
			continue
		}
		for j := 0; j+3 <= len(p.text); j++ {
			if t, ok := trigramIndex(p.text[j], p.text[j+1], p.text[j+2]); ok {
				m.symTri[t/64] |= 1 << (t % 64)
			}
		}
		if p.kinds&kSubstance == 0 || p.noJoin {
			continue
		}
		for j := 0; j+3 <= len(p.text); j++ {
			if t, ok := trigramIndex(p.text[j], p.text[j+1], p.text[j+2]); ok {
				m.joinTri[t/64] |= 1 << (t % 64)
			}
			if j+4 <= len(p.text) {
				if q, ok := quadgramIndex([]byte(p.text[j : j+4])); ok {
					m.joinQuad[q/64] |= 1 << (q % 64)
				}
			}
		}
	}
	ambWords := map[string]ambRef{}
	for i := range m.pats {
		for _, r := range m.pats[i].refs {
			if _, seen := ambWords[m.pats[i].text]; r.amb >= 0 && !seen {
				ambWords[m.pats[i].text] = ambRef{sub: r.sub, amb: r.amb}
			}
		}
	}
	m.streetAmb = make([]ambRef, len(m.pats))
	for i := range m.pats {
		m.streetAmb[i] = ambRef{sub: -1}
		p := &m.pats[i]
		if !slices.ContainsFunc(p.refs, func(r termRef) bool { return r.kind == HitStreetName && r.amb == -1 }) {
			continue
		}
		for _, w := range strings.FieldsFunc(p.text, func(r rune) bool { return r == ' ' || r == '-' }) {
			if ar, ok := ambWords[w]; ok {
				m.streetAmb[i] = ar
				break
			}
		}
	}
	// Street names that hold another substance's abbreviation as a word
	// ("PMK powder" of PMK methyl glycidate holds PMK's "PMK"): slang for
	// the parent's derivatives (siblingNamed).
	m.abbrOwner, m.derivStreet = map[string]int32{}, map[string]string{}
	for si, s := range m.subs {
		for _, a := range s.Abbreviations {
			if n := strings.TrimSpace(Normalize(a).String()); n != "" {
				if _, dup := m.abbrOwner[n]; !dup {
					m.abbrOwner[n] = int32(si)
				}
			}
		}
	}
	for si, s := range m.subs {
		for _, t := range s.StreetNames {
			for _, w := range strings.FieldsFunc(Normalize(t).String(), func(r rune) bool { return r == ' ' || r == '-' }) {
				if o, ok := m.abbrOwner[w]; ok && o != int32(si) {
					m.derivStreet[t] = w
					break
				}
			}
		}
	}
	m.newStreet = make([]bool, len(m.pats))
	m.unitWord = make([]bool, len(m.pats))
	for i := range m.pats {
		t := m.pats[i].text
		m.unitWord[i] = quantityUnits[t] || m.unitLimit[t] != 0
	}
	for i := range m.pats {
		p := &m.pats[i]
		if !strings.HasPrefix(p.text, "new ") {
			continue
		}
		for _, r := range p.refs {
			if r.kind == HitStreetName {
				m.newStreet[i] = true
				m.pinfo[i].newStreet = true
			}
		}
	}
	for i := range m.pats {
		for j := range m.pats[i].refs {
			r := &m.pats[i].refs[j]
			if r.amb != -1 {
				r.ambLine = fmt.Sprintf("ambiguous term %q without chemical context: ignored", r.term)
			}
		}
	}
	for _, s := range m.subs {
		m.lines = append(m.lines, subLines{
			negated:   fmt.Sprintf("%s: every mention negated, not counted", s.Name),
			tableI:    fmt.Sprintf("%s %s offered +%.2f", "Table I chemical", s.Name, 0.7),
			retail:    fmt.Sprintf("%s %s offered +%.2f", "medicine with a Table I substance, retail quantity", s.Name, 0.3),
			immediate: fmt.Sprintf("%s %s offered +%.2f", s.List+" immediate precursor", s.Name, 0.75),
			tableII:   fmt.Sprintf("%s %s offered +%.2f", "Table II substance", s.Name, 0.25),
			reagent:   fmt.Sprintf("%s %s offered +%.2f", s.List+" reagent", s.Name, 0.25),
		})
	}
	for k := 0; k <= 100; k++ {
		score := float64(k) / 100
		m.suspLines = append(m.suspLines, fmt.Sprintf("suspicious: score %.2f >= threshold %s", score, thresholdText(m.threshold)))
		m.lowLines = append(m.lowLines, fmt.Sprintf("ticket policy met but score %.2f < threshold %s", score, thresholdText(m.threshold)))
	}
	m.pack()
	m.pool.New = func() any { return &scratch{} }
	return m, nil
}

// pack moves the small slices and strings of the compiled patterns (about
// 26,000 objects of a few bytes each) into a few large backing arrays and
// one string. The garbage collector marks every live object on every
// cycle, and the compiled watchlist is most of a crawler's live heap: a
// few large objects cost it far less than many small ones scattered over
// memory. Each pattern's slices keep their contents, nil-ness and length;
// their capacity is clipped so that nothing can append over a neighbour.
//
// The pattern array itself is copied to one of its exact length (append
// had left it up to a fifth longer), and the patExtra of each pattern
// with a rare slice into one array; the others share an empty one.
func (m *Matcher) pack() {
	m.pats = append(make([]pattern, 0, len(m.pats)), m.pats...)
	var nText, nI16, nRefs, nAmb, nLines, nExtra int
	for i := range m.pats {
		p := &m.pats[i]
		if !p.patExtra.empty() {
			nExtra++
		}
		nText += len(p.text)
		nI16 += len(p.indicators) + len(p.blockAfter) + len(p.blockBefore) + len(p.blockNear) + len(p.frameFirst) + len(p.frameSecond)
		nRefs += len(p.refs)
		nAmb += len(p.ambRefs) + len(p.ambBlocks)
		for _, r := range p.refs {
			nLines += len(r.ambLine)
		}
	}
	var text, lines strings.Builder
	text.Grow(nText)
	lines.Grow(nLines)
	for i := range m.pats {
		p := &m.pats[i]
		text.WriteString(p.text)
		for _, r := range p.refs {
			lines.WriteString(r.ambLine)
		}
	}
	allText, allLines := text.String(), lines.String()
	i16 := make([]int16, 0, nI16)
	refs := make([]termRef, 0, nRefs)
	amb := make([]ambRef, 0, nAmb)
	take16 := func(s []int16) []int16 {
		if len(s) == 0 {
			return s
		}
		lo := len(i16)
		i16 = append(i16, s...)
		return i16[lo:len(i16):len(i16)]
	}
	takeAmb := func(s []ambRef) []ambRef {
		if len(s) == 0 {
			return s
		}
		lo := len(amb)
		amb = append(amb, s...)
		return amb[lo:len(amb):len(amb)]
	}
	extras := make([]patExtra, 1, 1+nExtra) // extras[0] is the shared empty one
	textOff, lineOff := 0, 0
	for i := range m.pats {
		p := &m.pats[i]
		if p.patExtra.empty() {
			p.patExtra = &extras[0]
		} else {
			extras = append(extras, *p.patExtra)
			p.patExtra = &extras[len(extras)-1]
		}
		p.text = allText[textOff : textOff+len(p.text)]
		textOff += len(p.text)
		p.indicators = take16(p.indicators)
		p.blockAfter = take16(p.blockAfter)
		p.blockBefore = take16(p.blockBefore)
		p.blockNear = take16(p.blockNear)
		p.frameFirst = take16(p.frameFirst)
		p.frameSecond = take16(p.frameSecond)
		p.ambRefs = takeAmb(p.ambRefs)
		p.ambBlocks = takeAmb(p.ambBlocks)
		if len(p.refs) > 0 {
			lo := len(refs)
			for _, r := range p.refs {
				r.ambLine = allLines[lineOff : lineOff+len(r.ambLine)]
				lineOff += len(r.ambLine)
				refs = append(refs, r)
			}
			p.refs = refs[lo:len(refs):len(refs)]
		}
	}
}

// Patterns returns the normalised patterns of the automaton (for
// benchmarks and tools), without the CAS keywords it looks for on behalf
// of the CAS reader.
func (m *Matcher) Patterns() []string {
	out := make([]string, 0, len(m.pats))
	for _, p := range m.pats {
		if p.kinds != 0 {
			out = append(out, p.text)
		}
	}
	return out
}

// MemBytes returns the size of the compiled automaton tables.
func (m *Matcher) MemBytes() int { return m.ac.memBytes() }

// Threshold returns the score threshold in use.
func (m *Matcher) Threshold() float64 { return m.threshold }

type patBuilder struct {
	pats   []pattern
	index  map[string]int
	extras []patExtra // the unused rest of the current block of patExtras
}

// newExtra returns an empty patExtra for a new pattern, cut from blocks of
// 1,024 (pack copies the filled ones and drops the blocks: a few large
// objects of garbage rather than 40,000 small ones).
func (b *patBuilder) newExtra() *patExtra {
	if len(b.extras) == 0 {
		b.extras = make([]patExtra, 1024)
	}
	x := &b.extras[0]
	b.extras = b.extras[1:]
	return x
}

func (b *patBuilder) pat(key string) *pattern { return &b.pats[b.index[key]] }

// add returns the pattern for the normalised text v (a trailing '*' makes
// it a prefix pattern), creating it if needed, with kind added.
func (b *patBuilder) add(v string, kind uint64) *pattern {
	i, ok := b.index[v]
	if !ok {
		text := strings.TrimSuffix(v, "*")
		prefix := len(text) < len(v)
		glued := len(text) > 1 && text[0] == '*'
		text = strings.TrimPrefix(text, "*")
		var tail string
		if glued && isASCIIAlpha(text[0]) {
			// The automaton never starts a match inside a word at an
			// ASCII letter: the glued part becomes a tail that
			// filterHits finds before the rest.
			if t, rest, ok := strings.Cut(text, " "); ok && rest != "" {
				tail, text, glued = t, rest, false
			}
		}
		r0, _ := utf8.DecodeRuneInString(text)
		r1, _ := utf8.DecodeLastRuneInString(text)
		i = len(b.pats)
		b.pats = append(b.pats, pattern{text: text, startB: !glued && isWordRune(r0), endB: !prefix && isWordRune(r1), patExtra: b.newExtra()})
		b.pats[i].tail = tail
		b.index[v] = i
	}
	b.pats[i].kinds |= kind
	return &b.pats[i]
}

// addSuffix returns the pattern for a stem that may be followed by up to n
// letters of an inflectional ending.
func (b *patBuilder) addSuffix(stem string, n int8) *pattern {
	key := stem + "~"
	i, ok := b.index[key]
	if !ok {
		r0, _ := utf8.DecodeRuneInString(stem)
		i = len(b.pats)
		b.pats = append(b.pats, pattern{text: stem, startB: isWordRune(r0), endB: false, suffix: n, patExtra: b.newExtra()})
		b.index[key] = i
	}
	b.pats[i].kinds |= kSubstance
	return &b.pats[i]
}

// inflecting lists languages whose nouns take case endings; their names
// also match as a stem plus a short ending ("эфедрина", "efedryny",
// "efedrinin").
var inflecting = map[string]bool{"ru": true, "uk": true, "be": true, "bg": true, "pl": true, "cs": true, "sk": true,
	"sl": true, "hr": true, "sr": true, "lt": true, "lv": true, "tr": true, "fi": true, "hu": true, "et": true,
	// Greek cases ("εφεδρίνης"), Romanian and Swedish suffixed articles
	// ("acetona", "toluenul", "acetonet").
	"el": true, "ro": true, "sv": true,
	// Agglutinative Turkic languages and Georgian and Armenian cases
	// ("efedrinni", "ეფედრინის", "էֆեդրինի"), and Mongolian's ("улаан
	// фосфорыг", lexcov).
	"kk": true, "uz": true, "az": true, "ka": true, "hy": true, "mn": true,
	// The other Turkic languages, Tajik's object and ezafe endings
	// ("ангидриди сиркоро", "туз кислотасын"), Icelandic cases
	// ("brennisteinssýru"), Kurmanji ezafe and Sorani suffixes ("efedrînê",
	// "ئەسیتۆنی"; heldout74).
	"ky": true, "tk": true, "tg": true, "is": true, "ku": true, "ckb": true,
	// Uyghur cases and the privative -سىز ("ئېفېدرىننى", "ئېفېدرىنسىز";
	// heldout78).
	"ug": true}

// inflectionStem returns the normalised stem of a name (without a final
// vowel) and how many letters of ending may follow it; n is 0 when the name
// is too short to be matched this way. Lithuanian and Latvian nominatives
// end in -s ("efedrinas", "efedrīns", "rūgštis"), which the other cases
// drop ("efedrino", "efedrīnu", "rūgšties"): the -s goes first.
func inflectionStem(t, lang string) (string, int8) {
	n := strings.TrimSpace(Normalize(t).String())
	r := []rune(n)
	if len(r) == 0 || strings.ContainsFunc(n, isCJK) {
		return "", 0
	}
	if (lang == "lt" || lang == "lv") && len(r) > 5 && r[len(r)-1] == 's' {
		r = r[:len(r)-1]
	}
	if strings.ContainsRune("aeiouyąęаеёиоуыэюяйьіїєαεηιουω", r[len(r)-1]) {
		r = r[:len(r)-1]
	}
	if len(r) < 5 {
		return "", 0
	}
	return string(r), 4
}

// slavicNounEndings and slavicAdjEndings are the case endings of Russian,
// Ukrainian and Belarusian nouns and adjectives (normalised: ё is е).
var (
	slavicNounEndings = []string{"а", "у", "ом", "е", "ы", "ов", "ам", "ами", "ах", "і", "ові", "ою", "ем", "я", "ю"}
	slavicAdjEndings  = []string{"ый", "ий", "ой", "ого", "его", "ому", "ему", "ым", "им", "ом", "ем", "ая", "яя", "ую", "юю", "ые", "ие",
		"ых", "их", "ыми", "ими", "ое", "ее", "ій", "ім", "ої", "ою", "і"}
	// belarusianAdjEndings are the Belarusian adjective endings (normalised:
	// ў is у): masculine -ы/-і, -ага, -аму, -ым; feminine -ая, -ай, -ую;
	// neuter -ае; plural -ыя, -ых, -ымі, and their soft -я-/-і- twins.
	belarusianAdjEndings = []string{"ы", "і", "ага", "яга", "аму", "яму", "ым", "ім", "ая", "яя", "ай", "яй", "ую", "юю", "ою", "ае", "яе",
		"ыя", "ія", "ых", "іх", "ымі", "імі"}
)

// phraseCaseForms returns, for a two-word Russian, Ukrainian or
// Belarusian name, the name with each case ending of its first word and
// its last word stemmed (inflectionStem's stem, which the caller lets take
// an ending): "перманганат калия" gives "перманганата кали",
// "перманганатом кали" …; "уксусный ангидрид" gives "уксусного ангидрид" …
// (heldout32 za0140). Other languages and names give none.
func phraseCaseForms(t, lang string) []string {
	if lang != "ru" && lang != "uk" && lang != "be" {
		return nil
	}
	stem, n := inflectionStem(t, lang)
	words := strings.Fields(stem)
	if n == 0 || len(words) != 2 || !strings.ContainsFunc(words[0], func(r rune) bool { return unicode.Is(unicode.Cyrillic, r) }) {
		return nil
	}
	first := []rune(words[0])
	if len(first) < 5 || strings.ContainsAny(words[0], "-0123456789") {
		return nil
	}
	base, ends := string(first), slavicNounEndings
	if lang == "be" {
		// Belarusian adjectives end in -ы or -і ("воцатны ангідрыд",
		// "марганцовакіслы калій"), which the list below reads as nouns.
		for _, e := range []string{"ая", "яя", "ае", "яе", "ы", "і"} {
			if strings.HasSuffix(words[0], e) && len(first)-utf8.RuneCountInString(e) >= 4 {
				return caseForms(strings.TrimSuffix(words[0], e), words, belarusianAdjEndings)
			}
		}
	}
	for _, e := range []string{"ый", "ий", "ой", "ая", "яя", "ое", "ее", "ій", "а", "я", "о", "е"} {
		if strings.HasSuffix(words[0], e) && len(first)-utf8.RuneCountInString(e) >= 4 {
			base = strings.TrimSuffix(words[0], e)
			if utf8.RuneCountInString(e) == 2 {
				ends = slavicAdjEndings
			}
			break
		}
	}
	return caseForms(base, words, ends)
}

// caseForms returns words[0]'s base with each ending, followed by words[1],
// leaving out the form written in words.
func caseForms(base string, words []string, ends []string) []string {
	out := make([]string, 0, len(ends))
	for _, e := range ends {
		if v := base + e; v != words[0] {
			out = append(out, v+" "+words[1])
		}
	}
	return out
}

// substanceTokens returns the words of a substance's terms.
func substanceTokens(s *Substance) map[string]bool {
	out := map[string]bool{}
	add := func(terms []string) {
		for _, t := range terms {
			for _, w := range strings.FieldsFunc(Normalize(t).String(), func(r rune) bool {
				return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-')
			}) {
				out[w] = true
			}
		}
	}
	add([]string{s.Name})
	add(s.Synonyms)
	add(s.Abbreviations)
	add(s.TradeNames)
	add(s.StreetNames)
	for _, l := range s.Names {
		add(l)
	}
	return out
}

// splitTerm splits a watchlist term written with alternatives, such as
// "醋酸酐 (乙酸酐)" or "Ma huang / ephedra": the part outside brackets, and
// the bracketed part when it is a single word.
func splitTerm(t string) []string {
	t = strings.TrimSpace(t)
	var out []string
	for _, alt := range strings.Split(t, " / ") {
		alt = strings.TrimSpace(alt)
		if i := lastParen(alt); i > 0 && strings.HasSuffix(alt, ")") {
			inner := strings.TrimSpace(alt[i+2 : len(alt)-1])
			out = append(out, strings.TrimSpace(alt[:i]))
			if inner != "" && !strings.ContainsAny(inner, " ,;") {
				out = append(out, inner)
			}
			continue
		}
		if i := strings.Index(alt, "（"); i > 0 && strings.HasSuffix(alt, "）") {
			out = append(out, strings.TrimSpace(alt[:i]), alt[i+len("（"):len(alt)-len("）")])
			continue
		}
		if alt != "" {
			out = append(out, alt)
		}
	}
	return out
}

// lastParen returns the index of the " (" that opens the bracket ending a
// term: the last one when the part before it is balanced ("Diethyl
// (phenylacetyl)propanedioate (DEPAPD)"), else the first ("Foo (bar
// (baz))"); -1 if there is none.
func lastParen(t string) int {
	i := strings.LastIndex(t, " (")
	if i > 0 && strings.Count(t[:i], "(") != strings.Count(t[:i], ")") {
		return strings.Index(t, " (")
	}
	return i
}

// termVariants returns the normalised forms a term is matched in: as
// written, with hyphens and spaces swapped or dropped, and German umlauts
// written out.
func termVariants(t string) []string {
	seen := map[string]bool{}
	var out []string
	addN := func(s string) {
		n := strings.TrimSpace(Normalize(s).String())
		if len(n) < 2 || seen[n] {
			return
		}
		seen[n] = true
		out = append(out, n)
	}
	forms := []string{t}
	if strings.ContainsAny(t, "äöüÄÖÜ") {
		forms = append(forms, strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue", "Ä", "Ae", "Ö", "Oe", "Ü", "Ue").Replace(t))
	}
	// Glycidates and glycidic acids are spelt with i in the Romance and
	// South Slavic languages (glicidato, glicidat), and English and German
	// listings borrow that spelling ("PMK methyl glicidate"); the i
	// spellings of those languages are also written with y.
	for _, f := range forms {
		n := Normalize(f).String()
		if strings.Contains(n, "glycid") {
			forms = append(forms, strings.ReplaceAll(n, "glycid", "glicid"))
		} else if strings.Contains(n, "glicid") {
			forms = append(forms, strings.ReplaceAll(n, "glicid", "glycid"))
		}
	}
	for _, f := range forms {
		n := Normalize(f).String()
		addN(f)
		if strings.ContainsAny(n, "- ") {
			addN(strings.ReplaceAll(n, "-", " "))
			addN(strings.ReplaceAll(n, " ", "-"))
			if j := strings.NewReplacer("-", "", " ", "").Replace(n); len(j) >= 3 {
				addN(j)
			}
		}
		// "BMK缩水甘油酸钠" is also written "BMK 缩水甘油酸钠".
		if sp := spaceScripts(n); sp != n {
			addN(sp)
		}
	}
	return out
}

// spaceScripts puts a space between a Latin letter or digit and a CJK
// character that touch in s.
func spaceScripts(s string) string {
	var b strings.Builder
	prev := rune(-1)
	for _, r := range s {
		if prev >= 0 && (isASCIIAlnumRune(prev) && isCJK(r) || isCJK(prev) && isASCIIAlnumRune(r)) {
			b.WriteByte(' ')
		}
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}

func isASCIIAlnumRune(r rune) bool { return r < 0x80 && (isDigit(byte(r)) || isASCIIAlpha(byte(r))) }

// lexVariants returns the normalised forms of a lexicon term; a trailing
// '*' is kept as the prefix marker.
//
// A leading '*' marks a glued term: it needs no word boundary at its start,
// so it also matches the end of a longer word ("*ként deklarálva" in
// "tisztítószerként deklarálva", where Hungarian glues "as" to the noun).
func lexVariants(t string) []string {
	prefix := strings.HasSuffix(t, "*")
	t = strings.TrimSuffix(t, "*")
	glued := len(t) > 1 && t[0] == '*'
	t = strings.TrimPrefix(t, "*")
	n := strings.TrimSpace(Normalize(t).String())
	if n == "" {
		return nil
	}
	out := []string{n}
	if strings.Contains(n, " ") && !strings.ContainsFunc(n, isCJK) {
		out = append(out, strings.ReplaceAll(n, " ", "-"))
	}
	for i := range out {
		if prefix {
			out[i] += "*"
		}
		if glued {
			out[i] = "*" + out[i]
		}
	}
	return out
}

// shortAbbrev reports whether a normalised abbreviation is short enough to
// be ambiguous by its shape alone (AA, MEK, PMK, P2P).
func shortAbbrev(v string) bool {
	n, letters := 0, 0
	for _, r := range v {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			n++
			if unicode.IsLetter(r) {
				letters++
			}
		}
		if r >= 0x80 && isCJK(r) {
			return false
		}
	}
	return n <= 3 || n <= 4 && letters == n
}

// isCJK reports whether r belongs to a script whose terms are found inside
// a run of letters, without word boundaries: Han, kana and Hangul, and the
// scripts of Southeast Asia that write words without spaces, Thai, Lao,
// Myanmar and Khmer ("អាជ្ញាធរដកហូតប្រេង…", authorities-confiscated-oil,
// heldout52 zu0116). The Myanmar Extended blocks (U+A9E0, U+AA60) are left
// out.
func isCJK(r rune) bool {
	if r < 0x2E80 {
		return r >= 0x0E00 && (unicode.Is(unicode.Thai, r) || unicode.Is(unicode.Lao, r) ||
			r >= 0x1000 && (unicode.Is(unicode.Myanmar, r) || unicode.Is(unicode.Khmer, r)))
	}
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) ||
		unicode.Is(unicode.Katakana, r) || unicode.Is(unicode.Hangul, r)
}

// isWordRune reports whether r belongs to a word in a script that separates
// words (so a term starting or ending with it needs a word boundary there).
func isWordRune(r rune) bool {
	if r < 0x80 {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	return (unicode.IsLetter(r) || unicode.IsDigit(r)) && !isCJK(r)
}

func wordBefore(b []byte, i int) bool {
	if i <= 0 {
		return false
	}
	if c := b[i-1]; c < 0x80 {
		return asciiWord[c]
	}
	r, _ := utf8.DecodeLastRune(b[:i])
	// A combining mark ends a word too: a spacing vowel sign of an Indic
	// script (Mc) as much as a nonspacing one, so that "এফেড্রিন"
	// (ephedrine) does not start inside "সিউডোএফেড্রিন" (heldout36 ze0064).
	return runeProp(r)&(rpWord|rpMn|rpMc) != 0
}

func wordAt(b []byte, i int) bool {
	if i >= len(b) {
		return false
	}
	if c := b[i]; c < 0x80 {
		return asciiWord[c]
	}
	r, _ := utf8.DecodeRune(b[i:])
	return runeProp(r)&rpWord != 0
}

// asciiWordByteBefore is wordBefore for an ASCII byte (or none) before b[i]:
// ascii is false when b[i-1] is not ASCII, and word must then be asked of
// wordBefore. Small enough to inline, where wordBefore is a call.
func asciiWordByteBefore(b []byte, i int) (word, ascii bool) {
	if j := uint(i - 1); j < uint(len(b)) {
		c := b[j]
		return c < 0x80 && asciiWord[c&0x7f], c < 0x80
	}
	return false, true
}

// asciiWordByteAt is wordAt for an ASCII byte (or none) at b[i]: ascii is
// false when b[i] is not ASCII, and word must then be asked of wordAt.
func asciiWordByteAt(b []byte, i int) (word, ascii bool) {
	if uint(i) < uint(len(b)) {
		c := b[i]
		return c < 0x80 && asciiWord[c&0x7f], c < 0x80
	}
	return false, true
}

var asciiWord = func() (t [128]bool) {
	for c := 0; c < 128; c++ {
		t[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
	}
	return
}()

// gluesDigit reports whether a digit right after pattern p's text may end
// it: a substance name of seven letters or more, ending in a letter, none
// of whose readings is ambiguous. Listings glue purities and quantities to
// names ("PotassiumPermanganate99%25kg"); short abbreviations glued to a
// digit are product codes ("MEK1 kinase").
func gluesDigit(p *pattern) bool {
	if p.kinds&kSubstance == 0 || len(p.text) < 7 || !isASCIIAlpha(p.text[len(p.text)-1]) || len(p.refs) == 0 {
		return false
	}
	for _, r := range p.refs {
		if r.amb != -1 {
			return false
		}
	}
	return true
}

// cutVariants returns name w (lower-case ASCII letters, at most ten) cut by
// one space at every combination of places between its letters, w itself
// included: "tele gram", "teleg ram", "th r e e m a".
func cutVariants(w string) []string {
	w = strings.ToLower(strings.TrimSpace(w))
	if len(w) < 2 || len(w) > 10 {
		return []string{w}
	}
	n := len(w) - 1
	out := make([]string, 0, 1<<n)
	var sb strings.Builder
	for mask := 0; mask < 1<<n; mask++ {
		sb.Reset()
		for i := 0; i < len(w); i++ {
			sb.WriteByte(w[i])
			if i < n && mask&(1<<i) != 0 {
				sb.WriteByte(' ')
			}
		}
		out = append(out, sb.String())
	}
	return out
}

// plainName returns a watchlist name without the bracketed abbreviations
// after it ("1-Phenyl-2-propanone" of "1-Phenyl-2-propanone (P-2-P, BMK)");
// a bracket inside the name ("Diethyl(phenylacetyl)…") stays.
func plainName(n string) string {
	if i := strings.Index(n, " ("); i > 0 {
		return n[:i]
	}
	return n
}

// spellingVariants returns the spellings of term t that write around a
// keyword filter and that a reader still reads (heldout11): a name of one
// word of six letters or more with letters doubled (every combination up
// to eight letters, "saaffroole"; one letter doubled or tripled in longer
// ones, "pseudoephedrrrine") or with its vowels after the first letter
// dropped ("ephdrn", "sfrl"); any name of six letters or more reversed
// ("enirdehpe") or in ROT13 ("fnsebyr", "ozx tylpvqngr"). Only names of
// ASCII letters and spaces are varied.
func spellingVariants(t string) []string {
	n := strings.TrimSpace(Normalize(t).String())
	letters := 0
	for i := 0; i < len(n); i++ {
		switch c := n[i]; {
		case c >= 'a' && c <= 'z':
			letters++
		case c == ' ':
		default:
			return nil
		}
	}
	if letters < 6 || len(n) > 32 {
		return nil
	}
	var out []string
	b := []byte(n)
	rev := make([]byte, len(b))
	for i, c := range b {
		rev[len(b)-1-i] = c
	}
	rot := make([]byte, len(b))
	for i, c := range b {
		if c >= 'a' && c <= 'z' {
			c = 'a' + (c-'a'+13)%26
		}
		rot[i] = c
	}
	out = append(out, string(rev), string(rot))
	if strings.IndexByte(n, ' ') >= 0 {
		return out
	}
	var sb strings.Builder
	if len(n) <= 8 {
		for mask := 1; mask < 1<<len(n); mask++ {
			sb.Reset()
			for i := 0; i < len(n); i++ {
				sb.WriteByte(n[i])
				if mask&(1<<i) != 0 {
					sb.WriteByte(n[i])
				}
			}
			out = append(out, sb.String())
		}
	} else {
		for i := 0; i < len(n); i++ {
			out = append(out, n[:i+1]+n[i:], n[:i+1]+n[i:i+1]+n[i:])
		}
	}
	sb.Reset()
	sb.WriteByte(n[0])
	for i := 1; i < len(n); i++ {
		if !strings.ContainsRune("aeiou", rune(n[i])) {
			sb.WriteByte(n[i])
		}
	}
	if sk := sb.String(); len(sk) >= 4 && len(sk) < len(n) {
		out = append(out, sk)
	}
	// An "i" written as a look-alike the leetspeak decoder does not read:
	// a lower-case "l" in a word in capitals ("EPHEDRlNE"), "!" or "|".
	for i := 1; i < len(n)-1; i++ {
		if n[i] == 'i' {
			for _, c := range []string{"l", "!", "|"} {
				out = append(out, n[:i]+c+n[i+1:])
			}
		}
	}
	// One space inside the word ("ephed rine"), when both parts have
	// three letters or more and the first is no word of its own that may
	// stand before the rest ("nor ephedrine" is "neither … nor ephedrine").
	for i := 3; i <= len(n)-3; i++ {
		if !splitPrefixWord[n[:i]] {
			out = append(out, n[:i]+" "+n[i:])
		}
	}
	return out
}

// wordThenTerm reports whether v is a short word and a substance term run
// together ("noephedrine" from norephedrine is "no ephedrine", "issafrole"
// from isosafrole is "is safrole"): the matcher reads a name typed with
// spaces inside, so such a form would find the term after a negation.
func (b *patBuilder) wordThenTerm(v string) bool {
	for k := 2; k <= 3 && k < len(v)-3; k++ { // "no", "is", "not"
		if i, ok := b.index[v[k:]]; ok && b.pats[i].kinds&kSubstance != 0 {
			return true
		}
	}
	return false
}

// droppedLetterVariants returns a long one-word name with one letter left
// out, as a hurried seller types it ("pseudofedrine" for pseudoefedrine,
// "psudoefedrin" for pseudoefedrin): only names of ten letters a-z or more,
// never the first letter nor one of the last four, where a dropped letter
// makes another word ("ergometria", ergometry, from "ergometrina";
// "ergometrie" from "ergometrine").
func droppedLetterVariants(t string) []string {
	n := strings.TrimSpace(Normalize(t).String())
	if len(n) < 10 || len(n) > 24 {
		return nil
	}
	for i := 0; i < len(n); i++ {
		if n[i] < 'a' || n[i] > 'z' {
			return nil
		}
	}
	var out []string
	for i := 1; i < len(n)-4; i++ {
		if n[i] == n[i-1] {
			continue // the same form as dropping its twin
		}
		out = append(out, n[:i]+n[i+1:])
	}
	return out
}

// chemMorphemes are the first parts of chemistry names that listings type
// as a word of their own ("methyl amine", "nitro ethane", "benz aldehyde",
// "hydro chloric acid", "metil amina").
var chemMorphemes = []string{"methyl", "ethyl", "phenyl", "nitro", "benz", "hydro", "chloro", "bromo", "acetyl", "piperonyl",
	"metil", "metyl", "etil", "etyl", "fenil", "fenyl", "hidro"}

// morphemeSplits returns name t with one of its words cut by a space after
// a chemistry morpheme, when four letters or more follow it and do not
// start inside the morpheme ("yl", "ique", "ene"): "methylamine" gives
// "methyl amine". Only names of ASCII letters and spaces are cut.
func morphemeSplits(t string) []string {
	n := strings.TrimSpace(Normalize(t).String())
	for i := 0; i < len(n); i++ {
		if c := n[i]; !(c >= 'a' && c <= 'z' || c == ' ') {
			return nil
		}
	}
	var out []string
	words := strings.Split(n, " ")
	for wi, w := range words {
		for _, p := range chemMorphemes {
			if len(w)-len(p) < 4 || !strings.HasPrefix(w, p) {
				continue
			}
			if rest := w[len(p):]; strings.IndexByte("yio", rest[0]) >= 0 || strings.HasPrefix(rest, "ene") {
				continue // inside a morpheme: "benz ylcyanide", "methyl ique", "benz eneacetic"
			}
			cut := slices.Clone(words)
			cut[wi] = p + " " + w[len(p):]
			out = append(out, strings.Join(cut, " "))
		}
	}
	return out
}

// splitPrefixWord are words that stand before a name as words of their
// own, so a name split after them is no cut name.
var splitPrefixWord = map[string]bool{"nor": true, "non": true, "pro": true, "per": true, "para": true, "iso": true, "neo": true,
	"pre": true, "anti": true, "sin": true, "con": true, "the": true, "and": true, "for": true, "our": true, "new": true, "buy": true}
