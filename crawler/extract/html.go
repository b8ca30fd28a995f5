package extract

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"maps"
	"net/url"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"github.com/andybalholm/cascadia"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/precwatch/precwatch"
)

// HTML extracts a page of an HTML target. Links from t.Follow and t.NextPage
// selectors are read from each matched node's href, or from the first
// descendant with an href when the node has none (so "div.card" works as
// well as "div.card a") or, failing both, from the node's text when it is an
// absolute URL (follow: ["loc"] reads a sitemap); a selector written "css@attr" reads the link from
// that attribute instead ("button.load-more@data-url"); links are resolved against the page URL or the
// page's <base href>; a <meta http-equiv="refresh"> target is followed too,
// and without next_page selectors rel="next" links are the next pages.
// Listings are produced only when t.Listing.URLPattern is
// empty or matches the canonical page URL or its path and query: one per node matched by
// t.Listing.Item, or one for the whole page when Item is empty (selectors
// then search the whole document, <head> included, and "@attr" reads the
// <body>'s attribute). Field specs are "css" (visible text), "css@attr" (an
// attribute) or "@attr" (the item's own attribute); a css selector that
// matches no descendant of the item may match the item itself. The id, url, title,
// price, seller and location fields take the first match with a non-empty
// value; description joins the distinct values of all its matches with a
// space and other fields (attributes) with ", ", leaving out matches inside
// an earlier match. Text is whitespace-collapsed and excludes script, style,
// noscript and template content and elements hidden by the hidden attribute
// or an inline display:none or visibility:hidden; hidden matches are read
// only when no visible element matched. A configured title, description,
// price, seller or location that finds nothing is taken from the item's
// microdata Product, or the page's (JSON-LD, microdata, OpenGraph) for the
// whole page or its only item; a target without fields reads its listings
// from that data alone (see pageProducts, which also reads the product a
// single-page app embeds as JSON). The listing of a whole page without id or
// url field is named by the page's <link rel="canonical"> when it is on the
// page's host, not the site's root and within url_pattern (see
// relCanonical). XML documents (RSS, Atom,
// sitemaps, XML product feeds) are read as XML, elements named by their
// lowercased local names (see parseXML).
func HTML(t *precwatch.Target, pageURL string, body []byte) (*Page, error) {
	p, err := html1(t, pageURL, body)
	if err != nil {
		return p, err
	}
	if len(p.Listings) == 0 && len(p.Follow) == 0 {
		if msg, ok := soapFault(body); ok {
			// A SOAP service's fault answered with status 200 (WCF
			// and older stacks do): the page failed, it is not the
			// end of the catalogue.
			return nil, fmt.Errorf("%w: %s", ErrFeedError, msg)
		}
	}
	p.PasswordForm, p.LoginTitle = loginPage(body)
	if name := challengeTitle(body); name != "" {
		// A challenge page whatever the selectors read on it (its
		// heading would be a listing's title).
		p.BotWall, p.ChallengeTitle = name, true
	} else if len(p.Listings) == 0 && len(p.Follow) == 0 && !p.Gone {
		p.BotWall = botWall(body)
		p.Maintenance = maintenancePage(body)
		p.Gate = gatePage(body)
		p.ErrorPage = serverErrorPage(body)
	}
	return p, err
}

var (
	// soapFaultElem is a SOAP 1.1 or 1.2 Fault in an Envelope's Body.
	soapFaultElem = regexp.MustCompile(`(?s)<(?:[\w-]+:)?Envelope\b.*<(?:[\w-]+:)?Body\b[^>]*>\s*<(?:[\w-]+:)?Fault\b`)
	// soapFaultText is its faultstring (1.1) or Reason's Text (1.2).
	soapFaultText = regexp.MustCompile(`(?s)<(?:[\w-]+:)?(?:faultstring|Text)\b[^>]*>([^<]{0,300})<`)
)

// soapFault returns the message of a SOAP envelope whose body is a Fault,
// and whether it is one.
func soapFault(body []byte) (string, bool) {
	head := body[:min(len(body), 64<<10)]
	if !bytes.Contains(head, []byte("Fault")) || !soapFaultElem.Match(head) {
		return "", false
	}
	msg := "a SOAP Fault"
	if m := soapFaultText.FindSubmatch(head); m != nil {
		if t := escapedText(m[1]); t != "" {
			msg = "a SOAP Fault: " + clip(t, 200)
		}
	}
	return msg, true
}

// pageTitle is a page's <title> text.
var pageTitle = regexp.MustCompile(`(?is)<title[^>]*>([^<]{0,200})</title>`)

// challengeTitles are the whole titles of bot protections' challenge and
// block pages, which some answer with status 200 and a heading that field
// selectors would read as a listing's title.
var challengeTitles = []struct{ name, title string }{
	{"Cloudflare", "just a moment..."},
	{"Cloudflare", "just a moment…"},
	{"Cloudflare", "attention required! | cloudflare"},
	{"Cloudflare", "please wait... | cloudflare"},
	{"a browser check", "checking your browser"},
	{"a browser check", "checking your browser..."},
	{"a browser check", "one moment, please..."},
	{"DDoS-Guard", "ddos-guard"},
	{"Distil", "pardon our interruption"},
	{"PerimeterX", "access to this page has been denied"},
	{"PerimeterX", "access to this page has been denied."},
	{"Amazon's robot check", "robot check"},
	{"a CAPTCHA", "are you a robot?"},
	{"a CAPTCHA", "human verification"},
}

// escapedText is a regexp's capture of markup text (a title, a fault
// string) as one line: entities decoded, white space collapsed.
func escapedText(b []byte) string {
	return strings.Join(strings.Fields(html.UnescapeString(string(b))), " ")
}

// challengeTitle returns the bot protection whose challenge page's title
// the page has, or "".
func challengeTitle(body []byte) string {
	m := pageTitle.FindSubmatch(body[:min(len(body), 64<<10)])
	if m == nil {
		return ""
	}
	t := strings.ToLower(escapedText(m[1]))
	for _, c := range challengeTitles {
		if t == c.title {
			return c.name
		}
	}
	return ""
}

// htmlAnswerTitle returns the title of a body that is an HTML page (it
// starts with markup), as a json target shows it when the page is no feed;
// "" otherwise.
func htmlAnswerTitle(body []byte) string {
	if b := bytes.TrimLeft(body, " \t\r\n"); len(b) == 0 || b[0] != '<' {
		return ""
	}
	m := pageTitle.FindSubmatch(body[:min(len(body), 64<<10)])
	if m == nil {
		return ""
	}
	return clip(escapedText(m[1]), 120)
}

// maintenanceWords say, in a title or main heading, that a site is down
// for maintenance.
var maintenanceWords = regexp.MustCompile(`(?i)\b(?:wartungsarbeiten|wartungsmodus|under maintenance|maintenance mode|down for maintenance|scheduled maintenance|site maintenance|en maintenance|en mantenimiento|in manutenzione|in onderhoud|w trakcie konserwacji|we'?ll be back soon|be right back|temporarily (?:unavailable|down|offline)|vorübergehend nicht erreichbar)\b|технические работы|на обслуживании|техническое обслуживание`)

// maintenancePage reports whether a page's title or first main heading says
// that the site is down for maintenance.
func maintenancePage(body []byte) bool {
	for _, m := range loginHeading.FindAllSubmatch(body[:min(len(body), 256<<10)], 2) {
		text := m[1]
		if len(text) == 0 {
			text = m[2]
		}
		if maintenanceWords.Match(text) {
			return true
		}
	}
	return false
}

var (
	// phpError is PHP's report of a fatal error, as display_errors
	// prints it ("<b>Fatal error</b>:  Allowed memory size …").
	phpError = regexp.MustCompile(`(?i)(?:<b>\s*)?\b(?:PHP )?(Fatal error|Parse error)(?:\s*</b>)?:\s+([^<\n]{1,200})`)
	// serverErrorHeads are the whole titles or main headings of servers'
	// and frameworks' error pages.
	serverErrorHeads = regexp.MustCompile(`(?i)^(?:(?:50[0-4] )?(?:internal server error|bad gateway|service (?:temporarily )?unavailable|gateway time-?out)|server error(?: \(500\))?|runtime error|application error|server error in '[^']*' application\.?|whoops, looks like something went wrong\.?|error establishing a database connection|database error|an error occurred\.?|something went wrong\.?)$`)
)

// serverErrorPage returns the server error a page shows instead of the
// shop's (PHP's fatal error near its start, or a title or first h1 that is
// wholly a server's or framework's error heading: ASP.NET's "Server Error
// in '/' Application.", Django's "Server Error (500)", Laravel's
// "Whoops, looks like something went wrong.", WordPress' "Error
// establishing a database connection"), or "".
func serverErrorPage(body []byte) string {
	head := body[:min(len(body), 4<<10)]
	if m := phpError.FindSubmatch(head); m != nil {
		return fmt.Sprintf("PHP's %s: %s", strings.ToLower(string(m[1])), clip(escapedText(m[2]), 120))
	}
	for _, m := range loginHeading.FindAllSubmatch(body[:min(len(body), 256<<10)], 3) {
		text := m[1]
		if len(text) == 0 {
			text = m[2]
		}
		t := strings.Join(strings.Fields(VisibleText(text)), " ")
		if serverErrorHeads.MatchString(t) {
			return t
		}
	}
	return ""
}

// consentWords and ageWords say, in a title or main heading, that the page
// is a cookie-consent wall or an age gate standing in for the site.
var (
	consentWords = regexp.MustCompile(`(?i)\b(?:before you continue|we value your privacy|your privacy (?:choices|matters)|cookie (?:consent|settings|preferences)|privacy (?:settings|preferences)|this (?:site|website) uses cookies|we use cookies|accept (?:all )?cookies|datenschutz-?einstellungen|wir verwenden cookies|wir respektieren ihre privatsphäre|cookie-einstellungen|avant de continuer|nous respectons votre vie privée|paramètres des cookies|utilizamos cookies|antes de continuar|questo sito utilizza (?:i )?cookie|prima di continuare|wij gebruiken cookies|używamy plików cookie)\b|мы используем (?:файлы )?cookie|クッキーの使用|我们使用cookie`)
	ageWords     = regexp.MustCompile(`(?i)\b(?:age verification|verify your age|age check|are you (?:over |at least )?(?:18|19|21)|are you of (?:legal )?age|you must be (?:18|21)|altersverifikation|altersprüfung|altersbestätigung|bist du (?:über |mindestens )?18|sind sie (?:über |mindestens )?18|vérification de l'âge|avez-vous (?:plus de )?18 ans|verificación de edad|eres mayor de edad|tienes (?:más de )?18|verifica (?:dell')?età|hai (?:più di )?18 anni|sprawdzenie wieku|czy masz (?:ukończone )?18|leeftijdscontrole|ben je 18)\b|подтвердите (?:свой )?возраст|вам (?:уже )?есть 18|年齢確認|18歳以上|年龄验证`)
)

// gatePage returns "consent" or "age" when a page's title or first main
// heading says it is a cookie-consent wall ("Before you continue", "We
// value your privacy") or an age gate ("Are you 18 or older?"), and "".
func gatePage(body []byte) string {
	for _, m := range loginHeading.FindAllSubmatch(body[:min(len(body), 256<<10)], 2) {
		text := m[1]
		if len(text) == 0 {
			text = m[2]
		}
		switch {
		case ageWords.Match(text):
			return "age"
		case consentWords.Match(text):
			return "consent"
		}
	}
	return ""
}

var (
	// passwordField is a form's password input.
	passwordField = regexp.MustCompile(`(?i)<input\b[^>]*\btype\s*=\s*["']?password\b`)
	// loginHeading is a page's title or an h1.
	loginHeading = regexp.MustCompile(`(?is)<title[^>]*>([^<]{0,200})</title>|<h1\b[^>]*>(.{0,300}?)</h1>`)
	// loginWords say, in a title or heading, to log in.
	loginWords = regexp.MustCompile(`(?i)\b(?:log ?in|sign ?in|login|anmelden|einloggen|anmeldung|connexion|se connecter|identifiez-vous|iniciar sesi[oó]n|accedi|entrar|zaloguj|logowanie|inloggen|logga in|kirjaudu|giriş)\b|войти|вход|авторизация|ログイン|登录|登入|로그인`)
)

// loginPage reports whether a page holds a password field, and whether
// its title or first h1 says to log in (a sidebar's "Log in" box over a
// product is no login page).
func loginPage(body []byte) (password, titled bool) {
	head := body[:min(len(body), 256<<10)]
	if !bytes.Contains(head, []byte("assword")) && !bytes.Contains(head, []byte("ASSWORD")) || !passwordField.Match(head) {
		return false, false
	}
	for i, m := range loginHeading.FindAllSubmatch(head, 3) {
		if i > 1 {
			break
		}
		text := m[1]
		if len(text) == 0 {
			text = m[2]
		}
		if loginWords.Match(text) {
			return true, true
		}
	}
	return true, false
}

// botWalls are markers of the challenge and block pages of bot
// protections, which some answer with status 200.
var botWalls = []struct{ name, marker string }{
	{"Incapsula", "Incapsula incident ID"},
	{"Incapsula", "Request unsuccessful. Incapsula"},
	{"Cloudflare", "cf-chl-"},
	{"Cloudflare", "Attention Required! | Cloudflare"},
	{"DataDome", "captcha-delivery.com"},
	{"PerimeterX", "px-captcha"},
	{"Distil", "distil_r_captcha"},
	{"Distil", "Pardon Our Interruption"},
	{"Sucuri", "Sucuri WebSite Firewall"},
	{"Akamai", "errors.edgesuite.net"},
	// Free hosts' (byet.host's, InfinityFree's) cookie check: a script
	// that computes the __test cookie with aes.js and reloads.
	{"aes.js cookie check", "slowAES.decrypt("},
}

// rateLimitTitle is the title of a page that says, with status 200, that
// the crawler asked too often.
var rateLimitTitle = regexp.MustCompile(`(?i)<title>[^<]{0,80}(?:too many requests|rate limit|request limit|slow down)`)

// humanCheck is what a CAPTCHA page asks, in its text; a CAPTCHA widget
// alone may be a contact or newsletter form.
var humanCheck = regexp.MustCompile(`(?i)verify (?:that )?you are (?:a )?human|are you a (?:robot|human)|not a robot|unusual traffic|automated (?:requests|queries|access)|bot (?:check|protection|detection)`)

// botWall returns the bot protection a page's markers name, or "". Only
// markers of challenge and block pages count, not the scripts protections
// add to every page.
func botWall(body []byte) string {
	head := body[:min(len(body), 256<<10)]
	for _, w := range botWalls {
		if bytes.Contains(head, []byte(w.marker)) {
			return w.name
		}
	}
	if rateLimitTitle.Match(head) {
		return "a rate limit"
	}
	for _, m := range []string{"g-recaptcha", "h-captcha", "cf-turnstile", "captcha"} {
		if bytes.Contains(head, []byte(m)) && humanCheck.Match(head) {
			return "CAPTCHA"
		}
	}
	return ""
}

func html1(t *precwatch.Target, pageURL string, body []byte) (*Page, error) {
	base, canon, err := pageBase(pageURL)
	if err != nil {
		return nil, err
	}
	if strings.HasSuffix(strings.ToLower(strings.SplitN(canon, "?", 2)[0]), "/robots.txt") {
		// A start URL naming robots.txt: its Sitemap lines are the
		// pages to read (follow: ["loc"] then reads the sitemaps).
		b := newBuilder(t, base, canon)
		seen := map[string]bool{canon: true}
		for line := range strings.SplitSeq(string(body), "\n") {
			k, v, ok := strings.Cut(line, ":")
			if ok && strings.EqualFold(strings.TrimSpace(k), "sitemap") {
				b.link(&b.page.Next, seen, strings.TrimSpace(v))
			}
		}
		if len(b.page.Next) > 0 {
			return b.page, nil
		}
	}
	var root *html.Node
	jsonNext := ""
	if urls, ok := textSitemap(body); ok {
		// A text sitemap (sitemap.txt): read as the urlset it
		// stands for, so that follow: ["loc"] and url_pattern find
		// its pages as in an XML sitemap.
		root = urlsetNode(urls)
	} else if doc, next, ok := jsonHTML(body); ok {
		// A "Load more" endpoint's JSON wrapping rendered HTML: read
		// the HTML, and the next page the JSON names.
		body, jsonNext = doc, next
	} else if isXML(body) {
		root = parseXML(body)
	}
	if root == nil {
		doc, err := goquery.NewDocumentFromReader(bytes.NewReader(body))
		if err != nil {
			// The parser refuses documents nested deeper than 512
			// elements, as broken pages with thousands of unclosed
			// tags are. Keep their text and shallow structure rather
			// than lose the page.
			doc, err = goquery.NewDocumentFromReader(bytes.NewReader(flatten(body, maxDepth)))
			if err != nil {
				return nil, fmt.Errorf("parse html %s: %w", canon, err)
			}
		}
		root = doc.Get(0)
		openNoscripts(root)
	}
	base = documentBase(root, base)
	b := newBuilder(t, base, canon)
	if n := PostbackPage(pageURL); n > 0 {
		b.postbackCur = n
	}
	tmpl, templ := RequestTemplate(t, pageURL)
	b.templ = templ
	wrapper := body

	var err1 error
	b.page.Follow, err1 = b.links(root, "follow", t.Follow, "")
	if err1 != nil {
		return nil, err1
	}
	b.page.Next, err1 = b.links(root, "next_page", t.NextPage, canon)
	if err1 != nil {
		return nil, err1
	}
	if len(b.page.Next) == 0 && len(t.NextPage) > 0 && !b.templ {
		// A "next" link naming this very page (?navigate=next on
		// every page of a stateful pager).
		counts := maps.Clone(b.page.Counts)
		if self, _ := b.links(root, "next_page", t.NextPage, ""); len(self) == 1 && self[0] == canon {
			b.page.SelfNext = true
		}
		b.page.Counts = counts
	}
	defaultNext := len(t.NextPage) == 0
	if defaultNext {
		// No pagination configured: rel="next" is pagination by
		// definition (HTML's link types), so follow it — from index
		// pages (see the end of HTML).
		b.page.Next, _ = b.links(root, "next_page", []string{relNext}, canon)
		delete(b.page.Counts, "next_page:"+relNext)
		if len(b.page.Next) == 0 {
			// An ASP.NET WebForms pager: links that post the form
			// back (__doPostBack('…$Grid','Page$2')).
			if id, ok := b.postbackPager(root); ok {
				b.page.Next = []string{id}
			}
		}
	}
	if jsonNext != "" {
		seen := map[string]bool{canon: true}
		for _, u := range b.page.Next {
			seen[u] = true
		}
		b.link(&b.page.Next, seen, jsonNext)
	}
	ref, ok := metaRefresh(root)
	if !ok && scriptRedirectHint.Match(body) && botWall(body) == "" {
		// A splash page that moves on by script alone
		// (window.location.replace("/de/shop/"), as language
		// pickers and old shops' entry pages do); not a bot
		// protection's challenge, whose scripts move on once it is
		// solved (a failure, see Page.BotWall).
		ref, ok = scriptRedirect(root)
	}
	if ok {
		// A page that moves on by <meta http-equiv="refresh"> or
		// script is a redirect the server did not send: follow it.
		seen := map[string]bool{canon: true}
		for _, u := range b.page.Follow {
			seen[u] = true
		}
		b.link(&b.page.Follow, seen, ref)
	}
	if len(b.page.Follow) == 0 && len(b.page.Next) == 0 {
		// An old shop built of frames: its start page a <frameset>
		// whose <frame src>s hold the catalogue and its menu, which a
		// browser shows in place; read as the pages they are.
		seen := map[string]bool{canon: true}
		for _, src := range frameSources(root) {
			b.link(&b.page.Follow, seen, src)
		}
	}

	spec := &t.Listing
	var pattern *regexp.Regexp
	if spec.URLPattern != "" {
		re, err := compileRegexp(spec.URLPattern)
		if err != nil {
			return nil, fmt.Errorf("target %s: listing.url_pattern: %w", t.Name, err)
		}
		pattern = re
		if !MatchURLPattern(re, canon) {
			b.page.Counts[CountURLPattern] = 0
			if len(t.Follow) > 0 && len(b.page.Follow) == 0 {
				b.page.Counts[CountUnfollowed] = b.unfollowed(root, re, canon)
			}
			if len(t.Follow) > 0 && len(b.page.Follow) == 0 && b.page.Counts[CountUnfollowed] == 0 {
				// A single-page app's catalogue: no links in the
				// markup, its listings' addresses in the state
				// its scripts render from (__NEXT_DATA__,
				// window.__NUXT__, an Apollo cache).
				b.page.Follow = b.scriptLinks(root, re, canon)
				b.page.Counts[CountScriptLinks] = len(b.page.Follow)
			}
			if len(t.Follow) == 0 {
				// url_pattern without follow selectors: a page
				// it does not match is an index, and its links
				// that it matches lead to the listings — in the
				// markup, else in its scripts (a script-rendered
				// grid's state, a JSON-LD ItemList of urls).
				b.page.Follow = b.patternLinks(root, re, canon)
				if len(b.page.Follow) == 0 {
					b.page.Follow = b.scriptLinks(root, re, canon)
					b.page.Counts[CountScriptLinks] = len(b.page.Follow)
				}
			}
			if len(b.page.Follow) == 0 && len(b.page.Next) == 0 {
				// A catalogue whose grid the browser loads into
				// the page after it (a lazy Turbo Frame, an htmx
				// part loaded on load): read as the pages they
				// are, as a frameset's frames are.
				seen := map[string]bool{canon: true}
				for _, src := range lazyFragments(root) {
					b.link(&b.page.Follow, seen, src)
				}
			}
			if templ {
				b.templatedNext(tmpl, pageURL, wrapper)
			} else {
				b.countOn(root, defaultNext, canon, len(b.page.Follow))
			}
			if len(t.Follow) > 0 && spec.Item == "" && len(b.page.Follow) == 0 && len(b.page.Next) == 0 && b.page.CountOn == "" && listingLike(root, spec.Fields) {
				// A page the follow selectors lead to, with a
				// product on it and nothing to follow: a listing
				// page the pattern misses (product addresses that
				// changed their scheme), not an index.
				b.page.Counts[CountPatternMissed] = 1
			}
			return b.page, nil
		}
		b.page.Counts[CountURLPattern] = 1
	}
	if spec.Gone != "" && (pattern != nil || spec.Item == "") {
		sel, err := compileSelector(spec.Gone)
		if err != nil {
			return nil, fmt.Errorf("target %s: listing.gone %q: %w", t.Name, spec.Gone, err)
		}
		if len(matchDescendants(root, sel)) > 0 {
			// The platform's "no longer available" notice in place
			// of a taken-down listing: gone, like a 404.
			b.page.Gone = true
			b.page.Counts[CountGone] = 1
			return b.page, nil
		}
	}
	var notFound bool          // the title or heading says the page is not there
	var notFoundHeads []string // what they say
	if spec.Gone == "" && spec.Item == "" {
		notFoundHeads, notFound = softNotFound(root)
	}
	if spec.Item == "" {
		b.self = relCanonical(root, b.base, canon, pattern)
	}
	if len(spec.Fields) == 0 {
		// No fields configured: the page's structured product data
		// (JSON-LD, microdata, OpenGraph) is the listing.
		if err := b.structuredOnly(root, spec.Item, len(t.Follow) == 0); err != nil {
			return nil, err
		}
		if notFound && len(b.page.Listings) == 0 {
			b.notFound()
		}
		if defaultNext && spec.Item == "" && len(b.page.Listings) > 0 && !b.listed && (spec.URLPattern != "" || len(t.Follow) == 0) {
			// A product page's rel="next" is the next product (see
			// below); a category page whose products are in a
			// schema.org ItemList is the catalogue, and its
			// rel="next" its next page.
			b.page.Next = nil
		}
		if templ {
			b.templatedNext(tmpl, pageURL, wrapper)
		}
		return b.page, nil
	}
	fields, err := compileFields(spec.Fields)
	if err != nil {
		return nil, fmt.Errorf("target %s: %w", t.Name, err)
	}
	var items []*html.Node
	whole := spec.Item == ""
	if whole {
		// The whole page is one listing: selectors search the whole
		// document, head included (meta og:title, <title>, link
		// rel=canonical), and "@attr" reads the <body>'s attribute.
		items = []*html.Node{root}
	} else {
		sel, err := compileSelector(spec.Item)
		if err != nil {
			return nil, fmt.Errorf("target %s: listing.item %q: %w", t.Name, spec.Item, err)
		}
		items = matchDescendants(root, sel)
		if slices.ContainsFunc(items, func(n *html.Node) bool { return !insideNoscript(n) }) {
			// Cards rendered and repeated in <noscript> for clients
			// without scripts: the rendered ones (the fallback's
			// are read when they are the only ones).
			items = slices.DeleteFunc(items, insideNoscript)
		}
	}
	b.page.Counts[CountItem] = len(items)
	b.cards = !whole && len(t.Follow) == 0 && spec.URLPattern == ""
	for _, f := range fields {
		b.page.Counts[f.countKey] += 0
	}
	for _, item := range items {
		values := make(map[string]string, len(fields))
		frames := map[string]string{} // field name → URL of the iframe holding its text
		for _, f := range fields {
			n := item
			if whole && f.css == nil {
				if body := findBody(root); body != nil {
					n = body
				}
			}
			v, matched, fr := f.value(n)
			if fr != nil {
				// The field's text is the iframe's document.
				matched = true
				v = b.frame(fr, frames, f.name)
			}
			if v != "" && loadAttrs[f.attr] && f.name != fieldURL && f.name != fieldID {
				// ".tab@data-url", "#desc@hx-get": the field's text
				// is loaded from that address, as the page's
				// script does.
				if u, err := Canonical(b.base, v); err == nil {
					frames[f.name] = u
				}
				v = ""
			}
			if matched {
				b.page.Counts[f.countKey]++
			}
			if v != "" && urlAttrs[f.attr] && f.name != fieldURL {
				// Links and images in attributes are made absolute
				// like the listing URL; the url field is resolved by add.
				if u, err := Canonical(b.base, v); err == nil {
					v = u
				}
			}
			values[f.name] = v
		}
		b.fillStructured(values, spec.Fields, func() product {
			if !whole {
				if p := itemProduct(item); p != nil || len(items) > 1 {
					return p
				}
			}
			// The whole page, or its only item (listing.item on a
			// detail page): the page's product.
			if ps := pageProducts(root, false); len(ps) > 0 {
				return ps[0]
			}
			return nil
		})
		if whole && values[precwatch.FieldDescription] == "" && frames[precwatch.FieldDescription] == "" {
			// No description on the page: the one a platform serves
			// in an iframe (eBay's item description), or loads into
			// the page (htmx), if any.
			if fr := descriptionFrame(root); fr != nil {
				values[precwatch.FieldDescription] = b.frame(fr, frames, precwatch.FieldDescription)
			} else if u := descriptionLoad(root); u != "" {
				if c, err := Canonical(b.base, u); err == nil {
					frames[precwatch.FieldDescription] = c
				}
			}
		}
		if notFound && whole && (!listingContent(values, frames, notFoundHeads) || !ownContent(root, fields, frames, notFoundHeads)) {
			// The page says, with status 200, that it is not there
			// ("Page not found", "This listing has ended"), and has
			// nothing of a listing besides its title: on a listing
			// page the crawler takes it as gone (Page.NotFound).
			// A title alone (the seller's words: "… - not found
			// cheaper anywhere") never makes a listing gone.
			b.notFound()
		}
		n := len(b.page.Listings)
		b.add(values)
		if len(b.page.Listings) > n {
			for _, name := range slices.Sorted(maps.Keys(frames)) {
				b.page.Frames = append(b.page.Frames, Frame{Listing: n, Field: name, URL: frames[name]})
			}
		}
	}
	if defaultNext && whole && len(b.page.Listings) > 0 && (spec.URLPattern != "" || len(t.Follow) == 0) {
		// A detail page's rel="next" (a listing page by url_pattern,
		// or a start page of a target without follow) leads to the
		// next product, not to more of the catalogue: a target given
		// listing pages as start URLs must not walk the whole shop.
		b.page.Next = nil
	}
	if templ {
		b.templatedNext(tmpl, pageURL, wrapper)
	} else if b.cards {
		b.countOn(root, defaultNext, canon, len(b.page.Listings))
	} else if spec.URLPattern == "" && len(b.page.Follow) > 0 && len(b.page.Listings) == 0 {
		// An index page of a target without url_pattern (a Magento
		// shop's product pages have no mark to write one against):
		// it links listings and is none, so it counts on like one
		// matched as an index page by url_pattern.
		b.countOn(root, defaultNext, canon, len(b.page.Follow))
	}
	return b.page, nil
}

// notFound marks the page a soft 404 (Page.NotFound).
func (b *builder) notFound() {
	b.page.NotFound = true
	b.page.Counts[CountNotFound] = 1
}

// countOn sets Page.CountOn for an index page of a target without
// next_page that links no next page either (infinite-scroll shops, whose
// script loads ?page=2): when its URL pages by a number (see countOn) and
// the page had n links to follow or cards, the URL counted on is read next;
// a page that brings nothing new ends it (the crawler's endPagination).
//
// A page whose URL names no page but that links its own address with page
// 2 (a numbered pager, "1 2 3", without a "next" link: ?page=2, p=2,
// /page/2/) has that link as its next page, and the pages after it count
// on from there; before session 21 such a catalogue ended after its first
// page, complete.
func (b *builder) countOn(root *html.Node, defaultNext bool, canon string, n int) {
	if !defaultNext || len(b.page.Next) > 0 || n == 0 {
		return
	}
	u, err := url.Parse(canon)
	if err != nil {
		return
	}
	if next := countOn(u, n); next != "" {
		if c, err := Canonical(u, next); err == nil && c != canon {
			b.page.CountOn = c
		}
		return
	}
	if second := b.secondPageLink(root, u); second != "" {
		b.page.Next = append(b.page.Next, second)
	}
}

// secondPageLink returns the canonical URL of a link on the page to page
// 2 of the page's own address u, which names no page: the same host and
// path with one page parameter more, set to 2 (page, p, paged, …; see
// pageParams), or the path followed by /page/2; "" when there is none.
func (b *builder) secondPageLink(root *html.Node, u *url.URL) string {
	own := u.Query()
	path := strings.TrimSuffix(u.Path, "/")
	found := ""
	walk(root, func(n *html.Node) {
		if found != "" || n.Type != html.ElementNode || n.DataAtom != atom.A {
			return
		}
		href, ok := attr(n, "href")
		if !ok {
			return
		}
		c, err := Canonical(b.base, unescapeQueryAmp(strings.TrimSpace(href)))
		if err != nil {
			return
		}
		l, err := url.Parse(c)
		if err != nil || !strings.EqualFold(l.Host, u.Host) {
			return
		}
		lp := strings.TrimSuffix(l.Path, "/")
		if lp == path+"/page/2" && l.RawQuery == u.RawQuery {
			found = c
			return
		}
		if lp != path {
			return
		}
		q := l.Query()
		params := pageParams(q)
		if len(params) != 1 || q.Get(params[0]) != "2" || len(q) != len(own)+1 {
			return
		}
		for k, vs := range own {
			if !slices.Equal(q[k], vs) {
				return
			}
		}
		found = c
	})
	return found
}

// fillStructured fills the configured listing fields (title, description,
// price, seller, location) whose selector found nothing from the product
// that find returns (structured data), called only when one is missing.
func (b *builder) fillStructured(values, configured map[string]string, find func() product) {
	var p product
	looked, filled := false, false
	for _, name := range structuredFields {
		if _, ok := configured[name]; !ok || values[name] != "" {
			continue
		}
		if !looked {
			p, looked = find(), true
		}
		if p[name] != "" {
			values[name] = p[name]
			filled = true
		}
	}
	if filled {
		b.page.Counts[CountStructured]++
	}
}

// structuredOnly adds the listings of a page of a target without fields:
// the structured products of each item, or of the whole page. A page with
// one product is the listing at the page URL; several products keep their
// own URLs.
func (b *builder) structuredOnly(root *html.Node, item string, list bool) error {
	var ps []product
	if item == "" {
		ps = pageProducts(root, list)
	} else {
		sel, err := compileSelector(item)
		if err != nil {
			return fmt.Errorf("target %s: listing.item %q: %w", b.t.Name, item, err)
		}
		nodes := matchDescendants(root, sel)
		b.page.Counts[CountItem] = len(nodes)
		b.cards = len(b.t.Follow) == 0 && b.t.Listing.URLPattern == ""
		for _, n := range nodes {
			if p := itemProduct(n); p != nil {
				ps = append(ps, p)
			}
		}
	}
	if item == "" && len(ps) > 1 && b.t.Listing.URLPattern != "" {
		// A listing page (by url_pattern) with several products: the
		// page's own, often written twice (a theme's and an SEO
		// plugin's), and related products, which are read on their own
		// pages. One listing.
		ps = []product{b.ownProduct(ps)}
	}
	for _, p := range ps {
		listed := p[listedOnly] != ""
		b.listed = b.listed || listed
		values := make(map[string]string, len(p))
		for k, v := range p {
			if k == listedOnly {
				continue
			}
			if k == "image" {
				if u, err := Canonical(b.base, v); err == nil {
					v = u
				}
			}
			values[k] = v
		}
		if len(ps) == 1 && item == "" && !listed {
			// The page's own product: the page is its address, whatever
			// the markup claims.
			delete(values, fieldURL)
		}
		b.add(values)
	}
	b.page.Counts[CountStructured] += len(b.page.Listings)
	return nil
}

// ownProduct returns the product of a listing page among several: the
// first whose url is none or the page's own (else the first), with the
// fields it lacks filled from the others of the same name.
func (b *builder) ownProduct(ps []product) product {
	own := func(p product) bool {
		if p[fieldURL] == "" {
			return true
		}
		u, err := Canonical(b.base, p[fieldURL])
		return err == nil && (u == b.pageURL || u == b.self)
	}
	first := slices.IndexFunc(ps, own)
	if first < 0 {
		first = 0
	}
	out := maps.Clone(ps[first])
	for i, p := range ps {
		if i == first || !own(p) || !strings.EqualFold(strings.TrimSpace(p[precwatch.FieldTitle]), strings.TrimSpace(out[precwatch.FieldTitle])) {
			continue
		}
		for k, v := range p {
			if out[k] == "" {
				out[k] = v
			}
		}
	}
	return out
}

// relCanonical returns the page's <link rel="canonical"> (or, without one,
// its og:url), resolved against the page's <base href> (base, itself
// resolved against the page URL; a base that is not http(s) is ignored and
// a canonical that is not http(s) refused), as a canonical
// URL when it may name the page's own listing: on the page's host (a
// canonical on another host is ignored, so a page cannot pass itself off as
// another site's), not the site's root (shops that declare their home page
// canonical everywhere), and matching the url_pattern when one is
// configured. Otherwise, and when it is the page URL, it returns "".
func relCanonical(root *html.Node, base *url.URL, pageURL string, pattern *regexp.Regexp) string {
	var href, ogURL string
	var found bool
	walk(root, func(n *html.Node) {
		if found || n.Type != html.ElementNode {
			return
		}
		switch n.DataAtom {
		case atom.Link:
			rel, _ := attr(n, "rel")
			isCanon := false
			for r := range strings.FieldsSeq(rel) {
				isCanon = isCanon || strings.EqualFold(r, "canonical")
			}
			if v, ok := attr(n, "href"); isCanon && ok && strings.TrimSpace(v) != "" {
				href, found = v, true
			}
		case atom.Meta:
			if p, _ := attr(n, "property"); ogURL == "" && strings.EqualFold(strings.TrimSpace(p), "og:url") {
				ogURL, _ = attr(n, "content")
				ogURL = strings.TrimSpace(ogURL)
			}
		}
	})
	if !found {
		// No rel=canonical: OpenGraph's og:url names the page alike.
		if ogURL == "" {
			return ""
		}
		href = ogURL
	}
	s, err := Canonical(base, href)
	if err != nil || s == pageURL {
		return ""
	}
	u, err1 := url.Parse(s)
	p, err2 := url.Parse(pageURL)
	if err1 != nil || err2 != nil || !strings.EqualFold(u.Host, p.Host) {
		return ""
	}
	if (u.Path == "" || u.Path == "/") && u.RawQuery == "" {
		return ""
	}
	if pattern != nil && !MatchURLPattern(pattern, s) {
		return ""
	}
	return s
}

// relNext selects the rel="next" links read when a target configures no
// next_page.
const relNext = `link[rel~="next" i], a[rel~="next" i]`

// links collects the links of nodes matched by sels, in document order,
// deduplicated, leaving out exclude; it counts each selector's matches under
// "<kind>:<sel>".
func (b *builder) links(root *html.Node, kind string, sels []string, exclude string) ([]string, error) {
	if len(sels) == 0 {
		return nil, nil
	}
	// matched maps each matched node to the attribute holding its link
	// ("" for href, on it or its first descendant with one).
	matched := map[*html.Node]string{}
	for _, s := range sels {
		css, a := SplitFieldSpec(s)
		if css == "" {
			return nil, fmt.Errorf("target %s: %s %q: no CSS selector", b.t.Name, kind, s)
		}
		sel, err := compileSelector(css)
		if err != nil {
			return nil, fmt.Errorf("target %s: %s %q: %w", b.t.Name, kind, s, err)
		}
		nodes := matchDescendants(root, sel)
		b.page.Counts[kind+":"+s] = len(nodes)
		for _, n := range nodes {
			if _, ok := matched[n]; !ok {
				matched[n] = a
			}
		}
	}
	if len(matched) == 0 {
		return nil, nil
	}
	var out []string
	seen := map[string]bool{}
	if exclude != "" {
		seen[exclude] = true
	}
	walk(root, func(n *html.Node) {
		a, ok := matched[n]
		if !ok {
			return
		}
		if kind == "next_page" && b.templ {
			// A "Load more" endpoint asked by its request
			// template: the attribute holds the next request's
			// page, offset or cursor.
			if v, ok := attr(n, a); ok && a != "" && strings.TrimSpace(v) != "" {
				v = strings.TrimSpace(v)
				k := byte('c')
				if p, err := strconv.Atoi(v); err == nil && p >= 0 {
					k = 'p'
					if offsetAttr(a) {
						k = 'o'
					}
				}
				b.templNext = append(b.templNext, templValue{k, v})
			}
			return
		}
		if a != "" {
			// "button.more@data-url": a link kept in another attribute.
			if v, ok := attr(n, a); ok && strings.TrimSpace(v) != "" {
				if u, isJS := jsNavigation(v); isJS {
					// "tr.offer@onclick": a row whose click
					// handler sends the browser to the page
					// (location.href='detail.php?id=5').
					v = u
				} else if strings.HasPrefix(strings.ToLower(a), "on") {
					return // a handler doing something else
				}
				if p, err := strconv.Atoi(strings.TrimSpace(v)); err == nil && kind == "next_page" && p >= 0 && offsetAttr(a) {
					// "button.load-more@data-offset": the number of
					// items before the next page, sent as ?offset=.
					v = cursorURL(b.base, tokenParam(a), strconv.Itoa(p))
				} else if err == nil && kind == "next_page" && p > 0 {
					// "a.next@data-page": a page number, not a URL.
					v = pageNumberURL(b.base, p)
				} else if kind == "next_page" && cursorToken(a, v) {
					// "button.more@data-after": a cursor token
					// the shop's script sends back as ?after=.
					v = cursorURL(b.base, tokenParam(a), strings.TrimSpace(v))
				}
				b.link(&out, seen, v)
			}
			return
		}
		if kind == "next_page" {
			// A WebForms pager link that posts the form back: the
			// page it asks for, with the form body to post.
			if el, pb, isPB := postbackWithin(n); isPB {
				if id, ok := b.postbackNext(el, pb, pageOf(pb, b.postbackCur)); ok && !seen[id] {
					seen[id] = true
					out = append(out, id)
				}
				return
			}
		}
		href, ok := linkOf(n)
		if !ok {
			// <tr onclick="location.href='detail.php?id=5'">: an
			// element linking only by its click handler.
			href, ok = onclickLink(n)
		}
		if !ok && kind == "next_page" {
			// A pager that is a GET form (<form><input type=hidden
			// name=page value=2><button>Next</button></form>), or
			// one of its submit buttons: the URL it submits.
			href, ok = formURL(n, b.base)
		}
		if p := dataPage(n); kind == "next_page" && p > 0 && (!ok || scriptHref(href)) {
			// <a class="next" href="#" data-page="3">, paged by a
			// script: the page URL asking for that page.
			href, ok = pageNumberURL(b.base, p), true
		} else if kind == "next_page" && ok {
			// <a class="next" href="#page=2">, #!/page/2,
			// #offset=24: a script reads the fragment and asks the
			// server for that page, which its query names.
			if u, isFrag := fragmentPage(b.base, href); isFrag {
				href = u
			} else if p := scriptCallPage(n, href); p > 0 {
				// <a class="next" href="javascript:goPage(2)">
				// (or onclick="goPage(2)"): a pager function
				// given the page's number, asking for it by the
				// page parameter.
				href = pageNumberURL(b.base, p)
			}
		}
		if ok && kind == "next_page" {
			b.nextLink(&out, seen, href)
		} else if ok {
			b.link(&out, seen, href)
		}
	})
	return out, nil
}

// KeepSid returns canonical, the Canonical form of ref, with the "sid" query
// parameter that ref holds and Canonical drops as a session id put back: a
// catalogue page's address (a next page, a start URL) matters to no
// listing's identity, and a search's results, paged under the search's id
// (a search form posted and redirected to …/results?sid=…), answer only
// with it. A cart's session id kept there is the session the crawl is in.
func KeepSid(canonical, ref string) string {
	raw, err := url.Parse(cleanRef(ref))
	if err != nil {
		return canonical
	}
	for k, vs := range raw.Query() {
		if strings.EqualFold(k, "sid") && len(vs) == 1 && vs[0] != "" && !productSid(k, vs[0]) {
			if c, err := url.Parse(canonical); err == nil {
				cq := c.Query()
				cq.Set(k, vs[0])
				c.RawQuery = cq.Encode()
				canonical = c.String()
			}
		}
	}
	return canonical
}

// nextLink adds a next page's link as link does, keeping its "sid" query
// parameter (see KeepSid).
func (b *builder) nextLink(dst *[]string, seen map[string]bool, ref string) {
	ref = unescapeQueryAmp(ref)
	u, err := Canonical(b.base, ref)
	if err != nil {
		return
	}
	u = KeepSid(u, ref)
	if seen[u] {
		return
	}
	seen[u] = true
	*dst = append(*dst, u)
}

// lazySrc returns an image's real address when src is a lazy-loading
// placeholder: empty, a data: URI, an image named for a placeholder
// ("placeholder", "blank", "lazy", "spacer", "space.png" as Made-in-China
// has it, "pixel", "transparent", "1x1", "loading"), or any src of an
// image whose class says a lazy-loader swaps it ("lazy", "lazyload",
// "J-lazyimg"). The real address is the first of data-src, data-lazy-src,
// data-original, data-lazy and the first srcset candidate that is set.
func lazySrc(n *html.Node, src string) string {
	class, _ := attr(n, "class")
	if src != "" && !placeholderSrc(src) && !strings.Contains(strings.ToLower(class), "lazy") {
		return src
	}
	for _, k := range []string{"data-src", "data-lazy-src", "data-original", "data-lazy", "data-srcset", "srcset"} {
		v, ok := attr(n, k)
		v = strings.TrimSpace(v)
		if !ok || v == "" || strings.HasPrefix(strings.ToLower(v), "data:") {
			continue
		}
		if strings.HasSuffix(k, "srcset") {
			v, _, _ = strings.Cut(v, ",")
			v, _, _ = strings.Cut(strings.TrimSpace(v), " ")
		}
		return v
	}
	return src
}

// placeholderSrc reports whether an image address is a lazy-loading
// placeholder by its form or its file name.
func placeholderSrc(src string) bool {
	l := strings.ToLower(strings.TrimSpace(src))
	if strings.HasPrefix(l, "data:") {
		return true
	}
	if strings.Contains(l, "placeholder") || strings.Contains(l, "lazy") {
		return true
	}
	name := l[strings.LastIndexByte(l, '/')+1:]
	name, _, _ = strings.Cut(name, "?")
	stem, _, _ := strings.Cut(name, ".")
	switch stem {
	case "blank", "spacer", "space", "pixel", "transparent", "1x1", "loading", "loader", "grey", "gray", "empty", "dummy":
		return true
	}
	return false
}

// dataPage returns the page number a pagination element keeps in a data
// attribute (data-page, data-page-number, data-p, data-pagenumber), or 0.
func dataPage(n *html.Node) int {
	for _, k := range []string{"data-page", "data-page-number", "data-pagenumber", "data-p", "data-ci-pagination-page"} {
		if v, ok := attr(n, k); ok {
			if p, err := strconv.Atoi(strings.TrimSpace(v)); err == nil && p > 0 {
				return p
			}
		}
	}
	return 0
}

// fragmentRef is a fragment naming a page or an offset, as AJAX pagers
// and hashbang routes write their next link: "#page=2", "#!/page/2",
// "#/products?page=2", "#p-3", "#!/~/category/id=5&offset=12".
var fragmentRef = regexp.MustCompile(`(?i)^#!?(?:[^#]*?[/&?;])?(page|p|pg|paged|pagenum|pageno|pagenumber|page_number|seite|pagina|strona|sayfa|offset|start|skip)[=/:-](\d{1,7})/?(?:[&;/].*)?$`)

// fragmentPage returns the page URL asking for the page or offset a next
// link's fragment names (fragmentRef), by the page or offset parameter.
func fragmentPage(base *url.URL, href string) (string, bool) {
	m := fragmentRef.FindStringSubmatch(strings.TrimSpace(href))
	if m == nil {
		return "", false
	}
	n, err := strconv.Atoi(m[2])
	if err != nil {
		return "", false
	}
	switch strings.ToLower(m[1]) {
	case "offset", "start", "skip":
		return cursorURL(base, strings.ToLower(m[1]), m[2]), true
	}
	if n <= 0 {
		return "", false
	}
	return pageNumberURL(base, n), true
}

// pagerCall is a script calling a function with a page number alone,
// as old pagers' links do: "javascript:goPage(2)", "gotoPage('3');
// return false;", "javascript:void(0); showPage(2)".
// The function's name says it pages (goPage, gotoPage, Pager.show,
// changeSeite): a script call of another (addToCart(2)) is no pager.
var pagerCall = regexp.MustCompile(`(?i)^(?:javascript:)?\s*(?:void\s*\(?\s*0\s*\)?\s*;\s*)?([A-Za-z_$][\w$.]*)\(\s*['"]?(\d{1,6})['"]?\s*\)\s*;?\s*(?:return\s+false\s*;?\s*)?$`)

// pagerName finds a pager function's name.
var pagerName = regexp.MustCompile(`(?i)pag|seite|blatt`)

// scriptCallPage returns the page number a next link's script href (or,
// when the href leads nowhere, its onclick handler) hands a pager
// function, or 0.
func scriptCallPage(n *html.Node, href string) int {
	calls := []string{}
	if strings.HasPrefix(strings.ToLower(strings.TrimSpace(href)), "javascript:") {
		calls = append(calls, href)
	}
	if scriptHref(href) {
		if v, ok := attr(n, "onclick"); ok {
			calls = append(calls, v)
		}
	}
	for _, c := range calls {
		if m := pagerCall.FindStringSubmatch(strings.TrimSpace(c)); m != nil && pagerName.MatchString(m[1]) {
			if p, err := strconv.Atoi(m[2]); err == nil && p > 0 {
				return p
			}
		}
	}
	return 0
}

// scriptHref reports whether an href leads nowhere but to a script: "#",
// "#!", "javascript:…".
func scriptHref(href string) bool {
	h := strings.ToLower(strings.TrimSpace(href))
	return h == "" || strings.HasPrefix(h, "#") || strings.HasPrefix(h, "javascript:")
}

// MatchURLPattern reports whether a listing.url_pattern matches a canonical
// page URL: the whole URL, or its path and query ("^/product/\d+$" is
// written against the path as often as against the URL), with any one query
// parameter first (canonical URLs sort them).
func MatchURLPattern(re *regexp.Regexp, pageURL string) bool {
	// Each form is also tried as it reads unescaped: canonical queries
	// escape "/" and spaces (route=product%2Fproduct), patterns are
	// written against the address bar (route=product/product).
	match := func(s string) bool {
		if re.MatchString(s) {
			return true
		}
		un, err := url.QueryUnescape(s)
		return err == nil && un != s && re.MatchString(un)
	}
	if match(pageURL) {
		return true
	}
	u, err := url.Parse(pageURL)
	if err != nil {
		return false
	}
	if match(u.RequestURI()) {
		return true
	}
	// Canonical URLs sort their query parameters; the pattern was written
	// against the shop's own order ("item\.php\?id=\d+" for
	// item.php?id=5&cat=2): try each parameter first.
	params := strings.Split(u.RawQuery, "&")
	if len(params) < 2 || len(params) > 8 {
		return false
	}
	for i, p := range params {
		rest := append(append([]string{p}, params[:i]...), params[i+1:]...)
		v := *u
		v.RawQuery = strings.Join(rest, "&")
		if match(v.String()) || match(v.RequestURI()) {
			return true
		}
	}
	return false
}

// maxDepth is how deep flatten lets elements nest, well below the parser's
// limit of 512 open elements because the parser also opens elements that are
// not in the markup.
const maxDepth = 256

// voidElements never have content, so they do not nest.
var voidElements = map[atom.Atom]bool{
	atom.Area: true, atom.Base: true, atom.Br: true, atom.Col: true, atom.Embed: true,
	atom.Hr: true, atom.Img: true, atom.Input: true, atom.Link: true, atom.Meta: true,
	atom.Param: true, atom.Source: true, atom.Track: true, atom.Wbr: true,
}

// flatten re-serialises body so that elements nest at most depth deep: when
// an element would open deeper, the deepest half of the open elements is
// closed first (they are typically tags a broken page never closed). All
// elements and text stay, only their nesting changes; end tags of elements
// already closed this way are dropped.
func flatten(body []byte, depth int) []byte {
	z := html.NewTokenizer(bytes.NewReader(body))
	var out bytes.Buffer
	out.Grow(len(body))
	var open []string // names of the elements open in the output
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return out.Bytes()
		case html.StartTagToken:
			name, _ := z.TagName()
			if voidElements[atom.Lookup(name)] {
				break
			}
			if len(open) >= depth {
				keep := depth / 2
				for i := len(open) - 1; i >= keep; i-- {
					out.WriteString("</" + open[i] + ">")
				}
				open = open[:keep]
			}
			open = append(open, string(name))
		case html.EndTagToken:
			name, _ := z.TagName()
			i := len(open) - 1
			for i >= 0 && open[i] != string(name) {
				i--
			}
			if i < 0 {
				continue // closed already, or never opened
			}
			open = open[:i]
		}
		out.Write(z.Raw())
	}
}

// metaRefresh returns the URL of a <meta http-equiv="refresh"> that moves
// on within 10 seconds.
func metaRefresh(root *html.Node) (string, bool) {
	ref, _, ok := refreshOf(root)
	if !ok || ref == "" {
		return "", false
	}
	return ref, true
}

// scriptRedirects are the statements by which an inline script sends the
// browser to another page: an assignment to (window., document., top. or
// self.) location or location.href, or location.replace or
// location.assign, with the address as a string literal.
var scriptRedirects = []*regexp.Regexp{
	regexp.MustCompile(`(?:\b(?:window|document|top|self)\.)?\blocation(?:\.href)?\s*=\s*(["'])([^"'\s<>]+)["']`),
	regexp.MustCompile(`(?:\b(?:window|document|top|self)\.)?\blocation\.(?:replace|assign)\(\s*(["'])([^"'\s<>]+)["']\s*\)`),
}

// jsOpen is a click handler opening a page: window.open('/p/5').
var jsOpen = regexp.MustCompile(`\bwindow\.open\(\s*(["'])([^"'\s<>]+)["']`)

// jsNavigation returns the address an attribute's script sends the
// browser to — a click handler's location.href='detail.php?id=5',
// window.location = "/p/5", location.assign('…') or window.open('…'),
// also after "javascript:" — and whether the value is such a script.
// Other values, addresses among them, are not.
func jsNavigation(v string) (string, bool) {
	v = strings.TrimSpace(v)
	if !strings.Contains(v, "location") && !strings.Contains(v, "window.open") {
		return "", false
	}
	for _, re := range append(scriptRedirects[:len(scriptRedirects):len(scriptRedirects)], jsOpen) {
		if m := re.FindStringSubmatch(v); m != nil {
			return m[2], true
		}
	}
	return "", false
}

// onclickLink returns the address n's click handler navigates to (a table
// row or card with onclick="location.href='…'" and no href).
func onclickLink(n *html.Node) (string, bool) {
	v, ok := attr(n, "onclick")
	if !ok {
		return "", false
	}
	return jsNavigation(v)
}

// scriptRedirectHint finds a script's location statement cheaply before a
// page's tree is walked for one.
var scriptRedirectHint = regexp.MustCompile(`location(?:\.href)?\s*=|location\.(?:replace|assign)\(`)

// scriptRedirect returns the address an inline script sends the browser to
// on a page that is only that: a splash with no link (<a href>) and no
// refresh, whose first inline script naming a location does so
// (window.location.replace("/de/shop/"), location.href = '/shop').
// Scripts of pages with links are not read so: their location statements
// are those of click handlers and login checks.
func scriptRedirect(root *html.Node) (string, bool) {
	links := false
	var scripts []string
	walk(root, func(n *html.Node) {
		if n.Type != html.ElementNode {
			return
		}
		switch n.DataAtom {
		case atom.A, atom.Area:
			if h, ok := attr(n, "href"); ok && !strings.HasPrefix(strings.TrimSpace(h), "#") && strings.TrimSpace(h) != "" {
				links = true
			}
		case atom.Script:
			if _, ext := attr(n, "src"); ext {
				return
			}
			if typ, _ := attr(n, "type"); typ != "" && !strings.Contains(strings.ToLower(typ), "javascript") && !strings.EqualFold(strings.TrimSpace(typ), "module") {
				return
			}
			if n.FirstChild != nil && n.FirstChild.Type == html.TextNode {
				scripts = append(scripts, n.FirstChild.Data)
			}
		}
	})
	if links {
		return "", false
	}
	for _, sc := range scripts {
		first, ref := -1, ""
		for _, re := range scriptRedirects {
			if m := re.FindStringSubmatchIndex(sc); m != nil && (first < 0 || m[0] < first) {
				first, ref = m[0], sc[m[4]:m[5]]
			}
		}
		if first < 0 {
			continue
		}
		if l := strings.ToLower(ref); strings.HasPrefix(l, "javascript:") || strings.HasPrefix(l, "#") {
			return "", false
		}
		return ref, true
	}
	return "", false
}

// refreshOf returns the first <meta http-equiv="refresh"> that moves on
// within 10 seconds: its URL ("" for the page itself) and its delay.
func refreshOf(root *html.Node) (string, float64, bool) {
	var ref string
	var delay float64
	var found bool
	walk(root, func(n *html.Node) {
		if found || n.Type != html.ElementNode || n.DataAtom != atom.Meta {
			return
		}
		if v, _ := attr(n, "http-equiv"); !strings.EqualFold(strings.TrimSpace(v), "refresh") {
			return
		}
		content, _ := attr(n, "content")
		ref, delay, found = ParseRefresh(content)
	})
	return ref, delay, found
}

// ParseRefresh reads a refresh instruction (a <meta http-equiv="refresh">
// content or a Refresh header: "5", "0; url=/next", "1,URL='/x'") that
// moves on within 10 seconds: its URL as written ("" for the page itself)
// and its delay in seconds.
func ParseRefresh(content string) (string, float64, bool) {
	delay, rest, ok := strings.Cut(content, ";")
	if !ok {
		delay, rest, _ = strings.Cut(content, ",")
	}
	d, err := strconv.ParseFloat(strings.TrimSpace(delay), 64)
	if err != nil || d < 0 || d > 10 {
		return "", 0, false
	}
	rest = strings.TrimSpace(rest)
	if k, v, ok := strings.Cut(rest, "="); ok && strings.EqualFold(strings.TrimSpace(k), "url") {
		rest = v
	}
	return strings.Trim(strings.TrimSpace(rest), `'"`), d, true
}

// refreshHint finds a <meta http-equiv=refresh> cheaply before a page is
// parsed for it.
var refreshHint = regexp.MustCompile(`(?i)http-equiv\s*=\s*["']?\s*refresh`)

// SelfRefresh reports whether an HTML page reloads itself by <meta
// http-equiv="refresh"> — without a URL, or to pageURL or requested (the
// address asked for before redirects) — as the JS-free interstitials of
// bot checks, consent and age gates do after setting a cookie; it returns
// the refresh delay in seconds. A refresh to another page is a link (see
// HTML), not a reload.
func SelfRefresh(requested, pageURL string, body []byte) (float64, bool) {
	head := body[:min(len(body), 64<<10)]
	if !bytes.Contains(head, []byte("efresh")) && !bytes.Contains(head, []byte("EFRESH")) {
		return 0, false // the usual page: no refresh, no regexp scan
	}
	if !refreshHint.Match(head) || isXML(body) {
		return 0, false
	}
	root, err := html.Parse(bytes.NewReader(body[:min(len(body), 64<<10)]))
	if err != nil {
		return 0, false
	}
	ref, delay, ok := refreshOf(root)
	if !ok {
		return 0, false
	}
	if ref == "" {
		return delay, true
	}
	base, canon, err := pageBase(pageURL)
	if err != nil {
		return 0, false
	}
	base = documentBase(root, base)
	u, err := Canonical(base, ref)
	if err != nil {
		return 0, false
	}
	for _, p := range []string{canon, requested} {
		if c, err := Canonical(nil, p); err == nil && sameDocument(c, u) {
			return delay, true
		}
	}
	return 0, false
}

// sameDocument compares two canonical URLs, ignoring a trailing slash on
// the path.
func sameDocument(a, b string) bool {
	trim := func(s string) string {
		p, q, has := strings.Cut(s, "?")
		if i := strings.Index(p, "://"); i >= 0 && strings.Count(p[i+3:], "/") > 1 {
			p = strings.TrimSuffix(p, "/")
		}
		if has {
			return p + "?" + q
		}
		return p
	}
	return trim(a) == trim(b)
}

// onclickURL finds the URL an onclick handler navigates to.
var onclickURL = regexp.MustCompile(`(?:location(?:\.href)?\s*=|location\.(?:assign|replace)\(|window\.open\()\s*['"]([^'"]+)['"]`)

// linkOf returns the href of n, or of its first descendant that has one, or
// the URL n's onclick handler navigates to, or else n's text when it is one
// absolute http(s) URL (a sitemap's <loc>).
func linkOf(n *html.Node) (string, bool) {
	if v, ok := attr(n, "href"); ok && strings.TrimSpace(v) != "" {
		return v, true
	}
	var found string
	var ok bool
	walk(n, func(d *html.Node) {
		if ok || d == n {
			return
		}
		if v, has := attr(d, "href"); has && strings.TrimSpace(v) != "" {
			found, ok = v, true
		}
	})
	if ok {
		return found, true
	}
	if v, has := attr(n, "onclick"); has {
		// <tr onclick="location.href='/item/5'">, window.open('/item/5')
		if m := onclickURL.FindStringSubmatch(v); m != nil {
			return m[1], true
		}
	}
	text := visibleText(n)
	lower := strings.ToLower(text)
	if (strings.HasPrefix(lower, "http://") || strings.HasPrefix(lower, "https://")) && !strings.ContainsAny(text, " \t\n") {
		return text, true
	}
	return "", false
}

// documentBase applies the document's first <base href>, if any, to base.
func documentBase(root *html.Node, base *url.URL) *url.URL {
	var href string
	var found bool
	walk(root, func(n *html.Node) {
		if found || n.Type != html.ElementNode || n.DataAtom != atom.Base {
			return
		}
		if v, ok := attr(n, "href"); ok {
			href, found = v, true
		}
	})
	if !found {
		return base
	}
	s, err := Canonical(base, href)
	if err != nil {
		return base
	}
	u, err := url.Parse(s)
	if err != nil {
		return base
	}
	return u
}

func findBody(root *html.Node) *html.Node {
	var body *html.Node
	walk(root, func(n *html.Node) {
		if body == nil && n.Type == html.ElementNode && n.DataAtom == atom.Body {
			body = n
		}
	})
	return body
}

// walk calls fn on n and its descendants in document order.
func walk(n *html.Node, fn func(*html.Node)) {
	fn(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, fn)
	}
}

func attr(n *html.Node, key string) (string, bool) {
	if n.Type != html.ElementNode {
		return "", false
	}
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

// matchDescendants returns the descendants of n (not n itself) matched by
// sel, in document order.
func matchDescendants(n *html.Node, sel *selector) []*html.Node {
	return sel.all(n)
}

// urlAttrs hold URLs: field values read from them are made absolute.
var urlAttrs = map[string]bool{"href": true, "src": true, "data-src": true, "data-href": true, "action": true, "poster": true, "data-url": true}

// field is a compiled listing field spec.
type field struct {
	name     string
	countKey string    // "field:<name>"
	css      *selector // nil for "@attr"
	attr     string    // "" for text
	sep      string    // joins the values of all matches; "" keeps the first
	pick     int       // which match counts: pickAll, pickLast or an index
}

// Positions of SplitPosition.
const (
	pickAll  = -1
	pickLast = -2
)

// jqueryPosition is a trailing jQuery position filter.
var jqueryPosition = regexp.MustCompile(`:(first|last|eq\(\s*(\d+)\s*\))\s*$`)

// SplitPosition splits a trailing jQuery position filter off a CSS selector,
// as partners used to jQuery write it: "td:eq(1)" → ("td", 1), ".price:first"
// → (".price", 0), "li:last" → ("li", -2); other selectors come back with -1
// (every match). The filter picks among all the selector's matches in the
// item, in document order.
func SplitPosition(css string) (string, int) {
	m := jqueryPosition.FindStringSubmatchIndex(css)
	if m == nil {
		return css, pickAll
	}
	rest := strings.TrimSpace(css[:m[0]])
	if rest == "" || strings.HasSuffix(rest, ":") {
		return css, pickAll
	}
	switch {
	case strings.HasPrefix(css[m[2]:], "first"):
		return rest, 0
	case strings.HasPrefix(css[m[2]:], "last"):
		return rest, pickLast
	}
	n, err := strconv.Atoi(css[m[4]:m[5]])
	if err != nil {
		return css, pickAll
	}
	return rest, n
}

// Separators of fields that read every match of their selector: the
// description ("p" paragraphs, spec rows) and extra attributes (tags, images).
// The other listing fields name one thing and keep the first match.
const (
	descriptionSep = " "
	attributeSep   = ", "
)

// joinSep returns how the values of field name's matches are joined.
func joinSep(name string) string {
	switch name {
	case precwatch.FieldDescription:
		return descriptionSep
	case fieldID, fieldURL, precwatch.FieldTitle, precwatch.FieldPrice, precwatch.FieldSeller, precwatch.FieldLocation:
		return ""
	}
	return attributeSep
}

// SplitFieldSpec splits a field spec into its CSS selector and attribute:
// "h1" → ("h1", ""), "a.title@href" → ("a.title", "href"), "@data-id" →
// ("", "data-id"). An "@" followed by something that is not an attribute name
// (as in `a[href*="@"]`) belongs to the selector. Scrapy's "css::text" and
// "css::attr(name)" are read as "css" and "css@name".
func SplitFieldSpec(spec string) (css, attr string) {
	spec = strings.TrimSpace(spec)
	// Scrapy's pseudo-elements, as partners used to Scrapy write them:
	// "h1::text" is "h1", "a::attr(href)" is "a@href".
	if c, ok := strings.CutSuffix(spec, "::text"); ok {
		return strings.TrimSpace(c), ""
	}
	if c, a, ok := strings.Cut(spec, "::attr("); ok && strings.HasSuffix(a, ")") && !strings.Contains(a, "::attr(") {
		if name := strings.TrimSpace(strings.Trim(strings.TrimSuffix(a, ")"), `'" `)); name != "" {
			return strings.TrimSpace(c), strings.ToLower(name)
		}
	}
	i := strings.LastIndexByte(spec, '@')
	if i < 0 {
		return spec, ""
	}
	name := strings.TrimSpace(spec[i+1:])
	if name == "" || strings.ContainsAny(name, " \t\r\n\f\"'>/=[](),:~+*|^$") {
		return spec, ""
	}
	// Attribute names are case-insensitive in HTML; a dotted path
	// after one ("@data-product.productName") names JSON keys, which
	// are not.
	a, path, dotted := strings.Cut(name, ".")
	if dotted {
		return strings.TrimSpace(spec[:i]), strings.ToLower(a) + "." + path
	}
	return strings.TrimSpace(spec[:i]), strings.ToLower(name)
}

// compileFields compiles specs in field-name order so results do not depend
// on map iteration.
func compileFields(specs map[string]string) ([]field, error) {
	names := make([]string, 0, len(specs))
	for n := range specs {
		names = append(names, n)
	}
	sort.Strings(names)
	fields := make([]field, 0, len(names))
	for _, n := range names {
		css, a := SplitFieldSpec(specs[n])
		f := field{name: n, countKey: "field:" + n, attr: a, sep: joinSep(n), pick: pickAll}
		css, f.pick = SplitPosition(css)
		if css != "" {
			sel, err := compileSelector(css)
			if err != nil {
				return nil, fmt.Errorf("listing.fields.%s %q: %w", n, specs[n], err)
			}
			f.css = sel
		} else if a == "" {
			return nil, fmt.Errorf("listing.fields.%s: empty spec", n)
		}
		fields = append(fields, f)
	}
	return fields, nil
}

// value returns the field's value in item and whether its selector matched
// any node; when the field reads text and its first match is an <iframe>,
// that iframe instead, whose document holds the text (not the iframe's
// fallback content).
func (f *field) value(item *html.Node) (string, bool, *html.Node) {
	if f.css == nil {
		v, ok := jsonAttr(item, f.attr)
		return collapse(v), ok, nil
	}
	nodes := matchDescendants(item, f.css)
	switch {
	case f.pick == pickLast && len(nodes) > 0:
		nodes = nodes[len(nodes)-1:]
	case f.pick >= 0 && f.pick < len(nodes):
		nodes = nodes[f.pick : f.pick+1]
	case f.pick >= 0:
		nodes = nil
	}
	if len(nodes) == 0 && item.Type == html.ElementNode && f.css.match(item) {
		// The item itself ("a.card" items with url "a@href"), as
		// Scrapy's descendant-or-self reads it, when no descendant
		// matches.
		nodes = []*html.Node{item}
	}
	if f.attr == "" && len(nodes) > 0 && nodes[0].DataAtom == atom.Iframe {
		return "", true, nodes[0]
	}
	if f.attr == "" {
		// Text of hidden matches counts only when nothing visible
		// matched (a selector aimed at a hidden element on purpose).
		// A script template is markup the page shows once rendered.
		hiddenMatch := func(n *html.Node) bool {
			return hiddenWithin(n, item) && !(n.DataAtom == atom.Script && templateScript(n))
		}
		hidden := 0
		for _, n := range nodes {
			if hiddenMatch(n) {
				hidden++
			}
		}
		if hidden > 0 && hidden < len(nodes) {
			nodes = slices.DeleteFunc(nodes, hiddenMatch)
		}
	}
	var vals []string
	var taken []*html.Node
	for _, n := range nodes {
		if f.sep != "" && f.attr == "" && insideAny(n, taken) {
			continue // its text is already in an enclosing match
		}
		var v string
		if f.attr != "" {
			v, _ = jsonAttr(n, f.attr)
			if f.name != fieldID && f.name != fieldURL && markupValue(v) {
				// Escaped markup kept for a script to show
				// (data-full="&lt;p&gt;…&lt;/p&gt;"): its text.
				v = FrameText([]byte(v))
			}
			v = collapse(v)
			if f.attr == "src" {
				v = lazySrc(n, v)
			}
		} else {
			v = visibleText(n)
			if f.name == precwatch.FieldPrice {
				v = priceText(n)
			}
			if n.DataAtom == atom.Script && jsonScript(n) {
				// A JSON blob a script renders from (<script
				// type="application/json" id="seller-data">):
				// the value under the field's name or a usual
				// key for it, as an endpoint's JSON is read.
				v = FieldText([]byte(scriptContent(n)), f.name)
			}
			if n.DataAtom == atom.Script && templateScript(n) {
				// <script type="text/template">: markup a script
				// renders into the page; its text is what shows.
				v = FrameText([]byte(scriptContent(n)))
			}
			if v == "" {
				// Lazy-loading themes keep text for browsers
				// without JavaScript in <noscript>.
				v = noscriptText(n)
			}
		}
		if v == "" {
			continue
		}
		if f.sep == "" {
			return v, true, nil
		}
		taken = append(taken, n)
		if !slices.Contains(vals, v) {
			vals = append(vals, v)
		}
	}
	return strings.Join(vals, f.sep), len(nodes) > 0, nil
}

// frame returns the text of an iframe written into its srcdoc, or records
// in frames that field name's text is the document at its src (an http(s)
// URL) and returns "".
func (b *builder) frame(fr *html.Node, frames map[string]string, name string) string {
	if doc, ok := attr(fr, "srcdoc"); ok && strings.TrimSpace(doc) != "" {
		return VisibleText([]byte(doc))
	}
	if src, ok := attr(fr, "src"); ok {
		if u, err := Canonical(b.base, src); err == nil {
			frames[name] = u
		}
	}
	return ""
}

// loadAttrs are the attributes in which pages name the address a part of
// them is loaded from by script (tabs, htmx): a field spec reading one
// (".tab-description@data-url") gets the text at that address.
var loadAttrs = map[string]bool{"data-url": true, "data-load": true, "data-load-url": true, "data-remote": true,
	"data-ajax-url": true, "data-content-url": true, "data-source": true, "hx-get": true, "data-hx-get": true}

// descriptionLoad returns the address an element named for a description
// is loaded from when the page is shown (htmx' hx-get with a load or
// revealed trigger), or "".
func descriptionLoad(root *html.Node) string {
	found := ""
	walk(root, func(n *html.Node) {
		if found != "" || n.Type != html.ElementNode {
			return
		}
		u, ok := attr(n, "hx-get")
		if !ok {
			u, ok = attr(n, "data-hx-get")
		}
		if !ok || strings.TrimSpace(u) == "" {
			return
		}
		trig, _ := attr(n, "hx-trigger")
		if trig == "" {
			trig, _ = attr(n, "data-hx-trigger")
		}
		if !strings.Contains(trig, "load") && !strings.Contains(trig, "revealed") && !strings.Contains(trig, "intersect") {
			return
		}
		for _, k := range []string{"id", "class"} {
			v, _ := attr(n, k)
			if strings.Contains(strings.ToLower(v), "desc") || strings.Contains(strings.ToLower(u), "desc") {
				found = u
				return
			}
		}
	})
	return found
}

// descriptionFrame returns a page's iframe that holds a description by its
// id, name, class, title or src ("desc_ifr", "item-description",
// "/itm/description/…"), or nil.
func descriptionFrame(root *html.Node) *html.Node {
	var found *html.Node
	walk(root, func(n *html.Node) {
		if found != nil || n.Type != html.ElementNode || n.DataAtom != atom.Iframe {
			return
		}
		for _, k := range []string{"id", "name", "class", "title", "src"} {
			v, _ := attr(n, k)
			lv := strings.ToLower(v)
			if strings.Contains(lv, "desc") || strings.Contains(lv, "beschreibung") {
				found = n
				return
			}
		}
	})
	return found
}

// insideAny reports whether n is one of nodes or a descendant of one.
func insideAny(n *html.Node, nodes []*html.Node) bool {
	for p := n; p != nil; p = p.Parent {
		if slices.Contains(nodes, p) {
			return true
		}
	}
	return false
}

// hiddenElements never contribute visible text.
var hiddenElements = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
}

// shadowRoot reports whether n is a declarative shadow root (<template
// shadowrootmode="open">, as server-rendered web components send their
// content), which browsers show, unlike other templates.
func shadowRoot(n *html.Node) bool {
	if n.DataAtom != atom.Template {
		return false
	}
	_, ok := attr(n, "shadowrootmode")
	if !ok {
		_, ok = attr(n, "shadowroot")
	}
	return ok
}

// isHidden reports whether n is hidden by its own markup: the hidden
// attribute, or an inline style with display:none or visibility:hidden.
// Stylesheets are not evaluated.
func isHidden(n *html.Node) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "style":
			st := strings.ToLower(a.Val)
			if !strings.Contains(st, "none") && !strings.Contains(st, "hidden") {
				continue
			}
			st = strings.Join(strings.Fields(st), "")
			if strings.Contains(st, "display:none") || strings.Contains(st, "visibility:hidden") {
				return true
			}
		}
	}
	return false
}

// hiddenWithin reports whether n, or an ancestor of n below item, is hidden
// or a script, style, noscript or template element.
func hiddenWithin(n, item *html.Node) bool {
	for p := n; p != nil && p != item; p = p.Parent {
		if p.Type == html.ElementNode && (hiddenElements[p.DataAtom] && !shadowRoot(p) || isHidden(p)) {
			return true
		}
	}
	return false
}

// blockElements separate words: "<p>a</p><p>b</p>" reads "a b", not "ab".
var blockElements = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true,
	atom.Br: true, atom.Dd: true, atom.Div: true, atom.Dl: true, atom.Dt: true,
	atom.Fieldset: true, atom.Figcaption: true, atom.Figure: true, atom.Footer: true,
	atom.Form: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Header: true, atom.Hr: true, atom.Li: true,
	atom.Main: true, atom.Nav: true, atom.Ol: true, atom.Option: true, atom.P: true,
	atom.Pre: true, atom.Section: true, atom.Table: true, atom.Tbody: true,
	atom.Td: true, atom.Tfoot: true, atom.Th: true, atom.Thead: true, atom.Tr: true,
	atom.Ul: true, atom.Title: true, atom.Caption: true, atom.Summary: true,
	atom.Details: true, atom.Img: true,
}

// visibleText returns the text of n without script and style content, with
// runs of whitespace collapsed to one space and no leading or trailing space.
func visibleText(n *html.Node) string {
	w := textWriter{root: n}
	w.node(n)
	return w.b.String()
}

// VisibleText returns the visible text of an HTML document or fragment, as
// field specs read it: without script, style, noscript and template content,
// whitespace collapsed.
func VisibleText(doc []byte) string {
	root, err := html.Parse(bytes.NewReader(doc))
	if err != nil {
		return collapse(string(doc))
	}
	return visibleText(root)
}

// notFoundWords are what a page's title or main heading says when the
// page, or the listing it was, is not there, in the languages of the
// partners' platforms.
var notFoundWords = regexp.MustCompile(`(?i)^\W*(?:error\s*)?404\W*$|(?:^|\W)404\b.*\b(?:error|not found|not|page|oops|fehler|seite|p[aá]gina|страниц)|\b(?:error|oops|fehler)\b.*\b404(?:\W|$)|\bpage not found|\bnot found\b|\b(?:could|can)(?:not|n't|n’t|'t|’t| not) (?:be found|find)\b|\bno longer (?:available|exists|listed)|\bhas been (?:removed|deleted)|\b(?:listing|auction|ad|offer|item) (?:has |was )?(?:ended|expired|removed|deleted)|\bdoes(?: not|n't) exist|nicht gefunden|nicht mehr verfügbar|existiert nicht|no encontrad|ya no está disponible|introuvable|n'existe plus|plus disponible|non trovat|non è più disponibile|niet gevonden|nie znaleziono|nie istnieje|não encontrad|не найден|больше не доступ|не существует|找不到|不存在|已下架|見つかりません`)

// notFoundHints are words one of which every notFoundWords match holds:
// a cheap test before the regular expression.
var notFoundHints = []string{"404", "found", "find", "longer", "removed", "deleted", "ended", "expired", "exist", "gefunden",
	"verfügbar", "encontrad", "disponib", "introuvable", "trovat", "niet", "nie ", "найден", "доступ", "существует",
	"找不到", "不存在", "已下架", "見つかりません"}

func notFoundHint(t string) bool {
	t = strings.ToLower(t)
	for _, h := range notFoundHints {
		if strings.Contains(t, h) {
			return true
		}
	}
	return false
}

// titleSeparators split a page title into its parts ("Page not found |
// ChemShop").
var titleSeparators = strings.NewReplacer(" | ", "\x00", " - ", "\x00", " – ", "\x00", " — ", "\x00", " :: ", "\x00", " · ", "\x00", " » ", "\x00")

// pageWord names a page: "the page you requested was not found" is the
// site speaking, not a seller.
var pageWord = regexp.MustCompile(`(?i)\bpage\b|\bseite\b|p[aá]gina|страниц|页面|ページ`)

// saysNotFound reports whether a title or heading is a not-found notice:
// a part of it that is mostly a notFoundWords phrase ("Oops! Page not
// found", "This listing has ended"), not a seller's title that happens to
// hold one ("Ephedrine HCl 99%, hard to get, not found in stores").
//
// When whole is set the phrase must also end its part, as a notice's does
// ("This listing has ended.", "404 Not Found"): a part that goes on after
// it ("not found cheaper anywhere", "no longer available in shops") is a
// seller's wording, not the site's notice.
func saysNotFound(t string, whole bool) bool {
	for _, part := range strings.Split(titleSeparators.Replace(t), "\x00") {
		part = strings.TrimSpace(part)
		loc := notFoundWords.FindStringIndex(part)
		if loc == nil {
			continue
		}
		if len(part)-(loc[1]-loc[0]) > 24 && !pageWord.MatchString(part) {
			continue
		}
		if !whole || endsNotice(part[:loc[1]], part[loc[1]:]) {
			return true
		}
	}
	return false
}

// endsNotice reports whether rest, the text after a notFoundWords match
// that ends head, adds nothing to the notice: the rest of the match's
// last word ("Страница не найден|а", "no encontrad|o"), punctuation, or
// more notice phrases ("Error 404: page not found").
func endsNotice(head, rest string) bool {
	for {
		if last, _ := utf8.DecodeLastRuneInString(head); isWordRune(last) && !unspaced(last) {
			rest = strings.TrimLeftFunc(rest, func(r rune) bool { return isWordRune(r) && !unspaced(r) })
		}
		if strings.IndexFunc(rest, isWordRune) < 0 {
			return true
		}
		loc := notFoundWords.FindStringIndex(rest)
		if loc == nil || strings.IndexFunc(rest[:loc[0]], isWordRune) >= 0 {
			return false
		}
		head, rest = rest[:loc[1]], rest[loc[1]:]
	}
}

// isWordRune reports whether r is a letter or a digit.
func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// unspaced reports whether r is of a script written without spaces
// between words, where the letter after a phrase starts the next word.
func unspaced(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Thai)
}

// softNotFound reports whether a page's <title> or first <h1> says the page
// is not there (notFoundWords) and the page has no structured product:
// the mark of a "soft 404" that platforms answer with status 200. One of
// the two must be the notice as a whole (saysNotFound with whole): both
// saying something mostly made of a phrase is no more than one, as on a
// listing page both are the seller's title. heads are the texts that say
// it (for listingContent to leave out).
//
// The title and heading of a listing page are the seller's words, so this
// alone never makes a page not found: the caller also asks listingContent.
func softNotFound(root *html.Node) (heads []string, said bool) {
	var title, h1 *html.Node
	walk(root, func(n *html.Node) {
		if n.Type != html.ElementNode {
			return
		}
		switch {
		case n.DataAtom == atom.Title && title == nil:
			title = n
		case n.DataAtom == atom.H1 && h1 == nil:
			h1 = n
		}
	})
	whole := false
	for _, n := range []*html.Node{title, h1} {
		if n == nil {
			continue
		}
		t := visibleText(n)
		if len(t) > 120 || !notFoundHint(t) || !saysNotFound(t, false) {
			continue
		}
		heads = append(heads, t)
		whole = whole || saysNotFound(t, true)
	}
	if !whole {
		return nil, false
	}
	return heads, len(pageProducts(root, false)) == 0
}

// listingContentMin is how many letters and digits a page's fields other
// than title, url and id hold at least, beyond not-found notices, to be a
// listing's (a description, a seller, a location). A not-found page's
// fields match nothing, or its notice and a line of navigation ("We could
// not find that page. Try our solvents.").
const listingContentMin = 20

// sentenceEnd splits a field's text into sentences.
var sentenceEnd = regexp.MustCompile(`[.!?。！？]+(?:\s+|$)`)

// listingContent reports whether the fields read from a whole page hold a
// listing's content, which a not-found page lacks: a price with a number,
// a field read from another document (an iframe's description), or
// listingContentMin letters and digits in fields other than title, url
// and id, leaving out links, sentences that are not-found notices and
// the notices in heads.
func listingContent(values, frames map[string]string, heads []string) bool {
	for name := range frames {
		if name != precwatch.FieldTitle && name != fieldURL && name != fieldID {
			return true
		}
	}
	n := 0
	seen := map[string]bool{}
	for name, v := range values {
		if name == precwatch.FieldTitle || name == fieldURL || name == fieldID {
			continue
		}
		v = strings.TrimSpace(v)
		if v == "" || seen[v] || isLink(v) {
			continue
		}
		seen[v] = true
		if name == precwatch.FieldPrice && strings.IndexFunc(v, unicode.IsDigit) >= 0 {
			return true
		}
		for _, h := range heads {
			v = strings.ReplaceAll(v, h, " ")
		}
		for _, s := range sentenceEnd.Split(v, -1) {
			if notFoundHint(s) && saysNotFound(s, false) {
				continue
			}
			for _, r := range s {
				if isWordRune(r) {
					n++
				}
			}
		}
	}
	return n >= listingContentMin
}

// isLink reports whether v is an absolute web address (a field read from
// an href or src), not text.
func isLink(v string) bool {
	return (strings.HasPrefix(v, "https://") || strings.HasPrefix(v, "http://")) && !strings.ContainsAny(v, " \t\n")
}

// priceText is the visible text of a price: cents written as a
// superscript after the units ("€12<sup>99</sup>") are read after a
// decimal point ("€12.99"), not run into the units ("€1299"); a sale's
// struck-out regular price and screen-reader sentences are left out
// (WooCommerce's <del>€15.00</del> <ins>€12.50</ins> is "€12.50") unless
// nothing else holds a number.
func priceText(n *html.Node) string {
	w := textWriter{root: n, cents: true, sale: true}
	w.node(n)
	if s := w.b.String(); strings.ContainsAny(s, "0123456789") {
		return s
	}
	w = textWriter{root: n, cents: true}
	w.node(n)
	return w.b.String()
}

// srOnlyClasses hide text from the eye for screen readers (WooCommerce's
// "Original price was: €15.00. Current price is: €12.50.").
var srOnlyClasses = []string{"screen-reader-text", "sr-only", "visually-hidden", "visuallyhidden", "screenreader", "assistive-text"}

// struckPrice reports whether n, inside a price, is a price the buyer
// does not pay: a struck-out regular price (<del>, <s>, <strike>) or
// text for screen readers only.
func struckPrice(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Del, atom.S, atom.Strike:
		return true
	}
	c, _ := attr(n, "class")
	for _, f := range strings.Fields(strings.ToLower(c)) {
		if slices.Contains(srOnlyClasses, f) {
			return true
		}
	}
	return false
}

// noscriptText returns the text n holds only in <noscript> elements.
func noscriptText(n *html.Node) string {
	var parts []string
	walk(n, func(c *html.Node) {
		if c.Type != html.ElementNode || c.DataAtom != atom.Noscript {
			return
		}
		for t := c.FirstChild; t != nil; t = t.NextSibling {
			v := ""
			switch t.Type {
			case html.TextNode:
				v = VisibleText([]byte(t.Data))
			case html.ElementNode:
				v = visibleText(t)
			}
			if v != "" {
				parts = append(parts, v)
			}
		}
	})
	return strings.Join(parts, " ")
}

// insideNoscript reports whether n is inside a <noscript> element.
func insideNoscript(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Type == html.ElementNode && p.DataAtom == atom.Noscript {
			return true
		}
	}
	return false
}

// openNoscripts parses the markup that <noscript> elements in the body
// hold, which the parser (reading as a browser with scripts on) keeps as
// raw text, into elements in its place: a lazy-loading grid's cards and
// links that the server renders only there, for clients without scripts,
// are then found by follow and item selectors. Their text stays out of a
// page's visible text, and a field reads a match inside one only when
// nothing visible matched, as for other hidden elements.
func openNoscripts(root *html.Node) {
	var nss []*html.Node
	walk(root, func(n *html.Node) {
		if n.Type == html.ElementNode && n.DataAtom == atom.Noscript && n.Parent != nil && n.Parent.Type == html.ElementNode &&
			n.FirstChild != nil && n.FirstChild == n.LastChild && n.FirstChild.Type == html.TextNode && strings.Contains(n.FirstChild.Data, "<") {
			for p := n.Parent; p != nil; p = p.Parent {
				if p.DataAtom == atom.Body {
					nss = append(nss, n)
					break
				}
			}
		}
	})
	for _, n := range nss {
		nodes, err := html.ParseFragment(strings.NewReader(n.FirstChild.Data), n.Parent)
		if err != nil || len(nodes) == 0 {
			continue
		}
		n.RemoveChild(n.FirstChild)
		for _, c := range nodes {
			n.AppendChild(c)
		}
	}
}

// FrameText returns the visible text of an iframe's document, or of a part
// of a page loaded by script: its body's, without the title of its head;
// a JSON answer wrapping HTML ({"html": "…"}) is read as that HTML.
func FrameText(doc []byte) string {
	if inner, _, ok := jsonHTML(doc); ok {
		// A tab's endpoint answering {"html": "…"}.
		doc = inner
	}
	root, err := html.Parse(bytes.NewReader(doc))
	if err != nil {
		return collapse(string(doc))
	}
	if body := findBody(root); body != nil {
		return visibleText(body)
	}
	return visibleText(root)
}

// textWriter appends text with whitespace collapsed on the fly.
type textWriter struct {
	root  *html.Node // read even when hidden: a selector chose it
	b     strings.Builder
	space bool // a space is pending before the next word
	cents bool // a price: see priceText
	sale  bool // a price: struck-out prices and screen-reader text left out (struckPrice)
}

func (w *textWriter) node(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		w.text(n.Data)
		return
	case html.ElementNode:
		if n != w.root && (hiddenElements[n.DataAtom] && !shadowRoot(n) || isHidden(n) || w.sale && struckPrice(n)) {
			return
		}
		if blockElements[n.DataAtom] {
			w.space = true
		}
		if w.cents && (n.DataAtom == atom.Sup || centsClass(n)) && !w.space && endsWithDigit(w.b.String()) && isCents(visibleText(n)) {
			w.b.WriteByte(decimalPoint(w.b.String()))
		}
		if n.DataAtom == atom.A || n.DataAtom == atom.Span {
			if email, ok := cfEmail(n); ok {
				// Cloudflare's email obfuscation: the address
				// itself, not "[email protected]".
				w.word(email)
				return
			}
		}
	case html.CommentNode, html.DoctypeNode, html.RawNode:
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.node(c)
	}
	if n.Type == html.ElementNode && blockElements[n.DataAtom] {
		w.space = true
	}
}

// centsClass reports whether n is an element a theme keeps a price's
// cents in, named for them: Mercado Libre's "andes-money-amount__cents",
// Shopify themes' "money-cents", "price__decimals".
func centsClass(n *html.Node) bool {
	c, _ := attr(n, "class")
	for f := range strings.FieldsSeq(strings.ToLower(c)) {
		if strings.Contains(f, "cents") || strings.Contains(f, "decimals") {
			return true
		}
	}
	return false
}

// thousandsDot matches units written with dots between thousands
// ("1.280", "12.500.000"), as Brazil, Germany and Spain write them.
var thousandsDot = regexp.MustCompile(`(?:^|[^\d.,])\d{1,3}(?:\.\d{3})+$`)

// decimalPoint returns the decimal point that goes between units written
// as s ends and their cents: a comma after units whose thousands are
// separated by dots ("R$1.280" and "00" read "R$1.280,00"), else a point.
func decimalPoint(s string) byte {
	if thousandsDot.MatchString(s) {
		return ','
	}
	return '.'
}

func endsWithDigit(s string) bool { return s != "" && s[len(s)-1] >= '0' && s[len(s)-1] <= '9' }

// isCents reports whether s is two digits.
func isCents(s string) bool {
	return len(s) == 2 && s[0] >= '0' && s[0] <= '9' && s[1] >= '0' && s[1] <= '9'
}

func (w *textWriter) text(s string) {
	start := -1
	for i, r := range s {
		if isSpace(r) {
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

func (w *textWriter) word(s string) {
	if w.space && w.b.Len() > 0 {
		w.b.WriteByte(' ')
	}
	w.space = false
	w.b.WriteString(s)
}

// isSpace reports HTML and Unicode white space, including no-break space.
func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\f', '\v', 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF:
		return true
	}
	return r >= 0x2000 && r <= 0x200A
}

// collapse collapses runs of white space to one space and trims the ends.
func collapse(s string) string {
	var w textWriter
	w.text(s)
	return w.b.String()
}

// Compiled selectors and patterns are cached: a crawl applies the same few to
// thousands of pages. The cache is bounded so arbitrary input (fuzzing, API
// previews) cannot grow it without limit.
const cacheLimit = 512

var cache = struct {
	sync.Mutex
	sels map[string]*selector
	res  map[string]*regexp.Regexp
}{sels: map[string]*selector{}, res: map[string]*regexp.Regexp{}}

// tableChildRow is a table's row as a child ("table.offers > tr"), as
// written from a page's source or for Scrapy (lxml keeps rows where the
// source has them) but never found so: HTML parsers, browsers' too, put
// rows without a <tbody> in one.
var tableChildRow = regexp.MustCompile(`(^|[\s>+~,(])(table(?:[.#\[:][^\s>+~,]*)?)\s*>\s*tr\b`)

// impliedTbody rewrites "table > tr" as "table > * > tr", reaching rows
// through the tbody, thead or tfoot the parser put them in.
func impliedTbody(css string) string {
	if !strings.Contains(css, "tr") || !strings.Contains(css, "table") {
		return css
	}
	return tableChildRow.ReplaceAllString(css, "$1$2 > * > tr")
}

func compileSelector(s string) (*selector, error) {
	cache.Lock()
	sel, ok := cache.sels[s]
	cache.Unlock()
	if ok {
		return sel, nil
	}
	text := impliedTbody(s)
	if jqPositionInside.MatchString(text) {
		var err error
		if sel, err = compileJQuery(text); err != nil {
			return nil, err
		}
	} else {
		css, err := cascadia.Compile(precwatch.LocalNames(text))
		if err != nil {
			return nil, err
		}
		sel = &selector{css: css}
	}
	cache.Lock()
	if len(cache.sels) >= cacheLimit {
		clear(cache.sels)
	}
	cache.sels[s] = sel
	cache.Unlock()
	return sel, nil
}

func compileRegexp(s string) (*regexp.Regexp, error) {
	cache.Lock()
	re, ok := cache.res[s]
	cache.Unlock()
	if ok {
		return re, nil
	}
	re, err := regexp.Compile(s)
	if err != nil {
		return nil, err
	}
	cache.Lock()
	if len(cache.res) >= cacheLimit {
		clear(cache.res)
	}
	cache.res[s] = re
	cache.Unlock()
	return re, nil
}

// unfollowed counts the links of an index page (other than the page itself)
// that match the listing URL pattern re.
// scriptQuoted matches a quoted URL or root-relative path in script text,
// with "/" possibly escaped as "\/" or "\u002F".
var scriptQuoted = regexp.MustCompile(`"((?:https?:)?(?:\\?/|\\u002[Ff]){2}[^"\s<>]{1,500}|(?:\\?/|\\u002[Ff])[A-Za-z0-9][^"\s<>]{0,500})"`)

// scriptLinks returns the URLs in the page's scripts that match
// url_pattern (re), other than the page itself.
func (b *builder) scriptLinks(root *html.Node, re *regexp.Regexp, canon string) []string {
	var out []string
	seen := map[string]bool{canon: true}
	scan := func(text string) {
		for _, m := range scriptQuoted.FindAllStringSubmatch(text, -1) {
			if strings.HasSuffix(m[1], `\`) {
				continue // ended by an escaped quote: inside a string's string
			}
			ref := strings.NewReplacer(`\/`, "/", `\u002F`, "/", `\u002f`, "/", `\u0026`, "&").Replace(m[1])
			u, err := Canonical(b.base, ref)
			if err != nil || seen[u] || !MatchURLPattern(re, u) {
				continue
			}
			seen[u] = true
			out = append(out, u)
		}
	}
	walk(root, func(n *html.Node) {
		if n.Type != html.ElementNode || n.DataAtom != atom.Script {
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.TextNode {
				scan(c.Data)
			}
		}
	})
	// A Next.js app router page: the addresses are in the React Server
	// Components stream, JSON inside the scripts' strings.
	scan(rscStream(root))
	return out
}

// patternLinks returns the page's links (a[href]) that match url_pattern
// (re), other than the page itself.
func (b *builder) patternLinks(root *html.Node, re *regexp.Regexp, canon string) []string {
	if kind := sitemapKind(root); kind != "" {
		// A sitemap: the pages its urlset names that the pattern
		// matches, or every sitemap of a sitemap index (each read
		// so in turn).
		links, err := b.links(root, "follow", []string{"loc"}, canon)
		delete(b.page.Counts, "follow:loc")
		if err != nil || kind == "sitemapindex" {
			return links
		}
		return slices.DeleteFunc(links, func(u string) bool { return u == canon || !MatchURLPattern(re, u) })
	}
	links, err := b.links(root, "follow", []string{"a[href]"}, canon)
	delete(b.page.Counts, "follow:a[href]")
	if err != nil {
		return nil
	}
	return slices.DeleteFunc(links, func(u string) bool { return u == canon || !MatchURLPattern(re, u) })
}

func (b *builder) unfollowed(root *html.Node, re *regexp.Regexp, canon string) int {
	links, err := b.links(root, "unfollowed", []string{"a[href]"}, canon)
	delete(b.page.Counts, "unfollowed:a[href]")
	if err != nil {
		return 0
	}
	n := 0
	for _, u := range links {
		if u != canon && MatchURLPattern(re, u) {
			n++
		}
	}
	return n
}

// elsewhereWords name, in a class or id token, the parts of a page that
// show other products than the page's own: recommendations ("You may
// also like"), related and recently viewed items, bestsellers. "similar",
// "popular" and "featured" count only with a product noun
// ("popular-products", not "featured-image" or "similar-height"), as a
// listing's own blocks use them too.
var elsewhereWords = regexp.MustCompile(`(?i)recommend|also[-_]?(?:like|bought|viewed)|you[-_]?may|up-?sell|cross[-_]?sell|recently[-_]?viewed|best-?seller|trending|more[-_]from|others?[-_]also|suggest|(?:^|[-_])related(?:$|[-_])|(?:^|[-_])(?:similar|popular|featured)[-_]+(?:products?|items?|listings?|ads?|offers?|collection)|(?:products?|items?|listings?|ads?|offers?)[-_]+(?:similar|popular|featured)$`)

// elsewhereHeading is a heading over such a part, in the partners'
// languages.
var elsewhereHeading = regexp.MustCompile(`(?i)you (?:may|might) (?:also )?(?:like|be interested)|related (?:products|items|listings|ads|offers)|similar (?:products|items|listings|ads|offers)|recommend|customers (?:also|who)|people also|also (?:bought|viewed)|popular (?:products|items|now|right now)|best-?sellers?|trending|recently viewed|featured (?:products|items|collection)|könnte (?:dich|ihnen|sie) (?:auch )?interessieren|gefällt (?:dir|ihnen) (?:vielleicht )?auch|ähnliche (?:artikel|produkte|anzeigen)|empfehlungen|похожие|рекоменд|вам (?:может|также)|productos (?:relacionados|similares)|te puede interesar|produits (?:similaires|recommandés)|vous aimerez|prodotti (?:correlati|simili)|potrebbe interessarti|podobne|polecane|相关|推荐|猜你喜欢|おすすめ|関連商品`)

// elsewhere returns the parts of a not-found page that are not the page's
// own: recommendation and related-product blocks (by class, id,
// aria-label, or a heading such as "You may also like" over them), <aside>,
// <nav> and <footer>, and search forms. None holds notice, an ancestor of
// the page's first <h1> or the <body> itself.
func elsewhere(root *html.Node) []*html.Node {
	var h1 *html.Node
	walk(root, func(n *html.Node) {
		if h1 == nil && n.Type == html.ElementNode && n.DataAtom == atom.H1 {
			h1 = n
		}
	})
	holdsNotice := func(n *html.Node) bool {
		for c := h1; c != nil; c = c.Parent {
			if c == n {
				return true
			}
		}
		return false
	}
	var out []*html.Node
	var visit func(n *html.Node)
	visit = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if !holdsNotice(c) && c.DataAtom != atom.Body && c.DataAtom != atom.Main && elsewhereElement(c) {
				out = append(out, c)
				continue
			}
			if headingLevel(c) >= 2 && elsewhereHeading.MatchString(visibleText(c)) {
				// "You may also like": the heading and what follows
				// it in its parent are the recommendations; the
				// whole parent when it holds no notice and is not
				// the page's main part.
				if p := c.Parent; p != nil && !holdsNotice(p) && p.DataAtom != atom.Body && p.DataAtom != atom.Main && p.DataAtom != atom.Html {
					out = append(out, p)
					return
				}
				for s := c; s != nil; s = s.NextSibling {
					if s.Type == html.ElementNode && !holdsNotice(s) {
						out = append(out, s)
					}
				}
				return
			}
			visit(c)
		}
	}
	visit(root)
	if h1 == nil {
		return out
	}
	// A grid of product cards after the notice's own block, unnamed:
	// "<div class=page><h1>Page not found</h1>…</div><div
	// class=grid><div class=card><a …>…</a></div>…</div>". Only the grid
	// itself is left out, so text of a listing's own beside it counts.
	notice := h1.Parent
	if notice == nil || notice.DataAtom == atom.Body || notice.DataAtom == atom.Main || notice.DataAtom == atom.Html {
		notice = h1
	}
	taken := map[*html.Node]bool{}
	for _, p := range out {
		taken[p] = true
	}
	after := false
	var grids func(n *html.Node)
	grids = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c == notice:
				after = true
				continue
			case c.Type != html.ElementNode || taken[c]:
				continue
			case after && productGrid(c):
				out = append(out, c)
				continue
			}
			grids(c)
		}
	}
	grids(root)
	return out
}

// productGrid reports whether n lists other things: two or more of its
// element children each hold a link (cards, list items). Paragraphs with
// links are text, not cards.
func productGrid(n *html.Node) bool {
	if n.DataAtom == atom.Body || n.DataAtom == atom.Main || n.DataAtom == atom.P {
		return false
	}
	cards := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || c.DataAtom == atom.P || c.DataAtom == atom.Br {
			continue
		}
		if _, ok := attr(c, "href"); ok || cascadia.Query(c, anyLink) != nil {
			cards++
			if cards >= 2 {
				return true
			}
		}
	}
	return false
}

// anyLink selects a link.
var anyLink = cascadia.MustCompile("a[href]")

// headingLevel returns n for an <hN> element, else 0.
func headingLevel(n *html.Node) int {
	switch n.DataAtom {
	case atom.H1:
		return 1
	case atom.H2:
		return 2
	case atom.H3:
		return 3
	case atom.H4:
		return 4
	case atom.H5:
		return 5
	case atom.H6:
		return 6
	}
	return 0
}

// elsewhereElement reports whether n is a part of a page that shows other
// things than its own listing (see elsewhere).
func elsewhereElement(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Aside, atom.Nav, atom.Footer:
		return true
	case atom.Form:
		if v, _ := attr(n, "role"); strings.EqualFold(v, "search") {
			return true
		}
		search := false
		walk(n, func(c *html.Node) {
			if c.Type == html.ElementNode && c.DataAtom == atom.Input {
				typ, _ := attr(c, "type")
				name, _ := attr(c, "name")
				search = search || strings.EqualFold(typ, "search") || slices.Contains([]string{"q", "s", "search", "query", "keyword", "keywords"}, strings.ToLower(name))
			}
		})
		return search
	}
	if v, _ := attr(n, "role"); strings.EqualFold(v, "search") || strings.EqualFold(v, "complementary") {
		return true
	}
	if v, ok := attr(n, "aria-label"); ok && elsewhereHeading.MatchString(v) {
		return true
	}
	for _, a := range []string{"class", "id", "data-section-type", "data-component"} {
		if v, ok := attr(n, a); ok {
			for tok := range strings.FieldsSeq(v) {
				if elsewhereWords.MatchString(tok) {
					return true
				}
			}
		}
	}
	return false
}

// ownContent reports whether a page that says it is not there has listing
// content of its own (listingContent) once the parts that show other
// products are left out (elsewhere): a not-found page that recommends
// products ("You may also like: Acetone 1 l, € 12") has none, while a
// listing page whose seller worded the title like a notice keeps its own
// price and description, which are not in such parts. The parts are
// detached while the fields are read again, then put back.
func ownContent(root *html.Node, fields []field, frames map[string]string, heads []string) bool {
	parts := elsewhere(root)
	if len(parts) == 0 {
		return true
	}
	type place struct{ parent, next *html.Node }
	places := make([]place, len(parts))
	for i, p := range parts {
		places[i] = place{p.Parent, p.NextSibling}
	}
	for _, p := range parts {
		p.Parent.RemoveChild(p)
	}
	defer func() {
		for i := len(parts) - 1; i >= 0; i-- {
			places[i].parent.InsertBefore(parts[i], places[i].next)
		}
	}()
	values := make(map[string]string, len(fields))
	for _, f := range fields {
		n := root
		if f.css == nil {
			if body := findBody(root); body != nil {
				n = body
			}
		}
		v, _, _ := f.value(n)
		if loadAttrs[f.attr] {
			v = ""
		}
		values[f.name] = v
	}
	return listingContent(values, frames, heads)
}

// cfEmail decodes an address hidden by Cloudflare's email obfuscation: an
// <a> or <span> with data-cfemail (or a link to /cdn-cgi/l/email-protection#…)
// holding the address XORed with its first byte, in hex, and showing
// "[email protected]" instead. Sellers' contact addresses are evidence.
func cfEmail(n *html.Node) (string, bool) {
	var enc string
	for _, a := range n.Attr {
		switch {
		case a.Key == "data-cfemail":
			enc = a.Val
		case a.Key == "href" && enc == "":
			if _, frag, ok := strings.Cut(a.Val, "/cdn-cgi/l/email-protection#"); ok {
				enc = frag
			}
		}
	}
	enc = strings.TrimSpace(enc)
	if len(enc) < 4 || len(enc)%2 != 0 || len(enc) > 512 {
		return "", false
	}
	raw, err := hex.DecodeString(enc)
	if err != nil {
		return "", false
	}
	out := make([]byte, len(raw)-1)
	for i, c := range raw[1:] {
		out[i] = c ^ raw[0]
	}
	if !utf8.Valid(out) || !bytes.ContainsRune(out, '@') {
		return "", false
	}
	return string(out), true
}

// templateScript reports whether a <script> holds markup for a script to
// render (Underscore, Handlebars, Knockout, Angular and Vue templates)
// rather than code or data.
func templateScript(n *html.Node) bool {
	t, _ := attr(n, "type")
	t = strings.ToLower(strings.TrimSpace(t))
	return strings.Contains(t, "template") || strings.Contains(t, "tmpl") || t == "text/html" ||
		strings.Contains(t, "handlebars") || strings.Contains(t, "mustache") || strings.Contains(t, "x-jsrender")
}

// jsonScript reports whether a <script> holds JSON data (jsonScriptType).
func jsonScript(n *html.Node) bool {
	t, _ := attr(n, "type")
	return jsonScriptType(strings.ToLower(strings.TrimSpace(t)))
}

// scriptPath returns the value at a dotted path in the JSON a <script>
// holds.
func scriptPath(n *html.Node, path string) (string, bool) {
	dec := json.NewDecoder(strings.NewReader(scriptContent(n)))
	dec.UseNumber()
	var doc any
	if dec.Decode(&doc) != nil {
		return "", false
	}
	v, ok := lookup(doc, NormalizePath(path))
	if !ok {
		return "", false
	}
	return render(v), true
}

// markupValue reports whether an attribute's value is markup (escaped in
// the page: data-full="&lt;p&gt;Ships discreetly&lt;/p&gt;"), which a
// script puts into the page: it starts with a tag and closes one.
func markupValue(v string) bool {
	v = strings.TrimSpace(v)
	return len(v) > 2 && v[0] == '<' && (v[1] >= 'a' && v[1] <= 'z' || v[1] >= 'A' && v[1] <= 'Z') && strings.Contains(v, "</")
}

// listingLike reports whether a page holds a product: schema.org product
// data, or a title and a price or description read by the target's field
// selectors (as on a listing page).
func listingLike(root *html.Node, specs map[string]string) bool {
	if len(pageProducts(root, false)) > 0 {
		return true
	}
	fields, err := compileFields(specs)
	if err != nil {
		return false
	}
	got := map[string]bool{}
	for _, f := range fields {
		n := root
		if f.css == nil {
			if body := findBody(root); body != nil {
				n = body
			}
		}
		if v, _, _ := f.value(n); strings.TrimSpace(v) != "" {
			got[f.name] = true
		}
	}
	return got[precwatch.FieldTitle] && (got[precwatch.FieldPrice] || got[precwatch.FieldDescription])
}

// markupLink returns the address of the first link (<a href>) in v when v
// is markup (see markupValue): a feed's cell holding a rendered link, as
// DataTables' server-side rows give ["<a href=\"/product/7\">Acetone</a>",
// …], whose url field is the link, not its text.
func markupLink(v string) (string, bool) {
	if !markupValue(v) {
		return "", false
	}
	z := html.NewTokenizer(strings.NewReader(v))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return "", false
		case html.StartTagToken, html.SelfClosingTagToken:
			name, attr := z.TagName()
			if string(name) != "a" || !attr {
				continue
			}
			for {
				k, val, more := z.TagAttr()
				if string(k) == "href" && strings.TrimSpace(string(val)) != "" {
					return strings.TrimSpace(string(val)), true
				}
				if !more {
					break
				}
			}
		}
	}
}

// scriptContent returns the raw text of a <script>.
func scriptContent(n *html.Node) string {
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	}
	return b.String()
}

// cursorToken reports whether v, read from attribute name of a next_page
// match, is a cursor token rather than an address: a single word of URL-safe
// characters in an attribute not named for a link.
func cursorToken(name, v string) bool {
	n := strings.ToLower(name)
	for _, suffix := range []string{"url", "href", "link", "src", "get", "path", "action"} {
		if strings.HasSuffix(n, suffix) {
			return false
		}
	}
	v = strings.TrimSpace(v)
	if len(v) < 2 || len(v) > 2048 || v == "#" || slug.MatchString(v) {
		return false
	}
	return !strings.ContainsAny(v, "/?.#:& \t\n")
}

// slug is a relative path written as words and numbers joined by hyphens
// ("page-2"), not a token.
var slug = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)+$`)

// offsetAttr reports whether attribute name holds an offset into the
// catalogue rather than a page number ("data-offset", "data-next-offset",
// "data-start", "data-skip").
func offsetAttr(name string) bool {
	switch tokenParam(name) {
	case "offset", "start", "skip", "from":
		return true
	}
	return false
}

// tokenParam names the query parameter that carries a cursor token read
// from attribute name: "data-after" → after, "data-next-cursor" → cursor,
// "data-page-token" → page_token, "data-end-cursor" → after.
func tokenParam(name string) string {
	n := strings.TrimPrefix(strings.ToLower(name), "data-")
	n = strings.TrimPrefix(n, "next-")
	switch n {
	case "end-cursor", "endcursor":
		return "after"
	case "", "next":
		return "cursor"
	}
	return strings.ReplaceAll(n, "-", "_")
}

// formURL returns the URL a GET form submits, for a <form> or a submit
// button inside one (whose own name and value are submitted too): its
// action (the page itself when empty) with the form's named controls —
// text-like and hidden inputs, checked boxes, selects — as the query.
// POST forms and forms of other methods are no pagers to follow.
//
// A pager whose pages are radio buttons in a form that its script submits
// on a click (Shopware 6: <li class="page-next"><input type=radio name=p
// value=2><label for=…>) is followed through the choice the selector
// names — the radio, its label, or an element holding one radio — as the
// form submits it with that radio chosen; a disabled choice (the last
// page's "next") is none.
func formURL(n *html.Node, base *url.URL) (string, bool) {
	form, submit, choice := n, (*html.Node)(nil), (*html.Node)(nil)
	if n.DataAtom != atom.Form {
		switch {
		case isSubmit(n):
			submit = n
		default:
			if choice = choiceOf(n); choice == nil {
				return "", false
			}
			if _, disabled := attr(choice, "disabled"); disabled {
				return "", false
			}
		}
		start := n
		if choice != nil {
			start = choice
		}
		for form = start.Parent; form != nil && form.DataAtom != atom.Form; form = form.Parent {
		}
		if form == nil {
			return "", false
		}
	}
	if m, _ := attr(form, "method"); m != "" && !strings.EqualFold(strings.TrimSpace(m), "get") {
		return "", false
	}
	action, _ := attr(form, "action")
	if submit != nil {
		if a, ok := attr(submit, "formaction"); ok {
			action = a
		}
	}
	action = strings.TrimSpace(action)
	target, err := base.Parse(action)
	if err != nil || action != "" && scriptHref(action) {
		return "", false
	}
	q := formValues(form, submit, choice)
	u := *target
	u.Fragment = ""
	u.RawQuery = q.Encode()
	return u.String(), true
}

// formValues returns the values a form submits: its named, enabled
// controls — text-like and hidden inputs, checked boxes and radios,
// selects (the selected option, else the first), textareas — plus the
// submit button submit, if any; choice, if any, is the radio or checkbox
// chosen in place of its group's checked one.
func formValues(form, submit, choice *html.Node) url.Values {
	var choiceName string
	if choice != nil {
		choiceName, _ = attr(choice, "name")
	}
	q := url.Values{}
	walk(form, func(c *html.Node) {
		if c.Type != html.ElementNode {
			return
		}
		name, _ := attr(c, "name")
		if _, disabled := attr(c, "disabled"); name == "" || disabled {
			return
		}
		switch c.DataAtom {
		case atom.Input:
			typ, _ := attr(c, "type")
			v, _ := attr(c, "value")
			switch strings.ToLower(typ) {
			case "submit", "image", "button", "reset", "file":
				if c == submit {
					q.Add(name, v)
				}
			case "checkbox", "radio":
				if choice != nil && c != choice && strings.EqualFold(typ, "radio") && name == choiceName {
					// Another page of the chosen radio's group.
					return
				}
				if _, on := attr(c, "checked"); on || c == choice {
					if v == "" {
						v = "on"
					}
					q.Add(name, v)
				}
			default:
				q.Add(name, v)
			}
		case atom.Button:
			if c == submit {
				v, _ := attr(c, "value")
				q.Add(name, v)
			}
		case atom.Select:
			var first, chosen *html.Node
			walk(c, func(o *html.Node) {
				if o.Type == html.ElementNode && o.DataAtom == atom.Option {
					if first == nil {
						first = o
					}
					if _, sel := attr(o, "selected"); sel && chosen == nil {
						chosen = o
					}
				}
			})
			if chosen == nil {
				chosen = first
			}
			if chosen != nil {
				v, ok := attr(chosen, "value")
				if !ok {
					v = visibleText(chosen)
				}
				q.Add(name, v)
			}
		case atom.Textarea:
			q.Add(name, visibleText(c))
		}
	})
	return q
}

// choiceOf returns the radio button or checkbox n is, labels (<label
// for=id> or wrapping it), or holds as its only one; else nil.
func choiceOf(n *html.Node) *html.Node {
	isChoice := func(c *html.Node) bool {
		if c.Type != html.ElementNode || c.DataAtom != atom.Input {
			return false
		}
		t, _ := attr(c, "type")
		t = strings.ToLower(strings.TrimSpace(t))
		return t == "radio" || t == "checkbox"
	}
	if isChoice(n) {
		return n
	}
	if id, ok := attr(n, "for"); ok && n.DataAtom == atom.Label && strings.TrimSpace(id) != "" {
		root := n
		for root.Parent != nil {
			root = root.Parent
		}
		var found *html.Node
		walk(root, func(c *html.Node) {
			if found == nil && isChoice(c) {
				if v, _ := attr(c, "id"); v == id {
					found = c
				}
			}
		})
		if found != nil {
			return found
		}
	}
	var found []*html.Node
	walk(n, func(c *html.Node) {
		if isChoice(c) {
			found = append(found, c)
		}
	})
	if len(found) == 1 {
		return found[0]
	}
	return nil
}

// isSubmit reports whether n is a button that submits its form.
func isSubmit(n *html.Node) bool {
	typ, _ := attr(n, "type")
	typ = strings.ToLower(strings.TrimSpace(typ))
	switch n.DataAtom {
	case atom.Button:
		return typ == "" || typ == "submit"
	case atom.Input:
		return typ == "submit" || typ == "image"
	}
	return false
}

// componentCall is the start of an attribute that calls a component
// function with its data (Alpine.js' x-data="productCard({…})").
var componentCall = regexp.MustCompile(`^[A-Za-z_$][A-Za-z0-9_$.]*\s*\(\s*`)

// jsonAttr reads attribute name of n, or, when n has no attribute of that
// name and name is "attr.path", the value at the dotted path inside the
// JSON the attribute attr holds: themes keep a card's product as JSON in
// one attribute (data-product='{"name": …, "price": …}'), read with
// "@data-product.name"; a JavaScript object literal (Alpine.js' x-data) is
// read alike.
func jsonAttr(n *html.Node, name string) (string, bool) {
	if v, ok := attr(n, name); ok || n.Type == html.ElementNode && n.DataAtom == atom.Script && jsonScript(n) {
		if !ok {
			// A JSON script's data at a dotted path:
			// "script#seller-data@seller.country".
			return scriptPath(n, name)
		}
		return v, ok
	}
	if !strings.Contains(name, ".") {
		return "", false
	}
	a, path, _ := strings.Cut(name, ".")
	raw, ok := attr(n, a)
	raw = strings.TrimSpace(raw)
	if m := componentCall.FindStringIndex(raw); ok && m != nil {
		// Alpine.js' x-data="productCard({…})": the data is the
		// component function's argument.
		raw = strings.TrimSpace(raw[m[1]:])
	}
	if !ok || raw == "" || raw[0] != '{' && raw[0] != '[' {
		return "", false
	}
	dec := json.NewDecoder(strings.NewReader(raw))
	dec.UseNumber()
	var doc any
	if err := dec.Decode(&doc); err != nil {
		// A JavaScript object literal (Alpine.js' x-data="{ product:
		// { name: 'Acetone' } }"): unquoted keys, single quotes.
		if doc, ok = decodeJSLiteral(raw); !ok {
			return "", false
		}
	}
	v, ok := lookup(doc, NormalizePath(path))
	if !ok {
		return "", false
	}
	return render(v), true
}

// lazyFragments returns the addresses of the parts of a page that the
// browser loads into it after the page itself, in order: Hotwire's
// <turbo-frame src> (eager or loading="lazy"), GitHub's <include-fragment
// src>, and an htmx element's hx-get (or data-hx-get) whose hx-trigger
// fires without a click — "load", "revealed", "intersect". Before session
// 23 a catalogue whose grid was such a part read as a shop without
// listings, complete.
func lazyFragments(root *html.Node) []string {
	var out []string
	walk(root, func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "turbo-frame", "include-fragment":
				if src, ok := attr(n, "src"); ok && strings.TrimSpace(src) != "" {
					out = append(out, src)
				}
			default:
				get, ok := attr(n, "hx-get")
				if !ok {
					get, ok = attr(n, "data-hx-get")
				}
				trig, tok := attr(n, "hx-trigger")
				if !tok {
					trig, tok = attr(n, "data-hx-trigger")
				}
				if ok && tok && strings.TrimSpace(get) != "" && htmxFiresAlone(trig) {
					out = append(out, get)
				}
			}
		}
	})
	return out
}

// htmxFiresAlone reports whether an hx-trigger value names an event that
// fires without the visitor doing anything but look: "load", "revealed"
// or "intersect", with or without modifiers ("load delay:1s", "intersect
// once"), among others ("click, load").
func htmxFiresAlone(trigger string) bool {
	for part := range strings.SplitSeq(trigger, ",") {
		f := strings.Fields(part)
		if len(f) == 0 {
			continue
		}
		switch strings.ToLower(f[0]) {
		case "load", "revealed", "intersect":
			return true
		}
	}
	return false
}

// frameSources returns the addresses of a frameset document's frames
// (<frame src>), in order.
func frameSources(root *html.Node) []string {
	var out []string
	walk(root, func(n *html.Node) {
		if n.Type == html.ElementNode && n.DataAtom == atom.Frame {
			if src, ok := attr(n, "src"); ok && strings.TrimSpace(src) != "" {
				out = append(out, src)
			}
		}
	})
	return out
}
