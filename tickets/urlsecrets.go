package tickets

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/precwatch/precwatch"
)

// Listing URLs without secrets. A listing without an address of its own is
// named by its page's, and a feed's pages carry the target's API key when
// its start URL does (?api_key=…, https://user:pass@…); without an id of
// its own, the listing is identified by that URL too. The crawler delivers
// such URLs and ids with the secret shown as precwatch.SecretMask
// (precwatch.RedactSecrets, the rules that mask a target's URLs).
//
// Listings stored before hold the secret. Rather than match on the masked
// form forever (every lookup by id or URL would need it, and the secret
// would stay in the database, its exports and webhooks), migration 0006
// rewrites them once, in its transaction: every listing id and URL, the
// ids of its versions, observables and target claims, its ticket's id and
// URL, the stored and flagged results and the outbox's events are
// rewritten to their masked form, so a listing read again is found under
// the id it is now delivered with and updates its ticket. The content hash
// the crawler gave it covers its id and URL: it is recomputed for the
// masked listing (its version and ticket too) where the stored one is the
// crawler's, so that reading the listing again is a sighting, not a new
// version announced to the platform as changed evidence. Nothing is merged
// or dropped: when two stored ids differ only in a secret (a key that
// changed), the one seen last takes the masked id and each other one the id
// with <redacted-2>, <redacted-3>, … in the mask's place. The listings
// whose index documents must be replaced are listed in index_renames until
// the pipeline has done it (IndexRenames, IndexRenamed). The file is then
// vacuumed, so that no freed page keeps a secret.

// goMigrations are the steps of migrations that SQL cannot express, by
// version: each runs in the migration's transaction after its SQL and
// returns how many rows it rewrote.
var goMigrations = map[int]func(context.Context, *wtx) (int, error){
	6: redactStoredListingURLs,
	7: addRunNoteColumns,
}

// vacuum rewrites the database file and truncates the WAL: rows rewritten
// to drop a secret leave their old bytes in freed pages until then.
func (s *Store) vacuum(ctx context.Context) error {
	for _, q := range []string{"VACUUM", "PRAGMA wal_checkpoint(TRUNCATE)"} {
		if _, err := s.w.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("%s: %w", q, err)
		}
	}
	return nil
}

// redactStoredListingURLs is migration 0006's step (see above).
func redactStoredListingURLs(ctx context.Context, tx *wtx) (int, error) {
	// A listing's id moves with the rows that refer to it; the foreign
	// keys are checked at commit.
	if _, err := tx.tx.ExecContext(ctx, "PRAGMA defer_foreign_keys = ON"); err != nil {
		return 0, err
	}
	type listing struct {
		platform, id, url string
	}
	var todo []listing
	rows, err := tx.tx.QueryContext(ctx, "SELECT platform, listing_id, url FROM listings ORDER BY platform, last_seen DESC, listing_id")
	if err != nil {
		return 0, err
	}
	for rows.Next() {
		var l listing
		if err := rows.Scan(&l.platform, &l.id, &l.url); err != nil {
			rows.Close()
			return 0, err
		}
		if precwatch.RedactSecrets(l.id) != l.id || precwatch.RedactSecrets(l.url) != l.url {
			todo = append(todo, l)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, err
	}
	n := 0
	renamed := map[[2]string]string{}  // (platform, old id) → new id
	rehashed := map[[2]string]string{} // (platform, old content hash) → new
	for _, l := range todo {
		newID := precwatch.RedactSecrets(l.id)
		if newID != l.id {
			if newID, err = freeListingID(ctx, tx, l.platform, newID); err != nil {
				return 0, err
			}
			renamed[[2]string{l.platform, l.id}] = newID
		}
		var js string
		if err := tx.tx.QueryRowContext(ctx, "SELECT result FROM listings WHERE platform = ? AND listing_id = ?", l.platform, l.id).Scan(&js); err != nil {
			return 0, err
		}
		var r precwatch.Result
		if err := json.Unmarshal([]byte(js), &r); err != nil {
			return 0, fmt.Errorf("listing %s/%s: %w", l.platform, newID, err)
		}
		oldHash, newHash := r.Listing.ContentHash, ""
		if oldHash != precwatch.ContentHash(r.Listing) {
			oldHash = "" // not the crawler's hash: left as it is
		}
		redactResult(&r, l.platform, renamed)
		if oldHash != "" {
			newHash = precwatch.ContentHash(r.Listing)
			r.Listing.ContentHash = newHash
			rehashed[[2]string{l.platform, oldHash}] = newHash
		}
		b, err := json.Marshal(r)
		if err != nil {
			return 0, err
		}
		if _, err := tx.tx.ExecContext(ctx, "UPDATE listings SET listing_id = ?, url = ?, result = ?, digest = ?, content_hash = CASE WHEN ? != '' THEN ? ELSE content_hash END WHERE platform = ? AND listing_id = ?",
			newID, precwatch.RedactSecrets(l.url), string(b), resultDigest(r), newHash, newHash, l.platform, l.id); err != nil {
			return 0, err
		}
		if newID != l.id {
			for _, table := range []string{"listing_versions", "observables", "listing_targets", "tickets"} {
				if _, err := tx.tx.ExecContext(ctx, "UPDATE "+table+" SET listing_id = ? WHERE platform = ? AND listing_id = ?",
					newID, l.platform, l.id); err != nil {
					return 0, fmt.Errorf("%s: %w", table, err)
				}
			}
		}
		if newHash != "" {
			for _, table := range []string{"listing_versions", "tickets"} {
				if _, err := tx.tx.ExecContext(ctx, "UPDATE "+table+" SET content_hash = ? WHERE platform = ? AND listing_id = ? AND content_hash = ?",
					newHash, l.platform, newID, oldHash); err != nil {
					return 0, fmt.Errorf("%s: %w", table, err)
				}
			}
		}
		if _, err := tx.tx.ExecContext(ctx, "INSERT OR REPLACE INTO index_renames (platform, old_id, new_id) VALUES (?, ?, ?)",
			l.platform, l.id, newID); err != nil {
			return 0, err
		}
		n++
	}

	// Tickets: their listing's URL and the flagged version.
	type ticket struct {
		id            int64
		platform, url string
		flagged       string
	}
	var tks []ticket
	rows, err = tx.tx.QueryContext(ctx, "SELECT id, platform, listing_url, flagged_result FROM tickets ORDER BY id")
	if err != nil {
		return 0, err
	}
	for rows.Next() {
		var t ticket
		if err := rows.Scan(&t.id, &t.platform, &t.url, &t.flagged); err != nil {
			rows.Close()
			return 0, err
		}
		tks = append(tks, t)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, err
	}
	for _, t := range tks {
		u := precwatch.RedactSecrets(t.url)
		flagged := t.flagged
		if flagged != "" {
			var r precwatch.Result
			if err := json.Unmarshal([]byte(flagged), &r); err != nil {
				return 0, fmt.Errorf("ticket %d: flagged result: %w", t.id, err)
			}
			changed := redactResult(&r, t.platform, renamed)
			if h, ok := rehashed[[2]string{t.platform, r.Listing.ContentHash}]; ok {
				r.Listing.ContentHash, changed = h, true
			}
			if changed {
				b, err := json.Marshal(r)
				if err != nil {
					return 0, err
				}
				flagged = string(b)
			}
		}
		if u == t.url && flagged == t.flagged {
			continue
		}
		if _, err := tx.tx.ExecContext(ctx, "UPDATE tickets SET listing_url = ?, flagged_result = ? WHERE id = ?", u, flagged, t.id); err != nil {
			return 0, err
		}
		n++
	}

	// The outbox: events not delivered yet would send the secret to the
	// platform's webhook; delivered ones keep it in the file.
	type event struct {
		id int64
		js string
	}
	var evs []event
	rows, err = tx.tx.QueryContext(ctx, "SELECT id, event FROM outbox ORDER BY id")
	if err != nil {
		return 0, err
	}
	for rows.Next() {
		var e event
		if err := rows.Scan(&e.id, &e.js); err != nil {
			rows.Close()
			return 0, err
		}
		evs = append(evs, e)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, err
	}
	for _, e := range evs {
		var ev precwatch.Event
		if err := json.Unmarshal([]byte(e.js), &ev); err != nil {
			return 0, fmt.Errorf("outbox %d: %w", e.id, err)
		}
		id := redactID(ev.Ticket.ListingID, ev.Ticket.Platform, renamed)
		u := precwatch.RedactSecrets(ev.Ticket.ListingURL)
		if id == ev.Ticket.ListingID && u == ev.Ticket.ListingURL {
			continue
		}
		ev.Ticket.ListingID, ev.Ticket.ListingURL = id, u
		b, err := json.Marshal(ev)
		if err != nil {
			return 0, err
		}
		if _, err := tx.tx.ExecContext(ctx, "UPDATE outbox SET event = ? WHERE id = ?", string(b), e.id); err != nil {
			return 0, err
		}
		n++
	}
	return n, nil
}

// freeListingID returns id (a masked listing id) if no listing of platform
// is stored under it, else the first of id with <redacted-2>,
// <redacted-3>, … in place of its masks that is free.
func freeListingID(ctx context.Context, tx *wtx, platform, id string) (string, error) {
	cand := id
	for n := 2; ; n++ {
		var one int
		err := tx.tx.QueryRowContext(ctx, "SELECT 1 FROM listings WHERE platform = ? AND listing_id = ?", platform, cand).Scan(&one)
		if err == sql.ErrNoRows {
			return cand, nil
		}
		if err != nil {
			return "", err
		}
		mask := strings.TrimSuffix(precwatch.SecretMask, ">") + "-" + strconv.Itoa(n) + ">"
		cand = strings.ReplaceAll(id, precwatch.SecretMask, mask)
	}
}

// redactID returns the id a stored listing id of platform has after the
// migration: its new id if it was renamed, else id masked.
func redactID(id, platform string, renamed map[[2]string]string) string {
	if n, ok := renamed[[2]string{platform, id}]; ok {
		return n
	}
	return precwatch.RedactSecrets(id)
}

// redactResult masks the secrets of r's listing and match ids and URLs
// (renamed ids take their new names) and reports whether it changed any.
func redactResult(r *precwatch.Result, platform string, renamed map[[2]string]string) bool {
	old := [4]string{r.Listing.ID, r.Listing.URL, r.Match.ID, r.Match.URL}
	r.Listing.ID = redactID(r.Listing.ID, platform, renamed)
	r.Match.ID = redactID(r.Match.ID, platform, renamed)
	r.Listing.URL = precwatch.RedactSecrets(r.Listing.URL)
	r.Match.URL = precwatch.RedactSecrets(r.Match.URL)
	return old != [4]string{r.Listing.ID, r.Listing.URL, r.Match.ID, r.Match.URL}
}

// IndexRename is a listing that migration 0006 rewrote (see above): the
// search index's document under OldID must go, and the listing, now
// stored as NewID (OldID when only its URL changed), be indexed again.
type IndexRename struct {
	Platform, OldID, NewID string
}

// IndexRenames returns the listings whose index documents are still to be
// replaced (see IndexRename).
func (s *Store) IndexRenames(ctx context.Context) ([]IndexRename, error) {
	rows, err := s.r.QueryContext(ctx, "SELECT platform, old_id, new_id FROM index_renames ORDER BY platform, old_id")
	if err != nil {
		return nil, fmt.Errorf("index renames: %w", err)
	}
	defer rows.Close()
	var out []IndexRename
	for rows.Next() {
		var r IndexRename
		if err := rows.Scan(&r.Platform, &r.OldID, &r.NewID); err != nil {
			return nil, fmt.Errorf("index renames: %w", err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("index renames: %w", err)
	}
	return out, nil
}

// IndexRenamed records that the index documents of rs were replaced. The
// old ids hold the secrets: the file is vacuumed once they are gone.
func (s *Store) IndexRenamed(ctx context.Context, rs []IndexRename) error {
	if len(rs) == 0 {
		return nil
	}
	err := s.write(ctx, func(tx *wtx) error {
		for _, r := range rs {
			if _, err := tx.tx.ExecContext(ctx, "DELETE FROM index_renames WHERE platform = ? AND old_id = ?", r.Platform, r.OldID); err != nil {
				return err
			}
		}
		return nil
	})
	if err == nil {
		err = s.vacuum(ctx)
	}
	if err != nil {
		return fmt.Errorf("index renamed: %w", err)
	}
	return nil
}
