package tickets_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/precwatch/precwatch"
	"github.com/precwatch/precwatch/tickets"
)

func TestExports(t *testing.T) {
	ctx := context.Background()
	s := MustOpen(t)
	a := suspicious("ChemHub", "a")
	b := suspicious("Bazaar", "b")
	b.Listing.Title = "=HYPERLINK(\"http://evil\")"
	b.Match.Score = 0.7
	mustRecord(t, s, a, t0)
	mustRecord(t, s, b, t0.Add(time.Hour))
	mustRecord(t, s, benign("ChemHub", "c"), t0)
	if err := s.Assign(ctx, 2, "ana", "admin"); err != nil {
		t.Fatal(err)
	}

	var buf bytes.Buffer
	if err := s.ExportJSONL(ctx, &buf, tickets.Filter{}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if len(lines) != 2 {
		t.Fatalf("JSONL lines = %d, want 2:\n%s", len(lines), buf.String())
	}
	var first map[string]any
	if err := json.Unmarshal([]byte(lines[0]), &first); err != nil {
		t.Fatal(err)
	}
	var keys []string
	for k := range first {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	wantKeys := []string{"assignee", "first_seen", "flagged_at", "id", "indicators", "last_seen", "listing_id", "listing_status", "listing_url", "platform", "score",
		"seller", "status", "substances", "target", "title"}
	if !slices.Equal(keys, wantKeys) {
		t.Errorf("JSONL keys = %v, want %v", keys, wantKeys)
	}
	var rec tickets.ExportRecord
	if err := json.Unmarshal([]byte(lines[0]), &rec); err != nil {
		t.Fatal(err)
	}
	want := tickets.ExportRecord{ID: 1, Status: "open", Platform: "ChemHub", Target: "chemhub", ListingURL: "https://chemhub.test/p/a",
		ListingID: "a", ListingStatus: "active", Title: a.Listing.Title, Seller: "chemking", Score: 0.9,
		Substances: []tickets.ExportSubstance{{CAS: "5449-12-7", Name: "BMK glycidate"}}, Indicators: []string{"messenger-contact"},
		FirstSeen: t0, LastSeen: t0, FlaggedAt: t0}
	if got, _ := json.Marshal(rec); string(got) != mustJSON(t, want) {
		t.Errorf("JSONL record = %s\nwant %s", got, mustJSON(t, want))
	}
	if !strings.Contains(lines[0], `"substances":[{"cas":"5449-12-7","name":"BMK glycidate"}]`) {
		t.Errorf("JSONL substances not in the contract form: %s", lines[0])
	}

	buf.Reset()
	if err := s.ExportJSONL(ctx, &buf, tickets.Filter{Platforms: []string{"Bazaar"}}); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(buf.String(), "\n"); n != 1 || !strings.Contains(buf.String(), `"platform":"Bazaar"`) {
		t.Errorf("JSONL scoped to Bazaar:\n%s", buf.String())
	}

	buf.Reset()
	if err := s.ExportCSV(ctx, &buf, tickets.Filter{}); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 3 || !slices.Equal(rows[0], tickets.CSVHeader) {
		t.Fatalf("CSV rows = %q", rows)
	}
	if got, want := rows[1], []string{"1", "open", "ChemHub", "chemhub", "https://chemhub.test/p/a", "active", a.Listing.Title,
		"chemking", "0.9", "BMK glycidate (5449-12-7)", "messenger-contact", "2026-03-01T12:00:00Z", "2026-03-01T12:00:00Z", "a", "2026-03-01T12:00:00Z", "", ""}; !slices.Equal(got, want) {
		t.Errorf("CSV row = %q\nwant %q", got, want)
	}
	if got := rows[2][16]; got != "ana" {
		t.Errorf("CSV assignee of ticket 2 = %q, want ana", got)
	}
	if rows[2][6] != `'=HYPERLINK("http://evil")` {
		t.Errorf("CSV formula title = %q, want it defused", rows[2][6])
	}
}

func mustJSON(tb testing.TB, v any) string {
	tb.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}

func TestIncidentReport(t *testing.T) {
	ctx := context.Background()
	now := t0.Add(72 * time.Hour)
	s, err := tickets.Open(t.TempDir()+"/precwatch.db", tickets.Options{Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	r := suspicious("ChemHub", "a")
	r.Match.Observables = append(r.Match.Observables, precwatch.Observable{Type: precwatch.ObservableBitcoin, Value: "bc1qexample"})
	id := mustRecord(t, s, r, t0).Ticket.ID
	mustRecord(t, s, suspicious("ChemHub", "open-one"), t0)
	for _, st := range []string{precwatch.StatusInReview, precwatch.StatusConfirmed} {
		if err := s.SetStatus(ctx, id, st, "alice", "checked"); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := s.IncidentReport(ctx, &buf, tickets.Filter{}); err != nil {
		t.Fatal(err)
	}
	var rep tickets.IncidentReport
	if err := json.Unmarshal(buf.Bytes(), &rep); err != nil {
		t.Fatalf("incident report is not JSON: %v\n%s", err, buf.String())
	}
	if len(rep.Incidents) != 1 {
		t.Fatalf("incidents = %d, want 1 (only confirmed tickets):\n%s", len(rep.Incidents), buf.String())
	}
	inc := rep.Incidents[0]
	checks := []struct {
		name      string
		got, want any
	}{
		{"ticket", inc.TicketID, id},
		{"date", inc.Date, t0},
		{"confirmed by", inc.ConfirmedBy, "alice"},
		{"substances", mustJSON(t, inc.Substances), `[{"name":"BMK glycidate","cas":"5449-12-7","list":"designer"}]`},
		{"quantities", strings.Join(inc.Quantities, ","), "25 kg"},
		{"price", mustJSON(t, inc.Price), `{"text":"$1,200 / kg","amount":1200,"currency":"USD"}`},
		{"seller", inc.Seller, "chemking"},
		{"location", inc.Location, "China"},
		{"destinations", strings.Join(inc.Destinations, ","), "United States,Canada,Germany"},
		{"contacts", mustJSON(t, inc.Contacts), `[{"type":"bitcoin","value":"bc1qexample"},{"type":"wickr","value":"chemking"}]`},
		{"url", inc.URL, "https://chemhub.test/p/a"},
		{"evidence", inc.EvidenceHash, "ev-a-v1"},
		{"platform", inc.Platform, "ChemHub"},
	}
	for _, c := range checks {
		if mustJSON(t, c.got) != mustJSON(t, c.want) {
			t.Errorf("incident %s = %v, want %v", c.name, c.got, c.want)
		}
	}
	if inc.ConfirmedAt == nil || !inc.ConfirmedAt.Equal(now) {
		t.Errorf("confirmed_at = %v, want %v", inc.ConfirmedAt, now)
	}
}

func TestParsers(t *testing.T) {
	prices := []struct{ in, desc, want string }{
		{"€ 450", "", `{"text":"€ 450","amount":450,"currency":"EUR"}`},
		{"1200 USD/kg", "", `{"text":"1200 USD/kg","amount":1200,"currency":"USD"}`},
		{"", "Great stuff. Price: 300$ per kg", `{"text":"Price: 300$ per kg","amount":300,"currency":"USD"}`},
		{"ask", "", `{"text":"ask"}`},
		{"", "no money here", `null`},
	}
	for _, c := range prices {
		if got := mustJSON(t, tickets.ParsePrice(c.in, c.desc)); got != c.want {
			t.Errorf("ParsePrice(%q, %q) = %s, want %s", c.in, c.desc, got, c.want)
		}
	}
	qs := []struct{ in, want string }{
		{"200L drum of P2P, 1.5 kg samples", "200 l,1.5 kg"},
		{"Pseudoephedrine 60mg x 10000 tablets", "60 mg,10000 tablets"},
		{"model X200 kit", ""},
	}
	for _, c := range qs {
		if got := strings.Join(tickets.Quantities(c.in), ","); got != c.want {
			t.Errorf("Quantities(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	ds := []struct{ loc, in, want string }{
		{"China", "Safe delivery to USA, UK and Australia. Made in China.", "United States,United Kingdom,Australia"},
		{"Netherlands", "Contact us for the price. Ships from Netherlands to all of Europe", "Europe"},
		{"", "Door to door to US and Mexico", "United States,Mexico"},
	}
	for _, c := range ds {
		if got := strings.Join(tickets.Destinations(c.loc, c.in), ","); got != c.want {
			t.Errorf("Destinations(%q, %q) = %q, want %q", c.loc, c.in, got, c.want)
		}
	}
}
