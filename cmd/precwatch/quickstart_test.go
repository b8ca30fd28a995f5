package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/precwatch/precwatch/demo"
)

// TestQuickStart follows the README's quick start as a new user would: a
// fresh clone, `make build` and the demo with its data in a temporary
// directory; the UI is fetched and signed into with the printed token; the
// tickets are exported and checked against the demo's labels; Ctrl-C stops it.
func TestQuickStart(t *testing.T) {
	if testing.Short() {
		t.Skip("fresh clone, build and demo")
	}
	top, err := exec.Command("git", "rev-parse", "--show-toplevel").Output()
	if err != nil {
		t.Skipf("not in a git checkout: %v", err)
	}
	clone := filepath.Join(t.TempDir(), "precwatch")
	run(t, "", "git", "clone", "--quiet", strings.TrimSpace(string(top)), clone)
	run(t, clone, "make", "build")

	data := filepath.Join(t.TempDir(), "demo-data")
	addr := fmt.Sprintf("127.0.0.1:%d", freePorts(t, 1))
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, filepath.Join(clone, "bin", "precwatch"), "demo", "--data", data, "--addr", addr)
	cmd.Dir = clone
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()

	// The demo prints its summary, the URL and the admin token.
	var base, token string
	var printed strings.Builder
	sc := bufio.NewScanner(stdout)
	tokenRE := regexp.MustCompile(`^\s*(pw_[A-Za-z0-9_-]+)\s*$`)
	urlRE := regexp.MustCompile(`Open (http://\S+)`)
	for sc.Scan() {
		line := sc.Text()
		printed.WriteString(line + "\n")
		if m := urlRE.FindStringSubmatch(line); m != nil {
			base = m[1]
		}
		if m := tokenRE.FindStringSubmatch(line); m != nil {
			token = m[1]
			break
		}
	}
	if base == "" || token == "" {
		t.Fatalf("demo printed no URL and token:\n%s\nstderr:\n%s", printed.String(), stderr.String())
	}
	go io.Copy(io.Discard, stdout)
	for _, s := range []string{"ChemHub", "Bazaar Classifieds", "Tradeport", "TICKETS"} {
		if !strings.Contains(printed.String(), s) {
			t.Errorf("demo summary lacks %q:\n%s", s, printed.String())
		}
	}

	// Sign in to the UI with the token.
	jar, _ := cookiejar.New(nil)
	client := &http.Client{Jar: jar, Timeout: 30 * time.Second}
	page := get(t, client, base+"/")
	csrf := regexp.MustCompile(`name="csrf" value="([^"]+)"`).FindStringSubmatch(page)
	if csrf == nil {
		t.Fatalf("the UI did not show the sign-in form:\n%s", page)
	}
	resp, err := client.PostForm(base+"/login", url.Values{"csrf": {csrf[1]}, "token": {token}, "next": {"/"}})
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || strings.Contains(string(body), `name="token"`) {
		t.Fatalf("sign-in: %s\n%s", resp.Status, body)
	}
	if !strings.Contains(string(body), "ChemHub") {
		t.Errorf("the review queue after sign-in shows no ChemHub ticket:\n%.2000s", body)
	}

	// Export the tickets with the same binary while the demo runs.
	out, err := exec.Command(filepath.Join(clone, "bin", "precwatch"), "tickets", "export", "--data", data).Output()
	if err != nil {
		t.Fatalf("tickets export: %v", err)
	}
	var ts []exportedTicket
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		var e exportedTicket
		if err := json.Unmarshal([]byte(line), &e); err != nil {
			t.Fatalf("export line %q: %v", line, err)
		}
		ts = append(ts, e)
	}
	checkAgainstLabels(t, ts, demo.Labels())

	// Ctrl-C stops it cleanly.
	cmd.Process.Signal(syscall.SIGINT)
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("demo after Ctrl-C: %v\n%s", err, stderr.String())
		}
	case <-time.After(hangGuard):
		t.Errorf("demo did not stop within %v of Ctrl-C", hangGuard)
	}
}

func run(t *testing.T, dir, name string, args ...string) {
	t.Helper()
	c := exec.Command(name, args...)
	c.Dir = dir
	// Build offline, from the module cache the test binary was built
	// from: a cache miss must fail here, not reach the network.
	c.Env = append(os.Environ(), "GOFLAGS=-mod=readonly", "GOPROXY=off", "GOSUMDB=off", "GOTOOLCHAIN=local")
	if out, err := c.CombinedOutput(); err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
}

func get(t *testing.T, c *http.Client, u string) string {
	t.Helper()
	resp, err := c.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %s", u, resp.Status)
	}
	return string(b)
}
