package demo

import (
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"
)

func benchmarkServe(b *testing.B, key, target string) {
	all, err := loadCatalog()
	if err != nil {
		b.Fatal(err)
	}
	s := newSite(key, all, slog.New(slog.DiscardHandler))
	req := httptest.NewRequest(http.MethodGet, target, nil)
	b.ReportAllocs()
	for b.Loop() {
		w := httptest.NewRecorder()
		s.ServeHTTP(w, req)
		if w.Code != http.StatusOK {
			b.Fatalf("GET %s = %d", target, w.Code)
		}
	}
}

func BenchmarkServeChemHubIndex(b *testing.B) { benchmarkServe(b, keyChemHub, "/catalog?page=2") }
func BenchmarkServeChemHubDetail(b *testing.B) {
	benchmarkServe(b, keyChemHub, "/product/CH-1010")
}
func BenchmarkServeBazaarIndex(b *testing.B)    { benchmarkServe(b, keyBazaar, "/ads?page=2") }
func BenchmarkServeBazaarGBKIndex(b *testing.B) { benchmarkServe(b, keyBazaar, "/zh/ads?page=2") }
func BenchmarkServeTradeportFeed(b *testing.B) {
	benchmarkServe(b, keyTradeport, "/api/listings?page=2")
}

func BenchmarkVariantLabels(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if len(VariantLabels(1)) < 300 {
			b.Fatal("too few labels")
		}
	}
}

// BenchmarkServeStaticBaseline writes a pre-rendered ChemHub index page
// through the same recorder: the floor the templated pages are compared to.
func BenchmarkServeStaticBaseline(b *testing.B) {
	all, err := loadCatalog()
	if err != nil {
		b.Fatal(err)
	}
	s := newSite(keyChemHub, all, slog.New(slog.DiscardHandler))
	pre := httptest.NewRecorder()
	s.ServeHTTP(pre, httptest.NewRequest(http.MethodGet, "/catalog?page=2", nil))
	page := pre.Body.Bytes()
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(page)
	})
	req := httptest.NewRequest(http.MethodGet, "/catalog?page=2", nil)
	b.ReportAllocs()
	for b.Loop() {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
	}
}
