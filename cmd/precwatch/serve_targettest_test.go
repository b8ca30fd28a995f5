package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/precwatch/precwatch/server"
)

// TestTargetTestReportsWhyItStopped: a target test cut short by its time
// limit answers with the pages it fetched and, in "error", why it stopped
// (the report was a bare partial 200).
func TestTargetTestReportsWhyItStopped(t *testing.T) {
	f := newFixture(t)
	site := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/one", "/two":
			// /two: the test stops with a page still queued; /one: the
			// slow page was the last.
			more := map[bool]string{true: `<a class="next" href="/after">more</a>`}[r.URL.Path == "/two"]
			fmt.Fprint(w, `<html><body><h1>Catalog</h1><a class="next" href="/slow">next</a>`+more+`</body></html>`)
			return
		case "/after":
			fmt.Fprint(w, `<html><body><h1>After</h1></body></html>`)
			return
		}
		select { // a page that does not answer in time
		case <-r.Context().Done():
		case <-time.After(10 * time.Second):
		}
	}))
	defer site.Close()
	srv, err := newServer(f.b, func(o *server.Options) { o.TestTimeout = 500 * time.Millisecond })
	if err != nil {
		t.Fatal(err)
	}
	api := httptest.NewServer(srv)
	defer api.Close()

	for _, start := range []string{"/one", "/two"} {
		tg := f.apiTarget("slow", ownPlatform)
		tg.StartURLs, tg.AllowedDomains = []string{site.URL + start}, nil
		tg.RespectRobotsTxt, tg.Delay, tg.MaxRetries = false, 0, 0
		tg.NextPage, tg.Follow = []string{"a.next"}, nil
		req, err := http.NewRequest("POST", api.URL+"/api/v1/targets/test", strings.NewReader(mustJSONString(t, tg)))
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Authorization", "Bearer "+f.tokens["admin"])
		req.Header.Set("Content-Type", "application/json")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		var rep struct {
			Pages []struct {
				URL   string `json:"url"`
				Error string `json:"error"`
			} `json:"pages"`
			Error string `json:"error"`
		}
		err = json.NewDecoder(resp.Body).Decode(&rep)
		resp.Body.Close()
		if err != nil {
			t.Fatal(err)
		}
		if resp.StatusCode != 200 || len(rep.Pages) == 0 || rep.Pages[0].Error != "" {
			t.Fatalf("target test of a slow site from %s: %s, pages %+v; want 200 with the first page fetched", start, resp.Status, rep.Pages)
		}
		if !strings.Contains(rep.Error, "time limit") {
			t.Errorf("target test from %s cut short: error %q, want one naming the time limit (pages %+v)", start, rep.Error, rep.Pages)
		}
	}
}
