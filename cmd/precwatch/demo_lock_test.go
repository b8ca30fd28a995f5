package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/precwatch/precwatch"
	"github.com/precwatch/precwatch/index"
)

// TestDemoDataDirInUse: a second demo on a data directory whose index
// another precwatch holds fails with a message saying so, before it starts
// marketplaces or writes anything: the running demo's demo.yml (its
// marketplaces' ports) stays as it is. It was rewritten with the second
// demo's dead ports before the index lock failed it.
func TestDemoDataDirInUse(t *testing.T) {
	dir := t.TempDir()
	// The running demo: it holds the index (a shard exists once a hit is
	// indexed) and wrote its demo.yml.
	x, err := index.Open(indexPath(dir), index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	r := precwatch.Result{
		Listing: precwatch.Listing{ID: "a1", Platform: "ChemHub", URL: "http://127.0.0.1:9000/p/a1", Title: "Ephedrine HCl 1 kg"},
		Match:   precwatch.Match{ID: "a1", Score: 0.8, Substances: []precwatch.SubstanceMatch{{ID: "ephedrine", Name: "Ephedrine", CAS: "299-42-3", List: precwatch.ListTableI}}},
	}
	if err := x.Put(context.Background(), []precwatch.Result{r}, time.Now()); err != nil {
		t.Fatal(err)
	}
	cfgPath := filepath.Join(dir, "demo.yml")
	running := "# the running demo's configuration: start_urls on 127.0.0.1:9000\n"
	writeFile(t, cfgPath, running)

	code, stdout, stderr := runCmd(t, nil, "demo", "--no-serve", "--data", dir, "--sites-addr", "127.0.0.1:0")
	if code != 1 || !strings.Contains(stderr, "another precwatch process") || !strings.Contains(stderr, dir) {
		t.Errorf("second demo: exit %d, stderr %q; want 1 and another precwatch named as holding %s", code, stderr, dir)
	}
	if strings.Contains(stdout, "marketplace") {
		t.Errorf("second demo: stdout %q; want no marketplace started", stdout)
	}
	if b, err := os.ReadFile(cfgPath); err != nil || string(b) != running {
		t.Errorf("second demo rewrote the running demo's demo.yml: %q (%v)", b, err)
	}
}
