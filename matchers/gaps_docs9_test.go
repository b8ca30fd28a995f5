package matchers

import "testing"

// TestGapDocs9MergeTags: a newsletter saved before its merge tags were
// filled (document h9-newsletter-digest-hypophosphorous: "Hi *|FNAME|*,")
// greets its reader with a placeholder, which is no word: "Hi *|FNAME|*,"
// reads as the greeting "Hi,", and a term right before a placeholder for
// the reader's name is a salutation, in Mailchimp, Handlebars/Liquid,
// %FIELD%, %%FIELD%%, [[FIELD]] and ${field} syntax. Twins: hydriodic acid
// named as HI with its context, beside a placeholder elsewhere or after a
// placeholder that fills in something else, stays.
func TestGapDocs9MergeTags(t *testing.T) {
	const hi, hypo = "10034-85-2", "6303-21-5"
	body := "\nBack in stock: hypophosphorous acid 50%, 500 ml. No paperwork. Telegram @labdeals_hq"
	runCAS(t, []casCase{
		{"Lab Deals Weekly #118", "Hi *|FNAME|*," + body, []string{hypo}, []string{hi}},
		{"Lab Deals Weekly #118", "Hi {{first_name}}," + body, []string{hypo}, []string{hi}},
		{"Lab Deals Weekly #118", "Hi {{ contact.first_name | default: 'there' }}!" + body, []string{hypo}, []string{hi}},
		{"Lab Deals Weekly #118", "Hi %FIRSTNAME%," + body, []string{hypo}, []string{hi}},
		{"Lab Deals Weekly #118", "HI %%FirstName%%" + body, []string{hypo}, []string{hi}},
		{"Lab Deals Weekly #118", "Hi [[FirstName]] and welcome back." + body, []string{hypo}, []string{hi}},
		{"Lab Deals Weekly #118", "Hi ${firstName}\n" + body, []string{hypo}, []string{hi}},
		// Twins: HI named with its context stays.
		{"Lab Deals Weekly #118", "Hi *|FNAME|*," + body + "\nAlso: HI 57%, 1 L, stabilised.", []string{hypo, hi}, nil},
		{"Lab Deals Weekly #118", "Hello *|FNAME|*, HI 57% 1 L with red P." + body, []string{hypo, hi}, nil},
		{"HI 57% 1 L", "HI *|PRICE|* per litre, hydriodic acid, red P on request." + body, []string{hypo, hi}, nil},
	})
}

// TestGapDocs9NegatedClassList: a shop's "we do not sell/ship/stock" line
// names a class and then its examples (document
// h9-newsletter-digest-hypophosphorous: "We do not sell DEA-scheduled
// substances such as ephedrine, pseudoephedrine or safrole"): the class
// may carry an agency or list modifier joined by a hyphen, and the same
// line in the lexicon's other languages ("Nous ne vendons pas de
// précurseurs comme l'éphédrine…", "Мы не продаём прекурсоры, такие как
// эфедрин…", "No vendemos sustancias controladas como la efedrina…")
// denies every example. Twins: a class denied and then an offer of the
// examples, a condition of sale, and a modifier that is no class word
// stay offers.
func TestGapDocs9NegatedClassList(t *testing.T) {
	const eph, pse, saf = "299-42-3", "90-82-4", "94-59-7"
	all := []string{eph, pse, saf}
	runCAS(t, []casCase{
		{"Footer", "We do not sell DEA-scheduled substances such as ephedrine, pseudoephedrine or safrole, and we reserve the right to cancel any order.", nil, all},
		{"Footer", "We do not sell DEA scheduled substances such as ephedrine, pseudoephedrine or safrole.", nil, all},
		{"Footer", "We do not stock EU-listed precursors like ephedrine, pseudoephedrine or safrole.", nil, all},
		{"Policy", "Wij verkopen geen gecontroleerde stoffen zoals efedrine, pseudo-efedrine of safrol.", nil, all},
		{"Informacja", "Nie sprzedajemy substancji kontrolowanych, takich jak efedryna, pseudoefedryna lub safrol.", nil, all},
		{"Avviso", "Non vendiamo sostanze controllate come l'efedrina, la pseudoefedrina o il safrolo.", nil, all},
		{"Aviso", "Não vendemos substâncias controladas como a efedrina, a pseudoefedrina ou o safrol.", nil, all},
		{"Примітка", "Ми не продаємо прекурсори, такі як ефедрин, псевдоефедрин або сафрол.", nil, all},
		{"Pied de page", "Nous ne vendons pas de précurseurs comme l'éphédrine, la pseudoéphédrine ou le safrole.", nil, all},
		{"Подвал", "Мы не продаём прекурсоры, такие как эфедрин, псевдоэфедрин или сафрол.", nil, all},
		{"Pie", "No vendemos sustancias controladas como la efedrina, la pseudoefedrina o el safrol.", nil, all},
		{"Fußzeile", "Wir verkaufen keine kontrollierten Stoffe wie Ephedrin, Pseudoephedrin oder Safrol.", nil, all},
		// Twins: offers stay offers.
		{"Ephedrine HCl 99%", "We do not sell DEA-scheduled substances such as ephedrine to private persons. Companies: 1 kg drums.", []string{eph}, nil},
		{"Chemicals", "We do not sell cheap-grade products such as ephedrine 90%; ours is 99%, 1 kg.", []string{eph}, nil},
		{"Chemicals", "We do not sell DEA-scheduled substances. In stock: ephedrine 99%, 1 kg.", []string{eph}, nil},
	})
	runVerdicts(t, []verdictCase{
		{"en", "Lab Deals Weekly #118", "Acetone ACS 4 L $24.50.\nWe do not sell DEA-scheduled substances such as ephedrine, pseudoephedrine or safrole, and we reserve the right to cancel any order.", false},
		{"en", "Ephedrine HCl 99%", "We do not sell DEA-scheduled substances such as ephedrine to private persons. Companies: 1 kg drums, Telegram @raw", true},
	})
}

// TestGapDocs9ContentsRemoved: a set or a container sold without its
// chemicals (document h9-fbgroup-post-chemistry-set-comments: a 1962
// chemistry set, "All chemicals were removed and disposed of … The empty
// bottles stay in the case", and a comment asking about its potassium
// permanganate bottle) names the substances on its labels without offering
// them, in the lexicon's languages. Twins: the same set with a quantity of
// the substance, a contact, a purity or a risk indicator, or without the
// statement, stays an offer.
func TestGapDocs9ContentsRemoved(t *testing.T) {
	set := "FS: 1962 chemistry set No. 12, wooden case, all original glassware plus both manuals. " +
		"All chemicals were removed and disposed of before listing. The empty bottles stay in the case. $85, pickup in Dayton.\n" +
		"Marla: Does it still have the little potassium permanganate bottle with the purple label?\n" +
		"Harold: yes, the bottle is there, just empty like the rest."
	runVerdicts(t, []verdictCase{
		{"en", "Vintage Lab Glass & Chemistry Set Collectors", set, false},
		{"en", "Vintage apothecary bottle", "Empty potassium permanganate bottle, 1950s, brown glass with the original label. $15", false},
		{"de", "Chemiebaukasten Kosmos 1970", "Chemiebaukasten mit Glasgeräten und Anleitung, ohne Chemikalien. Die Flasche Kaliumpermanganat ist leer. 40 €", false},
		{"fr", "Coffret de chimie ancien", "Coffret complet, verrerie et notice, sans produits chimiques : flacons vides (permanganate de potassium). 30 €", false},
		{"es", "Juego de química antiguo", "Juego completo con tubos de ensayo, sin productos químicos; frascos vacíos de permanganato de potasio. 25 €", false},
		{"ru", "Набор юного химика 1985", "Набор без реактивов, только посуда; пустые баночки от перманганата калия. 900 руб.", false},
		// Twins: a quantity, a contact, a purity, an indicator, no statement.
		{"en", "Vintage Lab Glass & Chemistry Set Collectors", set + "\nI also have potassium permanganate 500 g, $20.", true},
		{"en", "Vintage Lab Glass & Chemistry Set Collectors", set + "\nPotassium permanganate for sale separately, Telegram @labglass.", true},
		{"en", "Vintage Lab Glass & Chemistry Set Collectors", set + "\nSpare potassium permanganate 99% crystals available, discreet shipping.", true},
		{"en", "Chemistry set", "Chemistry set No. 12 with the potassium permanganate bottle, full. $85", true},
		{"en", "Potassium permanganate, pharmacy grade", "Potassium permanganate for pond treatment. Return your empty bottles for a refill discount.", true},
		{"en", "Potassium permanganate, pharmacy grade", "Potassium permanganate for pond treatment. Empty the bottle into the pond water slowly.", true},
	})
}
