package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/precwatch/precwatch/config"
	"github.com/precwatch/precwatch/matchers"
)

func init() {
	register(&command{name: "config", summary: "check configuration files", run: runConfig})
}

// runConfig dispatches `precwatch config SUBCOMMAND`; the only one is check.
func runConfig(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "config", "check FILE ...")
	fs.Usage = func() { configCheckUsage(fs.Output()) }
	// Only the flags before the subcommand's name are config's (it has
	// none but --help); the rest are check's.
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usageError(fs, "missing subcommand (the only one is check)")
	}
	if fs.Arg(0) != "check" {
		return usageError(fs, "unknown subcommand %q (the only one is check)", fs.Arg(0))
	}
	return tkReport(env, "config check", runConfigCheck(ctx, env, fs.Args()[1:]))
}

func runConfigCheck(_ context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "config check", "FILE ...   (- reads standard input)")
	fs.Usage = func() { configCheckUsage(fs.Output()) }
	// check takes no flags, but a flag after the files (--help, or one
	// of another command) is said as such, not opened as a file; "--"
	// ends the flags, for a file whose name starts with a dash.
	files, err := parseAnyFlags(fs, args)
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return usageError(fs, "no configuration FILE given")
	}
	// Problems and warnings may quote a target's URL, with its secrets.
	env = redactedEnv(env)
	failed := false
	for _, file := range files {
		var data []byte
		var err error
		if file == "-" {
			file = "<stdin>"
			data, err = io.ReadAll(env.Stdin)
		} else {
			data, err = os.ReadFile(file)
		}
		if err != nil {
			fmt.Fprintf(env.Stderr, "%s: %v\n", file, err)
			failed = true
			continue
		}
		cfg, err := config.Parse(file, data, env.Getenv)
		var cerr *config.Error
		switch {
		case errors.As(err, &cerr):
			for _, p := range cerr.Problems {
				fmt.Fprintln(env.Stderr, p.String())
			}
			failed = true
		case err != nil:
			fmt.Fprintf(env.Stderr, "%s: %v\n", file, err)
			failed = true
		case checkWatchlists(env, file, cfg):
			failed = true
		default:
			fmt.Fprintf(env.Stdout, "%s: ok (%s)\n", file, plural(len(cfg.Targets), "target"))
			if len(cfg.Targets) == 0 {
				// Valid, but crawl and serve would do nothing: most
				// likely the wrong file, or targets misspelt at the top.
				fmt.Fprintf(env.Stderr, "%s: warning: no targets: crawl and serve have nothing to crawl (add a targets: list)\n", file)
			}
			// Accepted but most likely a mistake (one platform spelt two
			// ways): said, without failing the check.
			for _, w := range cfg.Warnings {
				fmt.Fprintln(env.Stderr, w.Warning())
			}
			for _, t := range cfg.Targets {
				if hint := privateNetworkHint(t); hint != "" {
					fmt.Fprintf(env.Stderr, "%s: warning: %s\n", file, hint)
				}
			}
		}
	}
	if failed {
		return errSilent
	}
	return nil
}

// checkWatchlists loads the watchlist files cfg names, from the folder of
// the configuration file as crawl and serve do, and prints every problem
// of each one that cannot be read or is malformed as FILE:line:col:
// watchlists[i]: WATCHLIST:line: field: message, one a line. When all load,
// it prints their warnings (an entry reusing another's CAS number). It
// reports whether one failed.
func checkWatchlists(env *Env, file string, cfg *config.Config) (failed bool) {
	var paths []string
	for i, w := range cfg.Watchlists {
		path := w
		if !filepath.IsAbs(path) {
			path = filepath.Join(filepath.Dir(file), path)
		}
		paths = append(paths, path)
		data, err := os.ReadFile(path)
		if err == nil {
			_, err = matchers.ParseWatchlist(path, data)
		}
		if err != nil {
			field := fmt.Sprintf("watchlists[%d]", i)
			var we *matchers.WatchlistError
			if errors.As(err, &we) {
				for _, p := range we.Problems {
					fmt.Fprintln(env.Stderr, cfg.Problem(field, p.String()).String())
				}
			} else {
				fmt.Fprintln(env.Stderr, cfg.Problem(field, err.Error()).String())
			}
			failed = true
		}
	}
	if !failed && len(paths) > 0 {
		if wl, err := matchers.LoadWatchlist(paths...); err == nil {
			for _, w := range wl.Warnings() {
				fmt.Fprintln(env.Stderr, w.Warning())
			}
		}
	}
	return failed
}

// configCheckUsage is the --help of config and of config check.
func configCheckUsage(w io.Writer) {
	fmt.Fprintln(w, "Usage: precwatch config check FILE ...   (- reads standard input)")
	fmt.Fprintln(w, "\nChecks each configuration file: defaults, unknown keys, ${ENV} references,")
	fmt.Fprintln(w, "every field of every target, and the watchlist files it names (relative to")
	fmt.Fprintln(w, "the file). Prints \"FILE: ok (N targets)\" and any")
	fmt.Fprintln(w, "warnings (file:line:col: warning: …) on stderr, or every problem as")
	fmt.Fprintln(w, "file:line:col: field: message and exits 1.")
}
