package main

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/precwatch/precwatch"
	"github.com/precwatch/precwatch/config"
	"github.com/precwatch/precwatch/server"
	"github.com/precwatch/precwatch/tickets"
)

// Load test of the HTTP API: 50 concurrent clients on loopback over an index
// of >= 100,000 hits. It is bounded: each scenario stops after loadRequests
// requests or loadTime, whichever comes first.
const (
	benchListings = 100_000
	loadClients   = 50
	loadRequests  = 5_000
	loadTime      = 45 * time.Second
)

var (
	benchPlatforms = []string{"ChemHub", "Bazaar Classifieds", "Tradeport", "Kemix", "OstMarkt"}
	benchTitles    = []string{
		"BMK glycidate powder CAS 5449-12-7, %d kg",
		"PMK ethyl glycidate 28578-16-7 oil, %d L",
		"Ephedrine HCl 99%% bulk %d kg",
		"Pseudoephedrine tablets 60 mg, %d boxes",
		"Acetone technical grade, %d drums",
		"Red phosphorus %d g, discreet shipping",
		"1-boc-4-piperidone CAS 79099-07-3, %d g",
		"Эфедрин гидрохлорид %d кг",
		"Safrole oil %d L",
		"Hydrochloric acid 37%%, %d L",
	}
	benchDescs = []string{
		"Stealth packaging, 100%% customs pass to EU and Australia. Contact telegram @seller%d.",
		"Licensed manufacturer, end-user declaration required. Lot %d.",
		"Pay BTC only, no paperwork. Wickr: chem%d.",
		"Factory direct, COA available, sample order %d welcome.",
	}
)

// benchData returns a data directory holding benchListings matched,
// indexed and recorded listings. It is built once and kept in
// $PRECWATCH_BENCH_DATA (default: a directory in the system temp dir).
func benchData(b *testing.B) string {
	dir := os.Getenv("PRECWATCH_BENCH_DATA")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), fmt.Sprintf("precwatch-bench-server-%d", benchListings))
	}
	marker := filepath.Join(dir, "complete")
	if _, err := os.Stat(marker); err == nil {
		return dir
	}
	os.RemoveAll(dir)
	start := time.Now()
	a, err := openApp(appOptions{DataDir: dir})
	if err != nil {
		b.Fatal(err)
	}
	defer a.Close()
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(1, 2))
	t0 := time.Now().Add(-365 * 24 * time.Hour)
	const chunk = 5000
	hits := 0
	for lo := 0; lo < benchListings; lo += chunk {
		var rs []precwatch.Result
		seen := t0.Add(time.Duration(lo) * time.Minute * 5)
		for i := lo; i < lo+chunk && i < benchListings; i++ {
			p := benchPlatforms[i%len(benchPlatforms)]
			l := precwatch.Listing{ID: "L" + strconv.Itoa(i), Platform: p, Target: fmt.Sprintf("t%d", i%len(benchPlatforms)),
				URL:         fmt.Sprintf("https://%d.example/item/%d", i%len(benchPlatforms), i),
				Title:       fmt.Sprintf(benchTitles[rng.IntN(len(benchTitles))], 1+rng.IntN(500)),
				Description: fmt.Sprintf(benchDescs[rng.IntN(len(benchDescs))], rng.IntN(3000)),
				Seller:      fmt.Sprintf("seller-%d", rng.IntN(3000)), Location: []string{"CN", "NL", "DE", "IN", "RU", "PL"}[rng.IntN(6)],
				Price: fmt.Sprintf("$%d", 10+rng.IntN(5000)), FetchedAt: seen}
			m := a.matcher.Match(&l)
			if !m.Offered() {
				continue
			}
			rs = append(rs, precwatch.Result{Listing: l, Match: m})
		}
		if err := a.index.Put(ctx, rs, seen); err != nil {
			b.Fatal(err)
		}
		for _, r := range rs {
			if _, err := a.store.Record(ctx, r, seen); err != nil {
				b.Fatal(err)
			}
		}
		hits += len(rs)
	}
	n, err := a.index.Count()
	if err != nil {
		b.Fatal(err)
	}
	if n < benchListings*9/10 {
		b.Fatalf("index holds %d hits, want about %d", n, benchListings)
	}
	b.Logf("built %s: %d hits indexed in %v", dir, n, time.Since(start).Round(time.Second))
	if err := os.WriteFile(marker, []byte(strconv.Itoa(hits)), 0o644); err != nil {
		b.Fatal(err)
	}
	return dir
}

type loadResult struct {
	n                  int
	errors             int64
	elapsed            time.Duration
	p50, p95, p99, max time.Duration
}

// load runs loadClients clients sending next() requests until
// loadRequests are done or loadTime has passed.
func load(b *testing.B, name string, client *http.Client, token string, next func(r *rand.Rand) string) loadResult {
	if only := os.Getenv("PRECWATCH_LOAD_ONLY"); only != "" && only != name {
		return loadResult{}
	}
	var (
		count atomic.Int64
		errs  atomic.Int64
		mu    sync.Mutex
		lat   []time.Duration
		wg    sync.WaitGroup
	)
	runtime.GC() // each scenario starts from a collected heap
	deadline := time.Now().Add(loadTime)
	start := time.Now()
	for c := 0; c < loadClients; c++ {
		wg.Add(1)
		go func(seed uint64) {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(seed, 7))
			var mine []time.Duration
			for count.Add(1) <= loadRequests && time.Now().Before(deadline) {
				req, _ := http.NewRequest("GET", next(rng), nil)
				req.Header.Set("Authorization", "Bearer "+token)
				t := time.Now()
				resp, err := client.Do(req)
				if err == nil {
					io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					if resp.StatusCode != 200 {
						err = fmt.Errorf("status %d", resp.StatusCode)
					}
				}
				if err != nil {
					errs.Add(1)
					continue
				}
				mine = append(mine, time.Since(t))
			}
			mu.Lock()
			lat = append(lat, mine...)
			mu.Unlock()
		}(uint64(c))
	}
	wg.Wait()
	r := loadResult{n: len(lat), errors: errs.Load(), elapsed: time.Since(start)}
	if len(lat) == 0 {
		return r
	}
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	q := func(p float64) time.Duration { return lat[min(len(lat)-1, int(p*float64(len(lat))))] }
	r.p50, r.p95, r.p99, r.max = q(0.50), q(0.95), q(0.99), lat[len(lat)-1]
	return r
}

func report(b *testing.B, name string, r loadResult) {
	if only := os.Getenv("PRECWATCH_LOAD_ONLY"); only != "" && only != name {
		return
	}
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	rps := float64(r.n) / r.elapsed.Seconds()
	b.Logf("%-8s %6d requests in %6.2fs: %7.0f req/s  p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms  max %6.1f ms  errors %d",
		name, r.n, r.elapsed.Seconds(), rps, ms(r.p50), ms(r.p95), ms(r.p99), ms(r.max), r.errors)
	b.ReportMetric(rps, name+"-req/s")
	b.ReportMetric(ms(r.p50), name+"-p50-ms")
	b.ReportMetric(ms(r.p95), name+"-p95-ms")
	b.ReportMetric(ms(r.p99), name+"-p99-ms")
	if r.errors > 0 {
		b.Errorf("%s: %d failed requests", name, r.errors)
	}
}

// BenchmarkServeLoad: search and ticket listing under 50 concurrent
// clients, with /healthz as the baseline of the HTTP stack alone.
//
//	go test -run '^$' -bench ServeLoad -benchtime=1x -timeout 30m ./cmd/precwatch
func BenchmarkServeLoad(b *testing.B) {
	dir := benchData(b)
	a, err := openApp(appOptions{DataDir: dir})
	if err != nil {
		b.Fatal(err)
	}
	defer a.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	be, err := newBackend(ctx, a, config.Default(), nil)
	if err != nil {
		b.Fatal(err)
	}
	srv, err := newServer(be)
	if err != nil {
		b.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	defer ts.Close()
	// The same server without reuse of results (identical concurrent
	// searches still run once).
	nocache, err := newServer(be, func(o *server.Options) { o.SearchCacheTTL = -1 })
	if err != nil {
		b.Fatal(err)
	}
	tsNoCache := httptest.NewServer(nocache)
	defer tsNoCache.Close()
	regulator, err := a.store.CreateToken(ctx, "regulator", "")
	if err != nil {
		b.Fatal(err)
	}
	partner, err := a.store.CreateToken(ctx, "partner", "ChemHub")
	if err != nil {
		b.Fatal(err)
	}
	client := &http.Client{Transport: &http.Transport{MaxIdleConns: 200, MaxIdleConnsPerHost: 200}, Timeout: 30 * time.Second}
	nHits, _ := a.index.Count()
	nTickets, _ := a.store.CountTickets(ctx, ticketsFilterAll())
	b.Logf("index: %d hits; store: %d tickets; %d clients; at most %d requests or %v per scenario", nHits, nTickets, loadClients, loadRequests, loadTime)
	queries := []string{"glycidate", "ephedrine", "cas:5449-12-7", "*", "telegram", "эфедрин", "substance:safrole", "seller:seller-42", "bmk glycidate stealth"}
	statuses := []string{"", "open", "open", "in_review"}
	for i := 0; i < b.N; i++ {
		report(b, "healthz", load(b, "healthz", client, regulator, func(*rand.Rand) string { return ts.URL + "/healthz" }))
		search := func(base string) func(r *rand.Rand) string {
			return func(r *rand.Rand) string {
				v := url.Values{"q": {queries[r.IntN(len(queries))]}, "page": {strconv.Itoa(1 + r.IntN(5))}}
				return base + "/api/v1/search?" + v.Encode()
			}
		}
		report(b, "search", load(b, "search", client, regulator, search(ts.URL)))
		report(b, "search-nocache", load(b, "search-nocache", client, regulator, search(tsNoCache.URL)))
		report(b, "tickets", load(b, "tickets", client, partner, func(r *rand.Rand) string {
			v := url.Values{"limit": {"50"}, "offset": {strconv.Itoa(50 * r.IntN(20))}}
			if s := statuses[r.IntN(len(statuses))]; s != "" {
				v.Set("status", s)
			}
			return ts.URL + "/api/v1/tickets?" + v.Encode()
		}))
	}
}

func ticketsFilterAll() tickets.Filter { return tickets.Filter{} }
