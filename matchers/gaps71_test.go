package matchers

import (
	"slices"
	"testing"

	"github.com/precwatch/precwatch"
)

// offeredIDs returns the ids of the substances a listing offers (named and
// not negated).
func offeredIDs(t *testing.T, title, desc string) []string {
	t.Helper()
	res := mustMatcher(t).Match(&precwatch.Listing{ID: "g71", Title: title, Description: desc})
	var got []string
	for _, s := range res.Substances {
		if !s.Negated {
			got = append(got, s.ID)
		}
	}
	return got
}

// substanceCase is a listing and the substances it offers.
type substanceCase struct {
	title, desc string
	want        []string
}

func runSubstances(t *testing.T, cases []substanceCase) {
	t.Helper()
	for _, tc := range cases {
		if got := offeredIDs(t, tc.title, tc.desc); !slices.Equal(got, tc.want) {
			t.Errorf("title %q desc %q: offered %v, want %v", tc.title, tc.desc, got, tc.want)
		}
	}
}

// TestGap71News: enforcement and health-ministry news in Japanese and
// Ukrainian quotes the no-prescription phrase of the sale it reports
// (heldout71 ym0018 書類送検 … 販売した疑い, ym0090 МОЗ роз'яснило … без
// рецепта); a seller's own no-prescription offer stays suspicious.
func TestGap71News(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"ja", "プソイドエフェドリン含有薬の無許可販売で書類送検", "SNSで「処方箋不要」とうたい、プソイドエフェドリン含有の風邪薬を販売した疑い。", false},
		{"ja", "風邪薬の転売で男を送検", "処方箋不要とうたい、プソイドエフェドリンを含む薬を販売した容疑で調べている。", false},
		{"uk", "Марганцівку знову продають без обмежень", "МОЗ роз'яснило: калію перманганат відпускається в аптеках без рецепта у малих фасуваннях.", false},
		{"ja", "プソイドエフェドリン配合 風邪薬 10箱", "処方箋不要、まとめ買いOK。LINEで連絡。", true},
		{"uk", "Марганцівка 1 кг", "Калію перманганат, без рецепта, відправка Новою поштою. Telegram @kmno4_ua", true},
	})
}

// TestGap71Refusals: a refusal to be asked for a name denies it ("Please do
// not ask for BMK", heldout71 ym0039), and "without an admixture of" denies
// the name after it ("bez domieszki 1,4-butanodiolu", ym0166); the other
// objects of "don't ask for" and an admixture named with "z" stay offers.
func TestGap71Refusals(t *testing.T) {
	runSubstances(t, []substanceCase{
		{"P2NP yellow crystals 1 kg", "1-phenyl-2-nitropropene 99%. Please do not ask for BMK, we don't have it.", []string{"1-phenyl-2-nitropropene"}},
		{"P2NP 1 kg", "Don't ask for P2P oil here.", []string{"1-phenyl-2-nitropropene"}},
		{"BMK oil 1 L", "Don't ask for samples, 99% purity.", []string{"p-2-p"}},
		{"GBL 1 L", "Czysty gamma-butyrolakton, bez domieszki 1,4-butanodiolu.", []string{"gamma-butyrolactone"}},
		{"1,4-butanodiol 1 L", "Czysty, bez domieszki wody.", []string{"1-4-butanediol"}},
		{"GBL 1 L", "Czysty gamma-butyrolakton z domieszką 1,4-butanodiolu.", []string{"gamma-butyrolactone", "1-4-butanediol"}},
	})
}

// TestGap71ReturnsPolicy: "no questions asked" of a returns policy a comma
// or a few words after the returns word is no indicator (heldout71
// ym0164); said in another sentence, or after "no returns", it is.
func TestGap71ReturnsPolicy(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"en", "Acetone 99.5% 4 x 5 L – 30-day returns, no questions asked", "Lab-grade acetone. VAT invoice included.", false},
		{"en", "Acetone 99.5% 4 x 5 L", "Lab-grade acetone. Free returns within 30 days, no questions asked. VAT invoice included.", false},
		{"en", "Toluene 20 L", "Full refund if unhappy, no questions asked.", false},
		{"en", "Acetone 99.5% 4 x 5 L", "Free returns within 30 days. No questions asked, cash or crypto.", true},
		{"en", "Acetone 99.5% 4 x 5 L", "No returns, no questions asked.", true},
	})
}

// TestGap71AcronymFunctionWords: an abbreviation spelled out with a
// function word its initials skip is that other thing ("penyakit mulut dan
// kuku (PMK)", foot-and-mouth disease; heldout71 ym0063); the substance
// spelled out, or context without a spelling, still counts.
func TestGap71AcronymFunctionWords(t *testing.T) {
	runSubstances(t, []substanceCase{
		{"Vaksin PMK untuk sapi dan kambing – stok terbatas", "Vaksin penyakit mulut dan kuku (PMK) resmi dari Kementan. Dosis 2 ml.", nil},
		{"Obat PMK sapi 100 ml", "Untuk penyakit mulut dan kuku (PMK) pada ternak, 100 ml.", nil},
		{"PMK oil 1 L", "PMK (piperonyl methyl ketone), 99%, CAS 4676-39-5.", []string{"pmk"}},
		{"Jual PMK 1 L", "Minyak PMK dan kristal BMK, kemurnian 99%.", []string{"pmk", "p-2-p"}},
	})
}

// TestGap71ThaiLongerName: in Thai, written without spaces, acetone
// (อะซิโตน) glued to a substituent prefix is part of another compound's
// name: phenylacetone (ฟีนิลอะซิโตน, heldout71 ym0089), chloroacetone; a
// bare or sold acetone stays acetone.
func TestGap71ThaiLongerName(t *testing.T) {
	runSubstances(t, []substanceCase{
		{"ขาย BMK ออยล์ (ฟีนิลอะซิโตน) 1 ลิตร", "ความบริสุทธิ์ 99%", []string{"p-2-p"}},
		{"ฟีนิลอะซิโตน 1 ลิตร", "ความบริสุทธิ์ 99%", []string{"p-2-p"}},
		{"คลอโรอะซิโตน 500 มล.", "ความบริสุทธิ์ 95%", nil},
		{"ขายอะซิโตน 20 ลิตร", "ความบริสุทธิ์ 99.5%", []string{"acetone"}},
		{"อะซิโตน 99.5% 20 ลิตร", "เกรดห้องแล็บ", []string{"acetone"}},
	})
}

// TestGap71NativeNegation: Lithuanian "be" and "nėra" before a genitive
// (heldout71 ym0074), zh 不是 "is not" and the contrast "P2P, not ordinary
// acetone" (ym0112), and Greek "ασετόν χωρίς ακετόνη", the everyday
// nail-polish remover named after the chemical it is free of (ym0118).
// Their twins: English "be", "not ordinary acetone" on its own, "ασετόν
// με ακετόνη" and a comma between the two names stay offers.
func TestGap71NativeNegation(t *testing.T) {
	runSubstances(t, []substanceCase{
		{"Papildas be efedrino, 60 tablečių", "Tinka sportininkams.", nil},
		{"Papildas sportininkams", "Sudėtyje nėra efedrino.", nil},
		{"Research chemical 25 g", "The white powder could be ephedrine.", []string{"ephedrine"}},
		{"1-苯基-2-丙酮（不是丙酮！）", "电报联系。", []string{"p-2-p"}},
		{"1-苯基-2-丙酮 1升", "注意：本品为1-苯基-2-丙酮，不是普通丙酮。", []string{"p-2-p"}},
		{"Phenylacetone 1 L", "Phenylacetone, not ordinary acetone.", []string{"p-2-p"}},
		{"丙酮 200升", "不是普通丙酮，是分析纯丙酮 99.5%。", []string{"acetone"}},
		{"高纯溶剂 200升", "这不是普通丙酮，纯度99.9%。", []string{"acetone"}},
		{"Acetone 20 L", "Not ordinary acetone: HPLC grade 99.9%.", []string{"acetone"}},
		{"Solvents 20 L", "Toluene, not only acetone: both 99.9%.", []string{"toluene", "acetone"}},
		{"溶剂 200升", "甲苯，不是只有丙酮，纯度99.9%。", []string{"toluene", "acetone"}},
		{"Ασετόν χωρίς ακετόνη 125 ml", "Ήπιο ασετόν νυχιών χωρίς ακετόνη, με βιταμίνη Ε.", nil},
		{"Ασετόν με ακετόνη 125 ml", "Ασετόν νυχιών.", []string{"acetone"}},
		{"Ακετόνη 5 L, χωρίς ασετόν νυχιών", "Καθαρότητα 99,5%.", []string{"acetone"}},
		{"Acetone 1 L without acetone odour", "Lab grade.", []string{"acetone"}},
	})
}
