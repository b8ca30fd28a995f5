package crawler

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/precwatch/precwatch"
	"github.com/precwatch/precwatch/crawler/extract"
)

// webForms is an ASP.NET WebForms catalogue of pages pages paged by a
// GridView's postback pager. GET /List.aspx is page 1; a POST with
// __EVENTTARGET=ctl00$Main$Grid and __EVENTARGUMENT=Page$N is page N,
// answered only when the form carries the view state and event
// validation of the page it was posted from (else 500, as ASP.NET answers
// "Invalid postback or callback argument"). Every other postback (a
// Buy link) is recorded.
type webForms struct {
	mu     sync.Mutex
	pages  int
	posts  []string // __EVENTARGUMENT of each pager POST, in order
	others []string // __EVENTTARGET of postbacks that are no pager's
	bad    []string // POSTs refused
	// onPost, if set, runs before a pager POST is answered.
	onPost func(n int)
	// pad, if set, is added to page n's answer.
	pad func(n int) string
}

func (s *webForms) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path != "/List.aspx" || r.URL.Query().Get("cat") != "5" {
		http.NotFound(w, r)
		return
	}
	n := 1
	if r.Method == http.MethodPost {
		if err := r.ParseForm(); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		f := r.PostForm
		s.mu.Lock()
		if f.Get("__EVENTTARGET") != "ctl00$Main$Grid" {
			s.others = append(s.others, f.Get("__EVENTTARGET"))
			s.mu.Unlock()
			http.Error(w, "not a pager", http.StatusInternalServerError)
			return
		}
		arg := f.Get("__EVENTARGUMENT")
		s.posts = append(s.posts, arg)
		s.mu.Unlock()
		var err error
		n, err = strconv.Atoi(strings.TrimPrefix(arg, "Page$"))
		from := n - 1
		if err != nil || f.Get("__VIEWSTATE") != fmt.Sprintf("vs%d/+=", from) || f.Get("__EVENTVALIDATION") != fmt.Sprintf("ev%d", from) ||
			f.Get("__VIEWSTATEGENERATOR") != "CA0B0334" || r.Header.Get("Content-Type") != "application/x-www-form-urlencoded" {
			s.mu.Lock()
			s.bad = append(s.bad, f.Encode())
			s.mu.Unlock()
			http.Error(w, "Invalid postback or callback argument", http.StatusInternalServerError)
			return
		}
		if s.onPost != nil {
			s.onPost(n)
		}
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	fmt.Fprintf(w, `<html><body><form method="post" action="./List.aspx?cat=5" id="aspnetForm">
<input type="hidden" name="__EVENTTARGET" value=""><input type="hidden" name="__EVENTARGUMENT" value="">
<input type="hidden" name="__VIEWSTATE" value="vs%d/+="><input type="hidden" name="__VIEWSTATEGENERATOR" value="CA0B0334">
<input type="hidden" name="__EVENTVALIDATION" value="ev%d"><table>`, n, n)
	for i := 1; i <= 2; i++ {
		id := (n-1)*2 + i
		fmt.Fprintf(w, `<tr class="offer"><td class="id">%d</td><td class="t">offer %d</td>
<td><a href="javascript:__doPostBack('ctl00$Main$Grid$ctl0%d$btnBuy','')">buy</a></td></tr>`, id, id, i+1)
	}
	fmt.Fprint(w, `<tr class="pgr"><td>`)
	for p := 1; p <= s.pages; p++ {
		if p == n {
			fmt.Fprintf(w, `<span>%d</span> `, p)
		} else {
			fmt.Fprintf(w, `<a href="javascript:__doPostBack(&#39;ctl00$Main$Grid&#39;,&#39;Page$%d&#39;)">%d</a> `, p, p)
		}
	}
	fmt.Fprint(w, `</td></tr></table></form>`)
	if s.pad != nil {
		fmt.Fprint(w, s.pad(n))
	}
	fmt.Fprint(w, `</body></html>`)
}

func webFormsTarget(name, base string) precwatch.Target {
	tg := loopbackTarget(name, base+"/List.aspx?cat=5")
	tg.Parallelism = 1
	tg.MaxRetries = 0
	tg.Listing = precwatch.ListingSpec{Item: "tr.offer", Fields: map[string]string{"id": "td.id", "title": "td.t"}}
	return tg
}

// TestPostbackPagerCrawl: a WebForms catalogue paged by __doPostBack
// links is read to its end by posting the form back, with the view state
// each page gave; its pages are named by their postback, the run is
// complete, and the rows' Buy postbacks are never posted.
func TestPostbackPagerCrawl(t *testing.T) {
	site := &webForms{pages: 3}
	srv := mustServer(t, site)
	sink := &collector{}
	run, err := mustCrawler(t, Options{}).Run(context.Background(), webFormsTarget("webforms", srv.URL), sink)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"offer 1", "offer 2", "offer 3", "offer 4", "offer 5", "offer 6"}
	if got := sink.titles(); !slices.Equal(got, want) {
		t.Errorf("titles %q, want %q", got, want)
	}
	if !run.Complete || run.Pages != 3 || run.Errors != 0 {
		t.Errorf("complete %v, pages %d, errors %v; want complete, 3 pages, none", run.Complete, run.Pages, run.ErrorsByKind)
	}
	site.mu.Lock()
	defer site.mu.Unlock()
	if !slices.Equal(site.posts, []string{"Page$2", "Page$3"}) || len(site.others) != 0 || len(site.bad) != 0 {
		t.Errorf("posts %q, other postbacks %q, refused %q; want Page$2, Page$3 only", site.posts, site.others, site.bad)
	}
}

// TestPostbackPagerResume: a run stopped while posting page 2 resumes
// with page 2's form (page 1's view state, from the journal) and reads
// the rest of the catalogue.
func TestPostbackPagerResume(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	site := &webForms{pages: 3}
	var once sync.Once
	site.onPost = func(n int) {
		if n == 2 {
			once.Do(cancel)
		}
	}
	srv := mustServer(t, site)
	dir := t.TempDir()
	tg := webFormsTarget("webforms-resume", srv.URL)
	first := &collector{}
	if _, err := mustCrawler(t, Options{DataDir: dir}).Run(ctx, tg, first); err == nil {
		t.Fatal("first session: want it stopped by the cancel")
	}
	second := &collector{}
	run, err := mustCrawler(t, Options{DataDir: dir}).Run(context.Background(), tg, second)
	if err != nil {
		t.Fatal(err)
	}
	if got := append(first.titles(), second.titles()...); !slices.Equal(got, []string{"offer 1", "offer 2", "offer 3", "offer 4", "offer 5", "offer 6"}) {
		t.Errorf("titles %q over both sessions, want offers 1 to 6", got)
	}
	if !run.Resumed || !run.Complete || run.Pages != 3 {
		t.Errorf("resumed %v, complete %v, pages %d, errors %v; want a resumed, complete run of 3 pages", run.Resumed, run.Complete, run.Pages, run.ErrorsByKind)
	}
	site.mu.Lock()
	defer site.mu.Unlock()
	if len(site.bad) != 0 {
		t.Errorf("refused postbacks %q", site.bad)
	}
}

// TestPostbackPagerGuarded: a postback page goes through the same fetcher
// as any page: its answer is held to max_body_bytes.
func TestPostbackPagerGuarded(t *testing.T) {
	site := &webForms{pages: 3, pad: func(n int) string {
		if n == 2 {
			return strings.Repeat("x", 64<<10)
		}
		return ""
	}}
	srv := mustServer(t, site)
	tg := webFormsTarget("webforms-cap", srv.URL)
	tg.MaxBodyBytes = 32 << 10
	run, err := mustCrawler(t, Options{}).Run(context.Background(), tg, &collector{})
	if err != nil {
		t.Fatal(err)
	}
	if run.Complete || run.ErrorsByKind[KindTooLarge] != 1 {
		t.Errorf("complete %v, errors %v; want page 2 refused as too large", run.Complete, run.ErrorsByKind)
	}
}

// TestPostbackPagerTest: target test shows the pages a postback pager
// leads to, under their postback names.
func TestPostbackPagerTest(t *testing.T) {
	site := &webForms{pages: 3}
	srv := mustServer(t, site)
	rep, err := mustCrawler(t, Options{}).Test(context.Background(), webFormsTarget("webforms-test", srv.URL), 5)
	if err != nil {
		t.Fatal(err)
	}
	action := srv.URL + "/List.aspx?cat=5"
	var urls []string
	for _, p := range rep.Pages {
		urls = append(urls, p.URL)
		if p.Error != "" || p.Listings != 2 {
			t.Errorf("%s: %d listings, error %q; want 2, none", p.URL, p.Listings, p.Error)
		}
	}
	want := []string{action, extract.PostbackURL(action, 2), extract.PostbackURL(action, 3)}
	if !slices.Equal(urls, want) || len(rep.Listings) != 6 {
		t.Errorf("pages %q, %d listings; want %q, 6", urls, len(rep.Listings), want)
	}
}
