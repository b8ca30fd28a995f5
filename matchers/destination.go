package matchers

import (
	"bytes"
	"fmt"
	"slices"
	"unicode/utf8"

	"github.com/precwatch/precwatch"
)

// The ticket policy's customs clause names "safe delivery / 100% customs
// pass to named countries". A promise about customs itself ("100% customs
// pass", "we clear customs for you", 双清包税) is the indicator wherever the
// goods go; a delivery guarantee ("safe delivery", "entrega garantizada",
// "保证送达") is one only when it promises arrival in a named country or
// region: "Fast delivery guaranteed" or "delivery guaranteed or your money
// back" is an ordinary shop promise (heldout66). The lexicon's
// destination_terms are such guarantees; destinations.yaml is the
// gazetteer of the names they need.

// gazetteer is the vocabulary of destinations.yaml.
type gazetteer struct {
	Destinations []struct {
		ID    string   `yaml:"id"`
		Names []string `yaml:"names"`
		// Region: a group of countries, which is nobody's home.
		Region bool `yaml:"region"`
	} `yaml:"destinations"`
	// Domestic: words right before a name that make it the area a
	// domestic delivery covers ("across mainland UK", "in tutta Italia").
	Domestic []string `yaml:"domestic"`
	// DomesticAfter: the same right after the name ("Türkiye geneli").
	DomesticAfter []string `yaml:"domestic_after"`
	// Origin: words right before a name that make it where the goods
	// come from ("Made in Germany", "shipping from China").
	Origin []string `yaml:"origin"`
	// OriginAfter: the same right after the name, compared byte by byte
	// so that a glued ending counts ("Almanya'dan", "ドイツから").
	OriginAfter []string `yaml:"origin_after"`
}

func loadGazetteer() (*gazetteer, error) { return loadEmbeddedYAML[gazetteer]("destinations.yaml") }

// addDestinations compiles the gazetteer and the indicators' destination
// terms into the pattern set.
func (m *Matcher) addDestinations(b *patBuilder, lex *lexicon) error {
	g, err := loadGazetteer()
	if err != nil {
		return err
	}
	m.destOf = map[int32][]int16{}
	m.destTerms = map[int32][]int16{}
	m.destLoose = map[int32]bool{}
	m.destRegion = make([]bool, len(g.Destinations))
	for gi, d := range g.Destinations {
		if d.ID == "" || len(d.Names) == 0 {
			return fmt.Errorf("destinations.yaml: entry %d: no id or no names", gi)
		}
		m.destRegion[gi] = d.Region
		for _, t := range d.Names {
			for _, v := range lexVariants(t) {
				b.add(v, kDestination)
				pi := int32(b.index[v])
				if !slices.Contains(m.destOf[pi], int16(gi)) {
					m.destOf[pi] = append(m.destOf[pi], int16(gi))
				}
			}
		}
	}
	for _, l := range []struct {
		terms []string
		kind  uint64
	}{{g.Domestic, kDomestic}, {g.DomesticAfter, kDomesticAfter}, {g.Origin, kDomestic | kOrigin}} {
		for _, t := range l.terms {
			for _, v := range lexVariants(t) {
				b.add(v, l.kind)
			}
		}
	}
	for _, t := range g.OriginAfter {
		// Normalised without trimming: a trailing space is part of the
		// ending ("dan " is an ending, "dana" is no word of it).
		if n := Normalize(t).String(); n != "" {
			m.originAfter = append(m.originAfter, []byte(n))
		}
	}
	for ii, ind := range lex.Indicators {
		terms := slices.Concat(ind.DestinationTerms, ind.ClearanceTerms)
		for ti, t := range terms {
			for _, v := range lexVariants(t) {
				// A guarantee is a promise to deliver goods, an offer
				// word whether or not it names a place (heldout28 j0096).
				b.add(v, kIndDest|kOfferWeak)
				pi := int32(b.index[v])
				if !slices.Contains(m.destTerms[pi], int16(ii)) {
					m.destTerms[pi] = append(m.destTerms[pi], int16(ii))
				}
				if ti >= len(ind.DestinationTerms) {
					m.destLoose[pi] = true
				}
			}
		}
	}
	return nil
}

// Reach of a destination from its guarantee: a name after it ("safe
// delivery to the USA and Canada") or before it ("в РФ доставка
// гарантирована", "美国安全到货"), in the same clause.
const (
	destAfter  = 48
	destBefore = 32
)

// destinationNamed reports whether the delivery guarantee c names a
// destination: a gazetteer name in the same clause, at most destAfter
// bytes after it or destBefore bytes before it, that is not the area a
// domestic delivery covers ("across mainland UK", "para todo Brasil") nor
// the place the listing's own location names.
func (m *Matcher) destinationNamed(fields []field, f *field, c indCand) bool {
	if f.kinds&kDestination == 0 {
		return false
	}
	var home []int16
	homeRead := false
	// named reports whether destination hit h is a place abroad.
	named := func(h fhit) bool {
		if m.domesticArea(f, h) || m.originAfterName(f, h) {
			return false // "across mainland UK", "Made in Germany", "Almanya'dan"
		}
		if f.name == precwatch.FieldLocation {
			return true // "Location: Guangzhou — 100% safe delivery to Canada"
		}
		if !homeRead {
			home, homeRead = m.homeDestinations(fields), true
		}
		// "Location: Ohio, USA" and "delivery guaranteed in the USA".
		return !slices.ContainsFunc(m.destOf[h.pat], func(d int16) bool { return slices.Contains(home, d) })
	}
	// Before the guarantee: one place in its clause ("美国安全到货").
	for _, h := range f.window(c.s-destBefore-maxCue, c.s) {
		if h.pat < 0 || m.pats[h.pat].kinds&kDestination == 0 || h.e > c.s || c.s-h.e > destBefore {
			continue
		}
		if (sameClauseDest(f.norm[h.e:c.s]) || m.destLoose[c.pat] && prevClause(f.norm[h.e:c.s])) && named(h) {
			return true
		}
	}
	// After it: the first place in its clause and the list that goes on
	// from it ("Entrega segura en México, Guatemala y Honduras": the home
	// country first, then the places abroad).
	end, first := c.e, true
	for _, h := range f.window(c.e, c.e+destAfter+listReach*4) {
		if h.pat < 0 || m.pats[h.pat].kinds&kDestination == 0 || h.s < end {
			continue
		}
		gap := f.norm[end:h.s]
		if first && (h.s-c.e > destAfter || !sameClauseDest(gap) && !onlyPunct(gap)) || !first && !placeListGap(gap) {
			break
		}
		first, end = false, h.e
		if named(h) {
			return true
		}
	}
	return false
}

// sameClauseDest reports whether a gap between a guarantee and a name
// holds no sentence or clause break: "Delivery guaranteed, free shipping
// to EU" names no destination of the guarantee.
func sameClauseDest(gap []byte) bool {
	for len(gap) > 0 {
		r, w := utf8.DecodeRune(gap)
		switch r {
		case ',', '.', ';', '!', '?', '\n', '，', '。', '；', '！', '？', '、', '|', '•', '·':
			return false
		}
		gap = gap[w:]
	}
	return true
}

// prevClause reports whether a gap before a guarantee holds no sentence
// break and at most one comma: the place may stand in the clause before
// it ("Door to door to Mexico, customs cleared by us", "Almanya'ya
// teslimat, gümrük bizden").
func prevClause(gap []byte) bool {
	commas := 0
	for len(gap) > 0 {
		r, w := utf8.DecodeRune(gap)
		switch r {
		case ',', '，', '、':
			commas++
		case '.', ';', '!', '?', '\n', '。', '；', '！', '？', '|', '•', '·':
			return false
		}
		gap = gap[w:]
	}
	return commas <= 1
}

// listReach is the longest gap between two places of a list.
const listReach = 12

// listConnectors join the places of a list ("México, Guatemala y
// Honduras", "в Казахстан и Беларусь", "美国和加拿大").
var listConnectors = map[string]bool{"and": true, "or": true, "y": true, "e": true, "o": true, "und": true, "oder": true, "et": true, "ou": true,
	"en": true, "of": true, "i": true, "lub": true, "a": true, "и": true, "или": true, "та": true, "і": true, "й": true, "ve": true, "veya": true,
	"og": true, "och": true, "eller": true, "ja": true, "tai": true, "es": true, "vagy": true, "si": true, "sau": true, "και": true, "dan": true,
	"atau": true, "va": true, "hoac": true, "و": true, "או": true, "और": true, "&": true, "the": true, "la": true, "le": true, "el": true, "no": true,
	"na": true, "do": true, "to": true, "in": true, "nach": true, "в": true, "во": true, "до": true, "у": true}

// placeListGap reports whether a gap between two places holds only list
// punctuation and connectors ("、", ", ", " y ", " and the ").
func placeListGap(gap []byte) bool {
	if len(gap) > listReach {
		return false
	}
	word := 0
	for i := 0; i <= len(gap); {
		r, w := utf8.RuneError, 1
		if i < len(gap) {
			r, w = utf8.DecodeRune(gap[i:])
		}
		if i == len(gap) || r == ' ' || r == ',' || r == '/' || r == '、' || r == '，' || r == '和' || r == '及' || r == '与' || r == '-' {
			if i > word && !listConnectors[string(gap[word:i])] {
				return false
			}
			word = i + w
		}
		i += w
	}
	return true
}

// onlyPunct reports whether a gap holds nothing but spaces, a comma, a
// colon or a dash: the list of places right after a guarantee ("保证安全到货，
// 欧洲俄罗斯均可", "Safe delivery: USA, EU").
func onlyPunct(gap []byte) bool {
	for len(gap) > 0 {
		r, w := utf8.DecodeRune(gap)
		switch r {
		case ' ', ',', ':', '-', '–', '—', '，', '：':
		default:
			return false
		}
		gap = gap[w:]
	}
	return true
}

// domesticArea reports whether destination hit h is the area a domestic
// delivery covers or the origin of the goods: a domestic or origin cue
// ending at most five bytes (an article) before it, or a domestic-after
// cue right after it. Further back a cue is another place's ("from China
// to the USA").
func (m *Matcher) domesticArea(f *field, h fhit) bool {
	if f.kinds&(kDomestic|kDomesticAfter) == 0 {
		return false
	}
	// Domestic and origin cues (kDomestic|kOrigin) alike.
	for _, d := range f.window(h.s-5-maxCue, h.e+3) {
		if d.pat < 0 {
			continue
		}
		k := m.pats[d.pat].kinds
		if k&kDomestic != 0 && d.e <= h.s && h.s-d.e <= 5 && sameClauseDest(f.norm[d.e:h.s]) {
			return true
		}
		if k&kDomesticAfter != 0 && d.s >= h.e && d.s-h.e <= 2 {
			return true
		}
	}
	return false
}

// originAfterName reports whether an origin ending or word follows
// destination hit h ("Almanya'dan", "Saksasta", "ドイツから").
func (m *Matcher) originAfterName(f *field, h fhit) bool {
	rest := f.norm[h.e:]
	for _, o := range m.originAfter {
		// A Latin ending is glued ("almanya'dan", "saksasta"); a CJK
		// word may stand after a space ("中国 发货").
		if bytes.HasPrefix(rest, o) || o[0] >= 0x80 && len(rest) > 0 && rest[0] == ' ' && bytes.HasPrefix(rest[1:], o) {
			return true
		}
	}
	// A name that ends its field before an ending of one word
	// ("Saksasta" at the end of the text).
	for _, o := range m.originAfter {
		if t := bytes.TrimRight(o, " .,"); len(t) < len(o) && bytes.Equal(rest, t) {
			return true
		}
	}
	return false
}

// homeDestinations returns the destinations the listing's location field
// names.
func (m *Matcher) homeDestinations(fields []field) []int16 {
	var out []int16
	for fi := range fields {
		f := &fields[fi]
		if f.name != precwatch.FieldLocation || f.kinds&kDestination == 0 {
			continue
		}
		for _, h := range f.hits {
			if h.pat >= 0 && m.pats[h.pat].kinds&kDestination != 0 {
				for _, d := range m.destOf[h.pat] {
					if !m.destRegion[d] {
						out = append(out, d)
					}
				}
			}
		}
	}
	return out
}
