package matchers

import "testing"

// Tests of the context gaps found on the 85th held-out set
// (testdata/heldout85, red team III; WATCHLIST-NOTES.md, fix85b). Each case
// is written in other words than the held-out listing, with its innocent
// twin: the offer that must stay suspicious.

// A job ad asks for a worker who knows the chemicals; it offers none. The
// same substance offered with the same messenger stays an offer.
func TestGap85bJobAd(t *testing.T) {
	runGapCases(t, []gapCase{
		{title: "We are hiring: lab technician", desc: "Now hiring a technician familiar with ephedrine assays and acetic anhydride handling. Send your CV via WhatsApp.",
			price: "Salary 2500 USD", cas: []string{"108-24-7", "299-42-3"}},
		{title: "Ephedrine HCl 1 kg", desc: "We supply ephedrine HCl. Order via WhatsApp.", price: "$900",
			suspicious: true, cas: []string{"299-42-3"}},
	})
}

// A press feature ("Reportaje:", its reporters) names a seized precursor;
// the offer of the same name stays an offer.
func TestGap85bPressFeature(t *testing.T) {
	runGapCases(t, []gapCase{
		{title: "Reportaje: el MAPA en Veracruz", desc: "Los periodistas describen cómo se ocultaba el MAPA (metil alfa-fenilacetoacetato) incautado en Veracruz.",
			price: "—", cas: []string{"16648-44-5"}},
		{title: "MAPA (metil alfa-fenilacetoacetato) 1 kg", desc: "Vendemos MAPA, envío a todo México.", price: "$ 900",
			suspicious: true, cas: []string{"16648-44-5"}},
	})
}

// An Arabic book (كتاب) names reagents in the reactions it explains; the
// reagent itself offered with the same messenger stays suspicious.
func TestGap85bArabicBook(t *testing.T) {
	runGapCases(t, []gapCase{
		{title: "كتاب الكيمياء", desc: "كتاب يشرح تفاعلات البنزالدهيد والنيتروإيثان. التوصيل عبر واتساب.", price: "١٥ دينار",
			cas: []string{"100-52-7", "79-24-3"}},
		{title: "نيتروإيثان 1 لتر", desc: "نيتروإيثان للبيع. اطلب عبر واتساب.", price: "٣٠ دينار",
			suspicious: true, cas: []string{"79-24-3"}},
	})
}

// A book or DVD that comes with a quantity of the chemical itself offers
// the chemical; a book or DVD with other extras, or naming the chemical
// without a quantity, does not.
func TestGap85bBundledChemical(t *testing.T) {
	runGapCases(t, []gapCase{
		{title: "Методичка по органике", desc: "Книга и реактивы: фенилуксусная кислота 250 г в комплекте.", price: "3000 ₽",
			suspicious: true, cas: []string{"103-82-2"}},
		{title: "Chemistry DVD set", desc: "A documentary on the safrole trade. Bonus: 250 ml safrole included.", price: "$45",
			suspicious: true, cas: []string{"94-59-7"}},
		{title: "Chemistry DVD set", desc: "A documentary on the safrole trade. Bonus: a 40-page booklet included.", price: "$45",
			cas: []string{"94-59-7"}},
		{title: "Книга: химия сафрола", desc: "Книга о сафроле, в комплекте закладка.", price: "500 ₽",
			cas: []string{"94-59-7"}},
	})
}

// An explainer of why a substance is controlled names it without offering
// it, also with a dash for a price; the same substance with a real price
// and an offer stays suspicious.
func TestGap85bControlExplainer(t *testing.T) {
	runGapCases(t, []gapCase{
		{title: "Explained: ephedrine and the pharmacy counter", desc: "Ephedrine is controlled because labs turn it into meth. Pharmacist blog.",
			price: "—", cas: []string{"299-42-3"}},
		{title: "Заметка: эфедрин", desc: "Эфедрин контролируется, потому что его используют подпольные лаборатории.", price: "—",
			cas: []string{"299-42-3"}},
		{title: "Эфедрин 100 г", desc: "Продаём эфедрин, отправка по России.", price: "9000 ₽",
			suspicious: true, cas: []string{"299-42-3"}},
	})
}

// A cause before a synthesis hint followed by a sale the seller stopped
// explains the stop; the same hint in an offer stays an indicator.
func TestGap85bSaleStoppedBecause(t *testing.T) {
	runGapCases(t, []gapCase{
		{title: "Red phosphorus discontinued", desc: "Because of meth labs, we no longer sell red phosphorus. Matches only.", price: "$4 matches",
			cas: []string{"7723-14-0"}},
		{title: "Red phosphorus 100 g", desc: "Red phosphorus, ideal for meth labs. Ships fast.", price: "$40",
			suspicious: true, cas: []string{"7723-14-0"}},
	})
}

// "Without a prescription: it is a cosmetic" says why none is needed; a
// bare "sin receta" on a Table II solvent stays an indicator.
func TestGap85bNoPrescriptionCosmetic(t *testing.T) {
	runGapCases(t, []gapCase{
		{title: "Quitaesmalte con acetona 250 ml", desc: "Acetona para uñas. Sin receta: es un cosmético.", price: "$ 3",
			cas: []string{"67-64-1"}},
		{title: "Acetona pura 5 L", desc: "Acetona pura. Sin receta, sin preguntas.", price: "$ 30",
			suspicious: true, cas: []string{"67-64-1"}},
	})
}
