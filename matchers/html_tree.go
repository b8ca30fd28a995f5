package matchers

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Namespaces a page may bind a prefix to (xmlns:x="…").
const (
	xhtmlNamespace = "http://www.w3.org/1999/xhtml"
	svgNamespace   = "http://www.w3.org/2000/svg"
)

// maxShadowHosts bounds the declarative shadow roots composed in one page:
// a product page has tens of web components, not thousands.
const maxShadowHosts = 4096

// renderTree rewrites a parsed page into the tree a browser renders, so
// that the reader sees the text where the browser shows it (document batch
// h15):
//
//   - soft hyphens (U+00AD, a hyphenator's break opportunities inside
//     words: "Sicher\u00adheits\u00adhinweise") are taken out of the text,
//     as a browser shows them only at a line break;
//   - elements written with a prefix bound to the XHTML namespace
//     (<x:div> under xmlns:x="http://www.w3.org/1999/xhtml", an XSLT's
//     output in a page served as application/xhtml+xml) are the HTML
//     elements they name, and <svg:svg> under a prefix bound to SVG is an
//     <svg>; an HTML parser keeps both as unknown elements;
//   - a declarative shadow root (<template shadowrootmode="open|closed">,
//     also the older shadowroot attribute, as the host's first template)
//     is rendered in place of its host's children: its content, with
//     each <slot> filled by the host's children assigned to it (slot="name",
//     the others to the default slot; a slot nothing is assigned to shows
//     its own content), and the host's children no slot takes left out,
//     as a browser does not show them. An ordinary <template> stays inert.
//
// renderTree is safe to call on any tree; it changes only what it reads.
func renderTree(doc *html.Node) {
	prefixes := map[string]string{} // prefix → namespace
	walkNodes(doc, func(n *html.Node) bool {
		if n.Type == html.ElementNode {
			for _, a := range n.Attr {
				if p, ok := strings.CutPrefix(a.Key, "xmlns:"); ok && (a.Val == xhtmlNamespace || a.Val == svgNamespace) {
					prefixes[p] = a.Val
				}
			}
		}
		return true
	})
	hosts := 0
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			if strings.Contains(n.Data, "\u00ad") {
				n.Data = strings.ReplaceAll(n.Data, "\u00ad", "")
			}
			return
		case html.ElementNode:
			unprefix(n, prefixes)
			if hosts < maxShadowHosts {
				if t := shadowTemplate(n); t != nil {
					hosts++
					// The host's children first (they are slotted as
					// rendered), then the shadow tree, nested roots in it
					// included.
					for c := n.FirstChild; c != nil; c = c.NextSibling {
						if c != t {
							walk(c)
						}
					}
					for c := t.FirstChild; c != nil; c = c.NextSibling {
						walk(c)
					}
					attachShadow(n, t)
					return
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
}

// unprefix renames an element written with a prefix bound to XHTML (or an
// <svg:svg> with one bound to SVG) to the element it names.
func unprefix(n *html.Node, prefixes map[string]string) {
	if len(prefixes) == 0 || n.Namespace != "" {
		return
	}
	p, local, ok := strings.Cut(n.Data, ":")
	if !ok || local == "" {
		return
	}
	switch prefixes[p] {
	case xhtmlNamespace:
		n.Data = strings.ToLower(local)
		n.DataAtom = atom.Lookup([]byte(n.Data))
	case svgNamespace:
		if strings.EqualFold(local, "svg") {
			n.Data, n.DataAtom, n.Namespace = "svg", atom.Svg, "svg"
		}
	}
}

// shadowTemplate returns n's declarative shadow root: its first <template>
// child, when that has a shadowrootmode (or shadowroot) of open or closed.
func shadowTemplate(n *html.Node) *html.Node {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || c.DataAtom != atom.Template {
			continue
		}
		mode, ok := attrLookup(c, "shadowrootmode")
		if !ok {
			mode = attrOf(c, "shadowroot")
		}
		switch strings.ToLower(strings.TrimSpace(mode)) {
		case "open", "closed":
			return c
		}
		return nil
	}
	return nil
}

// attachShadow replaces host's children by the content of its shadow root
// t, the host's other children moved into the slots that take them.
func attachShadow(host, t *html.Node) {
	var light []*html.Node
	for c := host.FirstChild; c != nil; {
		next := c.NextSibling
		host.RemoveChild(c)
		if c != t {
			light = append(light, c)
		}
		c = next
	}
	taken := make([]bool, len(light))
	walkNodes(t, func(s *html.Node) bool {
		if s.Type != html.ElementNode {
			return true
		}
		if s != t && s.DataAtom == atom.Template {
			return false // inert, or a nested root already composed
		}
		if s.DataAtom != atom.Slot {
			return true
		}
		name := attrOf(s, "name")
		var assigned []*html.Node
		for i, c := range light {
			if taken[i] {
				continue
			}
			slot := ""
			if c.Type == html.ElementNode {
				slot = attrOf(c, "slot")
			} else if c.Type != html.TextNode {
				continue
			}
			if slot == name {
				taken[i] = true
				assigned = append(assigned, c)
			}
		}
		if len(assigned) == 0 {
			return true // the slot's fallback content shows
		}
		for c := s.FirstChild; c != nil; {
			next := c.NextSibling
			s.RemoveChild(c)
			c = next
		}
		for _, c := range assigned {
			s.AppendChild(c)
		}
		return false
	})
	for c := t.FirstChild; c != nil; {
		next := c.NextSibling
		t.RemoveChild(c)
		host.AppendChild(c)
		c = next
	}
}

// customLink reports whether n is a custom element with an href (a web
// component's card, <pw-card href="/p/…">, which its script makes a link):
// a link as much as an <a href> is.
func customLink(n *html.Node) bool {
	return n.DataAtom == 0 && n.Namespace == "" && strings.Contains(n.Data, "-") && hasAttr(n, "href")
}
