package crawler

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"testing"
)

// TestHeaderValuesStayOutOfLogsAndErrors: a target's header values (an API
// key) are sent to its site, and appear in no log line, no run error and
// no test report, whatever goes wrong on the pages: a refused key (401), a
// server error, a redirect off the allowed domains, a page that does not
// parse.
func TestHeaderValuesStayOutOfLogsAndErrors(t *testing.T) {
	const secret = "s3cr3t-value"
	var mu sync.Mutex
	keyed := 0
	var srvURL string
	srv := mustServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		if r.Header.Get("X-Api-Key") == secret {
			keyed++
		}
		mu.Unlock()
		switch r.URL.Path {
		case "/":
			fmt.Fprint(w, `<html><body><a class="p" href="/denied">a</a><a class="p" href="/broken">b</a><a class="p" href="/away">c</a><a class="p" href="/product/1">d</a></body></html>`)
		case "/denied":
			http.Error(w, "bad key", http.StatusUnauthorized)
		case "/broken":
			http.Error(w, "oops", http.StatusInternalServerError)
		case "/away": // off the allowed domains (127.0.0.1): localhost, still loopback
			http.Redirect(w, r, strings.Replace(srvURL, "127.0.0.1", "localhost", 1)+"/product/2", http.StatusFound)
		case "/product/1":
			fmt.Fprint(w, listingPage("Acetone"))
		default:
			http.NotFound(w, r)
		}
	}))
	srvURL = srv.URL
	var logs bytes.Buffer
	var logMu sync.Mutex
	log := slog.New(slog.NewJSONHandler(&lockedWriter{w: &logs, mu: &logMu}, &slog.HandlerOptions{Level: slog.LevelDebug}))
	c := mustCrawler(t, Options{Logger: log})
	tg := singlePageTarget(srv.URL, "/")
	tg.Name, tg.MaxRetries = "secret", 0
	tg.Follow = []string{"a.p"}
	tg.Listing.URLPattern = "/product/"
	tg.Headers = map[string]string{"X-Api-Key": secret}

	run, err := c.Run(context.Background(), tg, &collector{})
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	rep, err := c.Test(context.Background(), tg, 10)
	if err != nil {
		t.Fatalf("Test: %v", err)
	}
	mu.Lock()
	n := keyed
	mu.Unlock()
	if n < 2 || run.Errors == 0 {
		t.Fatalf("the site saw %d requests with the key and the run %d errors; want both (the test would prove nothing)", n, run.Errors)
	}
	for what, v := range map[string]any{"run": run, "test report": rep} {
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(b, []byte(secret)) {
			t.Errorf("the %s shows the header value: %s", what, b)
		}
	}
	logMu.Lock()
	defer logMu.Unlock()
	if logs.Len() == 0 || !strings.Contains(logs.String(), "page failed") {
		t.Errorf("no page failure logged (the test would prove nothing): %s", logs.String())
	}
	if strings.Contains(logs.String(), secret) {
		t.Errorf("a log line shows the header value: %s", logs.String())
	}
}

// lockedWriter serialises writes of concurrent loggers.
type lockedWriter struct {
	w  *bytes.Buffer
	mu *sync.Mutex
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}
