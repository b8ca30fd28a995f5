package matchers

import "unicode/utf8"

// quotedReach is how far a quotation mark may stand from the indicator
// phrase it encloses, and a mention cue from that mark.
const quotedReach = 24

// quotedMention reports whether indicator phrase c stands inside
// quotation marks that a mention cue opens ("Promises of 'guaranteed
// customs clearance' by a supplier do not replace these documents",
// "phrases like \"stealth shipping\"", heldout66 yr0069): the text names
// the phrase, as guidance or a report quotes what sellers say, and does not
// say it.
func (m *Matcher) quotedMention(f *field, c indCand) bool {
	if f.kinds&kMention == 0 {
		return false
	}
	open := -1
	var q rune
	for i := int(c.s) - 1; i >= 0 && int(c.s)-i <= quotedReach; i-- {
		b := f.norm[i]
		if b == '"' || b == '\'' {
			if i > 0 && wordBefore(f.norm, i) {
				return false // "don't": an apostrophe, no quote
			}
			open, q = i, rune(b)
			break
		}
		if b >= 0x80 && utf8.RuneStart(b) {
			if r, _ := utf8.DecodeRune(f.norm[i:]); r == '「' || r == '『' {
				open, q = i, r
				break
			}
		}
		if b == '.' || b == ';' || b == '!' || b == '?' || b == '\n' || b == ',' {
			return false
		}
	}
	if open < 0 || !closedAfter(f.norm, int(c.s), int(c.e)+quotedReach, q) {
		return false
	}
	for _, h := range f.window(int32(open)-quotedReach-maxCue, int32(open)) {
		if h.pat >= 0 && m.pats[h.pat].kinds&kMention != 0 && h.e <= int32(open) && int32(open)-h.e <= quotedReach &&
			sameClause(f.norm[h.e:open]) {
			return true
		}
	}
	return false
}

// closedAfter reports whether the quotation opened by q closes after
// norm[s] and before norm[lim], in the same sentence: the phrase starts
// inside it (a frame's first part may be quoted and its second not: the
// frame is the quotation's).
func closedAfter(norm []byte, s, lim int, q rune) bool {
	want := q
	switch q {
	case '「':
		want = '」'
	case '『':
		want = '』'
	}
	for i := s; i < len(norm) && i <= lim; {
		r, w := utf8.DecodeRune(norm[i:])
		if r == want {
			return q != '\'' || !wordAt(norm, i+w)
		}
		if r == '.' || r == ';' || r == '!' || r == '?' || r == '\n' {
			return false
		}
		i += w
	}
	return false
}
