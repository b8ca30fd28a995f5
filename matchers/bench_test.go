package matchers

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/coregx/ahocorasick"

	"github.com/precwatch/precwatch"
)

// The benchmark corpus: deterministic, realistic listing text (benign
// products, chemical B2B offers, a few precursor offers, obfuscations,
// several languages). Its size is PRECWATCH_BENCH_MB (default 8; make bench
// uses 64). When PRECWATCH_BENCH_DIR is set, the corpus (one listing a line)
// and the automaton's terms are written there for ripgrep.

var (
	benchOnce     sync.Once
	benchListings []precwatch.Listing
	benchText     []byte
	benchBytes    int64
)

func benchCorpus(b *testing.B) ([]precwatch.Listing, []byte) {
	benchOnce.Do(func() {
		mb := 8
		if v, err := strconv.Atoi(os.Getenv("PRECWATCH_BENCH_MB")); err == nil && v > 0 {
			mb = v
		}
		benchListings, benchText = genCorpus(mb << 20)
		for _, l := range benchListings {
			benchBytes += int64(len(l.Title) + len(l.Description))
		}
		if dir := os.Getenv("PRECWATCH_BENCH_DIR"); dir != "" {
			m := testMatcher(b)
			if err := os.WriteFile(filepath.Join(dir, "corpus.txt"), benchText, 0o644); err != nil {
				b.Fatal(err)
			}
			var terms bytes.Buffer
			for _, p := range m.Patterns() {
				terms.WriteString(p)
				terms.WriteByte('\n')
			}
			if err := os.WriteFile(filepath.Join(dir, "terms.txt"), terms.Bytes(), 0o644); err != nil {
				b.Fatal(err)
			}
		}
	})
	return benchListings, benchText
}

var (
	benignTitles = []string{"iPhone 15 silicone case, shockproof", "Men's running shoes size 42", "Vitamin C 1000 mg, 120 tablets",
		"Nail polish remover 250 ml", "Organic green tea 500 g", "Stainless steel water bottle 1 L", "LED desk lamp with USB charger",
		"Cotton T-shirt, pack of 3", "Garden hose 25 m", "Kids' building blocks 500 pcs", "Wireless earbuds with charging case",
		"Ceramic brake pads (front)", "Sodium chloride 99.5% food grade 25 kg bag", "Citric acid monohydrate CAS 5949-29-1",
		"Isopropyl alcohol 99% 5 L", "Glycerin USP 99.7% drum", "Titanium dioxide rutile 25kg", "Epoxy resin kit 1.5 kg",
		"Fahrradhelm für Erwachsene, Größe M", "Crème hydratante visage 50 ml", "Zapatillas de deporte para mujer",
		"Детская куртка зимняя", "纯棉T恤 男款 夏季", "Koffiebonen 1 kg espresso", "Buty trekkingowe damskie", "Kadın spor ayakkabı"}
	chemTitles = []string{"Acetone 99.5% industrial grade CAS 67-64-1", "Toluene 99.9% 200 L drum", "Hydrochloric acid 37% technical",
		"Sulphuric acid 98% CAS 7664-93-9", "Methyl ethyl ketone (MEK) 99%", "Potassium permanganate 99% crystals",
		"Ethyl ether anhydrous 2.5 L", "Piperidine 99% CAS 110-89-4", "Benzaldehyde FCC 99%", "Iodine crystals 99.8% 500 g"}
	hotTitles = []string{"BMK glycidate CAS 5449-12-7 high yield", "PMK ethyl glycidate powder 28578-16-7", "Ephedrine HCl 99% powder",
		"Pseudoephedrine 60 mg tablets wholesale", "4-AP (4-anilinopiperidine) CAS 23056-29-3", "Red phosphorus 1 kg",
		"3ph3dr1n3 crystal", "p s e u d o e p h e d r i n e", "Эфедрин гидрохлорид 99%", "麻黄碱 现货 包清关",
		"1-boc-4-piperidone 99% CAS 79099-07-3", "Efedrina clorhidrato 250 g", "Acetic anhydride 99% 200 L"}
	sentences = []string{"We are a leading manufacturer with 15 years of export experience.", "Packing: 1kg/bag, 25kg/drum or as customer's requirement.",
		"Payment: T/T, L/C, Western Union.", "MOQ: 1 kg. Sample available.", "Fast delivery worldwide by DHL, FedEx, UPS or EMS.",
		"Store in a cool, dry and ventilated place.", "COA and MSDS provided with every batch.", "Free shipping on orders over $50.",
		"Color: black. Material: TPU. Compatible with wireless charging.", "Machine washable at 30 °C.", "30-day return policy, 2-year warranty.",
		"Customer reviews: 4.7 out of 5 stars (1,204 ratings).", "Contact: sales@example-chem.example.com, Tel: +86 531 8888 1234.",
		"Lieferung innerhalb von 2–3 Werktagen.", "Livraison gratuite dès 49 €.", "Envío gratis a toda España.", "Доставка по всей России.",
		"质量保证，欢迎咨询。", "Dostawa w 24 godziny.", "Ücretsiz kargo.", "Stealth shipping, wickr: chem_king.", "Payment BTC or USDT only.",
		"100% customs pass to Australia and Canada.", "Can be declared as shoe polish.", "High conversion rate to oil, technical support.",
		"Ideal for home, office and travel.", "Batteries included (2× AA).", "P2P payment accepted via our platform.",
		"Our NPP certificate is available on request.", "Assay ≥ 99.0% (HPLC). Appearance: white crystalline powder."}
)

// genCorpus returns listings with about size bytes of title and description
// text, and the same text one listing a line.
func genCorpus(size int) ([]precwatch.Listing, []byte) {
	r := rand.New(rand.NewPCG(2026, 11))
	var out []precwatch.Listing
	var text bytes.Buffer
	n := 0
	for text.Len() < size {
		var title string
		switch x := r.IntN(100); {
		case x < 3:
			title = hotTitles[r.IntN(len(hotTitles))]
		case x < 25:
			title = chemTitles[r.IntN(len(chemTitles))]
		default:
			title = benignTitles[r.IntN(len(benignTitles))]
		}
		var d strings.Builder
		for k := 2 + r.IntN(6); k > 0; k-- {
			s := sentences[r.IntN(len(sentences))]
			if r.IntN(100) < 8 && strings.Contains(s, "Stealth") || r.IntN(100) < 80 && strings.ContainsAny(s, "₿") {
				continue
			}
			d.WriteString(s)
			d.WriteByte(' ')
		}
		fmt.Fprintf(&d, "Item %d, batch %d.", n, r.IntN(100000))
		l := precwatch.Listing{ID: strconv.Itoa(n), Title: title, Description: d.String(), Price: fmt.Sprintf("USD %d", 5+r.IntN(900))}
		out = append(out, l)
		text.WriteString(l.Title)
		text.WriteByte(' ')
		text.WriteString(l.Description)
		text.WriteByte('\n')
		n++
	}
	return out, text.Bytes()
}

// BenchmarkMatch is the full matcher (normalisation, automaton, CAS,
// context, observables, score) over the corpus, one listing at a time on
// one goroutine.
func BenchmarkMatch(b *testing.B) {
	m := testMatcher(b)
	ls, _ := benchCorpus(b)
	benchMatchLoop(b, m, ls, benchBytes)
}

// benchMatchLoop matches ls, n bytes of text, b.N times and reports the
// throughput per wall and per CPU second.
func benchMatchLoop(b *testing.B, m *Matcher, ls []precwatch.Listing, n int64) {
	b.SetBytes(n)
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		for j := range ls {
			m.Match(&ls[j])
		}
	}
	reportCPU(b, cpu0, n)
}

// reportCPU reports the throughput per second of process CPU time since
// cpu0 (every thread: the matcher and the garbage collector), which moves
// less than wall time when other processes share the machine.
func reportCPU(b *testing.B, cpu0 time.Duration, bytes int64) {
	if d := cpuTime() - cpu0; d > 0 {
		b.ReportMetric(float64(bytes)*float64(b.N)/1e6/d.Seconds(), "cpu-MB/s")
	}
}

// BenchmarkMatchNoSubstance is the full matcher over the corpus listings
// that name no substance (the common case on a general marketplace): what
// the early exit costs.
func BenchmarkMatchNoSubstance(b *testing.B) {
	benchMatchSubset(b, func(r precwatch.Match) bool { return len(r.Substances) == 0 && len(r.Explain) == 0 })
}

// BenchmarkMatchSubstance is the full matcher over the corpus listings
// that name a substance or give an explain line: the listings it evaluates.
func BenchmarkMatchSubstance(b *testing.B) {
	benchMatchSubset(b, func(r precwatch.Match) bool { return len(r.Substances) > 0 || len(r.Explain) > 0 })
}

// benchMatchSubset runs the full matcher over the corpus listings whose
// result keep accepts, and reports their share of the corpus.
func benchMatchSubset(b *testing.B, keep func(precwatch.Match) bool) {
	m := testMatcher(b)
	all, _ := benchCorpus(b)
	var ls []precwatch.Listing
	var n int64
	for i := range all {
		if keep(m.Match(&all[i])) {
			ls = append(ls, all[i])
			n += int64(len(all[i].Title) + len(all[i].Description))
		}
	}
	benchMatchLoop(b, m, ls, n)
	b.ReportMetric(float64(len(ls))/float64(len(all)), "share")
}

// BenchmarkNormalize is the normaliser alone, over the same fields as
// BenchmarkMatch.
func BenchmarkNormalize(b *testing.B) {
	ls, _ := benchCorpus(b)
	var t Text
	b.SetBytes(benchBytes)
	b.ResetTimer()
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		for j := range ls {
			t.Reset(ls[j].Title)
			t.Reset(ls[j].Description)
		}
	}
	reportCPU(b, cpu0, benchBytes)
}

// BenchmarkAutomaton is this package's automaton over normalised text, one
// listing at a time, reporting every overlapping occurrence.
func BenchmarkAutomaton(b *testing.B) {
	m := testMatcher(b)
	_, text := benchCorpus(b)
	norm := Normalize(string(text)).Norm
	lines := bytes.SplitAfter(norm, []byte("\n"))
	var hits []rawHit
	b.SetBytes(int64(len(norm)))
	b.ResetTimer()
	cpu0 := cpuTime()
	n := 0
	for i := 0; i < b.N; i++ {
		n = 0
		for _, l := range lines {
			hits = m.ac.scan(l, hits[:0])
			n += len(hits)
		}
	}
	reportCPU(b, cpu0, int64(len(norm)))
	b.ReportMetric(float64(n), "hits")
}

// BenchmarkCoregx is github.com/coregx/ahocorasick with the same patterns
// over the same normalised text, one listing at a time (overlapping matches,
// as the matcher needs).
func BenchmarkCoregx(b *testing.B) {
	m := testMatcher(b)
	_, text := benchCorpus(b)
	norm := Normalize(string(text)).Norm
	var ms0, ms1 runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms0)
	ac, err := ahocorasick.NewBuilder().AddStrings(m.Patterns()).Build()
	if err != nil {
		b.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&ms1)
	b.SetBytes(int64(len(norm)))
	b.ResetTimer()
	lines := bytes.SplitAfter(norm, []byte("\n"))
	n := 0
	for i := 0; i < b.N; i++ {
		n = 0
		for _, l := range lines {
			n += len(ac.FindAllOverlapping(l))
		}
	}
	b.ReportMetric(float64(n), "hits")
	b.ReportMetric(float64(ms1.HeapAlloc-min(ms1.HeapAlloc, ms0.HeapAlloc))/1e6, "build-MB")
}

// BenchmarkRegexp is the baseline: the same terms as one Go regexp
// alternation, case-insensitive with word boundaries, over the raw text (no
// normalisation). It is slow, so it runs over the first 256 KB only.
func BenchmarkRegexp(b *testing.B) {
	m := testMatcher(b)
	_, text := benchCorpus(b)
	text = text[:min(len(text), 256<<10)]
	var alt []string
	for _, p := range m.Patterns() {
		alt = append(alt, regexp.QuoteMeta(p))
	}
	re := regexp.MustCompile(`(?i)\b(?:` + strings.Join(alt, "|") + `)\b`)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	n := 0
	for i := 0; i < b.N; i++ {
		n = len(re.FindAllIndex(text, -1))
	}
	b.ReportMetric(float64(n), "hits")
}

// BenchmarkNew compiles the built-in watchlist and reports the heap it
// holds.
func BenchmarkNew(b *testing.B) {
	w, err := LoadWatchlist()
	if err != nil {
		b.Fatal(err)
	}
	foldRune('e') // the fold table is process-wide, not per matcher
	var m *Matcher
	var ms0, ms1 runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms0)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m, err = New(w, Options{})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	runtime.GC()
	runtime.ReadMemStats(&ms1)
	b.ReportMetric(float64(ms1.HeapAlloc-min(ms1.HeapAlloc, ms0.HeapAlloc))/1e6, "heap-MB")
	b.ReportMetric(float64(m.MemBytes())/1e6, "tables-MB")
	b.ReportMetric(float64(len(m.pats)), "patterns")
	b.ReportMetric(float64(m.ac.nstates), "states")
	runtime.KeepAlive(m)
}

// BenchmarkObservables is the observable search of Match on the title and
// description of every corpus listing, with the messenger handles looked
// for in every text (Match looks for them only in fields that name a
// messenger).
func BenchmarkObservables(b *testing.B) {
	ls, _ := benchCorpus(b)
	var out []precwatch.Observable
	var buf []byte
	b.SetBytes(benchBytes)
	b.ResetTimer()
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		for j := range ls {
			out = appendObservables(out[:0], ls[j].Title, true, &buf)
			out = appendObservables(out[:0], ls[j].Description, true, &buf)
		}
	}
	reportCPU(b, cpu0, benchBytes)
}
