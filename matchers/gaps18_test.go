package matchers

import (
	"slices"
	"testing"

	"github.com/precwatch/precwatch"
)

// Fixes of held-out round 18 (testdata/heldout18: B2B structured product
// records); each test fails on the code before its fix.

// TestGap18NoUnnecessaryQuestions: "no unnecessary/extra questions"
// ("без лишних вопросов", heldout18 s0006) is the no-questions indicator,
// like "no questions asked", in every language the lexicon covers. An
// offer that answers questions keeps its verdict.
func TestGap18NoUnnecessaryQuestions(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"ru", "Йод кристаллический 99,8 % – от 1 кг", "Йод кристаллический (ГОСТ 4159-79). Продаём без лишних вопросов, частным лицам тоже.", true},
		{"uk", "Йод кристалічний 99,8 %, 1 кг", "Продаємо без зайвих питань, відправка по Україні.", true},
		{"en", "Iodine crystals 99.8%, 1 kg", "Sold with no unnecessary questions, private buyers welcome.", true},
		{"en", "Iodine crystals 99.8%, 1 kg", "Fast sale, no extra questions.", true},
		{"es", "Yodo cristalizado 99,8 %, 1 kg", "Vendemos sin preguntas innecesarias, también a particulares.", true},
		{"de", "Iod kristallin 99,8 %, 1 kg", "Verkauf ohne unnötige Fragen, auch an Privat.", true},
		{"pl", "Jod krystaliczny 99,8%, 1 kg", "Sprzedajemy bez zbędnych pytań.", true},
		// Questions answered, not avoided.
		{"ru", "Йод кристаллический 99,8 % – от 1 кг", "Йод кристаллический (ГОСТ 4159-79). Ответим на ваши вопросы по телефону.", false},
		{"en", "Iodine crystals 99.8%, 1 kg", "For any unnecessary delays or questions, contact our lab.", false},
	})
}

// TestGap18MessengerAttribute: a messenger contact given as an attribute
// (key "Telegram", value "@handle"; heldout18 s0012) counts like
// "Telegram: @handle" in the text: an indicator and an observable. A
// messenger key without a handle or number ("-", "no") is none.
func TestGap18MessengerAttribute(t *testing.T) {
	m := mustMatcher(t)
	for _, tc := range []struct {
		attrs map[string]string
		want  bool
		obs   precwatch.Observable
	}{
		{map[string]string{"CAS No": "108-88-3", "Ambalaj": "180 kg varil", "Telegram": "@marmarasolvent555"}, true, precwatch.Observable{Type: precwatch.ObservableTelegram, Value: "@marmarasolvent555"}},
		{map[string]string{"CAS No": "108-88-3", "WhatsApp": "+90 555 123 45 67"}, true, precwatch.Observable{Type: precwatch.ObservableWhatsApp, Value: "+905551234567"}},
		{map[string]string{"CAS No": "108-88-3", "Wickr": "marmarasolvent"}, true, precwatch.Observable{Type: precwatch.ObservableWickr, Value: "marmarasolvent"}},
		{map[string]string{"CAS No": "108-88-3", "Телеграм": "@marmara_solvent"}, true, precwatch.Observable{Type: precwatch.ObservableTelegram, Value: "@marmara_solvent"}},
		// A messenger key without a contact, and a contact under another key.
		{map[string]string{"CAS No": "108-88-3", "Telegram": "-"}, false, precwatch.Observable{}},
		{map[string]string{"CAS No": "108-88-3", "Telegram": "no"}, false, precwatch.Observable{}},
		{map[string]string{"CAS No": "108-88-3", "Model": "@marmara"}, false, precwatch.Observable{}},
	} {
		got := m.Match(&precwatch.Listing{Title: "Toluen %99,9 – 180 kg varil",
			Description: "Saf toluen, boya ve tiner üretimi için. Toptan fiyat için iletişime geçin.", Attributes: tc.attrs})
		if got.Suspicious != tc.want {
			t.Errorf("attributes %v: suspicious %v (score %.2f), want %v; explain %q", tc.attrs, got.Suspicious, got.Score, tc.want, got.Explain)
		}
		if tc.obs.Type != "" && !slices.Contains(got.Observables, tc.obs) {
			t.Errorf("attributes %v: observables %v, want %v among them", tc.attrs, got.Observables, tc.obs)
		}
	}
}

// TestGap18NPPGloss: "NPP" glossed as nandrolone phenylpropionate in any
// language or script ("NPP (нандролон фенилпропионат)", heldout18 s0025),
// or beside that steroid's CAS number 62-90-8, is the steroid, not
// N-phenethyl-4-piperidone. NPP with a fentanyl-precursor context stays.
func TestGap18NPPGloss(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"ru", "NPP (нандролон фенилпропионат) субстанция 99 %", "Стероидное сырьё: NPP, тестостерон энантат, болденон. Связь только через Telegram, доставка по РФ.", false},
		{"es", "NPP (nandrolona fenilpropionato) polvo 99 %", "Materia prima: NPP. Contacto solo por Telegram.", false},
		{"de", "NPP (Nandrolonphenylpropionat) Pulver 99 %", "Rohstoff NPP, Kontakt nur über Telegram.", false},
		{"zh", "NPP（苯丙酸诺龙）原粉 99%", "NPP 原粉，联系 Telegram。", false},
		{"en", "NPP powder 99%, CAS 62-90-8", "Raw powder NPP, contact via Telegram only.", false},
		// The fentanyl precursor stays.
		{"ru", "NPP (N-фенетил-4-пиперидон) 99 %", "NPP порошок, CAS 39742-60-4. Связь только через Telegram.", true},
	})
}

// TestGap18EsterAbbreviationFirst: the ester named with the abbreviation
// first and the alkyl after ("BMK glicydan etylu", heldout18 s0034;
// "BMK glicidato de etilo", "PMK glycidate d'éthyle") is the ester alone,
// not also the glycidic acid.
func TestGap18EsterAbbreviationFirst(t *testing.T) {
	gap13Run(t, []gap13Case{
		{title: "BMK glicydan etylu 99% – CAS 41232-97-7", desc: "Sprzedam BMK glicydan etylu (ethyl 2-methyl-3-phenylglycidate), czystość 99%. Wysyłka z magazynu w UE.", price: "1 200 zł/kg", suspicious: true, cas: []string{"41232-97-7"}},
		{title: "BMK glicydan etylu 99%, 1 kg", price: "1 200 zł/kg", suspicious: true, cas: []string{"41232-97-7"}},
		{title: "BMK glicydan metylu 99%, 1 kg", price: "1 200 zł/kg", suspicious: true, cas: []string{"80532-66-7"}},
		{title: "PMK glicydan etylu 99%, 1 kg", price: "1 200 zł/kg", suspicious: true, cas: []string{"28578-16-7"}},
		{title: "BMK glicidato de etilo 99%, 1 kg", price: "500 €", suspicious: true, cas: []string{"41232-97-7"}},
		{title: "PMK glicidato de metilo 99%, 1 kg", price: "500 €", suspicious: true, cas: []string{"13605-48-6"}},
		{title: "BMK glycidate d'éthyle 99%, 1 kg", price: "500 €", suspicious: true, cas: []string{"41232-97-7"}},
		{title: "BMK этилглицидат 99%, 1 кг", price: "50 000 ₽", suspicious: true, cas: []string{"41232-97-7"}},
		// The acid alone stays the acid.
		{title: "BMK glicydan 99%, 1 kg", price: "1 200 zł/kg", suspicious: true, cas: []string{"25547-51-7"}},
	})
}

// TestGap18BocPiperidoneKatakana: the spelled-out katakana and hangul
// names of 1-Boc-4-piperidone ("N-tert-ブトキシカルボニル-4-ピペリドン",
// heldout18 s0076) are that substance; the 4-ピペリドン inside is no second
// one. The bare name stays 4-piperidone.
func TestGap18BocPiperidoneKatakana(t *testing.T) {
	gap13Run(t, []gap13Case{
		{title: "医薬中間体 1-Boc-4-ピペリドン 純度98% 1kg〜", desc: "工場直送。1-Boc-4-ピペリドン（N-tert-ブトキシカルボニル-4-ピペリドン）、白色結晶性粉末。サンプル対応可。", price: "¥48,000 / kg", suspicious: true, cas: []string{"79099-07-3"}},
		{title: "N-tert-ブトキシカルボニル-4-ピペリドン 98% 1kg", price: "¥48,000 / kg", suspicious: true, cas: []string{"79099-07-3"}},
		{title: "N-(tert-ブトキシカルボニル)-4-ピペリドン 98% 1kg", price: "¥48,000 / kg", suspicious: true, cas: []string{"79099-07-3"}},
		{title: "N-tert-부톡시카보닐-4-피페리돈 98% 1kg", price: "₩480,000", suspicious: true, cas: []string{"79099-07-3"}},
		{title: "4-ピペリドン 98% 1kg", price: "¥48,000 / kg", suspicious: true, cas: []string{"41661-47-6"}},
	})
}

// TestGap18RemovalNotice: a platform rule that listings without a licence
// will be removed ("Anúncios sem licença serão removidos", heldout18 s0143)
// is policy text: no offer and no no-paperwork indicator. A seller who
// offers without a licence, beside such a notice, keeps the indicator.
func TestGap18RemovalNotice(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"pt", "Produtos químicos controlados: guia para vendedores", "A venda de permanganato de potássio e de acetona exige cadastro na Polícia Federal. Anúncios sem licença serão removidos.", false},
		{"es", "Productos químicos controlados: guía para vendedores", "La venta de permanganato de potasio y acetona requiere registro. Los anuncios sin licencia serán eliminados.", false},
		{"en", "Controlled chemicals: seller guide", "Selling potassium permanganate or acetone requires registration. Listings without a licence will be removed.", false},
		{"de", "Kontrollierte Chemikalien: Leitfaden für Verkäufer", "Der Verkauf von Kaliumpermanganat erfordert eine Registrierung. Anzeigen ohne Lizenz werden entfernt.", false},
		// Offers keep their verdict.
		{"pt", "Permanganato de potássio 1 kg", "Vendo sem licença, envio rápido. R$ 200.", true},
	})
	// A priced offer that quotes the notice keeps its indicator.
	gap13Run(t, []gap13Case{
		{title: "Potassium permanganate 1 kg", desc: "No licence needed, we ship fast. Other listings without a licence will be removed, ours stay.", price: "45 €", suspicious: true, cas: []string{"7722-64-7"}},
		{title: "Permanganato de potasio 1 kg", desc: "Sin licencia, envío discreto. Los anuncios sin licencia serán eliminados, el nuestro no.", price: "40 €", suspicious: true, cas: []string{"7722-64-7"}},
	})
}

// TestGap18LabelledForShipping: a product labelled as something else for
// shipping ("Se etiqueta como limpiador de llantas para el envío",
// heldout18 s0156) is mislabelling in every language. A hazard label
// ("labelled as corrosive") is none.
func TestGap18LabelledForShipping(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"es", "Gamma-butirolactona 99,9% – 1 L", "GBL (gamma-butirolactona) pura. Se etiqueta como limpiador de llantas para el envío.", true},
		{"es", "GBL 99,9% – 1 L", "GBL pura. Va etiquetada como limpiador de llantas.", true},
		{"pt", "GBL 99,9% – 1 L", "GBL pura. É rotulada como limpa-rodas para o envio.", true},
		{"fr", "GBL 99,9 % – 1 L", "GBL pure. Étiquetée comme nettoyant jantes pour l'envoi.", true},
		{"it", "GBL 99,9% – 1 L", "GBL pura. Viene etichettata come pulitore cerchi per la spedizione.", true},
		{"pl", "GBL 99,9% – 1 L", "GBL czysta. Etykietujemy jako środek do czyszczenia felg.", true},
		// A hazard label is no mislabel.
		{"es", "Gamma-butirolactona 99,9% – 1 L", "GBL pura. Se etiqueta como corrosivo según normativa.", false},
		{"en", "Gamma-butyrolactone 99.9% – 1 L", "Pure GBL. Labelled as irritant.", false},
	})
}
