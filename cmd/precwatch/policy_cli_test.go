package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// marketplace is a loopback marketplace whose catalog and listing pages a
// test changes between crawls.
type marketplace struct {
	mu    sync.Mutex
	pages map[string]string // path → HTML; "/catalog" is the start page
	srv   *httptest.Server
}

func newMarketplace(t *testing.T) *marketplace {
	t.Helper()
	m := &marketplace{pages: map[string]string{}}
	m.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		m.mu.Lock()
		body, ok := m.pages[r.URL.Path]
		_, slashed := m.pages[r.URL.Path+"/"]
		m.mu.Unlock()
		switch {
		case ok:
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write([]byte(body))
		case slashed: // as most web servers do for a directory
			http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(m.srv.Close)
	return m
}

func (m *marketplace) set(path, html string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if html == "" {
		delete(m.pages, path)
		return
	}
	m.pages[path] = html
}

func (m *marketplace) catalog(hrefs ...string) {
	var b strings.Builder
	b.WriteString("<html><body>")
	for _, h := range hrefs {
		b.WriteString(`<a class="product-link" href="` + h + `">item</a>`)
	}
	b.WriteString("</body></html>")
	m.set("/catalog", b.String())
}

func product(title, description string) string {
	return `<html><body><div class="product"><h1>` + title + `</h1><div class="description">` + description +
		`</div><span class="price">$950/kg</span><span class="seller">LabGuy Ltd</span><span class="origin">Wuhan, China</span></div></body></html>`
}

// cliTicket is a line of `tickets export` with the fields this test reads.
type cliTicket struct {
	exportedTicket
	ListingID string `json:"listing_id"`
}

func cliTickets(t *testing.T, data string) map[string]cliTicket {
	t.Helper()
	code, out, errOut := runMain(t, "tickets", "export", "--data", data)
	if code != 0 {
		t.Fatalf("tickets export: exit %d: %s", code, errOut)
	}
	m := map[string]cliTicket{}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if line == "" {
			continue
		}
		var c cliTicket
		if err := json.Unmarshal([]byte(line), &c); err != nil {
			t.Fatalf("export line %q: %v", line, err)
		}
		if _, dup := m[c.ListingURL]; dup {
			t.Errorf("two tickets for %s", c.ListingURL)
		}
		m[c.ListingURL] = c
	}
	return m
}

// TestTicketPolicyThroughCLI drives the ticket policy of DESIGN.md through
// the commands only, on a loopback marketplace that changes between crawls:
// identity across URL variants, re-crawls, a harmless edit of a flagged
// listing, removal and reappearance, the workflow with its audit log, a
// dismissed ticket that stays dismissed, and the incident report.
func TestTicketPolicyThroughCLI(t *testing.T) {
	if testing.Short() {
		t.Skip("crawls a loopback marketplace three times")
	}
	m := newMarketplace(t)
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	cfg := filepath.Join(dir, "precwatch.yml")
	writeFile(t, cfg, `targets:
  - name: mini
    platform: MiniMart
    start_urls: ["`+m.srv.URL+`/catalog"]
    allow_private_networks: true
    respect_robots_txt: false
    delay: 0s
    follow: ["a.product-link"]
    listing:
      url_pattern: "/p/"
      item: "div.product"
      fields: {title: "h1", description: ".description", price: ".price", seller: ".seller", location: ".origin"}
`)
	crawl := func(round int) {
		t.Helper()
		code, out, errOut := runMain(t, "crawl", "--config", cfg, "--data", data)
		if code != 0 {
			t.Fatalf("crawl %d: exit %d\n%s\n%s", round, code, out, errOut)
		}
	}
	bmk := product("BMK glycidate CAS 5449-12-7, 25 kg drum", "Safe delivery to Germany, contact Wickr: labguy99. Payment BTC only.")
	pse := product("Pseudoephedrine HCl powder CAS 345-78-8, 10 kg", "No prescription, no paperwork. Discreet packaging.")
	pmk := product("PMK glycidate CAS 13605-48-6 in stock", "Stealth shipping worldwide, Telegram @labguy99.")
	m.set("/p/1", bmk)
	m.set("/p/2/", pse)
	m.set("/p/3", pmk)
	m.set("/p/4", product("Borosilicate beaker set 500 ml", "Lab glassware, invoice and bank transfer."))
	// The same listing linked with tracking parameters, and a listing
	// linked without the trailing slash its server redirects to.
	m.catalog("/p/1?utm_source=news&utm_medium=mail", "/p/1", "/p/2", "/p/3?ref=home", "/p/4")
	crawl(1)

	u := func(p string) string { return m.srv.URL + p }
	ts := cliTickets(t, data)
	if len(ts) != 3 {
		t.Fatalf("after crawl 1: %d tickets %v, want 3 (p/1, p/2/, p/3)", len(ts), ts)
	}
	for _, p := range []string{"/p/1", "/p/2/", "/p/3"} {
		if c, ok := ts[u(p)]; !ok || c.Status != "open" || c.ListingStatus != "active" {
			t.Errorf("after crawl 1: ticket of %s = %+v, want open and active", p, c)
		}
	}
	first := ts[u("/p/3")]

	// The workflow: an invalid move is refused with the allowed ones, and
	// every change is in the history with who and why.
	if code, _, errOut := runMain(t, "tickets", "set-status", "--data", data, "--actor", "ann", "--reason", "r",
		itoa(ts[u("/p/1")].ID), "confirmed"); code == 0 || !strings.Contains(errOut, "allowed: in_review, escalated") {
		t.Errorf("set-status open -> confirmed: exit %d, stderr %q; want refused naming the allowed states", code, errOut)
	}
	setStatus := func(id int64, status, reason string) {
		t.Helper()
		if code, _, errOut := runMain(t, "tickets", "set-status", "--data", data, "--actor", "ann", "--reason", reason, itoa(id), status); code != 0 {
			t.Fatalf("set-status %d %s: exit %d: %s", id, status, code, errOut)
		}
	}
	setStatus(ts[u("/p/1")].ID, "in_review", "checking the seller")
	setStatus(ts[u("/p/1")].ID, "confirmed", "BMK glycidate offered with customs evasion")
	setStatus(ts[u("/p/3")].ID, "in_review", "checking")
	setStatus(ts[u("/p/3")].ID, "dismissed", "licensed distributor, verified")

	// Crawl 2: p/1 is gone, p/2/ is edited into something harmless, p/3
	// is unchanged, and p/2/ is now linked with its slash.
	m.catalog("/p/2/", "/p/3", "/p/4")
	m.set("/p/1", "")
	m.set("/p/2/", product("Magnetic stirrer 2 l", "Laboratory equipment, bank transfer, invoice."))
	time.Sleep(10 * time.Millisecond) // last_seen must be able to move on a coarse clock
	crawl(2)
	ts = cliTickets(t, data)
	if len(ts) != 3 {
		t.Fatalf("after crawl 2: %d tickets, want 3", len(ts))
	}
	if c := ts[u("/p/1")]; c.ListingStatus != "removed" || c.Status != "confirmed" {
		t.Errorf("after crawl 2: ticket of the removed p/1 = %+v, want confirmed, listing_status removed", c)
	}
	if code, out, _ := runMain(t, "tickets", "show", "--data", data, itoa(ts[u("/p/1")].ID)); code != 0 ||
		!regexp.MustCompile(`Removed: +\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z \(\S+ after it was flagged\)`).MatchString(out) {
		t.Errorf("tickets show of the removed p/1: want when it was removed and how long after it was flagged:\n%s", out)
	}
	if c := ts[u("/p/2/")]; c.Status != "open" || !strings.Contains(c.Title, "Pseudoephedrine") || len(c.Substances) == 0 {
		t.Errorf("after crawl 2: ticket of p/2/ edited harmless = %+v, want open with the flagged title and substances", c)
	}
	if c := ts[u("/p/3")]; c.Status != "dismissed" || !c.LastSeen.After(first.LastSeen) || !c.FirstSeen.Equal(first.FirstSeen) {
		t.Errorf("after crawl 2: ticket of the unchanged, dismissed p/3 = %+v, want dismissed, last_seen after %v, first_seen kept", c, first.LastSeen)
	}

	// Crawl 3: p/1 is back.
	m.set("/p/1", bmk)
	m.catalog("/p/1", "/p/2/", "/p/3", "/p/4")
	crawl(3)
	ts = cliTickets(t, data)
	if c := ts[u("/p/1")]; len(ts) != 3 || c.ListingStatus != "active" || c.Status != "confirmed" {
		t.Errorf("after crawl 3: %d tickets, p/1 = %+v; want 3, p/1 active again and still confirmed", len(ts), c)
	}
	code, show, errOut := runMain(t, "tickets", "show", "--data", data, itoa(ts[u("/p/1")].ID))
	if code != 0 {
		t.Fatalf("tickets show: exit %d: %s", code, errOut)
	}
	for _, want := range []string{"ann  status open -> in_review: checking the seller", "ann  status in_review -> confirmed: BMK glycidate offered",
		"removed active -> removed", "after it was flagged", "reappeared removed -> active"} {
		if !strings.Contains(show, want) {
			t.Errorf("tickets show %d: history lacks %q:\n%s", ts[u("/p/1")].ID, want, show)
		}
	}
	code, out, errOut := runMain(t, "tickets", "show", "--data", data, itoa(ts[u("/p/2/")].ID))
	if code != 0 || !strings.Contains(out, "cleared suspicious -> not suspicious") || !strings.Contains(out, "Listing now:") ||
		!strings.Contains(out, "Magnetic stirrer") || !strings.Contains(out, "Pseudoephedrine  CAS") || !strings.Contains(out, "no-paperwork:") ||
		strings.Count(out[strings.Index(out, "Evidence history:"):strings.Index(out, "\nHistory:")], "  evidence ") != 2 {
		t.Errorf("tickets show (p/2/ edited): exit %d, %s\n%s; want the edit named (Listing now, cleared entry), the flagged substances and indicators and two evidence versions", code, errOut, out)
	}

	// The incident report: the confirmed ticket with what the issue asks.
	code, out, errOut = runMain(t, "tickets", "export", "--data", data, "--format", "incident")
	if code != 0 {
		t.Fatalf("tickets export --format incident: exit %d: %s", code, errOut)
	}
	var rep struct {
		Incidents []struct {
			TicketID   int64     `json:"ticket_id"`
			Date       time.Time `json:"date"`
			Substances []struct {
				Name, CAS string
			} `json:"substances"`
			Quantities   []string                  `json:"quantities"`
			Price        *struct{ Amount float64 } `json:"price"`
			Seller       string                    `json:"seller"`
			Platform     string                    `json:"platform"`
			ListingID    string                    `json:"listing_id"`
			Location     string                    `json:"location"`
			Destinations []string                  `json:"destinations"`
			Contacts     []map[string]string       `json:"contacts"`
			URL          string                    `json:"url"`
			EvidenceHash string                    `json:"evidence_hash"`
		} `json:"incidents"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("incident report is not JSON: %v\n%s", err, out)
	}
	if len(rep.Incidents) != 1 {
		t.Fatalf("incidents = %d, want 1 (the confirmed p/1):\n%s", len(rep.Incidents), out)
	}
	in := rep.Incidents[0]
	if in.URL != u("/p/1") || in.Platform != "MiniMart" || in.Seller != "LabGuy Ltd" || in.Location != "Wuhan, China" ||
		len(in.Substances) == 0 || in.Substances[0].CAS == "" || strings.Join(in.Quantities, ",") != "25 kg" ||
		in.Price == nil || in.Price.Amount != 950 || strings.Join(in.Destinations, ",") != "Germany" || len(in.Contacts) == 0 ||
		len(in.EvidenceHash) != 64 || in.Date.IsZero() || in.ListingID == "" {
		t.Errorf("incident = %+v\nwant p/1 with substance and CAS, 25 kg, $950, LabGuy Ltd, MiniMart, Wuhan, Germany, the wickr contact, evidence hash", in)
	}
}

func itoa(id int64) string { return strconv.FormatInt(id, 10) }
