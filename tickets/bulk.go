package tickets

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/precwatch/precwatch"
)

// MaxBulk caps the tickets one Bulk call may change.
const MaxBulk = 1000

// BulkChange is one change made to many tickets at once (Store.Bulk): a
// status change, an assignment, or both.
type BulkChange struct {
	IDs []int64
	// Platforms is the caller's scope: when not empty, a ticket of any
	// other platform refuses the whole change.
	Platforms []string
	// Status, when not empty, is the status every ticket moves to, for
	// Reason.
	Status, Reason string
	// From holds, by ticket ID, the status the caller saw the ticket in: a
	// ticket no longer in it refuses the whole change. A ticket without
	// an entry may be in any status.
	From map[int64]string
	// Assign sets every ticket's assignee to Assignee ("" unassigns).
	Assign   bool
	Assignee string
	// Actor is who makes the change, for the audit log.
	Actor string
}

// maxListed caps the tickets an error message names one by one.
const maxListed = 10

// Bulk makes change c to every ticket of c.IDs (duplicates count once) in
// one transaction: all of them change or none does. Each ticket changes as
// SetStatusFrom and Assign change one: its own audit entries with actor
// and reason, its own ticket.updated event per change, the workflow's
// rules. Bulk checks every ticket before it changes any: a ticket outside
// c.Platforms is EFORBIDDEN, then an unknown ticket ENOTFOUND, then a
// ticket no longer in the status c.From says ECONFLICT and a transition
// the workflow does not allow EINVALID; the error names the tickets at
// fault. It returns the tickets as they are after the change, in the order
// of c.IDs. Safe for concurrent use.
func (s *Store) Bulk(ctx context.Context, c BulkChange) ([]precwatch.Ticket, error) {
	ids, err := bulkIDs(c.IDs)
	if err != nil {
		return nil, err
	}
	actor := strings.TrimSpace(c.Actor)
	reason := c.Reason
	if c.Status == "" && !c.Assign {
		return nil, precwatch.Errorf(precwatch.EINVALID, "a bulk change needs a status or an assignee: nothing to change")
	}
	if c.Status != "" {
		if actor, reason, err = checkStatusChange(c.Status, actor, reason); err != nil {
			return nil, err
		}
	}
	if actor == "" {
		return nil, precwatch.Errorf(precwatch.EINVALID, "a bulk change needs an actor")
	}
	for id, from := range c.From {
		if from != "" && !validStatus(from) {
			return nil, precwatch.Errorf(precwatch.EINVALID, "expected status %q of ticket %d: unknown ticket status (want one of %s)", from, id, strings.Join(Statuses, ", "))
		}
	}
	assignee := strings.TrimSpace(c.Assignee)
	var out []precwatch.Ticket
	err = s.write(ctx, func(tx *wtx) error {
		out = out[:0]
		var outside, unknown []int64
		for _, id := range ids {
			t, err := ticketByID(ctx, tx, id)
			switch {
			case precwatch.ErrorCode(err) == precwatch.ENOTFOUND:
				unknown = append(unknown, id)
			case err != nil:
				return err
			case len(c.Platforms) > 0 && !slices.Contains(c.Platforms, t.Platform):
				outside = append(outside, id)
			}
		}
		if len(outside) > 0 {
			return precwatch.Errorf(precwatch.EFORBIDDEN, "%s outside your platform; nothing changed", ticketList(outside))
		}
		if len(unknown) > 0 {
			return precwatch.Errorf(precwatch.ENOTFOUND, "%s not found; nothing changed", ticketList(unknown))
		}
		var refused []*precwatch.Error
		conflict := false
		for _, id := range ids {
			if c.Status != "" {
				err := s.setStatusTx(ctx, tx, id, strings.TrimSpace(c.From[id]), c.Status, actor, reason)
				var e *precwatch.Error
				if errors.As(err, &e) && (e.Code == precwatch.ECONFLICT || e.Code == precwatch.EINVALID) {
					refused = append(refused, e)
					conflict = conflict || e.Code == precwatch.ECONFLICT
					continue
				}
				if err != nil {
					return err
				}
			}
			if c.Assign {
				if err := s.assignTx(ctx, tx, id, assignee, actor, strings.TrimSpace(c.Reason)); err != nil {
					return err
				}
			}
		}
		if len(refused) > 0 {
			return bulkRefusal(refused, len(ids), conflict)
		}
		for _, id := range ids {
			t, err := ticketByID(ctx, tx, id)
			if err != nil {
				return err
			}
			out = append(out, t.Ticket)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("change %d tickets: %w", len(ids), err)
	}
	return out, nil
}

// bulkIDs checks the IDs of a bulk change and drops duplicates, keeping
// the first of each.
func bulkIDs(ids []int64) ([]int64, error) {
	if len(ids) == 0 {
		return nil, precwatch.Errorf(precwatch.EINVALID, "a bulk change needs ticket ids")
	}
	seen := make(map[int64]bool, len(ids))
	out := make([]int64, 0, len(ids))
	for _, id := range ids {
		if id <= 0 {
			return nil, precwatch.Errorf(precwatch.EINVALID, "ticket id %d is not a positive number", id)
		}
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	if len(out) > MaxBulk {
		return nil, precwatch.Errorf(precwatch.EINVALID, "%d tickets: at most %d change in one request; split it", len(out), MaxBulk)
	}
	return out, nil
}

// bulkRefusal is the error of a bulk status change that some tickets
// refused: ECONFLICT when any had changed since the caller looked (reload
// and decide again), else EINVALID (the workflow does not allow it).
func bulkRefusal(refused []*precwatch.Error, n int, conflict bool) error {
	code := precwatch.EINVALID
	if conflict {
		code = precwatch.ECONFLICT
	}
	if len(refused) == 1 && n == 1 {
		return refused[0]
	}
	msgs := make([]string, 0, maxListed)
	for _, e := range refused[:min(len(refused), maxListed)] {
		msgs = append(msgs, strings.TrimSuffix(e.Message, "; nothing changed"))
	}
	more := ""
	if len(refused) > maxListed {
		more = fmt.Sprintf("; and %d more", len(refused)-maxListed)
	}
	return precwatch.Errorf(code, "%d of %d tickets cannot change, so nothing changed: %s%s", len(refused), n, strings.Join(msgs, "; "), more)
}

// ticketList names tickets in a message: "ticket 7 is", "tickets 7, 9 are",
// at most maxListed of them.
func ticketList(ids []int64) string {
	if len(ids) == 1 {
		return "ticket " + strconv.FormatInt(ids[0], 10) + " is"
	}
	parts := make([]string, 0, maxListed)
	for _, id := range ids[:min(len(ids), maxListed)] {
		parts = append(parts, strconv.FormatInt(id, 10))
	}
	list := strings.Join(parts, ", ")
	if len(ids) > maxListed {
		list += fmt.Sprintf(" and %d more", len(ids)-maxListed)
	}
	return "tickets " + list + " are"
}
