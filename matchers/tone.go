package matchers

import "bytes"

// Romanised Chinese is often typed with tone digits after each syllable
// (pinyin "gao1 meng3 suan1 jia3", Cantonese Jyutping "ma4 wong4 gaan2",
// heldout57 zz0069). The normaliser keeps digits (sizes, CAS numbers), so
// the matcher rescans a run of two or more such syllables with the digits
// removed; only substance terms that span a removed digit count.

// maxToneSyllable is the longest syllable a tone digit follows ("zhuang",
// "chaang").
const maxToneSyllable = 6

// toneEnd reports whether norm[i] is a tone digit: 1 to 6 after one to
// maxToneSyllable ASCII letters with a vowel that start a word, and before
// the end of the word. It returns the start of the syllable.
func toneEnd(norm []byte, i int) (int, bool) {
	if c := norm[i]; c < '1' || c > '6' || i == 0 {
		return 0, false
	}
	if i+1 < len(norm) && (norm[i+1] >= 0x80 || isASCIIAlnumRune(rune(norm[i+1]))) {
		return 0, false
	}
	j, vowel := i, false
	for j > 0 && norm[j-1] >= 'a' && norm[j-1] <= 'z' {
		j--
		switch norm[j] {
		case 'a', 'e', 'i', 'o', 'u', 'v':
			vowel = true
		}
		if i-j > maxToneSyllable {
			return 0, false
		}
	}
	if j == i || !vowel || j > 0 && (norm[j-1] >= 0x80 || isASCIIAlnumRune(rune(norm[j-1]))) {
		return 0, false
	}
	return j, true
}

// appendToneHits appends to out the substance terms of field fi found in
// runs of two or more tone-marked syllables once their digits are removed.
func (m *Matcher) appendToneHits(out []fhit, norm []byte, fi int32, js *joinScratch) []fhit {
	base := len(out)
	// A run of two or more syllables starts at a tone digit with a space
	// after it: look at the spaces only (one vector search each), not at
	// every byte of the field.
	c := firstToneDigit(norm)
	if c < 0 {
		return out
	}
	for from := c + 1; from < len(norm); {
		k := bytes.IndexByte(norm[from:], ' ')
		if k < 0 {
			break
		}
		sp := from + k
		from = sp + 1
		if sp < 2 || norm[sp-1]-'1' > 5 || norm[sp-2] < 'a' || norm[sp-2] > 'z' {
			continue
		}
		i := sp - 1
		start, ok := toneEnd(norm, i)
		if !ok {
			continue
		}
		// A run: syllables with their digits, one space apart.
		js.text, js.pos, js.cut = js.text[:0], js.pos[:0], js.cut[:0]
		end, n := i, 0
		for {
			for p := start; p < end; p++ {
				js.text = append(js.text, norm[p])
				js.pos = append(js.pos, int32(p))
			}
			js.cut = append(js.cut, int32(end))
			n++
			next := end + 2 // past the digit and one space
			if end+1 >= len(norm) || norm[end+1] != ' ' {
				break
			}
			k := next
			for k < len(norm) && k-next <= maxToneSyllable && norm[k] >= 'a' && norm[k] <= 'z' {
				k++
			}
			if k >= len(norm) {
				break
			}
			s, ok := toneEnd(norm, k)
			if !ok || s != next {
				break
			}
			js.text = append(js.text, ' ')
			js.pos = append(js.pos, int32(end+1))
			start, end = s, k
		}
		if n >= 2 {
			js.pos = append(js.pos, int32(end))
			out = m.appendCutHits(out, base, fi, js)
		}
		from = max(from, end+1)
	}
	return out
}

// firstToneDigit returns the offset of the first digit 1 to 6 with an
// ASCII letter before it and a space after it (where a run of tone-marked
// syllables may start), or -1: six vector searches, one per digit, so a
// field without such a digit costs no loop over its bytes.
func firstToneDigit(norm []byte) int {
	best := -1
	for d := byte('1'); d <= '6'; d++ {
		end := len(norm)
		if best >= 0 {
			end = best
		}
		for from := 1; from < end; {
			k := bytes.IndexByte(norm[from:end], d)
			if k < 0 {
				break
			}
			i := from + k
			if i+1 < len(norm) && norm[i+1] == ' ' && norm[i-1] >= 'a' && norm[i-1] <= 'z' {
				best = i
				break
			}
			from = i + 1
		}
	}
	return best
}
