package matchers

import (
	"regexp"
	"strings"
)

// emptiedPhrases state that what a listing sells comes without its
// chemicals: a chemistry set whose reagents were removed, empty bottles,
// glassware only; lower-cased, in the lexicon's languages.
var emptiedPhrases = []string{
	"chemicals were removed", "chemicals have been removed", "chemicals removed", "chemicals were disposed",
	"chemicals have been disposed", "chemicals disposed of", "no chemicals included", "chemicals not included",
	"chemicals are not included", "without the chemicals", "contents removed", "contents were removed",
	"contents have been removed", "bottles are empty", "bottles are all empty", "jars are empty", "vials are empty",
	"sold empty", "empty bottles", "empty jars", "empty vials", "empty containers", "glassware only", "equipment only",
	"ohne chemikalien", "chemikalien entfernt", "chemikalien wurden entfernt", "chemikalien nicht enthalten", "leere flaschen",
	"leere gläser", "flasche ist leer", "flaschen sind leer", "nur glasgeräte",
	"sans produits chimiques", "produits chimiques retirés", "produits chimiques non inclus", "flacons vides", "bouteilles vides",
	"sin productos químicos", "sin reactivos", "productos químicos retirados", "frascos vacíos", "botes vacíos", "botellas vacías",
	"senza prodotti chimici", "senza reagenti", "flaconi vuoti", "bottiglie vuote",
	"sem produtos químicos", "sem reagentes", "frascos vazios", "garrafas vazias",
	"zonder chemicaliën", "lege flessen", "lege potjes",
	"bez odczynników", "bez chemikaliów", "puste butelki", "puste słoiki",
	"без реактивов", "без химикатов", "реактивы изъяты", "реактивы удалены", "пустые бутылки", "пустые флаконы", "пустые баночки",
	"без реактивів", "порожні пляшки", "порожні флакони",
	// fix81b (heldout81 yc0090, yc0156): the emptiness said after the
	// container or on its own before a display use ("bottles EMPTY",
	// "Empty, for display only", "empty and cleaned").
	"bottles empty", "bottle is empty", "jars empty", "vials empty", "empty, for display", "empty for display",
	"empty and cleaned", "empty, cleaned", "flasche leer", "flaschen leer", "leer, nur zur dekoration",
	"flacon vide", "bouteille vide", "frasco vacío", "botella vacía", "flacone vuoto", "bottiglia vuota",
	"frasco vazio", "lege fles", "pusta butelka", "пустая бутылка", "пустой флакон",
}

// emptiedPairs are the byte pairs of each of emptiedPhrases.
var emptiedPairs = func() []pairSet {
	t := make([]pairSet, len(emptiedPhrases))
	for i, p := range emptiedPhrases {
		t[i].addPairs(p)
	}
	return t
}()

// pairSet is a set of hashed pairs of adjacent bytes (a Bloom filter of
// one hash): a text holds a string only if the text's set holds the
// string's.
type pairSet [16]uint64

// addPairs adds the pairs of adjacent bytes of s.
func (ps *pairSet) addPairs(s string) {
	for i := 1; i < len(s); i++ {
		h := (uint32(s[i-1])<<8 | uint32(s[i])) * 0x9E3779B1 >> 22
		ps[h>>6] |= 1 << (h & 63)
	}
}

// holds reports whether ps holds every pair of q.
func (ps *pairSet) holds(q *pairSet) bool {
	for k := range ps {
		if q[k]&^ps[k] != 0 {
			return false
		}
	}
	return true
}

// emptyContainer matches "empty" before a container word with at most four
// words between ("Empty potassium permanganate bottle").
var emptyContainer = regexp.MustCompile(`\bempty(?:\s+[\p{L}\p{N}'-]+){0,4}?\s+(?:bottles?|jars?|vials?|tins?|containers?|ampoules?|flasks?)\b`)

// emptiedContents returns the statement of a listing that sells a set or a
// container without its chemicals ("All chemicals were removed", "empty
// bottles", "ohne Chemikalien"), "" when it makes none. The substances it
// names are then the labels of what is sold, not the goods; the caller
// clears it only without a quantity, purity, contact, bulk word or risk
// indicator, which make an offer of a substance again.
func emptiedContents(fields []field) string {
	for i := range fields {
		f := &fields[i]
		if !f.offerField {
			continue
		}
		text := strings.ToLower(f.orig)
		// A phrase can occur only if each of its byte pairs does: one
		// pass over text, against one strings.Index call per phrase.
		var held pairSet
		held.addPairs(text)
		for pi, p := range emptiedPhrases {
			if !held.holds(&emptiedPairs[pi]) {
				continue
			}
			for off := 0; off < len(text); {
				k := strings.Index(text[off:], p)
				if k < 0 {
					break
				}
				k += off
				off = k + len(p)
				if !returnNear(text, k, off) {
					return p
				}
			}
		}
		if !strings.Contains(text, "empty") {
			continue // emptyContainer's literal: the regexp tries every position
		}
		for _, loc := range emptyContainer.FindAllStringIndex(text, 8) {
			if w := strings.Fields(text[loc[0]:loc[1]]); len(w) > 1 && !emptyVerbObjects[w[1]] && !returnNear(text, loc[0], loc[1]) {
				return text[loc[0]:loc[1]]
			}
		}
	}
	return ""
}

// emptyVerbObjects after "empty" make it the verb of an instruction
// ("empty the bottle into the tank"), not an adjective.
var emptyVerbObjects = wordSet("the", "your", "this", "that", "a", "an", "one", "each", "it", "its", "contents", "out", "into")

// returnWords, near an empty container, speak of returning or refilling
// it ("return your empty bottles", "empty drums taken back"): a shop's
// service, not what is sold.
var returnWords = []string{"return", "refill", "deposit", "recycl", "take back", "taken back", "buy back", "pfand",
	"zurück", "consigne", "recharge", "reciclaj", "devoluc", "rimborso", "vuoti a rendere", "statiegeld", "kaucj", "возврат", "залог"}

// returnNear reports whether a return word stands within 40 bytes of
// text[s:e].
func returnNear(text string, s, e int) bool {
	w := text[max(0, s-40):min(len(text), e+40)]
	for _, r := range returnWords {
		if strings.Contains(w, r) {
			return true
		}
	}
	return false
}
