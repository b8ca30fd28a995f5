package matchers

import (
	"slices"
	"testing"

	"github.com/precwatch/precwatch"
)

// TestGap35ShareOn: a share row without a colon ("Share on Telegram |
// WhatsApp | Email", heldout35 zd0007) names messengers as buttons; the
// seller's own channel after it stays a contact.
func TestGap35ShareOn(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"en", "Drain opener sulfuric acid 1 L", "Professional drain opener, sulfuric acid 93%. Customer hotline 1-800-555-0166. Share on Telegram | WhatsApp | Email", false},
		{"de", "Abflussreiniger Schwefelsäure 1 L", "Schwefelsäure 93 %. Teilen auf WhatsApp | Telegram | E-Mail", false},
		{"fr", "Déboucheur acide sulfurique 1 L", "Acide sulfurique 93 %. Partager sur WhatsApp | Telegram", false},
		{"en", "Sulfuric acid 98% 1 L", "Share on Facebook. Orders only on Telegram or WhatsApp.", true},
	})
}

// TestGap35NegatedList: a negation carries over the messengers listed after
// the first one ("从不通过Telegram、WhatsApp联系客户", "never via Telegram,
// WhatsApp or Signal", heldout35 zd0028), and 不收取 refuses the crypto it
// names; the same list without the negation stays a contact.
func TestGap35NegatedList(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"zh", "硫酸 98% 25公斤桶", "谨防诈骗：本公司从不通过Telegram、WhatsApp联系客户，也不收取虚拟货币。请通过官方电话 0531-5555 0000 联系。", false},
		{"en", "Sulfuric acid 98% 25 kg", "We never contact customers via Telegram, WhatsApp or Signal. Official phone only.", false},
		{"zh", "硫酸 98% 25公斤桶", "本公司只通过Telegram、WhatsApp联系客户。", true},
		{"en", "Sulfuric acid 98% 25 kg", "We never ship without tracking. Contact via Telegram, WhatsApp or Signal.", true},
		{"en", "Sulfuric acid 98% 25 kg", "No WhatsApp, Telegram only.", true},
		{"en", "Sulfuric acid 98% 25 kg", "We never answer on WhatsApp, Telegram only.", true},
	})
}

// TestGap35Impostor: a buyer's review or a notice about someone pretending
// to be the seller (heldout35 zd0159) warns against the channel it names; a
// seller who warns of fakes and then gives the channel keeps it.
func TestGap35Impostor(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"en", "Hydrochloric acid 33% 1000 L IBC", "Technical grade. Customer reviews: ★☆☆☆☆ 'Someone pretending to be this seller asked me to switch to Telegram and pay in USDT — reported to the platform.'", false},
		{"fr", "Acide chlorhydrique 33 % 1000 L", "Avis : ★☆☆☆☆ Quelqu'un se faisant passer pour ce vendeur m'a demandé de passer sur Telegram et de payer en USDT.", false},
		{"es", "Ácido clorhídrico 33 % 1000 L", "Reseña: alguien haciéndose pasar por este vendedor me pidió pasar a Telegram y pagar en USDT.", false},
		{"zh", "盐酸 33% 1000升", "买家评价：有人冒充本店要求我用Telegram联系并用USDT付款。", false},
		{"en", "Hydrochloric acid 33% 1000 L IBC", "Beware of impostors – order only via Telegram, pay in USDT only.", true},
	})
}

// TestGap35SocialHandle: an @handle after a contact cue is a messenger
// contact unless the words between name a social network or a messenger
// outside the policy ("message us on Instagram @…", heldout35 zd0087).
func TestGap35SocialHandle(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"en", "Benzaldehyde (cherry/almond) fragrance 100 mL", "For soap and candles. DM for price or message us on Instagram @soapmakers_supply.", false},
		{"en", "Benzaldehyde 100 mL", "For soap and candles. Contact us on Facebook: @soapmakers_supply.", false},
		{"en", "Benzaldehyde 100 mL", "For soap and candles. Add me on Wire: @gbl_supply", true},
	})
}

// TestGap35WickrLabelWord: "Wickr-naam" ("a Wickr name", heldout35 zd0030)
// is the label of a handle, not a handle; the handle after the label is.
func TestGap35WickrLabelWord(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"met een Wickr-naam en betaling in bitcoin", nil},
		{"über einen Wickr-Namen und Bitcoin", nil},
		{"Wickr-naam: pmklab", []string{"pmklab"}},
		{"Wickr: pmklab", []string{"pmklab"}},
	} {
		var got []string
		for _, o := range Observables(tc.text) {
			if o.Type == precwatch.ObservableWickr {
				got = append(got, o.Value)
			}
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("Observables(%q) wickr = %q, want %q", tc.text, got, tc.want)
		}
	}
	runVerdicts(t, []verdictCase{
		{"nl", "Politie: handelaren boden PMK-glycidaat aan via Wickr", "Volgens de politie werd PMK-methylglycidaat aangeboden op advertentiesites, met een Wickr-naam en betaling in bitcoin. Er werden 800 kilo in beslag genomen.", false},
		{"nl", "PMK-glycidaat 1 kg", "Wickr-naam: pmklab, betaling in bitcoin.", true},
	})
}

// TestGap35TurkishReport: a Turkish gendarmerie report (heldout35 zd0107)
// reports the contact and payment it quotes; an offer in Turkish stays one.
func TestGap35TurkishReport(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"tr", "Jandarmadan efedrin operasyonu", "Şüphelilerin efedrini sosyal medyada 'WhatsApp'tan yazın' ilanlarıyla sattığı ve ödemeyi kripto ile aldığı belirlendi.", false},
		{"tr", "Efedrin HCl 1 kg", "WhatsApp'tan yazın, ödeme kripto ile.", true},
	})
}

// TestGap35SignalOnly: "Signal uniquement :" before a number (in keycap
// emoji digits, heldout35 zd0152) is the seller's messenger; a plain phone
// number is not.
func TestGap35SignalOnly(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"fr", "Éther éthylique 2,5 L", "Éther diéthylique pur, bidon 2,5 L. Signal uniquement : 0️⃣6️⃣ 1️⃣2️⃣ 3️⃣4️⃣ 5️⃣6️⃣ 7️⃣8️⃣", true},
		{"de", "Diethylether 2,5 L", "Reiner Diethylether. Nur Signal: 0176 5550 1234", true},
		{"es", "Éter etílico 2,5 L", "Éter dietílico puro. Solo Signal: 612 345 678", true},
		{"fr", "Éther éthylique 2,5 L", "Éther diéthylique pur, bidon 2,5 L. Téléphone : 0️⃣6️⃣ 1️⃣2️⃣ 3️⃣4️⃣ 5️⃣6️⃣ 7️⃣8️⃣", false},
	})
	obs := Observables("Signal uniquement : 06 12 34 56 78")
	if !slices.ContainsFunc(obs, func(o precwatch.Observable) bool { return o.Type == precwatch.ObservableSignal }) {
		t.Errorf("Observables(%q) = %v, want a signal number", "Signal uniquement : 06 12 34 56 78", obs)
	}
}

// TestGap35SessionID: a Session messenger ID (66 hex digits from "05",
// often shortened "05b7…e4") after the word Session is a messenger contact,
// in the seller field too (heldout35 zd0089); a numbered session of a
// course is not.
func TestGap35SessionID(t *testing.T) {
	m := mustMatcher(t)
	for _, tc := range []struct {
		desc, seller string
		want         bool
	}{
		{"Aceton technisch, 10 L. Abholung oder Versand.", "Kontakt: Session 05b7…e4 (kein Telefon)", true},
		{"Aceton technisch, 10 L. Session ID 0553a1c2f4e7b9d0a6c3e8f1b2d4a7c9e0f3b6d8a1c4e7f0b3d6a9c2e5f8b1d4a7", "", true},
		{"Aceton technisch, 10 L. Schulung Session 05 am Montag, Raum 2.", "", false},
		{"Aceton technisch, 10 L. Abholung oder Versand.", "Chemiehandel Köln, Session 05 der Messe", false},
	} {
		got := m.Match(&precwatch.Listing{Title: "Aceton 10 L Kanister", Description: tc.desc, Seller: tc.seller, Price: "40 €"})
		if got.Suspicious != tc.want {
			t.Errorf("desc %q seller %q: suspicious %v, want %v; explain %q", tc.desc, tc.seller, got.Suspicious, tc.want, got.Explain)
		}
	}
}
