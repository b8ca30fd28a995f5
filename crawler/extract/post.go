package extract

import (
	"bytes"
	"encoding/json"
	"mime"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/precwatch/precwatch"
)

// postVarsPrefix starts the fragment of a POST feed page's name.
const postVarsPrefix = "pw:"

// PostPageURL names one page of a POST feed (a GraphQL or search API that
// takes its page in the request body) as the crawler's frontier holds it:
// the endpoint with the page variables in its fragment
// ("…/graphql#pw:cursor=Y3Vy&offset=20&page=2"). The first page (page 1,
// offset 0, no cursor) is the endpoint itself. Fragments are never sent,
// so the name is the request URL plus what goes into its body.
func PostPageURL(endpoint string, page, offset int, cursor string) string {
	return postPageURL(endpoint, page, offset, cursor, "")
}

// Cursor types of postPageURL: how the feed gave the cursor, and so how
// it is sent back.
const (
	cursorNumber = "number" // a JSON number (a numeric last_id)
	cursorJSON   = "json"   // a JSON array or object (Elasticsearch's sort values)
)

// postPageURL is PostPageURL, marking a cursor the feed gave as a JSON
// number or as JSON (ctype) so that it is sent back as such (PostCursor,
// PostCursorJSON).
func postPageURL(endpoint string, page, offset int, cursor string, ctype string) string {
	endpoint, _, _ = strings.Cut(endpoint, "#")
	if page <= 1 && offset <= 0 && cursor == "" {
		return endpoint
	}
	q := url.Values{}
	q.Set("page", strconv.Itoa(page))
	q.Set("offset", strconv.Itoa(offset))
	if cursor != "" {
		q.Set("cursor", cursor)
		if ctype != "" {
			q.Set("cursor_type", ctype)
		}
	}
	return endpoint + "#" + postVarsPrefix + q.Encode()
}

// PostPageVars returns the endpoint and page variables of a POST feed
// page's name (see PostPageURL); a URL without them is the first page.
func PostPageVars(pageURL string) (endpoint string, page, offset int, cursor string) {
	endpoint, frag, _ := strings.Cut(pageURL, "#")
	page = 1
	rest, ok := strings.CutPrefix(frag, postVarsPrefix)
	if !ok {
		return endpoint, page, 0, ""
	}
	q, _ := url.ParseQuery(rest)
	if n, err := strconv.Atoi(q.Get("page")); err == nil && n > 0 {
		page = n
	}
	if n, err := strconv.Atoi(q.Get("offset")); err == nil && n > 0 {
		offset = n
	}
	return endpoint, page, offset, q.Get("cursor")
}

// PostPageAt names the POST feed page pageURL names, with its page
// variables, at endpoint (where a redirect took its request).
func PostPageAt(pageURL, endpoint string) string {
	_, page, offset, cursor := PostPageVars(pageURL)
	return postPageURL(endpoint, page, offset, cursor, cursorType(pageURL))
}

// cursorType returns how the feed gave the cursor of a POST feed page's
// name: "", cursorNumber or cursorJSON.
func cursorType(pageURL string) string {
	_, frag, _ := strings.Cut(pageURL, "#")
	rest, ok := strings.CutPrefix(frag, postVarsPrefix)
	if !ok {
		return ""
	}
	q, _ := url.ParseQuery(rest)
	if q.Get("cursor") == "" {
		return ""
	}
	return q.Get("cursor_type")
}

// PostCursorJSON reports whether the cursor of a POST feed page's name is
// JSON the feed gave (an array of sort values, an object): the request
// sends it as that JSON where ${cursor} stands for a value.
func PostCursorJSON(pageURL string) bool { return cursorType(pageURL) == cursorJSON }

// Templated reports whether a json target's requests are built from its
// body template: a POST feed, or a GET feed with a body, whose members
// are sent as query parameters (GraphQL over GET: query, variables).
func Templated(spec *precwatch.JSONSpec) bool {
	return spec.IsPost() || strings.TrimSpace(spec.Body) != ""
}

// PostCursor returns the cursor of a POST feed page's name and whether the
// feed gave it as a JSON number (a numeric last_id), which the request
// body then sends as a number where ${cursor} stands for a JSON value
// (precwatch.JSONSpec.RequestBodyCursor).
func PostCursor(pageURL string) (cursor string, number bool) {
	_, frag, _ := strings.Cut(pageURL, "#")
	rest, ok := strings.CutPrefix(frag, postVarsPrefix)
	if !ok {
		return "", false
	}
	q, _ := url.ParseQuery(rest)
	return q.Get("cursor"), q.Get("cursor") != "" && q.Get("cursor_type") == cursorNumber
}

// postNext returns the next page of a POST feed page that held n items:
// by json.next_page when set — a cursor token (sent back as ${cursor}), a
// page number, or a boolean such as pageInfo.hasNextPage (true: the page
// after this one); absent, null, false or "" end the feed — else, when
// the body pages by ${page} or ${offset} and this page had items, the
// page after this one. The second result says whether the next page is
// only counted on (Page.CountOn).
func postNext(spec *precwatch.JSONSpec, doc any, pageURL string, n int) (string, bool) {
	endpoint, page, offset, cursor := PostPageVars(pageURL)
	ctype := cursorType(pageURL)
	if spec.NextPage == "" {
		if n > 0 && (spec.UsesPageVar("page") || spec.UsesPageVar("offset")) && !lastBodyPage(doc, spec.Items, n) {
			return postPageURL(endpoint, page+1, offset+n, cursor, ctype), true
		}
		return "", false
	}
	v, ok := lookup(doc, spec.NextPage)
	if !ok || v == nil {
		return "", false
	}
	switch v := v.(type) {
	case bool:
		if v && n > 0 {
			return postPageURL(endpoint, page+1, offset+n, cursor, ctype), false
		}
	case json.Number:
		if spec.UsesPageVar("cursor") && !spec.UsesPageVar("page") {
			// A numeric cursor (last_id), sent back as ${cursor}.
			if c := v.String(); c != cursor && n > 0 && !noMore(doc, spec.NextPage, spec.Items) {
				return postPageURL(endpoint, page+1, offset+n, c, cursorNumber), false
			}
			return "", false
		}
		if p, err := strconv.Atoi(v.String()); err == nil && p > 0 && n > 0 {
			return postPageURL(endpoint, p, offset+n, cursor, ctype), false
		}
	case []any, map[string]any:
		// The last hit's sort values (Elasticsearch's and
		// OpenSearch's search_after, hits.hits[-1].sort), sent back
		// as that JSON.
		b, err := json.Marshal(v)
		if c := string(b); err == nil && n > 0 && c != cursor && c != "[]" && c != "{}" && !noMore(doc, spec.NextPage, spec.Items) {
			return postPageURL(endpoint, page+1, offset+n, c, cursorJSON), false
		}
	case string:
		v = strings.TrimSpace(v)
		switch {
		case v == "" || v == cursor || n == 0 || noMore(doc, spec.NextPage, spec.Items):
			// No next page, the same cursor again, or a Relay
			// pageInfo whose endCursor stands beside
			// hasNextPage: false: the end.
		case isPageNumber(v) && !spec.UsesPageVar("cursor"):
			p, _ := strconv.Atoi(v)
			if p > 0 && n > 0 {
				return postPageURL(endpoint, p, offset+n, cursor, ctype), false
			}
		default:
			return PostPageURL(endpoint, page+1, offset+n, v), false
		}
	}
	return "", false
}

// templateCursorRepeated reports whether a templated feed's page, asked
// for with a cursor, gave back that same cursor with listings
// (Page.CursorRepeated), and the cursor's path. A next_page that reads the
// last item's id ([-1]) counts too when the page holds two items or more:
// an API paged by the last id that names the id it was asked after again
// answered a page it had given before (it ignored the parameter), while an
// API that includes the cursor's own item ends on a page of that one item.
// The crawler fails such a page only when it brings nothing new.
func templateCursorRepeated(spec *precwatch.JSONSpec, doc any, pageURL string, n int) (string, bool) {
	lastID := strings.Contains(spec.NextPage, "[-1]")
	if spec.NextPage == "" || n == 0 || lastID && n < 2 || !spec.UsesPageVar("cursor") {
		return "", false
	}
	_, _, _, cursor := PostPageVars(pageURL)
	if cursor == "" {
		return "", false
	}
	v, ok := lookup(doc, spec.NextPage)
	if !ok || noMore(doc, spec.NextPage, spec.Items) {
		return "", false
	}
	switch x := v.(type) {
	case string:
		if strings.TrimSpace(x) == cursor {
			return spec.NextPage, true
		}
	case float64:
		if lastID && strconv.FormatFloat(x, 'f', -1, 64) == cursor {
			return spec.NextPage, true
		}
	case json.Number:
		if lastID && x.String() == cursor {
			return spec.NextPage, true
		}
	}
	return "", false
}

// lastBodyPage reports whether a feed's body says that this page, with n
// items, is its last: which page of how many, or which offset of how many
// listings (see bodyPaging), at the root or beside the items (Magento's
// GraphQL data.products.page_info next to data.products.items). Counting
// on past it would ask for a page the API answers with an error.
func lastBodyPage(doc any, items string, n int) bool {
	roots := []any{doc}
	if p := NormalizePath(items); strings.Contains(p, ".") {
		if v, ok := lookup(doc, p[:strings.LastIndexByte(p, '.')]); ok {
			roots = append(roots, v)
		}
	}
	dummy := &url.URL{Scheme: "https", Host: "feed.invalid", Path: "/"}
	for _, r := range roots {
		if next, _, ok := bodyPaging(r, dummy, n); ok {
			return next == ""
		}
	}
	return false
}

// hasMoreKeys say, beside a cursor, whether there is a page after this one.
var hasMoreKeys = []string{"hasNextPage", "has_next_page", "hasMore", "has_more", "hasNext", "has_next", "more"}

// noMore reports whether the feed says there is no page after this one:
// the object holding the next_page path's value (Relay's pageInfo:
// {"endCursor": "…", "hasNextPage": false}), else an object holding the
// items, nearest first, up to the root (Stripe's {"data": […], "has_more":
// false}, paged by the last item's id, next_page: data[-1].id). An object
// inside the items (the last item itself) is never asked: a listing's own
// "more" says nothing about the feed.
func noMore(doc any, path, items string) bool {
	p, it := NormalizePath(path), NormalizePath(items)
	var holders []string
	_, rootItems := doc.([]any)
	inItems := func(q string) bool {
		if it == "" {
			return rootItems
		}
		return q == it || strings.HasPrefix(q, it+".")
	}
	if parent, ok := parentPath(p); ok && !inItems(parent) {
		holders = append(holders, parent)
	}
	for q, ok := parentPath(it); ok && it != ""; q, ok = parentPath(q) {
		holders = append(holders, q)
		if q == "" {
			break
		}
	}
	for _, h := range holders {
		v, ok := lookup(doc, h)
		m, isObj := v.(map[string]any)
		if !ok || !isObj {
			continue
		}
		for _, k := range hasMoreKeys {
			if b, ok := m[k].(bool); ok {
				return !b
			}
		}
	}
	return false
}

// parentPath returns the path of the value holding a normalized path's
// value ("" for the root), and false for the root itself.
func parentPath(p string) (string, bool) {
	if p == "" {
		return "", false
	}
	if i := strings.LastIndexByte(p, '.'); i >= 0 {
		return p[:i], true
	}
	return "", true
}

// RequestTemplate returns the request template of the page pageURL names
// when t's requests to it are built from one: a json target's json.method
// and json.body (every page), or an html target's request
// (precwatch.Target.Request) for the pages of its start URLs, a "Load
// more" endpoint that answers only POST. Links followed from such pages
// (detail pages) are plain GET requests.
func RequestTemplate(t *precwatch.Target, pageURL string) (*precwatch.JSONSpec, bool) {
	if t.Kind == precwatch.KindJSON {
		return &t.JSON, Templated(&t.JSON)
	}
	r := t.Request
	if strings.TrimSpace(r.Body) == "" && !strings.EqualFold(strings.TrimSpace(r.Method), "POST") {
		return nil, false
	}
	endpoint, _, _ := strings.Cut(pageURL, "#")
	key := endpointKey(endpoint)
	for _, s := range t.StartURLs {
		if endpointKey(strings.TrimSpace(s)) == key {
			return &precwatch.JSONSpec{Method: r.Method, Body: r.Body}, true
		}
	}
	return nil, false
}

// endpointKey compares start URLs and page names: canonical, without a
// trailing slash.
func endpointKey(u string) string {
	if c, err := Canonical(nil, u); err == nil {
		u = c
	}
	return strings.TrimSuffix(u, "/")
}

// FormRequest reports whether a templated request's body is sent
// form-encoded: the target's Content-Type header says so, or, for an html
// target's request template without one, the body is not a JSON object
// (action=load_more&page=${page}).
func FormRequest(t *precwatch.Target, contentType string) bool {
	if contentType != "" {
		mt, _, _ := mime.ParseMediaType(contentType)
		return mt == "application/x-www-form-urlencoded"
	}
	return t.Kind != precwatch.KindJSON && !strings.HasPrefix(strings.TrimSpace(t.Request.Body), "{")
}

// templatedNext sets the next page of an html page asked for by its
// request template (see RequestTemplate): the page, offset or cursor that
// the next_page selectors read (a "Load more" button's data-page,
// data-offset or data-cursor), sent as the template's ${page}, ${offset}
// or ${cursor}; without next_page, a page with listings or links counts on
// by ${page} and ${offset} (Page.CountOn) unless the JSON wrapping it says
// there is no more. A next_page that matched nothing ends it.
func (b *builder) templatedNext(spec *precwatch.JSONSpec, pageURL string, wrapper []byte) {
	endpoint, page, offset, cursor := PostPageVars(pageURL)
	n := len(b.page.Listings) + len(b.page.Follow)
	b.page.Next, b.page.CountOn, b.page.Postbacks = nil, "", nil
	self := PostPageURL(endpoint, page, offset, cursor)
	add := func(u string) {
		if u != self && !slices.Contains(b.page.Next, u) {
			b.page.Next = append(b.page.Next, u)
		}
	}
	for _, tv := range b.templNext {
		switch tv.kind {
		case 'p':
			p, _ := strconv.Atoi(tv.v)
			if p > page {
				add(PostPageURL(endpoint, p, offset+n, ""))
			}
		case 'o':
			o, _ := strconv.Atoi(tv.v)
			if o > offset {
				add(PostPageURL(endpoint, page+1, o, ""))
			}
		default:
			add(PostPageURL(endpoint, page+1, offset+n, tv.v))
		}
	}
	if len(b.t.NextPage) > 0 || n == 0 || !spec.UsesPageVar("page") && !spec.UsesPageVar("offset") {
		return
	}
	var doc any
	if json.Unmarshal(bytes.TrimSpace(wrapper), &doc) == nil {
		for _, root := range []string{"", "data."} {
			for _, k := range []string{"has_more", "hasMore", "more", "has_next", "hasNext", "hasNextPage", "load_more", "loadMore"} {
				if v, ok := lookup(doc, root+k); ok && v == false {
					return
				}
			}
		}
	}
	b.page.CountOn = PostPageURL(endpoint, page+1, offset+n, "")
}
