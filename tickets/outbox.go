package tickets

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"github.com/precwatch/precwatch"
)

// Outbox is one event waiting for (or done with) delivery to its
// platform's webhook.
type Outbox struct {
	ID            int64           `json:"id"`
	Event         precwatch.Event `json:"event"`
	Platform      string          `json:"platform"`
	CreatedAt     time.Time       `json:"created_at"`
	Attempts      int             `json:"attempts"`
	NextAttemptAt time.Time       `json:"next_attempt_at"`
	DeliveredAt   *time.Time      `json:"delivered_at,omitempty"`
	LastError     string          `json:"last_error,omitempty"`
}

// PendingEvents returns up to limit undelivered events due at now, oldest
// first.
func (s *Store) PendingEvents(ctx context.Context, now time.Time, limit int) ([]Outbox, error) {
	if limit <= 0 {
		limit = 100
	}
	rows, err := s.rq.QueryContext(ctx, `SELECT id, event, platform, created_at, attempts, next_attempt_at, delivered_at, last_error
		FROM outbox WHERE delivered_at IS NULL AND next_attempt_at <= ? ORDER BY id LIMIT ?`, ns(now), limit)
	if err != nil {
		return nil, fmt.Errorf("pending events: %w", err)
	}
	defer rows.Close()
	var out []Outbox
	for rows.Next() {
		var (
			o             Outbox
			ev            string
			created, next int64
			delivered     sql.NullInt64
		)
		if err := rows.Scan(&o.ID, &ev, &o.Platform, &created, &o.Attempts, &next, &delivered, &o.LastError); err != nil {
			return nil, fmt.Errorf("pending events: %w", err)
		}
		if err := json.Unmarshal([]byte(ev), &o.Event); err != nil {
			return nil, fmt.Errorf("outbox %d: %w", o.ID, err)
		}
		o.CreatedAt, o.NextAttemptAt, o.DeliveredAt = fromNS(created), fromNS(next), fromNullNS(delivered)
		out = append(out, o)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("pending events: %w", err)
	}
	return out, nil
}

// PendingCount returns how many events await delivery, due or not.
func (s *Store) PendingCount(ctx context.Context) (int, error) {
	var n int
	if err := s.rq.QueryRowContext(ctx, "SELECT COUNT(*) FROM outbox WHERE delivered_at IS NULL").Scan(&n); err != nil {
		return 0, fmt.Errorf("pending count: %w", err)
	}
	return n, nil
}

// MarkDelivered records that outbox event id was delivered. Marking it
// again changes nothing.
func (s *Store) MarkDelivered(ctx context.Context, id int64) error {
	err := s.write(ctx, func(tx *wtx) error {
		res, err := tx.ExecContext(ctx, "UPDATE outbox SET attempts = attempts + 1, delivered_at = ?, last_error = '' WHERE id = ? AND delivered_at IS NULL",
			ns(s.now()), id)
		if err != nil {
			return err
		}
		return mustExist(ctx, tx, res, "SELECT COUNT(*) FROM outbox WHERE id = ?", id, "outbox event %d not found")
	})
	if err != nil {
		return fmt.Errorf("mark delivered %d: %w", id, err)
	}
	return nil
}

// MarkFailed records a failed delivery attempt of outbox event id and when
// to try again.
func (s *Store) MarkFailed(ctx context.Context, id int64, msg string, next time.Time) error {
	err := s.write(ctx, func(tx *wtx) error {
		res, err := tx.ExecContext(ctx, "UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ? AND delivered_at IS NULL",
			msg, ns(next), id)
		if err != nil {
			return err
		}
		return mustExist(ctx, tx, res, "SELECT COUNT(*) FROM outbox WHERE id = ?", id, "outbox event %d not found")
	})
	if err != nil {
		return fmt.Errorf("mark failed %d: %w", id, err)
	}
	return nil
}

// Postpone sets when the event is looked at again without counting a
// delivery attempt: an event of a platform that has no webhook yet waits,
// and its first real delivery failure still backs off from the shortest
// delay.
func (s *Store) Postpone(ctx context.Context, id int64, reason string, next time.Time) error {
	err := s.write(ctx, func(tx *wtx) error {
		res, err := tx.ExecContext(ctx, "UPDATE outbox SET last_error = ?, next_attempt_at = ? WHERE id = ? AND delivered_at IS NULL",
			reason, ns(next), id)
		if err != nil {
			return err
		}
		return mustExist(ctx, tx, res, "SELECT COUNT(*) FROM outbox WHERE id = ?", id, "outbox event %d not found")
	})
	if err != nil {
		return fmt.Errorf("postpone %d: %w", id, err)
	}
	return nil
}

// mustExist returns ENOTFOUND when res changed no row and the row id does
// not exist.
func mustExist(ctx context.Context, tx *wtx, res sql.Result, count string, id any, notFound string) error {
	n, err := res.RowsAffected()
	if err != nil || n > 0 {
		return err
	}
	var c int
	if err := tx.QueryRowContext(ctx, count, id).Scan(&c); err != nil {
		return err
	}
	if c == 0 {
		return precwatch.Errorf(precwatch.ENOTFOUND, notFound, id)
	}
	return nil
}
