package crawler

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/precwatch/precwatch"
)

// jsonlSink appends every listing to a JSONL file, fsyncing each line. Like
// the ticket store it is idempotent: a listing already in the file (same id
// and content hash), redelivered after a crash, is counted and not written
// again.
type jsonlSink struct {
	mu          sync.Mutex
	f           *os.File
	have        map[string]bool
	redelivered int
}

func openJSONLSink(tb testing.TB, path string) *jsonlSink {
	tb.Helper()
	s := &jsonlSink{have: map[string]bool{}}
	for _, l := range readJSONL(tb, path) {
		s.have[l.ID+" "+l.ContentHash] = true
	}
	f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		tb.Fatal(err)
	}
	s.f = f
	return s
}

func (s *jsonlSink) Listing(_ context.Context, l precwatch.Listing) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	key := l.ID + " " + l.ContentHash
	if s.have[key] {
		s.redelivered++
		return nil
	}
	b, err := json.Marshal(l)
	if err != nil {
		return err
	}
	if _, err := s.f.Write(append(b, '\n')); err != nil {
		return err
	}
	if err := s.f.Sync(); err != nil {
		return err
	}
	s.have[key] = true
	return nil
}

func readJSONL(tb testing.TB, path string) []precwatch.Listing {
	tb.Helper()
	f, err := os.Open(path)
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var out []precwatch.Listing
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var l precwatch.Listing
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			// A line torn by SIGKILL in the middle of a write.
			continue
		}
		out = append(out, l)
	}
	return out
}

func resumeTarget(srvURL string) precwatch.Target {
	tg := catalogTarget(srvURL)
	tg.Name = "resume"
	tg.Parallelism = 4
	return tg
}

// TestResumeChild is the crawl killed by TestResumeAfterSIGKILL; it runs
// only in the re-executed test binary.
func TestResumeChild(t *testing.T) {
	if os.Getenv("PRECWATCH_RESUME_CHILD") != "1" {
		t.Skip("run by TestResumeAfterSIGKILL")
	}
	dir, out, srvURL := os.Getenv("PRECWATCH_DATA"), os.Getenv("PRECWATCH_OUT"), os.Getenv("PRECWATCH_SITE")
	c := mustCrawler(t, Options{DataDir: dir})
	sink := openJSONLSink(t, out)
	if _, err := c.Run(context.Background(), resumeTarget(srvURL), sink); err != nil {
		t.Fatal(err)
	}
}

func TestResumeAfterSIGKILL(t *testing.T) {
	if testing.Short() {
		t.Skip("subprocess crawl")
	}
	const pages, perPage = 30, 10
	h := newHits()
	site := catalogSite(pages, perPage, h)
	srv := mustServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(3 * time.Millisecond) // long enough to kill mid-run
		site.ServeHTTP(w, r)
	}))
	dir := t.TempDir()
	out := filepath.Join(dir, "listings.jsonl")

	cmd := exec.Command(os.Args[0], "-test.run=^TestResumeChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), "PRECWATCH_RESUME_CHILD=1", "PRECWATCH_DATA="+dir, "PRECWATCH_OUT="+out, "PRECWATCH_SITE="+srv.URL)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(60 * time.Second)
	for len(readJSONL(t, out)) < 60 {
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatal("child crawl did not get going")
		}
		time.Sleep(5 * time.Millisecond)
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	if err := cmd.Wait(); err == nil {
		t.Fatal("child finished before it was killed; make the site slower")
	}
	before := len(readJSONL(t, out))
	if before >= pages*perPage {
		t.Fatalf("child delivered all %d listings before the kill", before)
	}
	fetchedBefore := map[string]int{}
	h.mu.Lock()
	for k, n := range h.n {
		fetchedBefore[k] = n
	}
	h.mu.Unlock()

	c := mustCrawler(t, Options{DataDir: dir})
	sink := openJSONLSink(t, out)
	run, err := c.Run(context.Background(), resumeTarget(srv.URL), sink)
	if err != nil {
		t.Fatal(err)
	}
	if !run.Resumed || !run.Complete {
		t.Errorf("run after SIGKILL: resumed %v complete %v, want both", run.Resumed, run.Complete)
	}
	got := readJSONL(t, out)

	// The uninterrupted crawl of the same site.
	ref := &collector{}
	if _, err := mustCrawler(t, Options{}).Run(context.Background(), resumeTarget(srv.URL), ref); err != nil {
		t.Fatal(err)
	}
	key := func(ls []precwatch.Listing) []string {
		var out []string
		for _, l := range ls {
			out = append(out, fmt.Sprintf("%s|%s|%s|%s", l.ID, l.URL, l.Title, l.ContentHash))
		}
		sort.Strings(out)
		return out
	}
	g, w := key(got), key(ref.listings)
	if len(g) != pages*perPage || fmt.Sprint(g) != fmt.Sprint(w) {
		t.Errorf("killed+resumed crawl wrote %d listings, uninterrupted %d; want the same %d", len(g), len(w), pages*perPage)
	}
	for i := 1; i < len(g); i++ {
		if g[i] == g[i-1] {
			t.Errorf("listing written twice: %s", g[i])
		}
	}
	// Processed pages were not fetched again: only pages in flight at the
	// kill (at most parallelism) may have been fetched twice, and only their
	// listings redelivered.
	h.mu.Lock()
	refetched := 0
	for k, n := range fetchedBefore {
		if n > 0 && h.n[k] > n+1 { // +1: the uninterrupted reference crawl
			refetched++
		}
	}
	h.mu.Unlock()
	if refetched > 4 || sink.redelivered > 4 {
		t.Errorf("%d pages fetched again and %d listings redelivered after resume; want at most 4 (the pages in flight)", refetched, sink.redelivered)
	}
	t.Logf("killed after %d listings; resume refetched %d pages, %d listings redelivered", before, refetched, sink.redelivered)
}
