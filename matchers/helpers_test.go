package matchers

import "testing"

// mustMatcher returns a matcher over the built-in watchlist.
func mustMatcher(tb testing.TB) *Matcher {
	tb.Helper()
	w, err := LoadWatchlist()
	if err != nil {
		tb.Fatal(err)
	}
	m, err := New(w, Options{})
	if err != nil {
		tb.Fatal(err)
	}
	return m
}
