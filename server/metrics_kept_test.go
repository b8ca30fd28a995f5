package server

import (
	"strings"
	"testing"
)

// TestMetricsKeptRuns: a complete run that found no listing and kept the
// stored ones is counted by target, with the listings it kept; other runs
// add nothing to those counters, which are still described.
func TestMetricsKeptRuns(t *testing.T) {
	m := newMetrics(nil)
	m.ObserveRun(RunStats{Target: "shop", Platform: "P", Listings: 6})
	m.ObserveRun(RunStats{Target: "shop", Platform: "P", Kept: 6})
	m.ObserveRun(RunStats{Target: "other", Platform: "P", Listings: 2})
	var b strings.Builder
	m.WriteTo(&b, nil, false)
	out := b.String()
	for _, want := range []string{
		"# TYPE precwatch_empty_runs_kept_total counter\n",
		`precwatch_empty_runs_kept_total{target="shop",platform="P"} 1` + "\n",
		`precwatch_listings_kept_total{target="shop",platform="P"} 6` + "\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("metrics lack %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, `precwatch_empty_runs_kept_total{target="other"`) {
		t.Errorf("a run with listings counted as kept:\n%s", out)
	}
}
