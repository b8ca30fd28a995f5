package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/precwatch/precwatch"
	"github.com/precwatch/precwatch/server"
	"github.com/precwatch/precwatch/tickets"
	_ "modernc.org/sqlite"
)

// The secrets of TestServeURLSecretsAreWriteOnly's feed: an API key in
// the start URL's query, a password in its userinfo, an API key as a
// GraphQL argument in the POST body. None may leave serve or be stored in
// plain text.
const (
	urlKey   = "urlk3y-S1"
	userPass = "pa55w0rd-S2"
	gqlKey   = "gqlk3y-S3"
	deadKey  = "deadt0ken-S4"
)

var urlSecrets = []string{urlKey, userPass, gqlKey, deadKey}

// newGraphQLFeed is a loopback GraphQL search API that answers only a
// request carrying all three secrets: ?api_key= in its URL, Basic auth
// from the URL's userinfo and apiKey: "…" in the query; it counts the
// requests without.
func newGraphQLFeed(t *testing.T) (*httptest.Server, func() (good, wrong int)) {
	var mu sync.Mutex
	good, wrong := 0, 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var req struct{ Query string }
		user, pass, _ := r.BasicAuth()
		ok := r.Method == http.MethodPost && r.URL.Query().Get("api_key") == urlKey && user == "bot" && pass == userPass &&
			json.NewDecoder(r.Body).Decode(&req) == nil && strings.Contains(req.Query, `apiKey: "`+gqlKey+`"`)
		mu.Lock()
		if ok {
			good++
		} else {
			wrong++
		}
		mu.Unlock()
		if !ok {
			http.Error(w, `{"error": "bad key"}`, http.StatusUnauthorized)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		if !strings.Contains(req.Query, "page: 1)") {
			fmt.Fprint(w, `{"data": {"items": []}}`)
			return
		}
		fmt.Fprintf(w, `{"data": {"items": [{"sku": "a1", "name": "Acetone 1 L", "link": "http://%s/p/a1"}]}}`, r.Host)
	}))
	t.Cleanup(srv.Close)
	return srv, func() (int, int) { mu.Lock(); defer mu.Unlock(); return good, wrong }
}

// secretsServe starts `precwatch serve` on a fresh data directory with a
// configuration of one unscheduled loopback target, and returns it with
// an admin token.
func secretsServe(t *testing.T, dataDir string) (*served, string) {
	t.Helper()
	cfgPath := filepath.Join(t.TempDir(), "precwatch.yaml")
	cfg := fmt.Sprintf(`data_dir: %s
targets:
  - name: cfg-shop
    platform: KeyShop
    schedule: ""
    start_urls: ["http://127.0.0.1:9/cfg"]
    allow_private_networks: true
    respect_robots_txt: false
`, dataDir)
	if err := os.WriteFile(cfgPath, []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	tok := adminToken(t, dataDir)
	s := startServe(t, "--config", cfgPath, "--data", dataDir, "--addr", "127.0.0.1:0", "--log-level", "debug")
	return s, tok
}

// call sends an API request to s with token and returns status and body.
func (s *served) call(t *testing.T, token, method, path, body string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(method, s.base+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+token)
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// TestServeURLSecretsAreWriteOnly drives a real `precwatch serve`: a
// target whose start URL carries an API key in its query and a password
// in its userinfo, and whose GraphQL body carries a key as an argument.
// No secret comes back out (API answers, target tests, runs, the UI's
// pages and YAML, error messages, the log); the target written back as
// shown keeps them all (the feed, which answers only with all three,
// answers the test and the crawl); a mask on another host is refused;
// and the database file holds none of them in plain text.
func TestServeURLSecretsAreWriteOnly(t *testing.T) {
	dataDir := filepath.Join(t.TempDir(), "data")
	s, tok := secretsServe(t, dataDir)
	feed, counts := newGraphQLFeed(t)
	noSecret := func(what, text string) {
		t.Helper()
		for _, sec := range urlSecrets {
			if strings.Contains(text, sec) {
				t.Errorf("%s shows the secret %q: %s", what, sec, short(text))
			}
		}
	}
	const name = "gql-feed"
	authURL := strings.Replace(feed.URL, "http://", "http://bot:"+userPass+"@", 1) + "/graphql?api_key=" + urlKey + "&page=1"
	tg := map[string]any{
		"name": name, "platform": "KeyShop", "kind": "json", "start_urls": []string{authURL},
		"allow_private_networks": true, "respect_robots_txt": false, "max_pages": 1, "delay": "0s", "max_retries": 0,
		"json": precwatch.JSONSpec{Method: "POST", Items: "data.items",
			Body: `{"query": "{ items(apiKey: \"` + gqlKey + `\", page: ${page}) { sku name } }"}`,
			// A listing without a link of its own, or with a relative
			// one, would take the page's URL, secrets and all: see
			// docs/SERVER.md.
			Fields: map[string]string{"id": "sku", "title": "name", "url": "link"}},
	}
	code, body := s.call(t, tok, "POST", "/api/v1/targets", mustJSONString(t, tg))
	if code != http.StatusCreated {
		t.Fatalf("create the target: %d %s", code, body)
	}
	noSecret("POST /api/v1/targets", body)

	// What the API shows: the names and the places, not the values.
	var got server.TargetInfo
	code, body = s.call(t, tok, "GET", "/api/v1/targets/"+name, "")
	if err := json.Unmarshal([]byte(body), &got); code != http.StatusOK || err != nil {
		t.Fatalf("GET the target: %d %s", code, body)
	}
	noSecret("GET /api/v1/targets/"+name, body)
	wantURL := "http://<redacted>@" + strings.TrimPrefix(feed.URL, "http://") + "/graphql?api_key=<redacted>&page=1"
	if len(got.Target.StartURLs) != 1 || got.Target.StartURLs[0] != wantURL {
		t.Errorf("start_urls shown = %q, want [%q]", got.Target.StartURLs, wantURL)
	}
	if !strings.Contains(got.Target.JSON.Body, `apiKey: \"<redacted>\"`) || !strings.Contains(got.Target.JSON.Body, "page: ${page}") {
		t.Errorf("json.body shown = %s, want the GraphQL argument masked and the page variable kept", got.Target.JSON.Body)
	}
	code, body = s.call(t, tok, "GET", "/api/v1/targets", "")
	noSecret("GET /api/v1/targets", body)

	// Written back as shown (another field changed): the secrets stay.
	got.Target.MaxPages = 2
	code, body = s.call(t, tok, "PUT", "/api/v1/targets/"+name, mustJSONString(t, got.Target))
	if code != http.StatusOK {
		t.Fatalf("PUT the target back as shown: %d %s", code, body)
	}
	noSecret("PUT /api/v1/targets/"+name, body)
	// The saved target's test and an unsaved one with the masks reach the
	// feed with every secret.
	for _, tc := range []struct{ path, body string }{
		{"/api/v1/targets/" + name + "/test", ""},
		{"/api/v1/targets/test", mustJSONString(t, got.Target)},
	} {
		code, body = s.call(t, tok, "POST", tc.path, tc.body)
		var rep server.TestReport
		if err := json.Unmarshal([]byte(body), &rep); code != http.StatusOK || err != nil || len(rep.Pages) == 0 || rep.Pages[0].Status != 200 || len(rep.Listings) != 1 {
			t.Fatalf("POST %s: %d %s; want the first page 200 with 1 listing (the feed answers 401 without its secrets)", tc.path, code, short(body))
		}
		noSecret("POST "+tc.path, body)
		if !strings.Contains(rep.Pages[0].URL, "api_key=<redacted>") {
			t.Errorf("POST %s: page URL %q, want it shown with api_key=<redacted>", tc.path, rep.Pages[0].URL)
		}
	}
	if _, wrong := counts(); wrong != 0 {
		t.Errorf("the feed got %d requests without its secrets", wrong)
	}

	// A crawl sends them; a crawl of a dead host with a key in its URL
	// fails, and neither its run nor the log quotes the key.
	dead := map[string]any{"name": "dead-feed", "platform": "KeyShop", "kind": "json", "allow_private_networks": true,
		"respect_robots_txt": false, "max_pages": 1, "max_retries": 0,
		"start_urls": []string{"http://127.0.0.1:9/feed?token=" + deadKey}, "json": precwatch.JSONSpec{Items: "items", Fields: map[string]string{"id": "id", "title": "t"}}}
	if code, body := s.call(t, tok, "POST", "/api/v1/targets", mustJSONString(t, dead)); code != http.StatusCreated {
		t.Fatalf("create the dead target: %d %s", code, body)
	}
	before, _ := counts()
	for _, n := range []string{name, "dead-feed"} {
		if code, body := s.call(t, tok, "POST", "/api/v1/targets/"+n+"/run", ""); code != http.StatusAccepted {
			t.Fatalf("run %s: %d %s", n, code, body)
		}
	}
	eventually(t, 60*time.Second, "both runs to finish", func() bool {
		var runs struct{ Runs []server.Run }
		s.get(t, tok, "/api/v1/runs", &runs)
		done := 0
		for _, r := range runs.Runs {
			if r.Finished != nil {
				done++
			}
		}
		return done >= 2
	})
	if good, wrong := counts(); good <= before || wrong != 0 {
		t.Errorf("the crawl: %d requests with the secrets (before: %d), %d without", good, before, wrong)
	}
	code, body = s.call(t, tok, "GET", "/api/v1/runs", "")
	noSecret("GET /api/v1/runs", body)
	if !strings.Contains(body, "dead-feed") {
		t.Errorf("GET /api/v1/runs: no run of dead-feed: %s", short(body))
	}

	// Refused writes name the place, never the value.
	for _, tc := range []struct {
		what string
		tg   precwatch.Target
		want string
	}{
		{"a mask on another host", func() precwatch.Target {
			o := got.Target
			o.StartURLs = []string{"http://127.0.0.2:1/graphql?api_key=<redacted>"}
			return o
		}(), "start_urls[0]"},
		{"a mask for an argument not stored", func() precwatch.Target {
			o := got.Target
			o.JSON.Body = strings.Replace(o.JSON.Body, "apiKey:", "token:", 1)
			return o
		}(), "json.body"},
		{"a bad URL with a fresh key", func() precwatch.Target {
			o := got.Target
			o.Name, o.StartURLs = "bad-url", []string{"ftp://bot:" + deadKey + "@h.example/?token=" + deadKey}
			return o
		}(), "start_urls"},
	} {
		method, path := "PUT", "/api/v1/targets/"+tc.tg.Name
		code, body := s.call(t, tok, method, path, mustJSONString(t, tc.tg))
		if code != http.StatusBadRequest || !strings.Contains(body, tc.want) {
			t.Errorf("%s: %d %s, want 400 naming %s", tc.what, code, body, tc.want)
		}
		noSecret(tc.what, body)
	}
	// The refused writes left the stored target as it was: its test
	// still reaches the feed.
	code, body = s.call(t, tok, "POST", "/api/v1/targets/"+name+"/test", "")
	if !strings.Contains(body, `"status":200`) {
		t.Errorf("test after refused writes: %d %s", code, short(body))
	}

	// The web UI: list, edit page (YAML), crawl status.
	b := newBrowser(t, s.base, nil)
	b.signIn(tok)
	for _, path := range []string{"/targets", "/targets/edit?name=" + name, "/targets/edit?name=dead-feed", "/runs"} {
		code, body, _ := b.get(path)
		if code != http.StatusOK {
			t.Fatalf("UI %s: %d", path, code)
		}
		noSecret("UI "+path, html.UnescapeString(body))
	}
	_, page, _ := b.get("/targets/edit?name=" + name)
	m := textareaYAML.FindStringSubmatch(page)
	if m == nil || !strings.Contains(html.UnescapeString(m[1]), "api_key=<redacted>") || !strings.Contains(html.UnescapeString(m[1]), "://<redacted>@") {
		t.Fatalf("edit page's YAML: want the start URL with <redacted> userinfo and api_key=<redacted>: %s", short(page))
	}
	// The form posted back as shown, one field changed: its test reaches
	// the feed with every secret, and its save keeps them.
	yml := strings.Replace(html.UnescapeString(m[1]), "max_pages: 2", "max_pages: 3", 1)
	if !strings.Contains(yml, "max_pages: 3") {
		t.Fatalf("no max_pages: 2 in the YAML to change:\n%s", yml)
	}
	before, _ = counts()
	code, page, _ = b.post("/targets/edit", url.Values{"csrf": {b.csrf}, "name": {name}, "action": {"test"}, "yaml": {yml}}, nil)
	noSecret("UI test report", html.UnescapeString(page))
	if code != http.StatusOK || !strings.Contains(page, "<td>200</td>") {
		t.Errorf("UI test of the target as shown: %d, want the feed's page fetched (200): %s", code, short(page))
	}
	code, page, _ = b.post("/targets/edit", url.Values{"csrf": {b.csrf}, "name": {name}, "action": {"save"}, "yaml": {yml}}, nil)
	if code != http.StatusSeeOther {
		t.Fatalf("UI save of the target as shown: %d %s", code, short(page))
	}
	code, body = s.call(t, tok, "POST", "/api/v1/targets/"+name+"/test", "")
	if !strings.Contains(body, `"status":200`) {
		t.Errorf("test after the UI save: %d %s", code, short(body))
	}
	if good, wrong := counts(); good < before+2 || wrong != 0 {
		t.Errorf("UI test and the test after the UI save: %d requests with the secrets (before: %d), %d without", good, before, wrong)
	}
	var saved server.TargetInfo
	s.get(t, tok, "/api/v1/targets/"+name, &saved)
	if saved.Target.MaxPages != 3 {
		t.Errorf("max_pages after the UI save = %d, want 3", saved.Target.MaxPages)
	}

	s.stop(t)
	logs := s.errb.String()
	if !strings.Contains(logs, "dead-feed") || !strings.Contains(logs, "token=<redacted>") {
		t.Errorf("the log names no failed fetch of dead-feed with token=<redacted> (the check below would prove nothing): %s", short(logs))
	}
	noSecret("serve's log", logs)

	// At rest: the database file holds none of the secrets.
	keyFile := filepath.Join(dataDir, tickets.SecretKeyFile)
	if fi, err := os.Stat(keyFile); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("key file %s: %v, want mode 0600", keyFile, err)
	}
	noSecret("the database file", rawDatabase(t, filepath.Join(dataDir, "precwatch.db")))
}

// rawDatabase returns every value of every table of the SQLite file at
// path, read with sqlite directly, and the bytes of the file and its WAL.
func rawDatabase(t *testing.T, path string) string {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var tables []string
	rows, err := db.Query("SELECT name FROM sqlite_master WHERE type = 'table'")
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var n string
		rows.Scan(&n)
		tables = append(tables, n)
	}
	rows.Close()
	var b strings.Builder
	for _, tb := range tables {
		rows, err := db.Query("SELECT * FROM " + tb)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]sql.NullString, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			rows.Scan(ptrs...)
			for _, v := range vals {
				b.WriteString(v.String + "\n")
			}
		}
		rows.Close()
	}
	for _, f := range []string{path, path + "-wal"} {
		raw, _ := os.ReadFile(f)
		b.Write(raw)
	}
	return b.String()
}

// TestServeSecretKey: serve seals the plain secrets of a database written
// before encryption at rest and keeps serving them (masked); started with
// another PRECWATCH_SECRET_KEY it refuses to start, naming the key's
// source, and leaves the database as it was.
func TestServeSecretKey(t *testing.T) {
	dataDir := filepath.Join(t.TempDir(), "data")
	path := filepath.Join(dataDir, "precwatch.db")
	keyA := base64.StdEncoding.EncodeToString(bytes.Repeat([]byte{0xa}, 32))
	t.Setenv(tickets.SecretKeyEnv, keyA)

	// A database as an older precwatch left it: no migration 4, a target
	// and a webhook in plain text.
	st, err := tickets.Open(path, tickets.Options{})
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	spec := mustJSONString(t, precwatch.Target{Name: "old-feed", Platform: "KeyShop", Kind: "html", MaxPages: 1,
		StartURLs: []string{"http://127.0.0.1:9/list?api_key=" + urlKey}, Headers: map[string]string{"X-Api-Key": gqlKey}})
	for _, q := range []string{"DROP TABLE secret_key_check", "DELETE FROM schema_migrations WHERE version >= 4",
		"INSERT INTO targets (name, platform, spec, updated_at) VALUES ('old-feed', 'KeyShop', '" + strings.ReplaceAll(spec, "'", "''") + "', 1)",
		"INSERT INTO webhooks (platform, url, secret, updated_at) VALUES ('KeyShop', 'http://127.0.0.1:9/hook', '" + userPass + "', 1)"} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	db.Close()
	if !strings.Contains(rawDatabase(t, path), urlKey) {
		t.Fatal("the old database holds no plain secret (the checks below would prove nothing)")
	}

	s, tok := secretsServe(t, dataDir)
	code, body := s.call(t, tok, "GET", "/api/v1/targets/old-feed", "")
	var old server.TargetInfo
	json.Unmarshal([]byte(body), &old)
	if code != http.StatusOK || len(old.Target.StartURLs) != 1 || !strings.HasSuffix(old.Target.StartURLs[0], "api_key=<redacted>") || old.Target.Headers["X-Api-Key"] != server.HeaderMask {
		t.Errorf("GET the old target: %d %s, want it read and masked", code, body)
	}
	s.stop(t)
	if !strings.Contains(s.errb.String(), "now encrypted") || !strings.Contains(s.errb.String(), tickets.SecretKeyEnv) {
		t.Errorf("serve's log does not say it sealed the old secrets with %s: %s", tickets.SecretKeyEnv, short(s.errb.String()))
	}
	raw := rawDatabase(t, path)
	for _, sec := range []string{urlKey, gqlKey, userPass} {
		if strings.Contains(raw, sec) {
			t.Errorf("%q still in plain text in the database after serve", sec)
		}
	}
	if _, err := os.Stat(filepath.Join(dataDir, tickets.SecretKeyFile)); !os.IsNotExist(err) {
		t.Errorf("a key file was created although %s is set", tickets.SecretKeyEnv)
	}

	// Another key: serve stops at once with a clear error.
	t.Setenv(tickets.SecretKeyEnv, base64.StdEncoding.EncodeToString(bytes.Repeat([]byte{0xb}, 32)))
	cfgPath := filepath.Join(t.TempDir(), "precwatch.yaml")
	os.WriteFile(cfgPath, []byte("data_dir: "+dataDir+"\ntargets: []\n"), 0o644)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	var out, errb bytes.Buffer
	code = Run(ctx, &Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Getenv: os.Getenv},
		[]string{"serve", "--config", cfgPath, "--data", dataDir, "--addr", "127.0.0.1:0"})
	if code == 0 || !strings.Contains(errb.String(), tickets.SecretKeyEnv) || !strings.Contains(errb.String(), "not the key") {
		t.Errorf("serve with another key: exit %d, stderr %q; want a failure naming %s", code, errb.String(), tickets.SecretKeyEnv)
	}
	if after := rawDatabase(t, path); after != raw {
		t.Errorf("serve with another key changed the database")
	}
	// The right key again: all there.
	t.Setenv(tickets.SecretKeyEnv, keyA)
	st, err = tickets.Open(path, tickets.Options{MustExist: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if tg, err := st.Target(context.Background(), "old-feed"); err != nil || tg.Target.Headers["X-Api-Key"] != gqlKey {
		t.Errorf("the old target with the right key = %+v, %v", tg, err)
	}
	if w, err := st.Webhook(context.Background(), "KeyShop"); err != nil || w.Secret != userPass {
		t.Errorf("the old webhook with the right key = %+v, %v", w, err)
	}
}
