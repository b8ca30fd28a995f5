package main

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/precwatch/precwatch/index"
)

// What a new user met following the README on a fresh machine (session 5):
// exit codes that said 1 for a mistyped flag value in some commands and 2
// in others, and messages that did not name the flag.

// dirState lists every file under dir with its size and modification time,
// so that a test can tell whether a command wrote anything there.
func dirState(t *testing.T, dir string) string {
	t.Helper()
	var lines []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		lines = append(lines, fmt.Sprintf("%s %d %d", rel, info.Size(), info.ModTime().UnixNano()))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

// TestExitCodeRule drives every subcommand end to end through Run with a
// wrong command line (exit 2: unknown flag, flag value of the wrong type or
// outside its allowed values, missing or extra argument, malformed
// argument) and with a command line that is right but fails (exit 1). A
// usage error names the flag or argument, and changes nothing in the data
// directory.
func TestExitCodeRule(t *testing.T) {
	data := tkFixture(t)            // tickets, no index
	searchData := mustSearchData(t) // index, no tickets
	dir := t.TempDir()
	cfg := filepath.Join(dir, "precwatch.yml")
	writeFile(t, cfg, `data_dir: `+data+`
targets:
  - {name: shop, platform: Shop, start_urls: ["http://127.0.0.1:1/"], allow_private_networks: true, listing: {fields: {title: h1}}}
`)
	missing := filepath.Join(dir, "missing")
	file := filepath.Join(dir, "file")
	writeFile(t, file, "not a directory\n")
	demoData := filepath.Join(dir, "demo")

	for _, tc := range []struct {
		args []string
		code int
		want string // in stderr
	}{
		// The program and its command.
		{nil, 2, "Usage: precwatch COMMAND"},
		{[]string{"frobnicate"}, 2, `unknown command "frobnicate"`},

		// match
		{[]string{"match", "--bogus"}, 2, "precwatch match: flag provided but not defined: -bogus"},
		{[]string{"match", "--format", "xml"}, 2, `--format "xml": want jsonl or text`},
		{[]string{"match", "--input", "csv"}, 2, `--input "csv"`},
		{[]string{"match", "--threshold", "2"}, 2, "--threshold 2: want 0..1"},
		{[]string{"match", "--threshold", "high"}, 2, `invalid value "high" for flag -threshold`},
		{[]string{"match", filepath.Join(dir, "nofile.jsonl")}, 1, "nofile.jsonl: no such file"},

		// crawl
		{[]string{"crawl", "--bogus"}, 2, "precwatch crawl: flag provided but not defined: -bogus"},
		{[]string{"crawl"}, 2, "--config is required"},
		{[]string{"crawl", "--config", cfg, "--log-level", "loud"}, 2, `precwatch crawl: --log-level "loud": want debug, info, warn or error`},
		{[]string{"crawl", "--config", cfg, "extra"}, 2, `unexpected argument "extra"`},
		{[]string{"crawl", "--config", filepath.Join(dir, "nofile.yml")}, 1, "nofile.yml: no such file"},
		{[]string{"crawl", "--config", cfg, "--target", "nosuch"}, 1, `no target "nosuch"`},

		// serve
		{[]string{"serve", "--bogus"}, 2, "precwatch serve: flag provided but not defined: -bogus"},
		{[]string{"serve"}, 2, "--config is required"},
		{[]string{"serve", "--config", cfg, "--log-level", "loud"}, 2, `precwatch serve: --log-level "loud"`},
		{[]string{"serve", "--config", cfg, "--addr", "bad:addr:x"}, 2, `precwatch serve: --addr "bad:addr:x": want HOST:PORT`},

		// demo: its data directory is never created by a usage error.
		{[]string{"demo", "--data", demoData, "--bogus"}, 2, "precwatch demo: flag provided but not defined: -bogus"},
		{[]string{"demo", "--data", demoData, "--log-level", "loud"}, 2, `precwatch demo: --log-level "loud"`},
		{[]string{"demo", "--data", demoData, "--no-serve", "--addr", "8080"}, 2, `precwatch demo: --addr "8080": want HOST:PORT`},
		{[]string{"demo", "--data", demoData, "--sites-addr", "nowhere"}, 2, `--sites-addr "nowhere"`},
		{[]string{"demo", "--data", demoData, "now"}, 2, `unexpected argument "now"`},

		// rescan
		{[]string{"rescan", "--data", data, "--bogus"}, 2, "precwatch rescan: flag provided but not defined: -bogus"},
		{[]string{"rescan", "--data", data, "--threshold", "2"}, 2, `invalid value "2" for flag -threshold: want a number from 0 to 1`},
		{[]string{"rescan", "--data", data, "--since", "yesterday"}, 2, `precwatch rescan: --since "yesterday": want YYYY-MM-DD or RFC 3339`},
		{[]string{"rescan", "--data", data, "--log-level", "loud"}, 2, `--log-level "loud"`},
		{[]string{"rescan", "--data", data, "extra"}, 2, `unexpected argument "extra"`},
		{[]string{"rescan", "--data", missing}, 1, "precwatch rescan: no precwatch data in " + missing},

		// search
		{[]string{"search", "--data", searchData, "--bogus", "x"}, 2, "precwatch search: flag provided but not defined: -bogus"},
		{[]string{"search", "--data", searchData}, 2, "missing QUERY"},
		{[]string{"search", "--data", searchData, "--format", "xml", "x"}, 2, `precwatch search: --format "xml": want json or text`},
		{[]string{"search", "--data", searchData, "--sort", "price", "x"}, 2, `--sort "price": want score, date or relevance`},
		{[]string{"search", "--data", searchData, "--limit", "-1", "x"}, 2, "--limit -1: want 0"},
		{[]string{"search", "--data", searchData, "--limit", "many", "x"}, 2, `invalid value "many" for flag -limit`},
		{[]string{"search", "--data", searchData, "--offset", "-1", "x"}, 2, "--offset -1: want 0 or more"},
		{[]string{"search", "--data", searchData, "--from", "yesterday", "x"}, 2, `--from "yesterday": want YYYY-MM-DD or RFC 3339`},
		{[]string{"search", "--data", searchData, "--from", "2026-11-02", "--to", "2026-11-01", "x"}, 2, "--to 2026-11-01 is before --from 2026-11-02"},
		{[]string{"search", "--data", searchData, "--filter", "seller", "x"}, 2, `invalid value "seller" for flag -filter: want FIELD=VALUE`},
		{[]string{"search", "--data", searchData, "--filter", "colour=red", "x"}, 2, `filter on "colour"`},
		{[]string{"search", "--data", searchData, `"ephedrine`}, 2, `query "\"ephedrine": parse error: unterminated quote`},
		{[]string{"search", "--data", searchData, "vendor:acme"}, 2, `unknown field "vendor"`},
		{[]string{"search", "--data", missing, "x"}, 1, "no index at " + filepath.Join(missing, "index.bleve")},

		// tickets
		{[]string{"tickets"}, 2, "Usage: precwatch tickets COMMAND"},
		{[]string{"tickets", "close"}, 2, `precwatch tickets: unknown command "close"`},
		{[]string{"tickets", "list", "--data", data, "--bogus"}, 2, "precwatch tickets list: flag provided but not defined: -bogus"},
		{[]string{"tickets", "list", "--data", data, "--status", "closed"}, 2, `precwatch tickets list: --status "closed": want open, in_review, confirmed, dismissed, escalated`},
		{[]string{"tickets", "list", "--data", data, "--status", "open,closed"}, 2, `--status "closed"`},
		{[]string{"tickets", "list", "--data", data, "--sort", "price"}, 2, `--sort "price": want score, last_seen, first_seen or id`},
		{[]string{"tickets", "list", "--data", data, "--limit", "-1"}, 2, "--limit -1: want 0 (all) or more"},
		{[]string{"tickets", "list", "--data", data, "open"}, 2, `unexpected argument "open"`},
		{[]string{"tickets", "list", "--data", missing}, 1, "no ticket database at " + filepath.Join(missing, "precwatch.db")},
		{[]string{"tickets", "show", "--data", data}, 2, "want exactly one ticket ID"},
		{[]string{"tickets", "show", "--data", data, "one"}, 2, `precwatch tickets show: ticket ID "one": want a positive number`},
		{[]string{"tickets", "show", "--data", data, "--format", "yaml", "1"}, 2, `--format "yaml": want text or json`},
		{[]string{"tickets", "show", "--data", data, "99"}, 1, "precwatch tickets show: ticket 99 not found"},
		{[]string{"tickets", "export", "--data", data, "--bogus"}, 2, "precwatch tickets export: flag provided but not defined: -bogus"},
		{[]string{"tickets", "export", "--data", data, "--format", "xml"}, 2, `precwatch tickets export: --format "xml": want jsonl, csv or incident`},
		{[]string{"tickets", "export", "--data", data, "--status", "closed"}, 2, `precwatch tickets export: --status "closed"`},
		{[]string{"tickets", "export", "--data", data, "--since", "last week"}, 2, `--since "last week": want a date, YYYY-MM-DD or RFC 3339`},
		{[]string{"tickets", "export", "--data", data, "--format", "incident", "--status", "open"}, 2, "--status open: an incident report covers confirmed tickets"},
		{[]string{"tickets", "export", "--data", data, "out.jsonl"}, 2, `unexpected argument "out.jsonl"`},
		{[]string{"tickets", "export", "--data", missing}, 1, "no ticket database"},
		{[]string{"tickets", "set-status", "--data", data, "--actor", "a", "--reason", "r", "1"}, 2, "want a ticket ID and a status"},
		{[]string{"tickets", "set-status", "--data", data, "--actor", "a", "--reason", "r", "1", "closed"}, 2, `status "closed": want open, in_review`},
		{[]string{"tickets", "set-status", "--data", data, "--actor", "a", "--reason", "r", "first", "in_review"}, 2, `ticket ID "first"`},
		{[]string{"tickets", "set-status", "--data", data, "--actor", "a", "1", "in_review"}, 2, "--actor and --reason are required"},
		{[]string{"tickets", "set-status", "--data", data, "--actor", "a", "--reason", "r", "1", "confirmed"}, 1, "ticket 1 is open: it cannot become confirmed"},
		{[]string{"tickets", "set-status", "--data", data, "--actor", "a", "--reason", "r", "99", "in_review"}, 1, "ticket 99 not found"},

		// token
		{[]string{"token"}, 2, "Usage: precwatch token COMMAND"},
		{[]string{"token", "delete"}, 2, `precwatch token: unknown command "delete"`},
		{[]string{"token", "create", "--data", data, "--bogus"}, 2, "precwatch token create: flag provided but not defined: -bogus"},
		{[]string{"token", "create", "--data", data}, 2, "--role is required"},
		{[]string{"token", "create", "--data", data, "--role", "root"}, 2, `precwatch token create: --role root: unknown role "root"`},
		{[]string{"token", "create", "--data", data, "--role", "reviewer"}, 2, "--role reviewer needs a platform: add --platform P (or write --role reviewer:P)"},
		{[]string{"token", "create", "--data", data, "--role", "admin", "--platform", "Shop"}, 2, "--role admin: role admin is not scoped to a platform"},
		{[]string{"token", "create", "--data", data, "--role", "partner:A", "--platform", "B"}, 2, "--role partner:A and --platform B disagree"},
		{[]string{"token", "create", "--data", data, "--role", "admin", "extra"}, 2, `unexpected argument "extra"`},
		{[]string{"token", "list", "--data", data, "extra"}, 2, `unexpected argument "extra"`},
		{[]string{"token", "list", "--data", missing}, 1, "no ticket database"},
		{[]string{"token", "create", "--data", file, "--role", "admin"}, 1, "precwatch token create: --data " + file + " is a file, not a data directory"},
		{[]string{"tickets", "list", "--data", file}, 1, "precwatch tickets list: --data " + file + " is a file"},
		{[]string{"token", "revoke", "--data", data}, 2, "want one token ID"},
		{[]string{"token", "revoke", "--data", data, "first"}, 2, `precwatch token revoke: token ID "first": want a positive number`},
		{[]string{"token", "revoke", "--data", data, "99"}, 1, "token 99 not found"},

		// config, target, version
		{[]string{"config"}, 2, "missing subcommand"},
		{[]string{"config", "chek", cfg}, 2, `unknown subcommand "chek"`},
		{[]string{"config", "check", "--bogus", cfg}, 2, "precwatch config check: flag provided but not defined: -bogus"},
		{[]string{"config", "check"}, 2, "no configuration FILE given"},
		{[]string{"config", "check", filepath.Join(dir, "nofile.yml")}, 1, "nofile.yml: open"},
		{[]string{"target", "tset"}, 2, `unknown subcommand "tset"`},
		{[]string{"target", "test", "--bogus"}, 2, "precwatch target test: flag provided but not defined: -bogus"},
		{[]string{"target", "test", "--config", cfg, "--target", "shop", "--pages", "0"}, 2, "--pages must be at least 1"},
		{[]string{"target", "test", "--config", cfg, "--target", "shop", "--pages", "few"}, 2, `invalid value "few" for flag -pages`},
		{[]string{"target", "test", "--config", cfg, "--target", "shop", "--log-level", "loud"}, 2, `precwatch target test: --log-level "loud"`},
		{[]string{"target", "test", "--config", cfg, "--target", "nosuch"}, 1, `no target "nosuch"`},
		{[]string{"version", "--bogus"}, 2, "precwatch version: flag provided but not defined: -bogus"},
		{[]string{"version", "now"}, 2, "takes no arguments"},
	} {
		before, beforeSearch := dirState(t, data), dirState(t, searchData)
		code, stdout, stderr := runCmd(t, nil, tc.args...)
		name := strings.Join(tc.args, " ")
		if code != tc.code || !strings.Contains(stderr, tc.want) {
			t.Errorf("precwatch %s: exit %d, stderr %q; want exit %d and %q", name, code, stderr, tc.code, tc.want)
		}
		if tc.code != 2 {
			continue
		}
		if stdout != "" {
			t.Errorf("precwatch %s: a usage error printed %q on stdout", name, stdout)
		}
		if after := dirState(t, data); after != before {
			t.Errorf("precwatch %s: a usage error changed the data directory:\nbefore\n%s\nafter\n%s", name, before, after)
		}
		if after := dirState(t, searchData); after != beforeSearch {
			t.Errorf("precwatch %s: a usage error changed the index directory", name)
		}
		for _, p := range []string{missing, demoData} {
			if _, err := os.Stat(p); !os.IsNotExist(err) {
				t.Errorf("precwatch %s: a usage error created %s", name, p)
			}
		}
	}
}

// TestSearchWhileIndexHeld: search on a data directory whose index another
// process holds (serve, demo) says which processes those may be and what
// to do instead, as crawl and rescan do; it said only "the index is in use
// by another process".
func TestSearchWhileIndexHeld(t *testing.T) {
	if testing.Short() {
		t.Skip("waits for the index lock timeout")
	}
	data := mustSearchData(t)
	x, err := index.Open(filepath.Join(data, "index.bleve"), index.Options{}) // what serve holds
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	code, stdout, stderr := runCmd(t, nil, "search", "--data", data, "ephedrine")
	want := "the index is in use by another process: another precwatch process (serve, demo, crawl or rescan) is using " + data
	if code != 1 || stdout != "" || !strings.HasPrefix(stderr, "precwatch search: ") || !strings.Contains(stderr, want) || !strings.Contains(stderr, "use its API") {
		t.Errorf("search while the index is held: exit %d, stdout %q, stderr %q; want exit 1 and %q", code, stdout, stderr, want)
	}
}

// helpFlags returns the flags `precwatch CMD --help` lists.
func helpFlags(t *testing.T, cmd []string) map[string]bool {
	t.Helper()
	code, stdout, stderr := runCmd(t, nil, append(append([]string(nil), cmd...), "--help")...)
	if code != 0 {
		t.Fatalf("precwatch %s --help: exit %d", strings.Join(cmd, " "), code)
	}
	flags := map[string]bool{}
	for _, m := range regexp.MustCompile(`(?m)^  -([a-z][a-z-]*)`).FindAllStringSubmatch(stdout+stderr, -1) {
		flags[m[1]] = true
	}
	return flags
}

// docCommands returns every precwatch command line the document at path
// shows, in code spans and in sh code blocks, each as its words after
// "precwatch", and the command lines of the command reference table.
func docCommands(t *testing.T, path string) (all, table [][]string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	var prose []string
	inFence, sh := false, false
	for _, line := range strings.Split(text, "\n") {
		if strings.HasPrefix(line, "```") {
			inFence, sh = !inFence, strings.TrimPrefix(line, "```") == "sh"
			continue
		}
		switch {
		case inFence && sh:
			if i := strings.Index(line, "precwatch "); i >= 0 {
				all = append(all, strings.Fields(line[i+len("precwatch "):]))
			}
		case !inFence:
			prose = append(prose, line)
		}
	}
	spans := regexp.MustCompile("`([^`]+)`")
	for _, line := range prose {
		for _, m := range spans.FindAllStringSubmatch(line, -1) {
			if i := strings.Index(m[1], "precwatch "); i >= 0 && (i == 0 || m[1][i-1] == '/') {
				words := strings.Fields(m[1][i+len("precwatch "):])
				all = append(all, words)
				if strings.HasPrefix(line, "| `precwatch ") {
					table = append(table, words)
				}
			}
		}
	}
	// Spans broken across lines: join each paragraph and look again.
	for _, para := range strings.Split(strings.Join(prose, "\n"), "\n\n") {
		para = strings.ReplaceAll(para, "\n", " ")
		for _, m := range spans.FindAllStringSubmatch(para, -1) {
			if i := strings.Index(m[1], "precwatch "); i >= 0 && (i == 0 || m[1][i-1] == '/') {
				all = append(all, strings.Fields(m[1][i+len("precwatch "):]))
			}
		}
	}
	return all, table
}

// splitCommand splits the words of a command line into the command
// ("tickets export") and its flags ("status", "format"), up to a shell pipe.
func splitCommand(words []string) (cmd []string, flags []string) {
	for i, w := range words {
		if w == "|" || strings.HasPrefix(w, "|") {
			break
		}
		if i == 0 || (i == 1 && len(cmd) == 1 && slices.Contains([]string{"tickets", "token", "config", "target"}, cmd[0]) &&
			regexp.MustCompile(`^[a-z][a-z-]*$`).MatchString(w)) {
			cmd = append(cmd, w)
			continue
		}
		if m := regexp.MustCompile(`^\[?--([a-z][a-z-]*)`).FindStringSubmatch(w); m != nil {
			flags = append(flags, m[1])
		}
	}
	return cmd, flags
}

// TestDocsNameRealFlags: every flag that README.md or docs/*.md shows
// on a precwatch command line is a flag of that command, and the README's
// command reference names every flag of every command (--log-level is
// said once for the commands that take it).
func TestDocsNameRealFlags(t *testing.T) {
	logLevel := map[string]bool{"crawl": true, "serve": true, "demo": true, "rescan": true, "target test": true}
	known := map[string]map[string]bool{}
	flagsOf := func(cmd []string) map[string]bool {
		key := strings.Join(cmd, " ")
		if known[key] == nil {
			known[key] = helpFlags(t, cmd)
			if got := known[key]["log-level"]; got != logLevel[key] {
				t.Errorf("precwatch %s: --log-level %t, but the README says %t", key, got, logLevel[key])
			}
		}
		return known[key]
	}
	seen := map[string]map[string]bool{}
	for _, doc := range []string{"../../README.md", "../../docs/SERVER.md", "../../docs/CRAWLING.md", "../../docs/MATCHING.md"} {
		all, table := docCommands(t, doc)
		if doc == "../../README.md" && len(table) < 14 {
			t.Errorf("%s: %d command lines in the command reference, want every command", doc, len(table))
		}
		for _, words := range all {
			cmd, flags := splitCommand(words)
			if len(cmd) == 0 || commands[cmd[0]] == nil || strings.HasSuffix(words[min(1, len(words)-1)], ":") {
				continue // "precwatch COMMAND", "precwatch help …", a message ("precwatch tickets export: …")
			}
			have := flagsOf(cmd)
			for _, f := range flags {
				if !have[f] {
					t.Errorf("%s: `precwatch %s` names --%s, which precwatch %s does not have", doc, strings.Join(words, " "), f, strings.Join(cmd, " "))
				}
			}
		}
		for _, words := range table {
			cmd, flags := splitCommand(words)
			key := strings.Join(cmd, " ")
			if seen[key] == nil {
				seen[key] = map[string]bool{}
			}
			for _, f := range flags {
				seen[key][f] = true
			}
		}
	}
	for key, flags := range seen {
		for f := range flagsOf(strings.Fields(key)) {
			if !flags[f] && f != "log-level" {
				t.Errorf("README command reference: precwatch %s lacks --%s", key, f)
			}
		}
	}
	for _, key := range []string{"match", "crawl", "target test", "config check", "search", "tickets list", "tickets show",
		"tickets export", "tickets set-status", "rescan", "serve", "token create", "token list", "token revoke", "demo", "version"} {
		if seen[key] == nil {
			t.Errorf("README command reference: no row for precwatch %s", key)
		}
	}
}

// TestInterruptedSaysSo: a command stopped by Ctrl-C (its context
// cancelled) says "interrupted" and exits 1; it said "context canceled".
func TestInterruptedSaysSo(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var out, errb bytes.Buffer
	env := &Env{Stdin: strings.NewReader(`{"id":"1","title":"ephedrine"}` + "\n"), Stdout: &out, Stderr: &errb, Getenv: func(string) string { return "" }}
	if code := Run(ctx, env, []string{"match"}); code != 1 || !strings.HasSuffix(errb.String(), "precwatch match: interrupted\n") {
		t.Errorf("match interrupted: exit %d, stderr %q; want 1 and 'precwatch match: interrupted'", code, errb.String())
	}
}
