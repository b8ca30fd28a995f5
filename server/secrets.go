package server

import (
	"maps"
	"net/url"
	"slices"
	"strings"

	"github.com/precwatch/precwatch"
)

// HeaderMask stands for the value of every target request header wherever
// a target leaves the server (API JSON, the web UI's pages and YAML): the
// values are API keys and session cookies, write-only secrets. A target
// written back (API create or replace, the UI form's save or test) with a
// header whose value is HeaderMask keeps that header's stored value.
const HeaderMask = precwatch.SecretMask

// RedactTarget returns t as it may be shown: every header value replaced
// by HeaderMask (the names stay visible), the secrets of its start URLs
// (see RedactText) and of its JSON body (see redactBody) masked. t's own
// map and slice are left alone. Commands that print a target use it.
func RedactTarget(t precwatch.Target) precwatch.Target { return redactTarget(t) }

// redactTarget is RedactTarget.
func redactTarget(t precwatch.Target) precwatch.Target {
	t.JSON.Body = redactBody(t.JSON.Body)
	// An html target's request template (a nonce, an api_key) and the
	// lookups' addresses (?api_key=…) hold secrets alike.
	t.Request.Body = redactBody(t.Request.Body)
	if len(t.Lookups) > 0 {
		ls := make([]precwatch.Lookup, len(t.Lookups))
		for i, l := range t.Lookups {
			ls[i] = precwatch.Lookup{URL: RedactText(l.URL), Fields: l.Fields}
		}
		t.Lookups = ls
	}
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

// RedactText returns s with every secret inside it shown as HeaderMask:
// see precwatch.RedactSecrets. It is for any text that may quote a
// target's URL or body: error messages, log lines, crawl reports.
func RedactText(s string) string { return precwatch.RedactSecrets(s) }

// userinfoMaskParsed is HeaderMask as url.Parse takes it in a userinfo:
// a start URL written back as https://<redacted>@host/ is validated as
// https://%3Credacted%3E@host/ (see parseableMasks).
var userinfoMaskParsed = url.PathEscape(HeaderMask)

// isMask reports whether v is HeaderMask, as written or percent-encoded.
func isMask(v string) bool {
	return v == HeaderMask || strings.EqualFold(v, userinfoMaskParsed)
}

// unmaskText puts back into s, for each secret written back as HeaderMask,
// the value old has under the same label (the same parameter or argument
// at the same occurrence: precwatch.SecretSpans). It returns the labels it
// put back and the first label old has no value for ("" if none).
func unmaskText(s, old string) (out string, restored []string, missing string) {
	spans := precwatch.SecretSpans(s)
	var stored map[string]string
	var b strings.Builder
	last := 0
	for _, sp := range spans {
		if !isMask(s[sp.Start:sp.End]) {
			continue
		}
		if stored == nil {
			stored = map[string]string{}
			for _, o := range precwatch.SecretSpans(old) {
				stored[o.Label] = old[o.Start:o.End]
			}
		}
		v, ok := stored[sp.Label]
		if !ok || isMask(v) {
			return s, nil, sp.Label
		}
		b.WriteString(s[last:sp.Start])
		b.WriteString(v)
		last = sp.End
		restored = append(restored, sp.Label)
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
	if err := unmaskLookups(t, old); err != nil {
		return err
	}
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

// unmaskLookups puts back, into t's lookups, the stored address of each
// lookup written back as shown (its secrets masked, see RedactText): the
// stored lookup shown the same way. A mask without one is EINVALID.
func unmaskLookups(t *precwatch.Target, old *precwatch.Target) error {
	var ls []precwatch.Lookup
	for i, l := range t.Lookups {
		if !strings.Contains(l.URL, HeaderMask) {
			continue
		}
		if ls == nil {
			ls = slices.Clone(t.Lookups)
		}
		done := false
		if old != nil {
			for _, o := range old.Lookups {
				if RedactText(o.URL) == RedactText(l.URL) {
					ls[i].URL, done = o.URL, true
					break
				}
			}
		}
		if !done {
			return precwatch.Errorf(precwatch.EINVALID, "lookups[%d].url: %q stands for a stored value, but target %s has no lookup at that address with one; enter the value", i, HeaderMask, t.Name)
		}
	}
	if ls != nil {
		t.Lookups = ls
	}
	return nil
}

// unmaskRequestBody is keepStoredBody and unmaskBody for an html
// target's request template (precwatch.Target.Request.Body), which is
// shown masked whole unless it is JSON (a form body, see redactBody): a
// template written back as HeaderMask is the stored one, and each secret
// of a JSON template written back as shown gets its stored value at the
// same place; neither goes to a wider reach than old's.
func unmaskRequestBody(t *precwatch.Target, old *precwatch.Target) error {
	if !strings.Contains(t.Request.Body, HeaderMask) {
		return nil
	}
	tt := *t
	tt.JSON.Body = t.Request.Body
	var oo *precwatch.Target
	if old != nil {
		c := *old
		c.JSON.Body = old.Request.Body
		oo = &c
	}
	kept := t.Request.Body == HeaderMask
	if kept {
		if old == nil || strings.TrimSpace(old.Request.Body) == "" {
			return precwatch.Errorf(precwatch.EINVALID, "request.body: %q stands for a stored body, but target %s has none; enter the body", HeaderMask, t.Name)
		}
		tt.JSON.Body = old.Request.Body
	}
	if err := unmaskBody(&tt, oo, kept); err != nil {
		return err
	}
	t.Request.Body = tt.JSON.Body
	return nil
}
