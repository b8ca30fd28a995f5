package matchers

import (
	"slices"
	"testing"
)

// TestTelegramCyrillicAbbrev14: "ТГ", the Russian and Ukrainian short name
// of Telegram, labels a handle as "TG" does ("ТГ @chem_x", "тг: chem_x";
// session 14 probe). A word that only begins with "тг" labels nothing.
func TestTelegramCyrillicAbbrev14(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"Пишите в ТГ @chem_x", []string{"telegram=@chem_x"}},
		{"тг: chem_x", []string{"telegram=@chem_x"}},
		{"Тг @chem_x", []string{"telegram=@chem_x"}},
		{"тгк @chem_x", nil},
	} {
		var got []string
		for _, o := range obsStrings(tc.in) {
			if len(o) > 9 && o[:9] == "telegram=" {
				got = append(got, o)
			}
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("Observables(%q) telegram = %v, want %v", tc.in, got, tc.want)
		}
	}
}
