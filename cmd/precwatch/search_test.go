package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/precwatch/precwatch"
	"github.com/precwatch/precwatch/index"
)

// mustSearchData writes the multilingual search fixture into an index in a
// new data directory and returns the directory.
func mustSearchData(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "search", "multilingual", "listings.json"))
	if err != nil {
		t.Fatal(err)
	}
	var rs []precwatch.Result
	if err := json.Unmarshal(b, &rs); err != nil {
		t.Fatal(err)
	}
	data := t.TempDir()
	x, err := index.Open(filepath.Join(data, "index.bleve"), index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rs {
		if err := x.Put(context.Background(), []precwatch.Result{r}, r.Listing.FetchedAt); err != nil {
			t.Fatal(err)
		}
	}
	if err := x.Close(); err != nil {
		t.Fatal(err)
	}
	return data
}

func runSearchCmd(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	env := &Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Getenv: func(string) string { return "" }}
	code = Run(context.Background(), env, args)
	return code, out.String(), errb.String()
}

func TestSearchCommand(t *testing.T) {
	data := mustSearchData(t)

	t.Run("json", func(t *testing.T) {
		code, out, errs := runSearchCmd("search", "--data", data, "--facets", "5449-12-7")
		if code != 0 {
			t.Fatalf("exit %d, stderr %s", code, errs)
		}
		var got struct {
			Total uint64 `json:"total"`
			Hits  []struct {
				ID         string  `json:"id"`
				URL        string  `json:"url"`
				Title      string  `json:"title"`
				Platform   string  `json:"platform"`
				Seller     string  `json:"seller"`
				Score      float64 `json:"score"`
				Substances []struct {
					ID, CAS, Name string
				} `json:"substances"`
			} `json:"hits"`
			Facets map[string][]struct {
				Term  string `json:"term"`
				Count int    `json:"count"`
			} `json:"facets"`
		}
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatalf("output is not JSON: %v\n%s", err, out)
		}
		if got.Total != 2 || len(got.Hits) != 2 {
			t.Fatalf("search 5449-12-7: total %d, %d hits; want 2\n%s", got.Total, len(got.Hits), out)
		}
		h := got.Hits[0] // highest match score first
		if h.ID != "TradeAsia/ta-91" || h.Platform != "TradeAsia" || h.URL != "https://tradeasia.example/offer/ta-91" ||
			h.Seller != "上海晨光化学" || h.Score != 0.96 || !strings.Contains(h.Title, "BMK") ||
			len(h.Substances) != 1 || h.Substances[0].CAS != "25547-51-7" {
			t.Errorf("first hit = %+v", h)
		}
		if f := got.Facets["platform"]; len(f) != 2 {
			t.Errorf("platform facet = %v, want ChemHub and TradeAsia", f)
		}
	})
	t.Run("text and scope", func(t *testing.T) {
		code, out, errs := runSearchCmd("search", "--data", data, "--format", "text", "ephedrine", "--platform", "RuChem,TradeAsia")
		if code != 0 {
			t.Fatalf("exit %d, stderr %s", code, errs)
		}
		lines := strings.Split(strings.TrimSpace(out), "\n")
		if len(lines) != 3 || !strings.Contains(lines[0], "TradeAsia/ta-88") || strings.Contains(out, "ChemHub") {
			t.Errorf("text output = %q, want 3 lines, ta-88 first, no ChemHub", out)
		}
		if !strings.Contains(errs, "3 hits") {
			t.Errorf("stderr = %q, want the total", errs)
		}
	})
	t.Run("date range", func(t *testing.T) {
		code, out, errs := runSearchCmd("search", "--data", data, "--from", "2026-11-01", "--to", "2026-11-30", "--limit", "50", "*")
		if code != 0 {
			t.Fatalf("exit %d, stderr %s", code, errs)
		}
		if !strings.Contains(out, `"total": 4`) {
			t.Errorf("November listings: %s", out)
		}
	})
	for _, tc := range []struct {
		name string
		args []string
		code int
		want string
	}{
		{"bad query", []string{"--data", data, `"ephedrine`}, 2, "unterminated quote"},
		{"unknown field", []string{"--data", data, "vendor:acme"}, 2, `unknown field "vendor"`},
		{"bad format", []string{"--data", data, "--format", "xml", "x"}, 2, "--format"},
		{"bad date", []string{"--data", data, "--from", "yesterday", "x"}, 2, "--from"},
		{"no query", []string{"--data", data}, 2, "Usage"},
		{"no index", []string{"--data", t.TempDir(), "x"}, 1, "no index"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, _, errs := runSearchCmd(append([]string{"search"}, tc.args...)...)
			if code != tc.code || !strings.Contains(errs, tc.want) {
				t.Errorf("search %q: exit %d, stderr %q; want exit %d and %q", tc.args, code, errs, tc.code, tc.want)
			}
		})
	}
	if code, out, _ := runSearchCmd("search", "--help"); code != 0 || !strings.Contains(out, "Usage: precwatch search") {
		t.Errorf("search --help: exit %d, stdout %q; want 0 and the usage on stdout", code, out)
	}
}
