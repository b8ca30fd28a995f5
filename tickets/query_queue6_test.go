package tickets_test

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/precwatch/precwatch"
	"github.com/precwatch/precwatch/tickets"
)

// queue6Store returns a store with three tickets flagged in September (c),
// October (a) and November (b), each confirmed days later, all seen again
// by a crawl on 20 November (which moves last_seen, not the flag time),
// and a assigned to ann.
func queue6Store(t *testing.T) *tickets.Store {
	t.Helper()
	var clock time.Time
	s, err := tickets.Open(filepath.Join(t.TempDir(), "precwatch.db"), tickets.Options{Now: func() time.Time { return clock }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	ctx := context.Background()
	day := func(m time.Month, d int) time.Time { return time.Date(2026, m, d, 12, 0, 0, 0, time.UTC) }
	for _, c := range []struct {
		id               string
		flagged, confirm time.Time
	}{
		{"a", day(10, 5), day(10, 31)}, {"b", day(11, 3), day(11, 5)}, {"c", day(9, 20), day(9, 30)},
	} {
		out := mustRecord(t, s, suspicious("ChemHub", c.id), c.flagged)
		clock = c.flagged.Add(time.Hour)
		if err := s.SetStatus(ctx, out.Ticket.ID, precwatch.StatusInReview, "rev", "looking"); err != nil {
			t.Fatal(err)
		}
		clock = c.confirm
		if err := s.SetStatus(ctx, out.Ticket.ID, precwatch.StatusConfirmed, "rev", "offer confirmed"); err != nil {
			t.Fatal(err)
		}
	}
	for _, id := range []string{"a", "b", "c"} {
		if err := s.Seen(ctx, "ChemHub", id, day(11, 20)); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Assign(ctx, 1, "ann", "lead"); err != nil {
		t.Fatal(err)
	}
	return s
}

func TestFilterPeriodQueue6(t *testing.T) {
	s := queue6Store(t)
	d := func(m time.Month, dd int) time.Time { return time.Date(2026, m, dd, 0, 0, 0, 0, time.UTC) }
	end := func(m time.Month, dd int) time.Time { return d(m, dd).Add(24*time.Hour - time.Nanosecond) }
	cases := []struct {
		name string
		f    tickets.Filter
		want []int64
	}{
		{"since moves with every crawl", tickets.Filter{Since: d(10, 1)}, []int64{1, 2, 3}},
		{"flagged in October", tickets.Filter{FlaggedFrom: d(10, 1), FlaggedTo: end(10, 31)}, []int64{1}},
		{"flagged from November", tickets.Filter{FlaggedFrom: d(11, 1)}, []int64{2}},
		{"flagged up to September", tickets.Filter{FlaggedTo: end(9, 30)}, []int64{3}},
		{"confirmed in Q3", tickets.Filter{Status: "confirmed", StatusFrom: d(7, 1), StatusTo: end(9, 30)}, []int64{3}},
		{"confirmed in October (flagged then too)", tickets.Filter{Status: "confirmed", StatusFrom: d(10, 1), StatusTo: end(10, 31)}, []int64{1}},
		{"status changed on the day", tickets.Filter{StatusFrom: d(11, 5), StatusTo: end(11, 5)}, []int64{2}},
		{"unassigned", tickets.Filter{Assignee: tickets.AssigneeNone}, []int64{2, 3}},
		{"assigned to ann", tickets.Filter{Assignee: "ann"}, []int64{1}},
	}
	for _, c := range cases {
		c.f.Sort = tickets.SortID
		ts, err := s.Tickets(context.Background(), c.f)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		var got []int64
		for _, tk := range ts {
			got = append(got, tk.ID)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%s (%+v): got tickets %v, want %v", c.name, c.f, got, c.want)
		}
		n, err := s.CountTickets(context.Background(), c.f)
		if err != nil || n != len(c.want) {
			t.Errorf("%s: CountTickets = %d, %v; want %d", c.name, n, err, len(c.want))
		}
	}
}

func TestSetStatusFromQueue6(t *testing.T) {
	s := MustOpen(t)
	ctx := context.Background()
	id := mustRecord(t, s, suspicious("ChemHub", "a"), t0).Ticket.ID
	if err := s.SetStatusFrom(ctx, id, precwatch.StatusOpen, precwatch.StatusInReview, "ann", "mine"); err != nil {
		t.Fatalf("SetStatusFrom(open → in_review) on an open ticket: %v", err)
	}
	err := s.SetStatusFrom(ctx, id, precwatch.StatusOpen, precwatch.StatusEscalated, "bob", "also mine")
	if precwatch.ErrorCode(err) != precwatch.ECONFLICT || !strings.Contains(err.Error(), "in_review") {
		t.Errorf("SetStatusFrom(open → escalated) on an in_review ticket: %v; want ECONFLICT naming in_review", err)
	}
	evs, _ := s.Events(ctx, id)
	if tk, _ := s.Ticket(ctx, id); tk.Status != precwatch.StatusInReview || len(evs) != 2 {
		t.Errorf("after the conflict: status %s, %d events; want in_review, 2 (created, status)", tk.Status, len(evs))
	}
	if err := s.SetStatusFrom(ctx, id, "bogus", precwatch.StatusConfirmed, "bob", "x"); precwatch.ErrorCode(err) != precwatch.EINVALID {
		t.Errorf("SetStatusFrom(from bogus): %v; want EINVALID", err)
	}
	if err := s.SetStatusFrom(ctx, id, "", precwatch.StatusConfirmed, "bob", "unconditional"); err != nil {
		t.Errorf("SetStatusFrom without from: %v", err)
	}
}
