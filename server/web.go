package server

import (
	"bytes"
	"context"
	"fmt"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode"

	"gopkg.in/yaml.v3"

	"github.com/precwatch/precwatch"
)

// page is what every template gets.
type page struct {
	Title string
	User  *Principal
	CSRF  string
	Nav   string
	Flash string
	Error string
	Data  any
}

// webHandler is a UI handler for a signed-in user.
type webHandler func(w http.ResponseWriter, r *http.Request, p *Principal, sess *session) error

func (s *Server) webRoutes() {
	s.mux.Handle("GET /static/", s.ui.Static())
	s.mux.HandleFunc("GET /login", s.loginForm)
	s.mux.HandleFunc("POST /login", s.login)
	s.mux.Handle("POST /logout", s.web(s.logout))
	s.mux.Handle("GET /{$}", s.web(func(w http.ResponseWriter, r *http.Request, p *Principal, _ *session) error {
		to := "/queue"
		if p.Role == precwatch.RoleAdmin || p.Role == precwatch.RoleRegulator {
			to = "/search"
		}
		http.Redirect(w, r, to, http.StatusSeeOther)
		return nil
	}))
	s.mux.Handle("GET /search", s.web(s.searchPage))
	s.mux.Handle("GET /search/export.csv", s.web(s.searchExport))
	s.mux.Handle("GET /queue", s.web(s.queuePage))
	s.mux.Handle("GET /export/tickets.csv", s.web(s.webExport(ExportCSV)))
	s.mux.Handle("GET /export/tickets.jsonl", s.web(s.webExport(ExportJSONL)))
	s.mux.Handle("GET /export/incidents.json", s.web(s.webExport(ExportIncident)))
	s.mux.Handle("GET /tickets/{id}", s.web(s.ticketPage))
	s.mux.Handle("POST /tickets/bulk", s.web(s.ticketsBulk))
	// GET /tickets/bulk would reach GET /tickets/{id}: the path is the bulk
	// form's, which takes POST only.
	s.mux.Handle("GET /tickets/bulk", s.web(func(w http.ResponseWriter, r *http.Request, _ *Principal, _ *session) error {
		w.Header().Set("Allow", http.MethodPost)
		return precwatch.Errorf(precwatch.EMETHOD, "%s takes POST, not %s", r.URL.Path, r.Method)
	}))
	s.mux.Handle("POST /tickets/{id}/status", s.web(s.ticketStatus))
	s.mux.Handle("POST /tickets/{id}/assign", s.web(s.ticketAssign))
	s.mux.Handle("POST /tickets/{id}/note", s.web(s.ticketNote))
	s.mux.Handle("GET /targets", s.web(s.targetsPage))
	s.mux.Handle("GET /targets/edit", s.web(s.targetEditPage))
	s.mux.Handle("POST /targets/edit", s.web(s.targetEdit))
	s.mux.Handle("POST /targets/{name}/delete", s.web(s.targetDelete))
	s.mux.Handle("POST /targets/{name}/run", s.web(s.targetRun))
	s.mux.Handle("GET /runs", s.web(s.runsPage))
	s.mux.HandleFunc("GET /evidence/{hash}", s.evidence)
}

// web authenticates a UI request by its session cookie (redirecting to the
// sign-in page without one) and checks the CSRF token of every POST.
func (s *Server) web(h webHandler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p, sess, err := s.sessionPrincipal(r)
		if err != nil {
			if precwatch.ErrorCode(err) == precwatch.EUNAUTHORIZED {
				if r.Method == http.MethodGet {
					http.Redirect(w, r, "/login?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
					return
				}
			}
			s.renderError(w, r, nil, "", err)
			return
		}
		setRole(r, p)
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			if err := checkCSRF(r, sess.csrf); err != nil {
				s.renderError(w, r, p, sess.csrf, err)
				return
			}
		}
		if err := h(w, r, p, sess); err != nil {
			if precwatch.ErrorCode(err) == precwatch.EINTERNAL {
				s.log.Error("web", "method", r.Method, "path", r.URL.Path, "err", err)
			}
			s.logRefusal(r, p, err)
			s.renderError(w, r, p, sess.csrf, err)
		}
	})
}

// checkCSRF checks a state-changing form: the session-bound token in the
// form and, when the browser sends one, a same-origin Origin header.
func checkCSRF(r *http.Request, want string) error {
	if o := r.Header.Get("Origin"); o != "" && o != "null" {
		u, err := url.Parse(o)
		if err != nil || u.Host != r.Host {
			return forbidden("cross-origin request refused")
		}
	}
	r.Body = http.MaxBytesReader(nil, r.Body, maxBody)
	if err := r.ParseForm(); err != nil {
		return precwatch.Errorf(precwatch.EINVALID, "form: %v", err)
	}
	if !sameSecret(r.PostForm.Get(csrfField), want) {
		return forbidden("missing or invalid CSRF token; reload the page and try again")
	}
	return nil
}

// sessionPrincipal returns the signed-in principal of r.
func (s *Server) sessionPrincipal(r *http.Request) (*Principal, *session, error) {
	c, err := r.Cookie(sessionCookie)
	if err != nil {
		return nil, nil, precwatch.Errorf(precwatch.EUNAUTHORIZED, "not signed in")
	}
	sess, ok := s.sessions.get(c.Value)
	if !ok {
		return nil, nil, precwatch.Errorf(precwatch.EUNAUTHORIZED, "session expired; sign in again")
	}
	p, err := s.opts.Auth.Authenticate(r.Context(), sess.token)
	if err != nil {
		if precwatch.ErrorCode(err) != precwatch.EINTERNAL {
			s.sessions.delete(sess.id)
			return nil, nil, precwatch.Errorf(precwatch.EUNAUTHORIZED, "token revoked; sign in again")
		}
		return nil, nil, err
	}
	return p, sess, nil
}

func (s *Server) render(w http.ResponseWriter, status int, name string, pg *page) {
	var buf bytes.Buffer
	if err := s.ui.Render(&buf, name, pg); err != nil {
		s.log.Error("render", "template", name, "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

func (s *Server) renderError(w http.ResponseWriter, r *http.Request, p *Principal, csrf string, err error) {
	code := precwatch.ErrorCode(err)
	s.render(w, httpStatus(code), "error", &page{Title: "Error", User: p, CSRF: csrf,
		Error: precwatch.ErrorMessage(err), Data: code})
}

// --- sign-in ---

func (s *Server) loginForm(w http.ResponseWriter, r *http.Request) {
	tok := randomID(32)
	setCookie(w, r, loginCSRFCookie, tok, 3600)
	s.render(w, http.StatusOK, "login", &page{Title: "Sign in", CSRF: tok, Data: safeNext(r.URL.Query().Get("next"))})
}

// safeNext keeps a post-login redirect on this site: a path, and nothing a
// browser could read as another site. Browsers drop tabs and newlines from
// a Location and read a backslash as a slash, so "/\t/evil.example" and
// "/\\evil.example" both mean //evil.example: any control character or
// backslash is refused, as is anything with a scheme, a host or a leading
// "//".
func safeNext(next string) string {
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.ContainsRune(next, '\\') ||
		strings.ContainsFunc(next, unicode.IsControl) {
		return "/"
	}
	if u, err := url.Parse(next); err != nil || u.Scheme != "" || u.Host != "" || u.User != nil || strings.HasPrefix(u.Path, "//") {
		return "/"
	}
	return next
}

func (s *Server) login(w http.ResponseWriter, r *http.Request) {
	c, _ := r.Cookie(loginCSRFCookie)
	if c == nil {
		c = &http.Cookie{}
	}
	if err := checkCSRF(r, c.Value); err != nil {
		s.renderError(w, r, nil, "", err)
		return
	}
	token := strings.TrimSpace(r.PostForm.Get("token"))
	next := safeNext(r.PostForm.Get("next"))
	p, err := s.opts.Auth.Authenticate(r.Context(), token)
	if err != nil {
		if precwatch.ErrorCode(err) == precwatch.EINTERNAL {
			s.renderError(w, r, nil, "", err)
			return
		}
		tok := randomID(32)
		setCookie(w, r, loginCSRFCookie, tok, 3600)
		s.render(w, http.StatusUnauthorized, "login", &page{Title: "Sign in", CSRF: tok, Error: "That token is not valid.", Data: next})
		return
	}
	setRole(r, p)
	s.recordUse(r, p)
	sess := s.sessions.create(token)
	setCookie(w, r, loginCSRFCookie, "", -1)
	setCookie(w, r, sessionCookie, sess.id, 0)
	http.Redirect(w, r, next, http.StatusSeeOther)
}

func (s *Server) logout(w http.ResponseWriter, r *http.Request, p *Principal, sess *session) error {
	s.sessions.delete(sess.id)
	setCookie(w, r, sessionCookie, "", -1)
	http.Redirect(w, r, "/login", http.StatusSeeOther)
	return nil
}

// --- search ---

type facetView struct {
	Field string
	Terms []facetTermView
}

type facetTermView struct {
	Term, Href string
	Count      int
	Active     bool
}

type hitView struct {
	SearchHit
	TitleSegs []Segment
	DescSegs  [][]Segment
	TicketID  int64  // the listing's ticket, 0 for none
	Evidence  string // its evidence snapshot, when a ticket cites it
}

// ListingTickets is implemented by a Tickets store that finds a listing's
// ticket: the search page links each hit to its ticket and evidence.
type ListingTickets interface {
	// ListingTicket returns the id of the listing's ticket and the
	// listing's current evidence hash, 0 and "" for none.
	ListingTicket(ctx context.Context, platform, listingID string) (int64, string, error)
}

// hitLinks returns the ticket and evidence of a hit p may see (0, "" for
// none).
func (s *Server) hitLinks(ctx context.Context, p *Principal, h SearchHit) (int64, string, error) {
	lt, ok := s.opts.Tickets.(ListingTickets)
	if !ok || !p.Sees(h.Platform) {
		return 0, "", nil
	}
	return lt.ListingTicket(ctx, h.Platform, h.ListingID)
}

// searchHitView is a hit as the search page shows it: the matched spans
// the stored match gives (substance hits, CAS numbers, obfuscated names,
// indicators) and the query's terms marked on the escaped text, and links
// to its ticket and evidence when p may see them.
func (s *Server) searchHitView(ctx context.Context, p *Principal, h SearchHit) (hitView, error) {
	hv := hitView{SearchHit: h}
	stored, err := s.opts.Tickets.Listing(ctx, h.Platform, h.ListingID)
	if err != nil && precwatch.ErrorCode(err) != precwatch.ENOTFOUND {
		return hv, err
	}
	if hv.TicketID, hv.Evidence, err = s.hitLinks(ctx, p, h); err != nil {
		return hv, err
	}
	var spans map[string][]span
	if stored != nil {
		spans = matchSpans(stored)
	}
	tspans := querySpans(h.Title, h.Fragments["title"])
	if stored != nil && stored.Listing.Title == h.Title {
		tspans = append(tspans, spans[precwatch.FieldTitle]...)
	}
	switch {
	case len(tspans) > 0:
		hv.TitleSegs = markSpans(h.Title, tspans)
	case len(h.Fragments["title"]) > 0:
		hv.TitleSegs = fragmentSegments(h.Fragments["title"][0])
	default:
		hv.TitleSegs = []Segment{{Text: h.Title}}
	}
	if stored != nil {
		desc := stored.Listing.Description
		dspans := append(querySpans(desc, h.Fragments["description"]), spans[precwatch.FieldDescription]...)
		if len(dspans) > 0 {
			hv.DescSegs = excerpts(desc, dspans, 90, 3)
			return hv, nil
		}
	}
	for _, f := range h.Fragments["description"] {
		hv.DescSegs = append(hv.DescSegs, fragmentSegments(f))
	}
	return hv, nil
}

type searchView struct {
	Q       string
	Results *SearchResults
	Hits    []hitView
	Facets  []facetView
	Filters []facetTermView // active filters, with links that remove them
	Page    int
	Pages   int
	Prev    string
	Next    string
	Export  string
	Sort    string
	// Exact is the link that counts the facets exactly (when they are
	// estimates).
	Exact string
}

func (s *Server) searchPage(w http.ResponseWriter, r *http.Request, p *Principal, sess *session) error {
	v := r.URL.Query()
	q, pg, err := searchQuery(v, p, 100)
	if err != nil {
		return err
	}
	if err := s.targetsInScope(r.Context(), p, q.Filters["target"]); err != nil {
		return err
	}
	if q.Size == 0 { // the page always shows hits
		q.Size, q.Offset, pg = 20, 0, 1
	}
	q.FacetSize = 8
	res, err := s.search(r.Context(), q)
	if err != nil {
		return err
	}
	view := &searchView{Q: q.Query, Results: res, Page: pg, Sort: q.Sort}
	for _, h := range res.Hits {
		hv, err := s.searchHitView(r.Context(), p, h)
		if err != nil {
			return err
		}
		view.Hits = append(view.Hits, hv)
	}
	with := func(mod func(url.Values)) string {
		c := url.Values{}
		for k, vs := range v {
			c[k] = append([]string(nil), vs...)
		}
		c.Del("page")
		mod(c)
		return "/search?" + c.Encode()
	}
	for _, f := range []string{"platform", "substance", "list", "indicator", "seller", "location"} {
		terms := res.Facets[f]
		if len(terms) == 0 {
			continue
		}
		fv := facetView{Field: f}
		for _, t := range terms {
			active := contains(v[f], t.Term)
			term := t.Term
			fv.Terms = append(fv.Terms, facetTermView{Term: term, Count: t.Count, Active: active, Href: with(func(c url.Values) {
				if active {
					c[f] = remove(c[f], term)
				} else {
					c.Add(f, term)
				}
			})})
		}
		view.Facets = append(view.Facets, fv)
	}
	for _, f := range searchFilterFields {
		for _, val := range v[f] {
			val := val
			view.Filters = append(view.Filters, facetTermView{Term: f + ": " + val, Href: with(func(c url.Values) { c[f] = remove(c[f], val) })})
		}
	}
	view.Pages = int((res.Total + uint64(q.Size) - 1) / uint64(q.Size))
	if view.Pages > 10000 {
		view.Pages = 10000
	}
	pageURL := func(n int) string {
		c := url.Values{}
		for k, vs := range v {
			c[k] = vs
		}
		c.Set("page", strconv.Itoa(n))
		return "/search?" + c.Encode()
	}
	if pg > 1 {
		view.Prev = pageURL(pg - 1)
	}
	if pg < view.Pages {
		view.Next = pageURL(pg + 1)
	}
	ex := url.Values{}
	for k, vs := range v {
		ex[k] = vs
	}
	ex.Del("page")
	view.Export = "/search/export.csv?" + ex.Encode()
	if res.Approximate {
		view.Exact = with(func(c url.Values) { c.Set("exact_facets", "true") })
	}
	s.render(w, http.StatusOK, "search", &page{Title: "Search", User: p, CSRF: sess.csrf, Nav: "search", Data: view})
	return nil
}

func contains(vs []string, s string) bool {
	for _, v := range vs {
		if v == s {
			return true
		}
	}
	return false
}

func remove(vs []string, s string) []string {
	var out []string
	for _, v := range vs {
		if v != s {
			out = append(out, v)
		}
	}
	return out
}

// searchExport writes every hit of a search as CSV (the UI's Export CSV).
func (s *Server) searchExport(w http.ResponseWriter, r *http.Request, p *Principal, _ *session) error {
	v := r.URL.Query()
	for _, k := range []string{"page", "size", "limit", "offset", "facets", "highlight", "exact_facets"} {
		v.Del(k)
	}
	return s.exportSearch(w, r, p, v, ExportCSV)
}

// --- review queue ---

type queueView struct {
	Filter   TicketFilter
	Tickets  []precwatch.Ticket
	Total    int
	Statuses []string
	Prev     string
	Next     string
	Query    string
	MinScore string
	// Platforms are the choices of the platform filter (the caller's
	// scope, or every known platform), Platform the one asked for.
	Platforms []string
	Platform  string
	Assignee  string
	// Period is the reporting period as asked (flagged_from, …).
	Period map[string]string
	// CanReview shows the bulk action form: a checkbox on every row,
	// checked on all of them with select=all (no script needed).
	CanReview bool
	SelectAll bool
	// Back is the page's query, for the bulk form to come back to;
	// SelectAllURL and SelectNone are the page with every box checked and
	// with none.
	Back, SelectAllURL, SelectNone string
}

var statuses = []string{precwatch.StatusOpen, precwatch.StatusInReview, precwatch.StatusConfirmed, precwatch.StatusDismissed, precwatch.StatusEscalated}

func (s *Server) queuePage(w http.ResponseWriter, r *http.Request, p *Principal, sess *session) error {
	v := r.URL.Query()
	f, err := s.ticketFilter(r.Context(), v, p)
	if err != nil {
		return err
	}
	f.Limit = 50
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
	view := &queueView{Filter: f, Tickets: ts, Total: total, Statuses: statuses, MinScore: v.Get("min_score"),
		Platform: v.Get("platform"), Assignee: v.Get("assignee"), Period: map[string]string{}}
	if view.Platform != "" && len(f.Platforms) == 1 {
		view.Platform = f.Platforms[0] // as the listings spell it
	}
	for _, k := range []string{"flagged_from", "flagged_to"} {
		view.Period[k] = v.Get(k)
	}
	if view.Platforms = p.Scope(); view.Platforms == nil {
		if view.Platforms, err = s.opts.Tickets.KnownPlatforms(r.Context()); err != nil {
			return err
		}
	}
	if len(view.Platforms) < 2 {
		view.Platforms = nil // a single platform is no choice
	}
	view.CanReview, view.SelectAll = canReview(p) == nil, v.Get("select") == "all"
	c := url.Values{}
	for k, vs := range v {
		c[k] = vs
	}
	for _, k := range []string{"select", "done", "n"} {
		c.Del(k) // the page's state, not the queue's filters
	}
	view.Back = c.Encode()
	view.SelectNone = "/queue?" + view.Back
	c.Set("select", "all")
	view.SelectAllURL = "/queue?" + c.Encode()
	c.Del("select")
	c.Del("offset")
	view.Query = c.Encode()
	if f.Offset > 0 {
		c.Set("offset", strconv.Itoa(max(0, f.Offset-f.Limit)))
		view.Prev = "/queue?" + c.Encode()
	}
	if f.Offset+f.Limit < total {
		c.Set("offset", strconv.Itoa(f.Offset+f.Limit))
		view.Next = "/queue?" + c.Encode()
	}
	flash := ""
	if n, err := strconv.Atoi(v.Get("n")); err == nil && n >= 0 {
		switch v.Get("done") {
		case "bulk-status":
			flash = "Changed the status of " + ticketCount(n) + "."
		case "bulk-assign":
			flash = "Assigned " + ticketCount(n) + "."
		}
	}
	s.render(w, http.StatusOK, "queue", &page{Title: "Review queue", User: p, CSRF: sess.csrf, Nav: "queue", Flash: flash, Data: view})
	return nil
}

func (s *Server) webExport(format string) webHandler {
	return func(w http.ResponseWriter, r *http.Request, p *Principal, _ *session) error {
		f, err := s.ticketFilter(r.Context(), r.URL.Query(), p)
		if err != nil {
			return err
		}
		return s.export(w, r, format, f)
	}
}

// ticketCount spells n tickets: "1 ticket", "3 tickets".
func ticketCount(n int) string {
	if n == 1 {
		return "1 ticket"
	}
	return strconv.Itoa(n) + " tickets"
}

// ticketsBulk is the queue's bulk form: the checked tickets (id) change
// status (action=status, with a reason; each row sends the status it
// showed as from.ID, so a ticket changed meanwhile is a conflict) or are
// assigned (action=assign), all in one transaction or not at all.
func (s *Server) ticketsBulk(w http.ResponseWriter, r *http.Request, p *Principal, _ *session) error {
	if err := canReview(p); err != nil {
		return err
	}
	f := r.PostForm
	if len(f["id"]) > MaxBulk {
		return precwatch.Errorf(precwatch.EINVALID, "%d tickets checked: at most %d at once", len(f["id"]), MaxBulk)
	}
	var c BulkChange
	for _, v := range f["id"] {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil || id <= 0 {
			return precwatch.Errorf(precwatch.EINVALID, "ticket id %q is not a positive number", v)
		}
		c.IDs = append(c.IDs, id)
	}
	if len(c.IDs) == 0 {
		return precwatch.Errorf(precwatch.EINVALID, "no ticket checked: check the tickets to change first")
	}
	action := f.Get("action")
	switch action {
	case "status":
		c.Status, c.Reason = strings.TrimSpace(f.Get("status")), f.Get("reason")
		if c.Status == "" {
			return precwatch.Errorf(precwatch.EINVALID, "choose the new status")
		}
		c.From = map[int64]string{}
		for _, id := range c.IDs {
			if from := f.Get("from." + strconv.FormatInt(id, 10)); from != "" {
				c.From[id] = from
			}
		}
	case "assign":
		c.Assign, c.Assignee, c.Reason = true, f.Get("assignee"), f.Get("reason")
	default:
		return precwatch.Errorf(precwatch.EINVALID, "action %q: want status or assign", action)
	}
	ts, err := s.bulk(r.Context(), c, p)
	if err != nil {
		return err
	}
	back, err := url.ParseQuery(f.Get("back"))
	if err != nil {
		back = url.Values{}
	}
	back.Set("done", "bulk-"+action)
	back.Set("n", strconv.Itoa(len(ts)))
	http.Redirect(w, r, "/queue?"+back.Encode(), http.StatusSeeOther)
	return nil
}

// --- ticket ---

type fieldView struct {
	Name string
	Segs []Segment
}

type ticketView struct {
	*TicketDetail
	// Edited is the listing as it is now when it was edited into
	// something not suspicious after it was flagged; the page then shows
	// the flagged version (Listing, Match) the ticket is about.
	Edited    *precwatch.Listing
	Fields    []fieldView
	CanReview bool
	Flash     string
}

func (s *Server) ticketPage(w http.ResponseWriter, r *http.Request, p *Principal, sess *session) error {
	t, err := s.ticket(r, p)
	if err != nil {
		return err
	}
	d, err := s.ticketDetail(r.Context(), t, p)
	if err != nil {
		return err
	}
	view := &ticketView{TicketDetail: d, CanReview: canReview(p) == nil}
	if d.Flagged != nil {
		view.Edited = d.Listing
		d.Listing, d.Match = &d.Flagged.Listing, &d.Flagged.Match
	}
	if d.Listing != nil {
		spans := map[string][]span{}
		for _, sub := range d.Match.Substances {
			if sub.Negated {
				continue
			}
			for _, h := range sub.Hits {
				spans[h.Field] = append(spans[h.Field], span{h.Start, h.End, sub.Name + " (" + h.Kind + ")"})
			}
		}
		l := d.Listing
		for _, f := range []struct{ name, text string }{
			{precwatch.FieldTitle, l.Title}, {precwatch.FieldDescription, l.Description}, {precwatch.FieldPrice, l.Price},
			{precwatch.FieldSeller, l.Seller}, {precwatch.FieldLocation, l.Location},
		} {
			if f.text != "" {
				view.Fields = append(view.Fields, fieldView{Name: f.name, Segs: markSpans(f.text, spans[f.name])})
			}
		}
		for _, k := range sortedKeys(l.Attributes) {
			view.Fields = append(view.Fields, fieldView{Name: k, Segs: []Segment{{Text: l.Attributes[k]}}})
		}
	}
	flash := r.URL.Query().Get("done")
	switch flash {
	case "status", "assign", "note":
		flash = map[string]string{"status": "Status changed.", "assign": "Assignment saved.", "note": "Note added."}[flash]
	default:
		flash = ""
	}
	s.render(w, http.StatusOK, "ticket", &page{Title: fmt.Sprintf("Ticket %d", t.ID), User: p, CSRF: sess.csrf, Nav: "queue", Flash: flash, Data: view})
	return nil
}

func (s *Server) ticketAction(act func(ctx context.Context, id int64, p *Principal, form url.Values) error, done string) webHandler {
	return func(w http.ResponseWriter, r *http.Request, p *Principal, _ *session) error {
		t, err := s.writableTicket(r, p)
		if err != nil {
			return err
		}
		if err := act(r.Context(), t.ID, p, r.PostForm); err != nil {
			return err
		}
		http.Redirect(w, r, fmt.Sprintf("/tickets/%d?done=%s", t.ID, done), http.StatusSeeOther)
		return nil
	}
}

func (s *Server) ticketStatus(w http.ResponseWriter, r *http.Request, p *Principal, sess *session) error {
	return s.ticketAction(func(ctx context.Context, id int64, p *Principal, f url.Values) error {
		// The form sends the status it showed: a change made meanwhile by
		// another reviewer is a conflict, not silently undone.
		return s.setStatus(ctx, &precwatch.Ticket{ID: id}, f.Get("from"), f.Get("status"), p.Actor(), f.Get("reason"))
	}, "status")(w, r, p, sess)
}

func (s *Server) ticketAssign(w http.ResponseWriter, r *http.Request, p *Principal, sess *session) error {
	return s.ticketAction(func(ctx context.Context, id int64, p *Principal, f url.Values) error {
		if len(f.Get("assignee")) > 200 {
			return precwatch.Errorf(precwatch.EINVALID, "assignee is longer than 200 bytes")
		}
		return s.opts.Tickets.Assign(ctx, id, f.Get("assignee"), p.Actor())
	}, "assign")(w, r, p, sess)
}

func (s *Server) ticketNote(w http.ResponseWriter, r *http.Request, p *Principal, sess *session) error {
	return s.ticketAction(func(ctx context.Context, id int64, p *Principal, f url.Values) error {
		return s.opts.Tickets.AddNote(ctx, id, p.Actor(), f.Get("note"))
	}, "note")(w, r, p, sess)
}

// --- targets ---

type targetsView struct {
	Targets  []TargetInfo
	CanWrite bool
}

func (s *Server) targetsPage(w http.ResponseWriter, r *http.Request, p *Principal, sess *session) error {
	if err := canReadTargets(p); err != nil {
		return err
	}
	ts, err := s.opts.Targets.Targets(r.Context(), p.Scope())
	if err != nil {
		return err
	}
	view := &targetsView{Targets: redactInfos(ts), CanWrite: p.Role == precwatch.RoleAdmin || p.Role == precwatch.RolePartner}
	flash := map[string]string{"saved": "Target saved; it is scheduled now.", "deleted": "Target deleted.", "started": "Crawl started."}[r.URL.Query().Get("done")]
	s.render(w, http.StatusOK, "targets", &page{Title: "Targets", User: p, CSRF: sess.csrf, Nav: "targets", Flash: flash, Data: view})
	return nil
}

type targetEditView struct {
	Name     string // empty for a new target
	YAML     string
	Source   string
	Report   *TestReport
	Problems string
	CanWrite bool
}

// targetYAML renders t as the YAML a partner edits.
func targetYAML(t precwatch.Target) string {
	b, err := yaml.Marshal(t)
	if err != nil {
		return ""
	}
	return string(b)
}

func (s *Server) targetEditPage(w http.ResponseWriter, r *http.Request, p *Principal, sess *session) error {
	if err := canReadTargets(p); err != nil {
		return err
	}
	view := &targetEditView{CanWrite: p.Role == precwatch.RoleAdmin || p.Role == precwatch.RolePartner}
	if name := r.URL.Query().Get("name"); name != "" {
		ti, err := s.opts.Targets.Target(r.Context(), name)
		if err != nil {
			return err
		}
		if !p.Sees(ti.Target.Platform) {
			return hiddenTarget(name)
		}
		view.Name, view.Source, view.YAML = name, ti.Source, targetYAML(redactTarget(ti.Target))
		view.CanWrite = view.CanWrite && ti.Source == SourceAPI
	} else {
		if !view.CanWrite {
			return forbidden("role %s may not create targets", p.Role)
		}
		t := s.opts.DefaultTarget()
		t.Name, t.Platform, t.Schedule = "new-target", p.Platform, "@every 6h"
		if t.Platform == "" {
			t.Platform = "Platform"
		}
		t.StartURLs = []string{"https://marketplace.example/catalog?page=1"}
		t.Follow, t.NextPage = []string{"a.product-link"}, []string{"a.next"}
		t.Listing.Item = "div.product"
		t.Listing.Fields = map[string]string{"id": "@data-id", "title": "h1", "description": ".description", "price": ".price", "seller": ".seller"}
		view.YAML = targetYAML(t)
	}
	s.render(w, http.StatusOK, "target", &page{Title: "Edit target", User: p, CSRF: sess.csrf, Nav: "targets", Data: view})
	return nil
}

// parseTargetYAML decodes a target over the defaults and checks it as
// `precwatch config check` does, every problem at once.
func (s *Server) parseTargetYAML(src string) (precwatch.Target, error) {
	if strings.TrimSpace(src) == "" {
		return precwatch.Target{}, precwatch.Errorf(precwatch.EINVALID, "the target is empty")
	}
	return s.opts.ParseTarget([]byte(src), "yaml", "")
}

// targetEdit handles the edit form's two buttons: test (fetch a few pages
// and show the listings) and save.
func (s *Server) targetEdit(w http.ResponseWriter, r *http.Request, p *Principal, sess *session) error {
	src := r.PostForm.Get("yaml")
	name := r.PostForm.Get("name")
	view := &targetEditView{Name: name, YAML: src, Source: SourceAPI, CanWrite: true}
	pg := &page{Title: "Edit target", User: p, CSRF: sess.csrf, Nav: "targets", Data: view}
	t, err := s.parseTargetYAML(src)
	if err == nil && name != "" && t.Name != name {
		err = precwatch.Errorf(precwatch.EINVALID, "the name cannot change (%q → %q); create a new target instead", name, t.Name)
	}
	if err == nil {
		switch r.PostForm.Get("action") {
		case "test":
			view.Report, err = s.testTarget(r.Context(), p, &t)
			if err == nil {
				pg.Flash = fmt.Sprintf("Test fetched %d page(s) and extracted %d listing(s); nothing was saved.", len(view.Report.Pages), len(view.Report.Listings))
			}
		case "save":
			if err = s.saveTarget(r.Context(), p, &t, name == ""); err == nil {
				http.Redirect(w, r, "/targets?done=saved", http.StatusSeeOther)
				return nil
			}
		default:
			err = precwatch.Errorf(precwatch.EINVALID, "unknown action")
		}
	}
	if err != nil {
		if c := precwatch.ErrorCode(err); c == precwatch.EFORBIDDEN || c == precwatch.EINTERNAL {
			return err
		}
		pg.Error = precwatch.ErrorMessage(err)
		s.render(w, httpStatus(precwatch.ErrorCode(err)), "target", pg)
		return nil
	}
	s.render(w, http.StatusOK, "target", pg)
	return nil
}

func (s *Server) targetDelete(w http.ResponseWriter, r *http.Request, p *Principal, _ *session) error {
	ti, err := s.writableTarget(r, p)
	if err != nil {
		return err
	}
	if err := s.opts.Targets.DeleteTarget(r.Context(), ti.Target.Name); err != nil {
		return err
	}
	http.Redirect(w, r, "/targets?done=deleted", http.StatusSeeOther)
	return nil
}

func (s *Server) targetRun(w http.ResponseWriter, r *http.Request, p *Principal, _ *session) error {
	ti, err := s.writableTarget(r, p)
	if err != nil {
		return err
	}
	if err := s.opts.Crawls.RunNow(r.Context(), ti.Target.Name); err != nil {
		return err
	}
	http.Redirect(w, r, "/runs?done=started", http.StatusSeeOther)
	return nil
}

// --- crawl status ---

type runsView struct {
	Targets  []TargetInfo
	Runs     []Run
	CanWrite bool
}

func (s *Server) runsPage(w http.ResponseWriter, r *http.Request, p *Principal, sess *session) error {
	if err := s.targetsInScope(r.Context(), p, []string{targetParam(r.URL.Query())}); err != nil {
		return err
	}
	runs, err := s.runs(r.Context(), p, targetParam(r.URL.Query()), 100)
	if err != nil {
		return err
	}
	view := &runsView{Runs: runs, CanWrite: p.Role == precwatch.RoleAdmin || p.Role == precwatch.RolePartner}
	if canReadTargets(p) == nil {
		if view.Targets, err = s.opts.Targets.Targets(r.Context(), p.Scope()); err != nil {
			return err
		}
		view.Targets = redactInfos(view.Targets)
	}
	flash := ""
	if r.URL.Query().Get("done") == "started" {
		flash = "Crawl started."
	}
	s.render(w, http.StatusOK, "runs", &page{Title: "Crawl status", User: p, CSRF: sess.csrf, Nav: "runs", Flash: flash, Data: view})
	return nil
}

// --- evidence ---

// evidence serves a stored snapshot, to a bearer token or a session, if
// the caller may see a ticket whose evidence it is. The page is never
// executed: CSP sandbox without allow-scripts, nothing loaded from
// anywhere, nosniff, and HTML only when it was HTML.
func (s *Server) evidence(w http.ResponseWriter, r *http.Request) {
	p, err := s.bearer(r)
	if r.Header.Get("Authorization") == "" {
		p, _, err = s.sessionPrincipal(r)
	}
	if err != nil {
		writeError(w, err)
		return
	}
	setRole(r, p)
	hash := strings.ToLower(r.PathValue("hash"))
	// The scope first: evidence only another platform's tickets cite is
	// 403, whether or not the snapshot is still stored; a hash no ticket
	// cites is 404.
	plats, err := s.opts.Evidence.Platforms(r.Context(), hash, p.Scope())
	if err != nil {
		writeError(w, err)
		return
	}
	if len(plats) == 0 {
		if p.Scope() != nil {
			if all, aerr := s.opts.Evidence.Platforms(r.Context(), hash, nil); aerr == nil && len(all) > 0 {
				err := scopeRefused(fmt.Sprintf("evidence %s is outside your platform", hash))
				s.logRefusal(r, p, err)
				writeError(w, err)
				return
			}
		}
		writeError(w, precwatch.Errorf(precwatch.ENOTFOUND, "no ticket has evidence %s", hash))
		return
	}
	snap, err := s.opts.Evidence.Snapshot(r.Context(), hash)
	if err != nil {
		writeError(w, err)
		return
	}
	ct := "text/plain; charset=utf-8"
	ext := "txt"
	if orig := snap.Header.Get("Content-Type"); r.URL.Query().Get("format") != "text" {
		if mt, params, err := mime.ParseMediaType(orig); err == nil && (mt == "text/html" || mt == "application/xhtml+xml") {
			ct, ext = "text/html", "html"
			if cs := params["charset"]; cs != "" && !strings.ContainsAny(cs, "\";, ") {
				ct += "; charset=" + cs
			}
		} else if err == nil && params["charset"] != "" && !strings.ContainsAny(params["charset"], "\";, ") {
			ct = "text/plain; charset=" + params["charset"]
		}
	}
	h := w.Header()
	h.Set("Content-Security-Policy", "sandbox; default-src 'none'; img-src 'none'; style-src 'unsafe-inline'; form-action 'none'; frame-ancestors 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Type", ct)
	h.Set("Content-Disposition", fmt.Sprintf(`inline; filename="evidence-%s.%s"`, hash, ext))
	h.Set("Cache-Control", "private, no-store")
	h.Set("X-Evidence-URL", sanitizeHeader(snap.URL))
	h.Set("X-Evidence-Fetched-At", snap.FetchedAt.UTC().Format(time.RFC3339))
	w.Write(snap.Body)
}

func sanitizeHeader(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return -1
		}
		return r
	}, s)
}
