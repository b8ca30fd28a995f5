package tickets_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/precwatch/precwatch"
	"github.com/precwatch/precwatch/tickets"
)

// The pipeline records each matched listing; a suspicious one becomes a
// ticket once, however often it is recorded, and reviewers move it through
// the workflow with an audited reason.
func ExampleStore_Record() {
	dir, _ := os.MkdirTemp("", "tickets-example")
	defer os.RemoveAll(dir)
	s, err := tickets.Open(filepath.Join(dir, "precwatch.db"), tickets.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer s.Close()
	ctx := context.Background()
	at := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	r := precwatch.Result{
		Listing: precwatch.Listing{ID: "42", Platform: "ChemHub", URL: "https://chemhub.example/p/42", Title: "BMK glycidate 5449-12-7"},
		Match: precwatch.Match{Score: 0.9, Suspicious: true,
			Substances: []precwatch.SubstanceMatch{{ID: "bmk-glycidate", Name: "BMK glycidate", CAS: "5449-12-7", List: precwatch.ListDesigner}}},
	}
	first, _ := s.Record(ctx, r, at)
	again, _ := s.Record(ctx, r, at)
	fmt.Println("created:", first.Created, again.Created, "same ticket:", first.Ticket.ID == again.Ticket.ID)

	id := first.Ticket.ID
	_ = s.SetStatus(ctx, id, precwatch.StatusInReview, "alice", "checking the seller")
	err = s.SetStatus(ctx, id, precwatch.StatusOpen+"x", "alice", "typo")
	fmt.Println(precwatch.ErrorCode(err))
	evs, _ := s.Events(ctx, id)
	for _, e := range evs {
		fmt.Printf("%s %s %s->%s\n", e.Actor, e.Action, e.From, e.To)
	}
	// Output:
	// created: true false same ticket: true
	// invalid
	// precwatch created ->open
	// alice status open->in_review
}
