package crawler

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"

	"github.com/precwatch/precwatch"
	"github.com/precwatch/precwatch/crawler/extract"
)

// KindLookup counts pages whose listings' lookups (precwatch.Lookup: a
// seller's record at /api/sellers/{seller_id}) failed: timeouts, 5xx,
// refusals, an address outside allowed_domains. Failures: the listings
// concerned are not delivered, so their stored fields stay as they were.
const KindLookup = "lookup"

// lookupEntry is one lookup address of a run: asked once, its fields
// shared by every listing naming it.
type lookupEntry struct {
	done   chan struct{}
	fields map[string]string
	err    error
}

// lookupFailed is a listing whose lookup failed, and why.
type lookupFailed struct {
	listing int
	err     error
}

// fillLookups fills the fields of the page's listings that the target's
// lookups name, each address asked once a run (a seller shared by many
// listings is read once), politely: robots.txt, the host's delay and
// parallelism, retries, the SSRF guard, the body cap, and only within the
// allowed domains. An address answering 404 or 410 (a seller gone) leaves
// the fields empty. It returns the listings whose lookup failed otherwise.
// keep stores each answer as evidence (not in Test).
func (r *run) fillLookups(ctx context.Context, page *extract.Page, pageURL string, keep bool) []lookupFailed {
	if len(r.t.Lookups) == 0 {
		return nil
	}
	var failed []lookupFailed
	for i := range page.Listings {
		l := &page.Listings[i]
		for _, lk := range r.t.Lookups {
			u, ok := extract.LookupURL(lk.URL, l, pageURL)
			if !ok {
				continue // the listing names no such value
			}
			fields, err := r.lookup(ctx, u, lk.Fields, keep)
			if err != nil {
				failed = append(failed, lookupFailed{i, err})
				break
			}
			for name, v := range fields {
				extract.SetField(l, name, v)
			}
		}
	}
	return failed
}

// lookup returns the fields read at address u, asking it only the first
// time in the run.
func (r *run) lookup(ctx context.Context, u string, fields map[string]string, keep bool) (map[string]string, error) {
	key := u + "\x00" + fmt.Sprint(fields)
	r.mu.Lock()
	if r.lookups == nil {
		r.lookups = map[string]*lookupEntry{}
	}
	e, ok := r.lookups[key]
	if !ok {
		e = &lookupEntry{done: make(chan struct{})}
		r.lookups[key] = e
	}
	r.mu.Unlock()
	if ok {
		select {
		case <-e.done:
			return e.fields, e.err
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	e.fields, e.err = r.fetchLookup(ctx, u, fields, keep)
	if ctx.Err() != nil {
		// Not the address's answer: a later page asks again.
		r.mu.Lock()
		delete(r.lookups, key)
		r.mu.Unlock()
	}
	close(e.done)
	return e.fields, e.err
}

func (r *run) fetchLookup(ctx context.Context, raw string, fields map[string]string, keep bool) (map[string]string, error) {
	if !r.inScope(raw) {
		pu, _ := url.Parse(raw)
		return nil, fmt.Errorf("lookup %s: host %s is outside allowed_domains (add it if it is the platform's)", r.mask.redact(raw), pu.Hostname())
	}
	u, err := url.Parse(raw)
	if err != nil {
		return nil, fmt.Errorf("lookup %s: %w", r.mask.redact(raw), err)
	}
	resp, _, err := r.fetch(ctx, u, plainGet)
	if resp != nil && (resp.Status == 404 || resp.Status == 410) {
		r.c.log.Info("lookup not found", "target", r.t.Name, "url", r.mask.redact(raw), "status", resp.Status)
		return nil, nil
	}
	if err != nil {
		if errors.Is(err, ErrRobots) {
			return nil, fmt.Errorf("lookup %s: disallowed by robots.txt", r.mask.redact(raw))
		}
		return nil, fmt.Errorf("lookup: %w", err)
	}
	lt := *r.t
	lt.Kind = precwatch.KindHTML
	if ct := strings.ToLower(resp.Header.Get("Content-Type")); strings.Contains(ct, "json") {
		lt.Kind = precwatch.KindJSON
	}
	body, _, err := decodeBody(resp, &lt)
	if err != nil {
		return nil, fmt.Errorf("lookup %s: %w", r.mask.redact(raw), err)
	}
	if keep {
		snap := Snapshot{URL: r.mask.redact(resp.URL), FetchedAt: r.c.opts.Now().UTC(), Status: resp.Status, Header: resp.Header, Body: resp.Body}
		if _, err := r.c.evidence.Put(snap); err != nil {
			r.c.log.Warn("lookup evidence", "target", r.t.Name, "url", r.mask.redact(raw), "err", err)
		}
	}
	return extract.LookupFields(body, resp.URL, fields), nil
}
