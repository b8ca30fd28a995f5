package crawler

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/precwatch/precwatch"
)

// TestLookups18 reads sellers named only by id at /api/sellers/{id}: each
// seller asked once a run, by GET on a feed asked by POST, at the host's
// delay; a record over max_body_bytes or on a host outside allowed_domains
// fails its listing's page, whose listing is not delivered, and the run is
// not complete; a seller answering 404 fills nothing.
func TestLookups18(t *testing.T) {
	var mu sync.Mutex
	var times []time.Time
	methods := map[string][]string{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		times = append(times, time.Now())
		methods[r.URL.Path] = append(methods[r.URL.Path], r.Method)
		mu.Unlock()
		switch {
		case r.URL.Path == "/api/search":
			body, _ := io.ReadAll(r.Body)
			w.Header().Set("Content-Type", "application/json")
			if !strings.Contains(string(body), `"page": 1`) {
				io.WriteString(w, `{"items": []}`)
				return
			}
			io.WriteString(w, `{"items": [{"id": 1, "title": "Acetone", "seller_id": 7}, {"id": 2, "title": "Safrole", "seller_id": 7},
				{"id": 3, "title": "Beaker", "seller_id": 8}, {"id": 4, "title": "Toluene", "seller_id": 404}, {"id": 5, "title": "Ether"}]}`)
		case r.URL.Path == "/api/sellers/7":
			w.Header().Set("Content-Type", "application/json")
			io.WriteString(w, `{"name": "chemking", "country": "NL"}`)
		case r.URL.Path == "/api/sellers/8":
			w.Header().Set("Content-Type", "application/json")
			fmt.Fprintf(w, `{"name": "big", "bio": %q}`, strings.Repeat("x", 4000))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	tg := loopbackTarget("lookups", srv.URL+"/api/search")
	tg.Kind = precwatch.KindJSON
	tg.Parallelism = 1
	// The gaps are measured where the server receives the requests, so
	// they differ from the starts the limiter spaces by the scheduling
	// noise of a loaded machine (a 120 ms delay once arrived 90 ms apart
	// under -race): the check keeps half the delay as margin.
	tg.Delay = 200 * time.Millisecond
	tg.MaxBodyBytes = 2000
	tg.MaxRetries = 0
	tg.JSON = precwatch.JSONSpec{Method: "POST", Body: `{"page": ${page}}`, Items: "items", Fields: map[string]string{"id": "id", "title": "title", "seller_id": "seller_id"}}
	tg.Lookups = []precwatch.Lookup{{URL: srv.URL + "/api/sellers/{seller_id}", Fields: map[string]string{"seller": "name", "location": "country"}}}
	c := mustCrawler(t, Options{})
	defer c.Close()
	var sink collector
	res, err := c.Run(context.Background(), tg, &sink)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]precwatch.Listing{}
	for _, l := range sink.listings {
		got[l.Title] = l
	}
	for title, want := range map[string][2]string{"Acetone": {"chemking", "NL"}, "Safrole": {"chemking", "NL"}, "Toluene": {"", ""}, "Ether": {"", ""}} {
		l, ok := got[title]
		if !ok || l.Seller != want[0] || l.Location != want[1] {
			t.Errorf("%s: %v seller %q location %q, want %q %q", title, ok, l.Seller, l.Location, want[0], want[1])
		}
	}
	if _, ok := got["Beaker"]; ok {
		t.Errorf("Beaker delivered although its seller's record was over max_body_bytes")
	}
	if res.Complete || res.ErrorsByKind[KindLookup] != 1 {
		t.Errorf("complete %v, errors %v; want incomplete with one lookup failure", res.Complete, res.ErrorsByKind)
	}
	mu.Lock()
	defer mu.Unlock()
	if m := methods["/api/sellers/7"]; !slices.Equal(m, []string{"GET"}) {
		t.Errorf("seller 7 asked %v, want one GET", m)
	}
	for i := 1; i < len(times); i++ {
		if d := times[i].Sub(times[i-1]); d < 100*time.Millisecond { // without the delay: about 1 ms
			t.Errorf("request %d came %v after the one before, under the delay", i, d)
		}
	}
}

// TestLookupOffDomain18: a lookup address outside allowed_domains is not
// asked (the .invalid host is never dialled); the listing's page fails.
func TestLookupOffDomain18(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"items": [{"id": 1, "title": "Acetone", "seller_id": 7}]}`)
	}))
	defer srv.Close()
	tg := loopbackTarget("offdomain", srv.URL+"/api/items")
	tg.Kind = precwatch.KindJSON
	tg.AllowedDomains = []string{"127.0.0.1"}
	tg.JSON = precwatch.JSONSpec{Items: "items", Fields: map[string]string{"id": "id", "title": "title", "seller_id": "seller_id"}}
	tg.Lookups = []precwatch.Lookup{{URL: "http://sellers.bazaar.invalid/sellers/{seller_id}", Fields: map[string]string{"seller": "name"}}}
	c := mustCrawler(t, Options{})
	defer c.Close()
	var sink collector
	res, err := c.Run(context.Background(), tg, &sink)
	if err != nil {
		t.Fatal(err)
	}
	if len(sink.listings) != 0 || res.Complete || res.ErrorsByKind[KindLookup] != 1 {
		t.Errorf("listings %d, complete %v, errors %v", len(sink.listings), res.Complete, res.ErrorsByKind)
	}
}

// TestRequestTemplateGET18: an html target's request template with method
// GET sends a form body's values as query parameters, page after page,
// until a page brings no card; the pages are named by the endpoint.
func TestRequestTemplateGET18(t *testing.T) {
	var mu sync.Mutex
	var asked []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		asked = append(asked, r.Method+" "+r.URL.RequestURI())
		mu.Unlock()
		q := r.URL.Query()
		if r.Method != http.MethodGet || q.Get("action") != "load" {
			w.WriteHeader(400)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		switch q.Get("page") {
		case "1":
			io.WriteString(w, `<div class="card"><h2>Acetone</h2></div><div class="card"><h2>Toluene</h2></div>`)
		case "2":
			io.WriteString(w, `<div class="card"><h2>Ether</h2></div>`)
		default:
			io.WriteString(w, ``)
		}
	}))
	defer srv.Close()
	tg := loopbackTarget("get-template", srv.URL+"/wp-admin/admin-ajax.php")
	tg.Parallelism = 1
	tg.Request = precwatch.RequestSpec{Method: "GET", Body: "action=load&page=${page}"}
	tg.Listing = precwatch.ListingSpec{Item: "div.card", Fields: map[string]string{"title": "h2"}}
	c := mustCrawler(t, Options{})
	defer c.Close()
	var sink collector
	res, err := c.Run(context.Background(), tg, &sink)
	if err != nil {
		t.Fatal(err)
	}
	if got := sink.titles(); !slices.Equal(got, []string{"Acetone", "Ether", "Toluene"}) || !res.Complete {
		t.Errorf("titles %v, complete %v; asked %v", got, res.Complete, asked)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(asked) != 3 || asked[0] != "GET /wp-admin/admin-ajax.php?action=load&page=1" {
		t.Errorf("asked %v", asked)
	}
}
