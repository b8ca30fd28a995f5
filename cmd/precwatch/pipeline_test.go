package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/precwatch/precwatch/demo"
	"github.com/precwatch/precwatch/index"
	"github.com/precwatch/precwatch/tickets"
)

// exportedTicket is a line of `precwatch tickets export` (DESIGN.md).
type exportedTicket struct {
	ID            int64   `json:"id"`
	Status        string  `json:"status"`
	Platform      string  `json:"platform"`
	Target        string  `json:"target"`
	ListingURL    string  `json:"listing_url"`
	ListingStatus string  `json:"listing_status"`
	Title         string  `json:"title"`
	Seller        string  `json:"seller"`
	Score         float64 `json:"score"`
	Substances    []struct {
		CAS  string `json:"cas"`
		Name string `json:"name"`
	} `json:"substances"`
	Indicators []string  `json:"indicators"`
	FirstSeen  time.Time `json:"first_seen"`
	LastSeen   time.Time `json:"last_seen"`
}

// key is a ticket's identity in a test: platform and URL path (the demo's
// ports change between runs, its paths do not).
func (e exportedTicket) key() string {
	u, err := url.Parse(e.ListingURL)
	if err != nil {
		return e.Platform + "|" + e.ListingURL
	}
	return e.Platform + "|" + u.Path
}

// exportTickets runs `tickets export` and parses its JSONL.
func exportTickets(t *testing.T, dataDir string, extra ...string) []exportedTicket {
	t.Helper()
	code, out, errOut := runMain(t, append([]string{"tickets", "export", "--data", dataDir, "--format", "jsonl"}, extra...)...)
	if code != 0 {
		t.Fatalf("tickets export: exit %d: %s", code, errOut)
	}
	var ts []exportedTicket
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var e exportedTicket
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			t.Fatalf("export line %q: %v", sc.Text(), err)
		}
		ts = append(ts, e)
	}
	return ts
}

// freePorts returns the first of n consecutive loopback ports that were
// free a moment ago (the demo listens on P, P+1, P+2).
func freePorts(t *testing.T, n int) int {
	t.Helper()
	for try := 0; try < 50; try++ {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		p := l.Addr().(*net.TCPAddr).Port
		ls := []net.Listener{l}
		ok := true
		for i := 1; i < n && ok; i++ {
			li, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", p+i))
			if err != nil {
				ok = false
				break
			}
			ls = append(ls, li)
		}
		for _, li := range ls {
			li.Close()
		}
		if ok {
			return p
		}
	}
	t.Fatal("no free consecutive ports")
	return 0
}

// startDemo serves the demo marketplaces and writes their configuration.
func startDemo(t *testing.T, addr string, variant int) (*demo.Demo, string) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	d, err := demo.Start(ctx, demo.Options{Addr: addr, Variant: variant})
	if err != nil {
		cancel()
		t.Fatalf("start demo: %v", err)
	}
	t.Cleanup(func() { cancel(); d.Close() })
	cfg := filepath.Join(t.TempDir(), "demo.yml")
	if err := os.WriteFile(cfg, d.ConfigYAML(), 0o644); err != nil {
		t.Fatal(err)
	}
	return d, cfg
}

// labelKeys returns the platform|path keys of the suspicious labels.
func labelKeys(labels []demo.Label) map[string]demo.Label {
	m := map[string]demo.Label{}
	for _, l := range labels {
		if l.Suspicious {
			m[l.Platform+"|"+l.URLPath] = l
		}
	}
	return m
}

// checkAgainstLabels compares tickets with the demo's labels: precision and
// recall of "became a ticket" must reach 0.97, and no listing has two.
func checkAgainstLabels(t *testing.T, ts []exportedTicket, labels []demo.Label) {
	t.Helper()
	want := labelKeys(labels)
	seen := map[string]bool{}
	tp, fp := 0, 0
	for _, e := range ts {
		k := e.key()
		if seen[k] {
			t.Errorf("two tickets for %s", k)
		}
		seen[k] = true
		if _, ok := want[k]; ok {
			tp++
		} else {
			fp++
			t.Logf("ticket not in labels: %s %q", k, e.Title)
		}
	}
	for k, l := range want {
		if !seen[k] {
			t.Logf("labelled suspicious, no ticket: %s (%s, %s)", k, l.Category, l.Lang)
		}
	}
	precision := float64(tp) / float64(max(tp+fp, 1))
	recall := float64(tp) / float64(max(len(want), 1))
	t.Logf("demo tickets: %d, labelled suspicious: %d, precision %.3f, recall %.3f", len(ts), len(want), precision, recall)
	if precision < 0.97 || recall < 0.97 {
		t.Errorf("precision %.3f, recall %.3f: want both >= 0.97", precision, recall)
	}
}

// TestCrawlEndToEnd drives the pipeline as a user would: crawl the demo
// marketplaces, export tickets and search; crawl again (no new ticket);
// crawl a changed state of the marketplaces (updates and removals).
func TestCrawlEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end crawl")
	}
	addr := fmt.Sprintf("127.0.0.1:%d", freePorts(t, 3))
	d, cfg := startDemo(t, addr, 0)
	data := t.TempDir()
	listings := filepath.Join(t.TempDir(), "listings.jsonl")

	code, out, errOut := runMain(t, "crawl", "--config", cfg, "--data", data, "--listings", listings)
	if code != 0 {
		t.Fatalf("crawl: exit %d\n%s\n%s", code, out, errOut)
	}
	for _, s := range d.Sites() {
		if !strings.Contains(out, s.Name) {
			t.Errorf("summary lacks target %s:\n%s", s.Name, out)
		}
	}
	first := exportTickets(t, data)
	checkAgainstLabels(t, first, demo.Labels())

	// Every extracted listing is in --listings with its match.
	n := 0
	f, err := os.Open(listings)
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var r struct {
			Listing struct{ ID, URL string }
			Match   struct{ Score float64 }
		}
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil || r.Listing.ID == "" {
			t.Fatalf("listings line %q: %v", sc.Text(), err)
		}
		n++
	}
	f.Close()
	if n != len(demo.Labels()) {
		t.Errorf("--listings has %d lines, the demo serves %d listings", n, len(demo.Labels()))
	}

	// Search finds a CAS exactly and a substance across languages.
	code, out, errOut = runMain(t, "search", "--data", data, "--format", "json", "--limit", "100", "cas:4433-77-6")
	if code != 0 {
		t.Fatalf("search: exit %d: %s", code, errOut)
	}
	var sr struct {
		Total int `json:"total"`
		Hits  []struct {
			URL        string `json:"url"`
			Substances []struct {
				CAS string `json:"cas"`
			} `json:"substances"`
		} `json:"hits"`
	}
	if err := json.Unmarshal([]byte(out), &sr); err != nil {
		t.Fatalf("search output %q: %v", out, err)
	}
	wantAPAA := 0
	for _, l := range demo.Labels() {
		for _, c := range l.CAS {
			if c == "4433-77-6" {
				wantAPAA++
			}
		}
	}
	if sr.Total < wantAPAA*9/10 || sr.Total == 0 {
		t.Errorf("search cas:4433-77-6: %d hits, the demo labels %d listings with APAA", sr.Total, wantAPAA)
	}
	for _, h := range sr.Hits {
		found := false
		for _, s := range h.Substances {
			found = found || s.CAS == "4433-77-6"
		}
		if !found {
			t.Errorf("search cas:4433-77-6 returned %s without that CAS", h.URL)
		}
	}

	// A second crawl of the same state creates no ticket.
	code, out, errOut = runMain(t, "crawl", "--config", cfg, "--data", data)
	if code != 0 {
		t.Fatalf("second crawl: exit %d\n%s", code, errOut)
	}
	second := exportTickets(t, data)
	if len(second) != len(first) {
		t.Fatalf("second crawl: %d tickets, want %d (no duplicates, no new)", len(second), len(first))
	}
	for i := range second {
		if second[i].ID != first[i].ID || !second[i].LastSeen.After(first[i].LastSeen) && !second[i].LastSeen.Equal(first[i].LastSeen) {
			t.Errorf("ticket %d changed identity or went back in time", first[i].ID)
		}
	}

	// The marketplaces change: same ports, variant 1.
	d.Close()
	_, cfg2 := startDemo(t, addr, 1)
	code, out, errOut = runMain(t, "crawl", "--config", cfg2, "--data", data)
	if code != 0 {
		t.Fatalf("variant crawl: exit %d\n%s\n%s", code, out, errOut)
	}
	third := exportTickets(t, data)
	byKey := map[string]exportedTicket{}
	for _, e := range third {
		byKey[e.key()] = e
	}
	active := map[string]bool{}
	for _, l := range demo.VariantLabels(1) {
		active[l.Platform+"|"+l.URLPath] = true
	}
	removed := 0
	for _, e := range first {
		now, ok := byKey[e.key()]
		if !ok {
			t.Errorf("ticket %s lost after the change", e.key())
			continue
		}
		if !active[e.key()] {
			removed++
			if now.ListingStatus != "removed" {
				t.Errorf("listing %s is gone from the marketplace but its ticket says %q", e.key(), now.ListingStatus)
			}
		} else if now.ListingStatus != "active" {
			t.Errorf("listing %s still listed but its ticket says %q", e.key(), now.ListingStatus)
		}
	}
	if removed == 0 {
		t.Errorf("variant 1 removed no ticketed listing: the test proves nothing")
	}
	// Tickets are kept when a listing changes; the tickets of the added and
	// changed listings must be right.
	diff, err := demo.VariantDiff(0, 1)
	if err != nil {
		t.Fatal(err)
	}
	touched := map[string]bool{}
	for _, id := range append(diff.Added, diff.Changed...) {
		touched[id] = true
	}
	before := map[string]bool{}
	for _, e := range first {
		before[e.key()] = true
	}
	var newLabels []demo.Label
	for _, l := range demo.VariantLabels(1) {
		if touched[l.ListingID] {
			newLabels = append(newLabels, l)
		}
	}
	if len(labelKeys(newLabels)) == 0 {
		t.Errorf("variant 1 adds or changes no suspicious listing: the test proves nothing")
	}
	// Every ticket created by this crawl is for a suspicious listing, and
	// every added or changed suspicious listing has a ticket.
	want := labelKeys(newLabels)
	for _, e := range third {
		if _, ok := want[e.key()]; !before[e.key()] && !ok {
			t.Errorf("new ticket for %s %q, which is not labelled suspicious", e.key(), e.Title)
		}
	}
	hit := 0
	for k := range want {
		if _, ok := byKey[k]; ok {
			hit++
		} else {
			t.Logf("changed or added suspicious listing without a ticket: %s", k)
		}
	}
	if recall := float64(hit) / float64(len(want)); recall < 0.97 {
		t.Errorf("added or changed listings: recall %.3f (%d of %d), want >= 0.97", recall, hit, len(want))
	}
}

// TestPipelineCrash kills the crawl pipeline (SIGKILL, in a subprocess) at
// several points and runs it again: no ticket or index entry is lost or
// doubled, compared with an uninterrupted crawl of the same marketplaces.
func TestPipelineCrash(t *testing.T) {
	if testing.Short() {
		t.Skip("subprocess crash test")
	}
	_, cfg := startDemo(t, "127.0.0.1:0", 0)

	clean := t.TempDir()
	if code, _, errOut := runMain(t, "crawl", "--config", cfg, "--data", clean); code != 0 {
		t.Fatalf("clean crawl: exit %d: %s", code, errOut)
	}
	want := ticketKeys(t, exportTickets(t, clean))

	crashed := t.TempDir()
	kills := 0
	for _, after := range []time.Duration{700 * time.Millisecond, 1500 * time.Millisecond, 2500 * time.Millisecond, 4 * time.Second} {
		cmd := exec.Command(os.Args[0], "crawl", "--config", cfg, "--data", crashed)
		cmd.Env = append(os.Environ(), "PRECWATCH_TEST_MAIN=1")
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case <-done: // finished before the kill: the remaining points are moot
		case <-time.After(after):
			cmd.Process.Signal(syscall.SIGKILL)
			<-done
			kills++
		}
	}
	if kills == 0 {
		t.Fatal("the crawl finished before the first kill: the test proves nothing")
	}
	if code, _, errOut := runMain(t, "crawl", "--config", cfg, "--data", crashed); code != 0 {
		t.Fatalf("crawl after %d kills: exit %d: %s", kills, code, errOut)
	}
	got := ticketKeys(t, exportTickets(t, crashed))
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("after %d kills: %d tickets, uninterrupted crawl: %d\nmissing: %v\nextra: %v",
			kills, len(got), len(want), diff(want, got), diff(got, want))
	}

	// The index holds each listing with hits once, as in the clean run.
	cleanN, crashedN := indexCount(t, clean), indexCount(t, crashed)
	if cleanN != crashedN || cleanN == 0 {
		t.Errorf("index: %d entries after kills, %d in the clean run", crashedN, cleanN)
	}
	s, err := tickets.Open(dbPath(crashed), tickets.Options{MustExist: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.IntegrityCheck(context.Background()); err != nil {
		t.Errorf("integrity: %v", err)
	}
	t.Logf("%d kills; %d tickets; %d index entries", kills, len(got), crashedN)
}

// ticketKeys returns the sorted identities of tickets, failing on duplicates.
func ticketKeys(t *testing.T, ts []exportedTicket) []string {
	t.Helper()
	var ks []string
	seen := map[string]bool{}
	for _, e := range ts {
		k := e.key()
		if seen[k] {
			t.Errorf("duplicate ticket for %s", k)
		}
		seen[k] = true
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

func diff(a, b []string) []string {
	in := map[string]bool{}
	for _, x := range b {
		in[x] = true
	}
	var out []string
	for _, x := range a {
		if !in[x] {
			out = append(out, x)
		}
	}
	return out
}

func indexCount(t *testing.T, dataDir string) uint64 {
	t.Helper()
	x, err := index.Open(indexPath(dataDir), index.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	n, err := x.Count()
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestRescanRetroHunt: after the watchlist gains a substance, rescan finds
// it in stored listings, raises tickets and indexes them; a second rescan
// changes nothing.
func TestRescanRetroHunt(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end crawl")
	}
	_, cfg := startDemo(t, "127.0.0.1:0", 0)
	data := t.TempDir()
	if code, _, errOut := runMain(t, "crawl", "--config", cfg, "--data", data); code != 0 {
		t.Fatalf("crawl: exit %d: %s", code, errOut)
	}
	before := len(exportTickets(t, data))

	// A newly "scheduled" substance that the demo's legitimate listings name.
	extra := filepath.Join(t.TempDir(), "national.yaml")
	if err := os.WriteFile(extra, []byte(`version: 1
substances:
  - id: citric-acid-test
    name: Citric acid (test scheduling)
    list: table-I
    cas: "77-92-9"
    synonyms: [citric acid]
    source: "test fixture: a substance scheduled after the listings were crawled"
    confidence: high
`), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runMain(t, "rescan", "--data", data, "--watchlist", extra)
	if code != 0 {
		t.Fatalf("rescan: exit %d: %s", code, errOut)
	}
	after := exportTickets(t, data)
	var citric int
	for _, e := range after {
		for _, s := range e.Substances {
			if s.CAS == "77-92-9" {
				citric++
			}
		}
	}
	if citric == 0 || len(after) != before+citric {
		t.Fatalf("rescan: %d tickets before, %d after, %d with the new substance; output %q", before, len(after), citric, out)
	}
	code, out, errOut = runMain(t, "search", "--data", data, "--format", "json", "cas:77-92-9")
	if code != 0 || !strings.Contains(out, `"total":`) || strings.Contains(out, `"total":0`) {
		t.Fatalf("search for the new substance: exit %d, %s %s", code, out, errOut)
	}
	// Again: nothing new.
	if code, out, errOut = runMain(t, "rescan", "--data", data, "--watchlist", extra); code != 0 {
		t.Fatalf("second rescan: exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, " 0 changed, 0 new tickets") {
		t.Errorf("second rescan changed something: %q", out)
	}
	if n := len(exportTickets(t, data)); n != len(after) {
		t.Errorf("second rescan: %d tickets, want %d", n, len(after))
	}
}

// TestCrawlBadConfig: a bad configuration never starts a crawl; every
// problem is reported as file:line:col and nothing is written.
func TestCrawlBadConfig(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, "bad.yml")
	os.WriteFile(cfg, []byte(`targets:
  - name: Bad_Name
    platform: X
    start_urls: ["ftp://example.invalid/"]
    parallelism: 0
    bogus: 1
`), 0o644)
	data := filepath.Join(dir, "data")
	code, _, errOut := runMain(t, "crawl", "--config", cfg, "--data", data)
	if code == 0 {
		t.Fatal("crawl with a bad config exited 0")
	}
	for _, want := range []string{cfg + ":2:", cfg + ":4:", cfg + ":6:"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
	if _, err := os.Stat(data); !os.IsNotExist(err) {
		t.Errorf("a bad config created the data directory (%v)", err)
	}
}
