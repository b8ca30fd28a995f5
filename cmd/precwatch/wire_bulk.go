package main

import (
	"context"

	"github.com/precwatch/precwatch"
	"github.com/precwatch/precwatch/server"
	"github.com/precwatch/precwatch/tickets"
)

// Bulk makes one change to many tickets in one transaction
// (tickets.Store.Bulk).
func (b *backend) Bulk(ctx context.Context, c server.BulkChange) ([]precwatch.Ticket, error) {
	return b.a.store.Bulk(ctx, tickets.BulkChange{IDs: c.IDs, Platforms: c.Platforms, Status: c.Status, Reason: c.Reason,
		From: c.From, Assign: c.Assign, Assignee: c.Assignee, Actor: c.Actor})
}
