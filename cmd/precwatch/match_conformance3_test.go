package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/iotest"
	"time"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"github.com/precwatch/precwatch"
	"github.com/precwatch/precwatch/matchers"
)

// These tests drive `precwatch match` as an outside script would, on
// inputs shaped the way other tools write them (round 3 of the contract
// audit).

// matchIDs returns the ids of the output lines, in order.
func matchIDs(t *testing.T, stdout string) []string {
	t.Helper()
	var ids []string
	for _, m := range decodeMatches(t, stdout) {
		ids = append(ids, m.ID)
	}
	return ids
}

// TestMatchConformanceMalformedFirstLine: a .jsonl file whose first line is
// broken was read as one pretty-printed JSON stream, whose syntax error
// ended the file: every later listing was lost.
func TestMatchConformanceMalformedFirstLine(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct{ name, first string }{
		{"unterminated.jsonl", `{"id":"bad",`},
		{"missing-comma.jsonl", `{"id":"bad" "title":"x"}`},
		{"truncated.ndjson", `{"id":"bad","title":"ephedrine`},
	} {
		in := filepath.Join(dir, tc.name)
		writeFile(t, in, tc.first+"\n"+`{"id":"a","title":"ephedrine hcl 1kg"}`+"\n"+`{"id":"b","title":"safrole oil 1L"}`+"\n")
		code, stdout, stderr := runMatchCmd(t, "", in)
		if got, want := strings.Join(matchIDs(t, stdout), ","), "a,b"; got != want {
			t.Errorf("match %s (first line %s): ids %q, want %q; stderr %q", tc.name, tc.first, got, want, stderr)
		}
		if code != 1 || !strings.Contains(stderr, in+":1: ") {
			t.Errorf("match %s: exit %d, stderr %q; want 1 and the error at %s:1", tc.name, code, stderr, in)
		}
	}
}

// TestMatchConformanceStreamLines: listings given as a JSON array or as
// pretty-printed objects are reported by file:line like JSON Lines, and a
// result line's source is where its listing starts.
func TestMatchConformanceStreamLines(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "listings.json")
	writeFile(t, in, "[\n  {\"id\": \"a\",\n   \"title\": \"ephedrine 1kg\"},\n  \"not a listing\",\n  {\"id\": \"b\", \"title\": \"safrole\"}\n]\n")
	code, stdout, stderr := runMatchCmd(t, "", in)
	if got, want := strings.Join(matchIDs(t, stdout), ","), "a,b"; got != want {
		t.Errorf("match %s: ids %q, want %q", in, got, want)
	}
	if code != 1 || !strings.Contains(stderr, in+":4: ") {
		t.Errorf("match %s: exit %d, stderr %q; want 1 and the string item reported at %s:4", in, code, stderr, in)
	}
	in2 := filepath.Join(dir, "pretty.json")
	writeFile(t, in2, "{\n \"id\": \"a\",\n \"title\": \"ephedrine 1kg\"\n}\n{\n \"id\": \"b\"\n \"title\": \"x\"\n}\n")
	code, stdout, stderr = runMatchCmd(t, "", in2)
	if got, want := strings.Join(matchIDs(t, stdout), ","), "a"; got != want {
		t.Errorf("match %s: ids %q, want %q", in2, got, want)
	}
	if code != 1 || !strings.Contains(stderr, in2+":5: listing 2: malformed JSON on line 7: ") {
		t.Errorf("match %s: exit %d, stderr %q; want 1 and listing 2 reported at %s:5 (where it starts) with its syntax error on line 7", in2, code, stderr, in2)
	}
}

// TestMatchConformanceNoHTMLEscaping: JSON output writes <, > and & as
// themselves (as crawl --listings does), not as \u003c, \u003e, \u0026.
func TestMatchConformanceNoHTMLEscaping(t *testing.T) {
	_, stdout, _ := runMatchCmd(t, `{"id":"a&b","title":"<b>Ephedrine</b> & safrole 1kg"}`+"\n")
	if strings.Contains(stdout, `\u00`) || !strings.Contains(stdout, `"id":"a&b"`) || !strings.Contains(stdout, ">= threshold") {
		t.Errorf("match output %q: want &, <, > unescaped", stdout)
	}
}

// TestMatchConformanceThresholdFlag: a threshold that is no number in 0..1
// (NaN compared false with both bounds and made nothing suspicious) is a
// usage error naming the flag.
func TestMatchConformanceThresholdFlag(t *testing.T) {
	for _, v := range []string{"NaN", "nan", "-0.01", "1.01", "+Inf", "abc", ""} {
		code, stdout, stderr := runMatchCmd(t, `{"id":"a","title":"ephedrine 1kg"}`, "--threshold="+v)
		if code != 2 || stdout != "" || !strings.Contains(stderr, "threshold") {
			t.Errorf("match --threshold=%q: exit %d, stdout %q, stderr %q; want 2, no output, an error naming --threshold", v, code, stdout, stderr)
		}
	}
	for _, tc := range []struct {
		v    string
		want bool
	}{{"0", true}, {"0.7", true}, {"0.70", true}, {"0.71", false}, {"1", false}} {
		_, stdout, _ := runMatchCmd(t, `{"id":"a","title":"ephedrine 1kg"}`, "--threshold", tc.v)
		ms := decodeMatches(t, stdout)
		if len(ms) != 1 || ms[0].Score != 0.7 || ms[0].Suspicious != tc.want {
			t.Errorf("match --threshold %s (score 0.70): %+v, want suspicious %v (score >= threshold)", tc.v, ms, tc.want)
		}
	}
}

// TestMatchConformanceDashIsStdin: "-" names standard input, in its place
// among the files.
func TestMatchConformanceDashIsStdin(t *testing.T) {
	dir := t.TempDir()
	f := filepath.Join(dir, "b.jsonl")
	writeFile(t, f, `{"id":"b","title":"safrole"}`+"\n")
	code, stdout, stderr := runMatchCmd(t, `{"id":"a","title":"ephedrine 1kg"}`+"\n", f, "-", f)
	if got, want := strings.Join(matchIDs(t, stdout), ","), "b,a,b"; code != 0 || got != want {
		t.Errorf("match b.jsonl - b.jsonl: exit %d, ids %q, stderr %q; want 0 and %q", code, got, stderr, want)
	}
}

// TestMatchConformanceEmptyStdin: an empty standard input is no document
// (as an empty JSONL file is none); --input text still makes it one.
func TestMatchConformanceEmptyStdin(t *testing.T) {
	for _, in := range []string{"", "\n", "  \r\n\n"} {
		code, stdout, stderr := runMatchCmd(t, in)
		if code != 0 || stdout != "" {
			t.Errorf("match < %q: exit %d, stdout %q, stderr %q; want 0 and no output", in, code, stdout, stderr)
		}
	}
	if _, stdout, _ := runMatchCmd(t, "", "--input", "text"); len(decodeMatches(t, stdout)) != 1 {
		t.Errorf("match --input text < empty: %q, want one (empty) document", stdout)
	}
}

// TestMatchConformanceDirectory: a directory argument is read recursively
// in name order: its listing and document files (.jsonl, .ndjson, .json,
// .html, .htm, .xhtml, .mhtml, .mht, .txt); hidden entries and other
// files (a saved page's scripts, styles and images) are skipped.
func TestMatchConformanceDirectory(t *testing.T) {
	dir := t.TempDir()
	for _, d := range []string{"page_files", "sub"} {
		if err := os.Mkdir(filepath.Join(dir, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	writeFile(t, filepath.Join(dir, "a.jsonl"), `{"id":"a1","title":"ephedrine 1kg"}`+"\n"+`{"id":"a2","title":"safrole"}`+"\n")
	writeFile(t, filepath.Join(dir, "c.txt"), "pure ephedrine 1kg\n")
	writeFile(t, filepath.Join(dir, ".hidden.txt"), "ephedrine\n")
	writeFile(t, filepath.Join(dir, "page_files", "app.js"), `var x = "ephedrine";`)
	writeFile(t, filepath.Join(dir, "page_files", "logo.png"), "\x89PNG\r\n\x1a\n\x00\x00")
	writeFile(t, filepath.Join(dir, "sub", "b.html"), "<html><body><h1>Safrole oil</h1></body></html>")
	writeFile(t, filepath.Join(dir, "sub", "d.HTM"), "<html><body><h1>Ephedrine</h1></body></html>")
	code, stdout, stderr := runMatchCmd(t, "", dir)
	want := []string{"a1", "a2", filepath.Join(dir, "c.txt"), filepath.Join(dir, "sub", "b.html"), filepath.Join(dir, "sub", "d.HTM")}
	if got := matchIDs(t, stdout); code != 0 || strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("match DIR: exit %d, ids %q, stderr %q; want 0 and %q", code, got, stderr, want)
	}
	// A symbolic link to a directory is read as the directory.
	link := filepath.Join(t.TempDir(), "link")
	if err := os.Symlink(filepath.Join(dir, "sub"), link); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr = runMatchCmd(t, "", link)
	want = []string{filepath.Join(link, "b.html"), filepath.Join(link, "d.HTM")}
	if got := matchIDs(t, stdout); code != 0 || strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("match LINK-TO-DIR: exit %d, ids %q, stderr %q; want 0 and %q", code, got, stderr, want)
	}
	// A directory without such files is warned about.
	code, stdout, stderr = runMatchCmd(t, "", filepath.Join(dir, "page_files"))
	if code != 0 || stdout != "" || !strings.Contains(stderr, "page_files: no .jsonl") {
		t.Errorf("match page_files/: exit %d, stdout %q, stderr %q; want 0, nothing, and a warning", code, stdout, stderr)
	}
	// A missing file among others: named, the rest read, exit 1.
	missing := filepath.Join(dir, "missing.jsonl")
	code, stdout, stderr = runMatchCmd(t, "", missing, filepath.Join(dir, "a.jsonl"))
	if got := strings.Join(matchIDs(t, stdout), ","); code != 1 || got != "a1,a2" || !strings.Contains(stderr, missing) {
		t.Errorf("match missing a.jsonl: exit %d, ids %q, stderr %q; want 1, a1,a2, and the missing file named", code, got, stderr)
	}
}

// TestMatchConformanceCrawlListingsAsInput: the JSONL that `crawl
// --listings` writes ({"listing": {…}, "match": {…}}) is read back as its
// listings, so a crawl can be re-matched (it gave empty results).
func TestMatchConformanceCrawlListingsAsInput(t *testing.T) {
	r := precwatch.Result{Listing: precwatch.Listing{ID: "p1", URL: "https://shop.example/p1", Platform: "Shop",
		Title: "BMK glycidate 1kg", Description: "wickr: labguy"}}
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runMatchCmd(t, string(b)+"\n")
	ms := decodeMatches(t, stdout)
	if code != 0 || len(ms) != 1 || ms[0].ID != "p1" || ms[0].URL != "https://shop.example/p1" || !ms[0].Suspicious {
		t.Errorf("match < crawl --listings line %s: exit %d, %+v, stderr %q; want p1 suspicious", b, code, ms, stderr)
	}
}

// TestMatchConformanceFieldNames: field names match the contract's in any
// case when the exact name is absent (as encoding/json reads them), and a
// listing with none of the contract's fields is warned about, with the
// keys it has, instead of silently matching nothing.
func TestMatchConformanceFieldNames(t *testing.T) {
	in := `{"ID":"a","Title":"ephedrine 1kg","URL":"https://x.example/a"}` + "\n" +
		`{"id":"b","name":"safrole","body":"1L"}` + "\n" + `{"id":"c","name":"x"}` + "\n"
	code, stdout, stderr := runMatchCmd(t, in)
	ms := decodeMatches(t, stdout)
	if code != 0 || len(ms) != 3 || ms[0].ID != "a" || ms[0].URL != "https://x.example/a" || !ms[0].Suspicious {
		t.Fatalf("match %q: exit %d, %+v; want a suspicious, b and c empty", in, code, ms)
	}
	if !strings.Contains(stderr, "stdin:2: ") || !strings.Contains(stderr, "body, id, name") || !strings.Contains(stderr, "2 listing") {
		t.Errorf("match %q: stderr %q; want a warning at stdin:2 naming the keys found and counting 2 listings", in, stderr)
	}
	// Keys that differ in case only: the first in sort order, every time.
	in = `{"tItle":"pen","Title":"pen","TITLE":"ephedrine 1kg"}` + "\n"
	for range 3 {
		_, stdout, _ := runMatchCmd(t, in)
		if ms := decodeMatches(t, stdout); len(ms) != 1 || !ms[0].Suspicious {
			t.Fatalf("match %q: %+v, want the TITLE key read (suspicious)", in, ms)
		}
	}
}

// TestMatchConformanceCASAlwaysPresent: every substance carries "cas", ""
// for one that has none (a scripted s["cas"] failed on it).
func TestMatchConformanceCASAlwaysPresent(t *testing.T) {
	_, stdout, _ := runMatchCmd(t, `{"id":"a","title":"chloroephedrine 1kg"}`+"\n")
	var out struct {
		Substances []map[string]any `json:"substances"`
	}
	if err := json.Unmarshal([]byte(stdout), &out); err != nil || len(out.Substances) == 0 {
		t.Fatalf("match chloroephedrine: %q (%v), want a substance", stdout, err)
	}
	for _, s := range out.Substances {
		if cas, ok := s["cas"].(string); !ok {
			t.Errorf("substance %v: cas = %#v, want a string", s["id"], cas)
		}
	}
}

// TestMatchConformanceIndicatorFields: every indicator names the field it
// was found in and quotes that field's text (bulk-quantity and
// designer-precursor had "field": "" and normalised text; a messenger
// contact known only by its handle read "telegram: @tolueno_br").
func TestMatchConformanceIndicatorFields(t *testing.T) {
	listings := []precwatch.Listing{
		{ID: "bulk", Title: "Pseudoephedrine tablets", Description: "Wholesale: 200 KG per drum, 25 Kg bags"},
		{ID: "designer", Title: "Buy Chloroephedrine", Description: "purity 99%, price on request"},
		{ID: "bulkword", Title: "Ephedrine HCl", Description: "Großhandel ab 1 Tonne"},
		{ID: "handle", Title: "Tolueno 20 L", Description: "Chama no Telegram @Tolueno_BR"},
	}
	var in strings.Builder
	for _, l := range listings {
		b, _ := json.Marshal(l)
		in.Write(append(b, '\n'))
	}
	_, stdout, _ := runMatchCmd(t, in.String())
	ms := decodeMatches(t, stdout)
	if len(ms) != len(listings) {
		t.Fatalf("match: %d results, want %d", len(ms), len(listings))
	}
	seen := map[string]bool{}
	for i, m := range ms {
		l := listings[i]
		for _, ind := range m.Indicators {
			seen[ind.ID] = true
			var text string
			switch ind.Field {
			case precwatch.FieldTitle:
				text = l.Title
			case precwatch.FieldDescription:
				text = l.Description
			default:
				t.Errorf("listing %s indicator %s: field %q, want title or description", l.ID, ind.ID, ind.Field)
				continue
			}
			if ind.Text == "" || !strings.Contains(text, ind.Text) {
				t.Errorf("listing %s indicator %s: text %q is not in its field %s %q", l.ID, ind.ID, ind.Text, ind.Field, text)
			}
		}
	}
	for _, id := range []string{"bulk-quantity", "designer-precursor", "messenger-contact"} {
		if !seen[id] {
			t.Errorf("no %s indicator in %+v", id, ms)
		}
	}
}

// TestMatchConformanceFlagsAfterFiles: flags may follow the files (as GNU
// tools allow); before, "--threshold" was opened as a file and the files
// were matched with the default threshold. "--" ends the flags.
func TestMatchConformanceFlagsAfterFiles(t *testing.T) {
	dir := t.TempDir()
	f := filepath.Join(dir, "a.jsonl")
	writeFile(t, f, `{"id":"a","title":"ephedrine 1kg"}`+"\n")
	code, stdout, stderr := runMatchCmd(t, "", f, "--threshold", "0.9", "--format=text")
	if code != 0 || !strings.HasPrefix(stdout, "a\t0.70\tok") {
		t.Errorf("match a.jsonl --threshold 0.9 --format=text: exit %d, stdout %q, stderr %q; want 0 and a text line 'a 0.70 ok'", code, stdout, stderr)
	}
	dash := filepath.Join(dir, "-x.jsonl")
	writeFile(t, dash, `{"id":"x","title":"safrole"}`+"\n")
	t.Chdir(dir)
	code, stdout, stderr = runMatchCmd(t, "", "a.jsonl", "--", "-x.jsonl")
	if got := strings.Join(matchIDs(t, stdout), ","); code != 0 || got != "a,x" {
		t.Errorf("match a.jsonl -- -x.jsonl: exit %d, ids %q, stderr %q; want 0 and a,x", code, got, stderr)
	}
}

// TestMatchConformanceTextFormat: the text format shows a listing without
// an id by where it was read, and keeps one result a line whatever control
// characters an id, URL or title holds.
func TestMatchConformanceTextFormat(t *testing.T) {
	in := `{"title":"ephedrine 1kg"}` + "\n" + `{"id":"x\ny\tz","url":"https://a.example/\r\nb","title":"safrole"}` + "\n"
	_, stdout, _ := runMatchCmd(t, in, "--format", "text")
	lines := strings.Split(stdout, "\n")
	if !strings.HasPrefix(lines[0], "stdin:1\t0.70\tSUSPICIOUS") {
		t.Errorf("match --format text: first line %q, want it to start with stdin:1, the score and the verdict", lines[0])
	}
	var heads []string
	for _, l := range lines {
		if l != "" && !strings.HasPrefix(l, "  ") {
			heads = append(heads, l)
		}
	}
	if len(heads) != 2 || strings.Count(heads[1], "\t") != 3 {
		t.Errorf("match --format text: result lines %q, want 2, each with 4 tab-separated columns", heads)
	}
	// A hit shows the text as written when it differs from the term.
	_, stdout, _ = runMatchCmd(t, `{"id":"o","title":"ＥＰＨＥＤＲＩＮＥ 1kg","description":"CAS 50–98–6"}`, "--format", "text")
	for _, want := range []string{`title:"Ephedrine"@0-27 (as "ＥＰＨＥＤＲＩＮＥ")`, `description:"50-98-6"@4-15 (as "50–98–6")`} {
		if !strings.Contains(stdout, want) {
			t.Errorf("match --format text (obfuscated): %q, want %q in it", stdout, want)
		}
	}
}

// TestMatchConformanceObservableValues: one phone number is one value
// however the listing writes it: the international prefix 00 is '+', and a
// wa.me link's number is international (they were 0044… and 44…, so
// sellers sharing a number were not linked).
func TestMatchConformanceObservableValues(t *testing.T) {
	for _, tc := range []struct {
		desc string
		want precwatch.Observable
	}{
		{"Ephedrine HCl 1kg, whatsapp: 0044 7700 900 123", precwatch.Observable{Type: "whatsapp", Value: "+447700900123"}},
		{"Ephedrine HCl 1kg, order via wa.me/447700900123", precwatch.Observable{Type: "whatsapp", Value: "+447700900123"}},
		{"Ephedrine HCl 1kg, whatsapp +44 7700 900123", precwatch.Observable{Type: "whatsapp", Value: "+447700900123"}},
		{"Ephedrine HCl 1kg, Signal: 0086 138 0013 8000", precwatch.Observable{Type: "signal", Value: "+8613800138000"}},
		{"Ephedrine HCl 1kg, mail Sales.Team@Chem.Example.ORG", precwatch.Observable{Type: "email", Value: "sales.team@chem.example.org"}},
		{"Ephedrine HCl 1kg, telegram: t.me/ChemKing_01", precwatch.Observable{Type: "telegram", Value: "@chemking_01"}},
		{"Эфедрин 1 кг, пишите в телегу, телега: @RuChem", precwatch.Observable{Type: "telegram", Value: "@ruchem"}},
		{"Ephedrine HCl 1kg, see WWW.ChemShop.Example/Buy?ID=7", precwatch.Observable{Type: "url", Value: "www.chemshop.example/Buy?ID=7"}},
		{"Ephedrine HCl 1kg, HTTPS://Shop.Example:8443/Item", precwatch.Observable{Type: "url", Value: "https://shop.example:8443/Item"}},
	} {
		b, _ := json.Marshal(precwatch.Listing{ID: "a", Description: tc.desc})
		_, stdout, _ := runMatchCmd(t, string(b)+"\n")
		ms := decodeMatches(t, stdout)
		if len(ms) != 1 || !slices.Contains(ms[0].Observables, tc.want) {
			t.Errorf("match %q: observables %+v, want %+v among them", tc.desc, ms, tc.want)
		}
	}
}

// TestMatchConformanceUTF16: listings saved as UTF-16 with a byte-order
// mark (Windows PowerShell's > redirection) are read as listings; every
// line was malformed.
func TestMatchConformanceUTF16(t *testing.T) {
	dir := t.TempDir()
	text := "\ufeff" + `{"id":"a","title":"ephedrine 1kg"}` + "\r\n" + `{"id":"b","title":"safrole"}` + "\r\n"
	for _, tc := range []struct {
		name string
		enc  encoding.Encoding
	}{
		{"le.jsonl", unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)},
		{"be.json", unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)},
	} {
		b, err := tc.enc.NewEncoder().Bytes([]byte(text))
		if err != nil {
			t.Fatal(err)
		}
		f := filepath.Join(dir, tc.name)
		writeFile(t, f, string(b))
		code, stdout, stderr := runMatchCmd(t, "", f)
		ms := decodeMatches(t, stdout)
		if code != 0 || len(ms) != 2 || ms[0].ID != "a" || !ms[0].Suspicious || ms[1].ID != "b" {
			t.Errorf("match %s (UTF-16): exit %d, %+v, stderr %q; want a and b", tc.name, code, ms, stderr)
		}
	}
}

// TestMatchConformanceSniffText: a text that merely starts with '[' or '{'
// ("[WTS] …", a forum post) is a document, not malformed JSON (it was
// reported and lost); JSON Lines whose first line is broken are still
// listings, and a .json file is JSON whatever it starts with.
func TestMatchConformanceSniffText(t *testing.T) {
	dir := t.TempDir()
	post := filepath.Join(dir, "post.txt")
	writeFile(t, post, "[WTS] ephedrine HCl 1kg, wickr: labguy\n")
	noext := filepath.Join(dir, "note")
	writeFile(t, noext, "{{template}} safrole 5 L\n")
	code, stdout, stderr := runMatchCmd(t, "", post, noext)
	ms := decodeMatches(t, stdout)
	if code != 0 || len(ms) != 2 || ms[0].ID != post || !ms[0].Suspicious || ms[1].ID != noext || !ms[1].Suspicious {
		t.Errorf("match post.txt note: exit %d, %+v, stderr %q; want both read as suspicious documents", code, ms, stderr)
	}
	for _, in := range []string{"[WTS] ephedrine HCl 1kg", "{{x}}\nephedrine HCl 1kg\n"} {
		code, stdout, stderr := runMatchCmd(t, in)
		if ms := decodeMatches(t, stdout); code != 0 || len(ms) != 1 || ms[0].ID != "stdin" || !ms[0].Suspicious {
			t.Errorf("match < %q: exit %d, %+v, stderr %q; want one suspicious document", in, code, ms, stderr)
		}
	}
	for _, in := range []string{`{"id":"bad",` + "\n" + `{"id":"a","title":"ephedrine 1kg"}`, `{"id":"bad",` + "\n" + `{"id":"a","title":"ephedrine 1kg"}` + "\n"} {
		code, stdout, stderr := runMatchCmd(t, in)
		if got := strings.Join(matchIDs(t, stdout), ","); code != 1 || got != "a" || !strings.Contains(stderr, "stdin:1: ") {
			t.Errorf("match < %q: exit %d, ids %q, stderr %q; want 1, a, and stdin:1 reported", in, code, got, stderr)
		}
	}
	broken := filepath.Join(dir, "broken.json")
	writeFile(t, broken, "[WTS] not json\n")
	if code, stdout, stderr := runMatchCmd(t, "", broken); code != 1 || stdout != "" || !strings.Contains(stderr, broken+":1: ") {
		t.Errorf("match broken.json: exit %d, stdout %q, stderr %q; want 1 and %s:1 reported", code, stdout, stderr, broken)
	}
}

// FuzzMatchInput: no input makes reading panic, and in every mode each
// listing or document read gives exactly one valid JSON output line.
func FuzzMatchInput(f *testing.F) {
	for _, s := range []string{"", "{", "[", "[WTS] x", "{\"id\":1}\n{", "\ufeff{\"title\":\"ephedrine\"}\r\n", "[{\"id\":\"a\"},\n\"x\",\n{\"id\":\"b\"}]",
		"{\n\"id\":\"a\"\n}\n{\"id\"", "\xff\xfe{\x00}\x00", "<html><body>ephedrine</body></html>", "{\"listing\":{\"title\":\"x\"}}", "{\"a\":[{\"b\":{}}]}\n\n", "\x1f\x8b\x08\x00junk"} {
		f.Add([]byte(s))
	}
	wl, err := matchers.LoadWatchlist()
	if err != nil {
		f.Fatal(err)
	}
	m, err := matchers.New(wl, matchers.Options{})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for i, mode := range []string{"", "jsonl", "text", "", "jsonl"} {
			var out, errb bytes.Buffer
			p := &matchPipeline{m: m, out: &out, stderr: &errb, format: "jsonl"}
			var r io.Reader = bytes.NewReader(data)
			if i >= 3 {
				r = iotest.OneByteReader(r) // a pipe that delivers little at a time
			}
			if err := p.readStream(context.Background(), "in", r, mode, true, true); err != nil {
				// A read error (broken gzip) is reported, not a panic;
				// what was read before it is still answered.
				t.Logf("mode %q: %v", mode, err)
			}
			p.flush()
			docs := p.docs
			lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
			if out.Len() == 0 {
				lines = nil
			}
			if len(lines) != docs {
				t.Fatalf("mode %q: %d output lines for %d documents", mode, len(lines), docs)
			}
			for _, l := range lines {
				if !json.Valid([]byte(l)) {
					t.Fatalf("mode %q: output line %q is no JSON", mode, l)
				}
			}
		}
	})
}

// TestMatchConformanceThresholdExplain: the explain line shows a threshold
// of more than two decimals as given ("score 0.70 < threshold 0.70" read
// as a contradiction for --threshold 0.705).
func TestMatchConformanceThresholdExplain(t *testing.T) {
	for _, tc := range []struct{ threshold, want string }{
		{"0.705", "ticket policy met but score 0.70 < threshold 0.705"},
		{"0.695", "suspicious: score 0.70 >= threshold 0.695"},
		{"0.7", "suspicious: score 0.70 >= threshold 0.70"},
		{"0.5", "suspicious: score 0.70 >= threshold 0.50"},
	} {
		_, stdout, _ := runMatchCmd(t, `{"id":"a","title":"ephedrine 1kg"}`, "--threshold", tc.threshold)
		ms := decodeMatches(t, stdout)
		if len(ms) != 1 || !slices.Contains(ms[0].Explain, tc.want) {
			t.Errorf("match --threshold %s: %+v, want the explain line %q", tc.threshold, ms, tc.want)
		}
	}
}

// TestMatchConformanceLegacyCharsetJSONL: listings exported in a legacy
// charset (windows-1252 from a spreadsheet, windows-1251) are decoded as
// documents are, with a warning; they matched nothing in replacement
// characters.
func TestMatchConformanceLegacyCharsetJSONL(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		name, text string
		enc        encoding.Encoding
		want       string // the title's hit, as decoded
	}{
		{"cp1252.jsonl", `{"id":"a","title":"Éphédrine 1kg, crème brûlée aroma"}`, charmap.Windows1252, "Éphédrine"},
		{"cp1251.jsonl", `{"id":"a","title":"Эфедрин 1 кг, доставка по всей России"}`, charmap.Windows1251, "Эфедрин"},
	} {
		b, err := tc.enc.NewEncoder().Bytes([]byte(tc.text + "\n"))
		if err != nil {
			t.Fatal(err)
		}
		f := filepath.Join(dir, tc.name)
		writeFile(t, f, string(b))
		// A UTF-8 line with a stray bad byte stays UTF-8 beside them.
		writeFile(t, f, `{"id":"u","title":"Сафрол 1 л `+"\xff"+`"}`+"\n"+string(b))
		code, stdout, stderr := runMatchCmd(t, "", f)
		ms := decodeMatches(t, stdout)
		if len(ms) == 2 && (len(ms[0].Substances) != 1 || ms[0].Substances[0].ID != "safrole") {
			t.Errorf("match %s: the UTF-8 line gave %+v, want safrole", tc.name, ms[0])
		}
		if len(ms) > 0 {
			ms = ms[1:]
		}
		var title string
		if len(ms) == 1 {
			var l precwatch.Listing
			json.Unmarshal([]byte(tc.text), &l)
			title = l.Title
		}
		if code != 0 || len(ms) != 1 || !ms[0].Suspicious || len(ms[0].Substances) != 1 || len(ms[0].Substances[0].Hits) == 0 {
			t.Errorf("match %s: exit %d, %+v, stderr %q; want ephedrine found", tc.name, code, ms, stderr)
			continue
		}
		h := ms[0].Substances[0].Hits[0]
		if got := title[h.Start:h.End]; got != tc.want || !strings.Contains(stderr, "not in UTF-8") {
			t.Errorf("match %s: hit %q, stderr %q; want %q and a warning", tc.name, got, stderr, tc.want)
		}
	}
}

// TestMatchConformanceWatchlistErrors: every problem of a --watchlist file
// is reported as file:line: and, where there is one, the field (YAML syntax
// and type errors were "file: yaml: line N: …").
func TestMatchConformanceWatchlistErrors(t *testing.T) {
	dir := t.TempDir()
	head := "version: 1\nsubstances:\n  - id: foo\n    name: Foo\n    list: table-I\n"
	for _, tc := range []struct{ name, yaml, want string }{
		{"syntax.yaml", "version: 1\nsubstances:\n  - id: foo\n    name: [x\n", "syntax.yaml:3: did not find expected"},
		{"type.yaml", head + "    synonyms: {a: b}\n", "type.yaml:6: substances[0].synonyms: want a list of names"},
		{"bool.yaml", head + "    immediate: maybe\n", `bool.yaml:6: substances[0].immediate: want true or false, not "maybe"`},
		{"unknown.yaml", head + "    colour: red\n", "unknown.yaml:6: substances[0].colour: unknown field"},
	} {
		f := filepath.Join(dir, tc.name)
		writeFile(t, f, tc.yaml)
		code, stdout, stderr := runMatchCmd(t, `{"id":"a"}`, "--watchlist", f)
		if code != 1 || stdout != "" || !strings.Contains(stderr, filepath.Join(dir, tc.want)) {
			t.Errorf("match --watchlist %s: exit %d, stdout %q, stderr %q; want 1 and %q", tc.name, code, stdout, stderr, tc.want)
		}
	}
}

// TestMatchConformanceStreaming: listings fed through a pipe one at a time
// are answered one at a time, so a script can keep precwatch match running
// as a co-process: sniffing read 64 KB ahead and results were held back
// for batches of 512 listings, so the first answer never came.
func TestMatchConformanceStreaming(t *testing.T) {
	inR, inW := io.Pipe()
	checkAnsweredOneByOne(t, inR, inW, "match")
}

// checkAnsweredOneByOne runs args (a match reading stdin, or a file that
// is the other end of in) and writes listings to in one at a time, each
// only after the result of the one before has come.
func checkAnsweredOneByOne(t *testing.T, stdin io.Reader, in io.WriteCloser, args ...string) {
	t.Helper()
	outR, outW := io.Pipe()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	env := &Env{Stdin: stdin, Stdout: outW, Stderr: io.Discard, Getenv: func(string) string { return "" }}
	done := make(chan int, 1)
	go func() {
		done <- Run(ctx, env, args)
		outW.Close()
	}()
	results := bufio.NewReader(outR)
	lines := make(chan string)
	go func() {
		defer close(lines)
		for {
			l, err := results.ReadString('\n')
			if err != nil {
				return
			}
			lines <- l
		}
	}()
	for _, id := range []string{"a", "b", "c"} {
		if _, err := fmt.Fprintf(in, `{"id":%q,"title":"ephedrine 1kg"}`+"\n", id); err != nil {
			t.Fatal(err)
		}
		select {
		case l := <-lines:
			var m precwatch.Match
			if err := json.Unmarshal([]byte(l), &m); err != nil || m.ID != id {
				t.Fatalf("%v: result %q (%v), want listing %s's", args, l, err, id)
			}
		case <-time.After(2 * time.Minute): // a hang guard, not a speed limit
			t.Fatalf("%v: no result for listing %s while its producer waits for it", args, id)
		}
	}
	in.Close()
	if code := <-done; code != 0 {
		t.Errorf("%v: exit %d, want 0", args, code)
	}
}

// TestMatchConformanceCrawlListingsStdout: `crawl --listings -` writes the
// listings to stdout as JSONL and its summary to stderr, so that stdout
// parses (a file named "-" was created); every line is a listing with a
// match result of the match contract whose hits point into the listing.
func TestMatchConformanceCrawlListingsStdout(t *testing.T) {
	shop := newOutputShop(t, "a1", "a2")
	dir := t.TempDir()
	t.Chdir(dir)
	cfg := filepath.Join(dir, "precwatch.yml")
	writeFile(t, cfg, strings.ReplaceAll(outputConfig(shop, 100), "DATA", filepath.Join(dir, "data")))
	code, stdout, stderr := runCmd(t, nil, "crawl", "--config", cfg, "--listings", "-")
	if code != 0 {
		t.Fatalf("crawl --listings -: exit %d, stderr %q", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "-")); err == nil {
		t.Errorf("crawl --listings - created a file named -")
	}
	if !strings.Contains(stderr, "TARGET") {
		t.Errorf("crawl --listings -: stderr %q, want the summary table", stderr)
	}
	var ids []string
	for _, line := range strings.Split(strings.TrimSuffix(stdout, "\n"), "\n") {
		var raw map[string]json.RawMessage
		var r precwatch.Result
		if json.Unmarshal([]byte(line), &raw) != nil || json.Unmarshal([]byte(line), &r) != nil {
			t.Fatalf("crawl --listings - stdout line %q is no JSON result", line)
		}
		var m map[string]json.RawMessage
		json.Unmarshal(raw["match"], &m)
		for _, k := range []string{"id", "url", "score", "suspicious", "substances", "indicators", "observables", "explain"} {
			if v, ok := m[k]; !ok || string(v) == "null" {
				t.Errorf("line %q: match.%s missing or null", line, k)
			}
		}
		ids = append(ids, r.Listing.ID)
		for _, s := range r.Match.Substances {
			for _, h := range s.Hits {
				f := listingField(&r.Listing, h.Field)
				if h.Start < 0 || h.End > len(f) || h.Start >= h.End {
					t.Errorf("listing %s hit %+v: out of its field %q", r.Listing.ID, h, f)
				}
			}
		}
	}
	slices.Sort(ids)
	if strings.Join(ids, ",") != "a1,a2" {
		t.Errorf("crawl --listings -: listings %v, want a1, a2", ids)
	}
}

// TestMatchConformanceGzip: gzip-compressed listings and pages
// (listings.jsonl.gz, page.html.gz, on stdin too) are read decompressed,
// also from a directory; they were one document of compressed bytes.
func TestMatchConformanceGzip(t *testing.T) {
	dir := t.TempDir()
	gz := func(s string) string {
		var b bytes.Buffer
		zw := gzip.NewWriter(&b)
		zw.Write([]byte(s))
		zw.Close()
		return b.String()
	}
	writeFile(t, filepath.Join(dir, "a.jsonl.gz"), gz(`{"id":"a1","title":"ephedrine 1kg"}`+"\n"+`{"id":"a2","title":"safrole"}`+"\n"))
	writeFile(t, filepath.Join(dir, "b.html.gz"), gz("<html><body><h1>Safrole oil 5 L</h1><script>var x='pmk';</script></body></html>"))
	writeFile(t, filepath.Join(dir, "c.bin.gz"), gz("ephedrine"))
	code, stdout, stderr := runMatchCmd(t, "", dir)
	ms := decodeMatches(t, stdout)
	if code != 0 || len(ms) != 3 || ms[0].ID != "a1" || ms[1].ID != "a2" || ms[2].ID != filepath.Join(dir, "b.html.gz") || !ms[2].Suspicious {
		t.Errorf("match DIR of .gz files: exit %d, %+v, stderr %q; want a1, a2 and b.html.gz (suspicious)", code, ms, stderr)
	}
	code, stdout, stderr = runMatchCmd(t, gz(`{"id":"s","title":"ephedrine 1kg"}`+"\n"))
	if got := strings.Join(matchIDs(t, stdout), ","); code != 0 || got != "s" {
		t.Errorf("match < gzip: exit %d, ids %q, stderr %q; want s", code, got, stderr)
	}
}

// TestMatchConformanceCommaLines: objects one a line separated by commas
// (an array without its brackets, as some exports write) are listings;
// the comma after the first one made the file one broken JSON stream
// (later listings lost).
func TestMatchConformanceCommaLines(t *testing.T) {
	dir := t.TempDir()
	f := filepath.Join(dir, "commas.jsonl")
	in := `{"id":"a","title":"ephedrine 1kg"},` + "\n" + `{"id":"b","title":"safrole oil"},` + "\n" + `{"id":"c","title":"pen"}` + "\n"
	writeFile(t, f, in)
	for _, args := range [][]string{{f}, {}} {
		stdin := ""
		if len(args) == 0 {
			stdin = in
		}
		code, stdout, stderr := runMatchCmd(t, stdin, args...)
		if got := strings.Join(matchIDs(t, stdout), ","); code != 0 || got != "a,b,c" {
			t.Errorf("match %v (comma-separated lines): exit %d, ids %q, stderr %q; want 0 and a,b,c", args, code, got, stderr)
		}
	}
}

// TestMatchConformanceThresholdNaNElsewhere: NaN is no threshold for
// rescan --threshold or the config's threshold either (NaN compares false
// with both bounds, so it passed their range checks and flagged nothing).
func TestMatchConformanceThresholdNaNElsewhere(t *testing.T) {
	if code, _, stderr := runCmd(t, nil, "rescan", "--data", t.TempDir(), "--threshold", "NaN"); code != 2 || !strings.Contains(stderr, "threshold") {
		t.Errorf("rescan --threshold NaN: exit %d, stderr %q; want 2 naming the flag", code, stderr)
	}
	cfg := filepath.Join(t.TempDir(), "precwatch.yml")
	writeFile(t, cfg, "threshold: .nan\ntargets:\n  - name: shop\n    platform: Shop\n    start_urls: [\"https://shop.example/\"]\n")
	if code, stdout, stderr := runCmd(t, nil, "config", "check", cfg); code != 1 || !strings.Contains(stdout+stderr, "threshold") {
		t.Errorf("config check (threshold: .nan): exit %d, output %q %q; want 1 naming threshold", code, stdout, stderr)
	}
}
