package tickets_test

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/precwatch/precwatch"
	"github.com/precwatch/precwatch/tickets"
)

func perSecond(b *testing.B, unit string) {
	if s := b.Elapsed().Seconds(); s > 0 {
		b.ReportMetric(float64(b.N)/s, unit+"/s")
	}
}

// BenchmarkRecordNew records new suspicious listings: each creates a
// listing, its observables, a ticket, an audit entry and an outbox event.
func BenchmarkRecordNew(b *testing.B) {
	ctx := context.Background()
	s := MustOpen(b)
	b.ResetTimer()
	for i := range b.N {
		if _, err := s.Record(ctx, suspicious("ChemHub", fmt.Sprintf("l%d", i)), t0); err != nil {
			b.Fatal(err)
		}
	}
	perSecond(b, "upserts")
}

// BenchmarkRecordChanged records a new content version of existing
// listings: each updates the ticket with an audit entry and an event.
func BenchmarkRecordChanged(b *testing.B) {
	ctx := context.Background()
	s := MustOpen(b)
	const n = 1000
	for i := range n {
		mustRecord(b, s, suspicious("ChemHub", fmt.Sprintf("l%d", i)), t0)
	}
	b.ResetTimer()
	for i := range b.N {
		r := suspicious("ChemHub", fmt.Sprintf("l%d", i%n))
		r.Listing.ContentHash = fmt.Sprintf("v%d", i)
		r.Match.Score = 0.5 + float64(i%40)/100
		if _, err := s.Record(ctx, r, t0.Add(time.Duration(i)*time.Second)); err != nil {
			b.Fatal(err)
		}
	}
	perSecond(b, "upserts")
}

// BenchmarkRecordReplay replays an already recorded call (no change).
func BenchmarkRecordReplay(b *testing.B) {
	ctx := context.Background()
	s := MustOpen(b)
	r := suspicious("ChemHub", "l")
	mustRecord(b, s, r, t0)
	b.ResetTimer()
	for range b.N {
		if _, err := s.Record(ctx, r, t0); err != nil {
			b.Fatal(err)
		}
	}
	perSecond(b, "upserts")
}

// BenchmarkRecordParallel records new listings from 8 x GOMAXPROCS
// goroutines: their writes are group-committed.
func BenchmarkRecordParallel(b *testing.B) {
	ctx := context.Background()
	s := MustOpen(b)
	var next int64
	var mu = make(chan struct{}, 1)
	mu <- struct{}{}
	b.SetParallelism(8) // 8 x GOMAXPROCS goroutines, as a crawl with parallelism
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			<-mu
			next++
			i := next
			mu <- struct{}{}
			if _, err := s.Record(ctx, suspicious("ChemHub", fmt.Sprintf("l%d", i)), t0); err != nil {
				b.Error(err)
				return
			}
		}
	})
	perSecond(b, "upserts")
}

// BenchmarkRecrawl is the common re-crawl path: Unchanged then Seen.
func BenchmarkRecrawl(b *testing.B) {
	ctx := context.Background()
	s := MustOpen(b)
	const n = 1000
	for i := range n {
		mustRecord(b, s, suspicious("ChemHub", fmt.Sprintf("l%d", i)), t0)
	}
	b.ResetTimer()
	for i := range b.N {
		id := fmt.Sprintf("l%d", i%n)
		same, err := s.Unchanged(ctx, "ChemHub", id, "hash-"+id+"-v1")
		if err != nil || !same {
			b.Fatalf("Unchanged = %v, %v", same, err)
		}
		if err := s.Seen(ctx, "ChemHub", id, t0.Add(time.Duration(i+1)*time.Second)); err != nil {
			b.Fatal(err)
		}
	}
	perSecond(b, "listings")
}

// BenchmarkListings iterates stored listings as a rescan does.
func BenchmarkListings(b *testing.B) {
	ctx := context.Background()
	s := MustOpen(b)
	const n = 10000
	var rs []precwatch.Result
	for i := range n {
		rs = append(rs, suspicious("ChemHub", fmt.Sprintf("l%05d", i)))
	}
	if _, err := s.RecordBatch(ctx, rs, t0); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	total := 0
	for range b.N {
		if err := s.Listings(ctx, time.Time{}, func(precwatch.Result) error { total++; return nil }); err != nil {
			b.Fatal(err)
		}
	}
	if s := b.Elapsed().Seconds(); s > 0 {
		b.ReportMetric(float64(total)/s, "listings/s")
	}
}

// BenchmarkReviewQueue lists the top 50 open tickets of a platform out of
// 10,000.
func BenchmarkReviewQueue(b *testing.B) {
	ctx := context.Background()
	s := MustOpen(b)
	const n = 10000
	var rs []precwatch.Result
	for i := range n {
		p := []string{"ChemHub", "Bazaar", "Other"}[i%3]
		r := suspicious(p, fmt.Sprintf("l%05d", i))
		r.Match.Score = float64(i%1000) / 1000
		rs = append(rs, r)
	}
	if _, err := s.RecordBatch(ctx, rs, t0); err != nil {
		b.Fatal(err)
	}
	f := tickets.Filter{Platforms: []string{"ChemHub"}, Status: precwatch.StatusOpen, Limit: 50}
	b.ResetTimer()
	for range b.N {
		ts, err := s.Tickets(ctx, f)
		if err != nil || len(ts) != 50 {
			b.Fatalf("Tickets = %d, %v", len(ts), err)
		}
	}
	perSecond(b, "queries")
}

// BenchmarkBaselineInsertTx is the floor under one Record: a single-row
// INSERT in its own transaction, same driver and settings (WAL,
// synchronous=NORMAL, one write connection).
func BenchmarkBaselineInsertTx(b *testing.B) {
	path := filepath.Join(b.TempDir(), "base.db")
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_pragma=busy_timeout(10000)&_txlock=immediate")
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	if _, err := db.Exec("CREATE TABLE t (k TEXT PRIMARY KEY, v TEXT)"); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := range b.N {
		tx, err := db.Begin()
		if err != nil {
			b.Fatal(err)
		}
		if _, err := tx.Exec("INSERT INTO t (k, v) VALUES (?, ?)", fmt.Sprintf("l%d", i), "x"); err != nil {
			b.Fatal(err)
		}
		if err := tx.Commit(); err != nil {
			b.Fatal(err)
		}
	}
	perSecond(b, "tx")
}

// BenchmarkRecordBatch records new suspicious listings 500 to a
// transaction with RecordBatch.
func BenchmarkRecordBatch(b *testing.B) {
	ctx := context.Background()
	s := MustOpen(b)
	const size = 500
	batch := make([]precwatch.Result, 0, size)
	flush := func() {
		if _, err := s.RecordBatch(ctx, batch, t0); err != nil {
			b.Fatal(err)
		}
		batch = batch[:0]
	}
	b.ResetTimer()
	for i := range b.N {
		batch = append(batch, suspicious("ChemHub", fmt.Sprintf("l%d", i)))
		if len(batch) == size {
			flush()
		}
	}
	if len(batch) > 0 {
		flush()
	}
	perSecond(b, "upserts")
}
