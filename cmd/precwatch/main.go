// Command precwatch watches online marketplaces for offers of drug precursors.
//
// Each subcommand lives in its own file and registers itself in commands;
// main only parses the subcommand name, sets up logging and signals, and runs it.
package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"regexp"
	"sort"
	"strings"
	"syscall"
	"time"
	// Targets' time_zone names are read on hosts without a zoneinfo
	// database (minimal containers) too.
	_ "time/tzdata"

	"github.com/precwatch/precwatch"
	"github.com/precwatch/precwatch/server"
)

// command is one subcommand of precwatch.
type command struct {
	name    string
	summary string
	// run parses args with its own FlagSet and does the work. It returns
	// errSilent when it has already reported the failure.
	run func(ctx context.Context, env *Env, args []string) error
}

// Env is what a subcommand may touch of the outside world; tests drive the
// program through it.
type Env struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	Getenv func(string) string
}

// errSilent means the command has already printed why it failed.
var errSilent = errors.New("failed")

var commands = map[string]*command{}

func register(c *command) { commands[c.name] = c }

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	env := &Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv}
	code := Run(ctx, env, os.Args[1:])
	stop()
	os.Exit(code)
}

// Run runs precwatch with args (without the program name) and returns the exit
// code.
func Run(ctx context.Context, env *Env, args []string) int {
	if len(args) > 1 && args[0] == "help" {
		// precwatch help COMMAND [SUBCOMMAND] is COMMAND [SUBCOMMAND] --help.
		args = append(append([]string(nil), args[1:]...), "--help")
	}
	if len(args) > 0 && (args[0] == "--version" || args[0] == "-version") {
		args = append([]string{"version"}, args[1:]...)
	}
	if len(args) == 0 {
		// No command is a usage error: the usage goes to stderr.
		usage(env.Stderr)
		return exitUsage
	}
	if args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(env.Stdout)
		return exitOK
	}
	c, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(env.Stderr, "precwatch: unknown command %q\n", args[0])
		usage(env.Stderr)
		return exitUsage
	}
	return exitCode(env, c.name, c.run(ctx, env, args[1:]))
}

// Exit codes, as mature command-line tools use them (grep, git, the Go
// flag package): 0 success (--help included); 1 the command ran and
// failed (a missing file or data directory, an invalid configuration
// file, a busy index, something not found, a change the ticket workflow
// forbids, malformed input lines, no page fetched); 2 the command line is
// wrong (unknown command, subcommand or flag, a flag value of the wrong
// type or outside its allowed values, a missing required flag or
// argument, an extra argument, a malformed argument such as a ticket ID
// or a search query). A command checks its command line before it
// writes anything, so a usage error changes nothing.
const (
	exitOK      = 0
	exitFailure = 1
	exitUsage   = 2
)

// exitCode reports err of the command name on env.Stderr, unless it has
// been reported already, and returns the exit code for it.
func exitCode(env *Env, name string, err error) int {
	var ue *usageErr
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
		return exitOK
	case errors.As(err, &ue):
		ue.report(env.Stderr, name)
		return exitUsage
	case errors.Is(err, errUsage):
		return exitUsage // already printed (the FlagSet, or usageError)
	case errors.Is(err, errSilent):
		return exitFailure
	case errors.Is(err, context.Canceled):
		// Ctrl-C or SIGTERM before the command finished.
		fmt.Fprintf(env.Stderr, "precwatch %s: interrupted\n", name)
		return exitFailure
	default:
		fmt.Fprintf(env.Stderr, "precwatch %s: %s\n", name, errorText(err))
		return exitFailure
	}
}

// errorText is err as a user reads it: a precwatch.Error in the chain
// shows its message without its code ("not_found: no precwatch data in
// DIR" reads "no precwatch data in DIR"), and the context wrapped around
// it stays.
func errorText(err error) string {
	var pe *precwatch.Error
	if !errors.As(err, &pe) {
		return err.Error()
	}
	return strings.Replace(err.Error(), pe.Error(), pe.Message, 1)
}

// errUsage means the command line was wrong: exit 2. Returned as is, it
// says why has been printed already (by the FlagSet or usageError); a
// usageErr, which carries its message, matches it too (errors.Is).
var errUsage = errors.New("usage")

// usageErr is a command line that is wrong in a way the FlagSet cannot
// see: a flag value outside its allowed values, a malformed argument.
// Commands return it (badUsage) before they write anything; Run prints
// it with the command's name and a pointer to --help, and exits 2.
type usageErr struct {
	msg      string
	reported bool
}

func (e *usageErr) Error() string { return e.msg }

// Is makes every usage error match errUsage.
func (e *usageErr) Is(target error) bool { return target == errUsage }

// report prints "precwatch NAME: MESSAGE" and where the usage is, once.
func (e *usageErr) report(w io.Writer, name string) {
	if e.reported {
		return
	}
	e.reported = true
	fmt.Fprintf(w, "precwatch %s: %s\nRun 'precwatch %s --help' for usage.\n", name, e.msg, name)
}

// badUsage returns a usage error (exit 2): "--format \"xml\": want json or
// text". The message names the flag or argument and what it takes.
func badUsage(format string, a ...any) error {
	return &usageErr{msg: fmt.Sprintf(format, a...)}
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "precwatch watches online marketplaces for offers of drug precursors.")
	fmt.Fprintln(w, "\nUsage: precwatch COMMAND [flags]\n\nCommands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w, "\nRun 'precwatch COMMAND --help' for a command's flags.")
	fmt.Fprintln(w, "Exit status: 0 success, 1 the command failed, 2 the command line is wrong.")
}

// newFlagSet returns a FlagSet for a subcommand that prints its usage to the
// environment's stderr and returns errors instead of exiting.
func newFlagSet(env *Env, name, synopsis string) *flag.FlagSet {
	fs := flag.NewFlagSet("precwatch "+name, flag.ContinueOnError)
	fs.SetOutput(usageOutput{Writer: env.Stderr, help: env.Stdout})
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), strings.TrimSpace("Usage: precwatch "+name+" "+synopsis))
		n := 0
		fs.VisitAll(func(*flag.Flag) { n++ })
		if n > 0 {
			fmt.Fprintln(fs.Output(), "\nFlags:")
			fs.PrintDefaults()
		}
	}
	return fs
}

// parseFlags parses args, mapping flag errors to errUsage and -h to
// flag.ErrHelp. A flag error is said with the command's name, like every
// other usage error ("precwatch match: flag provided but not defined:
// -bogus"), then the usage.
//
// Flags may come before, between or after the positional arguments, as
// GNU tools take them (`tickets list --data d --status open` is `tickets
// list --status open --data d`, `search ephedrine --limit 5` is `search
// --limit 5 ephedrine`); "--" ends the flags, and "-" is an argument.
// Afterwards fs.Args() holds the positional arguments in order, as the
// flag package leaves them when every flag comes first: a "--" that
// follows a positional argument stays among them. parseArgs returns them
// without it.
//
// A FlagSet that defines no flag (a dispatcher such as `target` in front
// of its subcommand, or `version`) stops at its first argument, so that
// the flags after a subcommand's name reach the subcommand.
func parseFlags(fs *flag.FlagSet, args []string) error {
	_, err := parseArgs(fs, args)
	return err
}

// parseArgs is parseFlags returning the positional arguments, in order,
// without the "--" that ended the flags.
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	defined := false
	fs.VisitAll(func(*flag.Flag) { defined = true })
	if !defined {
		if err := parseLeadingFlags(fs, args); err != nil {
			return nil, err
		}
		return fs.Args(), nil
	}
	return parseAnyFlags(fs, args)
}

// parseAnyFlags parses flags wherever they are among args, whether or not
// fs defines any (config check takes none, and says so of a flag after
// its files), and returns the positional arguments as parseArgs does.
func parseAnyFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var before, after []string
	ended := false
	for {
		if err := parseLeadingFlags(fs, args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if endsFlags(fs, args[:len(args)-len(rest)]) {
			ended, after = true, rest
			break
		}
		if len(rest) == 0 {
			break
		}
		before = append(before, rest[0])
		args = rest[1:]
	}
	pos := append(append([]string(nil), before...), after...)
	// Leave fs.Args() as the flag package would have after flags written
	// first; a leading "--" makes every word after it an argument.
	std := []string{"--"}
	std = append(std, before...)
	if ended && len(before) > 0 {
		std = append(std, "--")
	}
	std = append(std, after...)
	if err := fs.Parse(std); err != nil {
		return nil, err // not reached: nothing after "--" is a flag
	}
	return pos, nil
}

// endsFlags reports whether the arguments the flag package consumed,
// consumed, end with the "--" that ends the flags (and not, say, the
// value of --reason --).
func endsFlags(fs *flag.FlagSet, consumed []string) bool {
	for i := 0; i < len(consumed); i++ {
		switch {
		case consumed[i] == "--":
			return true
		case takesValue(fs, consumed[i]):
			i++ // its value
		}
	}
	return false
}

// takesValue reports whether a is a flag whose value is the next argument
// (--limit 5, not --limit=5 nor a boolean flag).
func takesValue(fs *flag.FlagSet, a string) bool {
	if !strings.HasPrefix(a, "-") || strings.Contains(a, "=") {
		return false
	}
	f := fs.Lookup(strings.TrimLeft(a, "-"))
	if f == nil {
		return false
	}
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return !ok || !b.IsBoolFlag()
}

// usageOutput is a flag set's output: usage after a mistake goes to the
// Writer (stderr), the help a user asked for with -h or --help to help
// (stdout).
type usageOutput struct {
	io.Writer
	help io.Writer
}

// parseLeadingFlags parses the flags that come first in args, up to the
// first positional argument or "--", as the flag package does.
func parseLeadingFlags(fs *flag.FlagSet, args []string) error {
	out := fs.Output()
	var buf bytes.Buffer
	fs.SetOutput(&buf)
	err := fs.Parse(args)
	fs.SetOutput(out)
	switch {
	case err == nil:
		return nil
	case errors.Is(err, flag.ErrHelp):
		// Asked for, the help is the command's output (`precwatch crawl
		// --help | less`); a usage printed after an error goes to stderr.
		if u, ok := out.(usageOutput); ok {
			out = u.help
		}
		io.Copy(out, &buf)
		return flag.ErrHelp
	}
	if first, _, _ := strings.Cut(buf.String(), "\n"); strings.HasPrefix(first, "invalid value ") {
		// A wrong value: say what the flag wants, not Go's "parse error"
		// and the whole usage after it.
		fmt.Fprintf(out, "%s: %s\nRun '%s --help' for usage.\n", fs.Name(), flagWant(fs, first), fs.Name())
		return errUsage
	}
	fmt.Fprintf(out, "%s: %s", fs.Name(), buf.String())
	return errUsage
}

// badFlagValue picks the flag's name out of the flag package's message
// `invalid value "abc" for flag -threshold: parse error`.
var badFlagValue = regexp.MustCompile(`for flag -([^:\s]+): parse error$`)

// flagWant rewrites the flag package's `…: parse error` as what the flag
// takes (`…: want a number`); other messages stay as they are.
func flagWant(fs *flag.FlagSet, msg string) string {
	m := badFlagValue.FindStringSubmatch(msg)
	if m == nil {
		return msg
	}
	f := fs.Lookup(m[1])
	if f == nil {
		return msg
	}
	g, ok := f.Value.(flag.Getter)
	if !ok {
		return msg
	}
	var want string
	switch g.Get().(type) {
	case int, int64, uint, uint64:
		want = "a whole number"
	case float64:
		want = "a number"
	case bool:
		want = "true or false"
	case time.Duration:
		want = "a duration such as 30s, 5m or 2h"
	default:
		return msg
	}
	return strings.TrimSuffix(msg, "parse error") + "want " + want
}

// newLogger returns a structured logger at the named level writing to w.
func newLogger(w io.Writer, level string) (*slog.Logger, error) {
	var l slog.Level
	if err := l.UnmarshalText([]byte(level)); err != nil {
		return nil, badUsage("--log-level %q: want debug, info, warn or error", level)
	}
	// A target's URLs and POST body may carry secrets (an API key in a
	// start URL, userinfo, a GraphQL argument); no log line of any command
	// shows them (docs/SERVER.md, "Secrets").
	h := slog.NewTextHandler(w, &slog.HandlerOptions{Level: l, ReplaceAttr: utcTime})
	return slog.New(server.NewRedactHandler(h)), nil
}

// utcTime writes log times in UTC (RFC 3339, like every time precwatch
// prints), whatever the machine's time zone.
func utcTime(groups []string, a slog.Attr) slog.Attr {
	if len(groups) == 0 && a.Key == slog.TimeKey && a.Value.Kind() == slog.KindTime {
		a.Value = slog.TimeValue(a.Value.Time().UTC())
	}
	return a
}
