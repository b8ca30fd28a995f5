package extract

import (
	"bytes"
	"encoding/json"
	"io"
	"maps"
	"regexp"
	"slices"
	"strings"

	"github.com/precwatch/precwatch"
)

// markup finds an HTML tag in a string.
var markup = regexp.MustCompile(`<[a-zA-Z][a-zA-Z0-9-]*[\s/>]`)

// maxJSONHTML bounds the HTML snippets collected from one JSON body.
const maxJSONHTML = 64 << 20

// jsonHTML turns a JSON body that wraps rendered HTML — the answer of a
// "Load more" or infinite-scroll endpoint ({"html": "…"}, WordPress
// admin-ajax {"data": {"html": …}}, Drupal Views' list of AJAX commands)
// — into an HTML document: the string values holding markup, in document
// order, with the next-page URL the JSON names under a conventional key
// (defaultNextKeys) as a <link rel="next">. It returns false when body is
// not JSON or holds no markup.
func jsonHTML(body []byte) ([]byte, string, bool) {
	trimmed := bytes.TrimLeft(bytes.TrimPrefix(body, []byte("\xef\xbb\xbf")), " \t\r\n")
	if len(trimmed) == 0 || (trimmed[0] != '{' && trimmed[0] != '[') {
		return nil, "", false
	}
	dec := json.NewDecoder(bytes.NewReader(trimmed))
	var out bytes.Buffer
	out.WriteString("<html><head></head><body>\n")
	found := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, "", false // not JSON after all: read it as HTML
		}
		s, ok := tok.(string)
		if !ok || !markup.MatchString(s) || out.Len()+len(s) > maxJSONHTML {
			continue
		}
		found = true
		out.WriteString(s)
		out.WriteString("\n")
	}
	if !found {
		return nil, "", false
	}
	var doc any
	next := ""
	if json.Unmarshal(trimmed, &doc) == nil {
		for _, k := range defaultNextKeys {
			if v, ok := lookup(doc, k); ok {
				if s, ok := v.(string); ok && looksLikeURL(strings.TrimSpace(s)) {
					next = strings.TrimSpace(s)
					break
				}
			}
		}
	}
	out.WriteString("</body></html>")
	return out.Bytes(), next, true
}

// fieldKeys are the keys under which an endpoint answering a field's text
// as JSON names it, besides the field's own name.
var fieldKeys = map[string][]string{
	precwatch.FieldPrice:       {"price", "formattedprice", "priceformatted", "displayprice", "pricetext", "finalprice", "amount", "value"},
	precwatch.FieldDescription: {"description", "body", "text", "content", "html"},
	precwatch.FieldSeller:      {"seller", "sellername", "vendor", "shop", "store", "merchant"},
	precwatch.FieldLocation:    {"location", "country", "city", "origin"},
	precwatch.FieldTitle:       {"title", "name"},
}

// FieldText returns the text of field read from a document a page loads by
// script (see FrameText): an endpoint that answers JSON without markup
// ({"price": "€ 12.00", "stock": 3}) gives the value under the field's
// name or a usual key for it (price, formattedPrice, amount, …), searched
// a few levels deep ({"data": {"price": …}}); JSON naming none of them
// gives "" rather than its source text.
func FieldText(doc []byte, field string) string {
	trimmed := bytes.TrimLeft(bytes.TrimPrefix(doc, []byte("\xef\xbb\xbf")), " \t\r\n")
	if len(trimmed) == 0 || trimmed[0] != '{' && trimmed[0] != '[' {
		return FrameText(doc)
	}
	if _, _, ok := jsonHTML(trimmed); ok {
		return FrameText(doc)
	}
	dec := json.NewDecoder(bytes.NewReader(trimmed))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return FrameText(doc)
	}
	keys := append([]string{normKey(field)}, fieldKeys[field]...)
	level := []any{v}
	for depth := 0; depth < 4 && len(level) > 0; depth++ {
		for _, k := range keys {
			for _, n := range level {
				if m, ok := n.(map[string]any); ok {
					for mk, mv := range m {
						if normKey(mk) == k {
							if s := render(mv); s != "" && !strings.HasPrefix(s, "{") && !strings.HasPrefix(s, "[") {
								return s
							}
						}
					}
				}
			}
		}
		var next []any
		for _, n := range level {
			switch n := n.(type) {
			case map[string]any:
				for _, k := range slices.Sorted(maps.Keys(n)) {
					next = append(next, n[k])
				}
			case []any:
				if len(n) > 0 {
					next = append(next, n[0])
				}
			}
		}
		level = next
	}
	if m, ok := v.(map[string]any); ok {
		if s := renderObject(m); !strings.HasPrefix(s, "{") {
			return s // {"amount": 12, "currency": "EUR"}
		}
	}
	return ""
}

// normKey lower-cases a key and drops '_' and '-'.
func normKey(k string) string {
	return strings.ToLower(strings.NewReplacer("_", "", "-", "").Replace(k))
}
