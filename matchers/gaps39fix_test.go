package matchers

import "testing"

// TestGap39NegatedList: a negation runs on through a list of names joined
// by "and", "or", "nor" in the listing's language (heldout39 zh0105 uk
// "Без ефедрину та псевдоефедрину", zh0159 sv "Utan efedrin och
// pseudoefedrin"), also past a case ending the name's term leaves out
// ("ефедрин|у та"). It stops at a new clause (a full stop, a semicolon)
// and where "only" sets the second name against the first.
func TestGap39NegatedList(t *testing.T) {
	const eph, pse = "299-42-3", "90-82-4"
	negated := []string{eph, pse}
	runCAS(t, []casCase{
		{"Краплі від нежитю", "Без ефедрину та псевдоефедрину.", nil, negated},
		{"Краплі від нежитю", "Без ефедрину чи псевдоефедрину.", nil, negated},
		{"Förkylningstabletter", "Utan efedrin och pseudoefedrin.", nil, negated},
		{"Forkølelsestabletter", "Uden efedrin og pseudoefedrin.", nil, negated},
		{"Forkjølelsestabletter", "Uten efedrin eller pseudoefedrin.", nil, negated},
		{"Flunssatabletit", "Ilman efedriini ja pseudoefedriini.", nil, negated},
		{"Compresse", "Senza efedrina né pseudoefedrina.", nil, negated},
		{"Comprimidos", "Sem efedrina nem pseudoefedrina.", nil, negated},
		{"Ταμπλέτες", "Χωρίς εφεδρίνη και ψευδοεφεδρίνη.", nil, negated},
		{"Viên cảm", "Không chứa ephedrin và pseudoephedrin.", nil, negated},
		{"Tablet flu", "Tanpa efedrin dan pseudoefedrin.", nil, negated},
		{"Comprimate", "Fără efedrină sau pseudoefedrină.", nil, negated},
		{"Tabletki", "Bez efedryny oraz pseudoefedryny.", nil, negated},
		{"Tablete", "Brez efedrina ili pseudoefedrina.", nil, negated},
		{"ยาแก้หวัด", "ไม่มีอีเฟดรีนและซูโดอีเฟดรีน", nil, negated},
		{"सर्दी की गोलियां", "एफेड्रिन और स्यूडोएफेड्रिन रहित", nil, negated},
		{"감기약", "에페드린 및 슈도에페드린 무함유", nil, negated},
		// A new clause or an "only" ends the list.
		{"Tabletten", "Ohne Ephedrin; Pseudoephedrin 60 mg pro Tablette.", []string{pse}, []string{eph}},
		{"Таблетки", "Без ефедрину. Псевдоефедрин 60 мг.", []string{pse}, []string{eph}},
		{"Tablets", "No ephedrine and pseudoephedrine only, 60 mg.", []string{pse}, []string{eph}},
		{"Tabletten", "Kein Ephedrin und nur Pseudoephedrin 99%.", []string{pse}, []string{eph}},
		{"感冒片", "不含麻黄碱只含伪麻黄碱", []string{pse}, []string{eph}},
		// Without a negation the connectors join offered names.
		{"Efedrin och pseudoefedrin 99%", "1 kg, Telegram @x.", negated, nil},
		{"Ефедрин та псевдоефедрин 99%", "1 кг.", negated, nil},
	})
	runVerdicts(t, []verdictCase{
		{"uk", "Краплі від нежитю без ефедрину 10 мл", "Склад: оксиметазолін 0,05 %. Без ефедрину та псевдоефедрину.", false},
		{"sv", "Förkylningstabletter utan efedrin", "Utan efedrin och pseudoefedrin.", false},
		{"sv", "Pseudoefedrin 99% pulver 1 kg", "Utan efedrin, endast pseudoefedrin. Telegram @kem", true},
		{"en", "Pseudoephedrine HCl 99% 1 kg", "No ephedrine and pseudoephedrine only, 1 kg, Wickr: chemx", true},
	})
}

// TestGap39Compliance: a seller's compliance statement denies the names it
// lists when the "we do not sell" cue coordinates more trade verbs ("We do
// not sell or ship ephedrine, …", heldout39 zh0024), is worded with another
// trade verb ("we do not stock", "не поставляем", "不经营"), or names a
// class before its examples in Chinese ("不经营任何易制毒化学品（如麻黄碱…）",
// zh0086). A denial of something else before the name (a destination, a
// kind of buyer, an invoice) denies no name, and an offer stays one.
func TestGap39Compliance(t *testing.T) {
	const eph, pse, p2p, pmk, saf, paa, pip = "299-42-3", "90-82-4", "103-79-7", "4676-39-5", "94-59-7", "103-82-2", "120-57-0"
	runCAS(t, []casCase{
		{"About us – compliance statement", "We do not sell or ship ephedrine, pseudoephedrine, P2P, PMK, safrole or any other scheduled drug precursor. Our range: sodium benzoate 532-32-1.", nil, []string{eph, pse, p2p, pmk, saf}},
		{"公司简介 – 合规声明", "本公司不经营任何易制毒化学品（如麻黄碱、伪麻黄碱、苯乙酸、胡椒醛等）。主营：柠檬酸 77-92-9。", nil, []string{eph, pse, paa, pip}},
		{"公司简介", "本公司不经营或销售麻黄碱、伪麻黄碱。", nil, []string{eph, pse}},
		{"Store policy", "We do not stock, sell or ship drug precursors such as ephedrine or safrole.", nil, []string{eph, saf}},
		{"Aviso", "No vendemos ni enviamos efedrina ni pseudoefedrina.", nil, []string{eph, pse}},
		{"О компании", "Мы не поставляем эфедрин и псевдоэфедрин.", nil, []string{eph, pse}},
		{"Store policy", "We never stock safrole.", nil, []string{saf}},
		// Denials of something else, and offers.
		{"Ephedrine HCl", "We do not sell to private persons. Ephedrine HCl 99%, 1 kg.", []string{eph}, nil},
		{"Chemicals", "We do not sell or ship to Australia, ephedrine 99% available.", []string{eph}, nil},
		{"现货", "本公司不提供发票。麻黄碱 99% 现货", []string{eph}, nil},
		{"Ephedrine", "We sell and ship ephedrine HCl 99% worldwide.", []string{eph}, nil},
		{"公司简介", "本公司经营易制毒化学品（如麻黄碱）。", []string{eph}, nil},
	})
	runVerdicts(t, []verdictCase{
		{"en", "About us – compliance statement and product range", "We do not sell or ship ephedrine, pseudoephedrine, P2P, PMK, safrole or any other scheduled drug precursor. Our range: sodium benzoate 532-32-1, citric acid 77-92-9.", false},
		{"en", "Chemicals", "We do not sell or ship to Australia, ephedrine 99% available, 1 kg.", true},
		{"zh", "现货", "本公司不提供发票。麻黄碱 99% 现货 1公斤", true},
	})
}

// TestGap39NewsWording: a customs find as a German headline words it ("Zoll
// findet 500 Liter PMK-Ethylglycidat", heldout39 zh0147) and market
// analysis of enforcement and diversion ("Analysts say enforcement against
// safrole diversion to PMK production …", zh0175) are reports, not offers.
// An offer that uses the same words stays one.
func TestGap39NewsWording(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"de", "Zoll findet 500 Liter PMK-Ethylglycidat", "Die Fässer waren als 'Speiseöl' deklariert. Der Stoff (CAS 28578-16-7) dient der Herstellung von MDMA.", false},
		{"en", "Why sassafras oil prices collapsed", "Analysts say enforcement against safrole diversion to PMK production has shrunk the legitimate market for sassafras oil in Cambodia.", false},
		{"fr", "La douane découvre 300 kg de safrole", "Le produit était déclaré comme huile de cuisine.", false},
		{"es", "La aduana halla 200 kg de efedrina", "La carga venía declarada como vitaminas.", false},
		{"en", "Ephedrine HCl in stock", "Ephedrine HCl in stock. To prevent diversion to illicit production we require an end-user declaration. Price on request.", true},
		{"de", "PMK ethyl glycidate 500 L", "CAS 28578-16-7, 99%. Zoll findet nichts: wir deklarieren als Speiseöl. Telegram @pmkde", true},
		{"en", "Safrole oil 99%", "Sassafras oil, safrole 99%, 25 kg drums, crackdown-proof shipping, Wickr: saf", true},
		// A seller's boast that customs find nothing, and a seller's own
		// disclaimer, are no report.
		{"de", "PMK-Ethylglycidat 1 kg", "PMK-Ethylglycidat 1 kg. Der Zoll findet nichts.", true},
		{"en", "PMK 1 kg", "PMK 1 kg. Customs found nothing last time.", true},
		{"en", "Ephedrine HCl", "Ephedrine HCl 1 kg. We cooperate with law enforcement.", true},
		{"en", "Ephedrine HCl", "Ephedrine HCl 1 kg. To prevent diversion to illicit production we check every order.", true},
	})
}

// TestGap39PiperidineInLongerName: a Table II name glued by a hyphen to a
// protecting group ("4-Amino-1-Boc-piperidine", heldout39 zh0176) or
// followed by a class noun ("Piperidine building blocks", zh0091) names
// another compound or a class, not the substance. Piperidine itself, its
// salts, a building block sold as "Piperidine, … building block", and the
// Table I N-Boc-4-piperidone keep their names.
func TestGap39PiperidineInLongerName(t *testing.T) {
	const pip, boc4p, acetone = "110-89-4", "79099-07-3", "67-64-1"
	runCAS(t, []casCase{
		{"Boc building blocks", "1-Boc-piperazine 57260-71-6 | 4-Amino-1-Boc-piperidine 87120-72-7 | N-Boc-4-piperidone 79099-07-3", []string{boc4p}, []string{pip}},
		{"Piperidine building blocks – N-methyl-4-piperidone, 4-piperidinol", "1-Methyl-4-piperidone CAS 1445-73-4 | 4-Hydroxypiperidine CAS 5382-16-1 | 1-Boc-4-hydroxypiperidine CAS 109384-19-2", nil, []string{pip}},
		{"N-Boc-piperidine 98%", "25 g", nil, []string{pip}},
		{"Fmoc-piperidine 98%", "25 g", nil, []string{pip}},
		{"Piperidine derivatives", "4-Hydroxypiperidine, 4-piperidinemethanol.", nil, []string{pip}},
		{"Piperidine 99%", "1 L bottle.", []string{pip}, nil},
		{"Piperidine hydrochloride 99%", "500 g.", []string{pip}, nil},
		{"Piperidine HCl 99%, 1 kg", "Lab use.", []string{pip}, nil},
		{"Piperidine, 99%, building block for synthesis", "1 L.", []string{pip}, nil},
		{"Piperidine ReagentPlus 99%", "Building blocks: piperidines. 100 mL.", []string{pip}, nil},
		{"Acetone-based nail polish remover", "200 ml.", []string{acetone}, nil},
	})
	runVerdicts(t, []verdictCase{
		{"en", "Boc building blocks – N-Boc-4-piperidone in stock", "1-Boc-piperazine 57260-71-6 | 4-Amino-1-Boc-piperidine 87120-72-7 | N-Boc-4-piperidone 79099-07-3", true},
		{"en", "Piperidine 99% 1 L", "No paperwork needed, Telegram @pip", true},
	})
}

// TestGap39TradeCondition: a "we do not sell" cue followed in its clause by
// a condition of sale (a kind of buyer, a minimum, a missing licence) sells
// the names to others, so it denies none of them; an outright refusal
// ("under any circumstances", "to anyone", "only caffeine") still does.
func TestGap39TradeCondition(t *testing.T) {
	const eph, saf = "299-42-3", "94-59-7"
	runCAS(t, []casCase{
		{"Info", "We do not sell ephedrine to private persons, companies welcome.", []string{eph}, nil},
		{"Info", "We do not sell ephedrine below 1 kg.", []string{eph}, nil},
		{"Info", "We do not sell ephedrine or safrole without a licence.", []string{eph, saf}, nil},
		{"Info", "Wir verkaufen kein Ephedrin an Privatpersonen.", []string{eph}, nil},
		{"Info", "No vendemos efedrina a particulares.", []string{eph}, nil},
		{"Info", "We do not sell ephedrine under any circumstances.", nil, []string{eph}},
		{"Info", "We do not sell ephedrine to anyone.", nil, []string{eph}},
		{"Info", "No vendemos efedrina sin excepción.", nil, []string{eph}},
		{"Info", "We do not sell ephedrine, only caffeine.", nil, []string{eph}},
		{"Info", "Wir verkaufen kein Ephedrin und kein Pseudoephedrin. Nur Koffein.", nil, []string{eph}},
		{"Info", "Free of ephedrine without compromise.", nil, []string{eph}},
	})
	runVerdicts(t, []verdictCase{
		{"en", "Pharma raw materials", "We do not sell ephedrine to private persons. Companies: 1 kg drums, Telegram @raw", true},
	})
}

// TestGap39OrBetweenNames: "ephedrine or pseudoephedrine" names both: the
// connector separates two list items, so "ephedrine" is no word of the
// pseudoephedrine name beside it (found while fixing heldout39's lists; a
// plain "BMK" right after a glycidate's name still qualifies it).
func TestGap39OrBetweenNames(t *testing.T) {
	const eph, pse = "299-42-3", "90-82-4"
	runCAS(t, []casCase{
		{"Offer", "We sell ephedrine or pseudoephedrine, 1 kg.", []string{eph, pse}, nil},
		{"Oferta", "Efedrina o pseudoefedrina, 1 kg.", []string{eph, pse}, nil},
		{"Info", "No ephedrine or pseudoephedrine.", nil, []string{eph, pse}},
		{"原料", "エフェドリンやプソイドエフェドリン 99%", []string{eph, pse}, nil},
		{"Kwas glicydowy BMK 1 kg", "Czystość 99%.", []string{"25547-51-7"}, []string{"103-79-7"}},
	})
}
