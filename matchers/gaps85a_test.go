package matchers

import (
	"testing"

	"github.com/precwatch/precwatch"
)

// TestGap85aNames: names heldout85 did not know (xy0018 Polish
// "metiloamina", xy0119 Finnish "ammoniumformiaatti", xy0128 Russian
// "ангидрида уксусной кислоты" with the head noun inflected, xy0076
// Cyrillic "Судафед"), each beside a look-alike that names another
// substance.
func TestGap85aNames(t *testing.T) {
	runCAS(t, []casCase{
		{"Metiloamina 40% roztwór", "Sprzedam 5 L.", []string{"74-89-5"}, nil},
		{"Oranż metylowy 25 g", "Wskaźnik pH, metylooranż.", nil, []string{"74-89-5"}},
		{"Ammoniumformiaatti 500 g", "Laboratoriokäyttöön.", []string{"540-69-2"}, nil},
		{"Ammoniumkloridi 500 g", "Laboratoriokäyttöön.", nil, []string{"540-69-2"}},
		{"Ammooniumformiaat 1 kg", "Laboritarbeks.", []string{"540-69-2"}, nil},
		{"Книга о прекурсорах", "Учебник о контроле ангидрида уксусной кислоты.", []string{"108-24-7"}, nil},
		{"Ангидрид малеиновой кислоты", "Учебник о производстве ангидрида малеиновой кислоты.", nil, []string{"108-24-7"}},
		{"Судафед 12 таб.", "Остался лишний блистер.", []string{"90-82-4"}, nil},
		{"Суда и паромы", "Фото судов и паромов.", nil, []string{"90-82-4"}},
	})
}

// TestGap85aFinnishGBL: GBL with a Finnish case ending after a colon
// ("GBL:ää", "GBL:n") is the solvent when a Finnish chemical-trade word
// stands by it (heldout85 xy0042, xy0092); without one it stays an
// acronym.
func TestGap85aFinnishGBL(t *testing.T) {
	runCAS(t, []casCase{
		{"GBL:ää myytävänä", "Puhdasta GBL:ää 1 L, huomaamaton paketti.", []string{"96-48-0"}, nil},
		{"GBL:n vaarat", "GBL:ää myydään vanteenpuhdistajana.", []string{"96-48-0"}, nil},
		{"GBL:n vuosikokous", "GBL:n vuosikokous pidetään Tampereella.", nil, []string{"96-48-0"}},
	})
}

// TestGap85aCryptoOnly: crypto-only payment in Finnish and Estonian case
// forms ("Maksu vain kryptoina", "Makse ainult krüptos") is the crypto
// indicator (heldout85 xy0017); a bank transfer is not.
func TestGap85aCryptoOnly(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"fi", "Nitroetaani 1L", "Laboratoriolaatu. Maksu vain kryptoina.", true},
		{"fi", "Nitroetaani 1L", "Laboratoriolaatu. Maksu tilisiirrolla, lasku.", false},
		{"et", "Nitroethane 1L", "Laborikvaliteet. Makse ainult krüptos.", true},
		{"et", "Nitroethane 1L", "Laborikvaliteet. Makse pangaülekandega, arve.", false},
	})
}

// TestGap85aPlaceholderPrice: a price field holding only a dash or an
// ellipsis ("—", "-", "…"), as news pages fill it, states no price, so a
// police warning that names GBL and Telegram stays a report (heldout85
// xy0092); a real price keeps the listing an offer.
func TestGap85aPlaceholderPrice(t *testing.T) {
	m := mustMatcher(t)
	const title, desc = "GBL:n vaarat – artikkeli", "Poliisi varoittaa: GBL:ää myydään vanteenpuhdistajana. Telegram-ryhmät levittävät."
	for _, tc := range []struct {
		price string
		want  bool
	}{
		{"—", false}, {" - ", false}, {"…", false}, {"", false},
		{"80 €", true}, {"$", true},
	} {
		got := m.Match(&precwatch.Listing{Title: title, Description: desc, Price: tc.price, Seller: "Uutiset"})
		if got.Suspicious != tc.want {
			t.Errorf("price %q: suspicious %v (score %.2f), want %v; explain %q", tc.price, got.Suspicious, got.Score, tc.want, got.Explain)
		}
	}
}
