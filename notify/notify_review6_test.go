package notify_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/precwatch/precwatch"
	"github.com/precwatch/precwatch/notify"
	"github.com/precwatch/precwatch/tickets"
)

// storeOutbox gives the webhook the real ticket store's outbox, as
// cmd/precwatch wires it.
type storeOutbox struct{ s *tickets.Store }

func (o storeOutbox) PendingEvents(ctx context.Context, now time.Time, limit int) ([]notify.Pending, error) {
	evs, err := o.s.PendingEvents(ctx, now, limit)
	if err != nil {
		return nil, err
	}
	out := make([]notify.Pending, len(evs))
	for i, e := range evs {
		out[i] = notify.Pending{ID: e.ID, Event: e.Event, Attempts: e.Attempts}
	}
	return out, nil
}

func (o storeOutbox) MarkDelivered(ctx context.Context, id int64) error {
	return o.s.MarkDelivered(ctx, id)
}

func (o storeOutbox) MarkFailed(ctx context.Context, id int64, reason string, next time.Time) error {
	return o.s.MarkFailed(ctx, id, reason, next)
}

func (o storeOutbox) Postpone(ctx context.Context, id int64, reason string, next time.Time) error {
	return o.s.Postpone(ctx, id, reason, next)
}

func (o storeOutbox) Endpoint(ctx context.Context, platform string) (notify.Endpoint, bool, error) {
	w, err := o.s.Webhook(ctx, platform)
	if precwatch.ErrorCode(err) == precwatch.ENOTFOUND {
		return notify.Endpoint{}, false, nil
	}
	if err != nil || w.URL == "" {
		return notify.Endpoint{}, false, err
	}
	return notify.Endpoint{URL: w.URL, Secret: w.Secret}, true, nil
}

func review6Flagged(platform, id string) precwatch.Result {
	return precwatch.Result{
		Listing: precwatch.Listing{ID: id, Platform: platform, Target: "t", URL: "https://x.test/" + id, Title: "BMK glycidate 25 kg",
			ContentHash: "h-" + id},
		Match: precwatch.Match{ID: id, Score: 0.9, Suspicious: true,
			Substances: []precwatch.SubstanceMatch{{ID: "bmk-glycidate", Name: "BMK glycidate", CAS: "5449-12-7", List: precwatch.ListDesigner}}},
	}
}

// TestReview6EventsWaitForAWebhook: events of a platform that has no
// webhook yet stay in the (SQLite) outbox and are delivered once one is
// configured; events that waited longer than MaxUndeliveredAge are dropped.
// Before, the first flush marked them delivered ("no receiver") and they
// were lost.
func TestReview6EventsWaitForAWebhook(t *testing.T) {
	ctx := context.Background()
	s, err := tickets.Open(filepath.Join(t.TempDir(), "precwatch.db"), tickets.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var mu sync.Mutex
	var got []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		var ev precwatch.Event
		json.Unmarshal(body, &ev)
		mu.Lock()
		got = append(got, ev.Platform+" "+ev.Type+" "+ev.Ticket.ListingID)
		mu.Unlock()
	}))
	defer srv.Close()

	now := time.Now()
	w := notify.New(storeOutbox{s}, notify.Options{Now: func() time.Time { return now }, MaxUndeliveredAge: 7 * 24 * time.Hour})
	if _, err := s.Record(ctx, review6Flagged("Hub", "a"), now); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Record(ctx, review6Flagged("Old", "z"), now); err != nil {
		t.Fatal(err)
	}
	if n, err := w.Flush(ctx); err != nil || n != 0 {
		t.Fatalf("flush without webhooks = %d, %v; want 0 delivered", n, err)
	}
	if n, _ := s.PendingCount(ctx); n != 2 {
		t.Fatalf("pending after a flush without webhooks = %d, want 2 (the events wait)", n)
	}
	if err := s.SetWebhook(ctx, tickets.Webhook{Platform: "Hub", URL: srv.URL, Secret: "k"}); err != nil {
		t.Fatal(err)
	}
	now = now.Add(2 * time.Minute)
	if n, err := w.Flush(ctx); err != nil || n != 1 {
		t.Fatalf("flush once Hub has a webhook = %d, %v; want 1", n, err)
	}
	mu.Lock()
	if len(got) != 1 || got[0] != "Hub ticket.created a" {
		t.Errorf("received %v, want Hub's ticket.created of a", got)
	}
	mu.Unlock()
	// Old never gets a webhook: its event is dropped after a week.
	now = now.Add(6 * 24 * time.Hour)
	if n, _ := w.Flush(ctx); n != 0 {
		t.Errorf("flush after 6 days = %d, want 0 (Old's event still waits)", n)
	}
	now = now.Add(24 * time.Hour)
	if n, _ := w.Flush(ctx); n != 1 {
		t.Errorf("flush after 7 days = %d, want 1 (Old's event dropped)", n)
	}
	if n, _ := s.PendingCount(ctx); n != 0 {
		t.Errorf("pending after the age cap = %d, want 0", n)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(got) != 1 {
		t.Errorf("received %v, want nothing more (a dropped event is not sent)", got)
	}
}
