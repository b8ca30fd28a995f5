package matchers

import "testing"

// TestGap48NewPMKPowderZh: "新PMK粉末" is the reference's "new PMK powder",
// a trade name of PMK methyl glycidate (heldout48 zq0059), and not the
// ethyl ester's "新PMK" (new PMK oil) that it begins with. "新PMK" and
// "新PMK油" alone stay the ethyl ester.
func TestGap48NewPMKPowderZh(t *testing.T) {
	const methyl, ethyl = "13605-48-6", "28578-16-7"
	runCAS(t, []casCase{
		{"PMK甲基缩水甘油酸酯 CAS 13605-48-6", "新PMK粉末，高纯度，可发荷兰。", []string{methyl}, []string{ethyl}},
		{"新PMK粉末 1kg", "高纯度，现货。", []string{methyl}, []string{ethyl}},
		{"新PMK粉 1kg", "高纯度，现货。", []string{methyl}, []string{ethyl}},
		{"新PMK油 1kg", "高纯度，现货。", []string{ethyl}, []string{methyl}},
		{"新PMK 1kg", "高纯度，现货。", []string{ethyl}, []string{methyl}},
	})
}

// TestGap48CJKAcidApartFromSaltName: 硫酸 and 盐酸 are blocked by the names
// of the substances they make salts with (硫酸麻黄碱 ephedrine sulphate,
// 盐酸伪麻黄碱) only when glued to them. In a list of controlled chemicals
// that names ephedrine apart ("第一类包括麻黄碱…；第二类包括丙酮、甲苯、硫酸",
// heldout48 zq0027) the acid is the acid.
func TestGap48CJKAcidApartFromSaltName(t *testing.T) {
	const h2so4, hcl, ephedrine = "7664-93-9", "7647-01-0", "299-42-3"
	runCAS(t, []casCase{
		{"教学：易制毒化学品分类介绍", "第一类包括麻黄碱、胡椒醛、黄樟素等；第二类包括丙酮、甲苯、硫酸。", []string{h2so4, ephedrine}, nil},
		{"易制毒化学品目录", "第一类：麻黄碱、伪麻黄碱；第二类：盐酸、硫酸。", []string{h2so4, hcl, ephedrine}, nil},
		{"硫酸麻黄碱 1kg", "现货。", []string{ephedrine}, []string{h2so4}},
		{"盐酸伪麻黄碱片", "每盒10片，含伪麻黄碱。", nil, []string{hcl}},
		{"盐酸麻黄素 麻黄碱 99% 现货", "包清关到澳洲。", []string{ephedrine}, []string{hcl}},
		{"硫酸镁 25公斤 现货", "麻黄碱另询。", nil, []string{h2so4}},
	})
}

// TestGap48WhyControlledQuestion: a lesson asking why a substance is
// controlled ("Aula: por que a pseudoefedrina é controlada?", heldout48
// zq0089) names it without offering it, as "why is" does in English; the
// conversion it explains is the lesson's subject. A seller's "why is it so
// hard to find? we have it" stays an offer.
func TestGap48WhyControlledQuestion(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"pt", "Aula: por que a pseudoefedrina é controlada?", "Explicamos a conversão da pseudoefedrina em metanfetamina no contexto regulatório, sem detalhes de síntese.", false},
		{"es", "Lección: ¿por qué la pseudoefedrina está controlada?", "Explicamos la conversión de la pseudoefedrina en metanfetamina en el contexto regulatorio.", false},
		{"it", "Lezione: perché l'efedrina è controllata?", "Spieghiamo il contesto normativo.", false},
		{"pt", "Efedrina HCl 500 g", "Por que é tão difícil de achar? Temos em estoque, envio discreto.", true},
		{"pt", "Pseudoefedrina 1 kg", "Pureza 99%, envio para todo o Brasil.", true},
	})
}

// TestGap48DocumentHeading: a title headed by a document's name
// ("Certificate of Analysis – Phenylacetic acid, lot 2026-0412", heldout48
// zq0075; "Safety Data Sheet (SDS) – …", "分析证书：…") is that document,
// which states an assay and names the substance without offering it. A
// price, a contact, an offer word, a bulk quantity or a risk indicator make
// it a sales sheet again ("CoA excerpt: … declared as 'flavour
// intermediate' … Order via Threema", zq0076), and a seller's "COA
// available" or the gel "SDS-PAGE" heads no document.
func TestGap48DocumentHeading(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"en", "Certificate of Analysis – Phenylacetic acid, lot 2026-0412", "Assay (HPLC): 99.6 %. Melting point: 76–77 °C. Water: 0.08 %. Released by QA.", false},
		{"en", "Safety Data Sheet (SDS) – Safrole", "Section 1: identification. Assay 99 %.", false},
		{"zh", "分析证书：苯乙酸", "含量 99.6%，批号 2026-0412。", false},
		{"de", "Analysenzertifikat: Piperonal, Charge 2207", "Gehalt (GC): 99,7 %. Freigegeben durch QS.", false},
		{"en", "CoA excerpt: BMK methyl glycidate, 'purity 99.8%'", "CoA for BMK methyl glycidate lot 2207, purity 99.8%. Note from seller: label declared as 'flavour intermediate' for safe pass to EU. Order via Threema.", true},
		{"en", "Certificate of Analysis – Phenylacetic acid", "Assay 99.6 %. Price USD 40/kg, in stock.", true},
		{"en", "COA: Phenylacetic acid 99%", "Contact sales@chem.example for the price.", true},
		{"en", "Phenylacetic acid 99%, COA available", "1 kg bottles.", true},
		{"en", "SDS-PAGE gel with ephedrine", "Assay 99%.", true},
	})
}

// TestGap48WasteContractorNotice: a holder's notice inviting licensed waste
// contractors to collect its surplus chemicals (heldout48 zq0118, a
// university's procurement notice) pays to be rid of them and offers no
// sale. A clearance sale that only says the goods would otherwise be
// disposed of stays an offer.
func TestGap48WasteContractorNotice(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"en", "Procurement notice: surplus chemicals to be disposed – Dept. of Chemistry", "Invitation to licensed waste contractors to collect surplus and expired chemicals incl. piperonal (500 g), safrole (100 mL), potassium permanganate (2 kg), benzaldehyde. Collection under hazardous-waste licence only.", false},
		{"de", "Chemikalien aus Laborauflösung: Safrol 1 L", "Abholung nur durch zertifizierte Entsorgungsfachbetriebe, Entsorgungsnachweis erforderlich.", false},
		{"en", "Surplus chemicals to be disposed of – make an offer", "Piperonal 500 g, safrole 100 mL. Cash, pickup or we ship.", true},
		{"de", "Laborauflösung: Safrol 1 L, Piperonal 500 g", "Restbestände, sonst zur Entsorgung bestimmt. EUR 350, Versand möglich.", true},
	})
}
