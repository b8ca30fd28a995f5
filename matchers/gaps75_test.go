package matchers

import (
	"testing"

	"github.com/precwatch/precwatch"
)

// TestGap75PetFood: PMK, BMK and MEK are also pet-food brands ("PMK
// Hundefutter 15 kg", heldout75 yi0217); dog, cat and pet food words in the
// main languages block the ambiguous abbreviation. Twins: the bare
// chemical offer with a quantity, and the oil.
func TestGap75PetFood(t *testing.T) {
	runCAS(t, []casCase{
		{"PMK Hundefutter 15 kg", "PMK Premium Mix Kibble für große Hunde, 15 kg Sack.", nil, []string{"4676-39-5"}},
		{"PMK dog food 15 kg", "", nil, []string{"4676-39-5"}},
		{"PMK oil 25 kg, Telegram", "Parcels declared as pet food additive, PMK oil inside.", []string{"4676-39-5"}, nil},
		{"BMK Katzenfutter 10 kg", "", nil, []string{"103-79-7"}},
		{"PMK croquettes pour chien 15 kg", "", nil, []string{"4676-39-5"}},
		{"PMK karma dla psa 15 kg", "", nil, []string{"4676-39-5"}},
		{"PMK корм для собак 15 кг", "", nil, []string{"4676-39-5"}},
		{"BMK pienso para perros 15 kg", "", nil, []string{"103-79-7"}},
		{"PMK köpek maması 15 kg", "", nil, []string{"4676-39-5"}},
		{"PMK 狗粮 15 kg", "", nil, []string{"4676-39-5"}},
		{"MEK hondenvoer 15 kg", "", nil, []string{"78-93-3"}},
		// Twins.
		{"PMK 15 kg", "", []string{"4676-39-5"}, nil},
		{"BMK 15 kg", "", []string{"103-79-7"}, nil},
		{"PMK oil 5 L, Telegram", "", []string{"4676-39-5"}, nil},
	})
}

// TestGap75ZhGlycidicAcid: the Chinese names of the PMK and BMK glycidic
// acids and esters, written with the Latin abbreviation, are longer names
// that hold PMK's (BMK's) abbreviation; the longer name wins ("PMK缩水甘油酸
// CAS 2167189-50-4", heldout75 yi0189). Twin: PMK oil named beside it.
func TestGap75ZhGlycidicAcid(t *testing.T) {
	runCAS(t, []casCase{
		{"PMK缩水甘油酸 CAS 2167189-50-4", "", []string{"2167189-50-4"}, []string{"4676-39-5"}},
		{"PMK缩水甘油酸", "纯度99%，安全到达", []string{"2167189-50-4"}, []string{"4676-39-5"}},
		{"PMK缩水甘油酸甲酯 CAS 13605-48-6", "", []string{"13605-48-6"}, []string{"4676-39-5"}},
		{"PMK缩水甘油酸乙酯 CAS 28578-16-7", "", []string{"28578-16-7"}, []string{"4676-39-5"}},
		{"BMK缩水甘油酸 CAS 25547-51-7", "", []string{"25547-51-7"}, []string{"103-79-7"}},
		{"BMK缩水甘油酸甲酯 CAS 80532-66-7", "", []string{"80532-66-7"}, []string{"103-79-7"}},
		// Twin.
		{"PMK缩水甘油酸 CAS 2167189-50-4", "可转化为PMK油 CAS 4676-39-5", []string{"2167189-50-4", "4676-39-5"}, nil},
	})
}

// TestGap75ZhGlycidicSpellings: the Chinese systematic names of the PMK
// glycidates are written with each spelling of PMK's own name
// (亚甲二氧基 / 亚甲基二氧 / 亚甲基二氧基); the longer name wins over PMK
// ("3,4-亚甲二氧基苯基-2-丙酮甲基缩水甘油酸", heldout75 yi0189). Twin: PMK
// itself in that spelling.
func TestGap75ZhGlycidicSpellings(t *testing.T) {
	runCAS(t, []casCase{
		{"PMK缩水甘油酸 CAS 2167189-50-4", "3,4-亚甲二氧基苯基-2-丙酮甲基缩水甘油酸，白色粉末，德国、荷兰仓发货，安全到门。", []string{"2167189-50-4"}, []string{"4676-39-5", "13605-48-6"}},
		{"3,4-亚甲二氧基苯基-2-丙酮缩水甘油酸 白色粉末", "", []string{"2167189-50-4"}, []string{"4676-39-5"}},
		{"3,4-亚甲二氧基苯基-2-丙酮甲基缩水甘油酸甲酯 1kg", "", []string{"13605-48-6"}, []string{"4676-39-5", "2167189-50-4"}},
		{"3,4-亚甲基二氧基苯基-2-丙酮缩水甘油酸乙酯 1kg", "", []string{"28578-16-7"}, []string{"4676-39-5"}},
		// Twin.
		{"3,4-亚甲二氧基苯基-2-丙酮 1升", "", []string{"4676-39-5"}, nil},
	})
}

// TestGap75SharedGlycidat: "BMK-Glycidat" (de sv no da) is the trade name
// "BMK glycidate" the reference gives to both BMK glycidic acid and its
// methyl ester; with the methyl ester named elsewhere in the listing it is
// that ester (heldout75 yi0119). Twin: bare, it stays the acid.
func TestGap75SharedGlycidat(t *testing.T) {
	runCAS(t, []casCase{
		{"Zoll stellt 2 Tonnen BMK-Glycidat in Hamburg sicher", "Die Ware war als ‚Kosmetikrohstoff' deklariert. Laut Zoll handelt es sich um BMK-Methylglycidat aus China.", []string{"80532-66-7"}, []string{"25547-51-7"}},
		{"BMK-glycidat 1 kg", "BMK-methylglycidat, CAS 80532-66-7, Telegram", []string{"80532-66-7"}, []string{"25547-51-7"}},
		// Twins.
		{"BMK-Glycidat 1 kg, Telegram", "", []string{"25547-51-7"}, []string{"80532-66-7"}},
		{"BMK Glycidat Pulver 5 kg", "", []string{"25547-51-7"}, nil},
		{"BMK-glycidat 1 kg", "", []string{"25547-51-7"}, nil},
	})
}

// TestGap75ZhNotice: a Chinese enforcement notice ("严查", "公告称", "各地海关
// 加强查验", heldout75 yi0126) names the precursors without offering them.
// Twin: an offer of the same substance with a delivery promise.
func TestGap75ZhNotice(t *testing.T) {
	runSusp75(t, []susp75Case{
		{"国家禁毒办：严查羟亚胺、邻氯苯基环戊酮走私", "公告称，近年来羟亚胺和邻氯苯基环戊酮被用于非法制造氯胺酮，各地海关加强查验。", false},
		{"警方通报称：严厉打击麻黄素走私", "据报道，麻黄素被用于非法制造冰毒。", false},
		// Twin.
		{"羟亚胺 现货 1kg", "羟亚胺，纯度99%，安全到门，联系微信。", true},
	})
}

type susp75Case struct {
	title, desc string
	susp        bool
}

func runSusp75(t *testing.T, cases []susp75Case) {
	t.Helper()
	m := mustMatcher(t)
	for _, tc := range cases {
		res := m.Match(&precwatch.Listing{ID: "g", Title: tc.title, Description: tc.desc})
		if res.Suspicious != tc.susp {
			t.Errorf("%q | %q: suspicious %v, want %v; explain %q", tc.title, tc.desc, res.Suspicious, tc.susp, res.Explain)
		}
	}
}

// TestGap75JustAQuestion: a poster who sells nothing and only asks ("nem
// eladó csak kérdés", "Van valakinek tapasztalata …?", heldout75 yi0163, and
// "just a question" in the main languages) names a substance without
// offering it. Twin: an offer of ephedrine in Hungarian.
func TestGap75JustAQuestion(t *testing.T) {
	runSusp75(t, []susp75Case{
		{"Efedrin tartalmú régi orrcsepp – nem eladó csak kérdés", "Van valakinek tapasztalata a régi efedrines orrcseppekkel? Már nem kapni.", false},
		{"Ephedrine nose drops – just a question", "Does anyone have experience with the old ephedrine drops?", false},
		{"Ephedrin Nasentropfen – nur eine Frage", "Hat jemand Erfahrung mit den alten Ephedrin-Tropfen?", false},
		// Twin.
		{"Efedrin por 100 g eladó", "Efedrin, 99%, postázás, Telegram.", true},
	})
}

// TestGap75HindiToluene: the Hindi spellings of toluene ("टोल्यूनि 200 लीटर
// ड्रम", heldout75 yi0077). Twin: a toll tax.
func TestGap75HindiToluene(t *testing.T) {
	runCAS(t, []casCase{
		{"टोल्यूनि 200 लीटर ड्रम", "", []string{"108-88-3"}, nil},
		{"टोलुईन 99% 200 लीटर", "", []string{"108-88-3"}, nil},
		{"टॉलूईन सॉल्वेंट", "", []string{"108-88-3"}, nil},
		// Twin.
		{"टोल टैक्स 200 रुपये", "", nil, []string{"108-88-3"}},
	})
}

// TestGap75CyrillicLatinD: a Latin d standing for д inside a mostly
// Cyrillic word ("Эфеdрин гидрохлорид 50 г", heldout75 yi0110) is folded
// to д as the look-alikes are. Twins: a Latin word with a d and a Cyrillic
// letter stays Latin; a Latin word beside Cyrillic ones is untouched.
func TestGap75CyrillicLatinD(t *testing.T) {
	runCAS(t, []casCase{
		{"Эфеdрин гидрохлорид 50 г", "", []string{"299-42-3"}, nil},
		{"Псевдоэфеdрин 100 г, телеграм", "", []string{"90-82-4"}, nil},
		// Twins.
		{"Ephedrine HCl 50 g", "", []string{"299-42-3"}, nil},
		{"Еphedrine 50 g", "", []string{"299-42-3"}, nil},
	})
}
