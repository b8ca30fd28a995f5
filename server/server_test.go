package server

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/precwatch/precwatch"
)

func TestHTTPStatus(t *testing.T) {
	for _, tc := range []struct {
		err  error
		want int
	}{
		{precwatch.Errorf(precwatch.EINVALID, "x"), 400},
		{precwatch.Errorf(precwatch.EUNAUTHORIZED, "x"), 401},
		{precwatch.Errorf(precwatch.EFORBIDDEN, "x"), 403},
		{precwatch.Errorf(precwatch.ENOTFOUND, "x"), 404},
		{precwatch.Errorf(precwatch.ECONFLICT, "x"), 409},
		{fmt.Errorf("wrapped: %w", precwatch.Errorf(precwatch.ENOTFOUND, "x")), 404},
		{errors.New("disk on fire"), 500},
	} {
		w := httptest.NewRecorder()
		writeError(w, tc.err)
		if w.Code != tc.want {
			t.Errorf("writeError(%v): status %d, want %d", tc.err, w.Code, tc.want)
		}
		if !strings.HasPrefix(w.Body.String(), `{"error":{"code":"`) {
			t.Errorf("writeError(%v): body %s", tc.err, w.Body)
		}
		if strings.Contains(w.Body.String(), "disk on fire") {
			t.Errorf("writeError leaks an internal error: %s", w.Body)
		}
	}
}

func TestMarkSpans(t *testing.T) {
	for _, tc := range []struct {
		text  string
		spans []span
		want  []Segment
	}{
		{"buy BMK now", []span{{4, 7, "a"}}, []Segment{{Text: "buy "}, {Text: "BMK", Mark: true, Note: "a"}, {Text: " now"}}},
		{"abcdef", []span{{0, 3, ""}, {2, 4, ""}}, []Segment{{Text: "abcd", Mark: true}, {Text: "ef"}}},
		{"abc", []span{{2, 9, ""}, {-1, 1, ""}, {2, 2, ""}}, []Segment{{Text: "abc"}}},
		{"é<b>", []span{{1, 2, ""}}, []Segment{{Text: "é<b>"}}}, // not on a rune boundary
		{"<script>", []span{{1, 7, ""}}, []Segment{{Text: "<"}, {Text: "script", Mark: true}, {Text: ">"}}},
	} {
		if got := markSpans(tc.text, tc.spans); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("markSpans(%q, %v) = %+v, want %+v", tc.text, tc.spans, got, tc.want)
		}
	}
}

func TestFragmentSegments(t *testing.T) {
	for _, tc := range []struct {
		frag string
		want []Segment
	}{
		{"a &lt;script&gt; <mark>BMK</mark> b", []Segment{{Text: "a <script> "}, {Text: "BMK", Mark: true}, {Text: " b"}}},
		{"<mark>x</mark>", []Segment{{Text: "x", Mark: true}}},
		{"<mark>open", []Segment{{Text: "open", Mark: true}}},
		{"&amp;lt;", []Segment{{Text: "&lt;"}}},
	} {
		if got := fragmentSegments(tc.frag); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("fragmentSegments(%q) = %+v, want %+v", tc.frag, got, tc.want)
		}
	}
}

func TestPrincipalScope(t *testing.T) {
	for _, tc := range []struct {
		p        Principal
		platform string
		sees     bool
	}{
		{Principal{Role: "admin"}, "A", true},
		{Principal{Role: "regulator"}, "A", true},
		{Principal{Role: "partner", Platform: "A"}, "A", true},
		{Principal{Role: "partner", Platform: "A"}, "B", false},
		{Principal{Role: "reviewer", Platform: "A"}, "B", false},
		{Principal{Role: "reviewer"}, "", false},
		{Principal{Role: "unknown"}, "A", false},
	} {
		if got := tc.p.Sees(tc.platform); got != tc.sees {
			t.Errorf("%+v.Sees(%q) = %v, want %v", tc.p, tc.platform, got, tc.sees)
		}
	}
}

func TestSafeNext(t *testing.T) {
	for in, want := range map[string]string{"/queue": "/queue", "//evil.example": "/", "https://evil.example": "/", "/\\evil": "/", "": "/",
		"/tickets?status=open&next=/x": "/tickets?status=open&next=/x",
		"/\t/evil.example":             "/", // browsers drop the tab: //evil.example
		"/\n/evil.example":             "/",
		"/\r\n/evil.example":           "/",
		"\t//evil.example":             "/",
		"/\x00/evil.example":           "/",
		"/\x7f/evil.example":           "/",
		"/\u0085/evil.example":         "/",
		"/a\\b":                        "/",
		"/%2F/evil.example":            "/", // decodes to //evil.example: refused to be safe
		"/%09/evil.example":            "/%09/evil.example",
		"javascript:alert(1)":          "/",
		"/queue\t":                     "/",
	} {
		if got := safeNext(in); got != want {
			t.Errorf("safeNext(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMetricsLabelEscaping(t *testing.T) {
	m := newMetrics(nil)
	m.ObserveDelivery("Evil\"Co\n\\", false)
	var b strings.Builder
	m.WriteTo(&b, map[string]int{"open": 2}, true)
	if !strings.Contains(b.String(), `precwatch_webhook_failures_total{platform="Evil\"Co\n\\"} 1`) {
		t.Errorf("label not escaped:\n%s", b.String())
	}
	if !strings.Contains(b.String(), `precwatch_tickets{status="open"} 2`) {
		t.Errorf("ticket gauge missing:\n%s", b.String())
	}
	_ = http.StatusOK
}

func TestSearchCacheSharesAndExpires(t *testing.T) {
	c := newFlightCache[*SearchResults](5 * time.Second)
	// A clock the test moves, so that a loaded machine cannot expire an
	// entry early.
	var clockMu sync.Mutex
	clock := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	c.now = func() time.Time { clockMu.Lock(); defer clockMu.Unlock(); return clock }
	advance := func(d time.Duration) { clockMu.Lock(); clock = clock.Add(d); clockMu.Unlock() }
	var calls atomic.Int32
	release := make(chan struct{})
	fn := func(context.Context) (*SearchResults, error) {
		calls.Add(1)
		<-release
		return &SearchResults{Total: 7}, nil
	}
	var wg sync.WaitGroup
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if r, err := c.get(context.Background(), "k", fn); err != nil || r.Total != 7 {
				t.Errorf("get: %v %v", r, err)
			}
		}()
	}
	time.Sleep(20 * time.Millisecond)
	close(release)
	wg.Wait()
	if n := calls.Load(); n != 1 {
		t.Errorf("10 concurrent identical searches ran %d times, want 1", n)
	}
	c.get(context.Background(), "k", fn)
	if n := calls.Load(); n != 1 {
		t.Errorf("a fresh entry was recomputed (%d calls)", n)
	}
	advance(4 * time.Second)
	c.get(context.Background(), "k", fn)
	if n := calls.Load(); n != 1 {
		t.Errorf("an entry younger than the TTL was recomputed (%d calls)", n)
	}
	advance(2 * time.Second)
	c.get(context.Background(), "k", fn)
	if n := calls.Load(); n != 2 {
		t.Errorf("an expired entry was reused (%d calls, want 2)", n)
	}
	// Errors are not cached.
	boom := func(context.Context) (*SearchResults, error) { calls.Add(1); return nil, errors.New("boom") }
	c.get(context.Background(), "e", boom)
	c.get(context.Background(), "e", boom)
	if n := calls.Load(); n != 4 {
		t.Errorf("an error was cached (%d calls, want 4)", n)
	}
}

// TestSessionTableStaysBounded: a table full of live sessions makes room
// by dropping the one idle longest, never growing past maxSessions.
func TestSessionTableStaysBounded(t *testing.T) {
	clock := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	ss := newSessions(time.Hour, func() time.Time { return clock })
	first := ss.create("tok")
	clock = clock.Add(time.Second)
	for i := 1; i < maxSessions; i++ {
		ss.create("tok")
	}
	last := ss.create("tok")
	if n := len(ss.m); n != maxSessions {
		t.Errorf("sessions = %d, want at most %d", n, maxSessions)
	}
	if _, ok := ss.get(first.id); ok {
		t.Error("the session idle longest was kept when the table was full")
	}
	if _, ok := ss.get(last.id); !ok {
		t.Error("the new session was not kept")
	}
}
