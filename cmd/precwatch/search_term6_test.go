package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/precwatch/precwatch"
	"github.com/precwatch/precwatch/index"
)

// TestSearchTextIsTerminalSafe: a seller name and a title crawled with
// terminal escape sequences and bidirectional controls are printed by
// search --format text (rows and facets) without them.
func TestSearchTextIsTerminalSafe(t *testing.T) {
	data := t.TempDir()
	x, err := index.Open(filepath.Join(data, "index.bleve"), index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)
	r := precwatch.Result{
		Listing: precwatch.Listing{
			ID: "ta-1", URL: "https://shop.example/p/1\x1b]8;;x", Platform: "Shop",
			Title:  "Ephedrine HCl\x1b[2K\rHarmless vitamins\u202e",
			Seller: "S8\x1b[31mRED\x1b[0m", FetchedAt: at,
		},
		Match: precwatch.Match{Score: 0.9, Suspicious: true, Substances: []precwatch.SubstanceMatch{{ID: "ephedrine", Name: "Ephedrine", CAS: "299-42-3", List: "table-I"}}},
	}
	if err := x.Put(context.Background(), []precwatch.Result{r}, at); err != nil {
		t.Fatal(err)
	}
	if err := x.Close(); err != nil {
		t.Fatal(err)
	}
	code, out, errs := runSearchCmd("search", "--data", data, "--format", "text", "--facets", "ephedrine")
	if code != 0 {
		t.Fatalf("exit %d, stderr %s", code, errs)
	}
	if !strings.Contains(out, "S8 [31mRED [0m") || !strings.Contains(out, "Harmless vitamins") {
		t.Errorf("the hit's seller or title is missing:\n%q", out)
	}
	for _, bad := range []string{"\x1b", "\r", "\u202e"} {
		if strings.Contains(out, bad) || strings.Contains(errs, bad) {
			t.Errorf("search --format text printed %q:\nstdout %q\nstderr %q", bad, out, errs)
		}
	}
}

// TestHelpGoesToStdout: the help a user asks for is the command's output
// (`precwatch crawl --help | less`), while the usage after a mistake goes
// to stderr.
func TestHelpGoesToStdout(t *testing.T) {
	for _, args := range [][]string{
		{"crawl", "--help"}, {"serve", "-h"}, {"match", "--help"}, {"search", "--help"}, {"rescan", "--help"},
		{"demo", "--help"}, {"config", "check", "--help"}, {"target", "test", "--help"}, {"tickets", "list", "--help"},
		{"token", "create", "--help"}, {"version", "--help"},
	} {
		code, stdout, stderr := runCmd(t, nil, args...)
		if code != 0 || !strings.Contains(stdout, "Usage: precwatch") || stderr != "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want 0 and the usage on stdout only", args, code, stdout, stderr)
		}
	}
	code, stdout, stderr := runCmd(t, nil, "crawl", "--bogus")
	if code != 2 || stdout != "" || !strings.Contains(stderr, "Usage: precwatch crawl") {
		t.Errorf("crawl --bogus: exit %d, stdout %q, stderr %q; want 2 and the usage on stderr", code, stdout, stderr)
	}
}
