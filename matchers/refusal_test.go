package matchers

import (
	"slices"
	"testing"
)

// TestAppendWordsSame: appendWords splits as questionTokens does.
func TestAppendWordsSame(t *testing.T) {
	for _, s := range []string{"", "nobody at a pharmacy is going to sell you", "  l'éphédrine -- no-one, 没有人会卖 x", "a\u00a0b’c d'e"} {
		want := questionTokens([]byte(s))
		got := appendWords(nil, []byte(s))
		if !slices.EqualFunc(got, want, func(a, b []byte) bool { return string(a) == string(b) }) {
			t.Errorf("%q: appendWords %q, questionTokens %q", s, got, want)
		}
	}
}
