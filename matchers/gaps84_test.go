package matchers

import "testing"

// TestGap84OilWords: the South Slavic words for oil ("ulje", "уље", "олио",
// "olje") are chemical context for PMK and BMK as "oil" and "масло" are
// ("PMK ulje na prodaju", heldout84 xz0015). Twins: PMK without context,
// and a cosmetics brand's oil.
func TestGap84OilWords(t *testing.T) {
	runCAS(t, []casCase{
		{"PMK ulje na prodaju", "", []string{"4676-39-5"}, nil},
		{"PMK olje 1 liter", "", []string{"4676-39-5"}, nil},
		{"PMK уље, 1 литар", "", []string{"4676-39-5"}, nil},
		{"PMK олио", "", []string{"4676-39-5"}, nil},
		{"BMK ulje 5 l", "", []string{"103-79-7"}, nil},
		// Twins.
		{"PMK na prodaju", "", nil, []string{"4676-39-5"}},
		{"PMK Beauty ulje za usne", "Lip gloss i makeup.", nil, []string{"4676-39-5"}},
	})
}

// TestGap84GBLSeller: a seller of ГБЛ and the substance he sold name GBL
// (heldout84 xz0094 "В Москве задержали продавца ГБЛ"), and the arrest
// keeps the report from being a ticket. Twins: the library's ГБЛ, and a
// seller's own offer.
func TestGap84GBLSeller(t *testing.T) {
	runCAS(t, []casCase{
		{"В Москве задержали продавца ГБЛ", "Он продавал вещество через Telegram-бот.", []string{"96-48-0"}, nil},
		{"Продавец ГБЛ", "", []string{"96-48-0"}, nil},
		// Twin.
		{"ГБЛ им. Ленина: продавец книг у библиотеки", "", nil, []string{"96-48-0"}},
	})
	runVerdicts(t, []verdictCase{
		{"ru", "В Москве задержали продавца ГБЛ", "Он продавал вещество через Telegram-бот.", false},
		{"ru", "ГБЛ вещество, чистое", "Пишите в Телеграм, доставка.", true},
	})
}

// TestGap84Explainers: an explainer or long read on how precursors reach
// cocaine labs names Table I and II chemicals and quotes indicator words
// without offering them (heldout84 xz0079, xz0127). Twins: the same
// chemicals offered with the same indicators.
func TestGap84Explainers(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"fr", "Permanganate de potassium : comment le contrôle des précurseurs freine la cocaïne", "Analyse des saisies en Colombie.", false},
		{"en", "How cocaine labs in the jungle get their chemicals", "A long read: tens of thousands of litres of acetone and sulfuric acid are diverted each year, often declared as 'paint solvents' or trucked across borders hidden in cargo. Investigators described sellers who advertise '100% customs pass' on Telegram; the piece explains how precursor control in Colombia and Peru works.", false},
		// Twins.
		{"fr", "Permanganate de potassium 1 kg", "Livraison discrète, contact Telegram.", true},
		{"en", "Acetone and sulfuric acid, 25 L drums", "Declared as paint solvents, 100% customs pass, contact on Telegram.", true},
	})
}

// TestGap84ThaiMedicine: a Thai decongestant medicine sold by pharmacists
// is a retail medicine, not the chemical (heldout84 xz0072). Twin: the bare
// name, which stays a Table I chemical.
func TestGap84ThaiMedicine(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"th", "ยาแก้คัดจมูก ซูโดอีเฟดรีน", "ยาควบคุมพิเศษ ขายเฉพาะในร้านยาที่มีเภสัชกร ซื้อได้ตามใบสั่งแพทย์", false},
		{"th", "ซูโดอีเฟดรีน", "", true},
	})
}

// TestGap84PPAProducts: PPA as a stroller's product line or a plastic
// filament is no norephedrine (heldout84 xz0158). Twin: PPA with chemical
// context.
func TestGap84PPAProducts(t *testing.T) {
	runCAS(t, []casCase{
		{"Formula PPA compact stroller", "PPA = pushchair product line, folds in one hand.", nil, []string{"14838-15-4"}},
		{"PPA-CF filament 1 kg powder-free spool", "For 3D printing, 1.75 mm.", nil, []string{"14838-15-4"}},
		// Twin.
		{"PPA hydrochloride powder 1 kg", "", []string{"14838-15-4"}, nil},
	})
}
