package crawler

import (
	"bytes"
	"net/http"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/precwatch/precwatch"
)

func TestEvidence(t *testing.T) {
	dir := t.TempDir()
	ev, err := OpenEvidence(dir)
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 11, 27, 7, 0, 0, 0, time.UTC)
	s := Snapshot{URL: "https://shop.example/p/1", FetchedAt: at, Status: 200,
		Header: http.Header{"Content-Type": {"text/html; charset=gbk"}}, Body: []byte("<h1>\xc2\xc8\xbb\xaf</h1>")}
	h, err := ev.Put(s)
	if err != nil {
		t.Fatal(err)
	}
	if h != Hash(s.Body) {
		t.Errorf("Put hash = %s, want SHA-256 of the body %s", h, Hash(s.Body))
	}
	// The same body again (another URL) is stored once, keeping the first metadata.
	h2, err := ev.Put(Snapshot{URL: "https://shop.example/p/1?x", FetchedAt: at.Add(time.Hour), Status: 200, Body: s.Body})
	if err != nil || h2 != h {
		t.Fatalf("second Put = %s, %v", h2, err)
	}
	other, _ := ev.Put(Snapshot{URL: "https://shop.example/p/2", Status: 200, Body: []byte("other")})
	// A second store on the same directory (another process) sees both.
	ev2, err := OpenEvidence(dir)
	if err != nil {
		t.Fatal(err)
	}
	third, err := ev.Put(Snapshot{URL: "https://shop.example/p/3", Status: 200, Body: []byte("third")})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		hash, url string
		body      []byte
	}{{h, s.URL, s.Body}, {other, "https://shop.example/p/2", []byte("other")}, {third, "https://shop.example/p/3", []byte("third")}} {
		got, err := ev2.Get(tc.hash)
		if err != nil {
			t.Fatalf("Get(%s): %v", tc.url, err)
		}
		if got.URL != tc.url || !bytes.Equal(got.Body, tc.body) {
			t.Errorf("Get(%s) = %s %q", tc.url, got.URL, got.Body)
		}
	}
	got, _ := ev2.Get(h)
	if !got.FetchedAt.Equal(at) || got.Status != 200 || got.Header.Get("Content-Type") != "text/html; charset=gbk" {
		t.Errorf("metadata = %+v", got)
	}
	if _, err := ev2.Get(Hash([]byte("never stored"))); precwatch.ErrorCode(err) != precwatch.ENOTFOUND {
		t.Errorf("Get(missing) = %v, want ENOTFOUND", err)
	}
	if _, err := ev2.Get("../../etc/passwd"); precwatch.ErrorCode(err) != precwatch.EINVALID {
		t.Errorf("Get(bad hash) = %v, want EINVALID", err)
	}
	if err := ev.Close(); err != nil {
		t.Fatal(err)
	}
	ev2.Close()

	// A torn index line (killed mid-write) is ignored; the rest still reads.
	f, _ := os.OpenFile(filepath.Join(dir, "index"), os.O_APPEND|os.O_WRONLY, 0)
	f.WriteString(Hash([]byte("torn"))[:20])
	f.Close()
	ev3, err := OpenEvidence(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ev3.Close()
	if _, err := ev3.Get(other); err != nil {
		t.Errorf("after a torn index line: %v", err)
	}
}

func TestContentHash(t *testing.T) {
	base := precwatch.Listing{ID: "1", URL: "https://x/1", Title: "Acetone  99%", Description: "drum",
		Attributes: map[string]string{"purity": "99", "cas": "67-64-1"}}
	same := base
	same.Title = " Acetone 99% "
	same.Attributes = map[string]string{"cas": "67-64-1", "purity": "99"}
	same.FetchedAt = time.Now()
	same.EvidenceHash = "abc"
	same.Target = "t"
	for _, tc := range []struct {
		name string
		l    precwatch.Listing
		want bool
	}{
		{"whitespace, attribute order, crawl fields", same, true},
		{"title changed", func() precwatch.Listing { l := base; l.Title = "Acetone 98%"; return l }(), false},
		{"price added", func() precwatch.Listing { l := base; l.Price = "10"; return l }(), false},
		{"attribute changed", func() precwatch.Listing {
			l := base
			l.Attributes = map[string]string{"purity": "98", "cas": "67-64-1"}
			return l
		}(), false},
		{"field boundary moved", func() precwatch.Listing { l := base; l.Title, l.Description = "Acetone 99% drum", ""; return l }(), false},
	} {
		if got := ContentHash(tc.l) == ContentHash(base); got != tc.want {
			t.Errorf("%s: same hash = %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestJournalReplay(t *testing.T) {
	dir := t.TempDir()
	j, st, _, err := openJournal(dir, "shop")
	if err != nil || st != nil {
		t.Fatalf("new journal: %v %v", st, err)
	}
	// A second run of the same target while this one is open is refused.
	if _, _, _, err := openJournal(dir, "shop"); precwatch.ErrorCode(err) != precwatch.ECONFLICT {
		t.Errorf("second open of a journal in use = %v, want ECONFLICT", err)
	}
	at := time.Unix(1700000000, 0).UTC()
	j.begin("run-1", at, "fp-1")
	j.enqueue([]item{{"https://s/1", 's', ""}})
	j.page([]item{{"https://s/p/1", 'f', ""}, {"https://s/p/2", 'f', ""}, {"https://s/2", 'n', ""}}, nil, "https://s/1", 200, 0, "", false)
	j.page(nil, nil, "https://s/p/1", 200, 1, "", false)
	j.page(nil, nil, "https://s/p/2", 410, 0, "http-410", true)
	j.close(false)
	// A torn record from a kill in the middle of a write.
	f, _ := os.OpenFile(journalPath(dir, "shop"), os.O_APPEND|os.O_WRONLY, 0)
	f.WriteString("d\thttps://s/2\t20")
	f.Close()

	j, st, _, err = openJournal(dir, "shop")
	if err != nil {
		t.Fatal(err)
	}
	if st.id != "run-1" || st.fingerprint != "fp-1" || !st.started.Equal(at) || st.pages != 3 || st.listings != 1 || st.errors != 1 ||
		st.byKind["http-410"] != 1 || len(st.gone) != 1 || len(st.seen) != 4 {
		t.Errorf("replayed = %+v", st)
	}
	if len(st.pending) != 1 || st.pending[0] != (item{"https://s/2", 'n', ""}) {
		t.Errorf("pending = %v, want the unprocessed next page", st.pending)
	}
	j.close(false)

	// A journal that does not parse is set aside and a new run starts.
	os.WriteFile(journalPath(dir, "shop"), []byte("garbage\n"), 0o644)
	j, st, corrupt, err := openJournal(dir, "shop")
	if err != nil || st != nil || corrupt == nil {
		t.Fatalf("corrupt journal: st %v corrupt %v err %v; want a fresh start and the reason", st, corrupt, err)
	}
	j.close(true)
	if m, _ := filepath.Glob(journalPath(dir, "shop") + ".corrupt-*"); len(m) != 1 {
		t.Errorf("corrupt journal not kept aside: %v", m)
	}
}

// TestEvidenceSegmentDeletedByRetention deletes the segment files (as the
// README's retention advice does) and checks that the same bodies are
// stored again, both by a store opened afterwards and by one that was open
// when the files went.
func TestEvidenceSegmentDeletedByRetention(t *testing.T) {
	dir := t.TempDir()
	ev, err := OpenEvidence(dir)
	if err != nil {
		t.Fatal(err)
	}
	body := []byte("<h1>Ephedrine HCl</h1>")
	h, err := ev.Put(Snapshot{URL: "https://shop.example/p/1", Status: 200, Body: body})
	if err != nil {
		t.Fatal(err)
	}
	if err := ev.Close(); err != nil {
		t.Fatal(err)
	}
	deleteSegments := func() {
		t.Helper()
		segs, err := filepath.Glob(filepath.Join(dir, "seg-*.dat"))
		if err != nil || len(segs) == 0 {
			t.Fatalf("segments: %v %v", segs, err)
		}
		for _, s := range segs {
			if err := os.Remove(s); err != nil {
				t.Fatal(err)
			}
		}
	}
	deleteSegments()

	// A store opened after the deletion.
	ev2, err := OpenEvidence(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ev2.Get(h); precwatch.ErrorCode(err) != precwatch.ENOTFOUND {
		t.Fatalf("Get after its segment was deleted: %v, want ENOTFOUND", err)
	}
	if _, err := ev2.Put(Snapshot{URL: "https://shop.example/p/1", Status: 200, Body: body}); err != nil {
		t.Fatal(err)
	}
	if got, err := ev2.Get(h); err != nil || !bytes.Equal(got.Body, body) {
		t.Fatalf("Get after storing it again = %v, %v; want the body", got, err)
	}
	if err := ev2.Close(); err != nil {
		t.Fatal(err)
	}
	// Reopened, the later index line wins over the deleted one.
	ev4, err := OpenEvidence(dir)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := ev4.Get(h); err != nil || !bytes.Equal(got.Body, body) {
		t.Fatalf("reopened Get = %v, %v; want the body stored again", got, err)
	}
	if err := ev4.Close(); err != nil {
		t.Fatal(err)
	}

	// A store that is open while the files go (it has read no snapshot
	// yet, so holds no open segment): a Get finds the segment gone and
	// the next Put stores the body again.
	ev3, err := OpenEvidence(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ev3.Close()
	deleteSegments()
	if _, err := ev3.Get(h); precwatch.ErrorCode(err) != precwatch.ENOTFOUND {
		t.Fatalf("Get in an open store after deletion: %v, want ENOTFOUND", err)
	}
	if _, err := ev3.Put(Snapshot{URL: "https://shop.example/p/1", Status: 200, Body: body}); err != nil {
		t.Fatal(err)
	}
	if got, err := ev3.Get(h); err != nil || !bytes.Equal(got.Body, body) {
		t.Fatalf("Get after storing it again in the open store = %v, %v", got, err)
	}
}
