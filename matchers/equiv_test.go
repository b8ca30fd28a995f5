package matchers

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html/charset"

	"github.com/precwatch/precwatch"
)

// TestEquivalenceDump writes the JSON of Match for every listing of the
// labelled sets, the saved documents and the benchmark corpus (and
// transformed copies of the labelled listings) to the file named by
// PRECWATCH_EQUIV_OUT, one result a line, so that two builds of the matcher
// can be compared byte for byte (cmp old new). Speed work must leave this
// output unchanged. Without the variable the test is skipped.
func TestEquivalenceDump(t *testing.T) {
	out := os.Getenv("PRECWATCH_EQUIV_OUT")
	if out == "" {
		t.Skip("PRECWATCH_EQUIV_OUT not set")
	}
	m := testMatcher(t)
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	w := bufio.NewWriter(f)
	defer w.Flush()
	n := 0
	emit := func(src string, l *precwatch.Listing) {
		b, err := json.Marshal(m.Match(l))
		if err != nil {
			t.Fatalf("%s: %v", src, err)
		}
		w.WriteString(src)
		w.WriteByte('\t')
		w.Write(b)
		w.WriteByte('\n')
		n++
	}
	sets, _ := filepath.Glob(filepath.Join("..", "testdata", "*", "listings.jsonl"))
	for _, p := range sets {
		for _, h := range readLabelledSet(t, p) {
			l := h.Listing
			emit(p+"#"+l.ID, &l)
			for k, tr := range equivTransforms {
				v := l
				v.Title, v.Description = tr(l.Title), tr(l.Description)
				emit(p+"#"+l.ID+"/"+string(rune('a'+k)), &v)
			}
		}
	}
	docs, _ := filepath.Glob(filepath.Join("..", "testdata", "documents", "*.*"))
	for _, p := range docs {
		if strings.HasSuffix(p, ".json") || strings.HasSuffix(p, ".md") {
			continue
		}
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		raw := precwatch.Listing{ID: p, Description: string(data)}
		emit(p+"#raw", &raw)
		text := string(data)
		if enc, _, _ := charset.DetermineEncoding(data, ""); enc != nil {
			if d, err := enc.NewDecoder().Bytes(data); err == nil {
				text = string(d)
			}
		}
		l := precwatch.Listing{ID: p}
		if strings.HasSuffix(p, ".html") {
			d := ParseHTMLDocument([]byte(text))
			l.URL, l.Title, l.Platform, l.Description = d.URL, d.Title, d.SiteName, d.Text
			if d.ScriptText != "" {
				l.Description += "\n\n" + d.ScriptText
			}
		} else {
			l.Description = text
		}
		emit(p, &l)
	}
	ls, _ := genCorpus(16 << 20)
	for i := range ls {
		emit("bench#"+ls[i].ID, &ls[i])
	}
	t.Logf("%d results written to %s", n, out)
}

// equivTransforms are obfuscations applied to the labelled listings for the
// equivalence dump: more paths through the normaliser and the rules.
var equivTransforms = []func(string) string{
	strings.ToUpper,
	strings.NewReplacer("e", "3", "o", "0", "a", "4", "i", "1", "s", "5").Replace,
	strings.NewReplacer("a", "а", "e", "е", "o", "о", "c", "с", "p", "р", " ", "  ", ".", " . ").Replace, // Cyrillic look-alikes
	func(s string) string { // spaced letters in the first 40 runes, fullwidth digits, zero-width joiners
		var b bytes.Buffer
		for i, r := range []rune(s) {
			switch {
			case i < 40 && r != ' ':
				b.WriteRune(r)
				b.WriteByte(' ')
			case r >= '0' && r <= '9':
				b.WriteRune(r - '0' + '０')
			case i%7 == 0:
				b.WriteRune(r)
				b.WriteString("\u200b")
			default:
				b.WriteRune(r)
			}
		}
		return b.String()
	},
}
