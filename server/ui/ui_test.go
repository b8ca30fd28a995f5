package ui

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestPagesParseAndEscape(t *testing.T) {
	u, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"login", "error"} {
		var b bytes.Buffer
		data := map[string]any{"Title": "<script>t</script>", "Error": "<b>e</b>", "Data": "/next\"><script>", "CSRF": "tok"}
		if err := u.Render(&b, name, data); err != nil {
			t.Fatalf("Render(%s): %v", name, err)
		}
		if strings.Contains(b.String(), "<script>") || strings.Contains(b.String(), "<b>e</b>") {
			t.Errorf("Render(%s) did not escape its data:\n%s", name, b.String())
		}
	}
	if err := u.Render(&bytes.Buffer{}, "no-such-page", nil); err == nil {
		t.Error("Render of an unknown page: no error")
	}
}

func TestStaticServesCSS(t *testing.T) {
	u, err := New()
	if err != nil {
		t.Fatal(err)
	}
	w := httptest.NewRecorder()
	u.Static().ServeHTTP(w, httptest.NewRequest("GET", "/static/style.css", nil))
	if w.Code != http.StatusOK || !strings.Contains(w.Header().Get("Content-Type"), "text/css") || !strings.Contains(w.Body.String(), "@media") {
		t.Errorf("GET /static/style.css: %d %q", w.Code, w.Header().Get("Content-Type"))
	}
}
