package index

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/precwatch/precwatch"
)

// rebuild re-indexes the shard name, open as old and built with mapping
// version oldVersion, into a fresh shard with the current mapping, from the
// documents old has stored. If old cannot be read back (documents without a
// stored source), it is moved aside and an error asks for a rescan.
func (x *Index) rebuild(name string, old bleve.Index, oldVersion string) (bleve.Index, error) {
	path := filepath.Join(x.dir, name)
	tmp := path + ".rebuild"
	start := time.Now()
	x.log.Info("index: rebuilding shard for a new mapping", "shard", name, "from_version", oldVersion, "to_version", mappingVersion)
	if err := os.RemoveAll(tmp); err != nil {
		old.Close()
		return nil, fmt.Errorf("shard %s: rebuild: %w", name, err)
	}
	fresh, err := x.newShard(tmp)
	if err != nil {
		old.Close()
		return nil, fmt.Errorf("shard %s: rebuild: %w", name, err)
	}
	n, err := x.copyDocs(old, fresh)
	old.Close()
	if cerr := fresh.Close(); err == nil && cerr != nil {
		err = cerr
	}
	if err != nil {
		os.RemoveAll(tmp)
		aside := fmt.Sprintf("%s.stale-%s", path, time.Now().UTC().Format("20060102T150405"))
		if rerr := os.Rename(path, aside); rerr != nil {
			return nil, fmt.Errorf("shard %s: cannot rebuild it for mapping version %s (%v) nor move it aside: %w", name, mappingVersion, err, rerr)
		}
		x.log.Error("index: shard moved aside", "shard", name, "to", aside, "err", err)
		return nil, precwatch.Errorf(precwatch.ECONFLICT,
			"index shard %s was built with mapping version %q and cannot be rebuilt from its stored documents (%v); it was moved aside to %s: run `precwatch rescan --reindex` to re-index the stored listings",
			name, oldVersion, err, aside)
	}
	// Swap: path -> path.old, tmp -> path, remove path.old. Open cleans up
	// after a crash at any point of this.
	if err := os.Rename(path, path+".old"); err != nil {
		return nil, fmt.Errorf("shard %s: rebuild: %w", name, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return nil, fmt.Errorf("shard %s: rebuild: %w", name, err)
	}
	if err := os.RemoveAll(path + ".old"); err != nil {
		return nil, fmt.Errorf("shard %s: rebuild: %w", name, err)
	}
	s, err := bleve.OpenUsing(path, scorchConfig(false, x.opts.LockTimeout))
	if err != nil {
		return nil, fmt.Errorf("shard %s: open after rebuild: %w", name, err)
	}
	s.SetName(name)
	x.log.Info("index: shard rebuilt", "shard", name, "docs", n, "took", time.Since(start).Round(time.Millisecond))
	return s, nil
}

// copyDocs reads every document stored in from, in id order, and indexes it
// into to with the current mapping.
func (x *Index) copyDocs(from, to bleve.Index) (int, error) {
	const page = 1000
	var after []string
	n := 0
	for {
		req := bleve.NewSearchRequestOptions(query.NewMatchAllQuery(), page, 0, false)
		req.Fields = append([]string{fSource}, storedTextFields...)
		req.SortBy([]string{"_id"})
		if after != nil {
			req.SearchAfter = after
		}
		res, err := from.Search(req)
		if err != nil {
			return n, fmt.Errorf("read documents: %w", err)
		}
		if len(res.Hits) == 0 {
			return n, nil
		}
		b := to.NewBatch()
		for _, h := range res.Hits {
			d, err := decodeDoc(h.ID, h.Fields)
			if err != nil {
				return n, err
			}
			bd, err := x.build.document(d)
			if err != nil {
				return n, err
			}
			if err := b.IndexAdvanced(bd); err != nil {
				return n, err
			}
		}
		w, err := apply(to, b)
		if err == nil {
			err = wait(context.Background(), w)
		}
		if err != nil {
			return n, fmt.Errorf("write documents: %w", err)
		}
		n += len(res.Hits)
		after = []string{res.Hits[len(res.Hits)-1].ID}
	}
}
