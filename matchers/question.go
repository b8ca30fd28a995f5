package matchers

import (
	"bytes"
	"unicode/utf8"
)

// Questions and their answers: marketplace Q&A sections ("Q: Can you ship
// it discreetly? A: No, it ships in a standard box") and forum threads
// ("why is acetic anhydride so hard to buy?") say things the seller does
// not offer. These helpers look only at a short stretch of text around a
// hit, never at the whole field.

// maxQuestion is how far (bytes) a hit may lie before the question mark
// that ends its sentence.
const maxQuestion = 160

// questionEnd returns the position of the question mark ending the
// sentence that holds position i, or -1 when the sentence ends otherwise
// or no question mark follows within maxQuestion bytes.
func questionEnd(norm []byte, i int) int {
	end := min(len(norm), i+maxQuestion)
	if i >= end {
		return -1
	}
	// Most text holds no question mark: no '?' and no lead byte of '？'
	// (0xEF) starting before end means none can be found.
	if w := norm[i:end]; bytes.IndexByte(w, '?') < 0 && bytes.IndexByte(w, 0xEF) < 0 {
		return -1
	}
	for j := i; j < end; {
		if c := norm[j]; c < utf8.RuneSelf {
			// ASCII, most of the text: no rune decoding.
			switch c {
			case '?':
				return j
			case '.', '!', '\n', ';':
				return -1
			}
			j++
			continue
		}
		r, n := utf8.DecodeRune(norm[j:])
		switch r {
		case '?', '？':
			return j
		case '.', '!', '\n', '。', '！', ';', '；':
			return -1
		}
		j += n
	}
	return -1
}

// answerLabels are the labels that may open an answer ("A: No", "R : Non",
// "Odpowiedź: Nie"), each followed by ':', '.' or a dash, with or without
// a space before it.
var answerLabels = [][]byte{[]byte("answer"), []byte("a"), []byte("r"), []byte("respuesta"), []byte("antwort"), []byte("reponse"),
	[]byte("resposta"), []byte("risposta"), []byte("antwoord"), []byte("odpowiedz"), []byte("odpoved"), []byte("svar"), []byte("vastaus"),
	[]byte("cevap"), []byte("jawapan"), []byte("jawab"), []byte("ответ"), []byte("відповідь"), []byte("答"), []byte("回答")}

// answerLabelWords are answer labels as words of a longer label naming
// who answers ("Ответ продавца:", "Seller's answer:", "Satıcı cevabı:"),
// normalised.
var answerLabelWords = map[string]bool{"answer": true, "answers": true, "reply": true, "a": true, "respuesta": true,
	"antwort": true, "reponse": true, "resposta": true, "risposta": true, "antwoord": true, "odpowiedz": true,
	"odpoved": true, "svar": true, "vastaus": true, "cevap": true, "cevabi": true, "yanit": true, "yaniti": true,
	"jawapan": true, "jawab": true, "ответ": true, "відповідь": true}

// maxAnswerLabel bounds a label naming who answers ("A (Wallmarkt
// Pharmacy):"), in bytes.
const maxAnswerLabel = 64

// afterAnswerLabel returns the text after an answer label at the start of
// rest, or rest itself when it opens with none. A label may name who
// answers after or before the label word ("A (Wallmarkt Pharmacy): No",
// "Ответ продавца: Нет", "Seller's answer: No"; document batch h13).
func afterAnswerLabel(rest []byte) []byte {
	for _, l := range answerLabels {
		if !bytes.HasPrefix(rest, l) {
			continue
		}
		t := bytes.TrimLeft(rest[len(l):], " ")
		r, n := utf8.DecodeRune(t)
		switch r {
		case ':', '.', '-', '–', '—', '：':
			return bytes.TrimLeft(t[n:], " -–—:")
		}
	}
	head := rest[:min(len(rest), maxAnswerLabel)]
	colon, width := bytes.IndexByte(head, ':'), 1
	if c := bytes.Index(head, []byte("：")); c >= 0 && (colon < 0 || c < colon) {
		colon, width = c, len("：")
	}
	if colon <= 0 || bytes.ContainsAny(head[:colon], ".?!\n;") {
		return rest
	}
	words := bytes.FieldsFunc(head[:colon], func(r rune) bool { return r == ' ' || r == '(' || r == ')' || r == '\'' || r == '’' })
	if len(words) > 6 {
		return rest
	}
	for i, w := range words[:min(len(words), 3)] {
		// The label word opens the label, or follows who answers
		// ("seller's answer", "satici cevabi"), never "s" of "seller's".
		if answerLabelWords[string(w)] && (i == 0 || len(w) > 1) {
			return bytes.TrimLeft(rest[colon+width:], " -–—:")
		}
	}
	return rest
}

// answerNo are the words of a plain "no" answer. The word must be followed
// by punctuation or end the text: "No, it ships in a standard box" denies;
// "No problem, we ship discreetly" does not.
var answerNo = [][]byte{[]byte("no"), []byte("nope"), []byte("nein"), []byte("non"), []byte("nee"), []byte("nie"), []byte("nao"),
	[]byte("nej"), []byte("hayir"), []byte("нет"), []byte("ні"), []byte("ne"), []byte("不"), []byte("没有"), []byte("不是"), []byte("否"),
	[]byte("いいえ"), []byte("아니요")}

// answeredNo reports whether the sentence holding position i is a
// question answered with a plain "no" ("Q: Can you ship discreetly? A:
// No, …", "Does it contain pseudoephedrine? — No.").
func answeredNo(norm []byte, i int) bool {
	q := questionEnd(norm, i)
	if q < 0 {
		return false
	}
	_, n := utf8.DecodeRune(norm[q:])
	rest := norm[q+n:]
	// The answer may start the next line (a Q&A block's question and
	// answer are two paragraphs).
	rest = afterAnswerLabel(bytes.TrimLeft(rest, " \n-–—:"))
	for _, w := range answerNo {
		if !bytes.HasPrefix(rest, w) {
			continue
		}
		after := rest[len(w):]
		if len(after) == 0 {
			return true
		}
		r, _ := utf8.DecodeRune(after)
		switch r {
		case ',', '.', '!', ';', ':', '，', '。', '！', '\n', ')':
			return true
		case ' ':
			// "No - it ships in a standard box", not "No-label boxes".
			if d, _ := utf8.DecodeRune(after[1:]); d == '-' || d == '–' || d == '—' {
				return true
			}
		}
		if w[0] >= 0x80 && !isWordRune(r) {
			// A CJK "no" needs no punctuation after it.
			return true
		}
	}
	return false
}

// containCues are the words of a question about what a product contains.
var containCues = [][]byte{[]byte("contain"), []byte("include"), []byte("is there"), []byte("are there"), []byte("any "),
	[]byte("enthalt"), []byte("contien"), []byte("bevat"), []byte("zawiera"), []byte("icer"), []byte("содерж"), []byte("含")}

// withWords are the prepositions "with" that may open a question about a
// product's ingredient ("With pseudoephedrine? No, …").
var withWords = map[string]bool{"with": true, "mit": true, "avec": true, "con": true, "com": true, "met": true,
	"z": true, "ze": true, "с": true, "со": true, "ile": true, "含": true, "含有": true}

// deniedContent reports whether a mention at s..e stands in a question about
// what the product contains that is answered "no" ("Q: Does this contain
// pseudoephedrine? A: No").
func deniedContent(norm []byte, s, e int) bool {
	if !answeredNo(norm, e) {
		return false
	}
	// The question's start: the last sentence break before s.
	lo := max(0, s-maxQuestion)
	for j := s - 1; j >= lo; j-- {
		if c := norm[j]; c == '.' || c == '!' || c == '?' || c == '\n' || c == ':' {
			lo = j + 1
			break
		}
	}
	q := norm[lo:s]
	// A question that is only the name, bare or after "with" ("Safrole?
	// No: …", "Mit Pseudoephedrin? Nein, mit Phenylephrin"), asks whether
	// the product is or holds the substance.
	if w := string(bytes.TrimSpace(q)); w == "" || withWords[w] {
		// Nothing but the name up to the question mark: "Acetone-based
		// primer? No: …" asks about the primer.
		if qe := questionEnd(norm, e); qe >= e && len(bytes.TrimSpace(norm[e:qe])) == 0 {
			return true
		}
	}
	for _, c := range containCues {
		if bytes.Contains(q, c) {
			return true
		}
	}
	return false
}

// coordStop are words after which a "free of" cue is not a negation of
// what follows ("free of charge delivery and …").
var coordStop = map[string]bool{"charge": true, "cost": true, "costs": true, "tax": true, "taxes": true, "duty": true,
	"duties": true, "vat": true, "shipping": true, "delivery": true, "customs": true, "fees": true, "fee": true}

// coordGap reports whether the gap f.norm[s:e] between a "before" negation
// cue and a mention is a short list of other things the cue also denies,
// ending in a connector: "free from ergot and | lysergic acid", "without
// gluten, soy or | ephedrine". At most three words, none a number, a stop
// word, sentence punctuation, or a word the lexicon knows as a paper noun
// or a risk indicator ("without paperwork and | ephedrine 99%" denies the
// paperwork only).
func (m *Matcher) coordGap(f *field, s, e int32) bool {
	gap := f.norm[s:e]
	if len(gap) > 48 || len(gap) == 0 {
		return false
	}
	for _, c := range f.window(s, e) {
		if c.pat >= 0 && c.e <= e && m.pats[c.pat].kinds&(kPaperNoun|kIndicator) != 0 {
			return false
		}
	}
	g := bytes.TrimRight(gap, " ")
	ends := false
	if len(g) > 0 && g[len(g)-1] == ',' {
		ends = true
	}
	words := bytes.FieldsFunc(g, func(r rune) bool { return r == ' ' || r == ',' })
	if len(words) == 0 {
		return false
	}
	if last := string(words[len(words)-1]); m.connectors[last] {
		ends = true
		words = words[:len(words)-1]
	}
	if !ends || len(words) == 0 || len(words) > 3 {
		return false
	}
	for _, w := range words {
		if coordStop[string(w)] || m.connectors[string(w)] {
			return false
		}
		for _, c := range w {
			if c < 0x80 && !isASCIIAlpha(c) && c != '-' {
				return false
			}
		}
	}
	return true
}

// likeCues end a comparison before a place ("как в аптеке", "wie aus der
// Apotheke", "comme en pharmacie", "jak w aptece": like at the pharmacy),
// normalised, each with the space before the place.
var likeCues = [][]byte{[]byte("как в "), []byte("как из "), []byte("как с "), []byte("як в "), []byte("як у "), []byte("як з "),
	[]byte("like in a "), []byte("like in the "), []byte("like at a "), []byte("like at the "), []byte("like from a "),
	[]byte("like from the "), []byte("just like a "), []byte("wie in der "), []byte("wie aus der "), []byte("wie in einer "),
	[]byte("wie aus einer "), []byte("wie vom "), []byte("comme en "), []byte("comme a la "), []byte("comme dans une "),
	[]byte("comme chez le "), []byte("como en la "), []byte("como en una "), []byte("como de "), []byte("como na "),
	[]byte("como da "), []byte("come in "), []byte("come dalla "), []byte("jak w "), []byte("jak z "), []byte("zoals bij de "),
	[]byte("zoals in de "), []byte("zoals van de ")}

// pharmacyLike reports whether the word at s follows a comparison ("как в
// аптеке", "like at the pharmacy"): a review says what the product is
// like, not that a pharmacy or licensed seller sells it (document
// h13-ru-wildberrieslike-iod-5-procentov-10sht).
func pharmacyLike(norm []byte, s int) bool {
	for _, c := range likeCues {
		if !bytes.HasSuffix(norm[:s], c) {
			continue
		}
		// The cue starts a word ("как в", not "знак в").
		if start := s - len(c); start == 0 || !isWordRune(lastRune(norm[:start])) {
			return true
		}
	}
	return false
}

// lastRune returns the last rune of b (utf8.RuneError when b is empty).
func lastRune(b []byte) rune {
	r, _ := utf8.DecodeLastRune(b)
	return r
}
