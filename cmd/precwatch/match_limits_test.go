package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMatchDirSymlinks: links inside a directory argument to files are
// read as the files (they were skipped without a word); links to
// directories are not followed (a loop stays impossible) and broken links
// are skipped, each with a warning.
func TestMatchDirSymlinks(t *testing.T) {
	dir := t.TempDir()
	other := t.TempDir()
	writeFile(t, filepath.Join(dir, "a.jsonl"), `{"id":"a1","title":"ephedrine 1kg"}`+"\n")
	writeFile(t, filepath.Join(other, "real.jsonl"), `{"id":"b1","title":"safrole"}`+"\n")
	writeFile(t, filepath.Join(other, "script.js"), `var x = "ephedrine";`)
	links := map[string]string{
		"b.jsonl":   filepath.Join(other, "real.jsonl"), // a file: read
		"c.js":      filepath.Join(other, "script.js"),  // not a listing or document: skipped
		"loop":      dir,                                // a directory (a loop): not followed
		"gone.json": filepath.Join(other, "missing.json"),
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Skipf("symlink: %v", err)
		}
	}
	code, stdout, stderr := runMatchCmd(t, "", dir)
	if got, want := strings.Join(matchIDs(t, stdout), ","), "a1,b1"; code != 0 || got != want {
		t.Errorf("match DIR with links: exit %d, ids %q, stderr %q; want 0 and %q", code, got, stderr, want)
	}
	for _, want := range []string{
		filepath.Join(dir, "loop") + ": link to a directory not followed",
		filepath.Join(dir, "gone.json") + ": broken link skipped",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("match DIR with links: stderr %q; want a warning %q", stderr, want)
		}
	}
	if strings.Contains(stderr, "c.js") {
		t.Errorf("match DIR with links: stderr %q names c.js, a link to a file that is no input", stderr)
	}
}
