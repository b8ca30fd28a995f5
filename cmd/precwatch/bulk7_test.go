package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/precwatch/precwatch"
	"github.com/precwatch/precwatch/tickets"
)

// bulkTickets returns n open tickets of platform, by ID.
func bulkTickets(t *testing.T, f *fixture, platform string, n int) []int64 {
	t.Helper()
	ts, err := f.a.store.Tickets(context.Background(), tickets.Filter{Platforms: []string{platform}, Status: precwatch.StatusOpen, Sort: tickets.SortID})
	if err != nil {
		t.Fatal(err)
	}
	if len(ts) < n {
		t.Fatalf("%d open tickets on %s, want %d", len(ts), platform, n)
	}
	ids := make([]int64, n)
	for i := range ids {
		ids[i] = ts[i].ID
	}
	return ids
}

// bulkSnapshot is what a refused bulk change must leave as it was: the
// status, assignee and audit log length of every ticket and the number of
// events in the outbox.
func bulkSnapshot(t *testing.T, f *fixture) string {
	t.Helper()
	ctx := context.Background()
	ts, err := f.a.store.Tickets(ctx, tickets.Filter{Sort: tickets.SortID})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, tk := range ts {
		evs, err := f.a.store.Events(ctx, tk.ID)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "%d:%s:%s:%d ", tk.ID, tk.Status, tk.Assignee, len(evs))
	}
	n, err := f.a.store.PendingCount(ctx)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprintf(&b, "outbox=%d", n)
	return b.String()
}

func idsJSON(ids []int64) string {
	b, _ := json.Marshal(ids)
	return string(b)
}

// tokenActor is how the audit log names the token of role: "reviewer:ChemHub#5".
func tokenActor(t *testing.T, f *fixture, role string) string {
	t.Helper()
	var me struct {
		TokenID  int64  `json:"token_id"`
		Role     string `json:"role"`
		Platform string `json:"platform"`
	}
	f.getJSON(role, "/api/v1/me", &me)
	a := me.Role
	if me.Platform != "" {
		a += ":" + me.Platform
	}
	return a + "#" + strconv.FormatInt(me.TokenID, 10)
}

// TestBulkAPIRefusals: POST /api/v1/tickets/bulk refuses, with nothing
// changed (tickets, audit log, outbox), a regulator, a reviewer naming one
// ticket of another platform among their own (403), an unknown ticket
// (404 naming it), a ticket changed since the caller looked (409 naming
// its status), a transition the workflow does not allow and too many ids
// (400).
func TestBulkAPIRefusals(t *testing.T) {
	f := newFixture(t)
	own := bulkTickets(t, f, ownPlatform, 3)
	other := f.byPlat[otherPlatform]
	// One of the reviewer's tickets moves on before the bulk change.
	if code, body := f.do("admin", "POST", fmt.Sprintf("/api/v1/tickets/%d/status", own[2]), `{"status":"in_review","reason":"taken"}`); code != http.StatusOK {
		t.Fatalf("move ticket %d: %d %s", own[2], code, body)
	}
	many := make([]int64, 1001)
	for i := range many {
		many[i] = int64(i + 1)
	}
	withOther := append(slices.Clone(own[:2]), other)
	cases := []struct {
		name, role, body string
		code             int
		want             []string
	}{
		{"regulator", "regulator", `{"ids":` + idsJSON(own[:2]) + `,"status":"in_review","reason":"x"}`, 403, []string{"regulator"}},
		{"one ticket of another platform", "reviewer", `{"ids":` + idsJSON(withOther) + `,"status":"in_review","reason":"same seller"}`, 403,
			[]string{fmt.Sprintf("ticket %d is outside your platform", other), "nothing changed"}},
		{"assign one ticket of another platform", "partner", `{"ids":` + idsJSON(withOther) + `,"assignee":"ann"}`, 403, []string{strconv.FormatInt(other, 10)}},
		{"unknown ticket", "reviewer", `{"ids":` + idsJSON(append(slices.Clone(own[:2]), 987654)) + `,"status":"in_review","reason":"x"}`, 404,
			[]string{"ticket 987654 is not found", "nothing changed"}},
		{"changed since", "reviewer", `{"ids":` + idsJSON(own) + `,"status":"escalated","reason":"x","from":"open"}`, 409,
			[]string{fmt.Sprintf("ticket %d is in_review, not open", own[2]), "nothing changed", `"conflict"`}},
		{"workflow", "reviewer", `{"ids":` + idsJSON(own[:2]) + `,"status":"dismissed","reason":"same seller, benign"}`, 400,
			[]string{fmt.Sprintf("ticket %d is open: it cannot become dismissed", own[0])}},
		{"too many", "admin", `{"ids":` + idsJSON(many) + `,"status":"escalated","reason":"x"}`, 400, []string{"1001 ticket ids: at most 1000"}},
		{"no reason", "reviewer", `{"ids":` + idsJSON(own[:2]) + `,"status":"in_review"}`, 400, []string{"reason"}},
		{"nothing to change", "reviewer", `{"ids":` + idsJSON(own[:2]) + `}`, 400, []string{"nothing to change"}},
		{"no ids", "reviewer", `{"status":"in_review","reason":"x"}`, 400, []string{"ids"}},
		{"bad from", "reviewer", `{"ids":` + idsJSON(own[:2]) + `,"status":"in_review","reason":"x","from":"gone"}`, 400, []string{"gone", "unknown ticket status"}},
	}
	before := bulkSnapshot(t, f)
	for _, c := range cases {
		code, body := f.do(c.role, "POST", "/api/v1/tickets/bulk", c.body)
		if code != c.code {
			t.Errorf("%s: %d %s, want %d", c.name, code, short(body), c.code)
		}
		for _, w := range c.want {
			if !strings.Contains(body, w) {
				t.Errorf("%s: answer %s does not say %q", c.name, short(body), w)
			}
		}
		if after := bulkSnapshot(t, f); after != before {
			t.Errorf("%s: refused, yet the data changed", c.name)
		}
	}
	// The bulk route takes POST only; GET reaches the {id} route and is
	// answered 405, not "ticket id is not a number".
	if code, body := f.do("reviewer", "GET", "/api/v1/tickets/bulk", ""); code != http.StatusMethodNotAllowed || !strings.Contains(body, "takes POST") {
		t.Errorf("GET /api/v1/tickets/bulk: %d %s, want 405 naming POST", code, short(body))
	}
}

// TestBulkAPI: a reviewer moves three tickets of their platform in one
// request, conditionally on the status they saw, and assigns them; each
// ticket gets its own audit entries (who, why) and its own events, as
// from single changes. The route is in openapi.json.
func TestBulkAPI(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	own := bulkTickets(t, f, ownPlatform, 3)
	actor := tokenActor(t, f, "reviewer")
	pending := func() map[int64][]precwatch.Event {
		out, err := f.a.store.PendingEvents(ctx, time.Now().Add(time.Hour), 100000)
		if err != nil {
			t.Fatal(err)
		}
		m := map[int64][]precwatch.Event{}
		for _, o := range out {
			m[o.Event.Ticket.ID] = append(m[o.Event.Ticket.ID], o.Event)
		}
		return m
	}
	before := pending()
	code, body := f.do("reviewer", "POST", "/api/v1/tickets/bulk",
		`{"ids":`+idsJSON(own)+`,"status":"in_review","reason":"same seller","from":"open","assignee":"ann"}`)
	if code != http.StatusOK {
		t.Fatalf("bulk change: %d %s", code, body)
	}
	var got struct {
		Count   int                `json:"count"`
		Tickets []precwatch.Ticket `json:"tickets"`
	}
	if err := json.Unmarshal([]byte(body), &got); err != nil {
		t.Fatal(err)
	}
	if got.Count != 3 || len(got.Tickets) != 3 {
		t.Fatalf("answer %s: want 3 tickets", body)
	}
	after := pending()
	for i, id := range own {
		if tk := got.Tickets[i]; tk.ID != id || tk.Status != precwatch.StatusInReview || tk.Assignee != "ann" {
			t.Errorf("answer's ticket %d: %+v, want %d in_review assigned to ann", i, tk, id)
		}
		evs, err := f.a.store.Events(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		var log []string
		for _, e := range evs[len(evs)-2:] {
			log = append(log, fmt.Sprintf("%s:%s:%s>%s:%s", e.Actor, e.Action, e.From, e.To, e.Reason))
		}
		want := actor + ":status:open>in_review:same seller\n" + actor + ":assigned:>ann:same seller"
		if strings.Join(log, "\n") != want {
			t.Errorf("audit log of ticket %d ends:\n%s\nwant:\n%s", id, strings.Join(log, "\n"), want)
		}
		added := after[id][len(before[id]):]
		if len(added) != 2 {
			t.Fatalf("ticket %d: %d events added, want 2 (status, assignment)", id, len(added))
		}
		for _, e := range added {
			if e.Type != precwatch.EventTicketUpdated || e.Platform != ownPlatform || len(e.Changes) != 1 || e.Changes[0].Actor != actor {
				t.Errorf("ticket %d: event %+v, want ticket.updated of %s by %s", id, e, ownPlatform, actor)
			}
		}
	}
	// Then, from in_review, the workflow allows dismissing them.
	if code, body := f.do("reviewer", "POST", "/api/v1/tickets/bulk", `{"ids":`+idsJSON(own)+`,"status":"dismissed","reason":"same seller, benign","from":"in_review"}`); code != http.StatusOK || strings.Count(body, `"dismissed"`) != 3 {
		t.Errorf("dismiss from in_review: %d %s", code, short(body))
	}

	code, body = f.do("partner", "GET", "/api/v1/openapi.json", "")
	if code != http.StatusOK {
		t.Fatalf("openapi.json: %d", code)
	}
	var doc struct {
		Paths      map[string]map[string]json.RawMessage
		Components struct {
			Schemas map[string]struct {
				Properties map[string]json.RawMessage `json:"properties"`
			}
		}
	}
	if err := json.Unmarshal([]byte(body), &doc); err != nil {
		t.Fatal(err)
	}
	if op := doc.Paths["/api/v1/tickets/bulk"]["post"]; !strings.Contains(string(op), "#/components/schemas/TicketBulk") {
		t.Errorf("openapi.json: POST /api/v1/tickets/bulk = %s, want its body described by TicketBulk", op)
	}
	for _, p := range []string{"ids", "status", "reason", "from", "assignee"} {
		if _, ok := doc.Components.Schemas["TicketBulk"].Properties[p]; !ok {
			t.Errorf("openapi.json: TicketBulk lacks %s", p)
		}
	}
}

// TestBulkWebForm: the queue's bulk form as a plain form POST, as a
// browser without scripts sends it: the CSRF token is required, one
// ticket of another platform refuses the whole change, a row whose ticket
// changed since the page was shown is a conflict, and a good one changes
// every checked ticket and comes back to the queue as it was filtered.
func TestBulkWebForm(t *testing.T) {
	f := newFixture(t)
	other := f.byPlat[otherPlatform]
	b := newBrowser(t, f.srv.URL, nil)
	b.signIn(f.tokens["reviewer"])
	code, page, _ := b.get("/queue?status=open&select=all")
	if code != http.StatusOK {
		t.Fatalf("queue: %d", code)
	}
	var own []int64
	for _, m := range regexp.MustCompile(`name="id" value="(\d+)"`).FindAllStringSubmatch(page, 3) {
		id, _ := strconv.ParseInt(m[1], 10, 64)
		own = append(own, id)
	}
	if len(own) < 3 {
		t.Fatalf("the reviewer's open queue has %d checkboxes, want 3 or more", len(own))
	}
	for _, id := range own {
		for _, w := range []string{
			fmt.Sprintf(`<input type="checkbox" name="id" value="%d" id="pick-%d" aria-label="ticket %d" checked>`, id, id, id),
			fmt.Sprintf(`<input type="hidden" name="from.%d" value="open">`, id),
		} {
			if !strings.Contains(page, w) {
				t.Fatalf("queue with select=all lacks %s", w)
			}
		}
	}
	if !strings.Contains(page, `<form method="post" action="/tickets/bulk" id="bulk-form">`) || !strings.Contains(page, `name="back" value="status=open"`) {
		t.Fatalf("queue lacks the bulk form coming back to status=open")
	}
	csrf := b.csrf
	form := func(ids ...int64) url.Values {
		v := url.Values{"csrf": {csrf}, "action": {"status"}, "status": {"in_review"}, "reason": {"same seller"}, "back": {"status=open"}}
		for _, id := range ids {
			s := strconv.FormatInt(id, 10)
			v.Add("id", s)
			v.Set("from."+s, "open")
		}
		return v
	}
	before := bulkSnapshot(t, f)
	noCSRF := form(own...)
	noCSRF.Del("csrf")
	if code, body, _ := b.post("/tickets/bulk", noCSRF, nil); code != http.StatusForbidden || !strings.Contains(body, "CSRF") {
		t.Errorf("bulk form without its CSRF token: %d %s, want 403", code, short(body))
	}
	if code, body, _ := b.post("/tickets/bulk", form(own[0], other, own[1]), nil); code != http.StatusForbidden || !strings.Contains(body, "outside your platform") {
		t.Errorf("bulk form with a ticket of another platform: %d %s, want 403", code, short(body))
	}
	if after := bulkSnapshot(t, f); after != before {
		t.Errorf("refused bulk forms changed the data")
	}
	reg := newBrowser(t, f.srv.URL, nil)
	reg.signIn(f.tokens["regulator"])
	if _, page, _ := reg.get("/queue"); strings.Contains(page, "bulk-form") || strings.Contains(page, `name="id"`) {
		t.Errorf("the regulator's queue shows the bulk form")
	}

	// A row shown open that another reviewer has since taken: conflict.
	if code, body := f.do("admin", "POST", fmt.Sprintf("/api/v1/tickets/%d/status", own[2]), `{"status":"escalated","reason":"meanwhile"}`); code != http.StatusOK {
		t.Fatalf("change meanwhile: %d %s", code, body)
	}
	before = bulkSnapshot(t, f)
	if code, body, _ := b.post("/tickets/bulk", form(own...), nil); code != http.StatusConflict || !strings.Contains(body, "escalated, not open") {
		t.Errorf("bulk form from a stale page: %d %s, want 409 naming escalated", code, short(body))
	}
	if after := bulkSnapshot(t, f); after != before {
		t.Errorf("the conflicting bulk form changed the data")
	}

	code, _, hdr := b.post("/tickets/bulk", form(own[:2]...), nil)
	if code != http.StatusSeeOther || hdr.Get("Location") != "/queue?done=bulk-status&n=2&status=open" {
		t.Fatalf("bulk form: %d to %q, want 303 to the open queue", code, hdr.Get("Location"))
	}
	for _, id := range own[:2] {
		if tk, err := f.a.store.Ticket(context.Background(), id); err != nil || tk.Status != precwatch.StatusInReview {
			t.Errorf("ticket %d after the bulk form: %+v %v, want in_review", id, tk, err)
		}
	}
	if _, page, _ := b.get(hdr.Get("Location")); !strings.Contains(page, "Changed the status of 2 tickets.") {
		t.Errorf("the queue after the bulk form does not say what changed")
	}
	assign := url.Values{"csrf": {csrf}, "action": {"assign"}, "assignee": {"ann"}, "id": {strconv.FormatInt(own[0], 10), strconv.FormatInt(own[1], 10)}}
	if code, _, hdr := b.post("/tickets/bulk", assign, nil); code != http.StatusSeeOther || !strings.Contains(hdr.Get("Location"), "done=bulk-assign") {
		t.Errorf("bulk assign: %d %s", code, hdr.Get("Location"))
	}
	for _, id := range own[:2] {
		if tk, _ := f.a.store.Ticket(context.Background(), id); tk.Assignee != "ann" {
			t.Errorf("ticket %d after the bulk assignment: assignee %q, want ann", id, tk.Assignee)
		}
	}
}

// TestBrowserBulk: in headless Chromium a reviewer checks two tickets in
// the queue and changes their status with one form, then checks every
// ticket of the page (select all, no script) and assigns them.
func TestBrowserBulk(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	f := newFixture(t)
	// The queue of one seller's open tickets, as after a crawl of a spam
	// seller.
	ts, err := f.a.store.Tickets(context.Background(), tickets.Filter{Platforms: []string{ownPlatform}, Status: precwatch.StatusOpen})
	if err != nil {
		t.Fatal(err)
	}
	bySeller := map[string]int{}
	seller := ""
	for _, tk := range ts {
		if bySeller[tk.Seller]++; bySeller[tk.Seller] >= 3 && seller == "" {
			seller = tk.Seller
		}
	}
	if seller == "" {
		t.Fatalf("no seller with 3 open tickets on %s", ownPlatform)
	}
	ctx := newChrome(t)
	signInBrowser(t, ctx, f.srv.URL, f.tokens["reviewer"])
	visit(t, ctx, "open queue", chromedp.Navigate(f.srv.URL+"/queue?status=open&seller="+url.QueryEscape(seller)), chromedp.WaitVisible(chromedp.ID("bulk-actions")))
	shown, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll('input[name=id]')).map(e => e.value)`))
	if err != nil {
		t.Fatal(err)
	}
	if len(shown) != bySeller[seller] {
		t.Fatalf("%d open tickets of %s in the reviewer's queue, want %d", len(shown), seller, bySeller[seller])
	}
	picked := shown[:2]
	do(t, ctx, "check two tickets and change their status",
		chromedp.Click(chromedp.ID("pick-"+picked[0])),
		chromedp.Click(chromedp.ID("pick-"+picked[1])),
		chromedp.SetValue(chromedp.ID("bulk-status"), "in_review"),
		chromedp.SetValue(chromedp.ID("bulk-reason"), "same seller"),
		chromedp.Click(chromedp.ID("bulk-status-button")),
		chromedp.WaitVisible(chromedp.CSS("p.flash")),
	)
	if msg := text(t, ctx, "p.flash"); msg != "Changed the status of 2 tickets." {
		t.Errorf("flash after the bulk status change: %q", msg)
	}
	actor := tokenActor(t, f, "reviewer")
	for _, s := range picked {
		id, _ := strconv.ParseInt(s, 10, 64)
		tk, err := f.a.store.Ticket(context.Background(), id)
		if err != nil || tk.Status != precwatch.StatusInReview {
			t.Errorf("ticket %d after the browser's bulk change: %+v %v, want in_review", id, tk, err)
			continue
		}
		evs, _ := f.a.store.Events(context.Background(), id)
		if e := evs[len(evs)-1]; e.Actor != actor || e.Reason != "same seller" || e.To != precwatch.StatusInReview {
			t.Errorf("ticket %d's last audit entry: %+v, want %s moving it to in_review for same seller", id, e, actor)
		}
	}
	rest, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll('input[name=id]')).map(e => e.value)`))
	if err != nil {
		t.Fatal(err)
	}
	if slices.Contains(rest, picked[0]) || len(rest) != len(shown)-2 {
		t.Errorf("the open queue after the change shows %v, want %v without %v", rest, shown, picked)
	}
	do(t, ctx, "check every ticket and assign them",
		chromedp.Click(chromedp.ID("select-all")),
		chromedp.WaitVisible(chromedp.ID("select-none")),
	)
	checked, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('input[name=id]:checked').length`))
	if err != nil {
		t.Fatal(err)
	}
	if checked != len(rest) {
		t.Fatalf("select all checked %d of %d tickets", checked, len(rest))
	}
	do(t, ctx, "assign them",
		chromedp.SetValue(chromedp.ID("bulk-assignee"), "ann"),
		chromedp.Click(chromedp.ID("bulk-assign-button")),
		chromedp.WaitVisible(chromedp.CSS("p.flash")),
	)
	if msg := text(t, ctx, "p.flash"); msg != fmt.Sprintf("Assigned %d tickets.", len(rest)) {
		t.Errorf("flash after the bulk assignment: %q", msg)
	}
	for _, s := range rest {
		id, _ := strconv.ParseInt(s, 10, 64)
		if tk, _ := f.a.store.Ticket(context.Background(), id); tk == nil || tk.Assignee != "ann" {
			t.Errorf("ticket %d after the browser's bulk assignment: %+v, want ann", id, tk)
		}
	}
}

// TestBulkTicketsCLI: tickets set-status --ids changes many tickets in one
// transaction, each audited with who and why; an unknown ticket or one no
// longer in the --from status changes none (exit 1); --ids - reads them
// from stdin; bad IDs and a stray positional ID are usage errors (exit 2).
func TestBulkTicketsCLI(t *testing.T) {
	dir := tkFixture(t) // tickets 1, 2 (ChemHub) and 3 (Bazaar), all open
	state := func() string {
		s, err := tickets.Open(dir+"/precwatch.db", tickets.Options{MustExist: true})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		var b strings.Builder
		for id := int64(1); id <= 3; id++ {
			tk, err := s.Ticket(context.Background(), id)
			if err != nil {
				t.Fatal(err)
			}
			evs, _ := s.Events(context.Background(), id)
			last := evs[len(evs)-1]
			fmt.Fprintf(&b, "%d:%s:%d:%s:%s ", id, tk.Status, len(evs), last.Actor, last.Reason)
		}
		return b.String()
	}
	setStatus := func(stdin string, args ...string) (int, string, string) {
		var out, errb strings.Builder
		env := &Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb, Getenv: func(string) string { return "" }}
		code := Run(context.Background(), env, append([]string{"tickets", "set-status", "--data", dir, "--actor", "ann", "--reason", "same seller"}, args...))
		return code, out.String(), errb.String()
	}
	before := state()
	refused := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--ids", "1,2,99", "in_review"}, 1, "ticket 99 is not found"},
		{[]string{"--ids", "1,2", "dismissed"}, 1, "ticket 1 is open: it cannot become dismissed"},
		{[]string{"--ids", "1,x", "in_review"}, 2, `ticket ID "x"`},
		{[]string{"--ids", "1,2", "1", "in_review"}, 2, "with --ids, want a status only"},
		{[]string{"--ids", "1,2", "--from", "shut", "in_review"}, 2, `--from "shut"`},
	}
	for _, c := range refused {
		code, out, errOut := setStatus("", c.args...)
		if code != c.code || !strings.Contains(errOut, c.want) || out != "" {
			t.Errorf("set-status %v: exit %d, stdout %q, stderr %q; want exit %d saying %q", c.args, code, out, errOut, c.code, c.want)
		}
		if after := state(); after != before {
			t.Errorf("set-status %v: refused, yet the tickets changed: %s, was %s", c.args, after, before)
		}
	}
	code, out, errOut := setStatus("", "--ids", "1, 3", "--from", "open", "in_review")
	if code != 0 || out != "ticket 1: open -> in_review\nticket 3: open -> in_review\n" {
		t.Fatalf("set-status --ids 1,3: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	if got := state(); !strings.HasPrefix(got, "1:in_review:2:ann:same seller 2:open:1:") || !strings.Contains(got, "3:in_review:2:ann:same seller") {
		t.Errorf("after set-status --ids 1,3: %s", got)
	}
	before = state()
	if code, out, errOut := setStatus("", "--ids", "1,2", "--from", "open", "escalated"); code != 1 || !strings.Contains(errOut, "ticket 1 is in_review, not open") || out != "" {
		t.Errorf("set-status --from open on an in_review ticket: exit %d, stdout %q, stderr %q; want exit 1 naming in_review", code, out, errOut)
	}
	if code, _, errOut := setStatus("", "--from", "open", "1", "escalated"); code != 1 || !strings.Contains(errOut, "in_review, not open") {
		t.Errorf("set-status --from open 1: exit %d, stderr %q; want exit 1 naming in_review", code, errOut)
	}
	if after := state(); after != before {
		t.Errorf("refused --from changes changed the tickets: %s, was %s", after, before)
	}
	if code, out, errOut := setStatus("1\n3\n", "--ids", "-", "escalated"); code != 0 || strings.Count(out, "in_review -> escalated") != 2 {
		t.Errorf("set-status --ids - (stdin 1, 3): exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}
