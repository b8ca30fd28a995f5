package server

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/precwatch/precwatch"
)

func TestRedactTarget(t *testing.T) {
	stored := precwatch.Target{Name: "shop", Headers: map[string]string{"X-Api-Key": "s3cr3t-value", "Cookie": "sid=1"}}
	got := redactTarget(stored)
	want := map[string]string{"X-Api-Key": HeaderMask, "Cookie": HeaderMask}
	if !maps.Equal(got.Headers, want) {
		t.Errorf("redactTarget(%v).Headers = %v, want %v", stored.Headers, got.Headers, want)
	}
	if stored.Headers["X-Api-Key"] != "s3cr3t-value" {
		t.Errorf("redactTarget changed the stored map: %v", stored.Headers)
	}
	if got := redactTarget(precwatch.Target{}); got.Headers != nil {
		t.Errorf("redactTarget of no headers = %v, want nil", got.Headers)
	}
}

func TestUnmaskHeaders(t *testing.T) {
	old := &precwatch.Target{Name: "shop", AllowedDomains: []string{"shop.example"},
		Headers: map[string]string{"X-Api-Key": "s3cr3t-value", "Cookie": "sid=1"}}
	tests := []struct {
		name    string
		headers map[string]string
		domains []string
		old     *precwatch.Target
		want    map[string]string
		wantErr string // a substring of the error; "" for none
	}{
		{"mask keeps", map[string]string{"X-Api-Key": HeaderMask, "Cookie": HeaderMask}, []string{"shop.example"}, old,
			map[string]string{"X-Api-Key": "s3cr3t-value", "Cookie": "sid=1"}, ""},
		{"new value replaces, left out removed", map[string]string{"X-Api-Key": "new"}, []string{"shop.example"}, old,
			map[string]string{"X-Api-Key": "new"}, ""},
		{"names compare as in HTTP", map[string]string{"x-api-key": HeaderMask}, []string{"shop.example"}, old,
			map[string]string{"x-api-key": "s3cr3t-value"}, ""},
		{"subdomain stays in reach", map[string]string{"X-Api-Key": HeaderMask}, []string{"api.shop.example"}, old,
			map[string]string{"X-Api-Key": "s3cr3t-value"}, ""},
		{"new values to a new domain", map[string]string{"X-Api-Key": "new"}, []string{"other.example"}, old,
			map[string]string{"X-Api-Key": "new"}, ""},
		{"mask with nothing stored", map[string]string{"X-Other": HeaderMask}, []string{"shop.example"}, old, nil, "X-Other"},
		{"mask on a new target", map[string]string{"X-Api-Key": HeaderMask}, []string{"shop.example"}, nil, nil, "X-Api-Key"},
		{"mask to a wider reach", map[string]string{"X-Api-Key": HeaderMask}, []string{"shop.example", "evil.example"}, old, nil, "evil.example"},
		{"mask to a look-alike domain", map[string]string{"X-Api-Key": HeaderMask}, []string{"evilshop.example"}, old, nil, "evilshop.example"},
	}
	for _, tc := range tests {
		tg := precwatch.Target{Name: "shop", AllowedDomains: tc.domains, Headers: tc.headers}
		in := maps.Clone(tc.headers)
		err := unmaskHeaders(&tg, tc.old)
		switch {
		case tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr) || precwatch.ErrorCode(err) != precwatch.EINVALID):
			t.Errorf("%s: unmaskHeaders(%v) error = %v, want EINVALID naming %s", tc.name, in, err, tc.wantErr)
		case tc.wantErr != "":
			if strings.Contains(err.Error(), "s3cr3t-value") {
				t.Errorf("%s: the error shows the stored value: %v", tc.name, err)
			}
		case err != nil:
			t.Errorf("%s: unmaskHeaders(%v) error = %v, want none", tc.name, in, err)
		case !maps.Equal(tg.Headers, tc.want):
			t.Errorf("%s: unmaskHeaders(%v) = %v, want %v", tc.name, in, tg.Headers, tc.want)
		}
		if !maps.Equal(tc.headers, in) {
			t.Errorf("%s: unmaskHeaders changed the caller's map: %v", tc.name, tc.headers)
		}
	}
}

func TestRedactText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://api.example.com/feed?api_key=k3y&page=2", "https://api.example.com/feed?api_key=<redacted>&page=2"},
		{"https://x.example/?token=t&access_token=a&key=k&sig=s&signature=g&auth=u&password=p&secret=c&client_secret=cs&q=drugs",
			"https://x.example/?token=<redacted>&access_token=<redacted>&key=<redacted>&sig=<redacted>&signature=<redacted>&auth=<redacted>&password=<redacted>&secret=<redacted>&client_secret=<redacted>&q=drugs"},
		{"https://x.example/cb#access_token=abc&state=1", "https://x.example/cb#access_token=<redacted>&state=1"},
		{"https://x.example/?apiKey=abc", "https://x.example/?apiKey=<redacted>"},
		{"https://x.example/?api%5Fkey=abc", "https://x.example/?api%5Fkey=<redacted>"},
		{"https://user:pa55@x.example/a", "https://<redacted>@x.example/a"},
		{"https://t0ken@x.example/", "https://<redacted>@x.example/"},
		{`Get "https://x.example/?token=abc": dial tcp: refused`, `Get "https://x.example/?token=<redacted>": dial tcp: refused`},
		{"&amp;token=abc&amp;page=1", "&amp;token=<redacted>&amp;page=1"},
		{"https://x.example/?page=${page}&token=", "https://x.example/?page=${page}&token="},
		{"https://x.example/?keyword=acetone&sort=price&monkey=1", "https://x.example/?keyword=acetone&sort=price&monkey=1"},
		{"https://x.example/a@b/c?x=1", "https://x.example/a@b/c?x=1"},
		{`{ listings(apiKey: "abc", first: 10) { id } }`, `{ listings(apiKey: "<redacted>", first: 10) { id } }`},
		{`"{ listings(apiKey: \"abc\", q: \"acetone\") { id } }"`, `"{ listings(apiKey: \"<redacted>\", q: \"acetone\") { id } }"`},
		{"mail me at a@b.example, key: none", "mail me at a@b.example, key: none"},
		{"no secret here", "no secret here"},
	}
	for _, tc := range tests {
		if got := RedactText(tc.in); got != tc.want {
			t.Errorf("RedactText(%q) =\n %q, want\n %q", tc.in, got, tc.want)
		}
	}
}

func TestUnmaskText(t *testing.T) {
	old := "https://x.example/f?api_key=k1&token=t1&token=t2"
	tests := []struct{ in, want, missing string }{
		{"https://x.example/f?api_key=<redacted>&token=<redacted>&token=<redacted>", old, ""},
		{"https://x.example/f?page=3&token=<redacted>&api_key=new", "https://x.example/f?page=3&token=t1&api_key=new", ""},
		{"https://x.example/f?secret=<redacted>", "", "query:secret#0"},
		{"https://x.example/f?token=a&token=b&token=<redacted>", "", "query:token#2"},
	}
	for _, tc := range tests {
		got, _, missing := unmaskText(tc.in, old)
		if missing != tc.missing || (tc.missing == "" && got != tc.want) {
			t.Errorf("unmaskText(%q) = %q, missing %q; want %q, missing %q", tc.in, got, missing, tc.want, tc.missing)
		}
	}
}

func TestUnmaskURLs(t *testing.T) {
	old := &precwatch.Target{Name: "feed", StartURLs: []string{
		"https://api.example.com/v1/items?api_key=k3y&page=1",
		"https://bot:pa55@other.example/list",
	}}
	tests := []struct {
		name string
		in   []string
		want []string
		err  string
	}{
		{"as shown", []string{"https://api.example.com/v1/items?api_key=<redacted>&page=1", "https://<redacted>@other.example/list"}, old.StartURLs, ""},
		{"reordered, page changed", []string{"https://<redacted>@other.example/list?p=2", "https://api.example.com/v1/items?page=5&api_key=<redacted>"},
			[]string{"https://bot:pa55@other.example/list?p=2", "https://api.example.com/v1/items?page=5&api_key=k3y"}, ""},
		{"userinfo as validated", []string{"https://%3Credacted%3E@other.example/list"}, []string{"https://bot:pa55@other.example/list"}, ""},
		{"new host", []string{"https://evil.example/v1/items?api_key=<redacted>"}, nil, "evil.example"},
		{"no such parameter", []string{"https://api.example.com/v1/items?token=<redacted>"}, nil, "has no start URL"},
		{"nothing stored", []string{"https://api.example.com/?api_key=<redacted>"}, nil, "has no start URL"},
	}
	for _, tc := range tests {
		tg := precwatch.Target{Name: "feed", StartURLs: tc.in}
		st := old
		if tc.name == "nothing stored" {
			st = nil
		}
		parseableMasks(&tg)
		err := unmaskURLs(&tg, st)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) || precwatch.ErrorCode(err) != precwatch.EINVALID {
				t.Errorf("%s: unmaskURLs(%q) err = %v, want EINVALID with %q", tc.name, tc.in, err, tc.err)
			}
			if err != nil && (strings.Contains(err.Error(), "k3y") || strings.Contains(err.Error(), "pa55")) {
				t.Errorf("%s: error quotes a stored secret: %v", tc.name, err)
			}
			continue
		}
		if err != nil || !slices.Equal(tg.StartURLs, tc.want) {
			t.Errorf("%s: unmaskURLs(%q) = %q, %v; want %q", tc.name, tc.in, tg.StartURLs, err, tc.want)
		}
	}
}

func TestRedactBodyStrings(t *testing.T) {
	body := `{"query":"{ items(apiKey: \"k3y\", page: ${page}) { id } }","variables":{"cb":"https://h.example/?sig=abc&x=1"}}`
	want := `{"query":"{ items(apiKey: \"<redacted>\", page: ${page}) { id } }","variables":{"cb":"https://h.example/?sig=<redacted>&x=1"}}`
	if got := redactBody(body); got != want {
		t.Fatalf("redactBody(%s) =\n %s, want\n %s", body, got, want)
	}
	old := &precwatch.Target{Name: "gql", AllowedDomains: []string{"api.example"}, JSON: precwatch.JSONSpec{Body: body}}
	edited := strings.Replace(want, "{ id }", "{ id title }", 1)
	tg := precwatch.Target{Name: "gql", AllowedDomains: []string{"api.example"}, JSON: precwatch.JSONSpec{Body: edited}}
	if err := unmaskBody(&tg, old, false); err != nil {
		t.Fatal(err)
	}
	if wantBody := strings.Replace(body, "{ id }", "{ id title }", 1); tg.JSON.Body != wantBody {
		t.Errorf("unmaskBody(%s) = %s, want %s", edited, tg.JSON.Body, wantBody)
	}
	tg = precwatch.Target{Name: "gql", JSON: precwatch.JSONSpec{Body: `{"query":"{ items(token: \"<redacted>\") { id } }"}`}}
	if err := unmaskBody(&tg, old, false); err == nil || !strings.Contains(err.Error(), "query") {
		t.Errorf("unmaskBody with a mask for an argument not stored: err = %v, want EINVALID naming the path", err)
	}
}
