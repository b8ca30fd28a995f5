package matchers

import "testing"

// TestGap73CaseCounts: a finished medicine with a Table I substance counted
// in the cases of the wholesale trade is a bulk sale: Chinese 件 and 整件
// (heldout73 yk0122 "复方盐酸伪麻黄碱缓释胶囊 整件出 500件"), Japanese ケース,
// Korean 박스, English cases, Persian and Arabic cartons. A few pieces, a
// shop's count of sales or reviews ("已售500件", "評価 4.9（312件）") and a
// retail limit stay retail.
func TestGap73CaseCounts(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"zh", "复方盐酸伪麻黄碱缓释胶囊 整件出 500件", "10粒/盒，400盒/件，共500件整件出货，可分批提货。", true},
		{"zh", "复方盐酸伪麻黄碱缓释胶囊 500件", "", true},
		{"zh", "复方盐酸伪麻黄碱缓释胶囊 整件出货", "可分批提货。", true},
		{"ja", "プソイドエフェドリン配合 鼻炎薬 10ケース", "", true},
		{"ko", "슈도에페드린 60mg 정제 100박스", "", true},
		{"en", "Pseudoephedrine 60 mg tablets — 20 cases", "", true},
		{"en", "Pseudoephedrine 60 mg tablets — 20 cases of 24 boxes", "", true},
		{"fa", "سودوافدرین قرص ۱۰۰ کارتن", "", true},
		{"fa", "قرص سودوافدرین ۶۰ میلی‌گرم – ۱ کارتن ۱۰۰۰ بسته", "", true},
		{"ar", "أقراص سودوإفدرين 60 ملغ – 100 كرتونة", "", true},
		{"en", "Pseudoephedrine 60mg tablets", "Sold by the box. Minimum orders: 100 boxes", true},
		// Retail twins.
		{"zh", "复方盐酸伪麻黄碱缓释胶囊 10粒/盒", "限购2件", false},
		{"zh", "新康泰克 10粒/盒 2件", "", false},
		{"zh", "复方盐酸伪麻黄碱缓释胶囊 10粒/盒", "已售500件", false},
		{"zh", "复方盐酸伪麻黄碱缓释胶囊 10粒/盒", "月销 1200盒", false},
		{"ja", "パブロンゴールドA 44錠 プソイドエフェドリン配合", "評価 4.9（312件）", false},
		{"ja", "プソイドエフェドリン配合 鼻炎薬 1ケース", "", false},
		{"ja", "プソイドエフェドリン配合 鼻炎薬 24錠", "濫用の相談が年間500件あり、お一人様1点まで。", false},
		{"ja", "プソイドエフェドリン配合 鼻炎薬 24錠", "相談件数 500件。お一人様1点まで。", false},
		{"ko", "슈도에페드린 60mg 정제 10상자", "", false},
		{"en", "Pseudoephedrine 60 mg tablets — 2 cases", "", false},
		{"en", "Sudafed 12 tablets", "Over 500 cases of pseudoephedrine misuse were reported last year, so we limit sales to 2 packs.", false},
		{"en", "Pseudoephedrine tablets 60 mg, 24 tabs", "Pharmacy. 30 cases reported in 2025.", false},
		{"zh", "感冒灵颗粒 不含伪麻黄碱 整件 60盒", "本品不含伪麻黄碱，整件60盒批发。", false},
	})
}

// TestGap73ReferenceStandard: a reference standard of a Table I substance or
// salt is the chemical in any quantity, however few milligrams (heldout73
// yk0109 "盐酸麻黄碱对照品 100mg"), in the languages of the catalogues; the
// same milligrams as a tablet's dose stay a retail medicine.
func TestGap73ReferenceStandard(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"zh", "盐酸麻黄碱对照品 100mg", "中检院对照品，盐酸麻黄碱，100毫克/支，需单位采购证明。", true},
		{"zh", "盐酸伪麻黄碱标准品 50mg", "", true},
		{"zh", "麻黄碱 标准物质 10mg", "", true},
		{"ja", "塩酸エフェドリン 標準品 100mg", "", true},
		{"ko", "염산 에페드린 표준품 100mg", "", true},
		{"de", "Ephedrinhydrochlorid Referenzstandard 100 mg", "", true},
		{"fr", "Chlorhydrate d'éphédrine étalon de référence 100 mg", "", true},
		{"es", "Clorhidrato de efedrina estándar de referencia 100 mg", "", true},
		{"pt", "Cloridrato de pseudoefedrina padrão de referência 100 mg", "", true},
		{"it", "Efedrina cloridrato standard di riferimento 100 mg", "", true},
		// Medicine twins: a dose in mg.
		{"zh", "盐酸麻黄碱片 25mg", "每盒24片", false},
		{"de", "Ephedrinhydrochlorid 50 mg Tabletten, 20 Stück", "", false},
		{"es", "Clorhidrato de efedrina 25 mg comprimidos, caja de 20", "", false},
	})
}

// TestGap73MarketWeights: a number with a unit written in CJK characters
// right after an ambiguous Chinese name ("甲苯 500斤", "甲苯500斤", heldout73
// yk0177) is chemical context as "甲苯 500公斤" was, and the market weights
// 斤 and пуд are quantities; the longer names that hold the term (二甲苯,
// 甲苯胺) and the bare name without a quantity stay ignored.
func TestGap73MarketWeights(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"zh", "甲苯 500斤 散装 可换包装", "甲苯 500斤，可换成无标识包装，安全到货，只收USDT。", true},
		{"zh", "甲苯500斤 只收USDT", "", true},
		{"zh", "丙酮 200斤 只收USDT", "", true},
		{"zh", "硫酸 100斤 只收USDT", "", true},
		{"zh", "二甲苯 500斤 只收USDT", "", false},
		{"zh", "甲苯胺 500斤 只收USDT", "", false},
		{"zh", "甲苯 只收USDT", "", false},
		{"zh", "甲苯 2号 只收USDT", "", false},
		{"zh", "甲苯 500斤", "", false},
	})
}

// TestGap73LotOf: "lot of N" and its kin in es pt fr it nl de ru count
// the packs or pieces of a wholesale lot when no unit says what they are
// (the known gap of heldout72 yl0080 "lote 200.000"); a small lot, a lot
// of tablets under the tablets' own limit and a batch number ("lote
// 2024-118", "Lot-Nr. 4711", "Lote: 200000") stay retail.
func TestGap73LotOf(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"en", "Sudafed 12 Hour 10 ct — lot of 150", "Liquidation.", true},
		{"en", "Sudafed 12 Hour 10 ct — job lot of 200", "", true},
		{"es", "Pseudoefedrina 60 mg tabletas — lote de 500", "", true},
		{"es", "Tartrato de ergotamina comprimidos 1 mg — lote de 200.000", "", true},
		{"pt", "Pseudoefedrina 60 mg comprimidos — lote de 300 unidades", "", true},
		{"fr", "Pseudoéphédrine 60 mg comprimés — lot de 500", "", true},
		{"it", "Pseudoefedrina 60 mg compresse — lotto di 400", "", true},
		{"ru", "Псевдоэфедрин 60 мг таблетки — партия из 300", "", true},
		// Retail twins.
		{"en", "Sudafed 12 tablets — lot of 2", "", false},
		{"en", "Sudafed 12 tablets — lot of 500 tablets", "", false},
		{"fr", "Actifed Rhume — lot de 3 boîtes", "", false},
		{"en", "Sudafed 12 tablets", "A lot of 120 mg pseudoephedrine per tablet, a lot of 100% happy buyers.", false},
		{"es", "Pseudoefedrina 60 mg tabletas, caja x 24", "Lote 2024-118, vence 2027.", false},
		{"es", "Pseudoefedrina 60 mg tabletas, caja x 24", "Lote: 200000", false},
		{"de", "Sudafed 12 Tabletten", "Lot-Nr. 4711", false},
		{"en", "Sudafed 12 tablets", "Lot no. 500123, exp 2027", false},
		{"en", "Sudafed 12 tablets", "Lot 500 exp 2027", false},
	})
}

// TestGap73PMKPowder: "PMK powder" and "new PMK powder", which the
// reference gives to PMK methyl glycidate, in ru es pt fr it de are that
// ester, not the ethyl ester's "new PMK" inside them (heldout73 yk0107
// "Новый ПМК порошок, CAS 13605-48-6" was also counted as the ethyl
// ester); "new PMK" without the powder stays the ethyl ester.
func TestGap73PMKPowder(t *testing.T) {
	runGapCases(t, []gapCase{
		{title: "PMK порошок (метилглицидат) — от 1 кг до 1 тонны", desc: "Новый ПМК порошок, CAS 13605-48-6. Фасовка 1 кг, 5 кг, 25 кг.", suspicious: true, cas: []string{"13605-48-6"}},
		{title: "Новый ПМК порошок", price: "9 000 ₽", suspicious: true, cas: []string{"13605-48-6"}},
		{title: "ПМК порошок 1 кг", price: "9 000 ₽", suspicious: true, cas: []string{"13605-48-6"}},
		{title: "Nuevo PMK en polvo 1 kg", suspicious: true, cas: []string{"13605-48-6"}},
		{title: "Novo PMK em pó 1 kg", suspicious: true, cas: []string{"13605-48-6"}},
		{title: "Nouveau PMK en poudre 1 kg", suspicious: true, cas: []string{"13605-48-6"}},
		{title: "Nuovo PMK in polvere 1 kg", suspicious: true, cas: []string{"13605-48-6"}},
		{title: "Neues PMK Pulver 1 kg", suspicious: true, cas: []string{"13605-48-6"}},
		{title: "Новый ПМК 1 кг", suspicious: true, cas: []string{"28578-16-7"}},
		{title: "Nuevo PMK 1 kg", suspicious: true, cas: []string{"28578-16-7"}},
	})
}

// TestGap73CountsWritten: counts of tablets, strips and cartons as sellers
// write them: the Indian grouping "1,00,000" and the Swiss "10'000", the
// crore in Hindi, Hindi tablets, strips and blisters from a hundred, ten
// cartons in Polish or Vietnamese as "10 cartons" in English; a pharmacy's
// handful stays retail.
func TestGap73CountsWritten(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"en", "Pseudoephedrine 60mg tablets 1,00,000 tablets", "", true},
		{"de", "Pseudoephedrin 60 mg 10'000 Tabletten", "", true},
		{"hi", "स्यूडोएफेड्रिन टैबलेट 1 करोड़ टैबलेट", "", true},
		{"hi", "स्यूडोएफेड्रिन टैबलेट 10 लाख टैबलेट", "", true},
		{"en", "Pseudoephedrine 60mg 500 strips", "", true},
		{"en", "Pseudoephedrine 60mg 200 blisters", "", true},
		{"pl", "Ergotamine 1 mg tabletki 10 kartonów", "", true},
		{"vi", "Thuốc pseudoephedrine 60mg 10 thùng", "", true},
		{"uk", "Псевдоефедрин таблетки 100 ящиків", "", true},
		{"pt", "Pseudoefedrina 60 mg – 200 cartelas", "", true},
		{"pl", "Pseudoefedryna 60 mg – 100 blistrów", "", true},
		{"fr", "Pseudoéphédrine 60 mg – 100 plaquettes", "", true},
		{"th", "ซูโดอีเฟดรีน 60 mg ยาเม็ด 100 แผง", "", true},
		{"vi", "Thuốc pseudoephedrine 60mg viên nén 100 vỉ", "", true},
		{"es", "Pseudoefedrina 60 mg tabletas – 1 caja master", "", true},
		// Retail twins.
		{"en", "Pseudoephedrine 60mg tablets 1,00 tablets", "", false},
		{"en", "Pseudoephedrine 60mg tablets 100 tablets", "", false},
		{"en", "Pseudoephedrine 60mg 2 strips", "", false},
		{"de", "Pseudoephedrin 60 mg 20 Tabletten", "Lot-Nr. 10'000", false},
		{"vi", "Thuốc pseudoephedrine 60mg 1 thùng", "", false},
		{"th", "ซูโดอีเฟดรีน 60 mg ยาเม็ด 1 แผง", "", false},
		{"en", "Sudafed 1 strip of 10 tablets", "", false},
		{"pt", "Pseudoefedrina 60 mg – caixa com 2 cartelas", "", false},
		{"hi", "स्यूडोएफेड्रिन टैबलेट 10 टैबलेट", "", false},
	})
}
