package extract

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// isXML reports whether body is an XML document other than XHTML (RSS, Atom,
// sitemaps, XML product feeds), which the HTML parser would mangle: it
// treats <link> as empty and CDATA sections as comments.
func isXML(body []byte) bool {
	head := bytes.TrimLeft(bytes.TrimPrefix(body, []byte("\xef\xbb\xbf")), " \t\r\n")
	head = head[:min(len(head), 1024)]
	lower := bytes.ToLower(head)
	if bytes.Contains(lower, []byte("<html")) || bytes.Contains(lower, []byte("<!doctype html")) {
		return false
	}
	for _, p := range []string{"<?xml", "<rss", "<feed", "<urlset", "<sitemapindex", "<rdf:rdf"} {
		if bytes.HasPrefix(lower, []byte(p)) {
			return true
		}
	}
	return false
}

// parseXML builds an html.Node tree from an XML document so that CSS
// selectors apply to it: elements and attributes are named by their
// lowercased local names (no namespace prefix: "g:price" is "price"), CDATA
// is text, and text holding markup (an RSS description) is reduced to its
// visible text. The body is UTF-8 already (the crawler decoded it), whatever
// its XML declaration says. It returns nil when no element could be read.
func parseXML(body []byte) *html.Node {
	dec := xml.NewDecoder(bytes.NewReader(body))
	dec.Strict = false
	dec.Entity = xml.HTMLEntity
	dec.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	root := &html.Node{Type: html.DocumentNode}
	stack := []*html.Node{root}
	deep := 0 // elements not pushed because the tree is maxDepth deep
	elements := 0
	for {
		tok, err := dec.Token()
		if err != nil {
			break // io.EOF, or malformed XML: keep what was read
		}
		top := stack[len(stack)-1]
		switch t := tok.(type) {
		case xml.StartElement:
			name := strings.ToLower(t.Name.Local)
			n := &html.Node{Type: html.ElementNode, Data: name, DataAtom: atom.Lookup([]byte(name))}
			for _, a := range t.Attr {
				n.Attr = append(n.Attr, html.Attribute{Key: strings.ToLower(a.Name.Local), Val: a.Value})
			}
			top.AppendChild(n)
			elements++
			if len(stack) < maxDepth {
				stack = append(stack, n)
			} else {
				deep++
			}
		case xml.EndElement:
			if deep > 0 {
				deep--
			} else if len(stack) > 1 {
				stack = stack[:len(stack)-1]
			}
		case xml.CharData:
			s := string(t)
			if strings.Contains(s, "<") && strings.Contains(s, ">") {
				s = VisibleText(t)
			}
			if strings.TrimSpace(s) != "" {
				top.AppendChild(&html.Node{Type: html.TextNode, Data: " " + s + " "})
			}
		}
	}
	if elements == 0 {
		return nil
	}
	return root
}

// maxTextSitemapURLs is the most URLs a sitemap may list (sitemaps.org).
const maxTextSitemapURLs = 50000

// textSitemap returns the URLs of a text sitemap (sitemap.txt, as Google
// and Bing accept it): one absolute http(s) URL a line, blank lines
// allowed, nothing else. It reports false for any other text.
func textSitemap(body []byte) ([]string, bool) {
	body = bytes.TrimPrefix(body, []byte("\xef\xbb\xbf"))
	head := bytes.TrimLeft(body, " \t\r\n")
	if len(head) == 0 || head[0] == '<' || head[0] == '{' || head[0] == '[' {
		return nil, false
	}
	var urls []string
	for line := range bytes.SplitSeq(body, []byte("\n")) {
		l := string(bytes.TrimSpace(line))
		if l == "" {
			continue
		}
		lower := strings.ToLower(l)
		if !strings.HasPrefix(lower, "http://") && !strings.HasPrefix(lower, "https://") ||
			strings.ContainsAny(l, " \t<>\"") || len(urls) == maxTextSitemapURLs {
			return nil, false
		}
		urls = append(urls, l)
	}
	return urls, len(urls) > 0
}

// urlsetNode builds the tree parseXML would give a sitemap urlset listing
// urls: <urlset><url><loc>…</loc></url>…</urlset>.
func urlsetNode(urls []string) *html.Node {
	root := &html.Node{Type: html.DocumentNode}
	set := &html.Node{Type: html.ElementNode, Data: "urlset"}
	root.AppendChild(set)
	for _, u := range urls {
		url := &html.Node{Type: html.ElementNode, Data: "url"}
		loc := &html.Node{Type: html.ElementNode, Data: "loc"}
		loc.AppendChild(&html.Node{Type: html.TextNode, Data: u})
		url.AppendChild(loc)
		set.AppendChild(url)
	}
	return root
}

// sitemapKind returns "urlset" or "sitemapindex" when root is a sitemap of
// that kind (its document element), else "".
func sitemapKind(root *html.Node) string {
	for c := root.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			if c.Data == "urlset" || c.Data == "sitemapindex" {
				return c.Data
			}
			return ""
		}
	}
	return ""
}
