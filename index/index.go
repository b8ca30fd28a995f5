// Package index is precwatch's search index of substance hits: every listing
// in which the matcher found an offered substance, searchable by regulators
// and trust-and-safety teams across platforms and languages.
//
// It is the only package that imports bleve. The index is a directory of
// monthly shards (one bleve scorch index per month in which listings were
// first seen) searched as one through a bleve IndexAlias, so the index grows
// by adding shards rather than by merging ever larger segments. Every shard
// records the mapping version it was built with; Open rebuilds a shard of
// another version from its stored documents and never mixes two mappings.
//
// Writes go through one writer (a mutex) in batches; searches run
// concurrently with writes.
package index

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search/query"
	"go.etcd.io/bbolt"

	"github.com/precwatch/precwatch"
)

// Options configure an Index. The zero value is usable.
type Options struct {
	// Logger receives rebuild and maintenance messages; nil discards them.
	Logger *slog.Logger
	// BatchSize is the number of documents per bleve batch (default 10000).
	BatchSize int
	// Now is the clock used when Put is given a zero time (default time.Now).
	Now func() time.Time
	// SampleAbove is the number of hits above which Search estimates facets
	// from a sample and sorts only the hits that can be on the page (see
	// Search): 0 means DefaultSampleAbove, a negative number never samples.
	SampleAbove int
	// ReadOnly opens existing shards for searching only: Open fails if the
	// index does not exist or needs a rebuild, and Put and Delete fail.
	ReadOnly bool
	// LockTimeout is how long Open waits for a shard another process holds
	// before it fails with ErrLocked (default 5 s).
	LockTimeout time.Duration
}

// ErrLocked is in the chain of Open's error when another process (a running
// serve, say) holds the index: a shard takes one process at a time.
var ErrLocked = precwatch.Errorf(precwatch.ECONFLICT, "the index is in use by another process")

// DefaultBatchSize is the batch size used when Options.BatchSize is 0.
const DefaultBatchSize = 10000

// Index is a sharded bleve index of substance hits. Its methods are safe for
// concurrent use; writes are serialised by one writer lock.
type Index struct {
	dir     string
	opts    Options
	log     *slog.Logger
	mapping *mapping.IndexMappingImpl
	build   *builder

	wmu sync.Mutex // the writer: Put, Delete, shard creation, Close

	mu     sync.RWMutex // guards shards and closed
	shards map[string]bleve.Index
	alias  bleve.IndexAlias
	closed bool

	casSubs atomic.Pointer[CASSubstances] // see SetCASSubstances
}

// versionKey is the bleve internal key holding a shard's mapping version.
var versionKey = []byte("precwatch_mapping_version")

// versionFile names the mapping version at the top of the index directory,
// for people; each shard also records its own version.
const versionFile = "MAPPING_VERSION"

var shardName = regexp.MustCompile(`^[0-9]{4}-[0-9]{2}$`)

// shardOf returns the shard of a listing first seen at t: its UTC month.
func shardOf(t time.Time) string { return t.UTC().Format("2006-01") }

// scorchConfig tunes the scorch engine for batched bulk writes.
func scorchConfig(readOnly bool, lockTimeout time.Duration) map[string]any {
	if lockTimeout <= 0 {
		lockTimeout = 5 * time.Second
	}
	return map[string]any{
		// A batch is durable once the persister has written it; the index
		// is derived data (the ticket store and the evidence are the source
		// of truth, and `precwatch rescan` rebuilds it), so we do not fsync
		// every batch.
		"unsafe_batch": true,
		"read_only":    readOnly,
		"bolt_timeout": lockTimeout.String(),
		// The merge planner takes MaxSizeInMemoryMergePerWorker (below) as
		// its smallest file tier, so a shard is merged into few segments.
		// Merging by document counts instead ("scorchMergePlanOptions":
		// {"FloorSegmentFileSize": 0}) saved up to 15 % of indexing CPU but
		// left ~10 segments per shard and doubled search latency at
		// 1,000,000 hits (docs/BENCHMARKS-index.md, round 3): not used.
		"scorchPersisterOptions": map[string]any{
			"NumPersisterWorkers":           2,
			"MaxSizeInMemoryMergePerWorker": 64 << 20,
		},
	}
}

// Open opens the index in dir (e.g. data/index.bleve), creating it if it does
// not exist, and rebuilds every shard built with another mapping version. A
// shard that cannot be rebuilt from its stored documents is moved aside and
// Open fails with an error that asks for `precwatch rescan`.
func Open(dir string, opts Options) (*Index, error) {
	if opts.BatchSize <= 0 {
		opts.BatchSize = DefaultBatchSize
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	m, err := newMapping()
	if err != nil {
		return nil, fmt.Errorf("open index %s: %w", dir, err)
	}
	b, err := newBuilder(m)
	if err != nil {
		return nil, fmt.Errorf("open index %s: %w", dir, err)
	}
	x := &Index{dir: dir, opts: opts, log: log, mapping: m, build: b, shards: map[string]bleve.Index{}}
	if opts.ReadOnly {
		if _, err := os.Stat(dir); err != nil {
			return nil, precwatch.Errorf(precwatch.ENOTFOUND, "no index at %s", dir)
		}
	} else {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("open index %s: %w", dir, err)
		}
		if err := os.WriteFile(filepath.Join(dir, versionFile), []byte(mappingVersion+"\n"), 0o644); err != nil {
			return nil, fmt.Errorf("open index %s: %w", dir, err)
		}
	}
	names, err := x.shardDirs()
	if err != nil {
		return nil, fmt.Errorf("open index %s: %w", dir, err)
	}
	for _, name := range names {
		s, err := x.openShard(name)
		if err != nil {
			x.closeShards()
			return nil, fmt.Errorf("open index %s: %w", dir, err)
		}
		x.shards[name] = s
	}
	all := make([]bleve.Index, 0, len(x.shards))
	for _, name := range sortedKeys(x.shards) {
		all = append(all, x.shards[name])
	}
	x.alias = bleve.NewIndexAlias(all...)
	return x, nil
}

// shardDirs lists the shard directories, after cleaning up what an
// interrupted rebuild left behind.
func (x *Index) shardDirs() ([]string, error) {
	ents, err := os.ReadDir(x.dir)
	if err != nil {
		return nil, err
	}
	have := map[string]bool{}
	for _, e := range ents {
		have[e.Name()] = e.IsDir()
	}
	var names []string
	for _, e := range ents {
		n := e.Name()
		if !e.IsDir() {
			continue
		}
		switch ext := filepath.Ext(n); {
		case shardName.MatchString(n):
			names = append(names, n)
		case (ext == ".rebuild" || ext == ".new") && !x.opts.ReadOnly:
			// An interrupted rebuild (the old shard is still in place)
			// or shard creation (nothing was written to it yet).
			if err := os.RemoveAll(filepath.Join(x.dir, n)); err != nil {
				return nil, err
			}
		case ext == ".old" && !x.opts.ReadOnly:
			base := n[:len(n)-len(ext)]
			if have[base] {
				if err := os.RemoveAll(filepath.Join(x.dir, n)); err != nil {
					return nil, err
				}
			} else if err := os.Rename(filepath.Join(x.dir, n), filepath.Join(x.dir, base)); err == nil {
				names = append(names, base)
			} else {
				return nil, err
			}
		}
	}
	sort.Strings(names)
	return names, nil
}

// openShard opens an existing shard and rebuilds it if its mapping version
// is not the current one.
func (x *Index) openShard(name string) (bleve.Index, error) {
	path := filepath.Join(x.dir, name)
	s, err := bleve.OpenUsing(path, scorchConfig(x.opts.ReadOnly, x.opts.LockTimeout))
	if errors.Is(err, bbolt.ErrTimeout) {
		return nil, fmt.Errorf("shard %s: %w", name, ErrLocked)
	}
	if err != nil {
		return nil, fmt.Errorf("shard %s: %w", name, err)
	}
	v, err := s.GetInternal(versionKey)
	if err != nil {
		s.Close()
		return nil, fmt.Errorf("shard %s: read mapping version: %w", name, err)
	}
	if string(v) == mappingVersion {
		s.SetName(name)
		return s, nil
	}
	if x.opts.ReadOnly {
		s.Close()
		return nil, precwatch.Errorf(precwatch.ECONFLICT,
			"index shard %s has mapping version %q, want %q: open it read-write once (any crawl or serve) to rebuild it", name, v, mappingVersion)
	}
	return x.rebuild(name, s, string(v))
}

// newShard creates an empty shard at path with the current mapping.
func (x *Index) newShard(path string) (bleve.Index, error) {
	s, err := bleve.NewUsing(path, x.mapping, scorch.Name, scorch.Name, scorchConfig(false, x.opts.LockTimeout))
	if err != nil {
		return nil, err
	}
	b := s.NewBatch()
	b.SetInternal(versionKey, []byte(mappingVersion))
	w, err := apply(s, b)
	if err == nil {
		err = wait(context.Background(), w)
	}
	if err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// createShard creates the shard name under a temporary name and renames
// it into place once its mapping and version are written, so that a
// process killed while creating it leaves no half-made shard that every
// later open would fail on (Open removes the leftover).
func (x *Index) createShard(name string) (bleve.Index, error) {
	path := filepath.Join(x.dir, name)
	tmp := path + ".new"
	if err := os.RemoveAll(tmp); err != nil {
		return nil, err
	}
	s, err := x.newShard(tmp)
	if err != nil {
		os.RemoveAll(tmp)
		return nil, err
	}
	if err := s.Close(); err != nil {
		os.RemoveAll(tmp)
		return nil, err
	}
	if err := os.Rename(tmp, path); err != nil {
		os.RemoveAll(tmp)
		return nil, err
	}
	s, err = bleve.OpenUsing(path, scorchConfig(false, x.opts.LockTimeout))
	if errors.Is(err, bbolt.ErrTimeout) {
		return nil, fmt.Errorf("%w", ErrLocked)
	}
	return s, err
}

// shardFor returns the shard named name, creating it if needed. The caller
// holds the writer lock.
func (x *Index) shardFor(name string) (bleve.Index, error) {
	x.mu.RLock()
	s, ok := x.shards[name]
	x.mu.RUnlock()
	if ok {
		return s, nil
	}
	s, err := x.createShard(name)
	if err != nil {
		return nil, fmt.Errorf("create shard %s: %w", name, err)
	}
	s.SetName(name)
	x.mu.Lock()
	x.shards[name] = s
	x.alias.Add(s)
	x.mu.Unlock()
	return s, nil
}

// Put indexes rs, seen at seenAt (Options.Now when zero), in batches. The
// document of a listing is identified by platform + "/" + listing id: putting
// a listing again replaces its document in the shard where it already is,
// keeps its first_seen and moves its last_seen forward. A result that offers
// no substance (every mention negated) removes the listing from the index.
func (x *Index) Put(ctx context.Context, rs []precwatch.Result, seenAt time.Time) error {
	return x.put(ctx, rs, nil, seenAt)
}

// PutDated indexes rs[i] first seen at firstSeen[i] and last seen at
// lastSeen[i], the dates the database has, instead of as a sighting now: for
// a rescan or a rebuild of the index from the database, which see nothing.
// The document gets exactly those dates and lives in the shard of its
// first_seen (moved there if it is elsewhere). A zero firstSeen[i] puts
// rs[i] as Put does, seen at Options.Now.
func (x *Index) PutDated(ctx context.Context, rs []precwatch.Result, firstSeen, lastSeen []time.Time) error {
	if len(firstSeen) != len(rs) || len(lastSeen) != len(rs) {
		return precwatch.Errorf(precwatch.EINVALID, "put: %d results with %d first and %d last seen dates", len(rs), len(firstSeen), len(lastSeen))
	}
	ds := make([]dates, len(rs))
	for i := range rs {
		ds[i] = dates{firstSeen[i], lastSeen[i]}
	}
	return x.put(ctx, rs, ds, time.Time{})
}

// dates are when a listing was first and last seen, as stored.
type dates struct{ first, last time.Time }

func (x *Index) put(ctx context.Context, rs []precwatch.Result, ds []dates, seenAt time.Time) error {
	if x.opts.ReadOnly {
		return precwatch.Errorf(precwatch.EINVALID, "index %s is open read-only", x.dir)
	}
	if seenAt.IsZero() {
		seenAt = x.opts.Now()
	}
	seenAt = seenAt.UTC()
	x.wmu.Lock()
	defer x.wmu.Unlock()
	if x.isClosed() {
		return fmt.Errorf("put: index %s is closed", x.dir)
	}
	for start := 0; start < len(rs); start += x.opts.BatchSize {
		if err := ctx.Err(); err != nil {
			return err
		}
		end := min(start+x.opts.BatchSize, len(rs))
		var bds []dates
		if ds != nil {
			bds = ds[start:end]
		}
		if err := x.putBatch(ctx, rs[start:end], bds, seenAt); err != nil {
			return err
		}
	}
	return nil
}

// seen is where and since when an indexed listing is known.
type seen struct {
	shards    []string
	firstSeen time.Time
	lastSeen  time.Time
}

func (x *Index) putBatch(ctx context.Context, rs []precwatch.Result, ds []dates, seenAt time.Time) error {
	docs := make(map[string]*doc, len(rs))
	stored := map[string]dates{} // doc id -> its stored dates (PutDated)
	gone := map[string]bool{}
	order := make([]string, 0, len(rs))
	for i := range rs {
		id := docID(rs[i].Listing.Platform, rs[i].Listing.ID)
		if rs[i].Listing.ID == "" || rs[i].Listing.Platform == "" {
			return precwatch.Errorf(precwatch.EINVALID, "put: listing %q on platform %q: platform and id are required", rs[i].Listing.ID, rs[i].Listing.Platform)
		}
		d, ok := newDoc(&rs[i])
		if _, dup := docs[id]; !dup && !gone[id] {
			order = append(order, id)
		}
		if ds != nil && !ds[i].first.IsZero() {
			stored[id] = dates{ds[i].first.UTC(), ds[i].last.UTC()}
		} else {
			delete(stored, id)
		}
		if ok {
			docs[id] = d
			delete(gone, id)
		} else {
			delete(docs, id)
			gone[id] = true
		}
	}
	known, err := x.lookup(ctx, order)
	if err != nil {
		return fmt.Errorf("put: %w", err)
	}
	batches := map[string]*bleve.Batch{}
	batch := func(shard string) (*bleve.Batch, error) {
		if b, ok := batches[shard]; ok {
			return b, nil
		}
		s, err := x.shardFor(shard)
		if err != nil {
			return nil, err
		}
		b := s.NewBatch()
		batches[shard] = b
		return b, nil
	}
	for _, id := range order {
		k := known[id]
		d := docs[id]
		if d == nil { // no longer a hit
			for _, sh := range k.shards {
				b, err := batch(sh)
				if err != nil {
					return fmt.Errorf("put: %w", err)
				}
				b.Delete(id)
			}
			continue
		}
		d.FirstSeen, d.LastSeen = seenAt, seenAt
		target := shardOf(seenAt)
		if sd, ok := stored[id]; ok {
			// The database's dates, whatever the index had: the
			// document lives in its first_seen's shard.
			d.FirstSeen, d.LastSeen = sd.first, sd.last
			if d.LastSeen.Before(d.FirstSeen) {
				d.LastSeen = d.FirstSeen
			}
			target = shardOf(sd.first)
			for _, sh := range k.shards {
				if sh == target {
					continue
				}
				b, err := batch(sh)
				if err != nil {
					return fmt.Errorf("put: %w", err)
				}
				b.Delete(id)
			}
		} else if len(k.shards) > 0 {
			d.FirstSeen = k.firstSeen
			if k.lastSeen.After(seenAt) {
				d.LastSeen = k.lastSeen
			}
			target = k.shards[0]
			for _, extra := range k.shards[1:] { // should not happen; heal it
				b, err := batch(extra)
				if err != nil {
					return fmt.Errorf("put: %w", err)
				}
				b.Delete(id)
			}
		}
		bd, err := x.build.document(d)
		if err != nil {
			return fmt.Errorf("put: %w", err)
		}
		b, err := batch(target)
		if err != nil {
			return fmt.Errorf("put: %w", err)
		}
		if err := b.IndexAdvanced(bd); err != nil {
			return fmt.Errorf("put %s: %w", id, err)
		}
	}
	var waits []<-chan error
	for _, name := range sortedKeys(batches) {
		x.mu.RLock()
		s := x.shards[name]
		x.mu.RUnlock()
		w, err := apply(s, batches[name])
		if err != nil {
			return fmt.Errorf("put: shard %s: %w", name, err)
		}
		waits = append(waits, w)
	}
	if err := wait(ctx, waits...); err != nil {
		return fmt.Errorf("put: %w", err)
	}
	return nil
}

// apply executes b on s and returns a channel that receives the outcome of
// persisting it. Shards run with unsafe_batch, so Batch returns as soon as
// the batch is searchable and the next batch can be analysed while this one
// is written; Put and Delete wait for persistence before they return, so a
// returned call is durable.
func apply(s bleve.Index, b *bleve.Batch) (<-chan error, error) {
	ch := make(chan error, 1)
	b.SetPersistedCallback(func(err error) { ch <- err })
	if err := s.Batch(b); err != nil {
		return nil, err
	}
	return ch, nil
}

// wait waits until every batch of ws is persisted.
func wait(ctx context.Context, ws ...<-chan error) error {
	for _, w := range ws {
		select {
		case err := <-w:
			if err != nil {
				return fmt.Errorf("persist batch: %w", err)
			}
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	return nil
}

// lookup finds which shards already hold the documents ids, and their
// first_seen and last_seen, with one id query over the alias.
func (x *Index) lookup(ctx context.Context, ids []string) (map[string]seen, error) {
	out := make(map[string]seen, len(ids))
	x.mu.RLock()
	n := len(x.shards)
	x.mu.RUnlock()
	if n == 0 || len(ids) == 0 {
		return out, nil
	}
	req := bleve.NewSearchRequestOptions(query.NewDocIDQuery(ids), len(ids)*2, 0, false)
	req.Fields = []string{fSource}
	req.Sort = nil
	req.SortBy([]string{"_id"})
	res, err := x.alias.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("look up %d documents: %w", len(ids), err)
	}
	for _, h := range res.Hits {
		d, err := decodeDoc(h.ID, h.Fields)
		if err != nil {
			return nil, err
		}
		s := out[h.ID]
		s.shards = append(s.shards, h.Index)
		if s.firstSeen.IsZero() || d.FirstSeen.Before(s.firstSeen) {
			s.firstSeen = d.FirstSeen
		}
		if d.LastSeen.After(s.lastSeen) {
			s.lastSeen = d.LastSeen
		}
		out[h.ID] = s
	}
	for id, s := range out { // the oldest shard is the listing's home
		slices.Sort(s.shards)
		out[id] = s
	}
	return out, nil
}

// Delete removes the listing's document from every shard. Deleting a listing
// that is not indexed is not an error.
func (x *Index) Delete(ctx context.Context, platform, listingID string) error {
	if x.opts.ReadOnly {
		return precwatch.Errorf(precwatch.EINVALID, "index %s is open read-only", x.dir)
	}
	x.wmu.Lock()
	defer x.wmu.Unlock()
	if x.isClosed() {
		return fmt.Errorf("delete: index %s is closed", x.dir)
	}
	id := docID(platform, listingID)
	known, err := x.lookup(ctx, []string{id})
	if err != nil {
		return fmt.Errorf("delete %s: %w", id, err)
	}
	for _, name := range known[id].shards {
		x.mu.RLock()
		s := x.shards[name]
		x.mu.RUnlock()
		b := s.NewBatch()
		b.Delete(id)
		w, err := apply(s, b)
		if err == nil {
			err = wait(ctx, w)
		}
		if err != nil {
			return fmt.Errorf("delete %s: shard %s: %w", id, name, err)
		}
	}
	return nil
}

// Count returns the number of indexed listings.
func (x *Index) Count() (uint64, error) {
	x.mu.RLock()
	defer x.mu.RUnlock()
	var n uint64
	for name, s := range x.shards {
		c, err := s.DocCount()
		if err != nil {
			return 0, fmt.Errorf("count shard %s: %w", name, err)
		}
		n += c
	}
	return n, nil
}

// Shards returns the names of the shards (months, "2006-01"), oldest first.
func (x *Index) Shards() []string {
	x.mu.RLock()
	defer x.mu.RUnlock()
	return sortedKeys(x.shards)
}

// Close waits for the writer and closes every shard.
func (x *Index) Close() error {
	x.wmu.Lock()
	defer x.wmu.Unlock()
	return x.closeShards()
}

func (x *Index) closeShards() error {
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.closed {
		return nil
	}
	x.closed = true
	var errs []error
	for name, s := range x.shards {
		if err := s.Close(); err != nil {
			errs = append(errs, fmt.Errorf("close shard %s: %w", name, err))
		}
	}
	return errors.Join(errs...)
}

func (x *Index) isClosed() bool {
	x.mu.RLock()
	defer x.mu.RUnlock()
	return x.closed
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
