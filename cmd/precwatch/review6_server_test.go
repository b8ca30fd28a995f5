package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/precwatch/precwatch"
	"github.com/precwatch/precwatch/crawler"
	"github.com/precwatch/precwatch/server"
)

// review6Server serves the fixture's backend again with its log in buf.
func review6Server(t *testing.T, f *fixture) (*httptest.Server, *syncBuffer) {
	t.Helper()
	buf := &syncBuffer{}
	srv, err := newServer(f.b, func(o *server.Options) { o.Logger = slog.New(slog.NewTextHandler(buf, nil)) })
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	return ts, buf
}

func review6Get(t *testing.T, base, token, path string) (int, string) {
	t.Helper()
	req, _ := http.NewRequest("GET", base+path, nil)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var b bytes.Buffer
	b.ReadFrom(resp.Body)
	return resp.StatusCode, b.String()
}

// addVersion records a new content version of the hostile listing with a
// new evidence snapshot, as a re-crawl of an edited page would.
func (f *fixture) addVersion(ctx context.Context, desc string) string {
	f.t.Helper()
	hash, err := f.a.crawler.Evidence().Put(crawler.Snapshot{URL: "http://127.0.0.1:1/product/evil", FetchedAt: time.Now(), Status: 200,
		Header: http.Header{"Content-Type": {"text/plain; charset=utf-8"}}, Body: []byte(desc)})
	if err != nil {
		f.t.Fatal(err)
	}
	l := precwatch.Listing{ID: "evil-1", Platform: "ChemHub", Target: "chemhub", URL: "http://127.0.0.1:1/product/evil",
		Title: "BMK glycidate 5449-12-7 wholesale", Description: desc, Seller: "evilchem", FetchedAt: time.Now(), EvidenceHash: hash}
	m := f.a.matcher.Match(&l)
	if _, err := f.a.store.Record(ctx, precwatch.Result{Listing: l, Match: m}, time.Now()); err != nil {
		f.t.Fatal(err)
	}
	return hash
}

// TestReview6EvidenceVersions: every version in a ticket's history opens
// for whoever may see the ticket (H4), and another platform's reviewer gets
// exactly the answer of a hash no ticket cites (L4).
func TestReview6EvidenceVersions(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	f.addVersion(ctx, "Pure BMK glycidate, 25 kg drums, stealth packaging. Telegram @evilchem. Version two.")
	f.addVersion(ctx, "Pure BMK glycidate, 50 kg drums, stealth packaging. Telegram @evilchem. Version three.")
	var d struct {
		Ticket   precwatch.Ticket `json:"ticket"`
		Versions []struct {
			EvidenceHash string `json:"evidence_hash"`
		} `json:"versions"`
	}
	f.getJSON("admin", fmt.Sprintf("/api/v1/tickets/%d", f.hostile), &d)
	if len(d.Versions) < 3 {
		t.Fatalf("ticket %d lists %d versions, want at least 3", f.hostile, len(d.Versions))
	}
	ts, logs := review6Server(t, f)
	const missing = "00000000000000000000000000000000000000000000000000000000000000ff"
	if code, body := review6Get(t, ts.URL, f.tokens["reviewer-other"], "/evidence/"+missing); code != 404 {
		t.Errorf("a hash no ticket cites: %d %s, want 404", code, short(body))
	}
	for i, v := range d.Versions {
		for _, role := range []string{"admin", "regulator", "reviewer", "partner"} {
			if code, body := review6Get(t, ts.URL, f.tokens[role], "/evidence/"+v.EvidenceHash); code != 200 {
				t.Errorf("version %d (%s) as %s: %d %s, want 200", i, v.EvidenceHash, role, code, short(body))
			}
		}
		for _, role := range []string{"reviewer-other", "partner-other"} {
			// Outside the scope: 403 (DESIGN.md, "Roles").
			if code, body := review6Get(t, ts.URL, f.tokens[role], "/evidence/"+v.EvidenceHash); code != 403 {
				t.Errorf("version %d as %s: %d %s, want 403", i, role, code, short(body))
			}
		}
	}
	if !strings.Contains(logs.String(), "scope refusal") || !strings.Contains(logs.String(), "evidence "+d.Versions[0].EvidenceHash+" is outside your platform") {
		t.Errorf("the log does not record the scope refusal:\n%s", logs.String())
	}
	// The UI ticket page lists every version with its link.
	b := newBrowser(t, ts.URL, nil)
	b.signIn(f.tokens["reviewer"])
	code, page, _ := b.get(fmt.Sprintf("/tickets/%d", f.hostile))
	if code != 200 {
		t.Fatalf("ticket page: %d", code)
	}
	for i, v := range d.Versions {
		if v.EvidenceHash != "" && !strings.Contains(page, `href="/evidence/`+v.EvidenceHash+`"`) {
			t.Errorf("ticket page has no link to version %d (%s)", i, v.EvidenceHash)
		}
		if code, body, _ := b.get("/evidence/" + v.EvidenceHash); code != 200 {
			t.Errorf("UI session: version %d: %d %s", i, code, short(body))
		}
	}
}

// TestReview6ScopeRefusals: another platform's ticket and target answer 403
// (DESIGN.md, "Roles"), without naming that platform, for reads and writes,
// a missing one 404, and the log says it was a scope refusal.
func TestReview6ScopeRefusals(t *testing.T) {
	f := newFixture(t)
	ts, logs := review6Server(t, f)
	other := f.byPlat[otherPlatform]
	var otherTarget string
	for _, tg := range f.cfg.Targets {
		if tg.Platform == otherPlatform {
			otherTarget = tg.Name
		}
	}
	if otherTarget == "" || other == 0 {
		t.Fatalf("fixture has no %s target or ticket", otherPlatform)
	}
	do := func(role, method, path, body string) (int, string) {
		req, _ := http.NewRequest(method, ts.URL+path, strings.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+f.tokens[role])
		if body != "" {
			req.Header.Set("Content-Type", "application/json")
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var b bytes.Buffer
		b.ReadFrom(resp.Body)
		return resp.StatusCode, b.String()
	}
	const missingID, missingTarget = 99999999, "no-such-target-r6"
	status := `{"status":"in_review","reason":"x"}`
	cases := []struct {
		role, method, path, missingPath, body string
	}{
		{"reviewer", "GET", fmt.Sprintf("/api/v1/tickets/%d", other), fmt.Sprintf("/api/v1/tickets/%d", missingID), ""},
		{"reviewer", "GET", fmt.Sprintf("/api/v1/tickets/%d/events", other), fmt.Sprintf("/api/v1/tickets/%d/events", missingID), ""},
		{"reviewer", "POST", fmt.Sprintf("/api/v1/tickets/%d/status", other), fmt.Sprintf("/api/v1/tickets/%d/status", missingID), status},
		{"partner", "POST", fmt.Sprintf("/api/v1/tickets/%d/notes", other), fmt.Sprintf("/api/v1/tickets/%d/notes", missingID), `{"note":"x"}`},
		{"partner", "GET", "/api/v1/targets/" + otherTarget, "/api/v1/targets/" + missingTarget, ""},
		{"partner", "DELETE", "/api/v1/targets/" + otherTarget, "/api/v1/targets/" + missingTarget, ""},
		{"partner", "POST", "/api/v1/targets/" + otherTarget + "/run", "/api/v1/targets/" + missingTarget + "/run", ""},
		{"partner", "POST", "/api/v1/targets/" + otherTarget + "/test", "/api/v1/targets/" + missingTarget + "/test", ""},
	}
	for _, c := range cases {
		code, body := do(c.role, c.method, c.path, c.body)
		mcode, mbody := do(c.role, c.method, c.missingPath, c.body)
		// DESIGN.md, "Roles": outside the caller's scope is 403; a
		// resource that does not exist is 404.
		if code != 403 || mcode != 404 || strings.Contains(body, otherPlatform) {
			t.Errorf("%s %s as %s: %d %s; missing one: %d %s; want 403 (not naming the platform) and 404", c.method, c.path, c.role, code, body, mcode, mbody)
		}
	}
	if n := strings.Count(logs.String(), "scope refusal"); n < len(cases) {
		t.Errorf("the log has %d scope refusal lines, want %d:\n%s", n, len(cases), logs.String())
	}
	// The UI's ticket page and target editor too.
	b := newBrowser(t, ts.URL, nil)
	b.signIn(f.tokens["partner"])
	for _, pair := range [][2]string{
		{fmt.Sprintf("/tickets/%d", other), fmt.Sprintf("/tickets/%d", missingID)},
		{"/targets/edit?name=" + otherTarget, "/targets/edit?name=" + missingTarget},
	} {
		code, _, _ := b.get(pair[0])
		mcode, _, _ := b.get(pair[1])
		if code != 403 || mcode != 404 {
			t.Errorf("UI %s: %d, missing %s: %d; want 403 and 404", pair[0], code, pair[1], mcode)
		}
	}

}

// TestReview6UnknownParams: a misspelt or unknown query parameter is 400
// invalid naming it and the closest known one, on every API route that
// takes query parameters (M5); it never widens an export.
func TestReview6UnknownParams(t *testing.T) {
	f := newFixture(t)
	cases := []struct{ path, unknown, suggest string }{
		{"/api/v1/exports/tickets.csv?platfrom=ChemHub", "platfrom", "platform"},
		{"/api/v1/exports/tickets.jsonl?stauts=open", "stauts", "status"},
		{"/api/v1/exports/incidents.json?sellr=x", "sellr", "seller"},
		{"/api/v1/tickets?stauts=confirmed", "stauts", "status"},
		{"/api/v1/search?substnace=ephedrine", "substnace", "substance"},
		{"/api/v1/search?q=x&pgae=2", "pgae", "page"},
		{"/api/v1/runs?targte=chemhub", "targte", "target"},
		{"/api/v1/search?zzzqqq=1", "zzzqqq", ""},
		{"/api/v1/tickets/1?verbose=1", "verbose", ""},
	}
	for _, c := range cases {
		for _, role := range []string{"admin", "reviewer"} {
			code, body := f.do(role, "GET", c.path, "")
			if code != 400 || !strings.Contains(body, `"code":"invalid"`) || !strings.Contains(body, `\"`+c.unknown+`\"`) {
				t.Errorf("GET %s as %s: %d %s, want 400 invalid naming %q", c.path, role, code, short(body), c.unknown)
				continue
			}
			if c.suggest != "" && !strings.Contains(body, `did you mean \"`+c.suggest+`\"`) {
				t.Errorf("GET %s as %s: %s, want the suggestion %q", c.path, role, short(body), c.suggest)
			}
		}
	}
	// Known parameters still work, in the spellings the docs give.
	for _, path := range []string{
		"/api/v1/exports/tickets.csv?platform=ChemHub&status=open,in_review&sort=id",
		"/api/v1/tickets?status=open&limit=5&offset=0&min_score=0.1&since=2020-01-01",
		"/api/v1/search?q=glycidate&page=1&size=5&facets=false&highlight=true&platform=ChemHub&cas=5449-12-7",
		"/api/v1/runs?limit=3&target=chemhub",
	} {
		if code, body := f.do("admin", "GET", path, ""); code != 200 {
			t.Errorf("GET %s: %d %s, want 200", path, code, short(body))
		}
	}
	// The web UI's own links keep working (its pages send their own parameters).
	b := newBrowser(t, f.srv.URL, nil)
	b.signIn(f.tokens["admin"])
	for _, path := range []string{"/search?q=glycidate&platform=ChemHub&page=2&sort=date", "/queue?status=open&done=x", "/search/export.csv?q=glycidate"} {
		if code, body, _ := b.get(path); code != 200 {
			t.Errorf("UI GET %s: %d %s", path, code, short(body))
		}
	}
}

// TestReview6SearchExportEverything: a search export holds every hit, past
// the old 10,000-row cap, through the UI and through the API with a Bearer
// token (CSV and JSON lines), scoped like search (M2).
func TestReview6SearchExportEverything(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	const extra = 10_050
	batch := make([]precwatch.Result, 0, 2000)
	now := time.Now()
	for i := 0; i < extra; i++ {
		l := precwatch.Listing{ID: fmt.Sprintf("bulk-%05d", i), Platform: ownPlatform, Target: "chemhub",
			URL: fmt.Sprintf("http://127.0.0.1:1/product/bulk-%05d", i), Title: "Ephedrine HCl bulk lot", Seller: "bulk-seller", FetchedAt: now}
		batch = append(batch, precwatch.Result{Listing: l, Match: precwatch.Match{ID: l.ID, Score: 0.4,
			Substances: []precwatch.SubstanceMatch{{ID: "ephedrine", Name: "Ephedrine", CAS: "299-42-3", List: precwatch.ListTableI}}}})
		if len(batch) == cap(batch) || i == extra-1 {
			if err := f.a.index.Put(ctx, batch, now); err != nil {
				t.Fatal(err)
			}
			batch = batch[:0]
		}
	}
	var all struct {
		Total int `json:"total"`
	}
	f.getJSON("admin", "/api/v1/search?q=seller:bulk-seller&size=0", &all)
	if all.Total != extra {
		t.Fatalf("search seller:bulk-seller: %d hits, want %d", all.Total, extra)
	}
	ids := func(name, body string, csvRows bool) map[string]int {
		seen := map[string]int{}
		for i, line := range strings.Split(strings.TrimSpace(body), "\n") {
			if csvRows && i == 0 {
				continue
			}
			var id string
			if csvRows {
				id, _, _ = strings.Cut(line, ",")
			} else {
				var h struct {
					ID string `json:"id"`
				}
				if err := json.Unmarshal([]byte(line), &h); err != nil {
					t.Fatalf("%s line %d: %v", name, i, err)
				}
				id = h.ID
			}
			seen[id]++
		}
		return seen
	}
	check := func(name string, code int, body string, hdr http.Header, csvRows bool, want int) {
		t.Helper()
		if code != 200 {
			t.Fatalf("%s: %d %s", name, code, short(body))
		}
		seen := ids(name, body, csvRows)
		if len(seen) != want {
			t.Errorf("%s: %d distinct hits, want %d", name, len(seen), want)
		}
		for id, n := range seen {
			if n != 1 {
				t.Errorf("%s: hit %s %d times", name, id, n)
			}
		}
		if got := hdr.Get("X-Precwatch-Total"); got != fmt.Sprint(want) {
			t.Errorf("%s: X-Precwatch-Total %q, want %d", name, got, want)
		}
	}
	// The UI's Export CSV link.
	b := newBrowser(t, f.srv.URL, nil)
	b.signIn(f.tokens["admin"])
	code, body, hdr := b.get("/search/export.csv?q=seller:bulk-seller&page=3")
	check("UI export", code, body, hdr, true, extra)
	// The API with a Bearer token, CSV and JSON lines.
	for _, c := range []struct {
		path string
		csv  bool
	}{{"/api/v1/search/export.csv?q=seller:bulk-seller", true}, {"/api/v1/search/export.jsonl?q=seller:bulk-seller&sort=date", false}} {
		req, _ := http.NewRequest("GET", f.srv.URL+c.path, nil)
		req.Header.Set("Authorization", "Bearer "+f.tokens["admin"])
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		buf.ReadFrom(resp.Body)
		resp.Body.Close()
		check(c.path, resp.StatusCode, buf.String(), resp.Header, c.csv, extra)
	}
	// Scoped like search: another platform's reviewer exports none of them,
	// and naming another platform is refused as in search.
	code2, body2 := f.do("reviewer-other", "GET", "/api/v1/search/export.jsonl?q=seller:bulk-seller", "")
	if code2 != 200 || strings.TrimSpace(body2) != "" {
		t.Errorf("reviewer of %s: %d %s, want 200 and no hit", otherPlatform, code2, short(body2))
	}
	if code, body := f.do("reviewer-other", "GET", "/api/v1/search/export.csv?platform="+ownPlatform, ""); code != 403 {
		t.Errorf("reviewer of %s naming %s: %d %s, want 403", otherPlatform, ownPlatform, code, short(body))
	}
	if code, body := f.do("admin", "GET", "/api/v1/search/export.csv?page=2", ""); code != 400 {
		t.Errorf("export with page=: %d %s, want 400 (an export has no pages)", code, short(body))
	}

	// M3: above 10,000 hits the facets are flagged as estimates, and
	// exact_facets=true counts them.
	type facets struct {
		Total       int  `json:"total"`
		Approximate bool `json:"facets_approximate"`
		Facets      map[string][]struct {
			Term  string `json:"term"`
			Count int    `json:"count"`
		} `json:"facets"`
	}
	sellerCount := func(r facets) int {
		for _, ft := range r.Facets["seller"] {
			if ft.Term == "bulk-seller" {
				return ft.Count
			}
		}
		return -1
	}
	var est, exact facets
	f.getJSON("admin", "/api/v1/search?q=*&size=0", &est)
	if !est.Approximate {
		t.Errorf("search * over %d hits: facets_approximate false, want true", est.Total)
	}
	f.getJSON("admin", "/api/v1/search?q=*&size=0&exact_facets=true", &exact)
	if exact.Approximate || sellerCount(exact) != extra {
		t.Errorf("search * exact_facets=true: approximate %v, bulk-seller %d, want false and %d", exact.Approximate, sellerCount(exact), extra)
	}
	_, page, _ := b.get("/search?q=*")
	if !strings.Contains(page, `id="exact-facets"`) || !strings.Contains(page, "exact_facets=true") {
		t.Errorf("search page over %d hits: no Count exactly link", est.Total)
	}
}

// TestReview6SaltCASFindsSubstance: a CAS query finds the listings where
// the number was seen and the listings of the substance it belongs to (a
// salt's CAS its parent), through the cas= filter, cas: in the query
// string, and precwatch search (M1).
func TestReview6SaltCASFindsSubstance(t *testing.T) {
	f := newFixture(t)
	total := func(path string) (int, map[string]bool) {
		t.Helper()
		var r struct {
			Total int `json:"total"`
			Hits  []struct {
				ID string `json:"id"`
			} `json:"hits"`
		}
		f.getJSON("admin", path, &r)
		ids := map[string]bool{}
		for _, h := range r.Hits {
			ids[h.ID] = true
		}
		return r.Total, ids
	}
	for _, c := range []struct{ cas, substance string }{
		{"5449-12-7", "bmk-glycidic-acid"}, // BMK glycidic acid sodium salt → BMK glycidic acid
		{"50-98-6", "ephedrine"},           // ephedrine hydrochloride → ephedrine
		{"299-42-3", "ephedrine"},          // the parent's own number
	} {
		subN, subIDs := total("/api/v1/search?size=100&substance=" + c.substance)
		if subN == 0 {
			t.Fatalf("the fixture has no %s listing", c.substance)
		}
		for _, path := range []string{
			"/api/v1/search?size=100&cas=" + c.cas,
			"/api/v1/search?size=100&cas=" + strings.ReplaceAll(c.cas, "-", ""),
			"/api/v1/search?size=100&q=cas:" + c.cas,
			"/api/v1/search?size=100&q=" + c.cas,
		} {
			n, ids := total(path)
			if n < subN {
				t.Errorf("GET %s: %d hits, want at least the %d of substance=%s", path, n, subN, c.substance)
			}
			for id := range subIDs {
				if !ids[id] && len(ids) == n {
					t.Errorf("GET %s: misses %s, a listing of %s", path, id, c.substance)
				}
			}
		}
	}
	// The CLI's search says the same.
	bmkN, _ := total("/api/v1/search?size=0&substance=bmk-glycidic-acid")
	dir := f.a.dataDir
	f.srv.Close()
	f.a.Close()
	var out, errb bytes.Buffer
	env := &Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Getenv: func(string) string { return "" }}
	if code := Run(context.Background(), env, []string{"search", "--data", dir, "--limit", "0", "cas:5449-12-7"}); code != 0 {
		t.Fatalf("precwatch search: exit %d\n%s", code, errb.String())
	}
	var cli struct {
		Total int `json:"total"`
	}
	if err := json.Unmarshal(out.Bytes(), &cli); err != nil {
		t.Fatalf("precwatch search output %q: %v", out.String(), err)
	}
	if cli.Total < bmkN {
		t.Errorf("precwatch search cas:5449-12-7: %d hits, want at least the %d BMK glycidic acid listings", cli.Total, bmkN)
	}
}

// TestReview6SearchHitsLinkAndMarkMatches: the search page links a hit to
// its ticket and evidence, and marks the spans the stored match gives (the
// CAS number and the substance name), not only the query's terms, with
// every crawled byte escaped (L5).
func TestReview6SearchHitsLinkAndMarkMatches(t *testing.T) {
	f := newFixture(t)
	tk, err := f.a.store.Ticket(context.Background(), f.hostile)
	if err != nil || tk.EvidenceHash == "" {
		t.Fatalf("hostile ticket %d: %v, evidence %q", f.hostile, err, tk.EvidenceHash)
	}
	b := newBrowser(t, f.srv.URL, nil)
	b.signIn(f.tokens["reviewer"])
	code, page, _ := b.get("/search?q=telegram+evilchem&platform=" + ownPlatform)
	if code != 200 {
		t.Fatalf("search page: %d %s", code, short(page))
	}
	for _, want := range []string{
		fmt.Sprintf(`href="/tickets/%d"`, f.hostile),
		`href="/evidence/` + tk.EvidenceHash + `"`,
		`>5449-12-7</mark>`,                             // the CAS number the matcher found (the query is "telegram evilchem")
		`>BMK glycidate</mark>`,                         // the substance name it found
		`&lt;script&gt;window.__pwned=1&lt;/script&gt;`, // crawled text escaped
	} {
		if !strings.Contains(page, want) {
			t.Errorf("search page lacks %s", want)
		}
	}
	if !regexp.MustCompile(`<mark[^>]*>[^<]*telegram`).MatchString(page) { // the query's term (with the indicator it is part of)
		t.Errorf("search page does not mark the query's term telegram")
	}
	for _, bad := range []string{"<script>window.__pwned", `onerror="window.__pwned`, "<script>alert(1)"} {
		if strings.Contains(page, bad) {
			t.Errorf("search page holds live crawled HTML %q", bad)
		}
	}
	// The API's hits carry the same links.
	var api struct {
		Hits []struct {
			ListingID string `json:"listing_id"`
			TicketID  int64  `json:"ticket_id"`
			Ticket    string `json:"ticket_url"`
			Evidence  string `json:"evidence_url"`
		} `json:"hits"`
	}
	f.getJSON("reviewer", "/api/v1/search?q=telegram+evilchem", &api)
	found := false
	for _, h := range api.Hits {
		if h.ListingID == "evil-1" {
			found = true
			if h.TicketID != f.hostile || h.Ticket != fmt.Sprintf("/api/v1/tickets/%d", f.hostile) || h.Evidence != "/evidence/"+tk.EvidenceHash {
				t.Errorf("API hit evil-1: ticket %d %q evidence %q, want %d and /evidence/%s", h.TicketID, h.Ticket, h.Evidence, f.hostile, tk.EvidenceHash)
			}
		}
	}
	if !found {
		t.Errorf("API search telegram evilchem: no hit evil-1 in %+v", api.Hits)
	}
	// The links open for this reviewer.
	if code, body, _ := b.get(fmt.Sprintf("/tickets/%d", f.hostile)); code != 200 {
		t.Errorf("ticket link: %d %s", code, short(body))
	}
	if code, body, _ := b.get("/evidence/" + tk.EvidenceHash); code != 200 {
		t.Errorf("evidence link: %d %s", code, short(body))
	}
}
