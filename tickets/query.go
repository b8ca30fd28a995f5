package tickets

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/precwatch/precwatch"
)

// ticketRow is a ticket with the columns that are not part of
// precwatch.Ticket.
type ticketRow struct {
	precwatch.Ticket
	suspicious bool
	flaggedAt  time.Time
}

const ticketCols = `t.id, t.status, t.platform, t.target, t.listing_id, t.listing_url, t.listing_status, t.title, t.seller, t.score,
	t.substances, t.indicators, t.first_seen, t.last_seen, t.removed_at, t.assignee, t.content_hash, t.evidence_hash,
	t.suspicious, t.flagged_at`

type scanner interface{ Scan(dest ...any) error }

func scanTicket(sc scanner) (*ticketRow, error) {
	var (
		t                    ticketRow
		subs, inds           string
		first, last, flagged int64
		removed              sql.NullInt64
	)
	err := sc.Scan(&t.ID, &t.Status, &t.Platform, &t.Target, &t.ListingID, &t.ListingURL, &t.ListingStatus, &t.Title,
		&t.Seller, &t.Score, &subs, &inds, &first, &last, &removed, &t.Assignee, &t.ContentHash, &t.EvidenceHash,
		&t.suspicious, &flagged)
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal([]byte(subs), &t.Substances); err != nil {
		return nil, fmt.Errorf("ticket %d substances: %w", t.ID, err)
	}
	if err := json.Unmarshal([]byte(inds), &t.Indicators); err != nil {
		return nil, fmt.Errorf("ticket %d indicators: %w", t.ID, err)
	}
	t.FirstSeen, t.LastSeen, t.flaggedAt = fromNS(first), fromNS(last), fromNS(flagged)
	t.RemovedAt = fromNullNS(removed)
	return &t, nil
}

func ticketByID(ctx context.Context, q queryer, id int64) (*ticketRow, error) {
	t, err := scanTicket(q.QueryRowContext(ctx, "SELECT "+ticketCols+" FROM tickets t WHERE t.id = ?", id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, precwatch.Errorf(precwatch.ENOTFOUND, "ticket %d not found", id)
	}
	return t, err
}

// ticketByListing returns the listing's ticket, or nil if it has none.
func ticketByListing(ctx context.Context, q queryer, platform, listingID string) (*ticketRow, error) {
	t, err := scanTicket(q.QueryRowContext(ctx, "SELECT "+ticketCols+" FROM tickets t WHERE t.platform = ? AND t.listing_id = ?",
		platform, listingID))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	return t, err
}

// Ticket returns ticket id, or an ENOTFOUND error.
func (s *Store) Ticket(ctx context.Context, id int64) (*precwatch.Ticket, error) {
	t, err := ticketByID(ctx, s.rq, id)
	if err != nil {
		return nil, fmt.Errorf("ticket %d: %w", id, err)
	}
	return &t.Ticket, nil
}

// Sort orders for Filter.Sort.
const (
	SortScore     = "score"      // highest score first (the review queue; default)
	SortLastSeen  = "last_seen"  // most recently seen first
	SortFirstSeen = "first_seen" // newest first
	SortID        = "id"         // oldest ticket first
)

// Filter selects tickets. Zero fields do not filter.
type Filter struct {
	Platforms     []string  // the caller's scope; empty means every platform
	Status        string    // ticket status, or several comma-separated
	ListingStatus string    // active or removed
	Target        string    // target name
	Seller        string    // seller, exact
	Substance     string    // substance id, CAS number or name (case-insensitive)
	Assignee      string    // assignee, exact; AssigneeNone for unassigned tickets
	MinScore      float64   // score at least
	Since         time.Time // last seen at or after
	Limit         int       // at most this many (0: no limit)
	Offset        int
	Sort          string // SortScore (default), SortLastSeen, SortFirstSeen or SortID

	// A reporting period: FlaggedFrom and FlaggedTo bound when the ticket
	// was flagged (created); StatusFrom and StatusTo bound the time of its
	// last status change (its creation if its status never changed), so
	// that status=confirmed with a status period selects the tickets
	// confirmed then. Both ends are inclusive.
	FlaggedFrom, FlaggedTo time.Time
	StatusFrom, StatusTo   time.Time
}

// AssigneeNone as Filter.Assignee selects the unassigned tickets.
const AssigneeNone = "none"

// statusAt is the time of a ticket's last status change, or its flag time.
const statusAt = `COALESCE((SELECT MAX(e.at) FROM ticket_events e WHERE e.ticket_id = t.id AND e.action = 'status'), t.flagged_at)`

func (f *Filter) where() (string, []any, error) {
	var conds []string
	var args []any
	if len(f.Platforms) > 0 {
		conds = append(conds, "t.platform IN ("+placeholders(len(f.Platforms))+")")
		for _, p := range f.Platforms {
			args = append(args, p)
		}
	}
	if f.Status != "" {
		// One status, or several comma-separated (open,in_review).
		var sts []string
		for _, st := range strings.Split(f.Status, ",") {
			if st = strings.TrimSpace(st); st == "" {
				continue
			}
			if !validStatus(st) {
				return "", nil, precwatch.Errorf(precwatch.EINVALID, "unknown ticket status %q (want open, in_review, confirmed, dismissed or escalated)", st)
			}
			sts = append(sts, st)
		}
		if len(sts) > 0 {
			conds = append(conds, "t.status IN ("+placeholders(len(sts))+")")
			for _, st := range sts {
				args = append(args, st)
			}
		}
	}
	if f.ListingStatus != "" {
		if f.ListingStatus != precwatch.ListingActive && f.ListingStatus != precwatch.ListingRemoved {
			return "", nil, precwatch.Errorf(precwatch.EINVALID, "unknown listing status %q (want active or removed)", f.ListingStatus)
		}
		conds, args = append(conds, "t.listing_status = ?"), append(args, f.ListingStatus)
	}
	if f.Target != "" {
		conds, args = append(conds, "t.target = ?"), append(args, f.Target)
	}
	if f.Seller != "" {
		conds, args = append(conds, "t.seller = ?"), append(args, f.Seller)
	}
	switch f.Assignee {
	case "":
	case AssigneeNone:
		conds = append(conds, "t.assignee = ''")
	default:
		conds, args = append(conds, "t.assignee = ?"), append(args, f.Assignee)
	}
	if f.Substance != "" {
		conds = append(conds, `EXISTS (SELECT 1 FROM json_each(t.substances) j WHERE json_extract(j.value, '$.id') = ?1s
			OR json_extract(j.value, '$.cas') = ?1s OR lower(json_extract(j.value, '$.name')) = lower(?1s))`)
		args = append(args, f.Substance)
	}
	if f.MinScore > 0 {
		conds, args = append(conds, "t.score >= ?"), append(args, f.MinScore)
	}
	if !f.Since.IsZero() {
		conds, args = append(conds, "t.last_seen >= ?"), append(args, ns(f.Since))
	}
	for _, b := range []struct {
		at  time.Time
		sql string
	}{
		{f.FlaggedFrom, "t.flagged_at >= ?"}, {f.FlaggedTo, "t.flagged_at <= ?"},
		{f.StatusFrom, statusAt + " >= ?"}, {f.StatusTo, statusAt + " <= ?"},
	} {
		if !b.at.IsZero() {
			conds, args = append(conds, b.sql), append(args, ns(b.at))
		}
	}
	if len(conds) == 0 {
		return "", args, nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args, nil
}

func (f *Filter) order() (string, error) {
	switch f.Sort {
	case "", SortScore:
		return " ORDER BY t.score DESC, t.id", nil
	case SortLastSeen:
		return " ORDER BY t.last_seen DESC, t.id", nil
	case SortFirstSeen:
		return " ORDER BY t.first_seen DESC, t.id", nil
	case SortID:
		return " ORDER BY t.id", nil
	}
	return "", precwatch.Errorf(precwatch.EINVALID, "unknown sort %q (want score, last_seen, first_seen or id)", f.Sort)
}

// query builds the ticket query for f, with the substance placeholder
// numbered so that it may be used three times.
func (f *Filter) query(cols string) (string, []any, error) {
	where, args, err := f.where()
	if err != nil {
		return "", nil, err
	}
	// Number every placeholder: the substance condition reuses one argument.
	var b strings.Builder
	n := 0
	subst := 0
	for i := 0; i < len(where); i++ {
		c := where[i]
		if c != '?' {
			b.WriteByte(c)
			continue
		}
		if strings.HasPrefix(where[i:], "?1s") {
			if subst == 0 {
				n++
				subst = n
			}
			fmt.Fprintf(&b, "?%d", subst)
			i += 2
			continue
		}
		n++
		fmt.Fprintf(&b, "?%d", n)
	}
	return "SELECT " + cols + " FROM tickets t" + b.String(), args, nil
}

// Tickets returns the tickets matching f, the review queue by default
// (highest score first).
func (s *Store) Tickets(ctx context.Context, f Filter) ([]precwatch.Ticket, error) {
	var out []precwatch.Ticket
	err := s.eachTicket(ctx, f, func(t *ticketRow) error {
		out = append(out, t.Ticket)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// CountTickets returns how many tickets match f, ignoring its Limit and
// Offset.
func (s *Store) CountTickets(ctx context.Context, f Filter) (int, error) {
	q, args, err := f.query("COUNT(*)")
	if err != nil {
		return 0, err
	}
	var n int
	if err := s.rq.QueryRowContext(ctx, q, args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("count tickets: %w", err)
	}
	return n, nil
}

func (s *Store) eachTicket(ctx context.Context, f Filter, fn func(*ticketRow) error) error {
	q, args, err := f.query(ticketCols)
	if err != nil {
		return err
	}
	order, err := f.order()
	if err != nil {
		return err
	}
	q += order
	if f.Limit > 0 || f.Offset > 0 {
		limit := f.Limit
		if limit <= 0 {
			limit = -1
		}
		q += " LIMIT ? OFFSET ?"
		args = append(args, limit, max(f.Offset, 0))
	}
	rows, err := s.rq.QueryContext(ctx, q, args...)
	if err != nil {
		return fmt.Errorf("tickets: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		t, err := scanTicket(rows)
		if err != nil {
			return fmt.Errorf("tickets: %w", err)
		}
		if err := fn(t); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("tickets: %w", err)
	}
	return nil
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

// Events returns the audit log of ticket id, oldest first.
func (s *Store) Events(ctx context.Context, ticketID int64) ([]TicketEvent, error) {
	rows, err := s.rq.QueryContext(ctx, `SELECT id, ticket_id, at, actor, action, from_value, to_value, reason
		FROM ticket_events WHERE ticket_id = ? ORDER BY id`, ticketID)
	if err != nil {
		return nil, fmt.Errorf("events of ticket %d: %w", ticketID, err)
	}
	defer rows.Close()
	var out []TicketEvent
	for rows.Next() {
		var e TicketEvent
		var at int64
		if err := rows.Scan(&e.ID, &e.TicketID, &at, &e.Actor, &e.Action, &e.From, &e.To, &e.Reason); err != nil {
			return nil, fmt.Errorf("events of ticket %d: %w", ticketID, err)
		}
		e.At = fromNS(at)
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("events of ticket %d: %w", ticketID, err)
	}
	return out, nil
}

// Link is another ticket whose listing shares an observable with a ticket's
// listing: the same seller under another name, or on another platform.
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

// Links returns the tickets linked to ticket id by a shared observable (one
// Link per ticket and shared observable), ordered by ticket id. Callers
// scoped to a platform filter on Link.Platform.
func (s *Store) Links(ctx context.Context, ticketID int64) ([]Link, error) {
	rows, err := s.rq.QueryContext(ctx, `SELECT t2.id, t2.platform, t2.listing_id, t2.listing_url, t2.seller, t2.status, t2.title, o2.type, o2.value
		FROM tickets t
		JOIN observables o ON o.platform = t.platform AND o.listing_id = t.listing_id
		JOIN observables o2 ON o2.type = o.type AND o2.value = o.value
			AND NOT (o2.platform = o.platform AND o2.listing_id = o.listing_id)
		JOIN tickets t2 ON t2.platform = o2.platform AND t2.listing_id = o2.listing_id
		WHERE t.id = ?
		ORDER BY t2.id, o2.type, o2.value`, ticketID)
	if err != nil {
		return nil, fmt.Errorf("links of ticket %d: %w", ticketID, err)
	}
	defer rows.Close()
	var out []Link
	for rows.Next() {
		var l Link
		if err := rows.Scan(&l.TicketID, &l.Platform, &l.ListingID, &l.ListingURL, &l.Seller, &l.Status, &l.Title,
			&l.Observable.Type, &l.Observable.Value); err != nil {
			return nil, fmt.Errorf("links of ticket %d: %w", ticketID, err)
		}
		out = append(out, l)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("links of ticket %d: %w", ticketID, err)
	}
	return out, nil
}

// Observables returns the observables stored for a listing.
func (s *Store) Observables(ctx context.Context, platform, listingID string) ([]precwatch.Observable, error) {
	rows, err := s.rq.QueryContext(ctx, "SELECT type, value FROM observables WHERE platform = ? AND listing_id = ? ORDER BY type, value",
		platform, listingID)
	if err != nil {
		return nil, fmt.Errorf("observables of %s/%s: %w", platform, listingID, err)
	}
	defer rows.Close()
	var out []precwatch.Observable
	for rows.Next() {
		var o precwatch.Observable
		if err := rows.Scan(&o.Type, &o.Value); err != nil {
			return nil, fmt.Errorf("observables of %s/%s: %w", platform, listingID, err)
		}
		out = append(out, o)
	}
	return out, rows.Err()
}

// Seller is the seller view: one seller on one platform and their
// suspicious listings.
type Seller struct {
	Platform  string    `json:"platform"`
	Seller    string    `json:"seller"`
	Listings  int       `json:"listings"` // suspicious listings, active or removed
	Active    int       `json:"active"`   // of which still active
	Tickets   int       `json:"tickets"`
	Confirmed int       `json:"confirmed"` // tickets confirmed
	MaxScore  float64   `json:"max_score"`
	FirstSeen time.Time `json:"first_seen"`
	LastSeen  time.Time `json:"last_seen"`
}

// Sellers returns suspicious listings per seller and platform (within
// platforms; empty means all), most listings first.
func (s *Store) Sellers(ctx context.Context, platforms []string) ([]Seller, error) {
	q := `SELECT l.platform, l.seller, COUNT(*), SUM(l.status = 'active'), COUNT(t.id), SUM(COALESCE(t.status = 'confirmed', 0)),
		MAX(l.score), MIN(l.first_seen), MAX(l.last_seen)
		FROM listings l LEFT JOIN tickets t ON t.platform = l.platform AND t.listing_id = l.listing_id
		WHERE l.suspicious = 1`
	scope, args := platformScope("AND", "l.platform", platforms)
	q += scope
	q += " GROUP BY l.platform, l.seller ORDER BY COUNT(*) DESC, MAX(l.score) DESC, l.platform, l.seller"
	rows, err := s.rq.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("sellers: %w", err)
	}
	defer rows.Close()
	var out []Seller
	for rows.Next() {
		var v Seller
		var first, last int64
		if err := rows.Scan(&v.Platform, &v.Seller, &v.Listings, &v.Active, &v.Tickets, &v.Confirmed, &v.MaxScore, &first, &last); err != nil {
			return nil, fmt.Errorf("sellers: %w", err)
		}
		v.FirstSeen, v.LastSeen = fromNS(first), fromNS(last)
		out = append(out, v)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sellers: %w", err)
	}
	return out, nil
}

// ListingState is a stored listing: its last result and where it stands.
type ListingState struct {
	Result    precwatch.Result `json:"result"`
	Status    string           `json:"status"` // active or removed
	FirstSeen time.Time        `json:"first_seen"`
	LastSeen  time.Time        `json:"last_seen"`
	RemovedAt *time.Time       `json:"removed_at,omitempty"`
	FlaggedAt *time.Time       `json:"flagged_at,omitempty"`
	Versions  int              `json:"versions"` // content versions seen
}

// Listing returns the stored result of a listing, or an ENOTFOUND error.
func (s *Store) Listing(ctx context.Context, platform, listingID string) (*precwatch.Result, error) {
	st, err := s.ListingState(ctx, platform, listingID)
	if err != nil {
		return nil, err
	}
	return &st.Result, nil
}

// ListingState returns a stored listing with its state, or an ENOTFOUND
// error.
func (s *Store) ListingState(ctx context.Context, platform, listingID string) (*ListingState, error) {
	var (
		st               ListingState
		res              string
		first, last      int64
		removed, flagged sql.NullInt64
	)
	err := s.rq.QueryRowContext(ctx, `SELECT result, status, first_seen, last_seen, removed_at, flagged_at,
		(SELECT COUNT(*) FROM listing_versions v WHERE v.platform = l.platform AND v.listing_id = l.listing_id)
		FROM listings l WHERE platform = ? AND listing_id = ?`, platform, listingID).
		Scan(&res, &st.Status, &first, &last, &removed, &flagged, &st.Versions)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, precwatch.Errorf(precwatch.ENOTFOUND, "listing %s/%s not found", platform, listingID)
	}
	if err != nil {
		return nil, fmt.Errorf("listing %s/%s: %w", platform, listingID, err)
	}
	if err := json.Unmarshal([]byte(res), &st.Result); err != nil {
		return nil, fmt.Errorf("listing %s/%s: %w", platform, listingID, err)
	}
	st.FirstSeen, st.LastSeen = fromNS(first), fromNS(last)
	st.RemovedAt, st.FlaggedAt = fromNullNS(removed), fromNullNS(flagged)
	return &st, nil
}

// Platforms returns the platforms of the stored listings, sorted.
func (s *Store) Platforms(ctx context.Context) ([]string, error) {
	rows, err := s.rq.QueryContext(ctx, "SELECT DISTINCT platform FROM listings ORDER BY platform")
	if err != nil {
		return nil, fmt.Errorf("platforms: %w", err)
	}
	defer rows.Close()
	var ps []string
	for rows.Next() {
		var p string
		if err := rows.Scan(&p); err != nil {
			return nil, fmt.Errorf("platforms: %w", err)
		}
		ps = append(ps, p)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("platforms: %w", err)
	}
	return ps, nil
}

// Version is one content version of a listing: its evidence history.
type Version struct {
	ContentHash  string    `json:"content_hash"`
	EvidenceHash string    `json:"evidence_hash"`
	FirstSeen    time.Time `json:"first_seen"` // when this content was first seen
}

// Versions returns the content versions of a listing, oldest first (none
// for an unknown listing).
func (s *Store) Versions(ctx context.Context, platform, listingID string) ([]Version, error) {
	rows, err := s.rq.QueryContext(ctx, `SELECT content_hash, evidence_hash, seen_at FROM listing_versions
		WHERE platform = ? AND listing_id = ? ORDER BY seen_at, content_hash`, platform, listingID)
	if err != nil {
		return nil, fmt.Errorf("versions of %s/%s: %w", platform, listingID, err)
	}
	defer rows.Close()
	vs := []Version{}
	for rows.Next() {
		var v Version
		var at int64
		if err := rows.Scan(&v.ContentHash, &v.EvidenceHash, &at); err != nil {
			return nil, fmt.Errorf("versions of %s/%s: %w", platform, listingID, err)
		}
		v.FirstSeen = fromNS(at)
		vs = append(vs, v)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("versions of %s/%s: %w", platform, listingID, err)
	}
	return vs, nil
}

// Listings calls fn with every stored listing last seen at or after since,
// in (platform, listing id) order, for a rescan. fn may call Record. An
// error from fn stops the iteration and is returned.
func (s *Store) Listings(ctx context.Context, since time.Time, fn func(precwatch.Result) error) error {
	return s.ListingsSeen(ctx, since, func(r precwatch.Result, _, _ time.Time) error { return fn(r) })
}

// RemovalStat is how fast a platform removes flagged listings.
type RemovalStat struct {
	Platform string        `json:"platform"`
	Flagged  int           `json:"flagged"` // tickets
	Removed  int           `json:"removed"` // of which the listing was removed after the flag
	Median   time.Duration `json:"median_ns"`
	Mean     time.Duration `json:"mean_ns"`
}

// RemovalStats returns, per platform (within platforms; empty means all),
// the time from flag to removal of flagged listings.
func (s *Store) RemovalStats(ctx context.Context, platforms []string) ([]RemovalStat, error) {
	// A listing flagged only after it was removed (by a rescan) says nothing
	// about how fast the platform acts.
	q := "SELECT platform, CASE WHEN removed_at >= flagged_at THEN removed_at - flagged_at END FROM tickets"
	scope, args := platformScope("WHERE", "platform", platforms)
	q += scope
	q += " ORDER BY platform"
	rows, err := s.rq.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("removal stats: %w", err)
	}
	defer rows.Close()
	byPlatform := map[string][]time.Duration{}
	var out []RemovalStat
	for rows.Next() {
		var p string
		var d sql.NullInt64
		if err := rows.Scan(&p, &d); err != nil {
			return nil, fmt.Errorf("removal stats: %w", err)
		}
		if len(out) == 0 || out[len(out)-1].Platform != p {
			out = append(out, RemovalStat{Platform: p})
		}
		out[len(out)-1].Flagged++
		if d.Valid {
			byPlatform[p] = append(byPlatform[p], time.Duration(d.Int64))
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("removal stats: %w", err)
	}
	for i := range out {
		ds := byPlatform[out[i].Platform]
		out[i].Removed = len(ds)
		if len(ds) == 0 {
			continue
		}
		slices.Sort(ds)
		if len(ds)%2 == 1 {
			out[i].Median = ds[len(ds)/2]
		} else {
			out[i].Median = (ds[len(ds)/2-1] + ds[len(ds)/2]) / 2
		}
		var sum time.Duration
		for _, d := range ds {
			sum += d
		}
		out[i].Mean = sum / time.Duration(len(ds))
	}
	return out, nil
}

// TicketCounts returns the number of tickets per status (within platforms;
// empty means all), for metrics.
func (s *Store) TicketCounts(ctx context.Context, platforms []string) (map[string]int, error) {
	q := "SELECT status, COUNT(*) FROM tickets"
	scope, args := platformScope("WHERE", "platform", platforms)
	q += scope
	q += " GROUP BY status"
	rows, err := s.rq.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("ticket counts: %w", err)
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var st string
		var n int
		if err := rows.Scan(&st, &n); err != nil {
			return nil, fmt.Errorf("ticket counts: %w", err)
		}
		out[st] = n
	}
	return out, rows.Err()
}

// SetStatusFrom is SetStatus on condition: when from is not empty and
// ticket id is not in status from (another reviewer changed it since the
// caller looked), it changes nothing and returns an ECONFLICT error naming
// the current status. The check and the change are one transaction.
func (s *Store) SetStatusFrom(ctx context.Context, id int64, from, status, actor, reason string) error {
	from = strings.TrimSpace(from)
	if from == "" {
		return s.SetStatus(ctx, id, status, actor, reason)
	}
	if !validStatus(from) {
		return precwatch.Errorf(precwatch.EINVALID, "expected status %q: unknown ticket status (want one of %s)", from, strings.Join(Statuses, ", "))
	}
	return s.setStatus(ctx, id, from, status, actor, reason)
}
