// Package precwatch holds the domain types of precwatch and the contracts
// between its packages: listings crawled from partner marketplaces, the
// targets that describe how to crawl them, the matcher's result, review
// tickets and their events, and the error codes every layer reports.
//
// It imports the standard library only. Subpackages talk to each other in
// these types and never in a vendor's.
package precwatch

import "time"

// Substance lists.
const (
	ListTableI       = "table-I"
	ListTableII      = "table-II"
	ListSurveillance = "surveillance"
	ListDesigner     = "designer"
)

// Listing is one offer on a partner platform, as extracted from a page or a
// feed. Text fields hold plain visible text, never HTML.
type Listing struct {
	ID          string            `json:"id"`
	Platform    string            `json:"platform"`
	Target      string            `json:"target,omitempty"`
	URL         string            `json:"url"`
	Title       string            `json:"title"`
	Description string            `json:"description"`
	Price       string            `json:"price,omitempty"`
	Seller      string            `json:"seller,omitempty"`
	Location    string            `json:"location,omitempty"`
	Attributes  map[string]string `json:"attributes,omitempty"`

	// Set by the crawler.
	FetchedAt    time.Time `json:"fetched_at,omitzero"`
	ContentHash  string    `json:"content_hash,omitempty"`  // SHA-256 hex of the listing's fields
	EvidenceHash string    `json:"evidence_hash,omitempty"` // SHA-256 hex of the stored page snapshot
}

// Field names of a Listing, as used in Hit.Field and Indicator.Field.
const (
	FieldTitle       = "title"
	FieldDescription = "description"
	FieldPrice       = "price"
	FieldSeller      = "seller"
	FieldLocation    = "location"
)

// Match is the matcher's verdict on one listing. Its JSON form is the output
// line of `precwatch match` (see DESIGN.md).
type Match struct {
	ID          string           `json:"id"`
	URL         string           `json:"url"`
	Score       float64          `json:"score"`
	Suspicious  bool             `json:"suspicious"`
	Substances  []SubstanceMatch `json:"substances"`
	Indicators  []Indicator      `json:"indicators"`
	Observables []Observable     `json:"observables"`
	Explain     []string         `json:"explain"`
}

// Offered reports whether the match names at least one substance that is not
// negated.
func (m *Match) Offered() bool {
	for _, s := range m.Substances {
		if !s.Negated {
			return true
		}
	}
	return false
}

// SubstanceMatch is one watchlist substance found in a listing.
type SubstanceMatch struct {
	ID      string `json:"id"`
	Name    string `json:"name"`
	CAS     string `json:"cas"` // primary CAS of the parent substance; "" when it has none
	List    string `json:"list"`
	Negated bool   `json:"negated,omitempty"`
	Hits    []Hit  `json:"hits"`
}

// Hit kinds.
const (
	HitName         = "name"
	HitSynonym      = "synonym"
	HitTranslation  = "translation"
	HitTradeName    = "trade-name"
	HitAbbreviation = "abbreviation"
	HitCAS          = "cas"
)

// Hit is one mention of a substance. Start and End are byte offsets into the
// original text of Field.
type Hit struct {
	Term  string `json:"term"`
	Kind  string `json:"kind"`
	Field string `json:"field"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Indicator is a risk indicator found in a listing.
type Indicator struct {
	ID    string `json:"id"`
	Label string `json:"label"`
	Field string `json:"field"`
	Text  string `json:"text"`
}

// Observable types.
const (
	ObservableEmail    = "email"
	ObservablePhone    = "phone"
	ObservableTelegram = "telegram"
	ObservableWickr    = "wickr"
	ObservableWhatsApp = "whatsapp"
	ObservableThreema  = "threema"
	ObservableSignal   = "signal"
	ObservableBitcoin  = "bitcoin"
	ObservableEthereum = "ethereum"
	ObservableMonero   = "monero"
	ObservableTron     = "tron"
	ObservableURL      = "url"
)

// Observable is a contact or payment identifier found in a listing; shared
// observables link sellers across platforms.
type Observable struct {
	Type  string `json:"type"`
	Value string `json:"value"`
}

// Target describes one crawl target of a partner platform. The YAML form is
// in DESIGN.md; package config fills in the defaults and validates it.
type Target struct {
	Name                 string        `json:"name" yaml:"name"`
	Platform             string        `json:"platform" yaml:"platform"`
	Kind                 string        `json:"kind" yaml:"kind"` // "html" or "json"
	Schedule             string        `json:"schedule,omitempty" yaml:"schedule"`
	StartURLs            []string      `json:"start_urls" yaml:"start_urls"`
	AllowedDomains       []string      `json:"allowed_domains,omitempty" yaml:"allowed_domains"`
	AllowPrivateNetworks bool          `json:"allow_private_networks" yaml:"allow_private_networks"`
	RespectRobotsTxt     bool          `json:"respect_robots_txt" yaml:"respect_robots_txt"`
	UserAgent            string        `json:"user_agent,omitempty" yaml:"user_agent"`
	MaxPages             int           `json:"max_pages" yaml:"max_pages"`
	Parallelism          int           `json:"parallelism" yaml:"parallelism"`
	Delay                time.Duration `json:"delay" yaml:"delay"`
	Timeout              time.Duration `json:"timeout" yaml:"timeout"`
	MaxBodyBytes         int64         `json:"max_body_bytes" yaml:"max_body_bytes"`
	MaxRetries           int           `json:"max_retries" yaml:"max_retries"`
	Follow               []string      `json:"follow,omitempty" yaml:"follow"`
	NextPage             []string      `json:"next_page,omitempty" yaml:"next_page"`
	Listing              ListingSpec   `json:"listing" yaml:"listing"`
	JSON                 JSONSpec      `json:"json" yaml:"json"`

	// Request builds an html target's requests to its start URLs from a
	// template, for a "Load more" endpoint that answers only POST (a
	// theme's admin-ajax.php handler reading $_POST): the body, with
	// the page variables of JSONPageVars filled in, posted to each start
	// URL, page after page. Empty for plain GET requests; json targets
	// use JSONSpec.Method and JSONSpec.Body.
	Request RequestSpec `json:"request,omitzero" yaml:"request,omitempty"`
	// Lookups fill fields of each listing from another address named by
	// the listing's own values (a seller the feed names only by an id,
	// its name and contact at /api/sellers/{seller_id}).
	Lookups []Lookup `json:"lookups,omitempty" yaml:"lookups,omitempty"`

	// TimeZone is the IANA zone the site writes its times in without an
	// offset ("Europe/Berlin"): relative dates such as "Heute, 14:03" and
	// "gestern" are read as its days and times. Empty is UTC.
	TimeZone string `json:"time_zone,omitempty" yaml:"time_zone,omitempty"`

	// Headers are extra HTTP request headers sent with every request of
	// the target, to its allowed domains only: an API key, a consent or
	// age-gate cookie, Accept-Language. Values may be ${ENV} secrets.
	Headers map[string]string `json:"headers,omitempty" yaml:"headers,omitempty"`
}

// Target kinds.
const (
	KindHTML = "html"
	KindJSON = "json"
)

// ListingSpec says where listings are on an HTML page.
type ListingSpec struct {
	URLPattern string            `json:"url_pattern,omitempty" yaml:"url_pattern"`
	Item       string            `json:"item,omitempty" yaml:"item"`
	Fields     map[string]string `json:"fields,omitempty" yaml:"fields"`
	// Gone is an optional CSS selector for the notice a platform shows,
	// with status 200, in place of a taken-down listing ("This ad is no
	// longer available"): a listing page where it matches is gone, as if
	// it answered 404.
	Gone string `json:"gone,omitempty" yaml:"gone,omitempty"`
}

// JSONSpec says where listings are in a JSON feed, as dotted paths.
type JSONSpec struct {
	Items    string            `json:"items,omitempty" yaml:"items"`
	NextPage string            `json:"next_page,omitempty" yaml:"next_page"`
	Fields   map[string]string `json:"fields,omitempty" yaml:"fields"`
	// Method is the HTTP method of the feed's requests: GET (default) or
	// POST, for GraphQL and search APIs that take their page in a JSON
	// body.
	Method string `json:"method,omitempty" yaml:"method,omitempty"`
	// Body is the request body of a POST feed. ${page}, ${offset} and
	// ${cursor} in it are the page variables (see JSONPageVars), filled
	// in for every page.
	Body string `json:"body,omitempty" yaml:"body,omitempty"`
}

// RequestSpec is the request template of an html target's start URLs
// (Target.Request): Method GET or POST, and Body with ${page}, ${offset}
// and ${cursor} filled in for every page. A body is sent form-encoded
// unless it is a JSON object or the target's Content-Type header names
// another type.
type RequestSpec struct {
	Method string `json:"method,omitempty" yaml:"method,omitempty"`
	Body   string `json:"body,omitempty" yaml:"body,omitempty"`
}

// Lookup fills fields of a listing from the document at URL, a template
// of the listing's values: "{seller_id}" is its seller_id field, "{id}"
// its id, and a template that is one value alone ("{seller_profile}") may
// be a whole address. Fields maps a listing field name to a dotted path
// into a JSON answer or a CSS field spec ("css", "css@attr") into an HTML
// one, as a target's own fields do. The crawler asks each address once a
// run, politely, within the allowed domains.
type Lookup struct {
	URL    string            `json:"url" yaml:"url"`
	Fields map[string]string `json:"fields" yaml:"fields"`
}

// JSONPageVars are the page variables of a POST feed's body: the page
// number (1 on the first page; page0 is it counted from 0, for APIs such
// as Algolia's whose first page is 0), the offset (the number of listings on
// earlier pages, 0 on the first) and the cursor a page's next_page path
// gave (null on the first page).
var JSONPageVars = []string{"page", "page0", "offset", "cursor"}

// Ticket states.
const (
	StatusOpen      = "open"
	StatusInReview  = "in_review"
	StatusConfirmed = "confirmed"
	StatusDismissed = "dismissed"
	StatusEscalated = "escalated"
)

// Listing states of a ticket's listing.
const (
	ListingActive  = "active"
	ListingRemoved = "removed"
)

// Ticket is a review ticket for one suspicious listing. Its identity is
// (Platform, ListingID).
type Ticket struct {
	ID            int64             `json:"id"`
	Status        string            `json:"status"`
	Platform      string            `json:"platform"`
	Target        string            `json:"target"`
	ListingID     string            `json:"listing_id"`
	ListingURL    string            `json:"listing_url"`
	ListingStatus string            `json:"listing_status"`
	Title         string            `json:"title"`
	Seller        string            `json:"seller"`
	Score         float64           `json:"score"`
	Substances    []TicketSubstance `json:"substances"`
	Indicators    []string          `json:"indicators"`
	FirstSeen     time.Time         `json:"first_seen"`
	LastSeen      time.Time         `json:"last_seen"`
	RemovedAt     *time.Time        `json:"removed_at,omitempty"`
	Assignee      string            `json:"assignee,omitempty"`
	ContentHash   string            `json:"content_hash,omitempty"`
	EvidenceHash  string            `json:"evidence_hash,omitempty"`
}

// TicketSubstance is the short form of a substance on a ticket.
type TicketSubstance struct {
	ID   string `json:"id,omitempty"`
	CAS  string `json:"cas"`
	Name string `json:"name"`
}

// Event types delivered to platforms' webhooks.
const (
	EventTicketCreated = "ticket.created"
	EventTicketUpdated = "ticket.updated"
)

// Event is a change to a ticket, delivered to the platform's webhook from the
// outbox at least once; ID is the idempotency key.
type Event struct {
	ID       string    `json:"id"`
	Type     string    `json:"type"`
	Platform string    `json:"platform"`
	Time     time.Time `json:"time"`
	Ticket   Ticket    `json:"ticket"`
	// Changes say what happened to the ticket, as its audit log records
	// it: who did what and why (created, status, removed, reappeared,
	// cleared, flagged, updated, …).
	Changes []EventChange `json:"changes,omitempty"`
}

// EventChange is one audited change carried by an Event.
type EventChange struct {
	Actor  string `json:"actor"`
	Action string `json:"action"`
	From   string `json:"from,omitempty"`
	To     string `json:"to,omitempty"`
	Reason string `json:"reason,omitempty"`
}

// Roles. Partner and reviewer roles are scoped to one platform.
const (
	RoleAdmin     = "admin"
	RolePartner   = "partner"
	RoleReviewer  = "reviewer"
	RoleRegulator = "regulator"
)

// Result is a listing with the matcher's verdict on it, as it flows from the
// matcher to the index and the ticket store.
type Result struct {
	Listing Listing `json:"listing"`
	Match   Match   `json:"match"`
}
