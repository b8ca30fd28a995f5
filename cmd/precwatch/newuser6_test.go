package main

import (
	"flag"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestParseArgs: flags may come before, between or after the positional
// arguments, "--" ends them, and fs.Args() is left as the flag package
// leaves it when every flag comes first.
func TestParseArgs(t *testing.T) {
	for _, tc := range []struct {
		args         []string
		pos, fsArgs  []string
		n            int
		s            string
		b            bool
		wantErr      bool
		noFlagsInSet bool
	}{
		{args: []string{"a", "--n", "1", "b"}, pos: []string{"a", "b"}, fsArgs: []string{"a", "b"}, n: 1},
		{args: []string{"--n", "2", "a", "b", "-b"}, pos: []string{"a", "b"}, fsArgs: []string{"a", "b"}, n: 2, b: true},
		{args: []string{"a", "-n=3", "b", "--s", "x", "c"}, pos: []string{"a", "b", "c"}, fsArgs: []string{"a", "b", "c"}, n: 3, s: "x"},
		{args: []string{"a", "--", "-x", "--n"}, pos: []string{"a", "-x", "--n"}, fsArgs: []string{"a", "--", "-x", "--n"}},
		{args: []string{"--", "-x", "a"}, pos: []string{"-x", "a"}, fsArgs: []string{"-x", "a"}},
		{args: []string{"a", "--s", "--", "b"}, pos: []string{"a", "b"}, fsArgs: []string{"a", "b"}, s: "--"},
		{args: []string{"--s", "--", "--n", "4"}, pos: nil, fsArgs: []string{}, s: "--", n: 4},
		{args: []string{"-", "--b", "-"}, pos: []string{"-", "-"}, fsArgs: []string{"-", "-"}, b: true},
		{args: []string{"a", "--bogus"}, wantErr: true},
		{args: []string{"a", "--n", "x"}, wantErr: true},
		// A FlagSet without flags (a dispatcher) stops at its first
		// argument: the rest belongs to the subcommand.
		{args: []string{"test", "--config", "c"}, pos: []string{"test", "--config", "c"}, fsArgs: []string{"test", "--config", "c"}, noFlagsInSet: true},
	} {
		fs := flag.NewFlagSet("precwatch x", flag.ContinueOnError)
		fs.SetOutput(io.Discard)
		var n *int
		var s *string
		var b *bool
		if !tc.noFlagsInSet {
			n, s, b = fs.Int("n", 0, ""), fs.String("s", "", ""), fs.Bool("b", false, "")
		}
		pos, err := parseArgs(fs, tc.args)
		if tc.wantErr {
			if err == nil {
				t.Errorf("parseArgs(%q): no error, want one", tc.args)
			}
			continue
		}
		if err != nil {
			t.Errorf("parseArgs(%q): %v", tc.args, err)
			continue
		}
		if !slices.Equal(pos, tc.pos) {
			t.Errorf("parseArgs(%q) = %q, want %q", tc.args, pos, tc.pos)
		}
		if got := fs.Args(); !slices.Equal(got, tc.fsArgs) && !(len(got) == 0 && len(tc.fsArgs) == 0) {
			t.Errorf("parseArgs(%q): fs.Args() = %q, want %q", tc.args, got, tc.fsArgs)
		}
		if n != nil && (*n != tc.n || *s != tc.s || *b != tc.b) {
			t.Errorf("parseArgs(%q): n=%d s=%q b=%t, want n=%d s=%q b=%t", tc.args, *n, *s, *b, tc.n, tc.s, tc.b)
		}
	}
}

// TestFlagsAfterArguments: every subcommand takes its flags after its
// positional arguments as well as before, with the same output and exit
// status, and "--" ends the flags.
func TestFlagsAfterArguments(t *testing.T) {
	tk := tkFixture(t)
	sd := mustSearchData(t)
	dir := t.TempDir()
	cfg := filepath.Join(dir, "precwatch.yml")
	writeFile(t, cfg, "targets:\n  - name: shop\n    platform: Shop\n    start_urls: [\"https://shop.example/\"]\n")
	odd := filepath.Join(dir, "-odd.yml")
	writeFile(t, odd, "targets:\n  - name: odd\n    platform: Odd\n    start_urls: [\"https://odd.example/\"]\n")

	for _, tc := range []struct {
		name          string
		before, after []string
		code          int
	}{
		{"tickets show", []string{"tickets", "show", "--data", tk, "--format", "json", "1"}, []string{"tickets", "show", "1", "--format", "json", "--data", tk}, 0},
		{"tickets list", []string{"tickets", "list", "--data", tk, "--platform", "ChemHub", "--limit", "1"}, []string{"tickets", "list", "--limit", "1", "--data", tk, "--platform", "ChemHub"}, 0},
		{"tickets export", []string{"tickets", "export", "--data", tk, "--format", "csv"}, []string{"tickets", "export", "--format", "csv", "--data", tk}, 0},
		{"search", []string{"search", "--data", sd, "--format", "text", "--limit", "2", "ephedrine"}, []string{"search", "ephedrine", "--data", sd, "--format", "text", "--limit", "2"}, 0},
		{"search two words", []string{"search", "--data", sd, "--limit", "3", "ephedrine", "powder"}, []string{"search", "ephedrine", "--data", sd, "powder", "--limit", "3"}, 0},
		{"token list", []string{"token", "list", "--data", tk}, []string{"token", "list", "--data", tk}, 0},
		{"config check", []string{"config", "check", cfg}, []string{"config", "check", cfg}, 0},
		{"config check --", []string{"config", "check", "--", odd}, []string{"config", "check", cfg, "--", odd}, 0},
		{"version", []string{"version"}, []string{"version"}, 0},
	} {
		codeB, outB, errB := runCmd(t, nil, tc.before...)
		codeA, outA, errA := runCmd(t, nil, tc.after...)
		if codeB != tc.code || codeA != tc.code {
			t.Errorf("%s: exit %d (flags first: %q) and %d (flags after: %q), want %d", tc.name, codeB, errB, codeA, errA, tc.code)
			continue
		}
		if tc.name == "config check --" {
			// The second run checks one file more.
			if !strings.Contains(outA, odd+": ok") || !strings.Contains(outB, odd+": ok") {
				t.Errorf("%s: %q and %q, want %s checked", tc.name, outB, outA, odd)
			}
			continue
		}
		if outB != outA || outB == "" {
			t.Errorf("%s: flags after the arguments printed\n%s\nwant (flags first)\n%s", tc.name, outA, outB)
		}
	}
}

// TestFlagsAfterArgumentsErrors: a flag after the arguments is checked like
// one before them (unknown: exit 2 naming it, not read as an argument), and
// a command that takes no arguments names the stray one.
func TestFlagsAfterArgumentsErrors(t *testing.T) {
	tk := tkFixture(t)
	dir := t.TempDir()
	cfg := filepath.Join(dir, "precwatch.yml")
	writeFile(t, cfg, "targets:\n  - name: shop\n    platform: Shop\n    start_urls: [\"https://shop.example/\"]\n")
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"config", "check", cfg, "--log-level", "warn"}, 2, "precwatch config check: flag provided but not defined: -log-level"},
		{[]string{"tickets", "list", "--data", tk, "--state", "open"}, 2, "precwatch tickets list: flag provided but not defined: -state"},
		{[]string{"tickets", "show", "1", "--data", tk, "--bogus"}, 2, "precwatch tickets show: flag provided but not defined: -bogus"},
		{[]string{"tickets", "show", "--data", tk, "--", "--format"}, 2, `ticket ID "--format": want a positive number`},
		{[]string{"tickets", "list", "open", "--data", tk}, 2, `unexpected argument "open"`},
		{[]string{"rescan", "extra", "--data", tk}, 2, `precwatch rescan: unexpected argument "extra" (precwatch rescan takes flags only`},
		{[]string{"crawl", cfg}, 2, "precwatch crawl: --config is required (did you mean --config " + cfg + "?)"},
		{[]string{"serve", cfg, "--addr", "127.0.0.1:0"}, 2, "precwatch serve: --config is required (did you mean --config " + cfg + "?)"},
		{[]string{"target", "test", "--target", "shop", cfg}, 2, "precwatch target test: --config is required (did you mean --config " + cfg + "?)"},
		{[]string{"crawl", "--config", cfg, "x", "--data", dir}, 2, `precwatch crawl: unexpected argument "x"`},
		{[]string{"demo", "--no-serve", "now"}, 2, `precwatch demo: unexpected argument "now"`},
		{[]string{"version", "x", "--help"}, 2, "takes no arguments"},
		{[]string{"tickets", "set-status", "1", "in_review", "--data", tk, "--actor", "a", "--reason", "checking", "the", "seller"}, 2,
			`want a ticket ID and a status, got 4 arguments ("1" "in_review" "the" "seller") (quote a --reason with spaces)`},
		{[]string{"tickets", "show", "--data", tk}, 2, "want exactly one ticket ID, got no arguments"},
		{[]string{"token", "revoke", "1", "2", "--data", tk}, 2, `want one token ID (see token list), got 2 arguments ("1" "2")`},
		{[]string{"config", "check", cfg, "--help"}, 0, "Checks each configuration file"},
		{[]string{"tickets", "show", "1", "--help"}, 0, "Usage: precwatch tickets show"},
	} {
		before := dirState(t, dir)
		code, stdout, stderr := runCmd(t, nil, tc.args...)
		got := stderr // a mistake is said on stderr, the help asked for on stdout
		if tc.code == 0 {
			got = stdout
		}
		if code != tc.code || !strings.Contains(got, tc.want) {
			t.Errorf("precwatch %s: exit %d, output %q; want exit %d and %q", strings.Join(tc.args, " "), code, got, tc.code, tc.want)
		}
		if after := dirState(t, dir); after != before {
			t.Errorf("precwatch %s changed %s:\n%s\nwas\n%s", strings.Join(tc.args, " "), dir, after, before)
		}
	}
}

// TestFlagsAfterArgumentsWrite: a write with its flags after its
// arguments does what it does with them first, and a flag's value may be
// "--" without ending the flags.
func TestFlagsAfterArgumentsWrite(t *testing.T) {
	tk := tkFixture(t)
	if code, out, errs := runCmd(t, nil, "tickets", "set-status", "1", "in_review", "--data", tk, "--actor", "ana", "--reason", "--"); code != 0 || !strings.Contains(out, "open -> in_review") {
		t.Fatalf("tickets set-status 1 in_review --data D --actor ana --reason --: exit %d, stdout %q, stderr %q", code, out, errs)
	}
	code, out, errs := runCmd(t, nil, "tickets", "show", "1", "--data", tk)
	if code != 0 || !strings.Contains(out, "in_review") || !strings.Contains(out, "ana") {
		t.Errorf("tickets show 1 after set-status: exit %d, stdout %q, stderr %q; want in_review by ana", code, out, errs)
	}
	code, out, errs = runCmd(t, nil, "token", "create", "--role", "regulator", "--data", tk)
	if code != 0 || !strings.HasPrefix(lastLine(out), "pw_") {
		t.Fatalf("token create --role regulator --data D: exit %d, stdout %q, stderr %q", code, out, errs)
	}
	if code, out, errs := runCmd(t, nil, "token", "revoke", "1", "--data", tk); code != 0 {
		t.Errorf("token revoke 1 --data D: exit %d, stdout %q, stderr %q", code, out, errs)
	}
	if _, err := os.Stat(filepath.Join(tk, "precwatch.db")); err != nil {
		t.Fatal(err)
	}
}

// TestTargetDispatcherKeepsSubcommandFlags: target and config have no flags
// of their own, so the flags after the subcommand's name reach it.
func TestTargetDispatcherKeepsSubcommandFlags(t *testing.T) {
	srv := newUserShop(t)
	cfg, _ := newUserConfig(t, srv.URL, true, "a.item-link")
	code, out, errs := runCmd(t, nil, "target", "test", "--target", "labmart", "--config", cfg, "--pages", "2")
	if code != 0 || !strings.Contains(out, "target labmart (LabMart)") {
		t.Errorf("target test --target labmart --config C --pages 2: exit %d, stdout %q, stderr %q", code, out, errs)
	}
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return lines[len(lines)-1]
}

// TestConfigCheckNoTargets: a valid configuration without targets (most
// likely the wrong file) passes with a warning naming the file, since crawl
// and serve would do nothing with it.
func TestConfigCheckNoTargets(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		yaml, wantOut, wantErr string
		code                   int
	}{
		{"targets: []\n", "ok (0 targets)", "warning: no targets", 0},
		{"threshold: 0.6\n", "ok (0 targets)", "warning: no targets", 0},
		{"targets:\n  - name: a\n    platform: A\n    start_urls: [\"https://a.example/\"]\n", "ok (1 target)", "", 0},
	} {
		cfg := filepath.Join(dir, "c.yml")
		writeFile(t, cfg, tc.yaml)
		code, out, errs := runCmd(t, nil, "config", "check", cfg)
		if code != tc.code || !strings.Contains(out, tc.wantOut) || (tc.wantErr == "" && errs != "") || !strings.Contains(errs, tc.wantErr) {
			t.Errorf("config check of %q: exit %d, stdout %q, stderr %q; want exit %d, %q and %q", tc.yaml, code, out, errs, tc.code, tc.wantOut, tc.wantErr)
		}
		if tc.wantErr != "" && !strings.HasPrefix(errs, cfg+": warning: ") {
			t.Errorf("config check of %q: stderr %q does not name the file", tc.yaml, errs)
		}
	}
}

// TestTicketsListEmptySaysWhere: an empty review queue with no filter (a
// fresh database, or the wrong --data) says which directory was read and
// what fills it; with a filter, "0 of N" is the answer.
func TestTicketsListEmptySaysWhere(t *testing.T) {
	empty := t.TempDir()
	if code, _, errs := runCmd(t, nil, "token", "create", "--data", empty, "--role", "admin"); code != 0 {
		t.Fatalf("token create in %s: exit %d, stderr %q", empty, code, errs)
	}
	full := tkFixture(t)
	for _, tc := range []struct {
		args []string
		want string
		hint bool
	}{
		{[]string{"tickets", "list", "--data", empty}, "0 of 0 tickets", true},
		{[]string{"tickets", "list", "--data", empty, "--status", "open"}, "0 of 0 tickets", false},
		{[]string{"tickets", "list", "--data", full}, "3 of 3 tickets", false},
		{[]string{"tickets", "list", "--data", full, "--status", "confirmed"}, "0 of 0 tickets", false},
	} {
		code, _, errs := runCmd(t, nil, tc.args...)
		hint := strings.Contains(errs, "no tickets in "+tc.args[3]+" yet: crawl first")
		if code != 0 || !strings.Contains(errs, tc.want) || hint != tc.hint {
			t.Errorf("precwatch %s: exit %d, stderr %q; want exit 0, %q, hint %t", strings.Join(tc.args, " "), code, errs, tc.want, tc.hint)
		}
	}
}
