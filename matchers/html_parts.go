package matchers

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// This file holds the page parts document batch h16 showed the reader
// had not known: the list an open entry was picked from (a feed reader's
// or webmail's list beside its reading pane), a community's rules box, a
// description whose whole text waits in a data attribute, a table
// layout's rows under a heading row naming the seller's other items, and
// a sheet index's heading.

// maxEntryItems bounds the items of a list read to find the open entry's
// title among them.
const maxEntryItems = 512

// entryList reports whether n is the list the open entry was picked from:
// beside the column holding the main heading (its parent holds the
// heading; outside the <main>, role=main or <article> holding it, when
// there is one), at least three items (n's element children, or those of
// the one element n wraps) of which three quarters hold a link, and one
// link's text is the main heading's whole text. A feed reader's article
// list beside its reading pane, a webmail's message list beside the
// message shown, a search page beside its preview: the open entry is the
// listing, the others are not (document batch h16).
func (pi *pageInfo) entryList(n *html.Node) bool {
	if n.Type != html.ElementNode || pi.anchor == nil || n.Parent == nil || !pi.protected[n.Parent] || pi.protected[n] {
		return false
	}
	if pi.main != nil && inside(n, pi.main) || pi.main == nil && n.Parent == pi.anchor.Parent {
		// The entry's own list (of its sizes, its pictures).
		return false
	}
	if pi.linkStats(n).links < 3 {
		return false
	}
	title := pi.anchorText()
	if title == "" {
		return false
	}
	list := n
	for {
		only := onlyElement(list)
		if only == nil {
			break
		}
		list = only
	}
	items, linked, current := 0, 0, false
	for c := list.FirstChild; c != nil && items < maxEntryItems; c = c.NextSibling {
		if c.Type != html.ElementNode || !hasText(c) {
			continue
		}
		items++
		if pi.linkStats(c).links == 0 {
			continue
		}
		linked++
		current = current || pi.linkTextIs(c, title)
	}
	return current && linked >= 3 && linked*4 >= items*3
}

// minEntryTitle is the shortest main heading entryList looks for in a
// list: shorter ones ("Home", "Inbox") are no entry's own title.
const minEntryTitle = 8

// anchorText returns the main heading's text, lower-cased with runs of
// white space collapsed, "" when the anchor is no heading or its text is
// shorter than minEntryTitle.
func (pi *pageInfo) anchorText() string {
	if pi.title != nil {
		return *pi.title
	}
	s := ""
	switch pi.anchor.DataAtom {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		s = strings.ToLower(collapseSpace(boundedText(pi.anchor, 400)))
		if len(s) < minEntryTitle || len(s) > 400 {
			s = ""
		}
	}
	pi.title = &s
	return s
}

// linkTextIs reports whether a link under n (at most maxBoundedNodes
// nodes read) shows title, lower-cased with runs of white space collapsed.
// A link whose text is far shorter or longer is not read.
func (pi *pageInfo) linkTextIs(n *html.Node, title string) bool {
	nodes, found := 0, false
	walkNodes(n, func(c *html.Node) bool {
		if nodes++; found || nodes > maxBoundedNodes {
			return false
		}
		if c.Type == html.ElementNode && c.DataAtom == atom.A && hasAttr(c, "href") {
			if k := pi.linkStats(c).text; k*2 >= len(title) && k <= 2*len(title) {
				found = strings.ToLower(collapseSpace(boundedText(c, len(title)+16))) == title
			}
			return false
		}
		return true
	})
	return found
}

// rulesWords name a community's rules in a class or id word ("topic-rules",
// "forum_rules", "guidelines"); channelPurposeWords with a channelWord name a chat
// channel's or group's purpose, which its admins write as its rules
// ("channel-purpose"). A channel's description or info is not among them:
// a seller's own channel describes its offer there.
var (
	rulesWords          = wordSet("rules", "guidelines", "regeln", "regole", "reglas", "regles", "regras", "regels", "pravila", "kurallar")
	channelPurposeWords = wordSet("purpose")
	channelWords        = wordSet("channel", "group", "forum", "board", "community", "subforum", "room")
)

// rulesPhrases open the heading of a community's rules, lower-cased
// ("Regole del Mercatino", "Forum rules", "Normas del grupo").
var rulesPhrases = []string{
	"rules", "forum rules", "board rules", "group rules", "channel rules", "house rules", "community rules", "the rules",
	"posting rules", "community guidelines", "regeln", "forenregeln", "gruppenregeln", "règles", "regles", "règlement",
	"reglas", "normas", "regole", "regolamento", "regras", "regels", "regulamin", "zasady", "правила", "kurallar",
	"pravidla", "szabályok", "reguli", "aturan", "peraturan", "quy định", "nội quy", "กฎ", "القواعد", "قوانین", "规则",
	"规定", "版规", "群规", "規則", "規定", "版規", "ルール", "規約", "규칙", "이용규칙",
}

// prohibitionCues say that something may not be sold or posted,
// lower-cased, each starting a word (the CJK and Thai ones match
// anywhere): a community's rules box speaks of them.
var prohibitionCues = []string{
	"prohibited", "forbidden", "not allowed", "not permitted", "banned", "may not", "must not", "verboten", "nicht erlaubt",
	"nicht gestattet", "untersagt", "prohibid", "prohíbe", "prohibe", "no se permite", "no está permitid", "interdit",
	"pas autorisé", "vietat", "non è consentit", "non sono ammess", "non è ammess", "proibid", "não é permitid",
	"nao e permitid", "zabronion", "zakazan", "nie wolno", "запрещ", "нельзя", "не допуска", "заборон", "yasak",
	"verboden", "niet toegestaan", "zakázan", "interzis", "απαγορ", "tilos", "förbjud", "forbudt", "kielle", "dilarang",
	"cấm", "ห้าม", "ممنوع", "يمنع", "يُمنع", "ممنوعه", "禁止", "禁售", "不得", "不允许", "不允許", "禁じ", "금지",
}

// moderationCues are what a community's rules say of posts and members
// and a seller's own terms do not, lower-cased, each starting a word (the
// CJK ones match anywhere): posts removed, members banned.
var moderationCues = []string{
	"remove", "delete", "banned", "ban ", "post", "members", "member", "moderator", "admin",
	"gelöscht", "entfernt", "gesperrt", "beitr", "mitglied", "moderat", "supprim", "banni", "membre", "modérat",
	"borra", "elimina", "expulsad", "miembro", "socio", "moderad", "rimoss", "cancellat", "bannat", "messaggi", "membri",
	"utent", "removid", "apagad", "banid", "удал", "бан", "участник", "модерат", "видал", "учасник", "silin", "üye",
	"usuw", "członk", "verwijder", "leden", "删除", "刪除", "封号", "封號", "帖子", "成员", "成員", "削除", "投稿",
	"삭제", "회원",
}

// rulesBox reports whether n, named a community's rules box (rulesClass,
// or, weakly, rulesHeading for its heading or lead line), is one: at most
// maxNoticeText bytes of text that say what may not be sold or posted (a
// forum topic's rules, a chat channel's purpose, document batch h16), and,
// named only by its heading, speak of listings, posts or members too (a
// heading "Rules" may be a seller's terms of sale). Its list of prohibited
// substances is no part of any listing. siteNotice asks, so the seller's
// own text and what holds the main heading are left alone.
func (pi *pageInfo) rulesBox(n *html.Node, weak bool) bool {
	if pi.linkStats(n).text > maxNoticeText {
		return false
	}
	text := strings.ToLower(spacedText(n, maxNoticeText))
	if !holdsCue(text, prohibitionCues) {
		return false
	}
	return !weak || holdsCue(text, listingWords) || holdsCue(text, moderationCues)
}

// rulesStems are in every class or id word rulesClass looks at, as the
// cheap test before the words are split (most elements have none).
var rulesStems = []string{"rule", "guideline", "regel", "regol", "regla", "regle", "regra", "pravila", "kural", "purpose"}

// rulesClass reports whether n's class or id names it a community's
// rules: a word of rulesWords, or a purpose word and a channel word in one
// class ("channel-purpose").
func rulesClass(n *html.Node) bool {
	for _, key := range []string{"class", "id"} {
		v := classAttr(n, key)
		if !holdsStem(v, rulesStems) {
			continue
		}
		for _, c := range strings.Fields(v) {
			purpose, channel := false, false
			for _, w := range attrWords(c) {
				if rulesWords[w] {
					return true
				}
				purpose = purpose || channelPurposeWords[w]
				channel = channel || channelWords[w]
			}
			if purpose && channel {
				return true
			}
		}
	}
	return false
}

// holdsStem reports whether v holds one of the ASCII stems, ignoring
// case, without allocating.
func holdsStem(v string, stems []string) bool {
	for _, st := range stems {
		for i := 0; i+len(st) <= len(v); i++ {
			if strings.EqualFold(v[i:i+len(st)], st) {
				return true
			}
		}
	}
	return false
}

// rulesHeading reports whether heading h, whose text is head, names a
// community's rules: it opens with a rules phrase and links nowhere (a
// heading "Rules" linking to the rules page opens a menu, not a box).
func rulesHeading(h *html.Node, head string) bool {
	return rulesPhrase(head) && linkFree(h)
}

// linkFree reports whether h holds no link.
func linkFree(h *html.Node) bool {
	free := true
	walkNodes(h, func(c *html.Node) bool {
		if c.Type == html.ElementNode && c.DataAtom == atom.A && hasAttr(c, "href") {
			free = false
		}
		return free
	})
	return free
}

// rulesBullets are what a rules heading may open with before its words.
const rulesBullets = "■□●•*#>-–—:"

// rulesPhrase reports whether a heading's text s opens with one of
// rulesPhrases (ignoring case), whole words, and is short (a heading, not
// a sentence).
func rulesPhrase(s string) bool {
	s = strings.TrimLeftFunc(s, func(r rune) bool { return isHTMLSpace(r) || strings.ContainsRune(rulesBullets, r) })
	s = strings.TrimRightFunc(s, isHTMLSpace)
	if s == "" || len(s) > 60 {
		return false
	}
	for _, p := range rulesPhrases {
		if len(s) < len(p) || !strings.EqualFold(s[:len(p)], p) {
			continue
		}
		r, _ := utf8.DecodeRuneInString(s[len(p):])
		first, _ := utf8.DecodeRuneInString(p)
		if len(s) == len(p) || !spacedScript(first) || !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// minAttrWhole is the shortest data attribute attrWhole reads (a text,
// not a flag or a key), maxAttrWhole the longest (a description, not a
// store); maxWholeTails bounds the cut-off lines looked for, so that the
// time taken stays linear in the page.
const (
	minAttrWhole  = 2 * minCutOff
	maxAttrWhole  = 64 << 10
	maxWholeTails = 16
)

// attrWhole returns the texts of the body's data attributes that go on
// where a line the page shows is cut off (tails, from cutOffTails): a
// description truncated on the page ("… Voir plus") whose whole text
// waits in an attribute the button's script shows ("data-full-text",
// document batch h16), each line of it a line. An attribute holding markup
// is read as HTML. Only those attributes: others (tooltips, tracking
// names) hold no text the page shows.
func attrWhole(body *html.Node, tails []string) string {
	if len(tails) > maxWholeTails {
		tails = tails[:maxWholeTails]
	}
	var out []string
	seen := map[string]bool{}
	walkNodes(body, func(n *html.Node) bool {
		if n.Type != html.ElementNode {
			return true
		}
		if skipElements[n.DataAtom] {
			return false
		}
		for _, a := range n.Attr {
			if !strings.HasPrefix(a.Key, "data-") || len(a.Val) < minAttrWhole || len(a.Val) > maxAttrWhole || seen[a.Val] ||
				!strings.ContainsAny(a.Val, " \n") {
				continue
			}
			v := a.Val
			if strings.ContainsRune(v, '<') && strings.ContainsRune(v, '>') {
				v = HTMLText([]byte(v))
			}
			flat := collapseSpace(v)
			for _, t := range tails {
				if i := strings.Index(flat, t); i >= 0 && len(flat) > i+len(t)+1 {
					seen[a.Val] = true
					for line := range strings.Lines(v) {
						if line = collapseSpace(line); line != "" {
							out = append(out, line)
						}
					}
					break
				}
			}
		}
		return true
	})
	return strings.Join(out, "\n")
}

// maxIndexLinks bounds the siblings read after a heading to find out
// whether it heads an index of the page's own parts.
const maxIndexLinks = 256

// indexHeading reports whether heading h heads an index of the page's own
// parts: what follows it, up to the next heading of its level (or an
// element opening with one, as LibreOffice's "<a name=table0><h1>"), is
// only links to fragments of the page ("#table0"), at least two, with
// line breaks and rules between. A spreadsheet's HTML export opens with
// such an "Overview" <h1> over its sheets' names (document batch h16); the
// first sheet's heading is the page's title, not it.
func indexHeading(h *html.Node) bool {
	links := 0
	c := h.NextSibling
	for i := 0; c != nil && i < maxIndexLinks; c, i = c.NextSibling, i+1 {
		switch {
		case c.Type == html.CommentNode, c.Type == html.TextNode && strings.TrimSpace(c.Data) == "":
			continue
		case c.Type != html.ElementNode:
			return false
		case c.DataAtom == atom.Br || c.DataAtom == atom.Hr:
			continue
		case c.DataAtom == atom.A && strings.HasPrefix(strings.TrimSpace(attrOf(c, "href")), "#") && len(strings.TrimSpace(attrOf(c, "href"))) > 1 && hasText(c):
			links++
			continue
		}
		break
	}
	if links < 2 || c == nil {
		return false
	}
	next := c
	for depth := 0; next != nil && next.DataAtom != h.DataAtom && depth < 2; depth++ {
		next = firstElement(next)
	}
	return next != nil && next.DataAtom == h.DataAtom
}
