package extract

import (
	"bytes"
	"slices"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// legacyCharsets are the undeclared charsets GuessCharset tries, the most
// likely first (it wins ties).
var legacyCharsets = []struct {
	e    encoding.Encoding
	name string
}{
	{charmap.Windows1251, "windows-1251"}, {charmap.KOI8R, "koi8-r"}, {simplifiedchinese.GB18030, "gb18030"},
	{japanese.ShiftJIS, "shift_jis"}, {charmap.Windows1252, "windows-1252"}, {japanese.EUCJP, "euc-jp"},
}

// maxGuessSample bounds the bytes GuessCharset weighs: a megabyte tells
// the charset as well as all of a large file does, which would otherwise
// be decoded in every candidate charset.
const maxGuessSample = 1 << 20

// GuessCharset decodes bytes that are not UTF-8 and declare no charset
// (an old Russian, Chinese or Japanese shop that sends neither a charset
// parameter nor a <meta charset>) with the legacy charset whose decoding of
// (the first megabyte of) data reads most like text (plausibility):
// windows-1251, KOI8-R, GB18030, Shift_JIS, windows-1252 or EUC-JP (which
// wins over GB18030 on text with kana), the most likely first on a tie. It returns the UTF-8 text and the charset's name; when
// nothing decodes, data with invalid UTF-8 sequences replaced and "".
func GuessCharset(data []byte) ([]byte, string) {
	sample := data
	if len(sample) > maxGuessSample {
		// Cut after a space or line break: no charset tried uses
		// either inside a multi-byte character.
		sample = sample[:maxGuessSample]
		if i := bytes.LastIndexAny(sample, " \n"); i > 0 {
			sample = sample[:i+1]
		}
	}
	type candidate struct {
		e     encoding.Encoding
		name  string
		text  []byte // the sample decoded
		score int
	}
	var ranked []candidate
	for _, c := range legacyCharsets {
		if dec, err := c.e.NewDecoder().Bytes(sample); err == nil {
			score := plausibility(string(dec))
			if c.e == japanese.EUCJP {
				// EUC-JP's kana are GB2312's rows 4 and 5, so
				// Japanese reads as plausibly in GB18030 (kanji
				// becoming other hanzi); Chinese text has no
				// kana, so kana tell Japanese.
				score += kanaCount(string(dec))
			}
			ranked = append(ranked, candidate{c.e, c.name, dec, score})
		}
	}
	// Stable: the most likely charset wins ties.
	slices.SortStableFunc(ranked, func(a, b candidate) int { return b.score - a.score })
	for _, c := range ranked {
		if len(sample) == len(data) {
			return c.text, c.name
		}
		if dec, err := c.e.NewDecoder().Bytes(data); err == nil {
			return dec, c.name
		}
	}
	return bytes.ToValidUTF8(data, []byte("\uFFFD")), ""
}

// kanaCount returns the number of hiragana and katakana in s.
func kanaCount(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x3040 && r <= 0x30FF {
			n++
		}
	}
	return n
}

// plausibility scores how much a decoding reads like text in one script,
// per byte of input so that one-byte and two-byte charsets compare:
// Russian letters (one byte each in windows-1251) score 2, CJK ideographs
// (two bytes in GB18030 and Shift_JIS) 4 and kana 5 (Japanese text has
// kana, Chinese text read as Shift_JIS has none), none of them touching a
// Latin letter; a lone accented Latin letter scores 1. Capitals inside a
// Cyrillic word (two-byte text read as windows-1251), runs of three or more
// accented Latin letters (Cyrillic or CJK bytes read as windows-1252),
// halfwidth katakana (GBK bytes read as
// Shift_JIS), Latin-1 symbols and replacement characters cost.
func plausibility(s string) int {
	rs := []rune(s)
	score := 0
	asciiLetter := func(i int) bool {
		return i >= 0 && i < len(rs) && rs[i] < 0x80 && unicode.IsLetter(rs[i])
	}
	accented := func(i int) bool {
		return i >= 0 && i < len(rs) && rs[i] >= 0xC0 && rs[i] < 0x250 && unicode.IsLetter(rs[i])
	}
	russian := func(r rune) bool { return r >= 0x410 && r <= 0x44F || r == 0x401 || r == 0x451 }
	for i, r := range rs {
		switch {
		case r < 0x80:
		case r == utf8.RuneError:
			score -= 8
		case r >= 0xFF61 && r <= 0xFF9F:
			score -= 2
		case r >= 0x3040 && r <= 0x30FF:
			score += 5
		case r >= 0x4E00 && r <= 0x9FFF, r >= 0x3000 && r <= 0x303F, r >= 0xFF01 && r <= 0xFF5E:
			if asciiLetter(i-1) || asciiLetter(i+1) {
				// Inside a Latin word ("für" read as GB18030 is
				// "f黵"): an accented letter in a one-byte charset.
				// Real CJK text glues a Latin word to an ideograph
				// now and then ("T恤"), but its other ideographs
				// outweigh that.
				score -= 2
			} else {
				score += 4
			}
		case russian(r):
			switch {
			case asciiLetter(i-1) || asciiLetter(i+1):
				score -= 2
			case i > 0 && unicode.IsUpper(r) && unicode.IsLower(rs[i-1]) && rs[i-1] >= 0x400:
				score -= 3
			default:
				score += 2
			}
		case accented(i):
			// One accented letter scores, two in a row are neutral
			// (German "Größe", Portuguese "informação"), three or more
			// cost: Cyrillic and CJK read as windows-1252 make long
			// runs.
			switch {
			case accented(i-1) && (accented(i-2) || accented(i+1)), accented(i+1) && accented(i+2):
				score--
			case !accented(i-1) && !accented(i+1):
				score++
			}
		case r >= 0x80 && r < 0xC0:
			switch r {
			case 0xA0, 0xA3, 0xA5, 0xA7, 0xA9, 0xAB, 0xAE, 0xB0, 0xB7, 0xBB: // nbsp £ ¥ § © « ® ° · »
			default:
				score--
			}
		case unicode.IsLetter(r), unicode.IsSpace(r), unicode.IsPunct(r):
		case r == '€':
			// windows-1252's 0x80, a price's currency in every
			// German or French export (windows-1251 reads it Ђ).
		default:
			score--
		}
	}
	return score
}
