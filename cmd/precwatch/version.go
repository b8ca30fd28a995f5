package main

import (
	"context"
	"fmt"
	"runtime"
	"runtime/debug"
)

func init() {
	register(&command{name: "version", summary: "print the version of precwatch", run: runVersion})
}

// runVersion prints one line: the module version (or "devel"), the VCS
// revision and time it was built from ("commit unknown (built without VCS
// info)" when the build did not record them), and the Go version.
func runVersion(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "version", "   (also precwatch --version)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError(fs, "takes no arguments")
	}
	fmt.Fprintln(env.Stdout, versionLine())
	return nil
}

func versionLine() string {
	v, rev, at, dirty := "devel", "", "", false
	if bi, ok := debug.ReadBuildInfo(); ok {
		if mv := bi.Main.Version; mv != "" && mv != "(devel)" {
			v = mv
		}
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.time":
				at = s.Value
			case "vcs.modified":
				dirty = s.Value == "true"
			}
		}
	}
	line := "precwatch " + v
	if rev == "" {
		// go build -buildvcs=false, a build outside a git checkout, or
		// go run/go test: say so rather than print nothing.
		line += " commit unknown (built without VCS info)"
	} else {
		line += " " + rev[:min(len(rev), 12)]
		if dirty {
			line += "+dirty"
		}
		if at != "" {
			line += " " + at
		}
	}
	return line + " " + runtime.Version()
}
