package crawler

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/andybalholm/brotli"
	"github.com/precwatch/precwatch"
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

// TestPostNumericCursor crawls POST feeds paged by a numeric cursor
// (last_id): where ${cursor} stands for a JSON value the API gets a number
// (a string would be refused, as typed APIs do), inside a GraphQL query
// string it gets the cursor's text, and a cursor the API gives as a string
// of digits goes back as a string.
func TestPostNumericCursor(t *testing.T) {
	const total = 5
	var mu sync.Mutex
	var bodies []string
	srv := mustServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		raw, _ := io.ReadAll(r.Body)
		mu.Lock()
		bodies = append(bodies, r.URL.Path+" "+string(raw))
		mu.Unlock()
		var req map[string]any
		dec := json.NewDecoder(bytes.NewReader(raw))
		dec.UseNumber()
		if err := dec.Decode(&req); err != nil {
			http.Error(w, `{"error":"body is not JSON"}`, http.StatusBadRequest)
			return
		}
		after := 0
		switch r.URL.Path {
		case "/numeric": // {"after": 3}: a number or null, never a string
			switch v := req["after"].(type) {
			case nil:
			case json.Number:
				n, _ := v.Int64()
				after = int(n)
			default:
				http.Error(w, fmt.Sprintf(`{"error":"after: want an integer, got %T"}`, v), http.StatusBadRequest)
				return
			}
		case "/inline": // a GraphQL query with the cursor written into it
			q, _ := req["query"].(string)
			if _, err := fmt.Sscanf(q[strings.Index(q, "after:")+len("after:"):], "%d", &after); err != nil && !strings.Contains(q, "after: )") {
				http.Error(w, `{"error":"bad query"}`, http.StatusBadRequest)
				return
			}
		case "/stringy": // the API gives and takes its cursor as a string of digits
			switch v := req["after"].(type) {
			case nil:
			case string:
				after, _ = strconv.Atoi(v)
			default:
				http.Error(w, fmt.Sprintf(`{"error":"after: want a string, got %T"}`, v), http.StatusBadRequest)
				return
			}
		}
		var items []map[string]any
		for id := after + 1; id <= min(after+2, total); id++ {
			items = append(items, map[string]any{"id": id, "title": fmt.Sprintf("offer %d", id)})
		}
		var last any
		if len(items) > 0 && after+2 < total {
			last = after + 2
			if r.URL.Path == "/stringy" {
				last = strconv.Itoa(after + 2)
			}
		}
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(map[string]any{"items": items, "last_id": last})
	}))
	for _, tc := range []struct{ path, body string }{
		{"/numeric", `{"after": ${cursor}, "size": 2}`},
		{"/inline", `{"query": "{ offers(after: ${cursor}) { id title } }"}`},
		{"/stringy", `{"after": ${cursor}}`},
	} {
		tg := loopbackTarget("post", srv.URL+tc.path)
		tg.Kind = precwatch.KindJSON
		tg.MaxRetries = 0
		tg.JSON = precwatch.JSONSpec{Method: "POST", Body: tc.body, Items: "items", NextPage: "last_id",
			Fields: map[string]string{"id": "id", "title": "title"}}
		sink := &collector{}
		run, err := mustCrawler(t, Options{}).Run(context.Background(), tg, sink)
		if err != nil {
			t.Fatal(err)
		}
		if got := len(sink.listings); got != total || !run.Complete || run.Errors != 0 {
			mu.Lock()
			t.Errorf("%s %s: %d listings, complete %v, errors %v; want %d, complete, none\nbodies: %q", tc.path, tc.body, got, run.Complete, run.ErrorsByKind, total, bodies)
			mu.Unlock()
		}
	}
}

// TestRequestBodyCursor checks where ${cursor} is a value and where text.
func TestRequestBodyCursor(t *testing.T) {
	for _, tc := range []struct {
		tmpl, cursor string
		number       bool
		want         string
	}{
		{`{"after":${cursor}}`, "42", true, `{"after":42}`},
		{`{"after":${cursor}}`, "42", false, `{"after":"42"}`},
		{`{"after":${cursor}}`, "", true, `{"after":null}`},
		{`{"after":"${cursor}"}`, "42", true, `{"after":"42"}`},
		{`{"after":"${cursor}"}`, "", false, `{"after":null}`},
		{`{"after":[${cursor}, -1.5e3]}`, "-1.5e3", true, `{"after":[-1.5e3, -1.5e3]}`},
		{`{"q":"{ offers(after: ${cursor}) }"}`, "42", true, `{"q":"{ offers(after: 42) }"}`},
		{`{"q":"{ offers(after: \"${cursor}\") }"}`, `Y3"V`, false, `{"q":"{ offers(after: \"Y3\"V\") }"}`},
		{`{"q":"a \\\"${page}\\\" b","n":${page}}`, "", false, `{"q":"a \\\"2\\\" b","n":2}`},
		{`{"after":${cursor}}`, "12abc", true, `{"after":"12abc"}`}, // not a number after all
	} {
		got := precwatch.JSONSpec{Body: tc.tmpl}.RequestBodyCursor(2, 20, tc.cursor, tc.number)
		if got != tc.want {
			t.Errorf("RequestBodyCursor(%s, %q, number %v) = %s, want %s", tc.tmpl, tc.cursor, tc.number, got, tc.want)
		}
		if !json.Valid([]byte(got)) {
			t.Errorf("RequestBodyCursor(%s, %q, number %v) = %s: not JSON", tc.tmpl, tc.cursor, tc.number, got)
		}
	}
}

// TestRobotsListingsUnknown checks that listing pages robots.txt disallows
// are named in Run.Robots (a caller keeps their listings as they were, not
// removed), are not delivered, and do not make the run incomplete; a
// disallowed page that is no listing page is not named. After an
// interrupted run is resumed, the pages skipped before it are named too.
func TestRobotsListingsUnknown(t *testing.T) {
	srv := mustServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
			io.WriteString(w, "User-agent: *\nDisallow: /product/2\nDisallow: /about\n")
		case "/catalog":
			io.WriteString(w, `<html><body><a class="p" href="/product/1">1</a><a class="p" href="/product/2">2</a>
				<a class="p" href="/product/3">3</a><a class="p" href="/about">about</a></body></html>`)
		default:
			id := strings.TrimPrefix(r.URL.Path, "/product/")
			io.WriteString(w, `<html><body><div class="product" data-id="`+id+`"><h1>offer `+id+`</h1><p class="description">d</p></div></body></html>`)
		}
	}))
	tg := loopbackTarget("robots", srv.URL+"/catalog")
	tg.RespectRobotsTxt = true
	tg.Follow = []string{"a.p"}
	tg.Listing = precwatch.ListingSpec{URLPattern: `^/product/\d+$`,
		Fields: map[string]string{"id": "div.product@data-id", "title": "h1"}}
	sink := &collector{}
	run, err := mustCrawler(t, Options{}).Run(context.Background(), tg, sink)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := sink.titles(), []string{"offer 1", "offer 3"}; !slices.Equal(got, want) {
		t.Errorf("titles %q, want %q", got, want)
	}
	if want := []string{srv.URL + "/product/2"}; !slices.Equal(run.Robots, want) || !run.Complete || run.ErrorsByKind[KindRobots] != 2 {
		t.Errorf("Robots %q, complete %v, errors %v; want %q, complete, 2 robots", run.Robots, run.Complete, run.ErrorsByKind, want)
	}
	// A journal replayed on resume names the skipped listing page again.
	st, err := replay([]byte("run\tr1\t1\nq\ts\t" + srv.URL + "/catalog\nq\tf\t" + srv.URL + "/product/2\nq\tf\t" + srv.URL + "/product/3\n" +
		"d\t" + srv.URL + "/catalog\t200\t0\t\t0\nd\t" + srv.URL + "/product/2\t0\t0\trobots\t0\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(st.robots) != 1 || st.robots[0] != (item{url: srv.URL + "/product/2", kind: 'f'}) {
		t.Errorf("replayed robots %v, want the /product/2 follow page", st.robots)
	}
}

// TestRobotsNextPageIncomplete: a catalogue whose next page robots.txt
// disallows was not read to its end, so the run is not complete (the
// listings behind that page are unknown: a listing pushed from page 1 to
// page 2 is still on the platform) and names the page; the listings of
// the pages read are delivered.
func TestRobotsNextPageIncomplete(t *testing.T) {
	srv := mustServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.URL.Path == "/robots.txt":
			io.WriteString(w, "User-agent: *\nDisallow: /*page=2\n")
		case r.URL.Path == "/catalog":
			io.WriteString(w, `<html><body><a class="p" href="/product/1">1</a><a class="next" href="/catalog?page=2">next</a></body></html>`)
		default:
			io.WriteString(w, `<html><body><div class="product" data-id="1"><h1>offer 1</h1></div></body></html>`)
		}
	}))
	tg := loopbackTarget("robots-next", srv.URL+"/catalog")
	tg.RespectRobotsTxt = true
	tg.Follow, tg.NextPage = []string{"a.p"}, []string{"a.next"}
	tg.Listing = precwatch.ListingSpec{URLPattern: `^/product/\d+$`, Fields: map[string]string{"id": "div.product@data-id", "title": "h1"}}
	sink := &collector{}
	run, err := mustCrawler(t, Options{}).Run(context.Background(), tg, sink)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{srv.URL + "/catalog?page=2"}; run.Complete || !slices.Equal(run.RobotsNext, want) || len(run.Robots) != 0 {
		t.Errorf("complete %v, RobotsNext %q, Robots %q; want incomplete, %q, none", run.Complete, run.RobotsNext, run.Robots, want)
	}
	if got := sink.titles(); !slices.Equal(got, []string{"offer 1"}) {
		t.Errorf("titles %q, want [offer 1]", got)
	}
}

// TestPostFormBody: a POST feed whose target sends a form body
// (Content-Type: application/x-www-form-urlencoded) gets its page
// variables as form values: the cursor escaped, not quoted as JSON.
func TestPostFormBody(t *testing.T) {
	srv := mustServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := r.ParseForm(); err != nil || r.PostForm.Get("q") != "acetone" {
			http.Error(w, `{"error":"bad form"}`, http.StatusBadRequest)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		switch r.PostForm.Get("after") {
		case "":
			io.WriteString(w, `{"items":[{"id":"1","title":"a"}],"next":"c/1+2=3"}`)
		case "c/1+2=3":
			io.WriteString(w, `{"items":[{"id":"2","title":"b"}],"next":null}`)
		default:
			http.Error(w, `{"error":"bad cursor `+r.PostForm.Get("after")+`"}`, http.StatusBadRequest)
		}
	}))
	tg := loopbackTarget("form", srv.URL+"/search")
	tg.Kind = precwatch.KindJSON
	tg.MaxRetries = 0
	tg.Headers = map[string]string{"Content-Type": "application/x-www-form-urlencoded"}
	tg.JSON = precwatch.JSONSpec{Method: "POST", Body: "q=acetone&after=${cursor}&page=${page}", Items: "items", NextPage: "next",
		Fields: map[string]string{"id": "id", "title": "title"}}
	sink := &collector{}
	run, err := mustCrawler(t, Options{}).Run(context.Background(), tg, sink)
	if err != nil {
		t.Fatal(err)
	}
	if got := sink.titles(); !slices.Equal(got, []string{"a", "b"}) || !run.Complete {
		t.Errorf("titles %q, complete %v, errors %v; want [a b], complete", got, run.Complete, run.ErrorsByKind)
	}
}
