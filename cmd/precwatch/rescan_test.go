package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// indexedTotal returns the total of `precwatch search --data data` for the
// empty query (everything indexed).
func indexedTotal(t *testing.T, data string) int {
	t.Helper()
	code, out, errOut := runMain(t, "search", "--data", data, "--format", "json", "--limit", "0", "")
	if code != 0 {
		t.Fatalf("search --data %s: exit %d: %s", data, code, errOut)
	}
	var res struct {
		Total int `json:"total"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("search --data %s: %v in %q", data, err, out)
	}
	return res.Total
}

// TestRescanRebuildsLostIndex: the index is derived data that `precwatch
// rescan` rebuilds from the database (README, Operations): after the index
// directory is lost, a plain rescan restores every hit, and `rescan
// --reindex` over a damaged (partly emptied) index does too.
func TestRescanRebuildsLostIndex(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end crawl")
	}
	data := t.TempDir()
	if code, _, errOut := runMain(t, "demo", "--no-serve", "--data", data, "--sites-addr", "127.0.0.1:0"); code != 0 {
		t.Fatalf("demo --no-serve: exit %d: %s", code, errOut)
	}
	want := indexedTotal(t, data)
	if want == 0 {
		t.Fatal("the demo crawl indexed nothing")
	}
	idx := filepath.Join(data, "index.bleve")
	if err := os.Rename(idx, idx+".lost"); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runMain(t, "rescan", "--data", data)
	if code != 0 {
		t.Fatalf("rescan after losing the index: exit %d: %s", code, errOut)
	}
	if got := indexedTotal(t, data); got != want {
		t.Errorf("rescan after losing the index: search total %d, want %d as before; output %q", got, want, out)
	}
	if !strings.Contains(out, "re-indexed ") || !strings.Contains(out, " 0 new tickets") {
		t.Errorf("rescan after losing the index: output %q, want a re-indexed count and 0 new tickets", out)
	}

	// A plain rescan over a complete index re-indexes nothing.
	if code, out, errOut = runMain(t, "rescan", "--data", data); code != 0 || strings.Contains(out, "re-indexed") {
		t.Errorf("second rescan: exit %d, output %q, stderr %q; want no re-indexing", code, out, errOut)
	}

	// --reindex puts every hit into the index again even when it is not
	// empty (a shard moved aside leaves the others in place).
	code, out, errOut = runMain(t, "rescan", "--data", data, "--reindex")
	if w := fmt.Sprintf("re-indexed %d unchanged listings", want); code != 0 || !strings.Contains(out, w) {
		t.Errorf("rescan --reindex: exit %d, output %q, stderr %q; want %q", code, out, errOut, w)
	}
	if got := indexedTotal(t, data); got != want {
		t.Errorf("rescan --reindex: search total %d, want %d", got, want)
	}
}

// TestRescanThresholdFlag: --threshold is checked (0..1) and its help shows
// no made-up default.
func TestRescanThresholdFlag(t *testing.T) {
	code, _, stderr := runCmd(t, nil, "rescan", "--data", t.TempDir(), "--threshold", "1.5")
	if code != 2 || !strings.Contains(stderr, "-threshold") || !strings.Contains(stderr, "0 to 1") {
		t.Errorf("rescan --threshold 1.5: exit %d, stderr %q; want 2 naming the flag and its range", code, stderr)
	}
	_, out, errOut := runCmd(t, nil, "rescan", "--help")
	help := out + errOut
	if !strings.Contains(help, "-threshold F") || strings.Contains(help, "default -1") {
		t.Errorf("rescan --help:\n%s\nwant '-threshold F' and no 'default -1'", help)
	}
	for _, c := range []struct{ cmd, flag string }{{"crawl", "--log-level"}, {"demo", "--no-serve"}, {"demo", "--sites-addr"}, {"rescan", "--threshold"}} {
		_, out, errOut := runCmd(t, nil, c.cmd, "--help")
		usage, _, _ := strings.Cut(out+errOut, "\n")
		if !strings.Contains(usage, c.flag) {
			t.Errorf("%s --help usage line %q does not name %s", c.cmd, usage, c.flag)
		}
	}
}
