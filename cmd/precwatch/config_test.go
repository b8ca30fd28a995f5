package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func runCmd(t *testing.T, env map[string]string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	e := &Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Getenv: func(k string) string { return env[k] }}
	code = Run(context.Background(), e, args)
	return code, out.String(), errb.String()
}

func TestConfigCheck(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.yml")
	bad := filepath.Join(dir, "bad.yml")
	writeFile(t, good, `targets:
  - name: shop
    platform: Shop
    start_urls: ["https://shop.example/"]
    listing:
      fields: {title: h1, id: "@data-id"}
platforms:
  - {name: Shop, webhook_url: "https://hooks.shop.example/", webhook_secret: "${SHOP_SECRET}"}
`)
	writeFile(t, bad, `threshold: 2
targets:
  - name: Shop
    platform: Shop
    colour: red
    start_urls: ["/relative"]
    listing:
      fields: {title: "h1["}
`)
	env := map[string]string{"SHOP_SECRET": "k"}

	code, stdout, stderr := runCmd(t, env, "config", "check", good)
	if code != 0 || stdout != good+": ok (1 target)\n" || stderr != "" {
		t.Errorf("config check %s = %d, stdout %q, stderr %q; want 0 and ok", good, code, stdout, stderr)
	}

	code, stdout, stderr = runCmd(t, env, "config", "check", bad)
	want := []string{
		bad + `:1:12: threshold: 2 is outside [0, 1]`,
		bad + `:3:11: targets[0].name: "Shop" must match [a-z0-9-]+`,
		bad + `:5:5: targets[0].colour: unknown field (known: allow_private_networks, allowed_domains, delay, follow, headers, json, kind, listing, lookups, max_body_bytes, max_pages, max_retries, name, next_page, parallelism, platform, request, respect_robots_txt, schedule, start_urls, time_zone, timeout, user_agent)`,
		bad + `:6:18: targets[0].start_urls[0]: "/relative" is not an absolute http(s) URL`,
		bad + `:8:23: targets[0].listing.fields.title: "h1[" is not a CSS selector: expected identifier, found EOF instead`,
	}
	if code != 1 || stdout != "" || stderr != strings.Join(want, "\n")+"\n" {
		t.Errorf("config check %s = %d, stdout %q, stderr:\n%s\nwant 1 and:\n%s", bad, code, stdout, stderr, strings.Join(want, "\n"))
	}

	// Without the secret in the environment the good file is bad.
	code, _, stderr = runCmd(t, nil, "config", "check", good)
	if wantErr := good + ":8:78: platforms[0].webhook_secret: environment variable SHOP_SECRET is not set (set it in precwatch's environment, e.g. export SHOP_SECRET=…)\n"; code != 1 || stderr != wantErr {
		t.Errorf("config check %s without SHOP_SECRET = %d, %q; want 1, %q", good, code, stderr, wantErr)
	}

	// Several files: each is reported, the exit code is 1 if any failed.
	code, stdout, _ = runCmd(t, env, "config", "check", good, filepath.Join(dir, "missing.yml"))
	if code != 1 || !strings.Contains(stdout, "ok (1 target)") {
		t.Errorf("config check good missing = %d, %q; want 1 and good ok", code, stdout)
	}
}

func TestConfigCheckStdin(t *testing.T) {
	var out, errb bytes.Buffer
	e := &Env{Stdin: strings.NewReader("targets:\n  - name: x\n"), Stdout: &out, Stderr: &errb, Getenv: func(string) string { return "" }}
	code := Run(context.Background(), e, []string{"config", "check", "-"})
	if code != 1 || !strings.HasPrefix(errb.String(), "<stdin>:2:5: targets[0].platform: must not be empty\n") {
		t.Errorf("config check - = %d, %q", code, errb.String())
	}
}

func TestConfigCheckUsage(t *testing.T) {
	for _, args := range [][]string{{"config"}, {"config", "lint"}, {"config", "check"}} {
		if code, _, _ := runCmd(t, nil, args...); code != 2 {
			t.Errorf("%v = exit %d, want 2", args, code)
		}
	}
	for _, args := range [][]string{{"config", "--help"}, {"config", "check", "--help"}} {
		code, stdout, _ := runCmd(t, nil, args...)
		if code != 0 || !strings.Contains(stdout, "Usage: precwatch config") {
			t.Errorf("%v = exit %d, stdout %q; want 0 and usage", args, code, stdout)
		}
	}
}

func TestConfigCheckDocs(t *testing.T) {
	// The documented example configuration must pass.
	file := filepath.Join("..", "..", "config", "testdata", "good.yml")
	code, stdout, stderr := runCmd(t, map[string]string{"CHEMHUB_WEBHOOK_SECRET": "x"}, "config", "check", file)
	if code != 0 || stdout != file+": ok (5 targets)\n" {
		t.Errorf("config check %s = %d, %q, %q", file, code, stdout, stderr)
	}
}

func writeFile(t *testing.T, path, data string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestConfigCheckWarnings: config check passes a configuration with one
// platform spelt two ways (exit 0, "ok") and says where on stderr, as
// crawl and serve do.
func TestConfigCheckWarnings(t *testing.T) {
	file := filepath.Join(t.TempDir(), "p.yml")
	writeFile(t, file, `targets:
  - name: a
    platform: ChemHub
    start_urls: ["https://chemhub.example/"]
  - name: b
    platform: chemhub
    start_urls: ["https://chemhub.example/b"]
`)
	code, stdout, stderr := runCmd(t, nil, "config", "check", file)
	want := file + `:6:15: warning: targets[1].platform: "chemhub" is spelt "ChemHub" in targets[0].platform`
	if code != 0 || stdout != file+": ok (2 targets)\n" || !strings.HasPrefix(stderr, want) {
		t.Errorf("config check %s: exit %d, stdout %q, stderr %q; want 0, ok and %q", file, code, stdout, stderr, want)
	}
}

// TestConfigCheckWatchlists: config check loads the watchlist files the
// configuration names, relative to its folder as crawl and serve do, and
// reports a missing or malformed one at its entry (and the watchlist's own
// line); it passed them and crawl then failed without a position.
func TestConfigCheckWatchlists(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "ok.yaml"), "version: 1\nsubstances:\n  - id: example-precursor\n    name: Example precursor\n    list: designer\n    immediate: true\n    cas: \"1234-56-6\"\n    synonyms: [exprec]\n")
	writeFile(t, filepath.Join(dir, "bad.yaml"), "version: 1\nsubstances:\n  - id: example-precursor\n    name: Example precursor\n    list: designer\n    cas: \"1234-56-7\"\n")
	target := "targets:\n  - name: shop\n    platform: Shop\n    start_urls: [\"https://shop.example/\"]\n"
	cfg := filepath.Join(dir, "c4.yml")
	writeFile(t, cfg, "data_dir: ./d4\nwatchlists: [missing.yaml,\n  bad.yaml, ok.yaml]\n"+target)
	code, stdout, stderr := runCmd(t, nil, "config", "check", cfg)
	if code != 1 || strings.Contains(stdout, "ok") {
		t.Errorf("config check with a missing and a malformed watchlist: exit %d, stdout %q; want 1 and no ok", code, stdout)
	}
	for _, want := range []string{
		cfg + ":2:14: watchlists[0]: open " + filepath.Join(dir, "missing.yaml") + ": no such file or directory",
		cfg + ":3:3: watchlists[1]: " + filepath.Join(dir, "bad.yaml") + ":6: ",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("config check: stderr %q; want %q", stderr, want)
		}
	}
	if strings.Contains(stderr, "watchlists[2]") {
		t.Errorf("config check: stderr %q names the valid watchlist", stderr)
	}
	// Valid watchlists, relative to the config file (not the working
	// directory): ok.
	writeFile(t, cfg, "watchlists: [ok.yaml]\n"+target)
	if code, stdout, stderr := runCmd(t, nil, "config", "check", cfg); code != 0 || stdout != cfg+": ok (1 target)\n" {
		t.Errorf("config check with a valid watchlist: exit %d, %q, %q; want 0 and ok", code, stdout, stderr)
	}
}
