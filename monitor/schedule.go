package monitor

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"sync"
	"time"

	"github.com/robfig/cron/v3"

	"github.com/precwatch/precwatch"
)

// Scheduler runs each target on its cron schedule. Two runs of one target
// never overlap: a tick that finds the previous run still going is skipped.
//
// Catch-up after downtime: when a target's last finished run is older than
// its schedule says it should be (a tick was missed while precwatch was
// down), the target runs once at start, not once per missed tick.
type Scheduler struct {
	m       *Monitor
	lastRun func(ctx context.Context, target string) (time.Time, bool, error)
	onDone  func(*Summary, error)

	mu      sync.Mutex
	ctx     context.Context
	cron    *cron.Cron
	entries map[string]scheduled
	stopped bool // Wait has begun: RunNow refuses
	wg      sync.WaitGroup
}

type scheduled struct {
	id     cron.EntryID
	target precwatch.Target
}

// ParseSchedule parses a cron spec as targets use it: five fields or a
// descriptor such as "@every 6h" or "@daily".
func ParseSchedule(spec string) (cron.Schedule, error) {
	return cron.ParseStandard(spec)
}

// NewScheduler returns a scheduler for m. lastRun tells when a target last
// finished a run (ok=false: never); onDone, if set, sees every run's outcome.
func NewScheduler(m *Monitor, lastRun func(ctx context.Context, target string) (time.Time, bool, error), onDone func(*Summary, error)) *Scheduler {
	return &Scheduler{m: m, lastRun: lastRun, onDone: onDone, entries: map[string]scheduled{}}
}

// Start starts the scheduler with targets; it stops when ctx is done (then
// call Wait).
func (s *Scheduler) Start(ctx context.Context, targets []precwatch.Target) error {
	s.mu.Lock()
	s.ctx = ctx
	s.cron = cron.New(cron.WithChain(cron.Recover(cron.DiscardLogger)))
	s.mu.Unlock()
	if err := s.Update(targets); err != nil {
		return err
	}
	s.cron.Start()
	return nil
}

// Update replaces the scheduled targets: new ones are added (and caught up),
// changed ones rescheduled, missing ones removed. Running crawls go on.
// Once the scheduler's context is done it does nothing: no run may start
// while (or after) Wait waits for the runs.
func (s *Scheduler) Update(targets []precwatch.Target) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cron == nil {
		return errors.New("scheduler not started")
	}
	if s.stopped || s.ctx.Err() != nil {
		return nil
	}
	want := map[string]precwatch.Target{}
	for _, t := range targets {
		if t.Schedule == "" {
			continue
		}
		want[t.Name] = t
	}
	for name, e := range s.entries {
		if t, ok := want[name]; !ok || !reflect.DeepEqual(t, e.target) {
			s.cron.Remove(e.id)
			delete(s.entries, name)
		}
	}
	for name, t := range want {
		if _, ok := s.entries[name]; ok {
			continue
		}
		sched, err := ParseSchedule(t.Schedule)
		if err != nil {
			return fmt.Errorf("target %s: schedule %q: %w", name, t.Schedule, err)
		}
		t := t
		id := s.cron.Schedule(sched, cron.FuncJob(func() { s.run(t) }))
		s.entries[name] = scheduled{id: id, target: t}
		if s.due(t, sched) {
			s.wg.Add(1)
			go func() {
				defer s.wg.Done()
				s.run(t)
			}()
		}
	}
	return nil
}

// due reports whether t missed a tick since its last run.
func (s *Scheduler) due(t precwatch.Target, sched cron.Schedule) bool {
	if s.lastRun == nil {
		return false
	}
	last, ok, err := s.lastRun(s.ctx, t.Name)
	if err != nil {
		s.m.opts.Logger.Warn("last run unknown", "target", t.Name, "err", err)
		return false
	}
	return !ok || !sched.Next(last).After(s.m.opts.Now())
}

// RunNow starts a run of the named target in the background, as a tick
// would; it fails if the target is unknown or already running.
func (s *Scheduler) RunNow(name string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ctx == nil || s.ctx.Err() != nil || s.stopped {
		return precwatch.Errorf(precwatch.ECONFLICT, "the scheduler is not running")
	}
	e, ok := s.entries[name]
	if !ok {
		return precwatch.Errorf(precwatch.ENOTFOUND, "no scheduled target %q", name)
	}
	if !s.m.acquire(name) {
		return precwatch.Errorf(precwatch.ECONFLICT, "target %q is already running", name)
	}
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		defer s.m.release(name)
		sum, err := s.m.runTarget(s.ctx, e.target, nil)
		s.done(e.target, sum, err)
	}()
	return nil
}

func (s *Scheduler) run(t precwatch.Target) {
	if s.ctx.Err() != nil {
		return
	}
	sum, err := s.m.RunTarget(s.ctx, t, nil)
	if errors.Is(err, ErrRunning) {
		s.m.opts.Logger.Info("tick skipped: previous run still going", "target", t.Name)
		return
	}
	s.done(t, sum, err)
}

// done reports the outcome of a run.
func (s *Scheduler) done(t precwatch.Target, sum *Summary, err error) {
	if err != nil {
		s.m.opts.Logger.Warn("run failed", "target", t.Name, "err", err)
	}
	if s.onDone != nil {
		s.onDone(sum, err)
	}
}

// Wait blocks until the scheduler's context is done and every run it
// started has returned.
func (s *Scheduler) Wait() {
	s.mu.Lock()
	ctx := s.ctx
	s.mu.Unlock()
	if ctx == nil {
		return
	}
	<-ctx.Done()
	s.mu.Lock()
	s.stopped = true
	s.mu.Unlock()
	stopped := s.cron.Stop()
	<-stopped.Done()
	s.wg.Wait()
}

// Running reports whether a run of the named target is in progress.
func (m *Monitor) Running(name string) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.running[name]
}
