package main

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"mime/quotedprintable"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	stdunicode "unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"github.com/precwatch/precwatch"
	"github.com/precwatch/precwatch/matchers"
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
	// Stdin holding an HTML page is read as the page it shows.
	code, stdout, _ = runMatchCmd(t, `<!DOCTYPE html><html><body><nav><a href="/">Safrole</a></nav><h1>Acetic anhydride 200 L drum</h1><p>discreet packaging</p></body></html>`)
	if ms := decodeDocumentLines(t, stdout); code != 0 || len(ms) != 1 || !ms[0].Suspicious || ms[0].Listing == nil || ms[0].Listing.Title != "Acetic anhydride 200 L drum" || len(ms[0].Substances) != 1 {
		t.Errorf("stdin HTML: exit %d, stdout %s", code, stdout)
	}
	// Stdin as a plain document.
	code, stdout, _ = runMatchCmd(t, "Acetic anhydride 200 L drum, discreet packaging", "--input", "text")
	if ms := decodeMatches(t, stdout); code != 0 || len(ms) != 1 || !ms[0].Suspicious {
		t.Errorf("stdin document: exit %d, stdout %s", code, stdout)
	}
}

func TestMatchFlags(t *testing.T) {
	if code, stdout, _ := runMatchCmd(t, "", "--help"); code != 0 || !strings.Contains(stdout, "--threshold") {
		t.Errorf("match --help = %d, stdout %q", code, stdout)
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
	if code != 1 || !strings.Contains(stderr, array+":4: listing 3: ") {
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

// documentLine is an output line of a document: the match and the listing
// its hits point into.
type documentLine struct {
	precwatch.Match
	Listing *precwatch.Listing `json:"listing"`
}

func decodeDocumentLines(t *testing.T, out string) []documentLine {
	t.Helper()
	var ds []documentLine
	for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if line == "" {
			continue
		}
		var d documentLine
		if err := json.Unmarshal([]byte(line), &d); err != nil {
			t.Fatalf("output line %q: %v", line, err)
		}
		ds = append(ds, d)
	}
	return ds
}

// fieldText is the text of a listing field as hits name it.
func fieldText(l *precwatch.Listing, field string) (string, bool) {
	switch field {
	case precwatch.FieldTitle:
		return l.Title, true
	case precwatch.FieldDescription:
		return l.Description, true
	case precwatch.FieldPrice:
		return l.Price, true
	case precwatch.FieldSeller:
		return l.Seller, true
	case precwatch.FieldLocation:
		return l.Location, true
	}
	if k, ok := strings.CutPrefix(field, "attributes."); ok {
		v, ok := l.Attributes[k]
		return v, ok
	}
	return "", false
}

// checkDocumentOffsets: every hit of a document result points into the
// text of the field it names, in the listing the result reports.
func checkDocumentOffsets(t *testing.T, d documentLine) {
	t.Helper()
	if d.Listing == nil {
		t.Errorf("%s: document result without its listing", d.ID)
		return
	}
	for _, s := range d.Substances {
		for _, h := range s.Hits {
			text, ok := fieldText(d.Listing, h.Field)
			if !ok || h.Start < 0 || h.End > len(text) || h.Start >= h.End {
				t.Errorf("%s: hit %+v outside field %q (%d bytes)", d.ID, h, h.Field, len(text))
				continue
			}
			got := text[h.Start:h.End]
			if !utf8.ValidString(got) {
				t.Errorf("%s: hit %+v splits a character: %q", d.ID, h, got)
			}
			if h.Kind == precwatch.HitCAS && strings.Map(keepDigits, got) != strings.Map(keepDigits, h.Term) {
				t.Errorf("%s: CAS hit %+v reads %q in %s", d.ID, h, got, h.Field)
			}
		}
	}
}

// keepDigits keeps decimal digits, those of other scripts (Persian ۶۷,
// Devanagari ६७) as their ASCII digit: a CAS number written in them is
// read as one. Unicode puts each script's digits zero to nine in a row.
func keepDigits(r rune) rune {
	if r >= '0' && r <= '9' {
		return r
	}
	if r < 0x80 || !stdunicode.Is(stdunicode.Nd, r) {
		return -1
	}
	d := 0
	for d < 9 && stdunicode.Is(stdunicode.Nd, r-rune(d)-1) {
		d++
	}
	return '0' + rune(d%10)
}

type documentLabel struct {
	Suspicious bool     `json:"suspicious"`
	CAS        []string `json:"cas"`
	Category   string   `json:"category"`
	Lang       string   `json:"lang"`
	Note       string   `json:"note"`
	// MatcherGap says why the matcher gets this document wrong although
	// the listing read from it is right; such documents are measured but
	// left out of the thresholds, which measure the document reader.
	MatcherGap string `json:"matcher_gap"`
}

// TestMatchDocumentsLabelled runs `precwatch match` over the labelled saved
// pages and text files of testdata/documents and measures precision and
// recall of the suspicious verdict and of the CAS sets (see its README),
// and that every hit points into the listing the result reports.
func TestMatchDocumentsLabelled(t *testing.T) {
	dir := filepath.Join("..", "..", "testdata", "documents")
	raw, err := os.ReadFile(filepath.Join(dir, "labels.json"))
	if err != nil {
		t.Fatal(err)
	}
	var labels map[string]documentLabel
	if err := json.Unmarshal(raw, &labels); err != nil {
		t.Fatalf("labels.json: %v", err)
	}
	names := make([]string, 0, len(labels))
	for name := range labels {
		names = append(names, name)
	}
	slices.Sort(names)
	args := []string{"--format", "jsonl"}
	for _, name := range names {
		args = append(args, filepath.Join(dir, name))
	}
	code, stdout, stderr := runMatchCmd(t, "", args...)
	if code != 0 {
		t.Fatalf("match exit %d, stderr %s", code, stderr)
	}
	results := decodeDocumentLines(t, stdout)
	if len(results) != len(names) {
		t.Fatalf("%d results for %d documents", len(results), len(names))
	}
	type counts struct{ tp, fp, fn, ctp, cfp, cfn, right, n int }
	var all, reader counts
	for i, d := range results {
		name := names[i]
		if d.ID != filepath.Join(dir, name) {
			t.Fatalf("result %d has id %q, want %q (input order)", i, d.ID, filepath.Join(dir, name))
		}
		checkDocumentOffsets(t, d)
		want := labels[name]
		var c counts
		c.n = 1
		switch {
		case d.Suspicious && want.Suspicious:
			c.tp++
		case d.Suspicious:
			c.fp++
		case want.Suspicious:
			c.fn++
		}
		got := map[string]bool{}
		for _, s := range d.Substances {
			if !s.Negated && s.CAS != "" {
				got[s.CAS] = true
			}
		}
		var extra, missing []string
		for _, cas := range want.CAS {
			if got[cas] {
				c.ctp++
				delete(got, cas)
			} else {
				c.cfn++
				missing = append(missing, cas)
			}
		}
		for cas := range got {
			c.cfp++
			extra = append(extra, cas)
		}
		ok := d.Suspicious == want.Suspicious && len(extra) == 0 && len(missing) == 0
		if ok {
			c.right++
		}
		add := func(dst *counts) {
			dst.tp += c.tp
			dst.fp += c.fp
			dst.fn += c.fn
			dst.ctp += c.ctp
			dst.cfp += c.cfp
			dst.cfn += c.cfn
			dst.right += c.right
			dst.n += c.n
		}
		add(&all)
		if want.MatcherGap == "" {
			add(&reader)
		} else if ok {
			t.Logf("%s is right now: remove its matcher_gap from labels.json", name)
		}
		if ok {
			continue
		}
		slices.Sort(extra)
		gap := ""
		if want.MatcherGap != "" {
			gap = " [matcher gap: " + want.MatcherGap + "]"
		}
		t.Logf("wrong: %s (%s, %s): suspicious %v want %v (score %.2f), CAS extra %v missing %v; %s%s",
			name, want.Category, want.Lang, d.Suspicious, want.Suspicious, d.Score, extra, missing, want.Note, gap)
	}
	ratio := func(a, b int) float64 {
		if b == 0 {
			return 1
		}
		return float64(a) / float64(b)
	}
	report := func(what string, c counts) (sp, sr, cp, cr float64) {
		sp, sr = ratio(c.tp, c.tp+c.fp), ratio(c.tp, c.tp+c.fn)
		cp, cr = ratio(c.ctp, c.ctp+c.cfp), ratio(c.ctp, c.ctp+c.cfn)
		t.Logf("%s: %d documents, %d fully right; suspicious precision %.3f (%d/%d) recall %.3f (%d/%d); CAS precision %.3f (%d/%d) recall %.3f (%d/%d)",
			what, c.n, c.right, sp, c.tp, c.tp+c.fp, sr, c.tp, c.tp+c.fn, cp, c.ctp, c.ctp+c.cfp, cr, c.ctp, c.ctp+c.cfn)
		return sp, sr, cp, cr
	}
	report("all documents", all)
	sp, sr, cp, cr := report("without matcher gaps", reader)
	for _, m := range []struct {
		name string
		v    float64
	}{{"suspicious precision", sp}, {"suspicious recall", sr}, {"CAS precision", cp}, {"CAS recall", cr}} {
		if m.v < 0.97 {
			t.Errorf("%s %.3f < 0.97", m.name, m.v)
		}
	}
}

// TestMatchDocumentBoilerplate: a harmless page does not become suspicious
// because its sidebar, menu, related products or hidden text name a
// precursor; the same page offering the precursor in its main content is.
func TestMatchDocumentBoilerplate(t *testing.T) {
	dir := t.TempDir()
	page := func(main string) string {
		return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Shop</title>
<meta name="keywords" content="ephedrine, bmk glycidate"></head><body>
<header><nav class="main-nav"><ul><li><a href="/c/1">Ephedrine hydrochloride</a></li><li><a href="/c/2">BMK glycidate 5449-12-7</a></li></ul></nav></header>
<div class="container"><aside class="sidebar"><h3>Categories</h3><ul><li><a href="/1">Pseudoephedrine series</a></li><li><a href="/2">Safrole oil</a></li></ul></aside>
<main><div class="product-detail">` + main + `</div>
<section class="related-products"><h2>Customers also viewed</h2><ul><li><a href="/r/1">PMK ethyl glycidate 28578-16-7</a></li><li><a href="/r/2">Red phosphorus, discreet shipping</a></li></ul></section></main></div>
<div class="seo-block" style="display:none">buy ephedrine online wickr</div>
<footer><div class="links"><a href="/hot/1">Hot: 4-AP</a> <a href="/hot/2">ANPP</a></div><p>&copy; Shop</p></footer></body></html>`
	}
	harmless := filepath.Join(dir, "teapot.html")
	writeFile(t, harmless, page(`<h1>Ceramic teapot 1 L</h1><p>Hand-made ceramic teapot, dishwasher safe.</p>`))
	offer := filepath.Join(dir, "offer.html")
	writeFile(t, offer, page(`<h1>BMK glycidate 5449-12-7, 1 kg</h1><p>Stock in NL, delivery 3 days.</p>`))
	code, stdout, stderr := runMatchCmd(t, "", harmless, offer)
	if code != 0 {
		t.Fatalf("match exit %d, stderr %s", code, stderr)
	}
	ds := decodeDocumentLines(t, stdout)
	if len(ds) != 2 {
		t.Fatalf("match %s %s = %d results, want 2", harmless, offer, len(ds))
	}
	if ds[0].Suspicious || len(ds[0].Substances) != 0 {
		t.Errorf("%s (teapot, precursors only in boilerplate) = %+v, want no substance", harmless, ds[0].Match)
	}
	if ds[0].Listing == nil || ds[0].Listing.Title != "Ceramic teapot 1 L" || strings.Contains(ds[0].Listing.Description, "phedrine") {
		t.Errorf("%s listing = %+v, want title from <h1> and no boilerplate", harmless, ds[0].Listing)
	}
	if !ds[1].Suspicious || len(ds[1].Substances) != 1 || ds[1].Substances[0].CAS != "25547-51-7" {
		t.Errorf("%s (BMK glycidate offered) = %+v, want suspicious 25547-51-7 only", offer, ds[1].Match)
	}
	checkDocumentOffsets(t, ds[1])
}

// TestMatchDocumentCharsets: pages and text files in legacy charsets are
// decoded before matching, declared or not; a stale declaration does not
// garble UTF-8 bytes; output text is UTF-8.
func TestMatchDocumentCharsets(t *testing.T) {
	dir := t.TempDir()
	enc := func(e encoding.Encoding, s string) []byte {
		b, err := e.NewEncoder().Bytes([]byte(s))
		if err != nil {
			t.Fatalf("encode %q: %v", s, err)
		}
		return b
	}
	utf16le := append([]byte{0xff, 0xfe}, enc(unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), "Pseudoephedrine HCl 1 kg, Wickr: x")...)
	cases := []struct {
		file string
		data []byte
		want string // substance id
	}{
		{"cp1251.html", enc(charmap.Windows1251, `<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"></head><body><h1>Эфедрина гидрохлорид 1 кг</h1></body></html>`), "ephedrine"},
		{"sjis.html", enc(japanese.ShiftJIS, `<html><head><meta charset="Shift_JIS"></head><body><h1>無水酢酸 500ml</h1></body></html>`), "acetic-anhydride"},
		{"gbk.html", enc(simplifiedchinese.GBK, `<html><head><meta charset="gbk"></head><body><h1>伪麻黄碱 1公斤</h1></body></html>`), "pseudoephedrine"},
		{"stale.html", []byte(`<html><head><meta charset="windows-1251"></head><body><h1>Уксусный ангидрид 30 л</h1></body></html>`), "acetic-anhydride"},
		{"undeclared-cp1251.txt", enc(charmap.Windows1251, "Красный фосфор 500 г, анонимная упаковка"), "red-phosphorus"},
		{"undeclared-koi8r.txt", enc(charmap.KOI8R, "Продаю эфедрин, 100 грамм, пишите в телеграм"), "ephedrine"},
		{"undeclared-gbk.txt", enc(simplifiedchinese.GBK, "出售伪麻黄碱，一公斤，微信联系"), "pseudoephedrine"},
		{"undeclared-sjis.txt", enc(japanese.ShiftJIS, "プソイドエフェドリン 1kg を販売します。"), "pseudoephedrine"},
		{"latin1.txt", enc(charmap.Windows1252, "Éphédrine en poudre, 1 kg, livraison discrète à Genève"), "ephedrine"},
		{"utf16.txt", utf16le, "pseudoephedrine"},
	}
	var args []string
	for _, c := range cases {
		p := filepath.Join(dir, c.file)
		if err := os.WriteFile(p, c.data, 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, p)
	}
	code, stdout, stderr := runMatchCmd(t, "", args...)
	if code != 0 {
		t.Fatalf("match exit %d, stderr %s", code, stderr)
	}
	ds := decodeDocumentLines(t, stdout)
	if len(ds) != len(cases) {
		t.Fatalf("%d results for %d files", len(ds), len(cases))
	}
	for i, c := range cases {
		d := ds[i]
		var ids []string
		for _, s := range d.Substances {
			ids = append(ids, s.ID)
		}
		if !slices.Contains(ids, c.want) {
			t.Errorf("%s: substances %v, want %s; listing %+v", c.file, ids, c.want, d.Listing)
		}
		if d.Listing != nil && (!utf8.ValidString(d.Listing.Description) || strings.ContainsRune(d.Listing.Description, utf8.RuneError)) {
			t.Errorf("%s: description %q is not cleanly decoded", c.file, d.Listing.Description)
		}
		checkDocumentOffsets(t, d)
	}
}

// TestMatchDocumentMalformed: broken, binary and huge-nesting documents are
// matched (one result each), never crash the command.
func TestMatchDocumentMalformed(t *testing.T) {
	dir := t.TempDir()
	files := map[string][]byte{
		"deep.html":   []byte("<html><body><h1>Pseudoephedrine HCl 5 kg</h1>" + strings.Repeat("<div><span>", 3000) + "<p>Telegram @x"),
		"binary.html": {0x3c, 0x68, 0x74, 0x6d, 0x6c, 0x3e, 0x00, 0xff, 0xfe, 0x80, 0x81, 0x3c, 0x2f},
		"broken.htm":  []byte(`<html><head><title>Ephedrine<body><table><tr><td>1 kg<td><a href=x>contact</table></div></div></span><p class="x`),
		"empty.html":  {},
		"nul.txt":     []byte("Ephedrine\x00\x01\x02 1 kg \xff"),
	}
	var args []string
	for _, name := range []string{"binary.html", "broken.htm", "deep.html", "empty.html", "nul.txt"} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, files[name], 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, p)
	}
	code, stdout, stderr := runMatchCmd(t, "", args...)
	if code != 0 {
		t.Fatalf("match exit %d, stderr %s", code, stderr)
	}
	ds := decodeDocumentLines(t, stdout)
	if len(ds) != len(args) {
		t.Fatalf("%d results for %d files: %s", len(ds), len(args), stdout)
	}
	if !ds[2].Suspicious || !strings.Contains(ds[2].Listing.Description, "Telegram @x") {
		t.Errorf("deep.html = %+v, listing %+v; want suspicious pseudoephedrine with all text", ds[2].Match, ds[2].Listing)
	}
	for _, d := range ds {
		checkDocumentOffsets(t, d)
	}
}

// TestMatchDocumentClientRendered: a client-rendered page saved without its
// rendering is matched on its embedded state, and the hits point into the
// description that reports it.
func TestMatchDocumentClientRendered(t *testing.T) {
	dir := t.TempDir()
	page := filepath.Join(dir, "spa.html")
	writeFile(t, page, `<!DOCTYPE html><html><head><title>Shop</title><link rel="canonical" href="https://spa.example/p/9"></head><body><div id="root"></div>
<script>window.__PRELOADED_STATE__ = {"product":{"title":"BMK glycidate 5449-12-7, 1 kg","description":"Stock in NL, Wickr: bmkspa"},"recommendations":[{"title":"Ephedrine HCl"}]};</script></body></html>`)
	code, stdout, stderr := runMatchCmd(t, "", page)
	if code != 0 {
		t.Fatalf("match %s exit %d, stderr %s", page, code, stderr)
	}
	ds := decodeDocumentLines(t, stdout)
	if len(ds) != 1 || !ds[0].Suspicious || ds[0].URL != "https://spa.example/p/9" {
		t.Fatalf("match %s = %+v, want suspicious with the canonical URL", page, ds)
	}
	for _, s := range ds[0].Substances {
		if s.ID == "ephedrine" {
			t.Errorf("%s: ephedrine from the state's recommendations counted: %+v", page, s)
		}
	}
	checkDocumentOffsets(t, ds[0])
}

// TestMatchDocumentMHTML: a page saved by Chrome as a single file (MHTML,
// quoted-printable with soft line breaks inside words) is read as the page
// it holds, with its description frame and without its advertising frame.
func TestMatchDocumentMHTML(t *testing.T) {
	qp := func(s string) string {
		var b bytes.Buffer
		w := quotedprintable.NewWriter(&b)
		w.Write([]byte(s))
		w.Close()
		return b.String()
	}
	page := `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Lot 4411 | AuctionBay</title></head><body>
<nav><a href="/c">Ephedrine tablets</a><a href="/d">Pseudoephedrine</a></nav>
<main><h1 class="x-item-title">Sodium 2-methyl-3-phenyloxirane-2-carboxylate, 1 kg lot, lab clearance</h1>
<iframe id="desc_ifr" src="https://itm.auctionbay-desc.example/4411"></iframe>
<iframe src="https://ad.doubleclick.net/x"></iframe></main></body></html>`
	desc := `<html><body><div id="ds_div"><p>Sealed tin, shipped discreetly, Telegram @labclear</p></div></body></html>`
	ad := `<html><body><p>Buy red phosphorus cheap!</p></body></html>`
	archive := "From: <Saved by Blink>\r\nSnapshot-Content-Location: https://www.auctionbay.example/itm/4411\r\nSubject: Lot 4411\r\nMIME-Version: 1.0\r\n" +
		"Content-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"----MultipartBoundary--abc----\"\r\n\r\n\r\n" +
		"------MultipartBoundary--abc----\r\nContent-Type: text/html\r\nContent-ID: <frame-1@mhtml.blink>\r\nContent-Transfer-Encoding: quoted-printable\r\nContent-Location: https://www.auctionbay.example/itm/4411\r\n\r\n" + qp(page) + "\r\n" +
		"------MultipartBoundary--abc----\r\nContent-Type: text/css\r\nContent-Transfer-Encoding: quoted-printable\r\nContent-Location: https://www.auctionbay.example/s.css\r\n\r\nbody{color:red}\r\n" +
		"------MultipartBoundary--abc----\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: base64\r\nContent-Location: https://itm.auctionbay-desc.example/4411\r\n\r\n" + base64.StdEncoding.EncodeToString([]byte(desc)) + "\r\n" +
		"------MultipartBoundary--abc----\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\nContent-Location: https://ad.doubleclick.net/x\r\n\r\n" + qp(ad) + "\r\n" +
		"------MultipartBoundary--abc------\r\n"
	if !strings.Contains(archive, "=\r\n") {
		t.Fatal("test archive has no soft line break; make the page longer")
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "lot.mhtml")
	writeFile(t, file, archive)
	code, stdout, stderr := runMatchCmd(t, "", file)
	if code != 0 {
		t.Fatalf("match %s exit %d, stderr %s", file, code, stderr)
	}
	ds := decodeDocumentLines(t, stdout)
	if len(ds) != 1 {
		t.Fatalf("match %s: %d results", file, len(ds))
	}
	d := ds[0]
	if !d.Suspicious || d.URL != "https://www.auctionbay.example/itm/4411" || len(d.Substances) != 1 || d.Substances[0].CAS != "25547-51-7" {
		t.Errorf("match %s = %+v, want suspicious BMK glycidic acid at the saved URL", file, d.Match)
	}
	if !strings.Contains(d.Listing.Description, "Telegram @labclear") || strings.Contains(d.Listing.Description, "red phosphorus") {
		t.Errorf("%s description %q: want the description frame, not the ad frame", file, d.Listing.Description)
	}
	checkDocumentOffsets(t, d)
}

// TestMatchDocumentStructuredData: schema.org data of the page's product
// fills price, seller and location; a microdata Product that is only a
// related-products card does not become the listing.
func TestMatchDocumentStructuredData(t *testing.T) {
	dir := t.TempDir()
	own := filepath.Join(dir, "own.html")
	writeFile(t, own, `<html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Acetone 1 L","description":"Shipped in neutral packaging, Wickr: solv","offers":{"@type":"Offer","price":"9.50","priceCurrency":"EUR","seller":{"@type":"Organization","name":"SolvShop"}}}</script></head>
<body><h1>Acetone 1 L</h1><p>Nail polish remover.</p></body></html>`)
	card := filepath.Join(dir, "card.html")
	writeFile(t, card, `<html><body><h1>Ceramic teapot</h1><p>`+strings.Repeat("Hand-made ceramic teapot, 1 litre, dishwasher safe. ", 5)+`</p>
<section class="related-products"><h2>Related products</h2><ul>
<li itemscope itemtype="https://schema.org/Product"><a href="/p/1"><span itemprop="name">Pseudoephedrine HCl 1 kg</span></a><meta itemprop="description" content="Telegram @pse, discreet"></li>
<li><a href="/p/2">Kettle</a></li></ul></section></body></html>`)
	code, stdout, stderr := runMatchCmd(t, "", own, card)
	if code != 0 {
		t.Fatalf("match exit %d, stderr %s", code, stderr)
	}
	ds := decodeDocumentLines(t, stdout)
	if len(ds) != 2 {
		t.Fatalf("%d results", len(ds))
	}
	if l := ds[0].Listing; l.Price != "9.50 EUR" || l.Seller != "SolvShop" || !strings.Contains(l.Description, "Wickr: solv") || !ds[0].Suspicious {
		t.Errorf("%s: listing %+v, match %+v; want price, seller and the JSON-LD description (not shown on the page), suspicious", own, l, ds[0].Match)
	}
	if ds[1].Listing.Title != "Ceramic teapot" || len(ds[1].Substances) != 0 {
		t.Errorf("%s: listing %+v, substances %+v; the related card's microdata must not become the listing", card, ds[1].Listing, ds[1].Substances)
	}
}

// mhtmlSeed is a web archive with the given boundary line, part headers and
// bodies, for fuzzing the archive reader with broken ones.
func mhtmlSeed(boundary string, parts ...string) string {
	s := "From: <Saved by Blink>\r\nSnapshot-Content-Location: https://shop.example/p/1\r\nMIME-Version: 1.0\r\n" +
		"Content-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"" + boundary + "\"\r\n\r\n"
	for _, p := range parts {
		s += "--" + boundary + "\r\n" + p + "\r\n"
	}
	return s + "--" + boundary + "--\r\n"
}

// FuzzDocumentListing: whatever the bytes of a saved page, web archive or
// text file, documentListing does not panic, returns the same listing for
// the same input, with every field valid UTF-8, and every hit the matcher
// finds in it points into the field it names, on character boundaries.
func FuzzDocumentListing(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "documents", "*.*"))
	for _, name := range files {
		if b, err := os.ReadFile(name); err == nil && !strings.HasSuffix(name, ".json") && !strings.HasSuffix(name, ".md") {
			f.Add(b, uint8(0))
		}
	}
	html := `<html><head><meta charset="windows-1251"><title>Эфедрин</title></head><body><h1>Ephedrine HCl 1 kg</h1><p>Telegram @x</p></body></html>`
	for _, s := range []string{
		mhtmlSeed("b1", "Content-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"+strings.ReplaceAll(html, "=", "=3D"),
			"Content-Type: text/html; charset=windows-1251\r\nContent-Transfer-Encoding: base64\r\nContent-Location: https://frame.example/\r\n\r\n"+base64.StdEncoding.EncodeToString([]byte("<p>\xdd\xf4\xe5\xe4\xf0\xe8\xed</p>"))),
		mhtmlSeed("b2", "Content-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n<p>bad =ZZ escape =\r\nsoft =E2=82 cut"),
		mhtmlSeed("b3", "Content-Type: text/html\r\nContent-Transfer-Encoding: base64\r\n\r\nPGgxPkVwaGVk!!!cmluZTwvaDE+"),
		strings.TrimSuffix(mhtmlSeed("b4", "Content-Type: text/html\r\n\r\n<h1>never closed"), "--b4--\r\n"),
		mhtmlSeed("b5", "Content-Type: text/html; charset=utf-16\r\n\r\n\xff\xfe<\x00h\x001\x00>\x00"),
		"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"\"\r\n\r\n--\r\n",
		"MIME-Version: 1.0\r\nContent-Type: multipart/related\r\n\r\n<h1>no boundary</h1>",
		"\xef\xbb\xbf<h1>BOM then UTF-8: ацетон</h1>",
		"\xff\xfe<\x00h\x001\x00>\x00",
		`<meta charset="utf-8"><h1>` + "\xcf\xf1\xe5\xe2\xe4\xee\xfd\xf4\xe5\xe4\xf0\xe8\xed" + `</h1>`,
		`<meta http-equiv="Content-Type" content="text/html; charset=x-unknown"><h1>` + "\x8e\x9f\x00\xff" + `</h1>`,
		"Ephedrine\x00\x01\x02 1 kg \xff",
		"\x81\x40\x82\xa0 shift_jis or gbk? \xe3\x81",
	} {
		for kind := range uint8(4) {
			f.Add([]byte(s), kind)
		}
	}
	wl, err := matchers.LoadWatchlist()
	if err != nil {
		f.Fatal(err)
	}
	m, err := matchers.New(wl, matchers.Options{})
	if err != nil {
		f.Fatal(err)
	}
	names := []string{"doc.html", "doc.mhtml", "doc.txt", "doc"}
	f.Fuzz(func(t *testing.T, data []byte, kind uint8) {
		name := names[int(kind)%len(names)]
		l := documentListing(name, data)
		if again := documentListing(name, data); !reflect.DeepEqual(l, again) {
			t.Errorf("%s: not deterministic:\n%+v\n%+v", name, l, again)
		}
		fields := map[string]string{"id": l.ID, "url": l.URL, "title": l.Title, "description": l.Description,
			"platform": l.Platform, "price": l.Price, "seller": l.Seller, "location": l.Location}
		for k, v := range l.Attributes {
			fields["attributes."+k] = k + v
		}
		for field, s := range fields {
			if !utf8.ValidString(s) {
				t.Errorf("%s: %s is not valid UTF-8: %q", name, field, s)
			}
		}
		r := m.Match(&l)
		checkDocumentOffsets(t, documentLine{Match: r, Listing: &l})
	})
}

// BenchmarkDocumentListing reads documents as `precwatch match` does: a
// large saved page, the same page in a web archive (quoted-printable), a
// windows-1251 page that declares no charset (guessed) and a windows-1251
// text file. Their size is PRECWATCH_DOC_MB (default 2).
func BenchmarkDocumentListing(b *testing.B) {
	size := 2 << 20
	if v, err := strconv.Atoi(os.Getenv("PRECWATCH_DOC_MB")); err == nil && v > 0 {
		size = v << 20
	}
	read := func(name string) string {
		data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "documents", name))
		if err != nil {
			b.Fatal(err)
		}
		return string(data)
	}
	repeat := func(s string) string { return strings.Repeat(s, max(1, size/len(s))) }
	page := "<html><body>" + repeat(read("b2b-bmk-glycidate.html")) + "</body></html>"
	var qp bytes.Buffer
	w := quotedprintable.NewWriter(&qp)
	w.Write([]byte(page))
	w.Close()
	ru := read("ru-cp1251-ephedrine.html")
	ru = strings.Replace(ru, "charset=windows-1251", "", 1)
	cases := []struct {
		name, file, data string
	}{
		{"page", "page.html", page},
		{"mhtml", "page.mhtml", mhtmlSeed("b", "Content-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"+qp.String())},
		{"cp1251-page", "ru.html", "<html><body>" + repeat(ru) + "</body></html>"},
		{"cp1251-text", "ru.txt", repeat(read("txt-cp1251-red-phosphorus.txt"))},
	}
	for _, bc := range cases {
		b.Run(bc.name, func(b *testing.B) {
			data := []byte(bc.data)
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				documentListing(bc.file, data)
			}
		})
	}
}
