package crawler

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/precwatch/precwatch"
)

// A listing without an address of its own is named by its page's (a JSON
// feed's page, a detail page), and a feed's pages carry the target's API
// key when its start URL does (?api_key=…, https://user:pass@…). Whatever
// leaves the crawler — the listings handed to the Sink, the URLs a Run
// reports as gone, hidden by robots.txt or failed, the evidence's page
// addresses — shows the secrets of those URLs masked, where
// precwatch.RedactSecrets finds them (values under names like a secret's,
// userinfo). The crawler itself fetches, resumes and compares with the
// real URLs.
//
// How a value is masked depends on whose it is:
//
//   - A value the target's configuration holds (in a start URL, a header,
//     the POST body) is the partner's secret, the same on every page: it
//     is shown as precwatch.SecretMask, as precwatch.RedactSecrets shows
//     it (and as tickets' migration 0006 rewrote stored URLs).
//   - Any other value under a secret's name was chosen by the site: a
//     shop naming its products /item?key=123 or ?token=ab12, a signed
//     link, a session token. Masked alike, every product would share one
//     URL (and one identity). It is shown as <redacted:DIGEST>, 16 hex
//     digits of an HMAC-SHA256 of the parameter's name and value keyed by
//     a random secret kept in the data directory (crawl/urlmask.key): the
//     same value reads the same in every run of that installation, two
//     values read differently, and a low-entropy value (an id, a PIN)
//     cannot be found again from its digest without the key.

// maskKeyFile is the file under DataDir/crawl holding the mask key.
const maskKeyFile = "urlmask.key"

// loadMaskKey reads the data directory's mask key, creating it (32 random
// bytes, readable by the owner only) the first time.
func loadMaskKey(dataDir string) ([]byte, error) {
	path := filepath.Join(dataDir, "crawl", maskKeyFile)
	if b, err := os.ReadFile(path); err == nil && len(b) >= 32 {
		return b, nil
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("mask key: %w", err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, fmt.Errorf("mask key: %w", err)
	}
	key := make([]byte, 32)
	if _, err := rand.Read(key); err != nil {
		return nil, fmt.Errorf("mask key: %w", err)
	}
	// Written aside and linked into place: a second process creating the
	// key at the same time loses the race and reads the winner's.
	tmp, err := os.CreateTemp(filepath.Dir(path), maskKeyFile+".*")
	if err != nil {
		return nil, fmt.Errorf("mask key: %w", err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(key); err != nil {
		tmp.Close()
		return nil, fmt.Errorf("mask key: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return nil, fmt.Errorf("mask key: %w", err)
	}
	if err := os.Link(tmp.Name(), path); err != nil {
		if !errors.Is(err, fs.ErrExist) {
			return nil, fmt.Errorf("mask key: %w", err)
		}
		b, rerr := os.ReadFile(path)
		if rerr != nil || len(b) < 32 {
			return nil, fmt.Errorf("mask key %s: unreadable or short (%v): remove it to make a new one", path, rerr)
		}
		return b, nil
	}
	return key, nil
}

// masker masks the secrets of one target's URLs (see above).
type masker struct {
	key []byte
	// own holds the secret values of the target's configuration, as
	// written and unescaped.
	own map[string]bool
}

// newMasker returns the masker of t's URLs with the crawler's key.
func newMasker(key []byte, t *precwatch.Target) *masker {
	m := &masker{key: key, own: map[string]bool{}}
	add := func(v string) {
		if v == "" {
			return
		}
		m.own[v] = true
		if u, err := url.QueryUnescape(v); err == nil {
			m.own[u] = true
		}
	}
	spans := func(s string) {
		for _, sp := range precwatch.SecretSpans(s) {
			add(s[sp.Start:sp.End])
		}
	}
	for _, s := range t.StartURLs {
		spans(s)
	}
	for k, v := range t.Headers {
		// Only the values of headers named like a secret's
		// (Authorization, Cookie, X-Api-Key, sw-access-key): an
		// Accept or DNT value is no secret, and a product id equal to
		// it must not lose its digest.
		if !precwatch.SecretName(k) {
			continue
		}
		add(v)
		for _, f := range strings.FieldsFunc(v, func(r rune) bool { return r == ' ' || r == ';' || r == '=' || r == ',' }) {
			if len(f) >= 6 {
				add(f) // "Bearer TOKEN", a cookie's value
			}
		}
	}
	spans(t.JSON.Body)
	spans(t.Request.Body)
	for _, l := range t.Lookups {
		spans(l.URL)
	}
	return m
}

// shownValue reports whether a secret's value stays as it is: empty, a
// mask already, or a page variable (${page}).
func shownValue(v string) bool {
	lv := strings.ToLower(v)
	return v == "" || strings.HasPrefix(lv, "<redacted") || strings.HasPrefix(lv, "%3credacted") ||
		strings.HasPrefix(v, "${") || strings.HasPrefix(lv, "%24%7b")
}

// redact returns s with its secrets masked: the target's own as
// precwatch.SecretMask, the site's as a keyed digest.
func (m *masker) redact(s string) string {
	spans := precwatch.SecretSpans(s)
	if len(spans) == 0 {
		return s
	}
	var b strings.Builder
	last := 0
	for _, sp := range spans {
		v := s[sp.Start:sp.End]
		if shownValue(v) {
			continue
		}
		b.WriteString(s[last:sp.Start])
		b.WriteString(m.mask(sp.Label, v))
		last = sp.End
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// mask returns what stands for the value v of the secret labelled label
// ("query:key#0").
func (m *masker) mask(label, v string) string {
	u := v
	if x, err := url.QueryUnescape(v); err == nil {
		u = x
	}
	if m == nil || len(m.key) == 0 || m.isOwn(v) || m.isOwn(u) {
		return precwatch.SecretMask
	}
	name, _, _ := strings.Cut(label, "#")
	mac := hmac.New(sha256.New, m.key)
	mac.Write([]byte(strings.ToLower(name)))
	mac.Write([]byte{0})
	mac.Write([]byte(u))
	return "<redacted:" + hex.EncodeToString(mac.Sum(nil)[:8]) + ">"
}

// isOwn reports whether v is, or holds, a secret of the target's
// configuration (its key as a userinfo's password: https://bob:KEY@…).
func (m *masker) isOwn(v string) bool {
	if m.own[v] {
		return true
	}
	for o := range m.own {
		if len(o) >= 8 && strings.Contains(v, o) {
			return true
		}
	}
	return false
}

// redactListing masks the secrets of l's URL and of its ID (a listing
// without an id is identified by its URL).
func (m *masker) redactListing(l *precwatch.Listing) {
	l.URL = m.redact(l.URL)
	l.ID = m.redact(l.ID)
}

// redactRun masks the secrets of the URLs res reports, as the listings'.
func (m *masker) redactRun(res *Run) {
	res.Gone = m.redactURLs(res.Gone)
	res.Robots = m.redactURLs(res.Robots)
	res.RobotsNext = m.redactURLs(res.RobotsNext)
	res.OffDomainNext = m.redactURLs(res.OffDomainNext)
	if len(res.StartFailed) > 0 {
		fs := make([]PageFailure, len(res.StartFailed))
		for i, f := range res.StartFailed {
			f.URL = m.redact(f.URL)
			fs[i] = f
		}
		res.StartFailed = fs
	}
}

// redactURLs returns us with every URL's secrets masked, as a new slice.
func (m *masker) redactURLs(us []string) []string {
	if us == nil {
		return nil
	}
	out := make([]string, len(us))
	for i, u := range us {
		out[i] = m.redact(u)
	}
	return out
}

// noteMasked records that the listing URL read was delivered as masked,
// and warns (once per masked URL) when another real URL of this run was
// masked the same: their listings would share a URL (and, without ids,
// an identity) in storage. The warning names the masked URL only.
func (r *run) noteMasked(read, masked string) {
	if read == masked {
		return
	}
	k := seenKey(read)
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.masked == nil {
		r.masked = map[string]string{}
	}
	prev, ok := r.masked[masked]
	switch {
	case !ok:
		r.masked[masked] = k
	case prev != k && prev != "":
		r.masked[masked] = "" // warned
		r.c.log.Warn("different listing URLs read the same once their secrets are masked: their listings share one masked listing URL; give the target an id field",
			"target", r.t.Name, "url", masked)
	}
}
