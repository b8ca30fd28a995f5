package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// webFormsShop serves a two-page ASP.NET WebForms catalogue whose GridView
// pager posts the form back: page 2 only to a POST carrying page 1's view
// state and the pager's __EVENTTARGET/__EVENTARGUMENT.
func webFormsShop(t *testing.T) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/Offers.aspx" {
			http.NotFound(w, r)
			return
		}
		n := 1
		if r.Method == http.MethodPost {
			r.ParseForm()
			if r.PostForm.Get("__VIEWSTATE") != "vs1" || r.PostForm.Get("__EVENTTARGET") != "ctl00$Main$Grid" || r.PostForm.Get("__EVENTARGUMENT") != "Page$2" {
				http.Error(w, "Invalid postback or callback argument", http.StatusInternalServerError)
				return
			}
			n = 2
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<html><body><form method="post" action="./Offers.aspx" id="aspnetForm">
<input type="hidden" name="__VIEWSTATE" value="vs%d"><input type="hidden" name="__EVENTVALIDATION" value="ev%d"><table>`, n, n)
		titles := map[int]string{1: "Acetone 99%", 2: "Safrole 99%, CAS 94-59-7, discreet shipping, Wickr: chem1"}
		fmt.Fprintf(w, `<tr class="offer"><td class="id">o%d</td><td class="t">%s</td></tr>`, n, titles[n])
		pager := `<a href="javascript:__doPostBack('ctl00$Main$Grid','Page$2')">2</a>`
		if n == 2 {
			pager = `<a href="javascript:__doPostBack('ctl00$Main$Grid','Page$1')">1</a> <span>2</span>`
		}
		fmt.Fprintf(w, `<tr class="pgr"><td>%s</td></tr></table></form></body></html>`, pager)
	}))
	t.Cleanup(srv.Close)
	return srv
}

func webFormsConfig(t *testing.T, dir, base string) string {
	t.Helper()
	cfgPath := filepath.Join(dir, "precwatch.yml")
	writeFile(t, cfgPath, fmt.Sprintf(`data_dir: %s
targets:
  - name: webforms
    platform: WebForms
    start_urls: ["%s/Offers.aspx"]
    allow_private_networks: true
    delay: 0s
    listing:
      item: tr.offer
      fields: {id: td.id, title: td.t}
`, filepath.Join(dir, "data"), base))
	return cfgPath
}

// TestTargetTestPostbackPager: target test follows an ASP.NET pager that
// posts the form back and shows the page it read, with its listings.
func TestTargetTestPostbackPager(t *testing.T) {
	srv := webFormsShop(t)
	cfgPath := webFormsConfig(t, t.TempDir(), srv.URL)
	code, stdout, stderr := runCmd(t, nil, "target", "test", "--config", cfgPath, "--target", "webforms", "--pages", "5")
	if code != 0 {
		t.Fatalf("target test: exit %d\n%s%s", code, stdout, stderr)
	}
	for _, want := range []string{"2 pages, 2 listings",
		"200 " + srv.URL + "/Offers.aspx#pw-postback:page=2  1 listing  (page 2 of an ASP.NET pager: the page's form POSTed back)",
		"Safrole 99%"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("target test output lacks %q:\n%s", want, stdout)
		}
	}
	if strings.Contains(stdout, "ERROR") {
		t.Errorf("target test reports an error:\n%s", stdout)
	}
}

// TestCrawlPostbackPager: crawl reads the page behind the postback pager
// through the whole pipeline: its suspicious listing is flagged, and the
// run is complete.
func TestCrawlPostbackPager(t *testing.T) {
	srv := webFormsShop(t)
	cfgPath := webFormsConfig(t, t.TempDir(), srv.URL)
	code, stdout, stderr := runCmd(t, nil, "crawl", "--config", cfgPath)
	if code != 0 {
		t.Fatalf("crawl: exit %d\n%s%s", code, stdout, stderr)
	}
	for col, want := range map[string]int{"PAGES": 2, "LISTINGS": 2, "FLAGGED": 1, "ERRORS": 0} {
		if got := summaryColumn(stdout, "webforms", col); got != strconv.Itoa(want) {
			t.Errorf("%s %q, want %d\n%s", col, got, want, stdout)
		}
	}
	if c := summaryColumn(stdout, "webforms", "COMPLETE"); c != "yes" {
		t.Errorf("complete %q, want yes\n%s", c, stdout)
	}
}
