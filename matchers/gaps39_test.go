package matchers

import "testing"

// TestGap39ThirdCountry: routing a parcel through a third country so that
// it is not held is customs evasion in any wording (heldout14 i0213); a
// third country named for an export declaration or a transit permit is
// not.
func TestGap39ThirdCountry(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"en", "Diethyl ether 500 mL", "NZ and AU: we've never had one held, we route through a third country.", true},
		{"en", "Toluene 99%, 20 L", "To Australia we ship via a third country, so nothing gets looked at.", true},
		{"de", "Toluol 99 %, 10 L", "Nach Australien versenden wir über ein Drittland.", true},
		{"es", "Tolueno 99%, 20 L", "A Chile enviamos a través de un tercer país.", true},
		{"ru", "Толуол 20 л", "В Казахстан отправляем через третью страну.", true},
		{"en", "Diethyl ether 500 mL", "Exports to third countries need an export declaration; we file it for you.", false},
		{"en", "Diethyl ether 500 mL", "Transit through a third country needs a transit permit, which we apply for.", false},
	})
}

// TestGap39BorderInsiders: delivery through the seller's own people at the
// border or in customs is customs evasion (heldout14 i0148); the seller's
// own couriers or warehouse staff are not.
func TestGap39BorderInsiders(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"ru", "Серная кислота 94%, 5 л", "В Узбекистан и Таджикистан доставка через своих людей на границе.", true},
		{"ru", "Толуол 20 л", "На таможне у нас свои люди, проблем не будет.", true},
		{"en", "Sulfuric acid 96%, 5 L", "We have our own people at the border, so it goes straight through.", true},
		{"uk", "Сірчана кислота 94%, 5 л", "Доставка через своїх людей на кордоні.", true},
		{"ru", "Серная кислота 94%, 5 л", "Доставка по России нашими людьми, без посредников.", false},
		{"en", "Sulfuric acid 96%, 5 L", "Our people at the warehouse pack it the same day.", false},
	})
}

// TestGap39CoinsOnly: "coins only" beside a crypto currency is crypto-only
// payment (heldout14 i0157); coins in another sense are no payment.
func TestGap39CoinsOnly(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"en", "Hydrochloric acid 37%, 2.5 L", "Coins only, BTC or XMR. Cards bounce.", true},
		{"en", "Acetone 99%, 20 L", "Coins only: Bitcoin or Monero, cards do not work here.", true},
		{"en", "Hydrochloric acid 37%, 2.5 L", "Diluted, it is for cleaning old coins only; pay by card or bank transfer.", false},
	})
}
