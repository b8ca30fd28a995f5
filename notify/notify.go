// Package notify delivers ticket events to the webhooks of partner platforms.
//
// Events come from the ticket store's outbox, so a delivery survives a crash
// or a restart of precwatch: an event leaves the outbox only when its receiver
// has answered 2xx. An event of a platform with no webhook configured waits
// for one (Options.NoReceiverRetry, Options.MaxUndeliveredAge). Each request is signed with HMAC-SHA256 over the
// timestamp and the body, as GitHub and Stripe sign theirs, and carries the
// event ID as an idempotency key so that a receiver can drop the duplicates
// that at-least-once delivery implies.
package notify

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/precwatch/precwatch"
)

// Headers of a webhook request.
const (
	HeaderSignature = "X-Precwatch-Signature" // "t=<unix>,v1=<hex hmac-sha256 of "<unix>.<body>">"
	HeaderEvent     = "X-Precwatch-Event"     // event type, e.g. ticket.created
	HeaderDelivery  = "X-Precwatch-Delivery"  // event ID: the idempotency key
)

// Pending is one undelivered event of the outbox.
type Pending struct {
	ID       int64
	Event    precwatch.Event
	Attempts int
}

// Endpoint is where a platform receives its events.
type Endpoint struct {
	URL    string
	Secret string
}

// Outbox is the durable queue the Webhook drains; the ticket store
// implements it.
type Outbox interface {
	PendingEvents(ctx context.Context, now time.Time, limit int) ([]Pending, error)
	MarkDelivered(ctx context.Context, id int64) error
	MarkFailed(ctx context.Context, id int64, reason string, next time.Time) error
	// Postpone sets the next look at the event without counting an attempt.
	Postpone(ctx context.Context, id int64, reason string, next time.Time) error
	// Endpoint returns the platform's webhook, or ok=false if it has none.
	Endpoint(ctx context.Context, platform string) (e Endpoint, ok bool, err error)
}

// Options configure a Webhook. Zero values take the defaults.
type Options struct {
	Client     *http.Client  // default: 10s timeout, no redirects
	Interval   time.Duration // poll interval of Run; default 2s
	Batch      int           // events per poll; default 100
	MinBackoff time.Duration // first retry delay; default 5s
	MaxBackoff time.Duration // cap of the retry delay; default 1h
	Logger     *slog.Logger
	Now        func() time.Time
	// Delivered, if set, is called after each delivery attempt (for metrics).
	Delivered func(platform string, ok bool)
	// NoReceiverRetry is how long an event of a platform that has no
	// webhook configured waits before it is looked at again; default 1m.
	// Such events stay in the outbox and go out once a webhook URL is
	// configured for the platform.
	NoReceiverRetry time.Duration
	// MaxUndeliveredAge caps how long an event waits for its platform to
	// get a webhook: older ones are dropped (logged, marked done); default
	// 30 days. Negative drops them at once, as precwatch did before.
	MaxUndeliveredAge time.Duration
}

// Webhook delivers outbox events to platform endpoints. It is safe for
// concurrent use, though one Run loop per outbox is enough: flushes take
// turns, so two callers (the Run loop and a caller of Flush after a crawl)
// never send the same event twice.
type Webhook struct {
	outbox Outbox
	opts   Options
	// flushing holds a token while a Flush runs: the outbox hands out
	// pending events without claiming them.
	flushing chan struct{}
}

// New returns a Webhook draining outbox.
func New(outbox Outbox, opts Options) *Webhook {
	if opts.Client == nil {
		opts.Client = &http.Client{
			Timeout: 10 * time.Second,
			CheckRedirect: func(*http.Request, []*http.Request) error {
				return http.ErrUseLastResponse
			},
		}
	}
	if opts.Interval <= 0 {
		opts.Interval = 2 * time.Second
	}
	if opts.Batch <= 0 {
		opts.Batch = 100
	}
	if opts.MinBackoff <= 0 {
		opts.MinBackoff = 5 * time.Second
	}
	if opts.MaxBackoff <= 0 {
		opts.MaxBackoff = time.Hour
	}
	if opts.NoReceiverRetry <= 0 {
		opts.NoReceiverRetry = time.Minute
	}
	if opts.MaxUndeliveredAge == 0 {
		opts.MaxUndeliveredAge = 30 * 24 * time.Hour
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	return &Webhook{outbox: outbox, opts: opts, flushing: make(chan struct{}, 1)}
}

// Run delivers due events every Interval until ctx is done.
func (w *Webhook) Run(ctx context.Context) error {
	t := time.NewTicker(w.opts.Interval)
	defer t.Stop()
	for {
		if _, err := w.Flush(ctx); err != nil && ctx.Err() == nil {
			w.opts.Logger.Warn("webhook flush", "err", err)
		}
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		}
	}
}

// Flush makes one delivery attempt for every event due now and returns how
// many were delivered. A Flush waits for one in progress (or for ctx) first.
func (w *Webhook) Flush(ctx context.Context) (int, error) {
	select {
	case w.flushing <- struct{}{}:
		defer func() { <-w.flushing }()
	case <-ctx.Done():
		return 0, ctx.Err()
	}
	delivered := 0
	for {
		batch, err := w.outbox.PendingEvents(ctx, w.opts.Now(), w.opts.Batch)
		if err != nil {
			return delivered, fmt.Errorf("read outbox: %w", err)
		}
		if len(batch) == 0 {
			return delivered, nil
		}
		progressed := false
		for _, p := range batch {
			if ctx.Err() != nil {
				return delivered, ctx.Err()
			}
			ok, err := w.deliver(ctx, p)
			if err != nil {
				return delivered, err
			}
			if ok {
				delivered++
				progressed = true
			}
		}
		if !progressed || len(batch) < w.opts.Batch {
			return delivered, nil
		}
	}
}

// deliver makes one attempt and records its outcome; ok reports whether the
// event left the outbox.
func (w *Webhook) deliver(ctx context.Context, p Pending) (ok bool, err error) {
	ep, has, err := w.outbox.Endpoint(ctx, p.Event.Platform)
	if err != nil {
		return false, fmt.Errorf("webhook of %s: %w", p.Event.Platform, err)
	}
	if !has {
		// No receiver configured yet: the event waits (a partner often
		// configures its webhook after the first crawl flagged
		// something), up to MaxUndeliveredAge.
		now := w.opts.Now()
		if w.opts.MaxUndeliveredAge < 0 || (!p.Event.Time.IsZero() && now.Sub(p.Event.Time) >= w.opts.MaxUndeliveredAge) {
			w.opts.Logger.Info("webhook event dropped: no webhook configured for its platform", "platform", p.Event.Platform,
				"event", p.Event.ID, "created", p.Event.Time, "max_age", w.opts.MaxUndeliveredAge)
			return true, w.outbox.MarkDelivered(ctx, p.ID)
		}
		return false, w.outbox.Postpone(ctx, p.ID, "no webhook configured for platform "+p.Event.Platform, now.Add(w.opts.NoReceiverRetry))
	}
	sendErr := w.send(ctx, ep, p.Event)
	if w.opts.Delivered != nil {
		w.opts.Delivered(p.Event.Platform, sendErr == nil)
	}
	if sendErr == nil {
		return true, w.outbox.MarkDelivered(ctx, p.ID)
	}
	if ctx.Err() != nil {
		return false, ctx.Err()
	}
	next := w.opts.Now().Add(Backoff(p.Attempts, w.opts.MinBackoff, w.opts.MaxBackoff))
	w.opts.Logger.Info("webhook delivery failed", "platform", p.Event.Platform, "event", p.Event.ID,
		"attempt", p.Attempts+1, "retry_at", next, "err", sendErr)
	return false, w.outbox.MarkFailed(ctx, p.ID, sendErr.Error(), next)
}

func (w *Webhook) send(ctx context.Context, ep Endpoint, ev precwatch.Event) error {
	body, err := json.Marshal(ev)
	if err != nil {
		return fmt.Errorf("encode event %s: %w", ev.ID, err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, ep.URL, bytes.NewReader(body))
	if err != nil {
		return fmt.Errorf("webhook request: %w", err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "precwatch-webhook/1")
	req.Header.Set(HeaderEvent, ev.Type)
	req.Header.Set(HeaderDelivery, ev.ID)
	req.Header.Set(HeaderSignature, Sign(ep.Secret, w.opts.Now(), body))
	resp, err := w.opts.Client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	if resp.StatusCode/100 != 2 {
		return fmt.Errorf("receiver answered %s", resp.Status)
	}
	return nil
}

// Backoff returns the delay before retry number attempts+1: MinBackoff
// doubled per earlier attempt, capped at max.
func Backoff(attempts int, min, max time.Duration) time.Duration {
	d := min
	for i := 0; i < attempts && d < max; i++ {
		d *= 2
	}
	if d > max {
		d = max
	}
	return d
}

// Sign returns the signature header value for body sent at t.
func Sign(secret string, t time.Time, body []byte) string {
	ts := strconv.FormatInt(t.Unix(), 10)
	return "t=" + ts + ",v1=" + mac(secret, ts, body)
}

func mac(secret, ts string, body []byte) string {
	h := hmac.New(sha256.New, []byte(secret))
	h.Write([]byte(ts))
	h.Write([]byte{'.'})
	h.Write(body)
	return hex.EncodeToString(h.Sum(nil))
}

// ErrSignature is returned by Verify for a missing, malformed, wrong or stale
// signature.
var ErrSignature = errors.New("invalid webhook signature")

// Verify checks a signature header as a receiver would: the HMAC must match
// and the timestamp must be within tolerance of now (0 = no check).
func Verify(secret, header string, body []byte, now time.Time, tolerance time.Duration) error {
	var ts, sig string
	for _, part := range strings.Split(header, ",") {
		k, v, _ := strings.Cut(strings.TrimSpace(part), "=")
		switch k {
		case "t":
			ts = v
		case "v1":
			sig = v
		}
	}
	if ts == "" || sig == "" {
		return ErrSignature
	}
	sec, err := strconv.ParseInt(ts, 10, 64)
	if err != nil {
		return ErrSignature
	}
	if tolerance > 0 {
		if d := now.Sub(time.Unix(sec, 0)); d > tolerance || d < -tolerance {
			return ErrSignature
		}
	}
	if !hmac.Equal([]byte(sig), []byte(mac(secret, ts, body))) {
		return ErrSignature
	}
	return nil
}
