package main

import (
	"context"
	"encoding/json"
	"fmt"
	"html"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/precwatch/precwatch"
	"github.com/precwatch/precwatch/server"
)

// secretValue is the API key of the loopback shop: it must never come
// back out of the server.
const secretValue = "s3cr3t-value"

// keyShop is a loopback shop that answers only requests carrying its API
// key; it counts the requests with and without it.
type keyShop struct {
	*httptest.Server
	mu          sync.Mutex
	good, wrong int
	lastWrong   string
}

func newKeyShop(t *testing.T, key string) *keyShop {
	s := &keyShop{}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		ok := r.Header.Get("X-Api-Key") == key
		if ok {
			s.good++
		} else if r.URL.Path != "/robots.txt" {
			s.wrong++
			s.lastWrong = r.Header.Get("X-Api-Key")
		}
		s.mu.Unlock()
		if !ok {
			http.Error(w, "missing API key", http.StatusUnauthorized)
			return
		}
		fmt.Fprint(w, `<html><body><h1>Catalog</h1><div class="product" data-id="p1"><h1>Acetone 1 L</h1></div></body></html>`)
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *keyShop) counts() (good, wrong int, lastWrong string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.good, s.wrong, s.lastWrong
}

// storedHeaders reads a target's headers straight from the store.
func (f *fixture) storedHeaders(name string) map[string]string {
	f.t.Helper()
	st, err := f.a.store.Target(context.Background(), name)
	if err != nil {
		f.t.Fatalf("stored target %s: %v", name, err)
	}
	return st.Target.Headers
}

var textareaYAML = regexp.MustCompile(`(?s)<textarea id="yaml"[^>]*>(.*?)</textarea>`)

// TestTargetHeaderValuesAreWriteOnly: a target's header values (an API
// key) never leave the server, to any role, through the API or the web
// UI; writing the target back with the mask keeps the stored value, which
// target tests and crawls still send to the shop; a new value replaces
// it, a header left out is removed, a mask with nothing stored is a 400
// naming the header.
func TestTargetHeaderValuesAreWriteOnly(t *testing.T) {
	f := newFixture(t)
	var logs syncBuffer // the server's log: access lines, refused requests
	srv, err := newServer(f.b, func(o *server.Options) {
		o.Logger = slog.New(slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	})
	if err != nil {
		t.Fatal(err)
	}
	f.srv = httptest.NewServer(srv)
	t.Cleanup(f.srv.Close)
	shop := newKeyShop(t, secretValue)
	const name = "secret-shop"
	tg := f.apiTarget(name, ownPlatform)
	tg.StartURLs, tg.AllowedDomains = []string{shop.URL + "/catalog"}, nil
	tg.RespectRobotsTxt, tg.Delay, tg.MaxRetries, tg.MaxPages = false, 0, 0, 1
	tg.Follow, tg.NextPage = nil, nil
	tg.Headers = map[string]string{"X-Api-Key": secretValue, "Accept-Language": "en"}

	noSecret := func(what, body string) {
		t.Helper()
		if strings.Contains(body, secretValue) {
			t.Errorf("%s shows the header value %q: %s", what, secretValue, short(body))
		}
	}
	code, body := f.do("admin", "POST", "/api/v1/targets", mustJSONString(t, tg))
	if code != http.StatusCreated {
		t.Fatalf("create target: %d %s", code, body)
	}
	noSecret("POST /api/v1/targets (201)", body)
	if got := f.storedHeaders(name)["X-Api-Key"]; got != secretValue {
		t.Fatalf("stored X-Api-Key after create = %q, want %q", got, secretValue)
	}

	// The API, to every role that reads targets.
	for _, role := range []string{"admin", "partner", "regulator"} {
		for _, path := range []string{"/api/v1/targets", "/api/v1/targets/" + name} {
			code, body := f.do(role, "GET", path, "")
			if code != http.StatusOK {
				t.Fatalf("GET %s as %s: %d %s", path, role, code, body)
			}
			noSecret("GET "+path+" as "+role, body)
			if h := headersIn(body, name); h["X-Api-Key"] != server.HeaderMask || h["Accept-Language"] != server.HeaderMask {
				t.Errorf("GET %s as %s: headers %q, want the names with values %q", path, role, h, server.HeaderMask)
			}
		}
	}

	// The API round trip: what GET gives, PUT back with another field
	// changed, keeps the key.
	var got server.TargetInfo
	f.getJSON("partner", "/api/v1/targets/"+name, &got)
	got.Target.MaxPages = 2
	code, body = f.do("partner", "PUT", "/api/v1/targets/"+name, mustJSONString(t, got.Target))
	if code != http.StatusOK {
		t.Fatalf("PUT the target back with the mask: %d %s", code, body)
	}
	noSecret("PUT /api/v1/targets/"+name, body)
	if h := f.storedHeaders(name); h["X-Api-Key"] != secretValue || h["Accept-Language"] != "en" {
		t.Errorf("stored headers after a PUT with the mask = %q, want the stored values kept", h)
	}
	st, _ := f.a.store.Target(context.Background(), name)
	if st.Target.MaxPages != 2 {
		t.Errorf("stored max_pages = %d, want 2 (the other change of that PUT)", st.Target.MaxPages)
	}

	// The saved target's test and a crawl send the real value.
	code, body = f.do("partner", "POST", "/api/v1/targets/"+name+"/test", "")
	if code != http.StatusOK {
		t.Fatalf("test the saved target: %d %s", code, body)
	}
	noSecret("POST /api/v1/targets/"+name+"/test", body)
	var rep server.TestReport
	if err := json.Unmarshal([]byte(body), &rep); err != nil || len(rep.Pages) == 0 || rep.Pages[0].Status != 200 {
		t.Fatalf("test of the saved target: pages %+v (err %v), want the first page 200 (the shop answers 401 without its key)", rep.Pages, err)
	}
	// An unsaved target's test (the API's, as the UI's Test button) with
	// the mask uses the stored value too.
	code, body = f.do("partner", "POST", "/api/v1/targets/test", mustJSONString(t, got.Target))
	rep = server.TestReport{}
	if err := json.Unmarshal([]byte(body), &rep); code != http.StatusOK || err != nil || len(rep.Pages) == 0 || rep.Pages[0].Status != 200 {
		t.Fatalf("test of the target as read back (mask): %d %s, want the first page 200", code, short(body))
	}
	noSecret("POST /api/v1/targets/test", body)
	before, _, _ := shop.counts()
	if code, body := f.do("partner", "POST", "/api/v1/targets/"+name+"/run", ""); code != http.StatusAccepted {
		t.Fatalf("run now: %d %s", code, body)
	}
	f.waitIdle()
	if good, wrong, last := shop.counts(); good <= before || wrong != 0 {
		t.Errorf("shop saw %d requests with its key during the crawl (before: %d) and %d without (last X-Api-Key %q), want only keyed ones", good, before, wrong, last)
	}
	code, body = f.do("partner", "GET", "/api/v1/runs?target="+name, "")
	noSecret("GET /api/v1/runs", body)
	if code != http.StatusOK {
		t.Errorf("GET /api/v1/runs: %d", code)
	}

	// The web UI, to every role that reads targets: list, edit page
	// (YAML), crawl status.
	for _, role := range []string{"admin", "partner", "regulator"} {
		b := newBrowser(t, f.srv.URL, nil)
		b.signIn(f.tokens[role])
		for _, path := range []string{"/targets", "/targets/edit?name=" + name, "/runs"} {
			code, body, _ := b.get(path)
			if code != http.StatusOK {
				t.Fatalf("GET %s as %s: %d", path, role, code)
			}
			noSecret("UI "+path+" as "+role, body)
		}
		_, body, _ := b.get("/targets/edit?name=" + name)
		m := textareaYAML.FindStringSubmatch(body)
		if m == nil {
			t.Fatalf("no YAML on the edit page as %s: %s", role, short(body))
		}
		yml := html.UnescapeString(m[1])
		noSecret("the edit page's YAML as "+role, yml)
		if !strings.Contains(yml, "X-Api-Key: "+server.HeaderMask) {
			t.Errorf("edit page's YAML as %s: want X-Api-Key shown as %s:\n%s", role, server.HeaderMask, yml)
		}
		if role != "partner" {
			continue
		}
		// The form posted back as shown, one field changed: test, then save.
		yml = strings.Replace(yml, "max_pages: 2", "max_pages: 3", 1)
		code, body, _ = b.post("/targets/edit", url.Values{"csrf": {b.csrf}, "name": {name}, "action": {"test"}, "yaml": {yml}}, nil)
		noSecret("UI test report", body)
		if code != http.StatusOK || !strings.Contains(body, `id="test-report"`) || !strings.Contains(body, "<td>200</td>") {
			t.Errorf("UI test of the target as shown: %d, want 200 with the shop's page fetched (200): %s", code, short(body))
		}
		code, body, _ = b.post("/targets/edit", url.Values{"csrf": {b.csrf}, "name": {name}, "action": {"save"}, "yaml": {yml}}, nil)
		if code != http.StatusSeeOther {
			t.Fatalf("UI save of the target as shown: %d %s", code, short(body))
		}
		if h := f.storedHeaders(name); h["X-Api-Key"] != secretValue {
			t.Errorf("stored X-Api-Key after the UI save = %q, want %q kept", h["X-Api-Key"], secretValue)
		}
		if st, _ := f.a.store.Target(context.Background(), name); st.Target.MaxPages != 3 {
			t.Errorf("stored max_pages after the UI save = %d, want 3", st.Target.MaxPages)
		}
	}

	// Writes that are not "keep": a mask where nothing is stored, a mask
	// with the reach widened, a new value, a header left out.
	masked := got.Target
	masked.Headers = map[string]string{"X-Api-Key": server.HeaderMask, "X-Other": server.HeaderMask}
	if code, body := f.do("partner", "PUT", "/api/v1/targets/"+name, mustJSONString(t, masked)); code != http.StatusBadRequest || !strings.Contains(body, "X-Other") {
		t.Errorf("PUT with a mask for a header never stored: %d %s, want 400 naming X-Other", code, body)
	}
	fresh := masked
	fresh.Name, fresh.Headers = "secret-fresh", map[string]string{"X-Api-Key": server.HeaderMask}
	if code, body := f.do("partner", "POST", "/api/v1/targets", mustJSONString(t, fresh)); code != http.StatusBadRequest || !strings.Contains(body, "X-Api-Key") {
		t.Errorf("create with a mask: %d %s, want 400 naming X-Api-Key", code, body)
	}
	wider := got.Target
	wider.AllowedDomains = append([]string{"elsewhere.example"}, wider.AllowedDomains...)
	if code, body := f.do("admin", "PUT", "/api/v1/targets/"+name, mustJSONString(t, wider)); code != http.StatusBadRequest || !strings.Contains(body, "X-Api-Key") {
		t.Errorf("PUT with the mask and a new allowed domain: %d %s, want 400 naming X-Api-Key", code, body)
	}
	if h := f.storedHeaders(name); h["X-Api-Key"] != secretValue {
		t.Errorf("stored X-Api-Key after refused writes = %q, want %q", h["X-Api-Key"], secretValue)
	}
	next := got.Target
	next.Headers = map[string]string{"X-Api-Key": "n3w-value", "Accept-Language": server.HeaderMask}
	if code, body := f.do("partner", "PUT", "/api/v1/targets/"+name, mustJSONString(t, next)); code != http.StatusOK || strings.Contains(body, "n3w-value") {
		t.Errorf("PUT with a new value: %d %s, want 200 without the value", code, body)
	}
	if h := f.storedHeaders(name); h["X-Api-Key"] != "n3w-value" || h["Accept-Language"] != "en" {
		t.Errorf("stored headers after a new value = %q, want the new key and Accept-Language kept", h)
	}
	next.Headers = map[string]string{"x-api-key": server.HeaderMask} // names compare as in HTTP
	if code, body := f.do("partner", "PUT", "/api/v1/targets/"+name, mustJSONString(t, next)); code != http.StatusOK {
		t.Errorf("PUT leaving Accept-Language out: %d %s", code, body)
	}
	if h := f.storedHeaders(name); len(h) != 1 || h["x-api-key"] != "n3w-value" {
		t.Errorf("stored headers after leaving Accept-Language out = %q, want only x-api-key (kept)", h)
	}
	if !strings.Contains(logs.String(), "/api/v1/targets") {
		t.Errorf("the server logged no target request (the check below would prove nothing): %s", logs.String())
	}
	noSecret("the server's log", logs.String())
}

// headersIn returns the headers of target name in an API answer: one
// target or {"targets": [...]}.
func headersIn(body, name string) map[string]string {
	var one server.TargetInfo
	var list struct{ Targets []server.TargetInfo }
	if json.Unmarshal([]byte(body), &list) == nil {
		for _, ti := range list.Targets {
			if ti.Target.Name == name {
				return ti.Target.Headers
			}
		}
	}
	if json.Unmarshal([]byte(body), &one) == nil && one.Target.Name == name {
		return one.Target.Headers
	}
	return nil
}

// newKeyFeed is a loopback POST feed (a search API) that answers only a
// body carrying its API key as "api_key"; it counts the requests without.
func newKeyFeed(t *testing.T, key string) (*httptest.Server, func() int) {
	var mu sync.Mutex
	wrong := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var req struct {
			APIKey string `json:"api_key"`
			Page   int    `json:"page"`
		}
		if r.Method != http.MethodPost || json.NewDecoder(r.Body).Decode(&req) != nil || req.APIKey != key {
			mu.Lock()
			wrong++
			mu.Unlock()
			http.Error(w, `{"error": "bad key"}`, http.StatusUnauthorized)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		if req.Page > 1 {
			fmt.Fprint(w, `{"hits": []}`)
			return
		}
		fmt.Fprint(w, `{"hits": [{"sku": "a1", "name": "Acetone 1 L", "text": "lab grade"}]}`)
	}))
	t.Cleanup(srv.Close)
	return srv, func() int { mu.Lock(); defer mu.Unlock(); return wrong }
}

// TestTargetBodySecretsAreWriteOnly: a POST feed's body is a place for a
// secret too: the value of a secret-named key (api_key) never leaves the
// server, to any role, through the API or the UI; written back as shown
// it keeps the stored value, which the target's test sends to the feed; a
// mask where nothing is stored, or with the reach widened, is a 400.
func TestTargetBodySecretsAreWriteOnly(t *testing.T) {
	f := newFixture(t)
	feed, wrong := newKeyFeed(t, secretValue)
	const name = "secret-feed"
	tg := f.apiTarget(name, ownPlatform)
	tg.Kind, tg.StartURLs, tg.AllowedDomains = "json", []string{feed.URL + "/v1/search"}, nil
	tg.RespectRobotsTxt, tg.Delay, tg.MaxRetries, tg.MaxPages = false, 0, 0, 2
	tg.Follow, tg.NextPage, tg.Listing = nil, nil, precwatch.ListingSpec{}
	tg.JSON = precwatch.JSONSpec{Method: "POST", Items: "hits",
		Body:   `{"api_key": "` + secretValue + `", "query": "acetone", "page": ${page}}`,
		Fields: map[string]string{"id": "sku", "title": "name", "description": "text"}}
	code, body := f.do("admin", "POST", "/api/v1/targets", mustJSONString(t, tg))
	if code != http.StatusCreated {
		t.Fatalf("create the POST target: %d %s", code, body)
	}
	stored := func() string {
		st, err := f.a.store.Target(context.Background(), name)
		if err != nil {
			t.Fatalf("stored target %s: %v", name, err)
		}
		return st.Target.JSON.Body
	}
	if !strings.Contains(stored(), secretValue) {
		t.Fatalf("stored body %q lacks the key", stored())
	}
	wantShown := `{"api_key": "<redacted>", "query": "acetone", "page": ${page}}`
	for _, role := range []string{"admin", "partner", "regulator"} {
		for _, path := range []string{"/api/v1/targets", "/api/v1/targets/" + name} {
			code, body := f.do(role, "GET", path, "")
			if code != http.StatusOK || strings.Contains(body, secretValue) {
				t.Fatalf("GET %s as %s: %d, want 200 without the key: %s", path, role, code, short(body))
			}
		}
		var ti server.TargetInfo
		f.getJSON(role, "/api/v1/targets/"+name, &ti)
		if ti.Target.JSON.Body != wantShown || ti.Target.JSON.Method != "POST" {
			t.Errorf("GET the target as %s: json %+v, want method POST and body %s", role, ti.Target.JSON, wantShown)
		}
		b := newBrowser(t, f.srv.URL, nil)
		b.signIn(f.tokens[role])
		if code, body, _ := b.get("/targets/edit?name=" + name); code != http.StatusOK || strings.Contains(body, secretValue) || !strings.Contains(html.UnescapeString(body), `"api_key": "<redacted>"`) {
			t.Errorf("UI edit page as %s: %d, want the body shown with the key masked: %s", role, code, short(body))
		}
	}

	// Written back as read, with the query changed: the key stays, and
	// the test of the target as shown sends it (the feed answers 401
	// without it).
	var got server.TargetInfo
	f.getJSON("partner", "/api/v1/targets/"+name, &got)
	got.Target.JSON.Body = strings.Replace(got.Target.JSON.Body, "acetone", "toluene", 1)
	code, body = f.do("partner", "POST", "/api/v1/targets/test", mustJSONString(t, got.Target))
	var rep server.TestReport
	if err := json.Unmarshal([]byte(body), &rep); code != http.StatusOK || err != nil || len(rep.Pages) == 0 || rep.Pages[0].Status != 200 || len(rep.Listings) != 1 {
		t.Errorf("test of the target as read back: %d %s, want the first page 200 with one listing", code, short(body))
	}
	if strings.Contains(body, secretValue) {
		t.Errorf("test report shows the key: %s", short(body))
	}
	if code, body := f.do("partner", "PUT", "/api/v1/targets/"+name, mustJSONString(t, got.Target)); code != http.StatusOK || strings.Contains(body, secretValue) {
		t.Fatalf("PUT the target back as read: %d %s", code, short(body))
	}
	if want := `{"api_key": "` + secretValue + `", "query": "toluene", "page": ${page}}`; stored() != want {
		t.Errorf("stored body after the PUT = %s, want %s", stored(), want)
	}
	if n := wrong(); n != 0 {
		t.Errorf("the feed got %d requests without its key", n)
	}

	// A mask at a place nothing is stored, and a mask sent to a new
	// domain, are refused and change nothing.
	moved := got.Target
	moved.JSON.Body = `{"key": "<redacted>", "page": ${page}}`
	if code, body := f.do("partner", "PUT", "/api/v1/targets/"+name, mustJSONString(t, moved)); code != http.StatusBadRequest || !strings.Contains(body, "at key") {
		t.Errorf("PUT with the mask moved to another key: %d %s, want 400 naming the place", code, body)
	}
	wider := got.Target
	wider.AllowedDomains = append([]string{"elsewhere.example"}, wider.AllowedDomains...)
	if code, body := f.do("admin", "PUT", "/api/v1/targets/"+name, mustJSONString(t, wider)); code != http.StatusBadRequest || !strings.Contains(body, "elsewhere.example") {
		t.Errorf("PUT with the mask and a new allowed domain: %d %s, want 400 naming it", code, body)
	}
	if !strings.Contains(stored(), secretValue) {
		t.Errorf("stored body after refused writes = %s, want the key kept", stored())
	}
}
