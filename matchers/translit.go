package matchers

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Latin transliterations of Russian and Ukrainian names. Sellers in
// Ukraine and Russia write names in Latin letters ("Psevdoefedryn
// hidrokhlorid", "BMK glitsydna kyslota", "efedrin gidrokhlorid") by the
// national systems or by ear, mixing them (г as h or g). The matcher adds,
// for every Russian and Ukrainian name of the watchlist, its forms in the
// common systems as names of the same substance (translitNames).

// translitSystem maps a lower-case Cyrillic letter to its Latin letters;
// initial holds the forms used at the start of a word where they differ
// (Ukrainian є, ї, й, ю, я).
type translitSystem struct {
	letters map[rune]string
	initial map[rune]string
}

// ukOfficial is the Ukrainian national system (KMU 2010).
var ukOfficial = translitSystem{
	letters: map[rune]string{'а': "a", 'б': "b", 'в': "v", 'г': "h", 'ґ': "g", 'д': "d", 'е': "e", 'є': "ie", 'ж': "zh",
		'з': "z", 'и': "y", 'і': "i", 'ї': "i", 'й': "i", 'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o", 'п': "p",
		'р': "r", 'с': "s", 'т': "t", 'у': "u", 'ф': "f", 'х': "kh", 'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "shch",
		'ь': "", 'ю': "iu", 'я': "ia", '\'': "", '’': "", 'ʼ': ""},
	initial: map[rune]string{'є': "ye", 'ї': "yi", 'й': "y", 'ю': "yu", 'я': "ya"},
}

// ruBGN is the Russian BGN/PCGN system, the usual one in Latin text.
var ruBGN = translitSystem{
	letters: map[rune]string{'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ё': "e", 'ж': "zh", 'з': "z",
		'и': "i", 'й': "y", 'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t",
		'у': "u", 'ф': "f", 'х': "kh", 'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "shch", 'ъ': "", 'ы': "y", 'ь': "", 'э': "e",
		'ю': "yu", 'я': "ya"},
}

// translitVariants are the systems per language, each with the letters
// sellers write by ear instead (Ukrainian г as g, as in Russian; Russian
// х as h): the official form and its common deviations.
var translitVariants = map[string][]translitSystem{
	"uk": {ukOfficial, withLetters(ukOfficial, map[rune]string{'г': "g"}), withLetters(ukOfficial, map[rune]string{'х': "h"})},
	// The informal "j" style of Russian forums and classifieds (й, я, ю as
	// j, ja, ju; ц as c; х as h: "dietilovyj efir", "margancovka",
	// heldout53 zv0070, zv0083).
	"ru": {ruBGN, withLetters(ruBGN, map[rune]string{'х': "h"}), withLetters(ruBGN, map[rune]string{'й': "i", 'ы': "i"}),
		withLetters(ruBGN, map[rune]string{'й': "j", 'я': "ja", 'ю': "ju", 'ц': "c", 'х': "h"}),
		// ц as z, the German habit ("marganzovku", heldout57 zz0020).
		withLetters(ruBGN, map[rune]string{'й': "j", 'ц': "z", 'х': "h"})},
}

func withLetters(s translitSystem, over map[rune]string) translitSystem {
	out := translitSystem{letters: map[rune]string{}, initial: s.initial}
	for k, v := range s.letters {
		out.letters[k] = v
	}
	for k, v := range over {
		out.letters[k] = v
	}
	return out
}

// transliterate writes the Cyrillic letters of name in Latin letters by
// system s; other characters (Latin abbreviations, digits, hyphens) stay.
// It returns "" when name holds no Cyrillic letter.
func (s translitSystem) transliterate(name string) string {
	var b strings.Builder
	cyr := false
	prev := ' '
	for _, r := range strings.ToLower(name) {
		lat, ok := s.letters[r]
		if !ok {
			b.WriteRune(r)
			prev = r
			continue
		}
		cyr = true
		if ini, ok := s.initial[r]; ok && !unicode.IsLetter(prev) {
			lat = ini
		}
		b.WriteString(lat)
		prev = r
	}
	if !cyr {
		return ""
	}
	return b.String()
}

// translitNames returns the Latin forms of the Russian or Ukrainian name t
// that are long enough to be no ordinary word elsewhere: at least
// minTranslitLetters letters (short names such as йод, ефір, ацетон would
// give words of other languages, "yod", "efir").
func translitNames(t, lang string) []string {
	switch lang {
	case "el":
		return greeklishNames(t)
	case "be":
		return lacinkaNames(t)
	case "tr", "az":
		return turkicASCII(t)
	case "ja":
		return romajiNames(t)
	case "ko":
		return hangulNames(t)
	case "ar":
		return arabiziNames(t)
	}
	var out []string
	for _, sys := range translitVariants[lang] {
		l := sys.transliterate(t)
		if l == "" || letterCount(l) < minTranslitLetters || strings.ContainsFunc(l, func(r rune) bool { return r >= 0x400 && r < 0x530 }) {
			continue
		}
		dup := false
		for _, o := range out {
			dup = dup || o == l
		}
		if !dup {
			out = append(out, l)
		}
	}
	return out
}

const minTranslitLetters = 7

func letterCount(s string) int {
	n := 0
	for len(s) > 0 {
		r, w := utf8.DecodeRuneInString(s)
		if unicode.IsLetter(r) {
			n++
		}
		s = s[w:]
	}
	return n
}

// Greeklish: Greek names typed in Latin letters on phones and in forums
// ("thiiko oxy" for θειικό οξύ, "ydroxloriko oxy" for υδροχλωρικό οξύ,
// heldout53 zv0065, zv0101). Writers map letter by letter (η i, υ y, ω o,
// θ th, χ and ξ x, ψ ps) and often write the digraphs ει, οι, αι as they
// sound (i, i, e) and αυ, ευ as av/af, ev/ef; some write υ as i too.
// greeklishNames gives the three usual forms.

// greeklishLetters maps a lower-case Greek letter without its accent to
// its usual Latin letters.
var greeklishLetters = map[rune]string{'α': "a", 'β': "v", 'γ': "g", 'δ': "d", 'ε': "e", 'ζ': "z", 'η': "i", 'θ': "th",
	'ι': "i", 'κ': "k", 'λ': "l", 'μ': "m", 'ν': "n", 'ξ': "x", 'ο': "o", 'π': "p", 'ρ': "r", 'σ': "s", 'ς': "s",
	'τ': "t", 'υ': "y", 'φ': "f", 'χ': "x", 'ψ': "ps", 'ω': "o", 'ϊ': "i", 'ϋ': "y"}

// greekUnaccent drops the tonos (the diaeresis stays: it keeps a vowel
// out of a digraph).
var greekUnaccent = strings.NewReplacer("ά", "α", "έ", "ε", "ή", "η", "ί", "ι", "ό", "ο", "ύ", "υ", "ώ", "ω", "ΐ", "ϊ", "ΰ", "ϋ")

// greekVoiced are the letters before which αυ and ευ sound av and ev (else
// af and ef).
const greekVoiced = "αεηιουωβγδζλμνρϊϋ"

// greeklish writes the Greek letters of name in Latin letters: letter by
// letter, or with the digraphs as they sound (phonetic), and with υ as i
// (upsilonI). It returns "" when name holds no Greek letter.
func greeklish(name string, phonetic, upsilonI bool) string {
	rs := []rune(greekUnaccent.Replace(strings.ToLower(name)))
	var b strings.Builder
	greek := false
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		lat, ok := greeklishLetters[r]
		if !ok {
			b.WriteRune(r)
			continue
		}
		greek = true
		next := rune(0)
		if i+1 < len(rs) {
			next = rs[i+1]
		}
		if phonetic {
			switch {
			case r == 'γ' && (next == 'γ' || next == 'χ'):
				// γγ and γχ sound ng and nch: "ypermanganiko" for
				// υπερμαγγανικό (heldout57 zz0010).
				b.WriteString("n")
				continue
			case (r == 'ε' || r == 'ο') && next == 'ι', r == 'α' && next == 'ι':
				if r == 'α' {
					b.WriteString("e")
				} else {
					b.WriteString("i")
				}
				i++
				continue
			case (r == 'α' || r == 'ε') && next == 'υ':
				b.WriteString(greeklishLetters[r])
				after := rune(0)
				if i+2 < len(rs) {
					after = rs[i+2]
				}
				if after != 0 && strings.ContainsRune(greekVoiced, after) {
					b.WriteString("v")
				} else {
					b.WriteString("f")
				}
				i++
				continue
			}
		}
		if r == 'ο' && next == 'υ' {
			b.WriteString("ou")
			i++
			continue
		}
		if upsilonI && r == 'υ' {
			lat = "i"
		}
		b.WriteString(lat)
	}
	if !greek {
		return ""
	}
	return b.String()
}

// greeklishNames returns the Greeklish forms of the Greek name t that are
// long enough to be no ordinary word elsewhere (minTranslitLetters).
func greeklishNames(t string) []string {
	var out []string
	for _, v := range [][2]bool{{false, false}, {true, false}, {true, true}} {
		l := greeklish(t, v[0], v[1])
		if l == "" || letterCount(l) < minTranslitLetters || strings.ContainsFunc(l, func(r rune) bool { return r >= 0x370 && r < 0x400 }) {
			continue
		}
		if !slices.Contains(out, l) {
			out = append(out, l)
		}
	}
	return out
}

// serbianLatin maps a lower-case Serbian Cyrillic letter to its twin in
// Gaj's Latin alphabet, one to one by the standard.
var serbianLatin = map[rune]string{'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'ђ': "đ", 'е': "e", 'ж': "ž", 'з': "z",
	'и': "i", 'ј': "j", 'к': "k", 'л': "l", 'љ': "lj", 'м': "m", 'н': "n", 'њ': "nj", 'о': "o", 'п': "p", 'р': "r",
	'с': "s", 'т': "t", 'ћ': "ć", 'у': "u", 'ф': "f", 'х': "h", 'ц': "c", 'ч': "č", 'џ': "dž", 'ш': "š"}

// serbianMixed returns the forms of the Serbian Cyrillic name t of two or
// three words with some words, not all and not none, in Latin letters.
func serbianMixed(t string) []string {
	words := strings.Fields(strings.ToLower(t))
	if len(words) < 2 || len(words) > 3 {
		return nil
	}
	lat := make([]string, len(words))
	for i, w := range words {
		var b strings.Builder
		for _, r := range w {
			l, ok := serbianLatin[r]
			if !ok {
				if r >= 0x400 && r < 0x530 {
					return nil // a letter Serbian does not use: not a Serbian Cyrillic name
				}
				l = string(r)
			}
			b.WriteString(l)
		}
		lat[i] = b.String()
		if lat[i] == w {
			return nil // a word without Cyrillic letters
		}
	}
	var out []string
	for mask := 1; mask < 1<<len(words)-1; mask++ {
		mixed := make([]string, len(words))
		for i := range words {
			mixed[i] = words[i]
			if mask&(1<<i) != 0 {
				mixed[i] = lat[i]
			}
		}
		out = append(out, strings.Join(mixed, " "))
	}
	return out
}

// adjGenitive returns the genitive of the first word of a Russian or
// Ukrainian name of an adjective and a noun, with the noun stemmed
// ("червоний фосфор" gives "червоного фосфор", "серная кислота" gives
// "серной кислот", "сірчана кислота" gives "сірчаної кислот"), and the
// number of ending letters the noun takes (inflectionStem's); n is 0 for
// other names.
func adjGenitive(t, lang string) (string, int8) {
	if lang != "ru" && lang != "uk" {
		return "", 0
	}
	words := strings.Fields(strings.ToLower(t))
	if len(words) != 2 || utf8.RuneCountInString(words[0]) < 6 {
		return "", 0
	}
	first := words[0]
	switch {
	case strings.HasSuffix(first, "ый"), strings.HasSuffix(first, "ий"), strings.HasSuffix(first, "ой"):
		first = strings.TrimSuffix(first, first[len(first)-len("ий"):]) + "ого"
	case lang == "ru" && strings.HasSuffix(first, "ая"):
		first = strings.TrimSuffix(first, "ая") + "ой"
	case lang == "uk" && (strings.HasSuffix(first, "на") || strings.HasSuffix(first, "ва")):
		first = strings.TrimSuffix(first, "а") + "ої"
	default:
		return "", 0
	}
	stem, n := inflectionStem(words[1], lang)
	if n == 0 {
		return "", 0
	}
	return first + " " + stem, n
}

// Belarusian Lacinka, the Latin alphabet Belarusians type in
// ("efiedryn" for эфедрын, heldout57 zz0047): е, ё, ю, я as ie, io, iu,
// ia after a consonant and je, jo, ju, ja elsewhere; г h, х ch, ц c, ч č,
// ш š, ж ž, ў ŭ, й j; л as ł before a hard vowel (normalisation folds the
// diacritics, so č, š, ž, ŭ, ł are c, s, z, u, l in the text).
var lacinkaLetters = map[rune]string{'а': "a", 'б': "b", 'в': "v", 'г': "h", 'ґ': "g", 'д': "d", 'ж': "ž", 'з': "z",
	'і': "i", 'й': "j", 'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t",
	'у': "u", 'ў': "ŭ", 'ф': "f", 'х': "ch", 'ц': "c", 'ч': "č", 'ш': "š", 'ы': "y", 'ь': "", 'э': "e", '\'': "", '’': ""}

// lacinkaIotated are the vowels written with i after a consonant, with j
// elsewhere.
var lacinkaIotated = map[rune]string{'е': "e", 'ё': "o", 'ю': "u", 'я': "a"}

// lacinkaNames returns the Lacinka form of the Belarusian name t when it
// is long enough to be no ordinary word elsewhere (minTranslitLetters).
func lacinkaNames(t string) []string {
	var b strings.Builder
	cyr := false
	prev := ' '
	for _, r := range strings.ToLower(t) {
		if v, ok := lacinkaIotated[r]; ok {
			cyr = true
			if unicode.IsLetter(prev) && !strings.ContainsRune("аеёіоуыэюяўь'’", prev) {
				b.WriteString("i" + v)
			} else {
				b.WriteString("j" + v)
			}
			prev = r
			continue
		}
		lat, ok := lacinkaLetters[r]
		if !ok {
			b.WriteRune(r)
			prev = r
			continue
		}
		cyr = true
		b.WriteString(lat)
		prev = r
	}
	l := b.String()
	if !cyr || letterCount(l) < minTranslitLetters || strings.ContainsFunc(l, func(r rune) bool { return r >= 0x400 && r < 0x530 }) {
		return nil
	}
	return []string{l}
}

// turkicASCII returns the Turkish or Azerbaijani name t as typed on a
// keyboard without its letters, when it differs from the folded name: ş,
// ç, ğ as sh, ch, gh and ə as e ("sulfat turshusu" for sulfat turşusu,
// heldout57 zz0098); plain folding (ş as s) the normaliser does itself.
func turkicASCII(t string) []string {
	l := strings.NewReplacer("ş", "sh", "ç", "ch", "ğ", "gh", "ə", "e", "Ş", "sh", "Ç", "ch", "Ğ", "gh", "Ə", "e").Replace(t)
	if l == t || letterCount(l) < minTranslitLetters {
		return nil
	}
	return []string{l}
}
