package matchers

import "testing"

// TestGap76ScriptAbbreviations: the trade abbreviations written in other
// scripts — PMK in Cyrillic ("ПМК порошок, новая партия, Телеграм",
// heldout76 yh0018) as БМК already was, BMK in Arabic and Persian letters
// ("بي إم كيه زيت للبيع", yh0171) and PMK with the Persian pe — count with
// chemical context as the Latin ones do, and the Turkish "yağı" (its oil,
// "BMK yağı", yh0027) is an oil word. Twins: a construction column and a
// youth club called ПМК, the Arabic spelling without context, and the
// Arabic بي (also P) beside a Latin PMK, which is that PMK.
func TestGap76ScriptAbbreviations(t *testing.T) {
	runCAS(t, []casCase{
		{"ПМК порошок, новая партия, Телеграм", "", []string{"13605-48-6"}, nil},
		{"ПМК 5 кг, жидкость", "", []string{"4676-39-5"}, nil},
		{"Продам ПМК", "ПМК масло, 1 литр, Телеграм", []string{"4676-39-5"}, nil},
		{"BMK yağı, gümrüksüz teslimat, WhatsApp", "", []string{"103-79-7"}, nil},
		{"PMK yağı 1 litre", "", []string{"4676-39-5"}, nil},
		{"بي إم كيه زيت للبيع، تواصل عبر تيليجرام", "", []string{"103-79-7"}, nil},
		{"زيت بي ام كي 1 لتر", "", []string{"103-79-7"}, nil},
		{"روغن بی ام کی", "", []string{"103-79-7"}, nil},
		{"روغن پی ام کی، تلگرام", "", []string{"4676-39-5"}, []string{"103-79-7"}},
		// Twins.
		{"ПМК-12 ищет субподрядчиков", "ООО ПМК-12 (передвижная механизированная колонна) — земляные работы, аренда техники.", nil, []string{"4676-39-5"}},
		{"ПМК «Звезда» — набор в секцию бокса", "Подростково-молодёжный клуб ПМК «Звезда» приглашает ребят 10–16 лет.", nil, []string{"4676-39-5"}},
		{"ПМК Строитель: аренда техники, 5 кг гвоздей в подарок", "Передвижная механизированная колонна.", nil, []string{"4676-39-5"}},
		{"بي إم كيه", "سيارة مستعملة", nil, []string{"103-79-7"}},
		{"زيت PMK نقاوة 99%", "زيت بي إم كي PMK نقاوة 99%، 1 لتر.", []string{"4676-39-5"}, []string{"103-79-7"}},
		{"Bal yağı 1 kg", "", nil, []string{"103-79-7", "4676-39-5"}},
		// GBL and 4-AP in Cyrillic, and their twins (the Lenin Library, 4-aminopyridine).
		{"ГБЛ 1 литр, очиститель дисков", "", []string{"96-48-0"}, nil},
		{"ГБЛ 5 л, доставка, Телеграм", "", []string{"96-48-0"}, nil},
		{"4-АП порошок 100 г", "", []string{"23056-29-3"}, nil},
		{"ГБЛ им. Ленина: выставка редких книг", "", nil, []string{"96-48-0"}},
		{"4-АП (4-аминопиридин) 98%, 25 г", "", nil, []string{"23056-29-3"}},
	})
}

// TestGap76SolventWords: "solvent" and "thinner" in other languages are
// chemical context for an abbreviation as the English words are ("MEK
// Lösemittel 5 L", heldout76 yh0046); the kinase and the motor oil brand
// stay out.
func TestGap76SolventWords(t *testing.T) {
	runCAS(t, []casCase{
		{"MEK Lösemittel 5 L", "", []string{"78-93-3"}, nil},
		{"MEK Lösungsmittel, Kanister", "", []string{"78-93-3"}, nil},
		{"MEK solvant 20 L", "", []string{"78-93-3"}, nil},
		{"MEK disolvente industrial", "", []string{"78-93-3"}, nil},
		{"MEK rozpuszczalnik 10 l", "", []string{"78-93-3"}, nil},
		{"MEK растворитель, канистра", "", []string{"78-93-3"}, nil},
		{"MEK çözücü 20 L", "", []string{"78-93-3"}, nil},
		// Twins.
		{"MEK inhibitor trametinib, Lösungsmittel DMSO", "", nil, []string{"78-93-3"}},
		{"MEK 10W-40 Motoröl 5 L", "", nil, []string{"78-93-3"}},
		{"MEK Lösungen GmbH – Beratung", "", nil, []string{"78-93-3"}},
	})
}

// TestGap76ContactSignal: "contact" and its translations right before or
// after Signal name the way to reach the seller ("Iode bisublimé 100 g,
// contact Signal", heldout76 yh0070), as "via Signal" does. Twins: a
// relay's "dry contact signal" and a sensor's "contact signal output".
func TestGap76ContactSignal(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"fr", "Iode bisublimé 100 g, contact Signal", "", true},
		{"de", "Jod 100 g, Kontakt Signal", "", true},
		{"es", "Yodo 100 g, contacto Signal", "", true},
		{"en", "Iodine crystals 100 g", "Signal contact: @iod_shop", true},
		{"ru", "Йод кристаллический 100 г, связь Signal", "", true},
		// Twins.
		{"en", "Iodine 100 g", "Relay module for the dosing pump, dry contact signal to the PLC.", false},
		{"en", "Iodine 100 g", "Level switch: contact signal output 4-20 mA.", false},
		{"fr", "Iode bisublimé 100 g", "Contact : 06 12 34 56 78", false},
	})
}

// TestGap76ChineseScheduling: a Chinese authority's scheduling notice
// ("公安部：新增BMK缩水甘油酸列管", heldout76 yh0199; "国务院决定将4-哌啶酮增列为
// 易制毒化学品") names the substances it puts under control without offering
// them, as the CND's English notices do (TestGap72Scheduling). Twins: a
// seller's "not scheduled" (非列管, 不列管) is a sales pitch.
func TestGap76ChineseScheduling(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"zh", "公安部：新增BMK缩水甘油酸列管", "", false},
		{"zh", "公安部：新增4-哌啶酮列管", "", false},
		{"zh", "公安部等三部门：BMK缩水甘油酸列入易制毒化学品管理", "", false},
		{"zh", "国务院决定将4-哌啶酮增列为易制毒化学品", "", false},
		// Twins.
		{"zh", "BMK缩水甘油酸 现货 不列管", "", true},
		{"zh", "BMK缩水甘油酸 非列管 现货", "", true},
		{"zh", "PMK 非列管产品 大量现货 99%", "", true},
		{"zh", "BMK缩水甘油酸钠 5449-12-7 现货 99%", "", true},
	})
}

// TestGap76ConversionGuide: a conversion guide sent with a chemical
// ("Piperidine HCl CAS 6091-44-7 – conversion guide included", heldout76
// yh0108) is a synthesis hint as a synthesis guide is, in the main
// languages. Twins: the conversion guides of units and data.
func TestGap76ConversionGuide(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"en", "Piperidine HCl CAS 6091-44-7 – conversion guide included", "", true},
		{"en", "Toluene 20 L", "Conversion guide included.", true},
		{"de", "Aceton 10 L – Umwandlungsanleitung inklusive", "", true},
		{"es", "Piperidina 1 L, guía de conversión incluida", "", true},
		{"ru", "Пиперидин 1 л, инструкция по конверсии в подарок", "", true},
		// Twins.
		{"en", "Piperidine 1 L", "Data conversion guide for the LIMS export included.", false},
		{"en", "Toluene 20 L", "Unit conversion guide (L to kg) included.", false},
	})
}

// TestGap76LookAlikeAbbreviations: a digit-led abbreviation spelled with
// Cyrillic or Greek look-alike capitals ("4-АР powder 99%", heldout76
// yh0219) is the Latin one; a soft hyphen between an abbreviation in
// capitals and a lower-case word ("ПМК\u00adпорошок опт", yh0198) is the
// hyphen of "ПМК-порошок", a word break. Twins: Russian ordinals after a
// number stay Cyrillic, 4-aminopyridine spelled out stays out, and a soft
// hyphen inside a word still joins it.
func TestGap76LookAlikeAbbreviations(t *testing.T) {
	runCAS(t, []casCase{
		{"4-АР powder 99%", "", []string{"23056-29-3"}, nil},
		{"4-ΑΡ powder 99%", "", []string{"23056-29-3"}, nil},
		{"4АР порошок 1 кг", "", []string{"23056-29-3"}, nil},
		{"ПМК\u00adпорошок опт", "", []string{"13605-48-6"}, nil},
		{"БМК\u00adмасло 1 л", "", []string{"103-79-7"}, nil},
		{"Эфе\u00adдрин гидрохлорид 100 г", "", []string{"299-42-3"}, nil},
		// Twins.
		{"4-АР (4-aminopyridine) 98%, 25 g", "", nil, []string{"23056-29-3"}},
		{"В 3-Х МЕСТАХ 5 КГ", "", nil, []string{"23056-29-3"}},
	})
	for _, c := range []struct{ in, want string }{
		{"4-АР powder", "4-ap powder"},
		{"в 3-х местах", "в 3-х местах"},
		{"ПМК\u00adпорошок", "пмк порошок"},
		{"Эфе\u00adдрин", "эфедрин"},
		{"Ph\u00adenyl\u00adacetone", "phenylacetone"},
	} {
		if got := Normalize(c.in).String(); got != c.want {
			t.Errorf("Normalize(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
