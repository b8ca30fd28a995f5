package main

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/precwatch/precwatch"
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

// lowerLimits sets the input limits of match for one test.
func lowerLimits(t *testing.T, decompressed int64, line, document int) {
	t.Helper()
	d, l, doc := maxDecompressed, maxLine, maxDocument
	maxDecompressed, maxLine, maxDocument = decompressed, line, document
	t.Cleanup(func() { maxDecompressed, maxLine, maxDocument = d, l, doc })
}

// gzipFile writes data gzipped to path.
func gzipFile(t *testing.T, path string, parts ...[]byte) {
	t.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	for _, p := range parts {
		zw.Write(p)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// allocated returns the bytes f allocates.
func allocated(f func()) int64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return int64(after.TotalAlloc) - int64(before.TotalAlloc)
}

// TestMatchGzipBomb: gzipped input decompresses to at most maxDecompressed
// bytes; past that the file is reported ("decompressed size over N"),
// what was read before still matched, the other files read, exit 1 (a
// small .jsonl.gz of one long line of 'x' was read whole into memory).
func TestMatchGzipBomb(t *testing.T) {
	lowerLimits(t, 256<<10, 64<<20, 64<<20)
	dir := t.TempDir()
	bomb := filepath.Join(dir, "a.jsonl.gz")
	gzipFile(t, bomb, []byte(`{"id":"a1","title":"ephedrine 1kg"}`+"\n"), bytes.Repeat([]byte("x"), 16<<20))
	page := filepath.Join(dir, "b.txt.gz")
	gzipFile(t, page, bytes.Repeat([]byte("ephedrine "), 2<<20))
	writeFile(t, filepath.Join(dir, "c.jsonl"), `{"id":"c1","title":"safrole"}`+"\n")
	runMatchCmd(t, "", filepath.Join(dir, "c.jsonl")) // warm up
	base := allocated(func() { runMatchCmd(t, "", filepath.Join(dir, "c.jsonl")) })
	var code int
	var stdout, stderr string
	alloc := allocated(func() { code, stdout, stderr = runMatchCmd(t, "", dir) }) - base
	if got, want := strings.Join(matchIDs(t, stdout), ","), "a1,c1"; code != 1 || got != want {
		t.Errorf("match DIR with gzip bombs: exit %d, ids %q, stderr %q; want 1 and %q", code, got, stderr, want)
	}
	for _, want := range []string{bomb + ": decompressed size over 256 KiB", page + ": decompressed size over 256 KiB"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("match DIR with gzip bombs: stderr %q; want %q", stderr, want)
		}
	}
	// 16 MiB of 'x' and 20 MiB of text were held whole before.
	t.Logf("allocated %d bytes", alloc)
	if alloc > 8<<20 {
		t.Errorf("match DIR with gzip bombs allocated %d bytes; want under 8 MiB", alloc)
	}
	// Standard input is limited alike.
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write(bytes.Repeat([]byte(`{"title":"x"}`+"\n"), 40<<10))
	zw.Close()
	code, stdout, stderr = runMatchCmd(t, b.String())
	if n := len(matchIDs(t, stdout)); code != 1 || !strings.Contains(stderr, "stdin: decompressed size over 256 KiB") || n == 0 || n >= 40<<10 {
		t.Errorf("match < bomb: exit %d, %d results, stderr %q; want 1, some results, and the limit named", code, n, stderr)
	}
}

// TestMatchLongLines: a JSONL line over maxLine is reported as malformed
// by file:line and skipped without being held; the lines after it are
// read (it was read whole, however long).
func TestMatchLongLines(t *testing.T) {
	lowerLimits(t, 1<<30, 1<<10, 64<<20)
	name := filepath.Join(t.TempDir(), "l.jsonl")
	long := `{"id":"l2","title":"` + strings.Repeat("x", 8<<20) + `"}`
	writeFile(t, name, `{"id":"l1","title":"ephedrine"}`+"\n"+long+"\n"+`{"id":"l3","title":"safrole"}`+"\n"+long)
	small := filepath.Join(t.TempDir(), "s.jsonl")
	writeFile(t, small, `{"id":"l1","title":"ephedrine"}`+"\n"+`{"id":"l3","title":"safrole"}`+"\n")
	runMatchCmd(t, "", small) // warm up
	base := allocated(func() { runMatchCmd(t, "", small) })
	var code int
	var stdout, stderr string
	alloc := allocated(func() { code, stdout, stderr = runMatchCmd(t, "", name) }) - base
	if got, want := strings.Join(matchIDs(t, stdout), ","), "l1,l3"; code != 1 || got != want {
		t.Errorf("match long lines: exit %d, ids %q, stderr %q; want 1 and %q", code, got, stderr, want)
	}
	for _, want := range []string{name + ":2: malformed listing: line over 1 KiB", name + ":4: malformed listing: line over 1 KiB"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("match long lines: stderr %q; want %q", stderr, want)
		}
	}
	t.Logf("allocated %d bytes", alloc)
	if alloc > 4<<20 {
		t.Errorf("match long lines allocated %d bytes for two 8 MiB lines; want under 4 MiB", alloc)
	}
	// The same lines in windows-1252 (decoded line by line) alike.
	writeFile(t, name, "{\"id\":\"w1\",\"title\":\"caf\xe9 ephedrine\"}\n{\"title\":\"caf\xe9 "+strings.Repeat("x", 4<<10)+"\"}\n{\"id\":\"w3\",\"title\":\"caf\xe9\"}\n")
	code, stdout, stderr = runMatchCmd(t, "", name)
	if got, want := strings.Join(matchIDs(t, stdout), ","), "w1,w3"; code != 1 || got != want || !strings.Contains(stderr, name+":2: malformed listing: line over 1 KiB") {
		t.Errorf("match long windows-1252 line: exit %d, ids %q, stderr %q; want 1, %q and line 2 reported", code, got, stderr, want)
	}
}

// TestMatchLongArrayItems: a listing of a JSON array over maxLine is
// reported and skipped without being held, however long, and the items
// after it are matched; one that is not closed before the end of the file
// reports the rest of the file as not read.
func TestMatchLongArrayItems(t *testing.T) {
	lowerLimits(t, 1<<30, 1<<10, 64<<20)
	name := filepath.Join(t.TempDir(), "a.json")
	item := func(id string, n int) string {
		return `{"id":"` + id + `","title":"ephedrine ` + strings.Repeat("x", n) + `"}`
	}
	writeFile(t, name, "[\n"+item("a1", 0)+",\n"+item("a2", 4<<10)+",\n"+item("a3", 0)+",\n"+item("a4", 1<<20)+",\n"+item("a5", 0)+"\n]\n")
	code, stdout, stderr := runMatchCmd(t, "", name)
	if got, want := strings.Join(matchIDs(t, stdout), ","), "a1,a3,a5"; code != 1 || got != want {
		t.Errorf("match long array items: exit %d, ids %q, stderr %q; want 1 and %q", code, got, stderr, want)
	}
	for _, want := range []string{name + ":3: listing 2: malformed listing: over 1 KiB", name + ":5: listing 4: malformed listing: over 1 KiB"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("match long array items: stderr %q; want %q", stderr, want)
		}
	}
	// A missing quote and brace in a listing too long to hold: it is taken
	// to end at the array's ], and the lines skipped with it are named.
	writeFile(t, name, "[\n"+item("a1", 0)+",\n"+`{"id":"a2","title":"`+strings.Repeat("x", 4<<10)+"\n"+item("a3", 0)+"\n]\n")
	code, stdout, stderr = runMatchCmd(t, "", name)
	if got, want := strings.Join(matchIDs(t, stdout), ","), "a1"; code != 1 || got != want ||
		!strings.Contains(stderr, name+":3: listing 2: malformed listing: over 1 KiB (lines 3-5)") {
		t.Errorf("match unclosed long array item: exit %d, ids %q, stderr %q; want 1, %q and lines 3-5 reported", code, got, stderr, want)
	}
	// Not closed at all: the rest of the file is reported as not read.
	writeFile(t, name, "[\n"+item("a1", 0)+",\n"+`{"id":"a2","title":"`+strings.Repeat("x", 4<<10)+"\n"+item("a3", 0)+"\n")
	code, stdout, stderr = runMatchCmd(t, "", name)
	if got, want := strings.Join(matchIDs(t, stdout), ","), "a1"; code != 1 || got != want ||
		!strings.Contains(stderr, name+":3: listing 2: malformed listing: over 1 KiB and not closed; the rest of "+name+" from line 3 was not read") {
		t.Errorf("match unclosed long array item at the end: exit %d, ids %q, stderr %q; want 1, %q and the rest reported as not read", code, got, stderr, want)
	}
}

// TestMatchLongDocument: of a document over maxDocument its start is
// matched (one output line, as for every document) and the file reported,
// exit 1 (it was read whole, however long).
func TestMatchLongDocument(t *testing.T) {
	lowerLimits(t, 1<<30, 64<<20, 1<<10)
	name := filepath.Join(t.TempDir(), "post.txt")
	writeFile(t, name, "ephedrine 1kg é"+strings.Repeat("é", 4<<10))
	code, stdout, stderr := runMatchCmd(t, "", name)
	docs := decodeDocumentLines(t, stdout)
	if code != 1 || len(docs) != 1 || !strings.Contains(stderr, name+": document over 1 KiB: only its first 1 KiB matched") {
		t.Fatalf("match long document: exit %d, %d results, stderr %q; want 1, 1 and the file reported", code, len(docs), stderr)
	}
	if d := docs[0].Listing.Description; len(d) > 1<<10 || !utf8.ValidString(d) || !strings.HasPrefix(d, "ephedrine 1kg") {
		t.Errorf("match long document: description of %d bytes (valid UTF-8 %v); want the start, at most 1 KiB", len(d), utf8.ValidString(d))
	}
}

// nestedListing is a listing line whose title is nested in depth arrays
// and whose seller is nested in depth objects.
func nestedListing(depth int) []byte {
	var b bytes.Buffer
	b.WriteString(`{"id":"n1","title":`)
	b.WriteString(strings.Repeat("[", depth) + `"ephedrine", "1kg"` + strings.Repeat("]", depth))
	b.WriteString(`,"seller":`)
	b.WriteString(strings.Repeat(`{"x":`, depth) + `{"name":"labguy"}` + strings.Repeat("}", depth))
	b.WriteString(`,"attributes":[{"name":"purity","value":` + strings.Repeat("[", depth) + "99" + strings.Repeat("]", depth) + `}]}`)
	return b.Bytes()
}

// TestDecodeListingNestedLinear: deeply nested field values are decoded
// once, in memory linear in the line (each nesting level decoded the rest
// of the value again: a 20 KB line took 250-630 MB), and read as before.
func TestDecodeListingNestedLinear(t *testing.T) {
	line := nestedListing(5000)
	var l precwatch.Listing
	var err error
	alloc := allocated(func() { l, _, err = decodeListing(line) })
	if err != nil {
		t.Fatalf("decodeListing(nested): %v", err)
	}
	if l.Title != "ephedrine, 1kg" || l.Seller != "labguy" || l.Attributes["purity"] != "99" {
		t.Errorf("decodeListing(nested) = title %q, seller %q, attributes %v; want \"ephedrine, 1kg\", \"labguy\", purity 99", l.Title, l.Seller, l.Attributes)
	}
	t.Logf("%d-byte line: %d bytes allocated", len(line), alloc)
	if max := int64(100 * len(line)); alloc > max {
		t.Errorf("decodeListing of a %d-byte line nested 5000 deep allocated %d bytes; want under %d", len(line), alloc, max)
	}
	if allocs := testing.AllocsPerRun(3, func() { decodeListing(line) }); allocs > float64(20*len(line)/10) {
		t.Errorf("decodeListing(nested) made %.0f allocations; want under %d", allocs, 20*len(line)/10)
	}
}

// TestDecodeListingShapes: field values of every JSON shape read as the
// text they stand for.
func TestDecodeListingShapes(t *testing.T) {
	for _, tc := range []struct{ in, title, attrs string }{
		{`{"title":"a"}`, "a", ""},
		{`{"title":12.50}`, "12.50", ""},
		{`{"title":1e3}`, "1e3", ""},
		{`{"title":true}`, "true", ""},
		{`{"title":null}`, "", ""},
		{`{"title":["a",null,"",["b",{"name":"c"}],2]}`, "a, b, c, 2", ""},
		{`{"title":{"amount":950,"currency":"USD"}}`, "950 USD", ""},
		{`{"title":{"Value":"v","name":"n"}}`, "n", ""},
		{`{"title":{"TEXT":"t","x":"y"}}`, "t", ""},
		{`{"title":{"a":{"b":[]},"c":"d\u00e9"}}`, "dé", ""},
		{`{"title":"x","attributes":{"a":[1,2],"b":{"name":"n"}}}`, "x", "a=1, 2;b=n"},
		{`{"title":"x","attributes":[{"key":"k","value":{"amount":1}},"plain",{"label":"","value":"v"}]}`, "x", "1=plain;2=v;k=1"},
		{`{"title":"x","attributes":"free text"}`, "x", "attributes=free text"},
		{`{"title":"x","attributes":[]}`, "x", ""},
	} {
		l, _, err := decodeListing([]byte(tc.in))
		if err != nil {
			t.Errorf("decodeListing(%s): %v", tc.in, err)
			continue
		}
		var attrs []string
		for k, v := range l.Attributes {
			attrs = append(attrs, k+"="+v)
		}
		slices.Sort(attrs)
		if l.Title != tc.title || strings.Join(attrs, ";") != tc.attrs {
			t.Errorf("decodeListing(%s) = title %q, attributes %q; want %q, %q", tc.in, l.Title, strings.Join(attrs, ";"), tc.title, tc.attrs)
		}
	}
}

func BenchmarkDecodeListingNested(b *testing.B) {
	line := nestedListing(5000)
	b.SetBytes(int64(len(line)))
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := decodeListing(line); err != nil {
			b.Fatal(err)
		}
	}
}
