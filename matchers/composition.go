package matchers

import (
	"bytes"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/precwatch/precwatch"
)

// maxProcessGap bounds the bytes between a process cue ("made from") and
// the mention it makes a raw material.
const maxProcessGap = 80

// markComposition marks the mentions of one field that state what a
// product contains or is made from rather than offer the substance: a
// composition cue right after the mention ("safrole-reduced", "safrole
// residue") or right before it ("low-safrole", "low in safrole"), a limit
// ("safrole < 0.1%", "safrole ≤ 1 %"), or a process cue earlier in the same
// clause ("manufactured from safrole", "produced by acetylation of wood pulp
// with acetic anhydride"), or a list cue earlier in the same sentence
// ("natural constituents include myristicin, elemicin and safrole", "heart
// notes: iris, heliotropin").
func (m *Matcher) markComposition(f *field, ms []subHit, chemForm bool) {
	for i := range ms {
		h := &ms[i]
		if h.negated {
			continue
		}
		if wantedBefore(f.norm, int(h.s)) || m.buyRequestBefore(f, h) || m.buyRequestAfter(f, h) || requestDenied(f.norm, int(h.s), int(h.e)) {
			h.wanted = true
			continue
		}
		if h.kind == precwatch.HitCAS {
			continue
		}
		if limitAfter(f.norm, int(h.e)) {
			h.composition = true
			continue
		}
		// Not in a listing with chemical-form words (purity, reagent grade,
		// powder): "the set contains safrole, isosafrole and piperonal,
		// reagent grade" offers them.
		if sub := m.subs[h.sub]; !chemForm && sub.List == precwatch.ListTableI && len(sub.Medicines) == 0 && containsBefore(f.norm, int(h.s)) &&
			!purityAfter(f.norm, int(h.e)) && !m.quantityNextTo(f.norm, int(h.s), int(h.e)) {
			h.composition = true
			continue
		}
		if f.kinds&kCompAfter != 0 {
			for _, c := range f.window(h.e, h.e+2) {
				if c.pat >= 0 && m.pats[c.pat].kinds&kCompAfter != 0 && onlySpace(f.norm[h.e:c.s]) {
					h.composition = true
				}
			}
		}
		if f.kinds&(kCompBefore|kCompProcess|kCompList) == 0 {
			continue // none of the words the loop below looks for
		}
		for _, c := range f.window(h.s-maxCue, h.s) {
			if c.pat < 0 || c.e > h.s {
				continue
			}
			k := m.pats[c.pat].kinds
			if k&kCompBefore != 0 && h.s-c.e <= 2 && onlySpace(f.norm[c.e:h.s]) ||
				k&kCompProcess != 0 && h.s-c.e <= maxProcessGap && sameClause(f.norm[c.e:h.s]) ||
				k&kCompList != 0 && sameSentence(f.norm[c.e:h.s]) && !purityAfter(f.norm, int(h.e)) {
				h.composition = true
			}
		}
	}
}

// wantedBefore reports whether the mention at norm[s] follows a "[W]"
// (want) tag on its line with no "[H]" (have) tag in between: in have/want
// notation ("[H] safrole 500 ml [W] BTC", "[W] PMK 1 L [H] cash") what
// follows [W] is wanted, not offered.
func wantedBefore(norm []byte, s int) bool {
	lo := max(2, s-maxCue)
	if lo >= s || bytes.IndexByte(norm[lo:s], ']') < 0 {
		return false // no tag: the loop below could only return false
	}
	for j := s - 1; j >= lo; j-- {
		switch norm[j] {
		case '\n':
			return false
		case ']':
			if norm[j-2] == '[' {
				switch norm[j-1] {
				case 'w':
					return true
				case 'h':
					return false
				}
			}
		}
	}
	return false
}

// maxWantedGap bounds the bytes between a buy-request cue and the mention
// it asks for ("WTB: BMK glycidate", "Suche 5 Liter Aceton").
const maxWantedGap = 24

// buyRequestBefore reports whether mention h follows a buy-request cue
// ("WTB", "looking to buy", "suche", "куплю") by at most a few words in
// the same sentence, with no offer or trade word between ("compro y
// vendo", "looking to buy from distributors of"), and no question mark
// closes that sentence: "Looking to buy PMK? We have stock" is a seller's
// hook, not a request, and so is a cue said of the reader ("if you are
// looking to buy PMK, contact us").
func (m *Matcher) buyRequestBefore(f *field, h *subHit) bool {
	if f.kinds&(kWanted|kWantedAsk) == 0 {
		return false // no buy-request cue in the field
	}
	if f.name == precwatch.FieldTitle && replyTitle(f.norm) {
		return false // "Re: Where can I buy …": the thread's question, not this post's
	}
	for _, c := range f.window(h.s-maxWantedGap-12, h.s) {
		if c.pat < 0 || c.e > h.s || h.s-c.e > maxWantedGap || m.pats[c.pat].kinds&(kWanted|kWantedAsk) == 0 {
			continue
		}
		ask := m.pats[c.pat].kinds&kWantedAsk != 0
		if gap := f.norm[c.e:h.s]; bytes.ContainsAny(gap, ".!?;\n") || bytes.ContainsRune(gap, '。') {
			continue
		}
		offer := false
		for _, o := range f.window(c.e, h.s) {
			if o.pat >= 0 && o.e <= h.s && m.pats[o.pat].kinds&(kOffer|kBulk) != 0 {
				offer = true
			}
		}
		if offer || wordsBefore(f.norm, int(c.s), readerWords, 3) || wordsBefore(f.norm, int(c.s), deniedNeedWords, 1) ||
			wordsBefore(f.norm, int(c.s), cueNounWords, 1) || wordsIn(f.norm[c.e:h.s], sellerSeeksWords) {
			continue
		}
		return ask || !questionAfter(f.norm, int(h.e))
	}
	return false
}

// maxWantedAfterGap bounds the characters between a mention and a buy-request
// cue after it ("エフェドリン 100g 求む").
const maxWantedAfterGap = 12

// buyRequestAfter reports whether a buy-request cue of a language that puts
// it after the noun follows mention h closely ("エフェドリン求む", "efedrin
// 100 g alınır", "Aceton gesucht"): a quantity at most between, no clause
// break, no offer word right after the cue ("alınır satılır": bought and
// sold) and no question after it.
func (m *Matcher) buyRequestAfter(f *field, h *subHit) bool {
	if f.kinds&kWantedAfter == 0 {
		return false
	}
	// The gap is counted in characters, so that a few Chinese words
	// ("麻黄碱提取 麻黄草 大量收购": ephedrine extraction, ephedra herb, bought
	// in bulk) fit as a few Latin ones do.
	for _, c := range f.window(h.e, h.e+4*maxWantedAfterGap) {
		if c.pat < 0 || c.s < h.e || utf8.RuneCount(f.norm[h.e:c.s]) > maxWantedAfterGap || m.pats[c.pat].kinds&kWantedAfter == 0 {
			continue
		}
		if gap := f.norm[h.e:c.s]; !sameClause(gap) {
			continue
		}
		// "alınır satılır", "買います・売ります": bought and sold.
		for _, o := range f.window(c.e, c.e+16) {
			if o.pat >= 0 && o.s >= c.e && m.pats[o.pat].kinds&kOffer != 0 {
				return false
			}
		}
		return !questionAfter(f.norm, int(c.e))
	}
	return false
}

// requestThread marks the mentions outside the title wanted when the title
// is a buy request, every unnegated mention in it wanted ("BMK-olie
// gezocht", "Where to buy BMK glycidic acid in EU?", heldout47 zp0018,
// zp0075), and no other field holds an offer word: the body of such a post
// goes on asking ("Iemand een betrouwbare leverancier van BMK-olie? Graag
// DM.", "Every vendor I tried for BMK glycidic acid was a scam … Need 5kg")
// for what the title asks. Only the substances the title asks for; a body
// with an offer word ("WTB PMK? We have it in stock") keeps its mentions
// offers, and so does a listing with a price (the caller checks).
func (m *Matcher) requestThread(fields []field, hits []subHit) {
	if len(fields) == 0 || fields[0].name != precwatch.FieldTitle {
		return
	}
	var asked []int32 // the substances the title asks for: few
	for _, h := range hits {
		if h.field != 0 || h.negated {
			continue
		}
		if !h.wanted {
			return // the title offers, or names something it does not ask for
		}
		if !slices.Contains(asked, h.sub) {
			asked = append(asked, h.sub)
		}
	}
	if len(asked) == 0 {
		return
	}
	for fi := 1; fi < len(fields); fi++ {
		f := &fields[fi]
		if f.kinds&kOffer == 0 {
			continue
		}
		for _, h := range f.hits {
			if h.pat >= 0 && m.pats[h.pat].kinds&kOffer != 0 && !m.negatedAt(f, h.s) {
				return
			}
		}
	}
	for _, h := range hits {
		if h.field != 0 && !h.negated && slices.Contains(asked, h.sub) && weHaveBefore(fields[h.field].norm, int(h.s)) {
			return // "¿Dónde comprar efedrina? Tenemos efedrina pura …": the answer offers it
		}
	}
	for i := range hits {
		if h := &hits[i]; h.field != 0 && !h.negated && slices.Contains(asked, h.sub) && !inReply(fields[h.field].norm, int(h.s)) {
			h.wanted = true
		}
	}
}

// weHave are the words of a seller saying what its firm holds ("we have",
// "tenemos", "у нас есть", "我们有"), normalised: first person plural only,
// as a buyer's own "I have tried three vendors" is no offer.
var weHave = []string{"we have", "we've got", "we have got", "we stock", "we carry", "tenemos", "temos", "abbiamo",
	"nous avons", "wir haben", "wij hebben", "we hebben", "mamy", "у нас есть", "у нас в наличии", "имеем", "у нас є",
	"маємо", "elimizde", "bizde", "我们有", "我司有", "本公司有", "我们现货", "弊社では", "저희는"}

// maxWeHaveGap bounds the words between a weHave phrase and the name it
// holds ("we have pure BMK glycidate", "tenemos la efedrina"), in bytes.
const maxWeHaveGap = 16

// weHaveGapWords are the words that may stand between weHave and the name
// it holds: articles and the seller's adjectives ("we have pure BMK",
// "tenemos la efedrina", "wir haben reines Ephedrin", "у нас есть чистый
// сафрол", "我们有现货麻黄碱"), normalised. A verb there is a buyer's
// sentence: "we have found ephedrine at a pharmacy", "we have tried".
var weHaveGapWords = map[string]bool{"pure": true, "genuine": true, "original": true, "high": true, "quality": true,
	"top": true, "fresh": true, "real": true, "the": true, "some": true, "la": true, "el": true, "los": true, "las": true,
	"de": true, "del": true, "l": true, "le": true, "les": true, "du": true, "des": true, "il": true, "lo": true, "della": true,
	"dello": true, "a": true, "o": true, "pura": true, "puro": true, "reines": true, "reinen": true, "reine": true,
	"die": true, "das": true, "den": true, "het": true, "zuiver": true, "zuivere": true, "czysta": true, "czystą": true,
	"czysty": true, "чистый": true, "чистая": true, "чистую": true, "чистого": true, "saf": true, "现货": true,
	"高纯": true, "优质": true}

// weHaveGap reports whether the gap between a weHave phrase and a name
// holds only weHaveGapWords, at most three, in one clause.
func weHaveGap(gap []byte) bool {
	if !sameClause(gap) {
		return false
	}
	words := bytes.FieldsFunc(gap, func(r rune) bool { return r == ' ' || r == '\'' || r == '’' })
	if len(words) > 3 {
		return false
	}
	for _, w := range words {
		if !weHaveGapWords[string(w)] {
			return false
		}
	}
	return true
}

// wordEnds reports whether b ends in a letter or digit of a script written
// with spaces (isWordRune: a CJK character is a word of its own).
func wordEnds(b []byte) bool {
	r, _ := utf8.DecodeLastRune(b)
	return len(b) > 0 && isWordRune(r)
}

// wordStarts reports whether b starts with a letter or digit of a script
// written with spaces.
func wordStarts(b []byte) bool {
	r, _ := utf8.DecodeRune(b)
	return len(b) > 0 && isWordRune(r)
}

// weHaveBefore reports whether the name at s of a buy-request thread's body
// follows one of weHave within the clause and a couple of words: a reply
// offering what the title asks for.
func weHaveBefore(norm []byte, s int) bool {
	lo := max(0, s-maxWeHaveGap-16)
	before := norm[lo:s]
	for _, w := range weHave {
		i := bytes.LastIndex(before, []byte(w))
		if i < 0 || wordEnds(before[:i]) {
			continue
		}
		if gap := before[i+len(w):]; len(gap) <= maxWeHaveGap && !wordStarts(gap) && weHaveGap(gap) {
			return true
		}
	}
	return false
}

// replyLabels are the words of a label opening another poster's message
// inside a thread page's text ("— Reply (pharma_direct): I have …",
// "Answer: …", "Comentario de …:"), normalised.
var replyLabels = []string{"reply", "replies", "answer", "comment", "respuesta", "comentario", "antwort", "kommentar", "reponse",
	"commentaire", "resposta", "risposta", "commento", "antwoord", "reactie", "odpowiedz", "komentarz", "odpoved",
	"svar", "cevap", "yanit", "yorum", "jawaban", "balasan", "komentar", "ответ", "комментарий", "відповідь", "коментар",
	"回复", "回答", "答复", "评论", "返信", "回答者", "답변", "댓글", "رد", "تعليق"}

// maxReplyLabel bounds a reply label with who wrote it ("Reply
// (pharma_direct):", "Comment by Anna K.:"), in bytes up to its colon.
const maxReplyLabel = 48

// inReply reports whether position s of a thread's text follows a reply
// label: the mention is in a later poster's message, not the request that
// opens the thread (heldout69 yo0186 "Where to buy Sudafed in Spain? … —
// Reply (pharma_direct): I have genuine Sudafed 60 mg boxes …"). A label
// starts the text or follows a line break, a dash, a bar or a sentence's
// end, and a colon closes it.
func inReply(norm []byte, s int) bool {
	for _, l := range replyLabels {
		for i := 0; i < s; {
			j := bytes.Index(norm[i:s], []byte(l))
			if j < 0 {
				break
			}
			at := i + j
			i = at + len(l)
			if at > 0 && isWordRune(lastRune(norm[:at])) {
				continue // inside a word ("preply")
			}
			before := bytes.TrimRight(norm[:at], " ")
			if r := lastRune(before); len(before) > 0 && !strings.ContainsRune("\n—–-|.!?:)", r) {
				continue // "if you reply:" inside a sentence
			}
			rest := norm[i:min(s, i+maxReplyLabel)]
			if c := bytes.IndexAny(rest, ":："); c >= 0 && !bytes.ContainsAny(rest[:c], ".!?;\n") {
				return true
			}
		}
	}
	return false
}

// replyTitle reports whether a title is a forum reply's ("Re: …", "AW:
// …", "Odp: …"): it quotes the thread's question, and the post may answer
// it with an offer.
func replyTitle(b []byte) bool {
	for _, p := range [...]string{"re:", "re :", "aw:", "sv:", "odp:", "ynt:", "ответ:"} {
		if bytes.HasPrefix(b, []byte(p)) {
			return true
		}
	}
	return false
}

// deniedNeedWords right before a buy-request cue deny it ("no need",
// "не нужно"): "No need for a prescription, ephedrine 30 mg" asks for
// nothing.
var deniedNeedWords = []string{"no", "not", "don't", "dont", "never", "without", "не", "nie", "kein", "keine", "nao", "pas", "tidak", "tak", "ga", "gak", "nggak"}

// cueNounWords right before a buy-request cue make it a noun ("produits
// de recherche : GBL", "pour la recherche", "the search for"): a research
// chemical shop's heading, not a request.
var cueNounWords = []string{"de", "la", "pour", "en", "du", "des", "une", "sa", "notre", "votre", "leur", "the", "our", "for", "of"}

// sellerSeeksWords between a buy-request cue and the mention make the
// seller the one who looks, for buyers ("looking for distributors of our
// ephedrine"): an offer, not a request.
var sellerSeeksWords = []string{"buyer", "buyers", "customer", "customers", "client", "clients", "distributor", "distributors",
	"reseller", "resellers", "partner", "partners", "agent", "agents", "importer", "importers", "wholesaler", "wholesalers",
	// Round fix69: the same in the languages of the new first-person cues ("wir suchen Vertriebspartner für unser
	// Ephedrin", "ищем дилеров", "buscamos distribuidores").
	"vertriebspartner", "handler", "haendler", "kunden", "distributeurs", "revendeurs", "distribuidores", "clientes",
	"compradores", "distributori", "rivenditori", "dystrybutorow", "дилеров", "партнеров", "покупателей", "клиентов", "bayi", "bayiler"}

// wordsIn reports whether a word of words stands in b as a whole word.
func wordsIn(b []byte, words []string) bool {
	for _, w := range words {
		for i := 0; ; {
			j := bytes.Index(b[i:], []byte(w))
			if j < 0 {
				break
			}
			s, e := i+j, i+j+len(w)
			if (s == 0 || !isAlnumByte(b[s-1])) && (e == len(b) || !isAlnumByte(b[e])) {
				return true
			}
			i = e
		}
	}
	return false
}

// readerWords before a buy-request cue make it the reader's ("if you are
// looking to buy", "wenn Sie … suchen", "si vous cherchez"): a seller's
// address, not a request.
var readerWords = []string{"you", "you're", "youre", "if", "sie", "du", "vous", "usted", "ustedes", "вы", "ты", "jij", "u"}

// questionAfter reports whether the sentence going on at b[i] ends in a
// question mark.
func questionAfter(b []byte, i int) bool {
	for j := i; j < len(b) && j < i+200; j++ {
		switch b[j] {
		case '?':
			return true
		case '.', '!', '\n', ';':
			return false
		}
	}
	return false
}

// limitAfter reports whether an upper limit follows at b[i]: "<", "≤",
// "max" or a limit word ("below", "less than") with a number and "%" or
// "ppm".
func limitAfter(b []byte, i int) bool {
	for i < len(b) && (b[i] == ' ' || b[i] == ':') {
		i++
	}
	switch {
	case i < len(b) && b[i] == '<':
		i++
	case i+3 <= len(b) && string(b[i:i+3]) == "≤":
		i += 3
	case i+3 <= len(b) && string(b[i:i+3]) == "max":
		i += 3
	default:
		w, ok := limitWord(b[i:])
		if !ok {
			return false
		}
		i += w
	}
	for i < len(b) && (b[i] == ' ' || b[i] == '=' || b[i] == '.') {
		i++
	}
	if i >= len(b) || !isDigit(b[i]) {
		return false
	}
	for i < len(b) && (isDigit(b[i]) || b[i] == '.' || b[i] == ',') {
		i++
	}
	if i < len(b) && b[i] == ' ' {
		i++
	}
	return i < len(b) && b[i] == '%' || i+3 <= len(b) && string(b[i:i+3]) == "ppm"
}

// containsWords are the verbs that say what a product contains ("nutmeg
// oil (contains safrole and myristicin)", "contains natural safrole").
var containsWords = [][]byte{[]byte("contains "), []byte("containing "), []byte("contain "), []byte("enthalt "), []byte("enthaltend "),
	[]byte("contient "), []byte("contenant "), []byte("contiene "), []byte("contem "), []byte("bevat "), []byte("zawiera "),
	[]byte("содержит "), []byte("содержащий ")}

// containsStems are parts of the contains words: each word holds one.
var containsStems = [][]byte{[]byte("cont"), []byte("enthalt"), []byte("bevat "), []byte("zawiera "), []byte("содерж")}

// maxContainsGap bounds the bytes between a contains word and the mention.
const maxContainsGap = 40

// containsBefore reports whether a contains word stands before the
// mention at norm[s] in the same clause, at most maxContainsGap bytes
// away, with no digit in between ("contains 500 ml of safrole" states an
// amount: a kit's contents are offered). The caller applies it to Table I
// chemicals that are no medicine's ingredient: for those a product that
// contains one is not the chemical (a medicine names its active ingredient
// the same way, and retail Table II products follow rule b).
func containsBefore(norm []byte, s int) bool {
	lo := max(0, s-maxContainsGap-len("содержащий "))
	seg := norm[lo:s]
	// Most mentions have no contains word before them: five short
	// searches for the words' stems spare the thirteen searches for the
	// words.
	stem := false
	for _, st := range containsStems {
		if bytes.Contains(seg, st) {
			stem = true
			break
		}
	}
	if !stem {
		return false
	}
	for _, w := range containsWords {
		i := bytes.LastIndex(seg, w)
		if i < 0 {
			continue
		}
		i += lo
		if i > 0 && isASCIIAlpha(norm[i-1]) {
			continue
		}
		gap := norm[i+len(w) : s]
		if len(gap) <= maxContainsGap && sameClause(gap) && !bytes.ContainsFunc(gap, unicode.IsDigit) {
			return true
		}
	}
	return false
}

// purityAfter reports whether a purity of 90 % or more follows the mention
// ending at b[i] ("safrole 99%", "heliotropin (98 %)", "safrole ≥99.5%"): a
// product that is nearly all the substance is the substance, so a list cue
// before it ("main constituents include safrole 99%, 1 kg") does not make
// it a constituent.
func purityAfter(b []byte, i int) bool {
	for i < len(b) && (b[i] == ' ' || b[i] == ':' || b[i] == '(' || b[i] == '-') {
		i++
	}
	switch {
	case i+3 <= len(b) && string(b[i:i+3]) == "≥":
		i += 3
	case i < len(b) && b[i] == '>':
		i++
	}
	for i < len(b) && b[i] == ' ' {
		i++
	}
	n, d := 0, 0
	for i < len(b) && isDigit(b[i]) && d < 3 {
		n = n*10 + int(b[i]-'0')
		i++
		d++
	}
	if d != 2 || n < 90 {
		return false
	}
	if i+1 < len(b) && (b[i] == '.' || b[i] == ',') && isDigit(b[i+1]) {
		i++
		for i < len(b) && isDigit(b[i]) {
			i++
		}
	}
	if i < len(b) && b[i] == ' ' {
		i++
	}
	return i < len(b) && b[i] == '%'
}

// limitWords are the words of a limit written out ("safrole below 0.1%",
// "under 1 %", "less than 0.5 %").
var limitWords = []string{"below ", "under ", "less than ", "not more than ", "unter ", "moins de ", "inferieur a ", "menos de ", "inferior a "}

// limitFirst marks the first bytes of the limit words.
var limitFirst = func() (t [256]bool) {
	for _, w := range limitWords {
		t[w[0]] = true
	}
	return
}()

// limitWord reports the length of the limit word that b starts with.
func limitWord(b []byte) (int, bool) {
	// Most mentions are followed by none: the words' first letters
	// rule out nearly all of them with one comparison.
	if len(b) == 0 || !limitFirst[b[0]] {
		return 0, false
	}
	for _, w := range limitWords {
		if len(b) >= len(w) && string(b[:len(w)]) == w {
			return len(w), true
		}
	}
	return 0, false
}

// privativeEndings are word endings that make the name they are glued to
// a negation: the Turkish privative suffix (-sız/-siz/-suz/-süz, folded)
// the "-free" of German, Dutch and Nordic compounds and the Finnish
// abessive adjective (-ton, -iton: "asetoniton"), and the same Turkic
// suffix in Cyrillic: Kazakh -сіз/-сыз, Kyrgyz -сыз/-сиз/-суз/-сүз, Tatar
// and Bashkir -сез, Uzbek -сиз ("эфедринсіз", heldout49 zr0025); the
// Turkmen -syz, the Icelandic -laus ("efedrínlaus"), the Mongolian -гүй
// and the Quechua -nnaq ("efedrinannaq", round fix74b); the Uyghur -سىز
// ("ئېفېدرىنسىز", round fix78a).
var privativeEndings = []string{"siz", "suz", "syz", "frei", "vrij", "fri", "free", "iton", "ton", "laus", "nnaq",
	"сіз", "сiз", "сыз", "сиз", "суз", "сүз", "сез", "гүй", "سىز"}

// privativeEnding reports whether the word that a mention ending at norm[e]
// is part of goes on with a privative ending ("asetonsuz", "efedrinsiz",
// "safrolfri"). Only stem matches end inside a word.
func privativeEnding(norm []byte, e int) bool {
	if !wordAt(norm, e) {
		return false
	}
	for _, p := range privativeEndings {
		if e+len(p) <= len(norm) && string(norm[e:e+len(p)]) == p {
			return true
		}
	}
	return false
}

// nonPrefix reports whether a "non" prefix is glued to the mention that
// starts at norm[s]: ノン, 논, or 無/무 at the start of a word.
func nonPrefix(norm []byte, s int) bool {
	pre := norm[:s]
	if len(pre) < 3 {
		return false
	}
	switch {
	case strings.HasSuffix(string(pre[len(pre)-min(len(pre), 6):]), "ノン"),
		strings.HasSuffix(string(pre[len(pre)-3:]), "논"):
		return true
	case strings.HasSuffix(string(pre[len(pre)-3:]), "無"), strings.HasSuffix(string(pre[len(pre)-3:]), "무"):
		r, _ := utf8.DecodeLastRune(pre[:len(pre)-3])
		return len(pre) == 3 || !unicode.IsLetter(r)
	}
	return false
}
