package tickets_test

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/precwatch/precwatch"
	"github.com/precwatch/precwatch/tickets"
	_ "modernc.org/sqlite"
)

var t0 = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

// MustOpen opens a store in a fresh temporary directory.
func MustOpen(tb testing.TB) *tickets.Store {
	tb.Helper()
	return MustOpenAt(tb, filepath.Join(tb.TempDir(), "precwatch.db"))
}

// MustOpenAt opens the store at path and closes it when the test ends.
func MustOpenAt(tb testing.TB, path string) *tickets.Store {
	tb.Helper()
	s, err := tickets.Open(path, tickets.Options{})
	if err != nil {
		tb.Fatalf("Open(%s): %v", path, err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

// rawDB opens the database file directly, to check what is stored.
func rawDB(tb testing.TB, path string) *sql.DB {
	tb.Helper()
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}

func count(tb testing.TB, db *sql.DB, q string, args ...any) int {
	tb.Helper()
	var n int
	if err := db.QueryRow(q, args...).Scan(&n); err != nil {
		tb.Fatalf("%s: %v", q, err)
	}
	return n
}

// suspicious returns a suspicious result for listing id on platform.
func suspicious(platform, id string) precwatch.Result {
	return precwatch.Result{
		Listing: precwatch.Listing{
			ID: id, Platform: platform, Target: strings.ToLower(platform), URL: "https://" + strings.ToLower(platform) + ".test/p/" + id,
			Title:       "BMK glycidate 5449-12-7 powder",
			Description: "99% purity, 25 kg drums. Safe delivery to USA, Canada and Germany, 100% customs pass. Wickr: chemking",
			Price:       "$1,200 / kg", Seller: "chemking", Location: "China",
			ContentHash: "hash-" + id + "-v1", EvidenceHash: "ev-" + id + "-v1",
		},
		Match: precwatch.Match{
			ID: id, Score: 0.9, Suspicious: true,
			Substances: []precwatch.SubstanceMatch{{ID: "bmk-glycidate", Name: "BMK glycidate", CAS: "5449-12-7", List: precwatch.ListDesigner,
				Hits: []precwatch.Hit{{Term: "5449-12-7", Kind: precwatch.HitCAS, Field: precwatch.FieldTitle, Start: 14, End: 23}}}},
			Indicators:  []precwatch.Indicator{{ID: "messenger-contact", Label: "encrypted messenger", Field: "description", Text: "Wickr: chemking"}},
			Observables: []precwatch.Observable{{Type: precwatch.ObservableWickr, Value: "chemking"}},
			Explain:     []string{"designer precursor offered +0.6", "messenger contact +0.3"},
		},
	}
}

func benign(platform, id string) precwatch.Result {
	return precwatch.Result{
		Listing: precwatch.Listing{ID: id, Platform: platform, Target: strings.ToLower(platform), URL: "https://x.test/" + id,
			Title: "Acetone 1 l", Seller: "labshop", ContentHash: "benign-" + id},
		Match: precwatch.Match{ID: id, Score: 0.1},
	}
}

func mustRecord(tb testing.TB, s *tickets.Store, r precwatch.Result, at time.Time) *tickets.Outcome {
	tb.Helper()
	out, err := s.Record(context.Background(), r, at)
	if err != nil {
		tb.Fatalf("Record(%s/%s): %v", r.Listing.Platform, r.Listing.ID, err)
	}
	return out
}

func TestOpenMigrations(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "precwatch.db")
	for i := range 3 {
		s, err := tickets.Open(path, tickets.Options{})
		if err != nil {
			t.Fatalf("open #%d: %v", i, err)
		}
		if err := s.IntegrityCheck(context.Background()); err != nil {
			t.Fatal(err)
		}
		s.Close()
	}
	db := rawDB(t, path)
	if got, want := count(t, db, "SELECT COUNT(*) FROM schema_migrations"), tickets.SchemaVersion(); got != want {
		t.Errorf("schema_migrations rows after 3 opens = %d, want %d", got, want)
	}
	var mode string
	if err := db.QueryRow("PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode = %q, %v; want wal", mode, err)
	}

	// A database from a newer precwatch is refused.
	if _, err := db.Exec("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, '999_future.sql', 0)"); err != nil {
		t.Fatal(err)
	}
	_, err := tickets.Open(path, tickets.Options{})
	if err == nil || !strings.Contains(err.Error(), "newer") {
		t.Errorf("Open of a schema-999 database: err = %v, want a 'newer' error", err)
	}
}

func TestOpenMustExist(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "nodata")
	_, err := tickets.Open(filepath.Join(dir, "precwatch.db"), tickets.Options{MustExist: true})
	if precwatch.ErrorCode(err) != precwatch.ENOTFOUND {
		t.Errorf("Open(missing, MustExist) err = %v, want ENOTFOUND", err)
	}
	if _, statErr := filepath.Glob(dir + "/*"); statErr != nil {
		t.Fatal(statErr)
	}
	if m, _ := filepath.Glob(filepath.Join(dir, "*")); len(m) != 0 {
		t.Errorf("Open(missing, MustExist) left files: %v", m)
	}
}

func TestRecordDedup(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "precwatch.db")
	s := MustOpenAt(t, path)
	r := suspicious("ChemHub", "l1")
	out := mustRecord(t, s, r, t0)
	if !out.Created || out.Ticket == nil || out.Ticket.Status != precwatch.StatusOpen {
		t.Fatalf("first Record = %+v, want a created open ticket", out)
	}
	again := mustRecord(t, s, r, t0)
	if again.Created || again.Updated || again.Ticket.ID != out.Ticket.ID {
		t.Errorf("replayed Record = %+v, want the same ticket, neither created nor updated", again)
	}
	db := rawDB(t, path)
	for q, want := range map[string]int{
		"SELECT COUNT(*) FROM tickets":       1,
		"SELECT COUNT(*) FROM ticket_events": 1,
		"SELECT COUNT(*) FROM outbox":        1,
		"SELECT COUNT(*) FROM listings":      1,
		"SELECT COUNT(*) FROM observables":   1,
	} {
		if got := count(t, db, q); got != want {
			t.Errorf("%s after Record twice = %d, want %d", q, got, want)
		}
	}
	ev, err := s.PendingEvents(ctx, t0, 10)
	if err != nil || len(ev) != 1 || ev[0].Event.Type != precwatch.EventTicketCreated || ev[0].Event.Ticket.ID != out.Ticket.ID {
		t.Fatalf("PendingEvents = %+v, %v; want one ticket.created", ev, err)
	}
	got := ev[0].Event.Ticket
	if got.Title != r.Listing.Title || got.Score != 0.9 || len(got.Substances) != 1 || got.Substances[0].CAS != "5449-12-7" ||
		len(got.Indicators) != 1 || got.Indicators[0] != "messenger-contact" || !got.FirstSeen.Equal(t0) {
		t.Errorf("event ticket = %+v", got)
	}

	// Unchanged: same hash true, other hash false, unknown listing false.
	for _, c := range []struct {
		id, hash string
		want     bool
	}{{"l1", "hash-l1-v1", true}, {"l1", "hash-l1-v2", false}, {"nope", "hash-l1-v1", false}} {
		got, err := s.Unchanged(ctx, "ChemHub", c.id, c.hash)
		if err != nil || got != c.want {
			t.Errorf("Unchanged(%s, %s) = %v, %v; want %v", c.id, c.hash, got, err, c.want)
		}
	}

	// A benign listing gets no ticket.
	if out := mustRecord(t, s, benign("ChemHub", "b1"), t0); out.Ticket != nil || out.Created {
		t.Errorf("Record(benign) = %+v, want no ticket", out)
	}
}

func TestRecrawlAndChange(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "precwatch.db")
	s := MustOpenAt(t, path)
	r := suspicious("ChemHub", "l1")
	id := mustRecord(t, s, r, t0).Ticket.ID

	// Re-crawl, unchanged: Seen bumps last_seen, no event.
	t1 := t0.Add(6 * time.Hour)
	if err := s.Seen(ctx, "ChemHub", "l1", t1); err != nil {
		t.Fatal(err)
	}
	if err := s.Seen(ctx, "ChemHub", "l1", t1); err != nil {
		t.Fatal(err)
	}
	tk, err := s.Ticket(ctx, id)
	if err != nil || !tk.LastSeen.Equal(t1) || !tk.FirstSeen.Equal(t0) {
		t.Fatalf("after Seen: ticket = %+v, %v; want last_seen %v", tk, err, t1)
	}
	if n, _ := s.PendingCount(ctx); n != 1 {
		t.Errorf("pending events after Seen = %d, want 1", n)
	}
	if err := s.Seen(ctx, "ChemHub", "unknown", t1); precwatch.ErrorCode(err) != precwatch.ENOTFOUND {
		t.Errorf("Seen(unknown) = %v, want ENOTFOUND", err)
	}

	// Changed content: the ticket is updated with one event, twice is once.
	t2 := t1.Add(6 * time.Hour)
	r2 := r
	r2.Listing.ContentHash, r2.Listing.EvidenceHash = "hash-l1-v2", "ev-l1-v2"
	r2.Listing.Title = "BMK glycidate, new stock"
	r2.Match.Score = 0.95
	r2.Match.Substances = append(r2.Match.Substances, precwatch.SubstanceMatch{ID: "pmk-glycidate", Name: "PMK glycidate", CAS: "13605-48-6", List: precwatch.ListDesigner})
	for i := range 2 {
		out := mustRecord(t, s, r2, t2)
		if out.Ticket.ID != id || out.Created || out.Updated != (i == 0) {
			t.Errorf("Record(changed) #%d = created %v updated %v, want updated only the first time", i, out.Created, out.Updated)
		}
	}
	tk, _ = s.Ticket(ctx, id)
	if tk.Title != r2.Listing.Title || tk.Score != 0.95 || len(tk.Substances) != 2 || !tk.LastSeen.Equal(t2) || tk.ContentHash != "hash-l1-v2" {
		t.Errorf("ticket after change = %+v", tk)
	}
	evs, _ := s.Events(ctx, id)
	if len(evs) != 2 || evs[1].Action != "updated" || !strings.Contains(evs[1].Reason, "score 0.90 -> 0.95") {
		t.Errorf("events after change = %+v, want created then updated with the score change", evs)
	}
	pend, _ := s.PendingEvents(ctx, t2, 10)
	if len(pend) != 2 || pend[1].Event.Type != precwatch.EventTicketUpdated || pend[1].Event.Ticket.Score != 0.95 || pend[0].Event.ID == pend[1].Event.ID {
		t.Errorf("outbox after change = %+v", pend)
	}
	st, err := s.ListingState(ctx, "ChemHub", "l1")
	if err != nil || st.Versions != 2 || st.Result.Listing.Title != r2.Listing.Title {
		t.Errorf("ListingState = %+v, %v; want 2 versions and the new title", st, err)
	}

	// Edited into something not suspicious: the ticket stays as it was
	// flagged (title, substances, score, evidence), with a "cleared" entry
	// naming the new version, and last_seen moves on.
	r3 := r2
	r3.Listing.ContentHash, r3.Listing.EvidenceHash = "hash-l1-v3", "ev-l1-v3"
	r3.Listing.Title = "Lab glassware set"
	r3.Match.Suspicious, r3.Match.Score, r3.Match.Substances, r3.Match.Indicators = false, 0.2, nil, nil
	t3 := t2.Add(time.Hour)
	out := mustRecord(t, s, r3, t3)
	if out.Ticket == nil || out.Ticket.ID != id || !out.Updated {
		t.Errorf("Record(no longer suspicious) = %+v, want the ticket kept and updated", out)
	}
	evs, _ = s.Events(ctx, id)
	if last := evs[len(evs)-1]; last.Action != "cleared" || !strings.Contains(last.Reason, `"Lab glassware set"`) || !strings.Contains(last.Reason, "ev-l1-v2") {
		t.Errorf("events = %+v, want cleared last, naming the new title and the kept evidence", evs)
	}
	tk, _ = s.Ticket(ctx, id)
	if tk.Title != r2.Listing.Title || tk.Score != 0.95 || len(tk.Substances) != 2 || len(tk.Indicators) != 1 ||
		tk.EvidenceHash != "ev-l1-v2" || tk.ContentHash != "hash-l1-v2" || !tk.LastSeen.Equal(t3) || tk.Status != precwatch.StatusOpen {
		t.Errorf("ticket after the listing was edited harmless = %+v, want the flagged version kept, open, last seen %v", tk, t3)
	}
	if n, _ := s.CountTickets(ctx, tickets.Filter{}); n != 1 {
		t.Errorf("tickets = %d, want 1", n)
	}
}

func TestRemovalAndReappearance(t *testing.T) {
	ctx := context.Background()
	s := MustOpen(t)
	for _, id := range []string{"a", "b", "c"} {
		mustRecord(t, s, suspicious("ChemHub", id), t0)
	}
	mustRecord(t, s, benign("ChemHub", "d"), t0)
	mustRecord(t, s, suspicious("Bazaar", "x"), t0)

	// A complete run that started later saw only "a".
	run := t0.Add(24 * time.Hour)
	if err := s.Seen(ctx, "ChemHub", "a", run.Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	end := run.Add(time.Hour)
	n, err := s.MarkMissing(ctx, "ChemHub", "chemhub", run, end)
	if err != nil || n != 3 {
		t.Fatalf("MarkMissing = %d, %v; want 3 (b, c, d)", n, err)
	}
	if n, _ := s.MarkMissing(ctx, "ChemHub", "chemhub", run, end); n != 0 {
		t.Errorf("MarkMissing replayed = %d, want 0", n)
	}
	removed, _ := s.Tickets(ctx, tickets.Filter{ListingStatus: precwatch.ListingRemoved, Sort: tickets.SortID})
	if len(removed) != 2 || removed[0].ListingID != "b" || removed[0].RemovedAt == nil || !removed[0].RemovedAt.Equal(end) {
		t.Fatalf("removed tickets = %+v, want b and c removed at %v", removed, end)
	}
	// 404 on the Bazaar listing.
	n, err = s.MarkGone(ctx, "Bazaar", []string{"https://bazaar.test/p/x", "https://bazaar.test/p/unknown"}, t0.Add(48*time.Hour))
	if err != nil || n != 1 {
		t.Fatalf("MarkGone = %d, %v; want 1", n, err)
	}
	stats, err := s.RemovalStats(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []tickets.RemovalStat{
		{Platform: "Bazaar", Flagged: 1, Removed: 1, Median: 48 * time.Hour, Mean: 48 * time.Hour},
		{Platform: "ChemHub", Flagged: 3, Removed: 2, Median: 25 * time.Hour, Mean: 25 * time.Hour},
	}
	if fmt.Sprint(stats) != fmt.Sprint(want) {
		t.Errorf("RemovalStats = %+v, want %+v", stats, want)
	}
	evs, _ := s.Events(ctx, removed[0].ID)
	if last := evs[len(evs)-1]; last.Action != "removed" || !strings.Contains(last.Reason, "25h0m0s after it was flagged") {
		t.Errorf("last event of b = %+v, want removed with the time since flag", last)
	}

	// b reappears unchanged: Seen reactivates it.
	back := end.Add(time.Hour)
	if err := s.Seen(ctx, "ChemHub", "b", back); err != nil {
		t.Fatal(err)
	}
	tk, _ := s.Ticket(ctx, removed[0].ID)
	if tk.ListingStatus != precwatch.ListingActive || tk.RemovedAt != nil || !tk.LastSeen.Equal(back) {
		t.Errorf("b after reappearing = %+v", tk)
	}
	evs, _ = s.Events(ctx, tk.ID)
	if evs[len(evs)-1].Action != "reappeared" {
		t.Errorf("last event of b = %+v, want reappeared", evs[len(evs)-1])
	}
	// c reappears changed: Record reactivates it.
	rc := suspicious("ChemHub", "c")
	rc.Listing.ContentHash = "hash-c-v2"
	out := mustRecord(t, s, rc, back)
	if out.Ticket.ListingStatus != precwatch.ListingActive || !out.Updated {
		t.Errorf("c after reappearing changed = %+v", out)
	}
	st, _ := s.ListingState(ctx, "ChemHub", "d")
	if st.Status != precwatch.ListingRemoved {
		t.Errorf("benign d status = %s, want removed", st.Status)
	}
}

func TestWorkflow(t *testing.T) {
	ctx := context.Background()
	s := MustOpen(t)
	id := mustRecord(t, s, suspicious("ChemHub", "l1"), t0).Ticket.ID
	steps := []struct {
		status, actor, reason string
		code                  string
	}{
		{precwatch.StatusConfirmed, "alice", "obvious", precwatch.EINVALID}, // open cannot be confirmed directly
		{"bogus", "alice", "x", precwatch.EINVALID},
		{precwatch.StatusInReview, "", "no actor", precwatch.EINVALID},
		{precwatch.StatusInReview, "alice", "", precwatch.EINVALID},
		{precwatch.StatusInReview, "alice", "taking it", ""},
		{precwatch.StatusInReview, "alice", "again", precwatch.EINVALID},
		{precwatch.StatusConfirmed, "alice", "BMK offered in drums", ""},
		{precwatch.StatusEscalated, "bob", "to the national focal point", ""},
	}
	for _, st := range steps {
		err := s.SetStatus(ctx, id, st.status, st.actor, st.reason)
		if got := precwatch.ErrorCode(err); got != st.code {
			t.Errorf("SetStatus(%s, %q, %q) code = %q (%v), want %q", st.status, st.actor, st.reason, got, err, st.code)
		}
	}
	if err := s.SetStatus(ctx, 999, precwatch.StatusInReview, "alice", "x"); precwatch.ErrorCode(err) != precwatch.ENOTFOUND {
		t.Errorf("SetStatus(unknown id) = %v, want ENOTFOUND", err)
	}
	if err := s.Assign(ctx, id, "carol", "bob"); err != nil {
		t.Fatal(err)
	}
	if err := s.AddNote(ctx, id, "carol", "seller also on Bazaar"); err != nil {
		t.Fatal(err)
	}
	if err := s.AddNote(ctx, 999, "carol", "x"); precwatch.ErrorCode(err) != precwatch.ENOTFOUND {
		t.Errorf("AddNote(unknown id) = %v, want ENOTFOUND", err)
	}
	tk, _ := s.Ticket(ctx, id)
	if tk.Status != precwatch.StatusEscalated || tk.Assignee != "carol" {
		t.Errorf("ticket = %+v, want escalated, assigned to carol", tk)
	}
	evs, _ := s.Events(ctx, id)
	var got []string
	for _, e := range evs {
		got = append(got, fmt.Sprintf("%s:%s:%s>%s:%s", e.Actor, e.Action, e.From, e.To, e.Reason))
	}
	want := []string{
		"precwatch:created:>open:designer precursor offered +0.6; messenger contact +0.3",
		"alice:status:open>in_review:taking it",
		"alice:status:in_review>confirmed:BMK offered in drums",
		"bob:status:confirmed>escalated:to the national focal point",
		"bob:assigned:>carol:",
		"carol:note:>:seller also on Bazaar",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("audit log:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if n, _ := s.PendingCount(ctx); n != 6 {
		t.Errorf("outbox events = %d, want 6 (created + 5 updates)", n)
	}
}

func TestLinksAndSellers(t *testing.T) {
	ctx := context.Background()
	s := MustOpen(t)
	a := suspicious("ChemHub", "a") // wickr chemking
	b := suspicious("Bazaar", "b")
	b.Listing.Seller = "other-name"
	b.Match.Observables = []precwatch.Observable{{Type: precwatch.ObservableWickr, Value: "chemking"}, {Type: precwatch.ObservablePhone, Value: "+8613800000000"}}
	c := suspicious("ChemHub", "c")
	c.Listing.Seller = "third"
	c.Match.Observables = []precwatch.Observable{{Type: precwatch.ObservablePhone, Value: "+8613800000000"}}
	d := suspicious("ChemHub", "d")
	d.Listing.Seller = "loner"
	d.Match.Observables = []precwatch.Observable{{Type: precwatch.ObservableEmail, Value: "x@y.test"}}
	ids := map[string]int64{}
	for _, r := range []precwatch.Result{a, b, c, d} {
		ids[r.Listing.ID] = mustRecord(t, s, r, t0).Ticket.ID
	}
	cases := []struct {
		id   string
		want []string
	}{
		{"a", []string{fmt.Sprintf("%d:Bazaar:wickr=chemking", ids["b"])}},
		{"b", []string{fmt.Sprintf("%d:ChemHub:wickr=chemking", ids["a"]), fmt.Sprintf("%d:ChemHub:phone=+8613800000000", ids["c"])}},
		{"c", []string{fmt.Sprintf("%d:Bazaar:phone=+8613800000000", ids["b"])}},
		{"d", nil},
	}
	for _, c := range cases {
		links, err := s.Links(ctx, ids[c.id])
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, l := range links {
			got = append(got, fmt.Sprintf("%d:%s:%s=%s", l.TicketID, l.Platform, l.Observable.Type, l.Observable.Value))
		}
		if fmt.Sprint(got) != fmt.Sprint(c.want) {
			t.Errorf("Links(%s) = %v, want %v", c.id, got, c.want)
		}
	}
	sellers, err := s.Sellers(ctx, []string{"ChemHub"})
	if err != nil {
		t.Fatal(err)
	}
	if len(sellers) != 3 || sellers[0].Platform != "ChemHub" {
		t.Errorf("Sellers(ChemHub) = %+v, want 3 ChemHub sellers", sellers)
	}
	all, _ := s.Sellers(ctx, nil)
	if len(all) != 4 {
		t.Errorf("Sellers(all) = %d sellers, want 4", len(all))
	}
}

func TestTicketsFilter(t *testing.T) {
	ctx := context.Background()
	s := MustOpen(t)
	for i, p := range []string{"ChemHub", "ChemHub", "Bazaar"} {
		r := suspicious(p, fmt.Sprintf("l%d", i))
		r.Match.Score = 0.5 + float64(i)/10
		if i == 2 {
			r.Match.Substances[0] = precwatch.SubstanceMatch{ID: "ephedrine", Name: "Ephedrine", CAS: "299-42-3", List: precwatch.ListTableI}
		}
		mustRecord(t, s, r, t0.Add(time.Duration(i)*time.Hour))
	}
	cases := []struct {
		name string
		f    tickets.Filter
		want string // listing ids in order
	}{
		{"all by score", tickets.Filter{}, "l2 l1 l0"},
		{"scope", tickets.Filter{Platforms: []string{"ChemHub"}}, "l1 l0"},
		{"substance by CAS", tickets.Filter{Substance: "299-42-3"}, "l2"},
		{"substance by name", tickets.Filter{Substance: "bmk GLYCIDATE", Platforms: []string{"ChemHub"}}, "l1 l0"},
		{"min score", tickets.Filter{MinScore: 0.6}, "l2 l1"},
		{"since", tickets.Filter{Since: t0.Add(time.Hour)}, "l2 l1"},
		{"target", tickets.Filter{Target: "bazaar"}, "l2"},
		{"seller", tickets.Filter{Seller: "nobody"}, ""},
		{"limit offset", tickets.Filter{Limit: 1, Offset: 1}, "l1"},
		{"sort id", tickets.Filter{Sort: tickets.SortID}, "l0 l1 l2"},
		{"status", tickets.Filter{Status: precwatch.StatusOpen, Platforms: []string{"Bazaar"}}, "l2"},
	}
	for _, c := range cases {
		ts, err := s.Tickets(ctx, c.f)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		var got []string
		for _, tk := range ts {
			got = append(got, tk.ListingID)
		}
		if g := strings.Join(got, " "); g != c.want {
			t.Errorf("Tickets(%s %+v) = %q, want %q", c.name, c.f, g, c.want)
		}
		if c.f.Limit == 0 {
			if n, err := s.CountTickets(ctx, c.f); err != nil || n != len(got) {
				t.Errorf("CountTickets(%s) = %d, %v; want %d", c.name, n, err, len(got))
			}
		}
	}
	for _, f := range []tickets.Filter{{Status: "bogus"}, {Sort: "bogus"}, {ListingStatus: "gone"}} {
		if _, err := s.Tickets(ctx, f); precwatch.ErrorCode(err) != precwatch.EINVALID {
			t.Errorf("Tickets(%+v) err = %v, want EINVALID", f, err)
		}
	}
}

// TestMigrationUpgrade opens a database at schema version 1 and checks
// that reopening applies the later migrations and keeps the data.
func TestMigrationUpgrade(t *testing.T) {
	path := filepath.Join(t.TempDir(), "precwatch.db")
	s := MustOpenAt(t, path)
	mustRecord(t, s, suspicious("ChemHub", "a"), t0)
	s.Close()
	db := rawDB(t, path)
	for _, q := range []string{"DROP INDEX tickets_platform_status", "ALTER TABLE tickets DROP COLUMN flagged_result", "DELETE FROM schema_migrations WHERE version > 1"} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	s2 := MustOpenAt(t, path)
	if got, want := count(t, db, "SELECT MAX(version) FROM schema_migrations"), tickets.SchemaVersion(); got != want || want < 2 {
		t.Errorf("schema version after upgrade = %d, want %d", got, want)
	}
	if n := count(t, db, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'tickets_platform_status'"); n != 1 {
		t.Errorf("index of migration 2 missing after upgrade")
	}
	if n, _ := s2.CountTickets(context.Background(), tickets.Filter{}); n != 1 {
		t.Errorf("tickets after upgrade = %d, want 1", n)
	}
}

// TestRescanIsNotASighting: Record with the stored content hash and a new
// verdict updates the verdict and the ticket, not the listing's status or
// last_seen.
func TestRescanIsNotASighting(t *testing.T) {
	ctx := context.Background()
	s := MustOpen(t)
	gone := benign("ChemHub", "gone")
	mustRecord(t, s, gone, t0)
	flagged := suspicious("ChemHub", "flagged")
	mustRecord(t, s, flagged, t0)
	removedAt := t0.Add(time.Hour)
	if n, err := s.MarkMissing(ctx, "ChemHub", "chemhub", t0.Add(time.Minute), removedAt); err != nil || n != 2 {
		t.Fatalf("MarkMissing = %d, %v", n, err)
	}
	later := t0.Add(48 * time.Hour)

	// A new substance makes the removed benign listing suspicious.
	gone.Match.Suspicious, gone.Match.Score = true, 0.8
	out := mustRecord(t, s, gone, later)
	if !out.Created || out.Ticket.ListingStatus != precwatch.ListingRemoved || out.Ticket.RemovedAt == nil ||
		!out.Ticket.RemovedAt.Equal(removedAt) || !out.Ticket.LastSeen.Equal(t0) {
		t.Errorf("ticket raised by a rescan on a removed listing = %+v, want listing_status removed at %v, last seen %v", out.Ticket, removedAt, t0)
	}
	// A re-scored removed, flagged listing stays removed.
	flagged.Match.Score = 0.99
	out = mustRecord(t, s, flagged, later)
	if !out.Updated || out.Ticket.ListingStatus != precwatch.ListingRemoved || !out.Ticket.LastSeen.Equal(t0) || out.Ticket.Score != 0.99 {
		t.Errorf("re-scored removed ticket = %+v", out.Ticket)
	}
	for _, id := range []string{"gone", "flagged"} {
		st, err := s.ListingState(ctx, "ChemHub", id)
		if err != nil || st.Status != precwatch.ListingRemoved || !st.LastSeen.Equal(t0) || st.RemovedAt == nil || !st.RemovedAt.Equal(removedAt) {
			t.Errorf("listing %s after rescan = %+v, %v; want removed at %v, last seen %v", id, st, err, removedAt, t0)
		}
	}
	evs, _ := s.Events(ctx, out.Ticket.ID)
	for _, e := range evs {
		if e.Action == "reappeared" {
			t.Errorf("rescan wrote a reappeared entry: %+v", e)
		}
	}
	stats, _ := s.RemovalStats(ctx, nil)
	if len(stats) != 1 || stats[0].Flagged != 2 || stats[0].Removed != 1 || stats[0].Median != time.Hour {
		t.Errorf("RemovalStats = %+v, want 2 flagged, 1 removed after its flag, median 1h", stats)
	}
}
