package server

import (
	"strings"
	"testing"

	"github.com/precwatch/precwatch"
)

// TestRequestLookupSecrets18: an html target's request template and its
// lookups' addresses leave the server with their secrets masked, and a
// target written back as shown keeps the stored values; a mask with no
// stored value, or sent to a wider reach, is EINVALID.
func TestRequestLookupSecrets18(t *testing.T) {
	stored := precwatch.Target{Name: "shop", AllowedDomains: []string{"shop.example"},
		Request: precwatch.RequestSpec{Method: "POST", Body: "action=load&api_key=k3y&page=${page}"},
		Lookups: []precwatch.Lookup{{URL: "https://shop.example/api/sellers/{seller_id}?api_key=s3cr3t", Fields: map[string]string{"seller": "name"}}}}
	shown := RedactTarget(stored)
	if strings.Contains(shown.Request.Body, "k3y") || strings.Contains(shown.Lookups[0].URL, "s3cr3t") {
		t.Fatalf("shown: %+v", shown)
	}
	if stored.Lookups[0].URL != "https://shop.example/api/sellers/{seller_id}?api_key=s3cr3t" {
		t.Fatalf("RedactTarget changed the stored lookups: %v", stored.Lookups)
	}
	back := shown
	if err := unmaskURLs(&back, &stored); err != nil {
		t.Fatal(err)
	}
	if err := unmaskRequestBody(&back, &stored); err != nil {
		t.Fatal(err)
	}
	if back.Request.Body != stored.Request.Body || back.Lookups[0].URL != stored.Lookups[0].URL {
		t.Errorf("written back as shown: body %q, lookup %q; want the stored ones", back.Request.Body, back.Lookups[0].URL)
	}
	if err := unmaskRequestBody(&shown, nil); precwatch.ErrorCode(err) != precwatch.EINVALID {
		t.Errorf("mask on a new target: %v, want EINVALID", err)
	}
	wide := RedactTarget(stored)
	wide.AllowedDomains = []string{"shop.example", "evil.example"}
	if err := unmaskRequestBody(&wide, &stored); precwatch.ErrorCode(err) != precwatch.EINVALID {
		t.Errorf("mask to a wider reach: %v, want EINVALID", err)
	}
	lk := RedactTarget(stored)
	if err := unmaskURLs(&lk, nil); precwatch.ErrorCode(err) != precwatch.EINVALID {
		t.Errorf("lookup mask on a new target: %v, want EINVALID", err)
	}
}
