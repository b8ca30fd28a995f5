package matchers

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/precwatch/precwatch"
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
	// (0xEF) starting before end means none can be found. (The Arabic '؟'
	// and the Greek question mark are folded to '?' by the normaliser:
	// searching for them here cost 1.3 M instructions a pass.)
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
		case '.', '!', '\n', '。', '！', ';', '；', '۔', '।':
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
	[]byte("cevap"), []byte("jawapan"), []byte("jawaban"), []byte("jawab"), []byte("ответ"), []byte("відповідь"), []byte("答え"), []byte("答"), []byte("回答"),
	// fixdocs18 (normalised: คำตอบ folds to คาตอบ): th, ar, ko, vi.
	[]byte("คาตอบ"), []byte("ตอบ"), []byte("الجواب"), []byte("جواب"), []byte("답변"), []byte("답"), []byte("tra loi")}

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
	[]byte("いいえ"), []byte("아니요"),
	// Lead probe, session 18: "Does it contain pseudoephedrine? No, …" in
	// ar, fa, he, hi (नहीं as normalised), ur, id/ms, vi, th, fi, hu, ro,
	// el and sw.
	[]byte("لا"), []byte("نه"), []byte("خیر"), []byte("לא"), []byte("नहि"), []byte("نہیں"), []byte("tidak"), []byte("khong"),
	[]byte("ไม่"), []byte("ei"), []byte("nem"), []byte("nu"), []byte("οχι"), []byte("hapana")}

// answeredNo reports whether the sentence holding position i is a
// question answered with a plain "no" ("Q: Can you ship discreetly? A:
// No, …", "Does it contain pseudoephedrine? — No.") or stands in the
// question line of a Q&A block whose next line answers "no" with no "but"
// ("Q: ร้านมีเอฟีดรีนขายไหม - ผู้ใช้ k***t" / "A: ไม่มีครับ …", document
// h18-th).
func answeredNo(norm []byte, i int) bool {
	if rest := afterQuestionMark(norm, i); rest != nil && opensNo(rest) {
		return true
	}
	a := labelledAnswer(norm, i)
	return a != nil && opensNo(a) && !answerRestores(a)
}

// afterQuestionMark returns the text after the question mark that ends the
// sentence holding position i, past an answer label, or nil when no
// question mark ends it.
func afterQuestionMark(norm []byte, i int) []byte {
	q := questionEnd(norm, i)
	if q < 0 {
		return nil
	}
	_, n := utf8.DecodeRune(norm[q:])
	// The answer may start the next line (a Q&A block's question and
	// answer are two paragraphs).
	return afterAnswerLabel(bytes.TrimLeft(norm[q+n:], " \n-–—:"))
}

// opensNo reports whether an answer opens with a plain "no", after an
// apology if any ("Sorry, no.", "Leider nein.", "ขออภัย ไม่มีครับ").
func opensNo(rest []byte) bool {
	rest = afterApology(rest)
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
		case ',', '.', '!', ';', ':', '，', '。', '！', '\n', ')', '،', '۔', '।':
			return true
		case ' ':
			// "No - it ships in a standard box", not "No-label boxes".
			if d, _ := utf8.DecodeRune(after[1:]); d == '-' || d == '–' || d == '—' {
				return true
			}
		}
		if w0, _ := utf8.DecodeRune(w); isCJK(w0) && !isWordRune(r) {
			// A CJK or Thai "no" needs no punctuation after it; any other
			// does, as in English: "Нет проблем, отправим" and "لا تتردد
			// في الاتصال" (no problem; don't hesitate to write) are no
			// answer.
			return true
		}
	}
	return false
}

// questionLabels open the question line of a Q&A block ("Q: …", "Pregunta:
// …", "ถาม: …"), normalised (คำถาม folds to คาถาม). Background knowledge
// (fixdocs18), not checked against a source.
var questionLabels = [][]byte{[]byte("question"), []byte("q"), []byte("pregunta"), []byte("frage"), []byte("pergunta"),
	[]byte("domanda"), []byte("vraag"), []byte("pytanie"), []byte("вопрос"), []byte("питання"), []byte("soru"),
	[]byte("pertanyaan"), []byte("soalan"), []byte("cau hoi"), []byte("hoi"), []byte("问"), []byte("問"), []byte("質問"),
	[]byte("질문"), []byte("سؤال"), []byte("السؤال"), []byte("คาถาม"), []byte("ถาม")}

// maxQALine bounds the question line of a Q&A block around a hit and the
// stretch searched for its end, in bytes.
const maxQALine = 400

// opensQuestionLabel reports whether line opens with a question label
// followed by ':', '.', ')' or a dash.
func opensQuestionLabel(line []byte) bool {
	line = bytes.TrimLeft(line, " -•*")
	for _, l := range questionLabels {
		if !bytes.HasPrefix(line, l) {
			continue
		}
		t := bytes.TrimLeft(line[len(l):], " ")
		switch r, _ := utf8.DecodeRune(t); r {
		case ':', '.', ')', '-', '–', '—', '：':
			return true
		}
	}
	return false
}

// labelledAnswer returns the answer to the question line holding position
// i in a Q&A block: when i's line opens with a question label and the next
// line with an answer label, the text after that label to the end of its
// line; nil otherwise. Such a question needs no question mark (Thai asks
// with a particle: "…ขายไหม"), and the asker's byline or a second sentence
// may follow it on its line ("… ขอแบบเยอะๆ - ผู้ใช้ k***t · 1 เดือนก่อน").
func labelledAnswer(norm []byte, i int) []byte {
	if i > len(norm) {
		return nil
	}
	// The next line first: most fields are one line, and IndexByte is
	// cheap where a backward scan is not.
	le := bytes.IndexByte(norm[i:min(len(norm), i+maxQALine)], '\n')
	if le < 0 {
		return nil
	}
	next := bytes.TrimLeft(norm[i+le+1:], " ")
	a := afterAnswerLabel(next)
	if len(a) == len(next) {
		// No answer label: the next line may be anything (another
		// question, the next item).
		return nil
	}
	lo := max(0, i-maxQALine)
	ls := bytes.LastIndexByte(norm[lo:i], '\n')
	if ls < 0 && lo > 0 {
		return nil
	}
	if !opensQuestionLabel(norm[lo+ls+1 : i]) {
		return nil
	}
	if e := bytes.IndexByte(a, '\n'); e >= 0 {
		a = a[:e]
	}
	return a[:min(len(a), maxQALine)]
}

// apologies may open an answer before its "no" or denial, normalised, each
// with what may follow it. Background knowledge (fixdocs18).
var apologies = [][]byte{[]byte("sorry"), []byte("unfortunately"), []byte("lo siento"), []byte("lo sentimos"),
	[]byte("lamentablemente"), []byte("disculpe"), []byte("desole"), []byte("desolee"), []byte("malheureusement"),
	[]byte("leider"), []byte("purtroppo"), []byte("spiacenti"), []byte("infelizmente"), []byte("desculpe"), []byte("helaas"),
	[]byte("niestety"), []byte("przepraszamy"), []byte("к сожалению"), []byte("извините"), []byte("на жаль"),
	[]byte("вибачте"), []byte("maalesef"), []byte("mohon maaf"), []byte("maaf"), []byte("xin loi"), []byte("للأسف"),
	[]byte("للاسف"), []byte("عذرا"), []byte("ขออภัย"), []byte("ขอโทษ"), []byte("抱歉"), []byte("不好意思"), []byte("对不起"),
	[]byte("申し訳ございません"), []byte("申し訳ありません"), []byte("죄송합니다")}

// afterApology returns an answer past the apology that opens it, if any.
func afterApology(rest []byte) []byte {
	for _, a := range apologies {
		if bytes.HasPrefix(rest, a) {
			t := rest[len(a):]
			if r, _ := utf8.DecodeRune(t); len(t) > 0 && isWordRune(r) {
				continue
			}
			return bytes.TrimLeft(t, " ,.!:;，、。！-–—")
		}
	}
	return rest
}

// answerDenials open a seller's answer that denies having or selling what
// was asked ("We don't sell medicines.", "No tenemos.", "Bizde yok",
// "取り扱っておりません"), normalised. A "no" (answerNo) is read by
// opensNo. Background knowledge (fixdocs18), not checked against a source.
var answerDenials = [][]byte{
	[]byte("we don't have"), []byte("we dont have"), []byte("we do not have"), []byte("we don't sell"), []byte("we dont sell"),
	[]byte("we do not sell"), []byte("we don't carry"), []byte("we do not carry"), []byte("we don't stock"),
	[]byte("we do not stock"), []byte("we don't deal in"), []byte("we do not deal in"), []byte("we have none"),
	[]byte("not sold here"), []byte("we never sell"), []byte("we never had"),
	[]byte("no tenemos"), []byte("no lo tenemos"), []byte("no la tenemos"), []byte("no vendemos"), []byte("no lo vendemos"),
	[]byte("no la vendemos"), []byte("no manejamos"), []byte("no contamos con"),
	[]byte("nao temos"), []byte("nao vendemos"), []byte("nao trabalhamos com"),
	[]byte("nous n'avons pas"), []byte("nous n'en avons pas"), []byte("on n'a pas"), []byte("on n'en a pas"),
	[]byte("nous ne vendons pas"), []byte("on ne vend pas"),
	[]byte("haben wir nicht"), []byte("wir haben kein"), []byte("verkaufen wir nicht"), []byte("wir verkaufen kein"),
	[]byte("fuhren wir nicht"), []byte("wir fuhren kein"),
	[]byte("non abbiamo"), []byte("non lo abbiamo"), []byte("non vendiamo"), []byte("non lo vendiamo"), []byte("non trattiamo"),
	[]byte("hebben wij niet"), []byte("hebben we niet"), []byte("wij hebben geen"), []byte("we hebben geen"),
	[]byte("verkopen wij niet"), []byte("verkopen we niet"), []byte("wij verkopen geen"), []byte("we verkopen geen"),
	[]byte("nie mamy"), []byte("nie sprzedajemy"),
	[]byte("у нас нет"), []byte("не продаем"), []byte("не продаём"), []byte("не торгуем"), []byte("такого нет"),
	[]byte("у нас немає"), []byte("не маємо"), []byte("не продаємо"), []byte("немає"),
	[]byte("bizde yok"), []byte("elimizde yok"), []byte("yok"), []byte("satmiyoruz"),
	[]byte("不卖"), []byte("不出售"), []byte("不销售"), []byte("我们不卖"), []byte("本店不卖"), []byte("没有卖"),
	[]byte("取り扱っておりません"), []byte("取り扱いはございません"), []byte("取扱いはございません"), []byte("扱っておりません"),
	[]byte("販売しておりません"), []byte("ございません"), []byte("ありません"),
	[]byte("없습니다"), []byte("없어요"), []byte("판매하지 않습니다"), []byte("취급하지 않습니다"), []byte("안 팝니다"),
	[]byte("لا يوجد"), []byte("لا نبيع"), []byte("ليس لدينا"), []byte("ما عندنا"),
	[]byte("tidak ada"), []byte("gak ada"), []byte("nggak ada"), []byte("ga ada"), []byte("tidak jual"),
	[]byte("kami tidak menjual"), []byte("tidak menjual"), []byte("tidak dijual"),
	[]byte("khong co"), []byte("khong ban"), []byte("shop khong ban"),
	[]byte("ร้านไม่มี"), []byte("ร้านไม่ขาย"), []byte("ทางร้านไม่"), []byte("ร้านเราไม่")}

// opensDenial reports whether an answer opens, after an apology if any,
// with a denial of having or selling (answerDenials) that ends a word.
func opensDenial(rest []byte) bool {
	rest = afterApology(rest)
	for _, d := range answerDenials {
		if !bytes.HasPrefix(rest, d) {
			continue
		}
		if r, _ := utf8.DecodeRune(rest[len(d):]); len(rest) == len(d) || !isWordRune(r) {
			// "We don't sell to private buyers", "no vendemos a
			// particulares", "wir verkaufen nicht an Privat": a limit on
			// whom or how, not a denial of the goods.
			next := bytes.FieldsFunc(rest[len(d):min(len(rest), len(d)+24)], func(r rune) bool { return !isWordRune(r) })
			return len(next) == 0 || !restrictWords[string(next[0])]
		}
	}
	return false
}

// restrictWords right after a denial limit whom or how the seller sells
// to ("we don't sell to minors", "without a licence", "outside the EU"),
// normalised. Background knowledge (fixdocs18).
var restrictWords = map[string]bool{"to": true, "without": true, "outside": true, "under": true, "below": true,
	"retail": true, "individually": true, "privately": true, "a": true, "al": true, "sin": true, "sans": true, "aux": true,
	"ohne": true, "an": true, "ai": true, "agli": true, "aan": true, "zonder": true, "bez": true, "без": true,
	"kepada": true, "tanpa": true, "para": true, "pour": true, "fur": true, "per": true, "voor": true, "dla": true,
	"для": true, "kimseye": true}

// butWords in an answer may take back its "no" ("No, but we can order
// it", "ไม่มีครับ แต่สั่งได้"), normalised; Latin and Cyrillic ones are
// whole words, the others substrings.
var butWords = map[string]bool{"but": true, "however": true, "pero": true, "mais": true, "aber": true, "jedoch": true,
	"mas": true, "ma": true, "maar": true, "ale": true, "но": true, "однако": true, "але": true, "ama": true,
	"fakat": true, "ancak": true, "tapi": true, "tetapi": true, "namun": true, "except": true, "excepto": true}

var butWordsScript = [][]byte{[]byte("لكن"), []byte("แต่"), []byte("但"), []byte("不过"), []byte("でも"), []byte("ただし"),
	[]byte("하지만"), []byte("그러나")}

// answerRestores reports whether an answer may take its denial back: a
// "but" word ("No, but we can get it in two weeks") or a digit in its
// first sentence ("We don't have it in 1 kg, only 500 g").
func answerRestores(a []byte) bool {
	a = a[:min(len(a), maxQALine)]
	for _, c := range a {
		if c == '.' || c == '!' || c == '?' || c == ';' {
			break
		}
		if c >= '0' && c <= '9' {
			return true
		}
	}
	toks := bytes.FieldsFunc(a, func(r rune) bool { return !isWordRune(r) })
	for k, t := range toks {
		// Polish "nie ma" (there is none) is no Italian "ma" (but).
		if butWords[string(t)] && !(string(t) == "ma" && k > 0 && string(toks[k-1]) == "nie") {
			return true
		}
	}
	for _, w := range butWordsScript {
		for j := 0; j < len(a); {
			k := bytes.Index(a[j:], w)
			if k < 0 {
				break
			}
			k += j
			// Thai "ตั้งแต่" (since), "แต่ละ" (each), "แต่ง" (to dress) hold
			// แต่ and mean no "but".
			if w[0] == 0xE0 && (bytes.HasSuffix(a[:k], []byte("ตั้ง")) || bytes.HasPrefix(a[k+len(w):], []byte("ละ")) ||
				bytes.HasPrefix(a[k+len(w):], []byte("ง"))) {
				j = k + len(w)
				continue
			}
			return true
		}
	}
	return false
}

// answeredDenial returns whether the question holding position i is
// answered with a denial that nothing in the answer takes back: a "no" or
// a denial of having or selling (answerDenials), after its question mark
// or on the next line of a Q&A block.
func answeredDenial(norm []byte, i int) bool {
	for _, a := range [2][]byte{afterQuestionMark(norm, i), labelledAnswer(norm, i)} {
		if a == nil {
			continue
		}
		if e := bytes.IndexByte(a, '\n'); e >= 0 {
			a = a[:e]
		}
		if t := afterApology(a); bytes.HasPrefix(t, thaiNot) {
			// Thai ไม่ glues to what it negates: only a denial of having
			// or selling, or a bare polite "no", answers the request;
			// "ไม่ต้องห่วง" (don't worry), "ไม่มีปัญหา" (no problem) do not.
			if thaiDenial(t) && !answerRestores(a) {
				return true
			}
			continue
		}
		if (opensNo(a) || opensDenial(a)) && !answerRestores(a) {
			return true
		}
	}
	return false
}

var thaiNot = []byte("ไม่")

// thaiDenials follow ไม่ in a Thai answer that denies having or selling:
// มี (have), ขาย (sell), ได้ขาย/ได้มี, จำหน่าย (normalised จาหน่าย), and the
// polite particles of a bare "no" (ครับ, ค่ะ, คะ, นะ).
var thaiDenials = [][]byte{[]byte("มี"), []byte("ขาย"), []byte("ได้ขาย"), []byte("ได้มี"), []byte("จาหน่าย"), []byte("ครับ"),
	[]byte("ค่ะ"), []byte("คะ"), []byte("นะ")}

// thaiDenial reports whether t, opening with ไม่, denies having or selling.
func thaiDenial(t []byte) bool {
	rest := t[len(thaiNot):]
	if bytes.HasPrefix(rest, []byte("มีปัญหา")) {
		return false
	}
	for _, d := range thaiDenials {
		if bytes.HasPrefix(rest, d) {
			return true
		}
	}
	return false
}

// containCues are the words of a question about what a product contains.
var containCues = [][]byte{[]byte("contain"), []byte("include"), []byte("is there"), []byte("are there"), []byte("any "),
	[]byte("enthalt"), []byte("contien"), []byte("bevat"), []byte("zawiera"), []byte("icer"), []byte("содерж"), []byte("含"),
	// Lead probe, session 18 (normalised): pt contém, ar يحتوي/تحتوي, fa
	// حاوی, he מכיל, id/ms mengandung, vi chứa, hu tartalmaz, ro conține,
	// fi sisältää, el περιέχει.
	[]byte("contem"), []byte("يحتوي"), []byte("تحتوي"), []byte("حاوی"), []byte("מכיל"), []byte("mengandung"), []byte("chua "),
	[]byte("tartalmaz"), []byte("contine"), []byte("sisalta"), []byte("περιεχ"),
	// Lead, session 19 (normalised): hi इसमें (in it) and शामिल
	// (included), ur اس میں, th มี (has) and ส่วนผสม (ingredient), sw
	// ina/inayo (it has), kuna (there is).
	[]byte("इसम"), []byte("शामिल"), []byte("اس میں"), []byte("มี"), []byte("ส่วนผสม"), []byte("ina "), []byte("inayo"), []byte("kuna ")}

// withWords are the prepositions "with" that may open a question about a
// product's ingredient ("With pseudoephedrine? No, …").
var withWords = map[string]bool{"with": true, "mit": true, "avec": true, "con": true, "com": true, "met": true,
	"z": true, "ze": true, "с": true, "со": true, "ile": true, "含": true, "含有": true}

// sellerCues are the words of a question whether the seller has or sells a
// substance ("Do you have ephedrine?", "¿Venden efedrina?", "ร้านมี…ขายไหม",
// "有麻黄碱卖吗"), normalised: sale words, and "have" words only with the
// seller as subject ("do you have", not "does it have": that asks what the
// product contains). Background knowledge (fixdocs18), not checked against
// a source.
var sellerCues = [][]byte{[]byte("you have"), []byte("have you"), []byte("you got"), []byte("u have"), []byte("sell"),
	[]byte("stock"), []byte("carry"), []byte("available"), []byte("supply"), []byte("tienen"), []byte("tienes"),
	[]byte("venden"), []byte("vendes"), []byte("vende "), []byte("manejan"), []byte("disponib"), []byte("voces tem"),
	[]byte("vc tem"), []byte("vendem"), []byte("avez"), []byte("as-tu"), []byte("vendez"), []byte("vends"), []byte("habt"),
	[]byte("haben sie"), []byte("hast du"), []byte("verkauf"), []byte("fuhrt"), []byte("fuhren"), []byte("vorratig"),
	[]byte("lieferbar"), []byte("avete"), []byte("vendete"), []byte("vendi "), []byte("hebben jullie"), []byte("heb je"),
	[]byte("hebt u"), []byte("verko"), []byte("leverbaar"), []byte("macie"), []byte("masz "), []byte("sprzeda"),
	[]byte("dostepn"), []byte("у вас есть"), []byte("у вас е"), []byte("прода"), []byte("в наличии"), []byte("торгуете"),
	[]byte("у вас є"), []byte("маєте"), []byte("в наявності"), []byte("satiyor"), []byte("satar mi"), []byte("satis"),
	[]byte("sizde var"), []byte("elinizde var"), []byte("有卖"), []byte("卖"), []byte("售"), []byte("有货"), []byte("你们有"),
	[]byte("店里有"), []byte("売って"), []byte("扱って"), []byte("取り扱"), []byte("販売"), []byte("在庫"), []byte("팔아"),
	[]byte("판매"), []byte("파나요"), []byte("재고"), []byte("عندكم"), []byte("عندك"), []byte("لديكم"), []byte("تبيع"),
	[]byte("متوفر"), []byte("jual"), []byte("sedia"), []byte("ready"), []byte("co ban"), []byte("con hang"), []byte("shop co"),
	[]byte("ร้านมี"), []byte("มีขาย"), []byte("ขาย"), []byte("จาหน่าย")}

// maxSellerAfter bounds the stretch after a name searched for sellerCues,
// in bytes: Turkish, Japanese, Korean, Chinese and Thai ask after the name
// ("Efedrin satıyor musunuz?", "麻黄碱有卖吗", "เอฟีดรีนมีขายไหม").
const maxSellerAfter = 48

// sellerQuestion reports whether the mention at s..e stands in a question
// to the seller whether they have or sell it (sellerCues before the name
// in its sentence, or right after it).
func sellerQuestion(norm []byte, s, e int) bool {
	q := questionStart(norm, s)
	a := norm[e:min(len(norm), e+maxSellerAfter)]
	if k := bytes.IndexAny(a, ".!?\n"); k >= 0 {
		a = a[:k]
	}
	for _, c := range sellerCues {
		if bytes.Contains(q, c) || bytes.Contains(a, c) {
			return true
		}
	}
	return false
}

// questionStart returns the text from the last sentence break or colon
// before s (at most maxQuestion bytes back) to s.
func questionStart(norm []byte, s int) []byte {
	lo := max(0, s-maxQuestion)
	for j := s - 1; j >= lo; j-- {
		if c := norm[j]; c == '.' || c == '!' || c == '?' || c == '\n' || c == ':' {
			lo = j + 1
			break
		}
	}
	return norm[lo:s]
}

// requestDenied reports whether the mention at s..e stands in a buyer's
// question whether the seller has or sells it, answered with a denial that
// nothing in the answer takes back ("Q: ร้านมีเอฟีดรีนขายไหม …" / "A:
// ไม่มีครับ … ไม่ขายยา…", "Do you sell ephedrine? — We don't sell
// medicines."; document h18-th): the buyer wants it, nobody offers it. The
// mention is wanted, not negated: the page names the substance.
func requestDenied(norm []byte, s, e int) bool {
	return answeredDenial(norm, e) && sellerQuestion(norm, s, e)
}

// deniedContent reports whether a mention at s..e stands in a question about
// what the product contains that is answered "no" ("Q: Does this contain
// pseudoephedrine? A: No"). A question to the seller whether they have or
// sell it asks about their stock, not the product (requestDenied).
func deniedContent(norm []byte, s, e int) bool {
	if !answeredNo(norm, e) || sellerQuestion(norm, s, e) {
		return false
	}
	q := questionStart(norm, s)
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

// questionFrames are the report words (non_offer) that only frame a
// question ("what is", "¿alguien sabe …?", "is it legal to buy …?"),
// normalised: in the title's question they say nothing of the answers,
// which may offer (heldout69 yo0181 "¿Alguien sabe qué es el MAPA? —
// Respuesta: nosotros lo vendemos, 25 kg, entrega segura a México").
var questionFrames = map[string]bool{"what is": true, "que es": true, "qu'est-ce que": true, "was ist": true, "что такое": true,
	"can i buy": true, "is it legal to": true, "is it legal": true, "anyone know": true, "does anyone know": true,
	"alguien sabe": true}

// titleQuestion reports whether a title ends in a question (closing
// brackets, quotes and spaces after its mark aside) that a question word
// opens or carries: "Is it legal to buy potassium permanganate for my koi
// pond (UK)?", "Homebrew soda: is sassafras oil banned?", not a product
// title that ends in a mark ("N-Boc-4-piperidone 79099-07-3 & 4-piperidone
// ethylene ketal 40064-34-4?", heldout6 s0260).
func titleQuestion(norm []byte) bool {
	q := titleQuestionText(norm)
	if q == nil {
		return false
	}
	if bytes.HasPrefix(bytes.TrimLeft(q, " "), []byte("¿")) {
		return true
	}
	return holdsWord(questionTokens(q), questionWords, q, questionWordsCJK)
}

// titleQuestionText returns the question a title ends in, from the last
// sentence break or colon before its question mark, or nil when the title
// ends otherwise.
func titleQuestionText(norm []byte) []byte {
	t := bytes.TrimRight(norm, " )]\"'»”’")
	r, n := utf8.DecodeLastRune(t)
	if r != '?' && r != '？' && r != '؟' {
		return nil
	}
	t = t[:len(t)-n]
	a, _ := sentenceAround(t, len(t), len(t))
	if c := bytes.LastIndexAny(t[a:], ":："); c >= 0 {
		a += c + 1
	}
	return t[a:len(t):len(t)]
}

func questionTokens(q []byte) [][]byte {
	return bytes.FieldsFunc(q, func(r rune) bool { return !isWordRune(r) && r != '\'' && r != '-' })
}

// offerHook reports whether a title's question asks the reader whether
// they want the goods ("Anyone need BMK glycidate?", "Who needs
// ephedrine?", "Need PMK?", "Looking for ephedrine?", "¿Alguien necesita
// efedrina?"): a seller's hook, not a question about the substance. "Do we
// need acetic anhydride for aspirin?" asks about chemistry.
func offerHook(q []byte) bool {
	if (bytes.Contains(q, []byte("有人")) || bytes.Contains(q, []byte("谁"))) && bytes.Contains(q, []byte("要")) {
		return true
	}
	toks := questionTokens(q)
	if len(toks) == 0 {
		return false
	}
	if hookFirst[string(toks[0])] {
		return true
	}
	asker, want := false, false
	for _, w := range toks {
		asker = asker || hookAsker[string(w)]
		want = want || hookFirst[string(w)] || hookWant[string(w)]
	}
	return asker && want
}

// hookFirst open a seller's hook as the question's first word ("Need
// PMK?", "Looking for ephedrine?", "¿Buscas efedrina?"); hookWant are the
// wanting words of "anyone need …", said with a hookAsker word (normalised,
// WATCHLIST-NOTES.md § 73).
var hookFirst, hookWant, hookAsker = wordSet(strings.Fields(`need needs looking searching want interested necesitas necesitan buscas buscan busca
	besoin cherchez brauchst brauchen braucht suchst precisas precisa procuras procura cerchi servono serve
	нужен нужна нужно нужны ищете ищешь надо потрiбен потрібен потрібна шукаєте шукаєш potrzebujesz potrzebujecie szukasz szukacie
	lazim butuh perlu nodig zoek zoekt`)...),
	wordSet(strings.Fields(`wants interest interesse interested interesado interesados interesa necesita necesitan interessado interessato cherche sucht ищет интересует
	интересно шукає potrzebuje szuka zainteresowany ihtiyaci isteyen arayan ister minat يحتاج تحتاج يريد مهتم`)...),
	wordSet(strings.Fields(`anyone anybody someone somebody who alguien quelqu'un jemand wer кто кому кого ktos kto biri kimse iemand qualcuno
	alguem siapa ada أحد احد من`)...)

// thirdPartyOffer are the offer words an answer says of someone else's
// trade as readily as of its own ("aquatic shops sell it", "your school
// buys it from its usual supplier", "Zoohandlungen verkaufen es"):
// outside a question they make an offer only beside a mention or in the
// first person. Every other offer word (stock, availability, a contact or
// price request, shipping) makes one anywhere.
var thirdPartyOffer = wordSet(strings.Fields(`sell sells selling sale supplier suppliers supply supplies buy kaufen verkaufen verkauf acheter vendre
	vente comprar venta kopen verkoop kup купить продажа продаж 出售 销售 jual 販売 판매`)...)

// questionWords open or mark a question in the languages of the held-out
// sets (normalised: accents folded); questionWordsCJK are those of
// scripts without spaces, found inside the question (WATCHLIST-NOTES.md
// § 73).
var questionWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`is are was were do does did can could should would will what why where how who which any anyone anybody
		que como donde cual quien alguien puedo puede hay es
		est-ce quel quelle pourquoi comment peut faut peux
		ist sind gibt kann darf muss warum wie wo wer jemand
		onde qual alguem posso pode porque
		come dove quale qualcuno perche
		zijn mag wat waarom hoe waar wie iemand
		czy co jak gdzie dlaczego ktos mozna
		je jaky kde proc lze legalni
		что как где почему можно ли кто зачем законно нужен нужно
		що як де чому можна чи
		mi mu ne nedir neden nasil nerede
		apa apakah bagaimana dimana kenapa siapa bisakah boleh
		gi sao dau khong
		क्या कैसे कहाँ
		آیا چه چرا کجا
		האם מה למה איפה
		τι πως γιατι που
		miert hol hogyan lehet szabad
		ar vad varfor hur
		ce cum unde este pot
		da li sta kako gde защо къде може
		هل ما ماذا لماذا كيف أين`) {
		m[w] = true
	}
	return m
}()

var questionWordsCJK = [][]byte{[]byte("吗"), []byte("什么"), []byte("为什么"), []byte("怎么"), []byte("如何"), []byte("是否"),
	[]byte("哪里"), []byte("能否"), []byte("何"), []byte("なぜ"), []byte("どこ"), []byte("ですか"), []byte("ますか"), []byte("나요"),
	[]byte("까"), []byte("어디"), []byte("왜"), []byte("ไหม"), []byte("อะไร"), []byte("ทำไม")}

// firstPersonWords are the pronouns of a poster speaking for themself or
// their company ("we sell it", "PM me", "nosotros lo vendemos", "у нас
// есть"), normalised; firstPersonCJK are those of scripts without spaces,
// found inside a word.
var firstPersonWords = map[string]bool{"i": true, "i'm": true, "im": true, "i've": true, "ive": true, "we": true,
	"we're": true, "we've": true, "our": true, "ours": true, "us": true, "me": true, "my": true, "mine": true,
	"yo": true, "nosotros": true, "nuestro": true, "nuestra": true, "nuestros": true, "je": true, "j'ai": true, "nous": true,
	"notre": true, "nos": true, "moi": true, "ich": true, "wir": true, "uns": true, "unser": true, "unsere": true, "mich": true,
	"mir": true, "eu": true, "nosso": true, "nossa": true, "io": true, "noi": true, "nostro": true, "nostra": true,
	"ik": true, "wij": true, "ons": true, "onze": true, "mij": true, "nasz": true, "nasza": true, "mamy": true,
	"я": true, "мы": true, "наш": true, "наша": true, "нас": true, "мне": true, "ми": true, "ben": true, "biz": true,
	"bizim": true, "bizde": true, "kami": true, "saya": true, "aku": true, "نحن": true, "لدينا": true, "عندي": true}

var firstPersonCJK = [][]byte{[]byte("我"), []byte("本公司"), []byte("私"), []byte("弊社"), []byte("当社"), []byte("저희"), []byte("제가")}

// firstPerson reports whether b holds a first-person pronoun.
func firstPerson(b []byte) bool {
	toks := bytes.FieldsFunc(b, func(r rune) bool { return !isWordRune(r) && r != '\'' })
	return holdsWord(toks, firstPersonWords, b, firstPersonCJK)
}

// holdsWord reports whether one of the words toks is in words, or b holds
// one of the CJK words cjk (written without spaces, so found anywhere).
func holdsWord(toks [][]byte, words map[string]bool, b []byte, cjk [][]byte) bool {
	for _, w := range toks {
		if words[string(w)] {
			return true
		}
	}
	for _, w := range cjk {
		if bytes.Contains(b, w) {
			return true
		}
	}
	return false
}

// sentenceAround returns the bounds of the sentence (or clause after a
// semicolon) holding norm[s:e].
func sentenceAround(norm []byte, s, e int) (int, int) {
	a := s
	for a > 0 {
		r, n := utf8.DecodeLastRune(norm[:a])
		if r == '.' || r == '!' || r == '?' || r == '\n' || r == ';' || r == '。' || r == '！' || r == '？' || r == '；' || r == '؟' {
			break
		}
		a -= n
	}
	b := e
	for b < len(norm) {
		r, n := utf8.DecodeRune(norm[b:])
		if r == '.' || r == '!' || r == '?' || r == '\n' || r == ';' || r == '。' || r == '！' || r == '？' || r == '；' || r == '؟' {
			break
		}
		b += n
	}
	return a, b
}

// questionThread reports whether the listing is a question and its answers
// that offer nothing: the title asks a question that is no seller's hook
// (offerHook), and no price, contact, quantity or offer stands on the
// page. Outside a question, an offer word of stock, availability, contact
// or shipping counts wherever it stands, and a selling or supplying word
// (thirdPartyOffer) or a bulk word in a sentence that names a substance or
// speaks in the first person ("nosotros lo vendemos, … 25 kg"):
// "aquatic shops sell it as pond treatment", "your school buys the
// anhydride from its usual supplier" and "anyone know a good supplier?"
// offer nothing (heldout69 yo0004, yo0154, heldout68 yp0128). The caller
// checks that no risk indicator stands on the page: "Sassafras oil 1 L,
// banned? Not here. Telegram …" is an offer.
func (ev *evaluation) questionThread(m *Matcher) bool {
	if len(ev.fields) == 0 || ev.fields[0].name != precwatch.FieldTitle || !titleQuestion(ev.fields[0].norm) ||
		offerHook(titleQuestionText(ev.fields[0].norm)) || ev.priced || len(ev.observ) > 0 || m.statesQuantity(ev.fields) {
		return false
	}
	for fi := range ev.fields {
		f := &ev.fields[fi]
		if !f.offerField {
			continue
		}
		// A sum of money or a company's "we" outside a question answers
		// as a seller ("We can do 900 EUR per kilo", "Try us", "Ours is
		// 99% pure").
		if fi > 0 && (statesMoney(f.norm) || sellerWe(f.norm)) {
			return false
		}
		if f.kinds&(kOffer|kOfferWeak|kBulk) == 0 {
			continue
		}
		for _, h := range f.hits {
			if h.pat < 0 || m.pats[h.pat].kinds&(kOffer|kOfferWeak|kBulk) == 0 || m.negatedAt(f, h.s) ||
				questionEnd(f.norm, int(h.e)) >= 0 {
				continue
			}
			if k := m.pats[h.pat].kinds; k&kBulk == 0 && !thirdPartyOffer[m.pats[h.pat].text] {
				return false // "in stock", "DM for details", "ships to"
			}
			a, b := sentenceAround(f.norm, int(h.s), int(h.e))
			if firstPerson(f.norm[a:b]) {
				return false
			}
			for _, x := range ev.hits {
				if int(x.field) == fi && !x.negated && int(x.s) >= a && int(x.e) <= b {
					return false
				}
			}
		}
	}
	return true
}

// currencyWords follow or precede an amount of money, normalised.
var currencyWords = []string{"eur", "euro", "euros", "usd", "usdt", "dollar", "dollars", "gbp", "pound", "pounds", "chf", "pln", "zl",
	"rub", "руб", "грн", "uah", "try", "tl", "lira", "cny", "rmb", "元", "円", "yen", "inr", "rs", "₹", "€", "$", "£", "¥", "₽", "₺"}

// statesMoney reports whether b holds an amount of money: a number with a
// currency word or sign right after or before it ("900 EUR", "€350",
// "350 $").
func statesMoney(b []byte) bool {
	for i := 0; i < len(b); i++ {
		if b[i] < '0' || b[i] > '9' || i > 0 && b[i-1] >= '0' && b[i-1] <= '9' {
			continue
		}
		j := i
		for j < len(b) && (b[j] >= '0' && b[j] <= '9' || b[j] == '.' || b[j] == ',') {
			j++
		}
		after := bytes.TrimLeft(b[j:], " ")
		before := bytes.TrimRight(b[:i], " ")
		for _, c := range currencyWords {
			if bytes.HasPrefix(after, []byte(c)) && (len(after) == len(c) || !isWordRune(firstRune(after[len(c):])) || c[0] >= 0x80) ||
				c[0] >= 0x80 && bytes.HasSuffix(before, []byte(c)) || c == "$" && bytes.HasSuffix(before, []byte(c)) {
				return true
			}
		}
		i = j
	}
	return false
}

// sellerWeWords are the pronouns of a company or a group of sellers
// ("we", "our", "у нас", "我们"), normalised; sellerWeCJK are found inside
// a word.
var sellerWeWords = wordSet(strings.Fields(`we we're we've us our ours nosotros nuestro nuestra nuestros nous notre wir uns unser unsere
	nosso nossa noi nostro nostra wij ons onze nasz nasza мы нас наш наша наши ми нам biz bizim bizde kami نحن لدينا`)...)

var sellerWeCJK = [][]byte{[]byte("我们"), []byte("本公司"), []byte("我司"), []byte("弊社"), []byte("当社"), []byte("저희")}

// sellerWe reports whether a sentence of b that is no question speaks for
// a company or a group ("we sell", "try us", "ours is 99 %").
func sellerWe(b []byte) bool {
	for a := 0; a < len(b); {
		_, e := sentenceAround(b, a, a)
		if questionEnd(b, a) < 0 {
			sent := b[a:e]
			for _, w := range questionTokens(sent) {
				if sellerWeWords[string(w)] {
					return true
				}
			}
			for _, w := range sellerWeCJK {
				if bytes.Contains(sent, w) {
					return true
				}
			}
		}
		if e >= len(b) {
			break
		}
		_, n := utf8.DecodeRune(b[e:])
		a = e + n
	}
	return false
}
