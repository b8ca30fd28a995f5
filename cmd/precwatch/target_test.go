package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestTargetTestCommand(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/catalog":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, `<html><body><a class="product" href="/p/1">1</a><a class="product" href="/p/2">2</a></body></html>`)
		case "/p/1", "/p/2":
			id := strings.TrimPrefix(r.URL.Path, "/p/")
			fmt.Fprintf(w, `<html><body><div data-id="x%s"><h1>Acetone 99.5%% lot %s</h1><span class="price">12 EUR</span></div></body></html>`, id, id)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	dir := t.TempDir()
	cfg := filepath.Join(dir, "precwatch.yml")
	writeTargetConfig(t, cfg, dir, srv.URL)

	code, out, errOut := runCmd(t, nil, "target", "test", "--config", cfg, "--target", "shop", "--pages", "3")
	if code != 0 {
		t.Fatalf("exit %d, stderr %s", code, errOut)
	}
	for _, want := range []string{
		"target shop (Shop): 3 pages, 2 listings",
		"200 " + srv.URL + "/catalog",
		"title:       Acetone 99.5% lot 1",
		"url:         " + srv.URL + "/p/2",
		"price:       12 EUR",
		"selectors that matched nothing:\n  field:seller  (listing.fields.seller: \".seller\")\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "data")); !os.IsNotExist(err) {
		t.Errorf("target test wrote to the data dir (stat: %v)", err)
	}

	code, _, errOut = runCmd(t, nil, "target", "test", "--config", cfg, "--target", "nope")
	if code != 1 || !strings.Contains(errOut, `no target "nope"`) {
		t.Errorf("unknown target: exit %d, stderr %q", code, errOut)
	}
	if code, _, _ := runCmd(t, nil, "target", "test", "--help"); code != 0 {
		t.Errorf("--help: exit %d", code)
	}
	if code, _, _ := runCmd(t, nil, "target", "test"); code != 2 {
		t.Errorf("no flags: exit %d, want 2", code)
	}
}

func writeTargetConfig(t *testing.T, path, dir, srvURL string) {
	t.Helper()
	data := fmt.Sprintf(`data_dir: %s
targets:
  - name: shop
    platform: Shop
    start_urls: ["%s/catalog"]
    allow_private_networks: true
    respect_robots_txt: false
    delay: 0s
    follow: ["a.product"]
    listing:
      url_pattern: "/p/"
      fields: {id: "div@data-id", title: h1, price: .price, seller: .seller}
`, filepath.Join(dir, "data"), srvURL)
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}
