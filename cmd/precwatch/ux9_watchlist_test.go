package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestWatchlistCLIEveryProblem (walkthrough 9, U3): `match --watchlist` and
// `config check` report every problem of a bad watchlist in one run, one a
// line as FILE:LINE: field: message in words, a file that is not UTF-8 at
// line:col, and load nothing of it; they used to stop at the first problem,
// some in yaml.v3's words ("cannot unmarshal !!map into []string"), and a
// Latin-1 file had no line.
func TestWatchlistCLIEveryProblem(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.yaml")
	writeFile(t, bad, `version: 1
substances:
  - id: foo
    name: Foo
    list: table-I
    synonyms: {a: b}
    immediate: maybe
  - id: bar
    name: Bar
    list: table-III
    cas: "5449-12-8"
`)
	latin1 := filepath.Join(dir, "latin1.yaml")
	writeFile(t, latin1, "version: 1\nsubstances:\n  - id: foo\n    name: \"Ephedrin f\xfcr\"\n    list: table-I\n")
	want := []string{
		bad + `:6: substances[0].synonyms: want a list of names`,
		bad + `:7: substances[0].immediate: want true or false, not "maybe"`,
		bad + `:10: substances[1].list: "table-III": want table-I`,
		bad + `:11: substances[1].cas: 5449-12-8 fails its check digit`,
		latin1 + `:4:22: the file is not UTF-8 (byte 0xFC); save it as UTF-8`,
	}
	code, stdout, stderr := runMatchCmd(t, `{"id":"a","title":"ephedrine 1kg"}`, "--watchlist", bad, "--watchlist", latin1)
	if code != 1 || stdout != "" {
		t.Errorf("match with two bad watchlists: exit %d, stdout %q; want 1 and nothing matched", code, stdout)
	}
	for _, w := range want {
		if !strings.Contains(stderr, w+"") {
			t.Errorf("match: stderr lacks %q:\n%s", w, stderr)
		}
	}
	if strings.Contains(stderr, "unmarshal") || strings.Contains(stderr, "!!") {
		t.Errorf("match: YAML library words in:\n%s", stderr)
	}

	cfg := filepath.Join(dir, "c.yml")
	writeFile(t, cfg, "watchlists: [bad.yaml, latin1.yaml]\ntargets:\n  - name: shop\n    platform: Shop\n    start_urls: [\"https://shop.example/\"]\n")
	code, _, stderr = runCmd(t, nil, "config", "check", cfg)
	if code != 1 {
		t.Errorf("config check with bad watchlists: exit %d, want 1", code)
	}
	for i, w := range want {
		entry := "watchlists[0]: "
		if i == len(want)-1 {
			entry = "watchlists[1]: "
		}
		if !strings.Contains(stderr, entry+w) {
			t.Errorf("config check: stderr lacks %q:\n%s", entry+w, stderr)
		}
	}
}

// TestWatchlistCLISharedCASWarning (U3): an extra watchlist entry that
// reuses the CAS number of a built-in entry under another id loads, with a
// warning naming both entries, from match and from config check.
func TestWatchlistCLISharedCASWarning(t *testing.T) {
	dir := t.TempDir()
	eu := filepath.Join(dir, "eu.yaml")
	writeFile(t, eu, "version: 1\nsubstances:\n  - id: ephedrine-eu\n    name: Ephedrine (EU)\n    list: table-I\n    cas: \"299-42-3\"\n")
	want := eu + `:6: warning: substances[0]: CAS 299-42-3 of "ephedrine-eu" is also that of "ephedrine" (the built-in watchlist`
	code, stdout, stderr := runMatchCmd(t, `{"id":"a","title":"ephedrine 1kg"}`, "--watchlist", eu)
	if code != 0 || !strings.Contains(stdout, `"suspicious":true`) || !strings.Contains(stderr, want) {
		t.Errorf("match --watchlist eu.yaml: exit %d, stdout %q, stderr %q; want 0, a match and %q", code, stdout, stderr, want)
	}
	cfg := filepath.Join(dir, "c.yml")
	writeFile(t, cfg, "watchlists: [eu.yaml]\ntargets:\n  - name: shop\n    platform: Shop\n    start_urls: [\"https://shop.example/\"]\n")
	if code, stdout, stderr := runCmd(t, nil, "config", "check", cfg); code != 0 || !strings.Contains(stdout, "ok") || !strings.Contains(stderr, want) {
		t.Errorf("config check: exit %d, stdout %q, stderr %q; want 0, ok and %q", code, stdout, stderr, want)
	}
}
