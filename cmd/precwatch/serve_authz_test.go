package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/precwatch/precwatch"
	"github.com/precwatch/precwatch/tickets"
)

// matrixRoles act on a resource of their own platform (ChemHub) and of
// another (Bazaar Classifieds); admins and regulators have no platform.
var matrixRoles = []string{"admin", "regulator", "partner", "reviewer"}

// Expectations by kind of route.
func all(code int) func(string, bool) int { return func(string, bool) int { return code } }

func scoped(code int) func(string, bool) int {
	return func(role string, own bool) int {
		if role == "admin" || role == "regulator" || own {
			return code
		}
		return http.StatusForbidden
	}
}

func reviewWrite(code int) func(string, bool) int {
	return func(role string, own bool) int {
		switch {
		case role == "admin":
			return code
		case role == "regulator":
			return http.StatusForbidden
		case own:
			return code
		}
		return http.StatusForbidden
	}
}

func targetRead(code int) func(string, bool) int {
	return func(role string, own bool) int {
		switch role {
		case "admin", "regulator":
			return code
		case "partner":
			if own {
				return code
			}
		}
		return http.StatusForbidden
	}
}

func targetWrite(code int) func(string, bool) int {
	return func(role string, own bool) int {
		if role == "admin" || (role == "partner" && own) {
			return code
		}
		return http.StatusForbidden
	}
}

func adminOnly(code int) func(string, bool) int {
	return func(role string, _ bool) int {
		if role == "admin" {
			return code
		}
		return http.StatusForbidden
	}
}

type authzCase struct {
	method  string
	route   string // the route pattern it covers
	path    func(own bool) string
	body    func(own bool) string
	want    func(role string, own bool) int
	write   bool
	perPlat bool // the route acts on one platform's resource: test own and other
}

// platformOf returns the fixture platform for own/other.
func platformOf(own bool) string {
	if own {
		return ownPlatform
	}
	return otherPlatform
}

func (f *fixture) siteURL(platform string) string {
	for _, s := range f.demo.Sites() {
		if s.Platform == platform {
			return s.URL
		}
	}
	f.t.Fatalf("no demo site of %s", platform)
	return ""
}

func (f *fixture) siteName(platform string) string {
	for _, s := range f.demo.Sites() {
		if s.Platform == platform {
			return s.Name
		}
	}
	return ""
}

// apiTarget returns a valid API target of platform named name, crawling
// its demo site.
func (f *fixture) apiTarget(name, platform string) precwatch.Target {
	for _, tg := range f.cfg.Targets {
		if tg.Platform == platform {
			tg.Name, tg.Schedule, tg.MaxPages = name, "", 3
			return tg
		}
	}
	f.t.Fatalf("no demo target of %s", platform)
	return precwatch.Target{}
}

func mustJSONString(t testing.TB, v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// state is everything a refused request must leave untouched.
func (f *fixture) state() string {
	ctx := context.Background()
	var b strings.Builder
	ts, err := f.a.store.Tickets(ctx, tickets.Filter{Sort: tickets.SortID})
	if err != nil {
		f.t.Fatal(err)
	}
	fmt.Fprintln(&b, mustJSONString(f.t, ts))
	for _, id := range []int64{f.byPlat[ownPlatform], f.byPlat[otherPlatform], f.hostile} {
		evs, _ := f.a.store.Events(ctx, id)
		fmt.Fprintln(&b, mustJSONString(f.t, evs))
	}
	st, _ := f.a.store.Targets(ctx, nil)
	fmt.Fprintln(&b, mustJSONString(f.t, st))
	runs, _ := f.a.store.Runs(ctx, nil, 1000)
	fmt.Fprintln(&b, len(runs))
	fmt.Fprintln(&b, extraWatchlists(f.a.dataDir))
	n, _ := f.a.store.PendingCount(ctx)
	fmt.Fprintln(&b, n)
	// A refused request does not even mark its token as used.
	toks, err := f.a.store.Tokens(ctx)
	if err != nil {
		f.t.Fatal(err)
	}
	fmt.Fprintln(&b, mustJSONString(f.t, toks))
	return b.String()
}

// waitIdle waits until no crawl runs.
func (f *fixture) waitIdle() {
	deadline := time.Now().Add(hangGuard)
	for time.Now().Before(deadline) {
		busy := false
		for _, tg := range f.cfg.Targets {
			busy = busy || f.a.monitor.Running(tg.Name)
		}
		if !busy {
			f.b.runs.Wait()
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	f.t.Fatalf("crawl still running after %v", hangGuard)
}

const testWatchlist = `version: 1
substances:
  - id: test-formaldehyde
    name: "Formaldehyde (test list)"
    list: surveillance
    cas: "50-00-0"
    synonyms: ["formalin test"]
`

func (f *fixture) authzCases() []authzCase {
	ctx := context.Background()
	n := 0
	uniq := func(p string) string { n++; return fmt.Sprintf("%s-%d", p, n) }
	ticket := func(own bool) int64 { return f.byPlat[platformOf(own)] }
	// API targets the routes on saved targets work on.
	for _, own := range []bool{true, false} {
		if err := f.a.store.PutTarget(ctx, f.apiTarget("api-"+map[bool]string{true: "own", false: "other"}[own], platformOf(own))); err != nil {
			f.t.Fatal(err)
		}
	}
	apiName := func(own bool) string { return "api-" + map[bool]string{true: "own", false: "other"}[own] }
	statusBody := func(own bool) string {
		tk, err := f.a.store.Ticket(ctx, ticket(own))
		if err != nil {
			f.t.Fatal(err)
		}
		return fmt.Sprintf(`{"status":%q,"reason":"matrix test"}`, tickets.Transitions[tk.Status][0])
	}
	evidence := func(own bool) string {
		id := ticket(own)
		if own {
			id = f.hostile
		}
		tk, err := f.a.store.Ticket(ctx, id)
		if err != nil || tk.EvidenceHash == "" {
			f.t.Fatalf("ticket %d has no evidence (%v)", id, err)
		}
		return "/evidence/" + tk.EvidenceHash
	}
	return []authzCase{
		{method: "GET", route: "/api/v1/me", path: func(bool) string { return "/api/v1/me" }, want: all(200)},
		{method: "GET", route: "/api/v1/search", path: func(bool) string { return "/api/v1/search?q=glycidate" }, want: all(200)},
		{method: "GET", route: "/api/v1/search/export.csv", path: func(bool) string { return "/api/v1/search/export.csv?q=glycidate" }, want: all(200)},
		{method: "GET", route: "/api/v1/search/export.jsonl", path: func(bool) string { return "/api/v1/search/export.jsonl?q=glycidate" }, want: all(200)},
		{method: "GET", route: "/api/v1/tickets", path: func(bool) string { return "/api/v1/tickets?status=open" }, want: all(200)},
		{method: "GET", route: "/api/v1/tickets/{id}", perPlat: true, path: func(own bool) string { return fmt.Sprintf("/api/v1/tickets/%d", ticket(own)) }, want: scoped(200)},
		{method: "GET", route: "/api/v1/tickets/{id}/events", perPlat: true, path: func(own bool) string { return fmt.Sprintf("/api/v1/tickets/%d/events", ticket(own)) }, want: scoped(200)},
		{method: "POST", route: "/api/v1/tickets/{id}/status", perPlat: true, write: true, path: func(own bool) string { return fmt.Sprintf("/api/v1/tickets/%d/status", ticket(own)) }, body: statusBody, want: reviewWrite(200)},
		{method: "POST", route: "/api/v1/tickets/{id}/assign", perPlat: true, write: true, path: func(own bool) string { return fmt.Sprintf("/api/v1/tickets/%d/assign", ticket(own)) }, body: func(bool) string { return fmt.Sprintf(`{"assignee":%q}`, uniq("alice")) }, want: reviewWrite(200)},
		// A bulk change of the own platform's ticket, or of it and one
		// ticket of the other platform: the whole request is refused.
		{method: "POST", route: "/api/v1/tickets/bulk", perPlat: true, write: true, path: func(bool) string { return "/api/v1/tickets/bulk" }, body: func(own bool) string {
			ids := []int64{ticket(true)}
			if !own {
				ids = append(ids, ticket(false))
			}
			return fmt.Sprintf(`{"ids":%s,"assignee":%q}`, mustJSONString(f.t, ids), uniq("bulk"))
		}, want: reviewWrite(200)},
		{method: "POST", route: "/api/v1/tickets/{id}/notes", perPlat: true, write: true, path: func(own bool) string { return fmt.Sprintf("/api/v1/tickets/%d/notes", ticket(own)) }, body: func(bool) string { return `{"note":"looked at it"}` }, want: reviewWrite(200)},
		{method: "GET", route: "/api/v1/targets", path: func(bool) string { return "/api/v1/targets" }, want: func(role string, _ bool) int {
			if role == "reviewer" {
				return 403
			}
			return 200
		}},
		{method: "POST", route: "/api/v1/targets", perPlat: true, write: true, path: func(bool) string { return "/api/v1/targets" }, body: func(own bool) string {
			return mustJSONString(f.t, f.apiTarget(uniq("new"), platformOf(own)))
		}, want: targetWrite(201)},
		{method: "POST", route: "/api/v1/targets/test", perPlat: true, path: func(bool) string { return "/api/v1/targets/test" }, body: func(own bool) string {
			return mustJSONString(f.t, f.apiTarget("probe", platformOf(own)))
		}, want: targetWrite(200)},
		{method: "GET", route: "/api/v1/targets/{name}", perPlat: true, path: func(own bool) string { return "/api/v1/targets/" + f.siteName(platformOf(own)) }, want: targetRead(200)},
		{method: "PUT", route: "/api/v1/targets/{name}", perPlat: true, write: true, path: func(own bool) string { return "/api/v1/targets/" + apiName(own) }, body: func(own bool) string {
			tg := f.apiTarget(apiName(own), platformOf(own))
			tg.Schedule = fmt.Sprintf("@every %dh", 100+n)
			n++
			return mustJSONString(f.t, tg)
		}, want: targetWrite(200)},
		{method: "DELETE", route: "/api/v1/targets/{name}", perPlat: true, write: true, path: func(own bool) string {
			name := uniq("del")
			if err := f.a.store.PutTarget(ctx, f.apiTarget(name, platformOf(own))); err != nil {
				f.t.Fatal(err)
			}
			return "/api/v1/targets/" + name
		}, want: targetWrite(204)},
		{method: "POST", route: "/api/v1/targets/{name}/test", perPlat: true, path: func(own bool) string { return "/api/v1/targets/" + apiName(own) + "/test" }, want: targetWrite(200)},
		{method: "POST", route: "/api/v1/targets/{name}/run", perPlat: true, write: true, path: func(own bool) string { return "/api/v1/targets/" + f.siteName(platformOf(own)) + "/run" }, want: targetWrite(202)},
		{method: "GET", route: "/api/v1/runs", path: func(bool) string { return "/api/v1/runs" }, want: all(200)},
		{method: "GET", route: "/api/v1/watchlist", path: func(bool) string { return "/api/v1/watchlist" }, want: all(200)},
		{method: "POST", route: "/api/v1/watchlist", write: true, path: func(bool) string { return "/api/v1/watchlist?name=" + uniq("extra") }, body: func(bool) string { return testWatchlist }, want: adminOnly(201)},
		{method: "GET", route: "/api/v1/exports/tickets.csv", path: func(bool) string { return "/api/v1/exports/tickets.csv" }, want: all(200)},
		{method: "GET", route: "/api/v1/exports/tickets.jsonl", path: func(bool) string { return "/api/v1/exports/tickets.jsonl" }, want: all(200)},
		{method: "GET", route: "/api/v1/exports/incidents.json", path: func(bool) string { return "/api/v1/exports/incidents.json" }, want: all(200)},
		{method: "GET", route: "/evidence/{hash}", perPlat: true, path: evidence, want: scoped(200)},
		// DESIGN.md: only /healthz and /metrics go without a token; the API
		// description and unknown API paths answer 401 without one.
		{method: "GET", route: "/api/v1/openapi.json", path: func(bool) string { return "/api/v1/openapi.json" }, want: all(200)},
		{method: "GET", route: "/api/v1/no-such-route", path: func(bool) string { return "/api/v1/no-such-route" }, want: all(404)},
		{method: "DELETE", route: "/api/v1/tickets", path: func(bool) string { return "/api/v1/tickets" }, want: all(405)},
		{method: "PATCH", route: "/api/v1/tickets/{id}", perPlat: true, path: func(own bool) string { return fmt.Sprintf("/api/v1/tickets/%d", ticket(own)) }, want: all(405)},
	}
}

// TestAuthorizationMatrix sends every API route as every role, on its own
// platform's resource and on another's, with no token and with a bad one,
// and checks the status and that a refused request changed nothing.
func TestAuthorizationMatrix(t *testing.T) {
	f := newFixture(t)
	cases := f.authzCases()
	covered := map[string]bool{}
	for _, c := range cases {
		covered[c.method+" "+c.route] = true
		for _, own := range []bool{true, false} {
			if !own && !c.perPlat {
				continue
			}
			where := map[bool]string{true: "own", false: "other"}[own]
			for _, who := range []string{"", "bogus"} {
				body := ""
				if c.body != nil {
					body = c.body(own)
				}
				if who == "bogus" {
					f.tokens["bogus"] = "pw_" + strings.Repeat("A", 43)
				}
				path := c.path(own)
				before := f.state()
				code, resp := f.do(who, c.method, path, body)
				if code != http.StatusUnauthorized {
					t.Errorf("%s %s (%s platform) with token %q: %d, want 401 (%s)", c.method, c.route, where, who, code, resp)
				}
				if after := f.state(); after != before {
					t.Errorf("%s %s with token %q was refused but changed the data", c.method, c.route, who)
				}
			}
			for _, role := range matrixRoles {
				want := c.want(role, own)
				body := ""
				if c.body != nil {
					body = c.body(own)
				}
				path := c.path(own)
				before := f.state()
				code, resp := f.do(role, c.method, path, body)
				if code != want {
					t.Errorf("%s %s as %s on %s platform: %d, want %d (%s)", c.method, c.route, role, where, code, want, short(resp))
				}
				if code == http.StatusForbidden && !strings.Contains(resp, `"code":"forbidden"`) && !strings.HasPrefix(c.route, "/evidence") {
					t.Errorf("%s %s as %s: 403 body %s, want a JSON forbidden error", c.method, c.route, role, short(resp))
				}
				f.waitIdle()
				if code >= 400 {
					if after := f.state(); after != before {
						t.Errorf("%s %s as %s on %s platform was refused (%d) but changed the data", c.method, c.route, role, where, code)
					}
				}
			}
		}
	}
	// Every API route of the server is in the matrix.
	for _, r := range append(f.server.Routes(), "GET /evidence/{hash}") {
		if !covered[r] {
			t.Errorf("route %s is not in the authorization matrix", r)
		}
	}
}

func short(s string) string {
	if len(s) > 300 {
		return s[:300] + "…"
	}
	return s
}

// TestScopedReads checks that what a partner or reviewer reads holds only
// their platform, and that a regulator sees every platform.
func TestScopedReads(t *testing.T) {
	f := newFixture(t)
	for _, role := range []string{"partner", "reviewer"} {
		var tl struct {
			Total   int
			Tickets []precwatch.Ticket
		}
		f.getJSON(role, "/api/v1/tickets?limit=1000", &tl)
		if tl.Total == 0 {
			t.Errorf("%s sees no tickets", role)
		}
		for _, tk := range tl.Tickets {
			if tk.Platform != ownPlatform {
				t.Errorf("%s sees ticket %d of %s", role, tk.ID, tk.Platform)
			}
		}
		var sr struct {
			Total  int
			Hits   []struct{ Platform string }
			Facets map[string][]struct{ Term string }
		}
		// Asking for another platform is outside the scope: 403, nothing
		// found (TestConformance2APIFilterScope).
		if code, body := f.do(role, "GET", "/api/v1/search?q=*&size=100&platform="+strings.ReplaceAll(otherPlatform, " ", "+"), ""); code != http.StatusForbidden || strings.Contains(body, "hits") {
			t.Errorf("%s searching platform %s: %d %s, want 403", role, otherPlatform, code, short(body))
		}
		f.getJSON(role, "/api/v1/search?q=*&size=100", &sr)
		for _, h := range sr.Hits {
			if h.Platform != ownPlatform {
				t.Errorf("%s search found a hit of %s", role, h.Platform)
			}
		}
		for _, ft := range sr.Facets["platform"] {
			if ft.Term != ownPlatform {
				t.Errorf("%s search facets name platform %s", role, ft.Term)
			}
		}
		_, csv := f.do(role, "GET", "/api/v1/exports/tickets.csv", "")
		if strings.Contains(csv, otherPlatform) || !strings.Contains(csv, ownPlatform) {
			t.Errorf("%s CSV export crosses platforms or is empty:\n%s", role, short(csv))
		}
		var runs struct{ Runs []struct{ Platform string } }
		f.getJSON(role, "/api/v1/runs", &runs)
		if len(runs.Runs) == 0 {
			t.Errorf("%s sees no runs", role)
		}
		for _, r := range runs.Runs {
			if r.Platform != ownPlatform {
				t.Errorf("%s sees a run of %s", role, r.Platform)
			}
		}
	}
	var targets struct {
		Targets []struct{ Target precwatch.Target }
	}
	f.getJSON("partner", "/api/v1/targets", &targets)
	if len(targets.Targets) == 0 {
		t.Error("partner sees no targets")
	}
	for _, tg := range targets.Targets {
		if tg.Target.Platform != ownPlatform {
			t.Errorf("partner sees target %s of %s", tg.Target.Name, tg.Target.Platform)
		}
	}
	var sr struct {
		Facets map[string][]struct{ Term string }
	}
	f.getJSON("regulator", "/api/v1/search?q=*", &sr)
	if got := len(sr.Facets["platform"]); got != len(f.demo.Sites()) {
		t.Errorf("regulator search covers %d platforms, want %d", got, len(f.demo.Sites()))
	}
}

// TestPartnerTargetRules: a partner cannot move a target to another
// platform, reach private networks where the operator did not allow it,
// or overwrite a configuration target; validation problems are 400.
func TestPartnerTargetRules(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	tok, err := f.a.store.CreateToken(ctx, "partner", "Elsewhere")
	if err != nil {
		t.Fatal(err)
	}
	f.tokens["partner-elsewhere"] = tok
	tg := f.apiTarget("elsewhere-1", ownPlatform)
	tg.Platform = "Elsewhere"
	before := f.state()
	if code, body := f.do("partner-elsewhere", "POST", "/api/v1/targets", mustJSONString(t, tg)); code != 403 {
		t.Errorf("partner of Elsewhere with allow_private_networks: %d %s, want 403", code, body)
	}
	tg.AllowPrivateNetworks = false
	tg.StartURLs = []string{"not a url"}
	if code, body := f.do("partner-elsewhere", "POST", "/api/v1/targets", mustJSONString(t, tg)); code != 400 || !strings.Contains(body, "start_urls") {
		t.Errorf("invalid target: %d %s, want 400 naming start_urls", code, body)
	}
	own := f.apiTarget(f.siteName(ownPlatform), ownPlatform)
	if code, body := f.do("partner", "PUT", "/api/v1/targets/"+own.Name, mustJSONString(t, own)); code != 409 {
		t.Errorf("partner overwriting the config target %s: %d %s, want 409", own.Name, code, body)
	}
	if after := f.state(); after != before {
		t.Error("refused target writes changed the data")
	}
	// Moving an own API target to another platform is refused.
	mine := f.apiTarget("mine", ownPlatform)
	if code, body := f.do("partner", "POST", "/api/v1/targets", mustJSONString(t, mine)); code != 201 {
		t.Fatalf("create: %d %s", code, body)
	}
	mine.Platform = otherPlatform
	if code, _ := f.do("partner", "PUT", "/api/v1/targets/mine", mustJSONString(t, mine)); code != 403 {
		t.Errorf("moving a target to another platform: %d, want 403", code)
	}
	var got struct{ Target precwatch.Target }
	f.getJSON("admin", "/api/v1/targets/mine", &got)
	if got.Target.Platform != ownPlatform {
		t.Errorf("target mine moved to %s", got.Target.Platform)
	}
}

// TestWatchlistUpload: an admin's extra list is validated, stored in the
// data directory and listed; a bad list is refused and not stored.
func TestWatchlistUpload(t *testing.T) {
	f := newFixture(t)
	code, body := f.do("admin", "POST", "/api/v1/watchlist?name=bad", "version: 1\nsubstances:\n  - id: x\n    cas: \"50-00-1\"\n")
	if code != 400 {
		t.Errorf("bad list: %d %s, want 400", code, body)
	}
	code, body = f.do("admin", "POST", "/api/v1/watchlist?name=extra", testWatchlist)
	if code != 201 || !strings.Contains(body, "next start") {
		t.Fatalf("good list: %d %s", code, body)
	}
	if _, err := os.Stat(watchlistDir(f.a.dataDir) + "/extra.yaml"); err != nil {
		t.Errorf("list not stored: %v", err)
	}
	if _, err := os.Stat(watchlistDir(f.a.dataDir) + "/bad.yaml"); err == nil {
		t.Error("bad list stored")
	}
	var wl struct {
		Substances []struct{ ID, CAS, List string }
		Extra      []string `json:"extra_lists"`
	}
	f.getJSON("reviewer", "/api/v1/watchlist", &wl)
	if len(wl.Substances) < 50 || len(wl.Extra) != 1 || wl.Extra[0] != "extra.yaml" {
		t.Errorf("watchlist: %d substances, extra %v", len(wl.Substances), wl.Extra)
	}
}

// TestWatchlistUploadWarnings: an uploaded list that reuses a CAS number
// of another substance is stored (it may be meant), and the answer says
// so with the line, under the name the list is stored as.
func TestWatchlistUploadWarnings(t *testing.T) {
	f := newFixture(t)
	list := "version: 1\nsubstances:\n  - id: my-ephedrine\n    name: Ephedrine (national list)\n    list: table-I\n    cas: \"299-42-3\"\n"
	code, body := f.do("admin", "POST", "/api/v1/watchlist?name=national", list)
	if code != 201 {
		t.Fatalf("list with a shared CAS: %d %s, want 201", code, body)
	}
	var got struct {
		Substances int
		Warnings   []string
	}
	if err := json.Unmarshal([]byte(body), &got); err != nil {
		t.Fatalf("answer %s: %v", body, err)
	}
	if got.Substances != 1 || len(got.Warnings) != 1 ||
		!strings.HasPrefix(got.Warnings[0], "national.yaml:6: warning: substances[0]: CAS 299-42-3 of \"my-ephedrine\" is also that of \"ephedrine\"") {
		t.Errorf("answer %+v, want 1 substance and the shared-CAS warning on national.yaml:6", got)
	}
	code, body = f.do("admin", "POST", "/api/v1/watchlist?name=clean", testWatchlist)
	if code != 201 || !strings.Contains(body, `"warnings":[]`) {
		t.Errorf("clean list: %d %s, want 201 with \"warnings\":[]", code, body)
	}
}

// TestTargetYAMLBody: the API takes a target in the configuration file's
// YAML too, with the defaults filled in.
func TestTargetYAMLBody(t *testing.T) {
	f := newFixture(t)
	y := "name: yaml-one\nplatform: ChemHub\nschedule: \"@every 12h\"\ndelay: 750ms\nstart_urls: [\"https://chemhub.example/catalog\"]\nfollow: [\"a.product\"]\nlisting: {fields: {title: h1}}\n"
	req, _ := http.NewRequest("POST", f.srv.URL+"/api/v1/targets", strings.NewReader(y))
	req.Header.Set("Content-Type", "application/yaml")
	req.Header.Set("Authorization", "Bearer "+f.tokens["partner"])
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 201 {
		t.Fatalf("POST YAML target: %d %s", resp.StatusCode, body)
	}
	st, err := f.a.store.Target(t.Context(), "yaml-one")
	if err != nil {
		t.Fatal(err)
	}
	if st.Target.Delay != 750*time.Millisecond || st.Target.MaxPages == 0 || !st.Target.RespectRobotsTxt || st.Target.UserAgent == "" {
		t.Errorf("stored target %+v: want the delay and the defaults", st.Target)
	}
}

// TestRefusedRequestDoesNotMarkToken checks that a request refused with 403
// leaves even its token's "last used" time alone, and that a request that
// succeeds records it.
func TestRefusedRequestDoesNotMarkToken(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	tok, err := f.a.store.CreateToken(ctx, "reviewer", ownPlatform)
	if err != nil {
		t.Fatal(err)
	}
	f.tokens["fresh-reviewer"] = tok
	lastUsed := func() *time.Time {
		toks, err := f.a.store.Tokens(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return toks[len(toks)-1].LastUsedAt
	}
	if code, resp := f.do("fresh-reviewer", "GET", fmt.Sprintf("/api/v1/tickets/%d", f.byPlat[otherPlatform]), ""); code != http.StatusForbidden {
		t.Fatalf("reviewer reading another platform's ticket: %d, want 403 (%s)", code, short(resp))
	}
	if used := lastUsed(); used != nil {
		t.Errorf("after a refused request the token was marked used at %v", *used)
	}
	if code, resp := f.do("fresh-reviewer", "GET", fmt.Sprintf("/api/v1/tickets/%d", f.byPlat[ownPlatform]), ""); code != http.StatusOK {
		t.Fatalf("reviewer reading its own platform's ticket: %d, want 200 (%s)", code, short(resp))
	}
	if lastUsed() == nil {
		t.Errorf("after a request that succeeded the token is not marked used")
	}
}
