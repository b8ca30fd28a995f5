package monitor

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/precwatch/precwatch"
	"github.com/precwatch/precwatch/index"
)

// recordingIndex is the real index, recording the listing ids of each Put.
type recordingIndex struct {
	*index.Index
	mu   sync.Mutex
	puts [][]string
	err  error // returned by Put instead of writing, if set
}

func (r *recordingIndex) Put(ctx context.Context, rs []precwatch.Result, at time.Time) error {
	ids := make([]string, len(rs))
	for i, x := range rs {
		ids[i] = x.Listing.ID
	}
	r.mu.Lock()
	r.puts = append(r.puts, ids)
	err := r.err
	r.mu.Unlock()
	if err != nil {
		return err
	}
	return r.Index.Put(ctx, rs, at)
}

func (r *recordingIndex) calls() [][]string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.puts)
}

func mustRecordingIndex(tb testing.TB) *recordingIndex {
	tb.Helper()
	x, err := index.Open(filepath.Join(tb.TempDir(), "index.bleve"), index.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { x.Close() })
	return &recordingIndex{Index: x}
}

// hitResults returns n matched results that offer a substance (BMK
// glycidate), with ids b000, b001, ….
func hitResults(tb testing.TB, n int) []precwatch.Result {
	tb.Helper()
	m := mustMatcher(tb)
	rs := make([]precwatch.Result, n)
	for i := range rs {
		l := lBMK
		l.ID, l.Platform, l.Target = fmt.Sprintf("b%03d", i), "TestMart", "testmart"
		l.URL = "https://testmart.example/p/" + l.ID
		rs[i] = precwatch.Result{Listing: l, Match: m.Match(&l)}
		if !rs[i].Match.Offered() {
			tb.Fatalf("listing %q offers nothing", l.Title)
		}
	}
	return rs
}

func searchIDs(tb testing.TB, x *index.Index, q string) []string {
	tb.Helper()
	res, err := x.Search(context.Background(), index.Query{Query: q, Size: index.MaxSize})
	if err != nil {
		tb.Fatalf("search %q: %v", q, err)
	}
	var ids []string
	for _, h := range res.Hits {
		ids = append(ids, h.ListingID)
	}
	return ids
}

// TestBatcherConcurrentPuts: every put returns only once its result is
// searchable, each result is written once, and no batch is larger than the
// batch size.
func TestBatcherConcurrentPuts(t *testing.T) {
	const n, size = 60, 8
	x := mustRecordingIndex(t)
	b := newBatcher(x, size, 20*time.Millisecond)
	defer b.close()
	rs := hitResults(t, n)
	at := time.Date(2026, 11, 2, 10, 0, 0, 0, time.UTC)
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for _, r := range rs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := b.put(context.Background(), r, at); err != nil {
				errs <- fmt.Errorf("put %s: %w", r.Listing.ID, err)
				return
			}
			if got := searchIDs(t, x.Index, "listing_id:"+r.Listing.ID); len(got) != 1 {
				errs <- fmt.Errorf("put %s returned, but the index finds %v", r.Listing.ID, got)
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	seen := map[string]int{}
	for _, ids := range x.calls() {
		if len(ids) == 0 || len(ids) > size {
			t.Errorf("index Put with %d results, want 1..%d", len(ids), size)
		}
		for _, id := range ids {
			seen[id]++
		}
	}
	if len(seen) != n {
		t.Errorf("%d distinct listings written, want %d", len(seen), n)
	}
	for id, k := range seen {
		if k != 1 {
			t.Errorf("listing %s written %d times, want once", id, k)
		}
	}
	if c, err := x.Count(); err != nil || c != n {
		t.Errorf("index count %d (%v), want %d", c, err, n)
	}
}

// TestBatcherFullBatch: a batch that reaches the batch size is written at
// once, without waiting for the timer.
func TestBatcherFullBatch(t *testing.T) {
	const size = 4
	x := mustRecordingIndex(t)
	b := newBatcher(x, size, time.Hour)
	defer b.close()
	rs := hitResults(t, size)
	done := make(chan error, size)
	for _, r := range rs {
		go func() { done <- b.put(context.Background(), r, time.Now()) }()
	}
	timeout := time.After(10 * time.Second)
	for range size {
		select {
		case err := <-done:
			if err != nil {
				t.Fatal(err)
			}
		case <-timeout:
			t.Fatal("a full batch was not flushed (puts still waiting after 10 s; the timer is 1 h)")
		}
	}
	calls := x.calls()
	if len(calls) != 1 || len(calls[0]) != size {
		t.Errorf("index Puts %v, want one of %d results", calls, size)
	}
}

// TestBatcherLonePut: a put that fills no batch is written after the wait.
func TestBatcherLonePut(t *testing.T) {
	const wait = 50 * time.Millisecond
	x := mustRecordingIndex(t)
	b := newBatcher(x, 100, wait)
	defer b.close()
	r := hitResults(t, 1)[0]
	start := time.Now()
	if err := b.put(context.Background(), r, start); err != nil {
		t.Fatal(err)
	}
	if el := time.Since(start); el < wait {
		t.Errorf("lone put returned after %v, before the batch wait %v", el, wait)
	}
	if calls := x.calls(); len(calls) != 1 || !slices.Equal(calls[0], []string{"b000"}) {
		t.Errorf("index Puts %v, want [[b000]]", calls)
	}
	if got := searchIDs(t, x.Index, "listing_id:b000"); len(got) != 1 {
		t.Errorf("after put: index finds %v, want [b000]", got)
	}
	// The next put starts a new batch.
	r2 := hitResults(t, 2)[1]
	if err := b.put(context.Background(), r2, start); err != nil {
		t.Fatal(err)
	}
	if calls := x.calls(); len(calls) != 2 {
		t.Errorf("index Puts %v, want two", calls)
	}
}

// TestBatcherCancelAndClose: a put whose context ends returns at once; close
// writes what is left.
func TestBatcherCancelAndClose(t *testing.T) {
	x := mustRecordingIndex(t)
	b := newBatcher(x, 100, time.Hour)
	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error, 1)
	go func() { errc <- b.put(ctx, hitResults(t, 1)[0], time.Now()) }()
	eventually(t, "the put to join a batch", func() bool {
		b.mu.Lock()
		defer b.mu.Unlock()
		return b.cur != nil && len(b.cur.rs) == 1
	})
	cancel()
	if err := <-errc; !errors.Is(err, context.Canceled) {
		t.Errorf("put with cancelled context = %v, want context.Canceled", err)
	}
	if calls := x.calls(); len(calls) != 0 {
		t.Errorf("index Puts before close: %v, want none", calls)
	}
	b.close()
	if calls := x.calls(); len(calls) != 1 {
		t.Errorf("index Puts after close: %v, want one", calls)
	}
}

// TestBatcherError: every put of a batch gets the index's error.
func TestBatcherError(t *testing.T) {
	const size = 3
	x := mustRecordingIndex(t)
	x.err = errors.New("index full")
	b := newBatcher(x, size, time.Hour)
	defer b.close()
	errc := make(chan error, size)
	for _, r := range hitResults(t, size) {
		go func() { errc <- b.put(context.Background(), r, time.Now()) }()
	}
	timeout := time.After(10 * time.Second)
	for range size {
		select {
		case err := <-errc:
			if err == nil || err.Error() != "index full" {
				t.Errorf("put = %v, want the index's error", err)
			}
		case <-timeout:
			t.Fatal("puts of a full batch still waiting after 10 s")
		}
	}
}
