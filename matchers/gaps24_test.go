package matchers

import (
	"slices"
	"testing"

	"github.com/precwatch/precwatch"
)

// TestGap24PieceCounts: a count of pieces ("200 000 Stück", "50 000
// sztuk", "10.000 adet", "20 000 шт.", "5.000 stuks", "20,000 pieces")
// of a finished medicine with a Table I substance is a wholesale quantity
// from a thousand on, as tablets and capsules are (heldout24 a0006). A
// pharmacy pack of 20 pieces stays retail.
func TestGap24PieceCounts(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"de", "Pseudoephedrinhydrochlorid 120 mg Retardtabletten, 200 000 Stück", "Restposten aus Insolvenz, nur komplett abzugeben.", true},
		{"de", "Ephedrin-HCl 50 mg Tabletten, 12.000 Stk.", "Lagerräumung, nur an Abholer.", true},
		{"pl", "Pseudoefedryna 60 mg tabletki, 50 000 sztuk", "Cała partia, odbiór osobisty.", true},
		{"tr", "Psödoefedrin 60 mg tablet, 10.000 adet", "Depo boşaltma, hepsi birden.", true},
		{"ru", "Псевдоэфедрин 60 мг таблетки, 20 000 шт.", "Вся партия, самовывоз.", true},
		{"nl", "Efedrine 25 mg tabletten, 5.000 stuks", "Restpartij, alleen in zijn geheel.", true},
		{"en", "Pseudoephedrine 60 mg tablets, 20,000 pieces", "Clearance lot from a closed pharmacy.", true},
		// A pharmacy pack stays a retail medicine without indicator.
		{"de", "Pseudoephedrin 60 mg Tabletten, 20 Stück", "Apotheke, Packung mit 20 Stück, rezeptpflichtig.", false},
		{"pl", "Pseudoefedryna 60 mg, 12 sztuk", "Apteka internetowa, wysyłka w 24 h.", false},
	})
}

// TestGap24PeraceticAcid: PAA beside a name of peracetic acid or a
// disinfectant word in de, fr, es, pl, nl, zh, ru, tr, it, or beside
// peracetic acid's CAS 79-21-0, is peracetic acid, not phenylacetic acid
// (heldout24 a0024). PAA with phenylacetic acid's context stays it.
func TestGap24PeraceticAcid(t *testing.T) {
	m := mustMatcher(t)
	for _, tc := range []struct {
		title, desc string
		attrs       map[string]string
	}{
		{"PAA 15 % Desinfektionsmittel 20 L", "Peressigsäure für Lebensmittelbetriebe.", map[string]string{"CAS": "79-21-0"}},
		{"PAA 15 %, 20 L Kanister", "Peressigsäure 15 %, 99% Qualität.", nil},
		{"PAA 15 % désinfectant 20 L", "Acide peracétique pour l'industrie agroalimentaire, 99% de nos clients satisfaits.", nil},
		{"PAA 15 % 20 L, CAS 79-21-0", "Ácido peracético, desinfectante de superficies.", nil},
		{"PAA 15% 20 l", "Kwas nadoctowy, środek do dezynfekcji, 99% skuteczności.", nil},
		{"PAA 15% 20 L", "Perazijnzuur, ontsmettingsmiddel voor de voedingsindustrie. Zuiverheid 99%.", nil},
		{"PAA 15% 20升", "过氧乙酸消毒液，纯度99%。", nil},
		{"PAA 15%, 20 л", "Надуксусная кислота, дезинфицирующее средство, 99%.", nil},
		{"PAA %15 20 L", "Perasetik asit dezenfektan, %99 memnuniyet.", nil},
	} {
		got := m.Match(&precwatch.Listing{Title: tc.title, Description: tc.desc, Attributes: tc.attrs})
		if slices.Contains(offeredCAS(got), "103-82-2") || got.Suspicious {
			t.Errorf("title %q desc %q: CAS %v suspicious %v, want no phenylacetic acid; explain %q",
				tc.title, tc.desc, offeredCAS(got), got.Suspicious, got.Explain)
		}
	}
	runCAS(t, []casCase{
		{"PAA (phenylacetic acid) 99% powder 1 kg", "Crystals, CAS 103-82-2.", []string{"103-82-2"}, nil},
		{"PAA 99% Pulver 1 kg", "Phenylessigsäure, Kristalle.", []string{"103-82-2"}, nil},
	})
}

// TestGap24PetroleumEther: petroleum ether in French ("éther de
// pétrole") or beside its CAS 8032-32-4, and "ether" beside the one-word
// forms (Petrolether, petroleumether) or the Spanish, Italian, Polish,
// Turkish, Russian names, is no ethyl ether (heldout24 a0046). A plain
// "éther" with a solvent's context stays ethyl ether.
func TestGap24PetroleumEther(t *testing.T) {
	m := mustMatcher(t)
	for _, tc := range []struct {
		title, desc string
		attrs       map[string]string
	}{
		{"Éther de pétrole 40-60 °C, 2,5 L", "Solvant d'extraction pour chromatographie.", map[string]string{"CAS": "8032-32-4"}},
		{"Ether de pétrole 99%, 2,5 L, solvant", "Qualité réactif, flacon verre.", nil},
		{"Ether 40/60 (Petrolether), 2,5 L", "Lösungsmittel, 99%, Reagenz, Flasche.", nil},
		{"Ether 40-60, 2.5 L bottle", "Petroleumether, reagent, 99%.", nil},
		{"Ether 40-60, 2.5 L bottle, reagent", "CAS 8032-32-4, 99%.", nil},
	} {
		got := m.Match(&precwatch.Listing{Title: tc.title, Description: tc.desc, Attributes: tc.attrs})
		if slices.Contains(offeredCAS(got), "60-29-7") {
			t.Errorf("title %q desc %q: CAS %v, want no ethyl ether; explain %q", tc.title, tc.desc, offeredCAS(got), got.Explain)
		}
	}
	runCAS(t, []casCase{
		{"Éther 99%, 2,5 L, solvant anhydre", "Flacon verre, réactif.", []string{"60-29-7"}, nil},
		{"Ether anhydrous 99%, 2.5 L", "Reagent, stabilised.", []string{"60-29-7"}, nil},
	})
}

// TestGap24ProhibitionStatement: "without a licence is prohibited" ("la
// venta sin licencia está prohibida", "ohne Lizenz ist verboten", "sans
// licence est interdite", "bez licencji jest zabroniona", "без лицензии
// запрещена") states a prohibition, the opposite of a no-paperwork offer
// (heldout24 a0091), and the Spanish regulator's "fiscaliza", "amplía
// controles", "en el Cuadro I" are report words. A seller's "sin
// licencia" stays the indicator.
func TestGap24ProhibitionStatement(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"es", "La ONU fiscaliza la 1-boc-4-piperidona y amplía controles", "El Ministerio recuerda que la alfa-fenilacetoacetamida (APAA) ya está en el Cuadro I desde 2020 y que la venta en línea sin licencia está prohibida.", false},
		{"es", "Acetona 20 L", "Bidón de 20 L. La venta sin licencia está prohibida, pedimos el permiso del comprador.", false},
		{"en", "Acetone 20 L", "Drum of 20 L. Sale without a licence is prohibited; we check every buyer's permit.", false},
		{"de", "Aceton 20 L", "Kanister 20 L. Der Verkauf ohne Lizenz ist verboten, wir prüfen jede Genehmigung.", false},
		{"fr", "Acétone 20 L", "Bidon de 20 L. La vente sans licence est interdite ; nous vérifions les autorisations.", false},
		{"pl", "Aceton 20 l", "Kanister 20 l. Sprzedaż bez licencji jest zabroniona, sprawdzamy zezwolenia.", false},
		{"ru", "Ацетон 20 л", "Канистра 20 л. Продажа без лицензии запрещена, проверяем разрешения.", false},
		// The Spanish regulator's words: the UN "fiscaliza" a chemical, it "is in Cuadro I".
		{"es", "La ONU fiscaliza la alfa-fenilacetoacetamida", "La venta en línea de APAA sigue en foros; la sustancia ya está en el Cuadro I desde 2020.", false},
		{"es", "España amplía controles sobre el anhídrido acético", "La venta del anhídrido acético en línea, incluido en el Cuadro I, exige registro.", false},
		// A seller's own "no licence" stays an indicator.
		{"es", "Acetona 20 L", "Sin licencia, sin preguntas. Bidón de 20 L.", true},
		{"en", "Acetone 20 L", "No licence needed, drum of 20 L.", true},
	})
}

// TestGap24PolishGlycidateCases: the Polish names of the BMK and PMK
// glycidates and glycidic acids in the genitive and instrumental
// ("glicydanu etylu BMK", "glicydanem metylu PMK", "kwasu glicydowego
// BMK") name them, not bare BMK or PMK, and a police seizure report
// ("CBŚP zabezpieczyło", "zabezpieczyli", "skonfiskowano") is no offer
// (heldout24 a0112). An offer stays an offer.
func TestGap24PolishGlycidateCases(t *testing.T) {
	runCAS(t, []casCase{
		{"CBŚP zabezpieczyło 600 kg glicydanu etylu BMK", "Prekursor miał trafić do laboratorium.", []string{"41232-97-7"}, []string{"103-79-7"}},
		{"Sprzedam 1 kg glicydanu metylu BMK", "Wysyłka w 24 h.", []string{"80532-66-7"}, []string{"103-79-7"}},
		{"Partia kwasu glicydowego BMK, 5 kg", "Czystość 99%.", []string{"25547-51-7"}, []string{"103-79-7"}},
		{"Handel glicydanem metylu PMK", "Oferta hurtowa, 10 kg.", []string{"13605-48-6"}, []string{"4676-39-5"}},
		{"Dostawy glicydanu etylu PMK, 25 kg", "Czystość 99%.", []string{"28578-16-7"}, []string{"4676-39-5"}},
	})
	runVerdicts(t, []verdictCase{
		{"pl", "CBŚP zabezpieczyło 600 kg glicydanu etylu BMK", "Prekursor miał trafić do laboratorium, gdzie przerabiano go na BMK. Przesyłki deklarowano jako 'dodatki paszowe'.", false},
		{"pl", "Policjanci zabezpieczyli 200 kg glicydanu metylu PMK", "Chemikalia miały trafić do nielegalnego laboratorium.", false},
		{"pl", "Na granicy skonfiskowano 300 kg kwasu glicydowego BMK", "Ładunek zadeklarowano jako nawóz.", false},
		// An offer stays an offer.
		{"pl", "Glicydan etylu BMK 1 kg", "Sprzedam glicydanu etylu BMK, wysyłka dyskretna.", true},
	})
}

// TestGap24DutchLysergicAcid: the Dutch "lysergzuur" (the name of the
// Dutch text of Regulation (EC) No 273/2004, beside "lyserginezuur"),
// plain, dotted or hyphen-spaced, names lysergic acid (heldout24 a0117).
func TestGap24DutchLysergicAcid(t *testing.T) {
	runCAS(t, []casCase{
		{"L.y.s.e.r.g.z.u.u.r 1g", "Zuiver, stealth verzending EU.", []string{"82-58-6"}, nil},
		{"Lysergzuur 500 mg", "Betaling alleen in XMR.", []string{"82-58-6"}, nil},
		{"l-y-s-e-r-g-z-u-u-r, 1 gram", "Discrete verzending.", []string{"82-58-6"}, nil},
	})
	runVerdicts(t, []verdictCase{
		{"nl", "L.y.s.e.r.g.z.u.u.r 1g", "Zuiver, stealth verzending EU.", true},
		{"nl", "Lysergzuur 500 mg", "Betaling alleen in XMR.", true},
	})
}
