package matchers

import (
	"slices"
	"strings"
	"testing"
)

// TestWickrWithoutColon18: a Wickr handle written after a space alone
// ("Wickr ID bmk_shop99", "add me on Wickr bmkshop99") is read when it
// holds a digit, '_' or '.', as handles do; a plain word after the name
// ("Wickr me for prices", "Wickr ID required") is prose, not a handle.
func TestWickrWithoutColon18(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"BMK oil 5L, wickr ID bmk_shop99, fast ship", []string{"wickr=bmk_shop99"}},
		{"add me on Wickr bmkshop99 for the price list", []string{"wickr=bmkshop99"}},
		{"Wickr-naam chem.eu en betaling in bitcoin", []string{"wickr=chem.eu"}},
		{"Wickr @bmkshop", []string{"wickr=bmkshop"}},
		{"Wickr: BMK_Shop", []string{"wickr=bmk_shop"}}, // the colon form, unchanged
		{"Wickr Me - chemlab_eu", []string{"wickr=chemlab_eu"}},
		// Innocent twins: a word after the name is no handle.
		{"contact wickr me for prices", nil},
		{"Wickr ID required for orders", nil},
		{"met een Wickr-naam en betaling in bitcoin", nil},
	} {
		if got := obsStrings(tc.in); !slices.Equal(got, tc.want) {
			t.Errorf("Observables(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

// TestCyrillicMarkedEmail18: an e-mail address written with "собака" or
// "собачка" (dog) for '@' and "точка" or "крапка" for '.' is read; the dog
// in a pet-food listing is no address.
func TestCyrillicMarkedEmail18(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"Пишите: ivan.chem собака mail точка ru", []string{"email=ivan.chem@mail.ru"}},
		{"почта sales(собака)chem-opt.ru", []string{"email=sales@chem-opt.ru"}},
		{"Email: bmk_shop собака yandex ТОЧКА com", []string{"email=bmk_shop@yandex.com"}},
		{"пишіть: opt.sale собачка ukr крапка net", []string{"email=opt.sale@ukr.net"}},
		// Innocent twins: a dog is no '@'.
		{"Корм для собак Royal Canin 15 кг", nil},
		{"Собака породы лабрадор, 2 года", nil},
		{"Brit собака корм 3 кг точка выдачи", nil},
	} {
		if got := obsStrings(tc.in); !slices.Equal(got, tc.want) {
			t.Errorf("Observables(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

// TestHasCyrillicAtSame18: hasCyrillicAt's search for the rare second byte
// of "б" finds "соба" exactly where a plain search does.
func TestHasCyrillicAtSame18(t *testing.T) {
	for _, s := range []string{"", "соба", "xсобака", "собачка", "Собака", "рыбака", "бабушка соба", "ба", "оба", "с оба",
		"корм для собак", "набор\xb1\xd0\xb0", "\xb1\xd0\xb0соба", "ivan собака mail точка ru", "абвгд бабабаба соб"} {
		if got, want := hasCyrillicAt(s), strings.Contains(s, "соба"); got != want {
			t.Errorf("hasCyrillicAt(%q) = %v, want %v", s, got, want)
		}
	}
}
