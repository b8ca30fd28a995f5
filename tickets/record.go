package tickets

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/precwatch/precwatch"
)

// Outcome is what Record did to the listing's ticket. Ticket is nil when the
// listing has no ticket (it was never suspicious).
type Outcome struct {
	Ticket  *precwatch.Ticket
	Created bool
	Updated bool
}

// queryer is what both *sql.DB and *sql.Tx offer.
type queryer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

// Unchanged reports whether the listing is stored with this content hash
// already; the pipeline then only calls Seen.
func (s *Store) Unchanged(ctx context.Context, platform, listingID, contentHash string) (bool, error) {
	var h string
	err := s.rq.QueryRowContext(ctx, "SELECT content_hash FROM listings WHERE platform = ? AND listing_id = ?", platform, listingID).Scan(&h)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("listing %s/%s: %w", platform, listingID, err)
	}
	return h != "" && h == contentHash, nil
}

// Known reports whether a listing is stored under this platform and id.
func (s *Store) Known(ctx context.Context, platform, listingID string) (bool, error) {
	var one int
	err := s.rq.QueryRowContext(ctx, "SELECT 1 FROM listings WHERE platform = ? AND listing_id = ?", platform, listingID).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("listing %s/%s: %w", platform, listingID, err)
	}
	return true, nil
}

// Seen records that an unchanged listing was seen again at at, by an
// unnamed target: it is SeenBy for every target that claims the listing.
func (s *Store) Seen(ctx context.Context, platform, listingID string, at time.Time) error {
	return s.SeenBy(ctx, platform, listingID, "", at)
}

// SeenBy records that target saw an unchanged listing again at at: it
// bumps last_seen of the listing, of its ticket and of target's claim on it
// (all claims when target is ""), and reactivates a removed listing (an
// audited "reappeared" change with a ticket.updated event). Replaying it
// changes nothing.
func (s *Store) SeenBy(ctx context.Context, platform, listingID, target string, at time.Time) error {
	err := s.write(ctx, func(tx *wtx) error {
		return s.seen(ctx, tx, platform, listingID, target, at)
	})
	if err != nil {
		return fmt.Errorf("seen %s/%s: %w", platform, listingID, err)
	}
	return nil
}

func (s *Store) seen(ctx context.Context, tx *wtx, platform, listingID, target string, at time.Time) error {
	var status string
	var lastSeen int64
	err := tx.QueryRowContext(ctx, "SELECT status, last_seen FROM listings WHERE platform = ? AND listing_id = ?",
		platform, listingID).Scan(&status, &lastSeen)
	if errors.Is(err, sql.ErrNoRows) {
		return precwatch.Errorf(precwatch.ENOTFOUND, "listing %s/%s not found", platform, listingID)
	}
	if err != nil {
		return err
	}
	atN := ns(at)
	if err := claim(ctx, tx, platform, listingID, target, atN); err != nil {
		return err
	}
	if status == precwatch.ListingActive && lastSeen >= atN {
		return nil
	}
	if _, err := tx.ExecContext(ctx, `UPDATE listings SET last_seen = MAX(last_seen, ?), status = 'active', removed_at = NULL
		WHERE platform = ? AND listing_id = ?`, atN, platform, listingID); err != nil {
		return err
	}
	t, err := ticketByListing(ctx, tx, platform, listingID)
	if err != nil || t == nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "UPDATE tickets SET last_seen = MAX(last_seen, ?) WHERE id = ?", atN, t.ID); err != nil {
		return err
	}
	if t.ListingStatus != precwatch.ListingRemoved {
		return nil
	}
	if _, err := tx.ExecContext(ctx, "UPDATE tickets SET listing_status = 'active', removed_at = NULL, updated_at = ? WHERE id = ?", atN, t.ID); err != nil {
		return err
	}
	return s.changed(ctx, tx, t.ID, at, precwatch.EventTicketUpdated, []auditEntry{{
		action: "reappeared", from: precwatch.ListingRemoved, to: precwatch.ListingActive, reason: "listing seen again on the platform"}})
}

// claim records that target saw the listing at atN (every target's claim
// when target is ""): a complete run of a target removes a listing only
// when no other target still claims it (MarkMissing).
func claim(ctx context.Context, tx *wtx, platform, listingID, target string, atN int64) error {
	if target == "" {
		_, err := tx.ExecContext(ctx, "UPDATE listing_targets SET last_seen = ? WHERE platform = ? AND listing_id = ? AND last_seen < ?",
			atN, platform, listingID, atN)
		return err
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO listing_targets (platform, listing_id, target, last_seen) VALUES (?, ?, ?, ?)
		ON CONFLICT (platform, listing_id, target) DO UPDATE SET last_seen = MAX(last_seen, excluded.last_seen)`,
		platform, listingID, target, atN)
	return err
}

// Record stores the listing and its match, in one transaction: it upserts
// the listing's state, evidence history and observables, and when the match
// is suspicious creates the listing's ticket (status open) or updates it,
// emitting ticket.created or ticket.updated to the outbox. A listing that
// stops being suspicious keeps its ticket, with a "cleared" audit entry.
//
// A result whose content hash differs from the stored one (or a new
// listing) is a sighting: the listing is active and last seen at at, and a
// removed listing reappears. A result with the stored content hash and a
// new verdict (a rescan after a watchlist change) is a re-evaluation: the
// verdict and the ticket are updated, but the listing's status and
// last_seen are not — re-matching a listing is not seeing it. A ticket
// raised by a rescan on a removed listing is created with listing_status
// removed. Replaying the same call changes nothing.
func (s *Store) Record(ctx context.Context, r precwatch.Result, at time.Time) (*Outcome, error) {
	l := &r.Listing
	if l.Platform == "" || l.ID == "" {
		return nil, precwatch.Errorf(precwatch.EINVALID, "record listing: platform and id are required (got %q, %q)", l.Platform, l.ID)
	}
	if l.ContentHash == "" {
		l.ContentHash = ContentHash(*l)
	}
	resultJSON, err := json.Marshal(r)
	if err != nil {
		return nil, fmt.Errorf("record %s/%s: %w", l.Platform, l.ID, err)
	}
	digest := resultDigest(r)
	var out *Outcome
	err = s.write(ctx, func(tx *wtx) error {
		var err error
		out, err = s.record(ctx, tx, &r, string(resultJSON), digest, at)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("record %s/%s: %w", l.Platform, l.ID, err)
	}
	return out, nil
}

// RecordBatch records rs as Record does, all in one transaction: all of
// them or, on error, none. It is for sequential callers with many results
// at hand (a rescan), where one commit per listing would dominate; replaying
// a batch changes nothing, like replaying Record.
func (s *Store) RecordBatch(ctx context.Context, rs []precwatch.Result, at time.Time) ([]*Outcome, error) {
	type prepared struct {
		r            precwatch.Result
		json, digest string
	}
	ps := make([]prepared, len(rs))
	for i, r := range rs {
		l := &r.Listing
		if l.Platform == "" || l.ID == "" {
			return nil, precwatch.Errorf(precwatch.EINVALID, "record listing %d of the batch: platform and id are required (got %q, %q)", i, l.Platform, l.ID)
		}
		if l.ContentHash == "" {
			l.ContentHash = ContentHash(*l)
		}
		b, err := json.Marshal(r)
		if err != nil {
			return nil, fmt.Errorf("record %s/%s: %w", l.Platform, l.ID, err)
		}
		ps[i] = prepared{r: r, json: string(b), digest: resultDigest(r)}
	}
	outs := make([]*Outcome, len(rs))
	err := s.write(ctx, func(tx *wtx) error {
		for i := range ps {
			out, err := s.record(ctx, tx, &ps[i].r, ps[i].json, ps[i].digest, at)
			if err != nil {
				return fmt.Errorf("record %s/%s: %w", ps[i].r.Listing.Platform, ps[i].r.Listing.ID, err)
			}
			outs[i] = out
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("record batch: %w", err)
	}
	return outs, nil
}

// ContentHash returns the SHA-256 (hex) of a listing's content fields, the
// hash Record uses when the crawler left Listing.ContentHash empty.
func ContentHash(l precwatch.Listing) string {
	l.FetchedAt, l.ContentHash, l.EvidenceHash = time.Time{}, "", ""
	b, _ := json.Marshal(l)
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// resultDigest identifies a result regardless of when it was fetched, so
// that a replayed Record is recognised as such.
func resultDigest(r precwatch.Result) string {
	r.Listing.FetchedAt = time.Time{}
	b, _ := json.Marshal(r)
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

func (s *Store) record(ctx context.Context, tx *wtx, r *precwatch.Result, resultJSON, digest string, at time.Time) (*Outcome, error) {
	l := &r.Listing
	atN := ns(at)
	suspicious := r.Match.Suspicious
	var (
		oldDigest, oldStatus, oldHash string
		firstSeen, lastSeen           int64
		flagged, removedAt            sql.NullInt64
	)
	load := func() error {
		return tx.QueryRowContext(ctx, `SELECT digest, status, content_hash, first_seen, last_seen, flagged_at, removed_at
			FROM listings WHERE platform = ? AND listing_id = ?`,
			l.Platform, l.ID).Scan(&oldDigest, &oldStatus, &oldHash, &firstSeen, &lastSeen, &flagged, &removedAt)
	}
	err := load()
	if errors.Is(err, sql.ErrNoRows) {
		// One offer is one listing whether a target read the platform's
		// id for it or fell back to its URL: a result under an id not
		// stored that is the same offer as a stored listing is that
		// listing.
		storedID, err := resolveByURL(ctx, tx, l.Platform, l.ID, l.URL, l.Seller)
		if err != nil {
			return nil, err
		}
		if storedID != l.ID {
			same, err := sameContent(ctx, tx, l.Platform, storedID, l)
			if err != nil {
				return nil, err
			}
			if same {
				// The same content under the other identity: a
				// sighting of the stored listing, not a new version.
				if err := s.seen(ctx, tx, l.Platform, storedID, l.Target, at); err != nil {
					return nil, err
				}
				t, err := ticketByListing(ctx, tx, l.Platform, storedID)
				if err != nil || t == nil {
					return &Outcome{}, err
				}
				return &Outcome{Ticket: &t.Ticket}, nil
			}
			if r.Match.ID == l.ID {
				r.Match.ID = storedID
			}
			l.ID = storedID
			b, err := json.Marshal(r)
			if err != nil {
				return nil, err
			}
			resultJSON, digest = string(b), resultDigest(*r)
			err = load()
		}
	}
	exists := err == nil
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return nil, err
	}
	contentChanged := !exists || oldDigest != digest
	// A new content version is a sighting on the platform: the listing is
	// active and seen at at. The same content with a new verdict is a
	// re-evaluation (a rescan): where the listing stands and when it was
	// last seen are left alone.
	sighting := !exists || oldHash != l.ContentHash
	if !exists {
		firstSeen, lastSeen, oldStatus = atN, atN, precwatch.ListingActive
	}
	if suspicious && !flagged.Valid {
		flagged = sql.NullInt64{Int64: atN, Valid: true}
	}
	if sighting {
		lastSeen = max(lastSeen, atN)
		oldStatus, removedAt = precwatch.ListingActive, sql.NullInt64{}
	}
	switch {
	case !exists:
		_, err = tx.ExecContext(ctx, `INSERT INTO listings (platform, listing_id, target, url, seller, content_hash, evidence_hash,
			digest, result, suspicious, score, status, first_seen, last_seen, flagged_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'active', ?, ?, ?)`,
			l.Platform, l.ID, l.Target, l.URL, l.Seller, l.ContentHash, l.EvidenceHash, digest, resultJSON,
			suspicious, r.Match.Score, atN, atN, flagged)
	case contentChanged:
		_, err = tx.ExecContext(ctx, `UPDATE listings SET target = ?, url = ?, seller = ?, content_hash = ?, evidence_hash = ?,
			digest = ?, result = ?, suspicious = ?, score = ?, status = ?, removed_at = ?, last_seen = ?, flagged_at = ?
			WHERE platform = ? AND listing_id = ?`,
			l.Target, l.URL, l.Seller, l.ContentHash, l.EvidenceHash, digest, resultJSON, suspicious, r.Match.Score,
			oldStatus, removedAt, lastSeen, flagged, l.Platform, l.ID)
	}
	if err != nil {
		return nil, err
	}
	if sighting {
		if err := claim(ctx, tx, l.Platform, l.ID, l.Target, atN); err != nil {
			return nil, err
		}
	}
	if contentChanged {
		// Observables are evidence of what the seller published: those
		// of earlier versions stay (an edit must not cut the link
		// between a seller's accounts), each with when a version
		// holding it was first and last recorded.
		for _, o := range r.Match.Observables {
			if o.Type == "" || o.Value == "" {
				continue
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO observables (platform, listing_id, type, value, first_seen, last_seen)
				VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (platform, listing_id, type, value)
				DO UPDATE SET last_seen = MAX(last_seen, excluded.last_seen)`,
				l.Platform, l.ID, o.Type, o.Value, atN, atN); err != nil {
				return nil, err
			}
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO listing_versions (platform, listing_id, content_hash, evidence_hash, seen_at)
			VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`, l.Platform, l.ID, l.ContentHash, l.EvidenceHash, atN); err != nil {
			return nil, err
		}
	}

	t, err := ticketByListing(ctx, tx, l.Platform, l.ID)
	if err != nil {
		return nil, err
	}
	want := ticketFields(r)
	if t == nil {
		if !suspicious {
			return &Outcome{}, nil
		}
		subs, _ := json.Marshal(want.Substances)
		inds, _ := json.Marshal(want.Indicators)
		res, err := tx.ExecContext(ctx, `INSERT INTO tickets (platform, listing_id, status, target, listing_url, listing_status, removed_at,
			title, seller, score, substances, indicators, suspicious, first_seen, last_seen, flagged_at, content_hash, evidence_hash, updated_at,
			flagged_result)
			VALUES (?, ?, 'open', ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?)`,
			l.Platform, l.ID, l.Target, l.URL, oldStatus, removedAt, want.Title, want.Seller, want.Score, string(subs), string(inds),
			firstSeen, lastSeen, flagged.Int64, l.ContentHash, l.EvidenceHash, atN, resultJSON)
		if err != nil {
			return nil, err
		}
		id, err := res.LastInsertId()
		if err != nil {
			return nil, err
		}
		reason := strings.Join(r.Match.Explain, "; ")
		if reason == "" {
			reason = fmt.Sprintf("suspicious listing, score %.2f", r.Match.Score)
		}
		nt, err := s.changedTicket(ctx, tx, id, at, precwatch.EventTicketCreated, []auditEntry{{
			action: "created", to: precwatch.StatusOpen, reason: reason}})
		if err != nil {
			return nil, err
		}
		return &Outcome{Ticket: &nt.Ticket, Created: true}, nil
	}

	// The ticket exists: update what changed.
	//
	// A listing edited into something that is not suspicious (a sighting
	// of new content with a harmless verdict) keeps its ticket as it was
	// flagged: title, substances, indicators, score and evidence stay those
	// of the offer that was made, which is what the reviewer must judge
	// and report (sellers edit a flagged listing to hide it). Only where
	// the listing stands and when it was seen change. A re-evaluation of
	// the same content (a rescan after a watchlist change) does update
	// the ticket to the new verdict: then it is our judgement that changed.
	keep := !suspicious && sighting
	contentHash, evidenceHash := l.ContentHash, l.EvidenceHash
	if keep {
		want.Title, want.Seller, want.Score, want.Substances, want.Indicators = t.Title, t.Seller, t.Score, t.Substances, t.Indicators
		contentHash, evidenceHash = t.ContentHash, t.EvidenceHash
	}
	status := t.Status
	var audit []auditEntry
	if sighting && t.ListingStatus == precwatch.ListingRemoved {
		audit = append(audit, auditEntry{action: "reappeared", from: precwatch.ListingRemoved, to: precwatch.ListingActive,
			reason: "listing seen again on the platform"})
	}
	if suspicious != t.suspicious {
		if suspicious {
			audit = append(audit, auditEntry{action: "flagged", from: "not suspicious", to: "suspicious",
				reason: fmt.Sprintf("listing suspicious again, score %.2f", want.Score)})
		} else if keep {
			audit = append(audit, auditEntry{action: "cleared", from: "suspicious", to: "not suspicious",
				reason: fmt.Sprintf("listing changed and no longer suspicious (score %.2f, title now %q); ticket kept with the evidence of the flagged version %s",
					r.Match.Score, l.Title, t.EvidenceHash)})
		} else {
			audit = append(audit, auditEntry{action: "cleared", from: "suspicious", to: "not suspicious",
				reason: fmt.Sprintf("listing no longer suspicious, score %.2f; ticket kept", want.Score)})
		}
	}
	// A dismissed ticket stays dismissed while its listing offers what the
	// reviewer saw. A new version that offers more (a substance or a risk
	// indicator the ticket did not have), or a rescan that finds more in it
	// (a watchlist update), is a new case: back to the queue.
	if t.Status == precwatch.StatusDismissed && suspicious {
		if added := addedItems(t.Ticket, want); len(added) > 0 {
			why := "listing changed after it was dismissed"
			if !sighting {
				why = "listing re-matched after it was dismissed"
			}
			status = precwatch.StatusOpen
			audit = append(audit, auditEntry{action: "status", from: precwatch.StatusDismissed, to: precwatch.StatusOpen,
				reason: why + ": now also " + strings.Join(added, ", ")})
		}
	}
	var diffs []string
	if want.Score != t.Score {
		diffs = append(diffs, fmt.Sprintf("score %.2f -> %.2f", t.Score, want.Score))
	}
	if want.Title != t.Title {
		diffs = append(diffs, "title")
	}
	if want.Seller != t.Seller {
		diffs = append(diffs, "seller")
	}
	if l.URL != t.ListingURL {
		diffs = append(diffs, "url")
	}
	if !slices.Equal(want.Substances, t.Substances) {
		diffs = append(diffs, "substances")
	}
	if !slices.Equal(want.Indicators, t.Indicators) {
		diffs = append(diffs, "indicators")
	}
	if contentHash != t.ContentHash || evidenceHash != t.EvidenceHash {
		diffs = append(diffs, "evidence")
	}
	if len(diffs) > 0 && (suspicious || t.suspicious) {
		audit = append(audit, auditEntry{action: "updated", reason: "changed: " + strings.Join(diffs, ", ")})
	}
	if len(audit) == 0 && len(diffs) == 0 {
		if t.LastSeen.UnixNano() < lastSeen {
			if _, err := tx.ExecContext(ctx, "UPDATE tickets SET last_seen = ? WHERE id = ?", lastSeen, t.ID); err != nil {
				return nil, err
			}
			t.LastSeen = fromNS(lastSeen)
		}
		return &Outcome{Ticket: &t.Ticket}, nil
	}
	subs, _ := json.Marshal(want.Substances)
	inds, _ := json.Marshal(want.Indicators)
	if _, err := tx.ExecContext(ctx, `UPDATE tickets SET target = ?, listing_url = ?, listing_status = ?, removed_at = ?,
		title = ?, seller = ?, score = ?, substances = ?, indicators = ?, suspicious = ?, last_seen = MAX(last_seen, ?),
		content_hash = ?, evidence_hash = ?, updated_at = ?, status = ?,
		flagged_result = CASE WHEN ? THEN ? ELSE flagged_result END WHERE id = ?`,
		l.Target, l.URL, oldStatus, removedAt, want.Title, want.Seller, want.Score, string(subs), string(inds), suspicious, lastSeen,
		contentHash, evidenceHash, atN, status, suspicious, resultJSON, t.ID); err != nil {
		return nil, err
	}
	if len(audit) == 0 {
		// A listing that is not suspicious changed: keep the ticket current
		// without notifying anyone.
		nt, err := ticketByID(ctx, tx, t.ID)
		if err != nil {
			return nil, err
		}
		return &Outcome{Ticket: &nt.Ticket}, nil
	}
	nt, err := s.changedTicket(ctx, tx, t.ID, at, precwatch.EventTicketUpdated, audit)
	if err != nil {
		return nil, err
	}
	return &Outcome{Ticket: &nt.Ticket, Updated: true}, nil
}

// addedItems names the substances and indicators of want that t lacks.
func addedItems(t, want precwatch.Ticket) []string {
	var out []string
	for _, s := range want.Substances {
		if !slices.ContainsFunc(t.Substances, func(o precwatch.TicketSubstance) bool { return o.ID == s.ID }) {
			out = append(out, s.Name)
		}
	}
	for _, in := range want.Indicators {
		if !slices.Contains(t.Indicators, in) {
			out = append(out, in)
		}
	}
	return out
}

// ticketFields returns the ticket fields derived from a result.
func ticketFields(r *precwatch.Result) precwatch.Ticket {
	t := precwatch.Ticket{
		Title:      r.Listing.Title,
		Seller:     r.Listing.Seller,
		Score:      r.Match.Score,
		Substances: []precwatch.TicketSubstance{},
		Indicators: []string{},
	}
	for _, sm := range r.Match.Substances {
		if sm.Negated {
			continue
		}
		ts := precwatch.TicketSubstance{ID: sm.ID, CAS: sm.CAS, Name: sm.Name}
		if !slices.Contains(t.Substances, ts) {
			t.Substances = append(t.Substances, ts)
		}
	}
	for _, in := range r.Match.Indicators {
		if in.ID != "" && !slices.Contains(t.Indicators, in.ID) {
			t.Indicators = append(t.Indicators, in.ID)
		}
	}
	return t
}

// MarkGone marks the platform's active listings at these URLs removed (the
// platform answered 404 or 410) and returns how many it marked.
func (s *Store) MarkGone(ctx context.Context, platform string, urls []string, at time.Time) (int, error) {
	n := 0
	err := s.write(ctx, func(tx *wtx) error {
		for chunk := range slices.Chunk(urls, 400) {
			args := []any{platform}
			for _, u := range chunk {
				args = append(args, u)
			}
			ids, err := listingIDs(ctx, tx, `SELECT listing_id FROM listings INDEXED BY listings_url WHERE platform = ? AND status = 'active'
				AND url IN (`+placeholders(len(chunk))+`)`, args...)
			if err != nil {
				return err
			}
			for _, id := range ids {
				if err := s.remove(ctx, tx, platform, id, at, "listing gone from the platform (HTTP 404/410)"); err != nil {
					return err
				}
				n++
			}
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("mark gone %s: %w", platform, err)
	}
	return n, nil
}

// MarkMissing is called after a complete crawl run of target that started at
// runStarted: target drops its claim on the listings it has not seen since
// (those at the URLs in keep excepted: pages robots.txt hid), and those of
// them still active that no other target of the platform claims become
// removed, their tickets' listing_status too, keeping the time from flag to
// removal. A listing another target still sees stays active. It returns how
// many listings it marked.
func (s *Store) MarkMissing(ctx context.Context, platform, target string, runStarted, at time.Time, keep ...string) (int, error) {
	n := 0
	err := s.write(ctx, func(tx *wtx) error {
		ids, err := listingIDs(ctx, tx, `SELECT listing_id FROM listing_targets WHERE platform = ? AND target = ? AND last_seen < ?`,
			platform, target, ns(runStarted))
		if err != nil {
			return err
		}
		if len(keep) > 0 {
			// Listings at pages the crawl was not allowed to read
			// (robots.txt) are unknown, not missing.
			kept, err := keptIDs(ctx, tx, platform, keep)
			if err != nil {
				return err
			}
			ids = slices.DeleteFunc(ids, func(id string) bool { return kept[id] })
		}
		reason := fmt.Sprintf("absent from the complete crawl of %s started %s", target, runStarted.UTC().Format(time.RFC3339))
		for _, id := range ids {
			if _, err := tx.ExecContext(ctx, "DELETE FROM listing_targets WHERE platform = ? AND listing_id = ? AND target = ?",
				platform, id, target); err != nil {
				return err
			}
			var gone int
			if err := tx.QueryRowContext(ctx, `SELECT status = 'active' AND NOT EXISTS (SELECT 1 FROM listing_targets c
				WHERE c.platform = l.platform AND c.listing_id = l.listing_id) FROM listings l WHERE platform = ? AND listing_id = ?`,
				platform, id).Scan(&gone); err != nil {
				return err
			}
			if gone == 0 {
				continue
			}
			if err := s.remove(ctx, tx, platform, id, at, reason); err != nil {
				return err
			}
			n++
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("mark missing %s/%s: %w", platform, target, err)
	}
	return n, nil
}

func (s *Store) remove(ctx context.Context, tx *wtx, platform, listingID string, at time.Time, reason string) error {
	atN := ns(at)
	if _, err := tx.ExecContext(ctx, "UPDATE listings SET status = 'removed', removed_at = ? WHERE platform = ? AND listing_id = ?",
		atN, platform, listingID); err != nil {
		return err
	}
	t, err := ticketByListing(ctx, tx, platform, listingID)
	if err != nil || t == nil || t.ListingStatus == precwatch.ListingRemoved {
		return err
	}
	if _, err := tx.ExecContext(ctx, "UPDATE tickets SET listing_status = 'removed', removed_at = ?, updated_at = ? WHERE id = ?",
		atN, atN, t.ID); err != nil {
		return err
	}
	reason += fmt.Sprintf("; %s after it was flagged", at.Sub(t.flaggedAt).Round(time.Second))
	return s.changed(ctx, tx, t.ID, at, precwatch.EventTicketUpdated, []auditEntry{{
		action: "removed", from: precwatch.ListingActive, to: precwatch.ListingRemoved, reason: reason}})
}

func listingIDs(ctx context.Context, q queryer, query string, args ...any) ([]string, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

func placeholders(n int) string {
	if n <= 0 {
		return "NULL"
	}
	return strings.TrimSuffix(strings.Repeat("?, ", n), ", ")
}

// platformScope returns the SQL clause (starting with keyword, WHERE or AND)
// that keeps rows of col within platforms, and its arguments; nothing when
// platforms is empty (every platform).
func platformScope(keyword, col string, platforms []string) (string, []any) {
	if len(platforms) == 0 {
		return "", nil
	}
	args := make([]any, len(platforms))
	for i, p := range platforms {
		args[i] = p
	}
	return " " + keyword + " " + col + " IN (" + placeholders(len(platforms)) + ")", args
}

// auditEntry is one row of a ticket's audit log, before it is written.
type auditEntry struct {
	actor, action, from, to, reason string
}

// changed writes audit entries for ticket id and one outbox event of type
// typ carrying the ticket as it is now; the event's ID (its idempotency key)
// names the ticket and its last audit entry.
func (s *Store) changed(ctx context.Context, tx *wtx, id int64, at time.Time, typ string, audit []auditEntry) error {
	_, err := s.changedTicket(ctx, tx, id, at, typ, audit)
	return err
}

// changedTicket is changed, returning the ticket as it is now.
func (s *Store) changedTicket(ctx context.Context, tx *wtx, id int64, at time.Time, typ string, audit []auditEntry) (*ticketRow, error) {
	var last int64
	changes := make([]precwatch.EventChange, 0, len(audit))
	for _, a := range audit {
		if a.actor == "" {
			a.actor = Actor
		}
		changes = append(changes, precwatch.EventChange{Actor: a.actor, Action: a.action, From: a.from, To: a.to, Reason: a.reason})
		res, err := tx.ExecContext(ctx, `INSERT INTO ticket_events (ticket_id, at, actor, action, from_value, to_value, reason)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, id, ns(at), a.actor, a.action, a.from, a.to, a.reason)
		if err != nil {
			return nil, err
		}
		if last, err = res.LastInsertId(); err != nil {
			return nil, err
		}
	}
	t, err := ticketByID(ctx, tx, id)
	if err != nil {
		return nil, err
	}
	e := precwatch.Event{
		ID:       fmt.Sprintf("ticket-%d-event-%d", id, last),
		Type:     typ,
		Platform: t.Platform,
		Time:     at.UTC(),
		Ticket:   t.Ticket,
		Changes:  changes,
	}
	b, err := json.Marshal(e)
	if err != nil {
		return nil, err
	}
	if _, err = tx.ExecContext(ctx, `INSERT INTO outbox (event_id, event, platform, created_at, next_attempt_at)
		VALUES (?, ?, ?, ?, 0) ON CONFLICT (event_id) DO NOTHING`, e.ID, string(b), e.Platform, ns(at)); err != nil {
		return nil, err
	}
	return t, nil
}

// keptIDs returns the ids of the platform's listings at the given URLs.
func keptIDs(ctx context.Context, tx *wtx, platform string, urls []string) (map[string]bool, error) {
	kept := map[string]bool{}
	for chunk := range slices.Chunk(urls, 400) {
		args := []any{platform}
		for _, u := range chunk {
			args = append(args, u)
		}
		ids, err := listingIDs(ctx, tx, `SELECT listing_id FROM listings WHERE platform = ? AND url IN (`+placeholders(len(chunk))+`)`, args...)
		if err != nil {
			return nil, err
		}
		for _, id := range ids {
			kept[id] = true
		}
	}
	return kept, nil
}

// resolveID returns the stored identity of a listing read under id at
// listingURL: id itself when it is stored or no stored listing is the same
// offer. A result without an id of its own (its id is its URL) is the stored
// listing at that URL that has one, and a result with an id is the stored
// listing keyed by its URL. URLs compare without trailing slashes. Where
// the URL does not single out one offer (several stored listings with ids
// share it: a feed whose items link to the same page), or the sellers
// differ, nothing is merged.
func resolveID(ctx context.Context, q queryer, platform, id, listingURL, seller string) (string, error) {
	if listingURL == "" {
		return id, nil
	}
	var one int
	err := q.QueryRowContext(ctx, "SELECT 1 FROM listings WHERE platform = ? AND listing_id = ?", platform, id).Scan(&one)
	if err == nil {
		return id, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return "", err
	}
	return resolveByURL(ctx, q, platform, id, listingURL, seller)
}

// resolveByURL is resolveID for an id known not to be stored.
func resolveByURL(ctx context.Context, q queryer, platform, id, listingURL, seller string) (string, error) {
	if listingURL == "" {
		return id, nil
	}
	forms := urlForms(listingURL)
	urlKeyed := slices.Contains(forms, id)
	args := []any{platform, forms[0], forms[1], forms[2]}
	rows, err := q.QueryContext(ctx, `SELECT listing_id, url, seller FROM listings INDEXED BY listings_url WHERE platform = ?1 AND url IN (?2, ?3, ?4)
		UNION ALL SELECT listing_id, url, seller FROM listings WHERE platform = ?1 AND listing_id IN (?2, ?3, ?4)`, args...)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	var keyed, withID []string // stored listings keyed by this URL, and with an id of their own at it
	sellers := map[string]string{}
	for rows.Next() {
		var sid, surl, sseller string
		if err := rows.Scan(&sid, &surl, &sseller); err != nil {
			return "", err
		}
		if _, dup := sellers[sid]; dup {
			continue
		}
		sellers[sid] = sseller
		if slices.Contains(forms, sid) {
			keyed = append(keyed, sid)
		} else if !slices.Contains(urlForms(surl), sid) {
			withID = append(withID, sid)
		}
	}
	if err := rows.Err(); err != nil {
		return "", err
	}
	var cand string
	switch {
	case urlKeyed && len(withID) == 1:
		cand = withID[0]
	case urlKeyed && len(withID) == 0 && len(keyed) == 1:
		cand = keyed[0] // the same URL with or without its trailing slash
	case !urlKeyed && len(keyed) == 1 && len(withID) == 0:
		cand = keyed[0]
	default:
		return id, nil
	}
	if seller != "" && sellers[cand] != "" && !strings.EqualFold(strings.TrimSpace(seller), strings.TrimSpace(sellers[cand])) {
		return id, nil
	}
	return cand, nil
}

// urlForms returns u, and u without and with a trailing slash on its path.
func urlForms(u string) []string {
	p, err := url.Parse(u)
	if err != nil || len(p.Path) <= 1 {
		return []string{u, u, u}
	}
	p.RawPath = ""
	p.Path = strings.TrimRight(p.Path, "/")
	if p.Path == "" {
		return []string{u, u, u}
	}
	bare := p.String()
	p.Path += "/"
	return []string{u, bare, p.String()}
}

// sameContent reports whether the stored listing id has the content of l
// (every field of the offer; not its id, target, hashes or fetch time).
func sameContent(ctx context.Context, q queryer, platform, id string, l *precwatch.Listing) (bool, error) {
	var js string
	if err := q.QueryRowContext(ctx, "SELECT result FROM listings WHERE platform = ? AND listing_id = ?", platform, id).Scan(&js); err != nil {
		return false, err
	}
	var old precwatch.Result
	if err := json.Unmarshal([]byte(js), &old); err != nil {
		return false, err
	}
	o := &old.Listing
	norm := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	if urlForms(o.URL)[1] != urlForms(l.URL)[1] {
		return false, nil
	}
	for _, p := range [][2]string{{o.Title, l.Title}, {o.Description, l.Description}, {o.Price, l.Price}, {o.Seller, l.Seller}, {o.Location, l.Location}} {
		if norm(p[0]) != norm(p[1]) {
			return false, nil
		}
	}
	// An attribute kept as the site wrote it (precwatch.AsWrittenSuffix,
	// a relative date's phrase) is no part of the content.
	content := func(m map[string]string) int {
		n := 0
		for k := range m {
			if !strings.HasSuffix(k, precwatch.AsWrittenSuffix) {
				n++
			}
		}
		return n
	}
	if content(o.Attributes) != content(l.Attributes) {
		return false, nil
	}
	for k, v := range o.Attributes {
		if strings.HasSuffix(k, precwatch.AsWrittenSuffix) {
			continue
		}
		if w, ok := l.Attributes[k]; !ok || norm(v) != norm(w) {
			return false, nil
		}
	}
	return true, nil
}

// Resolve returns the identity under which the listing read as id at
// listingURL (sold by seller) is stored, as Record resolves it: id itself
// unless a stored listing is the same offer under its platform id or its
// URL. The pipeline indexes a listing under it.
func (s *Store) Resolve(ctx context.Context, platform, id, listingURL, seller string) (string, error) {
	got, err := resolveID(ctx, s.rq, platform, id, listingURL, seller)
	if err != nil {
		return "", fmt.Errorf("resolve listing %s/%s: %w", platform, id, err)
	}
	return got, nil
}

// FlaggedVersion reports whether the listing has a ticket raised for a
// version other than the one with contentHash — the listing was edited
// after it was flagged — and returns that flagged version (nil for tickets
// written before precwatch kept it). The pipeline keeps such a listing
// searchable as it was flagged.
func (s *Store) FlaggedVersion(ctx context.Context, platform, listingID, contentHash string) (*precwatch.Result, bool, error) {
	var hash, js string
	err := s.rq.QueryRowContext(ctx, "SELECT content_hash, flagged_result FROM tickets WHERE platform = ? AND listing_id = ?",
		platform, listingID).Scan(&hash, &js)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, fmt.Errorf("ticket of listing %s/%s: %w", platform, listingID, err)
	}
	if hash == contentHash {
		return nil, false, nil
	}
	if js == "" {
		return nil, true, nil
	}
	var r precwatch.Result
	if err := json.Unmarshal([]byte(js), &r); err != nil {
		return nil, false, fmt.Errorf("flagged version of %s/%s: %w", platform, listingID, err)
	}
	return &r, true, nil
}
