package extract

import (
	"errors"
	"fmt"
	"net/netip"
	"net/url"
	"sort"
	"strings"

	"golang.org/x/net/idna"
)

// trackingParams are query parameters that only identify where a visitor came
// from; they never select content, so two URLs differing only in them are the
// same page. Keys are compared case-insensitively; every utm_* key is also
// dropped.
var trackingParams = map[string]bool{
	"gclid": true, "gclsrc": true, "dclid": true, "gbraid": true, "wbraid": true,
	"fbclid": true, "msclkid": true, "yclid": true, "ysclid": true, "twclid": true,
	"ttclid": true, "li_fat_id": true, "igshid": true, "mc_cid": true, "mc_eid": true,
	"ref": true, "ref_src": true, "ref_url": true, "spm": true, "scm": true,
	"_ga": true, "_gl": true, "_hsenc": true, "_hsmi": true, "mkt_tok": true,
	"trk": true, "trkid": true, "oly_anon_id": true, "oly_enc_id": true,
	"vero_id": true, "wickedid": true, "s_cid": true, "cmpid": true,
	"pk_campaign": true, "pk_kwd": true, "pk_source": true, "pk_medium": true,
	"mtm_campaign": true, "mtm_source": true, "mtm_medium": true,
	// Session ids in URLs: a new one on every visit would make every page
	// a new URL (PHP, Java, ColdFusion, osCommerce, Zen Cart,
	// xt:Commerce, generic carts).
	"phpsessid": true, "jsessionid": true, "sessionid": true, "cfid": true, "cftoken": true,
	"oscsid": true, "zenid": true, "xtcsid": true, "sid": true, "sessid": true, "session_id": true,
	// Google Shopping's click id, Shopify's search (_pos, _sid, _ss, _psq)
	// and recommendation (pr_*) tracking.
	"srsltid": true, "_pos": true, "_sid": true, "_ss": true, "_psq": true, "_fid": true,
	"pr_prod_strat": true, "pr_rec_id": true, "pr_rec_pid": true, "pr_ref_pid": true, "pr_seq": true,
	// Search context and affiliate tracking of the big marketplaces, on
	// links from search results and category pages: eBay (and its
	// partner network), Etsy, AliExpress, Amazon, Shopee, Mercado Libre,
	// Allegro; affiliate networks' click ids.
	"_trksid": true, "_trkparms": true, "_trkparms_": true, "amdata": true, "mkevt": true, "mkcid": true,
	"mkrid": true, "campid": true, "toolid": true, "customid": true,
	"click_key": true, "click_sum": true, "ga_order": true, "ga_search_type": true, "ga_view_type": true,
	"ga_search_query": true, "ga_ref": true, "organic_search_click": true,
	"algo_pvid": true, "algo_exp_id": true, "pdp_npi": true, "pdp_ext_f": true, "aff_fcid": true,
	"aff_fsk": true, "aff_platform": true, "aff_trace_key": true, "terminal_id": true,
	"ref_": true, "crid": true, "sprefix": true, "sp_atk": true, "xptdk": true, "tracking_id": true,
	"bi_s": true, "bi_m": true, "bi_c": true, "bi_term": true,
	"irclickid": true, "cjevent": true, "awc": true, "sscid": true, "epik": true, "rdt_cid": true,
}

// IsTrackingParam reports whether the query parameter key is dropped by
// Canonical.
func IsTrackingParam(key string) bool {
	k := strings.ToLower(key)
	return strings.HasPrefix(k, "utm_") || trackingParams[k]
}

// productSid reports whether the parameter k=v, a tracking parameter by
// its name, is kept because it is no session id: "sid" is also a shop's
// name for its item, store or site id (/goods?sid=9), and a number of at
// most 9 digits is none of the session ids carts write under it (letters
// and digits, 26 or 32 of them in PHP, osCommerce and Zen Cart).
func productSid(k, v string) bool {
	if !strings.EqualFold(k, "sid") || v == "" || len(v) > 9 {
		return false
	}
	return strings.Trim(v, "0123456789") == ""
}

// ErrNotHTTP is returned by Canonical for references that are not http or
// https URLs (mailto:, javascript:, data:, tel:, …).
var ErrNotHTTP = errors.New("not an http(s) URL")

// Canonical resolves ref against base and returns it in canonical form: an
// absolute http or https URL with the scheme and host lowercased (and
// internationalised host names in punycode), the default port removed, an
// empty path written as "/", dot segments resolved, the fragment removed,
// tracking parameters (utm_*, gclid, fbclid, msclkid, yclid, mc_cid, mc_eid,
// ref, spm, _ga, … see IsTrackingParam) removed, and the remaining query
// parameters sorted by key (the order of repeated keys is kept) and
// re-escaped uniformly. Base may be nil when ref is absolute.
//
// ASCII tabs and newlines inside ref are dropped and surrounding whitespace
// trimmed, as browsers do with href attributes. Canonical is idempotent and
// safe for concurrent use.
func Canonical(base *url.URL, ref string) (string, error) {
	ref = escapeStrayPercent(cleanRef(ref))
	u, err := url.Parse(ref)
	if err != nil {
		return "", fmt.Errorf("canonical url %q: %w", ref, err)
	}
	if base != nil {
		u = base.ResolveReference(u)
	} else if u.Scheme != "" {
		// ResolveReference also removes dot segments; do the same for
		// absolute input so the result does not depend on a base.
		u = u.ResolveReference(&url.URL{})
	}
	u.Scheme = strings.ToLower(u.Scheme)
	if u.Scheme != "http" && u.Scheme != "https" {
		return "", fmt.Errorf("canonical url %q: %w", ref, ErrNotHTTP)
	}
	if u.Opaque != "" {
		return "", fmt.Errorf("canonical url %q: %w", ref, ErrNotHTTP)
	}
	host := strings.ToLower(u.Hostname())
	// Every trailing dot: "shop.example.." is shop.example too, and one
	// trimmed would leave "x." for the next call (not idempotent).
	host = strings.TrimRight(host, ".")
	if !isASCII(host) {
		// Internationalised names are fetched, and so compared, in
		// punycode; a name IDNA rejects is kept as it is.
		if a, err := idna.Lookup.ToASCII(host); err == nil && a != "" {
			host = strings.ToLower(a)
		}
	}
	if strings.Trim(host, ".") == "" {
		// "" or only dots ("http://../"): no host.
		return "", fmt.Errorf("canonical url %q: no host", ref)
	}
	port := u.Port()
	if (u.Scheme == "http" && port == "80") || (u.Scheme == "https" && port == "443") {
		port = ""
	}
	if strings.Contains(host, ":") { // IPv6 literal
		ip, _, _ := strings.Cut(host, "%") // zone
		if _, err := netip.ParseAddr(ip); err != nil {
			return "", fmt.Errorf("canonical url %q: bad host %q", ref, host)
		}
		host = "[" + host + "]"
	}
	if port != "" {
		host += ":" + port
	}
	u.Host = host
	u.Fragment, u.RawFragment = "", ""
	// ";jsessionid=…" path parameters (Java servlet URL sessions).
	if i := strings.Index(strings.ToLower(u.Path), ";jsessionid="); i >= 0 {
		u.Path, u.RawPath = u.Path[:i], ""
	}
	// ASP.NET's cookieless session state keeps the session in a path
	// segment, "/(S(lit3py55t21z5v55vlm25s55))/Product.aspx", a new one
	// on every visit without it: the page is the same without it (the
	// server sends a visitor without one on to a new session's address).
	if strings.Contains(u.Path, "))/") || strings.HasSuffix(u.Path, "))") {
		if p := dropCookielessSession(u.Path); p != u.Path {
			u.Path, u.RawPath = p, ""
		}
	}
	if u.Path == "" {
		u.Path, u.RawPath = "/", ""
	}
	// Re-escape the path uniformly ("%7E" and "~" are the same page)
	// unless it holds an escaped slash, which servers tell from "/".
	if !strings.Contains(strings.ToLower(u.RawPath), "%2f") {
		u.RawPath = ""
	}
	u.RawQuery = canonicalQuery(u.RawQuery)
	u.ForceQuery = false
	out := u.String()
	// What we return must read back as the same absolute URL.
	if back, err := url.Parse(out); err != nil || back.Hostname() == "" {
		return "", fmt.Errorf("canonical url %q: bad host %q", ref, u.Host)
	}
	return out, nil
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// cleanRef trims surrounding whitespace and drops ASCII tab and newline
// characters, as the WHATWG URL parser does.
func cleanRef(ref string) string {
	ref = strings.TrimSpace(ref)
	if strings.ContainsAny(ref, "\t\r\n") {
		ref = strings.Map(func(r rune) rune {
			if r == '\t' || r == '\r' || r == '\n' {
				return -1
			}
			return r
		}, ref)
	}
	return ref
}

// escapeStrayPercent escapes a "%" that does not start a %XX escape in the
// path, query or fragment ("/p/acetone-99%", "/p/50%.html"), which browsers
// keep as a literal percent sign and url.Parse rejects. The scheme and host
// are left alone: a "%" there is no URL either way.
func escapeStrayPercent(ref string) string {
	if !strings.Contains(ref, "%") {
		return ref
	}
	start := 0
	if i := strings.Index(ref, "//"); i >= 0 && !strings.ContainsAny(ref[:i], "/?#") {
		start = len(ref)
		if j := strings.IndexAny(ref[i+2:], "/?#"); j >= 0 {
			start = i + 2 + j
		}
	}
	var b strings.Builder
	b.WriteString(ref[:start])
	for i := start; i < len(ref); i++ {
		if ref[i] == '%' && (i+2 >= len(ref) || !isHex(ref[i+1]) || !isHex(ref[i+2])) {
			b.WriteString("%25")
			continue
		}
		b.WriteByte(ref[i])
	}
	return b.String()
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

type queryParam struct {
	key, value string
	hasValue   bool
}

// canonicalQuery drops tracking parameters, sorts the rest by key (stable, so
// repeated keys keep their order) and escapes keys and values uniformly.
// Unlike url.ParseQuery it never fails: undecodable parts are kept as they are.
func canonicalQuery(raw string) string {
	if raw == "" {
		return ""
	}
	var params []queryParam
	for part := range strings.SplitSeq(raw, "&") {
		if part == "" {
			continue
		}
		k, v, hasValue := strings.Cut(part, "=")
		k = unescape(k)
		v = unescape(v)
		if k == "" || IsTrackingParam(k) && !productSid(k, v) {
			continue
		}
		params = append(params, queryParam{key: k, value: v, hasValue: hasValue})
	}
	sort.SliceStable(params, func(i, j int) bool { return params[i].key < params[j].key })
	var b strings.Builder
	for i, p := range params {
		if i > 0 {
			b.WriteByte('&')
		}
		b.WriteString(url.QueryEscape(p.key))
		if p.hasValue {
			b.WriteByte('=')
			b.WriteString(url.QueryEscape(p.value))
		}
	}
	return b.String()
}

func unescape(s string) string {
	if u, err := url.QueryUnescape(s); err == nil {
		return u
	}
	return s
}

// dropCookielessSession returns path without its ASP.NET cookieless
// session segments: a segment that is one or more "L(value)" groups in
// parentheses, L a capital letter ("(S(…))", "(X(1)(S(…)))", "(A(…)S(…))").
func dropCookielessSession(path string) string {
	segs := strings.Split(path, "/")
	out := segs[:0]
	for _, s := range segs {
		if !cookielessSegment(s) {
			out = append(out, s)
		}
	}
	return strings.Join(out, "/")
}

func cookielessSegment(s string) bool {
	if len(s) < 5 || s[0] != '(' || s[len(s)-1] != ')' {
		return false
	}
	s = s[1 : len(s)-1]
	for s != "" {
		if len(s) < 3 || s[0] < 'A' || s[0] > 'Z' || s[1] != '(' {
			return false
		}
		end := strings.IndexByte(s, ')')
		if end < 0 || strings.ContainsAny(s[2:end], "(/") {
			return false
		}
		s = s[end+1:]
	}
	return true
}
