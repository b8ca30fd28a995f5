package extract

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"maps"
	"net/url"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	nethtml "golang.org/x/net/html"

	"github.com/precwatch/precwatch"
)

// JSON extracts a page of a JSON feed target. The body may also be JSON Lines
// (its values make a list, the document) or JSONP (the callback is dropped). t.JSON.Items is a dotted path
// to the array of listings ("" or "." for the document itself; a path that
// leads to an object yields that one object as a listing). t.JSON.Fields map
// listing fields to dotted paths inside each item, and t.JSON.NextPage to the
// next page's URL in the document (absent, null or empty: last page;
// relative URLs are resolved against the page URL; a number, also in a
// string, is a page number, see pageNumberURL; a {"href": …} object is its
// URL; a token under a cursor-like key is sent back as a query parameter, see
// cursorURL). Without next_page, a next-page URL under a conventional key
// (defaultNextKeys) is the next page, and a feed silent about it counts on
// its page or offset parameter (Page.CountOn). Path segments select
// object keys, or array elements when numeric ("items.0.title"); a key that
// itself contains a dot is addressed as written ("@odata.nextLink", see
// mapKey). JSONPath-like spellings
// ("$.data.results[*]", "images[0].url") are read as their dotted forms (see
// NormalizePath). An items path that leads to an object keyed by listing id
// yields its values (see objectItems). Strings are
// reduced to visible text when they contain markup and whitespace-collapsed;
// numbers keep their literal form, booleans read "true"/"false", arrays of
// scalars are joined with ", " and objects are read as the text they stand
// for (see renderObject).
func JSON(t *precwatch.Target, pageURL string, body []byte) (*Page, error) {
	base, canon, err := pageBase(pageURL)
	if err != nil {
		return nil, err
	}
	body = unwrapJSONP(stripXSSI(bytes.TrimPrefix(body, []byte("\xef\xbb\xbf"))))
	if doc, ok := pageState(body, &t.JSON); ok {
		return jsonDoc(t, base, canon, pageURL, doc)
	}
	if doc, ok := turboStreamFeed(body); ok {
		// React Router's single-fetch answer (/shop.data): read
		// as the loader data it encodes when the items path leads
		// somewhere in it.
		if _, found := lookup(doc, t.JSON.Items); found {
			return jsonDoc(t, base, canon, pageURL, doc)
		}
		if _, found := lookupEach(doc, t.JSON.Items); found {
			return jsonDoc(t, base, canon, pageURL, doc)
		}
	}
	doc, err := decodeFeed(body, canon)
	if err != nil {
		if rows, ok := csvRows(body); ok {
			// A CSV or TSV feed (a Google Merchant or shop export):
			// its rows are the items, keyed by the header.
			return jsonDoc(t, base, canon, pageURL, rows)
		}
		if title := htmlAnswerTitle(body); title != "" {
			// A proxy's or the server's error page answered with
			// status 200 ("502 Bad Gateway"): say so, not only
			// that '<' cannot start JSON.
			return nil, fmt.Errorf("%w: an HTML page titled %q instead of JSON, with no app state where json.items leads", err, title)
		}
		return nil, err
	}
	return jsonDoc(t, base, canon, pageURL, svelteKitDataJSON(devaluePayload(doc, &t.JSON), &t.JSON))
}

// svelteKitDataJSON returns the data of the first route node of a
// SvelteKit __data.json answer ({"type": "data", "nodes": [{"type": "data",
// "data": [devalue's flat list]}, {"type": "skip"}, …]}) in which the items
// path leads somewhere, revived; else doc.
func svelteKitDataJSON(doc any, spec *precwatch.JSONSpec) any {
	m, ok := doc.(map[string]any)
	if !ok || NormalizePath(spec.Items) == "" {
		return doc
	}
	nodes, ok := m["nodes"].([]any)
	if !ok || m["type"] != "data" {
		return doc
	}
	if _, ok := lookup(doc, spec.Items); ok {
		return doc
	}
	for _, n := range nodes {
		node, _ := n.(map[string]any)
		data, ok := node["data"].([]any)
		if !ok || node["type"] != "data" {
			continue
		}
		r, ok := reviveDevalue(data)
		if !ok {
			continue
		}
		if _, ok := lookup(r, spec.Items); ok {
			return r
		}
		if _, ok := lookupEach(r, spec.Items); ok {
			return r
		}
	}
	return doc
}

// devaluePayload returns doc revived when it is a devalue payload (Nuxt 3's
// /_payload.json, the list __NUXT_DATA__ holds) in which the items path
// leads somewhere while it leads nowhere in the list as it is; else doc.
func devaluePayload(doc any, spec *precwatch.JSONSpec) any {
	arr, ok := doc.([]any)
	if !ok || len(arr) < 2 || NormalizePath(spec.Items) == "" {
		return doc
	}
	switch arr[0].(type) {
	case map[string]any, []any: // the root: an object or a wrapper
	default:
		return doc
	}
	if _, ok := lookup(doc, spec.Items); ok {
		return doc
	}
	if _, ok := lookupEach(doc, spec.Items); ok {
		return doc
	}
	r, ok := reviveDevalue(arr)
	if !ok {
		return doc
	}
	if _, ok := lookup(r, spec.Items); ok {
		return r
	}
	if _, ok := lookupEach(r, spec.Items); ok {
		return r
	}
	return doc
}

// decodeFeed decodes a JSON document, or JSON Lines (one listing a line,
// read as the list of its values).
func decodeFeed(body []byte, canon string) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var doc any
	if err := dec.Decode(&doc); err != nil {
		if v, ok := nonFiniteJSON(body); ok {
			return v, nil
		}
		return nil, fmt.Errorf("parse json %s: %w", canon, err)
	}
	if dec.More() {
		if rest := bytes.TrimLeft(body[dec.InputOffset():], " \t\r\n"); bytes.HasPrefix(rest, []byte("<")) {
			// A debug footer or HTML comment a PHP framework
			// wrote after the document: not part of the feed.
			return doc, nil
		}
		docs := []any{doc}
		for dec.More() {
			var v any
			if err := dec.Decode(&v); err != nil {
				return nil, fmt.Errorf("parse json lines %s: value %d: %w", canon, len(docs)+1, err)
			}
			docs = append(docs, v)
		}
		doc = docs
	}
	return doc, nil
}

// nonFiniteJSON decodes a document that is JSON but for NaN, Infinity and
// -Infinity, as Python's json.dumps writes them by default: those read as
// null (no value). It reports false for anything else.
func nonFiniteJSON(body []byte) (any, bool) {
	if !bytes.Contains(body, []byte("NaN")) && !bytes.Contains(body, []byte("Infinity")) {
		return nil, false
	}
	s := strings.TrimSpace(string(body))
	if s == "" || s[0] != '{' && s[0] != '[' {
		return nil, false
	}
	return decodeJSLiteral(s)
}

// csvRows reads a CSV or TSV feed (delimiter: tab, semicolon or comma, by
// its header line or Excel's "sep=" line before it) as a list of objects keyed by the header's column
// names. It reports false for anything that is not a table: fewer than
// two columns, no row, or rows of another width than the header.
func csvRows(body []byte) ([]any, bool) {
	body = bytes.TrimPrefix(body, []byte("\ufeff"))
	line, rest, _ := bytes.Cut(body, []byte("\n"))
	if len(bytes.TrimSpace(line)) == 0 {
		return nil, false
	}
	sep := ','
	if hint := bytes.TrimRight(line, "\r"); len(hint) == 5 && bytes.EqualFold(hint[:4], []byte("sep=")) && hint[4] != '"' {
		// Excel's delimiter hint, a first line "sep=;" before the
		// header, as its exports and the shops writing for it have.
		sep = rune(hint[4])
		body = rest
	} else {
		switch {
		case bytes.Count(line, []byte("\t")) > 0:
			sep = '\t'
		case bytes.Count(line, []byte(";")) > bytes.Count(line, []byte(",")):
			sep = ';'
		}
	}
	r := csv.NewReader(bytes.NewReader(body))
	r.Comma = sep
	r.LazyQuotes = true
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	if err != nil || len(recs) < 2 || len(recs[0]) < 2 {
		return nil, false
	}
	header := recs[0]
	for i, h := range header {
		header[i] = strings.TrimSpace(h)
		if header[i] == "" || strings.ContainsAny(header[i], "{}<>") {
			return nil, false
		}
	}
	rows := make([]any, 0, len(recs)-1)
	for _, rec := range recs[1:] {
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue // a blank line
		}
		if len(rec) != len(header) {
			return nil, false
		}
		m := make(map[string]any, len(header))
		for i, h := range header {
			m[h] = rec[i]
		}
		rows = append(rows, m)
	}
	return rows, len(rows) > 0
}

// pageState returns, for an HTML page fetched by a json target, the app
// state it embeds (Next.js' __NEXT_DATA__, window.__NUXT__ = {…} also as
// a JavaScript literal or Nuxt 2's state function, Nuxt 3's devalue
// payload, a <script type="application/json">, else an object of Next.js'
// app router stream) in which the items path leads somewhere: a
// single-page app's catalogue page read as the feed it renders.
func pageState(body []byte, spec *precwatch.JSONSpec) (any, bool) {
	head := bytes.TrimLeft(body, " \t\r\n")
	if !bytes.HasPrefix(head, []byte("<")) {
		return nil, false
	}
	root, err := nethtml.Parse(bytes.NewReader(body))
	if err != nil {
		return nil, false
	}
	for _, st := range append(embeddedStates(root, true), attributeStates(root)...) {
		if _, ok := lookup(st, spec.Items); ok {
			return st, true
		}
		if _, ok := lookupEach(st, spec.Items); ok {
			return st, true
		}
	}
	// Next.js' app router: the props of the stream's components, the
	// first in which the items path leads somewhere (a path is needed:
	// the stream's first object is not the document).
	if NormalizePath(spec.Items) == "" {
		return nil, false
	}
	for _, st := range rscObjects(root) {
		if _, ok := lookup(st, spec.Items); ok {
			return st, true
		}
	}
	return nil, false
}

// jsonDoc extracts a feed page from its decoded document.
func jsonDoc(t *precwatch.Target, base *url.URL, canon, pageURL string, doc any) (*Page, error) {
	b := newBuilder(t, base, canon)
	b.cards = true
	spec := &t.JSON

	v, ok := lookup(doc, spec.Items)
	if !ok || wildcardPath(spec.Items) {
		// Listings grouped in arrays of arrays ("categories[*].products",
		// GraphQL's "edges[*].node"): every element's, in order; and
		// every member's of a "*" segment.
		if each, found := lookupEach(doc, spec.Items); found || !ok {
			v, ok = each, found
		}
	}
	if d, isJSON := jsonInString(v); ok && isJSON {
		// ASP.NET's {"d": "[{…}]"}: the listings as a JSON string.
		v = d
	}
	var items []any
	var keys []string // ids of items keyed by id, else nil
	switch v := v.(type) {
	case []any:
		items = v
		if sheetValues(doc, spec.Items) && headerRow(items) {
			// A sheet's rows as arrays (the Google Sheets API's
			// values), its header first: no listing.
			items = items[1:]
		}
	case map[string]any:
		items, keys = objectItems(v, spec.Fields)
	}
	if !ok {
		items = nil
		if msg, failed := pathError(doc, spec.Items); failed {
			// An error answered with status 200 (GraphQL's
			// convention, and some REST APIs'): the page failed,
			// it is not an empty feed.
			return nil, fmt.Errorf("%w: %s", ErrFeedError, msg)
		}
	}
	resolveIncluded(doc, items)
	resolveIncludes(doc, items)
	b.page.Counts[CountItem] = len(items)
	if Templated(spec) {
		if spec.NextPage != "" {
			b.page.Counts["next_page:"+spec.NextPage] = 0
		}
		if name, repeated := templateCursorRepeated(spec, doc, pageURL, len(items)); repeated {
			b.page.CursorRepeated = "by json.body, read from " + name
		}
		if next, countOn := postNext(spec, doc, pageURL, len(items)); next != "" && countOn {
			b.page.CountOn = next
		} else if next != "" {
			b.page.Counts["next_page:"+spec.NextPage] = 1
			b.page.Next = append(b.page.Next, next)
		}
	}
	if spec.NextPage != "" && !Templated(spec) {
		key := "next_page:" + spec.NextPage
		b.page.Counts[key] = 0
		if v, ok := lookup(doc, spec.NextPage); ok {
			if list, isList := v.([]any); isList {
				// A list of link objects ([{"rel": "next",
				// "href": …}], FHIR's {"relation", "url"}):
				// the next one's address, or none.
				v, _ = relNextLink(list)
			}
			if m, isObj := v.(map[string]any); isObj {
				// HAL and JSON:API link objects: {"href": "…"}.
				for _, k := range []string{"href", "url", "link", "uri"} {
					if s, ok := m[k].(string); ok {
						v = s
						break
					}
				}
			}
			if s, isStr := v.(string); isStr && isPageNumber(s) && !isCursorKey(spec.NextPage) {
				v = json.Number(strings.TrimSpace(s))
			}
			switch v := v.(type) {
			case string:
				if v = stripURITemplate(strings.TrimSpace(v)); v != "" {
					b.page.Counts[key] = 1
					if isCursorKey(spec.NextPage) && !looksLikeURL(v) {
						if noMore(doc, spec.NextPage, spec.Items) || len(items) == 0 {
							// A cursor beside "has_more": false, or
							// on an empty page (Solr's nextCursorMark
							// past the end): the end.
							b.page.Counts[key] = 0
							break
						}
						if name, sent := sentCursor(base, spec.NextPage); sent == v {
							// The cursor the page was asked with,
							// again, with listings (Page.CursorRepeated).
							b.page.Counts[key] = 0
							b.page.CursorRepeated = "as query parameter " + name
							break
						}

						// A cursor token ("next_cursor": "eyJpZCI6OX0"),
						// sent back as a query parameter.
						v = cursorURL(base, spec.NextPage, v)
					}
					b.link(&b.page.Next, map[string]bool{canon: true}, v)
				}
			case json.Number:
				if isCursorKey(spec.NextPage) {
					// A numeric cursor ("last_id": 98231,
					// "next_cursor": 40), not a page number.
					if len(items) > 0 && !noMore(doc, spec.NextPage, spec.Items) {
						b.page.Counts[key] = 1
						b.link(&b.page.Next, map[string]bool{canon: true}, cursorURL(base, spec.NextPage, v.String()))
					}
					break
				}
				// A page number ("next_page": 3) rather than a URL.
				// An empty page ends it: feeds that count on forever
				// would otherwise be read up to max_pages.
				if n, err := strconv.Atoi(v.String()); err == nil && n > 0 && len(items) > 0 {
					b.page.Counts[key] = 1
					b.link(&b.page.Next, map[string]bool{canon: true}, pageNumberURL(base, n))
				}
			}
		}
	}

	if spec.NextPage == "" && !Templated(spec) {
		// No next_page configured: a link to the next page under a
		// conventional key (Django REST Framework's "next", JSON:API's
		// links.next, HAL's _links.next.href, …) pages the feed.
		said := false // the feed names its next page, or that there is none
		for _, k := range defaultNextKeys {
			if v, ok := lookup(doc, k); ok {
				said = true
				if s, ok := v.(string); ok && looksLikeURL(strings.TrimSpace(s)) {
					b.link(&b.page.Next, map[string]bool{canon: true}, stripURITemplate(s))
					break
				}
				if n, ok := nextPageNumber(v, base); ok && len(items) > 0 {
					// The next page's number ("next_page": 2).
					b.link(&b.page.Next, map[string]bool{canon: true}, pageNumberURL(base, n))
					break
				}
			}
		}
		if len(b.page.Next) == 0 {
			// Links as a list of link objects (Spring HATEOAS
			// before HAL, Collection+JSON, FHIR's Bundle.link): a
			// list of relations names the next page, or that
			// there is none.
			for _, k := range []string{"links", "link", "_links", "collection.links"} {
				v, _ := lookup(doc, k)
				list, _ := v.([]any)
				if next, isLinks := relNextLink(list); isLinks {
					said = true
					if next != "" {
						b.link(&b.page.Next, map[string]bool{canon: true}, next)
					}
					break
				}
			}
		}
		if !said && len(items) > 0 {
			// A feed silent about its next page: a page or offset
			// parameter in the URL counts on (Shopify's
			// products.json?page=2, ?offset=40) until a page is empty
			// or brings nothing new.
			if next, guess, ok := bodyPaging(doc, base, len(items)); ok {
				// The body says which page this is of how many
				// (Spring's number and totalPages, meta.page and
				// total_pages) or which offset of how many
				// listings, whether or not the URL names it.
				if next != "" && guess {
					if u, err := Canonical(base, next); err == nil && u != canon {
						b.page.CountOn = u
					}
				} else if next != "" {
					b.link(&b.page.Next, map[string]bool{canon: true}, next)
				}
			} else if next := countOn(base, len(items)); next != "" {
				if u, err := Canonical(base, next); err == nil && u != canon {
					b.page.CountOn = u
				}
			}
		}
	}

	if first := notFirst(doc, base); first != "" {
		if u, err := Canonical(base, first); err == nil && u != canon {
			b.page.First = u
		}
	}
	for i, next := range b.page.Next {
		b.page.Next[i] = dataRoute(base, keepFormat(base, next))
	}

	names := make([]string, 0, len(spec.Fields))
	for n := range spec.Fields {
		names = append(names, n)
		b.page.Counts["field:"+n] += 0
	}
	sort.Strings(names)
	if len(names) == 0 {
		return b.page, nil
	}
	for i, item := range items {
		values := make(map[string]string, len(names))
		if keys != nil {
			values[fieldID] = keys[i] // unless an id field says otherwise
		}
		for _, n := range names {
			fv, ok := lookup(item, spec.Fields[n])
			if !ok && n != fieldURL && n != fieldID {
				// Through arrays ("tags.label", a JSON:API
				// to-many relationship): every element's value.
				if vs, found := lookupEach(item, spec.Fields[n]); found && len(vs) > 0 {
					fv, ok = vs, true
				}
			}
			if !ok && strings.Contains(spec.Fields[n], "{") {
				// "https://shop.example/offer/{id}": an API that
				// gives ids, its listings' pages built from them.
				fv, ok = fieldTemplate(item, spec.Fields[n])
			}
			if !ok || fv == nil {
				continue
			}
			s := render(fv)
			if raw, isStr := fv.(string); isStr && n == fieldURL {
				if href, ok := markupLink(raw); ok {
					s = href
				}
			}
			if s == "" {
				continue
			}
			b.page.Counts["field:"+n]++
			values[n] = s
		}
		b.add(values)
	}
	return b.page, nil
}

// uriTemplateExpr is an RFC 6570 expression in a link ("{&sort}",
// "{?page,size,sort}").
var uriTemplateExpr = regexp.MustCompile(`\{[+#./;?&]?[A-Za-z0-9_.%]+(?::\d+|\*)?(?:,[A-Za-z0-9_.%]+(?::\d+|\*)?)*\}`)

// stripURITemplate expands a next page link written as a URI template
// with no variables set: its expressions come to nothing. Spring Data
// REST writes its HAL links so ("…?page=1&size=2{&sort}", "templated":
// true); before session 21 the braces were sent, and the API answered 400.
func stripURITemplate(s string) string {
	if !strings.Contains(s, "{") {
		return s
	}
	return uriTemplateExpr.ReplaceAllString(s, "")
}

// keepFormat returns a feed's next page URL with the parameters of the
// page's own URL that ask for JSON (Squarespace's format=json, Drupal's
// _format=json, Google's alt=json: a value "json"), when the next URL is
// on the same host and leaves them out: Squarespace's
// pagination.nextPageUrl is the address of the page for people
// ("/shop?offset=…"), which answers HTML.
func keepFormat(base *url.URL, next string) string {
	u, err := url.Parse(next)
	if err != nil || !strings.EqualFold(u.Host, base.Host) {
		return next
	}
	q := u.Query()
	changed := false
	for k, vs := range base.Query() {
		if len(vs) == 1 && strings.EqualFold(strings.TrimSpace(vs[0]), "json") && !q.Has(k) {
			q.Set(k, vs[0])
			changed = true
		}
	}
	if !changed {
		return next
	}
	u.RawQuery = q.Encode()
	return u.String()
}

// relNextLink reads a list of link objects ({"rel": "next", "href": …},
// "rel" also a list; FHIR's {"relation": "next", "url": …}): the address
// of the next one, "" when none is next, and whether the list is one of
// link objects at all.
func relNextLink(list []any) (string, bool) {
	isLinks := false
	for _, e := range list {
		m, ok := e.(map[string]any)
		if !ok {
			return "", false
		}
		rel, ok := m["rel"]
		if !ok {
			rel, ok = m["relation"]
		}
		if !ok {
			return "", false
		}
		isLinks = true
		rels, isList := rel.([]any)
		if !isList {
			rels = []any{rel}
		}
		next := false
		for _, r := range rels {
			if s, _ := r.(string); strings.EqualFold(strings.TrimSpace(s), "next") {
				next = true
			}
		}
		if !next {
			continue
		}
		for _, k := range []string{"href", "url", "link", "uri"} {
			if s, ok := m[k].(string); ok && strings.TrimSpace(s) != "" {
				return strings.TrimSpace(s), true
			}
		}
	}
	return "", isLinks
}

// gatsbyPageDir is where a Gatsby site keeps a page's data: <path
// prefix>/page-data/<page path, "index" for the home page>/page-data.json.
var gatsbyPageDir = regexp.MustCompile(`^(.*?)/page-data/.+/page-data\.json$`)

// nextDataDir is where a Next.js (pages router) site serves a page's props:
// <base path>/_next/data/<build id>/<page path, "index" for the home
// page>.json, with the page's query.
var nextDataDir = regexp.MustCompile(`^(.*?)/_next/data/([^/]+)/.+\.json$`)

// dataRoute returns the data address of a next page that a single-page
// app's data route names by its address for people, which answers HTML
// without the data: a Gatsby page-data feed's pageContext.nextPagePath
// ("/shop/2/" → /page-data/shop/2/page-data.json), a Next.js data route's
// pageProps ("/shop?page=2" → /_next/data/BUILD/shop.json?page=2) and a
// SvelteKit __data.json ("/shop?page=2" → /shop/__data.json?page=2).
// Other next pages, also those already at a data address or on another
// host, are returned as they are.
func dataRoute(base *url.URL, next string) string {
	u, err := url.Parse(next)
	if err != nil || !strings.EqualFold(u.Host, base.Host) {
		return next
	}
	lower := strings.ToLower(u.Path)
	if strings.HasSuffix(lower, ".json") || strings.Contains(lower, "/page-data/") || strings.Contains(lower, "/_next/data/") {
		return next
	}
	// pagePath returns the next page's path under a base path prefix,
	// without slashes at its ends ("" for the home page).
	pagePath := func(prefix string) string {
		if u.Path == prefix {
			return ""
		}
		return strings.Trim(strings.TrimPrefix(u.Path, prefix+"/"), "/")
	}
	switch {
	case gatsbyPageDir.MatchString(base.Path):
		prefix := gatsbyPageDir.FindStringSubmatch(base.Path)[1]
		p := pagePath(prefix)
		if p == "" {
			p = "index"
		}
		u.Path = prefix + "/page-data/" + p + "/page-data.json"
	case nextDataDir.MatchString(base.Path):
		m := nextDataDir.FindStringSubmatch(base.Path)
		p := pagePath(m[1])
		if p == "" {
			p = "index"
		}
		u.Path = m[1] + "/_next/data/" + m[2] + "/" + p + ".json"
	case strings.HasSuffix(base.Path, "/__data.json"):
		p := strings.TrimRight(u.Path, "/")
		u.Path = p + "/__data.json"
	default:
		return next
	}
	u.RawPath = ""
	return u.String()
}

// NormalizePath rewrites the JSONPath-like spellings of a dotted path that
// partners write into the dotted form: "$" and "$." prefixes and a leading
// "." are dropped, "[N]" and "['key']" become ".N" and ".key", and "[*]" or
// "[]" (every element) is dropped. "" and "." stay the document itself.
func NormalizePath(path string) string {
	p := strings.TrimSpace(path)
	if p == "." {
		return ""
	}
	if !strings.ContainsAny(p, "$[") && !strings.HasPrefix(p, ".") {
		return p
	}
	p = strings.TrimPrefix(p, "$")
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		if p[i] != '[' {
			b.WriteByte(p[i])
			continue
		}
		end := strings.IndexByte(p[i:], ']')
		if end < 0 {
			b.WriteString(p[i:])
			break
		}
		raw := strings.TrimSpace(p[i+1 : i+end])
		inner := strings.Trim(raw, `'"`)
		// [*] is every element; ["*"] names a key "*" (Magento's
		// x-magento-init keys its page-wide components so).
		if inner != "" && (inner != "*" || raw != "*") {
			b.WriteByte('.')
			b.WriteString(inner)
		}
		i += end
	}
	out := strings.Trim(b.String(), ".")
	for strings.Contains(out, "..") {
		out = strings.ReplaceAll(out, "..", ".")
	}
	return out
}

// xssiPrefixes guard JSON against being run as a script from another site
// (cross-site script inclusion): Angular's and Google's )]}', and the
// endless loops Facebook and others put first.
var xssiPrefixes = [][]byte{[]byte(")]}'"), []byte("while(1);"), []byte("while (1);"), []byte("for(;;);"), []byte("for (;;);")}

// stripXSSI returns body without its anti-XSSI prefix (and the comma and
// line end after Angular's), or body as it is.
func stripXSSI(body []byte) []byte {
	b := bytes.TrimLeft(body, " \t\r\n")
	for _, p := range xssiPrefixes {
		if bytes.HasPrefix(b, p) {
			b = bytes.TrimLeft(b[len(p):], " \t")
			return bytes.TrimPrefix(b, []byte(","))
		}
	}
	return body
}

// jsonpCallback is a JSONP wrapper: callback( … ); around the document.
var jsonpCallback = regexp.MustCompile(`^\s*[A-Za-z_$][A-Za-z0-9_$.]*\s*\(`)

// unwrapJSONP returns the JSON inside a JSONP response, or body as it is.
func unwrapJSONP(body []byte) []byte {
	m := jsonpCallback.FindIndex(body)
	if m == nil {
		return body
	}
	rest := bytes.TrimRight(body[m[1]:], " \t\r\n;")
	if !bytes.HasSuffix(rest, []byte(")")) {
		return body
	}
	return rest[:len(rest)-1]
}

// nextPageNumber reads v, the value of a usual next-page key, as the number
// of the page after base's: a number (or numeric string) one more than
// base's page parameter, or 1 or 2 when base names no page (after a page 0
// or 1). Any other number (an id, a count) is no page number.
func nextPageNumber(v any, base *url.URL) (int, bool) {
	var s string
	switch v := v.(type) {
	case json.Number:
		s = v.String()
	case string:
		s = v
	default:
		return 0, false
	}
	if !isPageNumber(s) {
		return 0, false
	}
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n <= 0 {
		return 0, false
	}
	q := base.Query()
	if params := pageParams(q); len(params) > 0 {
		cur, err := strconv.Atoi(q.Get(params[0]))
		return n, err == nil && n == cur+1
	}
	return n, n == 1 || n == 2
}

// PageNumberURL returns the page URL asking for page n, as a feed's page
// number in its body or headers asks (see pageNumberURL).
func PageNumberURL(base *url.URL, n int) string {
	return pageNumberURL(base, n)
}

// pageNumberURL returns the page URL asking for page n: a page parameter
// (page, p, pg, pageNumber, page_number, also in brackets:
// pagination[page], page[number]; see pageParams) or else any parameter
// but a page size whose number is n-1 set to n, else a page parameter set
// to n, else page=n added.
func pageNumberURL(base *url.URL, n int) string {
	u := *base
	q := u.Query()
	params := pageParams(q)
	key := ""
	for _, k := range params {
		if q.Get(k) == strconv.Itoa(n-1) {
			key = k
			break
		}
	}
	if key == "" {
		for k, vs := range q {
			if len(vs) == 1 && vs[0] == strconv.Itoa(n-1) && !sizeParam(k) && (key == "" || k < key) {
				key = k
			}
		}
	}
	if key == "" {
		key = "page"
		if len(params) > 0 {
			key = params[0]
		}
	}
	q.Set(key, strconv.Itoa(n))
	u.RawQuery = q.Encode()
	return u.String()
}

var (
	// _page is json-server's (and other mock and Express APIs').
	pageParamNames = []string{"page", "_page", "p", "pg", "pageNumber", "page_number", "currentPage", "current_page", "pageNo", "page_no",
		"paged", "pageNum", "pagenum", "page_num", "pageIndex", "page_index"}
	// offsetParamNames: limitstart is Joomla's (VirtueMart, K2),
	// startIndex OpenSearch's and Google's older APIs'.
	offsetParamNames = []string{"offset", "start", "skip", "from", "limitstart", "startIndex", "start_index"}
)

// bracketed splits a query parameter written name[sub] (Strapi's
// pagination[page], JSON:API's page[number]) into name and sub; ok is
// false for a plain name.
func bracketed(k string) (name, sub string, ok bool) {
	i := strings.IndexByte(k, '[')
	if i <= 0 || !strings.HasSuffix(k, "]") || strings.Count(k, "[") != 1 {
		return "", "", false
	}
	return k[:i], k[i+1 : len(k)-1], true
}

// bitrixPager is 1C-Bitrix's page parameter, numbered by the pager on the
// page: PAGEN_1, PAGEN_2.
var bitrixPager = regexp.MustCompile(`^(?i:pagen)_\d+$`)

// queryKey returns the parameter of q named name in any case ("Page",
// "PAGE": IIS and other servers read query names so), the exact spelling
// first, else the first in sorted order; "" when there is none.
func queryKey(q url.Values, name string) string {
	if q.Has(name) {
		return name
	}
	found := ""
	for k := range q {
		if strings.EqualFold(k, name) && (found == "" || k < found) {
			found = k
		}
	}
	return found
}

// containsFold reports whether names holds s in any case.
func containsFold(names []string, s string) bool {
	return slices.ContainsFunc(names, func(n string) bool { return strings.EqualFold(n, s) })
}

// pageParams returns the parameters of q that carry a page number, in
// order of preference: the plain names (pageParamNames) first, then those
// in brackets (pagination[page], page[number]) and Bitrix's PAGEN_1,
// sorted.
func pageParams(q url.Values) []string {
	var out []string
	for _, name := range pageParamNames {
		if k := queryKey(q, name); k != "" && !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	var more []string
	for k := range q {
		if name, sub, ok := bracketed(k); ok && (containsFold(pageParamNames, sub) || strings.EqualFold(name, "page") && strings.EqualFold(sub, "number")) ||
			bitrixPager.MatchString(k) {
			more = append(more, k)
		}
	}
	slices.Sort(more)
	return append(out, more...)
}

// offsetParams returns the parameters of q that carry an offset: the
// plain names (offsetParamNames) first, then those in brackets
// (page[offset], pagination[start]), sorted.
func offsetParams(q url.Values) []string {
	var out []string
	for _, name := range offsetParamNames {
		if k := queryKey(q, name); k != "" && !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	var more []string
	for k := range q {
		if _, sub, ok := bracketed(k); ok && containsFold(offsetParamNames, sub) {
			more = append(more, k)
		}
	}
	slices.Sort(more)
	return append(out, more...)
}

// sizeParam reports whether a query parameter sets the page's size
// (pageSize, per_page, limit, pagination[pageSize]), which is never the
// page number even when its value happens to be one.
func sizeParam(k string) bool {
	if _, sub, ok := bracketed(k); ok {
		k = sub
	}
	k = normKey(k)
	if k == "limitstart" {
		return false // Joomla's offset
	}
	return strings.Contains(k, "size") || strings.Contains(k, "limit") || strings.Contains(k, "perpage") ||
		k == "rows" || k == "count" || k == "take" || k == "top" || k == "hitsperpage" || k == "num"
}

// defaultNextKeys are where feeds without a configured next_page commonly
// keep the next page's URL.
var defaultNextKeys = []string{"next", "next_page", "nextPage", "next_url", "nextUrl", "next_page_url", "nextPageUrl",
	"links.next", "links.next.href", "_links.next.href", "paging.next", "pagination.next", "pagination.next_url",
	"pagination.next_page_url", "meta.next", "meta.pagination.links.next", "meta.next_page_url",
	// Discourse's topic lists: a relative address without ".json",
	// answered with JSON as the feed's Accept asks.
	"more_topics_url", "topic_list.more_topics_url",
	// OData v4 and v3 (SAP, Dynamics, SharePoint), OData v2's
	// "d.__next", and Hydra collections (API Platform, Sylius).
	"@odata.nextLink", "odata.nextLink", "d.__next", "__next", "hydra:view.hydra:next", "view.next"}

// rangeParams name the first and last item of an inclusive range a page
// asks for. Plain from and to are left out: shops filter prices and dates
// with them.
var rangeParams = [][2]string{{"_from", "_to"}}

// countOn returns the URL of the page after base when base pages by a
// number in its query: an inclusive range of items (VTEX's _from and
// _to) moved on by its width, a page parameter (page, p, pg, pageNumber,
// page_number, also in brackets: pagination[page], page[number]) plus one,
// or an offset parameter (offset, start, skip, from, also in brackets:
// page[offset]) plus the n items of this page, or a path ending in
// /page/N (WordPress, Odoo) with N plus one; else "".
func countOn(base *url.URL, n int) string {
	q := base.Query()
	for _, r := range rangeParams {
		// An inclusive range of items (VTEX's _from=0&_to=49): the
		// next range of the same width.
		fk, tk := queryKey(q, r[0]), queryKey(q, r[1])
		if fk == "" || tk == "" {
			continue
		}
		from, err1 := strconv.Atoi(q.Get(fk))
		to, err2 := strconv.Atoi(q.Get(tk))
		if err1 != nil || err2 != nil || from < 0 || to < from {
			continue
		}
		w := to - from + 1
		u := *base
		q.Set(fk, strconv.Itoa(from+w))
		q.Set(tk, strconv.Itoa(to+w))
		u.RawQuery = q.Encode()
		return u.String()
	}
	for _, k := range pageParams(q) {
		if v, err := strconv.Atoi(q.Get(k)); err == nil && v >= 0 {
			return pageNumberURL(base, v+1)
		}
	}
	for _, k := range offsetParams(q) {
		if v, err := strconv.Atoi(q.Get(k)); err == nil && v >= 0 {
			u := *base
			q.Set(k, strconv.Itoa(v+n))
			u.RawQuery = q.Encode()
			return u.String()
		}
	}
	if m := pathPage.FindStringSubmatchIndex(base.Path); m != nil {
		// WordPress' pretty permalinks and Odoo's shop: /shop/page/2/.
		if v, err := strconv.Atoi(base.Path[m[2]:m[3]]); err == nil && v >= 1 {
			u := *base
			u.Path = base.Path[:m[2]] + strconv.Itoa(v+1) + base.Path[m[3]:]
			u.RawPath = ""
			return u.String()
		}
	}
	return ""
}

// pathPage is a page number as the last segment after "page" in a path
// (/shop/page/2/, /blog/page/3).
var pathPage = regexp.MustCompile(`/page/(\d{1,6})/?$`)

// Pagination metadata a feed's body may hold, at its root or under one of
// pagingContainers: the current page and the number of pages, or the
// offset and the total number of listings.
var (
	pagingContainers = []string{"", "meta", "pagination", "paging", "meta.pagination", "page", "pageInfo", "page_info"}
	pageKeys         = []string{"page", "current_page", "currentPage", "page_number", "pageNumber", "number", "pageIndex", "page_index"}
	pageCountKeys    = []string{"total_pages", "totalPages", "last_page", "lastPage", "pages", "page_count", "pageCount", "num_pages", "numPages", "nbPages"}
	offsetKeys       = []string{"offset", "start", "skip", "from"}
	totalKeys        = []string{"total", "total_count", "totalCount", "total_results", "totalResults", "totalElements", "total_items", "totalItems", "count"}
)

// bodyPaging returns the next page of a feed whose URL names no page but
// whose body says where it is: a page number with the number of pages
// (zero-based when it is 0, under Spring's "number" or beside Algolia's
// "nbPages"), sent back as a
// page parameter, or an offset with the total number of listings (n on
// this page), sent back as that offset parameter. It returns "" and true
// on the last page, false when the body says nothing about it. guess is
// set on a next page the body does not vouch for, to be counted on
// (Page.CountOn: a client error there is past the end, and a page that
// brings nothing new ends the feed): the page after the last but one of a
// feed whose pages may count from 0 or from 1 (SAP Commerce's currentPage
// is 0 on the first page and 1 on the second, as a feed counting from 1
// would say on its second and first), and the next offset of a feed
// whose listings already outnumber its total (a stale or capped count).
func bodyPaging(doc any, base *url.URL, n int) (next string, guess, ok bool) {
	for _, c := range pagingContainers {
		v, ok := lookup(doc, c)
		m, isObj := v.(map[string]any)
		if !ok || !isObj {
			continue
		}
		p, pk, okP := intField(m, pageKeys)
		pages, ck, okT := intField(m, pageCountKeys)
		if okP && okT {
			// Algolia's nbPages goes with a page counted from 0.
			known := pk == "number" || pk == "pageIndex" || pk == "page_index" || ck == "nbPages"
			zero := known || p == 0
			if zero && p+1 >= pages || !zero && p >= pages {
				return "", false, true
			}
			// A page p+1 == pages is the last of a feed counting
			// from 1 and past the end of one counting from 0.
			return pageNumberURL(base, p+1), !known && p > 0 && p+1 == pages, true
		}
		off, ok1, okO := intField(m, offsetKeys)
		total, _, okN := intField(m, totalKeys)
		if okO && okN && n > 0 {
			if off+n == total {
				return "", false, true
			}
			u := *base
			q := u.Query()
			q.Set(ok1, strconv.Itoa(off+n))
			u.RawQuery = q.Encode()
			return u.String(), off+n > total, true
		}
	}
	return "", false, false
}

// notFirst returns the URL of page 0 of a feed whose body says the page at
// base is not its first — Spring Data's "first": false — while base names
// that page by the number the body gives it ("number": 1 for ?page=1): a
// feed counting its pages from 0 given a start URL counting from 1, whose
// page 0 would otherwise never be read. It returns "" otherwise.
func notFirst(doc any, base *url.URL) string {
	for _, c := range pagingContainers {
		v, _ := lookup(doc, c)
		m, ok := v.(map[string]any)
		if !ok {
			continue
		}
		if first, isBool := m["first"].(bool); !isBool || first {
			continue
		}
		n, _, ok := intField(m, []string{"number"})
		if !ok || n < 1 {
			continue
		}
		q := base.Query()
		for _, k := range pageParams(q) {
			if q.Get(k) == strconv.Itoa(n) {
				u := *base
				q.Set(k, "0")
				u.RawQuery = q.Encode()
				return u.String()
			}
		}
	}
	return ""
}

// intField returns the first of keys in m holding a non-negative integer
// (a number or a numeric string) and that key.
func intField(m map[string]any, keys []string) (int, string, bool) {
	for _, k := range keys {
		var s string
		switch v := m[k].(type) {
		case json.Number:
			s = v.String()
		case string:
			s = strings.TrimSpace(v)
		case float64:
			s = strconv.FormatFloat(v, 'f', -1, 64)
		default:
			continue
		}
		if i, err := strconv.Atoi(s); err == nil && i >= 0 {
			return i, k, true
		}
	}
	return 0, "", false
}

// isPageNumber reports whether a next_page string is a page number ("3").
func isPageNumber(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 9 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// cursorWords mark a next_page path whose value is a cursor token rather
// than a URL ("next_cursor", "nextPageToken", "after", "continuation",
// Kubernetes' metadata.continue).
var cursorWords = []string{"cursor", "token", "after", "continu", "marker", "scroll", "before", "lastid", "last_id",
	"maxid", "max_id", "minid", "min_id", "sinceid", "since_id", "lastkey", "last_key", "nextkey", "next_key",
	"lastevaluatedkey", "searchafter", "search_after",
	// Airtable's "offset": "itrXXX/recXXX", a token with a slash in it,
	// taken back as ?offset=; a number under an offset key is an
	// offset, sent back so too.
	"offset"}

// isCursorKey reports whether the last segment of a next_page path names a
// cursor.
func isCursorKey(path string) bool {
	k := strings.ToLower(lastSegment(path))
	for _, w := range cursorWords {
		if strings.Contains(k, w) {
			return true
		}
	}
	return false
}

func lastSegment(path string) string {
	p := NormalizePath(path)
	if i := strings.LastIndexByte(p, '.'); i >= 0 {
		return p[i+1:]
	}
	return p
}

// looksLikeURL reports whether a cursor value is a URL after all (an
// absolute or root-relative link, or a query).
func looksLikeURL(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://") ||
		strings.HasPrefix(s, "/") || strings.HasPrefix(s, "?") ||
		strings.HasPrefix(s, "./") || strings.HasPrefix(s, "../") || relativeQueryRef.MatchString(s)
}

// relativeQueryRef is a path-relative address with a query
// ("items?page=2"), as some APIs write their next page.
var relativeQueryRef = regexp.MustCompile(`^[A-Za-z0-9._~%-]+(?:/[A-Za-z0-9._~%-]*)*\?[^\s=?]+=[^\s]*$`)

// cursorParams are query parameters that carry a cursor, reused when the
// page URL has one.
var cursorParams = []string{"cursor", "after", "page_token", "pageToken", "token", "continuation",
	"continuationToken", "continue", "next_cursor", "nextCursor", "starting_after", "scroll_id", "marker", "next"}

// cursorURL returns the page URL asking for the page after cursor token:
// the page's own cursor parameter set to it, or else a parameter named
// after the next_page key without its "next" ("next_cursor" → cursor,
// "nextPageToken" → pageToken, "endCursor" → after).
func cursorURL(base *url.URL, path, token string) string {
	u := *base
	q := u.Query()
	name := ""
	for _, p := range cursorParams {
		if q.Has(p) {
			name = p
			break
		}
	}
	if name == "" {
		name = cursorParam(path)
	}
	q.Set(name, token)
	u.RawQuery = q.Encode()
	return u.String()
}

// sentCursor returns the query parameter cursorURL sends a next_page
// path's cursor under, and the cursor base was asked with under it ("" if
// none).
func sentCursor(base *url.URL, path string) (string, string) {
	q := base.Query()
	for _, p := range cursorParams {
		if q.Has(p) {
			return p, q.Get(p)
		}
	}
	name := cursorParam(path)
	return name, q.Get(name)
}

// cursorParam returns the query parameter named after a next_page key
// without its "next" ("next_cursor" → cursor, "nextPageToken" → pageToken,
// "nextCursorMark" → cursorMark, "endCursor" → after); a key that is
// "next" and "token" alone is the parameter's own name (AWS's NextToken,
// which its APIs take back as NextToken).
func cursorParam(path string) string {
	name := ""
	{
		k := lastSegment(path)
		switch rest := strings.TrimLeft(k[min(len(k), 4):], "_-"); {
		case strings.EqualFold(k, "endCursor"):
			name = "after"
		case len(k) > 4 && strings.EqualFold(k[:4], "next") && strings.EqualFold(rest, "token"):
			name = k
		case len(k) > 4 && strings.EqualFold(k[:4], "next") && rest != "":
			name = strings.ToLower(rest[:1]) + rest[1:]
		default:
			name = k
		}
	}
	return name
}

// objectItems returns the listings of an object found at the items path:
// the object itself, or, when it is keyed by listing id ({"123": {...},
// "124": {...}}) — every value an object and no title or description path
// found on the object itself — its values in key order, with their keys
// (the listings' ids unless an id field gives one).
func objectItems(m map[string]any, fields map[string]string) ([]any, []string) {
	if len(m) == 0 {
		return []any{m}, nil
	}
	for _, name := range []string{precwatch.FieldTitle, precwatch.FieldDescription} {
		if p, ok := fields[name]; ok {
			if _, found := lookup(m, p); found {
				return []any{m}, nil
			}
		}
	}
	keys := make([]string, 0, len(m))
	for k, e := range m {
		if _, ok := e.(map[string]any); !ok {
			return []any{m}, nil
		}
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		a, errA := strconv.Atoi(keys[i])
		b, errB := strconv.Atoi(keys[j])
		if errA == nil && errB == nil {
			return a < b
		}
		return keys[i] < keys[j]
	})
	out := make([]any, len(keys))
	for i, k := range keys {
		out[i] = m[k]
	}
	return out, keys
}

// lookup follows a dotted path from v. An empty path or "." is v itself.
func lookup(v any, path string) (any, bool) {
	path = NormalizePath(path)
	if path == "" {
		return v, true
	}
	for rest := path; ; {
		seg, after, more := strings.Cut(rest, ".")
		if d, ok := jsonInString(v); ok {
			v = d
		}
		switch c := v.(type) {
		case map[string]any:
			next, ok := c[seg]
			for end := len(seg); !ok && end < len(rest); {
				// A key that itself holds dots (OData's
				// "@odata.nextLink"): the segments joined, as
				// written in the path.
				if n := strings.IndexByte(rest[end+1:], '.'); n < 0 {
					end = len(rest)
				} else {
					end += 1 + n
				}
				if next, ok = c[rest[:end]]; ok {
					after, more = "", end < len(rest)
					if more {
						after = rest[end+1:]
					}
				}
			}
			if !ok {
				// A field cached with its arguments (Apollo's
				// products({"first":20})), named without them.
				next, ok = argKey(c, seg)
			}
			if !ok && seg == "*" {
				// Every member (Angular's transfer cache keys
				// each answer by a hash): the first, in key
				// order, in which the rest of the path leads.
				return lookupMembers(slices.Sorted(maps.Keys(c)), func(k string) any { return c[k] }, after, more)
			}
			if !ok {
				return nil, false
			}
			v = next
		case []any:
			if seg == "*" {
				return lookupMembers(c, func(e any) any { return e }, after, more)
			}
			i, err := strconv.Atoi(seg)
			if err == nil && i < 0 {
				// Counted from the end, as JSONPath and Python
				// write it: [-1] is the last element
				// (hits.hits[-1].sort).
				i += len(c)
			}
			if err != nil || i < 0 || i >= len(c) {
				return nil, false
			}
			v = c[i]
		default:
			return nil, false
		}
		if !more {
			return v, true
		}
		rest = after
	}
}

// wildcardPath reports whether a path has a "*" segment (every member of
// an object) as written, not a key "*" written in brackets (["*"]).
func wildcardPath(path string) bool {
	return bareStar.MatchString(strings.TrimPrefix(strings.TrimSpace(path), "$"))
}

// bareStar is a "*" segment of a dotted path.
var bareStar = regexp.MustCompile(`(?:^|\.)\*(?:\.|$)`)

// lookupMembers looks rest up in each member of a "*" path segment in
// turn (the member itself when the path ends there) and returns the first
// that leads somewhere.
func lookupMembers[T any](members []T, value func(T) any, rest string, more bool) (any, bool) {
	for _, m := range members {
		if !more {
			return value(m), true
		}
		if v, ok := lookup(value(m), rest); ok {
			return v, true
		}
	}
	return nil, false
}

// mapKey returns the value of m under the key segs[0], or else under a key
// that itself holds dots, written as several segments (OData's
// "@odata.nextLink", "@odata.count"), and how many segments it used.
func mapKey(m map[string]any, segs []string) (any, int, bool) {
	if v, ok := m[segs[0]]; ok {
		return v, 1, true
	}
	for j := 2; j <= len(segs); j++ {
		if v, ok := m[strings.Join(segs[:j], ".")]; ok {
			return v, j, true
		}
	}
	if v, ok := argKey(m, segs[0]); ok {
		return v, 1, true
	}
	return nil, 0, false
}

// templateRef matches a "{path}" in a field template.
var templateRef = regexp.MustCompile(`\{([^{}\s]+)\}`)

// fieldTemplate fills in a field template ("https://shop.example/offer/{id}",
// "{brand} {model}") from an item: every {path} by its value. It reports
// false when the template names no path or one of them is missing or
// empty, so a listing never gets a half-built URL.
func fieldTemplate(item any, tmpl string) (any, bool) {
	if !templateRef.MatchString(tmpl) {
		return nil, false
	}
	ok := true
	out := templateRef.ReplaceAllStringFunc(tmpl, func(ref string) string {
		v, found := lookup(item, ref[1:len(ref)-1])
		s := ""
		if found && v != nil {
			s = render(v)
		}
		if s == "" {
			ok = false
		}
		return s
	})
	return out, ok
}

// resolveIncluded puts, in a JSON:API document, the resources its items'
// relationships name in place of their {"type", "id"} references, from the
// document's "included" list: "relationships.seller.data.attributes.name"
// then reads the seller's name.
func resolveIncluded(doc any, items []any) {
	m, ok := doc.(map[string]any)
	if !ok {
		return
	}
	inc, ok := m["included"].([]any)
	if !ok || len(inc) == 0 {
		return
	}
	key := func(v any) (string, bool) {
		r, ok := v.(map[string]any)
		if !ok {
			return "", false
		}
		t, _ := r["type"].(string)
		id := render(r["id"])
		return t + "\x00" + id, t != "" && id != ""
	}
	byKey := map[string]any{}
	for _, r := range inc {
		if k, ok := key(r); ok {
			byKey[k] = r
		}
	}
	resolve := func(ref any) any {
		if k, ok := key(ref); ok && byKey[k] != nil {
			return byKey[k]
		}
		return ref
	}
	for _, it := range items {
		im, ok := it.(map[string]any)
		if !ok {
			continue
		}
		rels, ok := im["relationships"].(map[string]any)
		if !ok {
			continue
		}
		for _, rel := range rels {
			rm, ok := rel.(map[string]any)
			if !ok {
				continue
			}
			switch d := rm["data"].(type) {
			case map[string]any:
				rm["data"] = resolve(d)
			case []any:
				for i := range d {
					d[i] = resolve(d[i])
				}
			}
		}
	}
}

// resolveIncludes puts, in a Contentful Delivery API answer, the entries and
// assets its items link ({"sys": {"type": "Link", "linkType": "Entry",
// "id": "…"}}) in place of the links, from the answer's "includes" ({"Entry":
// […], "Asset": […]}): "fields.seller.fields.name" then reads the linked
// seller's name. Links inside an included entry are resolved too, up to a
// few levels (include=2 and more); a link whose entry is not included is
// left as it is.
func resolveIncludes(doc any, items []any) {
	m, ok := doc.(map[string]any)
	if !ok {
		return
	}
	incs, ok := m["includes"].(map[string]any)
	if !ok || len(items) == 0 {
		return
	}
	sysOf := func(v any) (typ, linkType, id string) {
		r, ok := v.(map[string]any)
		if !ok {
			return "", "", ""
		}
		sys, ok := r["sys"].(map[string]any)
		if !ok {
			return "", "", ""
		}
		typ, _ = sys["type"].(string)
		linkType, _ = sys["linkType"].(string)
		return typ, linkType, render(sys["id"])
	}
	byKey := map[string]any{}
	for kind, list := range incs {
		l, ok := list.([]any)
		if !ok {
			continue
		}
		for _, e := range l {
			if _, _, id := sysOf(e); id != "" {
				byKey[kind+"\x00"+id] = e
			}
		}
	}
	if len(byKey) == 0 {
		return
	}
	// walk returns v with its links replaced, as a new tree: included
	// entries are shared between items and may link each other (or
	// themselves), so nothing is changed in place and depth bounds it.
	// budget bounds the copies a hostile answer, whose included entries
	// all link each other, could make.
	budget := 50000
	var walk func(v any, depth int) any
	walk = func(v any, depth int) any {
		if depth > 6 || budget <= 0 {
			return v
		}
		budget--
		switch x := v.(type) {
		case map[string]any:
			if typ, linkType, id := sysOf(x); typ == "Link" {
				if e, ok := byKey[linkType+"\x00"+id]; ok {
					return walk(e, depth+1)
				}
				return x
			}
			c := make(map[string]any, len(x))
			for k, e := range x {
				if k == "sys" {
					c[k] = e
					continue
				}
				c[k] = walk(e, depth+1)
			}
			return c
		case []any:
			c := make([]any, len(x))
			for i := range x {
				c[i] = walk(x[i], depth+1)
			}
			return c
		}
		return v
	}
	for _, it := range items {
		if im, ok := it.(map[string]any); ok {
			if f, ok := im["fields"]; ok {
				im["fields"] = walk(f, 0)
			}
		}
	}
}

// jsonInString decodes a string value that holds a JSON object or array
// (double-encoded JSON, as ASP.NET web methods answer {"d": "{…}"}).
func jsonInString(v any) (any, bool) {
	s, ok := v.(string)
	if !ok {
		return nil, false
	}
	s = strings.TrimSpace(s)
	if len(s) < 2 || !(s[0] == '{' && s[len(s)-1] == '}' || s[0] == '[' && s[len(s)-1] == ']') {
		return nil, false
	}
	dec := json.NewDecoder(strings.NewReader(s))
	dec.UseNumber()
	var d any
	if err := dec.Decode(&d); err != nil || dec.More() {
		return nil, false
	}
	return d, true
}

// lookupEach follows a dotted path from v like lookup, except that a
// segment other than an index applied to an array applies to each of its
// elements, so that "data.categories.products" (also written
// "data.categories[*].products[*]") collects the products of every category
// and "edges.node" the node of every edge. Arrays found at the end are
// concatenated. It reports whether the path reached anything.
func lookupEach(v any, path string) ([]any, bool) {
	path = NormalizePath(path)
	if path == "" {
		return nil, false
	}
	var out []any
	found := false
	var walk func(v any, segs []string, depth int)
	walk = func(v any, segs []string, depth int) {
		if depth > maxDepth {
			return
		}
		if len(segs) == 0 {
			found = true
			if a, ok := v.([]any); ok {
				out = append(out, a...)
			} else {
				out = append(out, v)
			}
			return
		}
		switch c := v.(type) {
		case map[string]any:
			if next, used, ok := mapKey(c, segs); ok {
				walk(next, segs[used:], depth+1)
			} else if segs[0] == "*" {
				// Every member, in key order.
				for _, k := range slices.Sorted(maps.Keys(c)) {
					walk(c[k], segs[1:], depth+1)
				}
			}
		case []any:
			if segs[0] == "*" {
				for _, e := range c {
					walk(e, segs[1:], depth+1)
				}
				return
			}
			if i, err := strconv.Atoi(segs[0]); err == nil {
				if i >= 0 && i < len(c) {
					walk(c[i], segs[1:], depth+1)
				}
				return
			}
			for _, e := range c {
				walk(e, segs, depth+1)
			}
		}
	}
	walk(v, strings.Split(path, "."), 0)
	return out, found
}

// render turns a JSON value into listing text.
func render(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		if text, ok := richTextDoc(v); ok {
			return text
		}
		if strings.ContainsRune(v, '<') {
			return VisibleText([]byte(v))
		}
		if strings.ContainsRune(v, '&') {
			// Escaped text without tags ("Acetone &amp; toluene",
			// "&lt;b&gt;bold&lt;/b&gt;") reads as it displays.
			if u := html.UnescapeString(v); u != v {
				if strings.ContainsRune(u, '<') {
					return VisibleText([]byte(u))
				}
				return collapse(u)
			}
		}
		return collapse(v)
	case json.Number:
		return v.String()
	case bool:
		return strconv.FormatBool(v)
	case []any:
		parts := make([]string, 0, len(v))
		for _, e := range v {
			switch e := e.(type) {
			case []any:
				return compact(v)
			case map[string]any:
				// A list of named things ([{"name": "pharma"}, …])
				// reads as their names; of other objects, as JSON.
				s := renderObject(e)
				if strings.HasPrefix(s, "{") {
					return compact(v)
				}
				parts = append(parts, s)
				continue
			}
			if s := render(e); s != "" {
				parts = append(parts, s)
			}
		}
		return strings.Join(parts, ", ")
	case map[string]any:
		return renderObject(v)
	default:
		return compact(v)
	}
}

// richTextDoc reads a string holding a rich-text editor's document as
// JSON as the text it shows: Editor.js' {"time": …, "blocks": [{"type":
// "paragraph", "data": {"text": "…"}}], "version": …} (Saleor keeps
// product descriptions so) and Draft.js' raw {"blocks": [{"text": "…"}],
// "entityMap": {}}; a list block's items are its text too. It reports
// false for any other string.
func richTextDoc(s string) (string, bool) {
	t := strings.TrimSpace(s)
	if !strings.HasPrefix(t, "{") || !strings.Contains(t, `"blocks"`) {
		return "", false
	}
	var doc struct {
		Blocks []map[string]any `json:"blocks"`
	}
	if err := json.Unmarshal([]byte(t), &doc); err != nil || len(doc.Blocks) == 0 {
		return "", false
	}
	var parts []string
	add := func(v any) {
		switch v := v.(type) {
		case string:
			parts = append(parts, v)
		case []any:
			for _, e := range v {
				switch e := e.(type) {
				case string:
					parts = append(parts, e)
				case map[string]any:
					if c, ok := e["content"].(string); ok {
						parts = append(parts, c)
					}
				}
			}
		}
	}
	for _, b := range doc.Blocks {
		if _, ok := b["type"]; !ok {
			return "", false
		}
		if text, ok := b["text"].(string); ok {
			add(text) // Draft.js
			continue
		}
		if data, ok := b["data"].(map[string]any); ok {
			add(data["text"])
			add(data["items"])
			add(data["caption"])
		}
	}
	if len(parts) == 0 {
		return "", false
	}
	return render(strings.Join(parts, "\n")), true
}

// renderObject reads an object as the text it stands for: a seller or
// category object by its name ({"name": "chemguy", "id": 5}), a price by its
// amount and currency ({"amount": 950, "currency": "USD"}; also in micros,
// Google's {"amountMicros": "950000000", "currencyCode": "USD"}), a link by
// its URL; other objects are rendered as compact JSON. Keys are matched in
// any case (AWS writes {"Amount": 950, "CurrencyCode": "USD"}).
func renderObject(m map[string]any) string {
	for _, k := range []string{"name", "display_name", "displayName", "title", "label", "text"} {
		if s, ok := memberFold(m, k); ok {
			if _, nested := s.(map[string]any); !nested {
				if r := render(s); r != "" {
					return r
				}
			}
		}
	}
	currencyOf := func() string {
		for _, c := range []string{"currency", "currency_code", "currencyCode", "currencyIso", "currency_iso", "currencyIsoCode", "currency_iso_code", "currencyId", "unit"} {
			for _, k := range []string{c, "@" + c} {
				// "@currencyId": an XML attribute in JSON, as
				// eBay's Finding API and XML converters write it.
				if cur, ok := memberFold(m, k); ok {
					if cur, ok := cur.(string); ok && cur != "" {
						return cur
					}
				}
			}
		}
		return ""
	}
	currency := func(amount string) string {
		if cur := currencyOf(); cur != "" {
			return amount + " " + cur
		}
		return amount
	}
	// An element's text beside its attributes, in XML turned JSON:
	// eBay's {"@currencyId": "USD", "__value__": "120.0"}, "#text"
	// (xmltodict, fast-xml-parser), "$t" (Google's GData), "$"
	// (BadgerFish). Before session 21 such a price read as its JSON.
	amountKeys := []string{"amount", "value", "__value__", "#text", "$t", "$", "price", "centAmount", "cent_amount",
		"priceCents", "price_cents", "amountCents", "amount_cents", "amount_in_cents", "price_in_cents", "valueCents", "value_cents", "cents"}
	if currencyOf() != "" {
		// Drupal Commerce's {"number": "12.00", "currency_code":
		// "EUR"}: a number is an amount only beside a currency.
		amountKeys = append(amountKeys, "number")
	}
	for _, k := range amountKeys {
		if a, ok := memberFold(m, k); ok {
			amount := render(a)
			if _, nested := a.(map[string]any); nested || amount == "" {
				continue
			}
			if d, ok := divisorDigits(m); ok && strings.IndexFunc(amount, func(r rune) bool { return r < '0' || r > '9' }) < 0 {
				// Etsy's {"amount": 12000, "divisor": 100}: the
				// amount over a power of ten.
				return currency(minorUnitsDefault(map[string]any{}, amount, d, nil))
			}
			if lk := strings.ToLower(k); strings.HasPrefix(lk, "cent") || strings.HasSuffix(lk, "cents") {
				// commercetools' {"centAmount": 1299,
				// "fractionDigits": 2}, Marktplaats' {"priceCents":
				// 12000}, amount_in_cents: cents by the key's word,
				// unless the object says otherwise.
				return currency(minorUnitsDefault(m, amount, 2, append([]string{"fractionDigits", "fraction_digits"}, minorUnitKeys...)))
			}
			if d, ok := formattedDigits(m, amount); ok {
				// Elastic Path's {"amount": 12000, "currency":
				// "EUR", "formatted": "€120.00"}: cents, as the
				// formatted text beside them shows.
				return currency(minorUnitsDefault(map[string]any{}, amount, d, nil))
			}
			return currency(minorUnits(m, amount))
		}
	}
	for _, k := range []string{"amountMicros", "amount_micros", "valueMicros", "priceMicros", "micros"} {
		if a, ok := memberFold(m, k); ok {
			if amount, ok := fromMicros(render(a)); ok {
				return currency(amount)
			}
		}
	}
	for _, k := range []string{"href", "url"} {
		if s, ok := memberFold(m, k); ok {
			if s, ok := s.(string); ok && s != "" {
				return s
			}
		}
	}
	return compact(m)
}

// memberFold returns m's member k, or else the first member, in key order,
// whose key is k in another case.
func memberFold(m map[string]any, k string) (any, bool) {
	if v, ok := m[k]; ok {
		return v, true
	}
	found := ""
	for key := range m {
		if strings.EqualFold(key, k) && (found == "" || key < found) {
			found = key
		}
	}
	if found == "" {
		return nil, false
	}
	return m[found], true
}

// fromMicros reads an amount in millionths ("12990000", as Google's APIs
// give prices) as a decimal with at least two places ("12.99"), in decimal
// arithmetic so that no float rounding creeps in.
func fromMicros(s string) (string, bool) {
	neg := strings.HasPrefix(s, "-")
	a := strings.TrimPrefix(s, "-")
	if a == "" || len(a) > 30 || strings.IndexFunc(a, func(r rune) bool { return r < '0' || r > '9' }) >= 0 {
		return "", false
	}
	for len(a) <= 6 {
		a = "0" + a
	}
	whole, frac := strings.TrimLeft(a[:len(a)-6], "0"), strings.TrimRight(a[len(a)-6:], "0")
	if whole == "" {
		whole = "0"
	}
	for len(frac) < 2 {
		frac += "0"
	}
	if neg {
		whole = "-" + whole
	}
	return whole + "." + frac, true
}

func compact(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return ""
	}
	return string(b)
}

// ErrFeedError means a JSON feed's page holds no listings but an error
// message instead (GraphQL's "errors", a REST API's "error", JSend's
// "status": "error"), although its status was 200.
var ErrFeedError = errors.New("the feed answered an error")

// feedError returns the message of a feed document that is an error
// report: a non-empty GraphQL "errors" list (also a non-empty string or
// object, as Shopify's REST API writes {"errors": "Exceeded 2 calls per
// second…"}), an "error", "fault" or "error_response" (Taobao's TOP API)
// that is not empty, null or false, JSend's "status": "error"/"fail",
// "success": false, or a non-zero error code beside its message (WeChat's
// {"errcode": 45009, "errmsg": …}, {"code": 500, "msg": …}). Keys are
// matched in any case (Amazon PA-API's "Errors"). It is asked only of a
// page where the items path leads nowhere.
func feedError(doc any) (string, bool) {
	m, ok := doc.(map[string]any)
	if !ok {
		return "", false
	}
	message := func(v any) string {
		if e, ok := v.(map[string]any); ok {
			for _, k := range []string{"message", "msg", "errmsg", "error_msg", "description", "detail", "faultstring", "error_description", "reason", "sub_msg"} {
				if s, ok := memberFold(e, k); ok {
					if s, ok := s.(string); ok && s != "" {
						return s
					}
				}
			}
		}
		return clip(compact(v), 200)
	}
	if v, ok := memberFold(m, "errors"); ok {
		switch v := v.(type) {
		case []any:
			if len(v) > 0 {
				return message(v[0]), true
			}
		case string:
			if strings.TrimSpace(v) != "" {
				return v, true
			}
		case map[string]any:
			if len(v) > 0 {
				return message(v), true
			}
		}
	}
	for _, k := range []string{"error", "fault", "error_response", "errorResponse"} {
		v, _ := memberFold(m, k)
		switch v := v.(type) {
		case nil:
		case bool:
			if v {
				return message(m), true
			}
		case string:
			if v != "" {
				return v, true
			}
		default:
			return message(v), true
		}
	}
	if st, ok := m["status"].(string); ok && (strings.EqualFold(st, "error") || strings.EqualFold(st, "fail")) {
		return message(m), true
	}
	if ok, isBool := m["success"].(bool); isBool && !ok {
		return message(m), true
	}
	for _, k := range []string{"errcode", "err_code", "error_code", "errorCode", "code"} {
		v, ok := memberFold(m, k)
		if !ok {
			continue
		}
		c := render(v)
		if c == "" || c == "0" || strings.EqualFold(c, "ok") || strings.EqualFold(c, "success") || k == "code" && (c == "200" || c == "00000") {
			continue
		}
		if msg := message(m); msg != "" && !strings.HasPrefix(msg, "{") {
			return msg, true
		}
	}
	return "", false
}

// pathError is feedError of the document, else of the deepest object on
// the way to the items path that the path reaches, a JSON string read as
// the JSON it holds: JD Union's {"jd_union_open_goods_query_responce":
// {"code": "0", "queryResult": "{\"code\": 411, \"message\": …}"}}
// answers its error where the listings would be (before session 21 such
// a page read as an empty last page).
func pathError(doc any, items string) (string, bool) {
	if msg, failed := feedError(doc); failed {
		return msg, true
	}
	segs := strings.Split(NormalizePath(items), ".")
	for i := len(segs) - 1; i > 0; i-- {
		v, ok := lookup(doc, strings.Join(segs[:i], "."))
		if !ok {
			continue
		}
		if d, isJSON := jsonInString(v); isJSON {
			v = d
		}
		if _, isObj := v.(map[string]any); !isObj {
			continue
		}
		return feedError(v)
	}
	return "", false
}

// clip shortens s to at most n bytes (on a rune boundary) for a message.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

// divisorDigits returns the decimal places an object's "divisor" gives its
// amount (Etsy's {"amount": 12000, "divisor": 100}): the divisor must be a
// power of ten up to 10000.
func divisorDigits(m map[string]any) (int, bool) {
	v, ok := memberFold(m, "divisor")
	if !ok {
		return 0, false
	}
	switch render(v) {
	case "1":
		return 0, true
	case "10":
		return 1, true
	case "100":
		return 2, true
	case "1000":
		return 3, true
	case "10000":
		return 4, true
	}
	return 0, false
}

// minorUnits places the decimal point in an amount given in a currency's
// minor units, as the object says it is (WooCommerce's Store API:
// {"price": "1299", "currency_minor_unit": 2} is 12.99).
func minorUnits(m map[string]any, amount string) string {
	return minorUnitsDefault(m, amount, 0, minorUnitKeys)
}

// formattedKeys hold a price object's amount as shown to people.
var formattedKeys = []string{"formatted", "formatted_amount", "formattedAmount", "formatted_price", "formattedPrice", "formatted_value", "formattedValue", "display", "display_amount", "displayAmount"}

// formattedNumber is the number in a formatted price: digits with
// separators between them ("1.234,56", "120.00", "1,23,456.00").
var formattedNumber = regexp.MustCompile(`[0-9](?:[0-9.,' \x{00a0}\x{202f}]*[0-9])?`)

// formattedDigits returns the decimals of a whole amount in minor units
// that a formatted text beside it shows ({"amount": 12000, "formatted":
// "€120.00"} has 2): the text's number has the amount's digits, and one or
// two after its last separator. A last group of three ("¥12,000", "€1.200")
// is read as thousands: no decimals.
func formattedDigits(m map[string]any, amount string) (int, bool) {
	if amount == "" || strings.IndexFunc(amount, func(r rune) bool { return r < '0' || r > '9' }) >= 0 {
		return 0, false
	}
	for _, k := range formattedKeys {
		v, ok := memberFold(m, k)
		if !ok {
			continue
		}
		f, ok := v.(string)
		if !ok {
			continue
		}
		num := formattedNumber.FindString(f)
		digits := strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' {
				return r
			}
			return -1
		}, num)
		if strings.TrimLeft(digits, "0") != strings.TrimLeft(amount, "0") {
			return 0, false
		}
		last := strings.LastIndexAny(num, ".,")
		if last < 0 {
			return 0, false
		}
		if d := len(num) - last - 1; d == 1 || d == 2 {
			return d, true
		}
		return 0, false
	}
	return 0, false
}

// minorUnitKeys say how many decimals an amount in minor units has.
var minorUnitKeys = []string{"currency_minor_unit", "currencyMinorUnit", "minor_unit", "minorUnit"}

// minorUnitsDefault is minorUnits for an amount that is in minor units by
// its key (commercetools' centAmount, its digits as "fractionDigits"):
// def digits when none of keys says how many.
func minorUnitsDefault(m map[string]any, amount string, def int, keys []string) string {
	digits := def
	for _, k := range keys {
		if v, ok := m[k]; ok {
			if d, err := strconv.Atoi(render(v)); err == nil && d >= 0 && d <= 4 {
				digits = d
			}
			break
		}
	}
	if digits == 0 {
		return amount
	}
	neg := strings.HasPrefix(amount, "-")
	a := strings.TrimPrefix(amount, "-")
	if a == "" || strings.IndexFunc(a, func(r rune) bool { return r < '0' || r > '9' }) >= 0 {
		return amount
	}
	for len(a) <= digits {
		a = "0" + a
	}
	a = a[:len(a)-digits] + "." + a[len(a)-digits:]
	if neg {
		a = "-" + a
	}
	return a
}

// sheetValues reports whether the items path leads to a spreadsheet's
// values, an array beside "range" or "majorDimension" (the Google Sheets
// API's ValueRange), whose first row is the sheet's header more often
// than not. Other tables of arrays (DataTables' rows) have no header row.
func sheetValues(doc any, items string) bool {
	path := NormalizePath(items)
	parent := doc
	if i := strings.LastIndexByte(path, '.'); i >= 0 {
		var ok bool
		if parent, ok = lookup(doc, path[:i]); !ok {
			return false
		}
	}
	m, ok := parent.(map[string]any)
	if !ok {
		return false
	}
	_, hasRange := m["range"]
	_, hasDim := m["majorDimension"]
	return hasRange || hasDim
}

// headerRow reports whether rows, a table given as arrays of cells (the
// Google Sheets API's "values", rows as arrays), starts with its header
// row: every cell of the first row is text with a letter and no digit
// ("ID", "Title", "Price"), and some column holds a digit in every other
// row (a price, an id), which the header's name for it does not.
func headerRow(rows []any) bool {
	if len(rows) < 2 {
		return false
	}
	first, ok := rows[0].([]any)
	if !ok || len(first) < 2 {
		return false
	}
	for _, c := range first {
		s, ok := c.(string)
		if !ok || !strings.ContainsFunc(s, unicode.IsLetter) || strings.ContainsFunc(s, unicode.IsDigit) {
			return false
		}
	}
	for col := range first {
		digits := true
		for _, r := range rows[1:] {
			cells, ok := r.([]any)
			if !ok {
				return false
			}
			if col >= len(cells) || !digitCell(cells[col]) {
				digits = false
				break
			}
		}
		if digits {
			return true
		}
	}
	return false
}

// digitCell reports whether a table cell is a number or text holding a
// digit.
func digitCell(c any) bool {
	switch c := c.(type) {
	case json.Number, float64:
		return true
	case string:
		return strings.ContainsFunc(c, unicode.IsDigit)
	}
	return false
}
