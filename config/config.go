// Package config reads the precwatch YAML configuration (DESIGN.md, "config
// (YAML)") into precwatch.Target values and options.
//
// Loading goes, in this order: defaults; strict decoding with the yaml.v3
// node API, so unknown keys, duplicate keys and wrong types are errors with
// their line and column; ${ENV} expansion in every scalar value; then
// validation of every field. All problems are collected and returned
// together as an *Error whose lines read "file:line:col: field: message", so a
// partner fixes a config in one pass.
//
// Besides the keys of DESIGN.md the file may hold a "platforms" list, one
// entry per partner platform, with the webhook that receives its ticket
// events:
//
//	platforms:
//	  - name: ChemHub                              # as in targets[].platform
//	    webhook_url: https://hooks.chemhub.example/precwatch
//	    webhook_secret: ${CHEMHUB_WEBHOOK_SECRET}  # HMAC-SHA256 key; required with webhook_url
//
// Only package main imports config; other packages take explicit options.
package config

import (
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/precwatch/precwatch"
)

// Defaults.
const (
	DefaultDataDir      = "./data"
	DefaultThreshold    = 0.5
	DefaultUserAgent    = "precwatch/1.0 (+https://precwatch.example/bot)"
	DefaultMaxPages     = 5000
	DefaultParallelism  = 2
	DefaultDelay        = 250 * time.Millisecond
	DefaultTimeout      = 20 * time.Second
	DefaultMaxBodyBytes = 10 << 20
	// DefaultJSONMaxBodyBytes is the body cap of json targets that set
	// none: a feed page holds thousands of listings.
	DefaultJSONMaxBodyBytes = 32 << 20
	DefaultMaxRetries       = 3
)

// Limits that validation enforces on a target.
const (
	MaxParallelism  = 64
	MaxMaxPages     = 10_000_000
	MaxTimeout      = 10 * time.Minute
	MaxDelay        = time.Hour
	MaxMaxBodyBytes = 1 << 30
	MaxMaxRetries   = 20
	// MaxLookups bounds a target's lookups: each may ask one address per
	// listing.
	MaxLookups = 4
)

// Config is a loaded, validated configuration.
type Config struct {
	DataDir    string             `json:"data_dir" yaml:"data_dir"`
	Threshold  float64            `json:"threshold" yaml:"threshold"`
	Watchlists []string           `json:"watchlists,omitempty" yaml:"watchlists"`
	Targets    []precwatch.Target `json:"targets" yaml:"targets"`
	Platforms  []Platform         `json:"platforms,omitempty" yaml:"platforms"`
	// Warnings are things Parse accepted that are most likely mistakes
	// (one platform spelt two ways), in file order; print them as
	// "file:line:col: warning: field: message" (see Problem.Warning).
	Warnings []Problem `json:"-" yaml:"-"`

	at func(field, msg string) Problem // where fields are in the file
}

// Problem returns a problem with field (e.g. "watchlists[1]") placed where
// Parse found it in the file, or its nearest enclosing field: for checks
// made after Parse, such as loading the watchlist files a configuration
// names. A Config not parsed from a file has no positions.
func (c *Config) Problem(field, msg string) Problem {
	if c.at == nil {
		return Problem{Field: field, Message: msg}
	}
	return c.at(field, msg)
}

// Platform is a partner platform's optional settings: the webhook that
// receives its ticket events, signed with WebhookSecret.
type Platform struct {
	Name          string `json:"name" yaml:"name"`
	WebhookURL    string `json:"webhook_url,omitempty" yaml:"webhook_url"`
	WebhookSecret string `json:"-" yaml:"webhook_secret"`
}

// Target returns the target named name, or nil.
func (c *Config) Target(name string) *precwatch.Target {
	for i := range c.Targets {
		if c.Targets[i].Name == name {
			return &c.Targets[i]
		}
	}
	return nil
}

// Platform returns the settings of the platform named name, or nil.
func (c *Config) Platform(name string) *Platform {
	for i := range c.Platforms {
		if c.Platforms[i].Name == name {
			return &c.Platforms[i]
		}
	}
	return nil
}

// Default returns a configuration with every default and no targets.
func Default() *Config {
	return &Config{DataDir: DefaultDataDir, Threshold: DefaultThreshold}
}

// DefaultTarget returns a target with every default filled in: kind html,
// robots.txt respected, the default limits and User-Agent. AllowedDomains is
// derived from StartURLs by ValidateTarget and Parse.
func DefaultTarget() precwatch.Target {
	return precwatch.Target{
		Kind:             precwatch.KindHTML,
		RespectRobotsTxt: true,
		UserAgent:        DefaultUserAgent,
		MaxPages:         DefaultMaxPages,
		Parallelism:      DefaultParallelism,
		Delay:            DefaultDelay,
		Timeout:          DefaultTimeout,
		MaxBodyBytes:     DefaultMaxBodyBytes,
		MaxRetries:       DefaultMaxRetries,
	}
}

// Load reads and parses the configuration file at path, expanding ${ENV}
// references from the process environment.
func Load(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read config: %w", err)
	}
	return Parse(path, data, os.Getenv)
}

// Parse parses configuration data read from filename (used in messages only).
// getenv resolves ${NAME} references; a reference to a variable that getenv
// reports empty is an error naming it, and "$${" stands for a literal "${".
// On failure the error is an *Error listing every problem found.
func Parse(filename string, data []byte, getenv func(string) string) (*Config, error) {
	d := &decoder{file: filename, getenv: getenv, pos: map[string]pos{}, failed: map[string]bool{}}
	cfg := d.decode(data)
	if !d.syntax {
		validateConfig(cfg, d.report)
		warnPlatformSpellings(cfg, d.warn)
		warnLastItemCursor(cfg, d.warn)
		warnZeroBasedPage(cfg, d.warn)
		warnOffsetPage(cfg, d.warn)
		warnLaterStartPage(cfg, d.warn)
	}
	if len(d.problems) > 0 {
		return nil, &Error{Problems: sortProblems(d.problems)}
	}
	cfg.Warnings = sortProblems(d.warnings)
	cfg.at = d.at
	return cfg, nil
}

// ValidateTarget checks a target made outside a config file (through the
// API) by the rules of the file, after completing derived defaults in place
// (kind html when empty, allowed_domains from start_urls when empty, domains
// lowercased). It returns nil or an *Error listing every problem, each naming
// its field; the error's code (precwatch.ErrorCode) is EINVALID.
func ValidateTarget(t *precwatch.Target) error {
	var problems []Problem
	complete(t)
	validateTarget(t, "", func(field, msg string) {
		problems = append(problems, Problem{Field: field, Message: msg})
	})
	if len(problems) > 0 {
		return &Error{Problems: problems}
	}
	return nil
}

// Problem is one thing wrong with a configuration. File, Line and Column are
// zero for targets validated outside a file.
type Problem struct {
	File    string
	Line    int
	Column  int
	Field   string // path of the field, e.g. "targets[0].start_urls[1]"
	Message string
}

// String renders the problem as "file:line:col: field: message".
func (p Problem) String() string {
	var b strings.Builder
	if p.File != "" || p.Line > 0 {
		fmt.Fprintf(&b, "%s:%d:%d: ", p.File, p.Line, p.Column)
	}
	if p.Field != "" {
		b.WriteString(p.Field)
		b.WriteString(": ")
	}
	b.WriteString(p.Message)
	return b.String()
}

// Warning renders the problem as a warning:
// "file:line:col: warning: field: message".
func (p Problem) Warning() string {
	q := p
	q.File, q.Line, q.Column = "", 0, 0
	var b strings.Builder
	if p.File != "" || p.Line > 0 {
		fmt.Fprintf(&b, "%s:%d:%d: ", p.File, p.Line, p.Column)
	}
	return b.String() + "warning: " + q.String()
}

// Error lists every problem of a configuration, in file order.
type Error struct {
	Problems []Problem
}

// Error returns one problem a line.
func (e *Error) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// Unwrap gives the error the code EINVALID for precwatch.ErrorCode and
// precwatch.ErrorMessage.
func (e *Error) Unwrap() error {
	return &precwatch.Error{Code: precwatch.EINVALID, Message: e.Error()}
}
