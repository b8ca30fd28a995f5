package tickets

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/precwatch/precwatch"
)

// ListingsSeen is Listings that also gives each listing's stored first and
// last seen, for a rescan that re-indexes listings: nothing is seen by a
// rescan, so the index keeps the dates the database has.
func (s *Store) ListingsSeen(ctx context.Context, since time.Time, fn func(r precwatch.Result, firstSeen, lastSeen time.Time) error) error {
	const page = 1000
	type row struct {
		r           precwatch.Result
		first, last int64
	}
	var lastPlatform, lastID string
	for {
		// Keyset pages: no read transaction stays open while fn writes.
		rows, err := s.rq.QueryContext(ctx, `SELECT platform, listing_id, result, first_seen, last_seen FROM listings
			WHERE last_seen >= ? AND (platform, listing_id) > (?, ?) ORDER BY platform, listing_id LIMIT ?`,
			ns(since), lastPlatform, lastID, page)
		if err != nil {
			return fmt.Errorf("listings: %w", err)
		}
		var batch []row
		for rows.Next() {
			var res string
			var x row
			if err := rows.Scan(&lastPlatform, &lastID, &res, &x.first, &x.last); err != nil {
				rows.Close()
				return fmt.Errorf("listings: %w", err)
			}
			if err := json.Unmarshal([]byte(res), &x.r); err != nil {
				rows.Close()
				return fmt.Errorf("listing %s/%s: %w", lastPlatform, lastID, err)
			}
			batch = append(batch, x)
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return fmt.Errorf("listings: %w", err)
		}
		for _, x := range batch {
			if err := fn(x.r, fromNS(x.first), fromNS(x.last)); err != nil {
				return err
			}
		}
		if len(batch) < page {
			return nil
		}
	}
}
