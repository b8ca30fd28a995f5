package matchers

import (
	"reflect"
	"testing"

	"github.com/precwatch/precwatch"
)

// Tests of the code-level gaps found on the second held-out set
// (testdata/heldout2; /work/notes/matcher-gaps.md, "Round 2"). Each case is
// written fresh, in other words than the held-out listing that showed the
// gap, so that the rule is tested and not the listing.

// A full name right before a longer name of another substance, separated
// by list punctuation, is a list item, not a word of that longer name
// ("ephedrine, pseudoephedrine": two substances).
func TestGap2ListNotQualifier(t *testing.T) {
	runGapCases(t, []gapCase{
		{title: "Category 1 list", desc: "Controlled: ephedrine, pseudoephedrine and norephedrine salts.", price: "€10",
			suspicious: true, cas: []string{"14838-15-4", "299-42-3", "90-82-4"}},
		{title: "ephedrine; pseudoephedrine HCl powder", price: "$99", suspicious: true, cas: []string{"299-42-3", "90-82-4"}},
		{title: "ephedrine/pseudoephedrine crystals", price: "$99", suspicious: true, cas: []string{"299-42-3", "90-82-4"}},
		// Still a qualifier: the abbreviation in brackets after the glycidate.
		{title: "Sodium glycidate (BMK) white powder", desc: "sodium 2-methyl-3-phenyloxirane-2-carboxylate", price: "$5",
			suspicious: true, cas: []string{"25547-51-7"}},
	})
}

// A substance named as what a product is made from, in a process clause
// before it ("manufactured from safrole", "produced by acetylation with
// acetic anhydride", "hergestellt durch … mit Essigsäureanhydrid"), is not
// offered; it stays a mention (CAS kept).
func TestGap2ProcessClause(t *testing.T) {
	runGapCases(t, []gapCase{
		{title: "Vanillin crystals 1 kg", desc: "Synthetic vanillin. Older grades were made from safrole-rich oils; ours is from guaiacol.", price: "$30",
			cas: []string{"94-59-7"}},
		{title: "Paracetamol API 25 kg", desc: "Produced by acetylation of 4-aminophenol with acetic anhydride, GMP.", price: "$4/kg",
			cas: []string{"108-24-7"}},
		{title: "Celluloseacetat Granulat 10 kg", desc: "Hergestellt aus Zellstoff durch Umsetzung mit Essigsäureanhydrid.", price: "80 €",
			cas: []string{"108-24-7"}},
		{title: "Acétate de cellulose 5 kg", desc: "Fabriqué à partir de pâte de bois et d'anhydride acétique.", price: "60 €",
			cas: []string{"108-24-7"}},
		// The process clause is about another product: the title offers it.
		{title: "Acetic anhydride 99% 200 kg drum", desc: "Made from ketene and acetic acid by the ketene process.", price: "$900",
			suspicious: true, cas: []string{"108-24-7"}},
		// A new clause ends the process cue.
		{title: "Our range", desc: "Vanillin made from guaiacol. Safrole 98%, 1 L.", price: "$80",
			suspicious: true, cas: []string{"94-59-7"}},
	})
}

// A court report with three or more distinct report words is a report even
// when it says how the accused arranged delivery; a denied report word ("no
// police") is no report word.
func TestGap2ReportOutweighsContact(t *testing.T) {
	runGapCases(t, []gapCase{
		{title: "Three sentenced over 120 kg of PMK glycidate powder",
			desc: "The court heard the defendants arranged delivery of the powder through a Telegram contact.",
			cas:  []string{"13605-48-6"}},
		{title: "Two jailed over PMK glycidate shipments",
			desc: "The court heard the defendants arranged delivery of 200 kg of PMK methyl glycidate via WhatsApp groups.",
			cas:  []string{"13605-48-6"}},
		// Two report words and a delivery word stay an offer.
		{title: "PMK glycidate oil 5 kg", desc: "no police, no seizure, safe delivery to the UK", suspicious: true, cas: []string{"13605-48-6"}},
	})
}

// A CAS-labelled attribute ("CAS": "28578 16 7") gives its value the
// context of a CAS keyword: spaced, dotted and unseparated forms count
// there, as they do after "CAS" in text; other attributes do not.
func TestGap2AttributeCAS(t *testing.T) {
	m := testMatcher(t)
	tests := []struct {
		attrs map[string]string
		want  []string
	}{
		{map[string]string{"CAS": "28578 16 7", "Purity": "99%"}, []string{"28578-16-7"}},
		{map[string]string{"CAS No.": "5449.12.7"}, []string{"25547-51-7"}},
		{map[string]string{"cas_number": "103797"}, []string{"103-79-7"}},
		{map[string]string{"CAS号": " 120 57 0"}, []string{"120-57-0"}},
		{map[string]string{"CAS-Nr": "4676-39-5"}, []string{"4676-39-5"}},
		{map[string]string{"CAS": "28578 16 8"}, nil},        // wrong check digit
		{map[string]string{"Batch": "28578 16 7"}, nil},      // not a CAS label
		{map[string]string{"Casing": "28578 16 7"}, nil},     // a word that starts with cas
		{map[string]string{"Case pack": "103797"}, nil},      // likewise
		{map[string]string{"HS code / CAS": "2932 99"}, nil}, // no CAS number
	}
	for _, tc := range tests {
		l := precwatch.Listing{Title: "Pale yellow oil, 99%", Price: "$500/kg", Attributes: tc.attrs}
		got := offeredCAS(m.Match(&l))
		if !reflect.DeepEqual(got, tc.want) && !(len(got) == 0 && len(tc.want) == 0) {
			t.Errorf("Match(attributes %v) = cas %v, want %v", tc.attrs, got, tc.want)
		}
	}
	// The hit's offsets point into the attribute value.
	l := precwatch.Listing{Title: "oil", Price: "$1", Attributes: map[string]string{"CAS": " 28578 16 7 "}}
	res := m.Match(&l)
	if len(res.Substances) != 1 || len(res.Substances[0].Hits) != 1 {
		t.Fatalf("Match(attribute CAS) = %+v, want one substance with one hit", res.Substances)
	}
	if h := res.Substances[0].Hits[0]; h.Field != "attributes.CAS" || l.Attributes["CAS"][h.Start:h.End] != "28578 16 7" {
		t.Errorf("attribute CAS hit = %+v, want field attributes.CAS and text %q", h, "28578 16 7")
	}
}

// A locant name glued by a hyphen to a substituent ("4-phenyl-2-butanone",
// "(4-hydroxyphenyl)-2-butanone") names another compound, not the Table II
// substance or reagent ("2-butanone" = MEK); Table I and immediate-precursor
// names keep their hit (recall first where any quantity is a ticket).
func TestGap2SubstitutedLocantName(t *testing.T) {
	runGapCases(t, []gapCase{
		{title: "4-Phenyl-2-butanone 98%, 1 kg", desc: "Floral fragrance ketone.", price: "$40"},
		{title: "Raspberry ketone", desc: "4-(4-hydroxyphenyl)-2-butanone, 99%, 1 kg.", price: "$60"},
		{title: "2-Butanone (MEK) 99%, 20 L", price: "$50", cas: []string{"78-93-3"}},
		{title: "Solvent", desc: "CAS 78-93-3, 2-butanone, 99.9%", price: "$50", cas: []string{"78-93-3"}},
		{title: "1-Phenyl-2-propanone 99%", price: "$300", suspicious: true, cas: []string{"103-79-7"}},
		// Table I 4-piperidone: since round 27 (heldout27 f0018, f0024) a
		// substituent glued to the bare ring name names another compound
		// (match.go ringSubstituted); the watched N-substituted piperidones
		// have entries of their own.
		{title: "1-Methyl-4-piperidone 98%, 100 g", price: "$30"},
	})
}

// The policy's payment indicator is crypto-ONLY payment: crypto among
// other methods (T/T, PayPal, Überweisung) is none; "only"/"nur"/"только"
// next to it, or no other method (or a denied one), keeps it.
func TestGap2CryptoOnly(t *testing.T) {
	runGapCases(t, []gapCase{
		{title: "Toluene 99% 200 L", desc: "We accept wire transfer, PayPal and USDT.", price: "$300", cas: []string{"108-88-3"}},
		{title: "Aceton 99 % 25 L", desc: "Bezahlung: Vorkasse, Kreditkarte oder Bitcoin.", price: "60 €", cas: []string{"67-64-1"}},
		{title: "Toluene 99% 200 L", desc: "Payment: USDT (TRC20).", price: "$300", suspicious: true, cas: []string{"108-88-3"}},
		{title: "Toluene 99% 200 L", desc: "PayPal not accepted, Monero only.", price: "$300", suspicious: true, cas: []string{"108-88-3"}},
		{title: "Aceton 99 % 25 L", desc: "Zahlung nur in Bitcoin; keine Überweisung.", price: "60 €", suspicious: true, cas: []string{"67-64-1"}},
		{title: "Ацетон 10 л", desc: "Оплата только в USDT, наличные не принимаем.", price: "2000 ₽", suspicious: true, cas: []string{"67-64-1"}},
		// Crypto preferred or rewarded while fiat is also taken (reference
		// risk indicator D2, "cryptocurrency preferred").
		{title: "Toluene 99% 200 L", desc: "Payment: T/T, PayPal, BTC preferred.", price: "$300", suspicious: true, cas: []string{"108-88-3"}},
		{title: "Toluene 99% 200 L", desc: "We accept bank transfer; 5% discount for USDT payment.", price: "$300", suspicious: true, cas: []string{"108-88-3"}},
		{title: "Aceton 99 % 25 L", desc: "Zahlung per Überweisung oder vorzugsweise Bitcoin.", price: "60 €", suspicious: true, cas: []string{"67-64-1"}},
		{title: "Toluene 99% 200 L", desc: "Bulk discount for 10 drums. Payment: T/T, USDT.", price: "$300", cas: []string{"108-88-3"}},
	})
}

// An inline HTML tag between two letters (<wbr>, <b>, <span …>) is dropped
// like a zero-width character, so the word it cuts still matches.
func TestGap2InlineTag(t *testing.T) {
	runGapCases(t, []gapCase{
		{title: "Ephe<wbr>drine HCl 100 g", price: "$90", suspicious: true, cas: []string{"299-42-3"}},
		{title: "Safr<span class=\"hl\">ole</span> 98%, 1 L", price: "$90", suspicious: true, cas: []string{"94-59-7"}},
		{title: "Acetone<br>toluene", desc: "two solvents, 20 L each", price: "$90", cas: []string{"108-88-3", "67-64-1"}},
	})
}

// A watchlist name that glues Latin letters to CJK ("BMK缩水甘油酸钠") also
// matches with a space between the scripts.
func TestGap2ScriptBoundarySpace(t *testing.T) {
	runGapCases(t, []gapCase{
		{title: "PMK 缩水甘油酸乙酯 现货", price: "¥ 3000", suspicious: true, cas: []string{"28578-16-7"}},
		{title: "BMK 缩水甘油酸 99%", price: "¥ 2000", suspicious: true, cas: []string{"25547-51-7"}},
	})
}

// In a short listing, a block word of an ambiguous term anywhere (not only
// next to it or in the title) decides what the product is, unless the
// listing gives the substance's CAS number.
func TestGap2ShortListingBlock(t *testing.T) {
	runGapCases(t, []gapCase{
		{title: "NPP 150 — WhatsApp for price", desc: "10 ml, 150 mg/ml, injectable.", price: "$40"},
		{title: "NPP 99% powder", desc: "CAS 39742-60-4. Not an injectable.", price: "$400", suspicious: true, cas: []string{"39742-60-4"}},
	})
}

// An abbreviation followed by its CAS label and a glycidate's CAS number
// ("BMK (CAS 5449-12-7)") names that glycidate, not P-2-P/PMK; with the
// abbreviation's own CAS it stays itself.
func TestGap2CASLabelQualifier(t *testing.T) {
	runGapCases(t, []gapCase{
		{title: "BMK (CAS 5449-12-7) powder", price: "$300", suspicious: true, cas: []string{"25547-51-7"}},
		{title: "PMK, CAS No.: 28578-16-7, oil", price: "$500", suspicious: true, cas: []string{"28578-16-7"}},
		{title: "PMK (CAS 4676-39-5) oil", price: "$900", suspicious: true, cas: []string{"4676-39-5"}},
		{title: "BMK - cas# 103-79-7", price: "$900", suspicious: true, cas: []string{"103-79-7"}},
	})
}

// A word that is a context word of one ambiguous term and a block word of
// another ("tablets": context of PSE and Contac, block of HCl) counts as
// each only for its own term.
func TestGap2ContextVsBlockWord(t *testing.T) {
	runGapCases(t, []gapCase{
		{title: "PSE 60 mg tablets x 100", desc: "no prescription needed", price: "$40", suspicious: true, cas: []string{"90-82-4"}},
		{title: "Contac 12 hour tablets, 10 ct", price: "$6", cas: []string{"90-82-4"}},
		{title: "Glucosamine HCl tablets 1500 mg", price: "$9"},
	})
}

// A not-substance noun given as an extra ("+ free ebook", "with poster")
// is not what is sold, even where the listing names it again; as the
// product itself ("Book: …", "… necklace") it still is.
func TestGap2BonusNoun(t *testing.T) {
	runGapCases(t, []gapCase{
		{title: "Safrole 98% 500 ml + free poster", desc: "Poster ships rolled in the same box.", price: "$120",
			suspicious: true, cas: []string{"94-59-7"}},
		{title: "Acetic anhydride 1 L with bonus ebook", desc: "The ebook is sent by e-mail.", price: "$60",
			suspicious: true, cas: []string{"108-24-7"}},
		{title: "Poster: safrole molecule, A3", price: "$10", cas: []string{"94-59-7"}},
	})
}

// A dosage form ("tablets") makes a finished medicine only of a substance
// that is a medicine's active ingredient; potassium permanganate tablets
// for water treatment are the Table I chemical (any quantity).
func TestGap2DosageFormOfChemical(t *testing.T) {
	runGapCases(t, []gapCase{
		{title: "Potassium permanganate tablets 200 mg, 50 ct", desc: "For disinfecting well water.", price: "$9",
			suspicious: true, cas: []string{"7722-64-7"}},
		{title: "Pseudoephedrine 60 mg tablets, 24 ct", desc: "Nasal decongestant.", price: "$9", cas: []string{"90-82-4"}},
	})
}
