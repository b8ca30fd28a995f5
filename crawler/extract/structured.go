package extract

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/precwatch/precwatch"
)

// Structured product data: shops describe their offers for search engines in
// schema.org JSON-LD (<script type="application/ld+json">), in microdata
// (itemscope/itemprop) or in OpenGraph product tags. The HTML extractor
// reads it when a target names no fields, and for a configured field whose
// selector found nothing on a product page.

// product is one schema.org Product as listing fields: keys are listing field
// names (title, description, price, seller, location, url) and attribute
// names (sku, brand, category, image, …).
type product map[string]string

// offerOnly marks, while a page's JSON-LD is read, a product read from an
// Offer or Demand of its own (a classified ad) rather than a Product.
const offerOnly = "\x00offer"

// listedOnly marks the products pageProducts read from a JSON-LD ItemList
// (a category page's), each a listing of its own address even when the
// list holds one.
const listedOnly = "\x00listed"

// structuredFields are the listing fields structured data may fill in when
// their configured selector found nothing.
var structuredFields = []string{precwatch.FieldTitle, precwatch.FieldDescription, precwatch.FieldPrice,
	precwatch.FieldSeller, precwatch.FieldLocation}

// pageProducts returns the products a whole page describes: its top-level
// JSON-LD Products (also inside @graph or an array), else its microdata
// Products not nested in another Product, else an OpenGraph product (og:type
// product, or product:price tags), else the product of a single-page app's
// embedded state (see embeddedProduct). When list is true and the page has none of
// those, the Products of a JSON-LD ItemList count too (a category page of a
// target without follow selectors).
func pageProducts(root *html.Node, list bool) []product {
	var top, listed []product
	walk(root, func(n *html.Node) {
		if n.Type != html.ElementNode || n.DataAtom != atom.Script {
			return
		}
		typ, _ := attr(n, "type")
		typ, _, _ = strings.Cut(strings.ToLower(strings.TrimSpace(typ)), ";")
		if strings.TrimSpace(typ) != "application/ld+json" {
			return
		}
		var b strings.Builder
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.TextNode {
				b.WriteString(c.Data)
			}
		}
		v, ok := parseLD(b.String())
		if !ok {
			return
		}
		ldProducts(resolveLDRefs(v), &top, &listed, 0)
	})
	if slices.ContainsFunc(top, func(p product) bool { return p[offerOnly] == "" }) {
		// A page with Products: an Offer of its own beside them is
		// one of theirs, not another listing.
		top = slices.DeleteFunc(top, func(p product) bool { return p[offerOnly] != "" })
	}
	for _, p := range top {
		delete(p, offerOnly)
	}
	if len(top) > 0 {
		return top
	}
	if ps := microdataProducts(root); len(ps) > 0 {
		return ps
	}
	if p := ogProduct(root); p != nil {
		return []product{p}
	}
	if p := embeddedProduct(root); p != nil {
		// A single-page app's shell: the product its embedded state
		// holds.
		return []product{p}
	}
	if list {
		for _, p := range listed {
			p[listedOnly] = "1"
		}
		return listed
	}
	return nil
}

// parseLD parses a JSON-LD script as browsers and search engines tolerate
// it: inside an HTML comment or CDATA section, with raw newlines and tabs
// inside strings, with a trailing semicolon.
func parseLD(s string) (any, bool) {
	s = strings.TrimSpace(s)
	// The wrappers templates put around script text, in any combination:
	// "<!-- … -->", "<![CDATA[ … ]]>", "//<![CDATA[ … //]]>" and
	// Magento's and Drupal's "/*<![CDATA[*/ … /*]]>*/".
	for changed := true; changed; {
		changed = false
		for _, pre := range []string{"<!--", "//<![CDATA[", "/*<![CDATA[*/", "<![CDATA["} {
			if rest, ok := strings.CutPrefix(s, pre); ok {
				s, changed = strings.TrimSpace(rest), true
			}
		}
		for _, suf := range []string{"-->", "//]]>", "/*]]>*/", "]]>"} {
			if rest, ok := strings.CutSuffix(s, suf); ok {
				s, changed = strings.TrimSpace(rest), true
			}
		}
	}
	return decodeScriptJSON(strings.TrimRight(s, "; \t\r\n"))
}

// decodeScriptJSON decodes the first JSON value of a script's text, numbers
// kept as written. Control characters are invalid inside JSON strings and
// blank outside them: a space keeps both readable.
func decodeScriptJSON(s string) (any, bool) {
	s = strings.Map(func(r rune) rune {
		if r < 0x20 {
			return ' '
		}
		return r
	}, s)
	dec := json.NewDecoder(strings.NewReader(s))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		// Templated JSON-LD (theme loops in Liquid, PHP, Twig) often
		// leaves a comma before a closing brace or bracket, which
		// browsers' and search engines' lenient readers forgive.
		fixed, changed := dropTrailingCommas(s)
		if !changed {
			return nil, false
		}
		dec = json.NewDecoder(strings.NewReader(fixed))
		dec.UseNumber()
		if err := dec.Decode(&v); err != nil {
			return nil, false
		}
	}
	return v, true
}

// dropTrailingCommas removes the commas that directly precede (but for
// white space) a closing brace or bracket outside strings.
func dropTrailingCommas(s string) (string, bool) {
	var b strings.Builder
	inString, escaped, changed := false, false, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case inString:
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			}
		case c == '"':
			inString = true
		case c == ',':
			j := i + 1
			for j < len(s) && (s[j] == ' ' || s[j] == '\t' || s[j] == '\n' || s[j] == '\r') {
				j++
			}
			if j < len(s) && (s[j] == '}' || s[j] == ']') {
				changed = true
				continue
			}
		}
		b.WriteByte(c)
	}
	return b.String(), changed
}

// ldType reports whether a JSON-LD node's @type names one of types
// ("Product", "schema:Product", "http://schema.org/Product", or a list).
func ldType(m map[string]any, types ...string) bool {
	var names []string
	switch t := m["@type"].(type) {
	case string:
		names = []string{t}
	case []any:
		for _, e := range t {
			if s, ok := e.(string); ok {
				names = append(names, s)
			}
		}
	}
	for _, n := range names {
		if i := strings.LastIndexAny(n, "/:#"); i >= 0 {
			n = n[i+1:]
		}
		for _, t := range types {
			if strings.EqualFold(n, t) {
				return true
			}
		}
	}
	return false
}

// productTypes are the schema.org types read as a listing: Product and
// its subtypes (Vehicle's too: vehicle and equipment classifieds describe
// an ad as a Car), and chemicals and drugs.
var productTypes = []string{"Product", "ProductGroup", "IndividualProduct", "ProductModel", "SomeProducts", "ProductCollection",
	"DietarySupplement", "Vehicle", "Car", "Motorcycle", "BusOrCoach", "MotorizedBicycle", "Drug", "ChemicalSubstance"}

// ldProducts collects the Products of a JSON-LD value: top-level ones (the
// value itself, its @graph, array elements, an Offer's itemOffered) into
// top, and those of ItemLists into listed.
func ldProducts(v any, top, listed *[]product, depth int) {
	if depth > 8 {
		return
	}
	switch v := v.(type) {
	case []any:
		for _, e := range v {
			ldProducts(e, top, listed, depth+1)
		}
	case map[string]any:
		if g, ok := v["@graph"]; ok {
			ldProducts(g, top, listed, depth+1)
		}
		switch {
		case ldType(v, productTypes...):
			if p := ldProduct(v); p != nil {
				*top = append(*top, p)
			}
		case ldType(v, "Offer") && v["itemOffered"] != nil:
			if item, ok := v["itemOffered"].(map[string]any); ok {
				merged := map[string]any{"offers": v}
				for k, e := range item {
					merged[k] = e
				}
				if p := ldProduct(merged); p != nil {
					*top = append(*top, p)
				}
			}
		case ldType(v, "Offer", "Demand") && v["name"] != nil:
			// A classified ad written as an Offer (or a wanted ad
			// as a Demand) of its own, price and seller on it.
			merged := map[string]any{"offers": v}
			for k, e := range v {
				if k != "price" && k != "priceCurrency" && k != "seller" {
					merged[k] = e
				}
			}
			if p := ldProduct(merged); p != nil {
				p[offerOnly] = "1"
				*top = append(*top, p)
			}
		case ldType(v, "ItemList", "OfferCatalog", "CollectionPage", "SearchResultsPage", "WebPage"):
			for _, k := range []string{"itemListElement", "mainEntity", "hasPart"} {
				var sub []product
				ldProducts(v[k], &sub, listed, depth+1)
				*listed = append(*listed, sub...)
			}
		case ldType(v, "ListItem"):
			var sub []product
			ldProducts(v["item"], &sub, listed, depth+1)
			*listed = append(*listed, sub...)
		}
	}
}

// ldProduct reads a JSON-LD Product node.
func ldProduct(m map[string]any) product {
	p := product{}
	p.set(precwatch.FieldTitle, ldText(m["name"]))
	p.set(precwatch.FieldDescription, ldText(m["description"]))
	p.set(fieldURL, ldText(m["url"]))
	for _, k := range []string{"sku", "mpn", "gtin", "gtin13", "gtin12", "gtin8", "gtin14", "productID", "category", "color", "material"} {
		p.set(strings.ToLower(k), ldText(m[k]))
	}
	p.set("brand", ldName(m["brand"]))
	p.set("image", ldURL(m["image"]))
	if p[precwatch.FieldTitle] == "" && p[precwatch.FieldDescription] == "" {
		return nil
	}
	offers := m["offers"]
	if list, ok := offers.([]any); ok && len(list) > 0 {
		offers = list[0]
	}
	variant := false
	if offers == nil {
		// A ProductGroup offers its variants (hasVariant, Google's
		// variant markup): the lowest-priced variant's offer.
		offers, variant = variantOffer(m["hasVariant"]), true
	}
	if o, ok := offers.(map[string]any); ok {
		price := ldText(o["price"])
		if price == "" {
			price = ldText(o["lowPrice"])
		}
		if price == "" {
			if ps := salePriceSpec(o["priceSpecification"]); ps != nil {
				price = ldText(ps["price"])
				if c := ldText(ps["priceCurrency"]); c != "" && price != "" && o["priceCurrency"] == nil {
					price += " " + c
				}
			}
		}
		if c := ldText(o["priceCurrency"]); c != "" && price != "" {
			price += " " + c
		}
		p.set(precwatch.FieldPrice, price)
		s, ok := o["seller"]
		if !ok {
			// An AggregateOffer's own offers name the sellers.
			inner := o["offers"]
			if list, isList := inner.([]any); isList && len(list) > 0 {
				inner = list[0]
			}
			if im, isObj := inner.(map[string]any); isObj {
				s, ok = im["seller"]
			}
		}
		if ok {
			p.set(precwatch.FieldSeller, ldName(s))
			if sm, ok := s.(map[string]any); ok {
				p.set(precwatch.FieldLocation, ldAddress(sm["address"]))
			}
		}
		p.set(precwatch.FieldLocation, ldAddress(o["availableAtOrFrom"]))
		p.set("availability", strings.TrimPrefix(strings.TrimPrefix(ldText(o["availability"]), "https://schema.org/"), "http://schema.org/"))
		if p[fieldURL] == "" && !variant {
			// (A variant's offer names the variant's address.)
			p.set(fieldURL, ldText(o["url"]))
		}
	}
	return p
}

// salePriceSpec returns an offer's price specification (one, or a list of
// them, as Google's 2023 markup pairs the price with a struck-out
// StrikethroughPrice or ListPrice): the first with a price that is not a
// struck-out or list price, else nil.
func salePriceSpec(v any) map[string]any {
	list, ok := v.([]any)
	if !ok {
		list = []any{v}
	}
	for _, e := range list {
		m, ok := e.(map[string]any)
		if !ok || ldText(m["price"]) == "" {
			continue
		}
		typ := strings.ToLower(ldText(m["priceType"]))
		if strings.Contains(typ, "strikethrough") || strings.Contains(typ, "listprice") ||
			strings.Contains(typ, "msrp") || strings.Contains(typ, "srp") {
			continue
		}
		return m
	}
	return nil
}

// variantOffer returns the offer of a ProductGroup's variants (its
// hasVariant, one Product or a list) with the lowest price, else the first
// variant offer, else nil.
func variantOffer(v any) any {
	list, ok := v.([]any)
	if !ok {
		list = []any{v}
	}
	var best map[string]any
	bestPrice := 0.0
	for i, e := range list {
		if i == 64 {
			break
		}
		vm, _ := e.(map[string]any)
		offers := vm["offers"]
		if l, ok := offers.([]any); ok && len(l) > 0 {
			offers = l[0]
		}
		o, ok := offers.(map[string]any)
		if !ok {
			continue
		}
		price := ldText(o["price"])
		if price == "" {
			price = ldText(o["lowPrice"])
		}
		f, err := strconv.ParseFloat(strings.ReplaceAll(strings.TrimSpace(price), ",", ""), 64)
		switch {
		case err == nil && (best == nil || bestPrice < 0 || f < bestPrice):
			best, bestPrice = o, f
		case err != nil && best == nil:
			best, bestPrice = o, -1
		}
	}
	if best == nil {
		return nil
	}
	return best
}

// set sets k to v unless v is empty or k is set.
func (p product) set(k, v string) {
	if v != "" && p[k] == "" {
		p[k] = v
	}
}

// ldText renders a JSON-LD scalar, the first of a list, or a {"@value"} or
// {"name"} object as listing text.
func ldText(v any) string {
	switch v := v.(type) {
	case []any:
		for _, e := range v {
			if s := ldText(e); s != "" {
				return s
			}
		}
		return ""
	case map[string]any:
		if x, ok := v["@value"]; ok {
			return ldText(x)
		}
		return ldText(v["name"])
	case string, json.Number, bool:
		return render(v)
	}
	return ""
}

// ldName reads a name: a string, or an Organization/Person/Brand object.
func ldName(v any) string {
	if m, ok := v.(map[string]any); ok {
		for _, k := range []string{"name", "legalName", "alternateName"} {
			if s := ldText(m[k]); s != "" {
				return s
			}
		}
		return ""
	}
	return ldText(v)
}

// ldURL reads a URL: a string, an ImageObject ({"url"} or {"contentUrl"}) or
// the first of a list.
func ldURL(v any) string {
	switch v := v.(type) {
	case []any:
		for _, e := range v {
			if s := ldURL(e); s != "" {
				return s
			}
		}
	case map[string]any:
		if s := ldText(v["url"]); s != "" {
			return s
		}
		return ldText(v["contentUrl"])
	case string:
		return strings.TrimSpace(v)
	}
	return ""
}

// ldAddress reads a place: a string, a PostalAddress, or a Place with an
// address.
func ldAddress(v any) string {
	switch v := v.(type) {
	case string:
		return collapse(v)
	case []any:
		if len(v) > 0 {
			return ldAddress(v[0])
		}
	case map[string]any:
		if a, ok := v["address"]; ok {
			return ldAddress(a)
		}
		var parts []string
		for _, k := range []string{"addressLocality", "addressRegion", "addressCountry"} {
			if s := ldName(v[k]); s != "" {
				parts = append(parts, s)
			}
		}
		if len(parts) > 0 {
			return strings.Join(parts, ", ")
		}
		return ldName(v)
	}
	return ""
}

// microdataProducts returns the microdata Products of root that are not
// properties of another Product.
func microdataProducts(root *html.Node) []product {
	var out []product
	var visit func(n *html.Node)
	visit = func(n *html.Node) {
		if n.Type == html.ElementNode && isItemType(n, productTypes...) {
			if p := microdataProduct(n); p != nil {
				out = append(out, p)
			}
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c)
		}
	}
	visit(root)
	return out
}

// itemProduct returns the microdata Product that item is or contains first,
// or nil.
func itemProduct(item *html.Node) product {
	var found *html.Node
	walk(item, func(n *html.Node) {
		if found == nil && n.Type == html.ElementNode && isItemType(n, productTypes...) {
			found = n
		}
	})
	if found == nil {
		return nil
	}
	return microdataProduct(found)
}

// itemScope reports whether n is an item: a microdata itemscope, or an
// RDFa node with a typeof (Drupal's and older Magento themes' markup:
// <article vocab="https://schema.org/" typeof="Product">).
func itemScope(n *html.Node) bool {
	if _, ok := attr(n, "itemscope"); ok {
		return true
	}
	_, ok := attr(n, "typeof")
	return ok
}

// itemProps returns the property names an element carries: microdata's
// itemprop, or RDFa's property (schema:name and full IRIs read as name).
func itemProps(n *html.Node) []string {
	v, ok := attr(n, "itemprop")
	if !ok {
		if v, ok = attr(n, "property"); !ok {
			return nil
		}
		var out []string
		for f := range strings.FieldsSeq(v) {
			if i := strings.LastIndexAny(f, "/:#"); i >= 0 {
				f = f[i+1:]
			}
			out = append(out, f)
		}
		return out
	}
	return strings.Fields(v)
}

// isItemType reports whether n is an item (itemScope) whose itemtype (or
// RDFa typeof) names one of types.
func isItemType(n *html.Node, types ...string) bool {
	if !itemScope(n) {
		return false
	}
	it, ok := attr(n, "itemtype")
	if !ok {
		it, _ = attr(n, "typeof")
	}
	for f := range strings.FieldsSeq(it) {
		if i := strings.LastIndexAny(f, "/:#"); i >= 0 {
			f = f[i+1:]
		}
		for _, t := range types {
			if strings.EqualFold(f, t) {
				return true
			}
		}
	}
	return false
}

// microdataProps returns the properties of the item scope n: property name
// → the elements carrying it, in document order (nested scopes are their
// own items), then those of the elements its itemref names by id (a
// product whose description or offer lies elsewhere on the page).
func microdataProps(n *html.Node) map[string][]*html.Node {
	props := map[string][]*html.Node{}
	add := func(d *html.Node) {
		for _, name := range itemProps(d) {
			props[name] = append(props[name], d)
		}
	}
	var visit func(c *html.Node)
	visit = func(c *html.Node) {
		for d := c.FirstChild; d != nil; d = d.NextSibling {
			if d.Type != html.ElementNode {
				continue
			}
			add(d)
			if itemScope(d) {
				continue // its own properties belong to it
			}
			visit(d)
		}
	}
	visit(n)
	for _, e := range itemRefs(n) {
		add(e)
		if !itemScope(e) {
			visit(e)
		}
	}
	return props
}

// maxItemRefs bounds the ids one itemref names that are followed.
const maxItemRefs = 32

// itemRefs returns the elements n's itemref names by id, as HTML's
// microdata reads them: each once, none that is n, holds n or lies inside
// it (whose properties are n's already).
func itemRefs(n *html.Node) []*html.Node {
	ref, ok := attr(n, "itemref")
	if !ok || n.DataAtom == atom.Html {
		return nil
	}
	ids := strings.Fields(ref)
	if len(ids) > maxItemRefs {
		ids = ids[:maxItemRefs]
	}
	if len(ids) == 0 {
		return nil
	}
	root := n
	for root.Parent != nil {
		root = root.Parent
	}
	want := make(map[string]bool, len(ids))
	for _, id := range ids {
		want[id] = true
	}
	byID := map[string]*html.Node{}
	walk(root, func(e *html.Node) {
		if e.Type != html.ElementNode {
			return
		}
		if id, ok := attr(e, "id"); ok && want[id] && byID[id] == nil {
			byID[id] = e // the first element of an id, as getElementById
		}
	})
	var out []*html.Node
	seen := map[*html.Node]bool{}
	for _, id := range ids {
		e := byID[id]
		if e == nil || seen[e] || within(e, n) || within(n, e) {
			continue
		}
		seen[e] = true
		out = append(out, e)
	}
	return out
}

// within reports whether n is outer or lies inside it.
func within(n, outer *html.Node) bool {
	for ; n != nil; n = n.Parent {
		if n == outer {
			return true
		}
	}
	return false
}

// microdataValue is the value of a property element (HTML's microdata
// rules, plus a content attribute on any element as search engines read it).
func microdataValue(n *html.Node) string {
	if v, ok := attr(n, "content"); ok {
		return collapse(v)
	}
	var key string
	switch n.DataAtom {
	case atom.Meta:
		key = "content"
	case atom.Audio, atom.Embed, atom.Iframe, atom.Img, atom.Source, atom.Track, atom.Video:
		key = "src"
	case atom.A, atom.Area, atom.Link:
		key = "href"
	case atom.Object:
		key = "data"
	case atom.Data, atom.Meter:
		key = "value"
	case atom.Time:
		key = "datetime"
	}
	if key != "" {
		if v, ok := attr(n, key); ok {
			return collapse(v)
		}
	}
	return visibleText(n)
}

// microdataText returns the first non-empty value of property name of
// scope props; a nested item's value is its name.
func microdataText(props map[string][]*html.Node, name string) string {
	return microdataTextDepth(props, name, 0)
}

// maxItemDepth bounds how deep microdataText reads items named by items:
// itemref may make them name each other in a cycle.
const maxItemDepth = 8

func microdataTextDepth(props map[string][]*html.Node, name string, depth int) string {
	for _, n := range props[name] {
		if itemScope(n) {
			if depth >= maxItemDepth {
				continue
			}
			sub := microdataProps(n)
			for _, k := range []string{"name", "legalName"} {
				if s := microdataTextDepth(sub, k, depth+1); s != "" {
					return s
				}
			}
			continue
		}
		if v := microdataValue(n); v != "" {
			return v
		}
	}
	return ""
}

// microdataProduct reads a microdata Product scope.
func microdataProduct(n *html.Node) product {
	props := microdataProps(n)
	p := product{}
	p.set(precwatch.FieldTitle, microdataText(props, "name"))
	p.set(precwatch.FieldDescription, microdataText(props, "description"))
	p.set(fieldURL, microdataText(props, "url"))
	for _, k := range []string{"sku", "mpn", "gtin13", "productID", "category", "brand"} {
		p.set(strings.ToLower(k), microdataText(props, k))
	}
	p.set("image", microdataText(props, "image"))
	if p[precwatch.FieldTitle] == "" && p[precwatch.FieldDescription] == "" {
		return nil
	}
	for _, o := range props["offers"] {
		if !itemScope(o) {
			continue
		}
		op := microdataProps(o)
		price := microdataText(op, "price")
		if price == "" {
			price = microdataText(op, "lowPrice")
		}
		if c := microdataText(op, "priceCurrency"); c != "" && price != "" && !strings.Contains(price, c) {
			price += " " + c
		}
		p.set(precwatch.FieldPrice, price)
		p.set(precwatch.FieldSeller, microdataText(op, "seller"))
		break
	}
	return p
}

// ogProduct reads OpenGraph product tags: og:title, og:description and
// product:price (or og:price) amount and currency, when og:type is a
// product or a price is given.
func ogProduct(root *html.Node) product {
	meta := map[string]string{}
	walk(root, func(n *html.Node) {
		if n.Type != html.ElementNode || n.DataAtom != atom.Meta {
			return
		}
		k, ok := attr(n, "property")
		if !ok {
			k, _ = attr(n, "name")
		}
		k = strings.ToLower(strings.TrimSpace(k))
		if v, _ := attr(n, "content"); k != "" && meta[k] == "" {
			meta[k] = collapse(v)
		}
	})
	price := meta["product:price:amount"]
	if price == "" {
		price = meta["og:price:amount"]
	}
	if !strings.Contains(meta["og:type"], "product") && price == "" {
		return nil
	}
	p := product{}
	p.set(precwatch.FieldTitle, meta["og:title"])
	p.set(precwatch.FieldDescription, meta["og:description"])
	if p[precwatch.FieldTitle] == "" && p[precwatch.FieldDescription] == "" {
		return nil
	}
	cur := meta["product:price:currency"]
	if cur == "" {
		cur = meta["og:price:currency"]
	}
	if price != "" && cur != "" {
		price += " " + cur
	}
	p.set(precwatch.FieldPrice, price)
	p.set("image", meta["og:image"])
	p.set("brand", meta["product:brand"])
	return p
}

// resolveLDRefs replaces the references of a JSON-LD document's @graph
// ({"@id": "…#offer-0"}, as Yoast and Rank Math link a Product to its
// Offer and the Offer to the seller Organization) by the nodes they name.
// A node is put in place once on each path, so cyclic links end.
func resolveLDRefs(v any) any {
	nodes := map[string]map[string]any{}
	var collect func(any, int)
	collect = func(v any, depth int) {
		if depth > 8 {
			return
		}
		switch v := v.(type) {
		case []any:
			for _, e := range v {
				collect(e, depth+1)
			}
		case map[string]any:
			if id, ok := v["@id"].(string); ok && len(v) > 1 {
				if _, dup := nodes[id]; !dup {
					nodes[id] = v
				}
			}
			if g, ok := v["@graph"]; ok {
				collect(g, depth+1)
			}
		}
	}
	collect(v, 0)
	if len(nodes) == 0 {
		return v
	}
	var resolve func(any, map[string]bool, int) any
	resolve = func(v any, path map[string]bool, depth int) any {
		if depth > 16 {
			return v
		}
		switch v := v.(type) {
		case []any:
			out := make([]any, len(v))
			for i, e := range v {
				out[i] = resolve(e, path, depth+1)
			}
			return out
		case map[string]any:
			id, _ := v["@id"].(string)
			if len(v) == 1 && id != "" {
				n, ok := nodes[id]
				if !ok || path[id] {
					return v
				}
				v = n
			}
			if id != "" {
				if path[id] {
					return v
				}
				path[id] = true
				defer delete(path, id)
			}
			out := make(map[string]any, len(v))
			for k, e := range v {
				out[k] = resolve(e, path, depth+1)
			}
			return out
		}
		return v
	}
	return resolve(v, map[string]bool{}, 0)
}
