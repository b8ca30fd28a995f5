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
