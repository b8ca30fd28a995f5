package main

import (
	"fmt"
	"strings"
	"testing"
)

// TestPartnerPrivateNetworkScope: the operator lets ChemHub's crawls reach
// private networks (its demo site is on loopback), but a partner's target
// may then reach only the hosts the configuration's ChemHub target reaches,
// and never this server itself: a target test of the server's /metrics
// would hand its output back in the listings. Every refusal happens before
// any fetch, and every address named is loopback (127.0.0.2 stands for a
// private host the configuration does not name), so that even a broken
// check sends nothing beyond loopback.
func TestPartnerPrivateNetworkScope(t *testing.T) {
	f := newFixture(t)
	port := f.srv.URL[strings.LastIndex(f.srv.URL, ":")+1:]
	for i, tc := range []struct {
		name    string
		start   string
		domains []string
	}{
		{"the server's own metrics", f.srv.URL + "/metrics", nil},
		{"the server as localhost", "http://localhost:" + port + "/metrics", nil},
		{"a private host the configuration does not reach", "http://127.0.0.2:" + port + "/", nil},
		{"an allowed domain beyond the configuration's", "", []string{"127.0.0.1", "127.0.0.2"}},
	} {
		tg := f.apiTarget(fmt.Sprintf("probe-%d", i), ownPlatform)
		if tc.start != "" {
			tg.StartURLs = []string{tc.start}
		}
		if tc.domains != nil {
			tg.AllowedDomains = tc.domains
		}
		if !tg.AllowPrivateNetworks {
			t.Fatal("the demo target does not allow private networks")
		}
		body := mustJSONString(t, tg)
		code, resp := f.do("partner", "POST", "/api/v1/targets/test", body)
		if code != 403 || strings.Contains(resp, "precwatch_") {
			t.Errorf("partner target test, %s (start %v, allowed_domains %v): %d %.300s, want 403", tc.name, tg.StartURLs, tg.AllowedDomains, code, resp)
		}
		before := f.state()
		if code, resp := f.do("partner", "POST", "/api/v1/targets", body); code != 403 {
			t.Errorf("partner target create, %s: %d %.300s, want 403", tc.name, code, resp)
		}
		if f.state() != before {
			t.Errorf("refused target create, %s, changed the data", tc.name)
		}
	}
	// The configuration's own host stays allowed.
	if code, resp := f.do("partner", "POST", "/api/v1/targets/test", mustJSONString(t, f.apiTarget("probe", ownPlatform))); code != 200 {
		t.Errorf("partner target test of the demo site: %d %.300s, want 200", code, resp)
	}
}
