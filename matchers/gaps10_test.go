package matchers

import (
	"testing"

	"github.com/precwatch/precwatch"
)

// Code fixes of held-out round 10 (testdata/heldout10); each test fails on
// the code before its fix.

// casSet returns the offered primary CAS numbers of a listing's match.
func gap10CAS(t *testing.T, l precwatch.Listing) (precwatch.Match, []string) {
	t.Helper()
	got := mustMatcher(t).Match(&l)
	return got, offeredCAS(got)
}

// TestGap10InflectionChemicalSuffix: a stem matched with an inflectional
// ending is not matched when the "ending" is a chemical suffix that makes
// another compound (w0007 "N-Boc-4-piperidinol" read as piperidine).
func TestGap10InflectionChemicalSuffix(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"tert-Butyl 4-hydroxypiperidine-1-carboxylate (N-Boc-4-piperidinol) 98%, 100 g", nil},
		{"4-piperidinyl benzoate 97%, 25 g", nil},
		{"2-piperidinone (delta-valerolactam) 99%, 1 kg", nil},
		{"piperidin 99%, 1 l, prodám", []string{"110-89-4"}},
		{"piperidinu 99 %, 1 l", []string{"110-89-4"}},
	} {
		_, got := gap10CAS(t, precwatch.Listing{Title: tc.text})
		if !equalStrings(got, tc.want) {
			t.Errorf("%q: CAS %v, want %v", tc.text, got, tc.want)
		}
	}
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestGap10FreeCompoundNegatesNoun: "X-free" before another name of X
// negates that name too (w0024 "Safrole-free Sassafras Oil" read as
// safrole through the trade name "sassafras oil").
func TestGap10FreeCompoundNegatesNoun(t *testing.T) {
	for _, tc := range []struct {
		title, desc string
		want        []string
		susp        bool
	}{
		{"Safrole-free Sassafras Oil 30 ml", "Fragrance oil for soap and candles.", nil, false},
		{"Safrole free sassafras oil type, 10 ml", "Root beer note.", nil, false},
		// A name of the same substance that is not right after the cue
		// keeps its mention.
		{"Sassafras oil 1 L", "Not safrole-free: natural sassafras oil, 98% safrole.", []string{"94-59-7"}, true},
	} {
		got, cas := gap10CAS(t, precwatch.Listing{Title: tc.title, Description: tc.desc})
		if !equalStrings(cas, tc.want) || got.Suspicious != tc.susp {
			t.Errorf("%q / %q: CAS %v suspicious %v, want %v %v; %v", tc.title, tc.desc, cas, got.Suspicious, tc.want, tc.susp, got.Explain)
		}
	}
}
