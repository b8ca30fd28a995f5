package tickets

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// EvidencePlatforms returns, for every evidence snapshot a ticket cites,
// the platforms of the tickets citing it: a ticket cites its current
// evidence and the evidence of every version in its listing's history
// (the versions GET /api/v1/tickets/{id} lists), so an older snapshot of
// a ticket opens for whoever may see the ticket. Safe for concurrent use.
func (s *Store) EvidencePlatforms(ctx context.Context) (map[string][]string, error) {
	rows, err := s.rq.QueryContext(ctx, `SELECT evidence_hash, platform FROM tickets WHERE evidence_hash != ''
		UNION
		SELECT v.evidence_hash, t.platform FROM listing_versions v
			JOIN tickets t ON t.platform = v.platform AND t.listing_id = v.listing_id
			WHERE v.evidence_hash != ''`)
	if err != nil {
		return nil, fmt.Errorf("evidence platforms: %w", err)
	}
	defer rows.Close()
	out := map[string][]string{}
	for rows.Next() {
		var hash, platform string
		if err := rows.Scan(&hash, &platform); err != nil {
			return nil, fmt.Errorf("evidence platforms: %w", err)
		}
		out[hash] = append(out[hash], platform)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("evidence platforms: %w", err)
	}
	return out, nil
}

// ListingTicket returns the id of the ticket of a listing (platform,
// listing id) and the listing's current evidence snapshot, or 0 and ""
// when it has no ticket: search results link to them.
func (s *Store) ListingTicket(ctx context.Context, platform, listingID string) (int64, string, error) {
	var id int64
	var evidence string
	err := s.rq.QueryRowContext(ctx, `SELECT t.id, l.evidence_hash FROM tickets t
		JOIN listings l ON l.platform = t.platform AND l.listing_id = t.listing_id
		WHERE t.platform = ? AND t.listing_id = ?`, platform, listingID).Scan(&id, &evidence)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, "", nil
	}
	if err != nil {
		return 0, "", fmt.Errorf("ticket of listing %s/%s: %w", platform, listingID, err)
	}
	return id, evidence, nil
}
