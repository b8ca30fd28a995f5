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
const HeaderMask = "<redacted>"

// redactTarget returns t with every header value replaced by HeaderMask
// (the names stay visible) and the secrets of its JSON body masked (see
// redactBody). t's own map is left alone (it is the store's).
func redactTarget(t precwatch.Target) precwatch.Target {
	t.JSON.Body = redactBody(t.JSON.Body)
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
// t was written back with as HeaderMask: old is the stored target of the
// same name (nil: none). Header names compare case-insensitively, as in
// HTTP. A mask for a header old has no value for is EINVALID naming it,
// and so is a mask in a target that reaches beyond old's allowed domains
// (the kept secret would go to hosts it was never meant for: whoever
// widens the reach enters the value again). Both targets must be
// validated (allowed domains normalised and defaulted). A header left out
// of t is gone; a new value replaces the stored one.
func unmaskHeaders(t *precwatch.Target, old *precwatch.Target) error {
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
