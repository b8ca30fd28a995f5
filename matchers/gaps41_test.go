package matchers

import "testing"

// TestGap41HebrewSulfuric: the Hebrew name of sulfuric acid in its usual
// spelling, "חומצה גופרתית", also with the glued "and" (heldout41 zj0077).
func TestGap41HebrewSulfuric(t *testing.T) {
	const sul = "7664-93-9"
	runCAS(t, []casCase{
		{"המשטרה תפסה מעבדה", "במעבדה נמצאו חביות אצטון וחומצה גופרתית.", []string{sul}, nil},
		{"חומצה גופרתית 98%", "ג'ריקן 20 ליטר.", []string{sul}, nil},
	})
}

// TestGap41RomanceEsterOrder: the ester adjective after "glicidato de BMK"
// in Romance word order ("Glicidato de BMK etílico", "glicidato etílico de
// BMK", heldout41 zj0073) names the ester alone, not also the glycidic acid
// and BMK; in es, pt, it, fr, ro, ethyl and methyl, BMK and PMK.
func TestGap41RomanceEsterOrder(t *testing.T) {
	const bmk, bmkAcid, bmkEt, bmkMe = "103-79-7", "25547-51-7", "41232-97-7", "80532-66-7"
	const pmk, pmkAcid, pmkEt, pmkMe = "4676-39-5", "2167-83-7", "28578-16-7", "13605-48-6"
	et := []string{bmk, bmkAcid, bmkMe}
	me := []string{bmk, bmkAcid, bmkEt}
	pet := []string{pmk, pmkAcid, pmkMe}
	pme := []string{pmk, pmkAcid, pmkEt}
	runCAS(t, []casCase{
		{"Glicidato de BMK etílico", "1 kg, entrega discreta.", []string{bmkEt}, et},
		{"Glicidato etílico de BMK", "1 kg.", []string{bmkEt}, et},
		{"Glicidato de BMK metílico", "1 kg.", []string{bmkMe}, me},
		{"Glicidato metílico de BMK", "1 kg.", []string{bmkMe}, me},
		{"Glicidato de PMK etílico", "1 kg.", []string{pmkEt}, pet},
		{"Glicidato metílico de PMK", "1 kg.", []string{pmkMe}, pme},
		{"Glicidato di BMK etilico", "1 kg.", []string{bmkEt}, et},
		{"Glicidato etilico di PMK", "1 kg.", []string{pmkEt}, pet},
		{"Glycidate de BMK éthylique", "1 kg.", []string{bmkEt}, et},
		{"Glycidate méthylique de PMK", "1 kg.", []string{pmkMe}, pme},
		{"Glicidat de BMK etilic", "1 kg.", []string{bmkEt}, et},
		{"Glicidat metilic de PMK", "1 kg.", []string{pmkMe}, pme},
	})
}

// TestGap41CompanyDenies: a compliance statement in the third person ("Our
// company does not supply piperonyl methyl ketone, phenylacetone or BMK/PMK
// glycidates", heldout41 zj0065) denies the names it lists, as "we do not
// supply" does; an emphasised "NOT" is the same cue.
func TestGap41CompanyDenies(t *testing.T) {
	const p2p, pmk = "103-79-7", "4676-39-5"
	runCAS(t, []casCase{
		{"We do NOT sell PMK, BMK or their glycidates", "", nil, []string{p2p, pmk}},
		{"Compliance", "Our company does not supply piperonyl methyl ketone, phenylacetone or BMK/PMK glycidates.", nil, []string{p2p, pmk}},
		{"Compliance", "The company does not sell phenylacetone.", nil, []string{p2p}},
		{"Compliance", "Our shop doesn't stock phenylacetone or piperonyl methyl ketone.", nil, []string{p2p, pmk}},
		// A denial of something else before the name denies no name.
		{"Phenylacetone 99%", "Our company does not sell to private persons. Phenylacetone 1 kg.", []string{p2p}, nil},
	})
}

// TestGap41ProductCode: an ambiguous abbreviation joined by a hyphen to a
// number is a product code ("Our thinner MEK-002", heldout41 zj0027), even
// beside its own context word ("thinner"); a quantity or purity after the
// hyphen, or the substance's CAS number, keeps it the substance.
func TestGap41ProductCode(t *testing.T) {
	const mek, p2p = "78-93-3", "103-79-7"
	runCAS(t, []casCase{
		{"MEK-free thinner, low odour", "Our thinner MEK-002 replaces classic solvents. Product code MEK-002, 5 L.", nil, []string{mek}},
		{"Thinner", "Product code MEK-002, 5 L.", nil, []string{mek}},
		{"BMK-200 solvent kit", "BMK-200, 5 L.", nil, []string{p2p}},
		// Quantities, purities and the CAS number.
		{"MEK solvent", "MEK-200 L drums.", []string{mek}, nil},
		{"MEK solvent", "MEK-99.5%, 200 L drum.", []string{mek}, nil},
		{"MEK thinner", "MEK-002, CAS 78-93-3.", []string{mek}, nil},
		{"MEK solvent", "MEK 200 L drums.", []string{mek}, nil},
	})
}

// TestGap41ResearchAbstract: a research abstract's wording ("Impurity
// profiling of …", "We analyzed route markers", "in this study", "was
// synthesized from") makes a page that names precursors a report, even
// where "synthesized from" would read as a synthesis hint (heldout41
// zj0054); an offer with a synthesis hint stays one.
func TestGap41ResearchAbstract(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"en", "Impurity profiling of MDMA synthesized from PMK glycidate", "We analyzed route markers from PMK methyl glycidate (13605-48-6) and safrole.", false},
		{"en", "Route markers of amphetamine", "In this study, amphetamine was synthesized from P2P (103-79-7) by the Leuckart route and the samples were analysed by GC-MS.", false},
		{"en", "We report impurity markers of methamphetamine", "Methamphetamine was synthesized from ephedrine and pseudoephedrine by reduction.", false},
		// Offers with a synthesis hint.
		{"en", "PMK glycidate 99% for sale", "PMK methyl glycidate 13605-48-6, 1 kg. MDMA can be synthesized from it, recipe included. Telegram @chemx", true},
		{"en", "BMK methyl glycidate oil", "High yield conversion to P2P, 5 kg in stock, Wickr: labx", true},
	})
}

// TestGap41ReplacementTarget: a designer precursor offered as the
// "replacement for" a Table I precursor names that precursor as the target
// it converts to (heldout41 zj0099 "DEPAPD … Replacement for BMK"); a
// consumer product set against a name ("the pseudoephedrine replacement")
// or a thinner replacing a solvent still names none.
func TestGap41ReplacementTarget(t *testing.T) {
	const p2p, pmk, pse, ace = "103-79-7", "4676-39-5", "90-82-4", "67-64-1"
	runCAS(t, []casCase{
		{"DEPAPD diethyl (phenylacetyl)propanedioate", "Diethyl(phenylacetyl)malonate, CAS 20320-59-6, 99%. Replacement for BMK.", []string{p2p, "20320-59-6"}, nil},
		{"MAMDPA 99%, PMK substitute", "1 kg powder.", []string{pmk}, nil},
		{"Phenylephrine 10 mg — the pseudoephedrine replacement", "Non-drowsy nasal decongestant tablets, 36 ct.", nil, []string{pse}},
		{"Eco thinner", "Replacement for acetone, 5 L.", nil, []string{ace}},
		// A designer precursor beside a name denied otherwise.
		{"DEPAPD 99%", "CAS 20320-59-6. We do not sell BMK.", []string{"20320-59-6"}, []string{p2p}},
	})
}
