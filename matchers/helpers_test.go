package matchers

import "testing"

// mustMatcher returns a matcher over the built-in watchlist. It is the one
// matcher testMatcher shares between all tests of the package: compiling
// the watchlist takes about 0.6 s (several seconds under -race), and a
// Matcher is immutable and safe for concurrent use once built, so no test
// can see another's use of it.
func mustMatcher(tb testing.TB) *Matcher {
	tb.Helper()
	return testMatcher(tb)
}
