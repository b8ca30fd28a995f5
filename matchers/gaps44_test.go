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
