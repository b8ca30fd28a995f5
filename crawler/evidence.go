package crawler

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/precwatch/precwatch"
)

// Snapshot is one fetched page as stored in the evidence store.
type Snapshot struct {
	URL       string      `json:"url"`
	FetchedAt time.Time   `json:"fetched_at"`
	Status    int         `json:"status"`
	Header    http.Header `json:"header"`
	Body      []byte      `json:"-"`
}

// Evidence is a content-addressed store of page snapshots, addressed by the
// SHA-256 hex of the body. Identical bodies are stored once; the metadata
// (URL, fetch time, status, headers) is that of the first fetch.
//
// Snapshots are appended, each as one gzip member holding a JSON metadata line
// and the body, to segment files DIR/seg-*.dat (one per process, so several
// processes may share a store), and an index line "hash segment offset length"
// is appended to DIR/index after the record. Creating a file per snapshot
// cost more CPU than fetching and parsing the page (see
// docs/BENCHMARKS-crawler.md); two appends do not. A process killed between
// the two leaves an unindexed record, which is harmless; a torn index line is
// ignored. Writes reach the kernel at once (they survive kill -9) and are
// fsynced by Close.
//
// Evidence is safe for concurrent use.
type Evidence struct {
	dir string

	mu       sync.Mutex
	index    map[[sha256.Size]byte]evidenceLoc
	indexF   *os.File
	indexOff int64 // bytes of DIR/index already read
	seg      *os.File
	segName  string
	segSize  int64
	readers  map[string]*os.File
	// segSeen caches whether a segment file exists, and when that was
	// last checked: retention may delete old segments (README,
	// "Retention"), and a snapshot whose segment is gone is stored again
	// by the next Put of its body.
	segSeen map[string]segCheck
}

// segCheck is a cached answer to "does this segment file exist".
type segCheck struct {
	exists bool
	at     time.Time
}

// segRecheck is how long a segment's existence is trusted before it is
// checked again.
const segRecheck = time.Minute

type evidenceLoc struct {
	seg string
	off int64
	n   int64
}

const maxSegment = 512 << 20

// segCounter keeps segment names unique between stores of one process.
var segCounter atomic.Int64

// OpenEvidence opens (creating it if needed) the evidence store in dir.
func OpenEvidence(dir string) (*Evidence, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("open evidence %s: %w", dir, err)
	}
	f, err := os.OpenFile(filepath.Join(dir, "index"), os.O_CREATE|os.O_RDWR|os.O_APPEND, 0o644)
	if err != nil {
		return nil, fmt.Errorf("open evidence %s: %w", dir, err)
	}
	e := &Evidence{dir: dir, index: map[[sha256.Size]byte]evidenceLoc{}, indexF: f, readers: map[string]*os.File{},
		segSeen: map[string]segCheck{}}
	if err := e.refresh(); err != nil {
		f.Close()
		return nil, fmt.Errorf("open evidence %s: %w", dir, err)
	}
	return e, nil
}

// refresh reads index lines appended since the last read (by this or another
// process). The caller holds e.mu or owns e.
func (e *Evidence) refresh() error {
	fi, err := e.indexF.Stat()
	if err != nil {
		return err
	}
	if fi.Size() <= e.indexOff {
		return nil
	}
	data := make([]byte, fi.Size()-e.indexOff)
	n, err := e.indexF.ReadAt(data, e.indexOff)
	if err != nil && !errors.Is(err, io.EOF) {
		return err
	}
	data = data[:n]
	end := bytes.LastIndexByte(data, '\n') + 1 // a torn last line waits
	sc := bufio.NewScanner(bytes.NewReader(data[:end]))
	for sc.Scan() {
		f := strings.Split(sc.Text(), "\t")
		if len(f) != 4 {
			continue
		}
		var key [sha256.Size]byte
		if b, err := hex.DecodeString(f[0]); err != nil || len(b) != sha256.Size {
			continue
		} else {
			copy(key[:], b)
		}
		off, err1 := strconv.ParseInt(f[2], 10, 64)
		ln, err2 := strconv.ParseInt(f[3], 10, 64)
		if err1 != nil || err2 != nil || strings.ContainsAny(f[1], `/\`) {
			continue
		}
		if old, ok := e.index[key]; (!ok || !e.segExists(old.seg)) && e.segExists(f[1]) {
			e.index[key] = evidenceLoc{seg: f[1], off: off, n: ln}
		}
	}
	e.indexOff += int64(end)
	return nil
}

// Hash returns the SHA-256 hex of body, the address of a snapshot of it.
func Hash(body []byte) string {
	sum := sha256.Sum256(body)
	return hex.EncodeToString(sum[:])
}

// gzipWriters recycles compressors: a flate writer allocates ~1 MB.
var gzipWriters = sync.Pool{New: func() any {
	zw, _ := gzip.NewWriterLevel(io.Discard, gzip.BestSpeed)
	return zw
}}

// Put stores s and returns its hash. Storing a body that is already there
// writes nothing.
func (e *Evidence) Put(s Snapshot) (string, error) {
	key := sha256.Sum256(s.Body)
	hash := hex.EncodeToString(key[:])
	e.mu.Lock()
	loc, ok := e.index[key]
	if ok && !e.segExists(loc.seg) {
		delete(e.index, key) // its segment was deleted: store it again
		ok = false
	}
	e.mu.Unlock()
	if ok {
		return hash, nil
	}
	meta, err := json.Marshal(s)
	if err != nil {
		return "", fmt.Errorf("put evidence %s: %w", hash, err)
	}
	var buf bytes.Buffer
	zw := gzipWriters.Get().(*gzip.Writer)
	zw.Reset(&buf)
	zw.Write(meta)
	zw.Write([]byte{'\n'})
	zw.Write(s.Body)
	err = zw.Close()
	gzipWriters.Put(zw)
	if err != nil {
		return "", fmt.Errorf("put evidence %s: %w", hash, err)
	}

	e.mu.Lock()
	defer e.mu.Unlock()
	if _, ok := e.index[key]; ok {
		return hash, nil
	}
	if e.indexF == nil {
		return "", fmt.Errorf("put evidence %s: store closed", hash)
	}
	if e.seg == nil || e.segSize+int64(buf.Len()) > maxSegment {
		if err := e.rotate(); err != nil {
			return "", fmt.Errorf("put evidence %s: %w", hash, err)
		}
	}
	off := e.segSize
	if _, err := e.seg.Write(buf.Bytes()); err != nil {
		return "", fmt.Errorf("put evidence %s: %w", hash, err)
	}
	e.segSize += int64(buf.Len())
	line := fmt.Sprintf("%s\t%s\t%d\t%d\n", hash, e.segName, off, buf.Len())
	if _, err := e.indexF.Write([]byte(line)); err != nil {
		return "", fmt.Errorf("put evidence %s: %w", hash, err)
	}
	e.index[key] = evidenceLoc{seg: e.segName, off: off, n: int64(buf.Len())}
	return hash, nil
}

// segExists reports whether the segment file seg exists, from a cache
// checked again after segRecheck. The caller holds e.mu or owns e.
func (e *Evidence) segExists(seg string) bool {
	if seg == e.segName && e.seg != nil {
		return true
	}
	now := time.Now()
	if c, ok := e.segSeen[seg]; ok && now.Sub(c.at) < segRecheck {
		return c.exists
	}
	_, err := os.Stat(filepath.Join(e.dir, seg))
	exists := !errors.Is(err, fs.ErrNotExist)
	e.segSeen[seg] = segCheck{exists: exists, at: now}
	return exists
}

// rotate starts a new segment owned by this process.
func (e *Evidence) rotate() error {
	if e.seg != nil {
		if err := e.seg.Sync(); err != nil {
			return err
		}
		e.seg.Close()
	}
	name := fmt.Sprintf("seg-%d-%d-%d.dat", time.Now().UnixNano(), os.Getpid(), segCounter.Add(1))
	f, err := os.OpenFile(filepath.Join(e.dir, name), os.O_CREATE|os.O_EXCL|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return err
	}
	e.seg, e.segName, e.segSize = f, name, 0
	return nil
}

// Get returns the snapshot with the given hash. The error has code ENOTFOUND
// when there is none and EINVALID when hash is not SHA-256 hex; the body is
// checked against the hash.
func (e *Evidence) Get(hash string) (*Snapshot, error) {
	var key [sha256.Size]byte
	if b, err := hex.DecodeString(hash); err != nil || len(b) != sha256.Size {
		return nil, precwatch.Errorf(precwatch.EINVALID, "evidence hash %q is not SHA-256 hex", hash)
	} else {
		copy(key[:], b)
	}
	e.mu.Lock()
	loc, ok := e.index[key]
	if !ok && e.indexF != nil {
		if err := e.refresh(); err != nil {
			e.mu.Unlock()
			return nil, fmt.Errorf("get evidence %s: %w", hash, err)
		}
		loc, ok = e.index[key]
	}
	if !ok {
		e.mu.Unlock()
		return nil, precwatch.Errorf(precwatch.ENOTFOUND, "no evidence %s", hash)
	}
	r := e.readers[loc.seg]
	if r == nil {
		var err error
		r, err = os.Open(filepath.Join(e.dir, loc.seg))
		if errors.Is(err, fs.ErrNotExist) {
			// Deleted by retention: the next Put of this body stores it again.
			delete(e.index, key)
			e.segSeen[loc.seg] = segCheck{exists: false, at: time.Now()}
			e.mu.Unlock()
			return nil, precwatch.Errorf(precwatch.ENOTFOUND, "no evidence %s (its segment %s was deleted)", hash, loc.seg)
		}
		if err != nil {
			e.mu.Unlock()
			return nil, fmt.Errorf("get evidence %s: %w", hash, err)
		}
		e.readers[loc.seg] = r
	}
	e.mu.Unlock()
	zr, err := gzip.NewReader(io.NewSectionReader(r, loc.off, loc.n))
	if err != nil {
		return nil, fmt.Errorf("get evidence %s: %w", hash, err)
	}
	zr.Multistream(false)
	data, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("get evidence %s: %w", hash, err)
	}
	meta, body, ok := bytes.Cut(data, []byte{'\n'})
	if !ok {
		return nil, fmt.Errorf("get evidence %s: record has no metadata line", hash)
	}
	var s Snapshot
	if err := json.Unmarshal(meta, &s); err != nil {
		return nil, fmt.Errorf("get evidence %s: %w", hash, err)
	}
	s.Body = body
	if Hash(s.Body) != hash {
		return nil, fmt.Errorf("get evidence %s: body does not match its hash", hash)
	}
	return &s, nil
}

// Close syncs and closes the store's files.
func (e *Evidence) Close() error {
	e.mu.Lock()
	defer e.mu.Unlock()
	var errs []error
	if e.seg != nil {
		errs = append(errs, e.seg.Sync(), e.seg.Close())
		e.seg = nil
	}
	if e.indexF != nil {
		errs = append(errs, e.indexF.Sync(), e.indexF.Close())
		e.indexF = nil
	}
	for name, r := range e.readers {
		errs = append(errs, r.Close())
		delete(e.readers, name)
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("close evidence %s: %w", e.dir, err)
	}
	return nil
}

// sync flushes what was appended to stable storage.
func (e *Evidence) sync() error {
	e.mu.Lock()
	files := []*os.File{e.seg, e.indexF}
	e.mu.Unlock()
	// fsync without the lock: Puts must not wait for the disk.
	var errs []error
	for _, f := range files {
		if f != nil {
			errs = append(errs, f.Sync())
		}
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("sync evidence %s: %w", e.dir, err)
	}
	return nil
}
