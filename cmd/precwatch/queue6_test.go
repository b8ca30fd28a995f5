package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestQueue6TicketsPeriodCLI: tickets list and export select a reporting
// period on the flag time and the last status change, and unassigned
// tickets; a bad date is exit 2 naming its flag.
func TestQueue6TicketsPeriodCLI(t *testing.T) {
	dir := tkFixture(t) // three tickets flagged 2026-03-01 12:00 UTC
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"--flagged-from", "2026-03-01", "--flagged-to", "2026-03-01"}, "3 of 3 tickets"},
		{[]string{"--flagged-from", "2026-03-02"}, "0 of 0 tickets"},
		{[]string{"--flagged-to", "2026-02-28"}, "0 of 0 tickets"},
		{[]string{"--flagged-to", "2026-03-01T11:00:00Z"}, "0 of 0 tickets"},
		{[]string{"--status-from", "2026-03-01T12:00:00Z", "--status-to", "2026-03-01"}, "3 of 3 tickets"},
		{[]string{"--status-from", "2026-03-02"}, "0 of 0 tickets"},
		{[]string{"--assignee", "none"}, "3 of 3 tickets"},
		{[]string{"--assignee", "ann"}, "0 of 0 tickets"},
	}
	for _, c := range cases {
		code, out, errOut := tkRun(t, append([]string{"tickets", "list", "--data", dir}, c.args...)...)
		if code != 0 || strings.TrimSpace(errOut) != c.want {
			t.Errorf("tickets list %v: exit %d, out %q, stderr %q; want %q", c.args, code, out, errOut, c.want)
		}
	}
	exports := []struct {
		args  []string
		lines int
	}{
		{[]string{"--flagged-from", "2026-03-01", "--flagged-to", "2026-03-01"}, 3},
		{[]string{"--flagged-to", "2026-02-28"}, 0},
		{[]string{"--since", "2026-02-01", "--flagged-from", "2026-03-02"}, 0},
		{[]string{"--assignee", "none", "--platform", "Bazaar"}, 1},
	}
	for _, c := range exports {
		code, out, errOut := tkRun(t, append([]string{"tickets", "export", "--data", dir}, c.args...)...)
		if got := strings.Count(out, "\n"); code != 0 || got != c.lines {
			t.Errorf("tickets export %v: exit %d, %d lines (want %d), stderr %q", c.args, code, got, c.lines, errOut)
		}
	}
	for _, flag := range []string{"--flagged-from", "--flagged-to", "--status-from", "--status-to"} {
		for _, cmd := range []string{"list", "export"} {
			code, out, errOut := tkRun(t, "tickets", cmd, "--data", dir, flag, "October")
			if code != 2 || !strings.Contains(errOut, flag+` "October"`) || out != "" {
				t.Errorf("tickets %s %s October: exit %d, stdout %q, stderr %q; want exit 2 naming %s", cmd, flag, code, out, errOut, flag)
			}
		}
	}
}

// TestQueue6TicketsPeriodAPI: GET /api/v1/tickets, the exports and the
// incident report take flagged_from/to and status_from/to, and
// assignee=none; a bad date is 400 naming the parameter.
func TestQueue6TicketsPeriodAPI(t *testing.T) {
	f := newFixture(t)
	total := func(role, query string) int {
		t.Helper()
		var v struct {
			Total int `json:"total"`
		}
		f.getJSON(role, "/api/v1/tickets?"+query, &v)
		return v.Total
	}
	all := total("admin", "")
	if all == 0 {
		t.Fatal("no tickets in the fixture")
	}
	today := time.Now().UTC().Format(time.DateOnly)
	yesterday := time.Now().UTC().AddDate(0, 0, -1).Format(time.DateOnly)
	id := f.byPlat[ownPlatform]
	for _, step := range []string{"in_review", "confirmed"} {
		if code, body := f.do("reviewer", "POST", fmt.Sprintf("/api/v1/tickets/%d/status", id), `{"status":"`+step+`","reason":"checked"}`); code != http.StatusOK {
			t.Fatalf("set status %s: %d %s", step, code, body)
		}
	}
	if code, body := f.do("admin", "POST", fmt.Sprintf("/api/v1/tickets/%d/assign", id), `{"assignee":"ann"}`); code != http.StatusOK {
		t.Fatalf("assign: %d %s", code, body)
	}
	cases := []struct {
		query string
		want  int
	}{
		{"flagged_to=2020-01-31", 0},
		{"flagged_from=2020-01-01&flagged_to=" + today, all},
		{"flagged_from=" + time.Now().UTC().AddDate(0, 0, 2).Format(time.DateOnly), 0},
		{"status=confirmed&status_from=" + yesterday, 1},
		{"status=confirmed&status_to=2020-01-01", 0},
		{"status_from=2020-01-01T00:00:00Z&status_to=" + today, all},
		{"assignee=none", all - 1},
		{"assignee=ann", 1},
		{"assignee=", all},
	}
	for _, c := range cases {
		if got := total("regulator", c.query); got != c.want {
			t.Errorf("GET /api/v1/tickets?%s: total %d, want %d", c.query, got, c.want)
		}
	}
	exports := []struct {
		path string
		want int
	}{
		{"/api/v1/exports/tickets.jsonl?flagged_to=2020-01-31", 0},
		{"/api/v1/exports/tickets.jsonl?flagged_to=" + today, all},
		{"/api/v1/exports/tickets.csv?assignee=none", all}, // + the header line
	}
	for _, c := range exports {
		code, body := f.do("regulator", "GET", c.path, "")
		if got := strings.Count(body, "\n"); code != http.StatusOK || got != c.want {
			t.Errorf("GET %s: %d, %d lines, want %d", c.path, code, got, c.want)
		}
	}
	for _, c := range []struct {
		query string
		want  int
	}{{"status_from=" + yesterday + "&status_to=" + today, 1}, {"status_to=2020-01-01", 0}, {"flagged_to=2020-01-01", 0}} {
		var rep struct {
			Incidents []json.RawMessage `json:"incidents"`
		}
		f.getJSON("regulator", "/api/v1/exports/incidents.json?"+c.query, &rep)
		if len(rep.Incidents) != c.want {
			t.Errorf("incident report ?%s: %d incidents, want %d", c.query, len(rep.Incidents), c.want)
		}
	}
	for _, p := range []string{"flagged_from", "flagged_to", "status_from", "status_to"} {
		for _, path := range []string{"/api/v1/tickets", "/api/v1/exports/tickets.csv", "/api/v1/exports/incidents.json"} {
			code, body := f.do("admin", "GET", path+"?"+p+"=October", "")
			if code != http.StatusBadRequest || !strings.Contains(body, p) {
				t.Errorf("GET %s?%s=October: %d %s; want 400 naming %s", path, p, code, body, p)
			}
		}
	}
	var spec struct {
		Paths map[string]map[string]struct {
			Parameters []struct {
				Name string `json:"name"`
			} `json:"parameters"`
		} `json:"paths"`
	}
	f.getJSON("admin", "/api/v1/openapi.json", &spec)
	for _, path := range []string{"/api/v1/tickets", "/api/v1/exports/incidents.json"} {
		var names []string
		for _, p := range spec.Paths[path]["get"].Parameters {
			names = append(names, p.Name)
		}
		for _, want := range []string{"flagged_from", "flagged_to", "status_from", "status_to"} {
			if !strings.Contains(" "+strings.Join(names, " ")+" ", " "+want+" ") {
				t.Errorf("openapi %s lists %v, not %s", path, names, want)
			}
		}
	}
}

var queue6Total = regexp.MustCompile(`<strong id="total">(\d+)</strong>`)

// TestQueue6UIQueueFilters: the queue page filters on platform (a select
// of the caller's platforms), assignee (none: unassigned), status and
// the flag period, with the same counts as the API, and escapes what it
// echoes.
func TestQueue6UIQueueFilters(t *testing.T) {
	f := newFixture(t)
	if code, body := f.do("admin", "POST", fmt.Sprintf("/api/v1/tickets/%d/assign", f.byPlat[ownPlatform]), `{"assignee":"ann"}`); code != http.StatusOK {
		t.Fatalf("assign: %d %s", code, body)
	}
	b := newBrowser(t, f.srv.URL, nil)
	b.signIn(f.tokens["admin"])
	_, body, _ := b.get("/queue")
	for _, want := range []string{`<select name="platform">`, `<option value="ChemHub" >ChemHub</option>`, `name="assignee"`, `name="flagged_from"`, `<select name="status">`} {
		if !strings.Contains(body, want) {
			t.Errorf("GET /queue has no %s", want)
		}
	}
	for _, q := range []string{"platform=chemhub", "platform=" + url.QueryEscape(otherPlatform), "assignee=none", "assignee=ann",
		"status=open&assignee=none", "flagged_to=2020-01-01", "platform=ChemHub&status=open"} {
		var api struct {
			Total int `json:"total"`
		}
		f.getJSON("admin", "/api/v1/tickets?"+q, &api)
		code, body, _ := b.get("/queue?" + q)
		m := queue6Total.FindStringSubmatch(body)
		if code != http.StatusOK || m == nil || m[1] != strconv.Itoa(api.Total) {
			t.Errorf("GET /queue?%s: %d, total %v; want %d as the API says", q, code, m, api.Total)
		}
	}
	if _, body, _ := b.get("/queue?platform=chemhub"); !strings.Contains(body, `<option value="ChemHub" selected>`) {
		t.Errorf("GET /queue?platform=chemhub does not show ChemHub selected")
	}
	if _, body, _ := b.get("/queue?assignee=none"); !strings.Contains(body, `name="assignee" value="none"`) {
		t.Errorf("GET /queue?assignee=none does not keep the assignee in the form")
	}
	if _, body, _ := b.get("/queue?assignee=" + url.QueryEscape(`"><script>alert(3)</script>`)); strings.Contains(body, "<script>alert(3)") {
		t.Errorf("GET /queue echoed an assignee unescaped")
	}
	p := newBrowser(t, f.srv.URL, nil)
	p.signIn(f.tokens["partner"])
	if _, body, _ := p.get("/queue"); strings.Contains(body, `<select name="platform">`) {
		t.Errorf("a partner's queue offers a platform choice")
	}
	if code, _, _ := p.get("/queue?platform=" + url.QueryEscape(otherPlatform)); code != http.StatusForbidden {
		t.Errorf("a partner's queue for another platform: %d, want 403", code)
	}
}

// TestQueue6ConditionalStatus: a status change with "from" applies only
// if the ticket is still in that status; otherwise 409 naming the current
// status, and nothing changes. The UI's form sends the status it showed.
func TestQueue6ConditionalStatus(t *testing.T) {
	f := newFixture(t)
	id := f.byPlat[ownPlatform]
	path := fmt.Sprintf("/api/v1/tickets/%d/status", id)
	events := func() int {
		var evs struct {
			Events []json.RawMessage `json:"events"`
		}
		f.getJSON("admin", fmt.Sprintf("/api/v1/tickets/%d/events", id), &evs)
		return len(evs.Events)
	}
	if code, body := f.do("reviewer", "POST", path, `{"status":"in_review","reason":"mine","from":"open"}`); code != http.StatusOK {
		t.Fatalf("first reviewer, from open: %d %s", code, body)
	}
	before := events()
	// The second reviewer saw it open too and wants it escalated.
	code, body := f.do("admin", "POST", path, `{"status":"escalated","reason":"also mine","from":"open"}`)
	if code != http.StatusConflict || !strings.Contains(body, "in_review") || !strings.Contains(body, `"conflict"`) {
		t.Errorf("second reviewer, from open on an in_review ticket: %d %s; want 409 conflict naming in_review", code, body)
	}
	var tk struct {
		Ticket struct {
			Status string `json:"status"`
		} `json:"ticket"`
	}
	f.getJSON("admin", fmt.Sprintf("/api/v1/tickets/%d", id), &tk)
	if tk.Ticket.Status != "in_review" || events() != before {
		t.Errorf("after the refused change: status %s, %d events (was %d); want in_review, unchanged", tk.Ticket.Status, events(), before)
	}
	if code, body := f.do("admin", "POST", path, `{"status":"confirmed","reason":"x","from":"bogus"}`); code != http.StatusBadRequest {
		t.Errorf("from bogus: %d %s; want 400", code, body)
	}
	if code, body := f.do("admin", "POST", path, `{"status":"confirmed","reason":"ok","from":"in_review"}`); code != http.StatusOK || !strings.Contains(body, `"confirmed"`) {
		t.Errorf("from in_review on an in_review ticket: %d %s; want 200 confirmed", code, body)
	}
	if code, body := f.do("admin", "POST", path, `{"status":"in_review","reason":"unconditional"}`); code != http.StatusOK {
		t.Errorf("without from: %d %s; want 200 as before", code, body)
	}

	// The UI: the form carries the status it showed; a stale one is 409.
	b := newBrowser(t, f.srv.URL, nil)
	b.signIn(f.tokens["reviewer"])
	_, page, _ := b.get(fmt.Sprintf("/tickets/%d", id))
	if !strings.Contains(page, `<input type="hidden" name="from" value="in_review">`) {
		t.Fatalf("the ticket page's status form does not send the status it showed")
	}
	csrf := b.csrf
	if code, body := f.do("admin", "POST", path, `{"status":"dismissed","reason":"meanwhile","from":"in_review"}`); code != http.StatusOK {
		t.Fatalf("change meanwhile: %d %s", code, body)
	}
	code, body, _ = b.post(fmt.Sprintf("/tickets/%d/status", id), url.Values{"csrf": {csrf}, "from": {"in_review"}, "status": {"confirmed"}, "reason": {"stale page"}}, nil)
	if code != http.StatusConflict || !strings.Contains(body, "dismissed") {
		t.Errorf("UI status change from a stale page: %d %s; want 409 naming dismissed", code, short(body))
	}
	f.getJSON("admin", fmt.Sprintf("/api/v1/tickets/%d", id), &tk)
	if tk.Ticket.Status != "dismissed" {
		t.Errorf("after the stale UI change: status %s, want dismissed", tk.Ticket.Status)
	}
	code, _, hdr := b.post(fmt.Sprintf("/tickets/%d/status", id), url.Values{"csrf": {csrf}, "from": {"dismissed"}, "status": {"in_review"}, "reason": {"reopen"}}, nil)
	if code != http.StatusSeeOther || !strings.Contains(hdr.Get("Location"), "done=status") {
		t.Errorf("UI status change from the current status: %d %s; want 303", code, hdr.Get("Location"))
	}
}
