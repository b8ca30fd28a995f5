package matchers

import "testing"

// TestGap42GermanicEsterSpaced: the ester of a glycidate written as a word
// of its own in Dutch, German and the Nordic spellings ("PMK methyl
// glycidaat", heldout42 zk0080) names the ester alone, not also PMK or BMK,
// as "PMK methyl glycidate" does in English.
func TestGap42GermanicEsterSpaced(t *testing.T) {
	const pmk, pmkMe, pmkEt = "4676-39-5", "13605-48-6", "28578-16-7"
	const bmk, bmkMe, bmkEt = "103-79-7", "80532-66-7", "41232-97-7"
	runCAS(t, []casCase{
		{"PMK glycidaat op voorraad", "PMK methyl glycidaat, levering NL/BE.", []string{pmkMe}, []string{pmk}},
		{"PMK ethyl glycidaat 1 kg", "", []string{pmkEt}, []string{pmk}},
		{"BMK methyl glycidaat 1 kg", "", []string{bmkMe}, []string{bmk}},
		{"BMK ethyl glycidaat 1 kg", "", []string{bmkEt}, []string{bmk}},
		{"PMK Methyl Glycidat 1 kg", "", []string{pmkMe}, []string{pmk}},
		{"PMK Ethyl Glycidat 1 kg", "", []string{pmkEt}, []string{pmk}},
		{"BMK Methyl Glycidat 1 kg", "", []string{bmkMe}, []string{bmk}},
		{"BMK Ethyl Glycidat 1 kg", "", []string{bmkEt}, []string{bmk}},
		{"PMK metyl glycidat 1 kg", "", []string{pmkMe}, []string{pmk}},
		{"PMK etyl glycidat 1 kg", "", []string{pmkEt}, []string{pmk}},
		{"BMK metyl glycidat 1 kg", "", []string{bmkMe}, []string{bmk}},
		{"BMK etyl glycidat 1 kg", "", []string{bmkEt}, []string{bmk}},
	})
}

// TestGap42MotorOilBrand: "MEK" beside a viscosity grade ("10W-40",
// "5W-30") or a motor oil is an oil brand (heldout42 zk0052), even with a
// litre count; MEK the solvent keeps its context.
func TestGap42MotorOilBrand(t *testing.T) {
	const mek = "78-93-3"
	runCAS(t, []casCase{
		{"MEK 10W-40 full synthetic motor oil", "MEK racing oil 4L, sealed bottles, pickup only", nil, []string{mek}},
		{"MEK 5W-30 engine oil, 5 liter", "", nil, []string{mek}},
		{"MEK 15W40 Motoröl 5 Liter", "", nil, []string{mek}},
		{"MEK huile moteur 10W40, 4 litres", "", nil, []string{mek}},
		{"MEK solvent 99.5%, 200 liter drum", "Cleaning and thinner use.", []string{mek}, nil},
	})
}

// TestGap42JapaneseWarning: a Japanese warning post against buying a
// precursor on social media ("SNSでの「エフェドリン」販売に注意 … 購入は違法
// です。#薬物乱用防止", heldout42 zk0114) names it without offering it;
// an offer with a handling caution stays an offer.
func TestGap42JapaneseWarning(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"ja", "【拡散希望】SNSでの「エフェドリン」販売に注意", "SNSでエフェドリンを売るという投稿が増えています。購入は違法です。#薬物乱用防止", false},
		{"ja", "エフェドリン販売の投稿に注意", "覚醒剤の原料になるため、所持や購入は違法です。ダメ。ゼッタイ。", false},
		{"ja", "エフェドリン 99% 1kg 販売", "取り扱いに注意。テレグラムで連絡ください。", true},
		{"ja", "エフェドリン 1kg 販売中", "在庫あり、即日発送。", true},
	})
}

// TestGap42Campaign: an anti-drug campaign post naming a precursor
// ("#SayNoToDrugs awareness week … #meth #pseudoephedrine", heldout42
// zk0021) names it without offering it, in the campaign wording of many
// languages; a retail offer stays an offer.
func TestGap42Campaign(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"en", "#SayNoToDrugs awareness week 💙 #meth #pseudoephedrine", "Did you know cold pills with pseudoephedrine get diverted to make meth? That's why pharmacies limit sales. Share this 🙏", false},
		{"en", "Drug awareness campaign: pseudoephedrine", "Know the signs: someone buying cold pills in bulk to make meth. Report it.", false},
		{"de", "Drogenprävention: Pseudoephedrin", "Aufklärungskampagne der Schule – sag Nein zu Drogen! Aus Erkältungstabletten wird Meth gemacht.", false},
		{"es", "Campaña de concienciación: pseudoefedrina", "Di no a las drogas. La pseudoefedrina de los antigripales se desvía para hacer metanfetamina.", false},
		{"ru", "Профилактика наркомании: псевдоэфедрин", "Скажи наркотикам нет! Псевдоэфедрин из таблеток от простуды идёт на метамфетамин.", false},
		{"en", "Pseudoephedrine 60mg x 100 tabs", "Bulk pack, discreet shipping, bitcoin only.", true},
	})
}

// TestGap42TagRow: a drug name among a post's hashtags ("#meth
// #pseudoephedrine", heldout42 zk0021) tags the post's topic and is no
// synthesis hint by itself; the same drug name in a sentence is one.
func TestGap42TagRow(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"en", "Cold & flu tablets 12 pack #meth #pseudoephedrine", "Pharmacy pack, 12 tablets with pseudoephedrine 60 mg.", false},
		{"en", "#health #meth #coldandflu", "Cold & flu tablets, 12 pack with pseudoephedrine 60 mg.", false},
		{"en", "Cold & flu tablets 12 pack", "Pseudoephedrine 60 mg, good to make meth.", true},
		{"en", "Cold & flu tablets 12 pack #pseudoephedrine", "Pseudoephedrine 60 mg for meth.", true},
	})
}
