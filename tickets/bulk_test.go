package tickets_test

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/precwatch/precwatch"
	"github.com/precwatch/precwatch/tickets"
)

// bulkStore returns a store on a real SQLite file with three open ChemHub
// tickets and one open Bazaar ticket, their IDs, and the file's path.
func bulkStore(t *testing.T) (*tickets.Store, []int64, int64, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "precwatch.db")
	s := MustOpenAt(t, path)
	var own []int64
	for _, id := range []string{"a", "b", "c"} {
		own = append(own, mustRecord(t, s, suspicious("ChemHub", id), t0).Ticket.ID)
	}
	other := mustRecord(t, s, suspicious("Bazaar", "z"), t0).Ticket.ID
	return s, own, other, path
}

// bulkState is what a refused bulk change must leave as it was: every
// ticket's status and assignee, the audit log and the outbox.
func bulkState(t *testing.T, s *tickets.Store, path string) string {
	t.Helper()
	ts, err := s.Tickets(context.Background(), tickets.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, tk := range ts {
		fmt.Fprintf(&b, "%d:%s:%s ", tk.ID, tk.Status, tk.Assignee)
	}
	db := rawDB(t, path)
	fmt.Fprintf(&b, "events=%d outbox=%d", count(t, db, "SELECT count(*) FROM ticket_events"), count(t, db, "SELECT count(*) FROM outbox"))
	return b.String()
}

func TestBulkChange(t *testing.T) {
	ctx := context.Background()
	s, own, _, path := bulkStore(t)
	db := rawDB(t, path)
	events0 := count(t, db, "SELECT count(*) FROM ticket_events")
	from := map[int64]string{}
	for _, id := range own {
		from[id] = precwatch.StatusOpen
	}
	ids := append(slices.Clone(own), own[0]) // a duplicate counts once
	got, err := s.Bulk(ctx, tickets.BulkChange{IDs: ids, Platforms: []string{"ChemHub"}, Status: precwatch.StatusInReview,
		Reason: "same seller", From: from, Assign: true, Assignee: "ann", Actor: "reviewer:ChemHub#4"})
	if err != nil {
		t.Fatalf("Bulk: %v", err)
	}
	if len(got) != len(own) {
		t.Fatalf("Bulk returned %d tickets, want %d", len(got), len(own))
	}
	for i, tk := range got {
		if tk.ID != own[i] || tk.Status != precwatch.StatusInReview || tk.Assignee != "ann" {
			t.Errorf("ticket %d after Bulk: %+v, want ticket %d in_review assigned to ann", i, tk, own[i])
		}
		evs, err := s.Events(ctx, own[i])
		if err != nil {
			t.Fatal(err)
		}
		var log []string
		for _, e := range evs[1:] {
			log = append(log, fmt.Sprintf("%s:%s:%s>%s:%s", e.Actor, e.Action, e.From, e.To, e.Reason))
		}
		want := "reviewer:ChemHub#4:status:open>in_review:same seller\nreviewer:ChemHub#4:assigned:>ann:same seller"
		if strings.Join(log, "\n") != want {
			t.Errorf("audit log of ticket %d:\n%s\nwant:\n%s", own[i], strings.Join(log, "\n"), want)
		}
	}
	if n := count(t, db, "SELECT count(*) FROM ticket_events") - events0; n != 2*len(own) {
		t.Errorf("%d audit entries added, want %d (a status change and an assignment per ticket)", n, 2*len(own))
	}
	out, err := s.PendingEvents(ctx, time.Now().Add(time.Hour), 100)
	if err != nil {
		t.Fatal(err)
	}
	per := map[int64][]string{}
	for _, o := range out {
		if o.Event.Type == precwatch.EventTicketUpdated {
			per[o.Event.Ticket.ID] = append(per[o.Event.Ticket.ID], o.Event.ID)
		}
	}
	for _, id := range own {
		if len(per[id]) != 2 || per[id][0] == per[id][1] {
			t.Errorf("ticket %d: updated events %v, want 2 of its own (status, assignment)", id, per[id])
		}
	}

	// Dismiss them, unconditionally: the workflow allows in_review → dismissed.
	if _, err := s.Bulk(ctx, tickets.BulkChange{IDs: own, Status: precwatch.StatusDismissed, Reason: "benign", Actor: "admin#1"}); err != nil {
		t.Fatalf("Bulk dismiss: %v", err)
	}
	for _, id := range own {
		if tk, _ := s.Ticket(ctx, id); tk.Status != precwatch.StatusDismissed {
			t.Errorf("ticket %d is %s, want dismissed", id, tk.Status)
		}
	}
}

// TestBulkRefusals: every refusal names the tickets at fault and leaves
// every ticket, the audit log and the outbox as they were.
func TestBulkRefusals(t *testing.T) {
	ctx := context.Background()
	s, own, other, path := bulkStore(t)
	// The second ticket moved on since the caller looked.
	if err := s.SetStatus(ctx, own[1], precwatch.StatusInReview, "bob", "mine"); err != nil {
		t.Fatal(err)
	}
	seenOpen := map[int64]string{own[0]: "open", own[1]: "open", own[2]: "open"}
	many := make([]int64, tickets.MaxBulk+1)
	for i := range many {
		many[i] = int64(i + 1)
	}
	cases := []struct {
		name string
		c    tickets.BulkChange
		code string
		want []string
	}{
		{"outside scope", tickets.BulkChange{IDs: append(slices.Clone(own), other), Platforms: []string{"ChemHub"}, Status: "escalated", Reason: "x"},
			precwatch.EFORBIDDEN, []string{fmt.Sprintf("ticket %d is outside", other)}},
		{"outside scope and unknown", tickets.BulkChange{IDs: []int64{own[0], 999, other}, Platforms: []string{"ChemHub"}, Assign: true, Assignee: "ann"},
			precwatch.EFORBIDDEN, []string{fmt.Sprint(other)}},
		{"unknown", tickets.BulkChange{IDs: []int64{own[0], 998, 999}, Status: "escalated", Reason: "x"},
			precwatch.ENOTFOUND, []string{"tickets 998, 999 are not found"}},
		{"changed since", tickets.BulkChange{IDs: own, From: seenOpen, Status: "escalated", Reason: "x"},
			precwatch.ECONFLICT, []string{fmt.Sprintf("ticket %d is in_review, not open", own[1]), "1 of 3 tickets"}},
		{"workflow", tickets.BulkChange{IDs: own, Status: "dismissed", Reason: "benign"},
			precwatch.EINVALID, []string{fmt.Sprintf("ticket %d is open: it cannot become dismissed", own[0]), "2 of 3 tickets"}},
		{"no reason", tickets.BulkChange{IDs: own, Status: "escalated"}, precwatch.EINVALID, []string{"reason"}},
		{"nothing to do", tickets.BulkChange{IDs: own}, precwatch.EINVALID, []string{"nothing to change"}},
		{"no ids", tickets.BulkChange{Status: "escalated", Reason: "x"}, precwatch.EINVALID, []string{"ticket ids"}},
		{"bad id", tickets.BulkChange{IDs: []int64{own[0], -3}, Status: "escalated", Reason: "x"}, precwatch.EINVALID, []string{"-3"}},
		{"bad from", tickets.BulkChange{IDs: own, From: map[int64]string{own[0]: "gone"}, Status: "escalated", Reason: "x"}, precwatch.EINVALID, []string{`"gone"`}},
		{"too many", tickets.BulkChange{IDs: many, Status: "escalated", Reason: "x"}, precwatch.EINVALID, []string{"1001 tickets: at most 1000"}},
	}
	before := bulkState(t, s, path)
	for _, c := range cases {
		if c.c.Actor == "" {
			c.c.Actor = "reviewer:ChemHub#4"
		}
		_, err := s.Bulk(ctx, c.c)
		if got := precwatch.ErrorCode(err); got != c.code {
			t.Errorf("%s: code %q (%v), want %q", c.name, got, err, c.code)
		}
		for _, w := range c.want {
			if !strings.Contains(precwatch.ErrorMessage(err), w) {
				t.Errorf("%s: message %q does not say %q", c.name, precwatch.ErrorMessage(err), w)
			}
		}
		if after := bulkState(t, s, path); after != before {
			t.Errorf("%s: refused, yet the data changed:\n%s\nwas\n%s", c.name, after, before)
		}
	}
}
