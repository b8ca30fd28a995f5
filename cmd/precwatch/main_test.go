package main

import (
	"bytes"
	"context"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"testing"
)

// TestMain lets tests run the real program in a subprocess: with
// PRECWATCH_TEST_MAIN=1 the test binary is precwatch itself.
func TestMain(m *testing.M) {
	if os.Getenv("PRECWATCH_TEST_MAIN") == "1" {
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		code := Run(ctx, &Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv}, os.Args[1:])
		stop()
		os.Exit(code)
	}
	code := m.Run()
	closeFixtureTemplate()
	os.Exit(code)
}

// runMain runs precwatch in-process with args and returns its exit code,
// stdout and stderr.
func runMain(t testing.TB, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	env := &Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Getenv: os.Getenv}
	code := Run(context.Background(), env, args)
	return code, out.String(), errb.String()
}

func TestUsage(t *testing.T) {
	code, out, _ := runMain(t, "--help")
	if code != 0 || !strings.Contains(out, "Commands:") {
		t.Fatalf("--help: code %d, out %q", code, out)
	}
	for name := range commands {
		code, out, errOut := runMain(t, name, "--help")
		if code != 0 {
			t.Errorf("%s --help: exit %d, want 0", name, code)
		}
		if !strings.Contains(out+errOut, "Usage:") {
			t.Errorf("%s --help printed no usage: %q", name, out+errOut)
		}
	}
	if code, _, _ := runMain(t, "no-such-command"); code != 2 {
		t.Errorf("unknown command: exit %d, want 2", code)
	}
}
