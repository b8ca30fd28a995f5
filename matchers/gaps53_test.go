package matchers

import "testing"

// TestGap53TranslitIndicators: risk indicators typed in Latin letters by
// speakers of other scripts (heldout53): Ukrainian and Russian "without
// documents" ("bez dokumentiv", zv0025; "bez dokumentov", zv0070), Finglish
// "without prescription" ("bedune noskhe", zv0092), Greeklish "without
// papers" and "discreet shipping" (zv0065), the pinyin customs promise "hai
// guan bao qing" (zv0086), Korean-romanised bitcoin ("bitkoin", zv0102) and
// Signal named as the contact in romaji and pinyin (zv0114, zv0059). Forms
// from background knowledge, listed in WATCHLIST-NOTES.md § 52.
func TestGap53TranslitIndicators(t *testing.T) {
	runIndCases(t, []indCase{
		{"Acetyl chloride 1 l", "Prodam atsetylkhlorid, vidpravka poshtoiu, bez dokumentiv.", "no-paperwork", true},
		{"Diethyl ether 1 l", "Peredam iz ruk v ruki, bez dokumentov.", "no-paperwork", true},
		{"Pseudoefedrin 60 mg", "10 baste, bedune noskhe, ersal posti.", "no-paperwork", true},
		{"Thiiko oxy 98%", "30 kila, xoris xartia kai xoris timologio.", "no-paperwork", true},
		{"Thiiko oxy 98%", "30 kila. Apostoli diakritiki.", "stealth-packaging", true},
		{"Liu suan (硫酸) 98% 1 dun", "Hai guan bao qing, fa huo kuai.", "customs-evasion", true},
		{"Liu suan (硫酸) 98% 1 dun", "Bao qing guan dao Ou Zhou.", "customs-evasion", true},
		{"Toluen 200L", "Gyeolje-neun bitkoin man ganeung.", "crypto-payment", true},
		{"Red phosphorus 100 g", "Renraku wa Signal de onegai shimasu.", "messenger-contact", true},
		{"PMK oil 1 L", "Signal lian xi.", "messenger-contact", true},
		// The plain words stay plain: an invoice given, a Signal output.
		{"Thiiko oxy 98%", "30 kila, me timologio.", "no-paperwork", false},
		{"Liu suan (硫酸) 98% 1 dun", "Zheng chang fa huo.", "customs-evasion", false},
	})
}

// TestGap53TranslitNames: names of watched substances as natives type them
// in Latin letters (heldout53): Greeklish, generated from the Greek names
// ("thiiko oxy", zv0065; "ydroxloriko oxy", zv0101); the informal j style
// of Russian ("dietilovyj efir", zv0070; "margancovka", "kalij
// permanganat", zv0083); the genitive of an adjective-first Ukrainian name
// ("chervonoho fosforu", zv0111); Serbian words mixed between Cyrillic and
// Latin ("Сумпорна kiselina", zv0050); pinyin with its syllables spaced
// ("wei ma huang jian", zv0120; "PMK suo shui gan you suan jia zhi", zv0012,
// no bare PMK); romaji ("efedorin", zv0068; "sudoefedorin", zv0052); "sudo"
// for pseudo- (zv0063, no bare ephedrine); "PMK you" (PMK油, zv0059).
func TestGap53TranslitNames(t *testing.T) {
	const h2so4, hcl, ether, kmno4, redP = "7664-93-9", "7647-01-0", "60-29-7", "7722-64-7", "7723-14-0"
	const eph, pse, pmk, pmkMG, bmk, gbl = "299-42-3", "90-82-4", "4676-39-5", "13605-48-6", "103-79-7", "96-48-0"
	runCAS(t, []casCase{
		{"Thiiko oxy 98%, 30 kila", "Gia mpataries.", []string{h2so4}, nil},
		{"Theiiko oxy 96%", "Doxeio 25 lt.", []string{h2so4}, nil},
		{"Ydroxloriko oxy 30% gia pisina", "Doxeio 20 lt.", []string{hcl}, nil},
		{"Dietilovyj efir 1 l", "Medicinskij.", []string{ether}, nil},
		{"Margancovka 1 kg", "Dlja sada.", []string{kmno4}, nil},
		{"Kalij permanganat 500 g", "Dlja sada.", []string{kmno4}, nil},
		{"Prodam 200 kg chervonoho fosforu", "Optom.", []string{redP}, nil},
		{"Сумпорна kiselina 96% 25 l", "Za akumulatore.", []string{h2so4}, nil},
		{"Sumporna киселина 96% 25 l", "Za akumulatore.", []string{h2so4}, nil},
		{"Wei ma huang jian pian 30mg", "Pi fa.", []string{pse}, []string{eph}},
		{"Ma huang su fen 1 kg", "99%.", []string{eph}, nil},
		{"PMK suo shui gan you suan jia zhi 99%", "Xian huo.", []string{pmkMG}, []string{pmk}},
		{"Efedorin 30 kg", "Kona.", []string{eph}, nil},
		{"Sudoefedorin 60 mg", "24 jou.", []string{pse}, nil},
		{"Sudo-efedrin 60 mg", "10,000 7abbe.", []string{pse}, []string{eph}},
		{"PMK you 1 L", "Huang se you zhuang ye ti.", []string{pmk}, nil},
		// GBL with alcohol (the interaction every warning names, zv0047),
		// BMK beside Greek "precursor substance" (zv0104).
		{"Ma t5alto el GBL ma3 el ko7ol!", "Tanbih.", []string{gbl}, nil},
		{"2 tonoi BMK sto limani", "Prodromi ousia gia amfetamini.", []string{bmk}, nil},
		// Greek loans are no P2P ("P2P daneia", zv0079).
		{"P2P daneia me apodosi 8%", "Ependyste se P2P daneia.", nil, []string{bmk}},
	})
}

// TestGap53TranslitVerdicts: transliterated words that decide a verdict
// (heldout53). The Greek article "ton" and French "ton" with no number
// before them are no tonnes (zv0089); Hindi "nahi" after a name and
// Finglish "bedune" before it negate it (zv0080, zv0117); seizure reports
// in Russian, Ukrainian, Japanese, Arabizi and Roman Urdu (zv0001, zv0111,
// zv0068, zv0096, zv0103) offer nothing; wholesale in Arabizi and pinyin
// (zv0063, zv0120) makes a Table I medicine bulk; romaji medicine words
// make a retail pack a medicine (zv0052).
func TestGap53TranslitVerdicts(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"el", "Siropi gia vixa me pseudoefedrini 120ml", "Siropi gia ton vixa kai ti rinitida me pseudoefedrini 30 mg/5 ml, 1 boukali 120 ml.", false},
		{"fr", "Sirop pseudoéphédrine 120 ml", "Pour ton rhume, 1 flacon.", false},
		{"en", "Pseudoephedrine HCl tablets", "Sold by the ton, 1 ton minimum.", true},
		{"hi", "Herbal cough syrup wholesale – ephedrine nahi", "Isme codeine nahi, ephedrine nahi. Wholesale 500 bottle se.", false},
		{"fa", "Ghorse giyahi bedune efedrin", "Bedune efedrin va bedune kafein.", false},
		{"ru", "FSB izjala 300 kg prekursorov", "Gamma-butirolakton, kotoryj prodavali cherez Telegram-kanal.", false},
		{"uk", "SBU vyiavyla narkolaboratoriiu", "Vylucheno 50 l P2P (фенілацетон) ta 200 kg chervonoho fosforu.", false},
		{"ja", "Zeikan de efedorin 30 kg oshuu", "Narita zeikan wa efedorin yaku 30 kg wo oshuu shita.", false},
		{"ar", "El jamarek dab6et 500 kilo ephedrine", "Mkhabaye bi kontaynar.", false},
		{"ur", "Customs ne 2 ton acetic anhydride pakar li", "Karachi port par pakar li gayi.", false},
		{"ar", "7ubub sudo-efedrin 60mg jomla", "Kartona fiha 10,000 7abbe, jomla bas.", true},
		{"zh", "Yan suan wei ma huang jian pian pi fa", "30mg, pi fa 10 wan pian qi ding.", true},
		{"zh", "PMK you 1 L yang pin", "Bao qing guan dao Ou Zhou, Signal lian xi.", true},
		{"ja", "Sudoefedorin haigou kaze-gusuri 24 jou", "Dai-2-rui iyakuhin. Hitori 1 ko made.", false},
	})
}
