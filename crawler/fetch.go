package crawler

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
	"unicode/utf8"

	"github.com/andybalholm/brotli"
	"github.com/gocolly/colly/v2"
	"github.com/precwatch/precwatch"
	"github.com/precwatch/precwatch/crawler/extract"
	"github.com/temoto/robotstxt"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/unicode"
)

// Fetch failures the crawler branches on.
var (
	// ErrTooLarge means a response body exceeded the target's max_body_bytes,
	// before or after decompression.
	ErrTooLarge = errors.New("response body too large")
	// ErrTooManyRedirects means a request was redirected more than 10 times.
	ErrTooManyRedirects = errors.New("too many redirects")
	// ErrOffDomain means a redirect pointed outside the target's allowed domains.
	ErrOffDomain = errors.New("redirect off the allowed domains")
	// ErrRobots means robots.txt disallows the URL for our user agent.
	ErrRobots = errors.New("disallowed by robots.txt")
	// ErrEncoding means a response's content coding is not one we read
	// (gzip, deflate, br, or a chain of up to three of them) or its
	// compressed data is corrupt.
	ErrEncoding = errors.New("unreadable content encoding")
	// ErrNotDocument means an html target's link answered with an image,
	// PDF, archive, office file, audio or video: not a page to read. Its
	// body is not downloaded.
	ErrNotDocument = errors.New("not a document")
)

const (
	maxRedirects       = 10
	maxRetryAfter      = 2 * time.Minute
	maxCrawlDelay      = time.Minute
	maxBackoff         = 30 * time.Second
	defaultUserAgent   = "precwatch/1.0 (+https://github.com/precwatch/precwatch)"
	defaultTimeout     = 20 * time.Second
	defaultMaxBody     = 10 << 20
	defaultJSONMaxBody = 32 << 20
	slotKey            = "precwatch.slot"
)

// response is one fetched page.
type response struct {
	URL    string // final URL, after redirects
	Status int
	Header http.Header // as received, with Content-Encoding removed once decoded
	Body   []byte      // decompressed, not charset-decoded
}

// fetcher fetches the pages of one target through colly, with our transport
// underneath: SSRF guard at dial time, body cap before and after
// decompression, redirect policy. It is safe for concurrent use.
type fetcher struct {
	target  *precwatch.Target
	col     *colly.Collector
	client  *http.Client
	ua      string
	allowed []string
	// retryBase is the first retry's backoff (Options.RetryBase).
	retryBase time.Duration

	robotsMu sync.Mutex
	robots   map[string]*robotsEntry
}

type robotsEntry struct {
	once  sync.Once
	data  *robotstxt.RobotsData
	delay time.Duration
	err   error
}

func newFetcher(ctx context.Context, t *precwatch.Target, opts *Options, own *ownAddrs) *fetcher {
	g := newGuard(t.AllowPrivateNetworks, opts.LookupIP, opts.DialContext, own)
	timeout := t.Timeout
	if timeout <= 0 {
		timeout = defaultTimeout
	}
	maxBody := bodyCap(t)
	par := max(t.Parallelism, 1)
	tr := &http.Transport{
		Proxy:                 nil, // a proxy would dial for us and bypass the guard
		DialContext:           g.DialContext,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          100,
		MaxIdleConnsPerHost:   par * 2,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ResponseHeaderTimeout: timeout,
		DisableCompression:    true, // capTransport decodes gzip, deflate and br itself, under the cap
	}
	// Cookies are kept for the run: shops set a session or consent
	// cookie on the first visit and redirect until it comes back.
	jar, _ := cookiejar.New(nil)
	f := &fetcher{
		target:    t,
		client:    &http.Client{Transport: &capTransport{base: tr, max: maxBody, documents: t.Kind != precwatch.KindJSON}, Timeout: timeout, Jar: jar},
		ua:        t.UserAgent,
		allowed:   allowedDomains(t),
		retryBase: opts.RetryBase,
		robots:    map[string]*robotsEntry{},
	}
	if f.ua == "" {
		f.ua = defaultUserAgent
	}

	col := colly.NewCollector()
	// NewCollector applies COLLY_* environment variables; set every field
	// that matters afterwards so the environment cannot change our policy.
	col.Context = ctx
	col.UserAgent = f.ua
	col.Headers = nil
	col.IgnoreRobotsTxt = true // robots.txt is ours (robots below), with crawl-delay
	col.AllowURLRevisit = true // dedup is ours; colly's visited set grows without bound
	col.AllowedDomains, col.DisallowedDomains = nil, nil
	col.URLFilters, col.DisallowedURLFilters = nil, nil
	col.MaxDepth, col.MaxRequests = 0, 0
	col.MaxBodySize = 0 // capTransport fails oversized bodies instead of truncating them
	col.CacheDir = ""
	col.Async = false
	col.CheckHead = false
	col.TraceHTTP = false
	col.DetectCharset = false // chardet mislabels windows-1251; we decode ourselves
	col.ParseHTTPErrorResponse = true
	col.SetClient(f.client)
	col.SetRedirectHandler(f.checkRedirect)
	col.OnResponseHeaders(func(r *colly.Response) {
		slot, _ := r.Ctx.GetAny(slotKey).(*response)
		if slot == nil {
			return
		}
		slot.Header = r.Headers.Clone()
		// colly re-encodes bodies whose Content-Type names a charset; strip
		// the parameter from its view so the body stays as received (the
		// evidence keeps the raw bytes and the original header).
		if ct := r.Headers.Get("Content-Type"); strings.Contains(strings.ToLower(ct), "charset") {
			if mt, _, err := mime.ParseMediaType(ct); err == nil {
				r.Headers.Set("Content-Type", mt)
			} else {
				r.Headers.Del("Content-Type")
			}
		}
	})
	col.OnResponse(func(r *colly.Response) {
		slot, _ := r.Ctx.GetAny(slotKey).(*response)
		if slot == nil {
			return
		}
		slot.Status = r.StatusCode
		slot.Body = r.Body
		slot.URL = r.Request.URL.String()
	})
	f.col = col
	return f
}

// allowedDomains returns the target's allowed domains, lowercased, defaulting
// to the hosts of its start URLs. "www." is dropped from a domain: shops
// redirect www.shop.example to shop.example and back, and link both.
func allowedDomains(t *precwatch.Target) []string {
	var out []string
	for _, d := range t.AllowedDomains {
		out = append(out, noWWW(strings.TrimSuffix(strings.ToLower(d), ".")))
	}
	if len(out) == 0 {
		for _, s := range t.StartURLs {
			if u, err := url.Parse(s); err == nil && u.Hostname() != "" {
				out = append(out, noWWW(strings.TrimSuffix(strings.ToLower(u.Hostname()), ".")))
			}
		}
	}
	return out
}

// noWWW drops a leading "www." from a domain name with at least two labels
// after it.
func noWWW(d string) string {
	if rest, ok := strings.CutPrefix(d, "www."); ok && strings.Contains(rest, ".") {
		return rest
	}
	return d
}

// hostAllowed reports whether host is an allowed domain or a subdomain of one.
// Loopback names ("localhost", 127.0.0.0/8, ::1) are one host to it: a
// shop on loopback that links to itself as localhost while its start URL
// says 127.0.0.1 stays in scope (the SSRF guard still decides whether
// loopback may be dialled at all).
func (f *fetcher) hostAllowed(host string) bool {
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	for _, d := range f.allowed {
		if host == d || strings.HasSuffix(host, "."+d) {
			return true
		}
	}
	if isLoopbackName(host) {
		for _, d := range f.allowed {
			if isLoopbackName(d) {
				return true
			}
		}
	}
	return false
}

// isLoopbackName reports whether host is "localhost" (or a name under it)
// or a loopback IP address.
func isLoopbackName(host string) bool {
	host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	if host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func (f *fetcher) checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) > maxRedirects {
		return fmt.Errorf("redirect to %s after %d redirects: %w", req.URL, len(via), ErrTooManyRedirects)
	}
	if !f.hostAllowed(req.URL.Hostname()) {
		return fmt.Errorf("redirect to %s: %w", req.URL, ErrOffDomain)
	}
	return nil
}

// fetch makes one GET request through colly, or, with a form body (post),
// POSTs it to rawURL's address, as an ASP.NET WebForms pager posts its
// form back. A non-2xx status is not an error; transport failures are.
func (f *fetcher) fetch(rawURL, post string) (*response, error) {
	slot := &response{URL: rawURL}
	cctx := colly.NewContext()
	cctx.Put(slotKey, slot)
	hdr := f.header()
	method, reqURL, body := http.MethodGet, rawURL, io.Reader(nil)
	spec, templ := extract.RequestTemplate(f.target, rawURL)
	if post == plainGet {
		// A lookup (a seller's record): a plain GET, whatever the
		// target's pages are asked by.
		post, templ = "", false
	}
	if post != "" {
		endpoint, _, _ := strings.Cut(rawURL, "#")
		method, reqURL, body = http.MethodPost, endpoint, strings.NewReader(post)
		hdr.Set("Content-Type", "application/x-www-form-urlencoded")
		hdr.Set("Referer", endpoint)
	} else if templ {
		// A feed built from a body template (GraphQL, a search API),
		// or an html target's "Load more" endpoint asked by its
		// request template: the page's variables, named in its
		// fragment, go into the body of a POST, or into the query of
		// a GET.
		endpoint, page, offset, cursor := extract.PostPageVars(rawURL)
		_, number := extract.PostCursor(rawURL)
		form := extract.FormRequest(f.target, hdr.Get("Content-Type"))
		var text string
		if form {
			// A form body (page=${page}&after=${cursor}): the
			// variables as form values, not JSON.
			text = formBody(spec.Body, page, offset, cursor)
			if hdr.Get("Content-Type") == "" && spec.IsPost() {
				hdr.Set("Content-Type", "application/x-www-form-urlencoded")
			}
		} else {
			text = requestBody(spec, page, offset, cursor, number, extract.PostCursorJSON(rawURL))
		}
		if !spec.IsPost() {
			u, err := queryURL(endpoint, text, form)
			if err != nil {
				return nil, fmt.Errorf("get %s: %w", rawURL, err)
			}
			reqURL = u
		} else {
			method, reqURL, body = http.MethodPost, endpoint, strings.NewReader(text)
			if hdr.Get("Content-Type") == "" {
				hdr.Set("Content-Type", "application/json")
			}
		}
	}
	if endpoint, tok := continuationOf(rawURL); tok != "" && post == "" && !templ {
		// Cosmos DB's next page: the same address, with the
		// continuation the last answer gave sent back as a header.
		reqURL = endpoint
		hdr.Set("X-Ms-Continuation", tok)
	}
	if err := f.col.Request(method, reqURL, body, cctx, hdr); err != nil {
		return nil, fmt.Errorf("get %s: %w", rawURL, err)
	}
	if slot.Status == 0 {
		return nil, fmt.Errorf("get %s: no response", rawURL)
	}
	return slot, nil
}

// continuationPrefix starts the fragment of the name of a page asked for
// by a continuation request header (continuationURL).
const continuationPrefix = "pw-continuation="

// continuationURL names the page of endpoint that a continuation token
// sent as the X-Ms-Continuation request header asks for (Cosmos DB's
// REST API pages a query so): the endpoint with the token in its fragment,
// which is never sent ("…/docs#pw-continuation=%7B%22token…").
func continuationURL(endpoint, token string) string {
	endpoint, _, _ = strings.Cut(endpoint, "#")
	return endpoint + "#" + continuationPrefix + url.QueryEscape(token)
}

// continuationOf returns the endpoint and the continuation token of a
// page named by continuationURL; token is "" for any other name.
func continuationOf(pageURL string) (endpoint, token string) {
	endpoint, frag, _ := strings.Cut(pageURL, "#")
	rest, ok := strings.CutPrefix(frag, continuationPrefix)
	if !ok {
		return pageURL, ""
	}
	tok, err := url.QueryUnescape(rest)
	if err != nil {
		return pageURL, ""
	}
	return endpoint, tok
}

// plainGet, as the form body of fetch, asks for a plain GET request: a
// lookup's address (precwatch.Lookup) on a target whose pages are asked
// by a request template.
const plainGet = "\x00get"

// cursorMark stands for the cursor while a body is filled in, so that
// requestBody finds where the template put it.
const cursorMark = "pw-cursor-5b0f3c9e"

// requestBody returns a feed's request body for one page, as
// precwatch.JSONSpec.RequestBodyCursor fills it in, but for two cases
// that need more than a string or a number where ${cursor} stands for a
// JSON value: on the first page (no cursor) a member whose value is
// ${cursor} is left out, not sent as null (Elasticsearch refuses
// "search_after": null; GraphQL reads a missing variable as null), and a
// cursor the feed gave as JSON (the last hit's sort values, an array) is
// sent as that JSON.
func requestBody(spec *precwatch.JSONSpec, page, offset int, cursor string, number, isJSON bool) string {
	if !spec.UsesPageVar("cursor") || cursor != "" && !isJSON {
		return spec.RequestBodyCursor(page, offset, cursor, number)
	}
	body := spec.RequestBodyCursor(page, offset, cursorMark, false)
	quoted := `"` + cursorMark + `"`
	if cursor == "" {
		body = cursorMember.ReplaceAllString(body, "")
		return strings.ReplaceAll(strings.ReplaceAll(body, quoted, "null"), cursorMark, "")
	}
	text, _ := json.Marshal(cursor)
	return strings.ReplaceAll(strings.ReplaceAll(body, quoted, cursor), cursorMark, string(text[1:len(text)-1]))
}

// cursorMember is a member of a JSON object whose value is the cursor's
// mark, with the comma that separates it from a neighbour.
var cursorMember = regexp.MustCompile(`\s*,\s*"(?:[^"\\]|\\.)*"\s*:\s*"` + cursorMark + `"|"(?:[^"\\]|\\.)*"\s*:\s*"` + cursorMark + `"\s*,?\s*`)

// queryURL returns endpoint with a filled-in body's members as query
// parameters (GraphQL over GET: query as its text, variables as JSON), or
// a form body's values.
func queryURL(endpoint, body string, form bool) (string, error) {
	u, err := url.Parse(endpoint)
	if err != nil {
		return "", err
	}
	q := u.Query()
	if form {
		vs, err := url.ParseQuery(body)
		if err != nil {
			return "", fmt.Errorf("body: %w", err)
		}
		for k, v := range vs {
			q[k] = v
		}
	} else {
		var members map[string]json.RawMessage
		if err := json.Unmarshal([]byte(body), &members); err != nil {
			return "", fmt.Errorf("body is not a JSON object: %w", err)
		}
		for k, raw := range members {
			var s string
			if json.Unmarshal(raw, &s) == nil {
				q.Set(k, s)
				continue
			}
			var b bytes.Buffer
			if err := json.Compact(&b, raw); err != nil {
				return "", err
			}
			q.Set(k, b.String())
		}
	}
	u.RawQuery = q.Encode()
	return u.String(), nil
}

// formBody fills a form-encoded POST body's page variables, escaped as
// form values (the first page's cursor is empty).
func formBody(tmpl string, page, offset int, cursor string) string {
	return strings.NewReplacer("${page}", strconv.Itoa(page), "${page0}", strconv.Itoa(page-1), "${offset}", strconv.Itoa(offset),
		"${cursor}", url.QueryEscape(cursor)).Replace(tmpl)
}

// header returns the headers of a request: the target's own (an API key, a
// cookie), then our User-Agent and, unless the target set one, Accept.
// Redirects keep them only within the allowed domains (checkRedirect
// refuses the others).
func (f *fetcher) header() http.Header {
	hdr := http.Header{}
	for k, v := range f.target.Headers {
		hdr.Set(k, v)
	}
	hdr.Set("User-Agent", f.ua)
	if hdr.Get("Accept") == "" {
		hdr.Set("Accept", f.accept())
	}
	return hdr
}

// accept returns the Accept header for the target's pages: JSON first for a
// feed, as APIs that negotiate (Django REST Framework, Rails) answer a
// browser's Accept with an HTML page.
func (f *fetcher) accept() string {
	if f.target.Kind == precwatch.KindJSON {
		return "application/json, text/json;q=0.9, */*;q=0.5"
	}
	return "text/html,application/xhtml+xml,application/json;q=0.9,*/*;q=0.8"
}

// robotsFor returns the robots.txt group for u's host and our user agent,
// fetching robots.txt once per host. A robots.txt that cannot be fetched
// (connection failure, 5xx, 429 after its Retry-After) disallows the whole host, as crawlers
// conventionally do; a missing one (other 4xx) allows everything.
func (f *fetcher) robotsFor(ctx context.Context, u *url.URL) *robotsEntry {
	key := u.Scheme + "://" + u.Host
	f.robotsMu.Lock()
	e := f.robots[key]
	if e == nil {
		e = &robotsEntry{}
		f.robots[key] = e
	}
	f.robotsMu.Unlock()
	e.once.Do(func() {
		// Retried like a page: one dropped connection or 503 must not
		// shut the whole host for the run.
		// A 429 is a rate limit, not "no robots.txt" (RFC 9309 reads
		// it as unavailable, like a 5xx): reading it as a 4xx would
		// allow the whole site.
		var status int
		var body []byte
		var hdr http.Header
		var err error
		for attempt := 0; ; attempt++ {
			status, hdr, body, err = f.get(ctx, key+"/robots.txt")
			if (err == nil && status < 500 && status != http.StatusTooManyRequests) || attempt >= max(f.target.MaxRetries, 0) || ctx.Err() != nil {
				break
			}
			if err != nil {
				if _, retry := classify(err); !retry {
					break
				}
			}
			wait := backoff(f.retryBase, attempt)
			if d, ok := retryAfter(hdr, time.Now()); ok && err == nil {
				wait = d
			}
			t := time.NewTimer(wait)
			select {
			case <-ctx.Done():
			case <-t.C:
			}
			t.Stop()
		}
		if err != nil {
			e.err = fmt.Errorf("robots.txt of %s: %w", key, err)
			return
		}
		if status >= 500 || status == http.StatusTooManyRequests {
			// Disallows the whole host, as crawlers conventionally
			// do, and is a failure of the run rather than the
			// site's answer.
			e.err = fmt.Errorf("robots.txt of %s: status %d", key, status)
			return
		}
		data, err := robotstxt.FromStatusAndBytes(status, body)
		if err != nil {
			e.err = fmt.Errorf("robots.txt of %s: %w", key, err)
			return
		}
		e.data = data
		if g := data.FindGroup(f.robotsAgent(data)); g != nil {
			e.delay = min(g.CrawlDelay, maxCrawlDelay)
		}
	})
	return e
}

// get fetches a small resource (robots.txt) directly with the guarded client.
func (f *fetcher) get(ctx context.Context, rawURL string) (int, http.Header, []byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return 0, nil, nil, err
	}
	for k, v := range f.header() {
		req.Header[k] = v
	}
	req.Header.Del("Accept")
	resp, err := f.client.Do(req)
	if err != nil {
		return 0, nil, nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 512<<10))
	if err != nil {
		return 0, nil, nil, err
	}
	return resp.StatusCode, resp.Header, body, nil
}

// allowedByRobots reports whether robots.txt allows u; it also returns the
// host's crawl-delay.
func (f *fetcher) allowedByRobots(ctx context.Context, u *url.URL) (bool, time.Duration, error) {
	if !f.target.RespectRobotsTxt {
		return true, 0, nil
	}
	e := f.robotsFor(ctx, u)
	if e.err != nil {
		return false, 0, e.err
	}
	p := u.EscapedPath()
	if u.RawQuery != "" {
		p += "?" + u.RawQuery
	}
	// TestAgent, not FindGroup(...).Test: it also knows the "disallow all"
	// a 5xx robots.txt means.
	return e.data.TestAgent(p, f.robotsAgent(e.data)), e.delay, nil
}

// robotsAgent returns the product token of our User-Agent that robots.txt
// names in a group of its own, else the whole User-Agent. Groups are matched
// by product token (RFC 9309), and a browser-like User-Agent
// ("Mozilla/5.0 (compatible; PrecwatchBot/2.0; +url)") names the crawler in
// a later token.
func (f *fetcher) robotsAgent(data *robotstxt.RobotsData) string {
	if data == nil {
		return f.ua
	}
	fallback := data.FindGroup("\x00") // no group names a NUL: the * group or none
	for _, tok := range productTokens(f.ua) {
		if g := data.FindGroup(tok); g != nil && g != fallback {
			return tok
		}
	}
	return f.ua
}

// productTokens returns the product names in a User-Agent ("Mozilla",
// "PrecwatchBot", …): runs of letters, digits, "_" and "-" directly before a
// "/".
func productTokens(ua string) []string {
	var out []string
	for i := 0; i < len(ua); i++ {
		if ua[i] != '/' {
			continue
		}
		j := i
		for j > 0 && (isTokenByte(ua[j-1])) {
			j--
		}
		if j < i {
			out = append(out, ua[j:i])
		}
	}
	return out
}

func isTokenByte(c byte) bool {
	return c == '-' || c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// capTransport decodes gzip, deflate and br itself and fails any body larger than max
// bytes, both as sent and once decompressed, so neither a huge page nor a compression bomb
// is ever held in memory beyond max bytes.
type capTransport struct {
	base http.RoundTripper
	max  int64
	// documents refuses bodies whose Content-Type is not a document
	// (html targets: see binaryType).
	documents bool
}

// binaryType reports whether a Content-Type is one no html target reads:
// images, audio, video, fonts, PDF, archives and office files. Gzip and
// octet-stream are not among them (sitemaps and feeds come as .gz files,
// and misconfigured servers label pages octet-stream).
func binaryType(contentType string) bool {
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		return false
	}
	if i := strings.IndexByte(mt, '/'); i > 0 {
		switch mt[:i] {
		case "image", "audio", "video", "font", "model":
			return mt != "image/svg+xml"
		}
	}
	switch mt {
	case "application/pdf", "application/zip", "application/x-zip-compressed", "application/x-rar-compressed",
		"application/vnd.rar", "application/x-7z-compressed", "application/x-tar", "application/x-bzip2",
		"application/x-xz", "application/msword", "application/rtf", "application/postscript",
		"application/x-msdownload", "application/vnd.android.package-archive", "application/java-archive",
		"application/x-shockwave-flash", "application/wasm", "application/x-iso9660-image":
		return true
	}
	return strings.HasPrefix(mt, "application/vnd.ms-") || strings.HasPrefix(mt, "application/vnd.openxmlformats") ||
		strings.HasPrefix(mt, "application/vnd.oasis.opendocument")
}

// binaryExtensions are file name extensions of links an html target never
// fetches (as Scrapy's link extractor ignores them): images, audio, video,
// archives, office files, executables, stylesheets and scripts.
var binaryExtensions = map[string]bool{}

func init() {
	for e := range strings.FieldsSeq(`7z 7zip bz2 rar tar tgz xz zip
		mng pct bmp gif jpg jpeg png pst psp tif tiff ai drw dxf eps ps svg cdr ico webp avif heic
		mp3 wma ogg wav ra aac mid au aiff flac opus
		3gp asf asx avi mov mp4 mpg mpeg qt rm swf wmv m4a m4v flv webm mkv
		xls xlsx ppt pptx pps doc docx odt ods odg odp
		css js mjs pdf exe bin dmg iso apk jar msi deb rpm woff woff2 ttf otf eot`) {
		binaryExtensions[e] = true
	}
}

// nonDocumentLink reports whether a discovered link's path ends in one of
// binaryExtensions.
func nonDocumentLink(raw string) bool {
	u, err := url.Parse(raw)
	if err != nil {
		return false
	}
	p := u.Path
	i := strings.LastIndexByte(p, '.')
	if i < 0 || i < strings.LastIndexByte(p, '/') {
		return false
	}
	return binaryExtensions[strings.ToLower(p[i+1:])]
}

// acceptEncoding is what the crawler asks for: every coding decodedBody
// reads.
const acceptEncoding = "gzip, deflate, br"

// maxCodings bounds a Content-Encoding chain ("gzip, gzip" from a server
// that compresses an already gzipped file again); longer chains are
// refused as unreadable.
const maxCodings = 3

// contentCodings parses a Content-Encoding header into the codings applied,
// in the order they were applied, dropping "identity". ok is false when a
// coding is not one decodedBody reads (zstd, compress, …) or the chain is
// longer than maxCodings.
func contentCodings(h string) (codings []string, ok bool) {
	for c := range strings.SplitSeq(strings.ToLower(h), ",") {
		switch c = strings.TrimSpace(c); {
		case c == "" || c == "identity" || noCoding.MatchString(c):
			// Not a coding at all: "none", "binary", or a charset
			// ("UTF-8") where a coding belongs, as misconfigured
			// servers send; browsers show such bodies as they are.
		case c == "gzip" || c == "x-gzip":
			codings = append(codings, "gzip")
		case c == "deflate" || c == "br":
			codings = append(codings, c)
		default:
			return nil, false
		}
	}
	return codings, len(codings) <= maxCodings
}

// noCoding matches Content-Encoding values that name no coding: "none",
// "binary", "7bit"/"8bit" (transfer encodings of mail), and charsets.
var noCoding = regexp.MustCompile(`^(?:none|binary|[78]bit|text|utf-?8|utf-?16(?:[bl]e)?|us-ascii|ascii|iso-?8859-?\d{1,2}|latin-?1|windows-?125\d|cp125\d|koi8-?[ru])$`)

func (t *capTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.Header.Get("Accept-Encoding") == "" {
		req = req.Clone(req.Context())
		req.Header.Set("Accept-Encoding", acceptEncoding)
	}
	resp, err := t.base.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	if t.documents && binaryType(resp.Header.Get("Content-Type")) {
		resp.Body.Close()
		return nil, fmt.Errorf("%s: content-type %q: %w", req.URL, resp.Header.Get("Content-Type"), ErrNotDocument)
	}
	if resp.ContentLength > t.max {
		resp.Body.Close()
		return nil, fmt.Errorf("%s: content-length %d > %d (raise max_body_bytes to read it): %w", req.URL, resp.ContentLength, t.max, ErrTooLarge)
	}
	raw := &capReader{r: resp.Body, c: resp.Body, max: t.max}
	resp.Body = raw
	enc := strings.Join(resp.Header.Values("Content-Encoding"), ", ")
	codings, ok := contentCodings(enc)
	if !ok {
		// A coding we do not read (zstd, compress) or a chain of more
		// than maxCodings: bytes we cannot read, whether asked for or not.
		raw.Close()
		return nil, fmt.Errorf("%s: content-encoding %q (read: gzip, deflate, br, up to %d applied in turn): %w", req.URL, enc, maxCodings, ErrEncoding)
	}
	if len(codings) > 0 {
		resp.Body = &decodedBody{raw: raw, max: t.max, codings: codings}
		resp.Header.Del("Content-Encoding")
		resp.Header.Del("Content-Length")
		resp.ContentLength = -1
		resp.Uncompressed = true
	}
	return resp, nil
}

// capReader fails with ErrTooLarge once more than max bytes were read.
type capReader struct {
	r   io.Reader
	c   io.Closer
	max int64
	n   int64
}

func (c *capReader) Read(p []byte) (int, error) {
	if c.n > c.max {
		return 0, fmt.Errorf("body over %d bytes (raise max_body_bytes to read it): %w", c.max, ErrTooLarge)
	}
	if int64(len(p)) > c.max-c.n+1 {
		p = p[:c.max-c.n+1]
	}
	n, err := c.r.Read(p)
	c.n += int64(n)
	if c.n > c.max {
		return n, fmt.Errorf("body over %d bytes (raise max_body_bytes to read it): %w", c.max, ErrTooLarge)
	}
	return n, err
}

func (c *capReader) Close() error { return c.c.Close() }

// decodedBody undoes a body's content codings (gzip, deflate, br; a chain
// such as "gzip, gzip" last first) lazily: the headers are read on first
// Read, inside the client's timeout. Every stage is capped at max bytes,
// so a compression bomb of any coding stops at the cap, decoded.
// "deflate" is meant to be zlib-wrapped (RFC 9110) but some servers send
// raw DEFLATE; both are read.
type decodedBody struct {
	raw     *capReader
	max     int64
	codings []string
	out     *capReader
	decs    []io.Closer
}

func (g *decodedBody) Read(p []byte) (int, error) {
	if g.out == nil {
		var r io.Reader = g.raw
		for i := len(g.codings) - 1; i >= 0; i-- {
			if g.codings[i] == "gzip" {
				br := bufio.NewReader(r)
				r = br
				if head, _ := br.Peek(2); plainText(head) {
					// Labelled gzip but plain text, as a header
					// set by hand or left by a proxy says: read
					// as it is, as browsers do.
					continue
				}
			}
			dec, err := newDecoder(g.codings[i], r)
			if err != nil {
				return 0, fmt.Errorf("%s body: %w: %w", g.codings[i], ErrEncoding, err)
			}
			g.decs = append(g.decs, dec)
			r = &capReader{r: dec, c: io.NopCloser(nil), max: g.max}
		}
		out, ok := r.(*capReader)
		if !ok {
			out = &capReader{r: r, c: io.NopCloser(nil), max: g.max}
		}
		g.out = out
	}
	n, err := g.out.Read(p)
	if err != nil && err != io.EOF && !errors.Is(err, ErrTooLarge) && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, ErrEncoding) {
		var ce flate.CorruptInputError
		if errors.As(err, &ce) || errors.Is(err, gzip.ErrChecksum) || errors.Is(err, zlib.ErrChecksum) || errors.Is(err, gzip.ErrHeader) {
			err = fmt.Errorf("%w: %w", ErrEncoding, err)
		}
	}
	return n, err
}

// plainText reports whether a body labelled gzip starts as text does
// (markup, JSON, a BOM, whitespace) rather than with gzip's magic bytes.
func plainText(head []byte) bool {
	if len(head) == 0 || len(head) == 2 && head[0] == 0x1f && head[1] == 0x8b {
		return false
	}
	switch c := head[0]; {
	case c == '<' || c == '{' || c == '[' || c == '"' || c == 0xef:
		return true
	case c == ' ' || c == '\t' || c == '\r' || c == '\n':
		return true
	}
	return false
}

func (g *decodedBody) Close() error {
	for _, d := range g.decs {
		d.Close()
	}
	return g.raw.Close()
}

// newDecoder returns a reader undoing one content coding of r.
func newDecoder(coding string, r io.Reader) (io.ReadCloser, error) {
	switch coding {
	case "gzip":
		return gzip.NewReader(r)
	case "deflate":
		return newDeflateReader(r)
	case "br":
		return &brotliReader{r: brotli.NewReader(r)}, nil
	}
	return nil, fmt.Errorf("content coding %q", coding)
}

// brotliReader marks the brotli decoder's own errors (corrupt data, bytes
// after the stream) as ErrEncoding; errors of the stream underneath
// (ErrTooLarge, a timeout) pass through as they are.
type brotliReader struct {
	r *brotli.Reader
}

func (b *brotliReader) Read(p []byte) (int, error) {
	n, err := b.r.Read(p)
	if err != nil && strings.HasPrefix(err.Error(), "brotli: ") {
		err = fmt.Errorf("br body: %w: %w", ErrEncoding, err)
	}
	return n, err
}

func (b *brotliReader) Close() error { return nil }

// newDeflateReader reads a zlib stream, or raw DEFLATE when r does not start
// with a zlib header.
func newDeflateReader(r io.Reader) (io.ReadCloser, error) {
	br := bufio.NewReader(r)
	hdr, err := br.Peek(2)
	if err != nil {
		return nil, fmt.Errorf("deflate body: %w", err)
	}
	// A zlib header: CM 8 in the low nibble and a multiple of 31.
	if hdr[0]&0x0f == 8 && (uint16(hdr[0])<<8|uint16(hdr[1]))%31 == 0 {
		return zlib.NewReader(br)
	}
	return flate.NewReader(br), nil
}

// maybeGunzip decompresses a body that is itself a gzip file (a feed served
// as feed.json.gz with Content-Type application/gzip and no
// Content-Encoding), capped at max bytes; other bodies are returned as they
// are.
func maybeGunzip(body []byte, max int64) ([]byte, error) {
	if len(body) < 3 || body[0] != 0x1f || body[1] != 0x8b || body[2] != 8 {
		return body, nil
	}
	gz, err := gzip.NewReader(bytes.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("gzip file body: %w", err)
	}
	defer gz.Close()
	out, err := io.ReadAll(&capReader{r: gz, c: io.NopCloser(nil), max: max})
	if err != nil {
		return nil, fmt.Errorf("gzip file body: %w", err)
	}
	return out, nil
}

// bodyCap returns the target's body cap, or the default for its kind.
func bodyCap(t *precwatch.Target) int64 {
	switch {
	case t.MaxBodyBytes > 0:
		return t.MaxBodyBytes
	case t.Kind == precwatch.KindJSON:
		return defaultJSONMaxBody
	}
	return defaultMaxBody
}

// decodeBody turns a fetched body into UTF-8 text for the extractor: a body
// that is a gzip file is decompressed first, then decoded from its charset.
func decodeBody(resp *response, t *precwatch.Target) ([]byte, string, error) {
	body, err := maybeGunzip(resp.Body, bodyCap(t))
	if err != nil {
		return nil, "", err
	}
	out, cs, err := toUTF8(body, resp.Header.Get("Content-Type"), t.Kind)
	if err == nil && t.Kind != precwatch.KindJSON && undeclaredXML(resp.Header.Get("Content-Type"), out) {
		// An XML feed without an <?xml?> declaration, labelled XML:
		// declare it, so the extractor reads it as XML rather than
		// as HTML (which empties <link> and drops CDATA).
		out = append([]byte("<?xml version=\"1.0\"?>\n"), out...)
	}
	return out, cs, err
}

// undeclaredXML reports whether a body labelled as XML (application/xml,
// text/xml, …+xml other than XHTML) starts with an element rather than an
// XML declaration and is not an HTML document.
func undeclaredXML(contentType string, body []byte) bool {
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil || mt == "application/xhtml+xml" || (mt != "application/xml" && mt != "text/xml" && !strings.HasSuffix(mt, "+xml")) {
		return false
	}
	head := bytes.TrimLeft(bytes.TrimPrefix(body, []byte("\xef\xbb\xbf")), " \t\r\n")
	if !bytes.HasPrefix(head, []byte("<")) || bytes.HasPrefix(head, []byte("<?xml")) {
		return false
	}
	lower := bytes.ToLower(head[:min(len(head), 1024)])
	return !bytes.Contains(lower, []byte("<html")) && !bytes.Contains(lower, []byte("<!doctype html"))
}

// toUTF8 decodes an HTML or JSON body to UTF-8 using the charset of the
// Content-Type header, else a BOM or <meta charset> (HTML), else UTF-8 when the
// bytes are valid UTF-8, else windows-1252 (the HTML default).
func toUTF8(body []byte, contentType string, kind string) ([]byte, string, error) {
	// A json target reading an app's HTML page (its embedded state) reads
	// the page's charset as an html target does: an old Chinese or
	// Russian shop declares GBK or windows-1251 only in a <meta>.
	asHTML := kind != precwatch.KindJSON || htmlDocument(body)
	if kind == precwatch.KindJSON && !asHTML {
		if e, name := jsonUTF16(body); e != nil {
			// UTF-16 JSON (.NET and Windows services), found by its
			// BOM or by the zero bytes around its first character
			// (RFC 4627), whatever the header says.
			out, err := e.NewDecoder().Bytes(body)
			if err != nil {
				return nil, name, fmt.Errorf("decode %s: %w", name, err)
			}
			return bytes.ToValidUTF8(out, []byte("\uFFFD")), name, nil
		}
		// JSON is UTF-8 (RFC 8259) unless the header says otherwise; a
		// meta prescan makes no sense for it.
		_, params, _ := mime.ParseMediaType(contentType)
		cs := strings.ToLower(params["charset"])
		if cs == "" && !utf8.Valid(body) && !jsonStart(body) {
			// Not JSON but a table (a CSV export from German or
			// French Excel is windows-1252 unless saved as UTF-8),
			// declaring no charset: read it in the legacy charset
			// it reads best in, as an undeclared HTML page.
			if out, n := extract.GuessCharset(body); n != "" {
				return out, n, nil
			}
		}
		if cs == "" || cs == "utf-8" || cs == "utf8" {
			return bytes.ToValidUTF8(body, []byte("\uFFFD")), "utf-8", nil
		}
	}
	contentType = normalizeCharsetParam(contentType)
	enc, name, certain := charset.DetermineEncoding(body, contentType)
	if singleByte(name) && !isASCII(body) && utf8.Valid(body) {
		// Labelled Latin-1 (servers add ISO-8859-1 by default) or
		// another single-byte charset while the bytes are UTF-8 with
		// multi-byte characters, which text in those charsets
		// practically never is (two accented or Cyrillic letters in a
		// row are not a valid UTF-8 sequence).
		return body, "utf-8", nil
	}
	if !certain && asHTML {
		// DetermineEncoding looks for <meta charset> in the first 1024
		// bytes only; pages with long heads declare it later.
		if e, n := declaredCharset(body); e != nil {
			enc, name = e, n
		} else if name == "windows-1252" && !utf8.Valid(body) {
			// Nothing declared and the bytes are not UTF-8: an old
			// Russian, Chinese or Japanese shop as often as a Latin-1
			// one. windows-1252 is only DetermineEncoding's fallback;
			// guess by how each decoding reads, as `precwatch match`
			// does for saved pages.
			if out, n := extract.GuessCharset(body); n != "" {
				return out, n, nil
			}
		}
	}
	if name == "utf-8" && asHTML && !utf8.Valid(body) {
		// The header says UTF-8 but the bytes are not (net/http labels
		// any HTML it is not told about "charset=utf-8"): believe the
		// page's own declaration.
		if e, n := declaredCharset(body); e != nil && n != "utf-8" {
			enc, name = e, n
		}
	}
	if name == "utf-8" {
		return bytes.ToValidUTF8(body, []byte("\uFFFD")), name, nil
	}
	out, err := enc.NewDecoder().Bytes(body)
	if err != nil {
		return nil, name, fmt.Errorf("decode %s: %w", name, err)
	}
	return out, name, nil
}

// htmlDocument reports whether a body is an HTML document (a doctype, or
// an <html>, <head> or <meta> element first), not JSON or a fragment.
func htmlDocument(body []byte) bool {
	head := bytes.TrimLeft(bytes.TrimPrefix(body, []byte("\xef\xbb\xbf")), " \t\r\n")
	if !bytes.HasPrefix(head, []byte("<")) {
		return false
	}
	lower := bytes.ToLower(head[:min(len(head), 64)])
	for _, p := range []string{"<!doctype html", "<html", "<head", "<meta"} {
		if bytes.HasPrefix(lower, []byte(p)) {
			return true
		}
	}
	return false
}

// jsonUTF16 returns the UTF-16 encoding of a JSON body that starts with a
// UTF-16 BOM, or whose first two bytes are one ASCII character and a zero
// byte (as RFC 4627 detects it); else nil.
func jsonUTF16(b []byte) (encoding.Encoding, string) {
	if len(b) < 2 {
		return nil, ""
	}
	switch {
	case b[0] == 0xff && b[1] == 0xfe, b[0] != 0 && b[0] < 0x80 && b[1] == 0:
		return unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), "utf-16le"
	case b[0] == 0xfe && b[1] == 0xff, b[0] == 0 && b[1] != 0 && b[1] < 0x80:
		return unicode.UTF16(unicode.BigEndian, unicode.UseBOM), "utf-16be"
	}
	return nil, ""
}

// charsetMisspelling matches charset labels written the way old sites
// write them ("win-1251", "windows1251", "cp-1251", "koi8r", "latin-1",
// "euc_jp", "gb-2312", "cp932"), which are not WHATWG labels.
var charsetMisspelling = regexp.MustCompile(`^(?:x-)?(windows|win|cp|ms|koi8|latin|euc|gb|iso8859|iso|shift)[-_ ]?(.*)$`)

// lookupCharset is charset.Lookup that also knows the usual misspellings
// of labels (see charsetMisspelling).
func lookupCharset(label string) (encoding.Encoding, string) {
	label = strings.ToLower(strings.Trim(strings.TrimSpace(label), `"'`))
	if e, name := charset.Lookup(label); e != nil {
		return e, name
	}
	m := charsetMisspelling.FindStringSubmatch(label)
	if m == nil {
		return nil, ""
	}
	rest := strings.TrimLeft(m[2], "-_ ")
	var tries []string
	switch m[1] {
	case "win", "windows", "cp", "ms":
		if rest == "932" || rest == "943" {
			tries = []string{"shift_jis"}
		} else {
			tries = []string{"windows-" + rest, "cp" + rest}
		}
	case "koi8":
		tries = []string{"koi8-" + rest}
	case "latin":
		tries = []string{"latin" + rest}
	case "euc":
		tries = []string{"euc-" + rest}
	case "gb":
		tries = []string{"gb" + rest}
	case "iso", "iso8859":
		tries = []string{"iso-" + rest, "iso-8859-" + strings.TrimPrefix(strings.TrimPrefix(rest, "8859"), "-")}
	case "shift":
		tries = []string{"shift_jis"}
	}
	for _, l := range tries {
		if e, name := charset.Lookup(l); e != nil {
			return e, name
		}
	}
	return nil, ""
}

// normalizeCharsetParam rewrites a Content-Type whose charset parameter
// is a misspelt label that lookupCharset knows to the encoding's name, so
// that charset.DetermineEncoding believes the header.
func normalizeCharsetParam(contentType string) string {
	mt, params, err := mime.ParseMediaType(contentType)
	if err != nil || params["charset"] == "" {
		return contentType
	}
	if e, _ := charset.Lookup(params["charset"]); e != nil {
		return contentType
	}
	if _, name := lookupCharset(params["charset"]); name != "" {
		params["charset"] = name
		return mime.FormatMediaType(mt, params)
	}
	return contentType
}

// singleByte reports whether an encoding name (as charset.Lookup names it)
// is a single-byte charset.
func singleByte(name string) bool {
	for _, p := range []string{"windows-125", "iso-8859-", "koi8-", "macintosh", "ibm866", "x-mac-cyrillic", "windows-874"} {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return false
		}
	}
	return true
}

// metaCharset finds a charset declared in a <meta> element or an XML
// declaration.
var metaCharset = regexp.MustCompile(`(?i)<meta\b[^>]*?charset\s*=\s*["']?\s*([a-z0-9_:.+-]+)|^\s*<\?xml[^>]*encoding\s*=\s*["']([a-z0-9_:.+-]+)`)

// charsetScan is how far into a page declaredCharset looks.
const charsetScan = 64 << 10

// declaredCharset returns the encoding a page declares in its first
// charsetScan bytes, or nil.
func declaredCharset(body []byte) (encoding.Encoding, string) {
	head := body[:min(len(body), charsetScan)]
	m := metaCharset.FindSubmatch(head)
	if m == nil {
		return nil, ""
	}
	label := string(m[1])
	if label == "" {
		label = string(m[2])
	}
	e, name := lookupCharset(label)
	if e == nil {
		return nil, ""
	}
	if name == "utf-16le" || name == "utf-16be" {
		// A page that read as ASCII to find this is not UTF-16 (as in
		// the HTML standard's prescan).
		return unicode.UTF8, "utf-8"
	}
	return e, name
}

// Error kinds counted in Run.ErrorsByKind.
const (
	KindTimeout    = "timeout"
	KindConnection = "connection"
	KindTruncated  = "truncated"
	KindTooLarge   = "too-large"
	KindBlocked    = "blocked"
	KindRedirects  = "redirects"
	KindOffDomain  = "off-domain"
	// KindOffDomainNext counts next pages of the catalogue linked on a
	// host outside the allowed domains, which are not fetched
	// (Run.OffDomainNext): failures, as the listings behind them are
	// unknown.
	KindOffDomainNext = "off-domain-next"
	KindRobots        = "robots"
	// KindRobotsUnavailable counts pages not fetched because their
	// host's robots.txt could not be read (connection failure, 5xx).
	KindRobotsUnavailable = "robots-unavailable"
	KindDecode            = "decode"
	KindExtract           = "extract"
	// KindPastEnd counts next pages the run counted on (no page linked
	// them) that answered a client error, and next pages answered with
	// 204 No Content: past the feed's end, an answer (WordPress answers
	// 400 to a page number past its last).
	KindPastEnd = "past-end"
	// KindEmpty counts start and listing pages, and next pages an html
	// page linked, answered with an empty body: failures.
	KindEmpty = "empty"
	// KindBotWall counts pages that were a bot protection's challenge
	// or block page (extract.Page.BotWall) answered with status 200:
	// failures, as no listing behind them was seen.
	KindBotWall = "bot-wall"
	// KindLogin counts pages that were a login form the site sent the
	// crawler to (a redirect) or that say they are one (extract.Page
	// PasswordForm and LoginTitle), with nothing else on them: failures,
	// as no listing behind them was seen.
	KindLogin = "login"
	// KindMaintenance counts empty pages that said the site is down for
	// maintenance (extract.Page.Maintenance) with status 200: failures.
	KindMaintenance = "maintenance"
	// KindGate counts empty pages that were a cookie-consent wall or an
	// age gate (extract.Page.Gate) standing in for the shop's page:
	// failures, as no listing behind them was seen.
	KindGate = "gate"
	// KindErrorPage counts empty pages that were a server's or
	// framework's error page (extract.Page.ErrorPage) answered with
	// status 200: failures, as no listing behind them was seen.
	KindErrorPage = "error-page"
	// KindFeedError counts feed pages that answered an error report
	// with status 200 (extract.ErrFeedError): failures.
	KindFeedError = "feed-error"
	// KindCursorIgnored counts feed pages asked for by a cursor that
	// gave back the same cursor with listings (extract.ErrCursorIgnored):
	// the API did not read the cursor, so the pages after the first are
	// unknown; failures.
	KindCursorIgnored = "cursor-ignored"
	// KindPatternMissed counts pages the follow selectors led to that
	// listing.url_pattern does not match, that hold a product and link
	// nothing (extract.CountPatternMissed): listing pages the pattern
	// misses, whose listings were not read; failures, so that a shop
	// that moved its products to new addresses does not have them
	// marked removed.
	KindPatternMissed = "pattern-missed"
	KindSink          = "sink"
	KindFetch         = "fetch"
	// KindNotDocument counts links that answered with an image, PDF,
	// archive or other file no html target reads; they are skipped, not
	// failed.
	KindNotDocument = "not-document"
	// KindInterstitial counts pages that kept reloading themselves (a
	// bot check, consent or age gate the crawler could not pass).
	KindInterstitial = "interstitial"
	// KindGone counts listing pages that answered 200 with the
	// platform's notice that the listing was taken down (listing.gone):
	// answers, like 404s.
	KindGone = "gone"
)

// classify names the kind of a fetch error and says whether a retry may help.
func classify(err error) (kind string, retry bool) {
	var ne net.Error
	switch {
	case errors.Is(err, ErrBlocked):
		return KindBlocked, false
	case errors.Is(err, ErrTooLarge):
		return KindTooLarge, false
	case errors.Is(err, ErrNotDocument):
		return KindNotDocument, false
	case errors.Is(err, ErrTooManyRedirects):
		return KindRedirects, false
	case errors.Is(err, ErrOffDomain):
		return KindOffDomain, false
	case errors.Is(err, ErrRobots):
		return KindRobots, false
	case errors.Is(err, ErrEncoding), errors.Is(err, gzip.ErrHeader), errors.Is(err, gzip.ErrChecksum),
		errors.Is(err, zlib.ErrHeader), errors.Is(err, zlib.ErrChecksum):
		return KindDecode, false
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &ne) && ne.Timeout():
		return KindTimeout, true
	case errors.Is(err, io.ErrUnexpectedEOF):
		return KindTruncated, true
	case errors.Is(err, syscall.ECONNRESET), errors.Is(err, syscall.ECONNREFUSED),
		errors.Is(err, syscall.EPIPE), errors.Is(err, io.EOF), errors.As(err, new(*net.OpError)):
		return KindConnection, true
	}
	if strings.Contains(err.Error(), "connection reset") || strings.Contains(err.Error(), "server closed") {
		return KindConnection, true
	}
	return KindFetch, true
}

// rateLimitResetHeaders say when an API's rate-limit window resets: the
// IETF draft's RateLimit-Reset (seconds), the X- forms GitHub, Twitter,
// Shopify's partners and others send (epoch seconds, or seconds), and
// Discord's X-RateLimit-Reset-After (seconds).
var rateLimitResetHeaders = []string{"RateLimit-Reset", "X-RateLimit-Reset", "X-Rate-Limit-Reset", "X-RateLimit-Reset-After"}

// rateLimitReset returns how long until the rate-limit window resets, by
// rateLimitResetHeaders: a number above 1e12 is epoch milliseconds, above
// 1e9 epoch seconds, else seconds from now; capped like Retry-After.
func rateLimitReset(h http.Header, now time.Time) (time.Duration, bool) {
	for _, k := range rateLimitResetHeaders {
		v := strings.TrimSpace(h.Get(k))
		if v == "" {
			continue
		}
		f, err := strconv.ParseFloat(v, 64)
		if err != nil || f < 0 {
			continue
		}
		var d time.Duration
		switch {
		case f > 1e12:
			d = time.UnixMilli(int64(f)).Sub(now)
		case f > 1e9:
			d = time.Unix(int64(f), 0).Sub(now)
		default:
			d = time.Duration(f * float64(time.Second))
		}
		return min(max(d, 0), maxRetryAfter), true
	}
	return 0, false
}

// rateLimitExhausted reports whether a response says no request is left
// in the API's rate-limit window (X-RateLimit-Remaining: 0 or the draft's
// RateLimit-Remaining: 0), and how long until it resets.
func rateLimitExhausted(h http.Header, now time.Time) (time.Duration, bool) {
	for _, k := range []string{"RateLimit-Remaining", "X-RateLimit-Remaining", "X-Rate-Limit-Remaining"} {
		if strings.TrimSpace(h.Get(k)) == "0" {
			return rateLimitReset(h, now)
		}
	}
	return 0, false
}

// statusKind names a non-2xx status and says whether a retry may help.
func statusKind(status int) (kind string, retry bool) {
	switch {
	case status == http.StatusTooManyRequests:
		return "http-429", true
	case status == http.StatusAccepted:
		// Accepted, not served: a page still being prepared, or a bot
		// challenge (AWS WAF's answers 202). Not an empty page.
		return "http-202", true
	case status >= 500:
		return "http-" + strconv.Itoa(status), true
	default:
		return "http-" + strconv.Itoa(status), false
	}
}

// retryAfter parses a Retry-After header (seconds or HTTP date), capped;
// without one, the reset time of a rate-limit header (see rateLimitReset).
func retryAfter(h http.Header, now time.Time) (time.Duration, bool) {
	v := strings.TrimSpace(h.Get("Retry-After"))
	if v == "" {
		return rateLimitReset(h, now)
	}
	var d time.Duration
	if s, err := strconv.Atoi(v); err == nil {
		d = time.Duration(max(s, 0)) * time.Second
	} else if t, err := http.ParseTime(v); err == nil {
		d = max(t.Sub(now), 0)
	} else {
		return 0, false
	}
	return min(d, maxRetryAfter), true
}

// jsonStart reports whether body starts like a JSON document (an object or
// array, after whitespace and a BOM): JSON is UTF-8 whatever bytes it holds.
func jsonStart(body []byte) bool {
	head := bytes.TrimLeft(bytes.TrimPrefix(body, []byte("\xef\xbb\xbf")), " \t\r\n")
	return len(head) > 0 && (head[0] == '{' || head[0] == '[')
}
