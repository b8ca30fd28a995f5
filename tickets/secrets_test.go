package tickets_test

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/base64"
	"encoding/json"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/precwatch/precwatch"
	"github.com/precwatch/precwatch/tickets"
)

// The secrets a target and a webhook carry in these tests; none may be
// found anywhere in the database file.
var plainSecrets = []string{"hdr-SECRET-1", "url-SECRET-2", "body-SECRET-3", "hook-SECRET-4", "hookurl-SECRET-5", "user-SECRET-6"}

func secretTarget() precwatch.Target {
	return precwatch.Target{
		Name: "feed", Platform: "ChemHub", Kind: precwatch.KindJSON,
		StartURLs: []string{"https://api.example.com/feed?api_key=url-SECRET-2&page=1", "https://bot:user-SECRET-6@api.example.com/b"},
		Headers:   map[string]string{"X-Api-Key": "hdr-SECRET-1", "Accept-Language": "en"},
		JSON:      precwatch.JSONSpec{Items: "items", Method: "POST", Body: `{"token":"body-SECRET-3","page":${page}}`},
	}
}

var secretHook = tickets.Webhook{Platform: "ChemHub", URL: "https://hooks.example.com/hookurl-SECRET-5", Secret: "hook-SECRET-4"}

// openWithKey opens the store at path reading PRECWATCH_SECRET_KEY from
// env (nil: unset).
func openWithKey(t *testing.T, path string, env map[string]string) *tickets.Store {
	t.Helper()
	s, err := tickets.Open(path, tickets.Options{})
	if err != nil {
		t.Fatalf("Open(%s): %v", path, err)
	}
	t.Cleanup(func() { s.Close() })
	s.UseSecretKeyFrom(func(k string) string { return env[k] })
	return s
}

// storedText returns every text value of every table of the database at
// path (opened with sqlite directly) and the raw bytes of its files.
func storedText(t *testing.T, path string) string {
	t.Helper()
	db := rawDB(t, path)
	rows, err := db.Query("SELECT name FROM sqlite_master WHERE type = 'table'")
	if err != nil {
		t.Fatal(err)
	}
	var tables []string
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
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			for _, v := range vals {
				b.WriteString(v.String + "\n")
			}
		}
		rows.Close()
	}
	db.Close()
	for _, f := range []string{path, path + "-wal"} {
		raw, _ := os.ReadFile(f)
		b.Write(raw)
	}
	return b.String()
}

func TestSecretsEncryptedAtRest(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "precwatch.db")
	s := openWithKey(t, path, nil)
	if err := s.PutTarget(ctx, secretTarget()); err != nil {
		t.Fatal(err)
	}
	if err := s.SetWebhook(ctx, secretHook); err != nil {
		t.Fatal(err)
	}
	keyFile := filepath.Join(dir, tickets.SecretKeyFile)
	fi, err := os.Stat(keyFile)
	if err != nil {
		t.Fatalf("key file: %v", err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("key file mode = %v, want 0600", fi.Mode().Perm())
	}
	if got := s.SecretKeySource(); got != keyFile {
		t.Errorf("SecretKeySource() = %q, want %q", got, keyFile)
	}
	s.Close()

	text := storedText(t, path)
	for _, sec := range plainSecrets {
		if strings.Contains(text, sec) {
			t.Errorf("%q is stored in plain text in %s", sec, path)
		}
	}
	if !strings.Contains(text, tickets.SecretPrefix) {
		t.Errorf("no value with prefix %q stored", tickets.SecretPrefix)
	}
	key, _ := os.ReadFile(keyFile)
	if raw, err := base64.StdEncoding.DecodeString(strings.TrimSpace(string(key))); err != nil || len(raw) != 32 {
		t.Errorf("key file holds %q: want base64 of 32 bytes", key)
	} else if strings.Contains(text, strings.TrimSpace(string(key))) || bytes.Contains([]byte(text), raw) {
		t.Errorf("the key is stored in the database")
	}

	// Reopened, everything reads back as written.
	s2 := openWithKey(t, path, nil)
	st, err := s2.Target(ctx, "feed")
	if err != nil {
		t.Fatal(err)
	}
	want := secretTarget()
	if got, _ := json.Marshal(st.Target); string(got) != string(specJSON(t, want)) {
		t.Errorf("target read back = %s, want %s", got, specJSON(t, want))
	}
	all, err := s2.Targets(ctx, nil)
	if err != nil || len(all) != 1 || all[0].Target.Headers["X-Api-Key"] != "hdr-SECRET-1" {
		t.Errorf("Targets() = %+v, %v", all, err)
	}
	for _, p := range []string{"ChemHub", "chemhub"} {
		w, err := s2.Webhook(ctx, p)
		if err != nil || w.URL != secretHook.URL || w.Secret != secretHook.Secret {
			t.Errorf("Webhook(%s) = %+v, %v; want url %s secret %s", p, w, err, secretHook.URL, secretHook.Secret)
		}
	}
}

func specJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestSecretsKeyFromEnv: with PRECWATCH_SECRET_KEY set no key file is
// created, and the store reads back only with that key.
func TestSecretsKeyFromEnv(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "precwatch.db")
	env := map[string]string{tickets.SecretKeyEnv: base64.StdEncoding.EncodeToString(bytes.Repeat([]byte{7}, 32))}
	s := openWithKey(t, path, env)
	if err := s.PutTarget(ctx, secretTarget()); err != nil {
		t.Fatal(err)
	}
	if got := s.SecretKeySource(); got != tickets.SecretKeyEnv {
		t.Errorf("SecretKeySource() = %q, want %s", got, tickets.SecretKeyEnv)
	}
	if _, err := os.Stat(filepath.Join(dir, tickets.SecretKeyFile)); !os.IsNotExist(err) {
		t.Errorf("key file created although %s is set: %v", tickets.SecretKeyEnv, err)
	}
	s.Close()
	s2 := openWithKey(t, path, env)
	if st, err := s2.Target(ctx, "feed"); err != nil || st.Target.Headers["X-Api-Key"] != "hdr-SECRET-1" {
		t.Errorf("Target with the same key = %+v, %v", st, err)
	}
}

// TestSecretsWrongKey: another key, a missing key file and a malformed key
// each fail with an error naming the key's source; nothing stored changes
// and no new value is sealed with the wrong key.
func TestSecretsWrongKey(t *testing.T) {
	ctx := context.Background()
	keyA := base64.StdEncoding.EncodeToString(bytes.Repeat([]byte{1}, 32))
	keyB := base64.StdEncoding.EncodeToString(bytes.Repeat([]byte{2}, 32))

	t.Run("env", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "precwatch.db")
		s := openWithKey(t, path, map[string]string{tickets.SecretKeyEnv: keyA})
		if err := s.PutTarget(ctx, secretTarget()); err != nil {
			t.Fatal(err)
		}
		if err := s.SetWebhook(ctx, secretHook); err != nil {
			t.Fatal(err)
		}
		s.Close()
		before := storedText(t, path)

		for _, tc := range []struct{ name, key, want string }{
			{"other key", keyB, "not the key"},
			{"short key", base64.StdEncoding.EncodeToString([]byte("short")), "want 32 bytes"},
			{"not base64", "%%%", "not base64"},
		} {
			s := openWithKey(t, path, map[string]string{tickets.SecretKeyEnv: tc.key})
			checks := map[string]error{}
			_, checks["Target"] = s.Target(ctx, "feed")
			_, checks["Targets"] = s.Targets(ctx, nil)
			_, checks["Webhook"] = s.Webhook(ctx, "ChemHub")
			checks["PutTarget"] = s.PutTarget(ctx, precwatch.Target{Name: "other", Platform: "ChemHub", Headers: map[string]string{"K": "new-SECRET"}})
			checks["SetWebhook"] = s.SetWebhook(ctx, tickets.Webhook{Platform: "Bazaar", URL: "https://h.example.com/", Secret: "x"})
			_, checks["EncryptSecrets"] = s.EncryptSecrets(ctx)
			for call, err := range checks {
				if err == nil || !strings.Contains(err.Error(), tickets.SecretKeyEnv) || !strings.Contains(err.Error(), tc.want) {
					t.Errorf("%s with %s: err = %v, want an error naming %s and saying %q", call, tc.name, err, tickets.SecretKeyEnv, tc.want)
				}
				if precwatch.ErrorCode(err) != precwatch.EINVALID {
					t.Errorf("%s with %s: code = %s, want EINVALID", call, tc.name, precwatch.ErrorCode(err))
				}
			}
			s.Close()
		}
		if after := storedText(t, path); after != before {
			t.Errorf("the database changed under a wrong key")
		}
		s = openWithKey(t, path, map[string]string{tickets.SecretKeyEnv: keyA})
		if st, err := s.Target(ctx, "feed"); err != nil || st.Target.JSON.Body != secretTarget().JSON.Body {
			t.Errorf("Target with the right key after the failures = %+v, %v", st, err)
		}
	})

	t.Run("key file", func(t *testing.T) {
		dir := t.TempDir()
		path := filepath.Join(dir, "precwatch.db")
		s := openWithKey(t, path, nil)
		if err := s.PutTarget(ctx, secretTarget()); err != nil {
			t.Fatal(err)
		}
		s.Close()
		keyFile := filepath.Join(dir, tickets.SecretKeyFile)
		saved, err := os.ReadFile(keyFile)
		if err != nil {
			t.Fatal(err)
		}
		// Missing: a read says so and a write creates no new key.
		os.Remove(keyFile)
		s = openWithKey(t, path, nil)
		if _, err := s.Target(ctx, "feed"); err == nil || !strings.Contains(err.Error(), keyFile) {
			t.Errorf("Target without the key file: err = %v, want an error naming %s", err, keyFile)
		}
		if err := s.PutTarget(ctx, secretTarget()); err == nil || !strings.Contains(err.Error(), keyFile) {
			t.Errorf("PutTarget without the key file: err = %v, want an error naming %s", err, keyFile)
		}
		if _, err := os.Stat(keyFile); !os.IsNotExist(err) {
			t.Errorf("a new key file was created over an encrypted database")
		}
		s.Close()
		// Another key in the file.
		os.WriteFile(keyFile, []byte(keyB+"\n"), 0o600)
		s = openWithKey(t, path, nil)
		if _, err := s.Target(ctx, "feed"); err == nil || !strings.Contains(err.Error(), keyFile) || !strings.Contains(err.Error(), "not the key") {
			t.Errorf("Target with another key file: err = %v, want an error naming %s", err, keyFile)
		}
		s.Close()
		// Restored: all is there.
		os.WriteFile(keyFile, saved, 0o600)
		s = openWithKey(t, path, nil)
		if st, err := s.Target(ctx, "feed"); err != nil || st.Target.StartURLs[0] != secretTarget().StartURLs[0] {
			t.Errorf("Target with the restored key file = %+v, %v", st, err)
		}
	})
}

// TestSecretsPlainDatabase: a database written before encryption at rest
// (schema without migration 4, secrets in plain text) opens, reads its
// secrets, and EncryptSecrets (or the next write) seals them.
func TestSecretsPlainDatabase(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "precwatch.db")
	s := openWithKey(t, path, nil)
	s.Close()
	// What an older precwatch left: no check table, plain rows.
	db := rawDB(t, path)
	spec := specJSON(t, secretTarget())
	for _, q := range []struct {
		q    string
		args []any
	}{
		{"DROP TABLE secret_key_check", nil},
		{"DELETE FROM schema_migrations WHERE version >= 4", nil},
		{"INSERT INTO targets (name, platform, spec, updated_at) VALUES ('feed', 'ChemHub', ?, 1)", []any{string(spec)}},
		{"INSERT INTO targets (name, platform, spec, updated_at) VALUES ('plainhtml', 'ChemHub', ?, 1)", []any{`{"name":"plainhtml","platform":"ChemHub","kind":"html","start_urls":[]}`}},
		{"INSERT INTO webhooks (platform, url, secret, updated_at) VALUES ('ChemHub', ?, ?, 1)", []any{secretHook.URL, secretHook.Secret}},
	} {
		if _, err := db.Exec(q.q, q.args...); err != nil {
			t.Fatalf("%s: %v", q.q, err)
		}
	}
	db.Close()

	s = openWithKey(t, path, nil)
	if st, err := s.Target(ctx, "feed"); err != nil || string(specJSON(t, st.Target)) != string(spec) {
		t.Errorf("plain target read = %+v, %v", st, err)
	}
	if w, err := s.Webhook(ctx, "ChemHub"); err != nil || w.Secret != secretHook.Secret {
		t.Errorf("plain webhook read = %+v, %v", w, err)
	}
	n, err := s.EncryptSecrets(ctx)
	if err != nil || n != 2 {
		t.Errorf("EncryptSecrets() = %d, %v; want 2 rows (the target with secrets and the webhook)", n, err)
	}
	if n, err := s.EncryptSecrets(ctx); err != nil || n != 0 {
		t.Errorf("EncryptSecrets() again = %d, %v; want 0", n, err)
	}
	s.Close()
	text := storedText(t, path)
	for _, sec := range plainSecrets {
		if strings.Contains(text, sec) {
			t.Errorf("%q still in plain text after EncryptSecrets", sec)
		}
	}
	s = openWithKey(t, path, nil)
	if st, err := s.Target(ctx, "feed"); err != nil || string(specJSON(t, st.Target)) != string(spec) {
		t.Errorf("target after EncryptSecrets = %+v, %v; want %s", st, err, spec)
	}
	if st, err := s.Target(ctx, "plainhtml"); err != nil || st.Target.Name != "plainhtml" {
		t.Errorf("target without secrets after EncryptSecrets = %+v, %v", st, err)
	}
	if w, err := s.Webhook(ctx, "chemhub"); err != nil || w.URL != secretHook.URL || w.Secret != secretHook.Secret {
		t.Errorf("webhook after EncryptSecrets = %+v, %v", w, err)
	}
}

// TestSecretsNextWrite: a plain value is sealed by the next write of its
// row, without EncryptSecrets.
func TestSecretsNextWrite(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "precwatch.db")
	s := openWithKey(t, path, nil)
	db := rawDB(t, path)
	if _, err := db.Exec("INSERT INTO webhooks (platform, url, secret, updated_at) VALUES ('ChemHub', ?, ?, 1)", secretHook.URL, secretHook.Secret); err != nil {
		t.Fatal(err)
	}
	w, err := s.Webhook(ctx, "ChemHub")
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SetWebhook(ctx, *w); err != nil {
		t.Fatal(err)
	}
	var secret string
	db.QueryRow("SELECT secret FROM webhooks").Scan(&secret)
	if !strings.HasPrefix(secret, tickets.SecretPrefix) {
		t.Errorf("webhook secret after its next write = %q, want sealed", secret)
	}
}

// TestSecretsReadOnlyNeedsNoKey: reading a database with no secret never
// creates a key file (read-only commands leave nothing behind).
func TestSecretsReadOnlyNeedsNoKey(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s := openWithKey(t, filepath.Join(dir, "precwatch.db"), nil)
	if _, err := s.Targets(ctx, nil); err != nil {
		t.Fatal(err)
	}
	if n, err := s.EncryptSecrets(ctx); err != nil || n != 0 {
		t.Errorf("EncryptSecrets() on an empty store = %d, %v", n, err)
	}
	if _, err := os.Stat(filepath.Join(dir, tickets.SecretKeyFile)); !os.IsNotExist(err) {
		t.Errorf("key file created with nothing to seal: %v", err)
	}
}

// TestRunErrorStoredRedacted: a run's error quoting a URL with a key (as
// Go's HTTP errors do) is stored with the key masked.
func TestRunErrorStoredRedacted(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "precwatch.db")
	s := openWithKey(t, path, nil)
	id, err := s.StartRun(ctx, "feed", "ChemHub", t0)
	if err != nil {
		t.Fatal(err)
	}
	msg := `{"message": "Get \"https://api.example.com/feed?api_key=url-SECRET-2&page=1\": connection refused"}`
	if err := s.FinishRun(ctx, tickets.Run{ID: id, Error: json.RawMessage(msg)}); err != nil {
		t.Fatal(err)
	}
	r, err := s.LastRun(ctx, "feed")
	if err != nil {
		t.Fatal(err)
	}
	if want := strings.Replace(msg, "url-SECRET-2", precwatch.SecretMask, 1); string(r.Error) != want {
		t.Errorf("stored run error = %s, want %s", r.Error, want)
	}
	s.Close()
	if strings.Contains(storedText(t, path), "url-SECRET-2") {
		t.Errorf("the run's error is stored with its key")
	}
}

// TestSecretsKeyFileWarningUsesLogger: the warning that a new key file
// was created goes to the logger the command passed, in its format, not to
// the process-wide default logger.
func TestSecretsKeyFileWarningUsesLogger(t *testing.T) {
	var buf bytes.Buffer
	dir := t.TempDir()
	s, err := tickets.Open(filepath.Join(dir, "precwatch.db"), tickets.Options{Logger: slog.New(slog.NewJSONHandler(&buf, nil))})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	s.UseSecretKeyFrom(func(string) string { return "" })
	if err := s.SetWebhook(context.Background(), secretHook); err != nil {
		t.Fatal(err)
	}
	var rec struct {
		Level string `json:"level"`
		Msg   string `json:"msg"`
		Path  string `json:"path"`
	}
	if err := json.Unmarshal(buf.Bytes(), &rec); err != nil {
		t.Fatalf("the key file warning is not one JSON record of the store's logger: %v; got %q", err, buf.String())
	}
	if rec.Level != "WARN" || !strings.Contains(rec.Msg, "created the secret key file") || rec.Path != filepath.Join(dir, tickets.SecretKeyFile) {
		t.Errorf("warning = %+v", rec)
	}
}
