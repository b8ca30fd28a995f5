package tickets_test

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/precwatch/precwatch"
	"github.com/precwatch/precwatch/tickets"
)

func TestOutbox(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "precwatch.db")
	s := MustOpenAt(t, path)
	mustRecord(t, s, suspicious("ChemHub", "a"), t0)
	mustRecord(t, s, suspicious("Bazaar", "b"), t0)
	pend, err := s.PendingEvents(ctx, t0, 10)
	if err != nil || len(pend) != 2 {
		t.Fatalf("PendingEvents = %d, %v; want 2", len(pend), err)
	}
	if pend[0].Platform != "ChemHub" || pend[1].Platform != "Bazaar" || pend[0].Event.Platform != "ChemHub" {
		t.Errorf("outbox platforms = %s, %s", pend[0].Platform, pend[1].Platform)
	}
	if err := s.MarkDelivered(ctx, pend[0].ID); err != nil {
		t.Fatal(err)
	}
	if err := s.MarkDelivered(ctx, pend[0].ID); err != nil {
		t.Errorf("MarkDelivered twice: %v", err)
	}
	retry := t0.Add(time.Minute)
	if err := s.MarkFailed(ctx, pend[1].ID, "connection refused", retry); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.PendingEvents(ctx, t0, 10); len(got) != 0 {
		t.Errorf("pending before retry time = %+v, want none", got)
	}
	got, _ := s.PendingEvents(ctx, retry, 10)
	if len(got) != 1 || got[0].Attempts != 1 || got[0].LastError != "connection refused" || got[0].Event.ID != pend[1].Event.ID {
		t.Errorf("pending at retry time = %+v, want b with 1 attempt and the same event ID", got)
	}
	if err := s.MarkFailed(ctx, 999, "x", retry); precwatch.ErrorCode(err) != precwatch.ENOTFOUND {
		t.Errorf("MarkFailed(unknown) = %v, want ENOTFOUND", err)
	}
	// Pending events survive a reopen.
	s.Close()
	s2 := MustOpenAt(t, path)
	if got, _ := s2.PendingEvents(ctx, retry, 10); len(got) != 1 {
		t.Errorf("pending after reopen = %d, want 1", len(got))
	}
}

func TestTokens(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "precwatch.db")
	s := MustOpenAt(t, path)
	bad := []struct{ role, platform string }{
		{"root", ""}, {"partner", ""}, {"reviewer", " "}, {"admin", "ChemHub"}, {"regulator:X", ""},
	}
	for _, c := range bad {
		if _, err := s.CreateToken(ctx, c.role, c.platform); precwatch.ErrorCode(err) != precwatch.EINVALID {
			t.Errorf("CreateToken(%q, %q) = %v, want EINVALID", c.role, c.platform, err)
		}
	}
	good := []struct {
		role, platform string
		want           tickets.Principal
	}{
		{"admin", "", tickets.Principal{Role: "admin"}},
		{"partner", "ChemHub", tickets.Principal{Role: "partner", Platform: "ChemHub"}},
		{"reviewer:Bazaar", "", tickets.Principal{Role: "reviewer", Platform: "Bazaar"}},
		{"regulator", "", tickets.Principal{Role: "regulator"}},
	}
	var plain []string
	for _, c := range good {
		tok, err := s.CreateToken(ctx, c.role, c.platform)
		if err != nil {
			t.Fatalf("CreateToken(%q, %q): %v", c.role, c.platform, err)
		}
		if !strings.HasPrefix(tok, "pw_") || len(tok) != 3+43 {
			t.Errorf("token %q: want pw_ and 43 base64url characters", tok)
		}
		p, err := s.Authenticate(ctx, tok)
		if err != nil {
			t.Fatalf("Authenticate(%s): %v", c.role, err)
		}
		c.want.TokenID = p.TokenID
		if *p != c.want {
			t.Errorf("Authenticate(token of %q, %q) = %+v, want %+v", c.role, c.platform, *p, c.want)
		}
		plain = append(plain, tok)
	}
	// Only hashes are stored.
	db := rawDB(t, path)
	for _, tok := range plain {
		if n := count(t, db, "SELECT COUNT(*) FROM tokens WHERE hash = ? OR instr(hash, ?) > 0", tok, tok[3:]); n != 0 {
			t.Errorf("plaintext token found in the tokens table")
		}
	}
	var dump strings.Builder
	rows, _ := db.Query("SELECT hash FROM tokens")
	for rows.Next() {
		var h string
		rows.Scan(&h)
		dump.WriteString(h)
		if len(h) != 64 {
			t.Errorf("stored hash %q is not SHA-256 hex", h)
		}
	}
	rows.Close()

	for _, tok := range []string{"", "pw_nope", "Bearer " + plain[0], plain[0] + "x"} {
		if _, err := s.Authenticate(ctx, tok); precwatch.ErrorCode(err) != precwatch.EUNAUTHORIZED {
			t.Errorf("Authenticate(%q) = %v, want EUNAUTHORIZED", tok, err)
		}
	}
	p, _ := s.Authenticate(ctx, plain[1])
	if err := s.RevokeToken(ctx, p.TokenID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Authenticate(ctx, plain[1]); precwatch.ErrorCode(err) != precwatch.EUNAUTHORIZED {
		t.Errorf("Authenticate(revoked) = %v, want EUNAUTHORIZED", err)
	}
	if err := s.RevokeToken(ctx, 999); precwatch.ErrorCode(err) != precwatch.ENOTFOUND {
		t.Errorf("RevokeToken(unknown) = %v, want ENOTFOUND", err)
	}
	list, _ := s.Tokens(ctx)
	if len(list) != 4 || !list[1].Revoked {
		t.Errorf("Tokens = %+v", list)
	}
	// Authenticate only reads; a use is recorded by TokenUsed.
	for _, tok := range list {
		if tok.LastUsedAt != nil {
			t.Errorf("token %d: last used %v after Authenticate alone, want never", tok.ID, *tok.LastUsedAt)
		}
	}
	if err := s.TokenUsed(ctx, list[0].ID); err != nil {
		t.Fatal(err)
	}
	list, _ = s.Tokens(ctx)
	if list[0].LastUsedAt == nil || list[2].LastUsedAt != nil {
		t.Errorf("after TokenUsed(%d): Tokens = %+v, want only token %d used", list[0].ID, list, list[0].ID)
	}
}

func TestTargetsWebhooksRuns(t *testing.T) {
	ctx := context.Background()
	s := MustOpen(t)
	tg := precwatch.Target{Name: "chemhub", Platform: "ChemHub", Kind: precwatch.KindHTML, StartURLs: []string{"http://127.0.0.1/x"},
		Delay: 250 * time.Millisecond, Listing: precwatch.ListingSpec{Fields: map[string]string{"id": "@data-id"}}}
	if err := s.PutTarget(ctx, tg); err != nil {
		t.Fatal(err)
	}
	tg.MaxPages = 10
	if err := s.PutTarget(ctx, tg); err != nil {
		t.Fatal(err)
	}
	if err := s.PutTarget(ctx, precwatch.Target{Name: "feed", Platform: "Bazaar"}); err != nil {
		t.Fatal(err)
	}
	if err := s.PutTarget(ctx, precwatch.Target{Name: "x"}); precwatch.ErrorCode(err) != precwatch.EINVALID {
		t.Errorf("PutTarget(no platform) = %v, want EINVALID", err)
	}
	got, err := s.Targets(ctx, []string{"ChemHub"})
	if err != nil || len(got) != 1 || got[0].Target.MaxPages != 10 || got[0].Target.Delay != tg.Delay || got[0].Target.Listing.Fields["id"] != "@data-id" {
		t.Errorf("Targets(ChemHub) = %+v, %v", got, err)
	}
	if all, _ := s.Targets(ctx, nil); len(all) != 2 {
		t.Errorf("Targets(all) = %d, want 2", len(all))
	}
	if err := s.DeleteTarget(ctx, "feed"); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteTarget(ctx, "feed"); precwatch.ErrorCode(err) != precwatch.ENOTFOUND {
		t.Errorf("DeleteTarget twice = %v, want ENOTFOUND", err)
	}
	if _, err := s.Target(ctx, "feed"); precwatch.ErrorCode(err) != precwatch.ENOTFOUND {
		t.Errorf("Target(deleted) = %v, want ENOTFOUND", err)
	}

	if _, err := s.Webhook(ctx, "ChemHub"); precwatch.ErrorCode(err) != precwatch.ENOTFOUND {
		t.Errorf("Webhook(none) = %v, want ENOTFOUND", err)
	}
	if err := s.SetWebhook(ctx, tickets.Webhook{Platform: "ChemHub", URL: "http://127.0.0.1:9/hook"}); precwatch.ErrorCode(err) != precwatch.EINVALID {
		t.Errorf("SetWebhook(no secret) = %v, want EINVALID", err)
	}
	if err := s.SetWebhook(ctx, tickets.Webhook{Platform: "ChemHub", URL: "http://127.0.0.1:9/hook", Secret: "s3"}); err != nil {
		t.Fatal(err)
	}
	w, err := s.Webhook(ctx, "ChemHub")
	if err != nil || w.URL != "http://127.0.0.1:9/hook" || w.Secret != "s3" {
		t.Errorf("Webhook = %+v, %v", w, err)
	}
	if b, _ := json.Marshal(w); strings.Contains(string(b), "s3") {
		t.Errorf("webhook JSON leaks the secret: %s", b)
	}
	if err := s.SetWebhook(ctx, tickets.Webhook{Platform: "ChemHub"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Webhook(ctx, "ChemHub"); precwatch.ErrorCode(err) != precwatch.ENOTFOUND {
		t.Errorf("Webhook(removed) = %v, want ENOTFOUND", err)
	}

	id1, err := s.StartRun(ctx, "chemhub", "ChemHub", t0)
	if err != nil {
		t.Fatal(err)
	}
	id2, _ := s.StartRun(ctx, "feed", "Bazaar", t0.Add(time.Hour))
	fin := t0.Add(10 * time.Minute)
	if err := s.FinishRun(ctx, tickets.Run{ID: id1, Finished: &fin, Complete: true, Pages: 12, Listings: 40, Errors: 1,
		Error: json.RawMessage(`{"timeout":1}`)}); err != nil {
		t.Fatal(err)
	}
	if err := s.FinishRun(ctx, tickets.Run{ID: 999}); precwatch.ErrorCode(err) != precwatch.ENOTFOUND {
		t.Errorf("FinishRun(unknown) = %v, want ENOTFOUND", err)
	}
	if err := s.FinishRun(ctx, tickets.Run{ID: id1, Error: json.RawMessage("{")}); precwatch.ErrorCode(err) != precwatch.EINVALID {
		t.Errorf("FinishRun(bad JSON) = %v, want EINVALID", err)
	}
	runs, err := s.Runs(ctx, nil, 10)
	if err != nil || len(runs) != 2 || runs[0].ID != id2 || runs[0].Finished != nil || runs[1].Pages != 12 || !runs[1].Complete ||
		string(runs[1].Error) != `{"timeout":1}` {
		t.Errorf("Runs = %+v, %v", runs, err)
	}
	if r, _ := s.Runs(ctx, []string{"ChemHub"}, 10); len(r) != 1 {
		t.Errorf("Runs(ChemHub) = %d, want 1", len(r))
	}
	if last, err := s.LastRun(ctx, "chemhub"); err != nil || last.ID != id1 {
		t.Errorf("LastRun = %+v, %v", last, err)
	}
	if _, err := s.LastRun(ctx, "never"); precwatch.ErrorCode(err) != precwatch.ENOTFOUND {
		t.Errorf("LastRun(never) = %v, want ENOTFOUND", err)
	}
}

func TestListingsIteration(t *testing.T) {
	ctx := context.Background()
	s := MustOpen(t)
	const n = 2500
	for i := range n {
		r := benign("ChemHub", fmt.Sprintf("l%05d", i))
		at := t0
		if i%2 == 1 {
			at = t0.Add(time.Hour)
		}
		mustRecord(t, s, r, at)
	}
	// Iterate and re-record with a new verdict (a rescan): writes inside fn.
	seen := 0
	err := s.Listings(ctx, t0.Add(time.Hour), func(r precwatch.Result) error {
		seen++
		r.Match.Suspicious, r.Match.Score = true, 0.8
		_, err := s.Record(ctx, r, t0.Add(2*time.Hour))
		return err
	})
	if err != nil || seen != n/2 {
		t.Fatalf("Listings(since) visited %d, %v; want %d", seen, err, n/2)
	}
	if c, _ := s.CountTickets(ctx, tickets.Filter{}); c != n/2 {
		t.Errorf("tickets after rescan = %d, want %d", c, n/2)
	}
	all := 0
	if err := s.Listings(ctx, time.Time{}, func(precwatch.Result) error { all++; return nil }); err != nil || all != n {
		t.Errorf("Listings(all) = %d, %v; want %d", all, err, n)
	}
	r, err := s.Listing(ctx, "ChemHub", "l00001")
	if err != nil || !r.Match.Suspicious || r.Listing.Title != "Acetone 1 l" {
		t.Errorf("Listing = %+v, %v", r, err)
	}
	if _, err := s.Listing(ctx, "ChemHub", "nope"); precwatch.ErrorCode(err) != precwatch.ENOTFOUND {
		t.Errorf("Listing(unknown) = %v, want ENOTFOUND", err)
	}
}

// TestConcurrentRecord records the same listings from many goroutines, with
// readers running alongside; run with -race.
func TestConcurrentRecord(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "precwatch.db")
	s := MustOpenAt(t, path)
	const workers, listings = 8, 40
	var wg sync.WaitGroup
	errs := make(chan error, workers*2)
	for w := range workers {
		wg.Add(2)
		go func() {
			defer wg.Done()
			for i := range listings {
				r := suspicious("ChemHub", fmt.Sprintf("l%d", i))
				if _, err := s.Record(ctx, r, t0); err != nil {
					errs <- err
					return
				}
				if err := s.Seen(ctx, "ChemHub", r.Listing.ID, t0.Add(time.Duration(w)*time.Minute)); err != nil {
					errs <- err
					return
				}
			}
		}()
		go func() {
			defer wg.Done()
			for range listings {
				if _, err := s.Tickets(ctx, tickets.Filter{Limit: 10}); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	db := rawDB(t, path)
	if n := count(t, db, "SELECT COUNT(*) FROM tickets"); n != listings {
		t.Errorf("tickets = %d, want %d", n, listings)
	}
	if n := count(t, db, "SELECT COUNT(*) FROM outbox WHERE event LIKE '%ticket.created%'"); n != listings {
		t.Errorf("created events = %d, want %d", n, listings)
	}
	if n := count(t, db, "SELECT COUNT(*) FROM ticket_events"); n != listings {
		t.Errorf("audit entries = %d, want %d (one created each)", n, listings)
	}
	ts, _ := s.Tickets(ctx, tickets.Filter{})
	for _, tk := range ts {
		if want := t0.Add(time.Duration(workers-1) * time.Minute); !tk.LastSeen.Equal(want) {
			t.Errorf("ticket %s last_seen = %v, want the latest %v", tk.ListingID, tk.LastSeen, want)
		}
	}
}

// TestTwoProcessesWrite opens the same database twice, as two processes
// would, and writes from both.
func TestTwoStoresWrite(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "precwatch.db")
	a, b := MustOpenAt(t, path), MustOpenAt(t, path)
	var wg sync.WaitGroup
	for _, s := range []*tickets.Store{a, b} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 30 {
				if _, err := s.Record(ctx, suspicious("ChemHub", fmt.Sprintf("l%d", i)), t0); err != nil {
					t.Error(err)
					return
				}
			}
		}()
	}
	wg.Wait()
	if n, _ := a.CountTickets(ctx, tickets.Filter{}); n != 30 {
		t.Errorf("tickets = %d, want 30", n)
	}
}

func TestRecordBatch(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "precwatch.db")
	s := MustOpenAt(t, path)
	rs := []precwatch.Result{suspicious("ChemHub", "a"), benign("ChemHub", "b"), suspicious("Bazaar", "c")}
	for i := range 2 {
		outs, err := s.RecordBatch(ctx, rs, t0)
		if err != nil {
			t.Fatal(err)
		}
		if len(outs) != 3 || outs[0].Created != (i == 0) || outs[1].Ticket != nil || outs[2].Created != (i == 0) {
			t.Errorf("RecordBatch #%d = %+v", i, outs)
		}
	}
	db := rawDB(t, path)
	if n := count(t, db, "SELECT COUNT(*) FROM outbox"); n != 2 {
		t.Errorf("outbox after a batch replayed = %d, want 2", n)
	}
	// A bad result fails the whole batch.
	bad := []precwatch.Result{suspicious("ChemHub", "d"), {}}
	if _, err := s.RecordBatch(ctx, bad, t0); precwatch.ErrorCode(err) != precwatch.EINVALID {
		t.Errorf("RecordBatch(bad) = %v, want EINVALID", err)
	}
	if n := count(t, db, "SELECT COUNT(*) FROM listings"); n != 3 {
		t.Errorf("listings after a failed batch = %d, want 3", n)
	}
}
