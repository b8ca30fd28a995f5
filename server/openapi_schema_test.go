package server

import (
	"reflect"
	"strings"
	"testing"

	"github.com/precwatch/precwatch"
)

// TestTargetSchemaHasEveryField: the OpenAPI Target schema names every JSON
// field of precwatch.Target, at every depth, with its type (it had no
// properties: json.method and json.body, listing.gone, headers were not
// described).
func TestTargetSchemaHasEveryField(t *testing.T) {
	schema := targetSchema()
	var walk func(rt reflect.Type, s map[string]any, prefix string)
	n := 0
	walk = func(rt reflect.Type, s map[string]any, prefix string) {
		props, _ := s["properties"].(map[string]any)
		for i := 0; i < rt.NumField(); i++ {
			name, _, _ := strings.Cut(rt.Field(i).Tag.Get("json"), ",")
			p, ok := props[name].(map[string]any)
			if !ok {
				t.Errorf("Target schema lacks %s%s", prefix, name)
				continue
			}
			n++
			if _, typed := p["type"]; !typed && p["oneOf"] == nil {
				t.Errorf("Target schema's %s%s has no type: %v", prefix, name, p)
			}
			if ft := rt.Field(i).Type; ft.Kind() == reflect.Struct && ft.NumField() > 1 && ft.PkgPath() == rt.PkgPath() {
				walk(ft, p, prefix+name+".")
			}
		}
	}
	walk(reflect.TypeFor[precwatch.Target](), schema, "")
	if n < 25 {
		t.Errorf("walked %d fields, want the whole Target", n)
	}
	js := schema["properties"].(map[string]any)["json"].(map[string]any)["properties"].(map[string]any)
	if got := js["method"].(map[string]any)["enum"]; !reflect.DeepEqual(got, []string{"GET", "POST"}) {
		t.Errorf("json.method enum = %v, want [GET POST]", got)
	}
	if d, _ := js["body"].(map[string]any)["description"].(string); !strings.Contains(d, "${cursor}") || !strings.Contains(d, HeaderMask) {
		t.Errorf("json.body description = %q, want the page variables and the mask", d)
	}
}
