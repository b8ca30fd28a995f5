package crawler

import (
	"bufio"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gocolly/colly/v2"
	"github.com/precwatch/precwatch"
)

// benchSite is a generated marketplace of n listing pages: index pages
// /list?page=K with 100 product links each and a next link, and product
// pages /item/N of about 1.5 KB.
func benchSite(n int) http.Handler {
	const perIndex = 100
	indexes := (n + perIndex - 1) / perIndex
	desc := strings.Repeat("Technical grade reagent, drum or bottle, shipped worldwide with documents. ", 12)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		switch {
		case r.URL.Path == "/list":
			k, _ := strconv.Atoi(r.URL.Query().Get("page"))
			if k < 1 || k > indexes {
				http.NotFound(w, r)
				return
			}
			bw := bufio.NewWriter(w)
			fmt.Fprintf(bw, "<html><head><title>List %d</title></head><body><ul>", k)
			for i := (k-1)*perIndex + 1; i <= min(k*perIndex, n); i++ {
				fmt.Fprintf(bw, `<li><a class="product-link" href="/item/%d">Item %d</a></li>`, i, i)
			}
			fmt.Fprint(bw, "</ul>")
			if k < indexes {
				fmt.Fprintf(bw, `<a class="next" href="/list?page=%d">next</a>`, k+1)
			}
			fmt.Fprint(bw, "</body></html>")
			bw.Flush()
		case strings.HasPrefix(r.URL.Path, "/item/"):
			id := strings.TrimPrefix(r.URL.Path, "/item/")
			fmt.Fprintf(w, `<html><head><title>Item %s</title></head><body><div class="product" data-id="i%s">
<h1>Reagent lot %s</h1><p class="description">%s</p><span class="price">EUR %s</span>
<span class="seller">Seller %s</span><span class="origin">Antwerp</span></div></body></html>`, id, id, id, desc, id, id)
		default:
			http.NotFound(w, r)
		}
	})
}

func benchTarget(srvURL string) precwatch.Target {
	t := loopbackTarget("bench", srvURL+"/list?page=1")
	t.Parallelism = 8
	t.Delay = 0
	t.MaxPages = 10_000_000
	t.RespectRobotsTxt = true
	t.Timeout = 20 * time.Second
	t.Follow = []string{"a.product-link"}
	t.NextPage = []string{"a.next"}
	t.Listing = precwatch.ListingSpec{URLPattern: "/item/", Fields: map[string]string{
		"id": "div.product@data-id", "title": "h1", "description": ".description",
		"price": ".price", "seller": ".seller", "location": ".origin"}}
	return t
}

// crawlOurs crawls the bench site with the crawler and returns pages and listings.
func crawlOurs(tb testing.TB, dataDir, srvURL string) (pages, listings int) {
	c, err := New(Options{DataDir: dataDir})
	if err != nil {
		tb.Fatal(err)
	}
	var n atomic.Int64
	run, err := c.Run(context.Background(), benchTarget(srvURL), SinkFunc(func(context.Context, precwatch.Listing) error {
		n.Add(1)
		return nil
	}))
	if err != nil {
		tb.Fatal(err)
	}
	if run.Errors != 0 {
		tb.Fatalf("bench crawl had errors: %v", run.ErrorsByKind)
	}
	return run.Pages, int(n.Load())
}

// crawlColly crawls the bench site with a bare colly collector doing the same
// work: parallelism 8, follow and next links, extract the same fields.
func crawlColly(tb testing.TB, srvURL string) (pages, listings int) {
	c := colly.NewCollector(colly.Async(true), colly.AllowedDomains("127.0.0.1"))
	if err := c.Limit(&colly.LimitRule{DomainGlob: "*", Parallelism: 8}); err != nil {
		tb.Fatal(err)
	}
	var p, l atomic.Int64
	c.OnResponse(func(*colly.Response) { p.Add(1) })
	c.OnHTML("a.product-link, a.next", func(e *colly.HTMLElement) { e.Request.Visit(e.Attr("href")) })
	c.OnHTML("div.product", func(e *colly.HTMLElement) {
		_ = precwatch.Listing{ID: e.Attr("data-id"), URL: e.Request.URL.String(), Title: e.ChildText("h1"),
			Description: e.ChildText(".description"), Price: e.ChildText(".price"),
			Seller: e.ChildText(".seller"), Location: e.ChildText(".origin")}
		l.Add(1)
	})
	if err := c.Visit(srvURL + "/list?page=1"); err != nil {
		tb.Fatal(err)
	}
	c.Wait()
	return int(p.Load()), int(l.Load())
}

func benchPages() int {
	if n, err := strconv.Atoi(os.Getenv("PRECWATCH_BENCH_PAGES")); err == nil && n > 0 {
		return n
	}
	return 20_000
}

// BenchmarkCrawlVsColly crawls a generated loopback site of
// PRECWATCH_BENCH_PAGES (default 20,000) listing pages with our crawler and
// with a bare colly collector, parallelism 8, no delay, in the same process
// and run, and reports both rates. Run with -benchtime=1x.
func BenchmarkCrawlVsColly(b *testing.B) {
	n := benchPages()
	srv := httptest.NewServer(benchSite(n))
	defer srv.Close()
	var oursSec, collySec float64
	var oursPages, collyPages int
	for i := 0; b.Loop(); i++ {
		start := time.Now()
		p, l := crawlOurs(b, b.TempDir(), srv.URL)
		oursSec += time.Since(start).Seconds()
		oursPages += p
		if l != n {
			b.Fatalf("precwatch extracted %d listings, want %d", l, n)
		}
		start = time.Now()
		p, l = crawlColly(b, srv.URL)
		collySec += time.Since(start).Seconds()
		collyPages += p
		if l != n {
			b.Fatalf("colly extracted %d listings, want %d", l, n)
		}
	}
	ours, bare := float64(oursPages)/oursSec, float64(collyPages)/collySec
	b.ReportMetric(ours, "precwatch-pages/s")
	b.ReportMetric(bare, "colly-pages/s")
	b.ReportMetric(100*ours/bare, "%-of-colly")
}

// BenchmarkCrawlRSS crawls the generated site of 20,000 and 100,000 listing
// pages in a child process each (the site is served by this process) and
// reports the child's peak RSS (VmHWM) for our crawler and for bare colly.
func BenchmarkCrawlRSS(b *testing.B) {
	for _, n := range []int{20_000, 100_000} {
		srv := httptest.NewServer(benchSite(n))
		for _, who := range []string{"precwatch", "colly"} {
			b.Run(fmt.Sprintf("%s/%d", who, n), func(b *testing.B) {
				var kb, rate float64
				for b.Loop() {
					res := runBenchChild(b, who, srv.URL, n)
					kb, rate = res["vmhwm_kb"], res["pages_per_s"]
				}
				b.ReportMetric(kb/1024, "peak-RSS-MB")
				b.ReportMetric(rate, "pages/s")
			})
		}
		srv.Close()
	}
}

func runBenchChild(tb testing.TB, who, srvURL string, n int) map[string]float64 {
	cmd := exec.Command(os.Args[0], "-test.run=^TestBenchChild$", "-test.count=1", "-test.v")
	cmd.Env = append(os.Environ(), "PRECWATCH_BENCH_CHILD="+who, "PRECWATCH_BENCH_SITE="+srvURL,
		"PRECWATCH_BENCH_DATA="+tb.TempDir(), "PRECWATCH_BENCH_PAGES="+strconv.Itoa(n))
	out, err := cmd.CombinedOutput()
	if err != nil {
		tb.Fatalf("bench child %s: %v\n%s", who, err, out)
	}
	res := map[string]float64{}
	for _, line := range strings.Split(string(out), "\n") {
		if i := strings.Index(line, "BENCHRESULT "); i >= 0 {
			for _, kv := range strings.Fields(line[i+len("BENCHRESULT "):]) {
				k, v, _ := strings.Cut(kv, "=")
				res[k], _ = strconv.ParseFloat(v, 64)
			}
		}
	}
	if res["listings"] != float64(n) {
		tb.Fatalf("bench child %s: %v listings, want %d\n%s", who, res["listings"], n, out)
	}
	return res
}

// TestBenchChild is the child process of BenchmarkCrawlRSS.
func TestBenchChild(t *testing.T) {
	who := os.Getenv("PRECWATCH_BENCH_CHILD")
	if who == "" {
		t.Skip("run by BenchmarkCrawlRSS")
	}
	srvURL := os.Getenv("PRECWATCH_BENCH_SITE")
	start := time.Now()
	var pages, listings int
	if who == "colly" {
		pages, listings = crawlColly(t, srvURL)
	} else {
		pages, listings = crawlOurs(t, os.Getenv("PRECWATCH_BENCH_DATA"), srvURL)
	}
	sec := time.Since(start).Seconds()
	fmt.Printf("BENCHRESULT pages=%d listings=%d pages_per_s=%.0f vmhwm_kb=%d\n", pages, listings, float64(pages)/sec, vmHWM(t))
}

// vmHWM returns the process's peak resident set size in kB.
func vmHWM(tb testing.TB) int {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		tb.Fatal(err)
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(rest), " kB"))
			return kb
		}
	}
	tb.Fatal("no VmHWM in /proc/self/status")
	return 0
}
