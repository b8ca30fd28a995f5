package notify_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"sort"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/precwatch/precwatch"
	"github.com/precwatch/precwatch/notify"
)

// memOutbox is an in-memory outbox with the semantics of the ticket store's.
type memOutbox struct {
	mu        sync.Mutex
	pending   map[int64]*notify.Pending
	due       map[int64]time.Time
	endpoints map[string]notify.Endpoint
}

func newMemOutbox(evs ...precwatch.Event) *memOutbox {
	o := &memOutbox{pending: map[int64]*notify.Pending{}, due: map[int64]time.Time{}, endpoints: map[string]notify.Endpoint{}}
	for i, ev := range evs {
		o.pending[int64(i+1)] = &notify.Pending{ID: int64(i + 1), Event: ev}
	}
	return o
}

func (o *memOutbox) PendingEvents(_ context.Context, now time.Time, limit int) ([]notify.Pending, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	var out []notify.Pending
	for id, p := range o.pending {
		if !o.due[id].After(now) {
			out = append(out, *p)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	if len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}

func (o *memOutbox) MarkDelivered(_ context.Context, id int64) error {
	o.mu.Lock()
	defer o.mu.Unlock()
	delete(o.pending, id)
	return nil
}

func (o *memOutbox) MarkFailed(_ context.Context, id int64, _ string, next time.Time) error {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.pending[id].Attempts++
	o.due[id] = next
	return nil
}

func (o *memOutbox) Postpone(_ context.Context, id int64, _ string, next time.Time) error {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.due[id] = next
	return nil
}

func (o *memOutbox) Endpoint(_ context.Context, platform string) (notify.Endpoint, bool, error) {
	e, ok := o.endpoints[platform]
	return e, ok, nil
}

func TestWebhookRetriesUntilReceiverIsBack(t *testing.T) {
	const secret = "s3cret"
	var up atomic.Bool
	var mu sync.Mutex
	got := map[string]int{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !up.Load() {
			http.Error(w, "down", http.StatusServiceUnavailable)
			return
		}
		body, _ := io.ReadAll(r.Body)
		if err := notify.Verify(secret, r.Header.Get(notify.HeaderSignature), body, time.Now(), time.Minute); err != nil {
			t.Errorf("signature: %v", err)
		}
		var ev precwatch.Event
		if err := json.Unmarshal(body, &ev); err != nil {
			t.Errorf("body: %v", err)
		}
		if ev.ID != r.Header.Get(notify.HeaderDelivery) {
			t.Errorf("delivery header %q, event id %q", r.Header.Get(notify.HeaderDelivery), ev.ID)
		}
		mu.Lock()
		got[ev.ID]++
		mu.Unlock()
	}))
	defer srv.Close()

	ob := newMemOutbox(
		precwatch.Event{ID: "e1", Type: precwatch.EventTicketCreated, Platform: "ChemHub"},
		precwatch.Event{ID: "e2", Type: precwatch.EventTicketUpdated, Platform: "ChemHub"},
		precwatch.Event{ID: "e3", Type: precwatch.EventTicketCreated, Platform: "NoHook"},
	)
	ob.endpoints["ChemHub"] = notify.Endpoint{URL: srv.URL, Secret: secret}
	now := time.Now()
	w := notify.New(ob, notify.Options{Now: func() time.Time { return now }, MinBackoff: time.Second, MaxBackoff: 8 * time.Second})
	ctx := context.Background()

	n, err := w.Flush(ctx)
	if err != nil || n != 0 { // e3 (no webhook yet) waits for one
		t.Fatalf("flush while down: n=%d err=%v, want 0 nil", n, err)
	}
	// Not due yet: nothing is attempted.
	if n, _ := w.Flush(ctx); n != 0 {
		t.Fatalf("flush before backoff: n=%d, want 0", n)
	}
	up.Store(true)
	now = now.Add(2 * time.Second)
	if n, err := w.Flush(ctx); err != nil || n != 2 {
		t.Fatalf("flush when up: n=%d err=%v, want 2", n, err)
	}
	if n, _ := w.Flush(ctx); n != 0 {
		t.Fatalf("second flush delivered %d again", n)
	}
	mu.Lock()
	defer mu.Unlock()
	if got["e1"] != 1 || got["e2"] != 1 || len(got) != 2 {
		t.Fatalf("received %v, want e1 and e2 once each", got)
	}
	ob.mu.Lock()
	defer ob.mu.Unlock()
	if _, ok := ob.pending[3]; !ok || len(ob.pending) != 1 {
		t.Fatalf("outbox after delivery = %v, want e3 (no webhook yet) still pending", ob.pending)
	}
}

func TestBackoff(t *testing.T) {
	for _, tc := range []struct {
		attempts int
		want     time.Duration
	}{{0, 5 * time.Second}, {1, 10 * time.Second}, {3, 40 * time.Second}, {20, time.Hour}} {
		if got := notify.Backoff(tc.attempts, 5*time.Second, time.Hour); got != tc.want {
			t.Errorf("Backoff(%d) = %v, want %v", tc.attempts, got, tc.want)
		}
	}
}

func TestVerify(t *testing.T) {
	now := time.Unix(1_800_000_000, 0)
	body := []byte(`{"id":"e1"}`)
	sig := notify.Sign("k", now, body)
	for _, tc := range []struct {
		name, secret, header string
		body                 []byte
		at                   time.Time
		ok                   bool
	}{
		{"valid", "k", sig, body, now, true},
		{"wrong secret", "x", sig, body, now, false},
		{"tampered body", "k", sig, []byte(`{"id":"e2"}`), now, false},
		{"stale", "k", sig, body, now.Add(time.Hour), false},
		{"malformed", "k", "v1=abc", body, now, false},
		{"empty", "k", "", body, now, false},
	} {
		err := notify.Verify(tc.secret, tc.header, tc.body, tc.at, 5*time.Minute)
		if (err == nil) != tc.ok {
			t.Errorf("%s: Verify = %v, want ok=%v", tc.name, err, tc.ok)
		}
	}
}

// TestWebhookConcurrentFlushDeliversOnce: serve's Run loop and the flush at
// the end of a crawl run at once; the outbox does not claim the events it
// hands out, so without turns both flushes would send every event.
func TestWebhookConcurrentFlushDeliversOnce(t *testing.T) {
	var mu sync.Mutex
	got := map[string]int{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// Slow enough that both flushes read the outbox before the
		// first delivery is marked, were they not taking turns.
		time.Sleep(20 * time.Millisecond)
		mu.Lock()
		got[r.Header.Get(notify.HeaderDelivery)]++
		mu.Unlock()
	}))
	defer srv.Close()
	var evs []precwatch.Event
	for i := range 5 {
		evs = append(evs, precwatch.Event{ID: "e" + strconv.Itoa(i), Type: precwatch.EventTicketCreated, Platform: "ChemHub"})
	}
	ob := newMemOutbox(evs...)
	ob.endpoints["ChemHub"] = notify.Endpoint{URL: srv.URL, Secret: "s"}
	w := notify.New(ob, notify.Options{})
	var wg sync.WaitGroup
	var total atomic.Int64
	start := make(chan struct{})
	for range 2 {
		wg.Go(func() {
			<-start
			n, err := w.Flush(context.Background())
			if err != nil {
				t.Errorf("flush: %v", err)
			}
			total.Add(int64(n))
		})
	}
	close(start)
	wg.Wait()
	mu.Lock()
	defer mu.Unlock()
	for _, ev := range evs {
		if got[ev.ID] != 1 {
			t.Errorf("event %s delivered %d times, want once (all: %v)", ev.ID, got[ev.ID], got)
		}
	}
	if total.Load() != 5 {
		t.Errorf("the two flushes report %d deliveries, want 5", total.Load())
	}
}

// TestWebhookFlushWaitsForContext: a Flush waiting for another one gives up
// when its context ends.
func TestWebhookFlushWaitsForContext(t *testing.T) {
	arrived, release := make(chan struct{}, 1), make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		arrived <- struct{}{}
		<-release
	}))
	defer srv.Close()
	ob := newMemOutbox(precwatch.Event{ID: "e1", Type: precwatch.EventTicketCreated, Platform: "ChemHub"})
	ob.endpoints["ChemHub"] = notify.Endpoint{URL: srv.URL, Secret: "s"}
	w := notify.New(ob, notify.Options{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		if n, err := w.Flush(context.Background()); n != 1 || err != nil {
			t.Errorf("first flush: %d, %v; want 1 delivered", n, err)
		}
	}()
	<-arrived // the first flush is delivering
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	if n, err := w.Flush(ctx); n != 0 || !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("flush while another runs: %d, %v; want 0 and the context's error", n, err)
	}
	close(release)
	<-done
}
