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

// The held-out set (testdata/heldout) was written after the matcher had
// been tuned on the corpus; it measures how the matcher does on listings it
// was never tuned on. See testdata/heldout/README.md.
const heldoutPath = "../testdata/heldout/listings.jsonl"

// heldoutMin is the precision and recall the held-out set must keep, for
// `suspicious` and for the offered CAS sets, over every listing that is not a
// known code-level gap.
const heldoutMin = 0.97

// heldoutKnownGaps are listings the matcher gets wrong for a reason the
// vocabulary cannot fix (a rule of the Go code would have to change). They
// are measured and listed like the others but left out of the assertion;
// the test logs when one of them starts to pass, so it can be removed here.
var heldoutKnownGaps = map[string]string{}

// heldoutListing is one line of the held-out set: a listing and its label.
type heldoutListing struct {
	precwatch.Listing
	Label struct {
		Suspicious bool     `json:"suspicious"`
		CAS        []string `json:"cas"`
		Category   string   `json:"category"`
		Lang       string   `json:"lang"`
		Note       string   `json:"note"`
	} `json:"label"`
}

func readHeldout(tb testing.TB) []heldoutListing {
	tb.Helper()
	f, err := os.Open(filepath.FromSlash(heldoutPath))
	if err != nil {
		tb.Skipf("held-out set not present: %v", err)
	}
	defer f.Close()
	var out []heldoutListing
	seen := map[string]bool{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for line := 1; sc.Scan(); line++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var h heldoutListing
		if err := json.Unmarshal(sc.Bytes(), &h); err != nil {
			tb.Fatalf("%s:%d: %v", heldoutPath, line, err)
		}
		if h.ID == "" || seen[h.ID] {
			tb.Fatalf("%s:%d: id %q empty or repeated", heldoutPath, line, h.ID)
		}
		seen[h.ID] = true
		for _, c := range h.Label.CAS {
			if !heldoutCASValid(c) {
				tb.Fatalf("%s:%d: %s: label CAS %q fails the check digit", heldoutPath, line, h.ID, c)
			}
		}
		out = append(out, h)
	}
	if err := sc.Err(); err != nil {
		tb.Fatalf("read %s: %v", heldoutPath, err)
	}
	return out
}

// heldoutCASValid checks the form and check digit of a CAS number.
func heldoutCASValid(s string) bool {
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

// heldoutPR counts true and false positives and false negatives.
type heldoutPR struct{ tp, fp, fn, n int }

func (c heldoutPR) precision() float64 {
	if c.tp+c.fp == 0 {
		return 1
	}
	return float64(c.tp) / float64(c.tp+c.fp)
}

func (c heldoutPR) recall() float64 {
	if c.tp+c.fn == 0 {
		return 1
	}
	return float64(c.tp) / float64(c.tp+c.fn)
}

// TestHeldout measures precision and recall of `suspicious` and of the set
// of offered primary CAS numbers on the held-out set, per category and per
// language; with -v it lists every listing the matcher gets wrong.
func TestHeldout(t *testing.T) {
	set := readHeldout(t)
	m := mustMatcher(t)
	susp := map[string]*heldoutPR{}
	cas := map[string]*heldoutPR{}
	get := func(mm map[string]*heldoutPR, k string) *heldoutPR {
		if mm[k] == nil {
			mm[k] = &heldoutPR{}
		}
		return mm[k]
	}
	var failures []string
	for _, h := range set {
		got := m.Match(&h.Listing)
		keys := []string{"ALL", h.Label.Category, "lang:" + h.Label.Lang}
		if _, gap := heldoutKnownGaps[h.ID]; !gap {
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
		if why, gap := heldoutKnownGaps[h.ID]; gap && !wrong {
			t.Logf("known gap %s (%s) now passes: remove it from heldoutKnownGaps", h.ID, why)
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
	for _, x := range []struct {
		name string
		v    float64
	}{
		{"suspicious precision", all.precision()}, {"suspicious recall", all.recall()},
		{"CAS precision", allCAS.precision()}, {"CAS recall", allCAS.recall()},
	} {
		if x.v < heldoutMin {
			t.Errorf("held-out %s (without the known gaps) = %.3f, want >= %.2f", x.name, x.v, heldoutMin)
		}
	}
}
