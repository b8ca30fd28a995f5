package matchers

import "testing"

// TestGap44GlycidicAcidCJKSuffix: "BMK甲基缩水甘油酸" (BMK methyl glycidic
// acid, the UN name "P-2-P methyl glycidic acid" with BMK for P-2-P, written
// with its Chinese suffix glued to the Latin abbreviation, heldout44 zm0064)
// names BMK glycidic acid, not P-2-P as well; the same for PMK. The methyl
// esters ("…甲基缩水甘油酸酯") stay the esters, and bare "BMK" stays P-2-P.
func TestGap44GlycidicAcidCJKSuffix(t *testing.T) {
	runCAS(t, []casCase{
		{"BMK甲基缩水甘油酸 钠盐 CAS 5449-12-7 99%", "厂家直销，现货，量大从优。", []string{"25547-51-7"}, []string{"103-79-7"}},
		{"BMK甲基缩水甘油酸 1kg", "白色粉末，现货。", []string{"25547-51-7"}, []string{"103-79-7"}},
		{"PMK甲基缩水甘油酸 1kg", "白色粉末，现货。", []string{"2167189-50-4"}, []string{"4676-39-5"}},
		{"BMK甲基缩水甘油酸酯 1kg", "油状液体，现货。", []string{"80532-66-7"}, []string{"103-79-7", "25547-51-7"}},
		{"BMK油 1kg", "现货。", []string{"103-79-7"}, nil},
	})
}

// TestGap44ProductCodeElsewhere: an abbreviation the listing also writes as
// a product code ("MEK-2210") names that product wherever it is written
// bare in the listing, even beside a quantity ("MEK 15kg — ürün kodu
// MEK-2210 kompresör parçası", heldout44 zm0080). Without the code, or with
// the substance's CAS number, "MEK 15kg" stays methyl ethyl ketone.
func TestGap44ProductCodeElsewhere(t *testing.T) {
	runCAS(t, []casCase{
		{"MEK 15kg — ürün kodu MEK-2210 kompresör parçası", "Orijinal yedek parça", nil, []string{"78-93-3"}},
		{"MEK 20 l, product code MEK-3300", "Spare filter cartridge for the MEK-3300 compressor.", nil, []string{"78-93-3"}},
		{"PMK 5 kg", "Keyboard switch set, model PMK-800, 5 kg box.", nil, []string{"4676-39-5"}},
		{"MEK 15kg", "Endüstriyel solvent, %99,5.", []string{"78-93-3"}, nil},
		{"MEK 15kg, ürün kodu MEK-2210", "CAS 78-93-3, endüstriyel solvent.", []string{"78-93-3"}, nil},
	})
}

// TestGap44AcetoneExportContext: bare 丙酮 beside spot stock or export
// customs clearance is acetone traded as such ("丙酮 现货 包邮 双清包税到澳洲
// 100%清关" with Telegram and unlabelled packaging, heldout44 zm0050). The
// longer names that hold 丙酮 stay other compounds, and plain acetone
// without an indicator stays a Table II hit only.
func TestGap44AcetoneExportContext(t *testing.T) {
	runCAS(t, []casCase{
		{"丙酮 现货 包邮 双清包税到澳洲 100%清关", "私人包装，不写品名，电报联系 @chem_lily88", []string{"67-64-1"}, nil},
		{"丙酮 双清到美国", "电报联系。", []string{"67-64-1"}, nil},
		{"乙酰丙酮 现货 包邮", "厂家直销。", nil, []string{"67-64-1"}},
		{"苄基丙酮 现货", "香料原料。", nil, []string{"67-64-1"}},
	})
	runVerdicts(t, []verdictCase{
		{"zh", "丙酮 现货 包邮 双清包税到澳洲 100%清关", "私人包装，不写品名，电报联系 @chem_lily88", true},
		{"zh", "丙酮 现货 包邮", "厂家直销，可开票。", false},
	})
}

// TestGap44ChineseBuyRequest: a Chinese buying post (收购, 求购) offers
// nothing, as "WTB" posts do not (heldout13 z0025): "麻黄碱提取 麻黄草 大量收购
// 50吨", a factory buying ephedra herb for ephedrine extraction (heldout44
// zm0070), keeps its ephedrine hit but is no offer. The cue may follow the
// name by a few Chinese words. The same name offered (出售, 现货) stays
// suspicious.
func TestGap44ChineseBuyRequest(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"zh", "麻黄碱提取 麻黄草 大量收购 50吨", "长期收购麻黄草原料，厂家直收，可开票。", false},
		{"zh", "求购麻黄碱 1公斤", "有货的请联系。", false},
		{"zh", "麻黄碱 1公斤 高价收购", "有货的请联系。", false},
		{"zh", "麻黄碱 1公斤 现货", "厂家直销，可开票。", true},
		{"zh", "出售麻黄碱 50吨", "厂家直销。", true},
	})
	runCAS(t, []casCase{
		{"麻黄碱提取 麻黄草 大量收购 50吨", "长期收购麻黄草原料，厂家直收，可开票。", []string{"299-42-3"}, nil},
	})
}
