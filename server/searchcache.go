package server

import (
	"context"
	"encoding/json"
	"sync"
	"time"
)

// flightCache shares the results of expensive reads between requests:
// concurrent identical reads run once (the others wait for it), and results
// are reused for a short TTL, so what a page shows may be up to TTL stale.
// The server keeps one for searches (facets apart from pages, so paging
// through a result reuses them) and one for ticket counts. It is safe for
// concurrent use.
type flightCache[V any] struct {
	ttl time.Duration
	max int
	now func() time.Time // the clock (time.Now; tests set their own)

	mu sync.Mutex
	m  map[string]*cacheEntry[V]
}

type cacheEntry[V any] struct {
	done chan struct{}
	at   time.Time
	res  V
	err  error
}

func newFlightCache[V any](ttl time.Duration) *flightCache[V] {
	return &flightCache[V]{ttl: ttl, max: 4096, now: time.Now, m: map[string]*cacheEntry[V]{}}
}

// get returns the cached result of key or computes it with fn, once for
// all concurrent callers. fn runs detached from any one caller's
// cancellation, bounded by 30s.
func (c *flightCache[V]) get(ctx context.Context, key string, fn func(context.Context) (V, error)) (V, error) {
	now := c.now()
	c.mu.Lock()
	e, ok := c.m[key]
	if ok {
		select {
		case <-e.done:
			if now.Sub(e.at) > c.ttl {
				ok = false
			}
		default: // in flight: join it
		}
	}
	if !ok {
		if len(c.m) >= c.max {
			c.sweep(now)
		}
		e = &cacheEntry[V]{done: make(chan struct{})}
		c.m[key] = e
		c.mu.Unlock()
		fctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
		e.res, e.err = fn(fctx)
		cancel()
		e.at = c.now()
		if e.err != nil || c.ttl <= 0 {
			c.mu.Lock()
			if c.m[key] == e {
				delete(c.m, key)
			}
			c.mu.Unlock()
		}
		close(e.done)
		return e.res, e.err
	}
	c.mu.Unlock()
	select {
	case <-e.done:
		return e.res, e.err
	case <-ctx.Done():
		var zero V
		return zero, ctx.Err()
	}
}

// sweep drops finished entries older than the TTL, or everything finished
// if that is not enough. Called with c.mu held.
func (c *flightCache[V]) sweep(now time.Time) {
	for k, e := range c.m {
		select {
		case <-e.done:
			if now.Sub(e.at) > c.ttl {
				delete(c.m, k)
			}
		default:
		}
	}
	if len(c.m) >= c.max {
		for k, e := range c.m {
			select {
			case <-e.done:
				delete(c.m, k)
			default:
			}
		}
	}
}

// search runs q through the cache: the page of hits and the facets are
// cached separately. The result is shared: callers must not modify it.
func (s *Server) search(ctx context.Context, q SearchQuery) (*SearchResults, error) {
	page := q
	page.Facets, page.ExactFacets = false, false
	if q.Size == 0 { // the total (and facets) only
		page.Size, page.Highlight, page.Sort = 1, false, ""
	}
	res, err := s.cache.get(ctx, cacheKey("p", page), func(ctx context.Context) (*SearchResults, error) {
		r, err := s.opts.Search.Search(ctx, page)
		if err == nil && r.Hits == nil {
			r.Hits = []SearchHit{}
		}
		return r, err
	})
	if err != nil {
		return nil, err
	}
	// The answer always has "facets" ({} when not asked for); res is
	// shared through the cache, so it is copied, never changed.
	out := *res
	if q.Size == 0 {
		out.Hits = []SearchHit{}
	}
	if !q.Facets {
		out.Facets, out.Approximate = map[string][]FacetTerm{}, false
		return &out, nil
	}
	fq := q
	fq.Size, fq.Offset, fq.Highlight, fq.Sort = 1, 0, false, ""
	fr, err := s.cache.get(ctx, cacheKey("f", fq), func(ctx context.Context) (*SearchResults, error) {
		return s.opts.Search.Search(ctx, fq)
	})
	if err != nil {
		return nil, err
	}
	out.Facets, out.Approximate = fr.Facets, fr.Approximate
	if out.Facets == nil {
		out.Facets = map[string][]FacetTerm{}
	}
	return &out, nil
}

// countTickets counts the tickets matching f through the cache (Limit and
// Offset do not count).
func (s *Server) countTickets(ctx context.Context, f TicketFilter) (int, error) {
	f.Limit, f.Offset, f.Sort = 0, 0, ""
	b, _ := json.Marshal(f)
	return s.counts.get(ctx, string(b), func(ctx context.Context) (int, error) {
		return s.opts.Tickets.CountTickets(ctx, f)
	})
}

func cacheKey(kind string, q any) string {
	b, _ := json.Marshal(q)
	return kind + string(b)
}
