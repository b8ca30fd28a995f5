package matchers

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"
)

// HTMLText returns the visible text of an HTML document: text nodes outside
// script, style, template, noscript and head, with block elements separated
// by line breaks. Malformed HTML is parsed the way browsers do.
func HTMLText(b []byte) string {
	doc, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		return string(b)
	}
	var sb strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "script", "style", "template", "noscript", "head", "svg":
				if n.Data != "head" {
					return
				}
				// Keep the title from the head.
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					if c.Type == html.ElementNode && c.Data == "title" {
						walk(c)
						sb.WriteByte('\n')
					}
				}
				return
			}
		}
		if n.Type == html.TextNode {
			sb.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if n.Type == html.ElementNode && blockElement[n.Data] {
			sb.WriteByte('\n')
		} else if n.Type == html.ElementNode && (n.Data == "td" || n.Data == "th") {
			sb.WriteByte('\t')
		}
	}
	walk(doc)
	return sb.String()
}

var blockElement = map[string]bool{"p": true, "div": true, "br": true, "li": true, "tr": true, "h1": true,
	"h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "title": true, "section": true,
	"article": true, "header": true, "footer": true, "table": true, "ul": true, "ol": true, "dd": true,
	"dt": true, "pre": true, "blockquote": true, "form": true, "option": true, "label": true}
