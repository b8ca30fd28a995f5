package tickets

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// A complete run that finds no listing at all says either that the
// platform took every offer down or that the crawl no longer sees them: a
// redesign that broke the item selectors, a maintenance page or a login
// wall answering 200. One such run is not taken at its word: it keeps the
// target's listings and starts the target's streak of empty runs
// (empty_runs, migration 0007); the next empty complete run in a row
// removes them, and a run that finds listings ends the streak.

// addRunNoteColumns is migration 0007's step: crawl_runs.kept and note,
// added only where missing so that the migration can run twice.
func addRunNoteColumns(ctx context.Context, tx *wtx) (int, error) {
	have := map[string]bool{}
	rows, err := tx.tx.QueryContext(ctx, "SELECT name FROM pragma_table_info('crawl_runs')")
	if err != nil {
		return 0, err
	}
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			rows.Close()
			return 0, err
		}
		have[name] = true
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, err
	}
	for _, c := range []struct{ name, def string }{
		{"kept", "kept INTEGER NOT NULL DEFAULT 0"}, // listings an empty complete run kept
		{"note", "note TEXT NOT NULL DEFAULT ''"},   // why, in words
	} {
		if have[c.name] {
			continue
		}
		if _, err := tx.tx.ExecContext(ctx, "ALTER TABLE crawl_runs ADD COLUMN "+c.def); err != nil {
			return 0, fmt.Errorf("add crawl_runs.%s: %w", c.name, err)
		}
	}
	return 0, nil
}

// HoldEmptyRun records that a complete run of target found no listing and
// says whether the target's stored listings are kept rather than marked
// missing. The first such run in a row keeps them when the target claims
// active listings: it returns their number and a note, and records both on
// the run's record (run, the id StartRun returned; 0 records nothing). A
// later empty complete run in a row returns 0 with a note saying the
// listings are no longer kept, so the caller removes them as for any
// complete run; a target with nothing stored returns 0 and no note. Unlike
// the per-listing pipeline calls it is not idempotent: each call counts one
// more run, so a caller calls it once per finished run.
func (s *Store) HoldEmptyRun(ctx context.Context, platform, target string, run int64, at time.Time) (kept int, note string, err error) {
	err = s.write(ctx, func(tx *wtx) error {
		kept, note = 0, ""
		var active int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM listing_targets c JOIN listings l
			ON l.platform = c.platform AND l.listing_id = c.listing_id
			WHERE c.platform = ? AND c.target = ? AND l.status = 'active'`, platform, target).Scan(&active); err != nil {
			return err
		}
		var since int64
		var runs int
		err := tx.QueryRowContext(ctx, "SELECT since, runs FROM empty_runs WHERE platform = ? AND target = ?",
			platform, target).Scan(&since, &runs)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			if active == 0 {
				return nil // nothing to keep, no streak to start
			}
			if _, err := tx.ExecContext(ctx, "INSERT INTO empty_runs (platform, target, since, runs, kept) VALUES (?, ?, ?, 1, ?)",
				platform, target, ns(at), active); err != nil {
				return err
			}
			kept = active
			note = fmt.Sprintf("complete run found no listings: kept the %d stored listing(s) of %s instead of removing them "+
				"(a redesign that broke the selectors, a maintenance page or a login wall?); "+
				"the next complete run that finds none either removes them", active, target)
		case err != nil:
			return err
		default:
			runs++
			if _, err := tx.ExecContext(ctx, "UPDATE empty_runs SET runs = ? WHERE platform = ? AND target = ?",
				runs, platform, target); err != nil {
				return err
			}
			if active == 0 {
				return nil
			}
			note = fmt.Sprintf("%d complete runs in a row found no listings (the first started the streak at %s): "+
				"the stored listings of %s are no longer kept", runs, fromNS(since).Format(time.RFC3339), target)
		}
		if run == 0 {
			return nil
		}
		_, err = tx.ExecContext(ctx, "UPDATE crawl_runs SET kept = ?, note = ? WHERE id = ? AND target = ?", kept, note, run, target)
		return err
	})
	if err != nil {
		return 0, "", fmt.Errorf("hold empty run of %s: %w", target, err)
	}
	return kept, note, nil
}

// ClearEmptyRuns ends target's streak of empty complete runs: a run found
// listings.
func (s *Store) ClearEmptyRuns(ctx context.Context, platform, target string) error {
	var n int
	if err := s.rq.QueryRowContext(ctx, "SELECT COUNT(*) FROM empty_runs WHERE platform = ? AND target = ?",
		platform, target).Scan(&n); err != nil {
		return fmt.Errorf("clear empty runs of %s: %w", target, err)
	}
	if n == 0 {
		return nil // the common case writes nothing
	}
	err := s.write(ctx, func(tx *wtx) error {
		_, err := tx.ExecContext(ctx, "DELETE FROM empty_runs WHERE platform = ? AND target = ?", platform, target)
		return err
	})
	if err != nil {
		return fmt.Errorf("clear empty runs of %s: %w", target, err)
	}
	return nil
}

// EmptyRuns returns how many complete runs of target in a row found no
// listing, counted from the first that kept stored listings (0: none).
func (s *Store) EmptyRuns(ctx context.Context, platform, target string) (int, error) {
	var n int
	err := s.rq.QueryRowContext(ctx, "SELECT runs FROM empty_runs WHERE platform = ? AND target = ?", platform, target).Scan(&n)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("empty runs of %s: %w", target, err)
	}
	return n, nil
}
