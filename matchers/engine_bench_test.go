package matchers

import (
	"path/filepath"
	"sync"
	"testing"
)

// The labelled listings (testdata/*/listings.jsonl), real multilingual
// text, for the engine benchmarks: the benchmark corpus is mostly ASCII and
// repeats a few hundred sentences, so it visits few automaton rows and
// hides cache misses that real text has.
var (
	labelledOnce  sync.Once
	labelledTexts []string
	labelledBytes int64
)

func labelledCorpus(b *testing.B) []string {
	labelledOnce.Do(func() {
		sets, _ := filepath.Glob(filepath.Join("..", "testdata", "*", "listings.jsonl"))
		for _, p := range sets {
			for _, h := range readLabelledSet(b, p) {
				for _, s := range []string{h.Listing.Title, h.Listing.Description} {
					labelledTexts = append(labelledTexts, s)
					labelledBytes += int64(len(s))
				}
			}
		}
	})
	if labelledBytes == 0 {
		b.Skip("no labelled sets")
	}
	return labelledTexts
}

// BenchmarkNormalizeLabelled is the normaliser over the title and
// description of every labelled listing.
func BenchmarkNormalizeLabelled(b *testing.B) {
	texts := labelledCorpus(b)
	var t Text
	b.SetBytes(labelledBytes)
	b.ResetTimer()
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		for _, s := range texts {
			t.Reset(s)
		}
	}
	reportCPU(b, cpu0, labelledBytes)
}

// BenchmarkAutomatonLabelled is the automaton over the normalised title
// and description of every labelled listing, one at a time.
func BenchmarkAutomatonLabelled(b *testing.B) {
	m := testMatcher(b)
	var norms [][]byte
	var n int64
	for _, s := range labelledCorpus(b) {
		norms = append(norms, Normalize(s).Norm)
		n += int64(len(norms[len(norms)-1]))
	}
	var hits []rawHit
	b.SetBytes(n)
	b.ResetTimer()
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		for _, t := range norms {
			hits = m.ac.scan(t, hits[:0])
		}
	}
	reportCPU(b, cpu0, n)
}

// BenchmarkEngines is the normaliser and the automaton together, as Match
// runs them on every field: over the title and the description of every
// listing of the benchmark corpus.
func BenchmarkEngines(b *testing.B) {
	m := testMatcher(b)
	ls, _ := benchCorpus(b)
	var t Text
	var hits []rawHit
	b.SetBytes(benchBytes)
	b.ResetTimer()
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		for j := range ls {
			hits = engines(&t, ls[j].Title, m.ac, hits[:0])
			hits = engines(&t, ls[j].Description, m.ac, hits[:0])
		}
	}
	reportCPU(b, cpu0, benchBytes)
}

// BenchmarkEnginesLabelled is BenchmarkEngines over the labelled
// listings.
func BenchmarkEnginesLabelled(b *testing.B) {
	m := testMatcher(b)
	texts := labelledCorpus(b)
	var t Text
	var hits []rawHit
	b.SetBytes(labelledBytes)
	b.ResetTimer()
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		for _, s := range texts {
			hits = engines(&t, s, m.ac, hits[:0])
		}
	}
	reportCPU(b, cpu0, labelledBytes)
}

// engines normalises s into t and scans it, as Match does.
func engines(t *Text, s string, a *automaton, hits []rawHit) []rawHit {
	return t.resetScan(s, a, hits)
}
