package matchers

import "testing"

// TestGap46BaseToHydrochloride: turning a base into its hydrochloride
// ("Ideal para pasar la base a clorhidrato", hydrochloric acid sold for it,
// heldout46 zo0002) is a conversion hint, as "freebase to HCl" is in
// English. The salt name alone ("clorhidrato de metformina") and plain
// hydrochloric acid stay what they were.
func TestGap46BaseToHydrochloride(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"es", "Ácido clorhídrico (muriático) 35% bidón 20 L", "Ácido clorhídrico / muriático 35% bidón 20 L. Ideal para pasar la base a clorhidrato, te paso la receta por privado.", true},
		{"es", "Ácido muriático 33% 5 L", "Sirve para convertir la base en clorhidrato.", true},
		{"pt", "Ácido muriático 33% 5 L", "Ideal para passar a base para cloridrato.", true},
		{"en", "Hydrochloric acid 32%, 25 L", "Perfect for turning the base into the hydrochloride.", true},
		{"es", "Ácido muriático 33% 5 L", "Para limpieza de pisos y sarro. Envío a todo el país.", false},
		{"es", "Ácido clorhídrico 35% 20 L", "Grado técnico, para ajuste de pH. Factura A.", false},
	})
}

// TestGap46CustomsPassBalkan: "passes customs, 100% guaranteed" in
// Bulgarian ("минава митница 100% гарантирано" to Turkey and Greece,
// heldout46 zo0007) and its Serbian/Croatian and Macedonian twins is the
// customs-pass indicator, as "passes customs" and "customs … guaranteed"
// are in English. Duties included and plain delivery stay no indicator.
func TestGap46CustomsPassBalkan(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"bg", "Толуен 99,9% 200 л", "Толуен 99,9% в бидони 200 л. Изпращаме и до Турция и Гърция, минава митница 100% гарантирано.", true},
		{"bg", "Ацетон 99,5% 200 л", "Изпращаме до Сърбия, митницата е гарантирана.", true},
		{"bg", "Толуен 99,9% 200 л", "Пращаме до Гърция, минава през митницата без проблем.", true},
		{"sr", "Aceton 99,5% 200 l", "Šaljemo u Bosnu i Crnu Goru, prolazi carinu 100%.", true},
		{"mk", "Толуен 99,9% 200 л", "Испраќаме во Грција, минува царина гарантирано.", true},
		{"bg", "Толуен 99,9% 200 л", "Изпращаме и до Гърция, митата и таксите са включени.", false},
		{"bg", "Толуен 99,9% 200 л", "Доставка с Еконт до цялата страна, наложен платеж.", false},
	})
}

// TestGap46MexicanSeizureNews: Mexican news writes a seizure with
// "asegurar" ("Aseguran 500 kg de metilamina y pseudoefedrina … La Marina
// aseguró …", heldout46 zo0050): the "declarado como 'pintura'" it quotes is
// the reporter's, not an offer's mislabelling. A seller's "aseguramos" /
// "envío asegurado" (we ensure, insured shipping) is no report.
func TestGap46MexicanSeizureNews(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"es", "Aseguran 500 kg de metilamina y pseudoefedrina en Manzanillo", "La Marina aseguró 500 kg de metilamina y cajas de pseudoefedrina en un contenedor procedente de Asia, declarado como 'pintura'.", false},
		{"es", "Aseguran cargamento de efedrina en Lázaro Cárdenas", "El cargamento, declarado como 'pintura', fue puesto a disposición del Ministerio Público.", false},
		{"es", "Fueron asegurados 200 litros de acetona y tolueno", "El aseguramiento ocurrió en Sinaloa; la carga iba declarada como 'solvente de limpieza'.", false},
		{"es", "Efedrina 1 kg", "Aseguramos la calidad. Envío asegurado, declarado como 'pintura'.", true},
		{"es", "Pseudoefedrina 1 kg", "Te aseguro 99% pureza, envío discreto.", true},
	})
}

// TestGap46HungarianSaltAdjective: the Hungarian adjective of a mineral
// acid names a salt of it, not the acid ("Kálium-szulfát (kénsavas kálium)
// műtrágya", potassium sulphate, heldout46 zo0010; "sósavas efedrin" is
// ephedrine hydrochloride), as do the old German "schwefelsaure Tonerde"
// (aluminium sulphate). The acid itself in any case ("kénsavat", "96%-os
// kénsav") stays the acid, and a Table I acid's salt ("fenilecetsavas
// nátrium") stays the Table I acid.
func TestGap46HungarianSaltAdjective(t *testing.T) {
	runCAS(t, []casCase{
		{"Kálium-szulfát műtrágya 25 kg", "Kálium-szulfát (kénsavas kálium) műtrágya 25 kg, szőlőhöz és gyümölcsöshöz.", nil, []string{"7664-93-9"}},
		{"Kénsavas ammónium 25 kg", "Műtrágya.", nil, []string{"7664-93-9"}},
		{"Sósavas efedrin 1 kg", "Fehér por.", []string{"299-42-3"}, []string{"7647-01-0"}},
		{"Schwefelsaure Tonerde 25 kg", "Aluminiumsulfat für Teiche.", nil, []string{"7664-93-9"}},
		{"Kénsavat árulok 30 l", "96%-os kénsav, kannában.", []string{"7664-93-9"}, nil},
		{"Sósav 33% 5 l", "Vízkőoldáshoz.", []string{"7647-01-0"}, nil},
		{"Fenilecetsavas nátrium 1 kg", "Fehér por.", []string{"103-82-2"}, nil},
		{"Schwefelsäure 96% 25 l", "Technische Qualität.", []string{"7664-93-9"}, nil},
	})
}

// TestGap46GlycidicAcidCentralEurope: "glycidic acid" in Serbian, Croatian,
// Slovene, Bulgarian, Czech, Slovak, Hungarian and Romanian names the
// glycidic acid, so the abbreviation inside the name is no bare PMK or BMK
// ("PMK glicidna kiselina (PMK glycidic acid) u prahu, CAS 2167189-50-4",
// heldout46 zo0075). The bare abbreviation with its own context stays the
// parent ketone.
func TestGap46GlycidicAcidCentralEurope(t *testing.T) {
	const pmkA, bmkA, pmk, bmk = "2167189-50-4", "25547-51-7", "4676-39-5", "103-79-7"
	runCAS(t, []casCase{
		{"PMK glicidna kiselina u prahu", "PMK glicidna kiselina (PMK glycidic acid) u prahu, CAS 2167189-50-4. Pošiljka diskretno, kontakt Signal.", []string{pmkA}, []string{pmk}},
		{"Prodajem PMK glicidnu kiselinu 1 kg", "Bijeli prah, 99%.", []string{pmkA}, []string{pmk}},
		{"BMK glicidna kiselina 1 kg", "Prah, 99%.", []string{bmkA}, []string{bmk}},
		{"PMK глицидна киселина 1 кг", "Бял прах, 99%.", []string{pmkA}, []string{pmk}},
		{"BMK glycidová kyselina 1 kg", "Bílý prášek, 99%.", []string{bmkA}, []string{bmk}},
		{"PMK-glicidsav 1 kg", "Fehér por, 99%.", []string{pmkA}, []string{pmk}},
		{"Acid glicidic PMK 1 kg", "Pulbere albă, 99%.", []string{pmkA}, []string{pmk}},
		{"PMK glicidna kislina 1 kg", "Bel prah.", []string{pmkA}, []string{pmk}},
		{"PMK ulje 1 l", "CAS 4676-39-5, 99%.", []string{pmk}, []string{pmkA}},
	})
}
