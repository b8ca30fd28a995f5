package monitor

import (
	"context"
	"sync"
	"time"

	"github.com/precwatch/precwatch"
)

// batcher group-commits index writes: concurrent callers of put wait for
// the batch that carries their result, so each put returns only once its
// result is indexed, yet the index sees one write per batch. Whoever fills a
// batch, or the timer after wait, flushes it.
type batcher struct {
	idx  Indexer
	size int
	wait time.Duration

	mu    sync.Mutex
	cur   *batch
	timer *time.Timer
}

type batch struct {
	rs   []precwatch.Result
	at   time.Time
	done chan struct{}
	err  error
}

func newBatcher(idx Indexer, size int, wait time.Duration) *batcher {
	return &batcher{idx: idx, size: size, wait: wait}
}

func (b *batcher) put(ctx context.Context, r precwatch.Result, at time.Time) error {
	b.mu.Lock()
	if b.cur == nil {
		b.cur = &batch{done: make(chan struct{}), at: at}
		cur := b.cur
		b.timer = time.AfterFunc(b.wait, func() { b.flush(cur) })
	}
	cur := b.cur
	cur.rs = append(cur.rs, r)
	full := len(cur.rs) >= b.size
	b.mu.Unlock()
	if full {
		b.flush(cur)
	}
	select {
	case <-cur.done:
		return cur.err
	case <-ctx.Done():
		return ctx.Err()
	}
}

// flush writes bt if it is still the open batch.
func (b *batcher) flush(bt *batch) {
	b.mu.Lock()
	if b.cur != bt {
		b.mu.Unlock()
		return
	}
	b.cur = nil
	b.timer.Stop()
	b.mu.Unlock()
	// The write is not tied to one caller's context: others wait for it too.
	bt.err = b.idx.Put(context.Background(), bt.rs, bt.at)
	close(bt.done)
}

// close flushes what is left; callers are gone by then, so it only keeps
// the timer from firing after the run.
func (b *batcher) close() {
	b.mu.Lock()
	cur := b.cur
	b.mu.Unlock()
	if cur != nil {
		b.flush(cur)
	}
}
