package matchers

import (
	"slices"
	"unicode/utf8"
)

// Symbols written for letters to break a keyword ("@cetone", "Hydr0i0dic
// @cid", "$afrole", "P$eudoephedrine", "Telegr@m", "W!ckr") are read back by
// a rescan, like the hyphens of hyphen.go: the normaliser keeps them, since
// the same symbols make e-mail addresses, handles ("@user", "DM @shop"),
// prices ("$20", "R$ 50") and exclamations, and the matcher scans a small
// window around each symbol next to a letter once more with the symbols read
// as letters and the leetspeak of the words they joined decoded. Only terms
// of five bytes or more that span a changed byte count (substance names and
// indicator terms), so an address or a handle never becomes a mention unless
// it spells one, and nothing the plain scan finds is found twice.

// symLetters are the symbols read as letters, and symLetter the letter each
// stands for: '@' and '$' next to a letter on either side, '!' only between
// two letters ("Yahoo!", "!!!" are punctuation).
const symLetters = "@$!"

var symLetter = [256]byte{'@': 'a', '$': 's', '!': 'i'}

// symWindowWords is how many words on each side of a word with a symbol the
// rescan's window holds: enough for three-word names ("acido fenil@cetico",
// "hydroiodic @cid", "benzyl methyl k3t0n3").
const symWindowWords = 2

// cyrLetter is the Cyrillic letter a digit or symbol next to a Cyrillic
// letter stands for: the look-alikes "0" о, "3" з, "6" б (digitLookalike
// the other way round) and "@" а ("Ацет0н", "@цетон", "Сафр0л").
var cyrLetter = [256]string{'0': "о", '3': "з", '6': "б", '@': "а"}

// appendSymbolHits appends to out the substance and indicator terms found in
// field fi (normalised text norm) only once the symbols next to letters
// (and the digits glued to a Cyrillic word) are read as letters, with their
// span in norm. The caller calls it only for a field that may hold one
// (Text.symbols).
func (m *Matcher) appendSymbolHits(out []fhit, norm []byte, fi int32, js *joinScratch, sym, cyr bool) []fhit {
	base := len(out)
	n := len(norm)
	var ns symScan
	for from := 0; from < n; {
		h := ns.next(norm, from, sym, cyr)
		if h < 0 {
			break
		}
		from = h + 1
		if l := symReading(norm, h); l == "" || len(l) == 1 && !m.maySpell(norm, h, l[0]) {
			continue
		}
		// The window: the word around the symbol and symWindowWords
		// words on each side, taking in the symbols further on that
		// fall inside it.
		ws, we := h, h+1
		for ws > 0 && symWordByte(norm[ws-1]) {
			ws--
		}
		for we < n && symWordByte(norm[we]) {
			we++
		}
		for k := 0; k < symWindowWords && ws > 1 && norm[ws-1] == ' ' && symWordByte(norm[ws-2]); k++ {
			ws--
			for ws > 0 && symWordByte(norm[ws-1]) {
				ws--
			}
		}
		for k := 0; k < symWindowWords && we+1 < n && norm[we] == ' ' && symWordByte(norm[we+1]); k++ {
			we++
			for we < n && symWordByte(norm[we]) {
				we++
			}
		}
		from = we
		js.text, js.pos = js.text[:0], js.pos[:0]
		for p := ws; p < we; p++ {
			if symLetter[norm[p]] != 0 || cyrLetter[norm[p]] != "" {
				if l := symReading(norm, p); l != "" {
					for k := 0; k < len(l); k++ {
						js.text = append(js.text, l[k])
						js.pos = append(js.pos, int32(p))
					}
					continue
				}
			}
			js.text = append(js.text, norm[p])
			js.pos = append(js.pos, int32(p))
		}
		js.pos = append(js.pos, int32(we))
		deLeet(js.text) // the words the symbols joined ("ph0$phorus")
		out = m.appendSymbolWindowHits(out, base, norm, fi, js)
	}
	return out
}

// appendSymbolWindowHits scans js.text, a window of norm with its symbols
// read as letters (js.pos maps each byte back to norm), and appends to out
// the terms that span a byte the reading changed; hits already in
// out[base:] are not added twice.
func (m *Matcher) appendSymbolWindowHits(out []fhit, base int, norm []byte, fi int32, js *joinScratch) []fhit {
	js.raw = m.ac.scan(js.text, js.raw[:0])
	for _, r := range js.raw {
		p := &m.pinfo[r.pat]
		if p.kinds&(kSubstance|kIndicator) == 0 || p.suffix > 0 || p.plen < 5 {
			continue
		}
		s, e := int(r.end-p.plen), int(r.end)
		if p.startB && wordBefore(js.text, s) || p.endB && wordAt(js.text, e) {
			continue
		}
		changed := false
		for k := s; k < e; k++ {
			if js.text[k] != norm[js.pos[k]] {
				changed = true
				break
			}
		}
		if !changed {
			continue
		}
		ns, ne := int(js.pos[s]), int(js.pos[e-1])+1
		// A handle after a messenger label ("Telegram: @cetone") or glued
		// to an underscore ("@cetone_shop") names the seller, as in
		// filterHits.
		if p.kinds&kSubstance != 0 && (ne < len(norm) && norm[ne] == '_' ||
			norm[ns] == '@' && afterMessengerLabel(norm, ns)) {
			continue
		}
		hit := fhit{pat: r.pat, s: int32(ns), e: int32(ne), field: fi}
		if !slices.Contains(out[base:], hit) {
			out = append(out, hit)
		}
	}
	return out
}

// maySpell reports whether reading the symbol norm[h] as the ASCII letter l
// can make a term: the trigram of l and the letters next to it occurs in
// one (Matcher.symTri). Digits or other bytes next to it (leetspeak the
// window decodes, "@c1d") pass.
func (m *Matcher) maySpell(norm []byte, h int, l byte) bool {
	var a, b, c byte
	switch {
	case h > 0 && h+1 < len(norm) && isASCIIAlpha(norm[h-1]) && isASCIIAlpha(norm[h+1]):
		a, b, c = norm[h-1], l, norm[h+1]
	case h+2 < len(norm) && isASCIIAlpha(norm[h+1]):
		a, b, c = l, norm[h+1], norm[h+2]
	case h >= 2 && isASCIIAlpha(norm[h-1]):
		a, b, c = norm[h-2], norm[h-1], l
	default:
		return true
	}
	t, ok := trigramIndex(a, b, c)
	return !ok || m.symTri[t/64]&(1<<(t%64)) != 0
}

// symScan finds the symbols and digits the symbol rescan looks at, one
// vector search per kind (most fields with a symbol hold one e-mail
// address, handle or price) rather than a test of every byte.
type symScan struct {
	at   [len(symLetters) + 1]int // next offset of each kind, -1 none
	from [len(symLetters) + 1]int // the offset at[k] was searched from, +1
}

// next returns the offset of the first symbol of symLetters (with sym) or
// look-alike digit of cyrLetter (with cyr) in norm[from:], or -1.
func (ss *symScan) next(norm []byte, from int, sym, cyr bool) int {
	best := -1
	for k := range ss.at {
		if k < len(symLetters) && !sym || k == len(symLetters) && !cyr {
			continue
		}
		if ss.from[k] == 0 || ss.at[k] >= 0 && ss.at[k] < from {
			ss.from[k] = from + 1
			if k < len(symLetters) {
				ss.at[k] = indexByteFrom(norm, symLetters[k], from)
			} else {
				ss.at[k] = -1
				for d := nextDigit(norm, from); d < len(norm); d = nextDigit(norm, d+1) {
					if cyrLetter[norm[d]] != "" {
						ss.at[k] = d
						break
					}
				}
			}
		}
		if a := ss.at[k]; a >= 0 && (best < 0 || a < best) {
			best = a
		}
	}
	return best
}

// symReading returns the letter the symbol or digit norm[h] stands for, or
// "": next to a Cyrillic letter, its Cyrillic look-alike (cyrLetter);
// else '@' and '$' next to an ASCII letter on one side, '!' between two.
func symReading(norm []byte, h int) string {
	c := norm[h]
	if cyrLetter[c] != "" && (cyrillicBefore(norm, h) || cyrillicAt(norm, h+1)) {
		return cyrLetter[c]
	}
	if symLetter[c] == 0 {
		return ""
	}
	before := h > 0 && isASCIIAlpha(norm[h-1])
	after := h+1 < len(norm) && isASCIIAlpha(norm[h+1])
	if c == '!' && !(before && after) || !before && !after || c == '@' && before && emailDomain(norm, h+1) {
		return ""
	}
	return symLetterStr[c]
}

// emailDomain reports whether norm[i:] starts with the domain of an e-mail
// address: letters, digits and hyphens, a dot and a letter
// ("sales@example-chem.example.com").
func emailDomain(norm []byte, i int) bool {
	for ; i < len(norm); i++ {
		if c := norm[i]; c == '.' {
			return i+1 < len(norm) && isASCIIAlpha(norm[i+1])
		} else if c >= 0x80 || !asciiWord[c] && c != '-' {
			return false
		}
	}
	return false
}

var symLetterStr = [256]string{'@': "a", '$': "s", '!': "i"}

// cyrillicBefore and cyrillicAt report whether a Cyrillic letter ends at
// norm[i-1] or starts at norm[i].
func cyrillicBefore(norm []byte, i int) bool {
	if i < 2 || norm[i-1] < 0x80 {
		return false
	}
	r, _ := utf8.DecodeLastRune(norm[:i])
	return isCyrillicLetter(r)
}

func cyrillicAt(norm []byte, i int) bool {
	if i >= len(norm) || norm[i] < 0x80 {
		return false
	}
	r, _ := utf8.DecodeRune(norm[i:])
	return isCyrillicLetter(r)
}

// symWordByte reports whether c belongs to a word of the symbol rescan's
// window: an ASCII letter or digit, a hyphen ("1-phenyl-2-pr0p@none"), a
// symbol, or a byte of a non-ASCII rune.
func symWordByte(c byte) bool {
	return c >= 0x80 || asciiWord[c] || c == '-' || symLetter[c] != 0
}
