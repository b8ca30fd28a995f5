package server

import (
	"context"
	"encoding/json"
	"sync"
	"time"
)

// searchCache shares search results between requests: concurrent identical
// searches run once (the others wait for it), and results are reused for a
// short TTL, so a page of results may be up to TTL stale. Facets, the
// expensive part of a broad search, are cached apart from the pages, so
// paging through a result reuses them. It is safe for concurrent use.
type searchCache struct {
	ttl time.Duration
	max int

	mu sync.Mutex
	m  map[string]*cacheEntry
}

type cacheEntry struct {
	done chan struct{}
	at   time.Time
	res  *SearchResults
	err  error
}

func newSearchCache(ttl time.Duration) *searchCache {
	return &searchCache{ttl: ttl, max: 4096, m: map[string]*cacheEntry{}}
}

// get returns the cached result of key or computes it with fn, once for
// all concurrent callers. fn runs detached from any one caller's
// cancellation, bounded by 30s.
func (c *searchCache) get(ctx context.Context, key string, fn func(context.Context) (*SearchResults, error)) (*SearchResults, error) {
	now := time.Now()
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
		e = &cacheEntry{done: make(chan struct{})}
		c.m[key] = e
		c.mu.Unlock()
		fctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
		e.res, e.err = fn(fctx)
		cancel()
		e.at = time.Now()
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
		return nil, ctx.Err()
	}
}

// sweep drops finished entries older than the TTL, or everything finished
// if that is not enough. Called with c.mu held.
func (c *searchCache) sweep(now time.Time) {
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
	page.Facets = false
	res, err := s.cache.get(ctx, cacheKey("p", page), func(ctx context.Context) (*SearchResults, error) {
		r, err := s.opts.Search.Search(ctx, page)
		if err == nil && r.Hits == nil {
			r.Hits = []SearchHit{}
		}
		return r, err
	})
	if err != nil || !q.Facets {
		return res, err
	}
	fq := q
	fq.Size, fq.Offset, fq.Highlight, fq.Sort = 1, 0, false, ""
	fr, err := s.cache.get(ctx, cacheKey("f", fq), func(ctx context.Context) (*SearchResults, error) {
		return s.opts.Search.Search(ctx, fq)
	})
	if err != nil {
		return nil, err
	}
	out := *res
	out.Facets = fr.Facets
	return &out, nil
}

func cacheKey(kind string, q SearchQuery) string {
	b, _ := json.Marshal(q)
	return kind + string(b)
}
