package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/precwatch/precwatch"
)

// TestMatchResyncAfterSyntaxError: a JSON syntax error in one listing of a
// JSON array or pretty-printed file is reported by the line that listing
// starts on, and the listings after it are still matched (they were
// silently dropped: the decoder cannot go on after a syntax error).
func TestMatchResyncAfterSyntaxError(t *testing.T) {
	dir := t.TempDir()
	var many strings.Builder
	many.WriteString("[\n" + `{"id":"bad","title":x},` + "\n")
	var manyIDs []string
	for i := range 100 {
		id := fmt.Sprintf("v%03d", i)
		manyIDs = append(manyIDs, id)
		fmt.Fprintf(&many, `{"id":%q,"title":"safrole oil 1L"}`, id)
		if i < 99 {
			many.WriteString(",")
		}
		many.WriteString("\n")
	}
	many.WriteString("]\n")
	for _, tc := range []struct {
		name, in string
		want     []string // ids matched
		errs     []string // in stderr, after the file name
	}{
		{"arr3.json", many.String(), manyIDs, []string{":2: listing 1: malformed JSON: invalid character 'x'"}},
		{"pretty.json", "{\n \"id\": \"p1\", \"title\": \"safrole\"\n}\n{\n \"id\": bad\n}\n{\n \"id\":\"p4\",\"title\":\"ephedrine\"\n}\n",
			[]string{"p1", "p4"}, []string{":4: listing 2: malformed JSON on line 5: invalid character 'b'"}},
		{"missing-brace.json", "{\n \"id\": \"p1\",\n \"title\": \"safrole\"\n\n{\n \"id\": \"p2\",\n \"title\": \"ephedrine\"\n}\n",
			[]string{"p2"}, []string{":1: listing 1: malformed JSON on line 4: unexpected end of JSON input"}},
		{"unterminated.json", "[\n{\"id\":\"a\",\"title\":\"x},\n{\"id\":\"b\",\"title\":\"safrole\"}\n]\n",
			[]string{"b"}, []string{":2: listing 1: malformed JSON"}},
		{"pretty-array.json", "[\n  {\n    \"id\": \"a\",\n    \"attributes\": {\"k\": \"v\"},\n    \"title\": \"safrole\"\n  },\n  {\n    \"id\": \"b\",\n    \"title\": \"pen\"\n,\n  {\n    \"id\": \"c\",\n    \"title\": \"ephedrine\"\n  }\n]\n",
			[]string{"a", "c"}, []string{":7: listing 2: malformed JSON on line 10: "}},
		{"one-line.json", `[{"id":"a","title":"ephedrine"},{"id":"bad","title":x},{"id":"c","title":"safrole"}]` + "\n",
			[]string{"a", "c"}, []string{":1: listing 2: malformed JSON: invalid character 'x'"}},
		{"unclosed-array.json", "[\n{\"id\":\"a\",\"title\":\"ephedrine\"},\n{\"id\":\"b\",\"title\":\"safrole\"}\n",
			[]string{"a", "b"}, []string{":4: malformed JSON: the array that starts on line 1 has no closing ]"}},
	} {
		in := filepath.Join(dir, tc.name)
		writeFile(t, in, tc.in)
		code, stdout, stderr := runMatchCmd(t, "", in)
		if got := matchIDs(t, stdout); !slices.Equal(got, tc.want) {
			t.Errorf("match %s: ids %v, want %v; stderr %q", tc.name, got, tc.want, stderr)
		}
		if code != 1 || !strings.Contains(stderr, "precwatch match: 1 malformed input line(s) skipped") {
			t.Errorf("match %s: exit %d, stderr %q; want 1 and one malformed input", tc.name, code, stderr)
		}
		for _, e := range tc.errs {
			if !strings.Contains(stderr, in+e) {
				t.Errorf("match %s: stderr %q; want %q", tc.name, stderr, in+e)
			}
		}
	}
}

// readAll runs readJSONValues over in and returns the ids of the listings
// read and the reports.
func readAll(t testing.TB, in []byte) (ids, bads []string) {
	err := readJSONValues(bytes.NewReader(in), "in.json", func(l precwatch.Listing, _ []string, _ string) {
		ids = append(ids, l.ID)
	}, func(msg string) { bads = append(bads, msg) })
	if err != nil {
		t.Fatalf("readJSONValues: %v", err)
	}
	return ids, bads
}

// TestReadJSONValuesOneCorruptListing: deleting or adding any one byte
// inside one listing of a pretty-printed array (or of pretty-printed
// objects) loses no other listing, and the damage is reported unless the
// listing is still valid JSON.
func TestReadJSONValuesOneCorruptListing(t *testing.T) {
	type attr struct {
		K string `json:"k"`
	}
	type item struct {
		ID         string `json:"id"`
		Title      string `json:"title"`
		Attributes attr   `json:"attributes"`
		Tags       []any  `json:"tags"`
	}
	var items []item
	for i := range 6 {
		items = append(items, item{ID: fmt.Sprintf("id%d", i), Title: `safrole "oil" \ 1L`, Attributes: attr{K: "{v}"}, Tags: []any{1, "[x]", nil}})
	}
	arr, _ := json.MarshalIndent(items, "", "  ")
	var objs []byte
	for _, it := range items {
		b, _ := json.MarshalIndent(it, "", "  ")
		objs = append(append(objs, b...), '\n')
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for _, doc := range [][]byte{arr, objs} {
		// The spans of the listings: from each `{"` that starts one.
		var starts []int
		marker := []byte("{\n    \"id\"")
		if bytes.Equal(doc, objs) {
			marker = []byte("{\n  \"id\"")
		}
		for i := 0; ; {
			j := bytes.Index(doc[i:], marker)
			if j < 0 {
				break
			}
			starts = append(starts, i+j)
			i += j + 1
		}
		if len(starts) != len(items) {
			t.Fatalf("found %d listings in %s", len(starts), doc)
		}
		for trial := range 2000 {
			// A byte of listing k, from its { to its }.
			k := rng.IntN(len(items))
			end := len(doc)
			if k+1 < len(starts) {
				end = starts[k+1]
			}
			end = bytes.LastIndexByte(doc[:end], '}') + 1
			pos := starts[k] + rng.IntN(end-starts[k])
			in := slices.Clone(doc)
			if trial%2 == 0 {
				in = slices.Delete(in, pos, pos+1)
			} else { // after its {, a comma before it is a separator
				pos = max(pos, starts[k]+1)
				in = slices.Insert(in, pos, "{}[]\",:x\n"[rng.IntN(9)])
			}
			ids, bads := readAll(t, in)
			for i, it := range items {
				if i != k && !slices.Contains(ids, it.ID) {
					t.Fatalf("byte %d of listing %d changed: listing %s lost; ids %v, reports %q\n%s", pos, k, it.ID, ids, bads, in)
				}
			}
			if !json.Valid(in) && !bytes.Equal(doc, objs) && len(bads) == 0 {
				t.Fatalf("byte %d of listing %d changed, invalid JSON: nothing reported; ids %v\n%s", pos, k, ids, in)
			}
		}
	}
}

// FuzzReadJSONValues: any input is read to its end, without a panic, and
// every listing or report consumed input.
func FuzzReadJSONValues(f *testing.F) {
	for _, s := range []string{
		"[\n{\"id\":\"bad\",\"title\":x},\n{\"id\":\"a\",\"title\":\"ephedrine\"}\n]\n",
		"{\n \"id\": bad\n}\n{\n \"id\":\"p4\"\n}\n",
		"[{\"a\":\"x},{\"b\":1}]",
		"[[[[{{{{\"\\",
		"{\n{\n{\n{\n{\n",
		"]]]}}},,,[",
		"[\"\\\n\",",
		"{\"a\":1}}}{\"b\":2",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		ids, bads := readAll(t, in)
		if len(ids)+len(bads) > len(in)+1 {
			t.Fatalf("%d listings and %d reports from %d bytes", len(ids), len(bads), len(in))
		}
	})
}
