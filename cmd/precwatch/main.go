// Command precwatch watches online marketplaces for offers of drug precursors.
//
// Each subcommand lives in its own file and registers itself in commands;
// main only parses the subcommand name, sets up logging and signals, and runs it.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"sort"
	"syscall"
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
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(env.Stdout)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	c, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(env.Stderr, "precwatch: unknown command %q\n", args[0])
		usage(env.Stderr)
		return 2
	}
	err := c.run(ctx, env, args[1:])
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errUsage):
		return 2
	case errors.Is(err, errSilent):
		return 1
	default:
		fmt.Fprintf(env.Stderr, "precwatch %s: %v\n", c.name, err)
		return 1
	}
}

// errUsage means the flags were wrong; the FlagSet has printed why.
var errUsage = errors.New("usage")

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
}

// newFlagSet returns a FlagSet for a subcommand that prints its usage to the
// environment's stderr and returns errors instead of exiting.
func newFlagSet(env *Env, name, synopsis string) *flag.FlagSet {
	fs := flag.NewFlagSet("precwatch "+name, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: precwatch %s %s\n\nFlags:\n", name, synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args, mapping flag errors to errUsage and -h to flag.ErrHelp.
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return flag.ErrHelp
		}
		return errUsage
	}
	return nil
}

// newLogger returns a structured logger at the named level writing to w.
func newLogger(w io.Writer, level string) (*slog.Logger, error) {
	var l slog.Level
	if err := l.UnmarshalText([]byte(level)); err != nil {
		return nil, fmt.Errorf("log level %q: want debug, info, warn or error", level)
	}
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: l, ReplaceAttr: utcTime})), nil
}

// utcTime writes log times in UTC (RFC 3339, like every time precwatch
// prints), whatever the machine's time zone.
func utcTime(groups []string, a slog.Attr) slog.Attr {
	if len(groups) == 0 && a.Key == slog.TimeKey && a.Value.Kind() == slog.KindTime {
		a.Value = slog.TimeValue(a.Value.Time().UTC())
	}
	return a
}
