package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"github.com/precwatch/precwatch/demo"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// Conformance tests of the second audit: the public contracts of DESIGN.md
// (and the README and docs/SERVER.md that spell them out) as an outside
// tool drives them, each found deviating.

// searchTotal returns the total of GET /api/v1/search?params as role.
func (f *fixture) searchTotal(role, params string) int {
	f.t.Helper()
	var r struct {
		Total int `json:"total"`
	}
	f.getJSON(role, "/api/v1/search?"+params, &r)
	return r.Total
}

// TestConformance2APIFilterScope: "any request outside the caller's scope
// gets 403". A partner or reviewer filtering the search on another
// platform, or tickets, exports, search or runs on another platform's
// target, got 200 with nothing (the tickets' platform= already said 403).
func TestConformance2APIFilterScope(t *testing.T) {
	f := newFixture(t)
	other := url.QueryEscape(otherPlatform)
	for _, c := range []struct{ role, path string }{
		{"partner", "/api/v1/search?q=*&platform=" + other},
		{"reviewer", "/api/v1/search?q=*&platform=" + strings.ToLower(other)},
		{"reviewer", "/api/v1/search?q=*&platform=" + ownPlatform + "," + other},
		{"partner", "/api/v1/search?q=*&target=bazaar"},
		{"partner", "/api/v1/search?q=*&target=Bazaar"},
		{"reviewer", "/api/v1/tickets?target=bazaar"},
		{"partner", "/api/v1/exports/tickets.jsonl?target=bazaar"},
		{"reviewer", "/api/v1/runs?target=bazaar"},
	} {
		code, body := f.do(c.role, "GET", c.path, "")
		if code != http.StatusForbidden || !strings.Contains(body, `"code":"forbidden"`) {
			t.Errorf("GET %s as %s of %s: %d %s, want 403 forbidden", c.path, c.role, ownPlatform, code, short(body))
		}
	}
	// Within the scope, in any case, the filters still work.
	if n := f.searchTotal("partner", "q=*&facets=false&platform="+strings.ToLower(ownPlatform)); n == 0 {
		t.Errorf("search platform=%s as its partner: 0 hits, want its listings", strings.ToLower(ownPlatform))
	}
	if n := f.searchTotal("partner", "q=*&facets=false&target=chemhub"); n == 0 {
		t.Errorf("search target=chemhub as partner of %s: 0 hits, want its listings", ownPlatform)
	}
	var runs struct {
		Runs []json.RawMessage `json:"runs"`
	}
	f.getJSON("reviewer", "/api/v1/runs?target=chemhub", &runs)
	if len(runs.Runs) == 0 {
		t.Errorf("runs?target=chemhub as reviewer of %s: none, want its runs", ownPlatform)
	}
	// Target names are lower case: target=CHEMHUB is chemhub.
	var lower, upper struct {
		Total int `json:"total"`
	}
	f.getJSON("reviewer", "/api/v1/tickets?target=chemhub", &lower)
	f.getJSON("reviewer", "/api/v1/tickets?target=CHEMHUB", &upper)
	if lower.Total == 0 || upper.Total != lower.Total {
		t.Errorf("tickets?target=CHEMHUB: %d, want %d like target=chemhub", upper.Total, lower.Total)
	}
	if code, body := f.do("reviewer", "GET", "/api/v1/runs?target=BAZAAR", ""); code != http.StatusForbidden {
		t.Errorf("runs?target=BAZAAR as reviewer of %s: %d %s, want 403", ownPlatform, code, short(body))
	}
	// A target nobody has is not outside anyone's scope: nothing found.
	if code, body := f.do("reviewer", "GET", "/api/v1/tickets?target=no-such-target", ""); code != http.StatusOK {
		t.Errorf("tickets?target=no-such-target as reviewer: %d %s, want 200", code, short(body))
	}
}

// TestConformance2APISearchFilterValues: the search API's filter
// parameters take values as the query syntax and the ticket filters do —
// platform, substance and list in any case, platforms comma-separated, a
// CAS number without dashes. platform=chemhub, substance=Ephedrine,
// list=Table-I, cas=5449127 and platform=A,B found nothing.
func TestConformance2APISearchFilterValues(t *testing.T) {
	f := newFixture(t)
	for _, c := range []struct{ exact, asTyped string }{
		{"platform=" + ownPlatform, "platform=" + strings.ToLower(ownPlatform)},
		{"platform=" + ownPlatform + "&platform=Tradeport", "platform=" + strings.ToUpper(ownPlatform) + ",Tradeport"},
		{"substance=ephedrine", "substance=Ephedrine"},
		{"list=table-I", "list=Table-I"},
		{"cas=5449-12-7", "cas=5449127"},
		{"indicator=messenger-contact", "indicator=Messenger-Contact"},
	} {
		want := f.searchTotal("regulator", "q=*&facets=false&"+c.exact)
		if want == 0 {
			t.Fatalf("search %s: 0 hits; the fixture should have some", c.exact)
		}
		if got := f.searchTotal("regulator", "q=*&facets=false&"+c.asTyped); got != want {
			t.Errorf("search %s: %d hits, want %d like %s", c.asTyped, got, want, c.exact)
		}
	}
}

// TestConformance2APISearchShape: the API's search answer has the shape of
// DESIGN.md's search JSON, {"total","hits","facets"} with a list per facet
// field, also when nothing is found (facets was left out) or facets=false
// ({}); size=0 (or limit=0) gives the total and facets only, like the
// CLI's --limit 0 (it was 400).
func TestConformance2APISearchShape(t *testing.T) {
	f := newFixture(t)
	type answer struct {
		Total  *int                         `json:"total"`
		Hits   []json.RawMessage            `json:"hits"`
		Facets map[string][]json.RawMessage `json:"facets"`
	}
	get := func(params string) (answer, map[string]json.RawMessage) {
		t.Helper()
		var a answer
		var raw map[string]json.RawMessage
		f.getJSON("regulator", "/api/v1/search?"+params, &a)
		f.getJSON("regulator", "/api/v1/search?"+params, &raw)
		return a, raw
	}
	fields := []string{"substance", "list", "platform", "seller", "location", "indicator"}
	for _, params := range []string{"q=nothingmatchesthisword", "q=*&platform=NoSuchPlatform", "q=ephedrine"} {
		a, raw := get(params)
		if a.Total == nil || a.Hits == nil {
			t.Errorf("search %s: %s, want total and hits", params, short(string(mustJSON(raw))))
		}
		for _, fl := range fields {
			if v, ok := a.Facets[fl]; !ok || v == nil {
				t.Errorf("search %s: facets has no list %q: %s", params, fl, short(string(raw["facets"])))
			}
		}
	}
	_, raw := get("q=ephedrine&facets=false")
	if string(raw["facets"]) != "{}" {
		t.Errorf("search q=ephedrine&facets=false: facets = %s, want {}", raw["facets"])
	}
	for _, params := range []string{"q=ephedrine&size=0", "q=ephedrine&limit=0"} {
		code, body := f.do("regulator", "GET", "/api/v1/search?"+params, "")
		if code != http.StatusOK {
			t.Errorf("search %s: %d %s, want 200 with the total and facets", params, code, short(body))
			continue
		}
		var a answer
		if err := json.Unmarshal([]byte(body), &a); err != nil {
			t.Fatal(err)
		}
		if a.Total == nil || *a.Total == 0 || len(a.Hits) != 0 || len(a.Facets["substance"]) == 0 {
			t.Errorf("search %s: %s, want a total, no hits and facets", params, short(body))
		}
	}
}

// TestConformance2APIExportOrder: the API's exports list tickets in the
// order of `precwatch tickets export`, by id (they came by score, so that
// the same export fetched from the API and the CLI differed); sort= still
// orders them on request.
func TestConformance2APIExportOrder(t *testing.T) {
	f := newFixture(t)
	ids := func(path string) []int {
		t.Helper()
		code, body := f.do("regulator", "GET", path, "")
		if code != http.StatusOK {
			t.Fatalf("GET %s: %d %s", path, code, short(body))
		}
		var out []int
		for i, line := range strings.Split(strings.TrimSpace(body), "\n") {
			if strings.HasSuffix(path, ".csv") {
				if i == 0 {
					continue
				}
				var id int
				fmt.Sscanf(line, "%d,", &id)
				out = append(out, id)
				continue
			}
			var tk struct {
				ID int `json:"id"`
			}
			if err := json.Unmarshal([]byte(line), &tk); err != nil {
				t.Fatalf("GET %s: line %d: %v", path, i+1, err)
			}
			out = append(out, tk.ID)
		}
		return out
	}
	for _, path := range []string{"/api/v1/exports/tickets.jsonl", "/api/v1/exports/tickets.csv"} {
		got := ids(path)
		if len(got) < 2 || !slices.IsSorted(got) {
			t.Errorf("GET %s: ids %v…, want ascending like the CLI's export", path, got[:min(len(got), 10)])
		}
	}
	if got := ids("/api/v1/exports/tickets.jsonl?sort=score"); slices.IsSorted(got) {
		t.Errorf("GET tickets.jsonl?sort=score: ids ascending %v…, want by score", got[:min(len(got), 10)])
	}
}

// TestConformance2APITargetDurations: a target sent as JSON may write its
// durations as the configuration does ("delay": "250ms", "timeout": "20s";
// DESIGN.md's config), besides nanoseconds; they were refused with 400
// "cannot unmarshal string into … time.Duration".
func TestConformance2APITargetDurations(t *testing.T) {
	f := newFixture(t)
	body := `{"name":"chemhub-durations","platform":"` + ownPlatform + `","start_urls":["http://127.0.0.1:9/catalog"],` +
		`"delay":"250ms","timeout":"1m30s","follow":["a.product-link"]}`
	if code, resp := f.do("admin", "POST", "/api/v1/targets", body); code != http.StatusCreated {
		t.Fatalf("POST /api/v1/targets with delay \"250ms\": %d %s, want 201", code, short(resp))
	}
	var got struct {
		Target struct {
			Delay   int64 `json:"delay"`
			Timeout int64 `json:"timeout"`
		} `json:"target"`
	}
	f.getJSON("admin", "/api/v1/targets/chemhub-durations", &got)
	if got.Target.Delay != 250e6 || got.Target.Timeout != 90e9 {
		t.Errorf("target sent with delay \"250ms\", timeout \"1m30s\": delay %d, timeout %d ns, want 250000000, 90000000000", got.Target.Delay, got.Target.Timeout)
	}
	put := strings.Replace(body, `"250ms"`, `2000000000`, 1)
	if code, resp := f.do("partner", "PUT", "/api/v1/targets/chemhub-durations", put); code != http.StatusOK && code != http.StatusCreated {
		t.Fatalf("PUT with delay in nanoseconds: %d %s", code, short(resp))
	}
	f.getJSON("admin", "/api/v1/targets/chemhub-durations", &got)
	if got.Target.Delay != 2e9 {
		t.Errorf("PUT delay 2000000000: delay %d, want 2000000000 (nanoseconds as before)", got.Target.Delay)
	}
	bad := strings.Replace(body, `"250ms"`, `"soon"`, 1)
	if code, resp := f.do("admin", "POST", "/api/v1/targets", strings.Replace(bad, "chemhub-durations", "chemhub-bad", 1)); code != http.StatusBadRequest || !strings.Contains(resp, "delay") {
		t.Errorf("POST with delay \"soon\": %d %s, want 400 naming delay", code, short(resp))
	}
}

// TestConformance2APISearchBooleans: the search API's boolean parameters
// read as booleans: facets=0 and highlight=0 turn them off like "false"
// (only the word "false" did), and a value that is no boolean is 400
// (facets=maybe was taken as true).
func TestConformance2APISearchBooleans(t *testing.T) {
	f := newFixture(t)
	for _, off := range []string{"false", "0", "False", "no", "off"} {
		var r struct {
			Facets map[string]json.RawMessage `json:"facets"`
			Hits   []struct {
				Fragments map[string][]string `json:"fragments"`
			} `json:"hits"`
		}
		f.getJSON("regulator", "/api/v1/search?q=ephedrine&size=3&facets="+off+"&highlight="+off, &r)
		if len(r.Facets) != 0 {
			t.Errorf("search facets=%s: %d facets, want none", off, len(r.Facets))
		}
		for _, h := range r.Hits {
			if len(h.Fragments) != 0 {
				t.Errorf("search highlight=%s: hit with fragments %v, want none", off, h.Fragments)
			}
		}
	}
	var on struct {
		Facets map[string]json.RawMessage `json:"facets"`
	}
	f.getJSON("regulator", "/api/v1/search?q=ephedrine&size=1&facets=1", &on)
	if len(on.Facets) == 0 {
		t.Error("search facets=1: no facets, want them")
	}
	for _, bad := range []string{"facets=maybe", "highlight=2"} {
		if code, body := f.do("regulator", "GET", "/api/v1/search?q=ephedrine&"+bad, ""); code != http.StatusBadRequest || !strings.Contains(body, `"invalid"`) {
			t.Errorf("search %s: %d %s, want 400 invalid", bad, code, short(body))
		}
	}
}

// TestConformance2SeveralStatuses: /api/v1/tickets and the exports take
// status= repeated or comma-separated like platform= (a second status was
// silently ignored, and "open,in_review" was 400), and so does the CLI's
// --status.
func TestConformance2SeveralStatuses(t *testing.T) {
	f := newFixture(t)
	id := f.byPlat[ownPlatform]
	if code, body := f.do("admin", "POST", fmt.Sprintf("/api/v1/tickets/%d/status", id), `{"status":"in_review","reason":"audit"}`); code != http.StatusOK {
		t.Fatalf("set ticket %d in_review: %d %s", id, code, short(body))
	}
	count := func(params string) int {
		var r struct {
			Total int `json:"total"`
		}
		f.getJSON("regulator", "/api/v1/tickets?"+params, &r)
		return r.Total
	}
	open, review := count("status=open"), count("status=in_review")
	if open == 0 || review != 1 {
		t.Fatalf("status=open: %d, status=in_review: %d; want some and 1", open, review)
	}
	for _, params := range []string{"status=open&status=in_review", "status=open,in_review", "status=in_review,%20open"} {
		if got := count(params); got != open+review {
			t.Errorf("GET /api/v1/tickets?%s: %d tickets, want %d", params, got, open+review)
		}
	}
	if code, body := f.do("regulator", "GET", "/api/v1/tickets?status=open,bogus", ""); code != http.StatusBadRequest {
		t.Errorf("status=open,bogus: %d %s, want 400", code, short(body))
	}
	code, out, errs := tkRun(t, "tickets", "export", "--data", f.a.dataDir, "--status", "open,in_review")
	if n := strings.Count(out, "\n"); code != 0 || n != open+review {
		t.Errorf("tickets export --status open,in_review: exit %d, %d lines, want %d; %s", code, n, open+review, errs)
	}
}

// TestConformance2DemoInterrupted: Ctrl-C during the demo's crawl says so
// on stderr (it exited 1 without a word); the next run resumes.
func TestConformance2DemoInterrupted(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var out, errb bytes.Buffer
	env := &Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Getenv: func(string) string { return "" }}
	code := Run(ctx, env, []string{"demo", "--no-serve", "--data", t.TempDir(), "--sites-addr", "127.0.0.1:0"})
	if code == 0 || !strings.Contains(errb.String(), "interrupted") {
		t.Errorf("demo interrupted during the crawl: exit %d, stderr %q; want non-zero and 'interrupted'", code, errb.String())
	}
}

// TestConformance2DemoAddrTaken: demo with an --addr that is taken fails
// at once, before crawling (it crawled the marketplaces, printed the
// summary and only then failed to listen).
func TestConformance2DemoAddrTaken(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	var out, errb bytes.Buffer
	env := &Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Getenv: func(string) string { return "" }}
	code := Run(context.Background(), env, []string{"demo", "--data", t.TempDir(), "--addr", ln.Addr().String()})
	if code == 0 || !strings.Contains(errb.String(), ln.Addr().String()) || strings.Contains(out.String(), "PLATFORM") {
		t.Errorf("demo --addr %s (taken): exit %d, stdout %q, stderr %q; want a failure naming the address before any crawl", ln.Addr(), code, out.String(), errb.String())
	}
}

// TestConformance2TokenCreateNoRole: token create without --role is a
// usage error naming the flag (it said: unknown role "", exit 1).
func TestConformance2TokenCreateNoRole(t *testing.T) {
	dir := t.TempDir()
	code, _, errOut := tkRun(t, "token", "create", "--data", dir)
	if code != 2 || !strings.Contains(errOut, "--role is required") {
		t.Errorf("token create without --role: exit %d, %q; want 2 and '--role is required'", code, errOut)
	}
}

// TestConformance2DemoMetrics: /metrics of a running demo counts the crawl
// the demo made before serving (pages, listings, runs), as it counts every
// crawl serve makes; they were all absent.
func TestConformance2DemoMetrics(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	out, errb := &syncBuffer{}, &syncBuffer{}
	env := &Env{Stdin: strings.NewReader(""), Stdout: out, Stderr: errb, Getenv: func(string) string { return "" }}
	done := make(chan int, 1)
	go func() { done <- Run(ctx, env, []string{"demo", "--data", t.TempDir(), "--addr", "127.0.0.1:0"}) }()
	defer func() {
		cancel()
		select {
		case <-done:
		case <-time.After(hangGuard):
			t.Errorf("demo did not stop within %v", hangGuard)
		}
	}()
	open := regexp.MustCompile(`Open (http://\S+) and sign in`)
	var base string
	for deadline := time.Now().Add(hangGuard); base == "" && time.Now().Before(deadline); {
		if m := open.FindStringSubmatch(out.String()); m != nil {
			base = m[1]
			break
		}
		select {
		case code := <-done:
			t.Fatalf("demo exited with %d: %s", code, errb.String())
		case <-time.After(50 * time.Millisecond):
		}
	}
	if base == "" {
		t.Fatalf("demo did not serve: %s", errb.String())
	}
	resp, err := http.Get(base + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	for _, name := range []string{"precwatch_pages_fetched_total", "precwatch_listings_total", "precwatch_crawl_runs_total", "precwatch_tickets_created_total"} {
		re := regexp.MustCompile(`(?m)^` + name + `\{[^}]*\} ([0-9.e+]+)$`)
		sum := 0.0
		for _, m := range re.FindAllStringSubmatch(string(b), -1) {
			var v float64
			fmt.Sscan(m[1], &v)
			sum += v
		}
		if sum == 0 {
			t.Errorf("/metrics of a demo that crawled: %s is 0 or absent", name)
		}
	}
}

// TestConformance2EvidenceGone: a snapshot whose evidence file was deleted
// (the README's retention advice) is 404 not_found, not 500 internal; and
// the caller's scope is checked first (403 outside it either way).
func TestConformance2EvidenceGone(t *testing.T) {
	f := newFixture(t)
	var d struct {
		Ticket struct {
			EvidenceHash string `json:"evidence_hash"`
		} `json:"ticket"`
	}
	f.getJSON("admin", fmt.Sprintf("/api/v1/tickets/%d", f.byPlat[ownPlatform]), &d)
	if d.Ticket.EvidenceHash == "" {
		t.Fatal("ticket without evidence hash")
	}
	segs, _ := filepath.Glob(filepath.Join(f.a.dataDir, "evidence", "*"))
	removed := 0
	for _, s := range segs {
		if filepath.Base(s) != "index" {
			if err := os.Remove(s); err == nil {
				removed++
			}
		}
	}
	if removed == 0 {
		t.Fatalf("no evidence file to remove in %v", segs)
	}
	path := "/evidence/" + d.Ticket.EvidenceHash
	if code, body := f.do("admin", "GET", path, ""); code != http.StatusNotFound || !strings.Contains(body, "not_found") {
		t.Errorf("GET %s after its file was deleted: %d %s, want 404 not_found", path, code, short(body))
	}
	if code, body := f.do("reviewer-other", "GET", path, ""); code != http.StatusForbidden {
		t.Errorf("GET %s as reviewer of %s: %d %s, want 403", path, otherPlatform, code, short(body))
	}
}

// TestConformance2HelpCommand: `precwatch help COMMAND` shows that
// command's help, like `precwatch COMMAND --help` (it showed the list of
// commands).
func TestConformance2HelpCommand(t *testing.T) {
	for _, args := range [][]string{{"help", "search"}, {"help", "tickets", "export"}, {"help", "token", "create"}} {
		code, out, errOut := runMain(t, args...)
		want := "Usage: precwatch " + strings.Join(args[1:], " ")
		if code != 0 || !strings.Contains(out+errOut, want) {
			t.Errorf("precwatch %s: exit %d, output %q; want 0 and %q", strings.Join(args, " "), code, short(out+errOut), want)
		}
	}
	if code, _, errOut := runMain(t, "help", "no-such-command"); code != 2 {
		t.Errorf("precwatch help no-such-command: exit %d, %q; want 2", code, errOut)
	}
}

// TestConformance2Version: `precwatch version` and `precwatch --version`
// print one line naming precwatch and its version (there was neither).
func TestConformance2Version(t *testing.T) {
	for _, args := range [][]string{{"version"}, {"--version"}} {
		code, out, errOut := runMain(t, args...)
		if code != 0 || !strings.HasPrefix(out, "precwatch ") || strings.Count(out, "\n") != 1 {
			t.Errorf("precwatch %s: exit %d, stdout %q, stderr %q; want one line 'precwatch VERSION …'", args[0], code, out, errOut)
		}
	}
}

// TestConformance2APISearchPaging: a search paged with limit and offset
// (the names /api/v1/tickets uses) answers them back like the tickets'
// {total, limit, offset} (only page and size were given), and the pages
// do not overlap.
func TestConformance2APISearchPaging(t *testing.T) {
	f := newFixture(t)
	type page struct {
		Total  int  `json:"total"`
		Limit  *int `json:"limit"`
		Offset *int `json:"offset"`
		Hits   []struct {
			ID string `json:"id"`
		} `json:"hits"`
	}
	var p1, p2 page
	f.getJSON("regulator", "/api/v1/search?q=*&facets=false&limit=5&offset=0", &p1)
	f.getJSON("regulator", "/api/v1/search?q=*&facets=false&limit=5&offset=5", &p2)
	if p2.Limit == nil || p2.Offset == nil || *p2.Limit != 5 || *p2.Offset != 5 {
		t.Errorf("search limit=5&offset=5: limit %v, offset %v in the answer, want 5 and 5", p2.Limit, p2.Offset)
	}
	if len(p1.Hits) != 5 || len(p2.Hits) != 5 || p1.Total <= 10 {
		t.Fatalf("pages of 5: %d and %d hits of %d", len(p1.Hits), len(p2.Hits), p1.Total)
	}
	seen := map[string]bool{}
	for _, h := range append(p1.Hits, p2.Hits...) {
		if seen[h.ID] {
			t.Errorf("hit %s on both pages", h.ID)
		}
		seen[h.ID] = true
	}
}

// TestConformance2APIPutCreates: PUT /api/v1/targets/{name} of a new
// target answers 201 Created with its Location (it answered 200 as for a
// replacement); replacing answers 200. POST's 201 carries Location too.
func TestConformance2APIPutCreates(t *testing.T) {
	f := newFixture(t)
	body := `{"platform":"` + ownPlatform + `","start_urls":["http://127.0.0.1:9/catalog"]}`
	put := func() (int, string) {
		t.Helper()
		req, _ := http.NewRequest("PUT", f.srv.URL+"/api/v1/targets/chemhub-put", strings.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+f.tokens["partner"])
		req.Header.Set("Content-Type", "application/json")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode, resp.Header.Get("Location")
	}
	if code, loc := put(); code != http.StatusCreated || loc != "/api/v1/targets/chemhub-put" {
		t.Errorf("PUT a new target: %d, Location %q; want 201 and /api/v1/targets/chemhub-put", code, loc)
	}
	if code, _ := put(); code != http.StatusOK {
		t.Errorf("PUT it again: %d, want 200", code)
	}
	req, _ := http.NewRequest("POST", f.srv.URL+"/api/v1/targets", strings.NewReader(strings.Replace(body, "{", `{"name":"chemhub-post",`, 1)))
	req.Header.Set("Authorization", "Bearer "+f.tokens["partner"])
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusCreated || resp.Header.Get("Location") != "/api/v1/targets/chemhub-post" {
		t.Errorf("POST a target: %d, Location %q; want 201 and its Location", resp.StatusCode, resp.Header.Get("Location"))
	}
}

// TestConformance2ContentTypeCase: a JSON body sent as
// "Application/JSON; charset=UTF-8" is JSON (media types are
// case-insensitive; it was refused with 400).
func TestConformance2ContentTypeCase(t *testing.T) {
	f := newFixture(t)
	req, _ := http.NewRequest("POST", fmt.Sprintf("%s/api/v1/tickets/%d/notes", f.srv.URL, f.byPlat[ownPlatform]), strings.NewReader(`{"note":"checked"}`))
	req.Header.Set("Authorization", "Bearer "+f.tokens["reviewer"])
	req.Header.Set("Content-Type", "Application/JSON; charset=UTF-8")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("POST a note with Content-Type Application/JSON; charset=UTF-8: %d %s, want 200", resp.StatusCode, short(string(b)))
	}
}

// TestConformance2StatusWithoutReason: a status change without a reason
// is 400 saying the body wants status and reason (it said "needs an
// actor and a reason", but an API client sends no actor: it is the token).
func TestConformance2StatusWithoutReason(t *testing.T) {
	f := newFixture(t)
	code, body := f.do("reviewer", "POST", fmt.Sprintf("/api/v1/tickets/%d/status", f.byPlat[ownPlatform]), `{"status":"in_review"}`)
	if code != http.StatusBadRequest || !strings.Contains(body, "reason") || strings.Contains(body, "actor") {
		t.Errorf("status without reason: %d %s, want 400 naming the reason, not an actor", code, short(body))
	}
	code, body = f.do("reviewer", "POST", fmt.Sprintf("/api/v1/tickets/%d/notes", f.byPlat[ownPlatform]), `{"note":" "}`)
	if code != http.StatusBadRequest || !strings.Contains(body, "note") || strings.Contains(body, "actor") {
		t.Errorf("empty note: %d %s, want 400 naming the note, not an actor", code, short(body))
	}
}

// TestConformance2HealthzStore: /healthz (no token) answers ok while the
// ticket store answers and 503 once it does not (it said ok regardless).
func TestConformance2HealthzStore(t *testing.T) {
	f := newFixture(t)
	get := func() (int, string) {
		resp, err := http.Get(f.srv.URL + "/healthz")
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		return resp.StatusCode, string(b)
	}
	if code, body := get(); code != http.StatusOK || body != "ok\n" {
		t.Errorf("GET /healthz: %d %q, want 200 ok", code, body)
	}
	f.a.store.Close()
	if code, body := get(); code != http.StatusServiceUnavailable {
		t.Errorf("GET /healthz with the store closed: %d %q, want 503", code, body)
	}
}

// TestConformance2WebhookPlatformCase: a platform's webhook configured
// under another case of its name ("chemhub" for ChemHub, as everything
// else takes platforms in any case) receives its ticket events; they were
// dropped as if no receiver were configured.
func TestConformance2WebhookPlatformCase(t *testing.T) {
	withFastWebhooks(t)
	d, err := demo.Start(t.Context(), demo.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	var mu sync.Mutex
	got := 0
	recv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		got++
		mu.Unlock()
	}))
	defer recv.Close()
	dir := t.TempDir()
	cfgPath := filepath.Join(dir, "precwatch.yaml")
	cfgYAML := string(d.ConfigYAML()) + "platforms:\n  - name: chemhub\n    webhook_url: " + recv.URL + "/hook\n    webhook_secret: s3cret\n"
	if err := os.WriteFile(cfgPath, []byte(cfgYAML), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runMain(t, "crawl", "--config", cfgPath, "--data", filepath.Join(dir, "data"), "--target", "chemhub")
	if code != 0 {
		t.Fatalf("crawl: exit %d\n%s\n%s", code, out, errOut)
	}
	mu.Lock()
	defer mu.Unlock()
	if got == 0 {
		t.Errorf("webhook configured as platform 'chemhub': no event delivered for ChemHub's tickets\n%s", out)
	}
}

// TestConformance2TargetPlatformSpelling: a target created through the API
// with its platform in another case ("chemhub", "CHEMHUB") is ChemHub's,
// as platforms are taken in any case everywhere else; an admin's made a
// separate platform "chemhub" whose tickets ChemHub's partner and
// reviewers could not see, and its partner's was refused (403).
func TestConformance2TargetPlatformSpelling(t *testing.T) {
	f := newFixture(t)
	for _, c := range []struct{ role, name, platform string }{
		{"admin", "lc-admin", strings.ToLower(ownPlatform)},
		{"partner", "lc-partner", strings.ToUpper(ownPlatform)},
	} {
		body := `{"name":"` + c.name + `","platform":"` + c.platform + `","start_urls":["http://127.0.0.1:9/catalog"]}`
		if code, resp := f.do(c.role, "POST", "/api/v1/targets", body); code != http.StatusCreated {
			t.Errorf("POST target with platform %q as %s: %d %s, want 201", c.platform, c.role, code, short(resp))
			continue
		}
		var got struct {
			Target struct{ Platform string } `json:"target"`
		}
		f.getJSON("admin", "/api/v1/targets/"+c.name, &got)
		if got.Target.Platform != ownPlatform {
			t.Errorf("target posted with platform %q as %s: platform %q, want %q", c.platform, c.role, got.Target.Platform, ownPlatform)
		}
	}
}

// TestConformance2SearchBadSortFirst: a wrong --sort is reported as such
// without opening the index (with the index busy or absent, that was the
// error reported instead).
func TestConformance2SearchBadSortFirst(t *testing.T) {
	code, _, errs := runSearchCmd("search", "--data", t.TempDir(), "--sort", "bogus", "ephedrine")
	if code == 0 || !strings.Contains(errs, "--sort") {
		t.Errorf("search --sort bogus on an empty directory: exit %d, %q; want the --sort error", code, errs)
	}
}
