package tickets_test

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/precwatch/precwatch"
	"github.com/precwatch/precwatch/tickets"
)

// TestReview6IncidentReportFilters: the incident report is sorted as one
// list (not confirmed first, then escalated), honours status (an unknown or
// non-incident status is EINVALID naming it), lists tickets escalated
// straight from the queue when status asks for escalated ones, and says
// each incident's status.
func TestReview6IncidentReportFilters(t *testing.T) {
	ctx := context.Background()
	s := MustOpen(t)
	rec := func(id string, score float64) int64 {
		r := suspicious("ChemHub", id)
		r.Match.Score = score
		return mustRecord(t, s, r, t0).Ticket.ID
	}
	low := rec("confirmed-low", 0.6)
	high := rec("escalated-high", 0.95)
	mid := rec("confirmed-mid", 0.8)
	direct := rec("escalated-direct", 0.9)
	fromReview := rec("escalated-from-review", 0.7)
	rec("open", 0.99)
	setStatuses(t, s, low, precwatch.StatusInReview, precwatch.StatusConfirmed)
	setStatuses(t, s, high, precwatch.StatusInReview, precwatch.StatusConfirmed, precwatch.StatusEscalated)
	setStatuses(t, s, mid, precwatch.StatusInReview, precwatch.StatusConfirmed)
	setStatuses(t, s, direct, precwatch.StatusEscalated)
	setStatuses(t, s, fromReview, precwatch.StatusInReview, precwatch.StatusEscalated)

	report := func(f tickets.Filter) ([]int64, []string, error) {
		var buf bytes.Buffer
		if err := s.IncidentReport(ctx, &buf, f); err != nil {
			return nil, nil, err
		}
		var rep tickets.IncidentReport
		if err := json.Unmarshal(buf.Bytes(), &rep); err != nil {
			t.Fatalf("IncidentReport(%+v) is not JSON: %v", f, err)
		}
		var ids []int64
		var sts []string
		for _, in := range rep.Incidents {
			ids, sts = append(ids, in.TicketID), append(sts, in.Status)
		}
		return ids, sts, nil
	}
	cases := []struct {
		f       tickets.Filter
		ids     []int64
		statues []string
	}{
		{tickets.Filter{Sort: tickets.SortScore}, []int64{high, mid, low}, []string{"escalated", "confirmed", "confirmed"}},
		{tickets.Filter{}, []int64{low, high, mid}, []string{"confirmed", "escalated", "confirmed"}},
		{tickets.Filter{Status: "escalated", Sort: tickets.SortScore}, []int64{high, direct, fromReview}, []string{"escalated", "escalated", "escalated"}},
		{tickets.Filter{Status: "confirmed"}, []int64{low, mid}, []string{"confirmed", "confirmed"}},
		{tickets.Filter{Status: "confirmed,escalated", Sort: tickets.SortScore}, []int64{high, direct, mid, fromReview, low},
			[]string{"escalated", "escalated", "confirmed", "escalated", "confirmed"}},
	}
	for _, c := range cases {
		ids, sts, err := report(c.f)
		if err != nil {
			t.Errorf("IncidentReport(%+v): %v", c.f, err)
			continue
		}
		if got, want := mustJSON(t, ids), mustJSON(t, c.ids); got != want {
			t.Errorf("IncidentReport(%+v) tickets = %s, want %s", c.f, got, want)
		}
		if got, want := mustJSON(t, sts), mustJSON(t, c.statues); got != want {
			t.Errorf("IncidentReport(%+v) statuses = %s, want %s", c.f, got, want)
		}
	}
	for _, f := range []tickets.Filter{{Status: "bogus"}, {Status: "open"}, {Status: "confirmed,dismissed"}, {Sort: "bogus"}} {
		var buf bytes.Buffer
		err := s.IncidentReport(ctx, &buf, f)
		if precwatch.ErrorCode(err) != precwatch.EINVALID || buf.Len() != 0 {
			t.Errorf("IncidentReport(%+v) = %v, %d bytes written; want EINVALID before writing", f, err, buf.Len())
			continue
		}
		if f.Status != "" && !strings.Contains(err.Error(), "status") {
			t.Errorf("IncidentReport(%+v) error %q does not name the status parameter", f, err)
		}
	}
}
