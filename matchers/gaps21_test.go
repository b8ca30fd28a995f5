package matchers

import (
	"slices"
	"testing"
)

// casCase is a listing and the CAS numbers it must (want) and must not
// (not) yield.
type casCase struct {
	title, desc string
	want, not   []string
}

// runCAS matches every case and reports each CAS number found against its
// case.
func runCAS(t *testing.T, cases []casCase) {
	t.Helper()
	m := mustMatcher(t)
	for _, tc := range cases {
		got := casesOf(m, tc.title, tc.desc)
		for _, c := range tc.want {
			if !slices.Contains(got, c) {
				t.Errorf("title %q desc %q: CAS %v, want %s among them", tc.title, tc.desc, got, c)
			}
		}
		for _, c := range tc.not {
			if slices.Contains(got, c) {
				t.Errorf("title %q desc %q: CAS %v, want no %s", tc.title, tc.desc, got, c)
			}
		}
	}
}

// TestGap21CyrillicLatin: Russian and Ukrainian names written in Latin
// letters by the national systems or by ear ("Psevdoefedryn hidrokhlorid",
// heldout21 v0018) name their substance; a glycidic acid name with a
// case ending ("Prodam BMK glitsydnu kyslotu", v0008) is no bare "BMK".
func TestGap21CyrillicLatin(t *testing.T) {
	runCAS(t, []casCase{
		{"Psevdoefedryn hidrokhlorid 1 kg", "Psevdoefedryn hidrokhlorid, 1 kg, farmatsevtychna yakist.", []string{"90-82-4"}, nil},
		{"Efedryn 500 h", "Efedryn, 500 h, vidpravka z Kyieva.", []string{"299-42-3"}, nil},
		{"Otstovyi anhidryd 20 l", "Otstovyi anhidryd, 20 l, tekhnichnyi.", []string{"108-24-7"}, nil},
		{"Marhantsivka 5 kg", "Marhantsivka 5 kg, opt.", []string{"7722-64-7"}, nil},
		{"Benzilmetilketon 1 l", "Benzilmetilketon, 1 l, dostavka po Rossii.", []string{"103-79-7"}, nil},
		{"BMK glitsydna kyslota natriyeva sil CAS 5449-12-7", "Prodam BMK glitsydnu kyslotu (natriyeva sil, CAS 5449-12-7), bilyi poroshok, 1-10 kg.",
			[]string{"25547-51-7"}, []string{"103-79-7"}},
		// The same in Cyrillic, with the case ending after "BMK".
		{"BMK-гліцидна кислота CAS 5449-12-7", "Продам BMK гліцидну кислоту (натрієва сіль, CAS 5449-12-7), 1-10 кг.",
			[]string{"25547-51-7"}, []string{"103-79-7"}},
		// "BMK oil" stays P-2-P.
		{"BMK oil 1 l", "BMK oil, 1 l, vidpravka Novoyu poshtoyu.", []string{"103-79-7"}, nil},
	})
}

// TestGap21ProseWord: a two-letter abbreviation written in lower case
// between lower-case words is a word of the prose ("Sanjeeda log hi
// rabta karein", Roman Urdu, heldout21 v0064), not hydriodic acid. Written
// as a formula, or beside its own context, it stays.
func TestGap21ProseWord(t *testing.T) {
	runCAS(t, []casCase{
		{"Ephedrine powder 500 gram available", "Ephedrine powder available hai, 500 gram pack, khalis maal. Sanjeeda log hi rabta karein.",
			[]string{"299-42-3"}, []string{"10034-85-2"}},
		{"Acetone 20 litre", "Acetone 20 litre available hai. Serious buyer hi call karein, timepass wale nahi.",
			[]string{"67-64-1"}, []string{"10034-85-2"}},
		{"Red phosphorus and HI", "Red phosphorus 500 g and HI 57% 250 ml in stock.", []string{"7723-14-0", "10034-85-2"}, nil},
		{"Iodine + HI", "Iodine prills 1 kg, also HI in stock.", []string{"10034-85-2"}, nil},
		{"red p and hi", "red p 500 g, hi 57% 250 ml, ships today.", []string{"10034-85-2"}, nil},
	})
}

// TestGap21SubstituentPrefix: a substituent glued before a name in
// another script names another compound: "2-브로모-4'-메틸프로피오페논"
// (heldout21 v0009) is no 4'-methylpropiophenone, "dl-メチルエフェドリン"
// (N-methylephedrine, v0138) and "메틸에페드린" are no ephedrine. A
// prefix of the substance's own names ("エチルエーテル") and the plain
// names stay.
func TestGap21SubstituentPrefix(t *testing.T) {
	runCAS(t, []casCase{
		{"2-브로모-4'-메틸프로피오페논 (2B4M) CAS 1451-82-7", "2-브로모-4'-메틸프로피오페논, 백색 결정, 99%.", []string{"1451-82-7"}, []string{"5337-93-9"}},
		{"2-ブロモ-4'-メチルプロピオフェノン 1kg", "2-ブロモ-4'-メチルプロピオフェノン 純度99%", []string{"1451-82-7"}, []string{"5337-93-9"}},
		{"風邪薬 24錠 dl-メチルエフェドリン配合", "dl-メチルエフェドリン塩酸塩、アセトアミノフェン配合の総合かぜ薬 24錠。", nil, []string{"299-42-3"}},
		{"메틸에페드린 함유 감기약", "메틸에페드린 염산염 함유 감기약 20정.", nil, []string{"299-42-3"}},
		{"4'-메틸프로피오페논 1kg", "4'-메틸프로피오페논 99%, 1kg.", []string{"5337-93-9"}, nil},
		{"エフェドリン塩酸塩 1kg", "エフェドリン塩酸塩 純度99% 1kg。", []string{"299-42-3"}, nil},
		{"エチルエーテル 18L", "エチルエーテル 試薬 18L。", []string{"60-29-7"}, nil},
	})
}

// TestGap21SiblingNames: the ester and acid names of a glycidate family
// beside slang and other names: "New BMK ethyl glycidate oil" is no "new
// BMK" (BMK glycidic acid, heldout21 v0108); "PMK ethyl glycidate PMK
// powder" repeats the ethyl ester in slang, no methyl ester (v0147);
// "PMK 글리시딕산" is PMK glycidic acid, no PMK (v0099). The parent's own
// slang ("conversion to PMK oil") and slang said apart from the name
// stay.
func TestGap21SiblingNames(t *testing.T) {
	runCAS(t, []casCase{
		{"New BMK ethyl glycidate oil CAS 41232-97-7 high yield", "BMK ethyl glycidate CAS 41232-97-7, yellow oil, purity 98%.",
			[]string{"41232-97-7"}, []string{"25547-51-7"}},
		{"PMK ethyl glycidate CAS 28578-16-7 powder", "PMK ethyl glycidate, white powder 99%. PMK ethyl glycidate PMK powder new PMK.",
			[]string{"28578-16-7"}, []string{"13605-48-6", "4676-39-5"}},
		{"PMK 글리시딕산 (PMK glycidic acid) CAS 2167189-50-4", "PMK 글리시딕산, CAS 2167189-50-4, 백색 분말, 순도 99%.",
			[]string{"2167189-50-4"}, []string{"4676-39-5"}},
		{"BMK 글리시딕산 1kg", "BMK 글리시딕산 나트륨염, 백색 분말 1kg.", []string{"25547-51-7"}, []string{"103-79-7"}},
		// Conversion target and slang apart from the name stay.
		{"PMK ethyl glycidate 1 kg", "PMK ethyl glycidate CAS 28578-16-7, easy conversion to PMK oil.", []string{"28578-16-7", "4676-39-5"}, nil},
		{"New BMK powder in stock – CAS 41232-97-7", "High yield BMK ethyl glycidate powder, 1 kg min.", []string{"41232-97-7", "25547-51-7"}, nil},
	})
}
