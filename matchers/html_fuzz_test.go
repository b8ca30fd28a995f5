package matchers

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// htmlFuzzSeeds are fragments that have broken HTML readers: unclosed and
// misnested tags, nesting past the parser's limit, formatting elements the
// parser reopens, huge attributes, lying charset declarations, NUL bytes,
// invalid UTF-8, embedded state that is not JSON, nested srcdoc frames.
var htmlFuzzSeeds = []string{
	`<html><head><title>t</title><link rel=canonical href="https://x.example/"></head><body><nav><a href=/>n</a></nav><h1>Ephedrine</h1></body></html>`,
	`<div class="related"><h2>Related</h2><a href=1>a</a><a href=2>b</a></div><div hidden role=tabpanel>x</div>`,
	"<!-- saved from url=(0020)https://a.example/ --><select><option selected>x",
	strings.Repeat("<div>", 600) + "deep",
	strings.Repeat("<div>", 511) + "<h1>just</h1>" + strings.Repeat("<aside>", 3),
	strings.Repeat("<b><p>", 300) + "formatting",
	strings.Repeat("<a href=tel:1><p>", 200) + "x",
	`<table><tr><td><font color=red><b>HOT<td><h1>Ephedrine<p>1 kg<a href=/x>Contact`,
	`<h1>BMK glycidate</h1><div class="x" <p>bro<ken`,
	`<div class="` + strings.Repeat("related-products hidden ", 2000) + `"><a href=1>a</a><a href=2>b</a></div>`,
	`<div style="` + strings.Repeat("display : none ;", 500) + `">x</div><p>y`,
	`<meta charset="shift_jis"><h1>utf-8 after all: ацетон</h1>`,
	"<meta charset=\"utf-8\"><h1>\xcf\xf1\xe5\xe2\xe4\xee\xfd\xf4\xe5\xe4\xf0\xe8\xed</h1>",
	"<h1>a\x00b\x01c</h1><p>\xff\xfe\x00</p><title>\x00</title>",
	"<p>\xed\xa0\x80 surrogate \xc0\xaf overlong \xf4\x90\x80\x80</p>",
	`<body aria-hidden="true"><div role=dialog><h1>Modal</h1></div><p class="d-none md:block">shown</p>`,
	`<script>window.__INITIAL_STATE__ = {"product":{"title":"<b>x</b> &amp; y","related":[{"title":"no"}]}}</script>`,
	`<script>window.__NUXT__ = ` + strings.Repeat("[", 2000) + `</script>`,
	`<script type="application/json">{"name":"` + strings.Repeat("\\u00e9", 100) + `"}</script><meta name=description content="desc">`,
	`<iframe srcdoc="&lt;iframe srcdoc=&quot;&amp;lt;h1&amp;gt;inner&quot;&gt;&lt;/iframe&gt;&lt;p&gt;outer"></iframe>`,
	`<header><a href="mailto:a@b.example"><svg></svg></a><a href="https://t.me/shop">x</a></header><aside><a href=1>1</a><a href=2>2</a><a href=3>3</a><a href=4>4</a></aside>`,
	`<table><tr><td><h1>x</h1></td><td class=col><a href=1>1</a><a href=2>2</a><a href=3>3</a><a href=4>4</a></td></tr></table>`,
	`<frameset><frame src=x></frameset><noframes>no</noframes>`,
	`<svg><title>svg title</title><foreignObject><h1>inside</h1></foreignObject></svg><math><mi>x</mi></math>`,
	`<template><h1>template</h1></template><plaintext><h1>plain`,
	`<textarea><h1>t</h1></textarea><xmp><h1>x</h1></xmp><listing>l</listing>`,
}

// FuzzParseHTMLDocument: whatever the bytes, ParseHTMLDocument does not
// panic, returns valid UTF-8 in every field, returns the same document
// for the same page, writes its text with white space collapsed (one space
// or line break between words) and its title on one line, reports only an
// absolute http(s) URL, reads embedded state only for a page that shows
// next to no text, and never shows hidden text of a page that has visible
// text.
func FuzzParseHTMLDocument(f *testing.F) {
	for _, s := range htmlFuzzSeeds {
		f.Add([]byte(s))
	}
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "documents", "*.*"))
	for _, name := range files {
		if b, err := os.ReadFile(name); err == nil && !strings.HasSuffix(name, ".json") && !strings.HasSuffix(name, ".md") {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, page []byte) {
		d := ParseHTMLDocument(page)
		for field, s := range map[string]string{"URL": d.URL, "Title": d.Title, "SiteName": d.SiteName, "Text": d.Text, "ScriptText": d.ScriptText} {
			if !utf8.ValidString(s) {
				t.Errorf("%s is not valid UTF-8: %q", field, s)
			}
		}
		if again := ParseHTMLDocument(page); again != d {
			t.Errorf("not deterministic:\n%+v\n%+v", d, again)
		}
		if got := collapseSpace(d.Text); got != strings.ReplaceAll(d.Text, "\n", " ") {
			t.Errorf("text %q: white space not collapsed", d.Text)
		}
		if got := collapseSpace(d.Title); got != d.Title {
			t.Errorf("title %q: want %q", d.Title, got)
		}
		if d.URL != "" && absoluteURL(d.URL) != d.URL {
			t.Errorf("URL %q is not an absolute http(s) URL", d.URL)
		}
		if d.ScriptText != "" && len(d.Text) >= minShownText && len(cutOffTails(d.Text)) == 0 {
			// Beside a page's own text the state is read only where
			// the page shows a line cut off (stateWhole).
			t.Errorf("script text %q read beside %d bytes of text", d.ScriptText, len(d.Text))
		}
		const marker = "zqxjhiddenmarker"
		if bytes.Contains(bytes.ToLower(page), []byte(marker)) {
			return
		}
		withHidden := append([]byte(`<div hidden>`+marker+`</div>`), page...)
		if d := ParseHTMLDocument(withHidden); strings.Contains(d.Text, marker) {
			if shown := visibleText(withHidden); shown != "" {
				t.Errorf("hidden text shown beside the page's visible text %q: %q", shown, d.Text)
			}
		}
	})
}

// visibleText is the text ParseHTMLDocument reads from page before it falls
// back to hidden text; "" for a page too deep to parse as a tree (read
// token by token, hidden text and all).
func visibleText(page []byte) string {
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		return ""
	}
	body := bodyOf(doc)
	w := newDocWriter(body, 0)
	w.node(body, false)
	return w.String()
}
