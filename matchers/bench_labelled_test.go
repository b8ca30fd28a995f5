package matchers

import (
	"path/filepath"
	"runtime"
	"sync"
	"testing"

	"github.com/precwatch/precwatch"
)

var (
	labelledListingsOnce  sync.Once
	labelledListingsAll   []precwatch.Listing
	labelledListingsBytes int64
)

// labelledListings returns every listing of the labelled sets, read once,
// and the bytes of their titles and descriptions.
func labelledListings(tb testing.TB) ([]precwatch.Listing, int64) {
	labelledListingsOnce.Do(func() {
		sets, _ := filepath.Glob(filepath.Join("..", "testdata", "*", "listings.jsonl"))
		for _, p := range sets {
			for _, h := range readLabelledSet(tb, p) {
				labelledListingsAll = append(labelledListingsAll, h.Listing)
				labelledListingsBytes += int64(len(h.Listing.Title) + len(h.Listing.Description))
			}
		}
	})
	return labelledListingsAll, labelledListingsBytes
}

// BenchmarkMatchLabelled is the full matcher over every listing of the
// labelled sets (testdata/*/listings.jsonl): real, multilingual text with
// many substance mentions, unlike the repetitive benchmark corpus. Its
// live heap holds the decoded listings, so garbage collection walks them
// and the compiled watchlist as it would in a crawl.
func BenchmarkMatchLabelled(b *testing.B) {
	m := testMatcher(b)
	ls, n := labelledListings(b)
	if len(ls) == 0 {
		b.Skip("no labelled sets")
	}
	benchMatchLoop(b, m, ls, n)
}

// BenchmarkMatcherGC is one forced garbage collection with a compiled
// matcher live (and little else): the cost of the compiled watchlist to
// every collection cycle of a crawler, which depends on its number of
// objects and pointers more than on its bytes.
func BenchmarkMatcherGC(b *testing.B) {
	m := testMatcher(b)
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ResetTimer()
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		runtime.GC()
	}
	if d := cpuTime() - cpu0; d > 0 {
		b.ReportMetric(float64(d.Microseconds())/float64(b.N), "cpu-µs/op")
	}
	b.ReportMetric(float64(ms.HeapObjects), "heap-objects")
	runtime.KeepAlive(m)
}
