package tickets

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/precwatch/precwatch"
)

// StoredTarget is a target created through the API.
type StoredTarget struct {
	Target    precwatch.Target `json:"target"`
	UpdatedAt time.Time        `json:"updated_at"`
}

// PutTarget creates or replaces the target named t.Name. Validating it
// against the config rules is the caller's job. A saved target starts
// its streak of empty runs afresh (see HoldEmptyRun): an empty run under
// the old spec says nothing about the new one.
func (s *Store) PutTarget(ctx context.Context, t precwatch.Target) error {
	if t.Name == "" || t.Platform == "" {
		return precwatch.Errorf(precwatch.EINVALID, "a target needs a name and a platform")
	}
	box, err := s.sealBox(ctx, targetRow(t.Name))
	if err != nil {
		return fmt.Errorf("put target %s: %w", t.Name, err)
	}
	st, err := box.sealTarget(t)
	if err != nil {
		return fmt.Errorf("put target %s: %w", t.Name, err)
	}
	b, err := json.Marshal(st)
	if err != nil {
		return fmt.Errorf("put target %s: %w", t.Name, err)
	}
	err = s.write(ctx, func(tx *wtx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO targets (name, platform, spec, updated_at) VALUES (?, ?, ?, ?)
			ON CONFLICT (name) DO UPDATE SET platform = excluded.platform, spec = excluded.spec, updated_at = excluded.updated_at`,
			t.Name, t.Platform, string(b), ns(s.now()))
		if err != nil {
			return err
		}
		return forgetEmptyRuns(ctx, tx, t.Name)
	})
	if err != nil {
		return fmt.Errorf("put target %s: %w", t.Name, err)
	}
	return nil
}

// DeleteTarget deletes the stored target name and its streak of empty
// runs, so that a target created again under the name does not inherit
// it; an unknown name is ENOTFOUND.
func (s *Store) DeleteTarget(ctx context.Context, name string) error {
	err := s.write(ctx, func(tx *wtx) error {
		res, err := tx.ExecContext(ctx, "DELETE FROM targets WHERE name = ?", name)
		if err != nil {
			return err
		}
		if err := mustExist(ctx, tx, res, "SELECT COUNT(*) FROM targets WHERE name = ?", name, "target %s not found"); err != nil {
			return err
		}
		return forgetEmptyRuns(ctx, tx, name)
	})
	if err != nil {
		return fmt.Errorf("delete target %s: %w", name, err)
	}
	return nil
}

// Target returns the stored target name, or ENOTFOUND.
func (s *Store) Target(ctx context.Context, name string) (*StoredTarget, error) {
	var spec string
	var updated int64
	err := s.rq.QueryRowContext(ctx, "SELECT spec, updated_at FROM targets WHERE name = ?", name).Scan(&spec, &updated)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, precwatch.Errorf(precwatch.ENOTFOUND, "target %s not found", name)
	}
	if err != nil {
		return nil, fmt.Errorf("target %s: %w", name, err)
	}
	st := &StoredTarget{UpdatedAt: fromNS(updated)}
	if st.Target, err = s.decodeTargetSpec(ctx, spec); err != nil {
		return nil, fmt.Errorf("target %s: %w", name, err)
	}
	return st, nil
}

// Targets returns the stored targets of platforms (empty means all), by
// name.
func (s *Store) Targets(ctx context.Context, platforms []string) ([]StoredTarget, error) {
	q := "SELECT spec, updated_at FROM targets"
	scope, args := platformScope("WHERE", "platform", platforms)
	q += scope
	rows, err := s.rq.QueryContext(ctx, q+" ORDER BY name", args...)
	if err != nil {
		return nil, fmt.Errorf("targets: %w", err)
	}
	defer rows.Close()
	var out []StoredTarget
	for rows.Next() {
		var spec string
		var updated int64
		if err := rows.Scan(&spec, &updated); err != nil {
			return nil, fmt.Errorf("targets: %w", err)
		}
		st := StoredTarget{UpdatedAt: fromNS(updated)}
		if st.Target, err = s.decodeTargetSpec(ctx, spec); err != nil {
			return nil, fmt.Errorf("targets: %w", err)
		}
		out = append(out, st)
	}
	return out, rows.Err()
}

// Webhook is a platform's webhook receiver.
type Webhook struct {
	Platform  string    `json:"platform"`
	URL       string    `json:"url"`
	Secret    string    `json:"-"`
	UpdatedAt time.Time `json:"updated_at"`
}

// SetWebhook sets the webhook of w.Platform; an empty URL removes it.
func (s *Store) SetWebhook(ctx context.Context, w Webhook) error {
	if w.Platform == "" {
		return precwatch.Errorf(precwatch.EINVALID, "a webhook needs a platform")
	}
	if w.URL != "" && w.Secret == "" {
		return precwatch.Errorf(precwatch.EINVALID, "a webhook needs a secret to sign its events")
	}
	var sealedURL, sealedSecret string
	if w.URL != "" {
		box, err := s.sealBox(ctx, webhookRow(w.Platform))
		if err != nil {
			return fmt.Errorf("set webhook of %s: %w", w.Platform, err)
		}
		if sealedURL, err = box.seal(w.URL); err != nil {
			return fmt.Errorf("set webhook of %s: %w", w.Platform, err)
		}
		if sealedSecret, err = box.seal(w.Secret); err != nil {
			return fmt.Errorf("set webhook of %s: %w", w.Platform, err)
		}
	}
	err := s.write(ctx, func(tx *wtx) error {
		if w.URL == "" {
			_, err := tx.ExecContext(ctx, "DELETE FROM webhooks WHERE platform = ?", w.Platform)
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO webhooks (platform, url, secret, updated_at) VALUES (?, ?, ?, ?)
			ON CONFLICT (platform) DO UPDATE SET url = excluded.url, secret = excluded.secret, updated_at = excluded.updated_at`,
			w.Platform, sealedURL, sealedSecret, ns(s.now()))
		return err
	})
	if err != nil {
		return fmt.Errorf("set webhook of %s: %w", w.Platform, err)
	}
	return nil
}

// Webhook returns the webhook of platform, or ENOTFOUND.
func (s *Store) Webhook(ctx context.Context, platform string) (*Webhook, error) {
	w := Webhook{Platform: platform}
	var updated int64
	row := platform
	err := s.rq.QueryRowContext(ctx, "SELECT url, secret, updated_at FROM webhooks WHERE platform = ?", platform).
		Scan(&w.URL, &w.Secret, &updated)
	if errors.Is(err, sql.ErrNoRows) {
		// Platforms are named in any case everywhere else (filters,
		// tokens): a webhook configured as "chemhub" is ChemHub's.
		row, err = s.webhookFolded(ctx, platform, &w, &updated)
	}
	if errors.Is(err, sql.ErrNoRows) {
		return nil, precwatch.Errorf(precwatch.ENOTFOUND, "no webhook for platform %s", platform)
	}
	if err != nil {
		return nil, fmt.Errorf("webhook of %s: %w", platform, err)
	}
	box := s.openBox(ctx, webhookRow(row))
	if w.URL, err = box.open(w.URL); err != nil {
		return nil, fmt.Errorf("webhook of %s: url: %w", platform, err)
	}
	if w.Secret, err = box.open(w.Secret); err != nil {
		return nil, fmt.Errorf("webhook of %s: secret: %w", platform, err)
	}
	w.UpdatedAt = fromNS(updated)
	return &w, nil
}

// webhookFolded finds the webhook of a platform spelt in another case
// and returns the platform as stored (sql.ErrNoRows if none).
func (s *Store) webhookFolded(ctx context.Context, platform string, w *Webhook, updated *int64) (string, error) {
	rows, err := s.rq.QueryContext(ctx, "SELECT platform, url, secret, updated_at FROM webhooks ORDER BY platform")
	if err != nil {
		return "", err
	}
	defer rows.Close()
	for rows.Next() {
		var p string
		if err := rows.Scan(&p, &w.URL, &w.Secret, updated); err != nil {
			return "", err
		}
		if strings.EqualFold(p, platform) {
			return p, nil
		}
	}
	if err := rows.Err(); err != nil {
		return "", err
	}
	return "", sql.ErrNoRows
}

// Run is one crawl run of a target.
type Run struct {
	ID       int64           `json:"id"`
	Target   string          `json:"target"`
	Platform string          `json:"platform"`
	Started  time.Time       `json:"started"`
	Finished *time.Time      `json:"finished,omitempty"`
	Complete bool            `json:"complete"` // every page was crawled: missing listings may be marked removed
	Pages    int             `json:"pages"`
	Listings int             `json:"listings"`
	Errors   int             `json:"errors"`
	Error    json.RawMessage `json:"error,omitempty"` // errors by kind, or a message, as JSON
	// Kept counts the stored listings that this complete run, which found
	// no listing, kept rather than removed (see HoldEmptyRun); Note says
	// why, or that a second empty run in a row no longer kept them.
	Kept int    `json:"kept"`
	Note string `json:"note,omitempty"`
}

// StartRun records the start of a crawl run of target and returns its id.
func (s *Store) StartRun(ctx context.Context, target, platform string, started time.Time) (int64, error) {
	var id int64
	err := s.write(ctx, func(tx *wtx) error {
		res, err := tx.ExecContext(ctx, "INSERT INTO crawl_runs (target, platform, started) VALUES (?, ?, ?)", target, platform, ns(started))
		if err != nil {
			return err
		}
		id, err = res.LastInsertId()
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("start run of %s: %w", target, err)
	}
	return id, nil
}

// RunProgress records how many listings run id has delivered so far, while
// it runs (a finished run keeps what FinishRun wrote), so that the API's
// runs show a long crawl moving.
func (s *Store) RunProgress(ctx context.Context, id int64, listings int) error {
	err := s.write(ctx, func(tx *wtx) error {
		_, err := tx.ExecContext(ctx, "UPDATE crawl_runs SET listings = ? WHERE id = ? AND finished IS NULL", listings, id)
		return err
	})
	if err != nil {
		return fmt.Errorf("progress of run %d: %w", id, err)
	}
	return nil
}

// FinishRun records the end of run r.ID with its counters. r.Finished
// defaults to now; r.Error must be JSON or empty.
func (s *Store) FinishRun(ctx context.Context, r Run) error {
	fin := s.now()
	if r.Finished != nil {
		fin = *r.Finished
	}
	errJSON := "{}"
	if len(r.Error) > 0 {
		if !json.Valid(r.Error) {
			return precwatch.Errorf(precwatch.EINVALID, "run %d: error is not JSON", r.ID)
		}
		errJSON = string(r.Error)
		// A run's error may quote a URL with its secrets (a Go HTTP
		// error does): none is stored.
		if red := precwatch.RedactSecrets(errJSON); json.Valid([]byte(red)) {
			errJSON = red
		}
	}
	err := s.write(ctx, func(tx *wtx) error {
		res, err := tx.ExecContext(ctx, `UPDATE crawl_runs SET finished = ?, complete = ?, pages = ?, listings = ?, errors = ?, error = ?
			WHERE id = ?`, ns(fin), r.Complete, r.Pages, r.Listings, r.Errors, errJSON, r.ID)
		if err != nil {
			return err
		}
		return mustExist(ctx, tx, res, "SELECT COUNT(*) FROM crawl_runs WHERE id = ?", r.ID, "run %d not found")
	})
	if err != nil {
		return fmt.Errorf("finish run %d: %w", r.ID, err)
	}
	return nil
}

const runCols = "id, target, platform, started, finished, complete, pages, listings, errors, error, kept, note"

func scanRun(sc scanner) (Run, error) {
	var r Run
	var started int64
	var fin sql.NullInt64
	var errJSON string
	if err := sc.Scan(&r.ID, &r.Target, &r.Platform, &started, &fin, &r.Complete, &r.Pages, &r.Listings, &r.Errors, &errJSON, &r.Kept, &r.Note); err != nil {
		return r, err
	}
	r.Started, r.Finished = fromNS(started), fromNullNS(fin)
	if errJSON != "" && errJSON != "{}" {
		r.Error = json.RawMessage(errJSON)
	}
	return r, nil
}

// Runs returns the latest limit runs (default 50) of platforms (empty means
// all), newest first.
func (s *Store) Runs(ctx context.Context, platforms []string, limit int) ([]Run, error) {
	if limit <= 0 {
		limit = 50
	}
	q := "SELECT " + runCols + " FROM crawl_runs"
	scope, args := platformScope("WHERE", "platform", platforms)
	q += scope
	q += " ORDER BY started DESC, id DESC LIMIT ?"
	rows, err := s.rq.QueryContext(ctx, q, append(args, limit)...)
	if err != nil {
		return nil, fmt.Errorf("runs: %w", err)
	}
	defer rows.Close()
	var out []Run
	for rows.Next() {
		r, err := scanRun(rows)
		if err != nil {
			return nil, fmt.Errorf("runs: %w", err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// LastRun returns the latest run of target, or ENOTFOUND if it never ran.
func (s *Store) LastRun(ctx context.Context, target string) (*Run, error) {
	r, err := scanRun(s.rq.QueryRowContext(ctx, "SELECT "+runCols+" FROM crawl_runs WHERE target = ? ORDER BY started DESC, id DESC LIMIT 1", target))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, precwatch.Errorf(precwatch.ENOTFOUND, "target %s never ran", target)
	}
	if err != nil {
		return nil, fmt.Errorf("last run of %s: %w", target, err)
	}
	return &r, nil
}

// forgetEmptyRuns ends the streak of empty complete runs of the target
// name on every platform.
func forgetEmptyRuns(ctx context.Context, tx *wtx, name string) error {
	_, err := tx.ExecContext(ctx, "DELETE FROM empty_runs WHERE target = ?", name)
	return err
}
