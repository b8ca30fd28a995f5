package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/precwatch/precwatch"
)

// TestVariety18Gaps covers the three gaps round 17 left documented, end
// to end through `precwatch crawl`:
//
//  1. a json feed whose items name their seller only by an id, the
//     seller's name, country and phone at /api/sellers/{id} (lookups,
//     fetched once per seller in a run), and an html shop whose seller's
//     city is only on the seller's profile page (a lookup read with CSS)
//  2. a WordPress theme's "Load more" whose admin-ajax.php handler reads
//     only $_POST (form body action=…&page=N; GET answers 400 "0"), and a
//     "Load more" endpoint taking a JSON body with the cursor that the
//     previous answer's button holds (data-cursor)
//  3. a classifieds board dating its ads "vor 3 Tagen", "Heute, 14:03",
//     "2 days ago", "il y a 5 heures": resolved to RFC 3339, the phrase
//     kept beside it
func TestVariety18Gaps(t *testing.T) {
	var mu sync.Mutex
	hits := map[string]int{}
	htmlBody := func(w http.ResponseWriter, s string) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, "<!doctype html><html><head><title>Shop</title></head><body>"+s+"</body></html>")
	}
	sellers := map[string]int{"chemking": 7, "solvents4u": 8, "glassco": 9, "redp": 10}
	sellerByID := map[int]string{7: "chemking", 8: "solvents4u", 9: "glassco", 10: "redp"}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p, q := r.URL.Path, r.URL.Query()
		mu.Lock()
		hits[r.Method+" "+p]++
		mu.Unlock()
		switch {
		case p == "/robots.txt":
			http.NotFound(w, r)
		// 1a. a feed naming sellers by id.
		case p == "/sid/api/listings" || p == "/sdown/api/listings":
			n, _ := strconv.Atoi(q.Get("page"))
			prefix := map[bool]string{true: "sid", false: "sd"}[p == "/sid/api/listings"]
			var items []any
			for _, i := range v16Page(n, 2) {
				pr := v16Products[i]
				items = append(items, map[string]any{"id": fmt.Sprintf("%s-%d", prefix, i), "title": pr.title, "body": pr.desc, "price": pr.price, "seller_id": sellers[pr.seller]})
			}
			body := map[string]any{"items": items}
			if n < 3 {
				body["next"] = fmt.Sprintf("%s?page=%d", p, n+1)
			}
			w.Header().Set("Content-Type", "application/json")
			io.WriteString(w, v16JSON(body))
		case strings.HasPrefix(p, "/sid/api/sellers/"):
			id, _ := strconv.Atoi(p[strings.LastIndex(p, "/")+1:])
			name, ok := sellerByID[id]
			if id == 9 && strings.HasPrefix(p, "/sid/api/sellers/down/") {
				w.WriteHeader(503)
				return
			}
			if !ok {
				http.NotFound(w, r)
				return
			}
			w.Header().Set("Content-Type", "application/json")
			io.WriteString(w, v16JSON(map[string]any{"data": map[string]any{"id": id, "display_name": name, "address": map[string]any{"country": "NL"}, "contact": map[string]any{"phone": fmt.Sprintf("+31 6 %d", 1000+id)}}}))
		// 1b. an html shop whose seller's city is on the profile page.
		case p == "/prof/shop":
			var b strings.Builder
			for _, i := range []int{0, 1, 2, 3, 4} {
				pr := v16Products[i]
				fmt.Fprintf(&b, `<div class="card" data-id="pf-%d"><h2>%s</h2><p class="d">%s</p><a class="owner" href="/prof/u/%s">%s</a></div>`, i, pr.title, pr.desc, pr.seller, pr.seller)
			}
			htmlBody(w, b.String())
		case strings.HasPrefix(p, "/prof/u/"):
			name := strings.TrimPrefix(p, "/prof/u/")
			htmlBody(w, fmt.Sprintf(`<h1>%s</h1><dl class="facts"><dt>City</dt><dd class="city">Rotterdam-%s</dd><dt>Member since</dt><dd>2021</dd></dl>`, name, name))
		// 2a. admin-ajax reading only $_POST.
		case p == "/wpp/wp-admin/admin-ajax.php":
			if r.Method != http.MethodPost || r.Header.Get("Content-Type") != "application/x-www-form-urlencoded" {
				w.WriteHeader(400)
				io.WriteString(w, "0")
				return
			}
			r.ParseForm()
			n, err := strconv.Atoi(r.PostForm.Get("page"))
			if r.PostForm.Get("action") != "load_products" || err != nil {
				w.WriteHeader(400)
				io.WriteString(w, "0")
				return
			}
			w.Header().Set("Content-Type", "application/json; charset=UTF-8")
			io.WriteString(w, v16JSON(map[string]any{"success": true, "data": map[string]any{"html": v17Cards("wpp", v16Page(n, 2))}}))
		// 2b. a JSON "load more" with a cursor in the button.
		case p == "/lm/api/load-more":
			var req struct {
				Category string `json:"category"`
				Cursor   string `json:"cursor"`
			}
			if r.Method != http.MethodPost || json.NewDecoder(r.Body).Decode(&req) != nil || req.Category != "solvents" {
				w.WriteHeader(405)
				return
			}
			n := map[string]int{"": 1, "c2": 2, "c3": 3}[req.Cursor]
			if n == 0 {
				w.WriteHeader(400)
				return
			}
			more := ""
			if n < 3 {
				more = fmt.Sprintf(`<button class="load-more" data-cursor="c%d">Mehr laden</button>`, n+1)
			}
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			io.WriteString(w, v17Cards("lm", v16Page(n, 2))+more)
		// 3. relative dates.
		case p == "/kl/s-chemie":
			dates := []string{"vor 3 Tagen", "Heute, 14:03", "2 days ago", "il y a 5 heures", "gestern"}
			var b strings.Builder
			for i, pr := range v16Products {
				fmt.Fprintf(&b, `<article class="ad" data-adid="kl-%d"><h2>%s</h2><p>%s</p><span class="price">%.0f €</span><span class="date">%s</span></article>`, i, pr.title, pr.desc, pr.price, dates[i])
			}
			htmlBody(w, b.String())
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	got, _, out := crawl4(t, nil, fmt.Sprintf(`data_dir: DATA
targets:
  - name: seller-ids
    platform: SellerIDs
    kind: json
    start_urls: ["%[1]s/sid/api/listings?page=1"]
    allow_private_networks: true
    delay: 0s
    json:
      items: items
      fields: {id: id, title: title, description: body, price: price, seller_id: seller_id}
    lookups:
      - url: "%[1]s/sid/api/sellers/{seller_id}"
        fields: {seller: data.display_name, location: data.address.country, seller_phone: data.contact.phone}
  - name: seller-down
    platform: SellerDown
    kind: json
    start_urls: ["%[1]s/sdown/api/listings?page=1"]
    allow_private_networks: true
    delay: 0s
    max_retries: 0
    json:
      items: items
      fields: {id: id, title: title, description: body, price: price, seller_id: seller_id}
    lookups:
      - url: "%[1]s/sid/api/sellers/down/{seller_id}"
        fields: {seller: data.display_name}
  - name: seller-profile
    platform: SellerProfile
    start_urls: ["%[1]s/prof/shop"]
    allow_private_networks: true
    delay: 0s
    listing:
      item: div.card
      fields: {id: "@data-id", title: h2, description: p.d, seller: a.owner, seller_profile: "a.owner@href"}
    lookups:
      - url: "{seller_profile}"
        fields: {location: dd.city}
  - name: wp-post-more
    platform: WPPostMore
    start_urls: ["%[1]s/wpp/wp-admin/admin-ajax.php"]
    allow_private_networks: true
    delay: 0s
    request:
      method: POST
      body: "action=load_products&page=${page}"
    listing:
      item: div.card
      fields: {url: a.t@href, title: a.t, description: p.d, price: .price, seller: .s}
  - name: json-load-more
    platform: JSONLoadMore
    start_urls: ["%[1]s/lm/api/load-more"]
    allow_private_networks: true
    delay: 0s
    next_page: ["button.load-more@data-cursor"]
    request:
      method: POST
      body: '{"category": "solvents", "cursor": ${cursor}}'
    listing:
      item: div.card
      fields: {url: a.t@href, title: a.t, description: p.d, price: .price, seller: .s}
  - name: kleinanzeigen-dates
    platform: KlDates
    start_urls: ["%[1]s/kl/s-chemie"]
    allow_private_networks: true
    delay: 0s
    listing:
      item: article.ad
      fields: {id: "@data-adid", title: h2, description: p, price: .price, posted: span.date}
`, srv.URL))
	logListingsOnFailure(t, got, out)
	var wants []shopWant
	for i, pr := range v16Products {
		wants = append(wants, shopWant{fmt.Sprintf("sid-%d", i), pr.title, "", pr.desc, pr.seller})
		wants = append(wants, shopWant{fmt.Sprintf("pf-%d", i), pr.title, "", pr.desc, pr.seller})
		wants = append(wants, shopWant{fmt.Sprintf("/wpp/p/%d", i), pr.title, fmt.Sprintf("%.2f EUR", pr.price), pr.desc, pr.seller})
		wants = append(wants, shopWant{fmt.Sprintf("/lm/p/%d", i), pr.title, fmt.Sprintf("%.2f EUR", pr.price), pr.desc, pr.seller})
		wants = append(wants, shopWant{fmt.Sprintf("kl-%d", i), pr.title, "", pr.desc, ""})
	}
	checkShopListings(t, got, wants)
	for i, pr := range v16Products {
		l := got[fmt.Sprintf("sid-%d", i)]
		if l.Location != "NL" || l.Attributes["seller_phone"] != fmt.Sprintf("+31 6 %d", 1000+sellers[pr.seller]) {
			t.Errorf("sid-%d: location %q, phone %q", i, l.Location, l.Attributes["seller_phone"])
		}
		if l := got[fmt.Sprintf("pf-%d", i)]; l.Location != "Rotterdam-"+pr.seller {
			t.Errorf("pf-%d: location %q", i, l.Location)
		}
	}
	mu.Lock()
	for _, k := range []string{"GET /sid/api/sellers/7", "GET /sid/api/sellers/8", "GET /prof/u/chemking"} {
		if hits[k] != 1 {
			t.Errorf("%s asked %d times, want once (a seller is looked up once a run)", k, hits[k])
		}
	}
	if n := hits["GET /wpp/wp-admin/admin-ajax.php"]; n != 0 {
		t.Errorf("admin-ajax asked by GET %d times", n)
	}
	mu.Unlock()
	fetched := time.Now().UTC()
	_ = fetched
	for i, want := range []string{"vor 3 Tagen", "Heute, 14:03", "2 days ago", "il y a 5 heures", "gestern"} {
		l := got[fmt.Sprintf("kl-%d", i)]
		ts, err := time.Parse(time.RFC3339, l.Attributes["posted"])
		if err != nil || l.Attributes["posted"+precwatch.AsWrittenSuffix] != want {
			t.Errorf("kl-%d: posted %q (%v), as written %q, want %q", i, l.Attributes["posted"], err, l.Attributes["posted"+precwatch.AsWrittenSuffix], want)
			continue
		}
		if d := l.FetchedAt.Sub(ts); d < 0 || d > 4*24*time.Hour {
			t.Errorf("kl-%d: posted %s, fetched %s", i, ts, l.FetchedAt)
		}
	}
	// seller-down: glassco's record answers 503, so Beaker is not
	// delivered (nothing stored is overwritten without its seller) and
	// the run is not complete.
	if c := completeColumn(out, "seller-down"); c != "no" || !strings.Contains(out, "lookup") {
		t.Errorf("seller-down: complete %q, want no, with a lookup failure named", c)
	}
	if l, ok := got["sd-3"]; ok {
		t.Errorf("seller-down: Beaker delivered without its seller: %+v", l)
	}
	if l := got["sd-0"]; l.Seller != "chemking" {
		t.Errorf("seller-down: sd-0 seller %q, want chemking", l.Seller)
	}
	for _, name := range []string{"seller-ids", "seller-profile", "wp-post-more", "json-load-more", "kleinanzeigen-dates"} {
		if c := completeColumn(out, name); c != "yes" {
			t.Errorf("%s: complete %q, want yes", name, c)
		}
	}
	if t.Failed() {
		t.Logf("%s", out)
	}
}

// TestVariety18RelativeDateRecrawl crawls a board twice: the second time
// its ads' dates are worded otherwise for the same days ("gestern" → "vor
// 1 Tag", "2 days ago" → "vorgestern"), as a board's phrases age. The ads
// count as UNCHANGED; before, the attribute held the phrase, and every ad
// changed whenever its phrase did.
func TestVariety18RelativeDateRecrawl(t *testing.T) {
	var round sync.Mutex
	second := false
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/kl/s-chemie" {
			http.NotFound(w, r)
			return
		}
		round.Lock()
		dates := []string{"gestern", "2 days ago", "vor 1 Woche"}
		if second {
			dates = []string{"vor 1 Tag", "vorgestern", "7 days ago"}
		}
		round.Unlock()
		var b strings.Builder
		for i, d := range dates {
			pr := v16Products[i]
			fmt.Fprintf(&b, `<article class="ad" data-adid="kr-%d"><h2>%s</h2><p>%s</p><span class="date">%s</span></article>`, i, pr.title, pr.desc, d)
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, "<!doctype html><html><head><title>Board</title></head><body>"+b.String()+"</body></html>")
	}))
	defer srv.Close()
	dir := t.TempDir()
	cfg := filepath.Join(dir, "precwatch.yml")
	writeFile(t, cfg, fmt.Sprintf(`data_dir: %s
targets:
  - name: kl-recrawl
    platform: KlRecrawl
    start_urls: ["%s/kl/s-chemie"]
    allow_private_networks: true
    delay: 0s
    listing:
      item: article.ad
      fields: {id: "@data-adid", title: h2, description: p, posted: span.date}
`, filepath.Join(dir, "data"), srv.URL))
	for run := 1; run <= 2; run++ {
		code, stdout, stderr := runCmd(t, nil, "crawl", "--config", cfg)
		if code != 0 {
			t.Fatalf("run %d: exit %d\n%s%s", run, code, stdout, stderr)
		}
		var row []string
		for line := range strings.SplitSeq(stdout, "\n") {
			if f := strings.Fields(line); len(f) > 2 && f[0] == "kl-recrawl" {
				row = f
			}
		}
		// TARGET PLATFORM PAGES LISTINGS UNCHANGED HITS FLAGGED NEW REMOVED ERRORS COMPLETE
		if len(row) != 11 || row[3] != "3" || row[10] != "yes" || run == 2 && row[4] != "3" {
			t.Errorf("run %d: row %q, want 3 listings (3 unchanged on run 2), complete\n%s%s", run, row, stdout, stderr)
		}
		round.Lock()
		second = true
		round.Unlock()
	}
}
