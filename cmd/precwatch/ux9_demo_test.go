package main

import (
	"bufio"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestDemoSecondOnFreshDataDir (walkthrough 9, U4): a demo started while
// another demo runs on the same, fresh data directory (nothing indexed yet,
// so no index shard is locked) fails at once naming the directory and the
// pid of the running demo, and starts no marketplace; once that demo has
// stopped, the next one runs. Both are real processes of the program.
func TestDemoSecondOnFreshDataDir(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the demo")
	}
	dir := filepath.Join(t.TempDir(), "demo-data")
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	first := exec.Command(os.Args[0], "demo", "--data", dir, "--addr", addr, "--sites-addr", "127.0.0.1:0")
	first.Env = append(os.Environ(), "PRECWATCH_TEST_MAIN=1")
	out, err := first.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := first.Start(); err != nil {
		t.Fatal(err)
	}
	stopped := false
	stop := func() {
		if !stopped {
			stopped = true
			first.Process.Signal(syscall.SIGINT)
			first.Wait()
		}
	}
	defer stop()
	// The first demo has opened its data directory and starts crawling.
	started := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			if strings.HasPrefix(sc.Text(), "precwatch demo") {
				started <- sc.Text()
			}
		}
	}()
	select {
	case <-started:
	case <-time.After(60 * time.Second):
		t.Fatal("the first demo did not start within 60 s")
	}

	second := exec.Command(os.Args[0], "demo", "--no-serve", "--data", dir, "--sites-addr", "127.0.0.1:0")
	second.Env = append(os.Environ(), "PRECWATCH_TEST_MAIN=1")
	var stdout, stderr strings.Builder
	second.Stdout, second.Stderr = &stdout, &stderr
	err = second.Run()
	code := second.ProcessState.ExitCode()
	want := fmt.Sprintf("data directory %s is in use by another precwatch process (pid %d, precwatch demo)", dir, first.Process.Pid)
	if code != 1 || !strings.Contains(stderr.String(), want) {
		t.Errorf("second demo while the first runs: exit %d (%v), stderr %q; want 1 and %q", code, err, stderr.String(), want)
	}
	if strings.Contains(stdout.String(), "marketplace") {
		t.Errorf("second demo started marketplaces: %q", stdout.String())
	}

	stop()
	code, _, errOut := runCmd(t, nil, "demo", "--no-serve", "--data", dir, "--sites-addr", "127.0.0.1:0")
	if code != 0 {
		t.Errorf("demo after the first stopped: exit %d, stderr %q; want 0 (the lock is released with its process)", code, errOut)
	}
}

// TestDemoTwoAtOnceOnFreshDataDir (U4): two demos started together on one
// fresh data directory: one runs, the other fails at once naming the
// directory and the first one's pid, before starting marketplaces. Both
// used to pass the index check (no shard yet) and crawl side by side.
func TestDemoTwoAtOnceOnFreshDataDir(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the demo")
	}
	dir := filepath.Join(t.TempDir(), "demo-data")
	type run struct {
		cmd            *exec.Cmd
		stdout, stderr strings.Builder
	}
	runs := make([]*run, 2)
	for i := range runs {
		r := &run{cmd: exec.Command(os.Args[0], "demo", "--no-serve", "--data", dir, "--sites-addr", "127.0.0.1:0")}
		r.cmd.Env = append(os.Environ(), "PRECWATCH_TEST_MAIN=1")
		r.cmd.Stdout, r.cmd.Stderr = &r.stdout, &r.stderr
		runs[i] = r
	}
	for _, r := range runs {
		if err := r.cmd.Start(); err != nil {
			t.Fatal(err)
		}
	}
	for _, r := range runs {
		r.cmd.Wait()
	}
	c0, c1 := runs[0].cmd.ProcessState.ExitCode(), runs[1].cmd.ProcessState.ExitCode()
	if !(c0 == 0 && c1 == 1 || c0 == 1 && c1 == 0) {
		t.Fatalf("two demos at once: exits %d and %d, want one 0 and one 1\nfirst: %s\nsecond: %s", c0, c1, runs[0].stderr.String(), runs[1].stderr.String())
	}
	won, lost := runs[0], runs[1]
	if c0 == 1 {
		won, lost = lost, won
	}
	want := fmt.Sprintf("data directory %s is in use by another precwatch process (pid %d, precwatch demo)", dir, won.cmd.Process.Pid)
	if !strings.Contains(lost.stderr.String(), want) || strings.Contains(lost.stdout.String(), "marketplace") {
		t.Errorf("the demo that lost: stdout %q, stderr %q; want no marketplace and %q", lost.stdout.String(), lost.stderr.String(), want)
	}
}
