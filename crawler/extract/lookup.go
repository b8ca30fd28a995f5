package extract

import (
	"bytes"
	"encoding/json"
	"maps"
	"net/url"
	"regexp"
	"strings"

	"github.com/precwatch/precwatch"
)

// lookupVar is a placeholder of a lookup's URL template: {name}.
var lookupVar = regexp.MustCompile(`\{([a-z][a-z0-9_]*)\}`)

// FieldValue returns the field name of l ("id", "url", "title", …, or an
// attribute), as SetField sets it.
func FieldValue(l *precwatch.Listing, name string) string {
	switch name {
	case fieldID:
		return l.ID
	case fieldURL:
		return l.URL
	case precwatch.FieldTitle:
		return l.Title
	case precwatch.FieldDescription:
		return l.Description
	case precwatch.FieldPrice:
		return l.Price
	case precwatch.FieldSeller:
		return l.Seller
	case precwatch.FieldLocation:
		return l.Location
	}
	return l.Attributes[name]
}

// LookupURL fills a lookup's URL template (precwatch.Lookup.URL) with l's
// values and resolves it against pageURL, the page l was read on: each
// value is escaped for where it stands (a path segment, or a query value
// after "?"), except a template that is one placeholder alone, whose
// value is an address ("{seller_profile}"). It reports false when a value
// is empty (the listing names no seller) or the result is no http(s) URL.
func LookupURL(tmpl string, l *precwatch.Listing, pageURL string) (string, bool) {
	tmpl = strings.TrimSpace(tmpl)
	whole := lookupVar.FindStringSubmatchIndex(tmpl)
	ok := true
	var out string
	if whole != nil && whole[0] == 0 && whole[1] == len(tmpl) {
		out = strings.TrimSpace(FieldValue(l, tmpl[whole[2]:whole[3]]))
		ok = out != ""
	} else {
		var b strings.Builder
		last := 0
		for _, m := range lookupVar.FindAllStringSubmatchIndex(tmpl, -1) {
			b.WriteString(tmpl[last:m[0]])
			v := strings.TrimSpace(FieldValue(l, tmpl[m[2]:m[3]]))
			if v == "" {
				ok = false
			}
			if strings.Contains(tmpl[:m[0]], "?") {
				b.WriteString(url.QueryEscape(v))
			} else {
				b.WriteString(url.PathEscape(v))
			}
			last = m[1]
		}
		b.WriteString(tmpl[last:])
		out = b.String()
	}
	if !ok {
		return "", false
	}
	base, err := url.Parse(pageURL)
	if err != nil {
		return "", false
	}
	ref, err := url.Parse(out)
	if err != nil {
		return "", false
	}
	u := base.ResolveReference(ref)
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return "", false
	}
	u.Fragment = ""
	return u.String(), true
}

// LookupFields reads a lookup's fields (precwatch.Lookup.Fields) from the
// document at docURL: a JSON answer by dotted paths, as a json target's
// fields read an item (an object reads as its name, or as amount and
// currency for a price), else an HTML one by CSS field specs, as an html
// target's fields read a page without listing.item. A field found nowhere
// is left out. body must be UTF-8.
func LookupFields(body []byte, docURL string, fields map[string]string) map[string]string {
	out := map[string]string{}
	trimmed := bytes.TrimSpace(bytes.TrimPrefix(body, []byte("\xef\xbb\xbf")))
	if len(trimmed) > 0 && (trimmed[0] == '{' || trimmed[0] == '[') {
		dec := json.NewDecoder(bytes.NewReader(stripXSSI(trimmed)))
		dec.UseNumber()
		var doc any
		if dec.Decode(&doc) == nil {
			for name, path := range fields {
				if v, ok := lookup(doc, NormalizePath(path)); ok {
					if s := strings.TrimSpace(render(v)); s != "" {
						out[name] = s
					}
				}
			}
			return out
		}
	}
	spec := maps.Clone(fields)
	if _, ok := spec[precwatch.FieldTitle]; !ok {
		// A listing needs a title or description to be read at all;
		// the page's text stands in for one that is not asked for.
		spec[precwatch.FieldTitle] = "html"
	}
	t := &precwatch.Target{Name: "lookup", Kind: precwatch.KindHTML, Listing: precwatch.ListingSpec{Fields: spec}}
	p, err := HTML(t, docURL, body)
	if err != nil || len(p.Listings) == 0 {
		return out
	}
	for name := range fields {
		if v := strings.TrimSpace(FieldValue(&p.Listings[0], name)); v != "" {
			out[name] = v
		}
	}
	return out
}
