package matchers

import (
	"testing"

	"github.com/precwatch/precwatch"
)

// TestGap66BareGuarantee: a delivery guarantee that names no destination
// is an ordinary shop promise, not the customs-evasion indicator (heldout66
// yr0017, yr0027, yr0031, yr0100, yr0121, yr0127, yr0138); nor is one
// whose place is the area a domestic delivery covers (yr0078, yr0109,
// yr0126, yr0133), in every language the indicator covers.
func TestGap66BareGuarantee(t *testing.T) {
	runIndCases(t, []indCase{
		{"Acetone technical grade 25 L", "Fast delivery guaranteed. SDS supplied with every order.", "customs-evasion", false},
		{"MEK solvent 5 gal pail", "Ships within 48 h. Delivery guaranteed or your money back.", "customs-evasion", false},
		{"Acetone 99.5% – 200 L drums", "Safe delivery worldwide.", "customs-evasion", false},
		{"Acétone pure 5 L", "Livraison garantie en 24/48 h, satisfait ou remboursé.", "customs-evasion", false},
		{"Acetona industrial 20 L", "Entrega garantizada en 24 horas en toda la CDMX.", "customs-evasion", false},
		{"Acetona 1 L", "Frete grátis para todo Brasil, entrega garantida ou seu dinheiro de volta.", "customs-evasion", false},
		{"Toluene puro 1 L", "Spedizione gratuita in tutta Italia, consegna garantita.", "customs-evasion", false},
		{"Hydrochloric acid 33% – 25 L", "Next-day delivery guaranteed across mainland UK.", "customs-evasion", false},
		{"丙酮 分析纯 500ml", "顺丰包邮，保证送达，需提供单位证明。", "customs-evasion", false},
		{"Aceton 20 L", "Garantierte Lieferung innerhalb von 2 Tagen.", "customs-evasion", false},
		{"Ацетон 20 л", "Гарантированная доставка за 1 день.", "customs-evasion", false},
		{"Aceton 20 L", "Gwarantowana dostawa w 24 godziny.", "customs-evasion", false},
		{"Aseton 20 L", "Güvenli teslimat, hızlı kargo.", "customs-evasion", false},
		{"Acetone 20L", "Safe delivery, Europe-wide.", "customs-evasion", false},
		// The same promises to a named country or region stay the indicator.
		{"Acetone 20L", "Safe delivery to USA, Canada and Australia.", "customs-evasion", true},
		{"Acetona 20 L", "Entrega garantizada a México y Guatemala.", "customs-evasion", true},
		{"Ацетон 20 л", "Гарантированная доставка в Германию и Польшу.", "customs-evasion", true},
		{"Aceton 20 L", "Gwarantowana dostawa do Niemiec.", "customs-evasion", true},
		{"Aseton 20 L", "Almanya'ya güvenli teslimat.", "customs-evasion", true},
		{"丙酮 20升", "保证安全到货，欧洲俄罗斯均可。", "customs-evasion", true},
		{"اسید سولفوریک ۹۸٪", "ارسال مطمئن به عراق و افغانستان.", "customs-evasion", true},
		{"Aseton 4 L", "Penghantaran selamat ke Brunei dan Singapura.", "customs-evasion", true},
		// A customs promise needs no destination.
		{"Acetone 20L", "100% customs pass, re-ship if seized.", "customs-evasion", true},
		{"丙酮 20升", "双清包税。", "customs-evasion", true},
	})
}

// TestGap66CustomsByUs: the seller clearing customs for the buyer of a
// named destination ("customs cleared by us", "we handle customs for
// Germany") is the indicator (heldout66 yr0079, yr0107, yr0130, yr0015,
// yr0044); said of no destination it is an exporter's DDP service
// (heldout2 k0223).
func TestGap66CustomsByUs(t *testing.T) {
	runIndCases(t, []indCase{
		{"MEK + acetone combo – 2 × 200 L", "We handle customs for Germany and Austria, you pay only on arrival.", "customs-evasion", true},
		{"MEK 99.8% – 165 kg drums", "Door to door to Mexico, customs cleared by us – you just receive.", "customs-evasion", true},
		{"Ammonium formate 98% – 5 kg", "Door to door to Australia, customs cleared by us.", "customs-evasion", true},
		{"Aceton 200 L", "Leverans till Norge, vi ordnar tullen.", "customs-evasion", true},
		{"Aseton 200 L", "Almanya'ya teslimat, gümrük bizden.", "customs-evasion", true},
		{"Ацетон 200 л", "Доставка в Казахстан, растаможка наша.", "customs-evasion", true},
		{"Aseton 4 L", "Ke Singapura, kastam kami uruskan.", "customs-evasion", true},
		{"Acetone 99.5% — 160 kg drum, DDP to USA", "We handle customs clearance and deliver door to door. Payment T/T.", "customs-evasion", false},
	})
}

// TestGap66HomeCountry: a guarantee of delivery to the country the
// listing's own location names is a domestic promise; in the location
// field itself the promise is the seller's (heldout4 q0113, q0251).
func TestGap66HomeCountry(t *testing.T) {
	m := mustMatcher(t)
	for _, tc := range []struct {
		l    precwatch.Listing
		want bool
	}{
		{precwatch.Listing{Title: "Acetone 20 L", Description: "Safe delivery in the USA.", Location: "Ohio, USA"}, false},
		{precwatch.Listing{Title: "Acetone 20 L", Description: "Safe delivery to the USA.", Location: "Guangzhou, China"}, true},
		{precwatch.Listing{Title: "Acetone 25 L", Description: "Acetone 99.5%, 25 L.", Location: "Guangzhou — 100% safe delivery to Canada"}, true},
	} {
		got := false
		for _, in := range m.Match(&tc.l).Indicators {
			got = got || in.ID == IndCustoms
		}
		if got != tc.want {
			t.Errorf("%q / %q / %q: customs-evasion %v, want %v", tc.l.Title, tc.l.Description, tc.l.Location, got, tc.want)
		}
	}
}

// TestGap66QuotedMention: an indicator phrase in quotes after a mention
// cue ("promises of 'guaranteed customs clearance'") is named, not said;
// and a regulator's guidance ("Operators exporting Category 2 substances
// … need an export authorisation") names substances without offering them
// (heldout66 yr0069).
func TestGap66QuotedMention(t *testing.T) {
	runIndCases(t, []indCase{
		{"Acetone 20 L", "Promises of 'guaranteed customs clearance' by a supplier do not replace the export documents.", "customs-evasion", false},
		{"Acetone 20 L", "Beware of sellers: phrases like \"stealth shipping\" are a red flag.", "stealth-packaging", false},
		{"Acetone 20 L", "Guaranteed customs clearance. Price 20 EUR.", "customs-evasion", true},
		{"Acetone 20 L", "We don't do 'discreet shipping' tricks, we just do stealth shipping.", "stealth-packaging", true},
	})
	runVerdicts(t, []verdictCase{
		{"en", "Commission guidance: exporting scheduled substances", "Operators exporting Category 2 substances such as acetic anhydride and potassium permanganate to third countries need an export authorisation; pre-export notifications are sent via PEN Online. Promises by a supplier do not replace these documents.", false},
		{"en", "Acetic anhydride 99% – 200 L drums", "Supplier of acetic anhydride, export to third countries; 100% customs pass.", true},
	})
}
