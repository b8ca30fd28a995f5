package extract

import (
	"encoding/json"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/precwatch/precwatch"
)

// Single-page-app shops send an empty shell and embed the page's data as
// JSON: Next.js in <script id="__NEXT_DATA__" type="application/json">,
// Nuxt and Redux-style apps in window.__NUXT__ / window.__INITIAL_STATE__ =
// {...} assignments. When a page has no JSON-LD, microdata or OpenGraph
// product, embeddedProduct reads the product from that JSON — only when one
// object there is recognisably the page's product, never from menus,
// recommendations or lists of other products.

// embeddedStateVars are the window globals apps assign their state to.
var embeddedStateVars = []string{"__NEXT_DATA__", "__NUXT__", "__INITIAL_STATE__", "__PRELOADED_STATE__",
	"__INITIAL_DATA__", "__APP_STATE__", "__STATE__", "__APOLLO_STATE__", "__PRERENDERED_STATE__", "__REDUX_STATE__",
	"__SERVER_STATE__", "__INITIAL_PROPS__", "__initialData__",
	// Remix (Shopify Hydrogen) and React Router 7: the routes' loader
	// data under state.loaderData, keyed by route id.
	"__remixContext", "__reactRouterContext"}

// windowGlobal finds the names of window globals a script assigns
// (window.__X__ = …, window.__remixContext = …, window.pageData = …),
// which a feed target reads as app state whatever their name; also a
// member of a global (AliExpress' window._dida_config_._init_data_ = {…}),
// named by its dotted path.
var windowGlobal = regexp.MustCompile(`window\.([A-Za-z_$][A-Za-z0-9_$]*(?:\.[A-Za-z_$][A-Za-z0-9_$]*){0,3})\s*=[^=]`)

// scriptGlobal finds the names of the variables a script declares with an
// object literal (var meta = {…}, as Shopify's ShopifyAnalytics snippet
// writes it; let and const too), which a feed target also reads.
var scriptGlobal = regexp.MustCompile(`(?:^|[;{}\s])(?:var|let|const)\s+([A-Za-z_$][A-Za-z0-9_$]*)\s*=\s*(?:JSON\.parse\(\s*)?[{'"]`)

// maxEmbeddedDepth bounds how deep embeddedProduct looks into the JSON.
const maxEmbeddedDepth = 12

// embeddedProduct returns the product of a page's embedded app state, or nil
// when there is none or it is not clear which object is the page's product.
func embeddedProduct(root *html.Node) product {
	states := embeddedStates(root, false)
	var strong, weak []map[string]any
	for _, s := range states {
		collectEmbedded(s, "", false, false, 0, &strong, &weak)
	}
	var m map[string]any
	switch {
	case len(strong) > 0:
		// The same product may be held twice (state.product and
		// state.entities.product): one title, one product.
		for _, c := range strong[1:] {
			if embeddedTitle(c) != embeddedTitle(strong[0]) {
				return nil
			}
		}
		m = strong[0]
	case len(weak) == 1:
		m = weak[0]
	default:
		return nil
	}
	return embeddedFields(m)
}

// embeddedStates returns the app states a page embeds, in document order:
// Next.js' __NEXT_DATA__, an __INITIAL_STATE__ script, the window globals
// of embeddedStateVars and SvelteKit's route data, then the turbo-stream
// React Router's scripts enqueue; with anyJSON, also every other <script>
// of JSON data (application/json, other JSON types, Ember's shoebox): a
// feed target reading a page's data.
func embeddedStates(root *html.Node, anyJSON bool) []any {
	var states []any
	walk(root, func(n *html.Node) {
		if n.Type != html.ElementNode || n.DataAtom != atom.Script {
			return
		}
		text := scriptContent(n)
		typ, _ := attr(n, "type")
		typ, _, _ = strings.Cut(strings.ToLower(strings.TrimSpace(typ)), ";")
		typ = strings.TrimSpace(typ)
		if typ == "qwik/json" {
			// Qwik's resumable state: a flat list of entries.
			if anyJSON {
				states = append(states, qwikStates(text)...)
			}
			return
		}
		if nuxtData(n) {
			// Nuxt 3's payload, flattened by devalue.
			if v, ok := parseLD(text); ok {
				if r, ok := reviveDevalue(v); ok {
					states = append(states, r)
				}
			}
			return
		}
		if shopifyProductScript(n) && !anyJSON {
			// A Shopify theme's product (Liquid's product | json):
			// the page's product, its prices in cents.
			if v, ok := parseLD(text); ok {
				if m, ok := v.(map[string]any); ok {
					states = append(states, map[string]any{"product": shopifyProduct(m, shopifyCurrency(root))})
				}
			}
			return
		}
		if id, _ := attr(n, "id"); id == "__NEXT_DATA__" || strings.EqualFold(id, "__INITIAL_STATE__") ||
			anyJSON && jsonScriptType(typ) {
			if v, ok := parseLD(text); ok {
				states = append(states, v)
			} else if v, ok := parseLD(transferStateText.Replace(text)); ok && strings.Contains(text, "&q;") {
				// Angular Universal's TransferState before v16
				// escaped its JSON: &q; for ", &a; for &.
				states = append(states, v)
			}
			return
		}
		if typ != "" && typ != "text/javascript" && typ != "application/javascript" && typ != "module" {
			return
		}
		names := embeddedStateVars
		if anyJSON {
			// A feed target names the path into the state: any
			// window global may hold it.
			for _, re := range []*regexp.Regexp{windowGlobal, scriptGlobal} {
				for _, m := range re.FindAllStringSubmatch(text, 64) {
					if !slices.Contains(names, m[1]) {
						names = append(slices.Clip(names), m[1])
					}
				}
			}
		}
		for _, name := range names {
			if v, ok := stateAssignment(text, name); ok {
				states = append(states, v)
			}
		}
		states = append(states, svelteKitData(text)...)
	})
	if stream := turboStreamScripts(root); stream != "" {
		// React Router v7's loader data, enqueued as a turbo-stream.
		if v, ok := decodeTurboStream(stream); ok {
			states = append(states, v)
		}
	}
	for _, st := range states {
		resolveApollo(st, 0)
	}
	return states
}

// svelteKitNodes finds where a SvelteKit page's hydration script lists its
// route nodes: `const data = [null, {type: "data", data: {…}}]` (SvelteKit
// 2 and late 1.x), or `data: […]` in the options of kit.start or of 1.0's
// start({hydrate: {…}}) in a data-sveltekit-hydrate module script.
var svelteKitNodes = regexp.MustCompile(`\bdata\s*[:=]\s*[\[(]`)

// svelteKitData returns the data of the route nodes a SvelteKit page
// hydrates with (a JavaScript literal, as devalue writes it), in order.
func svelteKitData(script string) []any {
	if !strings.Contains(script, "__sveltekit_") && !strings.Contains(script, "kit.start(") &&
		!strings.Contains(script, "sveltekit-hydrate") { // SvelteKit 1.0's start({hydrate: {data: […]}})
		return nil
	}
	for _, loc := range svelteKitNodes.FindAllStringIndex(script, 8) {
		v, ok := decodeJSLiteral(script[loc[1]-1:])
		nodes, _ := v.([]any)
		if !ok || len(nodes) == 0 {
			continue
		}
		var out []any
		for _, n := range nodes {
			m, _ := n.(map[string]any)
			if m == nil {
				continue // a node without data: null
			}
			if typ, _ := m["type"].(string); typ == "data" && m["data"] != nil {
				out = append(out, m["data"])
			}
		}
		if len(out) > 0 {
			return out
		}
	}
	return nil
}

// shopifyProductScript reports whether a script holds a Shopify theme's
// product as Liquid's `product | json` writes it: <script
// type="application/json" id="ProductJson-product-template"> (themes
// before Dawn) or <script type="application/json" data-product-json>.
func shopifyProductScript(n *html.Node) bool {
	if id, _ := attr(n, "id"); strings.HasPrefix(id, "ProductJson-") {
		return true
	}
	_, ok := attr(n, "data-product-json")
	return ok
}

// shopifyActiveCurrency finds the shop's currency in the Shopify object its
// pages set up (Shopify.currency = {"active":"EUR","rate":"1.0"}).
var shopifyActiveCurrency = regexp.MustCompile(`Shopify\.currency\s*=\s*\{[^{}]*"active"\s*:\s*"([A-Z]{3})"`)

// shopifyCurrency returns the currency a Shopify page sells in, or "".
func shopifyCurrency(root *html.Node) string {
	var cur string
	walk(root, func(n *html.Node) {
		if cur == "" && n.Type == html.ElementNode && n.DataAtom == atom.Script {
			if m := shopifyActiveCurrency.FindStringSubmatch(scriptContent(n)); m != nil {
				cur = m[1]
			}
		}
	})
	return cur
}

// shopifyProduct returns a copy of a Shopify product with its price (an
// integer number of cents in `product | json`) written in units, with the
// shop's currency: 12000 is "120.00 EUR".
func shopifyProduct(m map[string]any, currency string) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[k] = v
	}
	for _, k := range []string{"price", "price_min"} {
		n, ok := m[k].(json.Number)
		if !ok {
			continue
		}
		cents, err := strconv.ParseInt(n.String(), 10, 64)
		if err != nil || cents < 0 {
			continue
		}
		price := fmt.Sprintf("%d.%02d", cents/100, cents%100)
		if currency != "" {
			price += " " + currency
		}
		out["price"] = price
		break
	}
	return out
}

// jsonScriptType reports whether a script of type typ holds JSON data:
// application/json and ld+json, other JSON types (text/json,
// application/vnd.api+json) and Ember FastBoot's shoebox
// (<script type="fastboot/shoebox" id="shoebox-…">), and Magento 2's
// component initialisation (<script type="text/x-magento-init">), which
// holds a page's product data keyed by component.
func jsonScriptType(typ string) bool {
	return typ == "application/json" || typ == "application/ld+json" || strings.HasSuffix(typ, "/json") ||
		strings.HasSuffix(typ, "+json") || typ == "fastboot/shoebox" || typ == "text/x-magento-init"
}

// stateAssignment decodes the JSON object assigned to window.name (or
// window["name"], or a bare name = ...) in a script.
func stateAssignment(script, name string) (any, bool) {
	if !strings.Contains(script, name) {
		return nil, false
	}
	for _, prefix := range []string{"window." + name, `window["` + name + `"]`, "window['" + name + "']", "self." + name, "var " + name, "let " + name, "const " + name} {
		i := strings.Index(script, prefix)
		if i < 0 {
			continue
		}
		rest := strings.TrimLeft(script[i+len(prefix):], " \t\r\n")
		if !strings.HasPrefix(rest, "=") || strings.HasPrefix(rest, "==") {
			continue
		}
		rest = strings.TrimLeft(rest[1:], " \t\r\n")
		if r, ok := strings.CutPrefix(rest, "JSON.parse("); ok {
			// The state handed to JSON.parse as a string literal
			// (window.__INITIAL_STATE__ = JSON.parse('{…}')), which
			// browsers parse faster than an object literal.
			rest = strings.TrimLeft(r, " \t\r\n")
		}
		if strings.HasPrefix(rest, `"`) || strings.HasPrefix(rest, "'") || strings.HasPrefix(rest, "`") {
			// The state as a JSON string holding JSON (OLX's
			// window.__PRERENDERED_STATE__= "{\"listing\": …}"), or
			// percent-encoded JSON (Avito's __initialData__).
			if v, ok := stringState(rest); ok {
				return v, true
			}
			continue
		}
		if strings.HasPrefix(rest, "(") {
			// Nuxt 2's (function(a,b,…){return {…}}(…)): the
			// state built from the call's arguments.
			if v, ok := decodeStateFunction(rest); ok {
				return v, true
			}
			continue
		}
		if !strings.HasPrefix(rest, "{") {
			continue
		}
		if v, ok := decodeScriptJSON(rest); ok {
			return v, true
		}
		if v, ok := decodeJSLiteral(rest); ok {
			// A JavaScript object literal, not JSON: unquoted
			// keys, single quotes (Nuxt 2's {layout:"default",…}).
			return v, true
		}
	}
	return nil, false
}

// stringState decodes the JSON that a script's string literal holds (in
// double quotes, as JSON writes it, or in single quotes or backticks, with
// JavaScript's escapes), also when the string is percent-encoded.
func stringState(lit string) (any, bool) {
	if strings.HasPrefix(lit, "`") && strings.Contains(lit[:max(matchBacktick(lit), 0)], "${") {
		return nil, false // a template literal with substitutions
	}
	p := &jsParser{s: lit}
	v, err := p.str()
	if err != nil {
		return nil, false
	}
	text := strings.TrimSpace(v.(string))
	if l := strings.ToLower(text); strings.HasPrefix(l, "%7b") || strings.HasPrefix(l, "%5b") {
		u, err := url.PathUnescape(text)
		if err != nil {
			return nil, false
		}
		text = u
	}
	if !strings.HasPrefix(text, "{") && !strings.HasPrefix(text, "[") {
		return nil, false
	}
	return decodeScriptJSON(text)
}

// matchBacktick returns the index of the backtick closing the template
// literal that s starts with, or -1.
func matchBacktick(s string) int {
	for i := 1; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '`':
			return i
		}
	}
	return -1
}

// notProductKeys mark parts of an app's state that hold other things than
// the page's product: navigation, recommendations, the cart.
var notProductKeys = []string{"related", "recommend", "similar", "suggest", "upsell", "crosssell", "cross_sell",
	"cross", "recent", "viewed", "menu", "nav", "footer", "header", "breadcrumb", "cart", "basket", "wishlist",
	"bundle", "also", "compare", "popular", "bestseller", "trending", "sponsored", "promo", "banner", "advert",
	"carousel", "accessor"}

// productKey reports whether k names the object holding the page's product.
func productKey(k string) bool {
	if i := strings.Index(k, "("); i > 0 && strings.HasSuffix(k, ")") {
		k = k[:i] // Apollo's product({"slug":"x"}): a field with its arguments
	}
	k = strings.ToLower(k)
	switch k {
	case "product", "item", "offer", "listing", "ad", "productdata", "productdetail", "productdetails",
		"currentproduct", "currentitem", "currentoffer", "currentlisting":
		return true
	}
	return false
}

// excludedKey reports whether a word of key k (split at "_", "-" and
// camelCase) starts with one of notProductKeys: "relatedProducts",
// "recently_viewed", "navigation", but not "unavailable".
func excludedKey(k string) bool {
	var words []string
	start := 0
	for i, r := range k {
		switch {
		case r == '_' || r == '-' || r == '.' || r == ' ':
			words = append(words, k[start:i])
			start = i + 1
		case r >= 'A' && r <= 'Z' && i > start && !(k[i-1] >= 'A' && k[i-1] <= 'Z'):
			words = append(words, k[start:i])
			start = i
		}
	}
	words = append(words, k[start:])
	for _, w := range words {
		w = strings.ToLower(w)
		for _, x := range notProductKeys {
			if strings.HasPrefix(w, x) {
				return true
			}
		}
	}
	return false
}

// collectEmbedded gathers the product-like objects of v: strong ones held
// by a product key (product, item, offer, …) or typed schema.org Product,
// weak ones anywhere else outside arrays. It does not look inside a product
// (its variants and accessories) nor under keys that hold other things.
func collectEmbedded(v any, key string, strong, inArray bool, depth int, strongs, weaks *[]map[string]any) {
	if depth > maxEmbeddedDepth || excludedKey(key) {
		return
	}
	switch v := v.(type) {
	case map[string]any:
		if productLike(v) {
			switch {
			case strong || !inArray && ldType(v, "Product"):
				*strongs = append(*strongs, v)
			case !inArray:
				*weaks = append(*weaks, v)
			}
			return
		}
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			collectEmbedded(v[k], k, strong || productKey(k), inArray, depth+1, strongs, weaks)
		}
	case []any:
		for _, e := range v {
			collectEmbedded(e, key, false, true, depth+1, strongs, weaks)
		}
	}
}

var (
	embeddedTitleKeys  = []string{"name", "title", "productName", "product_name"}
	embeddedDescKeys   = []string{"description", "shortDescription", "short_description", "body", "details"}
	embeddedPriceKeys  = []string{"price", "currentPrice", "current_price", "salePrice", "sale_price", "priceAmount", "price_amount", "pricing", "prices"}
	embeddedSellerKeys = []string{"seller", "vendor", "merchant", "sellerName", "seller_name", "vendorName", "vendor_name", "shop", "store"}
	embeddedCurrency   = []string{"currency", "priceCurrency", "currencyCode", "currency_code"}
)

// firstText returns the first text read from m's keys that is not empty
// and not JSON (an object read has no name, amount or URL).
func firstText(m map[string]any, keys []string, read func(any) string) string {
	for _, k := range keys {
		if v, ok := m[k]; ok {
			if s := read(v); s != "" && !strings.HasPrefix(s, "{") && !strings.HasPrefix(s, "[") {
				return s
			}
		}
	}
	return ""
}

func embeddedTitle(m map[string]any) string {
	return firstText(m, embeddedTitleKeys, func(v any) string {
		if s, ok := v.(string); ok {
			return collapse(s)
		}
		return ""
	})
}

// productLike reports whether m looks like a product: a title and a price
// (or offers), or a title, a description and a seller.
func productLike(m map[string]any) bool {
	if t := embeddedTitle(m); t == "" || len(t) > 500 {
		return false
	}
	if embeddedPrice(m) != "" {
		return true
	}
	return firstText(m, embeddedDescKeys, render) != "" && firstText(m, embeddedSellerKeys, ldName) != ""
}

// embeddedPrice reads m's price: a number or string, an {amount, currency}
// object, or schema.org offers; a bare amount takes m's currency.
func embeddedPrice(m map[string]any) string {
	price := firstText(m, embeddedPriceKeys, render)
	if price == "" {
		if o := ldProduct(map[string]any{"name": "x", "offers": m["offers"]}); o != nil {
			price = o[precwatch.FieldPrice]
		}
	}
	if price != "" && strings.Trim(price, "0123456789.,") == "" {
		if c := firstText(m, embeddedCurrency, render); c != "" {
			price += " " + c
		}
	}
	return price
}

// embeddedFields reads an embedded product object as listing fields.
func embeddedFields(m map[string]any) product {
	p := product{}
	p.set(precwatch.FieldTitle, embeddedTitle(m))
	p.set(precwatch.FieldDescription, firstText(m, embeddedDescKeys, render))
	p.set(precwatch.FieldPrice, embeddedPrice(m))
	p.set(precwatch.FieldSeller, firstText(m, embeddedSellerKeys, ldName))
	if o := ldProduct(map[string]any{"name": "x", "offers": m["offers"]}); o != nil {
		p.set(precwatch.FieldSeller, o[precwatch.FieldSeller])
		p.set(precwatch.FieldLocation, o[precwatch.FieldLocation])
	}
	if s, ok := m["location"].(string); ok {
		p.set(precwatch.FieldLocation, collapse(s))
	}
	p.set("sku", firstText(m, []string{"sku", "SKU"}, render))
	p.set("brand", firstText(m, []string{"brand"}, ldName))
	return p
}

// transferStateText undoes the escaping Angular Universal's TransferState
// gave its JSON before v16 (<script id="serverApp-state">{&q;k&q;: …}).
var transferStateText = strings.NewReplacer("&q;", `"`, "&s;", "'", "&l;", "<", "&g;", ">", "&a;", "&")

// attributeStates returns the app states a page keeps in attributes, in
// document order: Inertia.js' page object (<div id="app" data-page="{…}">,
// as Laravel and Rails apps render it), a Livewire component's snapshot
// (<div wire:snapshot="{…}">, its tuples revived) and the props of Astro's
// islands (<astro-island props="{…}">, revived from Astro's [type, value]
// pairs).
func attributeStates(root *html.Node) []any {
	var states []any
	walk(root, func(n *html.Node) {
		if n.Type != html.ElementNode {
			return
		}
		if v, ok := attr(n, "data-page"); ok && strings.HasPrefix(strings.TrimSpace(v), "{") {
			if st, ok := parseLD(v); ok {
				states = append(states, st)
			}
		}
		if v, ok := attr(n, "wire:snapshot"); ok {
			// A Livewire 3 component's state, its PHP arrays
			// written as [value, {"s": "arr"}] tuples.
			if st, ok := parseLD(v); ok {
				states = append(states, reviveLivewire(st, 0))
			}
		}
		if n.Data == "astro-island" {
			if v, ok := attr(n, "props"); ok {
				if st, ok := parseLD(v); ok {
					if m, ok := st.(map[string]any); ok {
						states = append(states, reviveAstroProps(m, 0))
					}
				}
			}
		}
	})
	return states
}

// reviveAstroProps turns an Astro island's serialized props (each value a
// [type, value] pair: 0 a plain value or object of such pairs, 1 an
// array of them, others a Date, URL, BigInt, Map or Set as text or list)
// into the object they stand for.
func reviveAstroProps(m map[string]any, depth int) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[k] = reviveAstro(v, depth+1)
	}
	return out
}

func reviveAstro(v any, depth int) any {
	pair, ok := v.([]any)
	if !ok || len(pair) != 2 || depth > 64 {
		return v
	}
	tag, _ := pair[0].(float64)
	switch val := pair[1].(type) {
	case map[string]any:
		if tag == 0 {
			return reviveAstroProps(val, depth)
		}
		return val
	case []any:
		out := make([]any, len(val))
		for i, e := range val {
			out[i] = reviveAstro(e, depth+1)
		}
		return out
	default:
		return val
	}
}

// reviveLivewire turns a Livewire 3 snapshot into the object it stands for:
// Livewire writes every value a synthesizer handles as a tuple [value,
// {"s": kind, …}] (an array "arr", a collection "clctn", a date "cbn", an
// enum "enm", a model "mdl" as its class and key, with no value); each
// tuple becomes its value, whose members are revived in turn (an array
// inside a tuple is always a tuple itself, so a tuple's value is never
// taken for one).
func reviveLivewire(v any, depth int) any {
	if depth > 64 {
		return v
	}
	if x, ok := v.([]any); ok && len(x) == 2 {
		if meta, ok := x[1].(map[string]any); ok {
			if _, ok := meta["s"].(string); ok {
				v = x[0]
			}
		}
	}
	switch x := v.(type) {
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = reviveLivewire(e, depth+1)
		}
		return out
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = reviveLivewire(e, depth+1)
		}
		return out
	}
	return v
}
