package main

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"math"
	"sync"

	"github.com/precwatch/precwatch/matchers"
)

// matcherCacheSize bounds the compiled matchers kept for reuse. A command
// compiles one or two (its watchlist at its threshold); more would only
// hold on to tens of megabytes each.
const matcherCacheSize = 4

// matcherCache holds the last matchers compiled in this process, keyed by
// the content of their watchlist and their threshold.
//
// Compiling the built-in watchlist (some 27,000 patterns) takes most of a
// second, and several seconds under the race detector, while a matcher is
// immutable once built and safe for concurrent use: a second command in
// the same process (the demo's crawl then its UI, a test running precwatch
// in-process again and again) gets the same matcher for the same lists
// instead of compiling them again.
var matcherCache = struct {
	mu      sync.Mutex
	entries []*cachedMatcher // most recently used last
	builds  int              // matchers.New calls, for the tests
}{}

type cachedMatcher struct {
	key  [sha256.Size]byte
	done chan struct{} // closed when m and err are set
	m    *matchers.Matcher
	err  error
}

// compileMatcher returns a matcher over wl at threshold, compiling it only
// when no matcher of the same substances and threshold is cached. The
// matcher is shared: it must not be changed (nothing can change one), and
// wl's substances must not change afterwards either. Safe for concurrent
// use; concurrent calls for the same lists compile them once.
func compileMatcher(wl *matchers.Watchlist, threshold float64) (*matchers.Matcher, error) {
	key, err := matcherKey(wl, threshold)
	if err != nil {
		return nil, err
	}
	c := &matcherCache
	c.mu.Lock()
	for i, e := range c.entries {
		if e.key == key {
			c.entries = append(append(c.entries[:i:i], c.entries[i+1:]...), e)
			c.mu.Unlock()
			<-e.done
			return e.m, e.err
		}
	}
	e := &cachedMatcher{key: key, done: make(chan struct{})}
	if len(c.entries) >= matcherCacheSize {
		c.entries = append(c.entries[:0:0], c.entries[1:]...)
	}
	c.entries = append(c.entries, e)
	c.builds++
	c.mu.Unlock()

	e.m, e.err = matchers.New(wl, matchers.Options{Threshold: threshold})
	close(e.done)
	if e.err != nil {
		// A failure is not kept: the next call tries again.
		c.mu.Lock()
		for i, x := range c.entries {
			if x == e {
				c.entries = append(c.entries[:i:i], c.entries[i+1:]...)
				break
			}
		}
		c.mu.Unlock()
	}
	return e.m, e.err
}

// matcherKey is the hash of everything a matcher is compiled from: every
// field of every substance, in load order, and the threshold (0 is the
// default threshold, as for matchers.Options).
func matcherKey(wl *matchers.Watchlist, threshold float64) ([sha256.Size]byte, error) {
	if threshold == 0 {
		threshold = matchers.DefaultThreshold
	}
	var subs []*matchers.Substance
	if wl != nil {
		subs = wl.Substances()
	}
	b, err := json.Marshal(struct {
		Threshold  uint64
		Substances []*matchers.Substance
	}{math.Float64bits(threshold), subs})
	if err != nil {
		return [sha256.Size]byte{}, fmt.Errorf("matcher key: %w", err)
	}
	return sha256.Sum256(b), nil
}
