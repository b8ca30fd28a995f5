// Package tickets is precwatch's store of record, and the only package that
// talks SQL: listing state, review tickets and their audit log, the outbox of
// webhook events, API tokens, targets created through the API, webhooks and
// crawl runs, in one SQLite database (modernc.org/sqlite, pure Go, WAL).
//
// Every pipeline call (Record, Seen, MarkGone, MarkMissing) runs in one
// transaction and is idempotent: a call replayed after a crash changes
// nothing and never creates a second ticket or event. A *Store is safe for
// concurrent use: writes are serialised through a single connection, reads
// run in parallel on a pool of read-only connections.
package tickets

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/precwatch/precwatch"
	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// Actor is the actor recorded in the audit log for changes made by the
// pipeline.
const Actor = "precwatch"

// Options configure a Store. The zero value is usable.
type Options struct {
	// MustExist refuses to create a missing database; read-only commands set
	// it so that a wrong --data directory leaves no junk behind.
	MustExist bool
	// BusyTimeout is how long a statement waits for another process's lock
	// (default 10s).
	BusyTimeout time.Duration
	// ReadConns caps the pool of read connections (default GOMAXPROCS, at
	// least 2).
	ReadConns int
	// Now returns the current time for tokens, notes and status changes
	// (default time.Now).
	Now func() time.Time
	// Logger receives the store's own warnings, such as the creation of
	// the secret key file (default slog.Default()): a command passes its
	// logger so they share its format, level and redaction.
	Logger *slog.Logger
}

// Store is the SQLite store. It is safe for concurrent use.
type Store struct {
	path string
	w    *sql.DB // write connections; one write transaction at a time (see write)
	r    *sql.DB // read-only pool
	now  func() time.Time
	log  *slog.Logger

	wstmts stmtCache
	rstmts stmtCache
	rq     *rdb // s.r with cached statements

	qmu     sync.Mutex
	queue   []*writeReq  // writes waiting, the leader's first
	leading bool         // a write is leading a group
	groups  atomic.Int64 // write transactions committed or tried

	usedMu sync.Mutex
	used   map[int64]time.Time // when TokenUsed last wrote each token's last use
}

// Open opens (creating it unless opts.MustExist) the database at path and
// applies pending migrations. A database written by a newer precwatch is
// refused.
func Open(path string, opts Options) (*Store, error) {
	if opts.MustExist {
		if _, err := os.Stat(path); err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil, precwatch.Errorf(precwatch.ENOTFOUND, "no ticket database at %s (wrong --data directory, or nothing crawled yet)", path)
			}
			return nil, fmt.Errorf("open tickets %s: %w", path, err)
		}
	} else if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("open tickets %s: %w", path, err)
		}
	}
	if opts.BusyTimeout <= 0 {
		opts.BusyTimeout = 10 * time.Second
	}
	if opts.ReadConns <= 0 {
		opts.ReadConns = max(runtime.GOMAXPROCS(0), 2)
	}
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	busy := strconv.FormatInt(opts.BusyTimeout.Milliseconds(), 10)
	common := "_pragma=" + url.QueryEscape("busy_timeout("+busy+")") +
		"&_pragma=" + url.QueryEscape("foreign_keys(1)") +
		"&_pragma=" + url.QueryEscape("synchronous(NORMAL)")
	fileURL := "file:" + (&url.URL{Path: path}).EscapedPath()

	w, err := sql.Open("sqlite", fileURL+"?"+common+"&_pragma="+url.QueryEscape("journal_mode(WAL)")+"&_txlock=immediate")
	if err != nil {
		return nil, fmt.Errorf("open tickets %s: %w", path, err)
	}
	// Write transactions run one at a time; the second connection lets statements
	// be prepared for the cache while a transaction holds the first.
	w.SetMaxOpenConns(2)
	w.SetMaxIdleConns(2)
	w.SetConnMaxLifetime(0)
	s := &Store{path: path, w: w, now: opts.Now, log: opts.Logger}
	s.wstmts.db = w
	if err := w.Ping(); err != nil {
		w.Close()
		return nil, fmt.Errorf("open tickets %s: %w", path, err)
	}
	if err := s.migrate(context.Background()); err != nil {
		w.Close()
		return nil, err
	}
	r, err := sql.Open("sqlite", fileURL+"?"+common+"&_pragma="+url.QueryEscape("query_only(1)"))
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("open tickets %s: %w", path, err)
	}
	r.SetMaxOpenConns(opts.ReadConns)
	r.SetMaxIdleConns(opts.ReadConns)
	s.r = r
	s.rstmts.db = r
	s.rq = &rdb{db: r, cache: &s.rstmts}
	return s, nil
}

// Close closes the database.
func (s *Store) Close() error {
	s.wstmts.close()
	s.rstmts.close()
	err := s.r.Close()
	if werr := s.w.Close(); err == nil {
		err = werr
	}
	if err != nil {
		return fmt.Errorf("close tickets %s: %w", s.path, err)
	}
	return nil
}

// Path returns the database file's path.
func (s *Store) Path() string { return s.path }

// IntegrityCheck runs SQLite's integrity_check and returns an error unless
// the database is intact.
func (s *Store) IntegrityCheck(ctx context.Context) error {
	rows, err := s.r.QueryContext(ctx, "PRAGMA integrity_check")
	if err != nil {
		return fmt.Errorf("integrity check %s: %w", s.path, err)
	}
	defer rows.Close()
	var msgs []string
	for rows.Next() {
		var m string
		if err := rows.Scan(&m); err != nil {
			return fmt.Errorf("integrity check %s: %w", s.path, err)
		}
		msgs = append(msgs, m)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("integrity check %s: %w", s.path, err)
	}
	if len(msgs) != 1 || msgs[0] != "ok" {
		return fmt.Errorf("integrity check %s: %s", s.path, strings.Join(msgs, "; "))
	}
	return nil
}

type migration struct {
	version int
	name    string
	sql     string
}

func migrations() ([]migration, error) {
	entries, err := fs.ReadDir(migrationFS, "migrations")
	if err != nil {
		return nil, err
	}
	var ms []migration
	for _, e := range entries {
		name := e.Name()
		num, _, ok := strings.Cut(name, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v <= 0 {
			return nil, fmt.Errorf("migration %s: name must start with a version number", name)
		}
		b, err := migrationFS.ReadFile("migrations/" + name)
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{version: v, name: name, sql: string(b)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	return ms, nil
}

// SchemaVersion is the schema version this build of precwatch writes.
func SchemaVersion() int {
	ms, err := migrations()
	if err != nil || len(ms) == 0 {
		return 0
	}
	return ms[len(ms)-1].version
}

func (s *Store) migrate(ctx context.Context) error {
	ms, err := migrations()
	if err != nil {
		return fmt.Errorf("migrate %s: %w", s.path, err)
	}
	latest := ms[len(ms)-1].version
	if _, err := s.w.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)`); err != nil {
		return fmt.Errorf("migrate %s: %w", s.path, err)
	}
	var current int
	if err := s.w.QueryRowContext(ctx, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations").Scan(&current); err != nil {
		return fmt.Errorf("migrate %s: %w", s.path, err)
	}
	if current > latest {
		return precwatch.Errorf(precwatch.EINVALID,
			"database %s has schema version %d, newer than this precwatch supports (%d): use a newer precwatch", s.path, current, latest)
	}
	rewrote := false
	for _, m := range ms {
		if m.version <= current {
			continue
		}
		err := s.write(ctx, func(tx *wtx) error {
			// Re-check inside the write lock: another process may have migrated.
			var done int
			if err := tx.QueryRowContext(ctx, "SELECT COUNT(*) FROM schema_migrations WHERE version = ?", m.version).Scan(&done); err != nil {
				return err
			}
			if done > 0 {
				return nil
			}
			if _, err := tx.tx.ExecContext(ctx, m.sql); err != nil {
				return err
			}
			if step := goMigrations[m.version]; step != nil {
				n, err := step(ctx, tx)
				if err != nil {
					return err
				}
				rewrote = rewrote || n > 0
			}
			_, err := tx.ExecContext(ctx, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
				m.version, m.name, s.now().UnixNano())
			return err
		})
		if err != nil {
			return fmt.Errorf("migrate %s to %s: %w", s.path, m.name, err)
		}
	}
	if rewrote {
		// What a step rewrote is still in the pages SQLite freed and
		// in the WAL (secrets, see urlsecrets.go): rewrite the file.
		if err := s.vacuum(ctx); err != nil {
			return fmt.Errorf("migrate %s: %w", s.path, err)
		}
	}
	return nil
}

// maxGroup caps how many concurrent writes share one transaction.
const maxGroup = 256

// writeReq is one write waiting for its turn.
type writeReq struct {
	ctx     context.Context
	fn      func(tx *wtx) error
	err     error
	done    chan struct{} // closed once committed or failed
	promote chan struct{} // tells the request to lead the next group
}

// write runs fn atomically in a write transaction (BEGIN IMMEDIATE) and
// returns once it is committed, or rolled back when fn fails.
//
// Concurrent writes are group-committed: while one transaction commits, the
// writes that arrive queue up, and the first of them leads the next group,
// running each fn in its own SAVEPOINT inside one transaction. A failing fn
// is rolled back to its savepoint and fails alone; every caller returns only
// after the commit that holds its change. Each write stays atomic and
// isolated from the others (they run one after another), and a crash loses
// at most writes whose callers have not returned.
func (s *Store) write(ctx context.Context, fn func(tx *wtx) error) error {
	req := &writeReq{ctx: ctx, fn: fn, done: make(chan struct{}), promote: make(chan struct{}, 1)}
	s.qmu.Lock()
	s.queue = append(s.queue, req)
	if !s.leading {
		s.leading = true
		req.promote <- struct{}{}
	}
	s.qmu.Unlock()
	for {
		select {
		case <-req.done:
			return req.err
		case <-req.promote:
			s.lead()
		}
	}
}

// lead commits the queued writes (the leader's own is first) as one group
// and hands leadership to the next queued write, if any.
func (s *Store) lead() {
	s.qmu.Lock()
	n := min(len(s.queue), maxGroup)
	group := s.queue[:n:n]
	s.queue = append([]*writeReq(nil), s.queue[n:]...)
	s.qmu.Unlock()

	s.commitGroup(group)
	for _, r := range group {
		close(r.done)
	}

	s.qmu.Lock()
	if len(s.queue) > 0 {
		s.queue[0].promote <- struct{}{}
	} else {
		s.leading = false
	}
	s.qmu.Unlock()
}

func (s *Store) commitGroup(group []*writeReq) {
	fail := func(err error) {
		for _, r := range group {
			if r.err == nil {
				r.err = err
			}
		}
	}
	// The transaction belongs to the whole group: no one caller's context
	// may cancel it.
	bg := context.Background()
	s.groups.Add(1)
	tx, err := s.w.BeginTx(bg, nil)
	if err != nil {
		fail(err)
		return
	}
	w := &wtx{tx: tx, cache: &s.wstmts}
	if len(group) == 1 {
		r := group[0]
		if r.err = r.ctx.Err(); r.err == nil {
			r.err = r.fn(w)
		}
		if r.err != nil {
			tx.Rollback()
			return
		}
		if err := tx.Commit(); err != nil {
			r.err = err
		}
		return
	}
	for _, r := range group {
		if r.err = r.ctx.Err(); r.err != nil {
			continue
		}
		if _, err := w.ExecContext(bg, "SAVEPOINT w"); err != nil {
			tx.Rollback()
			fail(err)
			return
		}
		r.err = r.fn(w)
		if r.err != nil {
			if _, err := w.ExecContext(bg, "ROLLBACK TO w"); err != nil {
				tx.Rollback()
				fail(err)
				return
			}
		}
		if _, err := w.ExecContext(bg, "RELEASE w"); err != nil {
			tx.Rollback()
			fail(err)
			return
		}
	}
	if err := tx.Commit(); err != nil {
		fail(err)
	}
}

// ns converts a time to the stored form, Unix nanoseconds.
func ns(t time.Time) int64 { return t.UnixNano() }

// fromNS converts a stored time back.
func fromNS(n int64) time.Time { return time.Unix(0, n).UTC() }

func fromNullNS(n sql.NullInt64) *time.Time {
	if !n.Valid {
		return nil
	}
	t := fromNS(n.Int64)
	return &t
}

// stmtCache keeps prepared statements: SQLite spends as long preparing a
// statement as running it, and a Record runs a dozen.
type stmtCache struct {
	db *sql.DB
	mu sync.Mutex
	m  map[string]*sql.Stmt
}

// maxCached caps the statements a cache keeps; queries built from many
// filter combinations beyond it are prepared each time.
const maxCached = 500

// get returns the cached statement for query, or nil when the cache is full.
func (c *stmtCache) get(ctx context.Context, query string) (*sql.Stmt, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if st, ok := c.m[query]; ok {
		return st, nil
	}
	if len(c.m) >= maxCached {
		return nil, nil
	}
	st, err := c.db.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	if c.m == nil {
		c.m = map[string]*sql.Stmt{}
	}
	c.m[query] = st
	return st, nil
}

func (c *stmtCache) close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, st := range c.m {
		st.Close()
	}
	c.m = nil
}

// wtx is a write transaction that runs its statements prepared once per
// Store.
type wtx struct {
	tx    *sql.Tx
	cache *stmtCache
}

func (t *wtx) stmt(ctx context.Context, query string) (*sql.Stmt, error) {
	st, err := t.cache.get(ctx, query)
	if err != nil || st == nil {
		return nil, err
	}
	return t.tx.StmtContext(ctx, st), nil
}

func (t *wtx) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	st, err := t.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	if st == nil {
		return t.tx.ExecContext(ctx, query, args...)
	}
	return st.ExecContext(ctx, args...)
}

func (t *wtx) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	st, err := t.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	if st == nil {
		return t.tx.QueryContext(ctx, query, args...)
	}
	return st.QueryContext(ctx, args...)
}

func (t *wtx) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	st, err := t.stmt(ctx, query)
	if err != nil || st == nil {
		// A *sql.Row cannot be built with an error outside database/sql:
		// let the transaction report it.
		return t.tx.QueryRowContext(ctx, query, args...)
	}
	return st.QueryRowContext(ctx, args...)
}

// rdb runs read queries on the read pool with cached prepared statements.
type rdb struct {
	db    *sql.DB
	cache *stmtCache
}

func (r *rdb) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	st, err := r.cache.get(ctx, query)
	if err != nil || st == nil {
		return r.db.QueryContext(ctx, query, args...)
	}
	return st.QueryContext(ctx, args...)
}

func (r *rdb) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	st, err := r.cache.get(ctx, query)
	if err != nil || st == nil {
		return r.db.QueryRowContext(ctx, query, args...)
	}
	return st.QueryRowContext(ctx, args...)
}

func (r *rdb) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	return r.db.ExecContext(ctx, query, args...)
}
