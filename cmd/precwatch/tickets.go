package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/precwatch/precwatch"
	"github.com/precwatch/precwatch/tickets"
)

func init() {
	register(&command{name: "tickets", summary: "list, show, export and review tickets", run: runTickets})
}

// ticketsSubcommands are the subcommands of `precwatch tickets`.
var ticketsSubcommands = []struct {
	name, summary string
	run           func(ctx context.Context, env *Env, args []string) error
}{
	{"list", "list tickets, highest score first", runTicketsList},
	{"show", "show one ticket with its history and linked sellers", runTicketsShow},
	{"export", "export tickets as JSONL, CSV or an incident report", runTicketsExport},
	{"set-status", "change a ticket's status, with who and why", runTicketsSetStatus},
}

func runTickets(ctx context.Context, env *Env, args []string) error {
	usage := func(w io.Writer) {
		fmt.Fprintln(w, "Usage: precwatch tickets COMMAND [flags]\n\nCommands:")
		for _, c := range ticketsSubcommands {
			fmt.Fprintf(w, "  %-11s %s\n", c.name, c.summary)
		}
		fmt.Fprintln(w, "\nRun 'precwatch tickets COMMAND --help' for a command's flags.")
	}
	if len(args) == 0 {
		usage(env.Stderr)
		return errUsage
	}
	if args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(env.Stdout)
		return nil
	}
	for _, c := range ticketsSubcommands {
		if c.name == args[0] {
			return tkReport(env, "tickets "+c.name, c.run(ctx, env, args[1:]))
		}
	}
	fmt.Fprintf(env.Stderr, "precwatch tickets: unknown command %q\n", args[0])
	usage(env.Stderr)
	return errUsage
}

// tkReport reports the error of a subcommand ("tickets export", "token
// create", "target test") under its full name: a usage error with the
// pointer to its --help (exit 2); a user-facing error (one with a
// precwatch code) as its plain message (exit 1); other errors with their
// context, under the full name too (exit 1).
func tkReport(env *Env, name string, err error) error {
	if err == nil || errors.Is(err, flag.ErrHelp) || errors.Is(err, errSilent) {
		return err
	}
	if errors.Is(err, errUsage) {
		var ue *usageErr
		if errors.As(err, &ue) {
			ue.report(env.Stderr, name)
		}
		return errUsage
	}
	if code := precwatch.ErrorCode(err); code != precwatch.EINTERNAL {
		fmt.Fprintf(env.Stderr, "precwatch %s: %s\n", name, precwatch.ErrorMessage(err))
		return errSilent
	}
	fmt.Fprintf(env.Stderr, "precwatch %s: %s\n", name, errorText(err))
	return errSilent
}

// tkCheckStatus checks a --status value (one status, or several
// comma-separated) before any data is read.
func tkCheckStatus(status string) error {
	if status == "" {
		return nil
	}
	for _, st := range strings.Split(status, ",") {
		if st = strings.TrimSpace(st); st != "" && !slices.Contains(tickets.Statuses, st) {
			return badUsage("--status %q: want %s (or several, comma-separated)", st, strings.Join(tickets.Statuses, ", "))
		}
	}
	return nil
}

// tkCheckSort checks a --sort value of tickets list.
func tkCheckSort(sort string) error {
	switch sort {
	case tickets.SortScore, tickets.SortLastSeen, tickets.SortFirstSeen, tickets.SortID:
		return nil
	}
	return badUsage("--sort %q: want %s, %s, %s or %s", sort, tickets.SortScore, tickets.SortLastSeen, tickets.SortFirstSeen, tickets.SortID)
}

// tkParseID parses a ticket or token ID argument.
func tkParseID(what, s string) (int64, error) {
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil || id < 1 {
		return 0, badUsage("%s ID %q: want a positive number", what, s)
	}
	return id, nil
}

// tkParse parses flags that may come before or after the positional
// arguments and returns the positional arguments.
func tkParse(fs *flag.FlagSet, args []string) ([]string, error) {
	return parseArgs(fs, args)
}

// tkOpen opens the ticket store of a data directory. Read commands pass
// mustExist so that a wrong --data leaves nothing behind.
func tkOpen(dataDir string, mustExist bool) (*tickets.Store, error) {
	if fi, err := os.Stat(dataDir); err == nil && !fi.IsDir() {
		return nil, precwatch.Errorf(precwatch.EINVALID, "--data %s is a file, not a data directory", dataDir)
	}
	return tickets.Open(filepath.Join(dataDir, "precwatch.db"), tickets.Options{MustExist: mustExist})
}

func tkDataFlag(fs *flag.FlagSet) *string {
	return fs.String("data", "./data", "data `DIR` (holds precwatch.db)")
}

func tkPlatforms(p string) []string {
	var out []string
	for _, s := range strings.Split(p, ",") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// resolvePlatforms spells each platform of ps as the stored listings do
// (--platform chemhub means ChemHub: an exact match found nothing, without
// a word) and says on w which ones no listing has.
func resolvePlatforms(ctx context.Context, s *tickets.Store, ps []string, w io.Writer, cmd string) ([]string, error) {
	if len(ps) == 0 {
		return ps, nil
	}
	known, err := s.Platforms(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]string, 0, len(ps))
	for _, p := range ps {
		switch i := slices.IndexFunc(known, func(k string) bool { return strings.EqualFold(k, p) }); {
		case slices.Contains(known, p):
			out = append(out, p)
		case i >= 0:
			out = append(out, known[i])
		default:
			out = append(out, p)
			fmt.Fprintf(w, "precwatch %s: no listing of platform %q (platforms: %s)\n", cmd, p, strings.Join(known, ", "))
		}
	}
	return out, nil
}

func runTicketsList(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "tickets list", "[--data DIR] [--status S] [--platform P] [--target T] [--substance S] [--assignee NAME|none] [--flagged-from DATE] [--flagged-to DATE] [--status-from DATE] [--status-to DATE] [--sort ORDER] [--limit N]")
	data := tkDataFlag(fs)
	status := fs.String("status", "", "only tickets in this `status`: open, in_review, confirmed, dismissed or escalated (several comma-separated)")
	platform := fs.String("platform", "", "only tickets of platform `P`, in any case (several comma-separated)")
	target := fs.String("target", "", "only tickets of this `target`")
	substance := fs.String("substance", "", "only tickets offering this `substance` (id, CAS number or name)")
	limit := fs.Int("limit", 50, "show at most `N` tickets (0: all)")
	sort := fs.String("sort", tickets.SortScore, "`order`: score, last_seen, first_seen or id")
	ff := tkAddFilterFlags(fs)
	pos, err := tkParse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return badUsage("unexpected argument %q (tickets list takes flags only)", pos[0])
	}
	if err := tkCheckStatus(*status); err != nil {
		return err
	}
	if err := tkCheckSort(*sort); err != nil {
		return err
	}
	if *limit < 0 {
		return badUsage("--limit %d: want 0 (all) or more", *limit)
	}
	var period tickets.Filter
	if err := ff.apply(&period); err != nil {
		return err
	}
	s, err := tkOpen(*data, true)
	if err != nil {
		return err
	}
	defer s.Close()
	ps, err := resolvePlatforms(ctx, s, tkPlatforms(*platform), env.Stderr, "tickets list")
	if err != nil {
		return err
	}
	f := tickets.Filter{Status: *status, Platforms: ps, Target: *target, Substance: *substance,
		Limit: *limit, Sort: *sort, Assignee: period.Assignee, FlaggedFrom: period.FlaggedFrom, FlaggedTo: period.FlaggedTo,
		StatusFrom: period.StatusFrom, StatusTo: period.StatusTo}
	ts, err := s.Tickets(ctx, f)
	if err != nil {
		return err
	}
	total, err := s.CountTickets(ctx, f)
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tSTATUS\tSCORE\tPLATFORM\tLISTING\tSELLER\tSUBSTANCES\tLAST SEEN\tTITLE")
	for _, t := range ts {
		var subs []string
		for _, s := range t.Substances {
			subs = append(subs, s.Name)
		}
		listing := t.ListingStatus
		fmt.Fprintf(tw, "%d\t%s\t%.2f\t%s\t%s\t%s\t%s\t%s\t%s\n", t.ID, t.Status, t.Score, tkCell(t.Platform, 20), listing,
			tkCell(t.Seller, 20), tkCell(strings.Join(subs, ", "), 30), stamp(t.LastSeen), tkCell(t.Title, 50))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	// The count is for the reader, like search's: on stderr, so that stdout
	// is the table only (a pipe gets rows, not a trailer).
	fmt.Fprintf(env.Stderr, "%d of %d tickets\n", len(ts), total)
	if total == 0 && *status == "" && len(ps) == 0 && *target == "" && *substance == "" && ff.empty() {
		// An empty queue is most often the wrong --data: say where we looked.
		fmt.Fprintf(env.Stderr, "no tickets in %s yet: crawl first (precwatch crawl --config FILE), or pass the --data DIR the crawl wrote to\n", *data)
	}
	return nil
}

// tkCell makes crawled text safe for one table cell: no control
// characters (a listing cannot move the cursor or fake rows), at most n
// runes.
func tkCell(s string, n int) string {
	s = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) {
			return ' '
		}
		return r
	}, s)
	if utf8.RuneCountInString(s) > n {
		r := []rune(s)
		s = string(r[:n-1]) + "…"
	}
	return s
}

func runTicketsShow(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "tickets show", "[--data DIR] [--format text|json] ID")
	data := tkDataFlag(fs)
	format := fs.String("format", "text", "output `format`: text or json")
	pos, err := tkParse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageError(fs, "want exactly one ticket ID, got %s", argsText(pos))
	}
	id, err := tkParseID("ticket", pos[0])
	if err != nil {
		return err
	}
	if *format != "text" && *format != "json" {
		return badUsage("--format %q: want text or json", *format)
	}
	s, err := tkOpen(*data, true)
	if err != nil {
		return err
	}
	defer s.Close()
	t, err := s.Ticket(ctx, id)
	if err != nil {
		return err
	}
	events, err := s.Events(ctx, id)
	if err != nil {
		return err
	}
	links, err := s.Links(ctx, id)
	if err != nil {
		return err
	}
	st, err := s.ListingState(ctx, t.Platform, t.ListingID)
	if err != nil {
		return err
	}
	obs, err := s.Observables(ctx, t.Platform, t.ListingID)
	if err != nil {
		return err
	}
	versions, err := s.Versions(ctx, t.Platform, t.ListingID)
	if err != nil {
		return err
	}
	// A listing edited into something harmless after it was flagged: the
	// ticket is about the flagged version, which is shown (the listing's
	// state is the edit).
	var flagged *precwatch.Result
	if !st.Result.Match.Suspicious {
		if flagged, err = s.FlaggedResult(ctx, id); err != nil {
			return err
		}
	}
	if *format == "json" {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(struct {
			Ticket      *precwatch.Ticket      `json:"ticket"`
			Listing     precwatch.Result       `json:"listing"`
			Flagged     *precwatch.Result      `json:"flagged,omitempty"` // the flagged version, when the listing is no longer suspicious
			Observables []precwatch.Observable `json:"observables"`
			Versions    []tickets.Version      `json:"versions"` // the evidence history, oldest first
			Events      []tickets.TicketEvent  `json:"events"`
			Links       []tickets.Link         `json:"links"`
		}{t, st.Result, flagged, obs, versions, events, links})
	}
	w := env.Stdout
	line := func(k, v string) { fmt.Fprintf(w, "%-15s %s\n", k+":", tkCell(v, 500)) }
	line("Ticket", strconv.FormatInt(t.ID, 10))
	line("Status", t.Status)
	line("Platform", t.Platform)
	line("Target", t.Target)
	line("Listing", t.ListingID)
	line("URL", t.ListingURL)
	line("Listing status", t.ListingStatus)
	line("Title", t.Title)
	line("Seller", t.Seller)
	shownListing := st.Result.Listing
	if flagged != nil {
		shownListing = flagged.Listing
	}
	if l := shownListing; l.Price != "" || l.Location != "" {
		line("Price", l.Price)
		line("Location", l.Location)
	}
	line("Score", fmt.Sprintf("%.2f", t.Score))
	if t.Assignee != "" {
		line("Assignee", t.Assignee)
	}
	line("First seen", stamp(t.FirstSeen))
	line("Last seen", stamp(t.LastSeen))
	if st.FlaggedAt != nil {
		line("Flagged", stamp(*st.FlaggedAt))
	}
	if t.RemovedAt != nil {
		removed := stamp(*t.RemovedAt)
		if st.FlaggedAt != nil {
			removed += fmt.Sprintf(" (%s after it was flagged)", t.RemovedAt.Sub(*st.FlaggedAt).Round(time.Second))
		}
		line("Removed", removed)
	}
	line("Evidence", t.EvidenceHash)
	shown := st.Result
	if flagged != nil {
		line("Listing now", fmt.Sprintf("changed since it was flagged and not suspicious (score %.2f, title %q); below is the flagged version",
			st.Result.Match.Score, st.Result.Listing.Title))
		shown = *flagged
		obs = obs[:0]
		for _, o := range flagged.Match.Observables {
			if !slices.Contains(obs, o) {
				obs = append(obs, o)
			}
		}
	}
	fmt.Fprintln(w, "\nSubstances:")
	for _, sm := range shown.Match.Substances {
		neg := ""
		if sm.Negated {
			neg = " (negated)"
		}
		fmt.Fprintf(w, "  %s  CAS %s  list %s%s\n", tkCell(sm.Name, 80), sm.CAS, sm.List, neg)
	}
	fmt.Fprintln(w, "\nIndicators:")
	for _, in := range shown.Match.Indicators {
		fmt.Fprintf(w, "  %s: %s\n", in.ID, tkCell(in.Text, 120))
	}
	if len(shown.Match.Explain) > 0 {
		fmt.Fprintln(w, "\nScore explained:")
		for _, e := range shown.Match.Explain {
			fmt.Fprintf(w, "  %s\n", tkCell(e, 200))
		}
	}
	if len(obs) > 0 {
		fmt.Fprintln(w, "\nObservables:")
		for _, o := range obs {
			fmt.Fprintf(w, "  %s %s\n", o.Type, tkCell(o.Value, 120))
		}
	}
	fmt.Fprintln(w, "\nLinks:")
	if len(links) == 0 {
		fmt.Fprintln(w, "  none")
	}
	for _, l := range links {
		fmt.Fprintf(w, "  ticket %d  %s  seller %s  shares %s %s  %s\n", l.TicketID, l.Platform, tkCell(l.Seller, 40),
			l.Observable.Type, tkCell(l.Observable.Value, 80), l.ListingURL)
	}
	fmt.Fprintln(w, "\nEvidence history:")
	for _, v := range versions {
		fmt.Fprintf(w, "  %s  evidence %s  content %s\n", stamp(v.FirstSeen), orDash(v.EvidenceHash), v.ContentHash)
	}
	fmt.Fprintln(w, "\nHistory:")
	for _, e := range events {
		change := ""
		switch {
		case e.From != "":
			change = fmt.Sprintf(" %s -> %s", tkCell(e.From, 40), tkCell(e.To, 40))
		case e.To != "":
			change = " -> " + tkCell(e.To, 40)
		}
		reason := ""
		if e.Reason != "" {
			reason = ": " + tkCell(e.Reason, 300)
		}
		fmt.Fprintf(w, "  %s  %s  %s%s%s\n", stamp(e.At), tkCell(e.Actor, 40), e.Action, change, reason)
	}
	return nil
}

func runTicketsExport(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "tickets export", "[--data DIR] [--format jsonl|csv|incident] [--status S] [--platform P] [--assignee NAME|none] [--since DATE] [--flagged-from DATE] [--flagged-to DATE] [--status-from DATE] [--status-to DATE]   (to stdout)")
	data := tkDataFlag(fs)
	format := fs.String("format", "jsonl", "output `format`: jsonl, csv or incident (JSON report of confirmed tickets, also once escalated)")
	status := fs.String("status", "", "only tickets in this `status`: open, in_review, confirmed, dismissed or escalated (several comma-separated)")
	platform := fs.String("platform", "", "only tickets of platform `P`, in any case (several comma-separated)")
	since := fs.String("since", "", "only tickets last seen on or after this `date` (YYYY-MM-DD or RFC 3339; every crawl moves last seen: for a reporting period use --flagged-from/--flagged-to or --status-from/--status-to)")
	ff := tkAddFilterFlags(fs)
	pos, err := tkParse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return badUsage("unexpected argument %q (tickets export takes flags only; it writes to stdout)", pos[0])
	}
	// The whole command line is checked before the database is opened:
	// a bad flag writes nothing, not even a partial export.
	switch *format {
	case "jsonl", "csv", "incident":
	default:
		return badUsage("--format %q: want jsonl, csv or incident", *format)
	}
	if err := tkCheckStatus(*status); err != nil {
		return err
	}
	if *format == "incident" && *status != "" {
		for _, st := range strings.Split(*status, ",") {
			if st = strings.TrimSpace(st); st != "" && st != precwatch.StatusConfirmed && st != precwatch.StatusEscalated {
				return badUsage("--status %s: an incident report covers confirmed tickets (also once escalated) and, with --status, confirmed or escalated ones", *status)
			}
		}
	}
	f := tickets.Filter{Status: *status, Platforms: tkPlatforms(*platform), Sort: tickets.SortID}
	if *since != "" {
		t, err := tkParseDate(*since)
		if err != nil {
			return err
		}
		f.Since = t
	}
	if err := ff.apply(&f); err != nil {
		return err
	}
	s, err := tkOpen(*data, true)
	if err != nil {
		return err
	}
	defer s.Close()
	if f.Platforms, err = resolvePlatforms(ctx, s, f.Platforms, env.Stderr, "tickets export"); err != nil {
		return err
	}
	var export func(context.Context, io.Writer, tickets.Filter) error
	switch *format {
	case "jsonl":
		export = s.ExportJSONL
	case "csv":
		export = s.ExportCSV
	case "incident":
		export = s.IncidentReport
	}
	return export(ctx, env.Stdout, f)
}

// tkParseDate parses YYYY-MM-DD (UTC midnight) or RFC 3339.
func tkParseDate(s string) (time.Time, error) {
	return tkParseBound("--since", s, false)
}

// tkParseBound parses flag name's value, YYYY-MM-DD or RFC 3339; a bare
// date as an upper bound (end) means the end of that day UTC, as search's
// --to does.
func tkParseBound(name, s string, end bool) (time.Time, error) {
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		if end {
			t = t.Add(24*time.Hour - time.Nanosecond)
		}
		return t, nil
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}, badUsage("%s %q: want a date, YYYY-MM-DD or RFC 3339", name, s)
	}
	return t, nil
}

// tkFilterFlags are the assignee and reporting-period flags shared by
// tickets list and tickets export.
type tkFilterFlags struct {
	assignee                                     *string
	flaggedFrom, flaggedTo, statusFrom, statusTo *string
}

func tkAddFilterFlags(fs *flag.FlagSet) *tkFilterFlags {
	return &tkFilterFlags{
		assignee:    fs.String("assignee", "", "only tickets assigned to `NAME` (none: unassigned tickets)"),
		flaggedFrom: fs.String("flagged-from", "", "only tickets flagged (created) on or after this `date` (YYYY-MM-DD or RFC 3339)"),
		flaggedTo:   fs.String("flagged-to", "", "only tickets flagged (created) on or before this `date` (a bare date: the end of that day UTC)"),
		statusFrom:  fs.String("status-from", "", "only tickets whose last status change (e.g. confirmation; creation if none) is on or after this `date`"),
		statusTo:    fs.String("status-to", "", "only tickets whose last status change is on or before this `date` (a bare date: the end of that day UTC)"),
	}
}

func (ff *tkFilterFlags) empty() bool {
	return *ff.assignee == "" && *ff.flaggedFrom == "" && *ff.flaggedTo == "" && *ff.statusFrom == "" && *ff.statusTo == ""
}

// apply checks the flags and sets them on f: a bad date is a usage error
// naming its flag.
func (ff *tkFilterFlags) apply(f *tickets.Filter) error {
	f.Assignee = strings.TrimSpace(*ff.assignee)
	for _, b := range []struct {
		val  string
		name string
		end  bool
		at   *time.Time
	}{
		{*ff.flaggedFrom, "--flagged-from", false, &f.FlaggedFrom}, {*ff.flaggedTo, "--flagged-to", true, &f.FlaggedTo},
		{*ff.statusFrom, "--status-from", false, &f.StatusFrom}, {*ff.statusTo, "--status-to", true, &f.StatusTo},
	} {
		if b.val == "" {
			continue
		}
		t, err := tkParseBound(b.name, b.val, b.end)
		if err != nil {
			return err
		}
		*b.at = t
	}
	return nil
}

func runTicketsSetStatus(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "tickets set-status", "[--data DIR] --actor NAME --reason TEXT [--from STATUS] (ID | --ids ID,ID,…) STATUS")
	data := tkDataFlag(fs)
	actor := fs.String("actor", "", "`NAME` of who makes the change (required; recorded in the audit log)")
	reason := fs.String("reason", "", "why, as `TEXT` (required; recorded in the audit log)")
	from := fs.String("from", "", "change only if every ticket is still in this `status` (else nothing changes and the exit status is 1)")
	idList := fs.String("ids", "", fmt.Sprintf("change many tickets at once: their `IDs`, comma-separated, or - to read them from stdin (at most %d; all change, or none does)", tickets.MaxBulk))
	pos, err := tkParse(fs, args)
	if err != nil {
		return err
	}
	bulk := *idList != ""
	switch {
	case bulk && len(pos) != 1:
		return usageError(fs, "with --ids, want a status only, got %s (quote a --reason with spaces)", argsText(pos))
	case !bulk && len(pos) != 2:
		// Most often a --reason of several words left unquoted.
		return usageError(fs, "want a ticket ID and a status, got %s (quote a --reason with spaces)", argsText(pos))
	}
	status := pos[len(pos)-1]
	var ids []int64
	if bulk {
		if ids, err = tkParseIDs(env, *idList); err != nil {
			return err
		}
	} else {
		id, err := tkParseID("ticket", pos[0])
		if err != nil {
			return err
		}
		ids = []int64{id}
	}
	if !slices.Contains(tickets.Statuses, status) {
		return badUsage("status %q: want %s", status, strings.Join(tickets.Statuses, ", "))
	}
	if *from != "" && !slices.Contains(tickets.Statuses, *from) {
		return badUsage("--from %q: want %s", *from, strings.Join(tickets.Statuses, ", "))
	}
	if strings.TrimSpace(*actor) == "" || strings.TrimSpace(*reason) == "" {
		return usageError(fs, "--actor and --reason are required: every change is audited with who and why")
	}
	s, err := tkOpen(*data, true)
	if err != nil {
		return err
	}
	defer s.Close()
	if !bulk {
		before, err := s.Ticket(ctx, ids[0])
		if err != nil {
			return err
		}
		if err := s.SetStatusFrom(ctx, ids[0], *from, status, *actor, *reason); err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "ticket %d: %s -> %s\n", ids[0], before.Status, status)
		return nil
	}
	c := tickets.BulkChange{IDs: ids, Status: status, Reason: *reason, Actor: *actor}
	if *from != "" {
		c.From = make(map[int64]string, len(ids))
		for _, id := range ids {
			c.From[id] = *from
		}
	}
	// The statuses before, for the report only: the change itself checks
	// them again in its transaction.
	before := make(map[int64]string, len(ids))
	for _, id := range ids {
		if t, err := s.Ticket(ctx, id); err == nil {
			before[id] = t.Status
		}
	}
	changed, err := s.Bulk(ctx, c)
	if err != nil {
		return err
	}
	for _, t := range changed {
		fmt.Fprintf(env.Stdout, "ticket %d: %s -> %s\n", t.ID, before[t.ID], t.Status)
	}
	return nil
}

// tkParseIDs parses the --ids of a bulk change: ticket IDs separated by
// commas or white space, or "-" to read them so from stdin.
func tkParseIDs(env *Env, list string) ([]int64, error) {
	if list == "-" {
		b, err := io.ReadAll(io.LimitReader(env.Stdin, 1<<20))
		if err != nil {
			return nil, fmt.Errorf("read --ids from stdin: %w", err)
		}
		list = string(b)
	}
	fields := strings.FieldsFunc(list, func(r rune) bool { return r == ',' || unicode.IsSpace(r) })
	if len(fields) == 0 {
		return nil, badUsage("--ids %q: want ticket IDs, comma-separated", list)
	}
	if len(fields) > tickets.MaxBulk {
		return nil, badUsage("--ids: %d tickets, at most %d at once; split them", len(fields), tickets.MaxBulk)
	}
	ids := make([]int64, 0, len(fields))
	for _, f := range fields {
		id, err := tkParseID("ticket", f)
		if err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, nil
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
