package tickets

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/precwatch/precwatch"
)

// Transitions lists the allowed status changes: open → in_review →
// confirmed | dismissed, escalation to a regulator from any open state, and
// reopening a decided ticket for review.
var Transitions = map[string][]string{
	precwatch.StatusOpen:      {precwatch.StatusInReview, precwatch.StatusEscalated},
	precwatch.StatusInReview:  {precwatch.StatusConfirmed, precwatch.StatusDismissed, precwatch.StatusEscalated, precwatch.StatusOpen},
	precwatch.StatusEscalated: {precwatch.StatusConfirmed, precwatch.StatusDismissed, precwatch.StatusInReview},
	precwatch.StatusConfirmed: {precwatch.StatusEscalated, precwatch.StatusInReview},
	precwatch.StatusDismissed: {precwatch.StatusInReview},
}

// Statuses are the ticket states, in workflow order.
var Statuses = []string{precwatch.StatusOpen, precwatch.StatusInReview, precwatch.StatusConfirmed,
	precwatch.StatusDismissed, precwatch.StatusEscalated}

func validStatus(s string) bool { return slices.Contains(Statuses, s) }

// SetStatus moves ticket id to status, recording actor and reason in the
// audit log and emitting ticket.updated. An unknown status, a transition
// that Transitions does not allow or a missing actor or reason is an
// EINVALID error; an unknown ticket is ENOTFOUND.
func (s *Store) SetStatus(ctx context.Context, id int64, status, actor, reason string) error {
	return s.setStatus(ctx, id, "", status, actor, reason)
}

// setStatus is SetStatus, and with from set SetStatusFrom: the ticket must
// still be in status from (ECONFLICT otherwise, and nothing changes).
func (s *Store) setStatus(ctx context.Context, id int64, from, status, actor, reason string) error {
	actor, reason, err := checkStatusChange(status, actor, reason)
	if err != nil {
		return err
	}
	err = s.write(ctx, func(tx *wtx) error {
		return s.setStatusTx(ctx, tx, id, from, status, actor, reason)
	})
	if err != nil {
		return fmt.Errorf("set status of ticket %d: %w", id, err)
	}
	return nil
}

// checkStatusChange checks the status a change asks for and that it names
// who and why; it returns actor and reason trimmed.
func checkStatusChange(status, actor, reason string) (string, string, error) {
	actor, reason = strings.TrimSpace(actor), strings.TrimSpace(reason)
	if !validStatus(status) {
		return "", "", precwatch.Errorf(precwatch.EINVALID, "unknown ticket status %q (want one of %s)", status, strings.Join(Statuses, ", "))
	}
	if actor == "" || reason == "" {
		return "", "", precwatch.Errorf(precwatch.EINVALID, "a status change needs an actor and a reason")
	}
	return actor, reason, nil
}

// setStatusTx moves ticket id to status within tx (see setStatus): the
// check of from and of the workflow, the change, its audit entry and its
// ticket.updated event.
func (s *Store) setStatusTx(ctx context.Context, tx *wtx, id int64, from, status, actor, reason string) error {
	t, err := ticketByID(ctx, tx, id)
	if err != nil {
		return err
	}
	if from != "" && t.Status != from {
		return precwatch.Errorf(precwatch.ECONFLICT, "ticket %d is %s, not %s: it was changed since you looked; nothing changed", id, t.Status, from)
	}
	if !slices.Contains(Transitions[t.Status], status) {
		return precwatch.Errorf(precwatch.EINVALID, "ticket %d is %s: it cannot become %s (allowed: %s)",
			id, t.Status, status, strings.Join(Transitions[t.Status], ", "))
	}
	now := s.now()
	if _, err := tx.ExecContext(ctx, "UPDATE tickets SET status = ?, updated_at = ? WHERE id = ?", status, ns(now), id); err != nil {
		return err
	}
	return s.changed(ctx, tx, id, now, precwatch.EventTicketUpdated, []auditEntry{{
		actor: actor, action: "status", from: t.Status, to: status, reason: reason}})
}

// Assign assigns ticket id to assignee ("" unassigns), audited as done by
// actor, and emits ticket.updated.
func (s *Store) Assign(ctx context.Context, id int64, assignee, actor string) error {
	assignee, actor = strings.TrimSpace(assignee), strings.TrimSpace(actor)
	if actor == "" {
		return precwatch.Errorf(precwatch.EINVALID, "an assignment needs an actor")
	}
	err := s.write(ctx, func(tx *wtx) error {
		return s.assignTx(ctx, tx, id, assignee, actor, "")
	})
	if err != nil {
		return fmt.Errorf("assign ticket %d: %w", id, err)
	}
	return nil
}

// assignTx is Assign within tx, with why when a reason is given: a ticket
// already assigned to assignee is left as it is, with no audit entry and no
// event.
func (s *Store) assignTx(ctx context.Context, tx *wtx, id int64, assignee, actor, reason string) error {
	t, err := ticketByID(ctx, tx, id)
	if err != nil {
		return err
	}
	if t.Assignee == assignee {
		return nil
	}
	now := s.now()
	if _, err := tx.ExecContext(ctx, "UPDATE tickets SET assignee = ?, updated_at = ? WHERE id = ?", assignee, ns(now), id); err != nil {
		return err
	}
	return s.changed(ctx, tx, id, now, precwatch.EventTicketUpdated, []auditEntry{{
		actor: actor, action: "assigned", from: t.Assignee, to: assignee, reason: reason}})
}

// AddNote adds a note by actor to ticket id's audit log and emits
// ticket.updated.
func (s *Store) AddNote(ctx context.Context, id int64, actor, note string) error {
	actor, note = strings.TrimSpace(actor), strings.TrimSpace(note)
	if actor == "" || note == "" {
		return precwatch.Errorf(precwatch.EINVALID, "a note needs an actor and a text")
	}
	err := s.write(ctx, func(tx *wtx) error {
		if _, err := ticketByID(ctx, tx, id); err != nil {
			return err
		}
		now := s.now()
		if _, err := tx.ExecContext(ctx, "UPDATE tickets SET updated_at = ? WHERE id = ?", ns(now), id); err != nil {
			return err
		}
		return s.changed(ctx, tx, id, now, precwatch.EventTicketUpdated, []auditEntry{{
			actor: actor, action: "note", reason: note}})
	})
	if err != nil {
		return fmt.Errorf("add note to ticket %d: %w", id, err)
	}
	return nil
}
