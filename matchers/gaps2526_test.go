package matchers

import (
	"testing"

	"github.com/precwatch/precwatch"
)

// TestGap2526BatteryElectrolyte: a battery electrolyte (배터리 전해액,
// 축전지 보충액, バッテリー補充液, 电解液) is chemical context for the bare
// name of sulfuric acid in Korean and in Chinese/Japanese (황산, 硫酸), which
// counts only with chemical context because sulfate salt names start with
// it (heldout26 d0016). Without an indicator the acid stays a Table II
// substance that is not suspicious, and a sulfate salt stays blocked.
func TestGap2526BatteryElectrolyte(t *testing.T) {
	const h2so4 = "7664-93-9"
	runCAS(t, []casCase{
		{"배터리 전해액 (황산) 1L", "납축전지용 묽은 황산 전해액.", []string{h2so4}, nil},
		{"축전지용 황산 (묽은 황산) 보충액", "자동차 배터리 전해액 보충용, 1병.", []string{h2so4}, nil},
		{"오토바이 밧데리용 황산 보충액", "소형 용기.", []string{h2so4}, nil},
		{"バッテリー補充液（希硫酸）", "バイク用の補充液です。", []string{h2so4}, nil},
		{"电解液（硫酸）", "铅酸电瓶专用，一瓶。", []string{h2so4}, nil},
		// Sulfate salts stay out.
		{"황산마그네슘 비료", "배터리 없는 농업용 비료.", nil, []string{h2so4}},
	})
	runVerdicts(t, []verdictCase{
		{"ko", "배터리 전해액 (황산) 1L", "납축전지용 묽은 황산 전해액.", false},
		{"ja", "バッテリー補充液（希硫酸）", "鉛蓄電池用の電解液です。", false},
	})
}

// TestGap2526ExpertOpinion: experts' opinions and proposals to put a
// chemical under control ("专家建议将…纳入监控", "experts urge", "Experten
// fordern") are reports, and the synthesis they say the chemical serves is
// the reporter's words, no synthesis hint of an offer (heldout25 b0177).
// An offer that names a synthesis stays an offer.
func TestGap2526ExpertOpinion(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"zh", "专家建议将(2-溴乙基)苯纳入监控", "禁毒专家指出，(2-溴乙基)苯可用于芬太尼类物质合成，建议加强对其流向的监控。", false},
		{"en", "Experts urge tracking of phenethyl bromide", "Drug-control experts say phenethyl bromide can be used for fentanyl synthesis and call for tighter monitoring of its sales.", false},
		{"de", "Experten fordern Kontrolle von Phenethylbromid", "Phenethylbromid kann zur Synthese von Fentanyl verwendet werden, warnen Experten.", false},
		// Offers stay offers.
		{"zh", "(2-溴乙基)苯 99% 现货", "可用于芬太尼合成，专家指导。", true},
		{"en", "Phenethyl bromide 1 kg", "Ideal for fentanyl synthesis. Price on request.", true},
	})
}

// TestGap2526LocantBromoKetone: "bromo ketone" is the street name of the
// ketamine bromoketone only with its own context (ketamine, o-chlorophenyl,
// cyclopentyl, methylamine …); glued to a locant ("2-bromo ketone",
// "α-bromo ketone", "alpha-bromoketone") it is the bromination product of
// whatever ketone the listing sells, which general chemical context cannot
// tell from the ketamine one (heldout25 b0116). A guide to the bromination
// step is a synthesis hint.
func TestGap2526LocantBromoKetone(t *testing.T) {
	const bromoketone = "6740-86-9"
	runCAS(t, []casCase{
		{"p-Methylpropiophenone 99% – 25 kg", "p-Methylpropiophenone, 25 kg. Bromination guide to the 2-bromo ketone included for customers.", []string{"5337-93-9"}, []string{bromoketone}},
		{"Butyrophenone 25 kg", "Purity 99%. Notes on the alpha-bromo ketone route are included.", nil, []string{bromoketone}},
		{"Hexanophenone 98%, 5 kg", "Converts cleanly to the α-bromoketone, bromination protocol on request.", nil, []string{bromoketone}},
		// With its own context it is still the ketamine precursor.
		{"2-bromo ketone for ketamine, 1 kg", "99% powder, fast shipping.", []string{bromoketone}, nil},
		{"Bromoketone 99% powder", "1 kg, ships worldwide.", []string{bromoketone}, nil},
	})
	runVerdicts(t, []verdictCase{
		{"en", "p-Methylpropiophenone 99% – 25 kg", "p-Methylpropiophenone, 25 kg. Bromination guide to the 2-bromo ketone included for customers.", true},
		{"en", "Propiophenone 99%, 200 kg", "Technical grade. Bromination procedure for the next step included.", true},
		{"en", "Propiophenone 99%, 200 kg", "Technical grade, drums, CoA on request.", false},
	})
}

// TestGap2526Recording: a listing that sells a recording (an LP, a CD
// album, a demo tape, a Schallplatte) names substances as the names of its
// band and record, in any language the media words cover (heldout25
// b0020 "Red Phosphorus – 'Striker' LP … by the band Red Phosphorus"). A
// chemical offer that hides in a record sleeve, states a purity or gives a
// record as a free extra stays the chemical.
func TestGap2526Recording(t *testing.T) {
	runCAS(t, []casCase{
		{"Red Phosphorus – 'Striker' LP, 2019 first press", "Debut album by the band Red Phosphorus, 180 g vinyl, VG+ sleeve.", nil, []string{"7723-14-0"}},
		{"Acetone – 'If You Think This Is Real Life' (1995) CD album", "Second studio album by the LA band Acetone. Disc near mint.", nil, []string{"67-64-1"}},
		{"Safrole – Demo cassette tape 1998", "Rare demo by the Finnish metal band Safrole, original tracklist.", nil, []string{"94-59-7"}},
		{"Ephedrine – Schallplatte, Erstpressung 1983", "Debütalbum der Band Ephedrine, Cover leicht beschädigt.", nil, []string{"299-42-3"}},
		// The chemical stays the chemical.
		{"Red phosphorus 99%, 500 g", "Amorphous, for pyrotechnics. Free mixtape with every order.", []string{"7723-14-0"}, nil},
		{"Acetone 1 L", "Technical grade, nail polish remover. Free CD album included.", []string{"67-64-1"}, nil},
	})
	runVerdicts(t, []verdictCase{
		{"en", "Red phosphorus 100 g", "Ships inside a vinyl record sleeve, Telegram @redp_x.", true},
		{"en", "Ephedrine – 'Cold Pills' LP, first pressing", "Debut album by the band Ephedrine, Telegram @vinyl_seller for trades.", false},
	})
}

// TestGap2526SoldByWeight: a Table I salt sold by weight ("Efedrin HCl 1
// kg", "pseudoephedrine HCl 500 g") is the chemical, not a retail
// medicine: a dosage word in the seller's name ("ilac_ham", "tabletki_hurt")
// says what the company is, and one in the text ("for tablet production",
// "ilaç hammaddesi") does not make a kilogram a pack (heldout26 d0107).
// Retail packs and brands stay medicines.
func TestGap2526SoldByWeight(t *testing.T) {
	m := mustMatcher(t)
	for _, tc := range []struct {
		lang, title, desc, seller string
		want                      bool
	}{
		{"tr", "Efedrin HCl 1 kg – lisanslı satıcı", "Efedrin hidroklorür %99. Lisans no: 555-2201. Son kullanıcı belgesi gerekir.", "ilac_ham", true},
		{"pl", "Efedryna HCl 1 kg", "Chlorowodorek efedryny.", "tabletki_hurt", true},
		{"en", "Ephedrine HCl 1 kg", "For tablet production. Licence no: 555-2201.", "", true},
		{"tr", "Efedrin HCl 500 g", "Efedrin hidroklorür, ilaç hammaddesi.", "", true},
		// Retail packs and brands stay medicines.
		{"en", "Pseudoephedrine 60 mg tablets", "Box of 24 tablets, cold and flu relief.", "CityPharmacy", false},
		{"tr", "Efedrin 25 mg tablet", "20 tablet, reçeteli ilaç.", "Eczane Ilac", false},
		{"en", "Sudafed 12 tablets", "Nasal decongestant 60 mg, 1 box.", "", false},
	} {
		got := m.Match(&precwatch.Listing{Title: tc.title, Description: tc.desc, Price: "ask", Seller: tc.seller})
		if got.Suspicious != tc.want {
			t.Errorf("[%s] title %q desc %q seller %q: suspicious %v (score %.2f), want %v; explain %q",
				tc.lang, tc.title, tc.desc, tc.seller, got.Suspicious, got.Score, tc.want, got.Explain)
		}
	}
}
