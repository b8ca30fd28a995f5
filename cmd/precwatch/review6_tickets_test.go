package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/precwatch/precwatch/tickets"
)

// review6Item is one listing of a review6Market feed.
type review6Item struct {
	ID, Path, Title, Body, Seller string
}

// review6Market is a loopback marketplace serving JSON feeds that a test
// changes between crawls.
type review6Market struct {
	mu    sync.Mutex
	feeds map[string][]review6Item
	srv   *httptest.Server
}

func newReview6Market(t *testing.T) *review6Market {
	m := &review6Market{feeds: map[string][]review6Item{}}
	m.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		m.mu.Lock()
		items, ok := m.feeds[r.URL.Path]
		m.mu.Unlock()
		if !ok {
			http.NotFound(w, r)
			return
		}
		type item struct {
			ID     string `json:"id"`
			Link   string `json:"link"`
			Title  string `json:"title"`
			Body   string `json:"body"`
			Seller string `json:"seller"`
		}
		out := struct {
			Items []item `json:"items"`
		}{Items: []item{}}
		for _, it := range items {
			out.Items = append(out.Items, item{ID: it.ID, Link: m.srv.URL + it.Path, Title: it.Title, Body: it.Body, Seller: it.Seller})
		}
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(out)
	}))
	t.Cleanup(m.srv.Close)
	return m
}

func (m *review6Market) set(path string, items ...review6Item) {
	m.mu.Lock()
	m.feeds[path] = items
	m.mu.Unlock()
}

// review6Target is a JSON target of platform on feed; withID says whether
// it reads the platform's listing id (else listings are named by URL).
func review6Target(name, platform, feedURL string, withID bool) string {
	id := ""
	if withID {
		id = "id: id, "
	}
	return fmt.Sprintf(`  - name: %s
    platform: %s
    kind: json
    start_urls: ["%s"]
    allow_private_networks: true
    respect_robots_txt: false
    delay: 0s
    max_retries: 0
    json:
      items: items
      fields: {%surl: link, title: title, description: body, seller: seller}
`, name, platform, feedURL, id)
}

func review6Config(t *testing.T, path, data string, targets ...string) {
	t.Helper()
	writeFile(t, path, "data_dir: "+data+"\ntargets:\n"+strings.Join(targets, ""))
}

func review6Crawl(t *testing.T, cfg string, targets ...string) string {
	t.Helper()
	args := []string{"crawl", "--config", cfg}
	for _, n := range targets {
		args = append(args, "--target", n)
	}
	code, stdout, stderr := runCmd(t, nil, args...)
	if code != 0 {
		t.Fatalf("crawl %v: exit %d\n%s%s", targets, code, stdout, stderr)
	}
	return stdout
}

// review6Show is `tickets show --format json` of ticket id.
type review6Show struct {
	Ticket struct {
		Status        string `json:"status"`
		ListingStatus string `json:"listing_status"`
	} `json:"ticket"`
	Observables []struct{ Type, Value string } `json:"observables"`
	Events      []tickets.TicketEvent          `json:"events"`
	Links       []tickets.Link                 `json:"links"`
}

func review6ShowTicket(t *testing.T, data string, id int64) review6Show {
	t.Helper()
	code, out, errOut := runCmd(t, nil, "tickets", "show", "--data", data, "--format", "json", strconv.FormatInt(id, 10))
	if code != 0 {
		t.Fatalf("tickets show %d: exit %d: %s", id, code, errOut)
	}
	var s review6Show
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatalf("tickets show %d: %v\n%s", id, err, out)
	}
	return s
}

func review6Actions(s review6Show) []string {
	var out []string
	for _, e := range s.Events {
		out = append(out, e.Action)
	}
	return out
}

const (
	review6BMK  = "BMK glycidate CAS 5449-12-7, 25 kg drums"
	review6Body = "Stealth shipping worldwide, no paperwork. Wickr: chemking"
)

// TestReview6TwoTargetsOnePlatform: two targets of one platform crawl the
// same feed; the second is then pointed at another feed. The listings the
// first still sees stay active (they were removed, then "reappeared" on the
// first's next run); they are removed once no target sees them.
func TestReview6TwoTargetsOnePlatform(t *testing.T) {
	m := newReview6Market(t)
	m.set("/feed1", review6Item{ID: "101", Path: "/p/101", Title: review6BMK, Body: review6Body, Seller: "chemking"},
		review6Item{ID: "102", Path: "/p/102", Title: "PMK glycidate 1 kg", Body: "No questions asked, Telegram @pmkshop", Seller: "pmkshop"})
	m.set("/feed2", review6Item{ID: "201", Path: "/p/201", Title: "Lab glassware set", Body: "Beakers and flasks", Seller: "glass"})
	dir := t.TempDir()
	data, cfg := filepath.Join(dir, "data"), filepath.Join(dir, "precwatch.yml")
	review6Config(t, cfg, data, review6Target("alpha", "Hub", m.srv.URL+"/feed1", true), review6Target("alpha2", "Hub", m.srv.URL+"/feed1", true))
	review6Crawl(t, cfg, "alpha")
	// The sellers edit their listings; alpha2 is the first to see the edit.
	m.set("/feed1", review6Item{ID: "101", Path: "/p/101", Title: review6BMK, Body: review6Body + ". New stock", Seller: "chemking"},
		review6Item{ID: "102", Path: "/p/102", Title: "PMK glycidate 1 kg", Body: "No questions asked, Telegram @pmkshop. New stock", Seller: "pmkshop"})
	review6Crawl(t, cfg, "alpha2")
	if ts := exportTickets(t, data); len(ts) != 2 {
		t.Fatalf("tickets after both targets crawled one feed = %+v, want 2", ts)
	}
	review6Config(t, cfg, data, review6Target("alpha", "Hub", m.srv.URL+"/feed1", true), review6Target("alpha2", "Hub", m.srv.URL+"/feed2", true))
	review6Crawl(t, cfg, "alpha2")
	for _, tk := range exportTickets(t, data) {
		if tk.ListingStatus != "active" {
			t.Errorf("ticket %d (%s) after alpha2 moved to another feed: listing_status %s, want active (alpha still sees it)", tk.ID, tk.ListingURL, tk.ListingStatus)
		}
	}
	review6Crawl(t, cfg, "alpha")
	for _, tk := range exportTickets(t, data) {
		s := review6ShowTicket(t, data, tk.ID)
		for _, a := range review6Actions(s) {
			if a == "removed" || a == "reappeared" {
				t.Errorf("ticket %d history %v: want no removed/reappeared", tk.ID, review6Actions(s))
				break
			}
		}
	}
	// Now neither target sees feed1: its listings are removed.
	m.set("/feed1", review6Item{ID: "103", Path: "/p/103", Title: "Beakers", Body: "Glass", Seller: "glass"})
	review6Crawl(t, cfg, "alpha")
	for _, tk := range exportTickets(t, data) {
		if tk.ListingStatus != "removed" {
			t.Errorf("ticket %d (%s) after no target sees it: listing_status %s, want removed", tk.ID, tk.ListingURL, tk.ListingStatus)
		}
	}
}

// TestReview6IdentityAcrossIDSources: one offer read by a target with the
// platform's id and by another without one (named by URL) is one listing
// with one ticket, in both orders, and a dismissal holds.
func TestReview6IdentityAcrossIDSources(t *testing.T) {
	m := newReview6Market(t)
	m.set("/feed", review6Item{ID: "101", Path: "/p/101", Title: review6BMK, Body: review6Body, Seller: "chemking"})
	m.set("/other", review6Item{ID: "301", Path: "/p/301", Title: "PMK glycidate 1 kg", Body: "No questions asked, Telegram @pmkshop", Seller: "pmkshop"})
	dir := t.TempDir()
	data, cfg := filepath.Join(dir, "data"), filepath.Join(dir, "precwatch.yml")
	review6Config(t, cfg, data,
		review6Target("withid", "Hub", m.srv.URL+"/feed", true), review6Target("noid", "Hub", m.srv.URL+"/feed", false),
		review6Target("withid2", "Hub", m.srv.URL+"/other", true), review6Target("noid2", "Hub", m.srv.URL+"/other", false))

	// id first, then URL; the ticket is dismissed in between.
	review6Crawl(t, cfg, "withid")
	ts := exportTickets(t, data)
	if len(ts) != 1 {
		t.Fatalf("tickets = %+v, want 1", ts)
	}
	id := strconv.FormatInt(ts[0].ID, 10)
	for _, st := range []string{"in_review", "dismissed"} {
		if code, _, errOut := runCmd(t, nil, "tickets", "set-status", "--data", data, "--actor", "alice", "--reason", "licensed seller", id, st); code != 0 {
			t.Fatalf("set-status %s: exit %d: %s", st, code, errOut)
		}
	}
	review6Crawl(t, cfg, "noid")
	review6Crawl(t, cfg, "withid")
	review6Crawl(t, cfg, "noid")
	ts = exportTickets(t, data)
	if len(ts) != 1 || ts[0].Status != "dismissed" || ts[0].ListingStatus != "active" {
		t.Errorf("tickets after the URL-named target read the same offer = %+v, want the one ticket, dismissed and active", ts)
	}

	// URL first, then id.
	review6Crawl(t, cfg, "noid2")
	review6Crawl(t, cfg, "withid2")
	review6Crawl(t, cfg, "noid2")
	ts = exportTickets(t, data)
	if len(ts) != 2 {
		t.Errorf("tickets after the id target read an offer stored by URL = %+v, want 2 (one per offer)", ts)
	}
	for _, tk := range ts {
		if tk.ListingStatus != "active" {
			t.Errorf("ticket %d: listing_status %s, want active", tk.ID, tk.ListingStatus)
		}
	}
	for _, q := range []string{"BMK", "PMK"} {
		code, out, errOut := runCmd(t, nil, "search", "--data", data, "--format", "json", q)
		var res struct{ Total int }
		if code != 0 || json.Unmarshal([]byte(out), &res) != nil || res.Total != 1 {
			t.Errorf("search %s: exit %d, %s%s; want one hit (no duplicate in the index)", q, code, out, errOut)
		}
	}
}

// TestReview6EditKeepsObservablesAndSearch: a flagged listing edited into
// something harmless keeps its observables (and the link to the same
// seller on another platform) and stays searchable as flagged; an
// unticketed listing edited so is taken out of search.
func TestReview6EditKeepsObservablesAndSearch(t *testing.T) {
	m := newReview6Market(t)
	m.set("/hub", review6Item{ID: "1", Path: "/p/1", Title: review6BMK, Body: review6Body, Seller: "chemking"},
		review6Item{ID: "2", Path: "/p/2", Title: "Toluene 1 l", Body: "Solvent for cleaning", Seller: "solvents"})
	m.set("/bazaar", review6Item{ID: "9", Path: "/b/9", Title: "PMK glycidate 5 kg", Body: "Discreet packaging. Wickr: chemking", Seller: "ck"})
	dir := t.TempDir()
	data, cfg := filepath.Join(dir, "data"), filepath.Join(dir, "precwatch.yml")
	review6Config(t, cfg, data, review6Target("hub", "Hub", m.srv.URL+"/hub", true), review6Target("bazaar", "Bazaar", m.srv.URL+"/bazaar", true))
	review6Crawl(t, cfg)
	var hubID, bazaarID int64
	for _, tk := range exportTickets(t, data) {
		switch tk.Platform {
		case "Hub":
			hubID = tk.ID
		case "Bazaar":
			bazaarID = tk.ID
		}
	}
	if hubID == 0 || bazaarID == 0 || len(review6ShowTicket(t, data, bazaarID).Links) == 0 {
		t.Fatalf("fixture: tickets hub %d bazaar %d, want both, linked by the wickr contact", hubID, bazaarID)
	}
	search := func(q string) int {
		code, out, errOut := runCmd(t, nil, "search", "--data", data, "--format", "json", q)
		var res struct{ Total int }
		if code != 0 || json.Unmarshal([]byte(out), &res) != nil {
			t.Fatalf("search %s: exit %d, %s%s", q, code, out, errOut)
		}
		return res.Total
	}
	if search("toluene") != 1 {
		t.Fatalf("fixture: the toluene listing is not indexed")
	}

	m.set("/hub", review6Item{ID: "1", Path: "/p/1", Title: "Lab glassware set", Body: "Beakers and flasks, bank transfer", Seller: "chemking"},
		review6Item{ID: "2", Path: "/p/2", Title: "Plastic funnels", Body: "Set of three", Seller: "solvents"})
	review6Crawl(t, cfg, "hub")
	hub := review6ShowTicket(t, data, hubID)
	found := false
	for _, o := range hub.Observables {
		found = found || (o.Type == "wickr" && o.Value == "chemking")
	}
	if !found {
		t.Errorf("observables of the edited listing = %+v, want the wickr contact of the flagged version", hub.Observables)
	}
	if links := review6ShowTicket(t, data, bazaarID).Links; len(links) == 0 || links[0].TicketID != hubID {
		t.Errorf("links of the Bazaar ticket after the Hub listing was edited = %+v, want the Hub ticket %d", links, hubID)
	}
	if n := search("glycidate"); n != 2 {
		t.Errorf("search glycidate after the flagged Hub listing was edited = %d hits, want 2 (it stays searchable as flagged)", n)
	}
	if n := search("toluene"); n != 0 {
		t.Errorf("search toluene after the unticketed listing was edited = %d hits, want 0", n)
	}
}

// TestReview6IncidentExportHTTP: GET /api/v1/exports/incidents.json sorts
// by score as one list, rejects an unknown status with 400 naming it,
// lists a ticket escalated straight from the queue under status=escalated,
// and says each incident's status.
func TestReview6IncidentExportHTTP(t *testing.T) {
	f := newFixture(t)
	ctx := t.Context()
	ts, err := f.a.store.Tickets(ctx, tickets.Filter{Sort: tickets.SortID, Limit: 4})
	if err != nil || len(ts) < 4 {
		t.Fatalf("fixture tickets = %d, %v; want 4", len(ts), err)
	}
	set := func(id int64, sts ...string) {
		for _, st := range sts {
			if err := f.a.store.SetStatus(ctx, id, st, "alice", "review6"); err != nil {
				t.Fatalf("SetStatus(%d, %s): %v", id, st, err)
			}
		}
	}
	set(ts[0].ID, "in_review", "confirmed")
	set(ts[1].ID, "in_review", "confirmed", "escalated")
	set(ts[2].ID, "in_review", "confirmed")
	set(ts[3].ID, "escalated")
	type report struct {
		Incidents []struct {
			TicketID int64   `json:"ticket_id"`
			Status   string  `json:"status"`
			Score    float64 `json:"score"`
		} `json:"incidents"`
	}
	var rep report
	f.getJSON("admin", "/api/v1/exports/incidents.json?sort=score", &rep)
	if len(rep.Incidents) != 3 {
		t.Fatalf("incidents sorted by score = %+v, want the 3 confirmed ones", rep.Incidents)
	}
	for i := 1; i < len(rep.Incidents); i++ {
		if rep.Incidents[i].Score > rep.Incidents[i-1].Score {
			t.Errorf("incidents?sort=score not sorted by score: %+v", rep.Incidents)
		}
	}
	for _, in := range rep.Incidents {
		if in.Status != "confirmed" && in.Status != "escalated" {
			t.Errorf("incident %d status %q, want confirmed or escalated", in.TicketID, in.Status)
		}
	}
	rep = report{}
	f.getJSON("admin", "/api/v1/exports/incidents.json?status=escalated", &rep)
	var got []int64
	for _, in := range rep.Incidents {
		got = append(got, in.TicketID)
	}
	if fmt.Sprint(got) != fmt.Sprint([]int64{ts[1].ID, ts[3].ID}) {
		t.Errorf("incidents?status=escalated = %v, want %v (escalated straight from the queue included)", got, []int64{ts[1].ID, ts[3].ID})
	}
	for _, q := range []string{"status=bogus", "status=open"} {
		code, body := f.do("admin", "GET", "/api/v1/exports/incidents.json?"+q, "")
		if code != http.StatusBadRequest || !strings.Contains(body, "status") || !strings.Contains(body, "invalid") {
			t.Errorf("incidents?%s = %d %s, want 400 invalid naming status", q, code, body)
		}
	}
}
