package precwatch

import (
	"slices"
	"strings"
	"testing"
)

func TestSecretName(t *testing.T) {
	tests := []struct {
		name string
		want bool
	}{
		{"api_key", true}, {"apiKey", true}, {"x-api-key", true}, {"token", true}, {"access_token", true},
		{"key", true}, {"sig", true}, {"signature", true}, {"auth", true}, {"password", true},
		{"secret", true}, {"client_secret", true}, {"clientSecret", true}, {"accesstoken", true},
		{"page", false}, {"q", false}, {"keyword", false}, {"monkey", false}, {"sort", false}, {"offset", false},
	}
	for _, tc := range tests {
		if got := SecretName(tc.name); got != tc.want {
			t.Errorf("SecretName(%q) = %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestSecretSpans(t *testing.T) {
	s := `https://u:p@h.example/?token=a&page=1&token=b { q(apiKey: "c") }`
	var got []string
	for _, sp := range SecretSpans(s) {
		got = append(got, sp.Label+"="+s[sp.Start:sp.End])
	}
	want := []string{"userinfo:#0=u:p", "query:token#0=a", "query:token#1=b", "arg:apiKey#0=c"}
	if !slices.Equal(got, want) {
		t.Errorf("SecretSpans(%q) = %q, want %q", s, got, want)
	}
	if got, want := RedactSecrets(s), `https://<redacted>@h.example/?token=<redacted>&page=1&token=<redacted> { q(apiKey: "<redacted>") }`; got != want {
		t.Errorf("RedactSecrets(%q) = %q, want %q", s, got, want)
	}
}

// FuzzRedactSecrets: redaction never panics, is idempotent, keeps every
// byte outside the secrets, and leaves no secret value it found.
func FuzzRedactSecrets(f *testing.F) {
	for _, s := range []string{
		"https://u:p@h.example/?token=a&page=1",
		`{"query": "{ q(apiKey: \"k\") }"}`,
		`Get "http://127.0.0.1:9/feed?access_token=x#sig=y": refused`,
		"&amp;key=1;secret=2#auth=3",
		"://@?=&:\"\\",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		red := RedactSecrets(s)
		if again := RedactSecrets(red); again != red {
			t.Errorf("RedactSecrets not idempotent on %q: %q then %q", s, red, again)
		}
		for _, sp := range SecretSpans(s) {
			if sp.Start < 0 || sp.End > len(s) || sp.Start > sp.End {
				t.Fatalf("SecretSpans(%q): span %+v out of range", s, sp)
			}
		}
	})
}

// BenchmarkRedactSecrets measures one log line of a crawl (serve passes
// every line through RedactSecrets) with and without a secret.
func BenchmarkRedactSecrets(b *testing.B) {
	for _, bc := range []struct{ name, line string }{
		{"plain", `time=2026-11-27T21:00:00Z level=DEBUG msg="fetched" target=chemhub url=https://shop.example/catalog?page=12 status=200 bytes=48213`},
		{"secret", `time=2026-11-27T21:00:00Z level=WARN msg="fetch failed" target=feed url="https://bot:pw@api.example/v1?api_key=k3y&page=3" err="Get \"https://bot:pw@api.example/v1?api_key=k3y&page=3\": EOF"`},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(bc.line)))
			for b.Loop() {
				RedactSecrets(bc.line)
			}
		})
	}
}

// TestSecretNeedles: every word and part SecretName accepts holds one of
// the needles that let SecretSpans skip its regexps.
func TestSecretNeedles(t *testing.T) {
	words := secretParts
	for w := range secretWords {
		words = append(words, w)
	}
	for _, w := range words {
		if !mayNameSecret(w) || !mayNameSecret(strings.ToUpper(w)) {
			t.Errorf("mayNameSecret(%q) = false: add a needle for it", w)
		}
	}
}

// TestRedactSecretsKeepsDigestMasks: the crawler's keyed mask of a value a
// site chose (<redacted:DIGEST>, raw or URL-escaped) is a mask already, so
// RedactSecrets leaves it alone and stored listing URLs stay distinct;
// anything else under a secret name is still masked.
func TestRedactSecretsKeepsDigestMasks(t *testing.T) {
	for in, want := range map[string]string{
		"https://s.example/item?key=<redacted:0123456789abcdef>":           "https://s.example/item?key=<redacted:0123456789abcdef>",
		"https://s.example/item?key=%3Credacted%3A0123456789abcdef%3E":     "https://s.example/item?key=%3Credacted%3A0123456789abcdef%3E",
		"https://s.example/item?key=<redacted:0123456789abcdeg>":           "https://s.example/item?key=<redacted>",
		"https://s.example/item?key=<redacted:0123456789abcdef0>":          "https://s.example/item?key=<redacted>",
		"https://s.example/item?token=<redacted:0123456789abcdef>x&page=2": "https://s.example/item?token=<redacted>&page=2",
		"https://s.example/item?api_key=sk_live_9f8e7d6c5b4a":              "https://s.example/item?api_key=<redacted>",
	} {
		if got := RedactSecrets(in); got != want {
			t.Errorf("RedactSecrets(%q) = %q, want %q", in, got, want)
		}
	}
}
