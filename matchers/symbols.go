package matchers

import (
	"slices"
	"unicode"
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
func (m *Matcher) appendSymbolHits(out []fhit, norm []byte, fi int32, js *joinScratch) []fhit {
	base := len(out)
	n := len(norm)
	for from := 0; from < n; {
		h := nextSymbol(norm, from)
		if h < 0 {
			break
		}
		from = h + 1
		if symReading(norm, h) == "" {
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
		for k := 0; k < symWindowWords && ws > 1 && norm[ws-1] == ' '; k++ {
			ws--
			for ws > 0 && symWordByte(norm[ws-1]) {
				ws--
			}
		}
		for k := 0; k < symWindowWords && we+1 < n && norm[we] == ' '; k++ {
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

// nextSymbol returns the offset of the first symbol of symLetters, or
// look-alike digit of cyrLetter, in norm[from:], or -1.
func nextSymbol(norm []byte, from int) int {
	for i := from; i < len(norm); i++ {
		if symLetter[norm[i]] != 0 || cyrLetter[norm[i]] != "" {
			return i
		}
	}
	return -1
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
	if c == '!' && !(before && after) || !before && !after {
		return ""
	}
	return symLetterStr[c]
}

var symLetterStr = [256]string{'@': "a", '$': "s", '!': "i"}

// cyrillicBefore and cyrillicAt report whether a Cyrillic letter ends at
// norm[i-1] or starts at norm[i].
func cyrillicBefore(norm []byte, i int) bool {
	if i < 2 || norm[i-1] < 0x80 {
		return false
	}
	r, _ := utf8.DecodeLastRune(norm[:i])
	return r >= 0x400 && r < 0x530 && unicode.IsLetter(r)
}

func cyrillicAt(norm []byte, i int) bool {
	if i >= len(norm) || norm[i] < 0x80 {
		return false
	}
	r, _ := utf8.DecodeRune(norm[i:])
	return r >= 0x400 && r < 0x530 && unicode.IsLetter(r)
}

// symWordByte reports whether c belongs to a word of the symbol rescan's
// window: an ASCII letter or digit, a hyphen ("1-phenyl-2-pr0p@none"), a
// symbol, or a byte of a non-ASCII rune.
func symWordByte(c byte) bool {
	return c >= 0x80 || asciiWord[c] || c == '-' || symLetter[c] != 0
}
