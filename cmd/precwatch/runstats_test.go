package main

import (
	"testing"

	"github.com/precwatch/precwatch/monitor"
)

// TestRunStatsKept: the listings an empty complete run kept reach the
// server's metrics.
func TestRunStatsKept(t *testing.T) {
	rs := runStats(&monitor.Summary{Target: "shop", Platform: "P", Kept: 6}, nil)
	if rs.Kept != 6 || rs.Target != "shop" || rs.Failed {
		t.Errorf("runStats: %+v, want target shop, 6 kept, not failed", rs)
	}
}
