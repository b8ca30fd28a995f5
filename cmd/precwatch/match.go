package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	xunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"github.com/precwatch/precwatch"
	"github.com/precwatch/precwatch/crawler/extract"
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
	fs := newFlagSet(env, "match", "[--format jsonl|text] [--input jsonl|text] [--threshold F] [--watchlist FILE ...] [FILE|DIR|- ...]\n\n"+
		"Matches each listing or document and prints one result a line, in input order. Inputs are the files\n"+
		"named (flags may come before or after them; \"--\" ends the flags), standard input for \"-\" or when\n"+
		"none is named, and under a directory its .jsonl, .ndjson, .json, .html, .htm, .xhtml, .mhtml, .mht and\n"+
		".txt files (also gzipped, .gz) in name order (hidden ones skipped, links to files read). A malformed line is\n"+
		"reported as FILE:LINE on stderr and skipped; the exit status is then 1 (2 for wrong flags). Gzipped input\n"+
		"decompresses to at most 1 GiB, a line, listing or document holds at most 64 MiB (longer: reported, exit 1).")
	format := fs.String("format", "jsonl", "output `FORMAT`: jsonl (one JSON match a line) or text")
	input := fs.String("input", "", "input `FORMAT`: jsonl (listings: one JSON object a line, a JSON array or pretty-printed objects) or text (one document a file); "+
		"default: .jsonl, .ndjson and .json files are jsonl, other inputs jsonl when they start with a JSON object or array and documents otherwise. "+
		"An HTML page or web archive (.mhtml) becomes the listing it shows (title, canonical URL, main content without menus, related products and hidden text), other text is the description; "+
		"a document's id is its file name (stdin: \"stdin\"), and its output line carries that listing (\"listing\"), which its hits' offsets point into")
	threshold := fs.Float64("threshold", matchers.DefaultThreshold, "a listing is suspicious when the ticket policy flags it and its score is >= `F` (0..1; as the config's threshold)")
	var watchlists stringsFlag
	fs.Var(&watchlists, "watchlist", "extra watchlist `FILE` merged over the built-in one (repeatable)")
	files, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if *format != "jsonl" && *format != "text" {
		return badUsage("--format %q: want jsonl or text", *format)
	}
	if *input != "" && *input != "jsonl" && *input != "text" {
		return badUsage("--input %q: want jsonl or text", *input)
	}
	if !(*threshold >= 0 && *threshold <= 1) { // NaN too
		return badUsage("--threshold %v: want 0..1", *threshold)
	}
	wl, err := matchers.LoadWatchlist(watchlists...)
	if err != nil {
		printWatchlistError(env.Stderr, "precwatch match", err)
		return errSilent
	}
	for _, w := range wl.Warnings() {
		fmt.Fprintln(env.Stderr, w.Warning())
	}
	// A listing the policy flags scores at least 0.5, so thresholds up to
	// 0.5 (0 included, which Options reads as the default) all flag it.
	m, err := compileMatcher(wl, *threshold)
	if err != nil {
		return err
	}
	out := bufio.NewWriter(env.Stdout)
	defer out.Flush()
	p := &matchPipeline{m: m, out: out, flushOut: out.Flush, format: *format, stderr: env.Stderr}
	failed := false
	if len(files) == 0 {
		files = []string{"-"}
	}
	for _, arg := range files {
		if ctx.Err() != nil {
			break
		}
		if arg == "-" {
			if err := p.readStream(ctx, "stdin", env.Stdin, *input, true, true); err != nil && ctx.Err() == nil {
				fmt.Fprintf(env.Stderr, "precwatch match: stdin: %v\n", err)
				failed = true
			}
			continue
		}
		names, warnings, err := inputFiles(arg)
		for _, w := range warnings {
			fmt.Fprintf(env.Stderr, "precwatch match: warning: %s\n", w)
		}
		if err != nil {
			fmt.Fprintf(env.Stderr, "precwatch match: %v\n", err)
			failed = true
		} else if len(names) == 0 {
			fmt.Fprintf(env.Stderr, "precwatch match: warning: %s: no .jsonl, .ndjson, .json, .html, .htm, .xhtml, .mhtml, .mht or .txt files\n", arg)
		}
		for _, name := range names {
			if ctx.Err() != nil {
				break
			}
			if err := p.readFile(ctx, name, *input); err != nil {
				fmt.Fprintf(env.Stderr, "precwatch match: %v\n", err)
				failed = true
			}
		}
	}
	p.flush()
	if err := out.Flush(); err != nil {
		return fmt.Errorf("write output: %w", err)
	}
	if p.noFields > 0 {
		fmt.Fprintf(env.Stderr, "precwatch match: warning: %d listing(s) had none of the fields title, description, price, seller, location, attributes: nothing to match\n", p.noFields)
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

// parseInterspersed parses flags that may come before, between or after
// the file arguments (`match a.jsonl --format text`), as GNU tools do, and
// returns the files in order; "--" ends the flags, and "-" is a file
// (standard input).
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var files []string
	for {
		if err := parseFlags(fs, args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if n := len(args) - len(rest); n > 0 && args[n-1] == "--" {
			return append(files, rest...), nil
		}
		i := 0
		for i < len(rest) && (rest[i] == "-" || !strings.HasPrefix(rest[i], "-")) {
			i++
		}
		files = append(files, rest[:i]...)
		if i == len(rest) {
			return files, nil
		}
		args = rest[i:]
	}
}

// documentExts are the extensions of the files read from a directory
// argument: listings and documents, not a saved page's scripts, styles
// and images.
var documentExts = map[string]bool{".jsonl": true, ".ndjson": true, ".json": true, ".html": true, ".htm": true,
	".xhtml": true, ".mhtml": true, ".mht": true, ".txt": true}

// inputFiles returns the files an argument names: a file itself, or the
// listing and document files (documentExts, any case, also gzipped: .gz)
// under a directory,
// in name order, hidden entries left out; a link in the directory is read
// when it points to such a file, a link to a directory is not followed and
// a broken link is skipped, each with a warning. A directory that cannot be read
// in part returns what could be read and the errors.
func inputFiles(arg string) (names, warnings []string, err error) {
	fi, err := os.Stat(arg)
	if err != nil || !fi.IsDir() {
		return []string{arg}, nil, nil // readFile reports the error
	}
	root := arg
	if li, err := os.Lstat(arg); err == nil && li.Mode()&os.ModeSymlink != 0 {
		root = arg + string(filepath.Separator) // WalkDir follows a root that ends in a separator
	}
	var errs []error
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			// An unreadable subdirectory: reported, the rest still read.
			errs = append(errs, err)
			if d != nil && d.IsDir() && path != root {
				return filepath.SkipDir
			}
			return nil
		}
		if path != root && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		accepted := documentExts[strings.ToLower(filepath.Ext(strings.TrimSuffix(strings.TrimSuffix(path, ".gz"), ".GZ")))]
		if d.Type()&fs.ModeSymlink != 0 {
			// A link to a file is read as the file; links to
			// directories are not followed (so no loops), and a broken
			// link is warned about.
			fi, err := os.Stat(path)
			switch {
			case err != nil:
				warnings = append(warnings, fmt.Sprintf("%s: broken link skipped", path))
			case fi.IsDir():
				warnings = append(warnings, fmt.Sprintf("%s: link to a directory not followed", path))
			case accepted && fi.Mode().IsRegular():
				names = append(names, path)
			}
			return nil
		}
		if accepted && d.Type().IsRegular() {
			names = append(names, path)
		}
		return nil
	})
	if err = errors.Join(append(errs, err)...); err != nil {
		return names, warnings, fmt.Errorf("read directory %s: %w", arg, err)
	}
	return names, warnings, nil
}

// readFile reads one input file: JSON listings by its extension (.jsonl,
// .ndjson, .json, also with .gz) or mode, else sniffed.
func (p *matchPipeline) readFile(ctx context.Context, name, mode string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	stream := false
	if fi, err := f.Stat(); err == nil && fi.IsDir() {
		return fmt.Errorf("%s: is a directory", name)
	} else if err == nil && !fi.Mode().IsRegular() {
		stream = true // a pipe (<(producer)) or device: read like stdin
	}
	if ext := strings.ToLower(filepath.Ext(strings.TrimSuffix(strings.TrimSuffix(name, ".gz"), ".GZ"))); mode == "" && (ext == ".jsonl" || ext == ".ndjson" || ext == ".json") {
		mode = "jsonl"
	}
	if err := p.readStream(ctx, name, f, mode, false, stream); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

// matchPipeline matches documents in parallel batches and writes the
// results in input order.
type matchPipeline struct {
	m        *matchers.Matcher
	out      io.Writer
	flushOut func() error // flushes out, if it buffers
	stderr   io.Writer
	format   string
	batch    []matchDoc
	bad      int
	// noFields counts listings with none of the contract's fields
	// (warned about once per input).
	noFields   int
	lastWarned string // the input last warned about
	docs       int    // listings and documents queued
	buf        bytes.Buffer
}

const matchBatch = 512

// add queues d, matching the batch when it is full.
func (p *matchPipeline) add(d matchDoc) {
	p.docs++
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
// line carries its listing). JSON is written as encoding/json does it but
// without escaping <, > and & (as crawl --listings writes it).
func (p *matchPipeline) write(d *matchDoc, r *precwatch.Match) {
	l := &d.listing
	if p.format == "jsonl" {
		var v any = r
		if d.document {
			v = documentResult{Match: r, Listing: l}
		}
		p.buf.Reset()
		enc := json.NewEncoder(&p.buf)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(v); err != nil {
			fmt.Fprintf(p.stderr, "precwatch match: %s: %v\n", d.src, err)
			return
		}
		p.out.Write(p.buf.Bytes())
		return
	}
	verdict := "ok"
	if r.Suspicious {
		verdict = "SUSPICIOUS"
	}
	// One result a line: a listing without an id is shown by where it
	// was read, and control characters are escaped.
	id := r.ID
	if id == "" {
		id = d.src
	}
	fmt.Fprintf(p.out, "%s\t%.2f\t%s\t%s\n", textSafe(id), r.Score, verdict, textSafe(r.URL))
	if d.document && l.Title != "" {
		fmt.Fprintf(p.out, "  title: %s\n", textSafe(l.Title))
	}
	for _, s := range r.Substances {
		neg := ""
		if s.Negated {
			neg = " (negated)"
		}
		var terms []string
		for _, h := range s.Hits {
			// The term, and the text as written when it differs
			// (obfuscated, another script or spelling).
			t := fmt.Sprintf("%s:%q@%d-%d", h.Field, h.Term, h.Start, h.End)
			if f := listingField(l, h.Field); 0 <= h.Start && h.Start <= h.End && h.End <= len(f) && !strings.EqualFold(f[h.Start:h.End], h.Term) {
				t += fmt.Sprintf(" (as %q)", f[h.Start:h.End])
			}
			terms = append(terms, t)
		}
		fmt.Fprintf(p.out, "  substance %s %s [%s, %s]%s: %s\n", s.ID, s.CAS, s.Name, s.List, neg, strings.Join(terms, " "))
	}
	for _, ind := range r.Indicators {
		fmt.Fprintf(p.out, "  indicator %s: %q\n", ind.ID, ind.Text)
	}
	for _, o := range r.Observables {
		fmt.Fprintf(p.out, "  observable %s: %s\n", o.Type, textSafe(o.Value))
	}
	for _, e := range r.Explain {
		fmt.Fprintf(p.out, "  explain: %s\n", textSafe(e))
	}
}

// listingField returns the text of the listing field a hit names.
func listingField(l *precwatch.Listing, name string) string {
	switch name {
	case precwatch.FieldTitle:
		return l.Title
	case precwatch.FieldDescription:
		return l.Description
	case precwatch.FieldPrice:
		return l.Price
	case precwatch.FieldSeller:
		return l.Seller
	case precwatch.FieldLocation:
		return l.Location
	}
	if k, ok := strings.CutPrefix(name, "attributes."); ok {
		return l.Attributes[k]
	}
	return ""
}

// textSafe escapes the control characters of s (a tab or line break in an
// id would split a text-format line) the way %q does, keeping the rest.
func textSafe(s string) string {
	if !strings.ContainsFunc(s, unicode.IsControl) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if unicode.IsControl(r) {
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// readStream reads one input: JSONL listings or one document. A sniffed
// standard input that is empty or blank holds no document. A stream (stdin,
// a pipe) is sniffed without reading ahead of its first line.
func (p *matchPipeline) readStream(ctx context.Context, name string, r io.Reader, mode string, stdin, stream bool) error {
	br := bufio.NewReaderSize(r, 1<<16)
	peek, whole := peekStart(br, stream)
	if bytes.HasPrefix(peek, []byte{0x1f, 0x8b}) {
		// Gzip-compressed (listings.jsonl.gz, a saved page.html.gz).
		zr, err := gzip.NewReader(br)
		if err != nil {
			return fmt.Errorf("gzip: %w", err)
		}
		defer zr.Close()
		br = bufio.NewReaderSize(&capReader{r: zr, max: maxDecompressed}, 1<<16)
		peek, whole = peekStart(br, stream)
	}
	if bytes.HasPrefix(peek, []byte{0xff, 0xfe}) || bytes.HasPrefix(peek, []byte{0xfe, 0xff}) {
		// UTF-16 with a byte-order mark (what Windows PowerShell's > and
		// Notepad's "Unicode" write): read as UTF-8.
		br = bufio.NewReaderSize(transform.NewReader(br, xunicode.BOMOverride(encoding.Nop.NewDecoder())), 1<<16)
		peek, whole = peekStart(br, stream)
	}
	first := bytes.TrimLeft(peek, " \t\r\n\ufeff")
	if mode == "" {
		if stdin && whole && len(first) == 0 {
			return nil
		}
		// Sniffed: JSON (one listing a line, an array of listings, or
		// pretty-printed objects) when it starts with a JSON object or
		// array, else one document ("[WTS] ephedrine" is a post).
		mode = "text"
		if startsJSON(first, whole) {
			mode = "jsonl"
		}
	}
	if mode == "jsonl" {
		// Listings exported in a legacy charset (windows-1252 from a
		// spreadsheet, windows-1251) are decoded line by line as text
		// documents are, instead of matching nothing in replacement
		// characters; UTF-8 lines (and UTF-8 with a stray bad byte) stay.
		if sample := legacySample(peek, whole); sample != nil {
			if _, cs := extract.GuessCharset(sample); cs != "" {
				if e, _ := charset.Lookup(cs); e != nil {
					fmt.Fprintf(p.stderr, "%s: warning: lines not in UTF-8 read as %s\n", name, cs)
					br = bufio.NewReaderSize(&legacyReader{br: br, dec: e.NewDecoder()}, 1<<16)
					peek, whole = peekStart(br, stream)
					first = bytes.TrimLeft(peek, " \t\r\n\ufeff")
				}
			}
		}
	}
	if mode == "jsonl" && len(first) > 0 && (first[0] == '[' || spreadJSON(first, whole)) {
		if bom := []byte("\ufeff"); bytes.HasPrefix(peek, bom) {
			br.Discard(len(bom))
		}
		return readJSONValues(br, name, func(l precwatch.Listing, keys []string, src string) {
			p.listing(name, l, keys, src)
		}, func(msg string) {
			p.bad++
			fmt.Fprintln(p.stderr, msg)
		})
	}
	if mode == "text" {
		data, err := io.ReadAll(io.LimitReader(br, int64(maxDocument)+1))
		if err != nil {
			return err
		}
		if len(data) > maxDocument {
			// The start of a document too long to hold is matched
			// (its output line is there), and the input reported.
			p.add(matchDoc{listing: documentListing(name, trimPartialRune(data[:maxDocument])), src: name, document: true})
			return fmt.Errorf("document over %s: only its first %s matched", sizeText(int64(maxDocument)), sizeText(int64(maxDocument)))
		}
		p.add(matchDoc{listing: documentListing(name, data), src: name, document: true})
		return nil
	}
	line := 0
	for {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if br.Buffered() == 0 && len(p.batch) > 0 {
			// The next read may wait for a producer (a pipe fed line by
			// line): what was read so far is answered first.
			p.flush()
			if p.flushOut != nil {
				p.flushOut()
			}
		}
		b, over, err := readLine(br, maxLine)
		if over {
			line++
			p.bad++
			fmt.Fprintf(p.stderr, "%s:%d: malformed listing: line over %s, skipped\n", name, line, sizeText(int64(maxLine)))
		} else if len(b) > 0 {
			line++
			t := bytes.TrimSpace(b)
			if line == 1 {
				t = bytes.TrimPrefix(t, []byte("\ufeff"))
			}
			if len(t) > 0 {
				// A line of objects separated by commas ({…},) is
				// its object.
				if t[len(t)-1] == ',' && !json.Valid(t) {
					t = bytes.TrimRight(t[:len(t)-1], " \t")
				}
				l, keys, jerr := decodeListing(t)
				if jerr != nil {
					p.bad++
					fmt.Fprintf(p.stderr, "%s:%d: %v\n", name, line, jsonErr(jerr))
				} else {
					p.listing(name, l, keys, fmt.Sprintf("%s:%d", name, line))
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

// Limits of `precwatch match` input, variables so that tests can lower
// them: gzipped input decompresses to at most maxDecompressed bytes (a
// "zip bomb" stops there, reported); a JSONL line, a listing of a JSON
// array or pretty-printed file and a document hold at most maxLine and
// maxDocument bytes (a longer line is reported and skipped without being
// held; of a longer document its start is matched, and it is reported).
var (
	maxDecompressed int64 = 1 << 30
	maxLine               = 64 << 20
	maxDocument           = 64 << 20
)

// limitError is an input over one of the limits.
type limitError struct {
	what string // "decompressed size", "listing"
	max  int64
}

func (e *limitError) Error() string { return fmt.Sprintf("%s over %s", e.what, sizeText(e.max)) }

// sizeText writes a byte count in the largest binary unit that divides it.
func sizeText(n int64) string {
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return fmt.Sprintf("%d GiB", n>>30)
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// capReader reads r until max bytes, then fails (and keeps failing) with
// a limitError when r has more.
type capReader struct {
	r    io.Reader
	max  int64
	read int64
}

func (c *capReader) Read(p []byte) (int, error) {
	if c.read > c.max {
		return 0, &limitError{what: "decompressed size", max: c.max}
	}
	if left := c.max - c.read + 1; int64(len(p)) > left {
		p = p[:left]
	}
	n, err := c.r.Read(p)
	c.read += int64(n)
	if c.read > c.max {
		return n - 1, &limitError{what: "decompressed size", max: c.max}
	}
	return n, err
}

// readLine reads a line from br with its '\n'. A line longer than max
// bytes is read to its end without being held: over is true and line is
// its first max+1 bytes (and its '\n').
func readLine(br *bufio.Reader, max int) (line []byte, over bool, err error) {
	for {
		frag, err := br.ReadSlice('\n')
		if room := max + 1 - len(line); room > 0 {
			line = append(line, frag[:min(len(frag), room)]...)
		}
		if len(line) > max {
			over = true
			if len(frag) > 0 && frag[len(frag)-1] == '\n' && line[len(line)-1] != '\n' {
				line = append(line, '\n')
			}
		}
		if !errors.Is(err, bufio.ErrBufferFull) {
			return line, over, err
		}
	}
}

// trimPartialRune cuts a UTF-8 character cut off at the end of b.
func trimPartialRune(b []byte) []byte {
	for i := 1; i <= utf8.UTFMax && i <= len(b); i++ {
		if utf8.RuneStart(b[len(b)-i]) {
			if !utf8.FullRune(b[len(b)-i:]) {
				return b[:len(b)-i]
			}
			return b
		}
	}
	return b
}

// peekStart returns the start of the input in br without consuming it, up
// to br's size; whole reports that it is all of the input. A stream (stdin,
// maybe a pipe fed line by line) is peeked only until a line that is not
// blank is complete, so that sniffing never waits for input that a
// producer sends only after it has read the first result.
func peekStart(br *bufio.Reader, stream bool) (peek []byte, whole bool) {
	if !stream {
		peek, err := br.Peek(br.Size())
		return peek, err != nil && !errors.Is(err, bufio.ErrBufferFull)
	}
	for n := 1; ; {
		peek, err := br.Peek(n)
		if err != nil {
			return peek, !errors.Is(err, bufio.ErrBufferFull)
		}
		peek, _ = br.Peek(br.Buffered())
		if len(peek) == br.Size() || bytes.IndexByte(bytes.TrimLeft(peek, " \t\r\n\ufeff"), '\n') >= 0 {
			return peek, false
		}
		n = len(peek) + 1
	}
}

// legacySample returns the lines of peek (whole: all of the input) that
// read as a legacy charset rather than UTF-8 (legacyLine), joined, or nil
// when there are none; a first line longer than peek is judged by what
// peek holds of it.
func legacySample(peek []byte, whole bool) []byte {
	if utf8.Valid(peek) {
		return nil
	}
	lines := bytes.SplitAfter(peek, []byte("\n"))
	if !whole && len(lines) > 1 {
		lines = lines[:len(lines)-1] // complete lines only
	}
	var sample []byte
	for _, l := range lines {
		if legacyLine(l) {
			sample = append(sample, l...)
		}
	}
	return sample
}

// legacyLine reports whether b reads as text in a legacy charset: it has
// bytes that are no UTF-8, at least as many as UTF-8 multi-byte
// characters (UTF-8 text with a stray bad byte is UTF-8).
func legacyLine(b []byte) bool {
	bad, multi := 0, 0
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			bad++
		case n > 1:
			multi++
		}
		i += n
	}
	return bad > 0 && bad >= multi
}

// legacyReader reads lines from br, decoding those in a legacy charset
// (legacyLine) with dec.
type legacyReader struct {
	br  *bufio.Reader
	dec *encoding.Decoder
	buf []byte
	err error
}

func (r *legacyReader) Read(p []byte) (int, error) {
	for len(r.buf) == 0 {
		if r.err != nil {
			return 0, r.err
		}
		line, over, err := readLine(r.br, maxLine)
		r.err = err
		if !over && legacyLine(line) {
			if d, derr := r.dec.Bytes(line); derr == nil {
				line = d
			}
		}
		r.buf = line
	}
	n := copy(p, r.buf)
	r.buf = r.buf[n:]
	return n, nil
}

// listing queues a listing of input read at src; keys, when not nil, are
// the keys of a listing that has none of the contract's text fields,
// warned about once per input.
func (p *matchPipeline) listing(input string, l precwatch.Listing, keys []string, src string) {
	if keys != nil {
		if p.noFields == 0 || p.lastWarned != input {
			more := ""
			if len(keys) > 8 {
				keys, more = keys[:8], fmt.Sprintf(" (and %d more)", len(keys)-8)
			}
			fmt.Fprintf(p.stderr, "%s: warning: none of the listing fields title, description, price, seller, location, attributes; keys: %s%s\n",
				src, strings.Join(keys, ", "), more)
			p.lastWarned = input
		}
		p.noFields++
	}
	p.add(matchDoc{listing: l, src: src})
}

// startsJSON reports whether input starting with b (whole: b is all of
// it) is JSON listings: it starts with a JSON object or array that ends
// its line, maybe with a comma (or runs past b without a syntax error),
// or, when its first line is broken, one of the next lines is a JSON
// object (JSON Lines with a bad first line).
func startsJSON(b []byte, whole bool) bool {
	if len(b) == 0 || b[0] != '{' && b[0] != '[' {
		return false
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	var raw json.RawMessage
	if err := dec.Decode(&raw); err == nil {
		rest := b[dec.InputOffset():]
		if i := bytes.IndexByte(rest, '\n'); i >= 0 {
			rest = rest[:i]
		}
		if rest = bytes.TrimSpace(rest); len(rest) == 0 || string(rest) == "," {
			return true
		}
	} else if !whole && errors.Is(err, io.ErrUnexpectedEOF) {
		return true
	}
	lines := bytes.SplitN(b, []byte("\n"), 12)
	if len(lines) == 12 {
		lines = lines[:11] // the rest of the input
	}
	// The last line may be cut by the end of b: then it is no valid JSON.
	for _, l := range lines[1:] {
		l = bytes.TrimSuffix(bytes.TrimSpace(l), []byte(","))
		if len(l) > 0 && l[0] == '{' && json.Valid(l) {
			return true
		}
	}
	return false
}

// spreadJSON reports whether JSON input starting with b (whole: b is all
// of it) holds values spread over several lines (pretty-printed), not one
// a line: its first line is no JSON value of its own, but a value that
// starts there ends on a later line. A first line that is broken JSON
// (JSON Lines with a bad line) is not: it is reported, and the lines
// after it are read.
func spreadJSON(b []byte, whole bool) bool {
	i := bytes.IndexByte(b, '\n')
	if i < 0 || json.Valid(bytes.TrimSpace(b[:i])) {
		return false // one line (or one longer than the peek), or JSON Lines
	}
	if t := bytes.TrimSpace(b[:i]); len(t) == 1 && t[0] == '{' {
		// A pretty-printed object starts so, whatever follows (its
		// syntax error is reported by the line and the objects after
		// it are read).
		return true
	}
	var raw json.RawMessage
	err := json.NewDecoder(bytes.NewReader(b)).Decode(&raw)
	if err == nil {
		// Spread over lines; a value that ends on the first line with
		// something after it ({…}, — objects separated by commas) is
		// read line by line.
		return bytes.IndexByte(raw, '\n') >= 0
	}
	// A value longer than the peek that has not failed yet.
	return !whole && errors.Is(err, io.ErrUnexpectedEOF)
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

// printWatchlistError prints every problem of the watchlist files, one a
// line as FILE:LINE: field: message, and then that none was loaded; other
// errors (a file that cannot be read) as "cmd: error".
func printWatchlistError(w io.Writer, cmd string, err error) {
	var we *matchers.WatchlistError
	if !errors.As(err, &we) {
		fmt.Fprintf(w, "%s: %v\n", cmd, err)
		return
	}
	for _, p := range we.Problems {
		fmt.Fprintln(w, p.String())
	}
	fmt.Fprintf(w, "%s: %s in the watchlist files; fix them (a file with a problem is not loaded at all)\n", cmd, plural(len(we.Problems), "problem"))
}
