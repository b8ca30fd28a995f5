package server

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/precwatch/precwatch"
)

// maxTicketPage is the most tickets GET /api/v1/tickets returns at once.
const maxTicketPage = 1000

// maxBody bounds request bodies (targets, notes, watchlists).
const maxBody = 1 << 20

// searchFilterFields are the query parameters of a search that filter on a
// keyword field of the index.
var searchFilterFields = []string{"platform", "substance", "list", "seller", "location", "indicator", "cas", "target", "lang", "observable", "suspicious"}

var ticketFilterParams = []param{
	{"platform", "string", "only this platform (repeatable or comma-separated; any case); outside the caller's scope: 403"},
	{"status", "string", "ticket status: open, in_review, confirmed, dismissed, escalated (repeatable or comma-separated)"},
	{"listing_status", "string", "active or removed"},
	{"target", "string", "target name"},
	{"seller", "string", "seller, exact"},
	{"substance", "string", "substance id, CAS number or name"},
	{"assignee", "string", "assignee, exact; none: unassigned tickets"},
	{"min_score", "number", "score at least (0 to 1)"},
	{"since", "string", "last seen at or after (RFC 3339 or YYYY-MM-DD); every crawl that sees the listing moves last seen, so a reporting period uses flagged_from/flagged_to or status_from/status_to"},
	{"flagged_from", "string", "flagged (ticket created) at or after (RFC 3339 or YYYY-MM-DD: the start of that day UTC)"},
	{"flagged_to", "string", "flagged (ticket created) at or before (RFC 3339 or YYYY-MM-DD: the end of that day UTC)"},
	{"status_from", "string", "last status change (e.g. the confirmation; the creation if the status never changed) at or after (RFC 3339 or YYYY-MM-DD)"},
	{"status_to", "string", "last status change at or before (RFC 3339 or YYYY-MM-DD: the end of that day UTC); with status=confirmed: confirmed in that period"},
	{"sort", "string", "score (default; exports: id), last_seen, first_seen or id"},
}

func (s *Server) apiRoutes() []route {
	searchParams := []param{
		{"q", "string", "bleve query-string syntax; empty matches every listing"},
		{"page", "integer", "page number, from 1"},
		{"size", "integer", "hits per page (default 20, at most 100; 0: only the total and facets)"},
		{"limit", "integer", "the same as size (the name the CLI and /api/v1/tickets use)"},
		{"offset", "integer", "skip this many hits (instead of page)"},
		{"sort", "string", "score (default), date or relevance"},
		{"from", "string", "seen at or after (RFC 3339 or YYYY-MM-DD)"},
		{"to", "string", "seen at or before (RFC 3339 or YYYY-MM-DD)"},
		{"facets", "boolean", "return facet counts (default true)"},
		{"highlight", "boolean", "return highlighted fragments (default true)"},
		{"exact_facets", "boolean", "count facets over every hit (default false: above 10,000 hits the counts are estimated from a sample of about 1,000 hits and facets_approximate is true; exact counts take several times longer)"},
	}
	for _, f := range searchFilterFields {
		desc := "keep hits with this " + f + " (repeatable; any case; outside the caller's scope: 403)"
		if f == "cas" {
			desc = "keep hits where this CAS number was seen or of the substance it belongs to (a salt's CAS finds its parent substance, as the watchlist says; 5449127 is 5449-12-7; repeatable). cas:N in q works the same way"
		}
		searchParams = append(searchParams, param{f, "string", desc})
	}
	// An export takes the query, the order and the filters; it has no
	// pages and no facets.
	var exportParams []param
	for _, sp := range searchParams {
		switch sp.Name {
		case "page", "size", "limit", "offset", "facets", "highlight", "exact_facets":
		default:
			exportParams = append(exportParams, sp)
		}
	}
	list := append([]param{{"limit", "integer", "tickets per page (default 50, at most 1000; 0: all, up to 1000 a page, as the CLI's --limit 0)"}, {"offset", "integer", "skip this many"}}, ticketFilterParams...)
	return []route{
		{Method: "GET", Pattern: "/api/v1/me", Summary: "The caller's role and platform", Tag: "auth", handle: s.apiMe},
		{Method: "GET", Pattern: "/api/v1/search", Summary: "Search listings with substance hits (scoped to the caller's platforms)", Tag: "search", Params: searchParams, handle: s.apiSearch},
		{Method: "GET", Pattern: "/api/v1/search/export.csv", Summary: "Export every hit of a search as CSV (no cap; streamed; X-Precwatch-Total gives the count)", Tag: "search", Params: exportParams, Produce: "text/csv", handle: s.apiSearchExport(ExportCSV)},
		{Method: "GET", Pattern: "/api/v1/search/export.jsonl", Summary: "Export every hit of a search as JSON lines (no cap; streamed; X-Precwatch-Total gives the count)", Tag: "search", Params: exportParams, Produce: "application/x-ndjson", handle: s.apiSearchExport(ExportJSONL)},
		{Method: "GET", Pattern: "/api/v1/tickets", Summary: "List tickets with filters", Tag: "tickets", Params: list, handle: s.apiTickets},
		{Method: "POST", Pattern: "/api/v1/tickets/bulk", Summary: "Change the status of, and/or assign, up to 1000 tickets in one transaction (body: TicketBulk): all change or none does; each ticket is audited and notified as by a single change. A ticket outside the caller's platform is 403, an unknown one 404, one no longer in status \"from\" 409 naming its current status, a transition the workflow does not allow 400; each names the tickets at fault", Tag: "tickets", Body: "json", handle: s.apiBulk},
		{Method: "GET", Pattern: "/api/v1/tickets/{id}", Summary: "A ticket with its listing, hits, indicators, observables, score explanation, links and history", Tag: "tickets", handle: s.apiTicket},
		{Method: "GET", Pattern: "/api/v1/tickets/{id}/events", Summary: "A ticket's audit log", Tag: "tickets", handle: s.apiTicketEvents},
		{Method: "POST", Pattern: "/api/v1/tickets/{id}/status", Summary: "Change a ticket's status with a reason; with \"from\" (the status the caller saw), only if the ticket is still in it, else 409 conflict naming the current status", Tag: "tickets", Body: "json", handle: s.apiSetStatus},
		{Method: "POST", Pattern: "/api/v1/tickets/{id}/assign", Summary: "Assign a ticket (empty assignee unassigns)", Tag: "tickets", Body: "json", handle: s.apiAssign},
		{Method: "POST", Pattern: "/api/v1/tickets/{id}/notes", Summary: "Add a note to a ticket", Tag: "tickets", Body: "json", handle: s.apiNote},
		{Method: "GET", Pattern: "/api/v1/targets", Summary: "List crawl targets", Tag: "targets", handle: s.apiTargets},
		{Method: "POST", Pattern: "/api/v1/targets", Summary: "Create a crawl target", Tag: "targets", Body: "json", handle: s.apiCreateTarget},
		{Method: "POST", Pattern: "/api/v1/targets/test", Summary: "Test an unsaved target: the listings its first pages yield", Tag: "targets", Body: "json", handle: s.apiTestTarget},
		{Method: "GET", Pattern: "/api/v1/targets/{name}", Summary: "A crawl target", Tag: "targets", handle: s.apiTarget},
		{Method: "PUT", Pattern: "/api/v1/targets/{name}", Summary: "Create or replace a crawl target", Tag: "targets", Body: "json", handle: s.apiPutTarget},
		{Method: "DELETE", Pattern: "/api/v1/targets/{name}", Summary: "Delete a crawl target", Tag: "targets", handle: s.apiDeleteTarget},
		{Method: "POST", Pattern: "/api/v1/targets/{name}/test", Summary: "Test a saved target", Tag: "targets", handle: s.apiTestSaved},
		{Method: "POST", Pattern: "/api/v1/targets/{name}/run", Summary: "Start a crawl of a target now", Tag: "crawls", handle: s.apiRunNow},
		{Method: "GET", Pattern: "/api/v1/runs", Summary: "Latest crawl runs with their status, errors, and the listings an empty complete run kept (kept, note)", Tag: "crawls", Params: []param{{"limit", "integer", "runs (default 50, at most 500)"}, {"target", "string", "only this target"}}, handle: s.apiRuns},
		{Method: "GET", Pattern: "/api/v1/watchlist", Summary: "The watchlist in effect: substances with lists and CAS numbers", Tag: "watchlist", handle: s.apiWatchlist},
		{Method: "POST", Pattern: "/api/v1/watchlist", Summary: "Add an extra watchlist (YAML body, admins); takes effect on the next start or rescan", Tag: "watchlist", Body: "yaml", Params: []param{{"name", "string", "list name, [a-z0-9-]+ (required)"}}, handle: s.apiAddWatchlist},
		{Method: "GET", Pattern: "/api/v1/exports/tickets.csv", Summary: "Export tickets as CSV", Tag: "exports", Params: ticketFilterParams, Produce: "text/csv", handle: s.apiExport(ExportCSV)},
		{Method: "GET", Pattern: "/api/v1/exports/tickets.jsonl", Summary: "Export tickets as JSON lines", Tag: "exports", Params: ticketFilterParams, Produce: "application/x-ndjson", handle: s.apiExport(ExportJSONL)},
		{Method: "GET", Pattern: "/api/v1/exports/incidents.json", Summary: "Incident report of confirmed tickets", Tag: "exports", Params: ticketFilterParams, handle: s.apiExport(ExportIncident)},
	}
}

func (s *Server) apiMe(w http.ResponseWriter, r *http.Request, p *Principal) error {
	writeJSON(w, http.StatusOK, p)
	return nil
}

// --- search ---

// searchQuery reads a search from URL parameters, scoped to p.
func searchQuery(v url.Values, p *Principal, maxSize int) (SearchQuery, int, error) {
	q := SearchQuery{Query: strings.TrimSpace(v.Get("q")), Platforms: p.Scope(), Sort: v.Get("sort"), Filters: map[string][]string{}}
	var err error
	if q.Facets, err = boolParam(v, "facets", true); err != nil {
		return q, 0, err
	}
	if q.Highlight, err = boolParam(v, "highlight", true); err != nil {
		return q, 0, err
	}
	if q.ExactFacets, err = boolParam(v, "exact_facets", false); err != nil {
		return q, 0, err
	}
	sizeName := "size"
	if v.Get("size") == "" && v.Get("limit") != "" {
		sizeName = "limit"
	}
	// size=0: the total and the facets only, like the CLI's --limit 0.
	size, err := intParam(v, sizeName, 20, 0, maxSize)
	if err != nil {
		return q, 0, err
	}
	page, err := intParam(v, "page", 1, 1, 10000)
	if err != nil {
		return q, 0, err
	}
	q.Size, q.Offset = size, (page-1)*size
	if v.Get("page") == "" && v.Get("offset") != "" {
		if q.Offset, err = intParam(v, "offset", 0, 0, 10000*maxSize); err != nil {
			return q, 0, err
		}
		page = q.Offset/max(size, 1) + 1
	}
	for _, f := range searchFilterFields {
		for _, val := range v[f] {
			vals := []string{val}
			switch f {
			case "platform": // repeatable or comma-separated, as for tickets
				vals = strings.Split(val, ",")
			case "target": // target names are lower case
				vals = []string{strings.ToLower(val)}
			}
			for _, val := range vals {
				if val = strings.TrimSpace(val); val != "" {
					q.Filters[f] = append(q.Filters[f], val)
				}
			}
		}
	}
	if scope := p.Scope(); scope != nil {
		// A platform outside the caller's scope is refused, not silently
		// emptied (as for tickets); one inside is spelt as the scope is.
		for i, val := range q.Filters["platform"] {
			j := slices.IndexFunc(scope, func(s string) bool { return strings.EqualFold(s, val) })
			if j < 0 {
				return q, 0, forbidden("platform %q is outside your scope", val)
			}
			q.Filters["platform"][i] = scope[j]
		}
	}
	if q.From, err = timeParam(v, "from", false); err != nil {
		return q, 0, err
	}
	if q.To, err = timeParam(v, "to", true); err != nil {
		return q, 0, err
	}
	return q, page, nil
}

func (s *Server) apiSearch(w http.ResponseWriter, r *http.Request, p *Principal) error {
	q, page, err := searchQuery(r.URL.Query(), p, 100)
	if err != nil {
		return err
	}
	if err := s.targetsInScope(r.Context(), p, q.Filters["target"]); err != nil {
		return err
	}
	res, err := s.search(r.Context(), q)
	if err != nil {
		return err
	}
	// Each hit with its ticket and evidence (res is shared through the
	// cache: copied, never changed).
	type linkedHit struct {
		SearchHit
		TicketID int64  `json:"ticket_id,omitempty"`
		Ticket   string `json:"ticket_url,omitempty"`
		Evidence string `json:"evidence_url,omitempty"`
	}
	hits := make([]linkedHit, len(res.Hits))
	for i, h := range res.Hits {
		hits[i].SearchHit = h
		id, ev, err := s.hitLinks(r.Context(), p, h)
		if err != nil {
			return err
		}
		if id > 0 {
			hits[i].TicketID, hits[i].Ticket = id, "/api/v1/tickets/"+itoa(id)
			if ev != "" {
				hits[i].Evidence = "/evidence/" + ev
			}
		}
	}
	// page/size and, as /api/v1/tickets answers, limit/offset.
	writeJSON(w, http.StatusOK, struct {
		*SearchResults
		Hits []linkedHit `json:"hits"`
		// FacetsApproximate says the facet counts are estimates from a
		// sample (above 10,000 hits), not counts: exact_facets=true counts.
		FacetsApproximate bool `json:"facets_approximate"`
		Page              int  `json:"page"`
		Size              int  `json:"size"`
		Limit             int  `json:"limit"`
		Offset            int  `json:"offset"`
	}{res, hits, res.Approximate, page, q.Size, q.Size, q.Offset})
	return nil
}

// searchExportPage is the number of hits a search export asks the index
// for at a time.
const searchExportPage = 1000

// searchExportHeader is the CSV header of a search export.
var searchExportHeader = []string{"id", "platform", "listing_id", "url", "title", "seller", "location", "substances", "lists", "indicators", "score", "suspicious", "first_seen", "last_seen"}

// apiSearchExport streams every hit of a search (no cap), as the search
// API scopes it.
func (s *Server) apiSearchExport(format string) func(http.ResponseWriter, *http.Request, *Principal) error {
	return func(w http.ResponseWriter, r *http.Request, p *Principal) error {
		return s.exportSearch(w, r, p, r.URL.Query(), format)
	}
}

// exportSearch streams every hit of the search v describes, scoped to p,
// in the order of the search (sort=), as CSV or JSON lines: it pages
// through the index searchExportPage hits at a time and writes each page
// as it comes, so an export of any size is complete and holds one page in
// memory. X-Precwatch-Total is the number of hits when the export began;
// listings indexed during a long export may be left out or, when the sort
// order moves them, repeated (the id column tells them apart). An error
// before the first byte is a JSON error; a later one cuts the stream short
// (logged).
func (s *Server) exportSearch(w http.ResponseWriter, r *http.Request, p *Principal, v url.Values, format string) error {
	q, _, err := searchQuery(v, p, searchExportPage)
	if err != nil {
		return err
	}
	if err := s.targetsInScope(r.Context(), p, q.Filters["target"]); err != nil {
		return err
	}
	q.Size, q.Offset, q.Facets, q.Highlight = searchExportPage, 0, false, false
	res, err := s.opts.Search.Search(r.Context(), q)
	if err != nil {
		return err
	}
	h := w.Header()
	h.Set("Cache-Control", "no-store")
	h.Set("X-Precwatch-Total", strconv.FormatUint(res.Total, 10))
	var write func(SearchHit) error
	var cw *csv.Writer
	switch format {
	case ExportJSONL:
		h.Set("Content-Type", "application/x-ndjson")
		h.Set("Content-Disposition", `attachment; filename="search.jsonl"`)
		enc := json.NewEncoder(w)
		write = func(hit SearchHit) error {
			hit.Fragments = nil
			return enc.Encode(hit)
		}
	default:
		h.Set("Content-Type", "text/csv; charset=utf-8")
		h.Set("Content-Disposition", `attachment; filename="search.csv"`)
		cw = csv.NewWriter(w)
		cw.Write(searchExportHeader)
		write = func(h SearchHit) error {
			var subs []string
			for _, sb := range h.Substances {
				if sb.CAS != "" {
					subs = append(subs, sb.Name+" ("+sb.CAS+")")
				} else {
					subs = append(subs, sb.Name)
				}
			}
			return cw.Write([]string{h.ID, precwatch.CSVSafe(h.Platform), precwatch.CSVSafe(h.ListingID), precwatch.CSVSafe(h.URL), precwatch.CSVSafe(h.Title), precwatch.CSVSafe(h.Seller), precwatch.CSVSafe(h.Location),
				precwatch.CSVSafe(strings.Join(subs, "; ")), strings.Join(h.Lists, "; "), strings.Join(h.Indicators, "; "),
				strconv.FormatFloat(h.Score, 'f', -1, 64), strconv.FormatBool(h.Suspicious),
				// As the JSONL export writes them (encoding/json): RFC
				// 3339 UTC to the nanosecond.
				h.FirstSeen.UTC().Format(time.RFC3339Nano), h.LastSeen.UTC().Format(time.RFC3339Nano)})
		}
	}
	w.WriteHeader(http.StatusOK)
	flush := func() {
		if cw != nil {
			cw.Flush()
		}
		if f, ok := w.(http.Flusher); ok {
			f.Flush()
		}
	}
	for {
		for _, hit := range res.Hits {
			if err := write(hit); err != nil {
				return nil // the client went away
			}
		}
		flush()
		if len(res.Hits) < q.Size {
			return nil
		}
		q.Offset += q.Size
		if res, err = s.opts.Search.Search(r.Context(), q); err != nil {
			if r.Context().Err() == nil {
				s.log.Warn("search export cut short", "format", format, "offset", q.Offset, "err", err)
			}
			return nil
		}
	}
}

// targetParam is the target= parameter; target names are lower case
// ([a-z0-9-]+), so target=ChemHub is chemhub.
func targetParam(v url.Values) string {
	return strings.ToLower(strings.TrimSpace(v.Get("target")))
}

// targetsInScope refuses (403) a filter on a target of a platform outside
// p's scope: "any request outside the caller's scope gets 403", as for a
// platform filter. A target nobody has filters everything out instead.
func (s *Server) targetsInScope(ctx context.Context, p *Principal, names []string) error {
	if p.Scope() == nil {
		return nil
	}
	for _, name := range names {
		name = strings.TrimSpace(name)
		if name == "" {
			continue
		}
		ti, err := s.opts.Targets.Target(ctx, name)
		if precwatch.ErrorCode(err) == precwatch.ENOTFOUND {
			continue
		}
		if err != nil {
			return err
		}
		if !p.Sees(ti.Target.Platform) {
			return forbidden("target %s is outside your platform", name)
		}
	}
	return nil
}

// --- tickets ---

// ticketFilter reads ticket filters from URL parameters, scoped to p.
func (s *Server) ticketFilter(ctx context.Context, v url.Values, p *Principal) (TicketFilter, error) {
	f := TicketFilter{Platforms: p.Scope(), Status: strings.Join(v["status"], ","), ListingStatus: v.Get("listing_status"),
		Target: targetParam(v), Seller: v.Get("seller"), Substance: v.Get("substance"), Assignee: v.Get("assignee"),
		Sort: v.Get("sort")}
	if ms := v.Get("min_score"); ms != "" {
		x, err := strconv.ParseFloat(ms, 64)
		if err != nil || math.IsNaN(x) || x < 0 || x > 1 {
			// Scores are 0..1: a larger minimum would silently list nothing.
			return f, precwatch.Errorf(precwatch.EINVALID, "min_score %q: want a number from 0 to 1", ms)
		}
		f.MinScore = x
	}
	var asked []string
	for _, val := range v["platform"] {
		for _, x := range strings.Split(val, ",") {
			if x = strings.TrimSpace(x); x != "" {
				asked = append(asked, x)
			}
		}
	}
	if len(asked) > 0 {
		// Spelt as the listings spell them (platform=chemhub); within the
		// caller's scope only.
		known := p.Scope()
		if known == nil {
			var err error
			if known, err = s.opts.Tickets.KnownPlatforms(ctx); err != nil {
				return f, err
			}
		}
		f.Platforms = nil
		for _, x := range asked {
			i := slices.IndexFunc(known, func(k string) bool { return strings.EqualFold(k, x) })
			switch {
			case i >= 0:
				f.Platforms = append(f.Platforms, known[i])
			case p.Scope() != nil:
				return f, forbidden("platform %q is outside your scope", x)
			default:
				f.Platforms = append(f.Platforms, x) // no listing yet: nothing matches
			}
		}
	}
	if err := s.targetsInScope(ctx, p, []string{f.Target}); err != nil {
		return f, err
	}
	var err error
	for _, tp := range []struct {
		at   *time.Time
		name string
		end  bool
	}{
		{&f.Since, "since", false},
		{&f.FlaggedFrom, "flagged_from", false}, {&f.FlaggedTo, "flagged_to", true},
		{&f.StatusFrom, "status_from", false}, {&f.StatusTo, "status_to", true},
	} {
		if *tp.at, err = timeParam(v, tp.name, tp.end); err != nil {
			return f, err
		}
	}
	return f, nil
}

func (s *Server) apiTickets(w http.ResponseWriter, r *http.Request, p *Principal) error {
	v := r.URL.Query()
	f, err := s.ticketFilter(r.Context(), v, p)
	if err != nil {
		return err
	}
	// limit=0 is all, as `precwatch tickets list --limit 0`, up to the
	// page cap: the answer's limit says how many a page held, and total
	// whether to page on with offset.
	if f.Limit, err = intParam(v, "limit", 50, 0, maxTicketPage); err != nil {
		return err
	}
	if f.Limit == 0 {
		f.Limit = maxTicketPage
	}
	if f.Offset, err = intParam(v, "offset", 0, 0, 1<<30); err != nil {
		return err
	}
	ts, err := s.opts.Tickets.Tickets(r.Context(), f)
	if err != nil {
		return err
	}
	total, err := s.countTickets(r.Context(), f)
	if err != nil {
		return err
	}
	if ts == nil {
		ts = []precwatch.Ticket{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"total": total, "limit": f.Limit, "offset": f.Offset, "tickets": ts})
	return nil
}

// ticket returns the ticket named by the path's {id} if p may see it.
func (s *Server) ticket(r *http.Request, p *Principal) (*precwatch.Ticket, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return nil, precwatch.Errorf(precwatch.EINVALID, "ticket id %q is not a positive number", r.PathValue("id"))
	}
	t, err := s.opts.Tickets.Ticket(r.Context(), id)
	if err != nil {
		return nil, err
	}
	if !p.Sees(t.Platform) {
		return nil, scopeRefused(fmt.Sprintf("ticket %d is outside your platform", id))
	}
	return t, nil
}

// TicketDetail is a ticket with everything a reviewer needs to decide it.
type TicketDetail struct {
	Ticket  *precwatch.Ticket  `json:"ticket"`
	Listing *precwatch.Listing `json:"listing,omitempty"`
	Match   *precwatch.Match   `json:"match,omitempty"` // hits, indicators, observables, explain
	// Flagged is the version of the listing the ticket was raised for,
	// when the listing has since been edited into something not
	// suspicious (Listing and Match are then the edit).
	Flagged *precwatch.Result `json:"flagged,omitempty"`
	// Versions is the listing's evidence history, oldest first.
	Versions    []ListingVersion       `json:"versions"`
	Observables []precwatch.Observable `json:"observables"`
	Links       []Link                 `json:"links"`
	Events      []TicketEvent          `json:"events"`
	Transitions []string               `json:"transitions"` // statuses it may move to
}

// ticketDetail loads the detail of t, with links limited to p's scope.
func (s *Server) ticketDetail(ctx context.Context, t *precwatch.Ticket, p *Principal) (*TicketDetail, error) {
	d := &TicketDetail{Ticket: t, Observables: []precwatch.Observable{}, Links: []Link{}, Events: []TicketEvent{}, Versions: []ListingVersion{},
		Transitions: s.opts.Tickets.Transitions()[t.Status]}
	res, err := s.opts.Tickets.Listing(ctx, t.Platform, t.ListingID)
	switch {
	case err == nil:
		d.Listing, d.Match = &res.Listing, &res.Match
		if !res.Match.Suspicious {
			if d.Flagged, err = s.opts.Tickets.FlaggedResult(ctx, t.ID); err != nil {
				return nil, err
			}
		}
	case precwatch.ErrorCode(err) != precwatch.ENOTFOUND:
		return nil, err
	}
	if obs, err := s.opts.Tickets.Observables(ctx, t.Platform, t.ListingID); err != nil {
		return nil, err
	} else if obs != nil {
		d.Observables = obs
	}
	if vs, err := s.opts.Tickets.Versions(ctx, t.Platform, t.ListingID); err != nil {
		return nil, err
	} else if vs != nil {
		d.Versions = vs
	}
	links, err := s.opts.Tickets.Links(ctx, t.ID)
	if err != nil {
		return nil, err
	}
	for _, l := range links {
		if p.Sees(l.Platform) {
			d.Links = append(d.Links, l)
		}
	}
	evs, err := s.opts.Tickets.Events(ctx, t.ID)
	if err != nil {
		return nil, err
	}
	if evs != nil {
		d.Events = evs
	}
	if d.Transitions == nil {
		d.Transitions = []string{}
	}
	return d, nil
}

func (s *Server) apiTicket(w http.ResponseWriter, r *http.Request, p *Principal) error {
	t, err := s.ticket(r, p)
	if err != nil {
		return err
	}
	d, err := s.ticketDetail(r.Context(), t, p)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, d)
	return nil
}

func (s *Server) apiTicketEvents(w http.ResponseWriter, r *http.Request, p *Principal) error {
	t, err := s.ticket(r, p)
	if err != nil {
		return err
	}
	evs, err := s.opts.Tickets.Events(r.Context(), t.ID)
	if err != nil {
		return err
	}
	if evs == nil {
		evs = []TicketEvent{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"events": evs})
	return nil
}

// canReview reports whether p may change tickets: admins, partners and
// reviewers (of their own platform); regulators read only.
func canReview(p *Principal) error {
	switch p.Role {
	case precwatch.RoleAdmin, precwatch.RolePartner, precwatch.RoleReviewer:
		return nil
	}
	return forbidden("role %s may not change tickets", p.Role)
}

// writableTicket returns the path's ticket if p may change it.
func (s *Server) writableTicket(r *http.Request, p *Principal) (*precwatch.Ticket, error) {
	if err := canReview(p); err != nil {
		return nil, err
	}
	return s.ticket(r, p)
}

func (s *Server) apiSetStatus(w http.ResponseWriter, r *http.Request, p *Principal) error {
	t, err := s.writableTicket(r, p)
	if err != nil {
		return err
	}
	var body struct {
		Status string `json:"status"`
		Reason string `json:"reason"`
		From   string `json:"from"` // optional: the status the caller saw
	}
	if err := decodeJSON(r, &body); err != nil {
		return err
	}
	if strings.TrimSpace(body.Status) == "" || strings.TrimSpace(body.Reason) == "" {
		// The actor is the token; the body names the status and why.
		return precwatch.Errorf(precwatch.EINVALID, `want {"status","reason"}: every status change is audited with why (allowed from %s: %s)`,
			t.Status, strings.Join(s.opts.Tickets.Transitions()[t.Status], ", "))
	}
	if err := s.setStatus(r.Context(), t, body.From, body.Status, p.Actor(), body.Reason); err != nil {
		return err
	}
	return s.writeTicket(w, r, t.ID)
}

// ConditionalStatus is implemented by a Tickets store that can change a
// status only if it is still the one the caller saw, in one transaction.
type ConditionalStatus interface {
	// SetStatusFrom is SetStatus when the ticket is in status from
	// (empty: any); otherwise it changes nothing and returns ECONFLICT.
	SetStatusFrom(ctx context.Context, id int64, from, status, actor, reason string) error
}

// setStatus changes t's status; with from, only if t is still in status
// from (two reviewers acting on one ticket at once: the second gets 409
// naming the current status instead of undoing the first's change).
func (s *Server) setStatus(ctx context.Context, t *precwatch.Ticket, from, status, actor, reason string) error {
	from = strings.TrimSpace(from)
	if from == "" {
		return s.opts.Tickets.SetStatus(ctx, t.ID, status, actor, reason)
	}
	if cs, ok := s.opts.Tickets.(ConditionalStatus); ok {
		return cs.SetStatusFrom(ctx, t.ID, from, status, actor, reason)
	}
	cur, err := s.opts.Tickets.Ticket(ctx, t.ID)
	if err != nil {
		return err
	}
	if cur.Status != from {
		return precwatch.Errorf(precwatch.ECONFLICT, "ticket %d is %s, not %s: it was changed since you looked; nothing changed", t.ID, cur.Status, from)
	}
	return s.opts.Tickets.SetStatus(ctx, t.ID, status, actor, reason)
}

// bulkBody is the body of POST /api/v1/tickets/bulk.
type bulkBody struct {
	IDs    []int64 `json:"ids"`
	Status string  `json:"status"`
	Reason string  `json:"reason"`
	From   string  `json:"from"` // optional: the status the caller saw every ticket in
	// Assignee, when present, assigns every ticket ("" unassigns).
	Assignee *string `json:"assignee"`
}

func (s *Server) apiBulk(w http.ResponseWriter, r *http.Request, p *Principal) error {
	if err := canReview(p); err != nil {
		return err
	}
	var body bulkBody
	if err := decodeJSON(r, &body); err != nil {
		return err
	}
	c := BulkChange{IDs: body.IDs, Status: strings.TrimSpace(body.Status), Reason: body.Reason}
	if from := strings.TrimSpace(body.From); from != "" {
		c.From = make(map[int64]string, len(body.IDs))
		for _, id := range body.IDs {
			c.From[id] = from
		}
	}
	if body.Assignee != nil {
		c.Assign, c.Assignee = true, *body.Assignee
	}
	ts, err := s.bulk(r.Context(), c, p)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, map[string]any{"count": len(ts), "tickets": ts})
	return nil
}

// bulk makes change c to many tickets for p, checked as the single-ticket
// routes check theirs: p's role may change tickets, every ticket is in p's
// scope (else 403 and nothing changes), the status change has a reason.
func (s *Server) bulk(ctx context.Context, c BulkChange, p *Principal) ([]precwatch.Ticket, error) {
	if err := canReview(p); err != nil {
		return nil, err
	}
	switch {
	case len(c.IDs) == 0:
		return nil, precwatch.Errorf(precwatch.EINVALID, `want {"ids": […]}: the tickets to change`)
	case len(c.IDs) > MaxBulk:
		return nil, precwatch.Errorf(precwatch.EINVALID, "%d ticket ids: at most %d in one request; split it", len(c.IDs), MaxBulk)
	case c.Status == "" && !c.Assign:
		return nil, precwatch.Errorf(precwatch.EINVALID, `want "status" with a "reason", and/or "assignee": nothing to change`)
	case c.Status != "" && strings.TrimSpace(c.Reason) == "":
		return nil, precwatch.Errorf(precwatch.EINVALID, `want a "reason": every status change is audited with why`)
	case len(c.Assignee) > 200:
		return nil, precwatch.Errorf(precwatch.EINVALID, "assignee is longer than 200 bytes")
	}
	c.Platforms, c.Actor = p.Scope(), p.Actor()
	ts, err := s.opts.Tickets.Bulk(ctx, c)
	if precwatch.ErrorCode(err) == precwatch.EFORBIDDEN {
		return nil, scopeRefused(precwatch.ErrorMessage(err))
	}
	if err != nil {
		return nil, err
	}
	if ts == nil {
		ts = []precwatch.Ticket{}
	}
	return ts, nil
}

func (s *Server) apiAssign(w http.ResponseWriter, r *http.Request, p *Principal) error {
	t, err := s.writableTicket(r, p)
	if err != nil {
		return err
	}
	var body struct {
		Assignee string `json:"assignee"`
	}
	if err := decodeJSON(r, &body); err != nil {
		return err
	}
	if len(body.Assignee) > 200 {
		return precwatch.Errorf(precwatch.EINVALID, "assignee is longer than 200 bytes")
	}
	if err := s.opts.Tickets.Assign(r.Context(), t.ID, body.Assignee, p.Actor()); err != nil {
		return err
	}
	return s.writeTicket(w, r, t.ID)
}

func (s *Server) apiNote(w http.ResponseWriter, r *http.Request, p *Principal) error {
	t, err := s.writableTicket(r, p)
	if err != nil {
		return err
	}
	var body struct {
		Note string `json:"note"`
	}
	if err := decodeJSON(r, &body); err != nil {
		return err
	}
	if len(body.Note) > 10000 {
		return precwatch.Errorf(precwatch.EINVALID, "note is longer than 10000 bytes")
	}
	if strings.TrimSpace(body.Note) == "" {
		return precwatch.Errorf(precwatch.EINVALID, `want {"note": "…"}: the note is empty`)
	}
	if err := s.opts.Tickets.AddNote(r.Context(), t.ID, p.Actor(), body.Note); err != nil {
		return err
	}
	return s.writeTicket(w, r, t.ID)
}

func (s *Server) writeTicket(w http.ResponseWriter, r *http.Request, id int64) error {
	t, err := s.opts.Tickets.Ticket(r.Context(), id)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, t)
	return nil
}

// --- targets ---

// canReadTargets: admins and regulators read every target, partners their
// platform's; reviewers none.
func canReadTargets(p *Principal) error {
	switch p.Role {
	case precwatch.RoleAdmin, precwatch.RoleRegulator, precwatch.RolePartner:
		return nil
	}
	return forbidden("role %s may not read targets", p.Role)
}

// canWriteTarget: admins any target, partners their platform's only.
func canWriteTarget(p *Principal, platform string) error {
	switch {
	case p.Role == precwatch.RoleAdmin:
		return nil
	case p.Role == precwatch.RolePartner && p.Platform == platform:
		return nil
	case p.Role == precwatch.RolePartner:
		return forbidden("partner of %s may not change targets of platform %q", p.Platform, platform)
	}
	return forbidden("role %s may not change targets", p.Role)
}

func (s *Server) apiTargets(w http.ResponseWriter, r *http.Request, p *Principal) error {
	if err := canReadTargets(p); err != nil {
		return err
	}
	ts, err := s.opts.Targets.Targets(r.Context(), p.Scope())
	if err != nil {
		return err
	}
	if ts == nil {
		ts = []TargetInfo{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"targets": redactInfos(ts)})
	return nil
}

// readableTarget returns the path's target if p may read it.
func (s *Server) readableTarget(r *http.Request, p *Principal) (*TargetInfo, error) {
	if err := canReadTargets(p); err != nil {
		return nil, err
	}
	ti, err := s.opts.Targets.Target(r.Context(), r.PathValue("name"))
	if err != nil {
		return nil, err
	}
	if !p.Sees(ti.Target.Platform) {
		return nil, hiddenTarget(ti.Target.Name)
	}
	return ti, nil
}

func (s *Server) apiTarget(w http.ResponseWriter, r *http.Request, p *Principal) error {
	ti, err := s.readableTarget(r, p)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, redactInfo(ti))
	return nil
}

var targetName = regexp.MustCompile(`^[a-z0-9-]{1,64}$`)

// checkTarget authorizes and validates a target p wants to save or test.
// A partner may neither touch another platform nor let a target reach
// private networks (the SSRF guard's escape hatch) unless the operator's
// configuration does so for that platform, and then only on the hosts the
// configuration's targets reach, never this server itself.
func (s *Server) checkTarget(ctx context.Context, p *Principal, t *precwatch.Target) error {
	if err := canWriteTarget(p, t.Platform); err != nil {
		return err
	}
	var privateHosts []string
	if t.AllowPrivateNetworks && p.Role != precwatch.RoleAdmin {
		var err error
		if privateHosts, err = s.privateHosts(ctx, t.Platform); err != nil {
			return err
		}
		if len(privateHosts) == 0 {
			return forbidden("only admins may set allow_private_networks for platform %q", t.Platform)
		}
	}
	if !targetName.MatchString(t.Name) {
		return precwatch.Errorf(precwatch.EINVALID, "target name %q: want [a-z0-9-]+, at most 64 bytes", t.Name)
	}
	if err := s.opts.ValidateTarget(t); err != nil {
		if precwatch.ErrorCode(err) == precwatch.EINTERNAL {
			// config.Error carries no precwatch code: its message is the
			// list of problems, safe to show.
			return precwatch.Errorf(precwatch.EINVALID, "%v", err)
		}
		return err
	}
	if len(privateHosts) > 0 {
		// After validation: AllowedDomains is normalised and defaults to
		// the start URL hosts, as the crawler reads it.
		return checkPrivateScope(ctx, t, privateHosts)
	}
	return nil
}

// privateHosts returns the hosts on which the operator lets platform's
// crawls reach private networks: the allowed domains (by default the start
// URL hosts) of the platform's configuration-file targets that allow private
// networks (an on-premises marketplace, the loopback demo). None: the
// operator does not allow it.
func (s *Server) privateHosts(ctx context.Context, platform string) ([]string, error) {
	ts, err := s.opts.Targets.Targets(ctx, []string{platform})
	if err != nil {
		return nil, err
	}
	var hosts []string
	for _, ti := range ts {
		if ti.Source != SourceConfig || !ti.Target.AllowPrivateNetworks {
			continue
		}
		hosts = append(hosts, ti.Target.AllowedDomains...)
		if len(ti.Target.AllowedDomains) == 0 {
			for _, raw := range ti.Target.StartURLs {
				if u, err := url.Parse(raw); err == nil && u.Hostname() != "" {
					hosts = append(hosts, u.Hostname())
				}
			}
		}
	}
	for i, h := range hosts {
		hosts[i] = strings.TrimSuffix(strings.ToLower(h), ".")
	}
	return hosts, nil
}

// checkPrivateScope refuses a non-admin's target that allows private
// networks unless every host it may reach (its allowed domains and start
// URL hosts) is one of hosts or a subdomain of one, and no start URL is
// this server's own address (the local address of ctx's connection), whose
// API and metrics a target test would read back to the caller.
func checkPrivateScope(ctx context.Context, t *precwatch.Target, hosts []string) error {
	inScope := func(h string) bool {
		h = strings.TrimSuffix(strings.ToLower(h), ".")
		for _, d := range hosts {
			if h == d || strings.HasSuffix(h, "."+d) {
				return true
			}
		}
		return false
	}
	refuse := func(what string) error {
		return forbidden("%s: the configuration lets platform %q reach private networks only on %s", what, t.Platform, strings.Join(hosts, ", "))
	}
	for _, d := range t.AllowedDomains {
		if !inScope(d) {
			return refuse(fmt.Sprintf("allowed domain %q", d))
		}
	}
	local, _ := ctx.Value(http.LocalAddrContextKey).(net.Addr)
	for _, raw := range t.StartURLs {
		u, err := url.Parse(raw)
		if err != nil {
			return precwatch.Errorf(precwatch.EINVALID, "start URL %q: %v", raw, err)
		}
		if !inScope(u.Hostname()) {
			return refuse(fmt.Sprintf("start URL %s", raw))
		}
		if local != nil && isServerAddr(u, local) {
			return forbidden("start URL %s: a target may not fetch this server's own address", raw)
		}
	}
	return nil
}

// isServerAddr reports whether u points at the server listening on local:
// the same port on a loopback, unspecified or the local address, or a
// localhost name.
func isServerAddr(u *url.URL, local net.Addr) bool {
	lhost, lport, err := net.SplitHostPort(local.String())
	if err != nil {
		return false
	}
	port := u.Port()
	if port == "" {
		port = map[string]string{"http": "80", "https": "443"}[strings.ToLower(u.Scheme)]
	}
	if port != lport {
		return false
	}
	h := strings.TrimSuffix(strings.ToLower(u.Hostname()), ".")
	if h == "localhost" || strings.HasSuffix(h, ".localhost") {
		return true
	}
	ip, err := netip.ParseAddr(h)
	if err != nil {
		return false
	}
	ip = ip.Unmap().WithZone("")
	lip, err := netip.ParseAddr(lhost)
	return ip.IsLoopback() || ip.IsUnspecified() || (err == nil && ip == lip.Unmap().WithZone(""))
}

// saveTarget authorizes, validates and stores t; create refuses an
// existing name. A header value written back as HeaderMask keeps the
// stored value (see unmaskHeaders).
func (s *Server) saveTarget(ctx context.Context, p *Principal, t *precwatch.Target, create bool) error {
	var err error
	if t.Platform, err = s.platformSpelling(ctx, p, t.Platform); err != nil {
		return err
	}
	if err := canWriteTarget(p, t.Platform); err != nil {
		return err
	}
	if s.fixedRoute("/api/v1/targets/" + t.Name) {
		// Its URL is another route's (POST /api/v1/targets/test tests an
		// unsaved target): it could be made but never read or deleted.
		return precwatch.Errorf(precwatch.EINVALID, "target name %q is reserved: /api/v1/targets/%s is another route; choose another name", t.Name, t.Name)
	}
	old, err := s.opts.Targets.Target(ctx, t.Name)
	var stored *precwatch.Target
	switch {
	case err == nil:
		if !p.Sees(old.Target.Platform) {
			return hiddenTarget(t.Name)
		}
		if err := canWriteTarget(p, old.Target.Platform); err != nil {
			return err
		}
		if create {
			return precwatch.Errorf(precwatch.ECONFLICT, "target %s exists", t.Name)
		}
		if old.Source == SourceConfig {
			return precwatch.Errorf(precwatch.ECONFLICT, "target %s comes from the configuration file; edit the file", t.Name)
		}
		stored = &old.Target
	case precwatch.ErrorCode(err) != precwatch.ENOTFOUND:
		return err
	}
	kept, err := keepStoredBody(t, stored)
	if err != nil {
		return err
	}
	if err := s.checkTarget(ctx, p, t); err != nil {
		return err
	}
	if err := unmaskHeaders(t, stored); err != nil {
		return err
	}
	if err := unmaskBody(t, stored, kept); err != nil {
		return err
	}
	if err := unmaskRequestBody(t, stored); err != nil {
		return err
	}
	return s.opts.Targets.PutTarget(ctx, *t)
}

// platformSpelling spells platform as the caller's scope, the crawled
// listings or the other targets already do ("chemhub" is ChemHub), so that
// a target's tickets land on the platform its partner and reviewers see;
// a new platform stays as written.
func (s *Server) platformSpelling(ctx context.Context, p *Principal, platform string) (string, error) {
	platform = strings.TrimSpace(platform)
	if platform == "" {
		return platform, nil
	}
	if p.Platform != "" && strings.EqualFold(p.Platform, platform) {
		return p.Platform, nil
	}
	known, err := s.opts.Tickets.KnownPlatforms(ctx)
	if err != nil {
		return "", err
	}
	targets, err := s.opts.Targets.Targets(ctx, nil)
	if err != nil {
		return "", err
	}
	for _, ti := range targets {
		known = append(known, ti.Target.Platform)
	}
	if slices.Contains(known, platform) {
		return platform, nil
	}
	for _, k := range known {
		if strings.EqualFold(k, platform) {
			return k, nil
		}
	}
	return platform, nil
}

func (s *Server) apiCreateTarget(w http.ResponseWriter, r *http.Request, p *Principal) error {
	t, err := s.decodeTarget(r, p, "")
	if err != nil {
		return err
	}
	if err := s.saveTarget(r.Context(), p, &t, true); err != nil {
		return err
	}
	return s.writeTarget(w, r, t.Name, http.StatusCreated)
}

func (s *Server) apiPutTarget(w http.ResponseWriter, r *http.Request, p *Principal) error {
	name := r.PathValue("name")
	t, err := s.decodeTarget(r, p, name)
	if err != nil {
		return err
	}
	if t.Name != name {
		return precwatch.Errorf(precwatch.EINVALID, "target name %q differs from the path's %q", t.Name, name)
	}
	_, err = s.opts.Targets.Target(r.Context(), name)
	created := precwatch.ErrorCode(err) == precwatch.ENOTFOUND
	if err := s.saveTarget(r.Context(), p, &t, false); err != nil {
		return err
	}
	if created {
		return s.writeTarget(w, r, t.Name, http.StatusCreated)
	}
	return s.writeTarget(w, r, t.Name, http.StatusOK)
}

// writeTarget answers with the saved target; a created one (201) also
// with its Location.
func (s *Server) writeTarget(w http.ResponseWriter, r *http.Request, name string, status int) error {
	ti, err := s.opts.Targets.Target(r.Context(), name)
	if err != nil {
		return err
	}
	if status == http.StatusCreated {
		w.Header().Set("Location", "/api/v1/targets/"+url.PathEscape(name))
	}
	writeJSON(w, status, redactInfo(ti))
	return nil
}

func (s *Server) apiDeleteTarget(w http.ResponseWriter, r *http.Request, p *Principal) error {
	ti, err := s.writableTarget(r, p)
	if err != nil {
		return err
	}
	if err := s.opts.Targets.DeleteTarget(r.Context(), ti.Target.Name); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (s *Server) apiTestTarget(w http.ResponseWriter, r *http.Request, p *Principal) error {
	t, err := s.decodeTarget(r, p, "")
	if err != nil {
		return err
	}
	rep, err := s.testTarget(r.Context(), p, &t)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, rep)
	return nil
}

func (s *Server) testTarget(ctx context.Context, p *Principal, t *precwatch.Target) (*TestReport, error) {
	var err error
	if t.Platform, err = s.platformSpelling(ctx, p, t.Platform); err != nil {
		return nil, err
	}
	if err := canWriteTarget(p, t.Platform); err != nil {
		return nil, err
	}
	// A target tested before it is saved (the UI's Test button) carries
	// the stored header values and body secrets as HeaderMask: put them
	// back, if p may change the stored target.
	var stored *precwatch.Target
	old, err := s.opts.Targets.Target(ctx, t.Name)
	switch {
	case err == nil && canWriteTarget(p, old.Target.Platform) == nil:
		stored = &old.Target
	case err != nil && precwatch.ErrorCode(err) != precwatch.ENOTFOUND:
		return nil, err
	}
	kept, err := keepStoredBody(t, stored)
	if err != nil {
		return nil, err
	}
	if err := s.checkTarget(ctx, p, t); err != nil {
		return nil, err
	}
	if err := unmaskHeaders(t, stored); err != nil {
		return nil, err
	}
	if err := unmaskBody(t, stored, kept); err != nil {
		return nil, err
	}
	if err := unmaskRequestBody(t, stored); err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, s.opts.TestTimeout)
	defer cancel()
	rep, err := s.opts.Crawls.Test(ctx, *t, s.opts.TestPages)
	if err != nil && rep == nil {
		return nil, err
	}
	s.partialTest(ctx, rep, err)
	if rep.Listings == nil {
		rep.Listings = []precwatch.Listing{}
	}
	return rep, nil
}

// partialTest records in rep why a target test stopped early, if it did:
// err, or the test's context ctx having ended (a last page cut short by the
// time limit leaves no page to return the error for).
func (s *Server) partialTest(ctx context.Context, rep *TestReport, err error) {
	if err == nil {
		err = ctx.Err()
	}
	switch {
	case err == nil:
	case errors.Is(err, context.DeadlineExceeded):
		rep.Error = fmt.Sprintf("the test stopped at its %s time limit after %d page(s): %v", s.opts.TestTimeout, len(rep.Pages), err)
	default:
		rep.Error = fmt.Sprintf("the test stopped after %d page(s): %v", len(rep.Pages), err)
	}
}

func (s *Server) apiTestSaved(w http.ResponseWriter, r *http.Request, p *Principal) error {
	ti, err := s.readableTarget(r, p)
	if err != nil {
		return err
	}
	if err := canWriteTarget(p, ti.Target.Platform); err != nil {
		return err
	}
	t := ti.Target
	ctx, cancel := context.WithTimeout(r.Context(), s.opts.TestTimeout)
	defer cancel()
	rep, err := s.opts.Crawls.Test(ctx, t, s.opts.TestPages)
	if err != nil && rep == nil {
		return err
	}
	s.partialTest(ctx, rep, err)
	writeJSON(w, http.StatusOK, rep)
	return nil
}

func (s *Server) apiRunNow(w http.ResponseWriter, r *http.Request, p *Principal) error {
	ti, err := s.writableTarget(r, p)
	if err != nil {
		return err
	}
	if err := s.opts.Crawls.RunNow(r.Context(), ti.Target.Name); err != nil {
		return err
	}
	writeJSON(w, http.StatusAccepted, map[string]any{"target": ti.Target.Name, "started": true})
	return nil
}

func (s *Server) apiRuns(w http.ResponseWriter, r *http.Request, p *Principal) error {
	limit, err := intParam(r.URL.Query(), "limit", 50, 1, 500)
	if err != nil {
		return err
	}
	if err := s.targetsInScope(r.Context(), p, []string{targetParam(r.URL.Query())}); err != nil {
		return err
	}
	runs, err := s.runs(r.Context(), p, targetParam(r.URL.Query()), limit)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, map[string]any{"runs": runs})
	return nil
}

func (s *Server) runs(ctx context.Context, p *Principal, target string, limit int) ([]Run, error) {
	n := limit
	if target != "" {
		n = 500
	}
	all, err := s.opts.Crawls.Runs(ctx, p.Scope(), n)
	if err != nil {
		return nil, err
	}
	out := []Run{}
	for _, r := range all {
		if p.Sees(r.Platform) && (target == "" || r.Target == target) && len(out) < limit {
			out = append(out, r)
		}
	}
	return out, nil
}

// --- watchlist ---

func (s *Server) apiWatchlist(w http.ResponseWriter, r *http.Request, p *Principal) error {
	wl, err := s.opts.Watchlist.Watchlist(r.Context())
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, wl)
	return nil
}

var listName = regexp.MustCompile(`^[a-z0-9-]{1,64}$`)

func (s *Server) apiAddWatchlist(w http.ResponseWriter, r *http.Request, p *Principal) error {
	if p.Role != precwatch.RoleAdmin {
		return forbidden("only admins may add watchlists")
	}
	name := r.URL.Query().Get("name")
	if !listName.MatchString(name) {
		return precwatch.Errorf(precwatch.EINVALID, "list name %q: want [a-z0-9-]+, at most 64 bytes", name)
	}
	data, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
	if err != nil {
		return precwatch.Errorf(precwatch.EINVALID, "read watchlist: %v", err)
	}
	n, warnings, err := s.opts.Watchlist.AddList(r.Context(), name, data)
	if err != nil {
		return err
	}
	if warnings == nil {
		warnings = []string{}
	}
	writeJSON(w, http.StatusCreated, map[string]any{"name": name, "substances": n, "warnings": warnings,
		"effective": "on the next start of precwatch serve or the next rescan"})
	return nil
}

// --- exports ---

func (s *Server) apiExport(format string) func(http.ResponseWriter, *http.Request, *Principal) error {
	return func(w http.ResponseWriter, r *http.Request, p *Principal) error {
		f, err := s.ticketFilter(r.Context(), r.URL.Query(), p)
		if err != nil {
			return err
		}
		return s.export(w, r, format, f)
	}
}

// export streams an export. Errors before the first byte are JSON errors;
// later ones cut the stream short (and are logged).
func (s *Server) export(w http.ResponseWriter, r *http.Request, format string, f TicketFilter) error {
	if f.Sort == "" {
		f.Sort = "id" // the order of `precwatch tickets export`
	}
	ctype, name := "text/csv; charset=utf-8", "tickets.csv"
	switch format {
	case ExportJSONL:
		ctype, name = "application/x-ndjson", "tickets.jsonl"
	case ExportIncident:
		ctype, name = "application/json; charset=utf-8", "incidents.json"
	}
	bw := &lazyWriter{w: w, start: func() {
		w.Header().Set("Content-Type", ctype)
		w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
		w.Header().Set("Cache-Control", "no-store")
	}}
	if err := s.opts.Tickets.Export(r.Context(), bw, format, f); err != nil {
		if !bw.started {
			return err
		}
		s.log.Warn("export cut short", "format", format, "err", err)
	}
	if !bw.started {
		bw.start()
		w.WriteHeader(http.StatusOK)
	}
	return nil
}

// lazyWriter sets the headers of a stream at its first byte.
type lazyWriter struct {
	w       http.ResponseWriter
	start   func()
	started bool
}

func (l *lazyWriter) Write(b []byte) (int, error) {
	if !l.started {
		l.started = true
		l.start()
	}
	return l.w.Write(b)
}

// --- helpers ---

// decodeTarget reads a target over the defaults from a JSON body
// (durations in nanoseconds or written as in the configuration, "250ms") or
// a YAML body (Content-Type application/yaml; the configuration file's
// syntax), checked as `precwatch config check` checks a configuration's
// target: every problem at once, as a *FieldsError (see Options.ParseTarget).
// name, if not empty, is the target's name when the body gives none (PUT).
// A body with problems is refused 403 first when p may not write the
// platform it names (or any target): a refusal does not depend on the body
// being right.
func (s *Server) decodeTarget(r *http.Request, p *Principal, name string) (precwatch.Target, error) {
	ct := strings.ToLower(strings.TrimSpace(r.Header.Get("Content-Type"))) // media types are case-insensitive
	format := "json"
	switch {
	case strings.HasPrefix(ct, "application/yaml") || strings.HasPrefix(ct, "application/x-yaml") || strings.HasPrefix(ct, "text/yaml"):
		format = "yaml"
	case ct != "" && !strings.HasPrefix(ct, "application/json"):
		return precwatch.Target{}, precwatch.Errorf(precwatch.EINVALID, "content type %q: want application/json or application/yaml", ct)
	}
	b, err := io.ReadAll(http.MaxBytesReader(nil, r.Body, maxBody))
	if err != nil {
		return precwatch.Target{}, precwatch.Errorf(precwatch.EINVALID, "read target: %v", err)
	}
	if len(bytes.TrimSpace(b)) == 0 {
		return precwatch.Target{}, precwatch.Errorf(precwatch.EINVALID, "empty request body")
	}
	t, err := s.opts.ParseTarget(b, format, name)
	if err != nil {
		platform := t.Platform
		if p.Platform != "" && (platform == "" || strings.EqualFold(platform, p.Platform)) {
			platform = p.Platform // a partner's own platform, or one it left out
		}
		if aerr := canWriteTarget(p, platform); aerr != nil {
			return t, aerr
		}
		return t, err
	}
	return t, nil
}

// jsonDurations rewrites the named fields of the JSON object b that are
// written as the configuration writes durations ("250ms", "1m30s"; a
// string of a bare number is seconds) to nanoseconds, the JSON form of a
// time.Duration. Numbers and anything that is not an object stay as they
// are.
func jsonDurations(b []byte, fields ...string) ([]byte, error) {
	var obj map[string]json.RawMessage
	if json.Unmarshal(b, &obj) != nil {
		return b, nil // the strict decode says what is wrong
	}
	changed := false
	for _, f := range fields {
		raw, ok := obj[f]
		if !ok {
			continue
		}
		var str string
		if json.Unmarshal(raw, &str) != nil {
			continue
		}
		str = strings.TrimSpace(str)
		d, err := time.ParseDuration(str)
		if err != nil {
			secs, ferr := strconv.ParseFloat(str, 64)
			if ferr != nil || secs < 0 {
				return nil, precwatch.Errorf(precwatch.EINVALID, "%s %q: want a duration such as 250ms, 20s or 1m30s", f, str)
			}
			d = time.Duration(secs * float64(time.Second))
		}
		obj[f] = json.RawMessage(strconv.FormatInt(int64(d), 10))
		changed = true
	}
	if !changed {
		return b, nil
	}
	return json.Marshal(obj)
}

// decodeJSON decodes a JSON body strictly into v.
func decodeJSON(r *http.Request, v any) error {
	if ct := strings.ToLower(strings.TrimSpace(r.Header.Get("Content-Type"))); ct != "" && !strings.HasPrefix(ct, "application/json") {
		return precwatch.Errorf(precwatch.EINVALID, "content type %q: want application/json", ct)
	}
	dec := json.NewDecoder(io.LimitReader(r.Body, maxBody))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		if errors.Is(err, io.EOF) {
			return precwatch.Errorf(precwatch.EINVALID, "empty request body")
		}
		return precwatch.Errorf(precwatch.EINVALID, "request body: %v", err)
	}
	return nil
}

// intParam reads an integer parameter with a default and bounds.
func intParam(v url.Values, name string, def, min, max int) (int, error) {
	s := v.Get(name)
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < min || n > max {
		return 0, precwatch.Errorf(precwatch.EINVALID, "%s %q: want a number from %d to %d", name, s, min, max)
	}
	return n, nil
}

// boolParam reads a boolean parameter: true/false, 1/0, yes/no, on/off in
// any case; absent or empty is def; anything else is EINVALID.
func boolParam(v url.Values, name string, def bool) (bool, error) {
	switch strings.ToLower(strings.TrimSpace(v.Get(name))) {
	case "":
		return def, nil
	case "true", "1", "yes", "on", "t", "y":
		return true, nil
	case "false", "0", "no", "off", "f", "n":
		return false, nil
	}
	return false, precwatch.Errorf(precwatch.EINVALID, "%s %q: want true or false", name, v.Get(name))
}

// timeParam reads an RFC 3339 time or a date; a date as an upper bound
// means the end of that day.
func timeParam(v url.Values, name string, end bool) (time.Time, error) {
	s := strings.TrimSpace(v.Get(name))
	if s == "" {
		return time.Time{}, nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return time.Time{}, precwatch.Errorf(precwatch.EINVALID, "%s %q: want RFC 3339 or YYYY-MM-DD", name, s)
	}
	if end {
		t = t.Add(24*time.Hour - time.Nanosecond)
	}
	return t, nil
}

// writableTarget returns the target named in the request path if p may
// change it: first whether p may write targets at all, then whether the
// target is on p's platform.
func (s *Server) writableTarget(r *http.Request, p *Principal) (*TargetInfo, error) {
	if err := canWriteTarget(p, p.Platform); err != nil {
		return nil, err
	}
	ti, err := s.opts.Targets.Target(r.Context(), r.PathValue("name"))
	if err != nil {
		return nil, err
	}
	if !p.Sees(ti.Target.Platform) {
		return nil, hiddenTarget(ti.Target.Name)
	}
	if err := canWriteTarget(p, ti.Target.Platform); err != nil {
		return nil, err
	}
	return ti, nil
}

// hiddenTarget refuses another platform's target as if it did not exist
// (the message of tickets.Store.Target for a missing one).
func hiddenTarget(name string) error {
	return scopeRefused(fmt.Sprintf("target %s is outside your platform", name))
}
