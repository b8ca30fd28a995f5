package matchers

import (
	"strings"
	"testing"
)

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
		{"en", "Sulfuric acid 20 L", "Our people at the border crossing office in Narva process export declarations.", false},
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

// TestGap39PurposeNotAsked: not asking what the buyer wants the chemical
// for is the "no questions" indicator in any language (heldout14 i0058,
// i0166); a page that explains what the product is for, or asks the buyer
// to say it, is not.
func TestGap39PurposeNotAsked(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"fr", "Acide sulfurique 96 %, 5 L", "On ne vous demandera jamais à quoi ça sert.", true},
		{"uk", "Ацетон 99%, 20 л", "Документи та пояснення, для чого вам, не потрібні.", true},
		{"en", "Acetone 99.5%, 20 L", "We never ask what it's for.", true},
		{"de", "Aceton 99,5 %, 10 L", "Wir fragen nicht nach dem Verwendungszweck.", true},
		{"de", "Aceton 99,5 %, 10 L", "Wofür Sie es brauchen, ist uns egal.", true},
		{"es", "Tolueno 99%, 20 L", "No preguntamos para qué lo quiere.", true},
		{"ru", "Ацетон 99%, 20 л", "Для чего вам — не спрашиваем.", true},
		{"fr", "Acide sulfurique 96 %, 5 L", "Vous ne savez pas à quoi ça sert ? Consultez la fiche technique.", false},
		{"en", "Acetone 99.5%, 20 L", "Not sure what it's for? Our chemist will advise.", false},
		{"uk", "Ацетон 99%, 20 л", "Для чого вам ацетон? Для знежирення та очищення поверхонь.", false},
	})
}

// TestGap39SkipPharmacy: skipping the ID check for a medicine is the "no
// prescription / no questions" indicator; the ID check described as the
// shop's rule, and an online pharmacy's "skip the pharmacy queue" or "no
// pharmacy visit needed" (click and collect, a pharmacist's call), are
// not, which is why heldout14 i0164 ("Skip the pharmacy queue and the ID
// scan") stays a known gap.
func TestGap39SkipPharmacy(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"en", "Pseudoephedrine 60 mg x 24", "Skip the ID scan, we post it straight out.", true},
		{"en", "Pseudoephedrine 60 mg x 24", "No ID check, we post it the same day.", true},
		{"en", "Pseudoephedrine 60 mg x 24", "Pharmacy medicine: ID scan at the counter, one pack per customer.", false},
		{"en", "Pseudoephedrine 60 mg x 24", "Skip the pharmacy queue: order online and collect in store with your ID.", false},
		{"en", "Pseudoephedrine 60 mg x 24", "No pharmacy visit needed for the consultation: our pharmacist calls you and checks your ID.", false},
	})
}

// TestGap39SynthesisSlang: a synthesis route named by its slang ("the
// nitro route"), batch sizes of a named reaction, and a conversion with
// lye are synthesis hints (heldout14 i0178, i0179, i0183); the reaction
// named as a use, and lye in soap-making, are not.
func TestGap39SynthesisSlang(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"en", "Benzaldehyde 99%, 500 ml", "The other half of the nitro route: ask for the bundle with our nitroethane.", true},
		{"en", "Benzaldehyde 99%, 500 ml", "Ask for the bundle with our vanillin for flavour work.", false},
		{"de", "Methylamin 40 % in Wasser, 1 L", "Mengenangaben für 100-g-Ansätze der reduktiven Aminierung inklusive.", true},
		{"de", "Methylamin 40 % in Wasser, 1 L", "Geeignet für reduktive Aminierungen im Forschungslabor.", false},
		{"es", "GBL 99%, 1 L (gamma-butirolactona)", "Con sosa cáustica se convierte en minutos.", true},
		{"en", "GBL 99%, 1 L", "Converts with lye in minutes.", true},
		{"es", "Acetona 99%, 1 L", "La grasa se convierte en jabón con sosa cáustica; la acetona limpia los moldes.", false},
		{"en", "Toluene 20 L", "Neutralise spills and reduce the hazard with caustic soda solution.", false},
	})
}

// TestGap39SharedStreetName: a street name the reference gives to two
// entries ("BMK glycidate": BMK glycidic acid and its methyl ester; "PMK
// oil": PMK and PMK ethyl glycidate) means the one the listing names
// otherwise (heldout11 x0017, heldout16 v0142), else the first owner, which
// a conversion target keeps too.
func TestGap39SharedStreetName(t *testing.T) {
	runCAS(t, []casCase{
		{"BMK glycidate oil 1 L", "New BMK oil, methyl ester, CAS 80532-66-7", []string{"80532-66-7"}, []string{"25547-51-7"}},
		{"PMK oil 99%", "High yield PMK oil (PMK ethyl glycidate). CAS No.: 28578-16-7.", []string{"28578-16-7"}, []string{"4676-39-5"}},
		{"BMK glycidate 1 kg", "White powder, purity 99%.", []string{"25547-51-7"}, []string{"80532-66-7"}},
		{"PMK oil 1 L", "Purity 99%, CAS 4676-39-5.", []string{"4676-39-5"}, []string{"28578-16-7"}},
		{"PMK oil 1 L", "Yellow oil, purity 99%.", []string{"4676-39-5"}, []string{"28578-16-7"}},
		{"PMK ethyl glycidate 1 kg", "PMK ethyl glycidate CAS 28578-16-7, easy conversion to PMK oil.", []string{"28578-16-7", "4676-39-5"}, nil},
	})
}

// TestGap39EsterAfter: a glycidate's ester word after the family name
// ("BMK glycidate ethyl", spaced or not: heldout17 p0086) names the ester,
// not the trade name "BMK glycidate" before it.
func TestGap39EsterAfter(t *testing.T) {
	runCAS(t, []casCase{
		{"BMK  g l y c i d a t e  ethyl", "B M K ethyl glycidate, CAS 41232‑97‑7, kgs ready.", []string{"41232-97-7"}, []string{"25547-51-7"}},
		{"BMK glycidate methyl 1 L", "Yellow oil, 99%.", []string{"80532-66-7"}, []string{"25547-51-7"}},
		{"PMK glycidate ethyl 1 kg", "White powder.", []string{"28578-16-7"}, []string{"13605-48-6"}},
		{"BMK glycidate, ethyl acetate wash", "White powder, 99%.", []string{"25547-51-7"}, []string{"41232-97-7"}},
	})
}

// TestGap39CutMessenger: a messenger name cut by spaces at any place
// ("Teleg ram", "Th r e e m a": heldout11 x0207, x0199) or Telegram with a
// capital I for its l (x0120) is the messenger; words that merely hold the
// letters are not.
func TestGap39CutMessenger(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"en", "Iodine 1 kg", "Teleg ram: @iod_shop", true},
		{"en", "MEK 25 L solvent", "Th r e e m a: MEKEU123", true},
		{"en", "Acetone 200 L", "write on teIegram (ask in chat)", true},
		{"en", "Acetone 200 L", "Order via Whats ap p, same day dispatch.", true},
		{"en", "Iodine 1 kg", "Telegraphic transfer, 100 gram sachets, lab grade.", false},
		{"en", "MEK 25 L solvent", "The three main grades: technical, pure, analytical.", false},
		{"en", "Acetone 200 L", "What's appropriate for your lab? Ask our team.", false},
	})
}

// TestGap39SpellingVariants: the name of a Table I or designer precursor
// written with letters doubled or tripled, its later vowels dropped,
// reversed, or in ROT13 (heldout11 x0062–x0068, x0150, heldout4 q0059)
// names it: a reader repairs these spellings at once. Words that only
// resemble such a spelling, and the variants of Table II or reagent names,
// do not.
func TestGap39SpellingVariants(t *testing.T) {
	runCAS(t, []casCase{
		{"Ephedrinee 1kg", "", []string{"299-42-3"}, nil},
		{"Saaffroole oil 1L", "", []string{"94-59-7"}, nil},
		{"Saffrole 99% 1L", "", []string{"94-59-7"}, nil},
		{"Pseudoephedrrrine 500 g", "", []string{"90-82-4"}, nil},
		{"Ephdrn HCl 500g", "crystal", []string{"299-42-3"}, nil},
		{"Sfrl oil 1 L 99%", "", []string{"94-59-7"}, nil},
		{"enirdehpE 1kg", "read it backwards", []string{"299-42-3"}, nil},
		{"Fnsebyr 1 kg (rot13)", "", []string{"94-59-7"}, nil},
		{"OZX tylpvqngr — read it in ROT13", "10 kg, Telegram", []string{"25547-51-7"}, nil},
		{"Saffron threads 1 g", "Spanish saffron, grade I.", nil, []string{"94-59-7"}},
		{"Ephedra tea 100 g", "Herbal tea.", nil, []string{"299-42-3"}},
		{"Sfr 1 kg", "Swiss francs accepted.", nil, []string{"94-59-7"}},
	})
}

// TestGap39CyrillicDigit: a Cyrillic letter that looks like a digit inside
// a number ("2305б-29-3": б for 6, heldout11 x0086) is that digit, so the
// CAS number reads without a keyword; a house number ("дом 12б") and
// Russian words stay letters.
func TestGap39CyrillicDigit(t *testing.T) {
	runCAS(t, []casCase{
		{"Powder 2305б-29-3 1 kg", "Mail us for the product name.", []string{"23056-29-3"}, nil},
		{"Порошок 5449-12-7", "Склад: Москва, ул. Ленина, дом 12б, офис 3.", []string{"25547-51-7"}, nil},
	})
	for _, s := range []string{"дом 12б", "бензол", "б-12"} {
		if got := Normalize(s).String(); !strings.Contains(got, "б") {
			t.Errorf("Normalize(%q) = %q, want the б kept", s, got)
		}
	}
}

// TestGap39UnderInvoice: the seller shipping the goods "under" another
// document or a false name ("We'll ship it under a cosmetics invoice",
// heldout12 y0382) is mislabelling; a parcel or invoice sent "under" a
// tracking number, a separate cover, a hazard label or a HS code is not.
func TestGap39UnderInvoice(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"en", "Toluene 20 L", "We'll ship it under a cosmetics invoice.", true},
		{"en", "Acetone 20 L", "Goes out under a false name, nobody asks.", true},
		{"ru", "Толуол 20 л", "Отправляем под видом удобрения.", true},
		{"en", "Toluene 20 L", "Shipped under a hazardous goods label, UN 1294, with the SDS.", false},
		{"en", "Toluene 20 L", "Ships in under a week; invoice with VAT included.", false},
		{"en", "Toluene 20 L", "Each box is packed under another layer of foam for safety.", false},
		{"en", "Toluene 20 L", "Invoice sent under a separate cover by email.", false},
		{"en", "Acetone 20 L", "Parcel shipped under a DHL tracking number.", false},
		{"en", "Toluene 20 L", "Declared under a HS code 2902 with the SDS.", false},
	})
}

// TestGap39AddressPrefix: the prefix of a bech32 bitcoin address given as
// the payment ("Payment: bc1q 8d3f 2k9x … ask for the full address",
// heldout11 x0123) is a crypto payment, with no fiat method beside it; a
// whole address is an observable anyway.
func TestGap39AddressPrefix(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"en", "Red phosphorus 500 g", "Payment: bc1q 8d3f 2k9x ... (ask for the full address), no other methods", true},
		{"en", "Red phosphorus 500 g", "Payment: bank transfer or card; invoice on request.", false},
	})
}

// TestGap39SpelledNumber: a messenger name, then a phone number spelled out
// in digit words ("signal ➡ plus three one six …", heldout11 x0122) or in
// digits after an arrow, is a messenger contact; a signal value is not.
func TestGap39SpelledNumber(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"en", "Sulfuric acid 96% 25 L", "signal ➡ plus three one six one two three four five six seven eight", true},
		{"en", "Sulfuric acid 96% 25 L", "Signal ➡ +31 612 345 678", true},
		{"en", "Sulfuric acid 96% 25 L", "Level sensor included. Signal ➡ 4-20 mA output, plus two spare seals.", false},
	})
}

// TestGap39CutCAS: a CAS number cut between the title and the description
// ("Powder, CAS 5449-" | "12-7, 1 kg", heldout11 x0104) is read joined; a
// title ending in a range and a description starting with a number are no
// CAS number unless the digits check.
func TestGap39CutCAS(t *testing.T) {
	runCAS(t, []casCase{
		{"Powder, CAS 5449-", "12-7, 1 kg, yellow", []string{"25547-51-7"}, nil},
		{"White crystals, CAS 50-", "98-6, 1 kg", []string{"299-42-3"}, nil},
		{"Sizes 10-", "20 L drums, acetone 99%", []string{"67-64-1"}, []string{"25547-51-7"}},
	})
}

// TestGap39BareName: a shipping paper that "shows" a lone other name,
// unquoted, at the end of its sentence ("Auf der Rechnung steht Duftöl.",
// heldout14 i0065; "the invoice says Perfume.") is mislabelling; the true
// name, an article phrase, a hazard word or "alles" is not.
func TestGap39BareName(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"de", "Toluol 99 %, 25 L", "Auf der Rechnung steht Duftöl.", true},
		{"en", "Acetone 20 L", "The invoice says Perfume, nobody opens it.", true},
		{"de", "Toluol 99 %, 25 L", "Auf der Rechnung steht Toluol.", false},
		{"de", "Toluol 99 %, 25 L", "Auf der Rechnung steht die MwSt. getrennt.", false},
		{"de", "Toluol 99 %, 25 L", "Auf dem Etikett steht Gefahr, wie vorgeschrieben.", false},
		{"de", "Toluol 99 %, 25 L", "Auf der Rechnung steht alles, was der Zoll braucht.", false},
		{"en", "Acetone 20 L", "The label says Acetone, with the GHS pictograms.", false},
		{"de", "Toluol 99 %, 25 L", "Auf dem Paket steht Zerbrechlich.", false},
		{"de", "Toluol 99 %, 25 L", "Auf der Rechnung steht Ihre Bestellnummer.", false},
	})
}

// TestGap39CutName: a name cut between the title and the description
// ("PMK ethyl" | "glycidate oil", "Pseudo-" | "-ephedrine HCl": heldout19
// e0073, e0091) names its substance, and the shorter names inside it do
// not count; a title and a description that only follow each other keep
// their own names.
func TestGap39CutName(t *testing.T) {
	runCAS(t, []casCase{
		{"PMK ethyl", "glycidate oil, 1 L bottles, 99%, 20 L in stock.", []string{"28578-16-7"}, []string{"4676-39-5"}},
		{"Pseudo-", "-ephedrine HCl, 500 g, crystalline, pharma grade.", []string{"90-82-4"}, []string{"299-42-3"}},
		{"Acetone 20 L", "toluene 20 L and ephedrine-free cleaner.", []string{"67-64-1", "108-88-3"}, nil},
		{"Safrole", "oil, 1 L, 99%.", []string{"94-59-7"}, nil},
		// A description that starts a sentence of its own is no continuation.
		{"Tienda: QuímicaOscura — BMK/PMK", "Glicidato de PMK, 1 kg, envío discreto.", []string{"4676-39-5", "13605-48-6"}, nil},
	})
}
