package server

import (
	"maps"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/precwatch/precwatch"
)

// HeaderMask stands for the value of every target request header wherever
// a target leaves the server (API JSON, the web UI's pages and YAML): the
// values are API keys and session cookies, write-only secrets. A target
// written back (API create or replace, the UI form's save or test) with a
// header whose value is HeaderMask keeps that header's stored value.
const HeaderMask = "<redacted>"

// RedactTarget returns t as it may be shown: every header value replaced
// by HeaderMask (the names stay visible), the secrets of its start URLs
// (see RedactText) and of its JSON body (see redactBody) masked. t's own
// map and slice are left alone. Commands that print a target use it.
func RedactTarget(t precwatch.Target) precwatch.Target { return redactTarget(t) }

// redactTarget is RedactTarget.
func redactTarget(t precwatch.Target) precwatch.Target {
	t.JSON.Body = redactBody(t.JSON.Body)
	if len(t.StartURLs) > 0 {
		urls := make([]string, len(t.StartURLs))
		for i, u := range t.StartURLs {
			urls[i] = RedactText(u)
		}
		t.StartURLs = urls
	}
	if len(t.Headers) == 0 {
		return t
	}
	h := make(map[string]string, len(t.Headers))
	for k := range t.Headers {
		h[k] = HeaderMask
	}
	t.Headers = h
	return t
}

// redactInfo returns ti with its target's header values masked.
func redactInfo(ti *TargetInfo) *TargetInfo {
	if ti == nil {
		return nil
	}
	c := *ti
	c.Target = redactTarget(ti.Target)
	return &c
}

// redactInfos returns a copy of ts with every target's header values masked.
func redactInfos(ts []TargetInfo) []TargetInfo {
	if ts == nil {
		return nil
	}
	out := make([]TargetInfo, len(ts))
	for i := range ts {
		out[i] = *redactInfo(&ts[i])
	}
	return out
}

// unmaskHeaders puts back, into t, the stored value of each header that
// t was written back with as HeaderMask, and those of its start URLs (see
// unmaskURLs): old is the stored target of the
// same name (nil: none). Header names compare case-insensitively, as in
// HTTP. A mask for a header old has no value for is EINVALID naming it,
// and so is a mask in a target that reaches beyond old's allowed domains
// (the kept secret would go to hosts it was never meant for: whoever
// widens the reach enters the value again). Both targets must be
// validated (allowed domains normalised and defaulted). A header left out
// of t is gone; a new value replaces the stored one.
func unmaskHeaders(t *precwatch.Target, old *precwatch.Target) error {
	// The start URLs' masks first (after the validation too: see
	// parseableMasks); their own rule is the URL's origin.
	if err := unmaskURLs(t, old); err != nil {
		return err
	}
	var masked []string
	for k, v := range t.Headers {
		if v == HeaderMask {
			masked = append(masked, k)
		}
	}
	if len(masked) == 0 {
		return nil
	}
	slices.Sort(masked)
	stored := func(name string) (string, bool) {
		if old == nil {
			return "", false
		}
		for k, v := range old.Headers {
			if strings.EqualFold(k, name) {
				return v, true
			}
		}
		return "", false
	}
	for _, k := range masked {
		if _, ok := stored(k); !ok {
			return precwatch.Errorf(precwatch.EINVALID, "headers.%s: %q stands for a stored value, but target %s has none for %s; enter the value", k, HeaderMask, t.Name, k)
		}
	}
	if d := outsideReach(t.AllowedDomains, reach(old)); d != "" {
		return precwatch.Errorf(precwatch.EINVALID, "headers.%s: allowed domain %q is new, so the stored header values are not sent there; enter the values of %s again", masked[0], d, strings.Join(masked, ", "))
	}
	h := maps.Clone(t.Headers)
	for _, k := range masked {
		h[k], _ = stored(k)
	}
	t.Headers = h
	return nil
}

// reach returns the domains t's headers may go to: its allowed domains or,
// for a target not validated, its start URL hosts.
func reach(t *precwatch.Target) []string {
	if len(t.AllowedDomains) > 0 {
		return t.AllowedDomains
	}
	var hosts []string
	for _, raw := range t.StartURLs {
		if u, err := url.Parse(raw); err == nil && u.Hostname() != "" {
			hosts = append(hosts, u.Hostname())
		}
	}
	return hosts
}

// outsideReach returns the first of domains that is neither one of reach
// nor a subdomain of one, or "" if none is.
func outsideReach(domains, reach []string) string {
	norm := func(h string) string { return strings.TrimSuffix(strings.ToLower(h), ".") }
	for _, d := range domains {
		d = norm(d)
		in := false
		for _, r := range reach {
			r = norm(r)
			if d == r || strings.HasSuffix(d, "."+r) {
				in = true
				break
			}
		}
		if !in {
			return d
		}
	}
	return ""
}

// Secrets inside text: a URL's query value under a parameter named like a
// secret (?api_key=…, &token=…, #access_token=…: see secretKey), a URL's
// userinfo (https://user:pass@host/) and a GraphQL argument named like a
// secret (apiKey: "…", also as \"…\" inside a JSON string). The same
// finder masks them wherever a target leaves the server (start URLs, the
// strings of a POST body, test reports, runs, error messages, logs) and
// puts the stored values back where a target is written back with masks.
var (
	// userinfoRE: a URL's userinfo (group 1).
	userinfoRE = regexp.MustCompile(`(?i)\b[a-z][a-z0-9+.\-]*://([^/?#@\s"'\\]+)@`)
	// queryRE: a query or fragment parameter: name (group 1), value
	// (group 2).
	queryRE = regexp.MustCompile(`[?&;#]([^=&;#?\s"'<>\\/]+)=([^&;#\s"'\\]*)`)
	// argRE: a GraphQL argument with a string value, quoted plainly
	// (groups 1, 2) or escaped in JSON (groups 3, 4).
	argRE = regexp.MustCompile(`\b([A-Za-z_][A-Za-z0-9_]*)\s*:\s*(?:"((?:[^"\\]|\\.)*)"|\\"((?:[^"\\]|\\\\)*)\\")`)
)

// userinfoMaskParsed is HeaderMask as url.Parse takes it in a userinfo:
// a start URL written back as https://<redacted>@host/ is validated as
// https://%3Credacted%3E@host/ (see parseableMasks).
var userinfoMaskParsed = url.PathEscape(HeaderMask)

// textSpan is one secret in a text: what it is (its label: the kind, the
// parameter or argument name and its occurrence, "query:api_key#0") and
// its bytes.
type textSpan struct {
	label      string
	start, end int
}

// secretSpans returns the secrets of s in order, none overlapping.
func secretSpans(s string) []textSpan {
	var spans []textSpan
	seen := map[string]int{}
	add := func(kind, name string, start, end int) {
		key := kind + ":" + name
		spans = append(spans, textSpan{label: key + "#" + strconv.Itoa(seen[key]), start: start, end: end})
		seen[key]++
	}
	if strings.Contains(s, "@") {
		for _, m := range userinfoRE.FindAllStringSubmatchIndex(s, -1) {
			add("userinfo", "", m[2], m[3])
		}
	}
	if strings.Contains(s, "=") {
		for _, m := range queryRE.FindAllStringSubmatchIndex(s, -1) {
			name := s[m[2]:m[3]]
			if n, err := url.QueryUnescape(name); err == nil {
				name = n
			}
			if secretKey(name) {
				add("query", strings.ToLower(name), m[4], m[5])
			}
		}
	}
	if strings.Contains(s, ":") {
		for _, m := range argRE.FindAllStringSubmatchIndex(s, -1) {
			if !secretKey(s[m[2]:m[3]]) {
				continue
			}
			if m[4] >= 0 {
				add("arg", s[m[2]:m[3]], m[4], m[5])
			} else {
				add("arg", s[m[2]:m[3]], m[6], m[7])
			}
		}
	}
	slices.SortFunc(spans, func(a, b textSpan) int { return a.start - b.start })
	out := spans[:0]
	last := -1
	for _, sp := range spans {
		if sp.start < last {
			continue // inside an earlier secret (a URL in an argument)
		}
		out = append(out, sp)
		last = sp.end
	}
	return out
}

// shownValue reports whether a secret's value stays visible: empty, a
// mask already, or a page variable (${page}).
func shownValue(v string) bool {
	return v == "" || isMask(v) || strings.HasPrefix(v, "${") || strings.HasPrefix(v, "%24%7B")
}

// isMask reports whether v is HeaderMask, as written or percent-encoded.
func isMask(v string) bool {
	return v == HeaderMask || strings.EqualFold(v, userinfoMaskParsed)
}

// RedactText returns s with every secret inside it shown as HeaderMask:
// the values of URL query parameters named like a secret (the names stay),
// URL userinfo (https://<redacted>@host/) and GraphQL arguments named like
// a secret (apiKey: "<redacted>"). It is for any text that may quote a
// target's URL or body: error messages, log lines, crawl reports. It is
// safe for concurrent use.
func RedactText(s string) string {
	spans := secretSpans(s)
	if len(spans) == 0 {
		return s
	}
	var b strings.Builder
	last := 0
	for _, sp := range spans {
		if shownValue(s[sp.start:sp.end]) {
			continue
		}
		b.WriteString(s[last:sp.start])
		b.WriteString(HeaderMask)
		last = sp.end
	}
	b.WriteString(s[last:])
	return b.String()
}

// unmaskText puts back into s, for each secret written back as HeaderMask,
// the value old has under the same label (the same parameter or argument
// at the same occurrence). It returns the labels it put back and the first
// label old has no value for ("" if none).
func unmaskText(s, old string) (out string, restored []string, missing string) {
	spans := secretSpans(s)
	var stored map[string]string
	var b strings.Builder
	last := 0
	for _, sp := range spans {
		if !isMask(s[sp.start:sp.end]) {
			continue
		}
		if stored == nil {
			stored = map[string]string{}
			for _, o := range secretSpans(old) {
				stored[o.label] = old[o.start:o.end]
			}
		}
		v, ok := stored[sp.label]
		if !ok || isMask(v) {
			return s, nil, sp.label
		}
		b.WriteString(s[last:sp.start])
		b.WriteString(v)
		last = sp.end
		restored = append(restored, sp.label)
	}
	if len(restored) == 0 {
		return s, nil, ""
	}
	b.WriteString(s[last:])
	return b.String(), restored, ""
}

// urlOrigin returns a URL's scheme and host (with port), lower case,
// whatever its userinfo: a stored URL secret is put back only into a URL
// of the same origin, so it goes nowhere new.
func urlOrigin(raw string) string {
	raw = strings.TrimSpace(raw)
	i := strings.Index(raw, "://")
	if i < 0 {
		return ""
	}
	rest := raw[i+3:]
	if j := strings.IndexAny(rest, "/?#"); j >= 0 {
		rest = rest[:j]
	}
	if j := strings.LastIndexByte(rest, '@'); j >= 0 {
		rest = rest[j+1:]
	}
	return strings.ToLower(raw[:i]) + "://" + strings.TrimSuffix(strings.ToLower(rest), ".")
}

// parseableMasks rewrites, in t's start URLs, a userinfo written back as
// HeaderMask to its percent-encoded form, which url.Parse (and so the
// validation) takes; unmaskURLs puts the stored value back after the
// validation, which thus never sees, nor quotes, a stored secret.
func parseableMasks(t *precwatch.Target) {
	needle := "://" + HeaderMask + "@"
	cloned := false
	for i, u := range t.StartURLs {
		if strings.Contains(u, needle) {
			if !cloned {
				t.StartURLs, cloned = slices.Clone(t.StartURLs), true
			}
			t.StartURLs[i] = strings.Replace(u, needle, "://"+userinfoMaskParsed+"@", 1)
		}
	}
}

// unmaskURLs puts back into t's start URLs the stored value of each secret
// written back as HeaderMask: from the stored URL (old's) of the same
// origin that shows the same way, or else the first stored URL of that
// origin holding every masked parameter. A mask with no stored value of
// the same origin is EINVALID naming the URL's place: a secret never goes
// to a host it was not stored for.
func unmaskURLs(t *precwatch.Target, old *precwatch.Target) error {
	var urls []string
	for i, u := range t.StartURLs {
		if !strings.Contains(u, HeaderMask) && !strings.Contains(strings.ToLower(u), strings.ToLower(userinfoMaskParsed)) {
			continue
		}
		if urls == nil {
			urls = slices.Clone(t.StartURLs)
		}
		var cands []string
		if old != nil {
			for _, o := range old.StartURLs {
				if urlOrigin(o) == urlOrigin(u) {
					cands = append(cands, o)
				}
			}
		}
		shown := RedactText(strings.Replace(u, userinfoMaskParsed, HeaderMask, 1))
		done, missing := false, ""
		for _, o := range cands {
			if RedactText(o) == shown {
				urls[i], done = o, true
				break
			}
		}
		for _, o := range cands {
			if done {
				break
			}
			var got string
			if got, _, missing = unmaskText(u, o); missing == "" {
				urls[i], done = got, true
			}
		}
		if !done {
			what := "a stored value"
			if missing != "" {
				what = strings.SplitN(missing, "#", 2)[0]
			}
			return precwatch.Errorf(precwatch.EINVALID, "start_urls[%d]: %q stands for %s, but target %s has no start URL on %s with one; enter the value", i, HeaderMask, what, t.Name, urlOrigin(u))
		}
	}
	if urls != nil {
		t.StartURLs = urls
	}
	return nil
}
