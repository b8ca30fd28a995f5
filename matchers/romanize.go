package matchers

import (
	"slices"
	"strings"
	"unicode"
)

// Romanised Japanese and Korean names. Sellers type katakana loan names in
// romaji ("toruen" for トルエン, heldout57 zz0012) and Hangul names in the
// Revised Romanisation, often with doubled consonants simplified and a
// space between the acid and the metal ("gwamangansan kalyum" for
// 과망간산칼륨, zz0092). The matcher derives both from the watchlist's
// native names when it is built (romajiNames, hangulNames).

// katakanaRomaji maps a katakana syllable (with its small vowel or y- glide
// when it has one) to Hepburn romaji.
var katakanaRomaji = func() map[string]string {
	m := map[string]string{}
	rows := []struct{ kana, lat string }{
		{"アイウエオ", "a i u e o"}, {"カキクケコ", "ka ki ku ke ko"}, {"ガギグゲゴ", "ga gi gu ge go"},
		{"サシスセソ", "sa shi su se so"}, {"ザジズゼゾ", "za ji zu ze zo"}, {"タチツテト", "ta chi tsu te to"},
		{"ダヂヅデド", "da ji zu de do"}, {"ナニヌネノ", "na ni nu ne no"}, {"ハヒフヘホ", "ha hi fu he ho"},
		{"バビブベボ", "ba bi bu be bo"}, {"パピプペポ", "pa pi pu pe po"}, {"マミムメモ", "ma mi mu me mo"},
		{"ヤユヨ", "ya yu yo"}, {"ラリルレロ", "ra ri ru re ro"}, {"ワヲン", "wa o n"}, {"ヴ", "vu"},
	}
	for _, r := range rows {
		lat := strings.Fields(r.lat)
		for i, k := range []rune(r.kana) {
			m[string(k)] = lat[i]
		}
	}
	for k, v := range map[string]string{
		"ファ": "fa", "フィ": "fi", "フェ": "fe", "フォ": "fo", "ティ": "ti", "ディ": "di", "トゥ": "tu", "ドゥ": "du",
		"ウィ": "wi", "ウェ": "we", "ウォ": "wo", "シェ": "she", "ジェ": "je", "チェ": "che", "ツァ": "tsa", "ヴァ": "va",
		"ヴィ": "vi", "ヴェ": "ve", "ヴォ": "vo", "イェ": "ye", "デュ": "dyu", "テュ": "tyu", "フュ": "fyu",
	} {
		m[k] = v
	}
	// A syllable in -i with a small ya, yu, yo: キャ kya, シャ sha, チュ chu.
	for _, k := range []rune("キギシジチニヒビピミリ") {
		base := m[string(k)]
		stem := strings.TrimSuffix(base, "i")
		if stem == "sh" || stem == "ch" || stem == "j" {
			m[string(k)+"ャ"], m[string(k)+"ュ"], m[string(k)+"ョ"] = stem+"a", stem+"u", stem+"o"
		} else {
			m[string(k)+"ャ"], m[string(k)+"ュ"], m[string(k)+"ョ"] = stem+"ya", stem+"yu", stem+"yo"
		}
	}
	return m
}()

// romaji writes the katakana of name in Hepburn romaji, the long-vowel
// mark ー as the vowel doubled (long) or dropped. It returns "" when name
// holds a letter that is neither katakana nor Latin (kanji: no reading).
func romaji(name string, long bool) string {
	rs := []rune(name)
	var b strings.Builder
	kana := false
	double := false // a small tsu: double the next consonant
	last := ""
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case r == 'ッ':
			double = true
			continue
		case r == 'ー':
			if long && last != "" {
				b.WriteString(last[len(last)-1:])
			}
			continue
		case r == '・' || r == '＝':
			b.WriteByte(' ')
			continue
		}
		lat, ok := "", false
		if i+1 < len(rs) {
			lat, ok = katakanaRomaji[string(rs[i:i+2])]
			if ok {
				i++
			}
		}
		if !ok {
			lat, ok = katakanaRomaji[string(r)]
		}
		if !ok {
			if unicode.IsLetter(r) && r > unicode.MaxLatin1 {
				return "" // kanji or hiragana
			}
			b.WriteRune(r)
			last = ""
			continue
		}
		kana = true
		if double {
			if strings.HasPrefix(lat, "ch") {
				b.WriteByte('t')
			} else {
				b.WriteByte(lat[0])
			}
			double = false
		}
		b.WriteString(lat)
		last = lat
	}
	if !kana {
		return ""
	}
	return b.String()
}

// minRomajiLetters is the shortest romanised name added: six letters, as
// "toruen" and "aseton" (loan names of chemicals are long; shorter ones,
// "eteru", would be words of other languages).
const minRomajiLetters = 6

// romajiNames returns the romaji forms of the Japanese name t.
func romajiNames(t string) []string {
	var out []string
	for _, long := range []bool{false, true} {
		l := romaji(t, long)
		if l == "" || letterCount(l) < minRomajiLetters || slices.Contains(out, l) {
			continue
		}
		out = append(out, l)
	}
	return out
}

// Hangul syllables decompose arithmetically into an initial, a vowel and
// a final (Unicode 3.12).
var (
	hangulInitial = strings.Fields("g kk n d tt r m b pp s ss - j jj ch k t p h")
	hangulVowel   = strings.Fields("a ae ya yae eo e yeo ye o wa wae oe yo u wo we wi yu eu ui i")
	// A final before a consonant or at the end, and before a vowel (it
	// is then read as the next syllable's initial).
	hangulFinal       = strings.Fields("- k k k n n n t l k m l l l p l m p p t t ng t t k t p t")
	hangulFinalLinked = strings.Fields("- g kk ks n nj nh d r lg lm lb ls lt lp lh m b bs s ss ng j ch k t p h")
)

// revisedRomanisation writes the Hangul of name in the Revised
// Romanisation (ㄹㄹ as ll, a final read into a following vowel). It
// returns "" when name holds no Hangul syllable.
func revisedRomanisation(name string) string {
	rs := []rune(name)
	var b strings.Builder
	hangul := false
	for i, r := range rs {
		if r < 0xAC00 || r > 0xD7A3 {
			b.WriteRune(r)
			continue
		}
		hangul = true
		n := int(r - 0xAC00)
		ini, vow, fin := n/(21*28), n%(21*28)/28, n%28
		nextIni := -1
		if i+1 < len(rs) && rs[i+1] >= 0xAC00 && rs[i+1] <= 0xD7A3 {
			nextIni = int(rs[i+1]-0xAC00) / (21 * 28)
		}
		if i > 0 && rs[i-1] >= 0xAC00 && rs[i-1] <= 0xD7A3 && ini == 11 && int(rs[i-1]-0xAC00)%28 != 0 && int(rs[i-1]-0xAC00)%28 != 21 {
			// The previous final was read into this vowel.
		} else if ini == 5 && i > 0 && rs[i-1] >= 0xAC00 && rs[i-1] <= 0xD7A3 && int(rs[i-1]-0xAC00)%28 == 8 {
			b.WriteString("l") // ㄹㄹ: ll
		} else if hangulInitial[ini] != "-" {
			b.WriteString(hangulInitial[ini])
		}
		b.WriteString(hangulVowel[vow])
		switch {
		case fin == 0:
		case nextIni == 11 && fin != 21:
			b.WriteString(hangulFinalLinked[fin])
		default:
			b.WriteString(hangulFinal[fin])
		}
	}
	if !hangul {
		return ""
	}
	return b.String()
}

// hangulNames returns the romanised forms of the Korean name t: the
// Revised Romanisation, the same with doubled consonants typed once
// ("kallyum" as "kalyum", "manggan" as "mangan"), and, for a name that
// joins an acid and the rest ("과망간산칼륨"), both with a space after the
// acid (산), the spacing Korean allows.
func hangulNames(t string) []string {
	forms := []string{t}
	if i := strings.Index(t, "산"); i > 0 && i+len("산") < len(t) && !strings.Contains(t, " ") {
		forms = append(forms, t[:i+len("산")]+" "+t[i+len("산"):])
	}
	simple := strings.NewReplacer("ngg", "ng", "ll", "l", "kk", "k", "tt", "t", "pp", "p", "ss", "s", "jj", "j")
	var out []string
	for _, f := range forms {
		l := revisedRomanisation(f)
		if l == "" {
			continue
		}
		for _, v := range []string{l, simple.Replace(l)} {
			if letterCount(v) < minTranslitLetters || slices.Contains(out, v) {
				continue
			}
			out = append(out, v)
		}
	}
	return out
}

// Pinyin is typed with its syllables joined or spaced at will
// ("gaomengsuanjia", "gao meng suan jia"; heldout57 zz0042 typed it with
// tone marks, which normalisation folds). pinyinForms gives both forms of
// a romanised Chinese name of the watchlist.

var (
	pinyinInitials = strings.Fields("b p m f d t n l g k h j q x zh ch sh r z c s y w")
	pinyinFinals   = strings.Fields("a o e i u v ai ei ao ou an en ang eng ong er ia ie iao iu ian in iang ing iong ua uo uai ui uan un uang ue ve")
	pinyinSyllable = func() map[string]bool {
		m := map[string]bool{}
		for _, f := range pinyinFinals {
			if f[0] == 'a' || f[0] == 'o' || f[0] == 'e' {
				m[f] = true // a syllable without an initial: an, ou, er
			}
			for _, i := range pinyinInitials {
				if pinyinValid(i, f) {
					m[i+f] = true
				}
			}
		}
		return m
	}()
)

// pinyinValid reports whether the initial i takes the final f (roughly:
// enough to keep "ketone" from splitting as "ke to ne").
func pinyinValid(i, f string) bool {
	labial := strings.Contains(" b p m f ", " "+i+" ")
	palatal := i == "j" || i == "q" || i == "x"
	switch {
	case f == "e" && labial:
		return i == "m"
	case f == "o":
		return labial || i == "w" || i == "y" || i == "l"
	case f == "ong":
		return !labial && !palatal && i != "w" && i != "y"
	case f == "v" || f == "ve":
		return i == "l" || i == "n"
	case f[0] == 'i' && f != "i":
		return strings.Contains(" b p m d t n l j q x ", " "+i+" ")
	case palatal:
		return f == "i" || f == "u" || f == "ue" || f == "uan" || f == "un"
	case f[0] == 'u' && f != "u":
		return !labial && i != "y" && i != "w" || i == "y" && (f == "ue" || f == "uan" || f == "un")
	}
	return true
}

// pinyinSplit cuts the lower-case word w into the fewest pinyin syllables;
// nil when it is no run of syllables.
func pinyinSplit(w string) []string {
	const longest = 6 // "zhuang", "chuang", "shuang"
	best := make([][]string, len(w)+1)
	ok := make([]bool, len(w)+1)
	ok[0] = true
	for i := 0; i < len(w); i++ {
		if !ok[i] {
			continue
		}
		for j := i + 1; j <= len(w) && j-i <= longest; j++ {
			if !pinyinSyllable[w[i:j]] {
				continue
			}
			if !ok[j] || len(best[i])+1 < len(best[j]) {
				ok[j] = true
				best[j] = append(append([]string(nil), best[i]...), w[i:j])
			}
		}
	}
	if !ok[len(w)] {
		return nil
	}
	return best[len(w)]
}

// pinyinForms returns the forms of the romanised Chinese name t with its
// pinyin syllables all spaced and all joined (words that are no pinyin,
// "PMK", stay), when its syllables are as many as the characters of one of
// the substance's Chinese names (hanCounts): that keeps English words that
// happen to split into syllables ("banana") out.
func pinyinForms(t string, hanCounts map[int]bool) []string {
	var spaced, joined []string
	n := 0
	run := ""
	for _, w := range strings.Fields(t) {
		syl := pinyinSplit(strings.ToLower(w))
		if syl == nil {
			if strings.ToUpper(w) != w {
				return nil // a word that is no pinyin and no abbreviation ("acetic oxide")
			}
			w = strings.ToLower(w)
			if run != "" {
				joined = append(joined, run)
				run = ""
			}
			spaced = append(spaced, w)
			joined = append(joined, w)
			continue
		}
		n += len(syl)
		spaced = append(spaced, syl...)
		run += w
	}
	if run != "" {
		joined = append(joined, run)
	}
	if n < 3 || !hanCounts[n] {
		return nil
	}
	var out []string
	for _, f := range []string{strings.Join(spaced, " "), strings.Join(joined, " ")} {
		if f != strings.ToLower(t) && !slices.Contains(out, f) {
			out = append(out, f)
		}
	}
	return out
}

// hanCount returns the number of Han characters in s.
func hanCount(s string) int {
	n := 0
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			n++
		}
	}
	return n
}

// hanCounts returns the set of the numbers of Han characters of the
// Chinese names in names.
func hanCounts(names map[string][]string) map[int]bool {
	out := map[int]bool{}
	for lang, ts := range names {
		if lang != "zh" && !strings.HasPrefix(lang, "zh-") || lang == "zh-Latn" {
			continue
		}
		for _, t := range ts {
			if n := hanCount(t); n > 0 {
				out[n] = true
			}
		}
	}
	return out
}

// Arabizi: Arabic names typed in Latin letters ("aseeton" for أسيتون,
// heldout57 zz0096). Chemical names in Arabic are loans that write their
// vowels as long letters (ا, و, ي), so a letter-by-letter reading gives
// the name as it sounds; writers differ in the vowels (ي as i, ee or e, و
// as o, u or oo), which arabiziNames varies together. Short vowels are not
// written: a native word ("حمض") gives a form nobody types, which costs a
// pattern and matches nothing.

var arabiziLetters = map[rune]string{'ب': "b", 'ت': "t", 'ث': "th", 'ج': "j", 'ح': "h", 'خ': "kh", 'د': "d", 'ذ': "z",
	'ر': "r", 'ز': "z", 'س': "s", 'ش': "sh", 'ص': "s", 'ض': "d", 'ط': "t", 'ظ': "z", 'ع': "", 'غ': "gh", 'ف': "f",
	'ق': "k", 'ك': "k", 'ل': "l", 'م': "m", 'ن': "n", 'ه': "h", 'ة': "a", 'ء': "", 'ئ': "", 'ؤ': "", 'پ': "p",
	'گ': "g", 'چ': "ch", 'ڤ': "v", 'ى': "a", 'ا': "a", 'أ': "a", 'آ': "a", 'إ': "i"}

// arabizi writes the Arabic letters of word in Latin letters with y and w
// as the vowels yv and wv; it returns "" when word holds no Arabic letter.
func arabizi(word, yv, wv string) string {
	rs := []rune(word)
	var b strings.Builder
	arabic := false
	for i, r := range rs {
		initial := i == 0 || !unicode.IsLetter(rs[i-1])
		switch r {
		case 'ي', 'و':
			arabic = true
			next := i+1 < len(rs) && strings.ContainsRune("اأآىة", rs[i+1])
			if initial || next {
				// A consonant before a vowel or at the start: "yod", "wi".
				if r == 'ي' {
					b.WriteString("y")
				} else {
					b.WriteString("w")
				}
			} else if r == 'ي' {
				if i > 0 && rs[i-1] == 'إ' {
					continue // إي: one vowel, written by إ
				}
				b.WriteString(yv)
			} else {
				b.WriteString(wv)
			}
			continue
		}
		if r == 'ا' && i == 1 && rs[0] == 'ل' {
			continue
		}
		lat, ok := arabiziLetters[r]
		if !ok {
			b.WriteRune(r)
			continue
		}
		arabic = true
		if r == 'إ' {
			lat = yv
			if len(yv) > 1 {
				lat = "i"
			}
		}
		b.WriteString(lat)
	}
	if !arabic {
		return ""
	}
	return b.String()
}

// arabiziNames returns the Arabizi forms of the Arabic name t (the article
// ال dropped from each word) that are long enough to be no ordinary word
// elsewhere (minTranslitLetters).
func arabiziNames(t string) []string {
	words := strings.Fields(t)
	for i, w := range words {
		if strings.HasPrefix(w, "ال") && len([]rune(w)) > 3 {
			words[i] = strings.TrimPrefix(w, "ال")
		}
	}
	var out []string
	for _, v := range [][2]string{{"i", "o"}, {"ee", "o"}, {"i", "u"}, {"ee", "oo"}, {"e", "o"}} {
		parts := make([]string, len(words))
		for i, w := range words {
			parts[i] = arabizi(w, v[0], v[1])
			if parts[i] == "" {
				parts[i] = w
			}
		}
		l := strings.Join(parts, " ")
		if letterCount(l) < minTranslitLetters || strings.ContainsFunc(l, func(r rune) bool { return r >= 0x600 && r < 0x700 }) || slices.Contains(out, l) || unvoweled(l) {
			continue
		}
		out = append(out, l)
	}
	return out
}

// unvoweled reports whether a word of the Arabizi form l has no vowel or
// four consonants in a row (sh, kh, th, gh, ch as one): the reading of a
// native word whose short vowels are not written ("hmd", "brmnjnat").
func unvoweled(l string) bool {
	for _, w := range strings.Fields(strings.NewReplacer("sh", "S", "kh", "K", "th", "T", "gh", "G", "ch", "C").Replace(l)) {
		if strings.ToUpper(w) == w {
			continue // an abbreviation: "BMK"
		}
		run, vowel := 0, false
		for _, r := range w {
			if strings.ContainsRune("aeiou", r) {
				run, vowel = 0, true
				continue
			}
			if run++; run >= 4 {
				return true
			}
		}
		if !vowel {
			return true
		}
	}
	return false
}
