package precwatch

import (
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
)

// SecretMask stands for a secret wherever one would be shown: a target's
// header values, the secrets of its URLs and of its POST body, in the API,
// the web UI, reports, error messages and logs (server.HeaderMask is the
// same string; the server's docs say how a target written back with it
// keeps the stored value).
const SecretMask = "<redacted>"

// secretWords are words naming a secret; a name is split into words at
// case changes and non-letters ("apiKey", "x-api-key", "client_secret").
var secretWords = map[string]bool{
	"key": true, "apikey": true, "token": true, "secret": true, "password": true,
	"passwd": true, "pwd": true, "pass": true, "passphrase": true, "auth": true,
	"authorization": true, "credential": true, "credentials": true, "signature": true,
	"sig": true, "session": true, "sessionid": true, "sid": true, "cookie": true,
	"bearer": true, "jwt": true, "otp": true, "pin": true,
}

// secretParts are spellings of a secret inside a word written without
// separators ("accesstoken", "clientsecret", "xapikey").
var secretParts = []string{"apikey", "token", "secret", "password", "passwd", "credential", "signature", "oauth", "accesskey", "privatekey", "sessionid", "authkey"}

// SecretName reports whether a name — a JSON key, a URL query parameter,
// a GraphQL argument — names a secret: api_key, apiKey, x-api-key, token,
// access_token, key, sig, signature, auth, password, secret,
// client_secret, session, cookie, … It is safe for concurrent use.
func SecretName(k string) bool {
	var words []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			words = append(words, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	rs := []rune(k)
	for i, r := range rs {
		switch {
		case !unicode.IsLetter(r) && !unicode.IsDigit(r):
			flush()
			continue
		case unicode.IsUpper(r) && i > 0 && (unicode.IsLower(rs[i-1]) || (i+1 < len(rs) && unicode.IsLower(rs[i+1]) && unicode.IsUpper(rs[i-1]))):
			flush()
		}
		cur = append(cur, r)
	}
	flush()
	for _, w := range words {
		if secretWords[w] {
			return true
		}
		for _, p := range secretParts {
			if strings.Contains(w, p) {
				return true
			}
		}
	}
	return false
}

// Secrets inside text: a URL's query or fragment value under a parameter
// named like a secret (?api_key=…, &token=…, #access_token=…), a URL's
// userinfo (https://user:pass@host/) and a GraphQL argument named like a
// secret (apiKey: "…", also as \"…\" inside a JSON string).
var (
	// argRE: a GraphQL argument with a string value, quoted plainly
	// (groups 1, 2) or escaped in JSON (groups 3, 4).
	argRE = regexp.MustCompile(`\b([A-Za-z_][A-Za-z0-9_]*)\s*:\s*(?:"((?:[^"\\]|\\.)*)"|\\"((?:[^"\\]|\\\\)*)\\")`)
)

// SecretSpan is one secret inside a text: its Label says what it is — the
// kind ("query", "userinfo", "arg"), the parameter or argument name and
// its occurrence, as in "query:api_key#0" — and Start, End are its bytes.
// Two texts' secrets with the same label are the same secret's places.
type SecretSpan struct {
	Label      string
	Start, End int
}

// SecretSpans returns the secrets inside s, in order, none overlapping
// (see RedactSecrets for what is found).
func SecretSpans(s string) []SecretSpan {
	var spans []SecretSpan
	seen := map[string]int{}
	add := func(kind, name string, start, end int) {
		key := kind + ":" + name
		spans = append(spans, SecretSpan{Label: key + "#" + strconv.Itoa(seen[key]), Start: start, End: end})
		seen[key]++
	}
	if strings.Contains(s, "@") {
		for _, sp := range userinfos(s) {
			add("userinfo", "", sp[0], sp[1])
		}
	}
	if !mayNameSecret(s) {
		// The common case (a log line, a URL without a key): no more.
		return sortSpans(spans)
	}
	if strings.Contains(s, "=") {
		for _, p := range queryParams(s) {
			name := s[p[0]:p[1]]
			if n, err := url.QueryUnescape(name); err == nil {
				name = n
			}
			if SecretName(name) {
				add("query", strings.ToLower(name), p[2], p[3])
			}
		}
	}
	if quotedAfterColon(s) {
		for _, m := range argRE.FindAllStringSubmatchIndex(s, -1) {
			if !SecretName(s[m[2]:m[3]]) {
				continue
			}
			if m[4] >= 0 {
				add("arg", s[m[2]:m[3]], m[4], m[5])
			} else {
				add("arg", s[m[2]:m[3]], m[6], m[7])
			}
		}
	}
	return sortSpans(spans)
}

// secretNeedles are in every name SecretName accepts (each of
// secretWords and secretParts holds one), in lower case.
var secretNeedles = []string{"key", "token", "secret", "pass", "pwd", "auth", "cred", "sig", "session", "sid", "cookie", "bearer", "jwt", "otp", "pin"}

// mayNameSecret reports whether s may hold a name SecretName accepts.
func mayNameSecret(s string) bool {
	ls := strings.ToLower(s)
	for _, n := range secretNeedles {
		if strings.Contains(ls, n) {
			return true
		}
	}
	return false
}

// userinfos returns the [start, end) of every URL userinfo in s: the
// bytes between "scheme://" and an "@" before the host ends.
func userinfos(s string) [][2]int {
	var out [][2]int
	for off := 0; ; {
		i := strings.Index(s[off:], "://")
		if i < 0 {
			return out
		}
		i += off
		off = i + 3
		// A scheme: a letter, then letters, digits, +, -, . up to "://".
		b := i
		for b > 0 && isSchemeByte(s[b-1]) {
			b--
		}
		for b < i && !isLetter(s[b]) {
			b++
		}
		if b == i {
			continue
		}
		j := off
		for j < len(s) && strings.IndexByte("/?#@ \t\r\n\"'\\", s[j]) < 0 {
			j++
		}
		if j < len(s) && s[j] == '@' && j > off {
			out = append(out, [2]int{off, j})
			off = j + 1
		}
	}
}

func isLetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

func isSchemeByte(c byte) bool {
	return isLetter(c) || ('0' <= c && c <= '9') || c == '+' || c == '-' || c == '.'
}

// queryParams returns every name=value parameter that follows one of ?, &,
// ; or # in s, as [name start, name end, value start, value end]. A name
// holds none of = & ; # ? / < > quotes, spaces or backslashes; a value
// runs to the next & ; # quote, space or backslash.
func queryParams(s string) [][4]int {
	var out [][4]int
	for i := 0; i < len(s); i++ {
		if strings.IndexByte("?&;#", s[i]) < 0 {
			continue
		}
		n := i + 1
		for n < len(s) && strings.IndexByte("=&;#?/<> \t\r\n\"'\\", s[n]) < 0 {
			n++
		}
		if n == i+1 || n >= len(s) || s[n] != '=' {
			continue
		}
		v := n + 1
		for v < len(s) && strings.IndexByte("&;# \t\r\n\"'\\", s[v]) < 0 {
			v++
		}
		out = append(out, [4]int{i + 1, n, n + 1, v})
		i = v - 1
	}
	return out
}

// quotedAfterColon reports whether a quote (" or \") follows a colon in
// s, spaces between: the shape of a GraphQL string argument.
func quotedAfterColon(s string) bool {
	for i := strings.IndexByte(s, ':'); i >= 0; {
		j := i + 1
		for j < len(s) && (s[j] == ' ' || s[j] == '\t' || s[j] == '\n' || s[j] == '\r') {
			j++
		}
		if j < len(s) && (s[j] == '"' || (s[j] == '\\' && j+1 < len(s) && s[j+1] == '"')) {
			return true
		}
		k := strings.IndexByte(s[j:], ':')
		if k < 0 {
			return false
		}
		i = j + k
	}
	return false
}

// sortSpans orders spans and drops those inside an earlier one.
func sortSpans(spans []SecretSpan) []SecretSpan {
	slices.SortFunc(spans, func(a, b SecretSpan) int { return a.Start - b.Start })
	out := spans[:0]
	last := -1
	for _, sp := range spans {
		if sp.Start < last {
			continue // inside an earlier secret (a URL in an argument)
		}
		out = append(out, sp)
		last = sp.End
	}
	return out
}

// shownValue reports whether a secret's value stays visible: empty, a
// mask already (SecretMask, or the crawler's keyed form <redacted:DIGEST>
// for a value a site chose), or a page variable (${page}).
func shownValue(v string) bool {
	return v == "" || v == SecretMask || strings.EqualFold(v, "%3Credacted%3E") || digestMask(v) ||
		strings.HasPrefix(v, "${") || strings.HasPrefix(v, "%24%7B")
}

// digestMask reports whether v is the crawler's keyed mask of a value a
// site chose, "<redacted:" and 16 hex digits and ">", raw or URL-escaped.
func digestMask(v string) bool {
	var hex string
	switch {
	case len(v) == 27 && strings.HasPrefix(v, "<redacted:") && v[26] == '>':
		hex = v[10:26]
	case len(v) == 33 && strings.EqualFold(v[:14], "%3Credacted%3A") && strings.EqualFold(v[30:], "%3E"):
		hex = v[14:30]
	default:
		return false
	}
	for i := 0; i < len(hex); i++ {
		if c := hex[i]; !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}

// RedactSecrets returns s with every secret inside it shown as SecretMask:
// the values of URL query (or fragment) parameters named like a secret
// (SecretName; the names stay: ?api_key=<redacted>&page=2), URL userinfo
// (https://<redacted>@host/) and GraphQL arguments named like a secret
// (apiKey: "<redacted>"). Empty values and page variables (${page}) stay.
// It is for any text that may quote a target's URL or body: error
// messages, log lines, crawl reports, listing URLs taken from a page's.
// It is safe for concurrent use.
func RedactSecrets(s string) string {
	spans := SecretSpans(s)
	if len(spans) == 0 {
		return s
	}
	var b strings.Builder
	last := 0
	for _, sp := range spans {
		if shownValue(s[sp.Start:sp.End]) {
			continue
		}
		b.WriteString(s[last:sp.Start])
		b.WriteString(SecretMask)
		last = sp.End
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}
