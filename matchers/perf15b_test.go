package matchers

import (
	"testing"
	"unsafe"
)

// TestPackedPatterns checks the layout pack leaves: the pattern array at its
// exact length, the rare slices behind a pointer that is never nil, one
// shared empty patExtra for the patterns without a rare slice, and every
// other patExtra holding at least one (so reading a promoted field is
// always safe and the counts stay small).
func TestPackedPatterns(t *testing.T) {
	m := testMatcher(t)
	if cap(m.pats) != len(m.pats) {
		t.Errorf("pattern array: len %d, cap %d; want them equal", len(m.pats), cap(m.pats))
	}
	if s := unsafe.Sizeof(pattern{}); s > 96 {
		t.Errorf("pattern is %d bytes; the rare slices belong in patExtra", s)
	}
	var shared *patExtra
	own := map[*patExtra]bool{}
	for i := range m.pats {
		p := &m.pats[i]
		switch {
		case p.patExtra == nil:
			t.Fatalf("pattern %q: nil patExtra", p.text)
		case p.patExtra.empty():
			if shared == nil {
				shared = p.patExtra
			} else if p.patExtra != shared {
				t.Errorf("pattern %q: an empty patExtra of its own", p.text)
			}
		default:
			if own[p.patExtra] {
				t.Errorf("pattern %q: shares a filled patExtra", p.text)
			}
			own[p.patExtra] = true
		}
	}
	if shared == nil || len(own) == 0 {
		t.Fatalf("shared empty patExtra %v, %d filled ones; want both", shared != nil, len(own))
	}
	if !shared.empty() {
		t.Errorf("the shared patExtra was written: %+v", *shared)
	}
}
