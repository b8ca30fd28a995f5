package main

import (
	"strings"
	"testing"
)

// TestAPITicketsMinScoreRange: scores are 0..1, so a min_score outside
// that range is 400 invalid naming the range, not a silently empty queue
// (walkthrough8 nit); 0 and 1 are accepted.
func TestAPITicketsMinScoreRange(t *testing.T) {
	f := newFixture(t)
	for _, c := range []struct {
		q    string
		code int
	}{
		{"2", 400}, {"-0.1", 400}, {"NaN", 400}, {"high", 400}, {"0", 200}, {"1", 200}, {"0.5", 200},
	} {
		code, body, _ := f.doHeader("admin", "GET", "/api/v1/tickets?min_score="+c.q, "")
		if code != c.code {
			t.Errorf("min_score=%s: %d %s, want %d", c.q, code, body, c.code)
		}
		if c.code == 400 && !strings.Contains(body, "want a number from 0 to 1") {
			t.Errorf("min_score=%s: %s, want the range named", c.q, body)
		}
	}
}
