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
		{"fa", "سودوافدرین قرص ۱۰۰ کارتن", "", true},
		{"fa", "قرص سودوافدرین ۶۰ میلی‌گرم – ۱ کارتن ۱۰۰۰ بسته", "", true},
		{"ar", "أقراص سودوإفدرين 60 ملغ – 100 كرتونة", "", true},
		// Retail twins.
		{"zh", "复方盐酸伪麻黄碱缓释胶囊 10粒/盒", "限购2件", false},
		{"zh", "新康泰克 10粒/盒 2件", "", false},
		{"zh", "复方盐酸伪麻黄碱缓释胶囊 10粒/盒", "已售500件", false},
		{"zh", "复方盐酸伪麻黄碱缓释胶囊 10粒/盒", "月销 1200盒", false},
		{"ja", "パブロンゴールドA 44錠 プソイドエフェドリン配合", "評価 4.9（312件）", false},
		{"ja", "プソイドエフェドリン配合 鼻炎薬 1ケース", "", false},
		{"ko", "슈도에페드린 60mg 정제 10상자", "", false},
		{"en", "Pseudoephedrine 60 mg tablets — 2 cases", "", false},
		{"zh", "感冒灵颗粒 不含伪麻黄碱 整件 60盒", "本品不含伪麻黄碱，整件60盒批发。", false},
	})
}
