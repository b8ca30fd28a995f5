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
)

func runMatchCmd(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	e := &Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb, Getenv: func(string) string { return "" }}
	code := Run(context.Background(), e, append([]string{"match"}, args...))
	return code, out.String(), errb.String()
}

func decodeMatches(t *testing.T, out string) []precwatch.Match {
	t.Helper()
	var ms []precwatch.Match
	for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if line == "" {
			continue
		}
		var m precwatch.Match
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("output line %q: %v", line, err)
		}
		ms = append(ms, m)
	}
	return ms
}

func TestMatchJSONL(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "listings.jsonl")
	writeFile(t, in, `{"id":"a","url":"https://shop.example/a","title":"BMK glycidate CAS 5449-12-7","description":"99% powder, wickr: chemking"}
{"id":"broken", "title":
{"id":"b","url":"https://shop.example/b","title":"Diet tea","description":"100% ephedrine-free, natural"}

{"id":"c","title":"Acetone 1L","description":"nail polish remover","price":"5 EUR"}
`)
	code, stdout, stderr := runMatchCmd(t, "", in)
	if code != 1 {
		t.Errorf("match %s exit = %d, want 1 (malformed line)", in, code)
	}
	if !strings.Contains(stderr, in+":2: ") {
		t.Errorf("stderr %q does not name %s:2", stderr, in)
	}
	ms := decodeMatches(t, stdout)
	var ids []string
	for _, m := range ms {
		ids = append(ids, m.ID)
	}
	if strings.Join(ids, ",") != "a,b,c" {
		t.Fatalf("output ids = %v, want a,b,c in input order", ids)
	}
	a := ms[0]
	if !a.Suspicious || len(a.Substances) != 1 || a.Substances[0].CAS != "25547-51-7" {
		t.Errorf("listing a = %+v, want suspicious BMK glycidic acid 25547-51-7", a)
	}
	// Offsets are byte offsets into the original field.
	title := "BMK glycidate CAS 5449-12-7"
	for _, h := range a.Substances[0].Hits {
		if h.Field == "title" && title[h.Start:h.End] != h.Term && h.Kind != "cas" {
			t.Errorf("hit %+v: title[%d:%d] = %q", h, h.Start, h.End, title[h.Start:h.End])
		}
		if h.Kind == "cas" && title[h.Start:h.End] != "5449-12-7" {
			t.Errorf("cas hit %+v: title[%d:%d] = %q, want 5449-12-7", h, h.Start, h.End, title[h.Start:h.End])
		}
	}
	if len(a.Observables) == 0 || a.Observables[0] != (precwatch.Observable{Type: "wickr", Value: "chemking"}) {
		t.Errorf("listing a observables = %v, want wickr chemking", a.Observables)
	}
	if ms[1].Suspicious || ms[1].Offered() {
		t.Errorf("listing b (ephedrine-free) = %+v, want nothing offered", ms[1])
	}
	if ms[2].Suspicious || len(ms[2].Substances) != 1 || ms[2].Substances[0].CAS != "67-64-1" {
		t.Errorf("listing c (acetone retail) = %+v, want acetone hit, not suspicious", ms[2])
	}
}

func TestMatchDocumentsAndStdin(t *testing.T) {
	dir := t.TempDir()
	page := filepath.Join(dir, "page.html")
	writeFile(t, page, `<html><head><title>Shop</title><script>var x = "ephedrine";</script></head>
<body><h1>Pseudoephedrine HCl powder</h1><p>Telegram: @chem_dealer &ndash; BTC only</p></body></html>`)
	latin1 := filepath.Join(dir, "latin1.txt")
	if err := os.WriteFile(latin1, []byte("Ephedrin \xfc\xff\xfe Pulver 99%\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runMatchCmd(t, "", "--format", "jsonl", page, latin1)
	if code != 0 {
		t.Fatalf("match %s %s exit = %d, stderr %q", page, latin1, code, stderr)
	}
	ms := decodeMatches(t, stdout)
	if len(ms) != 2 || ms[0].ID != page || ms[1].ID != latin1 {
		t.Fatalf("match documents = %+v, want one result per file in order", ms)
	}
	if !ms[0].Suspicious || ms[0].Substances[0].ID != "pseudoephedrine" {
		t.Errorf("html page = %+v, want suspicious pseudoephedrine", ms[0])
	}
	for _, s := range ms[0].Substances {
		if s.ID == "ephedrine" {
			t.Errorf("html page: ephedrine from <script> must not count: %+v", s)
		}
	}
	if len(ms[1].Substances) != 1 || ms[1].Substances[0].ID != "ephedrine" {
		t.Errorf("non-UTF-8 text = %+v, want ephedrine", ms[1])
	}

	// Stdin, sniffed as JSONL, and the text format.
	code, stdout, _ = runMatchCmd(t, `{"id":"s1","title":"Red phosphorus 1kg","description":"stealth shipping, no questions asked"}`+"\n", "--format", "text")
	if code != 0 || !strings.HasPrefix(stdout, "s1\t") || !strings.Contains(stdout, "SUSPICIOUS") || !strings.Contains(stdout, "indicator stealth-packaging") {
		t.Errorf("stdin text format: exit %d, stdout:\n%s", code, stdout)
	}
	// Stdin as a plain document.
	code, stdout, _ = runMatchCmd(t, "Acetic anhydride 200 L drum, discreet packaging", "--input", "text")
	if ms := decodeMatches(t, stdout); code != 0 || len(ms) != 1 || !ms[0].Suspicious {
		t.Errorf("stdin document: exit %d, stdout %s", code, stdout)
	}
}

func TestMatchFlags(t *testing.T) {
	if code, _, stderr := runMatchCmd(t, "", "--help"); code != 0 || !strings.Contains(stderr, "--threshold") {
		t.Errorf("match --help = %d, %q", code, stderr)
	}
	if code, _, _ := runMatchCmd(t, "", "--format", "xml"); code != 2 {
		t.Errorf("match --format xml = %d, want 2", code)
	}
	listing := `{"id":"t","title":"Toluene 200L drum","description":"safe delivery, telegram @solv_shop"}` + "\n"
	_, stdout, _ := runMatchCmd(t, listing)
	low := decodeMatches(t, stdout)
	_, stdout, _ = runMatchCmd(t, listing, "--threshold", "0.99")
	high := decodeMatches(t, stdout)
	if len(low) != 1 || len(high) != 1 || !low[0].Suspicious || high[0].Suspicious || low[0].Score != high[0].Score {
		t.Errorf("threshold 0.5 vs 0.99: %+v / %+v; want same score, suspicious only at 0.5", low, high)
	}

	// Extra watchlist, and a bad one.
	dir := t.TempDir()
	extra := filepath.Join(dir, "extra.yaml")
	writeFile(t, extra, `version: 1
substances:
  - id: test-zorbanol
    name: Zorbanol
    list: table-I
    cas: "50-00-0"
    synonyms: [zorbanol]
`)
	code, stdout, stderr := runMatchCmd(t, `{"id":"z","title":"Zorbanol 1kg"}`+"\n", "--watchlist", extra)
	if ms := decodeMatches(t, stdout); code != 0 || len(ms) != 1 || len(ms[0].Substances) != 1 || ms[0].Substances[0].ID != "test-zorbanol" {
		t.Errorf("extra watchlist: exit %d, stdout %s, stderr %s", code, stdout, stderr)
	}
	bad := filepath.Join(dir, "bad.yaml")
	writeFile(t, bad, "version: 1\nsubstances:\n  - id: x\n    name: X\n    list: table-I\n    colour: red\n")
	code, _, stderr = runMatchCmd(t, "", "--watchlist", bad)
	if code != 1 || !strings.Contains(stderr, bad+":6: substances[0].colour: unknown field") {
		t.Errorf("bad watchlist: exit %d, stderr %q", code, stderr)
	}
}

// TestMatchJSONShapes: listings written by other tools — numbers, null and
// objects for string fields, attributes of any type, a JSON array, pretty-
// printed objects in a .json file, a byte-order mark — are read as the text
// they stand for, not skipped.
func TestMatchJSONShapes(t *testing.T) {
	dir := t.TempDir()
	lenient := filepath.Join(dir, "export.jsonl")
	writeFile(t, lenient, "\ufeff"+`{"id":101,"platform":"ChemHub","url":null,"title":"White powder","description":"Wickr: labchem","price":{"amount":950,"currency":"USD"},"seller":{"name":"labchem","id":7},"location":["CN","Hebei"],"attributes":{"CAS":"5449-12-7","purity":99.5,"in_stock":true}}
{"id":102,"title":"Solvent","attributes":[{"name":"CAS No","value":"67-64-1"},{"name":"Pack","value":"1 L"}]}
{"id":"103","title":["AA", "batteries"],"label":{"suspicious":true,"cas":["103-79-7"],"note":"ephedrine BMK P2P"}}
`)
	code, stdout, stderr := runMatchCmd(t, "", lenient)
	if code != 0 {
		t.Fatalf("match %s exit = %d, stderr %q", lenient, code, stderr)
	}
	ms := decodeMatches(t, stdout)
	if len(ms) != 3 || ms[0].ID != "101" || ms[1].ID != "102" || ms[2].ID != "103" {
		t.Fatalf("match %s = %+v, want results 101, 102, 103", lenient, ms)
	}
	if !ms[0].Suspicious || len(ms[0].Substances) != 1 || ms[0].Substances[0].CAS != "25547-51-7" {
		t.Errorf("101 (CAS only in a number-typed attribute set) = %+v, want suspicious BMK glycidic acid", ms[0])
	}
	if len(ms[1].Substances) != 1 || ms[1].Substances[0].CAS != "67-64-1" {
		t.Errorf("102 (attributes as name/value pairs) = %+v, want acetone", ms[1])
	}
	if ms[2].Offered() || ms[2].Suspicious {
		t.Errorf("103: fields the contract does not name (label) must not be read as text: %+v", ms[2])
	}

	array := filepath.Join(dir, "listings.json")
	writeFile(t, array, `[
  {"id": 1, "title": "Pseudoephedrine HCl powder 1 kg", "description": "Telegram @chemdirect"},
  {"id": 2, "title": "Diet tea", "description": "ephedrine-free"},
  "not a listing",
  {"id": 3, "title": "Safrole oil 5 L"}
]`)
	pretty := filepath.Join(dir, "pretty.json")
	writeFile(t, pretty, "{\n  \"id\": \"p1\",\n  \"title\": \"Red phosphorus 500 g\",\n  \"description\": \"no questions asked\"\n}\n{\n  \"id\": \"p2\",\n  \"title\": \"Ballpoint pen\"\n}\n")
	code, stdout, stderr = runMatchCmd(t, "", array, pretty)
	if code != 1 || !strings.Contains(stderr, array+": listing 3: ") {
		t.Errorf("match %s %s: exit %d, stderr %q; want exit 1 naming listing 3", array, pretty, code, stderr)
	}
	var ids []string
	for _, m := range decodeMatches(t, stdout) {
		ids = append(ids, m.ID)
		if want := m.ID == "1" || m.ID == "3" || m.ID == "p1"; m.Suspicious != want {
			t.Errorf("listing %s suspicious = %v, want %v", m.ID, m.Suspicious, want)
		}
	}
	if got := strings.Join(ids, ","); got != "1,2,3,p1,p2" {
		t.Errorf("ids = %s, want 1,2,3,p1,p2 (array and pretty-printed objects, in order)", got)
	}

	// Stdin holding a JSON array is sniffed as listings too.
	code, stdout, _ = runMatchCmd(t, `[{"id":"s","title":"Acetic anhydride 200 L drum","description":"discreet packaging"}]`)
	if ms := decodeMatches(t, stdout); code != 0 || len(ms) != 1 || ms[0].ID != "s" || !ms[0].Suspicious {
		t.Errorf("stdin array: exit %d, stdout %s", code, stdout)
	}
}
