package index

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/precwatch/precwatch"
)

// TestShardCreationLeftover: a process killed while creating a shard leaves
// only a "<month>.new" directory (the shard is renamed into place once its
// mapping and version are written); the next Open removes it, and the
// month's shard is created again on the next Put. Before, the half-made
// shard had its final name and every later open failed ("error parsing
// mapping JSON").
func TestShardCreationLeftover(t *testing.T) {
	ctx := context.Background()
	x, dir := MustOpen(t, Options{})
	sub := precwatch.SubstanceMatch{ID: "pseudoephedrine", Name: "Pseudoephedrine", CAS: "90-82-4", List: precwatch.ListTableI}
	if err := x.Put(ctx, []precwatch.Result{result("Bazaar", "a", "Pseudoephedrine bulk", 0.5, sub)}, time.Date(2026, 2, 3, 0, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	if err := x.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "2026-02.new")); !os.IsNotExist(err) {
		t.Errorf("a created shard left its temporary directory (stat: %v)", err)
	}
	// What a kill during creation leaves: a truncated mapping.
	left := filepath.Join(dir, "2026-03.new")
	if err := os.MkdirAll(left, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(left, "index_meta.json"), []byte(`{"storage":"sco`), 0o644); err != nil {
		t.Fatal(err)
	}
	x, err := Open(dir, Options{})
	if err != nil {
		t.Fatalf("Open after a killed shard creation: %v", err)
	}
	defer x.Close()
	if _, err := os.Stat(left); !os.IsNotExist(err) {
		t.Errorf("Open left %s (stat: %v)", left, err)
	}
	if err := x.Put(ctx, []precwatch.Result{result("Bazaar", "b", "Pseudoephedrine bulk", 0.6, sub)}, time.Date(2026, 3, 9, 0, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	if got := x.Shards(); len(got) != 2 || got[1] != "2026-03" {
		t.Errorf("Shards() = %v, want 2026-02 and 2026-03", got)
	}
	if res := mustSearch(t, x, Query{Query: "cas:90-82-4", Size: 10}); res.Total != 2 {
		t.Errorf("search over both shards: total %d, want 2", res.Total)
	}
}
