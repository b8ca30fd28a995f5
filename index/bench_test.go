package index

import (
	"context"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/precwatch/precwatch"
)

// benchSubstance is a watchlist entry for generated listings.
type benchSubstance struct {
	id, name, cas, list, zh, ru string
}

var benchSubstances = []benchSubstance{
	{"ephedrine", "Ephedrine", "299-42-3", "table-I", "麻黄碱", "эфедрин"},
	{"pseudoephedrine", "Pseudoephedrine", "90-82-4", "table-I", "伪麻黄碱", "псевдоэфедрин"},
	{"norephedrine", "Norephedrine", "14838-15-4", "table-I", "去甲麻黄碱", "норэфедрин"},
	{"bmk-glycidic-acid", "BMK glycidic acid", "25547-51-7", "table-I", "BMK缩水甘油酸", "BMK глицидная кислота"},
	{"bmk-methyl-glycidate", "BMK methyl glycidate", "80532-66-7", "table-I", "BMK甲基缩水甘油酸酯", "BMK метилглицидат"},
	{"pmk", "PMK", "4676-39-5", "table-I", "胡椒基甲基酮", "ПМК"},
	{"pmk-ethyl-glycidate", "PMK ethyl glycidate", "28578-16-7", "table-I", "PMK乙基缩水甘油酸酯", "ПМК этилглицидат"},
	{"p-2-p", "Phenylacetone (P-2-P)", "103-79-7", "table-I", "苯丙酮", "фенилацетон"},
	{"apaan", "APAAN", "4468-48-8", "table-I", "α-苯乙酰乙腈", "АПААН"},
	{"4-ap", "4-AP (4-anilinopiperidine)", "23056-29-3", "table-I", "4-苯胺基哌啶", "4-анилинопиперидин"},
	{"1-boc-4-ap", "1-Boc-4-AP", "125541-22-2", "table-I", "1-叔丁氧羰基-4-苯胺基哌啶", "1-бок-4-АП"},
	{"npp", "NPP (N-phenethyl-4-piperidone)", "39742-60-4", "table-I", "N-苯乙基-4-哌啶酮", "НПП"},
	{"anpp", "ANPP", "21409-26-7", "table-I", "4-苯胺基-N-苯乙基哌啶", "АНПП"},
	{"safrole", "Safrole", "94-59-7", "table-I", "黄樟素", "сафрол"},
	{"piperonal", "Piperonal", "120-57-0", "table-I", "胡椒醛", "пиперональ"},
	{"potassium-permanganate", "Potassium permanganate", "7722-64-7", "table-I", "高锰酸钾", "перманганат калия"},
	{"acetic-anhydride", "Acetic anhydride", "108-24-7", "table-I", "乙酸酐", "уксусный ангидрид"},
	{"lysergic-acid", "Lysergic acid", "82-58-6", "table-I", "麦角酸", "лизергиновая кислота"},
	{"phenylacetic-acid", "Phenylacetic acid", "103-82-2", "table-I", "苯乙酸", "фенилуксусная кислота"},
	{"acetone", "Acetone", "67-64-1", "table-II", "丙酮", "ацетон"},
	{"toluene", "Toluene", "108-88-3", "table-II", "甲苯", "толуол"},
	{"methyl-ethyl-ketone", "Methyl ethyl ketone", "78-93-3", "table-II", "丁酮", "метилэтилкетон"},
	{"hydrochloric-acid", "Hydrochloric acid", "7647-01-0", "table-II", "盐酸", "соляная кислота"},
	{"sulphuric-acid", "Sulphuric acid", "7664-93-9", "table-II", "硫酸", "серная кислота"},
	{"piperidine", "Piperidine", "110-89-4", "table-II", "哌啶", "пиперидин"},
	{"red-phosphorus", "Red phosphorus", "7723-14-0", "surveillance", "红磷", "красный фосфор"},
	{"hypophosphorous-acid", "Hypophosphorous acid", "6303-21-5", "surveillance", "次磷酸", "фосфорноватистая кислота"},
	{"methylamine", "Methylamine", "74-89-5", "surveillance", "甲胺", "метиламин"},
	{"2-bromo-4-methylpropiophenone", "2-Bromo-4'-methylpropiophenone", "1451-82-7", "designer", "2-溴-4-甲基苯丙酮", "2-бром-4-метилпропиофенон"},
	{"1-phenyl-2-nitropropene", "1-Phenyl-2-nitropropene", "705-60-2", "designer", "苯基-2-硝基丙烯", "фенил-2-нитропропен"},
}

var (
	benchPlatforms  = []string{"ChemHub", "Bazaar", "TradeAsia", "RuChem", "LabMarket", "PharmaNet", "GlobalB2B", "ChemDepot"}
	benchLocations  = []string{"China", "India", "Netherlands", "Poland", "Germany", "Russia", "Kazakhstan", "USA", "Mexico", "Canada", "Belgium", "Turkey", "Vietnam", "Ukraine", "Spain", "UK", "Hong Kong", "Shanghai", "Hebei", "Wuhan"}
	benchIndicators = []string{"messenger-contact", "customs-evasion", "stealth-packaging", "crypto-only", "no-paperwork", "no-prescription", "mislabelling", "synthesis-hint"}
	benchEN         = []string{"high purity", "in stock", "fast delivery", "best price", "factory direct", "bulk wholesale", "sample available", "white powder", "crystal", "pharmaceutical grade", "industrial grade", "25 kg drum", "1 kg bag", "free sample", "door to door"}
	benchZH         = []string{"现货供应", "高纯度", "安全到达", "包清关", "工厂直销", "白色粉末", "价格优惠", "量大从优", "隐蔽包装", "欢迎询价"}
	benchRU         = []string{"в наличии", "высокая чистота", "оптом", "доставка по СНГ", "без документов", "быстрая отправка", "лучшая цена", "белый порошок", "скидки", "звоните"}
)

// genResults returns n realistic matcher results, deterministic for seed:
// 70% English, 15% Chinese, 15% Russian listings of one or two substances,
// with indicators and observables on some.
func genResults(seed uint64, start, n int) []precwatch.Result {
	rng := rand.New(rand.NewPCG(seed, uint64(start)))
	pick := func(xs []string) string { return xs[rng.IntN(len(xs))] }
	words := func(xs []string, k int) string {
		parts := make([]string, k)
		for i := range parts {
			parts[i] = pick(xs)
		}
		return strings.Join(parts, ", ")
	}
	out := make([]precwatch.Result, n)
	for i := range out {
		id := start + i
		s := benchSubstances[rng.IntN(len(benchSubstances))]
		subs := []benchSubstance{s}
		if rng.IntN(5) == 0 {
			subs = append(subs, benchSubstances[rng.IntN(len(benchSubstances))])
		}
		var title, desc, term string
		switch r := rng.IntN(20); {
		case r < 3:
			term = s.zh
			title = fmt.Sprintf("%s CAS %s %s", s.zh, s.cas, pick(benchZH))
			desc = fmt.Sprintf("供应%s，纯度%d%%，%s。%s。", s.zh, 95+rng.IntN(5), words(benchZH, 3), pick(benchZH))
		case r < 6:
			term = s.ru
			title = fmt.Sprintf("%s CAS %s %s", s.ru, s.cas, pick(benchRU))
			desc = fmt.Sprintf("Продаём %s, чистота %d%%, %s. %s.", s.ru, 95+rng.IntN(5), words(benchRU, 3), pick(benchRU))
		default:
			term = s.name
			title = fmt.Sprintf("%s CAS %s %s", s.name, s.cas, pick(benchEN))
			desc = fmt.Sprintf("We supply %s with purity %d%%, %s. %s, contact us for a quote.", s.name, 95+rng.IntN(5), words(benchEN, 4), pick(benchEN))
		}
		m := precwatch.Match{ID: fmt.Sprint(id), Score: float64(rng.IntN(1000)) / 1000}
		for _, sub := range subs {
			m.Substances = append(m.Substances, precwatch.SubstanceMatch{ID: sub.id, Name: sub.name, CAS: sub.cas, List: sub.list,
				Hits: []precwatch.Hit{{Term: term, Kind: precwatch.HitName, Field: precwatch.FieldTitle, Start: 0, End: len(term)},
					{Term: sub.cas, Kind: precwatch.HitCAS, Field: precwatch.FieldTitle}}})
		}
		for k := rng.IntN(4); k > 0; k-- {
			m.Indicators = append(m.Indicators, precwatch.Indicator{ID: pick(benchIndicators)})
		}
		if rng.IntN(3) == 0 {
			m.Observables = append(m.Observables, precwatch.Observable{Type: "wickr", Value: fmt.Sprintf("chem%d", rng.IntN(5000))})
		}
		m.Suspicious = m.Score > 0.5
		platform := pick(benchPlatforms)
		out[i] = precwatch.Result{
			Listing: precwatch.Listing{
				ID: fmt.Sprintf("L%08d", id), Platform: platform, Target: strings.ToLower(platform),
				URL:   fmt.Sprintf("https://%s.example/product/%d", strings.ToLower(platform), id),
				Title: title, Description: desc, Price: fmt.Sprintf("$%d/kg", 50+rng.IntN(2000)),
				Seller: fmt.Sprintf("seller-%04d", rng.IntN(3000)), Location: pick(benchLocations),
			},
			Match: m,
		}
	}
	return out
}

// benchMonths spreads generated listings over 12 months (12 shards).
var benchStart = time.Date(2026, 1, 10, 0, 0, 0, 0, time.UTC)

// fillIndex indexes n generated results into x in chunks of 10,000 (one Put
// each, as a crawl would), over 12 months, and returns the rate in hits/s.
func fillIndex(tb testing.TB, x *Index, n int) float64 {
	tb.Helper()
	const chunk = 10000
	start := time.Now()
	var took time.Duration
	for off := 0; off < n; off += chunk {
		k := min(chunk, n-off)
		rs := genResults(1, off, k)
		month := off * 12 / n
		t0 := time.Now()
		if err := x.Put(context.Background(), rs, benchStart.AddDate(0, month, 0)); err != nil {
			tb.Fatal(err)
		}
		took += time.Since(t0)
	}
	tb.Logf("indexed %d hits in %s (%s in Put)", n, time.Since(start).Round(time.Millisecond), took.Round(time.Millisecond))
	return float64(n) / took.Seconds()
}

// BenchmarkPutBatched measures batched indexing: b.N generated hits put in
// chunks of 10,000 with the default batch size.
func BenchmarkPutBatched(b *testing.B) {
	for _, bs := range []int{500, 2000, DefaultBatchSize} {
		b.Run(fmt.Sprintf("batch=%d", bs), func(b *testing.B) {
			x, _ := MustOpen(b, Options{BatchSize: bs})
			rs := genResults(2, 0, b.N)
			cpu0 := cpuTime()
			b.ResetTimer()
			for off := 0; off < len(rs); off += 10000 {
				if err := x.Put(context.Background(), rs[off:min(off+10000, len(rs))], benchStart); err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "hits/s")
			b.ReportMetric(float64(b.N)/(cpuTime()-cpu0).Seconds(), "hits/cpu-s")
		})
	}
}

// BenchmarkPutSingle is the baseline: one Put (one batch, persisted) per hit.
func BenchmarkPutSingle(b *testing.B) {
	x, _ := MustOpen(b, Options{})
	rs := genResults(3, 0, b.N)
	cpu0 := cpuTime()
	b.ResetTimer()
	for i := range rs {
		if err := x.Put(context.Background(), rs[i:i+1], benchStart); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "hits/s")
	b.ReportMetric(float64(b.N)/(cpuTime()-cpu0).Seconds(), "hits/cpu-s")
}

// cpuTime is the CPU time (user and system) the process has used. The
// machine the benchmarks run on is shared, so hits per CPU-second is the
// figure that compares across runs; hits/s is what a user sees.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// benchIndexes caches the indexes of the search benchmarks across b.N rounds;
// TestMain removes them.
var (
	benchIndexes sync.Map // n -> *benchIndex
	benchDirs    []string
)

func TestMain(m *testing.M) {
	code := m.Run()
	benchIndexes.Range(func(_, v any) bool {
		if bi := v.(*benchIndex); bi.x != nil {
			bi.x.Close()
			bi.exact.Close()
		}
		return true
	})
	for _, d := range benchDirs {
		os.RemoveAll(d)
	}
	os.Exit(code)
}

type benchIndex struct {
	once   sync.Once
	x      *Index
	exact  *Index // the same index, read-only, never sampling
	rate   float64
	bytes  int64
	shards int
}

func openBenchIndex(b *testing.B, n int) *benchIndex {
	v, _ := benchIndexes.LoadOrStore(n, &benchIndex{})
	bi := v.(*benchIndex)
	bi.once.Do(func() {
		// PRECWATCH_BENCH_DIR keeps the built index there (per size and
		// mapping version) and reuses it in later runs: for profiling
		// searches without rebuilding 1,000,000 hits each time.
		var path string
		reuse := false
		if keep := os.Getenv("PRECWATCH_BENCH_DIR"); keep != "" {
			path = filepath.Join(keep, fmt.Sprintf("%d-v%s", n, mappingVersion), "index.bleve")
			_, err := os.Stat(path + ".complete")
			reuse = err == nil
		} else {
			dir, err := os.MkdirTemp("", "precwatch-bench-index-")
			if err != nil {
				b.Fatal(err)
			}
			benchDirs = append(benchDirs, dir)
			path = filepath.Join(dir, "index.bleve")
		}
		if !reuse {
			x, err := Open(path, Options{})
			if err != nil {
				b.Fatal(err)
			}
			bi.rate = fillIndex(b, x, n)
			if err := x.Close(); err != nil {
				b.Fatal(err)
			}
			if os.Getenv("PRECWATCH_BENCH_DIR") != "" {
				os.WriteFile(path+".complete", nil, 0o644)
			}
		}
		var err error
		if bi.x, err = Open(path, Options{ReadOnly: true}); err != nil {
			b.Fatal(err)
		}
		if bi.exact, err = Open(path, Options{ReadOnly: true, SampleAbove: -1}); err != nil {
			b.Fatal(err)
		}
		bi.shards = len(bi.x.Shards())
		filepath.WalkDir(path, func(_ string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				if fi, err := d.Info(); err == nil {
					bi.bytes += fi.Size()
				}
			}
			return nil
		})
	})
	if bi.x == nil {
		b.Fatal("bench index failed to build")
	}
	return bi
}

// benchQueries is the faceted query mix of the search benchmarks.
var benchQueries = []Query{
	{Query: "ephedrine"},
	{Query: "5449-12-7"},
	{Query: "cas:25547-51-7"},
	{Query: "substance:pmk +indicator:messenger-contact"},
	{Query: "麻黄碱"},
	{Query: "эфедрин"},
	{Query: "+list:table-I +suspicious:true score:>0.8"},
	{Query: "bmk glycidate", Platforms: []string{"ChemHub", "Bazaar"}},
	{Query: "seller:seller-0042"},
	{Query: "\"stealth packaging\" OR wickr", Filters: map[string][]string{"location": {"Netherlands", "Poland"}}},
}

func benchmarkSearch(b *testing.B, n int) {
	b.Run("sampled", func(b *testing.B) { benchmarkSearchWith(b, n, false) })
	b.Run("exact", func(b *testing.B) { benchmarkSearchWith(b, n, true) })
}

// benchmarkSearchWith runs the query mix over n hits, with facets estimated
// from a sample for large result sets (the default) or always exact.
func benchmarkSearchWith(b *testing.B, n int, exact bool) {
	bi := openBenchIndex(b, n)
	x := bi.x
	if exact {
		x = bi.exact
	}
	lat := make([]time.Duration, 0, b.N)
	perQuery := make([][]time.Duration, len(benchQueries))
	perTotal := make([]uint64, len(benchQueries))
	var total uint64
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		q := benchQueries[i%len(benchQueries)]
		q.Facets, q.Size = true, 20
		t0 := time.Now()
		res, err := x.Search(context.Background(), q)
		d := time.Since(t0)
		lat = append(lat, d)
		if err != nil {
			b.Fatal(err)
		}
		total += res.Total
		perQuery[i%len(benchQueries)] = append(perQuery[i%len(benchQueries)], d)
		perTotal[i%len(benchQueries)] = res.Total
	}
	b.StopTimer()
	for i, ls := range perQuery {
		if len(ls) > 0 {
			slices.Sort(ls)
			b.Logf("%-70q %7d hits  p50 %6.1f ms  max %6.1f ms", benchQueries[i].Query, perTotal[i],
				float64(ls[len(ls)/2].Microseconds())/1000, float64(ls[len(ls)-1].Microseconds())/1000)
		}
	}
	slices.Sort(lat)
	pct := func(p float64) float64 { return float64(lat[int(p*float64(len(lat)-1))].Microseconds()) / 1000 }
	b.ReportMetric(pct(0.50), "p50-ms")
	b.ReportMetric(pct(0.95), "p95-ms")
	b.ReportMetric(pct(0.99), "p99-ms")
	b.ReportMetric(float64(total)/float64(b.N), "hits/query")
	b.ReportMetric(bi.rate, "index-hits/s")
	b.ReportMetric(float64(bi.bytes)/float64(n), "bytes/hit")
	b.ReportMetric(float64(bi.shards), "shards")
}

// BenchmarkSearchFaceted100k: latency of faceted queries over 100,000 hits.
func BenchmarkSearchFaceted100k(b *testing.B) { benchmarkSearch(b, 100_000) }

// BenchmarkSearchFaceted1M: the same over 1,000,000 hits; it builds the
// index first (minutes), so it runs only with PRECWATCH_BENCH_LARGE=1.
func BenchmarkSearchFaceted1M(b *testing.B) {
	if os.Getenv("PRECWATCH_BENCH_LARGE") != "1" {
		b.Skip("set PRECWATCH_BENCH_LARGE=1 to build and search a 1,000,000-hit index")
	}
	benchmarkSearch(b, 1_000_000)
}
