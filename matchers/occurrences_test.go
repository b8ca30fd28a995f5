package matchers

import (
	"slices"
	"testing"
)

func TestOccurrences(t *testing.T) {
	for _, c := range []struct {
		b, p string
		want []int
	}{
		{"aaaa", "aa", []int{0, 2}},
		{"session id, session", "session", []int{0, 12}},
		{"限购两盒，限购", "限购", []int{0, 15}},
		{"no match", "xyz", nil},
		{"", "a", nil},
	} {
		if got := slices.Collect(occurrences([]byte(c.b), []byte(c.p))); !slices.Equal(got, c.want) {
			t.Errorf("occurrences(%q, %q) = %v, want %v", c.b, c.p, got, c.want)
		}
	}
	for i := range occurrences([]byte("abab"), []byte("ab")) {
		if i != 0 {
			t.Errorf("after a break, got %d", i)
		}
		break
	}
}
