package extract

import (
	"bytes"
	"encoding/json"
	"io"
	"regexp"
	"strings"
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
