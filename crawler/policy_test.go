package crawler

import (
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"slices"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/precwatch/precwatch"
)

func TestRetryAfter(t *testing.T) {
	now := time.Date(2026, 11, 27, 7, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		in   string
		want time.Duration
		ok   bool
	}{
		{"", 0, false},
		{"3", 3 * time.Second, true},
		{" 0 ", 0, true},
		{"-5", 0, true},
		{"86400", maxRetryAfter, true},
		{now.Add(10 * time.Second).Format(http.TimeFormat), 10 * time.Second, true},
		{now.Add(-time.Hour).Format(http.TimeFormat), 0, true},
		{"soon", 0, false},
	} {
		got, ok := retryAfter(http.Header{"Retry-After": {tc.in}}, now)
		if got != tc.want || ok != tc.ok {
			t.Errorf("retryAfter(%q) = %v, %v; want %v, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestBackoff(t *testing.T) {
	for attempt, want := range []time.Duration{100 * time.Millisecond, 200 * time.Millisecond, 400 * time.Millisecond} {
		for range 20 {
			if got := backoff(100*time.Millisecond, attempt); got < want*3/4 || got > want*5/4 {
				t.Errorf("backoff(100ms, %d) = %v, want %v ±25%%", attempt, got, want)
			}
		}
	}
	if got := backoff(time.Second, 40); got > maxBackoff*5/4 {
		t.Errorf("backoff(1s, 40) = %v, want capped near %v", got, maxBackoff)
	}
}

func TestPolicies(t *testing.T) {
	t.Run("503 with Retry-After", func(t *testing.T) {
		h := newHits()
		srv := mustServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if h.add(r) == 1 {
				w.Header().Set("Retry-After", "1")
				w.WriteHeader(http.StatusServiceUnavailable)
				return
			}
			fmt.Fprint(w, listingPage("back"))
		}))
		sink := &collector{}
		run, err := mustCrawler(t, Options{}).Run(context.Background(), singlePageTarget(srv.URL, "/"), sink)
		at := h.times("/")
		if err != nil || run.Errors != 0 || len(at) != 2 || at[1].Sub(at[0]) < 900*time.Millisecond {
			t.Errorf("errors %v, %d requests %v apart, err %v; want a retry after >= 1s", run.ErrorsByKind, len(at), at, err)
		}
	})
	t.Run("robots.txt unreachable disallows the host", func(t *testing.T) {
		h := newHits()
		srv := mustServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			h.add(r)
			if r.URL.Path == "/robots.txt" {
				w.WriteHeader(http.StatusInternalServerError)
				return
			}
			fmt.Fprint(w, listingPage("should not be fetched"))
		}))
		tg := singlePageTarget(srv.URL, "/")
		tg.RespectRobotsTxt = true
		run, err := mustCrawler(t, Options{}).Run(context.Background(), tg, &collector{})
		// A failure, not the site's answer: the run is incomplete.
		if err != nil || h.get("/") != 0 || run.ErrorsByKind[KindRobotsUnavailable] != 1 || run.Complete {
			t.Errorf("page fetched %d times, errors %v, complete %v, err %v; want 0, a robots-unavailable error, incomplete", h.get("/"), run.ErrorsByKind, run.Complete, err)
		}
	})
	t.Run("links off the allowed domains are not followed", func(t *testing.T) {
		srv := mustServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			fmt.Fprint(w, `<a href="http://elsewhere.invalid/x">x</a><a href="mailto:a@b">m</a><a href="/ok">ok</a>`)
		}))
		tg := singlePageTarget(srv.URL, "/")
		tg.Follow = []string{"a"}
		rn := &recordingNet{names: map[string][][]netip.Addr{}, lookups: map[string]int{}}
		run, err := mustCrawler(t, Options{LookupIP: rn.lookup}).Run(context.Background(), tg, &collector{})
		if err != nil || run.Pages != 2 || run.Errors != 0 || len(rn.lookups) != 0 {
			t.Errorf("pages %d errors %v lookups %v, err %v; want 2 pages on the start host only", run.Pages, run.ErrorsByKind, rn.lookups, err)
		}
	})
	t.Run("a failing sink fails the page, not the crawl, and the run is incomplete", func(t *testing.T) {
		srv := mustServer(t, catalogSite(1, 3, newHits()))
		var mu sync.Mutex
		var ok []string
		sink := SinkFunc(func(_ context.Context, l precwatch.Listing) error {
			if l.ID == "p2" {
				return errors.New("store unavailable")
			}
			mu.Lock()
			ok = append(ok, l.ID)
			mu.Unlock()
			return nil
		})
		run, err := mustCrawler(t, Options{}).Run(context.Background(), catalogTarget(srv.URL), sink)
		slices.Sort(ok)
		// p2 was not recorded: a complete run would let the store take
		// it for gone.
		if err != nil || run.Complete || run.ErrorsByKind[KindSink] != 1 || !slices.Equal(ok, []string{"p1", "p3"}) {
			t.Errorf("run %+v err %v delivered %v; want p1, p3, one sink error, incomplete", run, err, ok)
		}
	})
	t.Run("a listing the sink refuses does not keep the others of its page from it", func(t *testing.T) {
		srv := mustServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			fmt.Fprint(w, `<html><body>`)
			for _, id := range []string{"c1", "c2", "c3"} {
				fmt.Fprintf(w, `<div class="product" data-id="%s"><h1>Item %s</h1><p class="description">x</p></div>`, id, id)
			}
			fmt.Fprint(w, `</body></html>`)
		}))
		var mu sync.Mutex
		var ok []string
		sink := SinkFunc(func(_ context.Context, l precwatch.Listing) error {
			if l.ID == "c1" {
				return errors.New("store unavailable")
			}
			mu.Lock()
			ok = append(ok, l.ID)
			mu.Unlock()
			return nil
		})
		tg := singlePageTarget(srv.URL, "/")
		tg.Listing = precwatch.ListingSpec{Item: "div.product", Fields: map[string]string{"id": "@data-id", "title": "h1", "description": ".description"}}
		run, err := mustCrawler(t, Options{}).Run(context.Background(), tg, sink)
		slices.Sort(ok)
		if err != nil || run.Complete || run.ErrorsByKind[KindSink] != 1 || !slices.Equal(ok, []string{"c2", "c3"}) {
			t.Errorf("run %+v err %v delivered %v; want c2, c3 delivered, one sink error, incomplete", run, err, ok)
		}
	})
	t.Run("COLLY_ environment cannot change the policy", func(t *testing.T) {
		t.Setenv("COLLY_USER_AGENT", "evil")
		t.Setenv("COLLY_MAX_BODY_SIZE", "10")
		t.Setenv("COLLY_DETECT_CHARSET", "yes")
		t.Setenv("COLLY_FOLLOW_REDIRECTS", "no")
		t.Setenv("COLLY_IGNORE_ROBOTSTXT", "no")
		t.Setenv("COLLY_ALLOWED_DOMAINS", "nowhere.invalid")
		var uas []string
		var mu sync.Mutex
		srv := mustServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			mu.Lock()
			uas = append(uas, r.UserAgent())
			mu.Unlock()
			if r.URL.Path == "/" {
				http.Redirect(w, r, "/page", http.StatusFound)
				return
			}
			fmt.Fprint(w, listingPage("a title longer than ten bytes"))
		}))
		var progress []Stats
		c := mustCrawler(t, Options{Progress: func(s Stats) { progress = append(progress, s) }})
		sink := &collector{}
		run, err := c.Run(context.Background(), singlePageTarget(srv.URL, "/"), sink)
		if err != nil || run.Errors != 0 || !slices.Equal(sink.titles(), []string{"a title longer than ten bytes"}) {
			t.Errorf("run %v err %v titles %v", run.ErrorsByKind, err, sink.titles())
		}
		for _, ua := range uas {
			if ua != "precwatch-test/1.0" {
				t.Errorf("User-Agent %q, want the target's", ua)
			}
		}
		if len(progress) == 0 || progress[len(progress)-1].Pages != 1 {
			t.Errorf("progress = %+v, want a final report of 1 page", progress)
		}
	})
}

func TestClassify(t *testing.T) {
	for _, tc := range []struct {
		name  string
		err   error
		kind  string
		retry bool
	}{
		{"guard", fmt.Errorf("get x: %w", ErrBlocked), KindBlocked, false},
		{"cap", fmt.Errorf("get x: %w", ErrTooLarge), KindTooLarge, false},
		{"redirects", fmt.Errorf("get x: %w", ErrTooManyRedirects), KindRedirects, false},
		{"off domain", fmt.Errorf("get x: %w", ErrOffDomain), KindOffDomain, false},
		{"deadline", fmt.Errorf("get x: %w", context.DeadlineExceeded), KindTimeout, true},
		{"truncated", fmt.Errorf("get x: %w", io.ErrUnexpectedEOF), KindTruncated, true},
		{"reset", fmt.Errorf("get x: %w", syscall.ECONNRESET), KindConnection, true},
		{"refused", &net.OpError{Op: "dial", Err: syscall.ECONNREFUSED}, KindConnection, true},
		{"bad gzip", fmt.Errorf("gzip body: %w", gzip.ErrHeader), KindDecode, false},
	} {
		kind, retry := classify(tc.err)
		if kind != tc.kind || retry != tc.retry {
			t.Errorf("classify(%s: %v) = %s, %v; want %s, %v", tc.name, tc.err, kind, retry, tc.kind, tc.retry)
		}
	}
	for _, tc := range []struct {
		status int
		kind   string
		retry  bool
	}{{429, "http-429", true}, {500, "http-500", true}, {503, "http-503", true}, {404, "http-404", false}, {403, "http-403", false}} {
		if kind, retry := statusKind(tc.status); kind != tc.kind || retry != tc.retry {
			t.Errorf("statusKind(%d) = %s, %v; want %s, %v", tc.status, kind, retry, tc.kind, tc.retry)
		}
	}
}
