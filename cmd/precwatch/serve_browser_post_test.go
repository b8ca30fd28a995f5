package main

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/precwatch/precwatch"
	"github.com/precwatch/precwatch/server"
)

// postTarget creates, as admin through the API, a POST feed target of the
// partner's platform reading feed, its API key in the body.
func postTarget(t *testing.T, f *fixture, name, feedURL string) precwatch.Target {
	t.Helper()
	tg := f.apiTarget(name, ownPlatform)
	tg.Kind, tg.StartURLs, tg.AllowedDomains = "json", []string{feedURL + "/v1/search"}, nil
	tg.RespectRobotsTxt, tg.Delay, tg.MaxRetries, tg.MaxPages = false, 0, 0, 2
	tg.Follow, tg.NextPage, tg.Listing = nil, nil, precwatch.ListingSpec{}
	tg.JSON = precwatch.JSONSpec{Method: "POST", Items: "hits",
		Body:   `{"api_key": "` + secretValue + `", "query": "acetone", "page": ${page}}`,
		Fields: map[string]string{"id": "sku", "title": "name", "description": "text"}}
	if code, body := f.do("admin", "POST", "/api/v1/targets", mustJSONString(t, tg)); code != http.StatusCreated {
		t.Fatalf("create the POST target: %d %s", code, body)
	}
	return tg
}

// TestOpenAPIDescribesTargetFields: /api/v1/openapi.json describes the
// target's fields, this round's json.method (GET or POST) and json.body
// among them (its Target schema had no properties).
func TestOpenAPIDescribesTargetFields(t *testing.T) {
	f := newFixture(t)
	code, body := f.do("partner", "GET", "/api/v1/openapi.json", "")
	if code != http.StatusOK {
		t.Fatalf("openapi.json: %d", code)
	}
	type schema struct {
		Type        string            `json:"type"`
		Enum        []string          `json:"enum"`
		Description string            `json:"description"`
		Properties  map[string]schema `json:"properties"`
	}
	var doc struct {
		Components struct{ Schemas map[string]schema }
	}
	if err := json.Unmarshal([]byte(body), &doc); err != nil {
		t.Fatal(err)
	}
	tg := doc.Components.Schemas["Target"]
	for _, name := range []string{"name", "platform", "kind", "start_urls", "headers", "listing", "json", "max_body_bytes"} {
		if _, ok := tg.Properties[name]; !ok {
			t.Errorf("Target schema lacks %s: %v", name, tg.Properties)
		}
	}
	if g := tg.Properties["listing"].Properties["gone"]; g.Type != "string" {
		t.Errorf("Target schema's listing.gone = %+v, want a string", g)
	}
	js := tg.Properties["json"].Properties
	if m := js["method"]; m.Type != "string" || strings.Join(m.Enum, ",") != "GET,POST" {
		t.Errorf("Target schema's json.method = %+v, want a string GET or POST", m)
	}
	if b := js["body"]; b.Type != "string" || !strings.Contains(b.Description, "${page}") {
		t.Errorf("Target schema's json.body = %+v, want a string naming the page variables", b)
	}
}

// TestBrowserPostTarget: in headless Chromium, a partner opens a POST feed
// target (json.method, json.body with an API key), tests it as the form
// shows it and saves it with another query: the form carries method and
// body through, the key shows as <redacted> and stays stored.
func TestBrowserPostTarget(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	f := newFixture(t)
	feed, wrong := newKeyFeed(t, secretValue)
	const name = "post-feed"
	postTarget(t, f, name, feed.URL)
	ctx := newChrome(t)
	signInBrowser(t, ctx, f.srv.URL, f.tokens["partner"])
	visit(t, ctx, "open the POST target",
		chromedp.Navigate(f.srv.URL+"/targets/edit?name="+name),
		chromedp.WaitVisible(chromedp.ID("yaml")),
	)
	shown, err := chromedp.Run(ctx, chromedp.Value(chromedp.ID("yaml")))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(shown, secretValue) || !strings.Contains(shown, "method: POST") || !strings.Contains(shown, `"api_key": "<redacted>"`) {
		t.Fatalf("edit form shows:\n%s\nwant method POST and the body with its key masked", shown)
	}
	if help := text(t, ctx, "#target-help"); !strings.Contains(help, "json.method: POST") || !strings.Contains(help, "${cursor}") {
		t.Errorf("form help %q does not name json.method and the page variables", help)
	}
	edited := strings.Replace(shown, "acetone", "toluene", 1)
	do(t, ctx, "test the POST target",
		chromedp.SetValue(chromedp.ID("yaml"), edited),
		chromedp.Click(chromedp.ID("test-button")),
		chromedp.WaitVisible(chromedp.ID("test-report")),
	)
	if rep := text(t, ctx, "#test-report h2"); !strings.Contains(rep, ": 1 listing from") {
		t.Errorf("test of the POST target as shown: %q, want 1 listing (the feed answers 401 without its key)", rep)
	}
	do(t, ctx, "save the POST target",
		chromedp.Click(chromedp.ID("save-button")),
		chromedp.WaitVisible(chromedp.ID("new-target")),
	)
	st, err := f.a.store.Target(context.Background(), name)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"api_key": "` + secretValue + `", "query": "toluene", "page": ${page}}`
	if st.Target.JSON.Method != "POST" || st.Target.JSON.Body != want {
		t.Errorf("stored after the form's save: method %q body %s, want POST and %s", st.Target.JSON.Method, st.Target.JSON.Body, want)
	}
	if n := wrong(); n != 0 {
		t.Errorf("the feed got %d requests without its key", n)
	}
	var ti server.TargetInfo
	f.getJSON("partner", "/api/v1/targets/"+name, &ti)
	if strings.Contains(ti.Target.JSON.Body, secretValue) {
		t.Errorf("API shows the key after the form's save: %s", ti.Target.JSON.Body)
	}
}
