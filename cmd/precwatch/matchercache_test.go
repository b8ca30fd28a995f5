package main

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/precwatch/precwatch"
	"github.com/precwatch/precwatch/matchers"
)

// zorblaxinList is an extra watchlist with one made-up substance.
const zorblaxinList = `version: 1
substances:
  - id: test-zorblaxin
    name: Zorblaxin
    list: surveillance
    immediate: true
    cas: "50-00-0"
    source: test
`

func matcherBuilds() int {
	matcherCache.mu.Lock()
	defer matcherCache.mu.Unlock()
	return matcherCache.builds
}

// TestCompileMatcherReuses: the same lists at the same threshold compile
// once per process, whoever asks (two loads of the watchlist, concurrent
// callers, 0 or the default threshold spelled out); other substances or
// another threshold compile their own. (The built-in list at the default
// threshold is what most tests of the package use, so it may come from the
// cache already: a compilation under the race detector takes seconds.)
func TestCompileMatcherReuses(t *testing.T) {
	load := func(files ...string) *matchers.Watchlist {
		t.Helper()
		wl, err := matchers.LoadWatchlist(files...)
		if err != nil {
			t.Fatal(err)
		}
		return wl
	}
	base := load()
	m1, err := compileMatcher(base, 0)
	if err != nil {
		t.Fatal(err)
	}
	builds := matcherBuilds()
	var wg sync.WaitGroup
	got := make([]*matchers.Matcher, 4)
	for i := range got {
		wg.Go(func() {
			m, err := compileMatcher(load(), matchers.DefaultThreshold)
			if err != nil {
				t.Error(err)
			}
			got[i] = m
		})
	}
	wg.Wait()
	for i, m := range got {
		if m != m1 {
			t.Errorf("call %d on a second load of the same lists compiled a new matcher", i)
		}
	}
	if n := matcherBuilds() - builds; n != 0 {
		t.Errorf("same lists and threshold again: %d compilations, want 0", n)
	}

	// Another threshold is another matcher, with that threshold.
	m2, err := compileMatcher(base, 0.99)
	if err != nil {
		t.Fatal(err)
	}
	if m2 == m1 {
		t.Fatal("threshold 0.99 got the matcher of the default threshold")
	}
	l := &precwatch.Listing{Title: "Safrole 99%, 5 l, discreet shipping", Description: "No paperwork needed, pay in BTC."}
	if r1, r2 := m1.Match(l), m2.Match(l); !r1.Suspicious || r2.Suspicious && r2.Score < 0.99 {
		t.Errorf("thresholds not kept: default suspicious=%v (score %v), 0.99 suspicious=%v (score %v)", r1.Suspicious, r1.Score, r2.Suspicious, r2.Score)
	}

	// One more substance in an extra list is another matcher, which finds it.
	extra := filepath.Join(t.TempDir(), "extra.yaml")
	if err := os.WriteFile(extra, []byte(zorblaxinList), 0o644); err != nil {
		t.Fatal(err)
	}
	m3, err := compileMatcher(load(extra), 0)
	if err != nil {
		t.Fatal(err)
	}
	if m3 == m1 {
		t.Fatal("an extra substance got the matcher of the built-in list")
	}
	zl := &precwatch.Listing{Title: "Zorblaxin 5 kg"}
	if len(m3.Match(zl).Substances) == 0 {
		t.Error("matcher with the extra list does not find its substance")
	}
	if len(m1.Match(zl).Substances) != 0 {
		t.Error("matcher of the built-in list finds the extra substance")
	}

	// A threshold the matcher refuses is an error, every time.
	for range 2 {
		if _, err := compileMatcher(base, 2); err == nil || !strings.Contains(err.Error(), "threshold") {
			t.Errorf("threshold 2: err %v, want the threshold refused", err)
		}
	}
}

// TestMatchTwiceCompilesOnce: running precwatch match twice in one process
// compiles the built-in watchlist at most once.
func TestMatchTwiceCompilesOnce(t *testing.T) {
	in := filepath.Join(t.TempDir(), "in.jsonl")
	if err := os.WriteFile(in, []byte(`{"id":"a","title":"Safrole 99%, 5 l"}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var outs [2]string
	var builds [2]int
	for i := range outs {
		before := matcherBuilds()
		code, out, errOut := runMain(t, "match", in)
		if code != 0 {
			t.Fatalf("match %d: exit %d: %s", i, code, errOut)
		}
		outs[i], builds[i] = out, matcherBuilds()-before
	}
	if builds[1] != 0 {
		t.Errorf("second match compiled %d matchers, want 0 (the first compiled %d)", builds[1], builds[0])
	}
	if outs[0] != outs[1] || !strings.Contains(outs[0], "safrole") {
		t.Errorf("outputs differ or miss safrole:\n%s\n%s", outs[0], outs[1])
	}
}

// TestOpenAppSharesMatcher: two apps opened in one process on the same
// lists (the demo's crawl and its UI, serve and a crawl in tests) share one
// compiled matcher; an app with an extra list in its data directory gets
// its own.
func TestOpenAppSharesMatcher(t *testing.T) {
	open := func(dir string) *app {
		t.Helper()
		a, err := openApp(appOptions{DataDir: dir})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { a.Close() })
		return a
	}
	a1, a2 := open(t.TempDir()), open(t.TempDir())
	if a1.matcher != a2.matcher {
		t.Error("two apps on the same lists compiled two matchers")
	}
	dir := t.TempDir()
	wdir := watchlistDir(dir)
	if err := os.MkdirAll(wdir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(wdir, "extra.yaml"), []byte(zorblaxinList), 0o644); err != nil {
		t.Fatal(err)
	}
	a3 := open(dir)
	if a3.matcher == a1.matcher {
		t.Fatal("an app with an extra list in its data directory got the matcher without it")
	}
	if len(a3.matcher.Match(&precwatch.Listing{Title: "Zorblaxin 5 kg"}).Substances) == 0 {
		t.Error("the app with the extra list does not find its substance")
	}
}
