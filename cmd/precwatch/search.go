package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"text/tabwriter"
	"time"
	"unicode"

	"github.com/precwatch/precwatch"
	"github.com/precwatch/precwatch/index"
	"github.com/precwatch/precwatch/matchers"
)

func init() {
	register(&command{name: "search", summary: "search the index of substance hits", run: runSearch})
}

const searchSynopsis = `[flags] QUERY

QUERY is in Bleve query-string syntax. A bare term searches titles, descriptions,
substance names, ids and CAS numbers in every language (ephedrine, 麻黄碱, эфедрин,
5449-12-7). Fields: cas substance substance_name list platform target seller location
indicator observable url listing_id lang title description score suspicious first_seen
last_seen. +word must match, -word must not; values of platform, seller, location,
list, indicator, substance, substance_name and target match in any case, and seller,
location and substance_name also by a word (location:china). Lucene's AND, OR, NOT and field:[lo TO hi] work too; dates are
quoted in ranges (first_seen:>"2026-11-01"). Examples:
  precwatch search 'cas:5449-12-7'
  precwatch search '+substance:ephedrine +indicator:messenger-contact score:>0.8'
  precwatch search 'ephedrine AND NOT platform:ChemHub'
  precwatch search --platform ChemHub 'list:table-I'`

// searchOutput is the JSON document `precwatch search` prints (DESIGN.md).
type searchOutput struct {
	Total  uint64                       `json:"total"`
	Hits   []index.Hit                  `json:"hits"`
	Facets map[string][]index.FacetTerm `json:"facets"`
	// Approximate says the facet counts were estimated from a sample (a
	// very broad query over a large index); total and hits are exact.
	Approximate bool `json:"approximate,omitempty"`
}

func runSearch(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "search", searchSynopsis)
	data := fs.String("data", "./data", "data `DIR` (the index is DIR/index.bleve)")
	format := fs.String("format", "json", "output `format`: json or text (one line per hit; the count and facets on stderr)")
	limit := fs.Int("limit", 20, fmt.Sprintf("print `N` hits (at most %d; 0: only the total and facets)", index.MaxSize))
	offset := fs.Int("offset", 0, "skip the first `N` hits")
	sortBy := fs.String("sort", "score", "`order`: score (the match score), date (last seen) or relevance")
	facets := fs.Bool("facets", true, "count hits per substance, list, platform, seller, location and indicator (--facets=false skips them)")
	highlight := fs.Bool("highlight", false, "add fragments of title and description with the matches in <mark>")
	from := fs.String("from", "", "only listings seen on or after this `DATE` (YYYY-MM-DD or RFC 3339)")
	to := fs.String("to", "", "only listings seen on or before this `DATE` (YYYY-MM-DD: the whole day)")
	var platforms []string
	fs.Func("platform", "only listings of platform `P`, in any case (repeatable, or comma-separated)", func(s string) error {
		for _, p := range strings.Split(s, ",") {
			if p = strings.TrimSpace(p); p != "" {
				platforms = append(platforms, p)
			}
		}
		return nil
	})
	filters := map[string][]string{}
	fs.Func("filter", "only hits whose `FIELD=VALUE` (repeatable; fields: "+strings.Join(index.FacetFields, ", ")+", cas, target, lang, observable, substance_name, suspicious)", func(s string) error {
		k, v, ok := strings.Cut(s, "=")
		if !ok || k == "" || v == "" {
			return fmt.Errorf("want FIELD=VALUE")
		}
		filters[k] = append(filters[k], v)
		return nil
	})
	pos, err := parseInterleaved(fs, args)
	if err != nil {
		return err
	}
	fail := func(format string, a ...any) error {
		fmt.Fprintf(env.Stderr, "precwatch search: "+format+"\n", a...)
		return errSilent
	}
	if len(pos) == 0 {
		return usageError(fs, "missing QUERY (for every hit: '*')")
	}
	// The command line is checked before the index is opened (and perhaps
	// busy or missing): a usage error is said as such, exit 2.
	if *format != "json" && *format != "text" {
		return badUsage("--format %q: want json or text", *format)
	}
	switch *sortBy {
	case index.SortScore, index.SortDate, index.SortRelevance:
	default:
		return badUsage("--sort %q: want score, date or relevance", *sortBy)
	}
	if *limit < 0 || *limit > index.MaxSize {
		return badUsage("--limit %d: want 0 (only the total and facets) to %d", *limit, index.MaxSize)
	}
	if *offset < 0 {
		return badUsage("--offset %d: want 0 or more", *offset)
	}
	q := index.Query{
		Query: strings.Join(pos, " "), Platforms: platforms, Filters: filters, Sort: *sortBy,
		Size: max(*limit, 1), Offset: *offset, Facets: *facets, Highlight: *highlight,
	}
	if q.From, err = parseDate(*from, false); err != nil {
		return badUsage("--from %v", err)
	}
	if q.To, err = parseDate(*to, true); err != nil {
		return badUsage("--to %v", err)
	}
	if !q.From.IsZero() && !q.To.IsZero() && q.To.Before(q.From) {
		return badUsage("--to %s is before --from %s", *to, *from)
	}
	// The filters and the query as the index will read them, still before
	// the index is opened.
	for _, k := range slices.Sorted(maps.Keys(filters)) {
		if err := index.CheckQuery(index.Query{Filters: map[string][]string{k: filters[k]}}); err != nil {
			return badUsage("--filter %s=%s: %s", k, strings.Join(filters[k], ","), precwatch.ErrorMessage(err))
		}
	}
	if err := index.CheckQuery(q); err != nil {
		return badUsage("%s", precwatch.ErrorMessage(err))
	}

	if len(q.Platforms) > 0 {
		// Spell the platforms as the listings do (--platform chemhub).
		if s, err := tkOpen(*data, true); err == nil {
			q.Platforms, err = resolvePlatforms(ctx, s, q.Platforms, env.Stderr, "search")
			s.Close()
			if err != nil {
				return fail("%v", err)
			}
		}
	}
	dir := filepath.Join(*data, "index.bleve")
	x, err := index.Open(dir, index.Options{ReadOnly: true})
	if err != nil {
		switch {
		case errors.Is(err, index.ErrLocked):
			// serve or demo holds it: say which and what to do instead.
			return fail("%s", errorText(indexBusyHint(err, *data)))
		case precwatch.ErrorCode(err) == precwatch.ENOTFOUND:
			return fail("no index at %s: crawl first (precwatch crawl), or pass --data", dir)
		case precwatch.ErrorCode(err) != precwatch.EINTERNAL:
			return fail("%s", precwatch.ErrorMessage(err))
		}
		return fail("%v", err)
	}
	defer x.Close()
	// cas:N also finds the substance N belongs to, as serve's search does
	// (the built-in watchlist and DATA/watchlists).
	if wl, err := matchers.LoadWatchlist(extraWatchlists(*data)...); err == nil {
		x.SetCASSubstances(casSubstances(wl))
	}
	res, err := x.Search(ctx, q)
	if err != nil {
		switch code := precwatch.ErrorCode(err); code {
		case precwatch.EINVALID:
			// The query or a --filter is malformed: the command line is
			// wrong, and the message says where.
			return badUsage("%s", precwatch.ErrorMessage(err))
		case precwatch.EINTERNAL:
			return fail("%v", err)
		default:
			return fail("%s", precwatch.ErrorMessage(err))
		}
	}
	if *limit == 0 {
		res.Hits = res.Hits[:0]
	}
	if *format == "json" {
		out := searchOutput{Total: res.Total, Hits: res.Hits, Facets: res.Facets, Approximate: res.Approximate}
		if out.Facets == nil {
			out.Facets = map[string][]index.FacetTerm{}
		}
		enc := json.NewEncoder(env.Stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
	for _, h := range res.Hits {
		subs := make([]string, 0, len(h.Substances))
		for _, s := range h.Substances {
			subs = append(subs, s.ID+"("+s.CAS+")")
		}
		fmt.Fprintf(tw, "%.2f\t%s\t%s\t%s\t%s\t%s\t%s\n", h.Score, oneLine(h.ID), oneLine(h.Seller), strings.Join(subs, ","),
			stamp(h.LastSeen), oneLine(h.Title), termSafe(h.URL))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	shown := "none shown"
	if len(res.Hits) > 0 {
		shown = fmt.Sprintf("showing %d-%d", q.Offset+1, q.Offset+len(res.Hits))
	}
	fmt.Fprintf(env.Stderr, "%s (%s) in %s\n", plural(int(res.Total), "hit"), shown, res.Took.Round(time.Millisecond))
	for _, f := range index.FacetFields {
		if terms := res.Facets[f]; len(terms) > 0 {
			parts := make([]string, 0, len(terms))
			for _, t := range terms {
				parts = append(parts, fmt.Sprintf("%s=%d", oneLine(t.Term), t.Count))
			}
			fmt.Fprintf(env.Stderr, "%s: %s\n", f, strings.Join(parts, " "))
		}
	}
	return nil
}

// oneLine keeps a field on its line of text output.
func oneLine(s string) string {
	s = strings.Join(strings.Fields(termSafe(s)), " ")
	if r := []rune(s); len(r) > 80 {
		s = string(r[:79]) + "…"
	}
	if s == "" {
		return "-"
	}
	return s
}

// termSafe replaces the characters a terminal acts on — C0 and C1 control
// characters (ESC starts a colour or cursor sequence), DEL and the
// bidirectional controls that reorder a line — by spaces: a crawled seller
// name or title is printed as text, never as commands to the terminal.
func termSafe(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r) {
			return ' '
		}
		return r
	}, s)
}

// parseDate parses YYYY-MM-DD or RFC 3339; a bare date as the end of a range
// means the end of that day (UTC).
func parseDate(s string, endOfDay bool) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%q: want YYYY-MM-DD or RFC 3339", s)
	}
	if endOfDay {
		t = t.Add(24*time.Hour - time.Nanosecond)
	}
	return t, nil
}

// parseInterleaved parses flags that may come before or after the query
// words and returns the words. "--" ends the flags.
//
// A word with one leading dash that names no flag is a query word, a MUST
// NOT clause: precwatch search ephedrine -platform:ChemHub. Such words
// split args into segments that parseArgs takes as every command does.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for len(args) > 0 {
		// A query word that looks like a flag, or "--", ends a segment
		// of flags and words.
		end := len(args)
		for i, a := range args {
			if i > 0 && takesValue(fs, args[i-1]) {
				continue // the value of the flag before: --limit -1
			}
			if a == "--" || isQueryWord(fs, a) {
				end = i
				break
			}
		}
		words, err := parseArgs(fs, args[:end])
		if err != nil {
			return nil, err
		}
		pos = append(pos, words...)
		switch {
		case end == len(args):
			return pos, nil
		case args[end] == "--":
			return append(pos, args[end+1:]...), nil
		}
		pos = append(pos, args[end])
		args = args[end+1:]
	}
	return pos, nil
}

// isQueryWord reports whether a is a query word that looks like a flag:
// one leading dash ("-platform:ChemHub", "-ephedrine") and no flag of that
// name.
func isQueryWord(fs *flag.FlagSet, a string) bool {
	if len(a) < 2 || a[0] != '-' || a[1] == '-' {
		return false
	}
	name, _, _ := strings.Cut(a[1:], "=")
	return fs.Lookup(name) == nil && name != "h" && name != "help"
}
