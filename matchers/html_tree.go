package matchers

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Namespaces a page may bind a prefix to (xmlns:x="…").
const (
	xhtmlNamespace = "http://www.w3.org/1999/xhtml"
	svgNamespace   = "http://www.w3.org/2000/svg"
)

// maxShadowHosts bounds the declarative shadow roots composed in one page:
// a product page has tens of web components, not thousands.
const maxShadowHosts = 4096

// renderTree rewrites a parsed page into the tree a browser renders, so
// that the reader sees the text where the browser shows it (document batch
// h15):
//
//   - soft hyphens (U+00AD, a hyphenator's break opportunities inside
//     words: "Sicher\u00adheits\u00adhinweise") are taken out of the text,
//     as a browser shows them only at a line break;
//   - elements written with a prefix bound to the XHTML namespace
//     (<x:div> under xmlns:x="http://www.w3.org/1999/xhtml", an XSLT's
//     output in a page served as application/xhtml+xml) are the HTML
//     elements they name, and <svg:svg> under a prefix bound to SVG is an
//     <svg>; an HTML parser keeps both as unknown elements;
//   - a declarative shadow root (<template shadowrootmode="open|closed">,
//     also the older shadowroot attribute, as the host's first template)
//     is rendered in place of its host's children: its content, with
//     each <slot> filled by the host's children assigned to it (slot="name",
//     the others to the default slot; a slot nothing is assigned to shows
//     its own content), and the host's children no slot takes left out,
//     as a browser does not show them. An ordinary <template> stays inert;
//   - an element without any content whose aria-label is its text (a
//     canvas-drawn app's semantics tree, Flutter's <flt-semantics
//     aria-label="…">) holds that label as its text, and one with
//     role=heading is the heading of its aria-level (<h1> by default);
//     controls (buttons, links, tabs, images) and empty HTML elements
//     (an icon's label) are left as they are.
//
// renderTree is safe to call on any tree; it changes only what it reads.
func renderTree(doc *html.Node) {
	prefixes := map[string]string{} // prefix → namespace
	walkNodes(doc, func(n *html.Node) bool {
		if n.Type == html.ElementNode {
			for _, a := range n.Attr {
				if p, ok := strings.CutPrefix(a.Key, "xmlns:"); ok && (a.Val == xhtmlNamespace || a.Val == svgNamespace) {
					prefixes[p] = a.Val
				}
			}
		}
		return true
	})
	hosts := 0
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			if strings.Contains(n.Data, "\u00ad") {
				n.Data = strings.ReplaceAll(n.Data, "\u00ad", "")
			}
			return
		case html.ElementNode:
			unprefix(n, prefixes)
			labelText(n)
			if hosts < maxShadowHosts {
				if t := shadowTemplate(n); t != nil {
					hosts++
					// The host's children first (they are slotted as
					// rendered), then the shadow tree, nested roots in it
					// included.
					for c := n.FirstChild; c != nil; c = c.NextSibling {
						if c != t {
							walk(c)
						}
					}
					for c := t.FirstChild; c != nil; c = c.NextSibling {
						walk(c)
					}
					attachShadow(n, t)
					return
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
}

// unprefix renames an element written with a prefix bound to XHTML (or an
// <svg:svg> with one bound to SVG) to the element it names.
func unprefix(n *html.Node, prefixes map[string]string) {
	if len(prefixes) == 0 || n.Namespace != "" {
		return
	}
	p, local, ok := strings.Cut(n.Data, ":")
	if !ok || local == "" {
		return
	}
	switch prefixes[p] {
	case xhtmlNamespace:
		n.Data = strings.ToLower(local)
		n.DataAtom = atom.Lookup([]byte(n.Data))
	case svgNamespace:
		if strings.EqualFold(local, "svg") {
			n.Data, n.DataAtom, n.Namespace = "svg", atom.Svg, "svg"
		}
	}
}

// shadowTemplate returns n's declarative shadow root: its first <template>
// child, when that has a shadowrootmode (or shadowroot) of open or closed.
func shadowTemplate(n *html.Node) *html.Node {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || c.DataAtom != atom.Template {
			continue
		}
		mode, ok := attrLookup(c, "shadowrootmode")
		if !ok {
			mode = attrOf(c, "shadowroot")
		}
		switch strings.ToLower(strings.TrimSpace(mode)) {
		case "open", "closed":
			return c
		}
		return nil
	}
	return nil
}

// attachShadow replaces host's children by the content of its shadow root
// t, the host's other children moved into the slots that take them.
func attachShadow(host, t *html.Node) {
	var light []*html.Node
	for c := host.FirstChild; c != nil; {
		next := c.NextSibling
		host.RemoveChild(c)
		if c != t {
			light = append(light, c)
		}
		c = next
	}
	taken := make([]bool, len(light))
	walkNodes(t, func(s *html.Node) bool {
		if s.Type != html.ElementNode {
			return true
		}
		if s != t && s.DataAtom == atom.Template {
			return false // inert, or a nested root already composed
		}
		if s.DataAtom != atom.Slot {
			return true
		}
		name := attrOf(s, "name")
		var assigned []*html.Node
		for i, c := range light {
			if taken[i] {
				continue
			}
			slot := ""
			if c.Type == html.ElementNode {
				slot = attrOf(c, "slot")
			} else if c.Type != html.TextNode {
				continue
			}
			if slot == name {
				taken[i] = true
				assigned = append(assigned, c)
			}
		}
		if len(assigned) == 0 {
			return true // the slot's fallback content shows
		}
		for c := s.FirstChild; c != nil; {
			next := c.NextSibling
			s.RemoveChild(c)
			c = next
		}
		for _, c := range assigned {
			s.AppendChild(c)
		}
		return false
	})
	for c := t.FirstChild; c != nil; {
		next := c.NextSibling
		t.RemoveChild(c)
		host.AppendChild(c)
		c = next
	}
}

// customLink reports whether n is a custom element with an href (a web
// component's card, <pw-card href="/p/…">, which its script makes a link):
// a link as much as an <a href> is.
func customLink(n *html.Node) bool {
	return n.DataAtom == 0 && n.Namespace == "" && strings.Contains(n.Data, "-") && hasAttr(n, "href")
}

// chromeNoticeWords name, in a class or id word, a notice box: a site's
// notice, warning or disclaimer ("footer__notice", Catalan "avis").
var chromeNoticeWords = wordSet("notice", "notices", "warn", "warning", "alert", "caution", "attention", "disclaimer", "avis",
	"aviso", "avviso", "hinweis", "uwaga")

// chromeNotice reports whether n, inside page-level chrome (a footer, a
// header), is a paragraph (a block holding no other block) that its class
// or id names a notice and that holds no contact: the site's own notice
// on what it sells to whom ("毒物・劇物（塩酸、硫酸…）は…学校・法人様にの
// み販売いたします", "Kami tidak menjual bahan kimia terkawal seperti
// efedrina…", "Els precursors de drogues … només se serveixen amb
// declaració…", document batch h15), which names substances the site
// restricts, not ones the page offers. The footer's other plain text (a
// small shop's address, phone and shipping terms) stays, and so does a
// notice with a contact in it.
func (pi *pageInfo) chromeNotice(n *html.Node) bool {
	if n.Type != html.ElementNode || !docBlocks[n.DataAtom] {
		return false
	}
	named := false
	for _, key := range []string{"class", "id"} {
		v := classAttr(n, key)
		if v == "" || !holdsAny(strings.ToLower(v), chromeNoticeWords) {
			// Most class words hold none: no need to split them.
			continue
		}
		for _, c := range strings.Fields(v) {
			for _, w := range attrWords(c) {
				named = named || chromeNoticeWords[w]
			}
		}
	}
	if !named || pi.main != nil && inside(n, pi.main) || !leafBlock(n) {
		return false
	}
	text := boundedText(n, maxNoticeText)
	return !linksContact(n) && len(text) <= maxNoticeText && !noticeContact(text)
}

// footerRuleCues are what a site's footer says of its rules and its
// liability, lower-cased: what it does not sell, what is prohibited, which
// products are regulated, whose responsibility the posts are ("We do not
// sell to residential addresses. Some products (iodine, red phosphorus…)
// are List I chemicals", "è vietato vendere farmaci, precursori di droghe
// (efedrina…)", "Nie sprzedajemy prekursorów … (efedryna, safrol)",
// "Images uploaded are the responsibility of the Poster", document batch
// h17).
var footerRuleCues = []string{
	"we do not sell", "we don't sell", "we do not ship", "is prohibited", "are prohibited", "is forbidden", "are forbidden",
	"not permitted", "list i chemical", "end-use statement", "end-user statement", "responsibility of the poster",
	"owned by the poster", "trademarks and copyrights",
	"wir verkaufen kein", "ist verboten", "sind verboten", "ist untersagt", "nous ne vendons", "est interdit",
	"sont interdits", "no vendemos", "está prohibid", "están prohibid", "queda prohibid", "não vendemos", "é proibid",
	"são proibid", "non vendiamo", "è vietat", "sono vietat", "nie sprzedajemy", "jest zabronion", "są zabronion",
	"не продаём", "не продаем", "запрещено", "запрещена продажа", "wij verkopen geen", "is verboden", "satmıyoruz",
	"yasaktır",
}

// footerRule reports whether n, a paragraph (a block holding no other
// block) of the page's footer (the caller asks only inside a <footer> or
// role=contentinfo not holding the main heading), outside the offer,
// states the site's rules or its liability (footerRuleCues) and holds no
// contact: the substances it names are the ones the site restricts, not
// ones the page offers. The footer's other lines (a shop's address,
// shipping terms) stay, and so does a rule with a contact in it.
func (pi *pageInfo) footerRule(n *html.Node) bool {
	if n.Type != html.ElementNode || !docBlocks[n.DataAtom] || !leafBlock(n) || pi.main != nil && inside(n, pi.main) {
		return false
	}
	text := boundedText(n, maxNoticeText)
	if len(text) > maxNoticeText || !holdsCue(strings.ToLower(text), footerRuleCues) {
		return false
	}
	return !linksContact(n) && !noticeContact(text)
}

// linksContact reports whether n holds a link to a contact (contactOf): a
// notice or a footer line with one is the seller's, not the site's.
func linksContact(n *html.Node) bool {
	contact := false
	walkNodes(n, func(c *html.Node) bool {
		if c.Type == html.ElementNode && c.DataAtom == atom.A && contactOf(c) != "" {
			contact = true
		}
		return !contact
	})
	return contact
}

// noticeContact reports whether a notice's text holds a contact: an "@", a
// messenger's name or a contact word, or a phone number (seven digits or
// more apart only by spaces, dashes, dots, brackets or a plus; not a
// regulation's "273/2004").
func noticeContact(s string) bool { return contactIn(s, false) }

// leafBlock reports whether n is a block holding no other block (a line or
// paragraph), reading at most maxBoundedNodes nodes.
func leafBlock(n *html.Node) bool {
	nodes, inner := 0, false
	walkNodes(n, func(c *html.Node) bool {
		if nodes++; inner || nodes > maxBoundedNodes {
			inner = true
			return false
		}
		if c != n && c.Type == html.ElementNode && (docBlocks[c.DataAtom] || c.DataAtom == atom.Td || c.DataAtom == atom.Center) {
			inner = true
		}
		return !inner
	})
	return !inner
}

// inside reports whether n is inside a (or is a).
func inside(n, a *html.Node) bool {
	for p := n; p != nil; p = p.Parent {
		if p == a {
			return true
		}
	}
	return false
}

// svgUnshown are the SVG elements whose content is not drawn where it
// stands: definitions, symbols of a sprite, masks and patterns, and the
// tooltip and description (<title>, <desc>) a pointer or screen reader
// gets.
var svgUnshown = wordSet("defs", "symbol", "clippath", "mask", "pattern", "marker", "title", "desc", "metadata", "style",
	"script", "lineargradient", "radialgradient", "filter")

// svgText writes the text an inline <svg> draws: each <text> element a
// line, its <tspan>s run together as drawn ("H<tspan>2</tspan>SO" is H2SO),
// and the HTML of a <foreignObject> (a price card drawn as an SVG,
// document batch h15). Icons and logos without <text> write nothing.
func (w *docWriter) svgText(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || w.hidden(c) {
			continue
		}
		name := strings.ToLower(c.Data)
		switch {
		case svgUnshown[name]:
		case name == "text":
			w.newline = true
			walkNodes(c, func(t *html.Node) bool {
				if t.Type == html.ElementNode && (svgUnshown[strings.ToLower(t.Data)] || w.hidden(t)) {
					return false
				}
				if t.Type == html.TextNode {
					w.text(t.Data)
				}
				return true
			})
			w.newline = true
		case name == "foreignobject":
			w.newline = true
			w.children(c, false)
			w.newline = true
		default:
			w.svgText(c)
		}
	}
}

// modalListing returns the open modal dialog that holds a page's listing,
// nil when there is none: a <dialog open> or role=dialog element marked
// aria-modal="true", not hidden and not one of the site's own (reporting,
// logging in, consent), holding a visible <h1>. A page saved with an ad
// opened as a modal over the results it was opened from (document batch
// h15: OLX's ad over "Znaleźliśmy ponad 1 000 ogłoszeń") shows the ad; the
// results behind it, with their own <h1>, are inert.
func modalListing(body *html.Node) (modal, heading *html.Node) {
	var found *html.Node
	walkNodes(body, func(n *html.Node) bool {
		if found != nil {
			return false
		}
		if n.Type != html.ElementNode {
			return true
		}
		if skipElements[n.DataAtom] {
			return false
		}
		// The cheap test first: most elements are no modal.
		if !strings.EqualFold(strings.TrimSpace(attrOf(n, "aria-modal")), "true") {
			return true
		}
		_, open := attrLookup(n, "open")
		role := strings.ToLower(strings.TrimSpace(attrOf(n, "role")))
		if !(n.DataAtom == atom.Dialog && open || role == "dialog" || role == "alertdialog") || siteDialog(n) {
			return true
		}
		for p := n; p != nil; p = p.Parent {
			if p.Type == html.ElementNode && isHiddenNode(p) {
				return false
			}
		}
		if h := findElement(n, atom.H1); h != nil && hasText(h) && !isHiddenNode(h) {
			found = n
		} else if heading = quickView(body, n); heading != nil {
			found = n
		}
		return false
	})
	return found, heading
}

// minQuickViewName is the shortest item name that makes a modal the quick
// view of an item of the page behind it.
const minQuickViewName = 8

// quickView reports whether modal m is a shop's quick view of one of the
// items of the page behind it (document batch h17: a category page saved
// with the quick view of "Jod krystaliczny resublimowany" open): the
// heading that labels it (aria-labelledby, an <h1>–<h6> inside it) opens
// with the name of an item outside it, a heading or link of the grid. Its
// item is the listing, as an ad opened over search results is. It returns
// that heading, nil when m is no such quick view.
func quickView(body, m *html.Node) *html.Node {
	id := strings.TrimSpace(attrOf(m, "aria-labelledby"))
	if id == "" || strings.ContainsAny(id, " \t\n") {
		return nil
	}
	var head *html.Node
	walkNodes(m, func(c *html.Node) bool {
		if head == nil && c.Type == html.ElementNode && attrOf(c, "id") == id {
			head = c
		}
		return head == nil
	})
	if head == nil || !headingAtoms[head.DataAtom] || isHiddenNode(head) {
		return nil
	}
	title := strings.ToLower(collapseSpace(boundedText(head, 200)))
	if len(title) < minQuickViewName {
		return nil
	}
	found := false
	walkNodes(body, func(c *html.Node) bool {
		if found || c == m {
			return false
		}
		if c.Type != html.ElementNode || c.DataAtom != atom.A && !headingAtoms[c.DataAtom] {
			return true
		}
		name := strings.ToLower(collapseSpace(boundedText(c, 200)))
		found = len(name) >= minQuickViewName && strings.HasPrefix(title, name)
		return false
	})
	if !found {
		return nil
	}
	return head
}

// otherArticle reports whether n is another story on the page of the one
// holding the main heading: an <article> outside it, with an <h1> of its
// own, on a page whose offer is an <article> (a news site's infinite
// scroll appends the next stories, each a whole article, document batch
// h15). Like a "Read more" promo it is a link to other content; posts of
// a thread or results of a search, which have no <h1> each, stay.
func (pi *pageInfo) otherArticle(n *html.Node) bool {
	if pi.main == nil || pi.main.DataAtom != atom.Article || n.DataAtom != atom.Article || pi.protected[n] || inside(n, pi.main) {
		return false
	}
	h := findElement(n, atom.H1)
	return h != nil && hasText(h)
}

// separator reports whether n is role=separator: a rule between blocks,
// whose text ("Próxima notícia: …", the next story's title) is the
// label of what follows, not content.
func separator(n *html.Node) bool {
	return strings.EqualFold(strings.TrimSpace(attrOf(n, "role")), "separator") && !hasAttr(n, "tabindex")
}

// cacheHosts are the hosts of search engines' cached copies, whose header
// links to the cache's other views of the page.
var cacheHosts = []string{"webcache.googleusercontent.", "cc.bingj.com", "yandexwebcache.", "cache.yahoofs."}

// linksCache reports whether n holds a link to a search engine's cache,
// reading at most maxBoundedNodes nodes.
func linksCache(n *html.Node) bool {
	nodes, found := 0, false
	walkNodes(n, func(c *html.Node) bool {
		if nodes++; found || nodes > maxBoundedNodes {
			return false
		}
		if c.Type == html.ElementNode && c.DataAtom == atom.A {
			href := strings.ToLower(attrOf(c, "href"))
			for _, h := range cacheHosts {
				found = found || strings.Contains(href, "//"+h) || strings.Contains(href, "."+h)
			}
		}
		return !found
	})
	return found
}

// labelRoles are the roles of an element whose aria-label is text it
// shows (labelText): none, a heading, plain text.
var labelRoles = wordSet("", "heading", "text", "paragraph", "note", "status", "generic")

// labelText gives an element with no children and an aria-label, of no
// role or a role that shows text (labelRoles), that label as its text; a
// heading becomes the <h1>…<h6> its aria-level names. Only a custom
// element (flt-semantics) qualifies: what a canvas-drawn app's
// accessibility tree says the canvas shows. An empty <span> or <div> with
// a label is an icon's or a rating's name for screen readers, not text.
func labelText(n *html.Node) {
	if n.FirstChild != nil || n.Namespace != "" || n.DataAtom != 0 || !strings.Contains(n.Data, "-") {
		return
	}
	label := strings.TrimSpace(attrOf(n, "aria-label"))
	role := strings.ToLower(strings.TrimSpace(attrOf(n, "role")))
	if label == "" || !labelRoles[role] {
		return
	}
	n.AppendChild(&html.Node{Type: html.TextNode, Data: label})
	if role == "heading" {
		level := strings.TrimSpace(attrOf(n, "aria-level"))
		if len(level) != 1 || level[0] < '1' || level[0] > '6' {
			level = "1"
		}
		n.Data = "h" + level
		n.DataAtom = atom.Lookup([]byte(n.Data))
	}
}

// blockValues are the values of the inline style properties that make a
// box a block of its own line (blockified).
var blockValues = map[string][]string{"position": {"absolute", "fixed"}, "display": {"block", "flex", "grid"}}

// blockified reports whether n's inline style makes it a block of its own
// line: absolutely positioned or fixed (CSS blockifies such a box, an
// inline custom element too: each node of Flutter's semantics tree) or
// displayed as a block, flex or grid box.
func blockified(n *html.Node) bool {
	st := attrOf(n, "style")
	for _, prop := range []string{"position", "display"} {
		for rest := st; ; {
			i := strings.Index(rest, prop)
			if i < 0 {
				break
			}
			rest = strings.TrimLeft(rest[i+len(prop):], " \t\n")
			if !strings.HasPrefix(rest, ":") {
				continue
			}
			rest = strings.TrimLeft(rest[1:], " \t\n")
			for _, v := range blockValues[prop] {
				if len(rest) >= len(v) && strings.EqualFold(rest[:len(v)], v) {
					return true
				}
			}
		}
	}
	return false
}

// permalink reports whether link n is a heading's permalink: a link to a
// fragment of the page whose only text is a pilcrow, section or hash sign
// (nbconvert's and Sphinx's <a class="anchor-link" href="#…">¶</a>), a
// glyph shown on hover, not text of the heading.
func permalink(n *html.Node) bool {
	if !strings.HasPrefix(strings.TrimSpace(attrOf(n, "href")), "#") {
		return false
	}
	c := n.FirstChild
	if c == nil || c.NextSibling != nil || c.Type != html.TextNode || len(c.Data) > 16 {
		return false
	}
	switch strings.TrimSpace(c.Data) {
	case "¶", "§", "#", "🔗":
		return true
	}
	return false
}

// headingAtoms are the heading elements, <h1> to <h6>.
var headingAtoms = map[atom.Atom]bool{atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true}
