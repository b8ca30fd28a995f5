package monitor_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/precwatch/precwatch"
	"github.com/precwatch/precwatch/index"
	"github.com/precwatch/precwatch/matchers"
	"github.com/precwatch/precwatch/monitor"
	"github.com/precwatch/precwatch/tickets"
)

// benchStore adapts the ticket store to monitor.Store for the benchmark.
type benchStore struct{ *tickets.Store }

func (s benchStore) Record(ctx context.Context, r precwatch.Result, at time.Time) (bool, error) {
	o, err := s.Store.Record(ctx, r, at)
	if err != nil {
		return false, err
	}
	return o.Created, nil
}

// benchTexts are listing texts of the kinds a marketplace carries: most
// offer nothing controlled, some offer precursors.
var benchTexts = [][2]string{
	{"Nitrile gloves, box of 100", "Powder-free nitrile examination gloves, size M and L. Fast shipping within the EU."},
	{"Citric acid monohydrate 25 kg", "Food grade E330, 25 kg bags, COA available. MOQ 1 ton, FOB Qingdao."},
	{"BMK glycidate CAS 5449-12-7", "New BMK powder, 99% purity, safe delivery to Netherlands and Poland. Wickr: chemking88"},
	{"Acetone 99.5% technical grade", "Industrial solvent in 200 L drums, for coatings and cleaning. Invoice and SDS provided."},
	{"Pseudoephedrine HCl powder", "Pharma grade, 1 kg to 25 kg, discreet packaging, payment in BTC only."},
	{"Magnetic stirrer with hotplate", "Digital hotplate stirrer, 1500 rpm, ceramic top, CE marked."},
	{"Гидрохлорид эфедрина 1 кг", "Поставка по России и СНГ, анонимно, связь в Telegram @chem_supply"},
	{"Toluene for paint thinning", "5 L cans of toluene, hardware store quality, pickup in Lyon."},
}

// BenchmarkRescan measures `precwatch rescan` over stored listings with the
// full built-in watchlist: re-matching every listing and storing only the
// changed verdicts. Reported as listings/s.
func BenchmarkRescan(b *testing.B) {
	const n = 20000
	ctx := context.Background()
	dir := b.TempDir()
	store, err := tickets.Open(filepath.Join(dir, "precwatch.db"), tickets.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer store.Close()
	idx, err := index.Open(filepath.Join(dir, "index.bleve"), index.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer idx.Close()
	wl, err := matchers.LoadWatchlist()
	if err != nil {
		b.Fatal(err)
	}
	m, err := matchers.New(wl, matchers.Options{})
	if err != nil {
		b.Fatal(err)
	}
	at := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	var batch []precwatch.Result
	for i := 0; i < n; i++ {
		t := benchTexts[i%len(benchTexts)]
		l := precwatch.Listing{ID: fmt.Sprintf("L%06d", i), Platform: fmt.Sprintf("P%d", i%5), Target: "t",
			URL: fmt.Sprintf("https://m.example/item/%d", i), Title: fmt.Sprintf("%s #%d", t[0], i), Description: t[1],
			Seller: fmt.Sprintf("seller-%d", i%700), ContentHash: fmt.Sprintf("h%d", i)}
		r := precwatch.Result{Listing: l, Match: m.Match(&l)}
		if _, err := store.Record(ctx, r, at); err != nil {
			b.Fatal(err)
		}
		if r.Match.Offered() {
			batch = append(batch, r)
		}
	}
	if err := idx.Put(ctx, batch, at); err != nil {
		b.Fatal(err)
	}
	mon := monitor.New(nil, m, idx, benchStore{store}, monitor.Options{})
	b.ResetTimer()
	start := time.Now()
	var total int64
	for i := 0; i < b.N; i++ {
		s, err := mon.Rescan(ctx, time.Time{}, nil)
		if err != nil {
			b.Fatal(err)
		}
		if s.Listings != n {
			b.Fatalf("rescanned %d listings, want %d", s.Listings, n)
		}
		total += s.Listings
	}
	b.ReportMetric(float64(total)/time.Since(start).Seconds(), "listings/s")
}
