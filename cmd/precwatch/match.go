package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/precwatch/precwatch"
	"github.com/precwatch/precwatch/matchers"
)

func init() {
	register(&command{name: "match", summary: "find precursors and risk indicators in listings or documents", run: runMatch})
}

// matchDoc is one input document of `precwatch match`.
type matchDoc struct {
	listing  precwatch.Listing
	src      string // file:line for error messages
	document bool   // read from a document (HTML or text), not given as a listing
}

// documentResult is the output line of a document: the match and the
// listing read from the document, whose fields the hits' offsets point
// into (the listing of a JSONL line is the input itself).
type documentResult struct {
	*precwatch.Match
	Listing *precwatch.Listing `json:"listing"`
}

// runMatch is `precwatch match`: it matches each input listing or document
// and writes one result a line, in input order.
func runMatch(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "match", "[--format jsonl|text] [--input jsonl|text] [--threshold F] [--watchlist FILE ...] [FILE ...]")
	format := fs.String("format", "jsonl", "output format: jsonl (one JSON match a line) or text")
	input := fs.String("input", "", "input format: jsonl (one listing a line) or text (one document a file); default: .jsonl files and stdin starting with '{' are jsonl, other files documents: an HTML page or web archive (.mhtml) becomes the listing it shows (title, canonical URL, main content without menus, related products and hidden text), other text is the description; a document's output line carries that listing, which its hits' offsets point into")
	threshold := fs.Float64("threshold", matchers.DefaultThreshold, "score at which a listing the ticket policy flags is suspicious (0..1)")
	var watchlists stringsFlag
	fs.Var(&watchlists, "watchlist", "extra watchlist `FILE` merged over the built-in one (repeatable)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *format != "jsonl" && *format != "text" {
		fmt.Fprintf(env.Stderr, "precwatch match: --format %q: want jsonl or text\n", *format)
		return errUsage
	}
	if *input != "" && *input != "jsonl" && *input != "text" {
		fmt.Fprintf(env.Stderr, "precwatch match: --input %q: want jsonl or text\n", *input)
		return errUsage
	}
	if *threshold < 0 || *threshold > 1 {
		fmt.Fprintf(env.Stderr, "precwatch match: --threshold %v: want 0..1\n", *threshold)
		return errUsage
	}
	wl, err := matchers.LoadWatchlist(watchlists...)
	if err != nil {
		fmt.Fprintf(env.Stderr, "precwatch match: %v\n", err)
		return errSilent
	}
	// A listing the policy flags scores at least 0.5, so thresholds up to
	// 0.5 (0 included, which Options reads as the default) all flag it.
	m, err := matchers.New(wl, matchers.Options{Threshold: *threshold})
	if err != nil {
		return err
	}
	out := bufio.NewWriter(env.Stdout)
	defer out.Flush()
	p := &matchPipeline{m: m, out: out, format: *format, stderr: env.Stderr}
	failed := false
	if fs.NArg() == 0 {
		if err := p.readStream(ctx, "stdin", env.Stdin, *input); err != nil {
			fmt.Fprintf(env.Stderr, "precwatch match: stdin: %v\n", err)
			failed = true
		}
	}
	for _, name := range fs.Args() {
		if ctx.Err() != nil {
			break
		}
		f, err := os.Open(name)
		if err != nil {
			fmt.Fprintf(env.Stderr, "precwatch match: %v\n", err)
			failed = true
			continue
		}
		mode := *input
		if mode == "" && (strings.EqualFold(filepath.Ext(name), ".jsonl") || strings.EqualFold(filepath.Ext(name), ".ndjson")) {
			mode = "jsonl"
		}
		if err := p.readStream(ctx, name, f, mode); err != nil {
			fmt.Fprintf(env.Stderr, "precwatch match: %s: %v\n", name, err)
			failed = true
		}
		f.Close()
	}
	p.flush()
	if err := out.Flush(); err != nil {
		return fmt.Errorf("write output: %w", err)
	}
	if p.bad > 0 {
		fmt.Fprintf(env.Stderr, "precwatch match: %d malformed input line(s) skipped\n", p.bad)
		failed = true
	}
	if ctx.Err() != nil {
		return ctx.Err()
	}
	if failed {
		return errSilent
	}
	return nil
}

// matchPipeline matches documents in parallel batches and writes the
// results in input order.
type matchPipeline struct {
	m      *matchers.Matcher
	out    io.Writer
	stderr io.Writer
	format string
	batch  []matchDoc
	bad    int
}

const matchBatch = 512

// add queues d, matching the batch when it is full.
func (p *matchPipeline) add(d matchDoc) {
	p.batch = append(p.batch, d)
	if len(p.batch) >= matchBatch {
		p.flush()
	}
}

// flush matches the batch with one goroutine per CPU and writes it in order.
func (p *matchPipeline) flush() {
	if len(p.batch) == 0 {
		return
	}
	res := make([]precwatch.Match, len(p.batch))
	workers := min(runtime.GOMAXPROCS(0), len(p.batch))
	var wg sync.WaitGroup
	var next int64
	var mu sync.Mutex
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				mu.Lock()
				i := int(next)
				next++
				mu.Unlock()
				if i >= len(p.batch) {
					return
				}
				res[i] = p.m.Match(&p.batch[i].listing)
			}
		}()
	}
	wg.Wait()
	for i := range res {
		p.write(&p.batch[i], &res[i])
	}
	p.batch = p.batch[:0]
}

// write writes the result r of d in the output format (a document's JSON
// line carries its listing).
func (p *matchPipeline) write(d *matchDoc, r *precwatch.Match) {
	l := &d.listing
	if p.format == "jsonl" {
		var v any = r
		if d.document {
			v = documentResult{Match: r, Listing: l}
		}
		b, err := json.Marshal(v)
		if err != nil {
			fmt.Fprintf(p.stderr, "precwatch match: %s: %v\n", l.ID, err)
			return
		}
		p.out.Write(append(b, '\n'))
		return
	}
	verdict := "ok"
	if r.Suspicious {
		verdict = "SUSPICIOUS"
	}
	fmt.Fprintf(p.out, "%s\t%.2f\t%s\t%s\n", r.ID, r.Score, verdict, r.URL)
	if d.document && l.Title != "" {
		fmt.Fprintf(p.out, "  title: %s\n", l.Title)
	}
	for _, s := range r.Substances {
		neg := ""
		if s.Negated {
			neg = " (negated)"
		}
		var terms []string
		for _, h := range s.Hits {
			terms = append(terms, fmt.Sprintf("%s:%q@%d-%d", h.Field, h.Term, h.Start, h.End))
		}
		fmt.Fprintf(p.out, "  substance %s %s [%s, %s]%s: %s\n", s.ID, s.CAS, s.Name, s.List, neg, strings.Join(terms, " "))
	}
	for _, ind := range r.Indicators {
		fmt.Fprintf(p.out, "  indicator %s: %q\n", ind.ID, ind.Text)
	}
	for _, o := range r.Observables {
		fmt.Fprintf(p.out, "  observable %s: %s\n", o.Type, o.Value)
	}
	for _, e := range r.Explain {
		fmt.Fprintf(p.out, "  explain: %s\n", e)
	}
}

// readStream reads one input: JSONL listings or one document.
func (p *matchPipeline) readStream(ctx context.Context, name string, r io.Reader, mode string) error {
	br := bufio.NewReaderSize(r, 1<<16)
	peek, _ := br.Peek(1 << 16)
	first := bytes.TrimLeft(peek, " \t\r\n\ufeff")
	if mode == "" {
		// Sniffed: JSON (one listing a line, an array of listings, or
		// pretty-printed objects) when it starts like JSON, else one
		// document.
		mode = "text"
		if len(first) > 0 && (first[0] == '{' || first[0] == '[') {
			mode = "jsonl"
		}
	}
	if mode == "jsonl" && len(first) > 0 && (first[0] == '[' || !firstLineIsJSON(first, len(peek) < br.Size())) {
		if bom := []byte("\ufeff"); bytes.HasPrefix(peek, bom) {
			br.Discard(len(bom))
		}
		return readJSONValues(br, name, func(l precwatch.Listing, src string) {
			p.add(matchDoc{listing: l, src: src})
		}, func(msg string) {
			p.bad++
			fmt.Fprintln(p.stderr, msg)
		})
	}
	if mode == "text" {
		data, err := io.ReadAll(br)
		if err != nil {
			return err
		}
		p.add(matchDoc{listing: documentListing(name, data), src: name, document: true})
		return nil
	}
	line := 0
	for {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		b, err := br.ReadBytes('\n')
		if len(b) > 0 {
			line++
			t := bytes.TrimSpace(b)
			if line == 1 {
				t = bytes.TrimPrefix(t, []byte("\ufeff"))
			}
			if len(t) > 0 {
				l, jerr := decodeListing(t)
				if jerr != nil {
					p.bad++
					fmt.Fprintf(p.stderr, "%s:%d: %v\n", name, line, jsonErr(jerr))
				} else {
					p.add(matchDoc{listing: l, src: fmt.Sprintf("%s:%d", name, line)})
				}
			}
		}
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// firstLineIsJSON reports whether the first line of b is a JSON value of
// its own (JSON Lines); whole says b is all of the input.
func firstLineIsJSON(b []byte, whole bool) bool {
	i := bytes.IndexByte(b, '\n')
	if i < 0 {
		if !whole {
			return true // a line longer than the peek: read it as a line
		}
		i = len(b)
	}
	return json.Valid(bytes.TrimSpace(b[:i]))
}

// jsonErr describes a JSON decoding error, with its byte offset when it is
// a syntax error.
func jsonErr(err error) string {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Sprintf("malformed JSON at byte %d: %v", se.Offset, err)
	}
	return "malformed listing: " + err.Error()
}

// looksHTML reports whether a document is HTML: by its extension, else by
// an <!doctype html>, <html> or <body> near its start.
func looksHTML(name string, data []byte) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".html", ".htm", ".xhtml":
		return true
	}
	head := bytes.ToLower(data[:min(len(data), 1024)])
	return bytes.Contains(head, []byte("<!doctype html")) || bytes.Contains(head, []byte("<html")) || bytes.Contains(head, []byte("<body"))
}
