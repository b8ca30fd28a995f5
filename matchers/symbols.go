package matchers

import "slices"

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

// appendSymbolHits appends to out the substance and indicator terms found in
// field fi (normalised text norm) only once the symbols next to letters are
// read as letters, with their span in norm. The caller calls it only for a
// field that may hold a symbol (Text.symbols).
func (m *Matcher) appendSymbolHits(out []fhit, norm []byte, fi int32, js *joinScratch) []fhit {
	base := len(out)
	n := len(norm)
	for from := 0; from < n; {
		h := nextSymbol(norm, from)
		if h < 0 {
			break
		}
		from = h + 1
		if !symReadable(norm, h) {
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
		js.text = append(js.text[:0], norm[ws:we]...)
		for p := ws; p < we; p++ {
			if symLetter[norm[p]] != 0 && symReadable(norm, p) {
				js.text[p-ws] = symLetter[norm[p]]
			}
		}
		deLeet(js.text) // the words the symbols joined ("ph0$phorus")
		out = m.appendSymbolWindowHits(out, base, norm, ws, fi, js)
	}
	return out
}

// appendSymbolWindowHits scans js.text, the window of norm from ws on with
// its symbols read as letters, and appends to out the terms that span a
// byte the reading changed; hits already in out[base:] are not added twice.
func (m *Matcher) appendSymbolWindowHits(out []fhit, base int, norm []byte, ws int, fi int32, js *joinScratch) []fhit {
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
			if js.text[k] != norm[ws+k] {
				changed = true
				break
			}
		}
		if !changed {
			continue
		}
		// A handle after a messenger label ("Telegram: @cetone") or glued
		// to an underscore ("@cetone_shop") names the seller, as in
		// filterHits.
		if p.kinds&kSubstance != 0 && (ws+e < len(norm) && norm[ws+e] == '_' ||
			norm[ws+s] == '@' && afterMessengerLabel(norm, ws+s)) {
			continue
		}
		hit := fhit{pat: r.pat, s: int32(ws + s), e: int32(ws + e), field: fi}
		if !slices.Contains(out[base:], hit) {
			out = append(out, hit)
		}
	}
	return out
}

// nextSymbol returns the offset of the first symbol of symLetters in
// norm[from:], or -1.
func nextSymbol(norm []byte, from int) int {
	for i := from; i < len(norm); i++ {
		if symLetter[norm[i]] != 0 {
			return i
		}
	}
	return -1
}

// symReadable reports whether the symbol norm[h] stands for a letter: an
// ASCII letter on one side ('@', '$') or on both ('!').
func symReadable(norm []byte, h int) bool {
	before := h > 0 && isASCIIAlpha(norm[h-1])
	after := h+1 < len(norm) && isASCIIAlpha(norm[h+1])
	if norm[h] == '!' {
		return before && after
	}
	return before || after
}

// symWordByte reports whether c belongs to a word of the symbol rescan's
// window: an ASCII letter or digit, a hyphen ("1-phenyl-2-pr0p@none"), a
// symbol, or a byte of a non-ASCII rune.
func symWordByte(c byte) bool {
	return c >= 0x80 || asciiWord[c] || c == '-' || symLetter[c] != 0
}
