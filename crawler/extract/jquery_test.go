package extract

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestJQueryPositionsInside reads jQuery position filters inside a selector as
// jQuery does: the matches so far cut to one, the rest read from it.
func TestJQueryPositionsInside(t *testing.T) {
	doc := `<div class="l"><ul><li><a>a1</a></li><li><a>a2</a><span>s2</span></li><li><a>a3</a></li></ul></div>
<div class="l"><ul><li><a>b1</a></li></ul><p>after</p><p>after2</p></div>`
	root, err := html.Parse(bytes.NewReader([]byte(doc)))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ sel, want string }{
		{"li:eq(1) a", "a2"},
		{"div.l:first a", "a1 a2 a3"},
		{"div.l:last > ul a", "b1"},
		{"div.l:first li:last a", "a3"},
		{"li:eq(1) > a + span", "s2"},
		{"div.l:last ul ~ p", "after after2"},
		{"div.l:last ul + p", "after"},
		{"li:eq(9) a", ""},
		{"div.l:last a, li:first a", "a1 b1"},
		{"li:last", "b1"},
		{"li:first-child a", "a1 b1"},
	} {
		sel, err := compileSelector(tc.sel)
		if err != nil {
			t.Errorf("%s: %v", tc.sel, err)
			continue
		}
		var got []string
		for _, n := range matchDescendants(root, sel) {
			got = append(got, visibleText(n))
		}
		if g := strings.Join(got, " "); g != tc.want {
			t.Errorf("%s: %q, want %q", tc.sel, g, tc.want)
		}
	}
	for _, bad := range []string{":first a", "li:eq(1) >", "li:first a[", "li:first a, "} {
		if _, err := compileSelector(bad); err == nil {
			t.Errorf("%s: no error", bad)
		}
	}
}

// FuzzJQuerySelector compiles selectors with jQuery positions and runs
// them: an error is fine, a panic or a match outside the context is not.
func FuzzJQuerySelector(f *testing.F) {
	for _, s := range []string{"li:eq(1) a", "div.l:first > ul a", "ul + p:last ~ p", "li:first, a:last", "table > tr:eq(0) td",
		"a:contains('x:first y') b", "li:eq(99999999999999999999) a", ":first", "li:first:last a", "[x='a,b']:first a"} {
		f.Add(s)
	}
	doc := `<div class="l"><ul><li><a>a1</a></li><li><a>a2</a></li></ul><p>p</p><p>q</p></div><table><tr><td>t</td></tr></table>`
	root, err := html.Parse(bytes.NewReader([]byte(doc)))
	if err != nil {
		f.Fatal(err)
	}
	body := root.LastChild.LastChild // <body>
	f.Fuzz(func(t *testing.T, s string) {
		sel, err := compileSelector(s)
		if err != nil {
			return
		}
		for _, n := range matchDescendants(body, sel) {
			inside := false
			for p := n.Parent; p != nil; p = p.Parent {
				if p == body {
					inside = true
				}
			}
			if !inside {
				t.Fatalf("%q matched %v outside the context", s, n.Data)
			}
		}
	})
}
