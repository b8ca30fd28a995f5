package matchers

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestWatchlistErrorsAllAtOnce (walkthrough 9, U3): a watchlist file with
// several mistakes reports every one in one run, each as
// file:line: field: message in words (not yaml.v3's "cannot unmarshal
// !!map into []string"), and the file is still rejected whole.
func TestWatchlistErrorsAllAtOnce(t *testing.T) {
	src := `version: 1
substances:
  - id: foo
    name: Foo
    list: table-I
    synonyms: {a: b}
    immediate: maybe
    colour: red
  - id: Bar Baz
    name: [Bar]
    list: table-III
    cas: "5449-12-8"
    related:
      - {cas: "50-98-6", kind: dimer}
  - id: qux
    list: designer
    names: [x]
`
	subs, err := ParseWatchlist("f.yaml", []byte(src))
	if subs != nil {
		t.Errorf("a bad file gave %d substances, want none (rejected whole)", len(subs))
	}
	var we *WatchlistError
	if !errors.As(err, &we) {
		t.Fatalf("error %v (%T), want a *WatchlistError", err, err)
	}
	want := []string{
		`f.yaml:6: substances[0].synonyms: want a list of names`,
		`f.yaml:7: substances[0].immediate: want true or false, not "maybe"`,
		`f.yaml:8: substances[0].colour: unknown field (known: id, name, `,
		`f.yaml:9: substances[1].id: "Bar Baz" is not [a-z0-9-]+`,
		`f.yaml:10: substances[1].name: want a single value, not a list`,
		`f.yaml:11: substances[1].list: "table-III": want table-I`,
		`f.yaml:12: substances[1].cas: 5449-12-8 fails its check digit`,
		`f.yaml:14: substances[1].related[0].kind: "dimer": want salt`,
		`f.yaml:15: substances[2].name: missing`,
		`f.yaml:17: substances[2].names: want a mapping of language to names`,
	}
	msg := err.Error()
	for _, w := range want {
		if !strings.Contains(msg, w) {
			t.Errorf("missing %q in:\n%s", w, msg)
		}
	}
	if got := len(we.Problems); got != len(want) {
		t.Errorf("%d problems, want %d:\n%s", got, len(want), msg)
	}
	for _, internal := range []string{"cannot unmarshal", "!!", ": yaml: ", ": line "} {
		if strings.Contains(msg, internal) {
			t.Errorf("YAML library words %q in:\n%s", internal, msg)
		}
	}
}

// TestWatchlistNotUTF8 (U3): a file saved as Latin-1 is reported at its
// first bad byte as file:line:col, not as the YAML library's line-less
// "invalid trailing UTF-8 octet".
func TestWatchlistNotUTF8(t *testing.T) {
	src := "version: 1\nsubstances:\n  - id: foo\n    name: \"Ephedrin f\xfcr\"\n    list: table-I\n"
	_, err := ParseWatchlist("latin1.yaml", []byte(src))
	if err == nil || !strings.Contains(err.Error(), "latin1.yaml:4:22: the file is not UTF-8 (byte 0xFC)") {
		t.Errorf("Latin-1 file: %v, want latin1.yaml:4:22: the file is not UTF-8 (byte 0xFC)…", err)
	}
}

// TestLoadWatchlistEveryFile (U3): LoadWatchlist reports the problems of
// every extra file at once and loads none of them.
func TestLoadWatchlistEveryFile(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a.yaml")
	b := filepath.Join(dir, "b.yaml")
	os.WriteFile(a, []byte("version: 1\nsubstances:\n  - id: a\n    name: A\n    list: table-X\n"), 0o644)
	os.WriteFile(b, []byte("version: 2\nsubstances:\n  - id: b\n    name: B\n    list: table-I\n    colour: red\n"), 0o644)
	w, err := LoadWatchlist(a, b)
	if w != nil || err == nil {
		t.Fatalf("two bad files: %v, %v; want an error", w, err)
	}
	for _, want := range []string{a + ":5: substances[0].list", b + ":1: version: want 1", b + ":6: substances[0].colour: unknown field"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("missing %q in:\n%v", want, err)
		}
	}
}

// TestLoadWatchlistSharedCASWarns (U3): an extra entry that reuses the CAS
// number of a built-in entry (under another id), or of an entry of another
// extra file, loads with a warning naming both entries; an entry that
// replaces a built-in one by its id does not warn.
func TestLoadWatchlistSharedCASWarns(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "national.yaml")
	b := filepath.Join(dir, "more.yaml")
	os.WriteFile(a, []byte(`version: 1
substances:
  - id: ephedrine-eu
    name: Ephedrine (EU category 1)
    list: table-I
    cas: "299-42-3"
  - id: zorbanol
    name: Zorbanol
    list: designer
    cas: "1234-56-6"
`), 0o644)
	os.WriteFile(b, []byte(`version: 1
substances:
  - id: zorbanol-salt
    name: Zorbanol salt
    list: designer
    related: [{cas: "1234-56-6", kind: salt}]
  - id: safrole
    name: Safrole (national)
    list: table-I
    cas: "94-59-7"
`), 0o644)
	w, err := LoadWatchlist(a, b)
	if err != nil {
		t.Fatalf("LoadWatchlist: %v (a shared CAS number is a warning, not an error)", err)
	}
	if _, ok := w.Substance("zorbanol-salt"); !ok {
		t.Error("the extra entries were not loaded")
	}
	var got []string
	for _, p := range w.Warnings() {
		got = append(got, p.Warning())
	}
	all := strings.Join(got, "\n")
	for _, want := range []string{
		a + `:6: warning: substances[0]: CAS 299-42-3 of "ephedrine-eu" is also that of "ephedrine"`,
		b + `:6: warning: substances[0]: CAS 1234-56-6 of "zorbanol-salt" is also that of "zorbanol" (` + a + `:10, substances[1])`,
	} {
		if !strings.Contains(all, want) {
			t.Errorf("missing warning %q in:\n%s", want, all)
		}
	}
	if len(got) != 2 {
		t.Errorf("%d warnings, want 2 (replacing safrole by its id is no warning):\n%s", len(got), all)
	}
	if base, _ := LoadWatchlist(); len(base.Warnings()) != 0 {
		t.Errorf("the built-in watchlist alone warns: %v", base.Warnings())
	}
}

// TestWatchlistUnknownFieldDidYouMean: a mistyped field of a watchlist file
// names the field it most likely meant, as config files do.
func TestWatchlistUnknownFieldDidYouMean(t *testing.T) {
	src := "version: 1\nsubstances:\n  - id: foo\n    name: Fooamine\n    list: table-I\n    synonym: [fooamin]\n    sources: x\n    colour: red\n"
	_, err := ParseWatchlist("f.yaml", []byte(src))
	if err == nil {
		t.Fatal("a file with unknown fields was accepted")
	}
	msg := err.Error()
	for _, w := range []string{
		"f.yaml:6: substances[0].synonym: unknown field; did you mean synonyms? (known: ",
		"f.yaml:7: substances[0].sources: unknown field; did you mean source? (known: ",
		"f.yaml:8: substances[0].colour: unknown field (known: ",
	} {
		if !strings.Contains(msg, w) {
			t.Errorf("missing %q in:\n%s", w, msg)
		}
	}
}
