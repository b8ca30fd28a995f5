package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/precwatch/precwatch/index"
)

// TestSearchUsageErrorsBeforeIndex: a malformed --filter or query is a
// usage error (exit 2, naming the flag or the query's fault) whatever the
// data directory's state: with no index at all, and at once while another
// process (here another handle) holds the index, where it waited for the
// lock and said "in use" (exit 1). A regular expression that does not
// compile and an unbalanced parenthesis are malformed queries too (an
// invalid regexp was exit 1).
func TestSearchUsageErrorsBeforeIndex(t *testing.T) {
	data := mustSearchData(t)
	empty := t.TempDir()
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"--filter", "bogus=1", "x"}, `--filter bogus=1: filter on "bogus": want one of`},
		{[]string{"--filter", "suspicious=maybe", "x"}, `--filter suspicious=maybe: filter suspicious="maybe"`},
		{[]string{"title:/[/"}, "regular expression /[/: missing closing ]"},
		{[]string{"title:("}, `the "(" in "title:(" is never closed`},
		{[]string{"(ephedrine", "-platform:ChemHub"}, `the "(" in "(ephedrine" is never closed`},
		{[]string{"nosuchfield:x"}, `unknown field "nosuchfield"`},
	}
	run := func(dir, what string) {
		t.Helper()
		for _, c := range cases {
			args := append([]string{"search", "--data", dir}, c.args...)
			code, out, errs := runSearchCmd(args...)
			if code != 2 || out != "" || !strings.Contains(errs, c.want) || strings.Contains(errs, "in use") {
				t.Errorf("%s: search %s: exit %d, stdout %q, stderr %q; want 2 saying %q", what, strings.Join(c.args, " "), code, out, errs, c.want)
			}
		}
	}
	run(data, "index present")
	run(empty, "no index")
	x, err := index.Open(filepath.Join(data, "index.bleve"), index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	run(data, "index held by another handle")
	x.Close()
	// Well-formed searches still run.
	for _, args := range [][]string{
		{"--filter", "suspicious=true", "--filter", "list=TABLE-I", "ephedrine"},
		{"ephedrine(hcl)"}, {`title:/eph.*/`}, {"(ephedrine)"},
	} {
		if code, _, errs := runSearchCmd(append([]string{"search", "--data", data}, args...)...); code != 0 {
			t.Errorf("search %s: exit %d, %s", strings.Join(args, " "), code, errs)
		}
	}
}
