package main

import (
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/precwatch/precwatch"
	"github.com/precwatch/precwatch/config"
	"github.com/precwatch/precwatch/demo"
	"github.com/precwatch/precwatch/internal/testutil"
	"github.com/precwatch/precwatch/notify"
)

// hangGuard bounds the tests' waits for a command to start serving, make
// progress or stop. It guards against a hang, not a speed limit: under
// -race on a loaded two-core machine the demo's first crawl has taken more
// than a minute.
const hangGuard = 5 * time.Minute

// syncBuffer is a bytes.Buffer safe for the concurrent writes of a running
// command and the reads of a test.
type syncBuffer = testutil.SyncBuffer

// served is a `precwatch serve` running in-process.
type served struct {
	base   string
	cancel context.CancelFunc
	done   chan int
	out    *syncBuffer
	errb   *syncBuffer
}

var servingLine = regexp.MustCompile(`precwatch serving on (http://\S+)`)

// startServe runs `precwatch serve args...` until stop.
func startServe(t *testing.T, args ...string) *served {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	s := &served{cancel: cancel, done: make(chan int, 1), out: &syncBuffer{}, errb: &syncBuffer{}}
	env := &Env{Stdin: strings.NewReader(""), Stdout: s.out, Stderr: s.errb, Getenv: os.Getenv}
	go func() { s.done <- Run(ctx, env, append([]string{"serve"}, args...)) }()
	deadline := time.Now().Add(hangGuard)
	for time.Now().Before(deadline) {
		if m := servingLine.FindStringSubmatch(s.out.String()); m != nil {
			s.base = m[1]
			t.Cleanup(func() { s.stop(t) })
			return s
		}
		select {
		case code := <-s.done:
			t.Fatalf("serve exited with %d before serving: %s", code, s.errb.String())
		case <-time.After(20 * time.Millisecond):
		}
	}
	cancel()
	t.Fatalf("serve did not start: %s", s.errb.String())
	return nil
}

// stop cancels serve (as SIGINT does) and waits for a clean exit.
func (s *served) stop(t *testing.T) {
	if s.cancel == nil {
		return
	}
	s.cancel()
	s.cancel = nil
	select {
	case code := <-s.done:
		if code != 0 {
			t.Errorf("serve exited with %d: %s", code, s.errb.String())
		}
	case <-time.After(hangGuard):
		t.Fatalf("serve did not stop within %v of its context being cancelled", hangGuard)
	}
}

func (s *served) get(t *testing.T, token, path string, v any) {
	t.Helper()
	req, _ := http.NewRequest("GET", s.base+path, nil)
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 {
		t.Fatalf("GET %s: %d %s", path, resp.StatusCode, b)
	}
	if v != nil {
		if err := json.Unmarshal(b, v); err != nil {
			t.Fatalf("GET %s: %v", path, err)
		}
	}
}

// eventually polls cond every 50ms for up to d.
func eventually(t *testing.T, d time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(d)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %v waiting for %s", d, what)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// adminToken creates an admin token in dataDir with `precwatch token create`.
func adminToken(t *testing.T, dataDir string) string {
	t.Helper()
	code, out, errOut := runMain(t, "token", "create", "--data", dataDir, "--role", "admin")
	if code != 0 {
		t.Fatalf("token create: %d %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	return strings.TrimSpace(lines[len(lines)-1])
}

func freePort(t *testing.T) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return addr
}

func withFastWebhooks(t *testing.T) {
	old, oldPoll := webhookOptions, configPoll
	webhookOptions = notify.Options{Interval: 50 * time.Millisecond, MinBackoff: 20 * time.Millisecond, MaxBackoff: 200 * time.Millisecond,
		Client: &http.Client{Timeout: 2 * time.Second}}
	configPoll = 50 * time.Millisecond
	t.Cleanup(func() { webhookOptions, configPoll = old, oldPoll })
}

// TestServeWebhooksSurviveReceiverDownAndRestart: tickets are created while
// the platform's receiver is down; precwatch serve is stopped and started
// again on the same data directory; once the receiver is back it gets every
// event exactly once, each with a valid signature.
func TestServeWebhooksSurviveReceiverDownAndRestart(t *testing.T) {
	withFastWebhooks(t)
	d, err := demo.Start(t.Context(), demo.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	const secret = "whsec-test"
	recvAddr := freePort(t) // nothing listens there yet: the receiver is down
	dir := t.TempDir()
	cfgPath := filepath.Join(dir, "precwatch.yaml")
	cfgYAML := string(d.ConfigYAML()) + "platforms:\n  - name: ChemHub\n    webhook_url: http://" + recvAddr + "/hook\n    webhook_secret: " + secret + "\n"
	if err := os.WriteFile(cfgPath, []byte(cfgYAML), 0o644); err != nil {
		t.Fatal(err)
	}
	dataDir := filepath.Join(dir, "data")
	tok := adminToken(t, dataDir)

	// 1. Serve: the targets never ran, so the scheduler catches up at once.
	s := startServe(t, "--config", cfgPath, "--data", dataDir, "--addr", "127.0.0.1:0", "--log-level", "warn")
	var runs struct {
		Runs []struct {
			Target   string
			Finished *time.Time
		}
	}
	eventually(t, 60*time.Second, "three finished crawl runs", func() bool {
		s.get(t, tok, "/api/v1/runs", &runs)
		n := 0
		for _, r := range runs.Runs {
			if r.Finished != nil {
				n++
			}
		}
		return n >= 3
	})
	var tl struct{ Total int }
	s.get(t, tok, "/api/v1/tickets?limit=1&target=chemhub", &tl)
	if tl.Total == 0 {
		t.Fatal("no ChemHub tickets")
	}
	eventually(t, 10*time.Second, "a failed delivery in the metrics", func() bool {
		resp, err := http.Get(s.base + "/metrics")
		if err != nil {
			return false
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return strings.Contains(string(b), `precwatch_webhook_failures_total{platform="ChemHub"}`) &&
			regexp.MustCompile(`precwatch_pages_fetched_total\{target="chemhub",platform="ChemHub"\} [1-9]`).Match(b) &&
			regexp.MustCompile(`precwatch_tickets\{status="open"\} [1-9]`).Match(b)
	})
	s.stop(t)

	// 2. The receiver comes back; precwatch serve starts again.
	var mu sync.Mutex
	got := map[string]int{}
	var bad []string
	ln, err := net.Listen("tcp", recvAddr)
	if err != nil {
		t.Fatalf("receiver cannot listen on %s again: %v", recvAddr, err)
	}
	recv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		var ev precwatch.Event
		mu.Lock()
		defer mu.Unlock()
		if err := notify.Verify(secret, r.Header.Get(notify.HeaderSignature), body, time.Now(), 5*time.Minute); err != nil {
			bad = append(bad, "signature: "+err.Error())
		} else if err := json.Unmarshal(body, &ev); err != nil || ev.ID == "" || ev.ID != r.Header.Get(notify.HeaderDelivery) {
			bad = append(bad, "event: "+string(body))
		} else {
			got[ev.ID]++
		}
		w.WriteHeader(http.StatusNoContent)
	})}
	go recv.Serve(ln)
	defer recv.Close()
	s2 := startServe(t, "--config", cfgPath, "--data", dataDir, "--addr", "127.0.0.1:0", "--log-level", "warn")
	eventually(t, 30*time.Second, "every ChemHub ticket's event", func() bool {
		mu.Lock()
		defer mu.Unlock()
		return len(got) >= tl.Total
	})
	time.Sleep(500 * time.Millisecond) // room for a duplicate to show up
	s2.stop(t)
	mu.Lock()
	defer mu.Unlock()
	if len(bad) > 0 {
		t.Errorf("bad deliveries: %v", bad)
	}
	if len(got) != tl.Total {
		t.Errorf("received %d distinct events, want %d (one ticket.created per ChemHub ticket)", len(got), tl.Total)
	}
	for id, n := range got {
		if n != 1 {
			t.Errorf("event %s delivered %d times", id, n)
		}
	}
}

// TestServeReloadsConfig: a valid changed configuration file reschedules
// at once; an invalid one is logged and ignored.
func TestServeReloadsConfig(t *testing.T) {
	withFastWebhooks(t)
	d, err := demo.Start(t.Context(), demo.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	dir := t.TempDir()
	cfgPath := filepath.Join(dir, "precwatch.yaml")
	full := string(d.ConfigYAML())
	// Start with the first target only, unscheduled.
	first := full[:strings.Index(full, "  - name: "+d.Sites()[1].Name)]
	first = strings.Replace(first, `schedule: '@every 6h'`, `schedule: ""`, 1)
	first = strings.Replace(first, `schedule: "@every 6h"`, `schedule: ""`, 1)
	if err := os.WriteFile(cfgPath, []byte(first), 0o644); err != nil {
		t.Fatal(err)
	}
	dataDir := filepath.Join(dir, "data")
	tok := adminToken(t, dataDir)
	s := startServe(t, "--config", cfgPath, "--data", dataDir, "--addr", "127.0.0.1:0", "--log-level", "info")
	count := func() int {
		var ts struct{ Targets []any }
		s.get(t, tok, "/api/v1/targets", &ts)
		return len(ts.Targets)
	}
	if n := count(); n != 1 {
		t.Fatalf("%d targets at start, want 1", n)
	}
	touch := func(data string) {
		if err := os.WriteFile(cfgPath, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		future := time.Now().Add(time.Duration(len(data)) * time.Millisecond)
		os.Chtimes(cfgPath, future, future)
	}
	touch(full)
	eventually(t, 10*time.Second, "the reloaded targets", func() bool { return count() == 3 })
	touch(full + "\n  - name: BROKEN\n")
	eventually(t, 10*time.Second, "the invalid file to be logged", func() bool {
		return strings.Contains(s.errb.String(), "invalid file ignored")
	})
	if n := count(); n != 3 {
		t.Errorf("%d targets after an invalid file, want the previous 3", n)
	}
	// Each reloaded target is scheduled: the three catch up and run.
	eventually(t, 60*time.Second, "runs of the reloaded targets", func() bool {
		var runs struct{ Runs []struct{ Target string } }
		s.get(t, tok, "/api/v1/runs", &runs)
		seen := map[string]bool{}
		for _, r := range runs.Runs {
			seen[r.Target] = true
		}
		return len(seen) >= 2
	})
}

// TestServeGracefulShutdownResumes: stopping serve mid-crawl returns
// promptly and cleanly, the run is recorded as incomplete, and the next
// start resumes it at once to completion.
func TestServeGracefulShutdownResumes(t *testing.T) {
	withFastWebhooks(t)
	d, err := demo.Start(t.Context(), demo.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	dir := t.TempDir()
	cfgPath := filepath.Join(dir, "precwatch.yaml")
	full := string(d.ConfigYAML())
	first := full[:strings.Index(full, "  - name: "+d.Sites()[1].Name)]
	slow := regexp.MustCompile(`(?m)^(\s+)delay: .*$`).ReplaceAllString(first, "${1}delay: 150ms")
	slow = regexp.MustCompile(`(?m)^(\s+)parallelism: .*$`).ReplaceAllString(slow, "${1}parallelism: 1")
	if err := os.WriteFile(cfgPath, []byte(slow), 0o644); err != nil {
		t.Fatal(err)
	}
	dataDir := filepath.Join(dir, "data")
	tok := adminToken(t, dataDir)
	name := d.Sites()[0].Name
	type run struct {
		Target   string
		Finished *time.Time
		Complete bool
		Pages    int
	}
	var runs struct{ Runs []run }
	s := startServe(t, "--config", cfgPath, "--data", dataDir, "--addr", "127.0.0.1:0", "--log-level", "warn")
	// Let the crawl get going, then stop serve as SIGINT would. (The
	// run's page count is written when it ends, so the test waits for
	// the run to be in progress and gives it a moment to read pages; the
	// assertions below hold however far it got.)
	eventually(t, 60*time.Second, "a run in progress", func() bool {
		s.get(t, tok, "/api/v1/runs", &runs)
		return len(runs.Runs) == 1 && runs.Runs[0].Finished == nil
	})
	time.Sleep(500 * time.Millisecond)
	s.get(t, tok, "/api/v1/runs", &runs)
	if len(runs.Runs) != 1 || runs.Runs[0].Finished != nil {
		t.Fatalf("runs before the stop: %+v, want one in progress (150 ms between pages)", runs.Runs)
	}
	s.stop(t)

	fast := strings.ReplaceAll(slow, "delay: 150ms", "delay: 0s")
	if err := os.WriteFile(cfgPath, []byte(fast), 0o644); err != nil {
		t.Fatal(err)
	}
	s2 := startServe(t, "--config", cfgPath, "--data", dataDir, "--addr", "127.0.0.1:0", "--log-level", "warn")
	eventually(t, 60*time.Second, "the resumed run to complete", func() bool {
		s2.get(t, tok, "/api/v1/runs?target="+name, &runs)
		return len(runs.Runs) >= 2 && runs.Runs[0].Complete
	})
	if last := runs.Runs[len(runs.Runs)-1]; last.Complete || last.Finished == nil {
		t.Errorf("interrupted run recorded as %+v, want finished and incomplete", last)
	}
	var tl struct{ Total int }
	s2.get(t, tok, "/api/v1/tickets?limit=1", &tl)
	if tl.Total == 0 {
		t.Error("no tickets after the resumed crawl")
	}
}

// TestServeApp: the entry point the demo command uses serves until its
// context is done and reports its URL once listening.
func TestServeApp(t *testing.T) {
	a, err := openApp(appOptions{DataDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	urls := make(chan string, 1)
	done := make(chan error, 1)
	env := &Env{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: io.Discard, Getenv: os.Getenv}
	go func() { done <- serveApp(ctx, env, a, config.Default(), "127.0.0.1:0", func(u string) { urls <- u }) }()
	var base string
	select {
	case base = <-urls:
	case err := <-done:
		t.Fatalf("serveApp returned before serving: %v", err)
	case <-time.After(hangGuard):
		t.Fatal("serveApp did not report its URL")
	}
	resp, err := http.Get(base + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("healthz: %d", resp.StatusCode)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serveApp: %v", err)
		}
	case <-time.After(hangGuard):
		t.Fatal("serveApp did not return after its context was cancelled")
	}
}
