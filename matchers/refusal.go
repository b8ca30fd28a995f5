package matchers

import (
	"bytes"
	"slices"
	"strings"
)

// This file reads two kinds of sentence that name a risk indicator's words
// to say the opposite of what a seller means by them: a sale refused
// without papers ("Nobody at a pharmacy is going to sell you a kilo of
// iodine without questions") and a control explained by the drug it serves
// ("bulk elemental iodine is a watched chemical because of meth labs").
// Both are read only where an indicator phrase was found, so they cost
// nothing on the listings that hold none.

// refusalSubjects are the words that open a refused sale as its subject
// ("nobody", "niemand", "nadie", "никто"), normalised; refusalNoSubjects
// take a noun after them ("no pharmacy", "keine Apotheke", "ninguna
// farmacia", "ни одна аптека") and count only with a modal or sale verb
// right after that noun, so that "no problem, we sell …" refuses nothing.
var refusalSubjects = wordSet(strings.Fields(`nobody noone no-one niemand keiner nadie personne nessuno ninguem nikt никто ніхто
	kimse geeneen`)...)

var refusalNoSubjects = wordSet(strings.Fields(`no keine kein keiner ninguna ninguno ningun aucune aucun nessuna nessun nenhuma nenhum
	zadna zaden zadne ни жодна жоден hicbir geen`)...)

// refusalModals may stand between a "no" subject's noun and the sale verb
// ("no pharmacy will sell", "no shop is going to sell").
var refusalModals = wordSet(strings.Fields(`will would is 's going gonna to can could wird würde wurde va vende vendera vendra
	venderà vai ira будет станет буде`)...)

// refusalClitics are the object pronouns that stand between a "no"
// subject's noun and its verb ("ninguna farmacia te vende", "keine Apotheke
// gibt dir").
var refusalClitics = wordSet(strings.Fields(`te le les vous ti ci vi me mi lo la dir ihnen uns you вам тебе вам мне`)...)

// refusalVerbAt reports whether toks[i] is a modal or a sale verb.
func refusalVerbAt(toks [][]byte, i int) bool {
	return refusalModals[string(toks[i])] || saleVerbs[string(toks[i])]
}

// saleVerbs are the verbs of a sale a refusal subject denies (normalised).
var saleVerbs = wordSet(strings.Fields(`sell sells selling sold give gives hand supply supplies let verkauft verkaufen verkaufe gibt geben
	vende venden vendera venderan vend vendent vendra vendront vendera vendera venderebbe da dara sprzeda sprzedaje sprzedadza
	продаст продадут продает продают отпустит продасть продає продадуть satmaz satar satmiyor verkoopt verkopen geeft`)...)

// refusalCJK are refused sales of scripts without spaces: a subject ("没有人",
// "誰も") with a sale verb after it in the same clause.
var refusalCJK = [][2]string{{"没有人", "卖"}, {"没人", "卖"}, {"誰も", "売"}, {"아무도", "팔"}}

// refusalConjunctions join a second claim to a refused sale ("nobody sells
// cheaper and without questions"): after one, the phrase is the seller's
// own boast again.
var refusalConjunctions = wordSet(strings.Fields(`and und y et e i и і ve en oder or`)...)

// refusedSale reports whether the no-paperwork phrase at s stands in a
// clause that refuses the sale it would excuse: a refusal subject before a
// sale verb, and the phrase after the verb with no conjunction between
// ("Nobody at a pharmacy is going to sell you a kilo of iodine without
// questions", "Niemand verkauft dir Jod ohne Fragen", "Ninguna farmacia te
// vende yodo sin receta"). "Nobody asks questions" refuses no sale, and is
// the seller's claim.
func refusedSale(norm []byte, s int32) bool {
	a, _ := sentenceAround(norm, int(s), int(s))
	clause := norm[a:s]
	if c := bytes.LastIndexAny(clause, ",;:–—"); c >= 0 {
		// The refusal and the phrase share a clause ("Nobody asks, no
		// questions, fast shipping" is two).
		clause = clause[c+1:]
	}
	for _, p := range refusalCJK {
		if i := bytes.Index(clause, []byte(p[0])); i >= 0 && bytes.Contains(clause[i:], []byte(p[1])) {
			return true
		}
	}
	toks := questionTokens(clause)
	subject := -1
	for i, w := range toks {
		switch {
		case refusalSubjects[string(w)]:
			subject = i
		case string(w) == "no" && i+1 < len(toks) && string(toks[i+1]) == "one":
			subject = i + 1
		case refusalNoSubjects[string(w)] && i+2 < len(toks) && (refusalVerbAt(toks, i+2) ||
			refusalClitics[string(toks[i+2])] && i+3 < len(toks) && refusalVerbAt(toks, i+3)):
			subject = i + 1
		}
		if subject >= 0 {
			break
		}
	}
	if subject < 0 {
		return false
	}
	verb := -1
	for i := subject + 1; i < len(toks) && i <= subject+8; i++ {
		if saleVerbs[string(toks[i])] {
			verb = i
			break
		}
	}
	if verb < 0 {
		return false
	}
	for _, w := range toks[verb+1:] {
		if refusalConjunctions[string(w)] {
			return false
		}
	}
	return true
}

// controlWords say that a substance is controlled, watched or listed
// (normalised; a prefix matches its inflections: "controlled", "kontrolliert").
var controlWords = strings.Fields(`watched watch-listed watchlisted watch list controlled regulated restricted monitored
	scheduled listed banned prohibited illegal precursor kontrolliert uberwacht reguliert verboten beschrankt gelistet
	controlad regulad fiscalizad restringid prohibid controle reglemente surveille interdit controllat regolamentat vietat
	proibid kontrolowan zakazan контрол запрещ ограничен заборон контрольован yasak kontrol gecontroleerd verboden
	管制 列管 受控 监管 規制 규제`)

// causalConnectors open the cause of a control right before the phrase
// ("because of meth labs", "wegen Crystal-Laboren", "por su uso en …",
// "из-за нарколабораторий", "因为制毒").
var causalConnectors = []string{"because of", "because", "due to", "owing to", "on account of", "since it is used", "as it is used",
	"being used", "used in", "used for", "wegen", "aufgrund", "weil", "a cause de", "a cause des", "a cause du", "en raison de",
	"en raison des", "car", "debido a", "por causa de", "porque", "por su uso", "a causa de", "a causa dei", "per via di", "perche",
	"devido a", "из-за", "из за", "потому что", "так как", "через", "z powodu", "ponieważ", "poniewaz", "nedeniyle", "yuzunden",
	"vanwege", "omdat", "因为", "由于", "因", "ため", "때문"}

// connectorEnd1 and connectorEnd2 mark the last and the second-to-last
// bytes of causalConnectors (connectorShort: one of them is a single byte,
// which has no second-to-last), verbFinalStart the first bytes of the
// connectors causeBeside also reads after the phrase: what causeBeside
// looks at first.
var connectorEnd1, connectorEnd2, connectorShort, verbFinalStart = func() (e1, e2 [256]bool, short bool, vf [256]bool) {
	for _, c := range causalConnectors {
		e1[c[len(c)-1]] = true
		if len(c) < 2 {
			short = true
		} else {
			e2[c[len(c)-2]] = true
		}
	}
	for _, c := range verbFinalConnectors {
		vf[c[0]] = true
	}
	return
}()

// verbFinalConnectors are the causal connectors that may stand right after
// the phrase (verb-final languages: "メス製造のため", "yapımı nedeniyle").
var verbFinalConnectors = []string{"ため", "때문", "nedeniyle", "yuzunden"}

// controlExplained reports whether the synthesis-hint phrase at s..e is the
// cause a sentence gives for a control: a causal connector right before
// it (or, in verb-final languages, right after it) and a control word in
// the same sentence ("bulk elemental iodine is a watched chemical because
// of meth labs", "Pseudoephedrin ist wegen Crystal-Laboren
// verschreibungspflichtig und kontrolliert"). "Great for meth labs" and
// "because our BMK converts fast" state no control.
func controlExplained(norm []byte, s, e int32) bool {
	a, b := sentenceAround(norm, int(s), int(e))
	// The connector first: it reads a few bytes beside the phrase, where
	// the control words are searched for in the whole sentence, one
	// search each (21.8 M instructions a pass of BenchmarkMatch when they
	// came first: most synthesis hints have no connector).
	if !causeBeside(norm, a, b, s, e) {
		return false
	}
	sent := norm[a:b]
	for _, w := range controlWords {
		if i := bytes.Index(sent, []byte(w)); i >= 0 && (!isWordRune(firstRune([]byte(w))) || i == 0 || !wordBefore(sent, i)) {
			return true
		}
	}
	return false
}

// causeBeside reports whether a causal connector stands right before the
// phrase at s..e of the sentence norm[a:b] (or, in verb-final languages,
// right after it).
func causeBeside(norm []byte, a, b int, s, e int32) bool {
	before := bytes.TrimRight(norm[max(a, int(s)-24):s], " ")
	if bytes.HasSuffix(before, []byte("-")) {
		// The phrase ends a compound ("wegen Crystal-Meth"): the
		// connector stands before its first part.
		before = bytes.TrimRight(before[:bytes.LastIndexByte(before, ' ')+1], " ")
	}
	after := bytes.TrimLeft(norm[e:min(b, int(e)+12)], " ")
	// Most hints have no connector: the last two bytes before the phrase
	// and the first byte after it end or start none.
	if n := len(before); !(n >= 1 && connectorEnd1[before[n-1]] && (n >= 2 && connectorEnd2[before[n-2]] || connectorShort)) &&
		!(len(after) > 0 && verbFinalStart[after[0]]) {
		return false
	}
	for _, c := range causalConnectors {
		if bytes.HasSuffix(before, []byte(c)) && (len(before) == len(c) || !wordBefore(before, len(before)-len(c))) {
			return true
		}
		if slices.Contains(verbFinalConnectors, c) && bytes.HasPrefix(after, []byte(c)) {
			return true
		}
	}
	return false
}
