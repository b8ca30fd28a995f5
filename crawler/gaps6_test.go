package crawler

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"context"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/andybalholm/brotli"
)

// encode applies the content codings to s in the order given (as a server
// applying "gzip, br" would: gzip first, then br).
func encode(tb testing.TB, s string, codings ...string) []byte {
	tb.Helper()
	data := []byte(s)
	for _, c := range codings {
		var buf bytes.Buffer
		var w io.WriteCloser
		switch c {
		case "gzip":
			w = gzip.NewWriter(&buf)
		case "zlib":
			w = zlib.NewWriter(&buf)
		case "raw":
			w, _ = flate.NewWriter(&buf, flate.BestCompression)
		case "br":
			w = brotli.NewWriterLevel(&buf, brotli.BestCompression)
		}
		if _, err := w.Write(data); err != nil {
			tb.Fatal(err)
		}
		if err := w.Close(); err != nil {
			tb.Fatal(err)
		}
		data = buf.Bytes()
	}
	return data
}

// TestBrotliAndChains checks brotli bodies (any case), a brotli bomb stopped at the cap
// once decoded, codings applied twice ("gzip, gzip", also as two header
// lines), raw and zlib-wrapped deflate under br, corrupt brotli, and codings
// we do not read.
func TestBrotliAndChains(t *testing.T) {
	page := listingPage("encoded")
	bomb := encode(t, strings.Repeat("<p>x</p>", 1<<20), "br") // 8 MB decoded, a few hundred bytes sent
	corrupt := encode(t, page, "br")
	corrupt = append(corrupt[:len(corrupt)/2:len(corrupt)/2], bytes.Repeat([]byte{0xff}, 40)...)
	type answer struct {
		enc  []string // Content-Encoding header lines
		body []byte
	}
	answers := map[string]answer{
		"/br":          {[]string{"br"}, encode(t, page, "br")},
		"/BR":          {[]string{" BR "}, encode(t, page, "br")},
		"/gzip-gzip":   {[]string{"gzip, gzip"}, encode(t, page, "gzip", "gzip")},
		"/two-lines":   {[]string{"gzip", "gzip"}, encode(t, page, "gzip", "gzip")},
		"/gzip-br":     {[]string{"gzip, br"}, encode(t, page, "gzip", "br")},
		"/zlib-br":     {[]string{"deflate, br"}, encode(t, page, "zlib", "br")},
		"/raw-br":      {[]string{"deflate,br"}, encode(t, page, "raw", "br")},
		"/identity-br": {[]string{"identity, br"}, encode(t, page, "br")},
		"/bomb":        {[]string{"br"}, bomb},
		"/gzip-bomb":   {[]string{"br, gzip"}, encode(t, strings.Repeat("<p>x</p>", 1<<20), "br", "gzip")},
		"/corrupt":     {[]string{"br"}, corrupt},
		"/zstd":        {[]string{"zstd"}, []byte("\x28\xb5\x2f\xfd\x00\x58\x00\x00")},
		"/four":        {[]string{"gzip, gzip, gzip, gzip"}, encode(t, page, "gzip", "gzip", "gzip", "gzip")},
	}
	var mu sync.Mutex
	accepts := map[string]string{}
	srv := mustServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		a, ok := answers[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		mu.Lock()
		accepts[r.URL.Path] = r.Header.Get("Accept-Encoding")
		mu.Unlock()
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		for _, e := range a.enc {
			w.Header().Add("Content-Encoding", e)
		}
		w.Write(a.body)
	}))
	for _, tc := range []struct {
		path, kind string
	}{
		{"/br", ""}, {"/BR", ""}, {"/gzip-gzip", ""}, {"/two-lines", ""}, {"/gzip-br", ""},
		{"/zlib-br", ""}, {"/raw-br", ""}, {"/identity-br", ""},
		{"/bomb", KindTooLarge}, {"/gzip-bomb", KindTooLarge},
		{"/corrupt", KindDecode}, {"/zstd", KindDecode}, {"/four", KindDecode},
	} {
		tg := singlePageTarget(srv.URL, tc.path)
		tg.MaxBodyBytes = 1 << 20
		tg.MaxRetries = 0
		c := mustCrawler(t, Options{})
		sink := &collector{}
		run, err := c.Run(context.Background(), tg, sink)
		if err != nil {
			t.Fatal(err)
		}
		if tc.kind == "" {
			if got := sink.titles(); len(got) != 1 || got[0] != "encoded" || run.Errors != 0 {
				t.Errorf("%s: titles %q, errors %v; want [encoded] and none", tc.path, got, run.ErrorsByKind)
			}
			continue
		}
		if run.ErrorsByKind[tc.kind] != 1 || len(sink.listings) != 0 {
			t.Errorf("%s: errors %v, %d listings; want one %s error", tc.path, run.ErrorsByKind, len(sink.listings), tc.kind)
		}
	}
	mu.Lock()
	defer mu.Unlock()
	if got := accepts["/br"]; got != "gzip, deflate, br" {
		t.Errorf("Accept-Encoding = %q, want %q", got, "gzip, deflate, br")
	}
}
