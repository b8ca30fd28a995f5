package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/precwatch/precwatch"
)

var csrfInput = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

// browser is a cookie-keeping client signed in to the fixture's UI.
type browser struct {
	t    *testing.T
	base string
	c    *http.Client
	csrf string
}

func newBrowser(t *testing.T, base string, client *http.Client) *browser {
	jar, _ := cookiejar.New(nil)
	if client == nil {
		client = &http.Client{}
	}
	client.Jar = jar
	client.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	return &browser{t: t, base: base, c: client}
}

func (b *browser) get(path string) (int, string, http.Header) {
	b.t.Helper()
	resp, err := b.c.Get(b.base + path)
	if err != nil {
		b.t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if m := csrfInput.FindStringSubmatch(string(body)); m != nil {
		b.csrf = m[1]
	}
	return resp.StatusCode, string(body), resp.Header
}

func (b *browser) post(path string, form url.Values, hdr map[string]string) (int, string, http.Header) {
	b.t.Helper()
	req, _ := http.NewRequest("POST", b.base+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	resp, err := b.c.Do(req)
	if err != nil {
		b.t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body), resp.Header
}

// signIn signs in with token through the form, as a person would.
func (b *browser) signIn(token string) {
	b.t.Helper()
	if code, _, _ := b.get("/login"); code != 200 {
		b.t.Fatalf("GET /login: %d", code)
	}
	code, body, hdr := b.post("/login", url.Values{"csrf": {b.csrf}, "token": {token}, "next": {"/queue"}}, nil)
	if code != http.StatusSeeOther || hdr.Get("Location") != "/queue" {
		b.t.Fatalf("sign in: %d %s %s", code, hdr.Get("Location"), short(body))
	}
	if code, _, _ := b.get("/queue"); code != 200 {
		b.t.Fatalf("queue after sign-in: %d", code)
	}
}

func TestWebSessionCookie(t *testing.T) {
	f := newFixture(t)
	for _, tls := range []bool{false, true} {
		var base string
		var client *http.Client
		if tls {
			ts := httptest.NewTLSServer(f.server)
			defer ts.Close()
			base, client = ts.URL, ts.Client()
		} else {
			base = f.srv.URL
		}
		b := newBrowser(t, base, client)
		b.get("/login")
		_, _, hdr := b.post("/login", url.Values{"csrf": {b.csrf}, "token": {f.tokens["reviewer"]}}, nil)
		var sess string
		for _, c := range hdr.Values("Set-Cookie") {
			if strings.HasPrefix(c, "pw_session=") {
				sess = c
			}
		}
		if sess == "" {
			t.Fatalf("TLS %v: no session cookie in %v", tls, hdr.Values("Set-Cookie"))
		}
		for _, attr := range []string{"HttpOnly", "SameSite=Strict", "Path=/"} {
			if !strings.Contains(sess, attr) {
				t.Errorf("TLS %v: session cookie %q lacks %s", tls, sess, attr)
			}
		}
		if got := strings.Contains(sess, "Secure"); got != tls {
			t.Errorf("TLS %v: session cookie %q Secure = %v", tls, sess, got)
		}
		if strings.Contains(sess, f.tokens["reviewer"]) || strings.Contains(hdr.Get("Location"), "pw_") {
			t.Errorf("the token leaked into a cookie or URL: %q %q", sess, hdr.Get("Location"))
		}
	}
	// A bad token does not sign in.
	b := newBrowser(t, f.srv.URL, nil)
	b.get("/login")
	if code, body, _ := b.post("/login", url.Values{"csrf": {b.csrf}, "token": {"pw_nope"}}, nil); code != 401 || !strings.Contains(body, "not valid") {
		t.Errorf("bad token: %d", code)
	}
	// Pages need a session.
	if code, _, hdr := newBrowser(t, f.srv.URL, nil).get("/queue"); code != http.StatusSeeOther || !strings.HasPrefix(hdr.Get("Location"), "/login") {
		t.Errorf("GET /queue without a session: %d %s, want a redirect to /login", code, hdr.Get("Location"))
	}
}

// TestCSRF: every state-changing form needs the session's CSRF token; a
// refused post changes nothing.
func TestCSRF(t *testing.T) {
	f := newFixture(t)
	b := newBrowser(t, f.srv.URL, nil)
	b.signIn(f.tokens["partner"])
	id := f.byPlat[ownPlatform]
	b.get(fmt.Sprintf("/tickets/%d", id))
	good := b.csrf
	tk, _ := f.a.store.Ticket(t.Context(), id)
	next := f.b.Transitions()[tk.Status][0]
	forms := []struct {
		path string
		form url.Values
	}{
		{fmt.Sprintf("/tickets/%d/status", id), url.Values{"status": {next}, "reason": {"csrf test"}}},
		{fmt.Sprintf("/tickets/%d/assign", id), url.Values{"assignee": {"mallory"}}},
		{fmt.Sprintf("/tickets/%d/note", id), url.Values{"note": {"forged"}}},
		{"/targets/edit", url.Values{"action": {"save"}, "yaml": {"name: forged\nplatform: ChemHub\nstart_urls: [\"https://chemhub.example/\"]\n"}}},
		{"/targets/chemhub/run", url.Values{}},
		{"/logout", url.Values{}},
	}
	for _, fm := range forms {
		for _, tc := range []struct {
			name  string
			token string
			hdr   map[string]string
		}{
			{"no token", "", nil},
			{"wrong token", "AAAA" + good[4:], nil},
			{"cross-origin", good, map[string]string{"Origin": "http://evil.example"}},
		} {
			before := f.state()
			form := url.Values{}
			for k, v := range fm.form {
				form[k] = v
			}
			if tc.token != "" {
				form.Set("csrf", tc.token)
			}
			code, _, _ := b.post(fm.path, form, tc.hdr)
			if code != http.StatusForbidden {
				t.Errorf("POST %s with %s: %d, want 403", fm.path, tc.name, code)
			}
			f.waitIdle()
			if f.state() != before {
				t.Errorf("POST %s with %s changed the data", fm.path, tc.name)
			}
		}
	}
	// The session still works, and the right token goes through.
	code, _, hdr := b.post(forms[0].path, url.Values{"csrf": {good}, "status": {next}, "reason": {"csrf test"}}, nil)
	if code != http.StatusSeeOther {
		t.Fatalf("POST with the CSRF token: %d", code)
	}
	if tk, _ := f.a.store.Ticket(t.Context(), id); tk.Status != next {
		t.Errorf("status %s after a valid post, want %s (redirect %s)", tk.Status, next, hdr.Get("Location"))
	}
	// Sign-in itself is CSRF-protected (login CSRF).
	b2 := newBrowser(t, f.srv.URL, nil)
	if code, _, _ := b2.post("/login", url.Values{"token": {f.tokens["admin"]}}, nil); code != http.StatusForbidden {
		t.Errorf("sign-in without the login CSRF token: %d, want 403", code)
	}
}

// TestXSS: hostile crawled text in a real stored ticket shows as text on
// every page, and its evidence page is served sandboxed.
func TestXSS(t *testing.T) {
	f := newFixture(t)
	b := newBrowser(t, f.srv.URL, nil)
	b.signIn(f.tokens["admin"])
	pages := []string{
		fmt.Sprintf("/tickets/%d", f.hostile),
		"/search?q=glycidate",
		"/search?q=" + url.QueryEscape("evilchem"),
		"/queue?substance=bmk-glycidic-acid",
		"/queue?seller=" + url.QueryEscape(`"><script>alert(2)</script>`),
	}
	for _, p := range pages {
		code, body, hdr := b.get(p)
		if code != 200 {
			t.Errorf("GET %s: %d", p, code)
			continue
		}
		for _, raw := range []string{"<script>window.__pwned", "<script>alert", `<img src=x onerror`, "<b>$900", `"><script>`} {
			if strings.Contains(body, raw) {
				t.Errorf("GET %s: crawled markup %q reached the page unescaped", p, raw)
			}
		}
		if !strings.Contains(body, "&lt;script&gt;") {
			t.Errorf("GET %s: the hostile title is not shown as text", p)
		}
		if csp := hdr.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") {
			t.Errorf("GET %s: CSP %q", p, csp)
		}
		if strings.Count(body, "<script") > 0 {
			t.Errorf("GET %s: page has a script element", p)
		}
	}
	// Hits are marked on the escaped text of the ticket page.
	_, body, _ := b.get(fmt.Sprintf("/tickets/%d", f.hostile))
	if !regexp.MustCompile(`<mark title="[^"]*">(?:BMK glycidate|5449-12-7)</mark>`).MatchString(body) {
		t.Errorf("ticket page marks no hit:\n%s", short(body[strings.Index(body, "<dl"):]))
	}

	tk, _ := f.a.store.Ticket(t.Context(), f.hostile)
	for _, tc := range []struct{ query, ctype string }{{"", "text/html"}, {"?format=text", "text/plain"}} {
		code, body, hdr := b.get("/evidence/" + tk.EvidenceHash + tc.query)
		if code != 200 {
			t.Fatalf("evidence%s: %d %s", tc.query, code, body)
		}
		csp := hdr.Get("Content-Security-Policy")
		if !strings.Contains(csp, "sandbox") || strings.Contains(csp, "allow-scripts") || !strings.Contains(csp, "default-src 'none'") {
			t.Errorf("evidence%s CSP %q: want sandbox without scripts", tc.query, csp)
		}
		if hdr.Get("X-Content-Type-Options") != "nosniff" || !strings.HasPrefix(hdr.Get("Content-Type"), tc.ctype) {
			t.Errorf("evidence%s headers: %v", tc.query, hdr)
		}
	}
}

// TestUIPagesByRole: every page renders for the roles that may see it and
// is refused to the others.
func TestUIPagesByRole(t *testing.T) {
	f := newFixture(t)
	own := fmt.Sprintf("/tickets/%d", f.byPlat[ownPlatform])
	other := fmt.Sprintf("/tickets/%d", f.byPlat[otherPlatform])
	cases := []struct {
		path string
		want map[string]int
	}{
		{"/search?q=glycidate", map[string]int{"admin": 200, "regulator": 200, "partner": 200, "reviewer": 200}},
		{"/queue", map[string]int{"admin": 200, "regulator": 200, "partner": 200, "reviewer": 200}},
		{own, map[string]int{"admin": 200, "regulator": 200, "partner": 200, "reviewer": 200}},
		{other, map[string]int{"admin": 200, "regulator": 200, "partner": 403, "reviewer": 403}},
		{"/targets", map[string]int{"admin": 200, "regulator": 200, "partner": 200, "reviewer": 403}},
		{"/targets/edit?name=chemhub", map[string]int{"admin": 200, "regulator": 200, "partner": 200, "reviewer": 403}},
		{"/targets/edit?name=" + f.siteName(otherPlatform), map[string]int{"admin": 200, "regulator": 200, "partner": 403, "reviewer": 403}},
		{"/targets/edit", map[string]int{"admin": 200, "regulator": 403, "partner": 200, "reviewer": 403}},
		{"/runs", map[string]int{"admin": 200, "regulator": 200, "partner": 200, "reviewer": 200}},
		{"/export/tickets.csv", map[string]int{"admin": 200, "regulator": 200, "partner": 200, "reviewer": 200}},
		{"/search/export.csv?q=glycidate", map[string]int{"admin": 200, "regulator": 200, "partner": 200, "reviewer": 200}},
	}
	for _, role := range matrixRoles {
		b := newBrowser(t, f.srv.URL, nil)
		b.signIn(f.tokens[role])
		for _, c := range cases {
			code, body, _ := b.get(c.path)
			if code != c.want[role] {
				t.Errorf("GET %s as %s: %d, want %d", c.path, role, code, c.want[role])
			}
			if code == 200 && strings.HasSuffix(strings.SplitN(c.path, "?", 2)[0], ".csv") && role == "partner" && strings.Contains(body, otherPlatform) {
				t.Errorf("GET %s as partner exports another platform", c.path)
			}
		}
	}
}

// TestOpenAPIMatchesRoutes: every API route is documented and every
// documented path and method is routed.
func TestOpenAPIMatchesRoutes(t *testing.T) {
	f := newFixture(t)
	code, body := f.do("regulator", "GET", "/api/v1/openapi.json", "")
	if code != 200 {
		t.Fatalf("openapi.json: %d", code)
	}
	var doc struct {
		OpenAPI string                               `json:"openapi"`
		Paths   map[string]map[string]map[string]any `json:"paths"`
	}
	if err := json.Unmarshal([]byte(body), &doc); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Errorf("openapi version %q", doc.OpenAPI)
	}
	documented := map[string]bool{}
	for p, ops := range doc.Paths {
		for m, op := range ops {
			documented[strings.ToUpper(m)+" "+p] = true
			if _, ok := op["responses"]; !ok {
				t.Errorf("%s %s has no responses", m, p)
			}
		}
	}
	for _, r := range f.server.Routes() {
		if !documented[r] {
			t.Errorf("route %s is not in openapi.json", r)
		}
	}
	fill := strings.NewReplacer("{id}", "999999", "{name}", "no-such-target")
	for key := range documented {
		method, path, _ := strings.Cut(key, " ")
		code, resp := f.do("admin", method, fill.Replace(path), "")
		if code == http.StatusMethodNotAllowed || strings.Contains(resp, "no API route") || strings.Contains(resp, "method_not_allowed") {
			t.Errorf("documented %s %s is not routed: %d %s", method, path, code, short(resp))
		}
	}
	// An undocumented path is not routed (the check above can fail).
	if code, resp := f.do("admin", "GET", "/api/v1/nothing-here", ""); code != 404 || !strings.Contains(resp, "no API route") {
		t.Errorf("GET /api/v1/nothing-here: %d %s", code, resp)
	}
}

// TestMetricsAndHealth: /metrics and /healthz need no token; metrics are
// in the Prometheus text format with the ticket counts of the store.
func TestMetricsAndHealth(t *testing.T) {
	f := newFixture(t)
	f.server.Metrics().ObserveRun(runStats(nil, nil))
	code, body := f.do("", "GET", "/healthz", "")
	if code != 200 || strings.TrimSpace(body) != "ok" {
		t.Errorf("healthz: %d %q", code, body)
	}
	f.do("admin", "GET", "/api/v1/me", "")
	code, body = f.do("", "GET", "/metrics", "")
	if code != 200 {
		t.Fatalf("metrics: %d", code)
	}
	counts, _ := f.a.store.TicketCounts(t.Context(), nil)
	want := []string{
		"# TYPE precwatch_tickets gauge",
		fmt.Sprintf(`precwatch_tickets{status="open"} %d`, counts[precwatch.StatusOpen]),
		"# TYPE precwatch_crawl_duration_seconds histogram",
		`precwatch_crawl_duration_seconds_bucket{le="+Inf"} 1`,
		`precwatch_http_requests_total{code="200"}`,
		"# TYPE precwatch_webhook_deliveries_total counter",
		"precwatch_store_up 1",
	}
	for _, w := range want {
		if !strings.Contains(body, w) {
			t.Errorf("metrics lack %q:\n%s", w, body)
		}
	}
	for _, line := range strings.Split(strings.TrimSpace(body), "\n") {
		if !strings.HasPrefix(line, "#") && !strings.HasPrefix(line, "precwatch_") {
			t.Errorf("metric line %q is not prefixed precwatch_", line)
		}
	}
}
