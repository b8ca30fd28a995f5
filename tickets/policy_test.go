package tickets_test

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/precwatch/precwatch"
	"github.com/precwatch/precwatch/tickets"
)

// incidents returns the ticket ids of the incident report and the report.
func incidents(t *testing.T, s *tickets.Store) ([]int64, tickets.IncidentReport) {
	t.Helper()
	var buf bytes.Buffer
	if err := s.IncidentReport(context.Background(), &buf, tickets.Filter{}); err != nil {
		t.Fatal(err)
	}
	var rep tickets.IncidentReport
	if err := json.Unmarshal(buf.Bytes(), &rep); err != nil {
		t.Fatalf("incident report is not JSON: %v\n%s", err, buf.String())
	}
	var ids []int64
	for _, in := range rep.Incidents {
		ids = append(ids, in.TicketID)
	}
	return ids, rep
}

func setStatuses(t *testing.T, s *tickets.Store, id int64, sts ...string) {
	t.Helper()
	for _, st := range sts {
		if err := s.SetStatus(context.Background(), id, st, "alice", "test"); err != nil {
			t.Fatalf("SetStatus(%d, %s): %v", id, st, err)
		}
	}
}

// TestIncidentReportEscalated: a ticket confirmed and then escalated to a
// regulator is an incident (it was left out of the report); one escalated
// straight from the queue without being confirmed is not.
func TestIncidentReportEscalated(t *testing.T) {
	s := MustOpen(t)
	confirmed := mustRecord(t, s, suspicious("ChemHub", "confirmed"), t0).Ticket.ID
	escalatedAfter := mustRecord(t, s, suspicious("ChemHub", "confirmed-then-escalated"), t0).Ticket.ID
	escalatedOnly := mustRecord(t, s, suspicious("ChemHub", "escalated-only"), t0).Ticket.ID
	mustRecord(t, s, suspicious("ChemHub", "open"), t0)
	setStatuses(t, s, confirmed, precwatch.StatusInReview, precwatch.StatusConfirmed)
	setStatuses(t, s, escalatedAfter, precwatch.StatusInReview, precwatch.StatusConfirmed, precwatch.StatusEscalated)
	setStatuses(t, s, escalatedOnly, precwatch.StatusEscalated)
	ids, _ := incidents(t, s)
	if got, want := mustJSON(t, ids), mustJSON(t, []int64{confirmed, escalatedAfter}); got != want {
		t.Errorf("incident tickets = %s, want %s (confirmed, and confirmed then escalated)", got, want)
	}
}

// TestEditedHarmlessKeepsFlaggedEvidence: a flagged listing its seller edits
// into something harmless keeps its ticket open with what was offered, and
// its incident report describes the offer, not the edit.
func TestEditedHarmlessKeepsFlaggedEvidence(t *testing.T) {
	ctx := context.Background()
	s := MustOpen(t)
	r := suspicious("ChemHub", "edited")
	id := mustRecord(t, s, r, t0).Ticket.ID
	edit := benign("ChemHub", "edited")
	edit.Listing.URL, edit.Listing.Target = r.Listing.URL, r.Listing.Target
	edit.Listing.Title, edit.Listing.Description, edit.Listing.Location = "Lab glassware", "Beakers. Bank transfer.", "Germany"
	edit.Listing.ContentHash, edit.Listing.EvidenceHash = "edited-v2", "ev-edited-v2"
	mustRecord(t, s, edit, t0.Add(time.Hour))

	tk, err := s.Ticket(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if tk.Status != precwatch.StatusOpen || tk.Title != r.Listing.Title || tk.Score != r.Match.Score ||
		mustJSON(t, tk.Substances) != `[{"id":"bmk-glycidate","cas":"5449-12-7","name":"BMK glycidate"}]` ||
		tk.EvidenceHash != "ev-edited-v1" || !tk.LastSeen.Equal(t0.Add(time.Hour)) {
		t.Errorf("ticket after a harmless edit = %+v, want open with the flagged title, score, substances and evidence", tk)
	}
	vs, err := s.Versions(ctx, "ChemHub", "edited")
	if err != nil || len(vs) != 2 || vs[0].EvidenceHash != "ev-edited-v1" || vs[1].EvidenceHash != "ev-edited-v2" || !vs[1].FirstSeen.Equal(t0.Add(time.Hour)) {
		t.Errorf("Versions = %+v, %v; want the flagged version then the edit", vs, err)
	}
	setStatuses(t, s, id, precwatch.StatusInReview, precwatch.StatusConfirmed)
	_, rep := incidents(t, s)
	if len(rep.Incidents) != 1 {
		t.Fatalf("incidents = %+v, want 1", rep.Incidents)
	}
	inc := rep.Incidents[0]
	if mustJSON(t, inc.Substances) != `[{"name":"BMK glycidate","cas":"5449-12-7","list":"designer"}]` ||
		inc.Location != "China" || strings.Join(inc.Quantities, ",") != "25 kg" || len(inc.Contacts) == 0 || inc.EvidenceHash != "ev-edited-v1" {
		t.Errorf("incident of an edited listing = %+v, want the flagged offer (BMK glycidate, China, 25 kg, wickr contact, ev-edited-v1)", inc)
	}
}

// TestDismissedReopensOnlyForSomethingNew: a dismissed ticket stays
// dismissed on re-crawls of the same offer (unchanged, or reworded) and
// comes back to the queue, audited, when its listing offers a new substance
// or shows a new risk indicator.
func TestDismissedReopensOnlyForSomethingNew(t *testing.T) {
	ctx := context.Background()
	s := MustOpen(t)
	r := suspicious("ChemHub", "d")
	id := mustRecord(t, s, r, t0).Ticket.ID
	setStatuses(t, s, id, precwatch.StatusInReview, precwatch.StatusDismissed)
	status := func() string {
		tk, err := s.Ticket(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		return tk.Status
	}
	// Unchanged re-crawl.
	if err := s.Seen(ctx, "ChemHub", "d", t0.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	mustRecord(t, s, r, t0.Add(time.Hour))
	if got := status(); got != precwatch.StatusDismissed {
		t.Errorf("after an unchanged re-crawl: status %s, want dismissed", got)
	}
	// Reworded, same substances and indicators.
	r2 := r
	r2.Listing.Description += " Fresh stock."
	r2.Listing.ContentHash, r2.Listing.EvidenceHash = "hash-d-v2", "ev-d-v2"
	mustRecord(t, s, r2, t0.Add(2*time.Hour))
	if got := status(); got != precwatch.StatusDismissed {
		t.Errorf("after a reworded re-crawl: status %s, want dismissed", got)
	}
	// A new substance.
	r3 := r2
	r3.Listing.ContentHash, r3.Listing.EvidenceHash = "hash-d-v3", "ev-d-v3"
	r3.Match.Substances = append(append([]precwatch.SubstanceMatch{}, r2.Match.Substances...),
		precwatch.SubstanceMatch{ID: "pmk-glycidate", Name: "PMK glycidate", CAS: "13605-48-6", List: precwatch.ListDesigner})
	mustRecord(t, s, r3, t0.Add(3*time.Hour))
	if got := status(); got != precwatch.StatusOpen {
		t.Errorf("after the listing added PMK glycidate: status %s, want open", got)
	}
	evs, _ := s.Events(ctx, id)
	reopened := 0
	for _, e := range evs {
		if e.Action == "status" && e.From == precwatch.StatusDismissed && e.To == precwatch.StatusOpen {
			reopened++
			if e.Actor != tickets.Actor || !strings.Contains(e.Reason, "PMK glycidate") {
				t.Errorf("reopening event = %+v, want by %s naming PMK glycidate", e, tickets.Actor)
			}
		}
	}
	if reopened != 1 {
		t.Errorf("events = %+v, want one status dismissed -> open", evs)
	}

	// A rescan (same content, new verdict) that finds a new indicator in a
	// dismissed ticket's listing reopens it too.
	setStatuses(t, s, id, precwatch.StatusInReview, precwatch.StatusDismissed)
	r4 := r3
	r4.Match.Indicators = append(append([]precwatch.Indicator{}, r3.Match.Indicators...),
		precwatch.Indicator{ID: "customs-evasion", Label: "customs evasion", Field: "description", Text: "100% customs pass"})
	mustRecord(t, s, r4, t0.Add(4*time.Hour))
	evs, _ = s.Events(ctx, id)
	if got, last := status(), evs[len(evs)-2]; got != precwatch.StatusOpen || !strings.Contains(last.Reason, "re-matched after it was dismissed: now also customs-evasion") {
		t.Errorf("after a rescan found customs-evasion: status %s, event %+v; want open, re-matched", got, last)
	}
}

// TestQuantitiesHyphenated: "25-kg-Fässer", "200-L drum" are quantities.
func TestQuantitiesHyphenated(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Gebinde: 25-kg-Fässer oder 1-kg-Beutel", "25 kg,1 kg"},
		{"200-L drum", "200 l"},
		{"CAS 5449-12-7", ""},
	} {
		if got := strings.Join(tickets.Quantities(c.in), ","); got != c.want {
			t.Errorf("Quantities(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestExportFlaggedAndRemovedAt: JSONL and CSV exports carry when a
// listing was flagged and when it was found removed, so that how long a
// flagged offer stayed up can be read from an export.
func TestExportFlaggedAndRemovedAt(t *testing.T) {
	ctx := context.Background()
	s := MustOpen(t)
	mustRecord(t, s, suspicious("ChemHub", "gone"), t0)
	mustRecord(t, s, suspicious("ChemHub", "up"), t0)
	if err := s.Seen(ctx, "ChemHub", "up", t0.Add(2*time.Hour)); err != nil {
		t.Fatal(err)
	}
	removed := t0.Add(3 * time.Hour)
	if _, err := s.MarkMissing(ctx, "ChemHub", "chemhub", t0.Add(time.Hour), removed); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := s.ExportJSONL(ctx, &buf, tickets.Filter{Sort: tickets.SortID}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	want := []string{`"flagged_at":"2026-03-01T12:00:00Z","removed_at":"2026-03-01T15:00:00Z","assignee":""}`, `"flagged_at":"2026-03-01T12:00:00Z","assignee":""}`}
	for i, line := range lines {
		if i >= len(want) || !strings.HasSuffix(line, want[i]) {
			t.Errorf("jsonl line %d = %s, want it to end %s", i, line, want[min(i, len(want)-1)])
		}
	}
	buf.Reset()
	if err := s.ExportCSV(ctx, &buf, tickets.Filter{Sort: tickets.SortID}); err != nil {
		t.Fatal(err)
	}
	rows := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if len(rows) != 3 || !strings.HasSuffix(rows[0], ",listing_id,flagged_at,removed_at,assignee") ||
		!strings.HasSuffix(rows[1], ",2026-03-01T12:00:00Z,2026-03-01T15:00:00Z,") || !strings.HasSuffix(rows[2], ",2026-03-01T12:00:00Z,,") {
		t.Errorf("csv = %s, want flagged_at, removed_at and assignee last", buf.String())
	}
}

// TestEventsSayWhatChanged: a webhook event carries the audited change
// (who, what, why), not only the ticket: a platform's tools could not tell
// a removal from a status change or a harmless edit.
func TestEventsSayWhatChanged(t *testing.T) {
	ctx := context.Background()
	s := MustOpen(t)
	id := mustRecord(t, s, suspicious("ChemHub", "e"), t0).Ticket.ID
	setStatuses(t, s, id, precwatch.StatusInReview)
	if _, err := s.MarkMissing(ctx, "ChemHub", "chemhub", t0.Add(time.Hour), t0.Add(2*time.Hour)); err != nil {
		t.Fatal(err)
	}
	pend, err := s.PendingEvents(ctx, t0.Add(24*time.Hour), 10)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range pend {
		for _, c := range p.Event.Changes {
			got = append(got, p.Event.Type+" "+c.Actor+" "+c.Action+" "+c.From+"->"+c.To)
		}
	}
	want := []string{"ticket.created precwatch created ->open", "ticket.updated alice status open->in_review",
		"ticket.updated precwatch removed active->removed"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("event changes = %q, want %q", got, want)
	}
}
