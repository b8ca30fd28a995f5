// Package server is precwatch's HTTP face: the JSON API under /api/v1 for
// platforms, partners and regulators, the web UI (templates and assets in
// package ui), the evidence viewer, health and Prometheus metrics.
//
// It sees root types and the small interfaces declared in backend.go only;
// the command wires the ticket store, the index, the crawler and the
// scheduler behind them. Every request is authenticated (a bearer token for
// the API, a server-side session for the UI) and authorized against the
// caller's role and platform before anything is read or written.
package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/precwatch/precwatch"
	"github.com/precwatch/precwatch/server/ui"
)

// Options configure a Server. Every backend is required.
type Options struct {
	Auth      Authenticator
	Tickets   Tickets
	Search    Searcher
	Targets   Targets
	Crawls    Crawls
	Watchlist Watchlist
	Evidence  Evidence
	// ValidateTarget completes the defaults of a target made through the API
	// and checks it by the configuration rules (config.ValidateTarget).
	ValidateTarget func(*precwatch.Target) error
	// DefaultTarget returns a target with every default filled in
	// (config.DefaultTarget).
	DefaultTarget func() precwatch.Target
	// ParseTarget reads a target sent to the API or the UI, written as
	// JSON (format "json") or as the configuration writes one ("yaml"),
	// over the defaults, and checks it as `precwatch config check` checks
	// a configuration file's target; name, if not empty, is the name of a
	// target whose body gives none. It returns every problem at once, as a
	// *FieldsError whose fields are paths in the body
	// ("listing.fields.titel"), with the name and platform the body gives.
	ParseTarget func(src []byte, format, name string) (precwatch.Target, error)
	Logger      *slog.Logger
	// SessionTTL is how long an idle web session lives (default 12h).
	SessionTTL time.Duration
	// SearchCacheTTL is how long search results, facets and ticket counts
	// are reused (default 5s; negative: not reused, though identical
	// concurrent reads still run once). Ticket pages are never cached.
	SearchCacheTTL time.Duration
	// TestPages bounds the pages a target test fetches (default 3).
	TestPages int
	// TestTimeout bounds the time a target test takes (default 60s); a
	// test cut short reports the pages it fetched and why it stopped.
	TestTimeout time.Duration
	Now         func() time.Time
}

// Server serves the API, the web UI, evidence, health and metrics. It is
// safe for concurrent use.
type Server struct {
	opts     Options
	log      *slog.Logger
	mux      *http.ServeMux
	routes   []route
	metrics  *Metrics
	ui       *ui.UI
	sessions *sessions
	cache    *flightCache[*SearchResults]
	counts   *flightCache[int]
	handler  http.Handler
}

// New returns a Server over the given backends.
func New(opts Options) (*Server, error) {
	if opts.Auth == nil || opts.Tickets == nil || opts.Search == nil || opts.Targets == nil || opts.Crawls == nil ||
		opts.Watchlist == nil || opts.Evidence == nil || opts.ValidateTarget == nil || opts.DefaultTarget == nil || opts.ParseTarget == nil {
		return nil, errors.New("server: every backend, ValidateTarget, DefaultTarget and ParseTarget are required")
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	if opts.SessionTTL <= 0 {
		opts.SessionTTL = 12 * time.Hour
	}
	if opts.SearchCacheTTL == 0 {
		opts.SearchCacheTTL = 5 * time.Second
	}
	if opts.TestPages <= 0 {
		opts.TestPages = 3
	}
	if opts.TestTimeout <= 0 {
		opts.TestTimeout = 60 * time.Second
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	u, err := ui.New()
	if err != nil {
		return nil, err
	}
	s := &Server{opts: opts, log: opts.Logger, mux: http.NewServeMux(), ui: u,
		sessions: newSessions(opts.SessionTTL, opts.Now), cache: newFlightCache[*SearchResults](opts.SearchCacheTTL),
		counts: newFlightCache[int](opts.SearchCacheTTL)}
	s.metrics = newMetrics(opts.Tickets)
	s.routes = s.apiRoutes()
	for _, r := range s.routes {
		s.mux.Handle(r.Method+" "+r.Pattern, s.api(r))
	}
	// Every API request needs a valid token (DESIGN.md: only /healthz and
	// /metrics do not), the API description and unknown routes included:
	// without one, a caller learns nothing, not even which routes exist.
	s.mux.Handle("GET /api/v1/openapi.json", s.api(route{handle: func(w http.ResponseWriter, r *http.Request, _ *Principal) error {
		s.handleOpenAPI(w, r)
		return nil
	}}))
	s.mux.Handle("/api/", s.api(route{anyParams: true, handle: func(w http.ResponseWriter, r *http.Request, _ *Principal) error {
		if err := s.methodNotAllowed(w, r); err != nil {
			return err
		}
		return precwatch.Errorf(precwatch.ENOTFOUND, "no API route %s %s", r.Method, r.URL.Path)
	}}))
	// A fixed path beside a {name} route (POST /api/v1/tickets/bulk beside
	// GET /api/v1/tickets/{id}, POST /api/v1/targets/test beside GET, PUT
	// and DELETE /api/v1/targets/{name}) is the fixed route's: another
	// method on it is 405 with Allow, not a lookup of a ticket "bulk" or a
	// target "test". The mux would give it to the {name} route, so each
	// such method is registered on the fixed path.
	for _, sh := range shadowed(s.routes) {
		s.mux.Handle(sh, s.api(route{anyParams: true, handle: func(w http.ResponseWriter, r *http.Request, _ *Principal) error {
			return s.methodNotAllowed(w, r)
		}}))
	}
	s.mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		// Healthy when the ticket store answers (precwatch_store_up in
		// /metrics says the same): a monitor sees a broken store.
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		ctx, cancel := context.WithTimeout(r.Context(), 3*time.Second)
		defer cancel()
		if _, err := s.opts.Tickets.TicketCounts(ctx); err != nil {
			s.log.Warn("healthz: ticket store unavailable", "err", err)
			w.WriteHeader(http.StatusServiceUnavailable)
			w.Write([]byte("store unavailable\n"))
			return
		}
		w.Write([]byte("ok\n"))
	})
	s.mux.Handle("GET /metrics", s.metrics)
	s.webRoutes()
	s.handler = s.accessLog(securityHeaders(s.mux))
	return s, nil
}

// ServeHTTP serves a request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

// Metrics returns the server's metrics, for the command to feed crawl and
// webhook outcomes into.
func (s *Server) Metrics() *Metrics { return s.metrics }

// route is one API route: the table the mux and the OpenAPI document are
// both built from.
type route struct {
	Method  string
	Pattern string // net/http pattern without the method, e.g. /api/v1/tickets/{id}
	Summary string
	Tag     string
	Params  []param // query parameters
	Body    string  // request body: "json", "yaml" or ""
	Produce string  // response type: "" (application/json) or a MIME type
	handle  func(w http.ResponseWriter, r *http.Request, p *Principal) error
	// anyParams skips the check of query parameters: the handlers that
	// answer 404 or 405 say so whatever the query string holds.
	anyParams bool
}

type param struct {
	Name, Type, Description string
}

// checkParams refuses (400 invalid) a query parameter the route does not
// take, naming it and the closest one it does: a misspelt filter
// (platfrom=, stauts=) must not silently widen an answer or an export.
func checkParams(v url.Values, params []param) error {
	var unknown []string
	for k := range v {
		if !slices.ContainsFunc(params, func(p param) bool { return p.Name == k }) {
			unknown = append(unknown, k)
		}
	}
	if len(unknown) == 0 {
		return nil
	}
	sort.Strings(unknown)
	k := unknown[0]
	if len(params) == 0 {
		return precwatch.Errorf(precwatch.EINVALID, "unknown query parameter %q: this route takes none", k)
	}
	best, bestD := "", 1<<30
	names := make([]string, len(params))
	for i, p := range params {
		names[i] = p.Name
		if d := editDistance(strings.ToLower(k), p.Name); d < bestD {
			best, bestD = p.Name, d
		}
	}
	hint := ""
	if bestD <= max(2, len(k)/3) {
		hint = fmt.Sprintf(" (did you mean %q?)", best)
	}
	return precwatch.Errorf(precwatch.EINVALID, "unknown query parameter %q%s; this route takes %s", k, hint, strings.Join(names, ", "))
}

// editDistance is the Damerau-Levenshtein (optimal string alignment)
// distance of a and b, in bytes.
func editDistance(a, b string) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(a)][len(b)]
}

type ctxKey int

const principalKey ctxKey = 0

// api wraps an API handler: bearer authentication, JSON errors.
func (s *Server) api(rt route) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p, err := s.bearer(r)
		if err != nil {
			w.Header().Set("WWW-Authenticate", `Bearer realm="precwatch"`)
			writeError(w, err)
			return
		}
		setRole(r, p)
		r = r.WithContext(context.WithValue(r.Context(), principalKey, p))
		sw := &statusWriter{ResponseWriter: w}
		if !rt.anyParams {
			err = checkParams(r.URL.Query(), rt.Params)
		}
		if err == nil {
			err = rt.handle(sw, r, p)
		}
		if err != nil {
			if precwatch.ErrorCode(err) == precwatch.EINTERNAL {
				s.log.Error("api", "method", r.Method, "path", r.URL.Path, "err", err)
			}
			s.logRefusal(r, p, err)
			writeError(sw, err)
		}
		if sw.status < http.StatusBadRequest {
			s.recordUse(r, p)
		}
	})
}

// recordUse tells the authenticator, when it keeps such a record, that p's
// token was used by a request that succeeded; a refused request leaves no
// trace.
func (s *Server) recordUse(r *http.Request, p *Principal) {
	u, ok := s.opts.Auth.(UsageRecorder)
	if !ok {
		return
	}
	if err := u.TokenUsed(r.Context(), p.TokenID); err != nil {
		s.log.Warn("record token use", "token", p.TokenID, "err", err)
	}
}

// bearer authenticates the request's Authorization header.
func (s *Server) bearer(r *http.Request) (*Principal, error) {
	// The scheme is case-insensitive (RFC 9110 11.1): "bearer" is Bearer.
	scheme, tok, ok := strings.Cut(strings.TrimSpace(r.Header.Get("Authorization")), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") || strings.TrimSpace(tok) == "" {
		return nil, precwatch.Errorf(precwatch.EUNAUTHORIZED, "missing bearer token")
	}
	p, err := s.opts.Auth.Authenticate(r.Context(), strings.TrimSpace(tok))
	if err != nil {
		if precwatch.ErrorCode(err) == precwatch.EINTERNAL {
			return nil, err
		}
		return nil, precwatch.Errorf(precwatch.EUNAUTHORIZED, "invalid token")
	}
	return p, nil
}

// allowed returns the methods of the API routes whose pattern matches path,
// the most specific patterns only: /api/v1/targets/test is POST's (the test
// of an unsaved target), not also GET, PUT and DELETE's of
// /api/v1/targets/{name}.
func (s *Server) allowed(path string) []string {
	all := slices.Concat(s.routes, []route{{Method: "GET", Pattern: "/api/v1/openapi.json"}})
	var matching []route
	for _, rt := range all {
		if patternMatches(rt.Pattern, path) {
			matching = append(matching, rt)
		}
	}
	var out []string
	seen := map[string]bool{}
	for _, rt := range matching {
		if seen[rt.Method] || slices.ContainsFunc(matching, func(o route) bool { return moreSpecific(o.Pattern, rt.Pattern) }) {
			continue
		}
		seen[rt.Method] = true
		out = append(out, rt.Method)
	}
	return out
}

// methodNotAllowed answers a request whose path has API routes, none of
// them for its method: 405 with Allow. It returns nil when the path has no
// route.
func (s *Server) methodNotAllowed(w http.ResponseWriter, r *http.Request) error {
	allow := s.allowed(r.URL.Path)
	if len(allow) == 0 || slices.Contains(allow, r.Method) {
		return nil
	}
	w.Header().Set("Allow", strings.Join(allow, ", "))
	return precwatch.Errorf(precwatch.EMETHOD, "%s takes %s, not %s", r.URL.Path, strings.Join(allow, ", "), r.Method)
}

// shadowed returns the mux patterns ("GET /api/v1/tickets/bulk") of the
// methods that a less specific route takes on a more specific route's path
// and the more specific one does not: without a pattern of their own, the
// mux would hand them to the less specific route.
func shadowed(routes []route) []string {
	has := map[string]bool{}
	for _, rt := range routes {
		has[rt.Method+" "+rt.Pattern] = true
	}
	var out []string
	for _, fixed := range routes {
		for _, wide := range routes {
			p := wide.Method + " " + fixed.Pattern
			if has[p] || !moreSpecific(fixed.Pattern, wide.Pattern) || !patternMatches(wide.Pattern, fixed.Pattern) {
				continue
			}
			has[p] = true
			out = append(out, p)
		}
	}
	return out
}

// moreSpecific reports whether route pattern a is more specific than b: as
// many segments, a literal segment in a wherever b has one, and at least
// one more. (Where both match a path, their literal segments are the same.)
func moreSpecific(a, b string) bool {
	as, bs := strings.Split(a, "/"), strings.Split(b, "/")
	if len(as) != len(bs) {
		return false
	}
	more := false
	for i := range as {
		aw, bw := strings.HasPrefix(as[i], "{"), strings.HasPrefix(bs[i], "{")
		switch {
		case aw && !bw:
			return false
		case !aw && bw:
			more = true
		}
	}
	return more
}

// fixedRoute reports whether path is the literal pattern of an API route
// (/api/v1/targets/test): a resource of that name could not be reached by
// its own URL.
func (s *Server) fixedRoute(path string) bool {
	return slices.ContainsFunc(s.routes, func(rt route) bool { return rt.Pattern == path })
}

// patternMatches reports whether path matches a route pattern, whose
// {name} segments match any one segment.
func patternMatches(pattern, path string) bool {
	ps, xs := strings.Split(pattern, "/"), strings.Split(path, "/")
	if len(ps) != len(xs) {
		return false
	}
	for i := range ps {
		if !(strings.HasPrefix(ps[i], "{") && xs[i] != "") && ps[i] != xs[i] {
			return false
		}
	}
	return true
}

// httpStatus maps precwatch error codes to HTTP status: the one place where
// this happens.
func httpStatus(code string) int {
	switch code {
	case precwatch.EINVALID:
		return http.StatusBadRequest
	case precwatch.EUNAUTHORIZED:
		return http.StatusUnauthorized
	case precwatch.EFORBIDDEN:
		return http.StatusForbidden
	case precwatch.ENOTFOUND:
		return http.StatusNotFound
	case precwatch.ECONFLICT:
		return http.StatusConflict
	case precwatch.EMETHOD:
		return http.StatusMethodNotAllowed
	default:
		return http.StatusInternalServerError
	}
}

// errorBody is the JSON form of an error.
type errorBody struct {
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"`
		// Problems lists every problem of an invalid request body, each
		// naming its field (a *FieldsError); absent otherwise.
		Problems []FieldProblem `json:"problems,omitempty"`
	} `json:"error"`
}

// writeError writes err as {"error":{"code","message"}} with its status,
// and "problems" for a *FieldsError. Internal errors say nothing of their
// cause.
func writeError(w http.ResponseWriter, err error) {
	var b errorBody
	b.Error.Code, b.Error.Message = precwatch.ErrorCode(err), precwatch.ErrorMessage(err)
	if fe := (*FieldsError)(nil); errors.As(err, &fe) && b.Error.Code == precwatch.EINVALID {
		b.Error.Problems = fe.Problems
	}
	writeJSON(w, httpStatus(b.Error.Code), b)
}

// FieldProblem is one thing wrong with a field of a request body. Field is
// its path in the body, as `precwatch config check` names a
// configuration's fields ("start_urls[1]", "listing.fields.titel"); empty
// for the body as a whole.
type FieldProblem struct {
	Field   string `json:"field"`
	Message string `json:"message"`
}

// String renders the problem as "field: message".
func (p FieldProblem) String() string {
	if p.Field == "" {
		return p.Message
	}
	return p.Field + ": " + p.Message
}

// FieldsError lists every problem of a request body (a target). Its code
// is EINVALID; the API answers 400 with the problems under
// "error.problems" and the message one problem a line.
type FieldsError struct {
	Problems []FieldProblem
}

// Error returns one problem a line.
func (e *FieldsError) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// Unwrap gives the error the code EINVALID (precwatch.ErrorCode).
func (e *FieldsError) Unwrap() error {
	return &precwatch.Error{Code: precwatch.EINVALID, Message: e.Error()}
}

// writeJSON writes v as JSON with status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true)
	enc.Encode(v)
}

// forbidden is the error of every refused access.
func forbidden(format string, args ...any) error {
	return precwatch.Errorf(precwatch.EFORBIDDEN, format, args...)
}

// scopeRefusal refuses a named resource (a ticket, a target, an evidence
// snapshot) outside the caller's scope: 403 forbidden, as DESIGN.md's
// contract says of any request outside the caller's scope ("Roles"), and a
// log line ("scope refusal") for the operator. A resource that does not
// exist is 404. (Answering 404 for both would hide another platform's
// ticket IDs and target names, but the contract is 403.)
type scopeRefusal struct {
	err    *precwatch.Error
	reason string
}

func (e *scopeRefusal) Error() string { return e.err.Error() }
func (e *scopeRefusal) Unwrap() error { return e.err }

// scopeRefused is the error of a named resource outside the caller's
// scope; reason says which ("ticket 7 is outside your platform").
func scopeRefused(reason string) error {
	return &scopeRefusal{err: precwatch.Errorf(precwatch.EFORBIDDEN, "%s", reason), reason: reason}
}

// logRefusal logs a scope refusal.
func (s *Server) logRefusal(r *http.Request, p *Principal, err error) {
	var sr *scopeRefusal
	if errors.As(err, &sr) && p != nil {
		s.log.Warn("scope refusal", "method", r.Method, "path", r.URL.Path, "actor", p.Actor(), "reason", sr.reason, "status", http.StatusForbidden)
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// securityHeaders sets the headers every response carries.
func securityHeaders(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hd := w.Header()
		hd.Set("X-Content-Type-Options", "nosniff")
		hd.Set("Referrer-Policy", "same-origin")
		hd.Set("X-Frame-Options", "DENY")
		if !strings.HasPrefix(r.URL.Path, "/evidence/") {
			hd.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'")
		}
		h.ServeHTTP(w, r)
	})
}

// roleHolder carries the caller's role from the handlers to the access log.
type roleHolder struct {
	mu   sync.Mutex
	role string
}

const roleKey ctxKey = 1

func setRole(r *http.Request, p *Principal) {
	if h, ok := r.Context().Value(roleKey).(*roleHolder); ok && p != nil {
		h.mu.Lock()
		h.role = p.Role
		if p.Platform != "" {
			h.role += ":" + p.Platform
		}
		h.mu.Unlock()
	}
}

// statusWriter records the status and size of a response.
type statusWriter struct {
	http.ResponseWriter
	status int
	n      int64
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(b)
	w.n += int64(n)
	return n, err
}

func (w *statusWriter) Flush() {
	if f, ok := w.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

// accessLog logs one structured line per request (never the query string's
// values of sensitive fields: the UI never puts tokens in URLs).
func (s *Server) accessLog(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		rh := &roleHolder{}
		r = r.WithContext(context.WithValue(r.Context(), roleKey, rh))
		h.ServeHTTP(sw, r)
		if sw.status == 0 {
			sw.status = http.StatusOK
		}
		d := time.Since(start)
		s.metrics.observeRequest(sw.status, d)
		rh.mu.Lock()
		role := rh.role
		rh.mu.Unlock()
		s.log.Info("http", "method", r.Method, "path", r.URL.Path, "status", sw.status, "bytes", sw.n,
			"duration_ms", float64(d.Microseconds())/1000, "role", role, "remote", r.RemoteAddr)
	})
}
