package matchers

import (
	"testing"

	"github.com/precwatch/precwatch"
)

// gap56Case is one listing of a held-out-56 gap test and the verdict and
// substances (unnegated IDs, in order) the matcher must give it; subs nil
// means the substances are not checked.
type gap56Case struct {
	name string
	l    precwatch.Listing
	want bool
	subs []string
}

func runGap56(t *testing.T, cases []gap56Case) {
	t.Helper()
	m := mustMatcher(t)
	for _, tc := range cases {
		res := m.Match(&tc.l)
		if res.Suspicious != tc.want {
			t.Errorf("%s: suspicious %v, want %v (explain %q)", tc.name, res.Suspicious, tc.want, res.Explain)
		}
		if tc.subs == nil {
			continue
		}
		var ids []string
		for _, s := range res.Substances {
			if !s.Negated {
				ids = append(ids, s.ID)
			}
		}
		if len(ids) != len(tc.subs) {
			t.Errorf("%s: substances %v, want %v", tc.name, ids, tc.subs)
			continue
		}
		for i := range ids {
			if ids[i] != tc.subs[i] {
				t.Errorf("%s: substances %v, want %v", tc.name, ids, tc.subs)
				break
			}
		}
	}
}

// TestGap56HindiNegation: "स्यूडोएफ़ेड्रिन नहीं है" (there is no
// pseudoephedrine) negates the name as "nahi hai" does in Latin letters
// (zy0008); a Hindi offer without the word keeps its substance.
func TestGap56HindiNegation(t *testing.T) {
	runGap56(t, []gap56Case{
		{"hi not", precwatch.Listing{Title: "सर्दी-जुकाम टैबलेट 10", Description: "फिनाइलेफ्रीन युक्त, स्यूडोएफ़ेड्रिन नहीं है।"}, false, []string{}},
		{"hi offer", precwatch.Listing{Title: "स्यूडोएफेड्रिन टैबलेट 10", Description: "₹ 45"}, false, []string{"pseudoephedrine"}},
	})
}

// TestGap56CountMultiplier: a count written with 万 (ten thousand), 만 or
// lakh is a bulk quantity as the same count in digits is (zy0039); a
// price in 万元 and a small count stay retail.
func TestGap56CountMultiplier(t *testing.T) {
	runGap56(t, []gap56Case{
		{"zh 10万片", precwatch.Listing{Title: "盐酸去甲麻黄碱片 10万片", Description: "可做外贸包装。"}, true, []string{"norephedrine"}},
		{"ko 5만 정", precwatch.Listing{Title: "슈도에페드린 60mg 5만 정"}, true, nil},
		{"en 1 lakh", precwatch.Listing{Title: "Pseudoephedrine 60 mg tablets, 1 lakh tablets"}, true, nil},
		{"zh 1万元", precwatch.Listing{Title: "伪麻黄碱片 20片", Description: "价格 1万元"}, false, nil},
		{"ko 10정", precwatch.Listing{Title: "슈도에페드린 60mg 10정"}, false, nil},
	})
}

// TestGap56ReportWords: news and regulator items on cold medicines read as
// reports: German "Drogenlabore" and "Crystal-Köche" (zy0026), Thai "ถอน
// ทะเบียน" (revokes the registration) and "ถูกนำไปผลิต" (was taken to
// produce, zy0069), Spanish "recuerda la prohibición", "no se permite la
// venta" beside COFEPRIS (zy0073). Offers beside them stay offers.
func TestGap56ReportWords(t *testing.T) {
	runGap56(t, []gap56Case{
		{"de news", precwatch.Listing{Title: "Apotheker soll Tausende Packungen Pseudoephedrin an Crystal-Köche verkauft haben",
			Description: "Ermittler: Die Ware ging über Tschechien an Drogenlabore."}, false, []string{"pseudoephedrine"}},
		{"de offer", precwatch.Listing{Title: "Pseudoephedrin HCl 99 % 1 kg", Description: "Versand diskret, Kontakt Telegram @pse_de"}, true, nil},
		{"th news", precwatch.Listing{Title: "อย. ถอนทะเบียนยาแก้หวัดที่มีซูโดอีเฟดรีน",
			Description: "ยาแก้หวัดสูตรผสมซูโดอีเฟดรีนถูกนำไปผลิตยาบ้า จึงต้องถอนทะเบียน"}, false, []string{"pseudoephedrine"}},
		{"th offer", precwatch.Listing{Title: "ซูโดอีเฟดรีน 60mg 10 เม็ด", Description: "ใช้ทำยาบ้าได้"}, true, nil},
		{"es news", precwatch.Listing{Title: "COFEPRIS recuerda la prohibición de medicamentos con pseudoefedrina",
			Description: "Desde 2008 no se permite la venta de productos que contengan pseudoefedrina en México."}, false, []string{"pseudoephedrine"}},
		{"es offer", precwatch.Listing{Title: "Pseudoefedrina 99% 1 kg", Description: "Venta por mayor, envío discreto, WhatsApp +52 55 0000 0000"}, true, nil},
	})
}

// TestGap56PurchaseLimit: a per-buyer purchase limit ("purchase limits on
// pseudoephedrine products … no more than 3.6 g per day per customer",
// "每次限购2盒") is a pharmacy's on medicines, retail without indicators
// (zy0070); "no purchase limit" sets none, and a chemical form or a weight
// keeps the chemical.
func TestGap56PurchaseLimit(t *testing.T) {
	runGap56(t, []gap56Case{
		{"en notice", precwatch.Listing{Title: "NOTICE: purchase limits on pseudoephedrine products",
			Description: "By law we can sell no more than 3.6 g of pseudoephedrine per day per customer. Photo ID is required and logged."}, false, []string{"pseudoephedrine"}},
		{"zh limit", precwatch.Listing{Title: "伪麻黄碱 每次限购2盒"}, false, nil},
		{"no limit", precwatch.Listing{Title: "Pseudoephedrine HCl, no purchase limit", Description: "Telegram @pse_x"}, true, nil},
		{"powder", precwatch.Listing{Title: "Ephedrine HCl powder, limit 2 per customer"}, true, nil},
		{"by weight", precwatch.Listing{Title: "Ephedrine HCl 100 g, max 2 per customer"}, true, nil},
	})
}

// TestGap56Ampoules: ampoules come five to ten to a box, so a case of 250
// ampoules is wholesale even from a licensed hospital supplier (zy0082);
// a carton of 25 vials and a box of 100 ampoules stay retail.
func TestGap56Ampoules(t *testing.T) {
	runGap56(t, []gap56Case{
		{"case of 250", precwatch.Listing{Title: "Ephedrine sulfate injection 50 mg/mL, 1 mL ampoules – case of 250",
			Description: "DEA registrant and state licence required to order. Case of 250 ampoules.", Price: "$2,250/case"}, true, []string{"ephedrine"}},
		{"es 300 ampollas", precwatch.Listing{Title: "Efedrina 50 mg/ml, 300 ampollas"}, true, nil},
		{"25 vials", precwatch.Listing{Title: "Ephedrine sulfate injection 50 mg/mL, 25 vials", Description: "Carton of 25 single-dose vials. For hospital pharmacies."}, false, nil},
		{"100 ampoules", precwatch.Listing{Title: "Ergometrine 0.2 mg/ml injection, box of 100 ampoules"}, false, nil},
	})
}

// TestGap56ExtractionTips: tips for extracting the substance from the
// pills are a conversion hint as an extraction guide is (zy0120); the same
// Sudafed without them stays a retail medicine without indicator.
func TestGap56ExtractionTips(t *testing.T) {
	runGap56(t, []gap56Case{
		{"tips", precwatch.Listing{Title: "Got some Sudafed 120 – 2 boxes", Description: "Pseudoephedrine 120 mg. Can share extraction tips. DM only."}, true, []string{"pseudoephedrine"}},
		{"no tips", precwatch.Listing{Title: "Got some Sudafed 120 – 2 boxes", Description: "Pseudoephedrine 120 mg. DM only."}, false, nil},
	})
}
