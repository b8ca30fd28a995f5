package matchers

import (
	"slices"
	"testing"
)

// casCase is a listing and the CAS numbers it must (want) and must not
// (not) yield.
type casCase struct {
	title, desc string
	want, not   []string
}

// runCAS matches every case and reports each CAS number found against its
// case.
func runCAS(t *testing.T, cases []casCase) {
	t.Helper()
	m := mustMatcher(t)
	for _, tc := range cases {
		got := casesOf(m, tc.title, tc.desc)
		for _, c := range tc.want {
			if !slices.Contains(got, c) {
				t.Errorf("title %q desc %q: CAS %v, want %s among them", tc.title, tc.desc, got, c)
			}
		}
		for _, c := range tc.not {
			if slices.Contains(got, c) {
				t.Errorf("title %q desc %q: CAS %v, want no %s", tc.title, tc.desc, got, c)
			}
		}
	}
}

// TestGap21CyrillicLatin: Russian and Ukrainian names written in Latin
// letters by the national systems or by ear ("Psevdoefedryn hidrokhlorid",
// heldout21 v0018) name their substance; a glycidic acid name with a
// case ending ("Prodam BMK glitsydnu kyslotu", v0008) is no bare "BMK".
func TestGap21CyrillicLatin(t *testing.T) {
	runCAS(t, []casCase{
		{"Psevdoefedryn hidrokhlorid 1 kg", "Psevdoefedryn hidrokhlorid, 1 kg, farmatsevtychna yakist.", []string{"90-82-4"}, nil},
		{"Efedryn 500 h", "Efedryn, 500 h, vidpravka z Kyieva.", []string{"299-42-3"}, nil},
		{"Otstovyi anhidryd 20 l", "Otstovyi anhidryd, 20 l, tekhnichnyi.", []string{"108-24-7"}, nil},
		{"Marhantsivka 5 kg", "Marhantsivka 5 kg, opt.", []string{"7722-64-7"}, nil},
		{"Benzilmetilketon 1 l", "Benzilmetilketon, 1 l, dostavka po Rossii.", []string{"103-79-7"}, nil},
		{"BMK glitsydna kyslota natriyeva sil CAS 5449-12-7", "Prodam BMK glitsydnu kyslotu (natriyeva sil, CAS 5449-12-7), bilyi poroshok, 1-10 kg.",
			[]string{"25547-51-7"}, []string{"103-79-7"}},
		// The same in Cyrillic, with the case ending after "BMK".
		{"BMK-гліцидна кислота CAS 5449-12-7", "Продам BMK гліцидну кислоту (натрієва сіль, CAS 5449-12-7), 1-10 кг.",
			[]string{"25547-51-7"}, []string{"103-79-7"}},
		// "BMK oil" stays P-2-P.
		{"BMK oil 1 l", "BMK oil, 1 l, vidpravka Novoyu poshtoyu.", []string{"103-79-7"}, nil},
	})
}
