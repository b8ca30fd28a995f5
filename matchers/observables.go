package matchers

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"math/big"
	"regexp"
	"strings"

	"github.com/precwatch/precwatch"
)

var (
	urlRE = regexp.MustCompile(`(?i)\b(?:https?://|www\.)[^\s<>"'()\[\]{}]+`)
	// Handle patterns, anchored at a keyword found by findAt.
	// A t.me link: a public handle (also behind the channel preview "s/"
	// and the alias domain telegram.dog) or a private invite ("+HASH",
	// "joinchat/HASH", group 1, whose case matters); tg://resolve links.
	tmeRE      = regexp.MustCompile(`^(?i)(?:(?:t|telegram)\.(?:me|dog)/(?:s/)?(?:(\+[a-z0-9_\-]{8,40}|joinchat/[a-z0-9_\-]{8,40})|([a-z0-9_]{4,32}))|tg://resolve\?domain=([a-z0-9_]{4,32}))`)
	telegramRE = regexp.MustCompile(`^(?i)(?:telegram|tg|тг|телеграмм|телеграм|телега)\s*(?:id|username|handle|channel)?\s*[:：\-]?\s*@([a-z0-9_]{4,32})|^(?i)(?:telegram|tg|тг)\s*(?:id|username)?\s*[:：]\s*([a-z][a-z0-9_]{3,31})(?:$|[^a-z0-9_:/.]|\.(?:$|\s))`)
	// A Wickr handle after a colon, '@' or dash (group 1 holds that mark,
	// group 2 an '@' before the handle without one, group 3 the handle),
	// or after a space alone ("Wickr ID bmk_shop99"), which observables
	// takes only when the handle holds a digit, '_' or '.': "Wickr me for
	// prices" names no handle.
	wickrRE    = regexp.MustCompile(`^(?i)wickr(?:\s*-?\s*(?:me|id|name|namen|naam|nom|nombre|nome|nummer|number|account|konto|handle|username|user|kontakt|contact|adres|adresse|address))?(?:\s*([:：@\-])\s*@?|\s+(@)?)([a-z0-9][a-z0-9_.\-]{2,31})`)
	whatsappRE = regexp.MustCompile(`^(?i)(?:wa\.me/|whatsapp(?:\.com/send/?|://send)\?phone=|whats?\s?app\s*(?:number|no\.?|nr\.?|id)?\s*[:：\-]?\s*)(\+?\d[\d \-()]{5,18}\d)`)
	threemaRE  = regexp.MustCompile(`^(?i)threema(?:\.id/|\s*(?:id)?\s*[:：\-]?\s*)([A-Z0-9*]{8})\b`)
	// A WhatsApp group invite (chat.whatsapp.com/HASH; the hash's case matters).
	waGroupRE = regexp.MustCompile(`^(?i)chat\.whatsapp\.com/(?:invite/)?([a-z0-9]{16,24})\b`)
	// A Signal number or username after a colon, an international number
	// without one ("Signal +44 7700 900123": a bare word there is prose,
	// "signal strength"), or a signal.me phone link.
	signalRE = regexp.MustCompile(`^(?i)(?:signal\.me/#p/(\+\d{6,18})|signal\s*(?:number|no\.?|id|app|messenger|username|user\s?name|user|handle|only|uniquement|seulement|nur|solo|solamente|alleen|tylko|sadece)?\s*(?:[:：]\s*(\+?\d[\d \-()]{5,18}\d|@?[a-z0-9_.]{3,32})|[\-–]?\s*(\+\d[\d \-()]{5,18}\d)))`)
)

var (
	// sharedRE: one number announced for two or more messengers
	// ("WhatsApp/Signal: +86 …", "Telegram, WhatsApp or Signal: +44 …"):
	// group 1 holds the labels, group 2 the number, which each phone
	// messenger named gets.
	sharedRE = regexp.MustCompile(`^(?i)((?:whats?\s?app|signal|telegram)(?:\s*(?:/|\||,|&|\+|\bor\b|\band\b)\s*(?:whats?\s?app|signal|telegram|viber|wechat|line|skype|imo)){1,3})\s*(?:number|no\.?|nr\.?|id)?\s*[:：\-]?\s*(\+?\d[\d \-()]{5,18}\d)`)
	// telegramWordsRE: the Telegram name in another script, or in any
	// script followed by a few words before the handle ("تيليجرام @x",
	// "टेलीग्राम पर संपर्क करें: @x", "텔레그램 문의 @x").
	telegramWordsRE = regexp.MustCompile(`^(?i)(?:telegram|телеграмм?|телеграмі|تيليجرام|تلگرام|تلغرام|تليجرام|टेलीग्राम|텔레그램|テレグラム|电报|纸飞机)[^@\n.!?;]{0,40}?[\s:：(（]@([a-z0-9_]{4,32})`)
	// threemaIDRE: an "ID" label a few words after the Threema name
	// ("Threema only, ID 7XK4PQ2M"; that ID must be in capitals or digits).
	threemaIDRE = regexp.MustCompile(`^(?i:threema)[^@\n.!?;]{0,24}?\b(?i:id)\s*[:：\-]?\s*([A-Z0-9*]{8})\b`)
)

// wickrLabelWords are the words that label a Wickr handle ("Wickr ID",
// "Wickr-naam", "Wickr-Name"): after a hyphen, wickrRE would take them for
// the handle itself (heldout35 zd0030).
var wickrLabelWords = map[string]bool{"me": true, "id": true, "name": true, "namen": true, "naam": true, "nom": true,
	"nombre": true, "nome": true, "nummer": true, "number": true, "account": true, "konto": true, "handle": true,
	"username": true, "user": true, "kontakt": true, "contact": true, "adres": true, "adresse": true, "address": true}

// tmeReserved are t.me paths that are no handle: a post of a private
// channel (c/), sticker and theme sets, share and proxy links.
var tmeReserved = map[string]bool{"joinchat": true, "addstickers": true, "addemoji": true, "addtheme": true, "share": true,
	"proxy": true, "socks": true, "setlanguage": true, "login": true, "confirmphone": true, "invoice": true, "boost": true, "addlist": true}

// The keywords of the messenger handles, for findAt, and of findShared.
var (
	kwTme           = []string{"t.me/", "telegram.me/", "telegram.dog/", "tg://resolve?domain="}
	kwTelegram      = []string{"telegram", "tg", "тг", "Тг", "ТГ", "телеграм", "Телеграм", "ТЕЛЕГРАМ", "телега", "Телега", "ТЕЛЕГА"}
	kwTelegramWords = []string{"telegram", "телеграм", "Телеграм", "تيليجرام", "تلگرام", "تلغرام", "تليجرام", "टेलीग्राम", "텔레그램", "テレグラム", "电报", "纸飞机"}
	kwWickr         = []string{"wickr"}
	kwWhatsApp      = []string{"whatsapp", "whats app", "whatapp", "wa.me/"}
	kwWAGroup       = []string{"chat.whatsapp.com/"}
	kwThreema       = []string{"threema"}
	kwSignal        = []string{"signal"}
	kwShared        = []string{"whatsapp", "whats app", "whatapp", "signal", "telegram"}
)

// kwAll holds each keyword above once; kwByFirst lists, for a first
// byte, the indexes in kwAll of the keywords that start with it.
var kwAll, kwByFirst = func() (all []string, by [256][]uint8) {
	seen := map[string]bool{}
	for _, l := range [][]string{kwTme, kwTelegram, kwTelegramWords, kwWickr, kwWhatsApp, kwWAGroup, kwThreema, kwSignal, kwShared} {
		for _, kw := range l {
			if !seen[kw] {
				seen[kw] = true
				by[kw[0]] = append(by[kw[0]], uint8(len(all)))
				all = append(all, kw)
			}
		}
	}
	return
}()

// kwHit is an occurrence of kwAll[kw] at p that starts a word.
type kwHit struct {
	p  int32
	kw uint8
}

// appendKeywords appends the occurrences of the keywords in lower that
// start a word (the byte before is no ASCII letter or digit), in order of
// position. One pass over the text serves every keyword search of
// appendObservables, where a search per keyword (about thirty) stopped at
// every 't', 'w' and 's'.
func appendKeywords(hits []kwHit, lower []byte) []kwHit {
	prevAlnum := false
	for p, c := range lower {
		if !prevAlnum {
			for _, id := range kwByFirst[c] {
				if kw := kwAll[id]; len(lower)-p >= len(kw) && string(lower[p:p+len(kw)]) == kw {
					hits = append(hits, kwHit{p: int32(p), kw: id})
				}
			}
		}
		prevAlnum = alnumTable[c]
	}
	return hits
}

// findAt applies the anchored re at every occurrence of a keyword of kws
// that starts a word, on a short window of text; hits are
// appendKeywords(lower), lower the ASCII-lower-cased text with the same
// offsets. Since no keyword overlaps itself (a proper prefix of it is never
// also its suffix: TestKeywordsNoBorder), these are the occurrences that a
// search for every occurrence, skipping those that do not start a word,
// finds.
func findAt(text string, hits []kwHit, re *regexp.Regexp, kws []string) [][]string {
	if len(hits) == 0 {
		return nil
	}
	var out [][]string
	for _, kw := range kws {
		for _, h := range hits {
			if kwAll[h.kw] != kw {
				continue
			}
			p := int(h.p)
			if m := re.FindStringSubmatch(text[p:min(len(text), p+96)]); m != nil {
				out = append(out, m)
			}
		}
	}
	return out
}

// markFree reports whether text holds none of the other marks of
// appendObservables' gate: '@', '+', ':', '/', ']', ')', "00", "＠", "dot"
// as a word (hasDotWord), "ickr" or "ICKR" ("Wickr ID bmk_shop99"), or the
// Cyrillic "соба" (hasCyrillicAt: "ivan собака mail точка ru"). Most texts
// that reach it (titles without a dot) hold none of their first bytes in
// the combinations markStart lists: one pass over the bytes proves it,
// where the seven searches cost about 1,100 instructions a title.
func markFree(text string) bool {
	for i := 0; i < len(text); i++ {
		switch markStart[text[i]] {
		case 0:
			continue
		case mkAny:
		case mkZero:
			if i+1 == len(text) || text[i+1] != '0' {
				continue
			}
		case mkDot:
			if i+1 == len(text) || text[i+1] != 'o' && text[i+1] != 'O' {
				continue
			}
		case mkIckr:
			if !strings.HasPrefix(text[i+1:], "ckr") {
				continue
			}
		case mkICKR:
			if !strings.HasPrefix(text[i+1:], "CKR") {
				continue
			}
		}
		// Maybe a mark: the searches decide.
		return !strings.ContainsAny(text, "@+:/])") && !strings.Contains(text, "00") && !strings.Contains(text, "＠") && !hasDotWord(text) &&
			!strings.Contains(text, "ickr") && !strings.Contains(text, "ICKR") && !hasCyrillicAt(text)
	}
	return true
}

// The kinds of markStart: a byte that may start a mark of markFree's.
const (
	mkAny  = 1 + iota // '@', '+', ':', '/', ']', ')'; 0xEF, the first byte of "＠"; 0xB1, of hasCyrillicAt's search
	mkZero            // '0' before '0'
	mkDot             // 'd' or 'D' before 'o' or 'O' (hasDotWord)
	mkIckr            // 'i' before "ckr"
	mkICKR            // 'I' before "CKR"
)

var markStart = func() (t [256]uint8) {
	for _, c := range []byte("@+:/])\xef\xb1") {
		t[c] = mkAny
	}
	t['0'], t['d'], t['D'], t['i'], t['I'] = mkZero, mkDot, mkDot, mkIckr, mkICKR
	return t
}()

// findWickr is findAt(text, hits, wickrRE, kwWickr), with the common
// shape "wickr:" read by wickrAt instead of the regexp (whose backtracking
// cost about 10,000 instructions a call, 1 % of BenchmarkMatch).
func findWickr(text string, hits []kwHit) [][]string {
	var out [][]string
	for _, h := range hits {
		if kwAll[h.kw] != "wickr" {
			continue
		}
		p := int(h.p)
		if m := wickrAt(text[p:min(len(text), p+96)]); m != nil {
			out = append(out, m)
		}
	}
	return out
}

// wickrAt is wickrRE.FindStringSubmatch(w). When w starts with "wickr" in
// ASCII letters of any case and a colon, the regexp has one way to match
// (no label word starts at the colon, and its other branch needs a space
// there): the colon is group 1, then spaces (\s: tab, line feed, form
// feed, carriage return, space) and an optional '@', and the handle of 3
// to 32 bytes, group 3. Where a byte from 0x80 on could be part of the
// handle (under (?i) [a-z] also matches 'ſ' and the Kelvin sign 'K'), or
// the shape is another, the regexp decides.
func wickrAt(w string) []string {
	if len(w) < 6 || w[5] != ':' || !strings.EqualFold(w[:5], "wickr") {
		return wickrRE.FindStringSubmatch(w)
	}
	i := 6
	for i < len(w) && (w[i] == ' ' || w[i] == '\t' || w[i] == '\n' || w[i] == '\f' || w[i] == '\r') {
		i++
	}
	if i < len(w) && w[i] == '@' {
		i++
	}
	if i < len(w) && w[i] >= 0x80 {
		return wickrRE.FindStringSubmatch(w)
	}
	if i == len(w) || !isAlnumByte(w[i]) {
		return nil // the handle cannot start here, nor at a space or '@' given back
	}
	j := i + 1
	for j < len(w) && j-i < 32 && (isAlnumByte(w[j]) || w[j] == '_' || w[j] == '.' || w[j] == '-') {
		j++
	}
	if j < len(w) && j-i < 32 && w[j] >= 0x80 {
		return wickrRE.FindStringSubmatch(w)
	}
	if j-i < 3 {
		return nil
	}
	return []string{w[:j], ":", "", w[i:j]}
}

// findShared applies sharedRE only where a messenger label is followed,
// after optional spaces, by a list separator ("/", "|", ",", "&", "+",
// "or", "and"): the regexp runs on few texts.
func findShared(text string, lower []byte, hits []kwHit) [][]string {
	var out [][]string
	for _, kw := range kwShared {
		for _, h := range hits {
			if kwAll[h.kw] != kw {
				continue
			}
			p := int(h.p)
			j := p + len(kw)
			for j < len(lower) && lower[j] == ' ' {
				j++
			}
			if j >= len(lower) {
				continue
			}
			switch c := lower[j]; {
			case c == '/' || c == '|' || c == ',' || c == '&' || c == '+':
			case bytes.HasPrefix(lower[j:], []byte("or ")) || bytes.HasPrefix(lower[j:], []byte("and ")):
			default:
				continue
			}
			if m := sharedRE.FindStringSubmatch(text[p:min(len(text), p+96)]); m != nil {
				out = append(out, m)
			}
		}
	}
	return out
}

// Observables returns the contacts, crypto addresses and URLs in text, each
// once, in order of appearance by type.
func Observables(text string) []precwatch.Observable {
	return appendObservables(nil, text, true, nil)
}

// appendObservables appends the observables of text to out; messenger
// handles are looked for only when messengers says the text names one.
// buf, when not nil, is a scratch buffer for the lower-cased text.
func appendObservables(out []precwatch.Observable, text string, messengers bool, buf *[]byte) []precwatch.Observable {
	add := func(typ, v string) {
		v = strings.TrimSpace(v)
		if v == "" {
			return
		}
		o := precwatch.Observable{Type: typ, Value: v}
		for _, x := range out {
			if x == o {
				return
			}
		}
		out = append(out, o)
	}
	// Cheap gates first: most listings hold none of these.
	long := hasLongToken(text)
	// '.' first: nearly every text holds one, and IndexByte finds it
	// without the byte-by-byte loop of ContainsAny.
	if !long && strings.IndexByte(text, '.') < 0 && markFree(text) {
		return out
	}
	var lower []byte
	var hitsBuf [8]kwHit
	var kwHits []kwHit
	if messengers {
		var b []byte
		if buf != nil {
			b = (*buf)[:0]
		}
		lower = appendASCIILower(b, text)
		if buf != nil {
			*buf = lower
		}
		kwHits = appendKeywords(hitsBuf[:0], lower)
	}
	for _, m := range findEmails(text) {
		add(precwatch.ObservableEmail, strings.ToLower(m))
	}
	for _, m := range findDefangedEmails(text) {
		add(precwatch.ObservableEmail, m)
	}
	for _, m := range findMarkedEmails(text) {
		add(precwatch.ObservableEmail, m)
	}
	// urlRE needs "://" or a case-insensitive "www." (checked first: it is
	// cheaper than the four searches of the gate).
	if (strings.Contains(text, "://") || hasWWW(text)) &&
		(strings.Contains(text, "http") || strings.Contains(text, "www.") || strings.Contains(text, "HTTP") || strings.Contains(text, "WWW.")) {
		for _, m := range urlRE.FindAllString(text, -1) {
			m = strings.TrimRight(m, ".,;:!?")
			add(precwatch.ObservableURL, lowerHost(m))
		}
	}
	if messengers {
		for _, m := range findAt(text, kwHits, tmeRE, kwTme) {
			switch {
			case m[1] != "":
				add(precwatch.ObservableTelegram, "t.me/"+m[1])
			case tmeReserved[strings.ToLower(m[2])]:
			default:
				add(precwatch.ObservableTelegram, "@"+strings.ToLower(cmp.Or(m[2], m[3])))
			}
		}
	}
	if messengers {
		for _, m := range findAt(text, kwHits, telegramRE, kwTelegram) {
			h := m[1]
			if h == "" {
				h = m[2]
			}
			add(precwatch.ObservableTelegram, "@"+strings.ToLower(h))
		}
		for _, m := range findAt(text, kwHits, telegramWordsRE, kwTelegramWords) {
			add(precwatch.ObservableTelegram, "@"+strings.ToLower(m[1]))
		}
	}
	if messengers {
		for _, m := range findWickr(text, kwHits) {
			h := strings.TrimRight(m[3], ".-")
			if wickrLabelWords[strings.ToLower(h)] {
				continue // "met een Wickr-naam en betaling in bitcoin": the label, no handle
			}
			if m[1] == "" && m[2] == "" && !strings.ContainsAny(h, "0123456789_.") {
				continue // "add me on Wickr for prices": a word, no handle
			}
			add(precwatch.ObservableWickr, strings.ToLower(h))
		}
	}
	if messengers {
		for _, m := range findAt(text, kwHits, whatsappRE, kwWhatsApp) {
			n := m[1]
			if n != "" && n[0] != '+' && isWhatsAppLink(m[0]) {
				n = "+" + n // a wa.me link holds the international number
			}
			v := phoneDigits(n)
			add(precwatch.ObservableWhatsApp, v)
		}
		for _, m := range findAt(text, kwHits, waGroupRE, kwWAGroup) {
			add(precwatch.ObservableWhatsApp, "chat.whatsapp.com/"+m[1])
		}
	}
	// Phone numbers are found once; one announced for several messengers
	// is looked for only when the text holds one.
	phones := findPhones(text)
	if messengers && len(phones) > 0 {
		for _, m := range findShared(text, lower, kwHits) {
			v := phoneDigits(m[2])
			labels := strings.ToLower(m[1])
			if strings.Contains(labels, "app") {
				add(precwatch.ObservableWhatsApp, v)
			}
			if strings.Contains(labels, "signal") {
				add(precwatch.ObservableSignal, v)
			}
			if strings.Contains(labels, "telegram") {
				add(precwatch.ObservableTelegram, v)
			}
		}
	}
	if messengers {
		for _, m := range findAt(text, kwHits, threemaRE, kwThreema) {
			add(precwatch.ObservableThreema, strings.ToUpper(m[1]))
		}
		for _, m := range findAt(text, kwHits, threemaIDRE, kwThreema) {
			add(precwatch.ObservableThreema, m[1])
		}
	}
	if messengers {
		for _, m := range findAt(text, kwHits, signalRE, kwSignal) {
			v := cmp.Or(m[1], m[2], m[3])
			if v != "" && (v[0] == '+' || v[0] >= '0' && v[0] <= '9') {
				v = phoneDigits(v)
			} else {
				v = strings.ToLower(v)
			}
			add(precwatch.ObservableSignal, v)
		}
	}
	for _, d := range phones {
		add(precwatch.ObservablePhone, d)
	}
	// Crypto addresses: whole alphanumeric tokens.
	for i := 0; long && i < len(text); {
		if !isAlnumByte(text[i]) {
			i++
			continue
		}
		j := i
		for j < len(text) && isAlnumByte(text[j]) {
			j++
		}
		if tok := text[i:j]; len(tok) >= 26 {
			if typ, ok := cryptoAddress(tok); ok {
				add(typ, cryptoValue(typ, tok))
			}
		}
		i = j
	}
	return out
}

// isWhatsAppLink reports whether a whatsappRE match is a link
// ("wa.me/447700900123", "api.whatsapp.com/send?phone=…",
// "whatsapp://send?phone=…"), whose number is international without '+'.
func isWhatsAppLink(m string) bool {
	if len(m) > 6 && strings.EqualFold(m[:6], "wa.me/") {
		return true
	}
	i := strings.IndexByte(m, '?')
	return i > 0 && strings.HasPrefix(strings.ToLower(m[i:]), "?phone=")
}

// hasWWW reports whether s holds "www." in any case.
func hasWWW(s string) bool {
	for i := 0; i < len(s); i++ {
		k := strings.IndexByte(s[i:], '.')
		if k < 0 {
			return false
		}
		i += k
		if i >= 3 && s[i-1]|0x20 == 'w' && s[i-2]|0x20 == 'w' && s[i-3]|0x20 == 'w' {
			return true
		}
	}
	return false
}

// appendASCIILower appends s to b with ASCII letters lower-cased (enough
// for the keyword gates).
func appendASCIILower(b []byte, s string) []byte {
	l := len(b)
	b = append(b, s...)
	for i := l; i < len(b); i++ {
		if c := b[i]; c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return b
}

func isEmailLocal(c byte) bool {
	return isAlnumByte(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-'
}

func isDomainByte(c byte) bool { return isAlnumByte(c) || c == '.' || c == '-' }

// findEmails returns the e-mail addresses in s: local@domain.tld.
func findEmails(s string) []string {
	var out []string
	for at := strings.IndexByte(s, '@'); at >= 0; {
		i := at
		for i > 0 && isEmailLocal(s[i-1]) {
			i--
		}
		j := at + 1
		for j < len(s) && isDomainByte(s[j]) {
			j++
		}
		dom := strings.TrimRight(s[at+1:j], ".-")
		if dot := strings.LastIndexByte(dom, '.'); i < at && dot > 0 && len(dom)-dot-1 >= 2 && len(dom)-dot-1 <= 24 && allLetters(dom[dot+1:]) {
			out = append(out, strings.TrimLeft(s[i:at], ".")+"@"+dom)
		}
		next := strings.IndexByte(s[at+1:], '@')
		if next < 0 {
			break
		}
		at = at + 1 + next
	}
	return out
}

// findDefangedEmails returns the e-mail addresses written with "[at]",
// "(at)" or "{at}" for '@' and "[dot]", "(dot)", "{dot}" or '.' for the
// dots ("kemi.sales [at] proton [dot] me"), lower-cased. Only closing
// brackets are looked for (IndexByte), so text without any costs three
// vectorised byte searches.
func findDefangedEmails(s string) []string {
	var out []string
	for _, close := range []byte{']', ')', '}'} {
		for i := 0; i < len(s); {
			k := strings.IndexByte(s[i:], close)
			if k < 0 {
				break
			}
			p := i + k // s[p] is the closing bracket
			i = p + 1
			if p < 3 || s[p-1]|0x20 != 't' || s[p-2]|0x20 != 'a' || !isOpenBracket(s[p-3]) {
				continue
			}
			// Local part before the bracket, spaces allowed between.
			e := p - 3
			for e > 0 && s[e-1] == ' ' {
				e--
			}
			b := e
			for b > 0 && isEmailLocal(s[b-1]) {
				b--
			}
			local := strings.Trim(s[b:e], ".")
			if local == "" {
				continue
			}
			if dom, ok := defangedDomain(s[p+1:]); ok {
				out = append(out, strings.ToLower(local)+"@"+dom)
			}
		}
	}
	return out
}

func isOpenBracket(c byte) bool { return c == '[' || c == '(' || c == '{' }

var (
	// markedAtRE and markedDotRE: '@' and '.' written as "[@]", "(@)",
	// "{@}", "(a)", a spaced "@", the fullwidth "＠" and "．", "[.]", "(.)",
	// "{.}" or a spaced ".", with the spaces around them.
	markedAtRE  = regexp.MustCompile(`\s*(?:\[@\]|\(@\)|\{@\}|\(a\)|\[a\]|＠)\s*|\s+@\s+`)
	markedDotRE = regexp.MustCompile(`\s*(?:\[\.\]|\(\.\)|\{\.\}|．)\s*|\s+\.\s+`)
	// wordEmailRE: "name at domain dot tld", the words at and dot in any
	// case (also bracketed). A plain "at" needs at least one "dot" after
	// it: "meet at noon" is no address.
	wordEmailRE = regexp.MustCompile(`(?i)([a-z0-9][a-z0-9._%+\-]*)\s+(?:at|\[at\]|\(at\)|\{at\})\s+([a-z0-9][a-z0-9\-]*(?:\s+(?:dot|\[dot\]|\(dot\)|\{dot\})\s+[a-z0-9\-]+)+)`)
	wordDotRE   = regexp.MustCompile(`(?i)\s+(?:dot|\[dot\]|\(dot\)|\{dot\})\s+`)
)

// findMarkedEmails returns the e-mail addresses written with the marks of
// markedAtRE and markedDotRE ("bmkshop [@] proton [.] me", "sales @ chem .
// com", "bmk＠proton．me") or in words ("bmkshop at proton dot me"),
// lower-cased. Texts without '@', "＠", "(a)" or "dot" cost four searches.
func findMarkedEmails(s string) []string {
	var out []string
	if hasAtMark(s) {
		r := markedDotRE.ReplaceAllString(markedAtRE.ReplaceAllString(s, "@"), ".")
		if r != s {
			for _, e := range findEmails(r) {
				out = append(out, strings.ToLower(e))
			}
		}
	}
	if hasCyrillicAt(s) {
		for _, m := range cyrillicEmailRE.FindAllStringSubmatch(s, -1) {
			dom := strings.ToLower(cyrillicDotRE.ReplaceAllString(m[2], "."))
			if dot := strings.LastIndexByte(dom, '.'); dot > 0 && len(dom)-dot-1 >= 2 && len(dom)-dot-1 <= 24 && allLetters(dom[dot+1:]) {
				out = append(out, strings.ToLower(strings.Trim(m[1], "."))+"@"+dom)
			}
		}
	}
	if hasDotWord(s) {
		for _, m := range wordEmailRE.FindAllStringSubmatch(s, -1) {
			dom := strings.ToLower(wordDotRE.ReplaceAllString(m[2], "."))
			if dot := strings.LastIndexByte(dom, '.'); dot > 0 && len(dom)-dot-1 >= 2 && len(dom)-dot-1 <= 24 && allLetters(dom[dot+1:]) {
				out = append(out, strings.ToLower(strings.Trim(m[1], "."))+"@"+dom)
			}
		}
	}
	return out
}

// cyrillicEmailRE: an address with '@' written as the Russian "собака"
// (dog) or "собачка" (also said in Ukrainian), and '.' as a dot or
// "точка"/"крапка", also bracketed ("ivan собака mail точка ru",
// "sales(собака)chem.ru").
var (
	cyrillicEmailRE = regexp.MustCompile(`(?i)([a-z0-9][a-z0-9._%+\-]*)\s*[\[(]?\s*(?:собака|собачка)\s*[\])]?\s*([a-z0-9][a-z0-9\-]*(?:\s*(?:[\[(]?\s*(?:точка|крапка)\s*[\])]?|\.)\s*[a-z0-9\-]+)+)`)
	cyrillicDotRE   = regexp.MustCompile(`(?i)\s*(?:[\[(]?\s*(?:точка|крапка)\s*[\])]?|\.)\s*`)
)

// hasCyrillicAt reports whether s may hold a word cyrillicEmailRE reads
// as '@': the stem "соба" of собака and собачка, lower-case as addresses
// are written. It searches for the tail of "ба" from the second byte of
// "б" (0xB1, rare: Cyrillic text is full of "б"'s and "а"'s first byte
// 0xD0) and checks "со" before it: a plain search for "соба" cost 1.6 M
// instructions a pass of BenchmarkMatch, five for every case 5.6 M.
func hasCyrillicAt(s string) bool {
	const tail = "\xb1\xd0\xb0" // "ба" without the first byte of "б"
	for i := strings.Index(s, tail); i >= 0; {
		if i >= 5 && s[i-5:i+3] == "соба" {
			return true
		}
		k := strings.Index(s[i+1:], tail)
		if k < 0 {
			break
		}
		i += 1 + k
	}
	return false
}

// hasAtMark reports whether s holds one of markedAtRE's marks: an '@'
// between brackets or spaces, "(a)", "[a]" or "＠". The regexps run only
// then: over a whole field they cost more than the matcher (a plain e-mail
// or @handle has none of these).
func hasAtMark(s string) bool {
	for i := strings.IndexByte(s, '@'); i >= 0; {
		if i > 0 && i+1 < len(s) {
			b, a := s[i-1], s[i+1]
			if (b == '[' || b == '(' || b == '{' || b == ' ') && (a == ']' || a == ')' || a == '}' || a == ' ') {
				return true
			}
		}
		k := strings.IndexByte(s[i+1:], '@')
		if k < 0 {
			break
		}
		i += 1 + k
	}
	return closedA(s, '(', ')') || closedA(s, '[', ']') || strings.Contains(s, "＠")
}

// closedA reports whether s holds open, 'a', close in a row ("(a)"): one
// IndexByte loop over the opening brackets, as strings.Contains would run
// without its own loop around it.
func closedA(s string, open, close byte) bool {
	for i := strings.IndexByte(s, open); i >= 0; {
		if i+2 < len(s) && s[i+1] == 'a' && s[i+2] == close {
			return true
		}
		k := strings.IndexByte(s[i+1:], open)
		if k < 0 {
			return false
		}
		i += 1 + k
	}
	return false
}

// hasDotWord reports whether s holds "dot" (any of three cases: "dot",
// "DOT", "Dot") as a word between spaces or in brackets, as wordEmailRE
// needs it: one vectorised search for each first byte, 'd' and 'D', not a
// case-folding loop ("anecdote" is no dot word).
func hasDotWord(s string) bool {
	for _, c := range [...]byte{'d', 'D'} {
		for i := strings.IndexByte(s, c); i >= 0; {
			if i > 0 && i+3 < len(s) {
				o, t := s[i+1], s[i+2]
				if o == 'o' && t == 't' || c == 'D' && o == 'O' && t == 'T' {
					b, a := s[i-1], s[i+3]
					if (b == ' ' || b == '[' || b == '(' || b == '{') && (a == ' ' || a == ']' || a == ')' || a == '}') {
						return true
					}
				}
			}
			k := strings.IndexByte(s[i+1:], c)
			if k < 0 {
				break
			}
			i += 1 + k
		}
	}
	return false
}

// defangedDomain reads a domain written with "[dot]"-style or plain dots at
// the start of s (spaces around the bracketed dots allowed) and returns it
// lower-cased with plain dots, when it has a letter-only top-level label.
func defangedDomain(s string) (string, bool) {
	var labels []string
	i := 0
	for {
		for i < len(s) && s[i] == ' ' {
			i++
		}
		j := i
		for j < len(s) && (isAlnumByte(s[j]) || s[j] == '-') {
			j++
		}
		if j == i {
			break
		}
		labels = append(labels, strings.ToLower(s[i:j]))
		i = j
		// A separator: '.', or an opening bracket with "dot" and its close.
		k := i
		for k < len(s) && s[k] == ' ' {
			k++
		}
		switch {
		case k == i && k < len(s) && s[k] == '.' && k+1 < len(s) && isAlnumByte(s[k+1]):
			i = k + 1
		case k+5 <= len(s) && isOpenBracket(s[k]) && strings.EqualFold(s[k+1:k+4], "dot") && (s[k+4] == ']' || s[k+4] == ')' || s[k+4] == '}'):
			i = k + 5
		default:
			i = -1
		}
		if i < 0 {
			break
		}
	}
	if len(labels) < 2 {
		return "", false
	}
	tld := labels[len(labels)-1]
	if len(tld) < 2 || len(tld) > 24 || !allLetters(tld) {
		return "", false
	}
	return strings.Join(labels, "."), true
}

func allLetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if !(s[i] >= 'a' && s[i] <= 'z' || s[i] >= 'A' && s[i] <= 'Z') {
			return false
		}
	}
	return true
}

// findPhones returns international phone numbers ("+86 155 0000 1234") in
// s as '+' and digits.
func findPhones(s string) []string {
	var out []string
	for i := 0; i < len(s); i++ {
		k := strings.IndexByte(s[i:], '+')
		if k < 0 {
			break
		}
		i += k
		if i+1 >= len(s) || !isDigit(s[i+1]) || i > 0 && isAlnumByte(s[i-1]) {
			continue
		}
		j := i + 1
		digits := 0
		last := j
		for j < len(s) && j-i < 24 {
			c := s[j]
			if isDigit(c) {
				digits++
				last = j + 1
			} else if c != ' ' && c != '-' && c != '.' && c != '(' && c != ')' {
				break
			}
			j++
		}
		if digits >= 9 && digits <= 16 && !(last < len(s) && isAlnumByte(s[last])) {
			out = append(out, phoneDigits(s[i:last]))
		}
		i = last - 1
	}
	return appendPhones00(out, s)
}

// appendPhones00 appends the international numbers written with the call
// prefix 00 instead of '+' ("0044 7700 900123", "0049 170 5550123",
// "00447700900123"): 00, a country code, and 9 to 15 digits in all after
// the 00 (the E.164 bound; zone 1 exactly 11), in groups split by spaces
// or dashes only (a decimal or a date has dots), standing alone as a word,
// and not after a product-code word ("EAN 0049…", "Art.-Nr. 0044…").
func appendPhones00(out []string, s string) []string {
	for i := 0; i+2 < len(s); {
		k := strings.Index(s[i:], "00")
		if k < 0 {
			break
		}
		i += k
		if i > 0 && (isAlnumByte(s[i-1]) || strings.IndexByte("+.,/#-_", s[i-1]) >= 0) ||
			i+2 >= len(s) || s[i+2] < '1' || s[i+2] > '9' {
			i += 2
			for i < len(s) && isDigit(s[i]) {
				i++
			}
			continue
		}
		j, digits, last := i+2, 0, i+2
		for j < len(s) && j-i < 26 {
			c := s[j]
			if isDigit(c) {
				digits++
				last = j + 1
			} else if c != ' ' && c != '-' || j+1 >= len(s) || !isDigit(s[j+1]) {
				break
			}
			j++
		}
		cc := countryCodeLen(s[i+2 : min(last, i+6)])
		ok := digits >= 9 && digits <= 15 && cc > 0 && !(last < len(s) && isAlnumByte(s[last])) &&
			(s[i+2] != '1' || digits == 11) && !codeWordBefore(s, i)
		if ok {
			out = append(out, phoneDigits(s[i:last]))
		}
		i = max(last, i+2)
	}
	return out
}

// codeWordBefore reports whether the word before s[i] (past spaces, a
// colon, a dot or "#") names a product or document code, not a phone.
func codeWordBefore(s string, i int) bool {
	e := i
	for e > 0 && strings.IndexByte(" :.#-", s[e-1]) >= 0 {
		e--
	}
	b := e
	for b > 0 && isAlnumByte(s[b-1]) {
		b--
	}
	w := strings.ToLower(s[b:e])
	switch w {
	case "ean", "upc", "gtin", "sku", "isbn", "issn", "barcode", "lot", "batch", "ref", "art", "item", "order", "invoice",
		"code", "serial", "sn", "model", "part", "pn", "cas", "un", "pzn", "artnr", "bestellnr":
		return true
	}
	return false
}

// hasLongToken reports whether s holds an alphanumeric run of at least 26
// bytes (the shortest crypto address). Such a run covers one of the bytes
// at 25, 51, 77, ...: only those are looked at, and the run around one
// that is alphanumeric is measured.
func hasLongToken(s string) bool {
	const n = 26
	for k := n - 1; k < len(s); {
		if !alnumTable[s[k]] {
			k += n
			continue
		}
		i := k
		for i > 0 && k-i < n-1 && alnumTable[s[i-1]] {
			i--
		}
		// A run from i must reach i+n-1: its bytes after k are tested
		// from that end back, so that the last byte that is not
		// alphanumeric is found first; a run long enough starts after it.
		e := i + n - 1
		if e >= len(s) {
			return false
		}
		j := e
		for j > k && alnumTable[s[j]] {
			j--
		}
		if j == k {
			return true
		}
		k = j + n
	}
	return false
}

var alnumTable = func() (t [256]bool) {
	for c := 0; c < 256; c++ {
		t[c] = c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
	}
	return
}()

func isAlnumByte(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// lowerHost lower-cases the scheme and host of a URL found in text
// ("HTTPS://Shop.Example/Item" is https://shop.example/Item), which name
// the same site in any case; the path keeps its case.
func lowerHost(u string) string {
	start := 0
	if i := strings.Index(u, "://"); i >= 0 {
		start = i + 3
	}
	end := len(u)
	if i := strings.IndexAny(u[start:], "/?#"); i >= 0 {
		end = start + i
	}
	return strings.ToLower(u[:end]) + u[end:]
}

// phoneDigits is a phone number as its digits with a leading '+' when it is
// written in international form, so that one number written in different
// ways is one observable (sellers are linked across platforms on it):
//   - the international call prefix 00 is written '+' (0044… is +44…);
//   - a trunk prefix 0 written after the country code, which E.164 has
//     not, is dropped: "(0)" in brackets ("+44 (0) 7700 900555", "+49
//     (0)30 …"), and a bare 0 ("+44 0 7700 …", "+44 (020) …") after a
//     country code in trunkZero, whose numbers never start with 0;
//   - a 0 after a country code whose numbers do start with 0 (Italy
//     "+39 06 …", keepZero) is kept, in brackets or not, and so is a bare
//     0 after any other country code: when unsure, the digits are kept.
//
// Brackets around an area code ("+1 (555) 123-4567") are not a trunk
// prefix, and a number without a country code ("07700 900555") is its
// digits as written.
func phoneDigits(s string) string {
	b := make([]byte, 0, len(s))
	bracketZero := -1 // index in b of a 0 written alone in brackets
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9' || c == '+' && i == 0:
			b = append(b, c)
		case c == '(':
			j := i + 1
			for j < len(s) && s[j] == ' ' {
				j++
			}
			if j < len(s) && s[j] == '0' {
				k := j + 1
				for k < len(s) && s[k] == ' ' {
					k++
				}
				if k < len(s) && s[k] == ')' {
					bracketZero = len(b)
				}
			}
		}
	}
	d := string(b)
	var off int // where the number after the international prefix starts
	switch {
	case strings.HasPrefix(d, "+"):
		off = 1
	case len(d) > 4 && strings.HasPrefix(d, "00") && d[2] != '0':
		off = 2
	default:
		return d
	}
	rest := d[off:]
	n := countryCodeLen(rest)
	if n == 0 || len(rest) <= n+1 || rest[n] != '0' {
		return "+" + rest
	}
	cc := rest[:n]
	if !keepZero[cc] && (bracketZero == off+n || trunkZero[cc]) {
		rest = cc + rest[n+1:]
	}
	return "+" + rest
}

// countryCodeLen is the length of the E.164 country code that d (digits
// after '+') starts with: 1 for zones 1 and 7, 2 for the two-digit codes,
// else 3; 0 when d cannot start one.
func countryCodeLen(d string) int {
	if d == "" || d[0] < '1' || d[0] > '9' {
		return 0
	}
	if d[0] == '1' || d[0] == '7' {
		return 1
	}
	if len(d) < 2 {
		return 0
	}
	if twoDigitCC[d[:2]] {
		return 2
	}
	return 3
}

var twoDigitCC = setOf("20", "27",
	"30", "31", "32", "33", "34", "36", "39",
	"40", "41", "43", "44", "45", "46", "47", "48", "49",
	"51", "52", "53", "54", "55", "56", "57", "58",
	"60", "61", "62", "63", "64", "65", "66",
	"81", "82", "84", "86",
	"90", "91", "92", "93", "94", "95", "98")

// trunkZero are country codes whose national format starts with the trunk
// prefix 0 and whose numbers (E.164, after the country code) never start
// with 0: a 0 written after one of them is the trunk prefix. Countries with
// another trunk prefix (Russia's 8, Hungary's 06) or none (NANP, Spain,
// Poland) are left out, so a 0 after them is kept.
var trunkZero = setOf(
	"20", "27", "31", "32", "33", "41", "43", "44", "46", "49", "40",
	"51", "54", "55", "58", "60", "61", "62", "63", "64", "66",
	"81", "82", "84", "86", "90", "91", "92", "93", "94", "95", "98",
	"212", "213", "233", "234", "249", "251", "254", "255", "256", "260", "263",
	"353", "358", "359", "373", "374", "380", "381", "385", "386", "387", "389",
	"421", "855", "856", "880", "886",
	"961", "962", "963", "964", "966", "971", "972", "977", "994", "995", "996")

// keepZero are country codes whose numbers may start with 0 in E.164
// (Italy, San Marino, the Vatican, Côte d'Ivoire, Benin, Gabon, Congo): a 0
// after them is part of the number even when written in brackets.
var keepZero = setOf("39", "378", "379", "225", "229", "241", "242")

func setOf(xs ...string) map[string]bool {
	m := make(map[string]bool, len(xs))
	for _, x := range xs {
		m[x] = true
	}
	return m
}

// cryptoValue is the normalised form of a crypto address of type typ:
// hexadecimal ethereum addresses (EIP-55 checksum case or not) and bech32
// bitcoin addresses are case-insensitive and lower-cased ("0X" is "0x");
// base58 addresses (legacy bitcoin, tron, monero) are case-sensitive and
// kept as written.
func cryptoValue(typ, tok string) string {
	switch {
	case typ == precwatch.ObservableEthereum:
		return strings.ToLower(tok)
	case typ == precwatch.ObservableBitcoin && strings.EqualFold(tok[:3], "bc1"):
		return strings.ToLower(tok)
	}
	return tok
}

// cryptoAddress reports which cryptocurrency address tok is, checking its
// checksum: bitcoin base58check (P2PKH, P2SH) and bech32/bech32m, ethereum
// EIP-55 when mixed case, tron base58check, monero keccak checksum.
func cryptoAddress(tok string) (string, bool) {
	switch {
	case len(tok) >= 14 && len(tok) <= 74 && strings.EqualFold(tok[:3], "bc1"):
		if validBech32(tok, "bc") {
			return precwatch.ObservableBitcoin, true
		}
	case len(tok) == 42 && (tok[:2] == "0x" || tok[:2] == "0X"):
		if validEthereum(tok[2:]) {
			return precwatch.ObservableEthereum, true
		}
	case len(tok) == 34 && tok[0] == 'T':
		if v, ok := base58Check(tok); ok && v == 0x41 {
			return precwatch.ObservableTron, true
		}
	case len(tok) >= 26 && len(tok) <= 35 && (tok[0] == '1' || tok[0] == '3'):
		if v, ok := base58Check(tok); ok && (v == 0 || v == 5) {
			return precwatch.ObservableBitcoin, true
		}
	case len(tok) == 95 && (tok[0] == '4' || tok[0] == '8'):
		if validMonero(tok) {
			return precwatch.ObservableMonero, true
		}
	}
	return "", false
}

const b58alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"

var b58index = func() (t [256]int8) {
	for i := range t {
		t[i] = -1
	}
	for i := 0; i < len(b58alphabet); i++ {
		t[b58alphabet[i]] = int8(i)
	}
	return
}()

// base58Check decodes a 25-byte base58check string and returns its version
// byte when the double-SHA-256 checksum is right.
func base58Check(s string) (byte, bool) {
	n := new(big.Int)
	f := big.NewInt(58)
	for i := 0; i < len(s); i++ {
		d := b58index[s[i]]
		if d < 0 {
			return 0, false
		}
		n.Mul(n, f)
		n.Add(n, big.NewInt(int64(d)))
	}
	b := n.Bytes()
	lead := 0
	for lead < len(s) && s[lead] == '1' {
		lead++
	}
	full := append(make([]byte, lead), b...)
	if len(full) != 25 {
		return 0, false
	}
	h1 := sha256.Sum256(full[:21])
	h2 := sha256.Sum256(h1[:])
	for i := 0; i < 4; i++ {
		if h2[i] != full[21+i] {
			return 0, false
		}
	}
	return full[0], true
}

const bech32Charset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"

func bech32Polymod(values []byte) uint32 {
	gen := [5]uint32{0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3}
	chk := uint32(1)
	for _, v := range values {
		b := chk >> 25
		chk = (chk&0x1ffffff)<<5 ^ uint32(v)
		for i := 0; i < 5; i++ {
			if (b>>uint(i))&1 == 1 {
				chk ^= gen[i]
			}
		}
	}
	return chk
}

// validBech32 checks a bech32 or bech32m string with the given
// human-readable part.
func validBech32(s, hrp string) bool {
	if strings.ToLower(s) != s && strings.ToUpper(s) != s {
		return false
	}
	s = strings.ToLower(s)
	pos := strings.LastIndexByte(s, '1')
	if pos < 1 || s[:pos] != hrp || len(s)-pos-1 < 6 {
		return false
	}
	var values []byte
	for i := 0; i < len(hrp); i++ {
		values = append(values, hrp[i]>>5)
	}
	values = append(values, 0)
	for i := 0; i < len(hrp); i++ {
		values = append(values, hrp[i]&31)
	}
	for i := pos + 1; i < len(s); i++ {
		d := strings.IndexByte(bech32Charset, s[i])
		if d < 0 {
			return false
		}
		values = append(values, byte(d))
	}
	c := bech32Polymod(values)
	return c == 1 || c == 0x2bc830a3
}

// validEthereum checks 40 hex digits; mixed case must match EIP-55.
func validEthereum(h string) bool {
	hasUpper, hasLower := false, false
	for i := 0; i < len(h); i++ {
		c := h[i]
		switch {
		case c >= '0' && c <= '9':
		case c >= 'a' && c <= 'f':
			hasLower = true
		case c >= 'A' && c <= 'F':
			hasUpper = true
		default:
			return false
		}
	}
	if !hasUpper || !hasLower {
		return true
	}
	lower := strings.ToLower(h)
	hash := keccak256([]byte(lower))
	for i := 0; i < 40; i++ {
		c := h[i]
		if c >= '0' && c <= '9' {
			continue
		}
		nib := hash[i/2]
		if i%2 == 0 {
			nib >>= 4
		}
		nib &= 0xf
		if (nib >= 8) != (c >= 'A' && c <= 'F') {
			return false
		}
	}
	return true
}

// validMonero decodes a 95-character standard Monero address (Monero's
// block base58) and checks its keccak-256 checksum.
func validMonero(s string) bool {
	var out []byte
	for i := 0; i < len(s); i += 11 {
		end := min(i+11, len(s))
		block := s[i:end]
		size := map[int]int{11: 8, 7: 5}[len(block)]
		if size == 0 {
			return false
		}
		n := new(big.Int)
		for j := 0; j < len(block); j++ {
			d := b58index[block[j]]
			if d < 0 {
				return false
			}
			n.Mul(n, big.NewInt(58))
			n.Add(n, big.NewInt(int64(d)))
		}
		b := n.Bytes()
		if len(b) > size {
			return false
		}
		out = append(out, make([]byte, size-len(b))...)
		out = append(out, b...)
	}
	if len(out) != 69 {
		return false
	}
	h := keccak256(out[:65])
	return string(h[:4]) == string(out[65:])
}

// keccak256 is the original Keccak-256 (Ethereum's), not SHA3-256.
func keccak256(data []byte) [32]byte {
	var st [25]uint64
	const rate = 136
	buf := make([]byte, 0, len(data)+rate)
	buf = append(buf, data...)
	buf = append(buf, 0x01)
	for len(buf)%rate != 0 {
		buf = append(buf, 0)
	}
	buf[len(buf)-1] |= 0x80
	for off := 0; off < len(buf); off += rate {
		for i := 0; i < rate/8; i++ {
			var v uint64
			for k := 0; k < 8; k++ {
				v |= uint64(buf[off+i*8+k]) << (8 * k)
			}
			st[i] ^= v
		}
		keccakF(&st)
	}
	var out [32]byte
	for i := 0; i < 4; i++ {
		for k := 0; k < 8; k++ {
			out[i*8+k] = byte(st[i] >> (8 * k))
		}
	}
	return out
}

var keccakRC = [24]uint64{
	0x0000000000000001, 0x0000000000008082, 0x800000000000808A, 0x8000000080008000,
	0x000000000000808B, 0x0000000080000001, 0x8000000080008081, 0x8000000000008009,
	0x000000000000008A, 0x0000000000000088, 0x0000000080008009, 0x000000008000000A,
	0x000000008000808B, 0x800000000000008B, 0x8000000000008089, 0x8000000000008003,
	0x8000000000008002, 0x8000000000000080, 0x000000000000800A, 0x800000008000000A,
	0x8000000080008081, 0x8000000000008080, 0x0000000080000001, 0x8000000080008008,
}

var keccakRot = [25]uint{0, 1, 62, 28, 27, 36, 44, 6, 55, 20, 3, 10, 43, 25, 39, 41, 45, 15, 21, 8, 18, 2, 61, 56, 14}

func keccakF(a *[25]uint64) {
	for round := 0; round < 24; round++ {
		var c [5]uint64
		for x := 0; x < 5; x++ {
			c[x] = a[x] ^ a[x+5] ^ a[x+10] ^ a[x+15] ^ a[x+20]
		}
		for x := 0; x < 5; x++ {
			d := c[(x+4)%5] ^ (c[(x+1)%5]<<1 | c[(x+1)%5]>>63)
			for y := 0; y < 25; y += 5 {
				a[y+x] ^= d
			}
		}
		var b [25]uint64
		for x := 0; x < 5; x++ {
			for y := 0; y < 5; y++ {
				r := keccakRot[x+5*y]
				v := a[x+5*y]
				b[y+5*((2*x+3*y)%5)] = v<<r | v>>((64-r)%64)
			}
		}
		for x := 0; x < 5; x++ {
			for y := 0; y < 25; y += 5 {
				a[y+x] = b[y+x] ^ (^b[y+(x+1)%5] & b[y+(x+2)%5])
			}
		}
		a[0] ^= keccakRC[round]
	}
}
