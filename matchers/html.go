package matchers

import (
	"bytes"
	"encoding/json"
	"io"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// HTMLText returns the visible text of an HTML document: text nodes outside
// script, style, template, noscript and head, with block elements separated
// by line breaks. Malformed HTML is parsed the way browsers do.
func HTMLText(b []byte) string {
	doc, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		return string(b)
	}
	var sb strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "script", "style", "template", "noscript", "head", "svg":
				if n.Data != "head" {
					return
				}
				// Keep the title from the head.
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					if c.Type == html.ElementNode && c.Data == "title" {
						walk(c)
						sb.WriteByte('\n')
					}
				}
				return
			}
		}
		if n.Type == html.TextNode {
			sb.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if n.Type == html.ElementNode && blockElement[n.Data] {
			sb.WriteByte('\n')
		} else if n.Type == html.ElementNode && (n.Data == "td" || n.Data == "th") {
			sb.WriteByte('\t')
		}
	}
	walk(doc)
	return sb.String()
}

var blockElement = map[string]bool{"p": true, "div": true, "br": true, "li": true, "tr": true, "h1": true,
	"h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "title": true, "section": true,
	"article": true, "header": true, "footer": true, "table": true, "ul": true, "ol": true, "dd": true,
	"dt": true, "pre": true, "blockquote": true, "form": true, "option": true, "label": true}

// HTMLDocument is what a saved web page shows as a listing: its address,
// its title and the visible text of its main content.
type HTMLDocument struct {
	// URL is the page's own address: <link rel="canonical">, og:url, or
	// the "saved from url=" comment browsers write into saved pages; only
	// absolute http(s) URLs count.
	URL string
	// Title is og:title, else the main <h1>, else <title>.
	Title string
	// SiteName is og:site_name (the platform), if the page names it.
	SiteName string
	// Text is the visible text of the page without its boilerplate, one
	// block element a line.
	Text string
	// ScriptText is the text of the page's embedded application state
	// (__NEXT_DATA__, window.__INITIAL_STATE__ = {…}, runParams, other
	// JSON scripts): the names, titles and descriptions in it, one a line,
	// and the page's og:description (or meta description). It is read
	// only when the page shows next to no text of its own, as a
	// client-rendered page saved without its rendering does; a page that
	// shows a text cut off ("… lots on…" before a "Show more" button)
	// whose whole the state holds gets that whole text here (stateWhole).
	ScriptText string
}

// ParseHTMLDocument reads a saved web page (UTF-8; decode other charsets
// first) as the listing it shows. The text leaves out what a browser does
// not show and what is not the page's own content, so that a menu or a
// carousel naming other products cannot make an unrelated page look like
// an offer of them. It reads the tree a browser renders (renderTree:
// declarative shadow roots with their slots filled, soft hyphens taken
// out, XHTML-prefixed elements, a canvas app's aria-label-only semantics
// nodes); a page saved with an ad open in a modal dialog holding an <h1>
// is read as that dialog (modalListing). It leaves out:
//
//   - script, style, template, noscript and <head> content, an <svg>'s
//     but its <text> (svgText), heading permalinks ("¶"), iframes
//     (an iframe's srcdoc is read as part of the page), and unselected
//     <option>s; but a <noscript> inside the offer (the <main>, role=main
//     or <article> holding the main heading, else the heading's parent
//     block) is read: it is what a browser without scripts shows there, a
//     lazy description's copy of the text a script renders (a <template>
//     stays out: it is inert, and what a script does with it cannot be
//     known from the saved page);
//   - elements hidden by the hidden attribute, aria-hidden="true", an
//     inline display:none or visibility:hidden, or a hiding class (hidden,
//     d-none, sr-only, visually-hidden), and closed <dialog>s, unless they
//     are content the page reveals on a click: tab panels, dialogs,
//     accordions and collapsed sections, or an element another one
//     controls (aria-controls, data-target, href="#id"), or an element
//     hidden by an inline visibility:hidden alone that the page's own
//     inline script makes visible as it loads, not in an event handler
//     (WeChat's article body: every reader sees it); a hidden dialog
//     of the site's own (reporting the ad, logging in, the newsletter,
//     feedback), named so by its class, id, label or heading, is left
//     out all the same;
//   - navigation (<nav>, role navigation/search/menu), breadcrumbs, cookie
//     and consent banners, search boxes, share buttons, pagination;
//   - "related / similar / recommended / also viewed / popular / sponsored"
//     blocks with at least two links (or one link and no text of their own,
//     as a "recently viewed" block with one item, or a carousel of slides
//     without links, as AMP's amp-carousel), named so by their class, id,
//     aria-label or data attribute or by their heading (a table's
//     caption or one-cell first row too, as vBulletin's "Similar Threads"
//     bar; in English,
//     Russian, Ukrainian, Chinese, Japanese, Korean, German, Spanish,
//     French, Polish, Turkish, Dutch, Italian, Portuguese, Indonesian,
//     Vietnamese, Thai and Arabic, Arabic and Persian letter variants
//     folded), the seller's other listings ("more from
//     this shop"), recently viewed items and a forum's suggested or
//     similar topics (Discourse, phpBB, vBulletin, XenForo), the site's
//     newest ads beside the ad ("New ads in this section", "Новые
//     объявления", …) and similar ads in Czech, Slovak, Hungarian,
//     Persian, Hindi, Nordic and other languages among them, and in
//     Armenian, Georgian, Amharic, Mongolian, Sinhala, Khmer and Burmese;
//     a result classed sponsored or promoted is left out with a single
//     link and a snippet of its own (a search page's inline ad); on a
//     seller's profile page (the main heading inside an element classed
//     profile) the profile's own ads ("un-profile__ads") are its content,
//     not other listings; a block so
//     named whose heading compares ("Compare with similar items") is left
//     out even without links; on a page whose classes are hashes, a short
//     line that opens a block of links is its heading (wrapped in blocks
//     of one element each, as a site builder's); a block so named whose
//     items (<a> without a target, or list items) hold three quarters of
//     its text is a shelf of cards a script makes tappable and is left out
//     too (two items when its class, id or a data attribute names it, two
//     <a> items when only its heading does; never in the seller's text),
//     and so are the member's or seller's other items ("Member's items",
//     Vinted's closet, OLX's other ads);
//   - a site's safety tips, scam warning or prohibited-items notice
//     ("Safety tips", "Sicherheitshinweise", "Dicas de segurança",
//     "Советы по безопасности", "安全提示", … in 21 languages), named so by
//     its class, id, a data attribute, aria-label or heading ("Be
//     careful", "Будьте обережні", …), short, and speaking of paying,
//     meeting, fraud or prohibited goods, wherever it sits (in the ad's
//     column too), but not inside the seller's own text (a description
//     or post body) and not a product's own hazard notes; so is a line or
//     paragraph (a block holding no other block) that opens with the
//     site's rule on what may not be advertised ("Prohibited items: …",
//     "Zakázané inzeráty: …", "Запрещено размещать объявления …");
//   - a box classed warn, warning, notice or alert, and a print view's
//     repeated header and footer (the <thead> and <tfoot> of a table whose
//     body holds the main heading), when it speaks in the site's voice
//     (never pay in advance, report, posting such ads is prohibited);
//   - a web archive's or cache's chrome: the Wayback Machine's toolbar
//     (what its "BEGIN/END WAYBACK TOOLBAR INSERT" comments enclose, and
//     #wm-ipp* with its print-only line), archive.today's header and a
//     Google cache header;
//   - a list of links before any other text of the page (the top menu of a
//     page without header markup, as a site builder's positioned blocks);
//   - in page-level headers, footers and sidebars (and elements whose class
//     calls them a header, footer, sidebar, widget or menu), the blocks that
//     are mostly links; their plain text and contact links stay, since a
//     small shop's contact details and shipping terms often sit there;
//   - a column classed or ided side, sidebar, side-menu, … is a layout
//     column (its link lists beside the offer's column are left out) and,
//     beside a <main> or role=main, an aside (below); a <main> or role=main
//     without an <h1> is the main heading's place before an <h1> in the
//     chrome (old Reddit's subreddit name);
//   - a sidebar about the site or community (an <aside> or
//     role=complementary outside the <main>, role=main or <article> holding
//     the main heading, labelled or headed "community", "forum rules", …),
//     and on a page with such a <main>, any <aside> or role=complementary
//     outside it (an ordering notice, a list of restricted products)
//     unless it names the seller, supplier, shop or buy box by its class,
//     id or label, or holds a contact (a contact link, "@", a phone number, a
//     messenger's name or a contact word);
//   - in page-level chrome, a paragraph classed notice, warning or
//     disclaimer without a contact (the site's own notice on controlled
//     goods, chromeNotice); another <article> with an <h1> of its own on a
//     page whose offer is an <article> (infinite scroll's next stories)
//     and role=separator; a cache header linking to the cache's copies;
//   - links whose only other text is "Read more:", "See also", "Lire
//     aussi", "Читайте также", "延伸阅读" or the like (a story's inline
//     promo for another one);
//   - lists of links (four or more, three quarters of the text) in an
//     <aside> or in a layout column beside the column holding the main
//     heading (the menu cell of a table layout);
//   - the list the open entry was picked from (entryList: a feed
//     reader's or webmail's list beside its reading pane, one of its
//     links showing the main heading's text), a community's rules box
//     saying what may not be sold or posted (rulesBox: a forum topic's
//     rules, a chat channel's purpose), and in a table layout the row of
//     links under a heading row naming the seller's other items.
//
// A text cut off on the page ("… Voir plus") whose whole waits in a data
// attribute (data-full-text) is read whole into ScriptText (attrWhole); an
// <h1> over links to the page's own parts (a spreadsheet export's sheet
// index) is not the main heading (indexHeading).
//
// A contact link (mailto:, tel:, t.me/…, wa.me/…, signal.me/…) whose text
// does not show its target, as an icon button does not, is followed by
// its target in the text.
//
// The main heading is the first visible <h1> of <main>, role=main or
// <article>, else of the page outside its chrome (not a logo), else an
// <h2>. What contains it is never left out, hidden or not (a page saved
// with a modal open hides everything else with aria-hidden): the offer is
// the main content, and when in doubt text is kept. A page whose text is
// all hidden is read with its hidden text. A page too malformed to parse
// as a tree (nested deeper than the parser allows) is read token by token,
// all of its text outside scripts and styles kept, hidden text included.
//
// Every field of the result is valid UTF-8: bytes that are not are
// replaced by U+FFFD. The time taken grows linearly with the page (the
// parser's own cost aside, which grows with nesting depth too): class and
// id attributes are read up to 4 KiB, embedded state up to 64 KiB of text.
// ParseHTMLDocument is safe for concurrent use.
func ParseHTMLDocument(page []byte) HTMLDocument {
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		return tokenDocument(page).validUTF8()
	}
	renderTree(doc)
	d, head := readHead(doc)
	body := bodyOf(doc)
	m, mHead := modalListing(body)
	if m != nil {
		// The page was saved with an ad open in a modal dialog over
		// the page it was opened from: the rest is inert behind it.
		body = m
	}
	w := newDocWriter(body, 0)
	w.node(body, false)
	if w.b.Len() == 0 {
		// Everything is hidden (a page saved while a loader or a modal
		// hid it): what it holds is still the page's text.
		w = &docWriter{page: w.page, showHidden: true}
		w.node(body, false)
	}
	d.Text = w.String()
	cut := cutOffTails(d.Text)
	if len(d.Text) < minShownText {
		d.ScriptText = scriptState(doc)
		if head.description != "" && !strings.Contains(d.ScriptText, head.description) && !strings.Contains(d.Text, head.description) {
			d.ScriptText = strings.TrimPrefix(d.ScriptText+"\n"+head.description, "\n")
		}
	} else if len(cut) > 0 {
		d.ScriptText = stateWhole(doc, cut)
	}
	if len(cut) > 0 {
		// A text cut off on the page whose whole waits in a data
		// attribute ("data-full-text"), on a page of any length.
		if a := attrWhole(body, cut); a != "" {
			d.ScriptText = strings.TrimPrefix(d.ScriptText+"\n"+a, "\n")
		}
	}
	if anchor := w.page.anchor; d.Title == "" && anchor != nil && anchor.DataAtom == atom.H1 {
		d.Title = collapseSpace(w.visibleText(anchor))
	}
	if d.Title == "" && mHead != nil {
		// A quick view's heading names its item.
		d.Title = collapseSpace(w.visibleText(mHead))
	}
	if d.Title == "" {
		d.Title = head.title
	}
	return d.validUTF8()
}

// validUTF8 returns d with invalid UTF-8 (bytes of a page that was not
// decoded to UTF-8) replaced by U+FFFD, so that its text can be matched and
// reported as JSON.
func (d HTMLDocument) validUTF8() HTMLDocument {
	for _, s := range []*string{&d.URL, &d.Title, &d.SiteName, &d.Text, &d.ScriptText} {
		*s = strings.ToValidUTF8(*s, "\uFFFD")
	}
	return d
}

// headInfo is what a page's head says besides the document's fields.
type headInfo struct {
	title       string // <title>
	description string // og:description, else meta description
}

// readHead reads the page's URL, og:title and og:site_name, its <title>
// and its description from the elements and comments before <body>.
func readHead(doc *html.Node) (HTMLDocument, headInfo) {
	var d HTMLDocument
	var head headInfo
	var pageURL [3]string // canonical, og:url, saved from
	var rel [2]string     // canonical and og:url when they are relative
	var base string       // <base href>
	walkNodes(doc, func(n *html.Node) bool {
		switch {
		case n.Type == html.CommentNode:
			if u := savedFromURL(n.Data); u != "" && pageURL[2] == "" {
				pageURL[2] = u
			}
		case n.Type != html.ElementNode:
		case n.DataAtom == atom.Title:
			if head.title == "" {
				head.title = collapseSpace(nodeText(n))
			}
		case n.DataAtom == atom.Link:
			if hasToken(attrOf(n, "rel"), "canonical") && pageURL[0] == "" && rel[0] == "" {
				pageURL[0], rel[0] = absoluteOrRelative(attrOf(n, "href"))
			}
		case n.DataAtom == atom.Base:
			if base == "" {
				base = strings.TrimSpace(attrOf(n, "href"))
			}
		case n.DataAtom == atom.Meta:
			prop := strings.ToLower(attrOf(n, "property"))
			if prop == "" {
				prop = strings.ToLower(attrOf(n, "name"))
			}
			content := collapseSpace(attrOf(n, "content"))
			switch prop {
			case "og:title":
				if d.Title == "" {
					d.Title = content
				}
			case "og:url":
				if pageURL[1] == "" && rel[1] == "" {
					pageURL[1], rel[1] = absoluteOrRelative(content)
				}
			case "og:site_name":
				if d.SiteName == "" {
					d.SiteName = content
				}
			case "og:description", "description", "twitter:description":
				if head.description == "" || prop == "og:description" {
					head.description = content
				}
			}
		case n.DataAtom == atom.Body:
			return false
		}
		return true
	})
	// A relative canonical or og:url is read against <base href> (itself
	// read against the saved-from URL when relative), else against the
	// saved-from URL, as a browser would resolve it on the page.
	if from := resolveURL(pageURL[2], base); from != "" || pageURL[2] != "" {
		if from == "" {
			from = pageURL[2]
		}
		for i, r := range rel {
			if r != "" && pageURL[i] == "" {
				pageURL[i] = resolveURL(from, r)
			}
		}
	}
	for _, u := range pageURL {
		if u != "" {
			d.URL = u
			break
		}
	}
	return d, head
}

// absoluteOrRelative returns u as an absolute http(s) URL, or else as a
// relative reference to resolve once the page's base is known; a URL with
// another scheme is neither.
func absoluteOrRelative(u string) (abs, rel string) {
	u = strings.TrimSpace(u)
	if a := absoluteURL(u); a != "" {
		return a, ""
	}
	if r, err := url.Parse(u); err == nil && r.Scheme == "" && u != "" && !strings.ContainsAny(u, " \t\n<>\"") {
		return "", u
	}
	return "", ""
}

// resolveURL resolves ref against base and returns it if it is an absolute
// http(s) URL; base may be empty, when ref must be absolute itself.
func resolveURL(base, ref string) string {
	if ref == "" {
		return ""
	}
	r, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	if base != "" {
		b, err := url.Parse(base)
		if err != nil {
			return ""
		}
		r = b.ResolveReference(r)
	}
	return absoluteURL(r.String())
}

// bodyOf returns the document's <body>, or the document itself when it has
// none (a frameset).
func bodyOf(doc *html.Node) *html.Node {
	if body := findElement(doc, atom.Body); body != nil {
		return body
	}
	return doc
}

// minShownText: a page that shows fewer bytes of text than this is read
// from its embedded application state too.
const minShownText = 200

// maxStateText bounds the text read from embedded application state.
const maxStateText = 64 << 10

// stateKeys are the keys of embedded application state whose string values
// are listing text (compared lower-cased, without '_' and '-').
var stateKeys = wordSet("title", "name", "subject", "description", "desc", "productname", "producttitle",
	"shortdescription", "longdescription", "fulldescription", "summary", "body", "content", "text",
	"headline", "seller", "sellername", "storename", "shopname", "companyname", "location", "price",
	"formattedprice", "displayprice", "cas", "casno", "casnumber")

// stateSkip: a key containing one of these holds other listings or page
// chrome, not the page's own listing.
var stateSkip = []string{"related", "recommend", "similar", "also", "upsell", "crosssell", "bestseller",
	"popular", "trending", "viewed", "sponsored", "ads", "breadcrumb", "menu", "nav", "categor", "footer",
	"header", "seo", "keyword"}

// stateMarkers start the application state in inline scripts.
var stateMarkers = []string{"__NEXT_DATA__", "__INITIAL_STATE__", "__NUXT__", "__PRELOADED_STATE__",
	"__APOLLO_STATE__", "__INITIAL_PROPS__", "runParams", "detailData", "window.__"}

// scriptState returns the listing text of a page's embedded application
// state: JSON scripts (other than JSON-LD, which is product data read
// elsewhere) and JSON assigned in inline scripts after a known marker.
func scriptState(doc *html.Node) string {
	c := stateCollector{seen: map[string]bool{}, read: map[string]bool{}}
	walkNodes(doc, func(n *html.Node) bool {
		if n.Type != html.ElementNode || n.DataAtom != atom.Script {
			return true
		}
		typ := strings.ToLower(strings.TrimSpace(attrOf(n, "type")))
		var b strings.Builder
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.TextNode {
				b.WriteString(c.Data)
			}
		}
		text := b.String()
		src := ""
		switch {
		case typ == "application/ld+json":
		case typ == "application/json" || strings.HasSuffix(typ, "+json"):
			src = text
		case typ == "" || strings.Contains(typ, "javascript") || typ == "module":
			for _, m := range stateMarkers {
				if i := strings.Index(text, m); i >= 0 {
					if j := strings.IndexAny(text[i:], "{["); j >= 0 {
						src = text[i+j:]
					}
					break
				}
			}
		}
		if src != "" {
			var v any
			if json.NewDecoder(strings.NewReader(src)).Decode(&v) == nil {
				c.collect(v, "", 0)
			}
		}
		return false
	})
	return strings.Join(c.lines, "\n")
}

// minCutOff is the least text (bytes) a line cut off with an ellipsis must
// show to be looked up in the page's state: enough to be that text's and
// no other's.
const minCutOff = 30

// maxCutOffTail bounds the end of a cut-off line looked up in the state.
const maxCutOffTail = 80

// cutOffTails returns the ends (at most maxCutOffTail bytes, before the
// ellipsis) of the lines of text that end cut off with "…" or "...": a
// description a server renders clamped, whose whole a script shows.
func cutOffTails(text string) []string {
	var out []string
	for line := range strings.Lines(text) {
		line = strings.TrimSpace(line)
		var rest string
		switch {
		case strings.HasSuffix(line, "…"):
			rest = strings.TrimSuffix(line, "…")
		case strings.HasSuffix(line, "..."):
			rest = strings.TrimSuffix(line, "...")
		default:
			continue
		}
		rest = strings.TrimRightFunc(rest, unicode.IsSpace)
		if len(rest) < minCutOff {
			continue
		}
		if len(rest) > maxCutOffTail {
			i := len(rest) - maxCutOffTail
			for i < len(rest) && !utf8.RuneStart(rest[i]) {
				i++
			}
			rest = rest[i:]
		}
		out = append(out, rest)
	}
	return out
}

// stateWhole returns the texts of the page's embedded application state
// (scriptState) that go on where a line the page shows is cut off: a
// thin server-rendered copy clamped after a sentence ("… lots on…", a
// "Show more" button) beside the state whose description the hydrated page
// shows in full (Remix's __remixContext, document batch h14). Only those
// texts: the state's menus and other listings stay out as the page's own.
func stateWhole(doc *html.Node, tails []string) string {
	var out []string
	for line := range strings.Lines(scriptState(doc)) {
		line = strings.TrimRight(line, "\n")
		for _, t := range tails {
			if i := strings.Index(line, t); i >= 0 && len(line) > i+len(t)+1 {
				out = append(out, line)
				break
			}
		}
	}
	return strings.Join(out, "\n")
}

// stateCollector gathers the listing text of embedded application state.
type stateCollector struct {
	lines  []string
	seen   map[string]bool // text gathered
	read   map[string]bool // values read (the same value reads the same)
	total  int             // bytes of text gathered
	values int             // string values read
}

// maxStateValues bounds the string values of embedded state read (each may
// be parsed as HTML).
const maxStateValues = 1 << 16

// collect gathers the text of v, the value of key (depth levels down).
func (c *stateCollector) collect(v any, key string, depth int) {
	if depth > 32 || c.total > maxStateText || c.values > maxStateValues {
		return
	}
	k := stateKey(key)
	for _, s := range stateSkip {
		if strings.Contains(k, s) {
			return
		}
	}
	switch v := v.(type) {
	case map[string]any:
		keys := make([]string, 0, len(v))
		for kk := range v {
			keys = append(keys, kk)
		}
		slices.Sort(keys)
		for _, kk := range keys {
			c.collect(v[kk], kk, depth+1)
		}
	case []any:
		for _, e := range v {
			c.collect(e, key, depth+1)
		}
	case string:
		if !(stateKeys[k] || stateKeys[strings.TrimSuffix(k, "html")]) || c.read[v] {
			return
		}
		c.values++
		c.read[v] = true
		t := v
		if strings.ContainsAny(t, "<&") {
			t = HTMLText([]byte(t))
		}
		t = collapseSpace(t)
		if len(t) < 3 || absoluteURL(t) != "" || c.seen[t] {
			return
		}
		c.seen[t] = true
		c.lines = append(c.lines, t)
		c.total += len(t)
	}
}

// stateKey returns key lower-cased without '_' and '-', as stateKeys and
// stateSkip are written.
func stateKey(key string) string {
	return strings.Map(func(r rune) rune {
		if r == '_' || r == '-' {
			return -1
		}
		return unicode.ToLower(r)
	}, key)
}

// docWriter writes the text of a document's main content.
type docWriter struct {
	b          strings.Builder
	page       *pageInfo // what the writer knows of the page
	newline    bool      // a line break is pending
	space      bool      // a space is pending
	showHidden bool      // read hidden elements too
	depth      int       // nesting of srcdoc frames
	inLink     int       // nesting of <a href> around the text written
	inText     int       // nesting of the seller's own text (ownText) around the text written
	inQuiet    int       // nesting of blocks named as site notices that speak of no trade (siteNotice)
	inFooter   int       // nesting of the page's footers (<footer>, role=contentinfo) not holding the main heading
	plain      bool      // text outside links has been written
}

// pageInfo is what the text of a page's body depends on beyond each
// element: its main heading, the elements that contain it, and the ids
// other elements reveal.
type pageInfo struct {
	anchor     *html.Node          // the main heading (mainAnchor)
	protected  map[*html.Node]bool // the anchor and its ancestors
	controlled map[string]bool     // ids other elements reveal
	// links holds the link statistics of the elements asked about, so
	// that asking about an element and then about each of its
	// descendants (nested blocks of a footer) reads each node once.
	links map[*html.Node]linkStats
	// main is the <main>, role=main or <article> holding the anchor, if
	// any.
	main *html.Node
	// noscripts holds the <noscript>s whose content was parsed (once: a
	// text node parsed again would turn escaped markup into tags).
	noscripts map[*html.Node]bool
	// scriptShown holds the ids of elements the page's inline scripts
	// make visible as the page loads (scriptShownIDs).
	scriptShown map[string]bool
	// pager holds the targets of the head's <link rel=prev/next>: the
	// previous and next message, post or page (pagerTargets).
	pager map[string]bool
	// profile is the seller's profile around the main heading, if the
	// page is one (profileOf).
	profile *html.Node
	// title is the main heading's text once asked for (anchorText).
	title *string
}

// newDocWriter returns a writer of body's main text; depth is the nesting
// of srcdoc frames.
func newDocWriter(body *html.Node, depth int) *docWriter {
	pi := &pageInfo{protected: map[*html.Node]bool{}, controlled: controlledIDs(body), links: map[*html.Node]linkStats{}, noscripts: map[*html.Node]bool{},
		scriptShown: scriptShownIDs(scriptRoot(body)), pager: pagerTargets(body)}
	pi.anchor = pi.mainAnchor(body)
	pi.profile = profileOf(pi.anchor)
	for p := pi.anchor; p != nil; p = p.Parent {
		pi.protected[p] = true
		if pi.main == nil && (p != pi.anchor || p.DataAtom == atom.Main || strings.EqualFold(attrOf(p, "role"), "main")) && isMainLandmark(p) {
			pi.main = p
		}
	}
	return &docWriter{page: pi, depth: depth}
}

// frameText is the main text of a nested document (an iframe's srcdoc).
func frameText(page []byte, depth int) string {
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		return tokenDocument(page).Text
	}
	renderTree(doc)
	body := bodyOf(doc)
	w := newDocWriter(body, depth)
	w.node(body, false)
	return w.String()
}

// String returns the text written so far.
func (w *docWriter) String() string { return w.b.String() }

// node writes n's text; region says n is inside page-level boilerplate
// (header, footer, sidebar), where link lists are left out.
func (w *docWriter) node(n *html.Node, region bool) {
	switch n.Type {
	case html.TextNode:
		w.text(n.Data)
	case html.DocumentNode:
		w.children(n, region)
	case html.ElementNode:
		w.element(n, region)
	}
}

// children writes the text of n's children.
func (w *docWriter) children(n *html.Node, region bool) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if end := toolbarInsertEnd(c); end != nil {
			// A web archive's toolbar, inserted between its comments:
			// not the archived page.
			c = end
			continue
		}
		w.node(c, region)
	}
}

// maxToolbarInsert bounds the siblings searched for the comment that ends
// a web archive's toolbar insert (it is a few elements and scripts).
const maxToolbarInsert = 256

// toolbarInsertEnd returns the comment that ends the web archive toolbar
// c begins ("<!-- BEGIN WAYBACK TOOLBAR INSERT -->" … "<!-- END WAYBACK
// TOOLBAR INSERT -->"), nil when c begins none or its end is not among
// the next maxToolbarInsert siblings.
func toolbarInsertEnd(c *html.Node) *html.Node {
	if c.Type != html.CommentNode || !toolbarComment(c.Data, "begin") {
		return nil
	}
	e := c.NextSibling
	for i := 0; e != nil && i < maxToolbarInsert; e, i = e.NextSibling, i+1 {
		if e.Type == html.CommentNode && toolbarComment(e.Data, "end") {
			return e
		}
	}
	return nil
}

// toolbarComment reports whether a comment is the web archive's comment
// opening (mark "begin") or closing (mark "end") its toolbar insert.
func toolbarComment(s, mark string) bool {
	f := strings.Fields(strings.ToLower(s))
	return len(f) >= 3 && len(f) <= 6 && f[0] == mark && slices.Contains(f, "toolbar") && f[len(f)-1] == "insert"
}

// archiveHosts are the hosts of archive.today, whose captures open with a
// header of their own.
var archiveHosts = []string{"archive.today", "archive.ph", "archive.is", "archive.li", "archive.vn", "archive.fo", "archive.md"}

// archiveChrome reports whether n is a web archive's or cache's chrome
// around the page it shows: the Wayback Machine's toolbar (#wm-ipp-base,
// its print-only line #wm-ipp-print, its donation banner), a Google cache
// header (#google-cache-hdr, also with a generated prefix), or
// archive.today's #HEADER linking to the archive.
func archiveChrome(n *html.Node) bool {
	id := attrOf(n, "id")
	switch {
	case id == "":
		// A cache header without an id (document batch h15): a block
		// of the body linking to the cache's own copies ("Text-only
		// version", "View source").
		return n.Parent != nil && n.Parent.DataAtom == atom.Body && linksCache(n)
	case strings.HasPrefix(id, "wm-ipp"), id == "donato", strings.Contains(id, "google-cache-hdr"):
		return true
	case id == "HEADER":
		return linksArchive(n)
	}
	return false
}

// linksArchive reports whether n holds a link or form to archive.today,
// reading at most maxBoundedNodes nodes.
func linksArchive(n *html.Node) bool {
	nodes, found := 0, false
	walkNodes(n, func(c *html.Node) bool {
		if nodes++; found || nodes > maxBoundedNodes {
			return false
		}
		if c.Type != html.ElementNode || (c.DataAtom != atom.A && c.DataAtom != atom.Form) {
			return true
		}
		target := strings.ToLower(attrOf(c, "href") + " " + attrOf(c, "action"))
		for _, h := range archiveHosts {
			if strings.Contains(target, "//"+h) || strings.Contains(target, "."+h) {
				found = true
			}
		}
		return !found
	})
	return found
}

// element writes the text of element n unless it is left out.
func (w *docWriter) element(n *html.Node, region bool) {
	if n.DataAtom == atom.Iframe {
		// An inline frame's own document (eBay-style seller
		// descriptions saved in place) is the page's text.
		if src, ok := attrLookup(n, "srcdoc"); ok && w.depth < 4 {
			w.newline = true
			w.text(frameText([]byte(src), w.depth+1))
			w.newline = true
		}
		return
	}
	if n.DataAtom == atom.Noscript && w.page.inOffer(n) && !w.hidden(n) && !w.page.boilerplate(n, region) {
		// What a browser without scripts shows in the offer: a lazy
		// description's copy, the same text a script renders.
		w.newline = true
		if !w.page.noscripts[n] {
			w.page.noscripts[n] = true
			parseNoscript(n)
		}
		w.children(n, region)
		w.newline = true
		return
	}
	if n.DataAtom == atom.A && permalink(n) {
		return
	}
	if n.DataAtom == atom.Svg && !w.hidden(n) {
		w.svgText(n)
		return
	}
	if skipElements[n.DataAtom] || w.hidden(n) || (archiveChrome(n) && !w.page.protected[n]) {
		return
	}
	page := n.DataAtom == atom.Body || n.DataAtom == atom.Html
	if !region && !page && (isRegion(n) || w.page.printFrame(n)) {
		region = true
	}
	quiet := false // n is named a site notice but speaks of no trade
	if !page && !w.page.protected[n] && w.inText == 0 && w.inQuiet == 0 {
		var notice bool
		if notice, quiet = w.page.siteNotice(n); notice {
			return
		}
	}
	if !page && !w.page.protected[n] && region && w.inText == 0 && (w.page.chromeNotice(n) || w.inFooter > 0 && w.page.footerRule(n)) {
		return
	}
	if !page && !w.page.protected[n] && (w.page.pagerLink(n) || w.inText == 0 && w.page.relatedUnderHeading(n)) {
		return
	}
	if !page && !w.page.protected[n] && (w.page.boilerplate(n, region) || (!w.plain && w.page.linkList(n))) {
		// A list of links before any other text is the page's top
		// menu, though no header markup says so (site builders lay
		// out absolutely positioned blocks).
		return
	}
	switch n.DataAtom {
	case atom.Select:
		// Only the chosen option shows; the others are a menu.
		if o := selectedOption(n); o != nil {
			w.space = true
			w.node(o, region)
			w.space = true
		}
		return
	case atom.Br:
		w.newline = true
		return
	case atom.Td, atom.Th, atom.Img, atom.Input, atom.Button:
		w.space = true
	}
	block := docBlocks[n.DataAtom] || blockified(n)
	if block {
		w.newline = true
	}
	if ownText(n) {
		// The seller's or poster's own text: a "Safety tips" heading
		// in it is theirs.
		w.inText++
		defer func() { w.inText-- }()
	}
	if !page && !w.page.protected[n] && (n.DataAtom == atom.Footer || strings.EqualFold(attrOf(n, "role"), "contentinfo")) {
		// The page's footer: its paragraphs may be the site's rules
		// (footerRule).
		w.inFooter++
		defer func() { w.inFooter-- }()
	}
	if quiet {
		// What n holds speaks of no trade either: its blocks need not
		// be asked again (each would read the same text).
		w.inQuiet++
		defer func() { w.inQuiet-- }()
	}
	before := w.b.Len()
	link := n.DataAtom == atom.A && hasAttr(n, "href")
	if link {
		w.inLink++
	}
	w.children(n, region)
	if link {
		w.inLink--
	}
	if n.DataAtom == atom.A {
		// A contact button is often an icon: its target is the
		// contact ("t.me/labshop", "wa.me/8613100000000").
		if c := contactOf(n); c != "" && !strings.Contains(strings.ToLower(w.b.String()[before:]), strings.ToLower(c)) {
			w.space = true
			w.word(c)
		}
	}
	if block {
		w.newline = true
	} else if n.DataAtom == atom.Td || n.DataAtom == atom.Th || n.DataAtom == atom.Button {
		w.space = true
	} else if n.DataAtom == atom.A && n.NextSibling != nil && n.NextSibling.Type == html.ElementNode && n.NextSibling.DataAtom == atom.A {
		// Links back to back are cards or buttons a style sets apart
		// ("<a>Toluene 20 L</a><a>Sulphuric acid</a>"): their words
		// do not run together.
		w.space = true
	}
}

// inOffer reports whether n is inside the offer: inside the <main>,
// role=main or <article> holding the main heading, or inside the main
// heading's parent when that is not the body.
func (pi *pageInfo) inOffer(n *html.Node) bool {
	var block *html.Node
	switch {
	case pi.main != nil:
		block = pi.main
	case pi.anchor != nil && pi.anchor.Parent != nil && pi.anchor.Parent.DataAtom != atom.Body && pi.anchor.Parent.DataAtom != atom.Html:
		block = pi.anchor.Parent
	default:
		return false
	}
	for p := n.Parent; p != nil; p = p.Parent {
		if p == block {
			return true
		}
	}
	return false
}

// parseNoscript parses the content of n: a parser with scripting on (as a
// browser's) keeps a <noscript>'s content as raw text. The parsed nodes
// replace the text in n.
func parseNoscript(n *html.Node) {
	c := n.FirstChild
	if c == nil || c.Type != html.TextNode || c.NextSibling != nil {
		return
	}
	context := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	nodes, err := html.ParseFragmentWithOptions(strings.NewReader(c.Data), context, html.ParseOptionEnableScripting(false))
	if err != nil {
		return
	}
	n.RemoveChild(c)
	for _, k := range nodes {
		n.AppendChild(k)
	}
}

// hidden reports whether the writer leaves out n as hidden: hidden by its
// markup, not content a click reveals, and not around the main heading (a
// hidden ancestor of the main heading hides the whole page only because it
// was saved with a modal open).
func (w *docWriter) hidden(n *html.Node) bool {
	return !w.showHidden && isHiddenNode(n) && !w.revealable(n) && !w.page.protected[n]
}

// boilerplate reports whether n is not the page's own content: navigation,
// a block of related listings, a block of links in page-level chrome
// (region), a sidebar about the site or community, a "Read more:" link to
// other content, or a list of links in an aside or in a column beside the
// column with the offer (the menu cell of a table layout).
func (pi *pageInfo) boilerplate(n *html.Node, region bool) bool {
	if isNavigation(n) || pi.isRelated(n) || pi.siteBanner(n) {
		return true
	}
	if region && pi.linkDense(n) {
		return true
	}
	if pi.siteInfo(n) || pi.leadLink(n) || pi.asideOutsideMain(n) || pi.chatWidget(n) || pi.otherArticle(n) || separator(n) || pi.entryList(n) {
		return true
	}
	return (n.DataAtom == atom.Aside || (pi.protected[n.Parent] && isColumn(n))) && pi.linkList(n)
}

// siteBannerNames are the class or id words, lower-cased, of a site-wide
// banner shown above every page: MediaWiki's #siteNotice and
// #centralNotice, a "site-notice" or "sitewide-banner".
var siteBannerNames = wordSet("sitenotice", "site-notice", "site_notice", "centralnotice", "central-notice", "sitewide-notice",
	"site-wide-notice", "sitewide-banner", "site-wide-banner", "site-banner")

// siteBanner reports whether n is a site-wide banner (siteBannerNames)
// outside the <main>, role=main or <article> holding the main heading:
// the site's announcement above every page (a wiki's writing drive naming
// the articles it wants, document batch h17), not the page's content.
func (pi *pageInfo) siteBanner(n *html.Node) bool {
	if pi.main == nil {
		return false
	}
	named := false
	for _, key := range [...]string{"id", "class"} {
		v := classAttr(n, key)
		if !strings.Contains(v, "otice") && !strings.Contains(v, "anner") {
			// Most class words hold neither: no need to split them.
			continue
		}
		for _, c := range strings.Fields(v) {
			named = named || siteBannerNames[strings.ToLower(c)]
		}
	}
	return named && !inside(n, pi.main)
}

// chatWords and widgetWords name a site's floating chat button in class
// and id words together ("tm-sticky tm-chat", "whatsapp-float",
// "chat-launcher").
var (
	chatWords   = wordSet("chat", "livechat", "chatbot", "whatsapp", "telegram", "messenger", "support")
	widgetWords = wordSet("sticky", "float", "floating", "fixed", "widget", "launcher", "bubble", "fab")
)

// maxChatWidgetText bounds the text of a chat button: a line, not a
// block.
const maxChatWidgetText = 120

// chatNamed reports whether n's class or id holds a chat word anywhere: a
// cheap test before its words are split (most elements have none).
func chatNamed(n *html.Node) bool {
	for _, a := range n.Attr {
		if a.Namespace != "" || (a.Key != "class" && a.Key != "id") || len(a.Val) > maxClassAttr {
			continue
		}
		if holdsAny(strings.ToLower(a.Val), chatWords) {
			return true
		}
	}
	return false
}

// holdsAny reports whether v holds one of words anywhere, not only as a
// whole word: the cheap test before an attribute's words are split.
func holdsAny(v string, words map[string]bool) bool {
	for w := range words {
		if strings.Contains(v, w) {
			return true
		}
	}
	return false
}

// chatWidget reports whether n is the site's floating chat button ("Chat
// with us on WhatsApp", document batch h13): named so by its class or id
// words, one short line, outside the <main>, role=main or <article> that
// holds the offer. Like the site's header and footer it is the page's
// chrome, its contact the site's, not the seller's; a page without such a
// landmark keeps it (a shop's own page, where the site is the seller).
func (pi *pageInfo) chatWidget(n *html.Node) bool {
	if pi.main == nil || n.Type != html.ElementNode || !chatNamed(n) {
		return false
	}
	chat, widget := false, false
	for _, t := range classTokens(n) {
		chat = chat || chatWords[t] || t == "chat-widget" || t == "chatwidget"
		widget = widget || widgetWords[t]
	}
	if !chat || !widget || pi.linkStats(n).text > maxChatWidgetText {
		return false
	}
	for p := n; p != nil; p = p.Parent {
		if p == pi.main {
			return false
		}
	}
	return true
}

// text appends s with runs of white space collapsed.
func (w *docWriter) text(s string) {
	start := -1
	for i, r := range s {
		if isHTMLSpace(r) {
			if start >= 0 {
				w.word(s[start:i])
				start = -1
			}
			w.space = true
			continue
		}
		if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		w.word(s[start:])
	}
}

// word appends s, after the line break or space pending, if any text
// precedes it.
func (w *docWriter) word(s string) {
	if w.b.Len() > 0 {
		switch {
		case w.newline:
			w.b.WriteByte('\n')
		case w.space:
			w.b.WriteByte(' ')
		}
	}
	w.newline, w.space = false, false
	w.plain = w.plain || w.inLink == 0
	w.b.WriteString(s)
}

// visibleText is the text of n as the writer would write it on its own.
func (w *docWriter) visibleText(n *html.Node) string {
	sub := docWriter{page: w.page, showHidden: w.showHidden}
	sub.node(n, false)
	return sub.String()
}

// revealable reports whether a hidden element is content the page shows on
// a click (a tab panel, a dialog, a collapsed section) rather than text no
// reader sees.
func (w *docWriter) revealable(n *html.Node) bool {
	if n.DataAtom == atom.Template {
		return false
	}
	if isDialog(n) && siteDialog(n) {
		// Reporting the ad, logging in, subscribing: the site's own
		// forms, whose text (a list of prohibited products) is no part
		// of the listing, whoever opens them.
		return false
	}
	switch strings.ToLower(attrOf(n, "role")) {
	case "tabpanel", "dialog", "alertdialog":
		return true
	}
	if n.DataAtom == atom.Dialog {
		return true
	}
	if id := attrOf(n, "id"); id != "" && w.page.controlled[id] {
		return true
	}
	if id := attrOf(n, "id"); id != "" && w.page.scriptShown[id] && onlyVisibilityHidden(n) {
		// An article body the page's own script shows as it loads
		// (WeChat's #js_content): what every reader of the page sees.
		return true
	}
	for _, t := range classTokens(n) {
		if seoTokens[t] {
			return false
		}
	}
	for _, t := range classTokens(n) {
		if revealTokens[t] {
			return true
		}
	}
	return false
}

// isDialog reports whether n is a dialog: a <dialog>, role dialog or
// alertdialog, or an element whose class or id calls it a modal, dialog or
// popup.
func isDialog(n *html.Node) bool {
	if n.DataAtom == atom.Dialog {
		return true
	}
	switch strings.ToLower(attrOf(n, "role")) {
	case "dialog", "alertdialog":
		return true
	}
	for _, t := range classTokens(n) {
		switch t {
		case "modal", "dialog", "popup", "popover", "lightbox", "overlay":
			return true
		}
	}
	return false
}

// siteDialogTokens name the site's own dialogs (reporting an ad, logging
// in, subscribing, giving feedback, sharing) in class, id, aria-label and
// data attribute words.
var siteDialogTokens = wordSet("report", "reporting", "abuse", "complaint", "complaints", "flag", "flagging",
	"login", "signin", "signup", "logon", "register", "registration", "auth", "authentication", "password",
	"newsletter", "subscribe", "subscription", "feedback", "survey", "share", "sharing")

// siteDialogPhrases head the site's own dialogs, lower-cased: reporting an
// ad or a user, logging in, the newsletter, feedback.
var siteDialogPhrases = []string{
	"report this", "report ad", "report the", "report an", "report a ", "report listing", "report item",
	"report post", "report user", "report seller", "report abuse", "flag this", "log in", "login", "sign in", "sign up",
	"newsletter", "feedback",
	"signaler", "melden", "denunciar", "reportar", "segnala", "zgłoś", "zglos", "пожаловаться",
	"жалоба", "сообщить о нарушении", "поскаржитися", "şikayet", "bildir", "举报", "舉報", "檢舉", "投诉", "通報",
	"違反報告", "신고", "laporkan", "báo cáo", "รายงาน", "إبلاغ", "الإبلاغ", "melaporkan",
	"connexion", "se connecter", "anmelden", "einloggen", "iniciar sesión", "accedi", "zaloguj",
	"войти", "giriş yap", "登录", "登入", "ログイン", "로그인", "đăng nhập", "เข้าสู่ระบบ", "تسجيل الدخول",
}

// siteDialog reports whether a dialog is one of the site's own (reporting
// the ad, logging in, the newsletter), named so by its class, id,
// aria-label or data attributes, or by its first heading.
func siteDialog(n *html.Node) bool {
	for _, t := range classTokens(n) {
		if siteDialogTokens[t] {
			return true
		}
	}
	for _, a := range n.Attr {
		if a.Key != "aria-label" && (!strings.HasPrefix(a.Key, "data-") || len(a.Val) >= 64 || strings.Contains(a.Val, "/")) {
			continue
		}
		for _, w := range attrWords(a.Val) {
			if siteDialogTokens[w] {
				return true
			}
		}
		if a.Key == "aria-label" && siteDialogPhrase(a.Val) {
			return true
		}
	}
	h := firstHeading(n)
	return h != nil && siteDialogPhrase(boundedText(h, 200))
}

// siteDialogPhrase reports whether a short text (a heading, a label) names
// one of the site's own dialogs.
func siteDialogPhrase(s string) bool { return shortTextHolds(s, siteDialogPhrases) }

// shortTextHolds reports whether a short text (at most 80 bytes once its
// spaces are collapsed), lower-cased, holds one of phrases.
func shortTextHolds(s string, phrases []string) bool {
	s = strings.ToLower(collapseSpace(s))
	if s == "" || len(s) > 80 {
		return false
	}
	for _, p := range phrases {
		if strings.Contains(s, p) {
			return true
		}
	}
	return false
}

// attrWords returns the lower-cased words of an attribute value, split at
// anything not a letter or digit and at camel-case humps ("report_modal",
// "ReportAd").
func attrWords(v string) []string {
	var out []string
	start := -1
	var prev rune
	for i, r := range v {
		word := unicode.IsLetter(r) || unicode.IsDigit(r)
		if start >= 0 && (!word || (unicode.IsUpper(r) && unicode.IsLower(prev))) {
			out = append(out, strings.ToLower(v[start:i]))
			start = -1
		}
		if word && start < 0 {
			start = i
		}
		prev = r
	}
	if start >= 0 {
		out = append(out, strings.ToLower(v[start:]))
	}
	return out
}

// skipElements never show text (or show a widget, not text).
var skipElements = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Template: true, atom.Noscript: true, atom.Svg: true,
	atom.Iframe: true, atom.Object: true, atom.Embed: true, atom.Canvas: true, atom.Head: true,
	atom.Math: true, atom.Datalist: true, atom.Textarea: true,
}

// docBlocks start a new line.
var docBlocks = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true,
	atom.Dd: true, atom.Div: true, atom.Dl: true, atom.Dt: true, atom.Fieldset: true,
	atom.Figcaption: true, atom.Figure: true, atom.Footer: true, atom.Form: true, atom.H1: true,
	atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true, atom.Header: true,
	atom.Hr: true, atom.Li: true, atom.Main: true, atom.Nav: true, atom.Ol: true, atom.P: true,
	atom.Pre: true, atom.Section: true, atom.Table: true, atom.Tr: true, atom.Ul: true,
	atom.Caption: true, atom.Summary: true, atom.Details: true, atom.Body: true,
	atom.Legend: true, atom.Menu: true, atom.Tbody: true, atom.Thead: true,
	atom.Tfoot: true,
}

// isHiddenNode reports whether n is hidden by its own markup.
func isHiddenNode(n *html.Node) bool {
	if _, ok := attrLookup(n, "hidden"); ok {
		return true
	}
	if strings.EqualFold(strings.TrimSpace(attrOf(n, "aria-hidden")), "true") {
		return true
	}
	if st := strings.ToLower(attrOf(n, "style")); st != "" {
		st = strings.Join(strings.Fields(st), "")
		if strings.Contains(st, "display:none") || strings.Contains(st, "visibility:hidden") {
			return true
		}
	}
	if n.DataAtom == atom.Input && strings.EqualFold(attrOf(n, "type"), "hidden") {
		return true
	}
	if _, open := attrLookup(n, "open"); n.DataAtom == atom.Dialog && !open {
		// A closed <dialog> is not rendered.
		return true
	}
	hidden, shown := false, false
	for _, c := range strings.Fields(strings.ToLower(classAttr(n, "class"))) {
		switch c {
		case "hidden", "d-none", "sr-only", "visually-hidden", "visuallyhidden", "screen-reader-text", "invisible", "hide", "is-hidden", "u-hidden":
			hidden = true
		default:
			// Responsive utilities show it again at some width
			// (Tailwind "md:block", Bootstrap "d-md-block").
			if strings.Contains(c, ":block") || strings.Contains(c, ":flex") || strings.Contains(c, ":inline") || strings.Contains(c, ":grid") ||
				(strings.HasPrefix(c, "d-") && (strings.HasSuffix(c, "-block") || strings.HasSuffix(c, "-flex") || strings.HasSuffix(c, "-inline"))) {
				shown = true
			}
		}
	}
	return hidden && !shown
}

// Class and id words.
var (
	// revealTokens name content a click reveals.
	revealTokens = wordSet("tab", "tabs", "pane", "panel", "tabpanel", "tab-pane", "collapse", "collapsed", "collapsible",
		"accordion", "modal", "dialog", "popup", "popover", "dropdown", "expand", "expandable", "more", "readmore",
		"read-more", "spoiler", "toggle", "reveal", "details", "desc", "description", "contact", "contacts", "phone", "tel")
	// seoTokens name hidden keyword stuffing.
	seoTokens = wordSet("seo", "keywords", "keyword", "seo-text", "seo-block", "seotext")
	// navTokens name navigation and chrome that never is the listing.
	navTokens = wordSet("cookie", "cookies", "consent", "gdpr", "breadcrumb", "breadcrumbs", "crumbs",
		"skiplink", "skip-link", "skip", "share", "sharing", "social", "pagination", "pager", "newsletter", "search",
		"searchbar", "search-bar", "search-form", "searchform", "search-box", "searchbox", "seo", "keywords")
	// regionTokens name page chrome whose link lists are left out.
	regionTokens = wordSet("header", "footer", "foot", "sidebar", "side-bar", "side", "sidecol", "side-column", "sidemenu",
		"side-menu", "sidenav", "side-nav", "leftside", "rightside", "aside", "widget", "widgets", "widget-area", "topbar",
		"toolbar", "menu", "menus", "nav", "navbar", "navigation", "gnav", "megamenu", "mega-menu", "categories",
		"filters", "sitemap", "masthead", "site-header", "site-footer", "global-header",
		"global-footer", "linklist", "links",
		// The usual abbreviations of a page without landmarks
		// (List.am-like "#hdr", "#ftr", document batch h14).
		"hdr", "ftr", "ftr-links", "site-hdr", "site-ftr",
		// Footers named in Catalan, Portuguese and German (document batch h15).
		"peu", "peu-pagina", "rodape", "fusszeile")
	// relatedTokens name blocks of other listings.
	relatedTokens = wordSet("related", "similar", "recommend", "recommended", "recommends", "recommendation",
		"recommendations", "recs", "upsell", "upsells", "crosssell", "crosssells", "crossselling", "cross-sell",
		"cross-sells", "cross-selling", "also", "viewed", "popular", "bestseller", "bestsellers", "best-sellers",
		"trending", "mostread", "most-read", "more-stories", "guess", "guess-like", "youmaylike", "you-may-like",
		"podobne", "souvisejici", "newads", "new-ads", "latestads", "latest-ads", "recentads", "recent-ads", "lastads", "last-ads",
		"recently", "sponsored", "ads", "advert", "adverts", "advertisement", "promoted", "others", "complementary",
		"relate", "hot", "hotsale", "analogs", "analogues", "suggested", "suggestions", "more-topics", "moretopics",
		// pinyin and romaji class names of Chinese and Japanese sites:
		// 相关 (xiangguan), 推荐 (tuijian), 相关产品, 热门产品, 推荐产品, 关联 (guanlian), おすすめ, 関連, 人気
		"xiangguan", "tuijian", "xgcp", "rmcp", "tjcp", "guanlian", "osusume", "kanren", "ninki",
		// the member's or seller's other items (Vinted's closet, OLX's
		// other ads)
		"closet", "wardrobe", "other-items", "otheritems", "other-ads", "otherads", "other-listings", "otherlistings",
		"other-offers", "otheroffers", "seller-items", "selleritems", "seller-ads", "sellerads", "member-items",
		"memberitems", "user-items", "useritems", "user-ads", "userads", "more-items", "moreitems")
	// relatedPrefixes: a class word starting so names such a block too
	// ("similares", "relatedProducts", "crossSellingSlider").
	relatedPrefixes = []string{"relate", "similar", "recommend", "upsell", "crosssell", "cross-sell", "bestsell", "also-", "also_", "xiangguan", "tuijian",
		"suggested", "more-topics", "more_topics", "closet", "other-items", "other_items", "other-ads", "other_ads",
		"other-listings", "seller-items", "seller-ads", "member-items", "user-items", "user-ads", "more-items"}
)

// wordSet returns the set of words.
func wordSet(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// classTokens returns the lower-cased words of n's class and id, both whole
// ("site-header") and split at -, _ and camel-case humps ("site", "header").
func classTokens(n *html.Node) []string {
	var out []string
	for _, key := range []string{"class", "id"} {
		for _, c := range strings.Fields(classAttr(n, key)) {
			lc := strings.ToLower(c)
			out = append(out, lc)
			start := 0
			for i := 1; i <= len(c); i++ {
				if i == len(c) || c[i] == '-' || c[i] == '_' || c[i] == ':' || (c[i] >= 'A' && c[i] <= 'Z' && c[i-1] >= 'a' && c[i-1] <= 'z') {
					if part := strings.ToLower(strings.Trim(c[start:i], "-_:")); part != "" && part != lc {
						out = append(out, part)
					}
					start = i
				}
			}
		}
	}
	return out
}

// maxClassAttr bounds the bytes of a class or id attribute read for its
// words: utility-class lists run to a few hundred bytes, and a page
// repeating a word millions of times would otherwise be read in full by
// every question asked about its element.
const maxClassAttr = 4096

// classAttr returns the attribute key of n, its words up to maxClassAttr
// bytes.
func classAttr(n *html.Node, key string) string {
	v := attrOf(n, key)
	if len(v) <= maxClassAttr {
		return v
	}
	v = v[:maxClassAttr]
	if i := strings.LastIndexAny(v, " \t\n\r\f"); i > 0 {
		v = v[:i]
	}
	return v
}

// isNavigation reports whether n is navigation or page chrome.
func isNavigation(n *html.Node) bool {
	if n.DataAtom == atom.Nav {
		return true
	}
	switch strings.ToLower(attrOf(n, "role")) {
	case "navigation", "search", "menubar", "menu":
		return true
	}
	for _, t := range classTokens(n) {
		if navTokens[t] || strings.HasPrefix(t, "cookie") || strings.HasPrefix(t, "consent") || strings.HasPrefix(t, "gdpr") {
			return true
		}
	}
	return false
}

// isRegion reports whether n is page-level chrome: a header, footer or
// sidebar outside any article or main content, or so named by its class.
func isRegion(n *html.Node) bool {
	switch strings.ToLower(attrOf(n, "role")) {
	case "banner", "contentinfo", "complementary":
		return true
	}
	switch n.DataAtom {
	case atom.Header, atom.Footer, atom.Aside:
		for p := n.Parent; p != nil; p = p.Parent {
			if p.Type == html.ElementNode && (p.DataAtom == atom.Article || p.DataAtom == atom.Main || p.DataAtom == atom.Section ||
				strings.EqualFold(attrOf(p, "role"), "main")) {
				return false
			}
		}
		return true
	}
	for _, t := range classTokens(n) {
		if regionTokens[t] {
			return true
		}
	}
	return false
}

// isRelated reports whether n is a block of other listings ("related
// products", "customers also viewed"): named so by a class, id, aria-label
// or data attribute, or by its first heading, and holding at least two
// links.
func (pi *pageInfo) isRelated(n *html.Node) bool {
	// items: every class word naming n related names the seller's own
	// ads (sellerItemWord), which on the seller's profile page are the
	// page's content.
	named, sponsored, items := false, false, true
	for _, t := range classTokens(n) {
		if sponsoredTokens[t] {
			sponsored = true
		}
		rel := relatedTokens[t] || relatedInfix(t)
		for _, p := range relatedPrefixes {
			rel = rel || strings.HasPrefix(t, p)
		}
		if rel {
			named = true
			items = items && sellerItemWord(t)
		}
	}
	if named && items && pi.inProfile(n) {
		// The profile's own ads ("un-profile__ads" beside the
		// seller's name): the listing of a seller's page.
		named = false
	}
	if !named {
		for _, a := range n.Attr {
			if a.Key == "aria-label" || (strings.HasPrefix(a.Key, "data-") && len(a.Val) < 64 && !strings.Contains(a.Val, "/")) {
				if relatedPhrase(a.Val) || relatedWord(a.Val) || (a.Key != "aria-label" && relatedMarker(a.Val)) {
					named = true
					break
				}
			}
		}
	}
	byAttr := named
	h := firstHeading(n)
	if !named {
		named = h != nil && relatedPhrase(boundedText(h, 200))
		if h == nil {
			// Hashed class names ("_3Xk7SK") hide what a heading is:
			// a short line of text without links that opens a block
			// of links (links for at least half of the rest of its
			// text) is its heading.
			if l := leadLine(n); l != nil && relatedPhrase(boundedText(l, 200)) {
				st := pi.linkStats(n)
				named = st.linked > 0 && st.linked*2 >= st.shown-pi.linkStats(l).shown
			}
		}
	}
	if !named {
		return false
	}
	if h != nil && holdsCue(strings.ToLower(boundedText(h, 200)), compareCues) {
		// "Compare with similar items": a table of other products,
		// often without a link.
		return true
	}
	st := pi.linkStats(n)
	if sponsored && st.links >= 1 {
		// One sponsored result among a page's own (a search page's
		// inline ad, with its snippet): an advertiser's listing.
		return true
	}
	if st.links >= 2 || holdsCarousel(n) {
		// Other listings are links, or slides of a carousel whose
		// cards a script makes tappable (AMP's amp-carousel).
		return true
	}
	if pi.itemShelf(n, h, byAttr) {
		return true
	}
	// One other listing ("recently viewed" holding a single item): the
	// block is that link and its heading, no text of its own.
	own := st.shown - st.linked
	if h := firstHeading(n); h != nil {
		own -= pi.linkStats(h).shown
	} else if l := leadLine(n); l != nil {
		own -= pi.linkStats(l).shown
	}
	return st.links == 1 && st.linked > 0 && own <= st.linked
}

// sellerItemTokens name the seller's or member's own ads in a class or id
// word ("user-ads", Vinted's closet): on an ad's page other listings, on
// the seller's profile page the listing itself.
var sellerItemTokens = wordSet("ads", "seller-ads", "sellerads", "user-ads", "userads", "seller-items", "selleritems", "user-items",
	"useritems", "member-items", "memberitems", "closet", "wardrobe", "other-ads", "otherads", "other-items", "otheritems",
	"other-listings", "otherlistings", "more-items", "moreitems")

// sellerItemWord reports whether a class word naming a block related
// names the seller's own ads (sellerItemTokens, also as a prefix:
// "user-ads-grid").
func sellerItemWord(t string) bool {
	if sellerItemTokens[t] {
		return true
	}
	for w := range sellerItemTokens {
		if len(w) > 3 && strings.HasPrefix(t, w) {
			return true
		}
	}
	return false
}

// profileWords name a seller's, member's or shop's profile page (or its
// part holding the seller's name) in a class or id word.
var profileWords = wordSet("profile", "storefront", "store-front", "shopfront", "seller-page", "sellerpage", "user-page",
	"userpage", "member-page", "memberpage", "vendor-page", "vendorpage")

// profileOf returns the outermost element below <body> around the main
// heading anchor whose class or id names a profile ("un-profile" around
// the seller's name as the page's <h1>), nil when there is none.
func profileOf(anchor *html.Node) *html.Node {
	var out *html.Node
	for p := anchor; p != nil && p.DataAtom != atom.Body && p.DataAtom != atom.Html; p = p.Parent {
		if p.Type != html.ElementNode {
			continue
		}
		for _, t := range classTokens(p) {
			if profileWords[t] {
				out = p
				break
			}
		}
	}
	return out
}

// inProfile reports whether n is inside the seller's profile holding the
// main heading (profileOf) and does not hold the heading itself: a page
// about one seller, whose ads are what it shows (document batch h14, an
// Unegui-like profile with six ad cards).
func (pi *pageInfo) inProfile(n *html.Node) bool {
	if pi.profile == nil || pi.protected[n] {
		return false
	}
	for p := n.Parent; p != nil; p = p.Parent {
		if p == pi.profile {
			return true
		}
	}
	return false
}

// sponsoredTokens name, in a class or id word, a paid placement: another
// advertiser's listing even when it is a single card with text of its own
// ("sr-result--sponsored", document batch h14).
var sponsoredTokens = wordSet("sponsored", "promoted", "advertisement", "sponsored-result", "sponsored-listing", "paid-listing")

// pagerTargets returns the targets of the <link rel=prev/next> in the head
// of the document body belongs to: a mailing-list archive's previous and
// next message (Pipermail's LINK REL="Previous"), a blog's older and newer
// post, a thread's other pages.
func pagerTargets(body *html.Node) map[string]bool {
	if body == nil || body.Parent == nil {
		return nil
	}
	var out map[string]bool
	for c := body.Parent.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || c.DataAtom != atom.Head {
			continue
		}
		for l := c.FirstChild; l != nil; l = l.NextSibling {
			if l.Type != html.ElementNode || l.DataAtom != atom.Link || !pagerRel(attrOf(l, "rel")) {
				continue
			}
			if href := strings.TrimSpace(attrOf(l, "href")); href != "" {
				if out == nil {
					out = map[string]bool{}
				}
				out[href] = true
			}
		}
	}
	return out
}

// pagerRel reports whether a rel attribute names the previous or next
// document.
func pagerRel(rel string) bool {
	for _, t := range strings.Fields(strings.ToLower(rel)) {
		switch t {
		case "prev", "previous", "next":
			return true
		}
	}
	return false
}

// pagerLink reports whether n is a link to the previous or next message,
// post or page: rel=prev/next, or the target of the head's <link
// rel=prev/next>. Its text is that other document's subject ("Previous
// message (by thread): Storing diethyl ether in a lab fridge?"), not this
// one's.
func (pi *pageInfo) pagerLink(n *html.Node) bool {
	if n.DataAtom != atom.A {
		return false
	}
	href, ok := attrLookup(n, "href")
	if !ok {
		return false
	}
	return pagerRel(attrOf(n, "rel")) || pi.pager[strings.TrimSpace(href)]
}

// relatedUnderHeading reports whether n is a block of links (a table, list
// or division holding at least two links) right after a sibling heading
// that names a block of other documents or listings: a patent page's
// "<h2>Similar Documents</h2><table>…", where the heading is no part of
// the block isRelated reads; or a table row of links right after a
// heading row (headingRow) so naming it, in a table layout.
func (pi *pageInfo) relatedUnderHeading(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Table, atom.Ul, atom.Ol, atom.Dl, atom.Div, atom.Section, atom.Tr:
	default:
		return false
	}
	h := n.PrevSibling
	for h != nil && (h.Type == html.TextNode && strings.TrimSpace(h.Data) == "" || h.Type == html.CommentNode) {
		h = h.PrevSibling
	}
	if h == nil || h.Type != html.ElementNode {
		return false
	}
	switch h.DataAtom {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		if n.DataAtom == atom.Tr {
			return false
		}
	case atom.Tr:
		// A table layout's section heading is a row of one short
		// cell; the row after it is the section (a seller template's
		// "■ 出品中のその他の商品", document batch h16).
		if n.DataAtom != atom.Tr || pi.linkStats(n).links < 2 {
			return false
		}
		if h = headingRow(h); h == nil {
			return false
		}
	default:
		return false
	}
	// The cheap tests first: most blocks after a heading hold fewer than
	// two links, or follow a heading that names no related block.
	return pi.linkStats(n).links >= 2 && pi.linkStats(h).links == 0 && relatedPhrase(boundedText(h, 200))
}

// maxShelfNodes bounds the nodes read to find a shelf's items.
const maxShelfNodes = 4096

// itemShelf reports whether n, named as a block of other listings, is a
// shelf of them whose cards a script makes tappable: no href, only items
// (<a> without a target, or list items) holding at least three quarters
// of its text besides its heading h. Two items suffice for a block named
// so by its class, id or a data attribute (byAttr); a block named only by
// its heading needs two <a> items (a list under a heading such as "Popular
// uses" is the seller's). Never inside the seller's own text.
func (pi *pageInfo) itemShelf(n, h *html.Node, byAttr bool) bool {
	for p := n; p != nil; p = p.Parent {
		if p.Type == html.ElementNode && ownText(p) {
			return false
		}
	}
	anchors, items, itemText, nodes := 0, 0, 0, 0
	tooLarge := false
	walkNodes(n, func(c *html.Node) bool {
		if nodes++; nodes > maxShelfNodes {
			tooLarge = true
			return false
		}
		if c.Type != html.ElementNode || c == h {
			return c != h
		}
		if skipElements[c.DataAtom] || isHiddenNode(c) {
			return false
		}
		if c.DataAtom == atom.A || c.DataAtom == atom.Li {
			if c.DataAtom == atom.A {
				anchors++
			}
			items++
			itemText += pi.linkStats(c).text
			return false
		}
		return true
	})
	if tooLarge || items < 2 || (!byAttr && anchors < 2) {
		return false
	}
	rest := pi.linkStats(n).text
	if h != nil {
		rest -= pi.linkStats(h).text
	}
	return rest > 0 && itemText*4 >= rest*3
}

// compareCues, in the heading of a block named as related ("Compare with
// similar items"), make it a comparison with other products, lower-cased;
// each starts a word (the CJK and Thai ones match anywhere).
var compareCues = []string{"compar", "vergleich", "confront", "сравн", "порівн", "porovn", "porówn", "karşılaştır",
	"vergelijk", "jämför", "sammenlign", "összehasonlít", "σύγκρι", "השווא", "مقارنة", "مقایسه", "तुलना", "bandingkan",
	"so sánh", "比较", "比較", "对比", "對比", "비교", "เปรียบเทียบ"}

// carouselTokens name a carousel or slider in a class or id.
var carouselTokens = wordSet("carousel", "slider", "swiper", "slick", "glide", "splide", "flickity", "owl-carousel", "slides")

// holdsCarousel reports whether n holds a carousel of at least two slides:
// an <amp-carousel> or an element classed as a carousel or slider, with two
// element children or more.
func holdsCarousel(n *html.Node) bool {
	found := false
	walkNodes(n, func(c *html.Node) bool {
		if found || c.Type != html.ElementNode {
			return false
		}
		carousel := c.Data == "amp-carousel"
		for _, t := range classTokens(c) {
			carousel = carousel || carouselTokens[t]
		}
		if carousel {
			slides := 0
			for cc := c.FirstChild; cc != nil; cc = cc.NextSibling {
				if cc.Type == html.ElementNode {
					slides++
				}
			}
			found = slides >= 2
		}
		return !found
	})
	return found
}

// leadLine returns n's first element child when it opens n as a heading
// would: no text before it, no links or other elements in it, and other
// content after it.
func leadLine(n *html.Node) *html.Node {
	c := firstElement(n)
	if c == nil || c.NextSibling == nil || skipElements[c.DataAtom] {
		return nil
	}
	// Wrappers holding only one element (a site builder's block and
	// its atom, "<div><div><span>You may also need</span></div></div>")
	// are the line itself.
	line := c
	for {
		only := onlyElement(line)
		if only == nil || only.DataAtom == atom.Span || only.DataAtom == atom.B || only.DataAtom == atom.Strong || only.DataAtom == atom.A {
			break
		}
		line = only
	}
	for cc := line.FirstChild; cc != nil; cc = cc.NextSibling {
		if cc.Type == html.ElementNode && cc.DataAtom != atom.Span && cc.DataAtom != atom.B && cc.DataAtom != atom.Strong {
			return nil
		}
	}
	return c
}

// onlyElement returns n's one child when it is an element and n has no
// other child but white space, else nil.
func onlyElement(n *html.Node) *html.Node {
	var only *html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.ElementNode && only == nil:
			only = c
		case c.Type == html.ElementNode, c.Type == html.TextNode && strings.TrimSpace(c.Data) != "":
			return nil
		}
	}
	return only
}

// relatedWord reports whether an attribute value is one of relatedTokens
// ("also_viewed", "recommendations").
func relatedWord(v string) bool {
	v = strings.ToLower(strings.TrimSpace(v))
	if relatedTokens[v] {
		return true
	}
	for _, p := range relatedPrefixes {
		if strings.HasPrefix(v, p) {
			return true
		}
	}
	return false
}

// relatedInfixes, anywhere in a class or id word, name a block of other
// listings whatever prefix a site gives its classes ("fpCrossSell",
// "prdUpsellBox", "pdpAlsoViewed"), lower-cased.
var relatedInfixes = []string{"crosssell", "cross-sell", "cross_sell", "upsell", "alsoviewed", "also-viewed",
	"also_viewed", "alsobought", "also-bought", "also_bought", "alsopurchased", "recommend"}

// relatedInfix reports whether a lower-cased class or id word holds one of
// relatedInfixes.
func relatedInfix(t string) bool {
	for _, p := range relatedInfixes {
		if strings.Contains(t, p) {
			return true
		}
	}
	return false
}

// relatedMarkers, as one word of a data attribute's value (a tracking or
// test name such as Naver's data-nclick="prd.rcmd"), name a block of other
// listings: recommendations, cross-sells and up-sells, lower-cased.
var relatedMarkers = wordSet("rcmd", "recmd", "reco", "recos", "recs", "recommend", "recommended", "recommends",
	"recommendation", "recommendations", "crosssell", "crossselling", "upsell", "upsells", "alsoviewed", "alsobought")

// relatedMarker reports whether a data attribute's value holds one of
// relatedMarkers as a word, or the words "cross sell" or "also
// viewed/bought/purchased" in a row ("prd.rcmd", "pdp_cross_sell",
// "widget:alsoViewed").
func relatedMarker(v string) bool {
	words := attrWords(v)
	for i, w := range words {
		if relatedMarkers[w] {
			return true
		}
		if i > 0 {
			switch words[i-1] + " " + w {
			case "cross sell", "cross sells", "also viewed", "also bought", "also purchased", "up sell":
				return true
			}
		}
	}
	return false
}

// relatedPhrases head blocks of other listings, lower-cased.
var relatedPhrases = []string{
	"related", "similar", "also like", "also viewed", "also bought", "also purchased", "also searched",
	"who viewed", "who bought", "frequently bought", "bought together", "recommended", "recommendations",
	"you may like", "you might like", "you might also", "you may also", "popular", "best sell", "bestsell", "top sell",
	"trending", "most read", "most viewed", "more from", "more stories", "more products", "other products",
	"other offers", "more offers", "other items", "other listings", "from this seller", "from the same seller",
	"other ads", "more ads", "inne oferty", "andere angebote", "weitere angebote", "otras ofertas", "autres offres",
	"другие объявления", "другие предложения", "diğer ürünler", "andere aanbiedingen", "altre offerte",
	"recently viewed", "viewed recently", "you viewed", "you have viewed", "you've viewed", "your browsing history",
	"last viewed", "sponsored", "advertisement", "categories", "hot search", "people also", "top products",
	"hot products", "hot sale products", "new arrivals", "customers also", "pairs well", "complete the look",
	"top picks", "inspired by", "more items", "items to explore", "explore more", "you might be interested",
	"вы смотрели", "вас может заинтересовать", "аналоги",
	"похож", "рекоменд", "популярн", "с этим товаром", "вам может", "также покупают", "смотрите также",
	"недавно просмотр", "другие товары", "схожі", "популярні",
	"相关", "相關", "猜你喜欢", "推荐", "推薦", "热门", "熱門", "同类", "看了又看", "热销", "热卖", "为你推荐",
	"関連", "おすすめ", "この商品を見た人", "人気", "よく一緒に",
	"ähnlich", "kunden kauften", "könnte ihnen", "könnte dir", "empfehl", "das könnte",
	"relacionad", "similares", "también te", "te puede interesar", "te podría",
	"similaires", "associés", "vous aimerez", "vous pourriez", "les clients ont aussi",
	"podobne", "polecane", "zobacz także", "zobacz również", "benzer", "ilgili ürün", "bunlar da",
	"gerelateerd", "vergelijkbare", "anderen bekeken", "correlati", "simili", "potrebbe interessarti",
	"relacionados", "semelhantes", "você também", "voce tambem",
	// Catalan and Swahili (document batch h15).
	"relacionat", "similars", "també et pot", "us pot interessar", "yanayofanana", "zinazofanana", "unaweza pia",
	// The seller's other listings ("more from this shop") and other
	// related blocks, language by language.
	"same shop", "same store", "same seller", "from this shop", "from this store", "seller's other",
	"member's items", "member's other", "members items", "more from this member", "from this member", "seller's items",
	"user's items", "user's other", "other items by", "other ads by", "more ads by", "more from the seller",
	"weitere anzeigen des", "weitere anzeigen von", "andere anzeigen", "mehr vom mitglied", "artikel des mitglieds",
	"articles du membre", "autres articles de", "artículos del miembro", "otros artículos de", "articoli del membro",
	"artigos do membro", "outros artigos de", "artikelen van dit lid", "andere artikelen van", "przedmioty użytkownika",
	"inne przedmioty użytkownika", "вещи участника", "другие вещи", "інші речі", "üyenin diğer",
	"熱銷", "熱賣", "猜你喜歡", "為你推薦", "同類商品", "其他商品", "本店推薦", "店舖推薦",
	"other items from", "more from this",
	"mehr von diesem", "weitere artikel", "vom selben verkäufer", "aus diesem shop", "andere artikel",
	"du même vendeur", "de la même boutique", "autres annonces", "autres articles", "autres produits",
	"del mismo vendedor", "de la misma tienda", "más del vendedor", "más de esta tienda", "otros productos",
	"otros artículos", "otras publicaciones", "quizás te interese",
	"dallo stesso venditore", "dallo stesso negozio", "altri articoli", "altri prodotti", "altri annunci",
	"do mesmo vendedor", "da mesma loja", "mais do vendedor", "mais desta loja", "outros produtos", "outros anúncios",
	"meer van deze", "van dezelfde verkoper", "andere advertenties", "andere producten",
	"od tego sprzedawcy", "więcej od sprzedającego", "inne przedmioty", "inne produkty", "inne ogłoszenia", "z tego sklepu",
	"ещё от продавца", "еще от продавца", "товары продавца", "из этого магазина", "другие товары", "інші товари", "інші оголошення",
	"satıcının diğer", "aynı mağaza", "mağazanın diğer", "diğer ilanlar", "benzer ürünler",
	"本店推荐", "本店其他", "本店商品", "本店热", "店铺推荐", "店铺热", "同店", "其他商品", "该店其他", "掌柜推荐",
	"このショップの", "同じショップ", "このストアの", "出品者の他の", "この出品者", "他の商品",
	"판매자의 다른", "이 판매자", "같은 판매자", "이 상점", "스토어의 다른", "다른 상품", "관련 상품", "추천 상품",
	"비슷한 상품", "유사한 상품", "함께 본", "함께 구매",
	"toko yang sama", "dari toko ini", "produk lain", "produk serupa", "produk terkait", "rekomendasi",
	"mungkin kamu suka", "kamu mungkin juga", "produk sejenis",
	"cùng shop", "cùng cửa hàng", "sản phẩm khác", "sản phẩm tương tự", "sản phẩm liên quan", "có thể bạn cũng thích",
	"gợi ý cho bạn",
	"ร้านเดียวกัน", "จากร้านนี้", "สินค้าอื่น", "สินค้าที่คล้ายกัน", "สินค้าที่เกี่ยวข้อง", "สินค้าแนะนำ", "คุณอาจชอบ",
	"من نفس البائع", "من نفس المتجر", "المزيد من هذا", "منتجات مشابهة", "منتجات ذات صلة", "منتجات أخرى",
	"إعلانات مشابهة", "قد يعجبك",
	// A forum's suggested, similar and other topics (Discourse,
	// phpBB, vBulletin, XenForo), language by language.
	"suggested topic", "suggested thread", "suggested post", "suggested for you", "suggested product", "suggested item",
	"more topics", "other topics", "other threads", "more threads", "new & unread", "unread topics",
	"vorgeschlagene themen", "weitere themen", "andere themen", "sujets suggérés", "autres sujets", "autres discussions",
	"temas sugeridos", "otros temas", "argomenti suggeriti", "altri argomenti", "altre discussioni", "tópicos sugeridos",
	"outros tópicos", "sugerowane tematy", "inne tematy", "предлагаемые темы", "другие темы", "запропоновані теми", "інші теми",
	"önerilen konular", "diğer konular", "voorgestelde onderwerpen", "andere onderwerpen", "建议的话题", "建議的話題",
	"相似主题", "相似主題", "类似主题", "類似主題", "其他主题", "其他主題", "似たトピック", "他のトピック", "추천 주제", "비슷한 주제",
	"관련 주제", "다른 주제", "topik yang disarankan", "topik serupa", "topik terkait", "topik lain", "chủ đề gợi ý",
	"chủ đề tương tự", "chủ đề liên quan", "chủ đề khác", "หัวข้อแนะนำ", "หัวข้อที่คล้ายกัน", "หัวข้อที่เกี่ยวข้อง",
	"مواضيع مقترحة", "مواضيع مشابهة", "مواضيع ذات صلة", "مواضيع أخرى",
	// Recently viewed items, language by language.
	"ранее просмотр", "просмотренные товары", "вы недавно", "недавно смотрели", "переглянуті", "ви дивилися",
	"zuletzt angesehen", "kürzlich angesehen", "zuletzt gesehen", "vus récemment", "récemment consultés", "déjà consultés",
	"vistos recientemente", "vistos por última vez", "visti di recente", "visualizzati di recente",
	"vistos recentemente", "ostatnio oglądane", "ostatnio przeglądane", "son görüntülenen", "son incelenen",
	"recent bekeken", "laatst bekeken", "最近浏览", "浏览记录", "最近瀏覽", "瀏覽記錄", "足迹", "最近チェック", "閲覧履歴",
	"最近見た", "최근 본", "terakhir dilihat", "baru saja dilihat", "đã xem gần đây", "sản phẩm đã xem",
	"ดูล่าสุด", "شوهدت مؤخرا", "شاهدتها مؤخرا",
	// Similar and related ads in languages not above (Czech, Slovak,
	// Slovenian, Croatian, Serbian, Bulgarian, Hungarian, Romanian, Greek,
	// Hebrew, Persian, Hindi, Swedish, Danish, Norwegian, Finnish).
	"podobné", "podobni oglasi", "související", "súvisiace", "mohlo by vás zajímat", "mohlo by vás zaujímať",
	"slični oglasi", "slicni oglasi", "slični proizvodi", "подобни обяви", "подобни продукти", "сходни обяви",
	"hasonló hirdetések", "hasonló termékek", "kapcsolódó", "anunțuri similare", "anunturi similare", "produse similare",
	"παρόμοιες αγγελίες", "παρόμοια προϊόντα", "σχετικά προϊόντα", "מודעות דומות", "מוצרים דומים", "מוצרים קשורים",
	"آگهی‌های مشابه", "آگهی های مشابه", "آگهی‌های مرتبط", "محصولات مشابه", "محصولات مرتبط",
	"समान विज्ञापन", "मिलते-जुलते", "मिलते जुलते", "संबंधित उत्पाद", "समान उत्पाद",
	"liknande annonser", "liknande produkter", "lignende annoncer", "lignende produkter", "lignende annonser",
	"samankaltaiset", "vastaavat ilmoitukset", "samanlaiset",
	// The site's newest ads beside the ad ("New ads in this section"),
	// language by language: other listings too.
	"new ads", "newest ads", "latest ads", "recent ads", "new listings", "newest listings", "latest listings",
	"recent listings", "new classifieds", "latest classifieds", "new postings", "latest postings", "just listed",
	"новые объявления", "свежие объявления", "последние объявления", "новые предложения", "нові оголошення",
	"останні оголошення", "свіжі оголошення", "neue anzeigen", "neueste anzeigen", "aktuelle anzeigen",
	"nouvelles annonces", "dernières annonces", "annonces récentes", "nuevos anuncios", "últimos anuncios",
	"anuncios recientes", "nuovi annunci", "ultimi annunci", "annunci recenti", "novos anúncios", "últimos anúncios",
	"anúncios recentes", "nowe ogłoszenia", "najnowsze ogłoszenia", "ostatnie ogłoszenia", "nové inzeráty",
	"nejnovější inzeráty", "najnovšie inzeráty", "yeni ilanlar", "son ilanlar", "nieuwe advertenties",
	"nieuwste advertenties", "最新发布", "最新信息", "最新公告", "最新刊登", "最新の出品", "새 광고",
	"최신 광고", "최근 등록", "iklan terbaru", "iklan baru", "tin mới đăng", "tin đăng mới", "ประกาศล่าสุด",
	"ประกาศใหม่", "أحدث الإعلانات", "إعلانات جديدة", "آخر الإعلانات", "آگهی‌های جدید", "جدیدترین آگهی",
	"नए विज्ञापन", "नवीनतम विज्ञापन", "nya annonser", "nye annoncer", "nye annonser", "uusimmat ilmoitukset",
	"új hirdetések", "legújabb hirdetések", "anunțuri noi", "cele mai noi anunțuri", "νέες αγγελίες", "нови обяви",
	"novi oglasi", "najnoviji oglasi", "מודעות חדשות",
	// A forum's similar or related threads in languages and spellings not
	// above (vBulletin's "المواضيع المتشابهه", with ه for ة, matches after
	// foldArabic), as forum engines translate their "Similar Threads" bar.
	"متشابه", "مشابه", "ذات صلة", "ذات الصلة", "موضوعات مرتبط", "مطالب مرتبط", "تاپیک های مرتبط", "تاپیک‌های مرتبط",
	"נושאים דומים", "אשכולות דומים", "נושאים קשורים", "אשכולות קשורים", "παρόμοια θέματα", "σχετικά θέματα",
	"παρόμοιες συζητήσεις", "podobná témata", "podobné témy", "hasonló témák", "подобни теми", "сходни теми",
	"slične teme", "slicne teme", "сличне теме", "समान विषय", "संबंधित विषय", "liknande", "lignende", "vastaavat ketjut",
	"bài viết liên quan", "bài viết tương tự", "thread serupa", "thread terkait", "artikel terkait",
	"相似帖子", "类似帖子", "類似帖子", "相似的帖子", "似たスレッド", "類似スレッド", "비슷한 글", "관련 글", "관련글", "유사한 글",
	"비슷한 게시물",
	// "Customers also viewed / bought" and "bought together", language by
	// language (h10: Cdiscount's "Les clients ont également consulté",
	// Smartstore's "함께 보면 좋은 상품").
	"customers who viewed", "customers who bought", "shoppers also", "others also", "people who viewed",
	"people who bought", "often bought with", "you may also need",
	"kunden, die", "kunden die", "auch angesehen", "auch gekauft", "zusammen gekauft", "oft gekauft mit",
	"également consulté", "également acheté", "ont aussi consulté", "ont aussi acheté", "achetés ensemble",
	"souvent achetés", "nos suggestions",
	"también vieron", "también compraron", "también han visto", "comprados juntos", "los clientes que vieron",
	"hanno visto anche", "hanno acquistato anche", "hanno comprato anche", "comprati insieme", "acquistati insieme",
	"também viram", "também compraram", "quem viu também", "quem comprou também",
	"ook bekeken", "ook gekocht", "samen gekocht", "oglądali również", "oglądali także", "kupili również",
	"kupili także", "kupowane razem", "также смотрели", "также покупали", "также купили", "покупают вместе",
	"вместе с этим", "також переглядали", "також купували", "разом з цим", "bunu görüntüleyenler", "bunu inceleyenler",
	"bunu alanlar", "birlikte alınan", "bunlara da baktı", "också tittat", "också köpt", "köps ofta tillsammans",
	"andra tittade", "kiggede også", "købte også", "købes ofte sammen", "så også på", "kjøpte også",
	"kjøpes ofte sammen", "katsoivat myös", "ostivat myös", "ostetaan usein yhdessä", "také prohlíželi",
	"také koupili", "kupováno společně", "si tiež pozreli", "si tiež kúpili", "ezeket is megnézték",
	"ezeket is megvásárolták", "együtt vásárolt", "au mai văzut", "au mai cumpărat", "cumpărate împreună",
	"είδαν επίσης", "αγόρασαν επίσης", "αγοράζονται μαζί", "לקוחות שצפו", "לקוחות שקנו",
	"נקנים יחד", "נקנו יחד", "شاهدوا أيضا", "اشتروا أيضا", "اشترى العملاء", "تشترى معا", "يشترى معا",
	"مشتریان همچنین", "خریداران این", "ग्राहकों ने यह भी", "एक साथ खरीदे", "също разгледаха", "също купиха",
	"također pogledali", "također kupili", "takođe pogledali",
	"この商品を買った人", "この商品をチェックした人", "一緒に購入", "こちらもおすすめ",
	"买了又买", "買了又買", "看過又看", "还看了", "還看了", "还买了", "還買了", "也买了", "也買了",
	"大家都在看", "一起购买", "一起購買",
	"함께 보면", "같이 보면", "다른 고객이 함께", "함께 산", "이 상품을 본", "이 상품을 구매한",
	"juga melihat", "juga membeli", "dibeli bersama", "cũng xem", "cũng mua", "mua cùng", "ลูกค้ายังดู",
	"ลูกค้าที่ดู", "ซื้อด้วยกัน",
	// Turkish with the object spelt out or inflected (document batch
	// h13: "Bu ürünü alanlar bunları da aldı"; "bunu alanlar" and
	// "bunlar da" miss "ürünü" and the accusative "bunları"), never
	// "alanlar" alone ("Kullanım alanları": areas of use).
	"ürünü alanlar", "ürünü görüntüleyenler", "ürünü inceleyenler", "bunları da", "bunlara da", "sizin için seçtik",
	"size özel", "sana özel",
	// Similar and related ads and news in scripts no batch before h14
	// used (Armenian, Georgian, Amharic, Mongolian, Sinhala, Khmer,
	// Burmese: "Նմանատիպ հայտարարություններ", "მსგავსი განცხადებები",
	// "ተመሳሳይ ማስታወቂያዎች", "Төстэй худалдагчид", "සමාන දැන්වීම්",
	// "ការផ្សាយស្រដៀងគ្នា", "ဆက်စပ်သတင်းများ").
	"նմանատիպ", "նման հայտարարություններ", "მსგავსი", "ተመሳሳይ", "төстэй", "සමාන දැන්වීම්", "ស្រដៀង", "ဆင်တူ", "ဆက်စပ်",
}

// relatedWholePhrases name a block of other listings too, but only as
// whole words: the next letter ends the match ("Just for you" is a shelf,
// "Made just for your pool" is not). Shelves picked "for you" (document
// batch h13: Daraz's "Just for you"; Lazada, Shopee, AliExpress), language
// by language.
var relatedWholePhrases = []string{
	"just for you", "picked for you", "picks for you", "selected for you", "handpicked for you", "chosen for you",
	"especially for you", "specially for you", "curated for you", "more to love", "nur für dich", "für dich ausgewählt",
	"für sie ausgewählt", "ausgewählt für", "rien que pour vous", "juste pour vous", "sélectionnés pour vous",
	"sélection pour vous", "solo para ti", "elegidos para ti", "seleccionados para ti", "só para você",
	"escolhidos para você", "selecionados para você", "scelti per te", "selezionati per te", "solo per te",
	"speciaal voor jou", "geselecteerd voor jou", "alleen voor jou", "wybrane dla ciebie", "tylko dla ciebie",
	"специально для вас", "подобрали для вас", "выбрали для вас", "спеціально для вас", "підібрали для вас",
	"مختارات لك", "اخترنا لك", "خصيصا لك", "dành riêng cho bạn", "khusus untukmu", "khusus untuk anda", "pilihan untukmu",
	"pilihan untuk anda",
}

// foldArabic folds the Arabic and Persian letter variants that forum
// headings spell either way: ة as ه, ى and ی as ي, ک as ك, and أ, إ, آ as
// ا ("المواضيع المتشابهه" is "المواضيع المتشابهة").
var foldArabic = strings.NewReplacer("ة", "ه", "ى", "ي", "ی", "ي", "ک", "ك", "أ", "ا", "إ", "ا", "آ", "ا")

// relatedFolded are relatedPhrases after foldArabic.
var relatedFolded = func() []string {
	out := make([]string, len(relatedPhrases))
	for i, p := range relatedPhrases {
		out[i] = foldArabic.Replace(p)
	}
	return out
}()

// relatedPhrase reports whether a short text (a heading, a label) names a
// block of other listings.
func relatedPhrase(s string) bool {
	s = strings.ToLower(collapseSpace(s))
	if s == "" || len(s) > 80 {
		return false
	}
	s = foldArabic.Replace(s)
	for _, p := range relatedFolded {
		if strings.Contains(s, p) {
			return true
		}
	}
	for _, p := range relatedWholePhrases {
		for i := 0; i < len(s); {
			j := strings.Index(s[i:], p)
			if j < 0 {
				break
			}
			j += i + len(p)
			if r, _ := utf8.DecodeRuneInString(s[j:]); !unicode.IsLetter(r) {
				return true
			}
			i = j
		}
	}
	return false
}

// firstHeading returns the heading that opens n: its first element child
// (or that child's first element child) when it is h1–h6, a <caption> or
// classed as a title or heading, or the heading row of a table n is or
// opens with (tableHeading).
func firstHeading(n *html.Node) *html.Node {
	if n.Type == html.ElementNode && n.DataAtom == atom.Table {
		if h := tableHeading(n); h != nil {
			return h
		}
	}
	c := firstElement(n)
	for depth := 0; c != nil && depth < 2; depth++ {
		switch c.DataAtom {
		case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Caption:
			return c
		case atom.Table:
			if h := tableHeading(c); h != nil {
				return h
			}
		}
		for _, t := range classTokens(c) {
			switch t {
			case "title", "heading", "caption", "block-title", "module-title", "section-title":
				return c
			}
		}
		c = firstElement(c)
	}
	return nil
}

// maxTableHeading bounds the text (bytes) of a table's heading cell.
const maxTableHeading = 120

// tableHeading returns the heading of table t: its <caption>, or the one
// cell of its first row when that row has no other cell (a forum's "Similar
// Threads" bar, vBulletin's td.tcat spanning the columns) and the cell is a
// short line: text and inline elements only (a collapse button's link and
// icon among them), at most maxTableHeading bytes. Else nil.
func tableHeading(t *html.Node) *html.Node {
	c := firstElement(t)
	if c != nil && c.DataAtom == atom.Caption {
		return c
	}
	if c != nil && (c.DataAtom == atom.Thead || c.DataAtom == atom.Tbody) {
		c = firstElement(c)
	}
	if c == nil || c.DataAtom != atom.Tr {
		return nil
	}
	return headingRow(c)
}

// headingRow returns the one cell of table row c when the row is a
// heading: a single cell of inline content and short text (as a table
// layout's section heading "■ 出品中のその他の商品"), nil otherwise.
func headingRow(c *html.Node) *html.Node {
	var cell *html.Node
	for k := c.FirstChild; k != nil; k = k.NextSibling {
		if k.Type != html.ElementNode {
			continue
		}
		if cell != nil || (k.DataAtom != atom.Td && k.DataAtom != atom.Th) {
			return nil
		}
		cell = k
	}
	if cell == nil {
		return nil
	}
	inline := true
	walkNodes(cell, func(k *html.Node) bool {
		if inline && k != cell && k.Type == html.ElementNode && (docBlocks[k.DataAtom] || blockElement[k.Data]) {
			inline = false
		}
		return inline
	})
	if !inline {
		return nil
	}
	if text := boundedText(cell, 1024); strings.TrimSpace(text) == "" || len(collapseSpace(text)) > maxTableHeading {
		return nil
	}
	return cell
}

// firstElement returns n's first child element, nil when text comes first.
func firstElement(n *html.Node) *html.Node {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			return c
		}
		if c.Type == html.TextNode && strings.TrimSpace(c.Data) != "" {
			return nil
		}
	}
	return nil
}

// linkStats are the text and link counts of a node and its descendants,
// hidden elements and elements that show no text left out (links are all
// counted).
type linkStats struct {
	links     int // <a href> elements, hidden ones too
	text      int // bytes of text, white space trimmed from each text node
	shown     int // text, plus the target of each contact link (linkDense)
	linked    int // text inside a link that is no contact link, or inside one in such a link (linkDense)
	inLink    int // text whose nearest enclosing link is in the subtree
	nearest   int // inLink whose nearest enclosing link is no contact link (linkList)
	childNear int // nearest of the children alone: nearest less what n itself links, if n is a link
}

// linkStats returns n's link statistics, computing those of its
// descendants it does not know yet. Those of elements with element
// children are kept (a text node or a leaf element is read again faster
// than it is looked up).
func (pi *pageInfo) linkStats(n *html.Node) linkStats {
	var st linkStats
	switch n.Type {
	case html.TextNode:
		k := len(strings.TrimSpace(n.Data))
		st.text, st.shown = k, k
		return st
	case html.ElementNode, html.DocumentNode:
	default:
		return st
	}
	if st, ok := pi.links[n]; ok {
		return st
	}
	inner := false
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		inner = inner || c.Type == html.ElementNode
		cs := pi.linkStats(c)
		st.links += cs.links
		st.text += cs.text
		st.shown += cs.shown
		st.linked += cs.linked
		st.inLink += cs.inLink
		st.nearest += cs.nearest
	}
	card := n.Type == html.ElementNode && customLink(n)
	if n.Type == html.ElementNode && n.DataAtom == atom.A {
		if _, ok := attrLookup(n, "href"); ok {
			st.links++
		}
	} else if card {
		st.links++
	}
	switch {
	case n.Type == html.ElementNode && (skipElements[n.DataAtom] || isHiddenNode(n)):
		st = linkStats{links: st.links}
	case n.Type == html.ElementNode && (n.DataAtom == atom.A || card):
		st.childNear = st.nearest
		if contact := contactOf(n); contact != "" {
			// The seller's details, not navigation; an icon button
			// reads as its target.
			st.shown += len(contact)
		} else {
			st.linked = st.text
			st.nearest += st.text - st.inLink
		}
		st.inLink = st.text
	default:
		st.childNear = st.nearest
	}
	if inner {
		pi.links[n] = st
	}
	return st
}

// linkDense reports whether at least half of n's visible text is link text
// (a menu, a list of links).
func (pi *pageInfo) linkDense(n *html.Node) bool {
	st := pi.linkStats(n)
	return st.shown > 0 && st.linked*2 >= st.shown
}

// isColumn reports whether n is a layout column: a table cell, or an element
// whose class or id calls it a column.
func isColumn(n *html.Node) bool {
	if n.DataAtom == atom.Td || n.DataAtom == atom.Th {
		return true
	}
	for _, t := range classTokens(n) {
		switch t {
		case "col", "column", "left", "right", "leftcol", "rightcol", "left-column", "right-column", "leftcolumn", "rightcolumn", "side-col",
			"side", "sidecol", "side-column", "sidecolumn", "leftside", "rightside", "left-side", "right-side", "sidebar",
			"side-bar", "sidemenu", "side-menu", "sidenav", "side-nav", "subcol", "sub-col", "subcolumn":
			return true
		}
	}
	return false
}

// linkList reports whether n is a list of links: at least four, and at
// least three quarters of its text (n's own link aside, if it is one).
func (pi *pageInfo) linkList(n *html.Node) bool {
	st := pi.linkStats(n)
	return st.links >= 4 && st.text > 0 && st.childNear*4 >= st.text*3
}

// contactHosts are messenger link hosts; a link to one is a contact.
var contactHosts = []string{"t.me/", "telegram.me/", "telegram.dog/", "wa.me/", "api.whatsapp.com/send", "chat.whatsapp.com/",
	"signal.me/", "threema.id/", "wickr.me/", "wickr.com/u/", "line.me/", "u.wechat.com/", "qm.qq.com/"}

// contactOf returns the contact a link stands for: the messenger link
// (scheme and "www." dropped), the address of a mailto: link, the number of
// a tel:, sms: or whatsapp: link; "" for other links and for share links.
func contactOf(a *html.Node) string {
	href := strings.TrimSpace(attrOf(a, "href"))
	l := strings.ToLower(href)
	for _, p := range []string{"mailto:", "tel:", "sms:", "whatsapp://send?phone=", "viber://chat?number=", "skype:"} {
		if strings.HasPrefix(l, p) {
			v := href[len(p):]
			if i := strings.IndexAny(v, "?&"); i >= 0 {
				v = v[:i]
			}
			if v = strings.TrimSpace(v); v == "" || strings.ContainsAny(v, "<>\"") {
				return ""
			}
			switch p {
			case "whatsapp://send?phone=":
				return "wa.me/" + v
			case "skype:":
				return "skype: " + v
			}
			return v
		}
	}
	for _, p := range []string{"https://", "http://", "//"} {
		l = strings.TrimPrefix(l, p)
	}
	l = strings.TrimPrefix(l, "www.")
	for _, h := range contactHosts {
		if strings.HasPrefix(l, h) && len(l) > len(h) && !strings.HasPrefix(l[len(h):], "share") {
			if i := strings.IndexAny(l, "#"); i >= 0 {
				l = l[:i]
			}
			if strings.ContainsAny(l, " <>\"") {
				return ""
			}
			return l
		}
	}
	return ""
}

// mainAnchor returns the page's main heading, the first of:
//   - the first visible <h1> inside <main>, role=main or <article>;
//   - the first visible <h1> outside navigation, page chrome and related
//     blocks;
//   - the first visible <h1> outside navigation;
//   - the first visible <h2> outside navigation, page chrome and related
//     blocks;
//   - the first <h1>, even if hidden;
//   - the <main> (or role=main, or first <article>) element itself.
//
// It is nil when the page has none of these.
func (pi *pageInfo) mainAnchor(body *html.Node) *html.Node {
	var mains []*html.Node
	walkNodes(body, func(n *html.Node) bool {
		if n.Type == html.ElementNode && (n.DataAtom == atom.Main || strings.EqualFold(attrOf(n, "role"), "main") || n.DataAtom == atom.Article) {
			mains = append(mains, n)
		}
		return true
	})
	for _, m := range mains {
		if h := pi.visibleHeading(m, atom.H1, false, false); h != nil {
			return h
		}
	}
	if h := pi.visibleHeading(body, atom.H1, true, false); h != nil {
		return h
	}
	for _, m := range mains {
		if m.DataAtom == atom.Main || strings.EqualFold(attrOf(m, "role"), "main") {
			// The page marks its main content, which has no <h1> (old
			// Reddit titles a post with a link): an <h1> in the chrome
			// beside it is the site's (the subreddit's name).
			if h := pi.visibleHeading(m, atom.H2, true, false); h != nil {
				return h
			}
			return m
		}
	}
	if h := pi.visibleHeading(body, atom.H1, false, false); h != nil {
		// Inside something named like page chrome or a related block:
		// then that is where the offer is.
		return h
	}
	if h := pi.visibleHeading(body, atom.H2, true, false); h != nil {
		// Older pages title the offer with an <h2>.
		return h
	}
	if h := pi.visibleHeading(body, atom.H1, false, true); h != nil {
		// Hidden with all of the page around it (saved with a modal
		// open, or before a loader revealed it).
		return h
	}
	if len(mains) > 0 {
		return mains[0]
	}
	return nil
}

// visibleHeading returns the first visible, non-empty heading a under root
// outside navigation and, when skipChrome is set, outside page chrome and
// related blocks; a heading over an index of the page's own parts
// (indexHeading) is none.
func (pi *pageInfo) visibleHeading(root *html.Node, a atom.Atom, skipChrome, allowHidden bool) *html.Node {
	var found *html.Node
	walkNodes(root, func(n *html.Node) bool {
		if found != nil || n.Type != html.ElementNode {
			return found == nil
		}
		if skipElements[n.DataAtom] || (!allowHidden && isHiddenNode(n)) || isNavigation(n) {
			return false
		}
		if skipChrome && n.DataAtom != atom.Body && (pi.isRelated(n) || (isRegion(n) && n.DataAtom != atom.Header)) {
			return false
		}
		if n.DataAtom == a && hasText(n) {
			if pi.linkDense(n) && insideElement(n, atom.Header) {
				return false // the site's logo
			}
			if indexHeading(n) {
				return false // an index of the page's parts
			}
			found = n
			return false
		}
		return true
	})
	return found
}

// leadPhrases open a link to other content ("Read more: <a>…</a>"), as
// written before the link, lower-cased, without the colon.
var leadPhrases = wordSet(
	"read more", "read also", "also read", "read next", "see also", "related", "related story", "related stories",
	"related article", "related articles", "related content", "related link", "related links", "more on this",
	"more on this story", "more on this topic", "further reading", "recommended", "recommended reading", "must read",
	"don't miss", "do not miss", "you may also like",
	"lesen sie auch", "lesen sie mehr", "mehr zum thema", "auch interessant", "siehe auch", "passend dazu", "weiterlesen",
	"lire aussi", "à lire aussi", "a lire aussi", "lire également", "à lire également", "voir aussi", "sur le même sujet", "à lire",
	"lea también", "lee también", "leer más", "ver también", "te puede interesar", "también te puede interesar",
	"noticia relacionada", "noticias relacionadas", "relacionado", "relacionada", "relacionados",
	"leggi anche", "leggi di più", "vedi anche", "potrebbe interessarti", "approfondisci", "articoli correlati",
	"leia também", "leia mais", "veja também", "veja mais", "saiba mais", "notícia relacionada",
	"lees ook", "lees meer", "zie ook", "meer over dit onderwerp",
	"czytaj też", "czytaj także", "czytaj również", "zobacz też", "zobacz także", "zobacz również",
	"przeczytaj też", "przeczytaj także", "przeczytaj również",
	"читайте также", "читать также", "см. также", "смотрите также", "по теме", "читайте по теме", "читайте ещё",
	"читайте еще", "читайте також", "дивіться також",
	"ayrıca okuyun", "bunu da okuyun", "ilgili haber", "ilgili haberler", "daha fazla oku",
	"延伸阅读", "延伸閱讀", "相关阅读", "相關閱讀", "相关链接", "相關連結", "推荐阅读", "推薦閱讀", "相关文章", "相關文章",
	"相关新闻", "相關新聞", "阅读更多", "另见",
	"あわせて読みたい", "合わせて読みたい", "関連記事", "こちらもおすすめ",
	"함께 읽기", "관련 기사", "관련기사", "더 읽기", "함께 보면 좋은 기사",
	"baca juga", "lihat juga", "berita terkait", "artikel terkait",
	"đọc thêm", "xem thêm", "tin liên quan", "bài liên quan",
	"อ่านเพิ่มเติม", "อ่านต่อ", "ข่าวที่เกี่ยวข้อง", "ดูเพิ่มเติม",
	"اقرأ أيضا", "اقرأ أيضاً", "اقرأ المزيد", "انظر أيضا", "انظر أيضاً", "ذات صلة", "مقالات ذات صلة",
)

// maxLeadText bounds the text outside the links of a "Read more:" line.
const maxLeadText = 80

// leadLink reports whether n is a line linking to other content: links
// (none of them a contact) whose only text besides is a lead phrase such as
// "Read more:", "See also", "Lire aussi" or "延伸阅读" (a news story's
// inline promo for another story, a related link).
func (pi *pageInfo) leadLink(n *html.Node) bool {
	st := pi.linkStats(n)
	outside := st.text - st.inLink
	if st.links == 0 || st.inLink == 0 || st.nearest != st.inLink || outside <= 0 || outside > maxLeadText {
		return false
	}
	// The text outside the links, read from at most maxBoundedNodes
	// nodes (skipped ones counted: a block of thousands of links has no
	// lead to find).
	var b strings.Builder
	nodes := 0
	var walk func(c *html.Node) bool // false: stop
	walk = func(c *html.Node) bool {
		if nodes++; nodes > maxBoundedNodes || b.Len() > maxLeadText {
			return false
		}
		switch {
		case c.Type == html.TextNode:
			b.WriteString(c.Data)
			b.WriteByte(' ')
			return true
		case c.Type == html.ElementNode && (c.DataAtom == atom.A || skipElements[c.DataAtom] || isHiddenNode(c)):
			return true
		}
		for cc := c.FirstChild; cc != nil; cc = cc.NextSibling {
			if !walk(cc) {
				return false
			}
		}
		return true
	}
	if !walk(n) {
		return false
	}
	lead := strings.ToLower(collapseSpace(b.String()))
	lead = strings.TrimRightFunc(strings.TrimLeftFunc(lead, unicode.IsPunct), func(r rune) bool {
		return unicode.IsPunct(r) || unicode.IsSymbol(r) || isHTMLSpace(r)
	})
	lead = strings.TrimLeftFunc(lead, func(r rune) bool { return unicode.IsSymbol(r) || isHTMLSpace(r) })
	return leadPhrases[lead]
}

// noticeTokens name, alone, a site's safety tips, scam warning or
// prohibited-items notice in class and id words.
var noticeTokens = wordSet("safetytips", "safety-tips", "safety_tips", "securitytips", "security-tips", "safetyhints",
	"safetyadvice", "safety-advice", "staysafe", "stay-safe", "safetrade", "safe-trade", "safetrading", "safe-trading",
	"scam", "scams", "antiscam", "anti-scam", "scamwarning", "scam-warning", "scamalert", "fraud", "antifraud", "anti-fraud",
	"fraudwarning", "fraud-warning", "fraudalert", "prohibited", "prohibited-items", "forbidden-items", "sicherheitshinweise",
	"sicherheitstipps", "veiligheidstips", "handlatryggt", "handla-tryggt", "sakerhetstips", "sikkerhedstips",
	"sikkerhetstips", "turvallisuusvinkit", "biztonsagitippek",
	// "prohibited" in the class words of sites in other languages.
	"zakazane", "zakazano", "zapreshcheno", "zapreshchennye", "verboten", "verbotene", "interdit", "interdits", "prohibidos",
	"proibidos", "vietati", "zabronione", "yasakli", "verboden", "tiltott", "interzise", "jinzhi", "weijin")

// noticeSafety and noticeTips name such a notice together: a safety word
// and a tips word among the words of one class or id ("dicas-seguranca",
// "safety_box_tips").
var (
	noticeSafety = wordSet("safety", "safe", "security", "seguranca", "seguridad", "securite", "sicherheit", "sicurezza",
		"bezpieczenstwo", "guvenlik", "veiligheid", "bezopasnost", "anquan", "keamanan", "trygg", "tryggt", "trygt",
		"sakerhet", "sakerhets", "sikkerhed", "sikkerheds", "sikkerhet", "sikkerhets", "turvallisuus", "turvallinen", "biztonsag", "biztonsagi", "bezpecnost",
		"bezpecnostni", "siguranta", "sigurnost", "asfaleia", "anzen")
	noticeTips = wordSet("tips", "tip", "hints", "advice", "dicas", "consejos", "conseils", "consigli", "hinweise", "tipps",
		"wskazowki", "porady", "sovety", "ipuclari", "tishi", "rad", "raad", "rade", "vinkit", "neuvot", "tippek",
		"tanacsok", "rady", "tipy", "sfaturi", "savjeti", "saveti", "symvoules")
)

// noticePhrases head a site's safety tips, scam warning or
// prohibited-items notice, lower-cased.
var noticePhrases = []string{
	"safety tip", "safety advice", "stay safe", "security tip", "safe trading", "trade safely", "buy safely", "shop safely",
	"tips for safe", "tips for a safe", "avoid scam", "avoid fraud", "beware of scam", "beware of fraud", "scam alert",
	"fraud alert", "scam warning", "fraud warning", "prohibited items", "prohibited products",
	"sicherheitshinweis", "sicherheitstipp", "sicher handeln", "sicher kaufen", "vorsicht vor betrug", "verbotene artikel",
	"dicas de segurança", "dicas de seguranca", "negocie com segurança", "evite golpes", "cuidado com golpes", "itens proibidos",
	"consejos de seguridad", "compra segura", "evita estafas", "evita fraudes", "cuidado con las estafas", "artículos prohibidos",
	"conseils de sécurité", "conseils de securite", "évitez les arnaques", "attention aux arnaques", "objets interdits",
	"consigli per la sicurezza", "consigli di sicurezza", "consigli per la tua sicurezza", "evita le truffe", "articoli vietati",
	"wskazówki bezpieczeństwa", "wskazowki bezpieczenstwa", "porady bezpieczeństwa", "bezpieczne zakupy", "uważaj na oszustów",
	"przedmioty zabronione",
	"советы по безопасности", "безопасная сделка", "осторожно, мошенники", "осторожно мошенники", "остерегайтесь мошенников",
	"запрещённые товары", "запрещенные товары", "поради з безпеки", "обережно, шахраї", "безпечна угода",
	"güvenlik ipuçları", "guvenlik ipuclari", "güvenli alışveriş", "dolandırıcılara dikkat", "yasaklı ürünler",
	"veiligheidstips", "veilig handelen", "veilig kopen", "pas op voor oplichting", "verboden artikelen",
	"bezpečnostní tipy", "sfaturi de siguranță", "συμβουλές ασφαλείας",
	"安全提示", "安全交易", "交易安全", "防骗", "防騙", "防诈骗", "防詐騙", "谨防诈骗", "謹防詐騙", "禁售",
	"安全な取引", "詐欺に注意", "取引の注意", "안전거래", "안전 거래", "사기 주의", "사기주의",
	"tips keamanan", "tips aman", "hindari penipuan", "waspada penipuan",
	"mẹo an toàn", "lời khuyên an toàn", "giao dịch an toàn", "cảnh giác lừa đảo", "tránh lừa đảo",
	"เคล็ดลับความปลอดภัย", "ระวังมิจฉาชีพ", "ซื้อขายอย่างปลอดภัย",
	"نصائح الأمان", "نصائح السلامة", "نصائح للأمان", "احذر من الاحتيال",
	// "Be careful" boxes (OLX's "Будьте обережні"), language by
	// language; a product's own "be careful" speaks of no trade and
	// stays.
	"be careful", "be safe", "buy with confidence", "будьте обережні", "будьте уважні", "будьте осторожны",
	"будьте бдительны", "будьте внимательны", "seien sie vorsichtig", "sei vorsichtig", "soyez prudent", "soyez vigilant",
	"ten cuidado", "tenga cuidado", "sé precavido", "fai attenzione", "state attenti", "tenha cuidado", "fique atento",
	"bądź ostrożny", "zachowaj ostrożność", "dikkatli olun", "wees voorzichtig", "buďte opatrní", "fiți atenți",
	"legyen óvatos", "να είστε προσεκτικοί", "请注意安全", "小心受骗", "小心受騙", "ご注意ください", "주의하세요",
	"hati-hati", "hãy cẩn thận", "โปรดระวัง", "كن حذرا", "كن حذراً",
	// Safety tips in languages not above (Swedish, Danish, Norwegian,
	// Finnish, Hebrew, Hungarian, Czech, Slovak, Romanian, Bulgarian,
	// Croatian, Serbian, Persian, Hindi) and other wordings of the
	// above (h10: Blocket's "Handla tryggt", Yad2's "טיפים לקנייה בטוחה").
	"handla tryggt", "handla säkert", "köp tryggt", "säkerhetstips", "tips för säker", "undvik bedrägerier",
	"se upp för bedrägerier", "handl trygt", "handle trygt", "køb trygt", "kjøp trygt", "sikkerhedstips",
	"sikkerhetstips", "undgå svindel", "unngå svindel", "trygg handel", "tryg handel", "turvallisuusvinkit",
	"turvallinen kauppa", "osta turvallisesti", "vältä huijauksia", "varo huijareita",
	"טיפים לקנייה בטוחה", "טיפים לקניה בטוחה", "קנייה בטוחה", "קניה בטוחה", "טיפים לבטיחות", "טיפים לעסקה בטוחה",
	"עסקה בטוחה", "היזהרו מהונאות", "הזהרו מהונאות", "היזהרו מרמאים", "פריטים אסורים",
	"biztonsági tippek", "biztonságos vásárlás", "óvakodjon a csalóktól", "bezpečný nákup", "nakupujte bezpečně",
	"bezpečnostné tipy", "cumpără în siguranță", "cumpara in siguranta", "съвети за безопасност",
	"безопасно пазаруване", "sigurnosni savjeti", "savjeti za sigurnost", "saveti za bezbednost",
	"sigurna kupovina", "поради щодо безпеки", "безпечні покупки", "безопасные покупки", "güvenli alışveriş ipuçları",
	"نکات ایمنی", "خرید امن", "معامله امن", "هشدار کلاهبرداری", "مراقب کلاهبرداری", "सुरक्षा सुझाव",
	"सुरक्षित खरीदारी", "धोखाधड़ी से बचें", "安全购物", "安全購物", "交易提醒", "安全にお取引", "安全なお取引",
	"안전한 거래", "안전 거래 팁", "안전거래 팁", "안전한 구매", "belanja aman", "transaksi aman", "mua bán an toàn",
	"ασφαλείς αγορές", "ασφαλής συναλλαγή",
	// Safety tips and warnings in Georgian, Armenian, Amharic, Mongolian,
	// Sinhala, Khmer and Burmese (document batch h14).
	"უსაფრთხოების რჩევები", "უსაფრთხოების წესები", "անվտանգության խորհուրդներ", "զգուշացում", "የደህንነት ምክሮች",
	"ደህንነት ምክሮች", "аюулгүй байдлын зөвлөмж", "анхааруулга", "ආරක්ෂිත ඉඟි", "ආරක්ෂක ඉඟි", "គន្លឹះសុវត្ថិភាព",
	"လုံခြုံရေး အကြံပြုချက်",
	// Swahili (document batch h15).
	"vidokezo vya usalama", "ushauri wa usalama", "jihadhari na matapeli",
}

// prohibitedPhrases open a site's rule on what may not be advertised
// ("Prohibited items: …", "Zakázané inzeráty: …", "Запрещено размещать
// объявления о продаже …"), lower-cased. Each names listings, ads or
// goods that the site forbids, not a seller's own restriction ("not for
// sale to minors").
var prohibitedPhrases = []string{
	"prohibited items", "prohibited listings", "prohibited ads", "prohibited advertisements", "prohibited products",
	"prohibited goods", "forbidden items", "forbidden listings", "forbidden ads", "forbidden products", "forbidden goods",
	"it is prohibited to post", "it is forbidden to post", "it is prohibited to advertise", "it is forbidden to advertise",
	"it is prohibited to list", "it is forbidden to list", "posting ads for", "ads for the following are not allowed",
	"zakázané inzeráty", "zakázané zboží", "zakázané předměty", "zakázané tovary", "zakázané výrobky",
	"je zakázáno inzerovat", "je zakázáno vkládat", "je zakázané inzerovať",
	"запрещено размещать", "запрещено публиковать", "запрещается размещать", "запрещается публиковать",
	"запрещены объявления", "запрещённые объявления", "запрещенные объявления", "запрещённые товары",
	"запрещенные товары", "запрещённые к продаже", "запрещенные к продаже", "заборонено розміщувати",
	"заборонено публікувати", "заборонені товари", "заборонені оголошення",
	"verbotene artikel", "verbotene anzeigen", "verbotene produkte", "verbotene waren", "nicht erlaubt sind anzeigen",
	"articles interdits", "annonces interdites", "produits interdits", "objets interdits", "il est interdit de publier",
	"il est interdit de déposer", "artículos prohibidos", "anuncios prohibidos", "productos prohibidos",
	"está prohibido publicar", "se prohíbe publicar", "prohibido publicar", "itens proibidos", "anúncios proibidos",
	"produtos proibidos", "é proibido anunciar", "é proibido publicar", "articoli vietati", "annunci vietati",
	"prodotti vietati", "è vietato pubblicare", "è vietato inserire", "przedmioty zabronione", "zabronione przedmioty",
	"ogłoszenia zabronione", "zabronione ogłoszenia", "zabronione jest zamieszczanie", "zakazane ogłoszenia",
	"yasaklı ürünler", "yasaklı ilanlar", "verboden artikelen", "verboden advertenties", "verboden producten",
	"tiltott termékek", "tiltott hirdetések", "produse interzise", "anunțuri interzise", "απαγορευμένα προϊόντα",
	"απαγορευμένες αγγελίες", "禁售", "禁止发布", "禁止發布", "违禁品", "違禁品", "出品禁止", "禁止されている出品",
	"판매 금지 품목", "금지 품목", "거래 금지 품목", "barang terlarang", "iklan terlarang", "dilarang memasang iklan",
	"hàng cấm", "cấm đăng", "tin đăng bị cấm", "สินค้าต้องห้าม", "ห้ามลงประกาศ", "ห้ามโพสต์ขาย", "ห้ามโพสต์", "المنتجات الممنوعة",
	"الإعلانات الممنوعة", "يمنع نشر", "يُمنع نشر", "کالاهای ممنوعه", "آگهی‌های ممنوعه", "آگهی های ممنوعه",
	"प्रतिबंधित वस्तुएं", "प्रतिबंधित विज्ञापन",
	// Georgian, Armenian, Amharic, Mongolian (document batch h14).
	"აკრძალულია განცხადებები", "აკრძალული განცხადებები", "აკრძალული საქონელი", "արգելվում են հայտարարություններ",
	"արգելված ապրանքներ", "የተከለከሉ እቃዎች", "хориглосон бараа", "хориотой бараа",
}

// prohibitedLine reports whether n is one line or paragraph of text (a
// block holding no other block) that opens with a site's rule on what may
// not be advertised: a footer's "Prohibited items: …", which names the
// substances the site forbids, not ones the ad offers.
func prohibitedLine(n *html.Node) bool {
	if !docBlocks[n.DataAtom] && n.DataAtom != atom.Center && n.DataAtom != atom.Td || !leafBlock(n) {
		return false
	}
	s := strings.ToLower(collapseSpace(boundedText(n, 200)))
	s = strings.TrimLeftFunc(s, func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) || isHTMLSpace(r) })
	if prohibitedPrefix(s) {
		return true
	}
	// A short label first ("Notice: it is forbidden to post …", Thai
	// "ประกาศ: ห้ามโพสต์ขาย …"): the rule follows it.
	if i := strings.IndexAny(s, ":："); i > 0 && i <= 40 && strings.Count(s[:i], " ") <= 2 {
		_, w := utf8.DecodeRuneInString(s[i:])
		return prohibitedPrefix(strings.TrimLeftFunc(s[i+w:], isHTMLSpace))
	}
	return false
}

// prohibitedPrefix reports whether lower-cased s opens with one of
// prohibitedPhrases.
func prohibitedPrefix(s string) bool {
	for _, p := range prohibitedPhrases {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// tradeCues are what a site's trading-safety notice speaks of (paying,
// meeting, fraud, prohibited goods, sellers and buyers) and a product's
// own safety information (hazards, handling) does not, lower-cased; each
// starts a word (the CJK and Thai ones match anywhere).
var tradeCues = []string{
	"payment", "pay in advance", "pay by", "never pay", "prepay", "advance payment", "upfront", "wire", "money", "meet",
	"face-to-face", "in person", "public place", "scam", "fraud", "prohibited", "forbidden", "seller", "buyer", "deal locally",
	"zahl", "überweis", "vorkasse", "im voraus", "treff", "betrug", "verboten", "unbekannt", "verkäufer", "käufer",
	"pagamento", "pague", "golpe", "proibid", "vendedor", "comprador", "encontr", "antecipad", "desconfie",
	"pago", "estafa", "fraude", "prohibid", "por adelantado",
	"paiement", "payez", "arnaque", "escroq", "interdit", "vendeur", "acheteur", "rencontr", "virement",
	"pagament", "pagare", "truff", "vietat", "venditore", "acquirente", "incontr", "bonifico",
	"płat", "zapłat", "przelew", "oszust", "zabronion", "sprzedając", "kupując", "spotka",
	"оплат", "предоплат", "перевод", "мошен", "запрещ", "продав", "покупат", "встреч", "деньг", "шахра", "заборон",
	"ödeme", "havale", "dolandır", "yasak", "satıcı", "alıcı", "buluş",
	"betaal", "betaling", "oplicht", "verboden", "verkoper", "koper", "vooruit",
	"platb", "podvod", "zakázan", "prodávající", "plată", "înșel", "interzis", "πληρωμ", "απάτη", "απαγορ",
	"付款", "支付", "汇款", "匯款", "转账", "轉帳", "诈骗", "詐騙", "骗", "禁止", "卖家", "买家", "賣家", "買家", "定金",
	"支払", "振込", "詐欺", "出品者", "購入者", "결제", "입금", "송금", "사기", "금지", "판매자", "구매자",
	"bayar", "transfer", "penipu", "dilarang", "penjual", "pembeli",
	"thanh toán", "chuyển khoản", "lừa đảo", "cấm", "người bán", "người mua",
	"โอน", "ชำระ", "มิจฉาชีพ", "โกง", "ห้าม", "ผู้ขาย",
	"الدفع", "ادفع", "تحويل", "احتيال", "نصب", "ممنوع", "البائع", "المشتري",
	// Swedish, Danish, Norwegian, Finnish, Hebrew, Hungarian, Persian,
	// Hindi, Bulgarian, Croatian and Serbian.
	"betal", "förskott", "i förväg", "pengar", "swish", "penge", "på forhånd", "bedrag", "bedräg", "förbjud", "säljare", "köpare", "tillåter inte", "träff", "forskud",
	"svindel", "forbud", "sælger", "køber", "selger", "kjøper", "maksa", "ennakko", "huijau", "huijar", "petos",
	"kielle", "myyjä", "ostaja", "tapaa",
	"תשלום", "לשלם", "שלמו", "תשלמו", "הונא", "רמא", "אסור", "אין לפרסם", "מוכר", "קונה", "העבר", "מקדמה", "פגישה",
	"fizet", "előre", "csal", "tilos", "eladó", "vevő", "átutal",
	"پرداخت", "کلاهبردار", "فروشنده", "خریدار", "भुगतान", "धोखा", "प्रतिबंधित", "विक्रेता", "खरीदार",
	"плащ", "измам", "забран", "продавач", "купувач", "plaćanj", "placanj", "uplat", "prevar", "zabranjen", "prodavač",
	"kupac", "плаћањ", "превар", "забрањен",
	// Georgian, Armenian, Amharic, Mongolian, Sinhala, Khmer and Burmese
	// (document batch h14).
	"გადახდ", "გადაიხდ", "წინასწარ", "აკრძალ", "გამყიდველ", "მყიდველ", "თაღლით", "վճար", "կանխավճար", "արգել",
	"վաճառող", "գնորդ", "խարդախ", "ክፍያ", "ገንዘብ", "የተከለከለ", "ሻጭ", "ገዢ", "ማጭበርበ", "төлбөр", "мөнгө", "урьдчил",
	"хориглоно", "хориотой", "худалдагч", "луйвар", "ගෙවීම", "මුදල්", "වංචා", "තහනම්", "විකුණුම්කරු", "ការទូទាត់",
	"បង់ប្រាក់", "បោកប្រាស់", "ហាមឃាត់", "អ្នកលក់", "ငွေပေးချေ", "လိမ်လည်", "တားမြစ်", "ရောင်းသူ",
	// Swahili (document batch h15).
	"usilipe", "kulipa", "malipo", "lipa", "hairuhusu", "marufuku", "tapeli", "utapeli", "muuzaji", "mnunuzi",
}

// maxNoticeText bounds the text of a site notice: a few tips, not the page.
const maxNoticeText = 2000

// siteNotice reports whether n is a site's safety tips, scam warning or
// prohibited-items notice ("Safety tips", "Sicherheitshinweise", "Dicas de
// segurança"): named so by a class or id, aria-label or its heading, at
// most maxNoticeText bytes long, and speaking of paying, meeting, fraud or
// prohibited goods. It is the site's boilerplate, beside or under the ad
// even in its column, and its list of prohibited products is no part of
// the listing. A product's own safety information (hazards, handling) is
// not such a notice; the caller keeps one in the seller's own text
// (ownText) in any case.
//
// A community's rules box saying what may not be sold or posted (rulesBox:
// a forum topic's rules, a chat channel's purpose) is such a notice too.
//
// quiet reports a block so named, short enough, that speaks of none of
// these: nothing it holds is such a notice either.
func (pi *pageInfo) siteNotice(n *html.Node) (notice, quiet bool) {
	// weak: a lone safety word in the class, id, a data- attribute or
	// the aria-label ("tm-safety", aria-label="safety"), or a heading
	// that is only a warning sign ("⚠"), names a site notice only when
	// its text speaks in the site's voice (siteVoiceNotice).
	// A print view's repeated header or footer (printFrame) is the
	// site's, as weakly named as a box classed "safety".
	named, weak, rulesHead := false, pi.printFrame(n), false
	for _, t := range classTokens(n) {
		if noticeTokens[t] {
			named = true
			break
		}
	}
	if !named {
		for _, key := range []string{"class", "id"} {
			for _, c := range strings.Fields(classAttr(n, key)) {
				safety, tips := false, false
				for _, w := range attrWords(c) {
					safety = safety || noticeSafety[w]
					tips = tips || noticeTips[w]
				}
				named = named || (safety && tips)
				weak = weak || safety || warnWord(c)
			}
		}
	}
	if !named {
		// Test hooks and tracking names ("data-q=safety-tips",
		// data-testid="safety-tips") name the block as its class would.
		for _, a := range n.Attr {
			if named || !strings.HasPrefix(a.Key, "data-") || len(a.Val) > 64 {
				continue
			}
			safety, tips := false, false
			for _, w := range attrWords(a.Val) {
				safety = safety || noticeSafety[w]
				tips = tips || noticeTips[w]
			}
			named = noticeTokens[strings.ToLower(a.Val)] || (safety && tips)
			weak = weak || safety
		}
	}
	if !named {
		label := attrOf(n, "aria-label")
		named = noticePhrase(label)
		if !named && !weak && len(label) <= 64 {
			for _, w := range attrWords(label) {
				weak = weak || noticeSafety[w]
			}
		}
	}
	if !named {
		h := firstHeading(n)
		if h == nil {
			h = leadLine(n)
		}
		if h != nil {
			head := boundedText(h, 200)
			named = noticePhrase(head)
			weak = weak || warningSign(head)
			rulesHead = !named && rulesHeading(h, head)
		}
	}
	if !named {
		named = prohibitedLine(n)
	}
	if !named {
		// A community's rules box saying what may not be sold or
		// posted (a forum topic's rules, a chat channel's purpose);
		// named by its heading alone, weakly.
		byClass := rulesClass(n)
		if (byClass || rulesHead) && pi.rulesBox(n, !byClass) {
			return true, false
		}
	}
	if !named && weak {
		if pi.linkStats(n).text > maxWeakNotice {
			return false, false
		}
		return siteVoiceNotice(strings.ToLower(spacedText(n, maxWeakNotice))), false
	}
	if !named || pi.linkStats(n).text > maxNoticeText {
		return false, false
	}
	notice = holdsCue(strings.ToLower(spacedText(n, maxNoticeText)), tradeCues)
	return notice, !notice
}

// warnWords name, in a class or id word, a warning or notice box: alone
// they say too little (a product's hazard warning is one), so they name a
// site notice only weakly ("warn", "un-notice", document batch h14).
var warnWords = wordSet("warn", "warning", "warnings", "notice", "alert", "caution", "attention", "disclaimer")

// warnWord reports whether a class or id word holds one of warnWords as a
// word of its own ("warn", "un-notice", "alert-warning").
func warnWord(c string) bool {
	if !holdsAny(strings.ToLower(c), warnWords) {
		// Most class words hold none: no need to split them.
		return false
	}
	for _, w := range attrWords(c) {
		if warnWords[w] {
			return true
		}
	}
	return false
}

// printFrame reports whether n is the <thead> or <tfoot> of a table whose
// <tbody> holds the main heading: a table laying out the whole page (a
// print view), whose head and foot the browser repeats on every printed
// page as the site's print header and footer ("Printed from …", the
// site's rules and address, document batch h14). They are page chrome
// like a <header> and <footer>, wherever the source puts them (a <tfoot>
// comes before the <tbody>).
func (pi *pageInfo) printFrame(n *html.Node) bool {
	if n.Type != html.ElementNode || (n.DataAtom != atom.Thead && n.DataAtom != atom.Tfoot) || n.Parent == nil ||
		n.Parent.DataAtom != atom.Table || pi.protected[n] {
		return false
	}
	for c := n.Parent.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom == atom.Tbody && pi.protected[c] {
			return true
		}
	}
	return false
}

// maxWeakNotice bounds the text of a block named a site notice only
// weakly (siteNotice): a box of a few lines.
const maxWeakNotice = 600

// warningSigns are the symbols a site's warning box may have for its
// only heading ("<h3>⚠</h3>").
const warningSigns = "⚠❗❕‼⛔🚨🛡🚫"

// warningSign reports whether a heading's text s is only warning signs
// (with punctuation, variation selectors and spaces): no word of its own.
func warningSign(s string) bool {
	sign := false
	for _, r := range s {
		switch {
		case strings.ContainsRune(warningSigns, r):
			sign = true
		case isHTMLSpace(r) || unicode.IsPunct(r) || unicode.Is(unicode.Variation_Selector, r) || r == '\u200d':
		default:
			return false
		}
	}
	return sign
}

// siteVoiceCues are what a marketplace's own warning says and a seller's
// text does not, lower-cased, each starting a word (the CJK ones match
// anywhere): paying or talking outside the site, "we never ask", its
// rules, scams and fraud, language by language (document batch h13:
// "Never pay outside the app … breaking our rules", "Wir verlangen nie",
// "оплачивайте только на сайте", "ödemeyi site dışında yapmayın").
var siteVoiceCues = []string{
	"never pay", "never send money", "never transfer", "never wire", "we never ask", "we will never ask", "we'll never ask",
	"outside the app", "outside the site", "outside the platform", "outside our", "off the platform", "off-platform",
	"off platform", "our rules", "our policies", "our terms", "against our", "violate our", "violates our", "stay safe",
	"deal within", "pay only", "only pay", "scam", "fraud",
	"betrug", "betrüger", "wir verlangen nie", "wir fragen nie", "zahlen sie nie", "niemals vorkasse", "außerhalb der plattform",
	"außerhalb von", "unsere regeln", "arnaque", "escroq", "ne payez jamais", "nous ne demandons jamais", "en dehors du site",
	"en dehors de la plateforme", "nos règles", "estafa", "fraude", "nunca pague", "nunca pagues", "nunca transfiera",
	"fuera de la plataforma", "fuera del sitio", "nuestras normas", "golpe", "fora da plataforma", "fora do site", "truff",
	"non pagare mai", "fuori dalla piattaforma", "oplicht", "vraagt nooit", "vragen nooit", "betaal nooit", "buiten het platform",
	"buiten de site", "oszust", "nigdy nie płać", "nigdy nie przelewaj", "poza platformą", "poza serwisem", "мошен",
	"никогда не переводите", "не переводите", "не оплачивайте", "только на сайте", "вне площадки", "вне сайта", "шахра",
	"ніколи не переказуйте", "не переказуйте", "лише на сайті", "dolandırıcı", "site dışında", "platform dışında",
	"uygulama dışında", "asla ödeme", "احتيال", "لا تحول", "لا تدفع", "خارج الموقع", "خارج التطبيق", "诈骗", "詐騙", "站外",
	"平台外", "切勿", "詐欺", "サイト外", "アプリ外", "사기", "외부 결제",
	// Georgian, Armenian, Amharic, Mongolian (document batch h14):
	// never pay in advance, we never ask, posting such ads is prohibited.
	"ნუ გადაიხდით", "არასდროს ითხოვს", "თაღლით", "երբեք կանխավճար", "կանխավճար մի", "արգելվում են հայտարարություններ",
	"խարդախ", "አስቀድመው አይላኩ", "ማጭበርበ", "урьдчилж мөнгө", "мөнгө шилжүүлэхгүй", "зар оруулахыг хориглоно", "луйвар",
}

// reportVerbs ask the reader to report something to the site; with a
// seller, listing or payment named (tradeCues, listingWords) the text is
// the site's ("Report listings offering medicine …", "satıcıları
// bildirin"), not a product's "report any spill to the fire service".
var reportVerbs = []string{"report", "melden sie", "bitte melden", "signalez", "signaler", "denuncia", "denuncie", "reporta",
	"segnala", "meld ", "zgłoś", "сообщите", "пожалуйтесь", "повідомте", "bildirin", "şikayet edin", "أبلغ", "ابلغ", "举报",
	"舉報", "通報", "신고"}

// listingWords name listings and ads, lower-cased, each starting a word.
var listingWords = []string{"listing", "ads", "advert", "offer", "anzeige", "inserat", "annonce", "anuncio", "annunci",
	"advertentie", "ogłosz", "объявлен", "оголош", "ilan", "إعلان", "الإعلان", "الاعلان", "广告", "廣告", "出品", "광고", "게시물"}

// siteVoiceNotice reports whether the lower-cased text of a block named
// a site notice only weakly speaks in the site's voice.
func siteVoiceNotice(text string) bool {
	if holdsCue(text, siteVoiceCues) {
		return true
	}
	return holdsCue(text, reportVerbs) && (holdsCue(text, listingWords) || holdsCue(text, tradeCues))
}

// spacedText is boundedText with a space after each text node: a heading
// and the paragraph after it ("Stay safe", "Never pay …") stay two words
// apart, so a cue starting the paragraph still starts a word.
func spacedText(n *html.Node, max int) string {
	return readText(n, max, true)
}

// holdsCue reports whether lower-cased text holds one of cues at the start
// of a word (anywhere, for a cue in a script without spaces).
func holdsCue(text string, cues []string) bool {
	for _, c := range cues {
		for i := 0; i < len(text); {
			j := strings.Index(text[i:], c)
			if j < 0 {
				break
			}
			j += i
			r, _ := utf8.DecodeLastRuneInString(text[:j])
			first, _ := utf8.DecodeRuneInString(c)
			if j == 0 || !unicode.IsLetter(r) || !spacedScript(first) {
				return true
			}
			i = j + 1
		}
	}
	return false
}

// spacedScript reports whether r is of a script that separates words with
// spaces (not Han, Kana, Hangul, Thai, Khmer, Burmese or Lao).
func spacedScript(r rune) bool {
	return !unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul, unicode.Thai, unicode.Khmer,
		unicode.Myanmar, unicode.Lao)
}

// noticePhrase reports whether a short text (a heading, a label) names a
// site's safety tips, scam warning or prohibited-items notice.
func noticePhrase(s string) bool {
	return shortTextHolds(s, noticePhrases) || shortTextHolds(s, prohibitedPhrases)
}

// ownTextTokens name the seller's or poster's own text in class and id
// words: a listing's description, a post's body.
var ownTextTokens = wordSet("description", "desc", "descr", "descricao", "descripcion", "beschreibung", "descrizione",
	"beschrijving", "opis", "opisanie", "aciklama", "deskripsi", "postingbody", "posting-body", "post-body", "postbody",
	"post-content", "post-message", "postmessage", "message-body", "messagebody", "bbwrapper", "cooked", "entry-content",
	"article-body", "articlebody", "user-content", "usercontent")

// ownText reports whether n holds the seller's or poster's own text: a
// description or post body, named so by its class or id or by
// itemprop=description, articleBody or text.
func ownText(n *html.Node) bool {
	switch strings.ToLower(attrOf(n, "itemprop")) {
	case "description", "articlebody", "text":
		return true
	}
	for _, t := range classTokens(n) {
		if ownTextTokens[t] {
			return true
		}
	}
	return false
}

// isMainLandmark reports whether n is <main>, role=main or <article>.
func isMainLandmark(n *html.Node) bool {
	return n.Type == html.ElementNode && (n.DataAtom == atom.Main || n.DataAtom == atom.Article || strings.EqualFold(attrOf(n, "role"), "main"))
}

// siteInfoTokens name a sidebar about the site or community in class and
// id words.
var siteInfoTokens = wordSet("community", "communities", "subreddit", "community-info", "communityinfo", "about-community",
	"community-rules", "forum-rules", "site-rules", "house-rules", "group-rules")

// siteInfoPhrases head or label a sidebar about the site or community (its
// description, rules and moderators), lower-cased.
var siteInfoPhrases = []string{
	"community", "communauté", "comunidad", "comunità", "comunidade", "gemeinschaft", "społeczność",
	"сообщество", "спільнота", "topluluk", "gemeenschap", "社区", "社區", "コミュニティ", "커뮤니티", "komunitas",
	"cộng đồng", "ชุมชน", "المجتمع", "about this forum", "about this group", "about the group", "about this subreddit",
	"forum rules", "site rules", "house rules", "group rules", "posting rules", "board rules", "règles du forum",
	"reglas del foro", "forenregeln", "regole del forum", "regras do fórum", "regulamin forum", "правила форума",
	"правила сообщества", "版规", "社区规则", "moderators", "модераторы",
}

// besideMain reports whether n is an <aside> or role=complementary (or,
// with named, a block named as a sidebar) outside the page's main content,
// on a page that marks one.
func (pi *pageInfo) besideMain(n *html.Node, named bool) bool {
	if pi.main == nil || (n.DataAtom != atom.Aside && !strings.EqualFold(attrOf(n, "role"), "complementary") && !(named && sidebarNamed(n))) {
		return false
	}
	for p := n.Parent; p != nil; p = p.Parent {
		if p == pi.main {
			return false
		}
	}
	return true
}

// siteInfo reports whether n is a sidebar about the site or community (a
// forum's description, rules and moderators) beside the main content: an
// <aside> or role=complementary outside the <main>, role=main or <article>
// holding the main heading, named so by its class, id, aria-label or first
// heading. A seller's box in an aside is not so named and stays.
func (pi *pageInfo) siteInfo(n *html.Node) bool {
	if !pi.besideMain(n, false) {
		return false
	}
	for _, t := range classTokens(n) {
		if siteInfoTokens[t] {
			return true
		}
	}
	if siteInfoPhrase(attrOf(n, "aria-label")) {
		return true
	}
	h := firstHeading(n)
	return h != nil && siteInfoPhrase(boundedText(h, 200))
}

// sellerTokens name the seller's or supplier's box, or the offer's buy
// box (price, cart), in class, id and aria-label words.
var sellerTokens = wordSet("buybox", "buy-box", "buy", "price", "prices", "pricing", "cart", "basket", "purchase", "order",
	"checkout", "offer", "offers", "product", "seller", "sellers", "supplier", "suppliers", "vendor", "vendors", "merchant", "shop", "store",
	"company", "contact", "contacts", "author", "profile", "member", "user", "poster", "owner", "agent", "dealer",
	"advertiser", "manufacturer", "verkaeufer", "verkäufer", "anbieter", "vendeur", "vendedor", "venditore",
	"sprzedawca", "prodavec", "prodejce", "продавец", "satici", "卖家", "商家", "供应商")

// maxAsideNodes bounds the nodes read to find the seller's details in an
// aside.
const maxAsideNodes = 4096

// asideOutsideMain reports whether n is an <aside> or role=complementary
// beside the <main>, role=main or <article> that holds the main heading
// (outside it), on a page that has one, holding none of the seller's
// details: the page marks its main content, and a box beside it (an
// ordering notice, a list of restricted products, the site's tips) is not
// the listing. A box naming the seller, supplier or shop or the offer's
// buy box (price, cart, order) by its class, id or label, or holding a
// contact (a contact link, an e-mail address or handle, a phone number, a
// messenger's name), is the offer's and stays.
func (pi *pageInfo) asideOutsideMain(n *html.Node) bool {
	if !pi.besideMain(n, true) {
		return false
	}
	nodes, seller := 0, false
	walkNodes(n, func(c *html.Node) bool {
		if nodes++; seller || nodes > maxAsideNodes {
			seller = true // too large to tell: kept
			return false
		}
		switch c.Type {
		case html.TextNode:
			seller = holdsContact(c.Data)
		case html.ElementNode:
			if c.DataAtom == atom.A && contactOf(c) != "" {
				seller = true
			}
			for _, t := range classTokens(c) {
				seller = seller || sellerTokens[t]
			}
			for _, w := range attrWords(attrOf(c, "aria-label")) {
				seller = seller || sellerTokens[w]
			}
		}
		return !seller
	})
	return !seller
}

// sidebarTokens name a sidebar in class and id words (old Reddit's
// div.side, a shop's #side column).
var sidebarTokens = wordSet("side", "sidebar", "side-bar", "sidecol", "side-col", "side-column", "sidecolumn", "leftside",
	"rightside", "left-side", "right-side", "sidemenu", "side-menu", "sidenav", "side-nav", "leftsidebar", "rightsidebar",
	"left-sidebar", "right-sidebar")

// sidebarNamed reports whether n's class or id, as a whole word, names it
// a sidebar: then beside the <main> it is an aside (asideOutsideMain).
func sidebarNamed(n *html.Node) bool {
	for _, key := range []string{"class", "id"} {
		for _, c := range strings.Fields(classAttr(n, key)) {
			if sidebarTokens[strings.ToLower(c)] {
				return true
			}
		}
	}
	return false
}

// contactWords name a way to reach the seller, lower-cased; each starts a
// word (the CJK ones match anywhere).
var contactWords = []string{"threema", "telegram", "whatsapp", "signal", "wickr", "session id", "wechat", "weixin", "viber",
	"skype", "icq", "jabber", "xmpp", "kakao", "line id", "e-mail", "email", "phone", "tel.", "tel:", "call us", "contact",
	"kontakt", "contacto", "contato", "contatto", "telefon", "телефон", "тел.", "связь", "微信", "电话", "電話", "联系", "聯繫", "연락"}

// holdsContact reports whether a text holds what looks like a contact: an
// e-mail address or handle ("@"), a phone number (seven digits or more in
// a run of digits, spaces, dots, dashes, brackets and slashes), or a
// messenger's name or a contact word ("Threema: …", "Phone").
func holdsContact(s string) bool { return contactIn(s, true) }

// contactIn is holdsContact, with '/' inside a phone number's run only
// when slash is set (a site notice's "273/2004" is a regulation, no phone).
func contactIn(s string, slash bool) bool {
	if strings.ContainsAny(s, "@＠") || holdsCue(strings.ToLower(s), contactWords) {
		return true
	}
	digits := 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			if digits++; digits >= 7 {
				return true
			}
		case r == ' ' || r == '-' || r == '.' || r == '(' || r == ')' || r == '+' || r == '/' && slash:
		default:
			digits = 0
		}
	}
	return false
}

// siteInfoPhrase reports whether a short text (a heading, a label) names a
// sidebar about the site or community.
func siteInfoPhrase(s string) bool { return shortTextHolds(s, siteInfoPhrases) }

// insideElement reports whether an ancestor of n is an element a.
func insideElement(n *html.Node, a atom.Atom) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Type == html.ElementNode && p.DataAtom == a {
			return true
		}
	}
	return false
}

// controlledIDs returns the ids that other elements show or hide: tab
// panels and collapsed sections (aria-controls, data-target,
// data-bs-target, href="#id").
func controlledIDs(root *html.Node) map[string]bool {
	ids := map[string]bool{}
	walkNodes(root, func(n *html.Node) bool {
		if n.Type != html.ElementNode {
			return true
		}
		for _, a := range n.Attr {
			switch a.Key {
			case "aria-controls", "aria-owns":
				for _, id := range strings.Fields(a.Val) {
					ids[id] = true
				}
			case "data-target", "data-bs-target", "href", "data-toggle-target", "data-tab":
				if id, ok := strings.CutPrefix(strings.TrimSpace(a.Val), "#"); ok && id != "" {
					ids[id] = true
				}
			case "onclick":
				if id := clickedID(a.Val); id != "" {
					ids[id] = true
				}
			}
		}
		return true
	})
	return ids
}

// maxClickHandler bounds the onclick handler read for the id it shows.
const maxClickHandler = 128

// clickedID returns the id a link's or button's onclick handler passes to
// a function as its only argument, "" when it passes none: a published
// spreadsheet's sheet menu shows each sheet, an element of that id, with
// onclick="switchToSheet('1204775903')" (document batch h17), as a tab
// list shows its panels. The argument is a quoted word (letters, digits,
// "-", "_", ":", ".") and the handler a single call.
func clickedID(v string) string {
	v = strings.TrimSpace(v)
	if len(v) > maxClickHandler {
		return ""
	}
	open := strings.IndexByte(v, '(')
	if open <= 0 || strings.ContainsAny(v[:open], " ;=") {
		return ""
	}
	arg, rest, ok := strings.Cut(v[open+1:], ")")
	// Nothing follows the call but a "return false" keeping the link
	// from being followed.
	rest = strings.Join(strings.FieldsFunc(rest, func(r rune) bool { return r == ';' || isHTMLSpace(r) }), " ")
	if !ok || rest != "" && rest != "return false" {
		return ""
	}
	arg = strings.TrimSpace(arg)
	if len(arg) < 3 || (arg[0] != '\'' && arg[0] != '"') || arg[len(arg)-1] != arg[0] {
		return ""
	}
	id := arg[1 : len(arg)-1]
	for i := 0; i < len(id); i++ {
		if c := id[i]; !isScriptIdent(c) && c != '-' && c != ':' && c != '.' {
			return ""
		}
	}
	return id
}

// maxShowScript bounds the bytes of one inline script read for the
// elements it shows, maxShowLookups the element lookups read in it, and
// maxShowReach how far after a lookup (bytes) the variable holding the
// element is looked for: the time taken stays linear in the script.
const (
	maxShowScript  = 256 << 10
	maxShowLookups = 64
	maxShowReach   = 2048
)

// elementByID finds an element looked up by id in a script
// (document.getElementById('x'), document.querySelector('#x')), with the
// variable it may be assigned to before it.
var elementByID = regexp.MustCompile(`(?:(?:var|let|const)\s+)?(?:([A-Za-z_$][\w$]*)\s*=\s*)?document\s*\.\s*(?:getElementById\(\s*['"]([\w:.-]+)['"]|querySelector\(\s*['"]#([\w-]+)['"])\s*\)`)

// showsVisible matches what sets an element's visibility to visible, after
// the element or its variable: ".style.visibility = 'visible'".
var showsVisible = regexp.MustCompile(`^\s*\.\s*style\s*\.\s*visibility\s*=\s*['"]visible['"]`)

// handlerCues, just before a function's body, make it an event handler:
// what it shows, it shows on a click, not as the page loads.
var handlerCues = []string{"addeventlistener", "onclick", "onmouse", "ontouch", "onkey", "onfocus", "onscroll", "onsubmit",
	"onchange", ".on(", ".click(", ".bind(", ".hover(", ".toggle("}

// scriptShownIDs returns the ids of the elements that the page's inline
// scripts make visible as the page loads: an element looked up by its id
// whose style.visibility the script sets to 'visible', directly or through
// the variable holding it, outside an event handler. WeChat articles are
// saved with their body at visibility:hidden until that script runs; a
// reader of the page sees the body.
func scriptShownIDs(root *html.Node) map[string]bool {
	var ids map[string]bool
	walkNodes(root, func(n *html.Node) bool {
		if n.Type != html.ElementNode || n.DataAtom != atom.Script || hasAttr(n, "src") || n.FirstChild == nil || n.FirstChild.Type != html.TextNode {
			return n.Type != html.ElementNode || n.DataAtom == atom.Head || !skipElements[n.DataAtom]
		}
		src := n.FirstChild.Data
		if len(src) > maxShowScript || !strings.Contains(src, "visibility") {
			return false
		}
		for _, m := range elementByID.FindAllStringSubmatchIndex(src, maxShowLookups) {
			var id string
			switch {
			case m[4] >= 0:
				id = src[m[4]:m[5]]
			case m[6] >= 0:
				id = src[m[6]:m[7]]
			default:
				continue
			}
			shown := -1
			if showsVisible.MatchString(src[m[1]:min(len(src), m[1]+96)]) {
				shown = m[1]
			} else if m[2] >= 0 {
				// The variable holding it: "c.style.visibility = 'visible'".
				v := src[m[2]:m[3]]
				lim := min(len(src), m[1]+maxShowReach)
				for off := m[1]; shown < 0; {
					k := strings.Index(src[off:lim], v)
					if k < 0 {
						break
					}
					at := off + k + len(v)
					before := off + k
					off = at
					if before > 0 && isScriptIdent(src[before-1]) || at < len(src) && isScriptIdent(src[at]) {
						continue
					}
					if showsVisible.MatchString(src[at:min(len(src), at+96)]) {
						shown = at
					}
				}
			}
			if shown < 0 || inEventHandler(src, shown) {
				continue
			}
			if ids == nil {
				ids = map[string]bool{}
			}
			ids[id] = true
		}
		return false
	})
	return ids
}

// scriptRoot is the node whose scripts scriptShownIDs reads: the whole
// document (the <head>'s scripts too) when body has a parent.
func scriptRoot(body *html.Node) *html.Node {
	if body != nil && body.Parent != nil {
		return body.Parent
	}
	return body
}

// isScriptIdent reports whether c may be part of a script identifier.
func isScriptIdent(c byte) bool {
	return c == '_' || c == '$' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// inEventHandler reports whether position i of script src is inside a
// function body opened right after an event handler cue (handlerCues): it
// walks back over the braces enclosing i.
func inEventHandler(src string, i int) bool {
	depth := 0
	for j := i - 1; j >= 0; j-- {
		switch src[j] {
		case '}':
			depth++
		case '{':
			if depth > 0 {
				depth--
				continue
			}
			before := strings.ToLower(src[max(0, j-80):j])
			if loadEvent(before) {
				// DOMContentLoaded, load, jQuery's ready: the page
				// runs it as it loads.
				continue
			}
			for _, c := range handlerCues {
				if strings.Contains(before, c) {
					return true
				}
			}
		}
	}
	return false
}

// loadEvent reports whether the text before a function body (lower-cased)
// binds it to the page's loading: DOMContentLoaded, load, onload,
// readystatechange, jQuery's ready.
func loadEvent(before string) bool {
	for _, c := range []string{"domcontentloaded", "'load'", `"load"`, "onload", "readystatechange", ".ready(", "$(function", "jquery(function"} {
		if strings.Contains(before, c) {
			return true
		}
	}
	return false
}

// onlyVisibilityHidden reports whether n is hidden by an inline
// visibility:hidden alone: no hidden attribute, aria-hidden, display:none
// or hiding class besides.
func onlyVisibilityHidden(n *html.Node) bool {
	st := strings.ToLower(strings.Join(strings.Fields(attrOf(n, "style")), ""))
	if !strings.Contains(st, "visibility:hidden") {
		return false
	}
	c := *n
	c.Attr = nil
	for _, a := range n.Attr {
		if a.Key == "style" {
			a.Val = strings.ReplaceAll(st, "visibility:hidden", "")
		}
		c.Attr = append(c.Attr, a)
	}
	return !isHiddenNode(&c)
}

// selectedOption returns the option a <select> shows: the selected one,
// else the first.
func selectedOption(sel *html.Node) *html.Node {
	var first, selected *html.Node
	walkNodes(sel, func(n *html.Node) bool {
		if n.Type == html.ElementNode && n.DataAtom == atom.Option {
			if first == nil {
				first = n
			}
			if _, ok := attrLookup(n, "selected"); ok && selected == nil {
				selected = n
			}
			return false
		}
		return true
	})
	if selected != nil {
		return selected
	}
	return first
}

// savedFromURL reads the URL of a browser's "saved from url=(0055)https://…"
// comment.
func savedFromURL(comment string) string {
	s := strings.TrimSpace(comment)
	rest, ok := strings.CutPrefix(strings.ToLower(s), "saved from url=")
	if !ok {
		return ""
	}
	s = s[len(s)-len(rest):]
	if i := strings.IndexByte(s, ')'); strings.HasPrefix(s, "(") && i > 0 {
		s = s[i+1:]
	}
	if f := strings.Fields(s); len(f) > 0 {
		return absoluteURL(f[0])
	}
	return ""
}

// absoluteURL returns u trimmed when it is an absolute http(s) URL, else "".
func absoluteURL(u string) string {
	u = strings.TrimSpace(u)
	l := strings.ToLower(u)
	if (strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")) && len(u) > len("https://") && !strings.ContainsAny(u, " \t\n<>\"") {
		return u
	}
	return ""
}

// tokenDocument reads a page the tree parser refused (nesting deeper than
// it allows) token by token: the title, and all text outside script, style,
// template, noscript and head.
func tokenDocument(page []byte) HTMLDocument {
	var d HTMLDocument
	var w docWriter
	z := html.NewTokenizer(bytes.NewReader(page))
	skip := 0
	inTitle := false
	var title strings.Builder
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			if z.Err() != io.EOF {
				w.text(string(z.Raw()))
			}
			d.Text = w.String()
			d.Title = collapseSpace(title.String())
			return d
		case html.CommentToken:
			if u := savedFromURL(string(z.Text())); u != "" && d.URL == "" {
				d.URL = u
			}
		case html.TextToken:
			switch {
			case inTitle:
				title.Write(z.Text())
			case skip == 0:
				w.text(string(z.Text()))
			}
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			start := tt != html.EndTagToken
			switch {
			case a == atom.Title:
				inTitle = start && tt == html.StartTagToken
			case a == atom.Script || a == atom.Style || a == atom.Template || a == atom.Noscript || a == atom.Svg:
				if tt == html.StartTagToken {
					skip++
				} else if tt == html.EndTagToken && skip > 0 {
					skip--
				}
			case docBlocks[a] || a == atom.Br:
				w.newline = true
			case a == atom.Td || a == atom.Th:
				w.space = true
			}
		}
	}
}

// walkNodes calls fn for n and its descendants in document order; fn
// returning false skips the node's children.
func walkNodes(n *html.Node, fn func(*html.Node) bool) {
	if !fn(n) {
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walkNodes(c, fn)
	}
}

// findElement returns the first element a in n, n included, in document
// order.
func findElement(n *html.Node, a atom.Atom) *html.Node {
	var found *html.Node
	walkNodes(n, func(c *html.Node) bool {
		if found != nil {
			return false
		}
		if c.Type == html.ElementNode && c.DataAtom == a {
			found = c
			return false
		}
		return true
	})
	return found
}

// nodeText is all text under n, scripts and styles left out.
func nodeText(n *html.Node) string {
	var b strings.Builder
	walkNodes(n, func(c *html.Node) bool {
		if c.Type == html.ElementNode && (c.DataAtom == atom.Script || c.DataAtom == atom.Style || c.DataAtom == atom.Template) {
			return false
		}
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
		return true
	})
	return b.String()
}

// hasText reports whether n holds text other than white space, scripts
// and styles left out.
func hasText(n *html.Node) bool {
	switch {
	case n.Type == html.TextNode:
		return strings.TrimSpace(n.Data) != ""
	case n.Type == html.ElementNode && (n.DataAtom == atom.Script || n.DataAtom == atom.Style || n.DataAtom == atom.Template):
		return false
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if hasText(c) {
			return true
		}
	}
	return false
}

// maxBoundedNodes bounds the nodes boundedText reads: a heading is a few
// elements, and each block of a page nested hundreds deep asks about its
// heading.
const maxBoundedNodes = 1024

// boundedText is the text under n up to the text node that makes it longer
// than max bytes, read from at most maxBoundedNodes nodes (a heading is
// short; reading all of a large block to find that out would be slow).
func boundedText(n *html.Node, max int) string {
	return readText(n, max, false)
}

// readText is boundedText, with a space after each text node when spaced.
func readText(n *html.Node, max int, spaced bool) string {
	var b strings.Builder
	nodes := 0
	var walk func(c *html.Node) bool // false: stop
	walk = func(c *html.Node) bool {
		if nodes++; nodes > maxBoundedNodes {
			return false
		}
		switch {
		case c.Type == html.TextNode:
			b.WriteString(c.Data)
			if spaced {
				b.WriteByte(' ')
			}
			return b.Len() <= max
		case c.Type == html.ElementNode && skipElements[c.DataAtom]:
			return true
		}
		for cc := c.FirstChild; cc != nil; cc = cc.NextSibling {
			if !walk(cc) {
				return false
			}
		}
		return true
	}
	walk(n)
	return b.String()
}

// attrLookup returns n's attribute key (without namespace) and whether n
// has it.
func attrLookup(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key && a.Namespace == "" {
			return a.Val, true
		}
	}
	return "", false
}

// hasAttr reports whether n has the attribute key.
func hasAttr(n *html.Node, key string) bool {
	_, ok := attrLookup(n, key)
	return ok
}

// attrOf returns n's attribute key, "" when n has none.
func attrOf(n *html.Node, key string) string {
	v, _ := attrLookup(n, key)
	return v
}

// hasToken reports whether a space-separated list (a rel attribute) holds
// tok, ignoring case.
func hasToken(list, tok string) bool {
	for _, f := range strings.Fields(list) {
		if strings.EqualFold(f, tok) {
			return true
		}
	}
	return false
}

// collapseSpace collapses runs of white space to one space and trims the
// ends.
func collapseSpace(s string) string {
	var w docWriter
	w.text(s)
	return w.String()
}

// isHTMLSpace reports HTML and Unicode white space, no-break space included.
func isHTMLSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\f', '\v', 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
		return true
	}
	return r >= 0x2000 && r <= 0x200A
}
