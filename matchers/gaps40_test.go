package matchers

import "testing"

// TestGap40PaymentBlock: a block word of an ambiguous abbreviation that is
// part of a payment method ("bank" in "SWIFT bank transfer", a shop's
// payment line) says how the buyer pays, not what the abbreviation is
// (heldout40 zi0010). "GBL Bank" and "BDO bank account" stay blocked.
func TestGap40PaymentBlock(t *testing.T) {
	const pay = "Payment methods: Visa, Mastercard, PayPal, SEPA and SWIFT bank transfer."
	runCAS(t, []casCase{
		{"GBL 99.9%, 1 L", "Wheel cleaner grade. " + pay, []string{"96-48-0"}, nil},
		{"BDO 99.5%, 25 kg drum", "Industrial solvent. " + pay, []string{"110-63-4"}, nil},
		{"GBL Bank annual report", "Shareholders' letter. " + pay, nil, []string{"96-48-0"}},
		{"BDO bank account opening", "Open your account online. " + pay, nil, []string{"110-63-4"}},
	})
	runVerdicts(t, []verdictCase{
		{"en", "GBL 99.9%, 1 L", "Discreet shipping, bitcoin only. " + pay, true},
		{"en", "GBL 99.9%, 1 L", "Wheel cleaner. " + pay, false},
	})
}

// TestGap40HebrewGBL: the Hebrew name of gamma-butyrolactone
// (heldout40 zi0010) names the substance, and beside "GBL" it is the
// chemical context of the acronym.
func TestGap40HebrewGBL(t *testing.T) {
	runCAS(t, []casCase{
		{"גמא-בוטירולקטון 99% – 1 ליטר", "ממס תעשייתי.", []string{"96-48-0"}, nil},
		{"בוטירולקטון 1 ליטר", "לניקוי חישוקים.", []string{"96-48-0"}, nil},
	})
	runVerdicts(t, []verdictCase{
		{"he", "GBL – 1 ליטר", "גמא-בוטירולקטון. משלוח דיסקרטי, תשלום בביטקוין בלבד. Great British League fans welcome.", true},
		{"he", "גמא-בוטירולקטון 1 ליטר", "ממס תעשייתי למעבדות.", false},
	})
}

// TestGap40ModelNumber: an ambiguous abbreviation with a model number glued
// by a hyphen ("PMK-800 cordless impact driver", heldout40 zi0090) is a
// product code; the chemical words of a shop's returns policy ("opened
// chemicals are not accepted back") do not make it the substance. Its own
// context (oil, CAS number) or a quantity still does.
func TestGap40ModelNumber(t *testing.T) {
	const returns = "Returns policy: unopened items may be returned within 30 days. For safety reasons opened chemicals are not accepted back."
	runCAS(t, []casCase{
		{"PMK-800 cordless impact driver kit, 18 V", "Brushless motor, 210 Nm. " + returns, nil, []string{"4676-39-5"}},
		{"BMK-2000 LED work light", "Aluminium housing, 40 W. " + returns, nil, []string{"103-79-7"}},
		{"BMK-2000X LED work light", "Aluminium housing, 40 W. " + returns, nil, []string{"103-79-7"}},
		{"PMK-500g", "Fast shipping. " + returns, []string{"4676-39-5"}, nil},
		{"PMK-800 oil, 1 L", "Piperonyl methyl ketone. " + returns, []string{"4676-39-5"}, nil},
		{"PMK 1 L", "Pure liquid. " + returns, []string{"4676-39-5"}, nil},
		{"BMK-99% 1 kg", "Fast shipping. " + returns, []string{"103-79-7"}, nil},
		{"PMK-500 g", "Fast shipping. " + returns, []string{"4676-39-5"}, nil},
	})
}

// TestGap40Guidance: guidance addressed to platforms, shops or the public
// names substances and quotes the red flags to watch for ("Red flags
// include customers asking for discreet packaging … 'no paperwork'",
// heldout40 zi0080; "Listings offering pseudoephedrine in bulk should be
// reported"), in many languages, under a shop's shipping boilerplate; it
// offers nothing. The same substances offered with those flags stay
// suspicious.
func TestGap40Guidance(t *testing.T) {
	const ship = " Shipping policy: orders confirmed before 14:00 leave our warehouse the same business day; delivery 3-5 days."
	runVerdicts(t, []verdictCase{
		{"en", "Guidance: Table II precursors - acetone, toluene, MEK", "Operators selling acetone, toluene or methyl ethyl ketone must report suspicious orders. Red flags include customers asking for discreet packaging, paying in cash or crypto, or asking for 'no paperwork'." + ship, false},
		{"en", "Advice for online marketplaces", "Listings offering pseudoephedrine in bulk, or promising discreet shipping and crypto-only payment, should be reported to the national authority. Be alert to sellers who move buyers to Telegram." + ship, false},
		{"de", "Hinweise für Händler: Aceton und Toluol", "Verdächtige Bestellungen müssen gemeldet werden. Warnsignale sind diskreter Versand, Zahlung nur in Bitcoin und Kontakt über Telegram." + ship, false},
		{"fr", "Acétone et toluène : recommandations aux plateformes", "Les commandes suspectes doivent être signalées. Signaux d'alerte : emballage discret, paiement uniquement en bitcoin, contact par Telegram." + ship, false},
		{"es", "Acetona y tolueno: guía para plataformas", "Los pedidos sospechosos deben notificarse. Señales de alerta: envío discreto, pago solo en bitcoin, contacto por Telegram." + ship, false},
		{"zh", "丙酮、甲苯销售警示", "发现可疑订单应当报告。警示信号包括：要求隐蔽包装、只收比特币、通过Telegram联系。" + ship, false},
		{"en", "Acetone 99.5%, 20 L", "Discreet packaging, crypto only, no paperwork. Telegram @solvent_shop." + ship, true},
		{"en", "Pseudoephedrine HCl 1 kg", "Bulk stock, discreet shipping, bitcoin only." + ship, true},
	})
}

// TestGap40PurchaseLimit: a medicine sold under a per-buyer purchase limit
// ("凭身份证购买，每人限购两盒", heldout40 zi0150) is sold at retail, though a
// chemical shop's FAQ template further down says "大货价格另议" and names drum
// sizes; with an indicator it is still rule (b). Bulk in the title, a
// denied limit ("不限购") or a limit on free samples leaves it bulk.
func TestGap40PurchaseLimit(t *testing.T) {
	const faq = "常见问题：问：最小起订量是多少？答：一件起订，大货价格另议。问：包装规格有哪些？答：常规包装为25公斤、170公斤铁桶及吨桶。"
	runVerdicts(t, []verdictCase{
		{"zh", "新康泰克 盐酸伪麻黄碱缓释胶囊 10粒", "用于缓解感冒引起的鼻塞。凭身份证购买，每人限购两盒。\n\n" + faq, false},
		{"en", "Sudafed 12 tablets", "Limit 2 packs per customer. FAQ: wholesale and bulk prices on request.", false},
		{"de", "Pseudoephedrin 60 mg, 20 Tabletten", "Max. 2 Packungen pro Kunde. FAQ: Großhandel und Großmengen auf Anfrage.", false},
		{"ru", "Псевдоэфедрин 60 мг, 20 таблеток", "Не более 2 упаковок в одни руки. Оптом — цена по запросу.", false},
		{"zh", "新康泰克 盐酸伪麻黄碱缓释胶囊 10粒", "每人限购两盒，可走Telegram下单。\n\n" + faq, true},
		{"zh", "新康泰克 盐酸伪麻黄碱缓释胶囊 大货批发", "每人限购两盒。", true},
		{"zh", "新康泰克 盐酸伪麻黄碱缓释胶囊 10粒", "不限购。\n\n" + faq, true},
		{"en", "Sudafed 12 tablets", "Only one free sample per customer. Wholesale cartons of 500 packs available.", true},
	})
}
