package main

import (
	"encoding/csv"
	"encoding/json"
	"net/http"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestAPITicketsLimitZero (walkthrough 9, U5): GET /api/v1/tickets?limit=0
// means all, as `precwatch tickets list --limit 0` does (up to the page cap
// of 1000, which the answer's limit says); it was 400.
func TestAPITicketsLimitZero(t *testing.T) {
	f := newFixture(t)
	code, body := f.do("admin", "GET", "/api/v1/tickets?limit=0", "")
	if code != http.StatusOK {
		t.Fatalf("GET /api/v1/tickets?limit=0: %d %s, want 200", code, short(body))
	}
	var page struct {
		Total   int               `json:"total"`
		Limit   int               `json:"limit"`
		Tickets []json.RawMessage `json:"tickets"`
	}
	if err := json.Unmarshal([]byte(body), &page); err != nil {
		t.Fatal(err)
	}
	if page.Limit != 1000 || len(page.Tickets) != min(page.Total, 1000) {
		t.Errorf("limit=0: limit %d, %d tickets of %d; want limit 1000 and every ticket", page.Limit, len(page.Tickets), page.Total)
	}
	_, out, _ := runMain(t, "tickets", "list", "--data", f.a.dataDir, "--limit", "0")
	if rows := strings.Count(strings.TrimSpace(out), "\n"); rows != page.Total { // a header line, then one a ticket
		t.Errorf("tickets list --limit 0: %d rows, the API's limit=0 %d tickets", rows, page.Total)
	}
	if code, body := f.do("admin", "GET", "/api/v1/tickets?limit=1001", ""); code != http.StatusBadRequest {
		t.Errorf("limit=1001: %d %s, want 400 (the page cap)", code, short(body))
	}
}

// TestExportTimesAgree (U5): the CSV exports write times as the JSONL
// exports do, RFC 3339 UTC to the nanosecond: a ticket's first_seen,
// last_seen and flagged_at, and a search hit's first_seen and last_seen,
// read the same in both (CSV had whole seconds).
func TestExportTimesAgree(t *testing.T) {
	f := newFixture(t)
	_, jl, _ := runMain(t, "tickets", "export", "--data", f.a.dataDir, "--format", "jsonl")
	_, cs, _ := runMain(t, "tickets", "export", "--data", f.a.dataDir, "--format", "csv")
	checkTimesAgree(t, "tickets export", jl, cs, "id", []string{"first_seen", "last_seen", "flagged_at"})
	_, jl = f.do("regulator", "GET", "/api/v1/search/export.jsonl?q=*", "")
	_, cs = f.do("regulator", "GET", "/api/v1/search/export.csv?q=*", "")
	checkTimesAgree(t, "search export", jl, cs, "id", []string{"first_seen", "last_seen"})
}

func checkTimesAgree(t *testing.T, what, jsonl, csvText, key string, fields []string) {
	t.Helper()
	byKey := map[string]map[string]any{}
	for _, line := range strings.Split(strings.TrimSpace(jsonl), "\n") {
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("%s jsonl %q: %v", what, line, err)
		}
		byKey[jsonString(m[key])] = m
	}
	recs, err := csv.NewReader(strings.NewReader(csvText)).ReadAll()
	if err != nil || len(recs) < 2 {
		t.Fatalf("%s csv: %v, %d records", what, err, len(recs))
	}
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	compared, fractional := 0, 0
	for _, r := range recs[1:] {
		m := byKey[r[col[key]]]
		if m == nil {
			t.Fatalf("%s: csv row %s not in the jsonl", what, r[col[key]])
		}
		for _, fld := range fields {
			got, want := r[col[fld]], jsonString(m[fld])
			if got != want {
				t.Errorf("%s %s %s: csv %q, jsonl %q; want the same text", what, r[col[key]], fld, got, want)
			}
			if strings.Contains(want, ".") {
				fractional++
			}
			compared++
		}
	}
	if compared == 0 || fractional == 0 {
		t.Errorf("%s: %d times compared, %d with a fraction of a second: the test proves nothing", what, compared, fractional)
	}
}

func jsonString(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case float64:
		b, _ := json.Marshal(x)
		return string(b)
	}
	return ""
}

// TestVersionWithoutVCS (U5): a binary built with -buildvcs=false says
// that its commit is unknown, rather than leaving it out.
func TestVersionWithoutVCS(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the program")
	}
	bin := filepath.Join(t.TempDir(), "precwatch")
	if out, err := exec.Command("go", "build", "-buildvcs=false", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	out, err := exec.Command(bin, "version").Output()
	if err != nil || !strings.HasPrefix(string(out), "precwatch ") || !strings.Contains(string(out), " commit unknown (built without VCS info) go") {
		t.Errorf("precwatch version (built -buildvcs=false): %q (%v); want 'precwatch VERSION commit unknown (built without VCS info) goX'", out, err)
	}
}
