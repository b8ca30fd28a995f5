package matchers

import (
	"testing"

	"github.com/precwatch/precwatch"
)

// Code fixes of held-out round 14 (testdata/heldout14: risk indicators
// worded in ways the matcher had not seen, next to innocent twins that use
// the same words); each test fails on the code before its fix (branch point
// 1cc9525).

// TestGap14NegatedFrame: a control noun (customs, border, inspection)
// denied by a negation cue the listing already has is customs evasion in
// any wording (i0015, i0016, i0019, i0021, i0022) — the frame is
// "negated", so no list of evasion phrases is needed; the frame's block
// words keep duty and paperwork sentences clean.
func TestGap14NegatedFrame(t *testing.T) {
	for _, tc := range []struct {
		desc string
		want bool
	}{
		{"Ships to Switzerland without the customs officers ever opening the box.", true},
		{"Envíos a Chile: la mercancía entra sin pasar revisión, garantizado.", true},
		{"Отправляем в Казахстан, таможня посылки не вскрывает.", true},
		{"Kirim ke Singapura, barang tidak diperiksa bea cukai.", true},
		{"Ships to Switzerland. Customs duties are not included in the price.", false},
		{"Ships worldwide; no customs paperwork needed inside the EU.", false},
		{"Ships to Switzerland; customs paperwork provided with every order.", false},
	} {
		gap12Verdict(t, precwatch.Listing{Title: "Acetone 99.5%, 20 L", Description: tc.desc}, tc.want)
	}
}

// TestGap14FrameBlock: a frame's block words clear it ("the invoice will
// read the product name and CAS number"), while the same frame with
// another name still fires (i0061 "paperwork on the drum will read paint
// thinner", i0062 "on the customs form it becomes plant nutrient").
func TestGap14FrameBlock(t *testing.T) {
	gap12Verdict(t, precwatch.Listing{Title: "Toluene 99%, 25 L", Description: "Paperwork on the drum will read paint thinner."}, true)
	gap12Verdict(t, precwatch.Listing{Title: "Toluene 99%, 25 L", Description: "The invoice will read the product name, lot and CAS number."}, false)
	gap12Verdict(t, precwatch.Listing{Title: "Toluene 99%, 25 L", Description: "Quotes through Session only, ID on request."}, true)
	gap12Verdict(t, precwatch.Listing{Title: "Toluene 99%, 25 L", Description: "GHS signal word: Danger. Orders by phone."}, false)
}

// TestGap14RefusalAfterFiat: a refusal after a fiat method refuses that
// method, not the crypto named before it (i0049 "Platba pouze v
// kryptoměnách, bankovní převod nepřijímáme"); right after the crypto it
// still refuses the crypto (i0114).
func TestGap14RefusalAfterFiat(t *testing.T) {
	gap12Verdict(t, precwatch.Listing{Title: "Aceton 99,5 %, 10 l", Description: "Platba pouze v kryptoměnách, bankovní převod nepřijímáme."}, true)
	gap12Verdict(t, precwatch.Listing{Title: "Aceton 99,5 %, 10 l", Description: "Platba pouze převodem na účet, kryptoměny nepřijímáme."}, false)
}

// TestGap14ReportWordInsideOffer: "règlement" is a regulation (a report
// word) but "règlement par/en" is how an offer is paid (i0041).
func TestGap14ReportWordInsideOffer(t *testing.T) {
	gap12Verdict(t, precwatch.Listing{Title: "Toluène 99,8 %, 10 L", Description: "Règlement en bitcoins, aucune autre option."}, true)
}

// TestGap14AnsweredPaperQuestion: a paper noun asked as a question and
// denied in the answer is the no-paperwork indicator (i0056 "La ricetta?
// Non serve"); asked and answered with a requirement it is none.
func TestGap14AnsweredPaperQuestion(t *testing.T) {
	gap12Verdict(t, precwatch.Listing{Title: "Pseudoefedrina 60 mg, 24 compresse", Description: "La ricetta? Non serve, spediamo a chiunque."}, true)
	gap12Verdict(t, precwatch.Listing{Title: "Pseudoephedrine 60 mg, 24 tablets", Description: "Prescription? Not needed, we ship anywhere."}, true)
	gap12Verdict(t, precwatch.Listing{Title: "Pseudoephedrine 60 mg, 24 tablets", Description: "Prescription? Yes, upload it at checkout."}, false)
}

// TestGap14ReactionPartner: a reaction word next to a second watchlist
// substance, the partner reagent, is a synthesis hint (i0075, i0077); a
// reaction word next to the only substance offered is none ("for pH
// reduction", "reduction of odour").
func TestGap14ReactionPartner(t *testing.T) {
	gap12Verdict(t, precwatch.Listing{Title: "Nitroethane 98%, 1 L", Description: "Our Henry-reaction crowd loves it: condenses cleanly with benzaldehyde."}, true)
	gap12Verdict(t, precwatch.Listing{Title: "Red phosphorus 99%, 250 g", Description: "Pairs with our iodine listing if you're running the reduction."}, true)
	gap12Verdict(t, precwatch.Listing{Title: "Hydrochloric acid 33%, 5 L", Description: "For reduction of pH in pools and for descaling."}, false)
	gap12Verdict(t, precwatch.Listing{Title: "Iodine 100 g", Description: "Also in stock: red phosphorus. Both ship in 2 days."}, false)
}

// TestGap14QuotedNameAfterDocument: a shipping document then a quoted name
// in the same sentence is the name the parcel travels under (i0171,
// i0172, i0174, i0175, i0176); a quote holding the listing's own substance
// is its true name (i0206), and an apostrophe inside a word is no quote.
func TestGap14QuotedNameAfterDocument(t *testing.T) {
	gap12Verdict(t, precwatch.Listing{Title: "Schwefelsäure 96 %, 25 L", Description: "Im Frachtbrief heißt es dann 'Batteriewasser'."}, true)
	gap12Verdict(t, precwatch.Listing{Title: "Ацетон 99%, 20 л", Description: "По документам проходит как «очиститель для стекол»."}, true)
	gap12Verdict(t, precwatch.Listing{Title: "乙醚 500ml", Description: "快递单上填'香水'。"}, true)
	gap12Verdict(t, precwatch.Listing{Title: "Ацетон 99%, 20 л", Description: "По документам проходит как «Ацетон технический», ГОСТ 2768-84."}, false)
	gap12Verdict(t, precwatch.Listing{Title: "Acetone 99%, 20 L", Description: "The invoice is e-mailed; we'll ship the 'same day' if paid by noon."}, false)
}

// TestGap14HandleAfterContactCue: a contact cue then a bare @handle is a
// messenger contact whatever the app is called (i0151 Wire, i0153 "la app
// del avioncito", i0155 "Tele"); an e-mail address is not a handle.
func TestGap14HandleAfterContactCue(t *testing.T) {
	gap12Verdict(t, precwatch.Listing{Title: "GBL 99.9%, 500 ml", Description: "Add me on Wire: @gbl_supply"}, true)
	gap12Verdict(t, precwatch.Listing{Title: "Axeton 99% 30 lít (acetone, CAS 67-64-1)", Description: "Liên hệ qua Tele: @axeton_vn"}, true)
	gap12Verdict(t, precwatch.Listing{Title: "GBL 99.9%, 500 ml", Description: "Contact: sales@gbl-supply.example"}, false)
}

// TestGap14PairedFrameClasses: the first parts of one indicator's plain
// frames pair with the second parts of any of them (i0150 "gümrükten
// sorunsuz": a control noun of the negated frame, "no problem" of
// another); the words of special frames (a contact cue before a handle) do
// not pair ("Orders from registered companies only" is no messenger).
func TestGap14PairedFrameClasses(t *testing.T) {
	gap12Verdict(t, precwatch.Listing{Title: "Aseton 20 lt", Description: "Azerbaycan'a gümrükten sorunsuz geçirme garantili."}, true)
	gap12Verdict(t, precwatch.Listing{Title: "Methylamine hydrochloride 98%, 500 g", Description: "Orders from registered companies only."}, false)
}

// TestGap14FiatRefusedAfter: a fiat method refused after it ("Bank and
// card payments are switched off", i0221) is no other way to pay, so the
// crypto named beside it is the only one; a fiat method offered beside
// crypto still clears it.
func TestGap14FiatRefusedAfter(t *testing.T) {
	gap12Verdict(t, precwatch.Listing{Title: "Sulfuric acid 98%, 2.5 L", Description: "Bank and card payments are switched off; BTC, LTC or XMR settle the order."}, true)
	gap12Verdict(t, precwatch.Listing{Title: "Sulfuric acid 98%, 2.5 L", Description: "We accept cards, bank transfer and crypto."}, false)
}
