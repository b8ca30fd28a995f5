package monitor

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/robfig/cron/v3"

	"github.com/precwatch/precwatch"
)

// schedFixture is a scheduler over a real pipeline whose crawler hands over
// no listings, with a fake clock and a table of last runs.
type schedFixture struct {
	p      *pipeline
	s      *Scheduler
	ctx    context.Context
	cancel context.CancelFunc

	mu    sync.Mutex
	last  map[string]time.Time // target -> last finished run; absent: never
	fail  map[string]bool      // lastRun fails for these targets
	asked []string             // targets lastRun was asked about
	done  []string             // targets of finished runs, in order
	errs  []error
}

func newSchedFixture(t *testing.T) *schedFixture {
	t.Helper()
	f := &schedFixture{p: mustOpenPipeline(t), last: map[string]time.Time{}, fail: map[string]bool{}}
	f.p.crawler.entered = make(chan string, 64)
	f.ctx, f.cancel = context.WithCancel(context.Background())
	f.s = NewScheduler(f.p.mon, f.lastRun, func(sum *Summary, err error) {
		f.mu.Lock()
		defer f.mu.Unlock()
		if sum != nil {
			f.done = append(f.done, sum.Target)
		}
		f.errs = append(f.errs, err)
	})
	t.Cleanup(func() {
		f.cancel()
		if f.s.ctx != nil {
			waitReturns(t, "Wait at cleanup", f.s.Wait)
		}
	})
	return f
}

func (f *schedFixture) lastRun(ctx context.Context, target string) (time.Time, bool, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.asked = append(f.asked, target)
	if f.fail[target] {
		return time.Time{}, false, errors.New("database locked")
	}
	at, ok := f.last[target]
	return at, ok, nil
}

func (f *schedFixture) finished() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.done)
}

func (f *schedFixture) runs(name string) int {
	n := 0
	for _, d := range f.finished() {
		if d == name {
			n++
		}
	}
	return n
}

// waitCatchUp waits for the runs the scheduler started outside cron
// (catch-up and RunNow).
func (f *schedFixture) waitCatchUp(t *testing.T) {
	t.Helper()
	waitReturns(t, "catch-up runs", f.s.wg.Wait)
}

func waitReturns(t *testing.T, what string, fn func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		fn()
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatalf("%s did not return within 10 s", what)
	}
}

func target(name, schedule string) precwatch.Target {
	return precwatch.Target{Name: name, Platform: "TestMart", Kind: precwatch.KindHTML, Schedule: schedule}
}

// TestSchedulerCatchUp: at Start, a target runs once when its last run is
// older than its schedule says or it never ran, and not when it ran
// recently or its last run is unknown.
func TestSchedulerCatchUp(t *testing.T) {
	f := newSchedFixture(t)
	now := f.p.clock.Now() // 10:00 UTC
	f.last["old"] = now.Add(-2 * time.Hour)
	f.last["recent"] = now.Add(-10 * time.Minute)
	f.last["missed-tick"] = now.Add(-59*time.Minute - 59*time.Second)
	f.last["exact"] = now.Add(-time.Hour) // the next tick is now: due
	f.fail["unknown"] = true
	targets := []precwatch.Target{
		target("old", "@every 1h"),
		target("recent", "@every 1h"),
		target("never", "@every 6h"),
		target("missed-tick", "0 * * * *"), // the 10:00 tick was missed
		target("exact", "@every 1h"),
		target("unknown", "@every 1h"),
		target("manual", ""), // no schedule: never run by the scheduler
	}
	if err := f.s.Start(f.ctx, targets); err != nil {
		t.Fatal(err)
	}
	f.waitCatchUp(t)
	want := map[string]int{"old": 1, "recent": 0, "never": 1, "missed-tick": 1, "exact": 1, "unknown": 0, "manual": 0}
	got := map[string]int{}
	for name := range want {
		got[name] = f.runs(name)
	}
	if !maps.Equal(got, want) {
		t.Errorf("catch-up runs %v, want %v", got, want)
	}
	for _, err := range f.errs {
		if err != nil {
			t.Errorf("catch-up run failed: %v", err)
		}
	}
	if err := f.s.RunNow("manual"); precwatch.ErrorCode(err) != precwatch.ENOTFOUND {
		t.Errorf("RunNow(manual, no schedule) = %v, want code %s", err, precwatch.ENOTFOUND)
	}
	if n := len(f.s.cron.Entries()); n != 6 {
		t.Errorf("%d cron entries, want 6 (every target with a schedule)", n)
	}
}

// TestSchedulerUpdate: Update adds new targets (catching them up), removes
// missing ones and reschedules changed ones; a bad schedule is an error.
func TestSchedulerUpdate(t *testing.T) {
	f := newSchedFixture(t)
	if err := f.s.Update([]precwatch.Target{target("a", "@every 1h")}); err == nil {
		t.Error("Update before Start = nil error")
	}
	now := f.p.clock.Now()
	f.last["a"] = now.Add(-time.Minute)
	f.last["b"] = now.Add(-time.Minute)
	if err := f.s.Start(f.ctx, []precwatch.Target{target("a", "@every 1h"), target("b", "@every 1h")}); err != nil {
		t.Fatal(err)
	}
	idA, idB := f.s.entries["a"].id, f.s.entries["b"].id

	// a is rescheduled, b unchanged, c new and never run: caught up.
	err := f.s.Update([]precwatch.Target{target("a", "@every 2h"), target("b", "@every 1h"), target("c", "@every 1h")})
	if err != nil {
		t.Fatal(err)
	}
	f.waitCatchUp(t)
	if got := f.finished(); !slices.Equal(got, []string{"c"}) {
		t.Errorf("runs after Update = %v, want [c] (the new target, caught up)", got)
	}
	ea := f.s.entries["a"]
	if ea.id == idA || ea.target.Schedule != "@every 2h" {
		t.Errorf("a after reschedule: entry %d %q, want a new entry with @every 2h", ea.id, ea.target.Schedule)
	}
	if d, ok := f.s.cron.Entry(ea.id).Schedule.(cron.ConstantDelaySchedule); !ok || d.Delay != 2*time.Hour {
		t.Errorf("cron schedule of a = %#v, want every 2h", f.s.cron.Entry(ea.id).Schedule)
	}
	if f.s.entries["b"].id != idB {
		t.Errorf("b was rescheduled although unchanged")
	}
	if f.s.cron.Entry(idA).Valid() {
		t.Error("the old cron entry of a is still scheduled")
	}
	if n := len(f.s.cron.Entries()); n != 3 {
		t.Errorf("%d cron entries, want 3", n)
	}

	// a and c are removed.
	if err := f.s.Update([]precwatch.Target{target("b", "@every 1h")}); err != nil {
		t.Fatal(err)
	}
	if n := len(f.s.cron.Entries()); n != 1 {
		t.Errorf("%d cron entries after removing a and c, want 1", n)
	}
	for _, name := range []string{"a", "c"} {
		if err := f.s.RunNow(name); precwatch.ErrorCode(err) != precwatch.ENOTFOUND {
			t.Errorf("RunNow(%s) after removal = %v, want code %s", name, err, precwatch.ENOTFOUND)
		}
	}

	// A bad schedule is an error naming the target.
	err = f.s.Update([]precwatch.Target{target("b", "@every 1h"), target("d", "every tuesday")})
	if err == nil || !strings.Contains(err.Error(), "target d") {
		t.Errorf("Update with a bad schedule = %v, want an error naming target d", err)
	}
}

// TestSchedulerRunNow: RunNow of an unknown target is ENOTFOUND, of a
// running one ECONFLICT; one target never runs twice at once.
func TestSchedulerRunNow(t *testing.T) {
	f := newSchedFixture(t)
	f.last["a"] = f.p.clock.Now()
	f.p.crawler.hold = make(chan struct{})
	if err := f.s.Start(f.ctx, []precwatch.Target{target("a", "@every 1h")}); err != nil {
		t.Fatal(err)
	}
	if err := f.s.RunNow("nope"); precwatch.ErrorCode(err) != precwatch.ENOTFOUND {
		t.Errorf("RunNow(unknown) = %v, want code %s", err, precwatch.ENOTFOUND)
	}
	if err := f.s.RunNow("a"); err != nil {
		t.Fatalf("RunNow(a) = %v", err)
	}
	<-f.p.crawler.entered
	for range 3 {
		if err := f.s.RunNow("a"); precwatch.ErrorCode(err) != precwatch.ECONFLICT {
			t.Errorf("RunNow(a) while a runs = %v, want code %s", err, precwatch.ECONFLICT)
		}
	}
	close(f.p.crawler.hold)
	f.waitCatchUp(t)
	if got := f.finished(); !slices.Equal(got, []string{"a"}) {
		t.Errorf("finished runs %v, want [a]", got)
	}
	if n := f.p.crawler.maxAct.Load(); n != 1 {
		t.Errorf("%d crawls at once, want 1", n)
	}
	// Once it finished, it can run again.
	if err := f.s.RunNow("a"); err != nil {
		t.Errorf("RunNow(a) after its run = %v", err)
	}
	f.waitCatchUp(t)
	if n := f.runs("a"); n != 2 {
		t.Errorf("%d runs of a, want 2", n)
	}
}

// TestSchedulerRunNowTwice: two RunNow calls in a row must not both
// succeed: the second must report ECONFLICT rather than start a run that
// is then silently skipped.
func TestSchedulerRunNowTwice(t *testing.T) {
	f := newSchedFixture(t)
	f.last["a"] = f.p.clock.Now()
	if err := f.s.Start(f.ctx, []precwatch.Target{target("a", "@every 1h")}); err != nil {
		t.Fatal(err)
	}
	accepted := 0
	for range 20 {
		f.p.crawler.hold = make(chan struct{})
		err1, err2 := f.s.RunNow("a"), f.s.RunNow("a")
		if err1 != nil {
			t.Fatalf("first RunNow(a) = %v", err1)
		}
		if err2 == nil {
			accepted++
		} else if precwatch.ErrorCode(err2) != precwatch.ECONFLICT {
			t.Errorf("second RunNow(a) = %v, want nil or code %s", err2, precwatch.ECONFLICT)
		}
		close(f.p.crawler.hold)
		f.waitCatchUp(t)
	}
	if n := f.p.crawler.maxAct.Load(); n != 1 {
		t.Errorf("%d crawls of a at once, want 1", n)
	}
	if accepted > 0 {
		t.Errorf("%d of 20 immediate second RunNow(a) calls returned nil instead of %s (the run they started was skipped "+
			"with ErrRunning): RunNow checks Monitor.Running and starts the run in a goroutine, so a second call before that "+
			"goroutine reaches RunTarget sees the target idle. ", accepted, precwatch.ECONFLICT)
	}
}

// TestSchedulerTicks: cron ticks run the target; a tick while the previous
// run still goes is skipped, so runs never overlap.
func TestSchedulerTicks(t *testing.T) {
	f := newSchedFixture(t)
	f.last["a"] = f.p.clock.Now() // no catch-up: only ticks run it
	f.p.crawler.hold = make(chan struct{})
	if err := f.s.Start(f.ctx, []precwatch.Target{target("a", "@every 1s")}); err != nil {
		t.Fatal(err)
	}
	select {
	case <-f.p.crawler.entered:
	case <-time.After(5 * time.Second):
		t.Fatal("no tick within 5 s of @every 1s")
	}
	eventually(t, "a skipped tick", func() bool { return strings.Contains(f.p.logs.String(), "tick skipped") })
	close(f.p.crawler.hold)
	eventually(t, "the first run to finish", func() bool { return f.runs("a") >= 1 })
	f.cancel()
	waitReturns(t, "Wait", f.s.Wait)
	if n := f.p.crawler.maxAct.Load(); n != 1 {
		t.Errorf("%d crawls of a at once, want 1", n)
	}
	if calls, fin := f.p.crawler.calls.Load(), f.p.crawler.finished.Load(); calls != fin {
		t.Errorf("Wait returned with %d of %d crawls finished", fin, calls)
	}
}

// TestSchedulerWait: Wait returns only after ctx is done and the running
// crawls have returned.
func TestSchedulerWait(t *testing.T) {
	f := newSchedFixture(t)
	f.last["a"] = f.p.clock.Now()
	f.p.crawler.hold = make(chan struct{})
	f.p.crawler.set([]precwatch.Listing{lChair}, nil, true) // the crawl notices the cancel at its listing
	if err := f.s.Start(f.ctx, []precwatch.Target{target("a", "@every 1h")}); err != nil {
		t.Fatal(err)
	}
	if err := f.s.RunNow("a"); err != nil {
		t.Fatal(err)
	}
	<-f.p.crawler.entered
	f.cancel()
	waited := make(chan struct{})
	go func() {
		f.s.Wait()
		close(waited)
	}()
	select {
	case <-waited:
		t.Fatal("Wait returned while a crawl was running")
	case <-time.After(100 * time.Millisecond):
	}
	close(f.p.crawler.hold)
	select {
	case <-waited:
	case <-time.After(10 * time.Second):
		t.Fatal("Wait did not return after the crawl finished")
	}
	if calls, fin := f.p.crawler.calls.Load(), f.p.crawler.finished.Load(); calls != 1 || fin != 1 {
		t.Errorf("crawls started %d, finished %d; want 1, 1", calls, fin)
	}
	f.mu.Lock()
	errs := slices.Clone(f.errs)
	f.mu.Unlock()
	if len(errs) != 1 || !errors.Is(errs[0], context.Canceled) {
		t.Errorf("run outcomes %v, want one context.Canceled", errs)
	}
}

// TestSchedulerUpdateWhileStopping: Update racing Wait (a target saved as
// serve shuts down) starts no catch-up run once the context is done, so
// Wait never races a new run's WaitGroup.Add (go test -race saw it).
func TestSchedulerUpdateWhileStopping(t *testing.T) {
	f := newSchedFixture(t)
	if err := f.s.Start(f.ctx, nil); err != nil {
		t.Fatal(err)
	}
	stop := make(chan struct{})
	updated := make(chan struct{})
	go func() {
		defer close(updated)
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			// A new target that never ran: due, caught up at once.
			if err := f.s.Update([]precwatch.Target{target(fmt.Sprintf("t%d", i), "@every 1h")}); err != nil {
				t.Errorf("Update: %v", err)
				return
			}
		}
	}()
	<-f.p.crawler.entered // a catch-up run started
	f.cancel()
	waitReturns(t, "Wait", f.s.Wait)
	close(stop)
	<-updated
	// After Wait: nothing is scheduled or started any more.
	f.mu.Lock()
	asked := len(f.asked)
	f.mu.Unlock()
	if err := f.s.Update([]precwatch.Target{target("late", "@every 1h")}); err != nil {
		t.Errorf("Update after Wait = %v, want nil (nothing to do)", err)
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if _, ok := f.s.entries["late"]; ok || len(f.asked) != asked {
		t.Errorf("Update after Wait scheduled late (entry %v, lastRun asked %v)", ok, f.asked[asked:])
	}
}
