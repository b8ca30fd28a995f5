package server

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"

	"github.com/precwatch/precwatch"
)

// A POST feed's json.body can carry secrets too: an API key the
// configuration expanded from ${ENV}, or one typed in the UI or the API.
// The rule, for every role, like header values:
//
//   - In a JSON body, every value under a key named like a secret (key,
//     api_key, apiKey, token, secret, password, auth, credentials,
//     signature, session, cookie, …: see secretKey) is shown as
//     "<redacted>", at any depth, and so is everything nested under such a
//     key. Empty strings and the page variables (${page}, ${offset},
//     ${cursor}) stay visible: they are no secrets.
//   - A body that is not JSON (sent with another Content-Type) is shown as
//     "<redacted>" as a whole.
//   - Written back, a "<redacted>" at the same key path keeps the stored
//     value there, and a body that is "<redacted>" as a whole keeps the
//     stored body; a mask with nothing stored at its place, or a mask in a
//     target that reaches beyond the stored target's allowed domains, is
//     EINVALID, as for headers.
//
// Inside any other string of the body, a URL's secrets and a GraphQL
// argument named like a secret (apiKey: \"…\" in a query string) are
// masked too (RedactText) and put back from the stored string at the same
// key path. A secret under a plain name (q: \"…\") is not found:
// docs/SERVER.md tells operators to put keys in headers or in a variable
// named like a secret.

// bodyMaskToken is HeaderMask as a JSON string.
const bodyMaskToken = `"` + HeaderMask + `"`

// secretKey reports whether a JSON key names a secret (see
// precwatch.SecretName).
func secretKey(k string) bool { return precwatch.SecretName(k) }

// bodyValue is one scalar of a body template: its key path
// ("variables.apiKey", "requests[0].params"), its bytes and whether a key
// on its path names a secret.
type bodyValue struct {
	path       string
	start, end int
	secret     bool
}

// masked reports whether v's token in body is shown as the mask: a secret
// string or number that is neither empty nor a page variable.
func (v bodyValue) masked(body string) bool {
	tok := body[v.start:v.end]
	if !v.secret || tok == `""` || strings.HasPrefix(tok, "${") {
		return false
	}
	for _, name := range precwatch.JSONPageVars {
		if tok == `"${`+name+`}"` {
			return false
		}
	}
	return tok[0] == '"' || tok[0] == '-' || (tok[0] >= '0' && tok[0] <= '9')
}

// scanBody reads a body template as JSON in which a page variable may
// stand where a value goes (${cursor} unquoted), and returns its scalars;
// ok is false if it is not such JSON.
func scanBody(body string) (vals []bodyValue, ok bool) {
	sc := &bodyScanner{s: body}
	if !sc.value("", false, 0) {
		return nil, false
	}
	sc.ws()
	if sc.i != len(sc.s) {
		return nil, false
	}
	return sc.vals, true
}

type bodyScanner struct {
	s    string
	i    int
	vals []bodyValue
}

func (sc *bodyScanner) ws() {
	for sc.i < len(sc.s) && strings.IndexByte(" \t\r\n", sc.s[sc.i]) >= 0 {
		sc.i++
	}
}

// str reads a JSON string at sc.i and returns its token.
func (sc *bodyScanner) str() (string, bool) {
	start := sc.i
	if sc.i >= len(sc.s) || sc.s[sc.i] != '"' {
		return "", false
	}
	for sc.i++; sc.i < len(sc.s); sc.i++ {
		switch sc.s[sc.i] {
		case '\\':
			sc.i++
		case '"':
			sc.i++
			return sc.s[start:sc.i], true
		}
	}
	return "", false
}

func (sc *bodyScanner) value(path string, secret bool, depth int) bool {
	if depth > 100 {
		return false
	}
	sc.ws()
	if sc.i >= len(sc.s) {
		return false
	}
	start := sc.i
	join := func(k string) string {
		if path == "" {
			return k
		}
		return path + "." + k
	}
	switch c := sc.s[sc.i]; {
	case c == '{':
		sc.i++
		sc.ws()
		if sc.i < len(sc.s) && sc.s[sc.i] == '}' {
			sc.i++
			return true
		}
		for {
			sc.ws()
			tok, ok := sc.str()
			if !ok {
				return false
			}
			var key string
			if json.Unmarshal([]byte(tok), &key) != nil {
				return false
			}
			sc.ws()
			if sc.i >= len(sc.s) || sc.s[sc.i] != ':' {
				return false
			}
			sc.i++
			if !sc.value(join(key), secret || secretKey(key), depth+1) {
				return false
			}
			sc.ws()
			if sc.i >= len(sc.s) {
				return false
			}
			sc.i++
			switch sc.s[sc.i-1] {
			case ',':
				continue
			case '}':
				return true
			}
			return false
		}
	case c == '[':
		sc.i++
		sc.ws()
		if sc.i < len(sc.s) && sc.s[sc.i] == ']' {
			sc.i++
			return true
		}
		for n := 0; ; n++ {
			if !sc.value(path+"["+strconv.Itoa(n)+"]", secret, depth+1) {
				return false
			}
			sc.ws()
			if sc.i >= len(sc.s) {
				return false
			}
			sc.i++
			switch sc.s[sc.i-1] {
			case ',':
				continue
			case ']':
				return true
			}
			return false
		}
	case c == '"':
		if _, ok := sc.str(); !ok {
			return false
		}
	case c == '$':
		end := strings.IndexByte(sc.s[sc.i:], '}')
		if !strings.HasPrefix(sc.s[sc.i:], "${") || end < 0 || !slices.Contains(precwatch.JSONPageVars, sc.s[sc.i+2:sc.i+end]) {
			return false
		}
		sc.i += end + 1
	case c == '-' || (c >= '0' && c <= '9'):
		for sc.i < len(sc.s) && strings.IndexByte("+-.eE0123456789", sc.s[sc.i]) >= 0 {
			sc.i++
		}
		var f float64
		if json.Unmarshal([]byte(sc.s[start:sc.i]), &f) != nil {
			return false
		}
	default:
		for _, lit := range []string{"true", "false", "null"} {
			if strings.HasPrefix(sc.s[sc.i:], lit) {
				sc.i += len(lit)
				return true
			}
		}
		return false
	}
	sc.vals = append(sc.vals, bodyValue{path: path, start: start, end: sc.i, secret: secret})
	return true
}

// redactBody returns body as it leaves the server: the values of
// secret-named keys masked, or all of it if it is not JSON.
func redactBody(body string) string {
	if strings.TrimSpace(body) == "" {
		return body
	}
	vals, ok := scanBody(body)
	if !ok {
		return HeaderMask
	}
	var b strings.Builder
	last := 0
	for _, v := range vals {
		tok := body[v.start:v.end]
		repl := tok
		switch {
		case v.masked(body):
			repl = bodyMaskToken
		case tok[0] == '"':
			// A URL or a GraphQL query inside a string.
			repl = RedactText(tok)
		}
		if repl != tok {
			b.WriteString(body[last:v.start])
			b.WriteString(repl)
			last = v.end
		}
	}
	b.WriteString(body[last:])
	return b.String()
}

// keepStoredBody puts old's body back into t when t's body is HeaderMask
// as a whole (a body that is not JSON, written back as shown) and reports
// whether it did. It runs before validation, which must see the real
// body; so that no validation message can show the stored body, it is
// kept only under a Content-Type that is not JSON (as the stored one was,
// or that header's own mask): a body written back under a JSON or no
// Content-Type is EINVALID.
func keepStoredBody(t *precwatch.Target, old *precwatch.Target) (bool, error) {
	parseableMasks(t) // the start URLs' masks, before the validation
	if t.JSON.Body != HeaderMask {
		return false, nil
	}
	if old == nil || strings.TrimSpace(old.JSON.Body) == "" {
		return false, precwatch.Errorf(precwatch.EINVALID, "json.body: %q stands for a stored body, but target %s has none; enter the body", HeaderMask, t.Name)
	}
	ct := ""
	for k, v := range t.Headers {
		if strings.EqualFold(k, "Content-Type") {
			ct = strings.ToLower(v)
		}
	}
	if ct == "" || (ct != strings.ToLower(HeaderMask) && strings.Contains(ct, "json")) {
		return false, precwatch.Errorf(precwatch.EINVALID, "json.body: %q keeps the stored body (which is not JSON) only with a Content-Type header that is not JSON; enter the body", HeaderMask)
	}
	t.JSON.Body = old.JSON.Body
	return true, nil
}

// unmaskBody puts back, into t's JSON body, the stored value of each
// secret written back as "<redacted>", at the same key path of old's body
// (old: the stored target of the same name, nil if none). kept says that
// keepStoredBody restored the whole body. A mask with no stored value at
// its path is EINVALID naming the path, and so is a restored value in a
// target reaching beyond old's allowed domains. Both targets must be
// validated.
func unmaskBody(t *precwatch.Target, old *precwatch.Target, kept bool) error {
	body := t.JSON.Body
	var masks []bodyValue
	if !kept && strings.Contains(body, HeaderMask) {
		vals, ok := scanBody(body)
		if ok {
			for _, v := range vals {
				if tok := body[v.start:v.end]; tok == bodyMaskToken || (tok[0] == '"' && strings.Contains(tok, HeaderMask)) {
					masks = append(masks, v)
				}
			}
		}
	}
	if !kept && len(masks) == 0 {
		return nil
	}
	if len(masks) > 0 {
		stored := map[string]string{}
		if old != nil {
			if vals, ok := scanBody(old.JSON.Body); ok {
				for _, v := range vals {
					if _, dup := stored[v.path]; !dup {
						stored[v.path] = old.JSON.Body[v.start:v.end]
					}
				}
			}
		}
		var b strings.Builder
		last, restoredAny := 0, false
		for _, m := range masks {
			tok, ok := stored[m.path]
			if mtok := body[m.start:m.end]; mtok != bodyMaskToken {
				// A mask inside a string (a URL or a GraphQL argument):
				// the stored string at the same path has the value.
				got, restored, missing := unmaskText(mtok, tok)
				if missing != "" {
					return precwatch.Errorf(precwatch.EINVALID, "json.body: %q at %s (%s) stands for a stored value, but target %s has none there; enter the value", HeaderMask, m.path, strings.SplitN(missing, "#", 2)[0], t.Name)
				}
				if len(restored) == 0 {
					continue // "<redacted>" as plain text, no secret's place
				}
				tok = got
			} else if !ok {
				return precwatch.Errorf(precwatch.EINVALID, "json.body: %s at %s stands for a stored value, but target %s has none there; enter the value", bodyMaskToken, m.path, t.Name)
			}
			b.WriteString(body[last:m.start])
			b.WriteString(tok)
			last, restoredAny = m.end, true
		}
		if !kept && !restoredAny {
			return nil
		}
		b.WriteString(body[last:])
		body = b.String()
	}
	if d := outsideReach(t.AllowedDomains, reach(old)); d != "" {
		return precwatch.Errorf(precwatch.EINVALID, "json.body: allowed domain %q is new, so the stored secrets of the body are not sent there; enter them again", d)
	}
	t.JSON.Body = body
	return nil
}
