package matchers_test

import (
	"testing"

	"github.com/precwatch/precwatch/matchers"
)

// TestHTMLDocumentRelativeCanonical: a saved page whose canonical link or
// og:url is relative is named by it, read against <base href> or, without
// one, against the "saved from" URL a browser writes; a relative URL with
// nothing to read it against, or a scheme other than http(s), names nothing.
func TestHTMLDocumentRelativeCanonical(t *testing.T) {
	tests := []struct {
		name, page, want string
	}{
		{"canonical against base href",
			`<html><head><base href="https://shop.example/de/"><link rel="canonical" href="p/7?x=1"></head><body><p>Aceton</p></body></html>`,
			"https://shop.example/de/p/7?x=1"},
		{"root-relative canonical against base href",
			`<html><head><base href="https://shop.example/de/"><link rel="canonical" href="/p/7"></head><body><p>Aceton</p></body></html>`,
			"https://shop.example/p/7"},
		{"og:url against the saved-from URL",
			`<!-- saved from url=(0036)https://market.example/item/12?ref=a --><html><head><meta property="og:url" content="/item/12"></head><body><p>x</p></body></html>`,
			"https://market.example/item/12"},
		{"relative base against the saved-from URL",
			`<!-- saved from url=(0032)https://market.example/c/list --><html><head><base href="/shop/"><link rel="canonical" href="item/3"></head><body><p>x</p></body></html>`,
			"https://market.example/shop/item/3"},
		{"an absolute canonical wins over the saved-from URL",
			`<!-- saved from url=(0030)https://market.example/c/list --><html><head><link rel="canonical" href="https://market.example/item/9"></head><body><p>x</p></body></html>`,
			"https://market.example/item/9"},
		{"nothing to read a relative canonical against",
			`<html><head><link rel="canonical" href="/p/1"></head><body><p>x</p></body></html>`,
			""},
		{"a javascript: canonical names nothing",
			`<html><head><base href="https://shop.example/"><link rel="canonical" href="javascript:alert(1)"></head><body><p>x</p></body></html>`,
			""},
		{"a javascript: base gives no base",
			`<html><head><base href="javascript:x/"><link rel="canonical" href="p/1"></head><body><p>x</p></body></html>`,
			""},
	}
	for _, tt := range tests {
		if got := matchers.ParseHTMLDocument([]byte(tt.page)).URL; got != tt.want {
			t.Errorf("%s: url = %q, want %q", tt.name, got, tt.want)
		}
	}
}
