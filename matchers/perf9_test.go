package matchers

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestLetterRunSame compares Reset with resetRef (the normaliser before
// letterRun) on random mixtures of runs of non-ASCII letters and digits and
// what may stop or start them: spaced letters, Latin letters inside
// Cyrillic words and Cyrillic look-alikes inside Latin ones, Greek and
// Armenian look-alikes, kana voicing marks (the half-width ones are letters),
// marks, pictographs, invalid bytes, CJK, Hangul, Arabic and Devanagari text
// and digits, fullwidth and mathematical letters.
func TestLetterRunSame(t *testing.T) {
	pieces := []string{"эфедрин", "Эфедрин", "ПСЕВДО", "п", "с", "е", " ", ".", "-", "*", "_", "|", "/", "+", "a", "E", "p", "Pseudo",
		"ephedrine", "Псeвдоэфедрин", "Рhеnylаcеtone", "ВMК", "аcetone", "αβγ", "Εφεδρίνη", "օսն", "Isօsafrօle", "ﾄﾞ", "ﾄ", "ﾞ", "ﾟ",
		"ト", "゛", "\u3099", "が", "麻黄碱", "현재", "إفدرين", "١٢٣", "۹۹٫۵", "एफेड्रिन", "१०३", "ไทย", "é", "É", "ß", "ẞ", "ı", "İ", "ø",
		"æ", "ǅ", "ŉ", "ａｂｃ", "ＥＰＨ", "𝐄𝐩𝐡", "ᏢᎷᏦ", "ꓢ", "ᴘᴍᴋ", "\u0301", "\u200b", "\u200d", "\ufe0f", "💊", "✅", "\u202e",
		"\u202c", "\xff", "\xd0", "\xe2\x82", "\u00a0", "\u3000", "，", "。", "1", "0", "3", "\n", "&amp;", "<b>", "x1", "Ꭰ", "ǆ",
		"п с е в д о", "э.ф.е.д.р.и.н", "П-С-Е", "é p h", "α β γ", "п💊с💊е", "Kοοοl", "pseudoeрhеdrіne", "mееt", "aсс", "Νοο",
		"\u037a", "\ufe70", "\ufe72б", "ϊ\u037aϊ",
		"\xe0\x80\x80", "\xe0\x9f\x8a", "ߊ", "\xe0\xa0\x80", "\xed\xa0\x80", "\xed\x9f\xbf", "\xef\xbf", "\xe4\xb8", "\xc1\xbf", "\xc2", "\xf0\x9d\x90\x84",
		"ㄅ", "ꓐ", "가", "힣", "ퟻ", "\ue000", "⺀", "〇", "々"}
	r := rand.New(rand.NewPCG(9, 26))
	for k := 0; k < 30000; k++ {
		var b strings.Builder
		for m := r.IntN(14); m >= 0; m-- {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		s := b.String()
		checkSame(t, s)
		if len(s) > 0 {
			checkSame(t, s[r.IntN(len(s)):])
		}
	}
}
