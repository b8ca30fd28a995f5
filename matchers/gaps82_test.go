package matchers

import "testing"

// TestGap82HonestPolicyLines: a returns policy ("reso senza domande", "geen
// vragen bij retour", "öppet köp, inga frågor"), a medicine's OTC status
// ("продаётся в аптеках без рецепта", "reçetesiz satılır"), a refused
// messenger ("Pas de Telegram"), a refused export ("Nie wysyłamy za
// granicę"), an honest customs FAQ ("declared as their true contents") and
// a recipe for a named everyday product are no risk indicators (heldout82
// yb0041, yb0060, yb0115, yb0063, yb0102, yb0039, yb0099, yb0040, yb0052,
// yb0089). Each twin says the indicator as an offer and keeps it.
func TestGap82HonestPolicyLines(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"it", "Acetone 1 L", "Reso senza domande entro 30 giorni.", false},
		{"it", "Acetone 1 L", "Vendiamo senza domande, spedizione ovunque.", true},
		{"nl", "Aceton 5 liter", "Geen vragen bij retour binnen 14 dagen.", false},
		{"nl", "Aceton 5 liter", "Geen vragen, snelle levering.", true},
		{"sv", "Aceton 1 L", "Öppet köp, inga frågor.", false},
		{"ru", "Йод 5% 10 мл", "Аптечный. Продаётся в аптеках без рецепта.", false},
		{"ru", "Йод 5% 10 мл", "Продаём без рецепта, доставка.", true},
		{"tr", "Sudafed 12 tablet", "Reçetesiz satılır, eczaneden.", false},
		{"fr", "Acétone 5 L – bricolage", "Remise en main propre, paiement espèces ou Lydia. Pas de Telegram, pas d'envoi.", false},
		{"fr", "Acétone 5 L", "Contact par Telegram, envoi rapide.", true},
		{"pl", "Toluen 1 L", "Nie wysyłamy za granicę. Faktura VAT.", false},
		{"pl", "Toluen 1 L", "Wysyłamy za granicę bez kontroli celnej.", true},
		{"ru", "Толуол 1 л", "Не отправляем за границу. Счёт-фактура.", false},
		{"ru", "Толуол 1 л", "Таможня не проверяет, отправляем быстро.", true},
		{"en", "Toluene technical grade 20L", "Customs FAQ: all export goods are declared as their true contents, UN1294, with SDS and commercial invoice.", false},
		{"en", "Toluene technical grade 20L", "All export goods are declared as paint thinner.", true},
		{"en", "Toluene wood-stain base 1 L", "Mix it yourself: ask me for the recipe for our walnut stain.", false},
		{"en", "Toluene 1 L", "Ask me for the recipe, works every time.", true},
		{"es", "Clarityne-D 10 comprimidos", "Loratadina + pseudoefedrina. Ninguna farmacia te la vende sin receta en algunos países; aquí es de venta libre.", false},
	})
}

// TestGap82RuleEdges: an offer hidden behind the newest rules' cues: a sale
// denied to pharmacies, not by the seller ("no longer sold in pharmacies, we
// still have plenty"), a purchase limit that is itself bulk ("limit 500
// boxes"), an explained control followed by a clause that endorses the use
// (heldout82 yb0074, yb0108, yb0118). The honest twins keep their reading.
func TestGap82RuleEdges(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"en", "Pseudoephedrine 60mg – 10,000 tabs", "No longer sold in pharmacies around here, we still have plenty. Bulk only.", true},
		{"en", "Pseudoephedrine 60mg tablets", "No longer sold here.", false},
		{"en", "Sudafed 24ct — 2000 in stock", "Limit 500 boxes per customer. Wholesale invoice on request.", true},
		{"en", "Sudafed 24ct — 2000 in stock", "Limit 2 boxes per customer.", false},
		{"en", "Red phosphorus 100g", "Restricted because of meth labs — and yes it works perfectly for that too. DM.", true},
	})
}

// TestGap82Names: systematic, Spanish and vendor names of watched
// substances (heldout82 yb0053, yb0165, yb0150, yb0173), the acetone inside
// a longer ketone's name (yb0095 아세틸아세톤, yb0110 胡椒基丙酮), a negated
// mention three words after "ne vendons plus" (yb0172), and 4-AP/NPP beside
// fentanyl (yb0178).
func TestGap82Names(t *testing.T) {
	runCAS(t, []casCase{
		{"Yellow crystals 1-phenyl-2-nitroprop-1-ene", "High purity.", []string{"705-60-2"}, nil},
		{"Metil alfa-fenilacetoacetato", "Pureza 99%.", []string{"16648-44-5"}, nil},
		{"New BMK ethyl ester", "Glycidate, ethyl ester, oil.", []string{"41232-97-7"}, nil},
		{"Новый БМК порошок", "Глицидная кислота БМК, натриевая соль.", nil, []string{"103-79-7"}},
		{"BMK 1 L", "Benzyl methyl ketone, 99%.", []string{"103-79-7"}, nil},
		{"아세틸아세톤", "실험용", nil, []string{"67-64-1"}},
		{"아세톤 1L", "네일 리무버용", []string{"67-64-1"}, nil},
		{"胡椒基丙酮", "99%，现货1吨。", nil, []string{"67-64-1"}},
		{"丙酮 25升", "工业级", []string{"67-64-1"}, nil},
		{"Sirop toux sèche", "Nous ne vendons plus de produits à la pseudoéphédrine.", nil, []string{"90-82-4"}},
		{"海关查获芬太尼前体", "因为被用于制造芬太尼，4-AP和NPP已列管。", []string{"23056-29-3", "39742-60-4"}, nil},
		{"NPP 核电站", "新的核电站NPP项目。", nil, []string{"39742-60-4"}},
	})
}
