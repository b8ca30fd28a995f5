package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/precwatch/precwatch"
	"github.com/precwatch/precwatch/tickets"
)

// tkRun runs precwatch with args and returns its exit code and output.
func tkRun(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	env := &Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Getenv: func(string) string { return "" }}
	code := Run(context.Background(), env, args)
	return code, out.String(), errb.String()
}

// tkFixture creates a data directory with three tickets (two on ChemHub
// sharing a Wickr id with one on Bazaar) and a benign listing.
func tkFixture(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	s, err := tickets.Open(filepath.Join(dir, "precwatch.db"), tickets.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	at := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	mk := func(platform, id, title string, score float64, suspicious bool) precwatch.Result {
		return precwatch.Result{
			Listing: precwatch.Listing{ID: id, Platform: platform, Target: strings.ToLower(platform), URL: "https://" + strings.ToLower(platform) + ".test/p/" + id,
				Title: title, Description: "25 kg drums, delivery to USA. Wickr: chemking", Price: "$900", Seller: "seller-" + id,
				Location: "China", ContentHash: "h-" + id, EvidenceHash: "ev-" + id},
			Match: precwatch.Match{ID: id, Score: score, Suspicious: suspicious,
				Substances:  []precwatch.SubstanceMatch{{ID: "bmk-glycidate", Name: "BMK glycidate", CAS: "5449-12-7", List: precwatch.ListDesigner}},
				Indicators:  []precwatch.Indicator{{ID: "messenger-contact", Label: "messenger", Field: "description", Text: "Wickr: chemking"}},
				Observables: []precwatch.Observable{{Type: precwatch.ObservableWickr, Value: "chemking"}},
				Explain:     []string{"designer precursor offered +0.6"}},
		}
	}
	for _, r := range []precwatch.Result{
		mk("ChemHub", "a", "BMK glycidate 5449-12-7", 0.9, true),
		mk("ChemHub", "b", "PMK\x1b[2J powder", 0.6, true),
		mk("Bazaar", "c", "BMK oil", 0.8, true),
		mk("ChemHub", "d", "acetone", 0.1, false),
	} {
		if _, err := s.Record(context.Background(), r, at); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestTicketsList(t *testing.T) {
	dir := tkFixture(t)
	code, out, errOut := tkRun(t, "tickets", "list", "--data", dir)
	if code != 0 {
		t.Fatalf("tickets list: exit %d, stderr %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 4 || !strings.HasPrefix(lines[0], "ID") || !strings.HasPrefix(lines[1], "1 ") ||
		!strings.HasPrefix(lines[2], "3 ") || !strings.HasPrefix(lines[3], "2 ") || strings.TrimSpace(errOut) != "3 of 3 tickets" {
		t.Errorf("tickets list output (want by score: 1, 3, 2 on stdout, the count on stderr):\n%s\nstderr: %s", out, errOut)
	}
	if strings.Contains(out, "\x1b") {
		t.Errorf("tickets list printed a control character from a listing title:\n%q", out)
	}
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"--platform", "Bazaar"}, "1 of 1 tickets"},
		{[]string{"--status", "confirmed"}, "0 of 0 tickets"},
		{[]string{"--limit", "1"}, "1 of 3 tickets"},
	}
	for _, c := range cases {
		code, out, errOut := tkRun(t, append([]string{"tickets", "list", "--data", dir}, c.args...)...)
		if code != 0 || strings.TrimSpace(errOut) != c.want {
			t.Errorf("tickets list %v: exit %d, out %q, stderr %q; want %q", c.args, code, out, errOut, c.want)
		}
	}
	if code, _, errOut := tkRun(t, "tickets", "list", "--data", dir, "--status", "bogus"); code != 2 || !strings.Contains(errOut, `--status "bogus": want open, in_review`) {
		t.Errorf("tickets list --status bogus: exit %d, stderr %q", code, errOut)
	}
}

func TestTicketsMissingDB(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "nothing")
	for _, args := range [][]string{
		{"tickets", "list", "--data", dir},
		{"tickets", "show", "--data", dir, "1"},
		{"tickets", "export", "--data", dir},
		{"tickets", "set-status", "--data", dir, "--actor", "a", "--reason", "r", "1", "in_review"},
		{"token", "list", "--data", dir},
	} {
		code, _, errOut := tkRun(t, args...)
		if code != 1 || !strings.Contains(errOut, "no ticket database") {
			t.Errorf("%v: exit %d, stderr %q; want exit 1 and 'no ticket database'", args, code, errOut)
		}
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("read commands created %s", dir)
	}
}

func TestTicketsShowAndSetStatus(t *testing.T) {
	dir := tkFixture(t)
	code, out, errOut := tkRun(t, "tickets", "show", "--data", dir, "1")
	if code != 0 {
		t.Fatalf("tickets show 1: exit %d, stderr %s", code, errOut)
	}
	for _, want := range []string{"Ticket:         1", "Status:         open", "URL:            https://chemhub.test/p/a",
		"BMK glycidate  CAS 5449-12-7  list designer", "messenger-contact: Wickr: chemking", "wickr chemking",
		"ticket 2  ChemHub  seller seller-b  shares wickr chemking", "ticket 3  Bazaar  seller seller-c  shares wickr chemking",
		"precwatch  created -> open: designer precursor offered +0.6"} {
		if !strings.Contains(out, want) {
			t.Errorf("tickets show 1: missing %q in:\n%s", want, out)
		}
	}
	// Flags after the ID work too.
	if code, _, errOut := tkRun(t, "tickets", "show", "1", "--data", dir, "--format", "json"); code != 0 {
		t.Errorf("tickets show 1 --data: exit %d, %s", code, errOut)
	}
	if code, _, errOut := tkRun(t, "tickets", "show", "--data", dir, "99"); code != 1 || !strings.Contains(errOut, "ticket 99 not found") {
		t.Errorf("tickets show 99: exit %d, stderr %q", code, errOut)
	}

	steps := []struct {
		args     []string
		code     int
		out, err string
	}{
		{[]string{"--actor", "alice", "--reason", "looks bad", "1", "in_review"}, 0, "ticket 1: open -> in_review", ""},
		{[]string{"--actor", "alice", "--reason", "BMK in drums", "1", "confirmed"}, 0, "ticket 1: in_review -> confirmed", ""},
		{[]string{"--actor", "alice", "--reason", "x", "2", "confirmed"}, 1, "", "cannot become confirmed"},
		{[]string{"--actor", "alice", "2", "in_review"}, 2, "", "--actor and --reason are required"},
		{[]string{"--actor", "alice", "--reason", "x", "2", "bogus"}, 2, "", `status "bogus": want open, in_review`},
		{[]string{"--actor", "alice", "--reason", "x", "2"}, 2, "", "want a ticket ID and a status"},
	}
	for _, st := range steps {
		code, out, errOut := tkRun(t, append([]string{"tickets", "set-status", "--data", dir}, st.args...)...)
		if code != st.code || !strings.Contains(out, st.out) || !strings.Contains(errOut, st.err) {
			t.Errorf("set-status %v: exit %d, out %q, stderr %q; want exit %d, %q, %q", st.args, code, out, errOut, st.code, st.out, st.err)
		}
	}
	_, out, _ = tkRun(t, "tickets", "show", "--data", dir, "1")
	if !strings.Contains(out, "alice  status in_review -> confirmed: BMK in drums") {
		t.Errorf("history lacks the status change:\n%s", out)
	}

	// Export formats.
	code, out, errOut = tkRun(t, "tickets", "export", "--data", dir, "--format", "jsonl")
	if code != 0 {
		t.Fatalf("export jsonl: %d %s", code, errOut)
	}
	var ids []int64
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var rec struct {
			ID         int64  `json:"id"`
			Status     string `json:"status"`
			ListingURL string `json:"listing_url"`
			Substances []struct {
				CAS  string `json:"cas"`
				Name string `json:"name"`
			} `json:"substances"`
		}
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatalf("export jsonl line %q: %v", line, err)
		}
		if rec.ListingURL == "" || len(rec.Substances) != 1 || rec.Substances[0].CAS != "5449-12-7" {
			t.Errorf("export jsonl record %+v", rec)
		}
		ids = append(ids, rec.ID)
	}
	if len(ids) != 3 {
		t.Errorf("export jsonl ids = %v, want 3 tickets", ids)
	}
	_, out, _ = tkRun(t, "tickets", "export", "--data", dir, "--format", "csv", "--status", "confirmed")
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(rows) != 2 || rows[0][0] != "id" || rows[1][0] != "1" || rows[1][1] != "confirmed" {
		t.Errorf("export csv --status confirmed = %q, %v", rows, err)
	}
	_, out, _ = tkRun(t, "tickets", "export", "--data", dir, "--format", "incident")
	var rep tickets.IncidentReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil || len(rep.Incidents) != 1 || rep.Incidents[0].TicketID != 1 ||
		rep.Incidents[0].ConfirmedBy != "alice" || len(rep.Incidents[0].Destinations) != 1 {
		t.Errorf("export incident = %+v, %v\n%s", rep, err, out)
	}
	// An escalation straight from the queue is an incident of
	// --status escalated (the API's ?status=escalated), not of the default.
	if code, _, errOut := tkRun(t, "tickets", "set-status", "--data", dir, "--actor", "bob", "--reason", "cross-border", "2", "escalated"); code != 0 {
		t.Fatalf("escalate ticket 2 from open: exit %d, %s", code, errOut)
	}
	code, out, errOut = tkRun(t, "tickets", "export", "--data", dir, "--format", "incident", "--status", "escalated")
	rep = tickets.IncidentReport{}
	if err := json.Unmarshal([]byte(out), &rep); code != 0 || err != nil || len(rep.Incidents) != 1 || rep.Incidents[0].TicketID != 2 || rep.Incidents[0].Status != "escalated" {
		t.Errorf("export incident --status escalated: exit %d, %+v, %v\n%s%s", code, rep, err, out, errOut)
	}
	if code, _, errOut := tkRun(t, "tickets", "export", "--data", dir, "--format", "xml"); code != 2 || !strings.Contains(errOut, `--format "xml": want jsonl, csv or incident`) {
		t.Errorf("export --format xml: exit %d, stderr %q", code, errOut)
	}
}

func TestTokenCreate(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	cases := []struct {
		args []string
		want tickets.Principal
	}{
		{[]string{"--role", "admin"}, tickets.Principal{Role: "admin"}},
		{[]string{"--role", "partner", "--platform", "ChemHub"}, tickets.Principal{Role: "partner", Platform: "ChemHub"}},
		{[]string{"--role", "reviewer:Bazaar"}, tickets.Principal{Role: "reviewer", Platform: "Bazaar"}},
		{[]string{"--role", "regulator"}, tickets.Principal{Role: "regulator"}},
	}
	var toks []string
	for _, c := range cases {
		code, out, errOut := tkRun(t, append([]string{"token", "create", "--data", dir}, c.args...)...)
		if code != 0 {
			t.Fatalf("token create %v: exit %d, %s", c.args, code, errOut)
		}
		lines := strings.Split(strings.TrimSpace(out), "\n")
		toks = append(toks, lines[len(lines)-1])
	}
	s, err := tickets.Open(filepath.Join(dir, "precwatch.db"), tickets.Options{MustExist: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for i, c := range cases {
		p, err := s.Authenticate(context.Background(), toks[i])
		if err != nil {
			t.Errorf("token of %v (%q) does not authenticate: %v", c.args, toks[i], err)
			continue
		}
		if p.Role != c.want.Role || p.Platform != c.want.Platform {
			t.Errorf("token of %v = %+v, want %+v", c.args, p, c.want)
		}
	}
	bad := filepath.Join(t.TempDir(), "bad")
	for _, args := range [][]string{{"--role", "partner"}, {"--role", "root"}, {"--role", "admin", "--platform", "X"},
		{"--role", "partner:A", "--platform", "B"}} {
		code, _, errOut := tkRun(t, append([]string{"token", "create", "--data", bad}, args...)...)
		if code != 2 || !strings.Contains(errOut, "precwatch token create: --role") {
			t.Errorf("token create %v: exit %d, stderr %q; want exit 2 (a usage error) naming --role", args, code, errOut)
		}
	}
	if _, err := os.Stat(bad); !os.IsNotExist(err) {
		t.Errorf("invalid token create left %s behind", bad)
	}
	code, out, _ := tkRun(t, "token", "list", "--data", dir)
	if code != 0 || strings.Count(out, "\n") != 5 || strings.Contains(out, toks[0]) {
		t.Errorf("token list: exit %d:\n%s", code, out)
	}
	if code, out, _ := tkRun(t, "token", "revoke", "--data", dir, "1"); code != 0 || !strings.Contains(out, "revoked") {
		t.Errorf("token revoke 1: exit %d %s", code, out)
	}
	if _, err := s.Authenticate(context.Background(), toks[0]); precwatch.ErrorCode(err) != precwatch.EUNAUTHORIZED {
		t.Errorf("revoked token authenticates: %v", err)
	}
}

func TestTicketsHelp(t *testing.T) {
	for _, args := range [][]string{
		{"tickets", "--help"}, {"tickets", "list", "--help"}, {"tickets", "show", "--help"}, {"tickets", "export", "--help"},
		{"tickets", "set-status", "--help"}, {"token", "--help"}, {"token", "create", "--help"},
	} {
		code, out, errOut := tkRun(t, args...)
		if code != 0 || !strings.Contains(out+errOut, "Usage: precwatch") {
			t.Errorf("%v: exit %d, output %q", args, code, out+errOut)
		}
	}
	if code, _, _ := tkRun(t, "tickets", "frobnicate"); code != 2 {
		t.Errorf("tickets frobnicate: exit %d, want 2", code)
	}
}
