package main

import (
	"context"
	"log/slog"
	"slices"
	"time"

	"github.com/precwatch/precwatch"
	"github.com/precwatch/precwatch/index"
	"github.com/precwatch/precwatch/tickets"
)

// reindexRenamed replaces the index documents of the listings whose ids or
// URLs held a secret when the ticket store rewrote them to their masked form
// (tickets, migration 0006): the document under the old id goes, and the
// listing is indexed again under its id now, as the pipeline would index it
// (its flagged version when an edit after its ticket offers nothing). It
// runs when the index is opened for writing, once: the store then forgets
// the old ids.
func reindexRenamed(ctx context.Context, store *tickets.Store, x *index.Index, log *slog.Logger) error {
	rs, err := store.IndexRenames(ctx)
	if err != nil || len(rs) == 0 {
		return err
	}
	type put struct {
		r    precwatch.Result
		seen time.Time
	}
	var puts []put
	for _, rn := range rs {
		if rn.OldID != rn.NewID {
			if err := x.Delete(ctx, rn.Platform, rn.OldID); err != nil {
				// The old id holds the secret: so may the error.
				return precwatch.Errorf(precwatch.ErrorCode(err), "index: drop the document of listing %s/%s: %s",
					rn.Platform, rn.NewID, precwatch.RedactSecrets(err.Error()))
			}
		}
		st, err := store.ListingState(ctx, rn.Platform, rn.NewID)
		if precwatch.ErrorCode(err) == precwatch.ENOTFOUND {
			continue
		}
		if err != nil {
			return err
		}
		r := st.Result
		if !r.Match.Offered() {
			fr, edited, err := store.FlaggedVersion(ctx, rn.Platform, rn.NewID, r.Listing.ContentHash)
			if err != nil {
				return err
			}
			if !edited || fr == nil || !fr.Match.Offered() {
				continue
			}
			r = *fr
			r.Listing.ID = rn.NewID
		}
		puts = append(puts, put{r, st.LastSeen})
	}
	// In batches, each seen when its earliest listing was last seen (Put
	// only moves a document's last_seen forward).
	slices.SortFunc(puts, func(a, b put) int { return a.seen.Compare(b.seen) })
	for chunk := range slices.Chunk(puts, 256) {
		batch := make([]precwatch.Result, len(chunk))
		for i, p := range chunk {
			batch[i] = p.r
		}
		if err := x.Put(ctx, batch, chunk[0].seen); err != nil {
			return precwatch.Errorf(precwatch.ErrorCode(err), "index: %s", precwatch.RedactSecrets(err.Error()))
		}
	}
	if err := store.IndexRenamed(ctx, rs); err != nil {
		return err
	}
	log.Info("index: replaced the documents of listings whose URLs held secrets", "listings", len(rs), "indexed", len(puts))
	return nil
}
