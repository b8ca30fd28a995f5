package crawler

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/precwatch/precwatch"
)

// The journal is the durable state of an unfinished run: an append-only text
// file DataDir/crawl/<target>.journal with one record per line:
//
//	run <id> <started unix ns>
//	target <fingerprint>                    what the frontier was built from (see Fingerprint)
//	q <kind> <url> [<form>]                 URL added to the frontier, with the
//	                                        form body a WebForms postback posts
//	d <url> <status> <listings> <errkind> <gone>   page processed
//
// A page's discovered URLs and its "d" record are written together in one
// write(2) after the sink has accepted its listings, so a killed process
// loses nothing that was written (the kernel has it); fsync runs every
// syncInterval and at the end, bounding what a power loss can undo. A torn last
// line is discarded on replay. A finished run's journal is removed.
type journal struct {
	path string

	mu    sync.Mutex
	f     *os.File
	lock  *os.File // flocked while the run is open
	dirty bool
	buf   bytes.Buffer
}

const syncInterval = time.Second

// maxJournalLine bounds a journal record on replay: a postback's form
// body is at most a page's body cap, percent-encoded.
const maxJournalLine = 256 << 20

// item is one frontier entry.
type item struct {
	url  string
	kind byte // 's' start URL, 'f' follow (listing detail), 'n' next page
	// post is the form body (form-urlencoded) of a next page that an
	// ASP.NET WebForms pager posts back (extract.Page.Postbacks); "" for
	// a page that is fetched by GET.
	post string
}

// replayed is the state read back from a journal.
type replayed struct {
	id          string
	fingerprint string // "" in journals written before fingerprints
	started     time.Time
	pending     []item
	seen        map[string]struct{}
	pages       int
	listings    int
	errors      int
	byKind      map[string]int
	gone        []string
	startFailed []PageFailure // start pages that failed
	robots      []item        // pages robots.txt disallowed
	// offDomainNext holds the next pages refused for lying outside the
	// allowed domains (Run.OffDomainNext).
	offDomainNext []string
	detailRead    bool // a follow page was read without error
}

func journalPath(dataDir, target string) string {
	return filepath.Join(dataDir, "crawl", target+".journal")
}

// openJournal opens the journal of target, replaying it when it exists. st is
// nil when there is no unfinished run. A journal that does not replay is moved
// aside and reported in corrupt; the run starts afresh.
func openJournal(dataDir, target string) (_ *journal, st *replayed, corrupt, err error) {
	path := journalPath(dataDir, target)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, nil, nil, fmt.Errorf("open journal %s: %w", path, err)
	}
	// One run of a target at a time (the scheduler and a CLI crawl may
	// race): an advisory lock, released by the kernel if the process dies.
	lock, err := os.OpenFile(strings.TrimSuffix(path, ".journal")+".lock", os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("open journal %s: %w", path, err)
	}
	if err := syscall.Flock(int(lock.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		lock.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, nil, nil, precwatch.Errorf(precwatch.ECONFLICT, "target %s is being crawled by another run", target)
		}
		return nil, nil, nil, fmt.Errorf("lock journal %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			lock.Close()
		}
	}()
	data, err := os.ReadFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return nil, nil, nil, fmt.Errorf("open journal %s: %w", path, err)
	default:
		// Drop a torn last line (the process died inside a write).
		if i := bytes.LastIndexByte(data, '\n'); i+1 != len(data) {
			data = data[:i+1]
			if err := os.Truncate(path, int64(len(data))); err != nil {
				return nil, nil, nil, fmt.Errorf("open journal %s: %w", path, err)
			}
		}
		st, err = replay(data)
		if err != nil {
			// A journal that does not parse cannot be resumed; keep it for
			// inspection and start a new run rather than never crawl again.
			aside := fmt.Sprintf("%s.corrupt-%d", path, time.Now().UnixNano())
			if rerr := os.Rename(path, aside); rerr != nil {
				return nil, nil, nil, fmt.Errorf("replay journal %s: %w (and moving it aside: %v)", path, err, rerr)
			}
			st = nil
			corrupt = fmt.Errorf("replay journal %s: %w; moved to %s", path, err, aside)
		}
	}
	f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("open journal %s: %w", path, err)
	}
	return &journal{path: path, f: f, lock: lock}, st, corrupt, nil
}

func replay(data []byte) (*replayed, error) {
	st := &replayed{seen: map[string]struct{}{}, byKind: map[string]int{}}
	var order []item
	kinds := map[string]byte{}
	done := map[string]struct{}{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	// A postback's form (its __VIEWSTATE) may be megabytes long.
	sc.Buffer(make([]byte, 64<<10), maxJournalLine)
	line := 0
	for sc.Scan() {
		line++
		fields := strings.Split(sc.Text(), "\t")
		switch {
		case fields[0] == "run" && len(fields) == 3:
			ns, err := strconv.ParseInt(fields[2], 10, 64)
			if err != nil {
				return nil, fmt.Errorf("line %d: %w", line, err)
			}
			st.id, st.started = fields[1], time.Unix(0, ns).UTC()
		case fields[0] == "target" && len(fields) == 2:
			st.fingerprint = fields[1]
		case fields[0] == "q" && (len(fields) == 3 || len(fields) == 4) && len(fields[1]) == 1:
			if _, ok := st.seen[fields[2]]; !ok {
				st.seen[fields[2]] = struct{}{}
				it := item{url: fields[2], kind: fields[1][0]}
				if len(fields) == 4 {
					it.post = fields[3]
				}
				order = append(order, it)
				kinds[fields[2]] = fields[1][0]
			}
		case fields[0] == "d" && len(fields) == 6:
			if _, ok := done[fields[1]]; ok {
				continue
			}
			done[fields[1]] = struct{}{}
			if fields[4] == KindOffDomainNext {
				// A next page refused, not fetched: an error,
				// not a page.
				st.errors++
				st.byKind[fields[4]]++
				st.offDomainNext = append(st.offDomainNext, fields[1])
				continue
			}
			n, _ := strconv.Atoi(fields[3])
			st.pages++
			st.listings += n
			if fields[4] != "" {
				st.errors++
				st.byKind[fields[4]]++
				if kinds[fields[1]] == 's' {
					st.startFailed = append(st.startFailed, PageFailure{URL: fields[1], Kind: fields[4]})
				}
				if fields[4] == KindRobots {
					st.robots = append(st.robots, item{url: fields[1], kind: kinds[fields[1]]})
				}
			} else if kinds[fields[1]] == 'f' {
				st.detailRead = true
			}
			if fields[5] == "1" {
				st.gone = append(st.gone, fields[1])
			}
		default:
			return nil, fmt.Errorf("line %d: bad record %.80q", line, sc.Text())
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if st.id == "" {
		return nil, errors.New("no run record")
	}
	for _, it := range order {
		if _, ok := done[it.url]; !ok {
			st.pending = append(st.pending, it)
		}
	}
	return st, nil
}

// begin records the start of a new run of the target with the given
// fingerprint.
func (j *journal) begin(id string, started time.Time, fingerprint string) error {
	return j.write(func(b *bytes.Buffer) {
		fmt.Fprintf(b, "run\t%s\t%d\ntarget\t%s\n", id, started.UnixNano(), fingerprint)
	})
}

// reset empties the journal: the unfinished run it held is abandoned.
func (j *journal) reset() error {
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.f == nil {
		return fmt.Errorf("reset journal %s: closed", j.path)
	}
	if err := j.f.Truncate(0); err != nil {
		return fmt.Errorf("reset journal %s: %w", j.path, err)
	}
	j.dirty = true
	return nil
}

// page records a processed page, the URLs it added to the frontier and
// the next pages it linked outside the allowed domains (refused: recorded
// as queued and done with KindOffDomainNext).
func (j *journal) page(added []item, refused []string, url string, status, listings int, errKind string, gone bool) error {
	return j.write(func(b *bytes.Buffer) {
		for _, it := range added {
			b.WriteString("q\t")
			b.WriteByte(it.kind)
			b.WriteByte('\t')
			b.WriteString(it.url)
			if it.post != "" {
				b.WriteByte('\t')
				b.WriteString(it.post)
			}
			b.WriteByte('\n')
		}
		for _, u := range refused {
			fmt.Fprintf(b, "q\tn\t%s\nd\t%s\t0\t0\t%s\t0\n", u, u, KindOffDomainNext)
		}
		g := "0"
		if gone {
			g = "1"
		}
		fmt.Fprintf(b, "d\t%s\t%d\t%d\t%s\t%s\n", url, status, listings, errKind, g)
	})
}

// enqueue records URLs added to the frontier outside a page (start URLs).
func (j *journal) enqueue(added []item) error {
	if len(added) == 0 {
		return nil
	}
	return j.write(func(b *bytes.Buffer) {
		for _, it := range added {
			fmt.Fprintf(b, "q\t%c\t%s\n", it.kind, it.url)
		}
	})
}

func (j *journal) write(fn func(*bytes.Buffer)) error {
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.f == nil {
		return fmt.Errorf("write journal %s: closed", j.path)
	}
	j.buf.Reset()
	fn(&j.buf)
	if _, err := j.f.Write(j.buf.Bytes()); err != nil {
		return fmt.Errorf("write journal %s: %w", j.path, err)
	}
	j.dirty = true
	return nil
}

// sync flushes the journal to stable storage if anything was written.
func (j *journal) sync() error {
	j.mu.Lock()
	f := j.f
	if f == nil || !j.dirty {
		j.mu.Unlock()
		return nil
	}
	j.dirty = false
	j.mu.Unlock()
	// fsync without the lock: it can take long and writers must not wait.
	if err := f.Sync(); err != nil {
		return fmt.Errorf("sync journal %s: %w", j.path, err)
	}
	return nil
}

// close syncs and closes the journal; with finished it is removed, so the
// next run of the target starts afresh.
func (j *journal) close(finished bool) error {
	err := j.sync()
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.f != nil {
		if cerr := j.f.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("close journal %s: %w", j.path, cerr)
		}
		j.f = nil
	}
	if finished {
		if rerr := os.Remove(j.path); rerr != nil && !errors.Is(rerr, fs.ErrNotExist) && err == nil {
			err = fmt.Errorf("remove journal %s: %w", j.path, rerr)
		}
	}
	if j.lock != nil {
		j.lock.Close() // releases the flock
		j.lock = nil
	}
	return err
}

var _ io.Closer = (*os.File)(nil)
