package matchers

import "testing"

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
