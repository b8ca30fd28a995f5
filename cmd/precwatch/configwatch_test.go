package main

import (
	"testing"
	"time"
)

// TestConfigWatchSettles: serve reads a changed configuration file only
// once it has held still for one poll. os.WriteFile and editors truncate
// the file and then write it; a poll between the two saw an empty or cut
// file, which could parse with fewer targets and replace them
// (TestServeReloadsConfig failed so once: "0 targets after an invalid
// file, want the previous 3").
func TestConfigWatchSettles(t *testing.T) {
	t0 := time.Date(2026, 11, 29, 18, 0, 0, 0, time.UTC)
	st := func(sec int, size int64) fileStamp { return fileStamp{t0.Add(time.Duration(sec) * time.Second), size} }
	w := newConfigWatch(st(0, 900))
	steps := []struct {
		cur  fileStamp
		read bool
		why  string
	}{
		{st(0, 900), false, "unchanged"},
		{st(1, 0), false, "truncated: changed at this poll"},
		{st(1, 450), false, "half written: still changing"},
		{st(2, 950), false, "written: changed at this poll"},
		{st(2, 950), true, "held still for one poll: read"},
		{st(2, 950), false, "read already"},
		{fileStamp{}, false, "file gone"},
		{st(3, 960), false, "back, changed at this poll"},
		{st(3, 960), true, "held still: read"},
	}
	for i, s := range steps {
		if got := w.next(s.cur); got != s.read {
			t.Errorf("step %d (%s): read %v, want %v", i, s.why, got, s.read)
		}
	}
}
