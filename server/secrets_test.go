package server

import (
	"maps"
	"strings"
	"testing"

	"github.com/precwatch/precwatch"
)

func TestRedactTarget(t *testing.T) {
	stored := precwatch.Target{Name: "shop", Headers: map[string]string{"X-Api-Key": "s3cr3t-value", "Cookie": "sid=1"}}
	got := redactTarget(stored)
	want := map[string]string{"X-Api-Key": HeaderMask, "Cookie": HeaderMask}
	if !maps.Equal(got.Headers, want) {
		t.Errorf("redactTarget(%v).Headers = %v, want %v", stored.Headers, got.Headers, want)
	}
	if stored.Headers["X-Api-Key"] != "s3cr3t-value" {
		t.Errorf("redactTarget changed the stored map: %v", stored.Headers)
	}
	if got := redactTarget(precwatch.Target{}); got.Headers != nil {
		t.Errorf("redactTarget of no headers = %v, want nil", got.Headers)
	}
}

func TestUnmaskHeaders(t *testing.T) {
	old := &precwatch.Target{Name: "shop", AllowedDomains: []string{"shop.example"},
		Headers: map[string]string{"X-Api-Key": "s3cr3t-value", "Cookie": "sid=1"}}
	tests := []struct {
		name    string
		headers map[string]string
		domains []string
		old     *precwatch.Target
		want    map[string]string
		wantErr string // a substring of the error; "" for none
	}{
		{"mask keeps", map[string]string{"X-Api-Key": HeaderMask, "Cookie": HeaderMask}, []string{"shop.example"}, old,
			map[string]string{"X-Api-Key": "s3cr3t-value", "Cookie": "sid=1"}, ""},
		{"new value replaces, left out removed", map[string]string{"X-Api-Key": "new"}, []string{"shop.example"}, old,
			map[string]string{"X-Api-Key": "new"}, ""},
		{"names compare as in HTTP", map[string]string{"x-api-key": HeaderMask}, []string{"shop.example"}, old,
			map[string]string{"x-api-key": "s3cr3t-value"}, ""},
		{"subdomain stays in reach", map[string]string{"X-Api-Key": HeaderMask}, []string{"api.shop.example"}, old,
			map[string]string{"X-Api-Key": "s3cr3t-value"}, ""},
		{"new values to a new domain", map[string]string{"X-Api-Key": "new"}, []string{"other.example"}, old,
			map[string]string{"X-Api-Key": "new"}, ""},
		{"mask with nothing stored", map[string]string{"X-Other": HeaderMask}, []string{"shop.example"}, old, nil, "X-Other"},
		{"mask on a new target", map[string]string{"X-Api-Key": HeaderMask}, []string{"shop.example"}, nil, nil, "X-Api-Key"},
		{"mask to a wider reach", map[string]string{"X-Api-Key": HeaderMask}, []string{"shop.example", "evil.example"}, old, nil, "evil.example"},
		{"mask to a look-alike domain", map[string]string{"X-Api-Key": HeaderMask}, []string{"evilshop.example"}, old, nil, "evilshop.example"},
	}
	for _, tc := range tests {
		tg := precwatch.Target{Name: "shop", AllowedDomains: tc.domains, Headers: tc.headers}
		in := maps.Clone(tc.headers)
		err := unmaskHeaders(&tg, tc.old)
		switch {
		case tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr) || precwatch.ErrorCode(err) != precwatch.EINVALID):
			t.Errorf("%s: unmaskHeaders(%v) error = %v, want EINVALID naming %s", tc.name, in, err, tc.wantErr)
		case tc.wantErr != "":
			if strings.Contains(err.Error(), "s3cr3t-value") {
				t.Errorf("%s: the error shows the stored value: %v", tc.name, err)
			}
		case err != nil:
			t.Errorf("%s: unmaskHeaders(%v) error = %v, want none", tc.name, in, err)
		case !maps.Equal(tg.Headers, tc.want):
			t.Errorf("%s: unmaskHeaders(%v) = %v, want %v", tc.name, in, tg.Headers, tc.want)
		}
		if !maps.Equal(tc.headers, in) {
			t.Errorf("%s: unmaskHeaders changed the caller's map: %v", tc.name, tc.headers)
		}
	}
}
