package main

import (
	"strings"
	"testing"
)

// TestFlagValueSaysWhatItWants: a flag given a value of the wrong type
// says what the flag takes and where the help is, in two lines, not Go's
// "parse error" followed by the whole usage (walkthrough8 U4).
func TestFlagValueSaysWhatItWants(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"match", "--threshold", "abc"}, `precwatch match: invalid value "abc" for flag -threshold: want a number`},
		{[]string{"tickets", "list", "--limit", "abc"}, `precwatch tickets list: invalid value "abc" for flag -limit: want a whole number`},
		{[]string{"search", "--limit", "many", "x"}, `precwatch search: invalid value "many" for flag -limit: want a whole number`},
	} {
		code, _, stderr := runCmd(t, nil, c.args...)
		if code != 2 {
			t.Errorf("%v: exit %d, want 2", c.args, code)
		}
		lines := strings.Split(strings.TrimSpace(stderr), "\n")
		if lines[0] != c.want || len(lines) != 2 || !strings.HasPrefix(lines[1], "Run 'precwatch ") {
			t.Errorf("%v: stderr\n%s\nwant %q and the help hint only", c.args, stderr, c.want)
		}
	}
}
