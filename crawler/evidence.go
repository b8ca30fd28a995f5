package crawler

import (
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

// Evidence is a content-addressed store of page snapshots: the body of a
// snapshot with SHA-256 hex h is gzipped in DIR/h[:2]/h[2:].gz and its URL,
// fetch time, status and headers are in DIR/h[:2]/h[2:].json. Identical
// bodies are stored once; the metadata is that of the first fetch. It is safe
// for concurrent use, also by several processes (files are written to a
// temporary name and renamed).
type Evidence struct {
	dir string
}

// OpenEvidence opens (creating it if needed) the evidence store in dir.
func OpenEvidence(dir string) (*Evidence, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("open evidence %s: %w", dir, err)
	}
	return &Evidence{dir: dir}, nil
}

// Hash returns the SHA-256 hex of body, the address of a snapshot of it.
func Hash(body []byte) string {
	sum := sha256.Sum256(body)
	return hex.EncodeToString(sum[:])
}

func (e *Evidence) paths(hash string) (body, meta string) {
	base := filepath.Join(e.dir, hash[:2], hash[2:])
	return base + ".gz", base + ".json"
}

// Put stores s and returns its hash. Storing a body that is already there
// writes nothing.
func (e *Evidence) Put(s Snapshot) (string, error) {
	hash := Hash(s.Body)
	bodyPath, metaPath := e.paths(hash)
	if _, err := os.Stat(metaPath); err == nil {
		return hash, nil
	}
	if err := os.MkdirAll(filepath.Dir(bodyPath), 0o755); err != nil {
		return "", fmt.Errorf("put evidence %s: %w", hash, err)
	}
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestSpeed)
	zw.Write(s.Body)
	if err := zw.Close(); err != nil {
		return "", fmt.Errorf("put evidence %s: %w", hash, err)
	}
	if err := writeFileAtomic(bodyPath, buf.Bytes()); err != nil {
		return "", fmt.Errorf("put evidence %s: %w", hash, err)
	}
	meta, err := json.Marshal(s)
	if err != nil {
		return "", fmt.Errorf("put evidence %s: %w", hash, err)
	}
	// The metadata is written last: its presence means the snapshot is whole.
	if err := writeFileAtomic(metaPath, meta); err != nil {
		return "", fmt.Errorf("put evidence %s: %w", hash, err)
	}
	return hash, nil
}

// Get returns the snapshot with the given hash; the error wraps fs.ErrNotExist
// (code ENOTFOUND) when there is none, and the body is checked against the hash.
func (e *Evidence) Get(hash string) (*Snapshot, error) {
	if b, err := hex.DecodeString(hash); err != nil || len(b) != sha256.Size {
		return nil, precwatch.Errorf(precwatch.EINVALID, "evidence hash %q is not SHA-256 hex", hash)
	}
	bodyPath, metaPath := e.paths(hash)
	meta, err := os.ReadFile(metaPath)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("get evidence %s: %w: %w", hash, precwatch.Errorf(precwatch.ENOTFOUND, "no evidence %s", hash), err)
	}
	if err != nil {
		return nil, fmt.Errorf("get evidence %s: %w", hash, err)
	}
	var s Snapshot
	if err := json.Unmarshal(meta, &s); err != nil {
		return nil, fmt.Errorf("get evidence %s: %w", hash, err)
	}
	f, err := os.Open(bodyPath)
	if err != nil {
		return nil, fmt.Errorf("get evidence %s: %w", hash, err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("get evidence %s: %w", hash, err)
	}
	s.Body, err = io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("get evidence %s: %w", hash, err)
	}
	if Hash(s.Body) != hash {
		return nil, fmt.Errorf("get evidence %s: body does not match its hash", hash)
	}
	return &s, nil
}

// writeFileAtomic writes data to a temporary file next to path and renames it.
func writeFileAtomic(path string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(path), ".tmp-*")
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(f.Name())
		return err
	}
	if err := f.Close(); err != nil {
		os.Remove(f.Name())
		return err
	}
	if err := os.Rename(f.Name(), path); err != nil {
		os.Remove(f.Name())
		return err
	}
	return nil
}
