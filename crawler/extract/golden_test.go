package extract

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/precwatch/precwatch"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden with the current output")

// goldenCase is testdata/<name>.yml: the page URL and the target; the body
// is testdata/<name>.html or <name>.json.
type goldenCase struct {
	URL    string           `yaml:"url"`
	Target precwatch.Target `yaml:"target"`
}

// TestGolden extracts every testdata case and compares the page with
// testdata/<name>.golden. Run with -update to rewrite the golden files after
// an intended change, then review the diff.
func TestGolden(t *testing.T) {
	cases, err := filepath.Glob("testdata/*.yml")
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) == 0 {
		t.Fatal("no testdata/*.yml cases")
	}
	for _, spec := range cases {
		name := strings.TrimSuffix(filepath.Base(spec), ".yml")
		t.Run(name, func(t *testing.T) {
			var c goldenCase
			raw, err := os.ReadFile(spec)
			if err != nil {
				t.Fatal(err)
			}
			if err := yaml.Unmarshal(raw, &c); err != nil {
				t.Fatalf("%s: %v", spec, err)
			}
			bodyFile := "testdata/" + name + ".html"
			if c.Target.Kind == precwatch.KindJSON {
				bodyFile = "testdata/" + name + ".json"
			}
			body, err := os.ReadFile(bodyFile)
			if err != nil {
				t.Fatal(err)
			}
			page, err := Extract(&c.Target, c.URL, body)
			if err != nil {
				t.Fatalf("Extract(%s, %s): %v", name, c.URL, err)
			}
			checkAbsolute(t, name, page)
			var buf bytes.Buffer
			enc := json.NewEncoder(&buf)
			enc.SetEscapeHTML(false)
			enc.SetIndent("", "  ")
			if err := enc.Encode(page); err != nil {
				t.Fatal(err)
			}
			got := buf.Bytes()
			golden := "testdata/" + name + ".golden"
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("Extract(%s) differs from %s (go test -update rewrites it):\ngot:\n%s\nwant:\n%s", name, golden, got, want)
			}
		})
	}
}

// checkAbsolute fails t if any URL of page is not absolute and canonical.
func checkAbsolute(t testing.TB, name string, page *Page) {
	t.Helper()
	check := func(kind, u string) {
		c, err := Canonical(nil, u)
		if err != nil {
			t.Errorf("%s: %s URL %q is not absolute: %v", name, kind, u, err)
		} else if c != u {
			t.Errorf("%s: %s URL %q is not canonical (want %q)", name, kind, u, c)
		}
	}
	for _, l := range page.Listings {
		check("listing", l.URL)
		if l.ID == "" {
			t.Errorf("%s: listing %q has no id", name, l.URL)
		}
		for _, v := range []string{l.ID, l.Title, l.Description, l.Price, l.Seller, l.Location} {
			if !utf8.ValidString(v) {
				t.Errorf("%s: listing %q has invalid UTF-8 %q", name, l.URL, v)
			}
		}
		for k, v := range l.Attributes {
			if !utf8.ValidString(v) {
				t.Errorf("%s: listing %q attribute %s has invalid UTF-8 %q", name, l.URL, k, v)
			}
		}
		if l.Title == "" && l.Description == "" {
			t.Errorf("%s: listing %q has neither title nor description", name, l.URL)
		}
	}
	for _, u := range page.Follow {
		check("follow", u)
	}
	for _, u := range page.Next {
		check("next", u)
	}
}
