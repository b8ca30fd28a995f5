package matchers

import "testing"

// TestGap31SpacedLongerName: a longer compound's name written with a space
// inside one of its words names the longer compound only, not the shorter
// name its tail spells: "fenil acetona" (es, pt) and "fenil acetone" (it)
// are phenylacetone, not acetone (heldout31 o0038); "3,4 methylenedioxy
// phenyl 2 propanone" is PMK, not P-2-P (o0175); "iso safrole" is
// isosafrole. Two words that make no longer name stay apart.
func TestGap31SpacedLongerName(t *testing.T) {
	runCAS(t, []casCase{
		{"fenilacetona P2P 5 litros", "fenil acetona (1-fenil-2-propanona) 5 L, alta pureza. whatsapp", []string{"103-79-7"}, []string{"67-64-1"}},
		{"Fenil acetona 5 L", "Alta pureza, envío a todo el país.", []string{"103-79-7"}, []string{"67-64-1"}},
		{"Fenil acetone 1 L", "Purezza 99%.", []string{"103-79-7"}, []string{"67-64-1"}},
		{"MDP2P 500ml", "mdp2p, 3,4 methylenedioxy phenyl 2 propanone, lab grade, stored cold. only serious buyers", []string{"4676-39-5"}, []string{"103-79-7"}},
		{"3,4 methylenedioxy phenyl 2 propanone 1 L", "Lab grade.", []string{"4676-39-5"}, []string{"103-79-7", "67-64-1"}},
		{"Iso safrole 1 L", "99%, lab grade.", []string{"120-58-1"}, []string{"94-59-7"}},
		// Names the plain scan finds stay as they were.
		{"Phenyl acetone 1 L", "99%.", []string{"103-79-7"}, []string{"67-64-1"}},
		{"Acetona pura 1 L", "Alcohol acetona, 5 L.", []string{"67-64-1"}, nil},
		{"Safrole oil 1 L", "Sassafras safrole 99%.", []string{"94-59-7"}, []string{"120-58-1"}},
	})
}

// TestGap31GlycidateSpelling: glycidate spelt with i, as the Romance and
// South Slavic languages spell it ("PMK methyl glicidate", heldout31
// o0158), names the glycidate, and the bare PMK or BMK in it is no mention
// of the parent ketone; the i spellings of those languages written with y
// ("glycidato de PMK") do too.
func TestGap31GlycidateSpelling(t *testing.T) {
	runCAS(t, []casCase{
		{"pmk methyl glycidate powder (pmk glicidate) CAS13605-48-6", "PMK methyl glicidate white powder 99%, 1kg/bag, foil bag discreet packing.", []string{"13605-48-6"}, []string{"4676-39-5"}},
		{"PMK methyl glicidate 1 kg", "White powder.", []string{"13605-48-6"}, []string{"4676-39-5"}},
		{"BMK methyl glicidate 1 kg", "Powder, 99%.", []string{"80532-66-7"}, []string{"103-79-7"}},
		{"PMK ethyl glicidate oil 1 L", "High yield.", []string{"28578-16-7"}, []string{"4676-39-5"}},
		{"BMK ethyl glicidate 5 L", "Oil.", []string{"41232-97-7"}, []string{"103-79-7"}},
		{"Glycidato de PMK 1 kg", "Polvo blanco.", []string{"13605-48-6"}, []string{"4676-39-5"}},
	})
}

// TestGap31RegulatorNotice: a regulator's notice of an obligation on a
// whole trade ("all distributors of ephedrine … must hold a category 1
// licence", heldout31 o0131) or of the date a rule enters into force names
// the substances without offering them. A licensed seller's own
// requirements stay an offer of a Table I chemical.
func TestGap31RegulatorNotice(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"en", "NOTICE: Registration required for ephedrine &amp; pseudo-ephedrine distributors", "From 1 January, all distributors of ephedrine, pseudoephedrine and their salts must hold a category 1 licence. Retail pack limits apply…", false},
		{"en", "New reporting duty for acetic anhydride", "The amended regulation enters into force on 1 March; every transaction has to be reported.", false},
		{"de", "Neue Meldepflicht für Ephedrin", "Die Verordnung tritt am 1. Juli in Kraft.", false},
		{"es", "Nuevas reglas para la efedrina", "Todos los distribuidores de efedrina deberán registrarse.", false},
		{"fr", "Éphédrine : nouvelles obligations", "Le décret entre en vigueur le 1er janvier.", false},
		{"en", "Pseudoephedrine HCl 25 kg", "Registration required for purchase; buyers must hold a valid licence and provide an end-user certificate.", true},
		{"en", "Ephedrine HCl 1 kg", "Licensed supplier, category 1 licence holder. Distributors welcome.", true},
	})
}

// TestGap31PersianNews: Persian seizure news ("کشف ۲۰۰ کیلوگرم افدرین در
// مرز … ماموران گمرک … کشف کردند", heldout31 o0173) reports the substance,
// it does not offer it; a Persian offer stays one.
func TestGap31PersianNews(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"fa", "کشف ۲۰۰ کیلوگرم افدرین در مرز", "ماموران گمرک ۲۰۰ کیلوگرم افدرین (ephedrine) را که به عنوان «مکمل غذایی» اظهار شده بود کشف کردند…", false},
		{"fa", "توقیف محموله سودوافدرین در فرودگاه", "به گزارش خبرگزاری، ۵۰ کیلوگرم سودوافدرین توقیف شد.", false},
		{"fa", "افدرین ۱ کیلوگرم", "خلوص ۹۹٪، ارسال محرمانه، تلگرام", true},
	})
}
