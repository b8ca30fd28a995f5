// Package extract turns fetched pages into listings. It is pure: bytes and a
// URL in, listings and links out, no I/O, so every extractor is golden-tested
// and fuzzed.
//
// HTML targets are read with CSS selectors (goquery/cascadia): follow and
// next_page selectors give links, listing.item selects each listing node and
// listing.fields maps listing fields to "css", "css@attr" or "@attr" specs;
// without fields, and for a configured field that finds nothing, the page's
// schema.org product data (JSON-LD, microdata, OpenGraph) is read instead,
// or else the product a single-page app embeds as JSON (__NEXT_DATA__,
// window.__INITIAL_STATE__ = {...}).
// XML documents fetched by HTML targets (RSS, Atom, sitemaps) are parsed as
// XML into the same tree. JSON feed targets (also JSON Lines, JSONP, CSV and
// TSV files, JSON held in a string, and the app state an HTML page embeds)
// are read with dotted paths, JSONPath-like spellings accepted; POST feeds
// (GraphQL, search APIs) name their pages by the page variables of their
// request body (PostPageURL). Pages say when they are a bot wall, a soft
// 404, or hold fields in iframes, for the crawler to act on. Every URL returned is absolute
// and canonical (see Canonical). All functions are safe for concurrent use.
package extract

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/precwatch/precwatch"
)

// Counts keys besides the per-selector ones ("follow:<sel>",
// "next_page:<sel>", "field:<name>").
const (
	CountItem       = "item"        // listing nodes (HTML) or items (JSON) on the page
	CountSkipped    = "skipped"     // items dropped for having neither title nor description
	CountDuplicate  = "duplicate"   // items dropped for repeating an earlier item's id or url on the page
	CountURLPattern = "url_pattern" // 1 when listing.url_pattern matched the page URL, 0 when not (only set when a pattern is configured)
	CountStructured = "structured"  // listings read wholly or partly from structured data (JSON-LD, microdata, OpenGraph)
	// CountUnfollowed is the number of links on an index page that match
	// listing.url_pattern although the follow selectors found no link
	// there (only set then): a sign that the site changed its markup.
	CountUnfollowed = "unfollowed"
	// CountPatternMissed is 1 on a page of a target with follow selectors
	// and url_pattern that the pattern does not match, that has nothing to
	// follow (no link the follow or next_page selectors find) and that
	// holds a product (schema.org data, or a title and a price or
	// description by the field selectors): a listing page the pattern
	// misses, as when a shop moves its products to new addresses
	// (/p/123 → /produkt/acetone-5l).
	CountPatternMissed = "pattern_missed"
	// CountScriptLinks is the number of listing links (by url_pattern)
	// read from an index page's scripts because the follow selectors
	// and the markup had none (a single-page app's catalogue).
	CountScriptLinks = "script_links"
	// CountNotFound is 1 on a page that says it is not there (see
	// Page.NotFound).
	CountNotFound = "not_found"
	// CountGone is 1 on a listing page where listing.gone matched.
	CountGone = "gone"
)

// Page is what one fetched page yields.
type Page struct {
	// Listings found on the page, in document order. Platform and Target
	// are set from the target; URL is the url field made absolute and
	// canonical, else the page's canonical URL — for the page's own
	// listing (no listing.item), the URL its same-site <link
	// rel="canonical"> declares, so that a product reachable under
	// several addresses is one listing; ID is the id field, else the URL. The first listing of a page without id or url is named by
	// the page URL, unless the page is a board of inline cards (listing.item
	// on a target without follow or url_pattern, or a JSON feed's items);
	// such cards, and the second and later listings of any page without id
	// or url, are named by their text: the site's root URL, "#" and a hash
	// of title, seller and description, so that a card keeps its identity
	// when cards before it are taken down or it moves to another page.
	// Listings repeating an earlier id on the page are dropped
	// (CountDuplicate).
	Listings []precwatch.Listing `json:"listings"`
	// Follow holds the absolute canonical URLs of detail pages (follow
	// selectors), deduplicated, in document order.
	Follow []string `json:"follow"`
	// Next holds the absolute canonical URLs of next pages (next_page
	// selectors or the JSON next_page path), deduplicated, in document order,
	// never the page itself.
	Next []string `json:"next"`
	// CountOn is, for a JSON feed page silent about its next page (no
	// next_page configured, no next-page key), the URL with its page or
	// offset parameter counted on; the crawler reads it unless the feed
	// pages by Link headers.
	CountOn string `json:"count_on,omitempty"`
	// First is, on a JSON feed page whose body says it is not the
	// feed's first page although its URL names it by the number the body
	// gives (Spring Data's "first": false beside "number": 1 for ?page=1:
	// pages counted from 0), the URL of the feed's page 0. The crawler
	// reads it when the page is a start URL, so that a start URL written
	// ?page=1 does not skip page 0.
	First string `json:"first,omitempty"`
	// CursorRepeated is set, instead of a next page, on a JSON feed page
	// asked for by a cursor that gave back that same cursor with
	// listings; it says how the cursor was sent ("as query parameter
	// next_token", or "by json.body, read from" its next_page path). Either the API did not read
	// the cursor there and answered its first page again, or this is
	// its last page: the crawler tells them apart by whether any of the
	// page's listings is new to the run.
	CursorRepeated string `json:"cursor_repeated,omitempty"`
	// SelfNext is set on an html page whose next_page selectors matched
	// only a link to the page's own address: a stateful pager (JSF,
	// Struts, an old ASP shop) whose "next" link is the same address on
	// every page, the page kept in the session — or a last page linking
	// itself. The crawler asks for such a next page again while it
	// brings something new.
	SelfNext bool `json:"self_next,omitempty"`
	// Postbacks holds, for each next page of Next that an ASP.NET
	// WebForms pager posts back (named by PostbackURL), the form body
	// to post, form-urlencoded: the form's controls with __VIEWSTATE,
	// __EVENTVALIDATION and the rest, and __EVENTTARGET and
	// __EVENTARGUMENT set as the pager link's script sets them.
	Postbacks map[string]string `json:"postbacks,omitempty"`
	// Gone is set on a listing page where the target's listing.gone
	// selector matched: the platform's notice that the listing was taken
	// down, shown with status 200. Such a page has no listings.
	Gone bool `json:"gone,omitempty"`
	// BotWall names the bot protection whose challenge or block page this
	// is ("Incapsula", "Cloudflare", "DataDome", …), by its markers, when
	// the page has no listings and no links to follow: not the shop's
	// answer, and no sign that its listings are gone.
	BotWall string `json:"bot_wall,omitempty"`
	// ChallengeTitle is set when BotWall was read from the page's whole
	// title ("Just a moment...", "Robot Check"): a challenge page even
	// when the field selectors read a listing off its heading.
	ChallengeTitle bool `json:"challenge_title,omitempty"`
	// PasswordForm is set on an html page that holds a password field,
	// and LoginTitle when its title or first h1 also says to log in: a
	// login page, where a shop that wants a session from its third
	// catalogue page on, or for its ads, sends a crawler. (A shop's
	// header login form is no sign alone: the crawler counts a page with
	// one as a login page only when the page says so, or when it has
	// nothing else on it and a redirect sent the crawler there.)
	PasswordForm bool `json:"password_form,omitempty"`
	LoginTitle   bool `json:"login_title,omitempty"`
	// Maintenance is set on an html page without listings or links to
	// follow whose title or first h1 says the site is down for
	// maintenance ("Wartungsarbeiten"), which some shops answer with
	// status 200.
	Maintenance bool `json:"maintenance,omitempty"`
	// Gate is "consent" or "age" on an html page without listings or
	// links to follow whose title or first h1 says it is a cookie-consent
	// wall or an age gate, which some shops answer, with status 200, in
	// place of their pages until a cookie says the visitor agreed.
	Gate string `json:"gate,omitempty"`
	// ErrorPage names the server error an html page without listings or
	// links to follow shows in their place ("PHP's fatal error: Allowed
	// memory size …", ASP.NET's "Server Error in '/' Application."), which
	// some servers answer with status 200; "" otherwise.
	ErrorPage string `json:"error_page,omitempty"`
	// NotFound is set on a page of a target without listing.item and
	// listing.gone whose title or main heading is wholly a notice that it
	// is not there ("Page not found", "404", "This listing has ended",
	// "Seite nicht gefunden", …; not a seller's "not found cheaper
	// anywhere"), that has no structured product and no listing content
	// (no price with a number, under 20 letters and digits in the other
	// fields): a soft 404.
	// The crawler takes a listing page so marked as gone, like a 404,
	// and reads none of its listings.
	NotFound bool `json:"not_found,omitempty"`
	// Frames are fields of the page's listings whose text is in an
	// <iframe>'s document (a description served from another page, as
	// eBay does): a field selector that matches an iframe, or an
	// iframe named for a description on a page whose listing has none.
	// The crawler fetches each URL (in scope only) and sets the field to
	// its visible text.
	Frames []Frame `json:"frames,omitempty"`
	// Counts says how many nodes each selector matched on this page, keyed
	// "follow:<sel>", "next_page:<sel>", "item", "field:<name>" (items whose
	// field matched), plus CountSkipped, CountDuplicate and CountURLPattern.
	// A selector that matched nothing has a zero entry, so `target test` can
	// report it.
	Counts map[string]int `json:"counts"`
}

// Frame is a listing field whose text is the document at URL: the
// listing is Page.Listings[Listing].
type Frame struct {
	Listing int    `json:"listing"`
	Field   string `json:"field"`
	URL     string `json:"url"`
}

// SetField sets the field name of l ("title", "description", …, or an
// attribute) to v, as field specs fill it.
func SetField(l *precwatch.Listing, name, v string) {
	switch name {
	case fieldID:
		l.ID = v
	case fieldURL:
		l.URL = v
	case precwatch.FieldTitle:
		l.Title = v
	case precwatch.FieldDescription:
		l.Description = v
	case precwatch.FieldPrice:
		l.Price = v
	case precwatch.FieldSeller:
		l.Seller = v
	case precwatch.FieldLocation:
		l.Location = v
	default:
		if l.Attributes == nil {
			l.Attributes = map[string]string{}
		}
		l.Attributes[name] = v
	}
}

// Extract extracts a page of target t fetched from pageURL, dispatching on
// t.Kind (HTML when empty). body must be UTF-8. It fails only when pageURL is
// not an absolute http(s) URL, a selector or pattern does not compile, or a
// JSON body does not parse; a page with nothing on it is not an error.
func Extract(t *precwatch.Target, pageURL string, body []byte) (*Page, error) {
	switch strings.ToLower(t.Kind) {
	case precwatch.KindHTML, "":
		return HTML(t, pageURL, body)
	case precwatch.KindJSON:
		return JSON(t, pageURL, body)
	default:
		return nil, fmt.Errorf("target %s: unknown kind %q", t.Name, t.Kind)
	}
}

// pageBase parses and canonicalises the page URL.
func pageBase(pageURL string) (*url.URL, string, error) {
	canon, err := Canonical(nil, pageURL)
	if err != nil {
		return nil, "", fmt.Errorf("page url: %w", err)
	}
	base, err := url.Parse(cleanRef(pageURL))
	if err != nil {
		// A stray "%" (http://0/%0) that Canonical escaped: resolve
		// against the canonical form.
		if base, err = url.Parse(canon); err != nil {
			return nil, "", fmt.Errorf("page url: %w", err)
		}
	}
	return base, canon, nil
}

// Field names with a home in precwatch.Listing; others go to Attributes.
const (
	fieldID  = "id"
	fieldURL = "url"
)

// builder assembles a page's listings: it fills in URLs and IDs, drops
// listings without text and duplicates, and counts what it drops.
type builder struct {
	t       *precwatch.Target
	base    *url.URL
	pageURL string // canonical
	page    *Page
	seen    map[string]bool
	// cards is set when the page's listings are inline cards rather than
	// the page's own listing (see Page.Listings).
	cards   bool
	pageIDs int // listings without id or url so far
	// listed is set when the page's listings came from a JSON-LD
	// ItemList: a category page, not a product's.
	listed bool
	// self is the page's same-site <link rel="canonical">, when it may
	// name the page's own listing (see relCanonical).
	self string
	// postbackCur is the page's number in a catalogue paged by
	// postbacks: its PostbackPage, 1 for a page fetched by its URL.
	postbackCur int
	// templ is set on a page of an html target whose requests are built
	// from its request template (RequestTemplate): next_page values are
	// the page variables of the next request, not links (templNext).
	templ     bool
	templNext []templValue
}

// templValue is a next_page value of a templated html page: a page
// number ('p'), an offset ('o') or a cursor ('c').
type templValue struct {
	kind byte
	v    string
}

func newBuilder(t *precwatch.Target, base *url.URL, pageURL string) *builder {
	return &builder{
		t: t, base: base, pageURL: pageURL,
		page:        &Page{Counts: map[string]int{}},
		seen:        map[string]bool{},
		postbackCur: 1,
	}
}

// add completes l from its raw fields and appends it unless it has neither
// title nor description or repeats an earlier listing's id.
func (b *builder) add(fields map[string]string) {
	l := precwatch.Listing{Platform: b.t.Platform, Target: b.t.Name}
	for name, v := range fields {
		if v == "" {
			continue
		}
		if !utf8.ValidString(v) {
			// The crawler decodes pages to UTF-8, but a page may lie
			// about its charset; never pass invalid text downstream.
			v = strings.ToValidUTF8(v, "\uFFFD")
		}
		if name == fieldURL {
			if u, err := Canonical(b.base, v); err == nil {
				l.URL = u
			}
			continue
		}
		SetField(&l, name, v)
	}
	if l.Title == "" && l.Description == "" {
		b.page.Counts[CountSkipped]++
		return
	}
	ownURL := l.URL != ""
	if !ownURL {
		l.URL = b.pageURL
		if b.self != "" && !b.cards && b.pageIDs == 0 {
			// The page's own listing, reachable under several
			// addresses (/p/5-name, /category/x/p/5, ?variant=2):
			// it is named by the address the page declares.
			l.URL = b.self
		}
	}
	if l.ID == "" {
		l.ID = l.URL
		if !ownURL {
			b.pageIDs++
			if b.cards || b.pageIDs > 1 {
				// An inline card without id or url: its position
				// or page changes as other cards come and go, its
				// text does not (an edited card is a new listing).
				l.ID = cardID(b.pageURL, l)
			}
		}
	}
	if b.seen[l.ID] {
		b.page.Counts[CountDuplicate]++
		return
	}
	b.seen[l.ID] = true
	b.page.Listings = append(b.page.Listings, l)
}

// cardID names a listing without id or url by its site (the root of the
// canonical pageURL) and text.
func cardID(pageURL string, l precwatch.Listing) string {
	h := sha256.New()
	for _, s := range []string{l.Title, l.Seller, l.Description} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	root := pageURL
	if u, err := url.Parse(pageURL); err == nil {
		root = (&url.URL{Scheme: u.Scheme, Host: u.Host, Path: "/"}).String()
	}
	return root + "#" + hex.EncodeToString(h.Sum(nil)[:8])
}

// link records ref (resolved against the base) in *dst once; references that
// are not http(s) URLs are ignored.
// escapedAmp is an ampersand between query parameters written as an HTML
// entity ("&amp;size=2", WordPress' "&#038;size=2").
var escapedAmp = regexp.MustCompile(`&(?:amp|#0*38|#[xX]0*26);([A-Za-z0-9_.~%\[\]-]+=)`)

// unescapeQueryAmp turns the ampersands of a link's query that are written
// as HTML entities back into ampersands: an API escaping its next page for
// HTML in its JSON ("/api/items?page=2&amp;size=2"), or a template escaping
// a link twice, names parameters no server reads ("amp;size"), and the page
// asked so answers with its default size, skipping listings.
func unescapeQueryAmp(ref string) string {
	q := strings.IndexByte(ref, '?')
	if q < 0 || !strings.Contains(ref[q:], ";") {
		return ref
	}
	return ref[:q] + escapedAmp.ReplaceAllString(ref[q:], "&$1")
}

func (b *builder) link(dst *[]string, seen map[string]bool, ref string) {
	u, err := Canonical(b.base, unescapeQueryAmp(ref))
	if err != nil || seen[u] {
		return
	}
	seen[u] = true
	*dst = append(*dst, u)
}
