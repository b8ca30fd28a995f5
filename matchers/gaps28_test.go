package matchers

import (
	"testing"

	"github.com/precwatch/precwatch"
)

// TestGap28MalayAcetylChloride: "asetil klorida" is the Malay and
// Indonesian name of acetyl chloride (heldout28 j0094).
func TestGap28MalayAcetylChloride(t *testing.T) {
	runCAS(t, []casCase{
		{"Asetil klorida 500 mL", "Reagen makmal, gred AR.", []string{"75-36-5"}, nil},
		{"Jual asetil klorida 1 L", "Pro analisis, kirim seluruh Indonesia.", []string{"75-36-5"}, nil},
		{"Bahan kimia: asetil klorida, 2.5 L", "Untuk makmal sekolah.", []string{"75-36-5"}, nil},
	})
}

// TestGap28ZhSystematicPiperonal: the systematic Chinese names of
// piperonal (3,4-亚甲二氧基苯甲醛 and its 亚甲基二氧(基) spellings) are
// piperonal only, not benzaldehyde, by the longest-name rule (heldout28
// j0088); likewise the 亚甲基二氧基 spelling of PMK is not P-2-P or acetone.
func TestGap28ZhSystematicPiperonal(t *testing.T) {
	runCAS(t, []casCase{
		{"胡椒醛 99% 现货", "天然级3,4-亚甲二氧基苯甲醛，25kg/桶，量大从优。", []string{"120-57-0"}, []string{"100-52-7"}},
		{"3,4-亚甲基二氧苯甲醛 99%", "25kg/桶，现货供应。", []string{"120-57-0"}, []string{"100-52-7"}},
		{"3,4-亚甲基二氧基苯甲醛 1kg", "香料级，量大从优。", []string{"120-57-0"}, []string{"100-52-7"}},
		{"3,4-亚甲基二氧基苯基-2-丙酮 1kg", "现货。", []string{"4676-39-5"}, []string{"103-79-7", "67-64-1"}},
		// Plain benzaldehyde stays.
		{"苯甲醛 99% 200kg", "工业级，现货。", []string{"100-52-7"}, nil},
	})
}

// TestGap28HebrewP2P: the Hebrew systematic name of P-2-P (פניל-2-פרופנון)
// names it, and gives "P2P" beside it its chemical context (heldout28
// j0102).
func TestGap28HebrewP2P(t *testing.T) {
	runCAS(t, []casCase{
		{"נתפס מעבדה לייצור סמים בצפון", "המשטרה מצאה חביות של P2P (פניל-2-פרופנון) במקום.", []string{"103-79-7"}, nil},
		{"1-פניל-2-פרופנון 1 ליטר", "משלוח מהיר.", []string{"103-79-7"}, nil},
		{"פנילאצטון למכירה", "טלגרם בלבד.", []string{"103-79-7"}, nil},
	})
}

// TestGap28NasalDrops: nasal and eye drops and sprays in European
// languages, Turkish, Russian, Ukrainian and Chinese make an ephedrine or
// pseudoephedrine listing a finished retail medicine (heldout28 j0075).
func TestGap28NasalDrops(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"it", "Efedrina cloridrato gocce nasali 10 ml", "Medicinale da banco, leggere il foglio illustrativo.", false},
		{"de", "Ephedrin Nasentropfen 10 ml", "Apothekenpflichtig. Packungsbeilage beachten.", false},
		{"fr", "Éphédrine gouttes nasales 15 ml", "Médicament, lire la notice.", false},
		{"es", "Efedrina gotas nasales 10 ml", "Lea el prospecto.", false},
		{"pl", "Efedryna krople do nosa 10 ml", "Lek bez recepty.", false},
		{"ru", "Эфедрин капли назальные 10 мл", "Лекарственное средство, читайте инструкцию.", false},
		{"zh", "麻黄碱滴鼻液 10ml", "请仔细阅读说明书。", false},
		// A bulk chemical offer stays suspicious.
		{"it", "Efedrina cloridrato polvere 99% 1 kg", "Spedizione discreta, Telegram.", true},
	})
}

// TestGap28ZhSafeArrival: 安全到货 ("arrives safely") and its variants are
// the Chinese form of the guaranteed-safe-delivery indicator, as 保证到货
// and 包到 already are, so a B2B page with a seller, no price and that
// promise offers what it names (heldout28 j0096).
func TestGap28ZhSafeArrival(t *testing.T) {
	m := mustMatcher(t)
	for _, l := range []precwatch.Listing{
		{Platform: "化工宝", URL: "https://market.example/item/1", Title: "PMK乙基缩水甘油酸酯 28578-16-7", Description: "新PMK油，高收率，安全到货。", Seller: "湖北某生物", Location: "湖北 武汉"},
		{Platform: "化工宝", URL: "https://market.example/item/2", Title: "BMK甲基缩水甘油酸酯 80532-66-7", Description: "保证安全到货，欧洲俄罗斯均可。", Seller: "河北某化工", Location: "河北 石家庄"},
		{Platform: "化工宝", URL: "https://market.example/item/3", Title: "4-哌啶酮盐酸盐 40064-34-4", Description: "百分百到货，澳洲加拿大。", Seller: "上海某医药科技", Location: "上海"},
	} {
		if got := m.Match(&l); !got.Suspicious {
			t.Errorf("title %q desc %q: not suspicious (score %.2f); explain %q", l.Title, l.Description, got.Score, got.Explain)
		}
	}
}
