package matchers

import (
	"testing"

	"github.com/precwatch/precwatch"
)

// Code fixes of held-out round 10 (testdata/heldout10); each test fails on
// the code before its fix.

// casSet returns the offered primary CAS numbers of a listing's match.
func gap10CAS(t *testing.T, l precwatch.Listing) (precwatch.Match, []string) {
	t.Helper()
	got := mustMatcher(t).Match(&l)
	return got, offeredCAS(got)
}

// TestGap10InflectionChemicalSuffix: a stem matched with an inflectional
// ending is not matched when the "ending" is a chemical suffix that makes
// another compound (w0007 "N-Boc-4-piperidinol" read as piperidine).
func TestGap10InflectionChemicalSuffix(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"tert-Butyl 4-hydroxypiperidine-1-carboxylate (N-Boc-4-piperidinol) 98%, 100 g", nil},
		{"4-piperidinyl benzoate 97%, 25 g", nil},
		{"2-piperidinone (delta-valerolactam) 99%, 1 kg", nil},
		// The "-o" of a substituent prefix ("anilino-N-…", w0202) is no
		// case ending either; a Lithuanian genitive without the hyphen is.
		// The whole name is ANPP's Czech name (lexcov), never piperidine.
		{"Prodám 4-anilino-N-fenethylpiperidin, 10 g, 99 %", []string{"21409-26-7"}},
		{"piperidin 99%, 1 l, prodám", []string{"110-89-4"}},
		{"piperidinu 99 %, 1 l", []string{"110-89-4"}},
	} {
		_, got := gap10CAS(t, precwatch.Listing{Title: tc.text})
		if !equalStrings(got, tc.want) {
			t.Errorf("%q: CAS %v, want %v", tc.text, got, tc.want)
		}
	}
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestGap10FreeCompoundNegatesNoun: "X-free" before another name of X
// negates that name too (w0024 "Safrole-free Sassafras Oil" read as
// safrole through the trade name "sassafras oil").
func TestGap10FreeCompoundNegatesNoun(t *testing.T) {
	for _, tc := range []struct {
		title, desc string
		want        []string
		susp        bool
	}{
		{"Safrole-free Sassafras Oil 30 ml", "Fragrance oil for soap and candles.", nil, false},
		{"Safrole free sassafras oil type, 10 ml", "Root beer note.", nil, false},
		// A name of the same substance that is not right after the cue
		// keeps its mention.
		{"Sassafras oil 1 L", "Not safrole-free: natural sassafras oil, 98% safrole.", []string{"94-59-7"}, true},
	} {
		got, cas := gap10CAS(t, precwatch.Listing{Title: tc.title, Description: tc.desc})
		if !equalStrings(cas, tc.want) || got.Suspicious != tc.susp {
			t.Errorf("%q / %q: CAS %v suspicious %v, want %v %v; %v", tc.title, tc.desc, cas, got.Suspicious, tc.want, tc.susp, got.Explain)
		}
	}
}

// TestGap10ListCueBeforePureChemical: a list cue of constituents or notes
// does not make a component of a mention that carries a purity of 90 % or
// more ("main constituents include safrole 99%, 1 kg": the product is the
// chemical), while constituents with their share of a blend stay
// components.
func TestGap10ListCueBeforePureChemical(t *testing.T) {
	for _, tc := range []struct {
		title, desc string
		susp        bool
	}{
		{"Brown camphor oil 1 kg", "Main constituents include safrole 99%, 1 kg drum, 400 USD, ships worldwide.", true},
		{"Aroma raw material", "Heart notes: heliotropin (98 %), 25 kg drum available, price 90 EUR/kg.", true},
		{"Aroma raw material", "Constituents: safrole ≥99.5%, sold per litre, 120 EUR.", true},
		{"Nutmeg oil 10 ml", "Main constituents include sabinene 30%, myristicin 8% and safrole 1.5%. 10 ml bottle, 6 EUR.", false},
		{"Sassafras type oil", "Key constituents: safrole (85%), camphor. 1 L: 120 EUR", false},
		{"Eau de parfum 50 ml", "Heart notes: iris, heliotropin, tonka. 79 EUR.", false},
	} {
		got := mustMatcher(t).Match(&precwatch.Listing{Title: tc.title, Description: tc.desc})
		if got.Suspicious != tc.susp {
			t.Errorf("%q / %q: suspicious %v, want %v; %v", tc.title, tc.desc, got.Suspicious, tc.susp, got.Explain)
		}
	}
}

// TestGap10CompoundHead: a name of an inflecting language glued to a salt or
// dosage-form word ("efedriinitabletit", "efedrintabletter",
// "piperidiinihydrokloridi") names the substance (w0208).
func TestGap10CompoundHead(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"Myydään efedriinitabletteja 25 mg, 20 kpl", []string{"299-42-3"}},
		{"Säljer efedrintabletter 25 mg, 20 st", []string{"299-42-3"}},
		{"Piperidiinihydrokloridi 98 %, 100 g", []string{"110-89-4"}},
		{"Myydään kaliumpermanganaattikiteitä 500 g", []string{"7722-64-7"}},
		// Other glued words still end nothing ("asetonitriili" is
		// acetonitrile).
		{"Asetonitriili HPLC 2,5 l", nil},
	} {
		_, got := gap10CAS(t, precwatch.Listing{Title: tc.text})
		if !equalStrings(got, tc.want) {
			t.Errorf("%q: CAS %v, want %v", tc.text, got, tc.want)
		}
	}
}

// TestGap10FinnishAbessive: the Finnish abessive adjective glued to a name
// ("asetoniton", "acetone-free") negates it (w0238).
func TestGap10FinnishAbessive(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"Asetoniton kynsilakanpoistoaine 100 ml", nil},
		{"Asetoni 5 l, 99,5 %", []string{"67-64-1"}},
	} {
		_, got := gap10CAS(t, precwatch.Listing{Title: tc.text})
		if !equalStrings(got, tc.want) {
			t.Errorf("%q: CAS %v, want %v", tc.text, got, tc.want)
		}
	}
}

// TestGap10ContainsNamesAComponent: a product that "contains" a Table I
// chemical that is no medicine's ingredient does not offer the chemical
// (known gaps r0379 "Nutmeg oil … (contains safrole and myristicin)" and
// s0245 "contains natural safrole"), unless an amount or a purity of 90 %
// or more goes with the mention; medicines naming their active ingredient
// and retail Table II products with an indicator keep their verdicts.
func TestGap10ContainsNamesAComponent(t *testing.T) {
	for _, tc := range []struct {
		title, desc string
		susp        bool
		want        []string
	}{
		{"Nutmeg oil 100 ml, natural (contains safrole and myristicin)", "Steam-distilled, for aromatherapy.", false, []string{"94-59-7"}},
		{"Sassafras root bark tea 100 g", "Root-beer flavour herb. Contains natural safrole, not for internal use. $12", false, []string{"94-59-7"}},
		{"Extraction kit", "The kit contains 500 ml safrole and glassware. $300", true, []string{"94-59-7"}},
		{"Precursor set", "The set contains safrole, isosafrole and piperonal, reagent grade, 100 ml each. $300", true, []string{"120-57-0", "120-58-1", "94-59-7"}},
		{"Brown camphor oil 1 kg", "Contains safrole 99%, drum, $400.", true, []string{"94-59-7"}},
		{"Decongestant tablets 60 mg x 24", "Each tablet contains pseudoephedrine hydrochloride. No prescription, ships discreetly. $20", true, []string{"90-82-4"}},
		{"Drain cleaner 1 L", "Contains sulphuric acid. Ships discreetly in a plain box. $9", true, []string{"7664-93-9"}},
	} {
		got, cas := gap10CAS(t, precwatch.Listing{Title: tc.title, Description: tc.desc})
		if got.Suspicious != tc.susp || !equalStrings(cas, tc.want) {
			t.Errorf("%q / %q: suspicious %v CAS %v, want %v %v; %v", tc.title, tc.desc, got.Suspicious, cas, tc.susp, tc.want, got.Explain)
		}
	}
}

// TestGap10BracketLocantYl: a name glued to a bracketed substituent that
// ends in a locant and "-yl" names another compound ("1-(piperidin-1-yl)
// propan-2-one" is no acetone, w0294).
func TestGap10BracketLocantYl(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"1-(Piperidin-1-yl)propan-2-one 97%, 5 g", nil},
		{"1-(4-Methylphenyl-2-yl)propan-2-one 97%, 5 g", nil},
		{"Acetone (propan-2-one) 99.5%, 5 L", []string{"67-64-1"}},
	} {
		_, got := gap10CAS(t, precwatch.Listing{Title: tc.text})
		if !equalStrings(got, tc.want) {
			t.Errorf("%q: CAS %v, want %v", tc.text, got, tc.want)
		}
	}
}

// TestGap10NegationCueColon: a negation cue followed by a colon negates
// the list it opens ("Мы НЕ продаём: эфедрин, псевдоэфедрин, сафрол",
// w0299), while the offer after the list keeps its mention.
func TestGap10NegationCueColon(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"We do not sell: ephedrine, pseudoephedrine, safrole. In stock: acetone 5 L.", []string{"67-64-1"}},
		{"Мы не продаём: эфедрин, псевдоэфедрин, сафрол. В наличии: ацетон 5 л.", []string{"67-64-1"}},
	} {
		_, got := gap10CAS(t, precwatch.Listing{Title: "Price list", Description: tc.text})
		if !equalStrings(got, tc.want) {
			t.Errorf("%q: CAS %v, want %v", tc.text, got, tc.want)
		}
	}
}
