package main

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
)

// TestAPITargetProblemsAll (walkthrough 9, U1): a target written through
// the API with several mistakes is refused 400 with every problem at once,
// each naming its field (a path in the body) and, for a misspelt key, the
// key meant, as `precwatch config check` reports a file; it used to be one
// problem, in the JSON decoder's words ("json: unknown field", "cannot
// unmarshal string into Go struct field").
func TestAPITargetProblemsAll(t *testing.T) {
	f := newFixture(t)
	body := `{
  "name": "chemhub-typos",
  "platform": "` + ownPlatform + `",
  "start_urls": ["http://127.0.0.1:9/catalog", "ftp://127.0.0.1/x"],
  "paralelism": 2,
  "max_pages": "many",
  "delay": "soon",
  "listing": {"item": "div.product", "feilds": {"title": "h1"}}
}`
	type problem struct{ Field, Message string }
	want := []problem{
		{"paralelism", "did you mean parallelism?"},
		{"max_pages", `"many" is not an integer`},
		{"delay", `"soon" is not a duration`},
		{"listing.feilds", "did you mean fields?"},
	}
	for _, c := range []struct{ method, path, role string }{
		{"POST", "/api/v1/targets", "admin"},
		{"PUT", "/api/v1/targets/chemhub-typos", "partner"},
		{"POST", "/api/v1/targets/test", "partner"},
	} {
		code, resp := f.do(c.role, c.method, c.path, body)
		if code != http.StatusBadRequest {
			t.Errorf("%s %s with 4 mistakes: %d %s, want 400", c.method, c.path, code, short(resp))
			continue
		}
		var got struct {
			Error struct {
				Code     string
				Message  string
				Problems []problem
			}
		}
		if err := json.Unmarshal([]byte(resp), &got); err != nil {
			t.Fatalf("%s %s: %v in %s", c.method, c.path, err, resp)
		}
		if got.Error.Code != "invalid" {
			t.Errorf("%s %s: code %q, want invalid", c.method, c.path, got.Error.Code)
		}
		if strings.Contains(resp, "json:") || strings.Contains(resp, "unmarshal") || strings.Contains(resp, "Go struct") {
			t.Errorf("%s %s: decoder internals in %s", c.method, c.path, resp)
		}
		for _, w := range want {
			found := false
			for _, p := range got.Error.Problems {
				if p.Field == w.Field && strings.Contains(p.Message, w.Message) {
					found = true
				}
			}
			if !found {
				t.Errorf("%s %s: no problem %s: …%s… in %+v", c.method, c.path, w.Field, w.Message, got.Error.Problems)
			}
			if !strings.Contains(got.Error.Message, w.Field+": ") {
				t.Errorf("%s %s: message %q does not name %s", c.method, c.path, got.Error.Message, w.Field)
			}
		}
	}
	// The validation's problems come with the decoder's: a bad start URL
	// and a misspelt key in one answer.
	code, resp := f.do("admin", "POST", "/api/v1/targets", `{"name":"chemhub-two","platform":"ChemHub","start_urls":["ftp://x/"],"folow":["a"]}`)
	if code != http.StatusBadRequest || !strings.Contains(resp, `"field":"start_urls[0]"`) || !strings.Contains(resp, `"field":"folow"`) {
		t.Errorf("bad start URL and misspelt follow: %d %s, want 400 naming start_urls[0] and folow", code, resp)
	}
	// Not JSON at all: where.
	code, resp = f.do("admin", "POST", "/api/v1/targets", "{\n  \"name\": \"x\",\n  \"platform\": }")
	if code != http.StatusBadRequest || !strings.Contains(resp, "line 3, column") {
		t.Errorf("broken JSON: %d %s, want 400 with line 3, column …", code, resp)
	}
	// A refused caller is refused (403) before its body is judged.
	if code, resp := f.do("regulator", "POST", "/api/v1/targets", body); code != http.StatusForbidden {
		t.Errorf("regulator POST of a bad target: %d %s, want 403", code, short(resp))
	}
	other := strings.Replace(body, ownPlatform, otherPlatform, 1)
	if code, resp := f.do("partner", "POST", "/api/v1/targets", other); code != http.StatusForbidden {
		t.Errorf("partner POST of a bad target of another platform: %d %s, want 403", code, short(resp))
	}
	// A good one still saves, with its durations as before.
	good := `{"name":"chemhub-good","platform":"ChemHub","start_urls":["http://127.0.0.1:9/catalog"],"delay":2000000000,"timeout":"20s","follow":["a.product-link"],"headers":{"X-Note":"${HOME}"}}`
	if code, resp := f.do("admin", "POST", "/api/v1/targets", good); code != http.StatusCreated {
		t.Fatalf("good target: %d %s", code, resp)
	}
	var saved struct {
		Target struct {
			Delay, Timeout int64
			Headers        map[string]string
		}
	}
	f.getJSON("admin", "/api/v1/targets/chemhub-good", &saved)
	if saved.Target.Delay != 2e9 || saved.Target.Timeout != 20e9 {
		t.Errorf("saved delay %d, timeout %d; want 2e9, 20e9", saved.Target.Delay, saved.Target.Timeout)
	}
}
