package main

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/precwatch/precwatch"
)

// Conformance tests: the public contracts of DESIGN.md as an outside tool
// drives them, each found deviating by a fresh-eyes audit.

// TestConformanceSearchFacetsByDefault: DESIGN.md's search JSON is
// {"total","hits","facets":{…}}; the facets were empty unless --facets.
func TestConformanceSearchFacetsByDefault(t *testing.T) {
	data := mustSearchData(t)
	code, out, errs := runSearchCmd("search", "--data", data, "ephedrine")
	if code != 0 {
		t.Fatalf("search ephedrine: exit %d: %s", code, errs)
	}
	var got struct {
		Total  int                          `json:"total"`
		Facets map[string][]json.RawMessage `json:"facets"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("search ephedrine: output is not JSON: %v\n%s", err, out)
	}
	for _, f := range []string{"substance", "list", "platform", "seller", "location", "indicator"} {
		if len(got.Facets[f]) == 0 {
			t.Errorf("search ephedrine (no --facets): facet %q empty, want counts; facets = %v", f, got.Facets)
		}
	}
	code, out, errs = runSearchCmd("search", "--data", data, "--facets=false", "ephedrine")
	if code != 0 {
		t.Fatalf("search --facets=false: exit %d: %s", code, errs)
	}
	got.Facets = nil
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if got.Facets == nil || len(got.Facets) != 0 {
		t.Errorf("search --facets=false: facets = %v, want {}", got.Facets)
	}
}

// TestConformanceTextTimestamps: the text outputs write times in RFC 3339
// UTC, like the JSON and CSV ones (they wrote "2026-03-01 12:00" and
// "2026-03-01 12:00:00", without a zone).
func TestConformanceTextTimestamps(t *testing.T) {
	dir := tkFixture(t)
	if code, _, errOut := tkRun(t, "tickets", "set-status", "--data", dir, "--actor", "ann", "--reason", "look", "1", "in_review"); code != 0 {
		t.Fatalf("set-status: %s", errOut)
	}
	bare := regexp.MustCompile(`\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2})?`)
	rfc := regexp.MustCompile(`^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z`)
	for _, args := range [][]string{
		{"tickets", "list", "--data", dir},
		{"tickets", "show", "--data", dir, "1"},
		{"token", "create", "--data", dir, "--role", "admin"},
		{"token", "list", "--data", dir},
	} {
		code, out, errOut := tkRun(t, args...)
		if code != 0 {
			t.Fatalf("precwatch %s: exit %d: %s", strings.Join(args, " "), code, errOut)
		}
		n := 0
		for _, loc := range bare.FindAllStringIndex(out, -1) {
			n++
			if got := out[loc[0]:]; !rfc.MatchString(got) {
				t.Errorf("precwatch %s: time %q is not RFC 3339 UTC (2006-01-02T15:04:05Z)", strings.Join(args, " "), got[:min(len(got), 25)])
			}
		}
		if n == 0 && args[1] != "create" {
			t.Errorf("precwatch %s: no time in the output:\n%s", strings.Join(args, " "), out)
		}
	}
	data := mustSearchData(t)
	code, out, errs := runSearchCmd("search", "--data", data, "--format", "text", "ephedrine")
	if code != 0 {
		t.Fatalf("search --format text: exit %d: %s", code, errs)
	}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if !regexp.MustCompile(`\t?\s\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z\s`).MatchString(line) {
			t.Errorf("search --format text: line %q has no RFC 3339 UTC last-seen time", line)
		}
	}
}

// TestConformanceAPIFlaggedVersion: GET /api/v1/tickets/{id} of a ticket
// whose listing was edited into something harmless carries the flagged
// version ("flagged") beside the edit ("listing", "match").
func TestConformanceAPIFlaggedVersion(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	st, err := f.a.store.ListingState(ctx, "ChemHub", "evil-1")
	if err != nil {
		t.Fatal(err)
	}
	r := st.Result
	r.Listing.Title, r.Listing.Description, r.Listing.ContentHash = "Magnetic stirrer", "Lab equipment, bank transfer.", ""
	r.Match = f.a.matcher.Match(&r.Listing)
	if r.Match.Suspicious {
		t.Fatalf("edited listing is suspicious: %+v", r.Match)
	}
	if _, err := f.a.store.Record(ctx, r, time.Now()); err != nil {
		t.Fatal(err)
	}
	code, body := f.do("reviewer", "GET", fmt.Sprintf("/api/v1/tickets/%d", f.hostile), "")
	if code != http.StatusOK {
		t.Fatalf("GET ticket %d: %d %s", f.hostile, code, short(body))
	}
	var d struct {
		Ticket   precwatch.Ticket  `json:"ticket"`
		Listing  precwatch.Listing `json:"listing"`
		Flagged  *precwatch.Result `json:"flagged"`
		Versions []struct {
			EvidenceHash string    `json:"evidence_hash"`
			FirstSeen    time.Time `json:"first_seen"`
		} `json:"versions"`
	}
	if err := json.Unmarshal([]byte(body), &d); err != nil {
		t.Fatal(err)
	}
	if d.Listing.Title != "Magnetic stirrer" || d.Flagged == nil || len(d.Flagged.Match.Substances) == 0 ||
		d.Flagged.Listing.Title != hostileTitle || d.Ticket.Title != hostileTitle || len(d.Ticket.Substances) == 0 {
		t.Errorf("ticket detail after a harmless edit: ticket %q %v, listing %q, flagged %+v; want the edit as listing and the flagged version kept",
			d.Ticket.Title, d.Ticket.Substances, d.Listing.Title, d.Flagged)
	}
	if len(d.Versions) != 2 {
		t.Errorf("ticket detail versions = %+v, want the evidence history of 2 versions", d.Versions)
	}
	// The web page shows the flagged version and says what it is now.
	b := newBrowser(t, f.srv.URL, nil)
	b.signIn(f.tokens["reviewer"])
	code, page, _ := b.get(fmt.Sprintf("/tickets/%d", f.hostile))
	if code != http.StatusOK || !strings.Contains(page, `id="edited"`) || !strings.Contains(page, "now “Magnetic stirrer”") ||
		!strings.Contains(page, "BMK") {
		t.Errorf("ticket page after a harmless edit: %d, want the edit named and the flagged substances:\n%s", code, short(page))
	}
}

// TestConformanceSearchNegativeWord: a MUST NOT clause on the command line
// is a query word, not an unknown flag ("flag provided but not defined:
// -platform:ChemHub").
func TestConformanceSearchNegativeWord(t *testing.T) {
	data := mustSearchData(t)
	count := func(args ...string) int {
		t.Helper()
		code, out, errs := runSearchCmd(append([]string{"search", "--data", data}, args...)...)
		if code != 0 {
			t.Fatalf("search %v: exit %d: %s", args, code, errs)
		}
		var got struct {
			Total int `json:"total"`
		}
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatalf("search %v: %v", args, err)
		}
		return got.Total
	}
	all, chem := count("*"), count("platform:ChemHub")
	if chem == 0 || chem == all {
		t.Fatalf("fixture: %d hits, %d on ChemHub", all, chem)
	}
	if got := count("-platform:ChemHub"); got != all-chem {
		t.Errorf("search -platform:ChemHub: %d hits, want %d", got, all-chem)
	}
	if got := count("ephedrine", "--limit", "2", "-platform:ChemHub"); got != count("+ephedrine -platform:ChemHub") {
		t.Errorf("search ephedrine --limit 2 -platform:ChemHub: %d hits, want %d", got, count("+ephedrine -platform:ChemHub"))
	}
	if got := count("--limit", "2", "*", "-platform:ChemHub", "--format", "json"); got != all-chem {
		t.Errorf("search --limit 2 * -platform:ChemHub --format json: %d hits, want %d", got, all-chem)
	}
	if code, _, errs := runSearchCmd("search", "--data", data, "--bogus", "x"); code != 2 || !strings.Contains(errs, "-bogus") {
		t.Errorf("search --bogus x: exit %d, %q; want 2 naming the flag", code, errs)
	}
}

// TestConformanceLogTimesUTC: log lines carry UTC times whatever the time
// zone (they were in the machine's local zone).
func TestConformanceLogTimesUTC(t *testing.T) {
	var b strings.Builder
	l, err := newLogger(&b, "info")
	if err != nil {
		t.Fatal(err)
	}
	r := slog.NewRecord(time.Date(2026, 11, 27, 16, 30, 0, 0, time.FixedZone("UTC+5", 5*3600)), slog.LevelInfo, "hello", 0)
	if err := l.Handler().Handle(context.Background(), r); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(b.String(), "time=2026-11-27T11:30:00.000Z ") {
		t.Errorf("log line %q: want time=2026-11-27T11:30:00.000Z (UTC)", b.String())
	}
}

// TestConformancePlatformAsTyped: --platform and a token's platform are
// spelt as the crawled listings spell them (--platform chemhub found
// nothing, and a reviewer token for "chemhub" saw nothing, without a word).
func TestConformancePlatformAsTyped(t *testing.T) {
	dir := tkFixture(t)
	code, out, errOut := tkRun(t, "tickets", "list", "--data", dir, "--platform", "chemhub")
	if code != 0 || strings.TrimSpace(errOut) != "2 of 2 tickets" || !strings.Contains(out, "ChemHub") {
		t.Errorf("tickets list --platform chemhub: exit %d, %s, stderr %q; want the 2 ChemHub tickets", code, out, errOut)
	}
	code, out, _ = tkRun(t, "tickets", "export", "--data", dir, "--platform", "CHEMHUB")
	if code != 0 || strings.Count(out, "\n") != 2 {
		t.Errorf("tickets export --platform CHEMHUB: exit %d, %d lines, want 2", code, strings.Count(out, "\n"))
	}
	code, _, errOut = tkRun(t, "tickets", "list", "--data", dir, "--platform", "nosuch")
	if code != 0 || !strings.Contains(errOut, `no listing of platform "nosuch" (platforms: Bazaar, ChemHub)`) {
		t.Errorf("tickets list --platform nosuch: exit %d, stderr %q; want it named with the platforms there are", code, errOut)
	}
	code, _, errOut = tkRun(t, "token", "create", "--data", dir, "--role", "reviewer", "--platform", "chemhub")
	if code != 0 || !strings.Contains(errOut, `spelt "ChemHub"`) {
		t.Errorf("token create --platform chemhub: exit %d, stderr %q; want the spelling named", code, errOut)
	}
	if code, out, _ := tkRun(t, "token", "list", "--data", dir); code != 0 || !strings.Contains(out, "ChemHub") || strings.Contains(out, "chemhub") {
		t.Errorf("token list: %s; want the reviewer token for ChemHub", out)
	}
}

// TestConformanceSearchLimitZero: --limit 0 prints the total and facets
// without hits, as tickets list --limit 0 is every ticket (it was refused).
func TestConformanceSearchLimitZero(t *testing.T) {
	data := mustSearchData(t)
	code, out, errs := runSearchCmd("search", "--data", data, "--limit", "0", "ephedrine")
	if code != 0 {
		t.Fatalf("search --limit 0: exit %d: %s", code, errs)
	}
	var got struct {
		Total  int               `json:"total"`
		Hits   []json.RawMessage `json:"hits"`
		Facets map[string][]any  `json:"facets"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if got.Total == 0 || got.Hits == nil || len(got.Hits) != 0 || len(got.Facets["platform"]) == 0 {
		t.Errorf("search --limit 0 ephedrine = %s; want the total and facets, hits []", out)
	}
	if code, _, errs := runSearchCmd("search", "--data", data, "--limit", "-1", "x"); code != 2 || !strings.Contains(errs, "want 0") {
		t.Errorf("search --limit -1: exit %d, %q", code, errs)
	}
}

// TestConformanceBearerSchemeCase: the Authorization scheme is
// case-insensitive (RFC 9110): "bearer TOKEN" authenticates like "Bearer
// TOKEN" (it got 401), and a token alone or another scheme does not.
func TestConformanceBearerSchemeCase(t *testing.T) {
	f := newFixture(t)
	tok := f.tokens["regulator"]
	for _, c := range []struct {
		header string
		want   int
	}{
		{"Bearer " + tok, 200},
		{"bearer " + tok, 200},
		{"BEARER  " + tok, 200},
		{tok, 401},
		{"Basic " + tok, 401},
		{"Bearer", 401},
	} {
		req, _ := http.NewRequest("GET", f.srv.URL+"/api/v1/me", nil)
		req.Header.Set("Authorization", c.header)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != c.want {
			t.Errorf("GET /api/v1/me with Authorization %q: %d, want %d", strings.Replace(c.header, tok, "TOKEN", 1), resp.StatusCode, c.want)
		}
	}
}

// TestConformanceAPIPlatformFilter: /api/v1/tickets and the exports take a
// platform filter in any case (there was none: a regulator could not ask
// for one platform's tickets), and a scoped caller asking for another
// platform gets 403.
func TestConformanceAPIPlatformFilter(t *testing.T) {
	f := newFixture(t)
	var all, own struct {
		Total   int                `json:"total"`
		Tickets []precwatch.Ticket `json:"tickets"`
	}
	f.getJSON("regulator", "/api/v1/tickets?limit=1000", &all)
	f.getJSON("regulator", "/api/v1/tickets?limit=1000&platform="+strings.ToLower(ownPlatform), &own)
	if own.Total == 0 || own.Total >= all.Total {
		t.Fatalf("platform=%s: %d of %d tickets, want the platform's only", strings.ToLower(ownPlatform), own.Total, all.Total)
	}
	for _, tk := range own.Tickets {
		if tk.Platform != ownPlatform {
			t.Errorf("platform=%s gave a ticket of %s", strings.ToLower(ownPlatform), tk.Platform)
		}
	}
	code, body := f.do("regulator", "GET", "/api/v1/exports/tickets.jsonl?platform="+url.QueryEscape(otherPlatform), "")
	if code != 200 || strings.Contains(body, `"platform":"`+ownPlatform+`"`) || !strings.Contains(body, `"platform":"`+otherPlatform+`"`) {
		t.Errorf("export platform=%s: %d, want only its tickets", otherPlatform, code)
	}
	if code, body := f.do("partner", "GET", "/api/v1/tickets?platform="+url.QueryEscape(otherPlatform), ""); code != http.StatusForbidden {
		t.Errorf("partner of %s asking platform=%s: %d %s, want 403", ownPlatform, otherPlatform, code, short(body))
	}
	var mine struct {
		Total int `json:"total"`
	}
	f.getJSON("partner", "/api/v1/tickets?platform="+strings.ToUpper(ownPlatform), &mine)
	if mine.Total != own.Total {
		t.Errorf("partner asking its own platform in upper case: %d tickets, want %d", mine.Total, own.Total)
	}
}
