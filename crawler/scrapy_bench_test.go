package crawler

import (
	"fmt"
	"net/http/httptest"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// BenchmarkCrawlVsScrapy crawls the generated loopback site of
// BenchmarkCrawlVsColly with our crawler and with a minimal Scrapy spider
// (testdata/scrapy/bench_spider.py: concurrency 8, no delay, robots.txt
// obeyed, the same links and fields), where Debian's python3-scrapy is
// installed. Run with -benchtime=1x.
func BenchmarkCrawlVsScrapy(b *testing.B) {
	scrapy, err := exec.LookPath("scrapy")
	if err != nil {
		b.Skip("scrapy not installed (Debian package python3-scrapy)")
	}
	spider, err := filepath.Abs("testdata/scrapy/bench_spider.py")
	if err != nil {
		b.Fatal(err)
	}
	n := benchPages()
	srv := httptest.NewServer(benchSite(n))
	defer srv.Close()
	var oursSec, scrapySec float64
	var oursPages, scrapyPages int
	for i := 0; i < b.N; i++ {
		start := time.Now()
		p, _ := crawlOurs(b, b.TempDir(), srv.URL)
		oursSec += time.Since(start).Seconds()
		oursPages += p

		start = time.Now()
		out, err := exec.Command(scrapy, "runspider", spider, "-a", "start="+srv.URL+"/list?page=1").Output()
		scrapySec += time.Since(start).Seconds()
		if err != nil {
			b.Fatalf("scrapy: %v", err)
		}
		var sp, sl int
		fields := strings.Fields(string(out))
		if len(fields) < 2 {
			b.Fatalf("scrapy printed %q", out)
		}
		fmt.Sscan(fields[len(fields)-2], &sp)
		fmt.Sscan(fields[len(fields)-1], &sl)
		if sl != n {
			b.Fatalf("scrapy extracted %d listings, want %d", sl, n)
		}
		scrapyPages += sp
	}
	ours, theirs := float64(oursPages)/oursSec, float64(scrapyPages)/scrapySec
	b.ReportMetric(ours, "ours-pages/s")
	b.ReportMetric(theirs, "scrapy-pages/s")
	b.ReportMetric(ours/theirs, "ours/scrapy")
}
