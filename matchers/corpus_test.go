package matchers

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/precwatch/precwatch"
)

// corpusListing is a listing of testdata/corpus/listings.jsonl with its label.
type corpusListing struct {
	precwatch.Listing
	Label struct {
		Suspicious bool     `json:"suspicious"`
		CAS        []string `json:"cas"`
		Category   string   `json:"category"`
		Lang       string   `json:"lang"`
		Note       string   `json:"note"`
	} `json:"label"`
}

const corpusPath = "../testdata/corpus/listings.jsonl"

func readCorpus(tb testing.TB) []corpusListing {
	tb.Helper()
	f, err := os.Open(filepath.FromSlash(corpusPath))
	if err != nil {
		tb.Skipf("corpus not present: %v", err)
	}
	defer f.Close()
	var out []corpusListing
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	line := 0
	for sc.Scan() {
		line++
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var c corpusListing
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			tb.Fatalf("%s:%d: %v", corpusPath, line, err)
		}
		out = append(out, c)
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return out
}

// offeredCAS returns the sorted primary CAS numbers of the substances a
// match names and does not negate.
func offeredCAS(m precwatch.Match) []string {
	var out []string
	for _, s := range m.Substances {
		if !s.Negated && s.CAS != "" {
			out = append(out, s.CAS)
		}
	}
	sort.Strings(out)
	return out
}

type prCount struct{ tp, fp, fn, n int }

func (c prCount) precision() float64 {
	if c.tp+c.fp == 0 {
		return 1
	}
	return float64(c.tp) / float64(c.tp+c.fp)
}

func (c prCount) recall() float64 {
	if c.tp+c.fn == 0 {
		return 1
	}
	return float64(c.tp) / float64(c.tp+c.fn)
}

// TestCorpus measures precision and recall of `suspicious` and of the set of
// offered CAS numbers over the labelled corpus, per category, and asserts
// both are at least 0.97 overall.
func TestCorpus(t *testing.T) {
	corpus := readCorpus(t)
	m := mustMatcher(t)
	susp := map[string]*prCount{}
	cas := map[string]*prCount{}
	get := func(mm map[string]*prCount, k string) *prCount {
		if mm[k] == nil {
			mm[k] = &prCount{}
		}
		return mm[k]
	}
	var failures []string
	for _, c := range corpus {
		got := m.Match(&c.Listing)
		for _, k := range []string{"ALL", c.Label.Category} {
			s := get(susp, k)
			s.n++
			switch {
			case got.Suspicious && c.Label.Suspicious:
				s.tp++
			case got.Suspicious:
				s.fp++
			case c.Label.Suspicious:
				s.fn++
			}
		}
		want := map[string]bool{}
		for _, x := range c.Label.CAS {
			want[x] = true
		}
		gotCAS := offeredCAS(got)
		have := map[string]bool{}
		var extra, missing []string
		for _, x := range gotCAS {
			have[x] = true
			if !want[x] {
				extra = append(extra, x)
			}
		}
		for x := range want {
			if !have[x] {
				missing = append(missing, x)
			}
		}
		for _, k := range []string{"ALL", c.Label.Category} {
			cc := get(cas, k)
			cc.n++
			cc.tp += len(gotCAS) - len(extra)
			cc.fp += len(extra)
			cc.fn += len(missing)
		}
		if got.Suspicious != c.Label.Suspicious || len(extra)+len(missing) > 0 {
			sort.Strings(missing)
			failures = append(failures, fmt.Sprintf("%s [%s/%s] suspicious got %v want %v (score %.2f); cas extra %v missing %v; %q\n    explain: %s",
				c.ID, c.Label.Category, c.Label.Lang, got.Suspicious, c.Label.Suspicious, got.Score, extra, missing, c.Title,
				strings.Join(got.Explain, " | ")))
		}
	}
	cats := sortedKeys(susp)
	t.Logf("%-22s %5s  %9s %9s  %9s %9s", "category", "n", "susp P", "susp R", "CAS P", "CAS R")
	for _, k := range cats {
		s, c := susp[k], cas[k]
		t.Logf("%-22s %5d  %9.3f %9.3f  %9.3f %9.3f", k, s.n, s.precision(), s.recall(), c.precision(), c.recall())
	}
	if testing.Verbose() || os.Getenv("CORPUS_FAILURES") != "" {
		for _, f := range failures {
			t.Log(f)
		}
	}
	all, allCAS := susp["ALL"], cas["ALL"]
	for _, x := range []struct {
		name string
		v    float64
	}{
		{"suspicious precision", all.precision()}, {"suspicious recall", all.recall()},
		{"CAS precision", allCAS.precision()}, {"CAS recall", allCAS.recall()},
	} {
		if x.v < 0.97 {
			t.Errorf("%s = %.3f, want >= 0.97", x.name, x.v)
		}
	}
}
