package matchers

import (
	"testing"

	"github.com/precwatch/precwatch"
)

// gap61Case is one listing of the gaps of held-out set 61 with the
// substance it must (or must not) report as offered.
type gap61Case struct {
	l    precwatch.Listing
	sub  string // substance id
	want bool   // reported and not negated
}

// checkGap61 matches every case and fails when a substance is reported as
// offered where it must not be, or the other way round.
func checkGap61(t *testing.T, cases []gap61Case) {
	t.Helper()
	m := mustMatcher(t)
	for _, tc := range cases {
		res := m.Match(&tc.l)
		got := false
		for _, s := range res.Substances {
			if s.ID == tc.sub && !s.Negated {
				got = true
			}
		}
		if got != tc.want {
			t.Errorf("%q / %q: %s offered %v, want %v", tc.l.Title, tc.l.Description, tc.sub, got, tc.want)
		}
	}
}

// TestGap61Symbols: symbols written for letters inside or at the edge of a
// word ("@cetone", "Hydr0i0dic @cid", "f3nil@cétic0", "$afrole",
// "anhydr!de") are read as those letters (heldout61 yw0119, yw0072, yw0009),
// while e-mail addresses, handles, prices and product codes stay what they
// are.
func TestGap61Symbols(t *testing.T) {
	checkGap61(t, []gap61Case{
		{precwatch.Listing{Title: "@cetone 99.5% – 200 L drum", Description: "Technical @cetone, 200 L drums, stealth delivery."}, "acetone", true},
		{precwatch.Listing{Title: "Hydr0i0dic @cid 57% 500 mL", Description: "Discreet shipping, no questions."}, "hydriodic-acid", true},
		{precwatch.Listing{Title: "Ácid0 f3nil@cétic0 1 kg", Description: "Ácid0 f3nil@cétic0 99 %, entrega discreta."}, "phenylacetic-acid", true},
		{precwatch.Listing{Title: "Pure $afrole 5 L", Description: "stealth shipping"}, "safrole", true},
		{precwatch.Listing{Title: "P$eudoephedrine 1 kg", Description: "discreet"}, "pseudoephedrine", true},
		{precwatch.Listing{Title: "Acetic anhydr!de 1 L", Description: "stealth"}, "acetic-anhydride", true},
		{precwatch.Listing{Title: "P0t@ssium perm@ng@n@te 1 kg", Description: "discreet"}, "potassium-permanganate", true},
		{precwatch.Listing{Title: "R3d ph0$ph0ru$ 100 g", Description: "stealth"}, "red-phosphorus", true},
		{precwatch.Listing{Title: "Acide phényl@cétique 1 kg", Description: "livraison discrète"}, "phenylacetic-acid", true},
		{precwatch.Listing{Title: "Kw@s fenylooctowy 1 kg", Description: "dyskretna wysyłka"}, "phenylacetic-acid", true},
		{precwatch.Listing{Title: "@cetona 200 l", Description: "envío discreto, Telegram"}, "acetone", true},
		// Innocent twins: handles, addresses, prices, codes.
		{precwatch.Listing{Title: "Nail polish remover 100 ml $4", Description: "Telegram: @cetone, mail sales@cetone.example"}, "acetone", false},
		{precwatch.Listing{Title: "Gift shop", Description: "follow @cetone_lover, code A0-12, $20 off"}, "acetone", false},
		{precwatch.Listing{Title: "Nail polish remover @cetone-free", Description: "gentle formula"}, "acetone", false},
	})
}

// TestGap61SymbolMessenger: a messenger name written with a symbol for a
// letter ("Telegr@m", "$ignal", "Wh@tsApp", "W!ckr", fullwidth "Ｔｅｌｅｇｒ＠ｍ")
// is a messenger contact.
func TestGap61SymbolMessenger(t *testing.T) {
	m := mustMatcher(t)
	for _, d := range []string{"Telegr@m: @solv", "contact on $ignal", "contact on Wh@tsApp +1 555 0100", "W!ckr: solv", "Ｔｅｌｅｇｒ＠ｍ @solv"} {
		l := precwatch.Listing{Title: "Toluene 200 L", Description: d}
		res := m.Match(&l)
		got := false
		for _, ind := range res.Indicators {
			if ind.ID == IndMessenger {
				got = true
			}
		}
		if !got {
			t.Errorf("%q: no messenger contact", d)
		}
	}
}

// TestDeLeetPrecedes: a short leet word right before a decoded word is
// decoded too ("acid0 f3nil"), as one right after is; a product code before
// a number and a formula with other digits are not.
func TestDeLeetPrecedes(t *testing.T) {
	for in, want := range map[string]string{
		"acid0 f3nil@cetic0": "acido fenil@cetico",
		"a0-12 3ph3dr1n3":    "a0-12 ephedrine",
		"h2so4 3ph3dr1n3":    "h2so4 ephedrine",
	} {
		b := []byte(in)
		deLeet(b)
		if string(b) != want {
			t.Errorf("deLeet(%q) = %q, want %q", in, b, want)
		}
	}
}

// TestGap61Lexicon: the Korean negation before a noun ("에페드린이 들어 있지
// 않은 감기약", heldout61 yw0129) and the everyday Greek name of acetone
// ("ασετόν", yw0004).
func TestGap61Lexicon(t *testing.T) {
	checkGap61(t, []gap61Case{
		{precwatch.Listing{Title: "감기약", Description: "에페드린이 들어 있지 않은 감기약입니다."}, "ephedrine", false},
		{precwatch.Listing{Title: "감기약", Description: "에페드린이 함유되지 않은 감기약, 10정"}, "ephedrine", false},
		{precwatch.Listing{Title: "감기약 에페드린 함유", Description: "에페드린 30mg, 10정"}, "ephedrine", true},
		{precwatch.Listing{Title: "Nail Bar ασετόν 200 ml", Description: "Ασετόν για αφαίρεση βερνικιού νυχιών."}, "acetone", true},
	})
}

// TestGap61Cyrillic: in a Cyrillic word a digit or symbol that looks like a
// Cyrillic letter is that letter ("Ацет0н", "@цетон", "Сафр0л"); units
// glued to numbers ("500мл", "10г") stay numbers.
func TestGap61Cyrillic(t *testing.T) {
	checkGap61(t, []gap61Case{
		{precwatch.Listing{Title: "Ацет0н 200 л", Description: "анонимная доставка, телеграм"}, "acetone", true},
		{precwatch.Listing{Title: "@цетон 200 л", Description: "анонимная доставка"}, "acetone", true},
		{precwatch.Listing{Title: "Сафр0л 5 л", Description: "анонимная доставка"}, "safrole", true},
		{precwatch.Listing{Title: "Крем для рук 500мл", Description: "10г, 30мл, без ацетона"}, "acetone", false},
	})
}
