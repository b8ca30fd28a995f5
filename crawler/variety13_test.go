package crawler

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/precwatch/precwatch"
)

// TestVariety13JSONTargetHTMLCharset decodes an app's HTML page fetched by
// a json target (its embedded state) in the charset its <meta> declares,
// as an html target does (before: read as UTF-8, the GBK text replaced by
// U+FFFD), while a JSON body stays UTF-8 whatever text it holds.
func TestVariety13JSONTargetHTMLCharset(t *testing.T) {
	gbk, _ := simplifiedchinese.GBK.NewEncoder().String(`<!DOCTYPE html><html><head><meta charset="gbk"></head><body><script>window.__INITIAL_STATE__={"t":"麻黄碱"}</script></body></html>`)
	cp1251, _ := charmap.Windows1251.NewEncoder().String(`<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"></head><body><script>window.__STATE__={"t":"Сафрол"}</script></body></html>`)
	for _, tc := range []struct {
		name, body, ct, want string
	}{
		{"gbk meta", gbk, "text/html", "麻黄碱"},
		{"windows-1251 meta, no content type", cp1251, "", "Сафрол"},
		{"json naming a charset stays utf-8", `{"html":"<meta charset=\"gbk\">","t":"麻黄碱"}`, "application/json", "麻黄碱"},
	} {
		out, _, err := toUTF8([]byte(tc.body), tc.ct, precwatch.KindJSON)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if !strings.Contains(string(out), tc.want) {
			t.Errorf("%s: decoded %q, want it to hold %q", tc.name, out, tc.want)
		}
	}
}
