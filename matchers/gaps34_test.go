package matchers

import "testing"

// TestGap34FinalRule: a regulator's final rule adding controls on named
// chemicals (heldout34 zc0019 "DEA adds 4-anilinopiperidine and
// 1-boc-4-piperidone controls. Final rule on fentanyl-related precursor
// chemicals.") reports, it does not offer; an offer of the same chemicals
// stays one.
func TestGap34FinalRule(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"en", "DEA adds 4-anilinopiperidine and 1-boc-4-piperidone controls", "Final rule on fentanyl-related precursor chemicals.", false},
		{"en", "Interim final rule: 4-piperidone designated", "The interim final rule takes effect in 30 days.", false},
		{"en", "4-anilinopiperidine and 1-boc-4-piperidone 1 kg", "Fentanyl-related precursor chemicals, 99%, fast shipping.", true},
	})
}

// TestGap34StreetNameSuffix: "Bromoketone-4" is the vendor name of
// 2-bromo-4'-methylpropiophenone (heldout34 zc0047), not the ketamine
// bromoketone 6740-86-9; "BMK Na-salt" is the sodium salt of BMK glycidic
// acid (zc0053), not P-2-P.
func TestGap34StreetNameSuffix(t *testing.T) {
	runCAS(t, []casCase{
		{"2-Bromo-4'-methylpropiophenone CAS 1451-82-7", "Bromoketone-4, 99%, safe delivery to Russia, Ukraine.", []string{"1451-82-7"}, []string{"6740-86-9"}},
		{"Bromoketone-4 99% 1 kg", "White powder, fast delivery.", []string{"1451-82-7"}, []string{"6740-86-9"}},
		{"Bromoketone 99% for ketamine, 1 kg", "o-chlorophenyl cyclopentyl ketone brominated.", []string{"6740-86-9"}, nil},
		{"BMK Na-salt CAS 5449–12‑7", "Glycidic sodium salt, conversion guide included.", []string{"25547-51-7"}, []string{"103-79-7"}},
		{"BMK Na-salt 1 kg", "White powder, 99%.", []string{"25547-51-7"}, []string{"103-79-7"}},
		{"BMK oil 1 L", "P2P, 99%.", []string{"103-79-7"}, nil},
	})
}
