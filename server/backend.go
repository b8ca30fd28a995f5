package server

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"time"

	"github.com/precwatch/precwatch"
)

// Principal is who a request acts for: the role of its API token and, for
// partners and reviewers, their platform.
type Principal struct {
	TokenID  int64  `json:"token_id"`
	Role     string `json:"role"`
	Platform string `json:"platform,omitempty"`
}

// Scope returns the platforms p may see: nil (every platform) for admins and
// regulators, the own platform for partners and reviewers.
func (p *Principal) Scope() []string {
	switch p.Role {
	case precwatch.RoleAdmin, precwatch.RoleRegulator:
		return nil
	default:
		return []string{p.Platform}
	}
}

// Sees reports whether platform is in p's scope.
func (p *Principal) Sees(platform string) bool {
	switch p.Role {
	case precwatch.RoleAdmin, precwatch.RoleRegulator:
		return true
	case precwatch.RolePartner, precwatch.RoleReviewer:
		return p.Platform != "" && p.Platform == platform
	}
	return false
}

// Actor names p in audit logs, e.g. "partner:ChemHub#3".
func (p *Principal) Actor() string {
	r := p.Role
	if p.Platform != "" {
		r += ":" + p.Platform
	}
	return r + "#" + itoa(p.TokenID)
}

// Authenticator resolves an API token; an unknown or revoked token is an
// EUNAUTHORIZED error.
type Authenticator interface {
	Authenticate(ctx context.Context, token string) (*Principal, error)
}

// UsageRecorder is implemented by an Authenticator that keeps when each
// token was last used. The server calls it after a request that succeeded
// (and after a sign-in), never for a refused one.
type UsageRecorder interface {
	TokenUsed(ctx context.Context, tokenID int64) error
}

// TicketFilter selects tickets; zero fields do not filter. Platforms is the
// caller's scope (empty: every platform).
type TicketFilter struct {
	Platforms     []string
	Status        string
	ListingStatus string
	Target        string
	Seller        string
	Substance     string
	Assignee      string // exact; "none": unassigned
	MinScore      float64
	Since         time.Time
	Limit         int
	Offset        int
	Sort          string
	// FlaggedFrom/To bound when a ticket was flagged (created),
	// StatusFrom/To the time of its last status change; inclusive.
	FlaggedFrom, FlaggedTo time.Time
	StatusFrom, StatusTo   time.Time
}

// TicketEvent is one entry of a ticket's audit log.
type TicketEvent struct {
	ID       int64     `json:"id"`
	TicketID int64     `json:"ticket_id"`
	At       time.Time `json:"at"`
	Actor    string    `json:"actor"`
	Action   string    `json:"action"`
	From     string    `json:"from,omitempty"`
	To       string    `json:"to,omitempty"`
	Reason   string    `json:"reason,omitempty"`
}

// ListingVersion is one content version of a listing (its evidence history).
type ListingVersion struct {
	ContentHash  string    `json:"content_hash"`
	EvidenceHash string    `json:"evidence_hash"`
	FirstSeen    time.Time `json:"first_seen"`
}

// Link is another ticket whose listing shares an observable with a ticket's.
type Link struct {
	TicketID   int64                `json:"ticket_id"`
	Platform   string               `json:"platform"`
	ListingID  string               `json:"listing_id"`
	ListingURL string               `json:"listing_url"`
	Seller     string               `json:"seller"`
	Status     string               `json:"status"`
	Title      string               `json:"title"`
	Observable precwatch.Observable `json:"observable"`
}

// Export formats.
const (
	ExportCSV      = "csv"
	ExportJSONL    = "jsonl"
	ExportIncident = "incident"
)

// MaxBulk caps the tickets one bulk change names.
const MaxBulk = 1000

// BulkChange is one change made to many tickets at once: a status change
// (Status with Reason), an assignment (Assign), or both.
type BulkChange struct {
	IDs []int64
	// Platforms is the caller's scope (empty: every platform).
	Platforms []string
	Status    string
	Reason    string
	// From holds, by ticket ID, the status the caller saw the ticket in
	// (no entry: any status).
	From     map[int64]string
	Assign   bool
	Assignee string // "" unassigns
	Actor    string
}

// Tickets is the review-ticket store.
type Tickets interface {
	Tickets(ctx context.Context, f TicketFilter) ([]precwatch.Ticket, error)
	CountTickets(ctx context.Context, f TicketFilter) (int, error)
	// Ticket returns ticket id or ENOTFOUND.
	Ticket(ctx context.Context, id int64) (*precwatch.Ticket, error)
	Events(ctx context.Context, id int64) ([]TicketEvent, error)
	Links(ctx context.Context, id int64) ([]Link, error)
	// Listing returns the stored listing with the matcher's result.
	Listing(ctx context.Context, platform, listingID string) (*precwatch.Result, error)
	// FlaggedResult returns ticket id's listing and match as they were
	// when last suspicious, or nil when not kept.
	FlaggedResult(ctx context.Context, id int64) (*precwatch.Result, error)
	// KnownPlatforms returns the platforms of the stored listings.
	KnownPlatforms(ctx context.Context) ([]string, error)
	// Versions returns a listing's content versions, oldest first.
	Versions(ctx context.Context, platform, listingID string) ([]ListingVersion, error)
	Observables(ctx context.Context, platform, listingID string) ([]precwatch.Observable, error)
	SetStatus(ctx context.Context, id int64, status, actor, reason string) error
	Assign(ctx context.Context, id int64, assignee, actor string) error
	AddNote(ctx context.Context, id int64, actor, note string) error
	// Bulk makes one change to many tickets in one transaction: all of
	// them change or none does; each ticket gets its own audit entries
	// and events, as from SetStatus and Assign. A ticket outside
	// c.Platforms is EFORBIDDEN, an unknown one ENOTFOUND, one no longer
	// in its c.From status ECONFLICT, a transition the workflow does not
	// allow EINVALID. It returns the tickets as changed, in c.IDs order.
	Bulk(ctx context.Context, c BulkChange) ([]precwatch.Ticket, error)
	// Export writes the tickets matching f in format (ExportCSV,
	// ExportJSONL or ExportIncident).
	Export(ctx context.Context, w io.Writer, format string, f TicketFilter) error
	// TicketCounts returns the number of tickets per status (for metrics).
	TicketCounts(ctx context.Context) (map[string]int, error)
	// Transitions lists the allowed status changes.
	Transitions() map[string][]string
}

// SearchQuery is a search over the listing index (see package index).
type SearchQuery struct {
	Query     string
	Platforms []string
	Filters   map[string][]string
	From, To  time.Time
	Sort      string
	Size      int
	Offset    int
	Facets    bool
	FacetSize int
	Highlight bool
	// ExactFacets counts facets over every hit, never from a sample.
	ExactFacets bool
}

// SearchResults is one page of search results.
type SearchResults struct {
	Total  uint64                 `json:"total"`
	Hits   []SearchHit            `json:"hits"`
	Facets map[string][]FacetTerm `json:"facets"` // a list per facet field when asked for, else {}
	// Approximate is true when the facet counts were estimated from a
	// sample of a very large result (the answer's facets_approximate;
	// exact_facets=true counts every hit).
	Approximate bool          `json:"approximate,omitempty"`
	Took        time.Duration `json:"-"`
}

// FacetTerm is one value of a facet and its count.
type FacetTerm struct {
	Term  string `json:"term"`
	Count int    `json:"count"`
}

// SearchHit is one listing found. Fragments are HTML-escaped excerpts with
// matched terms in <mark>; the web UI re-parses them and never trusts them
// as HTML.
type SearchHit struct {
	ID         string                      `json:"id"`
	ListingID  string                      `json:"listing_id"`
	URL        string                      `json:"url"`
	Title      string                      `json:"title"`
	Platform   string                      `json:"platform"`
	Target     string                      `json:"target,omitempty"`
	Seller     string                      `json:"seller"`
	Location   string                      `json:"location,omitempty"`
	Substances []precwatch.TicketSubstance `json:"substances"`
	Lists      []string                    `json:"lists"`
	Indicators []string                    `json:"indicators"`
	Score      float64                     `json:"score"`
	Suspicious bool                        `json:"suspicious"`
	FirstSeen  time.Time                   `json:"first_seen"`
	LastSeen   time.Time                   `json:"last_seen"`
	Fragments  map[string][]string         `json:"fragments,omitempty"`
	Relevance  float64                     `json:"relevance"`
}

// Searcher searches the listing index.
type Searcher interface {
	Search(ctx context.Context, q SearchQuery) (*SearchResults, error)
}

// Target sources.
const (
	SourceConfig = "config" // from the configuration file: read-only through the API
	SourceAPI    = "api"    // created through the API
)

// TargetInfo is a crawl target with where it comes from.
type TargetInfo struct {
	Target    precwatch.Target `json:"target"`
	Source    string           `json:"source"`
	UpdatedAt time.Time        `json:"updated_at,omitzero"`
	Running   bool             `json:"running"`
}

// Targets are the crawl targets: the configuration file's (read-only) and
// those created through the API. Put and Delete reschedule at once.
type Targets interface {
	// Targets returns the targets of platforms (empty: all), by name.
	Targets(ctx context.Context, platforms []string) ([]TargetInfo, error)
	// Target returns the target name or ENOTFOUND.
	Target(ctx context.Context, name string) (*TargetInfo, error)
	// PutTarget creates or replaces an API target; a configuration
	// file's target is ECONFLICT.
	PutTarget(ctx context.Context, t precwatch.Target) error
	// DeleteTarget deletes an API target; ENOTFOUND or ECONFLICT.
	DeleteTarget(ctx context.Context, name string) error
}

// Run is one crawl run of a target.
type Run struct {
	ID       int64           `json:"id"`
	Target   string          `json:"target"`
	Platform string          `json:"platform"`
	Started  time.Time       `json:"started"`
	Finished *time.Time      `json:"finished,omitempty"`
	Complete bool            `json:"complete"`
	Pages    int             `json:"pages"`
	Listings int             `json:"listings"`
	Errors   int             `json:"errors"`
	Error    json.RawMessage `json:"error,omitempty"`
	// Kept counts the stored listings a complete run that found no
	// listing kept rather than removed (the first such run in a row);
	// Note says why.
	Kept int    `json:"kept"`
	Note string `json:"note,omitempty"`
}

// TestReport is what a target extracts from its first pages.
type TestReport struct {
	Target    string              `json:"target"`
	Pages     []TestPage          `json:"pages"`
	Listings  []precwatch.Listing `json:"listings"`
	Counts    map[string]int      `json:"counts"`
	Unmatched []string            `json:"unmatched"`
	// Error says why the test stopped before it was done (its time limit,
	// say); the report then holds what it fetched until then.
	Error string `json:"error,omitempty"`
}

// TestPage is one page fetched by a target test.
type TestPage struct {
	URL      string `json:"url"`
	Status   int    `json:"status"`
	Listings int    `json:"listings"`
	Charset  string `json:"charset,omitempty"`
	Error    string `json:"error,omitempty"`
}

// Crawls runs and reports crawls.
type Crawls interface {
	// Runs returns the latest runs of platforms (empty: all), newest first.
	Runs(ctx context.Context, platforms []string, limit int) ([]Run, error)
	// RunNow starts a run of the named target in the background:
	// ENOTFOUND if unknown, ECONFLICT if it is running.
	RunNow(ctx context.Context, name string) error
	// Test fetches up to pages pages of t and reports what it extracts,
	// storing nothing.
	Test(ctx context.Context, t precwatch.Target, pages int) (*TestReport, error)
}

// WatchSubstance is one substance of the watchlist.
type WatchSubstance struct {
	ID        string   `json:"id"`
	Name      string   `json:"name"`
	List      string   `json:"list"`
	CAS       string   `json:"cas,omitempty"`
	Related   []string `json:"related_cas,omitempty"`
	Immediate bool     `json:"immediate,omitempty"`
	Terms     int      `json:"terms"` // names, synonyms, translations, trade and street names
}

// WatchlistInfo is the watchlist in effect and the extra lists stored.
type WatchlistInfo struct {
	Substances []WatchSubstance `json:"substances"`
	Extra      []string         `json:"extra_lists"`
}

// Watchlist reads the watchlist and stores extra lists.
type Watchlist interface {
	Watchlist(ctx context.Context) (*WatchlistInfo, error)
	// AddList validates data (watchlist YAML) and stores it as the extra
	// list name; it returns the number of substances in it and what was
	// accepted but most likely a mistake (a CAS number another substance
	// claims), as "NAME.yaml:LINE: warning: …" lines. It takes effect on
	// the next start or rescan.
	AddList(ctx context.Context, name string, data []byte) (n int, warnings []string, err error)
}

// Snapshot is a stored page as fetched.
type Snapshot struct {
	URL       string
	FetchedAt time.Time
	Status    int
	Header    http.Header
	Body      []byte
}

// Evidence serves stored page snapshots.
type Evidence interface {
	// Snapshot returns the snapshot hash; ENOTFOUND or EINVALID.
	Snapshot(ctx context.Context, hash string) (*Snapshot, error)
	// Platforms returns the platforms of the tickets whose evidence is hash,
	// looking only within platforms (empty: all).
	Platforms(ctx context.Context, hash string, platforms []string) ([]string, error)
}
