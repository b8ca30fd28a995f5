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

// The labelled sets share one format (testdata/corpus/README.md) and one
// measure: precision and recall of `suspicious` and of the set of offered
// primary CAS numbers, per category and per language.

// labelledListing is one line of a labelled set (testdata/corpus, testdata/heldout,
// testdata/heldout2): a listing and its label.
type labelledListing struct {
	precwatch.Listing
	Label struct {
		Suspicious bool     `json:"suspicious"`
		CAS        []string `json:"cas"`
		Category   string   `json:"category"`
		Lang       string   `json:"lang"`
		Note       string   `json:"note"`
	} `json:"label"`
}

// readLabelledSet reads a labelled listing set in the corpus format.
func readLabelledSet(tb testing.TB, path string) []labelledListing {
	tb.Helper()
	f, err := os.Open(filepath.FromSlash(path))
	if err != nil {
		tb.Skipf("labelled set not present: %v", err)
	}
	defer f.Close()
	var out []labelledListing
	seen := map[string]bool{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for line := 1; sc.Scan(); line++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var h labelledListing
		if err := json.Unmarshal(sc.Bytes(), &h); err != nil {
			tb.Fatalf("%s:%d: %v", path, line, err)
		}
		if h.ID == "" || seen[h.ID] {
			tb.Fatalf("%s:%d: id %q empty or repeated", path, line, h.ID)
		}
		if h.Label.Category == "" || h.Label.Lang == "" || h.Label.Note == "" {
			tb.Fatalf("%s:%d: %s: label needs category, lang and note", path, line, h.ID)
		}
		seen[h.ID] = true
		for _, c := range h.Label.CAS {
			if !casCheckDigitValid(c) {
				tb.Fatalf("%s:%d: %s: label CAS %q fails the check digit", path, line, h.ID, c)
			}
		}
		out = append(out, h)
	}
	if err := sc.Err(); err != nil {
		tb.Fatalf("read %s: %v", path, err)
	}
	return out
}

// casCheckDigitValid checks the form and check digit of a CAS number.
func casCheckDigitValid(s string) bool {
	parts := strings.Split(s, "-")
	if len(parts) != 3 || len(parts[0]) < 2 || len(parts[1]) != 2 || len(parts[2]) != 1 {
		return false
	}
	digits := parts[0] + parts[1]
	sum := 0
	for i := 0; i < len(digits); i++ {
		d := digits[len(digits)-1-i]
		if d < '0' || d > '9' {
			return false
		}
		sum += (i + 1) * int(d-'0')
	}
	c := parts[2][0]
	return c >= '0' && c <= '9' && sum%10 == int(c-'0')
}

// prCount counts true and false positives and false negatives.
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

// measureLabelledSet measures precision and recall of `suspicious` and of
// the set of offered primary CAS numbers per category and per language,
// lists every listing the matcher gets wrong (with -v or HELDOUT_FAILURES
// set) and asserts min over every listing that is not a known gap.
func measureLabelledSet(t *testing.T, name string, set []labelledListing, gaps map[string]string, min float64) {
	t.Helper()
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
	for _, h := range set {
		got := m.Match(&h.Listing)
		keys := []string{"ALL", h.Label.Category, "lang:" + h.Label.Lang}
		if _, gap := gaps[h.ID]; !gap {
			keys = append(keys, "ALL-but-known-gaps")
		}
		for _, k := range keys {
			s := get(susp, k)
			s.n++
			switch {
			case got.Suspicious && h.Label.Suspicious:
				s.tp++
			case got.Suspicious:
				s.fp++
			case h.Label.Suspicious:
				s.fn++
			}
		}
		want := map[string]bool{}
		for _, c := range h.Label.CAS {
			want[c] = true
		}
		have := map[string]bool{}
		var extra, missing []string
		for _, s := range got.Substances {
			if s.Negated || s.CAS == "" || have[s.CAS] {
				continue
			}
			have[s.CAS] = true
			if !want[s.CAS] {
				extra = append(extra, s.CAS)
			}
		}
		for c := range want {
			if !have[c] {
				missing = append(missing, c)
			}
		}
		for _, k := range keys {
			c := get(cas, k)
			c.n++
			c.tp += len(have) - len(extra)
			c.fp += len(extra)
			c.fn += len(missing)
		}
		wrong := got.Suspicious != h.Label.Suspicious || len(extra)+len(missing) > 0
		if why, gap := gaps[h.ID]; gap && !wrong {
			t.Logf("known gap %s (%s) now passes: remove it from the known gaps", h.ID, why)
		}
		if wrong {
			sort.Strings(extra)
			sort.Strings(missing)
			failures = append(failures, fmt.Sprintf("%s [%s/%s] suspicious got %v want %v (score %.2f); cas extra %v missing %v; %q\n    label: %s\n    explain: %s",
				h.ID, h.Label.Category, h.Label.Lang, got.Suspicious, h.Label.Suspicious, got.Score, extra, missing, h.Title,
				h.Label.Note, strings.Join(got.Explain, " | ")))
		}
	}
	keys := make([]string, 0, len(susp))
	for k := range susp {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		li, lj := strings.HasPrefix(keys[i], "lang:"), strings.HasPrefix(keys[j], "lang:")
		if li != lj {
			return lj
		}
		return keys[i] < keys[j]
	})
	t.Logf("%-24s %5s  %9s %9s  %9s %9s", "category", "n", "susp P", "susp R", "CAS P", "CAS R")
	for _, k := range keys {
		s, c := susp[k], cas[k]
		t.Logf("%-24s %5d  %9.3f %9.3f  %9.3f %9.3f", k, s.n, s.precision(), s.recall(), c.precision(), c.recall())
	}
	if testing.Verbose() || os.Getenv("HELDOUT_FAILURES") != "" {
		t.Logf("%d of %d listings differ from their label", len(failures), len(set))
		for _, f := range failures {
			t.Log(f)
		}
	}
	all, allCAS := susp["ALL-but-known-gaps"], cas["ALL-but-known-gaps"]
	if all == nil {
		t.Fatalf("%s: no listing measured outside the known gaps", name)
	}
	for _, x := range []struct {
		name string
		v    float64
	}{
		{"suspicious precision", all.precision()}, {"suspicious recall", all.recall()},
		{"CAS precision", allCAS.precision()}, {"CAS recall", allCAS.recall()},
	} {
		if x.v < min {
			t.Errorf("%s %s (without the known gaps) = %.3f, want >= %.2f", name, x.name, x.v, min)
		}
	}
}
