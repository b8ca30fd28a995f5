package server

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// RunStats is the outcome of one crawl run, fed to Metrics by the command.
type RunStats struct {
	Target       string
	Platform     string
	Pages        int64
	Listings     int64
	Hits         int64 // listings with an offered substance
	Flagged      int64 // suspicious listings
	Tickets      int64 // tickets created
	ErrorsByKind map[string]int
	Duration     time.Duration
	Failed       bool
	// Kept counts the stored listings a complete run that found none kept
	// instead of removing them (monitor.Summary.Kept); 0 for other runs.
	Kept int64
}

// Metrics holds precwatch's counters and writes them in the Prometheus text
// exposition format (version 0.0.4). It is safe for concurrent use.
type Metrics struct {
	tickets Tickets

	mu        sync.Mutex
	counters  map[string]map[string]float64 // metric name -> rendered labels -> value
	crawlDur  histogram
	reqDur    histogram
	helpOf    map[string]string
	typeOf    map[string]string
	nameOrder []string
}

type histogram struct {
	bounds  []float64
	buckets []uint64
	sum     float64
	count   uint64
}

func newHistogram(bounds ...float64) histogram {
	return histogram{bounds: bounds, buckets: make([]uint64, len(bounds))}
}

func (h *histogram) observe(v float64) {
	for i, b := range h.bounds {
		if v <= b {
			h.buckets[i]++
		}
	}
	h.sum += v
	h.count++
}

func newMetrics(t Tickets) *Metrics {
	m := &Metrics{tickets: t, counters: map[string]map[string]float64{}, helpOf: map[string]string{}, typeOf: map[string]string{},
		crawlDur: newHistogram(1, 5, 15, 60, 300, 900, 3600, 14400),
		reqDur:   newHistogram(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10)}
	for _, d := range []struct{ name, typ, help string }{
		{"precwatch_pages_fetched_total", "counter", "Pages fetched by crawls, by target."},
		{"precwatch_crawl_errors_total", "counter", "Crawl errors by target and kind."},
		{"precwatch_listings_total", "counter", "Listings extracted by crawls, by target."},
		{"precwatch_hits_total", "counter", "Listings with an offered substance, by target."},
		{"precwatch_flagged_total", "counter", "Suspicious listings seen, by target."},
		{"precwatch_tickets_created_total", "counter", "Tickets created by crawls, by target."},
		{"precwatch_crawl_runs_total", "counter", "Crawl runs by target and result (ok or failed)."},
		{"precwatch_empty_runs_kept_total", "counter", "Complete crawl runs that found no listing and kept the stored listings instead of removing them, by target."},
		{"precwatch_listings_kept_total", "counter", "Stored listings kept by such runs, by target."},
		{"precwatch_webhook_deliveries_total", "counter", "Webhook events delivered, by platform."},
		{"precwatch_webhook_failures_total", "counter", "Failed webhook delivery attempts, by platform."},
		{"precwatch_http_requests_total", "counter", "HTTP requests served, by status code."},
	} {
		m.helpOf[d.name], m.typeOf[d.name] = d.help, d.typ
		m.nameOrder = append(m.nameOrder, d.name)
		m.counters[d.name] = map[string]float64{}
	}
	return m
}

// labels renders label pairs (name, value, ...) in exposition syntax.
func labels(kv ...string) string {
	var b strings.Builder
	b.WriteByte('{')
	for i := 0; i+1 < len(kv); i += 2 {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(kv[i])
		b.WriteString(`="`)
		b.WriteString(escapeLabel(kv[i+1]))
		b.WriteByte('"')
	}
	b.WriteByte('}')
	return b.String()
}

var labelEscaper = strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)

func escapeLabel(s string) string { return labelEscaper.Replace(s) }

func (m *Metrics) add(name, lbls string, v float64) {
	m.counters[name][lbls] += v
}

// ObserveRun records a finished crawl run.
func (m *Metrics) ObserveRun(r RunStats) {
	m.mu.Lock()
	defer m.mu.Unlock()
	t := labels("target", r.Target, "platform", r.Platform)
	m.add("precwatch_pages_fetched_total", t, float64(r.Pages))
	m.add("precwatch_listings_total", t, float64(r.Listings))
	m.add("precwatch_hits_total", t, float64(r.Hits))
	m.add("precwatch_flagged_total", t, float64(r.Flagged))
	m.add("precwatch_tickets_created_total", t, float64(r.Tickets))
	for k, n := range r.ErrorsByKind {
		m.add("precwatch_crawl_errors_total", labels("target", r.Target, "platform", r.Platform, "kind", k), float64(n))
	}
	result := "ok"
	if r.Failed {
		result = "failed"
	}
	m.add("precwatch_crawl_runs_total", labels("target", r.Target, "platform", r.Platform, "result", result), 1)
	if r.Kept > 0 {
		m.add("precwatch_empty_runs_kept_total", t, 1)
		m.add("precwatch_listings_kept_total", t, float64(r.Kept))
	}
	m.crawlDur.observe(r.Duration.Seconds())
}

// ObserveDelivery records one webhook delivery attempt.
func (m *Metrics) ObserveDelivery(platform string, ok bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if ok {
		m.add("precwatch_webhook_deliveries_total", labels("platform", platform), 1)
	} else {
		m.add("precwatch_webhook_failures_total", labels("platform", platform), 1)
	}
}

func (m *Metrics) observeRequest(status int, d time.Duration) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.add("precwatch_http_requests_total", labels("code", strconv.Itoa(status)), 1)
	m.reqDur.observe(d.Seconds())
}

// ServeHTTP writes the metrics in the Prometheus text format.
func (m *Metrics) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 5*time.Second)
	defer cancel()
	counts, err := m.tickets.TicketCounts(ctx)
	w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
	m.WriteTo(w, counts, err == nil)
}

// WriteTo writes the exposition with the given ticket counts per status.
func (m *Metrics) WriteTo(w io.Writer, ticketCounts map[string]int, ticketsOK bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, name := range m.nameOrder {
		fmt.Fprintf(w, "# HELP %s %s\n# TYPE %s %s\n", name, m.helpOf[name], name, m.typeOf[name])
		for _, l := range sortedKeys(m.counters[name]) {
			fmt.Fprintf(w, "%s%s %s\n", name, l, formatFloat(m.counters[name][l]))
		}
	}
	fmt.Fprintf(w, "# HELP precwatch_tickets Tickets by status.\n# TYPE precwatch_tickets gauge\n")
	if ticketsOK {
		// A series for every status of the workflow, 0 while no ticket
		// has it: an alert on confirmed tickets sees 0, not no data.
		counts := map[string]int{}
		if m.tickets != nil {
			for from, tos := range m.tickets.Transitions() {
				counts[from] = 0
				for _, to := range tos {
					counts[to] = 0
				}
			}
		}
		for st, n := range ticketCounts {
			counts[st] = n
		}
		for _, st := range sortedKeys(counts) {
			fmt.Fprintf(w, "precwatch_tickets%s %d\n", labels("status", st), counts[st])
		}
	}
	up := 0
	if ticketsOK {
		up = 1
	}
	fmt.Fprintf(w, "# HELP precwatch_store_up Whether the ticket store answered the last scrape.\n# TYPE precwatch_store_up gauge\nprecwatch_store_up %d\n", up)
	writeHistogram(w, "precwatch_crawl_duration_seconds", "Duration of crawl runs.", &m.crawlDur)
	writeHistogram(w, "precwatch_http_request_duration_seconds", "Duration of HTTP requests.", &m.reqDur)
}

func writeHistogram(w io.Writer, name, help string, h *histogram) {
	fmt.Fprintf(w, "# HELP %s %s\n# TYPE %s histogram\n", name, help, name)
	for i, b := range h.bounds {
		fmt.Fprintf(w, "%s_bucket{le=\"%s\"} %d\n", name, formatFloat(b), h.buckets[i])
	}
	fmt.Fprintf(w, "%s_bucket{le=\"+Inf\"} %d\n%s_sum %s\n%s_count %d\n", name, h.count, name, formatFloat(h.sum), name, h.count)
}

func formatFloat(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}
