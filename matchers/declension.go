package matchers

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/precwatch/precwatch"
)

// declinedForms returns the case forms of a watchlist name that the stem
// rule (inflectionStem: the name's last word takes a short ending) cannot
// reach, in the inflecting languages whose names need them:
//
//   - the first word of a two- or three-word name declines too: cs/sk
//     "kyseliny lysergové", "kyselinu fenyloctovú"; pl "kwasem
//     lizergowym", "czerwonego fosforu"; hr/sr/sl "lizerginske kiseline",
//     "kalijevog permanganata"; ro "acidul lisergic", "permanganatul de
//     potasiu"; bg with the article on the first word ("лизергиновата
//     киселина"); el "λυσεργικού οξέος", "οξικού ανυδρίτη";
//   - the stem changes: Finnish consonant gradation ("lysergihappo" →
//     "lysergihapon", "kaliumpermanganaatti" → "kaliumpermanganaatin"),
//     Turkish final-stop voicing ("liserjik asit" → "liserjik asidi");
//   - the ending is one the stem rule refuses: Latvian genitive "-skābes"
//     ("-es" is an English plural to chemicalEnding).
//
// A form that no writer uses costs a pattern and matches nothing; the forms
// are the regular ones of each language's grammar (§ lexcov in
// WATCHLIST-NOTES.md). Russian, Ukrainian and Belarusian two-word names are
// phraseCaseForms' job.
func declinedForms(t, lang string) []string {
	t = strings.TrimSpace(t)
	w := strings.Fields(t)
	var out []string
	first := func(forms ...string) {
		for _, f := range forms {
			if f != w[0] {
				out = append(out, strings.Join(append([]string{f}, w[1:]...), " "))
			}
		}
	}
	cut := func(s, suf string) (string, bool) { return strings.CutSuffix(s, suf) }
	if len(w) >= 2 && len(w) <= 3 && utf8.RuneCountInString(w[0]) >= 4 && !strings.ContainsAny(w[0], "0123456789") {
		switch lang {
		case "cs", "sk":
			switch {
			case w[0] == "kyselina":
				first("kyseliny", "kyselinu", "kyselinou")
			case strings.HasSuffix(w[0], "ý"):
				b, _ := cut(w[0], "ý")
				first(b+"ého", b+"ým", b+"ém")
			case strings.HasSuffix(w[0], "á"):
				b, _ := cut(w[0], "á")
				if lang == "cs" {
					first(b+"é", b+"ou")
				} else {
					first(b+"ej", b+"ú", b+"ou")
				}
			case !isVowelEnd(w[0]):
				if lang == "cs" {
					first(w[0]+"u", w[0]+"em")
				} else {
					first(w[0]+"u", w[0]+"om")
				}
			}
		case "pl":
			switch {
			case strings.HasSuffix(w[0], "y"):
				b, _ := cut(w[0], "y")
				first(b+"ego", b+"ym")
			case strings.HasSuffix(w[0], "a"):
				b, _ := cut(w[0], "a")
				first(b+"y", b+"ę", b+"ą")
			case !isVowelEnd(w[0]):
				first(w[0]+"u", w[0]+"a", w[0]+"em", w[0]+"iem")
			}
		case "hr", "sr", "bs":
			// Serbian Cyrillic takes the same endings in its letters.
			e := map[string]string{"a": "a", "e": "e", "u": "u", "i": "i", "og": "og", "om": "om", "ov": "ov", "ev": "ev"}
			if strings.ContainsFunc(w[0], func(r rune) bool { return r >= 0x400 && r <= 0x4FF }) {
				e = map[string]string{"a": "а", "e": "е", "u": "у", "i": "и", "og": "ог", "om": "ом", "ov": "ов", "ev": "ев"}
			}
			switch {
			case strings.HasSuffix(w[0], e["a"]) && len(w) == 2 && (w[1] == "kiselina" || w[1] == "киселина"):
				b, _ := cut(w[0], e["a"])
				first(b+e["e"], b+e["u"], b+e["om"])
			case strings.HasSuffix(w[0], e["i"]):
				b, _ := cut(w[0], e["i"])
				first(b+e["og"], b+e["om"])
			case strings.HasSuffix(w[0], e["ev"]) || strings.HasSuffix(w[0], e["ov"]):
				first(w[0]+e["og"], w[0]+e["a"])
			case !isVowelEnd(w[0]):
				first(w[0]+e["a"], w[0]+e["om"])
			}
		case "sl":
			switch {
			case strings.HasSuffix(w[0], "a") && len(w) == 2 && w[1] == "kislina":
				b, _ := cut(w[0], "a")
				first(b+"e", b+"o")
			case strings.HasSuffix(w[0], "i"):
				b, _ := cut(w[0], "i")
				first(b+"ega", b+"em")
			case strings.HasSuffix(w[0], "ev") || strings.HasSuffix(w[0], "ov"):
				first(w[0]+"ega", w[0]+"a")
			case !isVowelEnd(w[0]):
				first(w[0]+"a", w[0]+"om")
			}
		case "ro":
			switch {
			case strings.HasSuffix(w[0], "ă"):
				b, _ := cut(w[0], "ă")
				first(b+"a", b+"ei")
			case !isVowelEnd(w[0]):
				first(w[0]+"ul", w[0]+"ului")
			}
		case "bg":
			if len(w) == 2 {
				switch {
				case strings.HasSuffix(w[0], "а"):
					first(w[0] + "та")
				case strings.HasSuffix(w[0], "ен"):
					b, _ := cut(w[0], "ен")
					first(b+"ния", b+"ният", w[0]+"ия", w[0]+"ият")
				case !isVowelEnd(w[0]):
					first(w[0]+"ия", w[0]+"ият")
				}
			}
		case "el":
			if len(w) == 2 {
				switch {
				case w[1] == "οξύ" && strings.HasSuffix(w[0], "ό"):
					b, _ := cut(w[0], "ό")
					out = append(out, b+"ού οξέος")
				case strings.HasSuffix(w[0], "ός") && strings.HasSuffix(w[1], "ης"):
					b, _ := cut(w[0], "ός")
					c, _ := cut(w[1], "ς")
					out = append(out, b+"ού "+c, b+"ό "+c)
				case strings.HasSuffix(w[0], "ό") && strings.HasSuffix(w[1], "ο"):
					b, _ := cut(w[0], "ό")
					c, _ := cut(w[1], "ο")
					out = append(out, b+"ού "+c+"ου")
				}
			}
		}
	}
	last := w[len(w)-1]
	rest := strings.TrimSuffix(t, last)
	switch lang {
	case "fi":
		// Consonant gradation: the weak grade before a closed syllable
		// (genitive -n, the local cases -ssa, -sta, -lla, -lta).
		for _, g := range [][2]string{{"happo", "hapo"}, {"aatti", "aati"}, {"iitti", "iiti"}} {
			if b, ok := cut(last, g[0]); ok {
				out = append(out, rest+b+g[1]+"n", rest+b+g[1])
			}
		}
	case "tr":
		// A final stop voices before a vowel ending: asit → asidi.
		if len(w) >= 2 || utf8.RuneCountInString(last) >= 6 {
			for _, g := range [][2]string{{"t", "di"}, {"k", "ği"}, {"p", "bi"}, {"ç", "ci"}} {
				if b, ok := cut(last, g[0]); ok && (last == "asit" || strings.HasSuffix(last, "rit")) {
					out = append(out, rest+b+g[1])
				}
			}
		}
	case "lv":
		if strings.HasSuffix(last, "skābe") {
			out = append(out, t+"s")
		}
	}
	return out
}

// isVowelEnd reports whether a word ends in a vowel letter.
func isVowelEnd(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune("aeiouyáéíóúýăâîąęаеиоуыэюяіїєαεηιουωάέήίόύώ", r)
}

// addDeclined adds the declined forms of a substance's name (declinedForms)
// as its patterns, each also with the stem rule's endings; a form that is
// already another substance's term is left to that substance, and an
// ambiguous name gets none.
func (b *patBuilder) addDeclined(si int32, part, lang string, ambTerms map[string]int16) {
	if _, amb := ambTerms[strings.TrimSpace(Normalize(part).String())]; amb {
		return // counts only with context; its forms would not
	}
	owned := func(key string) bool {
		i, ok := b.index[key]
		return ok && slices.ContainsFunc(b.pats[i].refs, func(r termRef) bool { return r.sub != si })
	}
	mine := func(p *pattern) bool {
		return slices.ContainsFunc(p.refs, func(r termRef) bool { return r.sub == si })
	}
	for _, f := range declinedForms(part, lang) {
		stem, n := inflectionStem(f, lang)
		if n > 0 && !owned(stem+"~") {
			if p := b.addSuffix(stem, n); !mine(p) {
				p.refs = append(p.refs, termRef{sub: si, kind: precwatch.HitTranslation, term: part, amb: -1})
			}
			if lang != "lv" {
				continue // the stem with its endings covers the form
			}
		}
		// As written (and with hyphens and spaces swapped) when the stem
		// rule cannot reach it: a short form, or a Latvian "-es" genitive,
		// an ending chemicalEnding refuses.
		for _, v := range termVariants(f) {
			if owned(v) {
				continue
			}
			if p := b.add(v, kSubstance); !mine(p) {
				p.refs = append(p.refs, termRef{sub: si, kind: precwatch.HitTranslation, term: part, amb: -1})
			}
		}
	}
}
