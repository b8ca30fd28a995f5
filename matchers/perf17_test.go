package matchers

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
)

// TestPlainQuotedSame checks plainQuoted, riskLine's eight-bytes-at-a-time
// test, against the byte loop it replaced, on random strings over the
// bytes around its limits (0x1f, 0x20, 0x7e, 0x7f, 0x80, '"', '\\', their
// neighbours) at every length up to 40, and that riskLine equals
// strconv.Quote's line. It fails when any one of the five tests is dropped.
func TestPlainQuotedSame(t *testing.T) {
	ref := func(s string) bool {
		for i := 0; i < len(s); i++ {
			if c := s[i]; c < 0x20 || c >= 0x7f || c == '"' || c == '\\' {
				return false
			}
		}
		return true
	}
	edge := []byte{0, 0x01, 0x1f, 0x20, 0x21, '!', '"', '#', '[', '\\', ']', 0x7e, 0x7f, 0x80, 0x81, 0xa0, 0xff, 'a', 'z', ' ', '0', '9'}
	r := rand.New(rand.NewPCG(17, 17))
	for n := 0; n < 200000; n++ {
		b := make([]byte, r.IntN(41))
		for i := range b {
			if r.IntN(8) == 0 {
				b[i] = edge[r.IntN(len(edge))]
			} else {
				b[i] = byte(0x20 + r.IntN(0x5f))
			}
		}
		s := string(b)
		if got, want := plainQuoted(s), ref(s); got != want {
			t.Fatalf("plainQuoted(%q) = %v, want %v", s, got, want)
		}
		if got, want := riskLine("x", s), "risk indicator x ("+strconv.Quote(s)+") +0.15"; got != want {
			t.Fatalf("riskLine(%q) = %q, want %q", s, got, want)
		}
	}
	for c := 0; c < 256; c++ {
		for pos := 0; pos < 17; pos++ {
			b := []byte(strings.Repeat("a", 17))
			b[pos] = byte(c)
			if got, want := plainQuoted(string(b)), ref(string(b)); got != want {
				t.Fatalf("plainQuoted(%q) = %v, want %v", b, got, want)
			}
		}
	}
}
