package matchers

import "testing"

// Tests of the code-level gaps found on the fifth held-out set
// (testdata/heldout5; /work/notes/matcher-gaps.md, "Round 5"). Each case is
// written fresh, in other words than the held-out listing that showed the
// gap, so that the rule is tested and not the listing.

// A question answered with a plain "no" denies what it asks: an indicator
// asked about ("Can you ship it discreetly? — No, …") is none, and a
// substance asked about as content ("Does it contain ephedrine? A: No.")
// is not offered. "No problem" is no answer, and a "yes" keeps both.
func TestGap5QuestionAnsweredNo(t *testing.T) {
	runGapCases(t, []gapCase{
		{title: "Toluene 99.5%, 4 L can", desc: "Questions: Do you accept Bitcoin only? A: No, card and bank transfer.", price: "$45",
			cas: []string{"108-88-3"}},
		{title: "MEK solvent, 1 gal", desc: "Q: Will it come in a plain box without labels? A: Nope. Hazmat labels are required by law.", price: "$30",
			cas: []string{"78-93-3"}},
		{title: "Herbal energy capsules, 60 ct", desc: "Q: Is there any ephedrine in it? A: No. Caffeine and green tea only.", price: "$20"},
		{title: "Toluene 99.5%, 4 L can", desc: "Q: Can you ship discreetly? A: No problem, we always do.", price: "$45",
			suspicious: true, cas: []string{"108-88-3"}},
		{title: "Energy capsules, 60 ct", desc: "Q: Does it contain ephedrine? A: Yes, 8 mg per capsule.", price: "$20",
			cas: []string{"299-42-3"}},
		{title: "MEK solvent, 1 gal", desc: "Q: Is it discreet? A: No-label plain boxes, always.", price: "$30",
			suspicious: true, cas: []string{"78-93-3"}},
		{title: "Toluène 10 L", desc: "Q : Paiement en bitcoin uniquement ? R : Non, virement bancaire.", price: "45 €",
			cas: []string{"108-88-3"}},
		{title: "Toluen 10 l", desc: "Pytanie: Czy wysyłka dyskretna? Odpowiedź - nie.", price: "120 zł",
			cas: []string{"108-88-3"}},
	})
}

// A "free of" cue denies every item of the short list it opens, not only
// a watchlist name right after it: "free from gluten and ephedrine",
// "without dyes, sugar or pseudoephedrine". "Free of charge delivery and
// …" opens no list, and a sentence break ends one.
func TestGap5NegatedCoordination(t *testing.T) {
	runGapCases(t, []gapCase{
		{title: "Herbal slimming tea, 30 bags", desc: "Free from gluten and ephedrine. Green tea, ginger, lemon.", price: "$12"},
		{title: "Kids' cough syrup 100 mL", desc: "Made without dyes, sugar or pseudoephedrine.", price: "$7"},
		{title: "Nail polish remover 200 mL", desc: "Gentle formula free of parabens, fragrance and acetone.", price: "$4"},
		{title: "Ephedrine HCl 99%, 100 g", desc: "Free of charge delivery and ephedrine samples on request.", price: "$300",
			suspicious: true, cas: []string{"299-42-3"}},
		{title: "Toluene 99%, 20 L", desc: "Free of water. Toluene ships discreetly.", price: "$60",
			suspicious: true, cas: []string{"108-88-3"}},
		{title: "Sold without paperwork and ephedrine HCl 99% in stock", desc: "", price: "$250 / 100 g",
			suspicious: true, cas: []string{"299-42-3"}},
	})
}

// A purity or quantity glued to a name ("AceticAnhydride99%",
// "TOLUENE200L") does not hide it; a digit glued to a short abbreviation
// is a product code ("MEK1 kinase assay").
func TestGap5DigitGluedToName(t *testing.T) {
	runGapCases(t, []gapCase{
		{title: "AceticAnhydride99.5%200kg", desc: "", suspicious: true, cas: []string{"108-24-7"}},
		{title: "PSEUDOEPHEDRINE60MG X 1000 TABS WHOLESALE", desc: "", suspicious: true, cas: []string{"90-82-4"}},
		{title: "Isosafrole98% 1L", desc: "ships fast", price: "$220", suspicious: true, cas: []string{"120-58-1"}},
		{title: "MEK1 kinase assay kit, 96 wells", desc: "For research use.", price: "$480"},
		// A dose glued between the name and its unit is no leetspeak.
		{title: "Ephedrine10mg tablets, 5000 ct, wholesale", desc: "", price: "$900", suspicious: true, cas: []string{"299-42-3"}},
		{title: "Safrole30ml", desc: "sassafras origin", price: "$40", suspicious: true, cas: []string{"94-59-7"}},
	})
	for _, tc := range []struct{ in, want string }{
		{"ephedrine10mg", "ephedrine10mg"},
		{"3phedr1ne", "ephedrine"},
	} {
		if got := Normalize(tc.in).String(); got != tc.want {
			t.Errorf("Normalize(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// Lithuanian and Latvian names end in -s in the nominative, which the
// other cases drop: "druskos rūgštis" / "druskos rūgštį", "acto rūgšties
// anhidridas" / "acto rūgšties anhidridą".
func TestGap5BalticNominativeS(t *testing.T) {
	runGapCases(t, []gapCase{
		{title: "Parduodu druskos rūgštį, 30 l", desc: "Be dokumentų.", price: "45 EUR", suspicious: true, cas: []string{"7647-01-0"}},
		{title: "Tiekiame sieros rūgštį akumuliatoriams, 20 l", desc: "Pristatymas Vilniuje.", price: "40 EUR", cas: []string{"7664-93-9"}},
		{title: "Siūlome acto rūgšties anhidridą, 200 kg", desc: "Grynumas 99 %.", price: "900 EUR", suspicious: true, cas: []string{"108-24-7"}},
	})
}

// "Pseudo" is the sellers' shorthand for pseudoephedrine when a dose, a
// dosage form or an extraction stands next to it ("Pseudo 60mg 10k tabs",
// "extract pseudo from cold pills"); alone, or in pseudo-random,
// pseudo-element or pseudo leather, it is nothing.
func TestGap5PseudoShorthand(t *testing.T) {
	runGapCases(t, []gapCase{
		{title: "Pseudo 60mg, 10k tabs wholesale", desc: "Signal only.", suspicious: true, cas: []string{"90-82-4"}},
		{title: "Pseudo HCl powder 100 g", desc: "", price: "$400", suspicious: true, cas: []string{"90-82-4"}},
		{title: "Pseudo-random number generator board", desc: "Hardware RNG, USB, ships in 2 days.", price: "$25"},
		{title: "Pseudo leather jacket, black", desc: "Size M, 2 pockets.", price: "$40"},
		{title: "CSS course: pseudo-element and pseudo class selectors", desc: "12 video lessons.", price: "$15"},
	})
}

// A drug named inside the name of a law or a public-health phrase is no
// synthesis hint: every US pharmacy page of a pseudoephedrine medicine
// carries the "Combat Methamphetamine Epidemic Act" purchase-limit notice.
// An encyclopedia's licence line and "its sale is restricted" are words of
// a page about a substance, not of an offer. A medicine offered "for meth"
// keeps its hint.
func TestGap5LawNameIsNoHint(t *testing.T) {
	runGapCases(t, []gapCase{
		{title: "Sudafed 12 Hour, pseudoephedrine HCl 120 mg, 20 tablets", desc: "Purchase limits apply; ID required under the Combat Methamphetamine Epidemic Act of 2005.", price: "$12.97",
			cas: []string{"90-82-4"}},
		{title: "Pseudoephedrine", desc: "Pseudoephedrine is a sympathomimetic drug used as a decongestant. Because it can be reduced to methamphetamine, its sale is restricted in many countries. Text is available under the Creative Commons Attribution-ShareAlike License.",
			cas: []string{"90-82-4"}},
		{title: "Sudafed 120 mg, 20 tablets", desc: "Good for meth, ask for more.", price: "$30",
			suspicious: true, cas: []string{"90-82-4"}},
	})
}
