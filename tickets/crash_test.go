package tickets_test

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/precwatch/precwatch"
	"github.com/precwatch/precwatch/tickets"
)

const crashListings = 30

// TestCrashChild is the subprocess of TestCrashConsistency: it records
// listings in a loop, like the pipeline, until killed or done.
func TestCrashChild(t *testing.T) {
	path := os.Getenv("PRECWATCH_TICKETS_CRASH_DB")
	if path == "" {
		t.Skip("subprocess of TestCrashConsistency")
	}
	rounds, _ := strconv.Atoi(os.Getenv("PRECWATCH_TICKETS_CRASH_ROUNDS"))
	ctx := context.Background()
	s, err := tickets.Open(path, tickets.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for round := 0; rounds == 0 || round < rounds; round++ {
		start := t0.Add(time.Duration(round) * time.Hour)
		for i := range crashListings {
			r := crashResult(i, round)
			at := start.Add(time.Duration(i) * time.Second)
			same, err := s.Unchanged(ctx, r.Listing.Platform, r.Listing.ID, r.Listing.ContentHash)
			if err != nil {
				t.Fatal(err)
			}
			if same {
				err = s.Seen(ctx, r.Listing.Platform, r.Listing.ID, at)
			} else {
				_, err = s.Record(ctx, r, at)
			}
			if err != nil {
				t.Fatal(err)
			}
			fmt.Printf("recorded %d %d\n", round, i)
		}
		if _, err := s.MarkMissing(ctx, "ChemHub", "chemhub", start, start.Add(time.Minute)); err != nil {
			t.Fatal(err)
		}
	}
}

// crashResult is listing i in round: every third listing changes every
// round, every fifth is not suspicious.
func crashResult(i, round int) precwatch.Result {
	r := suspicious("ChemHub", fmt.Sprintf("l%02d", i))
	version := 0
	if i%3 == 0 {
		version = round
	}
	r.Listing.ContentHash = fmt.Sprintf("hash-%d-%d", i, version)
	r.Match.Score = 0.5 + float64(version%5)/10
	if i%5 == 0 {
		r.Match.Suspicious = false
	}
	return r
}

// TestCrashConsistency kills a process that is recording listings with
// SIGKILL at several points, reopens the database and checks it: intact, no
// duplicate ticket, no suspicious listing without its ticket, one created
// event per ticket. A rerun to completion then leaves the same invariants.
func TestCrashConsistency(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns subprocesses")
	}
	path := filepath.Join(t.TempDir(), "precwatch.db")
	for kill, after := range []int{7, 45, 101, 160} {
		cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), "PRECWATCH_TICKETS_CRASH_DB="+path)
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(out)
		lines := 0
		for lines < after && sc.Scan() {
			if len(sc.Text()) > 8 && sc.Text()[:8] == "recorded" {
				lines++
			}
		}
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		if lines < after {
			t.Fatalf("kill %d: child stopped after %d records, want %d", kill, lines, after)
		}
		checkCrashInvariants(t, path, fmt.Sprintf("after kill %d (at record %d)", kill, after))
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), "PRECWATCH_TICKETS_CRASH_DB="+path, "PRECWATCH_TICKETS_CRASH_ROUNDS=3")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("rerun: %v\n%s", err, out)
	}
	checkCrashInvariants(t, path, "after the rerun")
	db := rawDB(t, path)
	if got, want := count(t, db, "SELECT COUNT(*) FROM tickets"), crashListings-crashListings/5; got != want {
		t.Errorf("tickets after the rerun = %d, want %d", got, want)
	}
}

func checkCrashInvariants(t *testing.T, path, when string) {
	t.Helper()
	s, err := tickets.Open(path, tickets.Options{})
	if err != nil {
		t.Fatalf("%s: reopen: %v", when, err)
	}
	defer s.Close()
	if err := s.IntegrityCheck(context.Background()); err != nil {
		t.Errorf("%s: %v", when, err)
	}
	db := rawDB(t, path)
	checks := []struct {
		name, query string
	}{
		{"duplicate tickets", "SELECT COUNT(*) FROM (SELECT 1 FROM tickets GROUP BY platform, listing_id HAVING COUNT(*) > 1)"},
		{"suspicious listings without a ticket", `SELECT COUNT(*) FROM listings l WHERE l.suspicious = 1
			AND NOT EXISTS (SELECT 1 FROM tickets t WHERE t.platform = l.platform AND t.listing_id = l.listing_id)`},
		{"tickets without exactly one created entry", `SELECT COUNT(*) FROM tickets t
			WHERE (SELECT COUNT(*) FROM ticket_events e WHERE e.ticket_id = t.id AND e.action = 'created') != 1`},
		{"tickets without exactly one ticket.created event", `SELECT COUNT(*) FROM tickets t
			WHERE (SELECT COUNT(*) FROM outbox o WHERE json_extract(o.event, '$.ticket.id') = t.id
				AND json_extract(o.event, '$.type') = 'ticket.created') != 1`},
		{"tickets whose listing state disagrees", `SELECT COUNT(*) FROM tickets t JOIN listings l
			ON t.platform = l.platform AND t.listing_id = l.listing_id WHERE t.listing_status != l.status OR t.content_hash != l.content_hash`},
		{"audit entries without an outbox event", `SELECT COUNT(*) FROM ticket_events e WHERE NOT EXISTS
			(SELECT 1 FROM outbox o WHERE o.event_id = 'ticket-' || e.ticket_id || '-event-' || e.id)
			AND e.id = (SELECT MAX(id) FROM ticket_events e2 WHERE e2.ticket_id = e.ticket_id AND e2.at = e.at)`},
	}
	for _, c := range checks {
		if n := count(t, db, c.query); n != 0 {
			t.Errorf("%s: %d %s", when, n, c.name)
		}
	}
}
