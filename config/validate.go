package config

import (
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/url"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/andybalholm/cascadia"
	"github.com/robfig/cron/v3"

	"github.com/precwatch/precwatch"
)

// reportFunc records a problem with the field at path.
type reportFunc func(field, msg string)

func (r reportFunc) f(field, format string, args ...any) { r(field, fmt.Sprintf(format, args...)) }

// complete fills in the defaults that derive from other fields.
func complete(t *precwatch.Target) {
	t.Kind = strings.ToLower(strings.TrimSpace(t.Kind))
	if t.Kind == "" {
		t.Kind = precwatch.KindHTML
	}
	for i, d := range t.AllowedDomains {
		t.AllowedDomains[i] = domainOf(d)
	}
	if len(t.AllowedDomains) == 0 {
		for _, s := range t.StartURLs {
			u, err := url.Parse(strings.TrimSpace(s))
			if err != nil || u.Hostname() == "" {
				continue
			}
			h := strings.TrimSuffix(strings.ToLower(u.Hostname()), ".")
			if !slices.Contains(t.AllowedDomains, h) {
				t.AllowedDomains = append(t.AllowedDomains, h)
			}
		}
	}
}

var (
	targetName = regexp.MustCompile(`^[a-z0-9-]+$`)
	fieldName  = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)
	attrName   = regexp.MustCompile(`^[A-Za-z_:][-A-Za-z0-9_:.]*$`)
	// hostLabel allows any non-ASCII character: internationalised names are
	// converted to punycode by the crawler, not here.
	hostLabel = regexp.MustCompile(`^[a-z0-9_\x{80}-\x{10FFFF}]([a-z0-9_\x{80}-\x{10FFFF}-]*[a-z0-9_\x{80}-\x{10FFFF}])?$`)
)

// cronParser accepts standard 5-field specs and descriptors (@daily,
// @every 6h), as the monitor's scheduler does.
var cronParser = cron.NewParser(cron.Minute | cron.Hour | cron.Dom | cron.Month | cron.Dow | cron.Descriptor)

func validateConfig(c *Config, report reportFunc) {
	if strings.TrimSpace(c.DataDir) == "" {
		report("data_dir", "must not be empty")
	}
	if !(c.Threshold >= 0 && c.Threshold <= 1) { // NaN too
		report.f("threshold", "%g is outside [0, 1]", c.Threshold)
	}
	for i, w := range c.Watchlists {
		if strings.TrimSpace(w) == "" {
			report(fmt.Sprintf("watchlists[%d]", i), "must not be empty")
		}
	}
	names := map[string]int{}
	for i := range c.Targets {
		path := fmt.Sprintf("targets[%d]", i)
		t := &c.Targets[i]
		validateTarget(t, path, report)
		if t.Name == "" {
			continue
		}
		if t.Name == "test" {
			// The API's POST /api/v1/targets/test tests an unsaved target
			// (any name, "test" too), so a configured target of that name
			// could not be read by its URL.
			report(path+".name", `"test" is reserved (/api/v1/targets/test tests an unsaved target); choose another name`)
		}
		if j, dup := names[t.Name]; dup {
			report.f(path+".name", "duplicate target name %q (also targets[%d])", t.Name, j)
		} else {
			names[t.Name] = i
		}
	}
	platforms := map[string]int{}
	for i, p := range c.Platforms {
		path := fmt.Sprintf("platforms[%d]", i)
		if strings.TrimSpace(p.Name) == "" {
			report(path+".name", "must not be empty")
		} else if j, dup := platforms[p.Name]; dup {
			report.f(path+".name", "duplicate platform %q (also platforms[%d])", p.Name, j)
		} else {
			platforms[p.Name] = i
		}
		if p.WebhookURL != "" {
			if err := checkHTTPURL(p.WebhookURL); err != nil {
				report(path+".webhook_url", err.Error())
			}
			if p.WebhookSecret == "" {
				report(path+".webhook_secret", "required with webhook_url (the HMAC key that signs deliveries)")
			}
		} else if p.WebhookSecret != "" {
			report(path+".webhook_url", "required with webhook_secret")
		}
	}
}

// validateTarget checks every field of t, reporting problems under prefix.
func validateTarget(t *precwatch.Target, prefix string, report reportFunc) {
	at := func(f string) string { return join(prefix, f) }

	switch {
	case t.Name == "":
		report(at("name"), "must not be empty")
	case !targetName.MatchString(t.Name):
		report.f(at("name"), "%q must match [a-z0-9-]+", t.Name)
	}
	if strings.TrimSpace(t.Platform) == "" {
		report(at("platform"), "must not be empty")
	}
	if t.Schedule != "" {
		if _, err := cronParser.Parse(t.Schedule); err != nil {
			report.f(at("schedule"), "%q is not a cron spec (5 fields or a descriptor like @every 6h, @daily): %v", t.Schedule, err)
		}
	}
	if len(t.StartURLs) == 0 {
		report(at("start_urls"), "at least one start URL is required")
	}
	for i, s := range t.StartURLs {
		f := fmt.Sprintf("%s[%d]", at("start_urls"), i)
		if err := checkHTTPURL(s); err != nil {
			report(f, err.Error())
			continue
		}
		u, _ := url.Parse(strings.TrimSpace(s))
		if h := strings.TrimSuffix(strings.ToLower(u.Hostname()), "."); !domainAllowed(h, t.AllowedDomains) {
			report.f(f, "host %q is not in allowed_domains", h)
		}
	}
	for i, d := range t.AllowedDomains {
		if err := checkHostname(d); err != nil {
			report(fmt.Sprintf("%s[%d]", at("allowed_domains"), i), err.Error())
		}
	}
	if t.UserAgent == "" {
		report(at("user_agent"), "must not be empty")
	} else if strings.ContainsAny(t.UserAgent, "\r\n\x00") {
		report(at("user_agent"), "must be a single line")
	}
	checkHeaders(t.Headers, at, report)
	if t.MaxPages < 1 || t.MaxPages > MaxMaxPages {
		report.f(at("max_pages"), "%d is outside [1, %d]", t.MaxPages, MaxMaxPages)
	}
	if t.Parallelism < 1 || t.Parallelism > MaxParallelism {
		report.f(at("parallelism"), "%d is outside [1, %d]", t.Parallelism, MaxParallelism)
	}
	if t.Delay < 0 || t.Delay > MaxDelay {
		report.f(at("delay"), "%v is outside [0s, %v]", t.Delay, MaxDelay)
	}
	if t.Timeout <= 0 || t.Timeout > MaxTimeout {
		report.f(at("timeout"), "%v must be positive and at most %v", t.Timeout, MaxTimeout)
	}
	if t.MaxBodyBytes < 1 || t.MaxBodyBytes > MaxMaxBodyBytes {
		report.f(at("max_body_bytes"), "%d is outside [1, %d]", t.MaxBodyBytes, MaxMaxBodyBytes)
	}
	if t.MaxRetries < 0 || t.MaxRetries > MaxMaxRetries {
		report.f(at("max_retries"), "%d is outside [0, %d]", t.MaxRetries, MaxMaxRetries)
	}
	if t.TimeZone != "" {
		if _, err := time.LoadLocation(t.TimeZone); err != nil || t.TimeZone == "Local" {
			report.f(at("time_zone"), "%q is not an IANA time zone (Europe/Berlin, America/Sao_Paulo, Asia/Tokyo, UTC)", t.TimeZone)
		}
	}

	checkLookups(t, at, report)
	switch t.Kind {
	case precwatch.KindHTML:
		validateHTML(t, at, report)
	case precwatch.KindJSON:
		validateJSON(t, at, report)
	default:
		report.f(at("kind"), "%q is not html or json", t.Kind)
	}
}

func validateHTML(t *precwatch.Target, at func(string) string, report reportFunc) {
	for i, s := range t.Follow {
		checkLinkSpec(fmt.Sprintf("%s[%d]", at("follow"), i), s, report)
	}
	for i, s := range t.NextPage {
		checkLinkSpec(fmt.Sprintf("%s[%d]", at("next_page"), i), s, report)
	}
	if t.Listing.URLPattern != "" {
		if _, err := regexp.Compile(t.Listing.URLPattern); err != nil {
			report.f(at("listing.url_pattern"), "%q is not a regular expression: %v", t.Listing.URLPattern, err)
		}
	}
	if t.Listing.Gone != "" {
		checkSelector(at("listing.gone"), t.Listing.Gone, report)
	}
	if t.Listing.Item != "" {
		checkSelector(at("listing.item"), t.Listing.Item, report)
	}
	for _, name := range sortedKeys(t.Listing.Fields) {
		f := at("listing.fields." + name)
		checkFieldName(f, name, report)
		checkFieldSpec(f, t.Listing.Fields[name], report)
	}
	// Without fields the pages' schema.org product data (JSON-LD,
	// microdata, OpenGraph) is read; fields given must name the text.
	if len(t.Listing.Fields) > 0 && t.Listing.Fields[precwatch.FieldTitle] == "" && t.Listing.Fields[precwatch.FieldDescription] == "" {
		report(at("listing.fields"), "an html target needs fields.title or fields.description (or no fields at all, to read the pages' schema.org product data)")
	}
	if t.JSON.Items != "" || t.JSON.NextPage != "" || len(t.JSON.Fields) > 0 || t.JSON.Method != "" || t.JSON.Body != "" {
		report(at("json"), "only for kind: json targets")
	}
	checkHTMLRequest(t, at, report)
}

// checkHTMLRequest checks an html target's request template
// (precwatch.Target.Request): GET or POST, a POST needs a body, and a body
// that is a JSON object must stay JSON once its page variables are filled
// in.
func checkHTMLRequest(t *precwatch.Target, at func(string) string, report reportFunc) {
	r := t.Request
	switch strings.ToUpper(strings.TrimSpace(r.Method)) {
	case "", "GET":
		if strings.TrimSpace(r.Body) == "" {
			return
		}
	case "POST":
		if strings.TrimSpace(r.Body) == "" {
			report(at("request.body"), `a POST needs a body, e.g. "action=load_products&page=${page}" or '{"page": ${page}}'`)
			return
		}
	default:
		report.f(at("request.method"), "%q is not GET or POST", r.Method)
		return
	}
	spec := precwatch.JSONSpec{Method: r.Method, Body: r.Body}
	if strings.HasPrefix(strings.TrimSpace(r.Body), "{") {
		for _, c := range []string{"", "Y3Vyc29y"} {
			var v map[string]any
			if err := json.Unmarshal([]byte(spec.RequestBody(2, 20, c)), &v); err != nil {
				report.f(at("request.body"), "starts like a JSON object but is not JSON once its page variables are filled in (%v)", err)
				return
			}
		}
	}
}

// lookupVar is a placeholder of a lookup's URL template: {name}.
var lookupVar = regexp.MustCompile(`\{([a-z][a-z0-9_]*)\}`)

// checkLookups checks a target's lookups: a URL template whose
// placeholders name the listing's fields, and fields to fill.
func checkLookups(t *precwatch.Target, at func(string) string, report reportFunc) {
	if len(t.Lookups) > MaxLookups {
		report.f(at("lookups"), "at most %d lookups", MaxLookups)
	}
	fields := t.Listing.Fields
	if t.Kind == precwatch.KindJSON {
		fields = t.JSON.Fields
	}
	filled := map[string]bool{}
	for i, l := range t.Lookups {
		f := func(s string) string { return at(fmt.Sprintf("lookups[%d].%s", i, s)) }
		vars := lookupVar.FindAllStringSubmatch(l.URL, -1)
		switch {
		case strings.TrimSpace(l.URL) == "":
			report(f("url"), `must not be empty: the address to read, with the listing's values in braces ("https://shop.example/api/sellers/{seller_id}")`)
		case len(vars) == 0:
			report(f("url"), "names none of the listing's fields in braces ({seller_id}): every listing would read the same address")
		}
		for _, v := range vars {
			if v[1] != "id" && v[1] != "url" && !hasKey(fields, v[1]) && !filled[v[1]] {
				report.f(f("url"), "{%s} is not one of the target's fields, nor filled by an earlier lookup", v[1])
			}
		}

		if u := strings.TrimSpace(l.URL); len(vars) > 0 && u != vars[0][0] && !(strings.HasPrefix(u, "/") && !strings.HasPrefix(u, "//")) {
			// A path ("/api/sellers/{seller_id}") is on the
			// listing page's host.
			if err := checkHTTPURL(lookupVar.ReplaceAllString(l.URL, "1")); err != nil {
				report(f("url"), err.Error())
			}
		}
		if len(l.Fields) == 0 {
			report(f("fields"), "a lookup needs fields to fill (seller: data.name, or a CSS selector for an HTML answer)")
		}
		for _, name := range sortedKeys(l.Fields) {
			checkFieldName(f("fields."+name), name, report)
			if strings.TrimSpace(l.Fields[name]) == "" {
				report(f("fields."+name), "must not be empty")
			}
			// A later lookup may name what this one fills (a
			// seller's shop_id, read at /shops/{shop_id}).
			filled[name] = true
		}
	}
}

func validateJSON(t *precwatch.Target, at func(string) string, report reportFunc) {
	if strings.TrimSpace(t.JSON.Items) == "" {
		report(at("json.items"), "a json target needs json.items, the dotted path to its array of listings (\".\" for the document itself)")
	} else {
		checkPath(at("json.items"), t.JSON.Items, report)
	}
	if t.JSON.NextPage != "" {
		checkPath(at("json.next_page"), t.JSON.NextPage, report)
	}
	checkRequest(t, at, report)
	for _, name := range sortedKeys(t.JSON.Fields) {
		f := at("json.fields." + name)
		checkFieldName(f, name, report)
		if strings.TrimSpace(t.JSON.Fields[name]) == "" {
			report(f, "path must not be empty")
		} else {
			checkPath(f, t.JSON.Fields[name], report)
		}
	}
	if t.JSON.Fields[precwatch.FieldTitle] == "" && t.JSON.Fields[precwatch.FieldDescription] == "" {
		report(at("json.fields"), "a json target needs fields.title or fields.description")
	}
	if t.Request.Method != "" || t.Request.Body != "" {
		report(at("request"), "only for kind: html targets (json targets use json.method and json.body)")
	}
	if len(t.Follow) > 0 {
		report(at("follow"), "only for kind: html targets")
	}
	if len(t.NextPage) > 0 {
		report(at("next_page"), "only for kind: html targets (json targets use json.next_page)")
	}
	if t.Listing.URLPattern != "" || t.Listing.Item != "" || len(t.Listing.Fields) > 0 || t.Listing.Gone != "" {
		report(at("listing"), "only for kind: html targets (json targets use json.fields)")
	}
}

func checkSelector(field, sel string, report reportFunc) {
	if strings.TrimSpace(sel) == "" {
		report(field, "CSS selector must not be empty")
		return
	}
	if err := compileCSS(sel); err != nil {
		report.f(field, "%q is not a CSS selector: %v%s", sel, err, xpathHint(sel))
	}
}

// jqueryPositionInside is a jQuery position filter inside a selector
// ("li:eq(2) a", "div:first > a"), which crawler/extract reads step by
// step as jQuery does; :first-child and :last-of-type are CSS.
var jqueryPositionInside = regexp.MustCompile(`:(first|last|eq\(\s*\d+\s*\))(\s*[>+~,]|\s+|$)`)

// jqueryPositionFirst is a position filter with no selector before it.
var jqueryPositionFirst = regexp.MustCompile(`(^|,)\s*:(first|last|eq\()`)

// compileCSS checks a CSS selector, with jQuery position filters anywhere
// in it: without them it must be CSS, and each must follow a selector.
func compileCSS(css string) error {
	if jqueryPositionInside.MatchString(css) {
		if jqueryPositionFirst.MatchString(css) {
			return fmt.Errorf("a jQuery position filter (:first, :last, :eq(n)) needs a selector before it (li:first, not :first)")
		}
		css = jqueryPositionInside.ReplaceAllString(css, "$2")
	}
	_, err := cascadia.Compile(precwatch.LocalNames(css))
	return err
}

// xpathHint explains, for a selector that looks like XPath, that selectors
// are CSS, with the usual translations.
func xpathHint(sel string) string {
	s := strings.TrimSpace(sel)
	if !strings.HasPrefix(s, "/") && !strings.HasPrefix(s, "(/") && !strings.HasPrefix(s, "./") && !strings.Contains(s, "[@") && !strings.HasSuffix(s, "text()") {
		return ""
	}
	return ` (this looks like XPath; selectors are CSS: //a[@class='product'] is a.product, //div[@id='x']//h1 is div#x h1, //h1/text() is h1, //img/@src is img@src)`
}

// checkLinkSpec checks a follow or next_page entry: a CSS selector, or
// "css@attr" for links kept in another attribute than href.
func checkLinkSpec(field, spec string, report reportFunc) {
	if strings.TrimSpace(spec) == "" {
		report(field, "CSS selector must not be empty")
		return
	}
	if strings.HasPrefix(strings.TrimSpace(spec), "@") {
		report.f(field, `%q: want "css" or "css@attr"`, spec)
		return
	}
	checkFieldSpec(field, spec, report)
}

func checkFieldName(field, name string, report reportFunc) {
	if !fieldName.MatchString(name) {
		report.f(field, "field name %q must match [a-z][a-z0-9_]*", name)
	}
}

// checkFieldSpec checks "css", "css@attr" or "@attr", split as package
// crawler/extract splits it: at the last "@" followed by an attribute name.
func checkFieldSpec(field, spec string, report reportFunc) {
	spec = strings.TrimSpace(spec)
	if spec == "" {
		report(field, `must not be empty (want "css", "css@attr" or "@attr")`)
		return
	}
	css, attr := spec, ""
	if c, ok := strings.CutSuffix(spec, "::text"); ok {
		// Scrapy's pseudo-elements, read as crawler/extract reads them.
		spec, css = strings.TrimSpace(c), strings.TrimSpace(c)
	} else if c, a, ok := strings.Cut(spec, "::attr("); ok && strings.HasSuffix(a, ")") && !strings.Contains(a, "::attr(") {
		spec, css = strings.TrimSpace(c), strings.TrimSpace(c)
		attr = strings.TrimSpace(strings.Trim(strings.TrimSuffix(a, ")"), `'" `))
		if attr == "" {
			report.f(field, `%q: attribute name missing in ::attr()`, spec)
			return
		}
	}
	if i := strings.LastIndexByte(spec, '@'); i >= 0 && attr == "" {
		name := strings.TrimSpace(spec[i+1:])
		if name != "" && !strings.ContainsAny(name, " \t\r\n\f\"'>/=[](),:~+*|^$") {
			css, attr = strings.TrimSpace(spec[:i]), name
		} else if name == "" {
			report.f(field, `%q: attribute name missing after "@"`, spec)
			return
		}
	}
	if css == "" && attr == "" {
		report.f(field, `%q: want "css", "css@attr" or "@attr"`, spec)
		return
	}
	if attr != "" && !attrName.MatchString(attr) {
		report.f(field, "%q: %q is not an attribute name", spec, attr)
	}
	if css != "" {
		// A trailing jQuery position (:first, :last, :eq(n)) is read by
		// crawler/extract (SplitPosition).
		if m := jqueryPosition.FindStringIndex(css); m != nil && strings.TrimSpace(css[:m[0]]) != "" {
			css = strings.TrimSpace(css[:m[0]])
		}
		if err := compileCSS(css); err != nil {
			report.f(field, "%q is not a CSS selector: %v%s", css, err, xpathHint(spec))
		}
	}
}

// jqueryPosition is a trailing jQuery position filter, as in crawler/extract.
var jqueryPosition = regexp.MustCompile(`:(first|last|eq\(\s*\d+\s*\))\s*$`)

// checkPath checks a dotted JSON path: "." or segments separated by dots,
// none empty.
func checkPath(field, path string, report reportFunc) {
	path = strings.TrimSpace(path)
	if path == "." {
		return
	}
	for seg := range strings.SplitSeq(path, ".") {
		if seg == "" {
			report.f(field, "%q has an empty path segment", path)
			return
		}
	}
}

func checkHTTPURL(s string) error {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil {
		return fmt.Errorf("%q is not a URL: %v", s, unwrapURLError(err))
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return fmt.Errorf("%q is not an absolute http(s) URL", s)
	}
	if u.Hostname() == "" {
		return fmt.Errorf("%q has no host", s)
	}
	return nil
}

func unwrapURLError(err error) error {
	if ue, ok := err.(*url.Error); ok {
		return ue.Err
	}
	return err
}

// domainOf reduces an allowed_domains entry to a host name as partners write
// it: "https://shop.example/", "shop.example:8080", "*.shop.example" and
// ".shop.example" all mean shop.example (subdomains are always allowed).
func domainOf(d string) string {
	d = strings.ToLower(strings.TrimSpace(d))
	if strings.Contains(d, "://") {
		if u, err := url.Parse(d); err == nil && u.Hostname() != "" {
			d = u.Hostname()
		}
	}
	d = strings.TrimLeft(strings.TrimPrefix(d, "*"), ".")
	if i := strings.IndexAny(d, "/?#"); i >= 0 {
		d = d[:i]
	}
	if h, _, err := net.SplitHostPort(d); err == nil {
		d = h
	}
	d = strings.TrimSuffix(strings.TrimSuffix(strings.TrimPrefix(d, "["), "]"), ".")
	return d
}

// checkHostname accepts DNS names and IP addresses, without scheme, port or
// path.
func checkHostname(h string) error {
	if h == "" {
		return fmt.Errorf("must not be empty")
	}
	if net.ParseIP(h) != nil {
		return nil
	}
	if len(h) > 253 {
		return fmt.Errorf("%q is too long for a hostname", h)
	}
	for label := range strings.SplitSeq(h, ".") {
		if len(label) > 63 || !hostLabel.MatchString(label) {
			return fmt.Errorf("%q is not a hostname (no scheme, port, path or wildcard)", h)
		}
	}
	return nil
}

// domainAllowed reports whether host is one of domains or a subdomain of one;
// loopback names (localhost, 127.0.0.0/8, ::1) are one host, as the crawler
// treats them.
func domainAllowed(host string, domains []string) bool {
	for _, d := range domains {
		if host == d || strings.HasSuffix(host, "."+d) {
			return true
		}
	}
	if isLoopbackName(host) {
		for _, d := range domains {
			if isLoopbackName(d) {
				return true
			}
		}
	}
	return false
}

func isLoopbackName(host string) bool {
	host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	if host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// headerName is an HTTP field name (RFC 9110 token).
var headerName = regexp.MustCompile("^[A-Za-z0-9!#$%&'*+.^_`|~-]+$")

// reservedHeaders are request headers a target may not set: the crawler
// or the HTTP client owns them.
var reservedHeaders = map[string]string{
	"host": "", "content-length": "", "transfer-encoding": "", "connection": "", "upgrade": "",
	"te": "", "trailer": "", "keep-alive": "", "proxy-connection": "", "proxy-authorization": "",
	"accept-encoding": " (the crawler asks for gzip and deflate, the codings it reads)",
	"user-agent":      " (use user_agent)",
}

// checkHeaders checks a target's extra request headers: field names, one
// line per value, none the crawler owns.
func checkHeaders(h map[string]string, at func(string) string, report reportFunc) {
	names := make([]string, 0, len(h))
	for k := range h {
		names = append(names, k)
	}
	sort.Strings(names)
	seen := map[string]string{}
	for _, k := range names {
		f := at("headers") + "." + k
		switch lk := strings.ToLower(k); {
		case !headerName.MatchString(k):
			report.f(f, "%q is not an HTTP header name", k)
		case reservedHeaders[lk] != "" || hasKey(reservedHeaders, lk):
			report.f(f, "%s is set by the crawler, not by a target%s", k, reservedHeaders[lk])
		case seen[lk] != "":
			report.f(f, "%s is given twice (also as %s)", k, seen[lk])
		default:
			seen[lk] = k
		}
		if strings.ContainsAny(h[k], "\r\n\x00") {
			report(f, "must be a single line")
		}
	}
}

func hasKey(m map[string]string, k string) bool {
	_, ok := m[k]
	return ok
}

// checkRequest checks a json target's method and POST body: the body of
// every page must be JSON (unless the target's Content-Type header says
// the API takes something else), and a POST feed that pages needs a page
// variable in it.
func checkRequest(t *precwatch.Target, at func(string) string, report reportFunc) {
	m := strings.ToUpper(strings.TrimSpace(t.JSON.Method))
	switch m {
	case "", "GET":
		if strings.TrimSpace(t.JSON.Body) == "" {
			return
		}
		// A GET feed's body template: its members are sent as query
		// parameters (GraphQL over GET), so it must be an object.
		var members map[string]any
		if err := json.Unmarshal([]byte(t.JSON.RequestBody(2, 20, "Y3Vyc29y")), &members); err != nil {
			report(at("json.body"), "of a GET feed must be a JSON object once its page variables are filled in (its members are sent as query parameters, as GraphQL over GET sends query and variables)")
			return
		}
	case "POST":
	default:
		report.f(at("json.method"), "%q is not GET or POST", t.JSON.Method)
		return
	}
	if strings.TrimSpace(t.JSON.Body) == "" {
		report(at("json.body"), `a POST feed needs a body, e.g. '{"query": "…", "variables": {"page": ${page}}}'`)
		return
	}
	ct := ""
	for k, v := range t.Headers {
		if strings.EqualFold(k, "Content-Type") {
			ct = strings.ToLower(v)
		}
	}
	if ct == "" || strings.Contains(ct, "json") {
		for _, c := range []string{"", "Y3Vyc29y"} {
			body := t.JSON.RequestBody(2, 20, c)
			var v any
			if err := json.Unmarshal([]byte(body), &v); err != nil {
				// The body is not quoted: its ${ENV} references are
				// expanded by now, and may be API keys.
				where := ""
				var se *json.SyntaxError
				if errors.As(err, &se) {
					where = fmt.Sprintf(" at byte %d", se.Offset)
				}
				report.f(at("json.body"), "is not JSON once its page variables are filled in (%v%s)", err, where)
				return
			}
		}
	}
	if t.JSON.NextPage != "" && !t.JSON.UsesPageVar("page") && !t.JSON.UsesPageVar("offset") && !t.JSON.UsesPageVar("cursor") {
		report(at("json.body"), "names no page variable (${page}, ${offset} or ${cursor}), so every page would ask for the first; json.next_page is set")
	}
}

// platformKey is a platform name as people misspell it alike: lowercased,
// without spaces, punctuation or symbols ("Chem Hub", "chem-hub" and
// "ChemHub" are "chemhub").
func platformKey(name string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(name) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// warnPlatformSpellings warns about a platform written in two ways across
// targets[].platform and platforms[].name ("ChemHub", "chemhub", "Chem
// Hub"): precwatch tells platforms apart by their exact name, so the
// targets' tickets, the partner tokens and the webhook would be split
// between two platforms. Each spelling after the first is named, with the
// first.
func warnPlatformSpellings(c *Config, warn reportFunc) {
	type first struct{ name, field string }
	seen := map[string]first{}
	check := func(name, field string) {
		k := platformKey(name)
		if k == "" {
			return
		}
		f, ok := seen[k]
		if !ok {
			seen[k] = first{name, field}
			return
		}
		if f.name != name {
			warn.f(field, "%q is spelt %q in %s: precwatch tells platforms apart by their exact name, so tickets, partner tokens and webhooks would be split between the two; spell them alike", name, f.name, f.field)
		}
	}
	for i, t := range c.Targets {
		check(t.Platform, fmt.Sprintf("targets[%d].platform", i))
	}
	for i, p := range c.Platforms {
		check(p.Name, fmt.Sprintf("platforms[%d].name", i))
	}
}

// warnLastItemCursor warns about a json target whose next_page reads the
// last item (data[-1].id, as APIs paged by ?starting_after=<last id> or
// ?since_id= want it) and that has no json.body to send it back in: the
// crawler would follow the id as a relative URL.
func warnLastItemCursor(c *Config, warn reportFunc) {
	for i := range c.Targets {
		t := &c.Targets[i]
		if t.Kind != precwatch.KindJSON || strings.TrimSpace(t.JSON.Body) != "" || !readsLastItem(t.JSON.NextPage) {
			continue
		}
		warn(fmt.Sprintf("targets[%d].json.next_page", i), `reads the last item, whose value would be followed as a URL; `+
			`to send it back as the cursor parameter the API takes, name that parameter in json.body, `+
			`e.g. json.body: '{"starting_after": ${cursor}}' (docs/CRAWLING.md, "APIs paged by the last item's id")`)
	}
}

// algoliaPath is the path of Algolia's search endpoints, whose pages count
// from 0: /1/indexes/NAME/query, /1/indexes/*/queries.
var algoliaPath = regexp.MustCompile(`^/1/indexes/[^/]+/quer(?:y|ies)$`)

// warnZeroBasedPage warns about a POST feed to Algolia's search (pages
// counted from 0) whose body sends ${page}, which is 1 on the first page:
// the feed's first page would never be asked for, and nothing would say so.
func warnZeroBasedPage(c *Config, warn reportFunc) {
	for i := range c.Targets {
		t := &c.Targets[i]
		if t.Kind != precwatch.KindJSON || !strings.Contains(t.JSON.Body, "${page}") {
			continue
		}
		for _, s := range t.StartURLs {
			if u, err := url.Parse(s); err == nil && algoliaPath.MatchString(u.Path) {
				warn(fmt.Sprintf("targets[%d].json.body", i), `sends ${page}, 1 on the first page, to Algolia, whose pages count from 0: `+
					`its first page would be skipped; send ${page0} (docs/CRAWLING.md, "Feeds beyond GET and JSON")`)
				break
			}
		}
	}
}

// offsetPage matches a body member that counts listings given a page
// number: JSON's "from": ${page} (Elasticsearch and OpenSearch), "offset",
// "start", "skip", Strapi's pagination[start], or the same as a form or
// query member (from=${page}).
var offsetPage = regexp.MustCompile(`(?i)(?:"(from|offset|start|skip|limitstart|startIndex|start_index|pagination\[start\])"\s*:\s*"?|(?:^|[&?])(from|offset|start|skip|limitstart|startIndex|start_index|pagination\[start\])=)\$\{page0?\}`)

// warnOffsetPage warns about a body (json.body or request.body) sending a
// page number where the API takes an offset counted in listings
// ("from": ${page}): the second request would start at the second listing,
// not the second page, and every page after the first would repeat most of
// the one before, which no one would notice.
func warnOffsetPage(c *Config, warn reportFunc) {
	for i := range c.Targets {
		t := &c.Targets[i]
		for _, b := range []struct{ field, body string }{{"json.body", t.JSON.Body}, {"request.body", t.Request.Body}} {
			m := offsetPage.FindStringSubmatch(b.body)
			if m == nil {
				continue
			}
			name := m[1] + m[2]
			warn(fmt.Sprintf("targets[%d].%s", i, b.field), fmt.Sprintf(`sends a page number as %q, which counts listings, not pages: `+
				`the second request would start at the second listing; send ${offset} (docs/CRAWLING.md, "Feeds beyond GET and JSON")`, name))
		}
	}
}

// laterPageParams and laterOffsetParams name the query parameters that
// say which page of a catalogue or feed a URL asks for (compared in any
// case); pathPageNumber is WordPress' and Odoo's /page/N.
var (
	laterPageParams = []string{"page", "_page", "p", "pg", "paged", "pagenumber", "page_number", "currentpage", "current_page",
		"pageno", "page_no", "pagenum", "page_num", "pageindex", "page_index", "pagination[page]", "page[number]", "pagen_1"}
	laterOffsetParams = []string{"offset", "skip", "start", "limitstart", "startindex", "start_index", "page[offset]", "pagination[start]"}
	pathPageNumber    = regexp.MustCompile(`/page/(\d{1,6})/?$`)
)

// laterPage returns how a start URL asks for a page after the first of
// its catalogue or feed ("page=3", "offset=40", "/page/2/"), or "".
func laterPage(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return ""
	}
	for k, vs := range u.Query() {
		if len(vs) != 1 {
			continue
		}
		n, err := strconv.Atoi(vs[0])
		if err != nil {
			continue
		}
		lk := strings.ToLower(k)
		if slices.Contains(laterPageParams, lk) && n >= 2 || slices.Contains(laterOffsetParams, lk) && n >= 2 {
			return k + "=" + vs[0]
		}
	}
	if m := pathPageNumber.FindStringSubmatch(u.Path); m != nil {
		if n, _ := strconv.Atoi(m[1]); n >= 2 {
			return "/page/" + m[1]
		}
	}
	return ""
}

// warnLaterStartPage warns about a start URL that asks for a page after
// the first (?page=3, ?offset=40; copied from the address bar while
// browsing): the crawl reads on from there, the pages before it are never
// read, and nothing says so (a feed counting from 1 gives no sign). A
// target whose start URLs also name the first page is not warned about.
func warnLaterStartPage(c *Config, warn reportFunc) {
	for i := range c.Targets {
		t := &c.Targets[i]
		if len(t.StartURLs) > 1 {
			continue // several pages given on purpose, or several categories
		}
		for j, s := range t.StartURLs {
			if at := laterPage(s); at != "" {
				warn(fmt.Sprintf("targets[%d].start_urls[%d]", i, j), fmt.Sprintf(`asks for a page after the first (%s): `+
					`the crawl reads on from there and never reads the pages before it, which nothing would say; `+
					`start from the first page (page=1, or 0 for an API counting from 0; offset=0)`, at))
			}
		}
	}
}

// readsLastItem reports whether a json path goes through the last element
// of an array ("data[-1].id", "data.-1.id").
func readsLastItem(path string) bool {
	p := strings.ReplaceAll(strings.ReplaceAll(path, " ", ""), "[-1]", ".-1")
	for seg := range strings.SplitSeq(p, ".") {
		if seg == "-1" {
			return true
		}
	}
	return false
}
