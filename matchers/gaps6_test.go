package matchers

import (
	"testing"

	"github.com/precwatch/precwatch"
)

// Tests of the code-level gaps found on the sixth held-out set
// (testdata/heldout6; /work/notes/matcher-gaps.md, "Round 6"). Each case is
// written fresh, in other words than the held-out listing that showed the
// gap, so that the rule is tested and not the listing.

// A salt marker joined to a molecular formula or a name by a formula dot
// ("C9H13NO·HCl", "pseudoephedrine·HCl") salts it: it is not hydrochloric
// acid. A dot that ends a sentence before the acid keeps the acid.
func TestGap6SaltAfterFormulaDot(t *testing.T) {
	runGapCases(t, []gapCase{
		{title: "Intermediate C9H13NO·HCl, white powder 99%", desc: "MW 187.67, 1 kg foil bag.", price: "$90"},
		{title: "Norephedrine·HCl 99%, 100 g", desc: "", price: "$300", suspicious: true, cas: []string{"14838-15-4"}},
		{title: "Sodium hydroxide pellets 25 kg. HCl 37% 25 L also in stock", desc: "WhatsApp for price.", price: "$40",
			suspicious: true, cas: []string{"7647-01-0"}},
	})
}

// A name glued to a closing bracket that holds a substituent
// ("(4-methoxy)phenylacetic acid", "(3,4-dichloro)propiophenone") names a
// substituted compound, not the substance, whatever its list. A
// stereodescriptor in the brackets ("(±)norephedrine") keeps the name.
func TestGap6BracketSubstituent(t *testing.T) {
	runGapCases(t, []gapCase{
		{title: "(4-Methoxy)phenylacetic acid 98%, 100 g", desc: "Intermediate for dyes.", price: "$45"},
		{title: "2,5-(Dimethyl)benzaldehyde 97%, 25 g", desc: "Aroma intermediate.", price: "$30"},
		{title: "(±)norephedrine 99%, 10 g", desc: "", price: "$120", suspicious: true, cas: []string{"14838-15-4"}},
		{title: "Phenylacetic acid 99%, 1 kg (for penicillin G)", desc: "", price: "$40", suspicious: true, cas: []string{"103-82-2"}},
	})
}

// A question that is only a substance's name, bare or after "with", and is
// answered with a plain "no" denies the substance: "Ephedrine? No — …",
// "With pseudoephedrine? No, with phenylephrine".
func TestGap6BareNameQuestion(t *testing.T) {
	runGapCases(t, []gapCase{
		{title: "Safrole? No: isosafrole-free anethole 99%, 25 kg", desc: "Food grade anise oil component.", price: "$300"},
		{title: "Cold tablets 20 ct", desc: "With pseudoephedrine? No, with phenylephrine and paracetamol.", price: "$6"},
		{title: "Cold tablets 20 ct", desc: "With pseudoephedrine? Yes, 60 mg per tablet.", price: "$6", cas: []string{"90-82-4"}},
		{title: "Toluene-based paint thinner? No: odourless mineral spirits 5 L", desc: "", price: "$25", cas: []string{"108-88-3"}},
		{title: "Ephedrine HCl 99%? No problem, 1 kg in stock", desc: "", price: "$500", suspicious: true, cas: []string{"299-42-3"}},
	})
}

// A bulk word in the seller's name ("… Wholesale", "… Distributors") says
// what the company is, not how much the listing sells: a retail pack of a
// medicine with a Table I substance stays retail; the same word in the
// listing's own text makes it bulk.
func TestGap6SellerNameIsNoBulk(t *testing.T) {
	m := testMatcher(t)
	for _, tc := range []struct {
		title, desc, seller string
		want                bool
	}{
		{"Pseudoephedrine 60 mg tablets, 1 box of 24", "Pharmacy medicine.", "Northside Pharma Distributors", false},
		{"Ephedrine sulfate 50 mg/mL injection, 10 vials", "Hospital supply.", "Apex Wholesale Ltd", false},
		{"Pseudoephedrine 60 mg tablets, wholesale cartons", "Pharmacy medicine.", "Northside Pharma", true},
	} {
		l := precwatch.Listing{Title: tc.title, Description: tc.desc, Seller: tc.seller, Price: "$10"}
		if got := m.Match(&l).Suspicious; got != tc.want {
			t.Errorf("Match(%q / seller %q).Suspicious = %v, want %v", tc.title, tc.seller, got, tc.want)
		}
	}
}

// A medicine brand whose product the listing says holds none of the
// substance ("… without pseudoephedrine") does not name the substance;
// a brand alone, or a brand next to an unnegated name, still does.
func TestGap6BrandWithNegatedSubstance(t *testing.T) {
	runGapCases(t, []gapCase{
		{title: "Sudafed Day & Night 16 tablets", desc: "Reformulated: contains no pseudoephedrine (phenylephrine instead).", price: "$8"},
		{title: "Sudafed 12 hour, 10 tablets", desc: "Nasal decongestant.", price: "$8", cas: []string{"90-82-4"}},
		{title: "Sudafed 12 hour, 10 tablets", desc: "Pseudoephedrine 120 mg, not phenylephrine.", price: "$8", cas: []string{"90-82-4"}},
	})
}

// A medicine brand named as the source of a pure chemical, with no dosage
// form, does not make the listing a medicine: the chemical is offered. A
// brand with a dosage form stays a (retail) medicine.
func TestGap6BrandAsSourceOfChemical(t *testing.T) {
	runGapCases(t, []gapCase{
		{title: "Ergotamine tartrate 99%, 2 g", desc: "Left over from our Cafergot API lot, COA included.", price: "$400",
			suspicious: true, cas: []string{"113-15-5"}},
		{title: "Sudafed 12 hour, 10 tablets", desc: "Pseudoephedrine 120 mg.", price: "$8", cas: []string{"90-82-4"}},
	})
}

// In have/want notation what follows a "[W]" tag on its line, up to an
// "[H]" tag, is wanted, not offered: a post that only wants names the
// substance without offering it; what follows "[H]" is offered.
func TestGap6HaveWantNotation(t *testing.T) {
	runGapCases(t, []gapCase{
		{title: "Market thread", desc: "[W] safrole 2 L, paying BTC\n[W] isosafrole 1 L", cas: []string{"94-59-7", "120-58-1"}},
		{title: "Market thread", desc: "[H] safrole 2 L [W] BTC", suspicious: true, cas: []string{"94-59-7"}},
		{title: "Market thread", desc: "[W] XMR [H] isosafrole 1 L, stealth", suspicious: true, cas: []string{"120-58-1"}},
	})
}

// An offer word right after a negation cue ("no stock", "no longer sell")
// offers nothing: a discontinued catalogue entry names the substance
// without offering it. An offer word that is not denied keeps the offer.
func TestGap6DeniedOfferWord(t *testing.T) {
	runGapCases(t, []gapCase{
		{title: "2-Chlorophenyl cyclopentyl ketone 6740-85-8", desc: "Discontinued item, no stock. We no longer sell it.",
			cas: []string{"6740-85-8"}},
		{title: "2-Chlorophenyl cyclopentyl ketone 6740-85-8", desc: "Back in stock, we sell it again.",
			suspicious: true, cas: []string{"6740-85-8"}},
	})
}
