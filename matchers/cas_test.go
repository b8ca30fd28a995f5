package matchers

import (
	"bytes"
	"math/rand/v2"
	"reflect"
	"testing"
)

func TestValidCAS(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"5449-12-7", true}, {"80532-66-7", true}, {"7732-18-5", true}, {"2167189-50-4", true}, {"50-00-0", true},
		{"5449-12-8", false}, {"5449-127", false}, {"5449_12_7", false}, {"", false}, {"1-12-7", false},
		{"12345678-12-3", false}, {"54a9-12-7", false},
	}
	for _, tt := range tests {
		if got := ValidCAS(tt.in); got != tt.want {
			t.Errorf("ValidCAS(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestFindCAS(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"CAS 5449-12-7", []string{"5449-12-7"}},
		{"CAS No.: 80532-66-7 99%", []string{"80532-66-7"}},
		{"CAS#28578 16 7", []string{"28578-16-7"}},
		{"cas: 28578167", []string{"28578-16-7"}},
		{"CAS-Nr. 5449 - 12 - 7", []string{"5449-12-7"}},
		{"5449–12–7 and 28578—16—7", []string{"5449-12-7", "28578-16-7"}},
		{"ＣＡＳ ５４４９－１２－７", []string{"5449-12-7"}},
		{"CAS号：4676-39-5", []string{"4676-39-5"}},
		{"(5449-12-7)", []string{"5449-12-7"}},
		{"5449-12-8", nil},   // wrong check digit
		{"28578 16 7", nil},  // spaced form needs the CAS keyword
		{"tel 5449127", nil}, // so does the bare form
		{"15449-12-7", nil},  // 1+5449... is a different number
		{"5449-12-71", nil},  // longer number
		{"1.5449-12-7", nil}, // part of something else
		{"ISBN 978-3-16-148410-0", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, m := range FindCAS(Normalize(tt.in).Norm) {
			got = append(got, m.CAS)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("FindCAS(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func FuzzCAS(f *testing.F) {
	for _, s := range []string{"CAS 5449-12-7", "CAS#28578 16 7", "cas: 28578167", "５４４９－１２－７", "1-2-3", "cas cas 12 34 5",
		"99999999999-99-9", "CAS No.:", "\xff5449-12-7"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := Normalize(s)
		for _, m := range FindCAS(n.Norm) {
			if !ValidCAS(m.CAS) {
				t.Fatalf("FindCAS(%q) returned %q, which fails its check digit", s, m.CAS)
			}
			if m.Start < 0 || m.End > len(n.Norm) || m.Start >= m.End {
				t.Fatalf("FindCAS(%q): bad range [%d:%d] of %d", s, m.Start, m.End, len(n.Norm))
			}
			os, oe := n.Orig(m.Start, m.End)
			if os < 0 || oe > len(s) || os > oe {
				t.Fatalf("FindCAS(%q): %q maps to [%d:%d] outside the original", s, m.CAS, os, oe)
			}
		}
		// Raw bytes too, not only normalised text.
		for _, m := range FindCAS([]byte(s)) {
			if !ValidCAS(m.CAS) || m.Start < 0 || m.End > len(s) {
				t.Fatalf("FindCAS(raw %q) = %+v", s, m)
			}
		}
	})
}

// TestNextDigit checks the eight-bytes-at-a-time digit search against a
// byte loop on random bytes (all 256 values, digits next to '/' and ':').
func TestNextDigit(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for n := 0; n < 100000; n++ {
		b := make([]byte, r.IntN(40))
		for i := range b {
			b[i] = byte(r.IntN(256))
			if r.IntN(3) > 0 {
				b[i] = "abc xyz/:-.09"[r.IntN(13)]
			}
		}
		i := r.IntN(len(b) + 1)
		want := i
		for want < len(b) && !isDigit(b[want]) {
			want++
		}
		if got := nextDigit(b, i); got != want {
			t.Fatalf("nextDigit(%q, %d) = %d, want %d", b, i, got, want)
		}
	}
}

// TestHasSpacedHyphen checks hasSpacedHyphen against bytes.Contains on
// every string of up to eight bytes over " -a" and on some listings' text.
func TestHasSpacedHyphen(t *testing.T) {
	inputs := []string{"", "-", " - ", "a - b", "2 3 0 5 6 - 2 9 - 3", "T-shirt - cotton", "x -y", "x- y", "--- -", "- - -", " -", "- "}
	var gen func(prefix string)
	gen = func(prefix string) {
		inputs = append(inputs, prefix)
		if len(prefix) == 8 {
			return
		}
		for _, c := range []string{" ", "-", "a"} {
			gen(prefix + c)
		}
	}
	gen("")
	for _, in := range inputs {
		if got, want := hasSpacedHyphen([]byte(in)), bytes.Contains([]byte(in), []byte(" - ")); got != want {
			t.Errorf("hasSpacedHyphen(%q) = %v, want %v", in, got, want)
		}
	}
}
