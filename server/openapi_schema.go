package server

import (
	"reflect"
	"strings"
	"time"

	"github.com/precwatch/precwatch"
)

// targetFieldDocs describes the target fields whose meaning is not plain
// from their name, by dotted JSON path.
var targetFieldDocs = map[string]string{
	"name":                   "unique, [a-z0-9-]+",
	"platform":               "the partner platform's display name",
	"kind":                   "html (default) or json (JSON, CSV/TSV feeds, app state embedded in HTML)",
	"schedule":               "robfig/cron spec (5 fields or descriptors such as @every 6h)",
	"allowed_domains":        "hosts the crawl may fetch; default: the hosts of start_urls",
	"allow_private_networks": "lifts the SSRF guard for private addresses (loopback testing); never reaches precwatch's own address",
	"follow":                 "CSS selectors of links to listing pages",
	"next_page":              "CSS selectors of pagination links",
	"delay":                  "between requests to one host: nanoseconds, or a duration such as \"250ms\"",
	"timeout":                "of one request: nanoseconds, or a duration such as \"20s\"",
	"headers":                "extra request headers sent to the allowed domains only; write-only: values are answered as \"" + HeaderMask + "\", and a value written back as \"" + HeaderMask + "\" keeps the stored one",
	"listing.url_pattern":    "regexp a listing page's URL matches",
	"listing.item":           "CSS selector: each match is one listing (default: the page)",
	"listing.fields":         "field name to \"css\", \"css@attr\" or \"@attr\"",
	"listing.gone":           "CSS selector of the notice a platform shows, with status 200, on a taken-down listing",
	"json.items":             "dotted path to the array of listings",
	"json.next_page":         "dotted path to the next page: a URL, a page number, a cursor (sent back as ${cursor}) or a boolean",
	"json.fields":            "field name to a dotted path or a template of item values (\"https://shop.example/offer/{id}\")",
	"json.method":            "GET (default) or POST, for GraphQL and search APIs that take their page in a body",
	"json.body":              "the body of a POST feed, sent as application/json unless headers set a Content-Type; ${page}, ${offset} and ${cursor} are filled in for every page. Secrets in it are write-only: the values of keys named like a secret (api_key, token, secret, password, auth, …) are answered as \"" + HeaderMask + "\" (a body that is not JSON, whole), and a \"" + HeaderMask + "\" written back at the same place keeps the stored value",
}

// targetSchema is the OpenAPI schema of precwatch.Target, read from its
// JSON field tags, so that a field added to Target is described at once.
func targetSchema() map[string]any {
	s := structSchema(reflect.TypeFor[precwatch.Target](), "")
	s["description"] = "a crawl target, fields as in the configuration file (DESIGN.md, docs/CRAWLING.md); durations in nanoseconds or written as in the configuration file (\"250ms\", \"20s\"); answers give nanoseconds"
	s["required"] = []string{"name", "platform", "start_urls"}
	return s
}

func structSchema(t reflect.Type, prefix string) map[string]any {
	props := map[string]any{}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if !f.IsExported() || name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		path := prefix + name
		s := typeSchema(f.Type, path+".")
		if d, ok := targetFieldDocs[path]; ok {
			s["description"] = d
		}
		switch path {
		case "kind":
			s["enum"] = []string{precwatch.KindHTML, precwatch.KindJSON}
		case "json.method":
			s["enum"] = []string{"GET", "POST"}
		}
		props[name] = s
	}
	return map[string]any{"type": "object", "properties": props}
}

func typeSchema(t reflect.Type, prefix string) map[string]any {
	if t == reflect.TypeFor[time.Duration]() {
		return map[string]any{"oneOf": []any{map[string]any{"type": "integer"}, map[string]any{"type": "string"}}}
	}
	switch t.Kind() {
	case reflect.String:
		return map[string]any{"type": "string"}
	case reflect.Bool:
		return map[string]any{"type": "boolean"}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64, reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return map[string]any{"type": "integer"}
	case reflect.Float32, reflect.Float64:
		return map[string]any{"type": "number"}
	case reflect.Slice:
		return map[string]any{"type": "array", "items": typeSchema(t.Elem(), prefix)}
	case reflect.Map:
		return map[string]any{"type": "object", "additionalProperties": typeSchema(t.Elem(), prefix)}
	case reflect.Struct:
		return structSchema(t, prefix)
	case reflect.Pointer:
		return typeSchema(t.Elem(), prefix)
	}
	return map[string]any{}
}
