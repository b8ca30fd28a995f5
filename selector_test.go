package precwatch

import "testing"

func TestLocalNames(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"g:price", "price"},
		{`g\:price`, "price"},
		{"g|price", "price"},
		{"*|price", "price"},
		{"item > g:id, entry g:id", "item > id, entry id"},
		{"media:content", "content"},
		{"li:first-child", "li:first-child"},
		{"a:link", "a:link"},
		{"g:link", "link"},
		{"tr:eq(1)", "tr:eq(1)"},
		{"div:has(g:price)", "div:has(price)"},
		{`a[href*="x:y"]`, `a[href*="x:y"]`},
		{`[xlink\:href]`, `[xlink\:href]`},
		{"h1::text", "h1::text"},
		{"dt:contains('CAS:') + dd", "dt:contains('CAS:') + dd"},
		{"td:contains(Seller:Name) + td g:x", "td:contains(Seller:Name) + td x"},
		{`p:matches(^a:b(c)$)`, `p:matches(^a:b(c)$)`},
		{".price", ".price"},
	} {
		if got := LocalNames(c.in); got != c.want {
			t.Errorf("LocalNames(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
