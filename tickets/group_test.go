package tickets

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

// TestGroupCommitIsolation runs concurrent writes of which half write and
// then fail: a failing write must leave nothing, and must not take the
// writes grouped with it down.
func TestGroupCommitIsolation(t *testing.T) {
	ctx := context.Background()
	s, err := Open(filepath.Join(t.TempDir(), "precwatch.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	const n = 200
	g0 := s.groups.Load()
	errBoom := errors.New("boom")
	// A first write holds its transaction until every other write has
	// queued, so that they form groups.
	inside, held := make(chan struct{}), make(chan error)
	go func() {
		held <- s.write(ctx, func(tx *wtx) error {
			close(inside)
			for {
				s.qmu.Lock()
				q := len(s.queue)
				s.qmu.Unlock()
				if q == n {
					return nil
				}
				time.Sleep(time.Millisecond)
			}
		})
	}()
	<-inside
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			err := s.write(ctx, func(tx *wtx) error {
				if _, err := tx.ExecContext(ctx, "INSERT INTO webhooks (platform, url, secret, updated_at) VALUES (?, 'u', 's', 0)",
					fmt.Sprintf("p%d", i)); err != nil {
					return err
				}
				if i%2 == 1 {
					return errBoom
				}
				return nil
			})
			if want := map[bool]error{true: errBoom, false: nil}[i%2 == 1]; !errors.Is(err, want) {
				t.Errorf("write %d: err = %v, want %v", i, err, want)
			}
		}()
	}
	wg.Wait()
	if err := <-held; err != nil {
		t.Fatal(err)
	}
	var got int
	if err := s.r.QueryRow("SELECT COUNT(*) FROM webhooks").Scan(&got); err != nil {
		t.Fatal(err)
	}
	if got != n/2 {
		t.Errorf("rows = %d, want %d (the failing writes rolled back, the others kept)", got, n/2)
	}
	var odd int
	s.r.QueryRow("SELECT COUNT(*) FROM webhooks WHERE CAST(substr(platform, 2) AS INTEGER) % 2 = 1").Scan(&odd)
	if odd != 0 {
		t.Errorf("%d rows of failed writes were committed", odd)
	}
	if g := s.groups.Load() - g0; g != 1+(n+maxGroup-1)/maxGroup {
		t.Errorf("%d writes took %d transactions, want them grouped", n, g)
	}
}
