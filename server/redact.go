package server

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"

	"github.com/precwatch/precwatch"
)

// What the server quotes from a crawl — a test report's page URLs and
// errors, the errors of past runs, the validation's messages — may carry a
// target's URL secrets; so may every log line of a crawl. These wrappers
// pass it all through RedactText. serve installs them with RedactOptions
// and NewRedactHandler.

// RedactOptions wraps o's Crawls (test reports and runs), ValidateTarget
// and ParseTarget (their messages) so that what they return shows no secret
// of a target's URLs or body (see RedactText). Call it on the Options
// before New; nil fields stay nil.
func RedactOptions(o *Options) {
	if o.Crawls != nil {
		o.Crawls = redactCrawls{o.Crawls}
	}
	if v := o.ValidateTarget; v != nil {
		o.ValidateTarget = func(t *precwatch.Target) error { return redactError(v(t)) }
	}
	if p := o.ParseTarget; p != nil {
		o.ParseTarget = func(src []byte, format, name string) (precwatch.Target, error) {
			t, err := p(src, format, name)
			return t, redactError(err)
		}
	}
}

// redactCrawls is a Crawls whose reports are redacted.
type redactCrawls struct{ Crawls }

func (c redactCrawls) Runs(ctx context.Context, platforms []string, limit int) ([]Run, error) {
	runs, err := c.Crawls.Runs(ctx, platforms, limit)
	for i := range runs {
		if len(runs[i].Error) > 0 {
			red := RedactText(string(runs[i].Error))
			if json.Valid([]byte(red)) {
				runs[i].Error = json.RawMessage(red)
			} else {
				b, _ := json.Marshal(HeaderMask)
				runs[i].Error = b
			}
		}
	}
	return runs, redactError(err)
}

func (c redactCrawls) RunNow(ctx context.Context, name string) error {
	return redactError(c.Crawls.RunNow(ctx, name))
}

func (c redactCrawls) Test(ctx context.Context, t precwatch.Target, pages int) (*TestReport, error) {
	rep, err := c.Crawls.Test(ctx, t, pages)
	if rep != nil {
		r := *rep
		r.Error = RedactText(r.Error)
		r.Pages = make([]TestPage, len(rep.Pages))
		for i, p := range rep.Pages {
			p.URL, p.Error = RedactText(p.URL), RedactText(p.Error)
			r.Pages[i] = p
		}
		if rep.Listings != nil {
			r.Listings = make([]precwatch.Listing, len(rep.Listings))
			for i, l := range rep.Listings {
				l.URL = RedactText(l.URL)
				r.Listings[i] = l
			}
		}
		if rep.Unmatched != nil {
			r.Unmatched = make([]string, len(rep.Unmatched))
			for i, u := range rep.Unmatched {
				r.Unmatched[i] = RedactText(u)
			}
		}
		rep = &r
	}
	return rep, redactError(err)
}

// redactError returns err with its message redacted, keeping its code; an
// error with nothing to redact is returned as it is (errors.Is still
// works on it).
func redactError(err error) error {
	if err == nil {
		return nil
	}
	msg := err.Error()
	red := RedactText(msg)
	if red == msg {
		return err
	}
	if fe := (*FieldsError)(nil); errors.As(err, &fe) {
		// Keep the problems apart, each redacted.
		out := &FieldsError{Problems: make([]FieldProblem, len(fe.Problems))}
		for i, p := range fe.Problems {
			out.Problems[i] = FieldProblem{Field: RedactText(p.Field), Message: RedactText(p.Message)}
		}
		return out
	}
	code := precwatch.ErrorCode(err)
	if code == precwatch.EINTERNAL {
		return &redactedError{msg: red, err: err}
	}
	return precwatch.Errorf(code, "%s", RedactText(precwatch.ErrorMessage(err)))
}

// redactedError is an internal error whose text is redacted; it unwraps
// to the original for errors.Is and errors.As.
type redactedError struct {
	msg string
	err error
}

func (e *redactedError) Error() string { return e.msg }
func (e *redactedError) Unwrap() error { return e.err }

// NewRedactHandler returns a slog.Handler that passes every record to h
// with its message and the string form of its attributes (errors, URLs,
// groups included) redacted by RedactText: a crawl's log lines name the
// URLs it fetches, and Go's HTTP errors quote them whole.
func NewRedactHandler(h slog.Handler) slog.Handler { return redactHandler{h} }

type redactHandler struct{ h slog.Handler }

func (r redactHandler) Enabled(ctx context.Context, l slog.Level) bool { return r.h.Enabled(ctx, l) }

func (r redactHandler) Handle(ctx context.Context, rec slog.Record) error {
	out := slog.NewRecord(rec.Time, rec.Level, RedactText(rec.Message), rec.PC)
	rec.Attrs(func(a slog.Attr) bool {
		out.AddAttrs(redactAttr(a))
		return true
	})
	return r.h.Handle(ctx, out)
}

func (r redactHandler) WithAttrs(as []slog.Attr) slog.Handler {
	red := make([]slog.Attr, len(as))
	for i, a := range as {
		red[i] = redactAttr(a)
	}
	return redactHandler{r.h.WithAttrs(red)}
}

func (r redactHandler) WithGroup(name string) slog.Handler { return redactHandler{r.h.WithGroup(name)} }

// redactAttr redacts a's value: strings and anything printed as a string
// (errors, URLs, Stringers) through RedactText; groups member by member.
func redactAttr(a slog.Attr) slog.Attr {
	v := a.Value.Resolve()
	switch v.Kind() {
	case slog.KindString:
		return slog.String(a.Key, RedactText(v.String()))
	case slog.KindGroup:
		g := v.Group()
		red := make([]any, len(g))
		for i, m := range g {
			red[i] = redactAttr(m)
		}
		return slog.Group(a.Key, red...)
	case slog.KindAny:
		s := v.String()
		if red := RedactText(s); red != s {
			return slog.String(a.Key, red)
		}
	}
	return slog.Attr{Key: a.Key, Value: v}
}
