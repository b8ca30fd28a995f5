package precwatch

import (
	"slices"
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
