package main

import (
	"fmt"
	"html"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/precwatch/precwatch"
)

// TestAPIFixedPathMethods: a fixed path beside a {name} route belongs to
// the fixed route. GET /api/v1/tickets/bulk and GET, PUT, DELETE
// /api/v1/targets/test are 405 with Allow: POST (not a lookup of ticket
// "bulk" or target "test"); the sub-paths of /api/v1/tickets/bulk are
// those of a ticket id that is not a number, as /api/v1/tickets/abc/...
// are; and a target cannot take the name of the fixed path.
func TestAPIFixedPathMethods(t *testing.T) {
	f := newFixture(t)
	for _, c := range []struct {
		role, method, path, body string
		allow                    string
	}{
		{"reviewer", "GET", "/api/v1/tickets/bulk", "", "POST"},
		{"reviewer", "GET", "/api/v1/tickets/bulk?ids=1", "", "POST"},
		{"reviewer", "DELETE", "/api/v1/tickets/bulk", "", "POST"},
		{"admin", "GET", "/api/v1/targets/test", "", "POST"},
		{"admin", "PUT", "/api/v1/targets/test", `{"name":"test"}`, "POST"},
		{"admin", "DELETE", "/api/v1/targets/test", "", "POST"},
		{"admin", "PATCH", "/api/v1/targets/test", "", "POST"},
		{"admin", "PATCH", "/api/v1/targets/chemhub", "", "GET, PUT, DELETE"},
		{"admin", "GET", "/api/v1/tickets/1/status", "", "POST"},
	} {
		code, body, hdr := f.doHeader(c.role, c.method, c.path, c.body)
		if code != http.StatusMethodNotAllowed || hdr.Get("Allow") != c.allow || !strings.Contains(body, `"method_not_allowed"`) ||
			!strings.Contains(body, "takes "+c.allow+", not "+c.method) {
			t.Errorf("%s %s: %d Allow %q %s, want 405 Allow %q", c.method, c.path, code, hdr.Get("Allow"), short(body), c.allow)
		}
	}
	// Without a token, nothing is said of the route.
	if code, _, _ := f.doHeader("", "GET", "/api/v1/targets/test", ""); code != http.StatusUnauthorized {
		t.Errorf("GET /api/v1/targets/test without a token: %d, want 401", code)
	}
	// /api/v1/tickets/bulk/<sub> is the route of a ticket whose id is not
	// a number: the same answer as for "abc".
	for _, c := range []struct{ method, sub, body string }{
		{"POST", "status", `{"status":"in_review","reason":"x"}`},
		{"POST", "notes", `{"note":"x"}`},
		{"POST", "assign", `{"assignee":"ann"}`},
		{"GET", "events", ""},
	} {
		wantCode, wantBody := f.do("reviewer", c.method, "/api/v1/tickets/abc/"+c.sub, c.body)
		code, body := f.do("reviewer", c.method, "/api/v1/tickets/bulk/"+c.sub, c.body)
		if wantCode != http.StatusBadRequest || code != wantCode || body != strings.ReplaceAll(wantBody, "abc", "bulk") ||
			!strings.Contains(body, `ticket id \"bulk\" is not a positive number`) {
			t.Errorf("%s /api/v1/tickets/bulk/%s: %d %s; /abc/%s: %d %s", c.method, c.sub, code, short(body), c.sub, wantCode, short(wantBody))
		}
	}
	// The fixed routes still work.
	if code, body := f.do("reviewer", "POST", "/api/v1/tickets/bulk", `{"ids":[`+strconv.FormatInt(f.byPlat[ownPlatform], 10)+`],"assignee":"ann"}`); code != http.StatusOK {
		t.Errorf("POST /api/v1/tickets/bulk: %d %s", code, short(body))
	}
	tg := f.apiTarget("test", ownPlatform)
	if code, body := f.do("admin", "POST", "/api/v1/targets/test", mustJSONString(t, tg)); code != http.StatusOK {
		t.Errorf("POST /api/v1/targets/test: %d %s", code, short(body))
	}
	// A target named "test" could be made but never read, replaced or
	// deleted by its URL: refused.
	before := f.state()
	if code, body := f.do("admin", "POST", "/api/v1/targets", mustJSONString(t, tg)); code != http.StatusBadRequest ||
		!strings.Contains(body, `target name \"test\" is reserved`) {
		t.Errorf("POST /api/v1/targets named test: %d %s, want 400 reserved", code, short(body))
	}
	if f.state() != before {
		t.Error("a refused target was saved")
	}

	// The UI's bulk form path takes POST only.
	b := newBrowser(t, f.srv.URL, nil)
	b.signIn(f.tokens["reviewer"])
	code, body, hdr := b.get("/tickets/bulk")
	if code != http.StatusMethodNotAllowed || hdr.Get("Allow") != "POST" || !strings.Contains(body, "takes POST, not GET") {
		t.Errorf("UI GET /tickets/bulk: %d Allow %q, want 405 Allow POST", code, hdr.Get("Allow"))
	}
	if code, _, _ := b.get("/tickets/" + strconv.FormatInt(f.byPlat[ownPlatform], 10)); code != http.StatusOK {
		t.Errorf("UI ticket page: %d", code)
	}
}

// TestAPISearchMalformedQuery: a regular expression that does not compile
// was a 500 "internal error" in the API, its exports and the UI; an
// unbalanced parenthesis was searched as a word. Both are 400 invalid
// naming the fault, as other malformed queries are, on every search path.
func TestAPISearchMalformedQuery(t *testing.T) {
	f := newFixture(t)
	b := newBrowser(t, f.srv.URL, nil)
	b.signIn(f.tokens["reviewer"])
	for _, c := range []struct{ q, want string }{
		{"title:/[/", "regular expression /[/: missing closing ]"},
		{"ephedrine title:/eph(/", "regular expression /eph(/: missing closing )"},
		{"title:(", "unbalanced parenthesis"},
		{"(ephedrine", "unbalanced parenthesis"},
	} {
		q := url.QueryEscape(c.q)
		for _, path := range []string{"/api/v1/search?q=", "/api/v1/search/export.csv?q=", "/api/v1/search/export.jsonl?q="} {
			code, body := f.do("reviewer", "GET", path+q, "")
			if code != http.StatusBadRequest || !strings.Contains(body, `"code":"invalid"`) || !strings.Contains(body, c.want) {
				t.Errorf("GET %s%s: %d %s, want 400 invalid saying %q", path, c.q, code, short(body), c.want)
			}
		}
		for _, path := range []string{"/search?q=", "/search/export.csv?q="} {
			code, body, _ := b.get(path + q)
			if code != http.StatusBadRequest || !strings.Contains(html.UnescapeString(body), c.want) {
				t.Errorf("UI GET %s%s: %d, want 400 saying %q", path, c.q, code, c.want)
			}
		}
	}
	// Well-formed ones still answer.
	for _, q := range []string{"ephedrine(hcl)", "(ephedrine)", "title:/eph.*/", `"(ephedrine"`} {
		if code, body := f.do("reviewer", "GET", "/api/v1/search?q="+url.QueryEscape(q), ""); code != http.StatusOK {
			t.Errorf("GET /api/v1/search?q=%s: %d %s", q, code, short(body))
		}
	}
}

// TestMetricsTicketsEveryStatus: /metrics has a precwatch_tickets series
// for every status of the workflow, 0 while no ticket has it (confirmed
// was absent until a ticket was confirmed: an alert saw no data).
func TestMetricsTicketsEveryStatus(t *testing.T) {
	f := newFixture(t)
	counts, err := f.a.store.TicketCounts(t.Context(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if counts[precwatch.StatusConfirmed] != 0 || counts[precwatch.StatusOpen] == 0 {
		t.Fatalf("the fixture has %v tickets by status, want open ones and no confirmed one", counts)
	}
	code, body := f.do("", "GET", "/metrics", "")
	if code != http.StatusOK {
		t.Fatalf("metrics: %d", code)
	}
	for _, st := range []string{precwatch.StatusOpen, precwatch.StatusInReview, precwatch.StatusConfirmed, precwatch.StatusDismissed, precwatch.StatusEscalated} {
		if want := fmt.Sprintf("precwatch_tickets{status=%q} %d\n", st, counts[st]); !strings.Contains(body, want) {
			t.Errorf("metrics lack %q", want)
		}
	}
}
