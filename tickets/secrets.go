package tickets

import (
	"context"
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"database/sql"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"weak"

	"github.com/precwatch/precwatch"
)

// Secrets at rest. The values that are secrets — a target's header values,
// its start URLs (their query strings and userinfo carry API keys) and its
// POST body, a webhook's URL and signing secret — are stored encrypted with
// AES-256-GCM, each as SecretPrefix followed by the base64 of a random
// 12-byte nonce and the sealed value; the row they belong to is the
// additional data, so a value copied into another row does not open. The
// key is never in the database:
//
//   - PRECWATCH_SECRET_KEY (SecretKeyEnv), base64 of 32 bytes, when set;
//   - otherwise the file secret.key (SecretKeyFile) next to the database,
//     created with mode 0600 the first time a secret is stored (logged
//     once, as a warning to back it up with the database).
//
// The database keeps a check value sealed with the key (table
// secret_key_check, migration 0004): a store given another key refuses to
// read or write any secret with an error naming the key's source, and
// never seals new values with it, so no database ends up with two keys.
// A value without the prefix (a database written before encryption) is
// read as it is and sealed on its next write; Store.EncryptSecrets seals
// every one at once (serve calls it at start).

// SecretKeyEnv is the environment variable holding the secret key as
// base64 of 32 bytes (openssl rand -base64 32).
const SecretKeyEnv = "PRECWATCH_SECRET_KEY"

// SecretKeyFile is the name of the key file kept next to the database
// when SecretKeyEnv is not set.
const SecretKeyFile = "secret.key"

// SecretPrefix starts every sealed value; its version number names the
// format (AES-256-GCM, 12-byte nonce, base64 without padding).
const SecretPrefix = "enc:v1:"

// keyCheckPlain is what the check value seals.
const keyCheckPlain = "precwatch secret key check v1"

// keyring is a store's key state, resolved on first use.
type keyring struct {
	mu     sync.Mutex
	getenv func(string) string
	aead   cipher.AEAD
	source string // "PRECWATCH_SECRET_KEY" or the key file's path
}

// keyrings holds the keyring of each open store (store.go's Store has no
// room for it); an entry goes when its store is collected.
var keyrings sync.Map // weak.Pointer[Store] → *keyring

func (s *Store) keys() *keyring {
	wp := weak.Make(s)
	if k, ok := keyrings.Load(wp); ok {
		return k.(*keyring)
	}
	k, loaded := keyrings.LoadOrStore(wp, &keyring{getenv: os.Getenv})
	if !loaded {
		runtime.AddCleanup(s, func(wp weak.Pointer[Store]) { keyrings.Delete(wp) }, wp)
	}
	return k.(*keyring)
}

// UseSecretKeyFrom makes the store read SecretKeyEnv through getenv
// (default os.Getenv): the command's environment. Call it before the
// first secret is read or written; later it changes nothing.
func (s *Store) UseSecretKeyFrom(getenv func(string) string) {
	k := s.keys()
	k.mu.Lock()
	defer k.mu.Unlock()
	if getenv != nil && k.aead == nil {
		k.getenv = getenv
	}
}

// SecretKeySource returns where the store's secret key comes from
// (SecretKeyEnv or the key file's path), or "" before the key was first
// needed.
func (s *Store) SecretKeySource() string {
	k := s.keys()
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.source
}

// keyFile returns the path of the key file next to the database.
func (s *Store) keyFile() string { return filepath.Join(filepath.Dir(s.path), SecretKeyFile) }

// keySourceName names where the key is read from: SecretKeyEnv if set,
// else the key file.
func (s *Store) keySourceName() string {
	k := s.keys()
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.source != "" {
		return k.source
	}
	if strings.TrimSpace(k.getenv(SecretKeyEnv)) != "" {
		return SecretKeyEnv
	}
	return s.keyFile()
}

// cipherFor returns the store's AEAD, resolving and checking the key on
// first use. create lets it create the key file and the database's check
// value (a write is about to seal); a read never creates either. It must
// not be called inside s.write (it may write itself).
func (s *Store) cipherFor(ctx context.Context, create bool) (cipher.AEAD, error) {
	k := s.keys()
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.aead != nil {
		return k.aead, nil
	}
	var check string
	err := s.rq.QueryRowContext(ctx, "SELECT value FROM secret_key_check WHERE id = 1").Scan(&check)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("secret key check: %w", err)
	}
	hasCheck := err == nil

	var raw []byte
	source := SecretKeyEnv
	if v := strings.TrimSpace(k.getenv(SecretKeyEnv)); v != "" {
		if raw, err = decodeKey(v); err != nil {
			return nil, precwatch.Errorf(precwatch.EINVALID, "%s: %v", SecretKeyEnv, err)
		}
	} else {
		source = s.keyFile()
		b, err := os.ReadFile(source)
		switch {
		case err == nil:
			if raw, err = decodeKey(string(b)); err != nil {
				return nil, precwatch.Errorf(precwatch.EINVALID, "secret key file %s: %v", source, err)
			}
		case errors.Is(err, fs.ErrNotExist) && hasCheck:
			return nil, precwatch.Errorf(precwatch.EINVALID, "the secrets in %s are encrypted, but %s is not set and the key file %s is missing: restore the key file or set %s to the key they were encrypted with", s.path, SecretKeyEnv, source, SecretKeyEnv)
		case errors.Is(err, fs.ErrNotExist) && !create:
			return nil, errNoKeyYet
		case errors.Is(err, fs.ErrNotExist):
			if raw, err = s.createKeyFile(source); err != nil {
				return nil, err
			}
		default:
			return nil, fmt.Errorf("secret key file: %w", err)
		}
	}
	block, err := aes.NewCipher(raw)
	if err != nil {
		return nil, fmt.Errorf("secret key from %s: %w", source, err)
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		return nil, fmt.Errorf("secret key from %s: %w", source, err)
	}
	wrongKey := func() error {
		return precwatch.Errorf(precwatch.EINVALID, "the secret key from %s is not the key the secrets in %s were encrypted with: set %s (or restore %s) to that key; nothing was changed", source, s.path, SecretKeyEnv, s.keyFile())
	}
	if hasCheck {
		if v, err := open(aead, check, "secret_key_check"); err != nil || v != keyCheckPlain {
			return nil, wrongKey()
		}
	} else if create {
		sealed, err := seal(aead, keyCheckPlain, "secret_key_check")
		if err != nil {
			return nil, err
		}
		err = s.write(ctx, func(tx *wtx) error {
			_, err := tx.ExecContext(ctx, "INSERT OR IGNORE INTO secret_key_check (id, value) VALUES (1, ?)", sealed)
			return err
		})
		if err != nil {
			return nil, fmt.Errorf("secret key check: %w", err)
		}
		// Another process may have stored its own check first.
		if err := s.rq.QueryRowContext(ctx, "SELECT value FROM secret_key_check WHERE id = 1").Scan(&check); err != nil {
			return nil, fmt.Errorf("secret key check: %w", err)
		}
		if v, err := open(aead, check, "secret_key_check"); err != nil || v != keyCheckPlain {
			return nil, wrongKey()
		}
	} else {
		// No secret was ever sealed: nothing to check against yet, and
		// nothing to open either; keep the key unresolved so that the
		// first write stores the check.
		return aead, nil
	}
	k.aead, k.source = aead, source
	return aead, nil
}

// errNoKeyYet: no key exists and none was needed to create (a read of a
// database with no sealed value).
var errNoKeyYet = errors.New("no secret key yet")

// createKeyFile writes a new random key to path (mode 0600) and returns
// it; if another process created the file first, its key is used.
func (s *Store) createKeyFile(path string) ([]byte, error) {
	raw := make([]byte, 32)
	if _, err := rand.Read(raw); err != nil {
		return nil, fmt.Errorf("secret key: %w", err)
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		b, rerr := os.ReadFile(path)
		if rerr != nil {
			return nil, fmt.Errorf("secret key file: %w", rerr)
		}
		return decodeKey(string(b))
	}
	if err != nil {
		return nil, fmt.Errorf("create secret key file: %w", err)
	}
	_, err = f.WriteString(base64.StdEncoding.EncodeToString(raw) + "\n")
	if serr := f.Sync(); err == nil {
		err = serr
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(path)
		return nil, fmt.Errorf("create secret key file %s: %w", path, err)
	}
	s.log.Warn("created the secret key file that encrypts stored secrets; back it up with the database (without it they cannot be read), or set "+SecretKeyEnv+" instead", "path", path)
	return raw, nil
}

// decodeKey reads a key as base64 (standard or URL alphabet, padded or
// not) of exactly 32 bytes.
func decodeKey(v string) ([]byte, error) {
	v = strings.TrimSpace(v)
	for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.RawStdEncoding, base64.URLEncoding, base64.RawURLEncoding} {
		if b, err := enc.DecodeString(v); err == nil {
			if len(b) != 32 {
				return nil, fmt.Errorf("want 32 bytes in base64 (openssl rand -base64 32), got %d bytes", len(b))
			}
			return b, nil
		}
	}
	return nil, errors.New("not base64: want 32 random bytes in base64 (openssl rand -base64 32)")
}

// seal encrypts plain for the row ad.
func seal(aead cipher.AEAD, plain, ad string) (string, error) {
	nonce := make([]byte, aead.NonceSize())
	if _, err := rand.Read(nonce); err != nil {
		return "", fmt.Errorf("seal: %w", err)
	}
	out := aead.Seal(nonce, nonce, []byte(plain), []byte(ad))
	return SecretPrefix + base64.RawStdEncoding.EncodeToString(out), nil
}

// open decrypts a sealed value of the row ad.
func open(aead cipher.AEAD, v, ad string) (string, error) {
	b, err := base64.RawStdEncoding.DecodeString(strings.TrimPrefix(v, SecretPrefix))
	if err != nil || len(b) < aead.NonceSize() {
		return "", errors.New("malformed sealed value")
	}
	n := aead.NonceSize()
	plain, err := aead.Open(nil, b[:n], b[n:], []byte(ad))
	if err != nil {
		return "", err
	}
	return string(plain), nil
}

// sealed reports whether v is an encrypted value.
func sealed(v string) bool { return strings.HasPrefix(v, SecretPrefix) }

// secretBox seals and opens the values of one row.
type secretBox struct {
	s    *Store
	aead cipher.AEAD // nil until needed
	ctx  context.Context
	row  string
}

// sealBox returns the box of row for writing: the key is resolved (and
// created if need be) at once. Call it outside s.write.
func (s *Store) sealBox(ctx context.Context, row string) (*secretBox, error) {
	aead, err := s.cipherFor(ctx, true)
	if err != nil {
		return nil, err
	}
	return &secretBox{s: s, aead: aead, ctx: ctx, row: row}, nil
}

// openBox returns the box of row for reading: the key is resolved only if
// a sealed value is met.
func (s *Store) openBox(ctx context.Context, row string) *secretBox {
	return &secretBox{s: s, ctx: ctx, row: row}
}

func (b *secretBox) seal(v string) (string, error) {
	if v == "" || sealed(v) {
		return v, nil
	}
	return seal(b.aead, v, b.row)
}

func (b *secretBox) open(v string) (string, error) {
	if !sealed(v) {
		return v, nil // written before encryption: sealed on its next write
	}
	if b.aead == nil {
		aead, err := b.s.cipherFor(b.ctx, false)
		if errors.Is(err, errNoKeyYet) {
			return "", precwatch.Errorf(precwatch.EINVALID, "%s holds encrypted secrets but no secret key: %s is not set and %s is missing (restore it or set %s)", b.s.path, SecretKeyEnv, b.s.keyFile(), SecretKeyEnv)
		}
		if err != nil {
			return "", err
		}
		b.aead = aead
	}
	p, err := open(b.aead, v, b.row)
	if err != nil {
		return "", precwatch.Errorf(precwatch.EINVALID, "%s: a stored secret does not open with the secret key from %s (%v): is it the key the database was encrypted with?", b.row, b.s.keySourceName(), err)
	}
	return p, nil
}

// sealTarget returns t with its secret fields sealed by b.
func (b *secretBox) sealTarget(t precwatch.Target) (precwatch.Target, error) {
	return mapTargetSecrets(t, b.seal)
}

// openTarget returns t with its secret fields opened by b.
func (b *secretBox) openTarget(t precwatch.Target) (precwatch.Target, error) {
	return mapTargetSecrets(t, b.open)
}

// mapTargetSecrets applies f to every secret field of t: header values,
// start URLs and the POST body. t's own map and slice are left alone.
func mapTargetSecrets(t precwatch.Target, f func(string) (string, error)) (precwatch.Target, error) {
	var err error
	if len(t.Headers) > 0 {
		h := maps.Clone(t.Headers)
		for k, v := range h {
			if h[k], err = f(v); err != nil {
				return t, fmt.Errorf("headers.%s: %w", k, err)
			}
		}
		t.Headers = h
	}
	if len(t.StartURLs) > 0 {
		us := make([]string, len(t.StartURLs))
		for i, v := range t.StartURLs {
			if us[i], err = f(v); err != nil {
				return t, fmt.Errorf("start_urls[%d]: %w", i, err)
			}
		}
		t.StartURLs = us
	}
	if t.JSON.Body, err = f(t.JSON.Body); err != nil {
		return t, fmt.Errorf("json.body: %w", err)
	}
	return t, nil
}

// targetSecretsPlain reports whether t has a secret field not sealed.
func targetSecretsPlain(t precwatch.Target) bool {
	plain := false
	mapTargetSecrets(t, func(v string) (string, error) {
		if v != "" && !sealed(v) {
			plain = true
		}
		return v, nil
	})
	return plain
}

func targetRow(name string) string      { return "target:" + name }
func webhookRow(platform string) string { return "webhook:" + platform }

// decodeTargetSpec reads a stored target spec and opens its secrets.
func (s *Store) decodeTargetSpec(ctx context.Context, spec string) (precwatch.Target, error) {
	var t precwatch.Target
	if err := json.Unmarshal([]byte(spec), &t); err != nil {
		return t, err
	}
	return s.openBox(ctx, targetRow(t.Name)).openTarget(t)
}

// EncryptSecrets seals every secret still stored in plain text (by a
// precwatch older than encryption at rest) and returns how many target
// and webhook rows it rewrote. It creates the key file if no key exists
// yet and there is something to seal. Safe to run any number of times.
func (s *Store) EncryptSecrets(ctx context.Context) (int, error) {
	type row struct{ key, a, b string }
	var targets, hooks []row
	rows, err := s.rq.QueryContext(ctx, "SELECT name, spec FROM targets ORDER BY name")
	if err != nil {
		return 0, fmt.Errorf("encrypt secrets: %w", err)
	}
	for rows.Next() {
		var r row
		if err := rows.Scan(&r.key, &r.a); err != nil {
			rows.Close()
			return 0, fmt.Errorf("encrypt secrets: %w", err)
		}
		var t precwatch.Target
		if err := json.Unmarshal([]byte(r.a), &t); err != nil {
			rows.Close()
			return 0, fmt.Errorf("encrypt secrets: target %s: %w", r.key, err)
		}
		if targetSecretsPlain(t) {
			targets = append(targets, r)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, fmt.Errorf("encrypt secrets: %w", err)
	}
	rows, err = s.rq.QueryContext(ctx, "SELECT platform, url, secret FROM webhooks ORDER BY platform")
	if err != nil {
		return 0, fmt.Errorf("encrypt secrets: %w", err)
	}
	for rows.Next() {
		var r row
		if err := rows.Scan(&r.key, &r.a, &r.b); err != nil {
			rows.Close()
			return 0, fmt.Errorf("encrypt secrets: %w", err)
		}
		if (r.a != "" && !sealed(r.a)) || (r.b != "" && !sealed(r.b)) {
			hooks = append(hooks, r)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, fmt.Errorf("encrypt secrets: %w", err)
	}
	if len(targets)+len(hooks) == 0 {
		// Still check a key that is there against the database, so that a
		// wrong key shows at start rather than at the first target read.
		if _, err := s.cipherFor(ctx, false); err != nil && !errors.Is(err, errNoKeyYet) {
			return 0, err
		}
		return 0, nil
	}
	aead, err := s.cipherFor(ctx, true)
	if err != nil {
		return 0, err
	}
	n := 0
	err = s.write(ctx, func(tx *wtx) error {
		n = 0
		for _, r := range targets {
			var spec string
			if err := tx.QueryRowContext(ctx, "SELECT spec FROM targets WHERE name = ?", r.key).Scan(&spec); errors.Is(err, sql.ErrNoRows) {
				continue
			} else if err != nil {
				return err
			}
			var t precwatch.Target
			if err := json.Unmarshal([]byte(spec), &t); err != nil {
				return fmt.Errorf("target %s: %w", r.key, err)
			}
			box := &secretBox{s: s, aead: aead, ctx: ctx, row: targetRow(r.key)}
			st, err := box.sealTarget(t)
			if err != nil {
				return err
			}
			b, err := json.Marshal(st)
			if err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, "UPDATE targets SET spec = ? WHERE name = ?", string(b), r.key); err != nil {
				return err
			}
			n++
		}
		for _, r := range hooks {
			box := &secretBox{s: s, aead: aead, ctx: ctx, row: webhookRow(r.key)}
			u, err := box.seal(r.a)
			if err != nil {
				return err
			}
			sec, err := box.seal(r.b)
			if err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, "UPDATE webhooks SET url = ?, secret = ? WHERE platform = ? AND url = ? AND secret = ?", u, sec, r.key, r.a, r.b); err != nil {
				return err
			}
			n++
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("encrypt secrets: %w", err)
	}
	// The plain values are still in the pages SQLite freed and in the
	// WAL: rewrite the file once, so that no copy is left on disk.
	if err := s.vacuum(ctx); err != nil {
		return n, fmt.Errorf("encrypt secrets: %w", err)
	}
	return n, nil
}
