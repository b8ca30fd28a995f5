package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/precwatch/precwatch"
	"github.com/precwatch/precwatch/tickets"
)

func init() {
	register(&command{name: "token", summary: "create, list and revoke API tokens", run: runToken})
}

func runToken(ctx context.Context, env *Env, args []string) error {
	usage := func(w io.Writer) {
		fmt.Fprintln(w, `Usage: precwatch token COMMAND [flags]

Commands:
  create      create an API token (printed once, on the last line)
  list        list tokens (never their plaintext)
  revoke      revoke a token by ID

Run 'precwatch token COMMAND --help' for a command's flags.`)
	}
	if len(args) == 0 {
		usage(env.Stderr)
		return errUsage
	}
	var err error
	switch args[0] {
	case "-h", "--help", "help":
		usage(env.Stdout)
		return nil
	case "create":
		err = runTokenCreate(ctx, env, args[1:])
	case "list":
		err = runTokenList(ctx, env, args[1:])
	case "revoke":
		err = runTokenRevoke(ctx, env, args[1:])
	default:
		fmt.Fprintf(env.Stderr, "precwatch token: unknown command %q\n", args[0])
		usage(env.Stderr)
		return errUsage
	}
	return tkReport(env, "token "+args[0], err)
}

func runTokenCreate(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "token create", "[--data DIR] --role R [--platform P]")
	data := tkDataFlag(fs)
	role := fs.String("role", "", "`role`: admin, regulator, partner or reviewer (or partner:PLATFORM, reviewer:PLATFORM)")
	platform := fs.String("platform", "", "`platform` of a partner or reviewer token")
	pos, err := tkParse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return badUsage("unexpected argument %q (token create takes flags only)", pos[0])
	}
	if strings.TrimSpace(*role) == "" {
		return usageError(fs, "--role is required (admin, regulator, partner or reviewer)")
	}
	r, p := tickets.ParseRole(*role, *platform)
	if *platform != "" && p != *platform {
		return badUsage("--role %s and --platform %s disagree", *role, *platform)
	}
	// Validate before creating the database, so that a typo leaves nothing.
	if err := tickets.ValidateRole(r, p); err != nil {
		if (r == precwatch.RolePartner || r == precwatch.RoleReviewer) && strings.TrimSpace(p) == "" {
			return badUsage("--role %s needs a platform: add --platform P (or write --role %s:P)", r, r)
		}
		return badUsage("--role %s: %s", *role, precwatch.ErrorMessage(err))
	}
	dbPath := filepath.Join(*data, "precwatch.db")
	_, statErr := os.Stat(dbPath)
	s, err := tkOpen(*data, false)
	if err != nil {
		return err
	}
	defer s.Close()
	if errors.Is(statErr, os.ErrNotExist) {
		// A token in a database nobody serves is the usual cause of a 401:
		// say where it went.
		fmt.Fprintf(env.Stderr, "note: %s did not exist and was created; serve and the other commands must use --data %s (or data_dir: %s) to accept this token\n",
			dbPath, *data, *data)
	}
	if p != "" {
		// A partner or reviewer token sees its platform spelt exactly:
		// spell it as the listings do, and say when no listing has it.
		known, err := s.Platforms(ctx)
		if err != nil {
			return err
		}
		if i := slices.IndexFunc(known, func(k string) bool { return strings.EqualFold(k, p) }); i >= 0 && known[i] != p {
			fmt.Fprintf(env.Stderr, "note: platform %q is spelt %q in the crawled listings; the token is for %q\n", p, known[i], known[i])
			p = known[i]
		} else if i < 0 && len(known) > 0 {
			fmt.Fprintf(env.Stderr, "note: no listing of platform %q yet (platforms: %s); the token sees listings and tickets of %q only, spelt exactly so\n",
				p, strings.Join(known, ", "), p)
		}
	}
	tok, err := s.CreateToken(ctx, r, p)
	if err != nil {
		return err
	}
	scope := r
	if p != "" {
		scope += ":" + p
	}
	article := "a"
	if strings.ContainsRune("aeiou", rune(scope[0])) {
		article = "an"
	}
	fmt.Fprintf(env.Stdout, "Created %s %s token. It is shown only once; send it as 'Authorization: Bearer TOKEN':\n%s\n", article, scope, tok)
	return nil
}

func runTokenList(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "token list", "[--data DIR]")
	data := tkDataFlag(fs)
	pos, err := tkParse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return badUsage("unexpected argument %q (token list takes flags only)", pos[0])
	}
	s, err := tkOpen(*data, true)
	if err != nil {
		return err
	}
	defer s.Close()
	ts, err := s.Tokens(ctx)
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tROLE\tPLATFORM\tCREATED\tLAST USED\tREVOKED")
	for _, t := range ts {
		used := "never"
		if t.LastUsedAt != nil {
			used = stamp(*t.LastUsedAt)
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%v\n", t.ID, t.Role, t.Platform, stamp(t.CreatedAt), used, t.Revoked)
	}
	return tw.Flush()
}

func runTokenRevoke(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "token revoke", "[--data DIR] ID")
	data := tkDataFlag(fs)
	pos, err := tkParse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageError(fs, "want one token ID (see token list), got %s", argsText(pos))
	}
	id, err := tkParseID("token", pos[0])
	if err != nil {
		return err
	}
	s, err := tkOpen(*data, true)
	if err != nil {
		return err
	}
	defer s.Close()
	if err := s.RevokeToken(ctx, id); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "token %d revoked\n", id)
	return nil
}
