package config

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/precwatch/precwatch"
)

func mapEnv(m map[string]string) func(string) string {
	return func(k string) string { return m[k] }
}

// problemLine renders a problem without its file name, as the want lines of
// testdata/*.bad.yml do.
func problemLine(p Problem) string {
	p.File = ""
	s := p.String()
	if p.Line == 0 {
		return s
	}
	return strings.TrimPrefix(s, ":")
}

// TestBadConfigs parses every testdata/*.bad.yml and checks that it reports
// exactly the problems listed in the file's "# want: line:col: …" comments,
// in that order.
func TestBadConfigs(t *testing.T) {
	files, err := filepath.Glob("testdata/*.bad.yml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no testdata/*.bad.yml: %v", err)
	}
	env := mapEnv(map[string]string{"PLATFORM_NAME": "Shop", "SHOP_HOST": "shop.example", "MAX_PAGES": "10"})
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		var want []string
		for line := range strings.SplitSeq(string(data), "\n") {
			if w, ok := strings.CutPrefix(line, "# want: "); ok {
				want = append(want, w)
			}
		}
		if len(want) == 0 {
			t.Errorf("%s has no '# want:' lines", file)
			continue
		}
		cfg, err := Parse(file, data, env)
		var cerr *Error
		if !errors.As(err, &cerr) {
			t.Errorf("Parse(%s) = %v, %v; want an *Error", file, cfg, err)
			continue
		}
		var got []string
		for _, p := range cerr.Problems {
			got = append(got, problemLine(p))
			if p.File != file {
				t.Errorf("Parse(%s): problem %q names file %q", file, p.Message, p.File)
			}
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("Parse(%s) problems:\n%s\nwant:\n%s", file, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		if lines := strings.Split(err.Error(), "\n"); len(lines) != len(want) || !strings.HasPrefix(lines[0], file+":") {
			t.Errorf("Parse(%s).Error() = %q; want %d lines starting with the file name", file, err.Error(), len(want))
		}
		if code := precwatch.ErrorCode(err); code != precwatch.EINVALID {
			t.Errorf("ErrorCode(Parse(%s)) = %q, want %q", file, code, precwatch.EINVALID)
		}
	}
}

func TestGoodConfig(t *testing.T) {
	t.Setenv("CHEMHUB_WEBHOOK_SECRET", "") // empty counts as unset
	cfg, err := Load(filepath.Join("testdata", "good.yml"))
	if err == nil {
		t.Fatalf("Load(good.yml) without CHEMHUB_WEBHOOK_SECRET succeeded")
	}
	if !strings.Contains(err.Error(), "CHEMHUB_WEBHOOK_SECRET") {
		t.Errorf("Load(good.yml) without the secret: %v; want the variable named", err)
	}
	t.Setenv("CHEMHUB_WEBHOOK_SECRET", "hunter2")
	cfg, err = Load(filepath.Join("testdata", "good.yml"))
	if err != nil {
		t.Fatalf("Load(good.yml): %v", err)
	}
	if cfg.DataDir != "/var/lib/precwatch" || cfg.Threshold != 0.6 || !reflect.DeepEqual(cfg.Watchlists, []string{"regional.yaml"}) {
		t.Errorf("good.yml options = %q %v %v", cfg.DataDir, cfg.Threshold, cfg.Watchlists)
	}
	wantPlatforms := []Platform{
		{Name: "ChemHub", WebhookURL: "https://hooks.chemhub.example/precwatch", WebhookSecret: "hunter2"},
		{Name: "Bazaar"},
	}
	if !reflect.DeepEqual(cfg.Platforms, wantPlatforms) {
		t.Errorf("good.yml platforms = %+v, want %+v", cfg.Platforms, wantPlatforms)
	}
	if p := cfg.Platform("Bazaar"); p == nil || p.WebhookURL != "" {
		t.Errorf("Platform(Bazaar) = %+v", p)
	}
	if len(cfg.Targets) != 5 {
		t.Fatalf("good.yml: %d targets, want 5", len(cfg.Targets))
	}
	if more := cfg.Target("chemhub-load-more"); more == nil || more.Request.Method != "POST" || more.Request.Body != "action=load_products&category=solvents&page=${page}" {
		t.Errorf("good.yml chemhub-load-more = %+v, want a POST request template with ${page}", more)
	}
	if gql := cfg.Target("chemhub-graphql"); gql == nil || gql.JSON.Method != "POST" || !gql.JSON.UsesPageVar("cursor") {
		t.Errorf("good.yml chemhub-graphql = %+v, want a POST feed paged by ${cursor}", gql)
	}

	chemhub := cfg.Target("chemhub")
	want := precwatch.Target{
		Name: "chemhub", Platform: "ChemHub", Kind: "html", Schedule: "@every 6h",
		StartURLs:        []string{"https://www.chemhub.example/catalog?page=1", "https://www.chemhub.example/catalog/solvents?page=1"},
		AllowedDomains:   []string{"www.chemhub.example", "chemhub.example"},
		RespectRobotsTxt: true,
		UserAgent:        "precwatch/1.0 (+https://precwatch.example/bot; contact: abuse@precwatch.example)",
		MaxPages:         20000, Parallelism: 4, Delay: 500 * time.Millisecond, Timeout: 30 * time.Second,
		MaxBodyBytes: 5 << 20, MaxRetries: 4,
		Headers:  map[string]string{"Accept-Language": "en, de;q=0.8", "Cookie": "cookie_consent=accepted"},
		Follow:   []string{"a.product-link", "ul.results li > a[href*='/product/']"},
		NextPage: []string{"a.next", "link[rel=next]"},
		Listing: precwatch.ListingSpec{URLPattern: `/product/\d+`, Gone: "div.product-removed", Fields: map[string]string{
			"id": "main.product@data-sku", "title": "h1", "description": ".description", "price": ".price",
			"seller": ".seller a", "location": ".origin", "cas": "td.cas", "purity": "dl.specs dd.purity",
		}},
	}
	if !reflect.DeepEqual(*chemhub, want) {
		t.Errorf("good.yml chemhub =\n%+v\nwant\n%+v", *chemhub, want)
	}

	// Unset keys take the defaults; allowed_domains the start URLs' hosts.
	classifieds := cfg.Target("bazaar-classifieds")
	if classifieds.Kind != "html" || classifieds.MaxPages != DefaultMaxPages || classifieds.Timeout != DefaultTimeout ||
		classifieds.MaxBodyBytes != DefaultMaxBodyBytes || classifieds.MaxRetries != DefaultMaxRetries ||
		classifieds.UserAgent != DefaultUserAgent || !classifieds.RespectRobotsTxt || classifieds.Delay != time.Second ||
		!reflect.DeepEqual(classifieds.AllowedDomains, []string{"bazaar.example"}) {
		t.Errorf("good.yml bazaar-classifieds defaults = %+v", classifieds)
	}
	feed := cfg.Target("bazaar-feed")
	if feed.Kind != "json" || feed.JSON.Items != "data.items" || feed.JSON.NextPage != "links.next" || feed.JSON.Fields["seller"] != "seller.name" {
		t.Errorf("good.yml bazaar-feed = %+v", feed)
	}
	if len(feed.Lookups) != 1 || feed.Lookups[0].URL != "https://api.bazaar.example/v2/sellers/{seller_id}" || feed.Lookups[0].Fields["seller_phone"] != "data.phone" {
		t.Errorf("good.yml bazaar-feed lookups = %+v", feed.Lookups)
	}
	if cfg.Target("nope") != nil || cfg.Platform("nope") != nil {
		t.Error("Target/Platform(nope) != nil")
	}
}

// TestDesignExample loads the example of DESIGN.md, copied verbatim.
func TestDesignExample(t *testing.T) {
	cfg, err := Load(filepath.Join("testdata", "design.yml"))
	if err != nil {
		t.Fatalf("Load(design.yml): %v", err)
	}
	if len(cfg.Targets) != 2 || cfg.Targets[0].Name != "chemhub" || cfg.Targets[1].Kind != "json" {
		t.Errorf("design.yml targets = %+v", cfg.Targets)
	}
}

func TestDefaults(t *testing.T) {
	cfg, err := Parse("min.yml", []byte(`
targets:
  - name: shop
    platform: Shop
    start_urls: ["https://Shop.Example:8443/a", "https://shop.example/b", "https://www.shop.example/"]
    listing: {fields: {title: h1}}
`), nil)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.DataDir != DefaultDataDir || cfg.Threshold != DefaultThreshold {
		t.Errorf("defaults: data_dir %q threshold %v", cfg.DataDir, cfg.Threshold)
	}
	got := cfg.Targets[0]
	want := DefaultTarget()
	want.Name, want.Platform = "shop", "Shop"
	want.StartURLs = []string{"https://Shop.Example:8443/a", "https://shop.example/b", "https://www.shop.example/"}
	want.AllowedDomains = []string{"shop.example", "www.shop.example"}
	want.Listing.Fields = map[string]string{"title": "h1"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("minimal target =\n%+v\nwant\n%+v", got, want)
	}

	for _, empty := range []string{"", "# nothing\n", "{}"} {
		cfg, err := Parse("empty.yml", []byte(empty), nil)
		if err != nil || cfg.DataDir != DefaultDataDir || len(cfg.Targets) != 0 {
			t.Errorf("Parse(%q) = %+v, %v; want defaults", empty, cfg, err)
		}
	}
}

func TestOverrides(t *testing.T) {
	cfg, err := Parse("o.yml", []byte(`
threshold: 0
targets:
  - name: t
    platform: P
    start_urls: ["http://127.0.0.1:8080/"]
    allow_private_networks: true
    respect_robots_txt: false
    delay: 0s
    max_retries: 0
    max_body_bytes: 1048576
    listing: {fields: {description: ".d"}}
`), nil)
	if err != nil {
		t.Fatal(err)
	}
	tg := cfg.Targets[0]
	if cfg.Threshold != 0 || !tg.AllowPrivateNetworks || tg.RespectRobotsTxt || tg.Delay != 0 || tg.MaxRetries != 0 || tg.MaxBodyBytes != 1<<20 ||
		!reflect.DeepEqual(tg.AllowedDomains, []string{"127.0.0.1"}) {
		t.Errorf("overrides = %+v (threshold %v)", tg, cfg.Threshold)
	}
}

func TestExpand(t *testing.T) {
	env := mapEnv(map[string]string{"A": "alpha", "B_2": "beta", "DOLLAR": "$x"})
	tests := []struct {
		in, want, err string
	}{
		{"plain", "plain", ""},
		{"${A}", "alpha", ""},
		{"x-${A}-${B_2}-y", "x-alpha-beta-y", ""},
		{"${DOLLAR}", "$x", ""},
		{"cost $5 and $A", "cost $5 and $A", ""},
		{"$${A}", "${A}", ""},
		{"$$${A}", "$${A}", ""}, // leftmost "$${" wins
		{"${NOPE}", "", "environment variable NOPE is not set (set it in precwatch's environment, e.g. export NOPE=…)"},
		{"${NOPE}${A}${ALSO}", "", "environment variables NOPE, ALSO are not set"},
		{"${A", "", "unterminated"},
		{"${}", "", "bad variable name"},
		{"${A B}", "", "bad variable name"},
		{"${1A}", "", "bad variable name"},
	}
	for _, tt := range tests {
		got, err := expand(tt.in, env)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("expand(%q) = %q, %v; want error containing %q", tt.in, got, err, tt.err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("expand(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

func TestExpandTypedValues(t *testing.T) {
	cfg, err := Parse("env.yml", []byte(`
data_dir: ${HOME_DIR}/data
threshold: ${THRESHOLD}
targets:
  - name: ${NAME}
    platform: Shop
    start_urls: ["https://${HOST}/"]
    max_pages: ${PAGES}
    delay: ${DELAY}
    respect_robots_txt: ${ROBOTS}
    listing: {fields: {title: h1}}
`), mapEnv(map[string]string{"HOME_DIR": "/srv", "THRESHOLD": "0.7", "NAME": "shop", "HOST": "shop.example", "PAGES": "42", "DELAY": "1s", "ROBOTS": "false"}))
	if err != nil {
		t.Fatal(err)
	}
	tg := cfg.Targets[0]
	if cfg.DataDir != "/srv/data" || cfg.Threshold != 0.7 || tg.Name != "shop" || tg.MaxPages != 42 || tg.Delay != time.Second || tg.RespectRobotsTxt ||
		!reflect.DeepEqual(tg.AllowedDomains, []string{"shop.example"}) {
		t.Errorf("expanded config = %+v %+v", cfg, tg)
	}
}

func TestParseSize(t *testing.T) {
	tests := []struct {
		in   string
		want int64
		ok   bool
	}{
		{"1024", 1024, true}, {"10MB", 10 << 20, true}, {"10 MiB", 10 << 20, true}, {"512k", 512 << 10, true},
		{"1GB", 1 << 30, true}, {"1_000", 1000, true}, {"7B", 7, true}, {"-1", -1, true},
		{"", 0, false}, {"MB", 0, false}, {"1.5MB", 0, false}, {"10 parsecs", 0, false}, {"99999999999999999GB", 0, false},
	}
	for _, tt := range tests {
		got, err := parseSize(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("parseSize(%q) = %d, %v; want %d, ok=%v", tt.in, got, err, tt.want, tt.ok)
		}
	}
}

func TestValidateTarget(t *testing.T) {
	good := DefaultTarget()
	good.Name, good.Platform = "api-shop", "Shop"
	good.StartURLs = []string{"https://Shop.example/list"}
	good.Listing.Fields = map[string]string{"title": "h1", "url": "a@href"}
	if err := ValidateTarget(&good); err != nil {
		t.Fatalf("ValidateTarget(good) = %v", err)
	}
	if !reflect.DeepEqual(good.AllowedDomains, []string{"shop.example"}) {
		t.Errorf("ValidateTarget did not complete allowed_domains: %v", good.AllowedDomains)
	}

	tests := []struct {
		name   string
		modify func(*precwatch.Target)
		want   []string
	}{
		{"zero target", func(t *precwatch.Target) { *t = precwatch.Target{} }, []string{
			"name: must not be empty",
			"platform: must not be empty",
			"start_urls: at least one start URL is required",
			"user_agent: must not be empty",
			"max_pages: 0 is outside [1, 10000000]",
			"parallelism: 0 is outside [1, 64]",
			"timeout: 0s must be positive and at most 10m0s",
			"max_body_bytes: 0 is outside [1, 1073741824]",
		}},
		{"html target without fields reads structured data", func(t *precwatch.Target) { t.Listing.Fields = nil }, nil},
		{"bad name", func(t *precwatch.Target) { t.Name = "Shop!" }, []string{`name: "Shop!" must match [a-z0-9-]+`}},
		{"bad schedule", func(t *precwatch.Target) { t.Schedule = "@sometimes" }, []string{`schedule: "@sometimes" is not a cron spec (5 fields or a descriptor like @every 6h, @daily): unrecognized descriptor: @sometimes`}},
		{"good schedules", func(t *precwatch.Target) { t.Schedule = "@every 90m" }, nil},
		{"5-field schedule", func(t *precwatch.Target) { t.Schedule = "*/15 2-4 * * MON-FRI" }, nil},
		{"foreign start url", func(t *precwatch.Target) { t.AllowedDomains = []string{"other.example"} }, []string{`start_urls[0]: host "shop.example" is not in allowed_domains`}},
		{"subdomain start url", func(t *precwatch.Target) {
			t.StartURLs = []string{"https://www.shop.example/"}
			t.AllowedDomains = []string{"Shop.Example."}
		}, nil},
		{"bad selector", func(t *precwatch.Target) { t.Follow = []string{"a", "a[x"} }, []string{`follow[1]: "a[x" is not a CSS selector: unexpected EOF in attribute selector`}},
		{"attr with @ in selector", func(t *precwatch.Target) { t.Listing.Fields["seller"] = `a[href^="mailto:x@y"]@href` }, nil},
		{"bad attr", func(t *precwatch.Target) { t.Listing.Fields["seller"] = `a@9x` }, []string{`listing.fields.seller: "a@9x": "9x" is not an attribute name`}},
		{"json kind", func(t *precwatch.Target) {
			t.Kind = "json"
			t.Listing = precwatch.ListingSpec{}
			t.JSON = precwatch.JSONSpec{Items: ".", Fields: map[string]string{"description": "body"}}
		}, nil},
		{"empty kind is html", func(t *precwatch.Target) { t.Kind = "" }, nil},
		{"private network host", func(t *precwatch.Target) { t.StartURLs = []string{"http://[::1]:8080/"}; t.AllowedDomains = nil }, nil},
	}
	for _, tt := range tests {
		tg := DefaultTarget()
		tg.Name, tg.Platform = "api-shop", "Shop"
		tg.StartURLs = []string{"https://shop.example/list"}
		tg.Listing.Fields = map[string]string{"title": "h1"}
		tt.modify(&tg)
		err := ValidateTarget(&tg)
		var got []string
		if err != nil {
			var cerr *Error
			if !errors.As(err, &cerr) {
				t.Fatalf("ValidateTarget(%s) = %T, want *Error", tt.name, err)
			}
			for _, p := range cerr.Problems {
				got = append(got, p.String())
			}
			if precwatch.ErrorCode(err) != precwatch.EINVALID || precwatch.ErrorMessage(err) != err.Error() {
				t.Errorf("ValidateTarget(%s): code %q message %q", tt.name, precwatch.ErrorCode(err), precwatch.ErrorMessage(err))
			}
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("ValidateTarget(%s) =\n%s\nwant\n%s", tt.name, strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
		}
	}
}

func TestLoadMissing(t *testing.T) {
	if _, err := Load(filepath.Join(t.TempDir(), "none.yml")); err == nil || !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Load(missing) = %v, want a not-exist error", err)
	}
}

func TestAliases(t *testing.T) {
	cfg, err := Parse("a.yml", []byte(`
targets:
  - &base
    name: one
    platform: Shop
    start_urls: &urls ["https://shop.example/"]
    listing: {fields: {title: h1}}
  - name: two
    platform: Shop
    start_urls: *urls
    listing: {fields: {title: h2}}
`), nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := cfg.Targets[1].StartURLs; !reflect.DeepEqual(got, []string{"https://shop.example/"}) {
		t.Errorf("alias start_urls = %v", got)
	}
}

func TestMergeKeys(t *testing.T) {
	cfg, err := Parse("m.yml", []byte(`
defaults: &polite
  parallelism: 1
  delay: 2s
  platform: Shop
targets:
  - <<: *polite
    name: one
    delay: 3s
    start_urls: ["https://shop.example/"]
    listing: {fields: {title: h1}}
  - <<: [*polite]
    name: two
    start_urls: ["https://shop.example/"]
    listing: {fields: {title: h1}}
`), nil)
	// "defaults" is not a key of the config: the anchor must live in a
	// known place, so this reports it and nothing else.
	var cerr *Error
	if !errors.As(err, &cerr) || len(cerr.Problems) != 1 || cerr.Problems[0].Field != "defaults" {
		t.Fatalf("Parse(merge with unknown anchor holder) = %v, %v", cfg, err)
	}
	cfg, err = Parse("m.yml", []byte(`
targets:
  - &one
    name: one
    platform: Shop
    parallelism: 1
    delay: 2s
    start_urls: ["https://shop.example/"]
    listing: {fields: {title: h1}}
  - <<: *one
    name: two
    delay: 3s
`), nil)
	if err != nil {
		t.Fatal(err)
	}
	two := cfg.Targets[1]
	if two.Name != "two" || two.Platform != "Shop" || two.Parallelism != 1 || two.Delay != 3*time.Second || two.Listing.Fields["title"] != "h1" {
		t.Errorf("merged target = %+v", two)
	}
}

func TestMergeProblems(t *testing.T) {
	_, err := Parse("m.yml", []byte(`
targets:
  - &common
    name: one
    platform: Shop
    colour: red
    start_urls: ["https://shop.example/"]
    listing: {fields: {title: h1}}
  - {<<: *common, name: two}
  - {<<: *common, name: three}
`), nil)
	want := "m.yml:6:5: targets[0].colour: unknown field"
	if err == nil || strings.Count(err.Error(), "colour") != 3 || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("Parse(merged unknown key) = %v; want %q once per target path", err, want)
	}
}

func TestSecondDocument(t *testing.T) {
	_, err := Parse("two.yml", []byte("threshold: 0.5\n---\nthreshold: 0.9\n"), nil)
	want := "two.yml:2:1: a config file holds one YAML document; this is a second one"
	if err == nil || err.Error() != want {
		t.Errorf("Parse(two documents) = %v, want %q", err, want)
	}
}

func TestMergeBomb(t *testing.T) {
	var b strings.Builder
	b.WriteString("x0: &m0 {platform: Shop}\n")
	for i := 1; i <= 40; i++ {
		fmt.Fprintf(&b, "x%d: &m%d {<<: [*m%d, *m%d]}\n", i, i, i-1, i-1)
	}
	b.WriteString("targets:\n  - {<<: *m40, name: t, start_urls: [\"https://x.example/\"], listing: {fields: {title: h1}}}\n")
	_, err := Parse("bomb.yml", []byte(b.String()), nil)
	if err == nil || !strings.Contains(err.Error(), "merge keys") {
		t.Errorf("Parse(merge bomb) = %v, want a merge-key limit error", err)
	}
}

func ExampleParse() {
	_, err := Parse("crawl.yml", []byte(`targets:
  - name: ChemHub
    platform: ChemHub
    start_urls: ["https://chemhub.example/catalog"]
    parallelism: 100
    listing:
      fields: {title: "h1["}
`), nil)
	fmt.Println(err)
	// Output:
	// crawl.yml:2:11: targets[0].name: "ChemHub" must match [a-z0-9-]+
	// crawl.yml:5:18: targets[0].parallelism: 100 is outside [1, 64]
	// crawl.yml:7:23: targets[0].listing.fields.title: "h1[" is not a CSS selector: expected identifier, found EOF instead
}

// TestListsAndLinkSpecs checks what partners plausibly write for lists and
// link selectors: one value without brackets, and "css@attr" links.
func TestListsAndLinkSpecs(t *testing.T) {
	data := []byte(`targets:
  - name: shop
    platform: Shop
    start_urls: https://shop.example/catalog
    follow: div.card@data-href
    next_page: ["button.load-more@data-url", "link[rel=next]"]
    listing:
      fields: {title: h1}
  - name: feed
    platform: Feed
    kind: json
    start_urls: ["https://api.shop.example/v1/items"]
    json:
      items: "$.data.results[*]"
      next_page: "$.paging.next"
      fields: {title: "$.name", image: "images[0].url"}
`)
	cfg, err := Parse("lists.yml", data, nil)
	if err != nil {
		t.Fatalf("Parse(lists.yml): %v", err)
	}
	shop := cfg.Target("shop")
	if got, want := shop.StartURLs, []string{"https://shop.example/catalog"}; !reflect.DeepEqual(got, want) {
		t.Errorf("start_urls = %q, want %q", got, want)
	}
	if got, want := shop.Follow, []string{"div.card@data-href"}; !reflect.DeepEqual(got, want) {
		t.Errorf("follow = %q, want %q", got, want)
	}
	for _, c := range []struct{ name, yaml, want string }{
		{"attr only", `follow: ["@href"]`, `targets[0].follow[0]: "@href": want "css" or "css@attr"`},
		{"bad css", `next_page: ["a[@data-url"]`, `targets[0].next_page[0]`},
		{"bad attr", `follow: "a@"`, `attribute name missing`},
	} {
		y := "targets:\n  - name: s\n    platform: S\n    start_urls: [\"https://s.example/\"]\n    " + c.yaml + "\n    listing: {fields: {title: h1}}\n"
		_, err := Parse("bad.yml", []byte(y), nil)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: Parse(%q) = %v, want an error containing %q", c.name, c.yaml, err, c.want)
		}
	}
}

// TestLenientValues checks values partners write that mean one obvious
// thing: domains with a scheme, port or wildcard, durations in bare seconds.
func TestLenientValues(t *testing.T) {
	data := []byte(`targets:
  - name: shop
    platform: Shop
    start_urls: ["http://localhost:8081/catalog", "https://api.shop.example/v1", "http://127.0.0.1:8081/"]
    allowed_domains: ["localhost:8081", "https://Shop.Example/", "*.cdn.example", "[::1]:8080"]
    delay: 1.5
    timeout: 30
    listing: {fields: {title: h1}}
`)
	cfg, err := Parse("lenient.yml", data, nil)
	if err != nil {
		t.Fatalf("Parse(lenient.yml): %v", err)
	}
	tg := cfg.Target("shop")
	if want := []string{"localhost", "shop.example", "cdn.example", "::1"}; !reflect.DeepEqual(tg.AllowedDomains, want) {
		t.Errorf("allowed_domains = %q, want %q", tg.AllowedDomains, want)
	}
	if tg.Delay != 1500*time.Millisecond || tg.Timeout != 30*time.Second {
		t.Errorf("delay %v timeout %v, want 1.5s and 30s", tg.Delay, tg.Timeout)
	}
}

func TestScrapyFieldSpecs(t *testing.T) {
	ok := "targets:\n  - name: s\n    platform: S\n    start_urls: [\"https://s.example/\"]\n    follow: [\"a.p::attr(href)\"]\n    listing: {fields: {title: \"h1::text\", image: \"img::attr(data-src)\"}}\n"
	if _, err := Parse("ok.yml", []byte(ok), nil); err != nil {
		t.Errorf("Parse(scrapy specs): %v", err)
	}
	for _, spec := range []string{"::text", "h1::attr()", "h1[::text"} {
		y := "targets:\n  - name: s\n    platform: S\n    start_urls: [\"https://s.example/\"]\n    listing: {fields: {title: \"" + spec + "\"}}\n"
		if _, err := Parse("bad.yml", []byte(y), nil); err == nil {
			t.Errorf("Parse(title: %q) = nil error, want one", spec)
		}
	}
}

// TestJSONBodyCap checks that a json target without max_body_bytes gets the
// larger feed default, and one that sets it keeps its own.
func TestJSONBodyCap(t *testing.T) {
	data := []byte(`targets:
  - {name: feed, platform: F, kind: json, start_urls: ["https://f.example/"], json: {items: ".", fields: {title: t}}}
  - {name: own, platform: F, kind: json, start_urls: ["https://f.example/"], max_body_bytes: 1MB, json: {items: ".", fields: {title: t}}}
  - {name: page, platform: F, start_urls: ["https://f.example/"], listing: {fields: {title: h1}}}
`)
	cfg, err := Parse("caps.yml", data, nil)
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]int64{"feed": DefaultJSONMaxBodyBytes, "own": 1 << 20, "page": DefaultMaxBodyBytes} {
		if got := cfg.Target(name).MaxBodyBytes; got != want {
			t.Errorf("target %s: max_body_bytes = %d, want %d", name, got, want)
		}
	}
}

func TestJQueryPositionSpecs(t *testing.T) {
	for spec, ok := range map[string]bool{"td:eq(1)": true, ".price:last": true, "li:first@data-x": true, "tr:eq(1) td": true,
		"div.box:last > a": true, ":first a": false, "li:eq(1) >": false} {
		y := "targets:\n  - name: s\n    platform: S\n    start_urls: [\"https://s.example/\"]\n    listing: {fields: {title: \"" + spec + "\"}}\n"
		_, err := Parse("pos.yml", []byte(y), nil)
		if (err == nil) != ok {
			t.Errorf("Parse(title: %q) error = %v, want ok %v", spec, err, ok)
		}
	}
}

// TestNamespacedSelectors checks that selectors naming XML elements with a
// namespace prefix, as partners copy them from a Google Merchant feed
// (g:price, g\:price, g|price), are accepted, and that a pseudo-class that
// does not exist after a real element still is not.
func TestNamespacedSelectors(t *testing.T) {
	for spec, ok := range map[string]bool{
		"g:price": true, `g\\:price`: true, "g|id": true, "item > g:link": true, "media:content@url": true,
		"li:first-child": true, "a:link": true, "div:bogus(1)": false, "p:nth-child(x)": false,
	} {
		y := "targets:\n  - name: s\n    platform: S\n    start_urls: [\"https://s.example/\"]\n    listing: {item: item, fields: {title: \"" + spec + "\"}}\n"
		_, err := Parse("ns.yml", []byte(y), nil)
		if (err == nil) != ok {
			t.Errorf("Parse(title: %q) error = %v, want ok %v", spec, err, ok)
		}
	}
}

// TestListingGoneSpec checks listing.gone: a CSS selector, for html targets.
func TestListingGoneSpec(t *testing.T) {
	for spec, ok := range map[string]bool{"div.notice--removed": true, "h1:contains('no longer available')": true, "div[": false, "//div[@class='x']": false} {
		y := "targets:\n  - name: s\n    platform: S\n    start_urls: [\"https://s.example/\"]\n    listing: {gone: \"" + spec + "\", fields: {title: h1}}\n"
		_, err := Parse("gone.yml", []byte(y), nil)
		if (err == nil) != ok {
			t.Errorf("Parse(gone: %q) error = %v, want ok %v", spec, err, ok)
		}
	}
	y := "targets:\n  - name: s\n    platform: S\n    kind: json\n    start_urls: [\"https://s.example/\"]\n    listing: {gone: x}\n    json: {items: ., fields: {title: t}}\n"
	if _, err := Parse("gone.yml", []byte(y), nil); err == nil || !strings.Contains(err.Error(), "only for kind: html") {
		t.Errorf("Parse(json target with listing.gone) error = %v, want 'only for kind: html'", err)
	}
}

// TestPlatformSpellings warns about one platform spelt several ways across
// targets and platforms (ChemHub, chemhub, Chem Hub): valid, but its
// tickets, tokens and webhook would be split between platforms.
func TestPlatformSpellings(t *testing.T) {
	data := `targets:
  - name: a
    platform: ChemHub
    start_urls: ["https://chemhub.example/"]
  - name: b
    platform: chemhub
    start_urls: ["https://chemhub.example/b"]
  - name: c
    platform: Bazaar
    start_urls: ["https://bazaar.example/"]
  - name: d
    platform: ChemHub
    start_urls: ["https://chemhub.example/d"]
platforms:
  - name: Chem Hub
    webhook_url: https://hooks.chemhub.example/
    webhook_secret: s
  - name: Bazaar
`
	cfg, err := Parse("p.yml", []byte(data), nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range cfg.Warnings {
		got = append(got, w.Warning())
	}
	want := []string{
		`p.yml:6:15: warning: targets[1].platform: "chemhub" is spelt "ChemHub" in targets[0].platform: precwatch tells platforms apart by their exact name, so tickets, partner tokens and webhooks would be split between the two; spell them alike`,
		`p.yml:15:11: warning: platforms[0].name: "Chem Hub" is spelt "ChemHub" in targets[0].platform: precwatch tells platforms apart by their exact name, so tickets, partner tokens and webhooks would be split between the two; spell them alike`,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	good, err := Parse("g.yml", []byte(strings.NewReplacer("platform: chemhub", "platform: ChemHub", "name: Chem Hub", "name: ChemHub").Replace(data)), nil)
	if err != nil || len(good.Warnings) != 0 {
		t.Errorf("consistent spellings: %v, warnings %v", err, good.Warnings)
	}
}

// TestBodyErrorQuotesNoSecret: a POST body that is not JSON is reported
// by position, without quoting it: its ${ENV} references are expanded by
// then and may be API keys (was: the first 120 bytes of the expanded body,
// key included, went to stderr and CI logs).
func TestBodyErrorQuotesNoSecret(t *testing.T) {
	y := `targets:
  - name: feed
    platform: Feed
    kind: json
    start_urls: ["https://api.feed.example/graphql"]
    json:
      items: data.items
      method: POST
      body: '{"api_key": "${FEED_KEY}", "variables": {"page": ${page}}'
      fields: {title: title}
`
	secret := "sk_live_SUPERSECRET123"
	_, err := Parse("c.yaml", []byte(y), func(name string) string {
		if name == "FEED_KEY" {
			return secret
		}
		return ""
	})
	if err == nil {
		t.Fatal("a body with a missing brace parsed without error")
	}
	msg := err.Error()
	if !strings.Contains(msg, "json.body") || !strings.Contains(msg, "is not JSON") {
		t.Errorf("error does not name json.body and say it is not JSON: %s", msg)
	}
	if strings.Contains(msg, secret) || strings.Contains(msg, "SUPERSECRET") {
		t.Errorf("error quotes the expanded secret: %s", msg)
	}
}

// TestNotUTF8: a config file saved in a legacy charset (Latin-1 "Café") is
// reported at the line and column of its first byte that is not UTF-8,
// with a hint; YAML said "1:1: yaml: invalid trailing UTF-8 octet".
func TestNotUTF8(t *testing.T) {
	data := "data_dir: ./d\ntargets:\n  - name: shop\n    platform: Caf\xe9\n    start_urls: [\"https://shop.example/\"]\n"
	_, err := Parse("latin.yml", []byte(data), os.Getenv)
	var cerr *Error
	if !errors.As(err, &cerr) || len(cerr.Problems) != 1 {
		t.Fatalf("Parse(latin.yml) = %v; want one problem", err)
	}
	if got, want := cerr.Problems[0].String(), "latin.yml:4:18: the file is not UTF-8 (byte 0xE9); save it as UTF-8"; got != want {
		t.Errorf("Parse(latin.yml): %q, want %q", got, want)
	}
	// Characters before the byte count once each; a U+FFFD written in
	// UTF-8 is no error.
	data = "# é \ufffd\ndata_dir: \"d\xe9\"\n"
	_, err = Parse("x.yml", []byte(data), os.Getenv)
	if !errors.As(err, &cerr) || len(cerr.Problems) != 1 || cerr.Problems[0].String() != "x.yml:2:13: the file is not UTF-8 (byte 0xE9); save it as UTF-8" {
		t.Errorf("Parse(x.yml) = %v; want x.yml:2:13", err)
	}
	if _, err := Parse("ok.yml", []byte("# é \ufffd\ndata_dir: ./d\n"), os.Getenv); err != nil {
		t.Errorf("Parse of UTF-8 with é and U+FFFD: %v", err)
	}
}
