package notify_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"
	"time"

	"github.com/precwatch/precwatch/notify"
	"github.com/precwatch/precwatch/tickets"
)

// TestWaitingIsNoDeliveryAttempt: while a platform has no webhook, its
// events wait without counting delivery attempts, so once a receiver is
// configured its first failure is attempt 1 and backs off by MinBackoff,
// not by a delay doubled for every minute the event waited.
func TestWaitingIsNoDeliveryAttempt(t *testing.T) {
	ctx := context.Background()
	s, err := tickets.Open(filepath.Join(t.TempDir(), "precwatch.db"), tickets.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "down", http.StatusServiceUnavailable)
	}))
	defer srv.Close()

	now := time.Now()
	w := notify.New(storeOutbox{s}, notify.Options{Now: func() time.Time { return now },
		NoReceiverRetry: time.Minute, MinBackoff: 5 * time.Second, MaxBackoff: time.Hour})
	if _, err := s.Record(ctx, review6Flagged("Hub", "a"), now); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 4; i++ {
		if _, err := w.Flush(ctx); err != nil {
			t.Fatal(err)
		}
		now = now.Add(time.Minute)
	}
	pend, err := s.PendingEvents(ctx, now, 10)
	if err != nil || len(pend) != 1 {
		t.Fatalf("pending = %v, %v; want the one waiting event", pend, err)
	}
	if pend[0].Attempts != 0 {
		t.Errorf("attempts after waiting for a webhook = %d, want 0", pend[0].Attempts)
	}
	if err := s.SetWebhook(ctx, tickets.Webhook{Platform: "Hub", URL: srv.URL, Secret: "k"}); err != nil {
		t.Fatal(err)
	}
	if n, err := w.Flush(ctx); err != nil || n != 0 {
		t.Fatalf("flush to a failing receiver = %d, %v; want 0 delivered", n, err)
	}
	if pend, _ := s.PendingEvents(ctx, now.Add(4*time.Second), 10); len(pend) != 0 {
		t.Errorf("event due again %v after its first failure, want after MinBackoff (5s)", 4*time.Second)
	}
	pend, err = s.PendingEvents(ctx, now.Add(5*time.Second), 10)
	if err != nil || len(pend) != 1 {
		t.Fatalf("pending 5s after the first failure = %v, %v; want the event (first retry after MinBackoff)", pend, err)
	}
	if pend[0].Attempts != 1 {
		t.Errorf("attempts after the first real failure = %d, want 1", pend[0].Attempts)
	}
}
