package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/netip"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/mattn/go-isatty"

	"github.com/precwatch/precwatch"
)

// mustJSON marshals v, which is always a plain map or struct here.
func mustJSON(v any) json.RawMessage {
	b, err := json.Marshal(v)
	if err != nil {
		return json.RawMessage(`null`)
	}
	return b
}

// isTerminal reports whether w is an interactive terminal (for progress).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && isatty.IsTerminal(f.Fd())
}

// usageError prints what is wrong with the command line ("precwatch crawl:
// --config is required"), then the command's usage, and returns errUsage.
//
// A required flag missing while one argument was given is most likely
// that argument without its flag: "crawl precwatch.yml" says "--config is
// required (did you mean --config precwatch.yml?)".
func usageError(fs *flag.FlagSet, format string, args ...any) error {
	msg := fmt.Sprintf(format, args...)
	if name, ok := strings.CutSuffix(msg, " is required"); ok && fs.NArg() == 1 && strings.HasPrefix(name, "--") && !strings.Contains(name, " ") {
		msg += fmt.Sprintf(" (did you mean %s %s?)", name, fs.Arg(0))
	}
	fmt.Fprintf(fs.Output(), "%s: %s\n\n", fs.Name(), msg)
	fs.Usage()
	return errUsage
}

// extraArgs reports the first positional argument of a command that
// takes none: a typo, a flag's value given twice, or a value with spaces
// left unquoted ("crawl --config my config.yml").
func extraArgs(fs *flag.FlagSet) string {
	if fs.NArg() == 0 {
		return ""
	}
	return fmt.Sprintf("unexpected argument %q (%s takes flags only; quote a value with spaces)", fs.Arg(0), fs.Name())
}

// privateNetworkHint says, for a target without allow_private_networks,
// which start URL names a loopback, private, link-local or unspecified
// address (or localhost) that the crawler's SSRF guard will refuse, and how
// to allow it. It returns "" when there is nothing to say. Only literal
// addresses and localhost are recognised: resolving names is the crawler's
// job, at connect time.
func privateNetworkHint(t precwatch.Target) string {
	if t.AllowPrivateNetworks {
		return ""
	}
	for _, s := range t.StartURLs {
		u, err := url.Parse(s)
		if err != nil {
			continue
		}
		host := strings.ToLower(u.Hostname())
		private := host == "localhost" || strings.HasSuffix(host, ".localhost")
		if a, err := netip.ParseAddr(host); err == nil {
			a = a.Unmap()
			private = a.IsLoopback() || a.IsPrivate() || a.IsLinkLocalUnicast() || a.IsUnspecified()
		}
		if private {
			return fmt.Sprintf("target %s: %s is a loopback or private address, which the SSRF guard refuses; "+
				"set allow_private_networks: true on the target if it really is on your own network (loopback testing, an on-premises marketplace)",
				t.Name, s)
		}
	}
	return ""
}

// argsText says which positional arguments a command got: "no
// arguments", "1 argument (\"7\")", "3 arguments (\"7\" \"in_review\" \"now\")".
func argsText(pos []string) string {
	if len(pos) == 0 {
		return "no arguments"
	}
	q := make([]string, len(pos))
	for i, a := range pos {
		q[i] = strconv.Quote(a)
	}
	return fmt.Sprintf("%s (%s)", plural(len(pos), "argument"), strings.Join(q, " "))
}

// plural returns "1 page" or "n pages".
func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// stamp writes a time as text output shows it: RFC 3339 in UTC, to the
// second ("2026-11-27T11:23:05Z"), as the JSON and CSV outputs write it.
func stamp(t time.Time) string { return t.UTC().Format(time.RFC3339) }
