package server

import (
	"strings"
	"testing"

	"github.com/precwatch/precwatch"
)

func TestSecretKey(t *testing.T) {
	for _, tc := range []struct {
		key  string
		want bool
	}{
		{"api_key", true}, {"apiKey", true}, {"x-api-key", true}, {"X-Algolia-API-Key", true},
		{"key", true}, {"token", true}, {"access_token", true}, {"accesstoken", true},
		{"client_secret", true}, {"clientSecret", true}, {"password", true}, {"auth", true},
		{"authToken", true}, {"credentials", true}, {"signature", true}, {"sessionId", true},
		{"query", false}, {"variables", false}, {"keywords", false}, {"author", false},
		{"page", false}, {"after", false}, {"hitsPerPage", false}, {"monkey", false},
	} {
		if got := secretKey(tc.key); got != tc.want {
			t.Errorf("secretKey(%q) = %v, want %v", tc.key, got, tc.want)
		}
	}
}

func TestRedactBody(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{``, ``},
		{`{"q": "acetone", "page": ${page}}`, `{"q": "acetone", "page": ${page}}`},
		{`{"api_key": "k3y", "q": "", "page": ${page}}`, `{"api_key": "<redacted>", "q": "", "page": ${page}}`},
		{`{"query": "query($after: String) { x }", "variables": {"after": ${cursor}, "apiKey": "k3y", "pin": 1234}}`,
			`{"query": "query($after: String) { x }", "variables": {"after": ${cursor}, "apiKey": "<redacted>", "pin": "<redacted>"}}`},
		{`{"auth": {"user": "bob", "pass": "pw", "otp": null}, "token": "", "nextToken": "${cursor}"}`,
			`{"auth": {"user": "<redacted>", "pass": "<redacted>", "otp": null}, "token": "", "nextToken": "${cursor}"}`},
		{`[{"key": "a\"b", "n": -1.5e3}]`, `[{"key": "<redacted>", "n": -1.5e3}]`},
		{`api_key=k3y&page=${page}`, HeaderMask},
		{`{"q": "x"`, HeaderMask},
		{`{"q": ${SECRET}}`, HeaderMask},
	} {
		if got := redactBody(tc.in); got != tc.want {
			t.Errorf("redactBody(%s) = %s, want %s", tc.in, got, tc.want)
		}
	}
}

func TestUnmaskBody(t *testing.T) {
	old := &precwatch.Target{Name: "shop", AllowedDomains: []string{"shop.example"},
		JSON: precwatch.JSONSpec{Method: "POST", Body: `{"q": "acetone", "page": ${page}, "auth": {"key": "k3y", "n": 7}}`}}
	tests := []struct {
		name    string
		body    string
		domains []string
		old     *precwatch.Target
		want    string
		wantErr string
	}{
		{"mask keeps", `{"q": "acetone 2", "page": ${page}, "auth": {"key": "<redacted>", "n": "<redacted>"}}`, []string{"shop.example"}, old,
			`{"q": "acetone 2", "page": ${page}, "auth": {"key": "k3y", "n": 7}}`, ""},
		{"new value", `{"page": ${page}, "auth": {"key": "n3w"}}`, []string{"shop.example"}, old, `{"page": ${page}, "auth": {"key": "n3w"}}`, ""},
		{"no masks", `{"page": ${page}}`, []string{"elsewhere.example"}, old, `{"page": ${page}}`, ""},
		{"mask moved", `{"page": ${page}, "key": "<redacted>"}`, []string{"shop.example"}, old, "", "at key"},
		{"mask on a new target", `{"page": ${page}, "auth": {"key": "<redacted>"}}`, []string{"shop.example"}, nil, "", "at auth.key"},
		{"mask to a wider reach", `{"page": ${page}, "auth": {"key": "<redacted>"}}`, []string{"shop.example", "evil.example"}, old, "", "evil.example"},
	}
	for _, tc := range tests {
		tg := precwatch.Target{Name: "shop", AllowedDomains: tc.domains, JSON: precwatch.JSONSpec{Method: "POST", Body: tc.body}}
		err := unmaskBody(&tg, tc.old, false)
		if tc.wantErr != "" {
			if precwatch.ErrorCode(err) != precwatch.EINVALID || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("%s: unmaskBody(%s) error = %v, want EINVALID naming %s", tc.name, tc.body, err, tc.wantErr)
			}
			continue
		}
		if err != nil || tg.JSON.Body != tc.want {
			t.Errorf("%s: unmaskBody(%s) = %s, %v, want %s", tc.name, tc.body, tg.JSON.Body, err, tc.want)
		}
	}
}

func TestKeepStoredBody(t *testing.T) {
	old := &precwatch.Target{Name: "shop", JSON: precwatch.JSONSpec{Body: "api_key=k3y&page=${page}"},
		Headers: map[string]string{"Content-Type": "application/x-www-form-urlencoded"}}
	for _, tc := range []struct {
		name    string
		ct      string // "" for no header
		old     *precwatch.Target
		wantErr string
	}{
		{"header mask", HeaderMask, old, ""},
		{"form type", "application/x-www-form-urlencoded", old, ""},
		{"json type", "application/json", old, "Content-Type"},
		{"no type", "", old, "Content-Type"},
		{"nothing stored", HeaderMask, nil, "has none"},
	} {
		tg := precwatch.Target{Name: "shop", JSON: precwatch.JSONSpec{Body: HeaderMask}}
		if tc.ct != "" {
			tg.Headers = map[string]string{"content-type": tc.ct}
		}
		kept, err := keepStoredBody(&tg, tc.old)
		if tc.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) || strings.Contains(err.Error(), "k3y") {
				t.Errorf("%s: keepStoredBody error = %v, want one naming %s (and not the body)", tc.name, err, tc.wantErr)
			}
			continue
		}
		if err != nil || !kept || tg.JSON.Body != old.JSON.Body {
			t.Errorf("%s: keepStoredBody = %v, %v, body %q, want the stored body kept", tc.name, kept, err, tg.JSON.Body)
		}
	}
}
