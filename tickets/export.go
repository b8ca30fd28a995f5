package tickets

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/precwatch/precwatch"
)

// ExportRecord is one ticket in an export, with the fields of the `tickets
// export` contract in DESIGN.md.
type ExportRecord struct {
	ID            int64             `json:"id"`
	Status        string            `json:"status"`
	Platform      string            `json:"platform"`
	Target        string            `json:"target"`
	ListingURL    string            `json:"listing_url"`
	ListingID     string            `json:"listing_id"` // the platform's listing id, or the canonical URL when it has none
	ListingStatus string            `json:"listing_status"`
	Title         string            `json:"title"`
	Seller        string            `json:"seller"`
	Score         float64           `json:"score"`
	Substances    []ExportSubstance `json:"substances"`
	Indicators    []string          `json:"indicators"`
	FirstSeen     time.Time         `json:"first_seen"`
	LastSeen      time.Time         `json:"last_seen"`
	// FlaggedAt is when the listing was first found suspicious and
	// RemovedAt when it was found gone from the platform (absent while it
	// is active): together, how long a flagged offer stayed up.
	FlaggedAt time.Time  `json:"flagged_at"`
	RemovedAt *time.Time `json:"removed_at,omitempty"`
	// Assignee is the reviewer the ticket is assigned to ("" when
	// unassigned), the value `tickets list --assignee` filters on.
	Assignee string `json:"assignee"`
}

// ExportSubstance is a substance in an export.
type ExportSubstance struct {
	CAS  string `json:"cas"`
	Name string `json:"name"`
}

// CSVHeader is the header row of ExportCSV.
var CSVHeader = []string{"id", "status", "platform", "target", "listing_url", "listing_status", "title", "seller", "score",
	"substances", "indicators", "first_seen", "last_seen", "listing_id", "flagged_at", "removed_at", "assignee"}

func exportRecord(tr *ticketRow) ExportRecord {
	t := &tr.Ticket
	r := ExportRecord{
		ID: t.ID, Status: t.Status, Platform: t.Platform, Target: t.Target, ListingURL: t.ListingURL,
		ListingID: t.ListingID, ListingStatus: t.ListingStatus, Title: t.Title, Seller: t.Seller, Score: t.Score,
		Substances: make([]ExportSubstance, 0, len(t.Substances)), Indicators: t.Indicators,
		FirstSeen: t.FirstSeen, LastSeen: t.LastSeen, FlaggedAt: tr.flaggedAt.UTC(), Assignee: t.Assignee,
	}
	if t.RemovedAt != nil {
		at := t.RemovedAt.UTC()
		r.RemovedAt = &at
	}
	for _, s := range t.Substances {
		r.Substances = append(r.Substances, ExportSubstance{CAS: s.CAS, Name: s.Name})
	}
	if r.Indicators == nil {
		r.Indicators = []string{}
	}
	return r
}

// ExportJSONL writes the tickets matching f as JSON lines (ordered as f.Sort,
// by default by score).
func (s *Store) ExportJSONL(ctx context.Context, w io.Writer, f Filter) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return s.eachTicket(ctx, f, func(t *ticketRow) error {
		if err := enc.Encode(exportRecord(t)); err != nil {
			return fmt.Errorf("export jsonl: %w", err)
		}
		return nil
	})
}

// exportTime is a time as the exports write it: RFC 3339 in UTC with its
// nanoseconds (trailing zeros dropped), the text encoding/json gives the
// same time in ExportJSONL, so that both exports of a ticket agree.
func exportTime(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) }

// ExportCSV writes the tickets matching f as CSV with CSVHeader;
// substances are "name (CAS)" joined by "; ", indicators joined by "; ",
// times RFC 3339 UTC to the nanosecond, as in ExportJSONL (exportTime).
func (s *Store) ExportCSV(ctx context.Context, w io.Writer, f Filter) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(CSVHeader); err != nil {
		return fmt.Errorf("export csv: %w", err)
	}
	err := s.eachTicket(ctx, f, func(t *ticketRow) error {
		subs := make([]string, 0, len(t.Substances))
		for _, s := range t.Substances {
			if s.CAS != "" {
				subs = append(subs, fmt.Sprintf("%s (%s)", s.Name, s.CAS))
			} else {
				subs = append(subs, s.Name)
			}
		}
		rec := []string{strconv.FormatInt(t.ID, 10), t.Status, t.Platform, t.Target, t.ListingURL, t.ListingStatus,
			precwatch.CSVSafe(t.Title), precwatch.CSVSafe(t.Seller), strconv.FormatFloat(t.Score, 'f', -1, 64), precwatch.CSVSafe(strings.Join(subs, "; ")),
			strings.Join(t.Indicators, "; "), exportTime(t.FirstSeen), exportTime(t.LastSeen), precwatch.CSVSafe(t.ListingID),
			exportTime(t.flaggedAt), "", precwatch.CSVSafe(t.Assignee)}
		if t.RemovedAt != nil {
			rec[15] = exportTime(*t.RemovedAt)
		}
		return cw.Write(rec)
	})
	if err != nil {
		return err
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("export csv: %w", err)
	}
	return nil
}

// Incident is what a national precursor focal point needs to file an
// incident about one confirmed ticket.
type Incident struct {
	TicketID      int64                  `json:"ticket_id"`
	Status        string                 `json:"status"` // the ticket's status: confirmed or escalated
	Date          time.Time              `json:"date"`   // when the listing was flagged
	ConfirmedAt   *time.Time             `json:"confirmed_at,omitempty"`
	ConfirmedBy   string                 `json:"confirmed_by,omitempty"`
	EscalatedAt   *time.Time             `json:"escalated_at,omitempty"` // the last escalation to a regulator
	EscalatedBy   string                 `json:"escalated_by,omitempty"`
	Platform      string                 `json:"platform"`
	Target        string                 `json:"target"`
	ListingID     string                 `json:"listing_id"`
	URL           string                 `json:"url"`
	Title         string                 `json:"title"`
	Substances    []IncidentSubstance    `json:"substances"`
	Quantities    []string               `json:"quantities"` // as offered, parsed best-effort
	Price         *Price                 `json:"price,omitempty"`
	Seller        string                 `json:"seller"`
	Location      string                 `json:"location,omitempty"`
	Destinations  []string               `json:"destinations"` // stated destination countries, best-effort
	Contacts      []precwatch.Observable `json:"contacts"`
	Indicators    []string               `json:"indicators"`
	Score         float64                `json:"score"`
	ListingStatus string                 `json:"listing_status"`
	FirstSeen     time.Time              `json:"first_seen"`
	LastSeen      time.Time              `json:"last_seen"`
	RemovedAt     *time.Time             `json:"removed_at,omitempty"`
	EvidenceHash  string                 `json:"evidence_hash"`
	ContentHash   string                 `json:"content_hash"`
}

// IncidentSubstance is a substance in an incident report.
type IncidentSubstance struct {
	Name string `json:"name"`
	CAS  string `json:"cas,omitempty"`
	List string `json:"list"`
}

// Price is a price as offered, with the amount and currency when they could
// be parsed.
type Price struct {
	Text     string  `json:"text"`
	Amount   float64 `json:"amount,omitempty"`
	Currency string  `json:"currency,omitempty"`
}

// FlaggedResult returns the listing and match of ticket id as they were
// the last time the listing was suspicious: what the ticket was raised or
// last updated for, which differs from the listing's state when the listing
// was since edited into something not suspicious. It is nil for tickets
// written before precwatch kept it (then the listing's state is the best
// evidence). An unknown ticket is ENOTFOUND.
func (s *Store) FlaggedResult(ctx context.Context, id int64) (*precwatch.Result, error) {
	var js string
	err := s.rq.QueryRowContext(ctx, "SELECT flagged_result FROM tickets WHERE id = ?", id).Scan(&js)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, precwatch.Errorf(precwatch.ENOTFOUND, "ticket %d not found", id)
	}
	if err != nil {
		return nil, fmt.Errorf("flagged result of ticket %d: %w", id, err)
	}
	if js == "" {
		return nil, nil
	}
	var r precwatch.Result
	if err := json.Unmarshal([]byte(js), &r); err != nil {
		return nil, fmt.Errorf("flagged result of ticket %d: %w", id, err)
	}
	return &r, nil
}

// IncidentReport is the document IncidentReport writes.
type IncidentReport struct {
	Generated time.Time  `json:"generated"`
	Incidents []Incident `json:"incidents"`
}

// IncidentReport writes a JSON IncidentReport of the tickets matching f
// that are incidents, in f's order (by id unless f.Sort says otherwise),
// sorted as one list whatever their status:
//
//   - without f.Status, the confirmed incidents: tickets whose status is
//     confirmed, and escalated tickets that a reviewer had confirmed before
//     they were escalated (escalating a confirmed case to a regulator does
//     not make it less of an incident);
//   - with f.Status (confirmed, escalated, or both comma-separated), every
//     ticket in those statuses, escalated ones referred to a regulator
//     straight from the queue included (their confirmed_at is absent).
//
// Each incident carries its ticket's status. Another status is an EINVALID
// error naming the status parameter; so is an unknown sort.
func (s *Store) IncidentReport(ctx context.Context, w io.Writer, f Filter) error {
	if f.Sort == "" {
		f.Sort = SortID
	}
	explicit := strings.TrimSpace(strings.ReplaceAll(f.Status, ",", "")) != ""
	if explicit {
		for _, st := range strings.Split(f.Status, ",") {
			st = strings.TrimSpace(st)
			switch {
			case st == "" || st == precwatch.StatusConfirmed || st == precwatch.StatusEscalated:
			case validStatus(st):
				return precwatch.Errorf(precwatch.EINVALID, "status %q: an incident report covers confirmed and escalated tickets (want confirmed, escalated or both)", st)
			default:
				return precwatch.Errorf(precwatch.EINVALID, "status %q: unknown ticket status (want confirmed, escalated or both for an incident report)", st)
			}
		}
	} else {
		f.Status = precwatch.StatusConfirmed + "," + precwatch.StatusEscalated
	}
	var tickets []precwatch.Ticket
	if err := s.eachTicket(ctx, f, func(t *ticketRow) error {
		tickets = append(tickets, t.Ticket)
		return nil
	}); err != nil {
		return err
	}
	rep := IncidentReport{Generated: s.now().UTC(), Incidents: []Incident{}}
	for i := range tickets {
		inc, err := s.incident(ctx, &tickets[i])
		if err != nil {
			return err
		}
		if !explicit && tickets[i].Status == precwatch.StatusEscalated && inc.ConfirmedAt == nil {
			continue // escalated without being confirmed: asked for by status=escalated
		}
		rep.Incidents = append(rep.Incidents, *inc)
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(rep); err != nil {
		return fmt.Errorf("incident report: %w", err)
	}
	return nil
}

func (s *Store) incident(ctx context.Context, t *precwatch.Ticket) (*Incident, error) {
	st, err := s.ListingState(ctx, t.Platform, t.ListingID)
	if err != nil {
		return nil, fmt.Errorf("incident of ticket %d: %w", t.ID, err)
	}
	// The version of the listing that was flagged: a listing edited into
	// something harmless afterwards is reported as it was offered.
	res := st.Result
	fr, err := s.FlaggedResult(ctx, t.ID)
	if err != nil {
		return nil, fmt.Errorf("incident of ticket %d: %w", t.ID, err)
	}
	flagged := fr != nil
	if flagged {
		res = *fr
	}
	l, m := &res.Listing, &res.Match
	inc := &Incident{
		TicketID: t.ID, Status: t.Status, Date: t.FirstSeen, Platform: t.Platform, Target: t.Target, ListingID: t.ListingID,
		URL: t.ListingURL, Title: t.Title, Seller: t.Seller, Location: l.Location, Indicators: t.Indicators,
		Score: t.Score, ListingStatus: t.ListingStatus, FirstSeen: t.FirstSeen, LastSeen: t.LastSeen,
		RemovedAt: t.RemovedAt, EvidenceHash: t.EvidenceHash, ContentHash: t.ContentHash,
		Substances: []IncidentSubstance{}, Contacts: []precwatch.Observable{},
	}
	if st.FlaggedAt != nil {
		inc.Date = *st.FlaggedAt
	}
	for _, sm := range m.Substances {
		if sm.Negated {
			continue
		}
		is := IncidentSubstance{Name: sm.Name, CAS: sm.CAS, List: sm.List}
		if !slices.Contains(inc.Substances, is) {
			inc.Substances = append(inc.Substances, is)
		}
	}
	obs, err := s.Observables(ctx, t.Platform, t.ListingID)
	if err != nil {
		return nil, err
	}
	if flagged {
		// Those the seller published in any version (the store keeps
		// them all) and those of the flagged version.
		for _, o := range m.Observables {
			if o.Type != "" && o.Value != "" && !slices.Contains(obs, o) {
				obs = append(obs, o)
			}
		}
		slices.SortFunc(obs, func(a, b precwatch.Observable) int {
			return cmp.Or(cmp.Compare(a.Type, b.Type), cmp.Compare(a.Value, b.Value))
		})
	}
	if obs != nil {
		inc.Contacts = obs
	}
	texts := []string{l.Title, l.Description, l.Price}
	for _, k := range sortedKeys(l.Attributes) {
		texts = append(texts, k+": "+l.Attributes[k])
	}
	for _, in := range m.Indicators {
		texts = append(texts, in.Text)
	}
	inc.Quantities = Quantities(texts...)
	inc.Price = ParsePrice(l.Price, l.Description)
	inc.Destinations = Destinations(l.Location, texts...)
	evs, err := s.Events(ctx, t.ID)
	if err != nil {
		return nil, err
	}
	for _, e := range evs {
		if e.Action == "status" && e.To == precwatch.StatusConfirmed {
			at := e.At
			inc.ConfirmedAt, inc.ConfirmedBy = &at, e.Actor
		}
		if e.Action == "status" && e.To == precwatch.StatusEscalated {
			at := e.At
			inc.EscalatedAt, inc.EscalatedBy = &at, e.Actor
		}
	}
	return inc, nil
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

var quantityRE = regexp.MustCompile(`(?i)(?:^|[^\p{L}\d.,])(\d+(?:[.,]\d+)?)[\s-]?(kgs?|kilos?|kilograms?|g|grams?|mg|t|tons?|tonnes?|mt|l|ltrs?|litres?|liters?|ml|lbs?|gal|gallons?|drums?|barrels?|bottles?|tablets?|pills?|pcs)\b`)

// Quantities returns the quantities mentioned in texts ("25 kg", "200 l"),
// deduplicated, in order. It is a best-effort parse for incident reports.
func Quantities(texts ...string) []string {
	out := []string{}
	for _, t := range texts {
		for _, m := range quantityRE.FindAllStringSubmatch(t, -1) {
			q := m[1] + " " + strings.ToLower(m[2])
			if !slices.Contains(out, q) {
				out = append(out, q)
			}
		}
	}
	return out
}

var (
	priceRE    = regexp.MustCompile(`(?i)(US\$|\$|€|£|¥|USD|EUR|GBP|CNY|RMB|INR|RUB|BTC|USDT)\s?(\d[\d,]*(?:\.\d+)?)|(\d[\d,]*(?:\.\d+)?)\s?(US\$|\$|€|£|¥|USD|EUR|GBP|CNY|RMB|INR|RUB|BTC|USDT)`)
	currencyOf = map[string]string{"$": "USD", "us$": "USD", "€": "EUR", "£": "GBP", "¥": "CNY", "rmb": "CNY"}
)

// ParsePrice parses the price offered from the listing's price field, or
// failing that from a "price" mention in its description. It returns nil
// when neither names one.
func ParsePrice(price, description string) *Price {
	if p := parsePrice(price); p != nil {
		return p
	}
	if i := strings.Index(strings.ToLower(description), "price"); i >= 0 {
		seg := description[i:min(len(description), i+80)]
		return parsePrice(seg)
	}
	return nil
}

func parsePrice(s string) *Price {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	p := &Price{Text: s}
	m := priceRE.FindStringSubmatch(s)
	if m == nil {
		return p
	}
	cur, num := m[1], m[2]
	if cur == "" {
		num, cur = m[3], m[4]
	}
	if v, err := strconv.ParseFloat(strings.ReplaceAll(num, ",", ""), 64); err == nil {
		p.Amount = v
	}
	if c, ok := currencyOf[strings.ToLower(cur)]; ok {
		p.Currency = c
	} else {
		p.Currency = strings.ToUpper(cur)
	}
	return p
}

// countries are the destination names recognised in listings, with the
// name reported.
var countries = map[string]string{
	"usa": "United States", "us": "United States", "united states": "United States", "america": "United States",
	"canada": "Canada", "mexico": "Mexico", "uk": "United Kingdom", "united kingdom": "United Kingdom", "england": "United Kingdom",
	"germany": "Germany", "netherlands": "Netherlands", "holland": "Netherlands", "belgium": "Belgium", "france": "France",
	"spain": "Spain", "italy": "Italy", "poland": "Poland", "czech republic": "Czech Republic", "czechia": "Czech Republic",
	"austria": "Austria", "switzerland": "Switzerland", "sweden": "Sweden", "norway": "Norway", "denmark": "Denmark",
	"finland": "Finland", "ireland": "Ireland", "portugal": "Portugal", "greece": "Greece", "romania": "Romania",
	"bulgaria": "Bulgaria", "hungary": "Hungary", "slovakia": "Slovakia", "lithuania": "Lithuania", "latvia": "Latvia",
	"estonia": "Estonia", "ukraine": "Ukraine", "russia": "Russia", "turkey": "Turkey", "australia": "Australia",
	"new zealand": "New Zealand", "japan": "Japan", "south korea": "South Korea", "korea": "South Korea",
	"china": "China", "hong kong": "Hong Kong", "taiwan": "Taiwan", "india": "India", "pakistan": "Pakistan",
	"thailand": "Thailand", "vietnam": "Vietnam", "philippines": "Philippines", "indonesia": "Indonesia",
	"malaysia": "Malaysia", "singapore": "Singapore", "brazil": "Brazil", "argentina": "Argentina", "colombia": "Colombia",
	"peru": "Peru", "chile": "Chile", "south africa": "South Africa", "nigeria": "Nigeria", "iran": "Iran",
	"uae": "United Arab Emirates", "dubai": "United Arab Emirates", "saudi arabia": "Saudi Arabia", "israel": "Israel",
	"europe": "Europe", "eu": "Europe",
}

var destinationRE = func() *regexp.Regexp {
	names := make([]string, 0, len(countries))
	for k := range countries {
		names = append(names, regexp.QuoteMeta(k))
	}
	// Longest first, so that "united states" wins over "us".
	slices.SortFunc(names, func(a, b string) int { return len(b) - len(a) })
	return regexp.MustCompile(`(?i)\b(` + strings.Join(names, "|") + `)\b`)
}()

var destinationCue = regexp.MustCompile(`(?i)\b(to|into|ship(?:s|ping)?|deliver(?:y|ed|s)?|customs|door|pass|destination|countries|worldwide)\b`)

// Destinations returns the countries a listing says it delivers to: names
// of countries in sentences with a delivery cue ("safe delivery to USA,
// Canada"), other than the seller's own location. Best-effort.
func Destinations(location string, texts ...string) []string {
	out := []string{}
	home := ""
	if m := destinationRE.FindString(location); m != "" {
		home = countries[strings.ToLower(m)]
	}
	for _, t := range texts {
		for _, sentence := range splitSentences(t) {
			if !destinationCue.MatchString(sentence) {
				continue
			}
			for _, m := range destinationRE.FindAllStringIndex(sentence, -1) {
				word := sentence[m[0]:m[1]]
				// "us" only counts upper-case: "send us a message" names no country.
				if strings.EqualFold(word, "us") && word != "US" {
					continue
				}
				c := countries[strings.ToLower(word)]
				if c != home && !slices.Contains(out, c) {
					out = append(out, c)
				}
			}
		}
	}
	return out
}

func splitSentences(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == '.' || r == '!' || r == '?' || r == '\n' || r == ';' })
}
