package matchers

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/precwatch/precwatch"
)

// TestBuiltinWatchlistCAS checks every CAS number of the embedded watchlist:
// right check digit, used by one substance only.
func TestBuiltinWatchlistCAS(t *testing.T) {
	w, err := LoadWatchlist()
	if err != nil {
		t.Fatal(err)
	}
	if w.Len() == 0 {
		t.Fatal("built-in watchlist is empty")
	}
	seen := map[string]string{}
	check := func(id, cas string) {
		if !ValidCAS(cas) {
			t.Errorf("%s: CAS %q fails its check digit", id, cas)
		}
		if other, ok := seen[cas]; ok {
			t.Errorf("%s: CAS %s already used by %s", id, cas, other)
		}
		seen[cas] = id
	}
	lists := map[string]int{}
	for _, s := range w.Substances() {
		lists[s.List]++
		if s.CAS != "" {
			check(s.ID, s.CAS)
		}
		for _, r := range s.Related {
			check(s.ID+" related", r.CAS)
		}
	}
	for _, l := range []string{precwatch.ListTableI, precwatch.ListTableII, precwatch.ListSurveillance, precwatch.ListDesigner} {
		if lists[l] == 0 {
			t.Errorf("built-in watchlist has no %s substance", l)
		}
	}
}

func TestParseWatchlistErrors(t *testing.T) {
	head := "version: 1\nsubstances:\n"
	sub := "  - id: x\n    name: X\n    list: table-I\n"
	tests := []struct{ yaml, want string }{
		{head + sub + "    colour: red\n", "f.yaml:6: substances[0].colour: unknown field"},
		{head + sub + "    cas: \"5449-12-8\"\n", "f.yaml:6: substances[0].cas: 5449-12-8 fails its check digit"},
		{head + sub + "    cas: \"5449127\"\n", `f.yaml:6: substances[0].cas: "5449127" is not a CAS number`},
		{head + "  - id: x\n    name: X\n    list: table-III\n", `f.yaml:5: substances[0].list: "table-III"`},
		{head + "  - id: X Y\n    name: X\n    list: table-I\n", `f.yaml:3: substances[0].id: "X Y" is not [a-z0-9-]+`},
		{head + sub + sub, `f.yaml:6: substances[1].id: duplicate id "x"`},
		{head + sub + "    related: [{cas: \"5449-12-7\", kind: dimer}]\n", `f.yaml:6: substances[0].related[0].kind: "dimer"`},
		{head + sub + "    related: [{cas: \"5449-12-7\", colour: red}]\n", `f.yaml:6: substances[0].related[0].colour: unknown field`},
		{head + sub + "    synonyms: {a: b}\n", "f.yaml:6: substances[0].synonyms: want a list of names"},
		{"version: 2\nsubstances: []\n", "f.yaml:1: version: want 1"},
		{head + sub + "    immediate: true\n", "f.yaml:6: substances[0].immediate: only for surveillance and designer"},
	}
	for _, tt := range tests {
		_, err := ParseWatchlist("f.yaml", []byte(tt.yaml))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ParseWatchlist(%q) error = %v, want %q", tt.yaml, err, tt.want)
		}
	}
}

func TestLoadWatchlistMerge(t *testing.T) {
	base, err := LoadWatchlist()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	extra := filepath.Join(dir, "extra.yaml")
	data := `version: 1
substances:
  - id: ephedrine
    name: Ephedrine (national list)
    list: table-I
    cas: "299-42-3"
    synonyms: [ephedrinum]
    source: national list
  - id: test-new
    name: Testium
    list: surveillance
    immediate: true
    cas: "50-00-0"
    names: {de: [Testium-Salz]}
    source: [a, b]
`
	if err := os.WriteFile(extra, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	w, err := LoadWatchlist(extra)
	if err != nil {
		t.Fatal(err)
	}
	if w.Len() != base.Len()+1 {
		t.Errorf("merged Len = %d, want %d", w.Len(), base.Len()+1)
	}
	e, _ := w.Substance("ephedrine")
	if e.Name != "Ephedrine (national list)" {
		t.Errorf("ephedrine not replaced: %+v", e)
	}
	n, ok := w.Substance("test-new")
	if !ok || len(n.Source) != 2 {
		t.Errorf("test-new = %+v, %v", n, ok)
	}
	m, err := New(w, Options{})
	if err != nil {
		t.Fatal(err)
	}
	res := m.Match(&precwatch.Listing{Title: "Testium-Salz 1 kg", Price: "1"})
	if len(res.Substances) != 1 || res.Substances[0].ID != "test-new" || !res.Suspicious {
		t.Errorf("match on extra substance = %+v", res)
	}
	if _, err := LoadWatchlist(filepath.Join(dir, "missing.yaml")); err == nil {
		t.Error("LoadWatchlist(missing file) = nil error")
	}
}
