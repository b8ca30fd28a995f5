package matchers

import (
	"bytes"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// filterHitsRef is filterHits as session 19 left it: every test in line
// for every raw hit.
func (m *Matcher) filterHitsRef(norm []byte, raw []rawHit, fi int32, tmp *[]fhit, slab []fhit) (hits, rest []fhit) {
	out := (*tmp)[:0]
	for _, r := range raw {
		p := &m.pinfo[r.pat]
		if p.kinds == 0 {
			continue // a CAS keyword (appendFieldCASKey)
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
				continue
			}
			// "~80%", "99.0%": a term that starts with a digit ("0%")
			// after a digit, or after a decimal point or comma after one,
			// is the tail of a longer number (heldout47 zp0097).
			if p.numStart && s >= 2 && (norm[s-1] == '.' || norm[s-1] == ',') && isDigit(norm[s-2]) {
				continue
			}
		}
		// Round fix80: a Finnish case ending after an abbreviation and a
		// colon ("GBL:ää").
		if s >= 2 && norm[s-1] == ':' && p.kinds&^kSubstance == 0 && colonCaseEnding(norm, int(s), int(r.end)) {
			continue
		}
		if p.glued {
			// A glued term: its tail ends the word before
			// ("tisztítószerként deklarálva"); the hit starts there.
			tail := m.pats[r.pat].tail
			t := int(s) - 1 - len(tail)
			if t < 0 || norm[s-1] != ' ' || string(norm[t:s-1]) != tail {
				continue
			}
			s = int32(t)
		}
		if p.endB {
			wa, ascii := asciiWordByteAt(norm, int(r.end))
			if !ascii {
				wa = wordAt(norm, int(r.end))
			}
			if wa && !(p.glueDigit && isDigit(norm[r.end])) {
				continue
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
		if p.newStreet && p.kinds&kSubstance != 0 && bytes.HasPrefix(norm[r.end:], []byte(" precursor")) {
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
	*tmp = out[:0]
	return keep[base:len(keep):len(keep)], keep
}

// TestFilterHitsCommonCase: filterHits decides the common case of a raw hit (a
// pattern that is not rare, ASCII or nothing on either side, no messenger
// label before a substance term glued to a word) in line and sends the
// rest to filterHit; on every labelled text, the corpus and random
// mixtures of watchlist patterns (rare ones among them: glued, with a
// suffix, "new" street names; and non-ASCII first bytes) with what may stand
// around them (letters, digits, '@', '_', ':', decimal points, messenger
// labels, Latin-1, Cyrillic, Arabic and Hebrew prefixes, "precursor") it
// keeps the same hits as filterHitsRef, in the same order.
func TestFilterHitsCommonCase(t *testing.T) {
	m := testMatcher(t)
	var glued, suffix, street, high []string
	var plain []string
	for i := range m.pats {
		p, pi := &m.pats[i], &m.pinfo[i]
		if pi.kinds == 0 || p.text == "" {
			continue
		}
		switch {
		case pi.glued:
			glued = append(glued, p.text)
		case pi.suffix > 0:
			suffix = append(suffix, p.text)
		case pi.newStreet:
			street = append(street, p.text)
		case pi.rare:
			t.Fatalf("pattern %q: rare, but neither glued nor with a suffix nor a new street name", p.text)
		case p.text[0] >= 0x80:
			high = append(high, p.text)
		default:
			plain = append(plain, p.text)
		}
	}
	if len(glued) == 0 || len(suffix) == 0 || len(street) == 0 || len(high) == 0 {
		t.Fatalf("pattern classes: %d glued, %d suffix, %d street, %d non-ASCII first", len(glued), len(suffix), len(street), len(high))
	}
	r := rand.New(rand.NewPCG(21, 1))
	pick := func(l []string) string { return l[r.IntN(len(l))] }
	around := []string{"", "", " ", " ", "a", "Z", "9", "1", "@", "_", ":", ": ", ".", ",", "0.", "5,", "-", "/", "é", "д", "ال", "و", "ו",
		"wickr: ", "tg ", "telegram id ", "wickr @", " precursor", "new ", "s", "ing", "'", "\u00a0", "中"}
	texts := labelledTextsAll(t)
	ls, _ := genCorpus(256 << 10)
	for i := range ls {
		texts = append(texts, ls[i].Title, ls[i].Description)
	}
	for range 60000 {
		var b strings.Builder
		for k := r.IntN(6); k >= 0; k-- {
			b.WriteString(pick(around))
			switch r.IntN(8) {
			case 0:
				b.WriteString(pick(glued))
			case 1:
				b.WriteString(pick(suffix))
			case 2:
				b.WriteString(pick(street))
			case 3:
				b.WriteString(pick(high))
			default:
				b.WriteString(pick(plain))
			}
			b.WriteString(pick(around))
		}
		texts = append(texts, b.String())
	}
	var tx Text
	var raw []rawHit
	var tmp, tmpRef []fhit
	kept := 0
	for _, s := range texts {
		raw = tx.resetScan(s, m.ac, raw[:0])
		got, _ := m.filterHits(tx.Norm, raw, 3, &tmp, nil)
		want, _ := m.filterHitsRef(tx.Norm, raw, 3, &tmpRef, nil)
		if !slices.Equal(got, want) {
			t.Fatalf("%q (normalised %q): filterHits %v, want %v", s, tx.Norm, got, want)
		}
		kept += len(got)
	}
	if kept < 100000 {
		t.Fatalf("only %d hits kept: the texts miss the case", kept)
	}
	t.Logf("%d texts, %d hits kept", len(texts), kept)
}
