package matchers

import "testing"

// TestGap72Scheduling: news of a scheduling decision ("CND places 4-AP,
// 1-boc-4-AP and norfentanyl in Table I. The decision follows INCB's review
// …", heldout72 yl0023) names the substances it puts under control without
// offering them, in the main languages; a seller naming the table ("Table I
// precursor 4-AP in stock", "not yet in Table I, buy now", "buy before it is
// placed in Table I") stays an offer.
func TestGap72Scheduling(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"en", "CND places 4-AP, 1-boc-4-AP and norfentanyl in Table I", "The decision follows INCB's review of fentanyl precursors (4-anilinopiperidine and its Boc-protected form).", false},
		{"en", "CND places norfentanyl in Table I", "", false},
		{"en", "Norfentanyl placed in Table I", "", false},
		{"en", "Norfentanyl placed under international control", "Vienna, March.", false},
		{"en", "Norfentanyl scheduled", "The decision follows a review.", false},
		{"pt", "CND inclui norfentanil na Tabela I", "A decisão segue uma revisão do INCB.", false},
		{"pt", "Norfentanil incluído na Tabela I", "", false},
		{"es", "La CND incluye el norfentanilo", "", false},
		{"es", "Norfentanilo", "La decisión se produce tras una revisión.", false},
		{"fr", "Norfentanyl inscrit au tableau I", "", false},
		{"fr", "Norfentanyl placée sous contrôle international", "", false},
		{"fr", "Norfentanyl", "La décision fait suite à un examen.", false},
		{"de", "Suchtstoffkommission: Norfentanyl", "Die Entscheidung folgt einer Prüfung.", false},
		{"it", "Norfentanil inserito nella tabella I", "La decisione segue una revisione.", false},
		{"nl", "Norfentanyl opgenomen in Tabel I", "Het besluit volgt op een beoordeling.", false},
		{"pl", "Norfentanyl umieszczono w Tabeli I", "Decyzja jest następstwem przeglądu.", false},
		{"tr", "Norfentanil Tablo I'e eklendi", "", false},
		{"tr", "Norfentanil uluslararası kontrole alındı", "", false},
		{"ru", "Норфентанил включен в Таблицу I", "Решение последовало за обзором.", false},
		{"zh", "麻醉药品委员会将去甲芬太尼列入表一", "", false},
		{"ar", "لجنة المخدرات: النورفنتانيل تحت الرقابة الدولية", "", false},
		// Offer twins: the table named by a seller.
		{"en", "Table I precursor 4-AP in stock", "Telegram @ap4_shop", true},
		{"en", "4-AP 100 g", "Not yet in Table I, legal, buy now.", true},
		{"en", "4-AP 1 kg, buy before it is placed in Table I", "In stock, ships worldwide, Wickr: ap4vendor", true},
		{"zh", "麻黄碱 现货", "本店决定将价格下调，欢迎咨询。", true},
		{"es", "4-anilinopiperidina en stock, precio de mayorista", "Todavía no está en el Cuadro I, compra ya. Telegram @ap4", true},
	})
}

// TestGap72Distributors: a medicine with a Table I substance offered "for
// distributors" (heldout72 yl0080 "Tartrato de ergotamina comprimidos 1 mg —
// lote 200.000. Lote completo para distribuidores.") is a wholesale sale, as
// the English "distributors" already was; the same pack without the trade
// audience, and a lot number, stay retail.
func TestGap72Distributors(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"es", "Tartrato de ergotamina comprimidos 1 mg — lote 200.000", "Lote completo para distribuidores.", true},
		{"es", "Tartrato de ergotamina comprimidos 1 mg", "Venta para distribuidores y farmacias.", true},
		{"pt", "Tartarato de ergotamina comprimidos 1 mg", "Venda para distribuidores.", true},
		{"fr", "Tartrate d'ergotamine comprimés 1 mg", "Vente réservée aux distributeurs.", true},
		{"it", "Ergotamina tartrato compresse 1 mg", "Vendita per distributori.", true},
		{"es", "Tartrato de ergotamina comprimidos 1 mg, caja de 20", "Lote: 200000. Caducidad 2027.", false},
		{"es", "Tartrato de ergotamina comprimidos 1 mg, caja de 20", "Lote 2024-11, envío a domicilio.", false},
		{"de", "Ergotamintartrat Tabletten 1 mg, 20 Stück", "Lot-Nr. 200.000, Versand per DHL.", false},
		{"en", "Ergotamine tartrate tablets 1 mg, box of 20", "Lot 23A45, exp. 2027.", false},
		{"es", "Tartrato de ergotamina comprimidos 1 mg, caja de 20", "Somos distribuidores autorizados, envío a domicilio.", false},
	})
}
