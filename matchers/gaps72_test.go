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
		{"en", "CND places 4-AP in Table I", "", false},
		{"en", "4-AP and norfentanyl placed in Table I of the 1988 Convention", "", false},
		{"en", "Norfentanyl placed under international control", "Vienna, March.", false},
		{"en", "Commission on Narcotic Drugs decides to place ANPP precursors under control", "", false},
		{"es", "La CND incluye 4-AP y norfentanilo en el Cuadro I", "La decisión se produce tras la revisión de la JIFE.", false},
		{"fr", "La CND inscrit la 4-AP et le norfentanyl au tableau I", "La décision fait suite à l'examen de l'OICS.", false},
		{"de", "Suchtstoffkommission nimmt 4-AP und Norfentanyl in Tabelle I auf", "Die Entscheidung folgt einer Prüfung durch den INCB.", false},
		{"pt", "CND inclui 4-AP e norfentanil na Tabela I", "A decisão segue uma revisão do INCB.", false},
		{"it", "La CND inserisce 4-AP e norfentanil nella tabella I", "La decisione segue una revisione dell'INCB.", false},
		{"nl", "CND plaatst 4-AP en norfentanyl op Tabel I", "Het besluit volgt op een beoordeling door het INCB.", false},
		{"pl", "CND umieszcza 4-AP i norfentanyl w Tabeli I", "Decyzja jest następstwem przeglądu INCB.", false},
		{"tr", "4-AP ve norfentanil Tablo I'e eklendi", "Karar, INCB'nin incelemesinin ardından alındı.", false},
		{"ru", "4-AP и норфентанил включены в Таблицу I", "Решение последовало за обзором МККН.", false},
		{"zh", "麻醉药品委员会将4-AP和去甲芬太尼列入表一", "", false},
		{"ar", "لجنة المخدرات تدرج 4-AP والنورفنتانيل في الجدول الأول", "", false},
		// Offer twins: the table named by a seller.
		{"en", "Table I precursor 4-AP in stock", "Telegram @ap4_shop", true},
		{"en", "4-AP 100 g", "Not yet in Table I, legal, buy now.", true},
		{"en", "4-AP 1 kg, buy before it is placed in Table I", "In stock, ships worldwide, Wickr: ap4vendor", true},
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
	})
}
