package crawler

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"testing"
)

// TestContentCodingsNotCodings17 reads Content-Encoding values that name
// no coding ("UTF-8", "none") as none; before, the page failed as
// unreadable.
func TestContentCodingsNotCodings17(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
		ok   bool
	}{
		{"UTF-8", nil, true},
		{"utf8", nil, true},
		{"none", nil, true},
		{"binary", nil, true},
		{"ISO-8859-1", nil, true},
		{"gzip, utf-8", []string{"gzip"}, true},
		{"zstd", nil, false},
		{"compress", nil, false},
		{"utf-8-gzip", nil, false},
	} {
		got, ok := contentCodings(c.in)
		if ok != c.ok || !slices.Equal(got, c.want) {
			t.Errorf("%q: %v %v, want %v %v", c.in, got, ok, c.want, c.ok)
		}
	}
}

// TestFalseGzip17 reads a plain body that its server labels gzip as it
// is, and still decodes a gzipped one; before, the plain body failed with
// "gzip: invalid header".
func TestFalseGzip17(t *testing.T) {
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(`{"items":[]}`))
	zw.Close()
	for _, c := range []struct {
		name string
		body []byte
		want string
	}{
		{"plain html", []byte("\n<html><body>ok</body></html>"), "\n<html><body>ok</body></html>"},
		{"plain json", []byte(`{"items":[1]}`), `{"items":[1]}`},
		{"gzipped", gz.Bytes(), `{"items":[]}`},
	} {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Encoding", "gzip")
			w.Write(c.body)
		}))
		tr := &capTransport{base: &http.Transport{}, max: 1 << 20} // no proxy: loopback only
		req, _ := http.NewRequest(http.MethodGet, srv.URL, nil)
		resp, err := tr.RoundTrip(req)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		got, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		srv.Close()
		if err != nil || string(got) != c.want {
			t.Errorf("%s: %q, %v; want %q", c.name, got, err, c.want)
		}
	}
}
